//! The common steps of a couple talk (Ana and Ben), for flow tests on the real screen.

use super::{Heard, Key};

impl Heard {
    /// The check-in: each partner picks a mood.
    pub fn check_in(&self, moods: [char; 2]) {
        for (name, mood) in ["Ana", "Ben"].into_iter().zip(moods) {
            self.expect(&format!("{name}, how are you feeling right now?"));
            // A digit answers a one-question scale and goes on.
            self.key(Key::Char(mood));
        }
    }

    /// One speaker's turn, from the speaker card to the rating with the guess beside it.
    pub fn answer_turn(&self, speaker: &str, listener: &str, guess: char, felt: (char, char)) {
        self.expect(&format!("{speaker}, share with {listener}"));
        self.key(Key::Enter);
        self.expect(&format!("{listener}, tell {speaker} what you heard"));
        self.key(Key::Enter);
        self.expect(&format!(
            "{listener}, how heard do you think {speaker} felt?"
        ));
        self.key(Key::Char(guess));
        self.expect(&format!("{speaker}, how heard did you feel just now?"));
        self.key(Key::Char(felt.0));
        self.key(Key::Char(felt.1));
        // The guess shows beside the rating, on the same screen.
        self.expect(&format!("{listener} guessed {guess}"));
        self.key(Key::Enter);
    }
}
