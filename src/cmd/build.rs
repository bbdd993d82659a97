//! `steckbrief build`: check the content, then render the website and the PDF brochures into
//! `public/` in one run, from the one validated catalogue.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use crate::brochure;
use crate::catalog::Catalog;
use crate::diagnostics;
use crate::format::urls;
use crate::output::Staging;
use crate::site::{self, Minify, Options};

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
        minify: Minify::SharedFragments,
    };
    let nothing_built = format!("nothing was built; {} is unchanged", args.out.display());
    let staging = match Staging::create(&args.out) {
        Ok(staging) => staging,
        Err(error) => return fail(format!("cannot write {}: {error}", args.out.display())),
    };
    progress.show(&format!(
        "rendering the site and {} brochures…",
        brochure_languages.len()
    ));
    // The brochures lay out beside the site, not after it; every file goes to disk as soon as
    // it is made, so memory holds one page per thread and a few brochures, not the whole site.
    let (site, pdfs) = std::thread::scope(|scope| {
        let brochures =
            scope.spawn(|| render_brochures(&catalog, &brochure_languages, &staging, &progress));
        let started = Instant::now();
        let site = site::render_into(&catalog, &options, &staging)
            .map(|rendered| (rendered, started.elapsed()));
        (
            site,
            brochures.join().expect("the brochure thread panicked"),
        )
    });
    let (rendered, site_time) = match site {
        Ok(site) => site,
        Err(error) => return fail(format!("{error}\n{nothing_built}")),
    };
    let (brochures, pdf_time) = match pdfs {
        Ok(pdfs) => pdfs,
        Err(error) => return fail(format!("{error}\n{nothing_built}")),
    };
    progress.show(&format!("writing {}…", args.out.display()));
    let write_started = Instant::now();
    if let Err(error) = staging.commit() {
        return fail(format!("cannot write {}: {error}", args.out.display()));
    }
    progress.clear();
    if args.verbose {
        eprintln!(
            "check {:.2} s, site {:.2} s (written as rendered), brochures {:.2} s (in parallel), \
             swapping into place {:.2} s",
            checked_after.as_secs_f64(),
            site_time.as_secs_f64(),
            pdf_time.as_secs_f64(),
            write_started.elapsed().as_secs_f64()
        );
    }
    if !args.quiet {
        eprintln!(
            "{summary}\nbuilt {} pages and {brochures} PDF brochures into {} in {:.2} s",
            rendered.pages,
            args.out.display(),
            started.elapsed().as_secs_f64()
        );
    }
    ExitCode::from(EXIT_OK)
}

/// How many brochures, and how long they took.
type Brochures = (usize, std::time::Duration);

/// Renders the brochure of every language in `languages` and writes each into `staging` as soon
/// as it is done. At most one brochure per core lays out at a time: each holds its whole layout in
/// memory, and typst's own parallel work would otherwise let rayon start them all at once.
fn render_brochures(
    catalog: &Catalog,
    languages: &[String],
    staging: &Staging,
    progress: &Progress,
) -> Result<Brochures, BrochureFailure> {
    let started = Instant::now();
    if languages.is_empty() {
        return Ok((0, started.elapsed()));
    }
    let as_of = brochure::as_of_date(catalog)?;
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(languages.len());
    let render_next = || -> Result<(), BrochureFailure> {
        while let Some(language) = languages.get(next.fetch_add(1, Ordering::Relaxed)) {
            let pdf = brochure::render(catalog, language, as_of)?;
            let path = urls::brochure(language, &catalog.config.brochure.file_name);
            staging.write(Path::new(path.trim_start_matches('/')), &pdf.bytes)?;
            if catalog.config.brochure.print.is_some() {
                // The print shop's variant, beside it (see brochure::print_output_path).
                let print = brochure::render_variant(
                    catalog,
                    language,
                    as_of,
                    brochure::Cache::KeepLast,
                    brochure::Variant::Print,
                )?;
                let name = format!("{}-print", catalog.config.brochure.file_name);
                let path = urls::brochure(language, &name);
                staging.write(Path::new(path.trim_start_matches('/')), &print.bytes)?;
            }
            let finished = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress.show(&format!(
                "brochures: {finished} of {} rendered…",
                languages.len()
            ));
        }
        Ok(())
    };
    std::thread::scope(|scope| {
        let threads: Vec<_> = (0..workers).map(|_| scope.spawn(render_next)).collect();
        threads
            .into_iter()
            .try_for_each(|thread| thread.join().expect("a brochure thread panicked"))
    })?;
    Ok((languages.len(), started.elapsed()))
}

/// Why the brochures could not be made.
#[derive(Debug)]
enum BrochureFailure {
    Render(brochure::BrochureError),
    Write(std::io::Error),
}

impl From<brochure::BrochureError> for BrochureFailure {
    fn from(error: brochure::BrochureError) -> Self {
        BrochureFailure::Render(error)
    }
}

impl From<std::io::Error> for BrochureFailure {
    fn from(error: std::io::Error) -> Self {
        BrochureFailure::Write(error)
    }
}

impl std::fmt::Display for BrochureFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BrochureFailure::Render(error) => error.fmt(f),
            BrochureFailure::Write(error) => write!(f, "cannot write a brochure: {error}"),
        }
    }
}
