//! `steckbrief report`: what is missing or stale, for the contact point's staff.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::diagnostics;
use crate::report;

use super::check::{summary_line, use_colour};
use super::{EXIT_INVALID, EXIT_OK, fail};

/// Output formats of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Readable text (Markdown).
    Human,
    /// One JSON document.
    Json,
    /// Markdown, e.g. for an issue or a wiki page.
    Markdown,
}

/// Arguments of `report`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The content folder (with config.yaml and actors/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// How to print the report.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

pub fn run(args: &Args) -> ExitCode {
    let today = crate::today();
    let checked = match crate::check(&args.root, today) {
        Ok(checked) => checked,
        Err(error) => return fail(error),
    };
    let Some(catalog) = checked.catalog else {
        let summary = summary_line(&checked.diagnostics, checked.actor_count);
        let list = checked.diagnostics.sorted();
        eprint!("{}", diagnostics::render_human(&list, use_colour()));
        eprintln!("{summary}\nfix the errors first; the report needs valid content");
        return ExitCode::from(EXIT_INVALID);
    };
    let report = report::build(&catalog, today);
    match args.format {
        Format::Human | Format::Markdown => print!("{}", report::to_markdown(&report)),
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("the report serialises")
        ),
    }
    ExitCode::from(EXIT_OK)
}
