//! What every command and the TUI need to know: where files are and whether to use colour.

use std::path::PathBuf;

use anyhow::Result;

use crate::paths::Paths;

/// What every command needs to know: where files are and how to print.
#[derive(Debug, Clone)]
pub struct Context {
    pub paths: Paths,
    pub color: bool,
}

impl Context {
    /// Resolve the folders and the colour choice from plain values (`--data-dir`,
    /// `--config-dir`, `--no-color`); `NO_COLOR` in the environment also turns colour off.
    pub fn resolve(
        data_dir: Option<PathBuf>,
        config_dir: Option<PathBuf>,
        no_color: bool,
    ) -> Result<Context> {
        let no_color_env = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Ok(Context {
            paths: Paths::resolve(data_dir, config_dir)?,
            color: !(no_color || no_color_env),
        })
    }
}
