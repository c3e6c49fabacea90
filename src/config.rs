//! Settings from config.toml, every field with a default.
