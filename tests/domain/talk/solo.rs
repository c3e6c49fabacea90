//! A solo reflection (its own engine, `heard::reflection`), and the topic it brings to
//! the next talk.

use super::*;
use heard::reflection::{Input, Step};
use heard::talk::{brought, check_setup};

/// A reflection by `name` on `topic` with words on each prompt, brought or not.
fn prepared(name: &str, topic: Option<&str>, bring: bool, ended: &str) -> heard::journal::Session {
    let deck = deck_of(vec![prompt("s1", 1), prompt("s2", 2)], &[Mode::Solo]);
    let mut solo = Reflection::new(ReflectionSetup {
        name: name.into(),
        ..reflection_setup(deck, 2)
    })
    .unwrap();
    reflect(&mut solo, Input::Mood(Some(2)));
    assert_eq!(
        solo.step(),
        Step::Topic,
        "a reflection starts with its topic"
    );
    reflect(&mut solo, Input::Topic(topic.map(str::to_string)));
    while solo.step() == Step::Reflection {
        let id = solo.progress().unwrap().prompt.id.clone();
        reflect(
            &mut solo,
            Input::Done {
                text: format!("{name} on {id}"),
                seconds: None,
            },
        );
        reflect(&mut solo, Input::Clarity { clarity: Some(3) });
    }
    if topic.is_some() {
        assert_eq!(solo.step(), Step::Bring);
        reflect(&mut solo, Input::Bring { yes: bring });
    }
    reflect(&mut solo, Input::Mood(Some(4)));
    solo.to_session(at(ended), true)
}

#[test]
fn a_brought_topic_opens_the_next_talk_of_its_writers_couple_with_the_writer_first() {
    let ben = prepared(
        "ben",
        Some("How we split the weekends"),
        true,
        "2026-11-26T21:00:00+01:00",
    );
    let session = serde_json::to_value(&ben).unwrap();
    assert_eq!(session["topic"], "How we split the weekends");
    assert_eq!(session["bring_to_talk"], true);
    assert!(
        session["turns"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["bring_to_talk"] == true)
    );

    // Another couple's talk never gets it; Ana and Ben's does, Ben (written "ben") first.
    let sessions = vec![ben.clone()];
    let others = ["Cal".to_string(), "Dee".to_string()];
    assert!(brought::waiting(&sessions, &others).is_empty());
    let partners = ["Ana".to_string(), " Ben ".to_string()];
    let waiting = brought::waiting(&sessions, &partners);
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].by, Partner::Second);
    assert_eq!(waiting[0].topic, "How we split the weekends");
    // Only what he wrote comes with it: the notes, never the solo deck's questions as prompts.
    let notes: Vec<&str> = waiting[0].notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(notes, ["ben on s1", "ben on s2"]);

    let couple = couple_deck(vec![prompt("c1", 1), prompt("c2", 1), prompt("c3", 1)]);
    let mut talk = Talk::new(TalkSetup {
        brought: waiting,
        ..setup(couple, 3)
    })
    .unwrap();
    let ids: Vec<&str> = talk.prompts().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), 3);
    assert!(ids[1..].iter().all(|id| id.starts_with('c')), "{ids:?}");
    assert_eq!(talk.prompts()[0].text, "How we split the weekends");
    check_in(&mut talk, &[None, None]);
    let progress = talk.progress().unwrap();
    assert_eq!(
        progress.speaker,
        Partner::Second,
        "the writer speaks first on the topic"
    );
    assert_eq!(progress.brought.unwrap().by, Partner::Second);

    // Once a saved talk reached it, it waits no more; a talk saved before it did not count.
    let early = talk.to_session(at("2026-11-27T20:05:00+01:00"), false);
    assert!(early.extra.get(brought::BROUGHT).is_none());
    assert_eq!(brought::waiting(&[ben.clone(), early], &partners).len(), 1);
    answer(&mut talk, Some(4), Some(4), Some(4));
    assert_eq!(
        talk.progress().unwrap().speaker,
        Partner::First,
        "then the other on it"
    );
    let later = talk.to_session(at("2026-11-27T20:15:00+01:00"), false);
    assert_eq!(
        later.extra[brought::BROUGHT][0]["reflection"],
        ben.id.as_str()
    );
    assert!(brought::waiting(&[ben, later], &partners).is_empty());
}

#[test]
fn a_topic_not_brought_or_absent_waits_for_no_talk_and_the_latest_one_wins() {
    let partners = ["Ana".to_string(), "Ben".to_string()];
    let kept = prepared("Ana", Some("money"), false, "2026-11-26T21:00:00+01:00");
    let none = prepared("Ana", None, true, "2026-11-26T21:30:00+01:00");
    assert!(none.extra.get("topic").is_none());
    assert!(brought::waiting(&[kept, none], &partners).is_empty());

    let older = prepared("Ana", Some("money"), true, "2026-11-25T21:00:00+01:00");
    let newer = prepared("Ana", Some("my mother"), true, "2026-11-26T21:00:00+01:00");
    let waiting = brought::waiting(&[older, newer], &partners);
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].topic, "my mother");
}

#[test]
fn a_solo_reflection_end_to_end() {
    let deck = deck_of(
        vec![prompt("s1", 1), prompt("s2", 2), prompt("s3", 3)],
        &[Mode::Solo],
    );
    let mut solo = Reflection::new(reflection_setup(deck, 3)).unwrap();
    assert_eq!(solo.step(), Step::CheckIn);
    assert!(solo.progress().is_none());
    reflect(&mut solo, Input::Mood(Some(2)));
    reflect(
        &mut solo,
        Input::Topic(Some("more evenings together".to_string())),
    );

    assert_eq!(solo.step(), Step::Reflection);
    // One person, no listener and no timer: the reflection holds only Ana's name.
    assert_eq!(solo.name(), "Ana");
    assert_eq!(solo.partners(), ["Ana"]);
    let progress = solo.progress().unwrap();
    assert_eq!((progress.prompt_index, progress.prompt_count), (0, 3));
    assert_eq!(progress.prompt.id, "s1");
    reflect(
        &mut solo,
        Input::Done {
            text: "I want more evenings together".to_string(),
            seconds: Some(300),
        },
    );
    assert_eq!(solo.step(), Step::Clarity);
    // Going on without a clarity answer is refused; the clarity step takes only a rating.
    let before = solo.clone();
    assert!(matches!(
        solo.apply(Input::Pass),
        Err(TalkError::WrongInput { .. })
    ));
    assert_eq!(solo, before);
    reflect(&mut solo, Input::Clarity { clarity: Some(4) });
    // Passing a reflection skips straight on: no clarity asked for it.
    assert_eq!(solo.step(), Step::Reflection);
    reflect(&mut solo, Input::Pass);
    // The deep prompt comes without a consent question in a solo reflection.
    assert_eq!(solo.step(), Step::Reflection);
    assert_eq!(solo.progress().unwrap().prompt.depth, 3);
    reflect(
        &mut solo,
        Input::Done {
            text: String::new(),
            seconds: None,
        },
    );
    reflect(&mut solo, Input::Clarity { clarity: None });
    // With a topic, the last question is whether to bring it; nothing is chosen for her.
    assert_eq!(solo.step(), Step::Bring);
    assert!(solo.progress().is_none());
    assert_eq!(solo.brings_topic(), None);
    reflect(&mut solo, Input::Bring { yes: true });
    assert_eq!(solo.step(), Step::MoodAfter);
    reflect(&mut solo, Input::Mood(Some(3)));
    assert_eq!(solo.step(), Step::Summary);
    assert!(solo.is_finished());

    let session = reflection_json(&solo);
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
    assert_eq!(session["topic"], "more evenings together");
    assert_eq!(session["bring_to_talk"], true);
    assert_eq!(turns[2]["clarity"], Value::Null);
    assert!(turns[2].get("note").is_none());
}

#[test]
fn a_reflection_needs_one_name_a_solo_deck_and_prompts() {
    let deck = deck_of(vec![prompt("s", 1)], &[Mode::Solo]);
    let with = |f: &dyn Fn(&mut ReflectionSetup)| {
        let mut s = reflection_setup(deck.clone(), 2);
        f(&mut s);
        Reflection::new(s).map(|_| ())
    };
    assert_eq!(
        with(&|s| s.name = " \t".into()),
        Err(TalkError::EmptyName { number: 1 })
    );
    assert_eq!(with(&|s| s.prompts = 0), Err(TalkError::NoPrompts));
    assert!(matches!(
        with(&|s| s.deck.prompts.clear()),
        Err(TalkError::EmptyDeck { .. })
    ));
    let err = with(&|s| s.deck.modes = vec![Mode::Couple]).unwrap_err();
    assert!(matches!(err, TalkError::DeckMode { mode: "solo", .. }));
    assert_eq!(
        err.to_string(),
        "the deck \"test-deck\" is not made for solo talks: please pick another deck"
    );

    // The check the setup screen shares: a reflection alone takes exactly one name.
    let two = vec!["Ana".to_string(), "Ben".to_string()];
    let err = check_setup(Mode::Solo, &two, &deck).unwrap_err();
    assert!(matches!(
        err,
        TalkError::PartnerCount {
            mode: "solo",
            expected: 1,
            got: 2
        }
    ));
    assert_eq!(err.to_string(), "a solo talk needs 1 name, not 2");
    assert_eq!(
        check_setup(Mode::Solo, &[" Ana\n".to_string()], &deck),
        Ok(vec!["Ana".to_string()])
    );

    let solo = Reflection::new(ReflectionSetup {
        name: " Ana\n".into(),
        ..reflection_setup(deck.clone(), 5)
    })
    .unwrap();
    assert_eq!(solo.name(), "Ana");
    assert_eq!(solo.prompts().len(), 1);
}

#[test]
fn a_reflection_refuses_wrong_inputs_and_values_out_of_range_without_change() {
    let deck = deck_of(vec![prompt("s", 1)], &[Mode::Solo]);
    let mut solo = Reflection::new(reflection_setup(deck, 1)).unwrap();
    let refused = |solo: &mut Reflection, input: Input| {
        let before = solo.clone();
        let result = solo.apply(input.clone());
        assert!(
            result.is_err(),
            "{input:?} at {:?} was taken",
            before.step()
        );
        assert_eq!(*solo, before, "{input:?} changed the reflection");
        result.unwrap_err()
    };
    assert!(matches!(
        refused(&mut solo, Input::Pass),
        TalkError::WrongInput { .. }
    ));
    refused(&mut solo, Input::Resume);
    for value in [0, 6, 255] {
        assert!(matches!(
            refused(&mut solo, Input::Mood(Some(value))),
            TalkError::OutOfRange { .. }
        ));
    }
    reflect(&mut solo, Input::Mood(Some(1)));
    reflect(&mut solo, Input::Topic(None));
    refused(&mut solo, Input::Mood(Some(3)));
    refused(&mut solo, Input::Clarity { clarity: Some(3) });
    reflect(
        &mut solo,
        Input::Done {
            text: "words".into(),
            seconds: None,
        },
    );
    refused(
        &mut solo,
        Input::Done {
            text: "again".into(),
            seconds: None,
        },
    );
    for value in [0, 6] {
        assert!(matches!(
            refused(
                &mut solo,
                Input::Clarity {
                    clarity: Some(value),
                },
            ),
            TalkError::OutOfRange { .. }
        ));
    }
    reflect(&mut solo, Input::Clarity { clarity: Some(5) });
    assert_eq!(solo.step(), Step::MoodAfter);
    reflect(&mut solo, Input::Mood(None));
    assert!(solo.is_finished());
    refused(&mut solo, Input::Mood(Some(3)));
    refused(&mut solo, Input::Break);
    assert_eq!(solo.turns_recorded(), 1);
}

#[test]
fn a_break_in_a_reflection_returns_to_the_same_step_with_the_words_kept() {
    let deck = deck_of(vec![prompt("s1", 1), prompt("s2", 1)], &[Mode::Solo]);
    let mut solo = Reflection::new(reflection_setup(deck, 2)).unwrap();
    reflect(&mut solo, Input::Mood(Some(3)));
    reflect(&mut solo, Input::Topic(None));
    reflect(
        &mut solo,
        Input::Done {
            text: "half thought".into(),
            seconds: Some(90),
        },
    );
    let before = solo.to_session(at("2026-11-26T20:10:00+01:00"), false);
    reflect(&mut solo, Input::Break);
    assert_eq!(solo.step(), Step::Break);
    assert_eq!(solo.step_behind_break(), Step::Clarity);
    assert!(solo.apply(Input::Clarity { clarity: Some(3) }).is_err());
    assert!(solo.apply(Input::Break).is_err());
    assert_eq!(
        solo.to_session(at("2026-11-26T20:10:00+01:00"), false),
        before
    );
    // A draft saved during the break resumes on the break, the step behind it kept.
    assert_eq!(resumed_reflection(&solo), solo);
    reflect(&mut solo, Input::Resume);
    assert_eq!(solo.step(), Step::Clarity);
    reflect(&mut solo, Input::Clarity { clarity: Some(3) });
    let session = solo.to_session(at("2026-11-26T20:20:00+01:00"), false);
    assert_eq!(session.turns.len(), 1);
    assert_eq!(session.turns[0].note.as_deref(), Some("half thought"));
    assert_eq!(session.turns[0].seconds(), Some(90));
    // Not asked yet whether to bring it: nothing is brought on her behalf.
    assert!(!session.turns[0].bring_to_talk());
}

/// A reflection with a pass, a break, a mark and words, as a list of inputs.
fn scripted_reflection() -> Vec<Input> {
    vec![
        Input::Mood(Some(2)),
        Input::Topic(Some("the holidays".into())),
        Input::Done {
            text: "first words".into(),
            seconds: Some(40),
        },
        Input::Break,
        Input::Resume,
        Input::Clarity { clarity: Some(4) },
        Input::Pass,
        Input::Done {
            text: String::new(),
            seconds: None,
        },
        Input::Clarity { clarity: None },
        Input::Bring { yes: true },
        Input::Mood(Some(5)),
    ]
}

#[test]
fn a_reflection_draft_saved_at_any_step_resumes_to_the_same_reflection() {
    let deck = deck_of(
        vec![prompt("s1", 1), prompt("s2", 2), prompt("s3", 3)],
        &[Mode::Solo],
    );
    let inputs = scripted_reflection();
    let mut straight = Reflection::new(reflection_setup(deck, 3)).unwrap();
    let fresh = straight.clone();
    for input in &inputs {
        reflect(&mut straight, input.clone());
    }
    assert!(straight.is_finished());
    let ended = at("2026-11-26T20:41:00+01:00");
    let expected = straight.to_session(ended, true);
    assert_eq!(expected.turns.len(), 3);

    for cut in 0..=inputs.len() {
        let mut solo = fresh.clone();
        for input in &inputs[..cut] {
            reflect(&mut solo, input.clone());
        }
        let mut resumed = resumed_reflection(&solo);
        assert_eq!(resumed, solo, "after {cut} inputs");
        for input in &inputs[cut..] {
            reflect(&mut resumed, input.clone());
        }
        assert_eq!(
            resumed.to_session(ended, true),
            expected,
            "cut after {cut} inputs"
        );
    }
}
