//! The keys of each step of "Understand each other", one table per step, which also give
//! the footer's hints and the help overlay's lines.

use crossterm::event::{KeyCode, KeyEvent};

use super::{Ratings, StepUi, UnderstandScreen};
use crate::activity::Input as Step;
use crate::tui::action::Action;
use crate::tui::keymap::{self, Binding, digits};
use crate::tui::screens::activity::keys::{
    self as shared, ANSWER_MARKED, ARROWS, AT_REST, CLEAR, Cmd, ENTER, EVERY_STEP,
    MOVE_BETWEEN_ANSWERS, bind, choose,
};
use crate::tui::screens::activity::parts::TextField;
use crate::understand::{Answer, Input, Understand};
use crate::words;

pub(crate) const TIME_OUT: Binding<Cmd> = bind(
    &[KeyCode::Char('t')],
    "t",
    Some("time out"),
    "time out: the signs to stop for a while, and the break",
    Cmd::TimeOut,
);
pub(crate) const PASS: Binding<Cmd> = bind(
    &[KeyCode::Char('s')],
    "s",
    Some("pass"),
    "pass: this round ends here, no reason needed",
    Cmd::Pass,
);
pub(crate) const YES_NO: [Binding<Cmd>; 2] = [ANSWER_MARKED, MOVE_BETWEEN_ANSWERS];

const GOOD_TIME: &[Binding<Cmd>] = &[
    bind(
        &[KeyCode::Char('y')],
        "y",
        Some("now"),
        "now is good",
        Cmd::Yes,
    ),
    bind(
        &[KeyCode::Char('l'), KeyCode::Char('n')],
        "l",
        Some("later"),
        "later: the talk ends here, nothing is lost",
        Cmd::No,
    ),
    YES_NO[0],
    YES_NO[1],
];
const TOPIC: &[Binding<Cmd>] = &[
    bind(
        ENTER,
        "Enter",
        Some("next"),
        "go on (with nothing typed, without a topic)",
        Cmd::Next,
    ),
    bind(
        &[KeyCode::Char('w')],
        "w",
        Some("write"),
        "write the topic",
        Cmd::Write,
    ),
    bind(
        &[KeyCode::Char('v'), KeyCode::Tab],
        "v",
        Some("shared?"),
        "show the topic in your shared history, or keep it to you",
        Cmd::Share,
    ),
    TIME_OUT,
];
pub(crate) const SAID: &[Binding<Cmd>] = &[
    bind(ENTER, "Enter", Some("said"), "it is said", Cmd::Next),
    PASS,
    TIME_OUT,
];
pub(crate) const SAID_BACK: &[Binding<Cmd>] = &[
    bind(
        ENTER,
        "Enter",
        Some("said back"),
        "it is said back",
        Cmd::Next,
    ),
    PASS,
    TIME_OUT,
];
pub(crate) const RECEIVER_DONE: &[Binding<Cmd>] = &[
    bind(
        ENTER,
        "Enter",
        Some("done"),
        "it is said: on to the next step",
        Cmd::Next,
    ),
    PASS,
    TIME_OUT,
];
pub(crate) const ANSWER: &[Binding<Cmd>] = &[
    bind(
        &[KeyCode::Char('y'), KeyCode::Char('1')],
        "y",
        Some("you got it"),
        "you got it",
        Cmd::Yes,
    ),
    bind(
        &[KeyCode::Char('a'), KeyCode::Char('2')],
        "a",
        Some("partly"),
        "partly: let me add",
        Cmd::Partly,
    ),
    bind(
        &[KeyCode::Char('n'), KeyCode::Char('3')],
        "n",
        Some("not yet"),
        "not yet: say it again",
        Cmd::No,
    ),
    YES_NO[0],
    YES_NO[1],
    PASS,
    TIME_OUT,
];
pub(crate) const MORE: &[Binding<Cmd>] = &[
    bind(
        &[KeyCode::Char('y')],
        "y",
        Some("yes"),
        "yes, there is more",
        Cmd::Yes,
    ),
    bind(&[KeyCode::Char('n')], "n", Some("no"), "no more", Cmd::No),
    YES_NO[0],
    YES_NO[1],
    PASS,
    TIME_OUT,
];
const SWITCH: &[Binding<Cmd>] = &[
    bind(
        &[KeyCode::Char('y')],
        "y",
        Some("yes"),
        "yes, take the floor",
        Cmd::Yes,
    ),
    bind(&[KeyCode::Char('n')], "n", Some("no"), "not today", Cmd::No),
    YES_NO[0],
    YES_NO[1],
    TIME_OUT,
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
        Some("move"),
        "move between the three questions",
        Cmd::Switch,
    ),
    bind(
        ENTER,
        "Enter",
        Some("next"),
        "on to the next question, then on",
        Cmd::Next,
    ),
    bind(
        &[KeyCode::Char('s')],
        "s",
        Some("skip"),
        "skip the question in focus, no reason needed",
        Cmd::Skip,
    ),
    bind(ARROWS, "← →", None, "move along the scale", Cmd::Pick),
    bind(CLEAR, "0", None, "clear the answer in focus", Cmd::Pick),
];
const SMALL_STEP: &[Binding<Cmd>] = &[
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
    bind(
        &[KeyCode::Char('s')],
        "s",
        Some("pass"),
        "pass, no reason needed",
        Cmd::Pass,
    ),
];
pub(crate) const TIME_OUT_STEP: &[Binding<Cmd>] = &[
    bind(
        &[KeyCode::Char('b')],
        "b",
        Some(words::TIME_OUT_TAKE),
        "take the break of about 20 minutes",
        Cmd::Break,
    ),
    bind(
        &[KeyCode::Enter, KeyCode::Esc, KeyCode::Char('g')],
        "Enter",
        Some(words::TIME_OUT_GO_ON),
        "back to the talk, where you were",
        Cmd::Next,
    ),
];
pub(crate) const BREAK_STEP: &[Binding<Cmd>] = &[bind(
    ENTER,
    "Enter",
    Some("go on"),
    "back to where you left",
    Cmd::Next,
)];
pub(crate) const NONE: &[Binding<Cmd>] = &[];

/// Keys while typing a small step, a single line.
pub(crate) const WRITING_LINE: &[(&str, &str)] = &[("Enter", "done"), ("Esc", "leave the text")];
/// Keys while typing the topic: Tab says whether the history may show it.
const WRITING_TOPIC: &[(&str, &str)] = &[
    ("Enter", "done"),
    ("Tab", "shared or kept to you"),
    ("Esc", "leave the text"),
];

pub fn tables(ui: &StepUi) -> [&'static [Binding<Cmd>]; 2] {
    match ui {
        StepUi::GoodTime { .. } => [GOOD_TIME, EVERY_STEP],
        StepUi::Topic { .. } => [TOPIC, EVERY_STEP],
        StepUi::Speak => [SAID, EVERY_STEP],
        StepUi::Mirror => [SAID_BACK, EVERY_STEP],
        StepUi::Validate | StepUi::Empathize => [RECEIVER_DONE, EVERY_STEP],
        StepUi::Answer(_) => [ANSWER, EVERY_STEP],
        StepUi::More(_) => [MORE, EVERY_STEP],
        StepUi::Rating(_) => [RATING, EVERY_STEP],
        StepUi::Switch(_) => [SWITCH, EVERY_STEP],
        StepUi::SmallStep { .. } => [SMALL_STEP, EVERY_STEP],
        // The time-out is its own small screen: only its two answers, and help.
        StepUi::TimeOut(_) => [TIME_OUT_STEP, &AT_REST[..1]],
        StepUi::Break { .. } => [BREAK_STEP, AT_REST],
        StepUi::Summary => [NONE, AT_REST],
    }
}

fn writing(ui: &StepUi) -> bool {
    match ui {
        StepUi::Topic { text, .. } | StepUi::SmallStep { text, .. } => text.writing,
        StepUi::GoodTime { .. }
        | StepUi::Speak
        | StepUi::Mirror
        | StepUi::Answer(_)
        | StepUi::More(_)
        | StepUi::Validate
        | StepUi::Empathize
        | StepUi::Rating(_)
        | StepUi::Switch(_)
        | StepUi::TimeOut(_)
        | StepUi::Break { .. }
        | StepUi::Summary => false,
    }
}

pub fn hints(screen: &UnderstandScreen) -> Vec<(&'static str, &'static str)> {
    if writing(&screen.ui) {
        return match screen.ui {
            StepUi::Topic { .. } => WRITING_TOPIC.to_vec(),
            _ => WRITING_LINE.to_vec(),
        };
    }
    shared::hints(tables(&screen.ui))
}

pub fn help(screen: &UnderstandScreen) -> Vec<(&'static str, &'static str)> {
    shared::help(tables(&screen.ui))
}

pub fn handle(screen: &mut UnderstandScreen, talk: &Understand, key: KeyEvent) -> Option<Action> {
    let wrap = screen.wrap;
    handle_unwrapped(screen, talk, key).map(|action| match action {
        Action::Step(Step::Understand(input)) => Action::Step(wrap(input)),
        other => other,
    })
}

fn act(input: Input) -> Option<Action> {
    Some(Action::Step(Step::Understand(input)))
}

fn handle_unwrapped(
    screen: &mut UnderstandScreen,
    talk: &Understand,
    key: KeyEvent,
) -> Option<Action> {
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

/// Keys go to the open text field: Enter hands the line on, Esc closes the field.
fn type_into(ui: &mut StepUi, key: &KeyEvent) -> Option<Option<Action>> {
    let (text, input): (&mut TextField, fn(String) -> Input) = match ui {
        StepUi::Topic { text, shared } if text.writing => {
            let topic = |t: String, shared: &bool| (t, *shared);
            return Some(match key.code {
                KeyCode::Esc => {
                    text.writing = false;
                    None
                }
                KeyCode::Tab => {
                    *shared = !*shared;
                    None
                }
                KeyCode::Enter => {
                    let (text, shared) = topic(text.text(), shared);
                    act(Input::Topic {
                        text: Some(text),
                        shared,
                    })
                }
                _ => {
                    text.area.input(*key);
                    Some(Action::Typed)
                }
            });
        }
        StepUi::SmallStep { text, .. } if text.writing => (text, |t| Input::SmallStep(Some(t))),
        _ => return None,
    };
    Some(match key.code {
        KeyCode::Esc => {
            text.writing = false;
            None
        }
        KeyCode::Enter => act(input(text.text())),
        _ => {
            text.area.input(*key);
            Some(Action::Typed)
        }
    })
}

fn on_step(
    screen: &mut UnderstandScreen,
    talk: &Understand,
    command: Cmd,
    key: &KeyEvent,
) -> Option<Action> {
    let notice = &mut screen.notice;
    let notes = talk.keeps_notes();
    match &mut screen.ui {
        StepUi::GoodTime { choice, .. } => act(Input::GoodTime(choose(command, choice, notice)?)),
        StepUi::Topic { text, shared } => match command {
            Cmd::Next => act(Input::Topic {
                text: Some(text.text()),
                shared: *shared,
            }),
            Cmd::Write => open_text(notes, text, notice),
            Cmd::Share => {
                *shared = !*shared;
                None
            }
            _ => None,
        },
        StepUi::Speak => said(command, Input::Said),
        StepUi::Mirror => said(command, Input::Mirrored),
        StepUi::Validate | StepUi::Empathize => said(command, Input::Done),
        StepUi::Answer(_) if command == Cmd::Pass => act(Input::Pass),
        StepUi::Answer(marked) => act(Input::Answer(pick_answer(command, marked, notice)?)),
        StepUi::More(choice) => match command {
            Cmd::Pass => act(Input::Pass),
            _ => act(Input::More(choose(command, choice, notice)?)),
        },
        StepUi::Rating(ratings) => rate(command, key, ratings, notice),
        StepUi::Switch(choice) => act(Input::Switch(choose(command, choice, notice)?)),
        StepUi::SmallStep { text, .. } => match command {
            Cmd::Next => act(Input::SmallStep(Some(text.text()))),
            Cmd::Write => open_text(notes, text, notice),
            Cmd::Pass => act(Input::Pass),
            _ => None,
        },
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

fn said(command: Cmd, input: Input) -> Option<Action> {
    match command {
        Cmd::Next => act(input),
        Cmd::Pass => act(Input::Pass),
        _ => None,
    }
}

/// The sender's answer to a mirror: a letter or digit gives it; arrows mark one and Enter
/// gives it. Shared with the gate of "After a hard moment".
pub(crate) fn pick_answer(
    command: Cmd,
    marked: &mut Option<usize>,
    notice: &mut Option<String>,
) -> Option<Answer> {
    const ANSWERS: [Answer; 3] = [Answer::GotIt, Answer::Partly, Answer::NotYet];
    match command {
        Cmd::Yes => Some(Answer::GotIt),
        Cmd::Partly => Some(Answer::Partly),
        Cmd::No => Some(Answer::NotYet),
        Cmd::Toggle => {
            *marked = Some(marked.map_or(0, |m| (m + 1) % ANSWERS.len()));
            None
        }
        Cmd::Next => match marked {
            Some(m) => Some(ANSWERS[*m]),
            None => {
                *notice = Some(words::ANSWER_FIRST.to_string());
                None
            }
        },
        _ => None,
    }
}

/// Three questions: a digit answers the one in focus and moves to the next open one;
/// Enter goes on only when all three are answered (or skipped with `s`).
fn rate(
    command: Cmd,
    key: &KeyEvent,
    ratings: &mut Ratings,
    notice: &mut Option<String>,
) -> Option<Action> {
    let focused = ratings.focus.min(2);
    match command {
        Cmd::Switch => {
            let back = matches!(key.code, KeyCode::Up | KeyCode::BackTab);
            ratings.focus = if back {
                (focused + 2) % 3
            } else {
                (focused + 1) % 3
            };
        }
        Cmd::Pick => {
            let scale = &mut ratings.scales[focused];
            scale.key(key, 5);
            if keymap::digit(key).is_some_and(|d| (1..=5).contains(&d)) {
                scale.skipped = false;
                ratings.move_to_unanswered();
            }
        }
        Cmd::Skip => {
            let scale = &mut ratings.scales[focused];
            scale.value = None;
            scale.skipped = true;
            if ratings.answered() {
                return hand_on(ratings);
            }
            ratings.move_to_unanswered();
        }
        Cmd::Next if ratings.answered() => return hand_on(ratings),
        Cmd::Next => {
            ratings.move_to_unanswered();
            *notice = Some(words::RATING_UNANSWERED.to_string());
        }
        _ => {}
    }
    None
}

fn hand_on(ratings: &Ratings) -> Option<Action> {
    let [heard, validated, cared] = ratings.scales.map(|s| s.value);
    act(Input::Rate {
        heard,
        validated,
        cared,
    })
}

/// Open a text field to write in, unless notes are not kept (then say so).
fn open_text(notes: bool, text: &mut TextField, notice: &mut Option<String>) -> Option<Action> {
    if notes {
        text.writing = true;
    } else {
        *notice = Some(words::NOTES_OFF.to_string());
    }
    None
}
