//! Whose words are whose (SPEC section 6). A speaker's note on a turn of a talk for two,
//! and the whole of a reflection alone, belong to their writer; ratings, moods, closeness
//! and appreciations are shared. Every shared view asks here what it may show.

use super::{Journal, Session, Turn};

/// The person whose private text a view may show, or nobody's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Reader<'a> {
    /// A shared view: nobody's private text.
    #[default]
    Shared,
    /// One person opened their own, deliberately.
    Writer(&'a str),
    /// Everything, on purpose: an export `--with-notes`.
    Everyone,
}

impl Reader<'_> {
    /// Whether the person called `name` is this reader.
    pub fn is(&self, name: &str) -> bool {
        match self {
            Reader::Shared => false,
            Reader::Writer(writer) => same_name(writer, name),
            Reader::Everyone => true,
        }
    }
}

/// Names match trimmed and without regard to case: "ana " is Ana.
pub fn same_name(a: &str, b: &str) -> bool {
    super::couples::folded(a) == super::couples::folded(b)
}

/// Whether the session is private as a whole: a reflection alone (any session that is not
/// a talk for two, so a mode a later heard wrote is kept private too).
pub fn is_private_whole(session: &Session) -> bool {
    !session.is_couple()
}

/// Whether `reader` may read all of a session: a talk for two, or their own reflection.
pub fn may_read_session(session: &Session, reader: Reader) -> bool {
    !is_private_whole(session) || reader.is(session.partner_name(0))
}

/// A reflection's topic, if it has one and `reader` wrote it (SPEC section 6: a topic
/// kept to oneself is private text).
pub fn topic_for<'a>(session: &'a Session, reader: Reader) -> Option<&'a str> {
    let topic = session.extra.get(crate::reflection::TOPIC)?.as_str()?;
    (is_private_whole(session) && reader.is(session.partner_name(0)) && !topic.trim().is_empty())
        .then_some(topic)
}

/// One piece of a conversation's typed words: where it is in the session's record (a
/// JSON pointer into the session, as `serde_json::Value::pointer` takes it) and who wrote
/// it (an index into `partners`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlowText {
    pub pointer: String,
    pub writer: usize,
}

/// Every typed word of a conversation (SPEC sections 6 and 7), with its writer: a topic
/// its bringer kept to themselves (`topic_private`, written by `topic_by`); each `text`,
/// `will` and `ask` of the lists whose entries name their `partner` (`steps`, `touched`,
/// `my_part`, `next_time`); each entry of the lists kept by partner (`went_well`,
/// `this_week`); and the same inside an "Our week" talk's `issue`. A shared view shows
/// that they were written, never the words. Ratings, feelings picked from the list, the
/// parts picked from "my part" and appreciations are shared: both saw them chosen.
pub fn flow_texts(session: &Session) -> Vec<FlowText> {
    let mut texts = Vec::new();
    texts_in(&session.extra, "", &mut texts);
    if let Some(issue) = session
        .extra
        .get("issue")
        .and_then(serde_json::Value::as_object)
    {
        texts_in(issue, "/issue", &mut texts);
    }
    texts
}

fn texts_in(
    record: &serde_json::Map<String, serde_json::Value>,
    base: &str,
    texts: &mut Vec<FlowText>,
) {
    let index = |v: Option<&serde_json::Value>| {
        v.and_then(serde_json::Value::as_u64)
            .and_then(|i| usize::try_from(i).ok())
    };
    let private_topic = record
        .get("topic_private")
        .and_then(serde_json::Value::as_bool);
    if record.contains_key("topic") && private_topic == Some(true) {
        texts.push(FlowText {
            pointer: format!("{base}/topic"),
            writer: index(record.get("topic_by")).unwrap_or(0),
        });
    }
    for list in ["steps", "touched", "my_part", "next_time"] {
        let entries = record.get(list).and_then(serde_json::Value::as_array);
        for (i, entry) in entries.into_iter().flatten().enumerate() {
            for field in ["text", "will", "ask"] {
                if entry.get(field).is_some_and(serde_json::Value::is_string) {
                    texts.push(FlowText {
                        pointer: format!("{base}/{list}/{i}/{field}"),
                        writer: index(entry.get("partner")).unwrap_or(0),
                    });
                }
            }
        }
    }
    for list in ["went_well", "this_week"] {
        let entries = record.get(list).and_then(serde_json::Value::as_array);
        for (writer, entry) in entries.into_iter().flatten().enumerate() {
            if entry.is_string() {
                texts.push(FlowText {
                    pointer: format!("{base}/{list}/{writer}"),
                    writer,
                });
            }
        }
    }
}

/// A conversation's typed words at `pointer` (see [`flow_texts`]), if `reader` may read
/// them: words nobody marked private, or their writer's own.
pub fn flow_text_for<'a>(session: &'a Session, pointer: &str, reader: Reader) -> Option<&'a str> {
    let value = pointer_in(session, pointer)?.as_str()?;
    let private = flow_texts(session)
        .into_iter()
        .find(|t| t.pointer == pointer);
    match private {
        Some(text) if !reader.is(session.partner_name(text.writer)) => None,
        _ => Some(value),
    }
}

/// The value at a JSON pointer into the session's extra fields ("/topic", "/steps/0/text").
fn pointer_in<'a>(session: &'a Session, pointer: &str) -> Option<&'a serde_json::Value> {
    let rest = pointer.strip_prefix('/')?;
    let (field, inner) = rest.split_once('/').map_or((rest, ""), |(f, i)| (f, i));
    let value = session.extra.get(field)?;
    if inner.is_empty() {
        Some(value)
    } else {
        value.pointer(&format!("/{inner}"))
    }
}

/// The session fields a reflection alone keeps private to its writer as a whole.
pub const PRIVATE_WHOLE_FIELDS: [&str; 5] = [
    "turns",
    "mood_before",
    "mood_after",
    "closeness",
    crate::reflection::TOPIC,
];

/// The turn's note, if it has one and `reader` wrote it.
pub fn note_for<'a>(session: &Session, turn: &'a Turn, reader: Reader) -> Option<&'a str> {
    let note = written_note(turn)?;
    reader
        .is(session.partner_name(turn.speaker))
        .then_some(note)
}

/// The turn's note when it has any words.
pub fn written_note(turn: &Turn) -> Option<&str> {
    turn.note.as_deref().filter(|n| !n.trim().is_empty())
}

/// The names in the journal, trimmed, each once (matched as `same_name`), in the order
/// they first appear.
pub fn names(journal: &Journal) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for name in journal.sessions.iter().flat_map(|s| &s.partners) {
        let name = name.trim();
        if !name.is_empty() && !names.iter().any(|n| same_name(n, name)) {
            names.push(name.to_string());
        }
    }
    names
}

/// The journal's own spelling of `asked`, if anyone in it is called that.
pub fn find_name(journal: &Journal, asked: &str) -> Option<String> {
    names(journal).into_iter().find(|n| same_name(n, asked))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_trimmed_and_in_any_case() {
        assert!(same_name(" ana ", "Ana"));
        assert!(!same_name("Ana", "Anna"));
        assert!(Reader::Writer("BEN").is("Ben"));
        assert!(!Reader::Shared.is("Ben"));
    }
}
