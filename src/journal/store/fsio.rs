//! The careful file moves behind the store: private files, temp files, renames, syncs.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::JournalError;

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// Create the data folder (private on Unix) when it is missing.
/// An existing one looser than 0700 is tightened when it is ours (or noted, to be said).
pub(super) fn create_private_dir(dir: &Path) -> Result<(), JournalError> {
    if dir.is_dir() {
        crate::files::keep_private(dir, 0o700);
        return Ok(());
    }
    crate::files::create_private_dir_all(dir)
        .map_err(|e| JournalError::io(dir, "cannot create the folder for the journal", &e))
}

/// Open a file for writing that only its owner may read (0600 on Unix). Without blocking
/// (a named pipe in its place would wait for a reader for ever), and only a regular file.
pub(super) fn open_private(path: &Path, create_new: bool) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true);
    if create_new {
        options.create_new(true);
    } else {
        options.create(true).truncate(false);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    if !create_new {
        // An existing lock (or draft) made looser by hand is private again.
        crate::files::keep_private(path, 0o600);
    }
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "it is not a regular file",
        ));
    }
    Ok(file)
}

/// The prefix of every temp file written on the way to `base`. It starts with a dot and
/// never equals a real file name, so a leftover temp is never taken for the journal.
fn temp_prefix(base: &str) -> String {
    format!(".{base}.tmp-")
}

fn temp_name(dir: &Path, base: &str) -> PathBuf {
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    dir.join(format!("{}{}-{n}", temp_prefix(base), std::process::id()))
}

/// Write `bytes` to a new private temp file beside `base`, synced to disk.
pub(super) fn write_temp(dir: &Path, base: &str, bytes: &[u8]) -> Result<PathBuf, JournalError> {
    create_temp(dir, base, bytes)
        .map_err(|(path, e)| JournalError::io(&path, "cannot write a temporary file", &e))
}

/// `write_temp` in the system's own terms: on failure, the temp file's path (already
/// removed) and the error.
fn create_temp(dir: &Path, base: &str, bytes: &[u8]) -> Result<PathBuf, (PathBuf, std::io::Error)> {
    let (path, mut file) = loop {
        let path = temp_name(dir, base);
        match open_private(&path, true) {
            Ok(file) => break (path, file),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err((path, e)),
        }
    };
    let written = match injected_fault(dir) {
        // Half the bytes, then the error: the way a disk that fills up mid-write fails.
        Some(e) => file.write_all(&bytes[..bytes.len() / 2]).and(Err(e)),
        None => file.write_all(bytes).and_then(|()| file.sync_all()),
    };
    if let Err(e) = written {
        drop(file);
        let _ = std::fs::remove_file(&path);
        return Err((path, e));
    }
    Ok(path)
}

/// Write `bytes` over `path` atomically, readable by its owner only (0600 on Unix): a
/// private temp file in the same folder, synced, renamed over `path`, then the folder
/// synced. Whatever happens, `path` holds the old bytes or the new ones, never half, and
/// no temp file is left behind. For every file heard writes whole: the draft, exports,
/// config.toml. (The journal itself also keeps a backup, so it has its own sequence.)
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let base = path
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"))?;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    // A name that is not UTF-8 only makes the temp file's name approximate.
    let temp = create_temp(dir, &base.to_string_lossy(), bytes).map_err(|(_, e)| e)?;
    if let Err(e) = std::fs::rename(&temp, path) {
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    sync_dir(dir);
    Ok(())
}

/// The file that, in a debug build, makes writes in its folder fail (see `injected_fault`).
pub const TEST_DISK_FAULT: &str = ".heard-test-disk-fault";

/// Debug builds only: while `<dir>/.heard-test-disk-fault` exists, every file written in
/// `dir` stops halfway with the error it names: `ENOSPC` (the default: the disk is full),
/// `EACCES` (the folder is not writable), `EROFS` or `EIO`. Tests run as root, where chmod
/// does not stop a write, so this is how they prove that a failed save keeps the journal
/// whole and the talk going. Release builds do not have it.
#[cfg(debug_assertions)]
fn injected_fault(dir: &Path) -> Option<std::io::Error> {
    let named = std::fs::read_to_string(dir.join(TEST_DISK_FAULT)).ok()?;
    let kind = match named.trim() {
        "EACCES" => std::io::ErrorKind::PermissionDenied,
        "EROFS" => std::io::ErrorKind::ReadOnlyFilesystem,
        "EIO" => std::io::ErrorKind::Other,
        _ => std::io::ErrorKind::StorageFull,
    };
    #[cfg(target_os = "linux")]
    let error = std::io::Error::from_raw_os_error(match kind {
        std::io::ErrorKind::PermissionDenied => 13,
        std::io::ErrorKind::ReadOnlyFilesystem => 30,
        std::io::ErrorKind::StorageFull => 28,
        _ => 5,
    });
    #[cfg(not(target_os = "linux"))]
    let error = std::io::Error::new(kind, "injected by a test");
    Some(error)
}

#[cfg(not(debug_assertions))]
fn injected_fault(_dir: &Path) -> Option<std::io::Error> {
    None
}

/// Make the journal about to be replaced the new backup: a hard link is instant and
/// copies nothing; where links are not possible, copy the bytes.
pub(super) fn keep_as_backup(
    dir: &Path,
    journal: &Path,
    backup: &Path,
) -> Result<(), JournalError> {
    let temp = temp_name(dir, "journal.json.bak");
    let staged = match std::fs::hard_link(journal, &temp) {
        Ok(()) => {
            make_private(&temp);
            temp
        }
        Err(_) => {
            let bytes = crate::files::read_regular(journal).map_err(|e| {
                JournalError::io_reading(journal, "cannot read the journal to back it up", &e)
            })?;
            write_temp(dir, "journal.json.bak", &bytes)?
        }
    };
    rename(&staged, backup).inspect_err(|_| {
        let _ = std::fs::remove_file(&staged);
    })
}

#[cfg(unix)]
fn make_private(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
}

#[cfg(not(unix))]
fn make_private(_path: &Path) {}

pub(super) fn rename(from: &Path, to: &Path) -> Result<(), JournalError> {
    std::fs::rename(from, to).map_err(|e| {
        JournalError::io(
            to,
            &format!("cannot move {} into place", from.display()),
            &e,
        )
    })
}

/// Make renames in the folder durable. Best effort: not every system can sync a folder.
pub(super) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(folder) = File::open(dir) {
        let _ = folder.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Remove temp files on the way to any of `bases` left by an interrupted write. Only
/// called while holding the writer lock, so none of them is still being written.
pub(super) fn remove_stale_temps(dir: &Path, bases: &[&str]) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefixes: Vec<String> = bases.iter().map(|b| temp_prefix(b)).collect();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if prefixes.iter().any(|p| name.starts_with(p.as_str())) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
