//! What heard asks of the operating system before it reads a word: no core dumps.
//!
//! A core file is the process's memory written to disk when it crashes (on a signal like
//! SIGSEGV or SIGABRT, where the system has them turned on): it would hold the names, the
//! notes and the reflections in plain text, in whatever folder heard was started from.
//! So heard sets its own core-file limit to zero and, on Linux, marks itself not dumpable
//! (which also keeps other users' debuggers out of its memory). It does this for every
//! command, since the journal commands print private text too.

/// Turn core dumps off for this process. Nothing to report when the system refuses: it
/// only fails for limits heard may not lower, and lowering is always allowed.
pub fn no_core_dumps() {
    let none = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: setrlimit reads the struct given; prctl with these arguments takes no pointer.
    unsafe {
        libc::setrlimit(libc::RLIMIT_CORE, &none);
        #[cfg(target_os = "linux")]
        libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0);
    }
}

/// The terminal is gone: point standard output and error at `/dev/null`, so that no write
/// left to do (a farewell, ratatui showing the cursor as it drops, a panic's message) can
/// fail and turn into a panic, and a panic inside the panic hook into an abort.
pub fn forget_the_terminal() {
    let Ok(null) = std::fs::OpenOptions::new().write(true).open("/dev/null") else {
        return;
    };
    use std::os::fd::AsRawFd;
    // SAFETY: dup2 onto the standard descriptors; `null` stays open until both are done.
    unsafe {
        libc::dup2(null.as_raw_fd(), libc::STDOUT_FILENO);
        libc::dup2(null.as_raw_fd(), libc::STDERR_FILENO);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn after_it_this_process_leaves_no_core_file() {
        super::no_core_dumps();
        let mut limit = libc::rlimit {
            rlim_cur: 1,
            rlim_max: 1,
        };
        // SAFETY: getrlimit writes the struct given.
        assert_eq!(unsafe { libc::getrlimit(libc::RLIMIT_CORE, &mut limit) }, 0);
        assert_eq!((limit.rlim_cur, limit.rlim_max), (0, 0));
        #[cfg(target_os = "linux")]
        // SAFETY: PR_GET_DUMPABLE takes no pointer.
        assert_eq!(unsafe { libc::prctl(libc::PR_GET_DUMPABLE) }, 0);
    }
}
