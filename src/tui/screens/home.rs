//! The home screen: start a talk, reflect alone, look back, and see the rhythm so far.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::tui::action::Action;
use crate::tui::theme::Theme;
use crate::tui::widgets::chrome::Chrome;

/// The choices on the home screen, with the key that picks each one directly.
const ITEMS: [(char, &str, &str, Action); 6] = [
    ('t', "Start a talk", "for the two of you", Action::SetupTalk),
    (
        's',
        "Reflect alone",
        "before a talk, on your own",
        Action::SetupSolo,
    ),
    ('h', "Look back", "your talks so far", Action::OpenHistory),
    ('d', "Decks", "the prompts you can use", Action::OpenDecks),
    ('?', "Help", "keys, and what heard is not", Action::ShowHelp),
    ('q', "Quit", "", Action::Quit),
];

#[derive(Debug, Clone, Default)]
pub struct Home {
    pub selected: usize,
    /// "Your last talk was 6 days ago." or nothing before the first talk.
    pub last_talk: Option<String>,
    /// "3 weeks in a row." when there is a rhythm to mention.
    pub rhythm: Option<String>,
    pub demo: bool,
    pub theme: Option<Theme>,
    /// A line about something that just happened (a talk kept, a draft unreadable).
    pub notice: Option<String>,
}

impl Home {
    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => {
                self.selected = self.selected.checked_sub(1).unwrap_or(ITEMS.len() - 1);
                None
            }
            KeyCode::Down | KeyCode::Char('j') | KeyCode::Tab => {
                self.selected = (self.selected + 1) % ITEMS.len();
                None
            }
            KeyCode::Enter => Some(ITEMS[self.selected].3.clone()),
            KeyCode::Char('r') if self.demo => Some(Action::RestartDemo),
            KeyCode::Esc => Some(Action::Quit),
            KeyCode::Char(c) => ITEMS
                .iter()
                .find(|item| item.0 == c.to_ascii_lowercase())
                .map(|item| item.3.clone()),
            _ => None,
        }
    }

    fn welcome(&self) -> Vec<Line<'static>> {
        let theme = self.theme.unwrap_or(Theme::new(false));
        let mut lines = vec![Line::styled(
            "Welcome. Take a breath; there is no hurry here.",
            theme.heading(),
        )];
        if self.demo {
            lines.push(Line::styled(
                "This is a demo with a fictional couple. Press r to start it fresh for the next client.",
                theme.text(),
            ));
        }
        match (&self.last_talk, &self.rhythm) {
            (None, _) => lines.push(Line::styled(
                "Your first talk starts whenever you are both ready.",
                theme.muted(),
            )),
            (Some(last), rhythm) => {
                let mut text = last.clone();
                if let Some(rhythm) = rhythm {
                    text.push(' ');
                    text.push_str(rhythm);
                }
                lines.push(Line::styled(text, theme.muted()));
            }
        }
        if let Some(notice) = &self.notice {
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                crate::text::one_line(notice).into_owned(),
                theme.alert(),
            ));
        }
        lines
    }
}

impl Widget for &Home {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme.unwrap_or(Theme::new(false));
        let demo_hints = [
            ("↑↓", "choose"),
            ("Enter", "open"),
            ("r", "restart demo"),
            ("?", "help"),
            ("q", "quit"),
        ];
        let plain_hints = [
            ("↑↓", "choose"),
            ("Enter", "open"),
            ("?", "help"),
            ("q", "quit"),
        ];
        let hints: &[(&str, &str)] = if self.demo { &demo_hints } else { &plain_hints };
        let inner = Chrome {
            title: "home",
            right: None,
            hints,
            demo: self.demo,
            theme,
        }
        .render(area, buf);
        let inner = inner.inner(ratatui::layout::Margin::new(3, 1));
        let [welcome, _, menu] = Layout::vertical([
            Constraint::Length(
                3 + if self.notice.is_some() { 2 } else { 0 } + u16::from(self.demo) * 2,
            ),
            Constraint::Length(2),
            Constraint::Min(0),
        ])
        .areas(inner);
        Paragraph::new(self.welcome())
            .wrap(Wrap { trim: true })
            .render(welcome, buf);
        let lines: Vec<Line> = ITEMS
            .iter()
            .enumerate()
            .map(|(i, (key, label, about, _))| {
                let focused = i == self.selected;
                let marker = if focused { "› " } else { "  " };
                let label_style = if focused {
                    theme.selected()
                } else {
                    theme.text()
                };
                Line::from(vec![
                    Span::styled(marker, theme.heading()),
                    Span::styled(key.to_string(), theme.key()),
                    Span::raw("  "),
                    Span::styled(format!(" {label:<14}"), label_style),
                    Span::raw("  "),
                    Span::styled(about.to_string(), theme.muted()),
                ])
            })
            .collect();
        Paragraph::new(lines).render(menu, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn arrows_wrap_and_enter_opens_the_choice() {
        let mut home = Home::default();
        assert_eq!(home.handle_key(press(KeyCode::Up)), None);
        assert_eq!(home.selected, ITEMS.len() - 1);
        assert_eq!(home.handle_key(press(KeyCode::Enter)), Some(Action::Quit));
        home.handle_key(press(KeyCode::Down));
        assert_eq!(
            home.handle_key(press(KeyCode::Enter)),
            Some(Action::SetupTalk)
        );
    }

    #[test]
    fn letters_pick_directly() {
        let mut home = Home::default();
        assert_eq!(
            home.handle_key(press(KeyCode::Char('s'))),
            Some(Action::SetupSolo)
        );
        assert_eq!(
            home.handle_key(press(KeyCode::Char('?'))),
            Some(Action::ShowHelp)
        );
        assert_eq!(home.handle_key(press(KeyCode::Char('x'))), None);
    }
}
