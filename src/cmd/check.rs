//! `steckbrief check`: validate the content and report every problem.

use std::path::PathBuf;
use std::process::ExitCode;

use steckbrief::diagnostics;

use super::{EXIT_INVALID, EXIT_OK, LangArg, fail, print_human, readable, summary_line};

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The content folder (with config.yaml and actors/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// How to print the problems.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// List every warning, also each missing translation (otherwise counted per language).
    #[arg(long, short)]
    pub verbose: bool,
    #[command(flatten)]
    pub lang: LangArg,
}

/// How `check` prints diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Readable text with the source line and a caret.
    Human,
    /// One JSON document for tools (always every problem).
    Json,
    /// GitHub Actions workflow commands, shown inline on pull requests.
    Github,
}

pub fn run(args: &Args) -> ExitCode {
    args.lang.apply(&args.root);
    let checked = match steckbrief::check(&args.root, steckbrief::today()) {
        Ok(checked) => checked,
        Err(error) => return fail(error),
    };
    let errors = checked.diagnostics.error_count();
    let summary = summary_line(&checked.diagnostics, checked.actor_count);
    let command = "steckbrief check";
    match args.format {
        Format::Human => print_human(checked.diagnostics, args.verbose, command, &summary),
        Format::Json => print!(
            "{}",
            diagnostics::render_json(&diagnostics::errors_first(checked.diagnostics.sorted()))
        ),
        Format::Github => {
            let (list, gaps, closing) = readable(checked.diagnostics, args.verbose, command);
            print!("{}", diagnostics::render_github(&list, &args.root));
            print!("{}", diagnostics::render_github_gaps(&gaps));
            eprintln!("{summary}");
            if let Some(closing) = closing {
                eprintln!("{closing}");
            }
        }
    }
    ExitCode::from(if errors > 0 { EXIT_INVALID } else { EXIT_OK })
}
