//! Drawing the steps of one prompt: speaker, listener, guess, rating, reveal, and the
//! question about going deeper. One function per step.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::keys::own_notes;
use super::view::name;
use super::{Rating, Speaking, TalkScreen};
use crate::mode::Partner;
use crate::talk::brought::Note;
use crate::talk::{Progress, Talk};
use crate::text::one_line;
use crate::tui::screens::activity::parts::{
    Scale, choice_span, fit_rows, followup_lines, lines_height, render_lines,
};
use crate::tui::theme::Theme;
use crate::tui::widgets::card::PromptCard;
use crate::tui::widgets::rating::RatingScale;
use crate::tui::widgets::timer::TimerView;
use crate::words;

/// The column the listener card's step names take.
const LABEL_WIDTH: u16 = 11;

/// The speaker's and the listener's names at this prompt.
fn names(talk: &Talk, progress: &Progress) -> (String, String) {
    (name(talk, progress.speaker), name(talk, progress.listener))
}

/// The listener's guess beside the speaker's felt heard. A matched guess of a low rating is
/// not "reading each other exactly": it means the listener saw that it did not land.
fn reveal_lines(
    speaker: &str,
    listener: &str,
    guess: u8,
    felt_heard: Option<u8>,
    theme: crate::tui::theme::Theme,
) -> Vec<Line<'static>> {
    let word = |v: u8| words::scale_word(&words::FELT_HEARD, v).unwrap_or("");
    let felt = match felt_heard {
        Some(v) => words::felt(speaker, v, word(v)),
        None => words::left_felt_heard_unanswered(speaker),
    };
    let closeness = match felt_heard {
        Some(v) if v == guess && v <= LOW => words::saw_it_did_not_land(listener),
        Some(v) if v == guess => words::GUESSES_EXACTLY.to_string(),
        Some(v) if v > guess => words::felt_more_heard_than_thought(speaker, listener),
        Some(_) => words::felt_less_heard_than_thought(speaker, listener),
        None => String::new(),
    };
    vec![
        Line::styled(
            words::guessed_for_heard(listener, guess, word(guess)),
            theme.heading(),
        ),
        Line::styled(felt, theme.heading()),
        Line::raw(""),
        Line::styled(closeness, theme.text()),
    ]
}

/// "Your notes" over the bringer's own notes.
fn heading_line(theme: Theme) -> Line<'static> {
    Line::styled(words::NOTES_HEADING, theme.heading())
}

/// The bringer's own notes in `room` rows. Notes that do not fit are never cut without a
/// word: the last line that fits says how many more a larger window would show.
fn fit_notes(notes: &[Note], (width, room): (u16, usize), theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![heading_line(theme)];
    let fits = |lines: &[Line<'static>]| usize::from(lines_height(lines, width)) <= room;
    // Each note under its prompt when all of them fit so; else the words alone.
    let full = note_lines(&lines, notes, true, theme);
    if fits(&full) {
        return full;
    }
    for (shown, note) in notes.iter().enumerate() {
        let mut with = lines.clone();
        with.push(Line::styled(
            format!("· {}", one_line(&note.text)),
            theme.text(),
        ));
        let left = notes.len() - shown - 1;
        let mut check = with.clone();
        if left > 0 {
            check.push(Line::raw(words::more_notes(left)));
        }
        if !fits(&check) {
            lines.push(Line::styled(
                words::more_notes(notes.len() - shown),
                theme.key(),
            ));
            return lines;
        }
        lines = with;
    }
    lines
}

fn note_lines(
    lines: &[Line<'static>],
    notes: &[Note],
    with_prompts: bool,
    theme: Theme,
) -> Vec<Line<'static>> {
    let mut lines = lines.to_vec();
    for note in notes {
        if with_prompts {
            lines.push(Line::styled(
                one_line(&note.prompt).into_owned(),
                theme.muted(),
            ));
        }
        lines.push(Line::styled(
            format!("  {}", one_line(&note.text)),
            theme.text(),
        ));
    }
    lines
}

/// The fewest rows the prompt card takes: its border, its padding, one line of the prompt
/// and the line saying it continues.
const MIN_CARD: u16 = 6;

/// The follow-ups that fit whole in `area`; when some do not, the last line says so.
fn fit_followups(
    mut lines: Vec<Line<'static>>,
    area: Rect,
    theme: crate::tui::theme::Theme,
) -> Vec<Line<'static>> {
    let fits = |lines: &[Line<'_>]| lines_height(lines, area.width) <= area.height;
    // The blank rows around them go first, then follow-ups from the last.
    if !fits(&lines) && lines.last().is_some_and(|l| l.width() == 0) {
        lines.pop();
    }
    if !fits(&lines) && lines.first().is_some_and(|l| l.width() == 0) {
        lines.remove(0);
    }
    if fits(&lines) || area.height == 0 {
        return lines;
    }
    let more = Line::styled(words::FOLLOWUPS_MORE, theme.muted());
    while lines.len() > 1 && {
        let mut with_sign = lines.clone();
        with_sign.push(more.clone());
        !fits(&with_sign)
    } {
        lines.pop();
    }
    lines.push(more);
    lines
}

/// Who speaks to whom, and who brought the topic when one of them did.
fn speaker_heading(
    talk: &Talk,
    progress: &Progress,
    (speaker, listener): (&str, &str),
    theme: Theme,
) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(
        if talk.in_second_round() {
            words::say_what_was_missed(speaker, listener)
        } else {
            words::share_with(speaker, listener)
        },
        theme.heading(),
    )];
    if let Some(brought) = progress.brought {
        let by = name(talk, brought.by);
        lines.push(Line::styled(words::brought_by(&by), theme.muted()));
    }
    lines
}

/// Felt heard at or below this did not land.
const LOW: u8 = 2;

impl TalkScreen {
    pub(super) fn render_speaker(
        &self,
        talk: &Talk,
        speaking: &Speaking,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let Some(progress) = talk.progress() else {
            return;
        };
        let (speaker, listener) = names(talk, &progress);
        let theme = self.theme;
        let card = PromptCard {
            text: &progress.prompt.text,
            theme,
        };
        let timer = progress.timer_seconds;
        let show_text = speaking.note.writing || !speaking.note.is_empty();
        let head_lines = speaker_heading(talk, &progress, (&speaker, &listener), theme);
        let notes = own_notes(&progress);
        let reading = notes.filter(|_| speaking.notes_open);
        // While the speaker reads their own notes the listener looks away: the notes take
        // the room of the follow-ups and the word to the listener.
        let (middle_lines, listen) = match reading {
            Some(notes) => (
                note_lines(&[heading_line(theme)], notes, true, theme),
                vec![],
            ),
            None => {
                let mut listen = vec![Line::styled(words::just_listen(&listener), theme.muted())];
                if notes.is_some() {
                    listen.push(Line::styled(words::notes_offer(&listener), theme.key()));
                }
                (followup_lines(progress.prompt, theme), listen)
            }
        };
        // The names and the listener's line are always whole; the card gives way first
        // (it says when the prompt continues), down to a line of the prompt and its sign.
        let head_height = lines_height(&head_lines, area.width).max(2);
        let listen_height = lines_height(&listen, area.width);
        let fixed = head_height
            + listen_height
            + if show_text { 4 } else { 0 }
            + if timer.is_some() { 2 } else { 0 };
        let room = area.height.saturating_sub(fixed);
        let wanted = room.saturating_sub(lines_height(&middle_lines, area.width));
        let card_height = card.height(area.width).min(wanted.max(MIN_CARD)).min(room);
        let middle_height = lines_height(&middle_lines, area.width).min(room - card_height);
        let [head, card_area, middle, listen_area, _, text_area, clock] = Layout::vertical([
            Constraint::Length(head_height),
            Constraint::Length(card_height),
            Constraint::Length(middle_height),
            Constraint::Length(listen_height),
            Constraint::Min(0),
            Constraint::Length(if show_text { 4 } else { 0 }),
            Constraint::Length(if timer.is_some() { 2 } else { 0 }),
        ])
        .areas(area);
        render_lines(head_lines, head, buf);
        card.render(card_area, buf);
        let middle_lines = match reading {
            Some(notes) => fit_notes(notes, (middle.width, usize::from(middle.height)), theme),
            None => fit_followups(middle_lines, middle, theme),
        };
        render_lines(middle_lines, middle, buf);
        render_lines(listen, listen_area, buf);
        if show_text {
            speaking.note.render(text_area, buf, theme);
        }
        if let Some(total) = timer {
            TimerView {
                total_seconds: total,
                left_seconds: speaking.watch.left(total, self.now),
                paused: !speaking.watch.is_running(),
                when_up: words::SPEAKER_TIME_UP,
                theme,
            }
            .render(clock, buf);
        }
    }

    pub(super) fn render_listener(&self, talk: &Talk, area: Rect, buf: &mut Buffer) {
        let Some(progress) = talk.progress() else {
            return;
        };
        let (speaker, listener) = names(talk, &progress);
        let theme = self.theme;
        // The phrasings vary from turn to turn: two turns to a prompt.
        let guide =
            words::listener_guide(progress.prompt_index * 2 + usize::from(progress.second_turn));
        // Each step: its name in a column, the example sentence wrapping beside it.
        let steps = [
            (words::MIRROR_LABEL, guide.mirror),
            (words::VALIDATE_LABEL, guide.validate),
            (words::EMPATHIZE_LABEL, guide.empathize),
        ];
        let quote_width = area.width.saturating_sub(LABEL_WIDTH);
        let quotes: Vec<Paragraph> = steps
            .iter()
            .map(|(_, text)| {
                Paragraph::new(Line::styled(format!("\"{text}\""), theme.text()))
                    .wrap(Wrap { trim: true })
            })
            .collect();
        let head = vec![Line::styled(
            words::tell_what_you_heard(&listener, &speaker),
            theme.heading(),
        )];
        let mut constraints = vec![Constraint::Length(lines_height(&head, area.width).max(2))];
        for quote in &quotes {
            let rows = quote.line_count(quote_width).max(1);
            constraints.push(Constraint::Length(u16::try_from(rows).unwrap_or(1) + 1));
        }
        constraints.push(Constraint::Min(0));
        let rows = Layout::vertical(constraints).split(area);
        render_lines(head, rows[0], buf);
        for (i, (quote, (label, _))) in quotes.into_iter().zip(steps).enumerate() {
            let [name, text] =
                Layout::horizontal([Constraint::Length(LABEL_WIDTH), Constraint::Min(0)])
                    .areas(rows[i + 1]);
            Line::styled(label, theme.key()).render(name, buf);
            quote.render(text, buf);
        }
        let mut lines = vec![
            Line::styled(words::speaker_can_add(&speaker), theme.muted()),
            Line::raw(""),
        ];
        // The prompt again, as much as fits, ending in "…" when it goes on.
        let room = rows[4]
            .height
            .saturating_sub(lines_height(&lines, rows[4].width));
        if room > 0 {
            let was = words::the_prompt_was(&one_line(&progress.prompt.text));
            lines.push(Line::styled(
                fit_rows(&was, rows[4].width, room),
                theme.muted(),
            ));
        }
        render_lines(lines, rows[4], buf);
    }

    pub(super) fn render_guess(&self, talk: &Talk, guess: Scale, area: Rect, buf: &mut Buffer) {
        let Some(progress) = talk.progress() else {
            return;
        };
        let (speaker, listener) = names(talk, &progress);
        let theme = self.theme;
        let lines = vec![
            Line::styled(words::look_away(&speaker), theme.muted()),
            Line::raw(""),
            Line::styled(words::ask_guess(&listener, &speaker), theme.heading()),
            Line::styled(words::GUESS_HIDDEN_NOTE, theme.muted()),
            Line::raw(""),
        ];
        let top_height = lines_height(&lines, area.width).max(6);
        let [top, scale] =
            Layout::vertical([Constraint::Length(top_height), Constraint::Min(0)]).areas(area);
        render_lines(lines, top, buf);
        RatingScale {
            words: &words::FELT_HEARD,
            chosen: guess.value,
            focused: true,
            theme,
        }
        .render(scale, buf);
    }

    pub(super) fn render_rating(&self, talk: &Talk, rating: &Rating, area: Rect, buf: &mut Buffer) {
        let Some(progress) = talk.progress() else {
            return;
        };
        let (speaker, listener) = names(talk, &progress);
        let theme = self.theme;
        let width = area.width;
        let mut heard_lines = vec![
            Line::styled(words::ask_felt_heard(&speaker), theme.heading()),
            Line::styled(words::may_look_away(&listener, &speaker), theme.muted()),
        ];
        let validated_lines = vec![Line::styled(
            words::ask_felt_validated(&listener),
            theme.heading(),
        )];
        let mut below = self.below_rating(talk, rating, &speaker, &listener);
        // Each question whole, with blank rows between when there is room. When there is
        // not (long names in a small window): no blank rows, and once both are answered
        // the reveal is for both to see, so the word to look away goes.
        let roomy = [
            lines_height(&heard_lines, width).max(3),
            3,
            lines_height(&validated_lines, width).max(3),
            3,
        ];
        let fits = |below: &[Line<'_>]| {
            roomy.iter().sum::<u16>() + lines_height(below, width) <= area.height
        };
        if !fits(&below) {
            // In a small window the blank lines go first, never the words.
            below.retain(|line| line.width() > 0);
        }
        let heights = if fits(&below) {
            roomy
        } else {
            if rating.answered() && talk.guess_to_show().is_some() {
                heard_lines.pop();
            }
            [
                lines_height(&heard_lines, width),
                2,
                lines_height(&validated_lines, width),
                2,
            ]
        };
        let [a, b, c, d, rest] = Layout::vertical([
            Constraint::Length(heights[0]),
            Constraint::Length(heights[1]),
            Constraint::Length(heights[2]),
            Constraint::Length(heights[3]),
            Constraint::Min(0),
        ])
        .areas(area);
        render_lines(heard_lines, a, buf);
        RatingScale {
            words: &words::FELT_HEARD,
            chosen: rating.heard.value,
            focused: !rating.on_validated,
            theme,
        }
        .render(b, buf);
        render_lines(validated_lines, c, buf);
        RatingScale {
            words: &words::FELT_VALIDATED,
            chosen: rating.validated.value,
            focused: rating.on_validated,
            theme,
        }
        .render(d, buf);
        render_lines(below, rest, buf);
    }

    /// Under the two scales: once both are answered the listener's guess beside the
    /// rating, on this screen; before, a word to answer honestly.
    fn below_rating(
        &self,
        talk: &Talk,
        rating: &Rating,
        speaker: &str,
        listener: &str,
    ) -> Vec<Line<'static>> {
        match talk.guess_to_show() {
            Some(guess) if rating.answered() => {
                let mut lines = vec![Line::raw("")];
                lines.extend(reveal_lines(
                    speaker,
                    listener,
                    guess,
                    rating.heard.value,
                    self.theme,
                ));
                lines
            }
            Some(_) | None => vec![Line::styled(words::RATE_HONESTLY, self.theme.muted())],
        }
    }

    pub(super) fn render_reveal(
        &self,
        talk: &Talk,
        guess: u8,
        felt_heard: Option<u8>,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let Some(progress) = talk.progress() else {
            return;
        };
        let (speaker, listener) = names(talk, &progress);
        render_lines(
            reveal_lines(&speaker, &listener, guess, felt_heard, self.theme),
            area,
            buf,
        );
    }

    pub(super) fn render_try_again(
        &self,
        talk: &Talk,
        choice: Option<bool>,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let Some(progress) = talk.progress() else {
            return;
        };
        let (speaker, listener) = names(talk, &progress);
        let theme = self.theme;
        let yes = choice_span(
            &words::try_again_yes(&listener),
            choice == Some(true),
            theme,
        );
        let no = choice_span(words::TRY_AGAIN_NO, choice == Some(false), theme);
        let mut lines = vec![
            Line::styled(words::did_not_land(&speaker), theme.muted()),
            Line::raw(""),
            Line::styled(words::try_again_ask(&speaker, &listener), theme.heading()),
            Line::styled(words::try_again_how(&speaker, &listener), theme.muted()),
            Line::raw(""),
        ];
        let one_line = Line::from(vec![
            Span::raw("  "),
            yes.clone(),
            Span::raw("   "),
            no.clone(),
        ]);
        // Each answer whole: one under the other when both do not fit on a line.
        if one_line.width() <= usize::from(area.width) {
            lines.push(one_line);
        } else {
            lines.push(Line::from(vec![Span::raw("  "), yes]));
            lines.push(Line::from(vec![Span::raw("  "), no]));
        }
        render_lines(lines, area, buf);
    }

    pub(super) fn render_consent(
        &self,
        talk: &Talk,
        partner: Partner,
        choice: Option<bool>,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let theme = self.theme;
        let option = |label: &'static str, on: bool| choice_span(label, on, theme);
        render_lines(
            vec![
                Line::styled(
                    if talk.deep_prompts_left() == 1 {
                        words::GO_DEEPER_ASK_ONE
                    } else {
                        words::GO_DEEPER_ASK
                    },
                    theme.heading(),
                ),
                Line::styled(words::GO_DEEPER_NOTE, theme.muted()),
                Line::raw(""),
                Line::styled(
                    words::your_answer_look_away(
                        &name(talk, partner),
                        &name(talk, partner.other()),
                    ),
                    theme.text(),
                ),
                Line::raw(""),
                Line::from(vec![
                    Span::raw("  "),
                    option("yes, go deeper", choice == Some(true)),
                    Span::raw("   "),
                    option("not today", choice == Some(false)),
                ]),
                Line::raw(""),
                Line::styled(words::DEEPER_NOBODY_SEES, theme.muted()),
            ],
            area,
            buf,
        );
    }
}
