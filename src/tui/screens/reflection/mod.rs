//! The screens of a reflection alone: the check-in, its topic, writing on a prompt, how
//! clear it feels, whether to bring it to the next talk, the mood after. Holds only what is being chosen on the current step.

pub mod keys;
mod view;

use std::time::Instant;

use crossterm::event::KeyEvent;

use super::activity::parts::{Scale, TextField, break_tick};
use super::activity::timer::Stopwatch;
use crate::activity::Event;
use crate::reflection::{Reflection, Step};
use crate::tui::action::Action;
use crate::tui::theme::Theme;
use crate::words;

/// What is being chosen on the current step, typed per step.
#[derive(Debug, Clone)]
pub enum StepUi {
    CheckIn(Scale),
    /// The topic, one line, typed at once.
    Topic(Box<TextField>),
    Writing {
        watch: Stopwatch,
        text: Box<TextField>,
    },
    Clarity(Scale),
    /// "Bring this to your next talk?": nothing chosen until the writer chooses.
    Bring(Option<bool>),
    MoodAfter(Scale),
    Break {
        since: Instant,
        behind: Box<StepUi>,
    },
    Summary,
}

impl StepUi {
    pub fn enter(reflection: &Reflection, now: Instant, typed: Option<String>) -> StepUi {
        match reflection.step() {
            Step::Break => StepUi::Break {
                since: now,
                behind: Box::new(StepUi::of(
                    reflection.step_behind_break(),
                    reflection,
                    now,
                    typed,
                )),
            },
            step => StepUi::of(step, reflection, now, typed),
        }
    }

    fn of(step: Step, reflection: &Reflection, now: Instant, typed: Option<String>) -> StepUi {
        let notes = reflection.keeps_notes();
        match step {
            Step::CheckIn => StepUi::CheckIn(Scale::default()),
            Step::Topic => StepUi::Topic(Box::new(TextField::new(
                words::TOPIC_PLACEHOLDER,
                notes,
                typed.filter(|_| notes),
            ))),
            Step::Reflection => StepUi::Writing {
                // Back from the clarity rating: what was written comes with it.
                watch: Stopwatch::started(now),
                text: Box::new(TextField::new(
                    words::REFLECTION_PLACEHOLDER,
                    notes,
                    typed
                        .or_else(|| reflection.current_text().map(str::to_string))
                        .filter(|_| notes),
                )),
            },
            Step::Clarity => StepUi::Clarity(Scale::default()),
            Step::Bring => StepUi::Bring(None),
            Step::MoodAfter => StepUi::MoodAfter(Scale::default()),
            Step::Break => StepUi::Break {
                since: now,
                behind: Box::new(StepUi::Summary),
            },
            Step::Summary => StepUi::Summary,
        }
    }
}

pub struct ReflectionScreen {
    /// When the break on screen ends, by the wall clock ("21:40"), once one started.
    pub back_at: Option<String>,
    pub ui: StepUi,
    pub deck_title: String,
    pub notice: Option<String>,
    pub theme: Theme,
    pub demo: bool,
    pub now: Instant,
}

impl ReflectionScreen {
    pub fn new(
        reflection: &Reflection,
        deck_title: String,
        theme: Theme,
        demo: bool,
        now: Instant,
        typed: Option<String>,
    ) -> ReflectionScreen {
        ReflectionScreen {
            back_at: None,
            ui: StepUi::enter(reflection, now, typed),
            deck_title,
            notice: None,
            theme,
            demo,
            now,
        }
    }

    pub fn on_events(&mut self, reflection: &Reflection, events: &[Event], now: Instant) {
        self.now = now;
        for event in events {
            match event {
                Event::StepEntered => self.ui = StepUi::enter(reflection, now, None),
                Event::BreakStarted => {
                    let behind = std::mem::replace(&mut self.ui, StepUi::Summary);
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

    /// The reflection being written, for the draft.
    pub fn typing(&self) -> Option<String> {
        let ui = match &self.ui {
            StepUi::Break { behind, .. } => behind,
            ui => ui,
        };
        match ui {
            StepUi::Writing { text, .. } => Some(text.text()).filter(|t| !t.is_empty()),
            StepUi::Topic(text) => Some(text.text()).filter(|t| !t.is_empty()),
            StepUi::CheckIn(_)
            | StepUi::Clarity(_)
            | StepUi::Bring(_)
            | StepUi::MoodAfter(_)
            | StepUi::Break { .. }
            | StepUi::Summary => None,
        }
    }

    pub fn next_tick(&self, now: Instant) -> Option<Instant> {
        match &self.ui {
            StepUi::Break { since, .. } => break_tick(*since, now),
            StepUi::CheckIn(_)
            | StepUi::Topic(_)
            | StepUi::Writing { .. }
            | StepUi::Clarity(_)
            | StepUi::Bring(_)
            | StepUi::MoodAfter(_)
            | StepUi::Summary => None,
        }
    }

    pub fn handle_key(
        &mut self,
        reflection: &Reflection,
        key: KeyEvent,
        now: Instant,
    ) -> Option<Action> {
        self.now = now;
        keys::handle(self, reflection, key, now)
    }
}
