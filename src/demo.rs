//! The therapist demo's sample history: a fictional couple's twelve weeks of talks, made in memory.
//!
//! Nothing here reads a clock, a file or the OS's randomness: the same `now` always gives
//! the same journal, so a therapist sees the same story each time and tests can rely on it.
//! The ratings tell one gentle story on purpose: Sam starts out feeling less heard than
//! Maya, Maya at first guesses Sam feels more heard than Sam does, and both improve.

use crate::mode::{Mode, Partner};
use crate::reflection;
use crate::rng::Rng;
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime};

use crate::config::Config;
use crate::deck::load::builtin_decks;
use crate::deck::{Deck, Prompt};
use crate::journal::stats::week_monday;
use crate::journal::{Extra, Journal, Session, Timestamp, Turn};

/// The fictional couple of the demo.
pub const DEMO_PARTNERS: [&str; 2] = ["Maya", "Sam"];

/// The partner whose felt-heard ratings start low and rise (Sam).
const QUIETER: usize = 1;

/// The couple talks, oldest first: weeks before the last talk's week, deck, prompts.
/// Weeks 9 and 5 are missed, as real weeks sometimes are.
const TALKS: [(i64, &str, usize); 10] = [
    (11, "daily-check-in", 3),
    (10, "rekindle", 4),
    (8, "state-of-us", 5),
    (7, "appreciation", 4),
    (6, "getting-real", 4),
    (4, "gentle-repair", 3),
    (3, "rekindle", 5),
    (2, "state-of-us", 4),
    (1, "appreciation", 6),
    (0, "daily-check-in", 3),
];

/// The talk that was stopped partway (it got late) and saved as unfinished.
const UNFINISHED: usize = 4;

/// Private notes, each used once, from the harder early weeks to the easier later ones.
const NOTES: [[&str; 6]; 2] = [
    [
        "I jumped in too fast again. Noticed it, at least.",
        "Ask how the visit went on Sunday.",
        "Let it land before answering.",
        "Lovely to hear that story again.",
        "We laughed more than we have in a while.",
        "Easier than I thought it would be.",
    ],
    [
        "Still tired from the week.",
        "Hard to say it out loud, but I did.",
        "Want to come back to the weekend plans.",
        "Got to finish the whole thought tonight.",
        "Maya waited. That helped.",
        "I felt listened to.",
    ],
];

/// Sam's solo reflections: weeks back, weekday (0 = Monday), mood before and after.
const SOLOS: [(i64, i64, u8, u8); 2] = [(9, 3, 2, 3), (4, 1, 3, 4)];

/// The topic of each of Sam's reflections, and whether Sam brings it to the next talk:
/// the latest waits for the demo's talk, so a therapist can show it opening a talk.
const TOPICS: [(&str, bool); 2] = [
    ("Getting cut off when I talk about my day", false),
    ("Keeping two evenings a week for us", true),
];

/// What Sam wrote alone, per reflection: a prompt of the "before-the-talk" deck, clarity,
/// and the reflection itself.
#[rustfmt::skip]
const REFLECTIONS: [(usize, &str, u8, &str); 5] = [
    (0, "feelings-come-up", 3, "Small, mostly. I stop halfway and then I just go quiet."),
    (0, "help-you-feel-heard", 4, "Being able to finish a thought before the answer comes."),
    (0, "feel-afterwards", 2, "Closer. Less like I'm talking to myself."),
    (1, "say-first", 4, "How patient Maya has been with all this."),
    (1, "get-across", 5, "It's already better. I want us to keep going."),
];

/// The sample journal for the demo, its last talk three days before `now`, in `now`'s offset.
pub fn sample_journal(now: DateTime<FixedOffset>) -> Journal {
    let decks = builtin_decks();
    let deck = |id: &str| decks.iter().find(|d| d.id == id);
    let mut sampler = Sampler {
        rng: Rng::new(0x6865_6172_6421),
        now,
        notes_used: [0; 2],
    };
    let last_day = now.date_naive() - Duration::days(3);
    let week_of = |weeks_back: i64| week_monday(last_day) - Duration::weeks(weeks_back);

    let mut sessions = Vec::new();
    for (i, (weeks_back, deck_id, prompts)) in TALKS.into_iter().enumerate() {
        // Wednesday to Saturday, so each talk falls in its own ISO week.
        let weekday = 2 + sampler.rng.below(4) as i64;
        let day = match weeks_back {
            0 => last_day,
            _ => week_of(weeks_back) + Duration::days(weekday),
        };
        let progress = i as f64 / (TALKS.len() - 1) as f64;
        if let Some(deck) = deck(deck_id) {
            sessions.push(sampler.couple_talk(deck, day, prompts, progress, i == UNFINISHED));
        }
    }
    if let Some(deck) = deck("before-the-talk") {
        for (n, (weeks_back, weekday, before, after)) in SOLOS.into_iter().enumerate() {
            let day = week_of(weeks_back) + Duration::days(weekday);
            sessions.push(sampler.solo(deck, day, n, [before, after]));
        }
    }
    // One of each conversation, so a therapist can show each in Look back.
    let sunday = |weeks_back: i64| week_of(weeks_back) + Duration::days(6);
    sessions.push(sampler.understand_talk(sunday(5)));
    sessions.push(sampler.repair_talk(sunday(7)));
    // Weeks back, so the last five talks still tell the demo's story of Sam being heard more.
    sessions.push(sampler.weekly_talk(sunday(8)));
    sessions.sort_by_key(|s| s.started_at.at());
    Journal {
        sessions,
        ..Journal::default()
    }
}

/// The demo's settings: the couple's names, short talks, a one-minute timer.
pub fn demo_config() -> Config {
    Config {
        partners: DEMO_PARTNERS.iter().map(|n| n.to_string()).collect(),
        prompts_per_talk: 3,
        timer_seconds: 60,
        ..Config::default()
    }
}

struct Sampler {
    rng: Rng,
    now: DateTime<FixedOffset>,
    /// How many of each partner's `NOTES` are written, so none repeats.
    notes_used: [usize; 2],
}

impl Sampler {
    /// One couple talk, `progress` of the way (0 to 1) through the couple's weeks.
    fn couple_talk(
        &mut self,
        deck: &Deck,
        day: NaiveDate,
        prompts: usize,
        progress: f64,
        unfinished: bool,
    ) -> Session {
        // Light and personal prompts only, lighter first, as the talk engine orders them.
        let mut chosen: Vec<&Prompt> = deck.prompts.iter().filter(|p| p.depth <= 2).collect();
        self.rng.shuffle(&mut chosen);
        chosen.truncate(prompts);
        chosen.sort_by_key(|p| p.depth);
        let speakers = chosen.iter().enumerate().flat_map(|(n, p)| {
            // The first speaker alternates from prompt to prompt, as in a real talk.
            let first = if n % 2 == 0 {
                Partner::First
            } else {
                Partner::Second
            };
            [(p, first.index()), (p, first.other().index())]
        });
        // The unfinished talk stopped during the second prompt.
        let recorded = if unfinished { 3 } else { usize::MAX };
        let turns = speakers
            .take(recorded)
            .map(|(prompt, speaker)| self.couple_turn(prompt, speaker, progress))
            .collect();

        let mood_before: Vec<Option<u8>> = (0..2)
            .map(|p| {
                let base = if p == QUIETER {
                    2.4 + 0.8 * progress
                } else {
                    3.0 + 0.5 * progress
                };
                (self.rng.below(12) != 0).then(|| level(&mut self.rng, base, 1, 5))
            })
            .collect();
        let mut mood_after = vec![None; 2];
        let mut closeness = vec![None; 2];
        if !unfinished {
            for p in 0..2 {
                let lift = [0, 1, 1, 1, 2, 2][self.rng.below(6)];
                mood_after[p] = Some((mood_before[p].unwrap_or(3) + lift).min(5));
                closeness[p] = Some(level(&mut self.rng, 3.2 + 2.6 * progress, 3, 6));
            }
        }
        Session {
            completed: !unfinished,
            mood_before,
            mood_after,
            closeness,
            ..self.session(Mode::Couple, Some(deck), day, &DEMO_PARTNERS, turns)
        }
    }

    fn couple_turn(&mut self, prompt: &Prompt, speaker: usize, progress: f64) -> Turn {
        let rng = &mut self.rng;
        let mut turn = Turn {
            prompt_id: prompt.id.clone(),
            prompt: prompt.text.clone(),
            speaker,
            felt_heard: Some(None),
            felt_validated: Some(None),
            listener_guess: Some(None),
            clarity: None,
            bring_to_talk: None,
            seconds: Some(None),
            skipped: false,
            note: None,
            extra: Extra::new(),
        };
        if rng.below(16) == 0 {
            turn.skipped = true;
            return turn;
        }
        turn.seconds = Some(Some(60 + rng.below(181) as u64));
        let base = if speaker == QUIETER {
            2.3 + 2.2 * progress
        } else {
            3.9 + 0.5 * progress
        };
        let heard = level(rng, base, 1, 5);
        turn.felt_heard = Some(Some(heard));
        turn.felt_validated = Some((rng.below(14) != 0).then(|| level(rng, base + 0.2, 1, 5)));
        // Maya reads Sam as more at ease than Sam is, less so as the weeks go by.
        let misread = if speaker == QUIETER {
            1.4 * (1.0 - progress)
        } else {
            -0.2
        };
        let guess = (rng.below(7) != 0).then(|| level(rng, f64::from(heard) + misread, 1, 5));
        turn.listener_guess = Some(guess);
        // Notes keep pace with the weeks, so the later, easier ones come late.
        let used = &mut self.notes_used[speaker];
        if rng.below(4) == 0 && *used <= (progress * 5.0) as usize {
            turn.note = Some(NOTES[speaker][*used].to_string());
            *used += 1;
        }
        turn
    }

    /// Sam's solo reflection number `n`.
    fn solo(&mut self, deck: &Deck, day: NaiveDate, n: usize, [before, after]: [u8; 2]) -> Session {
        let (topic, bring) = TOPICS[n];
        let turns = REFLECTIONS
            .iter()
            .filter(|r| r.0 == n)
            .filter_map(|&(_, id, clarity, note)| {
                let prompt = deck.prompts.iter().find(|p| p.id == id)?;
                Some(Turn {
                    prompt_id: prompt.id.clone(),
                    prompt: prompt.text.clone(),
                    speaker: 0,
                    felt_heard: None,
                    felt_validated: None,
                    listener_guess: None,
                    clarity: Some(Some(clarity)),
                    bring_to_talk: Some(Some(bring)),
                    seconds: Some(Some(60 + self.rng.below(181) as u64)),
                    skipped: false,
                    note: Some(note.to_string()),
                    extra: Extra::new(),
                })
            })
            .collect();
        let mut extra = Extra::new();
        extra.insert(reflection::TOPIC.to_string(), topic.into());
        extra.insert(reflection::BRING.to_string(), bring.into());
        Session {
            mood_before: vec![Some(before)],
            mood_after: vec![Some(after)],
            extra,
            ..self.session(
                Mode::Solo,
                Some(deck),
                day,
                &DEMO_PARTNERS[QUIETER..],
                turns,
            )
        }
    }

    /// "Understand each other", run through its own engine: Maya brings the weekends with
    /// her family; Sam needs a second try before she feels he got it; then Sam takes the
    /// floor, and each names a small step.
    fn understand_talk(&mut self, day: NaiveDate) -> Session {
        use crate::understand::{Answer, Input, Understand};
        let mut talk = Understand::new(Partner::First, true);
        let round = |heard: u8, validated: u8, cared: u8, tries: usize| {
            let mut inputs = vec![Input::Said, Input::Mirrored];
            for _ in 1..tries {
                inputs.extend([Input::Answer(Answer::NotYet), Input::Said, Input::Mirrored]);
            }
            inputs.extend([
                Input::Answer(Answer::GotIt),
                Input::More(false),
                Input::Done,
                Input::Done,
                Input::Rate {
                    heard: Some(heard),
                    validated: Some(validated),
                    cared: Some(cared),
                },
            ]);
            inputs
        };
        let mut inputs = vec![
            Input::GoodTime(true),
            Input::GoodTime(true),
            Input::Topic {
                text: Some("Weekends with my family".into()),
                shared: true,
            },
        ];
        inputs.extend(round(4, 4, 5, 2));
        inputs.push(Input::Switch(true));
        inputs.extend(round(4, 3, 4, 1));
        inputs.extend([
            Input::SmallStep(Some("Ask Sam before I say yes to a visit".into())),
            Input::SmallStep(Some("Plan one Saturday a month with them, gladly".into())),
        ]);
        for input in inputs {
            // The script is the engine's own path; a refusal would be a bug in it.
            let _ = talk.apply(input);
        }
        let (meta_frame, ended) = self.frame(day, 30);
        let partners = DEMO_PARTNERS.map(String::from);
        talk.to_session(&self.meta(&meta_frame, &partners), ended, true)
    }

    /// "After a hard moment", through its engine: Sam was not calm at first; after the
    /// break both were. Sam apologises and Maya accepts.
    fn repair_talk(&mut self, day: NaiveDate) -> Session {
        use crate::repair::{Input, Repair};
        use crate::understand::Answer;
        let mut talk = Repair::new(Partner::First, true);
        let gate = || {
            [
                Input::Said,
                Input::Mirrored,
                Input::Answer(Answer::GotIt),
                Input::More(false),
                Input::Done,
            ]
        };
        let mut inputs = vec![Input::Calm(true), Input::Calm(false), Input::Resume];
        inputs.extend([Input::Calm(true), Input::Calm(true)]);
        inputs.extend([
            Input::Feelings(vec!["unseen".into(), "lonely".into()]),
            Input::Done,
            Input::Feelings(vec!["overwhelmed".into(), "defensive".into()]),
            Input::Done,
        ]);
        inputs.extend(gate());
        inputs.extend(gate());
        inputs.extend([Input::Pass, Input::Pass]);
        inputs.extend([
            Input::MyPart {
                picked: vec![6],
                text: None,
                apology: false,
            },
            Input::Done,
            Input::MyPart {
                picked: vec![0, 3],
                text: None,
                apology: true,
            },
            Input::Done,
            Input::Accept(true),
            Input::NextTime {
                will: Some("Say when I need a minute".into()),
                ask: None,
            },
            Input::Done,
            Input::NextTime {
                will: None,
                ask: Some("Tell me sooner when it's a lot".into()),
            },
            Input::Done,
        ]);
        for input in inputs {
            // The script is the engine's own path; a refusal would be a bug in it.
            let _ = talk.apply(input);
        }
        let (meta_frame, ended) = self.frame(day, 40);
        let partners = DEMO_PARTNERS.map(String::from);
        talk.to_session(&self.meta(&meta_frame, &partners), ended, true)
    }

    /// "Our week", through its engine: appreciations, what went well, Sam brings one
    /// thing (the washing-up) and Maya gets it at the second try, then the close.
    fn weekly_talk(&mut self, day: NaiveDate) -> Session {
        use crate::understand::{Answer, Input as Floor};
        use crate::weekly::{Input, Weekly};
        let mut talk = Weekly::new(Partner::First, true);
        let mut inputs = vec![
            Input::Appreciate(Some("You cooked when I was late".into())),
            Input::Appreciate(None),
            Input::Done,
            Input::Appreciate(Some("The walk on Saturday".into())),
            Input::Done,
            Input::WentWell(Some("We laughed more".into())),
            Input::WentWell(None),
            Input::Issue(Some(Partner::Second)),
        ];
        let floor = [
            Floor::Topic {
                text: Some("the washing-up".into()),
                shared: true,
            },
            Floor::Said,
            Floor::Mirrored,
            Floor::Answer(Answer::NotYet),
            Floor::Said,
            Floor::Mirrored,
            Floor::Answer(Answer::GotIt),
            Floor::More(false),
            Floor::Done,
            Floor::Done,
            Floor::Rate {
                heard: Some(5),
                validated: Some(4),
                cared: Some(5),
            },
            Floor::Switch(false),
            Floor::SmallStep(Some("Make a rota together".into())),
            Floor::SmallStep(None),
        ];
        inputs.extend(floor.into_iter().map(Input::Understand));
        inputs.extend([
            Input::ThisWeek(Some("A hug when I get home".into())),
            Input::ThisWeek(None),
        ]);
        for input in inputs {
            // The script is the engine's own path; a refusal would be a bug in it.
            let _ = talk.apply(input);
        }
        let (meta_frame, ended) = self.frame(day, 35);
        let partners = DEMO_PARTNERS.map(String::from);
        talk.to_session(&self.meta(&meta_frame, &partners), ended, true)
    }

    /// An evening's id and start for a conversation, and its end `minutes` later.
    fn frame(&mut self, day: NaiveDate, minutes: i64) -> (Session, DateTime<FixedOffset>) {
        let frame = self.session(Mode::Couple, None, day, &DEMO_PARTNERS, Vec::new());
        let ended = frame.started_at.at() + Duration::minutes(minutes);
        (frame, ended)
    }

    fn meta<'a>(
        &self,
        frame: &'a Session,
        partners: &'a [String; 2],
    ) -> crate::activity::flow::Meta<'a> {
        crate::activity::flow::Meta {
            id: &frame.id,
            partners,
            started_at: &frame.started_at,
        }
    }

    /// A completed session on some evening of `day`, without moods or closeness yet.
    fn session(
        &mut self,
        mode: Mode,
        deck: Option<&Deck>,
        day: NaiveDate,
        partners: &[&str],
        turns: Vec<Turn>,
    ) -> Session {
        // Between half past seven and nine in the evening, in `now`'s offset.
        let minutes = 19 * 60 + 30 + self.rng.below(90) as i64;
        let local = day.and_time(NaiveTime::MIN) + Duration::minutes(minutes);
        let started = self.now + (local - self.now.naive_local());
        // Speaking time and the listener's reflection, and a few minutes to check in and close.
        let spent: u64 = turns.iter().map(|t| t.seconds().unwrap_or(30) + 90).sum();
        let ended = started + Duration::seconds(spent as i64 + 240);
        Session {
            id: self.rng.uuid(),
            mode: mode.into(),
            started_at: Timestamp::new(started),
            ended_at: Some(Timestamp::new(ended)),
            completed: true,
            deck_id: deck.map_or_else(String::new, |d| d.id.clone()),
            partners: partners.iter().map(|p| p.to_string()).collect(),
            mood_before: Vec::new(),
            mood_after: Vec::new(),
            closeness: Vec::new(),
            turns,
            extra: Extra::new(),
        }
    }
}

/// `base` nudged by up to 0.6 either way, rounded into `low..=high`.
fn level(rng: &mut Rng, base: f64, low: u8, high: u8) -> u8 {
    let nudge = (rng.below(5) as f64 - 2.0) * 0.3;
    (base + nudge)
        .round()
        .clamp(f64::from(low), f64::from(high)) as u8
}
