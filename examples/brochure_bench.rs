//! Times the brochure: every brochure language of the example content, then one language of a
//! generated catalogue of N actors (default 500).
//!
//! ```sh
//! cargo run --release --example brochure_bench -- [N] [LANG]
//! ```

use std::path::Path;
use std::time::Instant;

use jiff::civil::Date;
use steckbrief::brochure;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().map_or(Ok(500), |n| n.parse())?;
    let language = args.next().unwrap_or_else(|| "de".to_owned());
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let today = Date::new(2026, 11, 28)?;
    let out = tempfile::tempdir()?;

    let catalog = load(repo, today)?;
    let as_of = brochure::as_of_date(&catalog)?;
    let started = Instant::now();
    let written = brochure::render_all(&catalog, out.path(), as_of)?;
    let pages: usize = written.iter().map(|w| w.pages).sum();
    println!(
        "example content: {} actors, {} brochures, {pages} pages in {:.2} s ({} typst warnings)",
        catalog.actors.len(),
        written.len(),
        started.elapsed().as_secs_f64(),
        written.iter().map(|w| w.warnings.len()).sum::<usize>()
    );

    let generated = tempfile::tempdir()?;
    generate(repo, generated.path(), count)?;
    let catalog = load(generated.path(), today)?;
    let started = Instant::now();
    let written =
        brochure::render_languages(&catalog, std::slice::from_ref(&language), out.path(), as_of)?;
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
