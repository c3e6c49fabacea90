//! The real binary killed, signalled and panicking in a pseudo-terminal: the talk survives,
//! the terminal comes back, and the next start offers to resume.

use crate::harness;

use std::path::Path;
use std::time::{Duration, Instant};

use harness::{DEFAULT_SIZE, Heard, Key, Sandbox, Signal, TIMEOUT};

const NOW: (&str, &str) = ("HEARD_NOW", "2026-11-26T20:00:00+01:00");
const TALK: &[&str] = &["talk", "--partners", "Ana,Ben", "--prompts", "1"];

/// One step of a talk: the text that shows it is on screen, and the keys that answer it.
struct Step {
    screen: &'static str,
    keys: &'static [Key],
}

/// A whole one-prompt couple talk, step by step, as the screens ask for it.
fn whole_talk() -> Vec<Step> {
    use Key::{Char, Enter};
    let step = |screen, keys| Step { screen, keys };
    vec![
        step("Ana, how are you feeling right now?", &[Char('3')]),
        step("Ben, how are you feeling right now?", &[Char('2')]),
        step("Ana, share with Ben", &[Enter]),
        step("Ben, tell Ana what you heard", &[Enter]),
        step("Ben, how heard do you think Ana felt?", &[Char('3')]),
        step(
            "Ana, how heard did you feel just now?",
            &[Char('4'), Char('5'), Enter],
        ),
        step("Ben, share with Ana", &[Enter]),
        step("Ana, tell Ben what you heard", &[Enter]),
        step("Ana, how heard do you think Ben felt?", &[Char('2')]),
        step(
            "Ben, how heard did you feel just now?",
            &[Char('3'), Char('4'), Enter],
        ),
        step(
            "Ana, which picture shows how close you feel to Ben",
            &[Char('5')],
        ),
        step("Ana, how are you feeling now, after talking?", &[Char('4')]),
        step("Ana, one last thing.", &[Enter]),
        step(
            "Ben, which picture shows how close you feel to Ana",
            &[Char('6')],
        ),
        step("Ben, how are you feeling now, after talking?", &[Char('4')]),
        step("Ben, one last thing.", &[Enter]),
    ]
}

fn press(heard: &Heard, keys: &[Key]) {
    for key in keys {
        heard.key(*key);
    }
}

/// What a crash leaves must read: the draft as heard's own draft, the journal as a journal.
#[track_caller]
fn files_read(heard: &Heard) {
    if let Ok(bytes) = std::fs::read(heard.in_progress_path()) {
        let draft: serde_json::Value = serde_json::from_slice(&bytes)
            .unwrap_or_else(|e| panic!("the draft does not parse after a kill: {e}"));
        assert_eq!(draft["format"], "heard-draft");
    }
    if let Ok(bytes) = std::fs::read(heard.journal_path()) {
        heard::journal::store::parse(&heard.journal_path(), &bytes)
            .unwrap_or_else(|e| panic!("the journal does not parse after a kill: {e}"));
    }
    leftover_temps_are_only_temps(&heard.data_dir());
}

/// An interrupted write may leave a dot-temp file; never a file under a real name.
fn leftover_temps_are_only_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        assert!(
            [
                "journal.json",
                "journal.json.bak",
                "journal.lock",
                "in-progress.json"
            ]
            .contains(&name.as_str())
                || name.starts_with('.'),
            "unexpected file {name} in the data folder"
        );
    }
}

#[track_caller]
fn kill_and_resume(heard: &mut Heard, step: &Step) {
    heard.kill();
    heard.wait_exit(TIMEOUT).expect("SIGKILL ends heard");
    files_read(heard);
    heard.restart(&["talk"]);
    heard.expect("Welcome back");
    heard.key(Key::Enter);
    heard.expect(step.screen);
}

/// SIGKILL before every single step of a talk, a restart and a resume each time: the talk
/// comes back exactly where it stood, and the journal ends with every answer given.
#[test]
fn sigkill_at_every_step_loses_nothing_and_the_next_start_resumes() {
    let mut heard = Heard::spawn(TALK, &[NOW], DEFAULT_SIZE);
    let steps = whole_talk();
    let mut kill_points = 0;
    for (i, step) in steps.iter().enumerate() {
        heard.expect(step.screen);
        kill_and_resume(&mut heard, step);
        kill_points += 1;
        if i == 0 {
            // Killed again while the resume offer itself is on screen: still offered.
            heard.kill();
            heard.wait_exit(TIMEOUT).expect("SIGKILL ends heard");
            heard.restart(&["talk"]);
            heard.expect("Welcome back");
            heard.key(Key::Enter);
            heard.expect(step.screen);
            kill_points += 1;
        }
        press(&heard, step.keys);
    }
    heard.expect("Saved to your journal");
    // Right after the summary: the talk is in the journal and nothing is offered.
    heard.kill();
    heard.wait_exit(TIMEOUT).expect("SIGKILL ends heard");
    kill_points += 1;
    files_read(&heard);
    assert!(!heard.in_progress_path().exists(), "no draft after saving");
    heard.restart(&[]);
    heard.expect("Start a talk");
    assert!(
        !heard.screen().contains("Welcome back"),
        "{}",
        heard.framed()
    );
    heard.key(Key::Char('q'));
    heard.wait_exit(TIMEOUT).expect("heard quits");

    let journal = heard.read_journal();
    let sessions = journal["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 1, "one talk, however often it was killed");
    let session = &sessions[0];
    assert_eq!(session["completed"], true);
    assert_eq!(session["mood_before"], serde_json::json!([3, 2]));
    assert_eq!(session["mood_after"], serde_json::json!([4, 4]));
    assert_eq!(session["closeness"], serde_json::json!([5, 6]));
    let turns = session["turns"].as_array().unwrap();
    let felt: Vec<_> = turns
        .iter()
        .map(|t| {
            (
                t["felt_heard"].clone(),
                t["felt_validated"].clone(),
                t["listener_guess"].clone(),
            )
        })
        .collect();
    assert_eq!(
        felt,
        vec![
            (4.into(), 5.into(), 3.into()),
            (3.into(), 4.into(), 2.into())
        ]
    );
    assert_eq!(kill_points, steps.len() + 2);
    eprintln!("kill points tried: {kill_points}");
}

/// After a kill mid-talk, a journal already holding talks is untouched and still parses.
#[test]
fn sigkill_mid_talk_leaves_an_earlier_journal_byte_for_byte() {
    let mut heard = Heard::spawn(TALK, &[NOW], DEFAULT_SIZE);
    let steps = whole_talk();
    for step in &steps {
        heard.expect(step.screen);
        press(&heard, step.keys);
    }
    heard.expect("Saved to your journal");
    heard.key(Key::Enter);
    heard.expect("Start a talk");
    heard.key(Key::Char('q'));
    heard.wait_exit(TIMEOUT).expect("heard quits");
    let before = std::fs::read(heard.journal_path()).unwrap();

    heard.restart(TALK);
    for step in &steps[..6] {
        heard.expect(step.screen);
        press(&heard, step.keys);
    }
    heard.expect(steps[6].screen);
    heard.kill();
    heard.wait_exit(TIMEOUT).expect("SIGKILL ends heard");
    assert_eq!(std::fs::read(heard.journal_path()).unwrap(), before);
    files_read(&heard);
    heard.restart(&[]);
    heard.expect("Welcome back");
}

/// Term and Hup (the window closed) mid-talk: draft saved, terminal restored, a calm word,
/// an exit code that says which signal, and the next start offers to resume.
#[test]
fn sigterm_and_sighup_save_the_draft_restore_the_terminal_and_exit() {
    for (signal, code) in [
        (Signal::Term, 143),
        (Signal::Hup, 129),
        (Signal::Int, 130),
        (Signal::Quit, 131),
        (Signal::Usr1, 138),
        (Signal::Alrm, 142),
    ] {
        let mut heard = Heard::spawn(TALK, &[NOW], DEFAULT_SIZE);
        let steps = whole_talk();
        for step in &steps[..6] {
            heard.expect(step.screen);
            press(&heard, step.keys);
        }
        heard.expect(steps[6].screen);
        heard.signal(signal);
        let status = heard
            .wait_exit(TIMEOUT)
            .unwrap_or_else(|| panic!("{signal:?} did not end heard\n{}", heard.framed()));
        assert_eq!(status.exit_code(), code, "{signal:?}: {status}");
        assert!(!heard.alternate_screen(), "{signal:?}: terminal restored");
        assert!(
            heard.screen().contains("your talk is kept"),
            "{signal:?}\n{}",
            heard.framed()
        );
        let draft = std::fs::read_to_string(heard.in_progress_path()).unwrap();
        let draft: serde_json::Value = serde_json::from_str(&draft).unwrap();
        assert!(
            draft.to_string().contains("\"felt_heard\":4"),
            "{signal:?}: the rated turn is in the draft"
        );
        heard.restart(&[]);
        heard.expect("Welcome back");
        heard.key(Key::Enter);
        heard.expect(steps[6].screen);
    }
}

/// An idle heard blocks for up to an hour waiting for a key; a signal must still wake it at
/// once (not by the guard's fallback, which needs seconds and says "stopped").
#[test]
fn a_signal_wakes_an_idle_heard_at_once() {
    let mut heard = Heard::spawn(&[], &[NOW], DEFAULT_SIZE);
    heard.expect("Start a talk");
    let began = Instant::now();
    heard.signal(Signal::Term);
    let status = heard
        .wait_exit(TIMEOUT)
        .expect("SIGTERM ends an idle heard");
    let took = began.elapsed();
    assert!(took < Duration::from_millis(2500), "took {took:?}");
    assert_eq!(status.exit_code(), 143);
    assert!(!heard.alternate_screen());
    assert!(!heard.screen().contains("stopped;"), "{}", heard.framed());
}

/// Listening for signals costs nothing while heard waits: no CPU time passes while idle.
#[cfg(target_os = "linux")]
#[test]
fn an_idle_heard_uses_no_cpu() {
    let heard = Heard::spawn(&[], &[NOW], DEFAULT_SIZE);
    heard.expect("Start a talk");
    let pid = heard.pid().unwrap();
    let cpu = || -> u64 {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
        let after_name = &stat[stat.rfind(')').unwrap() + 2..];
        let fields: Vec<&str> = after_name.split(' ').collect();
        // utime and stime: fields 14 and 15 of the line, 12 and 13 after the name.
        fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
    };
    std::thread::sleep(Duration::from_millis(300));
    let before = cpu();
    std::thread::sleep(Duration::from_secs(2));
    let used = cpu() - before;
    assert!(used <= 1, "{used} ticks of CPU while idle");
}

/// A panic mid-talk: the terminal is restored, no raw panic text or backtrace shows, the
/// message says where the draft is and how to report it, and the talk can be resumed.
#[test]
fn a_panic_restores_the_terminal_keeps_the_draft_and_says_where() {
    let mut heard = Heard::spawn(
        TALK,
        &[
            NOW,
            ("HEARD_TEST_PANIC_AFTER_KEYS", "2"),
            ("RUST_BACKTRACE", "1"),
        ],
        DEFAULT_SIZE,
    );
    let steps = whole_talk();
    for step in &steps[..2] {
        heard.expect(step.screen);
        press(&heard, step.keys);
    }
    heard.expect(steps[2].screen);
    heard.key(Key::Enter); // the third key: heard panics
    let status = heard.wait_exit(TIMEOUT).expect("a panic ends heard");
    assert!(!status.success());
    assert!(!heard.alternate_screen(), "terminal restored");
    let screen = heard.screen().replace('\n', "");
    assert!(
        screen.contains("something went wrong inside heard itself"),
        "{}",
        heard.framed()
    );
    assert!(screen.contains("in-progress.json"), "{}", heard.framed());
    assert!(screen.contains("to report it"), "{}", heard.framed());
    for raw in [
        "panicked at",
        "RUST_BACKTRACE",
        "stack backtrace",
        "a test asked",
    ] {
        assert!(
            !screen.contains(raw),
            "{raw:?} on screen\n{}",
            heard.framed()
        );
    }
    files_read(&heard);
    heard.restart_with_env(&[], &[NOW]);
    heard.expect("Welcome back");
    heard.key(Key::Enter);
    heard.expect(steps[2].screen);
}

/// A run that never started a talk: a kill leaves nothing to offer and nothing written.
#[test]
fn sigkill_before_any_talk_leaves_nothing_to_offer() {
    let sandbox = Sandbox::new();
    let mut heard = Heard::spawn_in(sandbox, &[], &[NOW], DEFAULT_SIZE);
    heard.expect("Start a talk");
    heard.kill();
    heard.wait_exit(TIMEOUT).expect("SIGKILL ends heard");
    assert!(!heard.in_progress_path().exists());
    assert!(!heard.journal_path().exists());
    heard.restart(&[]);
    heard.expect("Start a talk");
    assert!(!heard.screen().contains("Welcome back"));
}
