//! One input model on every scale, as a couple meets it: a digit picks (and on a screen
//! with one question goes on), Enter goes on only when everything on the screen is
//! answered, skipping is always `s`, "go deeper?" has no answer chosen for anyone, `p`
//! goes back within a turn, and the guess shows beside the rating.

use crate::common;

use common::tui::*;
use heard::tui::app::App;

fn rated_turn(app: &App) -> (Option<u8>, Option<u8>) {
    let session = app
        .activity
        .as_ref()
        .expect("the talk goes on")
        .to_session(now(), false);
    let turn = &session.turns[0];
    (turn.felt_heard(), turn.felt_validated())
}

#[test]
fn a_digit_and_enter_on_the_rating_asks_for_felt_validated_instead_of_dropping_it() {
    let mut app = demo_app();
    start(&mut app, couple("rekindle", 1));
    press(&mut app, &["3", "2", "Enter", "Enter", "3"]);
    assert_eq!(at(&app), "the rating");
    press(&mut app, &["4", "Enter"]);
    assert_eq!(at(&app), "the rating", "felt validated is still open");
    assert!(screen(&app, 80, 24).contains("One question is still open"));
    press(&mut app, &["5"]);
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("Ben guessed 3"),
        "the guess shows beside the rating: {text}"
    );
    press(&mut app, &["0", "1"]);
    assert!(
        screen(&app, 80, 24).contains("Ana felt 4"),
        "once shown, the rating stands"
    );
    press(&mut app, &["Enter"]);
    assert_eq!(at(&app), "the speaker card", "straight on to Ben's turn");
    assert_eq!(rated_turn(&app), (Some(4), Some(5)));
}

#[test]
fn skipping_a_rating_is_s_and_enter_on_nothing_skips_nothing() {
    let mut app = demo_app();
    start(&mut app, couple("rekindle", 1));
    press(&mut app, &["Enter"]);
    assert_eq!(at(&app), "the check-in", "Enter on nothing does not skip");
    assert!(screen(&app, 80, 24).contains("Ana, how are you feeling"));
    assert!(screen(&app, 80, 24).contains("or press s to skip"));
    // And the check-in says so too: no word that Enter on nothing skips.
    assert!(!screen(&app, 80, 24).contains("Enter without choosing"));
    press(&mut app, &["s"]);
    assert!(screen(&app, 80, 24).contains("Ben, how are you feeling"));
    press(&mut app, &["Right", "Right", "Enter"]);
    assert_eq!(at(&app), "the speaker card", "arrows then Enter answer too");
    press(&mut app, &["Enter", "Enter", "s", "s", "4", "Enter"]);
    assert_eq!(
        rated_turn(&app),
        (None, Some(4)),
        "felt heard skipped on purpose"
    );
}

#[test]
fn going_deeper_starts_with_no_answer_chosen() {
    let mut app = demo_app();
    start(&mut app, couple("getting-real", 3));
    press(&mut app, &["s", "s"]);
    for _ in 0..4 {
        press(&mut app, &["Enter", "Enter", "s", "s", "s"]);
    }
    assert_eq!(at(&app), "the question about going deeper");
    let text = screen(&app, 80, 24);
    assert!(
        !text.contains("[yes, go deeper]") && !text.contains("[not today]"),
        "{text}"
    );
    press(&mut app, &["Enter"]);
    assert_eq!(
        at(&app),
        "the question about going deeper",
        "Enter on no answer waits"
    );
    press(&mut app, &["Right"]);
    assert!(screen(&app, 80, 24).contains("[yes, go deeper]"));
    press(&mut app, &["Enter"]);
    let text = screen(&app, 80, 24);
    assert!(
        !text.contains("[yes, go deeper]"),
        "the second partner starts unchosen: {text}"
    );
}

#[test]
fn back_from_the_listener_card_shows_the_speaker_card_with_its_note() {
    let mut app = demo_app();
    start(&mut app, couple("rekindle", 1));
    press(
        &mut app,
        &["3", "2", "n", "type:the blue coat", "Esc", "Enter"],
    );
    assert_eq!(at(&app), "the listener card");
    press(&mut app, &["p"]);
    assert_eq!(at(&app), "the speaker card");
    assert!(screen(&app, 80, 24).contains("the blue coat"));
    press(&mut app, &["Enter", "Enter", "3"]);
    press(&mut app, &["p"]);
    assert_eq!(
        at(&app),
        "the rating",
        "not back past the listener's private guess"
    );
}

#[test]
fn one_share_prompt_answered_by_both_takes_twelve_keys() {
    let mut app = demo_app();
    start(&mut app, couple("rekindle", 2));
    press(&mut app, &["3", "2"]);
    let both = [turn("3", "4", "5"), turn("2", "3", "4")].concat();
    assert_eq!(
        both.len(),
        12,
        "was 16: a digit goes on, the guess shows on the rating"
    );
    press(&mut app, &keys(&both));
    let session = app.activity.as_ref().unwrap().to_session(now(), false);
    assert_eq!(session.turns.len(), 2, "both turns recorded");
    assert!(screen(&app, 80, 24).contains("prompt 2 of 2"));
}

#[test]
fn a_matched_guess_of_a_low_rating_is_not_reading_each_other_exactly() {
    let mut app = demo_app();
    start(&mut app, couple("rekindle", 1));
    press(&mut app, &["3", "2", "Enter", "Enter", "2", "2", "3"]);
    let text = screen(&app, 80, 24);
    assert!(text.contains("Ben saw that it did not land"), "{text}");
    assert!(!text.contains(heard::words::GUESSES_EXACTLY), "{text}");
}

#[test]
fn when_it_did_not_land_the_listener_may_try_again_and_both_ratings_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on_disk(dir.path(), config());
    start(&mut app, couple("rekindle", 1));
    press(
        &mut app,
        &["3", "2", "Enter", "Enter", "3", "2", "2", "Enter"],
    );
    assert_eq!(at(&app), "the offer to try again");
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("Ana, would you like Ben to try again?"),
        "{text}"
    );
    assert!(!text.contains("[yes"), "nothing chosen for Ana: {text}");
    press(&mut app, &["y"]);
    assert!(screen(&app, 80, 24).contains("Ana, tell Ben what was missed"));
    press(&mut app, &["Enter", "Enter"]);
    assert_eq!(at(&app), "the rating", "no second guess");
    press(&mut app, &["4", "5", "Enter"]);
    assert!(screen(&app, 80, 24).contains("Ben, share with Ana"));
    let draft = heard::journal::store::Store::new(dir.path())
        .read_draft_record()
        .unwrap()
        .unwrap();
    let (activity, _) = heard::activity::Activity::from_draft(draft).unwrap();
    let session = activity.to_session(now(), false);
    assert_eq!(session.turns[0].felt_heard(), Some(4));
    assert_eq!(
        session.turns[0].extra.get("attempts"),
        Some(&serde_json::json!([
            {"felt_heard": 2, "felt_validated": 2},
            {"felt_heard": 4, "felt_validated": 5}
        ]))
    );
}

#[test]
fn a_speaker_may_ask_for_a_second_round_whatever_the_rating() {
    let mut app = demo_app();
    start(&mut app, couple("rekindle", 1));
    press(&mut app, &["3", "2", "Enter", "Enter", "4", "4", "4"]);
    assert!(
        screen(&app, 80, 24).contains("t try again"),
        "offered beside the rating"
    );
    press(&mut app, &["t", "1"]);
    assert!(screen(&app, 80, 24).contains("Ana, tell Ben what was missed"));
    press(&mut app, &["Enter", "Enter", "5", "5", "Enter"]);
    let session = app.activity.as_ref().unwrap().to_session(now(), false);
    assert_eq!(session.turns[0].felt_heard(), Some(5));
    assert_eq!(
        session.turns[0].extra.get("attempts"),
        Some(&serde_json::json!([
            {"felt_heard": 4, "felt_validated": 4},
            {"felt_heard": 5, "felt_validated": 5}
        ]))
    );
}
