//! One person's reflection alone, as a pure state machine: a check-in, a written
//! reflection and a clarity rating per prompt, the mood after. No IO, no clock.
//!
//! Choices made here:
//! - Nobody else takes part: no consent to go deeper, no listener, no timer, no
//!   closeness (the session's `closeness` is `[]`), no appreciation.
//! - A pass skips the prompt; the skipped turn has null clarity and no mark.
//! - The mark "bring to the talk" sends the prompt to the next couple talk (`carried_prompts`).
//! - With `keep_notes` false the reflection's words are never held, so none reach a draft.
//! - A break can be taken on any step before the summary; it records nothing.

mod draft;

use chrono::{DateTime, FixedOffset};

use crate::activity::event::Event;
use crate::deck::{Deck, Prompt};
use crate::journal::{Extra, Session, Timestamp, Turn};
use crate::mode::Mode;
use crate::talk::{TalkError, check_setup, plan, scale};

/// Which screen the reflection is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The mood before, 1-5, or skipped: [`Input::Mood`].
    CheckIn,
    /// The written reflection on the prompt: [`Input::Done`] or [`Input::Pass`].
    Reflection,
    /// How clear it feels, and whether to bring it to a talk: [`Input::Clarity`].
    Clarity,
    /// The mood after: [`Input::Mood`].
    MoodAfter,
    /// Paused; [`Input::Resume`] returns to the step it left.
    Break,
    /// Over; nothing more is taken.
    Summary,
}

impl Step {
    /// The step in words ("the clarity rating"), for messages and tests.
    pub fn name(self) -> &'static str {
        match self {
            Step::CheckIn => "the check-in",
            Step::Reflection => "the reflection",
            Step::Clarity => "the clarity rating",
            Step::MoodAfter => "the mood after",
            Step::Break => "a break",
            Step::Summary => "the summary",
        }
    }
}

/// What the person chose on the current screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Mood 1-5; `None` skips.
    Mood(Option<u8>),
    /// The reflection is written (blank is fine); `seconds` spent on it.
    Done {
        text: String,
        seconds: Option<u64>,
    },
    /// Pass this prompt, no reason needed.
    Pass,
    /// Clarity 1-5 (or `None`) and the mark to bring the prompt to a talk.
    Clarity {
        clarity: Option<u8>,
        bring_to_talk: bool,
    },
    Break,
    Resume,
    /// From the clarity rating back to the writing, to change it.
    Back,
}

impl Input {
    fn name(&self) -> &'static str {
        match self {
            Input::Mood(_) => "a mood",
            Input::Done { .. } => "a written reflection",
            Input::Pass => "a pass",
            Input::Clarity { .. } => "a clarity rating",
            Input::Break => "a break",
            Input::Resume => "resuming",
            Input::Back => "going back",
        }
    }
}

fn wrong(step: Step, input: &Input) -> TalkError {
    TalkError::WrongInput {
        step: step.name(),
        input: input.name(),
    }
}

/// Everything chosen on the setup screen for a reflection.
#[derive(Debug, Clone)]
pub struct ReflectionSetup {
    pub name: String,
    pub deck: Deck,
    pub prompts: usize,
    pub keep_notes: bool,
    pub seed: u64,
    pub started_at: DateTime<FixedOffset>,
}

/// One prompt reflected on (or passed).
#[derive(Debug, Clone, Default, PartialEq)]
struct Written {
    prompt_id: String,
    prompt: String,
    text: Option<String>,
    seconds: Option<u64>,
    skipped: bool,
    clarity: Option<u8>,
    bring_to_talk: bool,
}

/// A reflection in progress.
#[derive(Debug, Clone, PartialEq)]
pub struct Reflection {
    id: String,
    name: String,
    deck_id: String,
    seed: u64,
    keep_notes: bool,
    started_at: Timestamp,
    prompts: Vec<Prompt>,
    mood_before: Option<u8>,
    mood_after: Option<u8>,
    written: Vec<Written>,
    current: Option<Written>,
    prompt_index: usize,
    step: Step,
    paused: bool,
}

/// Where the reflection is among its prompts.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress<'a> {
    pub prompt_index: usize,
    pub prompt_count: usize,
    pub prompt: &'a Prompt,
}

impl Reflection {
    pub fn new(setup: ReflectionSetup) -> Result<Reflection, TalkError> {
        let names = check_setup(Mode::Solo, std::slice::from_ref(&setup.name), &setup.deck)?;
        if setup.prompts == 0 {
            return Err(TalkError::NoPrompts);
        }
        let plan = plan::plan(&setup.deck.prompts, &[], setup.prompts, setup.seed);
        if plan.prompts.is_empty() {
            return Err(TalkError::EmptyDeck {
                deck: setup.deck.id.clone(),
            });
        }
        Ok(Reflection {
            id: uuid::Uuid::new_v4().to_string(),
            name: names.into_iter().next().unwrap_or_default(),
            deck_id: setup.deck.id.clone(),
            seed: setup.seed,
            keep_notes: setup.keep_notes,
            started_at: Timestamp::new(setup.started_at),
            prompts: plan.prompts,
            mood_before: None,
            mood_after: None,
            written: Vec::new(),
            current: None,
            prompt_index: 0,
            step: Step::CheckIn,
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

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The one name, as a list like a couple's partners.
    pub fn partners(&self) -> &[String] {
        std::slice::from_ref(&self.name)
    }

    pub fn deck_id(&self) -> &str {
        &self.deck_id
    }

    pub fn started_at(&self) -> &Timestamp {
        &self.started_at
    }

    pub fn prompts(&self) -> &[Prompt] {
        &self.prompts
    }

    pub fn keeps_notes(&self) -> bool {
        self.keep_notes
    }

    /// Prompts reflected on or passed so far.
    pub fn turns_recorded(&self) -> usize {
        self.written.len()
    }

    pub fn progress(&self) -> Option<Progress<'_>> {
        matches!(self.step, Step::Reflection | Step::Clarity).then_some(())?;
        Some(Progress {
            prompt_index: self.prompt_index,
            prompt_count: self.prompts.len(),
            prompt: self.prompts.get(self.prompt_index)?,
        })
    }

    /// What was written on the current prompt, for the writing gone back to.
    pub fn current_text(&self) -> Option<&str> {
        self.current.as_ref().and_then(|w| w.text.as_deref())
    }

    /// Take one input and say what happened. On an error nothing changes.
    pub fn apply(&mut self, input: Input) -> Result<Vec<Event>, TalkError> {
        if self.paused {
            return match input {
                Input::Resume => {
                    self.paused = false;
                    Ok(vec![Event::BreakEnded])
                }
                other => Err(wrong(Step::Break, &other)),
            };
        }
        let mut events = Vec::new();
        match (self.step, input) {
            (Step::Summary, input) => return Err(wrong(Step::Summary, &input)),
            (_, Input::Break) => {
                self.paused = true;
                events.push(Event::BreakStarted);
            }
            (Step::CheckIn, Input::Mood(value)) => {
                self.mood_before = scale("mood", value, 5)?;
                self.start_prompt(0, &mut events);
            }
            (Step::Reflection, Input::Done { text, seconds }) => {
                let text = text.trim();
                let kept = (self.keep_notes && !text.is_empty()).then(|| text.to_string());
                let current = self.current();
                current.text = kept;
                current.seconds = seconds;
                self.enter(Step::Clarity, &mut events);
            }
            (Step::Reflection, Input::Pass) => {
                self.current().skipped = true;
                self.record(&mut events);
            }
            (
                Step::Clarity,
                Input::Clarity {
                    clarity,
                    bring_to_talk,
                },
            ) => {
                let clarity = scale("clarity", clarity, 5)?;
                let current = self.current();
                current.clarity = clarity;
                current.bring_to_talk = bring_to_talk;
                self.record(&mut events);
            }
            (Step::Clarity, Input::Back) => self.enter(Step::Reflection, &mut events),
            (Step::MoodAfter, Input::Mood(value)) => {
                self.mood_after = scale("mood", value, 5)?;
                self.enter(Step::Summary, &mut events);
                events.push(Event::Finished);
            }
            (step, input) => return Err(wrong(step, &input)),
        }
        Ok(events)
    }

    fn enter(&mut self, step: Step, events: &mut Vec<Event>) {
        self.step = step;
        events.push(Event::StepEntered);
    }

    fn start_prompt(&mut self, index: usize, events: &mut Vec<Event>) {
        self.prompt_index = index;
        self.current = None;
        if index < self.prompts.len() {
            self.current = Some(self.fresh());
            self.enter(Step::Reflection, events);
        } else {
            self.enter(Step::MoodAfter, events);
        }
    }

    fn fresh(&self) -> Written {
        let prompt = self.prompts.get(self.prompt_index);
        Written {
            prompt_id: prompt.map(|p| p.id.clone()).unwrap_or_default(),
            prompt: prompt.map(|p| p.text.clone()).unwrap_or_default(),
            ..Written::default()
        }
    }

    fn current(&mut self) -> &mut Written {
        let written = match self.current.take() {
            Some(written) => written,
            None => self.fresh(),
        };
        self.current.insert(written)
    }

    /// The prompt is done: keep it and go on to the next.
    fn record(&mut self, events: &mut Vec<Event>) {
        let written = match self.current.take() {
            Some(written) => written,
            None => self.fresh(),
        };
        self.written.push(written);
        events.push(Event::TurnRecorded);
        self.start_prompt(self.prompt_index + 1, events);
    }

    /// The journal entry: a solo session; the reflection's words are its turns' notes.
    pub fn to_session(&self, ended_at: DateTime<FixedOffset>, completed: bool) -> Session {
        Session {
            id: self.id.clone(),
            mode: Mode::Solo.into(),
            started_at: self.started_at.clone(),
            ended_at: Some(Timestamp::new(ended_at)),
            completed,
            deck_id: self.deck_id.clone(),
            partners: vec![self.name.clone()],
            mood_before: vec![self.mood_before],
            mood_after: vec![self.mood_after],
            closeness: Vec::new(),
            turns: self.written.iter().map(|w| self.turn(w)).collect(),
            extra: Extra::new(),
        }
    }

    fn turn(&self, written: &Written) -> Turn {
        Turn {
            prompt_id: written.prompt_id.clone(),
            prompt: written.prompt.clone(),
            speaker: 0,
            felt_heard: None,
            felt_validated: None,
            listener_guess: None,
            clarity: Some(written.clarity),
            bring_to_talk: Some(Some(written.bring_to_talk)),
            seconds: Some(written.seconds),
            skipped: written.skipped,
            note: written
                .text
                .clone()
                .filter(|t| self.keep_notes && !t.is_empty()),
            extra: Extra::new(),
        }
    }
}
