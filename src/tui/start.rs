//! Starting the TUI from the command line: read the settings, decks and journal, set up
//! the terminal, run, and put the terminal back however the run ends.

use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Result, bail};

use super::action::{Action, SetupChoice};
use super::app::{App, Clock};
use super::event_loop::Program;
use super::storage::Storage;
use super::theme::Theme;
use crate::config::Config;
use crate::context::Context;
use crate::deck::load::{Catalog, resolve};
use crate::journal::store::Store;
use crate::mode::Mode;

/// Which way into the app.
pub enum Start {
    Home,
    Talk(StartRequest),
    Solo(StartRequest),
    Demo,
}

/// What the command line asked for, in plain values (no clap types reach the TUI).
pub struct StartRequest {
    /// A deck id or a path to a .toml file.
    pub deck: Option<String>,
    /// For a talk the two names, comma-separated; for a solo reflection the one name.
    pub partners: Option<String>,
    pub prompts: Option<u16>,
    pub no_save: bool,
}

impl Program for App {
    fn draw(&self, frame: &mut ratatui::Frame) {
        App::draw(self, frame);
    }
    fn key(&mut self, key: crossterm::event::KeyEvent) {
        App::key(self, key);
    }
    fn tick(&mut self, now: Instant) {
        App::tick(self, now);
    }
    fn next_tick(&self, now: Instant) -> Option<Instant> {
        App::next_tick(self, now)
    }
    fn should_quit(&self) -> bool {
        self.quit
    }
    fn resize(&mut self, width: u16, height: u16) {
        App::resize(self, width, height);
    }
    fn failure(&mut self) -> Option<String> {
        self.failure.take()
    }
}

/// Build the app for `start`: everything that can fail with a clear message fails here,
/// before the terminal changes.
pub fn build(ctx: &Context, start: &Start) -> Result<App> {
    crate::paths::now()?;
    let clock: Clock =
        Box::new(|| crate::paths::now().unwrap_or_else(|_| chrono::Local::now().fixed_offset()));
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64);
    let demo = matches!(start, Start::Demo);
    let (mut config, storage, catalog) = if demo {
        // The demo reads nothing from the user's folders and writes nothing anywhere.
        let journal = crate::demo::sample_journal(clock());
        (
            crate::demo::demo_config(),
            Storage::Memory {
                journal,
                draft: None,
            },
            Catalog::built_in(),
        )
    } else {
        let config = Config::load(&ctx.paths.config_file())?;
        let store = Store::from_paths(&ctx.paths);
        // On the way home the decks are not needed for the first frame either.
        let decks_later = matches!(start, Start::Home).then(|| ctx.paths.decks_dir());
        let catalog = match decks_later {
            Some(_) => Catalog::default(),
            None => Catalog::load(&ctx.paths.decks_dir()),
        };
        let no_save = match start {
            Start::Talk(args) => args.no_save,
            Start::Solo(args) => args.no_save,
            _ => false,
        };
        // The journal is read beside the first frame (a large one takes a moment); the
        // app takes it in as soon as it is there, and before any key is handled.
        let storage = Storage::open_disk_later(store, decks_later, !no_save);
        (config, storage, catalog)
    };
    let mut catalog = catalog;
    // A deck named on the command line (id or file) is offered first in setup.
    let deck_arg = match start {
        Start::Talk(args) => args.deck.as_deref(),
        Start::Solo(args) => args.deck.as_deref(),
        _ => None,
    };
    if let Some(arg) = deck_arg {
        let deck = resolve(&catalog, arg)?;
        config.default_deck = deck.id.clone();
        if catalog.get(&deck.id).is_none() || catalog.get(&deck.id) != Some(&deck) {
            catalog.decks.retain(|d| d.id != deck.id);
            catalog.decks.insert(0, deck);
        }
    }
    let prompts_arg = match start {
        Start::Talk(args) => args.prompts,
        Start::Solo(args) => args.prompts,
        _ => None,
    };
    if let Some(n) = prompts_arg {
        config.prompts_per_talk = n;
    }
    let theme = Theme::new(config.use_color(ctx.color));
    let mut app = App::new(storage, config, catalog, theme, demo, clock, seed);
    app.deck_asked = deck_arg.is_some();
    if !matches!(start, Start::Home) {
        // Setup offers names and carried prompts from the journal: it is needed now.
        app.receive_journal(true);
    }
    if let Some(failure) = app.failure.take() {
        bail!(failure);
    }

    let names = match start {
        Start::Talk(StartRequest {
            partners: Some(names),
            ..
        }) => {
            let names: Vec<String> = names.split(',').map(|n| n.trim().to_string()).collect();
            if names.len() != 2 || names.iter().any(String::is_empty) {
                bail!("--partners takes two names separated by a comma, like \"Ana,Ben\"");
            }
            Some((Mode::Couple, names))
        }
        Start::Solo(StartRequest {
            partners: Some(name),
            ..
        }) => {
            if name.trim().is_empty() {
                bail!("--name needs a name");
            }
            Some((Mode::Solo, vec![name.trim().to_string()]))
        }
        _ => None,
    };
    // A talk left from before is asked about first; otherwise go where the command said.
    if app.overlay.is_none() {
        match (start, names) {
            (Start::Talk(_) | Start::Solo(_), Some((mode, partners))) => {
                let deck_id = app.default_deck(mode);
                let config = &app.config;
                let choice = SetupChoice {
                    mode,
                    partners,
                    deck_id,
                    prompts: usize::from(config.prompts_per_talk),
                    timer_seconds: (mode == Mode::Couple && config.timer_seconds > 0)
                        .then_some(config.timer_seconds),
                    use_carried: mode == Mode::Couple,
                };
                app.start(choice).map_err(anyhow::Error::msg)?;
            }
            (Start::Talk(_), None) => app.update(Action::SetupTalk),
            (Start::Solo(_), None) => app.update(Action::SetupSolo),
            _ => {}
        }
    }
    Ok(app)
}

/// Run the TUI until the user leaves (or a signal or a panic ends the run; see `guard`).
pub fn run(ctx: &Context, start: Start) -> Result<ExitCode> {
    let mut app = build(ctx, &start)?;
    super::guard::run(&mut app)
}
