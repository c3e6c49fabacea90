//! A talk of the length picked in setup: Quick is two prompts of a minute, and the
//! journal keeps just those two.

use crate::common;

use common::tui::*;
use heard::tui::action::Action;
use heard::tui::app::Screen;

#[test]
fn a_quick_talk_picked_in_setup_is_two_prompts_in_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_disk(dir.path(), config());
    app.update(Action::SetupTalk);
    assert_eq!(at(&app), "setup");
    press(
        &mut app,
        &["type:Ana", "Enter", "type:Ben", "Enter", "Down"],
    );
    let before = screen(&app, 80, 24);
    assert!(before.contains("‹ Usual ›"), "{before}");
    press(&mut app, &["Left"]);
    let quick = screen(&app, 80, 24);
    assert!(
        quick.contains("‹ Quick ›  about 16 minutes in all"),
        "{quick}"
    );
    press(&mut app, &["Enter"]);
    assert_eq!(at(&app), "the check-in");
    press(&mut app, &["3", "2"]);
    let mut talk = Vec::new();
    for _ in 0..4 {
        talk.extend(turn("4", "4", "4"));
    }
    press(&mut app, &keys(&talk));
    press(&mut app, &["5", "4", "Enter"]);
    press(&mut app, &["6", "4", "Enter"]);
    assert!(
        matches!(app.screen, Screen::Summary(_)),
        "two prompts, then the summary:\n{}",
        screen(&app, 80, 24)
    );
    let journal = journal(dir.path());
    let session = &journal.sessions[0];
    let prompts: std::collections::BTreeSet<&str> =
        session.turns.iter().map(|t| t.prompt_id.as_str()).collect();
    assert_eq!(prompts.len(), 2, "{:?}", session.turns);
    assert_eq!(session.turns.len(), 4);
}
