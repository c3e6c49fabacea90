//! The "after a hard moment" engine: every transition, the calm question and its break,
//! the "you got it" gate, the apology and its answer, passes and breaks at every step, the
//! draft at every step, and properties over random inputs (never a panic, a refused input
//! changes nothing, every state round-trips, the gate holds).

use heard::activity::Event;
use heard::activity::flow::{Engine, Flow, Meta};
use heard::journal::Timestamp;
use heard::mode::Partner::{self, First, Second};
use heard::repair::{Input, Repair, Stage, Step};
use heard::understand::Answer;
use heard::words::{FEELINGS, MY_PART};
use proptest::prelude::*;
use serde_json::json;

fn apply(talk: &mut Repair, input: Input) -> Vec<Event> {
    let step = talk.step();
    talk.apply(input.clone())
        .unwrap_or_else(|e| panic!("{input:?} at {step:?}: {e}"))
}

fn refused(talk: &mut Repair, input: Input) {
    let before = talk.clone();
    assert!(
        talk.apply(input.clone()).is_err(),
        "{input:?} taken at {:?}",
        talk.step()
    );
    assert_eq!(*talk, before, "a refused {input:?} changed the talk");
}

fn feelings(words: &[&str]) -> Input {
    Input::Feelings(words.iter().map(|w| w.to_string()).collect())
}

fn text(words: &str) -> Option<String> {
    Some(words.to_string())
}

/// Both calm, Ana first.
fn calm() -> Repair {
    let mut talk = Repair::new(First, true);
    assert_eq!(talk.step(), Step::Calm { partner: First });
    apply(&mut talk, Input::Calm(true));
    assert_eq!(talk.step(), Step::Calm { partner: Second });
    apply(&mut talk, Input::Calm(true));
    assert_eq!(talk.step(), Step::Feelings { partner: First });
    talk
}

fn summarise(stage: Stage, partner: Partner) -> Step {
    Step::Summarise { stage, partner }
}

/// One piece on the gate, answered.
fn piece(talk: &mut Repair, sender: Partner, answer: Answer) {
    assert_eq!(talk.step(), Step::Speak { sender });
    apply(talk, Input::Said);
    assert_eq!(talk.step(), Step::Mirror { sender });
    apply(talk, Input::Mirrored);
    assert_eq!(talk.step(), Step::Answer { sender });
    apply(talk, Input::Answer(answer));
}

/// Every input of a whole talk with every step visited (an apology from each, Ben's
/// answered "not yet"), with the step each input is given on.
fn whole_talk() -> Vec<(Step, Input)> {
    let gate = |sender: Partner| {
        [
            (Step::Speak { sender }, Input::Said),
            (Step::Mirror { sender }, Input::Mirrored),
            (Step::Answer { sender }, Input::Answer(Answer::GotIt)),
            (Step::More { sender }, Input::More(false)),
        ]
    };
    let mut script = vec![
        (Step::Calm { partner: First }, Input::Calm(true)),
        (Step::Calm { partner: Second }, Input::Calm(true)),
        (
            Step::Feelings { partner: First },
            feelings(&["hurt", "lonely"]),
        ),
        (summarise(Stage::Feelings, Second), Input::Done),
        (Step::Feelings { partner: Second }, feelings(&["defensive"])),
        (summarise(Stage::Feelings, First), Input::Done),
    ];
    script.extend(gate(First));
    script.push((summarise(Stage::WhatItWasLike, Second), Input::Done));
    script.extend(gate(Second));
    script.push((summarise(Stage::WhatItWasLike, First), Input::Done));
    script.extend([
        (
            Step::Touched { partner: First },
            Input::Touched(text("  being left at parties ")),
        ),
        (summarise(Stage::Touched, Second), Input::Done),
        (Step::Touched { partner: Second }, Input::Touched(None)),
        (summarise(Stage::Touched, First), Input::Done),
        (
            Step::MyPart { partner: First },
            Input::MyPart {
                picked: vec![3, 1, 3],
                text: text("I left early"),
                apology: true,
            },
        ),
        (summarise(Stage::MyPart, Second), Input::Done),
        (Step::Accept { partner: Second }, Input::Accept(true)),
        (
            Step::MyPart { partner: Second },
            Input::MyPart {
                picked: vec![0],
                text: None,
                apology: true,
            },
        ),
        (summarise(Stage::MyPart, First), Input::Done),
        (Step::Accept { partner: First }, Input::Accept(false)),
        (
            Step::NextTime { partner: First },
            Input::NextTime {
                will: text("Say when I need to go"),
                ask: text("Check in with me"),
            },
        ),
        (summarise(Stage::NextTime, Second), Input::Done),
        (
            Step::NextTime { partner: Second },
            Input::NextTime {
                will: None,
                ask: text("Tell me sooner"),
            },
        ),
        (summarise(Stage::NextTime, First), Input::Done),
    ]);
    script
}

fn finished() -> Repair {
    let mut talk = Repair::new(First, true);
    for (step, input) in whole_talk() {
        assert_eq!(talk.step(), step);
        apply(&mut talk, input);
    }
    talk
}

#[test]
fn a_whole_talk_visits_every_step_in_turn_and_ends_at_the_summary() {
    let mut talk = Repair::new(First, true);
    let script = whole_talk();
    let last = script.len() - 1;
    for (i, (step, input)) in script.into_iter().enumerate() {
        assert_eq!(talk.step(), step, "input {i}");
        let events = apply(&mut talk, input);
        assert!(
            events.contains(&Event::StepEntered),
            "input {i}: {events:?}"
        );
        assert_eq!(events.contains(&Event::Finished), i == last, "input {i}");
    }
    assert_eq!(talk.step(), Step::Summary);
    assert!(talk.is_finished());
    assert_eq!(Engine::progress(&talk), (10, 10));
    refused(&mut talk, Input::Done);
    refused(&mut talk, Input::Break);
    refused(&mut talk, Input::Pass);
}

#[test]
fn what_each_step_takes_is_kept_as_given() {
    let talk = finished();
    assert_eq!(talk.feelings(First), ["hurt", "lonely"]);
    assert_eq!(talk.feelings(Second), ["defensive"]);
    assert_eq!(talk.touched(First), Some("being left at parties"));
    assert_eq!(talk.touched(Second), None);
    let ana = talk.my_part(First).unwrap();
    assert_eq!(ana.picked, [1, 3], "in list order, each once");
    assert_eq!(ana.text.as_deref(), Some("I left early"));
    assert!(ana.apology);
    assert_eq!(talk.accepted().len(), 2);
    assert_eq!(talk.next_time(Second).unwrap().will, None);
    assert_eq!(talk.gates().len(), 2);
    assert!(talk.gates().iter().all(|g| g.got_it));
}

#[test]
fn the_second_partner_can_begin_every_stage() {
    let mut talk = Repair::new(Second, true);
    apply(&mut talk, Input::Calm(true));
    assert_eq!(talk.step(), Step::Calm { partner: First });
    apply(&mut talk, Input::Calm(true));
    assert_eq!(talk.step(), Step::Feelings { partner: Second });
    apply(&mut talk, feelings(&["sad"]));
    assert_eq!(talk.step(), summarise(Stage::Feelings, First));
    apply(&mut talk, Input::Done);
    assert_eq!(talk.step(), Step::Feelings { partner: First });
    apply(&mut talk, Input::Pass);
    assert_eq!(
        talk.step(),
        Step::Speak { sender: Second },
        "Ben begins this stage too"
    );
}

/// What the listener must not reach before the sender has said "you got it", "no more".
fn the_gate_is_shut(talk: &mut Repair) {
    for input in [
        Input::Done,
        Input::Touched(None),
        Input::Accept(true),
        feelings(&["calm"]),
        Input::NextTime {
            will: None,
            ask: None,
        },
    ] {
        refused(talk, input);
    }
}

#[test]
fn not_yet_three_times_then_you_got_it_and_more_twice_opens_the_validation_only_then() {
    let mut talk = calm();
    apply(&mut talk, feelings(&["hurt"]));
    apply(&mut talk, Input::Done);
    apply(&mut talk, feelings(&["tired"]));
    apply(&mut talk, Input::Done);
    for answer in [Answer::NotYet, Answer::NotYet, Answer::NotYet] {
        piece(&mut talk, First, answer);
        assert_eq!(
            talk.step(),
            Step::Speak { sender: First },
            "not yet gives the floor back"
        );
        the_gate_is_shut(&mut talk);
    }
    piece(&mut talk, First, Answer::Partly);
    assert_eq!(
        talk.step(),
        Step::Speak { sender: First },
        "partly gives it back too"
    );
    piece(&mut talk, First, Answer::GotIt);
    assert_eq!(talk.step(), Step::More { sender: First });
    the_gate_is_shut(&mut talk);
    for _ in 0..2 {
        apply(&mut talk, Input::More(true));
        assert_eq!(talk.step(), Step::Speak { sender: First });
        the_gate_is_shut(&mut talk);
        piece(&mut talk, First, Answer::GotIt);
    }
    let events = apply(&mut talk, Input::More(false));
    assert!(events.contains(&Event::StepEntered));
    assert_eq!(talk.step(), summarise(Stage::WhatItWasLike, Second));
    let gate = &talk.gates()[0];
    assert_eq!(
        (gate.partner, gate.pieces, gate.mirrors, gate.got_it),
        (First, 7, 7, true)
    );
    let events = apply(&mut talk, Input::Done);
    assert!(events.contains(&Event::TurnRecorded));
    assert_eq!(talk.step(), Step::Speak { sender: Second });
    assert_eq!(talk.gates().len(), 2);
}

#[test]
fn a_partner_who_is_not_calm_goes_to_the_break_and_coming_back_asks_both_again() {
    for who in [First, Second] {
        let mut talk = Repair::new(First, true);
        if who == Second {
            apply(&mut talk, Input::Calm(true));
        }
        let events = apply(&mut talk, Input::Calm(false));
        assert_eq!(events, [Event::BreakStarted], "{who:?}");
        assert_eq!(talk.step(), Step::Break);
        assert_eq!(talk.not_calm(), 1);
        assert_eq!(talk.breaks(), 0, "not calm is counted on its own");
        refused(&mut talk, Input::Calm(true));
        // Left mid-break and resumed from the draft.
        let mut talk = Repair::from_record(talk.to_record()).unwrap();
        let events = apply(&mut talk, Input::Resume);
        assert_eq!(events[0], Event::BreakEnded);
        assert_eq!(
            talk.step(),
            Step::Calm { partner: First },
            "{who:?}: asked from the start"
        );
        assert_eq!(events.contains(&Event::StepEntered), who == Second);
        apply(&mut talk, Input::Calm(true));
        apply(&mut talk, Input::Calm(false));
        apply(&mut talk, Input::Resume);
        apply(&mut talk, Input::Calm(true));
        apply(&mut talk, Input::Calm(true));
        assert_eq!(talk.step(), Step::Feelings { partner: First });
        assert_eq!(talk.not_calm(), 2);
    }
}

#[test]
fn an_apology_answered_not_yet_goes_on_kindly_and_the_record_says_so() {
    let mut talk = calm();
    // Feelings, what it was like and what it touched, each partner: six passes.
    for _ in 0..6 {
        apply(&mut talk, Input::Pass);
    }
    assert_eq!(talk.step(), Step::MyPart { partner: First });
    refused(
        &mut talk,
        Input::MyPart {
            picked: vec![MY_PART.len()],
            text: None,
            apology: true,
        },
    );
    apply(
        &mut talk,
        Input::MyPart {
            picked: vec![2],
            text: None,
            apology: true,
        },
    );
    assert_eq!(
        talk.step(),
        summarise(Stage::MyPart, Second),
        "first said back"
    );
    refused(&mut talk, Input::Accept(true));
    apply(&mut talk, Input::Done);
    assert_eq!(talk.step(), Step::Accept { partner: Second });
    let events = apply(&mut talk, Input::Accept(false));
    assert!(events.contains(&Event::TurnRecorded));
    assert_eq!(
        talk.step(),
        Step::MyPart { partner: Second },
        "the talk goes on"
    );
    // No apology: nothing to answer.
    apply(
        &mut talk,
        Input::MyPart {
            picked: vec![],
            text: None,
            apology: false,
        },
    );
    apply(&mut talk, Input::Done);
    assert_eq!(talk.step(), Step::NextTime { partner: First });
    let session = session_of(&talk);
    assert_eq!(
        session["accepted"],
        json!([{"partner": 0, "accepted": false}])
    );
}

#[test]
fn a_pass_at_every_step_goes_on_and_never_opens_a_gated_step() {
    let script = whole_talk();
    for at in 0..script.len() {
        let mut talk = Repair::new(First, true);
        for (_, input) in script.iter().take(at).cloned() {
            apply(&mut talk, input);
        }
        let before = talk.step();
        let events = apply(&mut talk, Input::Pass);
        let after = talk.step();
        assert_ne!(after, before, "a pass at {before:?} goes on");
        if let Step::Calm { .. } = before {
            assert_eq!(after, Step::Break, "a pass is not \"calm enough\"");
            continue;
        }
        assert!(events.contains(&Event::StepEntered));
        assert!(
            !matches!(
                after,
                Step::Summarise {
                    stage: Stage::WhatItWasLike,
                    ..
                }
            ),
            "a pass at {before:?} opened the validation"
        );
        assert!(!matches!(after, Step::Accept { .. }) || matches!(before, Step::Summarise { .. }));
        if let Step::Speak { sender }
        | Step::Mirror { sender }
        | Step::Answer { sender }
        | Step::More { sender } = before
        {
            let gate = talk.gates().iter().find(|g| g.partner == sender).unwrap();
            assert!(!gate.got_it, "a pass left {sender:?}'s gate unconfirmed");
            let next = if sender == First {
                Step::Speak { sender: Second }
            } else {
                Step::Touched { partner: First }
            };
            assert_eq!(after, next, "on to the next part");
        }
        assert_eq!(Repair::from_record(talk.to_record()).as_ref(), Ok(&talk));
    }
}

#[test]
fn passing_everything_ends_the_talk_with_nothing_kept_but_unconfirmed_gates() {
    let mut talk = calm();
    let mut passes = 0;
    while !talk.is_finished() {
        apply(&mut talk, Input::Pass);
        passes += 1;
    }
    assert_eq!(passes, 10, "one pass for each partner at each stage");
    let session = session_of(&talk);
    assert_eq!(session["feelings"], json!([[], []]));
    assert_eq!(
        session["gates"],
        json!([
            {"partner": 0, "pieces": 0, "mirrors": 0, "got_it": false},
            {"partner": 1, "pieces": 0, "mirrors": 0, "got_it": false}
        ])
    );
    for field in ["touched", "my_part", "accepted", "next_time"] {
        assert_eq!(session[field], json!([]), "{field}");
    }
}

#[test]
fn a_break_at_every_step_is_counted_and_comes_back_to_it_as_it_was() {
    let mut talk = Repair::new(First, true);
    let mut breaks = 0;
    for (step, input) in whole_talk() {
        let before = talk.clone();
        assert_eq!(apply(&mut talk, Input::Break), [Event::BreakStarted]);
        breaks += 1;
        assert_eq!(talk.step(), Step::Break);
        assert_eq!(Engine::step_name(&talk), "a break");
        refused(&mut talk, input.clone());
        refused(&mut talk, Input::Pass);
        apply(&mut talk, Input::Resume);
        if step == (Step::Calm { partner: Second }) {
            // Before both said they are calm, both are asked again.
            assert_eq!(talk.step(), Step::Calm { partner: First });
            apply(&mut talk, Input::Calm(true));
        } else {
            assert_eq!(talk.step(), before.step());
        }
        assert_eq!(talk.breaks(), breaks);
        apply(&mut talk, input);
    }
    assert!(talk.is_finished());
    assert_eq!(session_of(&talk)["breaks"], breaks);
}

#[test]
fn leaving_and_resuming_at_every_step_gives_back_the_same_talk() {
    let mut talk = Repair::new(Second, true);
    let partners = ["Ana".to_string(), "Ben".to_string()];
    let mut steps_seen = 0;
    // Ben begins: the same inputs, each stage his first.
    for (_, input) in whole_talk() {
        let flow = Flow {
            id: "r1".into(),
            partners: partners.clone(),
            started_at: Timestamp::parse("2026-11-26T20:00:00+01:00").unwrap(),
            engine: talk.clone(),
        };
        let back: Flow<Repair> = Flow::from_record(flow.to_record()).unwrap();
        assert_eq!(back, flow, "at {:?}", talk.step());
        assert_eq!(
            Engine::from_state(Engine::to_state(&talk)),
            Ok(talk.clone())
        );
        let before = talk.step();
        apply(&mut talk, Input::Break);
        assert_eq!(
            Repair::from_record(talk.to_record()),
            Ok(talk.clone()),
            "mid-break"
        );
        apply(&mut talk, Input::Resume);
        if talk.step() != before {
            // Back before both said they are calm: Ben is asked again first.
            assert_eq!(talk.step(), Step::Calm { partner: Second });
            apply(&mut talk, Input::Calm(true));
        }
        let (done, of) = Engine::progress(&talk);
        assert!(done <= of && of == 10);
        apply(&mut talk, input);
        steps_seen += 1;
    }
    assert!(talk.is_finished());
    assert_eq!(Repair::from_record(talk.to_record()), Ok(talk));
    assert_eq!(steps_seen, whole_talk().len());
}

#[test]
fn feelings_come_from_the_list_and_an_empty_pick_is_only_a_pass() {
    let mut talk = calm();
    refused(&mut talk, feelings(&[]));
    refused(&mut talk, feelings(&["furious"]));
    refused(&mut talk, feelings(&["hurt", "Hurt"]));
    refused(&mut talk, Input::Done);
    refused(&mut talk, Input::Said);
    apply(&mut talk, feelings(&["hurt", "sad", "hurt"]));
    assert_eq!(talk.feelings(First), ["hurt", "sad"], "each once");
    let all: Vec<String> = FEELINGS.iter().map(|f| f.to_string()).collect();
    apply(&mut talk, Input::Done);
    apply(&mut talk, Input::Feelings(all));
    assert_eq!(
        talk.feelings(Second).len(),
        40,
        "several allowed, all of them too"
    );
}

#[test]
fn with_notes_off_no_typed_word_is_held() {
    let mut talk = Repair::new(First, false);
    for (_, input) in whole_talk() {
        apply(&mut talk, input);
    }
    let record = talk.to_record().to_string();
    let session = serde_json::to_string(&session_of(&talk)).unwrap();
    for typed in [
        "parties",
        "I left early",
        "Say when",
        "Check in",
        "Tell me sooner",
    ] {
        assert!(!record.contains(typed), "{typed} in the draft");
        assert!(!session.contains(typed), "{typed} in the journal");
    }
    // Picked words are not typed: they are kept.
    assert_eq!(talk.feelings(First), ["hurt", "lonely"]);
    assert_eq!(talk.my_part(First).unwrap().picked, [1, 3]);
    assert!(!Engine::keeps_notes(&talk));
}

fn record_at(steps: usize) -> (Repair, serde_json::Value) {
    let mut talk = Repair::new(First, true);
    for (_, input) in whole_talk().into_iter().take(steps) {
        apply(&mut talk, input);
    }
    let record = talk.to_record();
    (talk, record)
}

#[test]
fn a_draft_that_could_not_have_been_reached_is_refused() {
    let refuse = |record: serde_json::Value, why: &str| {
        let err = Repair::from_record(record).expect_err(why);
        assert!(!err.is_empty() && !err.contains('\n'), "{why}: {err:?}");
    };
    // The validation without "you got it".
    let (_, mut record) = record_at(7);
    assert_eq!(record["step"], json!({"step": "mirror", "sender": 0}));
    record["step"] = json!({"step": "summarise", "stage": "what_it_was_like", "partner": 1});
    refuse(record, "validation before the gate");
    let (_, mut record) = record_at(10);
    record["gates"][0]["got_it"] = false.into();
    refuse(record, "validation of a gate not got");
    // A word that is not on the list, a part off the list.
    let (_, mut record) = record_at(4);
    record["feelings"][0] = json!(["furious"]);
    refuse(record, "a feeling off the list");
    let (_, mut record) = record_at(28);
    record["my_part"][0]["picked"] = json!([99]);
    refuse(record, "a part off the list");
    // Parts of stages not yet come, and gates out of turn.
    let (_, mut record) = record_at(2);
    record["next_time"][0] = json!({"will": "x", "ask": null});
    refuse(record, "next time at the feelings");
    let (_, mut record) = record_at(2);
    record["gates"] = json!([{"partner": 0, "pieces": 1, "mirrors": 1, "got_it": true}]);
    refuse(record, "a gate before its stage");
    let (_, mut record) = record_at(12);
    record["gates"][0]["partner"] = 1.into();
    refuse(record, "gates out of turn");
    let (_, mut record) = record_at(12);
    record["gates"][1]["pieces"] = 5.into();
    refuse(record, "pieces without their mirrors");
    // An answer to an apology that was never made, words with notes off, the break as a step.
    let (_, mut record) = record_at(20);
    record["accepted"] = json!([{"partner": 1, "accepted": true}]);
    refuse(record, "an answer with no apology");
    let (_, mut record) = record_at(20);
    record["keep_notes"] = false.into();
    refuse(record, "typed words with notes off");
    let (_, mut record) = record_at(3);
    record["step"] = json!({"step": "break"});
    refuse(record, "the break as the step");
    let (_, mut record) = record_at(3);
    record["step"] = json!({"step": "summarise", "stage": "feelings", "partner": 1});
    record["feelings"][0] = json!([]);
    refuse(record, "a summary of feelings never shared");
    // What is left alone reads back.
    let (talk, record) = record_at(20);
    assert_eq!(Repair::from_record(record), Ok(talk));
}

fn session(talk: &Repair) -> heard::journal::Session {
    let partners = ["Ana".to_string(), "Ben".to_string()];
    let started = Timestamp::parse("2026-11-26T20:00:00+01:00").unwrap();
    let meta = Meta {
        id: "r1",
        partners: &partners,
        started_at: &started,
    };
    let end = chrono::DateTime::parse_from_rfc3339("2026-11-26T20:40:00+01:00").unwrap();
    Engine::to_session(talk, &meta, end, true)
}

fn session_of(talk: &Repair) -> serde_json::Value {
    serde_json::to_value(session(talk)).unwrap()
}

#[test]
fn the_journal_entry_holds_every_stage_field_by_field() {
    let mut talk = Repair::new(First, true);
    apply(&mut talk, Input::Calm(false));
    apply(&mut talk, Input::Resume);
    let mut script = whole_talk().into_iter();
    for (_, input) in script.by_ref().take(8) {
        apply(&mut talk, input);
    }
    // Ana's gate: one "not yet", then got.
    apply(&mut talk, Input::Answer(Answer::NotYet));
    piece(&mut talk, First, Answer::GotIt);
    apply(&mut talk, Input::More(false));
    apply(&mut talk, Input::Break);
    apply(&mut talk, Input::Resume);
    for (_, input) in script.skip(2) {
        apply(&mut talk, input);
    }
    let value = session_of(&talk);
    assert_eq!(value["kind"], "repair");
    assert_eq!(value["deck_id"], "repair");
    assert_eq!(value["mode"], "couple");
    assert_eq!(value["partners"], json!(["Ana", "Ben"]));
    assert_eq!(value["completed"], true);
    assert_eq!(value["started_at"], "2026-11-26T20:00:00+01:00");
    assert_eq!(value["ended_at"], "2026-11-26T20:40:00+01:00");
    assert_eq!(value["turns"], json!([]));
    assert_eq!(
        value["feelings"],
        json!([["hurt", "lonely"], ["defensive"]])
    );
    assert_eq!(
        value["gates"],
        json!([
            {"partner": 0, "pieces": 2, "mirrors": 2, "got_it": true},
            {"partner": 1, "pieces": 1, "mirrors": 1, "got_it": true}
        ])
    );
    assert_eq!(
        value["touched"],
        json!([{"partner": 0, "text": "being left at parties"}])
    );
    assert_eq!(
        value["my_part"],
        json!([
            {"partner": 0, "picked": [MY_PART[1], MY_PART[3]], "text": "I left early", "apology": true},
            {"partner": 1, "picked": [MY_PART[0]], "text": null, "apology": true}
        ])
    );
    assert_eq!(
        value["accepted"],
        json!([{"partner": 0, "accepted": true}, {"partner": 1, "accepted": false}])
    );
    assert_eq!(
        value["next_time"],
        json!([
            {"partner": 0, "will": "Say when I need to go", "ask": "Check in with me"},
            {"partner": 1, "will": null, "ask": "Tell me sooner"}
        ])
    );
    assert_eq!(value["breaks"], 1);
    assert_eq!(value["not_calm"], 1);
    // Today's reader keeps every one of these fields as it reads and writes the file.
    let text = serde_json::to_string(&heard::journal::Journal {
        sessions: vec![session(&talk)],
        ..Default::default()
    })
    .unwrap();
    let loaded =
        heard::journal::store::parse(std::path::Path::new("j.json"), text.as_bytes()).unwrap();
    assert_eq!(
        serde_json::to_value(&loaded.journal.sessions[0]).unwrap(),
        value
    );
}

#[test]
fn no_breaks_and_everyone_calm_leave_their_counts_out() {
    let value = session_of(&finished());
    assert!(value.get("breaks").is_none());
    assert!(value.get("not_calm").is_none());
}

fn input() -> impl Strategy<Value = Input> {
    let words = prop::collection::vec(
        prop_oneof![
            (0..FEELINGS.len()).prop_map(|i| FEELINGS[i].to_string()),
            Just("furious".to_string())
        ],
        0..4,
    );
    let typed = || proptest::option::of("[a-z ]{0,6}");
    prop_oneof![
        any::<bool>().prop_map(Input::Calm),
        words.prop_map(Input::Feelings),
        Just(Input::Done),
        Just(Input::Said),
        Just(Input::Mirrored),
        prop_oneof![
            Just(Answer::GotIt),
            Just(Answer::Partly),
            Just(Answer::NotYet)
        ]
        .prop_map(Input::Answer),
        any::<bool>().prop_map(Input::More),
        typed().prop_map(Input::Touched),
        (
            prop::collection::vec(0usize..10, 0..4),
            typed(),
            any::<bool>()
        )
            .prop_map(|(picked, text, apology)| Input::MyPart {
                picked,
                text,
                apology
            }),
        any::<bool>().prop_map(Input::Accept),
        (typed(), typed()).prop_map(|(will, ask)| Input::NextTime { will, ask }),
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
        inputs in prop::collection::vec(input(), 0..120),
    ) {
        let first = if first { First } else { Second };
        let mut talk = Repair::new(first, notes);
        for input in inputs {
            let before = talk.clone();
            let was_on = talk.step();
            let taken = talk.apply(input.clone()).is_ok();
            if !taken {
                prop_assert_eq!(&talk, &before);
            }
            // The gate: the validation of what it was like only ever follows "no more".
            if let Step::Summarise { stage: Stage::WhatItWasLike, partner } = talk.step() {
                if taken && talk.step() != was_on && was_on != Step::Break {
                    prop_assert_eq!(was_on, Step::More { sender: partner.other() });
                    prop_assert_eq!(&input, &Input::More(false));
                }
                prop_assert!(talk.gates().iter().any(|g| g.partner == partner.other() && g.got_it));
            }
            let resumed = Repair::from_record(talk.to_record());
            prop_assert_eq!(resumed.as_ref(), Ok(&talk));
            let (done, of) = Engine::progress(&talk);
            prop_assert!(done <= of);
            prop_assert!(talk.gates().len() <= 2);
        }
    }
}

/// Inputs the step takes, so random walks reach the late stages too.
fn fitting(step: Step) -> Vec<Input> {
    let answers = [Answer::GotIt, Answer::Partly, Answer::NotYet].map(Input::Answer);
    let mut inputs = match step {
        Step::Calm { .. } => vec![Input::Calm(true), Input::Calm(true), Input::Calm(false)],
        Step::Feelings { .. } => vec![feelings(&["hurt"]), feelings(&["sad", "tense"])],
        Step::Summarise { .. } => vec![Input::Done],
        Step::Speak { .. } => vec![Input::Said],
        Step::Mirror { .. } => vec![Input::Mirrored],
        Step::Answer { .. } => answers.to_vec(),
        Step::More { .. } => vec![Input::More(false), Input::More(true)],
        Step::Touched { .. } => vec![Input::Touched(text("old")), Input::Touched(None)],
        Step::MyPart { .. } => vec![
            Input::MyPart {
                picked: vec![0, 2],
                text: text("mine"),
                apology: true,
            },
            Input::MyPart {
                picked: vec![],
                text: None,
                apology: false,
            },
        ],
        Step::Accept { .. } => vec![Input::Accept(true), Input::Accept(false)],
        Step::NextTime { .. } => vec![Input::NextTime {
            will: text("w"),
            ask: None,
        }],
        Step::Break => vec![Input::Resume],
        Step::Summary => vec![Input::Done],
    };
    inputs.extend([Input::Pass, Input::Break]);
    inputs
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn walks_that_fit_each_step_reach_the_end_and_every_state_on_the_way_round_trips(
        first in any::<bool>(),
        notes in any::<bool>(),
        choices in prop::collection::vec((any::<u8>(), proptest::option::of(input())), 0..160),
    ) {
        let first = if first { First } else { Second };
        let mut talk = Repair::new(first, notes);
        for (choice, noise) in choices {
            let before = talk.clone();
            let input = noise.unwrap_or_else(|| {
                let inputs = fitting(talk.step());
                inputs[usize::from(choice) % inputs.len()].clone()
            });
            if talk.apply(input).is_err() {
                prop_assert_eq!(&talk, &before);
            }
            let resumed = Repair::from_record(talk.to_record());
            prop_assert_eq!(resumed.as_ref(), Ok(&talk));
            let session = serde_json::to_string(&session(&talk)).unwrap();
            prop_assert!(notes || !session.contains("mine"));
        }
    }
}
