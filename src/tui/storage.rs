//! Where the TUI keeps talks: the real journal on disk, a read-only view (`--no-save`), or
//! memory only (the therapist demo). Screens never touch files themselves; the app speaks
//! to storage only in activities and sessions.

mod loading;

use std::path::PathBuf;

pub use loading::Loading;

use crate::activity::Activity;
use crate::deck::load::Catalog;
use crate::journal::couples::CoupleKey;
use crate::journal::draft::{Draft, DraftError};
use crate::journal::store::{JournalError, Seen, Store, WriteLock};
use crate::journal::{Journal, Session};

/// Why storage could not do what was asked. Shown to the couple as one plain line.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("{}", told(.0))]
    Journal(#[from] JournalError),
    #[error("the talk in progress cannot be resumed: {0}")]
    Draft(#[from] DraftError),
    #[error("the journal could not be read (reading it stopped unexpectedly); try again")]
    ReadingStopped,
}

/// A storage error as the couple reads it on screen: the plain reason first (a notice
/// line may be cut at the window's edge), then where.
fn told(error: &JournalError) -> String {
    match error {
        JournalError::Disk { path, reason, .. } => {
            // A temp file's name means nothing to anyone: name its folder instead.
            let temp = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            let folder = if temp {
                path.parent().unwrap_or(path)
            } else {
                path
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
    /// Not kept: the journal is from a newer heard, which this one does not write.
    NewerJournal,
}

/// A talk in progress found from an earlier run, and the text that was being typed.
#[derive(Debug, Clone)]
pub struct Leftover {
    pub activity: Activity,
    pub typed: Option<String>,
}

// One storage per app: the size of its largest variant costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
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
        /// The journal (and decks) still being read beside the first frame.
        loading: Option<Loading>,
    },
    /// Reads the journal (for history and "your usual") but writes nothing at all.
    NoSave {
        journal: Journal,
        loading: Option<Loading>,
    },
    /// The demo: a journal in memory, a draft in memory, no file touched.
    Memory {
        journal: Journal,
        draft: Option<Draft>,
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
            loading: None,
        })
    }

    /// The user's journal, read beside the first frame (and the decks in `decks_dir`).
    pub fn open_disk_later(store: Store, decks_dir: Option<PathBuf>, save: bool) -> Storage {
        let loading = Some(Loading::new(&store, decks_dir));
        if save {
            Storage::Disk {
                store,
                journal: Journal::default(),
                writable: true,
                lock: None,
                seen: None,
                loading,
            }
        } else {
            Storage::NoSave {
                journal: Journal::default(),
                loading,
            }
        }
    }

    pub fn journal(&self) -> &Journal {
        match self {
            Storage::Disk { journal, .. }
            | Storage::NoSave { journal, .. }
            | Storage::Memory { journal, .. } => journal,
        }
    }

    /// The couple the last Look back showed, as kept beside the journal.
    pub fn remembered_couple(&self) -> Option<CoupleKey> {
        match self {
            Storage::Disk { store, .. } => store.remembered_couple(),
            Storage::NoSave { .. } | Storage::Memory { .. } => None,
        }
    }

    /// Keep the couple Look back shows for next time. Only beside a journal this heard
    /// writes: `--no-save` keeps nothing, and the demo touches no file. A failure only
    /// means the next Look back asks again, so it is not reported.
    pub fn remember_couple(&self, couple: &CoupleKey) {
        if let Storage::Disk {
            store,
            writable: true,
            ..
        } = self
        {
            let _ = store.remember_couple(couple);
        }
    }

    /// Where the talk in progress is saved, when it is saved to a file at all.
    pub fn draft_path(&self) -> Option<PathBuf> {
        match self {
            Storage::Disk { store, .. } => Some(store.draft_path()),
            Storage::NoSave { .. } | Storage::Memory { .. } => None,
        }
    }

    /// When nothing of a talk is kept: the frame's banner, and what leaving a talk says.
    /// The demo keeps talks in memory until it quits, and says so on its own frame.
    pub fn unsaved(&self) -> Option<(&'static str, &'static str)> {
        match self {
            Storage::Disk {
                writable: false, ..
            } => Some((crate::words::BANNER_NEWER, crate::words::LEAVE_ASK_NEWER)),
            Storage::NoSave { .. } => Some((
                crate::words::BANNER_NO_SAVE,
                crate::words::LEAVE_ASK_NO_SAVE,
            )),
            Storage::Disk { .. } | Storage::Memory { .. } => None,
        }
    }

    /// Whether the journal is from a newer heard, into which no talk is saved.
    pub fn is_newer(&self) -> bool {
        matches!(
            self,
            Storage::Disk {
                writable: false,
                ..
            }
        )
    }

    /// A line to show on the home screen when talks will not be kept.
    pub fn caveat(&self) -> Option<&'static str> {
        match self {
            Storage::Disk {
                writable: false, ..
            } => Some(crate::words::NEWER_JOURNAL),
            Storage::NoSave { .. } => Some(crate::words::NOTHING_SAVED_THIS_RUN),
            Storage::Disk { .. } | Storage::Memory { .. } => None,
        }
    }

    /// Become the writer for a talk. Says plainly when another heard is writing.
    pub fn begin_talk(&mut self) -> Result<(), StorageError> {
        if let Storage::Disk {
            store,
            lock: lock @ None,
            writable: true,
            ..
        } = self
        {
            *lock = Some(store.lock()?);
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
        matches!(
            self.check_no_other_writer(),
            Err(StorageError::Journal(JournalError::Busy { .. }))
        )
    }

    /// The talk left from an earlier run, if any. A draft whose talk is already in the
    /// journal (saved, then killed before the draft went) is removed, never offered.
    pub fn leftover(&mut self) -> Result<Option<Leftover>, StorageError> {
        let draft = match self {
            Storage::Disk { store, .. } => store.read_draft_record()?,
            Storage::NoSave { .. } => None,
            Storage::Memory { draft, .. } => draft.clone(),
        };
        let Some(draft) = draft else {
            return Ok(None);
        };
        let id = draft.talk_id().to_string();
        if self.journal().sessions.iter().any(|s| s.id == id) {
            self.discard_draft()?;
            return Ok(None);
        }
        let (activity, typed) = Activity::from_draft(draft)?;
        Ok(Some(Leftover { activity, typed }))
    }

    /// Fails, saying why, when another heard is writing (a talk in another window), so a
    /// talk does not start over theirs nor take their talk in progress.
    pub fn check_no_other_writer(&self) -> Result<(), StorageError> {
        match self {
            Storage::Disk {
                store, lock: None, ..
            } => store.lock().map(drop).map_err(StorageError::from),
            Storage::Disk { .. } | Storage::NoSave { .. } | Storage::Memory { .. } => Ok(()),
        }
    }

    /// Whether a talk in progress is kept (so a new one must not overwrite it).
    pub fn has_draft(&self) -> bool {
        match self {
            Storage::Disk { store, .. } => store.draft_path().exists(),
            Storage::NoSave { .. } => false,
            Storage::Memory { draft, .. } => draft.is_some(),
        }
    }

    /// Save the talk in progress, with the text being typed, so a crash or a closed
    /// window loses nothing.
    pub fn save_draft(
        &mut self,
        activity: &Activity,
        typing: Option<String>,
    ) -> Result<(), StorageError> {
        match self {
            Storage::Disk {
                store,
                lock: Some(lock),
                ..
            } => Ok(store.write_draft(lock, &activity.to_draft(typing))?),
            Storage::Disk { .. } | Storage::NoSave { .. } => Ok(()),
            Storage::Memory { draft, .. } => {
                *draft = Some(activity.to_draft(typing));
                Ok(())
            }
        }
    }

    /// Forget the talk in progress and let another heard write again.
    pub fn discard_draft(&mut self) -> Result<(), StorageError> {
        match self {
            Storage::Disk { store, lock, .. } => {
                if let Some(held) = lock.as_ref() {
                    store.remove_draft(held)?;
                } else if store.draft_path().exists() {
                    let held = store.lock()?;
                    store.remove_draft(&held)?;
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

    /// Add a talk to the journal and remove its draft: one step as far as anyone can
    /// tell, since a draft whose talk is in the journal is never offered again and a talk
    /// already there is never added twice. On an error nothing is lost: the draft stays,
    /// and saving can be tried again.
    pub fn keep(&mut self, session: Session) -> Result<Saved, StorageError> {
        match self {
            Storage::Disk {
                store,
                journal,
                writable,
                lock,
                seen,
                ..
            } => {
                if !*writable {
                    return Ok(Saved::NewerJournal);
                }
                let held = match lock {
                    Some(held) => held,
                    None => lock.insert(store.lock()?),
                };
                store.append_seen(held, journal, seen, session)?;
                // The talk is in the journal now. A draft that could not be removed is
                // harmless: the next start sees its id in the journal and removes it, so
                // the couple is not told "not saved" about a talk that was.
                let _ = store.remove_draft(held);
                *lock = None;
                Ok(Saved::Journal(store.journal_path()))
            }
            Storage::NoSave { journal, .. } => {
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

    /// Whether the journal is still being read.
    pub fn is_loading(&self) -> bool {
        matches!(
            self,
            Storage::Disk {
                loading: Some(_),
                ..
            } | Storage::NoSave {
                loading: Some(_),
                ..
            }
        )
    }

    /// Whether the reading should start at once (the first frame is on screen).
    pub fn loading_waits(&self) -> bool {
        match self {
            Storage::Disk { loading, .. } | Storage::NoSave { loading, .. } => {
                loading.as_ref().is_some_and(Loading::waiting)
            }
            Storage::Memory { .. } => false,
        }
    }

    /// Take in the journal if it has been read (with `wait`, wait for it). Returns the
    /// decks when they were read too, and `None` while the reading goes on.
    pub fn receive(&mut self, wait: bool) -> Result<Option<Option<Catalog>>, StorageError> {
        let (loading, journal, writable, seen) = match self {
            Storage::Disk {
                loading,
                journal,
                writable,
                seen,
                ..
            } => (loading, journal, Some(writable), Some(seen)),
            Storage::NoSave { loading, journal } => (loading, journal, None, None),
            Storage::Memory { .. } => return Ok(None),
        };
        let Some(pending) = loading.take() else {
            return Ok(None);
        };
        let read = match pending.receive(wait) {
            Ok(read) => read,
            Err(still) => {
                *loading = Some(still);
                return Ok(None);
            }
        };
        let read = read.ok_or(StorageError::ReadingStopped)?;
        let (loaded, read_seen) = read.journal?;
        *journal = loaded.journal;
        if let Some(writable) = writable {
            *writable = loaded.writable;
        }
        if let Some(seen) = seen {
            *seen = read_seen;
        }
        Ok(Some(read.catalog))
    }
}
