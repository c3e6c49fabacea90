//! The steps of a talk, the input each one takes, and the moves between them.

use super::plan::{self, DEEP};
use super::{Answer, Attempt, DID_NOT_LAND, Event, Talk, TalkError};
use crate::mode::Partner;

/// Which screen the talk is on. Each variant names the inputs it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A partner picks a mood 1-5 before the talk, or skips: [`Input::Mood`].
    CheckIn { partner: Partner },
    /// Before the first deep prompt, each partner in turn: [`Input::Consent`].
    DeeperConsent { partner: Partner },
    /// The speaker card: [`Input::Done`] (with an optional private note) or [`Input::Pass`].
    Speaker,
    /// The listener card (mirror, validate, empathize): [`Input::Continue`] or [`Input::Pass`].
    Listener,
    /// The listener's hidden guess of how heard the speaker felt: [`Input::Guess`].
    ListenerGuess,
    /// The speaker rates felt heard and felt validated: [`Input::Rate`].
    Rating,
    /// The guess beside the rating: [`Input::Continue`]. No longer entered (the rating
    /// screen shows the guess); kept so a draft saved here by an earlier heard resumes.
    Reveal { guess: u8, felt_heard: Option<u8> },
    /// It did not land: would the speaker like the listener to try again? [`Input::TryAgain`].
    TryAgain,
    /// Closing, per partner: the circles picture 1-7, [`Input::Closeness`].
    Closeness { partner: Partner },
    /// Closing, per partner: [`Input::Mood`].
    MoodAfter { partner: Partner },
    /// Closing, per partner, may be empty: [`Input::Appreciation`].
    Appreciation { partner: Partner },
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
                | Step::TryAgain
        )
    }

    /// The step in words ("the rating"), for messages and tests.
    pub fn name(self) -> &'static str {
        match self {
            Step::CheckIn { .. } => "the check-in",
            Step::DeeperConsent { .. } => "the question about going deeper",
            Step::Speaker => "the speaker card",
            Step::Listener => "the listener card",
            Step::ListenerGuess => "the listener's guess",
            Step::Rating => "the rating",
            Step::Reveal { .. } => "the reveal",
            Step::TryAgain => "the offer to try again",
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
    Mood { partner: Partner, value: Option<u8> },
    /// "Go deeper?": yes or not today.
    Consent { partner: Partner, yes: bool },
    /// The speaker finished. The note is kept only
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
    /// Closeness 1-7; `None` skips.
    Closeness { partner: Partner, value: Option<u8> },
    /// A line of appreciation; empty is fine.
    Appreciation { partner: Partner, text: String },
    /// Pause the talk; nothing is recorded.
    Break,
    /// Back from a break to the same step.
    Resume,
    /// The speaker's answer to "would you like them to try again?".
    TryAgain { yes: bool },
    /// The speaker rates and asks for a second round, whatever the rating (first round).
    RateAndTryAgain {
        felt_heard: Option<u8>,
        felt_validated: Option<u8>,
    },
    /// Back to the previous step of this turn, to change an answer: from the listener card
    /// to the speaker card, from the guess to the listener card, from the rating to the
    /// listener card when no guess is asked. Never past a step the other partner answered
    /// privately (the guess), never back into a turn already recorded.
    Back,
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
            Input::Closeness { .. } => "closeness",
            Input::Appreciation { .. } => "an appreciation",
            Input::Break => "a break",
            Input::Resume => "resuming",
            Input::Back => "going back",
            Input::TryAgain { .. } => "an answer about trying again",
            Input::RateAndTryAgain { .. } => "a rating asking to try again",
        }
    }
}

pub(super) fn wrong(step: Step, input: &Input) -> TalkError {
    TalkError::WrongInput {
        step: step.name(),
        input: input.name(),
    }
}

/// A 1..=max answer or a skip.
pub fn scale(what: &'static str, value: Option<u8>, max: u8) -> Result<Option<u8>, TalkError> {
    match value {
        Some(v) if !(1..=max).contains(&v) => Err(TalkError::OutOfRange {
            what,
            value: v,
            max,
        }),
        _ => Ok(value),
    }
}

fn same_partner(expected: Partner, got: Partner) -> Result<(), TalkError> {
    if expected == got {
        Ok(())
    } else {
        Err(TalkError::NotYourTurn { expected, got })
    }
}

impl Talk {
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
            (step, input) => self.answer(step, input, &mut events)?,
        }
        if self.step == Step::Summary {
            events.push(Event::Finished);
        }
        Ok(events)
    }

    /// An input on a step of the talk (not a break).
    fn answer(
        &mut self,
        step: Step,
        input: Input,
        events: &mut Vec<Event>,
    ) -> Result<(), TalkError> {
        match (step, input) {
            (
                Step::CheckIn { partner },
                Input::Mood {
                    partner: who,
                    value,
                },
            ) => {
                same_partner(partner, who)?;
                self.mood_before[partner.index()] = scale("mood", value, 5)?;
                match partner.next() {
                    Some(next) => self.enter(Step::CheckIn { partner: next }, events),
                    None => self.start_prompt(0, events),
                }
            }
            (Step::DeeperConsent { partner }, Input::Consent { partner: who, yes }) => {
                same_partner(partner, who)?;
                self.consent[partner.index()] = Some(yes);
                match partner.next() {
                    Some(next) => self.enter(Step::DeeperConsent { partner: next }, events),
                    None => self.decide_deeper(events),
                }
            }
            (Step::Speaker, Input::Done { note, seconds }) => {
                let note = self.kept(note);
                let answer = self.current_answer();
                answer.note = note;
                answer.seconds = seconds;
                self.enter(Step::Listener, events);
            }
            (Step::Listener, Input::Continue) => {
                let next = if self.listener_guess && !self.in_second_round() {
                    Step::ListenerGuess
                } else {
                    Step::Rating
                };
                self.enter(next, events);
            }
            (Step::ListenerGuess, Input::Guess(value)) => {
                self.current_answer().guess = scale("the guess", value, 5)?;
                self.enter(Step::Rating, events);
            }
            (
                Step::Rating,
                Input::Rate {
                    felt_heard,
                    felt_validated,
                },
            ) => self.rate(felt_heard, felt_validated, events)?,
            (Step::Reveal { .. }, Input::Continue) => self.next_turn(events),
            (Step::TryAgain, Input::TryAgain { yes }) => self.try_again(yes, events),
            (
                Step::Rating,
                Input::RateAndTryAgain {
                    felt_heard,
                    felt_validated,
                },
            ) if !self.in_second_round() => self.ask_again(felt_heard, felt_validated, events)?,
            (Step::Listener, Input::Back) => self.enter(Step::Speaker, events),
            (Step::ListenerGuess, Input::Back) => self.enter(Step::Listener, events),
            (Step::Rating, Input::Back) if !self.listener_guess || self.in_second_round() => {
                self.enter(Step::Listener, events)
            }
            (Step::Speaker | Step::Listener, Input::Pass) => self.pass(events),
            (step, input) => return self.close(step, input, events),
        }
        Ok(())
    }

    /// The closing steps, partner by partner.
    fn close(
        &mut self,
        step: Step,
        input: Input,
        events: &mut Vec<Event>,
    ) -> Result<(), TalkError> {
        match (step, input) {
            (
                Step::Closeness { partner },
                Input::Closeness {
                    partner: who,
                    value,
                },
            ) => {
                same_partner(partner, who)?;
                self.closeness[partner.index()] = scale("closeness", value, 7)?;
                self.enter(Step::MoodAfter { partner }, events);
            }
            (
                Step::MoodAfter { partner },
                Input::Mood {
                    partner: who,
                    value,
                },
            ) => {
                same_partner(partner, who)?;
                self.mood_after[partner.index()] = scale("mood", value, 5)?;
                self.enter(Step::Appreciation { partner }, events);
            }
            (Step::Appreciation { partner }, Input::Appreciation { partner: who, text }) => {
                same_partner(partner, who)?;
                self.appreciations[partner.index()] = self.kept(text);
                let next = match partner.next() {
                    Some(next) => Step::Closeness { partner: next },
                    None => Step::Summary,
                };
                self.enter(next, events);
            }
            (step, input) => return Err(wrong(step, &input)),
        }
        Ok(())
    }

    /// The listener's hidden guess for the turn being rated, once made.
    pub fn current_guess(&self) -> Option<u8> {
        self.current.as_ref().and_then(|a| a.guess)
    }

    /// The note the speaker of the current turn gave, for a speaker card gone back to.
    pub fn current_note(&self) -> Option<&str> {
        self.current.as_ref().and_then(|a| a.note.as_deref())
    }

    fn rate(
        &mut self,
        felt_heard: Option<u8>,
        felt_validated: Option<u8>,
        events: &mut Vec<Event>,
    ) -> Result<(), TalkError> {
        let (felt_heard, felt_validated) = self.set_rating(felt_heard, felt_validated)?;
        let answer = self.current_answer();
        if answer.second_round {
            answer.attempts.push(Attempt {
                felt_heard,
                felt_validated,
            });
        } else if felt_heard.is_some_and(|v| v <= DID_NOT_LAND) {
            // Not recorded yet: a second round may change it.
            self.enter(Step::TryAgain, events);
            return Ok(());
        }
        // The rating screen shows the guess beside the rating once both are given, so the
        // talk goes straight on: one screen and one key fewer for every turn.
        self.record_current(events);
        self.next_turn(events);
        Ok(())
    }

    /// The speaker's answer to "would you like them to try again?": yes keeps the first
    /// rating in `attempts` and begins the second round with the same speaker.
    fn try_again(&mut self, yes: bool, events: &mut Vec<Event>) {
        if !yes {
            self.record_current(events);
            self.next_turn(events);
            return;
        }
        let answer = self.current_answer();
        answer.attempts.push(Attempt {
            felt_heard: answer.felt_heard.take(),
            felt_validated: answer.felt_validated.take(),
        });
        answer.second_round = true;
        self.enter(Step::Speaker, events);
    }

    /// The speaker's rating on the turn being answered, checked first: on an error
    /// nothing changes.
    fn set_rating(
        &mut self,
        felt_heard: Option<u8>,
        felt_validated: Option<u8>,
    ) -> Result<(Option<u8>, Option<u8>), TalkError> {
        let felt_heard = scale("felt heard", felt_heard, 5)?;
        let felt_validated = scale("felt validated", felt_validated, 5)?;
        let answer = self.current_answer();
        answer.felt_heard = felt_heard;
        answer.felt_validated = felt_validated;
        Ok((felt_heard, felt_validated))
    }

    /// The speaker rates and asks for a second round, whatever the rating.
    fn ask_again(
        &mut self,
        felt_heard: Option<u8>,
        felt_validated: Option<u8>,
        events: &mut Vec<Event>,
    ) -> Result<(), TalkError> {
        self.set_rating(felt_heard, felt_validated)?;
        self.try_again(true, events);
        Ok(())
    }

    /// A pass skips the turn; in the second round it ends that round and the turn stays
    /// as first rated.
    fn pass(&mut self, events: &mut Vec<Event>) {
        let answer = self.current_answer();
        if answer.second_round {
            if let Some(first) = answer.attempts.pop() {
                answer.felt_heard = first.felt_heard;
                answer.felt_validated = first.felt_validated;
            }
            answer.second_round = false;
        } else {
            answer.skipped = true;
        }
        self.record_current(events);
        self.next_turn(events);
    }

    /// Both answered "go deeper?": decide, and stay lighter unless both said yes.
    fn decide_deeper(&mut self, events: &mut Vec<Event>) {
        let all_yes = self.consent.iter().all(|c| *c == Some(true));
        self.deeper = Some(all_yes);
        if !all_yes {
            plan::stay_lighter(&mut self.prompts, &mut self.spares, self.prompt_index);
            events.push(Event::StayingLighter);
        }
        self.start_prompt(self.prompt_index, events);
    }

    fn enter(&mut self, step: Step, events: &mut Vec<Event>) {
        self.step = step;
        events.push(Event::StepEntered);
    }

    /// Free text as the talk may hold it: nothing at all unless notes are kept.
    fn kept(&self, text: String) -> Option<String> {
        let text = text.trim();
        (self.keep_notes && !text.is_empty()).then(|| text.to_string())
    }

    /// Move to prompt `index`: ask about going deeper first if it is the first deep one.
    fn start_prompt(&mut self, index: usize, events: &mut Vec<Event>) {
        self.prompt_index = index;
        self.second_turn = false;
        self.current = None;
        match self.prompts.get(index) {
            None => self.enter(
                Step::Closeness {
                    partner: Partner::First,
                },
                events,
            ),
            Some(prompt) if prompt.depth >= DEEP && self.deeper.is_none() => self.enter(
                Step::DeeperConsent {
                    partner: Partner::First,
                },
                events,
            ),
            Some(_) => self.begin_turn(events),
        }
    }

    /// A speaker's turn begins with nothing of the turn before: no note, no seconds.
    fn begin_turn(&mut self, events: &mut Vec<Event>) {
        self.current = Some(self.fresh_answer());
        self.enter(Step::Speaker, events);
    }

    fn next_turn(&mut self, events: &mut Vec<Event>) {
        if self.second_turn {
            self.start_prompt(self.prompt_index + 1, events);
        } else {
            self.second_turn = true;
            self.begin_turn(events);
        }
    }

    fn fresh_answer(&self) -> Answer {
        let prompt = self.prompts.get(self.prompt_index);
        Answer {
            prompt_id: prompt.map(|p| p.id.clone()).unwrap_or_default(),
            prompt: prompt.map(|p| p.text.clone()).unwrap_or_default(),
            speaker: self.speaker(),
            note: None,
            seconds: None,
            skipped: false,
            felt_heard: None,
            felt_validated: None,
            guess: None,
            attempts: Vec::new(),
            second_round: false,
        }
    }

    /// The turn being answered; a hand-edited draft may lack it, then it starts fresh.
    fn current_answer(&mut self) -> &mut Answer {
        let answer = match self.current.take() {
            Some(answer) => answer,
            None => self.fresh_answer(),
        };
        self.current.insert(answer)
    }

    fn record_current(&mut self, events: &mut Vec<Event>) {
        let answer = match self.current.take() {
            Some(answer) => answer,
            None => self.fresh_answer(),
        };
        self.answers.push(answer);
        events.push(Event::TurnRecorded);
    }
}
