//! The command line: clap types, and the plain-output commands (decks, journal, config,
//! completions, man page).

pub mod config_cmd;
pub mod decks_cmd;
pub mod journal_cmd;
pub mod report_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crate::context::Context;
use crate::tui::start::{self, Start, StartRequest};

const ABOUT: &str = "A guided conversation for two partners at one laptop.";

const LONG_ABOUT: &str = "\
heard guides two partners through a talk at one laptop. You take turns answering \
prompts from a deck; the listener reflects back what they heard; the speaker says \
how heard and how validated they felt. Every talk is kept in a private journal on \
this computer, so you can see your connection over time.

Run `heard` with no command to open the home screen. Nothing you write ever leaves \
this machine unless you export it yourself.

heard is not therapy and not a crisis service. If you or your partner are in danger \
or crisis, call your local emergency number or a crisis line where you live.";

#[derive(Debug, Parser)]
#[command(name = "heard", version, about = ABOUT, long_about = LONG_ABOUT)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Folder for the journal and the talk in progress [env: HEARD_DATA_DIR]
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Folder for config.toml and your own decks [env: HEARD_CONFIG_DIR]
    #[arg(long, global = true, value_name = "DIR")]
    pub config_dir: Option<PathBuf>,

    /// Plain black and white, no colours (also when NO_COLOR is set)
    #[arg(long, global = true)]
    pub no_color: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a talk for two (the home screen's "start a talk")
    Talk(TalkArgs),
    /// Reflect alone, to prepare what you want to share in your next talk
    Solo(SoloArgs),
    /// Show heard with a fictional couple and sample history; nothing is saved
    Demo,
    /// List, show, check and create decks of prompts
    #[command(subcommand)]
    Decks(DecksCommand),
    /// Read, export, merge and repair the journal of past talks
    #[command(subcommand)]
    Journal(JournalCommand),
    /// Where the settings live, create them, show them
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    Completions {
        /// The shell to print the script for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff); try `heard man | man -l -`
    Man,
}

/// The kinds of talk `heard talk --flow` starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FlowArg {
    /// Take turns with prompts from a deck (the usual talk)
    Prompts,
    /// One brings a topic; the other says it back until it is understood
    Understand,
    /// After a fight or a hurt, once both are calm: five steps, each in turn
    Repair,
    /// Appreciations, what went well, maybe one issue, what would help this week
    Weekly,
}

impl FlowArg {
    pub fn kind(self) -> crate::activity::Kind {
        match self {
            FlowArg::Prompts => crate::activity::Kind::Prompts,
            FlowArg::Understand => crate::activity::Kind::Understand,
            FlowArg::Repair => crate::activity::Kind::Repair,
            FlowArg::Weekly => crate::activity::Kind::Weekly,
        }
    }
}

#[derive(Debug, Clone, Args)]
pub struct TalkArgs {
    /// The kind of talk: prompts from a deck, or a conversation for what matters
    #[arg(long, value_enum, value_name = "KIND", default_value = "prompts")]
    pub flow: FlowArg,
    /// Deck to draw prompts from: a deck id (see `heard decks list`) or a path to a .toml file
    #[arg(long, value_name = "ID|PATH")]
    pub deck: Option<String>,
    /// The two of you, comma-separated, e.g. "Ana,Ben"
    #[arg(long, value_name = "NAMES", value_parser = two_partners)]
    pub partners: Option<String>,
    /// How many prompts to talk about
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=100))]
    pub prompts: Option<u16>,
    /// Speaking time per turn in seconds, 0 for no timer (config: timer_seconds)
    #[arg(long, value_name = "SECONDS",
        value_parser = clap::value_parser!(u32).range(0..=i64::from(crate::config::MAX_TIMER_SECONDS)))]
    pub speaking_time: Option<u32>,
    /// The listener does not guess how heard the speaker felt (config: listener_guess)
    #[arg(long)]
    pub no_guess: bool,
    /// Do not keep anything: no journal entry, no draft
    #[arg(long)]
    pub no_save: bool,
}

/// `--partners`: two names, comma-separated, neither empty, not the same name twice
/// (trimmed, in any case). Gives back the trimmed names, "Ana,Ben".
fn two_partners(text: &str) -> Result<String, String> {
    let names: Vec<&str> = text.split(',').map(str::trim).collect();
    if let Some(problem) = names
        .iter()
        .filter(|n| !n.is_empty())
        .find_map(|n| crate::config::name_problem(n))
    {
        return Err(problem);
    }
    match names[..] {
        [a, b] if !a.is_empty() && !b.is_empty() => {
            if a.to_lowercase() == b.to_lowercase() {
                Err(format!(
                    "the two names are the same ({a}): give each partner's name"
                ))
            } else {
                Ok(format!("{a},{b}"))
            }
        }
        _ => Err("takes two names separated by a comma, like \"Ana,Ben\"".to_string()),
    }
}

/// `--name`: one name, by the same rules as the partners' names. Gives it back trimmed.
fn one_name(text: &str) -> Result<String, String> {
    match crate::config::name_problem(text) {
        Some(problem) => Err(problem),
        None => Ok(text.trim().to_string()),
    }
}

/// `--couple "Ana,Ben"`: the couple to match, and the names as typed for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoupleArg {
    pub key: crate::journal::couples::CoupleKey,
    /// "Ana & Ben", trimmed, as typed.
    pub shown: String,
}

impl CoupleArg {
    fn parse(text: &str) -> Result<CoupleArg, String> {
        let key = crate::journal::couples::CoupleKey::parse(text)?;
        let names: Vec<String> = text
            .split(',')
            .map(|n| crate::text::one_line(n.trim()).into_owned())
            .collect();
        Ok(CoupleArg {
            key,
            shown: names.join(" & "),
        })
    }
}

#[derive(Debug, Clone, Args)]
pub struct SoloArgs {
    /// Deck to draw prompts from: a solo deck id or a path to a .toml file
    #[arg(long, value_name = "ID|PATH")]
    pub deck: Option<String>,
    /// Your name
    #[arg(long, value_name = "NAME", value_parser = one_name)]
    pub name: Option<String>,
    /// How many prompts to reflect on
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=100))]
    pub prompts: Option<u16>,
    /// Do not keep anything: no journal entry, no draft
    #[arg(long)]
    pub no_save: bool,
}

#[derive(Debug, Subcommand)]
pub enum DecksCommand {
    /// List every deck: built-in ones and your own
    List {
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Show one deck's prompts
    Show {
        /// A deck id or a path to a .toml file
        #[arg(value_name = "ID|PATH")]
        deck: String,
    },
    /// Check deck files and report every problem as PATH:LINE:COL: message
    Check {
        /// Deck files (.toml) to check
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Write a commented starter deck to PATH, to edit into your own
    New {
        /// Where to write the new deck file (.toml)
        #[arg(value_name = "PATH")]
        path: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    Md,
}

#[derive(Debug, Subcommand)]
pub enum JournalCommand {
    /// Print where the journal is kept
    Path,
    /// List past talks, newest first
    List {
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
        /// Only talks started on or after this date
        #[arg(long, value_name = "YYYY-MM-DD")]
        since: Option<chrono::NaiveDate>,
        /// Only this couple's talks (and their own reflections), e.g. "Ana,Ben"
        #[arg(long, value_name = "NAMES", value_parser = CoupleArg::parse)]
        couple: Option<CoupleArg>,
    },
    /// Show one talk, turn by turn
    Show {
        /// The talk's id, or enough of its start to be unique
        #[arg(value_name = "ID-PREFIX")]
        id: String,
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
        /// Show this person's own notes and reflection too (nobody else's)
        #[arg(long, value_name = "NAME")]
        notes_of: Option<String>,
    },
    /// How heard and validated you have felt, mood lift, closeness, rhythm; one block per couple
    Stats {
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
        /// Only talks started on or after this date
        #[arg(long, value_name = "YYYY-MM-DD")]
        since: Option<chrono::NaiveDate>,
        /// Only this couple's talks (and their own reflections), e.g. "Ana,Ben"
        #[arg(long, value_name = "NAMES", value_parser = CoupleArg::parse)]
        couple: Option<CoupleArg>,
    },
    /// Export the journal as JSON, CSV (one row per turn) or a Markdown report
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write to FILE instead of the screen
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Include everyone's notes and reflections in CSV and Markdown (JSON is always the whole journal)
        #[arg(long)]
        with_notes: bool,
        /// Only talks started on or after this date
        #[arg(long, value_name = "YYYY-MM-DD")]
        since: Option<chrono::NaiveDate>,
        /// Only this couple's talks (and their own reflections), e.g. "Ana,Ben"
        #[arg(long, value_name = "NAMES", value_parser = CoupleArg::parse)]
        couple: Option<CoupleArg>,
    },
    /// Add the talks of another journal file (the same talk is never added twice)
    Merge {
        /// The other journal.json to add talks from
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Move a journal that no longer reads aside and restore the last good copy
    Repair,
    /// Remove one talk from the journal and from its backup
    Forget {
        /// The talk's id, or enough of its start to be unique
        #[arg(value_name = "ID")]
        id: String,
        /// Do not ask first (needed when there is no terminal to ask on)
        #[arg(long, short = 'y')]
        yes: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print where config.toml is kept
    Path,
    /// Write a commented config.toml with every setting at its default
    Init {
        /// Replace an existing config.toml
        #[arg(long)]
        force: bool,
    },
    /// Print the settings in effect
    Show,
}

impl GlobalArgs {
    /// The context these flags describe, for the commands and the TUI.
    pub fn context(&self) -> Result<Context> {
        Context::resolve(
            self.data_dir.clone(),
            self.config_dir.clone(),
            self.no_color,
        )
    }
}

impl From<TalkArgs> for StartRequest {
    fn from(args: TalkArgs) -> StartRequest {
        StartRequest {
            kind: args.flow.kind(),
            deck: args.deck,
            partners: args.partners,
            prompts: args.prompts,
            speaking_time: args.speaking_time,
            no_guess: args.no_guess,
            no_save: args.no_save,
        }
    }
}

impl From<SoloArgs> for StartRequest {
    fn from(args: SoloArgs) -> StartRequest {
        StartRequest {
            kind: crate::activity::Kind::Reflection,
            deck: args.deck,
            partners: args.name,
            prompts: args.prompts,
            speaking_time: None,
            no_guess: false,
            no_save: args.no_save,
        }
    }
}

/// An error as the one line heard prints: its causes joined, and any character from a
/// file or an argument that could steer the terminal made safe.
pub fn error_line(err: &anyhow::Error) -> String {
    crate::text::one_line(&format!("{err:#}")).into_owned()
}

/// The command line, or its usage error printed and exit status 2. clap's own messages
/// repeat what was typed ("invalid value '...'"), which can hold escape sequences: those
/// are shown made safe, like every other text heard prints. Help and version, which
/// repeat nothing, keep clap's styling.
pub fn parse_args() -> Cli {
    use clap::error::ErrorKind;
    use std::io::Write;
    let err = match Cli::try_parse() {
        Ok(cli) => return cli,
        Err(err) => err,
    };
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        let _ = err.print();
    } else {
        let text = err.render().to_string();
        let _ = write!(std::io::stderr(), "{}", crate::text::multi_line(&text));
    }
    std::process::exit(err.exit_code());
}

/// Run a command that is not the TUI. Returns the exit code; errors are turned into a
/// message and exit code 1 by `main`.
pub fn run(command: Command, ctx: &Context) -> Result<ExitCode> {
    match command {
        Command::Decks(cmd) => decks_cmd::run(cmd, ctx),
        Command::Journal(cmd) => journal_cmd::run(cmd, ctx),
        Command::Config(cmd) => config_cmd::run(cmd, ctx),
        Command::Completions { shell } => {
            let mut cmd = Cli::command();
            clap_complete::generate(shell, &mut cmd, "heard", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            crate::cli::write_stdout(&man_page()?)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Talk(args) => start::run(ctx, Start::Talk(args.into())),
        Command::Solo(args) => start::run(ctx, Start::Solo(args.into())),
        Command::Demo => start::run(ctx, Start::Demo),
    }
}

/// The man page's own sections: heading, a first paragraph, then "term|what" entries.
const MAN_SECTIONS: [(&str, &str, &[&str]); 3] = [
    (
        "FILES",
        "The data folder (--data-dir, HEARD_DATA_DIR; on Linux ~/.local/share/heard) and the config folder (--config-dir, HEARD_CONFIG_DIR; on Linux ~/.config/heard). heard journal path and heard config path print the exact places.",
        &[
            "journal.json|the journal of past talks, in the data folder",
            "journal.json.bak|the previous good copy of the journal, beside it",
            "in-progress.json|the talk in progress, kept to resume, beside it",
            "config.toml|the settings, in the config folder (heard config init writes one)",
            "decks/*.toml|your own decks, in the config folder",
        ],
    ),
    (
        "ENVIRONMENT",
        "A command-line option wins over the environment variable.",
        &[
            "HEARD_DATA_DIR|the data folder, as --data-dir",
            "HEARD_CONFIG_DIR|the config folder, as --config-dir",
            "NO_COLOR|when set and not empty, plain black and white, as --no-color",
            "HEARD_NOW|an RFC 3339 time to use as now, for tests and demonstrations",
        ],
    ),
    (
        "EXIT STATUS",
        "",
        &[
            "0|success",
            "1|a problem you can fix; one line on stderr says what, and where",
            "2|a command line heard did not understand (a usage error)",
            "130|left a talk with Ctrl-C or a signal; the talk is kept to resume",
        ],
    ),
];

/// The man page: clap's sections, the commands listed here (there is one page, not one
/// per command), then FILES, ENVIRONMENT and EXIT STATUS.
pub fn man_page() -> Result<Vec<u8>> {
    use clap_mangen::roff::{Roff, bold, roman};
    let cli = Cli::command();
    let man = clap_mangen::Man::new(cli.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;

    let mut roff = Roff::default();
    roff.control("SH", ["COMMANDS"]);
    fn commands(roff: &mut Roff, command: &clap::Command, path: &str) {
        for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
            let name = format!("{path} {}", sub.get_name());
            if sub.has_subcommands() {
                commands(roff, sub, &name);
                continue;
            }
            roff.control("TP", []);
            roff.text([bold(name)]);
            if let Some(about) = sub.get_about() {
                roff.text([roman(about.to_string())]);
            }
        }
    }
    commands(&mut roff, &cli, "heard");
    roff.control("PP", []);
    roff.text([roman(
        "Run heard COMMAND --help for the options of each command.",
    )]);
    for (heading, intro, items) in MAN_SECTIONS {
        roff.control("SH", [heading]);
        if !intro.is_empty() {
            roff.control("PP", []);
            roff.text([roman(intro)]);
        }
        for item in items {
            let (term, what) = item.split_once('|').unwrap_or((item, ""));
            roff.control("TP", []);
            roff.text([bold(term)]);
            roff.text([roman(what)]);
        }
    }
    roff.to_writer(&mut out)?;
    man.render_version_section(&mut out)?;
    Ok(out)
}

/// Write bytes to stdout; a closed pipe (`heard journal list | head`) is not an error.
pub fn write_stdout(bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partners_are_two_different_names() {
        assert_eq!(two_partners(" Ana , Ben ").unwrap(), "Ana,Ben");
        assert!(two_partners("Ana").is_err());
        assert!(two_partners("Ana,").is_err());
        assert!(two_partners("Ana,Ben,Jo").is_err());
        assert!(two_partners("Ana, ana ").unwrap_err().contains("same"));
        // The same rules as names in config.toml.
        let long = "A".repeat(41);
        assert!(
            two_partners(&format!("Ana,{long}"))
                .unwrap_err()
                .contains("40")
        );
        assert!(two_partners(&format!("Ana,{}", "B".repeat(40))).is_ok());
        for unsafe_name in ["Ben\u{1b}[2J", "Ben\u{7}", "Ben\u{202e}", "Be\u{9b}n"] {
            let err = two_partners(&format!("Ana,{unsafe_name}")).unwrap_err();
            assert!(err.contains("control character"), "{unsafe_name:?}: {err}");
            assert!(!err.contains('\u{1b}'), "the message is safe: {err:?}");
        }
        assert_eq!(one_name("  Zoë 🌻 ").unwrap(), "Zoë 🌻");
        assert!(one_name(&long).is_err());
        assert!(one_name("Zoë\u{1b}]52;c;aGk=\u{7}").is_err());
    }

    #[test]
    fn the_man_page_has_files_environment_and_exit_status_and_no_missing_pages() {
        let page = String::from_utf8(man_page().unwrap()).unwrap();
        for section in [
            ".SH FILES",
            ".SH ENVIRONMENT",
            ".SH \"EXIT STATUS\"",
            ".SH COMMANDS",
        ] {
            assert!(page.contains(section), "no {section}:\n{page}");
        }
        for needed in [
            "HEARD_DATA_DIR",
            "journal.json",
            "130",
            "heard journal forget",
        ] {
            assert!(page.contains(needed), "no {needed}");
        }
        // Only heard(1) exists: no heard-talk(1) and the like.
        assert!(
            !page.contains("(1)"),
            "a reference to a page that does not exist"
        );
        assert!(!page.contains("\\-talk("), "{page}");
    }

    /// Every positional argument of every command says what it is in `--help`.
    #[test]
    fn every_positional_argument_has_a_description() {
        fn walk(command: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for arg in command.get_positionals() {
                if arg.get_help().is_none() {
                    missing.push(format!("{path} {}", arg.get_id()));
                }
            }
            for sub in command.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "heard", &mut missing);
        assert!(missing.is_empty(), "no description: {missing:?}");
    }
}
