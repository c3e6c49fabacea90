//! The real binary in a pseudo-terminal: a couple sits down, talks, and the journal holds
//! what they said they felt; a talk cut short with Ctrl-C comes back after a restart.

#[path = "e2e/clocks_and_typing.rs"]
mod clocks_and_typing;
#[path = "e2e/e2e_crash.rs"]
mod e2e_crash;
#[path = "e2e/e2e_harness.rs"]
mod e2e_harness;
#[path = "e2e/first_week.rs"]
mod first_week;
#[path = "e2e/hangup.rs"]
mod hangup;
#[path = "e2e/hostile_output.rs"]
mod hostile_output;
#[path = "e2e/kill_sweep.rs"]
mod kill_sweep;
#[path = "e2e/not_files.rs"]
mod not_files;
#[path = "e2e/reliability_e2e.rs"]
mod reliability_e2e;
#[path = "e2e/understand_e2e.rs"]
mod understand_e2e;

#[path = "e2e/harness.rs"]
mod harness;

use harness::{DEFAULT_SIZE, Heard, Key, TIMEOUT};

const NOW: (&str, &str) = ("HEARD_NOW", "2026-11-26T20:00:00+01:00");

fn closing(heard: &Heard) {
    for (name, other, closeness) in [("Ana", "Ben", '5'), ("Ben", "Ana", '6')] {
        heard.expect(&format!(
            "{name}, which picture shows how close you feel to {other}"
        ));
        heard.key(Key::Char(closeness));
        heard.expect(&format!("{name}, how are you feeling now, after talking?"));
        heard.key(Key::Char('4'));
        heard.expect(&format!("{name}, one last thing."));
        heard.key(Key::Enter);
    }
}

#[test]
fn a_couple_talk_from_start_to_journal() {
    let mut heard = Heard::spawn(
        &["talk", "--partners", "Ana,Ben", "--prompts", "1"],
        &[NOW],
        DEFAULT_SIZE,
    );
    heard.check_in(['3', '2']);
    heard.answer_turn("Ana", "Ben", '3', ('4', '5'));
    heard.answer_turn("Ben", "Ana", '2', ('3', '4'));
    closing(&heard);
    heard.expect("Saved to your journal");
    heard.key(Key::Enter);
    heard.expect("Start a talk");
    heard.key(Key::Char('q'));
    let status = heard.wait_exit(TIMEOUT).expect("heard quits");
    assert!(status.success(), "{status}\n{}", heard.framed());
    assert!(!heard.alternate_screen(), "the terminal is restored");

    let journal = heard.read_journal();
    let session = &journal["sessions"][0];
    assert_eq!(session["completed"], true);
    assert_eq!(session["partners"], serde_json::json!(["Ana", "Ben"]));
    assert_eq!(session["mood_before"], serde_json::json!([3, 2]));
    assert_eq!(session["closeness"], serde_json::json!([5, 6]));
    assert_eq!(session["started_at"], "2026-11-26T20:00:00+01:00");
    let turns = session["turns"].as_array().unwrap();
    assert_eq!(turns.len(), 2);
    assert_eq!(
        (
            &turns[0]["speaker"],
            &turns[0]["felt_heard"],
            &turns[0]["felt_validated"]
        ),
        (
            &serde_json::json!(0),
            &serde_json::json!(4),
            &serde_json::json!(5)
        )
    );
    assert_eq!(turns[0]["listener_guess"], 3);
    assert_eq!(
        (
            &turns[1]["speaker"],
            &turns[1]["felt_heard"],
            &turns[1]["felt_validated"]
        ),
        (
            &serde_json::json!(1),
            &serde_json::json!(3),
            &serde_json::json!(4)
        )
    );
    assert!(
        !heard.in_progress_path().exists(),
        "no draft is left behind"
    );
}

#[test]
fn ctrl_c_halfway_then_resume_and_finish() {
    let mut heard = Heard::spawn(
        &["talk", "--partners", "Ana,Ben", "--prompts", "1"],
        &[NOW],
        DEFAULT_SIZE,
    );
    heard.check_in(['3', '2']);
    heard.answer_turn("Ana", "Ben", '3', ('4', '5'));
    heard
        .wait_for_file(&heard.in_progress_path(), TIMEOUT, |draft| {
            draft.contains("\"felt_heard\": 4")
        })
        .expect("the rated turn is in the draft");
    heard.expect("Ben, share with Ana");
    heard.key(Key::CtrlC);
    let status = heard.wait_exit(TIMEOUT).expect("Ctrl-C leaves");
    assert_eq!(
        status.exit_code(),
        130,
        "Ctrl-C leaves as an interrupted program: {status}"
    );
    assert!(!heard.alternate_screen(), "the terminal is restored");

    heard.restart(&["talk"]);
    heard.expect("Welcome back");
    heard.expect("Resume it");
    heard.key(Key::Enter);
    heard.answer_turn("Ben", "Ana", '2', ('3', '4'));
    closing(&heard);
    heard.expect("Saved to your journal");
    heard.key(Key::Enter);
    heard.key(Key::Char('q'));
    heard.wait_exit(TIMEOUT).expect("heard quits");

    let journal = heard.read_journal();
    let sessions = journal["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 1, "one talk, not two");
    let turns = sessions[0]["turns"].as_array().unwrap();
    assert_eq!(turns.len(), 2);
    assert_eq!(turns[0]["felt_heard"], 4, "the turn before Ctrl-C is kept");
    assert_eq!(turns[1]["felt_heard"], 3);
    assert_eq!(sessions[0]["completed"], true);
}

#[test]
fn the_demo_reads_and_writes_nothing_of_the_couple_s_own() {
    let sandbox = harness::Sandbox::new();
    // Real files that would stop or change a normal start: the demo must not even read them.
    std::fs::create_dir_all(sandbox.config_dir()).unwrap();
    std::fs::create_dir_all(sandbox.data_dir()).unwrap();
    let config = b"keep_notes = \"maybe\"\n";
    let journal = b"{ this is not a journal";
    std::fs::write(sandbox.config_dir().join("config.toml"), config).unwrap();
    std::fs::write(sandbox.journal_path(), journal).unwrap();
    let before: Vec<_> = [sandbox.config_dir(), sandbox.data_dir()]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap().map(|e| e.unwrap().path()))
        .collect();

    let mut heard = Heard::spawn_in(sandbox, &["demo"], &[NOW], DEFAULT_SIZE);
    heard.expect("Demo - nothing is saved");
    heard.expect("6 weeks in a row");
    heard.key(Key::Char('t'));
    heard.expect("A talk from prompts");
    heard.key(Key::Char('1'));
    heard.expect("Maya");
    heard.expect("Demo - nothing is saved");
    heard.key(Key::Enter);
    heard.expect("Maya, how are you feeling right now?");
    heard.key(Key::Char('4'));
    heard.expect("Sam, how are you feeling right now?");
    heard.key(Key::CtrlC);
    heard.wait_exit(TIMEOUT).expect("the demo leaves");

    heard.restart(&["demo"]);
    heard.expect("Demo - nothing is saved");
    assert!(
        !heard.screen().contains("unfinished"),
        "a demo talk is never kept for later"
    );
    heard.key(Key::Char('r'));
    heard.expect("The demo starts fresh");
    heard.key(Key::Char('q'));
    heard.wait_exit(TIMEOUT).expect("the demo quits");

    assert_eq!(
        std::fs::read(heard.config_dir().join("config.toml")).unwrap(),
        config
    );
    assert_eq!(
        std::fs::read(heard.data_dir().join("journal.json")).unwrap(),
        journal
    );
    let after: Vec<_> = [heard.config_dir(), heard.data_dir()]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap().map(|e| e.unwrap().path()))
        .collect();
    assert_eq!(before, after, "no file appeared or went away");
}

#[test]
fn resizing_redraws_and_a_tiny_window_asks_for_more_room() {
    let mut heard = Heard::spawn(&["talk", "--partners", "Ana,Ben"], &[NOW], DEFAULT_SIZE);
    heard.expect("Ana, how are you feeling right now?");
    heard.resize(18, 60);
    heard.expect("1-5 choose");
    heard.resize(10, 40);
    heard.expect("Please enlarge the window");
    heard.resize(24, 80);
    heard.expect("Ana, how are you feeling right now?");
    heard.key(Key::CtrlC);
    heard.wait_exit(TIMEOUT).expect("heard leaves");
}
