//! `heard journal path | list | show | merge | repair | forget` (stats and export live in
//! `report_cmd`).

mod view;

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::{JournalCommand, report_cmd, write_stdout};
use crate::context::Context;
use crate::journal::merge::merge;
use crate::journal::store::{self, JournalError, Repair, Store};
use crate::journal::{Journal, Session};
use crate::text::one_line;

pub fn run(cmd: JournalCommand, ctx: &Context) -> Result<ExitCode> {
    match cmd {
        JournalCommand::Stats {
            json,
            since,
            couple,
        } => report_cmd::stats(ctx, json, since, couple.as_ref()),
        JournalCommand::Export {
            format,
            output,
            with_notes,
            since,
            couple,
        } => report_cmd::export(
            ctx,
            format,
            output.as_deref(),
            with_notes,
            since,
            couple.as_ref(),
        ),
        JournalCommand::Path => {
            let path = Store::from_paths(&ctx.paths).journal_path();
            write_stdout(format!("{}\n", path.display()).as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        JournalCommand::List {
            json,
            since,
            couple,
        } => view::list(ctx, json, since, couple.as_ref()),
        JournalCommand::Show { id, json, notes_of } => {
            view::show(ctx, &id, json, notes_of.as_deref())
        }
        JournalCommand::Merge { file } => merge_file(ctx, &file),
        JournalCommand::Repair => repair(ctx),
        JournalCommand::Forget { id, yes } => forget(ctx, &id, yes),
    }
}

fn merge_file(ctx: &Context, file: &Path) -> Result<ExitCode> {
    let store = Store::from_paths(&ctx.paths);
    let lock = store.lock()?;
    let ours = store.load()?;
    store.ensure_writable(&ours)?;
    let theirs = read_other(file)?;
    let (merged, report) = merge(&ours.journal, &theirs);

    let mut out = String::new();
    let shown = one_line(&file.display().to_string()).into_owned();
    for conflict in &report.conflicts {
        let which = if conflict.took_theirs {
            format!("took the copy from {shown}, which ended later")
        } else {
            "kept yours, which ended later or at the same time".to_string()
        };
        out.push_str(&format!(
            "Talk {} ({}) differs between the two journals: {which}.\n",
            view::short_id(&conflict.id),
            view::when(&conflict.started_at),
        ));
    }
    if report.is_noop() {
        out.push_str(&format!(
            "Nothing new to add: every talk in {shown} is already in your journal.\n"
        ));
    } else {
        store.save(&lock, &merged)?;
        out.push_str(&format!(
            "Merged {shown} into your journal: {} added, {} replaced by a later copy, {} kept as yours, {} already there.\n",
            talks(report.added.len()),
            report.replaced(),
            report.kept(),
            report.unchanged,
        ));
    }
    write_stdout(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// Read the journal to merge in, with the same loader as ours; its problems name it.
fn read_other(file: &Path) -> Result<Journal> {
    let bytes = match crate::files::read_regular(file) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            bail!("{}: there is no file here to merge", file.display())
        }
        Err(e) => bail!("{}: cannot read it: {e}", file.display()),
    };
    match store::parse(file, &bytes) {
        Ok(loaded) => Ok(loaded.journal),
        Err(JournalError::Corrupt {
            path,
            line,
            column,
            message,
        }) => bail!(
            "{}:{line}:{column}: this file does not read as a heard journal ({message}); nothing was merged",
            path.display()
        ),
        Err(other) => Err(other.into()),
    }
}

fn repair(ctx: &Context) -> Result<ExitCode> {
    let store = Store::from_paths(&ctx.paths);
    let lock = store.lock()?;
    let outcome = store.repair(&lock, crate::paths::now()?)?;
    let journal = store.journal_path();
    let text = match outcome {
        Repair::NoJournal => format!(
            "There is no journal in {} yet, so there is nothing to repair.\n",
            store.dir().display()
        ),
        Repair::Fine {
            sessions,
            writable: true,
        } => format!(
            "The journal at {} reads fine ({}). Nothing was changed.\n",
            journal.display(),
            talks(sessions)
        ),
        Repair::Fine {
            sessions,
            writable: false,
        } => format!(
            "The journal at {} reads fine ({}); it was written by a newer heard, so this one only reads it. Nothing was changed.\n",
            journal.display(),
            talks(sessions)
        ),
        Repair::Restored {
            corrupt_copy,
            problem,
            sessions,
        } => format!(
            "The journal did not read ({}).\nIt is kept, unchanged, at {}.\nRestored the last good copy from {} ({}).\n",
            one_line(&problem),
            corrupt_copy.display(),
            store.backup_path().display(),
            talks(sessions),
        ),
        Repair::StartedAfresh {
            corrupt_copy,
            problem,
            backup_problem,
        } => {
            let why = match backup_problem {
                Some(reason) => format!("the backup does not read either ({})", one_line(&reason)),
                None => "there is no backup to restore".to_string(),
            };
            format!(
                "The journal did not read ({}).\nIt is kept, unchanged, at {}.\nStarted a new, empty journal, because {why}.\n",
                one_line(&problem),
                corrupt_copy.display(),
            )
        }
    };
    write_stdout(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn forget(ctx: &Context, prefix: &str, yes: bool) -> Result<ExitCode> {
    let store = Store::from_paths(&ctx.paths);
    let lock = store.lock()?;
    let loaded = store.load()?;
    store.ensure_writable(&loaded)?;
    let session = find_session(&loaded.journal, prefix, &store.journal_path())?;
    let id = session.id.clone();
    let label = format!(
        "{} ({}, {})",
        view::when(&session.started_at),
        view::short_id(&id),
        one_line(&session.deck_id)
    );
    if !yes && !confirmed(&label)? {
        eprintln!("Nothing was forgotten.");
        return Ok(ExitCode::SUCCESS);
    }
    store.forget(&lock, &id)?;
    let mut out =
        format!("Forgot the talk of {label}: it is gone from the journal and from its backup.\n");
    let copies = store::corrupt_copies(&store);
    if !copies.is_empty() {
        let names: Vec<String> = copies.iter().map(|c| c.display().to_string()).collect();
        out.push_str(&format!(
            "Copies set aside by `heard journal repair` were not changed: {}\n",
            names.join(", ")
        ));
    }
    write_stdout(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// The one talk whose id starts with `prefix`; several, or none, is an error that says
/// what to type instead.
/// Ask on the terminal before a talk is deleted for good; without a terminal, refuse
/// rather than guess (`--yes` says it up front).
fn confirmed(label: &str) -> Result<bool> {
    use std::io::{BufRead, IsTerminal, Write};
    if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        bail!(
            "journal forget deletes a talk for good and there is no terminal to ask on: add --yes to forget it"
        );
    }
    let mut err = std::io::stderr();
    write!(
        err,
        "Forget the talk of {label}? It is removed from the journal and its backup, for good. [y/N] "
    )?;
    err.flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"))
}

pub(crate) fn find_session<'a>(
    journal: &'a Journal,
    prefix: &str,
    path: &Path,
) -> Result<&'a Session> {
    let shown = one_line(prefix);
    if prefix.trim().is_empty() {
        bail!(
            "give the talk's id, or enough of its start to be unique; `heard journal list` shows them"
        );
    }
    let matches: Vec<&Session> = journal
        .sessions
        .iter()
        .filter(|s| s.id.starts_with(prefix))
        .collect();
    let Some(first) = matches.first() else {
        bail!(
            "{}: no talk has an id starting with \"{shown}\"; `heard journal list` shows them all",
            path.display()
        );
    };
    let mut distinct: Vec<&Session> = Vec::new();
    for session in &matches {
        if !distinct.iter().any(|s| s.id == session.id) {
            distinct.push(session);
        }
    }
    if distinct.len() > 1 {
        let candidates: Vec<String> = distinct
            .iter()
            .map(|s| {
                format!(
                    "{} ({}, {}, {})",
                    one_line(&s.id),
                    view::when(&s.started_at),
                    s.mode,
                    one_line(&s.deck_id)
                )
            })
            .collect();
        bail!(
            "\"{shown}\" matches {} talks: {}; give more of the id",
            distinct.len(),
            candidates.join("; ")
        );
    }
    Ok(first)
}

fn talks(n: usize) -> String {
    if n == 1 {
        "1 talk".to_string()
    } else {
        format!("{n} talks")
    }
}

/// JSON for the screen: exactly the data, with every character that could steer a
/// terminal (serde_json leaves C1 controls, DEL and bidi marks raw) written as `\uXXXX`,
/// which any JSON reader turns back into the same text.
pub(crate) fn json_for_terminal<T: serde::Serialize>(value: &T) -> Result<String> {
    let text = serde_json::to_string_pretty(value)?;
    let mut out = String::with_capacity(text.len() + 1);
    for c in text.chars() {
        if crate::text::is_unsafe_char(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('\n');
    Ok(out)
}
