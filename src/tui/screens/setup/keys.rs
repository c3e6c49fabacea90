//! Setup's keys, one table per kind of field: what a key does there, its footer hint and
//! its line in help.

use crossterm::event::KeyCode;

use super::Field;
use crate::tui::keymap::Binding;

/// What a key does in setup; `Less` and `More` change whichever value has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Command {
    Back,
    Next,
    Previous,
    Help,
    Begin,
    Less,
    More,
    Toggle,
}

const PREVIOUS: Binding<Command> = Binding {
    keys: &[KeyCode::BackTab, KeyCode::Up],
    shown: "↑↓",
    hint: Some("move"),
    help: "move between the fields (Tab and Shift-Tab too)",
    command: Command::Previous,
};

const NEXT: Binding<Command> = Binding {
    keys: &[KeyCode::Tab, KeyCode::Down],
    shown: "↑↓",
    hint: Some("move"),
    help: "move between the fields (Tab and Shift-Tab too)",
    command: Command::Next,
};

/// In a name, Enter moves on: both names are typed before anything starts.
const NAME_DONE: Binding<Command> = Binding {
    keys: &[KeyCode::Enter],
    shown: "Enter",
    hint: Some("next"),
    help: "on to the next field",
    command: Command::Next,
};

const LESS: Binding<Command> = Binding {
    keys: &[KeyCode::Left],
    shown: "←→",
    hint: Some("change"),
    help: "change the deck, the length, the number of prompts or the speaking time",
    command: Command::Less,
};

const MORE: Binding<Command> = Binding {
    keys: &[KeyCode::Right],
    shown: "←→",
    hint: Some("change"),
    help: "change the deck, the length, the number of prompts or the speaking time",
    command: Command::More,
};

const TOGGLE: Binding<Command> = Binding {
    keys: &[KeyCode::Char(' '), KeyCode::Left, KeyCode::Right],
    shown: "Space",
    hint: Some("yes or no"),
    help: "start with the marked prompts, or not (← → too)",
    command: Command::Toggle,
};

const BEGIN: Binding<Command> = Binding {
    keys: &[KeyCode::Enter],
    shown: "Enter",
    hint: Some("begin"),
    help: "begin, from any field but a name",
    command: Command::Begin,
};

const BACK: Binding<Command> = Binding {
    keys: &[KeyCode::Esc],
    shown: "Esc",
    hint: Some("back"),
    help: "",
    command: Command::Back,
};

const HELP: Binding<Command> = Binding {
    keys: &[KeyCode::Char('?')],
    shown: "?",
    hint: Some("help"),
    help: "",
    command: Command::Help,
};

/// In a name every key not listed here types, `?` too.
const NAME: &[Binding<Command>] = &[PREVIOUS, NEXT, NAME_DONE, BACK];
const VALUE: &[Binding<Command>] = &[PREVIOUS, NEXT, LESS, MORE, BEGIN, BACK, HELP];
const CARRIED: &[Binding<Command>] = &[PREVIOUS, NEXT, TOGGLE, BEGIN, BACK, HELP];
const BEGIN_LINE: &[Binding<Command>] = &[PREVIOUS, NEXT, BEGIN, BACK, HELP];

/// The keys with the focus on `field`, in footer order.
pub(super) fn table(field: Field) -> &'static [Binding<Command>] {
    match field {
        Field::Name(_) => NAME,
        Field::Deck | Field::Length | Field::Prompts | Field::Timer => VALUE,
        Field::Carried => CARRIED,
        Field::Begin => BEGIN_LINE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::hints;

    #[test]
    fn each_footer_is_what_it_was_before_the_tables() {
        assert_eq!(
            hints(table(Field::Name(1))),
            [("↑↓", "move"), ("Enter", "next"), ("Esc", "back")]
        );
        for field in [Field::Deck, Field::Length, Field::Prompts, Field::Timer] {
            assert_eq!(
                hints(table(field)),
                [
                    ("↑↓", "move"),
                    ("←→", "change"),
                    ("Enter", "begin"),
                    ("Esc", "back"),
                    ("?", "help"),
                ]
            );
        }
        assert_eq!(
            hints(table(Field::Carried)),
            [
                ("↑↓", "move"),
                ("Space", "yes or no"),
                ("Enter", "begin"),
                ("Esc", "back"),
                ("?", "help"),
            ]
        );
        assert_eq!(
            hints(table(Field::Begin)),
            [
                ("↑↓", "move"),
                ("Enter", "begin"),
                ("Esc", "back"),
                ("?", "help"),
            ]
        );
    }

    #[test]
    fn in_a_name_the_question_mark_is_not_a_key() {
        assert!(
            !table(Field::Name(0))
                .iter()
                .any(|b| b.keys.contains(&KeyCode::Char('?')))
        );
    }
}
