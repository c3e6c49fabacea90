//! The real binary over files that are not files: a named pipe among the decks, as
//! `--deck`, as the journal or a file to merge, and `/dev/zero` to merge. Each command
//! ends at once with one line naming the file; the TUI starts and `q` quits.

use crate::harness;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use harness::{DEFAULT_SIZE, Heard, Key, Sandbox, TIMEOUT};

fn fifo(path: &Path) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let name = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo reads the name given.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0, "mkfifo");
}

/// Run heard on the sandbox's folders; it must end within five seconds.
fn run(sandbox: &Sandbox, args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_heard"))
        .arg("--data-dir")
        .arg(sandbox.data_dir())
        .arg("--config-dir")
        .arg(sandbox.config_dir())
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run heard");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(5) {
            let _ = child.kill();
            panic!("heard {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    (out.status.code(), text)
}

#[test]
fn no_command_hangs_on_a_named_pipe_or_reads_a_device_without_end() {
    let sandbox = Sandbox::new();
    let decks = sandbox.config_dir().join("decks");
    let pipe_deck = decks.join("waiting.toml");
    fifo(&pipe_deck);
    let pipe = sandbox.root().join("merge-me.json");
    fifo(&pipe);
    let (pipe_deck, pipe) = (pipe_deck.to_str().unwrap(), pipe.to_str().unwrap());
    for (args, code, says) in [
        (vec!["decks", "list"], 0, "waiting.toml"),
        (vec!["decks", "check", pipe_deck], 1, "named pipe"),
        (
            vec!["talk", "--deck", pipe_deck, "--partners", "Ana,Ben"],
            1,
            "named pipe",
        ),
        (vec!["journal", "merge", "/dev/zero"], 1, "a device"),
        (vec!["journal", "merge", pipe], 1, "named pipe"),
    ] {
        let (status, text) = run(&sandbox, &args);
        assert_eq!(status, Some(code), "{args:?}: {text}");
        assert!(text.contains(says), "{args:?}: {text}");
    }
    fifo(&sandbox.data_dir().join("journal.json"));
    let (status, text) = run(&sandbox, &["journal", "list"]);
    assert_eq!(status, Some(1), "{text}");
    assert!(
        text.contains("journal.json") && text.contains("named pipe"),
        "{text}"
    );
}

#[test]
fn the_tui_starts_over_a_named_pipe_among_the_decks_and_q_quits() {
    let sandbox = Sandbox::new();
    fifo(&sandbox.config_dir().join("decks").join("waiting.toml"));
    let mut heard = Heard::spawn_in(sandbox, &[], &[], DEFAULT_SIZE);
    heard.expect("Start a talk");
    heard.key(Key::Char('d'));
    heard.expect("(cannot use)");
    heard.key(Key::Esc);
    heard.expect("Start a talk");
    heard.key(Key::Char('q'));
    let status = heard.wait_exit(TIMEOUT).expect("q quits");
    assert!(status.success(), "{status}");
}

/// A journal.json that links to a synced folder: a whole talk saved by the real binary
/// lands in the linked file, and the link is still a link.
#[test]
fn a_talk_saved_over_a_linked_journal_lands_in_the_linked_file() {
    use crate::reliability_e2e::{NOW, TALK, closing_but_the_last_key, seeded};
    let sandbox = seeded();
    let synced = sandbox.root().join("synced");
    std::fs::create_dir_all(&synced).unwrap();
    let target = synced.join("heard.json");
    std::fs::rename(sandbox.journal_path(), &target).unwrap();
    std::os::unix::fs::symlink(&target, sandbox.journal_path()).unwrap();
    let heard = Heard::spawn_in(sandbox, TALK, &[NOW], DEFAULT_SIZE);
    heard.check_in(['3', '3']);
    heard.answer_turn("Ana", "Ben", '3', ('4', '4'));
    heard.answer_turn("Ben", "Ana", '3', ('4', '4'));
    closing_but_the_last_key(&heard);
    heard.key(Key::Enter);
    heard.expect("Saved to your journal");
    let link = std::fs::symlink_metadata(heard.journal_path()).unwrap();
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    let journal: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    assert_eq!(
        journal["sessions"].as_array().unwrap().len(),
        2,
        "{journal}"
    );
}
