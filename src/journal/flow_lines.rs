//! A conversation in full, as Look back, `journal show`, the md report and the summary
//! tell it: understand's topic, rounds and small steps; repair's five stages; our week's
//! appreciations, what went well, its issue and what would help. Typed words show only to
//! their writer ([`privacy::flow_text_for`]); ratings, picked words and appreciations are
//! shared (SPEC section 6).

use serde_json::{Map, Value};

use super::Session;
use super::privacy::{self, Reader};
use crate::text::one_line;
use crate::words;

/// What a line is: a heading, plain text or a quieter aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Heading,
    Text,
    Quiet,
}

type Lines = Vec<(Tone, String)>;

/// The lines of a conversation below its heading, by its kind; nothing for a talk from
/// prompts or a reflection (they have their own views).
pub fn lines(session: &Session, reader: Reader) -> Lines {
    match session.kind() {
        crate::understand::session::KIND => understand_lines(session, &session.extra, "", reader),
        crate::repair::session::KIND => repair_lines(session, reader),
        crate::weekly::session::KIND => weekly_lines(session, reader),
        _ => Vec::new(),
    }
}

fn scale(value: Option<u64>) -> String {
    value.map_or_else(
        || words::HISTORY_NOT_GIVEN.to_string(),
        |v| format!("{v}/5"),
    )
}

fn name(session: &Session, index: Option<&Value>) -> String {
    let index = index
        .and_then(Value::as_u64)
        .and_then(|i| usize::try_from(i).ok())
        .unwrap_or(0);
    one_line(session.partner_name(index)).into_owned()
}

fn list<'a>(record: &'a Map<String, Value>, field: &str) -> &'a [Value] {
    record
        .get(field)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// An understand talk's topic, rounds and small steps; `base` is where `record` sits in
/// the session ("" for the talk itself, "/issue" inside our week).
fn understand_lines(
    session: &Session,
    record: &Map<String, Value>,
    base: &str,
    reader: Reader,
) -> Lines {
    let mut lines = Vec::new();
    if record.get("later").and_then(Value::as_bool) == Some(true) {
        lines.push((Tone::Quiet, words::PUT_OFF.to_string()));
    }
    if record.contains_key("topic") {
        let bringer = name(session, record.get("topic_by"));
        let line = match privacy::flow_text_for(session, &format!("{base}/topic"), reader) {
            Some(topic) => words::topic_was(&bringer, &one_line(topic)),
            None => words::brought_a_topic(&bringer),
        };
        lines.push((Tone::Text, line));
    }
    for (n, round) in list(record, "rounds").iter().enumerate() {
        lines.extend(round_lines(session, n, round));
    }
    for (i, step) in list(record, "steps").iter().enumerate() {
        if i == 0 {
            lines.push((Tone::Text, String::new()));
        }
        let writer = name(session, step.get("partner"));
        let pointer = format!("{base}/steps/{i}/text");
        let line = match privacy::flow_text_for(session, &pointer, reader) {
            Some(text) => words::small_step_was(&writer, &one_line(text)),
            None => words::named_a_small_step(&writer),
        };
        lines.push((Tone::Text, line));
    }
    lines
}

/// Round `n` on the floor: who had it, how many tries, the three ratings.
fn round_lines(session: &Session, n: usize, round: &Value) -> Lines {
    let sender = name(session, round.get("sender"));
    let pieces = round.get("pieces").and_then(Value::as_u64).unwrap_or(0);
    let told = if round.get("got_it").and_then(Value::as_bool) == Some(true) {
        words::understood_after(&sender, pieces)
    } else {
        words::floor_unconfirmed(&sender)
    };
    let mut lines = vec![
        (Tone::Text, String::new()),
        (
            Tone::Heading,
            format!("{}. {}", n + 1, words::had_the_floor(&sender)),
        ),
        (Tone::Text, format!("   {told}")),
    ];
    let rated: Vec<String> = [
        ("felt heard", "felt_heard"),
        ("validated", "felt_validated"),
        ("cared for", "felt_cared"),
    ]
    .iter()
    .filter_map(|(label, field)| {
        let value = round.get(*field).and_then(Value::as_u64)?;
        Some(format!("{label} {}", scale(Some(value))))
    })
    .collect();
    if !rated.is_empty() {
        lines.push((Tone::Quiet, format!("   {}", rated.join(" · "))));
    }
    lines
}

/// The words at `pointer` if `reader` may read them, else the line that they were written.
fn own_or(
    session: &Session,
    pointer: &str,
    reader: Reader,
    shown: String,
    hidden: String,
) -> String {
    match privacy::flow_text_for(session, pointer, reader) {
        Some(text) => format!("{shown}{}", one_line(text)),
        None => hidden,
    }
}

fn repair_lines(session: &Session, reader: Reader) -> Lines {
    let extra = &session.extra;
    let mut lines = Vec::new();
    if extra.get("not_calm").and_then(Value::as_u64).unwrap_or(0) > 0 {
        lines.push((Tone::Quiet, words::NEEDED_A_BREAK_FIRST.to_string()));
    }
    for (i, felt) in list(extra, "feelings").iter().enumerate() {
        let words_picked: Vec<&str> = (felt.as_array().into_iter().flatten())
            .filter_map(Value::as_str)
            .collect();
        if !words_picked.is_empty() {
            let who = one_line(session.partner_name(i)).into_owned();
            lines.push((Tone::Text, words::they_felt(&who, &words_picked.join(", "))));
        }
    }
    for gate in list(extra, "gates") {
        let who = name(session, gate.get("partner"));
        let pieces = gate.get("pieces").and_then(Value::as_u64).unwrap_or(0);
        let line = if gate.get("got_it").and_then(Value::as_bool) == Some(true) {
            words::understood_after(&who, pieces)
        } else {
            words::floor_unconfirmed(&who)
        };
        lines.push((Tone::Text, line));
    }
    for (i, touched) in list(extra, "touched").iter().enumerate() {
        let who = name(session, touched.get("partner"));
        let pointer = format!("/touched/{i}/text");
        let shown = words::touched_was(&who);
        lines.push((
            Tone::Text,
            own_or(
                session,
                &pointer,
                reader,
                shown,
                words::named_what_it_touched(&who),
            ),
        ));
    }
    lines.extend(my_part_lines(session, reader));
    for (i, next) in list(extra, "next_time").iter().enumerate() {
        let who = name(session, next.get("partner"));
        let mut hidden = false;
        for (field, shown) in [
            ("will", words::will_next_time(&who)),
            ("ask", words::asks_next_time(&who)),
        ] {
            let pointer = format!("/next_time/{i}/{field}");
            match privacy::flow_text_for(session, &pointer, reader) {
                Some(text) => lines.push((Tone::Text, format!("{shown}{}", one_line(text)))),
                None => hidden |= next.get(field).is_some_and(Value::is_string),
            }
        }
        // One line for both, so a person's "next time" is not counted twice.
        if hidden {
            lines.push((Tone::Text, words::named_next_time(&who)));
        }
    }
    lines
}

/// Each one's part, picked (shared) and in their own words (theirs), and the apology's answer.
fn my_part_lines(session: &Session, reader: Reader) -> Lines {
    let extra = &session.extra;
    let mut lines = Vec::new();
    for (i, part) in list(extra, "my_part").iter().enumerate() {
        let who = name(session, part.get("partner"));
        let picked: Vec<&str> = (part.get("picked").and_then(Value::as_array).into_iter())
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let sorry = part.get("apology").and_then(Value::as_bool) == Some(true);
        lines.push((
            Tone::Text,
            words::part_taken(&who, &picked.join("; "), sorry),
        ));
        if part.get("text").is_some_and(Value::is_string) {
            let pointer = format!("/my_part/{i}/text");
            let shown = words::in_own_words(&who);
            let hidden = words::added_own_words(&who);
            lines.push((
                Tone::Quiet,
                own_or(session, &pointer, reader, shown, hidden),
            ));
        }
    }
    for answer in list(extra, "accepted") {
        let apologised = name(session, answer.get("partner"));
        let index = answer.get("partner").and_then(Value::as_u64).unwrap_or(0) as usize;
        let other = one_line(session.partner_name(1 - index.min(1))).into_owned();
        let accepted = answer.get("accepted").and_then(Value::as_bool) == Some(true);
        lines.push((
            Tone::Text,
            words::apology_answered(&other, &apologised, accepted),
        ));
    }
    lines
}

fn weekly_lines(session: &Session, reader: Reader) -> Lines {
    let extra = &session.extra;
    let mut lines = Vec::new();
    for (i, given) in list(extra, "appreciations_each").iter().enumerate() {
        let who = one_line(session.partner_name(i)).into_owned();
        let given = given.as_array().map_or(&[][..], Vec::as_slice);
        let written: Vec<String> = (given.iter())
            .filter_map(Value::as_str)
            .map(|t| one_line(t).into_owned())
            .collect();
        let aloud = given.len() - written.len();
        lines.push((Tone::Text, words::appreciated_things(&who, &written, aloud)));
    }
    for (list_name, shown, hidden) in [
        (
            "went_well",
            words::WENT_WELL_WAS,
            words::SAID_WHAT_WENT_WELL,
        ),
        (
            "this_week",
            words::THIS_WEEK_WAS,
            words::SAID_WHAT_WOULD_HELP,
        ),
    ] {
        for (i, entry) in list(extra, list_name).iter().enumerate() {
            if entry.is_string() {
                let who = one_line(session.partner_name(i)).into_owned();
                let pointer = format!("/{list_name}/{i}");
                let line = own_or(
                    session,
                    &pointer,
                    reader,
                    format!("{who}{shown}"),
                    format!("{who}{hidden}"),
                );
                lines.push((Tone::Text, line));
            }
        }
    }
    if let Some(issue) = extra.get("issue").and_then(Value::as_object) {
        lines.push((Tone::Text, String::new()));
        lines.push((Tone::Heading, words::ONE_THING_TALKED_THROUGH.to_string()));
        lines.extend(understand_lines(session, issue, "/issue", reader));
    }
    lines
}
