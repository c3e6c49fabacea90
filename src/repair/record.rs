//! A repair talk read back from a draft: the state is written as it is, and read back only
//! when it could have been reached, so a hand-edited draft cannot open the listener's
//! validation without "you got it" and "no more", nor hold parts of stages not yet come.

use chrono::{DateTime, FixedOffset};
use serde_json::Value;

use super::{Gate, Input, Repair, Stage, Step};
use crate::activity::event::Event;
use crate::activity::flow::{Engine, Meta};
use crate::journal::Session;
use crate::mode::Partner;
use crate::talk::TalkError;
use crate::words::{FEELINGS, MY_PART};

/// Ten parts: five stages, each partner once.
const PARTS: usize = 10;

impl Engine for Repair {
    type Input = Input;

    fn apply(&mut self, input: Input) -> Result<Vec<Event>, TalkError> {
        Repair::apply(self, input)
    }

    fn step_name(&self) -> &'static str {
        self.step().name()
    }

    fn is_finished(&self) -> bool {
        Repair::is_finished(self)
    }

    fn keeps_notes(&self) -> bool {
        self.keep_notes
    }

    /// Parts over (a stage for one partner, said back), of the ten a talk has.
    fn progress(&self) -> (usize, usize) {
        (self.at().0, PARTS)
    }

    fn to_state(&self) -> Value {
        self.to_record()
    }

    fn from_state(state: Value) -> Result<Repair, String> {
        Repair::from_record(state)
    }

    fn to_session(
        &self,
        meta: &Meta<'_>,
        ended_at: DateTime<FixedOffset>,
        completed: bool,
    ) -> Session {
        Repair::to_session(self, meta, ended_at, completed)
    }
}

/// Where within its part a step is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Before anything of the part is kept (the calm question counts here, before part 0).
    Share,
    /// On the gate of what it was like.
    Gate,
    /// The other says it back.
    Summarise,
    /// The other answers the apology.
    Accept,
}

impl Repair {
    /// The state as the draft keeps it.
    pub fn to_record(&self) -> Value {
        serde_json::to_value(self).unwrap_or_default()
    }

    /// A state read back, refused when it could not have been reached.
    pub fn from_record(value: Value) -> Result<Repair, String> {
        let state: Repair = serde_json::from_value(value).map_err(|e| e.to_string())?;
        state.reachable()?;
        Ok(state)
    }

    /// The part the step belongs to (0-9, ten at the summary) and where within it.
    fn at(&self) -> (usize, Phase) {
        let part =
            |stage: Stage, speaker: Partner| stage.index() * 2 + usize::from(speaker != self.first);
        match self.step {
            Step::Calm { .. } | Step::Break => (0, Phase::Share),
            Step::Feelings { partner } => (part(Stage::Feelings, partner), Phase::Share),
            Step::Summarise { stage, partner } => (part(stage, partner.other()), Phase::Summarise),
            Step::Speak { sender }
            | Step::Mirror { sender }
            | Step::Answer { sender }
            | Step::More { sender } => (part(Stage::WhatItWasLike, sender), Phase::Gate),
            Step::Touched { partner } => (part(Stage::Touched, partner), Phase::Share),
            Step::MyPart { partner } => (part(Stage::MyPart, partner), Phase::Share),
            Step::Accept { partner } => (part(Stage::MyPart, partner.other()), Phase::Accept),
            Step::NextTime { partner } => (part(Stage::NextTime, partner), Phase::Share),
            Step::Summary => (PARTS, Phase::Share),
        }
    }

    /// The stage and the one sharing it, of part `index`.
    fn part(&self, index: usize) -> (Stage, Partner) {
        let speaker = if index.is_multiple_of(2) {
            self.first
        } else {
            self.first.other()
        };
        (Stage::ALL[index / 2], speaker)
    }

    /// Whether anything of part `index` is kept.
    fn holds(&self, index: usize) -> bool {
        let (stage, p) = self.part(index);
        match stage {
            Stage::Feelings => !self.feelings[p.index()].is_empty(),
            Stage::WhatItWasLike => self.gates.iter().any(|g| g.partner == p),
            Stage::Touched => self.touched[p.index()].is_some(),
            Stage::MyPart => {
                self.my_part[p.index()].is_some() || self.accepted.iter().any(|a| a.partner == p)
            }
            Stage::NextTime => self.next_time[p.index()].is_some(),
        }
    }

    /// Whether the step fits what is kept: nothing of a part not yet come, the listener's
    /// steps only after what they answer, and every word from its list.
    fn reachable(&self) -> Result<(), String> {
        let refuse = |why: &str| Err(format!("{} with {why}", self.step.name()));
        if self.step == Step::Break {
            // The break is a flag beside the step, never the step itself.
            return refuse("the break as the step");
        }
        if self.paused && self.step == Step::Summary {
            return refuse("a break after the end");
        }
        self.words_fit().or_else(|why| refuse(&why))?;
        self.gates_fit().or_else(|why| refuse(&why))?;
        let (at, phase) = self.at();
        if let Some(later) = (at + 1..PARTS).find(|&k| self.holds(k)) {
            let (stage, _) = self.part(later);
            return refuse(&format!("{} kept before it came", stage_name(stage)));
        }
        if at < PARTS && !self.current_fits(at, phase) {
            return refuse("what is kept of this part");
        }
        Ok(())
    }

    /// The part on screen holds what its phase has been given, and nothing more.
    fn current_fits(&self, at: usize, phase: Phase) -> bool {
        let (stage, p) = self.part(at);
        let answered = self.accepted.iter().any(|a| a.partner == p);
        let apology = self.my_part[p.index()].as_ref().map(|m| m.apology);
        match (phase, stage) {
            (Phase::Share, _) => !self.holds(at),
            // The gate itself is checked with the gates.
            (Phase::Gate, _) => true,
            (Phase::Summarise, Stage::Feelings) => !self.feelings[p.index()].is_empty(),
            (Phase::Summarise, Stage::WhatItWasLike) => self.gate_of(p).is_some_and(|g| g.got_it),
            (Phase::Summarise, Stage::Touched) => true,
            (Phase::Summarise, Stage::MyPart) => apology.is_some() && !answered,
            (Phase::Summarise, Stage::NextTime) => self.next_time[p.index()].is_some(),
            (Phase::Accept, _) => stage == Stage::MyPart && apology == Some(true) && !answered,
        }
    }

    fn gate_of(&self, partner: Partner) -> Option<&Gate> {
        self.gates.iter().find(|g| g.partner == partner)
    }

    /// Gates come first partner first, one each, each as its steps leave it; the one on
    /// the floor is the sender's and not yet got.
    fn gates_fit(&self) -> Result<(), String> {
        let order = [self.first, self.first.other()];
        if self.gates.len() > 2 || self.gates.iter().zip(order).any(|(g, p)| g.partner != p) {
            return Err("gates out of turn".into());
        }
        let (at, phase) = self.at();
        // The gate of part 2 or 3 is pushed as that part begins.
        let begun = (2..4).filter(|&k| k < at || (k == at && phase != Phase::Share));
        if self.gates.len() != begun.count() {
            return Err(format!("{} gates", self.gates.len()));
        }
        for gate in &self.gates {
            let fits = gate.mirrors <= gate.pieces
                && gate.pieces <= gate.mirrors + 1
                && (!gate.got_it || (gate.pieces == gate.mirrors && gate.pieces > 0));
            if !fits {
                return Err("a gate whose mirrors do not fit its pieces".into());
            }
        }
        let on_floor = self.gates.last().map(|g| (g.pieces, g.mirrors, g.got_it));
        let fits = match (self.step, on_floor) {
            (Step::Speak { .. }, Some((p, m, false))) => p == m,
            (Step::Mirror { .. }, Some((p, m, false))) => p == m + 1,
            (Step::Answer { .. } | Step::More { .. }, Some((p, m, false))) => p == m && p > 0,
            (Step::Speak { .. } | Step::Mirror { .. }, _)
            | (Step::Answer { .. } | Step::More { .. }, _) => false,
            (_, _) => true,
        };
        if fits {
            Ok(())
        } else {
            Err("a gate that does not fit the floor".into())
        }
    }

    /// Feelings and parts from their lists, each once; typed words trimmed, and none with
    /// notes off; an answer only to an apology, once each.
    fn words_fit(&self) -> Result<(), String> {
        for words in &self.feelings {
            let mut seen = Vec::new();
            for word in words {
                if !FEELINGS.contains(&word.as_str()) || seen.contains(&word) {
                    return Err(format!("the feeling {word:?}"));
                }
                seen.push(word);
            }
        }
        let parts = self.my_part.iter().flatten();
        for part in parts.clone() {
            let in_order = part.picked.windows(2).all(|w| w[0] < w[1]);
            if !in_order || part.picked.iter().any(|&i| i >= MY_PART.len()) {
                return Err("a part that is not on the list".into());
            }
        }
        let texts = (self.touched.iter().flatten())
            .chain(parts.filter_map(|p| p.text.as_ref()))
            .chain(
                self.next_time
                    .iter()
                    .flatten()
                    .flat_map(|n| [&n.will, &n.ask])
                    .flatten(),
            );
        for text in texts {
            if !self.keep_notes || text.trim() != text || text.is_empty() {
                return Err("words that could not have been kept".into());
            }
        }
        // Answers follow the apologies in turn, at most one each (a pass leaves one out).
        let apologised = |p: &Partner| self.my_part[p.index()].as_ref().is_some_and(|m| m.apology);
        let mut apologies = [self.first, self.first.other()]
            .into_iter()
            .filter(apologised);
        if !self
            .accepted
            .iter()
            .all(|a| apologies.any(|p| p == a.partner))
        {
            return Err("an answer to an apology not made".into());
        }
        Ok(())
    }
}

fn stage_name(stage: Stage) -> &'static str {
    match stage {
        Stage::Feelings => "feelings",
        Stage::WhatItWasLike => "what it was like",
        Stage::Touched => "what it touched",
        Stage::MyPart => "a part taken",
        Stage::NextTime => "a next time",
    }
}
