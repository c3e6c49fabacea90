//! The setup screen: who is talking, which deck, how long the talk is (a short choice of
//! length, or prompts and speaking time in detail).
//!
//! The keys are in `keys.rs`, one table per kind of field. In a name field every key not in
//! its table types (so `?` is a character there) and Enter moves on, so that Enter after the
//! first name does not start a talk without the second. Anywhere else Enter begins; an
//! empty name stops it with a gentle word and the focus on that name. Esc always goes back,
//! even from a name field.
//!
//! The length row names what the detailed choices are: picking Quick, Usual or Long sets
//! them, and changing one by hand makes them "your own" (unless they land on a length).

mod keys;
mod layout;
mod view;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use self::keys::Command;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea};

use crate::activity::{Kind, Length, Pace};
use crate::config::{Config, MAX_NAME_CHARS, MAX_PROMPTS_PER_TALK};
use crate::deck::load::Catalog;
use crate::journal::couples::CoupleKey;
use crate::journal::privacy::same_name;
use crate::mode::Mode;
use crate::text::{is_unsafe_char, multi_line, one_line};
use crate::tui::action::{Action, SetupChoice};
use crate::tui::keymap;
use crate::tui::theme::Theme;
use crate::words;

/// Speaking times offered, in seconds; 0 is no timer.
/// The deck suggested for a topic brought from a reflection alone: it is made for talking
/// through what has been hard.
const SUITS_A_TOPIC: &str = "gentle-repair";

const TIMER_CHOICES: [u32; 6] = [0, 60, 120, 180, 300, 600];

/// One place the focus can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The name of partner 0 or 1.
    Name(usize),
    Deck,
    Length,
    Prompts,
    Timer,
    Carried,
    Begin,
}

/// What setup shows of a deck, taken from the catalog and made safe to print.
#[derive(Debug, Clone)]
struct DeckChoice {
    id: String,
    title: String,
    description: String,
    prompts: usize,
    mix: [usize; 3],
    /// What the deck is made for: setup starts from it when the deck is chosen.
    suggested_prompts: Option<u8>,
    suggested_seconds: Option<u32>,
    /// Its prompts' ids, to count those a couple has not had yet.
    ids: Vec<String>,
}

impl DeckChoice {
    fn of(deck: &crate::deck::Deck) -> DeckChoice {
        DeckChoice {
            id: deck.id.clone(),
            title: one_line(&deck.title).into_owned(),
            description: multi_line(deck.description.as_deref().unwrap_or("")).into_owned(),
            prompts: deck.prompts.len(),
            mix: deck.depth_mix(),
            suggested_prompts: deck.suggested_prompts,
            suggested_seconds: deck.suggested_seconds,
            ids: deck.prompts.iter().map(|p| p.id.clone()).collect(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Setup {
    /// A prompt talk, a reflection, or a conversation (which asks only for the names).
    kind: Kind,
    mode: Mode,
    names: Vec<TextArea<'static>>,
    decks: Vec<DeckChoice>,
    deck: usize,
    prompts: usize,
    /// The speaking times to cycle through, the config's own value among them.
    timers: Vec<u32>,
    timer: usize,
    /// Topics waiting from reflections alone, by writer: offered when a name matches.
    waiting: Vec<(String, String)>,
    /// Each couple's prompts of their last talks (`plan::RECENT_TALKS`), to say when a
    /// deck is nearly used up for the names typed.
    recent: Vec<(CoupleKey, Vec<String>)>,
    /// The length the detailed choices make; `None` when they are the person's own.
    length: Option<Length>,
    /// The last choices made by hand that are no length, to come back to with ← →.
    own: Option<Pace>,
    /// The settings' prompts and speaking time: usual for a deck that suggests none.
    settings: Pace,
    use_carried: bool,
    focus: Field,
    /// Set when Begin found an empty name; shown while a name is still empty.
    asked_for_names: bool,
    /// Why the talk could not start (another heard is writing, ...), until the next key.
    problem: Option<String>,
    theme: Theme,
    demo: bool,
}

impl Setup {
    pub fn new(
        mode: Mode,
        catalog: &Catalog,
        config: &Config,
        remembered: &[String],
        waiting: Vec<(String, String)>,
        theme: Theme,
        demo: bool,
    ) -> Setup {
        let couple = mode == Mode::Couple;
        let deck_mode = if couple { Mode::Couple } else { Mode::Solo };
        let decks: Vec<DeckChoice> = (catalog.decks.iter())
            .filter(|deck| deck.supports(deck_mode))
            .map(DeckChoice::of)
            .collect();
        let deck = decks
            .iter()
            .position(|deck| deck.id == config.default_deck)
            .unwrap_or(0);
        let mut timers = TIMER_CHOICES.to_vec();
        if !timers.contains(&config.timer_seconds) {
            timers.push(config.timer_seconds);
            timers.sort_unstable();
        }
        let timer = timers
            .iter()
            .position(|&t| t == config.timer_seconds)
            .unwrap_or(0);
        let count = if couple { 2 } else { 1 };
        let names = (0..count)
            .map(|i| name_field(remembered.get(i).map_or("", String::as_str), theme))
            .collect();
        let prompts = usize::from(config.prompts_per_talk.clamp(1, MAX_PROMPTS_PER_TALK));
        let mut setup = Setup {
            kind: match mode {
                Mode::Couple => Kind::Prompts,
                Mode::Solo => Kind::Reflection,
            },
            mode,
            names,
            decks,
            deck,
            prompts,
            timers,
            timer,
            waiting: if couple { waiting } else { Vec::new() },
            recent: Vec::new(),
            // Setup opens at the usual length: the deck's own, else the settings.
            length: Some(Length::Usual),
            own: None,
            settings: Pace {
                prompts,
                seconds: config.timer_seconds,
            },
            use_carried: true,
            focus: Field::Name(0),
            asked_for_names: false,
            problem: None,
            theme,
            demo,
        };
        // With the names already known, the first thing to look at is the deck.
        let first = if setup.names().iter().all(|n| !n.is_empty()) {
            Field::Deck
        } else {
            Field::Name(setup.names().iter().position(String::is_empty).unwrap_or(0))
        };
        setup.set_focus(first);
        setup.start_from_deck();
        setup
    }

    /// Each couple's recent prompts, so setup can say how many of a deck are new to them.
    pub fn with_recent(mut self, recent: Vec<(CoupleKey, Vec<String>)>) -> Setup {
        self.recent = recent;
        self
    }

    /// The prompts of the chosen deck the couple typed has not had lately, when that is
    /// fewer than two talks' worth, with the deck that has the most new ones for them.
    fn nearly_used_up(&self) -> Option<(usize, Option<(&str, usize)>)> {
        let names = self.names();
        let [a, b] = names.as_slice() else {
            return None;
        };
        let key = CoupleKey::of_names(a, b)?;
        let recent = &self.recent.iter().find(|(k, _)| *k == key)?.1;
        let new_in = |deck: &DeckChoice| deck.ids.iter().filter(|id| !recent.contains(id)).count();
        let deck = self.decks.get(self.deck)?;
        let left = new_in(deck);
        if left >= 2 * self.prompts {
            return None;
        }
        let other = (self.decks.iter())
            .filter(|d| d.id != deck.id)
            .map(|d| (d.title.as_str(), new_in(d)))
            .filter(|(_, n)| *n > left)
            .max_by_key(|(_, n)| *n);
        Some((left, other))
    }

    /// Setup for a conversation of `kind`: only the two names are asked, the first of
    /// them brings the topic (understand) or begins (repair, our week).
    pub fn for_flow(mut self, kind: Kind) -> Setup {
        self.kind = kind;
        // Only "Understand each other" takes up a topic prepared alone.
        if kind != Kind::Understand {
            self.waiting.clear();
        }
        if self.names().iter().all(|n| !n.is_empty()) {
            self.set_focus(Field::Begin);
        }
        self
    }

    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// Whether this is setup for a conversation rather than a talk from a deck.
    fn is_flow(&self) -> bool {
        self.kind.is_flow()
    }

    /// A newly chosen deck keeps the length picked (its own usual, or two prompts more):
    /// choices made by hand stay as they are.
    fn start_from_deck(&mut self) {
        if let Some(length) = self.length {
            self.set_pace(length.pace(self.usual(), self.deck_prompts()));
        }
        self.name_length();
    }

    /// What the deck is made for, else the settings; alone there is no timer to suggest.
    fn usual(&self) -> Pace {
        let deck = self.decks.get(self.deck);
        let prompts = deck
            .and_then(|d| d.suggested_prompts)
            .map_or(self.settings.prompts, usize::from);
        let seconds = deck
            .and_then(|d| d.suggested_seconds)
            .filter(|_| self.mode == Mode::Couple)
            .unwrap_or(self.settings.seconds);
        Pace { prompts, seconds }
    }

    fn deck_prompts(&self) -> usize {
        self.decks
            .get(self.deck)
            .map_or(usize::from(MAX_PROMPTS_PER_TALK), |d| d.prompts)
    }

    /// The detailed choices as they stand.
    fn pace(&self) -> Pace {
        Pace {
            prompts: self.prompts,
            seconds: self.timers[self.timer],
        }
    }

    fn set_pace(&mut self, pace: Pace) {
        self.prompts = pace.prompts.clamp(1, usize::from(MAX_PROMPTS_PER_TALK));
        if self.mode == Mode::Couple {
            if !self.timers.contains(&pace.seconds) {
                self.timers.push(pace.seconds);
                self.timers.sort_unstable();
            }
            self.timer = self
                .timers
                .iter()
                .position(|&t| t == pace.seconds)
                .unwrap_or(0);
        }
    }

    /// The length the detailed choices make, or "your own", remembered to come back to.
    fn name_length(&mut self) {
        let pace = self.pace();
        self.length = Length::matching(self.mode, pace, self.usual(), self.deck_prompts());
        if self.length.is_none() {
            self.own = Some(pace);
        }
    }

    /// The length shown: `None` is "your own".
    pub fn length(&self) -> Option<Length> {
        self.length
    }

    /// What ← → visit on the length row: the three lengths, then the choices made by hand
    /// when there are some that are no length.
    fn lengths(&self) -> Vec<Option<Length>> {
        let mut lengths: Vec<Option<Length>> = Length::ALL.into_iter().map(Some).collect();
        let own_is_a_length = self.own.is_none_or(|own| {
            Length::matching(self.mode, own, self.usual(), self.deck_prompts()).is_some()
        });
        if !own_is_a_length {
            lengths.push(None);
        }
        lengths
    }

    fn cycle_length(&mut self, step: isize) -> Option<Action> {
        let lengths = self.lengths();
        let here = lengths.iter().position(|l| *l == self.length).unwrap_or(1);
        let len = lengths.len() as isize;
        let next = lengths[(here as isize + step).rem_euclid(len) as usize];
        let pace = match next {
            Some(length) => length.pace(self.usual(), self.deck_prompts()),
            None => self.own.unwrap_or_else(|| self.pace()),
        };
        self.set_pace(pace);
        self.length = next;
        None
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        if key.kind != KeyEventKind::Press {
            return None;
        }
        self.problem = None;
        let Some(command) = keymap::find(keys::table(self.focus), &key) else {
            if let Field::Name(i) = self.focus {
                self.type_into(i, key);
            }
            return None;
        };
        match command {
            Command::Back => Some(Action::Back),
            Command::Next => self.move_focus(1),
            Command::Previous => self.move_focus(-1),
            Command::Help => Some(Action::ShowHelp),
            Command::Begin => self.begin(),
            Command::Less => self.change(-1),
            Command::More => self.change(1),
            Command::Toggle => {
                self.use_carried = !self.use_carried;
                None
            }
        }
    }

    /// The keys with the focus where it is, for the help overlay.
    pub fn keys(&self) -> Vec<(&'static str, &'static str)> {
        keymap::help_lines(keys::table(self.focus))
    }

    /// The footer, from the same table.
    fn hints(&self) -> Vec<(&'static str, &'static str)> {
        keymap::hints(keys::table(self.focus))
    }

    /// ← or → on the focused value.
    fn change(&mut self, step: isize) -> Option<Action> {
        match self.focus {
            Field::Deck => self.cycle_deck(step),
            Field::Length => self.cycle_length(step),
            Field::Prompts => self.change_prompts(step),
            Field::Timer => self.cycle_timer(step),
            // Their tables have no ← → of this kind.
            Field::Name(_) | Field::Carried | Field::Begin => None,
        }
    }

    /// Where the focus is now.
    pub fn focus(&self) -> Field {
        self.focus
    }

    /// The names as typed so far, trimmed.
    pub fn names(&self) -> Vec<String> {
        self.names
            .iter()
            .map(|field| field.lines().concat().trim().to_string())
            .collect()
    }

    /// The fields in the order Tab visits them.
    fn fields(&self) -> Vec<Field> {
        let mut fields: Vec<Field> = (0..self.names.len()).map(Field::Name).collect();
        if self.is_flow() {
            if !self.brought_here().is_empty() {
                fields.push(Field::Carried);
            }
            fields.push(Field::Begin);
            return fields;
        }
        fields.extend([Field::Deck, Field::Length, Field::Prompts]);
        if self.mode == Mode::Couple {
            fields.push(Field::Timer);
        }
        if !self.brought_here().is_empty() {
            fields.push(Field::Carried);
        }
        fields.push(Field::Begin);
        fields
    }

    fn move_focus(&mut self, step: isize) -> Option<Action> {
        let fields = self.fields();
        let here = fields.iter().position(|f| *f == self.focus).unwrap_or(0);
        let next = (here as isize + step).rem_euclid(fields.len() as isize) as usize;
        self.set_focus(fields[next]);
        None
    }

    /// Only the focused name field shows its cursor, so the focus is visible in monochrome.
    /// It waits at the end of the name; a name too long for its field shows its start
    /// while the focus is elsewhere.
    fn set_focus(&mut self, field: Field) {
        self.focus = field;
        for (i, name) in self.names.iter_mut().enumerate() {
            if field == Field::Name(i) {
                name.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
                name.move_cursor(CursorMove::End);
            } else {
                name.set_cursor_style(Style::default());
                name.move_cursor(CursorMove::Head);
            }
        }
    }

    fn type_into(&mut self, index: usize, key: KeyEvent) {
        let field = &mut self.names[index];
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        if let KeyCode::Char(c) = key.code {
            let full = field.lines().concat().chars().count() >= MAX_NAME_CHARS;
            if plain && (full || is_unsafe_char(c)) {
                return;
            }
        }
        field.input(key);
        // Ctrl+M starts a new line and Ctrl+Y pastes: a name keeps one line and 40 characters.
        let text = field.lines().concat();
        if field.lines().len() > 1 || text.chars().count() > MAX_NAME_CHARS {
            let mut fixed = name_field(&text, self.theme);
            fixed.set_cursor_style(field.cursor_style());
            *field = fixed;
        }
    }

    fn cycle_deck(&mut self, step: isize) -> Option<Action> {
        if !self.decks.is_empty() {
            let len = self.decks.len() as isize;
            self.deck = (self.deck as isize + step).rem_euclid(len) as usize;
            self.start_from_deck();
        }
        None
    }

    fn change_prompts(&mut self, step: isize) -> Option<Action> {
        let max = usize::from(MAX_PROMPTS_PER_TALK);
        self.prompts = self.prompts.saturating_add_signed(step).clamp(1, max);
        self.name_length();
        None
    }

    fn cycle_timer(&mut self, step: isize) -> Option<Action> {
        let len = self.timers.len() as isize;
        self.timer = (self.timer as isize + step).rem_euclid(len) as usize;
        self.name_length();
        None
    }

    /// The waiting topics whose writer is one of the names typed: (name, topic).
    fn brought_here(&self) -> Vec<(String, String)> {
        let names = self.names();
        self.waiting
            .iter()
            .filter(|(writer, _)| names.iter().any(|n| same_name(n, writer)))
            .cloned()
            .collect()
    }

    /// Whether to suggest a deck that suits a brought topic, and which.
    fn suited_deck(&self) -> Option<&DeckChoice> {
        let suits = self.decks.iter().find(|d| d.id == SUITS_A_TOPIC)?;
        let chosen = self.decks.get(self.deck).map(|d| d.id.as_str());
        (self.use_carried && chosen != Some(SUITS_A_TOPIC)).then_some(suits)
    }

    fn begin(&mut self) -> Option<Action> {
        let partners = self.names();
        if let Some(empty) = partners.iter().position(String::is_empty) {
            self.asked_for_names = true;
            self.set_focus(Field::Name(empty));
            return None;
        }
        if self.is_flow() {
            return Some(Action::Start(SetupChoice {
                kind: self.kind,
                mode: Mode::Couple,
                partners,
                deck_id: self.kind.id().to_string(),
                prompts: 0,
                timer_seconds: None,
                bring: Some(!self.brought_here().is_empty() && self.use_carried),
            }));
        }
        let deck = self.decks.get(self.deck)?;
        let couple = self.mode == Mode::Couple;
        let timer = self.timers[self.timer];
        Some(Action::Start(SetupChoice {
            kind: self.kind,
            mode: self.mode,
            partners,
            deck_id: deck.id.clone(),
            prompts: self.prompts,
            timer_seconds: (couple && timer > 0).then_some(timer),
            bring: Some(!self.brought_here().is_empty() && self.use_carried),
        }))
    }

    /// The gentle word shown under the names after Begin found one missing.
    /// Say why the talk could not start.
    pub fn set_problem(&mut self, problem: String) {
        self.problem = Some(problem);
    }

    /// The line shown under the names: a missing name, or why the talk could not start.
    fn missing_names(&self) -> Option<&str> {
        if let Some(problem) = &self.problem {
            return Some(problem);
        }
        if !self.asked_for_names || self.names().iter().all(|n| !n.is_empty()) {
            return None;
        }
        Some(match self.mode {
            Mode::Couple => words::SETUP_MISSING_NAMES,
            Mode::Solo => words::SETUP_MISSING_NAME,
        })
    }
}

/// A one-line text field holding `name`, its cursor at the end.
fn name_field(name: &str, theme: Theme) -> TextArea<'static> {
    let name: String = one_line(name).chars().take(MAX_NAME_CHARS).collect();
    let mut field = TextArea::new(vec![name]);
    field.move_cursor(CursorMove::End);
    field.set_cursor_line_style(Style::default());
    // Underlined, the field's extent shows without colour.
    field.set_style(Style::default().add_modifier(Modifier::UNDERLINED));
    field.set_placeholder_text(words::SETUP_NAME_PLACEHOLDER);
    field.set_placeholder_style(theme.muted().add_modifier(Modifier::UNDERLINED));
    field
}

#[cfg(test)]
mod tests;
