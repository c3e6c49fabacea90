//! `heard config path | init | show`.

use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};

use super::{ConfigCommand, write_stdout};
use crate::config::{Config, STARTER};
use crate::context::Context;

pub fn run(cmd: ConfigCommand, ctx: &Context) -> Result<ExitCode> {
    let path = ctx.paths.config_file();
    match cmd {
        ConfigCommand::Path => write_stdout(format!("{}\n", path.display()).as_bytes())?,
        ConfigCommand::Init { force } => {
            if path.exists() && !force {
                bail!(
                    "{} already exists; edit it, or run `heard config init --force` to replace it with the defaults",
                    path.display()
                );
            }
            // Private like the data folder: another user must not change the settings.
            crate::files::create_private_dir_all(&ctx.paths.config_dir)
                .with_context(|| format!("cannot create {}", ctx.paths.config_dir.display()))?;
            crate::files::private_file()
                .create(true)
                .truncate(true)
                .open(&path)
                .and_then(|mut file| std::io::Write::write_all(&mut file, STARTER.as_bytes()))
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!(
                "Wrote {} with every setting at its default. Edit it to taste.",
                crate::text::one_line(&path.display().to_string())
            );
        }
        ConfigCommand::Show => {
            let config = Config::load(&path)?;
            let origin = if path.exists() {
                format!("# settings from {}\n", path.display())
            } else {
                format!(
                    "# no {} yet: these are the defaults (`heard config init` writes them out)\n",
                    path.display()
                )
            };
            let body = toml::to_string(&config).context("cannot show the settings")?;
            write_stdout(format!("{origin}{body}").as_bytes())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
