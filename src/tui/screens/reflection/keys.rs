//! The keys of each step of a reflection alone, one table per step, which also give the
//! footer's hints and the help overlay's lines.

use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent};

use super::{ReflectionScreen, StepUi};
use crate::activity::Input as Step;
use crate::reflection::{Input, Reflection};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Binding, digits};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    Help,
    Leave,
    Break,
    Next,
    Skip,
    Pass,
    Pick,
    Write,
    Bring,
}

const fn bind(
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

const ENTER: &[KeyCode] = &[KeyCode::Enter];
const ARROWS: &[KeyCode] = &[
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Char('h'),
    KeyCode::Char('l'),
];
const CLEAR: &[KeyCode] = &[KeyCode::Char('0'), KeyCode::Backspace, KeyCode::Delete];
const BREAK_HELP: &str = "take a break: a calm pause of about 20 minutes";

const EVERY_STEP: &[Binding<Cmd>] = &[
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
        "leave the reflection; heard asks how (keep it, save it, discard it)",
        Cmd::Leave,
    ),
    bind(&[KeyCode::Char('b')], "b", None, BREAK_HELP, Cmd::Break),
];
const AT_REST: &[Binding<Cmd>] = &[EVERY_STEP[0], EVERY_STEP[1]];

const SCALE_5: &[Binding<Cmd>] = &[
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
    bind(
        &[KeyCode::Char('s')],
        "s",
        Some("pass"),
        "pass this prompt, no reason needed",
        Cmd::Pass,
    ),
    bind(
        &[KeyCode::Char('b')],
        "b",
        Some("break"),
        BREAK_HELP,
        Cmd::Break,
    ),
];

const CLARITY: &[Binding<Cmd>] = &[
    bind(
        digits(1, 5),
        "1-5",
        Some("choose"),
        "how clear it feels, 1 to 5",
        Cmd::Pick,
    ),
    bind(
        &[KeyCode::Char(' '), KeyCode::Char('m')],
        "Space",
        Some("bring"),
        "mark it to bring to your next talk",
        Cmd::Bring,
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

pub fn tables(ui: &StepUi) -> [&'static [Binding<Cmd>]; 2] {
    match ui {
        StepUi::CheckIn(_) | StepUi::MoodAfter(_) => [SCALE_5, EVERY_STEP],
        StepUi::Writing { .. } => [WRITING, EVERY_STEP],
        StepUi::Clarity { .. } => [CLARITY, EVERY_STEP],
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
    let [own, shared] = tables(&screen.ui);
    let mut hints = keymap::hints(own);
    hints.extend(keymap::hints(shared));
    hints
}

pub fn help(screen: &ReflectionScreen) -> Vec<(&'static str, &'static str)> {
    let [own, shared] = tables(&screen.ui);
    let mut lines = keymap::help_lines(own);
    for line in keymap::help_lines(shared) {
        if !lines.iter().any(|(key, _)| *key == line.0) {
            lines.push(line);
        }
    }
    lines
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
    let [own, shared] = tables(&screen.ui);
    let command = keymap::find(own, &key).or_else(|| keymap::find(shared, &key))?;
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
    match &mut screen.ui {
        StepUi::CheckIn(mood) | StepUi::MoodAfter(mood) => match command {
            Cmd::Pick => {
                mood.key(key, 5);
                None
            }
            Cmd::Next => act(Input::Mood(mood.value)),
            Cmd::Skip => act(Input::Mood(None)),
            _ => None,
        },
        StepUi::Writing { watch, text } => match command {
            Cmd::Next => act(Input::Done {
                text: text.text(),
                seconds: Some(watch.elapsed(now).as_secs()),
            }),
            Cmd::Write if reflection.keeps_notes() => {
                text.writing = true;
                None
            }
            Cmd::Write => {
                screen.notice = Some(crate::words::NOTES_OFF.to_string());
                None
            }
            Cmd::Pass => act(Input::Pass),
            _ => None,
        },
        StepUi::Clarity { clarity, bring } => match command {
            Cmd::Pick => {
                clarity.key(key, 5);
                None
            }
            Cmd::Bring => {
                *bring = !*bring;
                None
            }
            Cmd::Next => act(Input::Clarity {
                clarity: clarity.value,
                bring_to_talk: *bring,
            }),
            Cmd::Skip => act(Input::Clarity {
                clarity: None,
                bring_to_talk: *bring,
            }),
            _ => None,
        },
        StepUi::Break { .. } => (command == Cmd::Next).then(|| act(Input::Resume))?,
        StepUi::Summary => None,
    }
}
