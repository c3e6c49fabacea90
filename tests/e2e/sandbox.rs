//! The throwaway folders heard runs in: home, data and config.

use std::path::{Path, PathBuf};

/// The folders one or more runs of heard share: home, data and config.
pub struct Sandbox {
    root: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let root = tempfile::tempdir().expect("make a temp dir for heard");
        std::fs::create_dir(root.path().join("home")).expect("make the home folder");
        Sandbox { root }
    }

    pub fn root(&self) -> &Path {
        self.root.path()
    }

    pub fn home_dir(&self) -> PathBuf {
        self.root().join("home")
    }

    pub fn data_dir(&self) -> PathBuf {
        self.root().join("data")
    }

    pub fn config_dir(&self) -> PathBuf {
        self.root().join("config")
    }

    pub fn journal_path(&self) -> PathBuf {
        self.data_dir().join("journal.json")
    }

    /// The draft of a talk in progress, saved after every rating.
    pub fn in_progress_path(&self) -> PathBuf {
        self.data_dir().join("in-progress.json")
    }
}

impl Default for Sandbox {
    fn default() -> Self {
        Sandbox::new()
    }
}
