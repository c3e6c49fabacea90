//! Runs the real `heard` binary in a pseudo-terminal and reads its screen, for end-to-end tests.
//!
//! # Writing a flow test
//!
//! Include the harness in a test file and drive heard the way a couple would:
//!
//! ```ignore
//! #[path = "e2e/harness.rs"]
//! mod harness;
//! use harness::{DEFAULT_SIZE, Heard, Key, TIMEOUT};
//!
//! const NOW: (&str, &str) = ("HEARD_NOW", "2026-11-26T20:00:00+01:00");
//!
//! #[test]
//! fn a_couple_talk_lands_in_the_journal() {
//!     let mut heard = Heard::spawn(&["talk", "--partners", "Ana,Ben"], &[NOW], DEFAULT_SIZE);
//!     heard.expect("Ana, share with Ben");  // waits up to TIMEOUT, panics with the screen
//!     heard.type_text("the way you laugh"); // a private note; Enter is `key(Key::Enter)`
//!     heard.key(Key::Enter);
//!     heard.expect("How heard");            // wait for the screen before the next step
//!     heard.key(Key::Char('4'));            // a rating by number key
//!     // ... on through closing and summary, then quit ...
//!     let status = heard.wait_exit(TIMEOUT).expect("heard quits");
//!     assert!(status.success(), "{status}\n{}", heard.framed());
//!     assert!(!heard.alternate_screen(), "the terminal is restored");
//!     let journal = heard.read_journal();  // <data_dir>/journal.json as serde_json::Value
//!     assert_eq!(journal["sessions"][0]["turns"][0]["felt_heard"], 4);
//! }
//!
//! #[test]
//! fn a_talk_cut_short_comes_back() {
//!     let mut heard = Heard::spawn(&["talk", "--partners", "Ana,Ben"], &[NOW], DEFAULT_SIZE);
//!     // ... answer and rate the first prompt ...
//!     heard.wait_for_file(&heard.in_progress_path(), TIMEOUT, |draft| draft.contains("felt_heard"))
//!         .unwrap();
//!     heard.key(Key::CtrlC);                // or heard.kill() for a crash
//!     heard.wait_exit(TIMEOUT).expect("heard stops");
//!     heard.restart(&["talk"]);             // same data and config folders, same env
//!     heard.expect("resume");
//!     // ... finish, then read the journal as above ...
//! }
//! ```
//!
//! - Every run gets a fresh sandbox (a `TempDir`): `HOME`, `HEARD_DATA_DIR` and
//!   `HEARD_CONFIG_DIR` point inside it (`home_dir()`, `data_dir()`, `config_dir()`); the data
//!   and config folders are not created, as on a first start. Nothing else of the test's
//!   environment reaches heard (no `NO_COLOR`, no `HEARD_NOW`) unless the test passes it.
//!   To seed files before the first start, make a `Sandbox` and use `Heard::spawn_in`.
//! - `restart(args)` starts heard again in the same sandbox with the same env and size, in a
//!   new terminal (the old screen is gone); a run still going is killed first.
//! - `wait_for`/`expect` look for text on the emulated screen, row by row as it looks (rows
//!   joined by `\n`, so a text split over two rows, even by the terminal wrapping a long
//!   line, does not match); the error shows the whole screen in a frame. `rows()` gives the
//!   rows one by one, `framed()` the screen for a failure message.
//! - Keys reach heard in order through the pty, so several may be sent in a row; but wait for
//!   the screen that proves a step happened before asserting on it or on files. A lone Esc
//!   followed at once by another key would read as Alt+key, so `key(Key::Esc)` pauses briefly.
//! - `raw_output()`/`raw_contains()` hold every byte heard wrote, for asserting that control
//!   bytes from deck or journal text never reach the terminal, or that `NO_COLOR` means no
//!   colour codes (`!raw_contains(b"\x1b[38;")`).
//! - `resize(rows, cols)` changes the terminal under a running heard (it gets SIGWINCH);
//!   `signal(Signal::Hup)` is a closed terminal window, `kill()` a crash.
//! - A drain thread always reads the pty (heard never blocks on a full buffer) and answers the
//!   terminal queries crossterm may send: cursor position (`ESC[6n`), device status (`ESC[5n`)
//!   and primary device attributes (`ESC[c`), as a real terminal would.
//! - Dropping a `Heard` kills a child still running.
#![allow(dead_code)]

#[path = "../common/keys.rs"]
mod keys;
#[path = "pty.rs"]
mod pty;
#[path = "sandbox.rs"]
mod sandbox;
#[path = "talk_steps.rs"]
mod talk_steps;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::MutexGuard;
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, ExitStatus};

pub use keys::{Key, Signal};
use pty::{Run, Terminal, nonzero, pty_size, start};
pub use sandbox::Sandbox;

/// How long a wait lasts unless the test says otherwise; generous, as CI machines are slow.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// The classic terminal size, rows by columns.
pub const DEFAULT_SIZE: (u16, u16) = (24, 80);
const POLL: Duration = Duration::from_millis(20);

/// heard in a pseudo-terminal.
pub struct Heard {
    sandbox: Sandbox,
    env: Vec<(String, String)>,
    size: (u16, u16),
    run: Run,
}

impl Heard {
    /// Start heard with `args` in a fresh sandbox, a terminal of `size` (rows, cols) and, on
    /// top of the clean environment, `env`.
    pub fn spawn(args: &[&str], env: &[(&str, &str)], size: (u16, u16)) -> Heard {
        Heard::spawn_in(Sandbox::new(), args, env, size)
    }

    /// Start heard in a sandbox the test prepared (a config file, a journal, a draft).
    pub fn spawn_in(
        sandbox: Sandbox,
        args: &[&str],
        env: &[(&str, &str)],
        size: (u16, u16),
    ) -> Heard {
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_heard"));
        command.args(args);
        let run = start(command, &sandbox, &env, size);
        Heard {
            sandbox,
            env,
            size,
            run,
        }
    }

    /// Start another program in the same clean sandboxed terminal; for testing the harness
    /// itself against well-known tools.
    pub fn spawn_program(program: &str, args: &[&str], size: (u16, u16)) -> Heard {
        let sandbox = Sandbox::new();
        let mut command = CommandBuilder::new(program);
        command.args(args);
        let run = start(command, &sandbox, &[], size);
        Heard {
            sandbox,
            env: Vec::new(),
            size,
            run,
        }
    }

    /// Start heard again with the same sandbox, env and terminal size; a run still going is
    /// killed first, as a crash would.
    pub fn restart(&mut self, args: &[&str]) {
        self.kill_and_reap();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_heard"));
        command.args(args);
        // Replacing the run drops the old pty; its drain thread ends on its own.
        self.run = start(command, &self.sandbox, &self.env, self.size);
    }

    /// `restart` with a different extra env (another `HEARD_NOW`: the next evening); it stays
    /// for later restarts.
    pub fn restart_with_env(&mut self, args: &[&str], env: &[(&str, &str)]) {
        self.env = env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        self.restart(args);
    }

    pub fn sandbox(&self) -> &Sandbox {
        &self.sandbox
    }

    pub fn home_dir(&self) -> PathBuf {
        self.sandbox.home_dir()
    }

    pub fn data_dir(&self) -> PathBuf {
        self.sandbox.data_dir()
    }

    pub fn config_dir(&self) -> PathBuf {
        self.sandbox.config_dir()
    }

    pub fn journal_path(&self) -> PathBuf {
        self.sandbox.journal_path()
    }

    pub fn in_progress_path(&self) -> PathBuf {
        self.sandbox.in_progress_path()
    }

    /// Wait until the file at `path` exists and its text passes `check`: heard writes files
    /// after the screen changes, so wait for the draft before killing heard mid-talk.
    pub fn wait_for_file(
        &self,
        path: &Path,
        timeout: Duration,
        mut check: impl FnMut(&str) -> bool,
    ) -> Result<(), String> {
        let start = Instant::now();
        loop {
            let text = std::fs::read_to_string(path).ok();
            if text.as_deref().is_some_and(&mut check) {
                return Ok(());
            }
            if start.elapsed() >= timeout {
                let seen = match text {
                    Some(text) => format!("it holds:\n{text}"),
                    None => "it is not there".to_string(),
                };
                return Err(format!(
                    "waited {timeout:?} for {}; {seen}\n{}",
                    path.display(),
                    self.framed()
                ));
            }
            thread::sleep(POLL);
        }
    }

    /// The journal heard wrote, parsed; panics with the screen if it is missing or broken.
    pub fn read_journal(&self) -> serde_json::Value {
        let path = self.journal_path();
        let bytes = std::fs::read(&path)
            .unwrap_or_else(|e| panic!("no journal at {}: {e}\n{}", path.display(), self.framed()));
        serde_json::from_slice(&bytes)
            .unwrap_or_else(|e| panic!("journal at {} is not JSON: {e}", path.display()))
    }

    fn terminal(&self) -> MutexGuard<'_, Terminal> {
        self.run.terminal.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The screen's rows as they look, trailing blanks trimmed; a line the terminal wrapped
    /// is two rows here.
    pub fn rows(&self) -> Vec<String> {
        let terminal = self.terminal();
        let screen = terminal.parser.screen();
        let (_, cols) = screen.size();
        screen
            .rows(0, cols.get())
            .map(|row| row.trim_end().to_string())
            .collect()
    }

    /// The text on the emulated screen: its rows joined by `\n`, trailing blank rows left out.
    pub fn screen(&self) -> String {
        let mut rows = self.rows();
        while rows.last().is_some_and(|row| row.is_empty()) {
            rows.pop();
        }
        rows.join("\n")
    }

    /// The emulated screen's size, rows by columns.
    pub fn screen_size(&self) -> (u16, u16) {
        let (rows, cols) = self.terminal().parser.screen().size();
        (rows.get(), cols.get())
    }

    /// Where the cursor is, row and column from 0.
    pub fn cursor(&self) -> (u16, u16) {
        self.terminal().parser.screen().cursor_position()
    }

    /// Whether the program is showing the alternate screen (a TUI that has not restored the
    /// terminal on exit leaves it on).
    pub fn alternate_screen(&self) -> bool {
        self.terminal().parser.screen().alternate_screen()
    }

    /// Every byte the program has written to the terminal so far.
    pub fn raw_output(&self) -> Vec<u8> {
        self.terminal().raw.clone()
    }

    pub fn raw_contains(&self, needle: &[u8]) -> bool {
        !needle.is_empty()
            && self
                .terminal()
                .raw
                .windows(needle.len())
                .any(|w| w == needle)
    }

    /// The screen in a frame, for failure messages.
    pub fn framed(&self) -> String {
        let (rows, cols) = self.screen_size();
        let width = usize::from(cols);
        let rule = "-".repeat(width);
        let mut framed = format!("screen ({rows}x{cols}):\n+{rule}+\n");
        for row in self.rows() {
            let pad = width.saturating_sub(row.chars().count());
            framed.push_str(&format!("|{row}{}|\n", " ".repeat(pad)));
        }
        framed.push_str(&format!("+{rule}+"));
        framed
    }

    /// Wait until the screen passes `check`; `what` names it in the error.
    pub fn wait_until(
        &self,
        what: &str,
        timeout: Duration,
        mut check: impl FnMut(&str) -> bool,
    ) -> Result<(), String> {
        let start = Instant::now();
        loop {
            if check(&self.screen()) {
                return Ok(());
            }
            if start.elapsed() >= timeout {
                return Err(format!("waited {timeout:?} for {what}\n{}", self.framed()));
            }
            thread::sleep(POLL);
        }
    }

    /// Wait until `text` is on the screen.
    pub fn wait_for(&self, text: &str, timeout: Duration) -> Result<(), String> {
        self.wait_until(&format!("{text:?} to appear"), timeout, |s| {
            s.contains(text)
        })
    }

    /// Wait until `text` is no longer on the screen.
    pub fn wait_gone(&self, text: &str, timeout: Duration) -> Result<(), String> {
        self.wait_until(&format!("{text:?} to go"), timeout, |s| !s.contains(text))
    }

    /// `wait_for` with the default timeout, failing the test with the screen.
    #[track_caller]
    pub fn expect(&self, text: &str) {
        if let Err(message) = self.wait_for(text, TIMEOUT) {
            panic!("{message}");
        }
    }

    /// `wait_gone` with the default timeout, failing the test with the screen.
    #[track_caller]
    pub fn expect_gone(&self, text: &str) {
        if let Err(message) = self.wait_gone(text, TIMEOUT) {
            panic!("{message}");
        }
    }

    /// Write raw bytes to the terminal, as if typed or pasted.
    pub fn send(&self, bytes: &str) {
        self.send_bytes(bytes.as_bytes());
    }

    pub fn send_bytes(&self, bytes: &[u8]) {
        let mut writer = self.run.writer.lock().unwrap_or_else(|p| p.into_inner());
        writer
            .write_all(bytes)
            .and_then(|()| writer.flush())
            .expect("write to the pty");
    }

    pub fn key(&self, key: Key) {
        self.send_bytes(&key.bytes());
        if key == Key::Esc {
            // Give the program time to read the lone Esc before a following key could join it
            // into an Alt sequence.
            thread::sleep(Duration::from_millis(60));
        }
    }

    /// Type text character by character as one burst; use `key(Key::Enter)` for Enter.
    pub fn type_text(&self, text: &str) {
        self.send(text);
    }

    /// Resize the terminal; the program gets SIGWINCH.
    pub fn resize(&mut self, rows: u16, cols: u16) {
        self.size = (rows, cols);
        let mut terminal = self.terminal();
        terminal.parser.set_size(nonzero(rows), nonzero(cols));
        self.run
            .master
            .resize(pty_size((rows, cols)))
            .expect("resize the pty");
    }

    /// The process id, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.run.child.process_id()
    }

    /// Send a signal with the system's `kill`; heard must still be running.
    #[track_caller]
    pub fn signal(&mut self, signal: Signal) {
        if let Some(status) = self.exit_status() {
            panic!(
                "heard already ended ({status}); no {signal:?} sent\n{}",
                self.framed()
            );
        }
        let pid = self.pid().expect("heard has a process id");
        let status = Command::new("kill")
            .arg(format!("-{}", signal.name()))
            .arg(pid.to_string())
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{} {pid} failed", signal.name());
    }

    /// Kill heard outright (SIGKILL), as a crash would; it cannot save anything.
    pub fn kill(&mut self) {
        if self.exit_status().is_none() {
            self.signal(Signal::Kill);
        }
    }

    /// The exit status if heard has ended, without waiting.
    pub fn exit_status(&mut self) -> Option<ExitStatus> {
        if self.run.status.is_none()
            && let Ok(Some(status)) = self.run.child.try_wait()
        {
            self.run.status = Some(status);
        }
        self.run.status.clone()
    }

    /// Wait for heard to end; then wait briefly for its last output to reach the screen.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let start = Instant::now();
        while self.exit_status().is_none() {
            if start.elapsed() >= timeout {
                return None;
            }
            thread::sleep(POLL);
        }
        let drained = Instant::now();
        while !self.terminal().closed && drained.elapsed() < Duration::from_secs(2) {
            thread::sleep(Duration::from_millis(5));
        }
        self.run.status.clone()
    }

    fn kill_and_reap(&mut self) {
        if self.exit_status().is_none() {
            let _ = self.run.child.process_id().map(|pid| {
                Command::new("kill")
                    .arg("-KILL")
                    .arg(pid.to_string())
                    .status()
            });
            self.wait_exit(TIMEOUT);
        }
    }
}

impl Drop for Heard {
    fn drop(&mut self) {
        // Before the writer goes: dropping it sends a newline and EOF to a living program.
        self.kill_and_reap();
    }
}
