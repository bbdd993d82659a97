//! The page chrome: the parts of `base.html` that are the same on every page of a language at
//! one depth (the theme's links in the head, the brand, the search form, the footer, ...).
//!
//! Each part is a template of its own (`templates/chrome/*.html`) that sees the language-wide
//! variables and `root`; `base.html` prints it as `{{ chrome.<name> | safe }}`. A part is
//! rendered once per language and link prefix. With [`Minify::SharedFragments`](super::Minify)
//! the page gets a placeholder instead, and the part, minified once, takes its place in the
//! minified page; so the chrome is neither rendered nor minified per page.
//!
//! A part minified on its own gives the same bytes as inside the page when it is made of whole
//! elements in a place where whitespace between elements does not count. A content root may
//! put it elsewhere, so the first page of each template is made both ways and compared
//! ([`Parts::minify`]); where they differ, that template's pages are minified whole.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tera::{Context, Tera};

use super::{minify, render_html};
use crate::render::RenderError;

/// The parts: the name `base.html` uses and the template that makes it.
const PARTS: [(&str, &str); 6] = [
    ("head", "chrome/head.html"),
    ("noscript", "chrome/noscript.html"),
    ("brand", "chrome/brand.html"),
    ("help", "chrome/help.html"),
    ("footer", "chrome/footer.html"),
    ("script", "chrome/script.html"),
];

/// The templates of the parts with their built-in text, for [`super::templates`].
pub const TEMPLATES: [(&str, &str); 6] = [
    (PARTS[0].1, include_str!("../../templates/chrome/head.html")),
    (
        PARTS[1].1,
        include_str!("../../templates/chrome/noscript.html"),
    ),
    (
        PARTS[2].1,
        include_str!("../../templates/chrome/brand.html"),
    ),
    (PARTS[3].1, include_str!("../../templates/chrome/help.html")),
    (
        PARTS[4].1,
        include_str!("../../templates/chrome/footer.html"),
    ),
    (
        PARTS[5].1,
        include_str!("../../templates/chrome/script.html"),
    ),
];

/// The start of every part's placeholder; the rest is its index in [`PARTS`].
const PLACEHOLDER: &[u8] = b"<steckbrief-chrome-";

/// What the page template prints where the `n`-th part goes. It cannot occur in escaped text,
/// and minifying leaves it as it is.
fn placeholder(n: usize) -> String {
    format!("<steckbrief-chrome-{n}></steckbrief-chrome-{n}>")
}

/// Every part rendered with `context`, each trimmed of the whitespace around it.
fn render_parts(tera: &Tera, context: &Context) -> Result<Vec<String>, RenderError> {
    PARTS
        .iter()
        .map(|(_, template)| Ok(render_html(tera, template, context)?.trim().to_owned()))
        .collect()
}

/// `parts` (one text per entry of [`PARTS`]) as the variable `chrome` of the page templates.
fn insert(context: &mut Context, parts: &[String]) {
    let chrome: HashMap<&str, &str> = PARTS
        .iter()
        .zip(parts)
        .map(|((name, _), text)| (*name, text.as_str()))
        .collect();
    context.insert("chrome", &chrome);
}

/// Renders the parts with the page's own `context` and inserts them, for a page that is
/// rendered once (404, report).
pub fn insert_rendered(tera: &Tera, context: &mut Context) -> Result<(), RenderError> {
    let parts = render_parts(tera, context)?;
    insert(context, &parts);
    Ok(())
}

/// The parts for one language and link prefix, as rendered and as minified.
pub struct Parts {
    html: Vec<String>,
    minified: Vec<Vec<u8>>,
    placeholders: Vec<String>,
    /// Per page template: whether its pages came out the same both ways.
    verified: Mutex<HashMap<&'static str, bool>>,
}

impl Parts {
    /// Inserts the parts into a page's `context`: as placeholders if `placeholders`, else as
    /// rendered.
    pub fn insert(&self, context: &mut Context, placeholders: bool) {
        insert(
            context,
            if placeholders {
                &self.placeholders
            } else {
                &self.html
            },
        );
    }

    /// `page`, minified with placeholders, with each placeholder replaced by its minified part.
    fn splice(&self, page: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(page.len() + 4096);
        let mut rest = page;
        while let Some(at) = find(rest, PLACEHOLDER) {
            out.extend_from_slice(&rest[..at]);
            let after = &rest[at + PLACEHOLDER.len()..];
            let digits = after.iter().take_while(|b| b.is_ascii_digit()).count();
            let part = std::str::from_utf8(&after[..digits])
                .ok()
                .and_then(|n| n.parse::<usize>().ok())
                .filter(|&n| n < PARTS.len());
            let whole = part.map(placeholder);
            match (part, whole) {
                (Some(n), Some(whole)) if rest[at..].starts_with(whole.as_bytes()) => {
                    out.extend_from_slice(&self.minified[n]);
                    rest = &rest[at + whole.len()..];
                }
                // Not one of ours: kept as it is.
                _ => {
                    out.extend_from_slice(PLACEHOLDER);
                    rest = after;
                }
            }
        }
        out.extend_from_slice(rest);
        out
    }

    /// `html`, the page of `template` rendered with placeholders, minified with the minified
    /// parts in their places. The first page of each template is also minified whole with the
    /// parts put in ([`Minify::WholePages`](super::Minify)); if the two differ, that is what
    /// this and every later page of the template get.
    pub fn minify(&self, template: &'static str, html: &str) -> Vec<u8> {
        let verified = self.lock().get(template).copied();
        match verified {
            Some(true) => self.splice(&minify(html.as_bytes())),
            Some(false) => minify(self.unspliced(html).as_bytes()),
            None => {
                let spliced = self.splice(&minify(html.as_bytes()));
                let whole = minify(self.unspliced(html).as_bytes());
                let same = spliced == whole;
                self.lock().insert(template, same);
                whole
            }
        }
    }

    /// `html` (not minified) with each placeholder replaced by its part as rendered.
    fn unspliced(&self, html: &str) -> String {
        let mut text = html.to_owned();
        for (placeholder, part) in self.placeholders.iter().zip(&self.html) {
            text = text.replace(placeholder.as_str(), part);
        }
        text
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<&'static str, bool>> {
        self.verified.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let mut from = 0;
    while let Some(at) = haystack[from..].iter().position(|&b| b == first) {
        let at = from + at;
        if haystack[at + 1..].starts_with(rest) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The parts of one language, made on first use per link prefix and search index (the search
/// form of the home page names it).
#[derive(Default)]
pub struct Chrome {
    parts: Mutex<HashMap<Key, Arc<Parts>>>,
}

/// What the parts of a language differ by: the link prefix and the search index.
type Key = (String, Option<String>);

impl Chrome {
    /// The parts for pages at `root` with `search_index`, rendered with the language-wide
    /// `shared` variables.
    pub fn parts(
        &self,
        tera: &Tera,
        shared: &Context,
        root: &str,
        search_index: Option<&str>,
    ) -> Result<Arc<Parts>, RenderError> {
        let key = (root.to_owned(), search_index.map(str::to_owned));
        if let Some(parts) = self.lock().get(&key) {
            return Ok(Arc::clone(parts));
        }
        let mut context = shared.clone();
        context.insert("root", root);
        if let Some(index) = search_index {
            context.insert("search_index", index);
        }
        let html = render_parts(tera, &context)?;
        let minified = html.iter().map(|part| minify(part.as_bytes())).collect();
        let parts = Arc::new(Parts {
            html,
            minified,
            placeholders: (0..PARTS.len()).map(placeholder).collect(),
            verified: Mutex::default(),
        });
        // Two threads may make the same parts at once; both are the same.
        Ok(Arc::clone(self.lock().entry(key).or_insert(parts)))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Arc<Parts>>> {
        self.parts.lock().unwrap_or_else(|e| e.into_inner())
    }
}
