//! The fast path gives exactly what the straightforward path gives: `steckbrief build` (pages
//! rendered in parallel, shared per-language context, listing cards minified once and joined into
//! the minified pages, each file written to disk as soon as it is made) produces the same bytes as
//! rendering every page one after the other into memory and minifying each page whole.

mod common;

use std::path::{Path, PathBuf};

use steckbrief::render::Files;
use steckbrief::site::{Minify, Options};

/// Renders the site the straightforward way: on one thread, into memory, every page minified
/// whole.
fn render_sequentially(root: &Path) -> Files {
    let today = jiff::civil::Date::new(2026, 11, 28).unwrap();
    let catalog = steckbrief::check(root, today)
        .unwrap()
        .catalog
        .expect("valid content");
    let options = Options {
        brochure_languages: &[],
        today,
        minify: Minify::WholePages,
    };
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    one_thread.install(|| steckbrief::build::website(&catalog, options).unwrap())
}

fn assert_same_site(root: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let (root_arg, out_arg) = (root.to_str().unwrap(), out.to_str().unwrap());
    common::steckbrief_ok(&[
        "build",
        "--root",
        root_arg,
        "--out",
        out_arg,
        "--no-brochures",
        "--quiet",
    ]);
    let mut built = common::files(&out);
    // The file that marks the folder as steckbrief's is no part of the rendered site.
    assert!(built.remove(Path::new(".steckbrief-site")).is_some());
    // In path order, as `built` lists them: `de/` before `de-x-ls/`, though "-" < "/".
    let reference: std::collections::BTreeMap<PathBuf, Vec<u8>> = render_sequentially(root)
        .into_iter()
        .map(|(path, bytes)| (PathBuf::from(path), bytes))
        .collect();
    assert_eq!(
        built.keys().collect::<Vec<_>>(),
        reference.keys().collect::<Vec<_>>(),
        "the same files"
    );
    for (path, bytes) in &reference {
        assert!(&built[path] == bytes, "{} differs", path.display());
    }
}

#[test]
fn the_example_content_builds_the_same_both_ways() {
    assert_same_site(Path::new(env!("CARGO_MANIFEST_DIR")));
}

#[test]
fn a_generated_catalogue_builds_the_same_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("catalogue");
    common::steckbrief_ok(&[
        "generate",
        "--actors",
        "60",
        "--languages",
        "6",
        "--out",
        root.to_str().unwrap(),
        "--template-root",
        env!("CARGO_MANIFEST_DIR"),
    ]);
    assert_same_site(&root);
}

/// A content root may put a part of the page chrome where whitespace counts (here the footer in
/// a `<pre>`), where the part minified once on its own differs from the part minified inside the
/// page: the build notices and gives the bytes of the page minified whole.
#[test]
fn chrome_where_whitespace_counts_builds_the_same_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("catalogue");
    common::steckbrief_ok(&[
        "generate",
        "--actors",
        "12",
        "--languages",
        "2",
        "--out",
        root.to_str().unwrap(),
        "--template-root",
        env!("CARGO_MANIFEST_DIR"),
    ]);
    let base = root.join("templates/base.html");
    let text = std::fs::read_to_string(&base).unwrap();
    let footer = "{{ chrome.footer | safe }}";
    assert!(text.contains(footer), "base.html prints the footer part");
    std::fs::write(&base, text.replace(footer, &format!("<pre>{footer}</pre>"))).unwrap();
    assert_same_site(&root);
}
