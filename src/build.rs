//! The whole pipeline as library calls: check the content, then run every renderer into one
//! sink, then publish.
//!
//! [`build`] is what `steckbrief build` does: load → validate → [`Catalog`] → site, open data
//! and brochures side by side into a staging folder beside the output → swap it into place.
//! [`website`] renders the same site into memory, as `serve` shows it and the tests compare it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use jiff::civil::Date;

use crate::brochure::{self, Brochures};
use crate::catalog::Catalog;
use crate::diagnostics::Diagnostics;
use crate::load::{ACTORS_DIR, FatalError};
use crate::open_data::OpenData;
use crate::output::{OutputError, Staging};
use crate::render::{self, Collect, Files, RenderError, Rendered, Renderer, Timing};
use crate::site::preview::Preview;
use crate::site::{self, Minify, Site};

/// What to build.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Render the PDF brochures of `brochure.languages` too.
    pub brochures: bool,
    /// The date the content is checked against (reviews due, dates in the future).
    pub today: Date,
    /// Take unchanged brochures from the brochure cache of the content root, and store new
    /// ones there (see [`brochure::cache`]).
    pub brochure_cache: bool,
}

/// Where a build is, for a progress display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// Reading and checking the content.
    Checking,
    /// An earlier build had been interrupted after moving the site aside; it was put back from
    /// this folder before this build began.
    Recovered(PathBuf),
    /// Rendering the site and this many brochures.
    Rendering { brochures: usize },
    /// `done` of `of` brochures are written.
    Brochures { done: usize, of: usize },
    /// Swapping the new site into place.
    Publishing,
}

/// A finished build.
#[derive(Debug)]
pub struct Built {
    /// The warnings of the check (a build has no errors).
    pub diagnostics: Diagnostics,
    /// Number of actor folders found.
    pub actor_count: usize,
    /// What the renderers made.
    pub rendered: Rendered,
    /// How long each step took: the check, each renderer (side by side), publishing.
    pub timings: Vec<Timing>,
    /// The new site is in place, but the previous one could not be removed from beside it.
    pub left_over: Option<OutputError>,
}

/// Why nothing was published; the previous output is unchanged but after [`BuildError::Publish`].
#[derive(Debug)]
pub enum BuildError {
    /// The content folder cannot be checked at all.
    Fatal(FatalError),
    /// The content has errors (listed in the check).
    Invalid(Box<crate::Checked>),
    /// The output folder may not be written or is busy; nothing was rendered.
    Output(OutputError),
    /// The new site could not be swapped into place (the error says what is where now).
    Publish(OutputError),
    /// A renderer failed (a broken template, say).
    Render(RenderError),
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Fatal(error) => error.fmt(f),
            BuildError::Invalid(checked) => write!(
                f,
                "the content has {} errors",
                checked.diagnostics.error_count()
            ),
            BuildError::Output(error) | BuildError::Publish(error) => error.fmt(f),
            BuildError::Render(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BuildError::Fatal(error) => Some(error),
            BuildError::Output(error) | BuildError::Publish(error) => Some(error),
            BuildError::Render(error) => Some(error),
            BuildError::Invalid(_) => None,
        }
    }
}

/// Checks the content under `root` and, if it has no errors, renders the site, the open data
/// and (if `options.brochures`) the brochures into a staging folder beside `out` as each file is
/// made, then swaps that folder into place. `out` must be steckbrief's to replace and outside
/// the content, and only one build writes it at a time (see [`crate::output`]). `progress`
/// hears where the build is.
pub fn build(
    root: &Path,
    out: &Path,
    options: &Options,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Built, BuildError> {
    let started = Instant::now();
    progress(Progress::Checking);
    let mut checked = crate::check(root, options.today).map_err(BuildError::Fatal)?;
    let Some(catalog) = checked.catalog.take() else {
        return Err(BuildError::Invalid(Box::new(checked)));
    };
    let mut timings = vec![Timing {
        step: "check",
        took: started.elapsed(),
    }];
    let languages: &[String] = if options.brochures {
        &catalog.config.brochure.languages
    } else {
        &[]
    };
    let as_of = if languages.is_empty() {
        options.today
    } else {
        // Refused before anything is rendered or written.
        brochure::within_limit(&catalog)
            .and_then(|()| brochure::as_of_date(&catalog))
            .map_err(|error| {
                BuildError::Render(RenderError::Renderer {
                    renderer: "brochures",
                    source: Box::new(error),
                })
            })?
    };
    let staging = Staging::create(out, root).map_err(BuildError::Output)?;
    if let Some(previous) = staging.out().recovered() {
        progress(Progress::Recovered(previous.to_path_buf()));
    }
    // A brochure, or its volumes, per language.
    let pdfs = languages.len() * catalog.brochure_volumes().len();
    progress(Progress::Rendering { brochures: pdfs });
    let brochures_done = |done| progress(Progress::Brochures { done, of: pdfs });
    let site = Site {
        options: site_options(languages, options.today),
    };
    let open_data = OpenData {
        brochure_languages: languages,
        today: options.today,
    };
    let cache = options
        .brochure_cache
        .then(|| brochure::cache::PdfCache::of_root(root));
    let brochures = Brochures {
        languages,
        as_of,
        progress: Some(&brochures_done),
        cache: cache.as_ref(),
    };
    let mut renderers: Vec<&dyn Renderer> = vec![&site, &open_data];
    if !languages.is_empty() {
        renderers.push(&brochures);
    }
    let (rendered, render_timings) =
        render::render_all(&catalog, &renderers, &staging).map_err(BuildError::Render)?;
    timings.extend(render_timings);
    progress(Progress::Publishing);
    let publishing = Instant::now();
    let left_over = staging.commit().map_err(BuildError::Publish)?;
    timings.push(Timing {
        step: "publish",
        took: publishing.elapsed(),
    });
    Ok(Built {
        diagnostics: checked.diagnostics,
        actor_count: checked.actor_count,
        rendered,
        timings,
        left_over,
    })
}

/// The options of a site build that links the brochures of `brochure_languages`.
pub fn site_options(brochure_languages: &[String], today: Date) -> site::Options<'_> {
    site::Options {
        brochure_languages,
        today,
        minify: Minify::SharedFragments,
    }
}

/// The website and the open data of `catalog`, rendered into memory.
pub fn website(catalog: &Catalog, options: site::Options<'_>) -> Result<Files, RenderError> {
    let sink = Collect::default();
    let open_data = OpenData {
        brochure_languages: options.brochure_languages,
        today: options.today,
    };
    // On the caller's rayon pool (tests render on one thread to compare with the build).
    let (site, open_data) = rayon::join(
        || Site { options }.render(catalog, &sink),
        || open_data.render(catalog, &sink),
    );
    site?;
    open_data?;
    Ok(sink.into_files())
}

/// The actor folders a save touched: the slugs of the folders under `root`'s actors/ that
/// `paths` lie in, if every path is a file inside an actor folder; `None` when anything else
/// changed (config, templates, a folder itself), which needs a full rebuild.
pub fn changed_actors(root: &Path, paths: &[PathBuf]) -> Option<BTreeSet<String>> {
    let actors = root.join(ACTORS_DIR).canonicalize().ok()?;
    let mut slugs = BTreeSet::new();
    for path in paths {
        let folder = path.parent()?;
        let folder = folder
            .canonicalize()
            .unwrap_or_else(|_| folder.to_path_buf());
        if !folder.starts_with(&actors) || folder == actors || path.is_dir() {
            return None;
        }
        slugs.insert(folder.file_name()?.to_string_lossy().into_owned());
    }
    (!slugs.is_empty()).then_some(slugs)
}

/// What renders a file `serve` makes only when it is requested, rather than after every save,
/// because it depends on every actor: the sitemap, the report, the open data.
pub enum OnRequest {
    /// The sitemap or the report.
    Site(site::preview::OnRequest),
    /// The open data, all its files at once.
    OpenData,
}

/// What renders the file at `path` if `serve` makes it on request and `preview` has been rendered.
pub fn on_request(preview: &Preview, path: &str) -> Option<OnRequest> {
    if crate::open_data::writes(path) {
        Some(OnRequest::OpenData)
    } else {
        preview.on_request(path).map(OnRequest::Site)
    }
}

impl OnRequest {
    /// The files rendered for a request of `path`: that file, or with the open data all of it.
    pub fn render(
        &self,
        catalog: &Catalog,
        path: &str,
        options: &site::Options<'_>,
    ) -> Result<Files, RenderError> {
        match self {
            OnRequest::Site(site) => {
                let file = site.render(catalog, path, options)?;
                Ok(Files::from([(path.to_owned(), file)]))
            }
            OnRequest::OpenData => {
                let sink = Collect::default();
                let open_data = OpenData {
                    brochure_languages: options.brochure_languages,
                    today: options.today,
                };
                open_data.render(catalog, &sink)?;
                Ok(sink.into_files())
            }
        }
    }
}
