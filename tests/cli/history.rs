//! Looking back on the command line: `journal list` and `show` as tables, `stats` with the
//! insights, `export --format md` as a report to bring to a therapist, and `--since`.

use crate::common;

use std::path::Path;
use std::process::{Command, Output};

use common::talks::{Talk, at, journal_of};
use heard::journal::Journal;

const NOW: &str = "2026-11-26T20:00:00+01:00";

fn heard(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_heard"))
        .args(["--data-dir", &root.join("data").to_string_lossy()])
        .args(["--config-dir", &root.join("config").to_string_lossy()])
        .args(args)
        .env_remove("HEARD_DATA_DIR")
        .env_remove("HEARD_CONFIG_DIR")
        .env_remove("NO_COLOR")
        .env("HEARD_NOW", NOW)
        .output()
        .expect("run heard")
}

fn run(root: &Path, args: &[&str]) -> String {
    let out = heard(root, args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn write(root: &Path, journal: &Journal) {
    let data = root.join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(
        data.join("journal.json"),
        serde_json::to_string_pretty(journal).unwrap(),
    )
    .unwrap();
}

fn demo_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &heard::demo::sample_journal(at(NOW)));
    dir
}

/// Ana and Ben: Ben felt less heard in the last four talks; mood rose after each.
fn ana_and_ben() -> Journal {
    // Day 0 is 1 Oct 2026; the talks run into November.
    let talks = [
        Talk::on(0).heard(4, 4).moods([3, 3], [3, 3]),
        Talk::on(20).heard(5, 2).moods([2, 2], [3, 4]).guesses(5, 4),
        Talk::on(34).heard(4, 3).moods([3, 2], [4, 3]).guesses(4, 4),
        Talk::on(41).heard(5, 3).moods([3, 3], [4, 4]).guesses(5, 3),
        Talk::on(48).heard(4, 2).moods([2, 3], [3, 3]).guesses(4, 3),
    ];
    journal_of(at("2026-10-01T20:00:00+01:00"), &talks)
}

#[test]
fn list_is_a_table_with_each_partners_figures() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &ana_and_ben());
    let text = run(dir.path(), &["journal", "list"]);
    let header = text.lines().next().unwrap();
    for column in [
        "ID",
        "STARTED",
        "DECK",
        "PARTNERS",
        "HEARD",
        "VALIDATED",
        "MOOD LIFT",
        "STATUS",
    ] {
        assert!(header.contains(column), "{column} missing: {header}");
    }
    // The second talk: Ana felt 5, Ben 2; moods 2 → 3 and 2 → 4.
    let row = text
        .lines()
        .find(|l| l.contains("Wed 21 Oct 2026"))
        .expect(&text);
    assert!(row.contains("Ana & Ben"), "{row}");
    assert!(row.contains("5.0 / 2.0"), "{row}");
    assert!(row.contains("+1 / +2"), "{row}");
    assert!(text.contains("in the order of PARTNERS"), "{text}");
}

#[test]
fn list_since_keeps_later_talks_only() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &ana_and_ben());
    let text = run(dir.path(), &["journal", "list", "--since", "2026-11-10"]);
    let rows = text.lines().filter(|l| l.contains("Ana & Ben")).count();
    // Days 41 and 48: 11 and 18 Nov.
    assert_eq!(rows, 2, "{text}");
}

#[test]
fn show_puts_the_partners_side_by_side_then_every_turn() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &ana_and_ben());
    let text = run(dir.path(), &["journal", "show", "00000001"]);
    let table: Vec<&str> = text
        .lines()
        .skip_while(|l| l.split_whitespace().collect::<Vec<_>>() != ["Ana", "Ben"])
        .collect();
    assert!(!table.is_empty(), "{text}");
    let cells = |label: &str| -> Vec<String> {
        let line = table
            .iter()
            .find(|l| l.trim_start().starts_with(label))
            .expect(label);
        line.trim_start()[label.len()..]
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    assert_eq!(cells("Felt heard"), ["5.0", "2.0"]);
    assert_eq!(cells("Mood before"), ["2/5", "2/5"]);
    assert_eq!(cells("Mood after"), ["3/5", "4/5"]);
    // Ana guessed 4 when Ben felt 2; Ben guessed 5 when Ana felt 5.
    assert_eq!(cells("Guesses off by"), ["2.0", "0.0"]);
    assert!(text.contains("1. Ana shared, Ben listened"), "{text}");
}

#[test]
fn stats_prints_the_figures_and_what_stands_out() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &ana_and_ben());
    let text = run(dir.path(), &["journal", "stats"]);
    assert!(
        text.contains("Felt heard: 3.6 on average (Ana 4.4, Ben 2.8)"),
        "{text}"
    );
    assert!(text.contains("What stands out:"), "{text}");
    assert!(
        text.contains("Ben has felt less heard than Ana in 4 of the last 5 talks."),
        "{text}"
    );
    assert!(
        text.contains("Your mood rose after 4 of your last 5 talks."),
        "{text}"
    );
    // Ana's guesses of Ben: 4 for 2, 4 for 3, 3 for 3, 3 for 2: off by 2, 1, 0, 1.
    assert!(
        text.contains(
            "Ana's guesses of how heard Ben felt were off by 1.0 on average (4 guesses)."
        ),
        "{text}"
    );
    // The JSON is unchanged by the words.
    let json: serde_json::Value =
        serde_json::from_str(&run(dir.path(), &["journal", "stats", "--json"])).unwrap();
    assert_eq!(json["sessions"], 5);
}

#[test]
fn stats_since_speaks_only_of_those_talks() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &ana_and_ben());
    let text = run(dir.path(), &["journal", "stats", "--since", "2026-11-04"]);
    // Only the last three talks: Ben felt less heard in 3 of the last 3.
    assert!(text.contains("3 talks"), "{text}");
    assert!(
        text.contains("Ben has felt less heard than Ana in 3 of the last 3 talks."),
        "{text}"
    );
}

#[test]
fn an_empty_journal_says_so_kindly_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let stats = run(dir.path(), &["journal", "stats"]);
    assert!(stats.contains("No talks yet"), "{stats}");
    assert!(!stats.contains("What stands out"), "{stats}");
    let report = run(dir.path(), &["journal", "export", "--format", "md"]);
    assert!(report.contains("no talks in the journal yet"), "{report}");
}

#[test]
fn the_report_has_insights_months_and_talks_and_keeps_notes_private() {
    let dir = demo_dir();
    let report = run(dir.path(), &["journal", "export", "--format", "md"]);
    let stands_out = report.find("## What stands out").expect(&report);
    let numbers = report.find("## In numbers").expect(&report);
    let months = report.find("## Month by month").expect(&report);
    let talks = report.find("## Talks").expect(&report);
    assert!(
        stands_out < numbers && numbers < months && months < talks,
        "{report}"
    );
    assert!(
        report.contains("- Sam has felt less heard than Maya"),
        "{report}"
    );
    assert!(report.contains("- **November 2026**: 4 talks;"), "{report}");
    assert!(
        report.contains("Maya's guesses of how heard Sam felt"),
        "{report}"
    );
    // The demo's notes are there only when asked for.
    let note = "We laughed more than we have in a while.";
    assert!(!report.contains(note));
    let with = run(
        dir.path(),
        &["journal", "export", "--format", "md", "--with-notes"],
    );
    assert!(with.contains(note));
}

#[test]
fn the_report_since_covers_only_those_talks() {
    let dir = demo_dir();
    let report = run(
        dir.path(),
        &[
            "journal",
            "export",
            "--format",
            "md",
            "--since",
            "2026-11-01",
        ],
    );
    assert!(
        report.contains("Covers 6 Nov 2026 to 23 Nov 2026: 4 talks for two."),
        "{report}"
    );
    assert!(!report.contains("October 2026"), "{report}");
    let csv = run(
        dir.path(),
        &[
            "journal",
            "export",
            "--format",
            "csv",
            "--since",
            "2026-11-20",
        ],
    );
    assert!(
        csv.lines().skip(1).all(|l| l.contains(",2026-11-23T")),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 1 + 6, "{csv}");
}
