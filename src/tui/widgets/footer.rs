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

/// The keys a person must always be able to find, kept when others have to go.
const ALWAYS_SHOWN: [&str; 2] = ["?", "q"];

fn width_of(hint: &(&str, &str)) -> usize {
    hint.0.chars().count() + hint.1.chars().count() + 3
}

impl Widget for Footer<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // Drop the hints that do not fit rather than cutting one in half, from the right,
        // but keep help and leave: those are how anyone finds their way on.
        let room = usize::from(area.width) + 1;
        let mut shown: Vec<&(&str, &str)> = self.hints.iter().collect();
        while shown.iter().map(|h| width_of(h)).sum::<usize>() > room {
            match shown.iter().rposition(|h| !ALWAYS_SHOWN.contains(&h.0)) {
                Some(i) => {
                    shown.remove(i);
                }
                None => {
                    shown.pop();
                }
            }
        }
        let mut spans = Vec::with_capacity(shown.len() * 2 + 1);
        spans.push(Span::raw(" "));
        for (key, action) in shown {
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
        assert!(line.starts_with(" Enter done  ? help"), "{line:?}");
        assert!(!line.contains("pause"), "{line:?}");
    }

    #[test]
    fn help_and_leave_stay_when_others_have_to_go() {
        let hints = [
            ("1-5", "choose"),
            ("Space", "bring"),
            ("Enter", "next"),
            ("p", "back"),
            ("?", "help"),
            ("q", "leave"),
        ];
        let mut buf = Buffer::empty(Rect::new(0, 0, 45, 1));
        Footer {
            hints: &hints,
            theme: Theme::new(false),
        }
        .render(buf.area, &mut buf);
        let line: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert!(line.contains("? help  q leave"), "{line:?}");
        assert!(line.starts_with(" 1-5 choose"), "{line:?}");
        assert!(
            !line.contains("back"),
            "the last of the others goes first: {line:?}"
        );
    }
}
