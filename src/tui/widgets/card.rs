//! The prompt card: the question in a rounded box, wrapped to fit, centred.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Borders, Padding, Paragraph, Widget, Wrap};

use crate::text::multi_line;
use crate::tui::theme::Theme;

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
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(self.theme.muted())
            .padding(Padding::new(3, 3, 1, 1));
        Paragraph::new(Line::styled(
            multi_line(self.text).into_owned(),
            self.theme.heading(),
        ))
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .block(block)
        .render(area, buf);
    }
}
