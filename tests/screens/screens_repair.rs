//! Every screen of "After a hard moment" at 80x24 and 60x18, each asserting the step it
//! reached before its snapshot.

use crate::common;

use common::tui::*;
use heard::tui::app::App;

fn snap(app: &App, name: &str) {
    insta::assert_snapshot!(format!("repair_{name}_80x24"), render(app, 80, 24));
    insta::assert_snapshot!(format!("repair_{name}_60x18"), render(app, 60, 18));
}

#[test]
fn every_step_of_a_talk_after_a_hard_moment() {
    let mut app = app_with(
        heard::tui::storage::Storage::Memory {
            journal: Default::default(),
            draft: None,
        },
        config(),
    );
    start(&mut app, repair());
    let steps: &[(&[&str], &str, &str)] = &[
        (&[], "the question whether you are calm enough", "calm"),
        (&["y", "n"], "a break", "not_calm_break"),
        (
            &[
                "Enter", "y", "y", "Space", "Right", "Right", "Space", "Down",
            ],
            "the feelings",
            "feelings",
        ),
        (
            &["Enter"],
            "saying back what was shared",
            "say_back_feelings",
        ),
        (
            &["Enter", "Space", "Enter", "Enter"],
            "what it was like",
            "what_it_was_like",
        ),
        (&["Enter"], "the mirror", "mirror"),
        (&["Enter"], "the answer to the mirror", "answer"),
        (&["y"], "the question whether there is more", "more"),
        (&["t"], "the question whether there is more", "time_out"),
        (
            &[
                "Enter", "n", "Enter", "Enter", "Enter", "Enter", "y", "n", "Enter",
            ],
            "what it touched",
            "touched",
        ),
        (&["Esc", "s", "Esc", "s"], "my part", "my_part"),
        (
            &["2", "4", "a", "w", "type:I left early"],
            "my part",
            "my_part_own_words",
        ),
        (
            &["Enter"],
            "saying back what was shared",
            "say_back_my_part",
        ),
        (&["Enter"], "the answer to the apology", "accept"),
        (&["y", "s"], "next time", "next_time"),
        (
            &["type:Say when I need to go", "Enter", "type:Check in"],
            "next time",
            "next_time_ask",
        ),
        (
            &["Enter", "Enter", "Enter", "Enter", "Enter"],
            "the summary",
            "summary",
        ),
    ];
    for (keys, step, name) in steps {
        press(&mut app, keys);
        assert_eq!(at(&app), *step, "{name}\n{}", screen(&app, 80, 24));
        snap(&app, name);
    }
}
