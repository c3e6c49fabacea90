//! The keys every kind of talk shares: one vocabulary of commands and the tables that
//! mean the same on every activity's steps (help, leave, a break, a 1-5 scale).

use crossterm::event::KeyCode;

use crate::tui::keymap::{self, Binding, digits};
use crate::words;

/// What a key asks for on a step of an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Help,
    Leave,
    Break,
    /// Hand the step's choice on.
    Next,
    /// Leave a scale unanswered and go on.
    Skip,
    /// Pass this turn or prompt.
    Pass,
    /// A digit, an arrow or a clear on a scale.
    Pick,
    /// Between the two scales of a rating.
    Switch,
    /// Pause or resume the speaking timer.
    Pause,
    /// Open the text field (a note, a reflection).
    Write,
    Yes,
    No,
    Toggle,
    /// Saving the finished talk failed: try again.
    Retry,
    /// Back to the previous step of this turn.
    Back,
    /// Ask the listener to try again.
    TryAgain,
    /// "Partly - let me add", the third answer on the floor.
    Partly,
    /// Name the warning signs and offer the break.
    TimeOut,
    /// Whether the topic shows in the shared history.
    Share,
    /// No more of these from this partner (the week's appreciations).
    Done,
}

pub const fn bind(
    keys: &'static [KeyCode],
    shown: &'static str,
    hint: Option<&'static str>,
    help: &'static str,
    command: Cmd,
) -> Binding<Cmd> {
    Binding {
        keys,
        shown,
        hint,
        help,
        command,
    }
}

pub const ENTER: &[KeyCode] = &[KeyCode::Enter];
pub const ARROWS: &[KeyCode] = &[
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Char('h'),
    KeyCode::Char('l'),
];
pub const CLEAR: &[KeyCode] = &[KeyCode::Char('0'), KeyCode::Backspace, KeyCode::Delete];
const BREAK_HELP: &str = "take a break: a calm pause of about 20 minutes";

/// The break key with its footer word, on the steps where it is shown.
pub const BREAK: Binding<Cmd> = bind(
    &[KeyCode::Char('b')],
    "b",
    Some("break"),
    BREAK_HELP,
    Cmd::Break,
);
pub const PASS: Binding<Cmd> = bind(
    &[KeyCode::Char('s')],
    "s",
    Some("pass"),
    "pass this prompt, no reason needed",
    Cmd::Pass,
);

/// Keys on every step but the break and the summary.
pub const EVERY_STEP: &[Binding<Cmd>] = &[
    bind(
        &[KeyCode::Char('?')],
        "?",
        Some("help"),
        "this help",
        Cmd::Help,
    ),
    bind(
        &[KeyCode::Esc, KeyCode::Char('q')],
        "q",
        Some("leave"),
        "leave for now; heard asks what to do with the talk",
        Cmd::Leave,
    ),
    bind(&[KeyCode::Char('b')], "b", None, BREAK_HELP, Cmd::Break),
];

/// Keys on the break and the summary: no break from a break.
pub const AT_REST: &[Binding<Cmd>] = &[EVERY_STEP[0], EVERY_STEP[1]];

/// A 1-5 scale that can be skipped: the check-in, the mood after, the listener's guess.
pub const SCALE_5: &[Binding<Cmd>] = &[
    bind(
        digits(1, 5),
        "1-5",
        Some("choose"),
        "pick a step on the scale",
        Cmd::Pick,
    ),
    bind(
        ENTER,
        "Enter",
        Some("next"),
        "go on with what is chosen",
        Cmd::Next,
    ),
    bind(
        &[KeyCode::Char('s')],
        "s",
        Some("skip"),
        "skip it, no reason needed",
        Cmd::Skip,
    ),
    bind(ARROWS, "← →", None, "move along the scale", Cmd::Pick),
    bind(CLEAR, "0", None, "leave the scale unanswered", Cmd::Pick),
];

/// A yes or no question: Enter gives the answer marked, arrows mark one.
pub const ANSWER_MARKED: Binding<Cmd> = bind(
    ENTER,
    "Enter",
    Some("next"),
    "answer with the choice marked",
    Cmd::Next,
);
pub const MOVE_BETWEEN_ANSWERS: Binding<Cmd> = bind(
    &[
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Tab,
        KeyCode::Up,
        KeyCode::Down,
    ],
    "← →",
    None,
    "move between the answers",
    Cmd::Toggle,
);

/// A yes or no with nothing chosen at first: `y` and `n` answer, arrows mark a choice and
/// Enter gives it; `None` while nothing is given yet.
pub fn choose(
    command: Cmd,
    choice: &mut Option<bool>,
    notice: &mut Option<String>,
) -> Option<bool> {
    match command {
        Cmd::Toggle => {
            *choice = Some(!choice.unwrap_or(false));
            None
        }
        Cmd::Yes => Some(true),
        Cmd::No => Some(false),
        Cmd::Next if choice.is_some() => *choice,
        Cmd::Next => {
            *notice = Some(words::YES_OR_NO_FIRST.to_string());
            None
        }
        _ => None,
    }
}

/// The footer's hints of a step: its own table's, then the shared one's.
pub fn hints(tables: [&'static [Binding<Cmd>]; 2]) -> Vec<(&'static str, &'static str)> {
    let [own, shared] = tables;
    let mut hints = keymap::hints(own);
    hints.extend(keymap::hints(shared));
    hints
}

/// The help overlay's lines of a step, each key once.
pub fn help(tables: [&'static [Binding<Cmd>]; 2]) -> Vec<(&'static str, &'static str)> {
    let [own, shared] = tables;
    let mut lines = keymap::help_lines(own);
    for line in keymap::help_lines(shared) {
        if !lines.iter().any(|(key, _)| *key == line.0) {
            lines.push(line);
        }
    }
    lines
}

/// The command a key stands for in a step's tables, its own first.
pub fn find(tables: [&'static [Binding<Cmd>]; 2], key: &crossterm::event::KeyEvent) -> Option<Cmd> {
    let [own, shared] = tables;
    keymap::find(own, key).or_else(|| keymap::find(shared, key))
}
