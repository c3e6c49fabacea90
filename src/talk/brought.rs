//! Topics brought from a reflection alone into the next talk of the writer's couple.
//!
//! The rule, so a couple (and a test) can predict it:
//! - A reflection brings its topic when it has one and its writer said "bring this to
//!   your next talk" (`topic` and `bring_to_talk` in the session).
//! - It waits for a talk whose partners include its writer (names matched trimmed and in
//!   any case), and for no other couple's. Each partner brings at most one: their latest
//!   waiting reflection.
//! - It stops waiting once a saved talk opened with it (the talk's `brought` names it).
//!   Said "not this time" at setup, it keeps waiting for the next talk.

use serde_json::{Value, json};

use crate::deck::Prompt;
use crate::journal::privacy::{same_name, written_note};
use crate::journal::{Extra, Session};
use crate::mode::Partner;
use crate::reflection::{BRING, TOPIC};

/// The session field of a talk that lists the reflections it opened with.
pub const BROUGHT: &str = "brought";

/// The depth of a brought topic: "personal", neither small talk nor held back behind the
/// question about going deeper.
const BROUGHT_DEPTH: u8 = 2;

/// A topic one partner brought: the talk opens with it, that partner speaking first, and
/// only they are shown their own notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brought {
    pub by: Partner,
    pub reflection_id: String,
    pub topic: String,
    /// The reflection's prompts and what the writer wrote on them.
    pub notes: Vec<Note>,
}

/// One prompt of the reflection and what its writer wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub prompt: String,
    pub text: String,
}

impl Brought {
    /// The prompt the talk opens with: the topic in the writer's words.
    pub fn prompt(&self) -> Prompt {
        Prompt {
            id: self.prompt_id(),
            text: self.topic.clone(),
            depth: BROUGHT_DEPTH,
            followups: Vec::new(),
            tags: Vec::new(),
        }
    }

    pub fn prompt_id(&self) -> String {
        format!("brought-{}", self.reflection_id)
    }
}

/// The topics waiting for a talk of `partners`, in partner order.
pub fn waiting(sessions: &[Session], partners: &[String]) -> Vec<Brought> {
    Partner::BOTH
        .into_iter()
        .filter_map(|partner| waiting_for(sessions, partners.get(partner.index())?, partner))
        .collect()
}

/// The topic waiting from `name`, who would be `by` in the talk.
pub fn waiting_for(sessions: &[Session], name: &str, by: Partner) -> Option<Brought> {
    let session = sessions
        .iter()
        .rev()
        .find(|s| waits(s, name) && !already_brought(sessions, &s.id))?;
    Some(brought_from(session, by))
}

/// A reflection by `name` whose topic is marked to bring.
fn waits(session: &Session, name: &str) -> bool {
    !session.is_couple()
        && same_name(session.partner_name(0), name)
        && topic_of(session).is_some()
        && session.extra.get(BRING).and_then(Value::as_bool) == Some(true)
}

fn topic_of(session: &Session) -> Option<&str> {
    let topic = session.extra.get(TOPIC)?.as_str()?.trim();
    (!topic.is_empty()).then_some(topic)
}

fn already_brought(sessions: &[Session], reflection_id: &str) -> bool {
    sessions.iter().filter(|s| s.is_couple()).any(|s| {
        s.extra
            .get(BROUGHT)
            .and_then(Value::as_array)
            .is_some_and(|list| list.iter().any(|b| b["reflection"] == reflection_id))
    })
}

fn brought_from(session: &Session, by: Partner) -> Brought {
    let notes = session
        .turns
        .iter()
        .filter_map(|turn| {
            let text = written_note(turn)?;
            Some(Note {
                prompt: turn.prompt.clone(),
                text: text.to_string(),
            })
        })
        .collect();
    Brought {
        by,
        reflection_id: session.id.clone(),
        topic: topic_of(session).unwrap_or_default().to_string(),
        notes,
    }
}

/// Mark the talk's session with what it opened with, so it is not brought again.
pub fn record(extra: &mut Extra, brought: &[Brought]) {
    if brought.is_empty() {
        return;
    }
    let list = brought
        .iter()
        .map(|b| json!({"by": b.by.index(), "reflection": b.reflection_id}))
        .collect();
    extra.insert(BROUGHT.to_string(), Value::Array(list));
}
