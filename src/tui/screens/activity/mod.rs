//! The screen of the running activity, whatever its kind: each kind of talk registers
//! its screens here, in one `match` per thing a screen does.

pub mod keys;
pub mod parts;
pub mod timer;

use std::time::Instant;

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::reflection::ReflectionScreen;
use super::talk::TalkScreen;
use super::understand::UnderstandScreen;
use crate::activity::{Activity, Event};
use crate::tui::action::Action;
use crate::tui::theme::Theme;

/// The screens of one kind of talk; each reads the activity the app holds beside it.
// The app holds one, boxed already: the variants' sizes cost nothing.
#[allow(clippy::large_enum_variant)]
pub enum ActivityScreen {
    Talk(TalkScreen),
    Reflection(ReflectionScreen),
    Understand(UnderstandScreen),
}

impl ActivityScreen {
    /// The screen for `activity`, on the step it is at; `typed` is text a draft kept.
    pub fn new(
        activity: &Activity,
        deck_title: String,
        theme: Theme,
        demo: bool,
        now: Instant,
        typed: Option<String>,
    ) -> ActivityScreen {
        match activity {
            Activity::Prompts(talk) => {
                ActivityScreen::Talk(TalkScreen::new(talk, deck_title, theme, demo, now, typed))
            }
            Activity::Reflection(r) => ActivityScreen::Reflection(ReflectionScreen::new(
                r, deck_title, theme, demo, now, typed,
            )),
            Activity::Understand(flow) => {
                ActivityScreen::Understand(UnderstandScreen::new(flow, theme, demo, now, typed))
            }
        }
    }

    pub fn on_events(&mut self, activity: &Activity, events: &[Event], now: Instant) {
        match (self, activity) {
            (ActivityScreen::Talk(screen), Activity::Prompts(talk)) => {
                screen.on_events(talk, events, now)
            }
            (ActivityScreen::Reflection(screen), Activity::Reflection(r)) => {
                screen.on_events(r, events, now)
            }
            (ActivityScreen::Understand(screen), Activity::Understand(flow)) => {
                screen.on_events(flow, events, now)
            }
            (ActivityScreen::Talk(_), Activity::Reflection(_) | Activity::Understand(_))
            | (ActivityScreen::Reflection(_), Activity::Prompts(_) | Activity::Understand(_))
            | (ActivityScreen::Understand(_), Activity::Prompts(_) | Activity::Reflection(_)) => {}
        }
    }

    pub fn handle_key(
        &mut self,
        activity: &Activity,
        key: KeyEvent,
        now: Instant,
    ) -> Option<Action> {
        match (self, activity) {
            (ActivityScreen::Talk(screen), Activity::Prompts(talk)) => {
                screen.handle_key(talk, key, now)
            }
            (ActivityScreen::Reflection(screen), Activity::Reflection(r)) => {
                screen.handle_key(r, key, now)
            }
            (ActivityScreen::Understand(screen), Activity::Understand(flow)) => {
                screen.handle_key(flow, key, now)
            }
            (ActivityScreen::Talk(_), Activity::Reflection(_) | Activity::Understand(_))
            | (ActivityScreen::Reflection(_), Activity::Prompts(_) | Activity::Understand(_))
            | (ActivityScreen::Understand(_), Activity::Prompts(_) | Activity::Reflection(_)) => {
                None
            }
        }
    }

    pub fn render(&self, activity: &Activity, area: Rect, buf: &mut Buffer) {
        match (self, activity) {
            (ActivityScreen::Talk(screen), Activity::Prompts(talk)) => {
                screen.render(talk, area, buf)
            }
            (ActivityScreen::Reflection(screen), Activity::Reflection(r)) => {
                screen.render(r, area, buf)
            }
            (ActivityScreen::Understand(screen), Activity::Understand(flow)) => {
                screen.render(flow, area, buf)
            }
            (ActivityScreen::Talk(_), Activity::Reflection(_) | Activity::Understand(_))
            | (ActivityScreen::Reflection(_), Activity::Prompts(_) | Activity::Understand(_))
            | (ActivityScreen::Understand(_), Activity::Prompts(_) | Activity::Reflection(_)) => {}
        }
    }

    pub fn next_tick(&self, activity: &Activity, now: Instant) -> Option<Instant> {
        match (self, activity) {
            (ActivityScreen::Talk(screen), Activity::Prompts(talk)) => screen.next_tick(talk, now),
            (ActivityScreen::Reflection(screen), Activity::Reflection(_)) => screen.next_tick(now),
            (ActivityScreen::Understand(screen), Activity::Understand(_)) => screen.next_tick(now),
            (ActivityScreen::Talk(_), Activity::Reflection(_) | Activity::Understand(_))
            | (ActivityScreen::Reflection(_), Activity::Prompts(_) | Activity::Understand(_))
            | (ActivityScreen::Understand(_), Activity::Prompts(_) | Activity::Reflection(_)) => {
                None
            }
        }
    }

    /// The keys of the current step, for the help overlay.
    pub fn help(&self, activity: &Activity) -> Vec<(&'static str, &'static str)> {
        match (self, activity) {
            (ActivityScreen::Talk(screen), Activity::Prompts(talk)) => {
                super::talk::keys::help(screen, talk)
            }
            (ActivityScreen::Reflection(screen), Activity::Reflection(_)) => {
                super::reflection::keys::help(screen)
            }
            (ActivityScreen::Understand(screen), Activity::Understand(_)) => {
                super::understand::keys::help(screen)
            }
            (ActivityScreen::Talk(_), Activity::Reflection(_) | Activity::Understand(_))
            | (ActivityScreen::Reflection(_), Activity::Prompts(_) | Activity::Understand(_))
            | (ActivityScreen::Understand(_), Activity::Prompts(_) | Activity::Reflection(_)) => {
                Vec::new()
            }
        }
    }

    /// Text being typed on the current step, for the draft.
    pub fn typing(&self) -> Option<String> {
        match self {
            ActivityScreen::Talk(screen) => screen.typing(),
            ActivityScreen::Reflection(screen) => screen.typing(),
            ActivityScreen::Understand(screen) => screen.typing(),
        }
    }

    pub fn set_notice(&mut self, notice: Option<String>) {
        match self {
            ActivityScreen::Talk(screen) => screen.notice = notice,
            ActivityScreen::Reflection(screen) => screen.notice = notice,
            ActivityScreen::Understand(screen) => screen.notice = notice,
        }
    }

    pub fn notice(&self) -> Option<&str> {
        match self {
            ActivityScreen::Talk(screen) => screen.notice.as_deref(),
            ActivityScreen::Reflection(screen) => screen.notice.as_deref(),
            ActivityScreen::Understand(screen) => screen.notice.as_deref(),
        }
    }

    /// The clock the views compare against (the timer's tick).
    pub fn set_now(&mut self, now: Instant) {
        match self {
            ActivityScreen::Talk(screen) => screen.now = now,
            ActivityScreen::Reflection(screen) => screen.now = now,
            ActivityScreen::Understand(screen) => screen.now = now,
        }
    }
}
