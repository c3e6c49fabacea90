//! A window that really closes: the terminal under heard goes away (the master side of its
//! pty is closed, as a terminal emulator or tmux kill-server does), on home, mid-talk with
//! a note being typed, and with the speaking timer running. heard saves the draft, exits
//! with 129 within a second, never spins, and leaves no core file.
//!
//! The harness keeps a second handle on the master for its reader thread, so these runs
//! open their own pty with libc and hold its only master descriptor.

use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::Sandbox;

const NOW: &str = "2026-11-26T20:00:00+01:00";

/// heard on a pty of its own, started through `sh` with core dumps allowed, so a crash
/// would leave a core file in its working folder.
struct Closable {
    master: Option<OwnedFd>,
    child: Child,
    seen: Vec<u8>,
}

/// A pty whose two sides are closed on exec: the master must stay this test's alone (a
/// child started meanwhile by another test must not keep it open), and the slave reaches
/// heard only as its standard streams.
fn open_pty() -> (OwnedFd, OwnedFd) {
    // SAFETY: plain calls on descriptors opened here; ptsname's buffer is copied at once.
    unsafe {
        let master = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC);
        assert!(master >= 0, "posix_openpt");
        let master = OwnedFd::from_raw_fd(master);
        assert_eq!(libc::grantpt(master.as_raw_fd()), 0, "grantpt");
        assert_eq!(libc::unlockpt(master.as_raw_fd()), 0, "unlockpt");
        let name = std::ffi::CStr::from_ptr(libc::ptsname(master.as_raw_fd())).to_owned();
        let slave = libc::open(
            name.as_ptr(),
            libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC,
        );
        assert!(slave >= 0, "open the pty's slave side");
        let size = libc::winsize {
            ws_row: 24,
            ws_col: 80,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        libc::ioctl(slave, libc::TIOCSWINSZ, &size);
        (master, OwnedFd::from_raw_fd(slave))
    }
}

impl Closable {
    fn spawn(sandbox: &Sandbox, args: &str) -> Closable {
        let (master, slave) = open_pty();
        let heard = env!("CARGO_BIN_EXE_heard");
        let mut command = Command::new("sh");
        command
            .arg("-c")
            .arg(format!(
                "ulimit -c unlimited 2>/dev/null; exec {heard} {args}"
            ))
            .env_clear()
            .env("TERM", "xterm-256color")
            .env("HOME", sandbox.home_dir())
            .env("HEARD_DATA_DIR", sandbox.data_dir())
            .env("HEARD_CONFIG_DIR", sandbox.config_dir())
            .env("HEARD_NOW", NOW)
            .env("PATH", "/usr/bin:/bin")
            .current_dir(sandbox.root())
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        // SAFETY: only async-signal-safe calls between fork and exec: a new session, with
        // the pty as its controlling terminal, as a terminal emulator starts a shell.
        unsafe {
            command.pre_exec(|| {
                libc::setsid();
                libc::ioctl(0, libc::TIOCSCTTY, 0);
                Ok(())
            });
        }
        let child = command.spawn().expect("start heard");
        Closable {
            master: Some(master),
            child,
            seen: Vec::new(),
        }
    }

    fn fd(&self) -> i32 {
        self.master
            .as_ref()
            .expect("the terminal is open")
            .as_raw_fd()
    }

    /// Read what heard wrote until `text` shows (answering a cursor query if one comes).
    #[track_caller]
    fn wait_for(&mut self, text: &str) {
        let start = Instant::now();
        while !String::from_utf8_lossy(&self.seen).contains(text) {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {text:?}; heard wrote {:?}",
                String::from_utf8_lossy(&self.seen)
            );
            let mut fds = libc::pollfd {
                fd: self.fd(),
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: one valid pollfd.
            if unsafe { libc::poll(&mut fds, 1, 100) } <= 0 {
                continue;
            }
            let mut buf = [0u8; 8192];
            // SAFETY: reads into a buffer of the length given.
            let n = unsafe { libc::read(self.fd(), buf.as_mut_ptr().cast(), buf.len()) };
            if n > 0 {
                let got = &buf[..n as usize];
                if got.windows(4).any(|w| w == b"\x1b[6n") {
                    self.send("\x1b[1;1R");
                }
                self.seen.extend_from_slice(got);
            }
        }
        self.seen.clear();
    }

    fn send(&self, text: &str) {
        // SAFETY: writes the bytes of `text`.
        let n = unsafe { libc::write(self.fd(), text.as_ptr().cast(), text.len()) };
        assert_eq!(n, text.len() as isize);
        std::thread::sleep(Duration::from_millis(60));
    }

    /// Close the terminal; heard's exit status and how long it took to leave.
    fn close(&mut self) -> (Option<i32>, Duration) {
        drop(self.master.take());
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(status)) = self.child.try_wait() {
                return (status.code(), start.elapsed());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        (None, start.elapsed())
    }
}

/// A test that fails half-way leaves no heard running behind it.
impl Drop for Closable {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn no_core_file(dir: &Path) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        assert!(!name.starts_with("core"), "a core file was left: {name}");
    }
}

#[track_caller]
fn left_at_once(mut heard: Closable, sandbox: &Sandbox) {
    let (code, took) = heard.close();
    assert_eq!(code, Some(129), "exit status after the terminal closed");
    assert!(took < Duration::from_secs(1), "took {took:?} to leave");
    no_core_file(sandbox.root());
}

#[test]
fn closing_the_terminal_on_home_exits_129_at_once() {
    let sandbox = Sandbox::new();
    let mut heard = Closable::spawn(&sandbox, "");
    heard.wait_for("Start a talk");
    left_at_once(heard, &sandbox);
}

#[test]
fn closing_the_terminal_mid_talk_keeps_the_note_being_typed() {
    let sandbox = Sandbox::new();
    let mut heard = Closable::spawn(&sandbox, "talk --partners Ana,Ben --speaking-time 0");
    heard.wait_for("how are you feeling right now?");
    heard.send("3");
    heard.send("3");
    heard.wait_for("share with");
    heard.send("n");
    heard.send("only for the draft");
    left_at_once(heard, &sandbox);
    let draft = std::fs::read_to_string(sandbox.data_dir().join("in-progress.json"))
        .expect("the draft is kept");
    assert!(draft.contains("only for the draft"), "{draft}");
}

#[test]
fn closing_the_terminal_while_the_timer_runs_exits_129_at_once() {
    let sandbox = Sandbox::new();
    let mut heard = Closable::spawn(&sandbox, "talk --partners Ana,Ben --speaking-time 120");
    heard.wait_for("how are you feeling right now?");
    heard.send("3");
    heard.send("3");
    // The clock counts down once a second: the loop wakes on its ticks.
    heard.wait_for("59");
    left_at_once(heard, &sandbox);
    assert!(sandbox.data_dir().join("in-progress.json").exists());
}
