//! Everything the history screen shows, computed once when it opens: rows for the list,
//! series for the charts, sentences for "In words", what each appreciated. Drawing only
//! reads these. It is handed one couple's journal (their talks, their own reflections).

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};

use crate::deck::load::Catalog;
use crate::journal::appreciations::{self, Appreciation};
use crate::journal::insights::{self, CoupleTalks, Gap, TalkFigures};
use crate::journal::privacy::same_name;
use crate::journal::stats::{self, week_monday};
use crate::journal::{Journal, Session};
use crate::text::one_line;

/// How many weeks the "per week" chart covers, this one included.
pub const WEEKS: usize = 12;
/// The most talks a chart shows, the latest ones: more than this turns a line into noise
/// at 80 columns (about a year of weekly talks).
pub const CHART_TALKS: usize = 40;

/// One line of the list.
#[derive(Debug, Clone)]
pub struct Row {
    pub date: String,
    pub deck: String,
    pub couple: bool,
    /// For a reflection: who reflected.
    pub who: String,
    /// Prompts answered and prompts in all.
    pub answered: usize,
    pub prompts: usize,
    pub completed: bool,
    /// Felt heard, felt validated and mood lift, partner 0 and 1 as in `HistoryData::names`.
    pub heard: [Option<f64>; 2],
    pub validated: [Option<f64>; 2],
    pub lift: [Option<i16>; 2],
}

/// The chart series, a point per talk at x = days from the first talk shown (so the space
/// between points is the time between talks, and the axis can be labelled with dates).
#[derive(Debug, Clone, Default)]
pub struct Series {
    pub heard: [Vec<(f64, f64)>; 2],
    pub validated: [Vec<(f64, f64)>; 2],
    /// Each partner's own mood before and after each talk.
    pub mood_before: [Vec<(f64, f64)>; 2],
    pub mood_after: [Vec<(f64, f64)>; 2],
    pub closeness: [Vec<Option<u64>>; 2],
    /// Per talk, the mean gap between each partner's guesses and what the other felt.
    pub guess_gap: [Vec<(f64, f64)>; 2],
    /// Talks shown in the charts (the latest `CHART_TALKS` at most) and talks in all.
    pub talks: usize,
    pub all_talks: usize,
    pub first_day: Option<NaiveDate>,
    pub last_day: Option<NaiveDate>,
    /// Days from the first talk shown to the last (0 for one talk).
    pub span_days: f64,
    /// When the first talk shown started: x = 0.
    pub start: Option<DateTime<FixedOffset>>,
    /// Talks for two in each of the last `WEEKS` weeks, oldest first, this week last.
    pub per_week: [u64; WEEKS],
}

/// One line of appreciation, with the day of its talk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appreciated {
    pub date: String,
    pub appreciation: Appreciation,
}

pub struct HistoryData {
    /// The couple whose talks these are (the latest couple's names), for the charts.
    pub names: Option<[String; 2]>,
    /// Newest first, with the session each row stands for (for the detail view).
    pub rows: Vec<Row>,
    pub sessions: Vec<Session>,
    pub series: Series,
    /// The figures and insights in words, one sentence a line.
    pub words: Vec<String>,
    pub gaps: Vec<Gap>,
    /// Every appreciation, newest talk first.
    pub appreciated: Vec<Appreciated>,
}

impl HistoryData {
    pub fn new(journal: &Journal, catalog: &Catalog, now: DateTime<FixedOffset>) -> HistoryData {
        let couple = CoupleTalks::of(journal);
        let names = couple.as_ref().map(|c| c.names.clone());
        let mut order: Vec<&Session> = journal.sessions.iter().collect();
        order.sort_by_key(|s| s.started_at.at());
        order.reverse();
        let rows = order
            .iter()
            .map(|s| row(s, catalog, names.as_ref()))
            .collect();

        let mut series = couple.as_ref().map(series).unwrap_or_default();
        series.per_week = per_week(journal, now);
        let gaps = couple
            .as_ref()
            .map(insights::listening_gaps)
            .unwrap_or_default();

        // What stands out first, then the figures (whose cadence line the insights say).
        let mut words: Vec<String> = insights::insights(journal, now)
            .iter()
            .map(ToString::to_string)
            .collect();
        let figures = stats::compute(journal, None, now);
        if figures.sessions > 0 {
            words.push(String::new());
            words.extend(
                stats::describe(&figures, None, now)
                    .lines()
                    .filter(|l| !l.starts_with("Weekly rhythm:") && !l.starts_with("Last talk:"))
                    .map(str::to_string),
            );
        }
        let appreciated = order
            .iter()
            .flat_map(|s| {
                let date = s.started_at.at().format("%-d %b %y").to_string();
                appreciations::of(s)
                    .into_iter()
                    .map(move |appreciation| Appreciated {
                        date: date.clone(),
                        appreciation,
                    })
            })
            .collect();
        let sessions = order.into_iter().cloned().collect();
        HistoryData {
            names,
            rows,
            sessions,
            series,
            words,
            gaps,
            appreciated,
        }
    }
}

fn deck_title(session: &Session, catalog: &Catalog) -> String {
    if let Some(kind) = crate::activity::Kind::of_flow(session.kind()) {
        return crate::words::kind_title(kind).to_string();
    }
    let title = catalog
        .get(&session.deck_id)
        .map_or(session.deck_id.as_str(), |d| d.title.as_str());
    one_line(title).into_owned()
}

fn row(session: &Session, catalog: &Catalog, names: Option<&[String; 2]>) -> Row {
    let mut figures = TalkFigures::of(session);
    // Keep each partner in the same column even when a talk lists them the other way round.
    if let Some(names) = names
        && session.partners.len() == 2
        && same_name(&session.partners[0], &names[1])
        && same_name(&session.partners[1], &names[0])
    {
        figures = figures.swapped();
    }
    // A conversation counts its floors where a talk counts prompts: understood, and in all
    // (an understand talk's rounds, an Our week issue's, a repair's gates).
    if crate::activity::Kind::of_flow(session.kind()).is_some() {
        let gates = session
            .extra
            .get("gates")
            .and_then(serde_json::Value::as_array);
        let floors: Vec<&serde_json::Value> = match gates {
            Some(gates) => gates.iter().collect(),
            None => session.rounds(),
        };
        figures.prompts = floors.len();
        figures.prompts_answered = floors
            .iter()
            .filter(|r| r.get("got_it").and_then(serde_json::Value::as_bool) == Some(true))
            .count();
    }
    Row {
        date: session.started_at.at().format("%-d %b %y").to_string(),
        deck: deck_title(session, catalog),
        couple: session.is_couple(),
        who: one_line(session.partner_name(0)).into_owned(),
        answered: figures.prompts_answered,
        prompts: figures.prompts,
        completed: session.completed,
        heard: figures.heard.map(|m| m.value()),
        validated: figures.validated.map(|m| m.value()),
        lift: [figures.lift(0), figures.lift(1)],
    }
}

fn series(couple: &CoupleTalks) -> Series {
    let shown = &couple.talks[couple.talks.len().saturating_sub(CHART_TALKS)..];
    let start = shown.first().map(|(s, _)| s.started_at.at());
    let day_of = |s: &Session| {
        start.map_or(0.0, |start| {
            (s.started_at.at() - start).num_seconds() as f64 / 86_400.0
        })
    };
    let mut series = Series {
        talks: shown.len(),
        all_talks: couple.talks.len(),
        first_day: shown.first().map(|(s, _)| s.started_at.local_date()),
        last_day: shown.last().map(|(s, _)| s.started_at.local_date()),
        span_days: shown.last().map_or(0.0, |(s, _)| day_of(s)),
        start,
        ..Series::default()
    };
    for (session, figures) in shown {
        let x = day_of(session);
        for i in 0..2 {
            if let Some(v) = figures.heard[i].value() {
                series.heard[i].push((x, v));
            }
            if let Some(v) = figures.validated[i].value() {
                series.validated[i].push((x, v));
            }
            if let Some(v) = figures.guess_gap[i].value() {
                series.guess_gap[i].push((x, v));
            }
            if let Some(v) = figures.mood_before[i] {
                series.mood_before[i].push((x, f64::from(v)));
            }
            if let Some(v) = figures.mood_after[i] {
                series.mood_after[i].push((x, f64::from(v)));
            }
            series.closeness[i].push(figures.closeness[i].map(u64::from));
        }
    }
    series
}

/// Talks for two per week, over the `WEEKS` weeks up to the week of `now`.
fn per_week(journal: &Journal, now: DateTime<FixedOffset>) -> [u64; WEEKS] {
    let this_week = week_monday(now.date_naive());
    let mut counts = [0; WEEKS];
    for session in journal.sessions.iter().filter(|s| s.is_couple()) {
        let week = week_monday(session.started_at.local_date());
        let ago = (this_week - week).num_days() / 7;
        if (0..WEEKS as i64).contains(&ago) && week <= this_week {
            counts[WEEKS - 1 - ago as usize] += 1;
        }
    }
    counts
}

/// The Monday `weeks_ago` weeks before this week's.
pub fn monday_weeks_ago(now: DateTime<FixedOffset>, weeks_ago: usize) -> NaiveDate {
    week_monday(now.date_naive()) - Duration::weeks(weeks_ago as i64)
}
