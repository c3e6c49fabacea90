//! What the real screen does by itself and what a closed window keeps: a speaking timer
//! that reaches zero says so without a key, and a note being typed survives a hangup.

use std::time::Duration;

use crate::harness::{DEFAULT_SIZE, Heard, Key, Sandbox, Signal, TIMEOUT};

const NOW: (&str, &str) = ("HEARD_NOW", "2026-11-26T20:00:00+01:00");

/// A sandbox whose config gives the speaker `seconds` to talk.
fn with_timer(seconds: u32) -> Sandbox {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.config_dir()).unwrap();
    std::fs::write(
        sandbox.config_dir().join("config.toml"),
        format!("timer_seconds = {seconds}\n"),
    )
    .unwrap();
    sandbox
}

#[test]
fn the_speaking_timer_says_time_is_up_without_a_key() {
    let heard = Heard::spawn_in(
        with_timer(2),
        &["talk", "--partners", "Ana,Ben", "--prompts", "1"],
        &[NOW],
        DEFAULT_SIZE,
    );
    heard.check_in(['3', '3']);
    heard.expect("Ana, share with Ben");
    // No key from here on: the clock alone must bring the last frame.
    heard
        .wait_for("time is up", Duration::from_secs(6))
        .unwrap_or_else(|e| panic!("{e}\n{}", heard.framed()));
}

#[test]
fn a_note_being_typed_is_kept_when_the_window_closes() {
    let mut heard = Heard::spawn(
        &["talk", "--partners", "Ana,Ben", "--prompts", "1"],
        &[NOW],
        DEFAULT_SIZE,
    );
    heard.check_in(['3', '3']);
    heard.expect("Ana, share with Ben");
    heard.key(Key::Char('n'));
    heard.type_text("the blue coat");
    heard
        .wait_for_file(&heard.in_progress_path(), TIMEOUT, |draft| {
            draft.contains("\"typing\": \"the blue coat\"")
        })
        .expect("the text being typed reaches the draft within a moment");
    heard.signal(Signal::Hup);
    heard.wait_exit(TIMEOUT).expect("a hangup ends heard");

    heard.restart(&["talk"]);
    heard.expect("Welcome back");
    heard.key(Key::Char('r'));
    heard.expect("the blue coat");
    heard.key(Key::Esc);
    heard.key(Key::Enter);
    heard.expect("Ben, tell Ana what you heard");
    heard.key(Key::Char('s'));
    heard.expect("Ben, share with Ana");
    heard.expect_gone("the blue coat");
}
