//! Who takes part in a talk: a couple or one person, and which of the two partners.
//!
//! One `Mode` serves the deck (which talks it is made for), the engines and the journal
//! (`journal::SessionMode` adds only the words a later heard may write).

use serde::{Deserialize, Serialize};

/// A couple's talk or one person on their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Couple,
    Solo,
}

impl Mode {
    /// How many names a talk of this mode takes.
    pub fn partner_count(self) -> usize {
        match self {
            Mode::Couple => 2,
            Mode::Solo => 1,
        }
    }

    /// The word in decks and journals: "couple" or "solo".
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Couple => "couple",
            Mode::Solo => "solo",
        }
    }
}

impl std::fmt::Display for Mode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One of the two partners of a couple talk: the first name given, or the second.
///
/// In the journal a partner is an index into `partners` (0 or 1); here it is a type with
/// two values, so "the other one" is `.other()` and never `1 - x` arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Partner {
    First,
    Second,
}

impl Partner {
    /// Both partners, in the order they were named.
    pub const BOTH: [Partner; 2] = [Partner::First, Partner::Second];

    pub fn other(self) -> Partner {
        match self {
            Partner::First => Partner::Second,
            Partner::Second => Partner::First,
        }
    }

    /// The index into `partners`, as the journal writes it.
    pub fn index(self) -> usize {
        match self {
            Partner::First => 0,
            Partner::Second => 1,
        }
    }

    /// The partner at a journal index; `None` for anything but 0 and 1.
    pub fn from_index(index: usize) -> Option<Partner> {
        match index {
            0 => Some(Partner::First),
            1 => Some(Partner::Second),
            _ => None,
        }
    }

    /// The partner after this one, if any: the first is followed by the second.
    pub fn next(self) -> Option<Partner> {
        match self {
            Partner::First => Some(Partner::Second),
            Partner::Second => None,
        }
    }
}

impl Serialize for Partner {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(self.index() as u64)
    }
}

impl<'de> Deserialize<'de> for Partner {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let index = usize::deserialize(deserializer)?;
        Partner::from_index(index)
            .ok_or_else(|| serde::de::Error::custom(format!("a partner is 0 or 1, not {index}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_other_of_the_other_is_the_same_partner() {
        for partner in Partner::BOTH {
            assert_ne!(partner.other(), partner);
            assert_eq!(partner.other().other(), partner);
            assert_eq!(Partner::from_index(partner.index()), Some(partner));
        }
        assert_eq!(Partner::from_index(2), None);
    }

    #[test]
    fn a_partner_is_written_as_its_index() {
        assert_eq!(serde_json::to_string(&Partner::Second).unwrap(), "1");
        assert_eq!(
            serde_json::from_str::<Partner>("0").unwrap(),
            Partner::First
        );
        assert!(serde_json::from_str::<Partner>("2").is_err());
    }
}
