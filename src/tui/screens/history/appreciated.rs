//! What you appreciated: every line of appreciation from the couple's talks, newest first,
//! who appreciated whom and when. Shared like the ratings (SPEC section 6).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::History;
use crate::text::one_line;
use crate::words;

pub(super) fn render(history: &History, scroll: u16, area: Rect, buf: &mut Buffer) {
    let theme = history.theme;
    let found = &history.data.appreciated;
    if found.is_empty() {
        Paragraph::new(Line::styled(words::APPRECIATED_NONE, theme.text()))
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    }
    let mut lines = vec![
        Line::styled(words::APPRECIATED_TITLE, theme.heading()),
        Line::raw(""),
    ];
    for item in found {
        let a = &item.appreciation;
        lines.push(Line::from(vec![
            Span::styled(format!("{:<10}", item.date), theme.muted()),
            Span::styled(
                words::appreciated(&one_line(&a.from), &one_line(&a.to)),
                theme.text(),
            ),
        ]));
        lines.push(Line::styled(
            format!("          \u{201c}{}\u{201d}", one_line(&a.words)),
            theme.text(),
        ));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .render(area, buf);
}
