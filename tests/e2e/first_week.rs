//! A couple's first week with the real binary: three talks on different days, Ben
//! preparing one alone and bringing its topic, a second couple at the same laptop, and
//! then what each couple sees of its own week.

use std::process::Command;

use super::harness::{DEFAULT_SIZE, Heard, Key, TIMEOUT};
use serde_json::Value;

fn on(day: &str) -> [(&'static str, String); 1] {
    [("HEARD_NOW", format!("2026-11-{day}T20:00:00+01:00"))]
}

fn env(day: &str) -> Vec<(&'static str, String)> {
    on(day).to_vec()
}

fn restart_on(heard: &mut Heard, day: &str, args: &[&str]) {
    let env = env(day);
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    heard.restart_with_env(args, &env);
}

fn check_in(heard: &Heard, names: [&str; 2]) {
    for name in names {
        heard.expect(&format!("{name}, how are you feeling right now?"));
        heard.key(Key::Char('3'));
    }
}

fn closing(heard: &Heard, [a, b]: [&str; 2]) {
    for (name, other) in [(a, b), (b, a)] {
        heard.expect(&format!(
            "{name}, which picture shows how close you feel to {other}"
        ));
        heard.key(Key::Char('5'));
        heard.expect(&format!("{name}, how are you feeling now, after talking?"));
        heard.key(Key::Char('4'));
        heard.expect(&format!("{name}, one last thing."));
        heard.key(Key::Enter);
    }
    heard.expect("Saved to your journal");
    heard.key(Key::Enter);
    heard.expect("Start a talk");
    heard.key(Key::Char('q'));
}

#[track_caller]
fn quits(heard: &mut Heard) {
    let status = heard
        .wait_exit(TIMEOUT)
        .unwrap_or_else(|| panic!("heard did not quit\n{}", heard.framed()));
    assert!(status.success(), "{status}\n{}", heard.framed());
    assert!(!heard.alternate_screen(), "the terminal is restored");
}

/// `heard ARGS` run on the same folders, its stdout.
fn heard_out(heard: &Heard, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_heard"))
        .args(args)
        .env("HEARD_DATA_DIR", heard.data_dir())
        .env("HEARD_CONFIG_DIR", heard.config_dir())
        .env("HOME", heard.home_dir())
        .env("HEARD_NOW", "2026-11-29T10:00:00+01:00")
        .env_remove("NO_COLOR")
        .output()
        .expect("heard runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Monday: Ana and Ben's first talk, one prompt each.
fn monday(heard: &mut Heard) {
    check_in(heard, ["Ana", "Ben"]);
    heard.answer_turn("Ana", "Ben", '4', ('4', '4'));
    heard.answer_turn("Ben", "Ana", '4', ('3', '4'));
    closing(heard, ["Ana", "Ben"]);
    quits(heard);
}

/// Wednesday: Ben alone, preparing a talk about Sundays, and bringing it.
fn wednesday(heard: &mut Heard) {
    restart_on(heard, "25", &["solo", "--name", "Ben", "--prompts", "1"]);
    heard.expect("Ben, how are you feeling right now?");
    heard.key(Key::Char('2'));
    heard.expect("What do you want to talk about?");
    heard.type_text("Sundays with my family");
    heard.key(Key::Enter);
    heard.expect("Preparing: Sundays with my family");
    heard.type_text("I feel left out when plans are made");
    heard.key(Key::Esc);
    heard.key(Key::Enter);
    heard.expect("How clear are you about this now?");
    heard.key(Key::Char('4'));
    heard.expect("Bring this to your next talk?");
    heard.key(Key::Char('y'));
    heard.expect("after reflecting");
    heard.key(Key::Char('3'));
    heard.expect("Your topic waits for your next talk");
    heard.key(Key::Enter);
    heard.expect("Start a talk");
    heard.key(Key::Char('q'));
    quits(heard);
}

/// Thursday: Cal and Dee at the same laptop. Ben's topic is not theirs: nobody asks.
fn thursday(heard: &mut Heard) {
    restart_on(
        heard,
        "26",
        &["talk", "--partners", "Cal,Dee", "--prompts", "1"],
    );
    check_in(heard, ["Cal", "Dee"]);
    heard.answer_turn("Cal", "Dee", '3', ('2', '3'));
    heard.expect("Cal, would you like Dee to try again?");
    heard.key(Key::Char('n'));
    heard.answer_turn("Dee", "Cal", '5', ('5', '5'));
    closing(heard, ["Cal", "Dee"]);
    quits(heard);
}

/// Saturday: Ana and Ben again; asked first, they open with Ben's topic, Ben first.
fn saturday(heard: &mut Heard) {
    restart_on(
        heard,
        "28",
        &["talk", "--partners", "Ana,Ben", "--prompts", "2"],
    );
    heard.expect("Ben brought a topic from a reflection");
    heard.key(Key::Char('y'));
    check_in(heard, ["Ana", "Ben"]);
    heard.expect("Ben brought this to talk about:");
    heard.expect("Sundays with my family");
    heard.expect("Ana, please look away first");
    assert!(
        !heard.screen().contains("I feel left out"),
        "{}",
        heard.framed()
    );
    heard.key(Key::Char('o'));
    heard.expect("I feel left out when plans are made");
    heard.answer_turn("Ben", "Ana", '4', ('5', '5'));
    assert!(
        !heard.screen().contains("I feel left out"),
        "{}",
        heard.framed()
    );
    heard.answer_turn("Ana", "Ben", '4', ('4', '5'));
    // The second prompt: Ana first now, the turns alternating on from Ben's topic.
    heard.answer_turn("Ana", "Ben", '4', ('4', '4'));
    heard.answer_turn("Ben", "Ana", '4', ('4', '4'));
    closing(heard, ["Ana", "Ben"]);
    quits(heard);
}

/// Sunday: each couple looks back at its own week, never the other's.
fn sunday(heard: &mut Heard) {
    restart_on(heard, "29", &[]);
    heard.expect("Start a talk");
    heard.key(Key::Char('h'));
    heard.expect("Whose talks would you like to look back at?");
    let chooser = heard.screen();
    assert!(
        chooser.contains("Ana & Ben") && chooser.contains("Cal & Dee"),
        "{chooser}"
    );
    heard.key(Key::Char('1')); // the newest first: Ana and Ben's Saturday
    heard.expect("Ana & Ben · c other couple");
    let ana_ben = heard.screen();
    assert!(ana_ben.contains("Ben wrote a reflection"), "{ana_ben}");
    assert!(
        !ana_ben.contains("Cal") && !ana_ben.contains("Dee"),
        "{ana_ben}"
    );
    assert!(
        !ana_ben.contains("Sundays"),
        "the topic is not for Look back's list"
    );
    heard.key(Key::Char('c'));
    heard.expect("Whose talks would you like to look back at?");
    heard.key(Key::Char('2'));
    heard.expect("Cal & Dee · c other couple");
    let cal_dee = heard.screen();
    assert!(
        !cal_dee.contains("Ana") && !cal_dee.contains("Ben"),
        "{cal_dee}"
    );
    heard.key(Key::Esc);
    heard.expect("Start a talk");
    heard.key(Key::Char('q'));
    quits(heard);
}

/// `journal stats` as each couple would read it, and over everyone.
fn stats_per_couple(heard: &Heard) {
    let json = |args: &[&str]| -> Value {
        serde_json::from_str(&heard_out(heard, args)).expect("stats --json is JSON")
    };
    let ana_ben = json(&["journal", "stats", "--json", "--couple", "ben, ANA"]);
    assert_eq!(ana_ben["sessions"], 2);
    assert_eq!(ana_ben["turns_rated"], 6);
    let cal_dee = json(&["journal", "stats", "--json", "--couple", "Cal,Dee"]);
    assert_eq!(cal_dee["sessions"], 1);
    assert_eq!(cal_dee["felt_heard_avg"], 3.5);
    let all = json(&["journal", "stats", "--json"]);
    assert_eq!(
        all["sessions"], 3,
        "every couple session, reflections apart"
    );
    let couples = all["couples"].as_array().expect("couples");
    assert_eq!(couples.len(), 2);
    let text = heard_out(heard, &["journal", "stats"]);
    assert!(
        text.contains("Ana & Ben") && text.contains("Cal & Dee"),
        "{text}"
    );
}

#[test]
fn a_first_week_of_two_couples_and_a_topic_brought_from_alone() {
    let env = env("23");
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut heard = Heard::spawn(
        &["talk", "--partners", "Ana,Ben", "--prompts", "1"],
        &env,
        DEFAULT_SIZE,
    );
    monday(&mut heard);
    wednesday(&mut heard);
    thursday(&mut heard);
    saturday(&mut heard);
    sunday(&mut heard);
    stats_per_couple(&heard);

    let journal = heard.read_journal();
    let sessions = journal["sessions"].as_array().unwrap();
    let days: Vec<&str> = sessions
        .iter()
        .map(|s| &s["started_at"].as_str().unwrap()[..10])
        .collect();
    assert_eq!(
        days,
        ["2026-11-23", "2026-11-25", "2026-11-26", "2026-11-28"]
    );
    let solo = &sessions[1];
    assert_eq!(solo["topic"], "Sundays with my family");
    assert_eq!(solo["bring_to_talk"], true);
    let cal_dee = &sessions[2];
    assert_eq!(cal_dee.get("brought"), None);
    assert_eq!(
        cal_dee["turns"][0]["attempts"],
        Value::Null,
        "no second round"
    );
    let saturday = &sessions[3];
    assert_eq!(saturday["brought"][0]["reflection"], solo["id"]);
    let first = &saturday["turns"][0];
    assert_eq!(first["prompt"], "Sundays with my family");
    assert_eq!(first["speaker"], 1, "Ben spoke first on his topic");
    assert_eq!(first["felt_heard"], 5);
    // His notes stayed in his reflection: the talk holds none of them.
    assert!(!saturday.to_string().contains("I feel left out"));
    assert!(
        !heard_out(
            &heard,
            &["journal", "show", &solo["id"].as_str().unwrap()[..8]]
        )
        .contains("Sundays")
    );
}
