//! Files that are not files: a named pipe or a device where heard expects a journal, a
//! draft, a deck, the config or the lock is refused at once with a line naming it, and
//! nothing hangs or reads without end.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use heard::config::Config;
use heard::deck::load::Catalog;
use heard::journal::store::Store;

fn fifo(path: &Path) {
    let name = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo reads the name given.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0, "mkfifo");
}

/// Run `f` on a thread of its own; a test that hangs fails here instead of for ever.
fn within_seconds<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, result) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(f());
    });
    result
        .recv_timeout(Duration::from_secs(5))
        .expect("heard hung on a file that is not a file")
}

#[test]
fn a_named_pipe_as_the_journal_or_the_draft_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    fifo(&dir.path().join("journal.json"));
    fifo(&dir.path().join("in-progress.json"));
    let path = dir.path().to_path_buf();
    let (journal, draft) = within_seconds(move || {
        let store = Store::new(&path);
        let journal = store.load().map(|_| ()).map_err(|e| e.to_string());
        let draft = store
            .read_draft_record()
            .map(|_| ())
            .map_err(|e| e.to_string());
        (journal, draft)
    });
    let journal = journal.unwrap_err();
    assert!(journal.contains("journal.json"), "{journal}");
    assert!(
        journal.contains("a named pipe, not a regular file"),
        "{journal}"
    );
    let draft = draft.unwrap_err();
    assert!(draft.contains("in-progress.json"), "{draft}");
    assert!(draft.contains("named pipe"), "{draft}");
}

#[test]
fn a_named_pipe_as_the_lock_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    fifo(&dir.path().join("journal.lock"));
    let path = dir.path().to_path_buf();
    let err = within_seconds(move || {
        Store::new(&path)
            .lock()
            .map(drop)
            .map_err(|e| e.to_string())
    })
    .unwrap_err();
    assert!(err.contains("journal.lock"), "{err}");
}

#[test]
fn a_named_pipe_among_the_decks_is_a_deck_that_cannot_be_used() {
    let dir = tempfile::tempdir().unwrap();
    fifo(&dir.path().join("waiting.toml"));
    let path = dir.path().to_path_buf();
    let catalog = within_seconds(move || Catalog::load(&path));
    assert!(!catalog.decks.is_empty(), "the built-in decks still load");
    let broken: Vec<String> = catalog.broken.iter().map(|b| format!("{b:?}")).collect();
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert!(broken[0].contains("waiting.toml"), "{broken:?}");
    assert!(broken[0].contains("named pipe"), "{broken:?}");
}

#[test]
fn a_named_pipe_or_a_device_as_the_config_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    fifo(&path);
    let err = within_seconds(move || Config::load(&path).map(drop).map_err(|e| e.to_string()))
        .unwrap_err();
    assert!(err.contains("config.toml"), "{err}");
    assert!(err.contains("named pipe"), "{err}");
    let err = within_seconds(|| {
        Config::load(Path::new("/dev/zero"))
            .map(drop)
            .map_err(|e| e.to_string())
    })
    .unwrap_err();
    assert!(err.contains("a device"), "{err}");
}
