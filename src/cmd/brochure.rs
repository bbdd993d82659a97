//! `steckbrief brochure`: check the content, then write the PDF brochures.

use std::path::PathBuf;
use std::process::ExitCode;

use steckbrief::brochure;
use steckbrief::messages;
use steckbrief::output::OutDir;

use super::{EXIT_OK, fail};

/// Arguments of `brochure`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The content folder (with config.yaml and actors/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Only this language (a code from config.yaml); default: every brochure language.
    #[arg(long)]
    pub lang: Option<String>,
    /// The site folder; each PDF goes into its language's folder there.
    #[arg(long, default_value = "public")]
    pub out: PathBuf,
    /// Lay out every brochure anew instead of taking unchanged ones from the brochure cache
    /// (.steckbrief-cache/ in the content folder).
    #[arg(long)]
    pub no_cache: bool,
}

/// Runs `brochure`: exit code 1 if the content has errors, 2 on usage, I/O or typst errors.
pub fn run(args: &Args) -> ExitCode {
    // `--lang` here picks the brochure; the messages follow the locale or the content.
    super::LangArg { lang: None }.apply(&args.root);
    let catalog = match super::valid_catalog(
        &args.root,
        steckbrief::today(),
        &messages::nothing_written(),
    ) {
        Ok(catalog) => catalog,
        Err(code) => return code,
    };
    let languages = match &args.lang {
        Some(code) if catalog.language(code).is_none() => {
            return fail(brochure::BrochureError::UnknownLanguage(code.clone()));
        }
        Some(code) => vec![code.clone()],
        None => catalog.config.brochure.languages.clone(),
    };
    let as_of = match brochure::within_limit(&catalog).and_then(|()| brochure::as_of_date(&catalog))
    {
        Ok(date) => date,
        Err(error) => return fail(error),
    };
    // The PDFs go into the site folder in place; the same rules as for `build` keep it safe.
    let _locked = match OutDir::open(&args.out, &args.root).and_then(|out| {
        out.create_in_place()?;
        Ok(out)
    }) {
        Ok(out) => out,
        Err(error) => return fail(format!("{error}\n{}", messages::nothing_written())),
    };
    let started = std::time::Instant::now();
    let cache = (!args.no_cache).then(|| brochure::cache::PdfCache::of_root(&args.root));
    match brochure::render_languages_cached(&catalog, &languages, &args.out, as_of, cache.as_ref())
    {
        Ok(written) => {
            for w in &written {
                for warning in &w.warnings {
                    eprintln!("{warning}");
                }
                eprintln!(
                    "{}",
                    messages::brochure_written(&w.path.display().to_string(), w.pages)
                );
                if let Some(print) = &w.print_path {
                    eprintln!(
                        "{}",
                        messages::brochure_print_written(&print.display().to_string())
                    );
                }
            }
            super::build::print_from_cache(
                written.iter().map(|w| w.from_cache).sum(),
                written
                    .iter()
                    .map(|w| 1 + usize::from(w.print_path.is_some()))
                    .sum(),
                &args.root,
            );
            eprintln!(
                "{}",
                messages::brochures_done(
                    written.len(),
                    &format!("{:.1}", started.elapsed().as_secs_f64())
                )
            );
            ExitCode::from(EXIT_OK)
        }
        Err(error) => fail(error),
    }
}
