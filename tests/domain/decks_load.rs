//! Loading decks: the built-in ones, the user's decks folder, and a deck named by id or path.

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use heard::deck::Source;
use heard::deck::check::check_deck;
use heard::deck::load::{BUILT_IN, Catalog, builtin_decks, resolve};

fn deck_text(id: &str, title: &str) -> String {
    format!(
        "schema = 1\nid = \"{id}\"\ntitle = \"{title}\"\n\n[[prompts]]\nid = \"p\"\ntext = \"What is on your mind?\"\n"
    )
}

fn write(dir: &Path, name: &str, text: &str) {
    fs::create_dir_all(dir).unwrap();
    fs::write(dir.join(name), text).unwrap();
}

#[test]
fn every_built_in_deck_passes_the_checker() {
    assert!(!BUILT_IN.is_empty());
    for (file, contents) in BUILT_IN {
        let path = Path::new("prompts").join(file);
        if let Err(errors) = check_deck(&path, contents.as_bytes()) {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("built-in deck {file} is broken:\n{}", lines.join("\n"));
        }
    }
    assert_eq!(builtin_decks().len(), BUILT_IN.len());
}

#[test]
fn built_in_decks_have_unique_ids_and_say_they_are_built_in() {
    let decks = builtin_decks();
    let ids: HashSet<&str> = decks.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), decks.len(), "two built-in decks share an id");
    assert!(decks.iter().all(|d| d.source == Source::BuiltIn));
}

#[test]
fn every_built_in_deck_file_is_in_the_list() {
    // A deck dropped into prompts/ but not added to BUILT_IN would never be seen.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts");
    let mut on_disk: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".toml"))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = BUILT_IN.iter().map(|(f, _)| (*f).to_owned()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn the_starter_decks_serve_couples_and_solo_reflection() {
    let decks = builtin_decks();
    let rekindle = decks.iter().find(|d| d.id == "rekindle").unwrap();
    assert!(rekindle.supports(heard::mode::Mode::Couple));
    assert!(rekindle.supports(heard::mode::Mode::Solo));
    assert!(
        rekindle.depth_mix().iter().all(|n| *n > 0),
        "all three depths"
    );
    let before = decks.iter().find(|d| d.id == "before-the-talk").unwrap();
    assert_eq!(before.modes, vec![heard::mode::Mode::Solo]);
}

#[test]
fn a_missing_decks_folder_is_just_the_built_in_decks() {
    let tmp = tempfile::tempdir().unwrap();
    let catalog = Catalog::load(&tmp.path().join("no-such-folder"));
    assert_eq!(catalog.decks, builtin_decks());
    assert!(catalog.broken.is_empty());
}

#[test]
fn user_decks_come_after_the_built_in_ones_in_file_name_order() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "b.toml", &deck_text("bravo", "B"));
    write(tmp.path(), "a.toml", &deck_text("alpha", "A"));
    write(tmp.path(), "notes.txt", "not a deck");
    write(tmp.path(), ".hidden.toml", &deck_text("hidden", "H"));
    fs::create_dir(tmp.path().join("folder.toml")).unwrap();
    let catalog = Catalog::load(tmp.path());
    let ids: Vec<&str> = catalog.decks.iter().map(|d| d.id.as_str()).collect();
    let built_in = builtin_decks().len();
    assert_eq!(&ids[built_in..], ["alpha", "bravo"]);
    assert!(catalog.broken.is_empty(), "{:?}", catalog.broken);
    assert_eq!(
        catalog.get("alpha").unwrap().source,
        Source::File(tmp.path().join("a.toml"))
    );
    assert!(catalog.get("hidden").is_none());
}

#[test]
fn a_user_deck_with_a_built_in_id_replaces_it() {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "mine.toml",
        &deck_text("rekindle", "Our own Rekindle"),
    );
    let catalog = Catalog::load(tmp.path());
    let deck = catalog.get("rekindle").unwrap();
    assert_eq!(deck.title, "Our own Rekindle");
    assert!(catalog.overrides_built_in(deck));
    assert_eq!(
        catalog.decks.iter().filter(|d| d.id == "rekindle").count(),
        1,
        "the built-in is gone, not listed beside it"
    );
    let other = catalog.get("before-the-talk").unwrap();
    assert!(!catalog.overrides_built_in(other));
}

#[test]
fn two_user_decks_with_one_id_keep_the_first_and_name_it_in_the_second() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "one.toml", &deck_text("ours", "First"));
    write(tmp.path(), "two.toml", &deck_text("ours", "Second"));
    let catalog = Catalog::load(tmp.path());
    assert_eq!(catalog.get("ours").unwrap().title, "First");
    assert_eq!(catalog.broken.len(), 1);
    let broken = &catalog.broken[0];
    assert_eq!(broken.path, tmp.path().join("two.toml"));
    let error = &broken.errors[0];
    // The id's value in deck_text: line 2, after `id = `.
    assert_eq!((error.line, error.column), (2, 6));
    assert!(error.message.contains("one.toml"), "{}", error.message);
}

#[test]
fn a_broken_user_deck_is_listed_with_its_errors_and_the_rest_still_load() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "bad.toml", "schema = 1\nid = \"bad\"\n");
    write(tmp.path(), "good.toml", &deck_text("good", "Good"));
    let catalog = Catalog::load(tmp.path());
    assert!(catalog.get("good").is_some());
    assert!(catalog.get("bad").is_none());
    assert_eq!(catalog.broken.len(), 1);
    assert_eq!(catalog.broken[0].path, tmp.path().join("bad.toml"));
    assert!(
        catalog.broken[0].errors.len() >= 2,
        "no title and no prompts"
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_user_deck_is_broken_not_fatal() {
    let tmp = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(tmp.path().join("gone"), tmp.path().join("link.toml")).unwrap();
    write(tmp.path(), "good.toml", &deck_text("good", "Good"));
    let catalog = Catalog::load(tmp.path());
    assert!(catalog.get("good").is_some());
    assert_eq!(catalog.broken.len(), 1);
    assert!(
        catalog.broken[0].errors[0]
            .to_string()
            .contains("cannot read"),
        "{}",
        catalog.broken[0].errors[0]
    );
}

#[test]
fn resolve_finds_a_deck_by_id() {
    let catalog = Catalog::load(Path::new("/nonexistent/heard/decks"));
    assert_eq!(resolve(&catalog, "rekindle").unwrap().id, "rekindle");
    let err = resolve(&catalog, "nope").unwrap_err().to_string();
    assert!(err.contains("no deck called `nope`"), "{err}");
    assert!(err.contains("heard decks list"), "{err}");
}

#[test]
fn resolve_loads_a_path_directly() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "here.toml", &deck_text("from-a-file", "File"));
    let catalog = Catalog::load(&tmp.path().join("decks"));
    let path = tmp.path().join("here.toml");
    let deck = resolve(&catalog, path.to_str().unwrap()).unwrap();
    assert_eq!(deck.id, "from-a-file");
    assert_eq!(deck.source, Source::File(path));
}

#[test]
fn resolve_of_a_broken_file_gives_the_first_error_and_the_way_to_see_all() {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "broken.toml", "schema = 1\nid = \"X\"\n");
    let path = tmp.path().join("broken.toml");
    let catalog = Catalog::load(&tmp.path().join("decks"));
    let err = resolve(&catalog, path.to_str().unwrap())
        .unwrap_err()
        .to_string();
    let shown = path.display().to_string();
    assert!(err.starts_with(&format!("{shown}:1:1: ")), "{err}");
    assert!(
        err.contains(&format!(
            "run `heard decks check {shown}` to see every problem"
        )),
        "{err}"
    );
    assert!(!err.contains('\n'), "one line: {err}");

    let missing = resolve(&catalog, "nowhere/deck.toml")
        .unwrap_err()
        .to_string();
    assert!(missing.contains("nowhere/deck.toml"), "{missing}");
}
