//! The question before the first deep prompt: a yes goes deeper, any "not today" stays lighter.

use super::*;

/// Four prompts of [1, 1, 2, 3] depths, with one personal prompt left over as a spare.
fn deck_with_deep_prompts() -> Deck {
    couple_deck(vec![
        prompt("l1", 1),
        prompt("l2", 1),
        prompt("p1", 2),
        prompt("p2", 2),
        prompt("d1", 3),
        prompt("d2", 3),
    ])
}

fn walk_to_consent(talk: &mut Talk) {
    check_in(talk, &[Some(3), Some(3)]);
    while talk.step() == Step::Speaker {
        answer(talk, Some(4), Some(4), Some(4));
    }
}

#[test]
fn either_partner_declining_keeps_the_talk_lighter() {
    for answers in [(false, true), (true, false), (false, false)] {
        let mut talk = Talk::new(setup(deck_with_deep_prompts(), 4)).unwrap();
        let depths: Vec<u8> = talk.prompts().iter().map(|p| p.depth).collect();
        assert_eq!(depths, [1, 1, 2, 3]);
        walk_to_consent(&mut talk);
        assert_eq!(
            talk.step(),
            Step::DeeperConsent {
                partner: Partner::First
            }
        );
        assert_eq!(talk.progress().unwrap().prompt_index, 3);
        ok(
            &mut talk,
            Input::Consent {
                partner: Partner::First,
                yes: answers.0,
            },
        );
        assert_eq!(
            talk.step(),
            Step::DeeperConsent {
                partner: Partner::Second
            }
        );
        ok(
            &mut talk,
            Input::Consent {
                partner: Partner::Second,
                yes: answers.1,
            },
        );
        assert_eq!(talk.went_deeper(), Some(false));

        // The deep prompt was replaced by the unused personal one.
        assert_eq!(talk.step(), Step::Speaker);
        let progress = talk.progress().unwrap();
        assert_eq!((progress.prompt_index, progress.prompt_count), (3, 4));
        assert_eq!(progress.prompt.depth, 2);
        run_to_end(&mut talk);
        let ids = turn_ids(&talk);
        assert_eq!(ids.len(), 8);
        assert!(
            ids.iter().all(|id| !id.starts_with('d')),
            "{answers:?}: {ids:?}"
        );
        assert!(ids.contains(&"p1".to_string()) && ids.contains(&"p2".to_string()));
    }
}

#[test]
fn declining_with_no_lighter_prompts_left_ends_the_prompts_early() {
    let deck = couple_deck(vec![prompt("l1", 1), prompt("d1", 3), prompt("d2", 3)]);
    let mut talk = Talk::new(setup(deck, 3)).unwrap();
    walk_to_consent(&mut talk);
    ok(
        &mut talk,
        Input::Consent {
            partner: Partner::First,
            yes: true,
        },
    );
    ok(
        &mut talk,
        Input::Consent {
            partner: Partner::Second,
            yes: false,
        },
    );
    assert_eq!(
        talk.step(),
        Step::Closeness {
            partner: Partner::First
        }
    );
    assert_eq!(talk.prompts().len(), 1);
    close(&mut talk);
    assert_eq!(turn_ids(&talk), ["l1", "l1"]);
}

#[test]
fn going_deeper_is_asked_once_and_then_deep_prompts_follow() {
    let deck = couple_deck(vec![prompt("l1", 1), prompt("d1", 3), prompt("d2", 3)]);
    let mut talk = Talk::new(setup(deck, 3)).unwrap();
    walk_to_consent(&mut talk);
    ok(
        &mut talk,
        Input::Consent {
            partner: Partner::First,
            yes: true,
        },
    );
    ok(
        &mut talk,
        Input::Consent {
            partner: Partner::Second,
            yes: true,
        },
    );
    assert_eq!(talk.went_deeper(), Some(true));
    assert_eq!(talk.step(), Step::Speaker);
    answer(&mut talk, Some(4), Some(4), None);
    answer(&mut talk, Some(4), Some(4), None);
    // The second deep prompt starts without asking again.
    assert_eq!(talk.step(), Step::Speaker);
    assert_eq!(talk.progress().unwrap().prompt_index, 2);
    run_to_end(&mut talk);
    assert_eq!(turn_ids(&talk).len(), 6);
}
