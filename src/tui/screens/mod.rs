//! One module per screen: its state, its keys, and how it draws.

pub mod help;
pub mod home;
pub mod setup;
