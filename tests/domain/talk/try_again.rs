//! When it did not land: a speaker who rates felt heard 2 or lower is asked whether the
//! listener may try again; both ratings are kept in the turn.

use super::*;

fn rated_low() -> Talk {
    let mut talk = Talk::new(setup(couple_deck(vec![prompt("one", 1)]), 1)).unwrap();
    check_in(&mut talk, &[Some(3), Some(3)]);
    ok(
        &mut talk,
        Input::Done {
            note: "first".into(),
            seconds: Some(20),
        },
    );
    ok(&mut talk, Input::Continue);
    ok(&mut talk, Input::Guess(Some(3)));
    let events = ok(
        &mut talk,
        Input::Rate {
            felt_heard: Some(2),
            felt_validated: Some(3),
        },
    );
    assert_eq!(events, [Event::StepEntered], "not recorded yet");
    assert_eq!(talk.step(), Step::TryAgain);
    talk
}

#[test]
fn a_second_round_keeps_both_ratings_in_attempts() {
    let mut talk = rated_low();
    ok(&mut talk, Input::TryAgain { yes: true });
    assert_eq!(talk.step(), Step::Speaker);
    assert!(talk.in_second_round());
    assert_eq!(
        talk.progress().unwrap().speaker,
        Partner::First,
        "the same speaker"
    );
    ok(
        &mut talk,
        Input::Done {
            note: "what was missed".into(),
            seconds: Some(10),
        },
    );
    ok(&mut talk, Input::Continue);
    assert_eq!(talk.step(), Step::Rating, "no second guess");
    let events = ok(
        &mut talk,
        Input::Rate {
            felt_heard: Some(4),
            felt_validated: Some(5),
        },
    );
    assert!(events.contains(&Event::TurnRecorded));
    assert_eq!(talk.step(), Step::Speaker);
    assert_eq!(talk.progress().unwrap().speaker, Partner::Second);
    let session = talk.to_session(at("2026-11-26T21:00:00+01:00"), false);
    let turn = &session.turns[0];
    assert_eq!(turn.felt_heard(), Some(4), "the turn holds the last rating");
    assert_eq!(
        turn.listener_guess(),
        Some(3),
        "the guess of the first round"
    );
    assert_eq!(
        turn.extra.get("attempts"),
        Some(&serde_json::json!([
            {"felt_heard": 2, "felt_validated": 3},
            {"felt_heard": 4, "felt_validated": 5}
        ]))
    );
}

#[test]
fn no_second_round_keeps_the_first_rating_and_goes_on() {
    let mut talk = rated_low();
    ok(&mut talk, Input::TryAgain { yes: false });
    assert_eq!(talk.progress().unwrap().speaker, Partner::Second);
    let session = talk.to_session(at("2026-11-26T21:00:00+01:00"), false);
    assert_eq!(session.turns[0].felt_heard(), Some(2));
    assert_eq!(session.turns[0].extra.get("attempts"), None);
}

#[test]
fn a_pass_in_the_second_round_ends_it_and_the_turn_stays_as_first_rated() {
    let mut talk = rated_low();
    ok(&mut talk, Input::TryAgain { yes: true });
    ok(&mut talk, Input::Pass);
    let session = talk.to_session(at("2026-11-26T21:00:00+01:00"), false);
    assert!(!session.turns[0].skipped);
    assert_eq!(session.turns[0].felt_heard(), Some(2));
    assert_eq!(session.turns[0].extra.get("attempts"), None);
}

#[test]
fn the_offer_resumes_from_a_draft() {
    let mut talk = rated_low();
    let mut back = Talk::from_record(talk.to_record()).unwrap();
    assert_eq!(back, talk);
    ok(&mut back, Input::TryAgain { yes: true });
    ok(&mut talk, Input::TryAgain { yes: true });
    assert_eq!(Talk::from_record(talk.to_record()).unwrap(), back);
}
