//! The keys of each step of a reflection alone, one table per step, which also give the
//! footer's hints and the help overlay's lines.

use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent};

use super::{ReflectionScreen, StepUi};
use crate::activity::Input as Step;
use crate::reflection::{Input, Reflection};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Binding, digits};
use crate::tui::screens::activity::keys::{
    self as shared, ANSWER_MARKED, ARROWS, AT_REST, BREAK, CLEAR, Cmd, ENTER, EVERY_STEP,
    MOVE_BETWEEN_ANSWERS, PASS, SCALE_5, bind, choose,
};
use crate::tui::screens::activity::parts::{Scale, TextField};

const WRITING: &[Binding<Cmd>] = &[
    bind(
        ENTER,
        "Enter",
        Some("done"),
        "done with this prompt",
        Cmd::Next,
    ),
    bind(
        &[KeyCode::Char('w'), KeyCode::Char('n')],
        "w",
        Some("write"),
        "write (Esc when done)",
        Cmd::Write,
    ),
    PASS,
    BREAK,
];

const CLARITY: &[Binding<Cmd>] = &[
    bind(
        digits(1, 5),
        "1-5",
        Some("choose"),
        "how clear it feels, 1 to 5",
        Cmd::Pick,
    ),
    bind(ENTER, "Enter", Some("next"), "go on", Cmd::Next),
    bind(ARROWS, "← →", None, "move along the scale", Cmd::Pick),
    bind(CLEAR, "0", None, "leave the scale unanswered", Cmd::Pick),
    bind(
        &[KeyCode::Char('s')],
        "s",
        None,
        "skip the rating",
        Cmd::Skip,
    ),
    bind(
        &[KeyCode::Char('p')],
        "p",
        Some("back"),
        "back to what you wrote, to change it",
        Cmd::Back,
    ),
];

const TOPIC: &[Binding<Cmd>] = &[
    bind(
        ENTER,
        "Enter",
        Some("next"),
        "go on with the topic (with nothing typed, without one)",
        Cmd::Next,
    ),
    bind(
        &[KeyCode::Char('w'), KeyCode::Char('n')],
        "w",
        Some("write"),
        "write the topic",
        Cmd::Write,
    ),
    BREAK,
];

const BRING: &[Binding<Cmd>] = &[
    bind(
        &[KeyCode::Char('y')],
        "y",
        Some("yes"),
        "yes: it opens your next talk",
        Cmd::Yes,
    ),
    bind(
        &[KeyCode::Char('n')],
        "n",
        Some("no"),
        "no: it stays here",
        Cmd::No,
    ),
    ANSWER_MARKED,
    MOVE_BETWEEN_ANSWERS,
];

const BREAK_STEP: &[Binding<Cmd>] = &[bind(
    ENTER,
    "Enter",
    Some("go on"),
    "back to where you left",
    Cmd::Next,
)];
const SUMMARY: &[Binding<Cmd>] = &[];

/// Keys while writing: the text takes every other key.
const WRITING_TEXT: &[(&str, &str)] = &[("Esc", "done writing"), ("Enter", "new line")];
/// Keys while typing the topic, a single line.
const WRITING_TOPIC: &[(&str, &str)] = &[("Enter", "done"), ("Esc", "leave the text")];

pub fn tables(ui: &StepUi) -> [&'static [Binding<Cmd>]; 2] {
    match ui {
        StepUi::CheckIn(_) | StepUi::MoodAfter(_) => [SCALE_5, EVERY_STEP],
        StepUi::Writing { .. } => [WRITING, EVERY_STEP],
        StepUi::Topic(_) => [TOPIC, EVERY_STEP],
        StepUi::Clarity(_) => [CLARITY, EVERY_STEP],
        StepUi::Bring(_) => [BRING, EVERY_STEP],
        StepUi::Break { .. } => [BREAK_STEP, AT_REST],
        StepUi::Summary => [SUMMARY, AT_REST],
    }
}

pub fn hints(screen: &ReflectionScreen) -> Vec<(&'static str, &'static str)> {
    if let StepUi::Writing { text, .. } = &screen.ui
        && text.writing
    {
        return WRITING_TEXT.to_vec();
    }
    if let StepUi::Topic(text) = &screen.ui
        && text.writing
    {
        return WRITING_TOPIC.to_vec();
    }
    shared::hints(tables(&screen.ui))
}

pub fn help(screen: &ReflectionScreen) -> Vec<(&'static str, &'static str)> {
    shared::help(tables(&screen.ui))
}

fn act(input: Input) -> Option<Action> {
    Some(Action::Step(Step::Reflection(input)))
}

pub fn handle(
    screen: &mut ReflectionScreen,
    reflection: &Reflection,
    key: KeyEvent,
    now: Instant,
) -> Option<Action> {
    if let StepUi::Writing { text, .. } = &mut screen.ui
        && text.writing
    {
        if key.code == KeyCode::Esc {
            text.writing = false;
            return None;
        }
        text.area.input(key);
        return Some(Action::Typed);
    }
    if let StepUi::Topic(text) = &mut screen.ui
        && text.writing
    {
        return match key.code {
            KeyCode::Esc => {
                text.writing = false;
                None
            }
            KeyCode::Enter => act(Input::Topic(Some(text.text()))),
            _ => {
                text.area.input(key);
                Some(Action::Typed)
            }
        };
    }
    let command = shared::find(tables(&screen.ui), &key)?;
    match command {
        Cmd::Help => Some(Action::ShowHelp),
        Cmd::Leave => Some(Action::AskQuit),
        Cmd::Break => act(Input::Break),
        _ => on_step(screen, reflection, command, &key, now),
    }
}

fn on_step(
    screen: &mut ReflectionScreen,
    reflection: &Reflection,
    command: Cmd,
    key: &KeyEvent,
    now: Instant,
) -> Option<Action> {
    let notice = &mut screen.notice;
    match &mut screen.ui {
        StepUi::CheckIn(mood) | StepUi::MoodAfter(mood) => {
            one_question(command, key, mood, notice, Input::Mood)
        }
        StepUi::Writing { watch, text } => match command {
            Cmd::Next => act(Input::Done {
                text: text.text(),
                seconds: Some(watch.elapsed(now).as_secs()),
            }),
            Cmd::Write => open_text(reflection, text, notice),
            Cmd::Pass => act(Input::Pass),
            _ => None,
        },
        StepUi::Topic(text) => match command {
            Cmd::Next => act(Input::Topic(Some(text.text()))),
            Cmd::Write => open_text(reflection, text, notice),
            _ => None,
        },
        StepUi::Clarity(_) if command == Cmd::Back => act(Input::Back),
        StepUi::Clarity(clarity) => one_question(command, key, clarity, notice, |clarity| {
            Input::Clarity { clarity }
        }),
        StepUi::Bring(choice) => {
            let yes = choose(command, choice, notice)?;
            act(Input::Bring { yes })
        }
        StepUi::Break { .. } => (command == Cmd::Next).then(|| act(Input::Resume))?,
        StepUi::Summary => None,
    }
}

/// A screen with one 1-5 question: a digit picks and goes on; Enter only once something
/// is chosen; `s` skips.
fn one_question(
    command: Cmd,
    key: &KeyEvent,
    scale: &mut Scale,
    notice: &mut Option<String>,
    input: impl FnOnce(Option<u8>) -> Input,
) -> Option<Action> {
    match command {
        Cmd::Pick => {
            scale.key(key, 5);
            let digit = keymap::digit(key).is_some_and(|d| (1..=5).contains(&d));
            digit.then(|| act(input(scale.value)))?
        }
        Cmd::Next if scale.value.is_some() => act(input(scale.value)),
        Cmd::Next => {
            *notice = Some(crate::words::choose_first(5));
            None
        }
        Cmd::Skip => act(input(None)),
        _ => None,
    }
}

/// Open a text field to write in, unless notes are not kept (then say so).
fn open_text(
    reflection: &Reflection,
    text: &mut TextField,
    notice: &mut Option<String>,
) -> Option<Action> {
    if reflection.keeps_notes() {
        text.writing = true;
    } else {
        *notice = Some(crate::words::NOTES_OFF.to_string());
    }
    None
}
