//! The talk screens: one state for the whole talk, a view for each step of the engine.
//! Keys become engine inputs (`Action::Talk`); choosing on a scale is screen-local.

mod timer;
mod view;
mod view_prompt;

use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;

pub use timer::Stopwatch;

use crate::talk::{Input, Step, Talk};
use crate::tui::action::Action;
use crate::tui::theme::Theme;

/// How long the break screen suggests pausing for.
pub const BREAK_SECONDS: u32 = 20 * 60;

/// Choices being made on the current step, before they are handed to the engine.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choice {
    /// The value on the (first) scale.
    pub value: Option<u8>,
    /// The second scale (felt validated on the rating screen).
    pub second: Option<u8>,
    /// Which scale has focus: 0 or 1.
    pub row: usize,
    /// Yes/no: consent to go deeper (default yes), bring a prompt to the next talk.
    pub flag: bool,
}

pub struct TalkScreen {
    pub talk: Talk,
    pub deck_title: String,
    pub choice: Choice,
    /// Time on the current speaker card (also the solo reflection).
    pub watch: Stopwatch,
    /// When the current break began.
    pub break_since: Option<Instant>,
    /// The private note or written reflection of this turn, or an appreciation.
    pub text: TextArea<'static>,
    /// Whether keys go to `text`.
    pub writing: bool,
    /// The step the screen state belongs to; a new step resets it.
    seen: Step,
    /// A plain line shown at the bottom (saving trouble, notes off, ...).
    pub notice: Option<String>,
    pub theme: Theme,
    pub demo: bool,
    /// The time the views compare against for the countdown.
    pub now: Instant,
}

impl TalkScreen {
    pub fn new(talk: Talk, deck_title: String, theme: Theme, demo: bool, now: Instant) -> Self {
        let seen = talk.step();
        let mut screen = TalkScreen {
            talk,
            deck_title,
            choice: Choice::default(),
            watch: Stopwatch::started(now),
            break_since: None,
            text: TextArea::default(),
            writing: false,
            seen,
            notice: None,
            theme,
            demo,
            now,
        };
        screen.enter_step(now);
        screen
    }

    /// Reset what belongs to one step when the engine has moved on.
    pub fn sync(&mut self, now: Instant) {
        self.now = now;
        let step = self.talk.step();
        if step != self.seen {
            let was_break = self.seen == Step::Break;
            self.seen = step;
            if step == Step::Break {
                self.break_since = Some(now);
            } else if !was_break {
                self.enter_step(now);
            }
        }
    }

    fn enter_step(&mut self, now: Instant) {
        self.choice = Choice {
            flag: matches!(self.talk.step(), Step::DeeperConsent { .. }),
            ..Choice::default()
        };
        self.watch = Stopwatch::started(now);
        self.text = TextArea::default();
        self.text.set_placeholder_text(match self.talk.step() {
            Step::Reflection => "Write here...",
            Step::Appreciation { .. } => "One thing you appreciated (optional)",
            _ => "A private note, only for you (optional)",
        });
        self.writing = matches!(
            self.talk.step(),
            Step::Reflection | Step::Appreciation { .. }
        ) && self.talk.keeps_notes();
    }

    /// When the screen next needs a redraw without a key: the running countdown or the
    /// break's clock, once a second. `None` when nothing on screen moves.
    pub fn next_tick(&self, now: Instant) -> Option<Instant> {
        match self.talk.step() {
            Step::Speaker => {
                let total = self.talk.progress()?.timer_seconds?;
                if self.watch.left(total, now) == 0 {
                    None
                } else {
                    self.watch.next_second(now)
                }
            }
            Step::Break => {
                let since = self.break_since?;
                let spent = now.saturating_duration_since(since);
                (spent.as_secs() < u64::from(BREAK_SECONDS))
                    .then(|| since + std::time::Duration::from_secs(spent.as_secs() + 1))
            }
            _ => None,
        }
    }

    /// The text written on this step, newlines kept.
    fn written(&self) -> String {
        self.text.lines().join("\n").trim().to_string()
    }

    pub fn handle_key(&mut self, key: KeyEvent, now: Instant) -> Option<Action> {
        self.now = now;
        if self.writing {
            return self.handle_writing(key);
        }
        let step = self.talk.step();
        // Keys that mean the same on every step of a talk.
        match key.code {
            KeyCode::Char('?') => return Some(Action::ShowHelp),
            KeyCode::Esc | KeyCode::Char('q') => return Some(Action::AskQuit),
            KeyCode::Char('b') if step != Step::Break && step != Step::Summary => {
                return Some(Action::Talk(Input::Break));
            }
            _ => {}
        }
        match step {
            Step::CheckIn { partner } | Step::MoodAfter { partner } => self
                .scale_key(key, 5)
                .map(|value| Action::Talk(Input::Mood { partner, value })),
            Step::Closeness { partner } => self
                .scale_key(key, 7)
                .map(|value| Action::Talk(Input::Closeness { partner, value })),
            Step::ListenerGuess => self
                .scale_key(key, 5)
                .map(|v| Action::Talk(Input::Guess(v))),
            Step::Rating => self.rating_key(key),
            Step::Clarity => match key.code {
                KeyCode::Char(' ') | KeyCode::Char('m') => {
                    self.choice.flag = !self.choice.flag;
                    None
                }
                _ => self.scale_key(key, 5).map(|clarity| {
                    Action::Talk(Input::Clarity {
                        clarity,
                        bring_to_talk: self.choice.flag,
                    })
                }),
            },
            Step::DeeperConsent { partner } => match key.code {
                KeyCode::Left | KeyCode::Right | KeyCode::Tab | KeyCode::Up | KeyCode::Down => {
                    self.choice.flag = !self.choice.flag;
                    None
                }
                KeyCode::Char('y') => Some(Action::Talk(Input::Consent { partner, yes: true })),
                KeyCode::Char('n') => Some(Action::Talk(Input::Consent {
                    partner,
                    yes: false,
                })),
                KeyCode::Enter => Some(Action::Talk(Input::Consent {
                    partner,
                    yes: self.choice.flag,
                })),
                _ => None,
            },
            Step::Speaker | Step::Reflection => match key.code {
                KeyCode::Enter => Some(Action::Talk(Input::Done {
                    note: self.written(),
                    seconds: Some(self.watch.elapsed(now).as_secs()),
                })),
                KeyCode::Char(' ') if step == Step::Speaker => {
                    self.watch.toggle(now);
                    None
                }
                KeyCode::Char('n') | KeyCode::Char('w') => {
                    if self.talk.keeps_notes() {
                        self.writing = true;
                    } else {
                        self.notice = Some(
                            "Notes are turned off in your settings, so nothing is written down."
                                .to_string(),
                        );
                    }
                    None
                }
                KeyCode::Char('s') => Some(Action::Talk(Input::Pass)),
                _ => None,
            },
            Step::Listener => match key.code {
                KeyCode::Enter => Some(Action::Talk(Input::Continue)),
                KeyCode::Char('s') => Some(Action::Talk(Input::Pass)),
                _ => None,
            },
            Step::Reveal { .. } => {
                (key.code == KeyCode::Enter).then_some(Action::Talk(Input::Continue))
            }
            Step::Appreciation { partner } => (key.code == KeyCode::Enter).then(|| {
                Action::Talk(Input::Appreciation {
                    partner,
                    text: self.written(),
                })
            }),
            Step::Break => (key.code == KeyCode::Enter).then_some(Action::Talk(Input::Resume)),
            // Reached only when saving the finished talk failed: Enter tries again.
            Step::Summary => (key.code == KeyCode::Enter).then_some(Action::RetrySave),
        }
    }

    /// Typing into the note, reflection or appreciation.
    fn handle_writing(&mut self, key: KeyEvent) -> Option<Action> {
        let step = self.talk.step();
        match key.code {
            KeyCode::Esc => {
                self.writing = false;
                None
            }
            // A one-line appreciation is sent with Enter; notes and reflections take
            // new lines, and Esc leaves the text.
            KeyCode::Enter if matches!(step, Step::Appreciation { .. }) => {
                let Step::Appreciation { partner } = step else {
                    return None;
                };
                Some(Action::Talk(Input::Appreciation {
                    partner,
                    text: self.written(),
                }))
            }
            KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => None,
            _ => {
                self.text.input(key);
                None
            }
        }
    }

    /// Number keys and arrows on a 1..=max scale; Enter hands the choice on (none chosen
    /// leaves it unanswered), `0` or Backspace clears it.
    fn scale_key(&mut self, key: KeyEvent, max: u8) -> Option<Option<u8>> {
        let value = if self.choice.row == 0 {
            &mut self.choice.value
        } else {
            &mut self.choice.second
        };
        match key.code {
            KeyCode::Char(c @ '1'..='9') => {
                let n = c as u8 - b'0';
                if n <= max {
                    *value = Some(n);
                }
                None
            }
            KeyCode::Char('0') | KeyCode::Backspace | KeyCode::Delete => {
                *value = None;
                None
            }
            KeyCode::Left | KeyCode::Char('h') => {
                *value = Some(value.map_or(1, |v| v.saturating_sub(1).max(1)));
                None
            }
            KeyCode::Right | KeyCode::Char('l') => {
                *value = Some(value.map_or(1, |v| (v + 1).min(max)));
                None
            }
            KeyCode::Enter => Some(self.choice.value),
            KeyCode::Char('s') => Some(None),
            _ => None,
        }
    }

    /// The two scales of the rating screen: ↑↓ or Tab between them, Enter on the first
    /// moves to the second, Enter on the second hands both on.
    fn rating_key(&mut self, key: KeyEvent) -> Option<Action> {
        match key.code {
            KeyCode::Up | KeyCode::Down | KeyCode::Tab | KeyCode::BackTab => {
                self.choice.row = 1 - self.choice.row;
                None
            }
            KeyCode::Enter if self.choice.row == 0 => {
                self.choice.row = 1;
                None
            }
            KeyCode::Enter => Some(Action::Talk(Input::Rate {
                felt_heard: self.choice.value,
                felt_validated: self.choice.second,
            })),
            KeyCode::Char('s') => None,
            KeyCode::Char('1'..='5') if self.choice.row == 0 => {
                // A number on the first scale answers it: on to the second.
                self.scale_key(key, 5);
                self.choice.row = 1;
                None
            }
            _ => {
                self.scale_key(key, 5);
                None
            }
        }
    }
}
