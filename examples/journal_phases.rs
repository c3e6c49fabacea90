//! Where the time of reading a journal goes: `journal_phases PATH [RUNS]` prints the
//! median time to read the file, parse it, compute the stats, free it, and to write it
//! back (pretty JSON, then a synced file), the parts of saving a talk.

use std::path::Path;
use std::time::{Duration, Instant};

use heard::journal::{stats, store};

fn median(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: journal_phases PATH [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-27T09:00:00+01:00").unwrap();
    let (mut read, mut parse, mut load, mut compute, mut free) =
        (vec![], vec![], vec![], vec![], vec![]);
    let (mut pretty, mut synced) = (vec![], vec![]);
    let scratch = tempfile::tempdir().expect("a temp folder");
    for _ in 0..runs {
        let start = Instant::now();
        let bytes = std::fs::read(path).expect("the journal reads");
        read.push(start.elapsed());
        let start = Instant::now();
        let loaded = store::parse(Path::new(path), &bytes).expect("a journal");
        parse.push(start.elapsed());
        drop(bytes);
        drop(loaded);
        let start = Instant::now();
        let loaded = store::load(Path::new(path)).expect("a journal");
        load.push(start.elapsed());
        let start = Instant::now();
        let figures = stats::compute(&loaded.journal, None, now);
        compute.push(start.elapsed());
        std::hint::black_box(figures);
        let start = Instant::now();
        let bytes = serde_json::to_vec_pretty(&loaded.journal).expect("JSON");
        pretty.push(start.elapsed());
        let start = Instant::now();
        let mut file = std::fs::File::create(scratch.path().join("j.json")).expect("a file");
        std::io::Write::write_all(&mut file, &bytes).expect("written");
        file.sync_all().expect("synced");
        synced.push(start.elapsed());
        let start = Instant::now();
        drop(loaded);
        free.push(start.elapsed());
    }
    println!(
        "read {:.1} ms, parse {:.1} ms, load (read+parse) {:.1} ms, stats {:.1} ms, free {:.1} ms, \
         pretty JSON {:.1} ms, write+sync {:.1} ms",
        median(read),
        median(parse),
        median(load),
        median(compute),
        median(free),
        median(pretty),
        median(synced)
    );
}
