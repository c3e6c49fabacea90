//! The terminal interface: the event loop, the app state and its actions, screens and
//! widgets. The activity (a talk, a reflection) lives in `crate::activity`; the app holds it and the screens only show it.

pub mod action;
pub mod app;
pub mod event_loop;
pub mod guard;
pub mod keymap;
pub mod screens;
pub mod start;
pub mod storage;
pub mod theme;
pub mod watch;
pub mod widgets;
