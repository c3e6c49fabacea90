//! Drawing the talk: the frame and progress, and the screens around the prompts
//! (check-in, closing, break). The prompt screens are in `view_prompt`.

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{BREAK_SECONDS, TalkScreen};
use crate::talk::{Step, TalkMode};
use crate::text::one_line;
use crate::tui::widgets::chrome::Chrome;
use crate::tui::widgets::closeness::ClosenessPicture;
use crate::tui::widgets::rating::RatingScale;
use crate::tui::widgets::timer::TimerView;
use crate::words;

/// The widest and tallest the talk's content grows in a large window.
const MAX_BODY_WIDTH: u16 = 96;
const MAX_BODY_HEIGHT: u16 = 30;

impl TalkScreen {
    pub(super) fn name(&self, partner: usize) -> String {
        self.talk
            .partners()
            .get(partner)
            .map(|n| one_line(n).into_owned())
            .unwrap_or_default()
    }

    /// The other partner's name, in a couple talk.
    pub(super) fn other(&self, partner: usize) -> String {
        self.name(1 - partner.min(1))
    }

    /// "prompt 2 of 6  ●●○○○○" while at the prompts.
    fn progress_text(&self) -> Option<String> {
        let progress = self.talk.progress()?;
        let count = progress.prompt_count;
        let done = progress.prompt_index + 1;
        let dots = if count <= 8 {
            format!(
                "  {}{}",
                "●".repeat(done),
                "○".repeat(count.saturating_sub(done))
            )
        } else {
            String::new()
        };
        Some(format!("prompt {done} of {count}{dots}"))
    }

    fn hints(&self) -> Vec<(&'static str, &'static str)> {
        if self.writing {
            return match self.talk.step() {
                Step::Appreciation { .. } => vec![("Enter", "done"), ("Esc", "leave the text")],
                _ => vec![("Esc", "done writing"), ("Enter", "new line")],
            };
        }
        let mut hints = match self.talk.step() {
            Step::Speaker => {
                let mut h = vec![("Enter", "done")];
                if self.talk.progress().and_then(|p| p.timer_seconds).is_some() {
                    h.push(("Space", "pause"));
                }
                h.extend([("n", "note"), ("s", "pass"), ("b", "break")]);
                h
            }
            Step::Reflection => vec![
                ("Enter", "done"),
                ("w", "write"),
                ("s", "pass"),
                ("b", "break"),
            ],
            Step::Listener => vec![("Enter", "done"), ("s", "pass"), ("b", "break")],
            Step::Rating => vec![("1-5", "choose"), ("↑↓", "switch"), ("Enter", "next")],
            Step::Closeness { .. } => vec![("1-7", "choose"), ("←→", "move"), ("Enter", "next")],
            Step::DeeperConsent { .. } => vec![("y", "yes"), ("n", "not today"), ("Enter", "next")],
            Step::Clarity => vec![("1-5", "choose"), ("Space", "bring"), ("Enter", "next")],
            Step::Break => vec![("Enter", "go on")],
            Step::Reveal { .. } | Step::Appreciation { .. } => vec![("Enter", "next")],
            Step::CheckIn { .. } | Step::MoodAfter { .. } | Step::ListenerGuess => {
                vec![("1-5", "choose"), ("Enter", "next"), ("s", "skip")]
            }
            Step::Summary => vec![],
        };
        hints.extend([("?", "help"), ("q", "leave")]);
        hints
    }

    /// The area inside the frame, with room to breathe when the window allows.
    /// In a large window the talk keeps a calm, readable column in the middle.
    pub(super) fn body(area: Rect) -> Rect {
        let area = if area.width >= 70 && area.height >= 18 {
            area.inner(Margin::new(3, 1))
        } else {
            area.inner(Margin::new(1, 0))
        };
        let width = area.width.min(MAX_BODY_WIDTH);
        let height = area.height.min(MAX_BODY_HEIGHT);
        Rect {
            x: area.x + (area.width - width) / 2,
            y: area.y + (area.height - height) / 3,
            width,
            height,
        }
    }

    pub(super) fn render_lines(lines: Vec<Line<'_>>, area: Rect, buf: &mut Buffer) {
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(area, buf);
    }

    fn render_mood(&self, partner: usize, before: bool, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let name = self.name(partner);
        let ask = if before {
            words::ask_mood_before(&name)
        } else {
            words::ask_mood_after(&name)
        };
        let mut lines = vec![Line::styled(ask, theme.heading()), Line::raw("")];
        if before && partner == 0 {
            lines.insert(
                0,
                Line::styled("Before you begin, a quick check-in.", theme.muted()),
            );
            lines.insert(1, Line::raw(""));
        }
        let [top, scale, foot] = Layout::vertical([
            Constraint::Length(lines.len() as u16 + 1),
            Constraint::Length(2),
            Constraint::Min(0),
        ])
        .areas(area);
        Self::render_lines(lines, top, buf);
        RatingScale {
            words: &words::MOOD,
            chosen: self.choice.value,
            focused: true,
            theme,
        }
        .render(scale, buf);
        Self::render_lines(
            vec![Line::styled(
                "Skipping is fine: press s, or Enter without choosing.",
                theme.muted(),
            )],
            foot,
            buf,
        );
    }

    fn render_closeness(&self, partner: usize, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let name = self.name(partner);
        let mut lines = Vec::new();
        if partner == 0 {
            lines.push(Line::styled(
                "To close, two small questions each.",
                theme.muted(),
            ));
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(
            words::ask_closeness(&name, &self.other(partner)),
            theme.heading(),
        ));
        let top_height = if area.width < 70 { 4 } else { 3 } + lines.len() as u16 - 1;
        let [top, picture, label] = Layout::vertical([
            Constraint::Length(top_height),
            Constraint::Length(6),
            Constraint::Min(0),
        ])
        .areas(area);
        Self::render_lines(lines, top, buf);
        ClosenessPicture {
            chosen: self.choice.value,
            theme,
        }
        .render(picture, buf);
        let caption = match self
            .choice
            .value
            .and_then(|v| words::scale_word(&words::CLOSENESS, v))
        {
            Some(word) => format!("{}: {word}", self.choice.value.unwrap_or_default()),
            None => "1 is two separate circles, 7 almost one.".to_string(),
        };
        Paragraph::new(Line::styled(caption, theme.muted()))
            .alignment(Alignment::Center)
            .render(label, buf);
    }

    fn render_appreciation(&self, partner: usize, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let name = self.name(partner);
        let lines = vec![
            Line::styled(format!("{name}, one last thing."), theme.heading()),
            Line::raw(""),
            Line::styled(words::APPRECIATION_INVITE, theme.text()),
            Line::raw(""),
            Line::styled(
                if self.talk.keeps_notes() {
                    "Say it out loud to each other. Writing it down is up to you."
                } else {
                    "Say it out loud to each other; it will not be written down."
                },
                theme.muted(),
            ),
        ];
        let [top, field] =
            Layout::vertical([Constraint::Length(7), Constraint::Length(3)]).areas(area);
        Self::render_lines(lines, top, buf);
        if self.talk.keeps_notes() {
            self.render_text(field, buf);
        }
    }

    fn render_break(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let spent = self.break_since.map_or(0, |since| {
            self.now.saturating_duration_since(since).as_secs()
        });
        let left = u32::try_from(u64::from(BREAK_SECONDS).saturating_sub(spent)).unwrap_or(0);
        let [top, clock, foot] = Layout::vertical([
            Constraint::Min(6),
            Constraint::Length(3),
            Constraint::Length(2),
        ])
        .areas(area);
        Paragraph::new(vec![
            Line::styled(words::BREAK_TITLE, theme.heading()),
            Line::raw(""),
            Line::styled(words::BREAK_NOTE, theme.text()),
        ])
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true })
        .render(top, buf);
        TimerView {
            total_seconds: BREAK_SECONDS,
            left_seconds: left,
            paused: false,
            theme,
        }
        .render(clock, buf);
        let resume = if left == 0 {
            "The 20 minutes are up. Go on when you are both ready."
        } else {
            words::BREAK_RESUME
        };
        Paragraph::new(Line::styled(resume, theme.muted()))
            .alignment(Alignment::Center)
            .render(foot, buf);
    }

    /// The note, reflection or appreciation field.
    pub(super) fn render_text(&self, area: Rect, buf: &mut Buffer) {
        let mut text = self.text.clone();
        let title = if self.writing { " writing " } else { " " };
        text.set_block(
            ratatui::widgets::Block::bordered()
                .border_type(ratatui::widgets::BorderType::Rounded)
                .border_style(if self.writing {
                    self.theme.heading()
                } else {
                    self.theme.muted()
                })
                .title(title),
        );
        text.set_cursor_line_style(ratatui::style::Style::default());
        if !self.writing {
            text.set_cursor_style(ratatui::style::Style::default());
        }
        text.set_wrap_mode(ratatui_textarea::WrapMode::Word);
        text.render(area, buf);
    }
}

impl Widget for &TalkScreen {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let step = self.talk.step();
        let right = match step {
            Step::CheckIn { .. } => Some("check-in".to_string()),
            Step::Closeness { .. } | Step::MoodAfter { .. } | Step::Appreciation { .. } => {
                Some("closing".to_string())
            }
            Step::Break => Some("break".to_string()),
            _ => self.progress_text(),
        };
        let title = match self.talk.mode() {
            TalkMode::Couple => one_line(&self.deck_title).into_owned(),
            TalkMode::Solo => format!("{} · alone", one_line(&self.deck_title)),
        };
        let hints = self.hints();
        let inner = Chrome {
            title: &title,
            right: right.as_deref(),
            hints: &hints,
            demo: self.demo,
            theme: self.theme,
        }
        .render(area, buf);
        let body = TalkScreen::body(inner);
        let (body, notice) = match &self.notice {
            Some(_) if body.height > 4 => {
                let [b, n] =
                    Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(body);
                (b, Some(n))
            }
            _ => (body, None),
        };
        match step {
            Step::CheckIn { partner } => self.render_mood(partner, true, body, buf),
            Step::MoodAfter { partner } => self.render_mood(partner, false, body, buf),
            Step::Closeness { partner } => self.render_closeness(partner, body, buf),
            Step::Appreciation { partner } => self.render_appreciation(partner, body, buf),
            Step::Break => self.render_break(body, buf),
            Step::Summary => TalkScreen::render_lines(
                vec![
                    Line::styled("Your talk is finished.", self.theme.heading()),
                    Line::raw(""),
                    Line::styled(
                        "It could not be put in the journal yet. Nothing is lost: it stays here, and in the talk in progress. Press Enter to try again.",
                        self.theme.text(),
                    ),
                ],
                body,
                buf,
            ),
            _ => self.render_prompt_step(step, body, buf),
        }
        if let (Some(area), Some(notice)) = (notice, &self.notice) {
            Paragraph::new(Line::styled(
                one_line(notice).into_owned(),
                self.theme.alert(),
            ))
            .render(area, buf);
        }
    }
}
