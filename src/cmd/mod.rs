//! One module per subcommand; each is a thin layer over the library.

pub mod brochure;
pub mod build;
pub mod check;
pub mod generate;
pub mod new;
pub mod progress;
pub mod report;
pub mod schema;
pub mod serve;

use std::process::ExitCode;

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
