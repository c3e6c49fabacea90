//! The end-to-end harness proven on what heard does today, so flow tests can trust it.

use crate::harness;

use std::time::{Duration, Instant};

use harness::{DEFAULT_SIZE, Heard, Key, Sandbox, Signal, TIMEOUT};

/// One finished couple talk whose partner name and prompt carry terminal escape sequences.
const JOURNAL_WITH_ESCAPES: &str = r#"{
  "format": "heard-journal",
  "version": 1,
  "sessions": [{
    "id": "0b4f6d1e-3c1a-4f7e-9a43-6a4e2c9d8b10",
    "mode": "couple",
    "started_at": "2026-11-26T20:01:00+01:00",
    "ended_at": "2026-11-26T20:41:00+01:00",
    "completed": true,
    "deck_id": "rekindle",
    "partners": ["Ana", "Ben\u001b]0;pwned\u0007"],
    "turns": [{
      "prompt_id": "first-noticed",
      "prompt": "What did you \u001b[2Jnotice early on?",
      "speaker": 0,
      "felt_heard": 4,
      "felt_validated": 5,
      "skipped": false
    }]
  }]
}
"#;

/// Exits within the timeout, or fails with what was on the screen.
#[track_caller]
fn exit_code(heard: &mut Heard) -> u32 {
    let status = heard
        .wait_exit(TIMEOUT)
        .unwrap_or_else(|| panic!("heard did not exit\n{}", heard.framed()));
    assert!(status.signal().is_none(), "{status}\n{}", heard.framed());
    status.exit_code()
}

/// A program from the test's own PATH, for the harness tests that need a long-running or
/// size-reporting program heard does not offer yet.
fn tool(name: &str) -> String {
    let path = std::env::var_os("PATH").expect("PATH is set");
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
        .unwrap_or_else(|| panic!("{name} is not on PATH"))
        .to_string_lossy()
        .into_owned()
}

#[test]
fn decks_list_shows_on_the_screen_and_exits_0() {
    let mut heard = Heard::spawn(&["decks", "list"], &[], DEFAULT_SIZE);
    heard.expect("rekindle");
    assert_eq!(exit_code(&mut heard), 0);
    assert!(
        heard.screen().contains("Gentle repair"),
        "{}",
        heard.framed()
    );
    assert_eq!(heard.screen_size(), (24, 80));
}

#[test]
fn the_sandbox_folders_reach_heard_through_the_environment() {
    let mut heard = Heard::spawn(&["journal", "path"], &[], (24, 200));
    assert_eq!(exit_code(&mut heard), 0);
    let journal = heard.journal_path();
    heard.expect(&journal.to_string_lossy());

    heard.restart(&["config", "path"]);
    assert_eq!(exit_code(&mut heard), 0);
    heard.expect(&heard.config_dir().to_string_lossy());

    // An env of the test's own reaches heard, and a restart can change it.
    let elsewhere = heard.sandbox().root().join("elsewhere");
    let elsewhere = elsewhere.to_string_lossy().into_owned();
    heard.restart_with_env(&["journal", "path"], &[("HEARD_DATA_DIR", &elsewhere)]);
    assert_eq!(exit_code(&mut heard), 0);
    heard.expect(&format!("{elsewhere}/journal.json"));
}

#[test]
fn journal_stats_on_a_first_run_says_no_talks_yet_without_colour() {
    let mut heard = Heard::spawn(&["--no-color", "journal", "stats"], &[], DEFAULT_SIZE);
    heard.expect("No talks yet");
    assert_eq!(exit_code(&mut heard), 0);
    assert!(
        !heard.raw_contains(b"\x1b["),
        "escape codes with --no-color: {:?}",
        String::from_utf8_lossy(&heard.raw_output())
    );
    assert!(!heard.data_dir().join("journal.json").exists());
}

#[test]
fn a_restart_keeps_the_same_data_folder() {
    let sandbox = Sandbox::new();
    let other = sandbox.root().join("other-laptop.json");
    std::fs::write(&other, JOURNAL_WITH_ESCAPES).unwrap();

    let mut heard = Heard::spawn_in(
        sandbox,
        &["journal", "merge", &other.to_string_lossy()],
        &[],
        DEFAULT_SIZE,
    );
    heard
        .wait_for_file(&heard.journal_path(), TIMEOUT, |text| {
            text.contains("0b4f6d1e")
        })
        .unwrap();
    heard.expect("1 talk added");
    assert_eq!(exit_code(&mut heard), 0);
    let err = heard
        .wait_for_file(
            &heard.in_progress_path(),
            Duration::from_millis(100),
            |_| true,
        )
        .unwrap_err();
    assert!(
        err.contains("in-progress.json") && err.contains("not there"),
        "{err}"
    );
    let data_dir = heard.data_dir();
    assert_eq!(heard.read_journal()["sessions"][0]["deck_id"], "rekindle");

    heard.restart(&["journal", "list"]);
    heard.expect("0b4f6d1e");
    assert_eq!(exit_code(&mut heard), 0);
    assert!(heard.screen().contains("rekindle"), "{}", heard.framed());
    // The first run's output is gone: this is a new terminal.
    assert!(!heard.screen().contains("talk added"), "{}", heard.framed());
    assert_eq!(heard.data_dir(), data_dir);
}

#[test]
fn escape_sequences_from_a_journal_never_reach_the_terminal() {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.data_dir()).unwrap();
    std::fs::write(sandbox.journal_path(), JOURNAL_WITH_ESCAPES).unwrap();
    let mut heard = Heard::spawn_in(sandbox, &["journal", "show", "0b4f"], &[], DEFAULT_SIZE);
    heard.expect("notice early on");
    assert_eq!(exit_code(&mut heard), 0);
    for raw in [&b"\x1b]0;"[..], b"\x07", b"\x1b[2J"] {
        assert!(
            !heard.raw_contains(raw),
            "{raw:?} reached the terminal: {:?}",
            String::from_utf8_lossy(&heard.raw_output())
        );
    }
}

#[test]
fn wait_for_absent_text_fails_with_the_whole_screen() {
    let mut heard = Heard::spawn(&["decks", "list"], &[], DEFAULT_SIZE);
    assert_eq!(exit_code(&mut heard), 0);
    let start = Instant::now();
    let err = heard
        .wait_for("words heard never says", Duration::from_millis(300))
        .unwrap_err();
    assert!(start.elapsed() >= Duration::from_millis(300));
    assert!(err.contains("words heard never says"), "{err}");
    assert!(
        err.contains("rekindle") && err.contains("before-the-talk"),
        "{err}"
    );

    let err = heard
        .wait_gone("rekindle", Duration::from_millis(100))
        .unwrap_err();
    assert!(err.contains("Daily check-in"), "{err}");
    assert!(heard.wait_gone("words heard never says", TIMEOUT).is_ok());
}

#[test]
fn a_60_by_18_terminal_is_what_the_program_sees_and_what_the_screen_holds() {
    let mut stty = Heard::spawn_program(&tool("stty"), &["size"], (18, 60));
    stty.expect("18 60");

    let mut heard = Heard::spawn(&["decks", "list"], &[], (18, 60));
    assert_eq!(exit_code(&mut heard), 0);
    assert_eq!(heard.screen_size(), (18, 60));
    let rows = heard.rows();
    assert_eq!(rows.len(), 18);
    assert!(heard.screen().contains("rekindle"), "{}", heard.framed());
    // The decks table is wider than 60 columns, so the terminal wraps it at the edge.
    assert!(
        rows.iter().all(|row| row.chars().count() <= 60),
        "{}",
        heard.framed()
    );
    let rekindle = rows.iter().position(|row| row.starts_with("rekindle"));
    let rekindle = rekindle.unwrap_or_else(|| panic!("{}", heard.framed()));
    assert!(
        !rows[rekindle].contains("built-in") && rows[rekindle + 1].contains("built-in"),
        "{}",
        heard.framed()
    );
    assert!(exit_code(&mut stty) == 0);
}

#[test]
fn a_resize_reaches_the_program() {
    let mut sh = Heard::spawn_program(
        &tool("sh"),
        &["-c", "stty size; read line; stty size"],
        DEFAULT_SIZE,
    );
    sh.expect("24 80");
    sh.resize(30, 100);
    sh.key(Key::Enter);
    sh.expect("30 100");
    assert_eq!(sh.screen_size(), (30, 100));
    assert!(sh.wait_exit(TIMEOUT).is_some_and(|s| s.success()));
}

#[test]
fn typed_keys_arrive_and_ctrl_c_interrupts() {
    let mut cat = Heard::spawn_program(&tool("cat"), &[], DEFAULT_SIZE);
    cat.type_text("we talked");
    cat.key(Key::Enter);
    // The terminal echoes the line, then cat writes it back.
    cat.wait_until("the line twice", TIMEOUT, |s| {
        s.matches("we talked").count() == 2
    })
    .unwrap();
    cat.key(Key::CtrlC);
    let status = cat.wait_exit(TIMEOUT).expect("cat stops on Ctrl-C");
    assert!(status.signal().is_some(), "{status}");
}

#[test]
fn the_harness_answers_cursor_and_device_queries() {
    // The program asks where the cursor is after "hello", then what the terminal is, and
    // shows each six-byte answer with od.
    let script = r#"stty raw -echo
printf 'hello\033[6n'; a=$(dd bs=1 count=6 2>/dev/null | od -An -c)
printf '\033[c'; b=$(dd bs=1 count=6 2>/dev/null | od -An -c)
stty sane; echo; echo "cursor: $a"; echo "device: $b""#;
    let mut sh = Heard::spawn_program(&tool("sh"), &["-c", script], DEFAULT_SIZE);
    sh.wait_until("both answers", TIMEOUT, |s| s.contains("device:"))
        .unwrap();
    assert!(sh.wait_exit(TIMEOUT).is_some_and(|s| s.success()));
    let words = sh.screen().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("cursor: 033 [ 1 ; 6 R"), "{words}");
    assert!(words.contains("device: 033 [ ? 6 2 c"), "{words}");
}

#[test]
fn signals_and_kill_end_the_program_and_drop_cleans_up() {
    let mut cat = Heard::spawn_program(&tool("cat"), &[], DEFAULT_SIZE);
    cat.signal(Signal::Term);
    let status = cat.wait_exit(TIMEOUT).expect("cat stops on SIGTERM");
    assert!(status.signal().is_some(), "{status}");

    let mut cat = Heard::spawn_program(&tool("cat"), &[], DEFAULT_SIZE);
    cat.kill();
    let status = cat.wait_exit(TIMEOUT).expect("cat stops on SIGKILL");
    assert!(status.signal().is_some(), "{status}");

    let cat = Heard::spawn_program(&tool("cat"), &[], DEFAULT_SIZE);
    let pid = cat.pid().unwrap().to_string();
    drop(cat);
    let alive = std::process::Command::new(tool("kill"))
        .args(["-0", &pid])
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(!alive.success(), "cat {pid} still runs after drop");
}

#[test]
fn the_home_screen_runs_in_the_pty_and_quitting_restores_the_terminal() {
    let mut heard = Heard::spawn(&[], &[], DEFAULT_SIZE);
    heard.expect("Start a talk");
    assert!(heard.alternate_screen(), "{}", heard.framed());
    heard.key(Key::Char('q'));
    assert_eq!(exit_code(&mut heard), 0);
    assert!(!heard.alternate_screen(), "{}", heard.framed());
    assert!(
        !heard.screen().contains("Start a talk"),
        "{}",
        heard.framed()
    );
}
