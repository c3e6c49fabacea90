//! What a key press asks the app to do. `App::update` is the only place state changes.

use crate::talk::TalkMode;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave heard (from the home screen; a talk in progress asks first).
    Quit,
    /// Open setup for a couple talk.
    SetupTalk,
    /// Open setup for a solo reflection.
    SetupSolo,
    OpenHistory,
    OpenDecks,
    ShowHelp,
    /// Close the help or a dialog.
    CloseOverlay,
    /// Go back one screen.
    Back,
    /// The running timer's once-a-second tick.
    Tick,
    /// Setup is done: start the talk with these choices.
    Start(SetupChoice),
}

/// Everything the setup screen asks, as chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupChoice {
    pub mode: TalkMode,
    /// Two names for a couple talk, one for solo; trimmed, never empty.
    pub partners: Vec<String>,
    /// The id of a deck in the catalog that supports `mode`.
    pub deck_id: String,
    /// 1 to 100.
    pub prompts: usize,
    /// Speaking time per turn, `None` for no timer. Couple talks only.
    pub timer_seconds: Option<u32>,
    /// Start with the prompts marked "bring to the talk" in the last solo reflection.
    pub use_carried: bool,
}
