//! The screens of "Understand each other": is now a good time, the topic, the floor (say,
//! mirror, answer, is there more), validate, empathize, the rating, the switch and the small
//! steps. Holds only what is being chosen on the current step; the gate is the engine's.

pub mod keys;
pub(crate) mod view;

use std::time::Instant;

use crossterm::event::KeyEvent;

use super::activity::parts::{Scale, TextField, break_tick};
use crate::activity::{Event, Flow};
use crate::mode::Partner;
use crate::tui::action::Action;
use crate::tui::theme::Theme;
use crate::understand::{Step, Understand};
use crate::words;

/// The three ratings of a round, one in focus.
#[derive(Debug, Clone, Default)]
pub struct Ratings {
    pub scales: [Scale; 3],
    pub focus: usize,
}

impl Ratings {
    pub fn answered(&self) -> bool {
        self.scales.iter().all(Scale::answered)
    }

    /// Focus the first question not yet answered, if any.
    pub fn move_to_unanswered(&mut self) {
        if let Some(open) = self.scales.iter().position(|s| !s.answered()) {
            self.focus = open;
        }
    }
}

/// What is being chosen on the current step, typed per step.
#[derive(Debug, Clone)]
pub enum StepUi {
    GoodTime {
        partner: Partner,
        choice: Option<bool>,
    },
    Topic {
        text: Box<TextField>,
        shared: bool,
    },
    Speak,
    Mirror,
    /// The sender's answer: 0 you got it, 1 partly, 2 not yet; nothing marked at first.
    Answer(Option<usize>),
    More(Option<bool>),
    Validate,
    Empathize,
    Rating(Ratings),
    Switch(Option<bool>),
    SmallStep {
        partner: Partner,
        text: Box<TextField>,
    },
    /// The warning signs and the offer of a break, over the step it was called on.
    TimeOut(Box<StepUi>),
    Break {
        since: Instant,
        behind: Box<StepUi>,
    },
    Summary,
}

impl StepUi {
    pub fn enter(talk: &Understand, now: Instant, typed: Option<String>) -> StepUi {
        match talk.step() {
            Step::Break => StepUi::Break {
                since: now,
                behind: Box::new(StepUi::of(talk.step_behind_break(), talk, typed)),
            },
            step => StepUi::of(step, talk, typed),
        }
    }

    fn of(step: Step, talk: &Understand, typed: Option<String>) -> StepUi {
        let notes = talk.keeps_notes();
        let typed = typed.filter(|_| notes);
        match step {
            Step::GoodTime { partner } => StepUi::GoodTime {
                partner,
                choice: None,
            },
            Step::Topic => StepUi::Topic {
                // A topic prepared alone comes written already.
                text: Box::new(TextField::new(
                    words::TOPIC_FIELD_PLACEHOLDER,
                    notes,
                    typed.or_else(|| talk.topic().map(str::to_string)),
                )),
                shared: false,
            },
            Step::Speak => StepUi::Speak,
            Step::Mirror => StepUi::Mirror,
            Step::Answer => StepUi::Answer(None),
            Step::More => StepUi::More(None),
            Step::Validate => StepUi::Validate,
            Step::Empathize => StepUi::Empathize,
            Step::Rating => StepUi::Rating(Ratings::default()),
            Step::Switch => StepUi::Switch(None),
            Step::SmallStep { partner } => StepUi::SmallStep {
                partner,
                text: Box::new(TextField::new(words::SMALL_STEP_PLACEHOLDER, notes, typed)),
            },
            Step::Break | Step::Summary => StepUi::Summary,
        }
    }

    /// The field typing goes to, on this step or behind an overlay.
    fn field(&self) -> Option<&TextField> {
        match self {
            StepUi::Topic { text, .. } | StepUi::SmallStep { text, .. } => Some(text),
            StepUi::TimeOut(behind) | StepUi::Break { behind, .. } => behind.field(),
            StepUi::GoodTime { .. }
            | StepUi::Speak
            | StepUi::Mirror
            | StepUi::Answer(_)
            | StepUi::More(_)
            | StepUi::Validate
            | StepUi::Empathize
            | StepUi::Rating(_)
            | StepUi::Switch(_)
            | StepUi::Summary => None,
        }
    }
}

/// How an understand input reaches the app: on its own, or inside "Our week".
pub type Wrap = fn(crate::understand::Input) -> crate::activity::Input;

/// The talk being drawn and whose names go with it: on its own, the flow's partners; in
/// "Our week", the issue inside the week.
#[derive(Clone, Copy)]
pub struct Talk<'a> {
    pub engine: &'a Understand,
    pub partners: &'a [String; 2],
}

impl<'a> Talk<'a> {
    pub fn of(flow: &'a Flow<Understand>) -> Talk<'a> {
        Talk {
            engine: &flow.engine,
            partners: &flow.partners,
        }
    }
}

pub struct UnderstandScreen {
    /// When the break on screen ends, by the wall clock ("21:40"), once one started.
    pub back_at: Option<String>,
    pub ui: StepUi,
    /// The frame's title: this flow's, or the one it runs inside.
    pub title: &'static str,
    pub wrap: Wrap,
    pub notice: Option<String>,
    pub theme: Theme,
    pub demo: bool,
    pub now: Instant,
}

impl UnderstandScreen {
    pub fn new(
        talk: &Understand,
        theme: Theme,
        demo: bool,
        now: Instant,
        typed: Option<String>,
    ) -> UnderstandScreen {
        UnderstandScreen {
            back_at: None,
            ui: StepUi::enter(talk, now, typed),
            title: words::UNDERSTAND_TITLE,
            wrap: crate::activity::Input::Understand,
            notice: None,
            theme,
            demo,
            now,
        }
    }

    pub fn on_events(&mut self, talk: &Understand, events: &[Event], now: Instant) {
        self.now = now;
        for event in events {
            match event {
                Event::StepEntered => self.ui = StepUi::enter(talk, now, None),
                Event::BreakStarted => {
                    let behind = match std::mem::replace(&mut self.ui, StepUi::Summary) {
                        // The time-out offered the break: behind it is the step itself.
                        StepUi::TimeOut(behind) => *behind,
                        ui => ui,
                    };
                    self.ui = StepUi::Break {
                        since: now,
                        behind: Box::new(behind),
                    };
                }
                Event::BreakEnded => {
                    if let StepUi::Break { behind, .. } =
                        std::mem::replace(&mut self.ui, StepUi::Summary)
                    {
                        self.ui = *behind;
                    }
                }
                Event::TurnRecorded | Event::StayingLighter | Event::Finished => {}
            }
        }
    }

    /// The topic or small step being typed, for the draft.
    pub fn typing(&self) -> Option<String> {
        self.ui
            .field()
            .map(TextField::text)
            .filter(|t| !t.is_empty())
    }

    pub fn next_tick(&self, now: Instant) -> Option<Instant> {
        match &self.ui {
            StepUi::Break { since, .. } => break_tick(*since, now),
            StepUi::GoodTime { .. }
            | StepUi::Topic { .. }
            | StepUi::Speak
            | StepUi::Mirror
            | StepUi::Answer(_)
            | StepUi::More(_)
            | StepUi::Validate
            | StepUi::Empathize
            | StepUi::Rating(_)
            | StepUi::Switch(_)
            | StepUi::SmallStep { .. }
            | StepUi::TimeOut(_)
            | StepUi::Summary => None,
        }
    }

    pub fn handle_key(&mut self, talk: &Understand, key: KeyEvent, now: Instant) -> Option<Action> {
        self.now = now;
        keys::handle(self, talk, key)
    }
}

/// The two names of the round on the floor: the sender's and the receiver's.
pub fn roles(talk: Talk<'_>) -> (String, String) {
    let (sender, receiver) = talk.engine.roles();
    (name(talk, sender), name(talk, receiver))
}

pub fn name(talk: Talk<'_>, partner: Partner) -> String {
    crate::text::one_line(&talk.partners[partner.index()]).into_owned()
}
