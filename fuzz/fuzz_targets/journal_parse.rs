//! Any bytes to the journal loader: an error or a journal, never a panic, and no error
//! message that could steer a terminal.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Err(error) = heard::journal::store::parse(std::path::Path::new("journal.json"), bytes) {
        let text = error.to_string();
        assert!(
            !text
                .chars()
                .any(|c| heard::text::is_unsafe_char(c) || c == '\n')
        );
    }
});
