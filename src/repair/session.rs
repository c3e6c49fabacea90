//! A repair talk as its journal entry (SPEC section 7): `kind`, `feelings`, `gates`,
//! `touched`, `my_part`, `accepted`, `next_time`, and `breaks` and `not_calm` when there
//! were any, beside the fields every session has. Partners are indexes into `partners`;
//! typed words sit beside their writer's index, so a shared view can say whose they are
//! without showing them (SPEC section 6).

use chrono::{DateTime, FixedOffset};
use serde_json::{Value, json};

use super::Repair;
use crate::activity::flow::Meta;
use crate::journal::{Extra, Session};
use crate::mode::Partner;
use crate::words::MY_PART;

/// The session's `kind` for this flow, and its `deck_id`.
pub const KIND: &str = "repair";

impl Repair {
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
        extra.insert("feelings".into(), json!(self.feelings));
        let gates = self.gates.iter().map(|g| {
            json!({
                "partner": g.partner.index(),
                "pieces": g.pieces,
                "mirrors": g.mirrors,
                "got_it": g.got_it,
            })
        });
        extra.insert("gates".into(), Value::Array(gates.collect()));
        let touched = Partner::BOTH.into_iter().filter_map(|p| {
            let text = self.touched[p.index()].as_ref()?;
            Some(json!({"partner": p.index(), "text": text}))
        });
        extra.insert("touched".into(), Value::Array(touched.collect()));
        extra.insert("my_part".into(), self.my_parts());
        let accepted = self
            .accepted
            .iter()
            .map(|a| json!({"partner": a.partner.index(), "accepted": a.accepted}));
        extra.insert("accepted".into(), Value::Array(accepted.collect()));
        let next_time = Partner::BOTH.into_iter().filter_map(|p| {
            let next = self.next_time[p.index()].as_ref()?;
            Some(json!({"partner": p.index(), "will": next.will, "ask": next.ask}))
        });
        extra.insert("next_time".into(), Value::Array(next_time.collect()));
        for (field, count) in [("breaks", self.breaks), ("not_calm", self.not_calm)] {
            if count > 0 {
                extra.insert(field.into(), count.into());
            }
        }
        extra
    }

    /// Each part taken, its picked phrases written out as words: the journal is read by
    /// people and by later versions whose list may have changed.
    fn my_parts(&self) -> Value {
        let parts = Partner::BOTH.into_iter().filter_map(|p| {
            let part = self.my_part[p.index()].as_ref()?;
            let picked: Vec<&str> = part
                .picked
                .iter()
                .filter_map(|&i| MY_PART.get(i).copied())
                .collect();
            Some(json!({
                "partner": p.index(),
                "picked": picked,
                "text": part.text,
                "apology": part.apology,
            }))
        });
        Value::Array(parts.collect())
    }
}
