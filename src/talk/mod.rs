//! The talk as a pure state machine: check-in, prompts and turns, ratings, closing. No IO, no clock.
//!
//! The TUI, the tests and the therapist demo all drive a [`Talk`] the same way: look at
//! [`Talk::step`] to know which screen to show, then [`Talk::apply`] what the partners chose.
//! A wrong input for the step, or a value out of range, is a [`TalkError`] and changes nothing.
//!
//! Choices made here (the rest of the app relies on them):
//! - Both partners answer every prompt; partner 0 speaks first on prompt 1, partner 1 on
//!   prompt 2, and so on.
//! - A pass (on the speaker or listener card) skips only that speaker's turn: the other
//!   partner still gets their turn at the prompt. The skipped turn keeps null ratings; a
//!   pass on the listener card keeps the note and seconds the speaker already gave.
//! - `seconds` is written on every turn, null when the TUI gave none.
//! - The listener's guess, when on, comes after the listener card and before the speaker
//!   rates; a [`Step::Reveal`] then shows it beside the rating, only when a guess was made.
//! - The turn is recorded as soon as the speaker rates, so a draft saved after a rating
//!   holds it. A turn still being answered is not part of an unfinished session.
//! - Before the first deep prompt both partners are asked, one after the other, and the
//!   answer is decided only when both have answered, so the screen never shows who said
//!   no. A "no" is final for the talk (plan.rs says what replaces deep prompts).
//! - Closing goes partner by partner: closeness, mood after, appreciation.
//! - Solo: no consent (nobody else to agree with), no listener, no timer, no closeness
//!   (the session's `closeness` is `[]`), no appreciation.
//! - Appreciations go in the session's `extra` as `"appreciations": [text or null, ...]`,
//!   one per partner, present only when one was written. With `keep_notes` false no free
//!   text (notes, reflections, appreciations) is ever held, so none reaches a draft.
//! - A break can be taken on any step before the summary; it records nothing.

mod plan;
mod rng;
mod session;
mod step;

pub use plan::DEEP;
pub use session::carried_prompts;
pub use step::{Input, Step};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::deck::{Deck, DeckMode, Prompt};
use crate::journal::Timestamp;

/// A couple talk or one person's solo reflection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TalkMode {
    Couple,
    Solo,
}

impl TalkMode {
    fn partner_count(self) -> usize {
        match self {
            TalkMode::Couple => 2,
            TalkMode::Solo => 1,
        }
    }

    fn deck_mode(self) -> DeckMode {
        match self {
            TalkMode::Couple => DeckMode::Couple,
            TalkMode::Solo => DeckMode::Solo,
        }
    }

    fn word(self) -> &'static str {
        match self {
            TalkMode::Couple => "couple",
            TalkMode::Solo => "solo",
        }
    }
}

/// Everything chosen on the setup screen.
#[derive(Debug, Clone)]
pub struct TalkSetup {
    pub mode: TalkMode,
    /// Two names for a couple talk, one for solo.
    pub partners: Vec<String>,
    pub deck: Deck,
    /// How many prompts to ask; fewer when the deck has fewer.
    pub prompts: usize,
    /// The speaking timer, or `None` when it is off. Only shown; the TUI runs the clock.
    pub timer_seconds: Option<u32>,
    /// Whether the listener guesses, hidden, how heard the speaker felt.
    pub listener_guess: bool,
    /// Whether private notes and reflections are kept at all.
    pub keep_notes: bool,
    /// Seeds the shuffle within each depth; recorded so the order can be repeated.
    pub seed: u64,
    pub started_at: DateTime<FixedOffset>,
    /// Prompts marked "bring to the talk" in a solo reflection; offered first.
    pub carried_prompts: Vec<Prompt>,
}

/// Why a talk could not start, or why an input does not fit.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TalkError {
    #[error("a {mode} talk needs {expected} name{s}, not {got}", s = if *.expected == 1 { "" } else { "s" })]
    PartnerCount {
        mode: &'static str,
        expected: usize,
        got: usize,
    },
    #[error("name {number} is empty: please type a name")]
    EmptyName { number: usize },
    #[error("the deck \"{deck}\" is not made for {mode} talks: please pick another deck")]
    DeckMode { deck: String, mode: &'static str },
    #[error("a talk needs at least one prompt")]
    NoPrompts,
    #[error("the deck \"{deck}\" has no prompts: please pick another deck")]
    EmptyDeck { deck: String },
    #[error("{input} does not fit here: the talk is at {step}")]
    WrongInput {
        step: &'static str,
        input: &'static str,
    },
    #[error("{what} goes from 1 to {max}, not {value}")]
    OutOfRange {
        what: &'static str,
        value: u8,
        max: u8,
    },
    #[error("it is partner {}'s turn here, not partner {}'s", .expected + 1, .got + 1)]
    NotYourTurn { expected: usize, got: usize },
}

/// One answered (or passed) turn, as the talk holds it until it becomes a journal `Turn`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Answer {
    prompt_id: String,
    prompt: String,
    speaker: usize,
    note: Option<String>,
    seconds: Option<u64>,
    skipped: bool,
    felt_heard: Option<u8>,
    felt_validated: Option<u8>,
    guess: Option<u8>,
    clarity: Option<u8>,
    bring_to_talk: bool,
}

/// A talk in progress. Saved as the draft (in-progress.json) and resumed after a crash.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Talk {
    id: String,
    mode: TalkMode,
    partners: Vec<String>,
    deck_id: String,
    seed: u64,
    timer_seconds: Option<u32>,
    listener_guess: bool,
    keep_notes: bool,
    started_at: Timestamp,
    #[serde(deserialize_with = "plan::deserialize_prompts")]
    prompts: Vec<Prompt>,
    #[serde(deserialize_with = "plan::deserialize_prompts")]
    spares: Vec<Prompt>,
    /// Each partner's answer to "go deeper?" while it is being asked.
    consent: Vec<Option<bool>>,
    /// `None` until both have answered; then whether the talk goes deeper.
    deeper: Option<bool>,
    mood_before: Vec<Option<u8>>,
    mood_after: Vec<Option<u8>>,
    closeness: Vec<Option<u8>>,
    appreciations: Vec<Option<String>>,
    answers: Vec<Answer>,
    /// The turn being answered, before its rating.
    current: Option<Answer>,
    prompt_index: usize,
    /// 0 for the first speaker at this prompt, 1 for the second.
    turn_in_prompt: usize,
    step: Step,
    paused: bool,
}

/// What the prompt screens show: where the talk is and who speaks.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress<'a> {
    /// 0-based; show `prompt_index + 1` of `prompt_count`.
    pub prompt_index: usize,
    /// Can shrink after a "not today" when no lighter prompts were left.
    pub prompt_count: usize,
    pub prompt: &'a Prompt,
    pub speaker: usize,
    pub speaker_name: &'a str,
    /// `None` in a solo reflection.
    pub listener: Option<usize>,
    pub listener_name: Option<&'a str>,
    /// The speaking timer, when it applies to this talk.
    pub timer_seconds: Option<u32>,
}

impl Talk {
    pub fn new(setup: TalkSetup) -> Result<Talk, TalkError> {
        let mode = setup.mode;
        let expected = mode.partner_count();
        if setup.partners.len() != expected {
            return Err(TalkError::PartnerCount {
                mode: mode.word(),
                expected,
                got: setup.partners.len(),
            });
        }
        let partners: Vec<String> = setup
            .partners
            .iter()
            .map(|n| n.trim().to_string())
            .collect();
        if let Some(index) = partners.iter().position(String::is_empty) {
            return Err(TalkError::EmptyName { number: index + 1 });
        }
        if !setup.deck.supports(mode.deck_mode()) {
            return Err(TalkError::DeckMode {
                deck: setup.deck.id.clone(),
                mode: mode.word(),
            });
        }
        if setup.prompts == 0 {
            return Err(TalkError::NoPrompts);
        }
        let plan = plan::plan(
            &setup.deck.prompts,
            &setup.carried_prompts,
            setup.prompts,
            setup.seed,
        );
        if plan.prompts.is_empty() {
            return Err(TalkError::EmptyDeck {
                deck: setup.deck.id.clone(),
            });
        }
        Ok(Talk {
            id: uuid::Uuid::new_v4().to_string(),
            mode,
            deck_id: setup.deck.id.clone(),
            seed: setup.seed,
            timer_seconds: setup.timer_seconds,
            listener_guess: setup.listener_guess && mode == TalkMode::Couple,
            keep_notes: setup.keep_notes,
            started_at: Timestamp::new(setup.started_at),
            prompts: plan.prompts,
            spares: plan.spares,
            consent: vec![None; expected],
            deeper: None,
            mood_before: vec![None; expected],
            mood_after: vec![None; expected],
            closeness: vec![None; expected],
            appreciations: vec![None; expected],
            partners,
            answers: Vec::new(),
            current: None,
            prompt_index: 0,
            turn_in_prompt: 0,
            step: Step::CheckIn { partner: 0 },
            paused: false,
        })
    }

    /// The screen to show now: [`Step::Break`] while paused.
    pub fn step(&self) -> Step {
        if self.paused { Step::Break } else { self.step }
    }

    pub fn is_finished(&self) -> bool {
        self.step == Step::Summary
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn mode(&self) -> TalkMode {
        self.mode
    }

    pub fn partners(&self) -> &[String] {
        &self.partners
    }

    pub fn deck_id(&self) -> &str {
        &self.deck_id
    }

    /// The seed the prompt order came from.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    pub fn started_at(&self) -> &Timestamp {
        &self.started_at
    }

    /// The prompts of this talk in the order they are (or were) asked.
    pub fn prompts(&self) -> &[Prompt] {
        &self.prompts
    }

    /// `Some(true)` or `Some(false)` once both partners answered "go deeper?".
    pub fn went_deeper(&self) -> Option<bool> {
        self.deeper
    }

    pub fn keeps_notes(&self) -> bool {
        self.keep_notes
    }

    /// Where the talk is among the prompts; `None` at check-in, closing and summary.
    pub fn progress(&self) -> Option<Progress<'_>> {
        if !self.step.is_at_prompt() {
            return None;
        }
        let prompt = self.prompts.get(self.prompt_index)?;
        let speaker = self.speaker();
        let listener = (self.mode == TalkMode::Couple).then(|| 1 - speaker);
        Some(Progress {
            prompt_index: self.prompt_index,
            prompt_count: self.prompts.len(),
            prompt,
            speaker,
            speaker_name: self.name(speaker),
            listener,
            listener_name: listener.map(|l| self.name(l)),
            timer_seconds: match self.mode {
                TalkMode::Couple => self.timer_seconds,
                TalkMode::Solo => None,
            },
        })
    }

    /// Partner `index`'s name; empty for an index a hand-edited draft does not hold.
    fn name(&self, index: usize) -> &str {
        self.partners.get(index).map_or("", String::as_str)
    }

    /// Who speaks at the current turn: the first speaker alternates from prompt to prompt.
    fn speaker(&self) -> usize {
        match self.mode {
            TalkMode::Couple => (self.prompt_index + self.turn_in_prompt) % 2,
            TalkMode::Solo => 0,
        }
    }
}
