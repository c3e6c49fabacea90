//! The "our week" engine: every transition, five appreciations and no sixth, an issue
//! talked through as an understand talk inside the week, passes and breaks at every step,
//! the draft at every step, and properties over random inputs (never a panic, a refused
//! input changes nothing, every state round-trips, the issue's gate holds).

use heard::activity::Event;
use heard::activity::flow::{Engine, Flow, Meta};
use heard::journal::Timestamp;
use heard::mode::Partner::{self, First, Second};
use heard::understand::{self, Answer};
use heard::weekly::{Input, Step, Weekly};
use proptest::prelude::*;
use serde_json::json;

fn apply(week: &mut Weekly, input: Input) -> Vec<Event> {
    let step = week.step();
    week.apply(input.clone())
        .unwrap_or_else(|e| panic!("{input:?} at {step:?}: {e}"))
}

fn refused(week: &mut Weekly, input: Input) {
    let before = week.clone();
    assert!(
        week.apply(input.clone()).is_err(),
        "{input:?} taken at {:?}",
        week.step()
    );
    assert_eq!(*week, before, "a refused {input:?} changed the week");
}

fn text(words: &str) -> Option<String> {
    Some(words.to_string())
}

fn on_issue(input: understand::Input) -> Input {
    Input::Understand(input)
}

/// The issue Ben brings, talked through: his floor got at once, no switch, a small step
/// from him (its bringer names the first).
fn issue_inputs() -> Vec<understand::Input> {
    use understand::Input as U;
    vec![
        U::Topic {
            text: text(" the chores "),
            shared: false,
        },
        U::Said,
        U::Mirrored,
        U::Answer(Answer::GotIt),
        U::More(false),
        U::Done,
        U::Done,
        U::Rate {
            heard: Some(4),
            validated: Some(5),
            cared: Some(3),
        },
        U::Switch(false),
        U::SmallStep(text("Do the dishes on Sundays")),
        U::SmallStep(None),
    ]
}

/// Every input of a whole week with every step visited, with the step it is given on.
fn whole_week() -> Vec<(Step, Input)> {
    let mut script = vec![
        (
            Step::Appreciate { partner: First },
            Input::Appreciate(text(" dinner on Friday ")),
        ),
        (Step::Appreciate { partner: First }, Input::Appreciate(None)),
        (Step::Appreciate { partner: First }, Input::Done),
        (
            Step::Appreciate { partner: Second },
            Input::Appreciate(text("the call")),
        ),
        (Step::Appreciate { partner: Second }, Input::Done),
        (
            Step::WentWell { partner: First },
            Input::WentWell(text("Sunday's walk")),
        ),
        (Step::WentWell { partner: Second }, Input::WentWell(None)),
        (Step::Issue, Input::Issue(Some(Second))),
    ];
    script.extend(
        issue_inputs()
            .into_iter()
            .map(|i| (Step::Understand, on_issue(i))),
    );
    script.extend([
        (
            Step::ThisWeek { partner: First },
            Input::ThisWeek(text("A hug in the morning")),
        ),
        (Step::ThisWeek { partner: Second }, Input::ThisWeek(None)),
    ]);
    script
}

fn finished() -> Weekly {
    let mut week = Weekly::new(First, true);
    for (step, input) in whole_week() {
        assert_eq!(week.step(), step);
        apply(&mut week, input);
    }
    week
}

#[test]
fn a_whole_week_visits_every_step_in_turn_and_ends_at_the_summary() {
    let mut week = Weekly::new(First, true);
    let script = whole_week();
    let last = script.len() - 1;
    for (i, (step, input)) in script.into_iter().enumerate() {
        assert_eq!(week.step(), step, "input {i}");
        let events = apply(&mut week, input);
        assert!(
            events.contains(&Event::StepEntered),
            "input {i}: {events:?}"
        );
        assert_eq!(events.contains(&Event::Finished), i == last, "input {i}");
    }
    assert!(week.is_finished());
    assert_eq!(Engine::progress(&week), (7, 7));
    assert_eq!(week.appreciations(First), [text("dinner on Friday"), None]);
    assert_eq!(week.appreciations(Second), [text("the call")]);
    assert_eq!(week.went_well(First), Some("Sunday's walk"));
    assert_eq!(week.went_well(Second), None);
    assert_eq!(week.this_week(First), Some("A hug in the morning"));
    let issue = week.issue().unwrap();
    assert!(issue.is_finished());
    assert_eq!(issue.topic(), Some("the chores"));
    assert_eq!(issue.roles().0, Second, "Ben brought it and had the floor");
    refused(&mut week, Input::Done);
    refused(&mut week, Input::Break);
}

#[test]
fn five_appreciations_each_and_no_sixth_and_none_at_all_is_fine() {
    let mut week = Weekly::new(Second, true);
    assert_eq!(week.step(), Step::Appreciate { partner: Second });
    for n in 1..=5 {
        let events = apply(&mut week, Input::Appreciate(None));
        assert_eq!(events, [Event::TurnRecorded, Event::StepEntered]);
        assert_eq!(week.appreciations(Second).len(), n);
        assert_eq!(week.step(), Step::Appreciate { partner: Second });
    }
    let err = week.apply(Input::Appreciate(text("one more"))).unwrap_err();
    assert!(err.to_string().contains("sixth"), "{err}");
    refused(&mut week, Input::Appreciate(None));
    apply(&mut week, Input::Done);
    assert_eq!(week.step(), Step::Appreciate { partner: First });
    apply(&mut week, Input::Done);
    assert!(week.appreciations(First).is_empty());
    assert_eq!(week.step(), Step::WentWell { partner: Second });
}

#[test]
fn no_issue_goes_straight_to_the_close() {
    for skip in [Input::Issue(None), Input::Pass] {
        let mut week = Weekly::new(First, true);
        for (_, input) in whole_week().into_iter().take(7) {
            apply(&mut week, input);
        }
        assert_eq!(week.step(), Step::Issue);
        refused(&mut week, on_issue(understand::Input::Said));
        apply(&mut week, skip);
        assert_eq!(week.step(), Step::ThisWeek { partner: First });
        assert_eq!(week.issue(), None);
        assert_eq!(session_of(&week)["issue"], serde_json::Value::Null);
    }
}

fn at_issue(bringer: Partner) -> Weekly {
    let mut week = Weekly::new(First, true);
    for (_, input) in whole_week().into_iter().take(7) {
        apply(&mut week, input);
    }
    apply(&mut week, Input::Issue(Some(bringer)));
    week
}

#[test]
fn the_issue_is_an_understand_talk_from_its_topic_whose_end_is_not_the_weeks() {
    let mut week = at_issue(First);
    assert_eq!(week.step(), Step::Understand);
    assert_eq!(week.issue().unwrap().step(), understand::Step::Topic);
    assert_eq!(
        Engine::step_name(&week),
        "the topic",
        "the issue's own step in words"
    );
    refused(&mut week, Input::ThisWeek(None));
    refused(&mut week, on_issue(understand::Input::GoodTime(false)));
    let mut last = Vec::new();
    for input in issue_inputs() {
        last = apply(&mut week, on_issue(input));
    }
    assert!(
        !last.contains(&Event::Finished),
        "the week goes on: {last:?}"
    );
    assert_eq!(last.iter().filter(|e| **e == Event::StepEntered).count(), 1);
    assert_eq!(week.step(), Step::ThisWeek { partner: First });
    assert_eq!(Engine::step_name(&week), "the question for this week");
    refused(&mut week, on_issue(understand::Input::Said));
}

#[test]
fn the_issues_gate_holds_inside_the_week() {
    use understand::Input as U;
    let mut week = at_issue(Second);
    apply(
        &mut week,
        on_issue(U::Topic {
            text: None,
            shared: true,
        }),
    );
    for answer in [
        Answer::NotYet,
        Answer::NotYet,
        Answer::NotYet,
        Answer::GotIt,
    ] {
        apply(&mut week, on_issue(U::Said));
        refused(&mut week, on_issue(U::Done));
        apply(&mut week, on_issue(U::Mirrored));
        apply(&mut week, on_issue(U::Answer(answer)));
    }
    refused(&mut week, on_issue(U::Done));
    apply(&mut week, on_issue(U::More(true)));
    refused(&mut week, on_issue(U::Done));
    apply(&mut week, on_issue(U::Said));
    apply(&mut week, on_issue(U::Mirrored));
    apply(&mut week, on_issue(U::Answer(Answer::GotIt)));
    apply(&mut week, on_issue(U::More(false)));
    assert_eq!(week.issue().unwrap().step(), understand::Step::Validate);
    assert_eq!(week.issue().unwrap().round().unwrap().pieces, 5);
}

#[test]
fn a_pass_on_the_issue_sets_it_aside_as_it_is() {
    let mut week = at_issue(First);
    apply(
        &mut week,
        on_issue(understand::Input::Topic {
            text: text("money"),
            shared: true,
        }),
    );
    apply(&mut week, on_issue(understand::Input::Said));
    let events = apply(&mut week, Input::Pass);
    assert!(events.contains(&Event::StepEntered));
    assert_eq!(week.step(), Step::ThisWeek { partner: First });
    let issue = &session_of(&week)["issue"];
    assert_eq!(issue["topic"], "money");
    assert_eq!(issue["rounds"][0]["pieces"], 1);
    assert_eq!(issue["rounds"][0]["got_it"], false);
    assert_eq!(Weekly::from_record(week.to_record()), Ok(week));
}

#[test]
fn a_pass_at_every_step_goes_on_and_never_opens_the_issues_gated_steps() {
    let script = whole_week();
    for at in 0..script.len() {
        let mut week = Weekly::new(First, true);
        for (_, input) in script.iter().take(at).cloned() {
            apply(&mut week, input);
        }
        for pass in [Input::Pass, on_issue(understand::Input::Pass)] {
            let mut week = week.clone();
            let before = (week.step(), week.issue().map(|i| i.step()));
            if week.apply(pass.clone()).is_err() {
                assert!(
                    matches!(pass, Input::Understand(_)),
                    "{pass:?} refused at {before:?}"
                );
                continue;
            }
            assert_ne!(
                (week.step(), week.issue().map(|i| i.step())),
                before,
                "{pass:?}"
            );
            if let (Step::Understand, Some(issue)) = (week.step(), week.issue()) {
                let opened = matches!(
                    issue.step(),
                    understand::Step::Validate
                        | understand::Step::Empathize
                        | understand::Step::Rating
                );
                let was_open = matches!(
                    before.1,
                    Some(understand::Step::Validate | understand::Step::Empathize)
                );
                assert!(!opened || was_open, "a pass at {before:?} opened the gate");
            }
            assert_eq!(Weekly::from_record(week.to_record()).as_ref(), Ok(&week));
        }
    }
}

#[test]
fn a_break_at_every_step_is_counted_and_comes_back_to_it_as_it_was() {
    let mut week = Weekly::new(First, true);
    let mut breaks = 0;
    for (i, (_, input)) in whole_week().into_iter().enumerate() {
        let before = week.clone();
        // Inside the issue its own break is the week's.
        let pause = if week.step() == Step::Understand && i % 2 == 0 {
            on_issue(understand::Input::Break)
        } else {
            Input::Break
        };
        assert_eq!(apply(&mut week, pause), [Event::BreakStarted]);
        breaks += 1;
        assert_eq!(week.step(), Step::Break);
        assert_eq!(Engine::step_name(&week), "a break");
        assert!(
            week.issue()
                .is_none_or(|issue| issue.step() != understand::Step::Break)
        );
        refused(&mut week, input.clone());
        refused(&mut week, Input::Pass);
        let resume = if before.step() == Step::Understand && i % 3 == 0 {
            on_issue(understand::Input::Resume)
        } else {
            Input::Resume
        };
        assert_eq!(apply(&mut week, resume), [Event::BreakEnded]);
        assert_eq!(week.breaks(), breaks);
        assert_eq!(week.step(), before.step());
        apply(&mut week, input);
    }
    assert!(week.is_finished());
    assert_eq!(session_of(&week)["breaks"], breaks);
}

#[test]
fn leaving_and_resuming_at_every_step_gives_back_the_same_week() {
    let mut week = Weekly::new(Second, true);
    for (_, input) in whole_week() {
        let flow = Flow {
            id: "w1".into(),
            partners: ["Ana".to_string(), "Ben".to_string()],
            started_at: Timestamp::parse("2026-11-29T19:00:00+01:00").unwrap(),
            engine: week.clone(),
        };
        let back: Flow<Weekly> = Flow::from_record(flow.to_record()).unwrap();
        assert_eq!(back, flow, "at {:?}", week.step());
        apply(&mut week, Input::Break);
        assert_eq!(
            Weekly::from_record(week.to_record()),
            Ok(week.clone()),
            "mid-break"
        );
        apply(&mut week, Input::Resume);
        let (done, of) = Engine::progress(&week);
        assert!(done <= of && of == 7);
        // Ben begins every part: the same inputs, the first of each his.
        apply(&mut week, input);
    }
    assert!(week.is_finished());
    assert_eq!(week.appreciations(Second).len(), 2, "Ben went first");
    assert_eq!(Weekly::from_record(week.to_record()), Ok(week));
}

#[test]
fn with_notes_off_no_typed_word_is_held_the_issues_included() {
    let mut week = Weekly::new(First, false);
    for (_, input) in whole_week() {
        apply(&mut week, input);
    }
    let record = week.to_record().to_string();
    let session = serde_json::to_string(&session_of(&week)).unwrap();
    for typed in ["dinner", "the call", "walk", "chores", "dishes", "hug"] {
        assert!(!record.contains(typed), "{typed} in the draft");
        assert!(!session.contains(typed), "{typed} in the journal");
    }
    assert_eq!(
        week.appreciations(First),
        [None, None],
        "that they were given is kept"
    );
    assert!(!Engine::keeps_notes(&week));
}

fn record_at(steps: usize) -> (Weekly, serde_json::Value) {
    let mut week = Weekly::new(First, true);
    for (_, input) in whole_week().into_iter().take(steps) {
        apply(&mut week, input);
    }
    let record = week.to_record();
    (week, record)
}

#[test]
fn a_draft_that_could_not_have_been_reached_is_refused() {
    let refuse = |record: serde_json::Value, why: &str| {
        let err = Weekly::from_record(record).expect_err(why);
        assert!(!err.is_empty() && !err.contains('\n'), "{why}: {err:?}");
    };
    let (_, mut record) = record_at(2);
    record["appreciations"][0] = json!([null, null, null, null, null, null]);
    refuse(record, "six appreciations");
    let (_, mut record) = record_at(2);
    record["appreciations"][1] = json!(["early"]);
    refuse(record, "Ben's appreciations before his turn");
    let (_, mut record) = record_at(5);
    record["this_week"][0] = json!("early");
    refuse(record, "the close before it came");
    let (_, mut record) = record_at(5);
    record["keep_notes"] = false.into();
    refuse(record, "typed words with notes off");
    let (_, mut record) = record_at(7);
    record["issue"] = record_at(9).1["issue"].clone();
    refuse(record, "an issue before it was brought");
    let (_, mut record) = record_at(7);
    record["step"] = json!({"step": "understand"});
    refuse(record, "the issue's step without an issue");
    let (_, mut record) = record_at(10);
    assert_eq!(record["issue"]["step"], json!({"step": "mirror"}));
    record["issue"]["step"] = json!({"step": "validate"});
    refuse(record, "the issue's validation without you got it");
    let (_, mut record) = record_at(9);
    record["issue"]["step"] = json!({"step": "good_time", "partner": 1});
    record["issue"]["rounds"] = json!([]);
    refuse(record, "an issue that asks whether now is good");
    let (_, mut record) = record_at(9);
    record["issue"]["paused"] = true.into();
    refuse(record, "an issue paused on its own");
    let (_, mut record) = record_at(9);
    record["issue"]["keep_notes"] = false.into();
    record["issue"]["topic"] = serde_json::Value::Null;
    refuse(record, "an issue keeping notes otherwise than the week");
    let (_, mut record) = record_at(19);
    assert_eq!(record["issue"]["step"], json!({"step": "summary"}));
    record["step"] = json!({"step": "understand"});
    refuse(record, "a finished issue still running");
    let (_, mut record) = record_at(3);
    record["step"] = json!({"step": "break"});
    refuse(record, "the break as the step");
    let (week, record) = record_at(12);
    assert_eq!(Weekly::from_record(record), Ok(week));
}

fn session(week: &Weekly) -> heard::journal::Session {
    let partners = ["Ana".to_string(), "Ben".to_string()];
    let started = Timestamp::parse("2026-11-29T19:00:00+01:00").unwrap();
    let meta = Meta {
        id: "w1",
        partners: &partners,
        started_at: &started,
    };
    let end = chrono::DateTime::parse_from_rfc3339("2026-11-29T19:45:00+01:00").unwrap();
    Engine::to_session(week, &meta, end, true)
}

fn session_of(week: &Weekly) -> serde_json::Value {
    serde_json::to_value(session(week)).unwrap()
}

#[test]
fn the_journal_entry_holds_the_week_and_its_issue_field_by_field() {
    let mut week = Weekly::new(First, true);
    for (i, (_, input)) in whole_week().into_iter().enumerate() {
        if i == 10 {
            apply(&mut week, Input::Break);
            apply(&mut week, Input::Resume);
        }
        apply(&mut week, input);
    }
    let value = session_of(&week);
    assert_eq!(value["kind"], "weekly");
    assert_eq!(value["deck_id"], "weekly");
    assert_eq!(value["mode"], "couple");
    assert_eq!(value["partners"], json!(["Ana", "Ben"]));
    assert_eq!(value["completed"], true);
    assert_eq!(value["started_at"], "2026-11-29T19:00:00+01:00");
    assert_eq!(value["ended_at"], "2026-11-29T19:45:00+01:00");
    assert_eq!(value["turns"], json!([]));
    assert_eq!(
        value["appreciations_each"],
        json!([["dinner on Friday", null], ["the call"]])
    );
    assert_eq!(value["went_well"], json!(["Sunday's walk", null]));
    assert_eq!(
        value["issue"],
        json!({
            "topic": "the chores",
            "topic_by": 1,
            "topic_private": true,
            "rounds": [{
                "sender": 1, "pieces": 1, "mirrors": 1, "got_it": true,
                "felt_heard": 4, "felt_validated": 5, "felt_cared": 3
            }],
            "steps": [{"partner": 1, "text": "Do the dishes on Sundays"}]
        })
    );
    assert_eq!(value["this_week"], json!(["A hug in the morning", null]));
    assert_eq!(value["breaks"], 1);
    // Today's reader keeps every one of these fields as it reads and writes the file.
    let text = serde_json::to_string(&heard::journal::Journal {
        sessions: vec![session(&week)],
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
fn a_week_without_a_break_leaves_the_count_out() {
    assert!(session_of(&finished()).get("breaks").is_none());
}

fn input() -> impl Strategy<Value = Input> {
    use understand::Input as U;
    let typed = || proptest::option::of("[a-z ]{0,6}");
    let partner = || prop_oneof![Just(First), Just(Second)];
    let inner = prop_oneof![
        any::<bool>().prop_map(U::GoodTime),
        (typed(), any::<bool>()).prop_map(|(text, shared)| U::Topic { text, shared }),
        Just(U::Said),
        Just(U::Mirrored),
        prop_oneof![
            Just(Answer::GotIt),
            Just(Answer::Partly),
            Just(Answer::NotYet)
        ]
        .prop_map(U::Answer),
        any::<bool>().prop_map(U::More),
        Just(U::Done),
        (proptest::option::of(0u8..7)).prop_map(|heard| U::Rate {
            heard,
            validated: None,
            cared: None
        }),
        any::<bool>().prop_map(U::Switch),
        typed().prop_map(U::SmallStep),
        Just(U::Pass),
        Just(U::Break),
        Just(U::Resume),
    ];
    prop_oneof![
        typed().prop_map(Input::Appreciate),
        Just(Input::Done),
        typed().prop_map(Input::WentWell),
        proptest::option::of(partner()).prop_map(Input::Issue),
        inner.prop_map(Input::Understand),
        typed().prop_map(Input::ThisWeek),
        Just(Input::Pass),
        Just(Input::Break),
        Just(Input::Resume),
    ]
}

/// Inputs the step takes, so random walks reach the issue and the close.
fn fitting(week: &Weekly) -> Vec<Input> {
    use understand::Input as U;
    let mut inputs = match week.step() {
        Step::Appreciate { .. } => vec![Input::Appreciate(text("x")), Input::Done],
        Step::WentWell { .. } => vec![Input::WentWell(text("w"))],
        Step::Issue => vec![
            Input::Issue(Some(First)),
            Input::Issue(Some(Second)),
            Input::Issue(None),
        ],
        Step::Understand => match week.issue().map(|i| i.step()) {
            Some(understand::Step::Topic) => vec![on_issue(U::Topic {
                text: text("t"),
                shared: false,
            })],
            Some(understand::Step::Speak) => vec![on_issue(U::Said)],
            Some(understand::Step::Mirror) => vec![on_issue(U::Mirrored)],
            Some(understand::Step::Answer) => vec![
                on_issue(U::Answer(Answer::GotIt)),
                on_issue(U::Answer(Answer::NotYet)),
            ],
            Some(understand::Step::More) => vec![on_issue(U::More(false)), on_issue(U::More(true))],
            Some(understand::Step::Validate | understand::Step::Empathize) => {
                vec![on_issue(U::Done)]
            }
            Some(understand::Step::Rating) => vec![on_issue(U::Rate {
                heard: Some(3),
                validated: None,
                cared: None,
            })],
            Some(understand::Step::Switch) => {
                vec![on_issue(U::Switch(true)), on_issue(U::Switch(false))]
            }
            Some(understand::Step::SmallStep { .. }) => vec![on_issue(U::SmallStep(text("s")))],
            _ => vec![on_issue(U::Pass)],
        },
        Step::ThisWeek { .. } => vec![Input::ThisWeek(text("t"))],
        Step::Break => vec![Input::Resume],
        Step::Summary => vec![Input::Done],
    };
    inputs.extend([Input::Pass, Input::Break, on_issue(U::Pass)]);
    inputs
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_inputs_never_panic_refusals_change_nothing_and_every_state_round_trips(
        first in any::<bool>(),
        notes in any::<bool>(),
        choices in prop::collection::vec((any::<u8>(), proptest::option::of(input())), 0..120),
    ) {
        let first = if first { First } else { Second };
        let mut week = Weekly::new(first, notes);
        for (choice, noise) in choices {
            let before = week.clone();
            let was_on = week.issue().map(|i| i.step());
            // Half the time an input the step takes, so walks get deep; else anything.
            let input = noise.unwrap_or_else(|| {
                let inputs = fitting(&week);
                inputs[usize::from(choice) % inputs.len()].clone()
            });
            let taken = week.apply(input.clone()).is_ok();
            if !taken {
                prop_assert_eq!(&week, &before);
            }
            // The issue's gate: its validation only ever follows "no more".
            let now_on = week.issue().map(|i| i.step());
            if taken && now_on == Some(understand::Step::Validate) && was_on != now_on {
                prop_assert_eq!(was_on, Some(understand::Step::More));
                prop_assert_eq!(&input, &on_issue(understand::Input::More(false)));
            }
            prop_assert!(week.appreciations(First).len() <= 5);
            prop_assert!(week.appreciations(Second).len() <= 5);
            prop_assert!(week.issue().is_none_or(|i| i.step() != understand::Step::Break));
            let resumed = Weekly::from_record(week.to_record());
            prop_assert_eq!(resumed.as_ref(), Ok(&week));
            let (done, of) = Engine::progress(&week);
            prop_assert!(done <= of);
        }
    }
}
