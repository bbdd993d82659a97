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

/// Where `needle` (not empty) first occurs in `haystack`. Horspool's search: a window whose
/// last byte is not in `needle` is skipped whole, which a scan for each `<` of the page is not.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let last = needle.len().checked_sub(1)?;
    let mut skip = [needle.len(); 256];
    for (i, &byte) in needle[..last].iter().enumerate() {
        skip[usize::from(byte)] = last - i;
    }
    let mut at = 0;
    while let Some(&end) = haystack.get(at + last) {
        if end == needle[last] && haystack[at..at + last] == needle[..last] {
            return Some(at);
        }
        at += skip[usize::from(end)];
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::Path;

    use super::super::{
        Cards, LanguageRender, Minify, Options, SharedContext, assets::Assets, language_jobs,
        render_job, templates,
    };
    use crate::render::Collect;

    /// Every page of the example content: the chrome minified once and spliced in gives the
    /// bytes of the page minified whole, so no template falls back to whole pages.
    #[test]
    fn the_example_pages_take_their_chrome_minified_once() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let today = jiff::civil::Date::new(2026, 11, 28).unwrap();
        let catalog = crate::check::check(root, today)
            .unwrap()
            .catalog
            .expect("valid content");
        let options = Options {
            brochure_languages: &[],
            today,
            minify: Minify::SharedFragments,
        };
        let tera = templates::load(root).unwrap();
        let assets = Assets::load(root, &catalog.config).unwrap();
        let logos = BTreeMap::new();
        let sink = Collect::default();
        for language in &catalog.config.languages {
            let code = language.code.as_str();
            let jobs = language_jobs(&catalog, code, "de/search.json");
            let variants = crate::site::card_variants(&jobs, code);
            let render = LanguageRender {
                shared: SharedContext::new(&catalog, code, &assets, &options),
                logos: &logos,
                cards: Cards::render(&tera, &catalog, code, &variants, true).unwrap(),
                minify: Minify::SharedFragments,
            };
            for job in jobs {
                render_job(&catalog, &tera, &render, job, &sink).unwrap();
            }
            let chrome = render.shared.chrome.lock();
            // The home page (search index), actor pages, listings, content pages.
            assert!(
                chrome.len() >= 3,
                "{code}: {} kinds of chrome",
                chrome.len()
            );
            for ((root, search), parts) in chrome.iter() {
                let verified = parts.lock();
                assert!(!verified.is_empty());
                for (template, same) in verified.iter() {
                    assert!(same, "{code} {root} {search:?}: {template} fell back");
                }
            }
        }
        let files = sink.into_files();
        let page = String::from_utf8(files["de/index.html"].clone()).unwrap();
        assert!(page.contains("<footer class=site-footer>"), "{page}");
        assert!(!page.contains("steckbrief-chrome"), "{page}");
    }

    /// The search finds the first occurrence, at either end too, and nothing where there is none.
    #[test]
    fn find_finds_the_first_occurrence() {
        let needle = super::PLACEHOLDER;
        let page = [b"<p>x</p>".as_slice(), needle, b"0>", needle].concat();
        assert_eq!(super::find(&page, needle), Some(8));
        assert_eq!(super::find(needle, needle), Some(0));
        assert_eq!(
            super::find(&page[9..], needle),
            Some(page.len() - 9 - needle.len())
        );
        assert_eq!(super::find(b"<steckbrief-chrome", needle), None);
        assert_eq!(super::find(b"", needle), None);
    }

    /// A part where whitespace counts (here the head's links, four elements, inside a `<span>`)
    /// minifies differently on its own; the check notices and the pages are minified whole.
    #[test]
    fn a_part_where_whitespace_counts_is_minified_with_the_page() {
        let mut tera = tera::Tera::default();
        tera.add_raw_templates(super::TEMPLATES.iter().copied().chain([(
            "page.html",
            "<!doctype html><html><head><title>x</title></head><body>\
             <p><span>{{ chrome.head | safe }}</span> {{ chrome.brand | safe }}</p></body></html>",
        )]))
        .unwrap();
        let mut shared = tera::Context::new();
        shared.insert(
            "assets",
            &serde_json::json!({"css": "a.css", "js": "s.js", "logo": "l.svg"}),
        );
        shared.insert("manifest_url", "de/manifest.webmanifest");
        shared.insert("theme_color", "#00567a");
        shared.insert("home_url", "de/");
        shared.insert(
            "site",
            &serde_json::json!({"title": "Merzig", "town": "Merzig"}),
        );
        let keys = [
            "search_label",
            "search_placeholder",
            "search_button",
            "a_to_z",
            "site_navigation",
            "home",
            "all_actors_az",
            "open_data",
        ];
        let t: BTreeMap<&str, &str> = keys.iter().map(|key| (*key, "Text")).collect();
        shared.insert("t", &t);
        let links = serde_json::json!({
            "index": "de/a-z/", "pages": [], "volumes": [], "open_data": "data.json"
        });
        shared.insert("links", &links);
        let chrome = super::Chrome::default();
        let parts = chrome.parts(&tera, &shared, "../", None).unwrap();
        let page = |placeholders| {
            let mut context = shared.clone();
            context.insert("root", "../");
            parts.insert(&mut context, placeholders);
            tera.render("page.html", &context).unwrap()
        };
        let whole = super::minify(page(false).as_bytes());
        // Spliced blindly, the links would lose the spaces the span keeps between them.
        assert_ne!(parts.splice(&super::minify(page(true).as_bytes())), whole);
        for _ in 0..2 {
            assert_eq!(parts.minify("page.html", &page(true)), whole);
        }
        assert_eq!(parts.lock().get("page.html"), Some(&false));
    }
}
