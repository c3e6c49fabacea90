//! Making text from decks and journals safe to show: no control characters or escape
//! sequences ever reach the terminal.

use std::borrow::Cow;

/// Characters that could move the cursor, change colours, reorder text on screen, or make
/// a terminal and heard disagree on how wide a line is: C0 and C1 controls (ESC among
/// them), DEL, the Unicode bidi overrides, isolates and marks, the line and paragraph
/// separators, and the invisible zero-width space, word joiner and byte-order mark. The
/// zero-width joiners that build emoji and some scripts' words stay.
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{200B}'
                | '\u{2060}'
                | '\u{FEFF}'
        )
}

/// The invisible characters that take no column: shown as nothing at all.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Text for display on one line: newlines, tabs and the line and paragraph separators
/// become spaces, invisible zero-width characters go, other unsafe characters become
/// U+FFFD (so a tampered text shows that it was).
pub fn one_line(text: &str) -> Cow<'_, str> {
    if text
        .chars()
        .all(|c| !is_unsafe_char(c) && c != '\n' && c != '\t')
    {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter(|c| !is_invisible(*c))
            .map(|c| match c {
                '\n' | '\t' | '\u{2028}' | '\u{2029}' => ' ',
                c if is_unsafe_char(c) => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

/// Text for display that may span lines: newlines and tabs stay, the line and paragraph
/// separators become newlines, invisible zero-width characters go, other unsafe
/// characters become U+FFFD.
pub fn multi_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe_char) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter(|c| !is_invisible(*c))
            .map(|c| match c {
                '\u{2028}' | '\u{2029}' => '\n',
                c if is_unsafe_char(c) => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

/// How many terminal columns `text` takes: an emoji or a CJK character takes two.
pub fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// `text` cut to at most `columns` terminal columns (never half a wide character).
pub fn cut_to(text: &str, columns: usize) -> &str {
    let mut used = 0;
    for (at, c) in text.char_indices() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > columns {
            return &text[..at];
        }
        used += w;
    }
    text
}

/// `text` cut to `columns` terminal columns and padded with spaces to exactly that many.
pub fn fit(text: &str, columns: usize) -> String {
    let cut = cut_to(text, columns);
    format!("{cut}{}", " ".repeat(columns - width(cut)))
}

/// `text` padded on the left with spaces to at least `columns` terminal columns.
pub fn right(text: &str, columns: usize) -> String {
    format!("{}{text}", " ".repeat(columns.saturating_sub(width(text))))
}

/// `text` padded on the right with spaces to at least `columns` terminal columns.
pub fn left(text: &str, columns: usize) -> String {
    format!("{text}{}", " ".repeat(columns.saturating_sub(width(text))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_defused() {
        assert_eq!(one_line("a\x1b[2Jb"), "a\u{FFFD}[2Jb");
        assert_eq!(multi_line("line\nnext\x07"), "line\nnext\u{FFFD}");
        assert_eq!(one_line("right\u{202E}left"), "right\u{FFFD}left");
    }

    #[test]
    fn what_would_shift_columns_takes_none_or_one() {
        // Invisible characters go; the separators break a line as a newline does.
        assert_eq!(one_line("Z\u{200B}o\u{2060}ë\u{FEFF}"), "Zoë");
        assert_eq!(one_line("one\u{2028}two\u{2029}"), "one two ");
        assert_eq!(multi_line("one\u{2028}two\u{200B}"), "one\ntwo");
        // Emoji built with zero-width joiners stay whole.
        assert_eq!(one_line("👩\u{200D}👩\u{200D}👧"), "👩\u{200D}👩\u{200D}👧");
        for text in ["a\u{200B}b", "a\u{2028}b", "a\u{1b}]52;c;x\u{7}b"] {
            assert!(!one_line(text).chars().any(is_unsafe_char), "{text:?}");
            assert!(!multi_line(text).chars().any(is_unsafe_char), "{text:?}");
        }
    }

    #[test]
    fn plain_text_is_not_copied() {
        assert!(matches!(one_line("Ana 💬 Ben"), Cow::Borrowed(_)));
    }

    #[test]
    fn wide_characters_are_measured_in_columns() {
        assert_eq!(width("Bén 😀"), 6);
        assert_eq!(width("山田"), 4);
        assert_eq!(fit("山田太郎", 5), "山田 ");
        assert_eq!(fit("Bén", 5), "Bén  ");
        assert_eq!(right("😀", 4), "  😀");
        assert_eq!(left("山", 3), "山 ");
    }
}

/// The 1-based line and column (counted in characters) of a byte offset in `source`.
/// An offset past the end, or inside a character, points at the nearest place before it.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod line_col_tests {
    use super::line_col;

    #[test]
    fn counts_lines_and_characters_from_one() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 6), (2, 1));
        // 'é' is two bytes: the '=' after "bé " is the 4th character.
        assert_eq!(line_col(text, 10), (2, 4));
        assert_eq!(line_col(text, 999), (3, 1));
    }
}
