//! Where heard keeps its files, and what time it is (both overridable for tests and demos).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::{DateTime, FixedOffset, Local};

/// The two folders heard uses: one for the journal and drafts, one for settings and decks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub data_dir: PathBuf,
    pub config_dir: PathBuf,
}

impl Paths {
    /// Resolve the folders: a command-line option wins over the environment variable,
    /// which wins over the platform default from `directories::ProjectDirs`.
    pub fn resolve(data_dir: Option<PathBuf>, config_dir: Option<PathBuf>) -> Result<Paths> {
        let env_dir = |name: &str| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let data_dir = data_dir.or_else(|| env_dir("HEARD_DATA_DIR"));
        let config_dir = config_dir.or_else(|| env_dir("HEARD_CONFIG_DIR"));
        let (data_dir, config_dir) = match (data_dir, config_dir) {
            (Some(d), Some(c)) => (d, c),
            (d, c) => {
                let Some(dirs) = directories::ProjectDirs::from("", "", "heard") else {
                    bail!(
                        "cannot find a home folder for heard's files; set HEARD_DATA_DIR and HEARD_CONFIG_DIR, or pass --data-dir and --config-dir"
                    );
                };
                (
                    d.unwrap_or_else(|| dirs.data_dir().to_path_buf()),
                    c.unwrap_or_else(|| dirs.config_dir().to_path_buf()),
                )
            }
        };
        Ok(Paths {
            data_dir,
            config_dir,
        })
    }

    /// Paths rooted in one folder, for tests and the demo.
    pub fn under(root: &Path) -> Paths {
        Paths {
            data_dir: root.join("data"),
            config_dir: root.join("config"),
        }
    }

    pub fn journal(&self) -> PathBuf {
        self.data_dir.join("journal.json")
    }

    pub fn draft(&self) -> PathBuf {
        self.data_dir.join("in-progress.json")
    }

    pub fn config_file(&self) -> PathBuf {
        self.config_dir.join("config.toml")
    }

    pub fn decks_dir(&self) -> PathBuf {
        self.config_dir.join("decks")
    }
}

/// "Now", as heard sees it: `HEARD_NOW` as written when set, else the local clock.
pub fn now() -> Result<DateTime<FixedOffset>> {
    match std::env::var("HEARD_NOW") {
        Ok(text) if !text.trim().is_empty() => parse_now(&text),
        _ => Ok(Local::now().fixed_offset()),
    }
}

fn parse_now(text: &str) -> Result<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(text.trim()).with_context(|| {
        format!("HEARD_NOW is not an RFC 3339 timestamp like 2026-11-26T20:00:00+01:00: {text:?}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heard_now_keeps_its_offset() {
        let now = parse_now("2026-11-26T20:01:00+01:00").unwrap();
        assert_eq!(now.offset().local_minus_utc(), 3600);
        assert_eq!(now.to_rfc3339(), "2026-11-26T20:01:00+01:00");
    }

    #[test]
    fn heard_now_rejects_nonsense() {
        let err = parse_now("next tuesday").unwrap_err();
        assert!(err.to_string().contains("HEARD_NOW"));
    }
}
