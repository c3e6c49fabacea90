//! A talk to and from its draft record (`journal::draft`): the record is the file's
//! format, the talk only its reader, and a record that does not fit is refused whole.

use super::brought::{Brought, Note};
use super::{Answer, Attempt, Step, Talk};
use crate::deck::Prompt;
use crate::journal::draft::{
    AnswerRecord, AttemptRecord, BroughtRecord, DraftError, NoteRecord, PromptRecord, StepRecord,
    TalkRecord,
};
use crate::mode::Partner;

pub fn prompt_record(prompt: &Prompt) -> PromptRecord {
    PromptRecord {
        id: prompt.id.clone(),
        text: prompt.text.clone(),
        depth: prompt.depth,
        followups: prompt.followups.clone(),
        tags: prompt.tags.clone(),
    }
}

pub fn prompt_from(record: PromptRecord) -> Prompt {
    Prompt {
        id: record.id,
        text: record.text,
        depth: record.depth,
        followups: record.followups,
        tags: record.tags,
    }
}

/// A partner index from a draft, refused when it names nobody.
pub fn partner(index: usize) -> Result<Partner, DraftError> {
    Partner::from_index(index)
        .ok_or_else(|| DraftError::DoesNotFit(format!("partner {index} of a couple")))
}

/// A value for each of the two partners; missing values are unanswered.
fn each<T: Clone + Default>(values: &[T]) -> [T; 2] {
    [
        values.first().cloned().unwrap_or_default(),
        values.get(1).cloned().unwrap_or_default(),
    ]
}

impl Talk {
    pub fn to_record(&self) -> TalkRecord {
        TalkRecord {
            id: self.id.clone(),
            partners: self.partners.to_vec(),
            deck_id: self.deck_id.clone(),
            seed: self.seed,
            timer_seconds: self.timer_seconds,
            listener_guess: self.listener_guess,
            keep_notes: self.keep_notes,
            started_at: self.started_at.clone(),
            prompts: self.prompts.iter().map(prompt_record).collect(),
            spares: self.spares.iter().map(prompt_record).collect(),
            consent: self.consent.to_vec(),
            deeper: self.deeper,
            mood_before: self.mood_before.to_vec(),
            mood_after: self.mood_after.to_vec(),
            closeness: self.closeness.to_vec(),
            appreciations: self.appreciations.to_vec(),
            answers: self.answers.iter().map(answer_record).collect(),
            current: self.current.as_ref().map(answer_record),
            prompt_index: self.prompt_index,
            turn_in_prompt: usize::from(self.second_turn),
            step: step_record(self.step),
            paused: self.paused,
            topic: None,
            bring_topic: None,
            brought: self.brought.iter().map(brought_record).collect(),
        }
    }

    /// The talk a draft record holds; refused when it is not a couple's talk or names a
    /// partner or a step a prompt talk does not have.
    pub fn from_record(record: TalkRecord) -> Result<Talk, DraftError> {
        if record.partners.len() != 2 {
            return Err(DraftError::DoesNotFit(format!(
                "a couple talk with {} names",
                record.partners.len()
            )));
        }
        let answers = record
            .answers
            .into_iter()
            .map(answer_from)
            .collect::<Result<Vec<_>, _>>()?;
        let current = record.current.map(answer_from).transpose()?;
        let brought = (record.brought.into_iter())
            .map(brought_from)
            .collect::<Result<Vec<_>, _>>()?;
        let [first, second] = each(&record.partners);
        Ok(Talk {
            id: record.id,
            partners: [first, second],
            deck_id: record.deck_id,
            seed: record.seed,
            timer_seconds: record.timer_seconds,
            listener_guess: record.listener_guess,
            keep_notes: record.keep_notes,
            started_at: record.started_at,
            prompts: record.prompts.into_iter().map(prompt_from).collect(),
            spares: record.spares.into_iter().map(prompt_from).collect(),
            brought,
            consent: each(&record.consent),
            deeper: record.deeper,
            mood_before: each(&record.mood_before),
            mood_after: each(&record.mood_after),
            closeness: each(&record.closeness),
            appreciations: each(&record.appreciations),
            answers,
            current,
            prompt_index: record.prompt_index,
            second_turn: record.turn_in_prompt == 1,
            step: step_from(record.step)?,
            paused: record.paused,
        })
    }
}

fn brought_record(brought: &Brought) -> BroughtRecord {
    BroughtRecord {
        by: brought.by.index(),
        reflection_id: brought.reflection_id.clone(),
        prompt_id: brought.prompt_id(),
        topic: brought.topic.clone(),
        notes: (brought.notes.iter())
            .map(|n| NoteRecord {
                prompt: n.prompt.clone(),
                text: n.text.clone(),
            })
            .collect(),
    }
}

fn brought_from(record: BroughtRecord) -> Result<Brought, DraftError> {
    Ok(Brought {
        by: partner(record.by)?,
        reflection_id: record.reflection_id,
        topic: record.topic,
        notes: (record.notes.into_iter())
            .map(|n| Note {
                prompt: n.prompt,
                text: n.text,
            })
            .collect(),
    })
}

fn answer_record(answer: &Answer) -> AnswerRecord {
    AnswerRecord {
        prompt_id: answer.prompt_id.clone(),
        prompt: answer.prompt.clone(),
        speaker: answer.speaker.index(),
        note: answer.note.clone(),
        seconds: answer.seconds,
        skipped: answer.skipped,
        felt_heard: answer.felt_heard,
        felt_validated: answer.felt_validated,
        guess: answer.guess,
        clarity: None,
        bring_to_talk: false,
        attempts: answer
            .attempts
            .iter()
            .map(|a| AttemptRecord {
                felt_heard: a.felt_heard,
                felt_validated: a.felt_validated,
            })
            .collect(),
        second_round: answer.second_round,
    }
}

fn answer_from(record: AnswerRecord) -> Result<Answer, DraftError> {
    Ok(Answer {
        prompt_id: record.prompt_id,
        prompt: record.prompt,
        speaker: partner(record.speaker)?,
        note: record.note,
        seconds: record.seconds,
        skipped: record.skipped,
        felt_heard: record.felt_heard,
        felt_validated: record.felt_validated,
        guess: record.guess,
        attempts: record
            .attempts
            .iter()
            .map(|a| Attempt {
                felt_heard: a.felt_heard,
                felt_validated: a.felt_validated,
            })
            .collect(),
        second_round: record.second_round,
    })
}

fn step_record(step: Step) -> StepRecord {
    match step {
        Step::CheckIn { partner } => StepRecord::CheckIn {
            partner: partner.index(),
        },
        Step::DeeperConsent { partner } => StepRecord::DeeperConsent {
            partner: partner.index(),
        },
        Step::Speaker => StepRecord::Speaker,
        Step::Listener => StepRecord::Listener,
        Step::ListenerGuess => StepRecord::ListenerGuess,
        Step::Rating => StepRecord::Rating,
        Step::Reveal { guess, felt_heard } => StepRecord::Reveal { guess, felt_heard },
        Step::Closeness { partner } => StepRecord::Closeness {
            partner: partner.index(),
        },
        Step::MoodAfter { partner } => StepRecord::MoodAfter {
            partner: partner.index(),
        },
        Step::Appreciation { partner } => StepRecord::Appreciation {
            partner: partner.index(),
        },
        Step::TryAgain => StepRecord::TryAgain,
        Step::Break => StepRecord::Break,
        Step::Summary => StepRecord::Summary,
    }
}

fn step_from(record: StepRecord) -> Result<Step, DraftError> {
    Ok(match record {
        StepRecord::CheckIn { partner: p } => Step::CheckIn {
            partner: partner(p)?,
        },
        StepRecord::DeeperConsent { partner: p } => Step::DeeperConsent {
            partner: partner(p)?,
        },
        StepRecord::Speaker => Step::Speaker,
        StepRecord::Listener => Step::Listener,
        StepRecord::ListenerGuess => Step::ListenerGuess,
        StepRecord::Rating => Step::Rating,
        StepRecord::Reveal { guess, felt_heard } => Step::Reveal { guess, felt_heard },
        StepRecord::Closeness { partner: p } => Step::Closeness {
            partner: partner(p)?,
        },
        StepRecord::MoodAfter { partner: p } => Step::MoodAfter {
            partner: partner(p)?,
        },
        StepRecord::Appreciation { partner: p } => Step::Appreciation {
            partner: partner(p)?,
        },
        StepRecord::TryAgain => Step::TryAgain,
        StepRecord::Break => Step::Break,
        StepRecord::Summary => Step::Summary,
        StepRecord::Reflection | StepRecord::Clarity | StepRecord::Topic | StepRecord::Bring => {
            return Err(DraftError::DoesNotFit(
                "a step of a reflection alone in a couple's talk".to_string(),
            ));
        }
    })
}
