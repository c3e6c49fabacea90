//! Hostile text in the journal and in user decks never reaches the terminal raw: not from
//! any command's output, not from the TUI's screens (the real binary in a pty).

use crate::harness;

use std::path::Path;
use std::process::Command;

use harness::{DEFAULT_SIZE, Heard, Key, Sandbox, TIMEOUT};

const NOW: (&str, &str) = ("HEARD_NOW", "2026-11-26T20:00:00+01:00");

/// Each payload a terminal would act on: set title (OSC 0), clear screen (CSI), bell, a C1
/// CSI, bidi overrides and isolates, backspace, carriage return, DEL; a clipboard write
/// (OSC 52), a hidden link (OSC 8), a device control string (DCS, and its C1 form); and
/// what shifts columns: zero-width space, word joiner, byte-order mark, the line and
/// paragraph separators.
const PAYLOAD: &str = concat!(
    "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}\u{2066}\u{8}\r\u{7f}",
    "\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}]8;;https://example.invalid\u{1b}\\link\u{1b}]8;;\u{1b}\\",
    "\u{1b}Pq#0\u{1b}\\\u{90}1$r\u{9c}",
    "\u{200b}\u{2060}\u{feff}\u{2028}\u{2029}",
);

/// Two talks whose ids share their start, so `show 2d` and `forget 2d` list both, with
/// the payload in every field they name (mode, deck, id).
fn ambiguous_sessions() -> [serde_json::Value; 2] {
    let p = |s: &str| format!("{s}{PAYLOAD}");
    [1, 2].map(|n| {
        serde_json::json!({
            "id": p(&format!("2d{n}")),
            "mode": p("ritual"),
            "started_at": format!("2026-11-2{n}T20:01:00+01:00"),
            "completed": true,
            "deck_id": p("rekindle"),
            "partners": [p("Cal"), p("Dee")],
            "turns": []
        })
    })
}

fn hostile_journal() -> String {
    let p = |s: &str| format!("{s}{PAYLOAD}");
    let journal = serde_json::json!({
        "format": "heard-journal",
        "version": 1,
        "sessions": [{
            "id": "0b4f6d1e-3c1a-4f7e-9a43-6a4e2c9d8b10",
            "mode": "couple",
            "started_at": "2026-11-19T20:01:00+01:00",
            "ended_at": "2026-11-19T20:41:00+01:00",
            "completed": true,
            "deck_id": p("rekindle"),
            "partners": [p("Ana"), p("Ben")],
            "mood_before": [3, 2],
            "mood_after": [4, 4],
            "closeness": [5, 6],
            "appreciations": [p("thanks"), null],
            (PAYLOAD): p("unknown field"),
            "turns": [{
                "prompt_id": p("first"),
                "prompt": p("What did you notice?"),
                "speaker": 0,
                "felt_heard": 4,
                "felt_validated": 5,
                "listener_guess": 3,
                "seconds": 170,
                "skipped": false,
                "note": p("a note")
            }]
        }, {
            "id": "1c5a7e2f-3c1a-4f7e-9a43-6a4e2c9d8b10",
            "mode": "solo",
            "started_at": "2026-11-20T20:01:00+01:00",
            "completed": false,
            "deck_id": p("before-the-talk"),
            "partners": [p("Ana")],
            "topic": p("weekends"),
            "turns": [{
                "prompt_id": "solo",
                "prompt": p("On your mind?"),
                "speaker": 0,
                "clarity": 2,
                "bring_to_talk": true,
                "skipped": false,
                "note": p("reflection")
            }]
        }]
    });
    let mut journal = journal;
    let sessions = journal["sessions"].as_array_mut().unwrap();
    sessions.extend(ambiguous_sessions());
    serde_json::to_string_pretty(&journal).unwrap()
}

/// A deck that passes the checker yet carries bidi overrides (they are not control
/// characters), and decks that fail with their bad bytes in the error's reach.
fn hostile_decks(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join("bidi.toml"),
        "schema = 1\nid = \"bidi\"\ntitle = \"Bidi \\u202E deck \\u200B\\u2028\"\ndescription = \"isolate \\u2066 here \\uFEFF\\u2029\"\nauthor = \"\\u200F\\u2060\"\nmodes = [\"couple\", \"solo\"]\n[[prompts]]\nid = \"p\"\ntext = \"What \\u202E makes \\u200B you laugh?\"\nfollowups = [\"follow \\u2067 up \\u2028\"]\ntags = [\"t\\u200B\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("escapes.toml"),
        "schema = 1\nid = \"esc\"\ntitle = \"\\u001b]0;pwned\\u0007\"\n[[prompts]]\nid = \"p\"\ntext = \"\\u001b[2Jhi\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("raw-bytes.toml"),
        b"schema = 1\nid = \"raw\"\ntitle = \"\x1b[2J\x07\x9b\"\n\x1b]0;pwned\x07 = 1\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("bad-utf8.toml"),
        b"schema = 1\ntitle = \"\xff\x1b\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("\u{1b}[2Jname.toml"),
        "schema = 1\nid = \"named\"\ntitle = \"T\"\n[[prompts]]\nid = \"p\"\ntext = \"t\"\n",
    )
    .unwrap();
}

fn sandbox() -> Sandbox {
    let sandbox = Sandbox::new();
    std::fs::create_dir_all(sandbox.data_dir()).unwrap();
    std::fs::write(sandbox.journal_path(), hostile_journal()).unwrap();
    hostile_decks(&sandbox.config_dir().join("decks"));
    sandbox
}

/// Bytes a terminal acts on: C0 controls but newline and tab, DEL, C1 controls (as UTF-8),
/// and the bidi overrides and isolates.
fn unsafe_bytes(output: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(output);
    text.char_indices()
        .filter(|(_, c)| heard::text::is_unsafe_char(*c))
        .map(|(i, c)| {
            let start = text[..i].char_indices().rev().nth(30).map_or(0, |(j, _)| j);
            format!("{c:?} after {:?}", &text[start..i])
        })
        .collect()
}

#[test]
fn no_command_prints_a_control_character_from_the_data() {
    let sandbox = sandbox();
    let decks = sandbox.config_dir().join("decks");
    let deck = |name: &str| decks.join(name).to_string_lossy().into_owned();
    let commands: Vec<Vec<String>> = [
        vec!["journal", "list"],
        vec!["journal", "list", "--json"],
        vec!["journal", "show", "0b4f"],
        vec!["journal", "show", "1c5a"],
        vec!["journal", "show", "0b4f", "--json"],
        vec!["journal", "stats"],
        vec!["journal", "stats", "--json"],
        vec!["journal", "export", "--format", "md"],
        vec!["journal", "export", "--format", "md", "--with-notes"],
        vec!["journal", "forget", "0b4f", "--yes"],
        vec!["decks", "list"],
        vec!["decks", "list", "--json"],
        vec!["decks", "show", "bidi"],
        vec!["decks", "show", "esc"],
        vec!["decks", "show", "raw"],
        // Ambiguous prefixes list their candidates; no match repeats what was asked.
        vec!["journal", "show", "2d"],
        vec!["journal", "forget", "2d", "--yes"],
        vec!["journal", "show", PAYLOAD],
        vec!["journal", "show", "0b4f", "--notes-of", PAYLOAD],
        vec!["journal", "stats", "--couple", &format!("Ana,{PAYLOAD}")],
        // Usage errors repeat the argument: clap's words, made safe too.
        vec!["talk", "--partners", &format!("Ana,B{PAYLOAD}en")],
        vec!["solo", "--name", &format!("Ana{PAYLOAD}")],
        vec!["talk", "--deck", &format!("rekindle{PAYLOAD}")],
        vec!["journal", "export", "--format", PAYLOAD],
        vec![PAYLOAD],
    ]
    .into_iter()
    .map(|c| c.into_iter().map(String::from).collect())
    .chain(
        [
            "bidi.toml",
            "escapes.toml",
            "raw-bytes.toml",
            "bad-utf8.toml",
            "\u{1b}[2Jname.toml",
        ]
        .iter()
        .flat_map(|name| {
            [
                vec!["decks".to_string(), "check".to_string(), deck(name)],
                vec!["decks".to_string(), "show".to_string(), deck(name)],
            ]
        }),
    )
    .chain([vec![
        "journal".to_string(),
        "merge".to_string(),
        deck("raw-bytes.toml"),
    ]])
    .collect();
    let mut problems = Vec::new();
    for args in &commands {
        let out = Command::new(env!("CARGO_BIN_EXE_heard"))
            .arg("--data-dir")
            .arg(sandbox.data_dir())
            .arg("--config-dir")
            .arg(sandbox.config_dir())
            .args(args)
            .env_remove("HEARD_DATA_DIR")
            .env_remove("HEARD_CONFIG_DIR")
            .env_remove("NO_COLOR")
            .env("HEARD_NOW", NOW.1)
            .output()
            .expect("run heard");
        assert!(
            out.status.code().is_some_and(|c| c <= 2),
            "{args:?}: {}",
            out.status
        );
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            for found in unsafe_bytes(bytes) {
                problems.push(format!("{args:?} {stream}: {found}"));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
    eprintln!("commands run on hostile data: {}", commands.len());
}

/// CSV and JSON exports are the data itself when piped to a file; on a terminal they too
/// must not let the journal's text steer it.
#[test]
fn exports_shown_on_a_terminal_carry_no_control_character() {
    for format in ["csv", "json", "md"] {
        let mut heard = Heard::spawn_in(
            sandbox(),
            &["journal", "export", "--format", format, "--with-notes"],
            &[NOW],
            DEFAULT_SIZE,
        );
        let status = heard.wait_exit(TIMEOUT).expect("the export ends");
        assert!(status.success(), "{format}: {status}");
        let raw = heard.raw_output();
        assert!(
            String::from_utf8_lossy(&raw).contains("a note"),
            "{format}: the export reached the terminal"
        );
        let found = unsafe_bytes(&raw);
        // The terminal's own line endings are CR LF; anything else is from the data.
        let found: Vec<_> = found
            .into_iter()
            .filter(|f| !f.starts_with("'\\r'"))
            .collect();
        assert!(found.is_empty(), "{format}: {found:#?}");
    }
}

/// The TUI over the same hostile journal and decks: home, history, a talk's detail, the
/// decks, setup with the bidi deck, and a talk on it. Nothing from the data reaches the
/// terminal raw (the TUI's own escape codes start with ESC too, so look for what only the
/// data holds: the bell, the title sequence, C1 CSI, bidi marks, backspace, DEL).
#[test]
fn the_tui_never_writes_a_control_character_from_the_data() {
    let mut heard = Heard::spawn_in(sandbox(), &[], &[NOW], DEFAULT_SIZE);
    heard.expect("Start a talk");
    heard.key(Key::Char('h'));
    heard.expect("20 Nov");
    heard.key(Key::Enter);
    heard.key(Key::Down);
    heard.key(Key::Enter);
    // Back home: from a talk's detail it takes two steps, from the list one.
    heard.key(Key::Esc);
    if heard
        .wait_for("Start a talk", std::time::Duration::from_secs(1))
        .is_err()
    {
        heard.key(Key::Esc);
        heard.expect("Start a talk");
    }
    heard.key(Key::Char('d'));
    heard.key(Key::Esc);
    heard.restart(&[
        "talk",
        "--deck",
        "bidi",
        "--partners",
        "Ana,Ben",
        "--prompts",
        "1",
    ]);
    heard.expect("Ana, how are you feeling right now?");
    heard.key(Key::Char('3'));
    heard.key(Key::Char('3'));
    heard.expect("you laugh?");
    // The frame's right edge stays in its column on every row: nothing from the deck
    // (bidi marks, zero-width characters, separators) shifted it.
    let rows = heard.rows();
    for (i, row) in rows.iter().take(rows.len() - 1).enumerate() {
        let last = row.chars().last().unwrap_or(' ');
        assert!(matches!(last, '│' | '╮' | '╯'), "row {i}: {row:?}");
    }
    heard.key(Key::CtrlC);
    heard.wait_exit(TIMEOUT).expect("heard leaves");

    let raw = heard.raw_output();
    let mut problems = Vec::new();
    for needle in [
        &b"\x07"[..],
        b"\x08",
        b"\x7f",
        b"]0;pwned",
        "\u{9b}".as_bytes(),
        "\u{202e}".as_bytes(),
        "\u{2066}".as_bytes(),
        "\u{2067}".as_bytes(),
        "\u{200f}".as_bytes(),
        b"]52;c;",
        b"]8;;https",
        b"\x1bPq",
        "\u{90}".as_bytes(),
        "\u{9c}".as_bytes(),
        "\u{200b}".as_bytes(),
        "\u{2060}".as_bytes(),
        "\u{feff}".as_bytes(),
        "\u{2028}".as_bytes(),
        "\u{2029}".as_bytes(),
    ] {
        if raw.windows(needle.len()).any(|w| w == needle) {
            problems.push(format!("{needle:?}"));
        }
    }
    assert!(problems.is_empty(), "raw on the terminal: {problems:?}");
}

/// A usage error repeats the argument that was wrong; on a terminal (where clap would
/// colour its words) the argument's escape sequences are made safe too.
#[test]
fn usage_errors_on_a_terminal_carry_no_control_character() {
    let partners = format!("Ana,B{PAYLOAD}en");
    let name = format!("Zoë{PAYLOAD}");
    let deck = format!("rekindle{PAYLOAD}");
    let runs: [&[&str]; 4] = [
        &["talk", "--partners", &partners],
        &["solo", "--name", &name],
        &["talk", "--deck", &deck, "--partners", "Ana,Ben"],
        &[PAYLOAD],
    ];
    for args in runs {
        let mut heard = Heard::spawn_in(sandbox(), args, &[NOW], DEFAULT_SIZE);
        let status = heard.wait_exit(TIMEOUT).expect("heard ends");
        assert!(!status.success(), "{args:?}");
        let raw = heard.raw_output();
        let found: Vec<_> = unsafe_bytes(&raw)
            .into_iter()
            .filter(|f| !f.starts_with("'\\r'"))
            .collect();
        assert!(found.is_empty(), "{args:?}: {found:#?}");
    }
}

/// A journal that does not read because of a field holding the payloads: the error names
/// the file, line and column, and repeats nothing raw.
#[test]
fn a_journal_that_does_not_read_names_its_bad_field_safely() {
    for (field, value) in [
        ("started_at", serde_json::json!(format!("2026{PAYLOAD}"))),
        ("ended_at", serde_json::json!(format!("soon{PAYLOAD}"))),
        ("mode", serde_json::json!([PAYLOAD])),
        ("partners", serde_json::json!(PAYLOAD)),
    ] {
        let sandbox = Sandbox::new();
        std::fs::create_dir_all(sandbox.data_dir()).unwrap();
        let mut journal: serde_json::Value = serde_json::from_str(&hostile_journal()).unwrap();
        journal["sessions"][0][field] = value;
        std::fs::write(sandbox.journal_path(), journal.to_string()).unwrap();
        for args in [
            &["journal", "list"][..],
            &["journal", "stats"],
            &["journal", "repair"],
        ] {
            let out = Command::new(env!("CARGO_BIN_EXE_heard"))
                .arg("--data-dir")
                .arg(sandbox.data_dir())
                .arg("--config-dir")
                .arg(sandbox.config_dir())
                .args(args)
                .env("HEARD_NOW", NOW.1)
                .output()
                .expect("run heard");
            let found: Vec<_> = unsafe_bytes(&out.stdout)
                .into_iter()
                .chain(unsafe_bytes(&out.stderr))
                .collect();
            assert!(found.is_empty(), "{field} {args:?}: {found:#?}");
            if args[1] != "repair" {
                let err = String::from_utf8_lossy(&out.stderr);
                assert!(err.contains("journal.json:1:"), "{field} {args:?}: {err}");
            }
        }
    }
}
