//! The pure domain: decks and their checker, the journal and its store, stats and insights, the talk engine. No terminal.

#[path = "domain/builtin_decks.rs"]
mod builtin_decks;
mod common;
#[path = "domain/couples.rs"]
mod couples;
#[path = "domain/decks.rs"]
mod decks;
#[path = "domain/decks_load.rs"]
mod decks_load;
#[path = "domain/insights.rs"]
mod insights;
#[path = "domain/journal.rs"]
mod journal;
#[path = "domain/not_files.rs"]
mod not_files;
#[path = "domain/repair.rs"]
mod repair;
#[path = "domain/stats.rs"]
mod stats;
#[path = "domain/symlinked_journal.rs"]
mod symlinked_journal;
#[path = "domain/talk.rs"]
mod talk;
#[path = "domain/understand.rs"]
mod understand;
#[path = "domain/weekly.rs"]
mod weekly;
