//! The therapist demo's sample history: a believable, valid journal with a story to point at.

use heard::mode::Mode;
use std::path::Path;

use chrono::{DateTime, Duration, FixedOffset};
use heard::deck::load::builtin_decks;
use heard::demo::{DEMO_PARTNERS, demo_config, sample_journal};
use heard::journal::stats::compute;
use heard::journal::{Journal, Session, SessionMode, store};

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// A few moments to try: different weekdays, offsets, times of day and a year boundary.
fn nows() -> Vec<DateTime<FixedOffset>> {
    [
        "2026-03-16T10:00:00+01:00",
        "2026-06-07T23:59:00-07:00",
        "2027-01-04T00:05:00+05:30",
        "2026-11-26T20:01:00+00:00",
        "2026-09-02T13:30:00+12:45",
    ]
    .iter()
    .map(|t| at(t))
    .collect()
}

/// The demo's talks from prompts (its conversations are tested on their own).
fn couple_talks(journal: &Journal) -> Vec<&Session> {
    let mut talks: Vec<&Session> = (journal.sessions.iter())
        .filter(|s| s.kind() == "prompts")
        .collect();
    talks.sort_by_key(|s| s.started_at.at());
    talks
}

/// Mean felt_heard of `partner`'s rated turns over `talks`.
fn felt_heard_avg(talks: &[&Session], partner: usize) -> f64 {
    let values: Vec<f64> = talks
        .iter()
        .flat_map(|s| &s.turns)
        .filter(|t| t.speaker == partner)
        .filter_map(|t| t.felt_heard())
        .map(f64::from)
        .collect();
    assert!(!values.is_empty(), "partner {partner} has rated turns");
    values.iter().sum::<f64>() / values.len() as f64
}

#[test]
fn the_same_moment_gives_the_same_journal() {
    for now in nows() {
        let a = serde_json::to_string(&sample_journal(now)).unwrap();
        let b = serde_json::to_string(&sample_journal(now)).unwrap();
        assert_eq!(a, b);
    }
}

#[test]
fn about_twelve_weeks_ending_a_few_days_ago() {
    for now in nows() {
        let journal = sample_journal(now);
        let starts: Vec<_> = journal.sessions.iter().map(|s| s.started_at.at()).collect();
        let first = *starts.iter().min().unwrap();
        let last = *starts.iter().max().unwrap();
        assert!(
            starts.iter().all(|s| *s < now),
            "every talk is in the past at {now}"
        );
        let span = now - first;
        assert!(
            span >= Duration::weeks(10) && span <= Duration::weeks(13),
            "history spans {} days at {now}",
            span.num_days()
        );
        let since_last = now - last;
        assert!(
            since_last >= Duration::days(2) && since_last <= Duration::days(6),
            "last talk {} hours before {now}",
            since_last.num_hours()
        );
        for session in &journal.sessions {
            let start = session.started_at.at();
            assert_eq!(start.offset(), now.offset(), "times are in now's offset");
            assert!(
                (19..=21).contains(&chrono::Timelike::hour(&start)),
                "an evening: {start}"
            );
            assert!(session.ended_at.as_ref().unwrap().at() > start);
        }
    }
}

#[test]
fn serializes_and_reads_back_as_a_heard_journal() {
    for now in nows() {
        let journal = sample_journal(now);
        let bytes = serde_json::to_vec_pretty(&journal).unwrap();
        let loaded = store::parse(Path::new("demo.json"), &bytes).unwrap();
        assert!(loaded.writable);
        assert_eq!(loaded.journal, journal);
    }
}

#[test]
fn ids_are_distinct_version_4_uuids() {
    let journal = sample_journal(nows()[0]);
    let mut ids: Vec<uuid::Uuid> = journal
        .sessions
        .iter()
        .map(|s| uuid::Uuid::parse_str(&s.id).expect("a UUID"))
        .collect();
    assert!(ids.iter().all(|id| id.get_version_num() == 4));
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), journal.sessions.len());
}

#[test]
fn every_prompt_comes_from_the_named_built_in_deck() {
    let decks = builtin_decks();
    let journal = sample_journal(nows()[0]);
    for session in journal.sessions.iter().filter(|s| !s.turns.is_empty()) {
        let deck = decks
            .iter()
            .find(|d| d.id == session.deck_id)
            .unwrap_or_else(|| panic!("no built-in deck {:?}", session.deck_id));
        for turn in &session.turns {
            let prompt = deck
                .prompts
                .iter()
                .find(|p| p.id == turn.prompt_id)
                .unwrap_or_else(|| panic!("{} has no prompt {}", deck.id, turn.prompt_id));
            assert_eq!(prompt.text, turn.prompt);
        }
    }
}

#[test]
fn couple_talks_look_like_real_ones() {
    let journal = sample_journal(nows()[1]);
    let talks = couple_talks(&journal);
    let mut skipped = 0;
    let mut notes = 0;
    let mut guesses = 0;
    for talk in &talks {
        assert_eq!(talk.partners, DEMO_PARTNERS);
        let prompts: Vec<&str> = talk.turns.iter().map(|t| t.prompt_id.as_str()).collect();
        let mut distinct = prompts.clone();
        distinct.dedup();
        if talk.completed {
            assert!(
                (3..=6).contains(&distinct.len()),
                "{} prompts",
                distinct.len()
            );
            assert_eq!(
                prompts.len(),
                2 * distinct.len(),
                "both partners answer each prompt"
            );
        }
        for (n, pair) in talk.turns.chunks(2).enumerate() {
            assert_eq!(pair[0].speaker, n % 2, "who goes first alternates");
            if let [a, b] = pair {
                assert_ne!(a.speaker, b.speaker, "the other partner answers next");
            }
        }
        for turn in &talk.turns {
            if turn.skipped {
                skipped += 1;
                assert_eq!(turn.felt_heard(), None);
                assert_eq!(turn.felt_validated(), None);
                continue;
            }
            let seconds = turn.seconds().unwrap();
            assert!((60..=240).contains(&seconds), "{seconds} s");
            for rating in [
                turn.felt_heard(),
                turn.felt_validated(),
                turn.listener_guess(),
            ] {
                assert!(rating.is_none_or(|r| (1..=5).contains(&r)));
            }
            guesses += usize::from(turn.listener_guess().is_some());
            notes += usize::from(turn.note.is_some());
        }
        for value in talk.closeness.iter().flatten() {
            assert!((3..=6).contains(value), "closeness {value}");
        }
    }
    let turns: usize = talks.iter().map(|t| t.turns.len()).sum();
    assert!(
        skipped >= 1 && skipped * 8 < turns,
        "a few skipped turns: {skipped}"
    );
    assert!(
        notes >= 3 && notes * 2 < turns,
        "notes on some turns: {notes}"
    );
    assert!(
        guesses * 3 > turns * 2 && guesses < turns,
        "guesses on most turns: {guesses}"
    );
}

#[test]
fn stats_show_a_regular_couple_who_feel_better_after_talking() {
    for now in nows() {
        let stats = compute(&sample_journal(now), None, now);
        assert!(
            (9..=14).contains(&stats.sessions),
            "{} talks",
            stats.sessions
        );
        assert!(
            stats.weekly_streak >= 2,
            "streak {} at {now}",
            stats.weekly_streak
        );
        assert!(stats.mood_lift_avg.unwrap() > 0.0);
        let names: Vec<&str> = stats.by_partner.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names.len(), 2);
        assert!(DEMO_PARTNERS.iter().all(|n| names.contains(n)), "{names:?}");
    }
}

#[test]
fn mood_after_a_talk_is_mostly_better() {
    let journal = sample_journal(nows()[3]);
    let pairs: Vec<(u8, u8)> = couple_talks(&journal)
        .iter()
        .flat_map(|s| s.mood_before.iter().zip(&s.mood_after))
        .filter_map(|(b, a)| Some(((*b)?, (*a)?)))
        .collect();
    let better = pairs.iter().filter(|(b, a)| a > b).count();
    let worse = pairs.iter().filter(|(b, a)| a < b).count();
    assert!(
        better * 3 > pairs.len() * 2,
        "{better} of {} better",
        pairs.len()
    );
    assert!(worse * 5 < pairs.len(), "{worse} of {} worse", pairs.len());
}

#[test]
fn sam_starts_out_feeling_less_heard_and_it_improves() {
    let sam = DEMO_PARTNERS.iter().position(|n| *n == "Sam").unwrap();
    let maya = 1 - sam;
    for now in nows() {
        let journal = sample_journal(now);
        let talks = couple_talks(&journal);
        let (first, last) = (&talks[..4], &talks[talks.len() - 4..]);
        let sam_first = felt_heard_avg(first, sam);
        assert!(
            sam_first < felt_heard_avg(first, maya),
            "Sam feels less heard at first"
        );
        assert!(felt_heard_avg(last, sam) > sam_first, "and it gets better");
        let closeness = |talks: &[&Session]| -> f64 {
            let values: Vec<f64> = talks
                .iter()
                .flat_map(|s| s.closeness.iter().flatten())
                .map(|c| f64::from(*c))
                .collect();
            values.iter().sum::<f64>() / values.len() as f64
        };
        assert!(closeness(last) > closeness(first), "closeness rises");
    }
}

#[test]
fn maya_reads_sam_better_as_the_weeks_go_by() {
    let sam = DEMO_PARTNERS.iter().position(|n| *n == "Sam").unwrap();
    let journal = sample_journal(nows()[0]);
    let talks = couple_talks(&journal);
    let misread = |talks: &[&Session]| -> f64 {
        let gaps: Vec<f64> = talks
            .iter()
            .flat_map(|s| &s.turns)
            .filter(|t| t.speaker == sam)
            .filter_map(|t| Some(f64::from(t.listener_guess()?) - f64::from(t.felt_heard()?)))
            .collect();
        gaps.iter().map(|g| g.abs()).sum::<f64>() / gaps.len() as f64
    };
    let (first, last) = (&talks[..4], &talks[talks.len() - 4..]);
    assert!(misread(last) < misread(first), "the guesses come closer");
}

#[test]
fn one_unfinished_talk_and_a_reflection_to_bring() {
    let journal = sample_journal(nows()[2]);
    let unfinished: Vec<_> = couple_talks(&journal)
        .into_iter()
        .filter(|s| !s.completed)
        .collect();
    assert_eq!(unfinished.len(), 1);
    assert!(
        !unfinished[0].turns.is_empty(),
        "it stopped partway, not before starting"
    );

    let solos: Vec<_> = journal
        .sessions
        .iter()
        .filter(|s| s.mode == SessionMode::Known(Mode::Solo))
        .collect();
    assert!((1..=2).contains(&solos.len()));
    for solo in &solos {
        assert_eq!(solo.partners.len(), 1);
        assert!(solo.closeness.is_empty());
        for turn in &solo.turns {
            assert!(turn.clarity().is_some_and(|c| (1..=5).contains(&c)));
            assert!(turn.bring_to_talk.is_some() && turn.felt_heard.is_none());
            assert!(turn.note.is_some(), "the reflection is written down");
        }
    }
    // Each reflection has its topic; the latest brings it, and it waits for a talk.
    assert!(solos.iter().all(|s| s.extra.get("topic").is_some()));
    let bringing: Vec<_> = solos
        .iter()
        .filter(|s| s.extra.get("bring_to_talk") == Some(&serde_json::Value::Bool(true)))
        .collect();
    assert_eq!(bringing.len(), 1);
    assert!(bringing[0].turns.iter().all(|t| t.bring_to_talk()));
    let partners = ["Maya".to_string(), "Sam".to_string()];
    let waiting = heard::talk::brought::waiting(&journal.sessions, &partners);
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].by, heard::mode::Partner::Second);
}

#[test]
fn demo_config_is_short_and_names_the_couple() {
    let config = demo_config();
    assert_eq!(config.partners, DEMO_PARTNERS);
    assert_eq!(config.prompts_per_talk, 3);
    assert_eq!(config.timer_seconds, 60);
    assert!(config.listener_guess && config.keep_notes);
}

#[test]
fn the_demo_holds_one_of_each_conversation_told_by_its_own_engine() {
    let journal = sample_journal(nows()[0]);
    let kinds: Vec<&str> = journal.sessions.iter().map(|s| s.kind()).collect();
    for kind in ["prompts", "reflection", "understand", "repair", "weekly"] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
    let understand = journal
        .sessions
        .iter()
        .find(|s| s.kind() == "understand")
        .unwrap();
    let rounds = understand.round_ratings();
    assert_eq!(rounds.len(), 2, "Maya, then Sam, had the floor");
    assert_eq!(
        understand.extra["rounds"][0]["pieces"], 2,
        "a not yet, then got it"
    );
    assert!(understand.completed);
    // Each conversation was run to its end by its engine, nothing refused on the way.
    let of = |kind: &str| journal.sessions.iter().find(|s| s.kind() == kind).unwrap();
    let repair = of("repair");
    assert!(repair.completed);
    assert_eq!(repair.extra["not_calm"], 1);
    assert_eq!(repair.extra["accepted"][0]["accepted"], true);
    assert_eq!(repair.extra["next_time"].as_array().unwrap().len(), 2);
    let weekly = of("weekly");
    assert!(weekly.completed);
    assert_eq!(
        weekly.extra["appreciations_each"][0]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(weekly.extra["issue"]["rounds"][0]["got_it"], true);
    assert_eq!(weekly.extra["this_week"][0], "A hug when I get home");
}
