//! Reading and writing journal.json safely: atomic replace, backup, one writer at a time.

mod fsio;
mod look_back;
mod read;
mod repair;

use std::fs::File;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::draft::{self, Draft, DraftError};
use super::{Journal, Session, VERSION};
use crate::paths::Paths;

pub use fsio::{TEST_DISK_FAULT, write_private};
pub use read::{load, parse};
pub use repair::{Repair, corrupt_copies};

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
    #[error(
        "{}:{line}:{column}: this journal was written by a newer heard (version {version}) and this one cannot read it ({message}); update heard to open it",
        .path.display()
    )]
    TooNew {
        path: PathBuf,
        line: usize,
        column: usize,
        version: u64,
        message: String,
    },
    #[error(
        "{}:{line}:{column}: this journal was written by a newer heard (version {version}); this heard can read it but will not change it, so nothing was written; update heard to do this",
        .path.display()
    )]
    ReadOnly {
        path: PathBuf,
        line: usize,
        column: usize,
        version: u64,
    },
    #[error(
        "another heard is writing to the journal in {} (perhaps a talk in another window); try again when it has finished",
        .dir.display()
    )]
    Busy { dir: PathBuf },
    #[error(
        "{}:{line}:{column}: the saved talk in progress does not read ({message}); move the file aside to start afresh",
        .path.display()
    )]
    BadDraft {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "{}: the saved talk in progress cannot be resumed: {reason}; it is left as it is",
        .path.display()
    )]
    DraftDoesNotFit { path: PathBuf, reason: DraftError },
    #[error("{}: {message}", .path.display())]
    Io { path: PathBuf, message: String },
    /// The system would not write: a full disk, a folder heard may not write in, a folder
    /// where a file should be. `reason` says it plainly and what to do.
    #[error("{}: {reason} ({detail})", .path.display())]
    Disk {
        path: PathBuf,
        reason: &'static str,
        detail: String,
    },
}

impl JournalError {
    /// A file that could not be read: a permission problem is said as one of reading.
    fn io_reading(path: &Path, doing: &str, e: &std::io::Error) -> JournalError {
        if e.kind() == std::io::ErrorKind::PermissionDenied {
            return JournalError::Disk {
                path: path.to_path_buf(),
                reason: "heard may not read this file: check its permissions, or choose another folder with --data-dir",
                detail: format!("{doing}: {e}"),
            };
        }
        JournalError::io(path, doing, e)
    }

    fn io(path: &Path, doing: &str, e: &std::io::Error) -> JournalError {
        let reason = match e.kind() {
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                "the disk is full: free some space and try again"
            }
            std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
                "heard may not write in this folder: check its permissions, or choose another with --data-dir"
            }
            std::io::ErrorKind::IsADirectory => {
                "a folder stands where this file should be: move it away and try again"
            }
            _ => {
                return JournalError::Io {
                    path: path.to_path_buf(),
                    message: format!("{doing}: {e}"),
                };
            }
        };
        JournalError::Disk {
            path: path.to_path_buf(),
            reason,
            detail: format!("{doing}: {e}"),
        }
    }
}

/// A journal as read from disk.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub journal: Journal,
    /// False when the file was written by a newer heard (version above 1): read, never write.
    pub writable: bool,
}

/// The files of one data folder: the journal, its backup, the writer lock and the draft
/// of a talk in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    dir: PathBuf,
}

/// Proof that this process is the one heard writing to a data folder. Every writing
/// method asks for it, so a write without the lock does not compile. Dropping it (or
/// the process ending, however it ends) releases the lock.
#[derive(Debug)]
pub struct WriteLock {
    dir: PathBuf,
    _file: File,
}

const JOURNAL: &str = "journal.json";
const BACKUP: &str = "journal.json.bak";
const LOCK: &str = "journal.lock";
const DRAFT: &str = "in-progress.json";

impl Store {
    pub fn new(data_dir: impl Into<PathBuf>) -> Store {
        Store {
            dir: data_dir.into(),
        }
    }

    pub fn from_paths(paths: &Paths) -> Store {
        Store::new(&paths.data_dir)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn journal_path(&self) -> PathBuf {
        self.dir.join(JOURNAL)
    }

    /// Where the journal's bytes are: journal.json itself or, when it is a symbolic link
    /// (to a synced folder elsewhere, say), the file it points to. Every write goes
    /// through to that file, atomically in its own folder, so the link stays a link and
    /// the synced file is the one that changes.
    pub fn journal_file(&self) -> PathBuf {
        let path = self.journal_path();
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(&path)
                // A link to a file not there yet: its target, from the data folder.
                .or_else(|_| std::fs::read_link(&path).map(|target| self.dir.join(target)))
                .unwrap_or(path),
            _ => path,
        }
    }

    pub fn backup_path(&self) -> PathBuf {
        self.dir.join(BACKUP)
    }

    pub fn lock_path(&self) -> PathBuf {
        self.dir.join(LOCK)
    }

    pub fn draft_path(&self) -> PathBuf {
        self.dir.join(DRAFT)
    }

    /// Read the journal; a missing file is an empty journal.
    pub fn load(&self) -> Result<Loaded, JournalError> {
        load(&self.journal_path())
    }

    /// Become the one writer of this data folder, or say that another heard is.
    pub fn lock(&self) -> Result<WriteLock, JournalError> {
        fsio::create_private_dir(&self.dir)?;
        let path = self.lock_path();
        let file = fsio::open_private(&path, false)
            .map_err(|e| JournalError::io(&path, "cannot open the journal lock", &e))?;
        match file.try_lock() {
            Ok(()) => Ok(WriteLock {
                dir: self.dir.clone(),
                _file: file,
            }),
            Err(std::fs::TryLockError::WouldBlock) => Err(JournalError::Busy {
                dir: self.dir.clone(),
            }),
            Err(std::fs::TryLockError::Error(e)) => {
                Err(JournalError::io(&path, "cannot lock the journal", &e))
            }
        }
    }

    /// Replace journal.json with `journal`, keeping the journal it replaces as
    /// journal.json.bak. Refuses to replace a file that does not read as a heard
    /// journal, or one written by a newer heard.
    pub fn save(&self, lock: &WriteLock, journal: &Journal) -> Result<(), JournalError> {
        self.write_journal(lock, journal, Backup::KeepPrevious)
    }

    /// How the journal file looks now: absent, or its size, time and identity. Two equal
    /// looks mean nobody wrote the file in between (heard replaces it whole, by rename).
    pub fn look(&self) -> Seen {
        match std::fs::metadata(self.journal_path()) {
            Ok(meta) => Seen::File(Fingerprint::of(&meta)),
            Err(_) => Seen::Absent,
        }
    }

    /// Read the journal, and how the file looked while it was read; `None` when it changed
    /// under the reading, so nothing can be assumed about it.
    pub fn load_seen(&self) -> Result<(Loaded, Option<Seen>), JournalError> {
        let before = self.look();
        let loaded = self.load()?;
        let after = self.look();
        Ok((loaded, (before == after).then_some(after)))
    }

    /// Add one talk to a journal this process read, when `seen` says the file is still the
    /// one it read: the journal in memory is then the journal on disk, and need not be read
    /// twice more (a 10,000-talk journal takes over 100 ms to read). Otherwise read it
    /// again, as `append_session` does. `journal` and `seen` follow the file afterwards.
    pub fn append_seen(
        &self,
        lock: &WriteLock,
        journal: &mut Journal,
        seen: &mut Option<Seen>,
        session: Session,
    ) -> Result<(), JournalError> {
        let unchanged = *seen == Some(self.look());
        // A talk already in the journal (saved by another window answering the same
        // resume offer, or before a kill took its draft along) is never added twice.
        let id = session.id.clone();
        let saved_already = |journal: &Journal| journal.sessions.iter().any(|s| s.id == id);
        if unchanged && journal.version <= VERSION {
            if saved_already(journal) {
                return Ok(());
            }
            let exists = matches!(seen, Some(Seen::File(_)));
            journal.sessions.push(session);
            if let Err(e) = self.replace_journal(lock, journal, Backup::KeepPrevious, exists) {
                // Not saved: what is held stays what is on disk.
                journal.sessions.pop();
                return Err(e);
            }
        } else {
            let mut loaded = self.load()?;
            self.ensure_writable(&loaded)?;
            if !saved_already(&loaded.journal) {
                loaded.journal.sessions.push(session);
                self.save(lock, &loaded.journal)?;
            }
            *journal = loaded.journal;
        }
        *seen = Some(self.look());
        Ok(())
    }

    /// Add one talk to the end of the journal.
    pub fn append_session(&self, lock: &WriteLock, session: Session) -> Result<(), JournalError> {
        let mut loaded = self.load()?;
        self.ensure_writable(&loaded)?;
        loaded.journal.sessions.push(session);
        self.save(lock, &loaded.journal)
    }

    /// Remove every talk with this exact id from the journal and from its backup, and
    /// return what was removed (empty when no talk has that id).
    pub fn forget(&self, lock: &WriteLock, id: &str) -> Result<Vec<Session>, JournalError> {
        let loaded = self.load()?;
        self.ensure_writable(&loaded)?;
        let mut journal = loaded.journal;
        let (gone, kept): (Vec<Session>, Vec<Session>) =
            journal.sessions.into_iter().partition(|s| s.id == id);
        journal.sessions = kept;
        if gone.is_empty() {
            return Ok(gone);
        }
        // The journal being replaced is exactly `journal` plus the forgotten talk, so a
        // backup of it without that talk is the new journal itself.
        self.write_journal(lock, &journal, Backup::Write(&journal))?;
        Ok(gone)
    }

    fn write_journal(
        &self,
        lock: &WriteLock,
        journal: &Journal,
        backup: Backup<'_>,
    ) -> Result<(), JournalError> {
        self.check_lock(lock)?;
        let path = self.journal_file();
        // Never replace what we cannot read: it may be a journal someone still needs.
        let current_exists = match std::fs::symlink_metadata(&path) {
            Ok(_) => {
                let current = self.load()?;
                if !current.writable {
                    return Err(self.read_only(current.journal.version));
                }
                true
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
            Err(e) => {
                return Err(JournalError::io_reading(
                    &path,
                    "cannot read the journal",
                    &e,
                ));
            }
        };
        self.replace_journal(lock, journal, backup, current_exists)
    }

    /// Write `journal` over journal.json (which exists when `current_exists`), keeping the
    /// previous one as the backup. The caller has made sure the file may be replaced.
    fn replace_journal(
        &self,
        lock: &WriteLock,
        journal: &Journal,
        backup: Backup<'_>,
        current_exists: bool,
    ) -> Result<(), JournalError> {
        self.check_lock(lock)?;
        if journal.version > VERSION {
            return Err(self.read_only(journal.version));
        }
        fsio::create_private_dir(&self.dir)?;
        let path = self.journal_file();
        let folder = path.parent().unwrap_or(&self.dir).to_path_buf();
        let bytes = pretty(journal, &path)?;
        let temp = fsio::write_temp(&folder, JOURNAL, &bytes)?;
        let result = (|| {
            if current_exists {
                match backup {
                    Backup::KeepPrevious => {
                        fsio::keep_as_backup(&self.dir, &path, &self.backup_path())?
                    }
                    Backup::Write(contents) => {
                        let bytes = pretty(contents, &path)?;
                        let bak_temp = fsio::write_temp(&self.dir, BACKUP, &bytes)?;
                        fsio::rename(&bak_temp, &self.backup_path())?;
                    }
                }
            }
            fsio::rename(&temp, &path)?;
            fsio::sync_dir(&folder);
            fsio::sync_dir(&self.dir);
            Ok(())
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&temp);
            return result;
        }
        fsio::remove_stale_temps(&self.dir, &[JOURNAL, BACKUP]);
        if folder != self.dir {
            fsio::remove_stale_temps(&folder, &[JOURNAL]);
        }
        Ok(())
    }

    /// Save the talk in progress, replacing the previous draft atomically.
    pub fn write_draft<T: Serialize>(
        &self,
        lock: &WriteLock,
        draft: &T,
    ) -> Result<(), JournalError> {
        self.check_lock(lock)?;
        fsio::create_private_dir(&self.dir)?;
        let path = self.draft_path();
        let bytes = pretty(draft, &path)?;
        fsio::write_private(&path, &bytes)
            .map_err(|e| JournalError::io(&path, "cannot save the talk in progress", &e))?;
        fsio::remove_stale_temps(&self.dir, &[DRAFT]);
        Ok(())
    }

    /// The talk in progress left by an earlier run, if there is one.
    pub fn read_draft<T: DeserializeOwned>(&self) -> Result<Option<T>, JournalError> {
        let path = self.draft_path();
        let bytes = match crate::files::read_regular(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(JournalError::io_reading(
                    &path,
                    "cannot read the talk in progress",
                    &e,
                ));
            }
        };
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| JournalError::BadDraft {
                path: path.clone(),
                line: e.line().max(1),
                column: e.column().max(1),
                message: read::without_position(&e),
            })
    }

    /// The talk in progress as its record, of any draft version this heard reads.
    pub fn read_draft_record(&self) -> Result<Option<Draft>, JournalError> {
        let Some(value) = self.read_draft::<serde_json::Value>()? else {
            return Ok(None);
        };
        draft::from_value(value)
            .map(Some)
            .map_err(|reason| JournalError::DraftDoesNotFit {
                path: self.draft_path(),
                reason,
            })
    }

    /// Forget the talk in progress (it was saved to the journal, or discarded).
    pub fn remove_draft(&self, lock: &WriteLock) -> Result<(), JournalError> {
        self.check_lock(lock)?;
        let path = self.draft_path();
        match std::fs::remove_file(&path) {
            Ok(()) => {
                fsio::sync_dir(&self.dir);
                Ok(())
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(JournalError::io(
                &path,
                "cannot remove the talk in progress",
                &e,
            )),
        }
    }

    /// An error unless `loaded` (read from this store) may be written back.
    pub fn ensure_writable(&self, loaded: &Loaded) -> Result<(), JournalError> {
        if loaded.writable {
            Ok(())
        } else {
            Err(self.read_only(loaded.journal.version))
        }
    }

    fn check_lock(&self, lock: &WriteLock) -> Result<(), JournalError> {
        if lock.dir == self.dir {
            Ok(())
        } else {
            Err(JournalError::Io {
                path: self.dir.clone(),
                message: format!(
                    "the writer lock held is for {}, not this folder; nothing was written",
                    lock.dir.display()
                ),
            })
        }
    }

    fn read_only(&self, version: u64) -> JournalError {
        let path = self.journal_path();
        let (line, column) = crate::files::read_regular(&path)
            .map(|bytes| read::version_position(&bytes))
            .unwrap_or((1, 1));
        JournalError::ReadOnly {
            path,
            line,
            column,
            version,
        }
    }
}

impl From<&Paths> for Store {
    fn from(paths: &Paths) -> Store {
        Store::from_paths(paths)
    }
}

/// What journal.json.bak becomes when the journal is replaced.
/// How the journal file looked at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    Absent,
    File(Fingerprint),
}

/// Size, modification time and (on Unix) the file's identity: a rename over the journal
/// gives a new identity even when size and time happen to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    len: u64,
    modified: Option<std::time::SystemTime>,
    id: (u64, u64),
}

impl Fingerprint {
    fn of(meta: &std::fs::Metadata) -> Fingerprint {
        #[cfg(unix)]
        let id = {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino())
        };
        #[cfg(not(unix))]
        let id = (0, 0);
        Fingerprint {
            len: meta.len(),
            modified: meta.modified().ok(),
            id,
        }
    }
}

enum Backup<'a> {
    /// The journal being replaced, as it is on disk.
    KeepPrevious,
    /// This journal instead (forget: the backup must not keep the forgotten talk).
    Write(&'a Journal),
}

/// Pretty JSON with a trailing newline, as heard writes every file.
fn pretty<T: Serialize>(value: &T, path: &Path) -> Result<Vec<u8>, JournalError> {
    // Room for a file the size of the one it replaces, so a large journal is not copied
    // again and again as the buffer grows.
    let room = std::fs::metadata(path).map_or(0, |m| m.len() as usize + 4096);
    let mut bytes = Vec::with_capacity(room);
    serde_json::to_writer_pretty(&mut bytes, value).map_err(|e| JournalError::Io {
        path: path.to_path_buf(),
        message: format!("cannot turn the journal into JSON: {e}"),
    })?;
    bytes.push(b'\n');
    Ok(bytes)
}

#[cfg(test)]
mod reading_tests {
    use super::*;

    #[test]
    fn a_file_heard_may_not_read_is_said_as_reading_not_writing() {
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let path = Path::new("/data/journal.json");
        let read = JournalError::io_reading(path, "cannot read the journal", &denied);
        assert!(
            read.to_string().contains("may not read this file"),
            "{read}"
        );
        assert!(!read.to_string().contains("may not write"), "{read}");
        let write = JournalError::io(path, "cannot save", &denied);
        assert!(write.to_string().contains("may not write"), "{write}");
    }
}
