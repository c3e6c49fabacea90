//! The words about couples (which couple Look back and the command line show) and about
//! what partners appreciated in each other.

/// `--couple` names a couple the journal does not have.
pub fn no_such_couple(asked: &str, couples: &[String]) -> String {
    if couples.is_empty() {
        format!("no talks of {asked} are in the journal: it has no talks for two yet")
    } else {
        format!(
            "no talks of {asked} are in the journal; the couples in it are {}",
            couples.join(", ")
        )
    }
}

/// The heading of one couple's block in `heard journal stats`.
pub fn couple_heading(label: &str) -> String {
    format!(
        "{label}\n{}",
        "-".repeat(unicode_width::UnicodeWidthStr::width(label))
    )
}

/// Look back's question when the journal holds more than one couple.
pub const COUPLE_CHOOSER_TITLE: &str = "Whose talks would you like to look back at?";
pub const COUPLE_CHOOSER_WHY: &str = "Each couple's talks are shown on their own, never mixed. heard remembers your choice; c changes it.";

/// One couple in the chooser: "Ana & Ben · 4 talks, the latest 3 days ago".
pub fn couple_choice(label: &str, talks: usize, latest: &str) -> String {
    format!(
        "{label} · {}, the latest {latest}",
        super::talks_count(talks)
    )
}

/// Beside the tabs when the journal holds more than one couple: whose talks these are.
pub fn showing_couple(label: &str) -> String {
    format!("{label} · c other couple")
}

/// Who each column of the list is, when names had to be shortened to fit.
pub fn columns_are(pairs: &[(String, String)]) -> String {
    let each: Vec<String> = pairs
        .iter()
        .map(|(short, full)| format!("{short} = {full}"))
        .collect();
    format!("columns: {}", each.join(", "))
}

// What you appreciated.

pub const HISTORY_APPRECIATED: &str = "Appreciated";
pub const APPRECIATED_TITLE: &str = "What you appreciated in each other, newest first";
pub const APPRECIATED_NONE: &str = "Nothing here yet. At the end of a talk each of you can write one thing you appreciated about the other; it is kept here for you both to read again.";

/// "Ana → Ben", the heading of one appreciation.
pub fn appreciated(from: &str, to: &str) -> String {
    format!("{from} appreciated {to}")
}

/// One appreciation on one line, for a talk's detail, `journal show` and the report.
pub fn appreciated_line(from: &str, to: &str, words: &str) -> String {
    format!("{}: \u{201c}{words}\u{201d}", appreciated(from, to))
}

/// The heading over a talk's appreciations.
pub const APPRECIATIONS: &str = "Appreciated";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_couple_names_the_couples_there() {
        let line = no_such_couple("Ana & Cam", &["Ana & Ben".into(), "Maya & Sam".into()]);
        assert_eq!(
            line,
            "no talks of Ana & Cam are in the journal; the couples in it are Ana & Ben, Maya & Sam"
        );
        assert!(!line.contains('\n'));
    }
}
