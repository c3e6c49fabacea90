//! The TUI shows its home screen before reading the journal, then takes the journal in.

use crate::common;

use std::path::Path;

use common::tui::{press, screen};
use heard::tui::start::{Start, build};

fn context(root: &Path) -> heard::context::Context {
    heard::context::Context {
        paths: heard::paths::Paths::under(root),
        color: false,
    }
}

const ONE_TALK: &str = r#"{
  "format": "heard-journal",
  "version": 1,
  "sessions": [{"id": "a", "mode": "couple", "started_at": "2026-11-26T20:01:00+01:00",
    "completed": true, "deck_id": "rekindle", "partners": ["Ana", "Ben"]}]
}"#;

#[test]
fn home_shows_at_once_and_the_last_talk_follows() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    std::fs::create_dir_all(&ctx.paths.data_dir).unwrap();
    std::fs::write(ctx.paths.journal(), ONE_TALK).unwrap();
    let mut app = build(&ctx, &Start::Home).unwrap();
    assert!(
        app.storage.is_loading(),
        "the journal is read after the first frame"
    );
    let first = screen(&app, 80, 24);
    assert!(first.contains("Take a breath"), "{first}");
    // A key waits for the journal, so setup already knows the names of the last talk.
    press(&mut app, &["Down"]);
    assert!(!app.storage.is_loading());
    let text = screen(&app, 80, 24);
    assert!(text.contains("Your last talk was"), "{text}");
    press(&mut app, &["t", "1"]);
    let text = screen(&app, 80, 24);
    assert!(text.contains("Ana") && text.contains("Ben"), "{text}");
}

#[test]
fn a_journal_that_does_not_read_ends_the_run_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    std::fs::create_dir_all(&ctx.paths.data_dir).unwrap();
    std::fs::write(
        ctx.paths.journal(),
        "{\n  \"format\": \"heard-journal\",,\n}",
    )
    .unwrap();
    let mut app = build(&ctx, &Start::Home).unwrap();
    app.receive_journal(true);
    assert!(app.quit);
    let failure = app.failure.clone().expect("a reason to stop");
    let at = format!("{}:2:", ctx.paths.journal().display());
    assert!(failure.starts_with(&at), "{failure}");
    assert!(failure.contains("heard journal repair"), "{failure}");
    assert!(
        std::fs::read_to_string(ctx.paths.journal())
            .unwrap()
            .contains(",,"),
        "the journal is left as it was"
    );
}

#[test]
fn speaking_time_and_no_guess_from_the_command_line_shape_the_talk() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    let request = heard::tui::start::StartRequest {
        kind: heard::activity::Kind::Prompts,
        deck: None,
        partners: Some("Ana,Ben".into()),
        prompts: Some(1),
        speaking_time: Some(0),
        no_guess: true,
        no_save: true,
    };
    let mut app = build(&ctx, &Start::Talk(request)).unwrap();
    // The defaults are a 180-second timer and a guess; the flags win for this talk.
    assert_eq!(app.config.timer_seconds, 0);
    assert!(!app.config.listener_guess);
    press(&mut app, &["3", "3"]);
    let Some(heard::activity::Activity::Prompts(talk)) = &app.activity else {
        panic!("the talk did not start");
    };
    assert_eq!(talk.progress().unwrap().timer_seconds, None, "no timer");
    // Speaker done, listener done: straight to the rating, no guess.
    press(&mut app, &["Enter", "Enter"]);
    let Some(heard::activity::Activity::Prompts(talk)) = &app.activity else {
        unreachable!()
    };
    assert_eq!(talk.step(), heard::talk::Step::Rating);
}

#[test]
fn a_talk_started_from_the_command_line_takes_the_decks_suggested_length() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = context(dir.path());
    let request = heard::tui::start::StartRequest {
        kind: heard::activity::Kind::Prompts,
        deck: Some("daily-check-in".into()),
        partners: Some("Ana,Ben".into()),
        prompts: None,
        speaking_time: None,
        no_guess: false,
        no_save: true,
    };
    let app = build(&ctx, &Start::Talk(request)).unwrap();
    let Some(heard::activity::Activity::Prompts(talk)) = &app.activity else {
        panic!("the talk did not start");
    };
    assert_eq!(
        talk.prompts().len(),
        3,
        "the daily check-in's three prompts"
    );
    assert_speaking_time(app, 90);
}

/// The speaking time of the talk `app` holds, once at the first card.
fn assert_speaking_time(mut app: heard::tui::app::App, seconds: u32) {
    press(&mut app, &["3", "3"]);
    let Some(heard::activity::Activity::Prompts(talk)) = &app.activity else {
        panic!("the talk did not start");
    };
    assert_eq!(talk.progress().unwrap().timer_seconds, Some(seconds));
}
