//! The journal store as the rest of heard uses it: round trips, atomic writes, the
//! writer lock, drafts, private files.

use heard::mode::Mode;
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use heard::journal::store::{self, JournalError, Store};
use heard::journal::{Extra, Journal, Session, SessionMode, Timestamp, Turn};
use proptest::prelude::*;
use serde_json::Value;

fn session(id: &str, start: &str) -> Session {
    Session {
        id: id.to_string(),
        mode: SessionMode::Known(Mode::Couple),
        started_at: Timestamp::parse(start).unwrap(),
        ended_at: None,
        completed: false,
        deck_id: "rekindle".to_string(),
        partners: vec!["Ana".to_string(), "Ben".to_string()],
        mood_before: vec![Some(3), None],
        mood_after: vec![],
        closeness: vec![],
        turns: vec![],
        extra: Extra::new(),
    }
}

fn journal(sessions: Vec<Session>) -> Journal {
    Journal {
        sessions,
        ..Journal::default()
    }
}

// ---- round trip ------------------------------------------------------------------

fn rating() -> impl Strategy<Value = Option<Option<u8>>> {
    prop_oneof![
        Just(None),
        Just(Some(None)),
        (1u8..=5).prop_map(|v| Some(Some(v)))
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,5}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Unknown fields, named so they never collide with a field heard knows.
fn extra() -> impl Strategy<Value = Extra> {
    prop::collection::btree_map("x_[a-z0-9_]{1,6}", value(), 0..3)
        .prop_map(|m| m.into_iter().collect())
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (0i64..4_000_000_000, -720i32..=840).prop_map(|(secs, minutes)| {
        let offset = FixedOffset::east_opt(minutes * 60).unwrap();
        let at: DateTime<FixedOffset> = DateTime::from_timestamp(secs, 0)
            .unwrap()
            .with_timezone(&offset);
        Timestamp::new(at)
    })
}

fn turn() -> impl Strategy<Value = Turn> {
    (
        (any::<String>(), any::<String>(), 0usize..3, any::<bool>()),
        (rating(), rating(), rating(), rating()),
        (
            prop_oneof![
                Just(None),
                Just(Some(None)),
                any::<bool>().prop_map(|b| Some(Some(b)))
            ],
            prop_oneof![
                Just(None),
                Just(Some(None)),
                any::<u64>().prop_map(|s| Some(Some(s)))
            ],
            proptest::option::of(any::<String>()),
            extra(),
        ),
    )
        .prop_map(
            |(
                (prompt_id, prompt, speaker, skipped),
                (felt_heard, felt_validated, listener_guess, clarity),
                (bring_to_talk, seconds, note, extra),
            )| Turn {
                prompt_id,
                prompt,
                speaker,
                felt_heard,
                felt_validated,
                listener_guess,
                clarity,
                bring_to_talk,
                seconds,
                skipped,
                note,
                extra,
            },
        )
}

fn mode() -> impl Strategy<Value = SessionMode> {
    prop_oneof![
        Just(SessionMode::Known(Mode::Couple)),
        Just(SessionMode::Known(Mode::Solo)),
        "[a-z]{3,8}"
            .prop_filter("a word heard knows", |w| w != "couple" && w != "solo")
            .prop_map(SessionMode::Other),
    ]
}

fn arbitrary_session() -> impl Strategy<Value = Session> {
    // Moods are 1-5, closeness 1-7: the values the format allows.
    let scale = |max: u8| prop::collection::vec(proptest::option::of(1u8..=max), 0..3);
    (
        (
            any::<String>(),
            mode(),
            timestamp(),
            proptest::option::of(timestamp()),
        ),
        (
            any::<bool>(),
            any::<String>(),
            prop::collection::vec(any::<String>(), 0..3),
        ),
        (scale(5), scale(5), scale(7)),
        (prop::collection::vec(turn(), 0..4), extra()),
    )
        .prop_map(
            |(
                (id, mode, started_at, ended_at),
                (completed, deck_id, partners),
                (mood_before, mood_after, closeness),
                (turns, extra),
            )| Session {
                id,
                mode,
                started_at,
                ended_at,
                completed,
                deck_id,
                partners,
                mood_before,
                mood_after,
                closeness,
                turns,
                extra,
            },
        )
}

fn arbitrary_journal() -> impl Strategy<Value = Journal> {
    (prop::collection::vec(arbitrary_session(), 0..4), extra()).prop_map(|(sessions, extra)| {
        Journal {
            sessions,
            extra,
            ..Journal::default()
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_journal_written_then_read_is_equal(journal in arbitrary_journal()) {
        let text = serde_json::to_string_pretty(&journal).unwrap();
        let loaded = store::parse(Path::new("journal.json"), text.as_bytes()).unwrap();
        prop_assert!(loaded.writable);
        prop_assert_eq!(&loaded.journal, &journal);
    }

    #[test]
    fn a_journal_saved_then_loaded_is_equal(journal in arbitrary_journal()) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let lock = store.lock().unwrap();
        store.save(&lock, &journal).unwrap();
        prop_assert_eq!(store.load().unwrap().journal, journal);
    }
}

// ---- loading -------------------------------------------------------------------

#[test]
fn a_missing_journal_is_empty_and_writable() {
    let dir = tempfile::tempdir().unwrap();
    let loaded = Store::new(dir.path().join("nowhere")).load().unwrap();
    assert!(loaded.writable);
    assert!(loaded.journal.sessions.is_empty());
}

#[test]
fn unknown_fields_are_kept_on_every_level() {
    let text = r#"{"format": "heard-journal", "version": 1, "owner": {"pet": "cat"},
      "sessions": [{"id": "a", "mode": "couple", "started_at": "2026-11-26T20:01:00+01:00",
        "weather": "rain", "turns": [{"prompt": "p", "speaker": 1, "voice": [1, 2]}]}]}"#;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    std::fs::write(store.journal_path(), text).unwrap();
    let lock = store.lock().unwrap();
    store
        .append_session(&lock, session("b", "2026-11-27T20:01:00+01:00"))
        .unwrap();
    let written: Value =
        serde_json::from_slice(&std::fs::read(store.journal_path()).unwrap()).unwrap();
    assert_eq!(written["owner"]["pet"], "cat");
    assert_eq!(written["sessions"][0]["weather"], "rain");
    assert_eq!(written["sessions"][0]["turns"][0]["voice"][1], 2);
    assert_eq!(written["sessions"][1]["id"], "b");
}

#[test]
fn errors_name_the_file_line_and_column() {
    let path = Path::new("/somewhere/journal.json");
    let err = store::parse(
        path,
        b"{\n  \"format\": \"heard-journal\",\n  \"version\": 1\n  \"sessions\": []\n}",
    )
    .unwrap_err();
    let message = err.to_string();
    assert!(
        message.starts_with("/somewhere/journal.json:4:3: "),
        "{message}"
    );
    assert!(message.contains("heard journal repair"), "{message}");

    let err = store::parse(path, br#"{"version": 1, "sessions": []}"#).unwrap_err();
    assert!(matches!(err, JournalError::Corrupt { .. }));
    assert!(err.to_string().contains("not a heard journal"), "{err}");

    let err = store::parse(path, b"\"just a string\"").unwrap_err();
    assert!(
        matches!(
            err,
            JournalError::Corrupt {
                line: 1,
                column: 1,
                ..
            }
        ),
        "{err:?}"
    );
}

// ---- writing -------------------------------------------------------------------

#[test]
fn each_save_keeps_the_previous_journal_as_backup() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let lock = store.lock().unwrap();
    let first = journal(vec![session("a", "2026-11-26T20:01:00+01:00")]);
    store.save(&lock, &first).unwrap();
    assert!(!store.backup_path().exists(), "no backup of nothing");
    let first_bytes = std::fs::read(store.journal_path()).unwrap();
    assert!(first_bytes.ends_with(b"}\n"));

    store
        .append_session(&lock, session("b", "2026-11-27T20:01:00+01:00"))
        .unwrap();
    assert_eq!(std::fs::read(store.backup_path()).unwrap(), first_bytes);
    assert_eq!(store.load().unwrap().journal.sessions.len(), 2);
}

#[test]
fn an_interrupted_write_leaves_the_old_journal_and_is_cleaned_up() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let lock = store.lock().unwrap();
    let old = journal(vec![session("old", "2026-11-26T20:01:00+01:00")]);
    store.save(&lock, &old).unwrap();

    // What a write killed between writing its temp file and renaming it leaves behind:
    // a complete temp, and a half-written one.
    let newer = journal(vec![session("newer", "2026-11-27T20:01:00+01:00")]);
    let complete = dir.path().join(".journal.json.tmp-99999-0");
    let half = dir.path().join(".journal.json.tmp-99999-1");
    std::fs::write(&complete, serde_json::to_vec(&newer).unwrap()).unwrap();
    std::fs::write(&half, b"{\"format\": \"heard-jou").unwrap();

    assert_eq!(store.load().unwrap().journal, old);

    store
        .append_session(&lock, session("next", "2026-11-28T20:01:00+01:00"))
        .unwrap();
    let ids: Vec<String> = store
        .load()
        .unwrap()
        .journal
        .sessions
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(ids, ["old", "next"]);
    assert!(
        !complete.exists() && !half.exists(),
        "stale temp files are removed"
    );
}

#[test]
fn a_corrupt_or_newer_journal_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let lock = store.lock().unwrap();
    let replacement = journal(vec![session("a", "2026-11-26T20:01:00+01:00")]);
    for text in [
        "{\"format\": \"heard-journal\", \"version\": 1, \"sessions\": [",
        "{\"format\": \"shopping-list\", \"version\": 1}",
        "{\"format\": \"heard-journal\", \"version\": 2, \"sessions\": []}",
        "{\"format\": \"heard-journal\", \"version\": 2, \"sessions\": {}}",
    ] {
        std::fs::write(store.journal_path(), text).unwrap();
        let err = store.save(&lock, &replacement).unwrap_err();
        assert!(
            err.to_string()
                .starts_with(&store.journal_path().display().to_string()),
            "{err}"
        );
        let err = store
            .append_session(&lock, session("b", "2026-11-26T20:01:00+01:00"))
            .unwrap_err();
        assert!(!err.to_string().is_empty());
        assert_eq!(std::fs::read_to_string(store.journal_path()).unwrap(), text);
        assert!(!store.backup_path().exists());
    }
}

#[test]
fn a_newer_journal_reads_but_does_not_write() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let text = r#"{"format": "heard-journal", "version": 2, "sessions": [
        {"id": "a", "mode": "couple", "started_at": "2026-11-26T20:01:00+01:00", "new_thing": 1}]}"#;
    std::fs::write(store.journal_path(), text).unwrap();
    let loaded = store.load().unwrap();
    assert!(!loaded.writable);
    assert_eq!(loaded.journal.sessions.len(), 1);
    let lock = store.lock().unwrap();
    let err = store.save(&lock, &loaded.journal).unwrap_err();
    assert!(
        matches!(err, JournalError::ReadOnly { version: 2, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("newer heard"), "{err}");
    assert_eq!(std::fs::read_to_string(store.journal_path()).unwrap(), text);
}

#[test]
fn one_writer_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let lock = store.lock().unwrap();
    let err = store.lock().unwrap_err();
    assert!(matches!(err, JournalError::Busy { .. }));
    let message = err.to_string();
    assert!(message.contains("another heard is writing"), "{message}");
    assert!(
        message.contains(&dir.path().display().to_string()),
        "{message}"
    );
    drop(lock);
    store.lock().expect("the lock is free again once dropped");
}

#[test]
fn a_lock_for_another_folder_does_not_write() {
    let one = tempfile::tempdir().unwrap();
    let other = tempfile::tempdir().unwrap();
    let lock = Store::new(one.path()).lock().unwrap();
    let store = Store::new(other.path());
    assert!(store.save(&lock, &Journal::default()).is_err());
    assert!(!store.journal_path().exists());
}

#[test]
fn forget_removes_the_talk_from_journal_and_backup() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let lock = store.lock().unwrap();
    store
        .save(
            &lock,
            &journal(vec![session("keep", "2026-11-26T20:01:00+01:00")]),
        )
        .unwrap();
    store
        .append_session(&lock, session("secret", "2026-11-27T20:01:00+01:00"))
        .unwrap();
    // Save once more so the backup holds the talk to forget too.
    let current = store.load().unwrap().journal;
    store.save(&lock, &current).unwrap();
    assert!(
        std::fs::read_to_string(store.backup_path())
            .unwrap()
            .contains("secret")
    );

    let gone = store.forget(&lock, "secret").unwrap();
    assert_eq!(gone.len(), 1);
    for path in [store.journal_path(), store.backup_path()] {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            !text.contains("secret"),
            "{} still holds it",
            path.display()
        );
        assert!(text.contains("keep"));
    }
    assert!(store.forget(&lock, "secret").unwrap().is_empty());
}

// ---- drafts --------------------------------------------------------------------

#[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
struct Draft {
    step: u32,
    note: String,
}

#[test]
fn a_draft_round_trips_and_can_be_removed() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    assert_eq!(store.read_draft::<Draft>().unwrap(), None);
    let lock = store.lock().unwrap();
    let draft = Draft {
        step: 3,
        note: "half a thought 💬".to_string(),
    };
    store.write_draft(&lock, &draft).unwrap();
    store.write_draft(&lock, &draft).unwrap();
    assert_eq!(store.read_draft::<Draft>().unwrap(), Some(draft));
    assert!(!store.journal_path().exists(), "a draft is not the journal");
    store.remove_draft(&lock).unwrap();
    assert_eq!(store.read_draft::<Draft>().unwrap(), None);
    store.remove_draft(&lock).unwrap();
}

#[test]
fn a_broken_draft_is_an_error_with_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    std::fs::write(store.draft_path(), "{\n  \"step\": \"three\"\n}").unwrap();
    let err = store.read_draft::<Draft>().unwrap_err();
    let message = err.to_string();
    let at = format!("{}:2:", store.draft_path().display());
    assert!(message.starts_with(&at), "{message}");
}

// ---- privacy -------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn journal_backup_draft_and_folder_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;

    let root = tempfile::tempdir().unwrap();
    let store = Store::new(root.path().join("new").join("data"));
    let lock = store.lock().unwrap();
    store
        .save(
            &lock,
            &journal(vec![session("a", "2026-11-26T20:01:00+01:00")]),
        )
        .unwrap();
    store
        .append_session(&lock, session("b", "2026-11-27T20:01:00+01:00"))
        .unwrap();
    store
        .write_draft(
            &lock,
            &Draft {
                step: 1,
                note: String::new(),
            },
        )
        .unwrap();

    assert_eq!(mode(store.dir()), 0o700);
    for path in [
        store.journal_path(),
        store.backup_path(),
        store.draft_path(),
        store.lock_path(),
    ] {
        assert_eq!(mode(&path), 0o600, "{}", path.display());
    }
}

#[cfg(unix)]
#[test]
fn a_shared_journal_becomes_private_when_rewritten() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    std::fs::write(
        store.journal_path(),
        serde_json::to_vec(&Journal::default()).unwrap(),
    )
    .unwrap();
    std::fs::set_permissions(store.journal_path(), std::fs::Permissions::from_mode(0o644)).unwrap();
    let lock = store.lock().unwrap();
    store
        .append_session(&lock, session("a", "2026-11-26T20:01:00+01:00"))
        .unwrap();
    for path in [store.journal_path(), store.backup_path()] {
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", path.display());
    }
}

#[test]
fn a_save_from_a_journal_read_earlier_keeps_what_another_wrote_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let lock = store.lock().unwrap();
    store
        .save(
            &lock,
            &journal(vec![session("a", "2026-11-01T20:00:00+01:00")]),
        )
        .unwrap();
    drop(lock);
    // A TUI reads the journal when it starts ...
    let (loaded, mut seen) = store.load_seen().unwrap();
    let mut held = loaded.journal;
    // ... then, before its talk, another heard merges a talk in.
    let lock = store.lock().unwrap();
    store
        .append_session(&lock, session("b", "2026-11-02T20:00:00+01:00"))
        .unwrap();
    drop(lock);
    // The talk is saved from the journal read earlier: nothing may be lost.
    let lock = store.lock().unwrap();
    store
        .append_seen(
            &lock,
            &mut held,
            &mut seen,
            session("c", "2026-11-03T20:00:00+01:00"),
        )
        .unwrap();
    let ids: Vec<String> = store
        .load()
        .unwrap()
        .journal
        .sessions
        .iter()
        .map(|s| s.id.clone())
        .collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(held.sessions.len(), 3, "what is held follows the file");
    // Unchanged since: the next save writes from memory and keeps the backup as ever.
    store
        .append_seen(
            &lock,
            &mut held,
            &mut seen,
            session("d", "2026-11-04T20:00:00+01:00"),
        )
        .unwrap();
    assert_eq!(store.load().unwrap().journal.sessions.len(), 4);
    let backup: Journal =
        serde_json::from_slice(&std::fs::read(store.backup_path()).unwrap()).unwrap();
    assert_eq!(backup.sessions.len(), 3);
}

#[test]
fn a_journal_first_written_by_a_talk_is_saved_whole() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let (loaded, mut seen) = store.load_seen().unwrap();
    let mut held = loaded.journal;
    let lock = store.lock().unwrap();
    store
        .append_seen(
            &lock,
            &mut held,
            &mut seen,
            session("a", "2026-11-01T20:00:00+01:00"),
        )
        .unwrap();
    assert_eq!(store.load().unwrap().journal.sessions.len(), 1);
    assert!(
        !store.backup_path().exists(),
        "nothing to back up the first time"
    );
}

#[test]
fn a_talk_already_in_the_journal_is_never_added_twice() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let lock = store.lock().unwrap();
    let (loaded, mut seen) = store.load_seen().unwrap();
    let mut held = loaded.journal;
    let talk = session("same", "2026-11-01T20:00:00+01:00");
    store
        .append_seen(&lock, &mut held, &mut seen, talk.clone())
        .unwrap();
    let written = std::fs::read(store.journal_path()).unwrap();
    // Again from the journal held (a retry) ...
    store
        .append_seen(&lock, &mut held, &mut seen, talk.clone())
        .unwrap();
    assert_eq!(
        std::fs::read(store.journal_path()).unwrap(),
        written,
        "nothing written"
    );
    // ... and from a journal read before it was saved (another window's).
    let mut stale = Journal::default();
    let mut stale_seen = None;
    store
        .append_seen(&lock, &mut stale, &mut stale_seen, talk)
        .unwrap();
    let sessions = store.load().unwrap().journal.sessions;
    assert_eq!(
        sessions.len(),
        1,
        "one talk, one entry: the stats count it once"
    );
    assert_eq!(stale.sessions.len(), 1, "what is held follows the file");
}

// ---- values the format allows ----------------------------------------------------

/// A journal of one talk with `field` set to `value` (a session field when `in_turn` is
/// false, else the turn's), written to `dir`.
fn journal_with(dir: &Path, field: &str, value: &str, in_turn: bool) -> String {
    let (session_field, turn_field) = if in_turn {
        (String::new(), format!(",\n        \"{field}\": {value}"))
    } else {
        (format!(",\n    \"{field}\": {value}"), String::new())
    };
    let text = format!(
        r#"{{
  "format": "heard-journal",
  "version": 1,
  "sessions": [{{
    "id": "a1",
    "mode": "couple",
    "started_at": "2026-11-19T20:01:00+01:00",
    "partners": ["Ana", "Ben"]{session_field},
    "turns": [{{
        "prompt_id": "p", "prompt": "P", "speaker": 0, "skipped": false{turn_field}
    }}]
  }}]
}}
"#
    );
    std::fs::write(dir.join("journal.json"), &text).unwrap();
    text
}

#[test]
fn a_rating_outside_its_scale_is_an_error_at_its_line_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let cases: &[(&str, &str, bool, u8)] = &[
        ("felt_heard", "{}", true, 5),
        ("felt_validated", "{}", true, 5),
        ("listener_guess", "{}", true, 5),
        ("clarity", "{}", true, 5),
        ("mood_before", "[3, {}]", false, 5),
        ("mood_after", "[{}, null]", false, 5),
        ("closeness", "[{}, 4]", false, 7),
    ];
    for &(field, shape, in_turn, max) in cases {
        let too_big = (max + 1).to_string();
        for bad in ["0", too_big.as_str(), "255", "300", "-1", "2.5"] {
            let text = journal_with(dir.path(), field, &shape.replace("{}", bad), in_turn);
            let err = store.load().expect_err(&format!("{field} = {bad} loaded"));
            let message = err.to_string();
            let line = text.lines().position(|l| l.contains(field)).unwrap() + 1;
            assert!(
                message.contains(&format!("journal.json:{line}:")),
                "{field} = {bad}: {message}"
            );
            assert!(message.contains(field), "{field} = {bad}: {message}");
            assert!(
                message.contains(&format!("1 to {max}")),
                "{field} = {bad}: {message}"
            );
            assert!(!message.contains('\n'), "one line: {message}");
        }
        for good in ["1", max.to_string().as_str(), "null"] {
            journal_with(dir.path(), field, &shape.replace("{}", good), in_turn);
            assert!(store.load().is_ok(), "{field} = {good} refused");
        }
    }
}
