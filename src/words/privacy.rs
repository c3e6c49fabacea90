//! Whose words are whose: what shared views say in place of private text, and the
//! chooser that opens one person's own (SPEC section 6). Nothing here promises more than
//! is true: unsealed text is kept out of shared views, and it is in the journal file.

/// In a shared view, in place of a note: "Ana wrote a note".
pub fn wrote_a_note(name: &str) -> String {
    format!("{name} wrote a note")
}

/// In a shared view, in place of a reflection alone: "Sam wrote a reflection".
pub fn wrote_a_reflection(name: &str) -> String {
    format!("{name} wrote a reflection")
}

/// Under a reflection kept closed in a talk opened in full.
pub fn reflection_kept_for(name: &str) -> String {
    format!("What it says is {name}'s: o opens it, for {name} alone.")
}

/// Above the chooser of whose notes to open.
pub const NOTES_CHOOSER_TITLE: &str = "Open whose notes and reflections?";

/// Under the name marked in the chooser: "Ana, just you for a moment: Ben, please look away."
pub fn just_you(name: &str, others: &[&str]) -> String {
    let away = match others {
        [] => "anyone else".to_string(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    format!("{name}, just you for a moment: {away}, please look away.")
}

/// While one person's text is open: "Open for Ana: her notes and reflections. o closes them."
pub fn notes_open_for(name: &str) -> String {
    format!("Open for {name} alone: {name}'s notes and reflections show. o closes them.")
}

/// When there is nobody in the journal to open notes for.
pub const NOTES_NOBODY: &str = "There are no talks yet, so no notes to open.";

/// `heard journal show --notes-of NAME` with a name nobody in the journal has.
pub fn nobody_called(name: &str, names: &[String]) -> String {
    if names.is_empty() {
        format!("nobody called \"{name}\" is in the journal: it has no talks yet")
    } else {
        format!(
            "nobody called \"{name}\" is in the journal; the names in it are {}",
            names.join(", ")
        )
    }
}

/// Below a note too long for Look back to show whole.
pub fn note_goes_on(more_chars: usize, id: &str, writer: &str) -> String {
    format!(
        "         (the note goes on for {more_chars} more characters: `heard journal show {id} --notes-of \"{writer}\"` shows it whole)"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file of sentences a person reads. Unsealed text may not be promised as seen
    /// by its writer alone (SPEC section 6): only sealed text (section 11) may be, and
    /// heard seals nothing yet.
    const WORDS: [&str; 5] = [
        include_str!("mod.rs"),
        include_str!("couples.rs"),
        include_str!("screens.rs"),
        include_str!("keeping.rs"),
        include_str!("../tui/screens/help.rs"),
    ];

    #[test]
    fn no_sentence_says_only_you_will_see_unsealed_text() {
        for text in WORDS {
            let text = text.to_lowercase();
            for promise in ["only you will see", "only for you", "nobody else will see"] {
                assert!(!text.contains(promise), "a sentence says {promise:?}");
            }
        }
        assert!(crate::words::SOLO_WRITE_HINT.contains("Kept out of your shared history"));
        assert!(crate::words::SOLO_WRITE_HINT.contains("journal file on this computer"));
    }

    #[test]
    fn the_chooser_asks_the_others_to_look_away() {
        assert_eq!(
            just_you("Ana", &["Ben"]),
            "Ana, just you for a moment: Ben, please look away."
        );
        assert_eq!(
            just_you("Ana", &["Ben", "Sam", "Kim"]),
            "Ana, just you for a moment: Ben, Sam and Kim, please look away."
        );
        assert!(just_you("Ana", &[]).contains("anyone else"));
    }
}
