//! Fitting setup into the window: the rows it shows, what gives way when space is short,
//! and word wrapping by terminal cells.

use ratatui::style::Style;
use ratatui::text::Span;

/// One piece of the column, top to bottom.
pub(super) enum Row {
    Blank,
    /// Text in the value column (or from the left edge), already wrapped.
    Text {
        lines: Vec<String>,
        style: Style,
        indent: bool,
    },
    Name(usize),
    Deck,
    /// The length picked, and the estimate beside it when `true` (else on a row of its own).
    Length(bool),
    Prompts,
    Timer,
    /// The checkbox and its sentence, wrapped.
    Carried(Vec<String>),
    Begin,
}

impl Row {
    pub(super) fn height(&self) -> usize {
        match self {
            Row::Text { lines, .. } | Row::Carried(lines) => lines.len(),
            _ => 1,
        }
    }
}

/// A row, the stage of fitting at which it is left out (`None`: never), and whether it is
/// the deck's description (which shrinks instead).
pub(super) struct Placed {
    row: Row,
    drop_at: Option<u8>,
    description: bool,
}

impl Placed {
    pub(super) fn new(row: Row, drop_at: Option<u8>) -> Placed {
        Placed {
            row,
            drop_at,
            description: false,
        }
    }

    /// The deck's description: always kept, shortened when space is short.
    pub(super) fn description(row: Row) -> Placed {
        Placed {
            row,
            drop_at: None,
            description: true,
        }
    }
}

/// Stages of fitting a small window, in the order things are given up: the description
/// beyond three lines, the blank rows between fields, the intro, the description beyond
/// one line, the blank row before Begin, the description.
pub(super) const BETWEEN: Option<u8> = Some(2);
pub(super) const INTRO: Option<u8> = Some(3);
pub(super) const BEFORE_BEGIN: Option<u8> = Some(5);
const STAGES: u8 = 7;

fn description_cap(stage: u8) -> usize {
    match stage {
        0 => usize::MAX,
        1..=3 => 3,
        4 | 5 => 1,
        _ => 0,
    }
}

pub(super) fn text(text: &str, width: usize, style: Style, indent: bool) -> Row {
    Row::Text {
        lines: wrap(text, width),
        style,
        indent,
    }
}

/// Keep what fits in `height` rows: the first stage of giving things up (see `STAGES`)
/// at which everything fits, with the description as long as the room left allows.
/// Whatever still does not fit is cut at the bottom by the caller.
pub(super) fn fit(rows: Vec<Placed>, height: usize, width: usize) -> Vec<Row> {
    let kept = |p: &Placed, stage: u8| p.drop_at.is_none_or(|at| stage < at);
    let others = |stage: u8| -> usize {
        rows.iter()
            .filter(|p| !p.description && kept(p, stage))
            .map(|p| p.row.height())
            .sum()
    };
    let description: usize = rows
        .iter()
        .filter(|p| p.description)
        .map(|p| p.row.height())
        .sum();
    let stage = (0..STAGES)
        .find(|&stage| others(stage) + description.min(description_cap(stage)) <= height)
        .unwrap_or(STAGES - 1);
    let room = height.saturating_sub(others(stage)).min(description);
    let mut out = Vec::new();
    if others(stage) + description < height {
        // Room to spare: a blank row at the top lets the screen breathe.
        out.push(Row::Blank);
    }
    for placed in rows {
        if !kept(&placed, stage) {
            continue;
        }
        match placed.row {
            Row::Text {
                mut lines,
                style,
                indent,
            } if placed.description => {
                if room == 0 {
                    continue;
                }
                if lines.len() > room {
                    lines.truncate(room);
                    if let Some(last) = lines.last_mut() {
                        while !last.is_empty() && cells(last) + 1 > width {
                            last.pop();
                        }
                        last.push('…');
                    }
                }
                out.push(Row::Text {
                    lines,
                    style,
                    indent,
                });
            }
            row => out.push(row),
        }
    }
    out
}

/// Display width in terminal cells.
fn cells(text: &str) -> usize {
    Span::raw(text).width()
}

pub(super) use crate::tui::screens::activity::parts::wrap;
