//! A couple talk step by step: order of turns and prompts, passes, the seed.

use super::*;

#[test]
fn a_couple_talk_goes_through_every_step() {
    let deck = couple_deck(vec![prompt("light", 1), prompt("personal", 2)]);
    let mut talk = Talk::new(setup(deck, 2)).unwrap();

    assert_eq!(
        talk.step(),
        Step::CheckIn {
            partner: Partner::First
        }
    );
    assert!(talk.progress().is_none());
    ok(
        &mut talk,
        Input::Mood {
            partner: Partner::First,
            value: Some(3),
        },
    );
    assert_eq!(
        talk.step(),
        Step::CheckIn {
            partner: Partner::Second
        }
    );
    ok(
        &mut talk,
        Input::Mood {
            partner: Partner::Second,
            value: None,
        },
    );

    assert_eq!(talk.step(), Step::Speaker);
    let progress = talk.progress().unwrap();
    assert_eq!((progress.prompt_index, progress.prompt_count), (0, 2));
    assert_eq!(progress.prompt.id, "light");
    assert_eq!(
        (progress.speaker, progress.listener, progress.second_turn),
        (Partner::First, Partner::Second, false)
    );
    assert_eq!(
        (talk.name(progress.speaker), talk.name(progress.listener)),
        ("Ana", "Ben")
    );
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
    // The guess is shown beside the rating on its own screen: no reveal step after it.
    assert_eq!(talk.step(), Step::Speaker);

    // Same prompt, the other partner speaks.
    assert_eq!(talk.step(), Step::Speaker);
    let progress = talk.progress().unwrap();
    assert_eq!(progress.prompt.id, "light");
    assert_eq!(
        (progress.speaker, progress.listener, progress.second_turn),
        (Partner::Second, Partner::First, true)
    );
    assert_eq!(
        (talk.name(progress.speaker), talk.name(progress.listener)),
        ("Ben", "Ana")
    );
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
    assert_eq!(
        (progress.prompt_index, progress.prompt.id.as_str()),
        (1, "personal")
    );
    assert_eq!(talk.name(progress.speaker), "Ben");
    answer(&mut talk, Some(5), Some(5), Some(5));
    assert_eq!(talk.name(talk.progress().unwrap().speaker), "Ana");
    answer(&mut talk, Some(3), Some(3), Some(2));

    assert_eq!(
        talk.step(),
        Step::Closeness {
            partner: Partner::First
        }
    );
    assert!(talk.progress().is_none());
    ok(
        &mut talk,
        Input::Closeness {
            partner: Partner::First,
            value: Some(6),
        },
    );
    assert_eq!(
        talk.step(),
        Step::MoodAfter {
            partner: Partner::First
        }
    );
    ok(
        &mut talk,
        Input::Mood {
            partner: Partner::First,
            value: Some(4),
        },
    );
    assert_eq!(
        talk.step(),
        Step::Appreciation {
            partner: Partner::First
        }
    );
    ok(
        &mut talk,
        Input::Appreciation {
            partner: Partner::First,
            text: "Thank you for listening.".to_string(),
        },
    );
    assert_eq!(
        talk.step(),
        Step::Closeness {
            partner: Partner::Second
        }
    );
    ok(
        &mut talk,
        Input::Closeness {
            partner: Partner::Second,
            value: None,
        },
    );
    ok(
        &mut talk,
        Input::Mood {
            partner: Partner::Second,
            value: Some(5),
        },
    );
    ok(
        &mut talk,
        Input::Appreciation {
            partner: Partner::Second,
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
    for partner in Partner::BOTH {
        ok(
            &mut talk,
            Input::Closeness {
                partner,
                value: None,
            },
        );
        ok(
            &mut talk,
            Input::Mood {
                partner,
                value: None,
            },
        );
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
