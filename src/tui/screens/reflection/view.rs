//! Drawing a reflection alone: one function per step behind an exhaustive match.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{ReflectionScreen, StepUi, keys};
use crate::reflection::Reflection;
use crate::text::one_line;
use crate::tui::screens::activity::parts::{
    BreakView, MoodQuestion, Scale, StepFrame, TextField, followup_lines, progress_text,
    render_lines,
};
use crate::tui::widgets::card::PromptCard;
use crate::tui::widgets::rating::RatingScale;
use crate::words;

impl ReflectionScreen {
    pub fn render(&self, reflection: &Reflection, area: Rect, buf: &mut Buffer) {
        let right = match &self.ui {
            StepUi::CheckIn(_) => Some("check-in".to_string()),
            StepUi::MoodAfter(_) => Some("closing".to_string()),
            StepUi::Break { .. } => Some("break".to_string()),
            StepUi::Writing { .. } | StepUi::Clarity { .. } | StepUi::Summary => reflection
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
            StepUi::Clarity { clarity, bring } => {
                self.render_clarity(reflection, *clarity, *bring, body, buf)
            }
            StepUi::MoodAfter(mood) => self.render_mood(&name, false, *mood, body, buf),
            StepUi::Break { since, .. } => BreakView {
                since: *since,
                now: self.now,
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
        let [head, card_area, middle, text_area] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Length(card_height),
            Constraint::Min(0),
            Constraint::Length(if show_text { 4 } else { 0 }),
        ])
        .areas(area);
        render_lines(
            vec![Line::styled(words::reflect_heading(name), theme.heading())],
            head,
            buf,
        );
        card.render(card_area, buf);
        let mut lines = followup_lines(progress.prompt, theme);
        lines.push(Line::styled(words::SOLO_WRITE_HINT, theme.muted()));
        render_lines(lines, middle, buf);
        if show_text {
            text.render(text_area, buf, theme);
        }
    }

    fn render_clarity(
        &self,
        reflection: &Reflection,
        clarity: Scale,
        bring: bool,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let Some(progress) = reflection.progress() else {
            return;
        };
        let theme = self.theme;
        let [top, scale, bring_area] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Length(3),
            Constraint::Min(0),
        ])
        .areas(area);
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
        let mark = if bring { "[x]" } else { "[ ]" };
        render_lines(
            vec![
                Line::from(vec![
                    Span::styled(format!("{mark} "), theme.key()),
                    Span::styled(words::SOLO_BRING_ASK, theme.text()),
                    Span::styled("  (Space)", theme.muted()),
                ]),
                Line::styled(words::MARKED_OFFERED_FIRST, theme.muted()),
            ],
            bring_area,
            buf,
        );
    }
}
