//! Placeholder for the therapist demo's sample history.

use chrono::{DateTime, FixedOffset};

use crate::journal::Journal;

pub fn sample_journal(_now: DateTime<FixedOffset>) -> Journal {
    Journal::default()
}

pub fn demo_config() -> crate::config::Config {
    crate::config::Config::default()
}
