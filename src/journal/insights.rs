//! Insights in plain words: sentences computed from the journal, each said only when the
//! data bears it out. The rules, and when each one speaks, are listed in docs/insights.md.

mod figures;
mod flows;

use crate::mode::Partner;
use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate};

pub use figures::{Mean, TalkFigures};

use super::couples::CoupleKey;
use super::privacy::same_name;
use super::stats::{self, since_words};
use super::{Journal, Session};
use crate::text::one_line;

/// How many recent talks the "less heard" and "mood rose" rules look at.
pub const RECENT: usize = 5;
/// How many of those must agree before a rule speaks.
pub const AGREEING: usize = 3;
/// The fewest guesses before the listening gap is described.
pub const MIN_GUESSES: usize = 3;
/// The fewest guesses before "at first" and "lately" are compared (each half has three).
pub const MIN_GUESSES_OVER_TIME: usize = 6;

/// One thing the journal shows, ready to be said in words (`Display`).
#[derive(Debug, Clone, PartialEq)]
pub enum Insight {
    /// When the latest talk for two was.
    LastTalk { day: NaiveDate, today: NaiveDate },
    /// Consecutive weeks, up to this one or the last, each with a finished talk (2 or more).
    WeeksInARow { weeks: usize },
    /// `quieter` felt less heard than `other` in `times` of the last `talks` talks.
    LessHeard {
        quieter: String,
        other: String,
        times: usize,
        talks: usize,
    },
    /// Mood rose (someone better, nobody worse) after `times` of the last `talks` talks.
    MoodRose { times: usize, talks: usize },
    /// How close one partner's guesses came to what the other felt.
    ListeningGap(Gap),
    /// How many pieces `sender` said before "you got it" in the latest talk with a floor,
    /// and in the one before; the topic when its bringer shared it.
    Tries {
        sender: String,
        topic: Option<String>,
        tries: u64,
        before: u64,
    },
    /// Consecutive weeks, up to this one or the last, each with a finished "Our week" talk.
    WeeksOfOurWeek { weeks: usize },
}

/// The listening gap of one listener: `|guess - felt heard|` over every turn that has both.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    pub listener: String,
    pub speaker: String,
    pub guesses: usize,
    pub mean: f64,
    /// Means over the first and the last half of the guesses, oldest first, when there
    /// are enough of them to compare.
    pub over_time: Option<(f64, f64)>,
    /// Every gap, oldest first, for a chart.
    pub each: Vec<u8>,
}

/// The couple talks of the couple in the latest couple talk (`journal::couples`: the same two
/// names in any case or order), oldest first, their figures arranged so that partner 0 and 1
/// are always the same people, named as that latest talk names them. Views of one couple
/// hand it a journal of that couple alone.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CoupleTalks<'a> {
    pub names: [String; 2],
    pub talks: Vec<(&'a Session, TalkFigures)>,
}

impl<'a> CoupleTalks<'a> {
    pub fn of(journal: &'a Journal) -> Option<CoupleTalks<'a>> {
        let mut couple: Vec<&Session> = journal
            .sessions
            .iter()
            .filter(|s| CoupleKey::of(s).is_some())
            .collect();
        // Stable: talks at the same instant keep their order in the file.
        couple.sort_by_key(|s| s.started_at.at());
        let latest = couple.last()?;
        let key = CoupleKey::of(latest)?;
        let names = [0, 1].map(|i| latest.partners[i].trim().to_string());
        let talks = couple
            .into_iter()
            .filter(|s| CoupleKey::of(s).as_ref() == Some(&key))
            .map(|s| {
                let figures = TalkFigures::of(s);
                if is_swapped(s, &names) {
                    (s, figures.swapped())
                } else {
                    (s, figures)
                }
            })
            .collect();
        Some(CoupleTalks { names, talks })
    }

    fn recent(&self) -> &[(&'a Session, TalkFigures)] {
        &self.talks[self.talks.len().saturating_sub(RECENT)..]
    }
}

/// Only the talks started on or after `since` (a local date as written), for `--since`.
pub fn since(journal: &Journal, since: Option<NaiveDate>) -> Journal {
    Journal {
        sessions: journal
            .sessions
            .iter()
            .filter(|s| since.is_none_or(|day| s.started_at.local_date() >= day))
            .cloned()
            .collect(),
        ..journal.clone()
    }
}

/// Everything the journal bears out, cadence first. Empty when there is no talk for two.
pub fn insights(journal: &Journal, now: DateTime<FixedOffset>) -> Vec<Insight> {
    let mut out = Vec::new();
    let figures = stats::compute(journal, None, now);
    if let Some(day) = figures.last_session {
        out.push(Insight::LastTalk {
            day,
            today: now.date_naive(),
        });
    }
    if figures.weekly_streak >= 2 {
        out.push(Insight::WeeksInARow {
            weeks: figures.weekly_streak,
        });
    }
    let Some(couple) = CoupleTalks::of(journal) else {
        return out;
    };
    out.extend(less_heard(&couple));
    out.extend(mood_rose(&couple));
    out.extend(
        listening_gaps(&couple)
            .into_iter()
            .map(Insight::ListeningGap),
    );
    out.extend(flows::tries(&couple));
    out.extend(flows::weeks_of_our_week(&couple, now));
    out
}

fn less_heard(couple: &CoupleTalks) -> Option<Insight> {
    let recent = couple.recent();
    for partner in Partner::BOTH {
        let (quieter, other) = (partner.index(), partner.other().index());
        let times = recent
            .iter()
            .filter(|(_, f)| f.heard[quieter].below(f.heard[other]) == Some(true))
            .count();
        if times >= AGREEING {
            return Some(Insight::LessHeard {
                quieter: couple.names[quieter].clone(),
                other: couple.names[other].clone(),
                times,
                talks: recent.len(),
            });
        }
    }
    None
}

fn mood_rose(couple: &CoupleTalks) -> Option<Insight> {
    let recent = couple.recent();
    let times = recent
        .iter()
        .filter(|(_, f)| f.mood_rose() == Some(true))
        .count();
    (times >= AGREEING).then_some(Insight::MoodRose {
        times,
        talks: recent.len(),
    })
}

/// The listening gap of each partner with at least `MIN_GUESSES` guesses.
pub fn listening_gaps(couple: &CoupleTalks) -> Vec<Gap> {
    let mut out = Vec::new();
    for partner in Partner::BOTH {
        let (listener, speaker) = (partner.index(), partner.other().index());
        let mut each = Vec::new();
        for (session, _) in &couple.talks {
            let swapped = is_swapped(session, &couple.names);
            let speaker_index = if swapped { listener } else { speaker };
            for turn in &session.turns {
                if turn.speaker == speaker_index
                    && let (Some(guess), Some(felt)) = (turn.listener_guess(), turn.felt_heard())
                {
                    each.push(guess.abs_diff(felt));
                }
            }
        }
        if each.len() < MIN_GUESSES {
            continue;
        }
        // Never empty here (at least MIN_GUESSES), so there is always a mean.
        let Some(mean) = stats::mean(each.iter().copied()) else {
            continue;
        };
        let half = each.len() / 2;
        let over_time = if each.len() >= MIN_GUESSES_OVER_TIME {
            stats::mean(each[..half].iter().copied())
                .zip(stats::mean(each[each.len() - half..].iter().copied()))
        } else {
            None
        };
        out.push(Gap {
            listener: couple.names[listener].clone(),
            speaker: couple.names[speaker].clone(),
            guesses: each.len(),
            mean,
            over_time,
            each,
        });
    }
    out
}

/// Whether a talk of the couple lists its two the other way round from `names`.
fn is_swapped(session: &Session, names: &[String; 2]) -> bool {
    !same_name(session.partner_name(0), &names[0])
}

/// One decimal, as shown; the comparisons in words are made on these shown values, so
/// "closer" never sits beside two equal numbers.
pub fn shown(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    format!("{:.1}", if rounded == 0.0 { 0.0 } else { rounded })
}

impl Insight {
    /// When the last talk was and the weekly rhythm, which the stats' figures also say.
    pub fn is_cadence(&self) -> bool {
        matches!(self, Insight::LastTalk { .. } | Insight::WeeksInARow { .. })
    }
}

impl fmt::Display for Insight {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Insight::LastTalk { day, today } => {
                write!(f, "Last talk {}.", since_words(*day, *today))
            }
            Insight::WeeksInARow { weeks } => write!(f, "{weeks} weeks in a row with a talk."),
            Insight::LessHeard {
                quieter,
                other,
                times,
                talks,
            } => write!(
                f,
                "{} has felt less heard than {} in {times} of the last {talks} talks.",
                one_line(quieter),
                one_line(other)
            ),
            Insight::MoodRose { times, talks } => write!(
                f,
                "Your mood rose after {times} of your last {talks} talks."
            ),
            Insight::ListeningGap(gap) => gap.fmt(f),
            Insight::Tries {
                sender,
                topic,
                tries,
                before,
            } => {
                let about = topic
                    .as_deref()
                    .map(|t| format!(" about {}", one_line(t)))
                    .unwrap_or_default();
                let times = |n: u64| {
                    if n == 1 {
                        "1 try".to_string()
                    } else {
                        format!("{n} tries")
                    }
                };
                write!(
                    f,
                    "{} needed {} to feel understood{about}; the time before, {}.",
                    one_line(sender),
                    times(*tries),
                    times(*before)
                )
            }
            Insight::WeeksOfOurWeek { weeks } => {
                write!(f, "Each of your last {weeks} weeks had an Our week talk.")
            }
        }
    }
}

impl fmt::Display for Gap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (listener, speaker) = (one_line(&self.listener), one_line(&self.speaker));
        if self.each.iter().all(|g| *g == 0) {
            return write!(
                f,
                "{listener}'s guesses of how heard {speaker} felt were right every time ({} guesses).",
                self.guesses
            );
        }
        write!(
            f,
            "{listener}'s guesses of how heard {speaker} felt were off by {} on average ({} guesses)",
            shown(self.mean),
            self.guesses
        )?;
        let Some((first, last)) = self.over_time else {
            return f.write_str(".");
        };
        let (first, last) = (shown(first), shown(last));
        let first_value: f64 = first.parse().unwrap_or(0.0);
        let last_value: f64 = last.parse().unwrap_or(0.0);
        if last_value < first_value {
            write!(
                f,
                ", and came closer over time: {first} at first, {last} lately."
            )
        } else if last_value > first_value {
            write!(
                f,
                "; lately a little further off: {first} at first, {last} lately."
            )
        } else {
            write!(f, ", about the same all along.")
        }
    }
}
