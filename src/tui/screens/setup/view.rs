//! How setup draws: a column of labelled fields in the chrome, fitted to the window.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::layout::{BEFORE_BEGIN, BETWEEN, INTRO, Placed, Row, fit, text, wrap};
use super::{Field, Setup};
use crate::activity::Length;
use crate::mode::Mode;
use crate::tui::widgets::chrome::Chrome;
use crate::words;

/// Where values start: the marker, the longest label ("Speaking time") and a space.
const VALUE_COLUMN: u16 = 16;
/// A name field is wide enough for the longest name and the cursor after it.
const NAME_WIDTH: u16 = 42;

impl Widget for &Setup {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let hints = self.hints();
        let inner = Chrome {
            title: match (self.is_flow(), self.mode) {
                (true, _) => words::kind_title(self.kind()),
                (false, Mode::Couple) => words::SETUP_TITLE_COUPLE,
                (false, Mode::Solo) => words::SETUP_TITLE_SOLO,
            },
            right: None,
            hints: &hints,
            demo: self.demo,
            theme: self.theme,
        }
        .render(area, buf);
        let side = if inner.width >= 70 { 3 } else { 2 };
        let content =
            crate::tui::screens::activity::parts::column(inner.inner(Margin::new(side, 0)));
        let mut y = content.y;
        let bottom = content.bottom();
        let value_width = usize::from(content.width.saturating_sub(VALUE_COLUMN));
        let rows = fit(
            self.rows(content.width),
            usize::from(content.height),
            value_width,
        );
        for row in rows {
            if y >= bottom {
                break;
            }
            let height = u16::try_from(row.height()).unwrap_or(u16::MAX);
            let rect = Rect {
                y,
                height: height.min(bottom - y),
                ..content
            };
            self.draw(&row, rect, buf);
            y = y.saturating_add(height);
        }
    }
}

impl Setup {
    /// Every row the screen would like to show, at `width` columns.
    fn rows(&self, width: u16) -> Vec<Placed> {
        let value_width = usize::from(width.saturating_sub(VALUE_COLUMN));
        let muted = self.theme.muted();
        let mut rows = Vec::new();
        let intro = match (self.is_flow(), self.mode) {
            (true, _) => words::kind_about(self.kind()),
            (false, Mode::Couple) => words::SETUP_INTRO_COUPLE,
            (false, Mode::Solo) => words::SETUP_INTRO_SOLO,
        };
        rows.push(Placed::new(
            text(intro, usize::from(width), muted, false),
            INTRO,
        ));
        rows.push(Placed::new(Row::Blank, INTRO));
        for i in 0..self.names.len() {
            rows.push(Placed::new(Row::Name(i), None));
        }
        rows.push(match self.missing_names() {
            Some(message) => {
                Placed::new(text(message, value_width, self.theme.heading(), true), None)
            }
            None => Placed::new(Row::Blank, BETWEEN),
        });
        if self.is_flow() {
            return self.flow_rows(rows, value_width);
        }
        rows.push(Placed::new(Row::Deck, None));
        rows.extend(self.deck_rows(value_width));
        rows.push(Placed::new(Row::Blank, BETWEEN));
        // The whole talk in minutes beside its length, as the choices change: to plan the
        // evening by. On a row of its own when the window is too narrow for both.
        let estimate = self.estimate();
        let beside = usize::from(VALUE_COLUMN) + 4 + self.length_name().chars().count() + 2;
        let fits = beside + estimate.chars().count() <= usize::from(width);
        rows.push(Placed::new(Row::Length(fits), None));
        if !fits {
            rows.push(Placed::new(text(&estimate, value_width, muted, true), None));
        }
        rows.push(Placed::new(Row::Prompts, None));
        if let Some(deck) = self
            .decks
            .get(self.deck)
            .filter(|d| d.prompts < self.prompts)
        {
            let note = words::deck_has_fewer(deck.prompts);
            rows.push(Placed::new(text(&note, value_width, muted, true), None));
        }
        if self.mode == Mode::Couple {
            rows.push(Placed::new(Row::Timer, None));
        }
        let brought = self.brought_here();
        if !brought.is_empty() {
            let sentence = words::open_with_brought(&brought);
            let lines = wrap(&sentence, usize::from(width.saturating_sub(6)));
            rows.push(Placed::new(Row::Carried(lines), None));
            if let Some(deck) = self.suited_deck() {
                let hint = words::deck_suits_brought(&deck.title);
                rows.push(Placed::new(text(&hint, value_width, muted, true), None));
            }
        }
        rows.push(Placed::new(Row::Blank, BEFORE_BEGIN));
        rows.push(Placed::new(Row::Begin, None));
        rows
    }

    /// Under the deck: its mix of depths, whether it is nearly used up for this couple, and
    /// what it is for.
    fn deck_rows(&self, value_width: usize) -> Vec<Placed> {
        let mut rows = Vec::new();
        let Some(deck) = self.decks.get(self.deck) else {
            return rows;
        };
        let mix = words::depth_mix(deck.prompts, deck.mix);
        rows.push(Placed::new(
            text(&mix, value_width, self.theme.muted(), true),
            None,
        ));
        if let Some((left, other)) = self.nearly_used_up() {
            let note = words::deck_nearly_used_up(left, other);
            rows.push(Placed::new(
                text(&note, value_width, self.theme.heading(), true),
                None,
            ));
        }
        if !deck.description.trim().is_empty() {
            rows.push(Placed::description(text(
                &deck.description,
                value_width,
                self.theme.text(),
                true,
            )));
        }
        rows
    }

    /// A conversation asks only for the names: who begins, then Begin.
    fn flow_rows(&self, mut rows: Vec<Placed>, value_width: usize) -> Vec<Placed> {
        let brought = self.brought_here();
        if let Some((writer, topic)) = brought.first() {
            // The topic a partner prepared alone: this talk's, with its writer bringing it.
            let sentence = words::understand_brought(
                &crate::text::one_line(writer),
                &crate::text::one_line(topic),
            );
            let lines = wrap(
                &sentence,
                value_width
                    .saturating_add(usize::from(VALUE_COLUMN))
                    .saturating_sub(6),
            );
            rows.push(Placed::new(Row::Carried(lines), None));
            rows.push(Placed::new(Row::Blank, BEFORE_BEGIN));
            rows.push(Placed::new(Row::Begin, None));
            return rows;
        }
        let names = self.names();
        if let Some(first) = names.first().filter(|n| !n.is_empty()) {
            let line = words::flow_begins_with(self.kind(), &crate::text::one_line(first));
            rows.push(Placed::new(
                text(&line, value_width, self.theme.muted(), true),
                None,
            ));
        }
        rows.push(Placed::new(Row::Blank, BEFORE_BEGIN));
        rows.push(Placed::new(Row::Begin, None));
        rows
    }

    fn draw(&self, row: &Row, rect: Rect, buf: &mut Buffer) {
        let value = Rect {
            x: rect.x + VALUE_COLUMN.min(rect.width),
            width: rect.width.saturating_sub(VALUE_COLUMN),
            ..rect
        };
        match row {
            Row::Blank => {}
            Row::Text {
                lines,
                style,
                indent,
            } => draw_text(lines, *style, if *indent { value } else { rect }, buf),
            Row::Name(i) => self.draw_name(*i, rect, value, buf),
            Row::Deck => self.deck_line().render(rect, buf),
            Row::Length(beside) => self.length_line(*beside).render(rect, buf),
            Row::Prompts => self.prompts_line().render(rect, buf),
            Row::Timer => self.timer_line().render(rect, buf),
            Row::Carried(lines) => self.draw_carried(lines, rect, buf),
            Row::Begin => self.begin_line().render(rect, buf),
        }
    }

    fn draw_name(&self, i: usize, rect: Rect, value: Rect, buf: &mut Buffer) {
        let label = if i == 0 {
            match self.mode {
                Mode::Couple => words::SETUP_NAMES,
                Mode::Solo => words::SETUP_NAME,
            }
        } else {
            ""
        };
        let focused = matches!(self.focus, Field::Name(_));
        self.label(label, self.focus == Field::Name(i), focused)
            .render(rect, buf);
        let field = Rect {
            width: value.width.min(NAME_WIDTH),
            ..value
        };
        self.names[i].render(field, buf);
    }

    fn deck_line(&self) -> Line<'static> {
        let mut line = self.label(words::SETUP_DECK, self.focus == Field::Deck, false);
        match self.decks.get(self.deck) {
            Some(deck) => {
                line.extend(self.choice(&deck.title, self.focus == Field::Deck));
                let place = format!("  {}", words::place(self.deck + 1, self.decks.len()));
                line.push_span(Span::styled(place, self.theme.muted()));
            }
            None => line.push_span(Span::styled(words::SETUP_NO_DECK, self.theme.muted())),
        }
        line
    }

    /// "Usual", "Quick", ... or "Your own".
    fn length_name(&self) -> &'static str {
        match self.length {
            Some(Length::Quick) => words::SETUP_QUICK,
            Some(Length::Usual) => words::SETUP_USUAL,
            Some(Length::Long) => words::SETUP_LONG,
            None => words::SETUP_OWN,
        }
    }

    /// The whole talk in minutes, of the prompts the deck can give.
    fn estimate(&self) -> String {
        let prompts = self
            .decks
            .get(self.deck)
            .map_or(self.prompts, |d| d.prompts.min(self.prompts));
        let seconds = self.timers.get(self.timer).copied().unwrap_or(0);
        words::about_minutes(crate::activity::estimate_minutes(
            self.mode, prompts, seconds,
        ))
    }

    fn length_line(&self, estimate_beside: bool) -> Line<'static> {
        let focused = self.focus == Field::Length;
        let mut line = self.label(words::SETUP_LENGTH, focused, false);
        line.extend(self.choice(self.length_name(), focused));
        if estimate_beside {
            let estimate = format!("  {}", self.estimate());
            line.push_span(Span::styled(estimate, self.theme.muted()));
        }
        line
    }

    fn prompts_line(&self) -> Line<'static> {
        let focused = self.focus == Field::Prompts;
        let mut line = self.label(words::SETUP_PROMPTS, focused, false);
        line.extend(self.choice(&self.prompts.to_string(), focused));
        line
    }

    fn timer_line(&self) -> Line<'static> {
        let focused = self.focus == Field::Timer;
        let seconds = self.timers[self.timer];
        let mut line = self.label(words::SETUP_TIMER, focused, false);
        if seconds == 0 {
            line.extend(self.choice(words::SETUP_TIMER_OFF, focused));
        } else {
            line.extend(self.choice(&words::speaking_time(seconds), focused));
            let note = format!("  {}", words::SETUP_TIMER_NOTE);
            line.push_span(Span::styled(note, self.theme.muted()));
        }
        line
    }

    /// The checkbox on the first line, the rest of the sentence indented under it.
    fn draw_carried(&self, lines: &[String], rect: Rect, buf: &mut Buffer) {
        let focused = self.focus == Field::Carried;
        let mark = if self.use_carried { "[x]" } else { "[ ]" };
        let style = if focused {
            self.theme.selected()
        } else {
            self.theme.text()
        };
        for (i, text) in lines.iter().take(usize::from(rect.height)).enumerate() {
            let line = if i == 0 {
                Line::from(vec![
                    marker(focused, self),
                    Span::styled(mark, style),
                    Span::raw(" "),
                    Span::raw(text.clone()),
                ])
            } else {
                Line::from(format!("      {text}"))
            };
            line.render(Rect::new(rect.x, rect.y + i as u16, rect.width, 1), buf);
        }
    }

    fn begin_line(&self) -> Line<'static> {
        let focused = self.focus == Field::Begin;
        let begin = match self.mode {
            Mode::Couple => words::SETUP_BEGIN_COUPLE,
            Mode::Solo => words::SETUP_BEGIN_SOLO,
        };
        let style = if focused {
            self.theme.selected()
        } else {
            self.theme.heading()
        };
        // One cell of marker, so the padded word lines up with the labels.
        let marker = if focused { "›" } else { " " };
        Line::from(vec![
            Span::styled(marker, self.theme.heading()),
            Span::styled(format!(" {begin} "), style),
        ])
    }

    /// The marker and the label, padded to the value column. `marked` puts the "›" on this
    /// row; `highlighted` (or `marked`) shows the label in reverse.
    fn label(&self, label: &str, marked: bool, highlighted: bool) -> Line<'static> {
        let style = if (marked || highlighted) && !label.is_empty() {
            self.theme.selected()
        } else {
            self.theme.text()
        };
        let pad = usize::from(VALUE_COLUMN) - 2 - label.chars().count();
        Line::from(vec![
            marker(marked, self),
            Span::styled(label.to_string(), style),
            Span::raw(" ".repeat(pad)),
        ])
    }

    /// A value changed with ← →: "‹ Rekindle ›", bold when focused.
    fn choice(&self, value: &str, focused: bool) -> Vec<Span<'static>> {
        let style = if focused {
            self.theme.heading()
        } else {
            self.theme.text()
        };
        vec![
            Span::styled("‹ ", self.theme.muted()),
            Span::styled(value.to_string(), style),
            Span::styled(" ›", self.theme.muted()),
        ]
    }
}

/// Wrapped text, one line per row, cut at the bottom of `to`.
fn draw_text(lines: &[String], style: Style, to: Rect, buf: &mut Buffer) {
    for (i, line) in lines.iter().take(usize::from(to.height)).enumerate() {
        let y = to.y + i as u16;
        buf.set_stringn(to.x, y, line, usize::from(to.width), style);
    }
}

fn marker(focused: bool, setup: &Setup) -> Span<'static> {
    Span::styled(if focused { "› " } else { "  " }, setup.theme.heading())
}
