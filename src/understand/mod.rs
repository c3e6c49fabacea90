//! "Understand each other" (SPEC section 7) as a pure state machine: is now a good time,
//! the topic with a soft start-up, then the floor: the sender says a piece, the receiver
//! mirrors it, the sender says whether it was got; only after "you got it" and "no more"
//! does the receiver validate and empathize, and the sender rate. Then the receiver may
//! take the floor on the same topic, and each may name one small step. No IO, no clock.
//!
//! The floor gate is the engine's, not the screen's: from the sender's answer only "you
//! got it" leads on, and from "is there more?" only "no" reaches the receiver's validate
//! step. Every other input there is refused and changes nothing.
//!
//! Choices made here:
//! - "Later" from either partner at the start ends the talk at once (nothing to keep but
//!   that it was put off); the record says `later`.
//! - A pass on the floor ends that round unconfirmed (`got_it: false`, no ratings) and goes
//!   to the switch: passing never opens the receiver's steps.
//! - With `keep_notes` false no typed words are held: no topic text, no steps' text.
//! - A break can be taken on any step before the end; it records nothing.

mod record;
pub mod session;

use serde::{Deserialize, Serialize};

use crate::activity::event::Event;
use crate::mode::Partner;
use crate::talk::{TalkError, scale};

/// Which screen the talk is on; the partner it concerns where it matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    /// Is now a good time? Each partner in turn: [`Input::GoodTime`].
    GoodTime { partner: Partner },
    /// The topic, in a few words, and whether it is shared: [`Input::Topic`].
    Topic,
    /// The sender says one piece: [`Input::Said`].
    Speak,
    /// The receiver mirrors it: [`Input::Mirrored`].
    Mirror,
    /// The sender says whether it was got: [`Input::Answer`].
    Answer,
    /// "Is there more?": [`Input::More`].
    More,
    /// The receiver: "It makes sense to me because ...": [`Input::Done`].
    Validate,
    /// The receiver: "I imagine you feel ...", with the feelings list: [`Input::Done`].
    Empathize,
    /// The sender rates felt heard, validated and cared for: [`Input::Rate`].
    Rating,
    /// Does the receiver take the floor on the same topic? [`Input::Switch`].
    Switch,
    /// One small step each, typed or not: [`Input::SmallStep`].
    SmallStep { partner: Partner },
    /// Paused; [`Input::Resume`] returns to the step it left.
    Break,
    /// Over; nothing more is taken.
    Summary,
}

impl Step {
    /// The step in words, for messages and tests.
    pub fn name(self) -> &'static str {
        match self {
            Step::GoodTime { .. } => "the question whether now is a good time",
            Step::Topic => "the topic",
            Step::Speak => "the sender's piece",
            Step::Mirror => "the mirror",
            Step::Answer => "the sender's answer",
            Step::More => "the question whether there is more",
            Step::Validate => "the validation",
            Step::Empathize => "the empathy",
            Step::Rating => "the rating",
            Step::Switch => "the question about switching",
            Step::SmallStep { .. } => "the small step",
            Step::Break => "a break",
            Step::Summary => "the summary",
        }
    }
}

/// The sender's answer to a mirror.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    GotIt,
    /// "Partly - let me add": the floor goes back to the sender.
    Partly,
    NotYet,
}

/// What was chosen on the current screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Now is a good time (`true`), or later.
    GoodTime(bool),
    /// The topic in a few words (blank goes on without), and whether the other may see
    /// it in the shared views (`shared`).
    Topic {
        text: Option<String>,
        shared: bool,
    },
    Said,
    Mirrored,
    Answer(Answer),
    More(bool),
    /// The receiver has validated, or empathized.
    Done,
    /// Felt heard, validated, cared for: 1-5 each, `None` skipped.
    Rate {
        heard: Option<u8>,
        validated: Option<u8>,
        cared: Option<u8>,
    },
    Switch(bool),
    /// One thing I will do this week; blank or `None` is none.
    SmallStep(Option<String>),
    Pass,
    Break,
    Resume,
}

impl Input {
    fn name(&self) -> &'static str {
        match self {
            Input::GoodTime(_) => "an answer whether now is good",
            Input::Topic { .. } => "a topic",
            Input::Said => "a piece said",
            Input::Mirrored => "a mirror",
            Input::Answer(_) => "an answer to the mirror",
            Input::More(_) => "an answer whether there is more",
            Input::Done => "done",
            Input::Rate { .. } => "a rating",
            Input::Switch(_) => "an answer about switching",
            Input::SmallStep(_) => "a small step",
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

/// One partner's time with the floor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    pub sender: Partner,
    /// Pieces said (each "not yet" or "partly" asks for one more).
    pub pieces: u32,
    pub mirrors: u32,
    /// The sender said "you got it" and "no more".
    pub got_it: bool,
    #[serde(default, deserialize_with = "crate::journal::de::one_to_five")]
    pub felt_heard: Option<u8>,
    #[serde(default, deserialize_with = "crate::journal::de::one_to_five")]
    pub felt_validated: Option<u8>,
    #[serde(default, deserialize_with = "crate::journal::de::one_to_five")]
    pub felt_cared: Option<u8>,
}

impl Round {
    fn of(sender: Partner) -> Round {
        Round {
            sender,
            pieces: 0,
            mirrors: 0,
            got_it: false,
            felt_heard: None,
            felt_validated: None,
            felt_cared: None,
        }
    }
}

/// A talk to understand each other, in progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Understand {
    pub(crate) keep_notes: bool,
    /// Who brings the topic and has the floor first.
    pub(crate) bringer: Partner,
    pub(crate) topic: Option<String>,
    pub(crate) topic_shared: bool,
    /// Someone said "later" at the start.
    pub(crate) later: bool,
    pub(crate) rounds: Vec<Round>,
    pub(crate) steps: [Option<String>; 2],
    pub(crate) step: Step,
    #[serde(default)]
    pub(crate) paused: bool,
    /// Breaks taken, so the summary can suggest a talk after a hard moment.
    #[serde(default)]
    pub(crate) breaks: u32,
    /// The reflection alone whose topic this talk took up, so it stops waiting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) brought_from: Option<String>,
}

impl Understand {
    /// A talk whose topic `bringer` brings.
    pub fn new(bringer: Partner, keep_notes: bool) -> Understand {
        Understand {
            keep_notes,
            bringer,
            topic: None,
            topic_shared: false,
            later: false,
            rounds: Vec::new(),
            steps: [None, None],
            step: Step::GoodTime { partner: bringer },
            paused: false,
            breaks: 0,
            brought_from: None,
        }
    }

    /// A talk about the topic `bringer` prepared alone (reflection `reflection_id`): the
    /// topic step starts with it written, kept to them until they share it.
    pub fn brought(
        bringer: Partner,
        keep_notes: bool,
        reflection_id: &str,
        topic: &str,
    ) -> Understand {
        Understand {
            topic: keep_notes.then(|| topic.to_string()),
            brought_from: Some(reflection_id.to_string()),
            ..Understand::new(bringer, keep_notes)
        }
    }

    /// A talk that starts at its topic: for an issue inside "Our week", where both are
    /// already here and have said they have the time.
    pub fn on_topic(bringer: Partner, keep_notes: bool) -> Understand {
        Understand {
            step: Step::Topic,
            ..Understand::new(bringer, keep_notes)
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

    pub fn is_finished(&self) -> bool {
        self.step == Step::Summary
    }

    pub fn bringer(&self) -> Partner {
        self.bringer
    }

    pub fn topic_shared(&self) -> bool {
        self.topic_shared
    }

    pub fn breaks(&self) -> u32 {
        self.breaks
    }

    /// Whether the small steps' words are kept (notes on).
    pub fn keeps_notes(&self) -> bool {
        self.keep_notes
    }

    /// The round on the floor now, or the last one.
    pub fn round(&self) -> Option<&Round> {
        self.rounds.last()
    }

    pub fn rounds(&self) -> &[Round] {
        &self.rounds
    }

    pub fn topic(&self) -> Option<&str> {
        self.topic.as_deref()
    }

    /// The sender and the receiver of the round on the floor.
    pub fn roles(&self) -> (Partner, Partner) {
        let sender = self.round().map_or(self.bringer, |r| r.sender);
        (sender, sender.other())
    }

    /// Take one input and say what happened. On an error nothing changes.
    pub fn apply(&mut self, input: Input) -> Result<Vec<Event>, TalkError> {
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
                self.paused = true;
                self.breaks = self.breaks.saturating_add(1);
                events.push(Event::BreakStarted);
            }
            (Step::GoodTime { partner }, Input::GoodTime(good)) => {
                self.good_time(partner, good, &mut events)
            }
            (Step::Topic, Input::Topic { text, shared }) => {
                let text = text.as_deref().map(str::trim).unwrap_or_default();
                self.topic = (self.keep_notes && !text.is_empty()).then(|| text.to_string());
                self.topic_shared = shared;
                self.take_floor(self.bringer, &mut events);
            }
            (step, input) => return self.on_floor(step, input),
        }
        Ok(events)
    }

    fn good_time(&mut self, partner: Partner, good: bool, events: &mut Vec<Event>) {
        if !good {
            self.later = true;
            self.finish(events);
        } else if partner == self.bringer {
            self.enter(
                Step::GoodTime {
                    partner: partner.other(),
                },
                events,
            );
        } else {
            self.enter(Step::Topic, events);
        }
    }

    /// The floor and what follows it; the gate lives here.
    fn on_floor(&mut self, step: Step, input: Input) -> Result<Vec<Event>, TalkError> {
        let mut events = Vec::new();
        match (step, input) {
            (Step::Speak, Input::Said) => {
                self.current().pieces += 1;
                self.enter(Step::Mirror, &mut events);
            }
            (Step::Mirror, Input::Mirrored) => {
                self.current().mirrors += 1;
                self.enter(Step::Answer, &mut events);
            }
            (Step::Answer, Input::Answer(Answer::GotIt)) => self.enter(Step::More, &mut events),
            // Anything but "you got it" gives the floor back to the sender.
            (Step::Answer, Input::Answer(Answer::Partly | Answer::NotYet))
            | (Step::More, Input::More(true)) => self.enter(Step::Speak, &mut events),
            (Step::More, Input::More(false)) => {
                self.current().got_it = true;
                self.enter(Step::Validate, &mut events);
            }
            (Step::Validate, Input::Done) => self.enter(Step::Empathize, &mut events),
            (Step::Empathize, Input::Done) => self.enter(Step::Rating, &mut events),
            (
                Step::Rating,
                Input::Rate {
                    heard,
                    validated,
                    cared,
                },
            ) => {
                let round = (
                    scale("felt heard", heard, 5)?,
                    scale("felt validated", validated, 5)?,
                    scale("felt cared for", cared, 5)?,
                );
                let current = self.current();
                (
                    current.felt_heard,
                    current.felt_validated,
                    current.felt_cared,
                ) = round;
                self.end_round(&mut events);
            }
            // A pass on the floor ends the round unconfirmed; the gate stays shut.
            (Step::Speak | Step::Mirror | Step::Answer | Step::More, Input::Pass) => {
                self.end_round(&mut events)
            }
            (Step::Validate | Step::Empathize | Step::Rating, Input::Pass) => {
                self.end_round(&mut events)
            }
            (Step::Switch, Input::Switch(true)) => {
                let (_, receiver) = self.roles();
                self.take_floor(receiver, &mut events);
            }
            (Step::Switch, Input::Switch(false) | Input::Pass) => self.enter(
                Step::SmallStep {
                    partner: self.bringer,
                },
                &mut events,
            ),
            (Step::SmallStep { partner }, Input::SmallStep(text)) => {
                self.small_step(partner, text, &mut events)
            }
            (Step::SmallStep { partner }, Input::Pass) => {
                self.small_step(partner, None, &mut events)
            }
            (step, input) => return Err(wrong(step, &input)),
        }
        Ok(events)
    }

    fn small_step(&mut self, partner: Partner, text: Option<String>, events: &mut Vec<Event>) {
        let text = text.as_deref().map(str::trim).unwrap_or_default();
        self.steps[partner.index()] =
            (self.keep_notes && !text.is_empty()).then(|| text.to_string());
        if partner == self.bringer {
            self.enter(
                Step::SmallStep {
                    partner: partner.other(),
                },
                events,
            );
        } else {
            self.finish(events);
        }
    }

    fn take_floor(&mut self, sender: Partner, events: &mut Vec<Event>) {
        self.rounds.push(Round::of(sender));
        self.enter(Step::Speak, events);
    }

    /// The round is over: offer the switch once, after the first round.
    fn end_round(&mut self, events: &mut Vec<Event>) {
        events.push(Event::TurnRecorded);
        if self.rounds.len() < 2 {
            self.enter(Step::Switch, events);
        } else {
            self.enter(
                Step::SmallStep {
                    partner: self.bringer,
                },
                events,
            );
        }
    }

    fn current(&mut self) -> &mut Round {
        if self.rounds.is_empty() {
            self.rounds.push(Round::of(self.bringer));
        }
        let last = self.rounds.len() - 1;
        &mut self.rounds[last]
    }

    fn enter(&mut self, step: Step, events: &mut Vec<Event>) {
        self.step = step;
        events.push(Event::StepEntered);
    }

    fn finish(&mut self, events: &mut Vec<Event>) {
        self.enter(Step::Summary, events);
        events.push(Event::Finished);
    }
}
