//! An understand talk read back from a draft: the state is written as it is, and read
//! back only when it could have been reached, so a hand-edited draft cannot open the
//! receiver's steps without "you got it" and "no more".

use super::{Step, Understand};

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
