//! The help overlay (`?` on every screen): this screen's keys, the keys that work
//! everywhere, and what heard is not.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget, Wrap};

use crate::tui::theme::Theme;
use crate::words::{
    HELP_EVERYWHERE, HELP_HERE, HELP_SAFETY_FIRST, HELP_SCROLL, HELP_TITLE, NOT_THERAPY,
};

/// The keys every screen answers the same way; each screen's own are in its key table.
/// Ctrl-C is taken by the app before any screen sees it.
const EVERYWHERE: [(&str, &str); 3] = [
    ("?", "this help (Esc closes it)"),
    ("Esc", "back, or close a dialog"),
    (
        "Ctrl-C",
        "leave at once; a talk in progress is kept to resume",
    ),
];

pub struct Help {
    pub theme: Theme,
    /// Rows scrolled down, for small windows.
    pub scroll: u16,
    /// The keys of the screen under the overlay, (key, what it does), from its table.
    pub screen: Vec<(&'static str, &'static str)>,
}

impl Help {
    /// The safety line first, always in view before any scrolling; then the keys.
    fn lines(&self) -> Vec<Line<'static>> {
        let theme = self.theme;
        let key_line = |(key, what): &(&'static str, &'static str)| {
            Line::from(vec![
                Span::styled(format!("{key:<12}"), theme.key()),
                Span::styled(*what, theme.text()),
            ])
        };
        let mut lines = vec![
            Line::styled(HELP_SAFETY_FIRST, theme.heading()),
            Line::raw(""),
        ];
        if !self.screen.is_empty() {
            lines.push(Line::styled(HELP_HERE, theme.heading()));
            lines.extend(self.screen.iter().map(key_line));
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(HELP_EVERYWHERE, theme.heading()));
        lines.extend(EVERYWHERE.iter().map(key_line));
        lines.push(Line::raw(""));
        lines.push(Line::styled(NOT_THERAPY, theme.muted()));
        lines
    }
}

/// Where the popup goes: centred across, one row below the top, leaving the footer line
/// and one row of the screen's frame visible around it.
fn popup_area(area: Rect) -> Rect {
    let width = area.width.saturating_sub(4).min(76);
    let height = area.height.saturating_sub(3).min(26);
    Rect {
        y: area.y + 1,
        height,
        ..area.centered_horizontally(Constraint::Length(width))
    }
}

impl Widget for Help {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let popup = popup_area(area);
        Clear.render(popup.outer(Margin::new(1, 0)).intersection(area), buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .title(Line::styled(HELP_TITLE, theme.heading()))
            .title_bottom(Line::styled(HELP_SCROLL, theme.muted()).centered());
        let inner = block.inner(popup).inner(Margin::new(2, 1));
        block.render(popup, buf);
        Paragraph::new(self.lines())
            .wrap(Wrap { trim: true })
            .scroll((self.scroll, 0))
            .render(inner, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Centred by ratatui, the popup sits where the old hand-made sum put it; when the
    /// spare columns are odd, the extra one is on the left instead of the right.
    #[test]
    fn the_popup_sits_where_it_did_when_centred_by_hand() {
        for width in 60..=200 {
            for x in [0, 3] {
                let area = Rect::new(x, 2, width, 24);
                let inner = width.saturating_sub(4).min(76);
                let spare = area.width - inner;
                let by_hand = Rect {
                    x: area.x + spare / 2 + spare % 2,
                    y: area.y + 1,
                    width: inner,
                    height: 21,
                };
                assert_eq!(popup_area(area), by_hand, "width {width}");
            }
        }
    }

    #[test]
    fn this_screens_keys_come_before_those_that_work_everywhere() {
        let help = Help {
            theme: Theme::new(false),
            scroll: 0,
            screen: vec![("Enter", "open the marked choice")],
        };
        let text: Vec<String> = help.lines().iter().map(ToString::to_string).collect();
        assert_eq!(text[0], HELP_SAFETY_FIRST);
        let here = text.iter().position(|l| l == HELP_HERE).unwrap();
        let mine = text
            .iter()
            .position(|l| l.contains("open the marked"))
            .unwrap();
        let everywhere = text.iter().position(|l| l == HELP_EVERYWHERE).unwrap();
        let ctrl_c = text.iter().position(|l| l.starts_with("Ctrl-C")).unwrap();
        assert!(here < mine && mine < everywhere && everywhere < ctrl_c);
        assert_eq!(text.last().unwrap(), NOT_THERAPY);
    }
}
