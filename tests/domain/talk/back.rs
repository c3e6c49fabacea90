//! Going back within a turn to change an answer: to the speaker's card from the listener's,
//! to the listener's card from the guess, never past the listener's private guess and never
//! into a turn already recorded.

use super::*;

fn talk_at_speaker(listener_guess: bool) -> Talk {
    let mut setup = setup(couple_deck(vec![prompt("light", 1)]), 1);
    setup.listener_guess = listener_guess;
    let mut talk = Talk::new(setup).unwrap();
    check_in(&mut talk, &[Some(3), Some(3)]);
    talk
}

#[test]
fn back_returns_within_the_turn_and_keeps_the_note() {
    let mut talk = talk_at_speaker(true);
    ok(
        &mut talk,
        Input::Done {
            note: "first words".into(),
            seconds: Some(30),
        },
    );
    assert_eq!(ok(&mut talk, Input::Back), [Event::StepEntered]);
    assert_eq!(talk.step(), Step::Speaker);
    assert_eq!(
        talk.current_note(),
        Some("first words"),
        "the note comes back with the card"
    );
    ok(
        &mut talk,
        Input::Done {
            note: "better words".into(),
            seconds: Some(40),
        },
    );
    ok(&mut talk, Input::Continue);
    assert_eq!(talk.step(), Step::ListenerGuess);
    ok(&mut talk, Input::Back);
    assert_eq!(
        talk.step(),
        Step::Listener,
        "from the guess to the listener card"
    );
    ok(&mut talk, Input::Continue);
    ok(&mut talk, Input::Guess(Some(4)));
    assert_eq!(talk.step(), Step::Rating);
    let before = talk.clone();
    assert!(
        talk.apply(Input::Back).is_err(),
        "not past the listener's private guess"
    );
    assert_eq!(talk, before, "a refused back changes nothing");
    ok(
        &mut talk,
        Input::Rate {
            felt_heard: Some(4),
            felt_validated: Some(4),
        },
    );
    let before = talk.clone();
    assert!(
        talk.apply(Input::Back).is_err(),
        "not back into a recorded turn"
    );
    assert_eq!(talk, before);
    let session = talk.to_session(at("2026-11-26T21:00:00+01:00"), false);
    assert_eq!(session.turns[0].note.as_deref(), Some("better words"));
    assert_eq!(session.turns[0].seconds(), Some(40));
}

#[test]
fn without_a_guess_the_rating_goes_back_to_the_listener_card() {
    let mut talk = talk_at_speaker(false);
    ok(
        &mut talk,
        Input::Done {
            note: String::new(),
            seconds: None,
        },
    );
    ok(&mut talk, Input::Continue);
    assert_eq!(talk.step(), Step::Rating);
    ok(&mut talk, Input::Back);
    assert_eq!(talk.step(), Step::Listener);
    ok(&mut talk, Input::Back);
    assert_eq!(talk.step(), Step::Speaker);
    assert!(
        talk.apply(Input::Back).is_err(),
        "the speaker card is the turn's first step"
    );
    assert_eq!(talk.step(), Step::Speaker);
}

#[test]
fn a_reflection_goes_back_from_clarity_to_what_was_written() {
    let deck = deck_of(vec![prompt("one", 1)], &[Mode::Solo]);
    let mut r = Reflection::new(reflection_setup(deck, 1)).unwrap();
    reflect(&mut r, reflection::Input::Mood(None));
    reflect(&mut r, reflection::Input::Topic(None));
    reflect(
        &mut r,
        reflection::Input::Done {
            text: "what I want".into(),
            seconds: None,
        },
    );
    assert_eq!(r.step(), reflection::Step::Clarity);
    reflect(&mut r, reflection::Input::Back);
    assert_eq!(r.step(), reflection::Step::Reflection);
    assert_eq!(r.current_text(), Some("what I want"));
}
