//! The keys of each step of a prompt talk, in one table per step: the same tables give
//! the footer's hints and the help overlay's lines.

use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent};

use super::{Rating, StepUi, TalkScreen};
use crate::activity::Input as Step;
use crate::mode::Partner;
use crate::talk::{Input, Talk};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Binding, digits};
use crate::tui::screens::activity::keys::{
    self as shared, ARROWS, AT_REST, BREAK, CLEAR, Cmd, ENTER, EVERY_STEP, PASS, SCALE_5, bind,
};
use crate::tui::screens::activity::parts::TextField;

const CLOSENESS: &[Binding<Cmd>] = &[
    bind(
        digits(1, 7),
        "1-7",
        Some("choose"),
        "pick a picture, 1 apart to 7 almost one",
        Cmd::Pick,
    ),
    bind(
        ARROWS,
        "←→",
        Some("move"),
        "move between the pictures",
        Cmd::Pick,
    ),
    bind(
        ENTER,
        "Enter",
        Some("next"),
        "go on with what is chosen",
        Cmd::Next,
    ),
    bind(CLEAR, "0", None, "leave it unanswered", Cmd::Pick),
    bind(
        &[KeyCode::Char('s')],
        "s",
        None,
        "skip it, no reason needed",
        Cmd::Skip,
    ),
];

const RATING: &[Binding<Cmd>] = &[
    bind(
        digits(1, 5),
        "1-5",
        Some("choose"),
        "pick a step on the scale in focus",
        Cmd::Pick,
    ),
    bind(
        &[KeyCode::Up, KeyCode::Down, KeyCode::Tab, KeyCode::BackTab],
        "↑↓",
        Some("switch"),
        "move between felt heard and felt validated",
        Cmd::Switch,
    ),
    bind(
        ENTER,
        "Enter",
        Some("next"),
        "on to the next scale, then on",
        Cmd::Next,
    ),
    bind(ARROWS, "← →", None, "move along the scale", Cmd::Pick),
    bind(CLEAR, "0", None, "leave the scale unanswered", Cmd::Pick),
];

const CONSENT: &[Binding<Cmd>] = &[
    bind(
        &[KeyCode::Char('y')],
        "y",
        Some("yes"),
        "yes, go deeper",
        Cmd::Yes,
    ),
    bind(
        &[KeyCode::Char('n')],
        "n",
        Some("not today"),
        "not today: the talk stays lighter",
        Cmd::No,
    ),
    bind(
        ENTER,
        "Enter",
        Some("next"),
        "answer with the choice marked",
        Cmd::Next,
    ),
    bind(
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
    ),
];

const SPEAKER_TIMED: &[Binding<Cmd>] = &[
    bind(
        ENTER,
        "Enter",
        Some("done"),
        "done speaking: the listener reflects back",
        Cmd::Next,
    ),
    bind(
        &[KeyCode::Char(' ')],
        "Space",
        Some("pause"),
        "pause or resume the speaking timer",
        Cmd::Pause,
    ),
    bind(
        &[KeyCode::Char('n')],
        "n",
        Some("note"),
        "write a private note (Esc when done)",
        Cmd::Write,
    ),
    PASS,
    BREAK,
];

/// The same while the timer is paused: Space says it goes on.
const SPEAKER_PAUSED: &[Binding<Cmd>] = &[
    SPEAKER_TIMED[0],
    bind(
        &[KeyCode::Char(' ')],
        "Space",
        Some("go on"),
        "resume the speaking timer",
        Cmd::Pause,
    ),
    SPEAKER_TIMED[2],
    PASS,
    BREAK,
];

const SPEAKER: &[Binding<Cmd>] = &[SPEAKER_TIMED[0], SPEAKER_TIMED[2], PASS, BREAK];

const LISTENER: &[Binding<Cmd>] = &[
    bind(
        ENTER,
        "Enter",
        Some("done"),
        "done reflecting back",
        Cmd::Next,
    ),
    PASS,
    BREAK,
];

const NEXT_ONLY: &[Binding<Cmd>] = &[bind(ENTER, "Enter", Some("next"), "go on", Cmd::Next)];
const BREAK_STEP: &[Binding<Cmd>] = &[bind(
    ENTER,
    "Enter",
    Some("go on"),
    "back to the talk, where you left it",
    Cmd::Next,
)];
const SUMMARY: &[Binding<Cmd>] = &[bind(
    ENTER,
    "Enter",
    None,
    "try again to save the finished talk",
    Cmd::Retry,
)];

/// Keys while typing a note: the text takes every other key.
pub const WRITING_NOTE: &[(&str, &str)] = &[("Esc", "done writing"), ("Enter", "new line")];
/// Keys while typing the appreciation, a single line.
pub const WRITING_LINE: &[(&str, &str)] = &[("Enter", "done"), ("Esc", "leave the text")];

/// The tables in force: the step's own, then the ones every step shares.
pub fn tables(ui: &StepUi, talk: &Talk) -> [&'static [Binding<Cmd>]; 2] {
    let timed = talk.progress().and_then(|p| p.timer_seconds).is_some();
    match ui {
        StepUi::CheckIn { .. } | StepUi::MoodAfter { .. } | StepUi::ListenerGuess(_) => {
            [SCALE_5, EVERY_STEP]
        }
        StepUi::DeeperConsent { .. } => [CONSENT, EVERY_STEP],
        StepUi::Speaker(speaking) if timed && !speaking.watch.is_running() => {
            [SPEAKER_PAUSED, EVERY_STEP]
        }
        StepUi::Speaker(_) if timed => [SPEAKER_TIMED, EVERY_STEP],
        StepUi::Speaker(_) => [SPEAKER, EVERY_STEP],
        StepUi::Listener => [LISTENER, EVERY_STEP],
        StepUi::Rating(_) => [RATING, EVERY_STEP],
        StepUi::Reveal { .. } | StepUi::Appreciation { .. } => [NEXT_ONLY, EVERY_STEP],
        StepUi::Closeness { .. } => [CLOSENESS, EVERY_STEP],
        StepUi::Break(_) => [BREAK_STEP, AT_REST],
        StepUi::Summary => [SUMMARY, AT_REST],
    }
}

/// The footer's hints for this step: its own, then help and leave.
pub fn hints(screen: &TalkScreen, talk: &Talk) -> Vec<(&'static str, &'static str)> {
    if let Some(writing) = writing_hints(&screen.ui) {
        return writing.to_vec();
    }
    shared::hints(tables(&screen.ui, talk))
}

/// The help overlay's lines for this step, each key once.
pub fn help(screen: &TalkScreen, talk: &Talk) -> Vec<(&'static str, &'static str)> {
    shared::help(tables(&screen.ui, talk))
}

fn writing_hints(ui: &StepUi) -> Option<&'static [(&'static str, &'static str)]> {
    match ui {
        StepUi::Speaker(speaking) => speaking.note.writing.then_some(WRITING_NOTE),
        StepUi::Appreciation { text, .. } => text.writing.then_some(WRITING_LINE),
        StepUi::CheckIn { .. }
        | StepUi::DeeperConsent { .. }
        | StepUi::Listener
        | StepUi::ListenerGuess(_)
        | StepUi::Rating(_)
        | StepUi::Reveal { .. }
        | StepUi::Closeness { .. }
        | StepUi::MoodAfter { .. }
        | StepUi::Break(_)
        | StepUi::Summary => None,
    }
}

/// The field that takes keys now, with the partner of a one-line appreciation.
fn writing_field(ui: &mut StepUi) -> Option<(&mut TextField, Option<Partner>)> {
    match ui {
        StepUi::Speaker(speaking) => Some((&mut speaking.note, None)),
        StepUi::Appreciation { text, partner } => Some((text, Some(*partner))),
        StepUi::CheckIn { .. }
        | StepUi::DeeperConsent { .. }
        | StepUi::Listener
        | StepUi::ListenerGuess(_)
        | StepUi::Rating(_)
        | StepUi::Reveal { .. }
        | StepUi::Closeness { .. }
        | StepUi::MoodAfter { .. }
        | StepUi::Break(_)
        | StepUi::Summary => None,
    }
    .filter(|(field, _)| field.writing)
}

fn act(input: Input) -> Option<Action> {
    Some(Action::Step(Step::Prompts(input)))
}

pub fn handle(screen: &mut TalkScreen, talk: &Talk, key: KeyEvent, now: Instant) -> Option<Action> {
    if let Some(action) = write(&mut screen.ui, &key) {
        return action;
    }
    let command = shared::find(tables(&screen.ui, talk), &key)?;
    match command {
        Cmd::Help => Some(Action::ShowHelp),
        Cmd::Leave => Some(Action::AskQuit),
        Cmd::Break => act(Input::Break),
        Cmd::Retry => Some(Action::RetrySave),
        _ => on_step(screen, talk, command, &key, now),
    }
}

/// Keys while a text field takes them: `Some(answer)` when the field took the key.
fn write(ui: &mut StepUi, key: &KeyEvent) -> Option<Option<Action>> {
    let (field, partner) = writing_field(ui)?;
    Some(match (key.code, partner) {
        (KeyCode::Esc, _) => {
            field.writing = false;
            None
        }
        // A one-line appreciation is sent with Enter; a note takes new lines.
        (KeyCode::Enter, Some(partner)) => act(Input::Appreciation {
            partner,
            text: field.text(),
        }),
        _ => {
            field.area.input(*key);
            Some(Action::Typed)
        }
    })
}

fn on_step(
    screen: &mut TalkScreen,
    talk: &Talk,
    command: Cmd,
    key: &KeyEvent,
    now: Instant,
) -> Option<Action> {
    match &mut screen.ui {
        StepUi::CheckIn { partner, mood } => scale(command, key, mood, 5, |value| Input::Mood {
            partner: *partner,
            value,
        }),
        StepUi::MoodAfter { partner, mood } => scale(command, key, mood, 5, |value| Input::Mood {
            partner: *partner,
            value,
        }),
        StepUi::ListenerGuess(guess) => scale(command, key, guess, 5, Input::Guess),
        StepUi::Closeness { partner, value } => {
            scale(command, key, value, 7, |value| Input::Closeness {
                partner: *partner,
                value,
            })
        }
        StepUi::DeeperConsent { partner, yes } => consent(command, *partner, yes),
        StepUi::Rating(rating) => rate(command, key, rating),
        StepUi::Speaker(speaking) => match command {
            Cmd::Next => act(Input::Done {
                note: speaking.note.text(),
                seconds: Some(speaking.watch.elapsed(now).as_secs()),
            }),
            Cmd::Pause => {
                speaking.watch.toggle(now);
                None
            }
            Cmd::Write if talk.keeps_notes() => {
                speaking.note.writing = true;
                None
            }
            Cmd::Write => {
                screen.notice = Some(crate::words::NOTES_OFF.to_string());
                None
            }
            Cmd::Pass => act(Input::Pass),
            _ => None,
        },
        StepUi::Listener => match command {
            Cmd::Next => act(Input::Continue),
            Cmd::Pass => act(Input::Pass),
            _ => None,
        },
        StepUi::Reveal { .. } => (command == Cmd::Next).then(|| act(Input::Continue))?,
        StepUi::Appreciation { partner, text } => (command == Cmd::Next).then(|| {
            act(Input::Appreciation {
                partner: *partner,
                text: text.text(),
            })
        })?,
        StepUi::Break(_) => (command == Cmd::Next).then(|| act(Input::Resume))?,
        StepUi::Summary => None,
    }
}

/// A 1..=max scale: pick, go on with the choice (none chosen leaves it unanswered), skip.
fn scale(
    command: Cmd,
    key: &KeyEvent,
    scale: &mut crate::tui::screens::activity::parts::Scale,
    max: u8,
    input: impl FnOnce(Option<u8>) -> Input,
) -> Option<Action> {
    match command {
        Cmd::Pick => {
            scale.key(key, max);
            None
        }
        Cmd::Next => act(input(scale.value)),
        Cmd::Skip => act(input(None)),
        _ => None,
    }
}

fn consent(command: Cmd, partner: crate::mode::Partner, yes: &mut bool) -> Option<Action> {
    let answer = match command {
        Cmd::Toggle => {
            *yes = !*yes;
            return None;
        }
        Cmd::Yes => true,
        Cmd::No => false,
        Cmd::Next => *yes,
        _ => return None,
    };
    act(Input::Consent {
        partner,
        yes: answer,
    })
}

/// The two scales: a number on the first answers it and moves to the second; Enter on
/// the first moves on, Enter on the second hands both on.
fn rate(command: Cmd, key: &KeyEvent, rating: &mut Rating) -> Option<Action> {
    match command {
        Cmd::Switch => rating.on_validated = !rating.on_validated,
        Cmd::Next if !rating.on_validated => rating.on_validated = true,
        Cmd::Next => {
            return act(Input::Rate {
                felt_heard: rating.heard.value,
                felt_validated: rating.validated.value,
            });
        }
        Cmd::Pick if rating.on_validated => {
            rating.validated.key(key, 5);
        }
        Cmd::Pick => {
            rating.heard.key(key, 5);
            if keymap::digit(key).is_some_and(|d| (1..=5).contains(&d)) {
                rating.on_validated = true;
            }
        }
        _ => {}
    }
    None
}
