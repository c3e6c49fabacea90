//! The words of "After a hard moment" (SPEC section 7): the short list of parts one may
//! take in what went wrong, and the answers to an apology. Plain and first person, so
//! each reads as something said, never as a verdict.

/// "My part": phrases to pick from, several at once, beside words of one's own. Each
/// names something one did or brought, never what the other did.
pub const MY_PART: [&str; 8] = [
    "I was already stressed and let it spill over",
    "I was short with you",
    "I did not really listen",
    "I got defensive",
    "I criticised instead of saying what I needed",
    "I raised my voice",
    "I shut down and went quiet",
    "I assumed the worst",
];

/// The other's two answers to an apology; "not yet" is as fine an answer as the first.
pub const I_ACCEPT: &str = "I accept";
pub const NOT_YET_ACCEPT: &str = "Not yet - and that's okay";

pub const REPAIR_TITLE: &str = "After a hard moment";

pub fn ask_calm(name: &str) -> String {
    format!("{name}, are you calm enough to talk about it now?")
}
pub const CALM_NOTE: &str = "Only when you both are. If not, take a break of about 20 minutes \
first, each doing something calming; the talk waits here.";
pub const CALM_YES: &str = "Calm enough";
pub const CALM_NOT_YET: &str = "Not yet";

pub fn ask_feelings(name: &str) -> String {
    format!("{name}, how did you feel, back then?")
}
pub const FEELINGS_PICK_NOTE: &str = "Pick every word that fits with Space, then Enter.";
pub const FEELINGS_PICK_FIRST: &str = "Pick at least one word with Space, or s to pass.";

/// The listener's part after each stage: say back, and what makes sense.
pub fn say_back_part(listener: &str, sharer: &str) -> String {
    format!("{listener}, say back what {sharer} shared, and what makes sense about it")
}
pub const SAY_BACK_FRAME: &str =
    "\"What I heard is … It makes sense to me that you felt that, because …\"";
pub const SAY_BACK_NOTE: &str = "One part at a time. No correcting their memory of it: each \
of you lived it your own way.";
pub fn they_felt(name: &str, feelings: &str) -> String {
    format!("{name} felt: {feelings}")
}
pub fn they_took(name: &str, parts: &str) -> String {
    format!("{name}'s part: {parts}")
}
/// "my part" picks as one sentence, with the apology when it came with one.
pub fn parts_said(phrases: &[&str], apology: bool) -> String {
    let said = phrases.join("; ");
    match (said.is_empty(), apology) {
        (true, true) => WITH_APOLOGY.to_string(),
        (false, true) => format!("{said}. {WITH_APOLOGY}"),
        (_, false) => said,
    }
}

pub fn what_it_was_like(sender: &str) -> String {
    format!("{sender}, what was it like for you?")
}
pub const WHAT_IT_WAS_LIKE_NOTE: &str =
    "Your own experience of it, one piece at a time. Not what they did wrong.";

pub fn ask_touched(name: &str) -> String {
    format!("{name}, did it touch something older?")
}
pub const TOUCHED_NOTE: &str = "An old hurt, something from before the two of you, a time you \
felt this way before. Say it aloud, type a few words, or pass.";
pub const TOUCHED_PLACEHOLDER: &str = "What it touched, in a few words";

pub fn ask_my_part(name: &str) -> String {
    format!("{name}, what was your part in it?")
}
pub const MY_PART_NOTE: &str = "Pick what fits with its number. w adds words of your own, a \
says sorry with it. Then Enter.";
pub const MY_PART_PLACEHOLDER: &str = "Words of your own";
pub const WITH_APOLOGY: &str = "And I am sorry.";

pub fn ask_accept(name: &str, apologised: &str) -> String {
    format!("{apologised} said sorry. {name}, can you accept it?")
}
pub const ACCEPT_NOTE: &str = "Both answers are fine. \"Not yet\" is honest, and the talk goes on.";

pub fn ask_next_time(name: &str) -> String {
    format!("{name}, next time")
}
pub const NEXT_TIME_WILL: &str = "One thing I will do";
pub const NEXT_TIME_ASK: &str = "One thing I ask of you";
pub const NEXT_TIME_NOTE: &str = "Typed or said aloud; Tab moves between the two.";

// A talk after a hard moment as Look back and the summary tell it.
pub const NEEDED_A_BREAK_FIRST: &str = "You took a break first, until you were both calm enough.";
pub fn touched_was(name: &str) -> String {
    format!("What it touched for {name}: ")
}
pub fn named_what_it_touched(name: &str) -> String {
    format!("{name} named what it touched.")
}
pub fn part_taken(name: &str, picked: &str, sorry: bool) -> String {
    match (picked.is_empty(), sorry) {
        (true, true) => format!("{name} said sorry."),
        (true, false) => format!("{name} spoke of their part."),
        (false, true) => format!("{name}'s part: {picked}. And sorry."),
        (false, false) => format!("{name}'s part: {picked}."),
    }
}
pub fn in_own_words(name: &str) -> String {
    format!("   In {name}'s words: ")
}
pub fn added_own_words(name: &str) -> String {
    format!("   {name} added words of their own.")
}
pub fn apology_answered(answering: &str, apologised: &str, accepted: bool) -> String {
    if accepted {
        format!("{answering} accepted {apologised}'s apology.")
    } else {
        format!("{answering} was not there yet with {apologised}'s apology, and that is okay.")
    }
}
pub fn will_next_time(name: &str) -> String {
    format!("Next time {name} will: ")
}
pub fn asks_next_time(name: &str) -> String {
    format!("Next time {name} asks: ")
}
pub fn named_next_time(name: &str) -> String {
    format!("{name} named something for next time.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn my_part_is_a_short_list_of_different_plain_first_person_phrases() {
        let mut seen = std::collections::HashSet::new();
        for phrase in MY_PART {
            assert!(seen.insert(phrase), "{phrase} twice");
            assert!(phrase.starts_with("I "), "{phrase} is not said of oneself");
            assert!(!phrase.contains("you always") && !phrase.contains("you never"));
            // One line of the calm column at 60x18, with room for the pick mark.
            assert!(phrase.chars().count() <= 50, "{phrase} is long for a list");
            assert_eq!(phrase, phrase.trim());
        }
    }
}
