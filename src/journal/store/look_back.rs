//! The couple Look back showed last, kept beside the journal in `look-back.json` so the
//! next Look back opens on the same couple's talks without asking again.
//!
//! Not in config.toml: that file is the person's own, written by hand and checked strictly,
//! and a choice made on a screen should not rewrite it. Not in the journal either: it is a
//! view's memory, not a talk. A file that is missing, unreadable or names a couple no longer
//! in the journal just means Look back asks again; nothing else depends on it.

use serde_json::{Value, json};

use super::{Store, write_private};
use crate::journal::couples::CoupleKey;

/// The value of the file's `format` field.
const FORMAT: &str = "heard-look-back";

impl Store {
    pub fn look_back_path(&self) -> std::path::PathBuf {
        self.dir().join("look-back.json")
    }

    /// The couple remembered for Look back, if the file names one.
    pub fn remembered_couple(&self) -> Option<CoupleKey> {
        let bytes = crate::files::read_prefix(&self.look_back_path(), 64 * 1024).ok()?;
        let value: Value = serde_json::from_slice(&bytes).ok()?;
        if value.get("format")?.as_str()? != FORMAT {
            return None;
        }
        let names = value.get("couple")?.as_array()?;
        match &names[..] {
            [a, b] => CoupleKey::of_names(a.as_str()?, b.as_str()?),
            _ => None,
        }
    }

    /// Remember `couple` for the next Look back (private, written whole, like the draft).
    pub fn remember_couple(&self, couple: &CoupleKey) -> std::io::Result<()> {
        let value = json!({
            "format": FORMAT,
            "version": 1,
            "couple": couple.folded_names(),
        });
        let mut text = serde_json::to_string_pretty(&value)?;
        text.push('\n');
        write_private(&self.look_back_path(), text.as_bytes())
    }
}
