//! Drawing "Our week": one function per step behind an exhaustive match; inside the issue,
//! the understand screens draw in the week's frame.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{StepUi, WeeklyScreen, keys, name};
use crate::activity::Flow;
use crate::mode::Partner;
use crate::tui::screens::activity::parts::{
    BreakView, StepFrame, TextField, choice_span, lines_height, render_lines,
};
use crate::tui::screens::understand::{self, UnderstandScreen};
use crate::tui::theme::Theme;
use crate::weekly::{MAX_APPRECIATIONS, Weekly};
use crate::words;

impl WeeklyScreen {
    pub fn render(&self, flow: &Flow<Weekly>, area: Rect, buf: &mut Buffer) {
        if let StepUi::Understand(inner) = &self.ui {
            return self.render_issue(inner, flow, area, buf);
        }
        let hints = keys::hints(self);
        let body = StepFrame {
            title: words::WEEKLY_TITLE,
            right: corner(&self.ui),
            hints: &hints,
            notice: None,
            demo: self.demo,
            theme: self.theme,
        }
        .render(area, buf);
        let body = self.render_notice(body, buf);
        self.render_step(&self.ui, flow, body, buf);
    }

    /// The notice under the step, wrapped rather than cut: the engine's refusal of a
    /// sixth appreciation is longer than one line of the smallest window. Returns the
    /// rows above it.
    fn render_notice(&self, body: Rect, buf: &mut Buffer) -> Rect {
        let Some(notice) = self.notice.as_deref().filter(|_| body.height > 4) else {
            return body;
        };
        let lines = vec![Line::styled(
            crate::text::one_line(notice).into_owned(),
            self.theme.alert(),
        )];
        let rows = lines_height(&lines, body.width).min(body.height / 3);
        let [rest, line] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(rows)]).areas(body);
        render_lines(lines, line, buf);
        rest
    }

    fn render_step(&self, ui: &StepUi, flow: &Flow<Weekly>, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        match ui {
            StepUi::Appreciate { partner, text } => {
                render_appreciate(flow, *partner, self.line(text), area, buf, theme)
            }
            StepUi::WentWell { partner, text } => {
                let head = vec![
                    Line::styled(words::went_well_ask(&name(flow, *partner)), theme.heading()),
                    Line::styled(words::WENT_WELL_NOTE, theme.muted()),
                ];
                render_with_field(head, self.line(text), Vec::new(), area, buf, theme);
            }
            StepUi::Issue(marked) => render_lines(issue(flow, *marked, theme), area, buf),
            // Drawn whole, frame and all, by `render_issue`.
            StepUi::Understand(_) => {}
            StepUi::ThisWeek { partner, text } => {
                let asker = name(flow, partner.other());
                let head = vec![
                    Line::styled(words::this_week_asks(&asker), theme.heading()),
                    Line::raw(""),
                    Line::styled(words::this_week_answer(&name(flow, *partner)), theme.text()),
                    Line::styled(words::THIS_WEEK_NOTE, theme.muted()),
                ];
                render_with_field(head, self.line(text), Vec::new(), area, buf, theme);
            }
            StepUi::Break { since, .. } => BreakView {
                since: *since,
                now: self.now,
                back_at: self.back_at.as_deref(),
                theme,
            }
            .render(area, buf),
            StepUi::Summary => {}
        }
    }

    /// The issue's screen in the week's frame, with the week's notice and clock.
    fn render_issue(
        &self,
        inner: &UnderstandScreen,
        flow: &Flow<Weekly>,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let Some(issue) = flow.engine.issue() else {
            return;
        };
        // The app sets the week's notice and clock, never the issue's: drawn from a copy
        // that has them (a screen is drawn only when something changed).
        let view = UnderstandScreen {
            ui: inner.ui.clone(),
            notice: self.notice.clone(),
            now: self.now,
            back_at: self.back_at.clone(),
            ..*inner
        };
        view.render(
            understand::Talk {
                engine: issue,
                partners: &flow.partners,
            },
            area,
            buf,
        );
    }
}

/// The frame's corner: where the week is.
fn corner(ui: &StepUi) -> Option<&'static str> {
    Some(match ui {
        StepUi::Appreciate { .. } => words::WEEKLY_AT_APPRECIATIONS,
        StepUi::WentWell { .. } => words::WEEKLY_AT_WENT_WELL,
        StepUi::Issue(_) => words::WEEKLY_AT_ISSUE,
        StepUi::ThisWeek { .. } => words::WEEKLY_AT_THIS_WEEK,
        StepUi::Break { .. } => words::WEEKLY_AT_BREAK,
        StepUi::Understand(_) | StepUi::Summary => return None,
    })
}

impl WeeklyScreen {
    /// The step's line to type into; with notes off there is none to show.
    fn line<'a>(&self, text: &'a TextField) -> Option<&'a TextField> {
        self.notes.then_some(text)
    }
}

/// The heading lines, the one-line field (or, with notes off, that nothing is written
/// down), then what is under it.
fn render_with_field(
    head: Vec<Line<'static>>,
    text: Option<&TextField>,
    under: Vec<Line<'static>>,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
) {
    let head_rows = lines_height(&head, area.width) + 1;
    let notes_off = vec![Line::styled(words::NOTES_OFF, theme.muted())];
    let field_rows = match text {
        Some(_) => 3,
        None => lines_height(&notes_off, area.width),
    };
    let [top, field, rest] = Layout::vertical([
        Constraint::Length(head_rows),
        Constraint::Length(field_rows),
        Constraint::Min(0),
    ])
    .areas(area);
    render_lines(head, top, buf);
    match text {
        Some(text) => text.render(field, buf, theme),
        None => render_lines(notes_off, field, buf),
    }
    render_lines(under, rest, buf);
}

fn render_appreciate(
    flow: &Flow<Weekly>,
    partner: Partner,
    text: Option<&TextField>,
    area: Rect,
    buf: &mut Buffer,
    theme: Theme,
) {
    let talk = &flow.engine;
    let (me, other) = (name(flow, partner), name(flow, partner.other()));
    let given = talk.appreciations(partner).len();
    let mut head = Vec::new();
    if partner == talk.first() && given == 0 {
        head.push(Line::styled(words::WEEKLY_OPENING, theme.muted()));
        head.push(Line::raw(""));
    }
    head.push(Line::styled(
        words::appreciate_ask(&me, &other),
        theme.heading(),
    ));
    head.push(Line::styled(words::appreciate_note(&other), theme.muted()));
    let mut under = Vec::new();
    if text.is_some_and(|t| !t.writing) {
        under.push(Line::styled(words::APPRECIATE_WRITE_NOTE, theme.muted()));
    }
    under.push(Line::raw(""));
    under.push(if given >= MAX_APPRECIATIONS {
        Line::styled(words::APPRECIATIONS_FULL, theme.text())
    } else {
        Line::from(vec![
            Span::styled(words::appreciations_count(given), theme.text()),
            Span::raw(" "),
            Span::styled(words::APPRECIATE_DONE_NOTE, theme.muted()),
        ])
    });
    render_with_field(head, text, under, area, buf, theme);
}

fn issue(flow: &Flow<Weekly>, marked: Option<usize>, theme: Theme) -> Vec<Line<'static>> {
    let first = flow.engine.first();
    let choices = [
        ("1", words::issue_brings(&name(flow, first))),
        ("2", words::issue_brings(&name(flow, first.other()))),
        ("n", words::ISSUE_NOT_THIS_WEEK.to_string()),
    ];
    let mut lines = vec![
        Line::styled(words::ISSUE_ASK, theme.heading()),
        Line::styled(words::ISSUE_NOTE, theme.muted()),
        Line::raw(""),
    ];
    for (i, (key, label)) in choices.iter().enumerate() {
        lines.push(Line::from(vec![
            Span::styled(format!("  {key}  "), theme.key()),
            choice_span(label, marked == Some(i), theme),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(words::ISSUE_NONE_NOTE, theme.muted()));
    lines
}
