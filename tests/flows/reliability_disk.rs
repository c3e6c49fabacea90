//! Disk trouble: when a save fails the talk goes on, the couple is told plainly, saving can
//! be tried again, and the journal on disk is never truncated or half-written.
//!
//! Tests run as root, where chmod does not stop a write, so most failures are injected: in a
//! debug build, a `.heard-test-disk-fault` file in the data folder makes every write there
//! stop halfway with the error it names. A folder standing where the journal should be is a
//! real failure of the system's own.

use crate::common;

use std::path::Path;

use common::tui::*;
use heard::activity::Activity;
use heard::journal::draft::Draft;
use heard::journal::store::{Store, TEST_DISK_FAULT};
use heard::tui::app::{App, Screen};

fn fault(dir: &Path, errno: &str) {
    std::fs::write(dir.join(TEST_DISK_FAULT), errno).unwrap();
}

fn heal(dir: &Path) {
    std::fs::remove_file(dir.join(TEST_DISK_FAULT)).unwrap();
}

/// Files in the data folder other than the fault switch, with their bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut found: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name() != TEST_DISK_FAULT && e.path().is_file())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    found.sort();
    found
}

fn notice(app: &App) -> String {
    match &app.screen {
        Screen::Activity(screen) => screen.notice().unwrap_or_default().to_string(),
        _ => panic!("not on the talk any more"),
    }
}

/// A finished one-prompt talk up to (not including) the last key of the closing.
fn all_but_the_last_key(app: &mut App) {
    press(app, &["3", "2"]);
    press(app, &keys(&turn("3", "4", "5")));
    press(app, &keys(&turn("2", "3", "4")));
    press(app, &["5", "4", "Enter", "6", "4"]);
}

/// A journal with one earlier talk, saved the normal way.
fn journal_with_one_talk(dir: &Path) {
    let mut app = app_on_disk(dir, config());
    start(&mut app, couple("rekindle", 1));
    all_but_the_last_key(&mut app);
    press(&mut app, &["Enter"]);
    assert!(matches!(app.screen, Screen::Summary(_)));
}

#[test]
fn a_full_disk_mid_talk_keeps_the_talk_going_and_saves_when_space_returns() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let mut app = app_on_disk(data, config());
    start(&mut app, couple("rekindle", 1));
    press(&mut app, &["3"]);
    let before = files(data);

    fault(data, "ENOSPC");
    press(&mut app, &["2"]);
    let said = notice(&app);
    assert!(
        said.contains("Could not save the talk in progress"),
        "{said}"
    );
    assert!(said.contains("the disk is full"), "{said}");
    assert!(said.contains("The talk goes on"), "{said}");
    assert!(
        screen(&app, 120, 40).contains("Ana, share with Ben"),
        "the talk goes on\n{}",
        screen(&app, 120, 40)
    );
    press(&mut app, &["Enter", "Enter", "3"]);
    assert_eq!(
        files(data),
        before,
        "nothing on disk changed, not even half"
    );

    heal(data);
    press(&mut app, &["4", "5", "Enter"]);
    assert_eq!(notice(&app), "", "the notice goes once saving works");
    let draft: Draft =
        serde_json::from_slice(&std::fs::read(data.join("in-progress.json")).unwrap()).unwrap();
    let session = Activity::from_draft(draft)
        .unwrap()
        .0
        .to_session(now(), false);
    assert_eq!(
        session.mood_before,
        vec![Some(3), Some(2)],
        "kept in memory"
    );
    assert_eq!(session.turns[0].felt_heard(), Some(4));
    assert_eq!(session.turns[0].listener_guess(), Some(3));
}

#[test]
fn a_failed_journal_save_keeps_the_journal_whole_and_enter_tries_again() {
    for (errno, words) in [
        ("ENOSPC", "the disk is full"),
        ("EACCES", "heard may not write in this folder"),
        ("EROFS", "heard may not write in this folder"),
        ("EIO", "Input/output error"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path();
        journal_with_one_talk(data);
        let mut app = app_on_disk(data, config());
        start(&mut app, couple("rekindle", 1));
        all_but_the_last_key(&mut app);
        let before = files(data);
        let journal_before = std::fs::read(data.join("journal.json")).unwrap();

        fault(data, errno);
        press(&mut app, &["Enter"]);
        let said = notice(&app);
        assert!(
            said.contains("Could not save to the journal"),
            "{errno}: {said}"
        );
        assert!(said.contains(words), "{errno}: {said}");
        assert!(said.contains("press Enter to try again"), "{errno}: {said}");
        let shown = screen(&app, 120, 40);
        assert!(shown.contains("Could not save to the journal"), "{shown}");
        press(&mut app, &["Enter"]);
        assert!(notice(&app).contains("Could not save"), "still failing");
        assert_eq!(files(data), before, "{errno}: no byte of any file changed");

        heal(data);
        press(&mut app, &["Enter"]);
        assert!(
            matches!(app.screen, Screen::Summary(_)),
            "{errno}: retried and saved"
        );
        let journal = journal(data);
        assert_eq!(journal.sessions.len(), 2, "{errno}");
        assert_eq!(journal.sessions[1].turns[1].felt_heard(), Some(3));
        assert_eq!(
            std::fs::read(data.join("journal.json.bak")).unwrap(),
            journal_before,
            "the backup is the journal as it was"
        );
        assert!(!data.join("in-progress.json").exists());
    }
}

#[test]
fn a_folder_where_the_journal_should_be_is_named_and_the_save_can_be_retried() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    journal_with_one_talk(data);
    let mut app = app_on_disk(data, config());
    start(&mut app, couple("rekindle", 1));
    all_but_the_last_key(&mut app);

    let journal_path = data.join("journal.json");
    let kept = data.join("kept.json");
    std::fs::rename(&journal_path, &kept).unwrap();
    std::fs::create_dir(&journal_path).unwrap();
    press(&mut app, &["Enter"]);
    let said = notice(&app);
    assert!(said.contains("journal.json"), "{said}");
    assert!(
        said.contains("a folder stands where this file should be"),
        "{said}"
    );
    assert!(journal_path.is_dir(), "the folder is left alone");

    std::fs::remove_dir(&journal_path).unwrap();
    std::fs::rename(&kept, &journal_path).unwrap();
    press(&mut app, &["Enter"]);
    assert!(matches!(app.screen, Screen::Summary(_)));
    assert_eq!(journal(data).sessions.len(), 2);
}

/// Every way the store writes (save, forget, the draft) fails whole: journal, backup and
/// draft keep their bytes and no temp file is left behind.
#[test]
fn a_failed_write_never_truncates_or_half_writes_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    journal_with_one_talk(data);
    journal_with_one_talk(data);
    let store = Store::new(data);
    let lock = store.lock().unwrap();
    store
        .write_draft(&lock, &serde_json::json!({"a": 1}))
        .unwrap();
    let before = files(data);
    let mut loaded = store.load().unwrap().journal;
    let id = loaded.sessions[0].id.clone();
    loaded.sessions.pop();

    fault(data, "ENOSPC");
    let errors = [
        store.save(&lock, &loaded).unwrap_err().to_string(),
        store.forget(&lock, &id).unwrap_err().to_string(),
        store
            .write_draft(&lock, &serde_json::json!({"b": 2}))
            .unwrap_err()
            .to_string(),
        store
            .append_session(&lock, loaded.sessions[0].clone())
            .unwrap_err()
            .to_string(),
    ];
    for error in &errors {
        assert!(error.contains("the disk is full"), "{error}");
        assert!(error.contains(&data.display().to_string()), "{error}");
    }
    assert_eq!(files(data), before, "every file whole, no temp left");

    heal(data);
    assert_eq!(store.forget(&lock, &id).unwrap().len(), 1);
    assert_eq!(store.load().unwrap().journal.sessions.len(), 1);
}
