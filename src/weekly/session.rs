//! A week's talk as its journal entry (SPEC section 7): `kind`, `appreciations_each`,
//! `went_well`, `issue` (the understand talk's own fields, or null), `this_week`, and
//! `breaks` when there were any, beside the fields every session has. Each list is by
//! partner index, so whose words are whose is plain (SPEC section 6).

use chrono::{DateTime, FixedOffset};
use serde_json::{Value, json};

use super::Weekly;
use crate::activity::flow::Meta;
use crate::journal::{Extra, Session};

/// The session's `kind` for this flow, and its `deck_id`.
pub const KIND: &str = "weekly";

impl Weekly {
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
        extra.insert("appreciations_each".into(), json!(self.appreciations));
        extra.insert("went_well".into(), json!(self.went_well));
        let issue = self.issue.as_ref().map_or(Value::Null, |issue| {
            Value::Object((*issue.fields()).clone())
        });
        extra.insert("issue".into(), issue);
        extra.insert("this_week".into(), json!(self.this_week));
        if self.breaks > 0 {
            extra.insert("breaks".into(), self.breaks.into());
        }
        extra
    }
}
