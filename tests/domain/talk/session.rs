//! What a talk leaves behind: the draft, the journal entry, and no notes when none are kept.

use super::*;

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
        drafts.push(draft_text(&Activity::Prompts(talk.clone()), None));
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
    for partner in Partner::BOTH {
        ok(
            &mut talk,
            Input::Closeness {
                partner,
                value: Some(4),
            },
        );
        ok(
            &mut talk,
            Input::Mood {
                partner,
                value: Some(4),
            },
        );
        ok(
            &mut talk,
            Input::Appreciation {
                partner,
                text: format!("{secret} of thanks"),
            },
        );
    }
    drafts.push(draft_text(&Activity::Prompts(talk.clone()), None));
    let session =
        serde_json::to_string(&talk.to_session(at("2026-11-26T20:41:00+01:00"), true)).unwrap();
    for text in drafts.iter().chain([&session]) {
        assert!(!text.contains(secret), "{text}");
    }
    assert!(!session.contains("\"note\""));

    let solo_deck = deck_of(vec![prompt("s", 1)], &[Mode::Solo]);
    let mut solo = Reflection::new(ReflectionSetup {
        keep_notes: false,
        ..reflection_setup(solo_deck, 1)
    })
    .unwrap();
    reflect(&mut solo, reflection::Input::Mood(None));
    // Not even the topic is held: there is nothing to bring without notes.
    reflect(
        &mut solo,
        reflection::Input::Topic(Some(secret.to_string())),
    );
    assert_eq!(solo.topic(), None);
    reflect(
        &mut solo,
        reflection::Input::Done {
            text: secret.to_string(),
            seconds: None,
        },
    );
    assert!(!draft_text(&Activity::Reflection(solo.clone()), None).contains(secret));
}

/// A talk with notes, a guess, a deep prompt and a closing, as a list of inputs.
fn scripted_inputs() -> Vec<Input> {
    let mut inputs = vec![
        Input::Mood {
            partner: Partner::First,
            value: Some(2),
        },
        Input::Mood {
            partner: Partner::Second,
            value: Some(4),
        },
    ];
    for turn in 0..6u8 {
        if turn == 4 {
            inputs.push(Input::Consent {
                partner: Partner::First,
                yes: true,
            });
            inputs.push(Input::Consent {
                partner: Partner::Second,
                yes: true,
            });
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
        if 5 - turn % 5 <= 2 {
            // It did not land; they go on without a second round.
            inputs.push(Input::TryAgain { yes: false });
        }
    }
    for partner in Partner::BOTH {
        inputs.push(Input::Closeness {
            partner,
            value: Some(3 + partner.index() as u8),
        });
        inputs.push(Input::Mood {
            partner,
            value: Some(5),
        });
        inputs.push(Input::Appreciation {
            partner,
            text: format!("thanks {}", partner.index()),
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
        let mut resumed = resumed_talk(&talk);
        assert_eq!(resumed, talk, "after {cut} inputs");
        for input in &inputs[cut..] {
            ok(&mut resumed, input.clone());
        }
        assert_eq!(
            resumed.to_session(ended, true),
            expected,
            "cut after {cut} inputs"
        );
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
    assert_eq!(
        session.ended_at.unwrap().as_str(),
        "2026-11-26T20:15:00+01:00"
    );
}

#[test]
fn the_session_follows_the_journal_format() {
    let deck = couple_deck(vec![prompt("l", 1), prompt("p", 2), prompt("d", 3)]);
    let mut talk = Talk::new(setup(deck, 3)).unwrap();
    for input in scripted_inputs() {
        ok(&mut talk, input);
    }
    let session = session_json(&talk);
    let keys: std::collections::BTreeSet<&str> = session
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "id",
            "mode",
            "started_at",
            "ended_at",
            "completed",
            "deck_id",
            "partners",
            "mood_before",
            "mood_after",
            "closeness",
            "turns",
            "appreciations",
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
    assert_eq!(
        session["appreciations"],
        serde_json::json!(["thanks 0", "thanks 1"])
    );

    let turns = session["turns"].as_array().unwrap();
    assert_eq!(turns.len(), 6);
    let first = turns[0].as_object().unwrap();
    let keys: std::collections::BTreeSet<&str> = first.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "prompt_id",
            "prompt",
            "speaker",
            "felt_heard",
            "felt_validated",
            "listener_guess",
            "seconds",
            "skipped",
            "note",
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
