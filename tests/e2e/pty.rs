//! The pty under a run of heard: start it, drain its output into an emulated terminal, answer
//! the terminal's queries.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::thread;

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

use super::Sandbox;

/// What the drain thread keeps: the emulated terminal and every byte the program wrote.
pub struct Terminal {
    pub parser: vt100::Parser<Responder>,
    pub raw: Vec<u8>,
    /// The pty reported end of output: the program and everything it started are gone.
    pub closed: bool,
}

/// Answers the queries a terminal is expected to answer; vt100 leaves them to its callbacks.
#[derive(Default)]
pub struct Responder {
    replies: Vec<u8>,
}

impl vt100::Callbacks for Responder {
    fn unhandled_csi(
        &mut self,
        screen: &mut vt100::Screen,
        i1: Option<u8>,
        _i2: Option<u8>,
        params: &[&[u16]],
        c: char,
    ) {
        let first = params.first().and_then(|p| p.first()).copied().unwrap_or(0);
        match (i1, c, first) {
            (None, 'n', 6) => {
                let (row, col) = screen.cursor_position();
                let reply = format!("\x1b[{};{}R", row + 1, col + 1);
                self.replies.extend_from_slice(reply.as_bytes());
            }
            (None, 'n', 5) => self.replies.extend_from_slice(b"\x1b[0n"),
            // A VT220 with no extras, as many terminals say.
            (None, 'c', 0) => self.replies.extend_from_slice(b"\x1b[?62c"),
            _ => {}
        }
    }
}

/// One running (or finished) heard process and its pty.
pub struct Run {
    pub child: Box<dyn Child + Send + Sync>,
    pub status: Option<ExitStatus>,
    pub master: Box<dyn MasterPty + Send>,
    pub writer: Arc<Mutex<Box<dyn Write + Send>>>,
    pub terminal: Arc<Mutex<Terminal>>,
}

pub fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a terminal needs at least one row and one column")
}

pub fn pty_size((rows, cols): (u16, u16)) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// Open a pty, start `command` on it with the sandbox's clean env, and start draining it.
pub fn start(
    mut command: CommandBuilder,
    sandbox: &Sandbox,
    env: &[(String, String)],
    size: (u16, u16),
) -> Run {
    command.env_clear();
    command.env("TERM", "xterm-256color");
    command.env("HOME", sandbox.home_dir());
    command.env("HEARD_DATA_DIR", sandbox.data_dir());
    command.env("HEARD_CONFIG_DIR", sandbox.config_dir());
    for (key, value) in env {
        command.env(key, value);
    }
    command.cwd(sandbox.root());

    let pair = native_pty_system()
        .openpty(pty_size(size))
        .expect("open a pty");
    let child = pair.slave.spawn_command(command).expect("start heard");
    // Only the child may hold the slave: once it ends, reading the master reports the end.
    drop(pair.slave);
    let reader = pair.master.try_clone_reader().expect("read the pty");
    let writer = Arc::new(Mutex::new(
        pair.master.take_writer().expect("write the pty"),
    ));
    let terminal = Arc::new(Mutex::new(Terminal {
        parser: vt100::Parser::new_with_callbacks(
            nonzero(size.0),
            nonzero(size.1),
            0,
            Responder::default(),
        ),
        raw: Vec::new(),
        closed: false,
    }));
    drain(reader, Arc::clone(&terminal), Arc::clone(&writer));
    Run {
        child,
        status: None,
        master: pair.master,
        writer,
        terminal,
    }
}

/// Read everything the program writes, feed the emulated terminal and answer its queries,
/// until the pty reports the end. Runs for the whole life of the program so it never blocks
/// on a full pty buffer.
fn drain(
    mut reader: Box<dyn Read + Send>,
    terminal: Arc<Mutex<Terminal>>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
) {
    thread::spawn(move || {
        let mut buf = [0u8; 8192];
        loop {
            let n = match reader.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                // Linux reports EIO once the last holder of the slave side is gone.
                Err(_) => break,
            };
            let replies = {
                let mut t = terminal.lock().unwrap_or_else(|p| p.into_inner());
                t.raw.extend_from_slice(&buf[..n]);
                t.parser.process(&buf[..n]);
                std::mem::take(&mut t.parser.callbacks_mut().replies)
            };
            if !replies.is_empty() {
                let mut w = writer.lock().unwrap_or_else(|p| p.into_inner());
                let _ = w.write_all(&replies).and_then(|()| w.flush());
            }
        }
        terminal.lock().unwrap_or_else(|p| p.into_inner()).closed = true;
    });
}
