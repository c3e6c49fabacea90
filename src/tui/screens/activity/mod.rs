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
use super::repair::RepairScreen;
use super::talk::TalkScreen;
use super::understand::{self as understand_screen, UnderstandScreen};
use super::weekly::WeeklyScreen;
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
    Repair(RepairScreen),
    Weekly(WeeklyScreen),
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
            Activity::Understand(flow) => ActivityScreen::Understand(UnderstandScreen::new(
                &flow.engine,
                theme,
                demo,
                now,
                typed,
            )),
            Activity::Repair(flow) => {
                ActivityScreen::Repair(RepairScreen::new(&flow.engine, theme, demo, now, typed))
            }
            Activity::Weekly(flow) => {
                ActivityScreen::Weekly(WeeklyScreen::new(&flow.engine, theme, demo, now, typed))
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
                screen.on_events(&flow.engine, events, now)
            }
            (ActivityScreen::Repair(screen), Activity::Repair(flow)) => {
                screen.on_events(&flow.engine, events, now)
            }
            (ActivityScreen::Weekly(screen), Activity::Weekly(flow)) => {
                screen.on_events(&flow.engine, events, now)
            }
            (ActivityScreen::Talk(_), _)
            | (ActivityScreen::Reflection(_), _)
            | (ActivityScreen::Understand(_), _)
            | (ActivityScreen::Repair(_), _)
            | (ActivityScreen::Weekly(_), _) => {}
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
                screen.handle_key(&flow.engine, key, now)
            }
            (ActivityScreen::Repair(screen), Activity::Repair(flow)) => {
                screen.handle_key(flow, key, now)
            }
            (ActivityScreen::Weekly(screen), Activity::Weekly(flow)) => {
                screen.handle_key(flow, key, now)
            }
            (ActivityScreen::Talk(_), _)
            | (ActivityScreen::Reflection(_), _)
            | (ActivityScreen::Understand(_), _)
            | (ActivityScreen::Repair(_), _)
            | (ActivityScreen::Weekly(_), _) => None,
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
                screen.render(understand_screen::Talk::of(flow), area, buf)
            }
            (ActivityScreen::Repair(screen), Activity::Repair(flow)) => {
                screen.render(flow, area, buf)
            }
            (ActivityScreen::Weekly(screen), Activity::Weekly(flow)) => {
                screen.render(flow, area, buf)
            }
            (ActivityScreen::Talk(_), _)
            | (ActivityScreen::Reflection(_), _)
            | (ActivityScreen::Understand(_), _)
            | (ActivityScreen::Repair(_), _)
            | (ActivityScreen::Weekly(_), _) => {}
        }
    }

    pub fn next_tick(&self, activity: &Activity, now: Instant) -> Option<Instant> {
        match (self, activity) {
            (ActivityScreen::Talk(screen), Activity::Prompts(talk)) => screen.next_tick(talk, now),
            (ActivityScreen::Reflection(screen), _) => screen.next_tick(now),
            (ActivityScreen::Understand(screen), _) => screen.next_tick(now),
            (ActivityScreen::Repair(screen), _) => screen.next_tick(now),
            (ActivityScreen::Weekly(screen), _) => screen.next_tick(now),
            (ActivityScreen::Talk(_), _) => None,
        }
    }

    /// The keys of the current step, for the help overlay.
    pub fn help(&self, activity: &Activity) -> Vec<(&'static str, &'static str)> {
        match (self, activity) {
            (ActivityScreen::Talk(screen), Activity::Prompts(talk)) => {
                super::talk::keys::help(screen, talk)
            }
            (ActivityScreen::Talk(_), _) => Vec::new(),
            (ActivityScreen::Reflection(screen), _) => super::reflection::keys::help(screen),
            (ActivityScreen::Understand(screen), _) => super::understand::keys::help(screen),
            (ActivityScreen::Repair(screen), _) => super::repair::keys::help(screen),
            (ActivityScreen::Weekly(screen), _) => super::weekly::keys::help(screen),
        }
    }

    /// Text being typed on the current step, for the draft.
    pub fn typing(&self) -> Option<String> {
        match self {
            ActivityScreen::Talk(screen) => screen.typing(),
            ActivityScreen::Reflection(screen) => screen.typing(),
            ActivityScreen::Understand(screen) => screen.typing(),
            ActivityScreen::Repair(screen) => screen.typing(),
            ActivityScreen::Weekly(screen) => screen.typing(),
        }
    }

    pub fn set_notice(&mut self, notice: Option<String>) {
        match self {
            ActivityScreen::Talk(screen) => screen.notice = notice,
            ActivityScreen::Reflection(screen) => screen.notice = notice,
            ActivityScreen::Understand(screen) => screen.notice = notice,
            ActivityScreen::Repair(screen) => screen.notice = notice,
            ActivityScreen::Weekly(screen) => screen.notice = notice,
        }
    }

    pub fn notice(&self) -> Option<&str> {
        match self {
            ActivityScreen::Talk(screen) => screen.notice.as_deref(),
            ActivityScreen::Reflection(screen) => screen.notice.as_deref(),
            ActivityScreen::Understand(screen) => screen.notice.as_deref(),
            ActivityScreen::Repair(screen) => screen.notice.as_deref(),
            ActivityScreen::Weekly(screen) => screen.notice.as_deref(),
        }
    }

    /// When the break just started ends, by the wall clock ("21:40"); `None` when unknown.
    pub fn set_back_at(&mut self, at: Option<String>) {
        match self {
            ActivityScreen::Talk(screen) => screen.back_at = at,
            ActivityScreen::Reflection(screen) => screen.back_at = at,
            ActivityScreen::Understand(screen) => screen.back_at = at,
            ActivityScreen::Repair(screen) => screen.back_at = at,
            ActivityScreen::Weekly(screen) => screen.back_at = at,
        }
    }

    /// The clock the views compare against (the timer's tick).
    pub fn set_now(&mut self, now: Instant) {
        match self {
            ActivityScreen::Talk(screen) => screen.now = now,
            ActivityScreen::Reflection(screen) => screen.now = now,
            ActivityScreen::Understand(screen) => screen.now = now,
            ActivityScreen::Repair(screen) => screen.now = now,
            ActivityScreen::Weekly(screen) => screen.now = now,
        }
    }
}
