//! "Understand each other" in the real binary, in a terminal: a whole talk with a "not
//! yet" and a second try, a kill -9 on the floor resumed where it was, then the journal
//! file read back.

use super::harness::{DEFAULT_SIZE, Heard, Key, TIMEOUT};

const NOW: (&str, &str) = ("HEARD_NOW", "2026-11-26T20:00:00+01:00");

fn step(heard: &Heard, key: Key, then: &str) {
    heard.key(key);
    heard.expect(then);
}

#[test]
fn a_whole_understand_talk_with_a_not_yet_lands_in_the_journal() {
    let args = ["talk", "--flow", "understand", "--partners", "Ana,Ben"];
    let mut heard = Heard::spawn(&args, &[NOW], DEFAULT_SIZE);
    heard.expect("Ana, is now a good time");
    step(&heard, Key::Char('y'), "Ben, is now a good time");
    step(
        &heard,
        Key::Char('y'),
        "what would you like to be understood about",
    );
    heard.type_text("the holidays");
    step(&heard, Key::Tab, "Shared: Ben sees the topic");
    step(&heard, Key::Enter, "Ana, you have the floor");
    step(&heard, Key::Enter, "Ben, say back what you heard");
    step(&heard, Key::Enter, "Ana, did Ben get it?");
    // Not yet: the floor goes back to Ana, asking for what was missed.
    step(&heard, Key::Char('n'), "Say what was missed");
    step(&heard, Key::Enter, "Ben, say back what you heard");
    // The draft holds the second piece before heard is killed on the mirror.
    heard
        .wait_for_file(&heard.in_progress_path(), TIMEOUT, |d| {
            d.contains("\"pieces\": 2") && d.contains("\"mirror\"")
        })
        .expect("the draft follows the floor");
    heard.kill();
    heard.wait_exit(TIMEOUT).expect("killed");
    heard.restart(&["talk", "--flow", "understand", "--partners", "Ana,Ben"]);
    heard.expect("Resume it");
    step(&heard, Key::Char('r'), "Ben, say back what you heard");
    step(&heard, Key::Enter, "Ana, did Ben get it?");
    step(&heard, Key::Char('y'), "Ana, is there more?");
    step(&heard, Key::Char('n'), "Ben, tell Ana what makes sense");
    step(&heard, Key::Enter, "Ben, say how you imagine Ana feels");
    step(&heard, Key::Enter, "Ana, how heard did you feel");
    for digit in ['4', '5'] {
        heard.key(Key::Char(digit));
    }
    step(&heard, Key::Char('4'), "[4 mostly]");
    step(&heard, Key::Enter, "Ben, would you like the floor");
    step(&heard, Key::Char('n'), "Ana, one thing I will do this week");
    step(&heard, Key::Enter, "Ben, one thing I will do this week");
    step(&heard, Key::Enter, "Ana felt understood after 2 tries.");
    heard.key(Key::Enter);
    heard.expect("Welcome");
    heard.key(Key::Char('q'));
    let status = heard.wait_exit(TIMEOUT).expect("heard quits");
    assert!(status.success(), "{status}\n{}", heard.framed());
    assert!(!heard.alternate_screen(), "the terminal is restored");

    let journal = heard.read_journal();
    let sessions = journal["sessions"].as_array().unwrap();
    assert_eq!(
        sessions.len(),
        1,
        "the killed talk was resumed, not kept twice"
    );
    let talk = &sessions[0];
    assert_eq!(talk["kind"], "understand");
    assert_eq!(talk["topic"], "the holidays");
    assert!(talk.get("topic_private").is_none(), "Ana shared it");
    assert_eq!(talk["rounds"][0]["pieces"], 2);
    assert_eq!(talk["rounds"][0]["mirrors"], 2);
    assert_eq!(talk["rounds"][0]["got_it"], true);
    assert_eq!(talk["rounds"][0]["felt_heard"], 4);
    assert_eq!(talk["rounds"][0]["felt_validated"], 5);
    assert_eq!(talk["rounds"][0]["felt_cared"], 4);
    assert_eq!(talk["steps"], serde_json::json!([]));
    assert!(!heard.in_progress_path().exists(), "no draft left behind");
}
