//! Snapshots of the setup screen at the smallest and the usual window size, in monochrome.

use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use heard::config::Config;
use heard::deck::load::Catalog;
use heard::deck::{Deck, Prompt, Source};
use heard::mode::Mode;
use heard::tui::action::Action;
use heard::tui::screens::setup::{Field, Setup};
use heard::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

fn built_ins() -> Catalog {
    Catalog::load(Path::new("/nonexistent/heard-snapshot-decks"))
}

/// Setup with `names` typed; with `brought`, Ana has a topic waiting from a reflection.
fn setup(mode: Mode, names: &[&str], brought: usize) -> Setup {
    let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    let waiting = (0..brought.min(1))
        .map(|_| ("Ana".to_string(), "Sundays with my family".to_string()))
        .collect();
    Setup::new(
        mode,
        &built_ins(),
        &Config::default(),
        &names,
        waiting,
        Theme::new(false),
        false,
    )
}

fn press(setup: &mut Setup, code: KeyCode) -> Option<Action> {
    setup.handle_key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn draw(setup: &Setup, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| frame.render_widget(setup, frame.area()))
        .unwrap();
    terminal
}

fn screen_text(buffer: &Buffer) -> String {
    let width = usize::from(buffer.area.width);
    buffer
        .content
        .chunks(width)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every row of the frame still has its left and right border where it should.
fn assert_borders_whole(buffer: &Buffer) {
    let area = buffer.area;
    for y in 1..area.height - 2 {
        let left = buffer[(0, y)].symbol();
        let right = buffer[(area.width - 1, y)].symbol();
        assert_eq!(
            (left, right),
            ("│", "│"),
            "row {y}:\n{}",
            screen_text(buffer)
        );
    }
}

#[test]
fn couple_setup_120x40() {
    let setup = setup(Mode::Couple, &["Ana", "Ben"], 2);
    assert_eq!(
        setup.focus(),
        Field::Deck,
        "names remembered: setup opens on the deck"
    );
    let terminal = draw(&setup, 120, 40);
    assert_borders_whole(terminal.backend().buffer());
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn couple_setup_80x24() {
    let setup = setup(Mode::Couple, &["Ana", "Ben"], 2);
    let terminal = draw(&setup, 80, 24);
    assert_borders_whole(terminal.backend().buffer());
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn couple_setup_60x18() {
    let setup = setup(Mode::Couple, &["Ana", "Ben"], 2);
    let terminal = draw(&setup, 60, 18);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.contains("Begin the talk"), "{text}");
    assert!(text.contains("Ana's \"Sundays with my family\""), "{text}");
    assert!(
        text.contains("Gentle"),
        "a deck that suits a brought topic is suggested: {text}"
    );
    assert_borders_whole(terminal.backend().buffer());
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn couple_setup_asking_for_a_name_60x18() {
    let mut setup = setup(Mode::Couple, &[], 0);
    for c in "Ana".chars() {
        press(&mut setup, KeyCode::Char(c));
    }
    press(&mut setup, KeyCode::BackTab);
    assert_eq!(setup.focus(), Field::Begin);
    assert_eq!(press(&mut setup, KeyCode::Enter), None);
    let terminal = draw(&setup, 60, 18);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.contains("Please type both names."), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn solo_setup_80x24() {
    let setup = setup(Mode::Solo, &["Ana"], 2);
    let terminal = draw(&setup, 80, 24);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.contains("reflect alone"), "{text}");
    assert!(!text.contains("Speaking time"), "{text}");
    assert!(!text.contains("Start with"), "{text}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn solo_setup_60x18() {
    let setup = setup(Mode::Solo, &[], 0);
    let terminal = draw(&setup, 60, 18);
    assert_borders_whole(terminal.backend().buffer());
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn long_names_with_emoji_and_cjk_stay_inside_the_frame() {
    let long = "Maximiliane Alexandra 🌻🌻 von Hohenberg-Wald";
    let mut setup = setup(Mode::Couple, &[long, "李小龍と😀"], 0);
    press(&mut setup, KeyCode::BackTab);
    assert_eq!(setup.focus(), Field::Name(1));
    for c in "山田花子さん".chars() {
        press(&mut setup, KeyCode::Char(c));
    }
    for (width, height) in [(60, 18), (80, 24)] {
        let terminal = draw(&setup, width, height);
        assert_borders_whole(terminal.backend().buffer());
    }
    let terminal = draw(&setup, 60, 18);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn focus_shows_without_colour() {
    let setup = setup(Mode::Couple, &["Ana", "Ben"], 0);
    assert_eq!(setup.focus(), Field::Deck);
    let terminal = draw(&setup, 80, 24);
    let buffer = terminal.backend().buffer();
    let text = screen_text(buffer);
    let row = text
        .lines()
        .position(|line| line.contains("› Deck"))
        .unwrap_or_else(|| panic!("no marked deck row:\n{text}"));
    let line: Vec<&str> = text.lines().collect();
    let column = line[row].chars().position(|c| c == 'D').unwrap();
    let cell = &buffer[(column as u16, row as u16)];
    assert!(
        cell.modifier.contains(Modifier::REVERSED),
        "focused label is not reversed"
    );
    assert_eq!(cell.fg, ratatui::style::Color::Reset);
}

#[test]
fn demo_setup_says_nothing_is_saved() {
    let setup = Setup::new(
        Mode::Couple,
        &built_ins(),
        &Config::default(),
        &["Ana".to_string(), "Ben".to_string()],
        Vec::new(),
        Theme::new(false),
        true,
    );
    let terminal = draw(&setup, 60, 18);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.contains("nothing is saved"), "{text}");
}

#[test]
fn asking_for_more_prompts_than_the_deck_has_says_so() {
    let mut setup = setup(Mode::Couple, &["Ana", "Ben"], 0);
    press(&mut setup, KeyCode::Down);
    press(&mut setup, KeyCode::Down);
    assert_eq!(setup.focus(), Field::Prompts);
    for _ in 0..40 {
        press(&mut setup, KeyCode::Right);
    }
    let terminal = draw(&setup, 60, 18);
    let text = screen_text(terminal.backend().buffer());
    // Rekindle, the default deck, has 30 prompts.
    assert!(text.contains("‹ 46 ›"), "{text}");
    assert!(
        text.contains("This deck has 30; you will get all 30."),
        "{text}"
    );
    assert!(text.contains("Begin the talk"), "{text}");
}

fn deck(id: &str, title: &str, description: &str, modes: Vec<Mode>) -> Deck {
    Deck {
        id: id.to_string(),
        title: title.to_string(),
        description: Some(description.to_string()),
        language: "en".to_string(),
        modes,
        author: None,
        prompts: vec![Prompt {
            id: "one".to_string(),
            text: "What was good today?".to_string(),
            depth: 2,
            followups: Vec::new(),
            tags: Vec::new(),
        }],
        suggested_prompts: None,
        suggested_seconds: None,
        source: Source::BuiltIn,
    }
}

#[test]
fn deck_text_cannot_reach_the_terminal_as_escapes() {
    let catalog = Catalog {
        decks: vec![deck(
            "odd",
            "Odd\u{1b}[31m title",
            "First line.\n\u{1b}]0;owned\u{7}Second line.",
            vec![Mode::Couple],
        )],
        ..Catalog::default()
    };
    let setup = Setup::new(
        Mode::Couple,
        &catalog,
        &Config::default(),
        &[],
        Vec::new(),
        Theme::new(false),
        false,
    );
    let terminal = draw(&setup, 80, 24);
    let text = screen_text(terminal.backend().buffer());
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text}"
    );
    // Shown as replacement characters, so the odd text is visible rather than hidden.
    assert!(text.contains("Odd\u{FFFD}[31m title"), "{text}");
    assert!(
        text.contains("\u{FFFD}]0;owned\u{FFFD}Second line."),
        "{text}"
    );
    assert!(text.contains("1 prompt: 1 personal"), "{text}");
    assert!(text.contains("First line."), "{text}");
}

#[test]
fn without_a_fitting_deck_setup_says_so_and_does_not_start() {
    let catalog = Catalog {
        decks: vec![deck("pairs", "Pairs", "Only for two.", vec![Mode::Couple])],
        ..Catalog::default()
    };
    let mut setup = Setup::new(
        Mode::Solo,
        &catalog,
        &Config::default(),
        &["Ana".to_string()],
        Vec::new(),
        Theme::new(false),
        false,
    );
    assert_eq!(press(&mut setup, KeyCode::Enter), None);
    let terminal = draw(&setup, 60, 18);
    let text = screen_text(terminal.backend().buffer());
    assert!(text.contains("None of your decks"), "{text}");
    assert!(!text.contains("Pairs"), "{text}");
}

#[test]
fn any_window_size_draws_without_panicking() {
    // The busiest screen: a missing name asked for, and the carried prompts offered.
    let mut couple = setup(Mode::Couple, &["Ana"], 1);
    press(&mut couple, KeyCode::Enter);
    assert_eq!(press(&mut couple, KeyCode::Enter), None);
    assert_eq!(couple.focus(), Field::Name(1));
    let solo = setup(Mode::Solo, &[], 0);
    for width in [1, 2, 5, 17, 18, 19, 30, 59, 61, 200] {
        for height in [1, 2, 3, 5, 10, 17, 19, 60] {
            draw(&couple, width, height);
            draw(&solo, width, height);
        }
    }
}

#[test]
fn choosing_a_deck_that_suggests_its_length_starts_setup_from_it() {
    let catalog = built_ins();
    let daily = catalog.get("daily-check-in").unwrap();
    assert_eq!(
        daily.suggested_prompts,
        Some(3),
        "the daily check-in suggests its length"
    );
    let config = heard::config::Config {
        default_deck: "daily-check-in".into(),
        ..heard::config::Config::default()
    };
    let setup = Setup::new(
        Mode::Couple,
        &catalog,
        &config,
        &["Ana".to_string(), "Ben".to_string()],
        Vec::new(),
        heard::tui::theme::Theme::new(false),
        false,
    );
    let text = screen_text(draw(&setup, 80, 24).backend().buffer());
    assert!(text.contains("‹ 3 ›"), "{text}");
    assert!(text.contains("1 minute 30 seconds"), "{text}");
}

#[test]
fn couple_setup_with_the_quick_length() {
    let mut setup = setup(Mode::Couple, &["Ana", "Ben"], 0);
    press(&mut setup, KeyCode::Down);
    assert_eq!(setup.focus(), Field::Length);
    press(&mut setup, KeyCode::Left);
    assert_eq!(setup.length(), Some(heard::activity::Length::Quick));
    for (width, height) in [(80, 24), (60, 18), (120, 40)] {
        let terminal = draw(&setup, width, height);
        let text = screen_text(terminal.backend().buffer());
        assert!(
            text.contains("‹ Quick ›  about 16 minutes in all"),
            "{text}"
        );
        assert!(text.contains("‹ 2 ›"), "{text}");
        assert!(text.contains("‹ 1 minute ›"), "{text}");
        assert_borders_whole(terminal.backend().buffer());
        insta::assert_snapshot!(
            format!("couple_setup_quick_{width}x{height}"),
            terminal.backend()
        );
    }
}
