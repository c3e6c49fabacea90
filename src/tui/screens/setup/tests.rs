use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::deck::load::Catalog;

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn type_text(setup: &mut Setup, text: &str) {
    for c in text.chars() {
        assert_eq!(setup.handle_key(press(KeyCode::Char(c))), None);
    }
}

fn built_ins() -> Catalog {
    Catalog::load(Path::new("/nonexistent/heard-test-decks"))
}

fn couple(config: &Config, remembered: &[&str], waiting: &[(&str, &str)]) -> Setup {
    let remembered: Vec<String> = remembered.iter().map(|s| s.to_string()).collect();
    let waiting = (waiting.iter())
        .map(|(name, topic)| (name.to_string(), topic.to_string()))
        .collect();
    Setup::new(
        Mode::Couple,
        &built_ins(),
        config,
        &remembered,
        waiting,
        Theme::new(false),
        false,
    )
}

fn solo(config: &Config, remembered: &[&str]) -> Setup {
    let remembered: Vec<String> = remembered.iter().map(|s| s.to_string()).collect();
    Setup::new(
        Mode::Solo,
        &built_ins(),
        config,
        &remembered,
        vec![("Ana".to_string(), "weekends".to_string())],
        Theme::new(false),
        false,
    )
}

fn start(setup: &mut Setup) -> SetupChoice {
    match setup.handle_key(press(KeyCode::Enter)) {
        Some(Action::Start(choice)) => choice,
        other => panic!("expected a start, got {other:?}"),
    }
}

#[test]
fn defaults_come_from_the_config() {
    let config = Config {
        default_deck: "state-of-us".into(),
        prompts_per_talk: 9,
        timer_seconds: 300,
        ..Config::default()
    };
    let mut setup = couple(&config, &["Ana", "Ben"], &[]);
    assert_eq!(
        setup.focus(),
        Field::Deck,
        "names known: the deck comes first"
    );
    let choice = start(&mut setup);
    assert_eq!(choice.partners, ["Ana", "Ben"]);
    assert_eq!(choice.deck_id, "state-of-us");
    assert_eq!(choice.prompts, 9);
    assert_eq!(choice.timer_seconds, Some(300));
    assert_eq!(choice.bring, Some(false));
}

#[test]
fn a_timer_of_zero_is_off_and_an_odd_one_is_offered_as_it_is() {
    let off = Config {
        timer_seconds: 0,
        ..Config::default()
    };
    assert_eq!(
        start(&mut couple(&off, &["A", "B"], &[])).timer_seconds,
        None
    );
    let odd = Config {
        timer_seconds: 90,
        ..Config::default()
    };
    let mut setup = couple(&odd, &["A", "B"], &[]);
    assert_eq!(start(&mut setup).timer_seconds, Some(90));
    setup.set_focus(Field::Timer);
    setup.handle_key(press(KeyCode::Right));
    assert_eq!(start(&mut setup).timer_seconds, Some(120));
    setup.handle_key(press(KeyCode::Left));
    setup.handle_key(press(KeyCode::Left));
    assert_eq!(start(&mut setup).timer_seconds, Some(60));
}

#[test]
fn timer_cycles_through_every_choice_and_wraps() {
    let mut setup = couple(&Config::default(), &["A", "B"], &[]);
    setup.set_focus(Field::Timer);
    let mut seen = Vec::new();
    for _ in 0..6 {
        setup.handle_key(press(KeyCode::Right));
        seen.push(start(&mut setup).timer_seconds);
    }
    assert_eq!(
        seen,
        [Some(300), Some(600), None, Some(60), Some(120), Some(180)]
    );
}

#[test]
fn an_unknown_default_deck_falls_back_to_the_first_that_fits() {
    let config = Config {
        default_deck: "no-such-deck".into(),
        ..Config::default()
    };
    assert_eq!(
        start(&mut couple(&config, &["A", "B"], &[])).deck_id,
        "rekindle"
    );
    // before-the-talk is solo only, so a couple talk does not get it.
    let config = Config {
        default_deck: "before-the-talk".into(),
        ..Config::default()
    };
    assert_eq!(
        start(&mut couple(&config, &["A", "B"], &[])).deck_id,
        "rekindle"
    );
}

#[test]
fn typed_names_are_trimmed() {
    let mut setup = couple(&Config::default(), &[], &[]);
    assert_eq!(setup.focus(), Field::Name(0));
    type_text(&mut setup, "  Ana ");
    setup.handle_key(press(KeyCode::Tab));
    type_text(&mut setup, "Ben");
    setup.handle_key(press(KeyCode::Backspace));
    type_text(&mut setup, "a");
    assert_eq!(setup.names(), ["Ana", "Bea"]);
    setup.set_focus(Field::Begin);
    assert_eq!(start(&mut setup).partners, ["Ana", "Bea"]);
}

#[test]
fn names_stop_at_forty_characters_and_keep_one_line() {
    let mut setup = couple(&Config::default(), &[], &[]);
    type_text(&mut setup, &"x".repeat(45));
    assert_eq!(setup.names()[0].chars().count(), MAX_NAME_CHARS);
    let ctrl_m = KeyEvent::new(KeyCode::Char('m'), KeyModifiers::CONTROL);
    setup.handle_key(ctrl_m);
    assert_eq!(setup.names[0].lines().len(), 1);
    let long: String = "é".repeat(60);
    let remembered = couple(&Config::default(), &[&long, "B"], &[]);
    assert_eq!(remembered.names()[0].chars().count(), MAX_NAME_CHARS);
}

#[test]
fn enter_in_a_name_moves_on_instead_of_starting() {
    let mut setup = couple(&Config::default(), &[], &[]);
    type_text(&mut setup, "Ana");
    assert_eq!(setup.handle_key(press(KeyCode::Enter)), None);
    assert_eq!(setup.focus(), Field::Name(1));
    assert_eq!(setup.names(), ["Ana", ""]);
}

#[test]
fn tab_visits_every_field_in_order_and_shift_tab_goes_back() {
    let mut setup = couple(&Config::default(), &["Ana", "Ben"], &[("Ana", "weekends")]);
    setup.set_focus(Field::Name(0));
    let order = [
        Field::Name(1),
        Field::Deck,
        Field::Length,
        Field::Prompts,
        Field::Timer,
        Field::Carried,
        Field::Begin,
        Field::Name(0),
    ];
    for field in order {
        setup.handle_key(press(KeyCode::Tab));
        assert_eq!(setup.focus(), field);
    }
    setup.handle_key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    assert_eq!(setup.focus(), Field::Begin);
    setup.handle_key(press(KeyCode::Up));
    assert_eq!(setup.focus(), Field::Carried);
    setup.handle_key(press(KeyCode::Down));
    assert_eq!(setup.focus(), Field::Begin);
}

#[test]
fn solo_has_one_name_no_timer_and_no_carried_offer() {
    let mut setup = solo(&Config::default(), &[]);
    let mut seen = vec![setup.focus()];
    for _ in 0..5 {
        setup.handle_key(press(KeyCode::Tab));
        seen.push(setup.focus());
    }
    assert_eq!(
        seen,
        [
            Field::Name(0),
            Field::Deck,
            Field::Length,
            Field::Prompts,
            Field::Begin,
            Field::Name(0)
        ]
    );
    type_text(&mut setup, "Ana");
    setup.set_focus(Field::Begin);
    let choice = start(&mut setup);
    assert_eq!(choice.mode, Mode::Solo);
    assert_eq!(choice.partners, ["Ana"]);
    assert_eq!(choice.timer_seconds, None);
    assert_eq!(choice.bring, Some(false));
}

#[test]
fn solo_decks_are_only_those_made_for_solo() {
    let catalog = built_ins();
    let mut setup = solo(&Config::default(), &["Ana"]);
    let mut ids = Vec::new();
    for _ in 0..catalog.decks.len() {
        ids.push(start(&mut setup).deck_id);
        setup.handle_key(press(KeyCode::Right));
    }
    ids.sort();
    ids.dedup();
    let mut expected: Vec<String> = catalog
        .decks
        .iter()
        .filter(|d| d.supports(Mode::Solo))
        .map(|d| d.id.clone())
        .collect();
    expected.sort();
    assert_eq!(ids, expected);
    assert!(
        ids.len() < catalog.decks.len(),
        "some decks are couple-only"
    );
}

#[test]
fn deck_arrows_wrap_around_the_list() {
    let mut setup = couple(&Config::default(), &["A", "B"], &[]);
    let first = start(&mut setup).deck_id;
    setup.handle_key(press(KeyCode::Left));
    let last = start(&mut setup).deck_id;
    assert_ne!(first, last);
    setup.handle_key(press(KeyCode::Right));
    assert_eq!(start(&mut setup).deck_id, first);
}

#[test]
fn prompts_stay_between_one_and_a_hundred() {
    let config = Config {
        prompts_per_talk: 2,
        ..Config::default()
    };
    let mut setup = couple(&config, &["A", "B"], &[]);
    setup.set_focus(Field::Prompts);
    for _ in 0..5 {
        setup.handle_key(press(KeyCode::Left));
    }
    assert_eq!(start(&mut setup).prompts, 1);
    for _ in 0..150 {
        setup.handle_key(press(KeyCode::Right));
    }
    assert_eq!(start(&mut setup).prompts, 100);
    setup.handle_key(press(KeyCode::Left));
    assert_eq!(start(&mut setup).prompts, 99);
}

#[test]
fn a_brought_topic_is_offered_on_by_default_and_space_toggles() {
    let mut setup = couple(&Config::default(), &["ana ", "Ben"], &[("Ana", "weekends")]);
    assert_eq!(start(&mut setup).bring, Some(true));
    setup.set_focus(Field::Carried);
    setup.handle_key(press(KeyCode::Char(' ')));
    assert_eq!(start(&mut setup).bring, Some(false));
    setup.handle_key(press(KeyCode::Char(' ')));
    assert_eq!(start(&mut setup).bring, Some(true));
}

#[test]
fn a_topic_is_offered_only_to_a_couple_with_its_writer() {
    let mut setup = couple(&Config::default(), &["Cal", "Dee"], &[("Ana", "weekends")]);
    assert!(!setup.fields().contains(&Field::Carried));
    assert_eq!(start(&mut setup).bring, Some(false));
}

#[test]
fn an_empty_name_blocks_begin_and_asks_gently() {
    let mut setup = couple(&Config::default(), &["Ana"], &[]);
    assert_eq!(setup.focus(), Field::Name(1));
    setup.set_focus(Field::Begin);
    assert_eq!(setup.handle_key(press(KeyCode::Enter)), None);
    assert_eq!(setup.focus(), Field::Name(1));
    assert_eq!(setup.missing_names(), Some(words::SETUP_MISSING_NAMES));
    // Spaces are not a name.
    type_text(&mut setup, "   ");
    setup.set_focus(Field::Begin);
    assert_eq!(setup.handle_key(press(KeyCode::Enter)), None);
    assert_eq!(setup.missing_names(), Some(words::SETUP_MISSING_NAMES));
    type_text(&mut setup, "Ben");
    assert_eq!(setup.missing_names(), None);
}

#[test]
fn enter_on_begin_gives_the_exact_choice() {
    let mut setup = couple(
        &Config::default(),
        &[" Ana", "Ben "],
        &[("Ana", "weekends")],
    );
    setup.set_focus(Field::Deck);
    setup.handle_key(press(KeyCode::Right));
    setup.handle_key(press(KeyCode::Down));
    setup.handle_key(press(KeyCode::Down));
    setup.handle_key(press(KeyCode::Right));
    setup.handle_key(press(KeyCode::Down));
    setup.handle_key(press(KeyCode::Left));
    setup.handle_key(press(KeyCode::Down));
    setup.handle_key(press(KeyCode::Char(' ')));
    setup.handle_key(press(KeyCode::Down));
    assert_eq!(setup.focus(), Field::Begin);
    let second_couple_deck = built_ins()
        .decks
        .iter()
        .filter(|d| d.supports(Mode::Couple))
        .nth(1)
        .map(|d| d.id.clone())
        .unwrap();
    assert_eq!(
        setup.handle_key(press(KeyCode::Enter)),
        Some(Action::Start(SetupChoice {
            kind: crate::activity::Kind::Prompts,
            mode: Mode::Couple,
            partners: vec!["Ana".into(), "Ben".into()],
            deck_id: second_couple_deck,
            // The daily check-in suggests 3 prompts and 90 seconds; one more prompt, and
            // the speaking time one step shorter.
            prompts: 4,
            timer_seconds: Some(60),
            bring: Some(false),
        }))
    );
}

#[test]
fn esc_goes_back_from_anywhere() {
    let mut setup = couple(&Config::default(), &[], &[]);
    assert_eq!(setup.handle_key(press(KeyCode::Esc)), Some(Action::Back));
    setup.set_focus(Field::Prompts);
    assert_eq!(setup.handle_key(press(KeyCode::Esc)), Some(Action::Back));
}

#[test]
fn question_mark_is_help_outside_a_name_and_a_character_inside() {
    let mut setup = couple(&Config::default(), &[], &[]);
    assert_eq!(setup.handle_key(press(KeyCode::Char('?'))), None);
    assert_eq!(setup.names()[0], "?");
    setup.set_focus(Field::Deck);
    assert_eq!(
        setup.handle_key(press(KeyCode::Char('?'))),
        Some(Action::ShowHelp)
    );
}

#[test]
fn setup_words_are_plain_text() {
    let texts = [
        words::SETUP_INTRO_COUPLE,
        words::SETUP_INTRO_SOLO,
        words::SETUP_NO_DECK,
        words::SETUP_MISSING_NAMES,
        words::SETUP_MISSING_NAME,
        words::SETUP_TIMER_NOTE,
    ];
    for text in texts {
        assert!(!text.chars().any(crate::text::is_unsafe_char), "{text:?}");
        assert_eq!(text, text.trim());
    }
    assert_eq!(
        words::depth_mix(12, [5, 4, 3]),
        "12 prompts: 5 light, 4 personal, 3 deep"
    );
    assert_eq!(words::depth_mix(1, [0, 0, 1]), "1 prompt: 1 deep");
    assert_eq!(words::speaking_time(60), "1 minute");
    assert_eq!(words::speaking_time(90), "1 minute 30 seconds");
    assert_eq!(words::speaking_time(45), "45 seconds");
    assert_eq!(
        words::deck_suits_brought("Gentle repair"),
        "For a topic like this, the Gentle repair deck may fit."
    );
}

/// The screen as text, rows joined by newlines.
fn shown(setup: &Setup, width: u16, height: u16) -> String {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::Widget;
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    setup.render(area, &mut buf);
    (0..height)
        .map(|y| (0..width).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn setup_opens_on_the_length_its_values_make() {
    let setup = couple(&Config::default(), &["Ana", "Ben"], &[]);
    assert_eq!(setup.length(), Some(Length::Usual));
    assert!(shown(&setup, 80, 24).contains("Length        ‹ Usual ›  about an hour in all"));
    // A deck that suggests its own length is usual at that length.
    let daily = Config {
        default_deck: "daily-check-in".into(),
        ..Config::default()
    };
    let mut setup = couple(&daily, &["Ana", "Ben"], &[]);
    assert_eq!(setup.length(), Some(Length::Usual));
    let choice = start(&mut setup);
    assert_eq!((choice.prompts, choice.timer_seconds), (3, Some(90)));
}

#[test]
fn quick_is_two_prompts_of_a_minute_and_about_sixteen_minutes() {
    let mut setup = couple(&Config::default(), &["Ana", "Ben"], &[]);
    setup.handle_key(press(KeyCode::Down));
    assert_eq!(setup.focus(), Field::Length);
    setup.handle_key(press(KeyCode::Left));
    assert_eq!(setup.length(), Some(Length::Quick));
    let screen = shown(&setup, 80, 24);
    assert!(
        screen.contains("‹ Quick ›  about 16 minutes in all"),
        "{screen}"
    );
    assert!(screen.contains("Prompts       ‹ 2 ›"), "{screen}");
    assert!(screen.contains("‹ 1 minute ›"), "{screen}");
    let choice = start(&mut setup);
    assert_eq!((choice.prompts, choice.timer_seconds), (2, Some(60)));
}

#[test]
fn long_is_two_prompts_more_and_wraps_back_to_quick() {
    let mut setup = couple(&Config::default(), &["Ana", "Ben"], &[]);
    setup.set_focus(Field::Length);
    setup.handle_key(press(KeyCode::Right));
    assert_eq!(setup.length(), Some(Length::Long));
    assert!(shown(&setup, 80, 24).contains("‹ Long ›  about 1.5 hours in all"));
    let choice = start(&mut setup);
    assert_eq!((choice.prompts, choice.timer_seconds), (8, Some(180)));
    setup.handle_key(press(KeyCode::Right));
    assert_eq!(setup.length(), Some(Length::Quick));
}

#[test]
fn a_choice_made_by_hand_is_your_own_and_stays_to_come_back_to() {
    let mut setup = couple(&Config::default(), &["Ana", "Ben"], &[]);
    setup.set_focus(Field::Timer);
    setup.handle_key(press(KeyCode::Left));
    assert_eq!(setup.length(), None);
    let screen = shown(&setup, 80, 24);
    assert!(
        screen.contains("‹ Your own ›  about 52 minutes in all"),
        "{screen}"
    );
    // Quick, Usual, Long, then the hand-made choices again.
    setup.set_focus(Field::Length);
    let mut seen = Vec::new();
    for _ in 0..4 {
        setup.handle_key(press(KeyCode::Right));
        seen.push(setup.length());
    }
    assert_eq!(
        seen,
        [
            Some(Length::Quick),
            Some(Length::Usual),
            Some(Length::Long),
            None
        ]
    );
    let choice = start(&mut setup);
    assert_eq!((choice.prompts, choice.timer_seconds), (6, Some(120)));
    // Back by hand to the usual values: the row says so.
    setup.set_focus(Field::Timer);
    setup.handle_key(press(KeyCode::Right));
    assert_eq!(setup.length(), Some(Length::Usual));
}

#[test]
fn another_deck_keeps_the_length_picked_but_not_over_choices_made_by_hand() {
    let mut setup = couple(&Config::default(), &["Ana", "Ben"], &[]);
    setup.set_focus(Field::Deck);
    // The daily check-in, second of the couple decks, suggests 3 prompts of 90 seconds.
    setup.handle_key(press(KeyCode::Right));
    assert_eq!(start(&mut setup).prompts, 3);
    setup.handle_key(press(KeyCode::Left));
    let choice = start(&mut setup);
    assert_eq!((choice.prompts, choice.timer_seconds), (6, Some(180)));
    setup.set_focus(Field::Prompts);
    setup.handle_key(press(KeyCode::Right));
    setup.set_focus(Field::Deck);
    setup.handle_key(press(KeyCode::Right));
    assert_eq!(setup.length(), None);
    assert_eq!(start(&mut setup).prompts, 7);
}

#[test]
fn alone_the_lengths_count_prompts_only() {
    let mut setup = solo(&Config::default(), &["Ana"]);
    setup.set_focus(Field::Length);
    setup.handle_key(press(KeyCode::Left));
    assert_eq!(setup.length(), Some(Length::Quick));
    assert!(shown(&setup, 80, 24).contains("‹ Quick ›  about 10 minutes in all"));
    assert_eq!(start(&mut setup).prompts, 2);
}

#[test]
fn a_deck_nearly_used_up_for_this_couple_says_so_and_names_another() {
    let config = Config {
        default_deck: "rekindle".into(),
        ..Config::default()
    };
    let deck = built_ins().get("rekindle").unwrap().clone();
    // Ana and Ben had all but 3 of its prompts lately; Cal and Dee none.
    let had: Vec<String> = deck.prompts.iter().skip(3).map(|p| p.id.clone()).collect();
    let key = CoupleKey::of_names("Ben", "ana").unwrap();
    let setup = couple(&config, &["Ana", "Ben"], &[]).with_recent(vec![(key, had)]);
    let text = shown(&setup, 80, 30);
    assert!(text.contains("3 prompts you have not had yet."), "{text}");
    assert!(
        text.contains("Getting real has 30 new"),
        "another deck is named: {text}"
    );
    // Another couple at this laptop has had none of them: nothing to say.
    let other = couple(&config, &["Cal", "Dee"], &[]).with_recent(setup.recent.clone());
    assert!(!shown(&other, 80, 30).contains("not had yet"));
    // Enough left for two talks: nothing to say either.
    let few: Vec<String> = deck.prompts.iter().take(3).map(|p| p.id.clone()).collect();
    let key = CoupleKey::of_names("Ana", "Ben").unwrap();
    let fresh = couple(&config, &["Ana", "Ben"], &[]).with_recent(vec![(key, few)]);
    assert!(!shown(&fresh, 80, 30).contains("not had yet"));
}
