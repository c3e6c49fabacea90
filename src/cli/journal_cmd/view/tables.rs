//! The tables of `heard journal list` and `show`: columns two spaces apart, and the two
//! partners side by side.

use std::fmt::Write as _;

use crate::journal::Session;
use crate::journal::insights::{Mean, TalkFigures};
use crate::text::one_line;

/// "4.0 / 3.5": one value per partner, in the order of `partners`; "-" where not given.
pub fn per_partner(values: [Option<String>; 2], people: usize) -> String {
    let shown: Vec<String> = values
        .into_iter()
        .take(people.clamp(1, 2))
        .map(|v| v.unwrap_or_else(|| "-".to_string()))
        .collect();
    shown.join(" / ")
}

pub fn one_decimal(mean: Mean) -> Option<String> {
    mean.value().map(|v| format!("{v:.1}"))
}

/// Rows of cells laid out in columns two spaces apart, the header first; widths are in
/// terminal columns, so an emoji or a CJK name does not shift the columns after it.
pub fn columns<const N: usize>(header: [&str; N], rows: &[[String; N]]) -> String {
    let mut widths = header.map(crate::text::width);
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(crate::text::width(cell));
        }
    }
    let mut out = String::new();
    let mut push_row = |cells: &[&str]| {
        let mut line = String::new();
        for (cell, width) in cells.iter().zip(widths) {
            let pad = width.saturating_sub(crate::text::width(cell));
            let _ = write!(line, "{cell}{}  ", " ".repeat(pad));
        }
        out.push_str(line.trim_end());
        out.push('\n');
    };
    push_row(&header);
    for row in rows {
        push_row(&row.each_ref().map(String::as_str));
    }
    out
}

/// Per partner, side by side: moods, closeness, how heard and validated each felt, and
/// how far their guesses (as listener) were from what the other felt.
pub fn partner_table(session: &Session) -> String {
    let people = session
        .partners
        .len()
        .max(session.mood_before.len())
        .clamp(1, 2);
    let figures = TalkFigures::of(session);
    let names: Vec<String> = (0..people)
        .map(|i| one_line(session.partner_name(i)).into_owned())
        .collect();
    let scale = |values: &[Option<u8>], top: u8| -> Vec<String> {
        (0..people)
            .map(|i| match values.get(i).copied().flatten() {
                Some(v) => format!("{v}/{top}"),
                None => "not given".to_string(),
            })
            .collect()
    };
    let mean = |means: [Mean; 2]| -> Vec<String> {
        (0..people)
            .map(|i| one_decimal(means[i]).unwrap_or_else(|| "-".to_string()))
            .collect()
    };
    let mut rows: Vec<(&str, Vec<String>)> = Vec::new();
    if !session.mood_before.is_empty() {
        rows.push(("Mood before", scale(&session.mood_before, 5)));
    }
    if !session.mood_after.is_empty() {
        rows.push(("Mood after", scale(&session.mood_after, 5)));
    }
    if !session.closeness.is_empty() {
        rows.push(("Closeness", scale(&session.closeness, 7)));
    }
    if session.is_couple() {
        rows.push(("Felt heard", mean(figures.heard)));
        rows.push(("Felt validated", mean(figures.validated)));
        if figures.guess_gap.iter().any(|g| g.count > 0) {
            rows.push(("Guesses off by", mean(figures.guess_gap)));
        }
    }
    if rows.is_empty() {
        return String::new();
    }
    let label_width = rows.iter().map(|(l, _)| l.len()).max().unwrap_or(0);
    let widths: Vec<usize> = (0..people)
        .map(|i| {
            rows.iter()
                .map(|(_, cells)| cells[i].chars().count())
                .chain([names[i].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    let mut line = |label: &str, cells: &[String]| {
        let mut text = format!("  {label:<label_width$}");
        for (cell, width) in cells.iter().zip(&widths) {
            let pad = width.saturating_sub(crate::text::width(cell));
            let _ = write!(text, "  {cell}{}", " ".repeat(pad));
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line("", &names);
    for (label, cells) in &rows {
        line(label, cells);
    }
    if figures.guess_gap.iter().any(|g| g.count > 0) {
        out.push_str("  (Guesses off by: how far each one's guesses, as listener, were from what the other felt.)\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::columns;
    /// Measured apart from the code under test, straight from the crate.
    fn width(text: &str) -> usize {
        unicode_width::UnicodeWidthStr::width(text)
    }

    /// An emoji or a CJK name takes two columns a character: the next column still starts
    /// at the same place on every row.
    #[test]
    fn wide_names_do_not_shift_the_columns_after_them() {
        let rows = [
            ["Bén 😀 & 山田".to_string(), "A1".to_string()],
            ["Ana & Ben".to_string(), "B2".to_string()],
            ["山田 & 😀😀".to_string(), "C3".to_string()],
        ];
        let out = columns(["PARTNERS", "NEXT"], &rows);
        let starts: Vec<usize> = out
            .lines()
            .zip(["NEXT", "A1", "B2", "C3"])
            .map(|(line, cell)| width(&line[..line.find(cell).unwrap()]))
            .collect();
        assert!(starts.iter().all(|&s| s == starts[0]), "{starts:?}\n{out}");
        assert_eq!(starts[0], width("Bén 😀 & 山田") + 2, "{out}");
    }
}
