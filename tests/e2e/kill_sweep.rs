//! SIGKILL at every system call of the final save: the real binary is stopped by strace
//! at each call, one run per call, from the key that ends the talk to the summary on
//! screen. Whatever call it dies at, the journal reads, and the talk is either in it
//! whole (and not offered again) or still waits in the draft to be resumed.

use crate::harness;
use crate::reliability_e2e::{NOW, TALK, closing_but_the_last_key, seeded};

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use harness::{DEFAULT_SIZE, Heard, Key, TIMEOUT};

fn strace() -> Option<&'static str> {
    ["/usr/bin/strace", "/bin/strace"]
        .into_iter()
        .find(|p| Path::new(p).exists())
}

/// A talk at its very last key, with the earlier talk already in the journal.
fn at_the_last_key() -> Heard {
    let heard = Heard::spawn_in(seeded(), TALK, &[NOW], DEFAULT_SIZE);
    heard.check_in(['3', '3']);
    heard.answer_turn("Ana", "Ben", '3', ('4', '4'));
    heard.answer_turn("Ben", "Ana", '3', ('4', '4'));
    closing_but_the_last_key(&heard);
    heard
}

/// strace attached to every thread of heard; returns once it says it is attached.
fn attach(strace: &str, heard: &Heard, args: &[&str]) -> Child {
    let pid = heard.pid().expect("heard runs").to_string();
    let mut child = Command::new(strace)
        .args(["-f", "-p", &pid])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run strace");
    let stderr = child.stderr.take().expect("strace's stderr");
    let mut lines = BufReader::new(stderr).lines();
    let attached = lines.any(|l| l.is_ok_and(|l| l.contains("attached")));
    assert!(attached, "strace did not attach");
    // Its further words are not needed; keep the pipe drained so it never blocks.
    std::thread::spawn(move || lines.for_each(drop));
    child
}

/// The calls heard's main thread makes from reading the last key to drawing the summary,
/// by name, as strace records them.
fn calls_of_the_final_save(strace: &str) -> Vec<String> {
    let heard = at_the_last_key();
    let dir = tempfile::tempdir().unwrap();
    let trace = dir.path().join("trace");
    let pid = heard.pid().unwrap().to_string();
    let mut tracer = attach(strace, &heard, &["-o", trace.to_str().unwrap()]);
    heard.key(Key::Enter);
    heard.expect("Saved to your journal");
    let _ = tracer.kill();
    let _ = tracer.wait();
    let text = std::fs::read_to_string(&trace).unwrap();
    let mut calls = Vec::new();
    let mut started = false;
    for line in text.lines() {
        let Some(call) = line.strip_prefix(&pid).map(str::trim_start) else {
            continue;
        };
        if call.starts_with("<...") || call.starts_with("+++") || call.starts_with("---") {
            continue;
        }
        let name = call.split('(').next().unwrap_or_default().to_string();
        started |= name == "read" && call.starts_with("read(0,");
        if !started {
            continue;
        }
        if name == "write" && call.starts_with("write(1,") {
            break;
        }
        calls.push(name);
    }
    assert!(
        calls.iter().any(|c| c == "rename"),
        "the save was not seen: {calls:?}"
    );
    calls
}

/// What a kill at one call may leave, checked by reading the files and starting again.
#[track_caller]
fn nothing_lost(heard: &mut Heard, earlier: &[u8], at: &str) -> &'static str {
    let journal = std::fs::read(heard.journal_path()).unwrap();
    let loaded = heard::journal::store::parse(&heard.journal_path(), &journal)
        .unwrap_or_else(|e| panic!("{at}: the journal does not read: {e}"));
    let saved = match loaded.journal.sessions.len() {
        1 => {
            assert_eq!(journal, earlier, "{at}: the earlier journal changed");
            false
        }
        2 => {
            let talk = &loaded.journal.sessions[1];
            assert!(talk.completed, "{at}: saved unfinished");
            assert_eq!(talk.mood_after, vec![Some(4), Some(4)], "{at}");
            true
        }
        n => panic!("{at}: {n} talks in the journal"),
    };
    heard.restart(TALK);
    if saved {
        // Saved: nothing is offered again, and the next talk can begin.
        heard.expect("Ana, how are you feeling right now?");
        assert!(!heard.screen().contains("Welcome back"), "{at}");
    } else {
        heard.expect("Welcome back");
        heard.key(Key::Enter);
        heard.expect("Ben, one last thing.");
    }
    heard.kill();
    heard.wait_exit(TIMEOUT);
    if saved { "saved" } else { "resumable" }
}

#[test]
fn sigkill_at_every_system_call_of_the_final_save_loses_nothing() {
    let Some(strace) = strace() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "strace is needed for this test; .ci/run installs it"
        );
        eprintln!("skipped: strace is not installed (apt-get install strace)");
        return;
    };
    let started = Instant::now();
    let calls = calls_of_the_final_save(strace);
    let earlier = std::fs::read(seeded().journal_path()).unwrap();
    let mut outcomes = Vec::new();
    for (i, name) in calls.iter().enumerate() {
        // strace counts each call by name, per thread, from when it attached.
        let nth = calls[..=i].iter().filter(|c| *c == name).count();
        let at = format!("call {i} ({name} #{nth})");
        let mut heard = at_the_last_key();
        let inject = format!("inject={name}:signal=KILL:when={nth}");
        let trace = format!("trace={name}");
        let mut tracer = attach(
            strace,
            &heard,
            &["-o", "/dev/null", "-e", &trace, "-e", &inject],
        );
        heard.key(Key::Enter);
        let status = heard.wait_exit(Duration::from_secs(5));
        let _ = tracer.wait();
        assert!(
            status.is_some_and(|s| !s.success()),
            "{at}: heard was not stopped there\n{}",
            heard.framed()
        );
        outcomes.push(nothing_lost(&mut heard, &earlier, &at));
    }
    let saved = outcomes.iter().filter(|o| **o == "saved").count();
    eprintln!(
        "kill points in the final save: {} system calls ({} left the talk saved, {} resumable) in {:.0?}",
        calls.len(),
        saved,
        calls.len() - saved,
        started.elapsed()
    );
}
