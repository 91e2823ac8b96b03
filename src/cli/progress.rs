//! Progress on standard error for long runs: files, bytes, MB/s, ETA.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

pub(crate) struct Progress {
    enabled: bool,
    files_total: usize,
    bytes_total: u64,
    files_done: usize,
    bytes_done: u64,
    started: Instant,
    last_draw: Option<Instant>,
}

impl Progress {
    /// Progress is drawn only when standard error is a terminal, the run is
    /// long enough to want it (more than one file, or more than
    /// [`LARGE_INPUT`] bytes), and `--quiet` was not given.
    pub fn new(files_total: usize, bytes_total: u64, quiet: bool) -> Progress {
        Progress {
            enabled: !quiet && (files_total > 1 || bytes_total > LARGE_INPUT) && std::io::stderr().is_terminal(),
            files_total,
            bytes_total,
            files_done: 0,
            bytes_done: 0,
            started: Instant::now(),
            last_draw: None,
        }
    }

    pub fn bytes_done(&mut self, bytes: u64) {
        self.bytes_done += bytes;
        self.draw(false);
    }

    pub fn file_done(&mut self) {
        self.files_done += 1;
        self.draw(self.files_done == self.files_total);
    }

    /// Clears the progress line, so that a message can be printed.
    pub fn clear_line(&mut self) {
        if self.enabled && self.last_draw.is_some() {
            let _ = write!(std::io::stderr(), "\r{:78}\r", "");
        }
    }

    fn draw(&mut self, last: bool) {
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        if self.last_draw.is_some_and(|t| now - t < Duration::from_millis(100)) && !last {
            return;
        }
        self.last_draw = Some(now);
        let secs = self.started.elapsed().as_secs_f64().max(1e-6);
        let rate = self.bytes_done as f64 / secs;
        let eta = if rate > 0.0 { (self.bytes_total.saturating_sub(self.bytes_done)) as f64 / rate } else { 0.0 };
        let _ = write!(
            std::io::stderr(),
            "\r{}/{} files, {:.1}/{:.1} MB, {:.1} MB/s, ETA {:.0}s   ",
            self.files_done,
            self.files_total,
            self.bytes_done as f64 / 1e6,
            self.bytes_total as f64 / 1e6,
            rate / 1e6,
            eta
        );
    }

    pub fn finish(&self) {
        if self.enabled && self.last_draw.is_some() {
            let _ = writeln!(std::io::stderr());
        }
    }
}

/// Inputs larger than this show progress even as a single file.
const LARGE_INPUT: u64 = 16 << 20;
