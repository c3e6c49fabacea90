//! The charts: felt heard and felt validated per partner over time, mood before and after,
//! closeness, talks per week, and how close each partner's guesses came. One at a time,
//! ← → to change; each says in words what its marks mean, so it reads without colour.
//! A talk is a point, where it happened on a time axis labelled with dates: no line is
//! drawn between talks, as nothing was measured between them.

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

/// Each partner's mark: a circle for the first, a square for the second, so the two read
/// apart without colour (NO_COLOR). Filled for a rating or a mood after, hollow for the
/// mood before. The first partner's marks sit just left of the talk's place, the second's
/// just right, so the same figure from both shows both marks side by side.
const MARKS: [char; 2] = ['●', '■'];
const HOLLOW: [char; 2] = ['○', '□'];

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
            let mut points = paired(data, theme);
            points_chart(series, &mut points, [1.0, 5.0], chart.width, theme).render(chart, buf);
        }
        ChartKind::Mood => {
            mood_key(history).render(key, buf);
            let mut points = moods(series, theme);
            points_chart(series, &mut points, [1.0, 5.0], chart.width, theme).render(chart, buf);
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

/// The key of a chart with a point per partner per talk: each one's mark and name, then
/// `what`.
fn both(history: &History, what: &str) -> Line<'static> {
    let theme = history.theme;
    Line::from(vec![
        Span::styled(
            format!("{} {}", MARKS[0], name(history, 0)),
            partner(theme, 0),
        ),
        Span::raw("  "),
        Span::styled(
            format!("{} {}", MARKS[1], name(history, 1)),
            partner(theme, 1),
        ),
        Span::styled(format!("  {what}"), theme.muted()),
    ])
}

/// "Ana ○ before ● after   Ben □ before ■ after": each partner's own marks.
fn mood_key(history: &History) -> Line<'static> {
    let theme = history.theme;
    let mut spans = Vec::new();
    for i in 0..2 {
        spans.push(Span::styled(
            format!(
                "{} {} {} {} {}",
                name(history, i),
                HOLLOW[i],
                words::CHART_BEFORE,
                MARKS[i],
                words::CHART_AFTER
            ),
            partner(theme, i),
        ));
        spans.push(Span::raw("   "));
    }
    spans.pop();
    Line::from(spans)
}

fn partner(theme: Theme, i: usize) -> Style {
    theme.text().fg(theme.partner(i))
}

/// One set of points: its mark, its colour, whose (for its place beside the talk), the points.
struct Points {
    mark: char,
    style: Style,
    partner: usize,
    data: Vec<(f64, f64)>,
}

/// The two partners' points.
fn paired(data: &[Vec<(f64, f64)>; 2], theme: Theme) -> Vec<Points> {
    (0..2)
        .map(|i| Points {
            mark: MARKS[i],
            style: Style::default().fg(theme.partner(i)),
            partner: i,
            data: data[i].clone(),
        })
        .collect()
}

/// Each partner's mood before (hollow) and after (filled); after is drawn last, so where
/// a mood did not move the filled mark shows.
fn moods(series: &Series, theme: Theme) -> Vec<Points> {
    let mut out = Vec::new();
    for (marks, values) in [(HOLLOW, &series.mood_before), (MARKS, &series.mood_after)] {
        for i in 0..2 {
            out.push(Points {
                mark: marks[i],
                style: Style::default().fg(theme.partner(i)),
                partner: i,
                data: values[i].clone(),
            });
        }
    }
    out
}

/// A chart of points, one per talk, over the days of the talks shown; the x axis says dates.
fn points_chart<'a>(
    series: &Series,
    points: &'a mut [Points],
    bounds: [f64; 2],
    width: u16,
    theme: Theme,
) -> Chart<'a> {
    // The first and the last talk sit at the ends, so the end labels are their dates; one
    // talk alone sits in the middle.
    let x_bounds = if series.span_days > 0.0 {
        [0.0, series.span_days]
    } else {
        [-1.0, 1.0]
    };
    // About one column either side of the talk's place: the chart's columns are its width
    // less the y axis and its labels.
    let column = (x_bounds[1] - x_bounds[0]) / f64::from(width.saturating_sub(12).max(8));
    for p in points.iter_mut() {
        let shift = if p.partner == 0 { -0.6 } else { 0.6 } * column;
        for point in &mut p.data {
            point.0 = (point.0 + shift).clamp(x_bounds[0], x_bounds[1]);
        }
    }
    let datasets = points
        .iter()
        .map(|p| {
            Dataset::default()
                .marker(Marker::Custom(p.mark))
                .graph_type(GraphType::Scatter)
                .style(p.style)
                .data(&p.data)
        })
        .collect();
    let low = bounds[0];
    let high = bounds[1];
    let middle = (low + high) / 2.0;
    Chart::new(datasets)
        .legend_position(None)
        .x_axis(
            Axis::default()
                .bounds(x_bounds)
                .labels(date_labels(series, x_bounds, width))
                .style(theme.muted()),
        )
        .y_axis(
            Axis::default()
                .bounds(bounds)
                .labels([low, middle, high].map(|v| format!("{v}")))
                .style(theme.muted()),
        )
}

/// Dates under the x axis, evenly spaced as the axis places them: the first and the last
/// talk's with their year, and between them as many as fit ("3 Aug").
fn date_labels(series: &Series, x_bounds: [f64; 2], width: u16) -> Vec<String> {
    let (Some(start), Some(first), Some(last)) = (series.start, series.first_day, series.last_day)
    else {
        return Vec::new();
    };
    if series.span_days <= 0.0 {
        return vec![String::new(), day_words(last), String::new()];
    }
    let count: usize = if width >= 100 { 5 } else { 3 };
    let span = x_bounds[1] - x_bounds[0];
    (0..count)
        .map(|k| match k {
            0 => day_words(first),
            k if k == count - 1 => day_words(last),
            k => {
                let x = x_bounds[0] + span * k as f64 / (count - 1) as f64;
                let at = start + chrono::Duration::seconds((x * 86_400.0) as i64);
                at.date_naive().format("%-d %b").to_string()
            }
        })
        .collect()
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
    let width = chart.width;
    let mut points = paired(&series.guess_gap, theme);
    points_chart(series, &mut points, [0.0, 4.0], width, theme).render(chart, buf);
    Paragraph::new(words)
        .wrap(Wrap { trim: true })
        .render(text, buf);
}
