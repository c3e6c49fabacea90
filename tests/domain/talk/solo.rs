//! A solo reflection (its own engine, `heard::reflection`), and the prompts it marks for
//! the next talk.

use super::*;
use heard::reflection::{Input, Step};
use heard::talk::check_setup;

#[test]
fn carried_prompts_from_a_solo_reflection_come_first() {
    let solo_deck = deck_of(
        vec![prompt("s1", 1), prompt("s2", 2), prompt("s3", 3)],
        &[Mode::Solo, Mode::Couple],
    );
    let mut solo = Reflection::new(reflection_setup(solo_deck.clone(), 3)).unwrap();
    reflect(&mut solo, Input::Mood(Some(2)));
    let mut marked = Vec::new();
    while solo.step() == Step::Reflection {
        let id = solo.progress().unwrap().prompt.id.clone();
        let bring = id != "s1";
        if bring {
            marked.push(id);
        }
        reflect(
            &mut solo,
            Input::Done {
                text: "thoughts".to_string(),
                seconds: None,
            },
        );
        reflect(
            &mut solo,
            Input::Clarity {
                clarity: Some(3),
                bring_to_talk: bring,
            },
        );
    }
    let session = solo.to_session(at("2026-11-26T21:00:00+01:00"), true);

    let couple = couple_deck(vec![prompt("c1", 1), prompt("c2", 1), prompt("c3", 1)]);
    let carried = carried_prompts(&session, &couple);
    let carried_ids: Vec<&str> = carried.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(carried_ids, marked);
    assert!(
        carried
            .iter()
            .all(|p| p.text.starts_with("Tell me about s"))
    );

    let talk = Talk::new(TalkSetup {
        carried_prompts: carried,
        ..setup(couple, 4)
    })
    .unwrap();
    let ids: Vec<&str> = talk.prompts().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(&ids[..2], marked.as_slice());
    assert_eq!(ids.len(), 4);

    // From the deck that holds them, they come back with depth and follow-ups.
    let again = carried_prompts(&session, &solo_deck);
    assert_eq!(
        again[0],
        solo_deck
            .prompts
            .iter()
            .find(|p| p.id == again[0].id)
            .unwrap()
            .clone()
    );
}

