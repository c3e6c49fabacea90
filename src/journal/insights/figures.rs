//! The figures of one talk, per partner: what the list, the charts, the report and the
//! insights all read, so each is computed the same way once.

use crate::journal::Session;
use crate::journal::stats::mean;
use crate::mode::Partner;

/// A mean of 1-5 (or 1-7) ratings kept as a sum and a count, so two means compare exactly.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Mean {
    pub sum: u32,
    pub count: u32,
}

impl Mean {
    pub fn add(&mut self, value: u8) {
        self.sum += u32::from(value);
        self.count += 1;
    }

    pub fn value(self) -> Option<f64> {
        (self.count > 0).then(|| f64::from(self.sum) / f64::from(self.count))
    }

    /// Whether this mean is below `other`; `None` when either has no values.
    pub fn below(self, other: Mean) -> Option<bool> {
        (self.count > 0 && other.count > 0).then(|| {
            u64::from(self.sum) * u64::from(other.count)
                < u64::from(other.sum) * u64::from(self.count)
        })
    }

    pub fn merge(&mut self, other: Mean) {
        self.sum += other.sum;
        self.count += other.count;
    }
}

/// One talk's figures, partner 0 and 1 in the order of `partners`.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct TalkFigures {
    /// Felt heard, per speaker.
    pub heard: [Mean; 2],
    /// Felt validated, per speaker.
    pub validated: [Mean; 2],
    /// How far each partner's guesses, as listener, were from what the speaker felt.
    pub guess_gap: [Mean; 2],
    pub mood_before: [Option<u8>; 2],
    pub mood_after: [Option<u8>; 2],
    pub closeness: [Option<u8>; 2],
    /// Turns answered (not passed) and turns in all; a prompt both partners answer is two turns.
    pub answered: usize,
    pub turns: usize,
    /// Distinct prompts, and those at least one partner answered.
    pub prompts: usize,
    pub prompts_answered: usize,
}

impl TalkFigures {
    pub fn of(session: &Session) -> TalkFigures {
        let mut figures = TalkFigures {
            turns: session.turns.len(),
            ..TalkFigures::default()
        };
        let mut seen: Vec<(&str, bool)> = Vec::new();
        for turn in &session.turns {
            let prompt = if turn.prompt_id.is_empty() {
                turn.prompt.as_str()
            } else {
                turn.prompt_id.as_str()
            };
            match seen.iter_mut().find(|(p, _)| *p == prompt) {
                Some((_, answered)) => *answered |= !turn.skipped,
                None => seen.push((prompt, !turn.skipped)),
            }
            if !turn.skipped {
                figures.answered += 1;
            }
            let Some(partner) = Partner::from_index(turn.speaker) else {
                continue;
            };
            let speaker = partner.index();
            if let Some(v) = turn.felt_heard() {
                figures.heard[speaker].add(v);
            }
            if let Some(v) = turn.felt_validated() {
                figures.validated[speaker].add(v);
            }
            // Only a two-person talk has a listener to guess.
            if session.partners.len() == 2
                && let (Some(guess), Some(felt)) = (turn.listener_guess(), turn.felt_heard())
            {
                figures.guess_gap[partner.other().index()].add(guess.abs_diff(felt));
            }
        }
        // An understand talk's rounds count as turns of their sender (SPEC section 7).
        for (sender, [heard, validated, _]) in session.round_ratings() {
            let Some(partner) = Partner::from_index(sender) else {
                continue;
            };
            if let Some(v) = heard {
                figures.heard[partner.index()].add(v);
            }
            if let Some(v) = validated {
                figures.validated[partner.index()].add(v);
            }
        }
        figures.prompts = seen.len();
        figures.prompts_answered = seen.iter().filter(|(_, answered)| *answered).count();
        let pick = |values: &[Option<u8>], i: usize| values.get(i).copied().flatten();
        for i in 0..2 {
            figures.mood_before[i] = pick(&session.mood_before, i);
            figures.mood_after[i] = pick(&session.mood_after, i);
            figures.closeness[i] = pick(&session.closeness, i);
        }
        figures
    }

    /// The same figures with the two partners' places exchanged.
    pub fn swapped(mut self) -> TalkFigures {
        self.heard.swap(0, 1);
        self.validated.swap(0, 1);
        self.guess_gap.swap(0, 1);
        self.mood_before.swap(0, 1);
        self.mood_after.swap(0, 1);
        self.closeness.swap(0, 1);
        self
    }

    /// Mood after minus mood before for partner `i`, when both were given.
    pub fn lift(&self, i: usize) -> Option<i16> {
        Some(i16::from(self.mood_after[i]?) - i16::from(self.mood_before[i]?))
    }

    /// The mean lift over the partners who gave both moods.
    pub fn mean_lift(&self) -> Option<f64> {
        mean((0..2).filter_map(|i| self.lift(i)))
    }

    /// Whether mood rose: someone felt better after and nobody felt worse. `None` when no
    /// partner gave both moods.
    pub fn mood_rose(&self) -> Option<bool> {
        let lifts: Vec<i16> = (0..2).filter_map(|i| self.lift(i)).collect();
        (!lifts.is_empty()).then(|| lifts.iter().any(|l| *l > 0) && lifts.iter().all(|l| *l >= 0))
    }

    /// The mean of the moods given before (or after) the talk, for a chart.
    pub fn mean_mood(values: [Option<u8>; 2]) -> Option<f64> {
        mean(values.into_iter().flatten())
    }
}
