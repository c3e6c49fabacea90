//! The talk engine driven directly, as the TUI and the demo drive it: every step, every choice.

use chrono::{DateTime, FixedOffset};
use heard::deck::{Deck, Prompt, Source};
use heard::mode::Mode;
use heard::talk::{Input, Mode, Step, Talk, TalkError, TalkSetup, carried_prompts};
use serde_json::Value;

#[path = "talk/deeper.rs"]
mod deeper;
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
        mode: Mode::Couple,
        partners: vec!["Ana".to_string(), "Ben".to_string()],
        deck,
        prompts,
        timer_seconds: Some(180),
        listener_guess: true,
        keep_notes: true,
        seed: 7,
        started_at: at("2026-11-26T20:01:00+01:00"),
        carried_prompts: vec![],
    }
}

fn solo_setup(deck: Deck, prompts: usize) -> TalkSetup {
    TalkSetup {
        mode: Mode::Solo,
        partners: vec!["Ana".to_string()],
        ..setup(deck, prompts)
    }
}

fn ok(talk: &mut Talk, input: Input) {
    let step = talk.step();
    if let Err(e) = talk.apply(input.clone()) {
        panic!("{input:?} at {step:?} failed: {e}");
    }
}

fn check_in(talk: &mut Talk, moods: &[Option<u8>]) {
    for (partner, value) in moods.iter().enumerate() {
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
    if let Step::Reveal { .. } = talk.step() {
        ok(talk, Input::Continue);
    }
}

fn close(talk: &mut Talk) {
    for partner in 0..2 {
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
            Step::CheckIn { partner } => ok(
                talk,
                Input::Mood {
                    partner,
                    value: Some(3),
                },
            ),
            Step::DeeperConsent { partner } => ok(talk, Input::Consent { partner, yes: true }),
            Step::Speaker => answer(talk, Some(4), Some(5), Some(3)),
            Step::Closeness { .. } => close(talk),
            other => panic!("unexpected step {other:?}"),
        }
    }
}

fn session_json(talk: &Talk) -> Value {
    serde_json::to_value(talk.to_session(at("2026-11-26T20:41:00+01:00"), true)).unwrap()
}

fn turn_ids(talk: &Talk) -> Vec<String> {
    talk.to_session(at("2026-11-26T20:41:00+01:00"), true)
        .turns
        .iter()
        .map(|t| t.prompt_id.clone())
        .collect()
}
