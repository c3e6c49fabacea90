//! One talk in full: when, which deck, each partner's moods and closeness, then every
//! turn with its ratings, the listener's guess and any note.

use crate::mode::Mode;
use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::data::Row;
use crate::journal::{Session, SessionMode};
use crate::text::{multi_line, one_line};
use crate::tui::theme::Theme;

/// The lines of one talk, built when it is opened.
pub struct Detail {
    pub lines: Vec<(Style, String)>,
    pub scroll: u16,
}

/// How a line of the detail is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Heading,
    Text,
    Quiet,
}

fn scale(value: Option<u8>, top: u8) -> String {
    value.map_or_else(|| "not given".to_string(), |v| format!("{v}/{top}"))
}

impl Detail {
    pub fn new(session: &Session, row: &Row) -> Detail {
        let mut lines = Vec::new();
        let mut push = |style, text: String| lines.push((style, text));
        let who = match session.mode {
            SessionMode::Known(Mode::Couple) => session
                .partners
                .iter()
                .map(|n| one_line(n).into_owned())
                .collect::<Vec<_>>()
                .join(" & "),
            _ => format!("{}, alone", one_line(session.partner_name(0))),
        };
        push(
            Style::Heading,
            format!(
                "{} · {} · {who}",
                session.started_at.at().format("%a %-d %b %Y, %H:%M"),
                row.deck
            ),
        );
        push(
            Style::Quiet,
            format!(
                "{}, {} of {} prompts answered",
                if session.completed {
                    "finished"
                } else {
                    "unfinished"
                },
                row.answered,
                row.prompts
            ),
        );
        push(Style::Text, String::new());
        let people = session.partners.len().max(session.mood_before.len()).min(2);
        for i in 0..people {
            let name = one_line(session.partner_name(i)).into_owned();
            let pick = |values: &[Option<u8>]| values.get(i).copied().flatten();
            let mut parts = vec![format!(
                "mood {} → {}",
                scale(pick(&session.mood_before), 5),
                scale(pick(&session.mood_after), 5)
            )];
            if session.is_couple() {
                parts.push(format!("closeness {}", scale(pick(&session.closeness), 7)));
            }
            push(Style::Text, format!("{name}: {}", parts.join(" · ")));
        }
        for (n, turn) in session.turns.iter().enumerate() {
            push(Style::Text, String::new());
            let speaker = one_line(session.partner_name(turn.speaker)).into_owned();
            let listener = (session.partners.len() == 2 && turn.speaker < 2)
                .then(|| one_line(session.partner_name(1 - turn.speaker)).into_owned());
            let who = match (&listener, session.is_couple()) {
                (Some(listener), true) => format!("{speaker} shared, {listener} listened"),
                _ => format!("{speaker} reflected"),
            };
            let passed = if turn.skipped { " (passed)" } else { "" };
            push(Style::Heading, format!("{}. {who}{passed}", n + 1));
            push(Style::Text, format!("   {}", one_line(&turn.prompt)));
            let mut ratings = Vec::new();
            if let Some(value) = turn.felt_heard {
                ratings.push(format!("felt heard {}", scale(value, 5)));
            }
            if let Some(value) = turn.felt_validated {
                ratings.push(format!("validated {}", scale(value, 5)));
            }
            if let (Some(guess), Some(listener)) = (turn.listener_guess(), &listener) {
                ratings.push(format!("{listener} guessed {guess}/5"));
            }
            if let Some(value) = turn.clarity {
                ratings.push(format!("clarity {}", scale(value, 5)));
            }
            if turn.bring_to_talk() {
                ratings.push("to bring to a talk".to_string());
            }
            if !ratings.is_empty() && !turn.skipped {
                push(Style::Quiet, format!("   {}", ratings.join(" · ")));
            }
            if let Some(note) = turn.note.as_deref().filter(|n| !n.trim().is_empty()) {
                for (k, part) in multi_line(note).lines().enumerate() {
                    let lead = if k == 0 { "   note: " } else { "         " };
                    push(Style::Quiet, format!("{lead}{part}"));
                }
            }
        }
        if session.turns.is_empty() {
            push(Style::Text, String::new());
            push(
                Style::Quiet,
                "No prompts were answered in this talk.".to_string(),
            );
        }
        Detail { lines, scroll: 0 }
    }

    pub fn scroll_key(&mut self, code: KeyCode) {
        let last = u16::try_from(self.lines.len()).unwrap_or(u16::MAX);
        match code {
            KeyCode::Down | KeyCode::Char('j') => self.scroll = (self.scroll + 1).min(last),
            KeyCode::Up | KeyCode::Char('k') => self.scroll = self.scroll.saturating_sub(1),
            KeyCode::PageDown | KeyCode::Char(' ') => self.scroll = (self.scroll + 10).min(last),
            KeyCode::PageUp => self.scroll = self.scroll.saturating_sub(10),
            KeyCode::Home => self.scroll = 0,
            _ => {}
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        let lines: Vec<Line> = self
            .lines
            .iter()
            .map(|(style, text)| {
                let style = match style {
                    Style::Heading => theme.heading(),
                    Style::Text => theme.text(),
                    Style::Quiet => theme.muted(),
                };
                Line::from(Span::styled(text.clone(), style))
            })
            .collect();
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((self.scroll, 0))
            .render(area, buf);
    }
}
