//! What a key press asks the app to do. `App::update` is the only place state changes.

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
}
