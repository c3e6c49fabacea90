//! The history screen: the list, one talk's detail, every chart and "In words", at 80x24
//! and 60x18 on the demo's sample journal; the first-run state; and 1,000 talks.

use crate::common;

use common::tui::*;
use heard::tui::app::{App, Screen};
use heard::tui::screens::history::View;
use heard::tui::storage::Storage;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Where on Look back the app is: "Talks", "Talks, one talk open", "Charts: Mood", "Words".
fn view_of(app: &App) -> String {
    let Screen::History(history) = &app.screen else {
        return at(app);
    };
    match (history.view, &history.detail) {
        (View::Talks, Some(_)) => "Talks, one talk open".into(),
        _ if history.choosing_couple.is_some() => "Which couple".into(),
        (View::Charts, _) => format!("Charts: {:?}", history.chart),
        (view, _) => format!("{view:?}"),
    }
}

/// Snapshot Look back at the sizes it is designed for, once it shows what the test meant.
fn snap(name: &str, app: &App, view: &str) {
    assert_eq!(
        view_of(app),
        view,
        "the {name} snapshot would show another view"
    );
    insta::assert_snapshot!(format!("{name}_80x24"), render(app, 80, 24));
    insta::assert_snapshot!(format!("{name}_60x18"), render(app, 60, 18));
    insta::assert_snapshot!(format!("{name}_120x40"), render(app, 120, 40));
}

#[test]
fn the_list_of_talks() {
    let mut app = demo_app();
    press(&mut app, &["h"]);
    snap("history_list", &app, "Talks");
}

#[test]
fn the_detail_of_one_talk() {
    let mut app = demo_app();
    press(&mut app, &["h", "Down", "Enter"]);
    snap("history_detail", &app, "Talks, one talk open");
}

#[test]
fn every_chart() {
    let mut app = demo_app();
    press(&mut app, &["h", "Tab"]);
    for (name, kind) in [
        ("heard", "Heard"),
        ("validated", "Validated"),
        ("mood", "Mood"),
        ("closeness", "Closeness"),
        ("per_week", "PerWeek"),
        ("guesses", "Guesses"),
    ] {
        snap(&format!("chart_{name}"), &app, &format!("Charts: {kind}"));
        press(&mut app, &["Right"]);
    }
}

#[test]
fn in_words() {
    let mut app = demo_app();
    press(&mut app, &["h", "Tab", "Tab"]);
    snap("history_words", &app, "Words");
}

#[test]
fn a_first_run_is_friendly_in_every_view() {
    let mut app = app_with(
        Storage::Memory {
            journal: heard::journal::Journal::default(),
            draft: None,
        },
        config(),
    );
    press(&mut app, &["h"]);
    snap("history_empty", &app, "Talks");
    for _ in 0..4 {
        let text = render(&app, 60, 18);
        assert!(text.contains("No talks yet"), "{text}");
        press(&mut app, &["Tab"]);
    }
    // Keys that need a talk do nothing harmful on an empty list.
    press(&mut app, &["Enter", "Down", "Up", "Right"]);
    assert!(matches!(app.screen, Screen::History(_)));
}

#[test]
fn enter_opens_a_talk_esc_goes_back_to_the_list_then_home() {
    let mut app = demo_app();
    press(&mut app, &["h", "Down", "Enter"]);
    let Screen::History(history) = &app.screen else {
        panic!("not on history")
    };
    assert!(history.detail.is_some());
    assert_eq!(history.selected, 1);
    // The second newest talk of the demo: its date is in the heading.
    let second = &history.data.rows[1].date;
    let text = render(&app, 80, 24);
    assert!(text.contains("shared"), "{text}");
    let (day, month) = {
        let mut parts = second.split(' ');
        (
            parts.next().unwrap().to_string(),
            parts.next().unwrap().to_string(),
        )
    };
    assert!(
        text.contains(&format!(" {day} {month} ")),
        "{second} in\n{text}"
    );

    press(&mut app, &["Esc"]);
    let Screen::History(history) = &app.screen else {
        panic!("Esc in the detail left the history")
    };
    assert!(history.detail.is_none());
    press(&mut app, &["Esc"]);
    assert!(matches!(app.screen, Screen::Home(_)));
}

#[test]
fn tab_visits_talks_charts_and_words_and_arrows_change_the_chart() {
    let mut app = demo_app();
    press(&mut app, &["h"]);
    assert!(render(&app, 80, 24).contains("[Talks]"));
    press(&mut app, &["Tab"]);
    let text = render(&app, 80, 24);
    assert!(
        text.contains("[Charts]") && text.contains("Felt heard"),
        "{text}"
    );
    press(&mut app, &["Left"]);
    assert!(
        render(&app, 80, 24).contains("Listening"),
        "left wraps to the last chart"
    );
    press(&mut app, &["Tab"]);
    assert!(render(&app, 80, 24).contains("[In words]"));
    press(&mut app, &["Tab"]);
    assert!(render(&app, 80, 24).contains("[Appreciated]"));
    press(&mut app, &["Tab"]);
    assert!(render(&app, 80, 24).contains("[Talks]"));
}

/// 1,000 talks, two a week for ten years or so, with varied ratings.
fn thousand_talks() -> heard::journal::Journal {
    use common::talks::{Talk, at, journal_of};
    let talks: Vec<Talk> = (0..1000)
        .map(|n| {
            let a = 1 + (n * 7 % 5) as u8;
            let b = 1 + (n * 3 % 5) as u8;
            Talk::on(n as i64 * 3 - 3000)
                .heard(a, b)
                .moods([2, 3], [3 + (n % 2) as u8, 3])
                .guesses(b, a)
        })
        .collect();
    journal_of(at("2026-11-26T20:00:00+01:00"), &talks)
}

#[test]
fn a_thousand_talks_are_read_once_and_every_view_draws() {
    use heard::deck::load::Catalog;
    use heard::tui::screens::history::History;
    use heard::tui::theme::Theme;
    let journal = thousand_talks();
    let catalog = Catalog::load(std::path::Path::new("/nonexistent-heard-decks"));
    let mut history = History::new(&journal, &catalog, Theme::new(false), false, now(), None);
    // The screen keeps what it needs and never looks at the journal again: drop it.
    drop(journal);
    assert_eq!(history.data.rows.len(), 1000);
    assert_eq!(history.data.series.all_talks, 1000);
    // The charts show the latest talks only, so a line stays readable.
    assert_eq!(
        history.data.series.talks,
        heard::tui::screens::history::data::CHART_TALKS
    );
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let key = |code| crossterm::event::KeyEvent::from(code);
    use crossterm::event::KeyCode;
    for _ in 0..3 {
        for _ in 0..6 {
            terminal
                .draw(|f| f.render_widget(&history, f.area()))
                .unwrap();
            history.handle_key(key(KeyCode::Right));
        }
        history.handle_key(key(KeyCode::Tab));
    }
    history.handle_key(key(KeyCode::End));
    history.handle_key(key(KeyCode::Enter));
    terminal
        .draw(|f| f.render_widget(&history, f.area()))
        .unwrap();
    let text = format!("{}", terminal.backend());
    assert!(text.contains("1. Ana shared, Ben listened"), "{text}");
    assert!(text.contains("1000 talks"), "{text}");
}

#[test]
fn reflections_alone_are_listed_and_the_charts_say_why_they_are_empty() {
    let mut journal = heard::demo::sample_journal(now());
    journal.sessions.retain(|s| !s.is_couple());
    let mut app = app_with(
        Storage::Memory {
            journal,
            draft: None,
        },
        config(),
    );
    press(&mut app, &["h"]);
    assert!(render(&app, 60, 18).contains("Sam wrote a reflection"));
    press(&mut app, &["Tab"]);
    assert!(render(&app, 60, 18).contains("Charts show talks for two"));
    press(&mut app, &["Tab"]);
    assert!(render(&app, 60, 18).contains("comes from talks for"));
}

#[test]
fn names_and_prompts_from_the_journal_cannot_reach_the_terminal_raw() {
    let mut journal = heard::demo::sample_journal(now());
    for session in &mut journal.sessions {
        for name in &mut session.partners {
            name.insert_str(1, "\u{1b}[2J");
        }
        for turn in &mut session.turns {
            turn.prompt.push('\u{7}');
        }
    }
    let mut app = app_with(
        Storage::Memory {
            journal,
            draft: None,
        },
        config(),
    );
    press(&mut app, &["h"]);
    let mut screens = vec![render(&app, 80, 24)];
    press(&mut app, &["Enter"]);
    screens.push(render(&app, 80, 24));
    press(&mut app, &["Esc", "Tab"]);
    for _ in 0..6 {
        screens.push(render(&app, 80, 24));
        press(&mut app, &["Right"]);
    }
    press(&mut app, &["Tab"]);
    screens.push(render(&app, 80, 24));
    for screen in screens {
        assert!(
            !screen.contains('\u{1b}') && !screen.contains('\u{7}'),
            "{screen}"
        );
    }
}

/// The demo's journal with words nobody could mistake: every note of a talk for two ends
/// with its speaker's secret, every reflection's note is Sam's secret.
fn journal_with_secrets() -> heard::journal::Journal {
    let mut journal = heard::demo::sample_journal(now());
    for session in &mut journal.sessions {
        let couple = session.is_couple();
        for (n, turn) in session.turns.iter_mut().enumerate() {
            if !couple {
                turn.note = Some(format!("SECRET-REFLECTION-{n}"));
            } else if turn.note.is_some() {
                turn.note = Some(format!("SECRET-NOTE-OF-{}", session.partners[turn.speaker]));
            }
        }
    }
    journal
}

/// Every talk opened in full, one after another, as the lines its detail holds.
fn every_detail(app: &mut App) -> Vec<String> {
    press(app, &["Home", "Enter"]);
    let mut details = Vec::new();
    loop {
        let Screen::History(history) = &app.screen else {
            panic!("not on look back")
        };
        let detail = history.detail.as_ref().expect("a talk is open");
        let text: Vec<&str> = detail.lines.iter().map(|(_, l)| l.as_str()).collect();
        details.push(text.join("\n"));
        let (at, last) = (history.selected, history.data.rows.len() - 1);
        if at == last {
            break;
        }
        press(app, &["Right"]);
    }
    details
}

#[test]
fn the_list_and_every_talk_in_full_keep_private_text_out() {
    let journal = journal_with_secrets();
    let reflection_prompts: Vec<String> = journal
        .sessions
        .iter()
        .filter(|s| !s.is_couple())
        .flat_map(|s| s.turns.iter().map(|t| t.prompt.clone()))
        .collect();
    let mut app = app_with(
        Storage::Memory {
            journal,
            draft: None,
        },
        config(),
    );
    press(&mut app, &["h"]);
    assert_eq!(view_of(&app), "Talks");
    let list = render(&app, 120, 40);
    assert!(!list.contains("SECRET"), "{list}");
    assert!(list.contains("Sam wrote a reflection"), "{list}");

    let details = every_detail(&mut app);
    let all = details.join("\n");
    assert!(!all.contains("SECRET"), "{all}");
    assert!(all.contains("Maya wrote a note") && all.contains("Sam wrote a note"));
    // A reflection alone: that it happened, whose and which deck; not what it asked or said.
    let reflections: Vec<&String> = details
        .iter()
        .filter(|d| d.contains("Sam wrote a reflection"))
        .collect();
    assert_eq!(reflections.len(), 2);
    for reflection in reflections {
        assert!(reflection.contains("Before the talk"), "{reflection}");
        for private in ["clarity", "to bring", "mood"] {
            assert!(!reflection.contains(private), "{private} in {reflection}");
        }
        for prompt in &reflection_prompts {
            assert!(!reflection.contains(prompt.as_str()), "{reflection}");
        }
    }
}

#[test]
fn opened_for_sam_only_sams_private_text_shows() {
    let mut app = app_with(
        Storage::Memory {
            journal: journal_with_secrets(),
            draft: None,
        },
        config(),
    );
    press(&mut app, &["h", "o"]);
    let chooser = render(&app, 80, 24);
    assert!(chooser.contains("Open whose notes"), "{chooser}");
    assert!(
        chooser.contains("Maya, just you for a moment: Sam, please look away."),
        "{chooser}"
    );
    press(&mut app, &["Down"]);
    let chooser = render(&app, 80, 24);
    assert!(
        chooser.contains("Sam, just you for a moment: Maya, please look away."),
        "{chooser}"
    );
    insta::assert_snapshot!("history_notes_chooser_80x24", chooser);
    press(&mut app, &["Enter"]);
    let list = render(&app, 80, 24);
    assert!(list.contains("Open for Sam alone"), "{list}");
    let all = every_detail(&mut app).join("\n");
    assert!(all.contains("SECRET-NOTE-OF-Sam"), "{all}");
    assert!(all.contains("SECRET-REFLECTION-0"), "{all}");
    assert!(all.contains("clarity"), "{all}");
    assert!(!all.contains("SECRET-NOTE-OF-Maya"), "{all}");
    assert!(all.contains("Maya wrote a note"), "{all}");
}

// ---- two couples in one journal ----

fn two_couples_app() -> App {
    app_with(
        Storage::Memory {
            journal: common::talks::two_couples(),
            draft: None,
        },
        config(),
    )
}

#[test]
fn with_two_couples_look_back_asks_whose_talks_newest_first() {
    let mut app = two_couples_app();
    press(&mut app, &["h"]);
    let text = render(&app, 80, 24);
    let jo = text
        .find("1  Jo & Sam · 3 talks, the latest 2 days ago")
        .expect(&text);
    let ana = text.find("2  Ana & Ben · 4 talks, the latest 3 days ago");
    assert!(jo < ana.expect(&text), "{text}");
    // Nothing of either couple's talks shows before the choice.
    assert!(!text.contains("Rekindle"), "{text}");
    snap("couple_chooser", &app, "Which couple");
    // Esc before choosing leaves Look back; nothing was chosen.
    press(&mut app, &["Esc"]);
    assert_eq!(at(&app), "home");
}

#[test]
fn the_list_of_one_couple_of_two_names_them_and_shows_only_theirs() {
    let mut app = two_couples_app();
    press(&mut app, &["h", "2"]);
    let Screen::History(history) = &app.screen else {
        panic!("not on look back")
    };
    assert_eq!(history.couple.as_ref().unwrap().label(), "Ana & Ben");
    // Four talks and Ana's own reflection; nothing of Jo's or Sam's.
    assert_eq!(history.data.rows.len(), 5);
    let text = render(&app, 80, 24);
    assert!(text.contains("Ana & Ben · c other couple"), "{text}");
    assert!(text.contains("Ana wrote a reflection"), "{text}");
    assert!(!text.contains("Sam") && !text.contains("Jo "), "{text}");
    snap("two_couples_list", &app, "Talks");
}

#[test]
fn charts_mark_each_talk_with_each_partners_mark_and_label_dates() {
    let mut app = two_couples_app();
    press(&mut app, &["h", "1", "Tab"]);
    let text = render(&app, 80, 24);
    assert!(text.contains("● Jo  ■ Sam"), "{text}");
    // Three talks, so three points a partner, no line between them.
    assert_eq!(text.matches('●').count(), 1 + 3, "{text}");
    assert_eq!(text.matches('■').count(), 1 + 3, "{text}");
    assert!(
        text.contains("5 Nov 2026") && text.contains("24 Nov 2026"),
        "{text}"
    );
    snap("two_couples_chart_heard", &app, "Charts: Heard");
    press(&mut app, &["Right", "Right"]);
    let text = render(&app, 80, 24);
    assert!(
        text.contains("Jo ○ before ● after   Sam □ before ■ after"),
        "{text}"
    );
    snap("two_couples_chart_mood", &app, "Charts: Mood");
}

#[test]
fn what_you_appreciated_lists_who_whom_when_and_the_words_newest_first() {
    let mut app = two_couples_app();
    press(&mut app, &["h", "2", "4"]);
    let text = render(&app, 80, 24);
    let laugh = text.find("Ana appreciated Ben").expect(&text);
    let stayed = text.find("Ben appreciated Ana").expect(&text);
    assert!(laugh < stayed, "{text}");
    assert!(text.contains("23 Nov 26"), "{text}");
    assert!(text.contains("\u{201c}You made me laugh\u{201d}"), "{text}");
    assert!(!text.contains("JOS-WORDS"), "another couple's: {text}");
    snap("appreciated", &app, "Appreciated");
    // The talk's own detail says it too.
    press(&mut app, &["1", "Enter"]);
    let text = render(&app, 120, 40);
    assert!(
        text.contains("Ana appreciated Ben: \u{201c}You made me laugh\u{201d}"),
        "{text}"
    );
}

#[test]
fn long_names_that_would_read_alike_are_never_cut_into_one() {
    let mut journal = common::talks::two_couples();
    journal.sessions.retain(|s| {
        s.partners
            .iter()
            .any(|n| n.trim().eq_ignore_ascii_case("ana"))
    });
    for session in &mut journal.sessions {
        for name in &mut session.partners {
            *name = if name.trim().eq_ignore_ascii_case("ana") {
                "Alexandra".into()
            } else {
                "Alexander".into()
            };
        }
    }
    let mut app = app_with(
        Storage::Memory {
            journal,
            draft: None,
        },
        config(),
    );
    press(&mut app, &["h"]);
    let text = render(&app, 80, 24);
    assert!(text.contains(" 1st  2nd"), "{text}");
    assert!(
        text.contains("columns: 1st = Alexandra, 2nd = Alexander"),
        "{text}"
    );
    assert!(!text.contains(" Alex  Alex"), "{text}");
}
