//! Looking back: the talks so far (list and detail of one talk), charts of how they went,
//! what they show in plain words, and what the two appreciated in each other. Tab moves
//! between the four views.
//!
//! One couple at a time, never mixed (`journal::couples`): with more than one couple in the
//! journal, Look back first asks whose talks (unless a choice is remembered), and `c` asks
//! again. A reflection alone shows in its writer's couple's list, only that it happened.
//!
//! Nobody's private text shows here (SPEC section 6) until its writer opens their own with
//! `o`: a chooser asks whose, then only that person's notes and reflections show, until
//! `o` closes them or the screen is left (a new Look back starts closed).

mod appreciated;
mod charts;
mod couples;
pub mod data;
mod detail;
mod keys;
mod list;

use chrono::{DateTime, FixedOffset};
use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::deck::load::Catalog;
use crate::journal::Journal;
use crate::journal::couples::{self as couple_of, Couple, CoupleKey};
use crate::journal::privacy::{self, Reader};
use crate::tui::action::Action;
use crate::tui::keymap::{self, Binding};
use crate::tui::theme::Theme;
use crate::tui::widgets::chrome::Chrome;
use crate::words;

pub use charts::ChartKind;
use data::HistoryData;
pub use detail::Detail;
use keys::{Command, Showing};

/// The four views, in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Talks,
    Charts,
    Words,
    Appreciated,
}

impl View {
    const ALL: [View; 4] = [View::Talks, View::Charts, View::Words, View::Appreciated];

    fn label(self) -> &'static str {
        match self {
            View::Talks => words::HISTORY_TALKS,
            View::Charts => words::HISTORY_CHARTS,
            View::Words => words::HISTORY_WORDS,
            View::Appreciated => words::HISTORY_APPRECIATED,
        }
    }
}

pub struct History {
    pub data: HistoryData,
    pub view: View,
    /// The selected row of the list, 0 = the newest talk.
    pub selected: usize,
    /// The talk opened from the list, if any.
    pub detail: Option<Detail>,
    pub chart: ChartKind,
    /// Rows scrolled in "In words" and in what you appreciated.
    words_scroll: u16,
    appreciated_scroll: u16,
    /// Every couple in the journal, newest first.
    pub couples: Vec<Couple>,
    /// Whose talks show; `None` when the journal has no talk for two (or none chosen yet).
    pub couple: Option<Couple>,
    /// The chooser of which couple, open: the marked row.
    pub choosing_couple: Option<usize>,
    /// Whether the chooser opened by itself on the way in, so leaving it leaves Look back.
    asked_on_entry: bool,
    /// The names in the journal, for the chooser of whose notes to open.
    pub people: Vec<String>,
    /// The chooser of whose notes, open: the marked name.
    pub choosing: Option<usize>,
    /// The person whose notes and reflections show, once they opened them.
    pub open_for: Option<String>,
    /// The day Look back opened, for "the latest 3 days ago".
    today: chrono::NaiveDate,
    theme: Theme,
    demo: bool,
}

impl History {
    /// Reads the journal once; nothing later looks at it again. With several couples, shows
    /// the `remembered` couple's talks, or asks whose when there is none (or it is gone).
    pub fn new(
        journal: &Journal,
        catalog: &Catalog,
        theme: Theme,
        demo: bool,
        now: DateTime<FixedOffset>,
        remembered: Option<&CoupleKey>,
    ) -> History {
        let found = couple_of::couples(journal);
        let couple = match &found[..] {
            [] => None,
            [only] => Some(only.clone()),
            several => several.iter().find(|c| remembered == Some(&c.key)).cloned(),
        };
        let asking = found.len() > 1 && couple.is_none();
        // Only the couple's own talks and reflections; with no couple at all, reflections
        // alone are all there is, and each shows only that it happened.
        let theirs = match (&couple, asking) {
            (Some(c), _) => couple_of::of_couple(journal, c),
            (None, true) => Journal::default(),
            (None, false) => journal.clone(),
        };
        History {
            data: HistoryData::new(&theirs, catalog, now),
            view: View::Talks,
            selected: 0,
            detail: None,
            chart: ChartKind::Heard,
            words_scroll: 0,
            appreciated_scroll: 0,
            people: privacy::names(&theirs),
            choosing: None,
            open_for: None,
            choosing_couple: asking.then_some(0),
            asked_on_entry: asking,
            couples: found,
            couple,
            today: now.date_naive(),
            theme,
            demo,
        }
    }

    /// Show the same view as `before` (after choosing another couple's talks).
    pub fn keep_view_of(&mut self, before: &History) {
        if !before.asked_on_entry {
            self.view = before.view;
            self.chart = before.chart;
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        let command = keymap::find(self.table(), &key)?;
        if let Some(marked) = self.choosing_couple {
            return self.couple_key(marked, command, &key);
        }
        if let Some(marked) = self.choosing {
            return self.chooser_key(marked, command);
        }
        match command {
            Command::Help => return Some(Action::ShowHelp),
            Command::Back if self.detail.is_some() => self.detail = None,
            Command::Back => return Some(Action::Back),
            Command::NextView => self.view = self.next_view(1),
            Command::PreviousView => self.view = self.next_view(View::ALL.len() - 1),
            Command::Show(view) => self.view = view,
            Command::Notes if self.open_for.is_some() => self.show_notes_of(None),
            Command::Notes => self.choosing = Some(0),
            Command::OtherCouple if self.couples.len() > 1 => {
                let at = self
                    .couples
                    .iter()
                    .position(|c| Some(c) == self.couple.as_ref());
                self.choosing_couple = Some(at.unwrap_or(0));
            }
            Command::OtherTalk(by) => {
                self.open(self.selected.saturating_add_signed(by).min(self.last_row()))
            }
            step => match &mut self.detail {
                Some(detail) => detail.scroll(step),
                None => self.step(step),
            },
        }
        None
    }

    /// A key in the chooser of whose notes to open.
    fn chooser_key(&mut self, marked: usize, command: Command) -> Option<Action> {
        let last = self.people.len().saturating_sub(1);
        match command {
            Command::Help => return Some(Action::ShowHelp),
            Command::Next => self.choosing = Some((marked + 1).min(last)),
            Command::Previous => self.choosing = Some(marked.saturating_sub(1)),
            Command::Choose => {
                self.choosing = None;
                let name = self.people.get(marked).cloned();
                self.show_notes_of(name);
            }
            _ => self.choosing = None,
        }
        None
    }

    /// Show `name`'s private text from now on (or nobody's), the talk open redrawn so.
    fn show_notes_of(&mut self, name: Option<String>) {
        self.open_for = name;
        if let Some(detail) = &self.detail {
            let scroll = detail.scroll;
            self.open(self.selected);
            if let Some(detail) = &mut self.detail {
                detail.scroll = scroll;
            }
        }
    }

    /// Whose private text may show: nobody's, or the person who opened their own.
    pub fn reader(&self) -> Reader<'_> {
        self.open_for
            .as_deref()
            .map_or(Reader::Shared, Reader::Writer)
    }

    /// The keys of the view showing, for the help overlay.
    pub fn keys(&self) -> Vec<(&'static str, &'static str)> {
        keymap::help_lines(self.table())
    }

    fn table(&self) -> &'static [Binding<Command>] {
        keys::table(if self.choosing_couple.is_some() {
            Showing::Couples
        } else if self.choosing.is_some() {
            Showing::Notes
        } else if self.detail.is_some() {
            Showing::Detail
        } else {
            Showing::View(self.view)
        })
    }

    fn next_view(&self, step: usize) -> View {
        let at = View::ALL.iter().position(|v| *v == self.view).unwrap_or(0);
        View::ALL[(at + step) % View::ALL.len()]
    }

    fn last_row(&self) -> usize {
        self.data.rows.len().saturating_sub(1)
    }

    /// A step in the view showing: a row, a chart, a line of text.
    fn step(&mut self, step: Command) {
        match (self.view, step) {
            (View::Talks, _) => self.list_key(step),
            (View::Charts, Command::Next) => self.chart = self.chart.step(1),
            (View::Charts, Command::Previous) => self.chart = self.chart.step(-1),
            (View::Words, Command::Next) => {
                self.words_scroll = self.words_scroll.saturating_add(1);
            }
            (View::Words, Command::Previous) => {
                self.words_scroll = self.words_scroll.saturating_sub(1);
            }
            (View::Appreciated, Command::Next) => {
                self.appreciated_scroll = self.appreciated_scroll.saturating_add(1);
            }
            (View::Appreciated, Command::Previous) => {
                self.appreciated_scroll = self.appreciated_scroll.saturating_sub(1);
            }
            _ => {}
        }
    }

    fn list_key(&mut self, command: Command) {
        let last = self.last_row();
        match command {
            Command::Next => self.selected = (self.selected + 1).min(last),
            Command::Previous => self.selected = self.selected.saturating_sub(1),
            Command::PageDown => self.selected = (self.selected + 10).min(last),
            Command::PageUp => self.selected = self.selected.saturating_sub(10),
            Command::First => self.selected = 0,
            Command::Last => self.selected = last,
            Command::Open => self.open(self.selected),
            _ => {}
        }
    }

    /// Open the detail of row `index` (built now, for this one talk only).
    fn open(&mut self, index: usize) {
        if let Some(session) = self.data.sessions.get(index) {
            self.selected = index;
            let reader = self
                .open_for
                .as_deref()
                .map_or(Reader::Shared, Reader::Writer);
            self.detail = Some(Detail::new(session, &self.data.rows[index], reader));
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
        let couple = self.data.rows.iter().filter(|r| r.couple).count();
        let count = words::talks_and_reflections(couple, talks - couple);
        let inner = Chrome {
            title: words::HISTORY_TITLE,
            right: self.choosing_couple.is_none().then_some(count.as_str()),
            hints: &keymap::hints(self.table()),
            demo: self.demo,
            theme,
        }
        .render(area, buf);
        let mut body = crate::tui::screens::activity::parts::column(inner.inner(Margin::new(1, 0)));
        if let Some(marked) = self.choosing_couple {
            couples::render_chooser(self, marked, body, buf);
            return;
        }
        if let Some(marked) = self.choosing {
            self.render_chooser(marked, body, buf);
            return;
        }
        if let Some(name) = &self.open_for {
            let [banner, rest] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(body);
            let open = words::notes_open_for(&crate::text::one_line(name));
            Paragraph::new(Line::styled(open, theme.selected())).render(banner, buf);
            body = rest;
        }
        if let Some(detail) = &self.detail {
            detail.render(body, buf, theme);
            return;
        }
        let [tabs, whose, main] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(body);
        self.tabs().render(tabs, buf);
        couples::render_whose(self, whose, buf);
        if talks == 0 {
            Paragraph::new(Line::styled(words::HISTORY_FIRST_RUN, theme.text()))
                .wrap(Wrap { trim: true })
                .render(main, buf);
            return;
        }
        match self.view {
            View::Talks => list::render(self, main, buf),
            View::Charts => charts::render(self, main, buf),
            View::Words if self.data.words.is_empty() => {
                Paragraph::new(Line::styled(words::HISTORY_NO_WORDS, theme.text()))
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
            View::Appreciated => appreciated::render(self, self.appreciated_scroll, main, buf),
        }
    }
}

impl History {
    /// Whose notes to open: the names, one marked, and the marked person asked to be alone.
    fn render_chooser(&self, marked: usize, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let mut lines = vec![
            Line::styled(words::NOTES_CHOOSER_TITLE, theme.heading()),
            Line::raw(""),
        ];
        if self.people.is_empty() {
            lines.push(Line::styled(words::NOTES_NOBODY, theme.text()));
        }
        let names: Vec<String> = self
            .people
            .iter()
            .map(|n| crate::text::one_line(n).into_owned())
            .collect();
        for (i, name) in names.iter().enumerate() {
            if i == marked {
                lines.push(Line::styled(format!("> {name}"), theme.selected()));
            } else {
                lines.push(Line::styled(format!("  {name}"), theme.text()));
            }
        }
        if let Some(name) = names.get(marked) {
            let others: Vec<&str> = names
                .iter()
                .filter(|n| *n != name)
                .map(String::as_str)
                .collect();
            lines.push(Line::raw(""));
            lines.push(Line::styled(words::just_you(name, &others), theme.text()));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(area, buf);
    }
}
