//! Keys in one table per screen: the same table drives what a key does, the footer's
//! hints and the help overlay, so the three cannot drift apart.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// One key (or several that mean the same) on a screen.
#[derive(Debug, Clone, Copy)]
pub struct Binding<C: Copy + 'static> {
    /// Every key that triggers it.
    pub keys: &'static [KeyCode],
    /// How the key is written in hints and help: "Enter", "↑ ↓", "1-5".
    pub shown: &'static str,
    /// The footer's short word ("done"); `None` keeps it out of the footer.
    pub hint: Option<&'static str>,
    /// The help overlay's sentence.
    pub help: &'static str,
    /// What the screen does with it.
    pub command: C,
}

/// The command bound to `key` in `table`. Letters match either case; Ctrl and Alt
/// combinations match nothing here (Ctrl-C is the app's own).
pub fn find<C: Copy>(table: &[Binding<C>], key: &KeyEvent) -> Option<C> {
    if key.kind != KeyEventKind::Press
        || key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    let code = match key.code {
        KeyCode::Char(c) => KeyCode::Char(c.to_ascii_lowercase()),
        other => other,
    };
    table
        .iter()
        .find(|b| b.keys.contains(&code) || b.keys.contains(&key.code))
        .map(|b| b.command)
}

/// The footer's hints: (key as shown, short word), for the bindings that have one.
pub fn hints<C: Copy>(table: &[Binding<C>]) -> Vec<(&'static str, &'static str)> {
    table
        .iter()
        .filter_map(|b| b.hint.map(|hint| (b.shown, hint)))
        .collect()
}

/// The help overlay's lines: (key as shown, what it does).
pub fn help_lines<C: Copy>(table: &[Binding<C>]) -> Vec<(&'static str, &'static str)> {
    table.iter().map(|b| (b.shown, b.help)).collect()
}

/// The digit a key stands for on a 1..=max scale.
pub fn digit(key: &KeyEvent, max: u8) -> Option<u8> {
    match key.code {
        KeyCode::Char(c @ '1'..='9') => Some(c as u8 - b'0').filter(|n| *n <= max),
        _ => None,
    }
}

/// Every digit key 1-9, for a scale's binding.
pub const DIGITS: &[KeyCode] = &[
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

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Do {
        Go,
        Pass,
    }

    const TABLE: &[Binding<Do>] = &[
        Binding {
            keys: &[KeyCode::Enter],
            shown: "Enter",
            hint: Some("done"),
            help: "go on",
            command: Do::Go,
        },
        Binding {
            keys: &[KeyCode::Char('s')],
            shown: "s",
            hint: None,
            help: "pass this prompt",
            command: Do::Pass,
        },
    ];

    #[test]
    fn the_table_decides_the_key_the_hint_and_the_help() {
        let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
        assert_eq!(find(TABLE, &key(KeyCode::Enter)), Some(Do::Go));
        assert_eq!(find(TABLE, &key(KeyCode::Char('S'))), Some(Do::Pass));
        assert_eq!(find(TABLE, &key(KeyCode::Char('x'))), None);
        let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(find(TABLE, &ctrl_s), None);
        assert_eq!(hints(TABLE), [("Enter", "done")]);
        assert_eq!(
            help_lines(TABLE),
            [("Enter", "go on"), ("s", "pass this prompt")]
        );
    }

    #[test]
    fn digits_stay_on_their_scale() {
        let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(digit(&key('5'), 5), Some(5));
        assert_eq!(digit(&key('6'), 5), None);
        assert_eq!(digit(&key('7'), 7), Some(7));
        assert_eq!(digit(&key('0'), 5), None);
    }
}
