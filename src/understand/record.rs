//! An understand talk read back from a draft: the state is written as it is, and read
//! back only when it could have been reached, so a hand-edited draft cannot open the
//! receiver's steps without "you got it" and "no more".

use chrono::{DateTime, FixedOffset};
use serde_json::Value;

use super::{Input, Step, Understand};
use crate::activity::event::Event;
use crate::activity::flow::{Engine, Meta};
use crate::journal::Session;
use crate::talk::TalkError;

impl Engine for Understand {
    type Input = Input;

    fn apply(&mut self, input: Input) -> Result<Vec<Event>, TalkError> {
        Understand::apply(self, input)
    }

    fn step_name(&self) -> &'static str {
        self.step().name()
    }

    fn is_finished(&self) -> bool {
        Understand::is_finished(self)
    }

    fn keeps_notes(&self) -> bool {
        self.keep_notes
    }

    /// Rounds over, of the two a talk usually has.
    fn progress(&self) -> (usize, usize) {
        let over = self
            .rounds
            .iter()
            .filter(|r| r.felt_heard.is_some() || r.got_it);
        (over.count(), 2)
    }

    fn to_state(&self) -> Value {
        self.to_record()
    }

    fn from_state(state: Value) -> Result<Understand, String> {
        Understand::from_record(state)
    }

    fn to_session(
        &self,
        meta: &Meta<'_>,
        ended_at: DateTime<FixedOffset>,
        completed: bool,
    ) -> Session {
        Understand::to_session(self, meta, ended_at, completed)
    }
}

impl Understand {
    /// The state as the draft keeps it.
    pub fn to_record(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    /// A state read back, refused when it could not have been reached.
    pub fn from_record(value: serde_json::Value) -> Result<Understand, String> {
        let state: Understand = serde_json::from_value(value).map_err(|e| e.to_string())?;
        state.reachable()?;
        Ok(state)
    }

    /// Whether the step fits the rounds: the floor needs a round, the receiver's steps a
    /// round that was got, and no more than two rounds are ever taken.
    fn reachable(&self) -> Result<(), String> {
        if self.rounds.len() > 2 {
            return Err(format!(
                "{} rounds, where a talk has two",
                self.rounds.len()
            ));
        }
        let round = self.rounds.last();
        let fits = match self.step {
            Step::GoodTime { .. } | Step::Topic => self.rounds.is_empty(),
            Step::Speak | Step::Mirror | Step::Answer | Step::More => {
                round.is_some_and(|r| !r.got_it)
            }
            Step::Validate | Step::Empathize | Step::Rating => round.is_some_and(|r| r.got_it),
            Step::Switch => self.rounds.len() == 1,
            Step::SmallStep { .. } | Step::Summary => true,
            // The break is a flag beside the step, never the step itself.
            Step::Break => false,
        };
        if fits {
            Ok(())
        } else {
            Err(format!(
                "{} with {} rounds",
                self.step.name(),
                self.rounds.len()
            ))
        }
    }
}
