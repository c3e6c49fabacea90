//! Colours and emphasis. With colour off (NO_COLOR, --no-color, theme "mono") focus and
//! selection are shown by reverse video and bold, never by colour alone.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Self {
        Theme { color }
    }

    /// Ordinary text.
    pub fn text(&self) -> Style {
        Style::default()
    }

    /// Headings and the person being addressed.
    pub fn heading(&self) -> Style {
        let style = Style::default().add_modifier(Modifier::BOLD);
        if self.color {
            style.fg(Color::LightCyan)
        } else {
            style
        }
    }

    /// Quiet text: hints, explanations, the frame.
    pub fn muted(&self) -> Style {
        if self.color {
            Style::default().fg(Color::Gray)
        } else {
            Style::default()
        }
    }

    /// The chosen item of a scale or list.
    pub fn selected(&self) -> Style {
        let style = Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED);
        if self.color {
            Style::default()
                .fg(Color::Black)
                .bg(Color::LightCyan)
                .add_modifier(Modifier::BOLD)
        } else {
            style
        }
    }

    /// A key name in the footer.
    pub fn key(&self) -> Style {
        let style = Style::default().add_modifier(Modifier::BOLD);
        if self.color {
            style.fg(Color::LightYellow)
        } else {
            style
        }
    }

    /// Something that needs attention: an error, the demo banner.
    pub fn alert(&self) -> Style {
        let style = Style::default().add_modifier(Modifier::BOLD);
        if self.color {
            style.fg(Color::Black).bg(Color::LightYellow)
        } else {
            style.add_modifier(Modifier::REVERSED)
        }
    }

    /// Colour of drawn shapes (circles, charts) for partner 0 and 1.
    pub fn partner(&self, index: usize) -> Color {
        match (self.color, index) {
            (false, _) => Color::Reset,
            (true, 0) => Color::LightCyan,
            (true, _) => Color::LightMagenta,
        }
    }
}
