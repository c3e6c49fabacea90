pub mod keys;
pub mod talks;
pub mod tui;
