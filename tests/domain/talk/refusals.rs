//! What the talk refuses (bad setups, wrong inputs, values out of range), and breaks.

use super::*;

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
        Err(TalkError::PartnerCount {
            expected: 2,
            got: 1,
            ..
        })
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
    // One person alone on a deck made only for couples: the reflection refuses the deck.
    assert!(matches!(
        Reflection::new(reflection_setup(deck.clone(), 3)),
        Err(TalkError::DeckMode { mode: "solo", .. })
    ));
    assert!(matches!(
        with(&|s| s.deck.modes = vec![Mode::Solo]),
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
    assert!(matches!(
        talk.apply(Input::Pass),
        Err(TalkError::WrongInput { .. })
    ));
    assert_eq!(
        talk.apply(Input::Mood {
            partner: Partner::Second,
            value: Some(3)
        }),
        Err(TalkError::NotYourTurn {
            expected: Partner::First,
            got: Partner::Second
        })
    );
    for value in [0, 6, 255] {
        assert!(matches!(
            talk.apply(Input::Mood {
                partner: Partner::First,
                value: Some(value)
            }),
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
    assert!(
        talk.apply(Input::Rate {
            felt_heard: Some(3),
            felt_validated: Some(0),
        })
        .is_err()
    );
    assert!(
        talk.apply(Input::Pass).is_err(),
        "a rated step cannot be passed"
    );
    ok(
        &mut talk,
        Input::Rate {
            felt_heard: Some(3),
            felt_validated: Some(3),
        },
    );
    assert_eq!(talk.step(), Step::Speaker, "the rating goes straight on");
    answer(&mut talk, None, None, None);
    assert!(
        talk.apply(Input::Closeness {
            partner: Partner::First,
            value: Some(8)
        })
        .is_err()
    );
    ok(
        &mut talk,
        Input::Closeness {
            partner: Partner::First,
            value: Some(7),
        },
    );
    close_rest(&mut talk);
    let done = talk.clone();
    assert!(talk.apply(Input::Continue).is_err());
    assert!(talk.apply(Input::Break).is_err());
    assert_eq!(talk, done);
}

fn close_rest(talk: &mut Talk) {
    ok(
        talk,
        Input::Mood {
            partner: Partner::First,
            value: Some(4),
        },
    );
    ok(
        talk,
        Input::Appreciation {
            partner: Partner::First,
            text: String::new(),
        },
    );
    ok(
        talk,
        Input::Closeness {
            partner: Partner::Second,
            value: Some(1),
        },
    );
    ok(
        talk,
        Input::Mood {
            partner: Partner::Second,
            value: Some(4),
        },
    );
    ok(
        talk,
        Input::Appreciation {
            partner: Partner::Second,
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
    assert_eq!(
        talk.to_session(at("2026-11-26T20:10:00+01:00"), false),
        before
    );
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
