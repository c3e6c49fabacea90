//! Loading decks: built-in (compiled in), the user's decks folder, and `--deck PATH`.
