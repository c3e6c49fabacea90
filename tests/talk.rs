//! The talk engine driven directly, as the TUI and the demo drive it: every step, every choice.

use chrono::{DateTime, FixedOffset};
use heard::deck::{Deck, DeckMode, Prompt, Source};
use heard::talk::{Input, Step, Talk, TalkError, TalkMode, TalkSetup, carried_prompts};
use proptest::prelude::*;
use serde_json::Value;

fn prompt(id: &str, depth: u8) -> Prompt {
    Prompt {
        id: id.to_string(),
        text: format!("Tell me about {id}."),
        depth,
        followups: vec![format!("And {id} today?")],
        tags: vec![],
    }
}

fn deck_of(prompts: Vec<Prompt>, modes: &[DeckMode]) -> Deck {
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
    deck_of(prompts, &[DeckMode::Couple])
}

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn setup(deck: Deck, prompts: usize) -> TalkSetup {
    TalkSetup {
        mode: TalkMode::Couple,
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
        mode: TalkMode::Solo,
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
        ok(talk, Input::Mood { partner, value: *value });
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
        ok(talk, Input::Closeness { partner, value: Some(5) });
        ok(talk, Input::Mood { partner, value: Some(4) });
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
            Step::CheckIn { partner } => ok(talk, Input::Mood { partner, value: Some(3) }),
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

#[test]
fn a_couple_talk_goes_through_every_step() {
    let deck = couple_deck(vec![prompt("light", 1), prompt("personal", 2)]);
    let mut talk = Talk::new(setup(deck, 2)).unwrap();

    assert_eq!(talk.step(), Step::CheckIn { partner: 0 });
    assert!(talk.progress().is_none());
    ok(&mut talk, Input::Mood { partner: 0, value: Some(3) });
    assert_eq!(talk.step(), Step::CheckIn { partner: 1 });
    ok(&mut talk, Input::Mood { partner: 1, value: None });

    assert_eq!(talk.step(), Step::Speaker);
    let progress = talk.progress().unwrap();
    assert_eq!((progress.prompt_index, progress.prompt_count), (0, 2));
    assert_eq!(progress.prompt.id, "light");
    assert_eq!((progress.speaker_name, progress.listener_name), ("Ana", Some("Ben")));
    assert_eq!(progress.timer_seconds, Some(180));

    ok(
        &mut talk,
        Input::Done {
            note: "I felt shy".to_string(),
            seconds: Some(170),
        },
    );
    assert_eq!(talk.step(), Step::Listener);
    ok(&mut talk, Input::Continue);
    assert_eq!(talk.step(), Step::ListenerGuess);
    ok(&mut talk, Input::Guess(Some(3)));
    assert_eq!(talk.step(), Step::Rating);
    ok(
        &mut talk,
        Input::Rate {
            felt_heard: Some(4),
            felt_validated: Some(5),
        },
    );
    assert_eq!(
        talk.step(),
        Step::Reveal {
            guess: 3,
            felt_heard: Some(4)
        }
    );
    ok(&mut talk, Input::Continue);

    // Same prompt, the other partner speaks.
    assert_eq!(talk.step(), Step::Speaker);
    let progress = talk.progress().unwrap();
    assert_eq!(progress.prompt.id, "light");
    assert_eq!((progress.speaker_name, progress.listener_name), ("Ben", Some("Ana")));
    ok(
        &mut talk,
        Input::Done {
            note: String::new(),
            seconds: None,
        },
    );
    ok(&mut talk, Input::Continue);
    // No guess made: no reveal, straight on after the rating.
    ok(&mut talk, Input::Guess(None));
    ok(
        &mut talk,
        Input::Rate {
            felt_heard: None,
            felt_validated: Some(2),
        },
    );
    assert_eq!(talk.step(), Step::Speaker);
    let progress = talk.progress().unwrap();
    assert_eq!((progress.prompt_index, progress.prompt.id.as_str()), (1, "personal"));
    assert_eq!(progress.speaker_name, "Ben");
    answer(&mut talk, Some(5), Some(5), Some(5));
    assert_eq!(talk.progress().unwrap().speaker_name, "Ana");
    answer(&mut talk, Some(3), Some(3), Some(2));

    assert_eq!(talk.step(), Step::Closeness { partner: 0 });
    assert!(talk.progress().is_none());
    ok(&mut talk, Input::Closeness { partner: 0, value: Some(6) });
    assert_eq!(talk.step(), Step::MoodAfter { partner: 0 });
    ok(&mut talk, Input::Mood { partner: 0, value: Some(4) });
    assert_eq!(talk.step(), Step::Appreciation { partner: 0 });
    ok(
        &mut talk,
        Input::Appreciation {
            partner: 0,
            text: "Thank you for listening.".to_string(),
        },
    );
    assert_eq!(talk.step(), Step::Closeness { partner: 1 });
    ok(&mut talk, Input::Closeness { partner: 1, value: None });
    ok(&mut talk, Input::Mood { partner: 1, value: Some(5) });
    ok(
        &mut talk,
        Input::Appreciation {
            partner: 1,
            text: "  ".to_string(),
        },
    );
    assert_eq!(talk.step(), Step::Summary);
    assert!(talk.is_finished());

    let session = session_json(&talk);
    assert_eq!(session["mood_before"], serde_json::json!([3, null]));
    assert_eq!(session["mood_after"], serde_json::json!([4, 5]));
    assert_eq!(session["closeness"], serde_json::json!([6, null]));
    assert_eq!(
        session["appreciations"],
        serde_json::json!(["Thank you for listening.", null])
    );
    let turns = session["turns"].as_array().unwrap();
    assert_eq!(turns.len(), 4);
    assert_eq!(turns[0]["note"], "I felt shy");
    assert_eq!(turns[0]["seconds"], 170);
    assert_eq!(turns[0]["listener_guess"], 3);
    assert_eq!(turns[1]["felt_heard"], Value::Null);
    assert_eq!(turns[1]["felt_validated"], 2);
    assert_eq!(turns[1]["listener_guess"], Value::Null);
    assert_eq!(turns[1]["seconds"], Value::Null);
}

#[test]
fn without_guessing_the_rating_follows_the_listener_card() {
    let deck = couple_deck(vec![prompt("light", 1)]);
    let mut talk = Talk::new(TalkSetup {
        listener_guess: false,
        ..setup(deck, 1)
    })
    .unwrap();
    check_in(&mut talk, &[Some(2), Some(2)]);
    ok(
        &mut talk,
        Input::Done {
            note: String::new(),
            seconds: None,
        },
    );
    ok(&mut talk, Input::Continue);
    assert_eq!(talk.step(), Step::Rating);
    assert!(talk.apply(Input::Guess(Some(3))).is_err());
    ok(
        &mut talk,
        Input::Rate {
            felt_heard: Some(4),
            felt_validated: Some(4),
        },
    );
    assert_eq!(talk.step(), Step::Speaker);
    answer(&mut talk, Some(4), Some(4), None);
    close(&mut talk);
    let session = session_json(&talk);
    for turn in session["turns"].as_array().unwrap() {
        assert!(turn.get("listener_guess").is_none(), "{turn}");
    }
}

#[test]
fn a_one_prompt_deck_gives_each_partner_one_turn() {
    let deck = couple_deck(vec![prompt("only", 2)]);
    let mut talk = Talk::new(setup(deck, 5)).unwrap();
    assert_eq!(talk.prompts().len(), 1);
    run_to_end(&mut talk);
    let session = talk.to_session(at("2026-11-26T20:41:00+01:00"), true);
    let speakers: Vec<usize> = session.turns.iter().map(|t| t.speaker).collect();
    assert_eq!(speakers, [0, 1]);
    assert!(session.turns.iter().all(|t| t.prompt_id == "only"));
}

#[test]
fn a_deck_with_fewer_prompts_than_asked_uses_all_of_them() {
    let deck = couple_deck(vec![prompt("a", 1), prompt("b", 2), prompt("c", 1)]);
    let mut talk = Talk::new(setup(deck, 10)).unwrap();
    let mut ids: Vec<&str> = talk.prompts().iter().map(|p| p.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(talk.prompts()[2].id, "b", "the personal prompt comes last");
    run_to_end(&mut talk);
    assert_eq!(turn_ids(&talk).len(), 6);
}

#[test]
fn everything_skipped_still_completes_with_nulls() {
    let deck = couple_deck(vec![prompt("a", 1), prompt("b", 1), prompt("c", 2)]);
    let mut talk = Talk::new(setup(deck, 3)).unwrap();
    check_in(&mut talk, &[None, None]);
    let mut passes = 0;
    while talk.step() == Step::Speaker {
        // Pass on the speaker card, and every other time on the listener card.
        if passes % 2 == 1 {
            ok(
                &mut talk,
                Input::Done {
                    note: String::new(),
                    seconds: Some(12),
                },
            );
            assert_eq!(talk.step(), Step::Listener);
        }
        ok(&mut talk, Input::Pass);
        passes += 1;
    }
    assert_eq!(passes, 6);
    for partner in 0..2 {
        ok(&mut talk, Input::Closeness { partner, value: None });
        ok(&mut talk, Input::Mood { partner, value: None });
        ok(
            &mut talk,
            Input::Appreciation {
                partner,
                text: String::new(),
            },
        );
    }
    assert!(talk.is_finished());
    let session = session_json(&talk);
    assert_eq!(session["completed"], true);
    for key in ["mood_before", "mood_after", "closeness"] {
        assert_eq!(session[key], serde_json::json!([null, null]), "{key}");
    }
    assert!(session.get("appreciations").is_none());
    let turns = session["turns"].as_array().unwrap();
    assert_eq!(turns.len(), 6);
    for turn in turns {
        assert_eq!(turn["skipped"], true);
        assert_eq!(turn["felt_heard"], Value::Null);
        assert_eq!(turn["felt_validated"], Value::Null);
        assert_eq!(turn["listener_guess"], Value::Null);
    }
}

/// Four prompts of [1, 1, 2, 3] depths, with one personal prompt left over as a spare.
fn deck_with_deep_prompts() -> Deck {
    couple_deck(vec![
        prompt("l1", 1),
        prompt("l2", 1),
        prompt("p1", 2),
        prompt("p2", 2),
        prompt("d1", 3),
        prompt("d2", 3),
    ])
}

fn walk_to_consent(talk: &mut Talk) {
    check_in(talk, &[Some(3), Some(3)]);
    while talk.step() == Step::Speaker {
        answer(talk, Some(4), Some(4), Some(4));
    }
}

#[test]
fn either_partner_declining_keeps_the_talk_lighter() {
    for answers in [(false, true), (true, false), (false, false)] {
        let mut talk = Talk::new(setup(deck_with_deep_prompts(), 4)).unwrap();
        let depths: Vec<u8> = talk.prompts().iter().map(|p| p.depth).collect();
        assert_eq!(depths, [1, 1, 2, 3]);
        walk_to_consent(&mut talk);
        assert_eq!(talk.step(), Step::DeeperConsent { partner: 0 });
        assert_eq!(talk.progress().unwrap().prompt_index, 3);
        ok(&mut talk, Input::Consent { partner: 0, yes: answers.0 });
        assert_eq!(talk.step(), Step::DeeperConsent { partner: 1 });
        ok(&mut talk, Input::Consent { partner: 1, yes: answers.1 });
        assert_eq!(talk.went_deeper(), Some(false));

        // The deep prompt was replaced by the unused personal one.
        assert_eq!(talk.step(), Step::Speaker);
        let progress = talk.progress().unwrap();
        assert_eq!((progress.prompt_index, progress.prompt_count), (3, 4));
        assert_eq!(progress.prompt.depth, 2);
        run_to_end(&mut talk);
        let ids = turn_ids(&talk);
        assert_eq!(ids.len(), 8);
        assert!(ids.iter().all(|id| !id.starts_with('d')), "{answers:?}: {ids:?}");
        assert!(ids.contains(&"p1".to_string()) && ids.contains(&"p2".to_string()));
    }
}

#[test]
fn declining_with_no_lighter_prompts_left_ends_the_prompts_early() {
    let deck = couple_deck(vec![prompt("l1", 1), prompt("d1", 3), prompt("d2", 3)]);
    let mut talk = Talk::new(setup(deck, 3)).unwrap();
    walk_to_consent(&mut talk);
    ok(&mut talk, Input::Consent { partner: 0, yes: true });
    ok(&mut talk, Input::Consent { partner: 1, yes: false });
    assert_eq!(talk.step(), Step::Closeness { partner: 0 });
    assert_eq!(talk.prompts().len(), 1);
    close(&mut talk);
    assert_eq!(turn_ids(&talk), ["l1", "l1"]);
}

#[test]
fn going_deeper_is_asked_once_and_then_deep_prompts_follow() {
    let deck = couple_deck(vec![prompt("l1", 1), prompt("d1", 3), prompt("d2", 3)]);
    let mut talk = Talk::new(setup(deck, 3)).unwrap();
    walk_to_consent(&mut talk);
    ok(&mut talk, Input::Consent { partner: 0, yes: true });
    ok(&mut talk, Input::Consent { partner: 1, yes: true });
    assert_eq!(talk.went_deeper(), Some(true));
    assert_eq!(talk.step(), Step::Speaker);
    answer(&mut talk, Some(4), Some(4), None);
    answer(&mut talk, Some(4), Some(4), None);
    // The second deep prompt starts without asking again.
    assert_eq!(talk.step(), Step::Speaker);
    assert_eq!(talk.progress().unwrap().prompt_index, 2);
    run_to_end(&mut talk);
    assert_eq!(turn_ids(&talk).len(), 6);
}

#[test]
fn the_first_speaker_alternates_from_prompt_to_prompt() {
    let deck = couple_deck((0..4).map(|i| prompt(&format!("p{i}"), 1)).collect());
    let mut talk = Talk::new(setup(deck, 4)).unwrap();
    run_to_end(&mut talk);
    let session = talk.to_session(at("2026-11-26T20:41:00+01:00"), true);
    let speakers: Vec<usize> = session.turns.iter().map(|t| t.speaker).collect();
    assert_eq!(speakers, [0, 1, 1, 0, 0, 1, 1, 0]);
}

fn order(seed: u64) -> Vec<String> {
    let deck = couple_deck(
        (0..6)
            .map(|i| prompt(&format!("l{i}"), 1))
            .chain((0..6).map(|i| prompt(&format!("p{i}"), 2)))
            .collect(),
    );
    let talk = Talk::new(TalkSetup {
        seed,
        ..setup(deck, 12)
    })
    .unwrap();
    assert_eq!(talk.seed(), seed);
    talk.prompts().iter().map(|p| p.id.clone()).collect()
}

#[test]
fn the_same_seed_repeats_the_order_and_another_seed_shuffles_it() {
    assert_eq!(order(11), order(11));
    let orders: std::collections::HashSet<Vec<String>> = (0..8).map(order).collect();
    assert!(orders.len() > 1, "eight seeds gave one order");
    for o in &orders {
        assert!(o[..6].iter().all(|id| id.starts_with('l')), "{o:?}");
    }
}

#[test]
fn carried_prompts_from_a_solo_reflection_come_first() {
    let solo_deck = deck_of(
        vec![prompt("s1", 1), prompt("s2", 2), prompt("s3", 3)],
        &[DeckMode::Solo, DeckMode::Couple],
    );
    let mut solo = Talk::new(solo_setup(solo_deck.clone(), 3)).unwrap();
    ok(&mut solo, Input::Mood { partner: 0, value: Some(2) });
    let mut marked = Vec::new();
    while solo.step() == Step::Reflection {
        let id = solo.progress().unwrap().prompt.id.clone();
        let bring = id != "s1";
        if bring {
            marked.push(id);
        }
        ok(
            &mut solo,
            Input::Done {
                note: "thoughts".to_string(),
                seconds: None,
            },
        );
        ok(
            &mut solo,
            Input::Clarity {
                clarity: Some(3),
                bring_to_talk: bring,
            },
        );
    }
    let session = solo.to_session(at("2026-11-26T21:00:00+01:00"), true);

    let couple = couple_deck(vec![prompt("c1", 1), prompt("c2", 1), prompt("c3", 1)]);
    let carried = carried_prompts(&session, &couple);
    let carried_ids: Vec<&str> = carried.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(carried_ids, marked);
    assert!(carried.iter().all(|p| p.text.starts_with("Tell me about s")));

    let talk = Talk::new(TalkSetup {
        carried_prompts: carried,
        ..setup(couple, 4)
    })
    .unwrap();
    let ids: Vec<&str> = talk.prompts().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(&ids[..2], marked.as_slice());
    assert_eq!(ids.len(), 4);

    // From the deck that holds them, they come back with depth and follow-ups.
    let again = carried_prompts(&session, &solo_deck);
    assert_eq!(again[0], solo_deck.prompts.iter().find(|p| p.id == again[0].id).unwrap().clone());
}

#[test]
fn a_solo_reflection_end_to_end() {
    let deck = deck_of(
        vec![prompt("s1", 1), prompt("s2", 2), prompt("s3", 3)],
        &[DeckMode::Solo],
    );
    let mut talk = Talk::new(solo_setup(deck, 3)).unwrap();
    assert_eq!(talk.step(), Step::CheckIn { partner: 0 });
    ok(&mut talk, Input::Mood { partner: 0, value: Some(2) });

    assert_eq!(talk.step(), Step::Reflection);
    let progress = talk.progress().unwrap();
    assert_eq!((progress.speaker_name, progress.listener_name), ("Ana", None));
    assert_eq!(progress.timer_seconds, None);
    ok(
        &mut talk,
        Input::Done {
            note: "I want more evenings together".to_string(),
            seconds: Some(300),
        },
    );
    assert_eq!(talk.step(), Step::Clarity);
    assert!(talk.apply(Input::Continue).is_err());
    ok(
        &mut talk,
        Input::Clarity {
            clarity: Some(4),
            bring_to_talk: true,
        },
    );
    // Passing a reflection skips straight on: no clarity asked for it.
    assert_eq!(talk.step(), Step::Reflection);
    ok(&mut talk, Input::Pass);
    // The deep prompt comes without a consent question in a solo reflection.
    assert_eq!(talk.step(), Step::Reflection);
    assert_eq!(talk.progress().unwrap().prompt.depth, 3);
    ok(
        &mut talk,
        Input::Done {
            note: String::new(),
            seconds: None,
        },
    );
    ok(
        &mut talk,
        Input::Clarity {
            clarity: None,
            bring_to_talk: false,
        },
    );
    assert_eq!(talk.step(), Step::MoodAfter { partner: 0 });
    ok(&mut talk, Input::Mood { partner: 0, value: Some(3) });
    assert_eq!(talk.step(), Step::Summary);

    let session = session_json(&talk);
    assert_eq!(session["mode"], "solo");
    assert_eq!(session["partners"], serde_json::json!(["Ana"]));
    assert_eq!(session["mood_before"], serde_json::json!([2]));
    assert_eq!(session["mood_after"], serde_json::json!([3]));
    assert_eq!(session["closeness"], serde_json::json!([]));
    assert!(session.get("appreciations").is_none());
    let turns = session["turns"].as_array().unwrap();
    assert_eq!(turns.len(), 3);
    for turn in turns {
        assert!(turn.get("felt_heard").is_none() && turn.get("felt_validated").is_none());
        assert!(turn.get("listener_guess").is_none());
        assert_eq!(turn["speaker"], 0);
    }
    assert_eq!(turns[0]["note"], "I want more evenings together");
    assert_eq!(turns[0]["clarity"], 4);
    assert_eq!(turns[0]["bring_to_talk"], true);
    assert_eq!(turns[0]["seconds"], 300);
    assert_eq!(turns[1]["skipped"], true);
    assert_eq!(turns[1]["clarity"], Value::Null);
    assert_eq!(turns[1]["bring_to_talk"], false);
    assert_eq!(turns[2]["clarity"], Value::Null);
    assert!(turns[2].get("note").is_none());
}

#[test]
fn notes_not_kept_are_never_held_anywhere() {
    let secret = "secret-words";
    let deck = couple_deck(vec![prompt("a", 1), prompt("b", 2)]);
    let mut talk = Talk::new(TalkSetup {
        keep_notes: false,
        ..setup(deck, 2)
    })
    .unwrap();
    check_in(&mut talk, &[Some(3), Some(3)]);
    let mut drafts = Vec::new();
    for _ in 0..4 {
        ok(
            &mut talk,
            Input::Done {
                note: format!("{secret} about this"),
                seconds: Some(30),
            },
        );
        drafts.push(serde_json::to_string(&talk).unwrap());
        ok(&mut talk, Input::Continue);
        ok(&mut talk, Input::Guess(None));
        ok(
            &mut talk,
            Input::Rate {
                felt_heard: Some(4),
                felt_validated: Some(4),
            },
        );
    }
    for partner in 0..2 {
        ok(&mut talk, Input::Closeness { partner, value: Some(4) });
        ok(&mut talk, Input::Mood { partner, value: Some(4) });
        ok(
            &mut talk,
            Input::Appreciation {
                partner,
                text: format!("{secret} of thanks"),
            },
        );
    }
    drafts.push(serde_json::to_string(&talk).unwrap());
    let session = serde_json::to_string(&talk.to_session(at("2026-11-26T20:41:00+01:00"), true))
        .unwrap();
    for text in drafts.iter().chain([&session]) {
        assert!(!text.contains(secret), "{text}");
    }
    assert!(!session.contains("\"note\""));

    let solo_deck = deck_of(vec![prompt("s", 1)], &[DeckMode::Solo]);
    let mut solo = Talk::new(TalkSetup {
        keep_notes: false,
        ..solo_setup(solo_deck, 1)
    })
    .unwrap();
    ok(&mut solo, Input::Mood { partner: 0, value: None });
    ok(
        &mut solo,
        Input::Done {
            note: secret.to_string(),
            seconds: None,
        },
    );
    assert!(!serde_json::to_string(&solo).unwrap().contains(secret));
}

/// A talk with notes, a guess, a deep prompt and a closing, as a list of inputs.
fn scripted_inputs() -> Vec<Input> {
    let mut inputs = vec![
        Input::Mood { partner: 0, value: Some(2) },
        Input::Mood { partner: 1, value: Some(4) },
    ];
    for turn in 0..6u8 {
        if turn == 4 {
            inputs.push(Input::Consent { partner: 0, yes: true });
            inputs.push(Input::Consent { partner: 1, yes: true });
        }
        if turn == 3 {
            inputs.push(Input::Pass);
            continue;
        }
        inputs.push(Input::Done {
            note: format!("note {turn}"),
            seconds: Some(u64::from(turn) * 10),
        });
        inputs.push(Input::Continue);
        inputs.push(Input::Guess(Some(turn % 5 + 1)));
        inputs.push(Input::Rate {
            felt_heard: Some(5 - turn % 5),
            felt_validated: None,
        });
        inputs.push(Input::Continue);
    }
    for partner in 0..2 {
        inputs.push(Input::Closeness { partner, value: Some(3 + partner as u8) });
        inputs.push(Input::Mood { partner, value: Some(5) });
        inputs.push(Input::Appreciation {
            partner,
            text: format!("thanks {partner}"),
        });
    }
    inputs
}

#[test]
fn a_draft_saved_at_any_step_resumes_to_the_same_talk() {
    let deck = couple_deck(vec![prompt("l", 1), prompt("p", 2), prompt("d", 3)]);
    let inputs = scripted_inputs();
    let mut straight = Talk::new(setup(deck, 3)).unwrap();
    let fresh = straight.clone();
    for input in &inputs {
        ok(&mut straight, input.clone());
    }
    assert!(straight.is_finished());
    let ended = at("2026-11-26T20:41:00+01:00");
    let expected = straight.to_session(ended, true);

    for cut in 0..=inputs.len() {
        let mut talk = fresh.clone();
        for input in &inputs[..cut] {
            ok(&mut talk, input.clone());
        }
        let draft = serde_json::to_string(&talk).unwrap();
        let mut resumed: Talk = serde_json::from_str(&draft).unwrap();
        assert_eq!(resumed, talk, "after {cut} inputs");
        for input in &inputs[cut..] {
            ok(&mut resumed, input.clone());
        }
        assert_eq!(resumed.to_session(ended, true), expected, "cut after {cut} inputs");
    }
}

#[test]
fn a_talk_quit_halfway_becomes_an_unfinished_session() {
    let deck = couple_deck(vec![prompt("l", 1), prompt("p", 2)]);
    let mut talk = Talk::new(setup(deck, 2)).unwrap();
    check_in(&mut talk, &[Some(3), None]);
    answer(&mut talk, Some(4), Some(4), None);
    // The second speaker has spoken but not rated yet.
    ok(
        &mut talk,
        Input::Done {
            note: String::new(),
            seconds: Some(40),
        },
    );
    let session = talk.to_session(at("2026-11-26T20:15:00+01:00"), false);
    assert!(!session.completed);
    assert_eq!(session.turns.len(), 1);
    assert_eq!(session.turns[0].felt_heard(), Some(4));
    assert_eq!(session.mood_before, [Some(3), None]);
    assert_eq!(session.mood_after, [None, None]);
    assert_eq!(session.ended_at.unwrap().as_str(), "2026-11-26T20:15:00+01:00");
}

#[test]
fn the_session_follows_the_journal_format() {
    let deck = couple_deck(vec![prompt("l", 1), prompt("p", 2), prompt("d", 3)]);
    let mut talk = Talk::new(setup(deck, 3)).unwrap();
    for input in scripted_inputs() {
        ok(&mut talk, input);
    }
    let session = session_json(&talk);
    let keys: std::collections::BTreeSet<&str> =
        session.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "id", "mode", "started_at", "ended_at", "completed", "deck_id", "partners",
            "mood_before", "mood_after", "closeness", "turns", "appreciations",
        ]
        .into_iter()
        .collect()
    );
    let id = uuid::Uuid::parse_str(session["id"].as_str().unwrap()).unwrap();
    assert_eq!(id.get_version_num(), 4);
    assert_eq!(session["id"], talk.id());
    assert_eq!(session["mode"], "couple");
    assert_eq!(session["started_at"], "2026-11-26T20:01:00+01:00");
    assert_eq!(session["ended_at"], "2026-11-26T20:41:00+01:00");
    assert_eq!(session["completed"], true);
    assert_eq!(session["deck_id"], "test-deck");
    assert_eq!(session["partners"], serde_json::json!(["Ana", "Ben"]));
    assert_eq!(session["mood_before"], serde_json::json!([2, 4]));
    assert_eq!(session["mood_after"], serde_json::json!([5, 5]));
    assert_eq!(session["closeness"], serde_json::json!([3, 4]));
    assert_eq!(session["appreciations"], serde_json::json!(["thanks 0", "thanks 1"]));

    let turns = session["turns"].as_array().unwrap();
    assert_eq!(turns.len(), 6);
    let first = turns[0].as_object().unwrap();
    let keys: std::collections::BTreeSet<&str> = first.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "prompt_id", "prompt", "speaker", "felt_heard", "felt_validated", "listener_guess",
            "seconds", "skipped", "note",
        ]
        .into_iter()
        .collect()
    );
    assert_eq!(first["prompt_id"], "l");
    assert_eq!(first["prompt"], "Tell me about l.");
    assert_eq!(first["speaker"], 0);
    assert_eq!(first["felt_heard"], 5);
    assert_eq!(first["felt_validated"], Value::Null);
    assert_eq!(first["listener_guess"], 1);
    assert_eq!(first["seconds"], 0);
    assert_eq!(first["skipped"], false);
    assert_eq!(first["note"], "note 0");
    // The pass on the fourth turn (prompt 2, Ana second).
    assert_eq!(turns[3]["prompt_id"], "p");
    assert_eq!(turns[3]["speaker"], 0);
    assert_eq!(turns[3]["skipped"], true);
    assert!(turns[3].get("note").is_none());
    assert_eq!(turns[4]["prompt_id"], "d");

    // It reads back as a journal session unchanged.
    let back: heard::journal::Session = serde_json::from_value(session.clone()).unwrap();
    assert_eq!(serde_json::to_value(&back).unwrap(), session);
}

#[test]
fn a_talk_needs_the_right_names_a_fitting_deck_and_prompts() {
    let deck = couple_deck(vec![prompt("a", 1)]);
    let with = |f: &dyn Fn(&mut TalkSetup)| {
        let mut s = setup(deck.clone(), 3);
        f(&mut s);
        Talk::new(s).map(|_| ())
    };
    assert!(matches!(
        with(&|s| s.partners = vec!["Ana".into()]),
        Err(TalkError::PartnerCount { expected: 2, got: 1, .. })
    ));
    assert!(matches!(
        with(&|s| s.partners = vec!["A".into(), "B".into(), "C".into()]),
        Err(TalkError::PartnerCount { .. })
    ));
    assert_eq!(
        with(&|s| s.partners = vec!["Ana".into(), "  ".into()]),
        Err(TalkError::EmptyName { number: 2 })
    );
    assert_eq!(with(&|s| s.prompts = 0), Err(TalkError::NoPrompts));
    assert!(matches!(
        with(&|s| s.deck.prompts.clear()),
        Err(TalkError::EmptyDeck { .. })
    ));
    assert!(matches!(
        with(&|s| {
            s.mode = TalkMode::Solo;
            s.partners = vec!["Ana".into()];
        }),
        Err(TalkError::DeckMode { mode: "solo", .. })
    ));
    assert!(matches!(
        with(&|s| s.deck.modes = vec![DeckMode::Solo]),
        Err(TalkError::DeckMode { mode: "couple", .. })
    ));
    let err = with(&|s| s.partners = vec!["Ana".into()]).unwrap_err();
    assert_eq!(err.to_string(), "a couple talk needs 2 names, not 1");

    let talk = Talk::new(TalkSetup {
        partners: vec![" Ana ".into(), "Ben\n".into()],
        ..setup(deck.clone(), 1)
    })
    .unwrap();
    assert_eq!(talk.partners(), ["Ana", "Ben"]);
}

#[test]
fn wrong_inputs_and_values_out_of_range_are_refused_without_change() {
    let deck = couple_deck(vec![prompt("a", 1)]);
    let mut talk = Talk::new(setup(deck, 1)).unwrap();
    let before = talk.clone();
    assert!(matches!(talk.apply(Input::Pass), Err(TalkError::WrongInput { .. })));
    assert_eq!(
        talk.apply(Input::Mood { partner: 1, value: Some(3) }),
        Err(TalkError::NotYourTurn { expected: 0, got: 1 })
    );
    for value in [0, 6, 255] {
        assert!(matches!(
            talk.apply(Input::Mood { partner: 0, value: Some(value) }),
            Err(TalkError::OutOfRange { .. })
        ));
    }
    assert_eq!(talk, before);

    check_in(&mut talk, &[Some(5), Some(1)]);
    ok(
        &mut talk,
        Input::Done {
            note: String::new(),
            seconds: None,
        },
    );
    ok(&mut talk, Input::Continue);
    assert!(talk.apply(Input::Guess(Some(6))).is_err());
    ok(&mut talk, Input::Guess(Some(5)));
    assert!(talk
        .apply(Input::Rate {
            felt_heard: Some(3),
            felt_validated: Some(0),
        })
        .is_err());
    assert!(talk.apply(Input::Pass).is_err(), "a rated step cannot be passed");
    ok(
        &mut talk,
        Input::Rate {
            felt_heard: Some(3),
            felt_validated: Some(3),
        },
    );
    ok(&mut talk, Input::Continue);
    answer(&mut talk, None, None, None);
    assert!(talk.apply(Input::Closeness { partner: 0, value: Some(8) }).is_err());
    ok(&mut talk, Input::Closeness { partner: 0, value: Some(7) });
    close_rest(&mut talk);
    let done = talk.clone();
    assert!(talk.apply(Input::Continue).is_err());
    assert!(talk.apply(Input::Break).is_err());
    assert_eq!(talk, done);
}

fn close_rest(talk: &mut Talk) {
    ok(talk, Input::Mood { partner: 0, value: Some(4) });
    ok(
        talk,
        Input::Appreciation {
            partner: 0,
            text: String::new(),
        },
    );
    ok(talk, Input::Closeness { partner: 1, value: Some(1) });
    ok(talk, Input::Mood { partner: 1, value: Some(4) });
    ok(
        talk,
        Input::Appreciation {
            partner: 1,
            text: String::new(),
        },
    );
}

#[test]
fn a_break_pauses_and_returns_to_the_same_step() {
    let deck = couple_deck(vec![prompt("a", 1)]);
    let mut talk = Talk::new(setup(deck, 1)).unwrap();
    assert!(talk.apply(Input::Resume).is_err());
    check_in(&mut talk, &[Some(3), Some(3)]);
    ok(
        &mut talk,
        Input::Done {
            note: "half said".to_string(),
            seconds: Some(90),
        },
    );
    assert_eq!(talk.step(), Step::Listener);
    let before = talk.to_session(at("2026-11-26T20:10:00+01:00"), false);
    ok(&mut talk, Input::Break);
    assert_eq!(talk.step(), Step::Break);
    assert!(talk.apply(Input::Continue).is_err());
    assert!(talk.apply(Input::Break).is_err());
    assert_eq!(talk.to_session(at("2026-11-26T20:10:00+01:00"), false), before);
    ok(&mut talk, Input::Resume);
    assert_eq!(talk.step(), Step::Listener);
    ok(&mut talk, Input::Continue);
    ok(&mut talk, Input::Guess(None));
    ok(
        &mut talk,
        Input::Rate {
            felt_heard: Some(4),
            felt_validated: Some(4),
        },
    );
    let session = talk.to_session(at("2026-11-26T20:20:00+01:00"), false);
    assert_eq!(session.turns[0].note.as_deref(), Some("half said"));
    assert_eq!(session.turns[0].seconds(), Some(90));
}

// Invariants over any deck, seed and sequence of inputs.

fn any_deck() -> impl Strategy<Value = Deck> {
    prop::collection::vec(1u8..=3, 1..16).prop_map(|depths| {
        couple_deck(
            depths
                .iter()
                .enumerate()
                .map(|(i, d)| prompt(&format!("q{i}"), *d))
                .collect(),
        )
    })
}

proptest! {
    #[test]
    fn the_plan_goes_lighter_first_without_repeats(
        deck in any_deck(), asked in 1usize..20, seed in any::<u64>(),
    ) {
        let available = deck.prompts.len();
        let talk = Talk::new(TalkSetup { seed, ..setup(deck, asked) }).unwrap();
        let prompts = talk.prompts();
        prop_assert_eq!(prompts.len(), asked.min(available));
        prop_assert!(prompts.windows(2).all(|w| w[0].depth <= w[1].depth));
        let ids: std::collections::HashSet<&str> = prompts.iter().map(|p| p.id.as_str()).collect();
        prop_assert_eq!(ids.len(), prompts.len());
    }

    #[test]
    fn after_a_decline_no_deep_prompt_is_asked(
        deck in any_deck(), asked in 1usize..20, seed in any::<u64>(), who in 0usize..2,
    ) {
        let mut talk = Talk::new(TalkSetup { seed, ..setup(deck, asked) }).unwrap();
        let planned = talk.prompts().to_vec();
        let mut declined_at = None;
        while !talk.is_finished() {
            match talk.step() {
                Step::CheckIn { partner } => ok(&mut talk, Input::Mood { partner, value: None }),
                Step::DeeperConsent { partner } => {
                    declined_at.get_or_insert(talk.progress().unwrap().prompt_index);
                    ok(&mut talk, Input::Consent { partner, yes: partner != who });
                }
                Step::Speaker => ok(&mut talk, Input::Pass),
                Step::Closeness { .. } => close(&mut talk),
                other => panic!("unexpected {other:?}"),
            }
        }
        let session = talk.to_session(at("2026-11-26T20:41:00+01:00"), true);
        let asked_prompts: Vec<&str> =
            session.turns.iter().step_by(2).map(|t| t.prompt_id.as_str()).collect();
        let unique: std::collections::HashSet<&&str> = asked_prompts.iter().collect();
        prop_assert_eq!(unique.len(), asked_prompts.len());
        let depth = |id: &str| planned.iter().chain(talk.prompts()).find(|p| p.id == id).unwrap().depth;
        match declined_at {
            None => prop_assert!(planned.iter().all(|p| p.depth < 3)),
            Some(at) => {
                prop_assert!(asked_prompts[..at].windows(2).all(|w| depth(w[0]) <= depth(w[1])));
                prop_assert!(asked_prompts[at..].iter().all(|id| depth(id) < 3));
                prop_assert!(asked_prompts.len() <= asked);
            }
        }
    }

    #[test]
    fn any_input_sequence_is_safe_and_never_rates_a_skipped_turn(
        solo in any::<bool>(),
        guess in any::<bool>(),
        moves in prop::collection::vec((any::<bool>(), 0u8..12, 0u8..9, 0u8..9, 0usize..3), 0..160),
    ) {
        let deck = deck_of(
            vec![prompt("a", 1), prompt("b", 2), prompt("c", 3), prompt("d", 3), prompt("e", 1)],
            &[DeckMode::Couple, DeckMode::Solo],
        );
        let mut talk = Talk::new(if solo {
            TalkSetup { listener_guess: guess, ..solo_setup(deck, 4) }
        } else {
            TalkSetup { listener_guess: guess, ..setup(deck, 4) }
        })
        .unwrap();
        for (fit, kind, a, b, partner) in moves {
            let kind = if fit { fitting_kind(talk.step()) } else { kind };
            let input = make_input(kind, a, b, partner);
            let before = talk.clone();
            match talk.apply(input.clone()) {
                Err(_) => prop_assert_eq!(&talk, &before),
                Ok(()) if input == Input::Pass => prop_assert!(
                    matches!(
                        talk.step(),
                        Step::Speaker | Step::Reflection | Step::DeeperConsent { .. }
                            | Step::Closeness { .. } | Step::MoodAfter { .. }
                    ),
                    "after a pass: {:?}", talk.step()
                ),
                Ok(()) => {}
            }
            let draft = serde_json::to_string(&talk).unwrap();
            let back: Talk = serde_json::from_str(&draft).unwrap();
            prop_assert_eq!(&back, &talk);
        }
        let session = talk.to_session(at("2026-11-26T20:41:00+01:00"), talk.is_finished());
        for turn in &session.turns {
            if turn.skipped {
                prop_assert_eq!(turn.felt_heard(), None);
                prop_assert_eq!(turn.felt_validated(), None);
                prop_assert_eq!(turn.listener_guess(), None);
                prop_assert_eq!(turn.clarity(), None);
                prop_assert!(!turn.bring_to_talk());
            }
            prop_assert_eq!(turn.felt_heard.is_some(), !solo);
            prop_assert_eq!(turn.clarity.is_some(), solo);
        }
    }
}

/// The kind of input (as numbered in `make_input`) the step expects.
fn fitting_kind(step: Step) -> u8 {
    match step {
        Step::CheckIn { .. } | Step::MoodAfter { .. } => 0,
        Step::DeeperConsent { .. } => 1,
        Step::Speaker | Step::Reflection => 2,
        Step::Listener | Step::Reveal { .. } => 4,
        Step::ListenerGuess => 5,
        Step::Rating => 6,
        Step::Clarity => 7,
        Step::Closeness { .. } => 8,
        Step::Appreciation { .. } => 9,
        Step::Break => 11,
        Step::Summary => 4,
    }
}

fn make_input(kind: u8, a: u8, b: u8, partner: usize) -> Input {
    // 0 stands for "skipped"; 6..=8 are out of range for the 1-5 scales.
    let value = |v: u8| (v > 0).then_some(v);
    match kind {
        0 => Input::Mood { partner, value: value(a) },
        1 => Input::Consent { partner, yes: a % 2 == 0 },
        2 => Input::Done {
            note: format!("note {a}"),
            seconds: value(b).map(u64::from),
        },
        3 => Input::Pass,
        4 => Input::Continue,
        5 => Input::Guess(value(a)),
        6 => Input::Rate { felt_heard: value(a), felt_validated: value(b) },
        7 => Input::Clarity { clarity: value(a), bring_to_talk: b % 2 == 0 },
        8 => Input::Closeness { partner, value: value(a) },
        9 => Input::Appreciation { partner, text: format!("thanks {a}") },
        10 => Input::Break,
        _ => Input::Resume,
    }
}
