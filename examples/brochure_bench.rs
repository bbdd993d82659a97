//! Times the brochure: every brochure language of the example content, then one language of a
//! generated catalogue of N actors (default 500).
//!
//! ```sh
//! cargo run --release --example brochure_bench -- [N] [LANGS] [--no-examples] [--out DIR]
//!     [--catalog DIR] [--repeat K] [--keep-cache] [--workers N]
//! ```
//!
//! `LANGS` is a language code (default `de`), a comma-separated list or `all` (the brochure
//! languages of config.yaml). They are rendered one after another, or on N threads with
//! `--workers N` (as `build`'s brochure workers do); each render reports its time and the
//! process's memory after it (resident now, peak so far). After each render typst's cache is
//! freed (`Cache::Free`, as `build` does); `--keep-cache` keeps the last render's work instead
//! (`Cache::KeepLast`, as `serve` does), and `--repeat K` renders each language K times (a
//! re-render after an edit in `serve`).
//!
//! `--no-examples` skips the example content (so that `/usr/bin/time -v` reports the peak memory
//! of the generated brochures alone), `--out DIR` keeps the PDFs there instead of in a temporary
//! folder (to compare them with `pdftotext` across changes), `--catalog DIR` generates the
//! catalogue into DIR and keeps it, or uses it if DIR already holds one (e.g. to try a template
//! edit: a `templates/brochure.typ` there replaces the built-in one).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use jiff::civil::Date;
use steckbrief::brochure;
use steckbrief::urls;

/// The allocator of the `steckbrief` binary, so that time and memory are those of `build`.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut positional = Vec::new();
    let mut examples = true;
    let mut kept_out = None;
    let mut kept_catalog = None;
    let mut repeat = 1;
    let mut cache = brochure::Cache::Free;
    let mut workers = 1;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--no-examples" => examples = false,
            "--out" => kept_out = Some(PathBuf::from(value()?)),
            "--catalog" => kept_catalog = Some(PathBuf::from(value()?)),
            "--repeat" => repeat = value()?.parse()?,
            "--keep-cache" => cache = brochure::Cache::KeepLast,
            "--workers" => workers = value()?.parse()?,
            _ => positional.push(arg),
        }
    }
    let mut positional = positional.into_iter();
    let count: usize = positional.next().map_or(Ok(500), |n| n.parse())?;
    let languages = positional.next().unwrap_or_else(|| "de".to_owned());
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
    let languages: Vec<String> = if languages == "all" {
        catalog.config.brochure.languages.clone()
    } else {
        languages.split(',').map(str::to_owned).collect()
    };
    let out = out.join(format!("generated-{count}"));
    let next = AtomicUsize::new(0);
    let render_next = || -> Result<(), String> {
        while let Some(language) = languages.get(next.fetch_add(1, Ordering::Relaxed)) {
            for _ in 0..repeat {
                let started = Instant::now();
                let pdf = brochure::render_with(&catalog, language, as_of, cache)
                    .map_err(|e| e.to_string())?;
                let seconds = started.elapsed().as_secs_f64();
                let url = urls::brochure(language, &catalog.config.brochure.file_name);
                let path = out.join(url.trim_start_matches('/'));
                std::fs::create_dir_all(path.parent().ok_or("no folder")?)
                    .and_then(|()| std::fs::write(&path, &pdf.bytes))
                    .map_err(|e| e.to_string())?;
                println!(
                    "generated: {} actors, 1 brochure ({language}), {} pages in {seconds:.2} s \
                     ({} typst warnings; memory {})",
                    catalog.actors.len(),
                    pdf.pages,
                    pdf.warnings.len(),
                    memory()
                );
            }
        }
        Ok(())
    };
    let started = Instant::now();
    std::thread::scope(|scope| {
        let threads: Vec<_> = (0..workers).map(|_| scope.spawn(render_next)).collect();
        threads
            .into_iter()
            .try_for_each(|thread| thread.join().expect("a render thread panicked"))
    })?;
    if languages.len() * repeat > 1 {
        println!(
            "generated: {} brochures on {workers} thread(s) in {:.2} s",
            languages.len() * repeat,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

/// The process's resident memory now and its peak so far, from /proc (Linux).
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches(" kB").parse::<u64>().ok())
            .map_or("?".to_owned(), |kb| format!("{} MB", kb / 1024))
    };
    format!("{} now, {} peak", field("VmRSS:"), field("VmHWM:"))
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
