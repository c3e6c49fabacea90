//! What happened when an activity took an input: the app reacts to these instead of
//! comparing states to guess a transition.

/// One thing that happened while an input was applied, in the order it happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A step began. Sent on every move, also from a step to another of the same kind
    /// (the next speaker's card after a pass), so the screen starts that step fresh.
    StepEntered,
    /// A turn was recorded (rated, reflected or passed): a draft saved now holds it.
    TurnRecorded,
    /// Either partner said "not today" to going deeper: lighter prompts from here on.
    StayingLighter,
    /// The partners took a break; the step they left waits behind it.
    BreakStarted,
    /// Back from the break, on the step they left, as they left it.
    BreakEnded,
    /// The activity is over: it goes to the journal and the summary shows.
    Finished,
}
