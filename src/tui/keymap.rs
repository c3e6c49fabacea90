//! One table of keys per screen: it decides what a key does, and the footer hints and the
//! help overlay are read from it, so the three cannot drift apart.
//!
//! After tui-journal's `src/app/keymap.rs`, whose help popup is built from the same table.
//! A key matches as it is listed: a letter that should work in either case is listed twice
//! (`Char('t'), Char('T')`). Modifiers are not looked at, as the screens never did; Ctrl-C
//! is taken by the app before any screen sees it.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

/// One thing a screen does, the keys that do it, and how hints and help describe it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding<C: Copy + 'static> {
    /// Every key that triggers it.
    pub keys: &'static [KeyCode],
    /// How the key is written in hints and help: "Enter", "↑↓", "1-5".
    pub shown: &'static str,
    /// The footer's short word ("done"); `None` keeps it out of the footer.
    pub hint: Option<&'static str>,
    /// The help overlay's sentence; empty when the keys that work everywhere already say it.
    pub help: &'static str,
    /// What the screen does with it. A command that needs the key itself (a digit on a
    /// scale) reads it from the event the caller still holds.
    pub command: C,
}

/// The command of the first binding that lists this key, for a press only.
pub fn find<C: Copy>(table: &[Binding<C>], key: &KeyEvent) -> Option<C> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    table
        .iter()
        .find(|binding| binding.keys.contains(&key.code))
        .map(|binding| binding.command)
}

/// The footer's pairs of (key, word), in table order. Bindings written the same way (↑ and
/// ↓ as one "↑↓ move") are shown once.
pub fn hints<C: Copy>(table: &[Binding<C>]) -> Vec<(&'static str, &'static str)> {
    once_each(
        table
            .iter()
            .filter_map(|binding| binding.hint.map(|hint| (binding.shown, hint))),
    )
}

/// The help overlay's pairs of (key, sentence), in table order, each once; bindings with
/// no sentence of their own are left to the keys that work everywhere.
pub fn help_lines<C: Copy>(table: &[Binding<C>]) -> Vec<(&'static str, &'static str)> {
    once_each(
        table
            .iter()
            .filter(|binding| !binding.help.is_empty())
            .map(|binding| (binding.shown, binding.help)),
    )
}

fn once_each(
    pairs: impl Iterator<Item = (&'static str, &'static str)>,
) -> Vec<(&'static str, &'static str)> {
    let mut out: Vec<(&'static str, &'static str)> = Vec::new();
    for pair in pairs {
        if !out.contains(&pair) {
            out.push(pair);
        }
    }
    out
}

/// The digit keys, `0` to `9`, for [`digits`].
const DIGITS: [KeyCode; 10] = [
    KeyCode::Char('0'),
    KeyCode::Char('1'),
    KeyCode::Char('2'),
    KeyCode::Char('3'),
    KeyCode::Char('4'),
    KeyCode::Char('5'),
    KeyCode::Char('6'),
    KeyCode::Char('7'),
    KeyCode::Char('8'),
    KeyCode::Char('9'),
];

/// The digit keys `from` to `to`, both included, for a binding's `keys`: `digits(1, 5)`.
pub const fn digits(from: usize, to: usize) -> &'static [KeyCode] {
    DIGITS.as_slice().split_at(to + 1).0.split_at(from).1
}

/// The digit a key stands for, for a command such as "pick a step on the scale".
pub fn digit(key: &KeyEvent) -> Option<u8> {
    match key.code {
        KeyCode::Char(c) => c.to_digit(10).and_then(|d| u8::try_from(d).ok()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crossterm::event::KeyModifiers;

    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Command {
        Up,
        Down,
        Done,
        Pick,
        Help,
        Quiet,
    }

    const TABLE: &[Binding<Command>] = &[
        Binding {
            keys: &[KeyCode::Up, KeyCode::Char('k')],
            shown: "↑↓",
            hint: Some("move"),
            help: "move between choices",
            command: Command::Up,
        },
        Binding {
            keys: &[KeyCode::Down, KeyCode::Char('j')],
            shown: "↑↓",
            hint: Some("move"),
            help: "move between choices",
            command: Command::Down,
        },
        Binding {
            keys: &[KeyCode::Enter, KeyCode::Char('d'), KeyCode::Char('D')],
            shown: "Enter",
            hint: Some("done"),
            help: "done with this step",
            command: Command::Done,
        },
        Binding {
            keys: digits(1, 5),
            shown: "1-5",
            hint: None,
            help: "pick a step on the scale",
            command: Command::Pick,
        },
        Binding {
            keys: &[KeyCode::Char('?')],
            shown: "?",
            hint: Some("help"),
            help: "",
            command: Command::Help,
        },
        Binding {
            // Listed twice: the first binding for a key wins.
            keys: &[KeyCode::Char('k'), KeyCode::Tab],
            shown: "Tab",
            hint: None,
            help: "",
            command: Command::Quiet,
        },
    ];

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn find_gives_the_first_binding_that_lists_the_key() {
        assert_eq!(find(TABLE, &press(KeyCode::Up)), Some(Command::Up));
        assert_eq!(find(TABLE, &press(KeyCode::Char('k'))), Some(Command::Up));
        assert_eq!(find(TABLE, &press(KeyCode::Char('j'))), Some(Command::Down));
        assert_eq!(find(TABLE, &press(KeyCode::Tab)), Some(Command::Quiet));
        assert_eq!(find(TABLE, &press(KeyCode::Char('x'))), None);
        assert_eq!(
            find(&[] as &[Binding<Command>], &press(KeyCode::Enter)),
            None
        );
    }

    #[test]
    fn find_takes_letters_as_listed_and_ignores_modifiers() {
        assert_eq!(find(TABLE, &press(KeyCode::Char('D'))), Some(Command::Done));
        assert_eq!(find(TABLE, &press(KeyCode::Char('K'))), None);
        let shifted = KeyEvent::new(KeyCode::Char('D'), KeyModifiers::SHIFT);
        assert_eq!(find(TABLE, &shifted), Some(Command::Done));
        let alt = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::ALT);
        assert_eq!(find(TABLE, &alt), Some(Command::Down));
    }

    #[test]
    fn find_answers_presses_only() {
        let mut release = press(KeyCode::Enter);
        release.kind = KeyEventKind::Release;
        assert_eq!(find(TABLE, &release), None);
        let mut repeat = press(KeyCode::Enter);
        repeat.kind = KeyEventKind::Repeat;
        assert_eq!(find(TABLE, &repeat), None);
    }

    #[test]
    fn digits_and_the_digit_of_a_key() {
        assert_eq!(
            digits(1, 3),
            &[KeyCode::Char('1'), KeyCode::Char('2'), KeyCode::Char('3')]
        );
        assert_eq!(digits(0, 9).len(), 10);
        assert_eq!(digits(7, 7), &[KeyCode::Char('7')]);
        assert_eq!(find(TABLE, &press(KeyCode::Char('5'))), Some(Command::Pick));
        assert_eq!(find(TABLE, &press(KeyCode::Char('6'))), None);
        assert_eq!(digit(&press(KeyCode::Char('4'))), Some(4));
        assert_eq!(digit(&press(KeyCode::Char('0'))), Some(0));
        assert_eq!(digit(&press(KeyCode::Char('a'))), None);
        assert_eq!(digit(&press(KeyCode::Enter)), None);
    }

    #[test]
    fn hints_keep_table_order_once_each_and_skip_the_unhinted() {
        assert_eq!(
            hints(TABLE),
            vec![("↑↓", "move"), ("Enter", "done"), ("?", "help")]
        );
    }

    #[test]
    fn help_lines_keep_table_order_once_each_and_skip_the_unexplained() {
        assert_eq!(
            help_lines(TABLE),
            vec![
                ("↑↓", "move between choices"),
                ("Enter", "done with this step"),
                ("1-5", "pick a step on the scale"),
            ]
        );
    }
}
