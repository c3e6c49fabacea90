//! The words of the screens around a talk: home, setup, looking back, decks, the summary
//! and help. (Setup's field words are in the parent module, with `SETUP_INTRO_COUPLE`.)
//! The keys' own sentences live in each screen's key table, next to the keys they describe.

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

/// Look back's title: the couple talks as "In words" counts them, then the reflections
/// alone. "12 talks", "10 talks and 2 reflections", "1 reflection".
pub fn talks_and_reflections(talks: usize, reflections: usize) -> String {
    let reflections_words = match reflections {
        1 => "1 reflection".to_string(),
        n => format!("{n} reflections"),
    };
    match (talks, reflections) {
        (_, 0) => talks_count(talks),
        (0, _) => reflections_words,
        _ => format!("{} and {reflections_words}", talks_count(talks)),
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
pub const DECKS_HEADER: &str = "deck                 prompts (light/personal/deep)";

/// At the top right: "4 shown".
pub fn decks_shown(count: usize) -> String {
    format!("{count} shown")
}

/// One deck in the list, under `DECKS_HEADER`: title (16 columns, a longer one ends in
/// "…"), prompts, the depth mix, the description.
pub fn deck_row(title: &str, prompts: usize, mix: [usize; 3], description: &str) -> String {
    let [light, personal, deep] = mix;
    let title = if crate::text::width(title) > 16 {
        format!("{}…", crate::text::cut_to(title, 15))
    } else {
        title.to_string()
    };
    let title = crate::text::left(&title, 16);
    format!("{title} {prompts:>3} prompts ({light}/{personal}/{deep})  {description}")
}

/// Above each prompt of a deck opened to read: "3 · personal".
pub fn deck_prompt_head(number: usize, depth: u8) -> String {
    let depth = match depth {
        1 => "light",
        2 => "personal",
        _ => "deep",
    };
    format!("{number} · {depth}")
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
pub const SUMMARY_THANKS_COUPLE: &str = "Thank you for taking this time together.";
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

/// Where the journal is, `heard journal path` says.
pub const SUMMARY_SAVED: &str = "Saved to your journal.";

/// Follows the line on saving, hence the space before it.
pub fn last_one_before(since: &str) -> String {
    format!(" Your last one before this was {since}.")
}

/// Setup's estimate of the whole talk.
pub fn about_minutes(minutes: u32) -> String {
    match minutes {
        0..=55 => format!("about {minutes} minutes in all"),
        56..=70 => "about an hour in all".to_string(),
        _ => format!(
            "about {} hours in all",
            (f64::from(minutes) / 60.0 * 2.0).round() / 2.0
        ),
    }
}

// The prompt card

/// The card's last line when the prompt is longer than the card can show.
pub const CARD_MORE: &str = "(more: the prompt continues)";
