//! One module per screen: its state, its keys, and how it draws.

pub mod decks;
pub mod dialogs;
pub mod help;
pub mod history;
pub mod home;
pub mod setup;
pub mod summary;
pub mod talk;
