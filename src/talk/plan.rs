//! Which prompts a talk asks, in what order, and what stands in for deep prompts after a "not today".
//!
//! The rule, so a couple (and a test) can predict it:
//! 1. Prompts carried over from a solo reflection come first, in the order given, and count
//!    toward the number asked.
//! 2. The rest of the deck is split by depth and each depth is shuffled with the talk's seed;
//!    within a depth, prompts the couple had in their last `RECENT_TALKS` talks go last, so
//!    one is asked again only when that depth has no other left (SPEC section 10).
//! 3. The remaining places are filled round-robin, one from depth 1, one from depth 2, one
//!    from depth 3, again, skipping a depth that has run out. Five of a deck with plenty at
//!    every depth gives 2 light, 2 personal, 1 deep: a balanced mix that leans light.
//! 4. The chosen deck prompts are asked lightest first; within a depth, in shuffled order.
//! 5. The unchosen light and personal prompts are kept as spares (personal first, then
//!    light), to stand in for deep prompts if either partner would rather not go deeper.

use crate::deck::Prompt;
use crate::journal::Session;
use crate::journal::couples::CoupleKey;
use crate::rng::Rng;

/// The deepest prompt depth; consent is asked before the first one.
pub const DEEP: u8 = 3;

/// How many of a couple's latest talks count as "recent" for not repeating a prompt.
pub const RECENT_TALKS: usize = 8;

/// The prompts of a talk, in order, and the spares that may replace deep prompts.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub prompts: Vec<Prompt>,
    pub spares: Vec<Prompt>,
}

/// Depth 1..=3 as an index 0..=2; a hand-built prompt outside the range counts as the nearest.
fn depth_slot(prompt: &Prompt) -> usize {
    usize::from(prompt.depth.clamp(1, DEEP)) - 1
}

pub fn plan(
    deck: &[Prompt],
    carried: &[Prompt],
    count: usize,
    seed: u64,
    recent: &[String],
) -> Plan {
    let mut prompts: Vec<Prompt> = Vec::new();
    for prompt in carried {
        if prompts.len() < count && !prompts.iter().any(|p| p.id == prompt.id) {
            prompts.push(prompt.clone());
        }
    }

    let mut by_depth: [Vec<Prompt>; 3] = Default::default();
    for prompt in deck {
        let taken = prompts.iter().any(|p| p.id == prompt.id)
            || by_depth.iter().flatten().any(|p| p.id == prompt.id);
        if !taken {
            by_depth[depth_slot(prompt)].push(prompt.clone());
        }
    }
    let mut rng = Rng::new(seed);
    for group in &mut by_depth {
        rng.shuffle(group);
        // Stable: the unused keep their shuffled order, then the recent ones theirs.
        group.sort_by_key(|p| recent.contains(&p.id));
    }

    let wanted = count - prompts.len();
    let mut taken = [0usize; 3];
    let mut total = 0;
    while total < wanted {
        let before = total;
        for slot in 0..3 {
            if total < wanted && taken[slot] < by_depth[slot].len() {
                taken[slot] += 1;
                total += 1;
            }
        }
        if total == before {
            break;
        }
    }

    for slot in 0..3 {
        prompts.extend(by_depth[slot][..taken[slot]].iter().cloned());
    }
    let spares = [1, 0]
        .into_iter()
        .flat_map(|slot| by_depth[slot][taken[slot]..].iter().cloned())
        .collect();
    Plan { prompts, spares }
}

/// The prompts `partners` (the same two names in any order or case) had in their last
/// `RECENT_TALKS` talks from prompts, by start time.
pub fn recent_prompts(sessions: &[Session], partners: &[String]) -> Vec<String> {
    let [a, b] = partners else {
        return Vec::new();
    };
    let Some(couple) = CoupleKey::of_names(a, b) else {
        return Vec::new();
    };
    let mut theirs: Vec<&Session> = (sessions.iter())
        .filter(|s| s.kind() == "prompts" && CoupleKey::of(s).as_ref() == Some(&couple))
        .collect();
    theirs.sort_by_key(|s| s.started_at.at());
    let recent = &theirs[theirs.len().saturating_sub(RECENT_TALKS)..];
    let mut ids: Vec<String> = (recent.iter())
        .flat_map(|s| s.turns.iter().map(|t| t.prompt_id.clone()))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// After a "not today": from position `from` on, each deep prompt is replaced by the next
/// spare, or dropped when the spares have run out.
pub fn stay_lighter(prompts: &mut Vec<Prompt>, spares: &mut Vec<Prompt>, from: usize) {
    let later = prompts.split_off(from.min(prompts.len()));
    for prompt in later {
        if prompt.depth < DEEP {
            prompts.push(prompt);
        } else if !spares.is_empty() {
            prompts.push(spares.remove(0));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deck(depths: &[u8]) -> Vec<Prompt> {
        depths
            .iter()
            .enumerate()
            .map(|(i, d)| Prompt {
                id: format!("p{i}"),
                text: format!("prompt {i}"),
                depth: *d,
                followups: vec![],
                tags: vec![],
            })
            .collect()
    }

    fn depths(prompts: &[Prompt]) -> Vec<u8> {
        prompts.iter().map(|p| p.depth).collect()
    }

    #[test]
    fn a_balanced_mix_that_leans_light() {
        let all = deck(&[1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
        assert_eq!(depths(&plan(&all, &[], 5, 9, &[]).prompts), [1, 1, 2, 2, 3]);
        assert_eq!(depths(&plan(&all, &[], 3, 9, &[]).prompts), [1, 2, 3]);
        assert_eq!(depths(&plan(&all, &[], 1, 9, &[]).prompts), [1]);
    }

    #[test]
    fn a_depth_that_runs_out_leaves_room_for_the_others() {
        let all = deck(&[1, 2, 2, 2, 2, 3]);
        assert_eq!(depths(&plan(&all, &[], 5, 3, &[]).prompts), [1, 2, 2, 2, 3]);
    }

    #[test]
    fn spares_are_the_unchosen_lighter_prompts_personal_first() {
        let all = deck(&[1, 1, 1, 2, 2, 2, 3, 3]);
        let p = plan(&all, &[], 3, 5, &[]);
        assert_eq!(depths(&p.spares), [2, 2, 1, 1]);
    }

    #[test]
    fn carried_prompts_come_first_and_are_not_asked_twice() {
        let all = deck(&[1, 2, 3]);
        let carried = vec![all[2].clone()];
        let p = plan(&all, &carried, 3, 5, &[]);
        assert_eq!(p.prompts[0].id, "p2");
        assert_eq!(depths(&p.prompts), [3, 1, 2]);
    }

    #[test]
    fn staying_lighter_replaces_deep_prompts_then_drops_them() {
        let all = deck(&[1, 2, 2, 3, 3, 3]);
        let mut p = plan(&all, &[], 4, 1, &[]);
        assert_eq!(depths(&p.prompts), [1, 2, 2, 3]);
        stay_lighter(&mut p.prompts, &mut p.spares, 3);
        assert_eq!(depths(&p.prompts), [1, 2, 2]);

        let all = deck(&[1, 1, 1, 2, 3, 3]);
        let mut p = plan(&all, &[], 4, 1, &[]);
        assert_eq!(depths(&p.prompts), [1, 1, 2, 3]);
        stay_lighter(&mut p.prompts, &mut p.spares, 3);
        assert_eq!(depths(&p.prompts), [1, 1, 2, 1]);
        assert!(p.spares.is_empty());
    }

    #[test]
    fn a_recent_prompt_is_asked_again_only_when_its_depth_has_no_other() {
        let all = deck(&[1, 1, 1, 2, 2, 3]);
        let ids = |p: &[Prompt]| p.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
        // Two of the three light prompts were had lately: the third light one is asked.
        let recent: Vec<String> = all[..2].iter().map(|p| p.id.clone()).collect();
        for seed in 0..20 {
            let chosen = plan(&all, &[], 3, seed, &recent);
            assert_eq!(depths(&chosen.prompts), [1, 2, 3]);
            assert!(!recent.contains(&chosen.prompts[0].id), "seed {seed}");
        }
        // Every light prompt had lately: one of them is asked, rather than none.
        let every_light: Vec<String> = all[..3].iter().map(|p| p.id.clone()).collect();
        let chosen = plan(&all, &[], 3, 4, &every_light);
        assert_eq!(depths(&chosen.prompts), [1, 2, 3]);
        // Asking for more light prompts than are unused takes the unused first.
        let chosen = plan(&all, &[], 6, 4, &recent);
        let light: Vec<String> = ids(&chosen.prompts[..3]);
        assert!(!recent.contains(&light[0]), "{light:?}");
    }
}
