//! `steckbrief check`: validate the content and report every problem.

use std::path::PathBuf;
use std::process::ExitCode;

use steckbrief::diagnostics;

use super::{
    EXIT_INVALID, EXIT_OK, LangArg, fail, print_human, readable, summary_line, use_colour,
};

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The content folder (with config.yaml and actors/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// How to print the problems.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// List only the errors; warnings are counted in the closing line (human format). For
    /// hooks and quick runs, where a page of warnings would hide the error that matters.
    #[arg(long, conflicts_with = "verbose")]
    pub quiet: bool,
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
    /// A GitLab code-quality report (JSON), shown on merge requests.
    Gitlab,
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
        Format::Human if args.quiet => {
            let mut list = checked.diagnostics.sorted();
            list.retain(|d| d.severity == diagnostics::Severity::Error);
            eprint!("{}", diagnostics::render_human(&list, use_colour()));
            eprintln!("{summary}");
        }
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
        Format::Gitlab => {
            print!(
                "{}",
                diagnostics::render_gitlab(&diagnostics::errors_first(
                    checked.diagnostics.sorted()
                ))
            );
            eprintln!("{summary}");
        }
    }
    ExitCode::from(if errors > 0 { EXIT_INVALID } else { EXIT_OK })
}
