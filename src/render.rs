//! What every renderer shares: the [`Renderer`] interface, the [`Sink`] that receives the files
//! it makes, and the errors that stop it.
//!
//! A renderer reads the validated [`Catalog`] and hands each file to the sink as soon as it is
//! made, so that a build holds one page per thread in memory, not the whole site. The sink
//! decides where files go: a staging folder on disk for `build`
//! ([`crate::output::Staging`]), memory for `serve` and tests ([`Collect`]), or a folder written
//! in place ([`crate::output::Folder`]).

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::catalog::Catalog;

/// One output of the catalogue: the website, the brochures, the open data.
///
/// Renderers never fail on data (`check` reported every problem with it before a catalogue
/// existed); they fail only on broken templates and themes and on I/O.
pub trait Renderer: Sync {
    /// A short name for progress and timing output ("site", "brochures").
    fn name(&self) -> &'static str;

    /// Renders everything this renderer makes from `catalog` into `sink`.
    fn render(&self, catalog: &Catalog, sink: &dyn Sink) -> Result<Rendered, RenderError>;
}

/// What renderers made, summed over renderers.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// HTML pages, counting every language.
    pub pages: usize,
    /// PDF brochures, with their page counts and typst's warnings.
    pub brochures: Vec<BrochureMade>,
}

impl Rendered {
    /// Adds what another renderer made.
    pub fn add(&mut self, other: Rendered) {
        self.pages += other.pages;
        self.brochures.extend(other.brochures);
    }
}

/// One PDF brochure that was written.
#[derive(Debug, Clone)]
pub struct BrochureMade {
    /// Its language code.
    pub language: String,
    /// The topic id of the volume, if config.yaml divides the brochure by topic.
    pub volume: Option<String>,
    /// Its path in the output, relative to the site root, with `/`.
    pub path: String,
    /// The path of its print-shop variant (bleed, crop marks), if config.yaml asks for one.
    pub print_path: Option<String>,
    /// Its number of pages (a multiple of 4).
    pub pages: usize,
    /// typst's warnings, located like errors.
    pub warnings: Vec<String>,
    /// How many of its PDFs (screen, print) came from the brochure cache unchanged.
    pub from_cache: usize,
    /// The brochure cache's keys of its PDFs, if a cache was used.
    pub cache_keys: Vec<String>,
}

/// Where rendered files go.
pub trait Sink: Sync {
    /// Stores one file; `path` is relative to the site root, with `/`.
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), RenderError>;

    /// Stores one file that `write` produces piece by piece, for files too large to hold in
    /// memory twice (the open data). The default collects the pieces and calls [`Sink::put`].
    fn put_written(
        &self,
        path: String,
        write: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<(), RenderError> {
        let mut bytes = Vec::new();
        write(&mut bytes).map_err(|source| RenderError::Write {
            path: path.clone(),
            source,
        })?;
        self.put(path, bytes)
    }

    /// Stores one file that `write` produces piece by piece and names only once it is written
    /// (returning its path, relative to the site root, with `/`): a file named after a hash of
    /// its content, such as a search index, need then not be held whole to learn its name.
    /// The default collects the pieces and calls [`Sink::put`].
    fn put_named(&self, write: NamedWrite<'_>) -> Result<String, RenderError> {
        let mut bytes = Vec::new();
        let path = write(&mut bytes).map_err(|source| RenderError::Write {
            path: String::new(),
            source,
        })?;
        self.put(path.clone(), bytes)?;
        Ok(path)
    }

    /// Stores a copy of the file at `source`, which no one writes to (a PDF of the brochure
    /// cache). The default reads it and calls [`Sink::put`]; a sink on disk links it if it can.
    fn put_copy(&self, path: String, source: &std::path::Path) -> Result<(), RenderError> {
        let bytes = std::fs::read(source).map_err(|error| RenderError::Read {
            path: source.to_path_buf(),
            source: error,
        })?;
        self.put(path, bytes)
    }
}

/// What [`Sink::put_named`] calls to write a file: it writes the content and returns the file's
/// path.
pub type NamedWrite<'a> = &'a mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<String>;

/// Rendered files: output path (relative, with `/`) → content.
pub type Files = BTreeMap<String, Vec<u8>>;

/// A [`Sink`] that keeps the files in memory.
#[derive(Default)]
pub struct Collect(std::sync::Mutex<Files>);

impl Collect {
    /// The files collected so far.
    pub fn into_files(self) -> Files {
        self.0.into_inner().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether a file was stored at `path`.
    pub fn contains(&self, path: &str) -> bool {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .contains_key(path)
    }
}

impl Sink for Collect {
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), RenderError> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path, bytes);
        Ok(())
    }
}

/// Why a renderer stopped: never the data, always the tool's surroundings.
#[derive(Debug)]
pub enum RenderError {
    /// A template or theme file could not be read.
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A template is broken; `message` names the template and line.
    Template { message: String },
    /// An output file could not be written.
    Write {
        path: String,
        source: std::io::Error,
    },
    /// A renderer's own failure (a brochure typst could not lay out, say).
    Renderer {
        renderer: &'static str,
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Read { path, source } => {
                let what = crate::messages::io_cannot_read(&path.display().to_string());
                write!(f, "{what}: {source}")
            }
            RenderError::Template { message } => f.write_str(message),
            RenderError::Write { path, source } => {
                write!(f, "{}: {source}", crate::messages::io_cannot_write(path))
            }
            RenderError::Renderer { source, .. } => source.fmt(f),
        }
    }
}

impl std::error::Error for RenderError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            RenderError::Read { source, .. } | RenderError::Write { source, .. } => Some(source),
            RenderError::Renderer { source, .. } => Some(source.as_ref()),
            RenderError::Template { .. } => None,
        }
    }
}

/// Runs every renderer on its own thread into `sink` and sums what they made, with the time
/// each took. Renderers that parallelise inside (the site on rayon, the brochures on their own
/// threads) run beside each other rather than one after the other. The first error wins.
pub fn render_all(
    catalog: &Catalog,
    renderers: &[&dyn Renderer],
    sink: &dyn Sink,
) -> Result<(Rendered, Vec<Timing>), RenderError> {
    let run = |renderer: &&dyn Renderer| {
        let started = std::time::Instant::now();
        let result = renderer.render(catalog, sink);
        (renderer.name(), result, started.elapsed())
    };
    let Some((first, others)) = renderers.split_first() else {
        return Ok((Rendered::default(), Vec::new()));
    };
    // The first renderer runs on the calling thread, the others beside it.
    let results: Vec<_> = std::thread::scope(|scope| {
        let threads: Vec<_> = others
            .iter()
            .map(|renderer| scope.spawn(move || run(renderer)))
            .collect();
        let mut results = vec![run(first)];
        for thread in threads {
            match thread.join() {
                Ok(result) => results.push(result),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        results
    });
    let mut rendered = Rendered::default();
    let mut timings = Vec::new();
    for (name, result, took) in results {
        rendered.add(result?);
        timings.push(Timing { step: name, took });
    }
    Ok((rendered, timings))
}

/// How long one step of a build took.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    pub step: &'static str,
    pub took: std::time::Duration,
}
