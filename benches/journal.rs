//! The journal's costs as it grows: loading 100 / 1,000 / 10,000 talks, the stats of
//! 10,000, saving a finished talk into a journal of 10,000, and the draft saved after
//! every turn.

#[path = "../tests/common/keys.rs"]
mod keys;
#[path = "support/synth.rs"]
mod synth;
#[path = "../tests/common/tui.rs"]
mod tui;

use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use heard::journal::stats;
use heard::journal::store::Store;
use heard::tui::storage::Storage;

fn data_dir(talks: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let journal = synth::journal(talks, 7);
    std::fs::write(
        dir.path().join("journal.json"),
        synth::journal_bytes(&journal),
    )
    .unwrap();
    dir
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("journal_load");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(10));
    for talks in [100, 1_000, 10_000] {
        let dir = data_dir(talks);
        let store = Store::new(dir.path());
        group.bench_function(format!("{talks}_talks"), |b| {
            // Freeing the journal is not part of loading it.
            b.iter_with_large_drop(|| store.load().unwrap())
        });
    }
    group.finish();
}

fn stats_10k(c: &mut Criterion) {
    let journal = synth::journal(10_000, 7);
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-27T09:00:00+01:00").unwrap();
    c.bench_function("stats_10000_talks", |b| {
        b.iter(|| stats::compute(&journal, None, now))
    });
}

/// The save at the end of a talk: read the journal, add the talk, write it all
/// atomically with a backup, remove the draft.
fn save_end_of_talk(c: &mut Criterion) {
    let mut group = c.benchmark_group("save");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    let dir = data_dir(10_000);
    let path = dir.path().join("journal.json");
    let original = std::fs::read(&path).unwrap();
    let talk = synth::journal(1, 99).sessions.remove(0);
    group.bench_function("end_of_talk_10000_talks", |b| {
        b.iter_batched(
            || {
                // Every save starts from the same 10,000 talks, read as the app has them.
                std::fs::write(&path, &original).unwrap();
                Storage::open_disk(Store::new(dir.path())).unwrap()
            },
            |mut storage| storage.keep(talk.clone()).unwrap(),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// The draft saved after every rating, in the middle of a talk.
fn draft_save(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let mut app = tui::app_on_disk(dir.path(), tui::config());
    tui::start(&mut app, tui::couple("rekindle", 6));
    tui::press(&mut app, &["3", "2", "Enter", "Enter", "3", "4"]);
    let talk = app.activity.clone().expect("the talk is on screen");
    c.bench_function("draft_save_mid_talk", |b| {
        b.iter(|| app.storage.save_draft(&talk, None).unwrap())
    });
}

criterion_group!(benches, load, stats_10k, save_end_of_talk, draft_save);
criterion_main!(benches);
