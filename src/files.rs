//! Reading the files heard is pointed at (journal, draft, decks, config, a file to merge):
//! only regular files, and never more than the format allows, so a named pipe among the
//! decks cannot hang heard and `/dev/zero` cannot fill its memory.
//!
//! A file is opened without blocking (opening a named pipe for reading otherwise waits
//! for a writer, for ever), then what was opened is looked at: anything but a regular file
//! is refused before a byte is read.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Room beyond a file's size on disk, for a file that grows while it is read.
const GROWTH: u64 = 1 << 20;

/// Open `path` for reading if it is a regular file; anything else is an error that says
/// what it is ("is a named pipe, not a regular file").
pub fn open_regular(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let kind = file.metadata()?.file_type();
    if kind.is_file() {
        return Ok(file);
    }
    // A folder keeps the kind the system gives it, so callers can say what to do.
    let error_kind = if kind.is_dir() {
        io::ErrorKind::IsADirectory
    } else {
        io::ErrorKind::InvalidInput
    };
    Err(io::Error::new(
        error_kind,
        format!("it is {}, not a regular file", what(kind)),
    ))
}

fn what(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}

/// The whole of a regular file, which may not grow past its size on disk by more than a
/// margin while it is read.
pub fn read_regular(path: &Path) -> io::Result<Vec<u8>> {
    let file = open_regular(path)?;
    let size = file.metadata()?.len();
    read_at_most(file, size.saturating_add(GROWTH), size)
}

/// At most `limit` bytes of a regular file, and one more: a reader that checks sizes
/// itself (the deck checker's "too large") sees that there was more.
pub fn read_prefix(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let file = open_regular(path)?;
    let size = file.metadata()?.len();
    let mut bytes = Vec::with_capacity(usize::try_from(size.min(limit + 1)).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn read_at_most(file: File, limit: u64, size: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(usize::try_from(size.min(limit)).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "it kept growing while it was read",
        ));
    }
    Ok(bytes)
}

/// Create `dir` and any folder missing above it, each private to its owner (0700 on
/// Unix, whatever the umask), as the data folder is.
pub fn create_private_dir_all(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Options to create a file only its owner may read and write (0600 on Unix).
pub fn private_file() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

/// What heard found looser than it should be and could not tighten, said once.
static LOOSE: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// Keep an existing folder (0700) or file (0600) of heard's private: a looser one is
/// tightened when this user owns it; one that is not ours to change is noted, to be said
/// once (`loose_note`).
pub fn keep_private(path: &Path, mode: u32) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let Ok(meta) = std::fs::symlink_metadata(path) else {
            return;
        };
        if meta.mode() & 0o777 & !mode == 0 {
            return;
        }
        // SAFETY: geteuid takes nothing and cannot fail.
        let ours = meta.uid() == unsafe { libc::geteuid() };
        let tightened =
            ours && std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).is_ok();
        if !tightened {
            let shown = crate::text::one_line(&path.display().to_string()).into_owned();
            let mut loose = LOOSE.lock().unwrap_or_else(|p| p.into_inner());
            if !loose.contains(&shown) {
                loose.push(shown);
            }
        }
    }
}

/// The line to say once about private files others can read, if there are any.
pub fn loose_note() -> Option<String> {
    let loose = std::mem::take(&mut *LOOSE.lock().unwrap_or_else(|p| p.into_inner()));
    (!loose.is_empty()).then(|| {
        format!(
            "heard: {} can be read by other users of this computer, and heard may not change that; ask its owner to make it private",
            loose.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_or_a_device_is_refused_before_a_byte_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_regular(dir.path()).unwrap_err();
        assert!(err.to_string().contains("a folder"), "{err}");
        let err = read_regular(Path::new("/dev/zero")).unwrap_err();
        assert_eq!(err.to_string(), "it is a device, not a regular file");
        let file = dir.path().join("deck.toml");
        std::fs::write(&file, "12345").unwrap();
        assert_eq!(read_regular(&file).unwrap(), b"12345");
        assert_eq!(read_prefix(&file, 2).unwrap(), b"123");
    }

    #[cfg(unix)]
    #[test]
    fn a_looser_folder_or_file_of_ours_is_made_private_again() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("a/b");
        // SAFETY: umask only swaps the process's mask; set back at once below.
        let old = unsafe { libc::umask(0) };
        let created = create_private_dir_all(&data);
        let file = data.join("config.toml");
        let written = private_file().create_new(true).open(&file);
        // SAFETY: as above.
        unsafe { libc::umask(old) };
        created.unwrap();
        written.unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir.path().join("a")), 0o700, "under umask 000 too");
        assert_eq!(mode(&data), 0o700);
        assert_eq!(mode(&file), 0o600);
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        keep_private(&data, 0o700);
        keep_private(&file, 0o600);
        assert_eq!((mode(&data), mode(&file)), (0o700, 0o600));
        assert_eq!(loose_note(), None, "ours, so tightened and nothing to say");
    }
}
