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
    /// Asked on the rounds of a conversation (SPEC section 7); a prompt turn has none yet.
    pub felt_cared: Option<u8>,
}

impl Session {
    /// The kind of talk (SPEC section 7): the session's `kind`, else "prompts" for a talk
    /// for two and "reflection" for one alone, as older files have it.
    pub fn kind(&self) -> &str {
        match self.extra.get("kind").and_then(Value::as_str) {
            Some(kind) => kind,
            None if self.is_couple() => "prompts",
            None => "reflection",
        }
    }

    /// The ratings of the rounds on the floor, by sender: felt heard, validated and cared
    /// for (a value outside 1-5 counts as not answered).
    pub fn round_ratings(&self) -> Vec<(usize, [Option<u8>; 3])> {
        self.rounds()
            .iter()
            .filter_map(|round| {
                let sender = usize::try_from(round.get("sender")?.as_u64()?).ok()?;
                let [heard, validated, cared] =
                    ["felt_heard", "felt_validated", "felt_cared"].map(|f| scale(round.get(f)));
                Some((sender, [heard, validated, cared]))
            })
            .collect()
    }

    /// The turns, then the rounds on the floor ([`Session::rounds`]). A round's value outside
    /// 1-5 (a hand edit) counts as not answered.
    pub fn rated(&self) -> Vec<Rated> {
        let turns = self.turns.iter().map(|t| Rated {
            speaker: t.speaker,
            felt_heard: t.felt_heard(),
            felt_validated: t.felt_validated(),
            felt_cared: None,
        });
        let rounds = self
            .round_ratings()
            .into_iter()
            .map(|(speaker, felt)| Rated {
                speaker,
                felt_heard: felt[0],
                felt_validated: felt[1],
                felt_cared: felt[2],
            });
        turns.chain(rounds).collect()
    }

    /// The rounds on the floor: an understand talk's `rounds`, and those of the issue an
    /// "Our week" talk ran inside it (`issue.rounds`).
    pub fn rounds(&self) -> Vec<&Value> {
        let own = self.extra.get("rounds").and_then(Value::as_array);
        let issue = (self.extra.get("issue"))
            .and_then(|issue| issue.get("rounds"))
            .and_then(Value::as_array);
        own.into_iter().chain(issue).flatten().collect()
    }
}

fn scale(value: Option<&Value>) -> Option<u8> {
    let value = u8::try_from(value?.as_u64()?).ok()?;
    (1..=5).contains(&value).then_some(value)
}
