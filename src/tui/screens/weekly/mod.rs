//! The screens of "Our week": the appreciations, what went well, whether there is one thing
//! to talk through (then the understand screens, inside the week), and what would help this
//! week. Holds only what is being chosen on the current step; the rules are the engine's.

pub mod keys;
mod view;

use std::time::Instant;

use crossterm::event::KeyEvent;

use super::activity::parts::{TextField, break_tick};
use super::understand::{self, UnderstandScreen};
use crate::activity::{Event, Flow};
use crate::mode::Partner;
use crate::tui::action::Action;
use crate::tui::theme::Theme;
use crate::weekly::{Step, Weekly};
use crate::words;

/// What is being chosen on the current step, typed per step.
pub enum StepUi {
    /// One appreciation at a time; the field opens only when asked (`w`), so `d` is done.
    Appreciate {
        partner: Partner,
        text: Box<TextField>,
    },
    WentWell {
        partner: Partner,
        text: Box<TextField>,
    },
    /// Who brings one thing: 0 the first partner, 1 the other, 2 not this week; nothing
    /// marked at first.
    Issue(Option<usize>),
    /// The issue's own screens, its break included: the week's break inside the issue is
    /// drawn there, so the issue comes back exactly as it was.
    Understand(Box<UnderstandScreen>),
    ThisWeek {
        partner: Partner,
        text: Box<TextField>,
    },
    Break {
        since: Instant,
        behind: Box<StepUi>,
    },
    Summary,
}

/// How the screens look, for the issue's screen made inside the week.
#[derive(Clone, Copy)]
struct Look {
    theme: Theme,
    demo: bool,
}

/// An understand input as the app takes it inside the week.
fn wrap(input: crate::understand::Input) -> crate::activity::Input {
    crate::activity::Input::Weekly(crate::weekly::Input::Understand(input))
}

impl StepUi {
    fn enter(talk: &Weekly, look: Look, now: Instant, typed: Option<String>) -> StepUi {
        match talk.step() {
            Step::Break => match StepUi::of(talk.step_behind_break(), talk, look, now, typed) {
                // A week kept on a break inside the issue: the issue's screen shows it.
                StepUi::Understand(mut inner) => {
                    let behind = std::mem::replace(&mut inner.ui, understand::StepUi::Summary);
                    inner.ui = understand::StepUi::Break {
                        since: now,
                        behind: Box::new(behind),
                    };
                    StepUi::Understand(inner)
                }
                behind => StepUi::Break {
                    since: now,
                    behind: Box::new(behind),
                },
            },
            step => StepUi::of(step, talk, look, now, typed),
        }
    }

    fn of(step: Step, talk: &Weekly, look: Look, now: Instant, typed: Option<String>) -> StepUi {
        let notes = talk.keeps_notes();
        let typed = typed.filter(|_| notes);
        let field = |writing, typed| {
            Box::new(TextField::new(
                words::WEEKLY_FIELD_PLACEHOLDER,
                writing,
                typed,
            ))
        };
        match step {
            // Closed until asked for, unless a draft kept words being typed.
            Step::Appreciate { partner } => StepUi::Appreciate {
                partner,
                text: field(typed.is_some(), typed),
            },
            Step::WentWell { partner } => StepUi::WentWell {
                partner,
                text: field(notes, typed),
            },
            Step::Issue => StepUi::Issue(None),
            Step::Understand => match talk.issue() {
                Some(issue) => {
                    let mut inner = UnderstandScreen::new(issue, look.theme, look.demo, now, typed);
                    inner.title = words::WEEKLY_TITLE;
                    inner.wrap = wrap;
                    StepUi::Understand(Box::new(inner))
                }
                None => StepUi::Summary,
            },
            Step::ThisWeek { partner } => StepUi::ThisWeek {
                partner,
                text: field(notes, typed),
            },
            Step::Break | Step::Summary => StepUi::Summary,
        }
    }

    /// The field typing goes to, on this step or behind the break.
    fn field(&self) -> Option<&TextField> {
        match self {
            StepUi::Appreciate { text, .. }
            | StepUi::WentWell { text, .. }
            | StepUi::ThisWeek { text, .. } => Some(text),
            StepUi::Break { behind, .. } => behind.field(),
            StepUi::Issue(_) | StepUi::Understand(_) | StepUi::Summary => None,
        }
    }
}

pub struct WeeklyScreen {
    /// When the break on screen ends, by the wall clock ("21:40"), once one started.
    pub back_at: Option<String>,
    pub ui: StepUi,
    /// The week's notice, the issue's included: what its keys say is handed up here, so
    /// the app's notices and the issue's are one line.
    pub notice: Option<String>,
    /// Whether typed words are kept: with notes off there is no line to type into.
    pub notes: bool,
    pub theme: Theme,
    pub demo: bool,
    pub now: Instant,
}

impl WeeklyScreen {
    pub fn new(
        talk: &Weekly,
        theme: Theme,
        demo: bool,
        now: Instant,
        typed: Option<String>,
    ) -> WeeklyScreen {
        WeeklyScreen {
            back_at: None,
            ui: StepUi::enter(talk, Look { theme, demo }, now, typed),
            notice: None,
            notes: talk.keeps_notes(),
            theme,
            demo,
            now,
        }
    }

    fn look(&self) -> Look {
        Look {
            theme: self.theme,
            demo: self.demo,
        }
    }

    pub fn on_events(&mut self, talk: &Weekly, events: &[Event], now: Instant) {
        self.now = now;
        // Still in the issue: its screen follows its own steps and breaks, fresh per step.
        if talk.step_behind_break() == Step::Understand
            && let (StepUi::Understand(inner), Some(issue)) = (&mut self.ui, talk.issue())
        {
            inner.on_events(issue, events, now);
            return;
        }
        for event in events {
            match event {
                Event::StepEntered => self.ui = StepUi::enter(talk, self.look(), now, None),
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

    /// The words being typed, for the draft.
    pub fn typing(&self) -> Option<String> {
        if let StepUi::Understand(inner) = &self.ui {
            return inner.typing();
        }
        self.ui
            .field()
            .map(TextField::text)
            .filter(|t| !t.is_empty())
    }

    pub fn next_tick(&self, now: Instant) -> Option<Instant> {
        match &self.ui {
            StepUi::Break { since, .. } => break_tick(*since, now),
            StepUi::Understand(inner) => inner.next_tick(now),
            StepUi::Appreciate { .. }
            | StepUi::WentWell { .. }
            | StepUi::Issue(_)
            | StepUi::ThisWeek { .. }
            | StepUi::Summary => None,
        }
    }

    pub fn handle_key(
        &mut self,
        flow: &Flow<Weekly>,
        key: KeyEvent,
        now: Instant,
    ) -> Option<Action> {
        self.now = now;
        if let (StepUi::Understand(inner), Some(issue)) = (&mut self.ui, flow.engine.issue()) {
            let action = inner.handle_key(issue, key, now);
            if let Some(notice) = inner.notice.take() {
                self.notice = Some(notice);
            }
            return action;
        }
        keys::handle(self, &flow.engine, key)
    }
}

/// A partner's name as the screen shows it: on one line.
fn name(flow: &Flow<Weekly>, partner: Partner) -> String {
    crate::text::one_line(&flow.partners[partner.index()]).into_owned()
}
