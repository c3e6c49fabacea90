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
pub const IS_THERE_MORE: &str = "Is there more?";

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
