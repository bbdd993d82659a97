//! sitemap.xml with hreflang alternates for every page, and robots.txt.

use std::fmt::Write as _;

use crate::urls::absolute;

/// A page that exists in several languages: its URL per language code.
pub struct Alternates {
    pub urls: Vec<(String, String)>,
}

/// The sitemap of all `pages`, with absolute URLs under `base_url`.
pub fn sitemap(base_url: &str, pages: &[Alternates]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for page in pages {
        for (_, url) in &page.urls {
            let _ = writeln!(out, "<url><loc>{}</loc>", escape(&absolute(base_url, url)));
            for (code, alternate) in &page.urls {
                let _ = writeln!(
                    out,
                    "<xhtml:link rel=\"alternate\" hreflang=\"{code}\" href=\"{}\"/>",
                    escape(&absolute(base_url, alternate))
                );
            }
            out.push_str("</url>\n");
        }
    }
    out.push_str("</urlset>\n");
    out
}

/// robots.txt pointing at the sitemap; `hidden` paths are excluded.
pub fn robots(base_url: &str, hidden: &[&str]) -> String {
    let mut out = String::from("User-agent: *\n");
    for path in hidden {
        let _ = writeln!(out, "Disallow: {path}");
    }
    let _ = writeln!(
        out,
        "Allow: /\nSitemap: {}",
        absolute(base_url, "/sitemap.xml")
    );
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;")
}
