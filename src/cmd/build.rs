//! `steckbrief build`: check the content, then render the website and the PDF brochures into
//! `public/` in one run (see [`steckbrief::build`]).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use steckbrief::build::{self, BuildError, Progress};
use steckbrief::diagnostics;

use super::progress::StatusLine;
use super::{EXIT_OK, fail, invalid_content, summary_line, use_colour};

/// Arguments of `build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The content folder (with config.yaml and actors/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Where to write the site.
    #[arg(long, default_value = "public")]
    pub out: PathBuf,
    /// Build only the website, without the PDF brochures.
    #[arg(long)]
    pub no_brochures: bool,
    /// Print nothing but errors.
    #[arg(long, short, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also list every warning and the time of each step.
    #[arg(long, short)]
    pub verbose: bool,
}

pub fn run(args: &Args) -> ExitCode {
    let started = Instant::now();
    let status = StatusLine::new(!args.quiet);
    let options = build::Options {
        brochures: !args.no_brochures,
        today: steckbrief::today(),
    };
    let out = args.out.display();
    let show = |progress: Progress| {
        status.show(&match progress {
            Progress::Recovered(previous) => {
                status.clear();
                eprintln!(
                    "note: an earlier build was interrupted; {out} was put back from {}",
                    previous.display()
                );
                return;
            }
            Progress::Checking => "checking the content…".to_owned(),
            Progress::Rendering { brochures } => {
                format!("rendering the site and {brochures} brochures…")
            }
            Progress::Brochures { done, of } => format!("brochures: {done} of {of} rendered…"),
            Progress::Publishing => format!("writing {out}…"),
        });
    };
    let result = build::build(&args.root, &args.out, &options, &show);
    status.clear();
    let built = match result {
        Ok(built) => built,
        Err(BuildError::Invalid(checked)) => {
            return invalid_content(*checked, &format!("nothing was built; {out} is unchanged"));
        }
        Err(error @ (BuildError::Render(_) | BuildError::Output(_))) => {
            return fail(format!("{error}\nnothing was built; {out} is unchanged"));
        }
        Err(error @ (BuildError::Fatal(_) | BuildError::Publish(_))) => return fail(error),
    };
    if let Some(problem) = &built.left_over {
        eprintln!("warning: {problem}");
    }
    let summary = summary_line(&built.diagnostics, built.actor_count);
    if args.verbose {
        eprint!(
            "{}",
            diagnostics::render_human(&built.diagnostics.sorted(), use_colour())
        );
        let steps: Vec<String> = built
            .timings
            .iter()
            .map(|t| format!("{} {:.2} s", t.step, t.took.as_secs_f64()))
            .collect();
        eprintln!(
            "{} (renderers side by side, each file written as rendered)",
            steps.join(", ")
        );
    }
    if !args.quiet {
        eprintln!(
            "{summary}\nbuilt {} pages and {} PDF brochures into {out} in {:.2} s",
            built.rendered.pages,
            built.rendered.brochures.len(),
            started.elapsed().as_secs_f64()
        );
    }
    ExitCode::from(EXIT_OK)
}
