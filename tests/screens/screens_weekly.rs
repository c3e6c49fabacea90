//! Every screen of "Our week" at 80x24 and 60x18, each asserting the step it reached before
//! its snapshot: the appreciations, what went well, the one thing, the issue inside the
//! week, the close, and the break.

use crate::common;

use common::tui::*;
use heard::tui::app::App;

fn snap(app: &App, name: &str) {
    insta::assert_snapshot!(format!("weekly_{name}_80x24"), render(app, 80, 24));
    insta::assert_snapshot!(format!("weekly_{name}_60x18"), render(app, 60, 18));
}

fn week(keep_notes: bool) -> App {
    let mut app = app_with(
        heard::tui::storage::Storage::Memory {
            journal: Default::default(),
            draft: None,
        },
        heard::config::Config {
            keep_notes,
            ..config()
        },
    );
    start(&mut app, weekly());
    app
}

#[test]
fn every_step_of_a_week() {
    let mut app = week(true);
    let steps: &[(&[&str], &str, &str)] = &[
        (&[], "the appreciations", "appreciate_first"),
        (
            &["w", "type:You cooked on Tuesday"],
            "the appreciations",
            "appreciate_writing",
        ),
        (&["Enter", "Enter"], "the appreciations", "appreciate_two"),
        (
            &["Enter", "Enter", "Enter"],
            "the appreciations",
            "appreciate_full",
        ),
        (&["Enter"], "the appreciations", "appreciate_refused"),
        (&["d"], "the appreciations", "appreciate_second"),
        (&["d"], "what went well", "went_well"),
        (
            &["type:The walk on Sunday"],
            "what went well",
            "went_well_typed",
        ),
        (
            &["Enter", "Enter"],
            "the question whether there is an issue",
            "issue",
        ),
        (
            &["Enter"],
            "the question whether there is an issue",
            "issue_choose_first",
        ),
        (
            &["Down", "Down"],
            "the question whether there is an issue",
            "issue_marked",
        ),
        (&["Enter"], "the topic", "issue_topic"),
        (&["Enter"], "the sender's piece", "issue_speak"),
        (&["t"], "the sender's piece", "issue_time_out"),
        (&["b"], "a break", "issue_break"),
        (
            &["Enter", "Enter", "Enter", "y", "n", "Enter", "Enter"],
            "the rating",
            "issue_rating",
        ),
        (
            &["4", "4", "4", "Enter", "n", "Enter", "Enter"],
            "the question for this week",
            "this_week",
        ),
        (
            &["type:A long hug"],
            "the question for this week",
            "this_week_typed",
        ),
        (&["Enter"], "the question for this week", "this_week_second"),
        (&["Esc", "b"], "a break", "break"),
    ];
    for (keys, step, name) in steps {
        press(&mut app, keys);
        assert_eq!(at(&app), *step, "{name}");
        snap(&app, name);
    }
    press(&mut app, &["Enter", "Enter"]);
    assert_eq!(at(&app), "the summary");
}

#[test]
fn with_notes_off_the_lines_say_nothing_is_written_down() {
    let mut app = week(false);
    press(&mut app, &["w"]);
    assert_eq!(at(&app), "the appreciations");
    snap(&app, "appreciate_notes_off");
    press(&mut app, &["d", "d"]);
    assert_eq!(at(&app), "what went well");
    snap(&app, "went_well_notes_off");
}

#[test]
fn long_names_keep_every_frame_of_the_week_whole() {
    let mut app = app_with(
        heard::tui::storage::Storage::Memory {
            journal: Default::default(),
            draft: None,
        },
        config(),
    );
    start(
        &mut app,
        heard::tui::action::SetupChoice {
            partners: vec![
                "Anastasia-Maria 🌻 de los Ángeles".into(),
                "山田 太郎 😀 さくら".into(),
            ],
            ..weekly()
        },
    );
    for keys in [
        &[][..],
        &["d"],
        &["d"],
        &["Enter"],
        &["Enter"],
        &["2"],
        &["Enter"],
        &["Enter", "Enter", "y", "n", "Enter", "Enter"],
        &["4", "4", "4", "Enter", "n", "Enter", "Enter"],
        &["Enter"],
    ] {
        press(&mut app, keys);
        for (w, h) in [(80, 24), (60, 18)] {
            let text = screen(&app, w, h);
            let rows: Vec<&str> = text.lines().collect();
            for row in &rows[1..rows.len() - 2] {
                assert!(
                    row.starts_with('│') && row.ends_with('│'),
                    "broken border at {w}x{h} on {}:\n{text}",
                    at(&app)
                );
            }
        }
    }
    assert_eq!(at(&app), "the question for this week");
}
