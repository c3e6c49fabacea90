//! The closeness picture: seven pairs of circles, from apart (1) to almost one (7),
//! after the Inclusion of Other in the Self scale.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::text::Span;
use ratatui::widgets::Widget;
use ratatui::widgets::canvas::{Canvas, Circle};

use crate::tui::theme::Theme;

pub const STEPS: u8 = 7;

pub struct ClosenessPicture {
    pub chosen: Option<u8>,
    pub theme: Theme,
}

impl ClosenessPicture {
    /// How far apart the two centres of pair `step` are, in radii: 2.4 (a gap) down to 0.3.
    pub fn separation(step: u8) -> f64 {
        let t = f64::from(step.clamp(1, STEPS) - 1) / f64::from(STEPS - 1);
        2.4 - t * 2.1
    }
}

impl Widget for ClosenessPicture {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < 14 || area.height < 3 {
            return;
        }
        let circles = Rect {
            height: area.height - 1,
            ..area
        };
        // One cell is about twice as tall as wide: y runs over twice the rows so circles are round.
        let width = f64::from(circles.width);
        let height = f64::from(circles.height) * 2.0;
        let slot = width / f64::from(STEPS);
        let radius = (slot / 5.4).min(height / 2.0 - 0.5);
        let chosen = self.chosen;
        let theme = self.theme;
        Canvas::default()
            .marker(Marker::Braille)
            .x_bounds([0.0, width])
            .y_bounds([0.0, height])
            .paint(move |ctx| {
                for step in 1..=STEPS {
                    let centre = (f64::from(step) - 0.5) * slot;
                    let half = ClosenessPicture::separation(step) * radius / 2.0;
                    let strong = chosen.is_none() || chosen == Some(step);
                    let (a, b) = if strong {
                        (theme.partner(0), theme.partner(1))
                    } else {
                        (
                            ratatui::style::Color::DarkGray,
                            ratatui::style::Color::DarkGray,
                        )
                    };
                    let (a, b) = if theme.color {
                        (a, b)
                    } else {
                        (ratatui::style::Color::Reset, ratatui::style::Color::Reset)
                    };
                    ctx.draw(&Circle {
                        x: centre - half,
                        y: height / 2.0,
                        radius,
                        color: a,
                    });
                    ctx.draw(&Circle {
                        x: centre + half,
                        y: height / 2.0,
                        radius,
                        color: b,
                    });
                }
            })
            .render(circles, buf);

        let labels = Rect {
            y: area.y + area.height - 1,
            height: 1,
            ..area
        };
        for step in 1..=STEPS {
            let centre = (f64::from(step) - 0.5) * slot;
            // Truncation is fine: the label is one cell wide and the centre is within the area.
            let x = labels.x + (centre as u16).min(labels.width - 1);
            let style = if chosen == Some(step) {
                theme.selected()
            } else {
                theme.text()
            };
            buf.set_span(
                x.saturating_sub(1),
                labels.y,
                &Span::styled(format!(" {step} "), style),
                3,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_overlap_more_at_each_step() {
        for step in 1..STEPS {
            assert!(ClosenessPicture::separation(step) > ClosenessPicture::separation(step + 1));
        }
        // 1 is two separate circles, 7 almost one.
        assert!(ClosenessPicture::separation(1) > 2.0);
        assert!(ClosenessPicture::separation(7) < 0.5);
    }

    #[test]
    fn draws_seven_numbered_pairs_and_survives_tiny_areas() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 70, 6));
        ClosenessPicture {
            chosen: Some(3),
            theme: Theme::new(false),
        }
        .render(buf.area, &mut buf);
        let last: String = (0..70).map(|x| buf[(x, 5)].symbol().to_string()).collect();
        for step in 1..=7 {
            assert!(last.contains(&step.to_string()), "{last}");
        }
        let drawn = buf.content.iter().filter(|c| c.symbol() != " ").count();
        assert!(drawn > 40, "circles are drawn");
        for (w, h) in [(0, 0), (1, 1), (13, 2), (20, 3)] {
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            ClosenessPicture {
                chosen: None,
                theme: Theme::new(true),
            }
            .render(buf.area, &mut buf);
        }
    }
}
