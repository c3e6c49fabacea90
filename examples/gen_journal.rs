//! Write a synthetic heard journal for measuring: `gen_journal TALKS PATH [SEED]`.
//!
//! Talks have 6-12 turns, about 30% of turns carry a note, one in five is a solo
//! reflection. The same talks and seed always give the same file.

#[path = "../benches/support/synth.rs"]
mod synth;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(talks), Some(path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: gen_journal TALKS PATH [SEED]");
        return ExitCode::from(2);
    };
    let Ok(talks) = talks.parse::<usize>() else {
        eprintln!("gen_journal: TALKS must be a number, not {talks:?}");
        return ExitCode::from(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(7);
    let bytes = synth::journal_bytes(&synth::journal(talks, seed));
    if let Some(dir) = std::path::Path::new(path).parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    if let Err(e) = std::fs::write(path, &bytes) {
        eprintln!("gen_journal: cannot write {path}: {e}");
        return ExitCode::from(1);
    }
    eprintln!("{path}: {talks} talks, {} bytes", bytes.len());
    ExitCode::SUCCESS
}
