//! `heard journal stats`: the figures on hand-made journals (answers worked out by hand),
//! against a second, naive implementation on random journals, and through the real binary.

use std::path::Path;
use std::process::{Command, Output};

use chrono::{DateTime, FixedOffset, NaiveDate};
use heard::journal::Journal;
use heard::journal::stats::{Stats, compute, describe};
use serde_json::{Value, json};

fn journal(sessions: Value) -> Journal {
    serde_json::from_value(json!({
        "format": "heard-journal",
        "version": 1,
        "sessions": sessions
    }))
    .expect("a valid journal")
}

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// A completed couple talk with no turns and no ratings, started at `started_at`.
fn talk(id: &str, started_at: &str, completed: bool) -> Value {
    json!({
        "id": id, "mode": "couple", "started_at": started_at, "completed": completed,
        "deck_id": "rekindle", "partners": ["Ana", "Ben"],
        "mood_before": [], "mood_after": [], "closeness": [], "turns": []
    })
}

/// Three couple talks, one solo reflection; ratings null and absent in many places.
fn mixed_sessions() -> Value {
    json!([
        {
            "id": "s1", "mode": "couple", "started_at": "2026-11-02T19:00:00+01:00",
            "completed": true, "deck_id": "rekindle", "partners": ["Ana", "Ben"],
            "mood_before": [3, null], "mood_after": [4, 5], "closeness": [null, 6],
            "turns": [
                {"prompt_id": "a", "prompt": "A", "speaker": 0, "felt_heard": 4, "felt_validated": null, "skipped": false},
                {"prompt_id": "b", "prompt": "B", "speaker": 1, "felt_heard": null, "felt_validated": 3, "skipped": false},
                {"prompt_id": "c", "prompt": "C", "speaker": 1, "felt_heard": null, "felt_validated": null, "skipped": true},
                {"prompt_id": "d", "prompt": "D", "speaker": 0, "felt_heard": 5, "felt_validated": 5, "skipped": false}
            ]
        },
        {
            "id": "solo1", "mode": "solo", "started_at": "2026-10-01T09:00:00+01:00",
            "completed": true, "deck_id": "prepare", "partners": ["Ana"],
            "mood_before": [1], "mood_after": [5], "closeness": [1],
            "turns": [
                {"prompt_id": "e", "prompt": "E", "speaker": 0, "clarity": 2, "felt_heard": 1, "felt_validated": 1, "skipped": false}
            ]
        },
        {
            "id": "s3", "mode": "couple", "started_at": "2026-11-05T00:30:00+02:00",
            "completed": false, "deck_id": "rekindle", "partners": ["Ben", "Ana"],
            "mood_before": [2, 2], "mood_after": [null, 4], "closeness": [null, null],
            "turns": [
                {"prompt_id": "f", "prompt": "F", "speaker": 0, "felt_heard": 2, "felt_validated": 1, "skipped": false},
                {"prompt_id": "g", "prompt": "G", "speaker": 5, "felt_heard": 1, "felt_validated": 1, "skipped": false},
                {"prompt_id": "h", "prompt": "H", "speaker": 1, "skipped": false}
            ]
        },
        {
            "id": "s4", "mode": "couple", "started_at": "2026-11-09T08:00:00+01:00",
            "completed": true, "deck_id": "rekindle", "partners": ["Ana", "Ben"],
            "mood_before": [], "mood_after": [], "closeness": [7], "turns": []
        }
    ])
}

/// The stats of `mixed_sessions` over everything, seen on Thursday 2026-11-12.
///
/// - Couple talks: s1, s3, s4 (the solo reflection never counts): 3, of which s1 and s4
///   completed: 2.
/// - felt_heard non-null: s1 4 and 5, s3 2 and 1 (the out-of-range speaker still counts
///   overall): 4 turns, mean 12/4 = 3.0. felt_validated non-null: s1 3 and 5, s3 1 and 1:
///   mean 10/4 = 2.5.
/// - by_partner in order of first appearance: Ana (s1 turn a), Ben (s1 turn b).
///   Ana: heard 4, 5 -> 2 rated, 4.5; validated 5 -> 5.0 (her s3 turn has no ratings).
///   Ben: heard 2 (s3) -> 1 rated, 2.0; validated 3 (s1), 1 (s3) -> 2.0.
/// - mood lift: s1 partner 0: 4-3 = 1; s3 partner 1: 4-2 = 2; mean 1.5.
/// - closeness: 6 (s1), 7 (s4): 6.5.
/// - first: s1 on 2026-11-02; last: s4 on 2026-11-09.
/// - last 28 days (after 2026-10-15T12:00+01:00): s1, s3, s4 = 3.
/// - weeks with a completed talk: Mon 11-02 (s1), Mon 11-09 (s4); now is in the week of
///   11-09: 2 in a row.
#[test]
fn nulls_solo_and_unfinished_talks_are_counted_by_the_rules() {
    let stats = compute(
        &journal(mixed_sessions()),
        None,
        at("2026-11-12T12:00:00+01:00"),
    );
    let expected = json!({
        "sessions": 3,
        "completed_sessions": 2,
        "turns_rated": 4,
        "felt_heard_avg": 3.0,
        "felt_validated_avg": 2.5,
        "felt_cared_avg": null,
        "by_partner": [
            {"name": "Ana", "turns_rated": 2, "felt_heard_avg": 4.5, "felt_validated_avg": 5.0, "felt_cared_avg": null},
            {"name": "Ben", "turns_rated": 1, "felt_heard_avg": 2.0, "felt_validated_avg": 2.0, "felt_cared_avg": null}
        ],
        "mood_lift_avg": 1.5,
        "closeness_avg": 6.5,
        "first_session": "2026-11-02",
        "last_session": "2026-11-09",
        "sessions_last_28_days": 3,
        "weekly_streak": 2,
        // s3 writes them "Ben", "Ana": the same couple, named as s4, the latest, writes them.
        "couples": [{"partners": ["Ana", "Ben"], "sessions": 3}]
    });
    assert_eq!(serde_json::to_value(&stats).unwrap(), expected);
}

/// `--since 2026-11-05` keeps s3 (written 2026-11-05T00:30+02:00, which is still
/// 11-04 in UTC) and s4.
/// - 2 talks, 1 completed (s4). Heard: 2, 1 -> 1.5; validated: 1, 1 -> 1.0.
/// - by_partner: Ben first now (s3 turn f); the out-of-range speaker is skipped; Ana
///   appears (turn h) with nothing rated.
/// - mood lift: 4-2 = 2.0; closeness: 7.0; first 2026-11-05, last 2026-11-09.
/// - streak: only s4's week (Mon 11-09) counts, s3 is unfinished: 1.
#[test]
fn since_keeps_talks_by_their_local_date_and_everything_follows() {
    let stats = compute(
        &journal(mixed_sessions()),
        Some(day("2026-11-05")),
        at("2026-11-12T12:00:00+01:00"),
    );
    let expected = json!({
        "sessions": 2,
        "completed_sessions": 1,
        "turns_rated": 2,
        "felt_heard_avg": 1.5,
        "felt_validated_avg": 1.0,
        "felt_cared_avg": null,
        "by_partner": [
            {"name": "Ben", "turns_rated": 1, "felt_heard_avg": 2.0, "felt_validated_avg": 1.0, "felt_cared_avg": null},
            {"name": "Ana", "turns_rated": 0, "felt_heard_avg": null, "felt_validated_avg": null, "felt_cared_avg": null}
        ],
        "mood_lift_avg": 2.0,
        "closeness_avg": 7.0,
        "first_session": "2026-11-05",
        "last_session": "2026-11-09",
        "sessions_last_28_days": 2,
        "weekly_streak": 1,
        "couples": [{"partners": ["Ana", "Ben"], "sessions": 2}]
    });
    assert_eq!(serde_json::to_value(&stats).unwrap(), expected);
}

#[test]
fn an_empty_journal_has_zeros_and_nulls() {
    let stats = compute(&journal(json!([])), None, at("2026-11-12T12:00:00+01:00"));
    let expected = json!({
        "sessions": 0, "completed_sessions": 0, "turns_rated": 0,
        "felt_heard_avg": null, "felt_validated_avg": null, "felt_cared_avg": null,
        "by_partner": [],
        "mood_lift_avg": null, "closeness_avg": null,
        "first_session": null, "last_session": null,
        "sessions_last_28_days": 0, "weekly_streak": 0, "couples": []
    });
    assert_eq!(serde_json::to_value(&stats).unwrap(), expected);
    let words = describe(&stats, None, at("2026-11-12T12:00:00+01:00"));
    assert!(words.contains("No talks yet"), "{words}");
}

/// now = 2026-11-30T10:00+01:00 = 09:00Z, so the window is (2026-11-02T09:00Z, now].
/// - "2026-11-02T10:00:00+01:00" is 09:00Z exactly: out.
/// - "2026-11-02T04:00:01-05:00" is 09:00:01Z: in (unfinished talks count too).
/// - "2026-11-30T18:00:00+09:00" is 09:00Z, exactly now: in.
/// - "2026-11-30T09:00:01+00:00" is one second after now: out.
#[test]
fn the_28_day_window_compares_instants_at_both_edges() {
    let sessions = json!([
        talk("a", "2026-11-02T10:00:00+01:00", true),
        talk("b", "2026-11-02T04:00:01-05:00", false),
        talk("c", "2026-11-30T18:00:00+09:00", true),
        talk("d", "2026-11-30T09:00:01+00:00", true),
    ]);
    let stats = compute(&journal(sessions), None, at("2026-11-30T10:00:00+01:00"));
    assert_eq!(stats.sessions_last_28_days, 2);
}

/// Completed talks on Wed 2026-12-16 (W51), Tue 12-22 (W52), Fri 2027-01-01 (2026-W53)
/// and Tue 2027-01-05 (2027-W01); an unfinished one on Wed 2026-12-09 (W50).
fn year_end_sessions() -> Journal {
    journal(json!([
        talk("w50", "2026-12-09T20:00:00+01:00", false),
        talk("w51", "2026-12-16T20:00:00+01:00", true),
        talk("w52", "2026-12-22T20:00:00+01:00", true),
        talk("w53", "2027-01-01T20:00:00+01:00", true),
        talk("w01", "2027-01-05T20:00:00+01:00", true),
    ]))
}

#[test]
fn the_weekly_streak_runs_across_the_53rd_week_into_the_new_year() {
    // Now in 2027-W01: W01, 2026-W53, W52, W51 = 4; W50 only has an unfinished talk.
    let stats = compute(&year_end_sessions(), None, at("2027-01-06T12:00:00+01:00"));
    assert_eq!(stats.weekly_streak, 4);
}

#[test]
fn the_weekly_streak_may_end_last_week() {
    // Now in 2027-W02, which has no talk yet: counting from W01 still gives 4.
    let stats = compute(&year_end_sessions(), None, at("2027-01-13T12:00:00+01:00"));
    assert_eq!(stats.weekly_streak, 4);
}

#[test]
fn no_talk_this_week_or_last_means_streak_zero_and_words_without_guilt() {
    // Now in 2027-W03: neither W03 nor W02 has a talk.
    let now = at("2027-01-20T12:00:00+01:00");
    let stats = compute(&year_end_sessions(), None, now);
    assert_eq!(stats.weekly_streak, 0);
    let words = describe(&stats, None, now);
    // The last talk was on 2027-01-05, 15 days before 2027-01-20.
    assert!(words.contains("Last talk: 15 days ago"), "{words}");
    assert!(!words.contains("Weekly rhythm"), "{words}");
}

#[test]
fn an_unfinished_talk_alone_makes_no_streak() {
    let sessions = json!([talk("u", "2026-11-30T20:00:00+01:00", false)]);
    let stats = compute(&journal(sessions), None, at("2026-12-01T12:00:00+01:00"));
    assert_eq!((stats.sessions, stats.completed_sessions), (1, 0));
    assert_eq!(stats.weekly_streak, 0);
}

/// Earliest instant: "2026-03-02T02:00:00+09:00" (2026-03-01T17:00Z), written on 03-02.
/// Latest instant: "2026-03-01T23:30:00-05:00" (2026-03-02T04:30Z), written on 03-01.
/// So first_session is the later-looking date: the dates are as written, not UTC.
#[test]
fn first_and_last_dates_are_as_written_not_utc() {
    let sessions = json!([
        talk("west", "2026-03-01T23:30:00-05:00", true),
        talk("east", "2026-03-02T02:00:00+09:00", true),
    ]);
    let stats = compute(&journal(sessions), None, at("2026-03-05T12:00:00+01:00"));
    assert_eq!(stats.first_session, Some(day("2026-03-02")));
    assert_eq!(stats.last_session, Some(day("2026-03-01")));
    let value = serde_json::to_value(&stats).unwrap();
    assert_eq!(value["first_session"], "2026-03-02");
    assert_eq!(value["last_session"], "2026-03-01");
}

/// Both talks start at 2026-03-01T23:00Z, written on different dates; on a tie the talk
/// that comes first in the file gives both dates.
#[test]
fn talks_at_the_same_instant_take_the_first_in_the_file() {
    let sessions = json!([
        talk("first", "2026-03-02T01:00:00+02:00", true),
        talk("second", "2026-03-01T22:00:00-01:00", true),
    ]);
    let stats = compute(&journal(sessions), None, at("2026-03-05T12:00:00+01:00"));
    assert_eq!(stats.first_session, Some(day("2026-03-02")));
    assert_eq!(stats.last_session, Some(day("2026-03-02")));
}

#[test]
fn the_words_round_to_one_decimal_and_name_each_partner() {
    let now = at("2026-11-12T12:00:00+01:00");
    let words = describe(&compute(&journal(mixed_sessions()), None, now), None, now);
    assert!(
        words.contains("3 talks (2 finished) since 2 Nov 2026"),
        "{words}"
    );
    assert!(
        words.contains("Felt heard: 3.0 on average (Ana 4.5, Ben 2.0)"),
        "{words}"
    );
    assert!(
        words.contains("Felt validated: 2.5 on average (Ana 5.0, Ben 2.0)"),
        "{words}"
    );
    assert!(
        words.contains("Mood after a talk: up 1.5 on average"),
        "{words}"
    );
    assert!(words.contains("Closeness: 6.5 of 7"), "{words}");
    assert!(words.contains("Last 28 days: 3 talks"), "{words}");
    assert!(words.contains("Weekly rhythm: 2 weeks in a row"), "{words}");
    // When the last talk was is said beside the rhythm, not only instead of it.
    assert!(words.contains("Last talk: "), "{words}");
}

// ---- a second, naive implementation, working on the JSON itself ----

mod naive {
    use super::*;

    fn num(v: &Value) -> Option<f64> {
        v.as_u64().map(|n| n as f64)
    }

    fn mean(values: &[f64]) -> Value {
        if values.is_empty() {
            Value::Null
        } else {
            json!(values.iter().sum::<f64>() / values.len() as f64)
        }
    }

    fn instant(s: &Value) -> i64 {
        at(s["started_at"].as_str().unwrap()).timestamp()
    }

    /// The first ten characters of an RFC 3339 timestamp are its local date.
    fn written_date(text: &str) -> String {
        text[..10].to_string()
    }

    /// Weeks counted from the Monday 1970-01-05; 1970-01-01 was a Thursday.
    fn week_number(date: &str) -> i64 {
        let days = (day(date) - day("1970-01-01")).num_days();
        (days + 3).div_euclid(7)
    }

    pub fn stats(journal: &Value, since: Option<&str>, now: &str) -> Value {
        let kept: Vec<&Value> = journal["sessions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["mode"] == "couple")
            .filter(|s| {
                since.is_none_or(|d| written_date(s["started_at"].as_str().unwrap()).as_str() >= d)
            })
            .collect();
        fn completed(s: &&&Value) -> bool {
            s["completed"] == true
        }

        let mut heard = Vec::new();
        let mut validated = Vec::new();
        let mut names: Vec<String> = Vec::new();
        let mut per_name: Vec<(Vec<f64>, Vec<f64>)> = Vec::new();
        let mut lifts = Vec::new();
        let mut closeness = Vec::new();
        for s in &kept {
            let partners = s["partners"].as_array().unwrap();
            for t in s["turns"].as_array().unwrap() {
                let h = num(&t["felt_heard"]);
                let v = num(&t["felt_validated"]);
                heard.extend(h);
                validated.extend(v);
                let speaker = t["speaker"].as_u64().unwrap() as usize;
                if speaker >= partners.len() {
                    continue;
                }
                let name = partners[speaker].as_str().unwrap().to_string();
                if !names.contains(&name) {
                    names.push(name.clone());
                    per_name.push((Vec::new(), Vec::new()));
                }
                let i = names.iter().position(|n| *n == name).unwrap();
                per_name[i].0.extend(h);
                per_name[i].1.extend(v);
            }
            let before = s["mood_before"].as_array().unwrap();
            let after = s["mood_after"].as_array().unwrap();
            for i in 0..before.len().min(after.len()) {
                if let (Some(b), Some(a)) = (num(&before[i]), num(&after[i])) {
                    lifts.push(a - b);
                }
            }
            closeness.extend(s["closeness"].as_array().unwrap().iter().filter_map(num));
        }

        let mut first: Option<&Value> = None;
        let mut last: Option<&Value> = None;
        for s in &kept {
            if first.is_none_or(|f| instant(s) < instant(f)) {
                first = Some(s);
            }
            if last.is_none_or(|l| instant(s) > instant(l)) {
                last = Some(s);
            }
        }
        let date_of = |s: Option<&Value>| {
            s.map_or(Value::Null, |s| {
                json!(written_date(s["started_at"].as_str().unwrap()))
            })
        };

        let now_secs = at(now).timestamp();
        let recent = kept
            .iter()
            .filter(|s| instant(s) > now_secs - 28 * 24 * 3600 && instant(s) <= now_secs)
            .count();

        let weeks: Vec<i64> = kept
            .iter()
            .filter(completed)
            .map(|s| week_number(&written_date(s["started_at"].as_str().unwrap())))
            .collect();
        let this_week = week_number(&written_date(now));
        let mut week = if weeks.contains(&this_week) {
            this_week
        } else {
            this_week - 1
        };
        let mut streak = 0;
        while weeks.contains(&week) {
            streak += 1;
            week -= 1;
        }

        json!({
            "sessions": kept.len(),
            "completed_sessions": kept.iter().filter(completed).count(),
            "turns_rated": heard.len(),
            "felt_heard_avg": mean(&heard),
            "felt_validated_avg": mean(&validated),
            // Talks from prompts do not ask it (yet): only conversations' rounds do.
            "felt_cared_avg": null,
            "by_partner": names.iter().zip(&per_name).map(|(name, (h, v))| json!({
                "name": name, "turns_rated": h.len(),
                "felt_heard_avg": mean(h), "felt_validated_avg": mean(v),
                "felt_cared_avg": null
            })).collect::<Vec<_>>(),
            "mood_lift_avg": mean(&lifts),
            "closeness_avg": mean(&closeness),
            "first_session": date_of(first),
            "last_session": date_of(last),
            "sessions_last_28_days": recent,
            "weekly_streak": streak,
            "couples": couples(&kept)
        })
    }

    /// Couples read straight from the words of the issue: the two names, trimmed, in any
    /// case and either order; named as their latest talk writes them; newest first.
    fn couples(kept: &[&Value]) -> Value {
        struct Found {
            key: Vec<String>,
            names: Vec<String>,
            sessions: usize,
            latest: i64,
        }
        let mut found: Vec<Found> = Vec::new();
        for s in kept {
            let names: Vec<String> = s["partners"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_str().unwrap().trim().to_string())
                .collect();
            if names.len() != 2 || names.iter().any(String::is_empty) {
                continue;
            }
            let mut key: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
            key.sort();
            let when = instant(s);
            match found.iter_mut().find(|c| c.key == key) {
                Some(c) => {
                    c.sessions += 1;
                    if when >= c.latest {
                        (c.names, c.latest) = (names, when);
                    }
                }
                None => found.push(Found {
                    key,
                    names,
                    sessions: 1,
                    latest: when,
                }),
            }
        }
        // Newest first; of couples whose latest talks start together, the one seen later.
        let mut order: Vec<usize> = (0..found.len()).collect();
        order.sort_by_key(|&i| (std::cmp::Reverse(found[i].latest), std::cmp::Reverse(i)));
        let found: Vec<&Found> = order.iter().map(|&i| &found[i]).collect();
        Value::Array(
            found
                .into_iter()
                .map(|c| json!({"partners": c.names, "sessions": c.sessions}))
                .collect(),
        )
    }
}

mod random {
    use chrono::{DateTime, FixedOffset};
    use proptest::prelude::*;
    use serde_json::{Value, json};

    /// 2026-12-15T12:00:00Z: random talks fall around it, across the 2026/2027 boundary.
    const CENTRE: i64 = 1_797_336_000;

    pub fn timestamp(hours_from_centre: i64, offset_quarters: i32, zulu: bool) -> String {
        let offset = FixedOffset::east_opt(offset_quarters * 15 * 60).unwrap();
        let utc = DateTime::from_timestamp(CENTRE + hours_from_centre * 3600, 0).unwrap();
        utc.with_timezone(&offset)
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, zulu)
    }

    fn time() -> impl Strategy<Value = String> {
        // Whole hours, so a talk sometimes sits exactly on the 28-day edge.
        (-24i64 * 90..24 * 10, -48i32..=56, any::<bool>()).prop_map(|(h, q, z)| timestamp(h, q, z))
    }

    fn rating(max: u64) -> impl Strategy<Value = Option<Value>> {
        prop_oneof![
            1 => Just(None),
            1 => Just(Some(Value::Null)),
            3 => (1..=max).prop_map(|n| Some(json!(n))),
        ]
    }

    fn scale(max: u64) -> impl Strategy<Value = Value> {
        prop::collection::vec(
            prop_oneof![Just(Value::Null), (1..=max).prop_map(|n| json!(n))],
            0..4,
        )
        .prop_map(Value::Array)
    }

    fn turn() -> impl Strategy<Value = Value> {
        (0u64..4, rating(5), rating(5), rating(5), any::<bool>()).prop_map(
            |(speaker, heard, validated, clarity, skipped)| {
                let mut t = json!({"prompt_id": "p", "prompt": "P", "speaker": speaker, "skipped": skipped});
                for (key, value) in [("felt_heard", heard), ("felt_validated", validated), ("clarity", clarity)] {
                    if let Some(value) = value {
                        t[key] = value;
                    }
                }
                t
            },
        )
    }

    fn session() -> impl Strategy<Value = Value> {
        let names = prop::collection::vec(
            prop::sample::select(vec!["Ana", "Ben", "Cleo", "ana", "Ben "]),
            0..4,
        );
        (
            prop_oneof![4 => Just("couple"), 1 => Just("solo")],
            time(),
            any::<bool>(),
            names,
            (scale(5), scale(5), scale(7)),
            prop::collection::vec(turn(), 0..6),
        )
            .prop_map(
                |(mode, started_at, completed, partners, (before, after, closeness), turns)| {
                    json!({
                        "id": "x", "mode": mode, "started_at": started_at, "completed": completed,
                        "deck_id": "d", "partners": partners, "mood_before": before,
                        "mood_after": after, "closeness": closeness, "turns": turns
                    })
                },
            )
    }

    pub fn journal() -> impl Strategy<Value = Value> {
        prop::collection::vec(session(), 0..14).prop_map(
            |sessions| json!({"format": "heard-journal", "version": 1, "sessions": sessions}),
        )
    }

    pub fn now() -> impl Strategy<Value = String> {
        (-24i64 * 30..24 * 10, -48i32..=56, any::<bool>()).prop_map(|(h, q, z)| timestamp(h, q, z))
    }

    pub fn since() -> impl Strategy<Value = Option<String>> {
        prop::option::of((-100i64..10).prop_map(|d| timestamp(d * 24, 0, true)[..10].to_string()))
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    #[test]
    fn compute_agrees_with_a_naive_reading_of_the_spec(
        journal_value in random::journal(),
        now in random::now(),
        since in random::since(),
    ) {
        let parsed: Journal = serde_json::from_value(journal_value.clone()).unwrap();
        let stats: Stats = compute(&parsed, since.as_deref().map(day), at(&now));
        let expected = naive::stats(&journal_value, since.as_deref(), &now);
        proptest::prop_assert_eq!(serde_json::to_value(&stats).unwrap(), expected);
    }
}

// ---- through the real binary ----

fn heard(root: &Path, now: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_heard"))
        .env_remove("HEARD_DATA_DIR")
        .env_remove("HEARD_CONFIG_DIR")
        .env_remove("NO_COLOR")
        .env("HEARD_NOW", now)
        .arg("--data-dir")
        .arg(root.join("data"))
        .arg("--config-dir")
        .arg(root.join("config"))
        .args(args)
        .output()
        .expect("run heard")
}

fn write_journal(root: &Path, sessions: Value) -> std::path::PathBuf {
    let data = root.join("data");
    std::fs::create_dir_all(&data).unwrap();
    let path = data.join("journal.json");
    let text = serde_json::to_string_pretty(&json!({
        "format": "heard-journal", "version": 1, "sessions": sessions
    }))
    .unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

fn stdout_json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        text.ends_with('\n') && text.trim_end().lines().count() == 1,
        "{text:?}"
    );
    serde_json::from_str(&text).unwrap()
}

#[test]
fn cli_stats_json_prints_the_hand_computed_figures() {
    let dir = tempfile::tempdir().unwrap();
    write_journal(dir.path(), mixed_sessions());
    let value = stdout_json(&heard(
        dir.path(),
        "2026-11-12T12:00:00+01:00",
        &["journal", "stats", "--json"],
    ));
    // Worked out in `nulls_solo_and_unfinished_talks_are_counted_by_the_rules`.
    assert_eq!(value["sessions"], 3);
    assert_eq!(value["completed_sessions"], 2);
    assert_eq!(value["turns_rated"], 4);
    assert_eq!(value["felt_heard_avg"], 3.0);
    assert_eq!(value["felt_validated_avg"], 2.5);
    assert_eq!(value["by_partner"][1]["name"], "Ben");
    assert_eq!(value["by_partner"][1]["felt_validated_avg"], 2.0);
    assert_eq!(value["mood_lift_avg"], 1.5);
    assert_eq!(value["closeness_avg"], 6.5);
    assert_eq!(value["first_session"], "2026-11-02");
    assert_eq!(value["last_session"], "2026-11-09");
    assert_eq!(value["sessions_last_28_days"], 3);
    assert_eq!(value["weekly_streak"], 2);
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 14);
    assert_eq!(
        value["couples"],
        json!([{"partners": ["Ana", "Ben"], "sessions": 3}])
    );

    let since = stdout_json(&heard(
        dir.path(),
        "2026-11-12T12:00:00+01:00",
        &["journal", "stats", "--json", "--since", "2026-11-05"],
    ));
    assert_eq!(since["sessions"], 2);
    assert_eq!(since["by_partner"][0]["name"], "Ben");
}

/// The same instant, 2026-11-29T23:30Z, written in two offsets. In UTC it is Sunday of
/// the week of Mon 11-23; in +02:00 it is Monday 11-30, a new week.
/// Completed talks: Mon 2026-11-23 (its week) and "2026-11-30T01:00:00+02:00" (written
/// on Monday 11-30, the new week; 23:00Z, before now).
/// - now in UTC: this week (11-23) has a talk; the week before has none: streak 1.
/// - now in +02:00: this week (11-30) has one, and so does 11-23: streak 2.
#[test]
fn cli_heard_now_offset_decides_which_week_is_this_week() {
    let dir = tempfile::tempdir().unwrap();
    write_journal(
        dir.path(),
        json!([
            talk("a", "2026-11-23T20:00:00+01:00", true),
            talk("b", "2026-11-30T01:00:00+02:00", true),
        ]),
    );
    let args = ["journal", "stats", "--json"];
    let utc = stdout_json(&heard(dir.path(), "2026-11-29T23:30:00+00:00", &args));
    let east = stdout_json(&heard(dir.path(), "2026-11-30T01:30:00+02:00", &args));
    assert_eq!(utc["weekly_streak"], 1);
    assert_eq!(east["weekly_streak"], 2);
}

#[test]
fn cli_stats_on_an_empty_journal_says_how_to_begin() {
    let dir = tempfile::tempdir().unwrap();
    let out = heard(
        dir.path(),
        "2026-11-12T12:00:00+01:00",
        &["journal", "stats"],
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("heard talk"), "{text}");
    assert!(!dir.path().join("data").join("journal.json").exists());
}

#[test]
fn cli_stats_words_keep_names_on_one_safe_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = talk("a", "2026-11-10T20:00:00+01:00", true);
    session["partners"] = json!(["An\u{1b}[31ma", "Ben\nLine"]);
    session["turns"] = json!([
        {"prompt_id": "p", "prompt": "P", "speaker": 0, "felt_heard": 4, "felt_validated": 4, "skipped": false},
        {"prompt_id": "p", "prompt": "P", "speaker": 1, "felt_heard": 3, "felt_validated": 5, "skipped": false}
    ]);
    write_journal(dir.path(), json!([session]));
    let out = heard(
        dir.path(),
        "2026-11-12T12:00:00+01:00",
        &["journal", "stats"],
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}'), "{text:?}");
    assert!(
        text.contains("Felt heard: 3.5 on average (An\u{FFFD}[31ma 4.0, Ben Line 3.0)"),
        "{text}"
    );
}

#[test]
fn cli_stats_on_a_corrupt_journal_fails_with_the_position_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_journal(dir.path(), json!([]));
    let broken =
        b"{\n  \"format\": \"heard-journal\",\n  \"version\": 1,\n  \"sessions\": [ oops ]\n}\n";
    std::fs::write(&path, broken).unwrap();
    for args in [
        &["journal", "stats"][..],
        &["journal", "stats", "--json"][..],
    ] {
        let out = heard(dir.path(), "2026-11-12T12:00:00+01:00", args);
        assert_eq!(out.status.code(), Some(1));
        assert!(out.stdout.is_empty());
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(&format!("{}:4:", path.display())), "{err}");
        assert!(err.contains("heard journal repair"), "{err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    }
    assert_eq!(std::fs::read(&path).unwrap(), broken);
    let files: Vec<_> = std::fs::read_dir(dir.path().join("data"))
        .unwrap()
        .collect();
    assert_eq!(files.len(), 1);
}
