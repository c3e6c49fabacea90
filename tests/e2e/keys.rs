//! The keys and signals a test can send to heard.

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
            Signal::Kill => "KILL",
        }
    }
}
