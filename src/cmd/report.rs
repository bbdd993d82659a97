//! `steckbrief report`: what is missing or stale, for the contact point's staff.

use std::path::PathBuf;
use std::process::ExitCode;

use steckbrief::report;

use steckbrief::messages;

use super::{EXIT_OK, LangArg};

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
    #[command(flatten)]
    pub lang: LangArg,
}

pub fn run(args: &Args) -> ExitCode {
    args.lang.apply(&args.root);
    let today = steckbrief::today();
    let catalog =
        match super::valid_catalog(&args.root, today, &messages::report_needs_valid_content()) {
            Ok(catalog) => catalog,
            Err(code) => return code,
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
