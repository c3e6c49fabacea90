//! The draft file read back: drafts of the first heard (version 1) resume where they were
//! saved, and a draft that is not one, is newer, or does not fit is refused, never misread.

use std::path::Path;

use heard::journal::draft::DraftError;

use super::*;

fn fixture(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    serde_json::from_str(&text).unwrap()
}

/// Read a draft's JSON as heard reads in-progress.json.
fn read(value: Value) -> Result<Activity, DraftError> {
    let draft = draft::from_value(value)?;
    Activity::from_draft(draft).map(|(activity, _typing)| activity)
}

/// A couple's talk at its closing, as this heard saves it (version 2).
fn couple_draft() -> Value {
    let deck = couple_deck(vec![prompt("l1", 1), prompt("p1", 2)]);
    let mut talk = Talk::new(setup(deck, 2)).unwrap();
    check_in(&mut talk, &[Some(3), Some(4)]);
    answer(&mut talk, Some(4), Some(4), Some(2));
    answer(&mut talk, Some(5), Some(3), None);
    answer(&mut talk, Some(3), Some(3), Some(3));
    answer(&mut talk, Some(2), Some(4), None);
    serde_json::to_value(Activity::Prompts(talk).to_draft(None)).unwrap()
}

/// A reflection one prompt in, as this heard saves it.
fn reflection_draft() -> Value {
    let deck = deck_of(vec![prompt("s1", 1), prompt("s2", 1)], &[Mode::Solo]);
    let mut solo = Reflection::new(reflection_setup(deck, 2)).unwrap();
    reflect(&mut solo, reflection::Input::Mood(Some(2)));
    reflect(&mut solo, reflection::Input::Topic(Some("weekends".into())));
    reflect(&mut solo, reflection::Input::Pass);
    serde_json::to_value(Activity::Reflection(solo).to_draft(None)).unwrap()
}

#[test]
fn a_couple_draft_of_the_first_heard_resumes_at_the_speaker_card_with_its_answers() {
    let value = fixture("draft-v1-couple.json");
    assert_eq!(value["version"], 1);
    let Activity::Prompts(mut talk) = read(value).unwrap() else {
        panic!("a couple's draft did not resume as a prompt talk");
    };
    assert_eq!(talk.id(), "e3d1399b-8e24-4583-8b39-c364201267a6");
    assert_eq!(talk.partners(), ["Ana", "Ben"]);
    assert_eq!(talk.deck_id(), "rekindle");
    assert_eq!(talk.started_at().as_str(), "2026-11-26T20:00:00+01:00");
    assert_eq!(talk.prompts().len(), 3);

    // Saved on Ben's speaker card at the second prompt.
    assert_eq!(talk.step(), Step::Speaker);
    let progress = talk.progress().unwrap();
    assert_eq!((progress.prompt_index, progress.prompt_count), (1, 3));
    assert_eq!(progress.prompt.id, "talked-for-hours");
    assert_eq!(progress.speaker, Partner::Second);
    assert!(!progress.second_turn);
    assert_eq!(progress.timer_seconds, Some(180));
    assert_eq!(talk.turns_recorded(), 2);

    let session = talk.to_session(at("2026-11-26T20:20:00+01:00"), false);
    assert_eq!(session.mood_before, [Some(3), Some(4)]);
    assert_eq!(session.turns.len(), 2);
    let rated = &session.turns[0];
    assert_eq!(rated.prompt_id, "still-smile");
    assert_eq!(rated.speaker, 0);
    assert_eq!(rated.note.as_deref(), Some("I felt seen"));
    assert_eq!(
        (
            rated.felt_heard(),
            rated.felt_validated(),
            rated.listener_guess()
        ),
        (Some(4), Some(5), Some(3))
    );
    assert!(session.turns[1].skipped);
    assert_eq!(session.turns[1].speaker, 1);

    // It goes on from there: Ben's turn, then Ana's at the same prompt.
    answer(&mut talk, Some(3), Some(3), Some(3));
    let progress = talk.progress().unwrap();
    assert_eq!(progress.speaker, Partner::First);
    assert!(progress.second_turn);
    let session = talk.to_session(at("2026-11-26T20:25:00+01:00"), false);
    assert_eq!(session.turns[2].prompt_id, "talked-for-hours");
    assert_eq!(session.turns[2].speaker, 1);
    assert_eq!(session.turns[2].felt_heard(), Some(3));
    // Saved again, it is written as this heard's draft and reads back the same.
    assert_eq!(resumed_talk(&talk), talk);
}

#[test]
fn a_solo_draft_of_the_first_heard_resumes_as_a_reflection_with_its_answers() {
    let value = fixture("draft-v1-solo.json");
    assert_eq!(value["version"], 1);
    let Activity::Reflection(mut solo) = read(value).unwrap() else {
        panic!("a solo draft did not resume as a reflection");
    };
    assert_eq!(solo.id(), "fc340113-c09c-485e-ae85-201338e8645f");
    assert_eq!(solo.name(), "Zoë");
    assert_eq!(solo.deck_id(), "before-the-talk");

    // Saved while writing on the second prompt.
    assert_eq!(solo.step(), reflection::Step::Reflection);
    let progress = solo.progress().unwrap();
    assert_eq!((progress.prompt_index, progress.prompt_count), (1, 3));
    assert_eq!(progress.prompt.id, "help-you-feel-heard");
    assert_eq!(solo.turns_recorded(), 1);

    let session = solo.to_session(at("2026-11-27T09:20:00+01:00"), false);
    assert_eq!(session.mode.as_str(), "solo");
    assert_eq!(session.mood_before, [Some(2)]);
    assert!(session.closeness.is_empty());
    let written = &session.turns[0];
    assert_eq!(written.prompt_id, "get-across");
    assert_eq!(written.note.as_deref(), Some("What I want to say first"));
    assert_eq!(written.clarity(), Some(4));
    // The first heard marked prompts to bring; this heard brings a topic, and a
    // reflection of the first heard has none: its words are kept, nothing is carried.
    assert!(!written.bring_to_talk());
    assert_eq!(written.felt_heard, None);

    // It goes on from there.
    reflect(
        &mut solo,
        reflection::Input::Done {
            text: "More time".to_string(),
            seconds: None,
        },
    );
    assert_eq!(solo.step(), reflection::Step::Clarity);
    assert_eq!(resumed_reflection(&solo), solo);
}

#[test]
fn a_draft_that_is_not_a_heard_draft_or_is_newer_is_refused() {
    for value in [couple_draft(), reflection_draft()] {
        assert!(read(value.clone()).is_ok());

        let mut newer = value.clone();
        newer["version"] = 5.into();
        assert_eq!(read(newer), Err(DraftError::Newer(5)));

        // A draft of the heard before this one (version 2, without topics) resumes.
        let mut older = value.clone();
        older["version"] = 2.into();
        assert_eq!(read(older), read(value.clone()));

        let mut other = value.clone();
        other["format"] = "other".into();
        assert_eq!(read(other), Err(DraftError::NotADraft("other".to_string())));

        let mut unversioned = value.clone();
        unversioned.as_object_mut().unwrap().remove("version");
        assert!(matches!(read(unversioned), Err(DraftError::NoVersion(_))));
    }
    assert_eq!(
        read(serde_json::json!({"talk": {}})),
        Err(DraftError::NotADraft(String::new()))
    );
    let err = read(serde_json::json!({"format": "heard-draft", "version": 5})).unwrap_err();
    assert_eq!(
        err.to_string(),
        "it was written by a newer heard (draft version 5); update heard to resume it"
    );
}

fn does_not_fit(value: Value, what: &str) {
    match read(value) {
        Err(DraftError::DoesNotFit(_)) => {}
        other => panic!("{what}: {other:?}"),
    }
}

#[test]
fn a_couple_draft_naming_a_third_partner_or_a_reflection_step_is_refused() {
    let value = couple_draft();
    // The talk is at closeness, partner 0; partner 2 names nobody.
    assert_eq!(
        value["step"],
        serde_json::json!({"step": "closeness", "partner": 0})
    );
    let mut third = value.clone();
    third["step"]["partner"] = 2.into();
    does_not_fit(third, "a step for partner 2");

    let mut third_speaker = value.clone();
    third_speaker["answers"][1]["speaker"] = 2.into();
    does_not_fit(third_speaker, "a turn spoken by partner 2");

    let mut one_name = value.clone();
    one_name["partners"] = serde_json::json!(["Ana"]);
    does_not_fit(one_name, "a couple's talk with one name");

    let mut reflecting = value.clone();
    reflecting["step"] = serde_json::json!({"step": "clarity"});
    does_not_fit(reflecting, "a couple's talk at a reflection's step");

    // The same in a draft of the first heard.
    let mut old = fixture("draft-v1-couple.json");
    old["talk"]["step"] = serde_json::json!({"step": "check_in", "partner": 2});
    does_not_fit(old, "a version 1 step for partner 2");

    let mut unknown = fixture("draft-v1-couple.json");
    unknown["talk"]["mode"] = "trio".into();
    does_not_fit(unknown, "a version 1 talk of an unknown mode");
}

#[test]
fn a_reflection_draft_with_a_second_person_or_a_couples_step_is_refused() {
    let value = reflection_draft();
    assert_eq!(value["step"], serde_json::json!({"step": "reflection"}));

    let mut two_names = value.clone();
    two_names["partners"] = serde_json::json!(["Ana", "Ben"]);
    does_not_fit(two_names, "a reflection with two names");

    let mut second_person = value.clone();
    second_person["step"] = serde_json::json!({"step": "check_in", "partner": 1});
    does_not_fit(second_person, "a reflection's check-in for partner 1");

    let mut listening = value.clone();
    listening["step"] = serde_json::json!({"step": "listener"});
    does_not_fit(listening, "a reflection at the listener card");

    // A couple's record under the reflection's kind is not taken for one either.
    let mut couple = couple_draft();
    couple["kind"] = "reflection".into();
    does_not_fit(couple, "a couple's talk as a reflection");
}

#[test]
fn a_draft_saved_on_the_old_reveal_screen_resumes_and_goes_on() {
    let mut talk = Talk::new(setup(couple_deck(vec![prompt("one", 1)]), 1)).unwrap();
    check_in(&mut talk, &[Some(3), Some(3)]);
    answer(&mut talk, Some(4), Some(4), Some(3));
    let mut record = talk.to_record();
    // An earlier heard stopped on the reveal after the rating: the turn is recorded.
    record.step = draft::StepRecord::Reveal {
        guess: 3,
        felt_heard: Some(4),
    };
    record.turn_in_prompt = 0;
    let mut resumed = Talk::from_record(record).unwrap();
    assert!(matches!(resumed.step(), Step::Reveal { guess: 3, .. }));
    ok(&mut resumed, Input::Continue);
    assert_eq!(resumed.step(), Step::Speaker);
    assert_eq!(resumed.progress().unwrap().speaker, Partner::Second);
    assert_eq!(resumed.turns_recorded(), 1, "the rated turn is kept once");
}

#[test]
fn a_draft_with_a_rating_outside_its_scale_is_refused_not_carried_into_the_journal() {
    let good = couple_draft();
    assert!(read(good.clone()).is_ok());
    let cases: [(&str, Value); 4] = [
        ("/answers/0/felt_heard", 255.into()),
        ("/answers/1/guess", 0.into()),
        ("/mood_before/0", 6.into()),
        ("/closeness/0", 8.into()),
    ];
    for (at, bad) in cases {
        let mut draft = good.clone();
        match draft.pointer_mut(at) {
            Some(slot) => *slot = bad.clone(),
            // A list the talk has not filled yet: give it one value.
            None => {
                let (list, _) = at.rsplit_once('/').unwrap();
                *draft.pointer_mut(list).unwrap() = Value::Array(vec![bad.clone()]);
            }
        }
        let err = read(draft).expect_err(&format!("{at} = {bad} was read"));
        assert!(err.to_string().contains("can only be 1 to"), "{at}: {err}");
    }
}
