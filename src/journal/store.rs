//! Reading and writing journal.json safely: atomic replace, backup, one writer at a time.

use std::path::{Path, PathBuf};

use super::Journal;

/// Why the journal could not be read or written. Every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("{path}:{line}:{column}: the journal does not read as JSON ({message}); run `heard journal repair` to restore the last good copy", path = .path.display())]
    Corrupt {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}: {message}", .path.display())]
    Other { path: PathBuf, message: String },
}

/// A journal as read from disk.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub journal: Journal,
    /// False when the file was written by a newer heard (version above 1): read, never write.
    pub writable: bool,
}

/// Read the journal at `path`; a missing file is an empty journal.
pub fn load(path: &Path) -> Result<Loaded, JournalError> {
    let _ = path;
    todo!("journal store helper")
}
