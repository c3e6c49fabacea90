//! Time to first frame of heard against the floor app, in a pseudo-terminal.
//!
//! `cargo build --release --bin heard --example floor --example ttff &&
//!  target/release/examples/ttff [RUNS]`
//!
//! For journals of 0, 1,000 and 10,000 talks it starts heard and the floor app in turn,
//! RUNS times each, and times from the start of the process until the first frame's text
//! is on the emulated screen (and, for heard, until "Your last talk was" shows that the
//! journal has been read). It prints the medians and heard's ratio to the floor.

#[path = "../benches/support/synth.rs"]
mod synth;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const SIZE: (u16, u16) = (30, 100);
const HEARD_FIRST: &str = "Take a breath";
const HEARD_LOADED: &str = "Your last talk was";
const FLOOR_FIRST: &str = "The floor: one paragraph";

/// Answers a terminal's queries (cursor position, status, device attributes).
#[derive(Default)]
struct Responder {
    replies: Vec<u8>,
}

impl vt100::Callbacks for Responder {
    fn unhandled_csi(
        &mut self,
        screen: &mut vt100::Screen,
        i1: Option<u8>,
        _i2: Option<u8>,
        params: &[&[u16]],
        c: char,
    ) {
        let first = params.first().and_then(|p| p.first()).copied().unwrap_or(0);
        match (i1, c, first) {
            (None, 'n', 6) => {
                let (row, col) = screen.cursor_position();
                self.replies
                    .extend_from_slice(format!("\x1b[{};{}R", row + 1, col + 1).as_bytes());
            }
            (None, 'n', 5) => self.replies.extend_from_slice(b"\x1b[0n"),
            (None, 'c', 0) => self.replies.extend_from_slice(b"\x1b[?62c"),
            _ => {}
        }
    }
}

/// When each awaited text first appeared, from the start of the process.
#[derive(Default)]
struct Seen {
    first: Option<Duration>,
    loaded: Option<Duration>,
}

/// Start `program` in a pty and time until `first` (and `loaded`, if given) appear.
fn time_once(program: &Path, env: &[(&str, PathBuf)], first: &str, loaded: Option<&str>) -> Seen {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: SIZE.0,
            cols: SIZE.1,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut command = CommandBuilder::new(program);
    command.env_clear();
    command.env("TERM", "xterm-256color");
    command.env("HEARD_NOW", "2026-11-27T09:00:00+01:00");
    for (key, value) in env {
        command.env(key, value);
    }
    let mut reader = pair.master.try_clone_reader().expect("read the pty");
    let writer = Arc::new(Mutex::new(
        pair.master.take_writer().expect("write the pty"),
    ));
    let seen = Arc::new(Mutex::new(Seen::default()));
    let start = Instant::now();
    let mut child = pair
        .slave
        .spawn_command(command)
        .expect("start the program");
    drop(pair.slave);
    let awaits_load = loaded.is_some();
    let (first, loaded) = (first.to_string(), loaded.map(str::to_string));
    let drain = {
        let (seen, writer) = (Arc::clone(&seen), Arc::clone(&writer));
        std::thread::spawn(move || {
            let mut parser = vt100::Parser::new_with_callbacks(
                nonzero(SIZE.0),
                nonzero(SIZE.1),
                0,
                Responder::default(),
            );
            let mut buf = [0u8; 16384];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                parser.process(&buf[..n]);
                let at = start.elapsed();
                let replies = std::mem::take(&mut parser.callbacks_mut().replies);
                if !replies.is_empty() {
                    let mut w = writer.lock().unwrap();
                    let _ = w.write_all(&replies).and_then(|()| w.flush());
                }
                let text = parser.screen().contents();
                let mut seen = seen.lock().unwrap();
                if seen.first.is_none() && text.contains(&first) {
                    seen.first = Some(at);
                }
                if let Some(loaded) = &loaded
                    && seen.loaded.is_none()
                    && text.contains(loaded.as_str())
                {
                    seen.loaded = Some(at);
                }
            }
        })
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        {
            let seen = seen.lock().unwrap();
            if seen.first.is_some() && (!awaits_load || seen.loaded.is_some()) {
                break;
            }
        }
        if Instant::now() > deadline {
            eprintln!("ttff: {} showed no first frame in time", program.display());
            break;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    let _ = writer.lock().unwrap().write_all(b"q");
    std::thread::sleep(Duration::from_millis(20));
    let _ = child.kill();
    let _ = child.wait();
    drop(pair.master);
    let _ = drain.join();
    Arc::try_unwrap(seen)
        .map(|m| m.into_inner().unwrap())
        .unwrap_or_default()
}

/// The program's absolute path: the child starts with an empty PATH and its own folder.
fn absolute(program: &Path) -> PathBuf {
    std::fs::canonicalize(program).unwrap_or_else(|_| {
        eprintln!("ttff: build {} first", program.display());
        std::process::exit(1)
    })
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a terminal has rows and columns")
}

fn median(mut values: Vec<Duration>) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort();
    values[values.len() / 2].as_secs_f64() * 1000.0
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(15);
    let heard = PathBuf::from(std::env::var("HEARD_BIN").unwrap_or("target/release/heard".into()));
    let floor =
        PathBuf::from(std::env::var("FLOOR_BIN").unwrap_or("target/release/examples/floor".into()));
    let (heard, floor) = (absolute(&heard), absolute(&floor));
    let root = tempfile::tempdir().expect("a temp folder");
    println!("runs: {runs} each, alternating; pty {}x{}", SIZE.1, SIZE.0);
    println!(
        "{:>7} {:>12} {:>12} {:>7} {:>16}",
        "talks", "floor ms", "heard ms", "ratio", "journal read ms"
    );
    for talks in [0usize, 1000, 10000] {
        let data = root.path().join(format!("data-{talks}"));
        std::fs::create_dir_all(&data).unwrap();
        if talks > 0 {
            let bytes = synth::journal_bytes(&synth::journal(talks, 7));
            std::fs::write(data.join("journal.json"), bytes).unwrap();
        }
        let config = root.path().join("config");
        let env = [
            ("HOME", root.path().to_path_buf()),
            ("HEARD_DATA_DIR", data.clone()),
            ("HEARD_CONFIG_DIR", config),
        ];
        let (mut floors, mut heards, mut loads) = (vec![], vec![], vec![]);
        for _ in 0..runs {
            if let Some(at) = time_once(&floor, &env, FLOOR_FIRST, None).first {
                floors.push(at);
            }
            let loaded = (talks > 0).then_some(HEARD_LOADED);
            let seen = time_once(&heard, &env, HEARD_FIRST, loaded);
            heards.extend(seen.first);
            loads.extend(seen.loaded.or(seen.first));
        }
        let (floor_ms, heard_ms) = (median(floors), median(heards));
        println!(
            "{talks:>7} {floor_ms:>12.2} {heard_ms:>12.2} {:>7.2} {:>16.2}",
            heard_ms / floor_ms,
            median(loads)
        );
    }
}
