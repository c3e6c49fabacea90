//! `heard journal export`: the journal as CSV (one row per turn), as a Markdown report a
//! couple could bring to a therapist, or as JSON.
//!
//! - CSV follows RFC 4180 quoting (a cell is quoted only when it holds a comma, a quote or
//!   a line break) with "\n" line endings, which the SPEC leaves free and every
//!   spreadsheet reads. Cells are the journal's text exactly as written.
//! - JSON is the journal itself, complete and as stored, notes included whatever
//!   `--with-notes` says: it is the format for moving a journal to another machine.
//! - Without `--with-notes`, CSV and Markdown are shared views (SPEC section 6): no note's
//!   words, and of a reflection alone only that it happened (date, deck, name); its
//!   prompts, clarity, marks, times and moods are its writer's. Markdown says "Ana wrote a
//!   note" where a note was written.
//! - Markdown has control characters stripped, and table cells have `|` escaped and line
//!   breaks turned into spaces, so a name or prompt cannot break the layout.

use crate::mode::Mode;
use std::fmt::Write as _;

use chrono::{DateTime, FixedOffset};

use super::insights::{self, CoupleTalks, Mean, shown};
use super::privacy::{self, Reader};
use super::stats::{self, day_words};
use super::{Journal, Session, SessionMode, Turn};
use super::{appreciations, couples};
use crate::text::is_unsafe_char;

/// The CSV header; `--with-notes` adds `NOTE_COLUMN` after it.
pub const CSV_HEADER: [&str; 11] = [
    "session_id",
    "started_at",
    "mode",
    "deck_id",
    "speaker",
    "prompt_id",
    "felt_heard",
    "felt_validated",
    "clarity",
    "skipped",
    "seconds",
];
/// Columns after the SPEC's header, before `note`: who listened, their hidden guess, and
/// the mood and closeness of the speaker and of the listener, from the talk's figures.
pub const CSV_MORE: [&str; 10] = [
    "listener",
    "listener_guess",
    "speaker_mood_before",
    "speaker_mood_after",
    "speaker_closeness",
    "listener_mood_before",
    "listener_mood_after",
    "listener_closeness",
    // A conversation's round: its kind, and the third rating the floor asks.
    "kind",
    "felt_cared",
];
pub const NOTE_COLUMN: &str = "note";

/// One row per turn of every session, couple and solo, in file order.
pub fn to_csv(journal: &Journal, with_notes: bool) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let mut header: Vec<&str> = CSV_HEADER.to_vec();
    header.extend(CSV_MORE);
    if with_notes {
        header.push(NOTE_COLUMN);
    }
    // Writing into a Vec cannot fail.
    writer.write_record(&header).expect("CSV into memory");
    for session in &journal.sessions {
        let closed = !with_notes && !privacy::may_read_session(session, Reader::Shared);
        for turn in &session.turns {
            let number = |value: Option<u8>| value.map(|v| v.to_string()).unwrap_or_default();
            let mut row = vec![
                session.id.clone(),
                session.started_at.as_str().to_string(),
                session.mode.as_str().to_string(),
                session.deck_id.clone(),
                session
                    .partners
                    .get(turn.speaker)
                    .cloned()
                    .unwrap_or_default(),
                turn.prompt_id.clone(),
                number(turn.felt_heard()),
                number(turn.felt_validated()),
                number(turn.clarity()),
                turn.skipped.to_string(),
                turn.seconds().map(|s| s.to_string()).unwrap_or_default(),
            ];
            // A solo reflection's moods are its writer's, the speaker; it has no listener.
            let listener = crate::mode::Partner::from_index(turn.speaker)
                .filter(|_| session.partners.len() == 2)
                .map(|p| p.other().index());
            let of = |values: &[Option<u8>], who: Option<usize>| {
                number(who.and_then(|i| values.get(i).copied().flatten()))
            };
            let speaking = Some(turn.speaker);
            row.extend([
                listener
                    .and_then(|i| session.partners.get(i))
                    .cloned()
                    .unwrap_or_default(),
                number(turn.listener_guess()),
                of(&session.mood_before, speaking),
                of(&session.mood_after, speaking),
                of(&session.closeness, speaking),
                of(&session.mood_before, listener),
                of(&session.mood_after, listener),
                of(&session.closeness, listener),
                session.kind().to_string(),
                String::new(),
            ]);
            if closed {
                // A reflection alone: whose, when and which deck; the rest is its writer's.
                for cell in &mut row[5..] {
                    cell.clear();
                }
            }
            if with_notes {
                row.push(turn.note.clone().unwrap_or_default());
            }
            writer.write_record(&row).expect("CSV into memory");
        }
        for row in round_rows(session, with_notes) {
            writer.write_record(&row).expect("CSV into memory");
        }
    }
    let bytes = writer.into_inner().expect("CSV into memory");
    String::from_utf8(bytes).expect("CSV of UTF-8 strings is UTF-8")
}

/// A conversation's rounds on the floor, one row each like a turn: the sender speaks,
/// the other listens, `prompt_id` says which round, and `felt_cared` is filled in.
fn round_rows(session: &Session, with_notes: bool) -> Vec<Vec<String>> {
    let number = |value: Option<u8>| value.map(|v| v.to_string()).unwrap_or_default();
    let name = |i: usize| session.partners.get(i).cloned().unwrap_or_default();
    let blank = CSV_MORE.len() - 3;
    session
        .round_ratings()
        .into_iter()
        .enumerate()
        .map(|(n, (sender, [heard, validated, cared]))| {
            let mut row = vec![
                session.id.clone(),
                session.started_at.as_str().to_string(),
                session.mode.as_str().to_string(),
                session.deck_id.clone(),
                name(sender),
                format!("round-{}", n + 1),
                number(heard),
                number(validated),
                String::new(),
                "false".to_string(),
                String::new(),
                name(1 - sender.min(1)),
            ];
            row.extend(std::iter::repeat_n(String::new(), blank));
            row.extend([session.kind().to_string(), number(cared)]);
            if with_notes {
                row.push(String::new());
            }
            row
        })
        .collect()
}

/// The journal as stored, pretty-printed, notes and unknown fields included.
pub fn to_json(journal: &Journal) -> String {
    let mut text = serde_json::to_string_pretty(journal).expect("a journal always serializes");
    text.push('\n');
    text
}

/// A readable report: what period it covers, what stands out (the insights), the figures
/// in words, month by month, a table of talks, and each talk turn by turn. Notes appear
/// only `with_notes`.
pub fn to_markdown(journal: &Journal, with_notes: bool, now: DateTime<FixedOffset>) -> String {
    let mut out = String::new();
    write_title(&mut out, with_notes, now);
    if !write_period(&mut out, journal) {
        out.push_str("There are no talks in the journal yet.\n");
        return out;
    }
    let found = couples::couples(journal);
    if found.len() > 1 {
        // Never one couple's figures mixed with another's: a section each, newest first.
        for couple in &found {
            let theirs = couples::of_couple(journal, couple);
            let _ = writeln!(out, "# {}\n", clean_line(&couple.label()));
            write_couple(&mut out, &theirs, now);
        }
    } else {
        write_couple(&mut out, journal, now);
    }
    if found.len() > 1 {
        out.push_str("# Every talk\n\n");
    }
    write_talks_table(&mut out, journal, with_notes);
    write_talk_by_talk(&mut out, journal, with_notes);
    out
}

/// What stands out, the figures and month by month, for the one couple of `journal`.
fn write_couple(out: &mut String, journal: &Journal, now: DateTime<FixedOffset>) {
    write_insights(out, journal, now);
    write_numbers(out, journal, now);
    if let Some(couple) = CoupleTalks::of(journal) {
        out.push_str("## Month by month\n\n");
        month_by_month(out, &couple);
        out.push('\n');
    }
}

/// The heading, the day written, and whether notes are in: the first thing a reader
/// (perhaps a therapist) should know.
fn write_title(out: &mut String, with_notes: bool, now: DateTime<FixedOffset>) {
    let _ = writeln!(out, "# Our talks with heard\n");
    let _ = writeln!(
        out,
        "Written on {}. Private: {}.\n",
        day_words(now.date_naive()),
        if with_notes {
            "this report includes everyone's notes and reflections alone"
        } else {
            "notes and reflections alone are left out; it says only who wrote one"
        }
    );
}

/// "Covers 3 Aug 2026 to ...: ..."; false, writing nothing, when there are no talks.
fn write_period(out: &mut String, journal: &Journal) -> bool {
    let first = journal.sessions.iter().min_by_key(|s| s.started_at.at());
    let last = journal
        .sessions
        .iter()
        .rev()
        .max_by_key(|s| s.started_at.at());
    let (Some(first), Some(last)) = (first, last) else {
        return false;
    };
    let _ = writeln!(
        out,
        "Covers {} to {}: {}.\n",
        day_words(first.started_at.local_date()),
        day_words(last.started_at.local_date()),
        count_kinds(journal)
    );
    true
}

/// "What stands out", left out when nothing does.
fn write_insights(out: &mut String, journal: &Journal, now: DateTime<FixedOffset>) {
    let found = insights::insights(journal, now);
    if !found.is_empty() {
        out.push_str("## What stands out\n\n");
        for insight in &found {
            let _ = writeln!(out, "- {}", clean_line(&insight.to_string()));
        }
        out.push('\n');
    }
}

/// The figures of `heard journal stats`, in words, one bullet each.
fn write_numbers(out: &mut String, journal: &Journal, now: DateTime<FixedOffset>) {
    out.push_str("## In numbers\n\n");
    let figures = stats::compute(journal, None, now);
    if figures.sessions == 0 {
        out.push_str("No talks for two yet, so no figures to show.\n\n");
    } else {
        for line in stats::describe(&figures, None, now).lines() {
            let _ = writeln!(out, "- {}", clean_line(line));
        }
        out.push('\n');
    }
}

/// One table row per talk, in file order.
fn write_talks_table(out: &mut String, journal: &Journal, with_notes: bool) {
    out.push_str("## Talks\n\n");
    out.push_str(
        "| Date | Who | Deck | Prompts | Felt heard | Felt validated | Mood before → after | Closeness |\n",
    );
    out.push_str("|---|---|---|---|---|---|---|---|\n");
    for session in &journal.sessions {
        let cells = [
            day_words(session.started_at.local_date()),
            who(session),
            session.deck_id.clone(),
            insights::TalkFigures::of(session).prompts.to_string(),
            per_partner(session, |t| t.felt_heard()),
            per_partner(session, |t| t.felt_validated()),
            // A reflection's moods are its writer's, like the rest of it.
            if with_notes || privacy::may_read_session(session, Reader::Shared) {
                moods(session)
            } else {
                String::new()
            },
            closeness(session),
        ];
        let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

/// Each talk turn by turn, its notes quoted under the turn when `with_notes`.
fn write_talk_by_talk(out: &mut String, journal: &Journal, with_notes: bool) {
    out.push_str("## Talk by talk\n");
    for session in &journal.sessions {
        let _ = writeln!(
            out,
            "\n### {}, {} ({})\n",
            day_words(session.started_at.local_date()),
            clean_line(&who(session)),
            clean_line(&session.deck_id)
        );
        if !with_notes && !privacy::may_read_session(session, Reader::Shared) {
            let writer = clean_line(session.partner_name(0));
            let _ = writeln!(
                out,
                "{}. What it says is {writer}'s, left out of this report.",
                crate::words::wrote_a_reflection(&writer)
            );
            continue;
        }
        if crate::activity::Kind::of_flow(session.kind()).is_some() {
            let reader = if with_notes {
                Reader::Everyone
            } else {
                Reader::Shared
            };
            for (_, line) in super::flow_lines::lines(session, reader) {
                let _ = writeln!(out, "{}", clean_line(&line));
            }
            continue;
        }
        let topic = session.extra.get(crate::reflection::TOPIC);
        if let Some(topic) = topic.and_then(|t| t.as_str()).filter(|_| with_notes) {
            let _ = writeln!(out, "{}\n", clean_line(&crate::words::preparing(topic)));
        }
        if session.turns.is_empty() {
            out.push_str("No prompts were answered.\n");
        }
        write_appreciations(out, session);
        for (number, turn) in session.turns.iter().enumerate() {
            let _ = writeln!(
                out,
                "{}. **{}**: {} ({})",
                number + 1,
                clean_line(session.partner_name(turn.speaker)),
                clean_line(&turn.prompt),
                turn_ratings(session, turn)
            );
            if with_notes && let Some(note) = turn.note.as_deref().filter(|n| !n.is_empty()) {
                for line in clean(note).lines() {
                    let _ = writeln!(out, "   > {line}");
                }
            } else if privacy::written_note(turn).is_some() {
                let speaker = clean_line(session.partner_name(turn.speaker));
                let _ = writeln!(out, "   ({})", crate::words::wrote_a_note(&speaker));
            }
        }
    }
}

/// What each appreciated in the other, shared like the ratings (SPEC section 6).
fn write_appreciations(out: &mut String, session: &Session) {
    let found = appreciations::of(session);
    for a in &found {
        let line = crate::words::appreciated_line(&a.from, &a.to, &a.words);
        let _ = writeln!(out, "- {}", clean_line(&line));
    }
    if !found.is_empty() {
        out.push('\n');
    }
}

/// One line per month with talks for two: how many, how heard and validated each felt,
/// mood lift and closeness, so a trend shows without a chart.
fn month_by_month(out: &mut String, couple: &CoupleTalks) {
    let names = couple.names.each_ref().map(|n| clean_line(n));
    let mut months: Vec<(String, Vec<&insights::TalkFigures>)> = Vec::new();
    for (session, figures) in &couple.talks {
        let month = session.started_at.at().format("%B %Y").to_string();
        match months.last_mut() {
            Some((m, talks)) if *m == month => talks.push(figures),
            _ => months.push((month, vec![figures])),
        }
    }
    for (month, talks) in months {
        let mut heard = [Mean::default(); 2];
        let mut validated = [Mean::default(); 2];
        let mut guesses = [Mean::default(); 2];
        let mut closeness = Mean::default();
        let mut lifts = Vec::new();
        for figures in &talks {
            for i in 0..2 {
                heard[i].merge(figures.heard[i]);
                validated[i].merge(figures.validated[i]);
                guesses[i].merge(figures.guess_gap[i]);
                if let Some(value) = figures.closeness[i] {
                    closeness.add(value);
                }
                lifts.extend(figures.lift(i));
            }
        }
        let mut parts = vec![plural(talks.len(), "talk", "talks")];
        let each = |means: &[Mean; 2]| -> Option<String> {
            let given: Vec<String> = (0..2)
                .filter_map(|i| {
                    means[i]
                        .value()
                        .map(|v| format!("{} {}", names[i], shown(v)))
                })
                .collect();
            (!given.is_empty()).then(|| given.join(", "))
        };
        if let Some(text) = each(&heard) {
            parts.push(format!("felt heard {text}"));
        }
        if let Some(text) = each(&validated) {
            parts.push(format!("felt validated {text}"));
        }
        if let Some(lift) = stats::mean(lifts) {
            parts.push(format!("mood after minus before {}", signed(lift)));
        }
        if let Some(value) = closeness.value() {
            parts.push(format!("closeness {} of 7", shown(value)));
        }
        if let Some(text) = each(&guesses) {
            parts.push(format!("guesses off by {text}"));
        }
        let _ = writeln!(out, "- **{month}**: {}", parts.join("; "));
    }
}

/// "+0.5", "-1.0", "0.0".
fn signed(value: f64) -> String {
    let text = shown(value);
    if text.starts_with('-') || text == "0.0" {
        text
    } else {
        format!("+{text}")
    }
}

fn count_kinds(journal: &Journal) -> String {
    let couple = journal.sessions.iter().filter(|s| s.is_couple()).count();
    let solo = journal
        .sessions
        .iter()
        .filter(|s| s.mode == SessionMode::Known(Mode::Solo))
        .count();
    let mut parts = vec![plural(couple, "talk for two", "talks for two")];
    if solo > 0 {
        parts.push(plural(solo, "solo reflection", "solo reflections"));
    }
    let other = journal.sessions.len() - couple - solo;
    if other > 0 {
        parts.push(plural(other, "other session", "other sessions"));
    }
    parts.join(", ")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// "Ana & Ben", "Ana, alone", with "(unfinished)" when the talk was not completed.
fn who(session: &Session) -> String {
    let names = match session.mode {
        SessionMode::Known(Mode::Solo) => format!("{}, alone", session.partner_name(0)),
        _ => session.partners.join(" & "),
    };
    if session.completed {
        names
    } else {
        format!("{names} (unfinished)")
    }
}

/// "Ana 4.5, Ben 4" from each partner's turns in this talk; empty when nobody rated.
fn per_partner(session: &Session, pick: impl Fn(&Turn) -> Option<u8>) -> String {
    let mut parts = Vec::new();
    for (index, name) in session.partners.iter().enumerate() {
        let values = session
            .turns
            .iter()
            .filter(|t| t.speaker == index)
            .filter_map(&pick);
        let Some(mean) = stats::mean(values) else {
            continue;
        };
        let mean = format!("{mean:.1}");
        let mean = mean.strip_suffix(".0").unwrap_or(&mean);
        parts.push(format!("{name} {mean}"));
    }
    parts.join(", ")
}

fn rating(value: Option<u8>) -> String {
    value.map_or_else(|| "–".to_string(), |v| v.to_string())
}

/// "Ana 3 → 4, Ben – → 4"; empty when no mood was given at all.
fn moods(session: &Session) -> String {
    let count = session.mood_before.len().max(session.mood_after.len());
    let mut parts = Vec::new();
    for index in 0..count {
        let before = session.mood_before.get(index).copied().flatten();
        let after = session.mood_after.get(index).copied().flatten();
        if before.is_none() && after.is_none() {
            continue;
        }
        parts.push(format!(
            "{} {} → {}",
            session.partner_name(index),
            rating(before),
            rating(after)
        ));
    }
    parts.join(", ")
}

/// "Ana 5, Ben 6" on the 1-7 circles scale.
fn closeness(session: &Session) -> String {
    let parts: Vec<String> = session
        .closeness
        .iter()
        .enumerate()
        .filter_map(|(index, value)| value.map(|v| format!("{} {v}", session.partner_name(index))))
        .collect();
    parts.join(", ")
}

/// What one turn's ratings were, in words.
fn turn_ratings(session: &Session, turn: &Turn) -> String {
    if turn.skipped {
        return "passed".to_string();
    }
    let mut parts = Vec::new();
    if session.mode == SessionMode::Known(Mode::Solo) || turn.clarity.is_some() {
        parts.push(format!("clarity {}", rating(turn.clarity())));
        if turn.bring_to_talk() {
            parts.push("to bring to a talk".to_string());
        }
    } else {
        parts.push(format!("felt heard {}", rating(turn.felt_heard())));
        parts.push(format!("felt validated {}", rating(turn.felt_validated())));
        if let Some(guess) = turn.listener_guess() {
            parts.push(format!("listener guessed {guess}"));
        }
    }
    parts.join(", ")
}

/// Text with control characters (and bidi overrides) removed; line breaks and tabs stay.
fn clean(text: &str) -> String {
    text.chars().filter(|&c| !is_unsafe_char(c)).collect()
}

/// Text for one line of Markdown: cleaned, line breaks and tabs become spaces.
fn clean_line(text: &str) -> String {
    clean(text)
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Text for one table cell: on one line, with `|` (and the `\` that could undo that
/// escape) escaped.
fn cell(text: &str) -> String {
    clean_line(text).replace('\\', "\\\\").replace('|', "\\|")
}
