//! Each insight rule on hand-made journals: said when the data bears it out, absent when
//! it does not, and every number in a sentence checked against the journal itself.

use crate::common;

use common::talks::{Talk, at, journal_of};
use heard::journal::insights::{Insight, insights};
use heard::journal::{Journal, SessionMode};
use heard::mode::Mode;

/// Day 0 is Monday 2 Nov 2026; "now" is Thursday 26 Nov 2026, day 24.
fn start() -> chrono::DateTime<chrono::FixedOffset> {
    at("2026-11-02T20:00:00+01:00")
}
fn now() -> chrono::DateTime<chrono::FixedOffset> {
    at("2026-11-26T21:00:00+01:00")
}

fn sentences(journal: &Journal) -> Vec<String> {
    insights(journal, now())
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn said(journal: &Journal, part: &str) -> bool {
    sentences(journal).iter().any(|s| s.contains(part))
}

#[test]
fn an_empty_journal_has_nothing_to_say() {
    assert!(sentences(&Journal::default()).is_empty());
}

#[test]
fn reflections_alone_say_nothing_about_talks_for_two() {
    let mut journal = journal_of(start(), &[Talk::on(20)]);
    for session in &mut journal.sessions {
        session.mode = SessionMode::Known(Mode::Solo);
        session.partners.truncate(1);
    }
    assert!(sentences(&journal).is_empty(), "{:?}", sentences(&journal));
}

#[test]
fn last_talk_says_how_many_days_ago_without_guilt() {
    let journal = journal_of(start(), &[Talk::on(1), Talk::on(15)]);
    // Day 15 is 17 Nov; now is 26 Nov.
    assert!(
        said(&journal, "Last talk 9 days ago."),
        "{:?}",
        sentences(&journal)
    );
    let journal = journal_of(start(), &[Talk::on(24)]);
    assert!(said(&journal, "Last talk today."));
    for sentence in sentences(&journal_of(start(), &[Talk::on(0)])) {
        let lower = sentence.to_lowercase();
        for word in ["missed", "broken", "streak", "only", "should", "lost"] {
            assert!(!lower.contains(word), "{sentence:?} says {word:?}");
        }
    }
}

#[test]
fn weeks_in_a_row_when_there_is_a_run() {
    // Weeks of 2, 9, 16 and 23 Nov: four in a row, this week included.
    let run = journal_of(
        start(),
        &[Talk::on(2), Talk::on(9), Talk::on(16), Talk::on(23)],
    );
    assert!(
        said(&run, "4 weeks in a row with a talk."),
        "{:?}",
        sentences(&run)
    );
    // Nothing in the week of 16 Nov: only this week counts, so no run to mention, just
    // when the last talk was (25 Nov).
    let gap = journal_of(start(), &[Talk::on(2), Talk::on(9), Talk::on(23)]);
    assert!(!said(&gap, "in a row"), "{:?}", sentences(&gap));
    assert!(said(&gap, "Last talk yesterday."), "{:?}", sentences(&gap));
}

#[test]
fn less_heard_in_most_of_the_last_five_talks() {
    let talks = [
        Talk::on(0).heard(5, 2),
        Talk::on(4).heard(4, 3),
        Talk::on(8).heard(4, 4),
        Talk::on(12).heard(5, 3),
        Talk::on(16).heard(3, 2),
    ];
    let journal = journal_of(start(), &talks);
    assert!(
        said(
            &journal,
            "Ben has felt less heard than Ana in 4 of the last 5 talks."
        ),
        "{:?}",
        sentences(&journal)
    );
    assert!(!said(&journal, "Ana has felt less heard"));
}

#[test]
fn less_heard_is_not_said_when_it_is_only_two_of_five_or_long_ago() {
    let two = [
        Talk::on(0).heard(5, 2),
        Talk::on(4).heard(4, 3),
        Talk::on(8).heard(4, 4),
        Talk::on(12).heard(3, 3),
        Talk::on(16).heard(2, 5),
    ];
    assert!(!said(&journal_of(start(), &two), "less heard"));
    // Five old talks where Ben felt less heard, then five where both felt the same.
    let mut old: Vec<Talk> = (0..5).map(|d| Talk::on(d).heard(5, 1)).collect();
    old.extend((5..10).map(|d| Talk::on(d).heard(4, 4)));
    assert!(!said(&journal_of(start(), &old), "less heard"));
}

#[test]
fn less_heard_works_for_either_partner_and_with_three_talks() {
    let talks = [
        Talk::on(0).heard(2, 5),
        Talk::on(4).heard(3, 4),
        Talk::on(8).heard(1, 2),
    ];
    assert!(said(
        &journal_of(start(), &talks),
        "Ana has felt less heard than Ben in 3 of the last 3 talks."
    ));
}

#[test]
fn mood_rose_after_most_recent_talks() {
    let talks: Vec<Talk> = (0..5)
        .map(|d| Talk::on(d * 3).moods([2, 3], [4, 3]))
        .collect();
    assert!(said(
        &journal_of(start(), &talks),
        "Your mood rose after 5 of your last 5 talks."
    ));
}

#[test]
fn mood_rose_is_not_said_when_one_of_you_felt_worse_or_it_is_rare() {
    // Ana up, Ben down: that is not "your mood rose".
    let mixed: Vec<Talk> = (0..5).map(|d| Talk::on(d).moods([2, 4], [4, 3])).collect();
    assert!(!said(&journal_of(start(), &mixed), "mood rose"));
    let rare = [
        Talk::on(0).moods([2, 2], [3, 3]),
        Talk::on(1).moods([2, 2], [3, 3]),
        Talk::on(2),
        Talk::on(3),
        Talk::on(4),
    ];
    assert!(!said(&journal_of(start(), &rare), "mood rose"));
}

#[test]
fn the_listening_gap_is_the_mean_distance_between_guess_and_feeling() {
    // Ana guesses Ben: felt 2, 3, 4 and she guessed 4, 3, 5: off by 2, 0, 1 = 1.0.
    let talks = [
        Talk::on(0).heard(4, 2).guesses(4, 4),
        Talk::on(4).heard(4, 3).guesses(4, 3),
        Talk::on(8).heard(4, 4).guesses(4, 5),
    ];
    let journal = journal_of(start(), &talks);
    assert!(
        said(
            &journal,
            "Ana's guesses of how heard Ben felt were off by 1.0 on average (3 guesses)."
        ),
        "{:?}",
        sentences(&journal)
    );
    // Ben guessed Ana exactly every time.
    assert!(said(
        &journal,
        "Ben's guesses of how heard Ana felt were right every time (3 guesses)."
    ));
}

#[test]
fn the_listening_gap_needs_three_guesses() {
    let talks = [
        Talk::on(0).heard(4, 2).guesses(4, 4),
        Talk::on(4).heard(4, 3).guesses(4, 3),
    ];
    assert!(!said(&journal_of(start(), &talks), "guesses"));
}

#[test]
fn the_listening_gap_over_time_says_closer_or_further_truthfully() {
    // Ana's guesses of Ben: off by 2, 2, 2 at first, then 0, 1, 0.
    let closer: Vec<Talk> = [2u8, 2, 2, 0, 1, 0]
        .iter()
        .enumerate()
        .map(|(d, off)| Talk::on(d as i64 * 2).heard(4, 2).guesses(4, 2 + off))
        .collect();
    let journal = journal_of(start(), &closer);
    assert!(
        said(
            &journal,
            "and came closer over time: 2.0 at first, 0.3 lately."
        ),
        "{:?}",
        sentences(&journal)
    );
    let further: Vec<Talk> = [0u8, 0, 1, 1, 2, 2]
        .iter()
        .enumerate()
        .map(|(d, off)| Talk::on(d as i64 * 2).heard(4, 2).guesses(4, 2 + off))
        .collect();
    let journal = journal_of(start(), &further);
    assert!(
        said(
            &journal,
            "lately a little further off: 0.3 at first, 1.7 lately."
        ),
        "{:?}",
        sentences(&journal)
    );
    assert!(!said(&journal, "closer"));
    let same: Vec<Talk> = (0..6)
        .map(|d| Talk::on(d * 2).heard(4, 2).guesses(4, 3))
        .collect();
    assert!(said(
        &journal_of(start(), &same),
        "about the same all along"
    ));
}

#[test]
fn a_talk_with_the_names_the_other_way_round_is_the_same_couple() {
    let mut journal = journal_of(
        start(),
        &[
            Talk::on(0).heard(5, 2),
            Talk::on(4).heard(5, 3),
            Talk::on(8).heard(4, 2),
        ],
    );
    // The middle talk lists Ben first; speakers are swapped with the names, so the same
    // people felt the same.
    let middle = &mut journal.sessions[1];
    middle.partners.reverse();
    for turn in &mut middle.turns {
        turn.speaker = 1 - turn.speaker;
    }
    assert!(
        said(
            &journal,
            "Ben has felt less heard than Ana in 3 of the last 3 talks."
        ),
        "{:?}",
        sentences(&journal)
    );
}

/// The demo's story, checked against the raw journal rather than against insights.rs.
#[test]
fn every_sentence_about_the_demo_journal_is_true_of_it() {
    let now = at("2026-11-26T20:00:00+01:00");
    let journal = heard::demo::sample_journal(now);
    let mut couple: Vec<_> = journal.sessions.iter().filter(|s| s.is_couple()).collect();
    couple.sort_by_key(|s| s.started_at.at());
    let last5 = &couple[couple.len() - 5..];
    let mean = |s: &heard::journal::Session, who: usize| {
        let v: Vec<f64> = s
            .turns
            .iter()
            .filter(|t| t.speaker == who)
            .filter_map(|t| t.felt_heard())
            .map(f64::from)
            .collect();
        (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
    };
    for insight in insights(&journal, now) {
        match &insight {
            Insight::LessHeard {
                quieter,
                times,
                talks,
                ..
            } => {
                let q = couple[0]
                    .partners
                    .iter()
                    .position(|n| n == quieter)
                    .unwrap();
                let count = last5
                    .iter()
                    .filter(|s| matches!((mean(s, q), mean(s, 1 - q)), (Some(a), Some(b)) if a < b))
                    .count();
                assert_eq!((*times, *talks), (count, 5), "{insight}");
                assert!(count >= 3);
            }
            Insight::MoodRose { times, talks } => {
                let count = last5
                    .iter()
                    .filter(|s| {
                        let lifts: Vec<i32> = (0..2)
                            .filter_map(|i| {
                                Some(
                                    i32::from(s.mood_after.get(i).copied()??)
                                        - i32::from(s.mood_before.get(i).copied()??),
                                )
                            })
                            .collect();
                        !lifts.is_empty()
                            && lifts.iter().all(|l| *l >= 0)
                            && lifts.iter().any(|l| *l > 0)
                    })
                    .count();
                assert_eq!((*times, *talks), (count, 5), "{insight}");
            }
            Insight::LastTalk { day, .. } => {
                assert_eq!(*day, couple.last().unwrap().started_at.local_date());
                assert_eq!(insight.to_string(), "Last talk 3 days ago.");
            }
            Insight::WeeksInARow { weeks } => {
                let stats = heard::journal::stats::compute(&journal, None, now);
                assert_eq!(*weeks, stats.weekly_streak);
            }
            // Checked against hand-made journals in their own tests below.
            Insight::Tries { tries, before, .. } => assert!(*tries >= 1 && *before >= 1),
            Insight::WeeksOfOurWeek { weeks } => assert!(*weeks >= 2),
            Insight::ListeningGap(gap) => {
                let listener = couple[0]
                    .partners
                    .iter()
                    .position(|n| *n == gap.listener)
                    .unwrap();
                let offs: Vec<f64> = couple
                    .iter()
                    .flat_map(|s| s.turns.iter())
                    .filter(|t| t.speaker == 1 - listener)
                    .filter_map(|t| {
                        Some((f64::from(t.listener_guess()?) - f64::from(t.felt_heard()?)).abs())
                    })
                    .collect();
                assert_eq!(gap.guesses, offs.len());
                let mean = offs.iter().sum::<f64>() / offs.len() as f64;
                assert!(
                    insight
                        .to_string()
                        .contains(&format!("off by {mean:.1} on average")),
                    "{insight}"
                );
            }
        }
    }
    // The demo is built to show Sam feeling less heard, and both getting closer.
    let all = sentences_at(&journal, now);
    assert!(
        all.iter()
            .any(|s| s.starts_with("Sam has felt less heard than Maya")),
        "{all:?}"
    );
}

fn sentences_at(journal: &Journal, now: chrono::DateTime<chrono::FixedOffset>) -> Vec<String> {
    insights(journal, now)
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// An understand talk on day `day`, run by its engine: Ana brings `topic` (shared or not)
/// and needs `tries` pieces before "you got it".
fn understand_on(day: i64, tries: u32, topic: &str, shared: bool) -> heard::journal::Session {
    use heard::activity::flow::Meta;
    use heard::mode::Partner;
    use heard::understand::{Answer, Input, Understand};
    let mut talk = Understand::new(Partner::First, true);
    let mut inputs = vec![
        Input::GoodTime(true),
        Input::GoodTime(true),
        Input::Topic {
            text: Some(topic.into()),
            shared,
        },
    ];
    for n in 1..=tries {
        inputs.extend([Input::Said, Input::Mirrored]);
        let answer = if n == tries {
            Answer::GotIt
        } else {
            Answer::NotYet
        };
        inputs.push(Input::Answer(answer));
    }
    inputs.extend([Input::More(false), Input::Done, Input::Done]);
    inputs.push(Input::Rate {
        heard: Some(4),
        validated: Some(4),
        cared: Some(4),
    });
    inputs.extend([
        Input::Switch(false),
        Input::SmallStep(None),
        Input::SmallStep(None),
    ]);
    for input in inputs {
        talk.apply(input).unwrap();
    }
    let when = start() + chrono::Duration::days(day);
    let partners = ["Ana".to_string(), "Ben".to_string()];
    let started = heard::journal::Timestamp::new(when);
    let id = format!("u{day}");
    let meta = Meta {
        id: &id,
        partners: &partners,
        started_at: &started,
    };
    talk.to_session(&meta, when + chrono::Duration::minutes(30), true)
}

#[test]
fn the_tries_to_feel_understood_are_said_against_the_time_before() {
    let mut journal = Journal::default();
    journal.sessions.push(understand_on(3, 1, "money", true));
    // One talk with a floor: nothing to compare with yet.
    assert!(!said(&journal, "to feel understood"));
    journal.sessions.push(understand_on(10, 3, "money", true));
    assert!(
        said(
            &journal,
            "Ana needed 3 tries to feel understood about money; the time before, 1 try."
        ),
        "{:?}",
        sentences(&journal)
    );
    // A topic kept private is never named in a shared sentence.
    journal
        .sessions
        .push(understand_on(17, 2, "my mother", false));
    let all = sentences(&journal).join(" ");
    assert!(
        all.contains("Ana needed 2 tries to feel understood; the time before, 3 tries."),
        "{all}"
    );
    assert!(!all.contains("mother"), "{all}");
}

#[test]
fn weeks_with_an_our_week_talk_are_counted_back_from_this_week_or_last() {
    let weekly = |day: i64| {
        let mut session = understand_on(day, 1, "x", true);
        session.extra.insert("kind".into(), "weekly".into());
        session.deck_id = "weekly".into();
        session
    };
    // Days 3, 10 and 17 are in the weeks of 2, 9 and 16 Nov; now is in the week of 23 Nov.
    let journal = Journal {
        sessions: vec![weekly(3), weekly(10), weekly(17)],
        ..Journal::default()
    };
    assert!(
        said(&journal, "Each of your last 3 weeks had an Our week talk."),
        "{:?}",
        sentences(&journal)
    );
    let one = Journal {
        sessions: vec![weekly(17)],
        ..Journal::default()
    };
    assert!(!said(&one, "Our week talk"), "one week is no run");
    let gap = Journal {
        sessions: vec![weekly(3), weekly(17)],
        ..Journal::default()
    };
    assert!(
        !said(&gap, "Our week talk"),
        "a week without one ends the run"
    );
}
