//! The keys of each step of "Our week", one table per step, which also give the footer's
//! hints and the help overlay's lines. Inside the issue the understand screens' own
//! tables answer.

use crossterm::event::{KeyCode, KeyEvent};

use super::{StepUi, WeeklyScreen};
use crate::activity::Input as Step;
use crate::mode::Partner;
use crate::tui::action::Action;
use crate::tui::keymap::{self, Binding, digits};
use crate::tui::screens::activity::keys::{
    self as shared, AT_REST, BREAK, Cmd, ENTER, EVERY_STEP, MOVE_BETWEEN_ANSWERS, bind,
};
use crate::tui::screens::activity::parts::TextField;
use crate::tui::screens::understand;
use crate::weekly::{Input, Weekly};
use crate::words;

const WRITE: Binding<Cmd> = bind(
    &[KeyCode::Char('w')],
    "w",
    Some("write"),
    "write it down too (Esc closes the line)",
    Cmd::Write,
);
const PASS: Binding<Cmd> = bind(
    &[KeyCode::Char('s')],
    "s",
    Some("pass"),
    "pass, no reason needed",
    Cmd::Pass,
);

const APPRECIATE: &[Binding<Cmd>] = &[
    bind(
        ENTER,
        "Enter",
        Some("said"),
        "one appreciation said (with its words, if written)",
        Cmd::Next,
    ),
    WRITE,
    bind(
        &[KeyCode::Char('d')],
        "d",
        Some("done"),
        "done: no more appreciations from you this week",
        Cmd::Done,
    ),
    bind(
        &[KeyCode::Char('s')],
        "s",
        Some("pass"),
        "pass: none this week, no reason needed",
        Cmd::Pass,
    ),
    BREAK,
];
const ANSWER: &[Binding<Cmd>] = &[
    bind(
        ENTER,
        "Enter",
        Some("said"),
        "it is said (with its words, if written)",
        Cmd::Next,
    ),
    WRITE,
    PASS,
    BREAK,
];
const ISSUE: &[Binding<Cmd>] = &[
    bind(
        digits(1, 2),
        "1 2",
        Some("who brings it"),
        "1 or 2: who brings the one thing",
        Cmd::Pick,
    ),
    bind(
        &[KeyCode::Char('n')],
        "n",
        Some("not this week"),
        "not this week: on to the last question",
        Cmd::No,
    ),
    bind(
        ENTER,
        "Enter",
        None,
        "answer with the choice marked",
        Cmd::Next,
    ),
    MOVE_BETWEEN_ANSWERS,
    bind(
        &[KeyCode::Char('s')],
        "s",
        None,
        "pass: not this week, no reason needed",
        Cmd::Pass,
    ),
    BREAK,
];
const BREAK_STEP: &[Binding<Cmd>] = &[bind(
    ENTER,
    "Enter",
    Some("go on"),
    "back to where you left",
    Cmd::Next,
)];
const NONE: &[Binding<Cmd>] = &[];

/// Keys while typing a line: Enter gives it, as it does with the line closed.
const WRITING_LINE: &[(&str, &str)] = &[("Enter", "said"), ("Esc", "leave the text")];

pub fn tables(ui: &StepUi) -> [&'static [Binding<Cmd>]; 2] {
    match ui {
        StepUi::Appreciate { .. } => [APPRECIATE, EVERY_STEP],
        StepUi::WentWell { .. } | StepUi::ThisWeek { .. } => [ANSWER, EVERY_STEP],
        StepUi::Issue(_) => [ISSUE, EVERY_STEP],
        // The issue's screens answer their own keys; these are never asked.
        StepUi::Understand(_) => [NONE, EVERY_STEP],
        StepUi::Break { .. } => [BREAK_STEP, AT_REST],
        StepUi::Summary => [NONE, AT_REST],
    }
}

fn writing(ui: &StepUi) -> bool {
    match ui {
        StepUi::Appreciate { text, .. }
        | StepUi::WentWell { text, .. }
        | StepUi::ThisWeek { text, .. } => text.writing,
        StepUi::Issue(_) | StepUi::Understand(_) | StepUi::Break { .. } | StepUi::Summary => false,
    }
}

pub fn hints(screen: &WeeklyScreen) -> Vec<(&'static str, &'static str)> {
    if writing(&screen.ui) {
        return WRITING_LINE.to_vec();
    }
    without_writing(screen, shared::hints(tables(&screen.ui)))
}

pub fn help(screen: &WeeklyScreen) -> Vec<(&'static str, &'static str)> {
    match &screen.ui {
        StepUi::Understand(inner) => understand::keys::help(inner),
        ui => without_writing(screen, shared::help(tables(ui))),
    }
}

/// With notes off there is no line: `w` only says so, so it is not offered.
fn without_writing(
    screen: &WeeklyScreen,
    mut lines: Vec<(&'static str, &'static str)>,
) -> Vec<(&'static str, &'static str)> {
    if !screen.notes {
        lines.retain(|(key, _)| *key != WRITE.shown);
    }
    lines
}

fn act(input: Input) -> Option<Action> {
    Some(Action::Step(Step::Weekly(input)))
}

pub fn handle(screen: &mut WeeklyScreen, talk: &Weekly, key: KeyEvent) -> Option<Action> {
    if let Some(action) = type_into(&mut screen.ui, &key) {
        return action;
    }
    let command = shared::find(tables(&screen.ui), &key)?;
    match command {
        Cmd::Help => Some(Action::ShowHelp),
        Cmd::Leave => Some(Action::AskQuit),
        Cmd::Break => act(Input::Break),
        _ => on_step(screen, talk, command, &key),
    }
}

/// Keys go to the open line: Enter hands it on, Esc closes it.
fn type_into(ui: &mut StepUi, key: &KeyEvent) -> Option<Option<Action>> {
    let (text, input): (&mut TextField, fn(Option<String>) -> Input) = match ui {
        StepUi::Appreciate { text, .. } if text.writing => (text, Input::Appreciate),
        StepUi::WentWell { text, .. } if text.writing => (text, Input::WentWell),
        StepUi::ThisWeek { text, .. } if text.writing => (text, Input::ThisWeek),
        _ => return None,
    };
    Some(match key.code {
        KeyCode::Esc => {
            text.writing = false;
            None
        }
        KeyCode::Enter => act(input(Some(text.text()))),
        _ => {
            text.area.input(*key);
            Some(Action::Typed)
        }
    })
}

fn on_step(
    screen: &mut WeeklyScreen,
    talk: &Weekly,
    command: Cmd,
    key: &KeyEvent,
) -> Option<Action> {
    let notice = &mut screen.notice;
    let notes = talk.keeps_notes();
    match &mut screen.ui {
        StepUi::Appreciate { text, .. } => match command {
            Cmd::Done => act(Input::Done),
            _ => answer(command, notes, text, notice, Input::Appreciate),
        },
        StepUi::WentWell { text, .. } => answer(command, notes, text, notice, Input::WentWell),
        StepUi::ThisWeek { text, .. } => answer(command, notes, text, notice, Input::ThisWeek),
        StepUi::Issue(marked) => issue(command, key, talk.first(), marked, notice),
        StepUi::Break { .. } => (command == Cmd::Next).then(|| act(Input::Resume))?,
        StepUi::Understand(_) | StepUi::Summary => None,
    }
}

/// A step with a line: Enter gives it (blank is said aloud), `w` opens the line, `s` passes.
fn answer(
    command: Cmd,
    notes: bool,
    text: &mut TextField,
    notice: &mut Option<String>,
    input: fn(Option<String>) -> Input,
) -> Option<Action> {
    match command {
        Cmd::Next => act(input(Some(text.text()))),
        Cmd::Write => {
            if notes {
                text.writing = true;
            } else {
                *notice = Some(words::NOTES_OFF.to_string());
            }
            None
        }
        Cmd::Pass => act(Input::Pass),
        _ => None,
    }
}

/// Who brings one thing: a digit or `n` answers; arrows mark one and Enter gives it.
fn issue(
    command: Cmd,
    key: &KeyEvent,
    first: Partner,
    marked: &mut Option<usize>,
    notice: &mut Option<String>,
) -> Option<Action> {
    let choices = [Some(first), Some(first.other()), None];
    match command {
        Cmd::Pick => match keymap::digit(key) {
            Some(1) => act(Input::Issue(choices[0])),
            Some(2) => act(Input::Issue(choices[1])),
            _ => None,
        },
        Cmd::No => act(Input::Issue(None)),
        Cmd::Pass => act(Input::Pass),
        Cmd::Toggle => {
            // A choice is being marked: the ask to choose has been heard.
            *notice = None;
            let back = matches!(key.code, KeyCode::Left | KeyCode::Up);
            let count = choices.len();
            *marked = Some(match (*marked, back) {
                (None, false) => 0,
                (None, true) => count - 1,
                (Some(m), false) => (m + 1) % count,
                (Some(m), true) => (m + count - 1) % count,
            });
            None
        }
        Cmd::Next => match marked {
            Some(m) => act(Input::Issue(choices[*m])),
            None => {
                *notice = Some(words::ISSUE_CHOOSE_FIRST.to_string());
                None
            }
        },
        _ => None,
    }
}
