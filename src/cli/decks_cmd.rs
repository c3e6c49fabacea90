//! `heard decks list | show | check | new`.

use std::process::ExitCode;

use anyhow::Result;

use super::{Context, DecksCommand};

pub fn run(cmd: DecksCommand, ctx: &Context) -> Result<ExitCode> {
    let _ = (cmd, ctx);
    todo!("decks helper")
}
