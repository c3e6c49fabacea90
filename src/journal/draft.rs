//! The talk in progress as its own file record (in-progress.json): versioned, tagged by the
//! kind of talk, and independent of how an engine holds its state.
//!
//! Version 4 (this heard) adds the structured conversations (`"kind": "understand"`, with
//! the engine's `state`); prompt talks and reflections are still written as version 3.
//! Version 3 is version 2 with a reflection's topic, its mark to bring it,
//! the topics a talk opens with (`brought`) and the reflection's steps for them; an older
//! heard that knows only version 2 says a newer heard wrote it rather than guess.
//! Version 2 writes `{"format": "heard-draft", "version": 2, "kind": "prompts"
//! | "reflection", ...the record of that kind..., "typing": ...}`. Version 1 (the first heard)
//! wrote `{"format", "version": 1, "talk": {...}}` with `"mode": "couple" | "solo"` inside;
//! it is read as the same records, since version 2 kept every field name of version 1.
//! A draft from a newer heard is never guessed at: reading it is an error that says so.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Timestamp;

pub const DRAFT_FORMAT: &str = "heard-draft";
/// The newest draft version this heard writes: 4 for the structured conversations. A
/// prompt talk or a reflection is still written as version 3, so that the heard before
/// these conversations resumes it; to that heard a version 4 draft is a newer heard's.
pub const DRAFT_VERSION: u32 = 4;
/// The version of a prompt talk's or a reflection's draft.
const TALK_DRAFT_VERSION: u32 = 3;

/// in-progress.json: one talk in progress, of one kind, and the text being typed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub format: String,
    pub version: u32,
    #[serde(flatten)]
    pub talk: DraftTalk,
    /// Text typed on the current step and not yet handed to the talk (a note being
    /// written), so a closed window keeps it too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typing: Option<String>,
}

impl Draft {
    pub fn new(talk: DraftTalk, typing: Option<String>) -> Draft {
        Draft {
            format: DRAFT_FORMAT.to_string(),
            version: match talk {
                DraftTalk::Prompts(_) | DraftTalk::Reflection(_) => TALK_DRAFT_VERSION,
                DraftTalk::Understand(_) | DraftTalk::Repair(_) | DraftTalk::Weekly(_) => {
                    DRAFT_VERSION
                }
            },
            talk,
            typing: typing.filter(|t| !t.trim().is_empty()),
        }
    }

    /// The id of the talk in progress: the session id it is saved under.
    pub fn talk_id(&self) -> &str {
        match &self.talk {
            DraftTalk::Prompts(record) | DraftTalk::Reflection(record) => &record.id,
            DraftTalk::Understand(record)
            | DraftTalk::Repair(record)
            | DraftTalk::Weekly(record) => &record.id,
        }
    }
}

/// The record of each kind of talk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum DraftTalk {
    /// A couple's prompt talk.
    Prompts(TalkRecord),
    /// One person's reflection alone.
    Reflection(TalkRecord),
    /// "Understand each other".
    Understand(FlowRecord),
    /// "After a hard moment".
    Repair(FlowRecord),
    /// "Our week".
    Weekly(FlowRecord),
}

/// A structured conversation: its frame, and its engine's state as the engine writes it
/// (each engine checks on reading that the state could have been reached).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlowRecord {
    pub id: String,
    pub partners: Vec<String>,
    pub started_at: Timestamp,
    pub state: Value,
}

/// What a prompt talk or a reflection has chosen and answered so far. Fields a kind does
/// not use stay at their defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TalkRecord {
    pub id: String,
    pub partners: Vec<String>,
    pub deck_id: String,
    pub seed: u64,
    #[serde(default)]
    pub timer_seconds: Option<u32>,
    #[serde(default)]
    pub listener_guess: bool,
    pub keep_notes: bool,
    pub started_at: Timestamp,
    pub prompts: Vec<PromptRecord>,
    #[serde(default)]
    pub spares: Vec<PromptRecord>,
    #[serde(default)]
    pub consent: Vec<Option<bool>>,
    #[serde(default)]
    pub deeper: Option<bool>,
    #[serde(default, deserialize_with = "super::de::moods")]
    pub mood_before: Vec<Option<u8>>,
    #[serde(default, deserialize_with = "super::de::moods")]
    pub mood_after: Vec<Option<u8>>,
    #[serde(default, deserialize_with = "super::de::closeness")]
    pub closeness: Vec<Option<u8>>,
    #[serde(default)]
    pub appreciations: Vec<Option<String>>,
    pub answers: Vec<AnswerRecord>,
    #[serde(default)]
    pub current: Option<AnswerRecord>,
    pub prompt_index: usize,
    /// 0 for the first speaker at this prompt, 1 for the second.
    #[serde(default)]
    pub turn_in_prompt: usize,
    pub step: StepRecord,
    #[serde(default)]
    pub paused: bool,
    /// A reflection's topic, when one was written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// A reflection's answer to "bring this to your next talk?", once given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bring_topic: Option<bool>,
    /// The topics a talk opens with, brought from reflections alone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub brought: Vec<BroughtRecord>,
}

/// A topic brought from a reflection alone into a talk, with the writer's own notes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BroughtRecord {
    /// The partner who brought it (an index into `partners`).
    pub by: usize,
    pub reflection_id: String,
    pub prompt_id: String,
    pub topic: String,
    #[serde(default)]
    pub notes: Vec<NoteRecord>,
}

/// One prompt of a reflection and what its writer wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteRecord {
    pub prompt: String,
    pub text: String,
}

/// A prompt as the draft keeps it (the deck may change before the talk resumes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PromptRecord {
    pub id: String,
    pub text: String,
    pub depth: u8,
    #[serde(default)]
    pub followups: Vec<String>,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// One turn, answered or being answered.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnswerRecord {
    pub prompt_id: String,
    pub prompt: String,
    pub speaker: usize,
    pub note: Option<String>,
    pub seconds: Option<u64>,
    pub skipped: bool,
    #[serde(deserialize_with = "super::de::one_to_five")]
    pub felt_heard: Option<u8>,
    #[serde(deserialize_with = "super::de::one_to_five")]
    pub felt_validated: Option<u8>,
    #[serde(deserialize_with = "super::de::one_to_five")]
    pub guess: Option<u8>,
    #[serde(deserialize_with = "super::de::one_to_five")]
    pub clarity: Option<u8>,
    pub bring_to_talk: bool,
    /// Earlier ratings, when the listener tried again.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attempts: Vec<AttemptRecord>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub second_round: bool,
}

/// One rating of a turn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AttemptRecord {
    #[serde(deserialize_with = "super::de::one_to_five")]
    pub felt_heard: Option<u8>,
    #[serde(deserialize_with = "super::de::one_to_five")]
    pub felt_validated: Option<u8>,
}

/// The step the talk was on, with the partner it concerns (an index into `partners`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum StepRecord {
    CheckIn { partner: usize },
    Topic,
    Bring,
    DeeperConsent { partner: usize },
    Speaker,
    Listener,
    ListenerGuess,
    Rating,
    Reveal { guess: u8, felt_heard: Option<u8> },
    TryAgain,
    Reflection,
    Clarity,
    Closeness { partner: usize },
    MoodAfter { partner: usize },
    Appreciation { partner: usize },
    Break,
    Summary,
}

/// Why a draft file cannot be taken as a talk in progress.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    #[error("it is not a heard draft (its format is {0:?})")]
    NotADraft(String),
    #[error("it was written by a newer heard (draft version {0}); update heard to resume it")]
    Newer(u64),
    #[error("it has no version this heard knows ({0})")]
    NoVersion(String),
    #[error("{0}")]
    Shape(String),
    #[error("it does not fit a talk: {0}")]
    DoesNotFit(String),
}

/// Read a draft of any version this heard knows from its JSON value.
pub fn from_value(value: Value) -> Result<Draft, DraftError> {
    let format = value.get("format").and_then(Value::as_str).unwrap_or("");
    if format != DRAFT_FORMAT {
        return Err(DraftError::NotADraft(format.to_string()));
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(1) => from_version_1(value),
        Some(2..=4) => serde_json::from_value(value).map_err(|e| DraftError::Shape(e.to_string())),
        Some(newer) if newer > u64::from(DRAFT_VERSION) => Err(DraftError::Newer(newer)),
        other => Err(DraftError::NoVersion(format!("{other:?}"))),
    }
}

/// Version 1 kept the whole talk under `talk`, couple and solo alike, told apart by `mode`.
fn from_version_1(value: Value) -> Result<Draft, DraftError> {
    let talk = value
        .get("talk")
        .cloned()
        .ok_or_else(|| DraftError::Shape("a version 1 draft without its talk".to_string()))?;
    let mode = talk.get("mode").and_then(Value::as_str).unwrap_or("couple");
    let record: TalkRecord =
        serde_json::from_value(talk.clone()).map_err(|e| DraftError::Shape(e.to_string()))?;
    let talk = match mode {
        "couple" => DraftTalk::Prompts(record),
        "solo" => DraftTalk::Reflection(record),
        other => return Err(DraftError::DoesNotFit(format!("a talk of mode {other:?}"))),
    };
    Ok(Draft {
        format: DRAFT_FORMAT.to_string(),
        version: 1,
        talk,
        typing: None,
    })
}
