//! What a key press asks the app to do. `App::update` is the only place state changes.

use crate::activity::{Input, Kind};
use crate::mode::Mode;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave heard (from the home screen; a talk in progress asks first).
    Quit,
    /// Open setup for a couple talk.
    SetupTalk,
    /// Open setup for a solo reflection.
    SetupSolo,
    /// Open setup for a couple's talk of this kind.
    SetupKind(Kind),
    OpenHistory,
    OpenDecks,
    ShowHelp,
    /// Close the help or a dialog.
    CloseOverlay,
    /// Go back one screen.
    Back,
    /// Setup is done: start the talk with these choices.
    Start(SetupChoice),
    /// What the partners chose on a step of the running activity, for its engine.
    Step(Input),
    /// Text was typed on the current step: the draft keeps it, a moment later.
    Typed,
    /// Try again to put a finished talk in the journal after saving failed.
    RetrySave,
    /// Leaving a talk in progress: ask how.
    AskQuit,
    /// The answer to the quit dialog.
    LeaveTalk(Leave),
    /// The answer to "you have an unfinished talk".
    Leftover(LeftoverChoice),
    /// Ctrl-C: keep the talk to resume and leave at once.
    Interrupt,
    /// Start the demo again with a fresh fictional history.
    RestartDemo,
    /// The answer to "open this talk with what Ana brought?".
    Bring(bool),
    /// The answer to "this journal is from a newer heard": talk without saving, or stop.
    TalkUnsaved(bool),
    /// Look back at this couple's talks, and remember the choice for next time.
    LookBackCouple(crate::journal::couples::CoupleKey),
}

/// How to leave a talk that is not finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave {
    /// Put it in the journal as unfinished, with the turns so far.
    SaveUnfinished,
    /// Keep the draft; the next start offers to resume it.
    KeepForLater,
    /// Throw it away.
    Discard,
}

/// What to do with a talk left over from an earlier run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftoverChoice {
    Resume,
    SaveUnfinished,
    Discard,
    /// Decide another time: the talk stays kept, and is asked about again.
    NotNow,
}

/// Everything the setup screen asks, as chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupChoice {
    /// Which kind of talk: a prompt talk, a reflection alone, or a conversation.
    pub kind: Kind,
    pub mode: Mode,
    /// Two names for a couple talk, one for solo; trimmed, never empty.
    pub partners: Vec<String>,
    /// The id of a deck in the catalog that supports `mode`.
    pub deck_id: String,
    /// 1 to 100.
    pub prompts: usize,
    /// Speaking time per turn, `None` for no timer. Couple talks only.
    pub timer_seconds: Option<u32>,
    /// Open with the topics the partners brought from reflections alone: `None` until
    /// asked (setup asks on its screen; a talk started from the command line asks first).
    pub bring: Option<bool>,
}
