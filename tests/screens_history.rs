//! The history screen: the list, one talk's detail, every chart and "In words", at 80x24
//! and 60x18 on the demo's sample journal; the first-run state; and 1,000 talks.

mod common;

use common::tui::*;
use heard::tui::app::{App, Screen};
use heard::tui::storage::Storage;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn demo_app() -> App {
    app_with(
        Storage::Memory {
            journal: heard::demo::sample_journal(now()),
            draft: None,
        },
        config(),
    )
}

fn render(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.draw(frame)).unwrap();
    format!("{}", terminal.backend())
}

fn snap(name: &str, app: &App) {
    insta::assert_snapshot!(format!("{name}_80x24"), render(app, 80, 24));
    insta::assert_snapshot!(format!("{name}_60x18"), render(app, 60, 18));
}

#[test]
fn the_list_of_talks() {
    let mut app = demo_app();
    press(&mut app, &["h"]);
    snap("history_list", &app);
}

#[test]
fn the_detail_of_one_talk() {
    let mut app = demo_app();
    press(&mut app, &["h", "Down", "Enter"]);
    snap("history_detail", &app);
}

#[test]
fn every_chart() {
    let mut app = demo_app();
    press(&mut app, &["h", "Tab"]);
    for name in ["heard", "validated", "mood", "closeness", "per_week", "guesses"] {
        snap(&format!("chart_{name}"), &app);
        press(&mut app, &["Right"]);
    }
}

#[test]
fn in_words() {
    let mut app = demo_app();
    press(&mut app, &["h", "Tab", "Tab"]);
    snap("history_words", &app);
}
