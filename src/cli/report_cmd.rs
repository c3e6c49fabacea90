//! `heard journal stats` and `heard journal export`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;

use super::{Context, ExportFormat};

pub fn stats(ctx: &Context, json: bool, since: Option<NaiveDate>) -> Result<ExitCode> {
    let _ = (ctx, json, since);
    todo!("stats helper")
}

pub fn export(
    ctx: &Context,
    format: ExportFormat,
    output: Option<&Path>,
    with_notes: bool,
) -> Result<ExitCode> {
    let _ = (ctx, format, output, with_notes);
    todo!("stats helper")
}
