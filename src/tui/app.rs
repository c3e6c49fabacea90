//! The app: which screen is showing, what overlays it, and the one place state changes
//! (`App::update`). Drawing is a pure function of this state.

use std::time::Instant;

use chrono::{DateTime, FixedOffset};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;

use super::action::{Action, Leave, LeftoverChoice, SetupChoice};
use super::loading::Loading;
use super::screens::decks::Decks;
use super::screens::dialogs::{LeftoverDialog, QuitDialog};
use super::screens::help::Help;
use super::screens::history::History;
use super::screens::home::Home;
use super::screens::setup::Setup;
use super::screens::summary::Summary;
use super::screens::talk::TalkScreen;
use super::storage::{Saved, Storage};
use super::theme::Theme;
use super::widgets::too_small::{TooSmall, fits};
use crate::config::Config;
use crate::deck::load::Catalog;
use crate::deck::{Deck, DeckMode};
use crate::journal::{Mode, Session, stats};
use crate::talk::{Talk, TalkMode, TalkSetup, carried_prompts};

/// The clock the app reads: `HEARD_NOW` or the local time in the real app, fixed in tests.
pub type Clock = Box<dyn Fn() -> DateTime<FixedOffset>>;

pub enum Screen {
    Home(Home),
    Setup(Box<Setup>),
    Talk(Box<TalkScreen>),
    Summary(Box<Summary>),
    History(Box<History>),
    Decks(Decks),
}

pub enum Overlay {
    Help { scroll: u16 },
    Quit(QuitDialog),
    Leftover(Box<LeftoverDialog>),
}

pub struct App {
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub storage: Storage,
    pub config: Config,
    pub catalog: Catalog,
    pub theme: Theme,
    pub demo: bool,
    clock: Clock,
    /// Seeds prompt order; a new one per talk.
    next_seed: u64,
    pub quit: bool,
    /// Whether the command line named a deck (then it is offered first for either kind).
    pub deck_asked: bool,
    /// Printed after the terminal is restored (where a kept talk waits, ...).
    pub farewell: Option<String>,
    /// The journal (and the decks), while they are still being read (`tui::loading`).
    pub loading: Option<Loading>,
    /// Why the app had to stop (a journal that does not read): an error once the
    /// terminal is restored.
    pub failure: Option<String>,
}

impl App {
    pub fn new(
        storage: Storage,
        config: Config,
        catalog: Catalog,
        theme: Theme,
        demo: bool,
        clock: Clock,
        seed: u64,
    ) -> App {
        let mut app = App {
            screen: Screen::Home(Home::default()),
            overlay: None,
            storage,
            config,
            catalog,
            theme,
            demo,
            clock,
            next_seed: seed,
            quit: false,
            deck_asked: false,
            farewell: None,
            loading: None,
            failure: None,
        };
        app.go_home(None);
        if app.storage.other_writer() {
            app.go_home(Some(
                "Another heard is in a talk right now. You can look back, and start a talk when it is done."
                    .to_string(),
            ));
            return app;
        }
        match app.storage.leftover_draft() {
            Ok(Some(talk)) => {
                app.overlay = Some(Overlay::Leftover(Box::new(LeftoverDialog::new(&talk))))
            }
            Ok(None) => {}
            Err(message) => app.go_home(Some(format!(
                "{message}. It is left as it is; `heard journal repair` does not touch it."
            ))),
        }
        app
    }

    pub fn now(&self) -> DateTime<FixedOffset> {
        (self.clock)()
    }

    /// The home screen, with when the last talk was and the rhythm so far.
    pub(super) fn go_home(&mut self, notice: Option<String>) {
        let now = self.now();
        let stats = stats::compute(self.storage.journal(), None, now);
        let last_talk = stats.last_session.map(|day| {
            format!(
                "Your last talk was {}.",
                stats::since_words(day, now.date_naive())
            )
        });
        let rhythm =
            (stats.weekly_streak >= 2).then(|| format!("{} weeks in a row.", stats.weekly_streak));
        let notice = notice.or_else(|| self.storage.caveat().map(str::to_string));
        self.screen = Screen::Home(Home {
            selected: 0,
            last_talk,
            rhythm,
            demo: self.demo,
            theme: Some(self.theme),
            notice,
        });
    }

    /// Names to offer in setup: from the config, else from the last talk of this kind.
    fn remembered_names(&self, mode: TalkMode) -> Vec<String> {
        let wanted = match mode {
            TalkMode::Couple => Mode::Couple,
            TalkMode::Solo => Mode::Solo,
        };
        if !self.config.partners.is_empty() && mode == TalkMode::Couple {
            return self.config.partners.clone();
        }
        let last = self
            .storage
            .journal()
            .sessions
            .iter()
            .rev()
            .find(|s| s.mode == wanted);
        match (last, mode) {
            (Some(session), _) => session.partners.clone(),
            (None, TalkMode::Solo) => self.config.partners.first().cloned().into_iter().collect(),
            (None, TalkMode::Couple) => Vec::new(),
        }
    }

    /// The solo reflection whose marked prompts the next couple talk offers: the latest
    /// one after the latest couple talk.
    fn reflection_to_carry(&self) -> Option<&Session> {
        let sessions = &self.storage.journal().sessions;
        let last_couple = sessions.iter().rposition(|s| s.is_couple());
        sessions
            .iter()
            .enumerate()
            .rev()
            .find(|(i, s)| s.mode == Mode::Solo && last_couple.is_none_or(|c| *i > c))
            .map(|(_, s)| s)
            .filter(|s| s.turns.iter().any(|t| t.bring_to_talk()))
    }

    fn carried_count(&self) -> usize {
        self.reflection_to_carry().map_or(0, |session| {
            let deck = self.catalog.get(&session.deck_id);
            deck.map_or(0, |deck| carried_prompts(session, deck).len())
        })
    }

    /// The deck offered first: the configured one for a couple talk; for a reflection,
    /// the deck made for one person unless a solo deck was asked for.
    pub fn default_deck(&self, mode: TalkMode) -> String {
        let wanted = match mode {
            TalkMode::Couple => DeckMode::Couple,
            TalkMode::Solo => DeckMode::Solo,
        };
        let configured = self.catalog.get(&self.config.default_deck);
        let solo_only = |d: &&Deck| d.modes == [DeckMode::Solo];
        let pick = match mode {
            TalkMode::Couple => configured.filter(|d| d.supports(wanted)),
            TalkMode::Solo if self.deck_asked => configured.filter(|d| d.supports(wanted)),
            TalkMode::Solo => self.catalog.decks.iter().find(solo_only),
        };
        pick.or_else(|| self.catalog.decks.iter().find(|d| d.supports(wanted)))
            .map(|d| d.id.clone())
            .unwrap_or_else(|| self.config.default_deck.clone())
    }

    pub fn open_setup(&mut self, mode: TalkMode) {
        let names = self.remembered_names(mode);
        let mut config = self.config.clone();
        config.default_deck = self.default_deck(mode);
        let carried = match mode {
            TalkMode::Couple => self.carried_count(),
            TalkMode::Solo => 0,
        };
        self.screen = Screen::Setup(Box::new(Setup::new(
            mode,
            &self.catalog,
            &config,
            &names,
            carried,
            self.theme,
            self.demo,
        )));
    }

    /// Start a talk from setup's choices (or the command line's).
    pub fn start(&mut self, choice: SetupChoice) -> Result<(), String> {
        let deck = self
            .catalog
            .get(&choice.deck_id)
            .cloned()
            .ok_or_else(|| format!("there is no deck called {:?}", choice.deck_id))?;
        let carried = if choice.use_carried && choice.mode == TalkMode::Couple {
            self.reflection_to_carry()
                .and_then(|s| self.catalog.get(&s.deck_id).map(|d| carried_prompts(s, d)))
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let seed = self.next_seed;
        self.next_seed = self
            .next_seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1);
        let talk = Talk::new(TalkSetup {
            mode: choice.mode,
            partners: choice.partners,
            deck: deck.clone(),
            prompts: choice.prompts,
            timer_seconds: choice.timer_seconds,
            listener_guess: self.config.listener_guess,
            keep_notes: self.config.keep_notes,
            seed,
            started_at: self.now(),
            carried_prompts: carried,
        })
        .map_err(|e| e.to_string())?;
        self.storage.begin_talk()?;
        let notice = self.storage.save_draft(&talk).err().map(saving_trouble);
        let mut screen = TalkScreen::new(talk, deck.title, self.theme, self.demo, Instant::now());
        screen.notice = notice;
        self.screen = Screen::Talk(Box::new(screen));
        Ok(())
    }

    fn resume(&mut self, talk: Talk) {
        if let Err(message) = self.storage.begin_talk() {
            self.go_home(Some(message));
            return;
        }
        let title = self
            .catalog
            .get(talk.deck_id())
            .map_or_else(|| talk.deck_id().to_string(), |d| d.title.clone());
        self.screen = Screen::Talk(Box::new(TalkScreen::new(
            talk,
            title,
            self.theme,
            self.demo,
            Instant::now(),
        )));
    }

    /// Put a talk in the journal and show its summary (finished) or go home (unfinished).
    fn keep(&mut self, talk: &Talk, completed: bool) {
        let session = talk.to_session(self.now(), completed);
        // The summary compares with the talks before this one: built before saving, so
        // a large journal need not be copied.
        let summary = completed.then(|| {
            let title = self
                .catalog
                .get(&session.deck_id)
                .map_or_else(|| session.deck_id.clone(), |d| d.title.clone());
            Summary::new(
                session.clone(),
                title,
                self.storage.journal(),
                Saved::NotKept,
                self.now(),
                self.theme,
                self.demo,
            )
        });
        match self.storage.keep(session) {
            Ok(saved) if completed => {
                if let Some(mut summary) = summary {
                    summary.saved = saved;
                    self.screen = Screen::Summary(Box::new(summary));
                }
            }
            Ok(saved) => {
                let line = match saved {
                    Saved::Journal(path) => {
                        format!("Saved as unfinished in {}.", path.display())
                    }
                    Saved::Memory => "Saved as unfinished (demo: only until you quit).".to_string(),
                    Saved::NotKept => "Not saved, as asked.".to_string(),
                };
                self.go_home(Some(line));
            }
            Err(message) => {
                // Nothing is lost: the talk stays on screen and in the draft; try again.
                if let Screen::Talk(screen) = &mut self.screen {
                    screen.notice = Some(format!(
                        "Could not save to the journal: {message}. Your talk is safe here; press Enter to try again."
                    ));
                }
            }
        }
    }

    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => match self.screen {
                Screen::Talk(_) => self.overlay = Some(Overlay::Quit(QuitDialog::default())),
                _ => self.quit = true,
            },
            Action::SetupTalk => self.open_setup(TalkMode::Couple),
            Action::SetupSolo => self.open_setup(TalkMode::Solo),
            Action::OpenHistory => {
                self.screen = Screen::History(Box::new(History::new(
                    self.storage.journal(),
                    &self.catalog,
                    self.theme,
                    self.demo,
                    self.now(),
                )));
            }
            Action::OpenDecks => {
                self.screen = Screen::Decks(Decks::new(&self.catalog, self.theme, self.demo));
            }
            Action::ShowHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::CloseOverlay => self.overlay = None,
            Action::Back => self.go_home(None),
            Action::Start(choice) => {
                if let Err(message) = self.start(choice) {
                    match &mut self.screen {
                        Screen::Setup(setup) => setup.set_problem(message),
                        _ => self.go_home(Some(message)),
                    }
                }
            }
            Action::Talk(input) => self.apply(input),
            Action::RetrySave => {
                if let Screen::Talk(screen) = &self.screen
                    && screen.talk.is_finished()
                {
                    let talk = screen.talk.clone();
                    self.keep(&talk, true);
                }
            }
            Action::AskQuit => self.overlay = Some(Overlay::Quit(QuitDialog::default())),
            Action::LeaveTalk(leave) => {
                self.overlay = None;
                let Screen::Talk(screen) = &self.screen else {
                    return;
                };
                let talk = screen.talk.clone();
                match leave {
                    Leave::SaveUnfinished => self.keep(&talk, false),
                    Leave::KeepForLater => {
                        let result = self.storage.save_draft(&talk);
                        self.storage.end_talk();
                        self.go_home(Some(match result {
                            Ok(()) => "Your talk is kept. heard offers to resume it next time."
                                .to_string(),
                            Err(e) => saving_trouble(e),
                        }));
                    }
                    Leave::Discard => {
                        let result = self.storage.discard_draft();
                        self.go_home(result.err());
                    }
                }
            }
            Action::Leftover(choice) => {
                let Some(Overlay::Leftover(dialog)) = self.overlay.take() else {
                    return;
                };
                let talk = dialog.talk;
                match choice {
                    LeftoverChoice::Resume => self.resume(talk),
                    LeftoverChoice::SaveUnfinished => match self.storage.begin_talk() {
                        Ok(()) => self.keep(&talk, false),
                        Err(message) => self.go_home(Some(message)),
                    },
                    LeftoverChoice::Discard => {
                        let result = self.storage.discard_draft();
                        self.go_home(result.err());
                    }
                }
            }
            Action::Interrupt => {
                if let Screen::Talk(screen) = &self.screen {
                    let result = self.storage.save_draft(&screen.talk);
                    self.farewell = Some(match (&self.storage, result) {
                        (Storage::Disk { .. }, Ok(())) => {
                            "heard: your talk is kept; run heard again to resume it.".to_string()
                        }
                        (Storage::Disk { .. }, Err(e)) => format!("heard: {}", saving_trouble(e)),
                        _ => "heard: nothing from this talk was saved.".to_string(),
                    });
                }
                self.quit = true;
            }
            Action::RestartDemo => {
                if self.demo {
                    self.storage = Storage::Memory {
                        journal: crate::demo::sample_journal(self.now()),
                        draft: None,
                    };
                    self.overlay = None;
                    self.go_home(Some("The demo starts fresh.".to_string()));
                }
            }
        }
    }

    /// Hand the partners' choice to the talk, save the draft, and move on.
    fn apply(&mut self, input: crate::talk::Input) {
        let Screen::Talk(screen) = &mut self.screen else {
            return;
        };
        let deciding = screen.talk.went_deeper().is_none();
        if let Err(e) = screen.talk.apply(input) {
            screen.notice = Some(e.to_string());
            return;
        }
        // Said once, kindly, when the answer to "go deeper?" was "not today".
        screen.notice = (deciding && screen.talk.went_deeper() == Some(false))
            .then(|| crate::words::STAY_LIGHTER.to_string());
        screen.sync(Instant::now());
        if screen.talk.is_finished() {
            let talk = screen.talk.clone();
            self.keep(&talk, true);
            return;
        }
        if let Err(e) = self.storage.save_draft(&screen.talk) {
            screen.notice = Some(saving_trouble(e));
        }
    }

    /// A key, routed to the overlay if one is open, else to the screen.
    pub fn key(&mut self, key: KeyEvent) {
        // Every choice may need the journal: one pressed while it is read waits for it.
        self.receive_journal(true);
        if self.quit {
            return;
        }
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.update(Action::Interrupt);
            return;
        }
        let action = match &mut self.overlay {
            Some(Overlay::Help { scroll }) => match key.code {
                KeyCode::Down | KeyCode::Char('j') | KeyCode::PageDown => {
                    *scroll = scroll.saturating_add(1);
                    None
                }
                KeyCode::Up | KeyCode::Char('k') | KeyCode::PageUp => {
                    *scroll = scroll.saturating_sub(1);
                    None
                }
                _ => Some(Action::CloseOverlay),
            },
            Some(Overlay::Quit(dialog)) => dialog.handle_key(key),
            Some(Overlay::Leftover(dialog)) => dialog.handle_key(key),
            None => match &mut self.screen {
                Screen::Home(home) => home.handle_key(key),
                Screen::Setup(setup) => setup.handle_key(key),
                Screen::Talk(talk) => talk.handle_key(key, Instant::now()),
                Screen::Summary(summary) => summary.handle_key(key),
                Screen::History(history) => history.handle_key(key),
                Screen::Decks(decks) => decks.handle_key(key),
            },
        };
        if let Some(action) = action {
            self.update(action);
        }
    }

    pub fn next_tick(&self, now: Instant) -> Option<Instant> {
        if let Some(loading) = &self.loading {
            let wait = if loading.waiting() { 0 } else { 10 };
            return Some(now + std::time::Duration::from_millis(wait));
        }
        match (&self.screen, &self.overlay) {
            (Screen::Talk(talk), None) => talk.next_tick(now),
            _ => None,
        }
    }

    pub fn tick(&mut self, now: Instant) {
        self.receive_journal(false);
        if let Screen::Talk(talk) = &mut self.screen {
            talk.now = now;
        }
    }

    /// The keys of the screen under the help overlay, from its key table.
    fn screen_keys(&self) -> Vec<(&'static str, &'static str)> {
        match &self.screen {
            Screen::Home(home) => home.keys(),
            Screen::Setup(setup) => setup.keys(),
            // The talk-related lines of the help's old single list, until the talk screens
            // have their own tables.
            Screen::Talk(_) => vec![
                ("↑ ↓ Tab", "move between choices"),
                ("Enter", "choose, or go on"),
                ("1 - 7", "pick a step on a scale (← → work too)"),
                ("Space", "pause or resume the speaking timer"),
                ("n", "write a private note (Esc when done)"),
                ("s", "pass this prompt, no reason needed"),
                ("b", "take a break: a calm pause of about 20 minutes"),
                ("0", "leave a scale unanswered"),
                ("q", "leave; a talk in progress asks first"),
            ],
            Screen::Summary(summary) => summary.keys(),
            Screen::History(history) => history.keys(),
            Screen::Decks(decks) => decks.keys(),
        }
    }

    pub fn draw(&self, frame: &mut Frame) {
        let area = frame.area();
        if !fits(area) {
            frame.render_widget(TooSmall, area);
            return;
        }
        match &self.screen {
            Screen::Home(home) => frame.render_widget(home, area),
            Screen::Setup(setup) => frame.render_widget(setup.as_ref(), area),
            Screen::Talk(talk) => frame.render_widget(talk.as_ref(), area),
            Screen::Summary(summary) => frame.render_widget(summary.as_ref(), area),
            Screen::History(history) => frame.render_widget(history.as_ref(), area),
            Screen::Decks(decks) => frame.render_widget(decks, area),
        }
        match &self.overlay {
            Some(Overlay::Help { scroll }) => frame.render_widget(
                Help {
                    theme: self.theme,
                    scroll: *scroll,
                    screen: self.screen_keys(),
                },
                area,
            ),
            Some(Overlay::Quit(dialog)) => frame.render_widget(dialog.view(self.theme), area),
            Some(Overlay::Leftover(dialog)) => frame.render_widget(dialog.view(self.theme), area),
            None => {}
        }
    }
}

fn saving_trouble(message: String) -> String {
    format!(
        "Could not save the talk in progress ({message}). The talk goes on; heard tries again at the next step."
    )
}
