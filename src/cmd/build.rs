//! `steckbrief build`: check the content, then render the website into `public/`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use crate::diagnostics;
use crate::site::{self, Options};

use super::check::{summary_line, use_colour};
use super::{EXIT_INVALID, EXIT_OK, fail};

/// Arguments of `build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The content folder (with config.yaml and actors/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Where to write the site.
    #[arg(long, default_value = "public")]
    pub out: PathBuf,
}

pub fn run(args: &Args) -> ExitCode {
    let started = Instant::now();
    let checked = match crate::check(&args.root, crate::today()) {
        Ok(checked) => checked,
        Err(error) => return fail(error),
    };
    let summary = summary_line(&checked.diagnostics, checked.actor_count);
    let Some(catalog) = checked.catalog else {
        let list = checked.diagnostics.sorted();
        eprint!("{}", diagnostics::render_human(&list, use_colour()));
        eprintln!(
            "{summary}\nnothing was built; {} is unchanged",
            args.out.display()
        );
        return ExitCode::from(EXIT_INVALID);
    };
    let files = match site::render(
        &catalog,
        &Options {
            brochure_languages: &[],
            today: crate::today(),
        },
    ) {
        Ok(files) => files,
        Err(error) => {
            return fail(format!(
                "{error}\nnothing was built; {} is unchanged",
                args.out.display()
            ));
        }
    };
    let pages = files.keys().filter(|path| path.ends_with(".html")).count();
    if let Err(error) = crate::output::write_atomically(&args.out, &files, &[]) {
        return fail(format!("cannot write {}: {error}", args.out.display()));
    }
    eprintln!(
        "{summary}\nbuilt {pages} pages into {} in {:.2} s",
        args.out.display(),
        started.elapsed().as_secs_f64()
    );
    ExitCode::from(EXIT_OK)
}
