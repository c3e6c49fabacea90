//! Placeholder setup (replaced by the full setup screen): takes the remembered names and
//! the default deck, and starts on Enter.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget};

use crate::config::Config;
use crate::deck::DeckMode;
use crate::deck::load::Catalog;
use crate::talk::TalkMode;
use crate::tui::action::{Action, SetupChoice};
use crate::tui::theme::Theme;
use crate::tui::widgets::chrome::Chrome;

pub struct Setup {
    choice: SetupChoice,
    theme: Theme,
    demo: bool,
    problem: Option<String>,
}

impl Setup {
    pub fn new(
        mode: TalkMode,
        catalog: &Catalog,
        config: &Config,
        remembered: &[String],
        carried: usize,
        theme: Theme,
        demo: bool,
    ) -> Setup {
        let deck_mode = match mode {
            TalkMode::Couple => DeckMode::Couple,
            TalkMode::Solo => DeckMode::Solo,
        };
        let deck = catalog
            .get(&config.default_deck)
            .filter(|d| d.supports(deck_mode))
            .or_else(|| catalog.decks.iter().find(|d| d.supports(deck_mode)));
        let wanted = if mode == TalkMode::Couple { 2 } else { 1 };
        let mut partners: Vec<String> = remembered.iter().take(wanted).cloned().collect();
        while partners.len() < wanted {
            partners.push(["Ana", "Ben"][partners.len()].to_string());
        }
        Setup {
            choice: SetupChoice {
                mode,
                partners,
                deck_id: deck.map(|d| d.id.clone()).unwrap_or_default(),
                prompts: usize::from(config.prompts_per_talk),
                timer_seconds: (config.timer_seconds > 0 && mode == TalkMode::Couple)
                    .then_some(config.timer_seconds),
                use_carried: carried > 0,
            },
            theme,
            demo,
            problem: None,
        }
    }

    pub fn set_problem(&mut self, problem: String) {
        self.problem = Some(problem);
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        match key.code {
            KeyCode::Enter => Some(Action::Start(self.choice.clone())),
            KeyCode::Esc => Some(Action::Back),
            KeyCode::Char('?') => Some(Action::ShowHelp),
            _ => None,
        }
    }
}

impl Widget for &Setup {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let hints = [("Enter", "begin"), ("Esc", "back")];
        let inner = Chrome {
            title: "setup",
            right: None,
            hints: &hints,
            demo: self.demo,
            theme: self.theme,
        }
        .render(area, buf);
        let text = format!(
            "{} · {} · {} prompts\n{}",
            self.choice.partners.join(" and "),
            self.choice.deck_id,
            self.choice.prompts,
            self.problem.clone().unwrap_or_default()
        );
        Paragraph::new(text).render(inner, buf);
    }
}
