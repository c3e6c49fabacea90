//! The help overlay (`?` on every screen): the keys, and what heard is not.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget, Wrap};

use crate::tui::theme::Theme;
use crate::words::NOT_THERAPY;

/// The keys that work everywhere, then the ones on the talk screens.
const KEYS: [(&str, &str); 12] = [
    ("?", "this help (Esc closes it)"),
    ("Esc", "back, or close a dialog"),
    ("↑ ↓ Tab", "move between choices"),
    ("Enter", "choose, or go on"),
    ("1 - 7", "pick a step on a scale (← → work too)"),
    ("Space", "pause or resume the speaking timer"),
    ("n", "write a private note (Esc when done)"),
    ("s", "pass this prompt, no reason needed"),
    ("b", "take a break: a calm pause of about 20 minutes"),
    ("0", "leave a scale unanswered"),
    ("q / Ctrl-C", "leave; a talk in progress asks first"),
    (
        "Tab",
        "looking back: talks, charts, in words (← → between charts)",
    ),
];

/// The first line of help, always in view, before any scrolling.
const SAFETY_FIRST: &str = "heard is not therapy or a crisis service. If anyone is in danger, call your local emergency number now. More below.";

pub struct Help {
    pub theme: Theme,
    /// Rows scrolled down, for small windows.
    pub scroll: u16,
    /// The current screen's keys, from its own table: shown first.
    pub screen: Vec<(&'static str, &'static str)>,
}

impl Widget for Help {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        // Leave the footer line and one row of the screen's frame visible around the popup.
        let width = area.width.saturating_sub(4).min(76);
        let height = area.height.saturating_sub(3).min(26);
        let popup = Rect {
            x: area.x + (area.width - width) / 2,
            y: area.y + 1,
            width,
            height,
        };
        Clear.render(popup.outer(Margin::new(1, 0)).intersection(area), buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .title(Line::styled(" Help ", theme.heading()))
            .title_bottom(Line::styled(" ↑↓ scroll · Esc closes ", theme.muted()).centered());
        let inner = block.inner(popup).inner(Margin::new(2, 1));
        block.render(popup, buf);
        let key_line = |(key, what): &(&'static str, &'static str)| {
            Line::from(vec![
                Span::styled(format!("{key:<12}"), theme.key()),
                Span::styled(*what, theme.text()),
            ])
        };
        let mut lines = vec![Line::styled(SAFETY_FIRST, theme.heading()), Line::raw("")];
        if !self.screen.is_empty() {
            lines.push(Line::styled("On this screen", theme.heading()));
            lines.extend(self.screen.iter().map(key_line));
            lines.push(Line::raw(""));
            lines.push(Line::styled("Everywhere", theme.heading()));
        }
        lines.extend(KEYS.iter().map(key_line));
        lines.push(Line::raw(""));
        lines.push(Line::styled(NOT_THERAPY, theme.muted()));
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .scroll((self.scroll, 0))
            .render(inner, buf);
    }
}
