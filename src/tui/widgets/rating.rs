//! A 1-to-N scale with a word for each step; the chosen step is highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::tui::theme::Theme;

pub struct RatingScale<'a> {
    /// The word for each step, lowest first; step numbers start at 1.
    pub words: &'a [&'a str],
    pub chosen: Option<u8>,
    /// Whether this scale has the keyboard focus (shown by a marker, not colour alone).
    pub focused: bool,
    pub theme: Theme,
}

impl RatingScale<'_> {
    fn line(&self) -> Line<'static> {
        let mut spans = vec![Span::raw(if self.focused { "› " } else { "  " })];
        for (i, word) in self.words.iter().enumerate() {
            let step = u8::try_from(i + 1).unwrap_or(u8::MAX);
            // Brackets mark the choice even where reverse video does not show.
            if self.chosen == Some(step) {
                spans.push(Span::styled(
                    format!("[{step} {word}]"),
                    self.theme.selected(),
                ));
            } else {
                spans.push(Span::styled(format!(" {step} {word} "), self.theme.text()));
            }
            spans.push(Span::raw(" "));
        }
        Line::from(spans)
    }
}

impl Widget for RatingScale<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Paragraph::new(self.line())
            .wrap(Wrap { trim: false })
            .render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    const WORDS: [&str; 5] = ["not at all", "a little", "somewhat", "mostly", "completely"];

    fn render(chosen: Option<u8>, width: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, 2));
        RatingScale {
            words: &WORDS,
            chosen,
            focused: true,
            theme: Theme::new(false),
        }
        .render(buf.area, &mut buf);
        buf
    }

    #[test]
    fn the_chosen_step_is_reversed_without_colour() {
        let buf = render(Some(4), 80);
        let row: String = (0..80).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        let at = row.find("4 mostly").unwrap() as u16;
        assert!(buf[(at, 0)].modifier.contains(Modifier::REVERSED));
        let other = row.find("2 a little").unwrap() as u16;
        assert!(!buf[(other, 0)].modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn a_narrow_scale_wraps_instead_of_cutting_words() {
        let buf = render(None, 40);
        let rows: Vec<String> = (0..2)
            .map(|y| (0..40).map(|x| buf[(x, y)].symbol().to_string()).collect())
            .collect();
        assert!(rows.join("").contains("5 completely"), "{rows:?}");
    }
}
