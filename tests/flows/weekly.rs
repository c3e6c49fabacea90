//! "Our week" driven headless through the app, as a couple would: appreciations typed and
//! said, what went well, one thing brought by Ben and talked through inside the week (with
//! a "not yet"), the close; then the journal read back field by field, a week without an
//! issue, a sixth appreciation refused, and a closed window at every step resumed.

use crate::common;

use common::tui::*;
use heard::tui::app::{App, Screen};
use serde_json::json;

/// A whole week, step by step: (the keys, the step they lead to).
pub const WHOLE_WEEK: &[(&[&str], &str)] = &[
    // Ana: one appreciation typed, one said; then done.
    (
        &["w", "type:You cooked on Tuesday", "Enter"],
        "the appreciations",
    ),
    (&["Enter"], "the appreciations"),
    (&["d"], "the appreciations"),
    // Ben: one said.
    (&["Enter"], "the appreciations"),
    (&["d"], "what went well"),
    (&["type:The walk on Sunday", "Enter"], "what went well"),
    (&["Enter"], "the question whether there is an issue"),
    // Ben brings one thing; it runs as "Understand each other" does, from its topic.
    (&["2"], "the topic"),
    (&["type:Screen time", "Enter"], "the sender's piece"),
    (&["Enter"], "the mirror"),
    (&["Enter"], "the sender's answer"),
    // Not yet: the floor goes back to Ben.
    (&["n"], "the sender's piece"),
    (&["Enter"], "the mirror"),
    (&["Enter"], "the sender's answer"),
    (&["y"], "the question whether there is more"),
    (&["n"], "the validation"),
    (&["Enter"], "the empathy"),
    (&["Enter"], "the rating"),
    (&["4", "5", "3", "Enter"], "the question about switching"),
    (&["n"], "the small step"),
    (&["Enter"], "the small step"),
    (&["Enter"], "the question for this week"),
    (&["type:A long hug", "Enter"], "the question for this week"),
    (&["Enter"], "the summary"),
];

/// Run `steps`, checking each lands where it should; the number of keys pressed, each
/// typed letter one key.
fn run(app: &mut App, steps: &[(&[&str], &str)]) -> usize {
    let mut presses = 0;
    for (keys, step) in steps {
        press(app, keys);
        presses += keys
            .iter()
            .map(|k| k.strip_prefix("type:").map_or(1, |t| t.chars().count()))
            .sum::<usize>();
        assert_eq!(at(app), *step, "after {keys:?}");
    }
    presses
}

fn week_on_disk(dir: &std::path::Path) -> App {
    let mut app = app_on_disk(dir, config());
    start(&mut app, weekly());
    app
}

#[test]
fn a_whole_week_is_kept_field_by_field() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_disk(dir.path(), config());
    press(&mut app, &["t", "4"]);
    assert_eq!(at(&app), "setup");
    press(&mut app, &["type:Ana", "Tab", "type:Ben", "Tab"]);
    let text = screen(&app, 80, 24);
    assert!(text.contains("Our week"), "{text}");
    assert!(text.contains("Ana begins each part"), "{text}");
    press(&mut app, &["Enter"]);
    assert_eq!(at(&app), "the appreciations");
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("Ana, something you appreciated about Ben this week"),
        "{text}"
    );
    let presses = run(&mut app, WHOLE_WEEK);
    // 60 typed letters and 28 other keys.
    assert_eq!(presses, 88);
    assert!(matches!(app.screen, Screen::Summary(_)));

    let journal = journal(dir.path());
    let [session] = &journal.sessions[..] else {
        panic!("one session, not {}", journal.sessions.len())
    };
    assert_eq!(session.kind(), "weekly");
    assert_eq!(session.deck_id, "weekly");
    assert!(session.completed && session.turns.is_empty());
    assert_eq!(session.partners, vec!["Ana", "Ben"]);
    let extra = serde_json::to_value(session).unwrap();
    assert_eq!(
        extra["appreciations_each"],
        json!([["You cooked on Tuesday", null], [null]]),
        "three appreciations: one typed, two said"
    );
    assert_eq!(extra["went_well"], json!(["The walk on Sunday", null]));
    let issue = &extra["issue"];
    assert_eq!(issue["topic_by"], 1, "Ben brought it");
    assert_eq!(issue["topic"], "Screen time");
    assert_eq!(
        issue["rounds"],
        json!([{"sender": 1, "pieces": 2, "mirrors": 2, "got_it": true,
                "felt_heard": 4, "felt_validated": 5, "felt_cared": 3}])
    );
    assert_eq!(extra["this_week"], json!(["A long hug", null]));
    assert!(extra.get("breaks").is_none());
    assert!(!dir.path().join("in-progress.json").exists());
}

/// The same week with nothing typed: every key it takes, counted.
const A_WEEK_SAID_ALOUD: &[(&[&str], &str)] = &[
    (&["Enter"], "the appreciations"),
    (&["Enter"], "the appreciations"),
    (&["d"], "the appreciations"),
    (&["Enter"], "the appreciations"),
    (&["d"], "what went well"),
    (&["Enter"], "what went well"),
    (&["Enter"], "the question whether there is an issue"),
    (&["2"], "the topic"),
    (&["Enter"], "the sender's piece"),
    (&["Enter"], "the mirror"),
    (&["Enter"], "the sender's answer"),
    (&["n"], "the sender's piece"),
    (&["Enter"], "the mirror"),
    (&["Enter"], "the sender's answer"),
    (&["y"], "the question whether there is more"),
    (&["n"], "the validation"),
    (&["Enter"], "the empathy"),
    (&["Enter"], "the rating"),
    (&["4", "5", "3", "Enter"], "the question about switching"),
    (&["n"], "the small step"),
    (&["Enter"], "the small step"),
    (&["Enter"], "the question for this week"),
    (&["Enter"], "the question for this week"),
    (&["Enter"], "the summary"),
];

#[test]
fn a_week_said_aloud_takes_a_key_for_each_thing_said() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = week_on_disk(dir.path());
    // Three appreciations, two "went well", the issue with one "not yet" and its ratings,
    // two small steps, two answers for this week.
    assert_eq!(run(&mut app, A_WEEK_SAID_ALOUD), 27);
    let session = &journal(dir.path()).sessions[0];
    assert_eq!(
        session.extra["appreciations_each"],
        json!([[null, null], [null]])
    );
    assert_eq!(
        session.extra["issue"]["rounds"].as_array().map(Vec::len),
        Some(1)
    );

    // The shortest week: one appreciation each, no issue, 9 keys.
    let dir = tempfile::tempdir().unwrap();
    let mut app = week_on_disk(dir.path());
    let shortest = [
        "Enter", "d", "Enter", "d", "Enter", "Enter", "n", "Enter", "Enter",
    ];
    assert_eq!(shortest.len(), 9);
    press(&mut app, &shortest);
    assert!(matches!(app.screen, Screen::Summary(_)), "{}", at(&app));
}

#[test]
fn a_week_without_an_issue_goes_straight_to_the_close() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = week_on_disk(dir.path());
    press(&mut app, &["Enter", "d", "d", "Enter", "Enter"]);
    assert_eq!(at(&app), "the question whether there is an issue");
    press(&mut app, &["n"]);
    assert_eq!(at(&app), "the question for this week");
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("Ben asks: What can I do to make you feel loved this week?"),
        "{text}"
    );
    assert!(text.contains("Ana, your answer"), "{text}");
    press(&mut app, &["Enter"]);
    assert!(screen(&app, 80, 24).contains("Ana asks: What can I do"));
    press(&mut app, &["type:Call me at lunch", "Enter"]);
    assert!(matches!(app.screen, Screen::Summary(_)));
    let session = &journal(dir.path()).sessions[0];
    assert_eq!(session.extra["issue"], serde_json::Value::Null);
    assert_eq!(session.extra["appreciations_each"], json!([[null], []]));
    assert_eq!(
        session.extra["this_week"],
        json!([null, "Call me at lunch"])
    );
}

#[test]
fn a_sixth_appreciation_is_refused_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = week_on_disk(dir.path());
    press(&mut app, &["Enter"; 5]);
    let text = screen(&app, 80, 24);
    assert!(text.contains("That makes five"), "{text}");
    press(&mut app, &["w", "type:One more", "Enter"]);
    assert_eq!(at(&app), "the appreciations");
    for (width, height) in [(80, 24), (60, 18)] {
        let text = screen(&app, width, height);
        // Wrapped, not cut: its last words are on screen at the smallest size too.
        assert!(text.contains("sixth appreciation"), "{text}");
        assert!(text.contains("as many as a week holds"), "{text}");
    }
    let Some(heard::activity::Activity::Weekly(flow)) = &app.activity else {
        panic!("the week goes on")
    };
    assert_eq!(
        flow.engine.appreciations(heard::mode::Partner::First).len(),
        5
    );
    press(&mut app, &["Esc", "d"]);
    assert_eq!(at(&app), "the appreciations");
    assert!(screen(&app, 80, 24).contains("Ben, something you appreciated"));
    assert!(
        !screen(&app, 80, 24).contains("sixth"),
        "the notice is gone"
    );
}

#[test]
fn a_break_inside_the_issue_and_outside_it_comes_back_to_the_same_step_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = week_on_disk(dir.path());
    run(&mut app, &WHOLE_WEEK[..10]);
    assert_eq!(at(&app), "the mirror");
    press(&mut app, &["t", "b"]);
    assert_eq!(at(&app), "a break");
    drop(app);
    let mut app = app_on_disk(dir.path(), config());
    app.update(heard::tui::action::Action::Start(weekly()));
    press(&mut app, &["r"]);
    assert_eq!(at(&app), "a break");
    assert!(screen(&app, 80, 24).contains("Taking a break"));
    press(&mut app, &["Enter"]);
    assert_eq!(at(&app), "the mirror");
    run(&mut app, &WHOLE_WEEK[10..22]);
    assert_eq!(at(&app), "the question for this week");
    press(&mut app, &["Esc", "b"]);
    assert_eq!(at(&app), "a break");
    drop(app);
    let mut app = app_on_disk(dir.path(), config());
    app.update(heard::tui::action::Action::Start(weekly()));
    press(&mut app, &["r", "Enter"]);
    assert_eq!(at(&app), "the question for this week");
    run(&mut app, &WHOLE_WEEK[22..]);
    assert_eq!(journal(dir.path()).sessions[0].extra["breaks"], 2);
}

/// A closed window (the app dropped without a word) after each step: the next heard
/// offers the kept week, resumes it on that very step, and it ends as an unbroken one.
#[test]
fn a_closed_window_at_every_step_resumes_where_it_was() {
    for cut in 1..WHOLE_WEEK.len() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = week_on_disk(dir.path());
        for (keys, _) in &WHOLE_WEEK[..cut] {
            press(&mut app, keys);
        }
        let step = at(&app);
        drop(app);
        let mut app = app_on_disk(dir.path(), config());
        app.update(heard::tui::action::Action::Start(weekly()));
        assert_eq!(at(&app), "the leftover dialog", "cut after step {cut}");
        press(&mut app, &["r"]);
        assert!(matches!(app.screen, Screen::Activity(_)));
        assert_eq!(at(&app), step, "cut after step {cut}");
        for (keys, want) in &WHOLE_WEEK[cut..] {
            press(&mut app, keys);
            assert_eq!(at(&app), *want, "cut after step {cut}, then {keys:?}");
        }
        let journal = journal(dir.path());
        assert_eq!(journal.sessions.len(), 1, "cut after step {cut}");
        let extra = &journal.sessions[0].extra;
        assert_eq!(
            extra["appreciations_each"],
            json!([["You cooked on Tuesday", null], [null]]),
            "cut after step {cut}"
        );
        assert_eq!(extra["this_week"], json!(["A long hug", null]));
        let round = &extra["issue"]["rounds"][0];
        assert_eq!(
            [&round["sender"], &round["felt_heard"], &round["felt_cared"]],
            [&json!(1), &json!(4), &json!(3)],
            "cut after step {cut}"
        );
    }
}

#[test]
fn words_being_typed_reach_the_draft_and_come_back_on_resume() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = week_on_disk(dir.path());
    press(&mut app, &["w", "type:Your patience"]);
    app.tick(std::time::Instant::now() + std::time::Duration::from_secs(5));
    drop(app);
    let mut app = app_on_disk(dir.path(), config());
    app.update(heard::tui::action::Action::Start(weekly()));
    press(&mut app, &["r"]);
    assert!(screen(&app, 80, 24).contains("Your patience"));
    press(&mut app, &["Enter", "d", "d"]);
    run(&mut app, &[(&["type:Screen", "Esc"], "what went well")]);
    press(&mut app, &["Enter", "Enter", "2", "type:Scre"]);
    assert_eq!(at(&app), "the topic");
    app.tick(std::time::Instant::now() + std::time::Duration::from_secs(5));
    drop(app);
    let mut app = app_on_disk(dir.path(), config());
    app.update(heard::tui::action::Action::Start(weekly()));
    press(&mut app, &["r"]);
    assert_eq!(at(&app), "the topic");
    assert!(
        screen(&app, 80, 24).contains("Scre"),
        "the issue's topic being typed"
    );
}

#[test]
fn the_help_lists_the_keys_of_the_step_the_week_is_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = week_on_disk(dir.path());
    press(&mut app, &["?"]);
    assert_eq!(at(&app), "help");
    let text = screen(&app, 80, 24);
    assert!(text.contains("no more appreciations from you"), "{text}");
    press(&mut app, &["Esc", "d", "d", "Enter", "Enter", "1", "Enter"]);
    assert_eq!(at(&app), "the sender's piece");
    press(&mut app, &["?"]);
    let text = screen(&app, 80, 24);
    assert!(text.contains("time out"), "the issue's own keys: {text}");
    assert!(!text.contains("no more appreciations"), "{text}");
}
