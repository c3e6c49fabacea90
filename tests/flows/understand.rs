//! "Understand each other" driven headless through the app, as a couple would: from home,
//! a "not yet" and a second try, "is there more", the switch, the small steps; then the
//! journal read back field by field, and a closed window at every step resumed.

use crate::common;

use common::tui::*;
use heard::journal::privacy::{self, Reader};
use heard::journal::stats;
use heard::tui::app::Screen;
use serde_json::json;

/// A whole talk, step by step: (the keys, the step they lead to).
pub const WHOLE_TALK: &[(&[&str], &str)] = &[
    (&["y"], "the question whether now is a good time"),
    (&["y"], "the topic"),
    (&["type:money", "Enter"], "the sender's piece"),
    (&["Enter"], "the mirror"),
    (&["Enter"], "the sender's answer"),
    // Not yet: the floor goes back to Ana.
    (&["n"], "the sender's piece"),
    (&["Enter"], "the mirror"),
    (&["Enter"], "the sender's answer"),
    (&["y"], "the question whether there is more"),
    (&["y"], "the sender's piece"),
    (&["Enter"], "the mirror"),
    (&["Enter"], "the sender's answer"),
    (&["y"], "the question whether there is more"),
    (&["n"], "the validation"),
    (&["Enter"], "the empathy"),
    (&["Enter"], "the rating"),
    (&["4", "5", "3", "Enter"], "the question about switching"),
    (&["y"], "the sender's piece"),
    (&["Enter"], "the mirror"),
    (&["Enter"], "the sender's answer"),
    (&["y"], "the question whether there is more"),
    (&["n"], "the validation"),
    (&["Enter"], "the empathy"),
    (&["Enter"], "the rating"),
    (&["5", "5", "5", "Enter"], "the small step"),
    (&["type:Ask before big costs", "Enter"], "the small step"),
    (&["Enter"], "the summary"),
];

fn whole_talk(app: &mut heard::tui::app::App) -> usize {
    let mut presses = 0;
    for (keys, step) in WHOLE_TALK {
        press(app, keys);
        presses += keys
            .iter()
            .map(|k| k.strip_prefix("type:").map_or(1, |t| t.chars().count()))
            .sum::<usize>();
        assert_eq!(at(app), *step, "after {keys:?}");
    }
    presses
}

#[test]
fn a_whole_understand_talk_from_home_is_kept_field_by_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_disk(dir.path(), config());
    press(&mut app, &["t"]);
    assert!(screen(&app, 80, 24).contains("Understand each other"));
    press(&mut app, &["2"]);
    assert_eq!(at(&app), "setup");
    press(&mut app, &["type:Ana", "Tab", "type:Ben", "Tab"]);
    let text = screen(&app, 80, 24);
    assert!(text.contains("Ana brings the topic"), "{text}");
    press(&mut app, &["Enter"]);
    assert_eq!(at(&app), "the question whether now is a good time");
    let presses = whole_talk(&mut app);
    let text = screen(&app, 80, 24);
    assert!(text.contains("Understand each other · 2 rounds"), "{text}");
    assert!(
        text.contains("Ana felt understood after 3 tries."),
        "{text}"
    );
    assert!(
        !text.contains("money") && !text.contains("big costs"),
        "{text}"
    );
    // Each typed letter is a key: 25 of them here, so 33 presses for the talk itself.
    assert_eq!(presses, 58);

    let journal = journal(dir.path());
    let [session] = &journal.sessions[..] else {
        panic!("one session, not {}", journal.sessions.len())
    };
    assert_eq!(session.kind(), "understand");
    assert_eq!(session.deck_id, "understand");
    assert!(session.completed && session.turns.is_empty());
    let extra = serde_json::to_value(session).unwrap();
    assert_eq!(extra["topic"], "money");
    assert_eq!(extra["topic_by"], 0);
    assert_eq!(
        extra["topic_private"], true,
        "kept to Ana unless she shares it"
    );
    assert_eq!(
        extra["rounds"],
        json!([
            {"sender": 0, "pieces": 3, "mirrors": 3, "got_it": true,
             "felt_heard": 4, "felt_validated": 5, "felt_cared": 3},
            {"sender": 1, "pieces": 1, "mirrors": 1, "got_it": true,
             "felt_heard": 5, "felt_validated": 5, "felt_cared": 5},
        ])
    );
    assert_eq!(
        extra["steps"],
        json!([{"partner": 0, "text": "Ask before big costs"}])
    );
    assert!(extra.get("breaks").is_none() && extra.get("later").is_none());
    // The rounds count as turns of their sender in the figures.
    let figures = stats::compute(&journal, None, now());
    assert_eq!(figures.turns_rated, 2);
    // Shared views see that Ana brought a topic and named a step, not the words.
    let shared = privacy::flow_text_for(session, "/topic", Reader::Shared);
    assert_eq!(shared, None);
    let own = privacy::flow_text_for(session, "/steps/0/text", Reader::Writer("ana"));
    assert_eq!(own, Some("Ask before big costs"));
    assert_eq!(
        privacy::flow_text_for(session, "/steps/0/text", Reader::Writer("Ben")),
        None
    );
}

#[test]
fn look_back_shows_the_rounds_and_keeps_the_private_words_out() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_disk(dir.path(), config());
    start(&mut app, understand());
    whole_talk(&mut app);
    press(&mut app, &["h"]);
    assert_eq!(at(&app), "look back");
    let list = screen(&app, 80, 24);
    assert!(list.contains("Understand each"), "{list}");
    press(&mut app, &["Enter"]);
    let text = screen(&app, 80, 24);
    assert!(text.contains("2 rounds on the floor."), "{text}");
    assert!(
        text.contains("Ana brought a topic (kept to Ana)."),
        "{text}"
    );
    assert!(
        text.contains("felt heard 4/5 · validated 5/5 · cared for 3/5"),
        "{text}"
    );
    assert!(text.contains("Ana named a small step"), "{text}");
    assert!(
        !text.contains("money") && !text.contains("big costs"),
        "{text}"
    );
}

#[test]
fn later_ends_the_talk_at_once_and_keeps_that_it_was_put_off() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_disk(dir.path(), config());
    start(&mut app, understand());
    press(&mut app, &["y", "l"]);
    assert_eq!(at(&app), "the summary");
    assert!(screen(&app, 80, 24).contains("You chose later"));
    let journal = journal(dir.path());
    assert_eq!(journal.sessions[0].extra["later"], true);
    assert!(journal.sessions[0].round_ratings().is_empty());
}

#[test]
fn the_time_out_names_the_signs_and_the_break_comes_back_to_the_same_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_disk(dir.path(), config());
    start(&mut app, understand());
    press(&mut app, &["y", "y", "Enter", "Enter"]);
    assert_eq!(at(&app), "the mirror");
    press(&mut app, &["t"]);
    let text = screen(&app, 80, 24);
    for sign in ["voices rising", "brushing off", "going quiet"] {
        assert!(text.contains(sign), "{text}");
    }
    // Going on talking leaves everything as it was.
    press(&mut app, &["Enter"]);
    assert!(screen(&app, 80, 24).contains("say back what you heard"));
    press(&mut app, &["t", "b"]);
    assert_eq!(at(&app), "a break");
    // The time to come back, by the clock on the wall: 20 minutes after 20:00.
    let text = screen(&app, 80, 24);
    assert!(text.contains("Come back at about 20:20."), "{text}");
    assert!(text.contains("20:00"), "the break's own clock: {text}");
    press(&mut app, &["Enter"]);
    assert_eq!(at(&app), "the mirror");
    press(
        &mut app,
        &[
            "Enter", "y", "n", "Enter", "Enter", "s", "s", "s", "n", "Enter", "Enter",
        ],
    );
    assert_eq!(at(&app), "the summary");
    assert_eq!(journal(dir.path()).sessions[0].extra["breaks"], 1);
}

#[test]
fn the_receiver_cannot_skip_past_the_floor_from_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_disk(dir.path(), config());
    start(&mut app, understand());
    press(&mut app, &["y", "y", "Enter", "Enter", "Enter"]);
    assert_eq!(at(&app), "the sender's answer");
    // Enter with nothing marked asks for an answer; no key here opens the validation.
    press(&mut app, &["Enter"]);
    assert_eq!(at(&app), "the sender's answer");
    assert!(screen(&app, 80, 24).contains("Press y, a or n first"));
    press(&mut app, &["a"]);
    assert_eq!(
        at(&app),
        "the sender's piece",
        "partly gives the floor back"
    );
    // A pass on the floor ends the round unconfirmed: it never reaches the validation.
    press(&mut app, &["s"]);
    assert_eq!(at(&app), "the question about switching");
    press(&mut app, &["n", "Enter", "Enter"]);
    let journal = journal(dir.path());
    let round = &journal.sessions[0].extra["rounds"][0];
    assert_eq!(round["got_it"], false);
    assert_eq!(round["felt_heard"], serde_json::Value::Null);
}

/// A closed window (the app dropped without a word) after each step: the next heard
/// offers the kept talk, resumes it on that very step, and the talk ends as one unbroken
/// would have.
#[test]
fn a_closed_window_at_every_step_resumes_where_it_was() {
    for cut in 1..WHOLE_TALK.len() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_on_disk(dir.path(), config());
        start(&mut app, understand());
        for (keys, _) in &WHOLE_TALK[..cut] {
            press(&mut app, keys);
        }
        let step = at(&app);
        drop(app);
        let mut app = app_on_disk(dir.path(), config());
        app.update(heard::tui::action::Action::Start(understand()));
        assert_eq!(at(&app), "the leftover dialog", "cut after step {cut}");
        press(&mut app, &["r"]);
        assert!(matches!(app.screen, Screen::Activity(_)));
        assert_eq!(at(&app), step, "cut after step {cut}");
        for (keys, want) in &WHOLE_TALK[cut..] {
            press(&mut app, keys);
            assert_eq!(at(&app), *want, "cut after step {cut}, then {keys:?}");
        }
        let journal = journal(dir.path());
        assert_eq!(journal.sessions.len(), 1, "cut after step {cut}");
        let rounds = journal.sessions[0].round_ratings();
        assert_eq!(rounds.len(), 2, "cut after step {cut}");
        assert_eq!(rounds[0].1, [Some(4), Some(5), Some(3)]);
    }
}

/// Ben prepared a topic alone and chose to bring it: "Understand each other" takes it up,
/// Ben bringing it, and afterwards it no longer waits.
#[test]
fn a_topic_prepared_alone_becomes_the_topic_of_an_understand_talk() {
    let dir = tempfile::tempdir().unwrap();
    let reflection = json!({"format": "heard-journal", "version": 1, "sessions": [{
        "id": "5010-ben", "mode": "solo",
        "started_at": "2026-11-25T08:00:00+01:00", "ended_at": "2026-11-25T08:20:00+01:00",
        "completed": true, "deck_id": "before-the-talk", "partners": ["Ben"],
        "mood_before": [3], "mood_after": [4], "closeness": [], "turns": [],
        "topic": "Feeling alone on weekends", "bring_to_talk": true
    }]});
    std::fs::write(dir.path().join("journal.json"), reflection.to_string()).unwrap();
    let mut app = app_on_disk(dir.path(), config());
    press(&mut app, &["t", "2", "type:Ana", "Tab", "type:Ben", "Tab"]);
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("Take up the topic Ben prepared alone"),
        "{text}"
    );
    press(&mut app, &["Tab", "Enter"]);
    assert_eq!(at(&app), "the question whether now is a good time");
    assert!(screen(&app, 80, 24).contains("Ben, is now a good time to talk"));
    press(&mut app, &["y", "y"]);
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("Feeling alone on weekends"),
        "written already: {text}"
    );
    press(
        &mut app,
        &["Enter", "Enter", "Enter", "y", "n", "Enter", "Enter"],
    );
    press(&mut app, &["4", "4", "4", "Enter", "n", "Enter", "Enter"]);
    assert_eq!(at(&app), "the summary");
    let journal = journal(dir.path());
    let talk = journal
        .sessions
        .iter()
        .find(|s| s.kind() == "understand")
        .unwrap();
    assert_eq!(talk.extra["topic"], "Feeling alone on weekends");
    assert_eq!(talk.extra["topic_by"], 1);
    assert_eq!(talk.extra["topic_private"], true);
    assert_eq!(
        talk.extra["brought"],
        json!([{"by": 1, "reflection": "5010-ben"}])
    );
    let partners = ["Ana".to_string(), "Ben".to_string()];
    assert!(heard::talk::brought::waiting(&journal.sessions, &partners).is_empty());
}
