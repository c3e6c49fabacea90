//! `heard decks list | show | check | new`, run as the real binary.

use std::fs;
use std::path::Path;

use crate::{heard, stderr, stdout};

fn user_deck(root: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let dir = root.join("config").join("decks");
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

const OURS: &str = r#"schema = 1
id = "ours"
title = "Our own"
modes = ["solo"]

[[prompts]]
id = "one"
text = "What made you smile today?"

[[prompts]]
id = "two"
text = "What do you wish I knew?"
depth = 3
followups = ["Why now?"]
"#;

#[test]
fn list_shows_built_in_and_user_decks_with_where_they_come_from() {
    let tmp = tempfile::tempdir().unwrap();
    user_deck(tmp.path(), "ours.toml", OURS);
    let out = heard(tmp.path(), &["decks", "list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let row = |id: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("no row for {id} in\n{text}"))
            .to_owned()
    };
    let ours = row("ours");
    assert!(ours.contains("Our own"), "{ours}");
    assert!(
        ours.contains("1/0/1"),
        "one light, none personal, one deep: {ours}"
    );
    assert!(ours.contains("your decks folder"), "{ours}");
    assert!(ours.contains("solo"), "{ours}");
    assert!(row("rekindle").contains("built-in"));
}

#[test]
fn list_names_a_replaced_built_in_and_broken_decks_with_a_hint() {
    let tmp = tempfile::tempdir().unwrap();
    user_deck(
        tmp.path(),
        "rekindle.toml",
        &OURS.replace("id = \"ours\"", "id = \"rekindle\""),
    );
    let bad = user_deck(
        tmp.path(),
        "typo.toml",
        "schema = 1\nid = \"typo\"\ntitel = \"T\"\n",
    );
    let out = heard(tmp.path(), &["decks", "list"]);
    assert!(out.status.success(), "a broken deck never stops heard");
    let text = stdout(&out);
    let rekindle: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("rekindle "))
        .collect();
    assert_eq!(rekindle.len(), 1, "{text}");
    assert!(rekindle[0].contains("replaces built-in"), "{text}");
    // The first error of the broken deck: the missing title, at the top.
    assert!(text.contains(&format!("{}:1:1: ", bad.display())), "{text}");
    assert!(text.contains("heard decks check"), "{text}");
}

#[test]
fn list_json_describes_each_deck_and_the_broken_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let ours = user_deck(tmp.path(), "ours.toml", OURS);
    let bad = user_deck(tmp.path(), "bad.toml", "schema = 1\nid = \"Bad\"\n");
    let out = heard(tmp.path(), &["decks", "list", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();

    let decks = json["decks"].as_array().unwrap();
    let rekindle = decks.iter().find(|d| d["id"] == "rekindle").unwrap();
    assert_eq!(rekindle["source"], "built-in");
    assert_eq!(rekindle["overrides_built_in"], false);
    assert_eq!(rekindle["modes"], serde_json::json!(["couple", "solo"]));

    let mine = decks.iter().find(|d| d["id"] == "ours").unwrap();
    assert_eq!(mine["title"], "Our own");
    assert_eq!(mine["prompts"], 2);
    assert_eq!(
        mine["depth_mix"],
        serde_json::json!({"light": 1, "personal": 0, "deep": 1})
    );
    assert_eq!(mine["modes"], serde_json::json!(["solo"]));
    assert_eq!(mine["language"], "en");
    assert_eq!(mine["description"], serde_json::Value::Null);
    assert_eq!(mine["author"], serde_json::Value::Null);
    assert_eq!(mine["source"], ours.display().to_string());

    let broken = json["broken"].as_array().unwrap();
    assert_eq!(broken.len(), 1);
    assert_eq!(broken[0]["path"], bad.display().to_string());
    assert_eq!(broken[0]["line"], 1);
    assert_eq!(broken[0]["column"], 1);
    let error = broken[0]["error"].as_str().unwrap();
    assert!(
        error.starts_with(&format!("{}:1:1: ", bad.display())),
        "{error}"
    );
}

#[test]
fn show_prints_the_deck_and_every_prompt_with_depth_and_followups() {
    let tmp = tempfile::tempdir().unwrap();
    let path = user_deck(tmp.path(), "ours.toml", OURS);
    for deck in ["ours", path.to_str().unwrap()] {
        let out = heard(tmp.path(), &["decks", "show", deck]);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        assert!(text.contains("Our own"), "{text}");
        assert!(text.contains("solo"), "{text}");
        assert!(text.contains("What made you smile today?"), "{text}");
        let deep = text.find("[deep]").expect("depth shown");
        let followup = text.find("Why now?").expect("follow-up shown");
        assert!(deep < followup, "{text}");
    }
}

#[test]
fn show_of_an_unknown_deck_is_a_one_line_error() {
    let tmp = tempfile::tempdir().unwrap();
    let out = heard(tmp.path(), &["decks", "show", "nope"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no deck called `nope`"), "{err}");
}

#[test]
fn show_never_prints_escape_sequences_from_a_deck() {
    let tmp = tempfile::tempdir().unwrap();
    // A bidi override is not a control character, so the deck passes, but it must not reach
    // the terminal as is.
    user_deck(
        tmp.path(),
        "sly.toml",
        "schema = 1\nid = \"sly\"\ntitle = \"Sly\u{202E}txet\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n",
    );
    let out = heard(tmp.path(), &["decks", "show", "sly"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).contains('\u{202E}'));
}

#[test]
fn check_prints_ok_lines_and_exits_0_for_good_decks() {
    let tmp = tempfile::tempdir().unwrap();
    let path = user_deck(tmp.path(), "ours.toml", OURS);
    let out = heard(tmp.path(), &["decks", "check", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!("{}: ok (2 prompts)\n", path.display())
    );
    assert_eq!(stderr(&out), "");
}

#[test]
fn check_reports_every_error_of_every_file_and_exits_1() {
    let tmp = tempfile::tempdir().unwrap();
    let good = user_deck(tmp.path(), "good.toml", OURS);
    let bad = user_deck(
        tmp.path(),
        "bad.toml",
        "schema = 1\nid = \"bad\"\ntitle = \"T\"\n\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\ndepth = 9\ncolor = 1\n",
    );
    let missing = tmp.path().join("missing.toml");
    let out = heard(
        tmp.path(),
        &[
            "decks",
            "check",
            bad.to_str().unwrap(),
            good.to_str().unwrap(),
            missing.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        format!("{}: ok (2 prompts)\n", good.display())
    );
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[0].starts_with(&format!("{}:8:9: ", bad.display())),
        "{err}"
    );
    assert!(lines[0].contains("`depth`"), "{err}");
    assert!(
        lines[1].starts_with(&format!("{}:9:1: ", bad.display())),
        "{err}"
    );
    assert!(lines[1].contains("unknown key `color`"), "{err}");
    assert!(
        lines[2].starts_with(&format!("{}: cannot read: ", missing.display())),
        "{err}"
    );
}

#[test]
fn new_writes_a_starter_deck_that_passes_the_checker() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("drafts").join("Sunday talks.toml");
    let out = heard(tmp.path(), &["decks", "new", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(said.contains(&path.display().to_string()), "{said}");
    assert!(said.contains("heard decks check"), "{said}");
    let decks_dir = tmp.path().join("config").join("decks");
    assert!(said.contains(&decks_dir.display().to_string()), "{said}");

    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.lines().filter(|l| l.starts_with('#')).count() >= 5,
        "commented"
    );
    let check = heard(tmp.path(), &["decks", "check", path.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));

    let show = heard(tmp.path(), &["decks", "show", path.to_str().unwrap()]);
    assert!(
        stdout(&show).contains("(sunday-talks)"),
        "{}",
        stdout(&show)
    );
}

#[test]
fn new_puts_a_deck_straight_into_heard_when_written_to_the_decks_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp
        .path()
        .join("config")
        .join("decks")
        .join("evenings.toml");
    let out = heard(tmp.path(), &["decks", "new", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list = heard(tmp.path(), &["decks", "list", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&list)).unwrap();
    assert!(
        json["decks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["id"] == "evenings")
    );
}

#[test]
fn new_refuses_to_overwrite_a_file() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("mine.toml");
    fs::write(&path, "keep me").unwrap();
    let out = heard(tmp.path(), &["decks", "new", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), "keep me");
}

#[test]
fn a_near_miss_of_a_deck_id_says_did_you_mean() {
    let tmp = tempfile::tempdir().unwrap();
    for args in [
        &["talk", "--deck", "rekindel"][..],
        &["decks", "show", "rekindel"][..],
    ] {
        let out = heard(tmp.path(), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("did you mean `rekindle`?"), "{err}");
    }
}
