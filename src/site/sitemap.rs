//! sitemap.xml with hreflang alternates for every page, and robots.txt.

use std::fmt::Write as _;
use std::io::{self, Write as _};

use crate::urls::absolute;

/// Where the sitemap is, relative to the site root.
pub const PATH: &str = "sitemap.xml";

/// A page that exists in several languages: its URL per language code.
pub struct Alternates {
    pub urls: Vec<(String, String)>,
}

/// The sitemap of all `pages`, with absolute URLs under `base_url`.
pub fn sitemap(base_url: &str, pages: &[Alternates]) -> Vec<u8> {
    let mut out = Vec::new();
    write(&mut out, base_url, pages).expect("writing to memory does not fail");
    out
}

/// Writes the sitemap (see [`sitemap`]) piece by piece: at ten thousand actors in six languages
/// it is some 100 MB, which a build should not hold in memory.
pub fn write(out: &mut dyn io::Write, base_url: &str, pages: &[Alternates]) -> io::Result<()> {
    out.write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    )?;
    let mut out = io::BufWriter::new(out);
    for page in pages {
        for (_, url) in &page.urls {
            writeln!(out, "<url><loc>{}</loc>", escape(&absolute(base_url, url)))?;
            for (code, alternate) in &page.urls {
                writeln!(
                    out,
                    "<xhtml:link rel=\"alternate\" hreflang=\"{code}\" href=\"{}\"/>",
                    escape(&absolute(base_url, alternate))
                )?;
            }
            out.write_all(b"</url>\n")?;
        }
    }
    out.write_all(b"</urlset>\n")?;
    out.flush()
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
