//! Reading journal bytes: what a heard journal must look like, and where it went wrong.

use std::path::Path;

use serde_json::Value;

use super::{JournalError, Loaded};
use crate::journal::{FORMAT, Journal, VERSION};
use crate::text::one_line;

/// Read the journal at `path`; a missing file is an empty journal.
pub fn load(path: &Path) -> Result<Loaded, JournalError> {
    let bytes = match crate::files::read_regular(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Loaded {
                journal: Journal::default(),
                writable: true,
            });
        }
        Err(e) => {
            return Err(JournalError::io_reading(
                path,
                "cannot read the journal",
                &e,
            ));
        }
    };
    parse(path, &bytes)
}

/// Parse journal bytes read from `path` (named in errors).
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Loaded, JournalError> {
    // Some editors start a saved file with a byte order mark; it is still a journal, and
    // positions are counted from the first visible character.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // The common case, a good journal, is read in one pass straight into the types.
    // Anything else is looked at again, slowly, to say what is wrong and where.
    if let Ok(journal) = serde_json::from_slice::<Journal>(bytes)
        && journal.format == FORMAT
    {
        let writable = journal.version <= VERSION;
        return Ok(Loaded { journal, writable });
    }
    diagnose(path, bytes)
}

/// Why `bytes` is not a journal this heard can read, or the journal after all.
fn diagnose(path: &Path, bytes: &[u8]) -> Result<Loaded, JournalError> {
    // Messages may quote the file, so they are made safe for the terminal here.
    let corrupt = |line: usize, column: usize, message: String| JournalError::Corrupt {
        path: path.to_path_buf(),
        line,
        column,
        message: one_line(&message).into_owned(),
    };
    // Syntax first, so a typo is reported where it is, whatever the content.
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        let (line, column) = position_of(&e);
        corrupt(line, column, without_position(&e))
    })?;
    let Value::Object(fields) = &value else {
        let (line, column) = line_column(bytes, first_token(bytes));
        return Err(corrupt(
            line,
            column,
            format!("it holds {}, not a heard journal", describe(&value)),
        ));
    };
    match fields.get("format") {
        None => {
            let (line, column) = line_column(bytes, first_token(bytes));
            return Err(corrupt(
                line,
                column,
                format!("there is no \"format\": \"{FORMAT}\", so this is not a heard journal"),
            ));
        }
        Some(Value::String(format)) if format == FORMAT => {}
        Some(other) => {
            let at = top_level_value_offset(bytes, "format").unwrap_or(0);
            let (line, column) = line_column(bytes, at);
            return Err(corrupt(
                line,
                column,
                format!("\"format\" is {other}, not \"{FORMAT}\"; this is not a heard journal"),
            ));
        }
    }
    let version = fields.get("version").and_then(Value::as_u64);
    let journal: Journal = serde_json::from_slice(bytes).map_err(|e| {
        let (line, column) = position_of(&e);
        match version {
            Some(version) if version > VERSION => JournalError::TooNew {
                path: path.to_path_buf(),
                line,
                column,
                version,
                message: without_position(&e),
            },
            _ => corrupt(line, column, without_position(&e)),
        }
    })?;
    let writable = journal.version <= VERSION;
    Ok(Loaded { journal, writable })
}

/// Where the top-level `version` value is written, for messages about a newer journal.
pub(super) fn version_position(bytes: &[u8]) -> (usize, usize) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let at = top_level_value_offset(bytes, "version").unwrap_or_else(|| first_token(bytes));
    line_column(bytes, at)
}

fn position_of(e: &serde_json::Error) -> (usize, usize) {
    (e.line().max(1), e.column().max(1))
}

/// serde_json's message without its trailing " at line L column C": the position is
/// already at the front of our message.
pub(super) fn without_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let message = match text.rsplit_once(" at line ") {
        Some((message, _)) => message,
        None => &text,
    };
    one_line(message).into_owned()
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Byte offset of the first thing that is not white space.
fn first_token(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0)
}

/// 1-based line and column (in characters) of byte offset `at`.
pub(super) fn line_column(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at.min(bytes.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let column = 1 + String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count();
    (line, column)
}

/// Byte offset of the value of `key` in the top-level object of `bytes`, which must
/// already be known to be valid JSON.
fn top_level_value_offset(bytes: &[u8], key: &str) -> Option<usize> {
    let skip_space = |mut i: usize| {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let end = (i + 1).min(bytes.len());
                i = end;
                let after = skip_space(i);
                if depth == 1 && bytes.get(after) == Some(&b':') {
                    let name: Option<String> = serde_json::from_slice(&bytes[start..end]).ok();
                    if name.as_deref() == Some(key) {
                        return Some(skip_space(after + 1));
                    }
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corrupt_at(text: &str) -> (usize, usize, String) {
        match parse(Path::new("j.json"), text.as_bytes()) {
            Err(JournalError::Corrupt {
                line,
                column,
                message,
                ..
            }) => (line, column, message),
            other => panic!("expected a corrupt journal, got {other:?}"),
        }
    }

    #[test]
    fn a_foreign_format_points_at_its_value() {
        let (line, column, message) =
            corrupt_at("{\n  \"sessions\": [{\"format\": 1}],\n  \"format\": \"todo-list\"\n}");
        assert_eq!((line, column), (3, 13));
        assert!(message.contains("todo-list"), "{message}");
    }

    #[test]
    fn a_byte_order_mark_is_not_a_problem() {
        let text = "\u{FEFF}{\"format\": \"heard-journal\", \"version\": 1, \"sessions\": []}";
        assert!(
            parse(Path::new("j.json"), text.as_bytes())
                .unwrap()
                .writable
        );
    }

    #[test]
    fn a_list_is_not_a_journal() {
        let (line, column, message) = corrupt_at("\n  [1, 2]");
        assert_eq!((line, column), (2, 3));
        assert!(message.contains("a list"), "{message}");
    }

    #[test]
    fn a_syntax_error_keeps_its_position() {
        let (line, column, message) =
            corrupt_at("{\"format\": \"heard-journal\",\n \"version\": 1,,}");
        assert_eq!(line, 2);
        assert_eq!(column, 15);
        assert!(!message.contains("at line"), "{message}");
    }

    #[test]
    fn a_newer_journal_that_does_not_fit_says_so() {
        let text = r#"{"format": "heard-journal", "version": 3, "sessions": {"new": "shape"}}"#;
        match parse(Path::new("j.json"), text.as_bytes()) {
            Err(err @ JournalError::TooNew { version: 3, .. }) => {
                let message = err.to_string();
                assert!(message.contains("newer heard (version 3)"), "{message}");
            }
            other => panic!("expected TooNew, got {other:?}"),
        }
    }

    #[test]
    fn a_newer_journal_that_fits_is_read_only() {
        let text = r#"{"format": "heard-journal", "version": 2, "sessions": [], "tags": []}"#;
        let loaded = parse(Path::new("j.json"), text.as_bytes()).unwrap();
        assert!(!loaded.writable);
        assert_eq!(loaded.journal.version, 2);
    }
}
