//! Reading one value of a deck: text, numbers, lists, ids, keys, control characters.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::Found;
pub(super) type Value<'i> = Spanned<DeValue<'i>>;

/// A string, key or value, shown inside a message: in backticks, with anything that could
/// upset a terminal written as an escape.
pub(super) fn quoted(text: &str) -> String {
    let mut out = String::from("`");
    for c in text.chars() {
        if crate::text::is_unsafe_char(c) || c == '\n' || c == '\t' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out.push('`');
    out
}

fn is_forbidden_control(text: &str) -> Option<char> {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        // A Windows line ending inside a multi-line string is still just a newline.
        if c == '\r' && chars.peek() == Some(&'\n') {
            continue;
        }
        if c.is_control() && c != '\n' && c != '\t' {
            return Some(c);
        }
    }
    None
}

fn control_message(what: &str, c: char) -> String {
    format!(
        "{what} has a control character ({}) in it; only newlines and tabs are allowed",
        c.escape_unicode()
    )
}

pub(super) fn find_control_characters_in_table(table: &DeTable<'_>, found: &mut Found<'_>) {
    for (key, value) in table.iter() {
        if let Some(c) = is_forbidden_control(key.get_ref()) {
            found.push(key.span().start, control_message("this key", c));
        }
        find_control_characters(value, found);
    }
}

fn find_control_characters(value: &Value<'_>, found: &mut Found<'_>) {
    match value.get_ref() {
        DeValue::String(text) => {
            if let Some(c) = is_forbidden_control(text) {
                found.push(value.span().start, control_message("this text", c));
            }
        }
        DeValue::Array(items) => items
            .iter()
            .for_each(|item| find_control_characters(item, found)),
        DeValue::Table(table) => find_control_characters_in_table(table, found),
        _ => {}
    }
}

/// Unknown keys are errors at the key, with the closest known key when one is near.
pub(super) fn check_keys(table: &DeTable<'_>, known: &[&str], found: &mut Found<'_>) {
    for key in table.keys() {
        let name: &str = key.get_ref();
        if known.contains(&name) {
            continue;
        }
        let message = match closest(name, known) {
            Some(near) => format!("unknown key {}; did you mean `{near}`?", quoted(name)),
            None => format!(
                "unknown key {}; the keys here are {}",
                quoted(name),
                known.join(", ")
            ),
        };
        found.push(key.span().start, message);
    }
}

/// The known key within two edits (a swap of two letters is one) of a typo, if any.
fn closest<'k>(typo: &str, known: &[&'k str]) -> Option<&'k str> {
    let typo = typo.to_lowercase();
    known
        .iter()
        .map(|k| (edit_distance(&typo, k), *k))
        .filter(|(d, k)| *d <= 2 && *d < k.chars().count())
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// A whole number, if the value is one that fits in an i64.
pub(super) fn integer(value: &DeValue<'_>) -> Option<Result<i64, ()>> {
    let int = value.as_integer()?;
    Some(i64::from_str_radix(int.as_str(), int.radix()).map_err(|_| ()))
}

/// An optional string key: its value when it is a string, an error when it is not.
pub(super) fn optional_text<'t>(
    table: &'t DeTable<'_>,
    key: &str,
    found: &mut Found<'_>,
) -> Option<(&'t str, Range<usize>)> {
    let value = table.get(key)?;
    match value.get_ref().as_str() {
        Some(text) => Some((text, value.span())),
        None => {
            found.push(
                value.span().start,
                format!(
                    "`{key}` must be text in quotes, not {}",
                    a_type(value.get_ref())
                ),
            );
            None
        }
    }
}

pub(super) fn a_type(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "text",
        DeValue::Integer(_) => "a number",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "true or false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// A list of strings (`followups`, `tags`): the strings, with an error at every item that
/// is not one.
pub(super) fn text_list(value: &Value<'_>, key: &str, found: &mut Found<'_>) -> Vec<String> {
    let Some(items) = value.get_ref().as_array() else {
        found.push(
            value.span().start,
            format!("`{key}` must be a list of text, like [\"...\", \"...\"]"),
        );
        return Vec::new();
    };
    let mut list = Vec::new();
    for item in items.iter() {
        match item.get_ref().as_str() {
            Some(text) => list.push(text.to_owned()),
            None => found.push(
                item.span().start,
                format!(
                    "each item of `{key}` must be text in quotes, not {}",
                    a_type(item.get_ref())
                ),
            ),
        }
    }
    list
}

/// An id (deck or prompt): `what` names it in messages.
pub(super) fn check_id(
    text: &str,
    offset: usize,
    what: &str,
    max: Option<usize>,
    found: &mut Found<'_>,
) {
    if text.is_empty() {
        found.push(
            offset,
            format!("{what} is empty; use a short name of a-z, 0-9 and -"),
        );
        return;
    }
    let count = text.chars().count();
    if let Some(max) = max.filter(|max| count > *max) {
        found.push(
            offset,
            format!("{what} is {count} characters long; it can be at most {max}"),
        );
    }
    if let Some(bad) = text
        .chars()
        .find(|c| !matches!(c, 'a'..='z' | '0'..='9' | '-'))
    {
        found.push(
            offset,
            format!(
                "{what} can only use a-z, 0-9 and - (found {})",
                quoted(&bad.to_string())
            ),
        );
    }
}
