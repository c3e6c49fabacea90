//! Reading and writing journal.json safely: atomic replace, backup, one writer at a time.

use std::path::{Path, PathBuf};

use super::{FORMAT, Journal, VERSION};

/// Why the journal could not be read or written. Every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error(
        "{}:{line}:{column}: the journal does not read as a heard journal ({message}); run `heard journal repair` to set it aside and restore the last good copy",
        .path.display()
    )]
    Corrupt {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{}: {message}", .path.display())]
    Io { path: PathBuf, message: String },
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
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Loaded {
                journal: Journal::default(),
                writable: true,
            });
        }
        Err(e) => {
            return Err(JournalError::Io {
                path: path.to_path_buf(),
                message: format!("cannot read the journal: {e}"),
            });
        }
    };
    parse(path, &bytes)
}

/// Parse journal bytes read from `path` (named in errors).
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Loaded, JournalError> {
    let journal: Journal = serde_json::from_slice(bytes).map_err(|e| JournalError::Corrupt {
        path: path.to_path_buf(),
        line: e.line().max(1),
        column: e.column().max(1),
        message: e.to_string(),
    })?;
    if journal.format != FORMAT {
        return Err(JournalError::Corrupt {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message: format!("\"format\" is {:?}, not {FORMAT:?}", journal.format),
        });
    }
    let writable = journal.version <= VERSION;
    Ok(Loaded { journal, writable })
}
