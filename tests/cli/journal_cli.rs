//! `heard journal path | list | show | merge | repair | forget` run as a user would, and
//! the promise that a journal heard cannot read is never changed by any command.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::{heard, stderr, stdout};

use heard::journal::store::Store;
use serde_json::Value;

fn journal_path(root: &Path) -> PathBuf {
    root.join("data").join("journal.json")
}

fn backup_path(root: &Path) -> PathBuf {
    root.join("data").join("journal.json.bak")
}

fn write_journal(root: &Path, text: &str) -> PathBuf {
    let path = journal_path(root);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

fn read_value(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn ids(path: &Path) -> Vec<String> {
    read_value(path)["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect()
}

/// A couple talk with one answered and one passed turn, and an unfinished solo
/// reflection a week earlier, with fields heard does not know on every level.
const HAND_MADE: &str = r#"{
  "format": "heard-journal",
  "version": 1,
  "household": "the blue house",
  "sessions": [
    {
      "id": "0b4f6d1e-3c1a-4f7e-9a43-6a4e2c9d8b10",
      "mode": "couple",
      "started_at": "2026-11-26T20:01:00+01:00",
      "ended_at": "2026-11-26T20:41:00+01:00",
      "completed": true,
      "deck_id": "rekindle",
      "partners": ["Ana", "Ben"],
      "mood_before": [3, null],
      "mood_after": [4, 5],
      "closeness": [5, 6],
      "candle": "lit",
      "turns": [
        {
          "prompt_id": "first-noticed",
          "prompt": "What did you notice about me early on that you still see today?",
          "speaker": 0,
          "felt_heard": 4,
          "felt_validated": 5,
          "listener_guess": 3,
          "seconds": 170,
          "skipped": false,
          "note": "the way you laugh\nat your own jokes",
          "tears": 0
        },
        {
          "prompt_id": "small-thing",
          "prompt": "What small thing made you feel close this week?",
          "speaker": 1,
          "felt_heard": null,
          "felt_validated": null,
          "seconds": null,
          "skipped": true
        }
      ]
    },
    {
      "id": "7c2a9e55-0000-4000-8000-000000000001",
      "mode": "solo",
      "started_at": "2026-11-19T09:05:00+01:00",
      "completed": false,
      "deck_id": "before-the-talk",
      "partners": ["Ana"],
      "mood_before": [2],
      "mood_after": [4],
      "topic": "Sundays with my family",
      "bring_to_talk": true,
      "turns": [
        {
          "prompt_id": "what-weighs",
          "prompt": "What has been weighing on you?",
          "speaker": 0,
          "clarity": 2,
          "bring_to_talk": true,
          "seconds": 45,
          "skipped": false
        }
      ]
    }
  ]
}
"#;

fn session_json(id: &str, start: &str, end: Option<&str>, deck: &str) -> String {
    let end = end.map_or("null".to_string(), |e| format!("\"{e}\""));
    format!(
        r#"{{"id": "{id}", "mode": "couple", "started_at": "{start}", "ended_at": {end},
           "completed": true, "deck_id": "{deck}", "partners": ["Ana", "Ben"],
           "turns": [{{"prompt": "p", "speaker": 0, "felt_heard": 4, "skipped": false, "shade": "teal"}}],
           "their_field": {{"kept": true}}}}"#
    )
}

fn journal_of(sessions: &[String]) -> String {
    format!(
        "{{\"format\": \"heard-journal\", \"version\": 1, \"sync\": \"laptop\", \"sessions\": [{}]}}\n",
        sessions.join(",\n")
    )
}

// ---- path, list, show ------------------------------------------------------------

#[test]
fn path_prints_where_the_journal_is() {
    let dir = tempfile::tempdir().unwrap();
    let out = heard(dir.path(), &["journal", "path"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out).trim_end(),
        journal_path(dir.path()).display().to_string()
    );
}

#[test]
fn list_shows_one_row_per_talk_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    write_journal(dir.path(), HAND_MADE);
    let out = heard(dir.path(), &["journal", "list"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let solo = text
        .lines()
        .position(|l| l.starts_with("7c2a9e55"))
        .expect(&text);
    let couple = text
        .lines()
        .position(|l| l.starts_with("0b4f6d1e"))
        .expect(&text);
    assert!(couple < solo, "newest first, as Look back:\n{text}");
    let couple_row = text.lines().nth(couple).unwrap();
    for part in [
        "Thu 26 Nov 2026 20:01",
        "couple",
        "rekindle",
        "Ana",
        "Ben",
        "1/2",
        "finished",
    ] {
        assert!(
            couple_row.contains(part),
            "{part} missing from {couple_row:?}"
        );
    }
    assert!(!couple_row.contains("unfinished"), "{couple_row}");
    let solo_row = text.lines().nth(solo).unwrap();
    for part in [
        "Thu 19 Nov 2026 09:05",
        "solo",
        "before-the-talk",
        "unfinished",
    ] {
        assert!(solo_row.contains(part), "{part} missing from {solo_row:?}");
    }
    // That it happened, not how it went: it is Ana's alone.
    for private in ["1/1", "+2"] {
        assert!(!solo_row.contains(private), "{private} in {solo_row:?}");
    }
    assert!(
        !text.contains("0b4f6d1e-3c1a"),
        "ids are shortened in the table:\n{text}"
    );
}

#[test]
fn list_of_an_empty_journal_says_so_kindly() {
    let dir = tempfile::tempdir().unwrap();
    let out = heard(dir.path(), &["journal", "list"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("No talks yet"), "{}", stdout(&out));
    assert!(!journal_path(dir.path()).exists(), "listing writes nothing");
}

#[test]
fn list_since_uses_the_local_date_as_written() {
    let dir = tempfile::tempdir().unwrap();
    // 00:30 on the 26th in Berlin is still the 25th in UTC: it counts as the 26th.
    write_journal(
        dir.path(),
        &journal_of(&[
            session_json("aaaa1111", "2026-11-25T23:59:00+01:00", None, "before"),
            session_json("bbbb2222", "2026-11-26T00:30:00+01:00", None, "after"),
        ]),
    );
    let out = heard(
        dir.path(),
        &["journal", "list", "--since", "2026-11-26", "--json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let list: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["bbbb2222"]);
}

#[test]
fn list_json_summarises_each_talk() {
    let dir = tempfile::tempdir().unwrap();
    write_journal(dir.path(), HAND_MADE);
    let out = heard(dir.path(), &["journal", "list", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.ends_with("}\n]\n") || text.ends_with("]\n"),
        "ends with a newline"
    );
    let list: Value = serde_json::from_str(&text).unwrap();
    // Newest first, as the table and Look back.
    let couple = &list[0];
    assert_eq!(couple["id"], "0b4f6d1e-3c1a-4f7e-9a43-6a4e2c9d8b10");
    assert_eq!(couple["started_at"], "2026-11-26T20:01:00+01:00");
    assert_eq!(couple["ended_at"], "2026-11-26T20:41:00+01:00");
    assert_eq!(couple["mode"], "couple");
    assert_eq!(couple["deck_id"], "rekindle");
    assert_eq!(couple["partners"], serde_json::json!(["Ana", "Ben"]));
    assert_eq!(couple["completed"], true);
    assert_eq!(couple["turns"], 2);
    assert_eq!(couple["answered"], 1);
    assert_eq!(list[1]["ended_at"], Value::Null);
    assert_eq!(list[1]["completed"], false);
}

#[test]
fn show_tells_every_turn() {
    let dir = tempfile::tempdir().unwrap();
    write_journal(dir.path(), HAND_MADE);
    let out = heard(dir.path(), &["journal", "show", "0b4f"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for part in [
        "0b4f6d1e-3c1a-4f7e-9a43-6a4e2c9d8b10",
        "Thu 26 Nov 2026 20:01",
        "rekindle",
        "What did you notice about me early on that you still see today?",
        "What small thing made you feel close this week?",
        "felt heard 4/5",
        "felt validated 5/5",
        "guess 3/5",
        "2 min 50 s",
        "(passed)",
        "Ana wrote a note",
    ] {
        assert!(
            text.to_lowercase().contains(&part.to_lowercase()),
            "{part:?} missing:\n{text}"
        );
    }
    // Moods and closeness side by side: a column for Ana, then one for Ben.
    let row = |label: &str| -> String {
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("{label} missing:\n{text}"));
        line.trim_start()[label.len()..]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(
        text.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["Ana", "Ben"]),
        "{text}"
    );
    assert_eq!(row("Mood before"), "3/5 not given");
    assert!(row("Mood after").ends_with("5/5"), "{text}");
    assert_eq!(row("Closeness"), "5/7 6/7");
    // Ana spoke first, Ben second.
    let ana = text.find("1. Ana").expect(&text);
    let ben = text.find("2. Ben").expect(&text);
    assert!(ana < ben);

    // A shared view: the note's words are Ana's.
    assert!(!text.contains("the way you laugh"), "{text}");

    let out = heard(
        dir.path(),
        &["journal", "show", "7c2a", "--notes-of", "Ana"],
    );
    let text = stdout(&out).to_lowercase();
    assert!(
        text.contains("clarity 2/5") && text.contains("bring to the next talk"),
        "{text}"
    );
    assert!(text.contains("45 s"), "{text}");
}

#[test]
fn show_keeps_each_persons_private_text_to_them() {
    let dir = tempfile::tempdir().unwrap();
    write_journal(dir.path(), HAND_MADE);
    // Without --notes-of: that a note and a reflection were written, never their words.
    let shared = stdout(&heard(dir.path(), &["journal", "show", "0b4f"]));
    assert!(shared.contains("Ana wrote a note"), "{shared}");
    assert!(!shared.contains("the way you laugh"), "{shared}");
    let reflection = stdout(&heard(dir.path(), &["journal", "show", "7c2a"]));
    assert!(
        reflection.contains("Ana wrote a reflection"),
        "{reflection}"
    );
    assert!(reflection.contains("before-the-talk"), "{reflection}");
    for private in [
        "What has been weighing",
        "Sundays with my family",
        "clarity",
        "bring to the next talk",
    ] {
        assert!(
            !reflection.to_lowercase().contains(&private.to_lowercase()),
            "{reflection}"
        );
    }
    // Ana's own, asked for by her name however it is typed.
    let out = heard(
        dir.path(),
        &["journal", "show", "0b4f", "--notes-of", " ana "],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ana = stdout(&out);
    assert!(
        ana.contains("the way you laugh") && ana.contains("at your own jokes"),
        "{ana}"
    );
    // Ben opens his: Ana's note stays hers.
    let ben = stdout(&heard(
        dir.path(),
        &["journal", "show", "0b4f", "--notes-of", "BEN"],
    ));
    assert!(!ben.contains("the way you laugh"), "{ben}");
    assert!(ben.contains("Ana wrote a note"), "{ben}");
    let ben = stdout(&heard(
        dir.path(),
        &["journal", "show", "7c2a", "--notes-of", "Ben"],
    ));
    assert!(!ben.to_lowercase().contains("clarity"), "{ben}");
    assert!(!ben.contains("Sundays"), "{ben}");
    // Ana opens her reflection: its topic with it.
    let ana = stdout(&heard(
        dir.path(),
        &["journal", "show", "7c2a", "--notes-of", "Ana"],
    ));
    assert!(ana.contains("Preparing: Sundays with my family"), "{ana}");
    // The JSON keeps the same promise.
    let json: Value = serde_json::from_str(&stdout(&heard(
        dir.path(),
        &["journal", "show", "0b4f", "--json"],
    )))
    .unwrap();
    assert_eq!(json["turns"][0].get("note"), None);
    assert_eq!(json["turns"][0]["note_written"], true);
    let json: Value = serde_json::from_str(&stdout(&heard(
        dir.path(),
        &["journal", "show", "7c2a", "--json"],
    )))
    .unwrap();
    assert_eq!(json.get("turns"), None);
    assert_eq!(
        json.get("topic"),
        None,
        "a reflection's topic is its writer's"
    );
    assert_eq!(json["reflection_written"], true);
}

#[test]
fn show_notes_of_someone_not_in_the_journal_is_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    write_journal(dir.path(), HAND_MADE);
    let out = heard(
        dir.path(),
        &["journal", "show", "0b4f", "--notes-of", "Sam"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("\"Sam\"") && err.contains("Ana, Ben"), "{err}");
}

#[test]
fn show_json_is_the_session_as_stored() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_journal(dir.path(), HAND_MADE);
    // Every private field in this journal is Ana's, so opened for her it is all there.
    for (prefix, index) in [("0b4f6d1e-3c1a-4f7e-9a43-6a4e2c9d8b10", 0), ("7c", 1)] {
        let out = heard(
            dir.path(),
            &["journal", "show", prefix, "--json", "--notes-of", "Ana"],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let shown: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(shown, read_value(&path)["sessions"][index]);
    }
}

#[test]
fn an_ambiguous_or_unknown_id_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let text = journal_of(&[
        session_json("0b4f0000-aaaa", "2026-11-25T20:00:00+01:00", None, "one"),
        session_json("0b4f1111-bbbb", "2026-11-26T20:00:00+01:00", None, "two"),
    ]);
    let path = write_journal(dir.path(), &text);
    for command in ["show", "forget"] {
        let out = heard(
            dir.path(),
            &["journal", command, "0b4f", "--yes"][..3 + usize::from(command == "forget")],
        );
        assert_eq!(out.status.code(), Some(1), "{command}");
        let err = stderr(&out);
        assert!(
            err.contains("0b4f0000-aaaa") && err.contains("0b4f1111-bbbb"),
            "{err}"
        );
        assert!(out.stdout.is_empty());

        let out = heard(
            dir.path(),
            &["journal", command, "ffff", "--yes"][..3 + usize::from(command == "forget")],
        );
        assert_eq!(out.status.code(), Some(1), "{command}");
        assert!(stderr(&out).contains("ffff"), "{}", stderr(&out));
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    assert!(!backup_path(dir.path()).exists());
}

#[test]
fn escape_sequences_in_a_journal_never_reach_the_screen_raw() {
    let dir = tempfile::tempdir().unwrap();
    let nasty = r"\u001b[2J\u001b]0;owned\u0007\u009b31m\u202e";
    let text = format!(
        r#"{{"format": "heard-journal", "version": 1, "sessions": [{{
            "id": "e5c0ffee{nasty}", "mode": "couple{nasty}", "started_at": "2026-11-26T20:01:00+01:00",
            "deck_id": "deck{nasty}", "partners": ["Ana{nasty}", "Ben"],
            "turns": [{{"prompt_id": "p{nasty}", "prompt": "Say {nasty} this", "speaker": 0,
                       "felt_heard": 3, "skipped": false, "note": "note\n{nasty}"}}]}}]}}"#
    );
    let path = write_journal(dir.path(), &text);
    for args in [
        &["journal", "list"][..],
        &["journal", "list", "--json"],
        &["journal", "show", "e5c0"],
        &["journal", "show", "e5c0", "--json"],
    ] {
        let out = heard(dir.path(), args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let shown = stdout(&out);
        for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
            assert!(
                !shown.contains(bad),
                "{args:?} printed {bad:?} raw:\n{shown:?}"
            );
        }
    }
    // The JSON still carries the exact text, escaped.
    let out = heard(dir.path(), &["journal", "show", "e5c0", "--json"]);
    let shown: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let mut stored = read_value(&path)["sessions"][0].clone();
    // Its mode is no word heard knows, so it is kept whole to its writer, as a reflection
    // alone is: a shared view says that it was written.
    let talk = stored.as_object_mut().unwrap();
    talk.remove("turns");
    talk.insert("reflection_written".to_string(), Value::Bool(true));
    assert_eq!(shown, stored);
    // And an error quoting the id does not print it raw either.
    let out = heard(dir.path(), &["journal", "show", "e5c0ffee\u{1b}"]);
    assert!(!stderr(&out).contains('\u{1b}'), "{:?}", stderr(&out));
}

// ---- a journal heard cannot read is never changed ---------------------------------

/// Run every journal command against the journal in `root`; returns (command, output).
fn every_command(root: &Path, other: &Path) -> Vec<(String, Output)> {
    let other = other.to_string_lossy().to_string();
    let commands: Vec<Vec<&str>> = vec![
        vec!["journal", "list"],
        vec!["journal", "list", "--json"],
        vec!["journal", "show", "0b4f"],
        vec!["journal", "show", "0b4f", "--json"],
        vec!["journal", "stats"],
        vec!["journal", "stats", "--json"],
        vec!["journal", "export", "--format", "json"],
        vec!["journal", "export", "--format", "csv"],
        vec!["journal", "export", "--format", "md"],
        vec!["journal", "merge", &other],
        vec!["journal", "forget", "0b4f", "--yes"],
    ];
    commands
        .into_iter()
        .map(|args| (args.join(" "), heard(root, &args)))
        .collect()
}

#[test]
fn a_journal_that_does_not_parse_is_left_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    // A missing comma at the end of line 4, noticed at line 5 column 3.
    let text = "{\n  \"format\": \"heard-journal\",\n  \"version\": 1,\n  \"household\": \"x\"\n  \"sessions\": []\n}\n";
    let path = write_journal(dir.path(), text);
    let other = dir.path().join("other.json");
    std::fs::write(&other, HAND_MADE).unwrap();
    let at = format!("{}:5:3:", path.display());

    for (command, out) in every_command(dir.path(), &other) {
        assert_eq!(out.status.code(), Some(1), "{command}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(&at), "{command}: {err}");
        assert!(err.contains("heard journal repair"), "{command}: {err}");
        assert!(!err.contains("panicked"), "{command}: {err}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            text,
            "{command} changed it"
        );
    }
    assert!(!backup_path(dir.path()).exists());
}

#[test]
fn a_file_that_is_not_a_heard_journal_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let text = "{\n  \"format\": \"todo-list\",\n  \"items\": [\"milk\"]\n}\n";
    let path = write_journal(dir.path(), text);
    let other = dir.path().join("other.json");
    std::fs::write(&other, HAND_MADE).unwrap();
    let at = format!("{}:2:13:", path.display());
    for (command, out) in every_command(dir.path(), &other) {
        assert_eq!(out.status.code(), Some(1), "{command}");
        assert!(stderr(&out).contains(&at), "{command}: {}", stderr(&out));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            text,
            "{command} changed it"
        );
    }
}

#[test]
fn a_newer_journal_is_read_but_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let text = HAND_MADE.replace("\"version\": 1", "\"version\": 2");
    let path = write_journal(dir.path(), &text);
    let other = dir.path().join("other.json");
    std::fs::write(
        &other,
        journal_of(&[session_json("new1", "2026-12-01T20:00:00+01:00", None, "x")]),
    )
    .unwrap();
    for (command, out) in every_command(dir.path(), &other) {
        if command.contains("merge") || command.contains("forget") {
            assert_eq!(out.status.code(), Some(1), "{command}");
            let err = stderr(&out);
            assert!(err.contains("newer heard (version 2)"), "{command}: {err}");
            assert!(
                err.contains(&format!("{}:3:", path.display())),
                "{command}: {err}"
            );
        } else {
            assert_eq!(out.status.code(), Some(0), "{command}: {}", stderr(&out));
        }
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            text,
            "{command} changed it"
        );
    }
    let out = heard(dir.path(), &["journal", "repair"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Nothing was changed"),
        "{}",
        stdout(&out)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_newer_journal_heard_cannot_read_is_named_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let text = "{\n  \"format\": \"heard-journal\",\n  \"version\": 2,\n  \"sessions\": {\"by_year\": {}}\n}\n";
    let path = write_journal(dir.path(), text);
    let other = dir.path().join("other.json");
    std::fs::write(&other, HAND_MADE).unwrap();
    let mut outputs = every_command(dir.path(), &other);
    outputs.push((
        "journal repair".to_string(),
        heard(dir.path(), &["journal", "repair"]),
    ));
    for (command, out) in outputs {
        assert_eq!(out.status.code(), Some(1), "{command}");
        let err = stderr(&out);
        assert!(err.contains("newer heard (version 2)"), "{command}: {err}");
        assert!(
            err.contains(&format!("{}:4:", path.display())),
            "{command}: {err}"
        );
        assert!(
            !err.contains("heard journal repair"),
            "repair cannot help: {err}"
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            text,
            "{command} changed it"
        );
    }
    let names: Vec<_> = std::fs::read_dir(dir.path().join("data"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("corrupt"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

// ---- repair --------------------------------------------------------------------

fn corrupt_copies(root: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(root.join("data"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("journal.json.corrupt-")
        })
        .collect();
    found.sort();
    found
}

#[test]
fn repair_sets_the_corrupt_journal_aside_and_restores_the_backup() {
    let dir = tempfile::tempdir().unwrap();
    write_journal(dir.path(), HAND_MADE);
    std::fs::copy(journal_path(dir.path()), backup_path(dir.path())).unwrap();
    let broken =
        b"{\"format\": \"heard-journal\", \"version\": 1, \"sessions\": [{\"id\": ".to_vec();
    std::fs::write(journal_path(dir.path()), &broken).unwrap();

    let out = Command::new(env!("CARGO_BIN_EXE_heard"))
        .args(["--data-dir", &dir.path().join("data").to_string_lossy()])
        .args(["journal", "repair"])
        .env_remove("HEARD_DATA_DIR")
        .env_remove("HEARD_CONFIG_DIR")
        .env("HEARD_NOW", "2026-11-27T08:15:30+01:00")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let copy = dir
        .path()
        .join("data")
        .join("journal.json.corrupt-20261127-081530");
    assert_eq!(
        std::fs::read(&copy).unwrap(),
        broken,
        "the corrupt journal is kept as it was"
    );
    let said = stdout(&out);
    assert!(said.contains(&copy.display().to_string()), "{said}");
    assert!(said.contains("2 talks"), "{said}");
    assert_eq!(
        std::fs::read_to_string(journal_path(dir.path())).unwrap(),
        HAND_MADE
    );

    // Now it reads: a second repair changes nothing.
    let out = heard(dir.path(), &["journal", "repair"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("reads fine"), "{}", stdout(&out));
    assert_eq!(corrupt_copies(dir.path()).len(), 1);
    assert_eq!(
        std::fs::read_to_string(journal_path(dir.path())).unwrap(),
        HAND_MADE
    );
}

#[test]
fn repair_without_a_usable_backup_starts_an_empty_journal() {
    for backup in [None, Some("not json either")] {
        let dir = tempfile::tempdir().unwrap();
        let broken = "[1, 2, 3]";
        write_journal(dir.path(), broken);
        if let Some(text) = backup {
            std::fs::write(backup_path(dir.path()), text).unwrap();
        }
        let out = heard(dir.path(), &["journal", "repair"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let said = stdout(&out);
        assert!(said.contains("empty journal"), "{said}");
        let copies = corrupt_copies(dir.path());
        assert_eq!(copies.len(), 1);
        assert_eq!(std::fs::read_to_string(&copies[0]).unwrap(), broken);
        assert!(said.contains(&copies[0].display().to_string()), "{said}");
        assert!(ids(&journal_path(dir.path())).is_empty());
        if let Some(text) = backup {
            assert_eq!(
                std::fs::read_to_string(backup_path(dir.path())).unwrap(),
                text
            );
        }
        let out = heard(dir.path(), &["journal", "list"]);
        assert_eq!(out.status.code(), Some(0));
    }
}

#[test]
fn repair_of_a_journal_that_reads_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_journal(dir.path(), HAND_MADE);
    let out = heard(dir.path(), &["journal", "repair"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("reads fine"), "{}", stdout(&out));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), HAND_MADE);
    assert!(corrupt_copies(dir.path()).is_empty());
    assert!(!backup_path(dir.path()).exists());
}

// ---- one writer at a time -------------------------------------------------------

#[test]
fn a_second_writer_is_told_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_journal(
        dir.path(),
        "{\"format\": \"heard-journal\", \"version\": 1, \"sessions\": [",
    );
    let store = Store::new(dir.path().join("data"));
    let other = dir.path().join("other.json");
    std::fs::write(&other, HAND_MADE).unwrap();

    let lock = store.lock().unwrap();
    let before = std::fs::read(&path).unwrap();
    for args in [
        vec!["journal", "merge", other.to_str().unwrap()],
        vec!["journal", "forget", "0b4f"],
        vec!["journal", "repair"],
    ] {
        let out = heard(dir.path(), &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert!(err.contains("another heard is writing"), "{args:?}: {err}");
        assert!(err.contains("try again"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "{args:?} wrote");
        assert!(corrupt_copies(dir.path()).is_empty());
    }
    drop(lock);
    // Once the other writer is done, repair goes ahead. A child that another test thread
    // forked while the lock was held keeps a copy of its descriptor until it execs, so
    // allow the lock a moment to be truly free.
    let mut out = heard(dir.path(), &["journal", "repair"]);
    for _ in 0..50 {
        if out.status.code() == Some(0) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        out = heard(dir.path(), &["journal", "repair"]);
    }
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

// ---- merge ---------------------------------------------------------------------

#[test]
fn merging_the_same_file_twice_adds_nothing_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_journal(
        dir.path(),
        &journal_of(&[session_json(
            "mine-1",
            "2026-11-20T20:00:00+01:00",
            None,
            "x",
        )]),
    );
    let other = dir.path().join("laptop.json");
    std::fs::write(
        &other,
        journal_of(&[
            session_json("theirs-2", "2026-11-27T20:00:00+01:00", None, "x"),
            session_json("theirs-1", "2026-11-10T20:00:00+01:00", None, "x"),
        ]),
    )
    .unwrap();
    let out = heard(dir.path(), &["journal", "merge", other.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("2 talks added"), "{}", stdout(&out));
    assert_eq!(ids(&path), ["theirs-1", "mine-1", "theirs-2"]);
    let once = std::fs::read(&path).unwrap();
    let backup_once = std::fs::read(backup_path(dir.path())).unwrap();

    let out = heard(dir.path(), &["journal", "merge", other.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).to_lowercase().contains("nothing new to add"),
        "{}",
        stdout(&out)
    );
    assert_eq!(std::fs::read(&path).unwrap(), once);
    assert_eq!(
        std::fs::read(backup_path(dir.path())).unwrap(),
        backup_once,
        "nothing written"
    );

    // Unknown fields of both files survive, on every level.
    let merged = read_value(&path);
    assert_eq!(merged["sync"], "laptop");
    for session in merged["sessions"].as_array().unwrap() {
        assert_eq!(session["their_field"]["kept"], true);
        assert_eq!(session["turns"][0]["shade"], "teal");
    }
}

#[test]
fn a_talk_in_both_journals_keeps_the_copy_that_ended_later() {
    let dir = tempfile::tempdir().unwrap();
    let start = "2026-11-26T20:00:00+01:00";
    let path = write_journal(
        dir.path(),
        &journal_of(&[
            session_json(
                "aaaa-later-there",
                start,
                Some("2026-11-26T20:30:00+01:00"),
                "ours",
            ),
            session_json(
                "bbbb-later-here",
                start,
                Some("2026-11-26T21:30:00+01:00"),
                "ours",
            ),
            session_json(
                "cccc-same-end",
                start,
                Some("2026-11-26T20:30:00+01:00"),
                "ours",
            ),
        ]),
    );
    let other = dir.path().join("other.json");
    std::fs::write(
        &other,
        journal_of(&[
            // 20:00Z is 21:00 in +01:00: later than 20:30+01:00.
            session_json(
                "aaaa-later-there",
                start,
                Some("2026-11-26T20:00:00Z"),
                "theirs",
            ),
            session_json("bbbb-later-here", start, None, "theirs"),
            session_json(
                "cccc-same-end",
                start,
                Some("2026-11-26T19:30:00Z"),
                "theirs",
            ),
        ]),
    )
    .unwrap();
    let out = heard(dir.path(), &["journal", "merge", other.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let merged = read_value(&path);
    let decks: Vec<&str> = merged["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["deck_id"].as_str().unwrap())
        .collect();
    assert_eq!(decks, ["theirs", "ours", "ours"]);
    let said = stdout(&out);
    for id in ["aaaa-lat", "bbbb-lat", "cccc-sam"] {
        assert!(said.contains(id), "{id} not reported:\n{said}");
    }
    assert!(
        said.contains("1 replaced") && said.contains("2 kept"),
        "{said}"
    );
}

#[test]
fn merge_names_the_other_file_when_it_does_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_journal(dir.path(), HAND_MADE);
    let other = dir.path().join("broken.json");
    std::fs::write(&other, "{\n  \"format\": \"heard-journal\",\n  oops\n}").unwrap();
    let out = heard(dir.path(), &["journal", "merge", other.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!("{}:3:3:", other.display())),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), HAND_MADE);

    let out = heard(dir.path(), &["journal", "merge", "/no/such/journal.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("/no/such/journal.json"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn every_json_output_ends_with_a_newline() {
    let dir = tempfile::tempdir().unwrap();
    write_journal(dir.path(), HAND_MADE);
    for args in [
        &["journal", "list", "--json"][..],
        &["journal", "show", "0b4f", "--json"][..],
        &["journal", "stats", "--json"][..],
        &["journal", "export", "--format", "json"][..],
        &["decks", "list", "--json"][..],
    ] {
        let out = heard(dir.path(), args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(text.ends_with('\n'), "{args:?} ends without a newline");
        assert!(!text.ends_with("\n\n"), "{args:?} ends with a blank line");
        serde_json::from_str::<Value>(&text).expect("JSON");
    }
}

// ---- forget --------------------------------------------------------------------

#[test]
fn forget_without_a_terminal_and_without_yes_refuses_and_keeps_the_talk() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_journal(dir.path(), HAND_MADE);
    let before = std::fs::read(&path).unwrap();
    let out = heard(dir.path(), &["journal", "forget", "0b4f6d"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.contains("--yes"), "{err}");
    assert!(out.stdout.is_empty());
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing changed");
}

#[test]
fn forget_removes_a_talk_from_journal_and_backup_and_keeps_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_journal(dir.path(), HAND_MADE);
    std::fs::copy(&path, backup_path(dir.path())).unwrap();
    let out = heard(dir.path(), &["journal", "forget", "0b4f6d", "--yes"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for file in [path.clone(), backup_path(dir.path())] {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            !text.contains("0b4f6d1e"),
            "{} still has it",
            file.display()
        );
        assert!(
            !text.contains("the way you laugh"),
            "{} still has its note",
            file.display()
        );
        assert_eq!(ids(&file), ["7c2a9e55-0000-4000-8000-000000000001"]);
    }
    let kept = read_value(&path);
    assert_eq!(kept["household"], "the blue house");

    // Unknown fields of the talks left survive too.
    let text = journal_of(&[
        session_json("gone-1", "2026-11-20T20:00:00+01:00", None, "x"),
        session_json("stay-1", "2026-11-21T20:00:00+01:00", None, "x"),
    ]);
    write_journal(dir.path(), &text);
    let out = heard(dir.path(), &["journal", "forget", "gone", "--yes"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let kept = read_value(&path);
    assert_eq!(kept["sync"], "laptop");
    assert_eq!(kept["sessions"][0]["their_field"]["kept"], true);
    assert_eq!(kept["sessions"][0]["turns"][0]["shade"], "teal");
    assert_eq!(ids(&backup_path(dir.path())), ["stay-1"]);
}

#[cfg(unix)]
#[test]
fn files_written_by_the_commands_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.json");
    std::fs::write(&other, HAND_MADE).unwrap();
    // The data folder does not exist yet: merge creates it.
    let out = heard(dir.path(), &["journal", "merge", other.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = heard(dir.path(), &["journal", "forget", "7c2a", "--yes"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir.path().join("data")), 0o700);
    assert_eq!(mode(&journal_path(dir.path())), 0o600);
    assert_eq!(mode(&backup_path(dir.path())), 0o600);
}

#[test]
fn list_never_shows_a_note_or_a_reflections_words() {
    let dir = tempfile::tempdir().unwrap();
    write_journal(dir.path(), HAND_MADE);
    for args in [&["journal", "list"][..], &["journal", "list", "--json"]] {
        let out = heard(dir.path(), args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = stdout(&out);
        for private in ["the way you laugh", "What has been weighing", "clarity"] {
            assert!(
                !text.contains(private),
                "{args:?} shows {private:?}:\n{text}"
            );
        }
        // That the reflection happened, and whose it is, is shared.
        assert!(
            text.contains("before-the-talk") && text.contains("solo"),
            "{text}"
        );
    }
}
