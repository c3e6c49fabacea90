//! The decks there are (from the home screen's "Decks"): title, prompt count, depth mix.
//! Enter opens a deck to read its prompts (text and depth), scrolled with the arrows; Esc
//! goes back to the list.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::deck::load::Catalog;
use crate::text::one_line;
use crate::tui::action::Action;
use crate::tui::keymap::{self, Binding};
use crate::tui::theme::Theme;
use crate::tui::widgets::chrome::Chrome;
use crate::words;

/// What a key does in the list of decks, or in one deck opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Back,
    Open,
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
        keys: &[KeyCode::Enter],
        shown: "Enter",
        hint: Some("read"),
        help: "open the deck to read its prompts",
        command: Command::Open,
    },
    Binding {
        keys: &[KeyCode::Esc, KeyCode::Char('q')],
        shown: "Esc",
        hint: Some("back"),
        help: "back home (q too)",
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

/// Every key while one deck is open, in footer order.
const OPEN_KEYS: &[Binding<Command>] = &[
    Binding {
        keys: &[KeyCode::Up, KeyCode::Char('k')],
        shown: "↑↓",
        hint: Some("scroll"),
        help: "scroll through the prompts",
        command: Command::Up,
    },
    Binding {
        keys: &[KeyCode::Down, KeyCode::Char('j')],
        shown: "↑↓",
        hint: Some("scroll"),
        help: "scroll through the prompts",
        command: Command::Down,
    },
    Binding {
        keys: &[KeyCode::PageUp],
        shown: "PgUp PgDn",
        hint: None,
        help: "scroll ten lines at a time",
        command: Command::PageUp,
    },
    Binding {
        keys: &[KeyCode::PageDown],
        shown: "PgUp PgDn",
        hint: None,
        help: "scroll ten lines at a time",
        command: Command::PageDown,
    },
    Binding {
        keys: &[KeyCode::Home],
        shown: "Home End",
        hint: None,
        help: "the first or the last prompt",
        command: Command::First,
    },
    Binding {
        keys: &[KeyCode::End],
        shown: "Home End",
        hint: None,
        help: "the first or the last prompt",
        command: Command::Last,
    },
    Binding {
        keys: &[KeyCode::Esc, KeyCode::Char('q'), KeyCode::Enter],
        shown: "Esc",
        hint: Some("decks"),
        help: "back to the list of decks (q and Enter too)",
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

/// One deck's prompts, to read.
struct Prompts {
    title: String,
    /// Text and depth (1 light, 2 personal, 3 deep), in the deck's order.
    prompts: Vec<(String, u8)>,
}

/// The deck open to read, and how far it is scrolled (in lines, from the top).
pub struct Open {
    pub deck: usize,
    pub scroll: u16,
}

pub struct Decks {
    /// One line per deck, built once: the catalog does not change while this is shown.
    rows: Vec<String>,
    /// The prompts of each deck that loaded, in the order of `rows`.
    decks: Vec<Prompts>,
    pub selected: usize,
    /// The deck being read, if one is open.
    pub open: Option<Open>,
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
                    &one_line(&d.title),
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
        let decks = catalog
            .decks
            .iter()
            .map(|d| Prompts {
                title: one_line(&d.title).into_owned(),
                prompts: d
                    .prompts
                    .iter()
                    .map(|p| (crate::text::multi_line(&p.text).into_owned(), p.depth))
                    .collect(),
            })
            .collect();
        Decks {
            rows,
            decks,
            selected: 0,
            open: None,
            theme,
            demo,
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        if let Some(open) = &mut self.open {
            match keymap::find(OPEN_KEYS, &key)? {
                Command::Back => self.open = None,
                Command::Help => return Some(Action::ShowHelp),
                Command::Down => open.scroll = open.scroll.saturating_add(1),
                Command::Up => open.scroll = open.scroll.saturating_sub(1),
                Command::PageDown => open.scroll = open.scroll.saturating_add(10),
                Command::PageUp => open.scroll = open.scroll.saturating_sub(10),
                Command::First => open.scroll = 0,
                // Drawing keeps the scroll within the text, so "as far as it goes" is enough.
                Command::Last => open.scroll = u16::MAX,
                Command::Open => {}
            }
            return None;
        }
        let last = self.rows.len().saturating_sub(1);
        match keymap::find(KEYS, &key)? {
            Command::Back => return Some(Action::Back),
            Command::Help => return Some(Action::ShowHelp),
            Command::Open => {
                // A deck that did not load has nothing to read.
                if self.selected < self.decks.len() {
                    self.open = Some(Open {
                        deck: self.selected,
                        scroll: 0,
                    });
                }
            }
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
        keymap::help_lines(self.table())
    }

    fn table(&self) -> &'static [Binding<Command>] {
        if self.open.is_some() { OPEN_KEYS } else { KEYS }
    }

    /// The open deck's prompts as lines: its number and depth, then its text.
    fn prompt_lines(&self, prompts: &Prompts) -> Vec<Line<'static>> {
        let theme = self.theme;
        let mut lines = Vec::new();
        for (i, (text, depth)) in prompts.prompts.iter().enumerate() {
            lines.push(Line::styled(
                words::deck_prompt_head(i + 1, *depth),
                theme.muted(),
            ));
            for part in text.lines() {
                lines.push(Line::styled(part.to_string(), theme.text()));
            }
            lines.push(Line::raw(""));
        }
        lines
    }

    fn render_open(&self, open: &Open, body: Rect, buf: &mut Buffer) {
        let prompts = &self.decks[open.deck];
        let mut lines = vec![
            Line::styled(prompts.title.clone(), self.theme.heading()),
            Line::raw(""),
        ];
        lines.extend(self.prompt_lines(prompts));
        let text = Paragraph::new(lines).wrap(Wrap { trim: false });
        let rows = u16::try_from(text.line_count(body.width.max(1))).unwrap_or(u16::MAX);
        let scroll = open.scroll.min(rows.saturating_sub(body.height));
        text.scroll((scroll, 0)).render(body, buf);
    }
}

impl Widget for &Decks {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let count = words::decks_shown(self.rows.len());
        let hints = keymap::hints(self.table());
        let inner = Chrome {
            title: words::DECKS_TITLE,
            right: Some(&count),
            hints: &hints,
            demo: self.demo,
            theme,
        }
        .render(area, buf);
        let body = crate::tui::screens::activity::parts::column(inner.inner(Margin::new(1, 0)));
        if let Some(open) = &self.open {
            self.render_open(open, body, buf);
            return;
        }
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
            // A description longer than the window ends in "…": open the deck to read it.
            let row = if crate::text::width(row) > usize::from(body.width) {
                let cut = crate::text::cut_to(row, usize::from(body.width.saturating_sub(1)));
                format!("{cut}…")
            } else {
                row.clone()
            };
            lines.push(Line::from(Span::styled(row, style)));
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
            [
                ("↑↓", "move"),
                ("Enter", "read"),
                ("Esc", "back"),
                ("?", "help")
            ]
        );
        assert_eq!(
            keymap::hints(OPEN_KEYS),
            [("↑↓", "scroll"), ("Esc", "decks"), ("?", "help")]
        );
    }
}

#[cfg(test)]
mod list_tests {
    use crate::text::width;
    use crate::words;

    /// Where "prompts" starts on a line, in terminal columns.
    fn prompts_column(line: &str) -> usize {
        width(&line[..line.find("prompts").unwrap()])
    }

    #[test]
    fn every_row_lines_up_under_the_header_and_a_long_title_ends_in_an_ellipsis() {
        let header = prompts_column(words::DECKS_HEADER);
        for title in ["Rekindle", "Zoë's 🌻 evenings together, slowly", "夜の話"] {
            let row = words::deck_row(title, 30, [10, 10, 10], "For evenings.");
            assert_eq!(prompts_column(&row), header, "{row}");
            // The title in 16 columns, a space, then the count right-aligned in three.
            assert_eq!(width(&row[..row.find(" 30").unwrap()]), 17, "{row}");
        }
        let long = words::deck_row("Zoë's 🌻 evenings together, slowly", 30, [10, 10, 10], "");
        assert!(long.starts_with("Zoë's 🌻 evenin…"), "{long}");
    }
}
