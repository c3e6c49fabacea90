//! Two couples in one journal on the command line: `journal stats` a block per couple (or
//! one with `--couple`), `--json` over all couple talks with `couples`, and `list` and
//! `export` with `--couple`, never one couple's talk under the other's names.

use crate::common;
use crate::{heard, stderr, stdout};

use std::path::Path;

use common::talks::two_couples;

const NOW: &str = "2026-11-26T20:00:00+01:00";

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(
        data.join("journal.json"),
        serde_json::to_string_pretty(&two_couples()).unwrap(),
    )
    .unwrap();
    dir
}

fn run(root: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--no-color"];
    all.extend(args);
    // `heard` from cli.rs clears HEARD_NOW; the figures here depend on it, so set it back.
    std::process::Command::new(env!("CARGO_BIN_EXE_heard"))
        .args(["--data-dir", &root.join("data").to_string_lossy()])
        .args(["--config-dir", &root.join("config").to_string_lossy()])
        .args(&all)
        .env_remove("HEARD_DATA_DIR")
        .env_remove("HEARD_CONFIG_DIR")
        .env("HEARD_NOW", NOW)
        .output()
        .unwrap()
}

fn ok(root: &Path, args: &[&str]) -> String {
    let out = run(root, args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

#[test]
fn stats_prints_a_block_per_couple_newest_first_each_with_its_own_figures() {
    let dir = setup();
    let text = ok(dir.path(), &["journal", "stats"]);
    let jo = text.find("Jo & Sam\n").expect(&text);
    let ana = text.find("Ana & Ben\n").expect(&text);
    assert!(jo < ana, "Jo & Sam talked last, so come first:\n{text}");
    let (jo_block, ana_block) = (&text[jo..ana], &text[ana..]);
    assert!(jo_block.contains("3 talks"), "{jo_block}");
    assert!(
        jo_block.contains("Felt heard: 3.0 on average (Jo 2.0, Sam 4.0)"),
        "{jo_block}"
    );
    assert!(jo_block.contains("Last talk: 2 days ago"), "{jo_block}");
    assert!(
        jo_block.contains("Jo has felt less heard than Sam"),
        "{jo_block}"
    );
    // The second talk of Ana & Ben wrote " ben", "ANA": one person each, one name each.
    assert!(ana_block.contains("4 talks"), "{ana_block}");
    assert!(ana_block.contains("(Ana 5.0, Ben 3.0)"), "{ana_block}");
    assert!(ana_block.contains("Last talk: 3 days ago"), "{ana_block}");
    assert!(
        !ana_block.contains("Jo") && !ana_block.contains("Sam"),
        "{ana_block}"
    );
    assert!(
        !jo_block.contains("Ana") && !jo_block.contains("Ben"),
        "{jo_block}"
    );
}

#[test]
fn stats_couple_gives_one_block_in_any_order_and_case() {
    let dir = setup();
    let text = ok(dir.path(), &["journal", "stats", "--couple", " sam , JO "]);
    assert!(text.starts_with("Jo & Sam\n"), "{text}");
    assert!(!text.contains("Ana"), "{text}");
}

#[test]
fn stats_json_keeps_the_figures_over_all_couple_talks_and_lists_the_couples() {
    let dir = setup();
    let all: serde_json::Value =
        serde_json::from_str(&ok(dir.path(), &["journal", "stats", "--json"])).unwrap();
    assert_eq!(all["sessions"], 7);
    // (4 talks x 5 + 4 x 3 + 3 x 2 + 3 x 4) / 14 turns
    assert_eq!(all["felt_heard_avg"], 50.0 / 14.0);
    assert_eq!(
        all["couples"],
        serde_json::json!([
            {"partners": ["Jo", "Sam"], "sessions": 3},
            {"partners": ["Ana", "Ben"], "sessions": 4}
        ])
    );
    let one: serde_json::Value = serde_json::from_str(&ok(
        dir.path(),
        &["journal", "stats", "--json", "--couple", "ben,ana"],
    ))
    .unwrap();
    assert_eq!(one["sessions"], 4);
    assert_eq!(one["felt_heard_avg"], 4.0);
    assert_eq!(one["first_session"], "2026-11-02");
    assert_eq!(one["last_session"], "2026-11-23");
    assert_eq!(
        one["couples"],
        serde_json::json!([{"partners": ["Ana", "Ben"], "sessions": 4}])
    );
}

#[test]
fn list_and_export_with_couple_hold_only_that_couple_and_its_own_reflections() {
    let dir = setup();
    let list = ok(dir.path(), &["journal", "list", "--couple", "Jo,Sam"]);
    assert!(list.contains("4 talks."), "{list}");
    assert!(
        list.contains("Sam  "),
        "Sam's reflection is listed:\n{list}"
    );
    assert!(!list.contains("Ana") && !list.contains("Ben"), "{list}");
    let json: serde_json::Value = serde_json::from_str(&ok(
        dir.path(),
        &["journal", "list", "--json", "--couple", "Jo,Sam"],
    ))
    .unwrap();
    assert_eq!(json.as_array().unwrap().len(), 4);

    let csv = ok(
        dir.path(),
        &[
            "journal", "export", "--format", "csv", "--couple", "ANA,ben",
        ],
    );
    // Four talks of two turns and Ana's reflection of one: nine rows under the header.
    assert_eq!(csv.lines().count(), 10, "{csv}");
    assert!(!csv.contains("Jo") && !csv.contains("Sam"), "{csv}");
    let md = ok(
        dir.path(),
        &["journal", "export", "--format", "md", "--couple", "Jo,Sam"],
    );
    assert!(
        md.contains("Sam appreciated Jo: \u{201c}JOS-WORDS\u{201d}"),
        "{md}"
    );
    assert!(!md.contains("Ana") && !md.contains("SECRET"), "{md}");
    let whole = ok(dir.path(), &["journal", "export", "--format", "md"]);
    assert!(
        whole.contains("# Jo & Sam") && whole.contains("# Ana & Ben"),
        "{whole}"
    );
    assert!(whole.contains("Ana appreciated Ben: \u{201c}You made me laugh\u{201d}"));
}

#[test]
fn a_couple_not_in_the_journal_is_one_line_naming_the_couples_there() {
    let dir = setup();
    for command in ["stats", "list"] {
        let out = run(dir.path(), &["journal", command, "--couple", "Ana,Cam"]);
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains("Ana & Cam"), "{err}");
        assert!(err.contains("Jo & Sam, Ana & Ben"), "{err}");
        assert!(stdout(&out).is_empty());
    }
    let out = run(
        dir.path(),
        &[
            "journal", "export", "--format", "csv", "--couple", "Ana,Cam",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_malformed_couple_is_a_usage_error() {
    let dir = setup();
    for value in ["Ana", "Ana,", "Ana,Ben,Cam", "Ana, ana"] {
        let out = heard(dir.path(), &["journal", "stats", "--couple", value]);
        assert_eq!(out.status.code(), Some(2), "{value}: {}", stderr(&out));
        assert!(stderr(&out).contains("--couple"), "{}", stderr(&out));
    }
}

#[test]
fn show_lists_what_each_appreciated() {
    let dir = setup();
    let list = ok(
        dir.path(),
        &["journal", "list", "--json", "--couple", "Ana,Ben"],
    );
    let list: serde_json::Value = serde_json::from_str(&list).unwrap();
    let id = list[0]["id"].as_str().unwrap()[..8].to_string();
    let text = ok(dir.path(), &["journal", "show", &id]);
    assert!(
        text.contains("Ana appreciated Ben: \u{201c}You made me laugh\u{201d}"),
        "{text}"
    );
    assert!(
        text.contains("Ben appreciated Ana: \u{201c}You stayed\u{201d}"),
        "{text}"
    );
}
