//! `heard config path | init | show`.

use std::process::ExitCode;

use anyhow::Result;

use super::{ConfigCommand, Context};

pub fn run(cmd: ConfigCommand, ctx: &Context) -> Result<ExitCode> {
    let _ = (cmd, ctx);
    todo!("config")
}
