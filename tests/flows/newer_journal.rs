//! A journal written by a newer heard: this heard reads it but never writes it, so a talk
//! is never run as if it would be kept. It says so before the talk starts, offers only to
//! talk without saving or to stop, and then says "nothing is saved" on every screen.

use crate::common;

use std::path::Path;

use common::tui::*;
use heard::tui::action::Action;
use heard::tui::app::{App, Screen};

const NEWER: &str = r#"{"format": "heard-journal", "version": 2, "sessions": [], "tags": []}"#;

fn newer_app(dir: &Path) -> App {
    std::fs::write(dir.join("journal.json"), NEWER).unwrap();
    app_on_disk(dir, config())
}

/// The data folder's files and their bytes: nothing may change them.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut found: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    found.sort();
    found
}

#[test]
fn a_newer_journal_is_named_before_the_talk_and_stop_starts_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = newer_app(dir.path());
    let before = files(dir.path());
    app.update(Action::Start(couple("rekindle", 1)));
    assert_eq!(at(&app), "the question about a newer journal");
    let text = screen(&app, 80, 24);
    assert!(text.contains("written by a newer heard"), "{text}");
    assert!(text.contains("update heard to"), "{text}");
    assert!(text.contains("save talks into it"), "{text}");
    assert!(text.contains("Talk without saving"), "{text}");
    press(&mut app, &["s"]);
    assert!(app.activity.is_none(), "stop started a talk");
    assert!(app.overlay.is_none());
    assert_eq!(files(dir.path()), before);
}

#[test]
fn talking_without_saving_says_so_on_every_screen_and_never_claims_it_was_asked() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = newer_app(dir.path());
    let before = files(dir.path());
    app.update(Action::Start(couple("rekindle", 1)));
    press(&mut app, &["t", "1"]);
    assert!(matches!(app.screen, Screen::Activity(_)), "{}", at(&app));
    let mut steps = vec![];
    let mut all: Vec<String> = vec!["3".into(), "4".into()];
    all.extend(turn("4", "4", "4"));
    all.extend(turn("3", "3", "3"));
    for key in keys(&all) {
        for (width, height) in [(80, 24), (60, 18)] {
            let text = screen(&app, width, height);
            assert!(
                text.contains("Nothing is saved"),
                "{} at {width}x{height}: {text}",
                at(&app)
            );
        }
        steps.push(at(&app));
        press(&mut app, &[key]);
    }
    // Leaving offers only what is true: nothing can be kept for later.
    press(&mut app, &["q"]);
    let text = screen(&app, 80, 24);
    assert!(!text.contains("resume later"), "{text}");
    assert!(text.contains("without saving"), "{text}");
    press(&mut app, &["k"]);
    // Ctrl-C does not say the talk is kept.
    let elsewhere = tempfile::tempdir().unwrap();
    let mut other = newer_app(elsewhere.path());
    other.update(Action::Start(couple("rekindle", 1)));
    press(&mut other, &["t", "1", "3", "4", "C-c"]);
    let farewell = other.farewell.clone().unwrap_or_default();
    assert!(!farewell.contains("kept"), "{farewell}");
    assert!(farewell.contains("nothing"), "{farewell}");
    assert_eq!(files(dir.path()), before, "after {steps:?}");
}

#[test]
fn the_end_of_a_talk_on_a_newer_journal_says_why_it_was_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = newer_app(dir.path());
    app.update(Action::Start(couple("rekindle", 1)));
    press(&mut app, &["t", "1", "3", "4"]);
    press(&mut app, &keys(&turn("4", "4", "4")));
    press(&mut app, &keys(&turn("3", "3", "3")));
    // The closing, each in turn: closeness, mood after, an appreciation left empty.
    press(&mut app, &["5", "4", "Enter", "5", "4", "Enter"]);
    assert!(matches!(app.screen, Screen::Summary(_)), "{}", at(&app));
    let text = screen(&app, 80, 24);
    assert!(!text.contains("as asked"), "{text}");
    assert!(text.contains("newer heard"), "{text}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("journal.json")).unwrap(),
        NEWER
    );
    assert!(!dir.path().join("in-progress.json").exists());
}
