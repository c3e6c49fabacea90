//! The journal: every talk a couple (or one person) has had, as kept in `journal.json`.
//!
//! The types keep fields they do not know (`extra`), and keep timestamps as written,
//! so reading and rewriting a journal loses nothing.

pub mod appreciations;
pub mod couples;
pub(crate) mod de;
pub mod draft;
pub mod export;
mod extra;
pub mod flow_lines;
pub mod insights;
pub mod merge;
pub mod privacy;
pub mod rounds;
pub mod stats;
pub mod store;

use crate::mode::Mode;
use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Serialize, Serializer};
#[cfg(test)]
use serde_json::Value;

/// The value of the top-level `format` field of every heard journal.
pub const FORMAT: &str = "heard-journal";
/// The journal version this heard writes. A higher version is read but never written.
pub const VERSION: u64 = 1;

pub use extra::Extra;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Journal {
    pub format: String,
    pub version: u64,
    pub sessions: Vec<Session>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Default for Journal {
    fn default() -> Self {
        Journal {
            format: FORMAT.to_string(),
            version: VERSION,
            sessions: Vec::new(),
            extra: Extra::new(),
        }
    }
}

impl Journal {
    /// Sessions whose id starts with `prefix`.
    pub fn find_by_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a Session> {
        self.sessions
            .iter()
            .filter(move |s| s.id.starts_with(prefix))
    }
}

/// One talk: a couple talk or a solo reflection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Session {
    pub id: String,
    pub mode: SessionMode,
    pub started_at: Timestamp,
    pub ended_at: Option<Timestamp>,
    pub completed: bool,
    pub deck_id: String,
    pub partners: Vec<String>,
    pub mood_before: Vec<Option<u8>>,
    pub mood_after: Vec<Option<u8>>,
    pub closeness: Vec<Option<u8>>,
    pub turns: Vec<Turn>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Session {
    pub fn is_couple(&self) -> bool {
        self.mode == Mode::Couple
    }

    /// The name of partner `index`, or a placeholder when the journal names fewer partners.
    pub fn partner_name(&self, index: usize) -> &str {
        self.partners.get(index).map_or("?", String::as_str)
    }
}

/// One prompt answered (or passed) by one speaker.
///
/// Rating fields are `Option<Option<_>>`: the outer `None` means the field is absent
/// from the file (a solo turn has no `felt_heard`), `Some(None)` means it is there as
/// `null` (not answered). Both survive a rewrite as they were.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Turn {
    pub prompt_id: String,
    pub prompt: String,
    pub speaker: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub felt_heard: Option<Option<u8>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub felt_validated: Option<Option<u8>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listener_guess: Option<Option<u8>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clarity: Option<Option<u8>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bring_to_talk: Option<Option<bool>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seconds: Option<Option<u64>>,
    pub skipped: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Turn {
    pub fn felt_heard(&self) -> Option<u8> {
        self.felt_heard.flatten()
    }
    pub fn felt_validated(&self) -> Option<u8> {
        self.felt_validated.flatten()
    }
    pub fn listener_guess(&self) -> Option<u8> {
        self.listener_guess.flatten()
    }
    pub fn clarity(&self) -> Option<u8> {
        self.clarity.flatten()
    }
    pub fn bring_to_talk(&self) -> bool {
        self.bring_to_talk.flatten().unwrap_or(false)
    }
    pub fn seconds(&self) -> Option<u64> {
        self.seconds.flatten()
    }
}

/// A session's mode: couple or solo ([`Mode`]), or any other word a later heard wrote,
/// kept as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SessionMode {
    Known(Mode),
    Other(String),
}

impl SessionMode {
    pub fn as_str(&self) -> &str {
        match self {
            SessionMode::Known(mode) => mode.as_str(),
            SessionMode::Other(word) => word,
        }
    }

    /// Couple or solo; `None` for a word only a later heard knows.
    pub fn known(&self) -> Option<Mode> {
        match self {
            SessionMode::Known(mode) => Some(*mode),
            SessionMode::Other(_) => None,
        }
    }
}

impl From<Mode> for SessionMode {
    fn from(mode: Mode) -> Self {
        SessionMode::Known(mode)
    }
}

impl PartialEq<Mode> for SessionMode {
    fn eq(&self, other: &Mode) -> bool {
        self.known() == Some(*other)
    }
}

/// Shown made safe: a mode heard does not know is a word from the file, which can hold
/// anything (the JSON keeps it exactly, through `Serialize`).
impl fmt::Display for SessionMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::text::one_line(self.as_str()))
    }
}

impl Serialize for SessionMode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// An RFC 3339 timestamp, kept exactly as written so the local date and offset of the
/// talk survive, and so a rewrite does not change the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timestamp {
    text: String,
    at: DateTime<FixedOffset>,
}

impl Timestamp {
    pub fn new(at: DateTime<FixedOffset>) -> Self {
        Timestamp {
            text: at.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
            at,
        }
    }

    pub fn parse(text: &str) -> Result<Self, chrono::ParseError> {
        let at = DateTime::parse_from_rfc3339(text)?;
        Ok(Timestamp {
            text: text.to_string(),
            at,
        })
    }

    /// The instant, with the offset it was written in.
    pub fn at(&self) -> DateTime<FixedOffset> {
        self.at
    }

    /// The local date where the talk happened, as written.
    pub fn local_date(&self) -> NaiveDate {
        self.at.date_naive()
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"{
      "format": "heard-journal",
      "version": 1,
      "sessions": [{
        "id": "0b4f6d1e-3c1a-4f7e-9a43-6a4e2c9d8b10",
        "mode": "couple",
        "started_at": "2026-11-26T20:01:00+01:00",
        "ended_at": "2026-11-26T20:41:00+01:00",
        "completed": true,
        "deck_id": "rekindle",
        "partners": ["Ana", "Ben"],
        "mood_before": [3, null],
        "mood_after": [4, 4],
        "closeness": [5, 6],
        "turns": [{
          "prompt_id": "first-noticed",
          "prompt": "What did you notice about me early on?",
          "speaker": 0,
          "felt_heard": 4,
          "felt_validated": null,
          "seconds": 170,
          "skipped": false,
          "note": "optional private note"
        }]
      }]
    }"#;

    #[test]
    fn reads_the_spec_example() {
        let journal: Journal = serde_json::from_str(SAMPLE).unwrap();
        let session = &journal.sessions[0];
        assert!(session.is_couple());
        assert_eq!(session.mood_before, vec![Some(3), None]);
        let turn = &session.turns[0];
        assert_eq!(turn.felt_heard(), Some(4));
        assert_eq!(turn.felt_validated, Some(None));
        assert_eq!(turn.clarity, None);
        assert_eq!(
            session.started_at.local_date(),
            NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
        );
    }

    #[test]
    fn null_and_absent_survive_a_rewrite() {
        let journal: Journal = serde_json::from_str(SAMPLE).unwrap();
        let again: Value = serde_json::to_value(&journal).unwrap();
        let turn = &again["sessions"][0]["turns"][0];
        assert_eq!(turn["felt_validated"], Value::Null);
        assert!(turn.get("clarity").is_none());
        assert_eq!(
            again["sessions"][0]["started_at"],
            "2026-11-26T20:01:00+01:00"
        );
    }
}
