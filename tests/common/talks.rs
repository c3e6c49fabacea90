//! Hand-made journals for the history and insight tests: a talk is a few numbers.

#![allow(dead_code)]

use chrono::{DateTime, Duration, FixedOffset};
use heard::journal::{Extra, Journal, Session, SessionMode, Timestamp, Turn};
use heard::mode::Mode;

pub fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// One turn: who spoke, how heard they felt, and the listener's guess.
pub fn turn(speaker: usize, heard: Option<u8>, guess: Option<u8>) -> Turn {
    Turn {
        prompt_id: format!("p{speaker}"),
        prompt: "What made you smile this week?".into(),
        speaker,
        felt_heard: Some(heard),
        felt_validated: Some(heard),
        listener_guess: Some(guess),
        clarity: None,
        bring_to_talk: None,
        seconds: Some(Some(120)),
        skipped: false,
        note: None,
        extra: Extra::new(),
    }
}

/// A finished couple talk of Ana and Ben, `days` days after `start`.
pub struct Talk {
    pub day: i64,
    pub heard: [Option<u8>; 2],
    pub mood_before: [Option<u8>; 2],
    pub mood_after: [Option<u8>; 2],
    pub guesses: [Option<u8>; 2],
    pub closeness: [Option<u8>; 2],
}

impl Talk {
    pub fn on(day: i64) -> Talk {
        Talk {
            day,
            heard: [Some(4), Some(4)],
            mood_before: [Some(3), Some(3)],
            mood_after: [Some(3), Some(3)],
            guesses: [None, None],
            closeness: [Some(5), Some(5)],
        }
    }
    pub fn heard(mut self, ana: u8, ben: u8) -> Talk {
        self.heard = [Some(ana), Some(ben)];
        self
    }
    pub fn moods(mut self, before: [u8; 2], after: [u8; 2]) -> Talk {
        self.mood_before = before.map(Some);
        self.mood_after = after.map(Some);
        self
    }
    /// What Ben guessed about Ana (turn 0) and Ana about Ben (turn 1).
    pub fn guesses(mut self, ben_about_ana: u8, ana_about_ben: u8) -> Talk {
        self.guesses = [Some(ben_about_ana), Some(ana_about_ben)];
        self
    }

    pub fn session(&self, start: DateTime<FixedOffset>, id: usize) -> Session {
        let started = start + Duration::days(self.day);
        Session {
            id: format!("{id:08x}-0000-4000-8000-000000000000"),
            mode: SessionMode::Known(Mode::Couple),
            started_at: Timestamp::new(started),
            ended_at: Some(Timestamp::new(started + Duration::minutes(30))),
            completed: true,
            deck_id: "rekindle".into(),
            partners: vec!["Ana".into(), "Ben".into()],
            mood_before: self.mood_before.to_vec(),
            mood_after: self.mood_after.to_vec(),
            closeness: self.closeness.to_vec(),
            turns: vec![
                turn(0, self.heard[0], self.guesses[0]),
                turn(1, self.heard[1], self.guesses[1]),
            ],
            extra: Extra::new(),
        }
    }
}

/// A journal of `talks`, day 0 being `start`.
pub fn journal_of(start: DateTime<FixedOffset>, talks: &[Talk]) -> Journal {
    Journal {
        sessions: talks
            .iter()
            .enumerate()
            .map(|(n, t)| t.session(start, n))
            .collect(),
        ..Journal::default()
    }
}

/// Two couples in one journal, their talks interleaved, 2026-11-02 to 11-24 (now is 11-26):
/// - Ana & Ben: days 0, 7 (written " ben", "ANA"), 14, 21; Ben feels less heard (3 vs 5);
///   appreciations on day 21 ("You made me laugh" from Ana, "You stayed" from Ben).
/// - Jo & Sam: days 3, 10, 22; Jo feels less heard (2 vs 4); Sam appreciated Jo on day 22
///   ("JOS-WORDS").
/// - Reflections alone: Ana on day 5, Sam on day 12, each with a note "SECRET-...".
pub fn two_couples() -> Journal {
    let start = at("2026-11-02T20:00:00+01:00");
    let ana_ben = |day: i64| {
        Talk::on(day)
            .heard(5, 3)
            .moods([3, 2], [4, 4])
            .guesses(4, 4)
    };
    let jo_sam = |day: i64| Talk::on(day).heard(2, 4).moods([2, 3], [2, 5]);
    let mut sessions = Vec::new();
    for (n, (day, pair)) in [(0, 0), (3, 1), (7, 0), (10, 1), (14, 0), (21, 0), (22, 1)]
        .into_iter()
        .enumerate()
    {
        let mut session = if pair == 0 { ana_ben(day) } else { jo_sam(day) }.session(start, n);
        if pair == 1 {
            session.partners = vec!["Jo".into(), "Sam".into()];
        }
        if day == 7 {
            session.partners = vec![" ben".into(), "ANA".into()];
            session
                .turns
                .iter_mut()
                .for_each(|t| t.speaker = 1 - t.speaker);
            session.mood_before.reverse();
            session.mood_after.reverse();
        }
        let lines = match day {
            21 => Some(serde_json::json!(["You made me laugh", "You stayed"])),
            22 => Some(serde_json::json!([null, "JOS-WORDS"])),
            _ => None,
        };
        if let Some(lines) = lines {
            session.extra.insert("appreciations".into(), lines);
        }
        sessions.push(session);
    }
    for (n, (day, who)) in [(5, "Ana"), (12, "Sam")].into_iter().enumerate() {
        let mut session = Talk::on(day).session(start, 100 + n);
        session.mode = SessionMode::Known(Mode::Solo);
        session.partners = vec![who.into()];
        session.closeness = Vec::new();
        session.mood_before.truncate(1);
        session.mood_after.truncate(1);
        session.turns.truncate(1);
        session.turns[0].note = Some(format!("SECRET-{who}"));
        session.turns[0].felt_heard = None;
        session.turns[0].felt_validated = None;
        session.turns[0].listener_guess = None;
        session.turns[0].clarity = Some(Some(4));
        sessions.push(session);
    }
    sessions.sort_by_key(|s| s.started_at.at());
    Journal {
        sessions,
        ..Journal::default()
    }
}
