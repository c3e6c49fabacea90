//! What heard shows when the window is smaller than it can lay a screen out in.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// The smallest window every screen is designed for.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 18;

pub fn fits(area: Rect) -> bool {
    area.width >= MIN_WIDTH && area.height >= MIN_HEIGHT
}

pub struct TooSmall;

impl Widget for TooSmall {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let text = format!(
            "Please enlarge the window to at least {MIN_WIDTH} x {MIN_HEIGHT}. (It is {} x {} now.) Your talk is safe and waits here.",
            area.width, area.height
        );
        let top = area.height.saturating_sub(3) / 2;
        let inner = Rect {
            y: area.y + top,
            height: area.height - top,
            ..area
        };
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true })
            .render(inner, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_at_every_tiny_size_without_panicking() {
        for width in 0..=MIN_WIDTH {
            for height in 0..=MIN_HEIGHT {
                let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
                TooSmall.render(buf.area, &mut buf);
            }
        }
    }

    #[test]
    fn says_what_size_is_needed() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 50, 10));
        TooSmall.render(buf.area, &mut buf);
        let text: String = buf.content.iter().map(|c| c.symbol()).collect();
        assert!(text.contains("enlarge"), "{text}");
        assert!(text.contains("60 x 18"), "{text}");
    }
}
