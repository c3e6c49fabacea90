//! "Our week" (SPEC section 7) as a pure state machine: up to five appreciations each, what
//! went well, optionally one issue talked through as an understand talk inside the same
//! session, and a close: "What can I do to make you feel loved this week?" each. No IO, no
//! clock.
//!
//! Choices made here:
//! - Every part goes `first`, then the other.
//! - An appreciation is one key with words optional; a sixth is refused, and "done" (or a
//!   pass) ends that partner's appreciations, none at all included.
//! - The issue is an [`Understand`] talk begun at its topic: both are already here, so it
//!   does not ask again whether now is a good time. Its inputs come as [`Input::Understand`];
//!   when it finishes (or a "later" inside it ends it) the week goes on to the close. A
//!   pass on the issue as a whole ([`Input::Pass`] while it runs) sets it aside as it is.
//! - One break for the whole session: a break asked for inside the issue is the week's
//!   break, counted (`breaks`), and the issue waits behind it as it was.
//! - With `keep_notes` false no typed word is held at all, the issue's included.

mod record;
pub mod session;

use serde::{Deserialize, Serialize};

use crate::activity::event::Event;
use crate::mode::Partner;
use crate::talk::TalkError;
use crate::understand::{self, Understand};

/// The most appreciations each partner gives in one week.
pub const MAX_APPRECIATIONS: usize = 5;

/// Which screen the week is on; `partner` is the one who answers on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    /// `partner`'s appreciations, one at a time: [`Input::Appreciate`], then [`Input::Done`].
    Appreciate { partner: Partner },
    /// What went well this week: [`Input::WentWell`].
    WentWell { partner: Partner },
    /// Is there an issue to talk about, and who brings it? [`Input::Issue`].
    Issue,
    /// The issue's understand talk runs ([`Weekly::issue`] says its step):
    /// [`Input::Understand`].
    Understand,
    /// "What can I do to make you feel loved this week?", asked of `partner` by the other:
    /// [`Input::ThisWeek`].
    ThisWeek { partner: Partner },
    /// Paused; [`Input::Resume`] returns to the step it left.
    Break,
    /// Over; nothing more is taken.
    Summary,
}

impl Step {
    /// The step in words, for messages and tests.
    pub fn name(self) -> &'static str {
        match self {
            Step::Appreciate { .. } => "the appreciations",
            Step::WentWell { .. } => "what went well",
            Step::Issue => "the question whether there is an issue",
            Step::Understand => "the issue",
            Step::ThisWeek { .. } => "the question for this week",
            Step::Break => "a break",
            Step::Summary => "the summary",
        }
    }
}

/// What was chosen on the current screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// One appreciation; blank or `None` is said aloud, not typed.
    Appreciate(Option<String>),
    /// No more appreciations from this partner.
    Done,
    WentWell(Option<String>),
    /// `Some(bringer)` talks one issue through, `None` goes on without.
    Issue(Option<Partner>),
    /// An input for the issue's understand talk.
    Understand(understand::Input),
    ThisWeek(Option<String>),
    Pass,
    Break,
    Resume,
}

impl Input {
    fn name(&self) -> &'static str {
        match self {
            Input::Appreciate(_) => "an appreciation",
            Input::Done => "done",
            Input::WentWell(_) => "what went well",
            Input::Issue(_) => "an answer about an issue",
            Input::Understand(_) => "a step of the issue",
            Input::ThisWeek(_) => "an answer for this week",
            Input::Pass => "a pass",
            Input::Break => "a break",
            Input::Resume => "resuming",
        }
    }
}

fn wrong(step: Step, input: &Input) -> TalkError {
    TalkError::WrongInput {
        step: step.name(),
        input: input.name(),
    }
}

/// A week's talk, in progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Weekly {
    pub(crate) keep_notes: bool,
    /// Who goes first in every part.
    pub(crate) first: Partner,
    /// Each partner's appreciations, by partner index; `None` is one said, not typed.
    pub(crate) appreciations: [Vec<Option<String>>; 2],
    pub(crate) went_well: [Option<String>; 2],
    pub(crate) issue: Option<Understand>,
    pub(crate) this_week: [Option<String>; 2],
    pub(crate) breaks: u32,
    pub(crate) step: Step,
    #[serde(default)]
    pub(crate) paused: bool,
}

impl Weekly {
    /// A week's talk in which `first` begins every part.
    pub fn new(first: Partner, keep_notes: bool) -> Weekly {
        Weekly {
            keep_notes,
            first,
            appreciations: [Vec::new(), Vec::new()],
            went_well: [None, None],
            issue: None,
            this_week: [None, None],
            breaks: 0,
            step: Step::Appreciate { partner: first },
            paused: false,
        }
    }

    /// The screen to show now: [`Step::Break`] while paused.
    pub fn step(&self) -> Step {
        if self.paused { Step::Break } else { self.step }
    }

    /// The step waiting behind a break (the step itself when there is none).
    pub fn step_behind_break(&self) -> Step {
        self.step
    }

    /// Whether typed words are kept (notes on).
    pub fn keeps_notes(&self) -> bool {
        self.keep_notes
    }

    pub fn is_finished(&self) -> bool {
        self.step == Step::Summary
    }

    pub fn first(&self) -> Partner {
        self.first
    }

    pub fn appreciations(&self, partner: Partner) -> &[Option<String>] {
        &self.appreciations[partner.index()]
    }

    pub fn went_well(&self, partner: Partner) -> Option<&str> {
        self.went_well[partner.index()].as_deref()
    }

    /// The issue's talk, running or over; `None` when there was none.
    pub fn issue(&self) -> Option<&Understand> {
        self.issue.as_ref()
    }

    pub fn this_week(&self, partner: Partner) -> Option<&str> {
        self.this_week[partner.index()].as_deref()
    }

    pub fn breaks(&self) -> u32 {
        self.breaks
    }

    /// Take one input and say what happened. On an error nothing changes.
    pub fn apply(&mut self, input: Input) -> Result<Vec<Event>, TalkError> {
        // The issue's own break and resume are the week's: one break, counted once.
        let input = match (self.step, input) {
            (Step::Understand, Input::Understand(understand::Input::Break)) => Input::Break,
            (Step::Understand, Input::Understand(understand::Input::Resume)) => Input::Resume,
            (_, other) => other,
        };
        if self.paused {
            return match input {
                Input::Resume => {
                    self.paused = false;
                    Ok(vec![Event::BreakEnded])
                }
                other => Err(wrong(Step::Break, &other)),
            };
        }
        let mut events = Vec::new();
        match (self.step, input) {
            (Step::Summary, input) => return Err(wrong(Step::Summary, &input)),
            (_, Input::Break) => {
                self.breaks += 1;
                self.paused = true;
                events.push(Event::BreakStarted);
            }
            (Step::Understand, Input::Understand(input)) => return self.on_issue(input),
            // A pass on the issue as a whole sets it aside where it is.
            (Step::Understand, Input::Pass) => self.begin_close(&mut events),
            (step, input) => return self.on_part(step, input),
        }
        Ok(events)
    }

    /// The parts around the issue.
    fn on_part(&mut self, step: Step, input: Input) -> Result<Vec<Event>, TalkError> {
        let mut events = Vec::new();
        match (step, input) {
            (Step::Appreciate { partner }, Input::Appreciate(text)) => {
                if self.appreciations[partner.index()].len() >= MAX_APPRECIATIONS {
                    return Err(TalkError::WrongInput {
                        step: "five appreciations, as many as a week holds",
                        input: "a sixth appreciation",
                    });
                }
                let text = self.typed(text);
                self.appreciations[partner.index()].push(text);
                events.push(Event::TurnRecorded);
                // The same step again, fresh for the next one.
                self.enter(step, &mut events);
            }
            (Step::Appreciate { partner }, Input::Done | Input::Pass) => {
                let next = match self.other_first(partner) {
                    Some(other) => Step::Appreciate { partner: other },
                    None => Step::WentWell {
                        partner: self.first,
                    },
                };
                self.enter(next, &mut events);
            }
            (Step::WentWell { partner }, Input::WentWell(text)) => {
                self.record_went_well(partner, text, &mut events)
            }
            (Step::WentWell { partner }, Input::Pass) => {
                self.record_went_well(partner, None, &mut events)
            }
            (Step::Issue, Input::Issue(Some(bringer))) => {
                self.issue = Some(Understand::on_topic(bringer, self.keep_notes));
                self.enter(Step::Understand, &mut events);
            }
            (Step::Issue, Input::Issue(None) | Input::Pass) => self.begin_close(&mut events),
            (Step::ThisWeek { partner }, Input::ThisWeek(text)) => {
                self.record_this_week(partner, text, &mut events)
            }
            (Step::ThisWeek { partner }, Input::Pass) => {
                self.record_this_week(partner, None, &mut events)
            }
            (step, input) => return Err(wrong(step, &input)),
        }
        Ok(events)
    }

    /// Hand an input to the issue's talk; when it is over, on to the close. The talk's own
    /// end is not the week's, so its `Finished` becomes the close's first step.
    fn on_issue(&mut self, input: understand::Input) -> Result<Vec<Event>, TalkError> {
        let Some(issue) = self.issue.as_mut() else {
            return Err(wrong(Step::Understand, &Input::Understand(input)));
        };
        let mut events = issue.apply(input)?;
        let over = issue.is_finished();
        events.retain(|e| *e != Event::Finished);
        if over {
            // Its summary is never shown: the week goes straight on.
            events.retain(|e| *e != Event::StepEntered);
            self.begin_close(&mut events);
        }
        Ok(events)
    }

    fn record_went_well(
        &mut self,
        partner: Partner,
        text: Option<String>,
        events: &mut Vec<Event>,
    ) {
        self.went_well[partner.index()] = self.typed(text);
        events.push(Event::TurnRecorded);
        let next = match self.other_first(partner) {
            Some(other) => Step::WentWell { partner: other },
            None => Step::Issue,
        };
        self.enter(next, events);
    }

    fn record_this_week(
        &mut self,
        partner: Partner,
        text: Option<String>,
        events: &mut Vec<Event>,
    ) {
        self.this_week[partner.index()] = self.typed(text);
        events.push(Event::TurnRecorded);
        match self.other_first(partner) {
            Some(other) => self.enter(Step::ThisWeek { partner: other }, events),
            None => {
                self.enter(Step::Summary, events);
                events.push(Event::Finished);
            }
        }
    }

    fn begin_close(&mut self, events: &mut Vec<Event>) {
        let partner = self.first;
        self.enter(Step::ThisWeek { partner }, events);
    }

    /// The other partner when `partner` went first; `None` when both have had their turn.
    fn other_first(&self, partner: Partner) -> Option<Partner> {
        (partner == self.first).then(|| partner.other())
    }

    /// Typed words as kept: trimmed, and none at all with notes off.
    fn typed(&self, text: Option<String>) -> Option<String> {
        let text = text.as_deref().map(str::trim).unwrap_or_default();
        (self.keep_notes && !text.is_empty()).then(|| text.to_string())
    }

    fn enter(&mut self, step: Step, events: &mut Vec<Event>) {
        self.step = step;
        events.push(Event::StepEntered);
    }
}
