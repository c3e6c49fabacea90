//! The screens of "After a hard moment": calm enough, then five stages each in turn
//! (feelings, what it was like with its gate, what it touched, my part and an apology,
//! next time), the other saying back each part. Holds only what is being chosen on the
//! current step; the gate and the order are the engine's.

pub mod keys;
mod view;

use std::time::Instant;

use crossterm::event::KeyEvent;

use super::activity::parts::{TextField, break_tick};
use crate::activity::{Event, Flow};
use crate::mode::Partner;
use crate::repair::{Repair, Step};
use crate::tui::action::Action;
use crate::tui::theme::Theme;
use crate::words;

/// The feelings grid is this many columns wide, on screen and for the arrows.
pub const FEELING_COLUMNS: usize = 4;

/// Words being picked from a list: the one the cursor is on and those picked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picks {
    pub cursor: usize,
    pub picked: Vec<usize>,
}

impl Picks {
    pub fn toggle(&mut self, index: usize) {
        match self.picked.iter().position(|&p| p == index) {
            Some(at) => {
                self.picked.remove(at);
            }
            None => self.picked.push(index),
        }
    }

    pub fn has(&self, index: usize) -> bool {
        self.picked.contains(&index)
    }
}

/// What is being chosen on the current step, typed per step.
#[derive(Debug, Clone)]
pub enum StepUi {
    Calm(Option<bool>),
    Feelings(Picks),
    Summarise,
    Speak,
    Mirror,
    Answer(Option<usize>),
    More(Option<bool>),
    Touched(Box<TextField>),
    MyPart {
        picks: Picks,
        text: Box<TextField>,
        apology: bool,
    },
    Accept(Option<bool>),
    NextTime {
        will: Box<TextField>,
        ask: Box<TextField>,
        /// On "one thing I ask of you".
        on_ask: bool,
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
    pub fn enter(talk: &Repair, now: Instant, typed: Option<String>) -> StepUi {
        match talk.step() {
            Step::Break => StepUi::Break {
                since: now,
                behind: Box::new(StepUi::of(talk.step_behind_break(), talk, typed)),
            },
            step => StepUi::of(step, talk, typed),
        }
    }

    fn of(step: Step, talk: &Repair, typed: Option<String>) -> StepUi {
        let notes = talk.keeps_notes();
        let typed = typed.filter(|_| notes);
        let field = |placeholder, typed| Box::new(TextField::new(placeholder, notes, typed));
        match step {
            Step::Calm { .. } => StepUi::Calm(None),
            Step::Feelings { .. } => StepUi::Feelings(Picks::default()),
            Step::Summarise { .. } => StepUi::Summarise,
            Step::Speak { .. } => StepUi::Speak,
            Step::Mirror { .. } => StepUi::Mirror,
            Step::Answer { .. } => StepUi::Answer(None),
            Step::More { .. } => StepUi::More(None),
            Step::Touched { .. } => StepUi::Touched(field(words::TOUCHED_PLACEHOLDER, typed)),
            Step::MyPart { .. } => StepUi::MyPart {
                picks: Picks::default(),
                // Picking comes first here: the words of one's own open with `w`.
                text: Box::new(TextField::new(words::MY_PART_PLACEHOLDER, false, typed)),
                apology: false,
            },
            Step::Accept { .. } => StepUi::Accept(None),
            Step::NextTime { .. } => StepUi::NextTime {
                will: field(words::NEXT_TIME_WILL, typed),
                ask: Box::new(TextField::new(words::NEXT_TIME_ASK, false, None)),
                on_ask: false,
            },
            Step::Break | Step::Summary => StepUi::Summary,
        }
    }

    /// The field typing goes to, on this step or behind an overlay.
    fn field(&self) -> Option<&TextField> {
        match self {
            StepUi::Touched(text) | StepUi::MyPart { text, .. } => Some(text.as_ref()),
            StepUi::NextTime { will, ask, on_ask } => {
                Some(if *on_ask { ask.as_ref() } else { will.as_ref() })
            }
            StepUi::TimeOut(behind) | StepUi::Break { behind, .. } => behind.field(),
            StepUi::Calm(_)
            | StepUi::Feelings(_)
            | StepUi::Summarise
            | StepUi::Speak
            | StepUi::Mirror
            | StepUi::Answer(_)
            | StepUi::More(_)
            | StepUi::Accept(_)
            | StepUi::Summary => None,
        }
    }
}

pub struct RepairScreen {
    /// When the break on screen ends, by the wall clock ("21:40"), once one started.
    pub back_at: Option<String>,
    pub ui: StepUi,
    pub notice: Option<String>,
    pub theme: Theme,
    pub demo: bool,
    pub now: Instant,
}

impl RepairScreen {
    pub fn new(
        talk: &Repair,
        theme: Theme,
        demo: bool,
        now: Instant,
        typed: Option<String>,
    ) -> RepairScreen {
        RepairScreen {
            back_at: None,
            ui: StepUi::enter(talk, now, typed),
            notice: None,
            theme,
            demo,
            now,
        }
    }

    pub fn on_events(&mut self, talk: &Repair, events: &[Event], now: Instant) {
        self.now = now;
        for event in events {
            match event {
                Event::StepEntered => self.ui = StepUi::enter(talk, now, None),
                Event::BreakStarted => {
                    let behind = match std::mem::replace(&mut self.ui, StepUi::Summary) {
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

    /// The words being typed on this step, for the draft.
    pub fn typing(&self) -> Option<String> {
        self.ui
            .field()
            .map(TextField::text)
            .filter(|t| !t.is_empty())
    }

    pub fn next_tick(&self, now: Instant) -> Option<Instant> {
        match &self.ui {
            StepUi::Break { since, .. } => break_tick(*since, now),
            StepUi::Calm(_)
            | StepUi::Feelings(_)
            | StepUi::Summarise
            | StepUi::Speak
            | StepUi::Mirror
            | StepUi::Answer(_)
            | StepUi::More(_)
            | StepUi::Touched(_)
            | StepUi::MyPart { .. }
            | StepUi::Accept(_)
            | StepUi::NextTime { .. }
            | StepUi::TimeOut(_)
            | StepUi::Summary => None,
        }
    }

    pub fn handle_key(
        &mut self,
        flow: &Flow<Repair>,
        key: KeyEvent,
        now: Instant,
    ) -> Option<Action> {
        self.now = now;
        keys::handle(self, &flow.engine, key)
    }
}

pub fn name(flow: &Flow<Repair>, partner: Partner) -> String {
    crate::text::one_line(&flow.partners[partner.index()]).into_owned()
}
