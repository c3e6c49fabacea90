//! The words of the conversations for what is hard (SPEC section 7): the soft start-up
//! frame, the feelings list, the answers on the floor. Plain and warm; the methods behind
//! them are credited in the docs, never named on screen.

/// The frame shown while the topic is put into words: a start without blame.
pub const SOFT_START_UP: &str = "I feel … about … and I need …";
pub const SOFT_START_UP_NOTE: &str =
    "Say what you feel and what you need, not what they did. No \"you always\", no \"you never\".";

/// The sender's three answers to a mirror.
pub const GOT_IT: &str = "You got it";
pub const PARTLY: &str = "Partly - let me add";
pub const NOT_YET: &str = "Not yet";
pub const ANSWER_FIRST: &str = "Press y, a or n first, or mark one with the arrows.";

/// Feelings to pick from, several at once: plain words, pleasant and hard, about forty.
pub const FEELINGS: [&str; 40] = [
    "hurt",
    "sad",
    "lonely",
    "scared",
    "worried",
    "anxious",
    "overwhelmed",
    "tired",
    "frustrated",
    "angry",
    "disappointed",
    "embarrassed",
    "ashamed",
    "guilty",
    "jealous",
    "confused",
    "stuck",
    "unseen",
    "unimportant",
    "left out",
    "criticised",
    "defensive",
    "tense",
    "numb",
    "helpless",
    "torn",
    "relieved",
    "hopeful",
    "grateful",
    "calm",
    "close",
    "loved",
    "understood",
    "safe",
    "proud",
    "glad",
    "tender",
    "curious",
    "respected",
    "at ease",
];

/// Felt cared for, the third of the ratings a speaker on the floor gives.
pub const FELT_CARED: [&str; 5] = ["not at all", "a little", "somewhat", "mostly", "completely"];

pub fn ask_felt_cared(receiver: &str) -> String {
    format!("How cared for did you feel by {receiver}?")
}

// "Understand each other", step by step.
pub const UNDERSTAND_TITLE: &str = "Understand each other";
pub fn good_time_bringer(name: &str) -> String {
    format!("{name}, is now a good time to talk about something that matters to you?")
}
pub fn good_time_receiver(name: &str, bringer: &str) -> String {
    format!("{name}, is now a good time for you to listen to {bringer}, really listen?")
}
pub const GOOD_TIME_NOTE: &str =
    "Both of you need to be ready. If not, \"later\" ends here, and nothing is lost.";
pub const GOOD_TIME_NOW: &str = "Now is good";
pub const GOOD_TIME_LATER: &str = "Later";
pub fn topic_ask_to_be_understood(name: &str) -> String {
    format!("{name}, what would you like to be understood about?")
}
pub const UNDERSTAND_TOPIC_HINT: &str =
    "A few words are enough, like \"the holidays\" or \"money\". Or none at all.";
pub fn topic_shared_line(other: &str) -> String {
    format!("Shared: {other} sees the topic in your history too. (Tab: keep it to you)")
}
pub const TOPIC_KEPT_LINE: &str = "Kept to you: your shared history shows there was a topic, not \
what it was. It is in the journal file on this computer. (Tab: share it)";
pub const SOFT_START_UP_HEADING: &str = "A gentle way to begin";

pub fn has_the_floor(sender: &str) -> String {
    format!("{sender}, you have the floor")
}
pub const SPEAK_NOTE: &str = "Say one piece, a few sentences, about how it is for you.";
pub const SPEAK_AGAIN_NOTE: &str =
    "Say what was missed, or say it another way. A short piece is easier to say back.";
pub fn listen_then_say_back(receiver: &str) -> String {
    format!("{receiver}, just listen for now. Next you say back what you heard.")
}
pub fn say_back(receiver: &str) -> String {
    format!("{receiver}, say back what you heard")
}
pub const MIRROR_FRAME: &str = "\"What I heard you say is … Did I get that?\"";
pub const MIRROR_NOTE: &str =
    "In your own words. No answering, fixing or defending yet: your turn comes.";
pub fn did_they_get_it(sender: &str, receiver: &str) -> String {
    format!("{sender}, did {receiver} get it?")
}
pub const ANSWER_NOTE: &str =
    "Anything but \"you got it\" gives you the floor again, to add what was missed.";
pub fn is_there_more(sender: &str) -> String {
    format!("{sender}, is there more?")
}
pub fn more_note(receiver: &str) -> String {
    format!("If there is, say the next piece. If not, {receiver} goes on.")
}
pub fn what_makes_sense(receiver: &str, sender: &str) -> String {
    format!("{receiver}, tell {sender} what makes sense about it")
}
pub const VALIDATE_FRAME: &str = "\"It makes sense to me because …\"";
pub const VALIDATE_NOTE: &str =
    "Making sense is not agreeing. It means you can see how it is for them.";
pub fn imagine_feeling(receiver: &str, sender: &str) -> String {
    format!("{receiver}, say how you imagine {sender} feels")
}
pub const EMPATHIZE_FRAME: &str = "\"I imagine you feel …\"";
pub const FEELINGS_HEADING: &str = "Some words for feelings";
pub fn word_fits(sender: &str) -> String {
    format!("{sender}, you can say whether a word fits.")
}
pub fn take_the_floor(receiver: &str) -> String {
    format!("{receiver}, would you like the floor on the same topic?")
}
pub const SWITCH_NOTE: &str = "The same steps, the other way round. Not today is fine too.";
pub const SMALL_STEP_HEADING: &str = "Only now, once you feel understood: one small step each";
pub fn small_step_ask(name: &str) -> String {
    format!("{name}, one thing I will do this week")
}
pub const SMALL_STEP_HINT: &str =
    "Small and doable is best. Type it, or press Enter to go on without writing it down.";
pub const SMALL_STEP_PLACEHOLDER: &str = "One thing I will do this week";
pub const TOPIC_FIELD_PLACEHOLDER: &str = "What it is about, in a few words";

// The summary of a conversation.
pub const FLOW_SUMMARY_HEADS: [&str; 3] = ["felt heard", "felt validated", "felt cared for"];
pub const FLOW_SUMMARY_HEADS_NARROW: [&str; 3] = ["heard", "validated", "cared for"];
pub fn flow_summary_heading(date: &str, title: &str, rounds: usize, minutes: i64) -> String {
    let rounds = match rounds {
        0 => String::new(),
        1 => " · 1 round".to_string(),
        n => format!(" · {n} rounds"),
    };
    let length = match minutes {
        0 => "under a minute".to_string(),
        1 => "1 minute".to_string(),
        n => format!("{n} minutes"),
    };
    format!("{date} · {title}{rounds} · {length}")
}
/// How many times the sender said it before "you got it".
pub fn understood_after(name: &str, pieces: u64) -> String {
    match pieces {
        0 | 1 => format!("{name} felt understood the first time."),
        n => format!("{name} felt understood after {n} tries."),
    }
}
pub fn floor_unconfirmed(name: &str) -> String {
    format!(
        "{name}'s round ended before \"you got it\". That is all right: it can wait for another day."
    )
}
pub fn named_a_small_step(name: &str) -> String {
    format!("{name} named a small step for this week.")
}
pub fn topic_was(bringer: &str, topic: &str) -> String {
    format!("{bringer}'s topic: {topic}")
}
pub fn brought_a_topic(bringer: &str) -> String {
    format!("{bringer} brought a topic (kept to {bringer}).")
}
pub fn had_the_floor(sender: &str) -> String {
    format!("{sender} had the floor")
}
pub fn small_step_was(writer: &str, text: &str) -> String {
    format!("{writer}'s small step: {text}")
}
pub fn rounds_had(rounds: usize, completed: bool) -> String {
    let rounds = match rounds {
        0 => "No round on the floor".to_string(),
        1 => "1 round on the floor".to_string(),
        n => format!("{n} rounds on the floor"),
    };
    if completed {
        format!("{rounds}.")
    } else {
        format!("{rounds}, saved unfinished.")
    }
}
pub fn finished_or_not(completed: bool) -> String {
    if completed {
        "Talked through to the end."
    } else {
        "Saved unfinished."
    }
    .to_string()
}
pub const PUT_OFF: &str =
    "You chose later. Nothing is lost: start it again when you are both ready.";

// The time-out, offered on every step of a hard talk.
pub const TIME_OUT_TITLE: &str = "Time out";
pub const TIME_OUT_SIGNS: &str = "Signs it is time for a break:";
pub const TIME_OUT_ESCALATION: &str = "voices rising, talking faster and louder";
pub const TIME_OUT_INVALIDATION: &str = "brushing off what the other feels, or putting them down";
pub const TIME_OUT_WITHDRAWAL: &str = "going quiet, looking away, wanting to leave the room";
pub const TIME_OUT_NOTE: &str = "None of this is failing. A break of about 20 minutes, each \
doing something calming, helps you both come back to listening.";
pub const TIME_OUT_TAKE: &str = "take the break";
pub const TIME_OUT_GO_ON: &str = "go on talking";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_feelings_are_forty_plain_different_words() {
        let mut seen = std::collections::HashSet::new();
        for feeling in FEELINGS {
            assert!(seen.insert(feeling), "{feeling} twice");
            assert!(feeling.len() <= 12, "{feeling} is long for a list");
            assert_eq!(feeling, feeling.to_lowercase());
        }
        assert_eq!(seen.len(), 40);
    }
}
