//! Settings from config.toml: every field has a default, so a missing file or key is fine,
//! and a mistake is reported with the file, line and column.

use std::path::Path;

use serde::{Deserialize, Deserializer, Serialize};

use crate::text::line_col;

/// Everything a user can set. Unknown keys are errors, so a typo is caught.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The two names shown in setup; the last talk's names are used when empty.
    #[serde(deserialize_with = "names")]
    pub partners: Vec<String>,
    /// The deck offered first in setup.
    pub default_deck: String,
    /// How many prompts a talk has.
    #[serde(deserialize_with = "prompts_per_talk")]
    pub prompts_per_talk: u16,
    /// Speaking time per turn in seconds; 0 turns the timer off.
    #[serde(deserialize_with = "timer_seconds")]
    pub timer_seconds: u32,
    /// Whether the listener guesses, hidden, how heard the speaker felt.
    pub listener_guess: bool,
    /// Whether private notes are kept in the journal. When off, no note touches the disk.
    pub keep_notes: bool,
    /// "auto" (colours unless NO_COLOR is set) or "mono" (black and white).
    pub theme: Theme,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            partners: Vec::new(),
            default_deck: "rekindle".to_string(),
            prompts_per_talk: 6,
            timer_seconds: 180,
            listener_guess: true,
            keep_notes: true,
            theme: Theme::Auto,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    Auto,
    Mono,
}

pub const MAX_PROMPTS_PER_TALK: u16 = 100;
pub const MAX_TIMER_SECONDS: u32 = 3600;
pub const MAX_NAME_CHARS: usize = 40;
/// The most a config.toml may hold.
const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// What is wrong with a partner's name, wherever it comes from (config.toml,
/// `--partners`, `--name`): empty, longer than 40 characters, or holding a character
/// that could move the cursor or reorder text on screen. The name is taken trimmed.
pub fn name_problem(name: &str) -> Option<String> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        Some("a name is empty".to_string())
    } else if trimmed.chars().count() > MAX_NAME_CHARS {
        Some(format!(
            "the name {:?} is longer than {MAX_NAME_CHARS} characters",
            crate::text::one_line(trimmed)
                .chars()
                .take(20)
                .collect::<String>()
                + "…"
        ))
    } else if trimmed.chars().any(crate::text::is_unsafe_char) {
        Some(format!(
            "the name {:?} holds a control character",
            crate::text::one_line(trimmed)
        ))
    } else {
        None
    }
}

/// A config file that could not be used, with where the problem is.
#[derive(Debug, thiserror::Error)]
#[error("{}:{line}:{column}: {message}", .path.display())]
pub struct ConfigError {
    pub path: std::path::PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl Config {
    /// Read `path`; a missing file gives the defaults.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        // A settings file is small: a megabyte is far more than any could need.
        match crate::files::read_prefix(path, MAX_CONFIG_BYTES) {
            Ok(bytes) if bytes.len() as u64 > MAX_CONFIG_BYTES => Err(ConfigError {
                path: path.to_path_buf(),
                line: 1,
                column: 1,
                message: "the config file is larger than 1 MiB, far more than settings need"
                    .to_string(),
            }),
            Ok(bytes) => Config::parse(path, &bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(ConfigError {
                path: path.to_path_buf(),
                line: 1,
                column: 1,
                message: format!("cannot read the config file: {e}"),
            }),
        }
    }

    /// Parse config text read from `path` (named in errors).
    pub fn parse(path: &Path, bytes: &[u8]) -> Result<Config, ConfigError> {
        let at = |offset: usize, message: String| {
            let source = String::from_utf8_lossy(bytes);
            let (line, column) = line_col(&source, offset);
            ConfigError {
                path: path.to_path_buf(),
                line,
                column,
                message,
            }
        };
        let source = std::str::from_utf8(bytes).map_err(|e| {
            at(
                e.valid_up_to(),
                "the config file is not valid UTF-8 text".to_string(),
            )
        })?;
        toml::from_str(source).map_err(|e| {
            let offset = e.span().map_or(0, |span| span.start);
            let message = e.message().trim().replace('\n', "; ");
            at(
                offset,
                message.replace("expected i64", "expected a whole number"),
            )
        })
    }

    /// Whether screens and output may use colour, given the `--no-color` flag and `NO_COLOR`.
    pub fn use_color(&self, color_allowed: bool) -> bool {
        color_allowed && self.theme == Theme::Auto
    }
}

fn names<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    use serde::de::Error;
    let names = Vec::<String>::deserialize(deserializer)?;
    if names.len() > 2 {
        return Err(D::Error::custom("`partners` holds at most two names"));
    }
    for name in &names {
        if let Some(problem) = name_problem(name) {
            return Err(D::Error::custom(format!("in `partners`, {problem}")));
        }
    }
    Ok(names.into_iter().map(|n| n.trim().to_string()).collect())
}

fn prompts_per_talk<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u16, D::Error> {
    let n = i64::deserialize(deserializer)?;
    match u16::try_from(n) {
        Ok(n) if (1..=MAX_PROMPTS_PER_TALK).contains(&n) => Ok(n),
        _ => Err(serde::de::Error::custom(format!(
            "`prompts_per_talk` must be a whole number from 1 to {MAX_PROMPTS_PER_TALK}, not {n}"
        ))),
    }
}

fn timer_seconds<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    let n = i64::deserialize(deserializer)?;
    match u32::try_from(n) {
        Ok(n) if n <= MAX_TIMER_SECONDS => Ok(n),
        _ => Err(serde::de::Error::custom(format!(
            "`timer_seconds` must be from 0 (no timer) to {MAX_TIMER_SECONDS}, not {n}"
        ))),
    }
}

/// The commented file `heard config init` writes: every setting at its default.
pub const STARTER: &str = r#"# heard settings. Every line is optional: delete one to get the default back.

# Your two names, as setup should offer them, e.g. ["Ana", "Ben"].
# Empty means: use the names from your last talk.
partners = []

# The deck setup offers first (see `heard decks list`).
default_deck = "rekindle"

# How many prompts a talk has (1 to 100).
prompts_per_talk = 6

# Speaking time for each turn, in seconds. 0 turns the timer off.
timer_seconds = 180

# Before the speaker rates, the listener guesses (hidden) how heard they felt.
listener_guess = true

# Keep private notes in the journal. When false, no note is ever written to disk.
keep_notes = true

# "auto": colours, unless NO_COLOR is set or --no-color is given. "mono": black and white.
theme = "auto"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(Path::new("config.toml"), text.as_bytes())
    }

    #[test]
    fn starter_file_is_the_defaults() {
        assert_eq!(parse(STARTER).unwrap(), Config::default());
    }

    #[test]
    fn empty_file_is_the_defaults() {
        assert_eq!(parse("").unwrap(), Config::default());
    }

    #[test]
    fn a_typo_is_named_with_its_line_and_column() {
        let err = parse("prompts_per_talk = 4\nkeep_note = false\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 1));
        assert!(err.message.contains("keep_note"), "{}", err.message);
    }

    #[test]
    fn out_of_range_values_point_at_the_value() {
        let err = parse("timer_seconds = 99999\n").unwrap_err();
        assert_eq!((err.line, err.column), (1, 17));
        assert!(err.to_string().starts_with("config.toml:1:17: "));
        let err = parse("\nprompts_per_talk = 0").unwrap_err();
        assert_eq!((err.line, err.column), (2, 20));
    }

    #[test]
    fn names_are_trimmed_and_limited() {
        let config = parse("partners = [\" Ana \", \"Ben\"]").unwrap();
        assert_eq!(config.partners, vec!["Ana", "Ben"]);
        assert!(parse("partners = [\"A\", \"B\", \"C\"]").is_err());
        assert!(parse("partners = [\"  \"]").is_err());
    }

    #[test]
    fn mono_theme_turns_colour_off() {
        let config = parse("theme = \"mono\"").unwrap();
        assert!(!config.use_color(true));
        assert!(Config::default().use_color(true));
        assert!(!Config::default().use_color(false));
    }
}
