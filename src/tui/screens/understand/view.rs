//! Drawing "Understand each other": one function per step behind an exhaustive match.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Ratings, StepUi, Talk, UnderstandScreen, keys, name, roles};
use crate::mode::Partner;
use crate::text::one_line;
use crate::tui::screens::activity::parts::{
    BreakView, StepFrame, TextField, choice_span, hanging, lines_height, render_lines,
};
use crate::tui::theme::Theme;
use crate::tui::widgets::rating::RatingScale;
use crate::understand::Understand;
use crate::words;

impl UnderstandScreen {
    pub fn render(&self, talk: Talk<'_>, area: Rect, buf: &mut Buffer) {
        let hints = keys::hints(self);
        let right = corner(&self.ui, talk.engine);
        let body = StepFrame {
            title: self.title,
            right: Some(&right),
            hints: &hints,
            notice: self.notice.as_deref(),
            demo: self.demo,
            theme: self.theme,
        }
        .render(area, buf);
        self.render_step(&self.ui, talk, body, buf);
    }

    fn render_step(&self, ui: &StepUi, talk: Talk<'_>, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let (sender, receiver) = roles(talk);
        let lines = match ui {
            StepUi::GoodTime { partner, choice } => good_time(talk, *partner, *choice, theme),
            StepUi::Topic { text, shared } => {
                return self.render_topic(talk, text, *shared, area, buf);
            }
            StepUi::Speak => speak(talk, &sender, &receiver, theme),
            StepUi::Mirror => framed(
                words::say_back(&receiver),
                words::MIRROR_FRAME,
                words::MIRROR_NOTE,
                theme,
            ),
            StepUi::Answer(marked) => answer(&sender, &receiver, *marked, theme),
            StepUi::More(choice) => {
                let mut lines = vec![Line::styled(words::is_there_more(&sender), theme.heading())];
                lines.push(Line::styled(words::more_note(&receiver), theme.muted()));
                lines.push(Line::raw(""));
                lines.push(yes_no(*choice, theme));
                lines
            }
            StepUi::Validate => framed(
                words::what_makes_sense(&receiver, &sender),
                words::VALIDATE_FRAME,
                words::VALIDATE_NOTE,
                theme,
            ),
            StepUi::Empathize => return render_empathize(&sender, &receiver, area, buf, theme),
            StepUi::Rating(ratings) => {
                return render_rating(&sender, &receiver, ratings, area, buf, theme);
            }
            StepUi::Switch(choice) => vec![
                Line::styled(words::take_the_floor(&receiver), theme.heading()),
                Line::styled(words::SWITCH_NOTE, theme.muted()),
                Line::raw(""),
                yes_no(*choice, theme),
            ],
            StepUi::SmallStep { partner, text } => {
                return self.render_small_step(talk, *partner, text, area, buf);
            }
            StepUi::TimeOut(_) => time_out(area.width, theme),
            StepUi::Break { since, .. } => {
                return BreakView {
                    since: *since,
                    now: self.now,
                    back_at: self.back_at.as_deref(),
                    theme,
                }
                .render(area, buf);
            }
            StepUi::Summary => Vec::new(),
        };
        render_lines(lines, area, buf);
    }

    fn render_topic(
        &self,
        talk: Talk<'_>,
        text: &TextField,
        shared: bool,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let theme = self.theme;
        let bringer = name(talk, talk.engine.bringer());
        let other = name(talk, talk.engine.bringer().other());
        let head = vec![
            Line::styled(words::topic_ask_to_be_understood(&bringer), theme.heading()),
            Line::styled(words::UNDERSTAND_TOPIC_HINT, theme.muted()),
        ];
        let head_rows = lines_height(&head, area.width) + 1;
        let [top, field, rest] = Layout::vertical([
            Constraint::Length(head_rows),
            Constraint::Length(3),
            Constraint::Min(0),
        ])
        .areas(area);
        render_lines(head, top, buf);
        text.render(field, buf, theme);
        let mut lines = Vec::new();
        if talk.engine.keeps_notes() {
            let privacy = if shared {
                words::topic_shared_line(&other)
            } else {
                words::TOPIC_KEPT_LINE.to_string()
            };
            lines.push(Line::styled(privacy, theme.muted()));
        } else {
            lines.push(Line::styled(words::TOPIC_NOTES_OFF, theme.muted()));
        }
        lines.push(Line::raw(""));
        lines.extend(soft_start_up(theme));
        render_lines(lines, rest, buf);
    }

    fn render_small_step(
        &self,
        talk: Talk<'_>,
        partner: Partner,
        text: &TextField,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let theme = self.theme;
        let head = vec![
            Line::styled(words::SMALL_STEP_HEADING, theme.muted()),
            Line::raw(""),
            Line::styled(words::small_step_ask(&name(talk, partner)), theme.heading()),
            Line::styled(words::SMALL_STEP_HINT, theme.muted()),
        ];
        let head_rows = lines_height(&head, area.width) + 1;
        let [top, field, _] = Layout::vertical([
            Constraint::Length(head_rows),
            Constraint::Length(3),
            Constraint::Min(0),
        ])
        .areas(area);
        render_lines(head, top, buf);
        text.render(field, buf, theme);
    }
}

/// The frame's corner: where the talk is.
fn corner(ui: &StepUi, talk: &Understand) -> String {
    let round = talk.rounds().len().max(1);
    match ui {
        StepUi::GoodTime { .. } | StepUi::Topic { .. } => "getting ready".to_string(),
        StepUi::SmallStep { .. } => "small steps".to_string(),
        StepUi::Break { .. } => "break".to_string(),
        StepUi::TimeOut(_) => "time out".to_string(),
        StepUi::Speak
        | StepUi::Mirror
        | StepUi::Answer(_)
        | StepUi::More(_)
        | StepUi::Validate
        | StepUi::Empathize
        | StepUi::Rating(_)
        | StepUi::Switch(_)
        | StepUi::Summary => format!("round {round} of 2"),
    }
}

fn good_time(
    talk: Talk<'_>,
    asked: Partner,
    choice: Option<bool>,
    theme: Theme,
) -> Vec<Line<'static>> {
    let bringer = talk.engine.bringer();
    let ask = if asked == bringer {
        words::good_time_bringer(&name(talk, asked))
    } else {
        words::good_time_receiver(&name(talk, asked), &name(talk, bringer))
    };
    vec![
        Line::styled(ask, theme.heading()),
        Line::styled(words::GOOD_TIME_NOTE, theme.muted()),
        Line::raw(""),
        Line::from(vec![
            Span::raw("  "),
            choice_span(words::GOOD_TIME_NOW, choice == Some(true), theme),
            Span::raw("   "),
            choice_span(words::GOOD_TIME_LATER, choice == Some(false), theme),
        ]),
    ]
}

fn speak(talk: Talk<'_>, sender: &str, receiver: &str, theme: Theme) -> Vec<Line<'static>> {
    let again = talk.engine.round().is_some_and(|r| r.pieces > 0);
    let mut lines = vec![
        Line::styled(words::has_the_floor(sender), theme.heading()),
        Line::styled(
            if again {
                words::SPEAK_AGAIN_NOTE
            } else {
                words::SPEAK_NOTE
            },
            theme.text(),
        ),
        Line::raw(""),
    ];
    if let Some(topic) = talk.engine.topic().filter(|_| talk.engine.topic_shared()) {
        lines.push(Line::styled(
            format!("About: {}", one_line(topic)),
            theme.muted(),
        ));
        lines.push(Line::raw(""));
    }
    lines.extend(soft_start_up(theme));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        words::listen_then_say_back(receiver),
        theme.muted(),
    ));
    lines
}

fn soft_start_up(theme: Theme) -> Vec<Line<'static>> {
    vec![
        Line::styled(words::SOFT_START_UP_HEADING, theme.muted()),
        Line::styled(format!("  {}", words::SOFT_START_UP), theme.key()),
        Line::styled(words::SOFT_START_UP_NOTE, theme.muted()),
    ]
}

/// A step of the receiver's: who does what, the sentence to start with, a note.
fn framed(
    heading: String,
    frame: &'static str,
    note: &'static str,
    theme: Theme,
) -> Vec<Line<'static>> {
    vec![
        Line::styled(heading, theme.heading()),
        Line::raw(""),
        Line::styled(format!("  {frame}"), theme.key()),
        Line::raw(""),
        Line::styled(note, theme.muted()),
    ]
}

fn answer(sender: &str, receiver: &str, marked: Option<usize>, theme: Theme) -> Vec<Line<'static>> {
    let answers = [
        ("y", words::GOT_IT),
        ("a", words::PARTLY),
        ("n", words::NOT_YET),
    ];
    let mut lines = vec![
        Line::styled(words::did_they_get_it(sender, receiver), theme.heading()),
        Line::styled(words::ANSWER_NOTE, theme.muted()),
        Line::raw(""),
    ];
    for (i, (key, label)) in answers.iter().enumerate() {
        lines.push(Line::from(vec![
            Span::styled(format!("  {key}  "), theme.key()),
            choice_span(label, marked == Some(i), theme),
        ]));
    }
    lines
}

fn yes_no(choice: Option<bool>, theme: Theme) -> Line<'static> {
    Line::from(vec![
        Span::raw("  "),
        choice_span("Yes", choice == Some(true), theme),
        Span::raw("   "),
        choice_span("No", choice == Some(false), theme),
    ])
}

fn render_empathize(sender: &str, receiver: &str, area: Rect, buf: &mut Buffer, theme: Theme) {
    let head = vec![
        Line::styled(words::imagine_feeling(receiver, sender), theme.heading()),
        Line::styled(format!("  {}", words::EMPATHIZE_FRAME), theme.key()),
        Line::styled(words::word_fits(sender), theme.muted()),
        Line::styled(words::FEELINGS_HEADING, theme.muted()),
    ];
    let head_rows = lines_height(&head, area.width);
    let [top, list] =
        Layout::vertical([Constraint::Length(head_rows), Constraint::Min(0)]).areas(area);
    render_lines(head, top, buf);
    render_lines(feeling_lines(list.width, theme), list, buf);
}

/// The feelings in as many even columns as fit.
pub fn feeling_lines(width: u16, theme: Theme) -> Vec<Line<'static>> {
    let cell = words::FEELINGS
        .iter()
        .map(|f| f.chars().count())
        .max()
        .unwrap_or(1)
        + 2;
    let columns = (usize::from(width) / cell).max(1);
    words::FEELINGS
        .chunks(columns)
        .map(|row| {
            let text: String = row
                .iter()
                .map(|f| format!("  {f:<w$}", w = cell - 2))
                .collect();
            Line::styled(text.trim_end().to_string(), theme.text())
        })
        .collect()
}

fn render_rating(
    sender: &str,
    receiver: &str,
    ratings: &Ratings,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
) {
    let questions = [
        (words::ask_felt_heard(sender), &words::FELT_HEARD),
        (words::ask_felt_validated(receiver), &words::FELT_VALIDATED),
        (words::ask_felt_cared(receiver), &words::FELT_CARED),
    ];
    let width = area.width;
    let roomy = 3 * (lines_height(&[Line::raw(&questions[0].0)], width) + 3) <= area.height;
    let mut constraints = Vec::new();
    for (ask, _) in &questions {
        let rows = lines_height(&[Line::raw(ask.as_str())], width);
        constraints.push(Constraint::Length(rows));
        constraints.push(Constraint::Length(if roomy { 3 } else { 2 }));
    }
    constraints.push(Constraint::Min(0));
    let rows = Layout::vertical(constraints).split(area);
    for (i, (ask, scale_words)) in questions.iter().enumerate() {
        render_lines(
            vec![Line::styled(ask.clone(), theme.heading())],
            rows[i * 2],
            buf,
        );
        RatingScale {
            words: &scale_words[..],
            chosen: ratings.scales[i].value,
            focused: ratings.focus == i,
            theme,
        }
        .render(rows[i * 2 + 1], buf);
    }
}

pub(crate) fn time_out(width: u16, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::styled(words::TIME_OUT_TITLE, theme.heading()),
        Line::raw(""),
        Line::styled(words::TIME_OUT_SIGNS, theme.text()),
    ];
    for sign in [
        words::TIME_OUT_ESCALATION,
        words::TIME_OUT_INVALIDATION,
        words::TIME_OUT_WITHDRAWAL,
    ] {
        lines.extend(hanging("  · ", sign, width, theme.text()));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(words::TIME_OUT_NOTE, theme.muted()));
    lines
}
