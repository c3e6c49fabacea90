//! Hostile files: the deck checker and the journal loader take any bytes (random, mutated
//! valid files, wrong types at every field, deep nesting, huge files, duplicate keys,
//! invalid UTF-8) and answer with a clear error or a value, never a panic, and their
//! messages never carry a control character to the terminal.

use std::path::Path;

use heard::deck::check::check_deck;
use heard::journal::store::parse;
use proptest::prelude::*;
use serde_json::{Value, json};

/// Every property below runs this many cases: enough to find a panic, quick enough for CI.
const CASES: u32 = 256;

fn rekindle() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/prompts/rekindle.toml"
    ))
    .unwrap()
}

fn valid_journal() -> Value {
    json!({
        "format": "heard-journal",
        "version": 1,
        "sessions": [{
            "id": "0b4f6d1e-3c1a-4f7e-9a43-6a4e2c9d8b10",
            "mode": "couple",
            "started_at": "2026-11-26T20:01:00+01:00",
            "ended_at": "2026-11-26T20:41:00+01:00",
            "completed": true,
            "deck_id": "rekindle",
            "partners": ["Ana", "Ben"],
            "mood_before": [3, 2],
            "mood_after": [4, 4],
            "closeness": [5, 6],
            "turns": [{
                "prompt_id": "first-noticed",
                "prompt": "What did you notice about me early on?",
                "speaker": 0,
                "felt_heard": 4,
                "felt_validated": 5,
                "listener_guess": 3,
                "seconds": 170,
                "skipped": false,
                "note": "a private note"
            }, {
                "prompt_id": "solo-one",
                "prompt": "What is on your mind?",
                "speaker": 0,
                "clarity": 3,
                "bring_to_talk": true,
                "skipped": false
            }]
        }]
    })
}

/// A message fit for a terminal line: no control character at all (not even a newline:
/// each error is one line), no bidi override.
#[track_caller]
fn safe_line(message: &str) {
    assert!(
        !message
            .chars()
            .any(|c| heard::text::is_unsafe_char(c) || c == '\n'),
        "unsafe message: {message:?}"
    );
}

fn check_deck_safely(bytes: &[u8]) {
    let path = Path::new("/decks/hostile.toml");
    if let Err(errors) = check_deck(path, bytes) {
        assert!(!errors.is_empty(), "an error without a message");
        for error in errors {
            let text = error.to_string();
            assert!(text.starts_with("/decks/hostile.toml:"), "{text}");
            safe_line(&text);
        }
    }
}

fn parse_journal_safely(bytes: &[u8]) {
    let path = Path::new("/data/journal.json");
    if let Err(error) = parse(path, bytes) {
        let text = error.to_string();
        assert!(text.starts_with("/data/journal.json:"), "{text}");
        safe_line(&text);
    }
}

/// Changes a fuzzer would make: flip, insert, delete, duplicate a slice, splice in a
/// troublesome snippet.
#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Duplicate(usize, usize),
}

fn troublesome() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        any::<Vec<u8>>(),
        Just(b"\x1b[2J\x1b]0;pwned\x07".to_vec()),
        Just("\u{202E}\u{2066}\u{200F}".as_bytes().to_vec()),
        Just(b"\xff\xfe\xc0\x80".to_vec()),
        Just(b"\"\\u001b[31m\"".to_vec()),
        Just(b"[[[[[[[[[[[[[[[[".to_vec()),
        Just(b"{{{{{{{{".to_vec()),
        Just(b"\n[[prompts]]\nid = \"x\"\n".to_vec()),
        Just(b"\"format\": 7, ".to_vec()),
        Just(b"null".to_vec()),
        Just(b"1e999".to_vec()),
        Just(b"-0".to_vec()),
        Just(b"\0".to_vec()),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<usize>(), troublesome()).prop_map(|(i, s)| Mutation::Insert(i, s)),
        (any::<usize>(), 0usize..64).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<usize>(), 0usize..256).prop_map(|(i, n)| Mutation::Duplicate(i, n)),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match m {
            Mutation::Flip(i, b) => {
                if !bytes.is_empty() {
                    bytes[i % len] = *b;
                }
            }
            Mutation::Insert(i, snippet) => {
                let at = i % (bytes.len() + 1);
                bytes.splice(at..at, snippet.iter().copied());
            }
            Mutation::Delete(i, n) => {
                let at = i % len;
                let end = (at + n).min(bytes.len());
                if at < end {
                    bytes.drain(at..end);
                }
            }
            Mutation::Duplicate(i, n) => {
                let at = i % len;
                let end = (at + n).min(bytes.len());
                if at < end {
                    let slice = bytes[at..end].to_vec();
                    bytes.splice(end..end, slice);
                }
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, ..ProptestConfig::default() })]

    #[test]
    fn the_deck_checker_takes_any_bytes(bytes in any::<Vec<u8>>()) {
        check_deck_safely(&bytes);
    }

    #[test]
    fn the_deck_checker_takes_any_mutation_of_a_valid_deck(
        mutations in proptest::collection::vec(mutation(), 1..8)
    ) {
        check_deck_safely(&mutate(rekindle(), &mutations));
    }

    #[test]
    fn the_journal_loader_takes_any_bytes(bytes in any::<Vec<u8>>()) {
        parse_journal_safely(&bytes);
    }

    #[test]
    fn the_journal_loader_takes_any_mutation_of_a_valid_journal(
        mutations in proptest::collection::vec(mutation(), 1..8)
    ) {
        let bytes = serde_json::to_vec_pretty(&valid_journal()).unwrap();
        parse_journal_safely(&mutate(bytes, &mutations));
    }

    #[test]
    fn the_journal_loader_takes_any_text_in_any_string(text in any::<String>()) {
        let mut journal = valid_journal();
        let session = &mut journal["sessions"][0];
        session["partners"][1] = json!(text);
        session["deck_id"] = json!(text);
        session["turns"][0]["note"] = json!(text);
        session["turns"][0]["prompt"] = json!(text);
        session[text.as_str()] = json!(text);
        parse_journal_safely(&serde_json::to_vec(&journal).unwrap());
    }
}

/// Values of every JSON type, and numbers at the edges.
fn wrong_values() -> Vec<Value> {
    vec![
        json!(null),
        json!(true),
        json!(0),
        json!(-1),
        json!(256),
        json!(1.5),
        json!(u64::MAX),
        json!(1e300),
        json!("text \u{1b}[2J"),
        json!(""),
        json!([]),
        json!([1, "two", null]),
        json!({}),
        json!({"nested": {"deeper": []}}),
    ]
}

/// Every place in `value` that holds something: each key of each object, each item.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let here = format!("{at}/{key}");
                out.push(here.clone());
                pointers(child, here, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let here = format!("{at}/{i}");
                out.push(here.clone());
                pointers(child, here, out);
            }
        }
        _ => {}
    }
}

/// Every field of a journal, given every wrong type: no panic, and an error names the
/// place. Counts what it tried, for the docs.
#[test]
fn a_wrong_type_at_every_journal_field_is_a_clear_error() {
    let valid = valid_journal();
    let mut places = Vec::new();
    pointers(&valid, String::new(), &mut places);
    let mut tried = 0;
    for place in &places {
        for wrong in wrong_values() {
            let mut journal = valid.clone();
            *journal.pointer_mut(place).unwrap() = wrong;
            parse_journal_safely(&serde_json::to_vec_pretty(&journal).unwrap());
            tried += 1;
        }
        // The field missing altogether.
        let mut journal = valid.clone();
        let (parent, key) = place.rsplit_once('/').unwrap();
        let parent = if parent.is_empty() {
            &mut journal
        } else {
            journal.pointer_mut(parent).unwrap()
        };
        match parent {
            Value::Object(map) => {
                map.remove(key);
            }
            Value::Array(items) => {
                items.remove(key.parse::<usize>().unwrap());
            }
            _ => unreachable!(),
        }
        parse_journal_safely(&serde_json::to_vec_pretty(&journal).unwrap());
        tried += 1;
    }
    assert!(tried > 300, "{tried}");
    eprintln!("journal wrong-type inputs tried: {tried}");
}

/// Every key of a deck, given every wrong TOML type.
#[test]
fn a_wrong_type_at_every_deck_field_is_a_clear_error() {
    let keys = [
        "schema",
        "id",
        "title",
        "description",
        "language",
        "modes",
        "author",
    ];
    let prompt_keys = ["id", "text", "depth", "followups", "tags"];
    let wrong = [
        "true",
        "0",
        "-1",
        "99999999999999999999",
        "1.5",
        "nan",
        "\"\"",
        "\"\\u001b[2J\"",
        "[]",
        "[1, \"two\"]",
        "{}",
        "{ a = { b = [] } }",
        "1979-05-27T07:32:00Z",
    ];
    let mut tried = 0;
    for bad in wrong {
        for key in keys {
            let deck = format!(
                "schema = 1\nid = \"d\"\ntitle = \"T\"\n{key} = {bad}\n[[prompts]]\nid = \"p\"\ntext = \"t\"\n"
            );
            check_deck_safely(deck.as_bytes());
            tried += 1;
        }
        for key in prompt_keys {
            let deck = format!(
                "schema = 1\nid = \"d\"\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \"t\"\n{key} = {bad}\n"
            );
            check_deck_safely(deck.as_bytes());
            tried += 1;
        }
        let deck = format!("schema = 1\nid = \"d\"\ntitle = \"T\"\nprompts = {bad}\n");
        check_deck_safely(deck.as_bytes());
        tried += 1;
    }
    eprintln!("deck wrong-type inputs tried: {tried}");
}

/// The hand-picked hostile inputs, each one a way real files go wrong.
fn hostile_decks() -> Vec<(&'static str, Vec<u8>)> {
    let deep_arrays = format!(
        "schema = 1\nx = {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let deep_tables = format!(
        "schema = 1\nx = {}1{}\n",
        "{a=".repeat(50_000),
        "}".repeat(50_000)
    );
    let mut huge = rekindle();
    huge.extend(std::iter::repeat_n(b'#', 1_048_577));
    let long_line = format!(
        "schema = 1\nid = \"d\"\ntitle = \"{}\"\n[[prompts]]\nid = \"p\"\ntext = \"{}\"\n",
        "t".repeat(500_000),
        "w".repeat(400_000)
    );
    vec![
        ("deeply nested arrays", deep_arrays.into_bytes()),
        ("deeply nested tables", deep_tables.into_bytes()),
        ("over 1 MiB", huge),
        ("very long lines", long_line.into_bytes()),
        (
            "duplicate keys",
            b"schema = 1\nid = \"a\"\nid = \"b\"\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \"t\"\n".to_vec(),
        ),
        (
            "invalid UTF-8",
            b"schema = 1\nid = \"d\"\ntitle = \"\xff\xfe\"\n".to_vec(),
        ),
        (
            "escape sequences in strings",
            b"schema = 1\nid = \"d\"\ntitle = \"\\u001b]0;pwned\\u0007\"\n[[prompts]]\nid = \"p\"\ntext = \"\\u001b[2Jhi\"\n"
                .to_vec(),
        ),
        (
            "raw control bytes in keys and comments",
            b"schema = 1\n# \x1b[2J\x07\nid\x1b = \"d\"\n\x9b = 1\n".to_vec(),
        ),
        ("a NUL byte", b"schema = 1\0\n".to_vec()),
        ("empty", Vec::new()),
        ("a byte order mark only", b"\xEF\xBB\xBF".to_vec()),
    ]
}

fn hostile_journals() -> Vec<(&'static str, Vec<u8>)> {
    let deep = format!("{}{}", "[".repeat(1_000_000), "]".repeat(1_000_000));
    let deep_objects = "{\"a\":".repeat(200_000);
    let mut big = valid_journal();
    let session = big["sessions"][0].clone();
    big["sessions"] = Value::Array(vec![session; 20_000]);
    let mut long_note = valid_journal();
    long_note["sessions"][0]["turns"][0]["note"] = json!("x".repeat(8_000_000));
    vec![
        ("deeply nested arrays", deep.into_bytes()),
        ("deeply nested objects", deep_objects.into_bytes()),
        ("20000 talks", serde_json::to_vec(&big).unwrap()),
        ("an 8 MB note", serde_json::to_vec(&long_note).unwrap()),
        (
            "duplicate keys",
            br#"{"format": "heard-journal", "format": "heard-journal", "version": 1, "sessions": []}"#
                .to_vec(),
        ),
        (
            "duplicate keys in a session",
            serde_json::to_string(&valid_journal())
                .unwrap()
                .replacen("\"mode\":\"couple\"", "\"mode\":\"couple\",\"mode\":\"solo\"", 1)
                .into_bytes(),
        ),
        ("invalid UTF-8", b"{\"format\": \"heard-\xff\"}".to_vec()),
        (
            "invalid UTF-8 in a note",
            serde_json::to_string(&valid_journal())
                .unwrap()
                .replace("a private note", "a \u{0}")
                .into_bytes()
                .into_iter()
                .map(|b| if b == 0 { 0xC0 } else { b })
                .collect(),
        ),
        (
            "raw control bytes",
            b"{\"format\": \"\x1b[2J\x07heard\", \"version\": 1}".to_vec(),
        ),
        ("a lone surrogate escape", br#"{"format": "\ud800"}"#.to_vec()),
        ("a huge number", br#"{"format": "heard-journal", "version": 1e400}"#.to_vec()),
        ("not an object", b"[1, 2, 3]".to_vec()),
        ("empty", Vec::new()),
        ("whitespace", b"  \n\t ".to_vec()),
    ]
}

#[test]
fn hand_picked_hostile_decks_get_a_clear_error_and_no_panic() {
    let decks = hostile_decks();
    for (what, bytes) in &decks {
        let result = std::panic::catch_unwind(|| check_deck_safely(bytes));
        assert!(result.is_ok(), "{what} panicked the deck checker");
        if *what != "very long lines" {
            assert!(
                check_deck(Path::new("/d.toml"), bytes).is_err(),
                "{what} was taken as a deck"
            );
        }
    }
    eprintln!("hand-picked hostile decks tried: {}", decks.len());
}

#[test]
fn hand_picked_hostile_journals_get_a_clear_error_and_no_panic() {
    let journals = hostile_journals();
    for (what, bytes) in &journals {
        let result = std::panic::catch_unwind(|| parse_journal_safely(bytes));
        assert!(result.is_ok(), "{what} panicked the journal loader");
        let readable = matches!(*what, "20000 talks" | "an 8 MB note");
        assert_eq!(
            parse(Path::new("/j.json"), bytes).is_ok(),
            readable,
            "{what}"
        );
    }
    eprintln!("hand-picked hostile journals tried: {}", journals.len());
}
