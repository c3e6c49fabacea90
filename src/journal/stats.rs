//! The figures behind `heard journal stats`: how heard and validated each partner felt,
//! mood lift, closeness and rhythm, computed over couple talks as SPEC section 3 defines.
//!
//! Choices the SPEC leaves open, made here once:
//! - A turn whose `speaker` has no name in `partners` still counts in the overall
//!   `turns_rated` and averages, but has no entry in `by_partner` (there is no name to file
//!   it under).
//! - When two talks start at the same instant, `first_session` and `last_session` take the
//!   one that comes first in the file.
//! - `couples` lists each couple (`journal::couples`) among the talks counted, newest first;
//!   a talk for two that does not name two people counts above but in no couple.
//! - `weekly_streak` counts back from the week of "now" (or the week before) only, so talks
//!   dated after now never lengthen it.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate};
use serde::Serialize;

use super::couples::couples_in;
use super::{Journal, Session};
use crate::text::one_line;

/// The stats object, fields in the order `heard journal stats --json` prints them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub sessions: usize,
    pub completed_sessions: usize,
    pub turns_rated: usize,
    pub felt_heard_avg: Option<f64>,
    pub felt_validated_avg: Option<f64>,
    /// Felt cared for, from the rounds of the conversations (SPEC sections 7 and 8).
    pub felt_cared_avg: Option<f64>,
    pub by_partner: Vec<PartnerStats>,
    pub mood_lift_avg: Option<f64>,
    pub closeness_avg: Option<f64>,
    #[serde(serialize_with = "iso_date")]
    pub first_session: Option<NaiveDate>,
    #[serde(serialize_with = "iso_date")]
    pub last_session: Option<NaiveDate>,
    pub sessions_last_28_days: usize,
    pub weekly_streak: usize,
    /// Every couple among the talks counted, newest first (see `couples`).
    pub couples: Vec<CoupleCount>,
}

/// One couple of the talks counted: the names as their latest talk wrote them, and how many
/// talks for two they had.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoupleCount {
    pub partners: [String; 2],
    pub sessions: usize,
}

/// A date as "YYYY-MM-DD" (chrono is built without its serde support).
fn iso_date<S: serde::Serializer>(day: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match day {
        Some(day) => s.collect_str(&day.format("%Y-%m-%d")),
        None => s.serialize_none(),
    }
}

/// How one speaker, by name as written, felt across the talks counted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnerStats {
    pub name: String,
    pub turns_rated: usize,
    pub felt_heard_avg: Option<f64>,
    pub felt_validated_avg: Option<f64>,
    pub felt_cared_avg: Option<f64>,
}

/// The mean of whole numbers, `None` when there are none. The sum is kept as an integer,
/// so the mean is exact until the one division and does not depend on the order values
/// came in. Every mean heard shows (stats, insights, report, summary, charts) is this one.
pub fn mean<T: Into<i64>>(values: impl IntoIterator<Item = T>) -> Option<f64> {
    let (sum, count) = values.into_iter().fold((0i64, 0usize), |(sum, count), v| {
        (sum + v.into(), count + 1)
    });
    (count > 0).then(|| sum as f64 / count as f64)
}

/// A running mean of whole numbers. Summing integers keeps the result exact until the one
/// division, so the mean does not depend on the order values came in.
#[derive(Debug, Default, Clone, Copy)]
struct Mean {
    sum: i64,
    count: usize,
}

impl Mean {
    fn add(&mut self, value: i64) {
        self.sum += value;
        self.count += 1;
    }

    fn get(self) -> Option<f64> {
        (self.count > 0).then(|| self.sum as f64 / self.count as f64)
    }
}

/// Felt-heard and felt-validated ratings, for everyone or for one speaker.
#[derive(Debug, Default, Clone, Copy)]
struct Felt {
    heard: Mean,
    validated: Mean,
    cared: Mean,
}

impl Felt {
    fn add(&mut self, turn: &super::rounds::Rated) {
        let means = [
            (turn.felt_heard, &mut self.heard),
            (turn.felt_validated, &mut self.validated),
            (turn.felt_cared, &mut self.cared),
        ];
        for (value, mean) in means {
            if let Some(v) = value {
                mean.add(v.into());
            }
        }
    }
}

/// Compute the stats over the couple talks in `journal` started on or after `since` (a
/// local date as written), as seen at `now`.
pub fn compute(journal: &Journal, since: Option<NaiveDate>, now: DateTime<FixedOffset>) -> Stats {
    let kept: Vec<&Session> = journal
        .sessions
        .iter()
        .filter(|s| s.is_couple())
        .filter(|s| since.is_none_or(|day| s.started_at.local_date() >= day))
        .collect();
    compute_over(&kept, now)
}

/// The stats over these talks for two (chosen by the caller), as seen at `now`.
pub fn compute_over(kept: &[&Session], now: DateTime<FixedOffset>) -> Stats {
    let ratings = Ratings::of(kept);
    let (first_session, last_session) = first_and_last(kept);
    Stats {
        sessions: kept.len(),
        completed_sessions: kept.iter().filter(|s| s.completed).count(),
        turns_rated: ratings.all.heard.count,
        felt_heard_avg: ratings.all.heard.get(),
        felt_validated_avg: ratings.all.validated.get(),
        felt_cared_avg: ratings.all.cared.get(),
        by_partner: ratings
            .partners
            .into_iter()
            .map(|(name, felt)| PartnerStats {
                name,
                turns_rated: felt.heard.count,
                felt_heard_avg: felt.heard.get(),
                felt_validated_avg: felt.validated.get(),
                felt_cared_avg: felt.cared.get(),
            })
            .collect(),
        mood_lift_avg: ratings.mood_lift.get(),
        closeness_avg: ratings.closeness.get(),
        first_session,
        last_session,
        sessions_last_28_days: in_last_28_days(kept, now),
        weekly_streak: weekly_streak(&completed_weeks(kept), now.date_naive()),
        couples: couples_in(kept.iter().copied())
            .into_iter()
            .map(|c| CoupleCount {
                partners: c.names,
                sessions: c.sessions,
            })
            .collect(),
    }
}

/// Every rating in the talks counted, overall and per speaker by name (in the order the
/// names first speak), with mood lift and closeness.
#[derive(Debug, Default)]
struct Ratings {
    all: Felt,
    partners: Vec<(String, Felt)>,
    mood_lift: Mean,
    closeness: Mean,
}

impl Ratings {
    fn of(kept: &[&Session]) -> Ratings {
        let mut ratings = Ratings::default();
        for session in kept {
            // Prompt turns and understand rounds alike (SPEC section 7).
            for turn in session.rated() {
                ratings.all.add(&turn);
                if let Some(name) = session.partners.get(turn.speaker) {
                    ratings.partner(name).add(&turn);
                }
            }
            for (before, after) in session.mood_before.iter().zip(&session.mood_after) {
                if let (Some(before), Some(after)) = (before, after) {
                    ratings
                        .mood_lift
                        .add(i64::from(*after) - i64::from(*before));
                }
            }
            for value in session.closeness.iter().flatten() {
                ratings.closeness.add((*value).into());
            }
        }
        ratings
    }

    /// The ratings of the speaker called `name`, added when first seen.
    fn partner(&mut self, name: &str) -> &mut Felt {
        let at = match self.partners.iter().position(|(n, _)| n == name) {
            Some(at) => at,
            None => {
                self.partners.push((name.to_owned(), Felt::default()));
                self.partners.len() - 1
            }
        };
        &mut self.partners[at].1
    }
}

/// The local days of the first and the last talk; of equals, the first in the file.
fn first_and_last(kept: &[&Session]) -> (Option<NaiveDate>, Option<NaiveDate>) {
    // `min_by_key` keeps the first of equals; `max_by_key` the last, so reverse for it.
    let first = kept
        .iter()
        .min_by_key(|s| s.started_at.at())
        .map(|s| s.started_at.local_date());
    let last = kept
        .iter()
        .rev()
        .max_by_key(|s| s.started_at.at())
        .map(|s| s.started_at.local_date());
    (first, last)
}

/// Talks started in the 28 days up to `now`; talks dated after now are not counted.
fn in_last_28_days(kept: &[&Session], now: DateTime<FixedOffset>) -> usize {
    let window_start = now - Duration::days(28);
    kept.iter()
        .filter(|s| {
            let at = s.started_at.at();
            window_start < at && at <= now
        })
        .count()
}

/// The Monday of every week with a finished talk.
fn completed_weeks(kept: &[&Session]) -> BTreeSet<NaiveDate> {
    kept.iter()
        .filter(|s| s.completed)
        .map(|s| week_monday(s.started_at.local_date()))
        .collect()
}

/// The Monday that starts the ISO week holding `day`. One Monday per ISO week, so weeks
/// can be stepped by dates and ISO years with 53 weeks need no special care.
pub fn week_monday(day: NaiveDate) -> NaiveDate {
    day - Duration::days(day.weekday().num_days_from_monday().into())
}

/// Consecutive weeks with a talk, ending with this week, or with last week when this
/// week has none (yet).
fn weekly_streak(weeks: &BTreeSet<NaiveDate>, today: NaiveDate) -> usize {
    let this_week = week_monday(today);
    let mut week = if weeks.contains(&this_week) {
        this_week
    } else {
        this_week - Duration::days(7)
    };
    let mut streak = 0;
    while weeks.contains(&week) {
        streak += 1;
        week -= Duration::days(7);
    }
    streak
}

/// The stats in plain words, one line each, for `heard journal stats` and the report.
/// `since` only changes the words used when there is nothing to show.
pub fn describe(stats: &Stats, since: Option<NaiveDate>, now: DateTime<FixedOffset>) -> String {
    let mut out = String::new();
    let (Some(first), Some(last)) = (stats.first_session, stats.last_session) else {
        match since {
            Some(day) => {
                let _ = writeln!(out, "No talks since {} yet.", day_words(day));
            }
            None => out.push_str(
                "No talks yet. Whenever the two of you are ready, `heard talk` starts your first one.\n",
            ),
        }
        return out;
    };

    let _ = writeln!(
        out,
        "{} ({} finished) since {}",
        count_words(stats.sessions, "talk", "talks"),
        stats.completed_sessions,
        day_words(first)
    );
    let _ = writeln!(
        out,
        "Felt heard: {}",
        felt_words(stats.felt_heard_avg, stats, |p| p.felt_heard_avg)
    );
    let _ = writeln!(
        out,
        "Felt validated: {}",
        felt_words(stats.felt_validated_avg, stats, |p| p.felt_validated_avg)
    );
    // Said once there is one to say: asked on the rounds of the conversations so far.
    if stats.felt_cared_avg.is_some() {
        let _ = writeln!(
            out,
            "Felt cared for, in the conversations: {}",
            felt_words(stats.felt_cared_avg, stats, |p| p.felt_cared_avg)
        );
    }
    if let Some(lift) = stats.mood_lift_avg {
        let rounded = round1(lift);
        let words = if rounded > 0.0 {
            format!("up {rounded:.1} on average")
        } else if rounded < 0.0 {
            format!("down {:.1} on average", -rounded)
        } else {
            "about the same as before, on average".to_string()
        };
        let _ = writeln!(out, "Mood after a talk: {words}");
    }
    if let Some(closeness) = stats.closeness_avg {
        let _ = writeln!(out, "Closeness: {:.1} of 7", round1(closeness));
    }
    let _ = writeln!(
        out,
        "Last 28 days: {}",
        count_words(stats.sessions_last_28_days, "talk", "talks")
    );
    if stats.weekly_streak > 0 {
        let _ = writeln!(
            out,
            "Weekly rhythm: {}",
            match stats.weekly_streak {
                1 => "1 week so far".to_string(),
                n => format!("{n} weeks in a row"),
            }
        );
    }
    let _ = writeln!(out, "Last talk: {}", since_words(last, now.date_naive()));
    out
}

/// "4.2 on average (Ana 4.4, Ben 3.9)", or a gentle note when nothing was rated.
fn felt_words(
    overall: Option<f64>,
    stats: &Stats,
    pick: impl Fn(&PartnerStats) -> Option<f64>,
) -> String {
    let Some(overall) = overall else {
        return "no ratings yet".to_string();
    };
    let each: Vec<String> = stats
        .by_partner
        .iter()
        .filter_map(|p| pick(p).map(|avg| format!("{} {:.1}", one_line(&p.name), round1(avg))))
        .collect();
    if each.is_empty() {
        format!("{:.1} on average", round1(overall))
    } else {
        format!("{:.1} on average ({})", round1(overall), each.join(", "))
    }
}

/// Round half away from zero to one decimal, so 0.25 shows as 0.3 and -0.04 as 0.0.
fn round1(value: f64) -> f64 {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == 0.0 { 0.0 } else { rounded }
}

fn count_words(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "3 Aug 2026".
pub fn day_words(day: NaiveDate) -> String {
    day.format("%-d %b %Y").to_string()
}

/// "today", "yesterday", "9 days ago"; a date for anything not in the past.
pub fn since_words(day: NaiveDate, today: NaiveDate) -> String {
    match (today - day).num_days() {
        0 => "today".to_string(),
        1 => "yesterday".to_string(),
        n if n > 1 => format!("{n} days ago"),
        _ => format!("on {}", day_words(day)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn weeks_step_across_a_53_week_year() {
        // 2027-01-01 is a Friday in 2026-W53, whose Monday is 2026-12-28.
        assert_eq!(week_monday(day(2027, 1, 1)), day(2026, 12, 28));
        let weeks: BTreeSet<_> = [day(2026, 12, 21), day(2026, 12, 28), day(2027, 1, 4)]
            .into_iter()
            .collect();
        assert_eq!(weekly_streak(&weeks, day(2027, 1, 6)), 3);
        assert_eq!(weekly_streak(&weeks, day(2027, 1, 12)), 3);
        assert_eq!(weekly_streak(&weeks, day(2027, 1, 18)), 0);
    }

    #[test]
    fn rounding_never_shows_minus_zero() {
        assert_eq!(format!("{:.1}", round1(-0.04)), "0.0");
        assert_eq!(format!("{:.1}", round1(0.25)), "0.3");
    }
}
