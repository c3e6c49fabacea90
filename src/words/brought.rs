//! What heard says about preparing a talk alone and bringing its topic to the next talk.

/// The first question of a reflection alone.
pub const TOPIC_ASK: &str = "What do you want to talk about?";
pub const TOPIC_HINT: &str = "A few words are enough. Kept out of your shared history. It is in the journal file on this computer.";
pub const TOPIC_NOTES_OFF: &str = "Notes are off in your settings: nothing is written down, so there is no topic to bring to a talk. Enter goes on.";
pub const TOPIC_PLACEHOLDER: &str = "in a few words";
pub const TOPIC_NONE: &str = "Nothing in particular? Enter with nothing typed goes on without one.";

/// Above each prompt of a reflection with a topic.
pub fn preparing(topic: &str) -> String {
    format!("Preparing: {topic}")
}

/// The last question of a reflection with a topic.
pub const BRING_ASK: &str = "Bring this to your next talk?";
pub const BRING_YES: &str = "y  yes, bring it";
pub const BRING_NO: &str = "n  no, keep it here";
pub const BRING_EXPLAIN: &str = "Your topic would open your next talk together, on the screen for you both, with you speaking first. What you wrote here stays yours: at the talk it is shown to you alone, when you ask for it.";

/// After a reflection: whether its topic waits for the next talk.
pub fn topic_waits(brings: Option<bool>) -> &'static str {
    match brings {
        Some(true) => {
            "Your topic waits for your next talk together: it will open it, if you both agree then."
        }
        Some(false) => "Your topic stays here with your notes; it is not brought to a talk.",
        None => "This reflection had no topic, so there is nothing to bring to a talk.",
    }
}

/// Setup's offer, on its checkbox row: "Open with what Ana brought: "weekends"".
pub fn open_with_brought(brought: &[(String, String)]) -> String {
    let each: Vec<String> = brought
        .iter()
        .map(|(name, topic)| format!("{name}'s \"{topic}\""))
        .collect();
    format!(
        "Open with what was brought from a reflection: {}",
        each.join(" and ")
    )
}

/// Under the offer, when a fitting deck is not the one chosen.
pub fn deck_suits_brought(deck: &str) -> String {
    format!("For a topic like this, the {deck} deck may fit.")
}

/// The question before a talk started from the command line.
pub const BRING_TITLE: &str = "Something to talk about";

pub fn brought_offer(name: &str, topic: &str) -> String {
    format!(
        "{name} brought a topic from a reflection: \"{topic}\". Open this talk with it, {name} speaking first?"
    )
}

pub const BRING_NOTES_YOURS: &str =
    "Notes from a reflection are shown only to the one who wrote them.";

/// On the speaker card of a brought topic.
pub fn brought_by(name: &str) -> String {
    format!("{name} brought this to talk about:")
}

/// The key that shows the bringer their own notes, with the other asked to look away.
pub fn notes_offer(listener: &str) -> String {
    format!("o  your own notes ({listener}, please look away first)")
}

/// Under the notes that fit, when more do not.
pub fn more_notes(left: usize) -> String {
    match left {
        1 => "(1 more note: a larger window shows it)".to_string(),
        n => format!("({n} more notes: a larger window shows them)"),
    }
}

pub const NOTES_HEADING: &str = "Your notes from before, only for you (o hides them):";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offer_names_each_writer_and_topic() {
        let both = [
            ("Ana".to_string(), "weekends".to_string()),
            ("Ben".to_string(), "money".to_string()),
        ];
        assert_eq!(
            open_with_brought(&both),
            "Open with what was brought from a reflection: Ana's \"weekends\" and Ben's \"money\""
        );
    }
}
