//! The keys and signals a test can send to heard: one set of typed keys for the headless
//! flows (as crossterm events) and for the real binary in a pty (as the bytes a terminal
//! sends), so both layers press the same keys.

#![allow(dead_code)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A key as the terminal sends it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    Space,
    CtrlC,
    /// Ctrl with a letter, e.g. `Ctrl('d')`.
    Ctrl(char),
    /// A digit, letter or any other printable character.
    Char(char),
}

impl Key {
    /// A key by the name the headless tests write it: "Enter", "Esc", "Tab", "BackTab",
    /// "Up", "Down", "Left", "Right", "Space", "Backspace", "C-c", or one character.
    pub fn named(name: &str) -> Key {
        match name {
            "Enter" => Key::Enter,
            "Esc" => Key::Esc,
            "Tab" => Key::Tab,
            "BackTab" => Key::BackTab,
            "Backspace" => Key::Backspace,
            "Delete" => Key::Delete,
            "Up" => Key::Up,
            "Down" => Key::Down,
            "Left" => Key::Left,
            "Right" => Key::Right,
            "Home" => Key::Home,
            "End" => Key::End,
            "PageUp" => Key::PageUp,
            "PageDown" => Key::PageDown,
            "Space" => Key::Space,
            "C-c" => Key::CtrlC,
            single => {
                let mut chars = single.chars();
                let c = chars.next().expect("a key");
                assert!(chars.next().is_none(), "unknown key name {single:?}");
                Key::Char(c)
            }
        }
    }

    /// The key as crossterm hands it to the app, for the headless tests.
    pub fn event(self) -> KeyEvent {
        let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
        match self {
            Key::Enter => plain(KeyCode::Enter),
            Key::Esc => plain(KeyCode::Esc),
            Key::Tab => plain(KeyCode::Tab),
            Key::BackTab => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
            Key::Backspace => plain(KeyCode::Backspace),
            Key::Delete => plain(KeyCode::Delete),
            Key::Up => plain(KeyCode::Up),
            Key::Down => plain(KeyCode::Down),
            Key::Left => plain(KeyCode::Left),
            Key::Right => plain(KeyCode::Right),
            Key::Home => plain(KeyCode::Home),
            Key::End => plain(KeyCode::End),
            Key::PageUp => plain(KeyCode::PageUp),
            Key::PageDown => plain(KeyCode::PageDown),
            Key::Space => plain(KeyCode::Char(' ')),
            Key::CtrlC => KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Key::Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
            Key::Char(c) => plain(KeyCode::Char(c)),
        }
    }

    /// The bytes an xterm sends for this key.
    pub fn bytes(self) -> Vec<u8> {
        let text: &str = match self {
            // A pty's Enter is a carriage return; crossterm reads "\r" as Enter in raw mode.
            Key::Enter => "\r",
            Key::Esc => "\x1b",
            Key::Tab => "\t",
            Key::BackTab => "\x1b[Z",
            Key::Backspace => "\x7f",
            Key::Delete => "\x1b[3~",
            Key::Up => "\x1b[A",
            Key::Down => "\x1b[B",
            Key::Right => "\x1b[C",
            Key::Left => "\x1b[D",
            Key::Home => "\x1b[H",
            Key::End => "\x1b[F",
            Key::PageUp => "\x1b[5~",
            Key::PageDown => "\x1b[6~",
            Key::Space => " ",
            Key::CtrlC => "\x03",
            Key::Ctrl(c) => {
                let letter = c.to_ascii_lowercase();
                assert!(
                    letter.is_ascii_lowercase(),
                    "Ctrl needs a letter, not {c:?}"
                );
                return vec![letter as u8 - b'a' + 1];
            }
            Key::Char(c) => return c.to_string().into_bytes(),
        };
        text.as_bytes().to_vec()
    }
}

/// A signal to send to heard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signal {
    /// The terminal window was closed.
    Hup,
    Int,
    Term,
    /// Ctrl-\ in a cooked terminal; by default it dumps core.
    Quit,
    Usr1,
    Alrm,
    /// A crash or `kill -9`: no chance to save anything.
    Kill,
}

impl Signal {
    /// The name `kill` knows it by.
    pub fn name(self) -> &'static str {
        match self {
            Signal::Hup => "HUP",
            Signal::Int => "INT",
            Signal::Term => "TERM",
            Signal::Quit => "QUIT",
            Signal::Usr1 => "USR1",
            Signal::Alrm => "ALRM",
            Signal::Kill => "KILL",
        }
    }
}
