//! Reading the journal beside the first frame: the home screen shows at once and fills
//! in "your last talk" when a large journal has been read.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::app::{App, Screen};
use super::storage::Storage;
use crate::deck::load::Catalog;
use crate::journal::store::{JournalError, Loaded, Seen, Store};

/// What the reading thread hands over.
pub struct Read {
    journal: Result<(Loaded, Option<Seen>), JournalError>,
    /// The decks, when they were read there too.
    catalog: Option<Catalog>,
}

/// The journal (and perhaps the decks) still to be read, or being read on another thread.
///
/// The thread starts only after the first frame is on screen: reading a large file makes
/// the kernel busy mapping memory, which would slow the first frame of the main thread.
pub enum Loading {
    Waiting {
        store: Store,
        decks_dir: Option<PathBuf>,
    },
    Reading(Receiver<Read>),
}

fn read(store: &Store, decks_dir: Option<PathBuf>) -> Read {
    Read {
        journal: store.load_seen(),
        catalog: decks_dir.map(|dir| Catalog::load(&dir)),
    }
}

impl Loading {
    /// Read the journal of `store`, and the decks in `decks_dir` if given, soon.
    pub fn new(store: &Store, decks_dir: Option<PathBuf>) -> Loading {
        Loading::Waiting {
            store: store.clone(),
            decks_dir,
        }
    }

    fn spawn(store: Store, decks_dir: Option<PathBuf>) -> Result<Loading, Box<Read>> {
        let (send, receive) = channel();
        let (reader, dir) = (store.clone(), decks_dir.clone());
        let spawned = std::thread::Builder::new()
            .name("heard-journal".to_string())
            // The app may have quit already; then nobody needs the journal.
            .spawn(move || drop(send.send(read(&reader, dir))));
        match spawned {
            Ok(_) => Ok(Loading::Reading(receive)),
            // No thread to be had: read here and now.
            Err(_) => Err(Box::new(read(&store, decks_dir))),
        }
    }

    /// Whether the app should look again straight away (to start the reading).
    pub fn waiting(&self) -> bool {
        matches!(self, Loading::Waiting { .. })
    }
}

impl App {
    /// Take in the journal (and decks) if they have been read; with `wait`, wait for
    /// them. Until then the app shows an empty journal, and no key is handled before.
    pub fn receive_journal(&mut self, wait: bool) {
        let result = match self.loading.take() {
            None => return,
            Some(Loading::Waiting { store, decks_dir }) if wait => Some(read(&store, decks_dir)),
            Some(Loading::Waiting { store, decks_dir }) => match Loading::spawn(store, decks_dir) {
                Ok(reading) => {
                    self.loading = Some(reading);
                    return;
                }
                Err(read) => Some(*read),
            },
            Some(Loading::Reading(receive)) if wait => receive.recv().ok(),
            Some(Loading::Reading(receive)) => match receive.try_recv() {
                Ok(read) => Some(read),
                Err(TryRecvError::Empty) => {
                    self.loading = Some(Loading::Reading(receive));
                    return;
                }
                Err(TryRecvError::Disconnected) => None,
            },
        };
        let Some(read) = result else {
            self.stop("the journal could not be read (reading it stopped unexpectedly); try again");
            return;
        };
        if let Some(catalog) = read.catalog {
            self.catalog = catalog;
        }
        let (loaded, read_seen) = match read.journal {
            Ok(read) => read,
            Err(e) => {
                self.stop(&e.to_string());
                return;
            }
        };
        match &mut self.storage {
            Storage::Disk {
                journal,
                writable,
                seen,
                ..
            } => {
                *journal = loaded.journal;
                *writable = loaded.writable;
                *seen = read_seen;
            }
            Storage::NoSave { journal } => *journal = loaded.journal,
            Storage::Memory { .. } => {}
        }
        if let Screen::Home(home) = &self.screen {
            let (selected, notice) = (home.selected, home.notice.clone());
            self.go_home(notice);
            if let Screen::Home(home) = &mut self.screen {
                home.selected = selected;
            }
        }
    }

    /// A journal that does not read ends the run with its message, as it would have
    /// before the first frame.
    fn stop(&mut self, message: &str) {
        self.failure = Some(message.to_string());
        self.quit = true;
    }
}
