//! One module per subcommand; each is a thin layer over the library.

pub mod brochure;
pub mod build;
pub mod check;
pub mod completions;
pub mod export;
#[cfg(feature = "synthetic")]
pub mod generate;
pub mod init;
pub mod new;
pub mod progress;
pub mod report;
pub mod schema;
pub mod serve;

use std::io::IsTerminal;
use std::process::ExitCode;

use steckbrief::diagnostics::{self, Diagnostics};

/// Exit code: success, warnings allowed.
pub const EXIT_OK: u8 = 0;
/// Exit code: the content has errors.
pub const EXIT_INVALID: u8 = 1;
/// Exit code: wrong usage or an I/O problem.
pub const EXIT_USAGE: u8 = 2;

/// Prints a fatal problem and returns the usage/I/O exit code.
pub fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(EXIT_USAGE)
}

/// "checked 29 actors: 0 errors, 41 warnings".
pub fn summary_line(diagnostics: &Diagnostics, actors: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "checked {}: {}, {}",
        plural(actors, "actor"),
        plural(diagnostics.error_count(), "error"),
        plural(diagnostics.warning_count(), "warning")
    )
}

/// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
pub fn use_colour() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Prints every problem and the summary of content that has errors; returns exit code 1.
/// `consequence` says what did not happen ("nothing was built; public is unchanged").
pub fn invalid_content(checked: steckbrief::Checked, consequence: &str) -> ExitCode {
    let summary = summary_line(&checked.diagnostics, checked.actor_count);
    let list = checked.diagnostics.sorted();
    eprint!("{}", diagnostics::render_human(&list, use_colour()));
    eprintln!("{summary}\n{consequence}");
    ExitCode::from(EXIT_INVALID)
}
