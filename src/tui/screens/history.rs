//! Looking back: the talks so far, newest first (and, from the home screen's "Decks",
//! the decks there are). The full history with charts builds on this.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::deck::load::Catalog;
use crate::journal::{Journal, Session};
use crate::text::one_line;
use crate::tui::action::Action;
use crate::tui::theme::Theme;
use crate::tui::widgets::chrome::Chrome;

pub struct History {
    /// One line per row, built once: the journal does not change while this is shown.
    rows: Vec<String>,
    header: String,
    empty: &'static str,
    title: &'static str,
    pub selected: usize,
    theme: Theme,
    demo: bool,
}

fn average(
    session: &Session,
    speaker: usize,
    pick: impl Fn(&crate::journal::Turn) -> Option<u8>,
) -> String {
    let values: Vec<u8> = session
        .turns
        .iter()
        .filter(|t| t.speaker == speaker)
        .filter_map(&pick)
        .collect();
    if values.is_empty() {
        "-".to_string()
    } else {
        let sum: u32 = values.iter().map(|v| u32::from(*v)).sum();
        format!("{:.1}", f64::from(sum) / values.len() as f64)
    }
}

fn talk_row(session: &Session, catalog: &Catalog) -> String {
    let deck = catalog
        .get(&session.deck_id)
        .map_or_else(|| session.deck_id.clone(), |d| d.title.clone());
    let deck: String = one_line(&deck).chars().take(14).collect();
    let date = session.started_at.at().format("%a %-d %b %y");
    if !session.is_couple() {
        let name: String = one_line(session.partner_name(0)).chars().take(12).collect();
        return format!("{date:<13} {deck:<14} reflection by {name}");
    }
    let heard = format!(
        "{} / {}",
        average(session, 0, |t| t.felt_heard()),
        average(session, 1, |t| t.felt_heard())
    );
    let lifts: Vec<i32> = session
        .mood_before
        .iter()
        .zip(&session.mood_after)
        .filter_map(|(b, a)| Some(i32::from((*a)?) - i32::from((*b)?)))
        .collect();
    let lift = if lifts.is_empty() {
        "-".to_string()
    } else {
        format!(
            "{:+.1}",
            lifts.iter().sum::<i32>() as f64 / lifts.len() as f64
        )
    };
    let unfinished = if session.completed {
        ""
    } else {
        "  unfinished"
    };
    format!("{date:<13} {deck:<14} {heard:<11} {lift:>5}{unfinished}")
}

impl History {
    pub fn new(
        journal: &Journal,
        catalog: &Catalog,
        theme: Theme,
        demo: bool,
        decks: bool,
    ) -> History {
        if decks {
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
            return History {
                rows,
                header: "deck             prompts (light/personal/deep)".to_string(),
                empty: "No decks.",
                title: "decks",
                selected: 0,
                theme,
                demo,
            };
        }
        let rows = journal
            .sessions
            .iter()
            .rev()
            .map(|s| talk_row(s, catalog))
            .collect();
        History {
            rows,
            header: format!(
                "{:<13} {:<14} {:<11} {:>5}",
                "date", "deck", "heard A/B", "mood"
            ),
            empty: "No talks yet. Your first one will show up here.",
            title: "look back",
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

impl Widget for &History {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let count = format!("{} shown", self.rows.len());
        let hints = [("↑↓", "move"), ("Esc", "back"), ("?", "help")];
        let inner = Chrome {
            title: self.title,
            right: Some(&count),
            hints: &hints,
            demo: self.demo,
            theme,
        }
        .render(area, buf);
        let body = inner.inner(Margin::new(1, 0));
        if self.rows.is_empty() {
            Paragraph::new(Line::styled(self.empty, theme.muted())).render(body, buf);
            return;
        }
        let visible = usize::from(body.height.saturating_sub(1)).max(1);
        let offset = self.selected.saturating_sub(visible - 1);
        let mut lines = vec![Line::styled(self.header.clone(), theme.muted())];
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
