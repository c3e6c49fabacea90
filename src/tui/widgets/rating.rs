//! A 1-to-N scale with a word for each step; the chosen step is highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

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
    /// The steps as labels, packed into as few rows as `width` allows without ever
    /// splitting one step across rows.
    fn lines(&self, width: usize) -> Vec<Line<'static>> {
        let marker = if self.focused { "› " } else { "  " };
        let mut lines = Vec::new();
        let mut spans = vec![Span::raw(marker)];
        let mut used = 2;
        for (i, word) in self.words.iter().enumerate() {
            let step = u8::try_from(i + 1).unwrap_or(u8::MAX);
            // Brackets mark the choice even where reverse video does not show.
            let (label, style) = if self.chosen == Some(step) {
                (format!("[{step} {word}]"), self.theme.selected())
            } else {
                (format!(" {step} {word} "), self.theme.text())
            };
            let needed = label.chars().count() + 1;
            if used + needed > width && used > 2 {
                lines.push(Line::from(std::mem::take(&mut spans)));
                spans.push(Span::raw("  "));
                used = 2;
            }
            used += needed;
            spans.push(Span::styled(label, style));
            spans.push(Span::raw(" "));
        }
        lines.push(Line::from(spans));
        lines
    }

    /// Rows needed at `width`.
    pub fn height(&self, width: u16) -> u16 {
        u16::try_from(self.lines(usize::from(width)).len()).unwrap_or(u16::MAX)
    }
}

impl Widget for RatingScale<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Paragraph::new(self.lines(usize::from(area.width))).render(area, buf);
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
        let scale = RatingScale {
            words: &WORDS,
            chosen: None,
            focused: true,
            theme: Theme::new(false),
        };
        assert_eq!(scale.height(80), 1);
        assert_eq!(scale.height(40), 3);
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 3));
        scale.render(buf.area, &mut buf);
        let rows: Vec<String> = (0..3)
            .map(|y| (0..40).map(|x| buf[(x, y)].symbol().to_string()).collect())
            .collect();
        for (i, word) in WORDS.iter().enumerate() {
            let label = format!("{} {word}", i + 1);
            assert!(
                rows.iter().any(|r| r.contains(&label)),
                "{label} split: {rows:?}"
            );
        }
    }
}
