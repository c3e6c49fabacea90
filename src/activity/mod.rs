//! The seam between the kinds of talk and the rest of heard: the app, the store, the draft
//! and the leave/leftover dialogs speak only to an [`Activity`], never to one engine.
//!
//! Adding a kind of talk: write its engine (a module like `crate::reflection`), add a
//! variant here and in [`Input`] and [`Kind`], and answer each `match` below; the compiler
//! lists every place. docs/architecture.md walks through it.

pub mod event;
pub mod flow;
pub mod length;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

pub use event::Event;
pub use flow::{Engine, Flow};
pub use length::{Length, Pace};

use crate::journal::draft::{Draft, DraftError, DraftTalk};
use crate::journal::{Session, Timestamp};
use crate::mode::Mode;
use crate::reflection::{self, Reflection};
use crate::repair::{self, Repair};
use crate::talk::{self, Talk, TalkError};
use crate::understand::{self, Understand};
use crate::weekly::{self, Weekly};

/// The kinds of talk, as the draft (and, later, the journal's `kind`) names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A couple's talk from a deck of prompts.
    Prompts,
    /// One person reflecting alone.
    Reflection,
    /// "Understand each other": one topic, the floor, mirrored until it is got.
    Understand,
    /// "After a hard moment": once both are calm, five stages each in turn.
    Repair,
    /// "Our week": appreciations, what went well, maybe one issue, what would help.
    Weekly,
}

impl Kind {
    /// A structured conversation (no deck, no prompts), rather than a talk from prompts or a
    /// reflection.
    pub fn is_flow(self) -> bool {
        match self {
            Kind::Prompts | Kind::Reflection => false,
            Kind::Understand | Kind::Repair | Kind::Weekly => true,
        }
    }

    /// The conversation a session's `kind` names, if it is one.
    pub fn of_flow(kind: &str) -> Option<Kind> {
        [Kind::Understand, Kind::Repair, Kind::Weekly]
            .into_iter()
            .find(|k| k.id() == kind)
    }

    /// The id a kind of talk is saved under (its session's `kind`, and a conversation's
    /// `deck_id`).
    pub fn id(self) -> &'static str {
        match self {
            Kind::Prompts => "prompts",
            Kind::Reflection => "reflection",
            Kind::Understand => understand::session::KIND,
            Kind::Repair => repair::session::KIND,
            Kind::Weekly => weekly::session::KIND,
        }
    }

    /// Couple or solo.
    pub fn mode(self) -> Mode {
        match self {
            Kind::Prompts | Kind::Understand | Kind::Repair | Kind::Weekly => Mode::Couple,
            Kind::Reflection => Mode::Solo,
        }
    }
}

/// How long a talk of `prompts` usually takes, in whole minutes: each turn is the speaking
/// time (two minutes when there is no timer), about a minute and a half to reflect back and
/// half a minute to rate; a couple has two turns a prompt, one person one, and the
/// check-in and closing take about four minutes. An estimate to plan an evening by.
pub fn estimate_minutes(mode: Mode, prompts: usize, speaking_seconds: u32) -> u32 {
    const UNTIMED_SPEAKING: u32 = 120;
    const REFLECT_AND_RATE: u32 = 90 + 30;
    const ASIDE: u32 = 4 * 60;
    let speaking = if speaking_seconds == 0 {
        UNTIMED_SPEAKING
    } else {
        speaking_seconds
    };
    let turns = u32::try_from(prompts * mode.partner_count()).unwrap_or(u32::MAX);
    let per_turn = match mode {
        Mode::Couple => speaking + REFLECT_AND_RATE,
        // Alone: writing takes about as long as speaking, and a clarity rating follows.
        Mode::Solo => UNTIMED_SPEAKING + 60,
    };
    let seconds = turns.saturating_mul(per_turn).saturating_add(ASIDE);
    seconds.div_ceil(60)
}

/// A talk in progress, of any kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Activity {
    Prompts(Talk),
    Reflection(Reflection),
    Understand(Flow<Understand>),
    Repair(Flow<Repair>),
    Weekly(Flow<Weekly>),
}

/// What was chosen on a screen of one kind of talk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Prompts(talk::Input),
    Reflection(reflection::Input),
    Understand(understand::Input),
    Repair(repair::Input),
    Weekly(weekly::Input),
}

/// Why an input was not taken; nothing changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActivityError {
    #[error(transparent)]
    Talk(#[from] TalkError),
    #[error("that input belongs to another kind of talk")]
    OtherKind,
}

/// How far an activity has come, in words any screen or dialog can show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Description<'a> {
    pub kind: Kind,
    pub partners: &'a [String],
    pub deck_id: &'a str,
    pub started_at: &'a Timestamp,
    /// Turns answered (or prompts reflected on) so far, and the number planned.
    pub done: usize,
    pub planned: usize,
}

/// Where the activity is among its prompts, for the frame's "prompt 2 of 6".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// 0-based.
    pub index: usize,
    pub count: usize,
}

impl Activity {
    pub fn kind(&self) -> Kind {
        match self {
            Activity::Prompts(_) => Kind::Prompts,
            Activity::Reflection(_) => Kind::Reflection,
            Activity::Understand(_) => Kind::Understand,
            Activity::Repair(_) => Kind::Repair,
            Activity::Weekly(_) => Kind::Weekly,
        }
    }

    /// Take one input and say what happened. On an error nothing changes.
    pub fn apply(&mut self, input: Input) -> Result<Vec<Event>, ActivityError> {
        match (self, input) {
            (Activity::Prompts(talk), Input::Prompts(input)) => Ok(talk.apply(input)?),
            (Activity::Reflection(r), Input::Reflection(input)) => Ok(r.apply(input)?),
            (Activity::Understand(flow), Input::Understand(input)) => {
                Ok(flow.engine.apply(input)?)
            }
            (Activity::Repair(flow), Input::Repair(input)) => Ok(flow.engine.apply(input)?),
            (Activity::Weekly(flow), Input::Weekly(input)) => Ok(flow.engine.apply(input)?),
            // Every other pair: an input of one kind handed to a talk of another.
            (Activity::Prompts(_), _)
            | (Activity::Reflection(_), _)
            | (Activity::Understand(_), _)
            | (Activity::Repair(_), _)
            | (Activity::Weekly(_), _) => Err(ActivityError::OtherKind),
        }
    }

    /// The step it is on, in words ("the rating", "a break").
    pub fn step_name(&self) -> &'static str {
        match self {
            Activity::Prompts(talk) => talk.step().name(),
            Activity::Reflection(r) => r.step().name(),
            Activity::Understand(flow) => flow.engine.step_name(),
            Activity::Repair(flow) => flow.engine.step_name(),
            Activity::Weekly(flow) => flow.engine.step_name(),
        }
    }

    pub fn id(&self) -> &str {
        match self {
            Activity::Prompts(talk) => talk.id(),
            Activity::Reflection(r) => r.id(),
            Activity::Understand(flow) => &flow.id,
            Activity::Repair(flow) => &flow.id,
            Activity::Weekly(flow) => &flow.id,
        }
    }

    pub fn deck_id(&self) -> &str {
        match self {
            Activity::Prompts(talk) => talk.deck_id(),
            Activity::Reflection(r) => r.deck_id(),
            Activity::Understand(_) => understand::session::KIND,
            Activity::Repair(_) => repair::session::KIND,
            Activity::Weekly(_) => weekly::session::KIND,
        }
    }

    pub fn is_finished(&self) -> bool {
        match self {
            Activity::Prompts(talk) => talk.is_finished(),
            Activity::Reflection(r) => r.is_finished(),
            Activity::Understand(flow) => flow.engine.is_finished(),
            Activity::Repair(flow) => flow.engine.is_finished(),
            Activity::Weekly(flow) => flow.engine.is_finished(),
        }
    }

    /// Whether free text is kept at all (notes, reflections, appreciations).
    pub fn keeps_notes(&self) -> bool {
        match self {
            Activity::Prompts(talk) => talk.keeps_notes(),
            Activity::Reflection(r) => r.keeps_notes(),
            Activity::Understand(flow) => flow.engine.keeps_notes(),
            Activity::Repair(flow) => flow.engine.keeps_notes(),
            Activity::Weekly(flow) => flow.engine.keeps_notes(),
        }
    }

    pub fn describe(&self) -> Description<'_> {
        match self {
            Activity::Prompts(talk) => Description {
                kind: Kind::Prompts,
                partners: talk.partners(),
                deck_id: talk.deck_id(),
                started_at: talk.started_at(),
                done: talk.turns_recorded(),
                planned: talk.prompts().len() * 2,
            },
            Activity::Reflection(r) => Description {
                kind: Kind::Reflection,
                partners: r.partners(),
                deck_id: r.deck_id(),
                started_at: r.started_at(),
                done: r.turns_recorded(),
                planned: r.prompts().len(),
            },
            Activity::Understand(flow) => flow.describe(Kind::Understand),
            Activity::Repair(flow) => flow.describe(Kind::Repair),
            Activity::Weekly(flow) => flow.describe(Kind::Weekly),
        }
    }

    /// Where it is among the prompts; `None` before and after them.
    pub fn progress(&self) -> Option<Position> {
        match self {
            Activity::Prompts(talk) => talk.progress().map(|p| Position {
                index: p.prompt_index,
                count: p.prompt_count,
            }),
            Activity::Reflection(r) => r.progress().map(|p| Position {
                index: p.prompt_index,
                count: p.prompt_count,
            }),
            // A conversation has no prompts to count.
            Activity::Understand(_) | Activity::Repair(_) | Activity::Weekly(_) => None,
        }
    }

    /// The journal entry; `completed` false for one saved unfinished.
    pub fn to_session(&self, ended_at: DateTime<FixedOffset>, completed: bool) -> Session {
        match self {
            Activity::Prompts(talk) => talk.to_session(ended_at, completed),
            Activity::Reflection(r) => r.to_session(ended_at, completed),
            Activity::Understand(flow) => flow.to_session(ended_at, completed),
            Activity::Repair(flow) => flow.to_session(ended_at, completed),
            Activity::Weekly(flow) => flow.to_session(ended_at, completed),
        }
    }

    /// The draft record of this activity, with the text being typed on its current step.
    pub fn to_draft(&self, typing: Option<String>) -> Draft {
        let talk = match self {
            Activity::Prompts(talk) => DraftTalk::Prompts(talk.to_record()),
            Activity::Reflection(r) => DraftTalk::Reflection(r.to_record()),
            Activity::Understand(flow) => DraftTalk::Understand(flow.to_record()),
            Activity::Repair(flow) => DraftTalk::Repair(flow.to_record()),
            Activity::Weekly(flow) => DraftTalk::Weekly(flow.to_record()),
        };
        Draft::new(talk, typing)
    }

    /// The activity a draft holds, and the text that was being typed.
    pub fn from_draft(draft: Draft) -> Result<(Activity, Option<String>), DraftError> {
        let activity = match draft.talk {
            DraftTalk::Prompts(record) => Activity::Prompts(Talk::from_record(record)?),
            DraftTalk::Reflection(record) => Activity::Reflection(Reflection::from_record(record)?),
            DraftTalk::Understand(record) => {
                Activity::Understand(Flow::from_record(record).map_err(DraftError::DoesNotFit)?)
            }
            DraftTalk::Repair(record) => {
                Activity::Repair(Flow::from_record(record).map_err(DraftError::DoesNotFit)?)
            }
            DraftTalk::Weekly(record) => {
                Activity::Weekly(Flow::from_record(record).map_err(DraftError::DoesNotFit)?)
            }
        };
        Ok((activity, draft.typing))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_talk_takes_about_an_hour_and_a_short_one_twenty_minutes() {
        assert_eq!(estimate_minutes(Mode::Couple, 6, 180), 64);
        assert_eq!(estimate_minutes(Mode::Couple, 3, 60), 22);
        assert!(estimate_minutes(Mode::Couple, 6, 0) < estimate_minutes(Mode::Couple, 6, 180));
        assert_eq!(estimate_minutes(Mode::Solo, 3, 0), 13);
        assert!(estimate_minutes(Mode::Couple, 7, 180) > estimate_minutes(Mode::Couple, 6, 180));
    }
}
