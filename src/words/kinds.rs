//! The kinds of talk as a couple chooses between them: a name, what each is for and how
//! long it usually takes.

use crate::activity::Kind;

pub fn kind_title(kind: Kind) -> &'static str {
    match kind {
        Kind::Prompts => "A talk from prompts",
        Kind::Reflection => "Reflect alone",
        Kind::Understand => "Understand each other",
        Kind::Repair => "After a hard moment",
        Kind::Weekly => "Our week",
    }
}

/// One line on what the kind is for.
pub fn kind_about(kind: Kind) -> &'static str {
    match kind {
        Kind::Prompts => {
            "Take turns with questions from a deck: one shares, the other says back what they heard."
        }
        Kind::Reflection => "A quiet moment for yourself, before a talk.",
        Kind::Understand => {
            "One of you brings something that matters; the other listens and says it back, until you feel understood."
        }
        Kind::Repair => {
            "Once you are both calm: talk through a fight or a hurt, each in turn, without blame."
        }
        Kind::Weekly => {
            "Thank each other, say what went well, maybe talk through one thing, and what would help this week."
        }
    }
}

/// How long it usually takes, in words.
pub fn kind_length(kind: Kind) -> &'static str {
    match kind {
        Kind::Prompts => "usually 20 to 60 minutes",
        Kind::Reflection => "usually 10 to 20 minutes",
        Kind::Understand => "usually 20 to 40 minutes",
        Kind::Repair => "usually 30 to 60 minutes",
        Kind::Weekly => "usually about 30 minutes",
    }
}

/// Under the names in a conversation's setup: who goes first.
pub fn flow_begins_with(kind: Kind, first: &str) -> String {
    match kind {
        Kind::Understand => {
            format!(
                "{first} brings the topic and has the floor first. Swap the names to change that."
            )
        }
        Kind::Repair | Kind::Weekly => {
            format!("{first} begins each part. Swap the names to change that.")
        }
        Kind::Prompts | Kind::Reflection => format!("{first} begins."),
    }
}

pub const KINDS_TITLE: &str = "Start a talk";
pub const KINDS_ASK: &str = "What kind of talk would help tonight?";
