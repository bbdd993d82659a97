//! Steckbrief: a static-site generator for directories of local actors in labour-market
//! integration, rendering one validated catalogue into a multilingual website and a PDF brochure.
//!
//! The pipeline reads top-down: [`load`] (files → typed model with positions) → [`validate`]
//! (meaning → [`catalog::Catalog`]) → the renderers behind [`render::Renderer`] ([`site`],
//! [`open_data`], [`brochure`]) → a [`render::Sink`] ([`output`] on disk, or memory).
//! [`build::build`] runs all of it. Every problem with the content becomes a
//! [`diagnostics::Diagnostic`]; docs/ARCHITECTURE.md has the picture.

pub mod bidi;
pub mod brochure;
pub mod build;
pub mod cache;
pub mod catalog;
mod check;
pub mod config;
pub mod diagnostics;
pub mod editor_schema;
pub mod fonts;
pub mod format;
pub mod hsds;
pub mod i18n;
pub mod load;
pub mod markdown;
pub mod messages;
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
pub mod urls;
pub mod validate;
pub mod yaml;

use jiff::civil::Date;

pub use check::{Checked, check, check_with_cache};

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
