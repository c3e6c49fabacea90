//! A week's talk read back from a draft: the state is written as it is, and read back only
//! when it could have been reached, its issue checked as an understand talk's own draft is.

use chrono::{DateTime, FixedOffset};
use serde_json::Value;

use super::{MAX_APPRECIATIONS, Step, Weekly};
use crate::activity::event::Event;
use crate::activity::flow::{Engine, Meta};
use crate::journal::Session;
use crate::mode::Partner;
use crate::talk::TalkError;
use crate::understand::{self, Understand};

/// Seven parts: appreciations and what went well, each partner once, the issue, and the
/// close, each partner once.
const PARTS: usize = 7;
/// The part of the issue.
const ISSUE: usize = 4;

impl Engine for Weekly {
    type Input = super::Input;

    fn apply(&mut self, input: super::Input) -> Result<Vec<Event>, TalkError> {
        Weekly::apply(self, input)
    }

    /// The issue's own step while it runs ("the mirror"), else the week's.
    fn step_name(&self) -> &'static str {
        match (self.step(), &self.issue) {
            (Step::Understand, Some(issue)) => issue.step().name(),
            (step, _) => step.name(),
        }
    }

    fn is_finished(&self) -> bool {
        Weekly::is_finished(self)
    }

    fn keeps_notes(&self) -> bool {
        self.keep_notes
    }

    /// Parts over, of the seven a week has.
    fn progress(&self) -> (usize, usize) {
        (self.at(), PARTS)
    }

    fn to_state(&self) -> Value {
        self.to_record()
    }

    fn from_state(state: Value) -> Result<Weekly, String> {
        Weekly::from_record(state)
    }

    fn to_session(
        &self,
        meta: &Meta<'_>,
        ended_at: DateTime<FixedOffset>,
        completed: bool,
    ) -> Session {
        Weekly::to_session(self, meta, ended_at, completed)
    }
}

impl Weekly {
    /// The state as the draft keeps it.
    pub fn to_record(&self) -> Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    /// A state read back, refused when it could not have been reached.
    pub fn from_record(value: Value) -> Result<Weekly, String> {
        let state: Weekly = serde_json::from_value(value).map_err(|e| e.to_string())?;
        state.reachable()?;
        Ok(state)
    }

    /// The part the step belongs to (0-6, seven at the summary).
    fn at(&self) -> usize {
        let second = |partner: Partner| usize::from(partner != self.first);
        match self.step {
            Step::Appreciate { partner } => second(partner),
            Step::Break => 0,
            Step::WentWell { partner } => 2 + second(partner),
            Step::Issue | Step::Understand => ISSUE,
            Step::ThisWeek { partner } => 5 + second(partner),
            Step::Summary => PARTS,
        }
    }

    /// Whether anything of part `index` is kept.
    fn holds(&self, index: usize) -> bool {
        let (first, other) = (self.first.index(), self.first.other().index());
        match index {
            0 => !self.appreciations[first].is_empty(),
            1 => !self.appreciations[other].is_empty(),
            2 => self.went_well[first].is_some(),
            3 => self.went_well[other].is_some(),
            ISSUE => self.issue.is_some(),
            5 => self.this_week[first].is_some(),
            _ => self.this_week[other].is_some(),
        }
    }

    /// Whether the step fits what is kept: nothing of a part not yet come, at most five
    /// appreciations each, typed words only with notes on, and an issue that its own
    /// draft would take back.
    fn reachable(&self) -> Result<(), String> {
        let refuse = |why: &str| Err(format!("{} with {why}", self.step.name()));
        if self.step == Step::Break {
            // The break is a flag beside the step, never the step itself.
            return refuse("the break as the step");
        }
        if self.paused && self.step == Step::Summary {
            return refuse("a break after the end");
        }
        if self
            .appreciations
            .iter()
            .any(|a| a.len() > MAX_APPRECIATIONS)
        {
            return refuse("more than five appreciations");
        }
        let texts = (self.appreciations.iter().flatten().flatten())
            .chain(self.went_well.iter().flatten())
            .chain(self.this_week.iter().flatten());
        for text in texts {
            if !self.keep_notes || text.trim() != text || text.is_empty() {
                return refuse("words that could not have been kept");
            }
        }
        let at = self.at();
        if (at + 1..PARTS).any(|k| self.holds(k)) {
            return refuse("a part kept before it came");
        }
        let current = match self.step {
            Step::Appreciate { .. } | Step::Summary | Step::Break => true,
            Step::WentWell { .. } | Step::Issue | Step::ThisWeek { .. } => !self.holds(at),
            Step::Understand => self.issue.as_ref().is_some_and(|i| !i.is_finished()),
        };
        if !current {
            return refuse("what is kept of this part");
        }
        match &self.issue {
            Some(issue) => self.issue_fits(issue).or_else(|why| refuse(&why)),
            None => Ok(()),
        }
    }

    /// The issue as `Understand::on_topic` began it and the week has led it: never asked
    /// whether now is good, never paused on its own, notes kept as the week keeps them.
    fn issue_fits(&self, issue: &Understand) -> Result<(), String> {
        Understand::from_record(issue.to_record()).map_err(|why| format!("an issue at {why}"))?;
        let began_on_topic =
            !matches!(issue.step, understand::Step::GoodTime { .. }) && !issue.later;
        if !began_on_topic || issue.paused || issue.keep_notes != self.keep_notes {
            return Err("an issue the week could not have led".into());
        }
        Ok(())
    }
}
