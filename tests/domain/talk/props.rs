//! Invariants over any deck, seed and sequence of inputs, for the couple's talk and for a
//! reflection alone: nothing panics, a refused input changes nothing, and every state
//! reached resumes unchanged from its draft.

use proptest::prelude::*;

use super::*;

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
        deck in any_deck(), asked in 1usize..20, seed in any::<u64>(), second_declines in any::<bool>(),
    ) {
        let mut talk = Talk::new(TalkSetup { seed, ..setup(deck, asked) }).unwrap();
        let planned = talk.prompts().to_vec();
        let who = partner(second_declines);
        let mut declined_at = None;
        while !talk.is_finished() {
            match talk.step() {
                Step::CheckIn { partner } => {
                    ok(&mut talk, Input::Mood { partner, value: None });
                }
                Step::DeeperConsent { partner } => {
                    declined_at.get_or_insert(talk.progress().unwrap().prompt_index);
                    ok(&mut talk, Input::Consent { partner, yes: partner != who });
                }
                Step::Speaker => {
                    ok(&mut talk, Input::Pass);
                }
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
        guess in any::<bool>(),
        moves in prop::collection::vec(
            (any::<bool>(), 0u8..13, 0u8..9, 0u8..9, any::<bool>(), typing()),
            0..160,
        ),
    ) {
        let deck = deck_of(
            vec![prompt("a", 1), prompt("b", 2), prompt("c", 3), prompt("d", 3), prompt("e", 1)],
            &[Mode::Couple, Mode::Solo],
        );
        let mut talk = Talk::new(TalkSetup { listener_guess: guess, ..setup(deck, 4) }).unwrap();
        for (fit, kind, a, b, second, typing) in moves {
            let kind = if fit { fitting_kind(talk.step()) } else { kind };
            let input = make_input(kind, a, b, partner(second));
            let before = talk.clone();
            match talk.apply(input.clone()) {
                Err(_) => prop_assert_eq!(&talk, &before),
                Ok(events) => {
                    prop_assert!(!events.is_empty(), "{:?} taken in silence", input);
                    let recorded = events.iter().filter(|e| **e == Event::TurnRecorded).count();
                    prop_assert_eq!(talk.turns_recorded(), before.turns_recorded() + recorded);
                    prop_assert_eq!(events.contains(&Event::Finished), talk.is_finished());
                    if input == Input::Pass {
                        prop_assert!(
                            matches!(
                                talk.step(),
                                Step::Speaker | Step::DeeperConsent { .. } | Step::Closeness { .. }
                            ),
                            "after a pass: {:?}", talk.step()
                        );
                        prop_assert_eq!(events.last(), Some(&Event::StepEntered));
                    }
                }
            }
            // Every state reached resumes unchanged from its draft, the typed text with it.
            let activity = Activity::Prompts(talk.clone());
            let (back, typed) = through_draft(&activity, typing.clone());
            prop_assert_eq!(&back, &activity);
            prop_assert_eq!(typed, kept_typing(typing));
        }
        let session = talk.to_session(at("2026-11-26T20:41:00+01:00"), talk.is_finished());
        prop_assert_eq!(session.turns.len(), talk.turns_recorded());
        for turn in &session.turns {
            if turn.skipped {
                prop_assert_eq!(turn.felt_heard(), None);
                prop_assert_eq!(turn.felt_validated(), None);
                prop_assert_eq!(turn.listener_guess(), None);
                prop_assert_eq!(turn.clarity(), None);
                prop_assert!(!turn.bring_to_talk());
            }
            prop_assert!(turn.felt_heard.is_some());
            prop_assert!(turn.clarity.is_none());
        }
    }

    #[test]
    fn any_reflection_input_sequence_is_safe_and_never_rates_a_passed_prompt(
        keep_notes in any::<bool>(),
        moves in prop::collection::vec((any::<bool>(), 0u8..9, 0u8..9, 0u8..9, typing()), 0..120),
    ) {
        let deck = deck_of(
            vec![prompt("a", 1), prompt("b", 2), prompt("c", 3), prompt("d", 3), prompt("e", 1)],
            &[Mode::Couple, Mode::Solo],
        );
        let mut solo =
            Reflection::new(ReflectionSetup { keep_notes, ..reflection_setup(deck, 4) }).unwrap();
        for (fit, kind, a, b, typing) in moves {
            let kind = if fit { fitting_reflection_kind(solo.step()) } else { kind };
            let input = make_reflection_input(kind, a, b);
            let before = solo.clone();
            match solo.apply(input.clone()) {
                Err(_) => prop_assert_eq!(&solo, &before),
                Ok(events) => {
                    prop_assert!(!events.is_empty(), "{:?} taken in silence", input);
                    let recorded = events.iter().filter(|e| **e == Event::TurnRecorded).count();
                    prop_assert_eq!(solo.turns_recorded(), before.turns_recorded() + recorded);
                    prop_assert_eq!(events.contains(&Event::Finished), solo.is_finished());
                    if input == reflection::Input::Pass {
                        prop_assert!(
                            matches!(
                                solo.step(),
                                reflection::Step::Reflection
                                    | reflection::Step::Bring
                                    | reflection::Step::MoodAfter
                            ),
                            "after a pass: {:?}", solo.step()
                        );
                        prop_assert_eq!(events.last(), Some(&Event::StepEntered));
                    }
                }
            }
            // Every state reached resumes unchanged from its draft, the typed text with it.
            let activity = Activity::Reflection(solo.clone());
            let (back, typed) = through_draft(&activity, typing.clone());
            prop_assert_eq!(&back, &activity);
            prop_assert_eq!(typed, kept_typing(typing));
            if !keep_notes {
                prop_assert!(!draft_text(&activity, None).contains("words "));
                prop_assert!(!draft_text(&activity, None).contains("topic "));
            }
        }
        let session = solo.to_session(at("2026-11-26T20:41:00+01:00"), solo.is_finished());
        prop_assert_eq!(session.turns.len(), solo.turns_recorded());
        prop_assert!(session.closeness.is_empty());
        for turn in &session.turns {
            if turn.skipped {
                prop_assert_eq!(turn.clarity(), None);
                prop_assert_eq!(&turn.note, &None);
            }
            // The mark to bring is the reflection's, the same on every turn, and only
            // ever set with a topic kept.
            prop_assert_eq!(turn.bring_to_talk(), solo.brings_topic() == Some(true) && solo.topic().is_some());
            prop_assert!(!turn.bring_to_talk() || keep_notes);
            prop_assert_eq!(turn.speaker, 0);
            prop_assert!(turn.felt_heard.is_none() && turn.felt_validated.is_none());
            prop_assert!(turn.listener_guess.is_none());
            prop_assert!(turn.clarity.is_some());
            if !keep_notes {
                prop_assert_eq!(&turn.note, &None);
            }
        }
    }
}

fn partner(second: bool) -> Partner {
    if second {
        Partner::Second
    } else {
        Partner::First
    }
}

/// Text being typed when the draft is saved: none, blank, or any words at all.
fn typing() -> impl Strategy<Value = Option<String>> {
    prop::option::of("\\PC{0,12}")
}

/// The typed text a draft keeps: blank text is not worth keeping.
fn kept_typing(typing: Option<String>) -> Option<String> {
    typing.filter(|t| !t.trim().is_empty())
}

/// The kind of input (as numbered in `make_input`) the step expects.
fn fitting_kind(step: Step) -> u8 {
    match step {
        Step::CheckIn { .. } | Step::MoodAfter { .. } => 0,
        Step::DeeperConsent { .. } => 1,
        Step::Speaker => 2,
        Step::Listener | Step::Reveal { .. } => 4,
        Step::ListenerGuess => 5,
        Step::Rating => 6,
        Step::Closeness { .. } => 7,
        Step::Appreciation { .. } => 8,
        Step::TryAgain => 11,
        Step::Break => 10,
        Step::Summary => 4,
    }
}

fn make_input(kind: u8, a: u8, b: u8, partner: Partner) -> Input {
    // 0 stands for "skipped"; 6..=8 are out of range for the 1-5 scales.
    let value = |v: u8| (v > 0).then_some(v);
    match kind {
        0 => Input::Mood {
            partner,
            value: value(a),
        },
        1 => Input::Consent {
            partner,
            yes: a.is_multiple_of(2),
        },
        2 => Input::Done {
            note: format!("note {a}"),
            seconds: value(b).map(u64::from),
        },
        3 => Input::Pass,
        4 => Input::Continue,
        5 => Input::Guess(value(a)),
        6 => Input::Rate {
            felt_heard: value(a),
            felt_validated: value(b),
        },
        7 => Input::Closeness {
            partner,
            value: value(a),
        },
        8 => Input::Appreciation {
            partner,
            text: format!("thanks {a}"),
        },
        9 => Input::Break,
        10 => Input::Resume,
        11 => Input::TryAgain {
            yes: a.is_multiple_of(2),
        },
        _ => Input::Back,
    }
}

/// The kind of input (as numbered in `make_reflection_input`) the step expects.
fn fitting_reflection_kind(step: reflection::Step) -> u8 {
    match step {
        reflection::Step::CheckIn | reflection::Step::MoodAfter => 0,
        reflection::Step::Reflection => 1,
        reflection::Step::Clarity => 3,
        reflection::Step::Topic => 6,
        reflection::Step::Bring => 7,
        reflection::Step::Break => 5,
        reflection::Step::Summary => 0,
    }
}

fn make_reflection_input(kind: u8, a: u8, b: u8) -> reflection::Input {
    // 0 stands for "skipped"; 6..=8 are out of range for the 1-5 scales.
    let value = |v: u8| (v > 0).then_some(v);
    match kind {
        0 => reflection::Input::Mood(value(a)),
        1 => reflection::Input::Done {
            text: format!("words {a}"),
            seconds: value(b).map(u64::from),
        },
        2 => reflection::Input::Pass,
        3 => reflection::Input::Clarity { clarity: value(a) },
        4 => reflection::Input::Break,
        6 => reflection::Input::Topic((!b.is_multiple_of(3)).then(|| format!("topic {a}"))),
        7 => reflection::Input::Bring {
            yes: b.is_multiple_of(2),
        },
        _ => reflection::Input::Resume,
    }
}
