//! The command line as a user meets it: help, usage errors, completions, man page, config,
//! and where files go.

mod common;
#[path = "cli/conversations.rs"]
mod conversations;
#[path = "cli/couples_cli.rs"]
mod couples_cli;
#[path = "cli/decks_cli.rs"]
mod decks_cli;
#[path = "cli/export.rs"]
mod export;
#[path = "cli/history.rs"]
mod history;
#[path = "cli/hostile.rs"]
mod hostile;
#[path = "cli/journal_cli.rs"]
mod journal_cli;
#[path = "cli/private_files.rs"]
mod private_files;

use std::path::Path;
use std::process::{Command, Output};

/// The real binary on the test's own folders, the environment that would redirect them removed.
pub(crate) fn heard(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_heard"))
        .args(["--data-dir", &root.join("data").to_string_lossy()])
        .args(["--config-dir", &root.join("config").to_string_lossy()])
        .args(args)
        .env_remove("HEARD_DATA_DIR")
        .env_remove("HEARD_CONFIG_DIR")
        .env_remove("HEARD_NOW")
        .env_remove("NO_COLOR")
        .output()
        .expect("run heard")
}

pub(crate) fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

pub(crate) fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

#[test]
fn help_names_every_command_and_says_it_is_not_therapy() {
    let dir = tempfile::tempdir().unwrap();
    let out = heard(dir.path(), &["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for command in [
        "talk",
        "solo",
        "demo",
        "decks",
        "journal",
        "config",
        "completions",
        "man",
    ] {
        assert!(text.contains(command), "--help lacks {command}:\n{text}");
    }
    assert!(text.contains("not therapy"), "{text}");
    assert!(text.contains("--data-dir") && text.contains("--no-color"));
}

#[test]
fn bad_usage_exits_2_without_a_backtrace() {
    let dir = tempfile::tempdir().unwrap();
    let out = heard(dir.path(), &["journal", "frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!stderr(&out).contains("panicked"));
    let out = heard(dir.path(), &["talk", "--prompts", "0"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn completions_are_scripts_for_the_shell_asked() {
    let dir = tempfile::tempdir().unwrap();
    let bash = heard(dir.path(), &["completions", "bash"]);
    assert_eq!(bash.status.code(), Some(0));
    assert!(stdout(&bash).contains("_heard()"));
    let fish = heard(dir.path(), &["completions", "fish"]);
    assert!(stdout(&fish).contains("complete -c heard"));
    let unknown = heard(dir.path(), &["completions", "tcsh"]);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn man_page_is_roff_with_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    let out = heard(dir.path(), &["man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = stdout(&out);
    assert!(
        page.starts_with(".ie") || page.starts_with(".TH"),
        "{page:.200}"
    );
    assert!(page.contains(".TH heard"));
    assert!(page.contains("journal"));
}

#[test]
fn config_init_writes_defaults_once_and_show_reads_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = heard(dir.path(), &["config", "path"]);
    let expected = dir.path().join("config").join("config.toml");
    assert_eq!(stdout(&path).trim(), expected.to_string_lossy());

    let show = heard(dir.path(), &["config", "show"]);
    assert!(stdout(&show).contains("defaults"));
    assert!(stdout(&show).contains("prompts_per_talk = 6"));

    assert_eq!(
        heard(dir.path(), &["config", "init"]).status.code(),
        Some(0)
    );
    assert!(expected.exists());
    let again = heard(dir.path(), &["config", "init"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("already exists"));

    std::fs::write(
        &expected,
        "partners = [\"Ana\", \"Ben\"]\ntimer_seconds = 0\n",
    )
    .unwrap();
    let show = stdout(&heard(dir.path(), &["config", "show"]));
    assert!(show.contains("partners = [\"Ana\", \"Ben\"]"), "{show}");
    assert!(show.contains("timer_seconds = 0"));

    let forced = heard(dir.path(), &["config", "init", "--force"]);
    assert_eq!(forced.status.code(), Some(0));
    assert!(stdout(&heard(dir.path(), &["config", "show"])).contains("timer_seconds = 180"));
}

#[test]
fn a_broken_config_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let config_dir = dir.path().join("config");
    std::fs::create_dir_all(&config_dir).unwrap();
    let file = config_dir.join("config.toml");
    std::fs::write(&file, "keep_notes = true\nprompts_per_talk = 500\n").unwrap();
    let out = heard(dir.path(), &["config", "show"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&format!("{}:2:20: ", file.display())), "{err}");
}

#[test]
fn environment_sets_the_folders_and_options_win() {
    let dir = tempfile::tempdir().unwrap();
    let from_env = Command::new(env!("CARGO_BIN_EXE_heard"))
        .args(["journal", "path"])
        .env("HEARD_DATA_DIR", dir.path().join("env-data"))
        .output()
        .unwrap();
    assert_eq!(
        stdout(&from_env).trim(),
        dir.path()
            .join("env-data")
            .join("journal.json")
            .to_string_lossy()
    );
    let option_wins = Command::new(env!("CARGO_BIN_EXE_heard"))
        .args(["journal", "path", "--data-dir"])
        .arg(dir.path().join("opt-data"))
        .env("HEARD_DATA_DIR", dir.path().join("env-data"))
        .output()
        .unwrap();
    assert_eq!(
        stdout(&option_wins).trim(),
        dir.path()
            .join("opt-data")
            .join("journal.json")
            .to_string_lossy()
    );
}

#[test]
fn a_bad_heard_now_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_heard"))
        .args(["--data-dir"])
        .arg(dir.path())
        .args(["journal", "stats"])
        .env("HEARD_NOW", "tomorrow")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("HEARD_NOW"), "{}", stderr(&out));
}

#[test]
fn partners_must_be_two_different_names_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    for names in ["Ana", "Ana,ana", " Ben , BEN ", "Ana,"] {
        let out = heard(dir.path(), &["talk", "--partners", names]);
        assert_eq!(out.status.code(), Some(2), "{names}: {}", stderr(&out));
        let text = stderr(&out);
        assert!(text.contains("--partners"), "{text}");
        assert!(
            text.contains("invalid value") && text.contains("try '--help'"),
            "clap's own usage error: {text}"
        );
    }
    assert!(!dir.path().join("data").exists(), "nothing written");
}

#[test]
fn talk_takes_speaking_time_and_no_guess() {
    let dir = tempfile::tempdir().unwrap();
    let out = heard(dir.path(), &["talk", "--help"]);
    let text = stdout(&out);
    assert!(text.contains("--speaking-time <SECONDS>"), "{text}");
    assert!(text.contains("--no-guess"), "{text}");
    let out = heard(dir.path(), &["talk", "--speaking-time", "3601"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}
