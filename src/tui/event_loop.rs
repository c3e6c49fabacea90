//! The event loop: draw only after input, a resize, or the running timer's tick. An idle
//! heard blocks on the terminal and uses no CPU.

use std::time::{Duration, Instant};

use anyhow::Result;
use crossterm::event::{self, Event, KeyEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;

/// What the loop needs from the app.
pub trait Program {
    /// Draw the whole screen from the current state.
    fn draw(&self, frame: &mut ratatui::Frame);
    /// A key was pressed.
    fn key(&mut self, key: event::KeyEvent);
    /// The timer ticked (called only when `next_tick` asked for it).
    fn tick(&mut self, now: Instant);
    /// When the next timer tick is due; `None` when no timer runs.
    fn next_tick(&self, now: Instant) -> Option<Instant>;
    fn should_quit(&self) -> bool;
    /// The window is now this many columns and rows.
    fn resize(&mut self, _width: u16, _height: u16) {}
    /// Why the program stopped, when it could not go on (the loop then ends in an error).
    fn failure(&mut self) -> Option<String> {
        None
    }
}

/// Run until the program wants to quit.
pub fn run<B: Backend, P: Program>(terminal: &mut Terminal<B>, program: &mut P) -> Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let mut dirty = true;
    if let Ok(size) = terminal.size() {
        program.resize(size.width, size.height);
    }
    while !program.should_quit() {
        if dirty {
            terminal.draw(|frame| program.draw(frame))?;
            dirty = false;
        }
        let now = Instant::now();
        let ready = match program.next_tick(now) {
            Some(due) => event::poll(due.saturating_duration_since(now))?,
            // No timer: block until something happens.
            None => event::poll(Duration::from_secs(3600))?,
        };
        if !ready {
            // The tick that was asked for is due, also when it is the last one (a clock
            // reaching zero asks for nothing after it, but must still be drawn).
            program.tick(Instant::now());
            dirty = true;
            continue;
        }
        match event::read()? {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                program.key(key);
                dirty = true;
            }
            Event::Resize(width, height) => {
                program.resize(width, height);
                dirty = true;
            }
            _ => {}
        }
    }
    match program.failure() {
        Some(message) => Err(anyhow::Error::msg(message)),
        None => Ok(()),
    }
}
