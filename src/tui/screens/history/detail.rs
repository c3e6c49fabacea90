//! One talk in full: when, which deck, each partner's moods and closeness, what each
//! appreciated in the other, then every
//! turn with its ratings, the listener's guess and any note. Private text (a speaker's
//! note, a reflection alone as a whole) shows only to its writer, once they have opened
//! their own; otherwise the line says that it was written, never its words.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::data::Row;
use super::keys::Command;
use crate::journal::appreciations;
use crate::journal::flow_lines::{self, Tone};
use crate::journal::privacy::{self, Reader};
use crate::journal::{Session, Turn};
use crate::mode::{Mode, Partner};
use crate::text::{multi_line, one_line};
use crate::tui::theme::Theme;
use crate::words;

/// The lines of one talk, built when it is opened.
pub struct Detail {
    pub lines: Vec<(Style, String)>,
    pub scroll: u16,
}

/// How a line of the detail is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Heading,
    Text,
    Quiet,
}

impl From<Tone> for Style {
    fn from(tone: Tone) -> Style {
        match tone {
            Tone::Heading => Style::Heading,
            Tone::Text => Style::Text,
            Tone::Quiet => Style::Quiet,
        }
    }
}

fn scale(value: Option<u8>, top: u8) -> String {
    value.map_or_else(
        || words::HISTORY_NOT_GIVEN.to_string(),
        |v| format!("{v}/{top}"),
    )
}

/// When, which deck, who; whether it was finished; a blank line.
fn heading(session: &Session, row: &Row) -> Vec<(Style, String)> {
    let who = match session.mode.known() {
        Some(Mode::Couple) => session
            .partners
            .iter()
            .map(|n| one_line(n).into_owned())
            .collect::<Vec<_>>()
            .join(" & "),
        _ => words::alone(&one_line(session.partner_name(0))),
    };
    vec![
        (
            Style::Heading,
            format!(
                "{} · {} · {who}",
                session.started_at.at().format("%a %-d %b %Y, %H:%M"),
                row.deck
            ),
        ),
        (
            Style::Quiet,
            words::prompts_answered(session.completed, row.answered, row.prompts),
        ),
        (Style::Text, String::new()),
    ]
}

/// Each partner's mood before and after, and closeness in a talk for two.
fn people(session: &Session) -> Vec<(Style, String)> {
    let people = session.partners.len().max(session.mood_before.len()).min(2);
    (0..people)
        .map(|i| {
            let name = one_line(session.partner_name(i)).into_owned();
            let pick = |values: &[Option<u8>]| values.get(i).copied().flatten();
            let mut parts = vec![words::mood_moved(
                &scale(pick(&session.mood_before), 5),
                &scale(pick(&session.mood_after), 5),
            )];
            if session.is_couple() {
                parts.push(words::closeness_was(&scale(pick(&session.closeness), 7)));
            }
            (Style::Text, format!("{name}: {}", parts.join(" · ")))
        })
        .collect()
}

/// The most of one note Look back shows: many pages already. Past it a line says how
/// much more there is and where it can be read whole, so a note of many megabytes is
/// neither wrapped whole on every frame nor held several times over in memory.
const NOTE_SHOWN_CHARS: usize = 50_000;

/// A note's lines as Look back shows them, cut with a word past `NOTE_SHOWN_CHARS`.
fn note_lines(note: &str, session: &Session, writer: &str) -> Vec<(Style, String)> {
    let (shown, more) = match note.char_indices().nth(NOTE_SHOWN_CHARS) {
        Some((at, _)) => (&note[..at], note[at..].chars().count()),
        None => (note, 0),
    };
    let mut lines: Vec<(Style, String)> = multi_line(shown)
        .lines()
        .enumerate()
        .map(|(k, part)| {
            let lead = if k == 0 { "   note: " } else { "         " };
            (Style::Quiet, format!("{lead}{part}"))
        })
        .collect();
    if more > 0 {
        let id: String = session.id.chars().take(8).collect();
        lines.push((
            Style::Quiet,
            words::note_goes_on(more, &one_line(&id), writer),
        ));
    }
    lines
}

/// Turn `n`: who shared and who listened, the prompt, the ratings, the note if `reader`
/// wrote it (else that there is one).
fn turn_lines(session: &Session, n: usize, turn: &Turn, reader: Reader) -> Vec<(Style, String)> {
    let speaker = one_line(session.partner_name(turn.speaker)).into_owned();
    let listener = Partner::from_index(turn.speaker)
        .filter(|_| session.partners.len() == 2)
        .map(|speaker| one_line(session.partner_name(speaker.other().index())).into_owned());
    let who = match (&listener, session.is_couple()) {
        (Some(listener), true) => words::shared_and_listened(&speaker, listener),
        _ => words::reflected(&speaker),
    };
    let passed = if turn.skipped {
        words::HISTORY_PASSED
    } else {
        ""
    };
    let mut lines = vec![
        (Style::Text, String::new()),
        (Style::Heading, format!("{}. {who}{passed}", n + 1)),
        (Style::Text, format!("   {}", one_line(&turn.prompt))),
    ];
    let ratings = ratings(turn, listener.as_deref());
    if !ratings.is_empty() && !turn.skipped {
        lines.push((Style::Quiet, format!("   {}", ratings.join(" · "))));
    }
    if let Some(note) = privacy::note_for(session, turn, reader) {
        lines.extend(note_lines(note, session, &speaker));
    } else if privacy::written_note(turn).is_some() {
        lines.push((
            Style::Quiet,
            format!("   {}", words::wrote_a_note(&speaker)),
        ));
    }
    lines
}

/// What was rated on a turn, in words: "felt heard 4/5", "Ben guessed 3/5", ...
fn ratings(turn: &Turn, listener: Option<&str>) -> Vec<String> {
    let mut ratings = Vec::new();
    if let Some(value) = turn.felt_heard {
        ratings.push(words::felt_heard_was(&scale(value, 5)));
    }
    if let Some(value) = turn.felt_validated {
        ratings.push(words::validated_was(&scale(value, 5)));
    }
    if let (Some(guess), Some(listener)) = (turn.listener_guess(), listener) {
        ratings.push(words::guessed(listener, guess));
    }
    if let Some(value) = turn.clarity {
        ratings.push(words::clarity_was(&scale(value, 5)));
    }
    if turn.bring_to_talk() {
        ratings.push(words::HISTORY_TO_BRING.to_string());
    }
    ratings
}

impl Detail {
    /// The talk as `reader` may see it: a reflection alone of someone else's shows that it
    /// happened (date, deck, name), nothing of what it says, its ratings or its moods.
    pub fn new(session: &Session, row: &Row, reader: Reader) -> Detail {
        let mut lines = heading(session, row);
        if !privacy::may_read_session(session, reader) {
            let writer = one_line(session.partner_name(0)).into_owned();
            lines[1] = (Style::Quiet, words::wrote_a_reflection(&writer));
            lines.push((Style::Quiet, words::reflection_kept_for(&writer)));
            return Detail { lines, scroll: 0 };
        }
        if crate::activity::Kind::of_flow(session.kind()).is_some() {
            let state = if session.kind() == crate::understand::session::KIND {
                words::rounds_had(session.round_ratings().len(), session.completed)
            } else {
                words::finished_or_not(session.completed)
            };
            lines[1] = (Style::Quiet, state);
            let told = flow_lines::lines(session, reader);
            lines.extend(told.into_iter().map(|(tone, line)| (tone.into(), line)));
            return Detail { lines, scroll: 0 };
        }
        if let Some(topic) = privacy::topic_for(session, reader) {
            lines.push((Style::Text, words::preparing(&one_line(topic))));
        }
        lines.extend(people(session));
        // Shared like the ratings (SPEC section 6): both heard them said.
        for a in appreciations::of(session) {
            let line = words::appreciated_line(&one_line(&a.from), &one_line(&a.to), &a.words);
            lines.push((Style::Text, one_line(&line).into_owned()));
        }
        for (n, turn) in session.turns.iter().enumerate() {
            lines.extend(turn_lines(session, n, turn, reader));
        }
        if session.turns.is_empty() {
            lines.push((Style::Text, String::new()));
            lines.push((Style::Quiet, words::HISTORY_NOTHING_ANSWERED.to_string()));
        }
        Detail { lines, scroll: 0 }
    }

    /// A step of scrolling, from looking back's key table.
    pub(super) fn scroll(&mut self, step: Command) {
        let last = u16::try_from(self.lines.len()).unwrap_or(u16::MAX);
        match step {
            Command::Next => self.scroll = (self.scroll + 1).min(last),
            Command::Previous => self.scroll = self.scroll.saturating_sub(1),
            Command::PageDown => self.scroll = (self.scroll + 10).min(last),
            Command::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Command::First => self.scroll = 0,
            _ => {}
        }
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        let lines: Vec<Line> = self
            .lines
            .iter()
            .map(|(style, text)| {
                let style = match style {
                    Style::Heading => theme.heading(),
                    Style::Text => theme.text(),
                    Style::Quiet => theme.muted(),
                };
                Line::from(Span::styled(text.clone(), style))
            })
            .collect();
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((self.scroll, 0))
            .render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_note_of_megabytes_shows_its_first_pages_and_says_how_to_read_it_whole() {
        let note = "I felt heard. ".repeat(300_000);
        let session: Session = serde_json::from_value(serde_json::json!({
            "id": "0b4f6d1e-3c1a", "mode": "couple",
            "started_at": "2026-11-19T20:01:00+01:00", "partners": ["Ana", "Ben"],
            "turns": [{"prompt_id": "p", "prompt": "P", "speaker": 0, "skipped": false,
                       "note": note}]
        }))
        .unwrap();
        let lines = turn_lines(&session, 0, &session.turns[0], Reader::Writer("Ana"));
        let shown: usize = lines.iter().map(|(_, text)| text.chars().count()).sum();
        assert!(
            shown < NOTE_SHOWN_CHARS + 500,
            "{shown} characters held to show"
        );
        let last = &lines.last().unwrap().1;
        let more = note.chars().count() - NOTE_SHOWN_CHARS;
        assert!(
            last.contains(&format!("goes on for {more} more characters")),
            "{last}"
        );
        assert!(
            last.contains("heard journal show 0b4f6d1e --notes-of \"Ana\""),
            "{last}"
        );
        // A note that fits is shown whole, with no such line.
        let short = note_lines("Short and whole.", &session, "Ana");
        assert_eq!(short.len(), 1);
    }
}
