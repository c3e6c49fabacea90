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
