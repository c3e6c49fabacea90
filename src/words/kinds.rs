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
            "One of you brings what matters; the other says it back until you feel understood."
        }
        Kind::Repair => {
            "Once you are both calm: talk through a fight or a hurt, each in turn, without blame."
        }
        Kind::Weekly => {
            "Thanks, what went well, maybe one thing to talk through, and what would help."
        }
    }
}

/// How long it usually takes, in words.
pub fn kind_length(kind: Kind) -> &'static str {
    match kind {
        Kind::Prompts => "about 20-60 minutes",
        Kind::Reflection => "about 10-20 minutes",
        Kind::Understand => "about 20-40 minutes",
        Kind::Repair => "about 30-60 minutes",
        Kind::Weekly => "about 30 minutes",
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

// "Our week" as Look back and the summary tell it.
/// What one partner appreciated: the words written down, and how many more were said aloud.
pub fn appreciated_things(name: &str, written: &[String], aloud: usize) -> String {
    let things = |n: usize| {
        if n == 1 {
            "1 thing".to_string()
        } else {
            format!("{n} things")
        }
    };
    match (written.is_empty(), aloud) {
        (true, 0) => format!("{name} kept their thanks for another time."),
        (true, n) => format!("{name} appreciated {} out loud.", things(n)),
        (false, 0) => format!("{name} appreciated: {}", written.join("; ")),
        (false, n) => format!(
            "{name} appreciated: {}; and {n} more out loud.",
            written.join("; ")
        ),
    }
}
pub const WENT_WELL_WAS: &str = ": what went well: ";
pub const SAID_WHAT_WENT_WELL: &str = " said what went well.";
pub const THIS_WEEK_WAS: &str = ": what would help this week: ";
pub const SAID_WHAT_WOULD_HELP: &str = " said what would help this week.";
pub const ONE_THING_TALKED_THROUGH: &str = "One thing you talked through";

/// Said once on a summary, after low ratings or a break.
pub const HARD_MOMENT_LATER: &str = "If something from tonight still feels raw, \"After a hard \
moment\" is there for when you are both calm: Start a talk, then 3.";

/// In the setup of "Understand each other", when a partner prepared a topic alone.
pub fn understand_brought(writer: &str, topic: &str) -> String {
    format!(
        "Take up the topic {writer} prepared alone, \"{topic}\": {writer} brings it and has the floor first."
    )
}

pub const KINDS_ASK: &str = "What kind of talk would help tonight?";
