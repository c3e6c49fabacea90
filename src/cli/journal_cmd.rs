//! `heard journal path | list | show | merge | repair | forget` (stats and export live in
//! `report_cmd`).

use std::process::ExitCode;

use anyhow::Result;

use super::{Context, JournalCommand, report_cmd};

pub fn run(cmd: JournalCommand, ctx: &Context) -> Result<ExitCode> {
    match cmd {
        JournalCommand::Stats { json, since } => report_cmd::stats(ctx, json, since),
        JournalCommand::Export {
            format,
            output,
            with_notes,
        } => report_cmd::export(ctx, format, output.as_deref(), with_notes),
        other => {
            let _ = other;
            todo!("journal store helper")
        }
    }
}
