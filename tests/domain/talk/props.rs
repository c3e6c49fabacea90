//! Invariants over any deck, seed and sequence of inputs.

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
            &[Mode::Couple, Mode::Solo],
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
        7 => Input::Clarity {
            clarity: value(a),
            bring_to_talk: b.is_multiple_of(2),
        },
        8 => Input::Closeness {
            partner,
            value: value(a),
        },
        9 => Input::Appreciation {
            partner,
            text: format!("thanks {a}"),
        },
        10 => Input::Break,
        _ => Input::Resume,
    }
}
