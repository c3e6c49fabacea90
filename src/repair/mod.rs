//! "After a hard moment" (SPEC section 7) as a pure state machine: only when both say they
//! are calm enough, five stages (feelings, what it was like, what it touched, my part,
//! next time), each partner in turn, the other saying back and validating that part before
//! the talk moves on. No IO, no clock.
//!
//! The "what it was like" gate is the engine's, as in understand: the listener's step after
//! it is reached only from "you got it" and "no more". Every other input there is refused
//! and changes nothing.
//!
//! Choices made here:
//! - "Not calm enough" from either partner starts the break at once and is counted
//!   (`not_calm`); coming back from any break taken before both said they are calm asks
//!   both again, the first partner first.
//! - Each stage goes `first`, then the other: the one who shares, then the other says back
//!   and validates it ([`Step::Summarise`]), then the roles turn.
//! - A pass on a sharing step leaves that part out and skips the listener's summary of it
//!   (there is nothing to say back); a pass on the gate ends that partner's gate unconfirmed
//!   (`got_it: false`) and never opens the listener's validation; a pass on a summary or an
//!   answer to an apology goes on without it.
//! - Words typed are optional everywhere (`None` or blank: said aloud, not typed); with
//!   `keep_notes` false no typed word is held at all. Feelings and "my part" phrases are
//!   picked from lists, not typed, so they are kept either way.
//! - After an apology the listener first says back what they heard, then answers it: "I
//!   accept" or "not yet", and "not yet" goes on as kindly as the first.
//! - A break can be taken on any step before the summary; it is counted (`breaks`).

mod record;
pub mod session;
mod stages;

use serde::{Deserialize, Serialize};

use crate::activity::event::Event;
use crate::mode::Partner;
use crate::talk::TalkError;
use crate::understand::Answer;

/// The five stages, in the order they come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Feelings,
    WhatItWasLike,
    Touched,
    MyPart,
    NextTime,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Feelings,
        Stage::WhatItWasLike,
        Stage::Touched,
        Stage::MyPart,
        Stage::NextTime,
    ];

    fn index(self) -> usize {
        match self {
            Stage::Feelings => 0,
            Stage::WhatItWasLike => 1,
            Stage::Touched => 2,
            Stage::MyPart => 3,
            Stage::NextTime => 4,
        }
    }

    /// The stage after this one, if any.
    fn next(self) -> Option<Stage> {
        Stage::ALL.get(self.index() + 1).copied()
    }
}

/// Which screen the talk is on. `partner` is the one who answers on it; on the gate's
/// steps `sender` is the one telling what it was like (the other mirrors).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    /// Calm enough to talk about it? Each partner in turn: [`Input::Calm`].
    Calm { partner: Partner },
    /// The feelings, picked from the list: [`Input::Feelings`].
    Feelings { partner: Partner },
    /// `partner` says back and validates what the other shared at `stage`: [`Input::Done`].
    Summarise { stage: Stage, partner: Partner },
    /// What it was like for the sender, one piece: [`Input::Said`].
    Speak { sender: Partner },
    /// The other mirrors it: [`Input::Mirrored`].
    Mirror { sender: Partner },
    /// The sender says whether it was got: [`Input::Answer`].
    Answer { sender: Partner },
    /// "Is there more?": [`Input::More`].
    More { sender: Partner },
    /// What it touched (older hurts), optional: [`Input::Touched`].
    Touched { partner: Partner },
    /// My part, and an apology or not: [`Input::MyPart`].
    MyPart { partner: Partner },
    /// `partner` answers the other's apology: [`Input::Accept`].
    Accept { partner: Partner },
    /// One thing I will do, one thing I ask for: [`Input::NextTime`].
    NextTime { partner: Partner },
    /// Paused; [`Input::Resume`] returns to the step it left.
    Break,
    /// Over; nothing more is taken.
    Summary,
}

impl Step {
    /// The step in words, for messages and tests.
    pub fn name(self) -> &'static str {
        match self {
            Step::Calm { .. } => "the question whether you are calm enough",
            Step::Feelings { .. } => "the feelings",
            Step::Summarise { .. } => "saying back what was shared",
            Step::Speak { .. } => "what it was like",
            Step::Mirror { .. } => "the mirror",
            Step::Answer { .. } => "the answer to the mirror",
            Step::More { .. } => "the question whether there is more",
            Step::Touched { .. } => "what it touched",
            Step::MyPart { .. } => "my part",
            Step::Accept { .. } => "the answer to the apology",
            Step::NextTime { .. } => "next time",
            Step::Break => "a break",
            Step::Summary => "the summary",
        }
    }
}

/// What was chosen on the current screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Calm enough (`true`), or not yet: the break.
    Calm(bool),
    /// Words from [`FEELINGS`], at least one (a pass goes on without).
    Feelings(Vec<String>),
    /// The listener has said back and validated the part.
    Done,
    Said,
    Mirrored,
    Answer(Answer),
    More(bool),
    /// What it touched, in a few words; blank or `None` is said aloud, not typed.
    Touched(Option<String>),
    /// Indexes into [`MY_PART`], words of one's own, and whether it comes with an apology.
    MyPart {
        picked: Vec<usize>,
        text: Option<String>,
        apology: bool,
    },
    /// "I accept" (`true`) or "not yet".
    Accept(bool),
    /// One thing I will do, one thing I ask for; each typed or not.
    NextTime {
        will: Option<String>,
        ask: Option<String>,
    },
    Pass,
    Break,
    Resume,
}

impl Input {
    fn name(&self) -> &'static str {
        match self {
            Input::Calm(_) => "an answer whether you are calm enough",
            Input::Feelings(_) => "feelings",
            Input::Done => "done",
            Input::Said => "a piece said",
            Input::Mirrored => "a mirror",
            Input::Answer(_) => "an answer to the mirror",
            Input::More(_) => "an answer whether there is more",
            Input::Touched(_) => "what it touched",
            Input::MyPart { .. } => "my part",
            Input::Accept(_) => "an answer to the apology",
            Input::NextTime { .. } => "next time",
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

/// One partner's time telling what it was like, and whether it was got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gate {
    pub partner: Partner,
    /// Pieces said (each "not yet" or "partly" asks for one more).
    pub pieces: u32,
    pub mirrors: u32,
    /// The partner said "you got it" and "no more".
    pub got_it: bool,
}

/// One partner's part in what happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyPart {
    /// Indexes into [`MY_PART`], in list order.
    pub picked: Vec<usize>,
    pub text: Option<String>,
    pub apology: bool,
}

/// The answer to one partner's apology.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accepted {
    /// The one who apologised.
    pub partner: Partner,
    pub accepted: bool,
}

/// One partner's next time: what I will do, what I ask for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextTime {
    pub will: Option<String>,
    pub ask: Option<String>,
}

/// A talk after a hard moment, in progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repair {
    pub(crate) keep_notes: bool,
    /// Who starts each stage.
    pub(crate) first: Partner,
    /// Times someone said they were not calm enough yet.
    pub(crate) not_calm: u32,
    pub(crate) breaks: u32,
    pub(crate) feelings: [Vec<String>; 2],
    pub(crate) gates: Vec<Gate>,
    pub(crate) touched: [Option<String>; 2],
    /// `None`: not reached, or passed.
    pub(crate) my_part: [Option<MyPart>; 2],
    pub(crate) accepted: Vec<Accepted>,
    pub(crate) next_time: [Option<NextTime>; 2],
    pub(crate) step: Step,
    #[serde(default)]
    pub(crate) paused: bool,
}

impl Repair {
    /// A talk whose every stage `first` begins.
    pub fn new(first: Partner, keep_notes: bool) -> Repair {
        Repair {
            keep_notes,
            first,
            not_calm: 0,
            breaks: 0,
            feelings: [Vec::new(), Vec::new()],
            gates: Vec::new(),
            touched: [None, None],
            my_part: [None, None],
            accepted: Vec::new(),
            next_time: [None, None],
            step: Step::Calm { partner: first },
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

    pub fn feelings(&self, partner: Partner) -> &[String] {
        &self.feelings[partner.index()]
    }

    pub fn gates(&self) -> &[Gate] {
        &self.gates
    }

    pub fn touched(&self, partner: Partner) -> Option<&str> {
        self.touched[partner.index()].as_deref()
    }

    pub fn my_part(&self, partner: Partner) -> Option<&MyPart> {
        self.my_part[partner.index()].as_ref()
    }

    pub fn accepted(&self) -> &[Accepted] {
        &self.accepted
    }

    pub fn next_time(&self, partner: Partner) -> Option<&NextTime> {
        self.next_time[partner.index()].as_ref()
    }

    pub fn breaks(&self) -> u32 {
        self.breaks
    }

    pub fn not_calm(&self) -> u32 {
        self.not_calm
    }

    /// Take one input and say what happened. On an error nothing changes.
    pub fn apply(&mut self, input: Input) -> Result<Vec<Event>, TalkError> {
        if self.paused {
            return match input {
                Input::Resume => Ok(self.resume()),
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
            (Step::Calm { partner }, Input::Calm(true)) => {
                let next = if partner == self.first {
                    Step::Calm {
                        partner: partner.other(),
                    }
                } else {
                    Step::Feelings {
                        partner: self.first,
                    }
                };
                self.enter(next, &mut events);
            }
            (Step::Calm { .. }, Input::Calm(false) | Input::Pass) => {
                // Not calm yet (a pass here is no "yes"): the break, then both are asked again.
                self.not_calm += 1;
                self.paused = true;
                events.push(Event::BreakStarted);
            }
            (
                Step::Speak { .. } | Step::Mirror { .. } | Step::Answer { .. } | Step::More { .. },
                input,
            ) => {
                return self.on_gate(input);
            }
            (step, input) => return self.on_stage(step, input),
        }
        Ok(events)
    }

    /// Back from the break: on the step it left, but before both said they are calm, the
    /// question starts over with the first partner.
    fn resume(&mut self) -> Vec<Event> {
        self.paused = false;
        let mut events = vec![Event::BreakEnded];
        if let Step::Calm { partner } = self.step
            && partner != self.first
        {
            self.enter(
                Step::Calm {
                    partner: self.first,
                },
                &mut events,
            );
        }
        events
    }

    fn enter(&mut self, step: Step, events: &mut Vec<Event>) {
        self.step = step;
        events.push(Event::StepEntered);
    }
}
