//! `heard decks list | show | check | new`.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};
use serde_json::json;

use super::{DecksCommand, write_stdout};
use crate::context::Context;
use crate::deck::check::check_deck;
use crate::deck::load::{Catalog, read_deck_file, resolve};
use crate::deck::{Deck, Source};
use crate::mode::Mode;
use crate::text::{multi_line, one_line};

pub fn run(cmd: DecksCommand, ctx: &Context) -> Result<ExitCode> {
    match cmd {
        DecksCommand::List { json } => list(ctx, json),
        DecksCommand::Show { deck } => show(ctx, &deck),
        DecksCommand::Check { paths } => Ok(check(&paths)),
        DecksCommand::New { path } => new(ctx, &path),
    }
}

const DEPTH_NAMES: [&str; 3] = ["light", "personal", "deep"];

fn modes_text(deck: &Deck) -> String {
    let names: Vec<&str> = deck
        .modes
        .iter()
        .map(|mode| match mode {
            Mode::Couple => "couple",
            Mode::Solo => "solo",
        })
        .collect();
    names.join(", ")
}

fn where_from(catalog: &Catalog, deck: &Deck) -> &'static str {
    match deck.source {
        Source::BuiltIn => "built-in",
        Source::File(_) if catalog.overrides_built_in(deck) => "replaces built-in",
        Source::File(_) => "your decks folder",
    }
}

fn list(ctx: &Context, json: bool) -> Result<ExitCode> {
    let catalog = Catalog::load(&ctx.paths.decks_dir());
    let out = if json {
        list_json(&catalog)?
    } else {
        list_table(ctx, &catalog)
    };
    write_stdout(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn list_table(ctx: &Context, catalog: &Catalog) -> String {
    let header = [
        "id",
        "title",
        "prompts",
        "light/personal/deep",
        "modes",
        "from",
    ];
    let mut rows: Vec<[String; 6]> = vec![header.map(String::from)];
    for deck in &catalog.decks {
        let [light, personal, deep] = deck.depth_mix();
        rows.push([
            one_line(&deck.id).into_owned(),
            one_line(&deck.title).into_owned(),
            deck.prompts.len().to_string(),
            format!("{light}/{personal}/{deep}"),
            modes_text(deck),
            where_from(catalog, deck).to_owned(),
        ]);
    }
    let mut widths = [0; 6];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in &rows {
        let mut line = String::new();
        for (i, (cell, width)) in row.iter().zip(widths).enumerate() {
            // The count of prompts lines up on the right, like numbers do.
            if i == 2 {
                let _ = write!(line, "{cell:>width$}  ");
            } else {
                let _ = write!(line, "{cell:<width$}  ");
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    if !catalog.broken.is_empty() {
        out.push_str("\nThese of your decks could not be used:\n");
        for broken in &catalog.broken {
            if let Some(first) = broken.errors.first() {
                let _ = writeln!(out, "  {}", one_line(&first.to_string()));
            }
        }
        out.push_str("Run `heard decks check PATH` to see every problem in a deck.\n");
    }
    let decks_dir = ctx.paths.decks_dir();
    let _ = writeln!(
        out,
        "\nYour own decks live in {}; `heard decks new PATH` starts one.",
        one_line(&decks_dir.display().to_string())
    );
    out
}

fn list_json(catalog: &Catalog) -> Result<String> {
    let decks: Vec<_> = catalog
        .decks
        .iter()
        .map(|deck| {
            let [light, personal, deep] = deck.depth_mix();
            let source = match &deck.source {
                Source::BuiltIn => "built-in".to_owned(),
                Source::File(path) => path.display().to_string(),
            };
            json!({
                "id": one_line(&deck.id),
                "title": one_line(&deck.title),
                "description": deck.description.as_deref().map(one_line),
                "language": one_line(&deck.language),
                "modes": deck.modes,
                "author": deck.author.as_deref().map(one_line),
                "prompts": deck.prompts.len(),
                "depth_mix": {"light": light, "personal": personal, "deep": deep},
                "source": one_line(&source),
                "overrides_built_in": catalog.overrides_built_in(deck),
            })
        })
        .collect();
    let broken: Vec<_> = catalog
        .broken
        .iter()
        .filter_map(|broken| {
            let first = broken.errors.first()?;
            Some(json!({
                "path": one_line(&broken.path.display().to_string()),
                "error": one_line(&first.to_string()),
                "line": (first.line > 0).then_some(first.line),
                "column": (first.line > 0).then_some(first.column),
                "message": one_line(&first.message),
            }))
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&json!({"decks": decks, "broken": broken}))?;
    text.push('\n');
    Ok(text)
}

fn show(ctx: &Context, id_or_path: &str) -> Result<ExitCode> {
    let catalog = Catalog::load(&ctx.paths.decks_dir());
    let deck = resolve(&catalog, id_or_path)?;
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", one_line(&deck.title), one_line(&deck.id));
    if let Some(description) = &deck.description {
        let _ = writeln!(out, "{}", one_line(description));
    }
    out.push('\n');
    let _ = writeln!(out, "modes:    {}", modes_text(&deck));
    let _ = writeln!(out, "language: {}", one_line(&deck.language));
    if let Some(author) = &deck.author {
        let _ = writeln!(out, "author:   {}", one_line(author));
    }
    let from = match &deck.source {
        Source::BuiltIn => "built-in".to_owned(),
        Source::File(path) if catalog.overrides_built_in(&deck) => {
            format!("{} (replaces the built-in deck)", path.display())
        }
        Source::File(path) => path.display().to_string(),
    };
    let _ = writeln!(out, "from:     {}", one_line(&from));
    let [light, personal, deep] = deck.depth_mix();
    let _ = writeln!(
        out,
        "prompts:  {} ({light} light, {personal} personal, {deep} deep)",
        deck.prompts.len()
    );
    for (n, prompt) in deck.prompts.iter().enumerate() {
        let depth = DEPTH_NAMES[usize::from(prompt.depth.clamp(1, 3)) - 1];
        let _ = writeln!(out, "\n{:>2}. [{depth}] {}", n + 1, one_line(&prompt.id));
        for line in multi_line(&prompt.text).lines() {
            let _ = writeln!(out, "    {line}");
        }
        for followup in &prompt.followups {
            let _ = writeln!(out, "      - {}", one_line(followup));
        }
        if !prompt.tags.is_empty() {
            let tags: Vec<_> = prompt.tags.iter().map(|t| one_line(t)).collect();
            let _ = writeln!(out, "      tags: {}", tags.join(", "));
        }
    }
    write_stdout(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// Errors go to stderr, one per line; `ok` lines to stdout.
fn check(paths: &[std::path::PathBuf]) -> ExitCode {
    let mut failed = false;
    for path in paths {
        let shown = one_line(&path.display().to_string()).into_owned();
        let bytes = match read_deck_file(path) {
            Ok(bytes) => bytes,
            Err(err) => {
                failed = true;
                eprintln!("{shown}: cannot read: {err}");
                continue;
            }
        };
        match check_deck(path, &bytes) {
            Ok(deck) => {
                let n = deck.prompts.len();
                let noun = if n == 1 { "prompt" } else { "prompts" };
                let _ = write_stdout(format!("{shown}: ok ({n} {noun})\n").as_bytes());
            }
            Err(errors) => {
                failed = true;
                for error in errors {
                    eprintln!("{}", one_line(&error.to_string()));
                }
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn new(ctx: &Context, path: &Path) -> Result<ExitCode> {
    use std::io::Write;

    let shown = one_line(&path.display().to_string()).into_owned();
    if path.exists() {
        bail!("{shown} already exists; heard will not overwrite it, so pick another name");
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        // Private like the data folder: another user must not change the decks.
        crate::files::create_private_dir_all(parent)
            .with_context(|| format!("cannot create the folder {}", parent.display()))?;
    }
    let (id, title) = starter_names(path);
    let text = STARTER.replace("@ID@", &id).replace("@TITLE@", &title);
    let mut file = match crate::files::private_file().create_new(true).open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
            bail!("{shown} already exists; heard will not overwrite it, so pick another name")
        }
        Err(err) => return Err(err).with_context(|| format!("cannot write {shown}")),
    };
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .with_context(|| format!("cannot write {shown}"))?;

    let decks_dir = ctx.paths.decks_dir();
    let parent = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let in_decks_dir = match (
        std::fs::canonicalize(parent),
        std::fs::canonicalize(&decks_dir),
    ) {
        (Ok(parent), Ok(dir)) => parent == dir,
        _ => false,
    };
    let mut out = format!("Wrote a starter deck to {shown}.\n");
    let _ = writeln!(
        out,
        "Next: edit its prompts, then run `heard decks check {shown}`."
    );
    if in_decks_dir {
        out.push_str("It is in your decks folder, so `heard decks list` shows it.\n");
    } else {
        let _ = writeln!(
            out,
            "Put it in {}/ to see it in heard, or use it once with `heard talk --deck {shown}`.",
            one_line(&decks_dir.display().to_string())
        );
    }
    write_stdout(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// A deck id and title from the file name ("our-evenings.toml": `our-evenings`, "Our
/// evenings"), so the new deck does not clash with the next one made the same way.
fn starter_names(path: &Path) -> (String, String) {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let mut id = String::new();
    for c in stem.chars() {
        let c = if c.is_ascii_lowercase() || c.is_ascii_digit() {
            c
        } else {
            '-'
        };
        if !(c == '-' && (id.is_empty() || id.ends_with('-'))) {
            id.push(c);
        }
    }
    let mut id: String = id.trim_end_matches('-').chars().take(40).collect();
    id = id.trim_end_matches('-').to_owned();
    if id.is_empty() {
        id = "my-deck".to_owned();
    }
    let words = id.replace('-', " ");
    let mut title: String = words.chars().take(1).flat_map(char::to_uppercase).collect();
    title.extend(words.chars().skip(1));
    (id, title)
}

const STARTER: &str = r#"# A deck of prompts for heard. Lines starting with # are comments: heard ignores them.
# Check this file with `heard decks check PATH`; put it in your decks folder
# (`heard config path` shows where settings live; decks go in its decks/ folder)
# and it appears in `heard decks list`.

# The deck format version. Always 1 for now.
schema = 1

# A short name for the deck: 1 to 40 characters of a-z, 0-9 and -.
# A deck with the same id as a built-in deck (like "rekindle") replaces it.
id = "@ID@"

# The name people see, up to 80 characters.
title = "@TITLE@"

# Optional: one line about what this deck is for.
description = "Questions we want to ask each other."

# Optional: the language of the prompts (default "en").
language = "en"

# Optional: "couple" for talks for two, "solo" for reflecting alone, or both.
# Leave it out and the deck is for couples.
modes = ["couple", "solo"]

# Optional: who wrote the deck.
# author = "Your names"

# Each prompt starts with [[prompts]] (two brackets). A deck needs at least one.
#   id         required: a-z, 0-9 and -, different for every prompt in the deck
#   text       required: the question, up to 1000 characters
#   depth      optional: 1 light, 2 personal, 3 deep (default 1); lighter ones come first
#   followups  optional: gentle hints shown under the question
#   tags       optional: words to group prompts by
# Text is in "quotes"; for several lines use """triple quotes""".

[[prompts]]
id = "good-moment"
text = "What was a good moment between us this week?"
depth = 1
followups = ["What made it good?"]
tags = ["appreciation"]

[[prompts]]
id = "wish-more"
text = "What is something you wish we did more often?"
depth = 2
followups = ["What would make it easier to start?"]

[[prompts]]
id = "need-from-me"
text = "When things are hard for you, what do you most need from me?"
depth = 3
followups = ["How can I tell when you need it?"]
"#;
