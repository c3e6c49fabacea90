//! Whole talks driven through the app with key presses, headless: what ends up in the
//! journal and the draft is what a couple would find there.

#[path = "flows/couples.rs"]
mod couples;
#[path = "flows/demo.rs"]
mod demo;
#[path = "flows/keeping.rs"]
mod keeping;
#[path = "flows/loading.rs"]
mod loading;
#[path = "flows/newer_journal.rs"]
mod newer_journal;
#[path = "flows/privacy.rs"]
mod privacy;
#[path = "flows/reliability_disk.rs"]
mod reliability_disk;
#[path = "flows/repair.rs"]
mod repair;
#[path = "flows/scales.rs"]
mod scales;
#[path = "flows/setup_length.rs"]
mod setup_length;
#[path = "flows/understand.rs"]
mod understand;
#[path = "flows/weekly.rs"]
mod weekly;

mod common;

use common::tui::*;
use heard::activity::Activity;
use heard::journal::SessionMode;
use heard::journal::draft::Draft;
use heard::mode::Mode;
use heard::tui::action::{Action, SetupChoice};
use heard::tui::app::{Overlay, Screen};
use heard::tui::storage::Storage;

#[test]
fn a_whole_couple_talk_lands_in_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_disk(dir.path(), config());
    start(&mut app, couple("rekindle", 2));
    press(&mut app, &["3", "2"]); // check-in
    let mut talk = Vec::new();
    talk.extend(turn("3", "4", "5")); // prompt 1, Ana speaks
    talk.extend(turn("4", "2", "3")); // prompt 1, Ben speaks; it did not land
    talk.push("n".into()); // no second round this time
    talk.extend(turn("5", "5", "5")); // prompt 2, Ben first
    talk.extend(turn("2", "3", "4")); // prompt 2, Ana
    press(&mut app, &keys(&talk));
    // Closing: Ana then Ben: closeness, mood after, appreciation.
    press(&mut app, &["5", "4", "type:Thank you", "Enter"]);
    press(&mut app, &["6", "4", "Enter"]);
    assert!(
        matches!(app.screen, Screen::Summary(_)),
        "ends on the summary"
    );

    let journal = journal(dir.path());
    assert_eq!(journal.sessions.len(), 1);
    let session = &journal.sessions[0];
    assert!(session.completed);
    assert_eq!(session.mode, SessionMode::Known(Mode::Couple));
    assert_eq!(session.partners, vec!["Ana", "Ben"]);
    assert_eq!(session.mood_before, vec![Some(3), Some(2)]);
    assert_eq!(session.mood_after, vec![Some(4), Some(4)]);
    assert_eq!(session.closeness, vec![Some(5), Some(6)]);
    type Rated = (usize, Option<u8>, Option<u8>, Option<u8>);
    let ratings: Vec<Rated> = session
        .turns
        .iter()
        .map(|t| {
            (
                t.speaker,
                t.felt_heard(),
                t.felt_validated(),
                t.listener_guess(),
            )
        })
        .collect();
    assert_eq!(
        ratings,
        vec![
            (0, Some(4), Some(5), Some(3)),
            (1, Some(2), Some(3), Some(4)),
            (1, Some(5), Some(5), Some(5)),
            (0, Some(3), Some(4), Some(2)),
        ]
    );
    assert!(
        !dir.path().join("in-progress.json").exists(),
        "the draft is gone"
    );
    let text = screen(&app, 80, 24);
    assert!(text.contains("Saved to your journal."), "{text}");
    // Where it is, `heard journal path` says; the summary does not show a file path.
    assert!(!text.contains("journal.json"), "{text}");
}

#[test]
fn the_draft_follows_every_rating_and_a_restart_resumes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_disk(dir.path(), config());
    start(&mut app, couple("rekindle", 2));
    press(&mut app, &["3", "3"]);
    press(&mut app, &keys(&turn("3", "4", "4")));
    let draft: Draft =
        serde_json::from_slice(&std::fs::read(dir.path().join("in-progress.json")).unwrap())
            .unwrap();
    let session = Activity::from_draft(draft)
        .unwrap()
        .0
        .to_session(now(), false);
    assert_eq!(session.turns.len(), 1, "the rated turn is in the draft");
    assert_eq!(session.turns[0].felt_heard(), Some(4));
    drop(app); // as if the window closed

    let mut app = app_on_disk(dir.path(), config());
    assert!(
        matches!(app.overlay, Some(Overlay::Leftover(_))),
        "offers to resume"
    );
    assert!(screen(&app, 80, 24).contains("unfinished talk"));
    press(&mut app, &["Enter"]); // resume
    let mut rest = Vec::new();
    rest.extend(turn("2", "3", "3"));
    rest.extend(turn("4", "4", "4"));
    rest.extend(turn("4", "5", "5"));
    press(&mut app, &keys(&rest));
    press(&mut app, &["4", "4", "Enter", "4", "4", "Enter"]);
    let journal = journal(dir.path());
    assert_eq!(journal.sessions.len(), 1);
    assert_eq!(journal.sessions[0].turns.len(), 4);
    assert_eq!(journal.sessions[0].turns[0].felt_heard(), Some(4));
    assert!(journal.sessions[0].completed);
}

#[test]
fn leaving_can_save_as_unfinished_keep_for_later_or_discard() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_disk(dir.path(), config());
    start(&mut app, couple("rekindle", 3));
    press(&mut app, &["3", "3"]);
    press(&mut app, &keys(&turn("3", "4", "4")));
    press(&mut app, &["q"]);
    assert!(matches!(app.overlay, Some(Overlay::Quit(_))));
    press(&mut app, &["Esc"]);
    assert!(app.overlay.is_none(), "Esc keeps talking");
    press(&mut app, &["q", "u"]);
    let journal = journal(dir.path());
    assert_eq!(journal.sessions.len(), 1);
    assert!(!journal.sessions[0].completed);
    assert_eq!(journal.sessions[0].turns.len(), 1);
    assert!(matches!(app.screen, Screen::Home(_)));

    start(&mut app, couple("rekindle", 3));
    press(&mut app, &["q", "r"]);
    assert!(
        dir.path().join("in-progress.json").exists(),
        "kept to resume"
    );
    let mut app = app_on_disk(dir.path(), config());
    assert!(matches!(app.overlay, Some(Overlay::Leftover(_))));
    press(&mut app, &["d"]);
    assert!(
        matches!(app.overlay, Some(Overlay::Leftover(_))),
        "discard asks twice"
    );
    press(&mut app, &["d"]);
    assert!(app.overlay.is_none());
    assert!(!dir.path().join("in-progress.json").exists());
    assert_eq!(common::tui::journal(dir.path()).sessions.len(), 1);
}

#[test]
fn ctrl_c_keeps_the_talk_and_leaves() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_disk(dir.path(), config());
    start(&mut app, couple("rekindle", 2));
    press(&mut app, &["3", "3", "Enter", "C-c"]);
    assert!(app.quit);
    assert!(app.farewell.as_deref().unwrap_or("").contains("resume"));
    assert!(dir.path().join("in-progress.json").exists());
    assert!(
        !dir.path().join("journal.json").exists(),
        "nothing in the journal yet"
    );
}

#[test]
fn a_reflection_brings_its_topic_to_the_next_talk_of_its_couple_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_disk(dir.path(), config());
    start(&mut app, solo("before-the-talk", 2));
    press(&mut app, &["s"]); // check-in mood skipped
    assert_eq!(at(&app), "the topic");
    // The topic field takes the words at once; Enter gives it.
    press(&mut app, &["type:Sundays with my family", "Enter"]);
    assert_eq!(at(&app), "the reflection");
    assert!(screen(&app, 80, 24).contains("Preparing: Sundays with my family"));
    press(
        &mut app,
        &["type:I feel left out when plans are made", "Esc", "Enter"],
    );
    press(&mut app, &["4"]); // clarity: one question, a digit goes on
    press(&mut app, &["Esc", "s"]); // the second prompt passed
    assert_eq!(at(&app), "the question about bringing it");
    press(&mut app, &["Enter"]);
    assert_eq!(
        at(&app),
        "the question about bringing it",
        "nothing is chosen for her"
    );
    press(&mut app, &["y"]);
    // Alone, nobody talked: the closing question does not say so.
    let text = screen(&app, 80, 24);
    assert!(text.contains("after reflecting"), "{text}");
    assert!(!text.contains("after talking"), "{text}");
    press(&mut app, &["4"]); // mood after
    assert!(matches!(app.screen, Screen::Summary(_)));
    assert!(screen(&app, 80, 24).contains("Your topic waits for your next talk"));
    let session = journal(dir.path()).sessions[0].clone();
    assert_eq!(session.mode, SessionMode::Known(Mode::Solo));
    assert_eq!(session.extra["topic"], "Sundays with my family");
    assert_eq!(
        session.turns[0].note.as_deref(),
        Some("I feel left out when plans are made")
    );
    press(&mut app, &["Enter"]);

    // Another couple's talk is not asked about it, and does not open with it.
    start(
        &mut app,
        SetupChoice {
            partners: vec!["Cal".into(), "Dee".into()],
            bring: None,
            ..couple("rekindle", 2)
        },
    );
    let Some(Activity::Prompts(talk)) = &app.activity else {
        unreachable!()
    };
    assert!(talk.brought().is_empty());
    assert!(
        talk.prompts()
            .iter()
            .all(|p| p.text != "Sundays with my family")
    );
    press(&mut app, &["q", "d", "d"]);

    // Ana and Ben (as typed on the command line: no setup screen) are asked first.
    app.update(Action::Start(SetupChoice {
        bring: None,
        ..couple("rekindle", 2)
    }));
    assert_eq!(at(&app), "the question about a brought topic");
    assert!(screen(&app, 80, 24).contains("Ana brought a topic from a reflection"));
    press(&mut app, &["y"]);
    let Some(Activity::Prompts(talk)) = &app.activity else {
        unreachable!()
    };
    assert_eq!(talk.prompts()[0].text, "Sundays with my family");
    assert_eq!(
        talk.prompts().len(),
        2,
        "the topic counts toward the prompts asked"
    );
    press(&mut app, &["s", "s"]); // check-in
    assert_eq!(at(&app), "the speaker card");
    let card = screen(&app, 80, 24);
    assert!(card.contains("Ana, share with Ben"), "{card}");
    assert!(card.contains("Ana brought this to talk about"), "{card}");
    assert!(card.contains("Ben, please look away first"), "{card}");
    assert!(
        !card.contains("I feel left out"),
        "her notes wait for her key: {card}"
    );
    press(&mut app, &["o"]);
    let card = screen(&app, 80, 24);
    assert!(
        card.contains("I feel left out when plans are made"),
        "{card}"
    );
    // The listener's card never shows them, nor does Ben's own turn on the topic.
    press(&mut app, &["Enter"]);
    assert_eq!(at(&app), "the listener card");
    assert!(!screen(&app, 80, 24).contains("I feel left out"));
    press(&mut app, &["Enter", "4", "4", "4", "Enter"]);
    assert_eq!(at(&app), "the speaker card");
    let card = screen(&app, 80, 24);
    assert!(card.contains("Ben, share with Ana"), "{card}");
    assert!(!card.contains("look away first"), "{card}");
    press(&mut app, &["o"]);
    assert!(!screen(&app, 80, 24).contains("I feel left out"));
    // Saved with the topic reached, it waits no more.
    press(&mut app, &["q", "u"]);
    app.update(Action::Start(SetupChoice {
        bring: None,
        ..couple("rekindle", 2)
    }));
    assert_eq!(at(&app), "the check-in", "asked only once it was brought");
}

#[test]
fn no_save_writes_nothing_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let storage = Storage::NoSave {
        journal: Default::default(),
        loading: None,
    };
    let mut app = app_with(storage, config());
    start(&mut app, couple("rekindle", 1));
    let mut all: Vec<String> = vec!["s".into(), "s".into()];
    all.extend(turn("3", "4", "4"));
    all.extend(turn("3", "4", "4"));
    all.extend(["s", "s", "Enter", "s", "s", "Enter"].map(String::from));
    // Every screen of the run says nothing is saved, on its frame.
    for key in keys(&all) {
        let text = screen(&app, 60, 18);
        assert!(
            text.contains("Nothing is saved in this run"),
            "{}: {text}",
            at(&app)
        );
        press(&mut app, &[key]);
    }
    assert!(matches!(app.screen, Screen::Summary(_)));
    assert!(screen(&app, 60, 18).contains("Nothing is saved in this run"));
    assert!(screen(&app, 80, 24).contains("Not saved"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn no_save_offers_only_to_keep_talking_or_stop() {
    let storage = Storage::NoSave {
        journal: Default::default(),
        loading: None,
    };
    let mut app = app_with(storage, config());
    start(&mut app, couple("rekindle", 1));
    press(&mut app, &["Esc"]);
    assert_eq!(at(&app), "the quit dialog");
    let text = screen(&app, 80, 24);
    assert!(text.contains("Keep talking"), "{text}");
    assert!(text.contains("Stop, without saving"), "{text}");
    assert!(!text.contains("resume later"), "{text}");
    assert!(!text.contains("unfinished"), "{text}");
    press(&mut app, &["s"]);
    assert!(matches!(app.screen, Screen::Home(_)), "{}", at(&app));
    assert!(app.activity.is_none());
}

#[test]
fn notes_turned_off_never_reach_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_disk(
        dir.path(),
        heard::config::Config {
            keep_notes: false,
            ..config()
        },
    );
    start(&mut app, couple("rekindle", 1));
    press(&mut app, &["s", "s", "n"]);
    assert!(screen(&app, 80, 24).contains(heard::words::NOTES_OFF));
    // Typing goes nowhere: there is no note field to type into.
    press(&mut app, &["type:xyz", "Enter"]);
    let draft = std::fs::read_to_string(dir.path().join("in-progress.json")).unwrap();
    assert!(!draft.contains("xyz"));
    fn has_text_note(value: &serde_json::Value) -> bool {
        match value {
            serde_json::Value::Object(map) => map
                .iter()
                .any(|(k, v)| (k == "note" && v.is_string()) || has_text_note(v)),
            serde_json::Value::Array(items) => items.iter().any(has_text_note),
            _ => false,
        }
    }
    let draft: serde_json::Value = serde_json::from_str(&draft).unwrap();
    assert!(!has_text_note(&draft), "{draft}");
}

#[test]
fn the_app_only_asks_to_be_woken_while_a_clock_is_running() {
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_disk(dir.path(), config()); // no speaking timer
    let now = Instant::now();
    assert_eq!(app.next_tick(now), None, "home is idle");
    start(&mut app, couple("rekindle", 1));
    press(&mut app, &["s", "s"]);
    assert_eq!(app.next_tick(now), None, "an untimed speaker card is idle");

    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_disk(dir.path(), config());
    let mut timed = couple("rekindle", 1);
    timed.timer_seconds = Some(180);
    start(&mut app, timed);
    press(&mut app, &["s", "s"]);
    let now = Instant::now();
    let tick = app.next_tick(now).expect("the countdown ticks");
    assert!(
        tick > now && tick <= now + Duration::from_secs(1),
        "once a second"
    );
    press(&mut app, &["Space"]);
    assert_eq!(
        app.next_tick(Instant::now()),
        None,
        "a paused timer is idle"
    );
    press(&mut app, &["Space", "Enter"]);
    assert_eq!(
        app.next_tick(Instant::now()),
        None,
        "the listener card is idle"
    );
    press(&mut app, &["b"]);
    assert!(
        app.next_tick(Instant::now()).is_some(),
        "the break clock ticks"
    );
    press(&mut app, &["?"]);
    assert_eq!(
        app.next_tick(Instant::now()),
        None,
        "help over the break is idle"
    );
}

#[test]
fn long_names_emoji_and_cjk_keep_the_frame_whole() {
    let mut app = app_with(
        Storage::NoSave {
            journal: Default::default(),
            loading: None,
        },
        config(),
    );
    let long = "Anastasia-Maria 🌻 de los Ángeles".to_string();
    let cjk = "山田 太郎 😀 さくら".to_string();
    let mut choice = couple("rekindle", 2);
    choice.partners = vec![long, cjk];
    start(&mut app, choice);
    for keys in [vec![], vec!["3", "3"], vec!["Enter"], vec!["Enter", "3"]] {
        press(&mut app, &keys);
        for (w, h) in [(80, 24), (60, 18)] {
            let text = screen(&app, w, h);
            let rows: Vec<&str> = text.lines().collect();
            for row in &rows[1..rows.len() - 2] {
                assert!(
                    row.starts_with('│') && row.ends_with('│'),
                    "broken border at {w}x{h}:\n{text}"
                );
            }
        }
    }
}

#[test]
fn the_demo_runs_a_whole_talk_in_memory() {
    use heard::tui::start::{Start, build};
    let dir = tempfile::tempdir().unwrap();
    let ctx = heard::context::Context {
        paths: heard::paths::Paths::under(dir.path()),
        color: false,
    };
    let mut app = build(&ctx, &Start::Demo).unwrap();
    assert!(app.demo);
    assert!(screen(&app, 80, 24).contains("Demo - nothing is saved"));
    press(&mut app, &["t", "1", "Enter"]); // setup with the demo couple, begin
    let text = screen(&app, 80, 24);
    assert!(text.contains("Maya, how are you feeling"), "{text}");
    assert!(text.contains("Demo - nothing is saved"), "{text}");
    press(&mut app, &["s", "s"]);
    // Sam brought a topic from a reflection in the fictional history: setup offers it
    // (on), so the talk opens with it, Sam speaking first, then a light and a personal
    // prompt. Both answer each.
    let text = screen(&app, 80, 24);
    assert!(text.contains("Sam brought this to talk about"), "{text}");
    assert!(text.contains("Sam, share with Maya"), "{text}");
    for _ in 0..6 {
        press(&mut app, &["Enter", "Enter", "3", "4", "4", "Enter"]);
    }
    press(&mut app, &["5", "4", "Enter", "5", "4", "Enter"]);
    let text = screen(&app, 80, 24);
    assert!(matches!(app.screen, Screen::Summary(_)), "{text}");
    assert!(text.contains("Demo - nothing is saved"), "{text}");
    let talk = app.storage.journal().sessions.last().unwrap();
    assert_eq!(talk.turns.len(), 6, "every turn answered, in memory only");
    assert!(talk.turns.iter().all(|t| t.felt_heard() == Some(4)));
    assert!(!dir.path().join("data").exists() && !dir.path().join("config").exists());
    press(&mut app, &["Enter", "h"]);
    assert!(screen(&app, 80, 24).contains("look back"));
}

#[test]
fn a_second_heard_during_a_talk_does_not_offer_the_first_one_s_draft() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = app_on_disk(dir.path(), config());
    start(&mut first, couple("rekindle", 2));
    press(&mut first, &["3"]);
    let mut second = app_on_disk(dir.path(), config());
    assert!(
        second.overlay.is_none(),
        "the live talk is not offered to resume"
    );
    assert!(screen(&second, 80, 24).contains("Another heard is in a talk"));
    second.update(heard::tui::action::Action::Start(couple("rekindle", 2)));
    assert!(matches!(second.screen, Screen::Home(_) | Screen::Setup(_)));
    assert!(
        !matches!(second.screen, Screen::Activity(_)),
        "no second talk"
    );
    press(&mut first, &["3"]);
    assert!(
        matches!(first.screen, Screen::Activity(_)),
        "the first talk goes on"
    );
}

#[test]
fn a_reflection_offers_the_deck_made_for_one_person() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_on_disk(dir.path(), config());
    assert_eq!(app.default_deck(heard::mode::Mode::Solo), "before-the-talk");
    assert_eq!(app.default_deck(heard::mode::Mode::Couple), "rekindle");
}

#[test]
fn not_today_keeps_the_talk_lighter_and_says_so_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_disk(dir.path(), config());
    start(&mut app, couple("getting-real", 3));
    press(&mut app, &["s", "s"]);
    for _ in 0..4 {
        press(&mut app, &["Enter", "Enter", "s", "s", "s"]);
    }
    assert!(screen(&app, 80, 24).contains("go deeper"));
    press(&mut app, &["n", "y"]);
    let text = screen(&app, 80, 24);
    assert!(text.contains(heard::words::STAY_LIGHTER), "{text}");
    let Some(Activity::Prompts(talk)) = &app.activity else {
        unreachable!()
    };
    assert!(
        talk.prompts().iter().all(|p| p.depth < 3),
        "no deep prompt is asked"
    );
    press(&mut app, &["Enter"]);
    assert!(
        !screen(&app, 80, 24).contains(heard::words::STAY_LIGHTER),
        "said once"
    );
}

#[test]
fn with_notes_off_the_topic_screen_promises_nothing_kept_and_nothing_is_brought() {
    let dir = tempfile::tempdir().unwrap();
    let config = heard::config::Config {
        keep_notes: false,
        ..config()
    };
    let mut app = app_on_disk(dir.path(), config);
    start(&mut app, solo("before-the-talk", 1));
    press(&mut app, &["s"]);
    assert_eq!(at(&app), "the topic");
    let text = screen(&app, 80, 24);
    assert!(text.contains("Notes are off in your settings"), "{text}");
    assert!(!text.contains("Kept out of your shared history"), "{text}");
    press(&mut app, &["type:money", "w", "Enter"]);
    assert_eq!(at(&app), "the reflection");
    press(&mut app, &["Enter", "3"]);
    // No topic was kept, so there is no question about bringing it.
    assert_eq!(at(&app), "the mood after");
    press(&mut app, &["3"]);
    let session = &journal(dir.path()).sessions[0];
    assert!(session.extra.get("topic").is_none());
    assert!(!serde_json::to_string(session).unwrap().contains("money"));
}

/// A week of talks for Ana and Ben from one deck: no prompt comes back while the deck has
/// others at its depth; another couple's talks do not count against theirs.
#[test]
fn prompts_do_not_repeat_across_a_couples_talks() {
    use std::collections::HashSet;
    let dir = tempfile::tempdir().unwrap();
    let talk_of = |partners: [&str; 2]| {
        let mut app = app_on_disk(dir.path(), config());
        start(
            &mut app,
            SetupChoice {
                partners: partners.map(String::from).to_vec(),
                bring: Some(false),
                ..couple("rekindle", 2)
            },
        );
        press(&mut app, &["3", "3"]);
        for _ in 0..4 {
            press(&mut app, &keys(&turn("4", "4", "4")));
        }
        press(&mut app, &["5", "4", "Enter", "5", "4", "Enter"]);
        assert!(matches!(app.screen, Screen::Summary(_)), "{}", at(&app));
    };
    let prompts_of = |names: [&str; 2]| -> Vec<Vec<String>> {
        journal(dir.path())
            .sessions
            .iter()
            .filter(|s| s.partners == names)
            .map(|s| {
                let mut ids: Vec<String> = s.turns.iter().map(|t| t.prompt_id.clone()).collect();
                ids.dedup();
                ids
            })
            .collect()
    };
    // Cal and Dee's talk first: it holds prompts Ana and Ben may still be asked.
    talk_of(["Cal", "Dee"]);
    for _ in 0..5 {
        talk_of(["Ana", "Ben"]);
    }
    let talks = prompts_of(["Ana", "Ben"]);
    assert_eq!(talks.len(), 5);
    let mut seen = HashSet::new();
    for talk in &talks {
        assert_eq!(talk.len(), 2);
        for id in talk {
            assert!(seen.insert(id.clone()), "{id} asked twice in {talks:?}");
        }
    }
    // Ten light and ten personal prompts: the sixth talk still has new ones at each depth,
    // whatever Cal and Dee had.
    talk_of(["Ben", "Ana"]);
    let again = prompts_of(["Ben", "Ana"]);
    assert!(
        again[0].iter().all(|id| !seen.contains(id)),
        "{again:?} after {seen:?}"
    );
}
