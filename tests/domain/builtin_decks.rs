//! The built-in decks in prompts/: valid, big enough, with a real depth mix, and each prompt one plain question.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DeckFile {
    schema: u32,
    id: String,
    title: String,
    description: Option<String>,
    #[allow(dead_code)]
    language: Option<String>,
    modes: Option<Vec<String>>,
    #[allow(dead_code)]
    author: Option<String>,
    suggested_prompts: Option<u8>,
    suggested_seconds: Option<u32>,
    prompts: Vec<PromptEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PromptEntry {
    id: String,
    text: String,
    depth: Option<u8>,
    #[serde(default)]
    followups: Vec<String>,
    #[serde(default)]
    #[allow(dead_code)]
    tags: Vec<String>,
}

impl DeckFile {
    fn modes(&self) -> Vec<String> {
        self.modes.clone().unwrap_or_else(|| vec!["couple".into()])
    }

    fn depth_mix(&self) -> [usize; 3] {
        let mut mix = [0; 3];
        for prompt in &self.prompts {
            let depth = prompt.depth.unwrap_or(1);
            assert!((1..=3).contains(&depth), "{}: depth {depth}", prompt.id);
            mix[usize::from(depth) - 1] += 1;
        }
        mix
    }
}

fn deck_paths() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    paths
}

fn stem(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

fn decks() -> Vec<(PathBuf, DeckFile)> {
    deck_paths()
        .into_iter()
        .map(|path| {
            let source = std::fs::read_to_string(&path).unwrap();
            let deck: DeckFile =
                toml::from_str(&source).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
            (path, deck)
        })
        .collect()
}

/// Two prompts count as the same when only case, punctuation or spacing differ.
fn normalized(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_kebab_id(id: &str) -> bool {
    (1..=40).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

const EXPECTED: [&str; 7] = [
    "appreciation",
    "before-the-talk",
    "daily-check-in",
    "gentle-repair",
    "getting-real",
    "rekindle",
    "state-of-us",
];

#[test]
fn every_expected_deck_is_there_with_its_file_name_as_id() {
    let decks = decks();
    assert!(decks.len() >= 6, "only {} decks", decks.len());
    let ids: HashSet<&str> = decks.iter().map(|(_, deck)| deck.id.as_str()).collect();
    for id in EXPECTED {
        assert!(ids.contains(id), "no built-in deck {id}");
    }
    for (path, deck) in &decks {
        assert_eq!(deck.schema, 1, "{}", path.display());
        assert_eq!(
            deck.id,
            stem(path),
            "{}: id differs from file name",
            path.display()
        );
        assert!(is_kebab_id(&deck.id));
        assert!(!deck.title.trim().is_empty() && deck.title.chars().count() <= 80);
        let description = deck.description.as_deref().unwrap_or("");
        assert!(
            description.len() >= 40,
            "{}: the description should say what the deck is for",
            path.display()
        );
    }
}

#[test]
fn there_are_enough_prompts_to_come_back_to() {
    let total: usize = decks().iter().map(|(_, deck)| deck.prompts.len()).sum();
    assert!(total >= 180, "only {total} prompts in all");
}

#[test]
fn couple_decks_go_deep_as_well_as_light() {
    for (path, deck) in decks() {
        let modes = deck.modes();
        if !modes.iter().any(|mode| mode == "couple") || deck.id == "daily-check-in" {
            continue;
        }
        let mix = deck.depth_mix();
        assert!(
            mix.iter().all(|&count| count >= 6),
            "{}: depth mix {mix:?}, want at least 6 at each depth",
            path.display()
        );
    }
}

#[test]
fn at_least_half_of_each_decks_prompts_offer_a_way_further() {
    for (path, deck) in decks() {
        let with = deck
            .prompts
            .iter()
            .filter(|prompt| !prompt.followups.is_empty())
            .count();
        assert!(
            with * 2 >= deck.prompts.len(),
            "{}: {with} of {} prompts have follow-ups",
            path.display(),
            deck.prompts.len()
        );
    }
}

#[test]
fn each_prompt_and_follow_up_is_one_short_question() {
    for (path, deck) in decks() {
        for prompt in &deck.prompts {
            let questions = std::iter::once(&prompt.text).chain(&prompt.followups);
            for text in questions {
                let where_ = format!("{} {}: {text:?}", path.display(), prompt.id);
                assert!(text.chars().count() < 200, "too long: {where_}");
                assert_eq!(text.matches('?').count(), 1, "not one question: {where_}");
                assert!(text.ends_with('?'), "not a question: {where_}");
                assert_eq!(text, text.trim(), "stray space: {where_}");
                assert!(
                    !text.chars().any(char::is_control),
                    "control character: {where_}"
                );
            }
        }
    }
}

#[test]
fn prompt_ids_are_short_and_unique_in_each_deck() {
    for (path, deck) in decks() {
        let mut seen = HashSet::new();
        for prompt in &deck.prompts {
            assert!(
                is_kebab_id(&prompt.id),
                "{}: id {:?}",
                path.display(),
                prompt.id
            );
            assert!(
                seen.insert(&prompt.id),
                "{}: id {} twice",
                path.display(),
                prompt.id
            );
        }
    }
}

#[test]
fn no_prompt_is_asked_twice_anywhere() {
    let mut seen: HashMap<String, String> = HashMap::new();
    for (_, deck) in decks() {
        for prompt in &deck.prompts {
            let here = format!("{}/{}", deck.id, prompt.id);
            if let Some(first) = seen.insert(normalized(&prompt.text), here.clone()) {
                panic!("{here} repeats {first}: {:?}", prompt.text);
            }
        }
    }
}

#[test]
fn before_the_talk_is_for_one_person_alone() {
    let decks = decks();
    let (_, deck) = decks
        .iter()
        .find(|(_, deck)| deck.id == "before-the-talk")
        .expect("before-the-talk deck");
    assert_eq!(deck.modes(), vec!["solo".to_string()]);
}

#[test]
fn modes_are_only_couple_and_solo() {
    for (path, deck) in decks() {
        let modes = deck.modes();
        assert!(!modes.is_empty(), "{}", path.display());
        for mode in modes {
            assert!(
                mode == "couple" || mode == "solo",
                "{}: {mode}",
                path.display()
            );
        }
    }
}

#[test]
fn every_built_in_deck_passes_the_checker() {
    for path in deck_paths() {
        let bytes = std::fs::read(&path).unwrap();
        match heard::deck::check::check_deck(&path, &bytes) {
            Ok(deck) => assert_eq!(deck.id, stem(&path)),
            Err(errors) => {
                let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
                panic!("{}", lines.join("\n"));
            }
        }
    }
}

#[test]
fn the_daily_check_in_suggests_a_short_talk_that_fits_its_prompts() {
    let decks = decks();
    let daily = decks
        .iter()
        .find(|(_, d)| d.id == "daily-check-in")
        .map(|(_, d)| d)
        .expect("the daily check-in");
    let prompts = daily.suggested_prompts.expect("it suggests its length");
    assert!(usize::from(prompts) <= daily.prompts.len());
    assert!(daily.suggested_seconds.is_some_and(|s| s <= 120));
}
