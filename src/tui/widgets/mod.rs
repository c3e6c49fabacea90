//! Visual pieces shared by the screens.

pub mod card;
pub mod chrome;
pub mod closeness;
pub mod footer;
pub mod rating;
pub mod timer;
pub mod too_small;
