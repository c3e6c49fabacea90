pub mod tui;
pub mod talks;
