//! `heard journal repair`: set a journal that no longer reads aside, bring back the last
//! good copy.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::{BACKUP, JOURNAL, JournalError, Store, WriteLock, fsio, pretty};
use crate::journal::Journal;

/// What repair found and did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repair {
    /// There is no journal yet: nothing to repair.
    NoJournal,
    /// The journal reads fine and was left as it is.
    Fine { sessions: usize, writable: bool },
    /// The journal was set aside and the backup put in its place.
    Restored {
        corrupt_copy: PathBuf,
        problem: String,
        sessions: usize,
    },
    /// The journal was set aside and, with no usable backup, a new empty one started.
    StartedAfresh {
        corrupt_copy: PathBuf,
        problem: String,
        /// Why the backup could not be used, when there was one.
        backup_problem: Option<String>,
    },
}

impl Store {
    /// Move a journal that does not read aside (never deleting it), and put the backup in
    /// its place when the backup reads, else an empty journal. A journal that reads, or
    /// one written by a newer heard, is left untouched.
    pub fn repair(
        &self,
        lock: &WriteLock,
        now: DateTime<FixedOffset>,
    ) -> Result<Repair, JournalError> {
        self.check_lock(lock)?;
        // Through a symbolic link to the file itself: the link stays, the file is repaired.
        let path = self.journal_file();
        if !path.exists() {
            return Ok(Repair::NoJournal);
        }
        let problem = match self.load() {
            Ok(loaded) => {
                return Ok(Repair::Fine {
                    sessions: loaded.journal.sessions.len(),
                    writable: loaded.writable,
                });
            }
            Err(JournalError::Corrupt {
                path,
                line,
                column,
                message,
            }) => format!("{}:{line}:{column}: {message}", path.display()),
            Err(other) => return Err(other),
        };

        let backup = self.backup_path();
        let (replacement, restored, backup_problem) = match crate::files::read_regular(&backup) {
            Ok(bytes) => match super::parse(&backup, &bytes) {
                Ok(loaded) => (bytes, Some(loaded.journal.sessions.len()), None),
                Err(err) => (empty_journal(&path)?, None, Some(err.to_string())),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                (empty_journal(&path)?, None, None)
            }
            Err(e) => (
                empty_journal(&path)?,
                None,
                Some(format!("{}: {e}", backup.display())),
            ),
        };
        let folder = path.parent().unwrap_or(self.dir()).to_path_buf();
        let temp = fsio::write_temp(&folder, JOURNAL, &replacement)?;
        // A repair cut short after setting the journal aside left its copy: that one is
        // used again rather than a second copy made.
        let earlier = same_file_set_aside(&path);
        let set = earlier.map_or_else(|| set_aside(&path, &corrupt_copy_name(&path, now)), Ok);
        let corrupt_copy = match set {
            Ok(copy) => copy,
            Err(e) => {
                let _ = std::fs::remove_file(&temp);
                return Err(e);
            }
        };
        fsio::rename(&temp, &path)?;
        fsio::sync_dir(&folder);
        fsio::remove_stale_temps(&folder, &[JOURNAL, BACKUP]);
        Ok(match restored {
            Some(sessions) => Repair::Restored {
                corrupt_copy,
                problem,
                sessions,
            },
            None => Repair::StartedAfresh {
                corrupt_copy,
                problem,
                backup_problem,
            },
        })
    }
}

fn empty_journal(path: &Path) -> Result<Vec<u8>, JournalError> {
    pretty(&Journal::default(), path)
}

/// `journal.json.corrupt-YYYYMMDD-HHMMSS`, with `-2`, `-3`... when that name is taken.
fn corrupt_copy_name(journal: &Path, now: DateTime<FixedOffset>) -> PathBuf {
    let stamp = now.format("%Y%m%d-%H%M%S");
    let base = format!("{JOURNAL}.corrupt-{stamp}");
    let mut candidate = journal.with_file_name(&base);
    let mut n = 2;
    while candidate.exists() {
        candidate = journal.with_file_name(format!("{base}-{n}"));
        n += 1;
    }
    candidate
}

/// A copy set aside earlier that is this very file (a hard link to it): a repair that was
/// stopped before it put the replacement in place.
fn same_file_set_aside(journal: &Path) -> Option<PathBuf> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let here = std::fs::metadata(journal).ok()?;
        let prefix = format!("{JOURNAL}.corrupt-");
        let folder = journal.parent()?;
        std::fs::read_dir(folder).ok()?.flatten().find_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let meta = entry.metadata().ok()?;
            (name.starts_with(&prefix) && meta.ino() == here.ino() && meta.dev() == here.dev())
                .then(|| entry.path())
        })
    }
    #[cfg(not(unix))]
    {
        let _ = journal;
        None
    }
}

/// Give the corrupt journal its new name. A hard link keeps journal.json in place until
/// the replacement is renamed over it, so there is never a moment without a journal.
fn set_aside(journal: &Path, copy: &Path) -> Result<PathBuf, JournalError> {
    match std::fs::hard_link(journal, copy) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(JournalError::io(
                copy,
                "cannot set the journal aside here",
                &e,
            ));
        }
        Err(_) => fsio::rename(journal, copy)?,
    }
    Ok(copy.to_path_buf())
}

/// Copies set aside by earlier repairs, oldest first.
pub fn corrupt_copies(store: &Store) -> Vec<PathBuf> {
    let prefix = format!("{JOURNAL}.corrupt-");
    let mut copies: Vec<PathBuf> = std::fs::read_dir(store.dir())
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| {
                    e.file_name()
                        .to_str()
                        .is_some_and(|n| n.starts_with(&prefix))
                })
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default();
    copies.sort();
    copies
}
