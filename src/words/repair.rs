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
