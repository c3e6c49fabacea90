//! The home screen: start a talk, reflect alone, look back, and see the rhythm so far.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::activity::Kind;
use crate::tui::action::Action;
use crate::tui::keymap::{self, Binding};
use crate::tui::screens::activity::parts::{hanging, lines_height};
use crate::tui::theme::Theme;
use crate::tui::widgets::chrome::Chrome;
use crate::words;

/// The choices on the home screen, top to bottom: what each says and does. The key that
/// picks each one directly is its binding in `KEYS`.
const ITEMS: [(&str, &str, Action); 6] = [
    (words::HOME_TALK, words::HOME_TALK_ABOUT, Action::SetupTalk),
    (words::HOME_SOLO, words::HOME_SOLO_ABOUT, Action::SetupSolo),
    (
        words::HOME_HISTORY,
        words::HOME_HISTORY_ABOUT,
        Action::OpenHistory,
    ),
    (
        words::HOME_DECKS,
        words::HOME_DECKS_ABOUT,
        Action::OpenDecks,
    ),
    (words::HOME_HELP, words::HOME_HELP_ABOUT, Action::ShowHelp),
    (words::HOME_QUIT, "", Action::Quit),
];

/// What a key does on the home screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Up,
    Down,
    Open,
    /// Open the choice at this place in `ITEMS`.
    Pick(usize),
    RestartDemo,
    /// Back from the kinds of talk to the menu.
    CloseKinds,
}

/// The kinds of talk "Start a talk" offers, in the order shown; a digit picks each.
pub const KINDS: [Kind; 4] = [Kind::Prompts, Kind::Understand, Kind::Repair, Kind::Weekly];

/// The keys while the kinds of talk are shown.
const KIND_KEYS: &[Binding<Command>] = &[
    Binding {
        keys: &[KeyCode::Up, KeyCode::Char('k')],
        shown: "↑↓",
        hint: Some("choose"),
        help: "move between the kinds of talk",
        command: Command::Up,
    },
    Binding {
        keys: &[KeyCode::Down, KeyCode::Char('j'), KeyCode::Tab],
        shown: "↑↓",
        hint: Some("choose"),
        help: "move between the kinds of talk",
        command: Command::Down,
    },
    Binding {
        keys: &[KeyCode::Enter],
        shown: "Enter",
        hint: Some("start"),
        help: "set up the kind of talk marked",
        command: Command::Open,
    },
    Binding {
        keys: keymap::digits(1, KINDS.len()),
        shown: "1-4",
        hint: None,
        help: "set up that kind of talk directly",
        command: Command::Pick(0),
    },
    Binding {
        keys: &[KeyCode::Esc, KeyCode::Char('q'), KeyCode::Backspace],
        shown: "Esc",
        hint: Some("back"),
        help: "back to the menu",
        command: Command::CloseKinds,
    },
];

/// Every key of the home screen, in footer order. A menu letter works in either case.
const KEYS: &[Binding<Command>] = &[
    Binding {
        keys: &[KeyCode::Up, KeyCode::Char('k')],
        shown: "↑↓",
        hint: Some("choose"),
        help: "move between the choices",
        command: Command::Up,
    },
    Binding {
        keys: &[KeyCode::Down, KeyCode::Char('j'), KeyCode::Tab],
        shown: "↑↓",
        hint: Some("choose"),
        help: "move between the choices",
        command: Command::Down,
    },
    Binding {
        keys: &[KeyCode::Enter],
        shown: "Enter",
        hint: Some("open"),
        help: "open the marked choice",
        command: Command::Open,
    },
    Binding {
        keys: &[KeyCode::Char('t'), KeyCode::Char('T')],
        shown: "t",
        hint: None,
        help: "start a talk for the two of you",
        command: Command::Pick(0),
    },
    Binding {
        keys: &[KeyCode::Char('s'), KeyCode::Char('S')],
        shown: "s",
        hint: None,
        help: "reflect alone, before a talk",
        command: Command::Pick(1),
    },
    Binding {
        keys: &[KeyCode::Char('h'), KeyCode::Char('H')],
        shown: "h",
        hint: None,
        help: "look back at your talks so far",
        command: Command::Pick(2),
    },
    Binding {
        keys: &[KeyCode::Char('d'), KeyCode::Char('D')],
        shown: "d",
        hint: None,
        help: "see the decks of prompts you can use",
        command: Command::Pick(3),
    },
    // Demo only (see `Home::keys_here`); lower case only, as it always was.
    Binding {
        keys: &[KeyCode::Char('r')],
        shown: "r",
        hint: Some("restart demo"),
        help: "start the demo fresh for the next client",
        command: Command::RestartDemo,
    },
    Binding {
        keys: &[KeyCode::Char('?')],
        shown: "?",
        hint: Some("help"),
        help: "",
        command: Command::Pick(4),
    },
    Binding {
        keys: &[KeyCode::Char('q'), KeyCode::Char('Q'), KeyCode::Esc],
        shown: "q",
        hint: Some("quit"),
        help: "leave heard (Esc too)",
        command: Command::Pick(5),
    },
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
    /// The kinds of talk, shown after "Start a talk", with the one marked.
    pub kinds: Option<usize>,
}

impl Home {
    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        if let Some(marked) = self.kinds {
            return self.choose_kind(marked, key);
        }
        match keymap::find(&self.keys_here(), &key)? {
            Command::Up => {
                self.selected = self.selected.checked_sub(1).unwrap_or(ITEMS.len() - 1);
                None
            }
            Command::Down => {
                self.selected = (self.selected + 1) % ITEMS.len();
                None
            }
            Command::Open => self.open(self.selected),
            Command::Pick(index) => self.open(index),
            Command::RestartDemo => Some(Action::RestartDemo),
            Command::CloseKinds => None,
        }
    }

    /// Open a choice of the menu; "Start a talk" first shows the kinds of talk.
    fn open(&mut self, index: usize) -> Option<Action> {
        let action = ITEMS[index].2.clone();
        if action == Action::SetupTalk {
            self.kinds = Some(0);
            return None;
        }
        Some(action)
    }

    fn choose_kind(&mut self, marked: usize, key: KeyEvent) -> Option<Action> {
        let last = KINDS.len() - 1;
        match keymap::find(KIND_KEYS, &key)? {
            Command::Up => self.kinds = Some(marked.checked_sub(1).unwrap_or(last)),
            Command::Down => self.kinds = Some(if marked == last { 0 } else { marked + 1 }),
            Command::Open => return Some(Action::SetupKind(KINDS[marked])),
            Command::Pick(_) => {
                let digit = usize::from(keymap::digit(&key)?);
                return Some(Action::SetupKind(*KINDS.get(digit.checked_sub(1)?)?));
            }
            Command::CloseKinds | Command::RestartDemo => self.kinds = None,
        }
        None
    }

    /// The keys of this screen for the help overlay.
    pub fn keys(&self) -> Vec<(&'static str, &'static str)> {
        keymap::help_lines(&self.keys_here())
    }

    /// The table as it stands: restarting is there only in the demo.
    fn keys_here(&self) -> Vec<Binding<Command>> {
        if self.kinds.is_some() {
            return KIND_KEYS.to_vec();
        }
        KEYS.iter()
            .filter(|binding| self.demo || binding.command != Command::RestartDemo)
            .copied()
            .collect()
    }

    fn welcome(&self) -> Vec<Line<'static>> {
        let theme = self.theme.unwrap_or(Theme::new(false));
        let mut lines = vec![Line::styled(words::HOME_WELCOME, theme.heading())];
        if self.demo {
            lines.push(Line::styled(words::HOME_DEMO, theme.text()));
        }
        match (&self.last_talk, &self.rhythm) {
            (None, _) => lines.push(Line::styled(words::HOME_FIRST_TALK, theme.muted())),
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
        let keys = self.keys_here();
        let hints = keymap::hints(&keys);
        let inner = Chrome {
            title: words::HOME_TITLE,
            right: None,
            hints: &hints,
            demo: self.demo,
            theme,
        }
        .render(area, buf);
        let inner = crate::tui::screens::activity::parts::column(
            inner.inner(ratatui::layout::Margin::new(3, 1)),
        );
        // The kinds of talk take the whole page: four, each with its two lines.
        if let Some(marked) = self.kinds {
            return render_kinds(marked, inner, buf, theme);
        }
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
            .map(|(i, (label, about, _))| {
                let focused = i == self.selected;
                let marker = if focused { "› " } else { "  " };
                let label_style = if focused {
                    theme.selected()
                } else {
                    theme.text()
                };
                Line::from(vec![
                    Span::styled(marker, theme.heading()),
                    Span::styled(menu_key(i), theme.key()),
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

/// The kinds of talk, each with what it is for and how long it usually takes.
fn render_kinds(marked: usize, area: Rect, buf: &mut Buffer, theme: Theme) {
    let mut lines = vec![
        Line::styled(words::KINDS_ASK, theme.heading()),
        Line::raw(""),
    ];
    for (i, kind) in KINDS.iter().enumerate() {
        let focused = i == marked;
        let label_style = if focused {
            theme.selected()
        } else {
            theme.text()
        };
        lines.push(Line::from(vec![
            Span::styled(if focused { "› " } else { "  " }, theme.heading()),
            Span::styled(format!("{}", i + 1), theme.key()),
            Span::raw("  "),
            Span::styled(format!(" {} ", words::kind_title(*kind)), label_style),
            Span::styled(format!("· {}", words::kind_length(*kind)), theme.muted()),
        ]));
        lines.extend(hanging(
            "      ",
            words::kind_about(*kind),
            area.width,
            theme.muted(),
        ));
        lines.push(Line::raw(""));
    }
    // In a small window the blank lines between kinds go first, never a kind.
    if lines_height(&lines, area.width) > area.height {
        lines.retain(|line| line.width() > 0);
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

/// How the key that picks the choice at `index` is written, from its binding.
fn menu_key(index: usize) -> &'static str {
    KEYS.iter()
        .find(|binding| binding.command == Command::Pick(index))
        .map_or("", |binding| binding.shown)
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
        // "Start a talk" shows the kinds of talk first; Enter sets up the one marked.
        assert_eq!(home.handle_key(press(KeyCode::Enter)), None);
        assert_eq!(home.kinds, Some(0));
        home.handle_key(press(KeyCode::Down));
        assert_eq!(
            home.handle_key(press(KeyCode::Enter)),
            Some(Action::SetupKind(Kind::Understand))
        );
    }

    #[test]
    fn the_kinds_of_talk_are_picked_by_digit_and_left_with_esc() {
        let mut home = Home::default();
        assert_eq!(home.handle_key(press(KeyCode::Char('t'))), None);
        assert_eq!(home.handle_key(press(KeyCode::Char('9'))), None);
        assert_eq!(
            home.handle_key(press(KeyCode::Char('1'))),
            Some(Action::SetupKind(Kind::Prompts))
        );
        assert_eq!(home.handle_key(press(KeyCode::Esc)), None);
        assert_eq!(
            home.kinds, None,
            "Esc goes back to the menu, not out of heard"
        );
        assert_eq!(home.handle_key(press(KeyCode::Esc)), Some(Action::Quit));
        home.kinds = Some(0);
        let shown = KIND_KEYS.iter().find(|b| b.command == Command::Pick(0));
        assert_eq!(
            shown.map(|b| b.shown),
            Some(format!("1-{}", KINDS.len()).as_str())
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
        assert_eq!(home.handle_key(press(KeyCode::Char('T'))), None);
        assert_eq!(home.kinds, Some(0), "T shows the kinds of talk");
        home.kinds = None;
        assert_eq!(home.handle_key(press(KeyCode::Esc)), Some(Action::Quit));
        assert_eq!(home.handle_key(press(KeyCode::Char('K'))), None);
    }

    #[test]
    fn restart_is_a_key_of_the_demo_only() {
        let mut home = Home::default();
        assert_eq!(home.handle_key(press(KeyCode::Char('r'))), None);
        assert!(!home.keys().iter().any(|(key, _)| *key == "r"));
        home.demo = true;
        assert_eq!(
            home.handle_key(press(KeyCode::Char('r'))),
            Some(Action::RestartDemo)
        );
        assert_eq!(home.handle_key(press(KeyCode::Char('R'))), None);
        assert!(home.keys().iter().any(|(key, _)| *key == "r"));
    }

    #[test]
    fn the_footer_is_what_it_was_before_the_table() {
        let mut home = Home::default();
        let plain = [
            ("↑↓", "choose"),
            ("Enter", "open"),
            ("?", "help"),
            ("q", "quit"),
        ];
        assert_eq!(keymap::hints(&home.keys_here()), plain);
        home.demo = true;
        assert_eq!(
            keymap::hints(&home.keys_here()),
            [
                ("↑↓", "choose"),
                ("Enter", "open"),
                ("r", "restart demo"),
                ("?", "help"),
                ("q", "quit"),
            ]
        );
    }

    #[test]
    fn every_choice_has_its_own_key() {
        let shown: Vec<&str> = (0..ITEMS.len()).map(menu_key).collect();
        assert_eq!(shown, ["t", "s", "h", "d", "?", "q"]);
    }
}
