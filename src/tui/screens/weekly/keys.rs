//! The keys of each step of the weekly conversation.

use super::WeeklyScreen;

pub fn help(_screen: &WeeklyScreen) -> Vec<(&'static str, &'static str)> {
    Vec::new()
}
