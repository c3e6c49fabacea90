//! The talk engines driven directly, as the TUI and the demo drive them: every step, every choice.
//!
//! The couple's prompt talk is `heard::talk::Talk`; one person's reflection alone is
//! `heard::reflection::Reflection`. Both are saved as a draft record (`journal::draft`)
//! through `heard::activity::Activity`, and read back the way heard reads in-progress.json.

use chrono::{DateTime, FixedOffset};
use heard::activity::{Activity, Event};
use heard::deck::{Deck, Prompt, Source};
use heard::journal::draft;
use heard::mode::{Mode, Partner};
use heard::reflection::{self, Reflection, ReflectionSetup};
use heard::talk::{Input, Step, Talk, TalkError, TalkSetup};
use serde_json::Value;

#[path = "talk/back.rs"]
mod back;
#[path = "talk/deeper.rs"]
mod deeper;
#[path = "talk/drafts.rs"]
mod drafts;
#[path = "talk/events.rs"]
mod events;
#[path = "talk/flow.rs"]
mod flow;
#[path = "talk/props.rs"]
mod props;
#[path = "talk/refusals.rs"]
mod refusals;
#[path = "talk/session.rs"]
mod session;
#[path = "talk/solo.rs"]
mod solo;
#[path = "talk/try_again.rs"]
mod try_again;

fn prompt(id: &str, depth: u8) -> Prompt {
    Prompt {
        id: id.to_string(),
        text: format!("Tell me about {id}."),
        depth,
        followups: vec![format!("And {id} today?")],
        tags: vec![],
    }
}

fn deck_of(prompts: Vec<Prompt>, modes: &[Mode]) -> Deck {
    Deck {
        id: "test-deck".to_string(),
        title: "Test deck".to_string(),
        description: None,
        language: "en".to_string(),
        modes: modes.to_vec(),
        author: None,
        prompts,
        suggested_prompts: None,
        suggested_seconds: None,
        source: Source::BuiltIn,
    }
}

fn couple_deck(prompts: Vec<Prompt>) -> Deck {
    deck_of(prompts, &[Mode::Couple])
}

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn setup(deck: Deck, prompts: usize) -> TalkSetup {
    TalkSetup {
        partners: vec!["Ana".to_string(), "Ben".to_string()],
        deck,
        prompts,
        timer_seconds: Some(180),
        listener_guess: true,
        keep_notes: true,
        seed: 7,
        started_at: at("2026-11-26T20:01:00+01:00"),
        brought: vec![],
        recent: Vec::new(),
    }
}

/// Ana reflecting alone, with the same seed, start and kept notes as [`setup`].
fn reflection_setup(deck: Deck, prompts: usize) -> ReflectionSetup {
    ReflectionSetup {
        name: "Ana".to_string(),
        deck,
        prompts,
        keep_notes: true,
        seed: 7,
        started_at: at("2026-11-26T20:01:00+01:00"),
    }
}

/// Apply an input the talk must take, and say what happened.
fn ok(talk: &mut Talk, input: Input) -> Vec<Event> {
    let step = talk.step();
    match talk.apply(input.clone()) {
        Ok(events) => events,
        Err(e) => panic!("{input:?} at {step:?} failed: {e}"),
    }
}

/// Apply an input the reflection must take, and say what happened.
fn reflect(reflection: &mut Reflection, input: reflection::Input) -> Vec<Event> {
    let step = reflection.step();
    match reflection.apply(input.clone()) {
        Ok(events) => events,
        Err(e) => panic!("{input:?} at {step:?} failed: {e}"),
    }
}

fn check_in(talk: &mut Talk, moods: &[Option<u8>; 2]) {
    for (partner, value) in Partner::BOTH.into_iter().zip(moods) {
        ok(
            talk,
            Input::Mood {
                partner,
                value: *value,
            },
        );
    }
}

/// One whole couple turn, from the speaker card to the end of the rating (and reveal).
fn answer(talk: &mut Talk, heard: Option<u8>, validated: Option<u8>, guess: Option<u8>) {
    ok(
        talk,
        Input::Done {
            note: String::new(),
            seconds: Some(60),
        },
    );
    ok(talk, Input::Continue);
    if talk.step() == Step::ListenerGuess {
        ok(talk, Input::Guess(guess));
    }
    ok(
        talk,
        Input::Rate {
            felt_heard: heard,
            felt_validated: validated,
        },
    );
    if talk.step() == Step::TryAgain {
        ok(talk, Input::TryAgain { yes: false });
    }
}

fn close(talk: &mut Talk) {
    for partner in Partner::BOTH {
        ok(
            talk,
            Input::Closeness {
                partner,
                value: Some(5),
            },
        );
        ok(
            talk,
            Input::Mood {
                partner,
                value: Some(4),
            },
        );
        ok(
            talk,
            Input::Appreciation {
                partner,
                text: String::new(),
            },
        );
    }
}

/// Answer every turn (saying yes to going deeper) and close.
fn run_to_end(talk: &mut Talk) {
    while talk.step() != Step::Summary {
        match talk.step() {
            Step::CheckIn { partner } => {
                ok(
                    talk,
                    Input::Mood {
                        partner,
                        value: Some(3),
                    },
                );
            }
            Step::DeeperConsent { partner } => {
                ok(talk, Input::Consent { partner, yes: true });
            }
            Step::Speaker => answer(talk, Some(4), Some(5), Some(3)),
            Step::Closeness { .. } => close(talk),
            other => panic!("unexpected step {other:?}"),
        }
    }
}

fn session_json(talk: &Talk) -> Value {
    serde_json::to_value(talk.to_session(at("2026-11-26T20:41:00+01:00"), true)).unwrap()
}

fn reflection_json(reflection: &Reflection) -> Value {
    serde_json::to_value(reflection.to_session(at("2026-11-26T20:41:00+01:00"), true)).unwrap()
}

fn turn_ids(talk: &Talk) -> Vec<String> {
    talk.to_session(at("2026-11-26T20:41:00+01:00"), true)
        .turns
        .iter()
        .map(|t| t.prompt_id.clone())
        .collect()
}

/// The draft file's text for an activity, as the store writes it.
fn draft_text(activity: &Activity, typing: Option<String>) -> String {
    serde_json::to_string(&activity.to_draft(typing)).unwrap()
}

/// Save an activity as its draft (record, then JSON text) and read it back as heard
/// reads in-progress.json: `draft::from_value`, then `Activity::from_draft`.
fn through_draft(activity: &Activity, typing: Option<String>) -> (Activity, Option<String>) {
    let value: Value = serde_json::from_str(&draft_text(activity, typing)).unwrap();
    let draft = draft::from_value(value).unwrap_or_else(|e| panic!("draft not read: {e}"));
    Activity::from_draft(draft).unwrap_or_else(|e| panic!("draft not resumed: {e}"))
}

/// The talk a draft saved now would resume to.
fn resumed_talk(talk: &Talk) -> Talk {
    match through_draft(&Activity::Prompts(talk.clone()), None) {
        (Activity::Prompts(back), None) => back,
        other => panic!("a talk's draft came back as {other:?}"),
    }
}

/// The reflection a draft saved now would resume to.
fn resumed_reflection(reflection: &Reflection) -> Reflection {
    match through_draft(&Activity::Reflection(reflection.clone()), None) {
        (Activity::Reflection(back), None) => back,
        other => panic!("a reflection's draft came back as {other:?}"),
    }
}
