//! The promises about a talk kept and a screen that waits, headless: one kept talk is
//! never overwritten or saved twice, an old draft still resumes, a pass starts the next
//! card clean, a small window holds the talk still, and clocks say their own words.

use crate::common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::tui::*;
use heard::activity::Activity;
use heard::journal::store::Store;
use heard::tui::action::Action;
use heard::tui::app::{App, Screen};
use heard::tui::screens::activity::ActivityScreen;
use heard::tui::screens::talk::StepUi;

fn draft_path(dir: &Path) -> std::path::PathBuf {
    dir.join("in-progress.json")
}

/// A talk checked in and kept for later, in an app that is still running.
fn kept_talk(dir: &Path) -> App {
    let mut app = app_on_disk(dir, config());
    start(&mut app, couple("rekindle", 2));
    press(&mut app, &["3", "2"]);
    press(&mut app, &keys(&turn("3", "4", "5")));
    press(&mut app, &["q", "r"]);
    assert!(matches!(app.screen, Screen::Home(_)), "kept, and home");
    assert!(draft_path(dir).exists());
    app
}

fn talk_ui(app: &App) -> &StepUi {
    match &app.screen {
        Screen::Activity(screen) => match screen.as_ref() {
            ActivityScreen::Talk(talk) => &talk.ui,
            ActivityScreen::Reflection(_)
            | ActivityScreen::Understand(_)
            | ActivityScreen::Repair(_)
            | ActivityScreen::Weekly(_) => panic!("another kind of talk"),
        },
        _ => panic!("not in a talk: {}", at(app)),
    }
}

#[test]
fn a_kept_talk_is_asked_about_before_another_starts_and_saved_as_unfinished() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = kept_talk(dir.path());
    let kept = std::fs::read(draft_path(dir.path())).unwrap();
    app.update(Action::Start(couple("getting-real", 1)));
    assert_eq!(at(&app), "the leftover dialog", "asked first");
    assert_eq!(
        std::fs::read(draft_path(dir.path())).unwrap(),
        kept,
        "the kept talk is not overwritten"
    );
    assert!(screen(&app, 80, 24).contains("one talk to resume at a time"));
    press(&mut app, &["u"]);
    let journal = journal(dir.path());
    assert_eq!(journal.sessions.len(), 1, "the kept talk is in the journal");
    assert!(!journal.sessions[0].completed);
    assert_eq!(journal.sessions[0].turns[0].felt_heard(), Some(4));
    assert_eq!(at(&app), "the check-in", "then the new talk starts");
    let Some(Activity::Prompts(talk)) = &app.activity else {
        panic!("no talk")
    };
    assert_eq!(talk.deck_id(), "getting-real");
}

#[test]
fn not_now_leaves_the_kept_talk_as_it_is_and_asks_again() {
    let dir = tempfile::tempdir().unwrap();
    kept_talk(dir.path());
    let kept = std::fs::read(draft_path(dir.path())).unwrap();
    for key in ["Esc", "q"] {
        let mut app = app_on_disk(dir.path(), config());
        assert_eq!(at(&app), "the leftover dialog");
        press(&mut app, &[key]);
        assert_eq!(at(&app), "home", "{key} puts the question off");
        assert_eq!(std::fs::read(draft_path(dir.path())).unwrap(), kept);
        app.update(Action::Start(couple("rekindle", 1)));
        assert_eq!(
            at(&app),
            "the leftover dialog",
            "asked again before a new talk"
        );
    }
}

#[test]
fn resuming_the_kept_talk_from_the_question_drops_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = kept_talk(dir.path());
    app.update(Action::Start(couple("getting-real", 1)));
    press(&mut app, &["r"]);
    let Some(Activity::Prompts(talk)) = &app.activity else {
        panic!("no talk")
    };
    assert_eq!(talk.deck_id(), "rekindle", "the kept talk goes on");
    assert_eq!(at(&app), "the speaker card");
}

#[test]
fn a_draft_whose_talk_is_in_the_journal_is_never_offered_or_saved_twice() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = kept_talk(dir.path());
    let draft = std::fs::read(draft_path(dir.path())).unwrap();
    // Saved as unfinished, then (as if killed between the journal's rename and the draft's
    // removal) the draft comes back.
    app.update(Action::Start(couple("rekindle", 1)));
    press(&mut app, &["u"]);
    drop(app);
    std::fs::write(draft_path(dir.path()), &draft).unwrap();
    let app = app_on_disk(dir.path(), config());
    assert_eq!(at(&app), "home", "not offered to resume");
    assert!(!draft_path(dir.path()).exists(), "the stale draft is gone");
    assert_eq!(journal(dir.path()).sessions.len(), 1, "saved once");
}

#[test]
fn two_windows_saving_the_same_kept_talk_save_it_once() {
    let dir = tempfile::tempdir().unwrap();
    kept_talk(dir.path());
    let mut first = app_on_disk(dir.path(), config());
    let mut second = app_on_disk(dir.path(), config());
    assert_eq!(at(&first), "the leftover dialog");
    assert_eq!(at(&second), "the leftover dialog");
    press(&mut first, &["u"]);
    press(&mut second, &["u"]);
    assert_eq!(journal(dir.path()).sessions.len(), 1);
}

#[test]
fn a_draft_from_the_previous_heard_resumes_where_it_was() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path()).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/draft-v1-couple.json");
    std::fs::copy(fixture, draft_path(dir.path())).unwrap();
    let mut app = app_on_disk(dir.path(), config());
    assert_eq!(at(&app), "the leftover dialog");
    press(&mut app, &["r"]);
    assert_eq!(at(&app), "the speaker card");
    assert!(screen(&app, 80, 24).contains("Ben, share with Ana"));
    // Ben passes, Ana answers, then they set it down as unfinished.
    press(&mut app, &["s"]);
    press(&mut app, &keys(&turn("3", "5", "4")));
    press(&mut app, &["q", "u"]);
    assert_eq!(at(&app), "home");
    let session = &journal(dir.path()).sessions[0];
    assert_eq!(session.partners, ["Ana", "Ben"]);
    assert_eq!(session.turns[0].note.as_deref(), Some("I felt seen"));
    assert_eq!(session.turns[0].felt_heard(), Some(4));
    assert!(session.turns[1].skipped);
    assert!(session.turns[2].skipped, "Ben's pass at the second prompt");
    assert_eq!(session.turns[3].felt_heard(), Some(5));
    assert_eq!(session.turns.len(), 4);
}

#[test]
fn a_reflection_drafted_by_the_previous_heard_resumes_with_what_was_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path()).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/draft-v1-solo.json");
    std::fs::copy(fixture, draft_path(dir.path())).unwrap();
    let mut app = app_on_disk(dir.path(), config());
    press(&mut app, &["u"]);
    let session = &journal(dir.path()).sessions[0];
    assert_eq!(session.partners, ["Zoë"]);
    assert!(!session.completed);
    assert_eq!(
        session.turns[0].note.as_deref(),
        Some("What I want to say first")
    );
    assert_eq!(session.turns[0].clarity(), Some(4));
    // The first heard marked prompts; this heard brings a topic, which that draft lacks.
    assert!(!session.turns[0].bring_to_talk());
}

#[test]
fn after_a_pass_the_next_speaker_card_starts_clean() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_disk(dir.path(), config());
    start(&mut app, couple("rekindle", 1));
    press(&mut app, &["3", "2"]);
    press(&mut app, &["n", "type:only mine", "Esc", "Space", "s"]);
    assert!(screen(&app, 80, 24).contains("Ben, share with Ana"));
    let StepUi::Speaker(card) = talk_ui(&app) else {
        panic!("not on the speaker card: {}", at(&app))
    };
    assert!(card.note.is_empty(), "no note from Ana's turn");
    assert!(!card.note.writing);
    assert!(
        card.watch.is_running(),
        "a fresh clock, not Ana's paused one"
    );
    assert!(card.watch.elapsed(Instant::now()) < Duration::from_secs(5));
    assert!(!screen(&app, 80, 24).contains("only mine"));
    press(&mut app, &["Enter", "Enter", "s", "3", "3", "Enter"]);
    press(&mut app, &["s", "s", "Enter", "s", "s", "Enter"]);
    let session = &journal(dir.path()).sessions[0];
    assert!(
        session.turns.iter().all(|t| t.note.is_none()),
        "no note under Ben"
    );
}

#[test]
fn keys_wait_while_the_window_is_too_small() {
    let mut app = demo_app();
    start(&mut app, couple("rekindle", 1));
    app.resize(50, 12);
    press(&mut app, &["3", "2", "s", "q"]);
    assert_eq!(at(&app), "the check-in", "nothing moved");
    assert!(app.overlay.is_none());
    app.resize(80, 24);
    press(&mut app, &["3"]);
    assert!(screen(&app, 80, 24).contains("Ben, how are you feeling"));
}

#[test]
fn the_break_says_its_own_words_when_its_time_is_up() {
    let mut app = demo_app();
    start(&mut app, couple("rekindle", 1));
    press(&mut app, &["b"]);
    assert_eq!(at(&app), "a break");
    let later = Instant::now() + Duration::from_secs(20 * 60 + 1);
    app.tick(later);
    let text = screen(&app, 80, 24);
    assert!(text.contains("The 20 minutes are up"), "{text}");
    assert!(
        !text.contains("finish your thought"),
        "not the speaker's words: {text}"
    );
    assert_eq!(app.next_tick(later), None, "nothing moves any more");
}

#[test]
fn text_being_typed_reaches_the_draft_a_moment_later() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_disk(dir.path(), config());
    start(&mut app, couple("rekindle", 1));
    press(&mut app, &["3", "2", "n", "type:half a thought"]);
    let due = app.next_tick(Instant::now()).expect("a save is due");
    assert!(due <= Instant::now() + Duration::from_secs(1));
    app.tick(due);
    let draft = std::fs::read_to_string(draft_path(dir.path())).unwrap();
    assert!(draft.contains("\"typing\": \"half a thought\""), "{draft}");
    let stored = Store::new(dir.path()).read_draft_record().unwrap().unwrap();
    assert_eq!(stored.typing.as_deref(), Some("half a thought"));
    assert_eq!(app.next_tick(Instant::now()), None, "then idle again");
}

#[test]
fn ctrl_c_keeps_the_talk_and_leaves_as_interrupted() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_disk(dir.path(), config());
    start(&mut app, couple("rekindle", 1));
    press(&mut app, &["3", "2", "n", "type:kept", "C-c"]);
    assert!(app.quit);
    assert_eq!(app.exit_status, Some(130));
    let stored = Store::new(dir.path()).read_draft_record().unwrap().unwrap();
    assert_eq!(
        stored.typing.as_deref(),
        Some("kept"),
        "the note being typed too"
    );
    assert!(app.overlay.is_none(), "no question asked on the way out");
}

/// The help says Ctrl-C leaves at once and keeps the talk: that is what it does, without
/// asking first.
#[test]
fn ctrl_c_leaves_at_once_and_keeps_the_talk_as_the_help_says() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = common::tui::app_on_disk(dir.path(), common::tui::config());
    common::tui::start(&mut app, common::tui::couple("rekindle", 1));
    common::tui::press(&mut app, &["?"]);
    let help = common::tui::screen(&app, 120, 40);
    assert!(
        help.contains("Ctrl-C") && help.contains("leave at once; a talk in progress is kept"),
        "{help}"
    );
    assert!(!help.contains("asks first"), "{help}");
    common::tui::press(&mut app, &["Esc", "C-c"]);
    assert!(app.quit, "no dialog first");
    assert_eq!(app.exit_status, Some(130));
    assert!(app.overlay.is_none());
    assert!(
        dir.path().join("in-progress.json").exists(),
        "the talk is kept"
    );
}
