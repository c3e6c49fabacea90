//! Drawing a prompt talk: the frame and progress, then one function per step behind an
//! exhaustive match. The steps of one prompt are drawn in `view_prompt`.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::{StepUi, TalkScreen, keys};
use crate::mode::Partner;
use crate::talk::Talk;
use crate::text::one_line;
use crate::tui::screens::activity::parts::{
    BreakView, MoodQuestion, Scale, StepFrame, TextField, lines_height, progress_text, render_lines,
};
use crate::tui::widgets::closeness::ClosenessPicture;
use crate::words;

/// A partner's name, safe to show.
pub(super) fn name(talk: &Talk, partner: Partner) -> String {
    one_line(talk.name(partner)).into_owned()
}

impl TalkScreen {
    pub fn render(&self, talk: &Talk, area: Rect, buf: &mut Buffer) {
        let right = match &self.ui {
            StepUi::CheckIn { .. } => Some("check-in".to_string()),
            StepUi::Closeness { .. } | StepUi::MoodAfter { .. } | StepUi::Appreciation { .. } => {
                Some("closing".to_string())
            }
            StepUi::Break(_) => Some("break".to_string()),
            StepUi::DeeperConsent { .. }
            | StepUi::Speaker(_)
            | StepUi::Listener
            | StepUi::ListenerGuess(_)
            | StepUi::Rating(_)
            | StepUi::Reveal { .. }
            | StepUi::TryAgain { .. }
            | StepUi::Summary => talk
                .progress()
                .map(|p| progress_text(p.prompt_index, p.prompt_count)),
        };
        let hints = keys::hints(self, talk);
        let body = StepFrame {
            title: &one_line(&self.deck_title),
            right: right.as_deref(),
            hints: &hints,
            notice: self.notice.as_deref(),
            demo: self.demo,
            theme: self.theme,
        }
        .render(area, buf);
        self.render_step(talk, body, buf);
    }

    fn render_step(&self, talk: &Talk, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        match &self.ui {
            StepUi::CheckIn { partner, mood } => MoodQuestion {
                name: &name(talk, *partner),
                before: true,
                alone: false,
                opens_check_in: *partner == Partner::First,
                chosen: mood.value,
                theme,
            }
            .render(area, buf),
            StepUi::DeeperConsent { partner, choice } => {
                self.render_consent(talk, *partner, *choice, area, buf)
            }
            StepUi::Speaker(speaking) => self.render_speaker(talk, speaking, area, buf),
            StepUi::Listener => self.render_listener(talk, area, buf),
            StepUi::ListenerGuess(guess) => self.render_guess(talk, *guess, area, buf),
            StepUi::Rating(rating) => self.render_rating(talk, rating, area, buf),
            StepUi::TryAgain { choice } => self.render_try_again(talk, *choice, area, buf),
            StepUi::Reveal { guess, felt_heard } => {
                self.render_reveal(talk, *guess, *felt_heard, area, buf)
            }
            StepUi::Closeness { partner, value } => {
                self.render_closeness(talk, *partner, *value, area, buf)
            }
            StepUi::MoodAfter { partner, mood } => MoodQuestion {
                name: &name(talk, *partner),
                before: false,
                alone: false,
                opens_check_in: false,
                chosen: mood.value,
                theme,
            }
            .render(area, buf),
            StepUi::Appreciation { partner, text } => {
                self.render_appreciation(talk, *partner, text, area, buf)
            }
            StepUi::Break(pause) => BreakView {
                since: pause.since,
                now: self.now,
                back_at: self.back_at.as_deref(),
                theme,
            }
            .render(area, buf),
            StepUi::Summary => render_lines(
                vec![
                    Line::styled(words::NOT_YET_SAVED, theme.heading()),
                    Line::raw(""),
                    Line::styled(words::NOT_YET_SAVED_NOTE, theme.text()),
                ],
                area,
                buf,
            ),
        }
    }

    fn render_closeness(
        &self,
        talk: &Talk,
        partner: Partner,
        value: Scale,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let theme = self.theme;
        let mut lines = Vec::new();
        if partner == Partner::First {
            lines.push(Line::styled(words::CLOSING_OPENING, theme.muted()));
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(
            words::ask_closeness(&name(talk, partner), &name(talk, partner.other())),
            theme.heading(),
        ));
        let top_height = if area.width < 70 { 4 } else { 3 } + lines.len() as u16 - 1;
        let [top, picture, label] = Layout::vertical([
            Constraint::Length(top_height),
            Constraint::Length(6),
            Constraint::Min(0),
        ])
        .areas(area);
        render_lines(lines, top, buf);
        ClosenessPicture {
            chosen: value.value,
            theme,
        }
        .render(picture, buf);
        let caption = match value
            .value
            .and_then(|v| words::scale_word(&words::CLOSENESS, v).map(|w| (v, w)))
        {
            Some((v, word)) => format!("{v}: {word}"),
            None => words::CLOSENESS_CAPTION.to_string(),
        };
        Paragraph::new(Line::styled(caption, theme.muted()))
            .alignment(Alignment::Center)
            .render(label, buf);
    }

    fn render_appreciation(
        &self,
        talk: &Talk,
        partner: Partner,
        text: &TextField,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let theme = self.theme;
        let lines = vec![
            Line::styled(words::one_last_thing(&name(talk, partner)), theme.heading()),
            Line::raw(""),
            Line::styled(words::APPRECIATION_INVITE, theme.text()),
            Line::raw(""),
            Line::styled(
                if talk.keeps_notes() {
                    words::APPRECIATION_SAY_AND_WRITE
                } else {
                    words::APPRECIATION_SAY_ONLY
                },
                theme.muted(),
            ),
        ];
        let top_height = lines_height(&lines, area.width).max(7);
        let [top, field] =
            Layout::vertical([Constraint::Length(top_height), Constraint::Length(3)]).areas(area);
        render_lines(lines, top, buf);
        if talk.keeps_notes() {
            text.render(field, buf, theme);
        }
    }
}
