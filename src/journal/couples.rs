//! Who is a couple: the two names of a talk for two, trimmed, in any case, in either order.
//!
//! The one place that decides it; stats, the command line, Look back and the summary all ask
//! here, so "Ana & Ben" and " ben , ANA" are one couple everywhere, and Ana with Cam never
//! is. Choices made here once:
//! - A couple is shown with the names as its latest talk wrote them (trimmed).
//! - A talk for two that does not name exactly two people belongs to no couple: it counts in
//!   the figures over all talks, and in no couple's.
//! - A reflection alone (any session that is not a talk for two) belongs to its writer, and
//!   so to every couple its writer is one of; a couple's views show only that it happened.
//! - Couples are listed newest first: by their latest talk, of equals the later in the file.

use chrono::{DateTime, FixedOffset};

use super::{Journal, Session};

/// A name as couples are matched: trimmed and lower-cased ("  Ana " is "ana"). The two
/// letters whose capitals lower-case to something else are folded too, so "STRASSER" is
/// "Straßer" and a Greek final sigma is a sigma.
pub fn folded(name: &str) -> String {
    name.trim()
        .to_lowercase()
        .replace('ß', "ss")
        .replace('ς', "σ")
}

/// A couple as matched: both names folded, in sorted order, so order and case do not
/// matter. Two different pairs never make the same key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CoupleKey([String; 2]);

impl CoupleKey {
    /// The couple of two names; `None` when either is empty after trimming.
    pub fn of_names(a: &str, b: &str) -> Option<CoupleKey> {
        let (a, b) = (folded(a), folded(b));
        if a.is_empty() || b.is_empty() {
            return None;
        }
        Some(if a <= b {
            CoupleKey([a, b])
        } else {
            CoupleKey([b, a])
        })
    }

    /// The couple of a talk for two that names two people; `None` for anything else.
    pub fn of(session: &Session) -> Option<CoupleKey> {
        match (session.is_couple(), &session.partners[..]) {
            (true, [a, b]) => CoupleKey::of_names(a, b),
            _ => None,
        }
    }

    /// Whether `name` (trimmed, in any case) is one of the two.
    pub fn includes(&self, name: &str) -> bool {
        let name = folded(name);
        self.0.contains(&name)
    }

    /// The two folded names, sorted: what is remembered for next time.
    pub fn folded_names(&self) -> &[String; 2] {
        &self.0
    }

    /// `--couple "Ana,Ben"`: two different names separated by a comma. The error says what
    /// the value should look like.
    pub fn parse(text: &str) -> Result<CoupleKey, String> {
        let names: Vec<&str> = text.split(',').map(str::trim).collect();
        match names[..] {
            [a, b] if !a.is_empty() && !b.is_empty() => {
                if folded(a) == folded(b) {
                    Err(format!(
                        "the two names are the same ({a}): give both partners' names, like \"Ana,Ben\""
                    ))
                } else {
                    CoupleKey::of_names(a, b).ok_or_else(|| "takes two names".to_string())
                }
            }
            _ => Err(
                "takes the two partners' names separated by a comma, like \"Ana,Ben\"".to_string(),
            ),
        }
    }
}

/// A couple in a journal: who, how many talks for two, and when the latest was.
#[derive(Debug, Clone, PartialEq)]
pub struct Couple {
    pub key: CoupleKey,
    /// The names as the couple's latest talk wrote them, trimmed, in that talk's order.
    pub names: [String; 2],
    /// Talks for two, finished or not.
    pub sessions: usize,
    pub last: DateTime<FixedOffset>,
}

impl Couple {
    /// "Ana & Ben".
    pub fn label(&self) -> String {
        format!("{} & {}", self.names[0], self.names[1])
    }

    /// Write the session's names as this couple's latest talk writes them, so that in the
    /// couple's own views " ben" and "Ben" are one person with one name.
    pub fn respell(&self, session: &mut Session) {
        for name in &mut session.partners {
            if let Some(latest) = self.names.iter().find(|n| folded(n) == folded(name)) {
                name.clone_from(latest);
            }
        }
    }
}

/// Every couple in `sessions`, newest first.
pub fn couples_in<'a>(sessions: impl IntoIterator<Item = &'a Session>) -> Vec<Couple> {
    let mut found: Vec<Couple> = Vec::new();
    for session in sessions {
        let Some(key) = CoupleKey::of(session) else {
            continue;
        };
        let at = session.started_at.at();
        let names = [0, 1].map(|i| session.partners[i].trim().to_string());
        match found.iter_mut().find(|c| c.key == key) {
            Some(couple) => {
                couple.sessions += 1;
                // Of two talks at the same instant the later in the file writes the names.
                if at >= couple.last {
                    couple.last = at;
                    couple.names = names;
                }
            }
            None => found.push(Couple {
                key,
                names,
                sessions: 1,
                last: at,
            }),
        }
    }
    // Stable, so couples whose latest talks start together keep the file's order reversed.
    found.reverse();
    found.sort_by_key(|c| std::cmp::Reverse(c.last));
    found
}

/// Every couple in the journal, newest first.
pub fn couples(journal: &Journal) -> Vec<Couple> {
    couples_in(&journal.sessions)
}

/// Whether `session` is this couple's: one of their talks for two, or a reflection alone
/// written by one of them.
pub fn belongs(session: &Session, key: &CoupleKey) -> bool {
    if session.is_couple() {
        CoupleKey::of(session).as_ref() == Some(key)
    } else {
        key.includes(session.partner_name(0))
    }
}

/// The journal with only this couple's sessions (their talks and their own reflections),
/// each named as the couple's latest talk names them.
pub fn of_couple(journal: &Journal, couple: &Couple) -> Journal {
    Journal {
        sessions: journal
            .sessions
            .iter()
            .filter(|s| belongs(s, &couple.key))
            .map(|s| {
                let mut s = s.clone();
                couple.respell(&mut s);
                s
            })
            .collect(),
        format: journal.format.clone(),
        version: journal.version,
        extra: journal.extra.clone(),
    }
}

/// The couple asked for on the command line, if the journal has it.
pub fn find(journal: &Journal, asked: &CoupleKey) -> Option<Couple> {
    couples(journal).into_iter().find(|c| &c.key == asked)
}

/// The talks for two of `sessions`, moved (not copied) into one journal per couple, newest
/// couple first, each named as the couple's latest talk names them. Reflections alone and talks of no couple are dropped: for the figures,
/// which count talks for two only, over a journal too large to copy.
pub fn split_by_couple(template: &Journal, sessions: Vec<Session>) -> Vec<(Couple, Journal)> {
    let found = couples_in(&sessions);
    let mut out: Vec<(Couple, Journal)> = found
        .into_iter()
        .map(|c| {
            let journal = Journal {
                format: template.format.clone(),
                version: template.version,
                sessions: Vec::with_capacity(c.sessions),
                extra: super::Extra::new(),
            };
            (c, journal)
        })
        .collect();
    for session in sessions {
        let Some(key) = CoupleKey::of(&session) else {
            continue;
        };
        if let Some((couple, journal)) = out.iter_mut().find(|(c, _)| c.key == key) {
            let mut session = session;
            couple.respell(&mut session);
            journal.sessions.push(session);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_case_and_spaces_do_not_matter() {
        let key = CoupleKey::of_names("Ana", "Ben").unwrap();
        assert_eq!(CoupleKey::of_names(" ben ", "ANA"), Some(key.clone()));
        assert_eq!(CoupleKey::parse(" BEN,ana "), Ok(key.clone()));
        assert!(key.includes(" aNa"));
        assert!(!key.includes("Cam"));
        assert_ne!(CoupleKey::of_names("Ana", "Cam"), Some(key));
    }

    #[test]
    fn a_couple_needs_two_different_names() {
        assert!(CoupleKey::parse("Ana").is_err());
        assert!(CoupleKey::parse("Ana,").is_err());
        assert!(CoupleKey::parse("Ana,Ben,Cam").is_err());
        assert!(CoupleKey::parse("Ana, ana").unwrap_err().contains("same"));
        assert_eq!(CoupleKey::of_names("Ana", "  "), None);
        assert_eq!(folded("STRASSER"), folded("Straßer"));
    }
}
