//! The terminal interface: the event loop, the app state and its actions, screens and
//! widgets. The talk itself lives in `crate::talk`; the screens only show it.

pub mod action;
pub mod app;
pub mod event_loop;
pub mod guard;
pub mod keymap;
pub mod loading;
pub mod screens;
pub mod start;
pub mod storage;
pub mod theme;
pub mod widgets;
