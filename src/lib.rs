//! heard: a guided conversation for two partners, with a private local journal.

pub mod activity;
pub mod cli;
pub mod config;
pub mod context;
pub mod deck;
pub mod demo;
pub mod files;
pub mod journal;
pub mod mode;
pub mod paths;
pub mod process;
pub mod reflection;
pub mod repair;
pub mod rng;
pub mod talk;
pub mod text;
pub mod tui;
pub mod understand;
pub mod weekly;
pub mod words;
