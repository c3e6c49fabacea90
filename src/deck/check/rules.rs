//! The rules of the deck format: the deck's own keys, its modes and its prompts.

use std::ops::Range;

use toml::de::DeTable;

use super::values::{
    Value, a_type, check_id, check_keys, integer, optional_text, quoted, text_list,
};
use super::{Found, MAX_ID_CHARS, MAX_TEXT_CHARS, MAX_TITLE_CHARS};
use crate::deck::{Deck, Prompt, Source};
use crate::mode::Mode;

const DECK_KEYS: &[&str] = &[
    "schema",
    "id",
    "title",
    "description",
    "language",
    "modes",
    "author",
    "suggested_prompts",
    "suggested_seconds",
    "prompts",
];
const PROMPT_KEYS: &[&str] = &["id", "text", "depth", "followups", "tags"];

pub(super) fn check_root(
    root: &DeTable<'_>,
    root_span: Range<usize>,
    found: &mut Found<'_>,
) -> Option<Deck> {
    check_keys(root, DECK_KEYS, found);
    let top = root_span.start;
    check_schema(root, top, found);
    let id = deck_id(root, top, found);
    let title = deck_title(root, top, found);
    let description = optional_text(root, "description", found).map(|(t, _)| t.trim().to_owned());
    let author = optional_text(root, "author", found).map(|(t, _)| t.trim().to_owned());
    let language = optional_text(root, "language", found).map(|(t, _)| t.trim().to_owned());
    let modes = check_modes(root.get("modes"), found);
    let suggested_prompts = suggested(root, "suggested_prompts", 1, 20, "prompts", found);
    let suggested_seconds = suggested(root, "suggested_seconds", 0, 900, "seconds", found);
    let prompts = check_prompts(root.get("prompts"), top, found);

    Some(Deck {
        id: id?,
        title: title?,
        description: description.filter(|d| !d.is_empty()),
        language: language.unwrap_or_else(|| "en".to_owned()),
        modes,
        author: author.filter(|a| !a.is_empty()),
        suggested_prompts: suggested_prompts.and_then(|n| u8::try_from(n).ok()),
        suggested_seconds: suggested_seconds.and_then(|n| u32::try_from(n).ok()),
        prompts,
        source: Source::BuiltIn,
    })
}

/// `schema = 1`; any other number says which heard the deck was written for.
fn check_schema(root: &DeTable<'_>, top: usize, found: &mut Found<'_>) {
    let Some(value) = root.get("schema") else {
        found.push(
            top,
            "missing `schema = 1` (the deck format version) at the top",
        );
        return;
    };
    match integer(value.get_ref()) {
        Some(Ok(1)) => {}
        Some(Ok(n)) if n > 1 => found.push(
            value.span().start,
            format!(
                "this deck is written for deck format {n}, which needs a newer heard; \
                 this heard reads `schema = 1`"
            ),
        ),
        Some(Ok(n)) => found.push(
            value.span().start,
            format!(
                "this deck says `schema = {n}`, made for an older heard; \
                 this heard reads `schema = 1`"
            ),
        ),
        Some(Err(())) => found.push(
            value.span().start,
            "this deck's schema number is too large, which needs a newer heard; \
             this heard reads `schema = 1`",
        ),
        None => found.push(value.span().start, "`schema` must be the whole number 1"),
    }
}

/// The deck's `id`, which must be there and be a short a-z, 0-9 and - name.
fn deck_id(root: &DeTable<'_>, top: usize, found: &mut Found<'_>) -> Option<String> {
    if root.get("id").is_none() {
        found.push(
            top,
            "missing `id`; give the deck a short name of a-z, 0-9 and -, like id = \"our-deck\"",
        );
        return None;
    }
    optional_text(root, "id", found).map(|(text, span)| {
        check_id(text, span.start, "the deck `id`", Some(MAX_ID_CHARS), found);
        text.to_owned()
    })
}

/// The deck's `title`, trimmed; it must be there, not blank and not too long.
fn deck_title(root: &DeTable<'_>, top: usize, found: &mut Found<'_>) -> Option<String> {
    if root.get("title").is_none() {
        found.push(top, "missing `title`; give the deck a name people will see");
        return None;
    }
    optional_text(root, "title", found).map(|(text, span)| {
        let count = text.chars().count();
        if text.trim().is_empty() {
            found.push(
                span.start,
                "`title` is empty; give the deck a name people will see",
            );
        } else if count > MAX_TITLE_CHARS {
            found.push(
                span.start,
                format!("`title` is {count} characters long; it can be at most {MAX_TITLE_CHARS}"),
            );
        }
        text.trim().to_owned()
    })
}

fn check_modes(value: Option<&Value<'_>>, found: &mut Found<'_>) -> Vec<Mode> {
    let Some(value) = value else {
        return vec![Mode::Couple];
    };
    let Some(items) = value.get_ref().as_array() else {
        found.push(
            value.span().start,
            "`modes` must be a list, like [\"couple\"] or [\"couple\", \"solo\"]",
        );
        return Vec::new();
    };
    if items.is_empty() {
        found.push(
            value.span().start,
            "`modes` is empty; list \"couple\", \"solo\" or both (or leave it out for couple)",
        );
    }
    let mut modes = Vec::new();
    for item in items.iter() {
        let mode = match item.get_ref().as_str() {
            Some("couple") => Mode::Couple,
            Some("solo") => Mode::Solo,
            Some(other) => {
                found.push(
                    item.span().start,
                    format!(
                        "unknown mode {}; a deck's modes can be \"couple\" and \"solo\"",
                        quoted(other)
                    ),
                );
                continue;
            }
            None => {
                found.push(
                    item.span().start,
                    "each mode must be text in quotes: \"couple\" or \"solo\"",
                );
                continue;
            }
        };
        if modes.contains(&mode) {
            let name = if mode == Mode::Couple {
                "couple"
            } else {
                "solo"
            };
            found.push(
                item.span().start,
                format!("\"{name}\" is listed twice in `modes`; list it once"),
            );
        } else {
            modes.push(mode);
        }
    }
    modes
}

fn check_prompts(value: Option<&Value<'_>>, top: usize, found: &mut Found<'_>) -> Vec<Prompt> {
    let Some(value) = value else {
        found.push(
            top,
            "this deck has no prompts; add at least one [[prompts]] table with an `id` and `text`",
        );
        return Vec::new();
    };
    let Some(items) = value.get_ref().as_array() else {
        found.push(
            value.span().start,
            "`prompts` must be a list of prompt tables; write each one under a [[prompts]] header (two brackets)",
        );
        return Vec::new();
    };
    if items.is_empty() {
        found.push(
            value.span().start,
            "`prompts` is empty; a deck needs at least one prompt",
        );
    }
    // Each prompt id, and where its value starts, to name the first when one repeats.
    let mut seen: Vec<(String, usize)> = Vec::new();
    let mut prompts = Vec::new();
    for item in items.iter() {
        let Some(table) = item.get_ref().as_table() else {
            found.push(
                item.span().start,
                format!(
                    "each prompt must be a table with `id` and `text`, not {}",
                    a_type(item.get_ref())
                ),
            );
            continue;
        };
        if let Some(prompt) = check_prompt(table, item.span().start, &mut seen, found) {
            prompts.push(prompt);
        }
    }
    prompts
}

fn check_prompt(
    table: &DeTable<'_>,
    start: usize,
    seen: &mut Vec<(String, usize)>,
    found: &mut Found<'_>,
) -> Option<Prompt> {
    check_keys(table, PROMPT_KEYS, found);
    let id = prompt_id(table, start, seen, found);
    let text = prompt_text(table, start, found);
    let depth = prompt_depth(table, found);
    let followups = table
        .get("followups")
        .map(|v| text_list(v, "followups", found))
        .unwrap_or_default();
    let tags = table
        .get("tags")
        .map(|v| text_list(v, "tags", found))
        .unwrap_or_default();

    Some(Prompt {
        id: id?,
        text: text?,
        depth: depth?,
        followups: followups
            .iter()
            .map(|f| normalize_newlines(f.trim()))
            .collect(),
        tags,
    })
}

/// The prompt's `id`: there, well formed, and not used by an earlier prompt in `seen`.
fn prompt_id(
    table: &DeTable<'_>,
    start: usize,
    seen: &mut Vec<(String, usize)>,
    found: &mut Found<'_>,
) -> Option<String> {
    if table.get("id").is_none() {
        found.push(
            start,
            "this prompt has no `id`; give it a short name of a-z, 0-9 and -, unique in the deck",
        );
        return None;
    }
    optional_text(table, "id", found).map(|(text, span)| {
        check_id(text, span.start, "the prompt `id`", None, found);
        if let Some((_, first)) = seen.iter().find(|(id, _)| id == text) {
            found.push(
                span.start,
                format!(
                    "the prompt id {} is already used at line {}; each prompt needs its own id",
                    quoted(text),
                    found.line_of(*first)
                ),
            );
        } else {
            seen.push((text.to_owned(), span.start));
        }
        text.to_owned()
    })
}

/// The prompt's question, trimmed, with Windows line breaks made plain.
fn prompt_text(table: &DeTable<'_>, start: usize, found: &mut Found<'_>) -> Option<String> {
    if table.get("text").is_none() {
        found.push(start, "this prompt has no `text`; write the question here");
        return None;
    }
    optional_text(table, "text", found).map(|(text, span)| {
        let count = text.chars().count();
        if text.trim().is_empty() {
            found.push(span.start, "`text` is empty; write the question here");
        } else if count > MAX_TEXT_CHARS {
            found.push(
                span.start,
                format!(
                    "`text` is {count} characters long; a prompt can be at most {MAX_TEXT_CHARS}"
                ),
            );
        }
        normalize_newlines(text.trim())
    })
}

/// An optional whole number in `low..=high` (`suggested_prompts`, `suggested_seconds`).
fn suggested(
    root: &DeTable<'_>,
    key: &str,
    low: i64,
    high: i64,
    unit: &str,
    found: &mut Found<'_>,
) -> Option<i64> {
    let value = root.get(key)?;
    match integer(value.get_ref()) {
        Some(Ok(n)) if (low..=high).contains(&n) => Some(n),
        _ => {
            found.push(
                value.span().start,
                format!("`{key}` must be a whole number of {unit} from {low} to {high}"),
            );
            None
        }
    }
}

/// `depth` from 1 to 3; 1 (light) when left out.
fn prompt_depth(table: &DeTable<'_>, found: &mut Found<'_>) -> Option<u8> {
    let Some(value) = table.get("depth") else {
        return Some(1);
    };
    match integer(value.get_ref()) {
        Some(Ok(n @ 1..=3)) => u8::try_from(n).ok(),
        _ => {
            found.push(
                value.span().start,
                "`depth` must be a whole number from 1 to 3 (1 light, 2 personal, 3 deep)",
            );
            None
        }
    }
}

fn normalize_newlines(text: &str) -> String {
    match text.contains("\r\n") {
        true => text.replace("\r\n", "\n"),
        false => text.to_owned(),
    }
}
