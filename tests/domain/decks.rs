//! Deck checking (every rule, with the line and column a user would look at) and loading.

use std::path::Path;

use heard::deck::check::{DeckError, MAX_DECK_BYTES, check_deck};
use heard::mode::Mode;

fn check(text: &str) -> Result<heard::deck::Deck, Vec<DeckError>> {
    check_deck(Path::new("deck.toml"), text.as_bytes())
}

/// The errors of a deck that must fail, as (line, column, message).
fn errors(text: &str) -> Vec<(usize, usize, String)> {
    match check(text) {
        Ok(deck) => panic!("expected errors, but the deck passed: {deck:?}"),
        Err(errors) => errors
            .into_iter()
            .map(|e| (e.line, e.column, e.message))
            .collect(),
    }
}

/// The deck has exactly one error, at this line and column, whose message holds `words`.
#[track_caller]
fn only_error(text: &str, line: usize, column: usize, words: &str) {
    let found = errors(text);
    assert_eq!(found.len(), 1, "expected one error, got {found:#?}");
    let (l, c, message) = &found[0];
    assert_eq!((*l, *c), (line, column), "wrong position for {message:?}");
    assert!(
        message.contains(words),
        "message {message:?} should mention {words:?}"
    );
}

const GOOD: &str = r#"schema = 1
id = "evenings"
title = "Our evenings"
description = "For slow Sundays."
language = "de"
modes = ["solo", "couple"]
author = "Ana and Ben"

[[prompts]]
id = "good-moment"
text = "  What was a good moment between us this week?  "
followups = ["What made it good?"]
tags = ["appreciation"]

[[prompts]]
id = "need"
text = """
When things are hard,
what do you need from me?"""
depth = 3
"#;

#[test]
fn a_good_deck_passes_with_every_field_read() {
    let deck = check(GOOD).unwrap();
    assert_eq!(deck.id, "evenings");
    assert_eq!(deck.title, "Our evenings");
    assert_eq!(deck.description.as_deref(), Some("For slow Sundays."));
    assert_eq!(deck.language, "de");
    assert_eq!(deck.modes, vec![Mode::Solo, Mode::Couple]);
    assert_eq!(deck.author.as_deref(), Some("Ana and Ben"));
    assert_eq!(deck.prompts.len(), 2);
    let first = &deck.prompts[0];
    assert_eq!(first.id, "good-moment");
    assert_eq!(
        first.text, "What was a good moment between us this week?",
        "text is trimmed"
    );
    assert_eq!(first.depth, 1, "depth defaults to 1");
    assert_eq!(first.followups, vec!["What made it good?"]);
    assert_eq!(first.tags, vec!["appreciation"]);
    assert_eq!(
        deck.prompts[1].text,
        "When things are hard,\nwhat do you need from me?"
    );
    assert_eq!(deck.prompts[1].depth, 3);
    assert_eq!(
        deck.source,
        heard::deck::Source::File("deck.toml".into()),
        "a checked file remembers where it came from"
    );
}

#[test]
fn optional_keys_take_their_defaults() {
    let deck =
        check("schema = 1\nid = \"d\"\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n")
            .unwrap();
    assert_eq!(deck.language, "en");
    assert_eq!(deck.modes, vec![Mode::Couple]);
    assert_eq!(deck.description, None);
    assert_eq!(deck.author, None);
    assert!(deck.prompts[0].followups.is_empty() && deck.prompts[0].tags.is_empty());
}

#[test]
fn error_display_is_path_line_column_message() {
    let errs = check_deck(
        Path::new("decks/x.toml"),
        b"schema = 1\nid = \"x\"\ntitle = \"T\"\n",
    )
    .unwrap_err();
    assert_eq!(
        errs[0].to_string(),
        format!("decks/x.toml:1:1: {}", errs[0].message)
    );
}

// --- Bytes before TOML ---

#[test]
fn over_one_mebibyte_is_refused_before_parsing() {
    // Not UTF-8 and not TOML either: only the size is reported, so nothing was parsed.
    let bytes = vec![0xff; MAX_DECK_BYTES + 1];
    let errs = check_deck(Path::new("big.toml"), &bytes).unwrap_err();
    assert_eq!(errs.len(), 1);
    assert_eq!((errs[0].line, errs[0].column), (1, 1));
    assert!(errs[0].message.contains("1 MiB"), "{}", errs[0].message);
}

#[test]
fn exactly_one_mebibyte_is_allowed() {
    let mut text = String::from(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n#",
    );
    text.push_str(&"x".repeat(MAX_DECK_BYTES - text.len()));
    assert_eq!(text.len(), MAX_DECK_BYTES);
    assert!(check(&text).is_ok());
}

#[test]
fn invalid_utf8_points_at_the_first_bad_byte() {
    // Line 2 is `id = "ab` then the bad byte: 8 characters before it.
    let errs = check_deck(Path::new("d.toml"), b"schema = 1\nid = \"ab\xffc\"\n").unwrap_err();
    assert_eq!(errs.len(), 1);
    assert_eq!((errs[0].line, errs[0].column), (2, 9));
    assert!(errs[0].message.contains("UTF-8"));

    // Columns count characters: `title = "é` is 10 characters (11 bytes).
    let errs = check_deck(Path::new("d.toml"), b"title = \"\xc3\xa9\xfe\"\n").unwrap_err();
    assert_eq!((errs[0].line, errs[0].column), (1, 11));
}

#[test]
fn not_toml_reports_the_parsers_position_and_message() {
    let text = "schema = 1\nid = = \"x\"\ntitle = \"T\"\n";
    let parser = toml::de::DeTable::parse(text).unwrap_err();
    // The second `=` on line 2 is at column 6.
    let found = errors(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0, found[0].1), (2, 6));
    assert_eq!(parser.span().unwrap().start, "schema = 1\nid = ".len());
    assert!(found[0].2.contains(parser.message()), "{found:?}");
}

#[test]
fn a_key_written_twice_is_a_toml_error_at_the_second() {
    let found = errors("schema = 1\nid = \"x\"\ntitle = \"T\"\nid = \"y\"\n");
    assert_eq!((found[0].0, found[0].1), (4, 1), "{found:?}");
}

// --- schema ---

#[test]
fn schema_is_required_and_pointed_at_the_top() {
    only_error(
        "id = \"d\"\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n",
        1,
        1,
        "schema",
    );
}

#[test]
fn a_newer_schema_asks_for_a_newer_heard() {
    only_error(
        "schema = 2\nid = \"d\"\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n",
        1,
        10,
        "newer heard",
    );
}

#[test]
fn an_older_schema_says_so() {
    only_error(
        "schema = 0\nid = \"d\"\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n",
        1,
        10,
        "older heard",
    );
}

#[test]
fn schema_must_be_a_number() {
    only_error(
        "schema = \"1\"\nid = \"d\"\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n",
        1,
        10,
        "`schema` must be the whole number 1",
    );
}

// --- id, title and the optional strings ---

#[test]
fn deck_id_is_required() {
    only_error(
        "schema = 1\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n",
        1,
        1,
        "`id`",
    );
}

#[test]
fn deck_id_uses_only_lower_case_letters_digits_and_dashes() {
    only_error(
        "schema = 1\nid = \"Our deck\"\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n",
        2,
        6,
        "a-z, 0-9 and -",
    );
}

#[test]
fn deck_id_is_at_most_40_characters() {
    let ok = format!(
        "schema = 1\nid = \"{}\"\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n",
        "a".repeat(40)
    );
    assert!(check(&ok).is_ok());
    let long = ok.replace(&"a".repeat(40), &"a".repeat(41));
    only_error(&long, 2, 6, "at most 40");
}

#[test]
fn deck_id_cannot_be_empty() {
    only_error(
        "schema = 1\nid = \"\"\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n",
        2,
        6,
        "empty",
    );
}

#[test]
fn deck_id_must_be_text() {
    only_error(
        "schema = 1\nid = 7\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n",
        2,
        6,
        "`id` must be text",
    );
}

#[test]
fn title_is_required() {
    only_error(
        "schema = 1\nid = \"d\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n",
        1,
        1,
        "`title`",
    );
}

#[test]
fn title_cannot_be_blank() {
    only_error(
        "schema = 1\nid = \"d\"\ntitle = \"   \"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n",
        3,
        9,
        "empty",
    );
}

#[test]
fn title_is_at_most_80_characters() {
    let ok = format!(
        "schema = 1\nid = \"d\"\ntitle = \"{}\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n",
        "é".repeat(80)
    );
    assert!(check(&ok).is_ok(), "80 characters, even of two bytes each");
    let long = ok.replace(&"é".repeat(80), &"é".repeat(81));
    only_error(&long, 3, 9, "at most 80");
}

#[test]
fn optional_strings_must_be_text() {
    only_error(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\ndescription = 3\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n",
        4,
        15,
        "`description` must be text",
    );
    only_error(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\nlanguage = [\"en\"]\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n",
        4,
        12,
        "`language` must be text",
    );
    only_error(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\nauthor = true\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n",
        4,
        10,
        "`author` must be text",
    );
}

// --- modes ---

#[test]
fn modes_cannot_be_empty() {
    only_error(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\nmodes = []\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n",
        4,
        9,
        "`modes` is empty",
    );
}

#[test]
fn modes_are_only_couple_and_solo() {
    // `modes = ["couple", ` is 19 characters.
    only_error(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\nmodes = [\"couple\", \"group\"]\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n",
        4,
        20,
        "unknown mode `group`",
    );
}

#[test]
fn a_mode_listed_twice_points_at_the_second() {
    // `modes = ["solo", ` is 17 characters.
    only_error(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\nmodes = [\"solo\", \"solo\"]\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n",
        4,
        18,
        "twice",
    );
}

#[test]
fn modes_must_be_a_list() {
    only_error(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\nmodes = \"solo\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n",
        4,
        9,
        "`modes` must be a list",
    );
}

// --- unknown keys ---

#[test]
fn an_unknown_key_suggests_the_one_meant() {
    only_error(
        "schema = 1\nid = \"d\"\ntitel = \"T\"\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n",
        3,
        1,
        "unknown key `titel`; did you mean `title`?",
    );
}

#[test]
fn an_unknown_key_far_from_any_known_one_gets_no_guess() {
    let found = errors(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\ncolour = \"red\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n",
    );
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].0, found[0].1), (4, 1));
    assert!(found[0].2.contains("unknown key `colour`"));
    assert!(!found[0].2.contains("did you mean"), "{}", found[0].2);
}

#[test]
fn an_unknown_key_in_a_prompt_is_caught_too() {
    only_error(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\ndepht = 2\n",
        7,
        1,
        "did you mean `depth`?",
    );
}

// --- prompts ---

#[test]
fn a_deck_needs_prompts() {
    only_error("schema = 1\nid = \"d\"\ntitle = \"T\"\n", 1, 1, "prompt");
    only_error(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\nprompts = []\n",
        4,
        11,
        "`prompts` is empty",
    );
}

#[test]
fn prompts_must_be_an_array_of_tables() {
    // One bracket instead of two: a single table.
    only_error(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\n\n[prompts]\nid = \"p\"\ntext = \"Q?\"\n",
        5,
        1,
        "[[prompts]]",
    );
    only_error(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\nprompts = [\"Q?\"]\n",
        4,
        12,
        "each prompt must be a table",
    );
}

#[test]
fn a_prompt_without_id_points_at_its_header() {
    only_error(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\n\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n\n  [[prompts]]\ntext = \"R?\"\n",
        9,
        3,
        "no `id`",
    );
}

#[test]
fn an_inline_prompt_without_text_points_at_its_brace() {
    // `prompts = [` is 11 characters, so the `{` is at column 12.
    only_error(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\nprompts = [{ id = \"p\" }]\n",
        4,
        12,
        "no `text`",
    );
}

#[test]
fn a_prompt_id_uses_only_lower_case_letters_digits_and_dashes() {
    // Columns count characters: `prompts = [{ text = "Ça va?", id = ` is 35 characters.
    only_error(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\nprompts = [{ text = \"Ça va?\", id = \"Ça\" }]\n",
        4,
        36,
        "a-z, 0-9 and -",
    );
}

#[test]
fn a_prompt_id_cannot_be_empty() {
    only_error(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\n[[prompts]]\nid = \"\"\ntext = \"Q?\"\n",
        5,
        6,
        "empty",
    );
}

#[test]
fn a_repeated_prompt_id_points_at_the_second_and_names_the_first_line() {
    let text = "schema = 1\nid = \"d\"\ntitle = \"T\"\n\n[[prompts]]\nid = \"same\"\ntext = \"Q?\"\n\n[[prompts]]\nid = \"same\"\ntext = \"R?\"\n";
    only_error(text, 10, 6, "line 6");
    assert!(errors(text)[0].2.contains("`same`"));
}

#[test]
fn prompt_text_is_required_and_not_blank() {
    only_error(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\n",
        4,
        1,
        "no `text`",
    );
    only_error(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \" \\n\\t \"\n",
        6,
        8,
        "`text` is empty",
    );
}

#[test]
fn prompt_text_is_at_most_1000_characters() {
    let ok = format!(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \"{}\"\n",
        "ü".repeat(1000)
    );
    assert!(check(&ok).is_ok());
    let long = ok.replace(&"ü".repeat(1000), &"ü".repeat(1001));
    only_error(&long, 6, 8, "at most 1000");
}

#[test]
fn depth_is_a_whole_number_from_1_to_3() {
    for bad in ["0", "4", "-1", "2.5", "\"deep\"", "99999999999999999999"] {
        let text = format!(
            "schema = 1\nid = \"d\"\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\ndepth = {bad}\n"
        );
        only_error(&text, 7, 9, "`depth` must be a whole number from 1 to 3");
    }
    for good in ["1", "2", "3", "0x3"] {
        let text = format!(
            "schema = 1\nid = \"d\"\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\ndepth = {good}\n"
        );
        assert!(check(&text).is_ok(), "depth = {good}");
    }
}

#[test]
fn followups_and_tags_are_lists_of_text() {
    only_error(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\nfollowups = \"Why?\"\n",
        7,
        13,
        "`followups` must be a list",
    );
    // `tags = ["a", ` is 13 characters.
    only_error(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\ntags = [\"a\", 2]\n",
        7,
        14,
        "each item of `tags` must be text",
    );
}

// --- control characters ---

#[test]
fn a_control_character_in_a_string_points_at_the_string() {
    only_error(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \"Hi\\u001b[2J\"\n",
        6,
        8,
        "control character",
    );
    // Inside a list too: `followups = ["ok", ` is 19 characters.
    only_error(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\nfollowups = [\"ok\", \"bell\\u0007\"]\n",
        7,
        20,
        "control character",
    );
}

#[test]
fn a_control_character_in_a_key_points_at_the_key() {
    let found = errors(
        "schema = 1\nid = \"d\"\ntitle = \"T\"\n\"ti\\u0000tle\" = \"x\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n",
    );
    assert!(
        found
            .iter()
            .any(|(l, c, m)| (*l, *c) == (4, 1) && m.contains("control character")),
        "{found:?}"
    );
    assert!(
        found.iter().all(|(_, _, m)| !m.contains('\0')),
        "the key is shown escaped"
    );
}

#[test]
fn newlines_tabs_and_windows_line_endings_are_fine() {
    let text = "schema = 1\r\nid = \"d\"\r\ntitle = \"T\\tU\"\r\n[[prompts]]\r\nid = \"p\"\r\ntext = \"\"\"\r\nOne\r\ntwo\"\"\"\r\n";
    let deck = check(text).unwrap();
    assert_eq!(deck.prompts[0].text, "One\ntwo");
}

#[test]
fn a_byte_order_mark_is_not_counted_as_a_column() {
    only_error(
        "\u{feff}schema = 2\nid = \"d\"\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \"Q?\"\n",
        1,
        10,
        "newer heard",
    );
}

// --- many errors at once ---

#[test]
fn every_error_in_a_file_is_reported_in_order() {
    let text = r#"schema = 3
id = "My Deck"
titel = "T"
modes = ["couple", "trio"]

[[prompts]]
id = "a"
text = ""
depth = 5

[[prompts]]
id = "a"
"#;
    let found: Vec<(usize, usize)> = errors(text).iter().map(|(l, c, _)| (*l, *c)).collect();
    assert_eq!(
        found,
        vec![
            (1, 1),  // no title
            (1, 10), // schema 3
            (2, 6),  // id has capitals and a space
            (3, 1),  // titel
            (4, 20), // trio
            (8, 8),  // empty text
            (9, 9),  // depth 5
            (11, 1), // second prompt has no text
            (12, 6), // repeated id
        ]
    );
}

#[test]
fn a_deck_may_suggest_its_length_and_speaking_time() {
    let deck = check(&GOOD.replace(
        "author = \"Ana and Ben\"\n",
        "author = \"Ana and Ben\"\nsuggested_prompts = 3\nsuggested_seconds = 90\n",
    ))
    .unwrap();
    assert_eq!(deck.suggested_prompts, Some(3));
    assert_eq!(deck.suggested_seconds, Some(90));
    assert_eq!(check(GOOD).unwrap().suggested_prompts, None, "optional");
}

#[test]
fn a_suggestion_out_of_range_is_an_error_at_its_value() {
    let text = GOOD.replace(
        "author = \"Ana and Ben\"\n",
        "author = \"Ana and Ben\"\nsuggested_prompts = 40\n",
    );
    only_error(
        &text,
        8,
        21,
        "`suggested_prompts` must be a whole number of prompts from 1 to 20",
    );
    let text = GOOD.replace(
        "author = \"Ana and Ben\"\n",
        "author = \"Ana and Ben\"\nsuggested_seconds = \"long\"\n",
    );
    only_error(&text, 8, 21, "from 0 to 900");
}
