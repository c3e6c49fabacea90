//! The key-hint line at the bottom of every screen: the next key is always visible.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::theme::Theme;

/// Pairs of (key, what it does), shown as `Enter done  Space pause  ? help`.
pub struct Footer<'a> {
    pub hints: &'a [(&'a str, &'a str)],
    pub theme: Theme,
}

impl Widget for Footer<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut spans = Vec::with_capacity(self.hints.len() * 3);
        spans.push(Span::raw(" "));
        let mut width = 1;
        for (key, action) in self.hints {
            let needed = key.chars().count() + action.chars().count() + 3;
            // Drop the hints that do not fit rather than cutting one in half.
            if width + needed > usize::from(area.width) + 2 {
                break;
            }
            width += needed;
            spans.push(Span::styled(*key, self.theme.key()));
            spans.push(Span::styled(format!(" {action}  "), self.theme.muted()));
        }
        Line::from(spans).render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_that_do_not_fit_are_left_out_whole() {
        let hints = [("Enter", "done"), ("Space", "pause"), ("?", "help")];
        let mut buf = Buffer::empty(Rect::new(0, 0, 24, 1));
        Footer {
            hints: &hints,
            theme: Theme::new(false),
        }
        .render(buf.area, &mut buf);
        let line: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert!(line.starts_with(" Enter done  Space pause"), "{line:?}");
        assert!(!line.contains('?'));
    }
}
