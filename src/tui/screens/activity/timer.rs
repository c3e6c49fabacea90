//! Clocks for the talk screens: the speaking timer (pausable) and the break's countdown.

use std::time::{Duration, Instant};

/// Time spent on a card. Counts always (the journal keeps seconds per turn); shown as a
/// countdown only when the talk has a speaking time.
#[derive(Debug, Clone)]
pub struct Stopwatch {
    running_since: Option<Instant>,
    banked: Duration,
}

impl Stopwatch {
    pub fn started(now: Instant) -> Stopwatch {
        Stopwatch {
            running_since: Some(now),
            banked: Duration::ZERO,
        }
    }

    pub fn elapsed(&self, now: Instant) -> Duration {
        self.banked
            + self
                .running_since
                .map_or(Duration::ZERO, |since| now.saturating_duration_since(since))
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    /// Pause when running, resume when paused.
    pub fn toggle(&mut self, now: Instant) {
        match self.running_since.take() {
            Some(since) => self.banked += now.saturating_duration_since(since),
            None => self.running_since = Some(now),
        }
    }

    /// Seconds left of `total`, never below zero.
    pub fn left(&self, total: u32, now: Instant) -> u32 {
        let spent = u32::try_from(self.elapsed(now).as_secs()).unwrap_or(u32::MAX);
        total.saturating_sub(spent)
    }

    /// When the shown seconds next change, while running: the next whole second.
    pub fn next_second(&self, now: Instant) -> Option<Instant> {
        let since = self.running_since?;
        let elapsed = self.elapsed(now);
        let next = Duration::from_secs(elapsed.as_secs() + 1);
        Some(since + (next - self.banked))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pausing_stops_the_count() {
        let t0 = Instant::now();
        let mut watch = Stopwatch::started(t0);
        let t1 = t0 + Duration::from_secs(30);
        watch.toggle(t1);
        assert!(!watch.is_running());
        let t2 = t1 + Duration::from_secs(100);
        assert_eq!(watch.elapsed(t2), Duration::from_secs(30));
        assert_eq!(watch.left(180, t2), 150);
        assert_eq!(watch.next_second(t2), None);
        watch.toggle(t2);
        assert_eq!(watch.left(180, t2 + Duration::from_secs(200)), 0);
    }

    #[test]
    fn ticks_land_on_whole_seconds() {
        let t0 = Instant::now();
        let watch = Stopwatch::started(t0);
        let now = t0 + Duration::from_millis(2500);
        assert_eq!(watch.next_second(now), Some(t0 + Duration::from_secs(3)));
    }
}
