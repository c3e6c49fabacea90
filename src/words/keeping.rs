//! What heard says about keeping a talk: saving it, leaving it, resuming it, and trouble on the way.

// What the app says about keeping talks.
pub const ANOTHER_HEARD: &str =
    "Another heard is in a talk right now. You can look back, and start a talk when it is done.";
pub const DRAFT_LEFT_AS_IT_IS: &str =
    "It is left as it is; `heard journal repair` does not touch it.";
pub const TALK_KEPT: &str = "Your talk is kept. heard offers to resume it next time.";
pub const FAREWELL_KEPT: &str = "heard: your talk is kept; run heard again to resume it.";
pub const FAREWELL_NOT_SAVED: &str = "heard: nothing from this talk was saved.";
pub const DEMO_FRESH: &str = "The demo starts fresh.";
pub const UNFINISHED_IN_MEMORY: &str = "Saved as unfinished (demo: only until you quit).";
pub const NOT_SAVED_AS_ASKED: &str = "Not saved, as asked.";

pub fn could_not_save(reason: &str) -> String {
    format!(
        "Could not save to the journal: {reason}. Your talk is safe here; press Enter to try again."
    )
}

pub fn saving_trouble(reason: &str) -> String {
    format!(
        "Could not save the talk in progress ({reason}). The talk goes on; heard tries again at the next step."
    )
}

// Leaving a talk, and a talk kept from before.
pub const LEAVE_TITLE: &str = "Leave the talk?";
pub const LEAVE_ASK: &str = "Leave this talk for now? Nothing is lost unless you say so.";
/// With `--no-save`, where nothing is kept to resume.
pub const LEAVE_ASK_NO_SAVE: &str =
    "Nothing from this run is saved, as asked: stopping ends this talk.";
/// On a journal from a newer heard, where nothing is kept to resume either.
pub const LEAVE_ASK_NEWER: &str =
    "Nothing is saved into a newer heard's journal: stopping ends this talk.";
pub const LEAVE_DISCARD_AGAIN: &str =
    "Discard really throws away this talk. Press d again to discard it.";
pub const LEFTOVER_TITLE: &str = "Welcome back";
pub const LEFTOVER_DISCARD_AGAIN: &str =
    "Discard really throws it away. Press d again to discard it.";

/// "There is an unfinished talk from Thu 26 Nov, 20:00 (Ana and Ben, at prompt 1 of 2)."
pub fn unfinished_from(kind: &str, when: &str, who: &str, at: &str) -> String {
    format!("There is an unfinished {kind} from {when} ({who}{at}).")
}

pub fn last_talk_was(since: &str) -> String {
    format!("Your last talk was {since}.")
}

pub fn saved_unfinished_in(path: &str) -> String {
    format!("Saved as unfinished in {path}.")
}

// The reveal of the listener's guess beside the speaker's rating.
pub fn guessed_for_heard(listener: &str, guess: u8, word: &str) -> String {
    format!("{listener} guessed {guess} ({word}) for heard.")
}

pub fn felt(speaker: &str, value: u8, word: &str) -> String {
    format!("{speaker} felt {value} ({word}).")
}

pub fn left_felt_heard_unanswered(speaker: &str) -> String {
    format!("{speaker} left felt heard unanswered.")
}

pub fn saw_it_did_not_land(listener: &str) -> String {
    format!("{listener} saw that it did not land.")
}

pub fn felt_more_heard_than_thought(speaker: &str, listener: &str) -> String {
    format!("{speaker} felt more heard than {listener} thought.")
}

pub fn felt_less_heard_than_thought(speaker: &str, listener: &str) -> String {
    format!("{speaker} felt less heard than {listener} thought. Worth a gentle word?")
}
