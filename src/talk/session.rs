//! Turning a talk into its journal entry.

use chrono::{DateTime, FixedOffset};
use serde_json::Value;

use super::{Answer, Talk};
use crate::journal::{Extra, Session, Timestamp, Turn};
use crate::mode::Mode;

impl Talk {
    /// The journal entry for this talk. `completed` is false for a talk saved unfinished;
    /// it then holds the turns answered so far (a turn not yet rated is left out).
    pub fn to_session(&self, ended_at: DateTime<FixedOffset>, completed: bool) -> Session {
        let mut extra = Extra::new();
        if self.appreciations.iter().any(Option::is_some) {
            let lines = self
                .appreciations
                .iter()
                .map(|a| a.clone().map_or(Value::Null, Value::String))
                .collect();
            extra.insert("appreciations".to_string(), Value::Array(lines));
        }
        // Only a topic the talk reached stops waiting: a talk saved at its check-in
        // leaves it for the next one.
        let reached: Vec<_> = (self.brought.iter())
            .filter(|b| self.answers.iter().any(|a| a.prompt_id == b.prompt_id()))
            .cloned()
            .collect();
        super::brought::record(&mut extra, &reached);
        Session {
            id: self.id.clone(),
            mode: Mode::Couple.into(),
            started_at: self.started_at.clone(),
            ended_at: Some(Timestamp::new(ended_at)),
            completed,
            deck_id: self.deck_id.clone(),
            partners: self.partners.to_vec(),
            mood_before: self.mood_before.to_vec(),
            mood_after: self.mood_after.to_vec(),
            closeness: self.closeness.to_vec(),
            turns: self.answers.iter().map(|a| self.turn(a)).collect(),
            extra,
        }
    }

    fn turn(&self, answer: &Answer) -> Turn {
        let mut extra = Extra::new();
        if !answer.attempts.is_empty() {
            // Every rating of the turn, in order, when the listener tried again; the
            // turn's own felt_heard and felt_validated are the last of them.
            let attempts = answer
                .attempts
                .iter()
                .map(|a| {
                    serde_json::json!({
                        "felt_heard": a.felt_heard,
                        "felt_validated": a.felt_validated,
                    })
                })
                .collect();
            extra.insert("attempts".to_string(), Value::Array(attempts));
        }
        Turn {
            prompt_id: answer.prompt_id.clone(),
            prompt: answer.prompt.clone(),
            speaker: answer.speaker.index(),
            felt_heard: Some(answer.felt_heard),
            felt_validated: Some(answer.felt_validated),
            listener_guess: self.listener_guess.then_some(answer.guess),
            clarity: None,
            bring_to_talk: None,
            seconds: Some(answer.seconds),
            skipped: answer.skipped,
            note: answer
                .note
                .clone()
                .filter(|n| self.keep_notes && !n.is_empty()),
            extra,
        }
    }
}
