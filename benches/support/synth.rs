//! Synthetic journals for measuring heard: realistic talks, deterministic from a seed.
//!
//! Shared by `examples/gen_journal.rs` and the criterion benches (included with `#[path]`).

#![allow(dead_code)]

use chrono::{DateTime, Duration, FixedOffset};
use heard::deck::load::Catalog;
use heard::journal::{Extra, Journal, Session, SessionMode, Timestamp, Turn};
use heard::mode::Mode;

/// A small, fast, deterministic random source (splitmix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `low..=high`.
    pub fn range(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low + 1)
    }
    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next() as usize % items.len()]
    }
}

const COUPLES: [[&str; 2]; 4] = [
    ["Ana", "Ben"],
    ["Maya", "Jonas"],
    ["Sam", "Riley"],
    ["Lena", "Tom"],
];

const NOTE_WORDS: [&str; 32] = [
    "I", "felt", "when", "you", "said", "that", "it", "was", "hard", "to", "hear", "but", "good",
    "we", "talked", "about", "the", "weekend", "and", "my", "mother", "work", "tired", "really",
    "listened", "again", "tomorrow", "maybe", "kitchen", "laughed", "quiet", "together",
];

/// The last talk of every synthetic journal starts here; earlier ones go back in time.
pub const LAST_TALK: &str = "2026-11-26T20:00:00+01:00";

fn note(rng: &mut Rng) -> String {
    let words = rng.range(8, 40);
    let mut text = String::new();
    for i in 0..words {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(NOTE_WORDS[rng.next() as usize % NOTE_WORDS.len()]);
    }
    text.push('.');
    text
}

fn rating(rng: &mut Rng, max: u64) -> Option<u8> {
    (!rng.chance(5)).then(|| rng.range(1, max) as u8)
}

fn uuid(rng: &mut Rng) -> String {
    let a = rng.next();
    let b = rng.next();
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        0x8000 | (b >> 48) & 0x3fff,
        b & 0xffff_ffff_ffff
    )
}

/// One synthetic talk started at `started_at`: 6-12 turns, about 30% with a note.
pub fn session(rng: &mut Rng, catalog: &Catalog, started_at: DateTime<FixedOffset>) -> Session {
    let solo = rng.chance(20);
    let deck = rng.pick(&catalog.decks);
    let couple = *rng.pick(&COUPLES);
    let partners: Vec<String> = if solo {
        vec![couple[0].to_string()]
    } else {
        couple.iter().map(|n| n.to_string()).collect()
    };
    let people = partners.len();
    let turns = (0..rng.range(6, 12))
        .map(|i| {
            let prompt = rng.pick(&deck.prompts);
            let skipped = rng.chance(4);
            let rated = |rng: &mut Rng, max| if skipped { None } else { rating(rng, max) };
            Turn {
                prompt_id: prompt.id.clone(),
                prompt: prompt.text.clone(),
                speaker: i as usize % people,
                felt_heard: (!solo).then(|| rated(rng, 5)),
                felt_validated: (!solo).then(|| rated(rng, 5)),
                listener_guess: (!solo).then(|| rated(rng, 5)),
                clarity: solo.then(|| rated(rng, 5)),
                bring_to_talk: solo.then(|| Some(rng.chance(15))),
                seconds: Some(Some(rng.range(20, 400))),
                skipped,
                note: rng.chance(30).then(|| note(rng)),
                extra: Extra::new(),
            }
        })
        .collect();
    let completed = !rng.chance(8);
    let minutes = rng.range(15, 70) as i64;
    let moods = |rng: &mut Rng| (0..people).map(|_| rating(rng, 5)).collect::<Vec<_>>();
    Session {
        id: uuid(rng),
        mode: if solo {
            SessionMode::Known(Mode::Solo)
        } else {
            SessionMode::Known(Mode::Couple)
        },
        started_at: Timestamp::new(started_at),
        ended_at: Some(Timestamp::new(started_at + Duration::minutes(minutes))),
        completed,
        deck_id: deck.id.clone(),
        partners,
        mood_before: moods(rng),
        mood_after: moods(rng),
        closeness: if solo {
            Vec::new()
        } else {
            (0..people).map(|_| rating(rng, 7)).collect()
        },
        turns,
        extra: Extra::new(),
    }
}

/// A journal of `talks` synthetic talks, oldest first, the last one at [`LAST_TALK`],
/// roughly one talk every four days before it.
pub fn journal(talks: usize, seed: u64) -> Journal {
    let catalog = Catalog::built_in();
    let mut rng = Rng::new(seed);
    let last = DateTime::parse_from_rfc3339(LAST_TALK).expect("a valid timestamp");
    let mut starts = Vec::with_capacity(talks);
    let mut at = last;
    for _ in 0..talks {
        starts.push(at);
        at -= Duration::hours(rng.range(24, 8 * 24) as i64);
    }
    starts.reverse();
    Journal {
        sessions: starts
            .into_iter()
            .map(|at| session(&mut rng, &catalog, at))
            .collect(),
        ..Journal::default()
    }
}

/// The journal as heard writes it: pretty JSON with a trailing newline.
pub fn journal_bytes(journal: &Journal) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(journal).expect("a journal turns into JSON");
    bytes.push(b'\n');
    bytes
}
