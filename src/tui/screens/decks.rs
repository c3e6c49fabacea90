//! The decks there are (from the home screen's "Decks"): title, prompt count, depth mix.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::deck::load::Catalog;
use crate::text::one_line;
use crate::tui::action::Action;
use crate::tui::theme::Theme;
use crate::tui::widgets::chrome::Chrome;

pub struct Decks {
    /// One line per deck, built once: the catalog does not change while this is shown.
    rows: Vec<String>,
    pub selected: usize,
    theme: Theme,
    demo: bool,
}

impl Decks {
    pub fn new(catalog: &Catalog, theme: Theme, demo: bool) -> Decks {
        let rows = catalog
            .decks
            .iter()
            .map(|d| {
                let [light, personal, deep] = d.depth_mix();
                format!(
                    "{:<16} {:>3} prompts ({light}/{personal}/{deep})  {}",
                    one_line(&d.title).chars().take(16).collect::<String>(),
                    d.prompts.len(),
                    one_line(d.description.as_deref().unwrap_or("")),
                )
            })
            .chain(catalog.broken.iter().map(|b| {
                format!(
                    "(cannot use) {}",
                    one_line(
                        &b.errors
                            .first()
                            .map(ToString::to_string)
                            .unwrap_or_default()
                    )
                )
            }))
            .collect();
        Decks {
            rows,
            selected: 0,
            theme,
            demo,
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        let last = self.rows.len().saturating_sub(1);
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') | KeyCode::Enter => return Some(Action::Back),
            KeyCode::Char('?') => return Some(Action::ShowHelp),
            KeyCode::Down | KeyCode::Char('j') => self.selected = (self.selected + 1).min(last),
            KeyCode::Up | KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::PageDown => self.selected = (self.selected + 10).min(last),
            KeyCode::PageUp => self.selected = self.selected.saturating_sub(10),
            KeyCode::Home => self.selected = 0,
            KeyCode::End => self.selected = last,
            _ => {}
        }
        None
    }
}

impl Widget for &Decks {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let count = format!("{} shown", self.rows.len());
        let hints = [("↑↓", "move"), ("Esc", "back"), ("?", "help")];
        let inner = Chrome {
            title: "decks",
            right: Some(&count),
            hints: &hints,
            demo: self.demo,
            theme,
        }
        .render(area, buf);
        let body = inner.inner(Margin::new(1, 0));
        if self.rows.is_empty() {
            Paragraph::new(Line::styled("No decks.", theme.muted())).render(body, buf);
            return;
        }
        let visible = usize::from(body.height.saturating_sub(1)).max(1);
        let offset = self.selected.saturating_sub(visible - 1);
        let mut lines = vec![Line::styled(
            "deck             prompts (light/personal/deep)",
            theme.muted(),
        )];
        for (i, row) in self.rows.iter().enumerate().skip(offset).take(visible) {
            let style = if i == self.selected {
                theme.selected()
            } else {
                theme.text()
            };
            lines.push(Line::from(Span::styled(row.clone(), style)));
        }
        Paragraph::new(lines).render(body, buf);
    }
}
