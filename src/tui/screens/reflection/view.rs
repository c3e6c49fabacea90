//! Drawing a reflection alone: one function per step behind an exhaustive match.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{ReflectionScreen, StepUi, keys};
use crate::reflection::Reflection;
use crate::text::one_line;
use crate::tui::screens::activity::parts::{
    BreakView, MoodQuestion, Scale, StepFrame, TextField, choice_span, followup_lines,
    progress_text, render_lines,
};
use crate::tui::widgets::card::PromptCard;
use crate::tui::widgets::rating::RatingScale;
use crate::words;

impl ReflectionScreen {
    pub fn render(&self, reflection: &Reflection, area: Rect, buf: &mut Buffer) {
        let right = match &self.ui {
            StepUi::CheckIn(_) | StepUi::Topic(_) => Some("check-in".to_string()),
            StepUi::Bring(_) => Some("closing".to_string()),
            StepUi::MoodAfter(_) => Some("closing".to_string()),
            StepUi::Break { .. } => Some("break".to_string()),
            StepUi::Writing { .. } | StepUi::Clarity(_) | StepUi::Summary => reflection
                .progress()
                .map(|p| progress_text(p.prompt_index, p.prompt_count)),
        };
        let title = format!("{} · alone", one_line(&self.deck_title));
        let hints = keys::hints(self);
        let body = StepFrame {
            title: &title,
            right: right.as_deref(),
            hints: &hints,
            notice: self.notice.as_deref(),
            demo: self.demo,
            theme: self.theme,
        }
        .render(area, buf);
        let name = one_line(reflection.name()).into_owned();
        match &self.ui {
            StepUi::CheckIn(mood) => self.render_mood(&name, true, *mood, body, buf),
            StepUi::Writing { text, .. } => self.render_writing(reflection, &name, text, body, buf),
            StepUi::Topic(text) => self.render_topic(reflection, &name, text, body, buf),
            StepUi::Clarity(clarity) => self.render_clarity(reflection, *clarity, body, buf),
            StepUi::Bring(choice) => self.render_bring(reflection, *choice, body, buf),
            StepUi::MoodAfter(mood) => self.render_mood(&name, false, *mood, body, buf),
            StepUi::Break { since, .. } => BreakView {
                since: *since,
                now: self.now,
                back_at: self.back_at.as_deref(),
                theme: self.theme,
            }
            .render(body, buf),
            StepUi::Summary => {}
        }
    }

    fn render_mood(&self, name: &str, before: bool, mood: Scale, area: Rect, buf: &mut Buffer) {
        MoodQuestion {
            name,
            before,
            alone: true,
            opens_check_in: before,
            chosen: mood.value,
            theme: self.theme,
        }
        .render(area, buf);
    }

    fn render_writing(
        &self,
        reflection: &Reflection,
        name: &str,
        text: &TextField,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let Some(progress) = reflection.progress() else {
            return;
        };
        let theme = self.theme;
        let card = PromptCard {
            text: &progress.prompt.text,
            theme,
        };
        let card_height = card.height(area.width).min(area.height.saturating_sub(4));
        let show_text = text.writing || !text.is_empty();
        let head_rows = if reflection.topic().is_some() { 3 } else { 2 };
        let [head, card_area, middle, text_area] = Layout::vertical([
            Constraint::Length(head_rows),
            Constraint::Length(card_height),
            Constraint::Min(0),
            Constraint::Length(if show_text { 4 } else { 0 }),
        ])
        .areas(area);
        let mut heading = vec![Line::styled(words::reflect_heading(name), theme.heading())];
        if let Some(topic) = reflection.topic() {
            heading.push(Line::styled(
                words::preparing(&one_line(topic)),
                theme.muted(),
            ));
        }
        render_lines(heading, head, buf);
        card.render(card_area, buf);
        let mut lines = followup_lines(progress.prompt, theme);
        lines.push(Line::styled(words::SOLO_WRITE_HINT, theme.muted()));
        render_lines(lines, middle, buf);
        if show_text {
            text.render(text_area, buf, theme);
        }
    }

    fn render_topic(
        &self,
        reflection: &Reflection,
        name: &str,
        text: &TextField,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let theme = self.theme;
        let [top, field, rest] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Length(3),
            Constraint::Min(0),
        ])
        .areas(area);
        render_lines(
            vec![
                Line::styled(words::reflect_heading(name), theme.muted()),
                Line::raw(""),
                Line::styled(words::TOPIC_ASK, theme.heading()),
            ],
            top,
            buf,
        );
        text.render(field, buf, theme);
        // With notes off nothing typed is kept: the topic neither, so nothing is brought.
        let lines = if reflection.keeps_notes() {
            vec![
                Line::styled(words::TOPIC_HINT, theme.muted()),
                Line::raw(""),
                Line::styled(words::TOPIC_NONE, theme.muted()),
            ]
        } else {
            vec![Line::styled(words::TOPIC_NOTES_OFF, theme.muted())]
        };
        render_lines(lines, rest, buf);
    }

    fn render_clarity(
        &self,
        reflection: &Reflection,
        clarity: Scale,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let Some(progress) = reflection.progress() else {
            return;
        };
        let theme = self.theme;
        let [top, scale] =
            Layout::vertical([Constraint::Length(3), Constraint::Min(0)]).areas(area);
        render_lines(
            vec![
                Line::styled(words::SOLO_CLARITY_ASK, theme.heading()),
                Line::styled(one_line(&progress.prompt.text).into_owned(), theme.muted()),
            ],
            top,
            buf,
        );
        RatingScale {
            words: &words::CLARITY,
            chosen: clarity.value,
            focused: true,
            theme,
        }
        .render(scale, buf);
    }

    fn render_bring(
        &self,
        reflection: &Reflection,
        choice: Option<bool>,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let theme = self.theme;
        let topic = reflection.topic().map(one_line).unwrap_or_default();
        render_lines(
            vec![
                Line::styled(words::preparing(&topic), theme.muted()),
                Line::raw(""),
                Line::styled(words::BRING_ASK, theme.heading()),
                Line::styled(words::BRING_EXPLAIN, theme.muted()),
                Line::raw(""),
                Line::from(vec![
                    Span::raw("  "),
                    choice_span(words::BRING_YES, choice == Some(true), theme),
                    Span::raw("   "),
                    choice_span(words::BRING_NO, choice == Some(false), theme),
                ]),
            ],
            area,
            buf,
        );
    }
}
