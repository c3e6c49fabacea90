//! Driving the app headless: build it on a temp folder, press keys, read what it saved.

#![allow(dead_code)]

use std::path::Path;

use chrono::{DateTime, FixedOffset};
use heard::config::Config;

pub use super::keys::Key;
use heard::deck::load::Catalog;
use heard::journal::Journal;
use heard::journal::store::Store;
use heard::mode::Mode;
use heard::tui::action::{Action, SetupChoice};
use heard::tui::app::App;
use heard::tui::storage::Storage;
use heard::tui::theme::Theme;

pub fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-26T20:00:00+01:00").unwrap()
}

/// Settings for tests: no timer, so nothing on screen depends on the clock.
pub fn config() -> Config {
    Config {
        timer_seconds: 0,
        ..Config::default()
    }
}

pub fn app_on_disk(dir: &Path, config: Config) -> App {
    let storage = Storage::open_disk(Store::new(dir)).expect("open the journal");
    app_with(storage, config)
}

pub fn app_with(storage: Storage, config: Config) -> App {
    App::new(
        storage,
        config,
        Catalog::load(Path::new("/nonexistent-heard-decks")),
        Theme::new(false),
        false,
        Box::new(now),
        7,
    )
}

pub fn couple(deck: &str, prompts: usize) -> SetupChoice {
    SetupChoice {
        kind: heard::activity::Kind::Prompts,
        mode: Mode::Couple,
        partners: vec!["Ana".into(), "Ben".into()],
        deck_id: deck.into(),
        prompts,
        timer_seconds: None,
        bring: Some(true),
    }
}

/// "Understand each other" for Ana and Ben; Ana brings the topic.
pub fn understand() -> SetupChoice {
    SetupChoice {
        kind: heard::activity::Kind::Understand,
        mode: Mode::Couple,
        partners: vec!["Ana".into(), "Ben".into()],
        deck_id: "understand".into(),
        prompts: 0,
        timer_seconds: None,
        bring: Some(false),
    }
}

/// "After a hard moment" for Ana and Ben; Ana begins each part.
pub fn repair() -> SetupChoice {
    SetupChoice {
        kind: heard::activity::Kind::Repair,
        deck_id: "repair".into(),
        ..understand()
    }
}

/// "Our week" for Ana and Ben; Ana begins each part.
pub fn weekly() -> SetupChoice {
    SetupChoice {
        kind: heard::activity::Kind::Weekly,
        deck_id: "weekly".into(),
        ..understand()
    }
}

pub fn solo(deck: &str, prompts: usize) -> SetupChoice {
    SetupChoice {
        kind: heard::activity::Kind::Reflection,
        mode: Mode::Solo,
        partners: vec!["Ana".into()],
        deck_id: deck.into(),
        prompts,
        timer_seconds: None,
        bring: Some(false),
    }
}

pub fn start(app: &mut App, choice: SetupChoice) {
    app.update(Action::Start(choice));
    assert!(
        matches!(app.screen, heard::tui::app::Screen::Activity(_)),
        "the talk did not start"
    );
}

/// Press keys by name (see `Key::named`), or "type:some text" to type it.
pub fn press(app: &mut App, keys: &[&str]) {
    for key in keys {
        if let Some(text) = key.strip_prefix("type:") {
            press_keys(app, &text.chars().map(Key::Char).collect::<Vec<_>>());
        } else {
            press_keys(app, &[Key::named(key)]);
        }
    }
}

/// Press typed keys, the same ones the end-to-end tests send to the real binary.
pub fn press_keys(app: &mut App, keys: &[Key]) {
    for key in keys {
        app.key(key.event());
    }
}

pub fn journal(dir: &Path) -> Journal {
    Store::new(dir).load().expect("journal reads").journal
}

/// The screen as text, one line per row.
pub fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.draw(frame)).unwrap();
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..height {
        for x in 0..width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// The app on the demo couple's history, kept in memory.
pub fn demo_app() -> App {
    app_with(
        Storage::Memory {
            journal: heard::demo::sample_journal(now()),
            draft: None,
        },
        config(),
    )
}

/// The screen as the test backend prints it (rows in quotes), for snapshots.
pub fn render(app: &App, width: u16, height: u16) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.draw(frame)).unwrap();
    format!("{}", terminal.backend())
}

/// The keys of one speaker's turn: speak, be reflected, the listener guesses (a digit
/// answers and goes on), the speaker rates both scales, sees the guess beside the rating,
/// and goes on.
pub fn turn(guess: &str, heard: &str, validated: &str) -> Vec<String> {
    ["Enter", "Enter", guess, heard, validated, "Enter"]
        .map(String::from)
        .to_vec()
}

/// Owned key names as `press` takes them.
pub fn keys(list: &[String]) -> Vec<&str> {
    list.iter().map(String::as_str).collect()
}

/// Where the app is, in words: the open overlay, else the running activity's step, else
/// the screen. Snapshot tests assert it before they snapshot.
pub fn at(app: &App) -> String {
    use heard::tui::app::{Overlay, Screen};
    match (&app.overlay, &app.screen, &app.activity) {
        (Some(Overlay::Help { .. }), _, _) => "help".into(),
        (Some(Overlay::Quit(_)), _, _) => "the quit dialog".into(),
        (Some(Overlay::Leftover(_)), _, _) => "the leftover dialog".into(),
        (Some(Overlay::Bring(_)), _, _) => "the question about a brought topic".into(),
        (Some(Overlay::Newer(_)), _, _) => "the question about a newer journal".into(),
        (None, Screen::Activity(_), Some(activity)) => activity.step_name().into(),
        (None, Screen::Activity(_), None) => "an activity screen with no activity".into(),
        (None, Screen::Home(_), _) => "home".into(),
        (None, Screen::Setup(_), _) => "setup".into(),
        (None, Screen::Summary(_), _) => "the summary".into(),
        (None, Screen::History(_), _) => "look back".into(),
        (None, Screen::Decks(_), _) => "decks".into(),
    }
}
