//! `steckbrief check`: validate the content and report every problem.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::diagnostics::{self, Diagnostics, Format};

use super::{EXIT_INVALID, EXIT_OK, fail};

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The content folder (with config.yaml and actors/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// How to print the problems.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

pub fn run(args: &Args) -> ExitCode {
    let checked = match crate::check(&args.root, crate::today()) {
        Ok(checked) => checked,
        Err(error) => return fail(error),
    };
    let errors = checked.diagnostics.error_count();
    let summary = summary_line(&checked.diagnostics, checked.actor_count);
    let list = checked.diagnostics.sorted();
    match args.format {
        Format::Human => {
            eprint!("{}", diagnostics::render_human(&list, use_colour()));
            eprintln!("{summary}");
        }
        Format::Json => print!("{}", diagnostics::render_json(&list)),
        Format::Github => {
            print!("{}", diagnostics::render_github(&list));
            eprintln!("{summary}");
        }
    }
    ExitCode::from(if errors > 0 { EXIT_INVALID } else { EXIT_OK })
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
pub fn invalid_content(checked: crate::Checked, consequence: &str) -> ExitCode {
    let summary = summary_line(&checked.diagnostics, checked.actor_count);
    let list = checked.diagnostics.sorted();
    eprint!("{}", diagnostics::render_human(&list, use_colour()));
    eprintln!("{summary}\n{consequence}");
    ExitCode::from(EXIT_INVALID)
}
