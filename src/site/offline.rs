//! What lets the site work without a network: a web app manifest per language and a small
//! service worker (`theme/sw.js`) that keeps visited pages, each language's home page, A–Z list
//! and important numbers, and opened brochures.
//!
//! The worker's first lines name the build: a version derived from the hashed asset names and
//! the files to keep from the start. A build that changes any asset changes the worker's bytes,
//! so browsers install the new worker, which drops the old cache.

use serde_json::json;

use super::assets::{Asset, Assets, content_hash};
use super::views::rel;
use crate::catalog::Catalog;
use crate::urls;
use crate::urls::absolute;

/// Where the service worker is written: the site root, so that its scope is the whole site.
pub const WORKER_PATH: &str = "sw.js";

/// The web app manifest of `language`, named in that language, starting at its home page.
pub fn manifest(catalog: &Catalog, language: &str, assets: &Assets) -> Asset {
    let config = &catalog.config;
    let rtl = catalog.language(language).is_some_and(|l| l.rtl);
    let text = |texts: &crate::config::LocalizedText| {
        catalog
            .fallbacks(language)
            .pick(texts)
            .map(|(text, _)| text.clone())
            .unwrap_or_default()
    };
    let manifest = json!({
        "name": text(&config.title),
        "short_name": config.town,
        "description": text(&config.subtitle),
        "lang": language,
        "dir": if rtl { "rtl" } else { "ltr" },
        "id": absolute(&config.base_url, &urls::home(language)),
        "start_url": "./",
        "scope": "../",
        "display": "standalone",
        "background_color": "#f7f8f9",
        "theme_color": config.branding.primary_color,
        "icons": [{
            "src": format!("../{}", assets.logo.url),
            "sizes": "any",
            "type": if assets.logo.url.ends_with(".svg") { "image/svg+xml" } else { "image/png" },
        }],
    });
    Asset {
        url: rel(&urls::manifest(language)),
        bytes: serde_json::to_vec_pretty(&manifest).expect("JSON serialises"),
    }
}

/// The service worker: the build's version, the site's languages and the files every visitor
/// keeps (`assets`: the hashed files, relative to the site root), then the code of `theme/sw.js`.
pub fn service_worker(catalog: &Catalog, assets: &Assets, offline_assets: &[String]) -> Vec<u8> {
    let version = content_hash(offline_assets.join("\n").as_bytes());
    let languages: Vec<&str> = catalog
        .config
        .languages
        .iter()
        .map(|l| l.code.as_str())
        .collect();
    let mut worker = format!(
        "\"use strict\";\nconst VERSION = {};\nconst LANGUAGES = {};\nconst PRECACHE = {};\n",
        json!(version),
        json!(languages),
        json!(offline_assets),
    )
    .into_bytes();
    worker.extend_from_slice(&assets.worker);
    worker
}
