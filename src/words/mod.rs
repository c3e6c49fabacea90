//! The words heard says to people, kept in one place so the tone can be read as a whole:
//! the talk's own words here, what heard says about keeping talks in `keeping`, and the
//! screens around a talk in `screens`.

/// Ways to begin a mirror: saying back what was heard, in the listener's own words.
pub const MIRROR: [&str; 4] = [
    "What I heard you say is ... Did I get that right?",
    "So if I follow you, ... Is that it?",
    "Let me say it back: ... Did I miss anything?",
    "It sounds like ... Have I got that right?",
];

/// Ways to begin a validation: it makes sense, even without agreeing.
pub const VALIDATE: [&str; 5] = [
    "It makes sense to me that you would feel that, because ...",
    "I can see why that mattered to you, given ...",
    "Knowing you, it makes sense that ...",
    "That sounds understandable to me, since ...",
    "I get why you would see it that way, because ...",
];

/// Ways to begin an empathic guess at the feeling underneath.
pub const EMPATHIZE: [&str; 3] = [
    "I imagine you might be feeling ...",
    "I wonder if you felt ...",
    "If I were in your place, I think I might feel ...",
];

/// The three steps of reflecting back, phrased for one turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListenerGuide {
    pub mirror: &'static str,
    pub validate: &'static str,
    pub empathize: &'static str,
}

/// The listener's three prompts for a turn. Deterministic, and each line changes from one
/// turn to the next so a long talk does not feel scripted; the list lengths share no factor,
/// so the same three lines come back together only every 60 turns.
pub fn listener_guide(turn_index: usize) -> ListenerGuide {
    ListenerGuide {
        mirror: MIRROR[turn_index % MIRROR.len()],
        validate: VALIDATE[turn_index % VALIDATE.len()],
        empathize: EMPATHIZE[turn_index % EMPATHIZE.len()],
    }
}

/// Labels for the three steps on the listener card.
pub const MIRROR_LABEL: &str = "Mirror";
pub const VALIDATE_LABEL: &str = "Validate";
pub const EMPATHIZE_LABEL: &str = "Empathize";

/// Felt heard, 1 to 5.
pub const FELT_HEARD: [&str; 5] = ["not at all", "a little", "somewhat", "mostly", "completely"];

/// Felt validated, 1 to 5: as if what you feel makes sense to the other.
pub const FELT_VALIDATED: [&str; 5] =
    ["not at all", "a little", "somewhat", "mostly", "completely"];

/// Mood before and after a talk, 1 to 5.
pub const MOOD: [&str; 5] = ["low", "a bit low", "okay", "good", "very good"];

/// Closeness on the circles picture, 1 (two separate circles) to 7 (almost fully overlapping).
pub const CLOSENESS: [&str; 7] = [
    "far apart",
    "a little apart",
    "just touching",
    "somewhat close",
    "close",
    "very close",
    "almost as one",
];

/// Solo reflection: how clear the writer is about it now, 1 to 5.
pub const CLARITY: [&str; 5] = [
    "still foggy",
    "a little clearer",
    "somewhat clear",
    "mostly clear",
    "clear",
];

/// The word for `value` on a 1-based scale, or `None` when it is off the scale.
pub fn scale_word(scale: &[&'static str], value: u8) -> Option<&'static str> {
    usize::from(value)
        .checked_sub(1)
        .and_then(|index| scale.get(index).copied())
}

/// For the help screen and the README. No single country's number: people use heard
/// everywhere, and a wrong number in a bad moment is worse than none.
pub const NOT_THERAPY: &str = "heard is a way to practise talking and listening. It is not therapy \
and not a crisis service. If you or someone close to you is in danger, or thinking about \
suicide or self-harm, please call your local emergency number now (for example 112 in \
much of Europe, 911 in North America, 000 in Australia) or reach a crisis line where you \
live; findahelpline.com lists free, confidential lines in many countries. If you feel \
afraid of your partner, a guided talk is not the right tool: a domestic violence helpline \
can help you think through your options safely. And if your talks keep getting stuck or \
hurting, a couples therapist can help you both.";

/// The break screen.
pub const BREAK_TITLE: &str = "Taking a break";
pub const BREAK_NOTE: &str = "It's okay to pause. When a talk gets heated, it is hard to hear \
each other, and a break of about 20 minutes gives both of you time to settle. Do something \
calming on your own, not rehearsing what to say next. Come back when you both feel ready.";
pub const BREAK_RESUME: &str = "Press Enter when you are both ready to go on.";
/// Under the break's clock: when to come back, as the clock on the wall says it.
pub fn back_at_about(at: &str) -> String {
    format!("Come back at about {at}.")
}
/// The break's clock when its 20 minutes have passed (not the speaker's "finish your thought").
pub const BREAK_TIME_UP: &str = "20 minutes";
pub const BREAK_OVER: &str = "The 20 minutes are up. Go on when you are both ready.";
/// The speaking timer at zero.
pub const SPEAKER_TIME_UP: &str = "time is up - finish your thought";

// Trying again when it did not land.
pub const YES_OR_NO_FIRST: &str = "Press y for yes or n for no.";
pub const TRY_AGAIN_NO: &str = "no, go on";

pub fn did_not_land(speaker: &str) -> String {
    format!("{speaker}, it sounds like that did not quite land. That happens.")
}

pub fn try_again_ask(speaker: &str, listener: &str) -> String {
    format!("{speaker}, would you like {listener} to try again?")
}

pub fn try_again_how(speaker: &str, listener: &str) -> String {
    format!(
        "A short second round: {speaker} says what was missed, {listener} mirrors it again, and {speaker} says how it landed."
    )
}

pub fn try_again_yes(listener: &str) -> String {
    format!("yes, {listener}, try again")
}

pub fn say_what_was_missed(speaker: &str, listener: &str) -> String {
    format!("{speaker}, tell {listener} what was missed")
}

// The talk screens' own lines.
pub const RATING_UNANSWERED: &str = "One question is still open: pick 1-5, or s to skip.";
pub const CONSENT_CHOOSE_FIRST: &str = "Press y for yes or n for not today.";

/// Enter on a scale with nothing chosen.
pub fn choose_first(max: u8) -> String {
    format!("Pick 1-{max}, or press s to skip.")
}
pub const ONE_KEPT_TALK: &str =
    "heard keeps one talk to resume at a time: say what to do with this one first.";
pub const NEWER_JOURNAL: &str = "This journal was written by a newer heard: you can look back, but new talks will not be saved.";
pub const NOTHING_SAVED_THIS_RUN: &str = "Nothing from this run will be saved.";
/// Asked before a talk starts on a journal from a newer heard.
pub const NEWER_TITLE: &str = "A journal from a newer heard";
pub const NEWER_ASK: &str = "This journal was written by a newer heard; update heard to save talks into it. You can still talk now, but nothing from this talk will be saved.";
/// On the frame of every screen while nothing is saved.
pub const BANNER_NO_SAVE: &str = " Nothing is saved in this run ";
pub const BANNER_NEWER: &str = " Nothing is saved: the journal is from a newer heard ";
pub const NOT_SAVED_NEWER: &str =
    "Not saved: this journal was written by a newer heard, which this heard does not change.";
pub const CHECK_IN_OPENING: &str = "Before you begin, a quick check-in.";
pub const SKIP_SCALE_NOTE: &str = "Skipping is fine: press s, no reason needed.";
pub const CLOSING_OPENING: &str = "To close, a few small questions.";
pub const CLOSENESS_CAPTION: &str = "1 is two separate circles, 7 almost one.";
pub const APPRECIATION_SAY_AND_WRITE: &str =
    "Say it out loud to each other. Writing it down is up to you.";
pub const APPRECIATION_SAY_ONLY: &str =
    "Say it out loud to each other; it will not be written down.";
pub const APPRECIATION_PLACEHOLDER: &str = "One thing you appreciated (optional)";
pub const NOTE_PLACEHOLDER: &str = "A note (optional), kept out of your shared history";
pub const REFLECTION_PLACEHOLDER: &str = "Write here...";
pub const NOTES_OFF: &str = "Notes are off in your settings: nothing is written down.";
pub const RATE_HONESTLY: &str = "Answer as you honestly feel; a low number helps you both learn.";
pub const GUESSES_EXACTLY: &str = "You read each other exactly.";
pub const DEEPER_NOBODY_SEES: &str =
    "Nobody sees who said what: if either of you says not today, the talk stays lighter.";
pub const NOT_YET_SAVED: &str = "Your talk is finished.";
pub const NOT_YET_SAVED_NOTE: &str = "It could not be put in the journal yet. Nothing is lost: it stays here, and in the talk in progress. Press Enter to try again.";

pub fn look_away(name: &str) -> String {
    format!("{name}, please look away for a moment.")
}

pub fn may_look_away(listener: &str, speaker: &str) -> String {
    format!("{listener}, you can look away while {speaker} answers.")
}

pub fn your_answer_look_away(name: &str, other: &str) -> String {
    format!("{name}, your answer. {other}, please look away.")
}

pub fn reflect_heading(name: &str) -> String {
    format!("{name}, take your time with this one")
}

pub fn one_last_thing(name: &str) -> String {
    format!("{name}, one last thing.")
}

pub fn the_prompt_was(prompt: &str) -> String {
    format!("The prompt was: {prompt}")
}

/// Short lines for the talk screens.
pub const LISTENER_REMINDER: &str = "No need to agree or fix anything.";
pub const FOLLOWUPS_HEADING: &str = "If you want to go further";
/// In place of the follow-ups a small window has no room for.
pub const FOLLOWUPS_MORE: &str = "  · … (more in a larger window)";
pub const PASS_NOTE: &str = "You can pass on any prompt. No reason needed.";
pub const PASSED: &str = "Passed. On to the next one.";
pub const GO_DEEPER_ASK: &str = "The next prompts go deeper. Would you both like to go on?";
/// The same ask when only one deeper prompt is left.
pub const GO_DEEPER_ASK_ONE: &str = "The next prompt goes deeper. Would you both like to go on?";
/// A mood lift of zero, in the lists: plain words rather than "+0".
pub const LIFT_SAME: &str = "same";
/// A mood lift as the lists show it: "+1", "-2", and "same" for no change.
pub fn lift(value: i16) -> String {
    if value == 0 {
        LIFT_SAME.to_string()
    } else {
        format!("{value:+}")
    }
}

pub const GO_DEEPER_NOTE: &str = "Either of you can say no, and that is fine.";
pub const STAY_LIGHTER: &str = "That's fine. We'll stay with lighter prompts.";
pub const APPRECIATION_INVITE: &str =
    "If you like, say one thing you appreciated about each other today.";
pub const SOLO_CLARITY_ASK: &str = "How clear are you about this now?";
pub const SOLO_WRITE_HINT: &str = "Write as much or as little as helps. Kept out of your shared history. It is in the journal file on this computer.";
pub const GUESS_HIDDEN_NOTE: &str = "Keep it to yourself for now; it shows after the rating.";

/// "Ana, share with Ben"
pub fn share_with(speaker: &str, listener: &str) -> String {
    format!("{speaker}, share with {listener}")
}

/// Shown to the listener while the speaker talks.
pub fn just_listen(listener: &str) -> String {
    format!("{listener}, just listen for now. You will reflect back next.")
}

/// Heading of the listener card.
pub fn tell_what_you_heard(listener: &str, speaker: &str) -> String {
    format!("{listener}, tell {speaker} what you heard")
}

/// Under the listener card's three steps.
pub fn speaker_can_add(speaker: &str) -> String {
    format!("{LISTENER_REMINDER} {speaker} can add what you missed.")
}

pub fn ask_felt_heard(speaker: &str) -> String {
    format!("{speaker}, how heard did you feel just now?")
}

pub fn ask_felt_validated(listener: &str) -> String {
    format!("How validated did you feel, as if what you feel makes sense to {listener}?")
}

/// The listener's hidden guess, asked before the speaker rates.
pub fn ask_guess(listener: &str, speaker: &str) -> String {
    format!("{listener}, how heard do you think {speaker} felt?")
}

pub fn ask_mood_before(name: &str) -> String {
    format!("{name}, how are you feeling right now?")
}

pub fn ask_mood_after(name: &str) -> String {
    format!("{name}, how are you feeling now, after talking?")
}

/// After a solo reflection, where nobody talked.
pub fn ask_mood_after_reflecting(name: &str) -> String {
    format!("{name}, how are you feeling now, after reflecting?")
}

pub fn ask_closeness(name: &str, other: &str) -> String {
    format!("{name}, which picture shows how close you feel to {other} right now?")
}

/// The setup screen, before a talk or a solo reflection.
pub const SETUP_INTRO_COUPLE: &str = "Choose together, then begin when you are both ready.";
pub const SETUP_INTRO_SOLO: &str =
    "A quiet moment for yourself. What you write is kept out of your shared history.";
pub const SETUP_NAMES: &str = "Your names";
pub const SETUP_NAME: &str = "Your name";
pub const SETUP_NAME_PLACEHOLDER: &str = "type a name";
pub const SETUP_DECK: &str = "Deck";
pub const SETUP_LENGTH: &str = "Length";
/// The lengths offered beside the detailed choices, and the name for choices made by hand.
pub const SETUP_QUICK: &str = "Quick";
pub const SETUP_USUAL: &str = "Usual";
pub const SETUP_LONG: &str = "Long";
pub const SETUP_OWN: &str = "Your own";
pub const SETUP_PROMPTS: &str = "Prompts";
pub const SETUP_TIMER: &str = "Speaking time";
pub const SETUP_TIMER_NOTE: &str = "for each turn";
pub const SETUP_TIMER_OFF: &str = "Off";
pub const SETUP_NO_DECK: &str = "None of your decks is made for this kind of talk yet.";
pub const SETUP_MISSING_NAMES: &str = "Please type both names.";
pub const SETUP_MISSING_NAME: &str = "Please type your name.";
pub const SETUP_BEGIN_COUPLE: &str = "Begin the talk";
pub const SETUP_BEGIN_SOLO: &str = "Begin";

/// "12 prompts: 5 light, 4 personal, 3 deep"; depths with no prompts are left out.
pub fn depth_mix(total: usize, mix: [usize; 3]) -> String {
    let plural = if total == 1 { "" } else { "s" };
    let parts: Vec<String> = mix
        .iter()
        .zip(["light", "personal", "deep"])
        .filter(|(count, _)| **count > 0)
        .map(|(count, word)| format!("{count} {word}"))
        .collect();
    if parts.is_empty() {
        format!("{total} prompt{plural}")
    } else {
        format!("{total} prompt{plural}: {}", parts.join(", "))
    }
}

/// Under the number of prompts, when the deck holds fewer than asked for.
/// Under the deck in setup, when the couple has had most of its prompts lately.
pub fn deck_nearly_used_up(left: usize, other: Option<(&str, usize)>) -> String {
    let left = match left {
        0 => "You have had every prompt of this deck lately".to_string(),
        1 => "1 prompt you have not had yet".to_string(),
        n => format!("{n} prompts you have not had yet"),
    };
    match other {
        Some((deck, new)) => format!("{left}. {deck} has {new} new to you."),
        None => format!("{left}."),
    }
}

pub fn deck_has_fewer(available: usize) -> String {
    format!("This deck has {available}; you will get all {available}.")
}

/// A speaking time in words: "3 minutes", "45 seconds", "1 minute 30 seconds".
pub fn speaking_time(seconds: u32) -> String {
    let unit = |n: u32, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    match (seconds / 60, seconds % 60) {
        (0, s) => unit(s, "second"),
        (m, 0) => unit(m, "minute"),
        (m, s) => format!("{} {}", unit(m, "minute"), unit(s, "second")),
    }
}

mod brought;
mod couples;
mod hard_talks;
mod keeping;
mod kinds;
mod privacy;
mod repair;
mod screens;
mod weekly;

pub use brought::*;
pub use couples::*;
pub use hard_talks::*;
pub use keeping::*;
pub use kinds::*;
pub use privacy::*;
pub use repair::*;
pub use screens::*;
pub use weekly::*;

#[cfg(test)]
mod tests {
    use super::*;

    /// The notice line of a talk screen is one line of the calm column: 56 columns at
    /// 60x18. A notice that tells what to do must not lose its end there.
    #[test]
    fn the_talk_notices_fit_the_smallest_window() {
        for notice in [
            RATING_UNANSWERED.to_string(),
            CONSENT_CHOOSE_FIRST.to_string(),
            YES_OR_NO_FIRST.to_string(),
            NOTES_OFF.to_string(),
            STAY_LIGHTER.to_string(),
            choose_first(7),
        ] {
            assert!(notice.chars().count() <= 56, "{notice:?} is cut at 60x18");
        }
    }

    fn every_text() -> Vec<String> {
        let mut texts: Vec<String> = [
            &MIRROR[..],
            &VALIDATE[..],
            &EMPATHIZE[..],
            &FELT_HEARD[..],
            &FELT_VALIDATED[..],
            &MOOD[..],
            &CLOSENESS[..],
            &CLARITY[..],
        ]
        .concat()
        .into_iter()
        .map(String::from)
        .collect();
        texts.extend(
            [
                MIRROR_LABEL,
                VALIDATE_LABEL,
                EMPATHIZE_LABEL,
                NOT_THERAPY,
                BREAK_TITLE,
                BREAK_NOTE,
                BREAK_RESUME,
                LISTENER_REMINDER,
                FOLLOWUPS_HEADING,
                PASS_NOTE,
                PASSED,
                GO_DEEPER_ASK,
                GO_DEEPER_NOTE,
                STAY_LIGHTER,
                APPRECIATION_INVITE,
                SOLO_CLARITY_ASK,
                BRING_ASK,
                BRING_EXPLAIN,
                TOPIC_ASK,
                TOPIC_HINT,
                SOLO_WRITE_HINT,
                GUESS_HIDDEN_NOTE,
            ]
            .map(String::from),
        );
        texts.extend([
            share_with("Ana", "Ben"),
            just_listen("Ben"),
            tell_what_you_heard("Ben", "Ana"),
            speaker_can_add("Ana"),
            ask_felt_heard("Ana"),
            ask_felt_validated("Ben"),
            ask_guess("Ben", "Ana"),
            ask_mood_before("Ana"),
            ask_mood_after("Ana"),
            ask_closeness("Ana", "Ben"),
        ]);
        texts
    }

    #[test]
    fn each_scale_has_one_word_per_step() {
        assert_eq!(FELT_HEARD.len(), 5);
        assert_eq!(FELT_VALIDATED.len(), 5);
        assert_eq!(MOOD.len(), 5);
        assert_eq!(CLOSENESS.len(), 7);
        assert_eq!(CLARITY.len(), 5);
        for scale in [
            &FELT_HEARD[..],
            &FELT_VALIDATED,
            &MOOD,
            &CLOSENESS,
            &CLARITY,
        ] {
            let mut words = scale.to_vec();
            words.sort_unstable();
            words.dedup();
            assert_eq!(words.len(), scale.len(), "a word repeats in {scale:?}");
            assert!(scale.iter().all(|word| !word.trim().is_empty()));
        }
    }

    #[test]
    fn scale_word_is_one_based_and_stays_on_the_scale() {
        assert_eq!(scale_word(&FELT_HEARD, 1), Some("not at all"));
        assert_eq!(scale_word(&FELT_HEARD, 5), Some("completely"));
        assert_eq!(scale_word(&CLOSENESS, 7), Some("almost as one"));
        assert_eq!(scale_word(&MOOD, 0), None);
        assert_eq!(scale_word(&MOOD, 6), None);
        assert_eq!(scale_word(&CLOSENESS, 8), None);
    }

    #[test]
    fn consecutive_listener_guides_differ_in_every_step() {
        for turn in 0..200 {
            let this = listener_guide(turn);
            let next = listener_guide(turn + 1);
            assert_ne!(this.mirror, next.mirror, "turn {turn}");
            assert_ne!(this.validate, next.validate, "turn {turn}");
            assert_ne!(this.empathize, next.empathize, "turn {turn}");
        }
    }

    #[test]
    fn listener_guide_is_the_same_for_the_same_turn() {
        assert_eq!(listener_guide(7), listener_guide(7));
        assert_eq!(listener_guide(usize::MAX), listener_guide(usize::MAX));
    }

    #[test]
    fn a_long_talk_never_sees_the_same_three_lines_twice() {
        // Twelve prompts, both partners answering: longer than any talk heard offers.
        let guides: Vec<ListenerGuide> = (0..24).map(listener_guide).collect();
        for (i, a) in guides.iter().enumerate() {
            for b in &guides[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn no_text_contains_control_characters() {
        for text in every_text() {
            assert!(
                !text
                    .chars()
                    .any(|c| c.is_control() || crate::text::is_unsafe_char(c)),
                "control character in {text:?}"
            );
            assert_eq!(text, text.trim(), "stray space around {text:?}");
        }
    }

    #[test]
    fn safety_note_points_to_help_in_more_than_one_place() {
        assert!(NOT_THERAPY.contains("not therapy"));
        assert!(NOT_THERAPY.contains("local emergency number"));
        assert!(NOT_THERAPY.contains("crisis line"));
        // More than one country's number, so nobody is pointed only at another country's line.
        for number in ["112", "911", "000"] {
            assert!(NOT_THERAPY.contains(number), "missing {number}");
        }
        assert!(BREAK_NOTE.contains("20 minutes"));
    }

    #[test]
    fn no_change_in_mood_is_said_in_words_and_fits_the_lift_columns() {
        assert_eq!(lift(0), "same");
        assert_eq!(lift(1), "+1");
        assert_eq!(lift(-2), "-2");
        assert!(
            lift(0).chars().count() <= 4,
            "the history list's lift column is 4 wide"
        );
    }

    #[test]
    fn a_reflection_is_not_called_talking() {
        assert!(!ask_mood_after_reflecting("Ana").contains("talk"));
        assert!(ask_mood_after("Ana").contains("talking"));
    }

    #[test]
    fn look_back_counts_talks_and_reflections_apart() {
        assert_eq!(talks_and_reflections(12, 0), "12 talks");
        assert_eq!(talks_and_reflections(10, 2), "10 talks and 2 reflections");
        assert_eq!(talks_and_reflections(1, 1), "1 talk and 1 reflection");
        assert_eq!(talks_and_reflections(0, 1), "1 reflection");
    }

    #[test]
    fn the_summary_neither_names_a_rhythm_nor_a_file() {
        // Said after a daily deck as after a weekly one; where the journal is,
        // `heard journal path` says.
        assert!(!SUMMARY_THANKS_COUPLE.contains("week"));
        assert!(!SUMMARY_SAVED.contains('/') && !SUMMARY_SAVED.contains('('));
    }
}
