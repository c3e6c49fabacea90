//! Who is a couple: the same two names in any order, case or spacing are one couple; two
//! different pairs never are; a reflection alone belongs to its writer's couples; and a
//! journal split by couple never puts one couple's talk with another's.

use heard::journal::Journal;
use heard::journal::couples::{self, CoupleKey};
use proptest::prelude::*;
use serde_json::json;

/// A name, and the same name as someone might type it again: other case, spaces around.
fn name() -> impl Strategy<Value = String> {
    "[A-Za-zÀ-ÿ]{1,8}"
}

fn spelled(name: &str, upper: bool, pad: (usize, usize)) -> String {
    let cased = if upper {
        name.to_uppercase()
    } else {
        name.to_lowercase()
    };
    format!("{}{cased}{}", " ".repeat(pad.0), " ".repeat(pad.1))
}

fn journal(sessions: serde_json::Value) -> Journal {
    serde_json::from_value(json!({"format": "heard-journal", "version": 1, "sessions": sessions}))
        .unwrap()
}

fn talk(id: &str, day: u32, partners: &[&str]) -> serde_json::Value {
    json!({
        "id": id, "mode": if partners.len() == 2 { "couple" } else { "solo" },
        "started_at": format!("2026-11-{day:02}T20:00:00+01:00"), "completed": true,
        "deck_id": "rekindle", "partners": partners,
        "mood_before": [], "mood_after": [], "closeness": [], "turns": []
    })
}

proptest! {
    #[test]
    fn either_order_any_case_and_spaces_are_one_couple(
        a in name(), b in name(),
        upper in any::<(bool, bool)>(),
        pads in any::<((u8, u8), (u8, u8))>(),
        swap in any::<bool>(),
    ) {
        let pad = |p: (u8, u8)| (usize::from(p.0 % 3), usize::from(p.1 % 3));
        let typed_a = spelled(&a, upper.0, pad(pads.0));
        let typed_b = spelled(&b, upper.1, pad(pads.1));
        let (first, second) = if swap { (&typed_b, &typed_a) } else { (&typed_a, &typed_b) };
        prop_assert_eq!(CoupleKey::of_names(&a, &b), CoupleKey::of_names(first, second));
        prop_assert_eq!(
            CoupleKey::parse(&format!("{first},{second}")).ok(),
            (a.to_lowercase() != b.to_lowercase()).then(|| CoupleKey::of_names(&a, &b).unwrap())
        );
    }

    #[test]
    fn different_pairs_are_never_one_couple(a in name(), b in name(), c in name(), d in name()) {
        let same_pair = {
            let mut x = [a.to_lowercase(), b.to_lowercase()];
            let mut y = [c.to_lowercase(), d.to_lowercase()];
            x.sort();
            y.sort();
            x == y
        };
        prop_assert_eq!(CoupleKey::of_names(&a, &b) == CoupleKey::of_names(&c, &d), same_pair);
    }

    /// However the talks of three couples (two sharing a name) are spelled and ordered,
    /// each couple's journal holds exactly its own talks, and the counts add up.
    #[test]
    fn splitting_by_couple_never_mixes_couples(
        picks in prop::collection::vec((0usize..3, any::<bool>(), any::<bool>()), 1..20),
    ) {
        let pairs = [["Ana", "Ben"], ["Ana", "Cam"], ["Jo", "Sam"]];
        let sessions: Vec<serde_json::Value> = picks
            .iter()
            .enumerate()
            .map(|(n, (pair, swap, shout))| {
                let [x, y] = pairs[*pair];
                let (x, y) = if *swap { (y, x) } else { (x, y) };
                let x = if *shout { format!(" {} ", x.to_uppercase()) } else { x.to_string() };
                talk(&format!("t{n}"), 1 + n as u32, &[&x, y])
            })
            .collect();
        let journal = journal(json!(sessions));
        let found = couples::couples(&journal);
        let used: std::collections::BTreeSet<usize> = picks.iter().map(|p| p.0).collect();
        prop_assert_eq!(found.len(), used.len());
        let split = couples::split_by_couple(&journal, journal.sessions.clone());
        let mut total = 0;
        for (couple, theirs) in &split {
            total += theirs.sessions.len();
            prop_assert_eq!(theirs.sessions.len(), couple.sessions);
            for session in &theirs.sessions {
                let key = CoupleKey::of(session);
                prop_assert_eq!(key.as_ref(), Some(&couple.key));
                // Named as the couple's latest talk names them.
                prop_assert!(session.partners.iter().all(|n| couple.names.contains(n)));
            }
        }
        prop_assert_eq!(total, journal.sessions.len());
        // Newest couple first.
        prop_assert!(found.windows(2).all(|w| w[0].last >= w[1].last));
    }
}

#[test]
fn a_reflection_belongs_to_every_couple_its_writer_is_in_and_no_other() {
    let journal = journal(json!([
        talk("a", 1, &["Ana", "Ben"]),
        talk("b", 2, &["Jo", "Sam"]),
        talk("c", 3, &[" ana "]),
        talk("d", 4, &["ben", "ANA"]),
    ]));
    let found = couples::couples(&journal);
    assert_eq!(found.len(), 2);
    // Ana & Ben talked last (day 4), written then as "ben", "ANA".
    assert_eq!(found[0].names, ["ben".to_string(), "ANA".to_string()]);
    assert_eq!(found[0].sessions, 2);
    assert_eq!(found[1].label(), "Jo & Sam");
    let ids = |c: &couples::Couple| -> Vec<String> {
        couples::of_couple(&journal, c)
            .sessions
            .iter()
            .map(|s| s.id.clone())
            .collect()
    };
    assert_eq!(ids(&found[0]), ["a", "c", "d"]);
    assert_eq!(ids(&found[1]), ["b"]);
    // In the couple's own journal every talk is named as the latest.
    let theirs = couples::of_couple(&journal, &found[0]);
    assert_eq!(theirs.sessions[0].partners, ["ANA", "ben"]);
    assert_eq!(theirs.sessions[1].partners, ["ANA"]);
}
