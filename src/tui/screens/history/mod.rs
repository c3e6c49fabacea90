//! Looking back: the talks so far (list and detail of one talk), charts of how they went,
//! and what they show in plain words. Tab moves between the three views.

mod charts;
pub mod data;
mod detail;
mod list;

use chrono::{DateTime, FixedOffset};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::deck::load::Catalog;
use crate::journal::Journal;
use crate::tui::action::Action;
use crate::tui::theme::Theme;
use crate::tui::widgets::chrome::Chrome;

pub use charts::ChartKind;
use data::HistoryData;
pub use detail::Detail;

/// The three views, in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Talks,
    Charts,
    Words,
}

impl View {
    const ALL: [View; 3] = [View::Talks, View::Charts, View::Words];

    fn label(self) -> &'static str {
        match self {
            View::Talks => "Talks",
            View::Charts => "Charts",
            View::Words => "In words",
        }
    }
}

/// Shown in every view before the first talk.
const FIRST_RUN: &str = "No talks yet. After your first talk, it shows up here: how heard and validated each of you felt, your mood before and after, and how close you felt.";

/// "In words" when there are only reflections alone.
const NO_WORDS: &str = "What your talks show, in words, comes from talks for two. There are none yet; your reflections alone are in the list.";

pub struct History {
    pub data: HistoryData,
    pub view: View,
    /// The selected row of the list, 0 = the newest talk.
    pub selected: usize,
    /// The talk opened from the list, if any.
    pub detail: Option<Detail>,
    pub chart: ChartKind,
    /// Rows scrolled in "In words".
    words_scroll: u16,
    theme: Theme,
    demo: bool,
}

impl History {
    /// Reads the journal once; nothing later looks at it again.
    pub fn new(
        journal: &Journal,
        catalog: &Catalog,
        theme: Theme,
        demo: bool,
        now: DateTime<FixedOffset>,
    ) -> History {
        History {
            data: HistoryData::new(journal, catalog, now),
            view: View::Talks,
            selected: 0,
            detail: None,
            chart: ChartKind::Heard,
            words_scroll: 0,
            theme,
            demo,
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        if let Some(detail) = &mut self.detail {
            match key.code {
                KeyCode::Esc | KeyCode::Char('q') | KeyCode::Backspace => self.detail = None,
                KeyCode::Char('?') => return Some(Action::ShowHelp),
                KeyCode::Left => self.open(self.selected.saturating_sub(1)),
                KeyCode::Right => self.open((self.selected + 1).min(self.last_row())),
                _ => detail.scroll_key(key.code),
            }
            return None;
        }
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') => return Some(Action::Back),
            KeyCode::Char('?') => return Some(Action::ShowHelp),
            KeyCode::Tab => self.view = self.next_view(1),
            KeyCode::BackTab => self.view = self.next_view(View::ALL.len() - 1),
            KeyCode::Char('1') => self.view = View::Talks,
            KeyCode::Char('2') => self.view = View::Charts,
            KeyCode::Char('3') => self.view = View::Words,
            code => match self.view {
                View::Talks => self.list_key(code),
                View::Charts => match code {
                    KeyCode::Right | KeyCode::Down | KeyCode::Char('l') => {
                        self.chart = self.chart.step(1)
                    }
                    KeyCode::Left | KeyCode::Up | KeyCode::Char('h') => {
                        self.chart = self.chart.step(-1)
                    }
                    _ => {}
                },
                View::Words => match code {
                    KeyCode::Down | KeyCode::Char('j') | KeyCode::PageDown => {
                        self.words_scroll = self.words_scroll.saturating_add(1)
                    }
                    KeyCode::Up | KeyCode::Char('k') | KeyCode::PageUp => {
                        self.words_scroll = self.words_scroll.saturating_sub(1)
                    }
                    _ => {}
                },
            },
        }
        None
    }

    fn next_view(&self, step: usize) -> View {
        let at = View::ALL.iter().position(|v| *v == self.view).unwrap_or(0);
        View::ALL[(at + step) % View::ALL.len()]
    }

    fn last_row(&self) -> usize {
        self.data.rows.len().saturating_sub(1)
    }

    fn list_key(&mut self, code: KeyCode) {
        let last = self.last_row();
        match code {
            KeyCode::Down | KeyCode::Char('j') => self.selected = (self.selected + 1).min(last),
            KeyCode::Up | KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::PageDown => self.selected = (self.selected + 10).min(last),
            KeyCode::PageUp => self.selected = self.selected.saturating_sub(10),
            KeyCode::Home => self.selected = 0,
            KeyCode::End => self.selected = last,
            KeyCode::Enter | KeyCode::Right => self.open(self.selected),
            _ => {}
        }
    }

    /// Open the detail of row `index` (built now, for this one talk only).
    fn open(&mut self, index: usize) {
        if let Some(session) = self.data.sessions.get(index) {
            self.selected = index;
            self.detail = Some(Detail::new(session, &self.data.rows[index]));
        }
    }

    fn hints(&self) -> &'static [(&'static str, &'static str)] {
        if self.detail.is_some() {
            return &[
                ("↑↓", "scroll"),
                ("←→", "other talks"),
                ("Esc", "back to the list"),
                ("?", "help"),
            ];
        }
        match self.view {
            View::Talks => &[
                ("Enter", "open"),
                ("↑↓", "move"),
                ("Tab", "charts"),
                ("Esc", "back"),
                ("?", "help"),
            ],
            View::Charts => &[
                ("←→", "other chart"),
                ("Tab", "in words"),
                ("Esc", "back"),
                ("?", "help"),
            ],
            View::Words => &[
                ("↑↓", "scroll"),
                ("Tab", "talks"),
                ("Esc", "back"),
                ("?", "help"),
            ],
        }
    }

    fn tabs(&self) -> Line<'static> {
        let mut spans = Vec::new();
        for view in View::ALL {
            if view == self.view {
                spans.push(Span::styled(
                    format!("[{}]", view.label()),
                    self.theme.selected(),
                ));
            } else {
                spans.push(Span::styled(
                    format!(" {} ", view.label()),
                    self.theme.muted(),
                ));
            }
            spans.push(Span::raw(" "));
        }
        Line::from(spans)
    }
}

impl Widget for &History {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let talks = self.data.rows.len();
        let count = match talks {
            1 => "1 talk".to_string(),
            n => format!("{n} talks"),
        };
        let inner = Chrome {
            title: "look back",
            right: Some(&count),
            hints: self.hints(),
            demo: self.demo,
            theme,
        }
        .render(area, buf);
        let body = inner.inner(Margin::new(1, 0));
        if let Some(detail) = &self.detail {
            detail.render(body, buf, theme);
            return;
        }
        let [tabs, _, main] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(body);
        self.tabs().render(tabs, buf);
        if talks == 0 {
            Paragraph::new(Line::styled(FIRST_RUN, theme.text()))
                .wrap(Wrap { trim: true })
                .render(main, buf);
            return;
        }
        match self.view {
            View::Talks => list::render(self, main, buf),
            View::Charts => charts::render(self, main, buf),
            View::Words if self.data.words.is_empty() => {
                Paragraph::new(Line::styled(NO_WORDS, theme.text()))
                    .wrap(Wrap { trim: true })
                    .render(main, buf);
            }
            View::Words => {
                let lines: Vec<Line> = self
                    .data
                    .words
                    .iter()
                    .map(|w| Line::styled(w.clone(), theme.text()))
                    .collect();
                Paragraph::new(lines)
                    .wrap(Wrap { trim: true })
                    .scroll((self.words_scroll, 0))
                    .render(main, buf);
            }
        }
    }
}
