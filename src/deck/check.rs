//! Checking a deck file against every rule of the deck format, with line and column.
