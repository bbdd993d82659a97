//! `steckbrief build`: check the content, then render the website and the PDF brochures into
//! `public/` in one run, from the one validated catalogue.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use rayon::prelude::*;

use crate::brochure;
use crate::catalog::Catalog;
use crate::diagnostics;
use crate::format::urls;
use crate::site::{self, Options};

use super::check::{invalid_content, summary_line, use_colour};
use super::progress::Progress;
use super::{EXIT_OK, fail};

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
    let progress = Progress::new(!args.quiet);
    progress.show("checking the content…");
    let today = crate::today();
    let mut checked = match crate::check(&args.root, today) {
        Ok(checked) => checked,
        Err(error) => return fail(error),
    };
    let summary = summary_line(&checked.diagnostics, checked.actor_count);
    let checked_after = started.elapsed();
    progress.clear();
    let Some(catalog) = checked.catalog.take() else {
        let consequence = format!("nothing was built; {} is unchanged", args.out.display());
        return invalid_content(checked, &consequence);
    };
    if args.verbose {
        eprint!(
            "{}",
            diagnostics::render_human(&checked.diagnostics.sorted(), use_colour())
        );
    }
    let brochure_languages = if args.no_brochures {
        Vec::new()
    } else {
        catalog.config.brochure.languages.clone()
    };
    let options = Options {
        brochure_languages: &brochure_languages,
        today,
        only_actors: None,
    };
    progress.show(&format!(
        "rendering the site and {} brochures…",
        brochure_languages.len()
    ));
    // The brochures lay out in parallel with the site, not after it.
    let (site, pdfs) = rayon::join(
        || {
            let started = Instant::now();
            site::render(&catalog, &options).map(|files| (files, started.elapsed()))
        },
        || render_brochures(&catalog, &brochure_languages, &progress),
    );
    let nothing_built = format!("nothing was built; {} is unchanged", args.out.display());
    let (files, site_time) = match site {
        Ok(files) => files,
        Err(error) => return fail(format!("{error}\n{nothing_built}")),
    };
    let (pdfs, pdf_time) = match pdfs {
        Ok(pdfs) => pdfs,
        Err(error) => return fail(format!("{error}\n{nothing_built}")),
    };
    let pages = files.keys().filter(|path| path.ends_with(".html")).count();
    let extra: Vec<(PathBuf, Vec<u8>)> = pdfs
        .into_iter()
        .map(|(language, pdf)| {
            let path = urls::brochure(&language, &catalog.config.brochure.file_name);
            (PathBuf::from(path.trim_start_matches('/')), pdf.bytes)
        })
        .collect();
    progress.show(&format!("writing {}…", args.out.display()));
    let write_started = Instant::now();
    if let Err(error) = crate::output::write_atomically(&args.out, &files, &extra) {
        return fail(format!("cannot write {}: {error}", args.out.display()));
    }
    progress.clear();
    if args.verbose {
        eprintln!(
            "check {:.2} s, site {:.2} s, brochures {:.2} s (in parallel), writing {:.2} s",
            checked_after.as_secs_f64(),
            site_time.as_secs_f64(),
            pdf_time.as_secs_f64(),
            write_started.elapsed().as_secs_f64()
        );
    }
    if !args.quiet {
        eprintln!(
            "{summary}\nbuilt {pages} pages and {} PDF brochures into {} in {:.2} s",
            extra.len(),
            args.out.display(),
            started.elapsed().as_secs_f64()
        );
    }
    ExitCode::from(EXIT_OK)
}

type Brochures = (Vec<(String, brochure::Pdf)>, std::time::Duration);

/// Renders the brochure of every language in `languages`, in parallel, into memory.
fn render_brochures(
    catalog: &Catalog,
    languages: &[String],
    progress: &Progress,
) -> Result<Brochures, brochure::BrochureError> {
    let started = Instant::now();
    if languages.is_empty() {
        return Ok((Vec::new(), started.elapsed()));
    }
    let as_of = brochure::as_of_date(catalog)?;
    let done = std::sync::atomic::AtomicUsize::new(0);
    let pdfs = languages
        .par_iter()
        .map(|language| {
            let pdf = brochure::render(catalog, language, as_of)?;
            let finished = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            progress.show(&format!(
                "brochures: {finished} of {} rendered…",
                languages.len()
            ));
            Ok((language.clone(), pdf))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok((pdfs, started.elapsed()))
}
