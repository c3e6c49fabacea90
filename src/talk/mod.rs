//! The prompt talk of a couple as a pure state machine: check-in, prompts and turns,
//! ratings, closing. No IO, no clock.
//!
//! The TUI, the tests and the therapist demo all drive a [`Talk`] the same way: look at
//! [`Talk::step`] to know which screen to show, then [`Talk::apply`] what the partners chose;
//! `apply` says what happened as a list of [`Event`]s. A wrong input for the step, or a
//! value out of range, is a [`TalkError`] and changes nothing.
//!
//! Choices made here (the rest of the app relies on them):
//! - Both partners answer every prompt; the first partner speaks first on prompt 1, the
//!   second on prompt 2, and so on. A topic brought from a reflection alone (`brought`)
//!   opens the talk with its writer speaking first; the alternation goes on from there.
//! - A pass (on the speaker or listener card) skips only that speaker's turn: the other
//!   partner still gets their turn at the prompt. The skipped turn keeps null ratings; a
//!   pass on the listener card keeps the note and seconds the speaker already gave.
//! - A note belongs to the turn of the speaker who wrote it; every turn begins with none.
//! - `seconds` is written on every turn, null when the TUI gave none.
//! - The listener's guess, when on, comes after the listener card and before the speaker
//!   rates; the rating screen shows it beside the rating once both scales are answered,
//!   and the talk goes straight on ([`Step::Reveal`] is only resumed from old drafts).
//! - The turn is recorded as soon as the speaker rates, so a draft saved after a rating
//!   holds it. A turn still being answered is not part of an unfinished session.
//! - Before the first deep prompt both partners are asked, one after the other, and the
//!   answer is decided only when both have answered, so the screen never shows who said
//!   no. A "no" is final for the talk (plan.rs says what replaces deep prompts).
//! - When the speaker rates felt heard 2 or lower, they are asked whether the listener may
//!   try again: a short second round (the speaker says what was missed, the listener
//!   mirrors again, no guess, the speaker rates again). Once per turn. Both ratings are
//!   kept: the turn's own fields hold the last, `attempts` all of them in order.
//! - Closing goes partner by partner: closeness, mood after, appreciation.
//! - Appreciations go in the session's `extra` as `"appreciations": [text or null, ...]`,
//!   one per partner, present only when one was written. With `keep_notes` false no free
//!   text (notes, appreciations) is ever held, so none reaches a draft.
//! - A break can be taken on any step before the summary; it records nothing.
//!
//! One person's reflection alone is its own engine, in the `reflection` module.

pub mod brought;
pub mod draft;
pub mod plan;
mod session;
mod step;

pub use brought::Brought;
pub use plan::DEEP;
pub use step::{Input, Step, scale};

use chrono::{DateTime, FixedOffset};

pub use crate::activity::event::Event;
use crate::deck::{Deck, Prompt};
use crate::journal::Timestamp;
use crate::mode::{Mode, Partner};

/// Everything chosen on the setup screen for a couple talk.
#[derive(Debug, Clone)]
pub struct TalkSetup {
    /// The two names, in the order given.
    pub partners: Vec<String>,
    pub deck: Deck,
    /// How many prompts to ask; fewer when the deck has fewer.
    pub prompts: usize,
    /// The speaking timer, or `None` when it is off. Only shown; the TUI runs the clock.
    pub timer_seconds: Option<u32>,
    /// Whether the listener guesses, hidden, how heard the speaker felt.
    pub listener_guess: bool,
    /// Whether private notes are kept at all.
    pub keep_notes: bool,
    /// Seeds the shuffle within each depth; recorded so the order can be repeated.
    pub seed: u64,
    pub started_at: DateTime<FixedOffset>,
    /// Topics brought from reflections alone; the talk opens with them.
    pub brought: Vec<Brought>,
    /// The prompt ids of this couple's last talks (`plan::RECENT_TALKS`): asked again only
    /// when a depth has no other prompt left (SPEC section 10).
    pub recent: Vec<String>,
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
    #[error("it is partner {}'s turn here, not partner {}'s", .expected.index() + 1, .got.index() + 1)]
    NotYourTurn { expected: Partner, got: Partner },
}

/// One answered (or passed) turn, as the talk holds it until it becomes a journal `Turn`.
#[derive(Debug, Clone, PartialEq)]
struct Answer {
    prompt_id: String,
    prompt: String,
    speaker: Partner,
    note: Option<String>,
    seconds: Option<u64>,
    skipped: bool,
    felt_heard: Option<u8>,
    felt_validated: Option<u8>,
    guess: Option<u8>,
    /// Earlier ratings of this turn, when the speaker asked for a second round.
    attempts: Vec<Attempt>,
    /// This turn is in its second round: what was missed, mirrored again, rated again.
    second_round: bool,
}

/// One rating of a turn, kept when the listener tries again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt {
    pub felt_heard: Option<u8>,
    pub felt_validated: Option<u8>,
}

/// Felt heard at or below this did not land: the speaker is offered a second round.
pub const DID_NOT_LAND: u8 = 2;

/// A value for each partner, in the order they were named.
type Each<T> = [T; 2];

/// A couple's talk in progress. The store saves it as a draft (`journal::draft`) after
/// every input and resumes it after a crash.
#[derive(Debug, Clone, PartialEq)]
pub struct Talk {
    id: String,
    partners: Each<String>,
    deck_id: String,
    seed: u64,
    timer_seconds: Option<u32>,
    listener_guess: bool,
    keep_notes: bool,
    started_at: Timestamp,
    prompts: Vec<Prompt>,
    spares: Vec<Prompt>,
    /// The topics brought from reflections alone, each one of the prompts.
    brought: Vec<Brought>,
    /// Each partner's answer to "go deeper?" while it is being asked.
    consent: Each<Option<bool>>,
    /// `None` until both have answered; then whether the talk goes deeper.
    deeper: Option<bool>,
    mood_before: Each<Option<u8>>,
    mood_after: Each<Option<u8>>,
    closeness: Each<Option<u8>>,
    appreciations: Each<Option<String>>,
    answers: Vec<Answer>,
    /// The turn being answered, before its rating.
    current: Option<Answer>,
    prompt_index: usize,
    /// The partner who speaks second at this prompt has their turn.
    second_turn: bool,
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
    pub speaker: Partner,
    pub listener: Partner,
    /// Whether this is the second speaker's turn at the prompt.
    pub second_turn: bool,
    /// The speaking timer, when the talk has one.
    pub timer_seconds: Option<u32>,
    /// The topic this prompt is, when a partner brought it from a reflection alone.
    pub brought: Option<&'a Brought>,
}

/// Check the names and the deck for a talk of `mode`: trimmed names, one per partner,
/// none empty, and a deck made for this mode. Shared with the reflection.
pub fn check_setup(mode: Mode, names: &[String], deck: &Deck) -> Result<Vec<String>, TalkError> {
    let expected = mode.partner_count();
    if names.len() != expected {
        return Err(TalkError::PartnerCount {
            mode: mode.as_str(),
            expected,
            got: names.len(),
        });
    }
    let names: Vec<String> = names.iter().map(|n| n.trim().to_string()).collect();
    if let Some(index) = names.iter().position(String::is_empty) {
        return Err(TalkError::EmptyName { number: index + 1 });
    }
    if !deck.supports(mode) {
        return Err(TalkError::DeckMode {
            deck: deck.id.clone(),
            mode: mode.as_str(),
        });
    }
    Ok(names)
}

impl Talk {
    pub fn new(setup: TalkSetup) -> Result<Talk, TalkError> {
        let names = check_setup(Mode::Couple, &setup.partners, &setup.deck)?;
        if setup.prompts == 0 {
            return Err(TalkError::NoPrompts);
        }
        let opening: Vec<Prompt> = setup.brought.iter().map(Brought::prompt).collect();
        let plan = plan::plan(
            &setup.deck.prompts,
            &opening,
            setup.prompts,
            setup.seed,
            &setup.recent,
        );
        if plan.prompts.is_empty() {
            return Err(TalkError::EmptyDeck {
                deck: setup.deck.id.clone(),
            });
        }
        let [first, second]: [String; 2] = names.try_into().unwrap_or_default();
        Ok(Talk {
            id: uuid::Uuid::new_v4().to_string(),
            partners: [first, second],
            deck_id: setup.deck.id.clone(),
            seed: setup.seed,
            timer_seconds: setup.timer_seconds,
            listener_guess: setup.listener_guess,
            keep_notes: setup.keep_notes,
            started_at: Timestamp::new(setup.started_at),
            prompts: plan.prompts,
            spares: plan.spares,
            brought: setup.brought,
            consent: [None; 2],
            deeper: None,
            mood_before: [None; 2],
            mood_after: [None; 2],
            closeness: [None; 2],
            appreciations: [None, None],
            answers: Vec::new(),
            current: None,
            prompt_index: 0,
            second_turn: false,
            step: Step::CheckIn {
                partner: Partner::First,
            },
            paused: false,
        })
    }

    /// The screen to show now: [`Step::Break`] while paused.
    pub fn step(&self) -> Step {
        if self.paused { Step::Break } else { self.step }
    }

    /// The step waiting behind a break (the step itself when there is no break).
    pub fn step_behind_break(&self) -> Step {
        self.step
    }

    pub fn is_finished(&self) -> bool {
        self.step == Step::Summary
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn partners(&self) -> &[String] {
        &self.partners
    }

    /// A partner's name as given.
    pub fn name(&self, partner: Partner) -> &str {
        &self.partners[partner.index()]
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

    /// Turns recorded so far (rated or passed).
    pub fn turns_recorded(&self) -> usize {
        self.answers.len()
    }

    /// How many prompts from the current one on go deeper: what "go deeper?" asks about.
    pub fn deep_prompts_left(&self) -> usize {
        self.prompts
            .iter()
            .skip(self.prompt_index)
            .filter(|p| p.depth >= DEEP)
            .count()
    }

    /// `Some(true)` or `Some(false)` once both partners answered "go deeper?".
    pub fn went_deeper(&self) -> Option<bool> {
        self.deeper
    }

    pub fn keeps_notes(&self) -> bool {
        self.keep_notes
    }

    /// The guess to show beside the rating: the listener's, in the first round only.
    pub fn guess_to_show(&self) -> Option<u8> {
        self.current_guess().filter(|_| !self.in_second_round())
    }

    /// Whether the turn being answered is in its second round.
    pub fn in_second_round(&self) -> bool {
        self.current.as_ref().is_some_and(|a| a.second_round)
    }

    /// Whether the listener guesses, hidden, before the speaker rates.
    pub fn asks_guess(&self) -> bool {
        self.listener_guess
    }

    /// Where the talk is among the prompts; `None` at check-in, closing and summary.
    pub fn progress(&self) -> Option<Progress<'_>> {
        if !self.step.is_at_prompt() {
            return None;
        }
        let prompt = self.prompts.get(self.prompt_index)?;
        let speaker = self.speaker();
        Some(Progress {
            prompt_index: self.prompt_index,
            prompt_count: self.prompts.len(),
            prompt,
            speaker,
            listener: speaker.other(),
            second_turn: self.second_turn,
            timer_seconds: self.timer_seconds,
            brought: self.brought.iter().find(|b| b.prompt_id() == prompt.id),
        })
    }

    /// The topics this talk opens with.
    pub fn brought(&self) -> &[Brought] {
        &self.brought
    }

    /// Who speaks first at prompt `index`: a brought topic's writer, else the other one
    /// than at the prompt before (the first partner at the first prompt).
    fn first_speaker(&self, index: usize) -> Partner {
        let mut first = Partner::Second;
        for prompt in self.prompts.iter().take(index + 1) {
            first = match self.brought.iter().find(|b| b.prompt_id() == prompt.id) {
                Some(brought) => brought.by,
                None => first.other(),
            };
        }
        first
    }

    /// Who speaks at the current turn.
    fn speaker(&self) -> Partner {
        let first = self.first_speaker(self.prompt_index);
        if self.second_turn {
            first.other()
        } else {
            first
        }
    }
}
