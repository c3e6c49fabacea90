//! What was rated in a session, whatever its kind: a prompt talk's turns, and the rounds
//! on the floor of an understand talk (SPEC section 7 counts each as a turn of its
//! sender in the figures of section 3).

use serde_json::Value;

use super::Session;

/// One rated (or passed) speaking turn: who spoke, how heard and validated they felt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rated {
    pub speaker: usize,
    pub felt_heard: Option<u8>,
    pub felt_validated: Option<u8>,
}

impl Session {
    /// The turns, then the understand rounds kept in `rounds`. A round's value outside
    /// 1-5 (a hand edit) counts as not answered.
    pub fn rated(&self) -> Vec<Rated> {
        let turns = self.turns.iter().map(|t| Rated {
            speaker: t.speaker,
            felt_heard: t.felt_heard(),
            felt_validated: t.felt_validated(),
        });
        let rounds = self.extra.get("rounds").and_then(Value::as_array);
        let rounds = rounds.into_iter().flatten().filter_map(|round| {
            let speaker = usize::try_from(round.get("sender")?.as_u64()?).ok()?;
            Some(Rated {
                speaker,
                felt_heard: scale(round.get("felt_heard")),
                felt_validated: scale(round.get("felt_validated")),
            })
        });
        turns.chain(rounds).collect()
    }
}

fn scale(value: Option<&Value>) -> Option<u8> {
    let value = u8::try_from(value?.as_u64()?).ok()?;
    (1..=5).contains(&value).then_some(value)
}
