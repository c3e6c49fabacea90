//! The frame every screen sits in: a titled border, the demo banner, and the key hints.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Widget};

use super::footer::Footer;
use crate::tui::theme::Theme;

pub struct Chrome<'a> {
    /// What this screen is, after "heard · ".
    pub title: &'a str,
    /// Shown at the right of the top border, e.g. "prompt 2 of 6".
    pub right: Option<&'a str>,
    pub hints: &'a [(&'a str, &'a str)],
    /// The therapist demo marks every screen so nobody mistakes it for their own data.
    pub demo: bool,
    pub theme: Theme,
}

/// `text` in at most `width` cells, ending in "…" when shortened.
fn shorten(text: &str, width: usize) -> String {
    if Span::raw(text).width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if Span::raw(format!("{out}{c}…")).width() > width {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

impl Chrome<'_> {
    /// Draw the frame and return the area inside it for the screen's content.
    pub fn render(self, area: Rect, buf: &mut Buffer) -> Rect {
        let [main, footer] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
        // A title too long for the border beside the right-hand text ends in "…" rather
        // than being cut mid-word: the corners, " heard · ", a space, the right text.
        let right_width = self.right.map_or(0, |r| Span::raw(r).width() + 3);
        let room = usize::from(main.width).saturating_sub(2 + 9 + 1 + right_width);
        let title = shorten(self.title, room);
        let mut block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(self.theme.muted())
            .title(Line::from(vec![
                Span::styled(" heard", self.theme.heading()),
                Span::styled(format!(" · {title} "), self.theme.text()),
            ]));
        if let Some(right) = self.right {
            block =
                block.title(Line::styled(format!(" {right} "), self.theme.muted()).right_aligned());
        }
        if self.demo {
            block = block.title_bottom(
                Line::styled(" Demo - nothing is saved ", self.theme.alert()).centered(),
            );
        }
        let inner = block.inner(main);
        block.render(main, buf);
        Footer {
            hints: self.hints,
            theme: self.theme,
        }
        .render(footer, buf);
        inner
    }
}
