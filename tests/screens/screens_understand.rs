//! Every screen of "Understand each other" at 80x24 and 60x18, each asserting the step it
//! reached before its snapshot: the kinds on home, setup, then the talk step by step.

use crate::common;

use common::tui::*;
use heard::tui::app::App;

fn snap(app: &App, name: &str) {
    insta::assert_snapshot!(format!("understand_{name}_80x24"), render(app, 80, 24));
    insta::assert_snapshot!(format!("understand_{name}_60x18"), render(app, 60, 18));
}

fn talk() -> App {
    let mut app = app_with(
        heard::tui::storage::Storage::Memory {
            journal: Default::default(),
            draft: None,
        },
        config(),
    );
    start(&mut app, understand());
    app
}

#[test]
fn the_kinds_of_talk_and_the_setup_of_a_conversation() {
    let mut app = app_with(
        heard::tui::storage::Storage::Memory {
            journal: Default::default(),
            draft: None,
        },
        config(),
    );
    press(&mut app, &["t"]);
    assert_eq!(at(&app), "home");
    snap(&app, "kinds");
    press(&mut app, &["2", "type:Ana", "Tab", "type:Ben", "Tab"]);
    assert_eq!(at(&app), "setup");
    snap(&app, "setup");
}

#[test]
fn every_step_of_the_floor_and_after() {
    let mut app = talk();
    let steps: &[(&[&str], &str, &str)] = &[
        (
            &[],
            "the question whether now is a good time",
            "good_time_bringer",
        ),
        (
            &["y"],
            "the question whether now is a good time",
            "good_time_receiver",
        ),
        (&["y", "type:money"], "the topic", "topic"),
        (&["Tab"], "the topic", "topic_shared"),
        (&["Enter"], "the sender's piece", "speak"),
        (&["Enter"], "the mirror", "mirror"),
        (&["t"], "the mirror", "time_out"),
        (&["b"], "a break", "break"),
        (&["Enter", "Enter"], "the sender's answer", "answer"),
        (&["n"], "the sender's piece", "speak_again"),
        (
            &["Enter", "Enter", "y"],
            "the question whether there is more",
            "more",
        ),
        (&["n"], "the validation", "validate"),
        (&["Enter"], "the empathy", "empathize"),
        (&["Enter", "4"], "the rating", "rating"),
        (
            &["5", "3", "Enter"],
            "the question about switching",
            "switch",
        ),
        (&["n"], "the small step", "small_step"),
        (&["type:A walk", "Enter", "Enter"], "the summary", "summary"),
    ];
    for (keys, step, name) in steps {
        press(&mut app, keys);
        assert_eq!(at(&app), *step, "{name}");
        snap(&app, name);
    }
}
