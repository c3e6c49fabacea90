//! `heard journal list` and `heard journal show`: past talks as readable text or JSON.
//! Both are shared views (SPEC section 6): a note or a reflection alone shows as "Ana wrote
//! a note", never its words, unless `show --notes-of NAME` asks for that person's own.

mod tables;

use crate::mode::Mode;
use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::{Result, bail};
use chrono::NaiveDate;
use serde_json::json;

use super::{find_session, json_for_terminal};
use crate::cli::report_cmd::asked_couple;
use crate::cli::{CoupleArg, write_stdout};
use crate::context::Context;
use crate::journal::insights::TalkFigures;
use crate::journal::privacy::{self, Reader};
use crate::journal::store::Store;
use crate::journal::{Session, Timestamp, Turn};
use crate::journal::{appreciations, couples};
use crate::text::{multi_line, one_line};
use tables::{columns, one_decimal, partner_table, per_partner};

pub fn list(
    ctx: &Context,
    json: bool,
    since: Option<NaiveDate>,
    couple: Option<&CoupleArg>,
) -> Result<ExitCode> {
    let store = Store::from_paths(&ctx.paths);
    let loaded = store.load()?;
    if let Some(asked) = couple {
        asked_couple(&loaded.journal, asked)?;
    }
    let mut sessions: Vec<&Session> = loaded
        .journal
        .sessions
        .iter()
        .filter(|s| since.is_none_or(|day| s.started_at.local_date() >= day))
        .filter(|s| couple.is_none_or(|asked| couples::belongs(s, &asked.key)))
        .collect();
    // Newest first, as Look back lists them; of the same start, the later in the file.
    sessions.sort_by_key(|s| s.started_at.at());
    sessions.reverse();

    let out = if json {
        let summaries: Vec<_> = sessions.iter().map(|s| summary(s)).collect();
        json_for_terminal(&summaries)?
    } else if sessions.is_empty() {
        match since {
            Some(day) if !loaded.journal.sessions.is_empty() => {
                format!("No talks since {day}. `heard journal list` shows them all.\n")
            }
            _ => "No talks yet. When you have one with `heard talk` (or reflect alone with `heard solo`), it will be kept here.\n".to_string(),
        }
    } else {
        table(&sessions)
    };
    write_stdout(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

pub fn show(ctx: &Context, prefix: &str, json: bool, notes_of: Option<&str>) -> Result<ExitCode> {
    let store = Store::from_paths(&ctx.paths);
    let loaded = store.load()?;
    let writer = match notes_of {
        None => None,
        Some(asked) => match privacy::find_name(&loaded.journal, asked) {
            Some(name) => Some(name),
            None => bail!(
                "{}",
                crate::words::nobody_called(
                    &one_line(asked.trim()),
                    &privacy::names(&loaded.journal)
                        .iter()
                        .map(|n| one_line(n).into_owned())
                        .collect::<Vec<_>>()
                )
            ),
        },
    };
    let reader = writer.as_deref().map_or(Reader::Shared, Reader::Writer);
    let session = find_session(&loaded.journal, prefix, &store.journal_path())?;
    let out = if json {
        let mut stored = as_stored(&store, session)?;
        keep_private_text_of(&mut stored, session, reader);
        json_for_terminal(&stored)?
    } else {
        detail(session, reader)
    };
    write_stdout(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// The session object as it is in the file, absent fields absent and unknown ones kept.
fn as_stored(store: &Store, session: &Session) -> Result<serde_json::Value> {
    let path = store.journal_path();
    let bytes = crate::files::read_regular(&path)?;
    let mut file: serde_json::Value = serde_json::from_slice(&bytes)?;
    let stored = file
        .get_mut("sessions")
        .and_then(serde_json::Value::as_array_mut)
        .and_then(|all| {
            all.iter_mut()
                .find(|s| s.get("id").and_then(serde_json::Value::as_str) == Some(&session.id))
        })
        .map(serde_json::Value::take);
    match stored {
        Some(stored) => Ok(stored),
        None => Ok(serde_json::to_value(session)?),
    }
}

/// Take out of the stored session every private field `reader` did not write: each
/// other speaker's `note` (`"note_written": true` in its place), and the whole of someone
/// else's reflection alone, its moods and turns (`"reflection_written": true` instead).
fn keep_private_text_of(stored: &mut serde_json::Value, session: &Session, reader: Reader) {
    for text in privacy::flow_texts(session) {
        if reader.is(session.partner_name(text.writer)) {
            continue;
        }
        // "/steps/0/text" becomes "/steps/0/text_written": true; "/topic", "topic_written";
        // an entry of a list by partner ("/went_well/1") becomes {"written": true}.
        let Some((parent, field)) = text.pointer.rsplit_once('/') else {
            continue;
        };
        match stored.pointer_mut(parent) {
            Some(serde_json::Value::Object(object)) => {
                let written = object.remove(field).is_some();
                object.insert(format!("{field}_written"), json!(written));
            }
            Some(serde_json::Value::Array(list)) => {
                if let Some(entry) = field.parse::<usize>().ok().and_then(|i| list.get_mut(i)) {
                    *entry = json!({"written": true});
                }
            }
            _ => {}
        }
    }
    let Some(object) = stored.as_object_mut() else {
        return;
    };
    if !privacy::may_read_session(session, reader) {
        for field in privacy::PRIVATE_WHOLE_FIELDS {
            object.remove(field);
        }
        object.insert("reflection_written".to_string(), json!(true));
        return;
    }
    let Some(turns) = object
        .get_mut("turns")
        .and_then(serde_json::Value::as_array_mut)
    else {
        return;
    };
    for (turn, known) in turns.iter_mut().zip(&session.turns) {
        let Some(turn) = turn.as_object_mut() else {
            continue;
        };
        if reader.is(session.partner_name(known.speaker)) {
            continue;
        }
        if turn.remove("note").is_some() && privacy::written_note(known).is_some() {
            turn.insert("note_written".to_string(), json!(true));
        }
    }
}

/// The first 8 characters of an id, enough to tell talks apart when typing.
pub fn short_id(id: &str) -> String {
    one_line(&id.chars().take(8).collect::<String>()).into_owned()
}

/// A local date and time as written in the journal, e.g. "Thu 26 Nov 2026 20:01".
pub fn when(at: &Timestamp) -> String {
    at.at().format("%a %-d %b %Y %H:%M").to_string()
}

fn partners(session: &Session) -> String {
    let names: Vec<String> = session
        .partners
        .iter()
        .map(|n| one_line(n).into_owned())
        .collect();
    names.join(" & ")
}

fn answered(session: &Session) -> usize {
    session.turns.iter().filter(|t| !t.skipped).count()
}

fn status(session: &Session) -> &'static str {
    if session.completed {
        "finished"
    } else {
        "unfinished"
    }
}

fn summary(session: &Session) -> serde_json::Value {
    json!({
        "id": session.id,
        "started_at": session.started_at.as_str(),
        "ended_at": session.ended_at.as_ref().map(Timestamp::as_str),
        "mode": session.mode.as_str(),
        "deck_id": session.deck_id,
        "partners": session.partners,
        "completed": session.completed,
        "turns": session.turns.len(),
        "answered": answered(session),
        "skipped": session.turns.len() - answered(session),
    })
}

fn table(sessions: &[&Session]) -> String {
    let header = [
        "ID",
        "STARTED",
        "MODE",
        "DECK",
        "PARTNERS",
        "ANSWERED",
        "HEARD",
        "VALIDATED",
        "MOOD LIFT",
        "STATUS",
    ];
    let rows: Vec<[String; 10]> = sessions
        .iter()
        .map(|s| {
            let figures = TalkFigures::of(s);
            let people = s.partners.len();
            let lift = [0, 1].map(|i| figures.lift(i).map(crate::words::lift));
            // A reflection alone is its writer's as a whole (SPEC section 6): the list
            // says it happened, with nothing of how it went.
            let (heard, validated, answered, lift) = if s.is_couple() {
                (
                    per_partner(figures.heard.map(one_decimal), people),
                    per_partner(figures.validated.map(one_decimal), people),
                    format!("{}/{}", answered(s), s.turns.len()),
                    per_partner(lift, people),
                )
            } else {
                let none = || "-".to_string();
                (none(), none(), none(), none())
            };
            [
                short_id(&s.id),
                when(&s.started_at),
                one_line(s.mode.as_str()).into_owned(),
                one_line(&s.deck_id).into_owned(),
                partners(s),
                answered,
                heard,
                validated,
                lift,
                status(s).to_string(),
            ]
        })
        .collect();
    let mut out = columns(header, &rows);
    let count = sessions.len();
    let _ = writeln!(
        out,
        "\nHEARD and VALIDATED: each partner's average that talk (1-5); MOOD LIFT: mood after minus before.\nBoth partners are given in the order of PARTNERS, - where not given.\n{count} {}. `heard journal show ID` shows one turn by turn.",
        if count == 1 { "talk" } else { "talks" }
    );
    out
}

/// A conversation told as Look back tells it, private words only to their writer.
fn conversation(
    mut out: String,
    session: &Session,
    kind: crate::activity::Kind,
    reader: Reader,
) -> String {
    let _ = writeln!(out, "  Kind      {}", crate::words::kind_title(kind));
    let _ = writeln!(out, "  Partners  {}", partners(session));
    let _ = writeln!(out, "  Status    {}", status(session));
    out.push('\n');
    for (_, line) in crate::journal::flow_lines::lines(session, reader) {
        let _ = writeln!(out, "{line}");
    }
    out
}

fn detail(session: &Session, reader: Reader) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Talk {}", one_line(&session.id));
    let ended = match &session.ended_at {
        Some(end) if end.local_date() == session.started_at.local_date() => {
            format!(" to {}", end.at().format("%H:%M"))
        }
        Some(end) => format!(" to {}", when(end)),
        None => String::new(),
    };
    let _ = writeln!(out, "  When      {}{ended}", when(&session.started_at));
    let _ = writeln!(out, "  Mode      {}", one_line(session.mode.as_str()));
    if let Some(kind) = crate::activity::Kind::of_flow(session.kind()) {
        return conversation(out, session, kind, reader);
    }
    let _ = writeln!(out, "  Deck      {}", one_line(&session.deck_id));
    let _ = writeln!(out, "  Partners  {}", partners(session));
    let _ = writeln!(
        out,
        "  Status    {}, {} of {} prompts answered",
        status(session),
        answered(session),
        session.turns.len()
    );

    if !privacy::may_read_session(session, reader) {
        let writer = one_line(session.partner_name(0)).into_owned();
        let typed = if writer.contains(char::is_whitespace) {
            format!("\"{}\"", writer.trim())
        } else {
            writer.clone()
        };
        let _ = writeln!(
            out,
            "\n{}. What it says is {writer}'s: `heard journal show {} --notes-of {typed}` shows it.",
            crate::words::wrote_a_reflection(&writer),
            short_id(&session.id)
        );
        return out;
    }
    if let Some(topic) = privacy::topic_for(session, reader) {
        let _ = writeln!(out, "  {}", crate::words::preparing(&one_line(topic)));
    }
    let table = partner_table(session);
    if !table.is_empty() {
        out.push('\n');
        out.push_str(&table);
    }
    // Shared like the ratings (SPEC section 6): both heard them said.
    let appreciated = appreciations::of(session);
    if !appreciated.is_empty() {
        let _ = writeln!(out, "\n{}", crate::words::APPRECIATIONS);
        for a in &appreciated {
            let line = crate::words::appreciated_line(&a.from, &a.to, &a.words);
            let _ = writeln!(out, "  {}", one_line(&line));
        }
    }

    for (n, turn) in session.turns.iter().enumerate() {
        out.push('\n');
        turn_detail(&mut out, session, n + 1, turn, reader);
    }
    if session.turns.is_empty() {
        out.push_str("\nNo prompts were answered in this talk.\n");
    }
    out
}

fn turn_detail(out: &mut String, session: &Session, number: usize, turn: &Turn, reader: Reader) {
    let speaker = one_line(session.partner_name(turn.speaker)).into_owned();
    let listener = listener(session, turn).map(|n| one_line(n).into_owned());
    let who = match (&listener, session.is_couple()) {
        (Some(listener), true) => format!("{speaker} shared, {listener} listened"),
        _ if session.mode == crate::journal::SessionMode::Known(Mode::Solo) => {
            format!("{speaker} reflected")
        }
        _ => format!("{speaker} shared"),
    };
    let passed = if turn.skipped { " (passed)" } else { "" };
    let _ = writeln!(out, "{number}. {who}{passed}");
    let prompt_id = if turn.prompt_id.is_empty() {
        String::new()
    } else {
        format!(" [{}]", one_line(&turn.prompt_id))
    };
    let _ = writeln!(out, "   Prompt: {}{prompt_id}", one_line(&turn.prompt));

    let mut ratings = Vec::new();
    let mut rate = |label: &str, field: &Option<Option<u8>>| {
        if let Some(value) = field {
            ratings.push(match value {
                Some(v) => format!("{label} {v}/5"),
                None => format!("{label} not rated"),
            });
        }
    };
    rate("felt heard", &turn.felt_heard);
    rate("felt validated", &turn.felt_validated);
    let guess = match &listener {
        Some(name) => format!("{name}'s guess"),
        None => "listener's guess".to_string(),
    };
    rate(&guess, &turn.listener_guess);
    rate("clarity", &turn.clarity);
    if let Some(bring) = turn.bring_to_talk {
        ratings.push(match bring {
            Some(true) => "bring to the next talk".to_string(),
            Some(false) | None => "not marked for the next talk".to_string(),
        });
    }
    if !ratings.is_empty() {
        let _ = writeln!(out, "   {}", capitalized(&ratings.join(", ")));
    }
    if let Some(seconds) = turn.seconds() {
        let _ = writeln!(out, "   Time: {}", duration(seconds));
    }
    if privacy::note_for(session, turn, reader).is_none() {
        if privacy::written_note(turn).is_some() {
            let _ = writeln!(out, "   {}", crate::words::wrote_a_note(&speaker));
        }
    } else if let Some(note) = &turn.note {
        let note = multi_line(note);
        let mut lines = note.lines();
        let _ = writeln!(out, "   Note: {}", lines.next().unwrap_or(""));
        for line in lines {
            let _ = writeln!(out, "         {line}");
        }
    }
}

/// The other partner of a two-person talk.
fn listener<'a>(session: &'a Session, turn: &Turn) -> Option<&'a str> {
    match (session.partners.len(), turn.speaker) {
        (2, 0) => Some(&session.partners[1]),
        (2, 1) => Some(&session.partners[0]),
        _ => None,
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn duration(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    match (h, m) {
        (0, 0) => format!("{s} s"),
        (0, _) if s == 0 => format!("{m} min"),
        (0, _) => format!("{m} min {s} s"),
        _ => format!("{h} h {m} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_plainly() {
        assert_eq!(duration(45), "45 s");
        assert_eq!(duration(170), "2 min 50 s");
        assert_eq!(duration(180), "3 min");
        assert_eq!(duration(3720), "1 h 2 min");
    }

    #[test]
    fn when_is_the_local_time_as_written() {
        let at = Timestamp::parse("2026-11-26T20:01:00+01:00").unwrap();
        assert_eq!(when(&at), "Thu 26 Nov 2026 20:01");
    }
}
