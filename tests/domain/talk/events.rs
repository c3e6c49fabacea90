//! What `apply` says happened, in order: the screen starts a step fresh on every
//! `StepEntered`, the store saves on `TurnRecorded`, the summary shows on `Finished`.

use super::*;

use Event::{BreakEnded, BreakStarted, Finished, StayingLighter, StepEntered, TurnRecorded};

/// Apply `input`, and check what happened and where the talk is now.
fn expect(talk: &mut Talk, input: Input, events: &[Event], step: Step) {
    let from = talk.step();
    let got = ok(talk, input.clone());
    assert_eq!(got, events, "{input:?} at {from:?}");
    assert_eq!(talk.step(), step, "after {input:?} at {from:?}");
}

#[test]
fn a_whole_talk_says_what_happened_at_every_input() {
    // Three prompts: light, personal, deep, with one personal spare for a "not today".
    let deck = couple_deck(vec![
        prompt("l1", 1),
        prompt("p1", 2),
        prompt("p2", 2),
        prompt("d1", 3),
    ]);
    let mut talk = Talk::new(setup(deck, 3)).unwrap();
    let first = Partner::First;
    let second = Partner::Second;
    let done = || Input::Done {
        note: String::new(),
        seconds: Some(20),
    };
    let rate = Input::Rate {
        felt_heard: Some(4),
        felt_validated: Some(5),
    };

    let mood = |partner| Input::Mood {
        partner,
        value: Some(3),
    };
    expect(
        &mut talk,
        mood(first),
        &[StepEntered],
        Step::CheckIn { partner: second },
    );
    expect(&mut talk, mood(second), &[StepEntered], Step::Speaker);

    // Prompt 1, Ana speaks, Ben guesses.
    expect(&mut talk, done(), &[StepEntered], Step::Listener);
    expect(
        &mut talk,
        Input::Continue,
        &[StepEntered],
        Step::ListenerGuess,
    );
    expect(
        &mut talk,
        Input::Guess(Some(3)),
        &[StepEntered],
        Step::Rating,
    );
    // The guess shows on the rating screen: the rating goes straight on to Ben's card.
    expect(
        &mut talk,
        rate.clone(),
        &[TurnRecorded, StepEntered],
        Step::Speaker,
    );

    // A break on the speaker card records nothing and comes back to the same card.
    expect(&mut talk, Input::Break, &[BreakStarted], Step::Break);
    assert_eq!(talk.step_behind_break(), Step::Speaker);
    assert_eq!(talk.turns_recorded(), 1);
    expect(&mut talk, Input::Resume, &[BreakEnded], Step::Speaker);

    // Ben speaks; Ana skips her guess.
    expect(&mut talk, done(), &[StepEntered], Step::Listener);
    expect(
        &mut talk,
        Input::Continue,
        &[StepEntered],
        Step::ListenerGuess,
    );
    expect(&mut talk, Input::Guess(None), &[StepEntered], Step::Rating);
    expect(&mut talk, rate, &[TurnRecorded, StepEntered], Step::Speaker);

    // Prompt 2: both pass; the next prompt is deep, so the question comes first.
    expect(
        &mut talk,
        Input::Pass,
        &[TurnRecorded, StepEntered],
        Step::Speaker,
    );
    expect(
        &mut talk,
        Input::Pass,
        &[TurnRecorded, StepEntered],
        Step::DeeperConsent { partner: first },
    );
    expect(
        &mut talk,
        Input::Consent {
            partner: first,
            yes: true,
        },
        &[StepEntered],
        Step::DeeperConsent { partner: second },
    );
    expect(
        &mut talk,
        Input::Consent {
            partner: second,
            yes: false,
        },
        &[StayingLighter, StepEntered],
        Step::Speaker,
    );
    assert_eq!(talk.progress().unwrap().prompt.depth, 2);

    // A refused input says nothing happened.
    assert!(talk.apply(Input::Continue).is_err());

    expect(
        &mut talk,
        Input::Pass,
        &[TurnRecorded, StepEntered],
        Step::Speaker,
    );
    expect(
        &mut talk,
        Input::Pass,
        &[TurnRecorded, StepEntered],
        Step::Closeness { partner: first },
    );

    for partner in Partner::BOTH {
        expect(
            &mut talk,
            Input::Closeness {
                partner,
                value: Some(5),
            },
            &[StepEntered],
            Step::MoodAfter { partner },
        );
        expect(
            &mut talk,
            Input::Mood {
                partner,
                value: Some(4),
            },
            &[StepEntered],
            Step::Appreciation { partner },
        );
        let (events, next): (&[Event], _) = match partner.next() {
            Some(next) => (&[StepEntered], Step::Closeness { partner: next }),
            None => (&[StepEntered, Finished], Step::Summary),
        };
        expect(
            &mut talk,
            Input::Appreciation {
                partner,
                text: "thank you".to_string(),
            },
            events,
            next,
        );
    }
    assert!(talk.is_finished());
    assert_eq!(talk.turns_recorded(), 6);
}

#[test]
fn a_reflection_says_what_happened_at_every_input() {
    use heard::reflection::{Input, Step};
    let deck = deck_of(vec![prompt("s1", 1), prompt("s2", 2)], &[Mode::Solo]);
    let mut solo = Reflection::new(reflection_setup(deck, 2)).unwrap();
    let mut expect = |input: Input, events: &[Event], step: Step| {
        let from = solo.step();
        let got = reflect(&mut solo, input.clone());
        assert_eq!(got, events, "{input:?} at {from:?}");
        assert_eq!(solo.step(), step, "after {input:?} at {from:?}");
    };
    expect(Input::Mood(Some(2)), &[StepEntered], Step::Topic);
    expect(
        Input::Topic(Some("weekends".to_string())),
        &[StepEntered],
        Step::Reflection,
    );
    expect(
        Input::Done {
            text: "words".to_string(),
            seconds: None,
        },
        &[StepEntered],
        Step::Clarity,
    );
    expect(Input::Break, &[BreakStarted], Step::Break);
    expect(Input::Resume, &[BreakEnded], Step::Clarity);
    expect(
        Input::Clarity { clarity: Some(4) },
        &[TurnRecorded, StepEntered],
        Step::Reflection,
    );
    expect(Input::Pass, &[TurnRecorded, StepEntered], Step::Bring);
    expect(Input::Bring { yes: true }, &[StepEntered], Step::MoodAfter);
    expect(
        Input::Mood(Some(4)),
        &[StepEntered, Finished],
        Step::Summary,
    );
}

/// Regression: the screen kept the note and clock of the turn before when a pass led to
/// the next speaker's card, a step of the same kind. The engine says `StepEntered` then,
/// and the next turn begins with nothing of the one before.
#[test]
fn after_a_pass_on_the_listener_card_the_next_speakers_card_starts_clean() {
    let deck = couple_deck(vec![prompt("l1", 1), prompt("l2", 1)]);
    let mut talk = Talk::new(setup(deck, 2)).unwrap();
    check_in(&mut talk, &[Some(3), Some(3)]);
    assert_eq!(talk.progress().unwrap().speaker, Partner::First);
    ok(
        &mut talk,
        Input::Done {
            note: "mine".to_string(),
            seconds: Some(40),
        },
    );
    assert_eq!(talk.step(), Step::Listener);

    let events = ok(&mut talk, Input::Pass);
    assert_eq!(events, [TurnRecorded, StepEntered]);
    assert_eq!(talk.step(), Step::Speaker);
    let progress = talk.progress().unwrap();
    assert_eq!(progress.speaker, Partner::Second);
    assert_eq!(progress.listener, Partner::First);
    assert!(progress.second_turn);
    assert_eq!(progress.prompt_index, 0);

    // Ben passes on his card as it is: nothing of Ana's turn comes with it.
    let events = ok(&mut talk, Input::Pass);
    assert_eq!(events, [TurnRecorded, StepEntered]);

    let session = talk.to_session(at("2026-11-26T20:15:00+01:00"), false);
    assert_eq!(session.turns.len(), 2);
    let (ana, ben) = (&session.turns[0], &session.turns[1]);
    assert_eq!(ana.speaker, Partner::First.index());
    assert!(ana.skipped);
    // A pass on the listener card keeps what the speaker already gave.
    assert_eq!(ana.note.as_deref(), Some("mine"));
    assert_eq!(ana.seconds(), Some(40));
    assert_eq!(ben.speaker, Partner::Second.index());
    assert!(ben.skipped);
    assert_eq!(ben.note, None);
    assert_eq!(ben.seconds(), None);
}

#[test]
fn after_a_pass_on_the_speaker_card_the_next_speakers_card_starts_clean() {
    let deck = couple_deck(vec![prompt("l1", 1), prompt("l2", 1)]);
    let mut talk = Talk::new(setup(deck, 2)).unwrap();
    check_in(&mut talk, &[Some(3), Some(3)]);

    // Prompt 1: Ana passes on her card, Ben's card comes next.
    let events = ok(&mut talk, Input::Pass);
    assert_eq!(events, [TurnRecorded, StepEntered]);
    assert_eq!(talk.step(), Step::Speaker);
    assert_eq!(talk.progress().unwrap().speaker, Partner::Second);

    // Ben writes a note and is rated.
    ok(
        &mut talk,
        Input::Done {
            note: "mine".to_string(),
            seconds: Some(30),
        },
    );
    ok(&mut talk, Input::Continue);
    ok(&mut talk, Input::Guess(None));
    ok(
        &mut talk,
        Input::Rate {
            felt_heard: Some(4),
            felt_validated: Some(4),
        },
    );

    // Prompt 2: Ben speaks first and passes; Ana's card comes next.
    assert_eq!(talk.progress().unwrap().speaker, Partner::Second);
    assert_eq!(talk.progress().unwrap().prompt_index, 1);
    let events = ok(&mut talk, Input::Pass);
    assert_eq!(events, [TurnRecorded, StepEntered]);
    assert_eq!(talk.step(), Step::Speaker);
    let progress = talk.progress().unwrap();
    assert_eq!(progress.speaker, Partner::First);
    assert!(progress.second_turn);

    let session = talk.to_session(at("2026-11-26T20:15:00+01:00"), false);
    let turns: Vec<(usize, bool, Option<&str>, Option<u64>)> = session
        .turns
        .iter()
        .map(|t| (t.speaker, t.skipped, t.note.as_deref(), t.seconds()))
        .collect();
    assert_eq!(
        turns,
        [
            (0, true, None, None),
            (1, false, Some("mine"), Some(30)),
            (1, true, None, None),
        ]
    );
}
