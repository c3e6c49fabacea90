//! The event loop: draw only after input, a resize, or the running timer's tick. An idle
//! heard blocks on the terminal and uses no CPU; a terminal that goes away ends the loop
//! at once (see `watch`).

use std::time::{Duration, Instant};

use anyhow::Result;
use crossterm::event::{self, Event, KeyEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;

use super::watch::{Wait, Watch};

/// How long an idle wait lasts before it looks again (nothing is drawn for it).
const IDLE: Duration = Duration::from_secs(3600);

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
    /// The terminal is gone (closed, hung up, at the end of its input, or it cannot be
    /// written): the loop ends after this.
    fn hangup(&mut self) {}
}

/// Run until the program wants to quit.
pub fn run<B: Backend, P: Program>(
    terminal: &mut Terminal<B>,
    program: &mut P,
    watch: &Watch,
) -> Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let mut dirty = true;
    if let Ok(size) = terminal.size() {
        program.resize(size.width, size.height);
    }
    while !program.should_quit() {
        // A terminal that cannot be written is gone as surely as one that hung up.
        if dirty && terminal.draw(|frame| program.draw(frame)).is_err() {
            program.hangup();
            break;
        }
        dirty = false;
        let now = Instant::now();
        // No timer: block until something happens.
        let timeout = program
            .next_tick(now)
            .map_or(IDLE, |due| due.saturating_duration_since(now));
        match watch.wait(timeout) {
            Wait::Gone => {
                program.hangup();
                break;
            }
            Wait::Timeout => {
                // The tick that was asked for is due, also when it is the last one (a
                // clock reaching zero asks for nothing after it, but must still be drawn).
                program.tick(Instant::now());
                dirty = true;
            }
            Wait::Woken => {
                // Perhaps a resize: the window as it is now (a stop signal is seen by
                // `should_quit`).
                if let Ok((width, height)) = crossterm::terminal::size() {
                    program.resize(width, height);
                    dirty = true;
                }
                dirty |= read_waiting(program)?;
            }
            // Only read once the watch has seen input, so crossterm never reads a
            // terminal that is gone.
            Wait::Ready => dirty |= read_waiting(program)?,
        }
    }
    match program.failure() {
        Some(message) => Err(anyhow::Error::msg(message)),
        None => Ok(()),
    }
}

/// Everything crossterm holds now, without blocking; whether to draw again.
fn read_waiting<P: Program>(program: &mut P) -> Result<bool> {
    let mut dirty = false;
    while !program.should_quit() && event::poll(Duration::ZERO)? {
        dirty |= handle(program, event::read()?);
    }
    Ok(dirty)
}

/// One event for the program; whether the screen must be drawn again.
fn handle<P: Program>(program: &mut P, event: Event) -> bool {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => {
            program.key(key);
            true
        }
        Event::Resize(width, height) => {
            program.resize(width, height);
            true
        }
        _ => false,
    }
}
