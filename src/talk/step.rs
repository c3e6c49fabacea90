//! The steps of a talk, the input each one takes, and the moves between them.

use serde::{Deserialize, Serialize};

use super::plan::{self, DEEP};
use super::{Answer, Talk, TalkError, TalkMode};

/// Which screen the talk is on. Each variant names the inputs it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    /// A partner picks a mood 1-5 before the talk, or skips: [`Input::Mood`].
    CheckIn { partner: usize },
    /// Before the first deep prompt, each partner in turn: [`Input::Consent`].
    DeeperConsent { partner: usize },
    /// The speaker card: [`Input::Done`] (with an optional private note) or [`Input::Pass`].
    Speaker,
    /// The listener card (mirror, validate, empathize): [`Input::Continue`] or [`Input::Pass`].
    Listener,
    /// The listener's hidden guess of how heard the speaker felt: [`Input::Guess`].
    ListenerGuess,
    /// The speaker rates felt heard and felt validated: [`Input::Rate`].
    Rating,
    /// The guess beside the rating, shown only when a guess was made: [`Input::Continue`].
    Reveal { guess: u8, felt_heard: Option<u8> },
    /// Solo: the written reflection, [`Input::Done`] or [`Input::Pass`].
    Reflection,
    /// Solo: how clear it feels, and whether to bring it to a talk: [`Input::Clarity`].
    Clarity,
    /// Couple closing, per partner: the circles picture 1-7, [`Input::Closeness`].
    Closeness { partner: usize },
    /// Closing, per partner: [`Input::Mood`].
    MoodAfter { partner: usize },
    /// Couple closing, per partner, may be empty: [`Input::Appreciation`].
    Appreciation { partner: usize },
    /// Paused; [`Input::Resume`] returns to the step it left.
    Break,
    /// The talk is over; nothing more is taken.
    Summary,
}

impl Step {
    /// Whether this step belongs to a prompt (progress applies).
    pub fn is_at_prompt(self) -> bool {
        matches!(
            self,
            Step::DeeperConsent { .. }
                | Step::Speaker
                | Step::Listener
                | Step::ListenerGuess
                | Step::Rating
                | Step::Reveal { .. }
                | Step::Reflection
                | Step::Clarity
        )
    }

    fn name(self) -> &'static str {
        match self {
            Step::CheckIn { .. } => "the check-in",
            Step::DeeperConsent { .. } => "the question about going deeper",
            Step::Speaker => "the speaker card",
            Step::Listener => "the listener card",
            Step::ListenerGuess => "the listener's guess",
            Step::Rating => "the rating",
            Step::Reveal { .. } => "the reveal",
            Step::Reflection => "the reflection",
            Step::Clarity => "the clarity rating",
            Step::Closeness { .. } => "closeness",
            Step::MoodAfter { .. } => "the mood after",
            Step::Appreciation { .. } => "the appreciation",
            Step::Break => "a break",
            Step::Summary => "the summary",
        }
    }
}

/// What a partner chose on the current screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Mood 1-5 (check-in or closing); `None` skips.
    Mood { partner: usize, value: Option<u8> },
    /// "Go deeper?": yes or not today.
    Consent { partner: usize, yes: bool },
    /// The speaker finished (or the solo reflection is written). The note is kept only
    /// when notes are kept and it is not blank; `seconds` is the time spoken, when timed.
    Done { note: String, seconds: Option<u64> },
    /// Pass this turn, no reason needed.
    Pass,
    /// On from the listener card or the reveal.
    Continue,
    /// The listener's guess 1-5; `None` skips it.
    Guess(Option<u8>),
    /// Felt heard and felt validated, 1-5 each; `None` leaves one unanswered.
    Rate {
        felt_heard: Option<u8>,
        felt_validated: Option<u8>,
    },
    /// Solo: clarity 1-5 (or `None`) and the mark to bring the prompt to a talk.
    Clarity {
        clarity: Option<u8>,
        bring_to_talk: bool,
    },
    /// Closeness 1-7; `None` skips.
    Closeness { partner: usize, value: Option<u8> },
    /// A line of appreciation; empty is fine.
    Appreciation { partner: usize, text: String },
    /// Pause the talk; nothing is recorded.
    Break,
    /// Back from a break to the same step.
    Resume,
}

impl Input {
    fn name(&self) -> &'static str {
        match self {
            Input::Mood { .. } => "a mood",
            Input::Consent { .. } => "an answer about going deeper",
            Input::Done { .. } => "finishing a turn",
            Input::Pass => "a pass",
            Input::Continue => "going on",
            Input::Guess(_) => "a guess",
            Input::Rate { .. } => "a rating",
            Input::Clarity { .. } => "a clarity rating",
            Input::Closeness { .. } => "closeness",
            Input::Appreciation { .. } => "an appreciation",
            Input::Break => "a break",
            Input::Resume => "resuming",
        }
    }
}

fn wrong(step: Step, input: &Input) -> TalkError {
    TalkError::WrongInput {
        step: step.name(),
        input: input.name(),
    }
}

/// A 1..=max answer or a skip.
fn scale(what: &'static str, value: Option<u8>, max: u8) -> Result<Option<u8>, TalkError> {
    match value {
        Some(v) if !(1..=max).contains(&v) => Err(TalkError::OutOfRange {
            what,
            value: v,
            max,
        }),
        _ => Ok(value),
    }
}

fn same_partner(expected: usize, got: usize) -> Result<(), TalkError> {
    if expected == got {
        Ok(())
    } else {
        Err(TalkError::NotYourTurn { expected, got })
    }
}

/// The slot of partner `index`, grown if a hand-edited draft left it short.
fn slot<T: Clone>(slots: &mut Vec<Option<T>>, index: usize) -> &mut Option<T> {
    if slots.len() <= index {
        slots.resize(index + 1, None);
    }
    &mut slots[index]
}

impl Talk {
    /// Take one input. On an error nothing changes.
    pub fn apply(&mut self, input: Input) -> Result<(), TalkError> {
        if self.paused {
            return match input {
                Input::Resume => {
                    self.paused = false;
                    Ok(())
                }
                other => Err(wrong(Step::Break, &other)),
            };
        }
        let partners = self.partners.len();
        match (self.step, input) {
            (Step::Summary, input) => return Err(wrong(Step::Summary, &input)),
            (_, Input::Break) => self.paused = true,

            (
                Step::CheckIn { partner },
                Input::Mood {
                    partner: who,
                    value,
                },
            ) => {
                same_partner(partner, who)?;
                *slot(&mut self.mood_before, partner) = scale("mood", value, 5)?;
                if partner + 1 < partners {
                    self.step = Step::CheckIn {
                        partner: partner + 1,
                    };
                } else {
                    self.start_prompt(0);
                }
            }

            (Step::DeeperConsent { partner }, Input::Consent { partner: who, yes }) => {
                same_partner(partner, who)?;
                *slot(&mut self.consent, partner) = Some(yes);
                if partner + 1 < partners {
                    self.step = Step::DeeperConsent {
                        partner: partner + 1,
                    };
                } else {
                    let all_yes = self.consent.iter().all(|c| *c == Some(true));
                    self.deeper = Some(all_yes);
                    if !all_yes {
                        plan::stay_lighter(&mut self.prompts, &mut self.spares, self.prompt_index);
                    }
                    self.start_prompt(self.prompt_index);
                }
            }

            (Step::Speaker, Input::Done { note, seconds }) => {
                let note = self.kept(note);
                let answer = self.current_answer();
                answer.note = note;
                answer.seconds = seconds;
                self.step = Step::Listener;
            }
            (Step::Listener, Input::Continue) => {
                self.step = if self.listener_guess {
                    Step::ListenerGuess
                } else {
                    Step::Rating
                };
            }
            (Step::ListenerGuess, Input::Guess(value)) => {
                let guess = scale("the guess", value, 5)?;
                self.current_answer().guess = guess;
                self.step = Step::Rating;
            }
            (
                Step::Rating,
                Input::Rate {
                    felt_heard,
                    felt_validated,
                },
            ) => {
                let felt_heard = scale("felt heard", felt_heard, 5)?;
                let felt_validated = scale("felt validated", felt_validated, 5)?;
                let answer = self.current_answer();
                answer.felt_heard = felt_heard;
                answer.felt_validated = felt_validated;
                let guess = answer.guess;
                self.record_current();
                match guess {
                    Some(guess) => self.step = Step::Reveal { guess, felt_heard },
                    None => self.next_turn(),
                }
            }
            (Step::Reveal { .. }, Input::Continue) => self.next_turn(),

            (Step::Speaker | Step::Listener | Step::Reflection, Input::Pass) => {
                self.current_answer().skipped = true;
                self.record_current();
                self.next_turn();
            }

            (Step::Reflection, Input::Done { note, seconds }) => {
                let note = self.kept(note);
                let answer = self.current_answer();
                answer.note = note;
                answer.seconds = seconds;
                self.step = Step::Clarity;
            }
            (
                Step::Clarity,
                Input::Clarity {
                    clarity,
                    bring_to_talk,
                },
            ) => {
                let clarity = scale("clarity", clarity, 5)?;
                let answer = self.current_answer();
                answer.clarity = clarity;
                answer.bring_to_talk = bring_to_talk;
                self.record_current();
                self.next_turn();
            }

            (
                Step::Closeness { partner },
                Input::Closeness {
                    partner: who,
                    value,
                },
            ) => {
                same_partner(partner, who)?;
                *slot(&mut self.closeness, partner) = scale("closeness", value, 7)?;
                self.step = Step::MoodAfter { partner };
            }
            (
                Step::MoodAfter { partner },
                Input::Mood {
                    partner: who,
                    value,
                },
            ) => {
                same_partner(partner, who)?;
                *slot(&mut self.mood_after, partner) = scale("mood", value, 5)?;
                self.step = match self.mode {
                    TalkMode::Couple => Step::Appreciation { partner },
                    TalkMode::Solo => Step::Summary,
                };
            }
            (Step::Appreciation { partner }, Input::Appreciation { partner: who, text }) => {
                same_partner(partner, who)?;
                *slot(&mut self.appreciations, partner) = self.kept(text);
                self.step = if partner + 1 < partners {
                    Step::Closeness {
                        partner: partner + 1,
                    }
                } else {
                    Step::Summary
                };
            }

            (step, input) => return Err(wrong(step, &input)),
        }
        Ok(())
    }

    /// Free text as the talk may hold it: nothing at all unless notes are kept.
    fn kept(&self, text: String) -> Option<String> {
        let text = text.trim();
        (self.keep_notes && !text.is_empty()).then(|| text.to_string())
    }

    /// Move to prompt `index`: ask about going deeper first if it is the first deep one.
    fn start_prompt(&mut self, index: usize) {
        self.prompt_index = index;
        self.turn_in_prompt = 0;
        self.current = None;
        match self.prompts.get(index) {
            None => {
                self.step = match self.mode {
                    TalkMode::Couple => Step::Closeness { partner: 0 },
                    TalkMode::Solo => Step::MoodAfter { partner: 0 },
                }
            }
            Some(prompt)
                if prompt.depth >= DEEP
                    && self.mode == TalkMode::Couple
                    && self.deeper.is_none() =>
            {
                self.step = Step::DeeperConsent { partner: 0 }
            }
            Some(_) => self.begin_turn(),
        }
    }

    fn begin_turn(&mut self) {
        self.current = Some(self.fresh_answer());
        self.step = match self.mode {
            TalkMode::Couple => Step::Speaker,
            TalkMode::Solo => Step::Reflection,
        };
    }

    fn next_turn(&mut self) {
        if self.mode == TalkMode::Couple && self.turn_in_prompt == 0 {
            self.turn_in_prompt = 1;
            self.begin_turn();
        } else {
            self.start_prompt(self.prompt_index + 1);
        }
    }

    fn fresh_answer(&self) -> Answer {
        let prompt = self.prompts.get(self.prompt_index);
        Answer {
            prompt_id: prompt.map(|p| p.id.clone()).unwrap_or_default(),
            prompt: prompt.map(|p| p.text.clone()).unwrap_or_default(),
            speaker: self.speaker(),
            ..Answer::default()
        }
    }

    fn current_answer(&mut self) -> &mut Answer {
        if self.current.is_none() {
            self.current = Some(self.fresh_answer());
        }
        self.current.get_or_insert_with(Answer::default)
    }

    fn record_current(&mut self) {
        let answer = match self.current.take() {
            Some(answer) => answer,
            None => self.fresh_answer(),
        };
        self.answers.push(answer);
    }
}
