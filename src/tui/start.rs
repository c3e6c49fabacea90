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
use crate::activity::Kind;
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
    /// Which kind of talk; a conversation takes no deck, prompts or speaking time.
    pub kind: Kind,
    /// A deck id or a path to a .toml file.
    pub deck: Option<String>,
    /// For a talk the two names, comma-separated; for a solo reflection the one name.
    pub partners: Option<String>,
    pub prompts: Option<u16>,
    /// Speaking time per turn in seconds, 0 for none, over `timer_seconds` of the config.
    pub speaking_time: Option<u32>,
    /// No listener's guess this time, over `listener_guess` of the config.
    pub no_guess: bool,
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

impl Start {
    fn request(&self) -> Option<&StartRequest> {
        match self {
            Start::Talk(request) | Start::Solo(request) => Some(request),
            Start::Home | Start::Demo => None,
        }
    }
}

/// Build the app for `start`: everything that can fail with a clear message fails here,
/// before the terminal changes.
pub fn build(ctx: &Context, start: &Start) -> Result<App> {
    crate::paths::now()?;
    if let Some(request) = start.request().filter(|r| r.kind.is_flow()) {
        let prompt_only = [
            ("--deck", request.deck.is_some()),
            ("--prompts", request.prompts.is_some()),
            ("--speaking-time", request.speaking_time.is_some()),
            ("--no-guess", request.no_guess),
        ];
        if let Some((flag, _)) = prompt_only.iter().find(|(_, given)| *given) {
            bail!(
                "{flag} is for a talk from prompts; --flow {} takes only --partners and --no-save",
                request.kind.id()
            );
        }
    }
    let clock: Clock =
        Box::new(|| crate::paths::now().unwrap_or_else(|_| chrono::Local::now().fixed_offset()));
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64);
    let demo = matches!(start, Start::Demo);
    let (mut config, storage, mut catalog) = if demo {
        // The demo reads nothing from the user's folders and writes nothing anywhere.
        let journal = crate::demo::sample_journal(clock());
        let storage = Storage::Memory {
            journal,
            draft: None,
        };
        (crate::demo::demo_config(), storage, Catalog::built_in())
    } else {
        own_folders(ctx, start)?
    };
    let request = start.request();
    let deck_arg = request.and_then(|r| r.deck.as_deref());
    if let Some(arg) = deck_arg {
        offer_deck_first(&mut catalog, &mut config, arg)?;
    }
    if let Some(n) = request.and_then(|r| r.prompts) {
        config.prompts_per_talk = n;
    }
    if let Some(seconds) = request.and_then(|r| r.speaking_time) {
        config.timer_seconds = seconds;
    }
    if request.is_some_and(|r| r.no_guess) {
        config.listener_guess = false;
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
    let names = named(start)?;
    // A talk left from before is asked about first; otherwise go where the command said.
    if app.overlay.is_none() {
        go_where_asked(&mut app, start, names)?;
    }
    Ok(app)
}

/// The settings, the journal (read beside the first frame) and the decks of the user's
/// own folders.
fn own_folders(ctx: &Context, start: &Start) -> Result<(Config, Storage, Catalog)> {
    let config = Config::load(&ctx.paths.config_file())?;
    let store = Store::from_paths(&ctx.paths);
    // On the way home the decks are not needed for the first frame either.
    let decks_later = matches!(start, Start::Home).then(|| ctx.paths.decks_dir());
    let catalog = match decks_later {
        Some(_) => Catalog::default(),
        None => Catalog::load(&ctx.paths.decks_dir()),
    };
    let save = !start.request().is_some_and(|r| r.no_save);
    // The journal is read beside the first frame (a large one takes a moment); the app
    // takes it in as soon as it is there, and before any key is handled.
    Ok((
        config,
        Storage::open_disk_later(store, decks_later, save),
        catalog,
    ))
}

/// A deck named on the command line (id or file) is offered first in setup.
fn offer_deck_first(catalog: &mut Catalog, config: &mut Config, arg: &str) -> Result<()> {
    let deck = resolve(catalog, arg)?;
    config.default_deck = deck.id.clone();
    if catalog.get(&deck.id) != Some(&deck) {
        catalog.decks.retain(|d| d.id != deck.id);
        catalog.decks.insert(0, deck);
    }
    Ok(())
}

/// The names given on the command line, checked.
fn named(start: &Start) -> Result<Option<(Mode, Vec<String>)>> {
    Ok(match start {
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
    })
}

/// Straight into the talk when the names were given, else to its setup.
fn go_where_asked(app: &mut App, start: &Start, names: Option<(Mode, Vec<String>)>) -> Result<()> {
    match (start, names) {
        (Start::Talk(_) | Start::Solo(_), Some((mode, partners))) => {
            let deck_id = app.default_deck(mode);
            let config = &app.config;
            // What the command line asked wins; else what the deck is made for; else
            // the settings.
            let request = start.request();
            let deck = app.catalog.get(&deck_id);
            let prompts = match request.and_then(|r| r.prompts) {
                Some(_) => usize::from(config.prompts_per_talk),
                None => deck
                    .and_then(|d| d.suggested_prompts)
                    .map_or(usize::from(config.prompts_per_talk), usize::from),
            };
            let seconds = match request.and_then(|r| r.speaking_time) {
                Some(_) => config.timer_seconds,
                None => deck
                    .and_then(|d| d.suggested_seconds)
                    .unwrap_or(config.timer_seconds),
            };
            let kind = request.map_or(Kind::Prompts, |r| r.kind);
            let choice = SetupChoice {
                kind,
                mode,
                partners,
                deck_id,
                prompts,
                timer_seconds: (mode == Mode::Couple && seconds > 0).then_some(seconds),
                // Asked first when a topic waits; only a talk from prompts and
                // "Understand each other" take one up.
                bring: match kind {
                    Kind::Prompts | Kind::Reflection | Kind::Understand => None,
                    Kind::Repair | Kind::Weekly => Some(false),
                },
            };
            app.start(choice).map_err(anyhow::Error::msg)?;
        }
        (Start::Talk(request), None) => app.update(Action::SetupKind(request.kind)),
        (Start::Solo(_), None) => app.update(Action::SetupSolo),
        (Start::Home | Start::Demo, _) => {}
    }
    Ok(())
}

/// Run the TUI until the user leaves (or a signal or a panic ends the run; see `guard`).
pub fn run(ctx: &Context, start: Start) -> Result<ExitCode> {
    let mut app = build(ctx, &start)?;
    super::guard::run(&mut app)
}
