//! A conversation in full, as Look back and `journal show` tell it: its topic (to its bringer alone when kept
//! private), each round on the floor with how many tries it took and its three ratings,
//! and the small steps (their words to their writer alone, SPEC section 6).

use serde_json::Value;

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

fn scale(value: Option<u64>) -> String {
    value.map_or_else(
        || words::HISTORY_NOT_GIVEN.to_string(),
        |v| format!("{v}/5"),
    )
}

fn name(session: &Session, index: Option<u64>) -> String {
    let index = index.and_then(|i| usize::try_from(i).ok()).unwrap_or(0);
    one_line(session.partner_name(index)).into_owned()
}

/// The lines of an understand talk below its heading.
pub fn understand_lines(session: &Session, reader: Reader) -> Vec<(Tone, String)> {
    let extra = &session.extra;
    let mut lines = Vec::new();
    if extra.get("later").and_then(Value::as_bool) == Some(true) {
        lines.push((Tone::Quiet, words::PUT_OFF.to_string()));
    }
    if extra.contains_key("topic") {
        let bringer = name(session, extra.get("topic_by").and_then(Value::as_u64));
        let line = match privacy::flow_text_for(session, "/topic", reader) {
            Some(topic) => words::topic_was(&bringer, &one_line(topic)),
            None => words::brought_a_topic(&bringer),
        };
        lines.push((Tone::Text, line));
    }
    let rounds = extra.get("rounds").and_then(Value::as_array);
    for (n, round) in rounds.into_iter().flatten().enumerate() {
        let sender = name(session, round.get("sender").and_then(Value::as_u64));
        let pieces = round.get("pieces").and_then(Value::as_u64).unwrap_or(0);
        let got_it = round.get("got_it").and_then(Value::as_bool) == Some(true);
        lines.push((Tone::Text, String::new()));
        lines.push((
            Tone::Heading,
            format!("{}. {}", n + 1, words::had_the_floor(&sender)),
        ));
        let told = if got_it {
            words::understood_after(&sender, pieces)
        } else {
            words::floor_unconfirmed(&sender)
        };
        lines.push((Tone::Text, format!("   {told}")));
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
    }
    lines.extend(step_lines(session, reader));
    lines
}

/// "One thing I will do this week", each partner's: the words to their writer alone.
fn step_lines(session: &Session, reader: Reader) -> Vec<(Tone, String)> {
    let steps = session.extra.get("steps").and_then(Value::as_array);
    let mut lines = Vec::new();
    for (i, step) in steps.into_iter().flatten().enumerate() {
        if lines.is_empty() {
            lines.push((Tone::Text, String::new()));
        }
        let writer = name(session, step.get("partner").and_then(Value::as_u64));
        let pointer = format!("/steps/{i}/text");
        let line = match privacy::flow_text_for(session, &pointer, reader) {
            Some(text) => words::small_step_was(&writer, &one_line(text)),
            None => words::named_a_small_step(&writer),
        };
        lines.push((Tone::Text, line));
    }
    lines
}
