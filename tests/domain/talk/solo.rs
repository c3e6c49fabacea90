//! A solo reflection, and the prompts it marks for the next talk.

use super::*;

#[test]
fn carried_prompts_from_a_solo_reflection_come_first() {
    let solo_deck = deck_of(
        vec![prompt("s1", 1), prompt("s2", 2), prompt("s3", 3)],
        &[Mode::Solo, Mode::Couple],
    );
    let mut solo = Talk::new(solo_setup(solo_deck.clone(), 3)).unwrap();
    ok(
        &mut solo,
        Input::Mood {
            partner: 0,
            value: Some(2),
        },
    );
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
    assert!(
        carried
            .iter()
            .all(|p| p.text.starts_with("Tell me about s"))
    );

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
    assert_eq!(
        again[0],
        solo_deck
            .prompts
            .iter()
            .find(|p| p.id == again[0].id)
            .unwrap()
            .clone()
    );
}

#[test]
fn a_solo_reflection_end_to_end() {
    let deck = deck_of(
        vec![prompt("s1", 1), prompt("s2", 2), prompt("s3", 3)],
        &[Mode::Solo],
    );
    let mut talk = Talk::new(solo_setup(deck, 3)).unwrap();
    assert_eq!(talk.step(), Step::CheckIn { partner: 0 });
    ok(
        &mut talk,
        Input::Mood {
            partner: 0,
            value: Some(2),
        },
    );

    assert_eq!(talk.step(), Step::Reflection);
    let progress = talk.progress().unwrap();
    assert_eq!(
        (progress.speaker_name, progress.listener_name),
        ("Ana", None)
    );
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
    ok(
        &mut talk,
        Input::Mood {
            partner: 0,
            value: Some(3),
        },
    );
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
