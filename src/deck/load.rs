//! Loading decks: built-in (compiled in), the user's decks folder, and `--deck PATH`.

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};

use super::check::{DeckError, MAX_DECK_BYTES, check_deck, top_level_position};
use super::{Deck, Source};

/// The decks compiled into heard: a file name in `prompts/` and its contents. To add a
/// built-in deck, put its file in `prompts/` and add one line here.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("rekindle.toml", include_str!("../../prompts/rekindle.toml")),
    (
        "daily-check-in.toml",
        include_str!("../../prompts/daily-check-in.toml"),
    ),
    (
        "state-of-us.toml",
        include_str!("../../prompts/state-of-us.toml"),
    ),
    (
        "appreciation.toml",
        include_str!("../../prompts/appreciation.toml"),
    ),
    (
        "getting-real.toml",
        include_str!("../../prompts/getting-real.toml"),
    ),
    (
        "gentle-repair.toml",
        include_str!("../../prompts/gentle-repair.toml"),
    ),
    (
        "before-the-talk.toml",
        include_str!("../../prompts/before-the-talk.toml"),
    ),
];

/// Every built-in deck that passes the checker, in the order of `BUILT_IN`. A test makes
/// sure they all pass; should one ever not, it is left out rather than stopping heard.
pub fn builtin_decks() -> Vec<Deck> {
    BUILT_IN
        .iter()
        .filter_map(|(file, contents)| {
            let path = PathBuf::from("prompts").join(file);
            let mut deck = check_deck(&path, contents.as_bytes()).ok()?;
            deck.source = Source::BuiltIn;
            Some(deck)
        })
        .collect()
}

/// A user deck that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenDeck {
    pub path: PathBuf,
    /// Never empty; the first is the one to show in a list.
    pub errors: Vec<DeckError>,
}

/// Every deck heard can offer: the built-in ones, with the user's own added or in place of
/// a built-in of the same id, and the user's decks that could not be used.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub decks: Vec<Deck>,
    pub broken: Vec<BrokenDeck>,
    /// Ids of built-in decks that a user deck replaces.
    pub replaced_built_ins: Vec<String>,
}

impl Catalog {
    /// The built-in decks, then every `*.toml` in `decks_dir` in order of file name. A folder
    /// that does not exist simply holds no decks; nothing here ever fails.
    pub fn load(decks_dir: &Path) -> Catalog {
        let mut catalog = Catalog {
            decks: builtin_decks(),
            ..Catalog::default()
        };
        let files = match deck_files(decks_dir) {
            Ok(files) => files,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(err) => {
                catalog.broken.push(BrokenDeck {
                    path: decks_dir.to_path_buf(),
                    errors: vec![DeckError::whole_file(
                        decks_dir,
                        format!("cannot read your decks folder: {err}"),
                    )],
                });
                Vec::new()
            }
        };
        for path in files {
            catalog.add_user_file(path);
        }
        catalog
    }

    /// Only the built-in decks (the demo reads nothing from the user's folders).
    pub fn built_in() -> Catalog {
        Catalog {
            decks: builtin_decks(),
            ..Catalog::default()
        }
    }

    /// The deck with this id, if there is one.
    pub fn get(&self, id: &str) -> Option<&Deck> {
        self.decks.iter().find(|deck| deck.id == id)
    }

    /// Whether this deck is a user deck in place of a built-in one.
    pub fn overrides_built_in(&self, deck: &Deck) -> bool {
        matches!(deck.source, Source::File(_)) && self.replaced_built_ins.contains(&deck.id)
    }

    fn add_user_file(&mut self, path: PathBuf) {
        let bytes = match read_deck_file(&path) {
            Ok(bytes) => bytes,
            Err(err) => {
                let error = DeckError::whole_file(&path, format!("cannot read: {err}"));
                self.broken.push(BrokenDeck {
                    path,
                    errors: vec![error],
                });
                return;
            }
        };
        let deck = match check_deck(&path, &bytes) {
            Ok(deck) => deck,
            Err(errors) => {
                self.broken.push(BrokenDeck { path, errors });
                return;
            }
        };
        match self.decks.iter().position(|d| d.id == deck.id) {
            None => self.decks.push(deck),
            Some(i) => match &self.decks[i].source {
                // The user's deck takes the built-in's place in the list.
                Source::BuiltIn => {
                    self.replaced_built_ins.push(deck.id.clone());
                    self.decks[i] = deck;
                }
                Source::File(first) => {
                    let error = same_id_error(&path, &bytes, &deck.id, first);
                    self.broken.push(BrokenDeck {
                        path,
                        errors: vec![error],
                    });
                }
            },
        }
    }
}

fn same_id_error(path: &Path, bytes: &[u8], id: &str, first: &Path) -> DeckError {
    let message = format!(
        "the deck id `{id}` is already used by {}; give one of them another id",
        first.display()
    );
    let position = std::str::from_utf8(bytes)
        .ok()
        .and_then(|source| top_level_position(source, "id"));
    match position {
        Some((line, column)) => DeckError {
            path: path.to_path_buf(),
            line,
            column,
            message,
        },
        None => DeckError::whole_file(path, message),
    }
}

/// The `*.toml` files of a folder, sorted by file name. Hidden files are left out, as a
/// shell's `*.toml` would.
fn deck_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || path.extension().is_none_or(|ext| ext != "toml") {
            continue;
        }
        // A folder named like a deck is not one; a link that leads nowhere is kept, so it
        // shows up as a deck that cannot be read.
        if path.is_dir() {
            continue;
        }
        files.push(path);
    }
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(files)
}

/// Read a deck file, but never more than one byte past the limit: the checker only needs
/// to know that it is too big.
pub fn read_deck_file(path: &Path) -> std::io::Result<Vec<u8>> {
    crate::files::read_prefix(path, MAX_DECK_BYTES as u64)
}

/// Whether `--deck` names a file rather than a deck id.
fn looks_like_path(id_or_path: &str) -> bool {
    id_or_path.contains('/')
        || id_or_path.contains(std::path::MAIN_SEPARATOR)
        || id_or_path.ends_with(".toml")
        || Path::new(id_or_path).is_file()
}

/// The deck a user asked for with `--deck ID|PATH` or `heard decks show`.
pub fn resolve(catalog: &Catalog, id_or_path: &str) -> Result<Deck> {
    if looks_like_path(id_or_path) {
        let path = Path::new(id_or_path);
        let bytes = read_deck_file(path)
            .map_err(|err| anyhow!("cannot read the deck file {}: {err}", path.display()))?;
        return check_deck(path, &bytes).map_err(|errors| {
            let first = errors
                .first()
                .map_or_else(|| path.display().to_string(), ToString::to_string);
            anyhow!(
                "{first}; run `heard decks check {}` to see every problem",
                path.display()
            )
        });
    }
    if let Some(deck) = catalog.get(id_or_path) {
        return Ok(deck.clone());
    }
    let shown = crate::text::one_line(id_or_path);
    let hint = near_miss(catalog, id_or_path)
        .map(|id| format!(" (did you mean `{id}`?)"))
        .unwrap_or_default();
    if catalog.broken.is_empty() {
        bail!("no deck called `{shown}`{hint}; `heard decks list` shows them all");
    }
    bail!(
        "no deck called `{shown}`{hint}; `heard decks list` shows them all, and why {} of your decks could not be used",
        catalog.broken.len()
    )
}

/// The deck id closest to `asked` (in any case), when it is a near miss: at most a third
/// of its letters off, and at most 3. Of equals, the first in the catalog.
fn near_miss<'a>(catalog: &'a Catalog, asked: &str) -> Option<&'a str> {
    let asked = asked.trim().to_lowercase();
    let most = (asked.chars().count() / 3).clamp(1, 3);
    catalog
        .decks
        .iter()
        .map(|deck| {
            (
                edit_distance(&asked, &deck.id.to_lowercase()),
                deck.id.as_str(),
            )
        })
        .filter(|(distance, _)| *distance <= most)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, id)| id)
}

/// Levenshtein distance over characters: insertions, deletions and substitutions.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_each_change() {
        assert_eq!(edit_distance("rekindle", "rekindle"), 0);
        assert_eq!(edit_distance("rekindel", "rekindle"), 2);
        assert_eq!(edit_distance("rekindl", "rekindle"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn a_near_miss_names_the_deck_and_a_far_one_does_not() {
        let catalog = Catalog::built_in();
        let err = resolve(&catalog, "rekindel").unwrap_err().to_string();
        assert!(err.contains("did you mean `rekindle`?"), "{err}");
        let err = resolve(&catalog, "Getting-Reel").unwrap_err().to_string();
        assert!(err.contains("did you mean `getting-real`?"), "{err}");
        let err = resolve(&catalog, "nope").unwrap_err().to_string();
        assert!(!err.contains("did you mean"), "{err}");
    }
}
