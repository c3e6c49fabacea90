//! The screens of a couple's prompt talk: what each step shows and what its keys do. The
//! talk itself is in the app beside this screen; this holds only what is being chosen on
//! the current step, created fresh each time a step is entered.

pub mod keys;
mod view;
mod view_prompt;

use std::time::Instant;

use crossterm::event::KeyEvent;

use super::activity::parts::{Scale, TextField, break_tick};
use super::activity::timer::Stopwatch;
use crate::activity::Event;
use crate::mode::Partner;
use crate::talk::{Step, Talk};
use crate::tui::action::Action;
use crate::tui::theme::Theme;
use crate::words;

/// What is being chosen on the current step, typed per step.
#[derive(Debug, Clone)]
pub enum StepUi {
    CheckIn {
        partner: Partner,
        mood: Scale,
    },
    /// No answer is chosen for anyone until they choose: `None` at first.
    DeeperConsent {
        partner: Partner,
        choice: Option<bool>,
    },
    Speaker(Speaking),
    Listener,
    ListenerGuess(Scale),
    Rating(Rating),
    /// "Would you like Ben to try again?": nothing chosen until the speaker chooses.
    TryAgain {
        choice: Option<bool>,
    },
    Reveal {
        guess: u8,
        felt_heard: Option<u8>,
    },
    Closeness {
        partner: Partner,
        value: Scale,
    },
    MoodAfter {
        partner: Partner,
        mood: Scale,
    },
    Appreciation {
        partner: Partner,
        text: TextField,
    },
    Break(Pause),
    /// Reached only when saving the finished talk failed.
    Summary,
}

/// The speaker card: the clock of this turn and its private note.
#[derive(Debug, Clone)]
pub struct Speaking {
    pub watch: Stopwatch,
    pub note: TextField,
    /// The bringer of this prompt's topic has opened their own notes from before.
    pub notes_open: bool,
}

/// The two scales of the rating screen.
#[derive(Debug, Clone, Copy, Default)]
pub struct Rating {
    pub heard: Scale,
    pub validated: Scale,
    /// Whether felt validated (the second scale) has focus.
    pub on_validated: bool,
}

/// A break, and the step waiting behind it just as it was left.
#[derive(Debug, Clone)]
pub struct Pause {
    pub since: Instant,
    pub behind: Box<StepUi>,
}

impl StepUi {
    /// The fresh state of the step the talk is on; `typed` is text a draft kept for it.
    pub fn enter(talk: &Talk, now: Instant, typed: Option<String>) -> StepUi {
        match talk.step() {
            Step::Break => StepUi::Break(Pause {
                since: now,
                behind: Box::new(StepUi::of(talk.step_behind_break(), talk, now, typed)),
            }),
            step => StepUi::of(step, talk, now, typed),
        }
    }

    fn of(step: Step, talk: &Talk, now: Instant, typed: Option<String>) -> StepUi {
        let notes = talk.keeps_notes();
        match step {
            Step::CheckIn { partner } => StepUi::CheckIn {
                partner,
                mood: Scale::default(),
            },
            Step::DeeperConsent { partner } => StepUi::DeeperConsent {
                partner,
                choice: None,
            },
            Step::Speaker => {
                // Text a draft kept was being typed: the field opens to go on writing. Back
                // on the card from the listener's, the note given is shown, not opened.
                let writing = notes && typed.is_some();
                let typed = typed.or_else(|| talk.current_note().map(str::to_string));
                StepUi::Speaker(Speaking {
                    watch: Stopwatch::started(now),
                    note: TextField::new(words::NOTE_PLACEHOLDER, writing, typed.filter(|_| notes)),
                    notes_open: false,
                })
            }
            Step::Listener => StepUi::Listener,
            Step::ListenerGuess => StepUi::ListenerGuess(Scale::default()),
            Step::Rating => StepUi::Rating(Rating::default()),
            Step::Reveal { guess, felt_heard } => StepUi::Reveal { guess, felt_heard },
            Step::TryAgain => StepUi::TryAgain { choice: None },
            Step::Closeness { partner } => StepUi::Closeness {
                partner,
                value: Scale::default(),
            },
            Step::MoodAfter { partner } => StepUi::MoodAfter {
                partner,
                mood: Scale::default(),
            },
            Step::Appreciation { partner } => StepUi::Appreciation {
                partner,
                text: TextField::new(
                    words::APPRECIATION_PLACEHOLDER,
                    notes,
                    typed.filter(|_| notes),
                ),
            },
            // A break is entered through `enter`; one found here waits on nothing.
            Step::Break => StepUi::Break(Pause {
                since: now,
                behind: Box::new(StepUi::Summary),
            }),
            Step::Summary => StepUi::Summary,
        }
    }

    /// The text field of this step, when it has one.
    fn text(&self) -> Option<&TextField> {
        match self {
            StepUi::Speaker(speaking) => Some(&speaking.note),
            StepUi::Appreciation { text, .. } => Some(text),
            StepUi::Break(pause) => pause.behind.text(),
            StepUi::CheckIn { .. }
            | StepUi::DeeperConsent { .. }
            | StepUi::Listener
            | StepUi::ListenerGuess(_)
            | StepUi::Rating(_)
            | StepUi::Reveal { .. }
            | StepUi::TryAgain { .. }
            | StepUi::Closeness { .. }
            | StepUi::MoodAfter { .. }
            | StepUi::Summary => None,
        }
    }
}

pub struct TalkScreen {
    /// When the break on screen ends, by the wall clock ("21:40"), once one started.
    pub back_at: Option<String>,
    pub ui: StepUi,
    pub deck_title: String,
    /// A plain line shown at the bottom (saving trouble, staying lighter, ...).
    pub notice: Option<String>,
    pub theme: Theme,
    pub demo: bool,
    /// The time the views compare against for the countdown.
    pub now: Instant,
}

impl TalkScreen {
    pub fn new(
        talk: &Talk,
        deck_title: String,
        theme: Theme,
        demo: bool,
        now: Instant,
        typed: Option<String>,
    ) -> TalkScreen {
        TalkScreen {
            back_at: None,
            ui: StepUi::enter(talk, now, typed),
            deck_title,
            notice: None,
            theme,
            demo,
            now,
        }
    }

    /// What happened in the talk: a step entered starts fresh; a break keeps the step
    /// behind it as it was.
    pub fn on_events(&mut self, talk: &Talk, events: &[Event], now: Instant) {
        self.now = now;
        for event in events {
            match event {
                Event::StepEntered => self.ui = StepUi::enter(talk, now, None),
                Event::BreakStarted => {
                    let behind = std::mem::replace(&mut self.ui, StepUi::Summary);
                    self.ui = StepUi::Break(Pause {
                        since: now,
                        behind: Box::new(behind),
                    });
                }
                Event::BreakEnded => {
                    if let StepUi::Break(pause) = std::mem::replace(&mut self.ui, StepUi::Summary) {
                        self.ui = *pause.behind;
                    }
                }
                Event::TurnRecorded | Event::StayingLighter | Event::Finished => {}
            }
        }
    }

    /// Text being typed on this step, for the draft.
    pub fn typing(&self) -> Option<String> {
        self.ui
            .text()
            .map(TextField::text)
            .filter(|t| !t.is_empty())
    }

    /// When the screen next changes without a key: each second of the running countdown
    /// (the second it reaches zero included) and of the break's clock.
    pub fn next_tick(&self, talk: &Talk, now: Instant) -> Option<Instant> {
        match &self.ui {
            StepUi::Speaker(speaking) => {
                let total = talk.progress()?.timer_seconds?;
                if speaking.watch.left(total, now) == 0 {
                    None
                } else {
                    speaking.watch.next_second(now)
                }
            }
            StepUi::Break(pause) => break_tick(pause.since, now),
            StepUi::CheckIn { .. }
            | StepUi::DeeperConsent { .. }
            | StepUi::Listener
            | StepUi::ListenerGuess(_)
            | StepUi::Rating(_)
            | StepUi::Reveal { .. }
            | StepUi::TryAgain { .. }
            | StepUi::Closeness { .. }
            | StepUi::MoodAfter { .. }
            | StepUi::Appreciation { .. }
            | StepUi::Summary => None,
        }
    }

    pub fn handle_key(&mut self, talk: &Talk, key: KeyEvent, now: Instant) -> Option<Action> {
        self.now = now;
        keys::handle(self, talk, key, now)
    }
}
