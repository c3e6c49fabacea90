//! Every screen rendered at 80x24, 60x18 and 120x40 (and the too-small notice), compared
//! with reviewed snapshots in tests/snapshots/. Each test first asserts the step it
//! reached, so a snapshot never silently shows another screen. Monochrome, so focus must
//! show without colour.

#[path = "screens/screens_history.rs"]
mod screens_history;
#[path = "screens/screens_repair.rs"]
mod screens_repair;
#[path = "screens/screens_setup.rs"]
mod screens_setup;
#[path = "screens/screens_small.rs"]
mod screens_small;
#[path = "screens/screens_understand.rs"]
mod screens_understand;
#[path = "screens/screens_weekly.rs"]
mod screens_weekly;

mod common;

use std::time::Instant;

use common::tui::*;
use heard::mode::Partner;
use heard::talk::{Talk, TalkSetup};
use heard::tui::app::App;
use heard::tui::screens::talk::TalkScreen;
use heard::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Snapshot the app at the sizes the screens are designed for, once it is where the test
/// meant it to be.
fn snap(name: &str, app: &App, step: &str) {
    assert_eq!(
        at(app),
        step,
        "the {name} snapshot would show another screen"
    );
    insta::assert_snapshot!(format!("{name}_80x24"), render(app, 80, 24));
    insta::assert_snapshot!(format!("{name}_60x18"), render(app, 60, 18));
    insta::assert_snapshot!(format!("{name}_120x40"), render(app, 120, 40));
}

/// A couple talk in the memory app, moved on by `keys`.
fn talk_at(prompts: usize, keys: &[&str]) -> App {
    let mut app = demo_app();
    start(&mut app, couple("rekindle", prompts));
    press(&mut app, keys);
    app
}

const CHECKED_IN: [&str; 2] = ["3", "2"];

fn after_check_in(more: &[&str]) -> Vec<&'static str> {
    let mut keys: Vec<&str> = CHECKED_IN.to_vec();
    keys.extend(
        more.iter()
            .map(|k| -> &'static str { Box::leak(k.to_string().into_boxed_str()) }),
    );
    keys
}

#[test]
fn home() {
    snap("home", &demo_app(), "home");
}

#[test]
fn help_overlay() {
    let mut app = demo_app();
    press(&mut app, &["?"]);
    snap("help", &app, "help");
}

#[test]
fn check_in() {
    snap(
        "check_in",
        &talk_at(2, &["Right", "Right", "Right"]),
        "the check-in",
    );
}

fn timed_talk_setup() -> TalkSetup {
    TalkSetup {
        partners: vec!["Ana".into(), "Ben".into()],
        deck: heard::deck::load::builtin_decks()[0].clone(),
        prompts: 6,
        timer_seconds: Some(180),
        listener_guess: true,
        keep_notes: true,
        seed: 7,
        started_at: now(),
        brought: Vec::new(),
        recent: Vec::new(),
    }
}

/// A couple talk with a three-minute speaking timer, at its first speaker.
fn timed_talk() -> Talk {
    let mut talk = Talk::new(timed_talk_setup()).unwrap();
    for partner in Partner::BOTH {
        talk.apply(heard::talk::Input::Mood {
            partner,
            value: Some(3),
        })
        .unwrap();
    }
    talk
}

#[test]
fn the_footer_says_space_goes_on_while_the_timer_is_paused() {
    let talk = timed_talk();
    let t0 = Instant::now();
    let mut screen = TalkScreen::new(&talk, "Rekindle".into(), Theme::new(false), false, t0, None);
    let hints = heard::tui::screens::talk::keys::hints(&screen, &talk);
    assert!(hints.contains(&("Space", "pause")), "{hints:?}");
    let space = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char(' '));
    assert!(screen.handle_key(&talk, space, t0).is_none());
    let hints = heard::tui::screens::talk::keys::hints(&screen, &talk);
    assert!(hints.contains(&("Space", "go on")), "{hints:?}");
    assert!(!hints.contains(&("Space", "pause")), "{hints:?}");
}

#[test]
fn speaker_card_with_a_running_timer() {
    let talk = timed_talk();
    assert_eq!(talk.step(), heard::talk::Step::Speaker);
    let t0 = Instant::now();
    let screen = TalkScreen::new(&talk, "Rekindle".into(), Theme::new(false), false, t0, None);
    for (width, height) in [(80, 24), (60, 18), (120, 40)] {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|f| screen.render(&talk, f.area(), f.buffer_mut()))
            .unwrap();
        insta::assert_snapshot!(
            format!("speaker_timer_{width}x{height}"),
            terminal.backend()
        );
    }
}

/// A talk that opens with a topic Ben brought, and his notes from the reflection.
fn talk_with_a_brought_topic() -> Talk {
    use heard::talk::brought::{Brought, Note};
    let note = |prompt: &str, text: &str| Note {
        prompt: prompt.into(),
        text: text.into(),
    };
    let brought = Brought {
        by: Partner::Second,
        reflection_id: "r1".into(),
        topic: "How we split the weekends".into(),
        notes: vec![
            note(
                "Which feelings come up?",
                "Tired, and a bit alone on Saturdays.",
            ),
            note("What do you need?", "One morning a week that is just mine."),
            note(
                "How could you open it gently?",
                "I feel stretched, and I need a morning.",
            ),
            note(
                "What part is yours?",
                "I say yes to everything and then resent it.",
            ),
            note("What do you want them to feel?", "That I am on their side."),
        ],
    };
    let mut talk = Talk::new(TalkSetup {
        brought: vec![brought],
        recent: Vec::new(),
        ..timed_talk_setup()
    })
    .unwrap();
    for partner in Partner::BOTH {
        talk.apply(heard::talk::Input::Mood {
            partner,
            value: None,
        })
        .unwrap();
    }
    talk
}

#[test]
fn the_bringer_sees_their_own_notes_only_when_they_ask() {
    let talk = talk_with_a_brought_topic();
    let progress = talk.progress().unwrap();
    assert_eq!(
        progress.speaker,
        Partner::Second,
        "Ben brought it: he speaks first"
    );
    let t0 = Instant::now();
    let mut screen = TalkScreen::new(&talk, "Rekindle".into(), Theme::new(false), false, t0, None);
    let draw = |screen: &TalkScreen, width, height| {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|f| screen.render(&talk, f.area(), f.buffer_mut()))
            .unwrap();
        terminal
    };
    for (width, height) in [(80, 24), (60, 18)] {
        let text = format!("{}", draw(&screen, width, height).backend());
        assert!(text.contains("Ben brought this to talk about"), "{text}");
        assert!(text.contains("Ana, please look away first"), "{text}");
        assert!(
            !text.contains("Saturdays"),
            "notes shown before he asked: {text}"
        );
    }
    let help = heard::tui::screens::talk::keys::help(&screen, &talk);
    assert!(help.iter().any(|(key, _)| *key == "o"), "{help:?}");
    let o = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char('o'));
    assert!(screen.handle_key(&talk, o, t0).is_none());
    for (width, height) in [(80, 24), (60, 18), (120, 40)] {
        let terminal = draw(&screen, width, height);
        let text = format!("{}", terminal.backend());
        assert!(text.contains("Your notes from before"), "{text}");
        // Every note is there, or a line says how many more a larger window shows.
        let shown = [
            "Saturdays",
            "just mine",
            "need a morning",
            "resent it",
            "on their side",
        ]
        .iter()
        .filter(|words| text.contains(*words))
        .count();
        assert!(
            shown == 5 || text.contains(&format!("({} more note", 5 - shown)),
            "{shown} of 5 shown without a word: {text}"
        );
        assert!(shown >= 3, "{text}");
        insta::assert_snapshot!(
            format!("brought_notes_{width}x{height}"),
            terminal.backend()
        );
    }
}

#[test]
fn speaker_card_writing_a_note() {
    snap(
        "speaker_note",
        &talk_at(
            2,
            &after_check_in(&["n", "type:the blue coat, 💙 and 你好"]),
        ),
        "the speaker card",
    );
}

#[test]
fn listener_card() {
    snap(
        "listener",
        &talk_at(2, &after_check_in(&["Enter"])),
        "the listener card",
    );
}

#[test]
fn listener_guess() {
    snap(
        "guess",
        &talk_at(
            2,
            &after_check_in(&["Enter", "Enter", "Right", "Right", "Right"]),
        ),
        "the listener's guess",
    );
}

#[test]
fn rating() {
    snap(
        "rating",
        &talk_at(2, &after_check_in(&["Enter", "Enter", "3", "4"])),
        "the rating",
    );
}

#[test]
fn reveal_beside_the_rating() {
    // Both scales answered: the listener's guess shows on the rating screen itself.
    snap(
        "reveal",
        &talk_at(2, &after_check_in(&["Enter", "Enter", "3", "4", "5"])),
        "the rating",
    );
}

/// Past every turn of a one-prompt talk, at closing.
fn at_closing(more: &[&str]) -> App {
    let mut keys = after_check_in(&[]);
    for _ in 0..2 {
        keys.extend(["Enter", "Enter", "3", "4", "4", "Enter"]);
    }
    keys.extend(
        more.iter()
            .map(|k| -> &'static str { Box::leak(k.to_string().into_boxed_str()) }),
    );
    talk_at(1, &keys)
}

#[test]
fn closeness() {
    snap(
        "closeness",
        &at_closing(&["Right", "Right", "Right", "Right"]),
        "closeness",
    );
}

#[test]
fn mood_after() {
    snap(
        "mood_after",
        &at_closing(&["4", "Right", "Right", "Right", "Right", "Right"]),
        "the mood after",
    );
}

#[test]
fn appreciation() {
    snap(
        "appreciation",
        &at_closing(&["4", "5", "type:You made me laugh"]),
        "the appreciation",
    );
}

#[test]
fn summary() {
    snap(
        "summary",
        &at_closing(&["4", "5", "Enter", "6", "4", "Enter"]),
        "the summary",
    );
}

#[test]
fn going_deeper() {
    // Three prompts: light, personal, then deep; the question comes before the third.
    let mut keys = after_check_in(&[]);
    for _ in 0..4 {
        keys.extend(["Enter", "Enter", "s", "s", "s"]);
    }
    let app = talk_at(3, &keys);
    assert_eq!(at(&app), "the question about going deeper");
    assert!(render(&app, 80, 24).contains(heard::words::GO_DEEPER_ASK_ONE));
    snap("deeper", &app, "the question about going deeper");
}

#[test]
fn break_screen() {
    snap("break", &talk_at(2, &after_check_in(&["b"])), "a break");
}

#[test]
fn quit_dialog() {
    snap(
        "quit",
        &talk_at(2, &after_check_in(&["q"])),
        "the quit dialog",
    );
}

#[test]
fn solo_reflection_and_clarity() {
    let mut app = demo_app();
    start(&mut app, solo("before-the-talk", 2));
    press(&mut app, &["s", "type:Sundays with my family"]);
    snap("topic", &app, "the topic");
    press(&mut app, &["Enter", "type:More evenings together"]);
    snap("reflection", &app, "the reflection");
    // Arrows mark a step without going on; a digit would give it at once.
    press(
        &mut app,
        &["Esc", "Enter", "Right", "Right", "Right", "Right"],
    );
    snap("clarity", &app, "the clarity rating");
    press(&mut app, &["Enter", "Esc", "s"]);
    snap("bring", &app, "the question about bringing it");
}

#[test]
fn look_back() {
    let mut app = demo_app();
    press(&mut app, &["h"]);
    snap("history", &app, "look back");
}

#[test]
fn leftover_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_disk(dir.path(), config());
    start(&mut app, couple("rekindle", 2));
    press(&mut app, &CHECKED_IN);
    drop(app);
    snap(
        "leftover",
        &app_on_disk(dir.path(), config()),
        "the leftover dialog",
    );
}

#[test]
fn too_small_asks_for_a_larger_window() {
    let app = talk_at(2, &after_check_in(&[]));
    insta::assert_snapshot!("too_small_50x12", render(&app, 50, 12));
    // Never a panic, down to a single cell.
    for width in 1..=61 {
        for height in 1..=19 {
            render(&app, width, height);
        }
    }
}

#[test]
fn wide_windows_keep_their_layout() {
    let app = talk_at(2, &after_check_in(&["Enter"]));
    let text = render(&app, 200, 60);
    assert!(text.contains("Ben, tell Ana what you heard"));
}

/// The leftmost column with text inside the frame (its border and footer left out).
fn left_edge(text: &str) -> usize {
    let rows: Vec<&str> = text.lines().collect();
    rows[1..rows.len().saturating_sub(3)]
        .iter()
        .filter_map(|row| {
            row.chars()
                .skip(1)
                .take(row.chars().count().saturating_sub(2))
                .position(|c| c != ' ')
                .map(|x| x + 1)
        })
        .min()
        .unwrap_or(0)
}

/// In a large window home, setup and Look back keep a readable column in the middle, as
/// the talk cards do, not at the top-left corner.
#[test]
fn home_setup_and_look_back_sit_centred_in_a_large_window() {
    for (keys, step) in [
        (&[][..], "home"),
        (&["t", "1"][..], "setup"),
        (&["h"][..], "look back"),
    ] {
        let mut app = demo_app();
        press(&mut app, keys);
        assert_eq!(at(&app), step);
        let text = screen(&app, 200, 60);
        let left = left_edge(&text);
        // A 96-column body centred in 200 starts at 52; allow for its own margins.
        assert!(
            (48..=60).contains(&left),
            "{step}: left edge {left}\n{text}"
        );
    }
}

/// A built-in deck whose every prompt is as long as a deck allows (1,000 characters),
/// ending in a word that must not be shown cut without a sign.
fn deck_of_long_prompts() -> heard::deck::Deck {
    let mut deck = heard::deck::load::builtin_decks()[0].clone();
    let long = format!("{}the end", "a long prompt ".repeat(71));
    assert_eq!(long.chars().count(), 1_001);
    let long: String = long.chars().skip(1).collect();
    for prompt in &mut deck.prompts {
        prompt.text.clone_from(&long);
    }
    deck
}

fn assert_cut_with_a_sign(text: &str, what: &str) {
    assert!(
        !text.contains("the end"),
        "{what}: the prompt fits?\n{text}"
    );
    assert!(
        text.contains(heard::words::CARD_MORE),
        "{what}: a long prompt is cut without a sign\n{text}"
    );
}

/// A 1,000-character prompt on the speaker's card at 60x18 and 80x24: what does not fit
/// is never cut without a sign.
#[test]
fn a_long_prompt_on_the_speaker_card_says_it_continues() {
    let mut talk = Talk::new(TalkSetup {
        partners: vec!["Ana".into(), "Ben".into()],
        deck: deck_of_long_prompts(),
        prompts: 2,
        timer_seconds: None,
        listener_guess: true,
        keep_notes: true,
        seed: 7,
        started_at: now(),
        brought: Vec::new(),
        recent: Vec::new(),
    })
    .unwrap();
    for partner in Partner::BOTH {
        talk.apply(heard::talk::Input::Mood {
            partner,
            value: Some(3),
        })
        .unwrap();
    }
    assert_eq!(talk.step(), heard::talk::Step::Speaker);
    let screen = TalkScreen::new(
        &talk,
        "Long".into(),
        Theme::new(false),
        false,
        Instant::now(),
        None,
    );
    for (width, height) in [(60, 18), (80, 24)] {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|f| screen.render(&talk, f.area(), f.buffer_mut()))
            .unwrap();
        let text = format!("{}", terminal.backend());
        assert_cut_with_a_sign(&text, &format!("speaker at {width}x{height}"));
    }
}

/// The same on the card of a reflection alone.
#[test]
fn a_long_prompt_on_the_reflection_card_says_it_continues() {
    use heard::reflection::{Input, Reflection, ReflectionSetup, Step};
    use heard::tui::screens::reflection::ReflectionScreen;
    let mut reflection = Reflection::new(ReflectionSetup {
        name: "Ana".into(),
        deck: deck_of_long_prompts(),
        prompts: 2,
        keep_notes: true,
        seed: 7,
        started_at: now(),
    })
    .unwrap();
    reflection.apply(Input::Mood(Some(3))).unwrap();
    reflection
        .apply(Input::Topic(Some("Sundays with my family".into())))
        .unwrap();
    assert_eq!(reflection.step(), Step::Reflection);
    let screen = ReflectionScreen::new(
        &reflection,
        "Long".into(),
        Theme::new(false),
        false,
        Instant::now(),
        None,
    );
    for (width, height) in [(60, 18), (80, 24)] {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|f| screen.render(&reflection, f.area(), f.buffer_mut()))
            .unwrap();
        let text = format!("{}", terminal.backend());
        assert_cut_with_a_sign(&text, &format!("reflection at {width}x{height}"));
    }
}

fn deck_open(app: &App) -> Option<(usize, u16)> {
    match &app.screen {
        heard::tui::app::Screen::Decks(decks) => decks.open.as_ref().map(|o| (o.deck, o.scroll)),
        _ => None,
    }
}

/// Decks: Enter on a deck shows its prompts (text and depth) to read, the arrows scroll
/// them, Esc goes back to the list; the footer and help say so.
#[test]
fn a_deck_opens_to_read_its_prompts() {
    let mut app = demo_app();
    press(&mut app, &["d"]);
    assert_eq!(at(&app), "decks");
    assert!(screen(&app, 80, 24).contains("Enter read"));
    press(&mut app, &["Down", "Enter"]);
    assert_eq!(deck_open(&app), Some((1, 0)));
    let deck = &heard::deck::load::builtin_decks()[1];
    let first = &deck.prompts[0];
    let text = screen(&app, 80, 24);
    assert!(text.contains(&deck.title), "{text}");
    assert!(text.contains("1 · "), "{text}");
    let start: String = first.text.chars().take(30).collect();
    assert!(text.contains(&start), "{text}");
    assert!(text.contains("Esc decks"), "{text}");
    snap("deck_open", &app, "decks");

    // Scrolled to the end, the last prompt shows and the first does not.
    press(&mut app, &["End"]);
    let text = screen(&app, 80, 24);
    let last = deck.prompts.last().unwrap();
    let end: String = last
        .text
        .chars()
        .rev()
        .take(12)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    assert!(text.contains(&end), "{text}");
    assert!(!text.contains(&start), "{text}");
    press(&mut app, &["Home", "Down"]);
    assert_eq!(deck_open(&app), Some((1, 1)));

    // Help lists the open deck's keys.
    press(&mut app, &["?"]);
    assert_eq!(at(&app), "help");
    assert!(screen(&app, 80, 24).contains("scroll through the prompts"));
    press(&mut app, &["Esc"]);

    press(&mut app, &["Esc"]);
    assert_eq!(at(&app), "decks");
    assert_eq!(deck_open(&app), None);
    press(&mut app, &["Esc"]);
    assert_eq!(at(&app), "home");
}

#[test]
fn the_offer_to_try_again() {
    // Felt heard 2: it did not land, and nothing is chosen for the speaker.
    snap(
        "try_again",
        &talk_at(
            2,
            &after_check_in(&["Enter", "Enter", "3", "2", "2", "Enter"]),
        ),
        "the offer to try again",
    );
}
