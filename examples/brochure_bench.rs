//! Times the brochure: every brochure language of the example content, then one language of a
//! generated catalogue of N actors (default 500).
//!
//! ```sh
//! cargo run --release --example brochure_bench -- [N] [LANG] [--no-examples] [--out DIR]
//! ```
//!
//! `--no-examples` skips the example content (so that `/usr/bin/time -v` reports the peak memory
//! of the one generated brochure), `--out DIR` keeps the PDFs there instead of in a temporary
//! folder (to compare them with `pdftotext` across changes), `--catalog DIR` generates the
//! catalogue into DIR and keeps it, or uses it if DIR already holds one (e.g. to try a template
//! edit: a `templates/brochure.typ` there replaces the built-in one).

use std::path::{Path, PathBuf};
use std::time::Instant;

use jiff::civil::Date;
use steckbrief::brochure;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut positional = Vec::new();
    let mut examples = true;
    let mut kept_out = None;
    let mut kept_catalog = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--no-examples" => examples = false,
            "--out" => kept_out = Some(PathBuf::from(args.next().ok_or("--out needs a folder")?)),
            "--catalog" => {
                kept_catalog = Some(PathBuf::from(
                    args.next().ok_or("--catalog needs a folder")?,
                ));
            }
            _ => positional.push(arg),
        }
    }
    let mut positional = positional.into_iter();
    let count: usize = positional.next().map_or(Ok(500), |n| n.parse())?;
    let language = positional.next().unwrap_or_else(|| "de".to_owned());
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let today = Date::new(2026, 11, 28)?;
    let temporary = tempfile::tempdir()?;
    let out = kept_out.as_deref().unwrap_or(temporary.path());

    let catalog = load(repo, today)?;
    let as_of = brochure::as_of_date(&catalog)?;
    if examples {
        let started = Instant::now();
        let written = brochure::render_all(&catalog, &out.join("examples"), as_of)?;
        let pages: usize = written.iter().map(|w| w.pages).sum();
        println!(
            "example content: {} actors, {} brochures, {pages} pages in {:.2} s ({} typst warnings)",
            catalog.actors.len(),
            written.len(),
            started.elapsed().as_secs_f64(),
            written.iter().map(|w| w.warnings.len()).sum::<usize>()
        );
    }
    if count == 0 {
        return Ok(());
    }

    let generated = tempfile::tempdir()?;
    let root = kept_catalog.as_deref().unwrap_or(generated.path());
    if !root.join("config.yaml").exists() {
        std::fs::create_dir_all(root)?;
        generate(repo, root, count)?;
    }
    let catalog = load(root, today)?;
    let started = Instant::now();
    let written = brochure::render_languages(
        &catalog,
        std::slice::from_ref(&language),
        &out.join(format!("generated-{count}")),
        as_of,
    )?;
    println!(
        "generated: {} actors, 1 brochure ({language}), {} pages in {:.2} s ({} typst warnings)",
        catalog.actors.len(),
        written[0].pages,
        started.elapsed().as_secs_f64(),
        written[0].warnings.len()
    );
    Ok(())
}

fn load(root: &Path, today: Date) -> Result<steckbrief::catalog::Catalog, String> {
    let checked = steckbrief::check(root, today).map_err(|e| e.to_string())?;
    let errors = checked.diagnostics.error_count();
    checked.catalog.ok_or_else(|| {
        let first = checked.diagnostics.sorted().into_iter().next();
        format!("{}: {errors} errors, first: {first:?}", root.display())
    })
}

/// A content folder with the example configuration and `count` synthetic actors with realistic
/// field sizes and translations into every language (see `steckbrief::synthetic`).
fn generate(
    repo: &Path,
    root: &Path,
    count: usize,
) -> Result<(), steckbrief::synthetic::GenerateError> {
    let options = steckbrief::synthetic::Options {
        actors: count,
        languages: None,
        seed: 1,
    };
    steckbrief::synthetic::generate(repo, root, &options).map(|_| ())
}
