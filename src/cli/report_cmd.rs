//! `heard journal stats` and `heard journal export`.

use std::fs;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use super::{CoupleArg, ExportFormat, write_stdout};
use crate::context::Context;
use crate::journal::{Journal, couples};
use crate::journal::{export as journal_export, insights, stats as journal_stats, store};
use crate::paths;
use crate::text::one_line;

/// `heard journal stats`: compact JSON on one line (with `--json`), or plain words, one
/// block per couple. With `--couple`, only that couple's talks are counted.
pub fn stats(
    ctx: &Context,
    json: bool,
    since: Option<NaiveDate>,
    couple: Option<&CoupleArg>,
) -> Result<ExitCode> {
    let mut journal = store::load(&ctx.paths.journal())?.journal;
    let now = paths::now()?;
    if let Some(asked) = couple {
        asked_couple(&journal, asked)?;
        journal.sessions.retain(|s| couples::belongs(s, &asked.key));
    }
    let text = if json {
        let stats = journal_stats::compute(&journal, since, now);
        // Names come from the journal: characters that could steer a terminal are written
        // as `\uXXXX`, which any JSON reader turns back into the same text.
        let mut text = String::new();
        for c in serde_json::to_string(&stats)?.chars() {
            if crate::text::is_unsafe_char(c) {
                text.push_str(&format!("\\u{:04x}", c as u32));
            } else {
                text.push(c);
            }
        }
        text.push('\n');
        text
    } else {
        // Filtered and split in place: a copy of a large journal costs as much as reading it.
        if let Some(day) = since {
            journal
                .sessions
                .retain(|s| s.started_at.local_date() >= day);
        }
        let sessions = std::mem::take(&mut journal.sessions);
        let by_couple = couples::split_by_couple(&journal, sessions);
        let text = stats_in_words(&by_couple, since, now);
        // The process ends now: handing a large journal back to the allocator string by
        // string takes a fifth as long as reading it, for nothing.
        std::mem::forget(by_couple);
        text
    };
    write_stdout(text.as_bytes())?;
    std::mem::forget(journal);
    Ok(ExitCode::SUCCESS)
}

/// The figures and what stands out, a block per couple (newest first) under their names.
fn stats_in_words(
    by_couple: &[(couples::Couple, Journal)],
    since: Option<NaiveDate>,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> String {
    if by_couple.is_empty() {
        let none = journal_stats::compute(&Journal::default(), None, now);
        return journal_stats::describe(&none, since, now);
    }
    let mut blocks = Vec::new();
    for (couple, journal) in by_couple {
        let stats = journal_stats::compute(journal, None, now);
        let mut text = format!(
            "{}\n",
            crate::words::couple_heading(&one_line(&couple.label()))
        );
        text.push_str(&journal_stats::describe(&stats, since, now));
        // The figures already say the rhythm; the insights add what stands out.
        let found: Vec<_> = insights::insights(journal, now)
            .into_iter()
            .filter(|i| !i.is_cadence())
            .collect();
        if !found.is_empty() {
            text.push_str("\nWhat stands out:\n");
            for insight in found {
                text.push_str(&format!("  {insight}\n"));
            }
        }
        blocks.push(text);
    }
    blocks.join("\n")
}

/// The couple `--couple` names, as the journal has it; if it has no such couple, an error
/// (exit 1) naming the couples it has.
pub(crate) fn asked_couple(journal: &Journal, asked: &CoupleArg) -> Result<couples::Couple> {
    match couples::find(journal, &asked.key) {
        Some(couple) => Ok(couple),
        None => {
            let there: Vec<String> = couples::couples(journal)
                .iter()
                .map(|c| one_line(&c.label()).into_owned())
                .collect();
            bail!("{}", crate::words::no_such_couple(&asked.shown, &there))
        }
    }
}

/// `heard journal export`: to the screen, or atomically into `--output` (0600 on Unix).
pub fn export(
    ctx: &Context,
    format: ExportFormat,
    output: Option<&Path>,
    with_notes: bool,
    since: Option<NaiveDate>,
    couple: Option<&CoupleArg>,
) -> Result<ExitCode> {
    let journal_path = ctx.paths.journal();
    if let Some(output) = output {
        refuse_journal_files(output, &journal_path, format)?;
    }
    // Load before touching any file: a journal that does not read leaves nothing behind.
    let mut loaded = store::load(&journal_path)?;
    if let Some(asked) = couple {
        asked_couple(&loaded.journal, asked)?;
        // Only their talks and their own reflections, as `journal list --couple` lists them.
        loaded
            .journal
            .sessions
            .retain(|s| couples::belongs(s, &asked.key));
    }
    let kept;
    let journal = match since {
        Some(_) => {
            kept = insights::since(&loaded.journal, since);
            &kept
        }
        None => &loaded.journal,
    };
    let text = match format {
        ExportFormat::Json => journal_export::to_json(journal),
        ExportFormat::Csv => journal_export::to_csv(journal, with_notes),
        ExportFormat::Md => journal_export::to_markdown(journal, with_notes, paths::now()?),
    };
    match output {
        None => {
            // A CSV or JSON export is faithful data; on a terminal, though, text from the
            // journal must not be able to move the cursor or change colours.
            if std::io::stdout().is_terminal() {
                write_stdout(crate::text::multi_line(&text).as_bytes())?;
            } else {
                write_stdout(text.as_bytes())?;
            }
        }
        Some(output) => {
            write_private(output, text.as_bytes())?;
            let what = match format {
                ExportFormat::Json => "the whole journal, notes included,",
                _ if with_notes => "your talks, notes included,",
                _ => "your talks",
            };
            eprintln!(
                "heard: wrote {what} to {}; it holds private words, keep it somewhere safe",
                crate::text::one_line(&output.display().to_string())
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Never let an export replace the journal or its backup.
fn refuse_journal_files(output: &Path, journal: &Path, format: ExportFormat) -> Result<()> {
    let mut backup = journal.as_os_str().to_owned();
    backup.push(".bak");
    let out = comparable(output);
    for protected in [journal.to_path_buf(), PathBuf::from(backup)] {
        if out == comparable(&protected) {
            bail!(
                "{}: that is heard's own journal file; choose another file for the export, e.g. --output talks.{}",
                output.display(),
                match format {
                    ExportFormat::Json => "json",
                    ExportFormat::Csv => "csv",
                    ExportFormat::Md => "md",
                }
            );
        }
    }
    Ok(())
}

/// A path made absolute and free of links as far as it exists, so two spellings of the
/// same file compare equal.
fn comparable(path: &Path) -> PathBuf {
    if let Ok(real) = fs::canonicalize(path) {
        return real;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (absolute.parent(), absolute.file_name()) {
        (Some(parent), Some(name)) => fs::canonicalize(parent)
            .map(|p| p.join(name))
            .unwrap_or(absolute),
        _ => absolute,
    }
}

/// Write the export to `path` with the store's atomic private writer (0600 on Unix), with
/// words for the two mistakes a person makes naming the file.
fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    if path.file_name().is_none() {
        bail!("{}: not a file name to export to", path.display());
    }
    if path.is_dir() {
        bail!(
            "{}: is a folder; give a file name for the export, e.g. {}",
            path.display(),
            path.join("talks.csv").display()
        );
    }
    store::write_private(path, bytes)
        .map_err(|e| anyhow::anyhow!("{}: cannot write the export: {e}", path.display()))
}
