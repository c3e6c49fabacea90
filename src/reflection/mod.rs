//! One person's reflection alone, as a pure state machine: a check-in, the topic, a written
//! reflection and a clarity rating per prompt, whether to bring it to the next talk, the
//! mood after. No IO, no clock.
//!
//! Choices made here:
//! - Nobody else takes part: no consent to go deeper, no listener, no timer, no
//!   closeness (the session's `closeness` is `[]`), no appreciation.
//! - A pass skips the prompt; the skipped turn has null clarity and no mark.
//! - The reflection prepares a talk: it starts with its topic ("What do you want to talk
//!   about?"), which may be skipped. When a topic was written, the last question is whether
//!   to bring it to the next talk; the mark is the session's, carried as `topic` and
//!   `bring_to_talk` in its extra (and `bring_to_talk` on every turn, as SPEC section 3
//!   has it). The next talk of the writer's couple may open with the topic (`brought`).
//! - With `keep_notes` false the reflection's words are never held, so none reach a draft:
//!   no topic is kept either, so there is nothing to bring.
//! - A break can be taken on any step before the summary; it records nothing.

mod draft;

use chrono::{DateTime, FixedOffset};

use crate::activity::event::Event;
use crate::deck::{Deck, Prompt};
use crate::journal::{Extra, Session, Timestamp, Turn};
use crate::mode::Mode;
use crate::talk::{TalkError, check_setup, plan, scale};

/// The session field holding a reflection's topic (private to its writer, SPEC section 6).
pub const TOPIC: &str = "topic";
/// The session field marking a reflection's topic to bring to the next talk.
pub const BRING: &str = "bring_to_talk";

/// Which screen the reflection is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The mood before, 1-5, or skipped: [`Input::Mood`].
    CheckIn,
    /// What the talk to prepare is about: [`Input::Topic`].
    Topic,
    /// The written reflection on the prompt: [`Input::Done`] or [`Input::Pass`].
    Reflection,
    /// How clear it feels: [`Input::Clarity`].
    Clarity,
    /// Bring the topic to the next talk? [`Input::Bring`]. Only after a topic was kept.
    Bring,
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
            Step::Topic => "the topic",
            Step::Reflection => "the reflection",
            Step::Clarity => "the clarity rating",
            Step::Bring => "the question about bringing it",
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
    /// The topic in a few words; blank (or `None`, the skip key) goes on without one.
    Topic(Option<String>),
    /// The reflection is written (blank is fine); `seconds` spent on it.
    Done {
        text: String,
        seconds: Option<u64>,
    },
    /// Pass this prompt, no reason needed.
    Pass,
    /// Clarity 1-5, or `None` when skipped.
    Clarity {
        clarity: Option<u8>,
    },
    /// Whether to bring the topic (and these notes, for the writer's eyes) to the next talk.
    Bring {
        yes: bool,
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
            Input::Topic(_) => "a topic",
            Input::Done { .. } => "a written reflection",
            Input::Pass => "a pass",
            Input::Clarity { .. } => "a clarity rating",
            Input::Bring { .. } => "an answer about bringing it",
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
    /// What the talk to prepare is about, when one was written and notes are kept.
    topic: Option<String>,
    /// `None` until asked; whether to bring the topic to the next talk.
    bring: Option<bool>,
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
        let plan = plan::plan(&setup.deck.prompts, &[], setup.prompts, setup.seed, &[]);
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
            topic: None,
            bring: None,
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

    /// The topic of the talk being prepared, when one was written.
    pub fn topic(&self) -> Option<&str> {
        self.topic.as_deref()
    }

    /// Whether the topic is to be brought to the next talk (`None` until asked).
    pub fn brings_topic(&self) -> Option<bool> {
        self.bring
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
                self.enter(Step::Topic, &mut events);
            }
            (Step::Topic, Input::Topic(text)) => {
                let text = text.as_deref().map(str::trim).unwrap_or_default();
                self.topic = (self.keep_notes && !text.is_empty()).then(|| text.to_string());
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
            (Step::Clarity, Input::Clarity { clarity }) => {
                self.current().clarity = scale("clarity", clarity, 5)?;
                self.record(&mut events);
            }
            (Step::Bring, Input::Bring { yes }) => {
                self.bring = Some(yes);
                self.enter(Step::MoodAfter, &mut events);
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
        } else if self.topic.is_some() {
            self.enter(Step::Bring, events);
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
            extra: self.extra(),
        }
    }

    /// The topic and the mark to bring it, when there is a topic.
    fn extra(&self) -> Extra {
        let mut extra = Extra::new();
        if let Some(topic) = &self.topic {
            extra.insert(TOPIC.to_string(), topic.clone().into());
            extra.insert(BRING.to_string(), self.brings().into());
        }
        extra
    }

    fn brings(&self) -> bool {
        self.topic.is_some() && self.bring == Some(true)
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
            bring_to_talk: Some(Some(self.brings())),
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
