//! Checking a deck file against every rule of the deck format, with line and column.

mod rules;
mod values;

use std::path::{Path, PathBuf};

use toml::de::DeTable;

use super::{Deck, Source};
use crate::text::line_col as line_column;

/// The largest deck file heard reads; bigger files are refused before parsing.
pub const MAX_DECK_BYTES: usize = 1_048_576;

/// The longest a deck id may be, in characters.
pub const MAX_ID_CHARS: usize = 40;
/// The longest a deck title may be, in characters.
pub const MAX_TITLE_CHARS: usize = 80;
/// The longest a prompt's text may be, in characters.
pub const MAX_TEXT_CHARS: usize = 1000;

/// One broken rule in a deck file, at a 1-based line and column (columns count characters).
///
/// A line of 0 means the problem is with the file as a whole (it cannot be read, or another
/// deck already uses its id); it is then shown as `PATH: message`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct DeckError {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for DeckError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = self.path.display();
        if self.line == 0 {
            write!(f, "{path}: {}", self.message)
        } else {
            write!(f, "{path}:{}:{}: {}", self.line, self.column, self.message)
        }
    }
}

impl DeckError {
    /// A problem with the file as a whole, with no position in it.
    pub fn whole_file(path: &Path, message: impl Into<String>) -> DeckError {
        DeckError {
            path: path.to_path_buf(),
            line: 0,
            column: 0,
            message: message.into(),
        }
    }
}

/// Check a deck file's bytes against every rule; the deck, or every error found, sorted by
/// position.
pub fn check_deck(path: &Path, bytes: &[u8]) -> Result<Deck, Vec<DeckError>> {
    if bytes.len() > MAX_DECK_BYTES {
        let message = "this file is larger than 1 MiB (1048576 bytes), the most a deck can be; \
                       split it into smaller decks";
        return Err(vec![at(path, 1, 1, message)]);
    }
    let source = match std::str::from_utf8(bytes) {
        Ok(source) => source,
        Err(err) => {
            let valid = &bytes[..err.valid_up_to()];
            // The valid prefix is UTF-8 by definition, so this never falls back.
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            let prefix = prefix.strip_prefix('\u{feff}').unwrap_or(prefix);
            let (line, column) = line_column(prefix, prefix.len());
            let byte = bytes[err.valid_up_to()];
            let message = format!(
                "this file is not UTF-8 text (byte 0x{byte:02x} here); save it as UTF-8 in your editor"
            );
            return Err(vec![at(path, line, column, message)]);
        }
    };
    // Editors do not show a byte order mark, so columns are counted without it.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);

    let mut found = Found::new(source);
    // Only the parser's first error: what follows it is often an echo of the same mistake.
    let root = match DeTable::parse(source) {
        Ok(root) => root,
        Err(err) => {
            let offset = err.span().map_or(0, |span| span.start);
            found.push(offset, format!("not valid TOML: {}", err.message()));
            return Err(found.into_errors(path));
        }
    };

    let root_table = root.get_ref();
    values::find_control_characters_in_table(root_table, &mut found);
    let deck = rules::check_root(root_table, root.span(), &mut found);
    match deck {
        Some(mut deck) if found.errors.is_empty() => {
            deck.source = Source::File(path.to_path_buf());
            Ok(deck)
        }
        _ => Err(found.into_errors(path)),
    }
}

/// Where the value of a top-level key starts, as a 1-based line and column; for pointing at
/// a deck's `id` when the problem is found after checking (two decks with one id).
pub fn top_level_position(source: &str, key: &str) -> Option<(usize, usize)> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let root = DeTable::parse(source).ok()?;
    let value = root.get_ref().get(key)?;
    Some(line_column(source, value.span().start))
}

fn at(path: &Path, line: usize, column: usize, message: impl Into<String>) -> DeckError {
    DeckError {
        path: path.to_path_buf(),
        line,
        column,
        message: message.into(),
    }
}

/// The errors found so far in one file, as byte offsets and messages.
struct Found<'s> {
    source: &'s str,
    errors: Vec<(usize, String)>,
}

impl<'s> Found<'s> {
    fn new(source: &'s str) -> Self {
        Found {
            source,
            errors: Vec::new(),
        }
    }

    fn push(&mut self, offset: usize, message: impl Into<String>) {
        self.errors.push((offset, message.into()));
    }

    fn line_of(&self, offset: usize) -> usize {
        line_column(self.source, offset).0
    }

    fn into_errors(mut self, path: &Path) -> Vec<DeckError> {
        // Stable: two errors at one spot keep the order they were found in.
        self.errors.sort_by_key(|(offset, _)| *offset);
        self.errors
            .into_iter()
            .map(|(offset, message)| {
                let (line, column) = line_column(self.source, offset);
                at(path, line, column, message)
            })
            .collect()
    }
}
