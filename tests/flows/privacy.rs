//! Whose words are whose on Look back (SPEC section 6): nobody's private text shows until
//! its writer opens their own with o, and it closes again with o or on leaving the screen.

use crate::common;

use common::tui::*;
use heard::tui::app::Screen;

/// Every talk of Look back opened in full, one after another: the text of all of them.
fn every_talk(app: &mut heard::tui::app::App) -> String {
    press(app, &["Home", "Enter"]);
    let mut all = String::new();
    loop {
        let Screen::History(history) = &app.screen else {
            panic!("not on look back: {}", at(app))
        };
        let detail = history.detail.as_ref().expect("a talk is open");
        for (_, line) in &detail.lines {
            all.push_str(line);
            all.push('\n');
        }
        if history.selected + 1 == history.data.rows.len() {
            break;
        }
        press(app, &["Right"]);
    }
    press(app, &["Esc"]);
    all
}

fn notes_of(journal: &heard::journal::Journal, name: &str, couple: bool) -> Vec<String> {
    journal
        .sessions
        .iter()
        .filter(|s| s.is_couple() == couple)
        .flat_map(|s| {
            s.turns
                .iter()
                .filter(|t| s.partners[t.speaker] == name)
                .filter_map(|t| t.note.clone())
        })
        .collect()
}

#[test]
fn the_demo_couple_sees_no_note_until_its_writer_opens_their_own() {
    let journal = heard::demo::sample_journal(now());
    let sam_notes = notes_of(&journal, "Sam", true);
    let maya_notes = notes_of(&journal, "Maya", true);
    let mut sam_reflections = notes_of(&journal, "Sam", false);
    // A reflection's topic is as much its writer's as its words.
    let topics: Vec<String> = (journal.sessions.iter())
        .filter(|s| s.kind() == "reflection")
        .filter_map(|s| s.extra.get("topic")?.as_str().map(str::to_string))
        .collect();
    assert_eq!(topics.len(), 2);
    sam_reflections.extend(topics);
    assert!(!sam_notes.is_empty() && !maya_notes.is_empty() && !sam_reflections.is_empty());
    let mut app = demo_app();

    // Shared: nobody's words.
    press(&mut app, &["h"]);
    let shared = every_talk(&mut app);
    for note in sam_notes.iter().chain(&maya_notes).chain(&sam_reflections) {
        assert!(!shared.contains(note.as_str()), "{note:?} shows to both");
    }
    assert!(shared.contains("Sam wrote a reflection"), "{shared}");

    // o, then Sam (the second name, marked with Down), Enter: only Sam's.
    press(&mut app, &["o", "Down", "Enter"]);
    let Screen::History(history) = &app.screen else {
        panic!("left look back")
    };
    assert_eq!(history.open_for.as_deref(), Some("Sam"));
    let sams = every_talk(&mut app);
    for note in sam_notes.iter().chain(&sam_reflections) {
        assert!(sams.contains(note.as_str()), "{note:?} missing for Sam");
    }
    for note in &maya_notes {
        assert!(
            !sams.contains(note.as_str()),
            "Maya's {note:?} shows to Sam"
        );
    }

    // o again closes them.
    press(&mut app, &["o"]);
    let closed = every_talk(&mut app);
    assert!(!sam_notes.iter().any(|n| closed.contains(n.as_str())));

    // Open for Sam, then Esc home: back on Look back, nothing is open.
    press(&mut app, &["o", "Down", "Enter", "Esc"]);
    assert!(matches!(app.screen, Screen::Home(_)), "{}", at(&app));
    press(&mut app, &["h"]);
    let again = every_talk(&mut app);
    for note in sam_notes.iter().chain(&sam_reflections) {
        assert!(
            !again.contains(note.as_str()),
            "{note:?} still open after leaving"
        );
    }
}

#[test]
fn the_chooser_is_left_with_esc_and_opens_nothing() {
    let mut app = demo_app();
    press(&mut app, &["h", "o"]);
    let text = render(&app, 80, 24);
    assert!(text.contains("please look away"), "{text}");
    press(&mut app, &["Esc"]);
    let Screen::History(history) = &app.screen else {
        panic!("Esc in the chooser left look back")
    };
    assert!(history.choosing.is_none() && history.open_for.is_none());
}
