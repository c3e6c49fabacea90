//! The therapist demo's sample history: a fictional couple's twelve weeks of talks, made in memory.
//!
//! Nothing here reads a clock, a file or the OS's randomness: the same `now` always gives
//! the same journal, so a therapist sees the same story each time and tests can rely on it.
//! The ratings tell one gentle story on purpose: Sam starts out feeling less heard than
//! Maya, Maya at first guesses Sam feels more heard than Sam does, and both improve.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime};

use crate::config::Config;
use crate::deck::Deck;
use crate::deck::load::builtin_decks;
use crate::journal::stats::week_monday;
use crate::journal::{Extra, Journal, Mode, Session, Timestamp, Turn};

/// The fictional couple of the demo.
pub const DEMO_PARTNERS: [&str; 2] = ["Maya", "Sam"];

/// The partner whose felt-heard ratings start low and rise (Sam).
const QUIETER: usize = 1;

/// The couple talks, oldest first: weeks before the last talk's week, deck, prompts.
/// Weeks 9 and 5 are missed, as real weeks sometimes are.
const TALKS: [(i64, &str, usize); 10] = [
    (11, "daily-check-in", 3),
    (10, "rekindle", 4),
    (8, "state-of-us", 5),
    (7, "appreciation", 4),
    (6, "getting-real", 4),
    (4, "gentle-repair", 3),
    (3, "rekindle", 5),
    (2, "state-of-us", 4),
    (1, "appreciation", 6),
    (0, "daily-check-in", 3),
];

/// The talk that was stopped partway (it got late) and saved as unfinished.
const UNFINISHED: usize = 4;

/// Private notes, from the harder early weeks to the easier later ones.
const NOTES: [&[&str]; 2] = [
    &[
        "I jumped in too fast again. Noticed it, at least.",
        "Ask how the visit went on Sunday.",
        "Let it land before answering.",
        "Lovely to hear that story again.",
        "Easier than I thought it would be.",
    ],
    &[
        "Still tired from the week.",
        "Hard to say it out loud, but I did.",
        "Want to come back to the weekend plans.",
        "Got to finish the whole thought tonight.",
        "I felt listened to.",
    ],
];

/// Sam's solo reflections: weeks back, weekday (0 = Monday), mood before and after, and
/// per prompt of the "before-the-talk" deck: id, clarity, bring to the next talk, note.
type Reflection = (&'static str, u8, bool, &'static str);
const SOLOS: [(i64, i64, u8, u8, &[Reflection]); 2] = [
    (
        9,
        3,
        2,
        3,
        &[
            (
                "what-about",
                3,
                true,
                "I often get cut off halfway when I talk about my day, and then I just stop.",
            ),
            (
                "help-you-feel-heard",
                4,
                false,
                "Being able to finish a thought before the answer comes.",
            ),
            (
                "feel-afterwards",
                2,
                false,
                "Closer. Less like I'm talking to myself.",
            ),
        ],
    ),
    (
        4,
        1,
        3,
        4,
        &[
            (
                "say-first",
                4,
                false,
                "How patient Maya has been with all this.",
            ),
            (
                "get-across",
                5,
                false,
                "It's already better. I want us to keep going.",
            ),
        ],
    ),
];

/// The sample journal for the demo, its last talk three days before `now`, in `now`'s offset.
pub fn sample_journal(now: DateTime<FixedOffset>) -> Journal {
    let decks = builtin_decks();
    let deck = |id: &str| decks.iter().find(|d| d.id == id);
    let mut rng = Rng(0x6865_6172_6421);
    let last_day = now.date_naive() - Duration::days(3);
    let week_of = |weeks_back: i64| week_monday(last_day) - Duration::weeks(weeks_back);

    let mut sessions = Vec::new();
    for (i, (weeks_back, deck_id, prompts)) in TALKS.into_iter().enumerate() {
        // Wednesday to Saturday, so each talk falls in its own ISO week.
        let weekday = 2 + rng.below(4) as i64;
        let day = match weeks_back {
            0 => last_day,
            _ => week_of(weeks_back) + Duration::days(weekday),
        };
        let progress = i as f64 / (TALKS.len() - 1) as f64;
        if let Some(deck) = deck(deck_id) {
            let talk = couple_talk(&mut rng, now, deck, day, prompts, progress, i == UNFINISHED);
            sessions.push(talk);
        }
    }
    if let Some(deck) = deck("before-the-talk") {
        for (weeks_back, weekday, before, after, reflections) in SOLOS {
            let day = week_of(weeks_back) + Duration::days(weekday);
            sessions.push(solo(&mut rng, now, deck, day, (before, after), reflections));
        }
    }
    sessions.sort_by_key(|s| s.started_at.at());
    Journal {
        sessions,
        ..Journal::default()
    }
}

/// The demo's settings: the couple's names, short talks, a one-minute timer.
pub fn demo_config() -> Config {
    Config {
        partners: DEMO_PARTNERS.iter().map(|n| n.to_string()).collect(),
        prompts_per_talk: 3,
        timer_seconds: 60,
        ..Config::default()
    }
}

/// One couple talk, `progress` of the way (0 to 1) through the couple's weeks.
fn couple_talk(
    rng: &mut Rng,
    now: DateTime<FixedOffset>,
    deck: &Deck,
    day: NaiveDate,
    prompts: usize,
    progress: f64,
    unfinished: bool,
) -> Session {
    let started = evening(rng, now, day);
    // Light and personal prompts only, lighter first, as the talk engine orders them.
    let mut chosen: Vec<_> = deck.prompts.iter().filter(|p| p.depth <= 2).collect();
    rng.shuffle(&mut chosen);
    chosen.truncate(prompts);
    chosen.sort_by_key(|p| p.depth);

    let mut turns = Vec::new();
    for (n, prompt) in chosen.iter().enumerate() {
        for speaker in [n % 2, (n + 1) % 2] {
            // An unfinished talk stopped during the second prompt.
            if unfinished && turns.len() == 3 {
                break;
            }
            turns.push(couple_turn(
                rng,
                &prompt.id,
                &prompt.text,
                speaker,
                progress,
            ));
        }
    }

    let mood_before: Vec<Option<u8>> = (0..2)
        .map(|p| {
            let base = if p == QUIETER {
                2.4 + 0.8 * progress
            } else {
                3.0 + 0.5 * progress
            };
            (rng.below(12) != 0).then(|| rng.level(base, 1, 5))
        })
        .collect();
    let (mood_after, closeness) = if unfinished {
        (vec![None; 2], vec![None; 2])
    } else {
        let after = mood_before
            .iter()
            .map(|before| {
                let lift = [0, 1, 1, 1, 2][rng.below(5)];
                Some((before.unwrap_or(3) + lift).min(5))
            })
            .collect();
        let closeness = (0..2)
            .map(|_| Some(rng.level(3.2 + 2.6 * progress, 3, 6)))
            .collect();
        (after, closeness)
    };
    session(
        rng,
        Mode::Couple,
        deck,
        started,
        &DEMO_PARTNERS,
        turns,
        !unfinished,
        [mood_before, mood_after, closeness],
    )
}

fn couple_turn(rng: &mut Rng, id: &str, text: &str, speaker: usize, progress: f64) -> Turn {
    let seconds = 60 + rng.below(181) as u64;
    let mut turn = Turn {
        prompt_id: id.to_string(),
        prompt: text.to_string(),
        speaker,
        felt_heard: Some(None),
        felt_validated: Some(None),
        listener_guess: Some(None),
        clarity: None,
        bring_to_talk: None,
        seconds: Some(Some(seconds)),
        skipped: false,
        note: None,
        extra: Extra::new(),
    };
    if rng.below(16) == 0 {
        turn.skipped = true;
        turn.seconds = Some(None);
        return turn;
    }
    let base = if speaker == QUIETER {
        2.3 + 2.2 * progress
    } else {
        3.9 + 0.5 * progress
    };
    let heard = rng.level(base, 1, 5);
    turn.felt_heard = Some(Some(heard));
    turn.felt_validated = Some((rng.below(14) != 0).then(|| rng.level(base + 0.2, 1, 5)));
    // Maya reads Sam as more at ease than Sam is, less so as the weeks go by.
    let misread = if speaker == QUIETER {
        1.4 * (1.0 - progress)
    } else {
        -0.2
    };
    turn.listener_guess =
        Some((rng.below(7) != 0).then(|| rng.level(f64::from(heard) + misread, 1, 5)));
    if rng.below(4) == 0 {
        let notes = NOTES[speaker];
        let at = (progress * (notes.len() - 1) as f64) as usize + rng.below(2);
        turn.note = Some(notes[at.min(notes.len() - 1)].to_string());
    }
    turn
}

fn solo(
    rng: &mut Rng,
    now: DateTime<FixedOffset>,
    deck: &Deck,
    day: NaiveDate,
    (before, after): (u8, u8),
    reflections: &[Reflection],
) -> Session {
    let started = evening(rng, now, day);
    let turns = reflections
        .iter()
        .filter_map(|&(id, clarity, bring, note)| {
            let prompt = deck.prompts.iter().find(|p| p.id == id)?;
            Some(Turn {
                prompt_id: prompt.id.clone(),
                prompt: prompt.text.clone(),
                speaker: 0,
                felt_heard: None,
                felt_validated: None,
                listener_guess: None,
                clarity: Some(Some(clarity)),
                bring_to_talk: Some(Some(bring)),
                seconds: Some(Some(60 + rng.below(181) as u64)),
                skipped: false,
                note: Some(note.to_string()),
                extra: Extra::new(),
            })
        })
        .collect();
    let moods = [vec![Some(before)], vec![Some(after)], Vec::new()];
    session(
        rng,
        Mode::Solo,
        deck,
        started,
        &DEMO_PARTNERS[QUIETER..],
        turns,
        true,
        moods,
    )
}

#[allow(clippy::too_many_arguments)]
fn session(
    rng: &mut Rng,
    mode: Mode,
    deck: &Deck,
    started: DateTime<FixedOffset>,
    partners: &[&str],
    turns: Vec<Turn>,
    completed: bool,
    [mood_before, mood_after, closeness]: [Vec<Option<u8>>; 3],
) -> Session {
    // Speaking time plus the listener's reflection, and a few minutes to check in and close.
    let spent: u64 = turns.iter().map(|t| t.seconds().unwrap_or(30) + 90).sum();
    let ended = started + Duration::seconds(spent as i64 + 240);
    Session {
        id: rng.uuid(),
        mode,
        started_at: Timestamp::new(started),
        ended_at: Some(Timestamp::new(ended)),
        completed,
        deck_id: deck.id.clone(),
        partners: partners.iter().map(|p| p.to_string()).collect(),
        mood_before,
        mood_after,
        closeness,
        turns,
        extra: Extra::new(),
    }
}

/// Some minute between half past seven and nine in the evening of `day`, in `now`'s offset.
fn evening(rng: &mut Rng, now: DateTime<FixedOffset>, day: NaiveDate) -> DateTime<FixedOffset> {
    let local =
        day.and_time(NaiveTime::MIN) + Duration::minutes(19 * 60 + 30 + rng.below(90) as i64);
    now + (local - now.naive_local())
}

/// Splitmix64 with a fixed seed: variety without the OS's randomness.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    /// `base` nudged by up to 0.6 either way, rounded into `low..=high`.
    fn level(&mut self, base: f64, low: u8, high: u8) -> u8 {
        let nudge = (self.below(5) as f64 - 2.0) * 0.3;
        (base + nudge)
            .round()
            .clamp(f64::from(low), f64::from(high)) as u8
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }

    fn uuid(&mut self) -> String {
        let mut bytes = [0; 16];
        bytes[..8].copy_from_slice(&self.next().to_le_bytes());
        bytes[8..].copy_from_slice(&self.next().to_le_bytes());
        uuid::Builder::from_random_bytes(bytes)
            .into_uuid()
            .to_string()
    }
}
