//! A journal.json that is a symbolic link (to a synced folder elsewhere): every write goes
//! through to the file it points to, atomically in that file's folder; the link stays a
//! link, forget leaves no copy of the talk behind in the file or the backup, and repair
//! mends the file itself.

use std::path::{Path, PathBuf};

use chrono::DateTime;
use heard::journal::store::Store;
use heard::journal::{Extra, Journal, Session, SessionMode, Timestamp};
use heard::mode::Mode;

fn session(id: &str, start: &str) -> Session {
    Session {
        id: id.to_string(),
        mode: SessionMode::Known(Mode::Couple),
        started_at: Timestamp::parse(start).unwrap(),
        ended_at: None,
        completed: true,
        deck_id: "rekindle".to_string(),
        partners: vec!["Ana".to_string(), "Ben".to_string()],
        mood_before: vec![],
        mood_after: vec![],
        closeness: vec![],
        turns: vec![],
        extra: Extra::new(),
    }
}

/// A data folder whose journal.json links to `synced/heard.json`, holding one talk.
fn linked() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let synced = root.path().join("synced");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::create_dir_all(&synced).unwrap();
    let target = synced.join("heard.json");
    let journal = Journal {
        sessions: vec![session("first", "2026-11-20T20:00:00+01:00")],
        ..Journal::default()
    };
    std::fs::write(&target, serde_json::to_vec_pretty(&journal).unwrap()).unwrap();
    std::os::unix::fs::symlink(&target, data.join("journal.json")).unwrap();
    (root, data, target)
}

fn ids(path: &Path) -> Vec<String> {
    let journal: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    journal["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect()
}

fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path)
        .unwrap()
        .file_type()
        .is_symlink()
}

#[test]
fn saving_writes_through_the_link_and_the_link_stays() {
    let (_root, data, target) = linked();
    let store = Store::new(&data);
    let lock = store.lock().unwrap();
    store
        .append_session(&lock, session("second", "2026-11-27T20:00:00+01:00"))
        .unwrap();
    assert!(
        is_link(&data.join("journal.json")),
        "the link was replaced by a file"
    );
    assert_eq!(
        ids(&target),
        ["first", "second"],
        "the synced file holds the new talk"
    );
    assert_eq!(ids(&data.join("journal.json.bak")), ["first"]);
    // No temp is left in either folder.
    for dir in [&data, target.parent().unwrap()] {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            assert!(!name.contains(".tmp-"), "{name} left in {}", dir.display());
        }
    }
}

#[test]
fn forget_through_the_link_leaves_no_copy_of_the_talk() {
    let (_root, data, target) = linked();
    let store = Store::new(&data);
    let lock = store.lock().unwrap();
    store
        .append_session(&lock, session("second", "2026-11-27T20:00:00+01:00"))
        .unwrap();
    let gone = store.forget(&lock, "first").unwrap();
    assert_eq!(gone.len(), 1);
    assert!(is_link(&data.join("journal.json")));
    assert_eq!(
        ids(&target),
        ["second"],
        "the synced file no longer holds it"
    );
    assert_eq!(ids(&data.join("journal.json.bak")), ["second"]);
}

#[test]
fn repair_through_the_link_mends_the_file_and_keeps_the_link() {
    let (_root, data, target) = linked();
    let store = Store::new(&data);
    let lock = store.lock().unwrap();
    store
        .append_session(&lock, session("second", "2026-11-27T20:00:00+01:00"))
        .unwrap();
    std::fs::write(&target, "{ not a journal").unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-28T10:00:00+01:00").unwrap();
    store.repair(&lock, now).unwrap();
    assert!(is_link(&data.join("journal.json")));
    assert_eq!(
        ids(&target),
        ["first"],
        "the last good copy is back in the synced file"
    );
}

#[test]
fn a_repair_run_twice_after_a_cut_leaves_one_copy_of_the_corrupt_file() {
    let root = tempfile::tempdir().unwrap();
    let store = Store::new(root.path());
    let journal = root.path().join("journal.json");
    std::fs::write(&journal, "{ not a journal").unwrap();
    // A repair stopped right after it set the journal aside (a hard link to it).
    let cut = root.path().join("journal.json.corrupt-20261128-095900");
    std::fs::hard_link(&journal, &cut).unwrap();
    let lock = store.lock().unwrap();
    let now = DateTime::parse_from_rfc3339("2026-11-28T10:00:00+01:00").unwrap();
    store.repair(&lock, now).unwrap();
    let copies: Vec<String> = std::fs::read_dir(root.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".corrupt-"))
        .collect();
    assert_eq!(
        copies,
        ["journal.json.corrupt-20261128-095900"],
        "{copies:?}"
    );
    assert_eq!(std::fs::read_to_string(&cut).unwrap(), "{ not a journal");
}
