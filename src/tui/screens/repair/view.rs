//! Drawing "After a hard moment": one function per step behind an exhaustive match.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{FEELING_COLUMNS, Picks, RepairScreen, StepUi, keys, name};
use crate::activity::Flow;
use crate::mode::Partner;
use crate::repair::{Repair, Stage, Step};
use crate::tui::screens::activity::parts::{
    BreakView, StepFrame, TextField, choice_span, hanging, lines_height, render_lines,
};
use crate::tui::theme::Theme;
use crate::words;

impl RepairScreen {
    pub fn render(&self, flow: &Flow<Repair>, area: Rect, buf: &mut Buffer) {
        let hints = keys::hints(self);
        let right = corner(&self.ui, flow.engine.step_behind_break());
        let body = StepFrame {
            title: words::REPAIR_TITLE,
            right: Some(right),
            hints: &hints,
            notice: self.notice.as_deref(),
            demo: self.demo,
            theme: self.theme,
        }
        .render(area, buf);
        self.render_step(&self.ui, flow, body, buf);
    }

    fn render_step(&self, ui: &StepUi, flow: &Flow<Repair>, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let step = flow.engine.step_behind_break();
        let who = |partner: Partner| name(flow, partner);
        let (asked, other) = match asked(step) {
            Some(partner) => (who(partner), who(partner.other())),
            None => (String::new(), String::new()),
        };
        let lines = match ui {
            StepUi::Calm(choice) => calm(&asked, *choice, theme),
            StepUi::Feelings(picks) => return render_feelings(&asked, picks, area, buf, theme),
            StepUi::Summarise => summarise(flow, step, &asked, &other, area.width, theme),
            StepUi::Speak => vec![
                Line::styled(words::what_it_was_like(&asked), theme.heading()),
                Line::styled(words::WHAT_IT_WAS_LIKE_NOTE, theme.text()),
                Line::raw(""),
                Line::styled(words::listen_then_say_back(&other), theme.muted()),
            ],
            StepUi::Mirror => floor_lines(
                words::say_back(&other),
                words::MIRROR_FRAME,
                words::MIRROR_NOTE.to_string(),
                theme,
            ),
            StepUi::Answer(marked) => answer(&asked, &other, *marked, theme),
            StepUi::More(choice) => vec![
                Line::styled(words::is_there_more(&asked), theme.heading()),
                Line::styled(words::more_note(&other), theme.muted()),
                Line::raw(""),
                yes_no(("Yes", "No"), *choice, theme),
            ],
            StepUi::Touched(text) => {
                let head = vec![
                    Line::styled(words::ask_touched(&asked), theme.heading()),
                    Line::styled(words::TOUCHED_NOTE, theme.muted()),
                ];
                return with_field(head, text, area, buf, theme);
            }
            StepUi::MyPart {
                picks,
                text,
                apology,
            } => return render_my_part(&asked, picks, text, *apology, area, buf, theme),
            StepUi::Accept(choice) => vec![
                Line::styled(words::ask_accept(&asked, &other), theme.heading()),
                Line::styled(words::ACCEPT_NOTE, theme.muted()),
                Line::raw(""),
                yes_no((words::I_ACCEPT, words::NOT_YET_ACCEPT), *choice, theme),
            ],
            StepUi::NextTime { will, ask, .. } => {
                return render_next_time(&asked, will, ask, area, buf, theme);
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
}

/// Who answers on a step (the sender on the gate's steps but the mirror, whose answerer
/// is the other: the caller names both).
fn asked(step: Step) -> Option<Partner> {
    match step {
        Step::Calm { partner }
        | Step::Feelings { partner }
        | Step::Summarise { partner, .. }
        | Step::Touched { partner }
        | Step::MyPart { partner }
        | Step::Accept { partner }
        | Step::NextTime { partner } => Some(partner),
        Step::Speak { sender }
        | Step::Mirror { sender }
        | Step::Answer { sender }
        | Step::More { sender } => Some(sender),
        Step::Break | Step::Summary => None,
    }
}

fn stage_of(step: Step) -> Option<Stage> {
    match step {
        Step::Feelings { .. } => Some(Stage::Feelings),
        Step::Summarise { stage, .. } => Some(stage),
        Step::Speak { .. } | Step::Mirror { .. } | Step::Answer { .. } | Step::More { .. } => {
            Some(Stage::WhatItWasLike)
        }
        Step::Touched { .. } => Some(Stage::Touched),
        Step::MyPart { .. } | Step::Accept { .. } => Some(Stage::MyPart),
        Step::NextTime { .. } => Some(Stage::NextTime),
        Step::Calm { .. } | Step::Break | Step::Summary => None,
    }
}

/// The frame's corner: which of the five parts, "1 of 5: feelings".
fn corner(ui: &StepUi, step: Step) -> &'static str {
    match (ui, stage_of(step)) {
        (StepUi::Break { .. }, _) => "break",
        (StepUi::TimeOut(_), _) => "time out",
        (_, Some(Stage::Feelings)) => "1 of 5: feelings",
        (_, Some(Stage::WhatItWasLike)) => "2 of 5: what it was like",
        (_, Some(Stage::Touched)) => "3 of 5: what it touched",
        (_, Some(Stage::MyPart)) => "4 of 5: my part",
        (_, Some(Stage::NextTime)) => "5 of 5: next time",
        (_, None) => "getting ready",
    }
}

fn calm(asked: &str, choice: Option<bool>, theme: Theme) -> Vec<Line<'static>> {
    vec![
        Line::styled(words::ask_calm(asked), theme.heading()),
        Line::styled(words::CALM_NOTE, theme.muted()),
        Line::raw(""),
        yes_no((words::CALM_YES, words::CALM_NOT_YET), choice, theme),
    ]
}

fn yes_no(labels: (&str, &str), choice: Option<bool>, theme: Theme) -> Line<'static> {
    Line::from(vec![
        Span::raw("  "),
        choice_span(labels.0, choice == Some(true), theme),
        Span::raw("   "),
        choice_span(labels.1, choice == Some(false), theme),
    ])
}

fn floor_lines(heading: String, frame: &str, note: String, theme: Theme) -> Vec<Line<'static>> {
    vec![
        Line::styled(heading, theme.heading()),
        Line::raw(""),
        Line::styled(format!("  {frame}"), theme.key()),
        Line::raw(""),
        Line::styled(note, theme.muted()),
    ]
}

fn answer(sender: &str, receiver: &str, marked: Option<usize>, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::styled(words::did_they_get_it(sender, receiver), theme.heading()),
        Line::styled(words::ANSWER_NOTE, theme.muted()),
        Line::raw(""),
    ];
    for (i, (key, label)) in [
        ("y", words::GOT_IT),
        ("a", words::PARTLY),
        ("n", words::NOT_YET),
    ]
    .iter()
    .enumerate()
    {
        lines.push(Line::from(vec![
            Span::styled(format!("  {key}  "), theme.key()),
            choice_span(label, marked == Some(i), theme),
        ]));
    }
    lines
}

/// The listener says back a part; what was picked on screen (feelings, one's part) shows
/// to help, typed words do not (they are their writer's).
fn summarise(
    flow: &Flow<Repair>,
    step: Step,
    listener: &str,
    sharer: &str,
    width: u16,
    theme: Theme,
) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::styled(words::say_back_part(listener, sharer), theme.heading()),
        Line::raw(""),
    ];
    lines.extend(hanging("  ", words::SAY_BACK_FRAME, width, theme.key()));
    lines.push(Line::raw(""));
    let (Step::Summarise { stage, partner }, talk) = (step, &flow.engine) else {
        return lines;
    };
    let shared_by = partner.other();
    match stage {
        Stage::Feelings => {
            let felt = talk.feelings(shared_by).join(", ");
            lines.extend(hanging(
                "",
                &words::they_felt(sharer, &felt),
                width,
                theme.text(),
            ));
        }
        Stage::MyPart => {
            if let Some(part) = talk.my_part(shared_by) {
                let phrases: Vec<&str> = (part.picked.iter())
                    .filter_map(|&i| words::MY_PART.get(i).copied())
                    .collect();
                let said = words::parts_said(&phrases, part.apology);
                lines.extend(hanging(
                    "",
                    &words::they_took(sharer, &said),
                    width,
                    theme.text(),
                ));
            }
        }
        Stage::WhatItWasLike | Stage::Touched | Stage::NextTime => {}
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(words::SAY_BACK_NOTE, theme.muted()));
    lines
}

fn render_feelings(asked: &str, picks: &Picks, area: Rect, buf: &mut Buffer, theme: Theme) {
    let head = vec![
        Line::styled(words::ask_feelings(asked), theme.heading()),
        Line::styled(words::FEELINGS_PICK_NOTE, theme.muted()),
    ];
    let rows = lines_height(&head, area.width) + 1;
    let [top, grid] = Layout::vertical([Constraint::Length(rows), Constraint::Min(0)]).areas(area);
    render_lines(head, top, buf);
    let cell = usize::from(area.width) / FEELING_COLUMNS;
    let lines: Vec<Line> = words::FEELINGS
        .chunks(FEELING_COLUMNS)
        .enumerate()
        .map(|(row, feelings)| {
            let spans = feelings.iter().enumerate().flat_map(|(col, feeling)| {
                let index = row * FEELING_COLUMNS + col;
                let mark = if picks.has(index) { "✓" } else { " " };
                let style = if index == picks.cursor {
                    theme.selected()
                } else {
                    theme.text()
                };
                let word = format!("{feeling:<w$}", w = cell.saturating_sub(2));
                [
                    Span::styled(mark, theme.heading()),
                    Span::styled(word, style),
                    Span::raw(" "),
                ]
            });
            Line::from(spans.collect::<Vec<_>>())
        })
        .collect();
    render_lines(lines, grid, buf);
}

/// A heading, then a one-line field beneath it.
fn with_field(head: Vec<Line<'_>>, text: &TextField, area: Rect, buf: &mut Buffer, theme: Theme) {
    let rows = lines_height(&head, area.width) + 1;
    let [top, field, _] = Layout::vertical([
        Constraint::Length(rows),
        Constraint::Length(3),
        Constraint::Min(0),
    ])
    .areas(area);
    render_lines(head, top, buf);
    text.render(field, buf, theme);
}

fn render_my_part(
    asked: &str,
    picks: &Picks,
    text: &TextField,
    apology: bool,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
) {
    // The apology comes first: in a small window the list may lose a row, never it.
    let mut head = vec![
        Line::styled(words::ask_my_part(asked), theme.heading()),
        Line::styled(words::MY_PART_NOTE, theme.muted()),
        Line::from(vec![
            Span::styled("  a ", theme.key()),
            Span::styled(if apology { "✓" } else { " " }, theme.heading()),
            Span::styled(format!(" {}", words::WITH_APOLOGY), theme.text()),
        ]),
    ];
    for (i, phrase) in words::MY_PART.iter().enumerate() {
        let mark = if picks.has(i) { "✓" } else { " " };
        head.push(Line::from(vec![
            Span::styled(format!("  {} ", i + 1), theme.key()),
            Span::styled(mark, theme.heading()),
            Span::styled(format!(" {phrase}"), theme.text()),
        ]));
    }
    let show_text = text.writing || !text.is_empty();
    let rows = lines_height(&head, area.width);
    let [top, field, _] = Layout::vertical([
        Constraint::Length(rows),
        Constraint::Length(if show_text { 3 } else { 0 }),
        Constraint::Min(0),
    ])
    .areas(area);
    render_lines(head, top, buf);
    if show_text {
        text.render(field, buf, theme);
    }
}

fn render_next_time(
    asked: &str,
    will: &TextField,
    ask: &TextField,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
) {
    let head = vec![
        Line::styled(words::ask_next_time(asked), theme.heading()),
        Line::styled(words::NEXT_TIME_NOTE, theme.muted()),
    ];
    let rows = lines_height(&head, area.width) + 1;
    let [top, will_label, will_field, ask_label, ask_field, _] = Layout::vertical([
        Constraint::Length(rows),
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Length(3),
        Constraint::Min(0),
    ])
    .areas(area);
    render_lines(head, top, buf);
    render_lines(
        vec![Line::styled(words::NEXT_TIME_WILL, theme.text())],
        will_label,
        buf,
    );
    will.render(will_field, buf, theme);
    render_lines(
        vec![Line::styled(words::NEXT_TIME_ASK, theme.text())],
        ask_label,
        buf,
    );
    ask.render(ask_field, buf, theme);
}

fn time_out(width: u16, theme: Theme) -> Vec<Line<'static>> {
    crate::tui::screens::understand::view::time_out(width, theme)
}
