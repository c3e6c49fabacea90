//! The "understand each other" engine: every transition, the floor gate, passes and breaks
//! at every step, and properties over random inputs (never a panic, a refused input
//! changes nothing, every state round-trips through the draft record, the gate holds).

use heard::activity::Event;
use heard::mode::Partner::{First, Second};
use heard::understand::{Answer, Input, Step, Understand};
use proptest::prelude::*;

fn apply(talk: &mut Understand, input: Input) -> Vec<Event> {
    let step = talk.step();
    talk.apply(input.clone())
        .unwrap_or_else(|e| panic!("{input:?} at {step:?}: {e}"))
}

fn refused(talk: &mut Understand, input: Input) {
    let before = talk.clone();
    assert!(
        talk.apply(input.clone()).is_err(),
        "{input:?} taken at {:?}",
        talk.step()
    );
    assert_eq!(*talk, before, "a refused {input:?} changed the talk");
}

/// Both say now is good, Ana's topic is shared.
fn on_the_floor() -> Understand {
    let mut talk = Understand::new(First, true);
    assert_eq!(talk.step(), Step::GoodTime { partner: First });
    apply(&mut talk, Input::GoodTime(true));
    assert_eq!(talk.step(), Step::GoodTime { partner: Second });
    apply(&mut talk, Input::GoodTime(true));
    assert_eq!(talk.step(), Step::Topic);
    let topic = Input::Topic {
        text: Some("  the weekends ".into()),
        shared: true,
    };
    apply(&mut talk, topic);
    assert_eq!(talk.topic(), Some("the weekends"));
    assert_eq!(talk.step(), Step::Speak);
    talk
}

fn piece(talk: &mut Understand, answer: Answer) {
    apply(talk, Input::Said);
    assert_eq!(talk.step(), Step::Mirror);
    apply(talk, Input::Mirrored);
    assert_eq!(talk.step(), Step::Answer);
    apply(talk, Input::Answer(answer));
}

/// What the receiver must not reach before the sender has said "you got it", "no more".
fn the_gate_is_shut(talk: &mut Understand) {
    let rate = Input::Rate {
        heard: Some(4),
        validated: Some(4),
        cared: Some(4),
    };
    for input in [
        Input::Done,
        rate,
        Input::Switch(true),
        Input::SmallStep(None),
    ] {
        refused(talk, input);
    }
}

#[test]
fn not_yet_three_times_then_you_got_it_and_more_twice_opens_the_gate_only_then() {
    let mut talk = on_the_floor();
    for answer in [Answer::NotYet, Answer::NotYet, Answer::Partly] {
        piece(&mut talk, answer);
        assert_eq!(talk.step(), Step::Speak, "{answer:?} gives the floor back");
        the_gate_is_shut(&mut talk);
    }
    piece(&mut talk, Answer::GotIt);
    assert_eq!(talk.step(), Step::More);
    the_gate_is_shut(&mut talk);
    // "Is there more?" twice: yes, another piece got, yes again, another, then no.
    for _ in 0..2 {
        apply(&mut talk, Input::More(true));
        assert_eq!(talk.step(), Step::Speak);
        the_gate_is_shut(&mut talk);
        piece(&mut talk, Answer::GotIt);
    }
    apply(&mut talk, Input::More(false));
    assert_eq!(talk.step(), Step::Validate);
    apply(&mut talk, Input::Done);
    assert_eq!(talk.step(), Step::Empathize);
    apply(&mut talk, Input::Done);
    assert_eq!(talk.step(), Step::Rating);
    refused(
        &mut talk,
        Input::Rate {
            heard: Some(6),
            validated: None,
            cared: None,
        },
    );
    let events = apply(
        &mut talk,
        Input::Rate {
            heard: Some(5),
            validated: Some(4),
            cared: None,
        },
    );
    assert!(events.contains(&Event::TurnRecorded));
    let round = talk.round().unwrap();
    assert_eq!(round.sender, First);
    assert_eq!((round.pieces, round.mirrors), (6, 6));
    assert!(round.got_it);
    assert_eq!(
        (round.felt_heard, round.felt_validated, round.felt_cared),
        (Some(5), Some(4), None)
    );
    assert_eq!(talk.step(), Step::Switch);
}

#[test]
fn the_receiver_takes_the_floor_then_each_names_a_small_step() {
    let mut talk = on_the_floor();
    piece(&mut talk, Answer::GotIt);
    apply(&mut talk, Input::More(false));
    apply(&mut talk, Input::Done);
    apply(&mut talk, Input::Done);
    apply(
        &mut talk,
        Input::Rate {
            heard: Some(4),
            validated: Some(4),
            cared: Some(4),
        },
    );
    apply(&mut talk, Input::Switch(true));
    assert_eq!(talk.roles(), (Second, First), "Ben has the floor now");
    assert_eq!(talk.step(), Step::Speak);
    piece(&mut talk, Answer::GotIt);
    apply(&mut talk, Input::More(false));
    apply(&mut talk, Input::Done);
    apply(&mut talk, Input::Done);
    apply(
        &mut talk,
        Input::Rate {
            heard: Some(3),
            validated: None,
            cared: Some(5),
        },
    );
    // Two rounds: no second switch.
    assert_eq!(talk.step(), Step::SmallStep { partner: First });
    apply(
        &mut talk,
        Input::SmallStep(Some("Ask before I plan Saturday".into())),
    );
    assert_eq!(talk.step(), Step::SmallStep { partner: Second });
    let events = apply(&mut talk, Input::SmallStep(Some("   ".into())));
    assert!(events.contains(&Event::Finished));
    assert!(talk.is_finished());
    assert_eq!(talk.rounds().len(), 2);
    refused(&mut talk, Input::Said);
}

#[test]
fn later_from_either_partner_ends_the_talk_with_nothing_asked_of_them() {
    for partner in [First, Second] {
        let mut talk = Understand::new(First, true);
        if partner == Second {
            apply(&mut talk, Input::GoodTime(true));
        }
        let events = apply(&mut talk, Input::GoodTime(false));
        assert!(events.contains(&Event::Finished), "{partner:?}");
        assert!(talk.rounds().is_empty());
    }
}

#[test]
fn a_pass_on_the_floor_ends_the_round_unconfirmed_and_never_opens_the_receivers_steps() {
    for passes_after in 0..4 {
        let mut talk = on_the_floor();
        let inputs = [Input::Said, Input::Mirrored, Input::Answer(Answer::GotIt)];
        for input in inputs.into_iter().take(passes_after) {
            apply(&mut talk, input);
        }
        apply(&mut talk, Input::Pass);
        assert_eq!(talk.step(), Step::Switch, "after {passes_after} steps");
        assert!(!talk.round().unwrap().got_it);
        assert_eq!(talk.round().unwrap().felt_heard, None);
    }
}

#[test]
fn a_break_at_every_step_comes_back_to_it_as_it_was() {
    let mut talk = Understand::new(Second, true);
    let script = [
        Input::GoodTime(true),
        Input::GoodTime(true),
        Input::Topic {
            text: None,
            shared: false,
        },
        Input::Said,
        Input::Mirrored,
        Input::Answer(Answer::GotIt),
        Input::More(false),
        Input::Done,
        Input::Done,
        Input::Rate {
            heard: Some(2),
            validated: Some(3),
            cared: Some(4),
        },
        Input::Switch(false),
        Input::SmallStep(None),
        Input::SmallStep(None),
    ];
    for input in script {
        let before = talk.clone();
        apply(&mut talk, Input::Break);
        assert_eq!(talk.step(), Step::Break);
        refused(&mut talk, input.clone());
        apply(&mut talk, Input::Resume);
        // As it was, but for the break now counted (the summary reads it).
        assert_eq!(talk.breaks(), before.breaks() + 1);
        let without_breaks = |t: &Understand| {
            let mut record = t.to_record();
            record.as_object_mut().unwrap().remove("breaks");
            record
        };
        assert_eq!(without_breaks(&talk), without_breaks(&before));
        // And through the draft, mid-break, too.
        apply(&mut talk, Input::Break);
        let resumed = Understand::from_record(talk.to_record()).unwrap();
        assert_eq!(resumed, talk);
        apply(&mut talk, Input::Resume);
        apply(&mut talk, input);
    }
    assert!(talk.is_finished());
    assert_eq!(
        talk.roles(),
        (Second, First),
        "Ben brought it and had the floor"
    );
}

#[test]
fn a_draft_that_skips_the_gate_is_refused() {
    let mut talk = on_the_floor();
    piece(&mut talk, Answer::NotYet);
    let mut record = talk.to_record();
    record["step"] = serde_json::json!({"step": "validate"});
    let err = Understand::from_record(record).unwrap_err();
    assert!(err.contains("validation"), "{err}");
    let mut rated = talk.to_record();
    rated["rounds"][0]["felt_heard"] = 9.into();
    assert!(Understand::from_record(rated).is_err());
}

#[test]
fn with_notes_off_no_typed_word_is_held() {
    let mut talk = Understand::new(First, false);
    apply(&mut talk, Input::GoodTime(true));
    apply(&mut talk, Input::GoodTime(true));
    apply(
        &mut talk,
        Input::Topic {
            text: Some("money".into()),
            shared: true,
        },
    );
    assert_eq!(talk.topic(), None);
    assert!(!talk.to_record().to_string().contains("money"));
}

fn input() -> impl Strategy<Value = Input> {
    let rating = || proptest::option::of(0u8..8);
    prop_oneof![
        any::<bool>().prop_map(Input::GoodTime),
        (proptest::option::of("[a-z ]{0,6}"), any::<bool>())
            .prop_map(|(text, shared)| Input::Topic { text, shared }),
        Just(Input::Said),
        Just(Input::Mirrored),
        prop_oneof![
            Just(Answer::GotIt),
            Just(Answer::Partly),
            Just(Answer::NotYet)
        ]
        .prop_map(Input::Answer),
        any::<bool>().prop_map(Input::More),
        Just(Input::Done),
        (rating(), rating(), rating()).prop_map(|(heard, validated, cared)| Input::Rate {
            heard,
            validated,
            cared
        }),
        any::<bool>().prop_map(Input::Switch),
        proptest::option::of("[a-z ]{0,6}").prop_map(Input::SmallStep),
        Just(Input::Pass),
        Just(Input::Break),
        Just(Input::Resume),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_inputs_never_panic_refusals_change_nothing_and_every_state_round_trips(
        first in any::<bool>(),
        notes in any::<bool>(),
        inputs in prop::collection::vec(input(), 0..60),
    ) {
        let bringer = if first { First } else { Second };
        let mut talk = Understand::new(bringer, notes);
        for input in inputs {
            let before = talk.clone();
            let was_on = talk.step();
            let taken = talk.apply(input.clone()).is_ok();
            if !taken {
                prop_assert_eq!(&talk, &before);
            }
            // The gate: the receiver's steps only ever follow "you got it", "no more".
            let entered = taken && talk.step() != was_on;
            if entered && talk.step() == Step::Validate && was_on != Step::Break {
                prop_assert_eq!(was_on, Step::More);
                prop_assert_eq!(&input, &Input::More(false));
            }
            if matches!(talk.step(), Step::Validate | Step::Empathize | Step::Rating) {
                prop_assert!(talk.round().is_some_and(|r| r.got_it));
            }
            let resumed = Understand::from_record(talk.to_record());
            prop_assert_eq!(resumed.as_ref(), Ok(&talk));
            prop_assert!(talk.rounds().len() <= 2);
        }
    }
}

#[test]
fn the_journal_entry_holds_the_rounds_and_the_steps_field_by_field() {
    use heard::journal::Timestamp;
    use heard::understand::session::{KIND, Meta};
    let mut talk = on_the_floor();
    piece(&mut talk, Answer::NotYet);
    piece(&mut talk, Answer::GotIt);
    apply(&mut talk, Input::More(false));
    apply(&mut talk, Input::Done);
    apply(&mut talk, Input::Done);
    apply(
        &mut talk,
        Input::Rate {
            heard: Some(4),
            validated: Some(5),
            cared: Some(3),
        },
    );
    apply(&mut talk, Input::Switch(false));
    apply(&mut talk, Input::SmallStep(Some("Ask first".into())));
    apply(&mut talk, Input::SmallStep(None));
    let partners = ["Ana".to_string(), "Ben".to_string()];
    let started = Timestamp::parse("2026-11-26T20:00:00+01:00").unwrap();
    let meta = Meta {
        id: "u1",
        partners: &partners,
        started_at: &started,
    };
    let end = chrono::DateTime::parse_from_rfc3339("2026-11-26T20:25:00+01:00").unwrap();
    let session = talk.to_session(&meta, end, true);
    let value = serde_json::to_value(&session).unwrap();
    assert_eq!(value["kind"], KIND);
    assert_eq!(value["topic"], "the weekends");
    assert!(value.get("topic_private").is_none(), "Ana shared it");
    assert_eq!(
        value["rounds"],
        serde_json::json!([{
            "sender": 0, "pieces": 2, "mirrors": 2, "got_it": true,
            "felt_heard": 4, "felt_validated": 5, "felt_cared": 3
        }])
    );
    assert_eq!(
        value["steps"],
        serde_json::json!([{"partner": 0, "text": "Ask first"}])
    );
    assert_eq!(value["partners"], serde_json::json!(["Ana", "Ben"]));
    assert_eq!(value["completed"], true);
    // Today's reader keeps every one of these fields as it reads and writes the file.
    let text = serde_json::to_string(&heard::journal::Journal {
        sessions: vec![session],
        ..Default::default()
    })
    .unwrap();
    let loaded =
        heard::journal::store::parse(std::path::Path::new("j.json"), text.as_bytes()).unwrap();
    let again = serde_json::to_value(&loaded.journal.sessions[0]).unwrap();
    assert_eq!(again, value);
}

#[test]
fn a_rated_round_counts_in_the_figures_as_a_turn_of_its_sender() {
    let journal: heard::journal::Journal = serde_json::from_value(serde_json::json!({
        "format": "heard-journal", "version": 1,
        "sessions": [{
            "id": "p1", "mode": "couple", "started_at": "2026-11-20T20:00:00+01:00",
            "completed": true, "deck_id": "rekindle", "partners": ["Ana", "Ben"],
            "turns": [{"prompt_id": "a", "prompt": "A", "speaker": 0,
                       "felt_heard": 2, "felt_validated": 2, "skipped": false}]
        }, {
            "id": "u1", "mode": "couple", "started_at": "2026-11-21T20:00:00+01:00",
            "completed": true, "deck_id": "understand", "partners": ["Ana", "Ben"],
            "kind": "understand", "turns": [],
            "rounds": [{"sender": 1, "pieces": 3, "mirrors": 3, "got_it": true,
                        "felt_heard": 4, "felt_validated": 4, "felt_cared": 5}]
        }]
    }))
    .unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-26T20:00:00+01:00").unwrap();
    let stats = heard::journal::stats::compute(&journal, None, now);
    assert_eq!(stats.turns_rated, 2, "the round is a rated turn");
    assert_eq!(stats.felt_heard_avg, Some(3.0));
    let ben = stats
        .by_partner
        .iter()
        .find(|p| p.name == "Ben")
        .expect("Ben spoke");
    assert_eq!(ben.felt_heard_avg, Some(4.0));
    // Felt cared for, asked on the round only, is its mean alone; the prompt turn has none.
    assert_eq!(stats.felt_cared_avg, Some(5.0));
    assert_eq!(ben.felt_cared_avg, Some(5.0));
    let ana = stats.by_partner.iter().find(|p| p.name == "Ana").unwrap();
    assert_eq!(ana.felt_cared_avg, None);
    let words = heard::journal::stats::describe(&stats, None, now);
    assert!(
        words.contains("Felt cared for, in the conversations: 5.0"),
        "{words}"
    );
}

/// The draft file of a conversation: version 4 (so the heard before conversations says a
/// newer heard wrote it rather than misread it), read back into the same talk, typing kept.
#[test]
fn an_understand_talk_goes_through_the_draft_file_and_back_whole() {
    use heard::activity::{Activity, Flow};
    use heard::journal::Timestamp;
    use heard::journal::draft;
    let mut talk = on_the_floor();
    piece(&mut talk, Answer::NotYet);
    let activity = Activity::Understand(Flow {
        id: "0dd0ba11".into(),
        partners: ["Ana".into(), "Ben".into()],
        started_at: Timestamp::new(
            chrono::DateTime::parse_from_rfc3339("2026-11-26T20:00:00+01:00").unwrap(),
        ),
        engine: talk,
    });
    let written = serde_json::to_value(activity.to_draft(Some("half a".into()))).unwrap();
    assert_eq!(written["version"], 4);
    assert_eq!(written["kind"], "understand");
    let read = draft::from_value(written).unwrap();
    let (back, typing) = Activity::from_draft(read).unwrap();
    assert_eq!(back, activity);
    assert_eq!(typing.as_deref(), Some("half a"));
    // A draft with three partners, or a state that skips the gate, is refused with a reason.
    let mut odd = serde_json::to_value(activity.to_draft(None)).unwrap();
    odd["partners"] = serde_json::json!(["Ana", "Ben", "Cy"]);
    let err = Activity::from_draft(draft::from_value(odd).unwrap()).unwrap_err();
    assert!(err.to_string().contains("3 partners"), "{err}");
}
