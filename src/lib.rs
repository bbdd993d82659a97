//! Steckbrief: a static-site generator for directories of local actors in labour-market
//! integration, rendering one validated catalogue into a multilingual website and a PDF brochure.
//!
//! The pipeline reads top-down: [`load`] (files → typed model with positions) → [`validate`]
//! (meaning → [`catalog::Catalog`]) → the renderers behind [`render::Renderer`] ([`site`],
//! [`open_data`], [`brochure`]) → a [`render::Sink`] ([`output`] on disk, or memory).
//! [`build::build`] runs all of it. Every problem with the content becomes a
//! [`diagnostics::Diagnostic`]; docs/ARCHITECTURE.md has the picture.

pub mod brochure;
pub mod build;
pub mod cache;
pub mod catalog;
pub mod config;
pub mod diagnostics;
pub mod format;
pub mod i18n;
pub mod load;
pub mod markdown;
pub mod model;
pub mod open_data;
pub mod output;
pub mod overrides;
pub mod render;
pub mod report;
pub mod schema;
pub mod site;
pub mod source;
/// Synthetic catalogues for benchmarks (`steckbrief generate`), outside the default build.
#[cfg(feature = "synthetic")]
pub mod synthetic;
pub mod validate;
pub mod yaml;

use std::path::Path;

use jiff::civil::Date;

use cache::CheckCache;
use catalog::Catalog;
use diagnostics::Diagnostics;
use load::FatalError;

/// The result of checking a content root: the catalogue if there were no errors, and every
/// diagnostic either way.
#[derive(Debug)]
pub struct Checked {
    pub catalog: Option<Catalog>,
    pub diagnostics: Diagnostics,
    /// Number of actor folders found.
    pub actor_count: usize,
}

/// Loads and validates the content under `root` as of `today`.
pub fn check(root: &Path, today: Date) -> Result<Checked, FatalError> {
    check_with_cache(root, today, &mut CheckCache::single_use())
}

/// Like [`check`], but reuses from `cache` the results for files and actor folders unchanged
/// since the check that filled it, and keeps this check's results there for the next one. The
/// result is the same as [`check`]'s; only the time differs.
pub fn check_with_cache(
    root: &Path,
    today: Date,
    cache: &mut CheckCache,
) -> Result<Checked, FatalError> {
    cache.start(root);
    let mut diagnostics = Diagnostics::default();
    let config = load::load_config(root, &cache.schemas, &mut cache.files, &mut diagnostics)?;
    let rules = config.as_ref().map(|c| validate::rules(&c.value, today));
    if let Some(rules) = &rules {
        cache.actors.use_rules(rules);
    }
    let actors = &cache.actors;
    let content = load::load(
        root,
        config,
        &cache.schemas,
        &mut cache.files,
        &mut diagnostics,
        &|folder| validate::check_folder(folder, rules.as_ref(), actors),
    )?;
    let actor_count = content.folders_found;
    let catalog = validate::validate(content, rules, &mut diagnostics, &mut cache.actors);
    Ok(Checked {
        catalog,
        diagnostics,
        actor_count,
    })
}

/// The date the content is checked against: the day given by `SOURCE_DATE_EPOCH` (the
/// reproducible-builds convention) if set, otherwise today in the local time zone.
pub fn today() -> Date {
    source_date_epoch().unwrap_or_else(|| jiff::ZonedDateTime::now().date())
}

/// The day (UTC) given by `SOURCE_DATE_EPOCH`, if it is set to a valid timestamp.
pub fn source_date_epoch() -> Option<Date> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|seconds| jiff::Timestamp::from_second(seconds).ok())
        .map(|t| t.to_zoned_datetime(jiff::tz::TimeZone::UTC).date())
}
