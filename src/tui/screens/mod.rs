//! One module per screen: its state, its keys, and how it draws.

pub mod activity;
pub mod decks;
pub mod dialogs;
pub mod help;
pub mod history;
pub mod home;
pub mod reflection;
pub mod repair;
pub mod setup;
pub mod summary;
pub mod talk;
pub mod understand;
pub mod weekly;
