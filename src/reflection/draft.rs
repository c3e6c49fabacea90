//! A reflection to and from its draft record (`journal::draft`), refused whole when the
//! record does not fit a reflection alone.

use super::{Reflection, Step, Written};
use crate::journal::draft::{AnswerRecord, DraftError, StepRecord, TalkRecord};
use crate::talk::draft::{prompt_from, prompt_record};

impl Reflection {
    pub fn to_record(&self) -> TalkRecord {
        TalkRecord {
            id: self.id.clone(),
            partners: vec![self.name.clone()],
            deck_id: self.deck_id.clone(),
            seed: self.seed,
            timer_seconds: None,
            listener_guess: false,
            keep_notes: self.keep_notes,
            started_at: self.started_at.clone(),
            prompts: self.prompts.iter().map(prompt_record).collect(),
            spares: Vec::new(),
            consent: Vec::new(),
            deeper: None,
            mood_before: vec![self.mood_before],
            mood_after: vec![self.mood_after],
            closeness: Vec::new(),
            appreciations: Vec::new(),
            answers: self.written.iter().map(record_of).collect(),
            current: self.current.as_ref().map(record_of),
            prompt_index: self.prompt_index,
            turn_in_prompt: 0,
            step: step_record(self.step),
            paused: self.paused,
            topic: self.topic.clone(),
            bring_topic: self.bring,
            brought: Vec::new(),
        }
    }

    pub fn from_record(record: TalkRecord) -> Result<Reflection, DraftError> {
        let [name] = <[String; 1]>::try_from(record.partners).map_err(|names| {
            DraftError::DoesNotFit(format!("a reflection alone with {} names", names.len()))
        })?;
        Ok(Reflection {
            id: record.id,
            name,
            deck_id: record.deck_id,
            seed: record.seed,
            keep_notes: record.keep_notes,
            started_at: record.started_at,
            prompts: record.prompts.into_iter().map(prompt_from).collect(),
            mood_before: record.mood_before.first().copied().flatten(),
            mood_after: record.mood_after.first().copied().flatten(),
            written: record.answers.into_iter().map(written_from).collect(),
            current: record.current.map(written_from),
            prompt_index: record.prompt_index,
            step: step_from(record.step)?,
            paused: record.paused,
            topic: record.topic,
            bring: record.bring_topic,
        })
    }
}

fn record_of(written: &Written) -> AnswerRecord {
    AnswerRecord {
        prompt_id: written.prompt_id.clone(),
        prompt: written.prompt.clone(),
        speaker: 0,
        note: written.text.clone(),
        seconds: written.seconds,
        skipped: written.skipped,
        clarity: written.clarity,
        ..AnswerRecord::default()
    }
}

fn written_from(record: AnswerRecord) -> Written {
    Written {
        prompt_id: record.prompt_id,
        prompt: record.prompt,
        text: record.note,
        seconds: record.seconds,
        skipped: record.skipped,
        clarity: record.clarity,
    }
}

/// Version 1 wrote the check-in and the mood after with a partner, always the first.
fn step_record(step: Step) -> StepRecord {
    match step {
        Step::CheckIn => StepRecord::CheckIn { partner: 0 },
        Step::Topic => StepRecord::Topic,
        Step::Bring => StepRecord::Bring,
        Step::Reflection => StepRecord::Reflection,
        Step::Clarity => StepRecord::Clarity,
        Step::MoodAfter => StepRecord::MoodAfter { partner: 0 },
        Step::Break => StepRecord::Break,
        Step::Summary => StepRecord::Summary,
    }
}

fn step_from(record: StepRecord) -> Result<Step, DraftError> {
    let not_alone = |what: &str| {
        Err(DraftError::DoesNotFit(format!(
            "{what} of a couple's talk in a reflection alone"
        )))
    };
    match record {
        StepRecord::CheckIn { partner: 0 } => Ok(Step::CheckIn),
        StepRecord::MoodAfter { partner: 0 } => Ok(Step::MoodAfter),
        StepRecord::Topic => Ok(Step::Topic),
        StepRecord::Bring => Ok(Step::Bring),
        StepRecord::Reflection => Ok(Step::Reflection),
        StepRecord::Clarity => Ok(Step::Clarity),
        StepRecord::Break => Ok(Step::Break),
        StepRecord::Summary => Ok(Step::Summary),
        StepRecord::CheckIn { .. } | StepRecord::MoodAfter { .. } => not_alone("a second person"),
        StepRecord::DeeperConsent { .. }
        | StepRecord::Speaker
        | StepRecord::Listener
        | StepRecord::ListenerGuess
        | StepRecord::Rating
        | StepRecord::Reveal { .. }
        | StepRecord::TryAgain
        | StepRecord::Closeness { .. }
        | StepRecord::Appreciation { .. } => not_alone("a step"),
    }
}
