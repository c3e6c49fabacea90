//! The summary after a talk: how heard and validated each felt, against their usual (this
//! couple's own talks only); mood and closeness; what each appreciated; that it was saved.

use chrono::{DateTime, FixedOffset, NaiveDate};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::journal::privacy::same_name;
use crate::journal::stats::{self, Stats, mean};
use crate::journal::{Journal, Session, appreciations, couples};
use crate::reflection;
use crate::text::one_line;
use crate::tui::action::Action;
use crate::tui::keymap::{self, Binding};
use crate::tui::storage::Saved;
use crate::tui::theme::Theme;
use crate::tui::widgets::chrome::Chrome;
use crate::words;

/// What a key does on the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Command {
    Home,
    History,
    Help,
}

/// Every key of the summary, in footer order.
const KEYS: &[Binding<Command>] = &[
    Binding {
        keys: &[KeyCode::Enter, KeyCode::Esc, KeyCode::Char('q')],
        shown: "Enter",
        hint: Some("home"),
        help: "back home (Esc and q too)",
        command: Command::Home,
    },
    Binding {
        keys: &[KeyCode::Char('h')],
        shown: "h",
        hint: Some("look back"),
        help: "look back at your talks so far",
        command: Command::History,
    },
    Binding {
        keys: &[KeyCode::Char('?')],
        shown: "?",
        hint: Some("help"),
        help: "",
        command: Command::Help,
    },
];

pub struct Summary {
    pub session: Session,
    pub deck_title: String,
    /// The couple's figures before this talk.
    pub usual: Stats,
    pub saved: Saved,
    /// The day of the talk before this one.
    pub last_before: Option<NaiveDate>,
    pub today: NaiveDate,
    pub minutes: i64,
    pub theme: Theme,
    pub demo: bool,
    /// A break was taken during the talk (the app knows; a prompt talk does not keep it).
    pub after_break: bool,
}

fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_string(), |v| format!("{v:.1}"))
}

fn level(value: Option<u8>) -> String {
    value.map_or_else(|| "-".to_string(), |v| v.to_string())
}

impl Summary {
    pub fn new(
        session: Session,
        deck_title: String,
        before: &Journal,
        saved: Saved,
        now: DateTime<FixedOffset>,
        theme: Theme,
        demo: bool,
    ) -> Summary {
        // "Usual" is this couple's own: never another couple's talks, even with a name in common.
        let usual = match couples::CoupleKey::of(&session) {
            Some(key) => {
                // Only their talks for two, not their reflections alone.
                let theirs: Vec<&Session> = before
                    .sessions
                    .iter()
                    .filter(|s| s.is_couple() && couples::belongs(s, &key))
                    .collect();
                stats::compute_over(&theirs, now)
            }
            None => stats::compute(before, None, now),
        };
        let key = couples::CoupleKey::of(&session);
        let last_before = before
            .sessions
            .iter()
            .filter(|s| s.mode == session.mode)
            .filter(|s| key.as_ref().is_none_or(|k| couples::belongs(s, k)))
            .map(|s| s.started_at.local_date())
            .max();
        let minutes = session.ended_at.as_ref().map_or(0, |end| {
            (end.at() - session.started_at.at()).num_minutes().max(0)
        });
        Summary {
            session,
            deck_title,
            usual,
            saved,
            last_before,
            today: now.date_naive(),
            minutes,
            theme,
            demo,
            after_break: false,
        }
    }

    /// After a talk whose ratings were low, or with a break in it, "After a hard moment"
    /// is suggested for later, in one kind sentence; never after that talk itself.
    fn suggests_repair(&self) -> bool {
        let session = &self.session;
        if !session.is_couple() || session.kind() == crate::repair::session::KIND {
            return false;
        }
        let low = |v: Option<u8>| v.is_some_and(|v| v <= 2);
        let rated_low =
            (session.rated().iter()).any(|r| low(r.felt_heard) || low(r.felt_validated));
        let breaks = session
            .extra
            .get("breaks")
            .and_then(serde_json::Value::as_u64);
        rated_low || self.after_break || breaks.unwrap_or(0) > 0
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Option<Action> {
        Some(match keymap::find(KEYS, &key)? {
            Command::Home => Action::Back,
            Command::History => Action::OpenHistory,
            Command::Help => Action::ShowHelp,
        })
    }

    /// The keys of this screen for the help overlay.
    pub fn keys(&self) -> Vec<(&'static str, &'static str)> {
        keymap::help_lines(KEYS)
    }

    /// This talk's felt heard and felt validated for partner `index`.
    fn felt(&self, index: usize) -> (Option<f64>, Option<f64>) {
        let rated = self.session.rated();
        let theirs = || rated.iter().filter(move |t| t.speaker == index);
        (
            mean(theirs().filter_map(|t| t.felt_heard)),
            mean(theirs().filter_map(|t| t.felt_validated)),
        )
    }

    fn usual_for(&self, name: &str) -> (Option<f64>, Option<f64>) {
        self.usual
            .by_partner
            .iter()
            .find(|p| same_name(&p.name, name))
            .map_or((None, None), |p| (p.felt_heard_avg, p.felt_validated_avg))
    }

    fn couple_lines(&self, width: u16) -> Vec<Line<'static>> {
        let theme = self.theme;
        // Narrow windows get shorter headings and columns.
        let (name_w, col_w, heads) = if width >= 70 {
            (10, 16, words::SUMMARY_HEADS)
        } else {
            (8, 12, words::SUMMARY_HEADS_NARROW)
        };
        let mut lines = vec![Line::styled(
            format!(
                "{:<name_w$} {:<col_w$} {:<col_w$} {:<7} {}",
                "", heads[0], heads[1], heads[2], heads[3]
            ),
            theme.muted(),
        )];
        let mut remarks = Vec::new();
        for (i, name) in self.session.partners.iter().enumerate() {
            let shown = crate::text::fit(&one_line(name), name_w);
            let (heard, validated) = self.felt(i);
            let (usual_heard, usual_validated) = self.usual_for(name);
            let with_usual = |now: Option<f64>, usual: Option<f64>| match usual {
                Some(u) => format!("{} ({:.1})", figure(now), u),
                None => figure(now),
            };
            let mood = format!(
                "{}→{}",
                level(self.session.mood_before.get(i).copied().flatten()),
                level(self.session.mood_after.get(i).copied().flatten())
            );
            lines.push(Line::styled(
                format!(
                    "{shown} {} {} {} {}",
                    crate::text::left(&with_usual(heard, usual_heard), col_w),
                    crate::text::left(&with_usual(validated, usual_validated), col_w),
                    crate::text::left(&mood, 7),
                    level(self.session.closeness.get(i).copied().flatten()),
                ),
                theme.text(),
            ));
            if let (Some(now), Some(usual)) = (heard, usual_heard) {
                let name = one_line(name).into_owned();
                if now - usual >= 0.5 {
                    remarks.push(words::felt_more_heard(&name));
                } else if usual - now >= 0.5 {
                    remarks.push(words::felt_less_heard(&name));
                }
            }
        }
        if self.usual.sessions > 0 {
            lines.push(Line::styled(words::SUMMARY_USUAL, theme.muted()));
        }
        lines.push(Line::raw(""));
        lines.extend(
            remarks
                .into_iter()
                .map(|r| Line::styled(r, theme.heading())),
        );
        // Shared like the ratings (SPEC section 6): both heard them said.
        let appreciated = appreciations::of(&self.session);
        for a in &appreciated {
            let line = words::appreciated_line(&one_line(&a.from), &one_line(&a.to), &a.words);
            lines.push(Line::styled(one_line(&line).into_owned(), theme.text()));
        }
        if !appreciated.is_empty() {
            lines.push(Line::raw(""));
        }
        lines
    }

    /// An understand talk: each sender's three ratings, how many tries it took, and who
    /// named a small step (not its words: typed text is its writer's, SPEC section 6).
    fn understand_lines(&self, width: u16) -> Vec<Line<'static>> {
        let theme = self.theme;
        let (name_w, col_w, heads) = if width >= 70 {
            (10, 16, words::FLOW_SUMMARY_HEADS)
        } else {
            (8, 11, words::FLOW_SUMMARY_HEADS_NARROW)
        };
        let extra = &self.session.extra;
        if extra.get("later").and_then(serde_json::Value::as_bool) == Some(true) {
            return vec![Line::styled(words::PUT_OFF, theme.text()), Line::raw("")];
        }
        let mut lines = vec![Line::styled(
            format!(
                "{:<name_w$} {:<col_w$} {:<col_w$} {}",
                "", heads[0], heads[1], heads[2]
            ),
            theme.muted(),
        )];
        let ratings = self.session.round_ratings();
        for (sender, felt) in &ratings {
            let name = self.session.partner_name(*sender);
            let shown = crate::text::fit(&one_line(name), name_w);
            let [heard, validated, cared] = felt.map(level);
            lines.push(Line::styled(
                format!(
                    "{shown} {} {} {cared}",
                    crate::text::left(&heard, col_w),
                    crate::text::left(&validated, col_w)
                ),
                theme.text(),
            ));
        }
        lines.push(Line::raw(""));
        let rounds = extra.get("rounds").and_then(serde_json::Value::as_array);
        for round in rounds.into_iter().flatten() {
            let sender = round.get("sender").and_then(serde_json::Value::as_u64);
            let name =
                one_line(self.session.partner_name(sender.unwrap_or(0) as usize)).into_owned();
            let line = if round.get("got_it").and_then(serde_json::Value::as_bool) == Some(true) {
                let pieces = round.get("pieces").and_then(serde_json::Value::as_u64);
                words::understood_after(&name, pieces.unwrap_or(1))
            } else {
                words::floor_unconfirmed(&name)
            };
            lines.push(Line::styled(line, theme.text()));
        }
        let steps = extra.get("steps").and_then(serde_json::Value::as_array);
        for step in steps.into_iter().flatten() {
            let partner = step.get("partner").and_then(serde_json::Value::as_u64);
            let name =
                one_line(self.session.partner_name(partner.unwrap_or(0) as usize)).into_owned();
            lines.push(Line::styled(words::named_a_small_step(&name), theme.text()));
        }
        lines.push(Line::raw(""));
        lines
    }

    /// "Thu 26 Nov · Rekindle · 3 prompts · 24 minutes", or a conversation's kind and rounds.
    fn heading(&self) -> String {
        let session = &self.session;
        let date = session.started_at.at().format("%a %-d %b").to_string();
        match crate::activity::Kind::of_flow(session.kind()) {
            Some(kind) => {
                let rounds = session.round_ratings().len();
                words::flow_summary_heading(&date, words::kind_title(kind), rounds, self.minutes)
            }
            None => {
                let mut ids: Vec<&str> =
                    session.turns.iter().map(|t| t.prompt_id.as_str()).collect();
                ids.dedup();
                let deck = one_line(&self.deck_title);
                words::summary_heading(&date, &deck, ids.len(), self.minutes)
            }
        }
    }

    /// What the talk was, by its kind: the ratings of a talk for two, an understand talk's
    /// rounds, a conversation told (shared words only), a reflection's topic.
    fn body_lines(&self, width: u16) -> Vec<Line<'static>> {
        use crate::journal::flow_lines::{self, Tone};
        let session = &self.session;
        let theme = self.theme;
        if session.kind() == crate::understand::session::KIND {
            return self.understand_lines(width);
        }
        if crate::activity::Kind::of_flow(session.kind()).is_some() {
            let told = flow_lines::lines(session, crate::journal::privacy::Reader::Shared);
            let mut lines: Vec<Line<'static>> = (told.into_iter())
                .map(|(tone, line)| match tone {
                    Tone::Heading => Line::styled(line, theme.heading()),
                    Tone::Text => Line::styled(line, theme.text()),
                    Tone::Quiet => Line::styled(line, theme.muted()),
                })
                .collect();
            lines.push(Line::raw(""));
            return lines;
        }
        if session.is_couple() {
            return self.couple_lines(width);
        }
        let mut lines = self.solo_lines();
        lines.push(Line::raw(""));
        lines
    }

    fn solo_lines(&self) -> Vec<Line<'static>> {
        let theme = self.theme;
        let answered = self.session.turns.iter().filter(|t| !t.skipped).count();
        let extra = &self.session.extra;
        let brings = extra.get(reflection::TOPIC).map(|_| {
            extra
                .get(reflection::BRING)
                .and_then(serde_json::Value::as_bool)
                == Some(true)
        });
        let clarity = mean(self.session.turns.iter().filter_map(|t| t.clarity()));
        let mut lines = vec![Line::styled(words::reflected_on(answered), theme.text())];
        if let Some(clarity) = clarity {
            lines.push(Line::styled(words::clarity_average(clarity), theme.text()));
        }
        lines.push(Line::styled(words::topic_waits(brings), theme.heading()));
        lines
    }
}

impl Widget for &Summary {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let hints = keymap::hints(KEYS);
        let inner = Chrome {
            title: words::SUMMARY_TITLE,
            right: None,
            hints: &hints,
            demo: self.demo,
            theme,
        }
        .render(area, buf);
        let body = if inner.width >= 70 {
            inner.inner(Margin::new(3, 1))
        } else {
            inner.inner(Margin::new(1, 0))
        };
        let session = &self.session;
        let mut lines = vec![Line::styled(self.heading(), theme.heading()), Line::raw("")];
        lines.extend(self.body_lines(body.width));
        let saved = match &self.saved {
            Saved::Journal(_) => words::SUMMARY_SAVED.to_string(),
            Saved::Memory => words::SUMMARY_SAVED_DEMO.to_string(),
            Saved::NotKept => words::SUMMARY_NOT_SAVED.to_string(),
            Saved::NewerJournal => words::NOT_SAVED_NEWER.to_string(),
        };
        let last = self
            .last_before
            .map(|day| words::last_one_before(&stats::since_words(day, self.today)));
        lines.push(Line::styled(
            format!("{saved}{}", last.unwrap_or_default()),
            theme.muted(),
        ));
        if self.suggests_repair() {
            lines.push(Line::raw(""));
            lines.push(Line::styled(words::HARD_MOMENT_LATER, theme.text()));
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            if session.is_couple() {
                words::SUMMARY_THANKS_COUPLE
            } else {
                words::SUMMARY_THANKS_SOLO
            },
            theme.text(),
        ));
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(body, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The summary of a talk for two is a shared view: its notes' words never show.
    #[test]
    fn a_talks_summary_shows_no_note() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+01:00").unwrap();
        let journal = crate::demo::sample_journal(now);
        let mut session = journal
            .sessions
            .iter()
            .find(|s| s.is_couple())
            .unwrap()
            .clone();
        for turn in &mut session.turns {
            turn.note = Some("SECRET-NOTE-WORDS".to_string());
        }
        let summary = Summary::new(
            session,
            "Rekindle".to_string(),
            &journal,
            Saved::Memory,
            now,
            Theme::new(false),
            false,
        );
        for (width, height) in [(80, 24), (120, 40)] {
            let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
            (&summary).render(buf.area, &mut buf);
            let text: String = buf.content().iter().map(|c| c.symbol()).collect();
            assert!(text.contains("heard"), "{text}");
            assert!(!text.contains("SECRET"), "{text}");
        }
    }

    /// Names with an emoji or CJK characters take two columns a character: the figures
    /// after the name start at the same display column on every row.
    #[test]
    fn wide_names_do_not_shift_the_columns() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+01:00").unwrap();
        let journal = crate::demo::sample_journal(now);
        let mut session = journal
            .sessions
            .iter()
            .find(|s| s.is_couple())
            .unwrap()
            .clone();
        session.partners = vec!["Bén 😀".to_string(), "山田".to_string()];
        let summary = Summary::new(
            session,
            "Rekindle".to_string(),
            &journal,
            Saved::Memory,
            now,
            Theme::new(false),
            false,
        );
        for width in [60, 80] {
            let lines: Vec<String> = summary
                .couple_lines(width)
                .iter()
                .map(ToString::to_string)
                .collect();
            let rows: Vec<&String> = lines
                .iter()
                .filter(|l| l.starts_with("Bén") || l.starts_with("山田"))
                .collect();
            assert_eq!(rows.len(), 2, "{lines:?}");
            // Where the first figure starts, and where the mood's arrow is.
            let first = |l: &str| {
                let name = if l.starts_with("Bén") {
                    "Bén 😀"
                } else {
                    "山田"
                };
                let rest = &l[name.len()..];
                unicode_width::UnicodeWidthStr::width(name) + rest.len() - rest.trim_start().len()
            };
            let arrow = |l: &str| unicode_width::UnicodeWidthStr::width(&l[..l.find('→').unwrap()]);
            assert_eq!(first(rows[0]), first(rows[1]), "{rows:?}");
            assert_eq!(arrow(rows[0]), arrow(rows[1]), "{rows:?}");
        }
    }

    /// "Your usual" is the couple's own: another couple's talks, in the same journal, are
    /// never anyone's usual, and neither is their last talk "the last one before this".
    #[test]
    fn the_usual_is_this_couples_own() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+01:00").unwrap();
        let journal = crate::demo::sample_journal(now);
        let theirs = journal.sessions.iter().find(|s| s.is_couple()).unwrap();
        let mut ours = theirs.clone();
        ours.partners = vec!["Ana".to_string(), "Ben".to_string()];
        let summary = |session: &Session| {
            Summary::new(
                session.clone(),
                "Rekindle".to_string(),
                &journal,
                Saved::Memory,
                now,
                Theme::new(false),
                false,
            )
        };
        ours.extra.insert(
            "appreciations".to_string(),
            serde_json::json!(["You made tea", null]),
        );
        let new_couple = summary(&ours);
        assert_eq!(new_couple.usual.sessions, 0);
        let mut buf = Buffer::empty(Rect::new(0, 0, 80, 24));
        (&new_couple).render(buf.area, &mut buf);
        let text: String = buf.content().iter().map(|c| c.symbol()).collect();
        assert!(
            text.contains("Ana appreciated Ben: \u{201c}You made tea\u{201d}"),
            "{text}"
        );
        assert_eq!(new_couple.last_before, None);
        let mut swapped = theirs.clone();
        swapped.partners.reverse();
        let same_couple = summary(&swapped);
        assert!(same_couple.usual.sessions > 1);
        assert!(same_couple.last_before.is_some());
    }

    #[test]
    fn the_footer_is_what_it_was_before_the_table() {
        assert_eq!(
            keymap::hints(KEYS),
            [("Enter", "home"), ("h", "look back"), ("?", "help")]
        );
    }
}
