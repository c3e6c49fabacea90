//! Reading the journal types straight from JSON, keeping unknown fields in `extra`.
//!
//! Written by hand rather than with `#[serde(flatten)]`: flatten buffers every entry of
//! every object into an intermediate tree before it looks at it, which made reading a
//! journal about ten times slower and its memory about four times the file. Here each
//! known key is read in place and only unknown ones become `serde_json::Value`s.

use crate::mode::Mode;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::Value;

use super::{Extra, Journal, Session, SessionMode, Timestamp, Turn};

/// A key of an object: one of the fields heard knows (its index), or another one.
enum Key {
    Known(usize),
    Other(String),
}

/// Reads a key, allocating only when it is not one of `fields`.
struct KeySeed(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Key;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }
    fn visit_str<E: de::Error>(self, name: &str) -> Result<Key, E> {
        Ok(match self.0.iter().position(|known| *known == name) {
            Some(index) => Key::Known(index),
            None => Key::Other(name.to_string()),
        })
    }
    fn visit_string<E: de::Error>(self, name: String) -> Result<Key, E> {
        Ok(match self.0.iter().position(|known| *known == name) {
            Some(index) => Key::Known(index),
            None => Key::Other(name),
        })
    }
}

/// Store `value` in `slot`, refusing a field given twice (as serde's derive does).
fn set<T, E: de::Error>(slot: &mut Option<T>, value: T, name: &'static str) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::duplicate_field(name));
    }
    *slot = Some(value);
    Ok(())
}

/// A field that is present in the file, even as `null`: `Some(value)`.
fn present<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<Option<T>>,
    name: &'static str,
) -> Result<(), A::Error> {
    let value = map.next_value::<Option<T>>()?;
    set(slot, value, name)
}

/// A rating, mood or closeness: 1 to `max`, or null for not answered. Anything else is
/// an error at its place in the file, as a wrong type is: a value this heard does not
/// allow would otherwise reach the averages and the charts ("255/5"). A newer heard that
/// widens a scale writes a newer journal version, which this heard then says it cannot
/// read instead of guessing.
#[derive(Clone, Copy)]
struct ScaleSeed {
    name: &'static str,
    max: u8,
}

impl ScaleSeed {
    fn outside<E: de::Error>(self, value: impl fmt::Display) -> E {
        E::custom(format_args!(
            "{} is {value}, but it can only be 1 to {} (or null, not answered)",
            self.name, self.max
        ))
    }
}

impl<'de> DeserializeSeed<'de> for ScaleSeed {
    type Value = Option<u8>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<u8>, D::Error> {
        // Checked inside the reading of the value, so the error's line and column are
        // the value's own.
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ScaleSeed {
    type Value = Option<u8>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} from 1 to {}, or null", self.name, self.max)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Option<u8>, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Option<u8>, E> {
        Ok(None)
    }
    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Option<u8>, E> {
        match u8::try_from(value) {
            Ok(v) if (1..=self.max).contains(&v) => Ok(Some(v)),
            _ => Err(self.outside(value)),
        }
    }
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Option<u8>, E> {
        match u64::try_from(value) {
            Ok(v) => self.visit_u64(v),
            Err(_) => Err(self.outside(value)),
        }
    }
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Option<u8>, E> {
        Err(self.outside(value))
    }
}

/// A list of scale values, one per partner (`mood_before`, `closeness`, ...).
struct ScaleListSeed(ScaleSeed);

impl<'de> DeserializeSeed<'de> for ScaleListSeed {
    type Value = Vec<Option<u8>>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ScaleListSeed {
    type Value = Vec<Option<u8>>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a list of values from 1 to {} or null", self.0.max)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut list = Vec::with_capacity(seq.size_hint().unwrap_or(2).min(8));
        while let Some(value) = seq.next_element_seed(self.0)? {
            list.push(value);
        }
        Ok(list)
    }
}

fn scale(name: &'static str, max: u8) -> ScaleSeed {
    ScaleSeed { name, max }
}

/// For `#[serde(deserialize_with)]` in the draft: a value 1-5 or null.
pub fn one_to_five<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u8>, D::Error> {
    scale("a rating", 5).deserialize(deserializer)
}

/// For the draft: one mood (1-5 or null) per partner.
pub fn moods<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Option<u8>>, D::Error> {
    ScaleListSeed(scale("a mood", 5)).deserialize(deserializer)
}

/// For the draft: one closeness (1-7 or null) per partner.
pub fn closeness<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Option<u8>>, D::Error> {
    ScaleListSeed(scale("closeness", 7)).deserialize(deserializer)
}

/// A scale field that is present in the file, even as `null`: `Some(value)`.
fn present_scale<'de, A: MapAccess<'de>>(
    map: &mut A,
    slot: &mut Option<Option<u8>>,
    seed: ScaleSeed,
) -> Result<(), A::Error> {
    let value = map.next_value_seed(seed)?;
    set(slot, value, seed.name)
}

fn keep_unknown<'de, A: MapAccess<'de>>(
    map: &mut A,
    extra: &mut Extra,
    name: String,
) -> Result<(), A::Error> {
    let value: Value = map.next_value()?;
    extra.insert(name, value);
    Ok(())
}

/// A list read from a file grows by doubling; the spare room would stay for as long as
/// the journal is open (a quarter of its memory with 6-12 turns a talk).
fn tight<T>(mut list: Vec<T>) -> Vec<T> {
    list.shrink_to_fit();
    list
}

const JOURNAL_FIELDS: &[&str] = &["format", "version", "sessions"];

impl<'de> Deserialize<'de> for Journal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(JournalVisitor)
    }
}

struct JournalVisitor;

impl<'de> Visitor<'de> for JournalVisitor {
    type Value = Journal;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct Journal")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Journal, A::Error> {
        let (mut format, mut version, mut sessions) = (None, None, None);
        let mut extra = Extra::new();
        while let Some(key) = map.next_key_seed(KeySeed(JOURNAL_FIELDS))? {
            match key {
                Key::Known(0) => set(&mut format, map.next_value()?, "format")?,
                Key::Known(1) => set(&mut version, map.next_value()?, "version")?,
                Key::Known(_) => set(&mut sessions, map.next_value()?, "sessions")?,
                Key::Other(name) => keep_unknown(&mut map, &mut extra, name)?,
            }
        }
        Ok(Journal {
            format: format.ok_or_else(|| de::Error::missing_field("format"))?,
            version: version.ok_or_else(|| de::Error::missing_field("version"))?,
            sessions: tight(sessions.unwrap_or_default()),
            extra,
        })
    }
}

const SESSION_FIELDS: &[&str] = &[
    "id",
    "mode",
    "started_at",
    "ended_at",
    "completed",
    "deck_id",
    "partners",
    "mood_before",
    "mood_after",
    "closeness",
    "turns",
];

impl<'de> Deserialize<'de> for Session {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(SessionVisitor)
    }
}

struct SessionVisitor;

impl<'de> Visitor<'de> for SessionVisitor {
    type Value = Session;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct Session")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Session, A::Error> {
        let (mut id, mut mode, mut started_at, mut ended_at) = (None, None, None, None);
        let (mut completed, mut deck_id, mut partners) = (None, None, None);
        let (mut mood_before, mut mood_after, mut closeness) = (None, None, None);
        let mut turns = None;
        let mut extra = Extra::new();
        while let Some(key) = map.next_key_seed(KeySeed(SESSION_FIELDS))? {
            let index = match key {
                Key::Known(index) => index,
                Key::Other(name) => {
                    keep_unknown(&mut map, &mut extra, name)?;
                    continue;
                }
            };
            let name = SESSION_FIELDS[index];
            match index {
                0 => set(&mut id, map.next_value()?, name)?,
                1 => set(&mut mode, map.next_value()?, name)?,
                2 => set(&mut started_at, map.next_value()?, name)?,
                3 => set(&mut ended_at, map.next_value()?, name)?,
                4 => set(&mut completed, map.next_value()?, name)?,
                5 => set(&mut deck_id, map.next_value()?, name)?,
                6 => set(&mut partners, map.next_value()?, name)?,
                7 => set(
                    &mut mood_before,
                    map.next_value_seed(ScaleListSeed(scale(name, 5)))?,
                    name,
                )?,
                8 => set(
                    &mut mood_after,
                    map.next_value_seed(ScaleListSeed(scale(name, 5)))?,
                    name,
                )?,
                9 => set(
                    &mut closeness,
                    map.next_value_seed(ScaleListSeed(scale(name, 7)))?,
                    name,
                )?,
                _ => set(&mut turns, map.next_value()?, name)?,
            }
        }
        Ok(Session {
            id: id.ok_or_else(|| de::Error::missing_field("id"))?,
            mode: mode.ok_or_else(|| de::Error::missing_field("mode"))?,
            started_at: started_at.ok_or_else(|| de::Error::missing_field("started_at"))?,
            ended_at: ended_at.unwrap_or_default(),
            completed: completed.unwrap_or_default(),
            deck_id: deck_id.unwrap_or_default(),
            partners: partners.unwrap_or_default(),
            mood_before: mood_before.unwrap_or_default(),
            mood_after: mood_after.unwrap_or_default(),
            closeness: closeness.unwrap_or_default(),
            turns: tight(turns.unwrap_or_default()),
            extra,
        })
    }
}

const TURN_FIELDS: &[&str] = &[
    "prompt_id",
    "prompt",
    "speaker",
    "felt_heard",
    "felt_validated",
    "listener_guess",
    "clarity",
    "bring_to_talk",
    "seconds",
    "skipped",
    "note",
];

impl<'de> Deserialize<'de> for Turn {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(TurnVisitor)
    }
}

struct TurnVisitor;

impl<'de> Visitor<'de> for TurnVisitor {
    type Value = Turn;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("struct Turn")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Turn, A::Error> {
        let (mut prompt_id, mut prompt, mut speaker) = (None, None, None);
        let (mut felt_heard, mut felt_validated, mut listener_guess) = (None, None, None);
        let (mut clarity, mut bring_to_talk, mut seconds) = (None, None, None);
        let (mut skipped, mut note) = (None, None);
        let mut extra = Extra::new();
        while let Some(key) = map.next_key_seed(KeySeed(TURN_FIELDS))? {
            let index = match key {
                Key::Known(index) => index,
                Key::Other(name) => {
                    keep_unknown(&mut map, &mut extra, name)?;
                    continue;
                }
            };
            let name = TURN_FIELDS[index];
            match index {
                0 => set(&mut prompt_id, map.next_value()?, name)?,
                1 => set(&mut prompt, map.next_value()?, name)?,
                2 => set(&mut speaker, map.next_value()?, name)?,
                3 => present_scale(&mut map, &mut felt_heard, scale(name, 5))?,
                4 => present_scale(&mut map, &mut felt_validated, scale(name, 5))?,
                5 => present_scale(&mut map, &mut listener_guess, scale(name, 5))?,
                6 => present_scale(&mut map, &mut clarity, scale(name, 5))?,
                7 => present(&mut map, &mut bring_to_talk, name)?,
                8 => present(&mut map, &mut seconds, name)?,
                9 => set(&mut skipped, map.next_value()?, name)?,
                _ => set(&mut note, map.next_value::<Option<String>>()?, name)?,
            }
        }
        Ok(Turn {
            prompt_id: prompt_id.unwrap_or_default(),
            prompt: prompt.unwrap_or_default(),
            speaker: speaker.unwrap_or_default(),
            felt_heard,
            felt_validated,
            listener_guess,
            clarity,
            bring_to_talk,
            seconds,
            skipped: skipped.unwrap_or_default(),
            note: note.flatten(),
            extra,
        })
    }
}

impl<'de> Deserialize<'de> for SessionMode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(ModeVisitor)
    }
}

struct ModeVisitor;

impl<'de> Visitor<'de> for ModeVisitor {
    type Value = SessionMode;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: de::Error>(self, word: &str) -> Result<SessionMode, E> {
        Ok(match word {
            "couple" => SessionMode::Known(Mode::Couple),
            "solo" => SessionMode::Known(Mode::Solo),
            _ => SessionMode::Other(word.to_string()),
        })
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TimestampVisitor)
    }
}

struct TimestampVisitor;

impl<'de> Visitor<'de> for TimestampVisitor {
    type Value = Timestamp;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: de::Error>(self, text: &str) -> Result<Timestamp, E> {
        Timestamp::parse(text)
            .map_err(|e| E::custom(format!("{text:?} is not an RFC 3339 timestamp: {e}")))
    }
}
