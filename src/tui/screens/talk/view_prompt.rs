//! Drawing the screens of one prompt: speaker, listener, guess, rating, reveal, the
//! question about going deeper, and the solo reflection and clarity.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::TalkScreen;
use crate::talk::Step;
use crate::text::one_line;
use crate::tui::widgets::card::PromptCard;
use crate::tui::widgets::rating::RatingScale;
use crate::tui::widgets::timer::TimerView;
use crate::words;

/// The column the listener card's step names take.
const LABEL_WIDTH: u16 = 11;

impl TalkScreen {
    pub(super) fn render_prompt_step(&self, step: Step, area: Rect, buf: &mut Buffer) {
        let Some(progress) = self.talk.progress() else {
            return;
        };
        let speaker = one_line(progress.speaker_name).into_owned();
        let listener = progress
            .listener_name
            .map(|n| one_line(n).into_owned())
            .unwrap_or_default();
        let theme = self.theme;
        match step {
            Step::Speaker | Step::Reflection => {
                let heading = if step == Step::Speaker {
                    words::share_with(&speaker, &listener)
                } else {
                    format!("{speaker}, take your time with this one")
                };
                let card = PromptCard {
                    text: &progress.prompt.text,
                    theme,
                };
                let card_height = card.height(area.width).min(area.height.saturating_sub(4));
                let timer = progress.timer_seconds;
                let show_text = self.writing || !self.text.is_empty();
                let [head, card_area, middle, text_area, clock] = Layout::vertical([
                    Constraint::Length(2),
                    Constraint::Length(card_height),
                    Constraint::Min(0),
                    Constraint::Length(if show_text { 4 } else { 0 }),
                    Constraint::Length(if timer.is_some() { 2 } else { 0 }),
                ])
                .areas(area);
                Self::render_lines(vec![Line::styled(heading, theme.heading())], head, buf);
                card.render(card_area, buf);
                let mut lines = vec![Line::raw("")];
                if !progress.prompt.followups.is_empty() {
                    lines.push(Line::styled(words::FOLLOWUPS_HEADING, theme.muted()));
                    for followup in &progress.prompt.followups {
                        lines.push(Line::styled(
                            format!("  · {}", one_line(followup)),
                            theme.text(),
                        ));
                    }
                    lines.push(Line::raw(""));
                }
                if step == Step::Speaker {
                    lines.push(Line::styled(words::just_listen(&listener), theme.muted()));
                } else {
                    lines.push(Line::styled(words::SOLO_WRITE_HINT, theme.muted()));
                }
                Self::render_lines(lines, middle, buf);
                if show_text {
                    self.render_text(text_area, buf);
                }
                if let Some(total) = timer {
                    TimerView {
                        total_seconds: total,
                        left_seconds: self.watch.left(total, self.now),
                        paused: !self.watch.is_running(),
                        theme,
                    }
                    .render(clock, buf);
                }
            }
            Step::Listener => {
                let guide = words::listener_guide(progress.prompt_index * 2 + self.turn_parity());
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
                let mut constraints = vec![Constraint::Length(2)];
                for quote in &quotes {
                    let rows = quote.line_count(quote_width).max(1);
                    constraints.push(Constraint::Length(u16::try_from(rows).unwrap_or(1) + 1));
                }
                constraints.push(Constraint::Min(0));
                let rows = Layout::vertical(constraints).split(area);
                Self::render_lines(
                    vec![Line::styled(
                        words::tell_what_you_heard(&listener, &speaker),
                        theme.heading(),
                    )],
                    rows[0],
                    buf,
                );
                for (i, (quote, (label, _))) in quotes.into_iter().zip(steps).enumerate() {
                    let [name, text] =
                        Layout::horizontal([Constraint::Length(LABEL_WIDTH), Constraint::Min(0)])
                            .areas(rows[i + 1]);
                    Line::styled(label, theme.key()).render(name, buf);
                    quote.render(text, buf);
                }
                Self::render_lines(
                    vec![
                        Line::styled(words::speaker_can_add(&speaker), theme.muted()),
                        Line::raw(""),
                        Line::styled(
                            format!("The prompt was: {}", one_line(&progress.prompt.text)),
                            theme.muted(),
                        ),
                    ],
                    rows[4],
                    buf,
                );
            }
            Step::ListenerGuess => {
                let lines = vec![
                    Line::styled(
                        format!("{speaker}, please look away for a moment."),
                        theme.muted(),
                    ),
                    Line::raw(""),
                    Line::styled(words::ask_guess(&listener, &speaker), theme.heading()),
                    Line::styled(words::GUESS_HIDDEN_NOTE, theme.muted()),
                    Line::raw(""),
                ];
                let [top, scale] =
                    Layout::vertical([Constraint::Length(6), Constraint::Min(0)]).areas(area);
                Self::render_lines(lines, top, buf);
                RatingScale {
                    words: &words::FELT_HEARD,
                    chosen: self.choice.value,
                    focused: true,
                    theme,
                }
                .render(scale, buf);
            }
            Step::Rating => {
                let [a, b, c, d, rest] = Layout::vertical([
                    Constraint::Length(3),
                    Constraint::Length(3),
                    Constraint::Length(3),
                    Constraint::Length(3),
                    Constraint::Min(0),
                ])
                .areas(area);
                Self::render_lines(
                    vec![
                        Line::styled(words::ask_felt_heard(&speaker), theme.heading()),
                        Line::styled(
                            format!("{listener}, you can look away while {speaker} answers."),
                            theme.muted(),
                        ),
                    ],
                    a,
                    buf,
                );
                RatingScale {
                    words: &words::FELT_HEARD,
                    chosen: self.choice.value,
                    focused: self.choice.row == 0,
                    theme,
                }
                .render(b, buf);
                Self::render_lines(
                    vec![Line::styled(
                        words::ask_felt_validated(&listener),
                        theme.heading(),
                    )],
                    c,
                    buf,
                );
                RatingScale {
                    words: &words::FELT_VALIDATED,
                    chosen: self.choice.second,
                    focused: self.choice.row == 1,
                    theme,
                }
                .render(d, buf);
                Self::render_lines(
                    vec![Line::styled(
                        "Answer as you honestly feel; a low number helps you both learn.",
                        theme.muted(),
                    )],
                    rest,
                    buf,
                );
            }
            Step::Reveal { guess, felt_heard } => {
                let word = |v: u8| words::scale_word(&words::FELT_HEARD, v).unwrap_or("");
                let felt = match felt_heard {
                    Some(v) => format!("{speaker} felt {v} ({}).", word(v)),
                    None => format!("{speaker} left felt heard unanswered."),
                };
                let closeness = match felt_heard {
                    Some(v) if v == guess => "You read each other exactly.".to_string(),
                    Some(v) if v > guess => {
                        format!("{speaker} felt more heard than {listener} thought.")
                    }
                    Some(_) => format!(
                        "{speaker} felt less heard than {listener} thought. Worth a gentle word?"
                    ),
                    None => String::new(),
                };
                Self::render_lines(
                    vec![
                        Line::styled(
                            format!("{listener} guessed {guess} ({}) for heard.", word(guess)),
                            theme.heading(),
                        ),
                        Line::styled(felt, theme.heading()),
                        Line::raw(""),
                        Line::styled(closeness, theme.text()),
                    ],
                    area,
                    buf,
                );
            }
            Step::DeeperConsent { partner } => {
                let name = self.name(partner);
                let other = self.other(partner);
                let option = |label: &'static str, on: bool| {
                    if on {
                        Span::styled(format!("[{label}]"), theme.selected())
                    } else {
                        Span::styled(format!(" {label} "), theme.text())
                    }
                };
                Self::render_lines(
                    vec![
                        Line::styled(words::GO_DEEPER_ASK, theme.heading()),
                        Line::styled(words::GO_DEEPER_NOTE, theme.muted()),
                        Line::raw(""),
                        Line::styled(
                            format!("{name}, your answer. {other}, please look away."),
                            theme.text(),
                        ),
                        Line::raw(""),
                        Line::from(vec![
                            Span::raw("  "),
                            option("yes, go deeper", self.choice.flag),
                            Span::raw("   "),
                            option("not today", !self.choice.flag),
                        ]),
                        Line::raw(""),
                        Line::styled(
                            "Nobody sees who said what: if either of you says not today, the talk stays lighter.",
                            theme.muted(),
                        ),
                    ],
                    area,
                    buf,
                );
            }
            Step::Clarity => {
                let [top, scale, bring] = Layout::vertical([
                    Constraint::Length(3),
                    Constraint::Length(3),
                    Constraint::Min(0),
                ])
                .areas(area);
                Self::render_lines(
                    vec![
                        Line::styled(words::SOLO_CLARITY_ASK, theme.heading()),
                        Line::styled(one_line(&progress.prompt.text).into_owned(), theme.muted()),
                    ],
                    top,
                    buf,
                );
                RatingScale {
                    words: &words::CLARITY,
                    chosen: self.choice.value,
                    focused: true,
                    theme,
                }
                .render(scale, buf);
                let mark = if self.choice.flag { "[x]" } else { "[ ]" };
                Self::render_lines(
                    vec![
                        Line::from(vec![
                            Span::styled(format!("{mark} "), theme.key()),
                            Span::styled(words::SOLO_BRING_ASK, theme.text()),
                            Span::styled("  (Space)", theme.muted()),
                        ]),
                        Line::styled(
                            "Marked prompts are offered first at your next talk.",
                            theme.muted(),
                        ),
                    ],
                    bring,
                    buf,
                );
            }
            _ => {}
        }
    }

    /// 0 for the first speaker at this prompt, 1 for the second: varies the listener's
    /// phrasings from turn to turn.
    fn turn_parity(&self) -> usize {
        self.talk
            .progress()
            .map_or(0, |p| usize::from(p.speaker != p.prompt_index % 2))
    }
}
