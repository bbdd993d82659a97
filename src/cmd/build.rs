//! `steckbrief build`: check the content, then render the website and the PDF brochures into
//! `public/` in one run (see [`steckbrief::build`]).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use steckbrief::build::{self, BuildError, Progress};
use steckbrief::messages;

use super::progress::StatusLine;
use super::{EXIT_OK, LangArg, fail, invalid_content, print_human, summary_line};

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
    /// Lay out every brochure anew instead of taking unchanged ones from the brochure cache
    /// (.steckbrief-cache/ in the content folder).
    #[arg(long)]
    pub no_cache: bool,
    /// Print nothing but errors.
    #[arg(long, short, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also list each missing translation (otherwise counted per language) and the time of
    /// each step.
    #[arg(long, short)]
    pub verbose: bool,
    #[command(flatten)]
    pub lang: LangArg,
}

pub fn run(args: &Args) -> ExitCode {
    args.lang.apply(&args.root);
    let started = Instant::now();
    let status = StatusLine::new(!args.quiet);
    let options = build::Options {
        brochures: !args.no_brochures,
        today: steckbrief::today(),
        brochure_cache: !args.no_cache,
    };
    let out = args.out.display().to_string();
    let show = |progress: Progress| {
        status.show(&match progress {
            Progress::Recovered(previous) => {
                status.clear();
                eprintln!(
                    "{}",
                    messages::recovered(&out, &previous.display().to_string())
                );
                return;
            }
            Progress::Checking => messages::progress_checking(),
            Progress::Rendering { brochures } => messages::progress_rendering(brochures),
            Progress::Brochures { done, of } => messages::progress_brochures(done, of),
            Progress::Publishing => messages::progress_publishing(&out),
        });
    };
    let result = build::build(&args.root, &args.out, &options, &show);
    status.clear();
    let built = match result {
        Ok(built) => built,
        Err(BuildError::Invalid(checked)) => {
            return invalid_content(
                *checked,
                &messages::nothing_built(&out),
                "steckbrief build",
                args.verbose,
            );
        }
        Err(error @ (BuildError::Render(_) | BuildError::Output(_))) => {
            return fail(format!("{error}\n{}", messages::nothing_built(&out)));
        }
        Err(error @ (BuildError::Fatal(_) | BuildError::Publish(_))) => return fail(error),
    };
    if let Some(problem) = &built.left_over {
        eprintln!("{}", messages::warning_line(&problem.to_string()));
    }
    let summary = summary_line(&built.diagnostics, built.actor_count);
    if args.verbose {
        let steps: Vec<String> = built
            .timings
            .iter()
            .map(|t| format!("{} {:.2} s", t.step, t.took.as_secs_f64()))
            .collect();
        eprintln!("{}", messages::step_times(&steps.join(", ")));
        let brochures = &built.rendered.brochures;
        print_from_cache(
            brochures.iter().map(|b| b.from_cache).sum(),
            brochures.iter().map(|b| b.cache_keys.len()).sum(),
            &args.root,
        );
    }
    if !args.quiet {
        print_human(
            built.diagnostics,
            args.verbose,
            "steckbrief build",
            &summary,
        );
        eprintln!(
            "{}",
            messages::built(
                built.rendered.pages,
                built.rendered.brochures.len(),
                &out,
                &format!("{:.2}", started.elapsed().as_secs_f64())
            )
        );
    }
    ExitCode::from(EXIT_OK)
}

/// How many (`from_cache`) of the brochures' `of` PDFs came from the brochure cache, if any did.
pub fn print_from_cache(from_cache: usize, of: usize, root: &std::path::Path) {
    if from_cache > 0 {
        let dir = steckbrief::brochure::cache::PdfCache::of_root(root);
        eprintln!(
            "{}",
            messages::brochures_from_cache(from_cache, of, &dir.dir().display().to_string())
        );
    }
}
