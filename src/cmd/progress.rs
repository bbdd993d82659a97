//! A one-line progress display for long builds, shown only on a terminal.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;

/// Overwrites one status line on stderr; silent when stderr is not a terminal or when disabled.
pub struct StatusLine {
    enabled: bool,
    line: Mutex<()>,
}

impl StatusLine {
    /// A display that shows when `wanted` and stderr is a terminal.
    pub fn new(wanted: bool) -> StatusLine {
        StatusLine {
            enabled: wanted && std::io::stderr().is_terminal(),
            line: Mutex::new(()),
        }
    }

    /// Replaces the status line with `message`.
    pub fn show(&self, message: &str) {
        if self.enabled {
            let _guard = self.line.lock();
            let mut stderr = std::io::stderr().lock();
            let _ = write!(stderr, "\r\x1b[2K{message}");
            let _ = stderr.flush();
        }
    }

    /// Clears the status line before the final output.
    pub fn clear(&self) {
        self.show("");
    }
}
