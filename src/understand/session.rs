//! An understand talk as its journal entry (SPEC section 7): `kind`, `topic` (with
//! `topic_by`, its bringer, and `topic_private` when they kept it to themselves), `rounds`
//! and `steps`, beside
//! the fields every session has. The rounds are not turns: the figures of SPEC section 3
//! count each rated round as a turn of its sender.

use chrono::{DateTime, FixedOffset};
use serde_json::{Value, json};

use super::Understand;
use crate::journal::{Extra, Session};

/// The session's `kind` for this flow.
pub const KIND: &str = "understand";

pub use crate::activity::flow::Meta;

impl Understand {
    /// The journal entry; `completed` is false for a talk saved unfinished.
    pub fn to_session(
        &self,
        meta: &Meta<'_>,
        ended_at: DateTime<FixedOffset>,
        completed: bool,
    ) -> Session {
        meta.session(KIND, self.extra(), ended_at, completed)
    }

    fn extra(&self) -> Extra {
        let mut extra = Extra::new();
        extra.insert("kind".into(), KIND.into());
        extra.extend(std::mem::take(&mut *self.fields()));
        extra
    }

    /// The talk's own fields (topic, later, rounds, steps) without the session's `kind`:
    /// "Our week" keeps them whole as its `issue`.
    pub(crate) fn fields(&self) -> Extra {
        let mut extra = Extra::new();
        if let Some(topic) = &self.topic {
            extra.insert("topic".into(), topic.clone().into());
            // Whose topic it is: a private one is its bringer's alone.
            extra.insert("topic_by".into(), self.bringer.index().into());
            if !self.topic_shared {
                extra.insert("topic_private".into(), true.into());
            }
        }
        if self.later {
            extra.insert("later".into(), true.into());
        }
        if self.breaks > 0 {
            extra.insert("breaks".into(), self.breaks.into());
        }
        if let Some(reflection) = &self.brought_from {
            // As a talk from prompts marks what it opened with: the reflection stops waiting.
            let brought = json!([{"by": self.bringer.index(), "reflection": reflection}]);
            extra.insert(crate::talk::brought::BROUGHT.into(), brought);
        }
        let rounds = self.rounds.iter().map(|r| {
            json!({
                "sender": r.sender.index(),
                "pieces": r.pieces,
                "mirrors": r.mirrors,
                "got_it": r.got_it,
                "felt_heard": r.felt_heard,
                "felt_validated": r.felt_validated,
                "felt_cared": r.felt_cared,
            })
        });
        extra.insert("rounds".into(), Value::Array(rounds.collect()));
        let steps = self.steps.iter().enumerate().filter_map(|(partner, text)| {
            let text = text.as_ref()?;
            Some(json!({"partner": partner, "text": text}))
        });
        extra.insert("steps".into(), Value::Array(steps.collect()));
        extra
    }
}
