//! Decks of prompts: the types, loading (built-in, the user's folder, a path) and checking.

pub mod check;
pub mod load;

use serde::Serialize;

use crate::mode::Mode;

/// Where a deck came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// Compiled into heard from `prompts/`.
    BuiltIn,
    /// A file in the user's decks folder or given with `--deck PATH`.
    File(std::path::PathBuf),
}

/// A checked deck: every rule of the deck format holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deck {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub language: String,
    pub modes: Vec<Mode>,
    pub author: Option<String>,
    /// How many prompts the deck is made for (1-20); setup starts from it.
    pub suggested_prompts: Option<u8>,
    /// The speaking time the deck is made for, in seconds (0 = no timer, up to 900).
    pub suggested_seconds: Option<u32>,
    pub prompts: Vec<Prompt>,
    #[serde(skip)]
    pub source: Source,
}

impl Deck {
    pub fn supports(&self, mode: Mode) -> bool {
        self.modes.contains(&mode)
    }

    /// How many prompts there are at depth 1, 2 and 3.
    pub fn depth_mix(&self) -> [usize; 3] {
        let mut mix = [0; 3];
        for prompt in &self.prompts {
            mix[usize::from(prompt.depth.clamp(1, 3)) - 1] += 1;
        }
        mix
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Prompt {
    pub id: String,
    pub text: String,
    /// 1 light, 2 personal, 3 deep.
    pub depth: u8,
    pub followups: Vec<String>,
    pub tags: Vec<String>,
}
