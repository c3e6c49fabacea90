//! The decks there are (from the home screen's "Decks"): title, prompt count, depth mix.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::deck::load::Catalog;
use crate::text::one_line;
use crate::tui::action::Action;
use crate::tui::keymap::{self, Binding};
use crate::tui::theme::Theme;
use crate::tui::widgets::chrome::Chrome;
use crate::words;

/// What a key does in the list of decks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Back,
    Help,
    Down,
    Up,
    PageDown,
    PageUp,
    First,
    Last,
}

/// Every key of the decks screen, in footer order.
const KEYS: &[Binding<Command>] = &[
    Binding {
        keys: &[KeyCode::Up, KeyCode::Char('k')],
        shown: "↑↓",
        hint: Some("move"),
        help: "move through the decks",
        command: Command::Up,
    },
    Binding {
        keys: &[KeyCode::Down, KeyCode::Char('j')],
        shown: "↑↓",
        hint: Some("move"),
        help: "move through the decks",
        command: Command::Down,
    },
    Binding {
        keys: &[KeyCode::PageUp],
        shown: "PgUp PgDn",
        hint: None,
        help: "move ten at a time",
        command: Command::PageUp,
    },
    Binding {
        keys: &[KeyCode::PageDown],
        shown: "PgUp PgDn",
        hint: None,
        help: "move ten at a time",
        command: Command::PageDown,
    },
    Binding {
        keys: &[KeyCode::Home],
        shown: "Home End",
        hint: None,
        help: "the first or the last deck",
        command: Command::First,
    },
    Binding {
        keys: &[KeyCode::End],
        shown: "Home End",
        hint: None,
        help: "the first or the last deck",
        command: Command::Last,
    },
    Binding {
        keys: &[KeyCode::Esc, KeyCode::Char('q'), KeyCode::Enter],
        shown: "Esc",
        hint: Some("back"),
        help: "back home (q and Enter too)",
        command: Command::Back,
    },
    Binding {
        keys: &[KeyCode::Char('?')],
        shown: "?",
        hint: Some("help"),
        help: "",
        command: Command::Help,
    },
];

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
                words::deck_row(
                    &one_line(&d.title).chars().take(16).collect::<String>(),
                    d.prompts.len(),
                    d.depth_mix(),
                    &one_line(d.description.as_deref().unwrap_or("")),
                )
            })
            .chain(catalog.broken.iter().map(|b| {
                words::deck_cannot_use(&one_line(
                    &b.errors
                        .first()
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                ))
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
        match keymap::find(KEYS, &key)? {
            Command::Back => return Some(Action::Back),
            Command::Help => return Some(Action::ShowHelp),
            Command::Down => self.selected = (self.selected + 1).min(last),
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::PageDown => self.selected = (self.selected + 10).min(last),
            Command::PageUp => self.selected = self.selected.saturating_sub(10),
            Command::First => self.selected = 0,
            Command::Last => self.selected = last,
        }
        None
    }

    /// The keys of this screen for the help overlay.
    pub fn keys(&self) -> Vec<(&'static str, &'static str)> {
        keymap::help_lines(KEYS)
    }
}

impl Widget for &Decks {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let count = words::decks_shown(self.rows.len());
        let hints = keymap::hints(KEYS);
        let inner = Chrome {
            title: words::DECKS_TITLE,
            right: Some(&count),
            hints: &hints,
            demo: self.demo,
            theme,
        }
        .render(area, buf);
        let body = inner.inner(Margin::new(1, 0));
        if self.rows.is_empty() {
            Paragraph::new(Line::styled(words::DECKS_NONE, theme.muted())).render(body, buf);
            return;
        }
        let visible = usize::from(body.height.saturating_sub(1)).max(1);
        let offset = self.selected.saturating_sub(visible - 1);
        let mut lines = vec![Line::styled(words::DECKS_HEADER, theme.muted())];
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_footer_is_what_it_was_before_the_table() {
        assert_eq!(
            keymap::hints(KEYS),
            [("↑↓", "move"), ("Esc", "back"), ("?", "help")]
        );
    }
}
