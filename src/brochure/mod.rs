//! The printable brochure: one PDF per language, laid out by typst used as a library.
//!
//! [`data`] turns the validated [`Catalog`] into a per-language view with every string resolved;
//! [`world`] serves that view as `/data.json`, together with the template, the bundled
//! [`fonts`], the logo and the QR codes, to typst; the template `templates/brochure.typ` lays it
//! out; typst-pdf writes PDF/A-2b, tagged. Profile text only ever reaches typst as data, never
//! as markup, and Markdown arrives as structured blocks ([`markdown`]).
//!
//! The output is reproducible: the same catalogue and "as of" date give the same bytes (fixed
//! document id, timestamp and `today()` derived from the date, fonts in a fixed order).

pub mod cache;
pub mod data;
pub mod markdown;
mod passes;
pub mod qr;
mod text_runs;
pub mod world;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};

use jiff::civil::Date;
use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Datetime, Smart};
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::catalog::Catalog;
use crate::config::{Config, CropMarks};
use crate::messages;
use crate::output::Folder;
use crate::render::{BrochureMade, RenderError, Rendered, Renderer, Sink};
use crate::urls;
use cache::PdfCache;
use world::{BrochureWorld, TemplateFile};

/// Why a brochure could not be written.
#[derive(Debug)]
pub enum BrochureError {
    /// A language was asked for that config.yaml does not define.
    UnknownLanguage(String),
    /// There is no date to print as "as of": no actor and no `SOURCE_DATE_EPOCH`.
    NoDate,
    /// A file could not be read or written.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A URL is too long for a QR code.
    Qr { url: String, message: String },
    /// The brochure, or its largest volume (by topic id), has more actors than
    /// `brochure.max_actors` allows; nothing was laid out.
    TooLarge {
        actors: usize,
        limit: usize,
        volume: Option<String>,
    },
    /// typst reported errors (in the template, or while writing the PDF).
    Typst {
        language: String,
        diagnostics: Vec<String>,
    },
}

impl std::fmt::Display for BrochureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BrochureError::UnknownLanguage(code) => {
                f.write_str(&messages::brochure_unknown_language(code))
            }
            BrochureError::NoDate => f.write_str(&messages::brochure_no_date()),
            BrochureError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            BrochureError::TooLarge {
                actors,
                limit,
                volume,
            } => f.write_str(&crate::messages::new_bad_slug(
                &crate::messages::brochure_too_large(*actors, *limit, volume.as_deref()),
                &crate::messages::brochure_too_large_hint(volume.is_some()),
            )),
            BrochureError::Qr { url, message } => {
                f.write_str(&messages::brochure_no_qr_code(url, message))
            }
            // What failed, then typst's problems as `check` shows problems (see [`located`]).
            BrochureError::Typst {
                language,
                diagnostics,
            } => {
                f.write_str(&messages::brochure_failed(language, diagnostics.len()))?;
                for d in diagnostics {
                    write!(f, "\n\n{}", d.trim_end())?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for BrochureError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BrochureError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// A brochure written to disk.
#[derive(Debug, Clone)]
pub struct Written {
    /// The language code.
    pub language: String,
    /// The topic id of the volume, if config.yaml divides the brochure (see
    /// [`Catalog::brochure_volumes`]).
    pub volume: Option<String>,
    /// Where the PDF was written.
    pub path: PathBuf,
    /// Where the print variant was written, if config.yaml asks for one.
    pub print_path: Option<PathBuf>,
    /// Its number of pages (a multiple of 4).
    pub pages: usize,
    /// typst's warnings, located like errors.
    pub warnings: Vec<String>,
    /// How many of its PDFs (screen, print) came from the brochure cache unchanged.
    pub from_cache: usize,
}

/// A brochure in memory.
#[derive(Debug, Clone)]
pub struct Pdf {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// Its number of pages (a multiple of 4).
    pub pages: usize,
    /// typst's warnings, located like errors.
    pub warnings: Vec<String>,
}

/// The "as of" date printed in the imprint: the day of `SOURCE_DATE_EPOCH` if set (the
/// reproducible-builds convention), else the newest `last_reviewed` of the catalogue. Never the
/// wall clock, so that rebuilding unchanged content gives the same PDF.
pub fn as_of_date(catalog: &Catalog) -> Result<Date, BrochureError> {
    crate::source_date_epoch()
        .or_else(|| catalog.last_reviewed())
        .ok_or(BrochureError::NoDate)
}

/// Refuses a brochure, or with `brochure.volumes: topic` a volume, of more actors than
/// `brochure.max_actors` in config.yaml, before anything is laid out: typst holds the whole
/// layout of a PDF in memory, so such a PDF could run the machine out of memory instead.
pub fn within_limit(catalog: &Catalog) -> Result<(), BrochureError> {
    let topics = catalog.actors.iter().map(|a| a.topics.as_slice());
    too_large(&catalog.config, topics).map_or(Ok(()), Err)
}

/// [`within_limit`] for the config and the topics of each actor: the error if the largest PDF
/// has more actors than `brochure.max_actors`.
pub fn too_large<'a>(
    config: &Config,
    actors: impl Iterator<Item = &'a [String]>,
) -> Option<BrochureError> {
    let limit = config.brochure.max_actors;
    let (actors, volume) = config.largest_brochure(actors);
    (actors > limit).then(|| BrochureError::TooLarge {
        actors,
        limit,
        volume: volume.map(str::to_owned),
    })
}

/// The brochure language and volume whose screen PDF is at `path` (relative to the site root),
/// if any: for `serve`, which lays out a brochure when it is asked for.
pub fn at_path<'a>(catalog: &'a Catalog, path: &str) -> Option<(&'a str, Option<&'a str>)> {
    let volumes = catalog.brochure_volumes();
    let config = &catalog.config.brochure;
    config.languages.iter().find_map(|language| {
        volumes.iter().find_map(|volume| {
            let url = urls::brochure(language, &config.volume_file_name(*volume));
            (url.trim_start_matches('/') == path).then_some((language.as_str(), *volume))
        })
    })
}

/// Writes the brochure of every brochure language from config.yaml (see [`render_languages`]).
pub fn render_all(
    catalog: &Catalog,
    out_dir: &Path,
    as_of: Date,
) -> Result<Vec<Written>, RenderError> {
    render_languages(catalog, &catalog.config.brochure.languages, out_dir, as_of)
}

/// Writes the brochures of `languages` (configured language codes) into the site folder
/// `out_dir`, as [`Brochures`] does into a build.
pub fn render_languages(
    catalog: &Catalog,
    languages: &[String],
    out_dir: &Path,
    as_of: Date,
) -> Result<Vec<Written>, RenderError> {
    render_languages_cached(catalog, languages, out_dir, as_of, None)
}

/// [`render_languages`], taking unchanged brochures from `cache` and storing new ones there.
pub fn render_languages_cached(
    catalog: &Catalog,
    languages: &[String],
    out_dir: &Path,
    as_of: Date,
    cache: Option<&PdfCache>,
) -> Result<Vec<Written>, RenderError> {
    let brochures = Brochures {
        languages,
        as_of,
        progress: None,
        cache,
    };
    let made = brochures.write_all(catalog, &Folder(out_dir.to_path_buf()))?;
    Ok(made
        .into_iter()
        .map(|made| Written {
            volume: made.volume,
            path: out_dir.join(&made.path),
            print_path: made.print_path.map(|path| out_dir.join(path)),
            language: made.language,
            pages: made.pages,
            warnings: made.warnings,
            from_cache: made.from_cache,
        })
        .collect())
}

/// The brochures of some languages as a [`Renderer`].
pub struct Brochures<'a> {
    /// Configured language codes, in the order the PDFs are wanted.
    pub languages: &'a [String],
    /// The "as of" date printed in them (see [`as_of_date`]).
    pub as_of: Date,
    /// Called after each PDF (a brochure or volume with its print variant) with how many of
    /// them are done.
    pub progress: Option<&'a (dyn Fn(usize) + Sync)>,
    /// Where unchanged brochures are taken from and new ones stored; `None` renders all.
    pub cache: Option<&'a PdfCache>,
}

impl Renderer for Brochures<'_> {
    fn name(&self) -> &'static str {
        "brochures"
    }

    fn render(&self, catalog: &Catalog, sink: &dyn Sink) -> Result<Rendered, RenderError> {
        Ok(Rendered {
            pages: 0,
            brochures: self.write_all(catalog, sink)?,
        })
    }
}

impl Brochures<'_> {
    /// Renders the brochure (or each volume, see [`Catalog::brochure_volumes`]) of every
    /// language and hands each PDF to `sink` as soon as it is done, in the languages' order: at
    /// most one render per core at a time, each freeing typst's cache when it is done
    /// ([`Cache::Free`]), since each holds its whole layout in memory. A volume is a render of
    /// its own, so the peak is that of the largest volumes, not of a whole brochure.
    ///
    /// The renders run on plain threads, not rayon's: typst itself uses rayon (page runs are
    /// laid out in parallel, so is part of the PDF export), and a render started on a rayon
    /// worker picks up the next queued render while it waits for those, so that all renders
    /// end up nested on the stack with all their documents in memory at once.
    fn write_all(
        &self,
        catalog: &Catalog,
        sink: &dyn Sink,
    ) -> Result<Vec<BrochureMade>, RenderError> {
        let volumes = catalog.brochure_volumes();
        let jobs: Vec<(&str, Option<&str>)> = (self.languages.iter())
            .flat_map(|language| volumes.iter().map(move |v| (language.as_str(), *v)))
            .collect();
        let next = AtomicUsize::new(0);
        let done = AtomicUsize::new(0);
        // A quarter left for the site, rendered meanwhile, and everything else.
        let budget = Budget::new(available_memory().map(|bytes| bytes / 4 * 3));
        let render_next = || {
            let mut made = Vec::new();
            while let Some(job) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
                let result = self.write(catalog, job.0, job.1, sink, &budget);
                let failed = result.is_err();
                made.push((job, result));
                if failed {
                    // Stop taking PDFs; the others finish what they started.
                    next.store(jobs.len(), Ordering::Relaxed);
                } else if let Some(progress) = self.progress {
                    progress(done.fetch_add(1, Ordering::Relaxed) + 1);
                }
            }
            made
        };
        let workers = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(jobs.len());
        let mut made: Vec<_> = std::thread::scope(|scope| {
            let threads: Vec<_> = (0..workers).map(|_| scope.spawn(render_next)).collect();
            threads
                .into_iter()
                .flat_map(|thread| match thread.join() {
                    Ok(made) => made,
                    Err(panic) => std::panic::resume_unwind(panic),
                })
                .collect()
        });
        made.sort_by_key(|(job, _)| jobs.iter().position(|j| j == *job));
        let made: Vec<BrochureMade> = made
            .into_iter()
            .map(|(_, result)| result)
            .collect::<Result<_, _>>()?;
        if let Some(cache) = self.cache {
            let keys: Vec<String> = made.iter().flat_map(|m| m.cache_keys.clone()).collect();
            cache.prune(&keys);
        }
        Ok(made)
    }

    /// Renders the brochure of `language`, or its volume of topic `volume`, and hands it to
    /// `sink`.
    fn write(
        &self,
        catalog: &Catalog,
        language: &str,
        volume: Option<&str>,
        sink: &dyn Sink,
        budget: &Budget,
    ) -> Result<BrochureMade, RenderError> {
        let failed = |error| RenderError::Renderer {
            renderer: "brochures",
            source: Box::new(error),
        };
        let mut cache_keys = Vec::new();
        let mut from_cache = 0;
        // One view for both variants: they differ only in `print`.
        let mut view = view(catalog, language, self.as_of, volume).map_err(failed)?;
        let actors = view.chapters.iter().map(|c| c.actors.len()).sum();
        let _reserved = budget.reserve(estimated_peak(actors));
        // Each PDF to the sink; a cached one as its file, which the sink may link rather than
        // read and write again. Returns its pages and warnings.
        let mut render = |variant, path: String| {
            let mut cache = self.cache;
            loop {
                let (made, stored) = render_view(
                    catalog,
                    language,
                    self.as_of,
                    (Cache::Free, variant),
                    (cache, PdfCache::find),
                    &mut view,
                )
                .map_err(failed)?;
                let done = match made {
                    Made::LaidOut(pdf) => {
                        sink.put(path, pdf.bytes)?;
                        (pdf.pages, pdf.warnings)
                    }
                    Made::Cached(found) => {
                        if sink.put_copy(path.clone(), &found.path).is_err() {
                            // Gone before it could be linked (pruned by a concurrent build):
                            // laid out after all.
                            cache = None;
                            continue;
                        }
                        (found.pages, found.warnings)
                    }
                };
                if let Some(stored) = stored {
                    from_cache += usize::from(stored.hit);
                    cache_keys.push(stored.key);
                }
                return Ok::<_, RenderError>(done);
            }
        };
        let file_name = &catalog.config.brochure.volume_file_name(volume);
        let path = |name: &str| {
            urls::brochure(language, name)
                .trim_start_matches('/')
                .to_owned()
        };
        let (pages, warnings) = render(Variant::Screen, path(file_name))?;
        // The print shop's variant, beside it, if config.yaml asks for one.
        let print_path = match catalog.config.brochure.print {
            Some(_) => {
                let print_path = path(&format!("{file_name}-print"));
                render(Variant::Print, print_path.clone())?;
                Some(print_path)
            }
            None => None,
        };
        Ok(BrochureMade {
            language: language.to_owned(),
            volume: volume.map(str::to_owned),
            path: path(file_name),
            print_path,
            pages,
            warnings,
            from_cache,
            cache_keys,
        })
    }
}

const MB: u64 = 1 << 20;

/// About the peak memory of laying out a PDF of `actors` Steckbriefe: 2.8 pages an actor at
/// about 1.1 MB a page (release build, two volumes of 200 actors at a time: 1.24 GB), and the
/// fonts and the rest of the process.
fn estimated_peak(actors: usize) -> u64 {
    200 * MB + actors as u64 * 3 * MB
}

/// The memory free for new work: `MemAvailable` of /proc/meminfo; `None` where there is none
/// (not Linux), and then renders run one per core.
fn available_memory() -> Option<u64> {
    let meminfo = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemAvailable:"))?;
    let kb: u64 = line.trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kb * 1024)
}

/// The memory the running renders have reserved against a budget: a render starts when the
/// others leave room for its estimated peak, or when it would be the only one (it cannot be
/// made smaller, and `max_actors` bounds it). Each render holds its whole layout, so two volumes
/// of 1,000 actors at a time need twice the memory of one.
struct Budget {
    /// In bytes; `None`: no limit but the number of cores.
    limit: Option<u64>,
    /// Renders running, bytes reserved.
    reserved: Mutex<(usize, u64)>,
    freed: Condvar,
}

/// A reservation of a [`Budget`], given back when dropped.
struct Reserved<'a> {
    budget: &'a Budget,
    bytes: u64,
}

impl Budget {
    fn new(limit: Option<u64>) -> Budget {
        Budget {
            limit,
            reserved: Mutex::new((0, 0)),
            freed: Condvar::new(),
        }
    }

    /// Waits until `bytes` fit beside the renders running (or none runs), and reserves them.
    fn reserve(&self, bytes: u64) -> Reserved<'_> {
        let mut reserved = self.reserved.lock().unwrap_or_else(PoisonError::into_inner);
        while let Some(limit) = self.limit
            && reserved.0 > 0
            && reserved.1 + bytes > limit
        {
            reserved = (self.freed.wait(reserved)).unwrap_or_else(PoisonError::into_inner);
        }
        reserved.0 += 1;
        reserved.1 += bytes;
        Reserved {
            budget: self,
            bytes,
        }
    }
}

impl Drop for Reserved<'_> {
    fn drop(&mut self) {
        let mut reserved = (self.budget.reserved.lock()).unwrap_or_else(PoisonError::into_inner);
        reserved.0 -= 1;
        reserved.1 -= self.bytes;
        self.budget.freed.notify_all();
    }
}

/// The two PDFs of a language: the same pages, with or without what a print shop needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// For reading on screen and printing at home: the trimmed page.
    Screen,
    /// For the print shop: bleed and crop marks as `brochure.print` in config.yaml says (3 mm
    /// and marks on every page if it says nothing).
    Print,
}

/// What a render leaves in typst's memo cache for the renders after it.
///
/// typst memoises layout work in a cache of the whole process. A render leaves about as much
/// there as its peak memory (500 actors: about 1 GB), and a render of another language reuses
/// next to nothing of it; rendering the same language again after an edit reuses everything
/// unchanged (200 actors: 1.9 s → 0.3 s).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cache {
    /// Keep what this render used, and only that (for `serve`, which renders on request, one at
    /// a time): about one render's worth of memory stays after it.
    KeepLast,
    /// Keep nothing: free the cache as soon as typst has laid the brochure out (the document
    /// holds what the PDF export needs) and again after the export. For renders of each
    /// language once (`build`, `brochure`): memory never holds more than the renders running.
    /// While another render runs, this frees only what [`Cache::KeepLast`] frees, so as not to
    /// take its work away from it.
    Free,
}

/// Renders the brochure of one language into memory, keeping typst's cache for a faster
/// render of the same language after an edit ([`Cache::KeepLast`]; see [`render_with`]).
pub fn render(catalog: &Catalog, language: &str, as_of: Date) -> Result<Pdf, BrochureError> {
    render_with(catalog, language, as_of, Cache::KeepLast)
}

/// Renders the brochure of one language, or its volume of topic `volume` (see
/// [`Catalog::brochure_volumes`]), into memory, keeping typst's cache for a faster render of the
/// same PDF after an edit.
pub fn render_volume(
    catalog: &Catalog,
    language: &str,
    volume: Option<&str>,
    as_of: Date,
) -> Result<Pdf, BrochureError> {
    let mut view = view(catalog, language, as_of, volume)?;
    let cache = (Cache::KeepLast, Variant::Screen);
    let no_cache = (None, PdfCache::get as Take<Pdf>);
    let (made, _) = render_view(catalog, language, as_of, cache, no_cache, &mut view)?;
    Ok(made.into_pdf())
}

/// Renders the brochure of one language into memory, leaving typst's cache as `cache` says.
pub fn render_with(
    catalog: &Catalog,
    language: &str,
    as_of: Date,
    cache: Cache,
) -> Result<Pdf, BrochureError> {
    render_variant(catalog, language, as_of, cache, Variant::Screen)
}

/// Renders one variant of the brochure of one language into memory (see [`render_with`]).
pub fn render_variant(
    catalog: &Catalog,
    language: &str,
    as_of: Date,
    cache: Cache,
    variant: Variant,
) -> Result<Pdf, BrochureError> {
    render_stored(catalog, language, as_of, cache, variant, None).map(|(pdf, _)| pdf)
}

/// How a brochure stands in the [`PdfCache`].
#[derive(Debug, Clone)]
pub struct Stored {
    /// Its key (see [`cache::key`]).
    pub key: String,
    /// It was taken from the cache, not laid out.
    pub hit: bool,
}

/// Renders one variant of the brochure of one language into memory, or, with `stored`, takes
/// it from that cache if it holds the PDF of exactly these inputs (and stores it there if not).
pub fn render_stored(
    catalog: &Catalog,
    language: &str,
    as_of: Date,
    cache: Cache,
    variant: Variant,
    stored: Option<&PdfCache>,
) -> Result<(Pdf, Option<Stored>), BrochureError> {
    let mut view = view(catalog, language, as_of, None)?;
    let (made, stored) = render_view(
        catalog,
        language,
        as_of,
        (cache, variant),
        (stored, PdfCache::get),
        &mut view,
    )?;
    Ok((made.into_pdf(), stored))
}

/// How a PDF is taken from the brochure cache: [`PdfCache::get`] or [`PdfCache::find`].
type Take<T> = fn(&PdfCache, &str) -> Option<T>;

/// A PDF laid out now, or what the brochure cache gave for it.
enum Made<T> {
    LaidOut(Pdf),
    Cached(T),
}

impl Made<Pdf> {
    /// The PDF, laid out or from the cache.
    fn into_pdf(self) -> Pdf {
        match self {
            Made::LaidOut(pdf) | Made::Cached(pdf) => pdf,
        }
    }
}

/// The data of the brochure of `language`, or of its volume of topic `volume`, once the
/// language and the size are known to be fine.
fn view(
    catalog: &Catalog,
    language: &str,
    as_of: Date,
    volume: Option<&str>,
) -> Result<data::Brochure, BrochureError> {
    if catalog.language(language).is_none() {
        return Err(BrochureError::UnknownLanguage(language.to_owned()));
    }
    within_limit(catalog)?;
    data::volume(catalog, language, as_of, volume)
}

/// [`render_stored`] with the data of the language made already: sets its `print` for
/// `variant`. A cached PDF is taken by `take` (its bytes, or only where its file is).
fn render_view<T>(
    catalog: &Catalog,
    language: &str,
    as_of: Date,
    (cache, variant): (Cache, Variant),
    (stored, take): (Option<&PdfCache>, Take<T>),
    view: &mut data::Brochure,
) -> Result<(Made<T>, Option<Stored>), BrochureError> {
    let rendering = Rendering::start();
    view.print = match variant {
        Variant::Screen => None,
        Variant::Print => {
            let print = catalog.config.brochure.print.clone().unwrap_or_default();
            Some(data::PrintData {
                bleed: print.bleed_mm,
                crop_marks: match print.crop_marks {
                    CropMarks::All => "all",
                    CropMarks::Cover => "cover",
                    CropMarks::None => "none",
                },
            })
        }
    };
    let json = serde_json::to_vec(&*view).map_err(|e| BrochureError::Typst {
        language: language.to_owned(),
        diagnostics: vec![format!("cannot serialise the data: {e}")],
    })?;
    let mut files = vec![("/data.json".to_owned(), json)];
    let (logos, codes) = images(catalog, view)?;
    files.extend(logos);
    let suffix = match variant {
        Variant::Screen => "",
        Variant::Print => "/print",
    };
    // Names the volume too, so that each volume has its own document id and cache key.
    let volume = view.volume.as_ref().map(|v| v.id.as_str());
    let ident = format!(
        "steckbrief/{}/{}/{language}{suffix}",
        catalog.config.base_url,
        catalog.config.brochure.volume_file_name(volume)
    );
    let template = world::template(&catalog.root)
        .map_err(|(path, source)| BrochureError::Io { path, source })?;
    let key = stored.map(|stored| {
        let key = cache::key(&cache::Inputs {
            template: &template,
            files: &files,
            language,
            ident: &ident,
            as_of,
            fonts: crate::fonts::fingerprint(),
            codes: &codes,
        });
        (stored, key)
    });
    if let Some((stored, key)) = &key
        && let Some(taken) = take(stored, key)
    {
        let hit = Stored {
            key: key.clone(),
            hit: true,
        };
        return Ok((Made::Cached(taken), Some(hit)));
    }
    for (path, url) in codes {
        files.push((path, qr::pixels(&url)?));
    }
    let trim = cache == Cache::Free && rendering.alone();
    let pdf = compile(&template, files, language, &ident, as_of, trim, || {
        rendering.laid_out(cache)
    });
    rendering.done(cache);
    let pdf = pdf?;
    Ok(match key {
        Some((stored, key)) => {
            // A cache that cannot be written costs the next build a render, nothing else.
            let _ = stored.put(&key, &pdf);
            (Made::LaidOut(pdf), Some(Stored { key, hit: false }))
        }
        None => (Made::LaidOut(pdf), None),
    })
}

/// How many renders are running in this process.
static RENDERING: AtomicUsize = AtomicUsize::new(0);

/// A running render, counted in [`RENDERING`] until it is dropped; trims typst's cache.
struct Rendering;

impl Rendering {
    fn start() -> Rendering {
        RENDERING.fetch_add(1, Ordering::SeqCst);
        Rendering
    }

    /// Whether this is the only render running.
    fn alone(&self) -> bool {
        RENDERING.load(Ordering::SeqCst) == 1
    }

    /// typst has laid out the document; the PDF export is next.
    fn laid_out(&self, cache: Cache) {
        if cache == Cache::Free && self.alone() {
            typst::comemo::evict(0);
        }
    }

    /// The render is over.
    fn done(self, cache: Cache) {
        if cache == Cache::Free && self.alone() {
            typst::comemo::evict(0);
        } else {
            // Every entry ages by one; those that this render (or another) did not use since the
            // previous render ended are dropped.
            typst::comemo::evict(1);
        }
    }
}

impl Drop for Rendering {
    fn drop(&mut self) {
        RENDERING.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The logo and actor logos the view refers to, by virtual path, and its QR codes as virtual
/// path and URL (see [`qr::pixels`]).
#[allow(clippy::type_complexity)]
fn images(
    catalog: &Catalog,
    view: &data::Brochure,
) -> Result<(Vec<(String, Vec<u8>)>, Vec<(String, String)>), BrochureError> {
    let read =
        |path: PathBuf| std::fs::read(&path).map_err(|source| BrochureError::Io { path, source });
    let mut files = Vec::new();
    if let (Some(virtual_path), Some(logo)) = (&view.logo, &catalog.config.branding.logo) {
        files.push((virtual_path.clone(), read(catalog.root.join(logo))?));
    }
    let url = |code: &qr::QrImage| (code.path.clone(), code.url.clone());
    let mut codes = vec![url(&view.site_qr)];
    let logos: HashMap<&str, &Path> = catalog
        .actors
        .iter()
        .filter_map(|a| Some((a.slug.as_str(), a.logo.as_deref()?)))
        .collect();
    let printed = view.chapters.iter().flat_map(|c| &c.actors);
    for actor in printed {
        codes.push(url(&actor.qr));
        if let (Some(virtual_path), Some(path)) = (&actor.logo, logos.get(actor.slug.as_str())) {
            files.push((virtual_path.clone(), read(path.to_path_buf())?));
        }
    }
    Ok((files, codes))
}

/// Compiles `template` with `files` and exports PDF/A-2b; calls `laid_out` in between. `trim`:
/// between layout passes, drop memo entries the last pass did not use (see [`passes`]).
fn compile(
    template: &[TemplateFile],
    files: Vec<(String, Vec<u8>)>,
    language: &str,
    ident: &str,
    as_of: Date,
    trim: bool,
    laid_out: impl FnOnce(),
) -> Result<Pdf, BrochureError> {
    let failed = |diagnostics| BrochureError::Typst {
        language: language.to_owned(),
        diagnostics,
    };
    let day = Datetime::from_ymd(
        as_of.year().into(),
        as_of.month().unsigned_abs(),
        as_of.day().unsigned_abs(),
    )
    .ok_or_else(|| failed(vec![format!("the date {as_of} is out of range")]))?;
    let world = BrochureWorld::new(template, files, crate::fonts::shared(), day)
        .map_err(|e| failed(vec![e]))?;
    let compiled = passes::compile(&world, trim);
    let warnings = located(&world, &compiled.warnings);
    let document = compiled
        .output
        .map_err(|errors| failed(located(&world, &errors)))?;
    laid_out();
    let midnight = Datetime::from_ymd_hms(
        as_of.year().into(),
        as_of.month().unsigned_abs(),
        as_of.day().unsigned_abs(),
        0,
        0,
        0,
    )
    .ok_or_else(|| failed(vec![format!("the date {as_of} is out of range")]))?;
    let standards = PdfStandards::new(&[PdfStandard::A_2b])
        .map_err(|e| failed(vec![e.message().to_string()]))?;
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_owned()),
        creator: Smart::Custom(Some(format!("Steckbrief {}", env!("CARGO_PKG_VERSION")))),
        timestamp: Some(Timestamp::new_utc(midnight)),
        standards,
        ..PdfOptions::default()
    };
    let rejoined = text_runs::rejoin(&document);
    let bytes = typst_pdf::pdf(rejoined.as_ref().unwrap_or(&document), &options)
        .map_err(|errors| failed(located(&world, &errors)))?;
    Ok(Pdf {
        bytes,
        pages: document.pages().len(),
        warnings,
    })
}

/// typst's diagnostics as editors read `check`'s problems, in the language of the messages:
/// typst's own words quoted, the template file with line, column and the line itself, typst's
/// hints, and what to do — fix the file in the content folder that replaces the built-in
/// template, or report an error in the built-in one.
fn located(world: &BrochureWorld, diagnostics: &[SourceDiagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| {
            let severity = match d.severity {
                Severity::Error => crate::diagnostics::Severity::Error,
                Severity::Warning => crate::diagnostics::Severity::Warning,
            };
            let message = messages::typst_said(&d.message);
            let mut hints: Vec<String> = Vec::new();
            if !d.hints.is_empty() {
                let typst_hints: Vec<&str> = d.hints.iter().map(|h| h.v.as_str()).collect();
                hints.push(messages::typst_hints(&typst_hints.join("; ")));
            }
            let place = d.span.id().and_then(|id| {
                let path = id.get().vpath().get_without_slash().to_owned();
                let source = world.source_of(id)?;
                let (line, column) = world
                    .range(d.span)
                    .and_then(|range| source.lines().byte_to_line_column(range.start))?;
                Some((path, source, line, column))
            });
            let Some((path, source, line, column)) = place else {
                // No place in a template (writing the PDF): typst's words are all there is.
                let mut diagnostic = crate::diagnostics::Diagnostic::for_file(
                    severity,
                    Path::new(world::MAIN_TEMPLATE),
                    message,
                );
                if !hints.is_empty() {
                    diagnostic = diagnostic.with_hint(hints.join("; "));
                }
                return crate::diagnostics::render_human(&[diagnostic], false);
            };
            hints.push(if world::is_built_in(&path, source.text()) {
                messages::typst_built_in_hint()
            } else {
                messages::typst_override_hint(&path)
            });
            let diagnostic =
                crate::diagnostics::Diagnostic::for_file(severity, Path::new(&path), message)
                    .at(
                        crate::yaml::Position {
                            line: line + 1,
                            column: column + 1,
                        },
                        source.text(),
                    )
                    .with_hint(hints.join("; "));
            crate::diagnostics::render_human(&[diagnostic], false)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE_TEMPLATE: &str = r#"
#set text(font: ("Noto Sans", "Noto Naskh Arabic", "Noto Sans Ethiopic"))
#for s in json("/data.json") { par(s) }
"#;

    fn sample(texts: &[&str]) -> Result<Pdf, BrochureError> {
        let template = [TemplateFile {
            path: "templates/sample.typ",
            text: SAMPLE_TEMPLATE.into(),
        }];
        let json = serde_json::to_vec(texts).unwrap();
        compile(
            &template,
            vec![("/data.json".to_owned(), json)],
            "sample",
            "sample",
            Date::new(2026, 6, 15).unwrap(),
            true,
            || {},
        )
    }

    /// Every text the configuration of the example content names in a language's own script,
    /// plus Tigrinya: PDF/A export refuses any glyph the bundled fonts lack.
    #[test]
    fn bundled_fonts_cover_every_configured_language() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let config: crate::config::Config =
            serde_yaml::from_str(&std::fs::read_to_string(root.join("config.yaml")).unwrap())
                .unwrap();
        let mut texts: Vec<String> = vec![
            "ትግርኛ — ሰላም፡ ስራሕ ኣብ መርዚግ".into(),
            "Ärger über Öfen: Straße № 5 – „Zitat“ … € 1.200,50 · ©".into(),
            "کار و زندگی در مرتسیگ ۱۲۳۴ — می‌خواهم".into(),
            "Працювати й жити в Мерцігу: ґ є ї".into(),
            "Çalışmak ğ ı ş İ".into(),
        ];
        for language in &config.languages {
            texts.push(language.name.clone());
        }
        texts.extend(config.spoken_languages.values().cloned());
        for map in [&config.title, &config.subtitle] {
            texts.extend(map.values().cloned());
        }
        for category in config.topics.iter().chain(&config.target_groups) {
            texts.extend(category.label.values().cloned());
        }
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        if let Err(e) = sample(&texts) {
            panic!("{e}");
        }
    }

    /// Renders wait for memory: never more reserved than the budget, except by a render alone.
    #[test]
    fn renders_start_when_the_budget_has_room() {
        let budget = Budget::new(Some(10 * MB));
        let most = Mutex::new(0);
        std::thread::scope(|scope| {
            for need in [6, 6, 3, 4, 12, 1] {
                let (budget, most) = (&budget, &most);
                scope.spawn(move || {
                    let _reserved = budget.reserve(need * MB);
                    let (running, bytes) = *budget.reserved.lock().unwrap();
                    assert!(
                        running == 1 || bytes <= 10 * MB,
                        "{running} renders, {bytes} B"
                    );
                    let mut most = most.lock().unwrap();
                    *most = (*most).max(running);
                    drop(most);
                    std::thread::sleep(std::time::Duration::from_millis(50));
                });
            }
        });
        assert_eq!(*budget.reserved.lock().unwrap(), (0, 0));
        assert!(*most.lock().unwrap() > 1, "small renders ran side by side");
    }

    #[test]
    fn a_missing_glyph_fails_the_export() {
        let error = sample(&["漢字"]).unwrap_err().to_string();
        assert!(error.contains("could not be displayed"), "{error}");
    }

    #[test]
    fn template_errors_name_file_and_line() {
        let template = [TemplateFile {
            path: "templates/broken.typ",
            text: "= Title\n\n#let x = (\n#unknown-function()\n".into(),
        }];
        let error = compile(
            &template,
            vec![],
            "de",
            "x",
            Date::new(2026, 1, 1).unwrap(),
            true,
            || {},
        )
        .unwrap_err()
        .to_string();
        assert!(error.contains("templates/broken.typ:"), "{error}");
    }
}
