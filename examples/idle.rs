//! Does an idle heard use the CPU? `cargo build --release --bin heard --example idle &&
//! target/release/examples/idle [SECONDS]`
//!
//! Starts heard in a pseudo-terminal twice: on the home screen (nothing moves), and on
//! a speaker card with the 3-minute timer running. For each it reads the process's CPU
//! time (utime + stime from /proc/PID/stat) before and after SECONDS (10 by default) of
//! doing nothing, and counts the frames drawn meanwhile (bursts of output at least
//! 100 ms apart).

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// CPU time of process `pid` so far, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("a Linux /proc");
    // Fields after the command name (which may hold spaces) start after the last ')'.
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = rest.split(' ').collect();
    // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after the name.
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

fn ticks_per_second() -> f64 {
    // The kernel's USER_HZ is 100 on every common Linux.
    100.0
}

fn measure(label: &str, args: &[&str], keys: &[&str], seconds: u64) {
    let root = tempfile::tempdir().unwrap();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let heard =
        std::fs::canonicalize(std::env::var("HEARD_BIN").unwrap_or("target/release/heard".into()))
            .expect("build target/release/heard first");
    let mut command = CommandBuilder::new(heard);
    command.args(args);
    command.env_clear();
    command.env("TERM", "xterm-256color");
    command.env("HOME", root.path());
    command.env("HEARD_DATA_DIR", root.path().join("data"));
    command.env("HEARD_CONFIG_DIR", root.path().join("config"));
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut writer = pair.master.take_writer().unwrap();
    let mut child = pair.slave.spawn_command(command).unwrap();
    drop(pair.slave);
    let pid = child.process_id().expect("a process id");
    // Each burst of output (a frame) is stamped with the time it arrived.
    let bursts: Arc<Mutex<Vec<Instant>>> = Arc::default();
    {
        let bursts = Arc::clone(&bursts);
        std::thread::spawn(move || {
            let mut buf = [0u8; 16384];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                bursts.lock().unwrap().push(Instant::now());
            }
        });
    }
    std::thread::sleep(Duration::from_millis(500));
    for key in keys {
        writer.write_all(key.as_bytes()).unwrap();
        writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(150));
    }
    std::thread::sleep(Duration::from_millis(1500));
    let (before, from) = (cpu_ticks(pid), Instant::now());
    std::thread::sleep(Duration::from_secs(seconds));
    let (after, spent) = (cpu_ticks(pid), from.elapsed());
    let frames = {
        let bursts = bursts.lock().unwrap();
        let mut frames = 0;
        let mut last: Option<Instant> = None;
        for at in bursts
            .iter()
            .filter(|at| **at >= from && **at < from + spent)
        {
            if last.is_none_or(|l| at.duration_since(l) > Duration::from_millis(100)) {
                frames += 1;
            }
            last = Some(*at);
        }
        frames
    };
    let cpu = (after - before) as f64 / ticks_per_second();
    println!(
        "{label:<28} cpu {:.3} s over {:.1} s = {:.2}%, frames drawn {frames} ({:.2}/s)",
        cpu,
        spent.as_secs_f64(),
        100.0 * cpu / spent.as_secs_f64(),
        frames as f64 / spent.as_secs_f64()
    );
    let _ = child.kill();
    let _ = child.wait();
}

fn main() {
    let seconds = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    measure("home screen, no timer", &[], &[], seconds);
    measure(
        "speaker card, timer running",
        &["talk", "--partners", "Ana,Ben"],
        &["3", "\r", "2", "\r"],
        seconds,
    );
}
