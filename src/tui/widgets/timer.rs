//! The speaking timer: minutes and seconds left, and a bar that empties.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::tui::theme::Theme;

pub struct TimerView {
    pub total_seconds: u32,
    pub left_seconds: u32,
    pub paused: bool,
    /// What the clock says at zero: the speaker's card and the break each say their own.
    pub when_up: &'static str,
    pub theme: Theme,
}

impl TimerView {
    fn clock(&self) -> String {
        let left = self.left_seconds;
        let clock = format!("{}:{:02}", left / 60, left % 60);
        if self.paused {
            format!("{clock}  paused")
        } else if left == 0 {
            self.when_up.to_string()
        } else {
            clock
        }
    }

    fn bar(&self, width: usize) -> String {
        let total = self.total_seconds.max(1) as usize;
        let full = (self.left_seconds as usize * width)
            .div_ceil(total)
            .min(width);
        format!("{}{}", "▰".repeat(full), "▱".repeat(width - full))
    }
}

impl Widget for TimerView {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let bar_width = usize::from(area.width.min(16));
        let lines = vec![
            Line::styled(self.clock(), self.theme.heading()),
            Line::styled(self.bar(bar_width), self.theme.muted()),
        ];
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(left: u32, paused: bool) -> TimerView {
        TimerView {
            total_seconds: 180,
            left_seconds: left,
            paused,
            when_up: crate::words::SPEAKER_TIME_UP,
            theme: Theme::new(false),
        }
    }

    #[test]
    fn shows_minutes_and_seconds() {
        assert_eq!(view(161, false).clock(), "2:41");
        assert_eq!(view(161, true).clock(), "2:41  paused");
        assert!(view(0, false).clock().contains("time is up"));
    }

    #[test]
    fn the_bar_empties_as_time_runs() {
        assert_eq!(view(180, false).bar(4), "▰▰▰▰");
        assert_eq!(view(90, false).bar(4), "▰▰▱▱");
        assert_eq!(view(0, false).bar(4), "▱▱▱▱");
    }
}
