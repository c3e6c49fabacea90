//! At 60x18, the smallest window heard claims, nothing on a talk screen is cut: with the
//! longest names, deck title and prompts a user can have, every listener phrasing is
//! whole (wrapped is fine) and the footer still shows `q` leave and `?` help.

use crate::common;

use common::tui::*;
use heard::deck::Deck;
use heard::journal::Journal;
use heard::mode::Mode;
use heard::tui::action::SetupChoice;
use heard::tui::app::App;
use heard::tui::storage::Storage;
use heard::words::{self, listener_guide};

/// Forty characters each (the most a name may have), with accents and an emoji.
const ANA: &str = "Zoë-Ånne Marie-Louise 🌻 Fitzgerald-Ørst";
const BEN: &str = "Björn-Éric Alexandre 🌊 de la Fontaine-Ås";

/// Rekindle with an 80-character title (the most allowed), prompts of 1,000 characters
/// and long follow-ups.
fn worst_deck() -> Deck {
    let mut deck = heard::deck::load::builtin_decks()[0].clone();
    deck.id = "worst".into();
    deck.title = format!("Evenings {}", "together ".repeat(8))
        .trim()
        .chars()
        .take(80)
        .collect();
    let long: String = "When did you last feel that I really listened to you, ".repeat(19);
    let long: String = long.chars().take(1000).collect();
    for prompt in &mut deck.prompts {
        prompt.text.clone_from(&long);
        prompt.followups = vec![
            "What would you like me to remember about that evening, and why does it still matter to you now?".into(),
            "If you could ask me for one small thing this week, what would it be?".into(),
        ];
    }
    deck
}

fn worst_app(mode: Mode) -> App {
    let mut config = config();
    config.timer_seconds = 600;
    let mut app = app_with(
        Storage::Memory {
            journal: Journal::default(),
            draft: None,
        },
        config,
    );
    app.catalog.decks.insert(0, worst_deck());
    let choice = match mode {
        Mode::Couple => SetupChoice {
            kind: heard::activity::Kind::Prompts,
            mode,
            partners: vec![ANA.into(), BEN.into()],
            deck_id: "worst".into(),
            prompts: 2,
            timer_seconds: Some(600),
            bring: Some(false),
        },
        Mode::Solo => SetupChoice {
            kind: heard::activity::Kind::Reflection,
            mode,
            partners: vec![ANA.into()],
            deck_id: "worst".into(),
            prompts: 2,
            timer_seconds: None,
            bring: Some(false),
        },
    };
    start(&mut app, choice);
    app
}

/// The text inside the frame, each row trimmed and all joined by single spaces, so a
/// sentence wrapped over rows reads whole (a wide character's second cell is a space too).
fn joined(screen: &str) -> String {
    let rows: Vec<&str> = screen.lines().collect();
    let inner: Vec<String> = rows[1..rows.len().saturating_sub(2)]
        .iter()
        .map(|row| {
            row.trim()
                .trim_start_matches('│')
                .trim_end_matches('│')
                .trim()
                .to_string()
        })
        .collect();
    squeeze(&inner.join(" "))
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At 60x18: the app is at `step`, every sentence in `whole` reads whole, and the footer
/// keeps leave and help.
fn check(app: &App, step: &str, whole: &[String]) {
    assert_eq!(at(app), step);
    let screen = screen(app, 60, 18);
    let text = joined(&screen);
    for sentence in whole {
        assert!(
            text.contains(&squeeze(sentence)),
            "{step}: {sentence:?} is cut\n{screen}"
        );
    }
    let footer = screen.lines().nth(17).unwrap_or("");
    assert!(
        footer.contains("q leave") && footer.contains("? help"),
        "{step}: the footer lost leave or help\n{screen}"
    );
    // The deck's long title ends in a sign where the border has no room for it.
    let top = screen.lines().next().unwrap_or("");
    assert!(
        top.contains("Evenings together") && top.contains('…'),
        "{top}"
    );
}

fn s(text: &str) -> String {
    text.to_string()
}

#[test]
fn every_step_of_a_prompt_is_whole_at_60x18_with_the_longest_names_and_prompts() {
    let mut app = worst_app(Mode::Couple);
    check(
        &app,
        "the check-in",
        &[format!("{ANA}, how are you feeling right now?")],
    );
    press(&mut app, &["3", "2"]);
    check(
        &app,
        "the speaker card",
        &[
            words::share_with(ANA, BEN),
            words::just_listen(BEN),
            s(words::CARD_MORE),
        ],
    );
    press(&mut app, &["Enter"]);
    let guide = listener_guide(0);
    let screen_text = joined(&screen(&app, 60, 18));
    check(
        &app,
        "the listener card",
        &[
            words::tell_what_you_heard(BEN, ANA),
            format!("\"{}\"", guide.mirror),
            format!("\"{}\"", guide.validate),
            format!("\"{}\"", guide.empathize),
            words::speaker_can_add(ANA),
        ],
    );
    assert!(
        screen_text.ends_with('…'),
        "the prompt again, with its sign: {screen_text}"
    );
    press(&mut app, &["Enter"]);
    check(
        &app,
        "the listener's guess",
        &[
            words::look_away(ANA),
            words::ask_guess(BEN, ANA),
            s(words::GUESS_HIDDEN_NOTE),
        ],
    );
    press(&mut app, &["3"]);
    check(
        &app,
        "the rating",
        &[
            words::ask_felt_heard(ANA),
            words::may_look_away(BEN, ANA),
            words::ask_felt_validated(BEN),
            s(words::RATE_HONESTLY),
        ],
    );
    press(&mut app, &["4", "4"]);
    check(
        &app,
        "the rating",
        &[
            words::guessed_for_heard(BEN, 3, "somewhat"),
            words::felt(ANA, 4, "mostly"),
            words::felt_more_heard_than_thought(ANA, BEN),
        ],
    );
    // Ben's turn, rated low: the offer to try again, and its second round.
    press(
        &mut app,
        &["Enter", "Enter", "Enter", "3", "2", "2", "Enter"],
    );
    check(
        &app,
        "the offer to try again",
        &[
            words::did_not_land(BEN),
            words::try_again_ask(BEN, ANA),
            words::try_again_how(BEN, ANA),
            words::try_again_yes(ANA),
            s(words::TRY_AGAIN_NO),
        ],
    );
    press(&mut app, &["y"]);
    check(
        &app,
        "the speaker card",
        &[
            words::say_what_was_missed(BEN, ANA),
            words::just_listen(ANA),
        ],
    );
    press(&mut app, &["b"]);
    check(&app, "a break", &[s(words::BREAK_RESUME)]);
}

#[test]
fn the_closing_steps_are_whole_at_60x18_with_the_longest_names() {
    let mut app = worst_app(Mode::Couple);
    press(&mut app, &["3", "2"]);
    for _ in 0..4 {
        press(&mut app, &["s"]);
    }
    check(
        &app,
        "closeness",
        &[words::ask_closeness(ANA, BEN), s(words::CLOSENESS_CAPTION)],
    );
    press(&mut app, &["4"]);
    check(
        &app,
        "the mood after",
        &[format!("{ANA}, how are you feeling now")],
    );
    press(&mut app, &["4"]);
    assert_eq!(at(&app), "the appreciation");
    let screen = screen(&app, 60, 18);
    let text = joined(&screen);
    for sentence in [
        words::one_last_thing(ANA),
        s(words::APPRECIATION_INVITE),
        s(words::APPRECIATION_SAY_AND_WRITE),
    ] {
        assert!(
            text.contains(&squeeze(&sentence)),
            "{sentence:?} is cut\n{screen}"
        );
    }
}
