//! Waiting for the terminal in a way that notices when it is gone.
//!
//! crossterm reads the terminal in a loop that only stops on "would block": when the
//! terminal goes away (a closed window, tmux kill-server) a read returns 0 bytes or an I/O
//! error, and crossterm reads again at once, for ever, at 100% of a core. So heard waits
//! with its own `poll(2)` on the terminal and a wake-up pipe, and hands over to crossterm
//! only when there is input to read. A hang-up, an error or the end of input is reported
//! as `Wait::Gone`, never read by crossterm.
//!
//! The pipe is written on SIGWINCH (a resize, which crossterm turns into an event) and by
//! heard's signal thread, so a resize or a signal wakes the wait at once.

use std::io::Read;
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::net::UnixStream;
use std::time::Duration;

/// What the wait found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    /// Input, or a signal that interrupted the wait: ask crossterm and the program.
    Ready,
    /// The pipe woke the wait: a resize (SIGWINCH) or a signal for heard to stop. The
    /// window's size must be asked for here: crossterm is told of a resize by a pipe of
    /// its own, which may be written a moment after this one.
    Woken,
    /// The time asked for has passed.
    Timeout,
    /// The terminal is gone: hung up, in error, or at the end of its input.
    Gone,
}

/// The terminal's input and the wake-up pipe.
pub struct Watch {
    tty: RawFd,
    /// Kept open for as long as `tty` is used: `/dev/tty` when input is not the terminal.
    _tty_file: Option<std::fs::File>,
    wake: UnixStream,
    waker: UnixStream,
    resize: signal_hook::SigId,
}

impl Watch {
    /// Watch the terminal crossterm reads: standard input when it is one, else `/dev/tty`.
    pub fn new() -> std::io::Result<Watch> {
        // SAFETY: isatty only looks at the descriptor.
        let (tty, tty_file) = if unsafe { libc::isatty(libc::STDIN_FILENO) } == 1 {
            (libc::STDIN_FILENO, None)
        } else {
            let file = std::fs::File::open("/dev/tty")?;
            (file.as_raw_fd(), Some(file))
        };
        let (wake, waker) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        waker.set_nonblocking(true)?;
        let resize = signal_hook::low_level::pipe::register(
            signal_hook::consts::SIGWINCH,
            waker.try_clone()?,
        )?;
        Ok(Watch {
            tty,
            _tty_file: tty_file,
            wake,
            waker,
            resize,
        })
    }

    /// A handle another thread can wake the wait with.
    pub fn waker(&self) -> std::io::Result<UnixStream> {
        self.waker.try_clone()
    }

    /// Wait up to `timeout` for input, a wake-up or the terminal going away.
    pub fn wait(&self, timeout: Duration) -> Wait {
        let mut fds = [
            libc::pollfd {
                fd: self.tty,
                events: libc::POLLIN,
                revents: 0,
            },
            libc::pollfd {
                fd: self.wake.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            },
        ];
        let millis = poll_millis(timeout);
        // SAFETY: `fds` is a valid array of two pollfd for the length given.
        let ready = unsafe { libc::poll(fds.as_mut_ptr(), 2, millis) };
        if ready < 0 {
            // Interrupted by a signal: let the caller look at what it meant.
            return Wait::Ready;
        }
        if ready == 0 {
            return Wait::Timeout;
        }
        let [tty, wake] = fds;
        if tty.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            return Wait::Gone;
        }
        if tty.revents & libc::POLLIN != 0 && self.waiting_bytes() == Some(0) {
            // Readable with nothing to read: the end of input.
            return Wait::Gone;
        }
        if wake.revents != 0 {
            self.drain_wake();
            return Wait::Woken;
        }
        Wait::Ready
    }

    /// How many bytes the terminal holds for reading, if it says.
    fn waiting_bytes(&self) -> Option<libc::c_int> {
        let mut count: libc::c_int = 0;
        // SAFETY: FIONREAD writes one c_int through the pointer given.
        let status = unsafe { libc::ioctl(self.tty, libc::FIONREAD, &mut count) };
        (status == 0).then_some(count)
    }

    fn drain_wake(&self) {
        let mut buf = [0u8; 64];
        while matches!((&self.wake).read(&mut buf), Ok(n) if n > 0) {}
    }
}

/// A wait in whole milliseconds for poll(2), rounded up: waking a fraction of a
/// millisecond early would draw the clock's last tick before it is due, and that tick asks
/// for none after it, so its frame would never come.
fn poll_millis(timeout: Duration) -> libc::c_int {
    libc::c_int::try_from(timeout.as_micros().div_ceil(1000)).unwrap_or(libc::c_int::MAX)
}

impl Drop for Watch {
    fn drop(&mut self) {
        signal_hook::low_level::unregister(self.resize);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wait_never_ends_before_the_time_asked_for() {
        assert_eq!(poll_millis(Duration::ZERO), 0);
        assert_eq!(poll_millis(Duration::from_micros(300)), 1);
        assert_eq!(poll_millis(Duration::from_micros(1001)), 2);
        assert_eq!(poll_millis(Duration::from_secs(3600)), 3_600_000);
        assert_eq!(poll_millis(Duration::MAX), libc::c_int::MAX);
    }
}
