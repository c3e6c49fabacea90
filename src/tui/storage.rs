//! Where the TUI keeps talks: the real journal on disk, a read-only view (`--no-save`), or
//! memory only (the therapist demo). Screens never touch files themselves.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::journal::store::{JournalError, Seen, Store, WriteLock};
use crate::journal::{Journal, Session};
use crate::talk::Talk;

/// The talk in progress as saved in in-progress.json.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Draft {
    pub format: String,
    pub version: u32,
    pub talk: Talk,
}

pub const DRAFT_FORMAT: &str = "heard-draft";

impl Draft {
    pub fn new(talk: Talk) -> Draft {
        Draft {
            format: DRAFT_FORMAT.to_string(),
            version: 1,
            talk,
        }
    }
}

/// A storage error as the couple reads it on screen: the plain reason first (a notice
/// line may be cut at the window's edge), then where.
fn told(error: JournalError) -> String {
    match error {
        JournalError::Disk { path, reason, .. } => {
            // A temp file's name means nothing to anyone: name its folder instead.
            let temp = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            let folder = if temp {
                path.parent().unwrap_or(&path)
            } else {
                &path
            };
            format!(
                "{reason} (in {})",
                crate::text::one_line(&folder.display().to_string())
            )
        }
        other => other.to_string(),
    }
}

/// What happened to a finished or unfinished talk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// In the journal at this path.
    Journal(PathBuf),
    /// Kept in memory for this run only (demo).
    Memory,
    /// Not kept, as asked (`--no-save`).
    NotKept,
}

pub enum Storage {
    /// The user's own journal. The writer lock is taken when a talk starts and released
    /// when it has been saved or set aside.
    Disk {
        store: Store,
        journal: Journal,
        writable: bool,
        lock: Option<WriteLock>,
        /// How journal.json looked when `journal` was read from it: while it still looks
        /// so, `journal` is what is on disk and a save need not read it again.
        seen: Option<Seen>,
    },
    /// Reads the journal (for history and "your usual") but writes nothing at all.
    NoSave { journal: Journal },
    /// The demo: a journal in memory, a draft in memory, no file touched.
    Memory {
        journal: Journal,
        draft: Option<Box<Talk>>,
    },
}

impl Storage {
    /// The user's journal, read now. A journal that does not read stops here, before any
    /// screen, with its file, line and column.
    pub fn open_disk(store: Store) -> Result<Storage, JournalError> {
        let (loaded, seen) = store.load_seen()?;
        Ok(Storage::Disk {
            store,
            journal: loaded.journal,
            writable: loaded.writable,
            lock: None,
            seen,
        })
    }

    pub fn journal(&self) -> &Journal {
        match self {
            Storage::Disk { journal, .. }
            | Storage::NoSave { journal }
            | Storage::Memory { journal, .. } => journal,
        }
    }

    /// Where the talk in progress is saved, when it is saved to a file at all.
    pub fn draft_path(&self) -> Option<PathBuf> {
        match self {
            Storage::Disk { store, .. } => Some(store.draft_path()),
            Storage::NoSave { .. } | Storage::Memory { .. } => None,
        }
    }

    /// A line to show on the home screen when talks will not be kept.
    pub fn caveat(&self) -> Option<&'static str> {
        match self {
            Storage::Disk {
                writable: false, ..
            } => Some(
                "This journal was written by a newer heard: you can look back, but new talks will not be saved.",
            ),
            Storage::NoSave { .. } => Some("Nothing from this run will be saved."),
            _ => None,
        }
    }

    /// Become the writer for a talk. Says plainly when another heard is writing.
    pub fn begin_talk(&mut self) -> Result<(), String> {
        if let Storage::Disk {
            store,
            lock: lock @ None,
            writable: true,
            ..
        } = self
        {
            *lock = Some(store.lock().map_err(told)?);
        }
        Ok(())
    }

    /// Stop being the writer; the draft stays for next time.
    pub fn end_talk(&mut self) {
        if let Storage::Disk { lock, .. } = self {
            *lock = None;
        }
    }

    /// Whether another heard is writing to this journal right now (a talk in another
    /// window): then its talk in progress is not ours to offer.
    pub fn other_writer(&self) -> bool {
        match self {
            Storage::Disk {
                store, lock: None, ..
            } => matches!(store.lock(), Err(JournalError::Busy { .. })),
            _ => false,
        }
    }

    /// The leftover talk from an earlier run, if any.
    pub fn leftover_draft(&self) -> Result<Option<Talk>, String> {
        match self {
            Storage::Disk { store, .. } => store
                .read_draft::<Draft>()
                .map(|d| d.map(|d| d.talk))
                .map_err(told),
            Storage::NoSave { .. } => Ok(None),
            Storage::Memory { draft, .. } => Ok(draft.as_deref().cloned()),
        }
    }

    /// Save the talk in progress so a crash or a closed window loses nothing.
    pub fn save_draft(&mut self, talk: &Talk) -> Result<(), String> {
        match self {
            Storage::Disk {
                store,
                lock: Some(lock),
                ..
            } => store
                .write_draft(lock, &Draft::new(talk.clone()))
                .map_err(told),
            Storage::Disk { .. } | Storage::NoSave { .. } => Ok(()),
            Storage::Memory { draft, .. } => {
                *draft = Some(Box::new(talk.clone()));
                Ok(())
            }
        }
    }

    /// Forget the talk in progress and let another heard write again.
    pub fn discard_draft(&mut self) -> Result<(), String> {
        match self {
            Storage::Disk { store, lock, .. } => {
                if let Some(held) = lock.as_ref() {
                    store.remove_draft(held).map_err(told)?;
                } else if store.draft_path().exists() {
                    let held = store.lock().map_err(told)?;
                    store.remove_draft(&held).map_err(told)?;
                }
                *lock = None;
                Ok(())
            }
            Storage::NoSave { .. } => Ok(()),
            Storage::Memory { draft, .. } => {
                *draft = None;
                Ok(())
            }
        }
    }

    /// Add a talk to the journal and remove its draft. On an error nothing is lost: the
    /// draft stays, and saving can be tried again.
    pub fn keep(&mut self, session: Session) -> Result<Saved, String> {
        match self {
            Storage::Disk {
                store,
                journal,
                writable,
                lock,
                seen,
            } => {
                if !*writable {
                    return Ok(Saved::NotKept);
                }
                let held = match lock {
                    Some(held) => held,
                    None => lock.insert(store.lock().map_err(told)?),
                };
                store
                    .append_seen(held, journal, seen, session)
                    .map_err(told)?;
                let removed = store.remove_draft(held).map_err(told);
                *lock = None;
                // The talk is in the journal; a draft left behind only offers it again.
                removed?;
                Ok(Saved::Journal(store.journal_path()))
            }
            Storage::NoSave { journal } => {
                // Shown in this run's history and summary, never written.
                journal.sessions.push(session);
                Ok(Saved::NotKept)
            }
            Storage::Memory { journal, draft } => {
                journal.sessions.push(session);
                *draft = None;
                Ok(Saved::Memory)
            }
        }
    }
}
