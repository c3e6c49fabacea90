//! The shape every structured conversation shares (understand, repair, our week): a pure
//! engine behind [`Engine`], framed by who talks and when in a [`Flow`].
//!
//! A flow's engine holds only the conversation; the id, the partners and the start time
//! are the frame's, so each engine stays small and its draft state is its serde.

use chrono::{DateTime, FixedOffset};
use serde_json::Value;

use super::event::Event;
use crate::journal::draft::FlowRecord;
use crate::journal::{Session, Timestamp};
use crate::talk::TalkError;

/// Who and when: what an engine itself does not hold.
pub struct Meta<'a> {
    pub id: &'a str,
    pub partners: &'a [String; 2],
    pub started_at: &'a Timestamp,
}

impl Meta<'_> {
    /// A conversation's journal entry: a talk for two of `kind` (its `deck_id` too), no
    /// turns, moods or closeness, and the conversation's own fields in `extra`.
    pub fn session(
        &self,
        kind: &str,
        extra: crate::journal::Extra,
        ended_at: DateTime<FixedOffset>,
        completed: bool,
    ) -> Session {
        Session {
            id: self.id.to_string(),
            mode: crate::mode::Mode::Couple.into(),
            started_at: self.started_at.clone(),
            ended_at: Some(Timestamp::new(ended_at)),
            completed,
            deck_id: kind.to_string(),
            partners: self.partners.to_vec(),
            mood_before: Vec::new(),
            mood_after: Vec::new(),
            closeness: Vec::new(),
            turns: Vec::new(),
            extra,
        }
    }
}

/// One structured conversation as a pure state machine.
pub trait Engine: Sized {
    type Input;

    /// Take one input and say what happened. On an error nothing changes.
    fn apply(&mut self, input: Self::Input) -> Result<Vec<Event>, TalkError>;
    /// The step it is on, in words ("the mirror", "a break").
    fn step_name(&self) -> &'static str;
    fn is_finished(&self) -> bool;
    fn keeps_notes(&self) -> bool;
    /// Steps taken that a saved draft holds, and about how many a whole talk has.
    fn progress(&self) -> (usize, usize);
    /// The state as the draft keeps it.
    fn to_state(&self) -> Value;
    /// A state read back, refused when it could not have been reached.
    fn from_state(state: Value) -> Result<Self, String>;
    /// The journal entry; `completed` is false for a talk saved unfinished.
    fn to_session(
        &self,
        meta: &Meta<'_>,
        ended_at: DateTime<FixedOffset>,
        completed: bool,
    ) -> Session;
}

/// A conversation in progress with its frame.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow<E> {
    pub id: String,
    pub partners: [String; 2],
    pub started_at: Timestamp,
    pub engine: E,
}

impl<E: Engine> Flow<E> {
    pub fn meta(&self) -> Meta<'_> {
        Meta {
            id: &self.id,
            partners: &self.partners,
            started_at: &self.started_at,
        }
    }

    pub fn to_session(&self, ended_at: DateTime<FixedOffset>, completed: bool) -> Session {
        self.engine.to_session(&self.meta(), ended_at, completed)
    }

    /// How far it has come, for the leave and leftover dialogs.
    pub fn describe(&self, kind: super::Kind) -> super::Description<'_> {
        let (done, planned) = self.engine.progress();
        super::Description {
            kind,
            partners: &self.partners,
            deck_id: kind.id(),
            started_at: &self.started_at,
            done,
            planned,
        }
    }

    pub fn to_record(&self) -> FlowRecord {
        FlowRecord {
            id: self.id.clone(),
            partners: self.partners.to_vec(),
            started_at: self.started_at.clone(),
            state: self.engine.to_state(),
        }
    }

    pub fn from_record(record: FlowRecord) -> Result<Flow<E>, String> {
        let partners: [String; 2] = record
            .partners
            .try_into()
            .map_err(|p: Vec<String>| format!("{} partners, where a flow has two", p.len()))?;
        Ok(Flow {
            id: record.id,
            partners,
            started_at: record.started_at,
            engine: E::from_state(record.state)?,
        })
    }
}
