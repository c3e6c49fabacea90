//! Reading the journal beside the first frame: the home screen shows at once and fills
//! in "your last talk" when a large journal has been read.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::deck::load::Catalog;
use crate::journal::store::{JournalError, Loaded, Seen, Store};

/// What the reading thread hands over.
pub struct Read {
    pub journal: Result<(Loaded, Option<Seen>), JournalError>,
    /// The decks, when they were read there too.
    pub catalog: Option<Catalog>,
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

    /// What was read (`Ok(None)` if the reading thread stopped), or the loading still
    /// going on. With `wait`, read or wait now.
    pub fn receive(self, wait: bool) -> Result<Option<Read>, Loading> {
        match self {
            Loading::Waiting { store, decks_dir } if wait => Ok(Some(read(&store, decks_dir))),
            Loading::Waiting { store, decks_dir } => match Loading::spawn(store, decks_dir) {
                Ok(reading) => Err(reading),
                Err(read) => Ok(Some(*read)),
            },
            Loading::Reading(receive) if wait => Ok(receive.recv().ok()),
            Loading::Reading(receive) => match receive.try_recv() {
                Ok(read) => Ok(Some(read)),
                Err(TryRecvError::Empty) => Err(Loading::Reading(receive)),
                Err(TryRecvError::Disconnected) => Ok(None),
            },
        }
    }
}
