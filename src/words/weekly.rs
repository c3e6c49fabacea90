//! The words of "Our week" (SPEC section 7): thanks first, what went well, maybe one thing
//! to talk through, and what would help this week. Plain and warm; the meeting it is
//! modelled on is credited in the docs, never named on screen.

use crate::weekly::MAX_APPRECIATIONS;

pub const WEEKLY_TITLE: &str = "Our week";

// The frame's corner: where the week is.
pub const WEEKLY_AT_APPRECIATIONS: &str = "appreciations";
pub const WEEKLY_AT_WENT_WELL: &str = "what went well";
pub const WEEKLY_AT_ISSUE: &str = "one thing";
pub const WEEKLY_AT_THIS_WEEK: &str = "this week";
pub const WEEKLY_AT_BREAK: &str = "break";

// The appreciations, one key each.
pub const WEEKLY_OPENING: &str = "Thanks first, before anything else.";
pub fn appreciate_ask(name: &str, other: &str) -> String {
    format!("{name}, something you appreciated about {other} this week")
}
pub fn appreciate_note(other: &str) -> String {
    format!("Say it to {other} out loud, then press Enter: one key for each.")
}
pub const APPRECIATE_WRITE_NOTE: &str = "To write it down too, press w.";
/// The one-line field of every step of the week.
pub const WEEKLY_FIELD_PLACEHOLDER: &str = "Type it too, if you want it written down";

/// "None yet, up to 5", "2 of up to 5".
pub fn appreciations_count(given: usize) -> String {
    match given {
        0 => format!("None yet, up to {MAX_APPRECIATIONS}."),
        n => format!("{n} of up to {MAX_APPRECIATIONS}."),
    }
}
pub const APPRECIATE_DONE_NOTE: &str = "Press d when you are done.";
pub const APPRECIATIONS_FULL: &str = "That makes five, as many as a week holds. Press d to go on.";

// What went well.
pub fn went_well_ask(name: &str) -> String {
    format!("{name}, what went well for us this week?")
}
pub const WENT_WELL_NOTE: &str = "Something small counts too. Say it out loud, then press Enter.";

// One thing to talk through, or not.
pub const ISSUE_ASK: &str = "Is there one thing you would like to talk through tonight?";
pub const ISSUE_NOTE: &str = "It runs the same steps as \"Understand each other\": one of you \
says how it is for them, the other says back what they heard.";
pub fn issue_brings(name: &str) -> String {
    format!("{name} brings something")
}
pub const ISSUE_NOT_THIS_WEEK: &str = "Not this week";
pub const ISSUE_NONE_NOTE: &str = "Not this week is fine too: you go on to the last question.";
pub const ISSUE_CHOOSE_FIRST: &str = "Press 1, 2 or n first, or mark one with the arrows.";

// The close: what would help this week.
pub fn this_week_asks(other: &str) -> String {
    format!("{other} asks: What can I do to make you feel loved this week?")
}
pub fn this_week_answer(name: &str) -> String {
    format!("{name}, your answer")
}
pub const THIS_WEEK_NOTE: &str = "Small and doable is best. Say it out loud, then press Enter.";

#[cfg(test)]
mod tests {
    use super::*;

    /// A notice is one line of the calm column: 56 columns at 60x18.
    #[test]
    fn the_week_s_notices_fit_the_smallest_window() {
        for notice in [ISSUE_CHOOSE_FIRST, crate::words::NOTES_OFF] {
            assert!(notice.chars().count() <= 56, "{notice:?} is cut at 60x18");
        }
    }

    #[test]
    fn the_count_says_how_many_of_how_many() {
        assert_eq!(appreciations_count(0), "None yet, up to 5.");
        assert_eq!(appreciations_count(2), "2 of up to 5.");
        assert!(APPRECIATIONS_FULL.contains("five"));
    }

    #[test]
    fn the_method_is_never_named_on_screen() {
        for text in [
            ISSUE_ASK.to_string(),
            ISSUE_NOTE.to_string(),
            WEEKLY_OPENING.to_string(),
            appreciate_note("Ben"),
            this_week_asks("Ben"),
        ] {
            for name in ["Gottman", "State of the Union", "Imago"] {
                assert!(!text.contains(name), "{text}");
            }
        }
    }
}
