//! Trust promises proven with the real binary: two heards at once, a failed save on the real
//! screen, private files, no note text on disk when notes are off, no file anywhere else,
//! no network.

use crate::harness;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use harness::{DEFAULT_SIZE, Heard, Key, Sandbox, TIMEOUT};

pub(crate) const NOW: (&str, &str) = ("HEARD_NOW", "2026-11-26T20:00:00+01:00");
pub(crate) const TALK: &[&str] = &["talk", "--partners", "Ana,Ben", "--prompts", "1"];
const EARLIER_ID: &str = "0b4f6d1e-3c1a-4f7e-9a43-6a4e2c9d8b10";

const EARLIER_JOURNAL: &str = r#"{
  "format": "heard-journal",
  "version": 1,
  "sessions": [{
    "id": "0b4f6d1e-3c1a-4f7e-9a43-6a4e2c9d8b10",
    "mode": "couple",
    "started_at": "2026-11-19T20:01:00+01:00",
    "ended_at": "2026-11-19T20:41:00+01:00",
    "completed": true,
    "deck_id": "rekindle",
    "partners": ["Ana", "Ben"],
    "turns": [{
      "prompt_id": "first-noticed",
      "prompt": "What did you notice early on?",
      "speaker": 0,
      "felt_heard": 4,
      "felt_validated": 5,
      "skipped": false
    }]
  }]
}
"#;

/// A plain command against the sandbox's folders, as a second process.
fn cli(sandbox: &Sandbox, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_heard"))
        .arg("--data-dir")
        .arg(sandbox.data_dir())
        .arg("--config-dir")
        .arg(sandbox.config_dir())
        .args(args)
        .env_remove("HEARD_DATA_DIR")
        .env_remove("HEARD_CONFIG_DIR")
        .env_remove("HEARD_NOW")
        .env_remove("NO_COLOR")
        .output()
        .expect("run heard")
}

pub(crate) fn seeded() -> Sandbox {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.data_dir()).unwrap();
    std::fs::write(sandbox.journal_path(), EARLIER_JOURNAL).unwrap();
    sandbox
}

/// Closing up to the last Enter, which saves the talk.
pub(crate) fn closing_but_the_last_key(heard: &Heard) {
    for (name, other) in [("Ana", "Ben"), ("Ben", "Ana")] {
        heard.expect(&format!(
            "{name}, which picture shows how close you feel to {other}"
        ));
        heard.key(Key::Char('5'));
        heard.expect(&format!("{name}, how are you feeling now, after talking?"));
        heard.key(Key::Char('4'));
        heard.expect(&format!("{name}, one last thing."));
        if name == "Ana" {
            heard.key(Key::Enter);
        }
    }
}

#[test]
fn while_one_heard_is_in_a_talk_a_second_reads_but_does_not_write() {
    let first = Heard::spawn_in(seeded(), TALK, &[NOW], DEFAULT_SIZE);
    first.check_in(['3', '3']);
    first.expect("Ana, share with Ben");
    let sandbox = first.sandbox();
    let journal_before = std::fs::read(sandbox.journal_path()).unwrap();
    let draft_before = std::fs::read(sandbox.in_progress_path()).unwrap();

    // Reading works: history, stats, export.
    for args in [
        vec!["journal", "list"],
        vec!["journal", "show", "0b4f"],
        vec!["journal", "stats"],
        vec!["journal", "export", "--format", "md"],
        vec!["journal", "export", "--format", "csv"],
        vec!["journal", "export", "--format", "json"],
    ] {
        let out = cli(sandbox, &args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "{args:?} printed nothing");
    }
    // Writing is refused, with the reason, and nothing changes.
    let other = sandbox.root().join("other.json");
    std::fs::write(&other, EARLIER_JOURNAL.replace("0b4f6d1e", "1c5a7e2f")).unwrap();
    for args in [
        vec!["journal", "merge", other.to_str().unwrap()],
        vec!["journal", "repair"],
        vec!["journal", "forget", EARLIER_ID, "--yes"],
    ] {
        let out = cli(sandbox, &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("another heard is writing to the journal"),
            "{args:?}: {err}"
        );
        assert!(err.contains("try again when it has finished"), "{err}");
        assert_eq!(err.lines().count(), 1, "one line: {err}");
    }
    // Another talk: from the command line it stops before the screen; from home it says so.
    let out = cli(sandbox, TALK);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("another heard is writing"));
    let mut second = Heard::spawn_in(Sandbox::new(), &[], &[NOW], DEFAULT_SIZE);
    second.restart_with_env(
        &[
            "--data-dir",
            sandbox.data_dir().to_str().unwrap(),
            "--config-dir",
            sandbox.config_dir().to_str().unwrap(),
        ],
        &[NOW],
    );
    second.expect("Another heard is in a talk right now");
    second.key(Key::Char('h'));
    second.expect("19 Nov");
    second.key(Key::Esc);
    second.key(Key::Char('q'));
    second.wait_exit(TIMEOUT).expect("the second heard quits");

    assert_eq!(
        std::fs::read(sandbox.journal_path()).unwrap(),
        journal_before
    );
    assert_eq!(
        std::fs::read(sandbox.in_progress_path()).unwrap(),
        draft_before
    );

    // The first talk goes on and lands beside the earlier one.
    first.answer_turn("Ana", "Ben", '3', ('4', '4'));
    first.answer_turn("Ben", "Ana", '3', ('4', '4'));
    closing_but_the_last_key(&first);
    first.key(Key::Enter);
    first.expect("Saved to your journal");
    let journal = first.read_journal();
    assert_eq!(journal["sessions"].as_array().unwrap().len(), 2);
    // And now a second process may write again.
    let out = cli(first.sandbox(), &["journal", "forget", EARLIER_ID, "--yes"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_failed_save_is_told_on_screen_and_enter_saves_once_the_disk_has_room() {
    let heard = Heard::spawn_in(seeded(), TALK, &[NOW], DEFAULT_SIZE);
    heard.check_in(['3', '3']);
    heard.answer_turn("Ana", "Ben", '3', ('4', '4'));
    heard.answer_turn("Ben", "Ana", '3', ('4', '4'));
    closing_but_the_last_key(&heard);
    let switch = heard
        .data_dir()
        .join(heard::journal::store::TEST_DISK_FAULT);
    std::fs::write(&switch, "ENOSPC").unwrap();
    let before = std::fs::read(heard.journal_path()).unwrap();
    heard.key(Key::Enter);
    heard.expect("Could not save to the journal");
    heard.expect("disk is full");
    assert_eq!(std::fs::read(heard.journal_path()).unwrap(), before);
    std::fs::remove_file(&switch).unwrap();
    heard.key(Key::Enter);
    heard.expect("Saved to your journal");
    assert_eq!(
        heard.read_journal()["sessions"].as_array().unwrap().len(),
        2
    );
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn every_file_a_talk_leaves_is_private() {
    let mut heard = Heard::spawn(TALK, &[NOW], DEFAULT_SIZE);
    heard.check_in(['3', '3']);
    heard.expect("Ana, share with Ben");
    assert_eq!(mode(&heard.data_dir()), 0o700, "data folder");
    assert_eq!(mode(&heard.in_progress_path()), 0o600, "draft");
    assert_eq!(mode(&heard.data_dir().join("journal.lock")), 0o600, "lock");
    heard.answer_turn("Ana", "Ben", '3', ('4', '4'));
    heard.answer_turn("Ben", "Ana", '3', ('4', '4'));
    closing_but_the_last_key(&heard);
    heard.key(Key::Enter);
    heard.expect("Saved to your journal");
    heard.key(Key::Enter);
    heard.key(Key::Char('q'));
    heard.wait_exit(TIMEOUT).expect("heard quits");
    // A second talk, so a backup exists too.
    heard.restart(TALK);
    heard.check_in(['3', '3']);
    heard.answer_turn("Ana", "Ben", '3', ('4', '4'));
    heard.answer_turn("Ben", "Ana", '3', ('4', '4'));
    closing_but_the_last_key(&heard);
    heard.key(Key::Enter);
    heard.expect("Saved to your journal");
    let data = heard.data_dir();
    for name in ["journal.json", "journal.json.bak", "journal.lock"] {
        assert_eq!(mode(&data.join(name)), 0o600, "{name}");
    }
    assert_eq!(mode(&data), 0o700);
}

fn config_without_notes(sandbox: &Sandbox) {
    std::fs::create_dir_all(sandbox.config_dir()).unwrap();
    std::fs::write(
        sandbox.config_dir().join("config.toml"),
        "keep_notes = false\n",
    )
    .unwrap();
}

/// Every file under `dir`, recursively.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                found.extend(walk(&path));
            } else {
                found.push(path);
            }
        }
    }
    found
}

#[track_caller]
fn no_file_holds(dir: &Path, secret: &str) {
    for path in walk(dir) {
        let bytes = std::fs::read(&path).unwrap_or_default();
        assert!(
            !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "{secret:?} reached {}",
            path.display()
        );
    }
}

/// With notes off, text typed where a note, an appreciation or a reflection would go never
/// reaches the draft, the journal, or any other file.
#[test]
fn with_notes_off_no_typed_text_touches_the_disk() {
    // Only letters no talk screen takes as a key, as there is no field to type into.
    const SECRET: &str = "zxcvgfduio";
    let sandbox = Sandbox::new();
    config_without_notes(&sandbox);
    let mut heard = Heard::spawn_in(sandbox, TALK, &[NOW], DEFAULT_SIZE);
    heard.check_in(['3', '3']);
    for (speaker, listener) in [("Ana", "Ben"), ("Ben", "Ana")] {
        heard.expect(&format!("{speaker}, share with {listener}"));
        // Where a note would be opened and typed.
        heard.key(Key::Char('n'));
        heard.expect("Notes are off in your settings");
        heard.type_text(SECRET);
        heard.key(Key::Enter);
        heard.expect(&format!("{listener}, tell {speaker} what you heard"));
        heard.type_text(SECRET);
        heard.key(Key::Enter);
        heard.expect(&format!(
            "{listener}, how heard do you think {speaker} felt?"
        ));
        heard.key(Key::Char('3'));
        heard.expect(&format!("{speaker}, how heard did you feel just now?"));
        heard.key(Key::Char('4'));
        heard.key(Key::Char('4'));
        heard.expect(&format!("{listener} guessed 3"));
        heard.key(Key::Enter);
    }
    for (name, other) in [("Ana", "Ben"), ("Ben", "Ana")] {
        heard.expect(&format!(
            "{name}, which picture shows how close you feel to {other}"
        ));
        heard.key(Key::Char('5'));
        heard.expect(&format!("{name}, how are you feeling now, after talking?"));
        heard.key(Key::Char('4'));
        heard.expect(&format!("{name}, one last thing."));
        heard.type_text(SECRET);
        no_file_holds(heard.sandbox().root(), SECRET);
        heard.key(Key::Enter);
    }
    heard.expect("Saved to your journal");
    heard.key(Key::Enter);
    heard.key(Key::Char('q'));
    heard.wait_exit(TIMEOUT).expect("heard quits");

    // A solo reflection: the reflection text is a note too.
    heard.restart(&["solo", "--name", "Ana", "--prompts", "1"]);
    heard.expect("Ana, how are you feeling right now?");
    heard.key(Key::Char('s'));
    heard.expect("Ana, take your time with this one");
    heard.type_text(SECRET);
    heard.key(Key::Enter);
    no_file_holds(heard.sandbox().root(), SECRET);
    heard.key(Key::CtrlC);
    heard.wait_exit(TIMEOUT).expect("heard leaves");

    let root = heard.sandbox().root().to_path_buf();
    assert!(heard.journal_path().exists(), "the talk itself was saved");
    no_file_holds(&root, SECRET);
}

/// A whole talk with every standard folder pointed into a temp root (home, XDG, TMPDIR, the
/// working folder): the only files afterwards are heard's own in its data folder.
#[test]
fn a_whole_talk_writes_nothing_outside_the_data_folder() {
    let sandbox = Sandbox::new();
    let root = sandbox.root().to_path_buf();
    std::fs::create_dir(root.join("tmp")).unwrap();
    let tmp = root.join("tmp").to_string_lossy().into_owned();
    let env = [
        NOW,
        // Empty: heard falls back to its default folders under HOME.
        ("HEARD_DATA_DIR", ""),
        ("HEARD_CONFIG_DIR", ""),
        ("TMPDIR", tmp.as_str()),
    ];
    let mut heard = Heard::spawn_in(sandbox, TALK, &env, DEFAULT_SIZE);
    heard.check_in(['3', '3']);
    heard.answer_turn("Ana", "Ben", '3', ('4', '4'));
    heard.answer_turn("Ben", "Ana", '3', ('4', '4'));
    closing_but_the_last_key(&heard);
    heard.key(Key::Enter);
    heard.expect("Saved to your journal");
    heard.key(Key::Enter);
    heard.key(Key::Char('h'));
    heard.key(Key::Esc);
    heard.key(Key::Char('q'));
    heard.wait_exit(TIMEOUT).expect("heard quits");

    let data = root.join("home/.local/share/heard");
    let mut files: Vec<String> = walk(&root)
        .iter()
        .map(|p| p.strip_prefix(&root).unwrap().display().to_string())
        .collect();
    files.sort();
    assert_eq!(
        files,
        vec![
            "home/.local/share/heard/journal.json",
            "home/.local/share/heard/journal.lock"
        ],
        "heard wrote somewhere else"
    );
    assert!(data.is_dir());
    assert!(
        !root.join("home/.config/heard").exists(),
        "no config folder made"
    );
    assert!(!root.join("home/.cache").exists(), "no cache");
}

/// No crate that speaks to a network is built into heard.
#[test]
fn no_networking_crate_is_in_the_build() {
    let lock = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock"))
        .expect("Cargo.lock");
    let names: Vec<&str> = lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .map(|l| l.trim_end_matches('"'))
        .collect();
    assert!(names.contains(&"ratatui"), "read the right lock file");
    for net in [
        "reqwest",
        "hyper",
        "ureq",
        "curl",
        "isahc",
        "attohttpc",
        "socket2",
        "tokio",
        "async-std",
        "h2",
        "rustls",
        "native-tls",
        "openssl",
        "trust-dns-resolver",
        "hickory-resolver",
        "sentry",
        "opentelemetry",
    ] {
        assert!(!names.contains(&net), "{net} is in Cargo.lock");
    }
}

/// Under strace, a whole talk and the plain commands make no network call: no socket is
/// opened, nothing is bound or connected to.
#[cfg(target_os = "linux")]
#[test]
fn a_whole_talk_under_strace_opens_no_socket() {
    let Some(strace) = ["/usr/bin/strace", "/bin/strace"]
        .into_iter()
        .find(|p| Path::new(p).exists())
    else {
        // `.ci/run` installs strace, so CI always runs this; a plain `cargo test` on a
        // machine without it says so instead of failing.
        assert!(
            std::env::var_os("CI").is_none(),
            "strace is needed for this test; .ci/run installs it"
        );
        eprintln!("skipped: strace is not installed (apt-get install strace)");
        return;
    };
    let out_dir = tempfile::tempdir().unwrap();
    let trace = out_dir.path().join("talk.trace");
    let trace_arg = trace.to_string_lossy().into_owned();
    let mut args = vec![
        "-f",
        "-qq",
        "-e",
        "trace=network",
        "-o",
        trace_arg.as_str(),
        env!("CARGO_BIN_EXE_heard"),
    ];
    args.extend(TALK);
    let mut heard = Heard::spawn_program(strace, &args, DEFAULT_SIZE);
    heard.check_in(['3', '3']);
    heard.answer_turn("Ana", "Ben", '3', ('4', '4'));
    heard.answer_turn("Ben", "Ana", '3', ('4', '4'));
    closing_but_the_last_key(&heard);
    heard.key(Key::Enter);
    heard.expect("Saved to your journal");
    heard.key(Key::Enter);
    heard.key(Key::Char('q'));
    heard.wait_exit(TIMEOUT).expect("heard quits");
    let mut traces = vec![std::fs::read_to_string(&trace).expect("strace wrote its trace")];

    let sandbox = seeded();
    for command in [
        vec!["journal", "list"],
        vec!["journal", "stats"],
        vec!["journal", "export", "--format", "md"],
        vec!["decks", "list"],
    ] {
        let file = out_dir.path().join("cli.trace");
        let status = Command::new(strace)
            .args(["-f", "-qq", "-e", "trace=network", "-o"])
            .arg(&file)
            .arg(env!("CARGO_BIN_EXE_heard"))
            .arg("--data-dir")
            .arg(sandbox.data_dir())
            .arg("--config-dir")
            .arg(sandbox.config_dir())
            .args(&command)
            .output()
            .expect("run strace");
        assert!(status.status.success(), "{command:?}");
        traces.push(std::fs::read_to_string(&file).unwrap());
    }
    // A network connection needs socket() first; socketpair() only makes an anonymous local
    // pair (signal-hook's wake-up pipe), which is checked to be AF_UNIX.
    let mut calls = 0;
    for trace in &traces {
        for line in trace.lines() {
            calls += 1;
            for needle in ["socket(", "connect(", "bind(", "listen(", "accept"] {
                assert!(!line.contains(needle), "a network call: {line}");
            }
            if line.contains("socketpair(") {
                assert!(line.contains("socketpair(AF_UNIX"), "{line}");
            }
        }
    }
    assert!(
        calls > 0,
        "strace saw the signal pipe at least: the trace is real"
    );
}

/// On a terminal, `journal forget` asks first: anything but y keeps the talk; y forgets it.
#[test]
fn forget_on_a_terminal_asks_first() {
    let mut heard = Heard::spawn_in(
        seeded(),
        &["journal", "forget", "0b4f"],
        &[NOW],
        DEFAULT_SIZE,
    );
    heard.expect("[y/N]");
    heard.type_text("n");
    heard.key(Key::Enter);
    heard.expect("Nothing was forgotten.");
    let status = heard.wait_exit(TIMEOUT).expect("heard leaves");
    assert!(status.success());
    assert!(
        std::fs::read_to_string(heard.journal_path())
            .unwrap()
            .contains(EARLIER_ID),
        "kept"
    );

    heard.restart(&["journal", "forget", "0b4f"]);
    heard.expect("[y/N]");
    heard.type_text("y");
    heard.key(Key::Enter);
    heard.expect("Forgot the talk");
    heard.wait_exit(TIMEOUT).expect("heard leaves");
    assert!(
        !std::fs::read_to_string(heard.journal_path())
            .unwrap()
            .contains(EARLIER_ID),
        "forgotten"
    );
}

/// The earlier journal, as a newer heard (version 2) would have written it.
fn newer_journal() -> Sandbox {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.data_dir()).unwrap();
    let text = EARLIER_JOURNAL.replace("\"version\": 1", "\"version\": 2");
    std::fs::write(sandbox.journal_path(), text).unwrap();
    sandbox
}

#[test]
fn a_newer_journal_is_said_before_the_talk_and_a_whole_talk_says_nothing_is_saved() {
    let heard = Heard::spawn_in(newer_journal(), TALK, &[NOW], DEFAULT_SIZE);
    let before = std::fs::read(heard.journal_path()).unwrap();
    heard.expect("A journal from a newer heard");
    heard.expect("update heard to");
    heard.key(Key::Char('t'));
    heard.check_in(['3', '3']);
    heard.expect("Nothing is saved: the journal is from a newer heard");
    heard.answer_turn("Ana", "Ben", '3', ('4', '4'));
    heard.answer_turn("Ben", "Ana", '3', ('4', '4'));
    closing_but_the_last_key(&heard);
    heard.key(Key::Enter);
    heard.expect("Not saved: this journal was written by a newer heard");
    heard.expect_gone("as asked");
    assert_eq!(std::fs::read(heard.journal_path()).unwrap(), before);
    assert!(!heard.in_progress_path().exists(), "a draft was written");
}

#[test]
fn stop_on_a_newer_journal_starts_no_talk() {
    let mut heard = Heard::spawn_in(newer_journal(), TALK, &[NOW], DEFAULT_SIZE);
    heard.expect("A journal from a newer heard");
    heard.key(Key::Char('s'));
    heard.expect_gone("A journal from a newer heard");
    heard.expect("Start a talk");
    heard.key(Key::Char('q'));
    let status = heard.wait_exit(TIMEOUT).expect("heard quits");
    assert!(status.success(), "{status:?}");
    assert!(!heard.in_progress_path().exists());
}
