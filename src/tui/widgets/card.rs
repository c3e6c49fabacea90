//! The prompt card: the question in a rounded box, wrapped to fit, centred. A prompt
//! longer than the card can show is never cut without a sign: its last line then says
//! the prompt continues.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Padding, Paragraph, Widget, Wrap};

use crate::text::multi_line;
use crate::tui::theme::Theme;
use crate::words;

pub struct PromptCard<'a> {
    pub text: &'a str,
    pub theme: Theme,
}

impl PromptCard<'_> {
    /// Rows the card needs at `width` columns, borders included.
    pub fn height(&self, width: u16) -> u16 {
        let inner = usize::from(width.saturating_sub(8)).max(1);
        let rows = Paragraph::new(multi_line(self.text).into_owned())
            .wrap(Wrap { trim: true })
            .line_count(u16::try_from(inner).unwrap_or(u16::MAX));
        u16::try_from(rows).unwrap_or(u16::MAX).saturating_add(4)
    }
}

impl Widget for PromptCard<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let squeezed = area.height < 6 && area.height < self.height(area.width);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(self.theme.muted())
            // A squeezed card gives up its blank rows before a line of the prompt.
            .padding(if squeezed {
                Padding::horizontal(3)
            } else {
                Padding::new(3, 3, 1, 1)
            });
        let inner = block.inner(area);
        block.render(area, buf);
        let text = Paragraph::new(Line::styled(
            multi_line(self.text).into_owned(),
            self.theme.heading(),
        ))
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true });
        let rows = text.line_count(inner.width.max(1));
        if rows <= usize::from(inner.height) || inner.height == 0 {
            text.render(inner, buf);
            return;
        }
        // Too long for the card: the text takes all rows but the last, which says so.
        let shown = Rect {
            height: inner.height - 1,
            ..inner
        };
        text.render(shown, buf);
        Paragraph::new(Line::styled(words::CARD_MORE, self.theme.muted()))
            .alignment(Alignment::Center)
            .render(
                Rect {
                    y: inner.bottom() - 1,
                    height: 1,
                    ..inner
                },
                buf,
            );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(card: PromptCard<'_>, width: u16, height: u16) -> Vec<String> {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
        card.render(buf.area, &mut buf);
        (0..height)
            .map(|y| (0..width).map(|x| buf[(x, y)].symbol()).collect())
            .collect()
    }

    #[test]
    fn a_prompt_that_fits_shows_whole_without_a_sign() {
        let card = PromptCard {
            text: "What made you smile this week?",
            theme: Theme::new(false),
        };
        let text = rows(card, 60, 8).join("\n");
        assert!(text.contains("What made you smile this week?"), "{text}");
        assert!(!text.contains(words::CARD_MORE), "{text}");
    }

    #[test]
    fn a_prompt_cut_by_the_card_says_it_continues() {
        let long = "word ".repeat(200);
        let card = PromptCard {
            text: &long,
            theme: Theme::new(false),
        };
        let lines = rows(card, 60, 8);
        // The last row inside the border and the padding says the prompt continues.
        assert!(lines[5].contains(words::CARD_MORE), "{lines:#?}");
        assert!(lines[4].contains("word"), "{lines:#?}");
    }
}
