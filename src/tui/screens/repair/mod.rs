//! The screens of the repair conversation (being built: this placeholder draws only the step's name).

pub mod keys;

use std::time::Instant;

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::activity::{Event, Flow};
use crate::repair::Repair;
use crate::tui::action::Action;
use crate::tui::screens::activity::parts::{StepFrame, render_lines};
use crate::tui::theme::Theme;

pub struct RepairScreen {
    pub notice: Option<String>,
    pub theme: Theme,
    pub demo: bool,
    pub now: Instant,
}

impl RepairScreen {
    pub fn new(
        _talk: &Repair,
        theme: Theme,
        demo: bool,
        now: Instant,
        _typed: Option<String>,
    ) -> RepairScreen {
        RepairScreen {
            notice: None,
            theme,
            demo,
            now,
        }
    }

    pub fn on_events(&mut self, _talk: &Repair, _events: &[Event], now: Instant) {
        self.now = now;
    }

    pub fn typing(&self) -> Option<String> {
        None
    }

    pub fn next_tick(&self, _now: Instant) -> Option<Instant> {
        None
    }

    pub fn handle_key(
        &mut self,
        _flow: &Flow<Repair>,
        _key: KeyEvent,
        now: Instant,
    ) -> Option<Action> {
        self.now = now;
        None
    }

    pub fn render(&self, flow: &Flow<Repair>, area: Rect, buf: &mut Buffer) {
        use crate::activity::Engine;
        let body = StepFrame {
            title: "heard",
            right: None,
            hints: &[],
            notice: self.notice.as_deref(),
            demo: self.demo,
            theme: self.theme,
        }
        .render(area, buf);
        render_lines(vec![Line::raw(flow.engine.step_name())], body, buf);
    }
}
