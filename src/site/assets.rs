//! Stylesheet, script and logo, written under names that carry a hash of their content so that
//! browsers may cache them forever.

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::config::Config;
use crate::overrides;
use crate::render::RenderError;

/// Default theme files, used when the content root has no `theme/` override.
const DEFAULT_CSS: &str = include_str!("../../theme/style.css");
const DEFAULT_JS: &str = include_str!("../../theme/search.js");
const DEFAULT_LOGO: &str = include_str!("../../theme/logo.svg");
const DEFAULT_WORKER: &str = include_str!("../../theme/sw.js");

/// A file to write, with its URL relative to the site root.
#[derive(Debug, Clone)]
pub struct Asset {
    pub url: String,
    pub bytes: Vec<u8>,
}

/// The theme assets of one build.
#[derive(Debug, Clone)]
pub struct Assets {
    pub css: Asset,
    pub js: Asset,
    pub logo: Asset,
    /// The service worker's code, without the build's version and file list, which
    /// [`super::offline::service_worker`] puts in front of it.
    pub worker: Vec<u8>,
}

impl Assets {
    /// Reads the theme (from `root/theme` where present) and the configured logo.
    pub fn load(root: &Path, config: &Config) -> Result<Assets, RenderError> {
        let read = |name: &str, default: &'static str| {
            overrides::text(root, &format!("theme/{name}"), default)
                .map(|text| text.into_owned().into_bytes())
                .map_err(|(path, source)| RenderError::Read { path, source })
        };
        let colours = format!(
            ":root{{--primary:{};--accent:{}}}\n",
            config.branding.primary_color, config.branding.accent_color
        );
        let mut css = colours.into_bytes();
        css.extend(read("style.css", DEFAULT_CSS)?);
        let logo = match &config.branding.logo {
            Some(logo) => {
                let path = root.join(logo);
                let bytes =
                    std::fs::read(&path).map_err(|source| RenderError::Read { path, source })?;
                (bytes, extension(logo))
            }
            None => (DEFAULT_LOGO.as_bytes().to_vec(), "svg".to_owned()),
        };
        Ok(Assets {
            css: hashed("assets/style", "css", css),
            js: hashed("assets/search", "js", read("search.js", DEFAULT_JS)?),
            logo: hashed("assets/logo", &logo.1, logo.0),
            worker: read("sw.js", DEFAULT_WORKER)?,
        })
    }
}

/// An asset named `<stem>.<hash>.<extension>`.
pub fn hashed(stem: &str, extension: &str, bytes: Vec<u8>) -> Asset {
    Asset {
        url: format!("{stem}.{}.{extension}", content_hash(&bytes)),
        bytes,
    }
}

/// The first ten hex digits of the SHA-256 of `bytes`.
pub fn content_hash(bytes: &[u8]) -> String {
    short_hex(&Sha256::digest(bytes))
}

/// The first ten hex digits of a digest.
fn short_hex(digest: &[u8]) -> String {
    digest.iter().take(5).map(|b| format!("{b:02x}")).collect()
}

/// Writes through to another writer and hashes what passes, so that a file can be named after
/// its [`content_hash`] without being held whole.
pub struct Hashing<'a> {
    out: &'a mut dyn std::io::Write,
    hasher: Sha256,
}

impl<'a> Hashing<'a> {
    /// Writes into `out`.
    pub fn new(out: &'a mut dyn std::io::Write) -> Self {
        Hashing {
            out,
            hasher: Sha256::new(),
        }
    }

    /// The name [`hashed`] gives the bytes written so far.
    pub fn name(self, stem: &str, extension: &str) -> String {
        format!("{stem}.{}.{extension}", short_hex(&self.hasher.finalize()))
    }
}

impl std::io::Write for Hashing<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let written = self.out.write(bytes)?;
        self.hasher.update(&bytes[..written]);
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

fn extension(path: &str) -> String {
    Path::new(path)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_else(|| "svg".to_owned())
}
