//! Merging two journals: the union of their talks, the same session id being the same talk.

use std::collections::HashMap;

use super::{Journal, Session, Timestamp};

/// Which copy of a talk both journals hold, in different versions, was kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub id: String,
    pub started_at: Timestamp,
    /// True when the other journal's copy replaced ours (it ended later).
    pub took_theirs: bool,
}

/// What a merge did: talks added, replaced by a later version, kept as ours, and how
/// many were already there exactly as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    pub added: Vec<String>,
    pub conflicts: Vec<Conflict>,
    pub unchanged: usize,
}

impl MergeReport {
    pub fn replaced(&self) -> usize {
        self.conflicts.iter().filter(|c| c.took_theirs).count()
    }

    pub fn kept(&self) -> usize {
        self.conflicts.iter().filter(|c| !c.took_theirs).count()
    }

    /// True when the merge changes nothing, so nothing needs writing.
    pub fn is_noop(&self) -> bool {
        self.added.is_empty() && self.replaced() == 0
    }
}

/// Merge `theirs` into `ours`. A talk only they have is added; a talk both have in
/// different versions keeps the one that ended later (a missing end counts as the
/// earliest; on a tie ours stays). The result is sorted by start time; talks that
/// started at the same instant keep their order. Our file-level fields are kept.
pub fn merge(ours: &Journal, theirs: &Journal) -> (Journal, MergeReport) {
    let mut result = ours.clone();
    let mut report = MergeReport::default();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (i, session) in result.sessions.iter().enumerate() {
        index.entry(session.id.clone()).or_insert(i);
    }
    for theirs in &theirs.sessions {
        match index.get(&theirs.id) {
            None => {
                index.insert(theirs.id.clone(), result.sessions.len());
                result.sessions.push(theirs.clone());
                report.added.push(theirs.id.clone());
            }
            Some(&i) if result.sessions[i] == *theirs => report.unchanged += 1,
            Some(&i) => {
                let took_theirs = ended_later(theirs, &result.sessions[i]);
                if took_theirs {
                    result.sessions[i] = theirs.clone();
                }
                report.conflicts.push(Conflict {
                    id: theirs.id.clone(),
                    started_at: result.sessions[i].started_at.clone(),
                    took_theirs,
                });
            }
        }
    }
    if !report.is_noop() {
        result.sessions.sort_by_key(|s| s.started_at.at());
    }
    (result, report)
}

/// Whether `a` ended strictly later than `b`; a talk with no end is the earliest.
fn ended_later(a: &Session, b: &Session) -> bool {
    match (&a.ended_at, &b.ended_at) {
        (Some(a), Some(b)) => a.at() > b.at(),
        (Some(_), None) => true,
        (None, _) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::SessionMode;
    use crate::mode::Mode;

    fn session(id: &str, start: &str, end: Option<&str>, deck: &str) -> Session {
        Session {
            id: id.to_string(),
            mode: SessionMode::Known(Mode::Couple),
            started_at: Timestamp::parse(start).unwrap(),
            ended_at: end.map(|e| Timestamp::parse(e).unwrap()),
            completed: end.is_some(),
            deck_id: deck.to_string(),
            partners: vec!["Ana".into(), "Ben".into()],
            mood_before: vec![],
            mood_after: vec![],
            closeness: vec![],
            turns: vec![],
            extra: Default::default(),
        }
    }

    fn journal(sessions: Vec<Session>) -> Journal {
        Journal {
            sessions,
            ..Journal::default()
        }
    }

    #[test]
    fn union_sorted_by_start_instant() {
        // 20:00+01:00 is 19:00Z, before 19:30Z written in another offset.
        let ours = journal(vec![session("b", "2026-11-26T19:30:00Z", None, "x")]);
        let theirs = journal(vec![session("a", "2026-11-26T20:00:00+01:00", None, "x")]);
        let (merged, report) = merge(&ours, &theirs);
        let ids: Vec<_> = merged.sessions.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(report.added, ["a"]);
    }

    #[test]
    fn merging_twice_is_merging_once() {
        let ours = journal(vec![session("a", "2026-11-26T19:30:00Z", None, "x")]);
        let theirs = journal(vec![
            session("b", "2026-11-27T19:30:00Z", None, "x"),
            session("a", "2026-11-26T19:30:00Z", None, "x"),
        ]);
        let (once, _) = merge(&ours, &theirs);
        let (twice, report) = merge(&once, &theirs);
        assert_eq!(once, twice);
        assert!(report.is_noop());
        assert_eq!(report.unchanged, 2);
    }

    #[test]
    fn the_later_end_wins_and_a_tie_keeps_ours() {
        let start = "2026-11-26T19:00:00Z";
        let ours = journal(vec![
            session("later-theirs", start, Some("2026-11-26T19:10:00Z"), "ours"),
            session("tie", start, Some("2026-11-26T20:10:00+01:00"), "ours"),
            session("no-end-theirs", start, Some("2026-11-26T19:10:00Z"), "ours"),
        ]);
        let theirs = journal(vec![
            session(
                "later-theirs",
                start,
                Some("2026-11-26T19:40:00Z"),
                "theirs",
            ),
            session("tie", start, Some("2026-11-26T19:10:00Z"), "theirs"),
            session("no-end-theirs", start, None, "theirs"),
        ]);
        let (merged, report) = merge(&ours, &theirs);
        let decks: Vec<_> = merged.sessions.iter().map(|s| s.deck_id.as_str()).collect();
        assert_eq!(decks, ["theirs", "ours", "ours"]);
        assert_eq!((report.replaced(), report.kept()), (1, 2));
    }
}
