//! Which couple's talks Look back shows, when the journal holds more than one: the chooser
//! (newest couple first, a digit or the arrows and Enter), and the names beside the tabs.

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::History;
use super::keys::Command;
use crate::journal::stats::since_words;
use crate::text::one_line;
use crate::tui::action::Action;
use crate::tui::keymap;
use crate::words;

impl History {
    /// A key in the chooser of which couple. Choosing hands the couple to the app, which
    /// remembers it and opens Look back on their talks.
    pub(super) fn couple_key(
        &mut self,
        marked: usize,
        command: Command,
        key: &KeyEvent,
    ) -> Option<Action> {
        let last = self.couples.len().saturating_sub(1);
        let chosen = match command {
            Command::Help => return Some(Action::ShowHelp),
            Command::Next => {
                self.choosing_couple = Some((marked + 1).min(last));
                return None;
            }
            Command::Previous => {
                self.choosing_couple = Some(marked.saturating_sub(1));
                return None;
            }
            Command::Pick => match keymap::digit(key) {
                Some(d) if usize::from(d) >= 1 && usize::from(d) <= self.couples.len() => {
                    usize::from(d) - 1
                }
                Some(_) | None => return None,
            },
            Command::Choose => marked,
            Command::NotNow if self.asked_on_entry => return Some(Action::Back),
            Command::NotNow => {
                self.choosing_couple = None;
                return None;
            }
            Command::Back
            | Command::NextView
            | Command::PreviousView
            | Command::Show(_)
            | Command::PageDown
            | Command::PageUp
            | Command::First
            | Command::Last
            | Command::Open
            | Command::OtherTalk(_)
            | Command::Notes
            | Command::OtherCouple => return None,
        };
        let couple = self.couples.get(chosen)?;
        Some(Action::LookBackCouple(couple.key.clone()))
    }
}

/// The question, and each couple on a line: its number, names, talks and when the latest was.
pub(super) fn render_chooser(history: &History, marked: usize, area: Rect, buf: &mut Buffer) {
    let theme = history.theme;
    let today = history.today;
    let mut lines = vec![
        Line::styled(words::COUPLE_CHOOSER_TITLE, theme.heading()),
        Line::raw(""),
    ];
    for (i, couple) in history.couples.iter().enumerate() {
        let latest = since_words(couple.last.date_naive(), today);
        let text = words::couple_choice(&one_line(&couple.label()), couple.sessions, &latest);
        let number = if i < 9 {
            format!("{}", i + 1)
        } else {
            " ".to_string()
        };
        if i == marked {
            lines.push(Line::styled(
                format!("> {number}  {text}"),
                theme.selected(),
            ));
        } else {
            lines.push(Line::styled(format!("  {number}  {text}"), theme.text()));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(words::COUPLE_CHOOSER_WHY, theme.muted()));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

/// Under the tabs, whose talks these are and the key for another couple's, when the
/// journal holds more than one couple.
pub(super) fn render_whose(history: &History, row: Rect, buf: &mut Buffer) {
    let Some(couple) = history
        .couple
        .as_ref()
        .filter(|_| history.couples.len() > 1)
    else {
        return;
    };
    let text = words::showing_couple(&one_line(&couple.label()));
    let shown = crate::text::cut_to(&text, usize::from(row.width)).to_string();
    Paragraph::new(Line::styled(shown, history.theme.muted())).render(row, buf);
}
