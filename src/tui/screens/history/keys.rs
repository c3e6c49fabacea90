//! Looking back's keys, one table per view and one for a talk opened in full: what a key
//! does there, its footer hint and its line in help.

use crossterm::event::KeyCode;

use super::View;
use crate::tui::keymap::Binding;

/// What a key does in looking back. `Next` and `Previous` are one step in whatever the view
/// shows: a row of the list, a chart, a line of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Command {
    Back,
    Help,
    NextView,
    PreviousView,
    Show(View),
    Next,
    Previous,
    PageDown,
    PageUp,
    First,
    Last,
    Open,
    /// In a talk opened in full: the talk listed before (-1) or after (1) it.
    OtherTalk(isize),
    /// Open one person's notes and reflections (asking whose), or close them.
    Notes,
    /// In the chooser of whose notes: open the marked person's.
    Choose,
    /// In the chooser: not now.
    NotNow,
    /// Look back at another couple's talks (asking which), when the journal has several.
    OtherCouple,
    /// In the chooser of which couple: the couple of the digit pressed.
    Pick,
}

// In every view.

const SHIFT_TAB: Binding<Command> = Binding {
    keys: &[KeyCode::BackTab],
    shown: "Shift-Tab",
    hint: None,
    help: "the view before",
    command: Command::PreviousView,
};

const SHOW_TALKS: Binding<Command> = Binding {
    keys: &[KeyCode::Char('1')],
    shown: "1 2 3 4",
    hint: None,
    help: "straight to talks, charts, in words or what you appreciated",
    command: Command::Show(View::Talks),
};

const SHOW_CHARTS: Binding<Command> = Binding {
    keys: &[KeyCode::Char('2')],
    command: Command::Show(View::Charts),
    ..SHOW_TALKS
};

const SHOW_WORDS: Binding<Command> = Binding {
    keys: &[KeyCode::Char('3')],
    command: Command::Show(View::Words),
    ..SHOW_TALKS
};

const SHOW_APPRECIATED: Binding<Command> = Binding {
    keys: &[KeyCode::Char('4')],
    command: Command::Show(View::Appreciated),
    ..SHOW_TALKS
};

/// Shown beside the tabs, with the couple's names, when the journal has more than one.
const OTHER_COUPLE: Binding<Command> = Binding {
    keys: &[KeyCode::Char('c')],
    shown: "c",
    hint: None,
    help: "look back at another couple's talks (when the journal holds more than one)",
    command: Command::OtherCouple,
};

const BACK: Binding<Command> = Binding {
    keys: &[KeyCode::Esc, KeyCode::Char('q')],
    shown: "Esc",
    hint: Some("back"),
    help: "back home (q too)",
    command: Command::Back,
};

const HELP: Binding<Command> = Binding {
    keys: &[KeyCode::Char('?')],
    shown: "?",
    hint: Some("help"),
    help: "",
    command: Command::Help,
};

// The list of talks and a talk opened in full.

const NOTES: Binding<Command> = Binding {
    keys: &[KeyCode::Char('o')],
    shown: "o",
    hint: Some("notes"),
    help: "open my notes: asks whose, shows only that person's; o again closes them",
    command: Command::Notes,
};

/// In a talk opened in full the footer is full already: the key is in help, and the list's
/// footer shows it.
const NOTES_IN_TALK: Binding<Command> = Binding {
    hint: None,
    ..NOTES
};

// The list of talks.

const OPEN: Binding<Command> = Binding {
    keys: &[KeyCode::Enter, KeyCode::Right],
    shown: "Enter",
    hint: Some("open"),
    help: "open the marked talk in full (→ too)",
    command: Command::Open,
};

const ROW_UP: Binding<Command> = Binding {
    keys: &[KeyCode::Up, KeyCode::Char('k')],
    shown: "↑↓",
    hint: Some("move"),
    help: "move through the talks",
    command: Command::Previous,
};

const ROW_DOWN: Binding<Command> = Binding {
    keys: &[KeyCode::Down, KeyCode::Char('j')],
    command: Command::Next,
    ..ROW_UP
};

const ROWS_UP: Binding<Command> = Binding {
    keys: &[KeyCode::PageUp],
    shown: "PgUp PgDn",
    hint: None,
    help: "move ten talks at a time",
    command: Command::PageUp,
};

const ROWS_DOWN: Binding<Command> = Binding {
    keys: &[KeyCode::PageDown],
    command: Command::PageDown,
    ..ROWS_UP
};

const NEWEST: Binding<Command> = Binding {
    keys: &[KeyCode::Home],
    shown: "Home End",
    hint: None,
    help: "the newest or the oldest talk",
    command: Command::First,
};

const OLDEST: Binding<Command> = Binding {
    keys: &[KeyCode::End],
    command: Command::Last,
    ..NEWEST
};

const TO_CHARTS: Binding<Command> = Binding {
    keys: &[KeyCode::Tab],
    shown: "Tab",
    hint: Some("charts"),
    help: "on to the charts",
    command: Command::NextView,
};

// The charts.

const NEXT_CHART: Binding<Command> = Binding {
    keys: &[KeyCode::Right, KeyCode::Down, KeyCode::Char('l')],
    shown: "←→",
    hint: Some("other chart"),
    help: "the next or the previous chart (↑ ↓ too)",
    command: Command::Next,
};

const PREVIOUS_CHART: Binding<Command> = Binding {
    keys: &[KeyCode::Left, KeyCode::Up, KeyCode::Char('h')],
    command: Command::Previous,
    ..NEXT_CHART
};

const TO_WORDS: Binding<Command> = Binding {
    keys: &[KeyCode::Tab],
    shown: "Tab",
    hint: Some("in words"),
    help: "on to what your talks show, in words",
    command: Command::NextView,
};

// In words.

const WORDS_UP: Binding<Command> = Binding {
    keys: &[KeyCode::Up, KeyCode::Char('k'), KeyCode::PageUp],
    shown: "↑↓",
    hint: Some("scroll"),
    help: "scroll the text",
    command: Command::Previous,
};

const WORDS_DOWN: Binding<Command> = Binding {
    keys: &[KeyCode::Down, KeyCode::Char('j'), KeyCode::PageDown],
    command: Command::Next,
    ..WORDS_UP
};

const TO_APPRECIATED: Binding<Command> = Binding {
    keys: &[KeyCode::Tab],
    shown: "Tab",
    hint: Some("appreciated"),
    help: "on to what you appreciated in each other",
    command: Command::NextView,
};

// What you appreciated.

const TO_TALKS: Binding<Command> = Binding {
    keys: &[KeyCode::Tab],
    shown: "Tab",
    hint: Some("talks"),
    help: "back to the list of talks",
    command: Command::NextView,
};

// A talk opened in full.

const LINE_UP: Binding<Command> = Binding {
    keys: &[KeyCode::Up, KeyCode::Char('k')],
    shown: "↑↓",
    hint: Some("scroll"),
    help: "scroll through the talk",
    command: Command::Previous,
};

const LINE_DOWN: Binding<Command> = Binding {
    keys: &[KeyCode::Down, KeyCode::Char('j')],
    command: Command::Next,
    ..LINE_UP
};

const PAGE_UP: Binding<Command> = Binding {
    keys: &[KeyCode::PageUp],
    shown: "PgUp PgDn",
    hint: None,
    help: "scroll a page at a time (Space goes down too)",
    command: Command::PageUp,
};

const PAGE_DOWN: Binding<Command> = Binding {
    keys: &[KeyCode::PageDown, KeyCode::Char(' ')],
    command: Command::PageDown,
    ..PAGE_UP
};

const TOP: Binding<Command> = Binding {
    keys: &[KeyCode::Home],
    shown: "Home",
    hint: None,
    help: "back to the top",
    command: Command::First,
};

const TALK_BEFORE: Binding<Command> = Binding {
    keys: &[KeyCode::Left],
    shown: "←→",
    hint: Some("other talks"),
    help: "the talk listed before or after this one",
    command: Command::OtherTalk(-1),
};

const TALK_AFTER: Binding<Command> = Binding {
    keys: &[KeyCode::Right],
    command: Command::OtherTalk(1),
    ..TALK_BEFORE
};

const CLOSE: Binding<Command> = Binding {
    keys: &[KeyCode::Esc, KeyCode::Char('q'), KeyCode::Backspace],
    shown: "Esc",
    hint: Some("back to the list"),
    help: "back to the list (q and Backspace too)",
    command: Command::Back,
};

// Choosing whose notes to open.

const CHOOSE_UP: Binding<Command> = Binding {
    keys: &[KeyCode::Up, KeyCode::Char('k')],
    shown: "↑↓",
    hint: Some("whose"),
    help: "mark a name",
    command: Command::Previous,
};

const CHOOSE_DOWN: Binding<Command> = Binding {
    keys: &[KeyCode::Down, KeyCode::Char('j')],
    command: Command::Next,
    ..CHOOSE_UP
};

const CHOOSE: Binding<Command> = Binding {
    keys: &[KeyCode::Enter],
    shown: "Enter",
    hint: Some("open"),
    help: "open the marked person's notes and reflections",
    command: Command::Choose,
};

const NOT_NOW: Binding<Command> = Binding {
    keys: &[KeyCode::Esc, KeyCode::Char('q'), KeyCode::Char('o')],
    shown: "Esc",
    hint: Some("not now"),
    help: "open nobody's notes (q and o too)",
    command: Command::NotNow,
};

const CHOOSER: &[Binding<Command>] = &[CHOOSE_UP, CHOOSE_DOWN, CHOOSE, NOT_NOW, HELP];

// Choosing which couple's talks to look back at.

const COUPLE_UP: Binding<Command> = Binding {
    keys: &[KeyCode::Up, KeyCode::Char('k')],
    shown: "↑↓",
    hint: Some("move"),
    help: "mark a couple",
    command: Command::Previous,
};

const COUPLE_DOWN: Binding<Command> = Binding {
    keys: &[KeyCode::Down, KeyCode::Char('j')],
    command: Command::Next,
    ..COUPLE_UP
};

const COUPLE_PICK: Binding<Command> = Binding {
    keys: crate::tui::keymap::digits(1, 9),
    shown: "1-9",
    hint: Some("pick"),
    help: "look back at that couple's talks",
    command: Command::Pick,
};

const COUPLE_CHOOSE: Binding<Command> = Binding {
    keys: &[KeyCode::Enter],
    shown: "Enter",
    hint: Some("look back"),
    help: "look back at the marked couple's talks",
    command: Command::Choose,
};

const COUPLE_NOT_NOW: Binding<Command> = Binding {
    keys: &[KeyCode::Esc, KeyCode::Char('q')],
    shown: "Esc",
    hint: Some("back"),
    help: "back, without changing whose talks show (q too)",
    command: Command::NotNow,
};

const COUPLES: &[Binding<Command>] = &[
    COUPLE_UP,
    COUPLE_DOWN,
    COUPLE_PICK,
    COUPLE_CHOOSE,
    COUPLE_NOT_NOW,
    HELP,
];

const TALKS: &[Binding<Command>] = &[
    OPEN,
    ROW_UP,
    ROW_DOWN,
    ROWS_UP,
    ROWS_DOWN,
    NEWEST,
    OLDEST,
    NOTES,
    TO_CHARTS,
    SHIFT_TAB,
    SHOW_TALKS,
    SHOW_CHARTS,
    SHOW_WORDS,
    SHOW_APPRECIATED,
    OTHER_COUPLE,
    BACK,
    HELP,
];

const CHARTS: &[Binding<Command>] = &[
    NEXT_CHART,
    PREVIOUS_CHART,
    TO_WORDS,
    SHIFT_TAB,
    SHOW_TALKS,
    SHOW_CHARTS,
    SHOW_WORDS,
    SHOW_APPRECIATED,
    OTHER_COUPLE,
    BACK,
    HELP,
];

const WORDS: &[Binding<Command>] = &[
    WORDS_UP,
    WORDS_DOWN,
    TO_APPRECIATED,
    SHIFT_TAB,
    SHOW_TALKS,
    SHOW_CHARTS,
    SHOW_WORDS,
    SHOW_APPRECIATED,
    OTHER_COUPLE,
    BACK,
    HELP,
];

const APPRECIATED: &[Binding<Command>] = &[
    WORDS_UP,
    WORDS_DOWN,
    TO_TALKS,
    SHIFT_TAB,
    SHOW_TALKS,
    SHOW_CHARTS,
    SHOW_WORDS,
    SHOW_APPRECIATED,
    OTHER_COUPLE,
    BACK,
    HELP,
];

const DETAIL: &[Binding<Command>] = &[
    LINE_UP,
    LINE_DOWN,
    PAGE_UP,
    PAGE_DOWN,
    TOP,
    TALK_BEFORE,
    TALK_AFTER,
    NOTES_IN_TALK,
    CLOSE,
    HELP,
];

/// What is showing, for its table of keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Showing {
    View(View),
    /// A talk opened in full.
    Detail,
    /// The chooser of whose notes.
    Notes,
    /// The chooser of which couple.
    Couples,
}

/// The keys of what is showing, in footer order.
pub(super) fn table(showing: Showing) -> &'static [Binding<Command>] {
    match showing {
        Showing::Couples => COUPLES,
        Showing::Notes => CHOOSER,
        Showing::Detail => DETAIL,
        Showing::View(View::Talks) => TALKS,
        Showing::View(View::Charts) => CHARTS,
        Showing::View(View::Words) => WORDS,
        Showing::View(View::Appreciated) => APPRECIATED,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{self, hints};

    #[test]
    fn each_footer_is_what_it_was_before_the_tables() {
        assert_eq!(
            hints(table(Showing::View(View::Talks))),
            [
                ("Enter", "open"),
                ("↑↓", "move"),
                ("o", "notes"),
                ("Tab", "charts"),
                ("Esc", "back"),
                ("?", "help"),
            ]
        );
        assert_eq!(
            hints(table(Showing::View(View::Charts))),
            [
                ("←→", "other chart"),
                ("Tab", "in words"),
                ("Esc", "back"),
                ("?", "help"),
            ]
        );
        assert_eq!(
            hints(table(Showing::View(View::Words))),
            [
                ("↑↓", "scroll"),
                ("Tab", "appreciated"),
                ("Esc", "back"),
                ("?", "help"),
            ]
        );
        assert_eq!(
            hints(table(Showing::Detail)),
            [
                ("↑↓", "scroll"),
                ("←→", "other talks"),
                ("Esc", "back to the list"),
                ("?", "help"),
            ]
        );
    }

    #[test]
    fn no_key_means_two_things_in_one_table() {
        let mut every: Vec<Showing> = View::ALL.into_iter().map(Showing::View).collect();
        every.extend([Showing::Detail, Showing::Notes, Showing::Couples]);
        for showing in every {
            let table = table(showing);
            let keys: Vec<KeyCode> = table.iter().flat_map(|b| b.keys.iter().copied()).collect();
            for (i, key) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(key), "{key:?} twice in {showing:?}");
            }
            assert!(!keymap::help_lines(table).is_empty());
        }
    }
}
