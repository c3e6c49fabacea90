//! What partners appreciated about each other at the close of a talk, read from the session's
//! `"appreciations": [text or null, ...]` (one per partner, the writer's index). Shared by
//! default (SPEC section 6): both heard it said, so every shared view may show the words.
//!
//! Only a written line is kept by a talk (a `null` says that partner wrote none, or that the
//! config keeps no free text), so a line here always has words.

use serde_json::Value;

use super::Session;
use crate::mode::Partner;

/// One partner's line of appreciation for the other, in one talk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appreciation {
    /// Who wrote it, and whom it is for, as the talk names them.
    pub from: String,
    pub to: String,
    pub words: String,
}

/// The appreciations of a talk for two, in partner order.
pub fn of(session: &Session) -> Vec<Appreciation> {
    let Some(Value::Array(lines)) = session.extra.get("appreciations") else {
        return Vec::new();
    };
    if !session.is_couple() || session.partners.len() != 2 {
        return Vec::new();
    }
    lines
        .iter()
        .enumerate()
        .filter_map(|(i, line)| {
            let from = Partner::from_index(i)?;
            let words = line.as_str()?.trim();
            (!words.is_empty()).then(|| Appreciation {
                from: session.partner_name(from.index()).trim().to_string(),
                to: session
                    .partner_name(from.other().index())
                    .trim()
                    .to_string(),
                words: words.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_read_per_writer_and_nulls_skipped() {
        let mut session: Session = serde_json::from_value(serde_json::json!({
            "id": "x", "mode": "couple", "started_at": "2026-11-26T20:00:00+01:00",
            "ended_at": null, "completed": true, "deck_id": "d",
            "partners": ["Ana", "Ben"], "mood_before": [], "mood_after": [],
            "closeness": [], "turns": [],
            "appreciations": [null, "You made tea"]
        }))
        .unwrap();
        let found = of(&session);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].from.as_str(), found[0].to.as_str()),
            ("Ben", "Ana")
        );
        assert_eq!(found[0].words, "You made tea");
        session.extra.insert("appreciations".into(), Value::from(3));
        assert!(of(&session).is_empty());
    }
}
