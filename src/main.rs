//! The `heard` binary: parse the command line, run a command or the TUI, and turn errors
//! into one clear line and an exit code (0 success, 1 a problem you can fix, 2 bad usage).

use std::process::ExitCode;

use heard::cli;

fn main() -> ExitCode {
    // Before anything is read: a crash must never leave the talk's words in a core file.
    heard::process::no_core_dumps();
    let args = cli::parse_args();
    let result = args.global.context().and_then(|ctx| match args.command {
        Some(command) => cli::run(command, &ctx),
        None => heard::tui::start::run(&ctx, heard::tui::start::Start::Home),
    });
    // Once, after the command (and after the TUI has given the terminal back).
    if let Some(note) = heard::files::loose_note() {
        heard::tui::guard::say(&note);
    }
    match result {
        Ok(code) => code,
        Err(err) => {
            heard::tui::guard::say(&format!("heard: {}", cli::error_line(&err)));
            ExitCode::from(1)
        }
    }
}
