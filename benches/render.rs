//! Drawing every main screen at 200x60 into a `TestBackend`: each should take well under
//! a millisecond, so a key press never waits for the screen.

#[path = "../tests/common/keys.rs"]
mod keys;
#[path = "support/synth.rs"]
mod synth;
#[path = "../tests/common/tui.rs"]
mod tui;

use criterion::{Criterion, criterion_group, criterion_main};
use heard::tui::app::App;
use heard::tui::storage::Storage;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tui::*;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

fn memory_app(journal: heard::journal::Journal) -> App {
    app_with(
        Storage::Memory {
            journal,
            draft: None,
        },
        config(),
    )
}

fn demo_app() -> App {
    memory_app(heard::demo::sample_journal(now()))
}

/// The demo app after `keys`, in a couple talk of `prompts` prompts.
fn talk_at(prompts: usize, keys: &[&str]) -> App {
    let mut app = demo_app();
    start(&mut app, couple("rekindle", prompts));
    press(&mut app, keys);
    app
}

const CHECKED_IN: [&str; 2] = ["3", "2"];

fn with_check_in(more: &[&'static str]) -> Vec<&'static str> {
    CHECKED_IN.iter().chain(more).copied().collect()
}

fn at_closing(more: &[&'static str]) -> App {
    let mut keys = CHECKED_IN.to_vec();
    for _ in 0..2 {
        keys.extend(["Enter", "Enter", "3", "4", "4", "Enter"]);
    }
    keys.extend(more);
    talk_at(1, &keys)
}

/// Every main screen, by name.
fn screens() -> Vec<(&'static str, App)> {
    let mut screens = vec![("home", demo_app())];
    let mut help = demo_app();
    press(&mut help, &["?"]);
    screens.push(("help", help));
    let mut setup = demo_app();
    press(&mut setup, &["t"]);
    screens.push(("setup", setup));
    screens.push(("check_in", talk_at(2, &["3"])));
    screens.push(("speaker", talk_at(2, &with_check_in(&[]))));
    screens.push(("listener", talk_at(2, &with_check_in(&["Enter"]))));
    screens.push((
        "guess",
        talk_at(
            2,
            &with_check_in(&["Enter", "Enter", "Right", "Right", "Right"]),
        ),
    ));
    screens.push((
        "rating",
        talk_at(2, &with_check_in(&["Enter", "Enter", "3", "4"])),
    ));
    screens.push(("break", talk_at(2, &with_check_in(&["b"]))));
    screens.push(("quit_dialog", talk_at(2, &with_check_in(&["q"]))));
    screens.push((
        "closeness",
        at_closing(&["Right", "Right", "Right", "Right"]),
    ));
    screens.push((
        "summary",
        at_closing(&["4", "5", "Enter", "6", "4", "Enter"]),
    ));
    let mut reflection = demo_app();
    start(&mut reflection, solo("before-the-talk", 2));
    press(&mut reflection, &["s", "type:More evenings together"]);
    screens.push(("reflection", reflection));
    let mut history = demo_app();
    press(&mut history, &["h"]);
    screens.push(("history", history));
    let mut long_history = memory_app(synth::journal(10_000, 7));
    press(&mut long_history, &["h"]);
    screens.push(("history_10k_talks", long_history));
    let mut decks = demo_app();
    press(&mut decks, &["d"]);
    screens.push(("decks", decks));
    screens
}

fn render(c: &mut Criterion) {
    let mut group = c.benchmark_group("render_200x60");
    for (name, app) in screens() {
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
        group.bench_function(name, |b| {
            b.iter(|| {
                terminal.draw(|frame| app.draw(frame)).unwrap();
            })
        });
    }
    group.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
