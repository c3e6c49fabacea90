//! Any bytes to the deck checker: an error or a deck, never a panic, and no error message
//! that could steer a terminal.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Err(errors) = heard::deck::check::check_deck(std::path::Path::new("fuzz.toml"), bytes) {
        for error in errors {
            let text = error.to_string();
            assert!(
                !text
                    .chars()
                    .any(|c| heard::text::is_unsafe_char(c) || c == '\n')
            );
        }
    }
});
