//! The short ways to choose how long a talk is (quick, usual, long), beside the detailed
//! choices of prompts and speaking time.

use crate::config::MAX_PROMPTS_PER_TALK;
use crate::mode::Mode;

/// How many prompts a talk has and how long each turn speaks (seconds; 0 is no timer).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pace {
    pub prompts: usize,
    pub seconds: u32,
}

/// A length picked in one step; the prompts and the speaking time follow from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    /// Two prompts, a minute each: `estimate_minutes` gives 16 minutes for a couple, so
    /// "about a quarter of an hour" is true. A minute is the shortest timer setup offers.
    Quick,
    /// What the deck suggests, else the settings.
    Usual,
    /// Two prompts more than usual, at the usual speaking time (as many as the deck has).
    Long,
}

const QUICK: Pace = Pace {
    prompts: 2,
    seconds: 60,
};
const LONG_EXTRA: usize = 2;

impl Length {
    /// In the order ← → visits them.
    pub const ALL: [Length; 3] = [Length::Quick, Length::Usual, Length::Long];

    /// This length for a deck of `deck_prompts` prompts whose usual pace is `usual`.
    pub fn pace(self, usual: Pace, deck_prompts: usize) -> Pace {
        match self {
            Length::Quick => QUICK,
            Length::Usual => usual,
            Length::Long => {
                // Never more than the deck has, never fewer than usual.
                let most = usize::from(MAX_PROMPTS_PER_TALK).min(deck_prompts.max(usual.prompts));
                Pace {
                    prompts: (usual.prompts + LONG_EXTRA).min(most),
                    seconds: usual.seconds,
                }
            }
        }
    }

    /// The length whose pace `pace` is, usual first; alone there is no timer, so only the
    /// prompts count. `None`: the choices are the person's own.
    pub fn matching(mode: Mode, pace: Pace, usual: Pace, deck_prompts: usize) -> Option<Length> {
        [Length::Usual, Length::Quick, Length::Long]
            .into_iter()
            .find(|length| {
                let its = length.pace(usual, deck_prompts);
                its.prompts == pace.prompts && (mode == Mode::Solo || its.seconds == pace.seconds)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activity::estimate_minutes;

    const DEFAULT: Pace = Pace {
        prompts: 6,
        seconds: 180,
    };

    #[test]
    fn quick_is_about_a_quarter_hour_and_long_is_longer_than_usual() {
        let quick = Length::Quick.pace(DEFAULT, 30);
        assert_eq!(
            estimate_minutes(Mode::Couple, quick.prompts, quick.seconds),
            16
        );
        assert_eq!(Length::Usual.pace(DEFAULT, 30), DEFAULT);
        let long = Length::Long.pace(DEFAULT, 30);
        assert_eq!(
            long,
            Pace {
                prompts: 8,
                seconds: 180
            }
        );
        assert_eq!(
            estimate_minutes(Mode::Couple, long.prompts, long.seconds),
            84
        );
    }

    #[test]
    fn long_never_asks_more_than_the_deck_has_nor_fewer_than_usual() {
        assert_eq!(Length::Long.pace(DEFAULT, 7).prompts, 7);
        assert_eq!(Length::Long.pace(DEFAULT, 4).prompts, 6);
        let most = Pace {
            prompts: 100,
            seconds: 0,
        };
        assert_eq!(Length::Long.pace(most, 500).prompts, 100);
    }

    #[test]
    fn a_pace_names_its_length_or_none_and_alone_the_timer_does_not_count() {
        let m =
            |mode, prompts, seconds| Length::matching(mode, Pace { prompts, seconds }, DEFAULT, 30);
        assert_eq!(m(Mode::Couple, 6, 180), Some(Length::Usual));
        assert_eq!(m(Mode::Couple, 2, 60), Some(Length::Quick));
        assert_eq!(m(Mode::Couple, 8, 180), Some(Length::Long));
        assert_eq!(m(Mode::Couple, 6, 120), None);
        assert_eq!(m(Mode::Solo, 2, 180), Some(Length::Quick));
        assert_eq!(m(Mode::Solo, 5, 180), None);
    }
}
