//! The list of talks, newest first: date, deck, prompts, and per partner how heard and
//! validated they felt and how their mood moved.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::History;
use super::data::Row;
use crate::journal::couples::folded;
use crate::words;

/// Fixed column widths; the deck takes what is left.
const DATE: usize = 9;
const PROMPTS: usize = 7;
const PAIR: usize = 9;
const LIFT: usize = 9;

/// Cut and padded to `width` terminal columns (an emoji takes two).
fn cut(text: &str, width: usize) -> String {
    crate::text::fit(text, width)
}

fn one(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_string(), |v| format!("{v:.1}"))
}

fn pair(values: [Option<f64>; 2]) -> String {
    format!("{:>4} {:>4}", one(values[0]), one(values[1]))
}

fn lifts(values: [Option<i16>; 2]) -> String {
    let each = |v: Option<i16>| v.map_or_else(|| "-".to_string(), words::lift);
    format!("{:>4} {:>4}", each(values[0]), each(values[1]))
}

fn deck_width(total: usize) -> usize {
    total
        .saturating_sub(DATE + PROMPTS + 2 * PAIR + LIFT + 5)
        .clamp(6, 24)
}

fn line(row: &Row, deck: usize) -> String {
    let date = cut(&row.date, DATE);
    let prompts = format!("{}/{}", row.answered, row.prompts);
    let mark = if row.completed { ' ' } else { '◦' };
    if !row.couple {
        // A reflection alone is its writer's as a whole: that it happened, not how it
        // went, so not even how many prompts were answered.
        let what = words::wrote_a_reflection(&row.who);
        return format!(
            "{date} {} {:>w$}{mark} {what}",
            cut(&row.deck, deck),
            "-",
            w = PROMPTS - 1
        );
    }
    format!(
        "{date} {} {prompts:>w$}{mark} {} {} {}",
        cut(&row.deck, deck),
        pair(row.heard),
        pair(row.validated),
        lifts(row.lift),
        w = PROMPTS - 1
    )
}

pub fn render(history: &History, area: Rect, buf: &mut Buffer) {
    let theme = history.theme;
    let width = usize::from(area.width);
    let deck = deck_width(width);
    // Names cut to four columns so both fit over their column; the legend says the rest.
    let (labels, legend) = match history.data.names.as_ref() {
        Some(names) => column_names(names, 4),
        None => (words::HISTORY_NTH.map(str::to_string), None),
    };
    let names = format!(
        "{} {}",
        crate::text::right(&labels[0], 4),
        crate::text::right(&labels[1], 4)
    );
    let header_1 = format!(
        "{} {} {} {:<PAIR$} {:<PAIR$} {:<LIFT$}",
        cut("", DATE),
        cut("", deck),
        cut("", PROMPTS),
        words::HISTORY_HEARD,
        words::HISTORY_VALIDATED,
        words::HISTORY_MOOD,
    );
    let header_2 = format!(
        "{} {} {:>PROMPTS$} {names} {names} {names}",
        cut(words::HISTORY_DATE, DATE),
        cut(words::HISTORY_DECK, deck),
        words::HISTORY_PROMPTS,
    );
    let mut lines = vec![
        Line::styled(header_1, theme.muted()),
        Line::styled(header_2, theme.muted()),
    ];
    let legend_rows = if legend.is_some() { 2 } else { 1 };
    let visible = usize::from(area.height.saturating_sub(3 + legend_rows)).max(1);
    let offset = history.selected.saturating_sub(visible - 1);
    for (i, row) in history
        .data
        .rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible)
    {
        let style = if i == history.selected {
            theme.selected()
        } else {
            theme.text()
        };
        lines.push(Line::styled(line(row, deck), style));
    }
    Paragraph::new(lines).render(area, buf);
    if area.height >= 4 + legend_rows {
        let mut bottom = Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        };
        Paragraph::new(Line::styled(words::HISTORY_LEGEND, theme.muted())).render(bottom, buf);
        if let Some(legend) = legend {
            bottom.y -= 1;
            let legend = crate::text::cut_to(&legend, width).to_string();
            Paragraph::new(Line::styled(legend, theme.muted())).render(bottom, buf);
        }
    }
}

/// The two names over their columns, each at most `width` columns, and a legend saying who
/// is who when a name had to be shortened. Never two alike: when the shortened names would
/// read the same, the columns are "1st" and "2nd" and the legend names both.
pub fn column_names(names: &[String; 2], width: usize) -> ([String; 2], Option<String>) {
    let full = names
        .each_ref()
        .map(|n| crate::text::one_line(n.trim()).into_owned());
    if full.iter().all(|n| crate::text::width(n) <= width) {
        return (full, None);
    }
    let cut = full
        .each_ref()
        .map(|n| crate::text::cut_to(n, width).to_string());
    let labels = if folded(&cut[0]) == folded(&cut[1]) {
        words::HISTORY_NTH.map(str::to_string)
    } else {
        cut
    };
    let pairs: Vec<(String, String)> = (0..2)
        .filter(|&i| labels[i] != full[i])
        .map(|i| (labels[i].clone(), full[i].clone()))
        .collect();
    (labels, Some(words::columns_are(&pairs)))
}

#[cfg(test)]
mod tests {
    use super::*;
    /// Measured apart from the code under test, straight from the crate.
    fn width(text: &str) -> usize {
        unicode_width::UnicodeWidthStr::width(text)
    }

    fn row(deck: &str) -> Row {
        Row {
            date: "Mon 30 Nov".to_string(),
            deck: deck.to_string(),
            couple: true,
            who: String::new(),
            answered: 3,
            prompts: 5,
            completed: true,
            heard: [Some(4.0), Some(3.5)],
            validated: [Some(4.0), None],
            lift: [Some(1), Some(0)],
        }
    }

    /// A deck named with an emoji or CJK characters takes two columns a character: the
    /// columns after it start at the same display column on every row.
    /// Names too long for their column are shortened, never into two that read the same,
    /// and the legend says who each column is.
    #[test]
    fn shortened_names_are_never_ambiguous() {
        let names = |a: &str, b: &str| [a.to_string(), b.to_string()];
        assert_eq!(
            column_names(&names("Ana", "Ben"), 4),
            (names("Ana", "Ben"), None)
        );
        let (labels, legend) = column_names(&names("Alexander", "Alexandra"), 4);
        assert_eq!(labels, names("1st", "2nd"));
        let legend = legend.unwrap();
        assert!(legend.contains("1st = Alexander") && legend.contains("2nd = Alexandra"));
        let (labels, legend) = column_names(&names("Maya", "Samuel"), 4);
        assert_eq!(labels, names("Maya", "Samu"));
        assert_eq!(legend.unwrap(), "columns: Samu = Samuel");
    }

    #[test]
    fn wide_deck_names_do_not_shift_the_columns() {
        for total in [60, 80, 120] {
            let deck = deck_width(total);
            let starts: Vec<usize> = ["Bén 😀", "山田の会話のデッキです", "Rekindle"]
                .into_iter()
                .map(|name| {
                    let line = line(&row(name), deck);
                    width(&line[..line.find("3/5").unwrap()])
                })
                .collect();
            assert!(starts.iter().all(|&s| s == starts[0]), "{starts:?}");
            let line = line(&row("山田"), deck);
            assert_eq!(width(&line), width(&super::line(&row("Ana"), deck)));
        }
    }
}
