//! The keys of each step of the repair conversation.

use super::RepairScreen;

pub fn help(_screen: &RepairScreen) -> Vec<(&'static str, &'static str)> {
    Vec::new()
}
