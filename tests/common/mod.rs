pub mod talks;
pub mod tui;
