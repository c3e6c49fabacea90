//! The questions heard asks over a screen: about an unfinished talk, when leaving one and
//! when an earlier one is found at start, and whether to open a talk with a brought topic.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Widget, Wrap};

use crate::activity::Kind;
use crate::text::one_line;
use crate::tui::action::{Action, Leave, LeftoverChoice, SetupChoice};
use crate::tui::storage::Leftover;
use crate::tui::theme::Theme;

/// A small box of text and choices over the screen.
pub struct DialogView<'a> {
    pub title: &'a str,
    pub lines: Vec<String>,
    pub options: &'a [(&'a str, &'a str)],
    pub selected: usize,
    pub theme: Theme,
}

impl Widget for DialogView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let width = area.width.saturating_sub(6).min(66);
        let mut lines: Vec<Line> = self
            .lines
            .iter()
            .map(|l| Line::styled(l.clone(), theme.text()))
            .collect();
        lines.push(Line::raw(""));
        for (i, (key, label)) in self.options.iter().enumerate() {
            let focused = i == self.selected;
            lines.push(Line::from(vec![
                Span::styled(if focused { "› " } else { "  " }, theme.heading()),
                Span::styled(format!("{key} "), theme.key()),
                Span::styled(
                    format!(" {label} "),
                    if focused {
                        theme.selected()
                    } else {
                        theme.text()
                    },
                ),
            ]));
        }
        let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
        let inner_width = width.saturating_sub(6);
        let height = u16::try_from(paragraph.line_count(inner_width))
            .unwrap_or(u16::MAX)
            .saturating_add(4)
            .min(area.height.saturating_sub(2));
        let popup = area.centered(Constraint::Length(width), Constraint::Length(height));
        // A clear margin around the box keeps the screen behind from crowding it.
        Clear.render(popup.outer(Margin::new(1, 0)).intersection(area), buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Rounded)
            .border_style(theme.heading())
            .title(Line::styled(format!(" {} ", self.title), theme.heading()));
        let inner = block.inner(popup).inner(Margin::new(2, 1));
        block.render(popup, buf);
        paragraph.render(inner, buf);
    }
}

/// Moves through choices with arrows; picks with Enter or the choice's key.
fn choose(key: KeyEvent, selected: &mut usize, keys: &[char]) -> Option<usize> {
    match key.code {
        KeyCode::Up | KeyCode::BackTab => {
            *selected = selected.checked_sub(1).unwrap_or(keys.len() - 1);
            None
        }
        KeyCode::Down | KeyCode::Tab => {
            *selected = (*selected + 1) % keys.len();
            None
        }
        KeyCode::Enter => Some(*selected),
        KeyCode::Char(c) => keys.iter().position(|k| *k == c.to_ascii_lowercase()),
        _ => None,
    }
}

const QUIT_OPTIONS: [(&str, &str); 4] = [
    ("k", "Keep talking"),
    ("r", "Keep it, to resume later"),
    ("u", "Save it as an unfinished talk"),
    ("d", "Discard it"),
];

/// With `--no-save` nothing can be kept or saved: go on, or stop.
const QUIT_OPTIONS_NO_SAVE: [(&str, &str); 2] =
    [("k", "Keep talking"), ("s", "Stop, without saving")];

/// Leaving a talk before its summary.
#[derive(Debug, Clone, Default)]
pub struct QuitDialog {
    pub selected: usize,
    /// Discarding asks once more.
    pub confirm_discard: bool,
    /// Nothing is kept (`--no-save`, or a newer heard's journal): only keep talking or
    /// stop, with the line that says why.
    pub no_save: Option<&'static str>,
}

impl QuitDialog {
    pub fn new(no_save: Option<&'static str>) -> QuitDialog {
        QuitDialog {
            no_save,
            ..QuitDialog::default()
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        if key.code == KeyCode::Esc {
            return Some(Action::CloseOverlay);
        }
        if self.no_save.is_some() {
            let keys: Vec<char> = QUIT_OPTIONS_NO_SAVE
                .iter()
                .filter_map(|(k, _)| k.chars().next())
                .collect();
            return match choose(key, &mut self.selected, &keys)? {
                0 => Some(Action::CloseOverlay),
                _ => Some(Action::LeaveTalk(Leave::Discard)),
            };
        }
        let keys: Vec<char> = QUIT_OPTIONS
            .iter()
            .filter_map(|(k, _)| k.chars().next())
            .collect();
        match choose(key, &mut self.selected, &keys)? {
            0 => Some(Action::CloseOverlay),
            1 => Some(Action::LeaveTalk(Leave::KeepForLater)),
            2 => Some(Action::LeaveTalk(Leave::SaveUnfinished)),
            _ if self.confirm_discard => Some(Action::LeaveTalk(Leave::Discard)),
            _ => {
                self.selected = 3;
                self.confirm_discard = true;
                None
            }
        }
    }

    pub fn view(&self, theme: Theme) -> DialogView<'static> {
        if let Some(why) = self.no_save {
            return DialogView {
                title: crate::words::LEAVE_TITLE,
                lines: vec![why.to_string()],
                options: &QUIT_OPTIONS_NO_SAVE,
                selected: self.selected,
                theme,
            };
        }
        let mut lines = vec![crate::words::LEAVE_ASK.to_string()];
        if self.confirm_discard {
            lines.push(String::new());
            lines.push(crate::words::LEAVE_DISCARD_AGAIN.to_string());
        }
        DialogView {
            title: crate::words::LEAVE_TITLE,
            lines,
            options: &QUIT_OPTIONS,
            selected: self.selected,
            theme,
        }
    }
}

const LEFTOVER_OPTIONS: [(&str, &str); 4] = [
    ("r", "Resume it"),
    ("u", "Save it as an unfinished talk"),
    ("d", "Discard it"),
    ("n", "Not now (Esc): decide another time"),
];

/// A talk kept from before (a crash, a closed window, "resume later"): asked about at
/// start, and before a new talk would take its place.
pub struct LeftoverDialog {
    pub leftover: Leftover,
    /// The talk asked for when the kept one was found; it starts after "save" or "discard".
    pub then: Option<SetupChoice>,
    pub selected: usize,
    pub confirm_discard: bool,
}

impl LeftoverDialog {
    pub fn new(leftover: Leftover, then: Option<SetupChoice>) -> LeftoverDialog {
        LeftoverDialog {
            leftover,
            then,
            selected: 0,
            confirm_discard: false,
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        if matches!(key.code, KeyCode::Esc | KeyCode::Char('q')) {
            return Some(Action::Leftover(LeftoverChoice::NotNow));
        }
        let keys: Vec<char> = LEFTOVER_OPTIONS
            .iter()
            .filter_map(|(k, _)| k.chars().next())
            .collect();
        match choose(key, &mut self.selected, &keys)? {
            0 => Some(Action::Leftover(LeftoverChoice::Resume)),
            1 => Some(Action::Leftover(LeftoverChoice::SaveUnfinished)),
            3 => Some(Action::Leftover(LeftoverChoice::NotNow)),
            _ if self.confirm_discard => Some(Action::Leftover(LeftoverChoice::Discard)),
            _ => {
                self.selected = 2;
                self.confirm_discard = true;
                None
            }
        }
    }

    fn describe(&self) -> String {
        let about = self.leftover.activity.describe();
        let when = about.started_at.at().format("%a %-d %b, %H:%M");
        let who = about
            .partners
            .iter()
            .map(|n| one_line(n).into_owned())
            .collect::<Vec<_>>()
            .join(" and ");
        let kind = match about.kind {
            Kind::Prompts => "talk",
            Kind::Reflection => "reflection",
            Kind::Understand => "talk to understand each other",
            Kind::Repair => "talk after a hard moment",
            Kind::Weekly => "talk about your week",
        };
        let at = self
            .leftover
            .activity
            .progress()
            .map(|p| format!(", at prompt {} of {}", p.index + 1, p.count))
            .unwrap_or_default();
        crate::words::unfinished_from(kind, &when.to_string(), &who, &at)
    }

    pub fn view(&self, theme: Theme) -> DialogView<'static> {
        let mut lines = vec![self.describe()];
        if self.then.is_some() {
            lines.push(String::new());
            lines.push(crate::words::ONE_KEPT_TALK.to_string());
        }
        if self.confirm_discard {
            lines.push(String::new());
            lines.push(crate::words::LEFTOVER_DISCARD_AGAIN.to_string());
        }
        DialogView {
            title: crate::words::LEFTOVER_TITLE,
            lines,
            options: &LEFTOVER_OPTIONS,
            selected: self.selected,
            theme,
        }
    }
}

const BRING_OPTIONS: [(&str, &str); 2] = [("y", "Yes, open with it"), ("n", "Not this time")];

const NEWER_OPTIONS: [(&str, &str); 2] = [("t", "Talk without saving"), ("s", "Stop")];

/// A talk asked for on a journal written by a newer heard, which this one does not
/// change: asked before it starts, so nobody talks believing it will be kept.
pub struct NewerDialog {
    /// The talk asked for; it starts only with "talk without saving".
    pub then: SetupChoice,
    pub selected: usize,
}

impl NewerDialog {
    pub fn new(then: SetupChoice) -> NewerDialog {
        NewerDialog { then, selected: 0 }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        if matches!(key.code, KeyCode::Esc | KeyCode::Char('q')) {
            return Some(Action::TalkUnsaved(false));
        }
        choose(key, &mut self.selected, &['t', 's']).map(|i| Action::TalkUnsaved(i == 0))
    }

    pub fn view(&self, theme: Theme) -> DialogView<'static> {
        DialogView {
            title: crate::words::NEWER_TITLE,
            lines: vec![crate::words::NEWER_ASK.to_string()],
            options: &NEWER_OPTIONS,
            selected: self.selected,
            theme,
        }
    }
}

/// A talk started from the command line, with a topic brought from a reflection alone:
/// asked before it starts, as setup asks on its screen.
pub struct BringDialog {
    /// Who brought what, as the dialog says it.
    pub lines: Vec<String>,
    /// The talk asked for; it starts with the answer.
    pub then: SetupChoice,
    pub selected: usize,
}

impl BringDialog {
    pub fn new(lines: Vec<String>, then: SetupChoice) -> BringDialog {
        BringDialog {
            lines,
            then,
            selected: 0,
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        if key.code == KeyCode::Esc {
            return Some(Action::Bring(false));
        }
        let keys = ['y', 'n'];
        choose(key, &mut self.selected, &keys).map(|i| Action::Bring(i == 0))
    }

    pub fn view(&self, theme: Theme) -> DialogView<'static> {
        DialogView {
            title: crate::words::BRING_TITLE,
            lines: self.lines.clone(),
            options: &BRING_OPTIONS,
            selected: self.selected,
            theme,
        }
    }
}
