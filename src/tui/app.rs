//! The app: which screen is showing, the activity running beside it, what overlays it,
//! and the one place state changes (`App::update`). Drawing is a pure function of this.

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::action::{Action, Leave, LeftoverChoice, SetupChoice};
use super::screens::activity::ActivityScreen;
use super::screens::activity::parts::BREAK_SECONDS;
use super::screens::decks::Decks;
use super::screens::dialogs::{BringDialog, LeftoverDialog, NewerDialog, QuitDialog};
use super::screens::help::Help;
use super::screens::history::History;
use super::screens::home::Home;
use super::screens::setup::Setup;
use super::screens::summary::Summary;
use super::storage::{Leftover, Saved, Storage, StorageError};
use super::theme::Theme;
use super::widgets::too_small::{TooSmall, fits};
use crate::activity::{Activity, Event, Flow, Input, Kind};
use crate::config::Config;
use crate::deck::Deck;
use crate::deck::load::Catalog;
use crate::journal::couples::CoupleKey;
use crate::journal::{Timestamp, stats};
use crate::mode::{Mode, Partner};
use crate::reflection::{Reflection, ReflectionSetup};
use crate::repair::Repair;
use crate::rng::Rng;
use crate::talk::{Brought, Talk, TalkSetup, brought, plan};
use crate::understand::Understand;
use crate::weekly::Weekly;
use crate::words;

/// The clock the app reads: `HEARD_NOW` or the local time in the real app, fixed in tests.
pub type Clock = Box<dyn Fn() -> DateTime<FixedOffset>>;

/// How long typing may go unsaved: a closed window keeps all but this much of a note.
const TYPING_SAVED_AFTER: Duration = Duration::from_millis(300);

/// The exit status after Ctrl-C (128 + SIGINT), as a shell expects of an interrupted program.
pub const INTERRUPTED: u8 = 130;

pub enum Screen {
    Home(Home),
    Setup(Box<Setup>),
    /// The running activity's screen; the activity itself is `App::activity`.
    Activity(Box<ActivityScreen>),
    Summary(Box<Summary>),
    History(Box<History>),
    Decks(Decks),
}

pub enum Overlay {
    Help { scroll: u16 },
    Quit(QuitDialog),
    Leftover(Box<LeftoverDialog>),
    Bring(Box<BringDialog>),
    Newer(Box<NewerDialog>),
}

pub struct App {
    pub screen: Screen,
    /// The talk or reflection in progress, beside the screen that shows it.
    pub activity: Option<Activity>,
    pub overlay: Option<Overlay>,
    pub storage: Storage,
    pub config: Config,
    pub catalog: Catalog,
    pub theme: Theme,
    pub demo: bool,
    clock: Clock,
    /// Seeds the next talk's prompt order; each seed gives the next through the one
    /// generator, so a run's talks differ and a test's first talk is the seed it gave.
    next_seed: u64,
    pub quit: bool,
    /// The exit status when it is not success (Ctrl-C: 130).
    pub exit_status: Option<u8>,
    /// Whether the command line named a deck (then it is offered first for either kind).
    pub deck_asked: bool,
    /// Printed after the terminal is restored (where a kept talk waits, ...).
    pub farewell: Option<String>,
    /// Why the app had to stop (a journal that does not read): an error once the
    /// terminal is restored.
    pub failure: Option<String>,
    /// The window is below the smallest size: the notice is up and keys wait.
    pub too_small: bool,
    /// When the text being typed is next saved into the draft.
    typing_due: Option<Instant>,
    /// The couple Look back was last asked to show in this run (also kept on disk).
    look_back_couple: Option<CoupleKey>,
    /// Asked once about a newer heard's journal, they chose to talk without saving.
    unsaved_agreed: bool,
    /// A break was taken in the talk on screen: its summary may suggest a talk after a
    /// hard moment.
    break_taken: bool,
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
            activity: None,
            overlay: None,
            storage,
            config,
            catalog,
            theme,
            demo,
            clock,
            next_seed: seed,
            quit: false,
            exit_status: None,
            deck_asked: false,
            farewell: None,
            failure: None,
            too_small: false,
            typing_due: None,
            look_back_couple: None,
            unsaved_agreed: false,
            break_taken: false,
        };
        app.go_home(None);
        if !app.storage.is_loading() {
            app.offer_leftover();
        }
        app
    }

    pub fn now(&self) -> DateTime<FixedOffset> {
        (self.clock)()
    }

    /// At start, once the journal is read: a talk kept from before is offered to resume,
    /// unless another heard is in a talk (then it is theirs).
    pub(super) fn offer_leftover(&mut self) {
        if self.storage.other_writer() {
            self.go_home(Some(words::ANOTHER_HEARD.to_string()));
            return;
        }
        match self.storage.leftover() {
            Ok(Some(leftover)) => {
                self.overlay = Some(Overlay::Leftover(Box::new(LeftoverDialog::new(
                    leftover, None,
                ))))
            }
            Ok(None) => {}
            Err(e) => self.go_home(Some(format!("{e}. {}", words::DRAFT_LEFT_AS_IT_IS))),
        }
    }

    /// The home screen, with when the last talk was and the rhythm so far.
    pub(super) fn go_home(&mut self, notice: Option<String>) {
        let now = self.now();
        let stats = stats::compute(self.storage.journal(), None, now);
        let last_talk = stats
            .last_session
            .map(|day| words::last_talk_was(&stats::since_words(day, now.date_naive())));
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
            kinds: None,
        });
    }

    /// Names to offer in setup: from the config, else from the last talk of this kind.
    fn remembered_names(&self, mode: Mode) -> Vec<String> {
        if !self.config.partners.is_empty() && mode == Mode::Couple {
            return self.config.partners.clone();
        }
        let journal = self.storage.journal();
        let last = journal.sessions.iter().rev().find(|s| s.mode == mode);
        match (last, mode) {
            (Some(session), _) => session.partners.clone(),
            (None, Mode::Solo) => self.config.partners.first().cloned().into_iter().collect(),
            (None, Mode::Couple) => Vec::new(),
        }
    }

    /// The topics waiting for a talk of these two, brought from reflections alone.
    fn waiting(&self, partners: &[String]) -> Vec<Brought> {
        brought::waiting(&self.storage.journal().sessions, partners)
    }

    /// Each couple in the journal with the prompts of their last talks from prompts.
    fn recent_by_couple(&self) -> Vec<(CoupleKey, Vec<String>)> {
        let sessions = &self.storage.journal().sessions;
        let mut keys: Vec<CoupleKey> = sessions.iter().filter_map(CoupleKey::of).collect();
        keys.sort_by(|a, b| a.folded_names().cmp(b.folded_names()));
        keys.dedup();
        keys.into_iter()
            .map(|key| {
                let [a, b] = key.folded_names().clone();
                let recent = plan::recent_prompts(sessions, &[a, b]);
                (key, recent)
            })
            .collect()
    }

    /// Everyone's latest waiting topic, by writer, for setup to offer once names are typed.
    fn waiting_by_name(&self) -> Vec<(String, String)> {
        let sessions = &self.storage.journal().sessions;
        crate::journal::privacy::names(self.storage.journal())
            .into_iter()
            .filter_map(|name| {
                let topic = brought::waiting_for(sessions, &name, Partner::First)?.topic;
                Some((name, topic))
            })
            .collect()
    }

    /// The deck offered first: the configured one for a couple talk; for a reflection,
    /// the deck made for one person unless a solo deck was asked for.
    pub fn default_deck(&self, mode: Mode) -> String {
        let configured = self.catalog.get(&self.config.default_deck);
        let solo_only = |d: &&Deck| d.modes == [Mode::Solo];
        let pick = match mode {
            Mode::Couple => configured.filter(|d| d.supports(mode)),
            Mode::Solo if self.deck_asked => configured.filter(|d| d.supports(mode)),
            Mode::Solo => self.catalog.decks.iter().find(solo_only),
        };
        pick.or_else(|| self.catalog.decks.iter().find(|d| d.supports(mode)))
            .map(|d| d.id.clone())
            .unwrap_or_else(|| self.config.default_deck.clone())
    }

    pub fn open_setup(&mut self, mode: Mode) {
        let names = self.remembered_names(mode);
        let mut config = self.config.clone();
        config.default_deck = self.default_deck(mode);
        let waiting = match mode {
            Mode::Couple => self.waiting_by_name(),
            Mode::Solo => Vec::new(),
        };
        let recent = match mode {
            Mode::Couple => self.recent_by_couple(),
            Mode::Solo => Vec::new(),
        };
        let setup = Setup::new(
            mode,
            &self.catalog,
            &config,
            &names,
            waiting,
            self.theme,
            self.demo,
        );
        self.screen = Screen::Setup(Box::new(setup.with_recent(recent)));
    }

    /// Setup for a kind of talk chosen from "Start a talk" (or `heard talk --flow`).
    pub fn open_setup_for(&mut self, kind: Kind) {
        self.open_setup(kind.mode());
        if let (Screen::Setup(setup), true) = (&self.screen, kind.is_flow()) {
            let setup = setup.as_ref().clone().for_flow(kind);
            self.screen = Screen::Setup(Box::new(setup));
        }
    }

    fn deck_title(&self, deck_id: &str) -> String {
        self.catalog
            .get(deck_id)
            .map_or_else(|| deck_id.to_string(), |d| d.title.clone())
    }

    /// The activity setup's choices (or the command line's) ask for.
    fn build_activity(&mut self, choice: SetupChoice) -> Result<Activity, String> {
        if choice.kind.is_flow() {
            let started_at = self.now();
            return self.build_flow(choice, started_at);
        }
        let deck = self
            .catalog
            .get(&choice.deck_id)
            .cloned()
            .ok_or_else(|| format!("there is no deck called {:?}", choice.deck_id))?;
        let seed = self.next_seed;
        self.next_seed = Rng::new(seed).next_u64();
        let started_at = self.now();
        let keep_notes = self.config.keep_notes;
        let activity = match choice.mode {
            Mode::Couple => Activity::Prompts(
                Talk::new(TalkSetup {
                    brought: if choice.bring == Some(true) {
                        self.waiting(&choice.partners)
                    } else {
                        Vec::new()
                    },
                    recent: plan::recent_prompts(
                        &self.storage.journal().sessions,
                        &choice.partners,
                    ),
                    partners: choice.partners,
                    deck,
                    prompts: choice.prompts,
                    timer_seconds: choice.timer_seconds,
                    listener_guess: self.config.listener_guess,
                    keep_notes,
                    seed,
                    started_at,
                })
                .map_err(|e| e.to_string())?,
            ),
            Mode::Solo => Activity::Reflection(
                Reflection::new(ReflectionSetup {
                    name: choice.partners.into_iter().next().unwrap_or_default(),
                    deck,
                    prompts: choice.prompts,
                    keep_notes,
                    seed,
                    started_at,
                })
                .map_err(|e| e.to_string())?,
            ),
        };
        Ok(activity)
    }

    /// A conversation for the two partners chosen: the first brings the topic or begins.
    fn build_flow(
        &mut self,
        choice: SetupChoice,
        started_at: DateTime<FixedOffset>,
    ) -> Result<Activity, String> {
        let partners: [String; 2] = choice
            .partners
            .try_into()
            .map_err(|_| "a conversation needs two names".to_string())?;
        let id = Rng::new(self.next_seed).uuid();
        self.next_seed = Rng::new(self.next_seed).next_u64();
        let started_at = Timestamp::new(started_at);
        let keep_notes = self.config.keep_notes;
        let brought = (choice.bring == Some(true))
            .then(|| self.waiting(&partners).into_iter().next())
            .flatten();
        match choice.kind {
            Kind::Understand => Ok(Activity::Understand(Flow {
                id,
                partners,
                started_at,
                engine: match brought {
                    Some(b) => Understand::brought(b.by, keep_notes, &b.reflection_id, &b.topic),
                    None => Understand::new(Partner::First, keep_notes),
                },
            })),
            Kind::Repair => Ok(Activity::Repair(Flow {
                id,
                partners,
                started_at,
                engine: Repair::new(Partner::First, keep_notes),
            })),
            Kind::Weekly => Ok(Activity::Weekly(Flow {
                id,
                partners,
                started_at,
                engine: Weekly::new(Partner::First, keep_notes),
            })),
            Kind::Prompts | Kind::Reflection => Err("that is not a conversation".to_string()),
        }
    }

    /// Start a talk from setup's choices (or the command line's). A talk kept from
    /// before is never overwritten: it is asked about first.
    pub fn start(&mut self, choice: SetupChoice) -> Result<(), String> {
        self.storage
            .check_no_other_writer()
            .map_err(|e| e.to_string())?;
        // Nobody talks believing it will be kept: a newer heard's journal is said first.
        if self.storage.is_newer() && !self.unsaved_agreed {
            self.overlay = Some(Overlay::Newer(Box::new(NewerDialog::new(choice))));
            return Ok(());
        }
        if self.storage.has_draft() {
            match self.storage.leftover() {
                Ok(Some(leftover)) => {
                    self.overlay = Some(Overlay::Leftover(Box::new(LeftoverDialog::new(
                        leftover,
                        Some(choice),
                    ))));
                    return Ok(());
                }
                Ok(None) => {}
                Err(e) => return Err(format!("{e}. {}", words::DRAFT_LEFT_AS_IT_IS)),
            }
        }
        if choice.mode == Mode::Couple && choice.bring.is_none() {
            let waiting = self.waiting(&choice.partners);
            if !waiting.is_empty() {
                let lines = waiting
                    .iter()
                    .map(|b| words::brought_offer(&choice.partners[b.by.index()], &b.topic))
                    .chain([String::new(), words::BRING_NOTES_YOURS.to_string()])
                    .collect();
                self.overlay = Some(Overlay::Bring(Box::new(BringDialog::new(lines, choice))));
                return Ok(());
            }
        }
        let activity = self.build_activity(choice)?;
        self.storage.begin_talk().map_err(|e| e.to_string())?;
        let notice = self
            .storage
            .save_draft(&activity, None)
            .err()
            .map(saving_trouble);
        self.show_activity(activity, None);
        if let Screen::Activity(screen) = &mut self.screen {
            screen.set_notice(notice);
        }
        Ok(())
    }

    fn show_activity(&mut self, activity: Activity, typed: Option<String>) {
        let title = self.deck_title(activity.deck_id());
        let screen = ActivityScreen::new(
            &activity,
            title,
            self.theme,
            self.demo,
            Instant::now(),
            typed,
        );
        self.screen = Screen::Activity(Box::new(screen));
        self.activity = Some(activity);
        self.typing_due = None;
        self.break_taken = false;
    }

    fn resume(&mut self, leftover: Leftover) {
        if let Err(e) = self.storage.begin_talk() {
            self.go_home(Some(e.to_string()));
            return;
        }
        self.show_activity(leftover.activity, leftover.typed);
    }

    /// Put an activity in the journal and show its summary (finished) or go home
    /// (unfinished). On an error the activity stays on screen and in the draft.
    fn keep(&mut self, activity: Activity, completed: bool) {
        let session = activity.to_session(self.now(), completed);
        // The summary compares with the talks before this one: built before saving, so
        // a large journal need not be copied.
        let summary = completed.then(|| {
            let mut summary = Summary::new(
                session.clone(),
                self.deck_title(&session.deck_id),
                self.storage.journal(),
                Saved::NotKept,
                self.now(),
                self.theme,
                self.demo,
            );
            summary.after_break = self.break_taken;
            summary
        });
        match self.storage.keep(session) {
            Ok(saved) => {
                self.activity = None;
                match summary {
                    Some(mut summary) => {
                        summary.saved = saved;
                        self.screen = Screen::Summary(Box::new(summary));
                    }
                    None => self.go_home(Some(unfinished_words(&saved))),
                }
            }
            Err(e) => {
                // Nothing is lost: the talk stays on screen and in the draft; try again.
                self.activity = Some(activity);
                self.notice(Some(words::could_not_save(&e.to_string())));
            }
        }
    }

    fn notice(&mut self, notice: Option<String>) {
        match &mut self.screen {
            Screen::Activity(screen) => screen.set_notice(notice),
            _ => {
                if let Some(line) = notice {
                    self.go_home(Some(line));
                }
            }
        }
    }

    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => match self.screen {
                Screen::Activity(_) => self.overlay = Some(Overlay::Quit(self.quit_dialog())),
                _ => self.quit = true,
            },
            Action::SetupTalk => self.open_setup(Mode::Couple),
            Action::SetupSolo => self.open_setup(Mode::Solo),
            Action::SetupKind(kind) => self.open_setup_for(kind),
            Action::OpenHistory => self.screen = Screen::History(Box::new(self.history())),
            Action::LookBackCouple(couple) => {
                self.storage.remember_couple(&couple);
                self.look_back_couple = Some(couple);
                let mut history = self.history();
                if let Screen::History(before) = &self.screen {
                    history.keep_view_of(before);
                }
                self.screen = Screen::History(Box::new(history));
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
            Action::Step(input) => self.apply(input),
            Action::Typed => {
                self.typing_due
                    .get_or_insert_with(|| Instant::now() + TYPING_SAVED_AFTER);
            }
            Action::RetrySave => {
                if let Some(activity) = self.activity.take_if(|a| a.is_finished()) {
                    self.keep(activity, true);
                }
            }
            Action::AskQuit => self.overlay = Some(Overlay::Quit(self.quit_dialog())),
            Action::LeaveTalk(leave) => self.leave(leave),
            Action::Leftover(choice) => self.answer_leftover(choice),
            Action::Interrupt => self.interrupt(),
            Action::RestartDemo => self.restart_demo(),
            Action::TalkUnsaved(yes) => {
                if let Some(Overlay::Newer(dialog)) = self.overlay.take() {
                    self.unsaved_agreed = yes;
                    if yes {
                        self.update(Action::Start(dialog.then));
                    }
                }
            }
            Action::Bring(yes) => {
                if let Some(Overlay::Bring(dialog)) = self.overlay.take() {
                    let choice = SetupChoice {
                        bring: Some(yes),
                        ..dialog.then
                    };
                    self.update(Action::Start(choice));
                }
            }
        }
    }

    /// Look back, on the couple chosen last (this run, or as remembered beside the journal).
    fn history(&self) -> History {
        let remembered = self
            .look_back_couple
            .clone()
            .or_else(|| self.storage.remembered_couple());
        History::new(
            self.storage.journal(),
            &self.catalog,
            self.theme,
            self.demo,
            self.now(),
            remembered.as_ref(),
        )
    }

    /// The leave dialog, offering only what this storage can do.
    fn quit_dialog(&self) -> QuitDialog {
        QuitDialog::new(self.storage.unsaved().map(|(_, leaving)| leaving))
    }

    fn leave(&mut self, leave: Leave) {
        self.overlay = None;
        let Some(activity) = self.activity.take() else {
            return;
        };
        match leave {
            Leave::SaveUnfinished => self.keep(activity, false),
            Leave::KeepForLater => {
                let result = self.storage.save_draft(&activity, self.typing());
                self.storage.end_talk();
                self.go_home(Some(match result {
                    Ok(()) => words::TALK_KEPT.to_string(),
                    Err(e) => saving_trouble(e),
                }));
            }
            Leave::Discard => {
                let result = self.storage.discard_draft();
                self.go_home(result.err().map(|e| e.to_string()));
            }
        }
    }

    fn answer_leftover(&mut self, choice: LeftoverChoice) {
        let Some(Overlay::Leftover(dialog)) = self.overlay.take() else {
            return;
        };
        let LeftoverDialog { leftover, then, .. } = *dialog;
        let went = match choice {
            LeftoverChoice::Resume => {
                self.resume(leftover);
                return;
            }
            LeftoverChoice::NotNow => return,
            LeftoverChoice::SaveUnfinished => match self.storage.begin_talk() {
                Ok(()) => {
                    self.keep(leftover.activity, false);
                    !self.storage.has_draft()
                }
                Err(e) => {
                    self.go_home(Some(e.to_string()));
                    false
                }
            },
            LeftoverChoice::Discard => {
                let result = self.storage.discard_draft();
                let went = result.is_ok();
                self.go_home(result.err().map(|e| e.to_string()));
                went
            }
        };
        // The kept talk is settled: the talk that was asked for starts now.
        if let (true, Some(choice)) = (went, then) {
            self.update(Action::Start(choice));
        }
    }

    /// Ctrl-C or a signal: keep the talk (and what is being typed) and leave at once.
    fn interrupt(&mut self) {
        if let Some(activity) = &self.activity {
            let result = self.storage.save_draft(activity, self.typing());
            self.farewell = Some(match (&self.storage, result) {
                (Storage::Disk { .. }, _) if self.storage.is_newer() => {
                    words::FAREWELL_NOT_SAVED.to_string()
                }
                (Storage::Disk { .. }, Ok(())) => words::FAREWELL_KEPT.to_string(),
                (Storage::Disk { .. }, Err(e)) => format!("heard: {}", saving_trouble(e)),
                (Storage::NoSave { .. } | Storage::Memory { .. }, _) => {
                    words::FAREWELL_NOT_SAVED.to_string()
                }
            });
        }
        self.exit_status = Some(INTERRUPTED);
        self.quit = true;
    }

    fn restart_demo(&mut self) {
        if self.demo {
            self.storage = Storage::Memory {
                journal: crate::demo::sample_journal(self.now()),
                draft: None,
            };
            self.activity = None;
            self.overlay = None;
            self.go_home(Some(words::DEMO_FRESH.to_string()));
        }
    }

    /// The text being typed on the current step.
    fn typing(&self) -> Option<String> {
        match &self.screen {
            Screen::Activity(screen) => screen.typing(),
            _ => None,
        }
    }

    /// Hand the partners' choice to the activity, let the screen follow what happened,
    /// save the draft, and move on.
    fn apply(&mut self, input: Input) {
        // When a break started now would end, by the wall clock, for the break screen.
        let back = self.now() + chrono::Duration::seconds(i64::from(BREAK_SECONDS));
        let (Some(activity), Screen::Activity(screen)) = (&mut self.activity, &mut self.screen)
        else {
            return;
        };
        let events = match activity.apply(input) {
            Ok(events) => events,
            Err(e) => {
                screen.set_notice(Some(e.to_string()));
                return;
            }
        };
        screen.on_events(activity, &events, Instant::now());
        if events.contains(&Event::BreakStarted) {
            self.break_taken = true;
            screen.set_back_at(Some(back.format("%H:%M").to_string()));
        }
        // Said once, kindly, when the answer to "go deeper?" was "not today".
        let lighter = events.contains(&Event::StayingLighter);
        screen.set_notice(lighter.then(|| words::STAY_LIGHTER.to_string()));
        self.typing_due = None;
        if events.contains(&Event::Finished) {
            if let Some(activity) = self.activity.take() {
                self.keep(activity, true);
            }
            return;
        }
        self.save_draft();
    }

    fn save_draft(&mut self) {
        let Some(activity) = &self.activity else {
            return;
        };
        if let Err(e) = self.storage.save_draft(activity, self.typing()) {
            self.notice(Some(saving_trouble(e)));
        }
    }

    /// The window's size changed: below the smallest size the notice is up and keys wait.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.too_small = !fits(ratatui::layout::Rect::new(0, 0, width, height));
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
        // While the window is too small the talk really waits: no key reaches it.
        if self.too_small {
            return;
        }
        if let Some(action) = self.route(key) {
            self.update(action);
        }
    }

    fn route(&mut self, key: KeyEvent) -> Option<Action> {
        match &mut self.overlay {
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
            Some(Overlay::Bring(dialog)) => dialog.handle_key(key),
            Some(Overlay::Newer(dialog)) => dialog.handle_key(key),
            None => match &mut self.screen {
                Screen::Home(home) => home.handle_key(key),
                Screen::Setup(setup) => setup.handle_key(key),
                Screen::Activity(screen) => {
                    let activity = self.activity.as_ref()?;
                    screen.handle_key(activity, key, Instant::now())
                }
                Screen::Summary(summary) => summary.handle_key(key),
                Screen::History(history) => history.handle_key(key),
                Screen::Decks(decks) => decks.handle_key(key),
            },
        }
    }

    pub fn next_tick(&self, now: Instant) -> Option<Instant> {
        if self.storage.is_loading() {
            let wait = if self.storage.loading_waits() { 0 } else { 10 };
            return Some(now + Duration::from_millis(wait));
        }
        let screen = match (&self.screen, &self.overlay, &self.activity) {
            (Screen::Activity(screen), None, Some(activity)) => screen.next_tick(activity, now),
            _ => None,
        };
        [screen, self.typing_due].into_iter().flatten().min()
    }

    pub fn tick(&mut self, now: Instant) {
        self.receive_journal(false);
        if let Screen::Activity(screen) = &mut self.screen {
            screen.set_now(now);
        }
        if self.typing_due.is_some_and(|due| due <= now) {
            self.typing_due = None;
            self.save_draft();
        }
    }

    /// Take in the journal (and decks) if they have been read; with `wait`, wait for
    /// them. Until then the app shows an empty journal.
    pub fn receive_journal(&mut self, wait: bool) {
        let catalog = match self.storage.receive(wait) {
            Ok(None) => return,
            Ok(Some(catalog)) => catalog,
            Err(e) => {
                self.failure = Some(e.to_string());
                self.quit = true;
                return;
            }
        };
        if let Some(catalog) = catalog {
            self.catalog = catalog;
        }
        if let Screen::Home(home) = &self.screen {
            let (selected, notice) = (home.selected, home.notice.clone());
            self.go_home(notice);
            if let Screen::Home(home) = &mut self.screen {
                home.selected = selected;
            }
        }
        if self.overlay.is_none() && self.activity.is_none() {
            self.offer_leftover();
        }
    }

    /// The keys of the screen under the help overlay, from its key table.
    fn screen_keys(&self) -> Vec<(&'static str, &'static str)> {
        match &self.screen {
            Screen::Home(home) => home.keys(),
            Screen::Setup(setup) => setup.keys(),
            Screen::Activity(screen) => self
                .activity
                .as_ref()
                .map(|activity| screen.help(activity))
                .unwrap_or_default(),
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
            Screen::Activity(screen) => {
                if let Some(activity) = &self.activity {
                    screen.render(activity, area, frame.buffer_mut());
                }
            }
            Screen::Summary(summary) => frame.render_widget(summary.as_ref(), area),
            Screen::History(history) => frame.render_widget(history.as_ref(), area),
            Screen::Decks(decks) => frame.render_widget(decks, area),
        }
        self.draw_banner(area, frame.buffer_mut());
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
            Some(Overlay::Bring(dialog)) => frame.render_widget(dialog.view(self.theme), area),
            Some(Overlay::Newer(dialog)) => frame.render_widget(dialog.view(self.theme), area),
            None => {}
        }
    }
}

impl App {
    /// When nothing is saved, every screen says so on its frame's lower border, as the
    /// demo's frame does (the demo says it itself).
    fn draw_banner(&self, area: Rect, buf: &mut Buffer) {
        let Some((banner, _)) = self.storage.unsaved().filter(|_| !self.demo) else {
            return;
        };
        // The frame's lower border is the row above the key hints.
        let row = Rect {
            x: area.x + 1,
            y: (area.y + area.height).saturating_sub(2),
            width: area.width.saturating_sub(2),
            height: 1,
        };
        Line::styled(banner, self.theme.alert())
            .centered()
            .render(row, buf);
    }
}

fn unfinished_words(saved: &Saved) -> String {
    match saved {
        Saved::Journal(path) => words::saved_unfinished_in(&path.display().to_string()),
        Saved::Memory => words::UNFINISHED_IN_MEMORY.to_string(),
        Saved::NotKept => words::NOT_SAVED_AS_ASKED.to_string(),
        Saved::NewerJournal => words::NOT_SAVED_NEWER.to_string(),
    }
}

fn saving_trouble(error: StorageError) -> String {
    words::saving_trouble(&error.to_string())
}
