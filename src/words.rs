//! The words heard says to people during a talk, kept in one place so the tone can be read as a whole.

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
/// The break's clock when its 20 minutes have passed (not the speaker's "finish your thought").
pub const BREAK_TIME_UP: &str = "20 minutes";
pub const BREAK_OVER: &str = "The 20 minutes are up. Go on when you are both ready.";
/// The speaking timer at zero.
pub const SPEAKER_TIME_UP: &str = "time is up - finish your thought";

// What the app says about keeping talks.
pub const ANOTHER_HEARD: &str =
    "Another heard is in a talk right now. You can look back, and start a talk when it is done.";
pub const DRAFT_LEFT_AS_IT_IS: &str =
    "It is left as it is; `heard journal repair` does not touch it.";
pub const TALK_KEPT: &str = "Your talk is kept. heard offers to resume it next time.";
pub const FAREWELL_KEPT: &str = "heard: your talk is kept; run heard again to resume it.";
pub const FAREWELL_NOT_SAVED: &str = "heard: nothing from this talk was saved.";
pub const DEMO_FRESH: &str = "The demo starts fresh.";
pub const UNFINISHED_IN_MEMORY: &str = "Saved as unfinished (demo: only until you quit).";
pub const NOT_SAVED_AS_ASKED: &str = "Not saved, as asked.";

pub fn could_not_save(reason: &str) -> String {
    format!(
        "Could not save to the journal: {reason}. Your talk is safe here; press Enter to try again."
    )
}

pub fn saving_trouble(reason: &str) -> String {
    format!(
        "Could not save the talk in progress ({reason}). The talk goes on; heard tries again at the next step."
    )
}

// Leaving a talk, and a talk kept from before.
pub const LEAVE_TITLE: &str = "Leave the talk?";
pub const LEAVE_ASK: &str = "Leave this talk for now? Nothing is lost unless you say so.";
pub const LEAVE_DISCARD_AGAIN: &str =
    "Discard really throws away this talk. Press d again to discard it.";
pub const LEFTOVER_TITLE: &str = "Welcome back";
pub const LEFTOVER_DISCARD_AGAIN: &str =
    "Discard really throws it away. Press d again to discard it.";

/// "There is an unfinished talk from Thu 26 Nov, 20:00 (Ana and Ben, at prompt 1 of 2)."
pub fn unfinished_from(kind: &str, when: &str, who: &str, at: &str) -> String {
    format!("There is an unfinished {kind} from {when} ({who}{at}).")
}

pub fn last_talk_was(since: &str) -> String {
    format!("Your last talk was {since}.")
}

pub fn saved_unfinished_in(path: &str) -> String {
    format!("Saved as unfinished in {path}.")
}

// The reveal of the listener's guess beside the speaker's rating.
pub fn guessed_for_heard(listener: &str, guess: u8, word: &str) -> String {
    format!("{listener} guessed {guess} ({word}) for heard.")
}

pub fn felt(speaker: &str, value: u8, word: &str) -> String {
    format!("{speaker} felt {value} ({word}).")
}

pub fn left_felt_heard_unanswered(speaker: &str) -> String {
    format!("{speaker} left felt heard unanswered.")
}

pub fn felt_more_heard_than_thought(speaker: &str, listener: &str) -> String {
    format!("{speaker} felt more heard than {listener} thought.")
}

pub fn felt_less_heard_than_thought(speaker: &str, listener: &str) -> String {
    format!("{speaker} felt less heard than {listener} thought. Worth a gentle word?")
}

// The talk screens' own lines.
pub const ONE_KEPT_TALK: &str =
    "heard keeps one talk to resume at a time: say what to do with this one first.";
pub const NEWER_JOURNAL: &str = "This journal was written by a newer heard: you can look back, but new talks will not be saved.";
pub const NOTHING_SAVED_THIS_RUN: &str = "Nothing from this run will be saved.";
pub const NOT_SAVED_NEWER: &str =
    "Not saved: this journal was written by a newer heard, which this heard does not change.";
pub const CHECK_IN_OPENING: &str = "Before you begin, a quick check-in.";
pub const SKIP_SCALE_NOTE: &str = "Skipping is fine: press s, or Enter without choosing.";
pub const CLOSING_OPENING: &str = "To close, two small questions each.";
pub const CLOSENESS_CAPTION: &str = "1 is two separate circles, 7 almost one.";
pub const APPRECIATION_SAY_AND_WRITE: &str =
    "Say it out loud to each other. Writing it down is up to you.";
pub const APPRECIATION_SAY_ONLY: &str =
    "Say it out loud to each other; it will not be written down.";
pub const APPRECIATION_PLACEHOLDER: &str = "One thing you appreciated (optional)";
pub const NOTE_PLACEHOLDER: &str = "A private note, only for you (optional)";
pub const REFLECTION_PLACEHOLDER: &str = "Write here...";
pub const NOTES_OFF: &str = "Notes are turned off in your settings, so nothing is written down.";
pub const RATE_HONESTLY: &str = "Answer as you honestly feel; a low number helps you both learn.";
pub const GUESSES_EXACTLY: &str = "You read each other exactly.";
pub const DEEPER_NOBODY_SEES: &str =
    "Nobody sees who said what: if either of you says not today, the talk stays lighter.";
pub const MARKED_OFFERED_FIRST: &str = "Marked prompts are offered first at your next talk.";
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
pub const PASS_NOTE: &str = "You can pass on any prompt. No reason needed.";
pub const PASSED: &str = "Passed. On to the next one.";
pub const GO_DEEPER_ASK: &str = "The next prompts go deeper. Would you both like to go on?";
pub const GO_DEEPER_NOTE: &str = "Either of you can say no, and that is fine.";
pub const STAY_LIGHTER: &str = "That's fine. We'll stay with lighter prompts.";
pub const APPRECIATION_INVITE: &str =
    "If you like, say one thing you appreciated about each other today.";
pub const SOLO_CLARITY_ASK: &str = "How clear are you about this now?";
pub const SOLO_BRING_ASK: &str = "Bring this to your next talk?";
pub const SOLO_WRITE_HINT: &str = "Write as much or as little as helps. Only you will see this.";
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

pub fn ask_closeness(name: &str, other: &str) -> String {
    format!("{name}, which picture shows how close you feel to {other} right now?")
}

/// The setup screen, before a talk or a solo reflection.
pub const SETUP_INTRO_COUPLE: &str = "Choose together, then begin when you are both ready.";
pub const SETUP_INTRO_SOLO: &str = "A quiet moment for yourself. Only you will see what you write.";
pub const SETUP_NAMES: &str = "Your names";
pub const SETUP_NAME: &str = "Your name";
pub const SETUP_NAME_PLACEHOLDER: &str = "type a name";
pub const SETUP_DECK: &str = "Deck";
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
pub fn deck_has_fewer(available: usize) -> String {
    format!("This deck has {available}; you will get all {available}.")
}

/// The offer to start a talk with what a solo reflection marked to bring.
pub fn start_with_carried(count: usize) -> String {
    if count == 1 {
        "Start with the prompt marked in your last reflection".to_string()
    } else {
        format!("Start with the {count} prompts marked in your last reflection")
    }
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

// ---------------------------------------------------------------------------------------
// The screens around a talk: home, setup, looking back, decks, the summary and help.
// (Setup's own words are above, with `SETUP_INTRO_COUPLE`.) The keys' own sentences live
// in each screen's key table, next to the keys they describe.
// ---------------------------------------------------------------------------------------

// Home

pub const HOME_TITLE: &str = "home";
pub const HOME_WELCOME: &str = "Welcome. Take a breath; there is no hurry here.";
pub const HOME_DEMO: &str =
    "This is a demo with a fictional couple. Press r to start it fresh for the next client.";
pub const HOME_FIRST_TALK: &str = "Your first talk starts whenever you are both ready.";
/// The menu: each choice and what it is for.
pub const HOME_TALK: &str = "Start a talk";
pub const HOME_TALK_ABOUT: &str = "for the two of you";
pub const HOME_SOLO: &str = "Reflect alone";
pub const HOME_SOLO_ABOUT: &str = "before a talk, on your own";
pub const HOME_HISTORY: &str = "Look back";
pub const HOME_HISTORY_ABOUT: &str = "your talks so far";
pub const HOME_DECKS: &str = "Decks";
pub const HOME_DECKS_ABOUT: &str = "the prompts you can use";
pub const HOME_HELP: &str = "Help";
pub const HOME_HELP_ABOUT: &str = "keys, and what heard is not";
pub const HOME_QUIT: &str = "Quit";

// Setup (its fields' words are above, with `SETUP_INTRO_COUPLE`)

pub const SETUP_TITLE_COUPLE: &str = "setup";
pub const SETUP_TITLE_SOLO: &str = "reflect alone";

/// Where a choice is among its kind: "2 of 6" (a deck in setup, a chart in looking back).
pub fn place(at: usize, of: usize) -> String {
    format!("{at} of {of}")
}

// Help

pub const HELP_TITLE: &str = " Help ";
pub const HELP_SCROLL: &str = " ↑↓ scroll · Esc closes ";
/// The first line of help, always in view, before any scrolling.
pub const HELP_SAFETY_FIRST: &str = "heard is not therapy or a crisis service. If anyone is in danger, call your local emergency number now. More below.";
pub const HELP_HERE: &str = "On this screen";
pub const HELP_EVERYWHERE: &str = "Everywhere";

// Looking back

pub const HISTORY_TITLE: &str = "look back";
/// The three views, as their tabs say.
pub const HISTORY_TALKS: &str = "Talks";
pub const HISTORY_CHARTS: &str = "Charts";
pub const HISTORY_WORDS: &str = "In words";
/// Shown in every view before the first talk.
pub const HISTORY_FIRST_RUN: &str = "No talks yet. After your first talk, it shows up here: how heard and validated each of you felt, your mood before and after, and how close you felt.";
/// "In words" when there are only reflections alone.
pub const HISTORY_NO_WORDS: &str = "What your talks show, in words, comes from talks for two. There are none yet; your reflections alone are in the list.";

/// "1 talk", "12 talks".
pub fn talks_count(count: usize) -> String {
    match count {
        1 => "1 talk".to_string(),
        n => format!("{n} talks"),
    }
}

/// The list: over a column of each partner's figures when their names are not known.
pub const HISTORY_NTH: [&str; 2] = ["1st", "2nd"];
/// The list's two header rows and its legend.
pub const HISTORY_HEARD: &str = " heard";
pub const HISTORY_VALIDATED: &str = " valid.";
pub const HISTORY_MOOD: &str = " mood";
pub const HISTORY_DATE: &str = "date";
pub const HISTORY_DECK: &str = "deck";
pub const HISTORY_PROMPTS: &str = "prompts";
pub const HISTORY_LEGEND: &str = "1-5 per talk · mood: after − before · ◦ unfinished";

/// A reflection alone in the list of talks.
pub fn reflection_by(who: &str) -> String {
    format!("reflection by {who}")
}

/// One talk in full.
pub const HISTORY_NOT_GIVEN: &str = "not given";
pub const HISTORY_PASSED: &str = " (passed)";
pub const HISTORY_TO_BRING: &str = "to bring to a talk";
pub const HISTORY_NOTHING_ANSWERED: &str = "No prompts were answered in this talk.";

/// "Ana, alone"
pub fn alone(name: &str) -> String {
    format!("{name}, alone")
}

/// "finished, 4 of 5 prompts answered"
pub fn prompts_answered(finished: bool, answered: usize, prompts: usize) -> String {
    let state = if finished { "finished" } else { "unfinished" };
    format!("{state}, {answered} of {prompts} prompts answered")
}

pub fn mood_moved(before: &str, after: &str) -> String {
    format!("mood {before} → {after}")
}

pub fn closeness_was(value: &str) -> String {
    format!("closeness {value}")
}

pub fn shared_and_listened(speaker: &str, listener: &str) -> String {
    format!("{speaker} shared, {listener} listened")
}

pub fn reflected(speaker: &str) -> String {
    format!("{speaker} reflected")
}

pub fn felt_heard_was(value: &str) -> String {
    format!("felt heard {value}")
}

pub fn validated_was(value: &str) -> String {
    format!("validated {value}")
}

pub fn guessed(listener: &str, guess: u8) -> String {
    format!("{listener} guessed {guess}/5")
}

pub fn clarity_was(value: &str) -> String {
    format!("clarity {value}")
}

/// The charts, one at a time.
pub const CHART_HEARD: &str = "Felt heard";
pub const CHART_VALIDATED: &str = "Felt validated";
pub const CHART_MOOD: &str = "Mood before and after";
pub const CHART_CLOSENESS: &str = "Closeness";
pub const CHART_PER_WEEK: &str = "Talks per week";
pub const CHART_GUESSES: &str = "Listening: how close the guesses came";
pub const CHARTS_NONE: &str =
    "Charts show talks for two. There are none yet; reflections alone are in the list.";
pub const CHART_BEFORE: &str = "before";
pub const CHART_AFTER: &str = "after";
pub const CHART_CLOSENESS_KEY: &str = "after each talk, 1 (apart) to 7 (close), oldest first";
pub const CHART_NO_GUESSES: &str = "No guesses yet. When the listener guesses how heard the speaker felt (on by default), you can see here how close those guesses come.";
pub const CHART_LOWER_IS_CLOSER: &str = "lower is closer";

/// After a chart's key when it shows only the latest talks: ", the last 30 talks".
pub fn the_last_talks(count: usize) -> String {
    format!(", the last {count} talks")
}

/// `latest` is empty or [`the_last_talks`].
pub fn talk_average(latest: &str) -> String {
    format!("each talk's average, 1 to 5{latest}")
}

/// `latest` is empty or [`the_last_talks`].
pub fn both_averaged(latest: &str) -> String {
    format!("both of you, averaged, 1 to 5{latest}")
}

/// A partner's latest closeness, and what a dot in the line means.
pub fn closeness_latest(latest: Option<u64>) -> String {
    let latest = latest.map_or_else(
        || "not given yet".to_string(),
        |v| format!("latest {v} of 7"),
    );
    format!("{latest}; · not given")
}

pub fn per_week_key(total: u64) -> String {
    format!(
        "{} in twelve weeks · below each bar: weeks ago",
        talks_count(usize::try_from(total).unwrap_or(usize::MAX))
    )
}

/// "Ana's guesses", then the other partner's: "Ben's".
pub fn guesses_of(name: &str) -> String {
    format!("{name}'s guesses")
}

pub fn guesses_of_other(name: &str) -> String {
    format!("{name}'s")
}

// Decks

pub const DECKS_TITLE: &str = "decks";
pub const DECKS_NONE: &str = "No decks.";
pub const DECKS_HEADER: &str = "deck             prompts (light/personal/deep)";

/// At the top right: "4 shown".
pub fn decks_shown(count: usize) -> String {
    format!("{count} shown")
}

/// One deck in the list, under `DECKS_HEADER`: title (at most 16 characters), prompts,
/// the depth mix, the description.
pub fn deck_row(title: &str, prompts: usize, mix: [usize; 3], description: &str) -> String {
    let [light, personal, deep] = mix;
    format!("{title:<16} {prompts:>3} prompts ({light}/{personal}/{deep})  {description}")
}

/// A deck that did not load, with its first error.
pub fn deck_cannot_use(error: &str) -> String {
    format!("(cannot use) {error}")
}

// Summary

pub const SUMMARY_TITLE: &str = "summary";
/// The columns of the couple's figures, and the same for narrow windows.
pub const SUMMARY_HEADS: [&str; 4] = ["felt heard", "felt validated", "mood", "closeness"];
pub const SUMMARY_HEADS_NARROW: [&str; 4] = ["heard", "validated", "mood", "close"];
pub const SUMMARY_USUAL: &str = "(in brackets: your usual)";
pub const SUMMARY_SAVED_DEMO: &str = "Demo: kept only until you leave.";
pub const SUMMARY_NOT_SAVED: &str = "Not saved, as asked.";
pub const SUMMARY_THANKS_COUPLE: &str =
    "Thank you for taking this time together. Same time next week?";
pub const SUMMARY_THANKS_SOLO: &str = "Thank you for taking this time for yourself.";

/// "Tue 3 Jun · Rekindle · 4 prompts · 23 minutes"
pub fn summary_heading(date: &str, deck: &str, prompts: usize, minutes: i64) -> String {
    let plural = if prompts == 1 { "" } else { "s" };
    let length = match minutes {
        0 => "under a minute".to_string(),
        1 => "1 minute".to_string(),
        n => format!("{n} minutes"),
    };
    format!("{date} · {deck} · {prompts} prompt{plural} · {length}")
}

pub fn felt_more_heard(name: &str) -> String {
    format!("{name} felt more heard than usual today.")
}

pub fn felt_less_heard(name: &str) -> String {
    format!("{name} felt less heard than usual today. That is worth a gentle word.")
}

pub fn reflected_on(answered: usize) -> String {
    let plural = if answered == 1 { "" } else { "s" };
    format!("You reflected on {answered} prompt{plural}.")
}

pub fn clarity_average(clarity: f64) -> String {
    format!("Clarity: {clarity:.1} of 5 on average.")
}

/// After a reflection: how many prompts it marked to bring to the next talk.
pub fn marked_to_bring(marked: usize) -> String {
    match marked {
        0 => "Nothing marked to bring to your next talk.".to_string(),
        1 => "1 prompt is marked: your next talk offers to start with it.".to_string(),
        n => format!("{n} prompts are marked: your next talk offers to start with them."),
    }
}

pub fn saved_to_journal(path: &str) -> String {
    format!("Saved to your journal ({path}).")
}

/// Follows the line on saving, hence the space before it.
pub fn last_one_before(since: &str) -> String {
    format!(" Your last one before this was {since}.")
}

#[cfg(test)]
mod tests {
    use super::*;

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
                SOLO_BRING_ASK,
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
}
