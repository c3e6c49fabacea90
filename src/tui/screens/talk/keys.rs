//! The keys of each step of a prompt talk, in one table per step: the same tables give
//! the footer's hints and the help overlay's lines.

use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent};

use super::{Rating, StepUi, TalkScreen};
use crate::activity::Input as Step;
use crate::mode::Partner;
use crate::talk::brought::Note;
use crate::talk::{Input, Progress, Talk};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Binding, digits};
use crate::tui::screens::activity::keys::{
    self as shared, ANSWER_MARKED, ARROWS, AT_REST, BREAK, CLEAR, Cmd, ENTER, EVERY_STEP,
    MOVE_BETWEEN_ANSWERS, PASS, SCALE_5, bind, choose,
};
use crate::tui::screens::activity::parts::{Scale, TextField};
use crate::words;

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
    bind(
        &[KeyCode::Char('s')],
        "s",
        Some("skip"),
        "skip the question in focus, no reason needed",
        Cmd::Skip,
    ),
    bind(ARROWS, "← →", None, "move along the scale", Cmd::Pick),
    bind(CLEAR, "0", None, "clear the answer in focus", Cmd::Pick),
    Binding {
        hint: None,
        ..ASK_AGAIN
    },
];

/// The rating when no guess was made before it: back goes to the listener card.
const RATING_BACK: &[Binding<Cmd>] = &[
    RATING[0], RATING[1], RATING[2], RATING[3], BACK, RATING[4], RATING[5], RATING[6],
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
    ANSWER_MARKED,
    MOVE_BETWEEN_ANSWERS,
];

const ASK_AGAIN: Binding<Cmd> = bind(
    &[KeyCode::Char('t')],
    "t",
    Some("try again"),
    "ask the listener to try again: say what was missed, be mirrored again",
    Cmd::TryAgain,
);

/// Both scales answered and the guess shown beside them: go on, or ask for a second round.
const RATED: &[Binding<Cmd>] = &[
    bind(
        ENTER,
        "Enter",
        Some("next"),
        "go on with this rating",
        Cmd::Next,
    ),
    ASK_AGAIN,
];

const TRY_AGAIN: &[Binding<Cmd>] = &[
    bind(
        &[KeyCode::Char('y')],
        "y",
        Some("yes"),
        "yes: a short second round",
        Cmd::Yes,
    ),
    bind(
        &[KeyCode::Char('n')],
        "n",
        Some("no"),
        "no: go on as it is",
        Cmd::No,
    ),
    ANSWER_MARKED,
    MOVE_BETWEEN_ANSWERS,
];

/// Shown in the help; taken before the tables, and only on the card of the partner who
/// brought the prompt's topic from a reflection alone.
const OWN_NOTES: Binding<Cmd> = bind(
    &[KeyCode::Char('o')],
    "o",
    None,
    "your own notes, on the topic you brought from a reflection (the other looks away)",
    Cmd::Toggle,
);

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
    OWN_NOTES,
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
    OWN_NOTES,
];

const SPEAKER: &[Binding<Cmd>] = &[SPEAKER_TIMED[0], SPEAKER_TIMED[2], PASS, BREAK, OWN_NOTES];

/// Back to the previous step of this turn, where that is the same person's or shared.
const BACK: Binding<Cmd> = bind(
    &[KeyCode::Char('p')],
    "p",
    Some("back"),
    "back to the previous step of this turn, to change an answer",
    Cmd::Back,
);

const LISTENER: &[Binding<Cmd>] = &[
    bind(
        ENTER,
        "Enter",
        Some("done"),
        "done reflecting back",
        Cmd::Next,
    ),
    BACK,
    PASS,
    BREAK,
];

/// The listener's hidden guess: a one-question scale, and back to the listener card.
const GUESS: &[Binding<Cmd>] = &[
    SCALE_5[0], SCALE_5[1], SCALE_5[2], BACK, SCALE_5[3], SCALE_5[4],
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
        StepUi::CheckIn { .. } | StepUi::MoodAfter { .. } => [SCALE_5, EVERY_STEP],
        StepUi::ListenerGuess(_) => [GUESS, EVERY_STEP],
        StepUi::DeeperConsent { .. } => [CONSENT, EVERY_STEP],
        StepUi::Speaker(speaking) if timed && !speaking.watch.is_running() => {
            [SPEAKER_PAUSED, EVERY_STEP]
        }
        StepUi::Speaker(_) if timed => [SPEAKER_TIMED, EVERY_STEP],
        StepUi::Speaker(_) => [SPEAKER, EVERY_STEP],
        StepUi::Listener => [LISTENER, EVERY_STEP],
        StepUi::Rating(rating) if rating.answered() && talk.guess_to_show().is_some() => {
            [RATED, EVERY_STEP]
        }
        StepUi::Rating(_) if talk.asks_guess() && !talk.in_second_round() => [RATING, EVERY_STEP],
        StepUi::Rating(_) => [RATING_BACK, EVERY_STEP],
        StepUi::Reveal { .. } | StepUi::Appreciation { .. } => [NEXT_ONLY, EVERY_STEP],
        StepUi::TryAgain { .. } => [TRY_AGAIN, EVERY_STEP],
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
        | StepUi::TryAgain { .. }
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
        | StepUi::TryAgain { .. }
        | StepUi::Closeness { .. }
        | StepUi::MoodAfter { .. }
        | StepUi::Break(_)
        | StepUi::Summary => None,
    }
    .filter(|(field, _)| field.writing)
}

/// The notes of a brought topic, when the one speaking now is the one who wrote them.
pub fn own_notes<'a>(progress: &Progress<'a>) -> Option<&'a [Note]> {
    let brought = progress.brought.filter(|b| b.by == progress.speaker)?;
    (!brought.notes.is_empty()).then_some(&brought.notes[..])
}

fn act(input: Input) -> Option<Action> {
    Some(Action::Step(Step::Prompts(input)))
}

pub fn handle(screen: &mut TalkScreen, talk: &Talk, key: KeyEvent, now: Instant) -> Option<Action> {
    if let Some(action) = write(&mut screen.ui, &key) {
        return action;
    }
    // The bringer of a topic opens their own notes, on their own card only.
    if let StepUi::Speaker(speaking) = &mut screen.ui
        && key.code == KeyCode::Char('o')
        && talk.progress().is_some_and(|p| own_notes(&p).is_some())
    {
        speaking.notes_open = !speaking.notes_open;
        return None;
    }
    let command = shared::find(tables(&screen.ui, talk), &key)?;
    match command {
        Cmd::Help => Some(Action::ShowHelp),
        Cmd::Leave => Some(Action::AskQuit),
        Cmd::Break => act(Input::Break),
        Cmd::Retry => Some(Action::RetrySave),
        Cmd::Back => act(Input::Back),
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
    let notice = &mut screen.notice;
    match &mut screen.ui {
        StepUi::CheckIn { partner, mood } => {
            scale(command, key, mood, 5, notice, |value| Input::Mood {
                partner: *partner,
                value,
            })
        }
        StepUi::MoodAfter { partner, mood } => {
            scale(command, key, mood, 5, notice, |value| Input::Mood {
                partner: *partner,
                value,
            })
        }
        StepUi::ListenerGuess(guess) => scale(command, key, guess, 5, notice, Input::Guess),
        StepUi::Closeness { partner, value } => {
            scale(command, key, value, 7, notice, |value| Input::Closeness {
                partner: *partner,
                value,
            })
        }
        StepUi::DeeperConsent { partner, choice } => consent(command, *partner, choice, notice),
        StepUi::TryAgain { choice } => {
            let yes = choose(command, choice, notice)?;
            act(Input::TryAgain { yes })
        }
        StepUi::Rating(rating) if command == Cmd::TryAgain => ask_again(talk, rating, notice),
        StepUi::Rating(rating) => rate(command, key, rating, talk.guess_to_show(), notice),
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
                *notice = Some(crate::words::NOTES_OFF.to_string());
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

/// A screen with one question on a 1..=max scale: a digit picks and goes on; arrows move
/// and Enter goes on once something is chosen; skipping is `s`, never Enter on nothing.
fn scale(
    command: Cmd,
    key: &KeyEvent,
    scale: &mut Scale,
    max: u8,
    notice: &mut Option<String>,
    input: impl FnOnce(Option<u8>) -> Input,
) -> Option<Action> {
    match command {
        Cmd::Pick if keymap::digit(key).is_some_and(|d| (1..=max).contains(&d)) => {
            scale.key(key, max);
            act(input(scale.value))
        }
        Cmd::Pick => {
            scale.key(key, max);
            None
        }
        Cmd::Next if scale.value.is_some() => act(input(scale.value)),
        Cmd::Next => {
            *notice = Some(words::choose_first(max));
            None
        }
        Cmd::Skip => act(input(None)),
        _ => None,
    }
}

/// `t` on the rating: both answered, the speaker asks for a second round (first round only).
fn ask_again(talk: &Talk, rating: &mut Rating, notice: &mut Option<String>) -> Option<Action> {
    if talk.in_second_round() {
        return None;
    }
    if !rating.answered() {
        rating.move_to_unanswered();
        *notice = Some(words::RATING_UNANSWERED.to_string());
        return None;
    }
    act(Input::RateAndTryAgain {
        felt_heard: rating.heard.value,
        felt_validated: rating.validated.value,
    })
}

/// "Go deeper?": nothing is chosen for anyone; `y` and `n` answer, arrows mark a choice
/// and Enter gives it.
fn consent(
    command: Cmd,
    partner: Partner,
    choice: &mut Option<bool>,
    notice: &mut Option<String>,
) -> Option<Action> {
    let answer = match command {
        Cmd::Toggle => {
            *choice = Some(!choice.unwrap_or(false));
            return None;
        }
        Cmd::Yes => true,
        Cmd::No => false,
        Cmd::Next => match *choice {
            Some(yes) => yes,
            None => {
                *notice = Some(words::CONSENT_CHOOSE_FIRST.to_string());
                return None;
            }
        },
        _ => return None,
    };
    act(Input::Consent {
        partner,
        yes: answer,
    })
}

/// The two scales: a digit answers the one in focus and moves to the next unanswered;
/// Enter goes on only when both are answered (or skipped with `s`), else moves to the
/// first unanswered one.
fn rate(
    command: Cmd,
    key: &KeyEvent,
    rating: &mut Rating,
    guess: Option<u8>,
    notice: &mut Option<String>,
) -> Option<Action> {
    let digit = keymap::digit(key).is_some_and(|d| (1..=5).contains(&d));
    // Once the guess shows beside the rating, the rating stands: Enter goes on.
    let revealed = guess.is_some() && rating.answered();
    match command {
        Cmd::Next if revealed => return rating.hand_on(),
        _ if revealed => return None,
        Cmd::Switch => rating.on_validated = !rating.on_validated,
        Cmd::Pick => {
            rating.focused().key(key, 5);
            if digit {
                rating.focused().skipped = false;
                rating.move_to_unanswered();
            }
        }
        Cmd::Skip => {
            let focused = rating.focused();
            focused.value = None;
            focused.skipped = true;
            if rating.answered() {
                return rating.hand_on();
            }
            rating.move_to_unanswered();
        }
        Cmd::Next if rating.answered() => return rating.hand_on(),
        Cmd::Next => {
            rating.move_to_unanswered();
            *notice = Some(words::RATING_UNANSWERED.to_string());
        }
        _ => {}
    }
    None
}

impl Rating {
    fn focused(&mut self) -> &mut Scale {
        if self.on_validated {
            &mut self.validated
        } else {
            &mut self.heard
        }
    }

    /// Both scales answered or skipped.
    pub(super) fn answered(&self) -> bool {
        self.heard.answered() && self.validated.answered()
    }

    /// Focus on the first scale still unanswered, if any.
    fn move_to_unanswered(&mut self) {
        if !self.heard.answered() {
            self.on_validated = false;
        } else if !self.validated.answered() {
            self.on_validated = true;
        }
    }

    fn hand_on(&self) -> Option<Action> {
        act(Input::Rate {
            felt_heard: self.heard.value,
            felt_validated: self.validated.value,
        })
    }
}
