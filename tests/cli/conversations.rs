//! The conversations on the command line: `heard talk --flow`, and an understand talk as
//! `journal show` and the exports tell it, its private words only to their writer.

use super::{heard, stderr, stdout};
use serde_json::{Value, json};

fn understand_journal() -> Value {
    json!({"format": "heard-journal", "version": 1, "sessions": [{
        "id": "0dd0ba11-0000-4000-8000-000000000001",
        "mode": "couple",
        "started_at": "2026-11-26T20:00:00+01:00",
        "ended_at": "2026-11-26T20:31:00+01:00",
        "completed": true,
        "deck_id": "understand",
        "partners": ["Ana", "Ben"],
        "mood_before": [], "mood_after": [], "closeness": [], "turns": [],
        "kind": "understand",
        "topic": "my mother's visit",
        "topic_by": 0,
        "topic_private": true,
        "rounds": [
            {"sender": 0, "pieces": 3, "mirrors": 3, "got_it": true,
             "felt_heard": 4, "felt_validated": 5, "felt_cared": 3},
            {"sender": 1, "pieces": 1, "mirrors": 1, "got_it": true,
             "felt_heard": 5, "felt_validated": 4, "felt_cared": 5}
        ],
        "steps": [{"partner": 1, "text": "Call her on Sunday with you"}]
    }]})
}

fn seeded() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("data")).unwrap();
    let text = serde_json::to_string_pretty(&understand_journal()).unwrap();
    std::fs::write(dir.path().join("data/journal.json"), text).unwrap();
    dir
}

#[test]
fn talk_help_names_the_flows_and_a_wrong_one_gets_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let help = stdout(&heard(dir.path(), &["talk", "--help"]));
    assert!(help.contains("--flow <KIND>"), "{help}");
    assert!(help.contains("understand"), "{help}");
    let out = heard(dir.path(), &["talk", "--flow", "argue"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("argue") && err.contains("understand"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_conversation_refuses_the_options_of_a_talk_from_prompts() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "talk",
        "--flow",
        "understand",
        "--partners",
        "Ana,Ben",
        "--deck",
        "rekindle",
    ];
    let out = heard(dir.path(), &args);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("--deck is for a talk from prompts"), "{err}");
    assert!(
        !dir.path().join("data/journal.json").exists(),
        "nothing written"
    );
}

#[test]
fn journal_show_tells_the_rounds_and_keeps_each_persons_words_to_them() {
    let dir = seeded();
    let shared = stdout(&heard(dir.path(), &["journal", "show", "0dd0ba11"]));
    assert!(shared.contains("Understand each other"), "{shared}");
    assert!(
        shared.contains("Ana felt understood after 3 tries."),
        "{shared}"
    );
    assert!(
        shared.contains("felt heard 4/5 · validated 5/5 · cared for 3/5"),
        "{shared}"
    );
    assert!(
        shared.contains("Ana brought a topic (kept to Ana)."),
        "{shared}"
    );
    assert!(shared.contains("Ben named a small step"), "{shared}");
    assert!(
        !shared.contains("mother") && !shared.contains("Sunday"),
        "{shared}"
    );

    let ana = stdout(&heard(
        dir.path(),
        &["journal", "show", "0dd0ba11", "--notes-of", "ana"],
    ));
    assert!(ana.contains("Ana's topic: my mother's visit"), "{ana}");
    assert!(!ana.contains("Sunday"), "Ben's step is Ben's: {ana}");
    let ben = stdout(&heard(
        dir.path(),
        &["journal", "show", "0dd0ba11", "--notes-of", "Ben"],
    ));
    assert!(
        ben.contains("Ben's small step: Call her on Sunday with you"),
        "{ben}"
    );
    assert!(!ben.contains("mother"), "{ben}");

    let json: Value = serde_json::from_str(&stdout(&heard(
        dir.path(),
        &["journal", "show", "0dd0ba11", "--json"],
    )))
    .unwrap();
    assert!(json.get("topic").is_none());
    assert_eq!(json["topic_written"], true);
    assert_eq!(
        json["steps"][0],
        json!({"partner": 1, "text_written": true})
    );
    assert_eq!(json["rounds"][1]["felt_cared"], 5, "ratings are shared");
}

#[test]
fn the_exports_carry_the_rounds_and_leave_the_words_out_unless_asked() {
    let dir = seeded();
    let csv = stdout(&heard(
        dir.path(),
        &["journal", "export", "--format", "csv"],
    ));
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 3, "a header and a row per round: {csv}");
    assert!(rows[0].ends_with(",kind,felt_cared"), "{}", rows[0]);
    assert!(
        rows[1].contains(",Ana,round-1,4,5,,false,,Ben,"),
        "{}",
        rows[1]
    );
    assert!(rows[1].ends_with(",understand,3"), "{}", rows[1]);
    assert!(rows[2].ends_with(",understand,5"), "{}", rows[2]);
    let md = stdout(&heard(dir.path(), &["journal", "export", "--format", "md"]));
    assert!(md.contains("Ana had the floor"), "{md}");
    assert!(!md.contains("mother") && !md.contains("Sunday"), "{md}");
    let all = stdout(&heard(
        dir.path(),
        &["journal", "export", "--format", "md", "--with-notes"],
    ));
    assert!(
        all.contains("my mother's visit") && all.contains("Call her on Sunday"),
        "{all}"
    );
}

#[test]
fn an_our_week_talk_shows_its_thanks_and_keeps_what_would_help_to_its_writer() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("data")).unwrap();
    let journal = json!({"format": "heard-journal", "version": 1, "sessions": [{
        "id": "0dd0ba11-0000-4000-8000-00000000000w", "mode": "couple",
        "started_at": "2026-11-29T19:00:00+01:00", "ended_at": "2026-11-29T19:45:00+01:00",
        "completed": true, "deck_id": "weekly", "partners": ["Ana", "Ben"],
        "mood_before": [], "mood_after": [], "closeness": [], "turns": [],
        "kind": "weekly",
        "appreciations_each": [["dinner on Friday", null], [null]],
        "went_well": ["Sunday's walk", null],
        "issue": null,
        "this_week": ["A hug in the morning", null]
    }]});
    std::fs::write(dir.path().join("data/journal.json"), journal.to_string()).unwrap();
    let shared = stdout(&heard(dir.path(), &["journal", "show", "0dd0ba11"]));
    assert!(shared.contains("Our week"), "{shared}");
    assert!(
        shared.contains("Ana appreciated: dinner on Friday; and 1 more out loud."),
        "appreciations are shared: {shared}"
    );
    assert!(
        shared.contains("Ben appreciated 1 thing out loud."),
        "{shared}"
    );
    assert!(shared.contains("Ana said what went well."), "{shared}");
    assert!(
        shared.contains("Ana said what would help this week."),
        "{shared}"
    );
    assert!(
        !shared.contains("walk") && !shared.contains("hug"),
        "{shared}"
    );
    let ana = stdout(&heard(
        dir.path(),
        &["journal", "show", "0dd0ba11", "--notes-of", "Ana"],
    ));
    assert!(ana.contains("Ana: what went well: Sunday's walk"), "{ana}");
    assert!(
        ana.contains("Ana: what would help this week: A hug in the morning"),
        "{ana}"
    );
    let json: Value = serde_json::from_str(&stdout(&heard(
        dir.path(),
        &["journal", "show", "0dd0ba11", "--json"],
    )))
    .unwrap();
    assert_eq!(json["went_well"], json!([{"written": true}, null]));
    assert_eq!(json["appreciations_each"][0][0], "dinner on Friday");
}
