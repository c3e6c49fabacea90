//! The stages of a repair talk as they move: each part shared, said back by the other
//! (after an apology, answered), then the other's turn or the next stage; and the gate of
//! "what it was like", which only "you got it" and "no more" open.

use super::{Accepted, Gate, Input, MyPart, NextTime, Repair, Stage, Step, wrong};
use crate::activity::event::Event;
use crate::mode::Partner;
use crate::talk::TalkError;
use crate::understand::Answer;
use crate::words::{FEELINGS, MY_PART};

impl Repair {
    /// The sharing and summarising steps of every stage but the gate's own.
    pub(super) fn on_stage(&mut self, step: Step, input: Input) -> Result<Vec<Event>, TalkError> {
        let mut events = Vec::new();
        match (step, input) {
            (Step::Feelings { partner }, Input::Feelings(words)) => {
                self.feelings[partner.index()] = picked_feelings(step, words)?;
                self.shared(Stage::Feelings, partner, &mut events);
            }
            (Step::Touched { partner }, Input::Touched(text)) => {
                self.touched[partner.index()] = self.typed(text);
                self.shared(Stage::Touched, partner, &mut events);
            }
            (
                Step::MyPart { partner },
                Input::MyPart {
                    picked,
                    text,
                    apology,
                },
            ) => {
                let picked = picked_parts(step, picked)?;
                let text = self.typed(text);
                self.my_part[partner.index()] = Some(MyPart {
                    picked,
                    text,
                    apology,
                });
                self.shared(Stage::MyPart, partner, &mut events);
            }
            (Step::NextTime { partner }, Input::NextTime { will, ask }) => {
                let next = NextTime {
                    will: self.typed(will),
                    ask: self.typed(ask),
                };
                self.next_time[partner.index()] = Some(next);
                self.shared(Stage::NextTime, partner, &mut events);
            }
            // A pass leaves the part out; there is nothing for the other to say back.
            (Step::Feelings { partner }, Input::Pass) => {
                self.part_over(Stage::Feelings, partner, &mut events)
            }
            (Step::Touched { partner }, Input::Pass) => {
                self.part_over(Stage::Touched, partner, &mut events)
            }
            (Step::MyPart { partner }, Input::Pass) => {
                self.part_over(Stage::MyPart, partner, &mut events)
            }
            (Step::NextTime { partner }, Input::Pass) => {
                self.part_over(Stage::NextTime, partner, &mut events)
            }
            (Step::Summarise { stage, partner }, Input::Done | Input::Pass) => {
                self.summarised(stage, partner, &mut events)
            }
            (Step::Accept { partner }, Input::Accept(accepted)) => {
                self.accepted.push(Accepted {
                    partner: partner.other(),
                    accepted,
                });
                self.part_over(Stage::MyPart, partner.other(), &mut events);
            }
            (Step::Accept { partner }, Input::Pass) => {
                self.part_over(Stage::MyPart, partner.other(), &mut events)
            }
            (step, input) => return Err(wrong(step, &input)),
        }
        Ok(events)
    }

    /// What it was like, and the gate: only "you got it" and "no more" reach the listener.
    pub(super) fn on_gate(&mut self, input: Input) -> Result<Vec<Event>, TalkError> {
        let mut events = Vec::new();
        match (self.step, input) {
            (Step::Speak { sender }, Input::Said) => {
                self.gate().pieces += 1;
                self.enter(Step::Mirror { sender }, &mut events);
            }
            (Step::Mirror { sender }, Input::Mirrored) => {
                self.gate().mirrors += 1;
                self.enter(Step::Answer { sender }, &mut events);
            }
            (Step::Answer { sender }, Input::Answer(Answer::GotIt)) => {
                self.enter(Step::More { sender }, &mut events)
            }
            // Anything but "you got it" gives the floor back to the sender.
            (Step::Answer { sender }, Input::Answer(Answer::Partly | Answer::NotYet))
            | (Step::More { sender }, Input::More(true)) => {
                self.enter(Step::Speak { sender }, &mut events)
            }
            (Step::More { sender }, Input::More(false)) => {
                self.gate().got_it = true;
                self.shared(Stage::WhatItWasLike, sender, &mut events);
            }
            // A pass ends the gate unconfirmed: the listener's validation stays shut.
            (
                Step::Speak { sender }
                | Step::Mirror { sender }
                | Step::Answer { sender }
                | Step::More { sender },
                Input::Pass,
            ) => self.part_over(Stage::WhatItWasLike, sender, &mut events),
            (step, input) => return Err(wrong(step, &input)),
        }
        Ok(events)
    }

    /// `partner` shared their part of `stage`: the other says it back.
    fn shared(&mut self, stage: Stage, partner: Partner, events: &mut Vec<Event>) {
        let partner = partner.other();
        self.enter(Step::Summarise { stage, partner }, events);
    }

    /// `partner` said back the other's part: after an apology it is answered, else the
    /// part is over.
    fn summarised(&mut self, stage: Stage, partner: Partner, events: &mut Vec<Event>) {
        let sharer = partner.other();
        let apologised = self.my_part[sharer.index()]
            .as_ref()
            .is_some_and(|part| part.apology);
        if stage == Stage::MyPart && apologised {
            self.enter(Step::Accept { partner }, events);
        } else {
            self.part_over(stage, sharer, events);
        }
    }

    /// `partner`'s part of `stage` is over: the other's turn, or the next stage.
    fn part_over(&mut self, stage: Stage, partner: Partner, events: &mut Vec<Event>) {
        events.push(Event::TurnRecorded);
        if partner == self.first {
            self.begin(stage, partner.other(), events);
        } else {
            match stage.next() {
                Some(next) => self.begin(next, self.first, events),
                None => {
                    self.enter(Step::Summary, events);
                    events.push(Event::Finished);
                }
            }
        }
    }

    /// `partner` shares their part of `stage`.
    fn begin(&mut self, stage: Stage, partner: Partner, events: &mut Vec<Event>) {
        let step = match stage {
            Stage::Feelings => Step::Feelings { partner },
            Stage::WhatItWasLike => {
                self.gates.push(Gate {
                    partner,
                    pieces: 0,
                    mirrors: 0,
                    got_it: false,
                });
                Step::Speak { sender: partner }
            }
            Stage::Touched => Step::Touched { partner },
            Stage::MyPart => Step::MyPart { partner },
            Stage::NextTime => Step::NextTime { partner },
        };
        self.enter(step, events);
    }

    /// The gate of the sender on the floor; one is always pushed before its steps.
    fn gate(&mut self) -> &mut Gate {
        if self.gates.is_empty() {
            self.gates.push(Gate {
                partner: self.first,
                pieces: 0,
                mirrors: 0,
                got_it: false,
            });
        }
        let last = self.gates.len() - 1;
        &mut self.gates[last]
    }

    /// Typed words as kept: trimmed, and none at all with notes off.
    fn typed(&self, text: Option<String>) -> Option<String> {
        let text = text.as_deref().map(str::trim).unwrap_or_default();
        (self.keep_notes && !text.is_empty()).then(|| text.to_string())
    }
}

/// Feelings as kept: each from the list, each once, in the order picked.
fn picked_feelings(step: Step, words: Vec<String>) -> Result<Vec<String>, TalkError> {
    let refuse = |input| TalkError::WrongInput {
        step: step.name(),
        input,
    };
    if words.is_empty() {
        return Err(refuse("no feeling picked (a pass goes on without)"));
    }
    let mut kept: Vec<String> = Vec::with_capacity(words.len());
    for word in words {
        if !FEELINGS.contains(&word.as_str()) {
            return Err(refuse("a feeling that is not on the list"));
        }
        if !kept.contains(&word) {
            kept.push(word);
        }
    }
    Ok(kept)
}

/// "My part" phrases as kept: indexes on the list, each once, in list order.
fn picked_parts(step: Step, mut picked: Vec<usize>) -> Result<Vec<usize>, TalkError> {
    if picked.iter().any(|&i| i >= MY_PART.len()) {
        return Err(TalkError::WrongInput {
            step: step.name(),
            input: "a part that is not on the list",
        });
    }
    picked.sort_unstable();
    picked.dedup();
    Ok(picked)
}
