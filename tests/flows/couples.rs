//! Two couples in one journal on disk: Look back asks whose talks, remembers the answer
//! beside the journal for the next time, switches with `c`, and never shows one couple's
//! talk, figure, appreciation or name in the other's views.

use crate::common;

use common::tui::*;
use heard::journal::store::Store;
use heard::tui::app::{App, Screen};

fn on_disk_with_two_couples(dir: &std::path::Path) -> App {
    let store = Store::new(dir);
    let lock = store.lock().unwrap();
    store.save(&lock, &common::talks::two_couples()).unwrap();
    drop(lock);
    app_on_disk(dir, config())
}

/// Everything Look back shows in each of its views, and every talk opened in full.
fn everything_shown(app: &mut App) -> String {
    let mut screens = Vec::new();
    for view in ["1", "2", "3", "4"] {
        press(app, &[view]);
        screens.push(screen(app, 120, 40));
        if view == "2" {
            for _ in 0..5 {
                press(app, &["Right"]);
                screens.push(screen(app, 120, 40));
            }
        }
    }
    press(app, &["1", "Home", "Enter"]);
    let Screen::History(history) = &app.screen else {
        panic!("not on look back")
    };
    for _ in 0..history.data.rows.len() {
        screens.push(screen(app, 120, 40));
        press(app, &["Right"]);
    }
    press(app, &["Esc"]);
    screens.join("\n")
}

#[test]
fn look_back_asks_remembers_switches_and_never_mixes_couples() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = on_disk_with_two_couples(dir.path());
    press(&mut app, &["h"]);
    assert!(screen(&app, 80, 24).contains("Whose talks would you like to look back at?"));
    press(&mut app, &["Down", "Enter"]);
    let ana_ben = everything_shown(&mut app);
    assert!(ana_ben.contains("Ana & Ben · c other couple"), "{ana_ben}");
    assert!(ana_ben.contains("Ana appreciated Ben"), "{ana_ben}");
    assert!(ana_ben.contains("Ana wrote a reflection"), "{ana_ben}");
    for theirs in ["Jo", "Sam", "JOS-WORDS", "SECRET"] {
        assert!(
            !ana_ben.contains(theirs),
            "{theirs} in Ana & Ben's look back"
        );
    }
    // " ben" and "ANA" of the second talk are shown as the latest talk writes them.
    assert!(
        !ana_ben.contains("ANA") && !ana_ben.contains(" ben "),
        "{ana_ben}"
    );

    // Leave and come back: the choice is remembered, on disk, and no question is asked.
    press(&mut app, &["Esc"]);
    assert_eq!(at(&app), "home");
    let remembered = std::fs::read_to_string(dir.path().join("look-back.json")).unwrap();
    assert!(
        remembered.contains("\"ana\"") && remembered.contains("\"ben\""),
        "{remembered}"
    );
    let mut again = app_on_disk(dir.path(), config());
    press(&mut again, &["h"]);
    let Screen::History(history) = &again.screen else {
        panic!("not on look back")
    };
    assert!(history.choosing_couple.is_none(), "asked again");
    assert_eq!(history.couple.as_ref().unwrap().label(), "Ana & Ben");

    // `c` switches, and Jo & Sam's look back has nothing of Ana & Ben's.
    press(&mut again, &["c"]);
    assert!(screen(&again, 80, 24).contains("> 2  Ana & Ben"));
    press(&mut again, &["1"]);
    let jo_sam = everything_shown(&mut again);
    assert!(jo_sam.contains("Jo & Sam · c other couple"), "{jo_sam}");
    assert!(jo_sam.contains("Sam appreciated Jo"), "{jo_sam}");
    assert!(jo_sam.contains("Sam wrote a reflection"), "{jo_sam}");
    assert!(
        jo_sam.contains("Jo has felt less heard than Sam"),
        "{jo_sam}"
    );
    for theirs in ["Ana", "Ben", "You made me laugh", "SECRET"] {
        assert!(!jo_sam.contains(theirs), "{theirs} in Jo & Sam's look back");
    }
    let remembered = std::fs::read_to_string(dir.path().join("look-back.json")).unwrap();
    assert!(remembered.contains("\"jo\""), "{remembered}");
}

#[test]
fn one_couple_in_the_journal_is_not_asked_about() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let lock = store.lock().unwrap();
    let mut journal = common::talks::two_couples();
    journal
        .sessions
        .retain(|s| !s.partners.iter().any(|n| n == "Jo"));
    store.save(&lock, &journal).unwrap();
    drop(lock);
    let mut app = app_on_disk(dir.path(), config());
    press(&mut app, &["h"]);
    let text = screen(&app, 80, 24);
    assert!(text.contains("[Talks]"), "{text}");
    assert!(!text.contains("c other couple"), "{text}");
    // Sam's reflection is not Ana's or Ben's: it is not in their look back.
    assert!(!text.contains("Sam"), "{text}");
    assert!(!dir.path().join("look-back.json").exists());
}
