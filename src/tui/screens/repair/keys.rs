//! The keys of each step of "After a hard moment", one table per step, which also give
//! the footer's hints and the help overlay's lines. The floor's tables are understand's.

use crossterm::event::{KeyCode, KeyEvent};

use super::{FEELING_COLUMNS, Picks, RepairScreen, StepUi};
use crate::activity::Input as Step;
use crate::repair::{Input, Repair};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Binding, digits};
use crate::tui::screens::activity::keys::{
    self as shared, AT_REST, Cmd, ENTER, EVERY_STEP, bind, choose,
};
use crate::tui::screens::activity::parts::TextField;
use crate::tui::screens::understand::keys::{
    ANSWER, BREAK_STEP, MORE, NONE, PASS, RECEIVER_DONE, SAID, SAID_BACK, TIME_OUT, TIME_OUT_STEP,
    WRITING_LINE, YES_NO, pick_answer,
};
use crate::words;

const CALM: &[Binding<Cmd>] = &[
    bind(
        &[KeyCode::Char('y')],
        "y",
        Some("calm enough"),
        "calm enough to talk about it",
        Cmd::Yes,
    ),
    bind(
        &[KeyCode::Char('n')],
        "n",
        Some("not yet"),
        "not yet: the break first",
        Cmd::No,
    ),
    YES_NO[0],
    YES_NO[1],
];
const FEELINGS: &[Binding<Cmd>] = &[
    bind(
        &[KeyCode::Left, KeyCode::Right, KeyCode::Up, KeyCode::Down],
        "←↑↓→",
        Some("move"),
        "move between the words",
        Cmd::Pick,
    ),
    bind(
        &[KeyCode::Char(' ')],
        "Space",
        Some("pick"),
        "pick the word, or unpick it",
        Cmd::Toggle,
    ),
    bind(
        ENTER,
        "Enter",
        Some("done"),
        "these are the words",
        Cmd::Next,
    ),
    PASS,
    TIME_OUT,
];
const MY_PART: &[Binding<Cmd>] = &[
    bind(
        digits(1, 8),
        "1-8",
        Some("pick"),
        "pick a part, or unpick it",
        Cmd::Pick,
    ),
    bind(
        &[KeyCode::Char('w')],
        "w",
        Some("own words"),
        "add words of your own",
        Cmd::Write,
    ),
    bind(
        &[KeyCode::Char('a')],
        "a",
        Some("sorry"),
        "say sorry with it, or not",
        Cmd::Toggle,
    ),
    bind(ENTER, "Enter", Some("done"), "this is my part", Cmd::Next),
    PASS,
    TIME_OUT,
];
const ACCEPT: &[Binding<Cmd>] = &[
    bind(
        &[KeyCode::Char('y')],
        "y",
        Some("I accept"),
        "I accept",
        Cmd::Yes,
    ),
    bind(
        &[KeyCode::Char('n')],
        "n",
        Some("not yet"),
        "not yet, and that is okay",
        Cmd::No,
    ),
    YES_NO[0],
    YES_NO[1],
    PASS,
    TIME_OUT,
];
const FIELD: &[Binding<Cmd>] = &[
    bind(
        ENTER,
        "Enter",
        Some("done"),
        "done: on to the next",
        Cmd::Next,
    ),
    bind(
        &[KeyCode::Char('w')],
        "w",
        Some("write"),
        "write it down",
        Cmd::Write,
    ),
    PASS,
    TIME_OUT,
];

/// Keys while typing the two lines of "next time".
const WRITING_TWO: &[(&str, &str)] = &[
    ("Enter", "next"),
    ("Tab", "the other line"),
    ("Esc", "leave the text"),
];

pub fn tables(ui: &StepUi) -> [&'static [Binding<Cmd>]; 2] {
    match ui {
        StepUi::Calm(_) => [CALM, EVERY_STEP],
        StepUi::Feelings(_) => [FEELINGS, EVERY_STEP],
        StepUi::Summarise => [RECEIVER_DONE, EVERY_STEP],
        StepUi::Speak => [SAID, EVERY_STEP],
        StepUi::Mirror => [SAID_BACK, EVERY_STEP],
        StepUi::Answer(_) => [ANSWER, EVERY_STEP],
        StepUi::More(_) => [MORE, EVERY_STEP],
        StepUi::Touched(_) | StepUi::NextTime { .. } => [FIELD, EVERY_STEP],
        StepUi::MyPart { .. } => [MY_PART, EVERY_STEP],
        StepUi::Accept(_) => [ACCEPT, EVERY_STEP],
        StepUi::TimeOut(_) => [TIME_OUT_STEP, &AT_REST[..1]],
        StepUi::Break { .. } => [BREAK_STEP, AT_REST],
        StepUi::Summary => [NONE, AT_REST],
    }
}

/// The open text field, if keys go to one now.
fn writing(ui: &mut StepUi) -> Option<&mut TextField> {
    match ui {
        StepUi::Touched(text) | StepUi::MyPart { text, .. } => Some(text.as_mut()),
        StepUi::NextTime { will, ask, on_ask } => {
            Some(if *on_ask { ask.as_mut() } else { will.as_mut() })
        }
        StepUi::Calm(_)
        | StepUi::Feelings(_)
        | StepUi::Summarise
        | StepUi::Speak
        | StepUi::Mirror
        | StepUi::Answer(_)
        | StepUi::More(_)
        | StepUi::Accept(_)
        | StepUi::TimeOut(_)
        | StepUi::Break { .. }
        | StepUi::Summary => None,
    }
    .filter(|field| field.writing)
}

pub fn hints(screen: &RepairScreen) -> Vec<(&'static str, &'static str)> {
    let mut ui = screen.ui.clone();
    if writing(&mut ui).is_some() {
        return match ui {
            StepUi::NextTime { .. } => WRITING_TWO.to_vec(),
            _ => WRITING_LINE.to_vec(),
        };
    }
    shared::hints(tables(&screen.ui))
}

pub fn help(screen: &RepairScreen) -> Vec<(&'static str, &'static str)> {
    shared::help(tables(&screen.ui))
}

fn act(input: Input) -> Option<Action> {
    Some(Action::Step(Step::Repair(input)))
}

pub fn handle(screen: &mut RepairScreen, talk: &Repair, key: KeyEvent) -> Option<Action> {
    if let Some(action) = type_into(&mut screen.ui, &key) {
        return action;
    }
    let command = shared::find(tables(&screen.ui), &key)?;
    match command {
        Cmd::Help => Some(Action::ShowHelp),
        Cmd::Leave => Some(Action::AskQuit),
        Cmd::Break => act(Input::Break),
        Cmd::TimeOut => {
            let behind = std::mem::replace(&mut screen.ui, StepUi::Summary);
            screen.ui = StepUi::TimeOut(Box::new(behind));
            None
        }
        _ => on_step(screen, talk, command, &key),
    }
}

/// Keys go to the open field: Enter hands it on (on "next time", first to the second
/// line), Tab moves between the two lines, Esc closes the field.
fn type_into(ui: &mut StepUi, key: &KeyEvent) -> Option<Option<Action>> {
    if let StepUi::NextTime { will, ask, on_ask } = ui
        && (will.writing || ask.writing)
        && (key.code == KeyCode::Tab || (key.code == KeyCode::Enter && !*on_ask))
    {
        *on_ask = !*on_ask;
        will.writing = !*on_ask;
        ask.writing = *on_ask;
        return Some(None);
    }
    let on_next_time = matches!(ui, StepUi::NextTime { .. });
    let field = writing(ui)?;
    Some(match key.code {
        KeyCode::Esc => {
            field.writing = false;
            None
        }
        KeyCode::Enter if on_next_time => hand_on(ui),
        KeyCode::Enter => {
            field.writing = false;
            hand_on(ui)
        }
        _ => {
            field.area.input(*key);
            Some(Action::Typed)
        }
    })
}

/// What a field step hands on with Enter.
fn hand_on(ui: &StepUi) -> Option<Action> {
    let text = |field: &TextField| Some(field.text()).filter(|t| !t.is_empty());
    match ui {
        StepUi::Touched(field) => act(Input::Touched(text(field))),
        StepUi::MyPart {
            picks,
            text: field,
            apology,
        } => act(Input::MyPart {
            picked: picks.picked.clone(),
            text: text(field),
            apology: *apology,
        }),
        StepUi::NextTime { will, ask, .. } => act(Input::NextTime {
            will: text(will),
            ask: text(ask),
        }),
        _ => None,
    }
}

fn on_step(
    screen: &mut RepairScreen,
    talk: &Repair,
    command: Cmd,
    key: &KeyEvent,
) -> Option<Action> {
    let notice = &mut screen.notice;
    if command == Cmd::Pass && !matches!(screen.ui, StepUi::Calm(_)) {
        return act(Input::Pass);
    }
    match &mut screen.ui {
        StepUi::Calm(choice) => act(Input::Calm(choose(command, choice, notice)?)),
        StepUi::Feelings(picks) => feelings(command, key, picks, notice),
        StepUi::Summarise | StepUi::Speak | StepUi::Mirror => {
            let input = match screen.ui {
                StepUi::Speak => Input::Said,
                StepUi::Mirror => Input::Mirrored,
                _ => Input::Done,
            };
            (command == Cmd::Next).then(|| act(input))?
        }
        StepUi::Answer(marked) => act(Input::Answer(pick_answer(command, marked, notice)?)),
        StepUi::More(choice) => act(Input::More(choose(command, choice, notice)?)),
        StepUi::Touched(field) | StepUi::NextTime { will: field, .. } => match command {
            Cmd::Next => hand_on(&screen.ui),
            Cmd::Write => open(talk, field, notice),
            _ => None,
        },
        StepUi::MyPart {
            picks,
            text,
            apology,
        } => match command {
            Cmd::Pick => {
                let digit = usize::from(keymap::digit(key)?);
                picks.toggle(digit.checked_sub(1)?);
                None
            }
            Cmd::Toggle => {
                *apology = !*apology;
                None
            }
            Cmd::Write => open(talk, text, notice),
            Cmd::Next => hand_on(&screen.ui),
            _ => None,
        },
        StepUi::Accept(choice) => act(Input::Accept(choose(command, choice, notice)?)),
        StepUi::TimeOut(_) => {
            if let StepUi::TimeOut(behind) = std::mem::replace(&mut screen.ui, StepUi::Summary) {
                screen.ui = *behind;
            }
            None
        }
        StepUi::Break { .. } => (command == Cmd::Next).then(|| act(Input::Resume))?,
        StepUi::Summary => None,
    }
}

/// The feelings grid: arrows move, Space picks, Enter gives the words picked.
fn feelings(
    command: Cmd,
    key: &KeyEvent,
    picks: &mut Picks,
    notice: &mut Option<String>,
) -> Option<Action> {
    let count = words::FEELINGS.len();
    match command {
        Cmd::Pick => {
            picks.cursor = match key.code {
                KeyCode::Left => picks.cursor.saturating_sub(1),
                KeyCode::Right => (picks.cursor + 1).min(count - 1),
                KeyCode::Up => picks.cursor.saturating_sub(FEELING_COLUMNS),
                _ => (picks.cursor + FEELING_COLUMNS).min(count - 1),
            };
            None
        }
        Cmd::Toggle => {
            picks.toggle(picks.cursor);
            None
        }
        Cmd::Next if picks.picked.is_empty() => {
            *notice = Some(words::FEELINGS_PICK_FIRST.to_string());
            None
        }
        Cmd::Next => act(Input::Feelings(
            picks
                .picked
                .iter()
                .map(|&i| words::FEELINGS[i].to_string())
                .collect(),
        )),
        _ => None,
    }
}

/// Open a field to write in, unless notes are not kept (then say so).
fn open(talk: &Repair, field: &mut TextField, notice: &mut Option<String>) -> Option<Action> {
    if talk.keeps_notes() {
        field.writing = true;
    } else {
        *notice = Some(words::NOTES_OFF.to_string());
    }
    None
}
