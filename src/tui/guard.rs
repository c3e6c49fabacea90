//! Leaving well however a run ends: a signal (a closed window, `kill`) or a panic restores
//! the terminal, keeps the talk in progress and says where it is.
//!
//! Signals: signal-hook's iterator turns SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1 and
//! SIGALRM into plain values on a thread of ours, so nothing unusual runs inside a signal
//! handler. That thread records the signal and wakes the event loop through the terminal
//! watch's pipe; the loop sees the signal, leaves, and the app saves the draft the same way
//! Ctrl-C does. An idle heard still blocks in `poll` and uses no CPU. Should the loop not
//! leave within a few seconds, the thread restores the terminal and exits for it: the draft
//! on disk is at most one input old, as it is saved after every input.
//!
//! A terminal that goes away (the watch sees it hang up or end) is a hang-up: the draft is
//! saved with what was being typed and heard leaves at once with 129, as for SIGHUP.
//! Nothing is written to a terminal that may be gone in a way that could panic: every
//! message goes through `say`, which ignores a failed write.
//!
//! Panics: a hook set after ratatui's restores the terminal and prints one calm message
//! (where the draft is, how to report it) instead of Rust's raw panic text.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use signal_hook::consts::{SIGALRM, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1};
use signal_hook::iterator::{Handle, Signals};

use super::action::Action;
use super::app::App;
use super::event_loop::{self, Program};
use super::watch::Watch;
use crate::text::one_line;

/// The signals that ask heard to stop; each restores the terminal and keeps the talk.
const STOP_SIGNALS: [i32; 6] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGALRM];

/// One line to standard error, or nothing when it cannot be written (the terminal is
/// gone): `eprintln!` would panic there, and a panic inside the panic hook aborts.
pub fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// How long the event loop has to leave after a signal before the guard leaves for it.
const GRACE: Duration = Duration::from_secs(3);

/// Run the app in the terminal until the user leaves, a signal comes, or a panic.
pub fn run(app: &mut App) -> Result<ExitCode> {
    let draft = app.storage.draft_path();
    let watch = Watch::new().context("heard needs a terminal to show the talk")?;
    let guard =
        SignalGuard::install(watch.waker()?).context("cannot listen for the terminal closing")?;
    let mut terminal = ratatui::try_init().context("heard needs a terminal to show the talk")?;
    // After ratatui's own hook, which this one replaces: it restores the terminal too, then
    // prints the raw panic text that this one keeps off the screen.
    set_panic_hook(draft);
    let mut guarded = Guarded {
        app: &mut *app,
        guard: &guard,
        keys: 0,
        panic_after: test_panic_after(),
        hung_up: false,
    };
    let result = event_loop::run(&mut terminal, &mut guarded, &watch);
    // A closed window (seen by the watch, or a SIGHUP with the terminal already gone):
    // nothing can be shown any more, and nothing written there may fail into a panic.
    let hung_up = guarded.hung_up || watch.wait(Duration::ZERO) == super::watch::Wait::Gone;
    if hung_up {
        crate::process::forget_the_terminal();
    }
    let stopped_by = guard.received().or(hung_up.then_some(SIGHUP));
    if let Some(signal) = stopped_by {
        // The terminal may be gone: whatever the loop said about it, save and go.
        app.update(Action::Interrupt);
        let _ = ratatui::try_restore();
        guard.finish();
        if let Some(farewell) = app.farewell.take() {
            say(&farewell);
        }
        return Ok(ExitCode::from(128 + signal as u8));
    }
    let _ = ratatui::try_restore();
    guard.finish();
    result?;
    if let Some(farewell) = app.farewell.take() {
        say(&farewell);
    }
    // Ctrl-C leaves with 130, as a shell expects of an interrupted program.
    Ok(app.exit_status.map_or(ExitCode::SUCCESS, ExitCode::from))
}

/// Listens for the signals that ask heard to stop, on a thread of its own.
struct SignalGuard {
    received: Arc<AtomicI32>,
    finished: Arc<AtomicBool>,
    handle: Handle,
}

impl SignalGuard {
    /// Listen, and wake the event loop through `waker` when a signal comes.
    fn install(waker: std::os::unix::net::UnixStream) -> std::io::Result<SignalGuard> {
        let mut signals = Signals::new(STOP_SIGNALS)?;
        let handle = signals.handle();
        let received = Arc::new(AtomicI32::new(0));
        let finished = Arc::new(AtomicBool::new(false));
        let (seen, done) = (Arc::clone(&received), Arc::clone(&finished));
        std::thread::Builder::new()
            .name("heard-signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    seen.store(signal, Ordering::SeqCst);
                    // The loop's wait wakes on the pipe and then sees the signal.
                    let _ = std::io::Write::write(&mut &waker, &[1]);
                    let start = Instant::now();
                    while start.elapsed() < GRACE {
                        if done.load(Ordering::SeqCst) {
                            return;
                        }
                        std::thread::sleep(Duration::from_millis(20));
                    }
                    // The loop is stuck; the draft on disk is at most one input old.
                    let _ = ratatui::try_restore();
                    say("heard: stopped; your talk is kept up to the last answer.");
                    std::process::exit(128 + signal);
                }
            })?;
        Ok(SignalGuard {
            received,
            finished,
            handle,
        })
    }

    fn received(&self) -> Option<i32> {
        match self.received.load(Ordering::SeqCst) {
            0 => None,
            signal => Some(signal),
        }
    }

    /// The run is over: the thread must not exit the process for it any more.
    fn finish(&self) {
        self.finished.store(true, Ordering::SeqCst);
        self.handle.close();
    }
}

impl Drop for SignalGuard {
    fn drop(&mut self) {
        self.finish();
    }
}

/// The app as the event loop sees it, leaving as soon as a signal has come.
struct Guarded<'a> {
    app: &'a mut App,
    guard: &'a SignalGuard,
    keys: u32,
    panic_after: Option<u32>,
    /// The terminal went away.
    hung_up: bool,
}

impl Program for Guarded<'_> {
    fn draw(&self, frame: &mut ratatui::Frame) {
        self.app.draw(frame);
    }
    fn key(&mut self, key: crossterm::event::KeyEvent) {
        self.keys += 1;
        if self.panic_after.is_some_and(|n| self.keys > n) {
            panic!("a test asked heard to panic after {} keys", self.keys - 1);
        }
        self.app.key(key);
    }
    fn tick(&mut self, now: Instant) {
        self.app.tick(now);
    }
    fn next_tick(&self, now: Instant) -> Option<Instant> {
        self.app.next_tick(now)
    }
    fn resize(&mut self, width: u16, height: u16) {
        self.app.resize(width, height);
    }
    fn should_quit(&self) -> bool {
        self.app.quit || self.guard.received().is_some()
    }
    fn failure(&mut self) -> Option<String> {
        self.app.failure.take()
    }
    fn hangup(&mut self) {
        self.hung_up = true;
    }
}

/// Debug builds only: `HEARD_TEST_PANIC_AFTER_KEYS=N` panics on the key after the Nth, so
/// tests can prove a panic mid-talk leaves the terminal and the draft in order.
fn test_panic_after() -> Option<u32> {
    if cfg!(debug_assertions) {
        std::env::var("HEARD_TEST_PANIC_AFTER_KEYS")
            .ok()
            .and_then(|n| n.parse().ok())
    } else {
        None
    }
}

fn set_panic_hook(draft: Option<PathBuf>) {
    std::panic::set_hook(Box::new(move |info| {
        let _ = ratatui::try_restore();
        say(&panic_message(info, draft.as_deref()));
    }));
}

/// One calm message: what happened, where the talk is, what to send in a report. Only the
/// place in heard's code is named: a panic's own text can quote the talk (a string sliced
/// in the wrong place prints it), and that must not reach a report unasked.
fn panic_message(info: &std::panic::PanicHookInfo<'_>, draft: Option<&std::path::Path>) -> String {
    let kept = match draft {
        Some(path) if path.exists() => format!(
            "Your talk in progress is kept, up to the last answer, in {}; run heard again to resume it.",
            one_line(&path.display().to_string())
        ),
        _ => "Your journal is as it was before this run.".to_string(),
    };
    let place = info.location().map_or_else(
        || "unknown".to_string(),
        |l| format!("{}:{}", l.file(), l.line()),
    );
    format!(
        "heard: something went wrong inside heard itself, not anything you did, so it stopped.\n\
         heard: {kept}\n\
         heard: to report it, open an issue where you got heard and include this line (it holds nothing from your talk): heard {} stopped at {place}",
        env!("CARGO_PKG_VERSION"),
    )
}
