//! The charts: felt heard and felt validated per partner over time, mood before and after,
//! closeness, talks per week, and how close each partner's guesses came. One at a time,
//! ← → to change; each says in words what its marks mean, so it reads without colour.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Bar, BarChart, BarGroup, Chart, Dataset, GraphType, Paragraph, Sparkline, Widget, Wrap,
};

use super::History;
use super::data::{Series, WEEKS};
use crate::journal::stats::day_words;
use crate::text::one_line;
use crate::tui::theme::Theme;
use crate::words;

/// The marks for partner 0 and 1 (and for mood before and after): filled and hollow.
const MARKS: [char; 2] = ['●', '○'];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    Heard,
    Validated,
    Mood,
    Closeness,
    PerWeek,
    Guesses,
}

impl ChartKind {
    pub const ALL: [ChartKind; 6] = [
        ChartKind::Heard,
        ChartKind::Validated,
        ChartKind::Mood,
        ChartKind::Closeness,
        ChartKind::PerWeek,
        ChartKind::Guesses,
    ];

    pub fn title(self) -> &'static str {
        match self {
            ChartKind::Heard => words::CHART_HEARD,
            ChartKind::Validated => words::CHART_VALIDATED,
            ChartKind::Mood => words::CHART_MOOD,
            ChartKind::Closeness => words::CHART_CLOSENESS,
            ChartKind::PerWeek => words::CHART_PER_WEEK,
            ChartKind::Guesses => words::CHART_GUESSES,
        }
    }

    /// The chart `by` places after this one, wrapping around.
    pub fn step(self, by: i32) -> ChartKind {
        let at = Self::ALL.iter().position(|k| *k == self).unwrap_or(0) as i32;
        let len = Self::ALL.len() as i32;
        Self::ALL[(at + by).rem_euclid(len) as usize]
    }
}

fn name(history: &History, i: usize) -> String {
    history
        .data
        .names
        .as_ref()
        .map_or_else(String::new, |n| one_line(&n[i]).into_owned())
}

pub fn render(history: &History, area: Rect, buf: &mut Buffer) {
    let theme = history.theme;
    let kind = history.chart;
    let [title, key, _, chart] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(area);
    title_line(kind, theme).render(title, buf);
    let series = &history.data.series;
    if kind != ChartKind::PerWeek && series.talks == 0 {
        Paragraph::new(words::CHARTS_NONE)
            .wrap(Wrap { trim: true })
            .render(key.union(chart), buf);
        return;
    }
    match kind {
        ChartKind::Heard | ChartKind::Validated => {
            let data = match kind {
                ChartKind::Heard => &series.heard,
                _ => &series.validated,
            };
            let what = words::talk_average(&latest(series));
            both(history, &what).render(key, buf);
            lines_chart(series, data, [1.0, 5.0], theme).render(chart, buf);
        }
        ChartKind::Mood => {
            mood_key(series, theme).render(key, buf);
            let pair = [series.mood_after.clone(), series.mood_before.clone()];
            lines_chart(series, &pair, [1.0, 5.0], theme).render(chart, buf);
        }
        ChartKind::Closeness => {
            Line::styled(words::CHART_CLOSENESS_KEY, theme.muted()).render(key, buf);
            closeness(history, chart, buf);
        }
        ChartKind::PerWeek => {
            let total: u64 = series.per_week.iter().sum();
            Line::styled(words::per_week_key(total), theme.muted()).render(key, buf);
            per_week(series, chart, buf, theme);
        }
        ChartKind::Guesses => guesses(history, key, chart, buf),
    }
}

/// "‹ Felt heard ›  1 of 6"
fn title_line(kind: ChartKind, theme: Theme) -> Line<'static> {
    let at = ChartKind::ALL.iter().position(|k| *k == kind).unwrap_or(0) + 1;
    Line::from(vec![
        Span::styled(format!("‹ {} ›", kind.title()), theme.heading()),
        Span::styled(
            format!("  {}", words::place(at, ChartKind::ALL.len())),
            theme.muted(),
        ),
    ])
}

/// Said after a chart's key when the chart shows only the latest talks.
fn latest(series: &Series) -> String {
    if series.talks < series.all_talks {
        words::the_last_talks(series.talks)
    } else {
        String::new()
    }
}

/// The key of a chart with a line per partner: each one's mark and name, then `what`.
fn both(history: &History, what: &str) -> Line<'static> {
    let theme = history.theme;
    Line::from(vec![
        Span::styled(format!("{} {}", MARKS[0], name(history, 0)), theme.text()),
        Span::raw("  "),
        Span::styled(format!("{} {}", MARKS[1], name(history, 1)), theme.text()),
        Span::styled(format!("  {what}"), theme.muted()),
    ])
}

fn mood_key(series: &Series, theme: Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(
            format!("{} {}", MARKS[1], words::CHART_BEFORE),
            theme.text(),
        ),
        Span::raw("  "),
        Span::styled(format!("{} {}", MARKS[0], words::CHART_AFTER), theme.text()),
        Span::styled(
            format!("  {}", words::both_averaged(&latest(series))),
            theme.muted(),
        ),
    ])
}

/// A line chart of two series over the couple's talks, x = talk number.
fn lines_chart<'a>(
    series: &Series,
    data: &'a [Vec<(f64, f64)>; 2],
    bounds: [f64; 2],
    theme: Theme,
) -> Chart<'a> {
    let datasets = (0..2)
        .map(|i| {
            Dataset::default()
                .marker(Marker::Custom(MARKS[i]))
                .graph_type(GraphType::Line)
                .style(Style::default().fg(theme.partner(i)))
                .data(&data[i])
        })
        .collect();
    let day = |d: Option<chrono::NaiveDate>| d.map_or_else(String::new, day_words);
    let x_labels = if series.talks > 1 {
        vec![day(series.first_day), day(series.last_day)]
    } else {
        vec![day(series.last_day)]
    };
    let low = bounds[0];
    let high = bounds[1];
    let middle = (low + high) / 2.0;
    Chart::new(datasets)
        .legend_position(None)
        .x_axis(
            Axis::default()
                .bounds([1.0, series.talks.max(2) as f64])
                .labels(x_labels)
                .style(theme.muted()),
        )
        .y_axis(
            Axis::default()
                .bounds(bounds)
                .labels([low, middle, high].map(|v| format!("{v}")))
                .style(theme.muted()),
        )
}

fn closeness(history: &History, area: Rect, buf: &mut Buffer) {
    let theme = history.theme;
    let rows = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .split(area);
    let width = usize::from(area.width);
    for i in 0..2 {
        let values = &history.data.series.closeness[i];
        // Each talk a few columns wide when there is room, so a short history still reads.
        let repeat = (width / values.len().max(1)).clamp(1, 4);
        let shown: Vec<Option<u64>> = values[values.len().saturating_sub(width)..]
            .iter()
            .flat_map(|v| std::iter::repeat_n(*v, repeat))
            .collect();
        let latest = values.iter().rev().flatten().next().copied();
        Line::from(vec![
            Span::styled(name(history, i), theme.heading()),
            Span::styled(
                format!("  {}", words::closeness_latest(latest)),
                theme.muted(),
            ),
        ])
        .render(rows[i * 3], buf);
        Sparkline::default()
            .data(&shown)
            .max(7)
            .absent_value_symbol("·")
            .style(Style::default().fg(theme.partner(i)))
            .render(rows[i * 3 + 1], buf);
    }
}

fn per_week(series: &Series, area: Rect, buf: &mut Buffer, theme: Theme) {
    let gaps = (WEEKS - 1) as u16;
    let width = (area.width.saturating_sub(gaps) / WEEKS as u16).clamp(1, 5);
    let bars: Vec<Bar> = series
        .per_week
        .iter()
        .enumerate()
        .map(|(n, count)| {
            Bar::default()
                .value(*count)
                .label(Line::from(format!("{}", WEEKS - 1 - n)))
        })
        .collect();
    BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .bar_width(width)
        .bar_gap(1)
        .max(series.per_week.iter().copied().max().unwrap_or(1).max(2))
        .label_style(theme.muted())
        .value_style(theme.selected())
        .render(area, buf);
}

fn guesses(history: &History, key: Rect, area: Rect, buf: &mut Buffer) {
    let theme = history.theme;
    let gaps = &history.data.gaps;
    let series = &history.data.series;
    if series.guess_gap.iter().all(Vec::is_empty) {
        Paragraph::new(words::CHART_NO_GUESSES)
            .wrap(Wrap { trim: true })
            .render(key.union(area), buf);
        return;
    }
    Line::from(vec![
        Span::styled(
            format!("{} {}", MARKS[0], words::guesses_of(&name(history, 0))),
            theme.text(),
        ),
        Span::raw("  "),
        Span::styled(
            format!(
                "{} {}",
                MARKS[1],
                words::guesses_of_other(&name(history, 1))
            ),
            theme.text(),
        ),
        Span::styled(format!("  {}", words::CHART_LOWER_IS_CLOSER), theme.muted()),
    ])
    .render(key, buf);
    let words: Vec<Line> = gaps
        .iter()
        .map(|g| Line::styled(g.to_string(), theme.text()))
        .collect();
    // Room for the sentences below the chart, when the window has it.
    let below = if area.height >= 12 { 4 } else { 0 };
    let [chart, text] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(below)]).areas(area);
    lines_chart(series, &series.guess_gap, [0.0, 4.0], theme).render(chart, buf);
    Paragraph::new(words)
        .wrap(Wrap { trim: true })
        .render(text, buf);
}
