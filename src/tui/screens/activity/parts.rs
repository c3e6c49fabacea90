//! Pieces every kind of talk draws with: the frame and its notice line, the calm column,
//! a scale being chosen, a text field, the mood question and the break.

use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use ratatui_textarea::TextArea;

use crate::deck::Prompt;
use crate::text::one_line;
use crate::tui::theme::Theme;
use crate::tui::widgets::chrome::Chrome;
use crate::tui::widgets::rating::RatingScale;
use crate::tui::widgets::timer::TimerView;
use crate::words;

/// How long the break screen suggests pausing for.
pub const BREAK_SECONDS: u32 = 20 * 60;

/// The widest and tallest the talk's content grows in a large window.
const MAX_BODY_WIDTH: u16 = 96;
const MAX_BODY_HEIGHT: u16 = 30;

/// The frame around a step: title, progress at the right, hints, and a notice line.
pub struct StepFrame<'a> {
    pub title: &'a str,
    pub right: Option<&'a str>,
    pub hints: &'a [(&'static str, &'static str)],
    pub notice: Option<&'a str>,
    pub demo: bool,
    pub theme: Theme,
}

impl StepFrame<'_> {
    /// Draw the frame and the notice; return the calm column for the step itself.
    pub fn render(self, area: Rect, buf: &mut Buffer) -> Rect {
        let inner = Chrome {
            title: self.title,
            right: self.right,
            hints: self.hints,
            demo: self.demo,
            theme: self.theme,
        }
        .render(area, buf);
        let body = body(inner);
        match self.notice {
            Some(notice) if body.height > 4 => {
                let [body, line] =
                    Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(body);
                Paragraph::new(Line::styled(
                    one_line(notice).into_owned(),
                    self.theme.alert(),
                ))
                .render(line, buf);
                body
            }
            _ => body,
        }
    }
}

/// At most `MAX_BODY_WIDTH` columns of `area`, centred across: the calm column the talk
/// cards sit in, which home, setup and Look back share in a large window. A window of
/// that width or narrower keeps all of `area`.
pub fn column(area: Rect) -> Rect {
    area.centered_horizontally(Constraint::Length(area.width.min(MAX_BODY_WIDTH)))
}

/// The area inside the frame, with room to breathe when the window allows. In a large
/// window the talk keeps a calm, readable column in the middle.
pub fn body(area: Rect) -> Rect {
    let area = if area.width >= 70 && area.height >= 18 {
        area.inner(Margin::new(3, 1))
    } else {
        area.inner(Margin::new(1, 0))
    };
    let height = area.height.min(MAX_BODY_HEIGHT);
    // Centred across; a third of the spare rows above, so the talk sits where eyes rest.
    Rect {
        y: area.y + (area.height - height) / 3,
        height,
        ..column(area)
    }
}

pub fn render_lines(lines: Vec<Line<'_>>, area: Rect, buf: &mut Buffer) {
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

/// Rows `lines` take at `width` columns, wrapped as [`render_lines`] wraps them: an area
/// this tall never cuts their last words (long names wrap to more lines than short ones).
pub fn lines_height(lines: &[Line<'_>], width: u16) -> u16 {
    let rows = Paragraph::new(lines.to_vec())
        .wrap(Wrap { trim: false })
        .line_count(width.max(1));
    u16::try_from(rows).unwrap_or(u16::MAX)
}

/// `text` shortened at a word to fit `rows` rows of `width` columns, ending in "…" when
/// shortened, so what is left out is never cut without a sign.
pub fn fit_rows(text: &str, width: u16, rows: u16) -> String {
    let fits = |t: &str| lines_height(&[Line::raw(t)], width) <= rows;
    if fits(text) {
        return text.to_string();
    }
    let words: Vec<&str> = text.split(' ').collect();
    // The most words that still fit with the sign after them, found by halving.
    let (mut low, mut high) = (0, words.len());
    while low < high {
        let mid = (low + high).div_ceil(2);
        if fits(&format!("{} …", words[..mid].join(" "))) {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    format!("{} …", words[..low].join(" "))
        .trim_start()
        .to_string()
}

/// "prompt 2 of 6  ●●○○○○".
pub fn progress_text(index: usize, count: usize) -> String {
    let done = index + 1;
    let dots = if count <= 8 {
        format!(
            "  {}{}",
            "●".repeat(done),
            "○".repeat(count.saturating_sub(done))
        )
    } else {
        String::new()
    };
    format!("prompt {done} of {count}{dots}")
}

/// A blank line, then the prompt's follow-ups as hints when it has any.
pub fn followup_lines(prompt: &Prompt, theme: Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::raw("")];
    if !prompt.followups.is_empty() {
        lines.push(Line::styled(words::FOLLOWUPS_HEADING, theme.muted()));
        for followup in &prompt.followups {
            lines.push(Line::styled(
                format!("  · {}", one_line(followup)),
                theme.text(),
            ));
        }
        lines.push(Line::raw(""));
    }
    lines
}

/// A value being chosen on a 1..=max scale, before it is handed on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scale {
    pub value: Option<u8>,
    /// Left unanswered on purpose, with `s`.
    pub skipped: bool,
}

impl Scale {
    /// Chosen, or skipped on purpose.
    pub fn answered(&self) -> bool {
        self.value.is_some() || self.skipped
    }

    /// Arrows move, a digit picks, `0` or Backspace clears. Whether the key was one of these.
    pub fn key(&mut self, key: &KeyEvent, max: u8) -> bool {
        match key.code {
            KeyCode::Char(c @ '1'..='9') => {
                let n = c as u8 - b'0';
                if n <= max {
                    self.value = Some(n);
                }
            }
            KeyCode::Char('0') | KeyCode::Backspace | KeyCode::Delete => self.value = None,
            KeyCode::Left | KeyCode::Char('h') => {
                self.value = Some(self.value.map_or(1, |v| v.saturating_sub(1).max(1)));
            }
            KeyCode::Right | KeyCode::Char('l') => {
                self.value = Some(self.value.map_or(1, |v| (v + 1).min(max)));
            }
            _ => return false,
        }
        true
    }
}

/// A note, reflection or appreciation being typed.
#[derive(Debug, Clone)]
pub struct TextField {
    pub area: TextArea<'static>,
    /// Whether keys go to the text.
    pub writing: bool,
}

impl TextField {
    /// An empty field, or one holding the text a draft kept.
    pub fn new(placeholder: &'static str, writing: bool, typed: Option<String>) -> TextField {
        let mut area = match typed {
            Some(text) => TextArea::new(text.lines().map(str::to_string).collect::<Vec<_>>()),
            None => TextArea::default(),
        };
        if !area.is_empty() {
            area.move_cursor(ratatui_textarea::CursorMove::End);
            area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        }
        area.set_placeholder_text(placeholder);
        TextField { area, writing }
    }

    /// The text written, newlines kept.
    pub fn text(&self) -> String {
        self.area.lines().join("\n").trim().to_string()
    }

    pub fn is_empty(&self) -> bool {
        self.area.is_empty()
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer, theme: Theme) {
        let mut text = self.area.clone();
        let title = if self.writing { " writing " } else { " " };
        text.set_block(
            ratatui::widgets::Block::bordered()
                .border_type(ratatui::widgets::BorderType::Rounded)
                .border_style(if self.writing {
                    theme.heading()
                } else {
                    theme.muted()
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

/// "How do you feel right now?" on a 1-5 scale, before or after the talk.
pub struct MoodQuestion<'a> {
    pub name: &'a str,
    pub before: bool,
    /// A solo reflection, where nobody talked: the question after it says so.
    pub alone: bool,
    /// The first question of the check-in says what is happening.
    pub opens_check_in: bool,
    pub chosen: Option<u8>,
    pub theme: Theme,
}

impl Widget for MoodQuestion<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let ask = if self.before {
            words::ask_mood_before(self.name)
        } else if self.alone {
            words::ask_mood_after_reflecting(self.name)
        } else {
            words::ask_mood_after(self.name)
        };
        let mut lines = Vec::new();
        if self.opens_check_in {
            lines.push(Line::styled(words::CHECK_IN_OPENING, theme.muted()));
            lines.push(Line::raw(""));
        }
        lines.extend([Line::styled(ask, theme.heading()), Line::raw("")]);
        let [top, scale, foot] = Layout::vertical([
            Constraint::Length(lines.len() as u16 + 1),
            Constraint::Length(2),
            Constraint::Min(0),
        ])
        .areas(area);
        render_lines(lines, top, buf);
        RatingScale {
            words: &words::MOOD,
            chosen: self.chosen,
            focused: true,
            theme,
        }
        .render(scale, buf);
        render_lines(
            vec![Line::styled(words::SKIP_SCALE_NOTE, theme.muted())],
            foot,
            buf,
        );
    }
}

/// The calm break screen with its 20-minute clock, and the time to come back when heard
/// saw the break start (not after a restart mid-break).
pub struct BreakView<'a> {
    pub since: Instant,
    pub now: Instant,
    pub back_at: Option<&'a str>,
    pub theme: Theme,
}

impl BreakView<'_> {
    pub fn seconds_left(&self) -> u32 {
        let spent = self.now.saturating_duration_since(self.since).as_secs();
        u32::try_from(u64::from(BREAK_SECONDS).saturating_sub(spent)).unwrap_or(0)
    }
}

impl Widget for BreakView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let left = self.seconds_left();
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
            when_up: words::BREAK_TIME_UP,
            theme,
        }
        .render(clock, buf);
        let mut foot_lines = Vec::new();
        if let (Some(at), true) = (self.back_at, left > 0) {
            foot_lines.push(Line::styled(words::back_at_about(at), theme.text()));
        }
        let resume = if left == 0 {
            words::BREAK_OVER
        } else {
            words::BREAK_RESUME
        };
        foot_lines.push(Line::styled(resume, theme.muted()));
        Paragraph::new(foot_lines)
            .alignment(Alignment::Center)
            .render(foot, buf);
    }
}

/// When the break screen next changes by itself: each second until its clock reaches zero,
/// that last second included.
pub fn break_tick(since: Instant, now: Instant) -> Option<Instant> {
    let spent = now.saturating_duration_since(since);
    (spent.as_secs() < u64::from(BREAK_SECONDS))
        .then(|| since + std::time::Duration::from_secs(spent.as_secs() + 1))
}

/// One answer of a yes or no, bracketed when it is the one marked.
pub fn choice_span(label: &str, on: bool, theme: Theme) -> Span<'static> {
    if on {
        Span::styled(format!("[{label}]"), theme.selected())
    } else {
        Span::styled(format!(" {label} "), theme.text())
    }
}

/// Greedy word wrap to `width` cells, keeping the text's own line breaks; a word wider
/// than a line is broken between characters.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let cells = |text: &str| Span::raw(text).width();
    let width = width.max(2);
    let mut lines = Vec::new();
    for paragraph in text.trim().lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let needed = cells(word) + usize::from(!line.is_empty());
            if !line.is_empty() && cells(&line) + needed > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            for c in word.chars() {
                if cells(&line) + cells(c.encode_utf8(&mut [0; 4])) > width {
                    lines.push(std::mem::take(&mut line));
                }
                line.push(c);
            }
        }
        lines.push(line);
    }
    lines
}

/// `text` wrapped to `width` cells under a lead ("  · ", "      "): the first line starts
/// with `first`, the others with as many spaces, so a list item keeps its indent.
pub fn hanging(
    first: &str,
    text: &str,
    width: u16,
    style: ratatui::style::Style,
) -> Vec<Line<'static>> {
    let indent = Span::raw(first).width();
    let rest = " ".repeat(indent);
    wrap(text, usize::from(width).saturating_sub(indent))
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let lead = if i == 0 { first } else { rest.as_str() };
            Line::styled(format!("{lead}{line}"), style)
        })
        .collect()
}
