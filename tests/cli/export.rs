//! `heard journal export`: CSV read back by a CSV reader, the Markdown report with and
//! without notes, JSON as stored, and writing to a private file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::DateTime;
use heard::journal::Journal;
use heard::journal::export::{to_csv, to_markdown};
use serde_json::{Value, json};

const HEADER: &str = "session_id,started_at,mode,deck_id,speaker,prompt_id,felt_heard,felt_validated,clarity,skipped,seconds";

/// The SPEC's header first and in order, then heard's own columns, before `note`.
const MORE: &str = "listener,listener_guess,speaker_mood_before,speaker_mood_after,speaker_closeness,listener_mood_before,listener_mood_after,listener_closeness,kind,felt_cared";

fn full_header() -> String {
    format!("{HEADER},{MORE}")
}

const COUPLE_NOTE: &str = "I said \"always\", then\nI took it back 🙈";
const SOLO_NOTE: &str = "Tell Ben, gently: the dishes, the move";

fn sample() -> Value {
    json!({
        "format": "heard-journal",
        "version": 1,
        "sessions": [
            {
                "id": "c0ffee00-0000-4000-8000-000000000001",
                "mode": "couple",
                "started_at": "2026-11-26T20:01:00+01:00",
                "ended_at": "2026-11-26T20:41:00+01:00",
                "completed": true,
                "deck_id": "rekindle",
                "partners": ["Ana, \"the\" 🌻", "Ben|Jo"],
                "mood_before": [3, 2],
                "mood_after": [4, 4],
                "closeness": [5, 6],
                "weather": "rain",
                "turns": [
                    {"prompt_id": "first-noticed", "prompt": "What, early on,\ndid you \"notice\"? 💬",
                     "speaker": 0, "felt_heard": 4, "felt_validated": 5, "listener_guess": 3,
                     "seconds": 170, "skipped": false, "note": COUPLE_NOTE},
                    {"prompt_id": "hard-week", "prompt": "What was hard this week?",
                     "speaker": 1, "felt_heard": null, "felt_validated": null,
                     "seconds": null, "skipped": true},
                    {"prompt_id": "ghost", "prompt": "Nobody's turn",
                     "speaker": 7, "felt_heard": 2, "skipped": false}
                ]
            },
            {
                "id": "c0ffee00-0000-4000-8000-000000000002",
                "mode": "solo",
                "started_at": "2026-11-20T07:15:00-05:00",
                "ended_at": null,
                "completed": true,
                "deck_id": "prepare",
                "partners": ["Ana, \"the\" 🌻"],
                "mood_before": [],
                "mood_after": [],
                "closeness": [],
                "turns": [
                    {"prompt_id": "bring", "prompt": "What do you want to bring up?",
                     "speaker": 0, "clarity": 4, "bring_to_talk": true, "seconds": 300,
                     "skipped": false, "note": SOLO_NOTE}
                ]
            }
        ]
    })
}

fn sample_journal() -> Journal {
    serde_json::from_value(sample()).unwrap()
}

fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn csv_has_one_row_per_turn_and_reads_back_exactly() {
    let text = to_csv(&sample_journal(), false);
    assert_eq!(text.lines().next().unwrap(), full_header());
    assert!(
        text.starts_with(&format!("{HEADER},")),
        "the SPEC's columns first"
    );
    let (header, rows) = read_csv(&text);
    assert_eq!(header.join(","), full_header());
    let id1 = "c0ffee00-0000-4000-8000-000000000001";
    let id2 = "c0ffee00-0000-4000-8000-000000000002";
    let at1 = "2026-11-26T20:01:00+01:00";
    let expected: Vec<Vec<&str>> = vec![
        vec![
            id1,
            at1,
            "couple",
            "rekindle",
            "Ana, \"the\" 🌻",
            "first-noticed",
            "4",
            "5",
            "",
            "false",
            "170",
            "Ben|Jo",
            "3",
            "3",
            "4",
            "5",
            "2",
            "4",
            "6",
            "prompts",
            "",
        ],
        // Skipped: ratings and seconds are null, so empty cells.
        vec![
            id1,
            at1,
            "couple",
            "rekindle",
            "Ben|Jo",
            "hard-week",
            "",
            "",
            "",
            "true",
            "",
            "Ana, \"the\" 🌻",
            "",
            "2",
            "4",
            "6",
            "3",
            "4",
            "5",
            "prompts",
            "",
        ],
        // Speaker 7 has no name: an empty cell; felt_validated absent: an empty cell.
        vec![
            id1, at1, "couple", "rekindle", "", "ghost", "2", "", "", "false", "", "", "", "", "",
            "", "", "", "", "prompts", "",
        ],
        // Solo: a reflection alone is its writer's, so without --with-notes only whose,
        // when and which deck; started_at exactly as written.
        vec![
            id2,
            "2026-11-20T07:15:00-05:00",
            "solo",
            "prepare",
            "Ana, \"the\" 🌻",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
    ];
    assert_eq!(rows, expected);
    // With --with-notes (everything, on purpose): clarity filled, the felt ratings empty.
    let (_, rows) = read_csv(&to_csv(&sample_journal(), true));
    assert_eq!(
        rows[3][5..11],
        ["bring", "", "", "4", "false", "300"].map(String::from)
    );
    assert!(!text.contains(SOLO_NOTE) && !text.contains("took it back"));
}

#[test]
fn csv_with_notes_adds_the_note_column_last() {
    let text = to_csv(&sample_journal(), true);
    let (header, rows) = read_csv(&text);
    assert_eq!(header.join(","), format!("{},note", full_header()));
    let notes: Vec<&str> = rows.iter().map(|r| r[21].as_str()).collect();
    assert_eq!(notes, [COUPLE_NOTE, "", "", SOLO_NOTE]);
    assert!(rows.iter().all(|r| r.len() == 22));
}

#[test]
fn csv_quotes_only_what_needs_quoting() {
    let text = to_csv(&sample_journal(), false);
    // The solo row has a comma and quotes in the name, nothing else special.
    let solo = text.lines().find(|l| l.contains("prepare")).unwrap();
    assert_eq!(
        solo,
        "c0ffee00-0000-4000-8000-000000000002,2026-11-20T07:15:00-05:00,solo,prepare,\"Ana, \"\"the\"\" 🌻\",,,,,,,,,,,,,,,,"
    );
    assert!(!text.contains('\r'));
}

fn now() -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-30T10:00:00+01:00").unwrap()
}

#[test]
fn markdown_leaves_notes_out_unless_asked() {
    let journal = sample_journal();
    let without = to_markdown(&journal, false, now());
    assert!(!without.contains("always"), "{without}");
    assert!(!without.contains("took it back"), "{without}");
    assert!(!without.contains("the dishes"), "{without}");

    let with = to_markdown(&journal, true, now());
    assert!(with.contains("I took it back 🙈"), "{with}");
    assert!(with.contains(SOLO_NOTE), "{with}");
}

#[test]
fn markdown_report_has_the_talks_table_and_each_turn() {
    let report = to_markdown(&sample_journal(), false, now());
    assert!(report.starts_with("# "), "{report}");
    // The period runs from the solo reflection to the couple talk.
    assert!(report.contains("20 Nov 2026 to 26 Nov 2026"), "{report}");
    // The stats in words: one couple talk, felt heard (4 + 2) / 2.
    assert!(report.contains("Felt heard: 3.0 on average"), "{report}");
    assert!(report.contains("Closeness: 5.5 of 7"), "{report}");

    let rows: Vec<&str> = report.lines().filter(|l| l.starts_with('|')).collect();
    // Header, divider, two talks.
    assert_eq!(rows.len(), 4, "{report}");
    for row in &rows {
        // Eight columns: nine pipes that are not escaped, whatever the names hold.
        let bars = row
            .match_indices('|')
            .filter(|(i, _)| !row[..*i].ends_with('\\'))
            .count();
        assert_eq!(bars, 9, "{row}");
    }
    let talk = rows[2];
    assert!(talk.contains("Ben\\|Jo"), "{talk}");
    assert!(talk.contains("3 → 4"), "{talk}");
    // The prompt's line break does not split anything.
    assert!(
        report.contains("What, early on, did you \"notice\"? 💬"),
        "{report}"
    );
    assert!(
        report.contains("felt heard 4, felt validated 5"),
        "{report}"
    );
    // A reflection alone: that it happened, not what it says or how clear it was.
    assert!(report.contains("wrote a reflection"), "{report}");
    assert!(!report.contains("clarity 4"), "{report}");
    let with = to_markdown(&sample_journal(), true, now());
    assert!(with.contains("clarity 4"), "{with}");
}

#[test]
fn markdown_without_notes_says_who_wrote_a_note_never_its_words() {
    let report = to_markdown(&sample_journal(), false, now());
    assert!(report.contains("Ana, \"the\" 🌻 wrote a note"), "{report}");
    assert!(
        report.contains("Ana, \"the\" 🌻 wrote a reflection"),
        "{report}"
    );
    for private in ["took it back", "the dishes", "bring"] {
        assert!(!report.contains(private), "{private} in {report}");
    }
}

#[test]
fn markdown_strips_control_characters() {
    let mut value = sample();
    value["sessions"][0]["partners"][0] = json!("An\u{1b}[2Ja");
    value["sessions"][0]["turns"][0]["prompt"] = json!("Bell\u{7} and \u{202e}flip");
    let report = to_markdown(&serde_json::from_value(value).unwrap(), true, now());
    assert!(
        !report.chars().any(|c| c.is_control() && c != '\n'),
        "{report:?}"
    );
    assert!(!report.contains('\u{202e}'));
    assert!(report.contains("An[2Ja"), "{report}");
}

// ---- through the real binary ----

fn heard(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_heard"))
        .env_remove("HEARD_DATA_DIR")
        .env_remove("HEARD_CONFIG_DIR")
        .env_remove("NO_COLOR")
        .env("HEARD_NOW", "2026-11-30T10:00:00+01:00")
        .arg("--data-dir")
        .arg(root.join("data"))
        .arg("--config-dir")
        .arg(root.join("config"))
        .args(args)
        .output()
        .expect("run heard")
}

fn write_journal(root: &Path, bytes: &[u8]) -> PathBuf {
    let data = root.join("data");
    std::fs::create_dir_all(&data).unwrap();
    let path = data.join("journal.json");
    std::fs::write(&path, bytes).unwrap();
    path
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn cli_csv_export_to_stdout_with_and_without_notes() {
    let dir = tempfile::tempdir().unwrap();
    write_journal(dir.path(), sample().to_string().as_bytes());
    let plain = stdout(&heard(
        dir.path(),
        &["journal", "export", "--format", "csv"],
    ));
    let (header, rows) = read_csv(&plain);
    assert_eq!(header.join(","), full_header());
    assert_eq!(rows.len(), 4);
    assert!(!plain.contains("dishes"));

    let noted = stdout(&heard(
        dir.path(),
        &["journal", "export", "--format", "csv", "--with-notes"],
    ));
    let (header, rows) = read_csv(&noted);
    assert_eq!(header.last().unwrap(), "note");
    assert_eq!(rows[0][21], COUPLE_NOTE);
}

#[test]
fn cli_json_export_is_the_whole_journal_as_stored() {
    let dir = tempfile::tempdir().unwrap();
    write_journal(dir.path(), sample().to_string().as_bytes());
    let text = stdout(&heard(
        dir.path(),
        &["journal", "export", "--format", "json"],
    ));
    let value: Value = serde_json::from_str(&text).unwrap();
    // Notes, nulls, absent fields and fields heard does not know, all as they were.
    assert_eq!(value, sample());
}

#[cfg(unix)]
#[test]
fn cli_output_writes_a_private_file_and_says_where() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write_journal(dir.path(), sample().to_string().as_bytes());
    let target = dir.path().join("for-our-therapist.md");
    // An older file there is replaced, and its looser mode does not survive.
    std::fs::write(&target, "old").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).unwrap();

    let out = heard(
        dir.path(),
        &[
            "journal",
            "export",
            "--format",
            "md",
            "--output",
            target.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(target.to_str().unwrap()), "{err}");

    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let written = std::fs::read_to_string(&target).unwrap();
    let on_screen = stdout(&heard(dir.path(), &["journal", "export", "--format", "md"]));
    assert_eq!(written, on_screen);
    assert!(!written.contains("dishes"));
    // No temp file left beside it.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn cli_output_refuses_the_journal_itself() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = sample().to_string();
    let path = write_journal(dir.path(), bytes.as_bytes());
    // Spelled another way, through the folder's `.`.
    let sneaky = dir.path().join("data").join(".").join("journal.json");
    for target in [&path, &sneaky] {
        let out = heard(
            dir.path(),
            &[
                "journal",
                "export",
                "--format",
                "json",
                "--output",
                target.to_str().unwrap(),
            ],
        );
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("journal"), "{err}");
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), bytes);
}

#[test]
fn cli_export_of_a_corrupt_journal_fails_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let broken = b"{\"format\": \"heard-journal\", \"version\": 1,\n\"sessions\": [{\"id\": }]}\n";
    let path = write_journal(dir.path(), broken);
    let target = dir.path().join("talks.csv");
    for format in ["csv", "md", "json"] {
        let out = heard(
            dir.path(),
            &[
                "journal",
                "export",
                "--format",
                format,
                "--output",
                target.to_str().unwrap(),
            ],
        );
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(&format!("{}:2:", path.display())), "{err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    }
    assert!(!target.exists());
    assert_eq!(std::fs::read(&path).unwrap(), broken);
    assert_eq!(
        std::fs::read_dir(dir.path().join("data")).unwrap().count(),
        1
    );
}
