//! What the conversations can say truthfully: how many tries it took to feel understood,
//! against the time before, and weeks in a row with an "Our week" talk.

use chrono::{DateTime, Duration, FixedOffset};
use serde_json::Value;

use super::{CoupleTalks, Insight};
use crate::journal::Session;
use crate::journal::stats::week_monday;

/// The tries of each confirmed round on the floor, in order: (sender's name, pieces said
/// before "you got it", the topic when its bringer shared it).
fn confirmed_rounds<'a>(
    session: &'a Session,
    names: &[String; 2],
) -> Vec<(String, u64, Option<&'a str>)> {
    let record = |value: &'a Value| value.as_object();
    let records = [
        Some(&*session.extra),
        session.extra.get("issue").and_then(record),
    ];
    let mut out = Vec::new();
    for record in records.into_iter().flatten() {
        let shared = record.get("topic_private").and_then(Value::as_bool) != Some(true);
        let topic = record
            .get("topic")
            .and_then(Value::as_str)
            .filter(|_| shared);
        let rounds = record.get("rounds").and_then(Value::as_array);
        for round in rounds.into_iter().flatten() {
            let got_it = round.get("got_it").and_then(Value::as_bool) == Some(true);
            let sender = round.get("sender").and_then(Value::as_u64);
            let pieces = round.get("pieces").and_then(Value::as_u64);
            let (Some(sender), Some(pieces), true) = (sender, pieces, got_it) else {
                continue;
            };
            let name = session.partner_name(sender as usize);
            // Named as the couple's latest talk names them.
            let name = (names.iter())
                .find(|n| crate::journal::privacy::same_name(n, name))
                .cloned()
                .unwrap_or_else(|| name.to_string());
            out.push((name, pieces.max(1), topic));
        }
    }
    out
}

/// "Ben needed 3 tries to feel understood about money; the time before, 1." For each
/// sender confirmed in the couple's latest talk with a floor, against their confirmed
/// round in the talk with a floor before it.
pub fn tries(couple: &CoupleTalks) -> Vec<Insight> {
    let floors: Vec<_> = (couple.talks.iter())
        .map(|(s, _)| confirmed_rounds(s, &couple.names))
        .filter(|rounds| !rounds.is_empty())
        .collect();
    let Some((latest, earlier)) = floors.split_last() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (sender, tries, topic) in latest {
        if out
            .iter()
            .any(|i| matches!(i, Insight::Tries { sender: s, .. } if s == sender))
        {
            continue;
        }
        let before = (earlier.iter().rev())
            .find_map(|rounds| rounds.iter().find(|(s, _, _)| s == sender))
            .map(|(_, tries, _)| *tries);
        if let Some(before) = before {
            out.push(Insight::Tries {
                sender: sender.clone(),
                topic: topic.map(str::to_string),
                tries: *tries,
                before,
            });
        }
    }
    out
}

/// "Each of your last 4 weeks had an Our week talk.": two or more weeks in a row, ending
/// this week or last, each with a finished "Our week" talk of the couple.
pub fn weeks_of_our_week(couple: &CoupleTalks, now: DateTime<FixedOffset>) -> Option<Insight> {
    let mut weeks: Vec<_> = (couple.talks.iter())
        .filter(|(s, _)| s.kind() == crate::weekly::session::KIND && s.completed)
        .map(|(s, _)| week_monday(s.started_at.local_date()))
        .collect();
    weeks.sort_unstable();
    weeks.dedup();
    let this_week = week_monday(now.date_naive());
    let mut week = if weeks.contains(&this_week) {
        this_week
    } else {
        this_week - Duration::weeks(1)
    };
    let mut run = 0;
    while weeks.contains(&week) {
        run += 1;
        week -= Duration::weeks(1);
    }
    (run >= 2).then_some(Insight::WeeksOfOurWeek { weeks: run })
}
