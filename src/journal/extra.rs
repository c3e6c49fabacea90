//! Fields heard does not know, kept as they were. Most sessions and turns have none, so an
//! empty set costs one pointer's room, not a whole map's (about 7 MB of a 10,000-talk
//! journal in memory).

use std::ops::{Deref, DerefMut};
use std::sync::LazyLock;

use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

#[derive(Debug, Clone, Default)]
pub struct Extra(Option<Box<Map<String, Value>>>);

static NONE: LazyLock<Map<String, Value>> = LazyLock::new(Map::new);

impl Extra {
    pub const fn new() -> Extra {
        Extra(None)
    }
}

impl Deref for Extra {
    type Target = Map<String, Value>;

    fn deref(&self) -> &Map<String, Value> {
        self.0.as_deref().unwrap_or(&NONE)
    }
}

impl DerefMut for Extra {
    fn deref_mut(&mut self) -> &mut Map<String, Value> {
        self.0.get_or_insert_with(Box::default)
    }
}

/// Equal when they hold the same fields, however they came to be empty.
impl PartialEq for Extra {
    fn eq(&self, other: &Extra) -> bool {
        **self == **other
    }
}

impl From<Map<String, Value>> for Extra {
    fn from(map: Map<String, Value>) -> Extra {
        Extra((!map.is_empty()).then(|| Box::new(map)))
    }
}

impl FromIterator<(String, Value)> for Extra {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Extra {
        Extra::from(iter.into_iter().collect::<Map<String, Value>>())
    }
}

impl Serialize for Extra {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_is_small_and_equal_to_emptied() {
        assert_eq!(std::mem::size_of::<Extra>(), std::mem::size_of::<usize>());
        let mut emptied = Extra::new();
        emptied.insert("x".into(), Value::Null);
        emptied.remove("x");
        assert_eq!(emptied, Extra::new());
    }

    #[test]
    fn fields_keep_their_order() {
        let extra: Extra = [("b", 1), ("a", 2)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), Value::from(v)))
            .collect();
        let keys: Vec<&String> = extra.keys().collect();
        assert_eq!(keys, ["b", "a"]);
        assert_eq!(serde_json::to_string(&extra).unwrap(), r#"{"b":1,"a":2}"#);
    }
}
