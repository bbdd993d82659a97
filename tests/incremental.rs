//! What `serve` shows after a save — only the pages the edited actors appear on rendered again,
//! every other file kept as it was, the sitemap, report and open data rendered on request —
//! is exactly what a full build of the same content makes, file for file and byte for byte, for
//! every kind of edit; edits it cannot bound render the whole site.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use steckbrief::build;
use steckbrief::catalog::Catalog;
use steckbrief::render::Files;
use steckbrief::site::REPORT_PATH;
use steckbrief::site::preview::Preview;

fn today() -> jiff::civil::Date {
    jiff::civil::Date::new(2026, 11, 28).unwrap()
}

fn catalog(root: &Path) -> Catalog {
    steckbrief::check(root, today())
        .unwrap()
        .catalog
        .expect("valid content")
}

/// A full build of the content at `root` into memory: the site and the open data.
fn full_build(root: &Path) -> Files {
    let catalog = catalog(root);
    let languages = catalog.config.brochure.languages.clone();
    build::website(&catalog, build::site_options(&languages, today())).unwrap()
}

/// The content folder serve watches, and the site it shows.
struct Serve {
    root: PathBuf,
    site: Preview,
}

impl Serve {
    /// Applies a save that changed `paths` as serve does; returns how many pages were rendered
    /// again, `None` for the whole site.
    fn saved(&mut self, paths: &[PathBuf]) -> Option<usize> {
        let catalog = catalog(&self.root);
        let languages = catalog.config.brochure.languages.clone();
        let options = build::site_options(&languages, today());
        let scope = build::changed_actors(&self.root, paths);
        let update = self
            .site
            .after_save(&catalog, scope.as_ref(), &options)
            .unwrap();
        let pages = update.pages();
        self.site.apply(update);
        pages
    }

    /// Every file a browser can get: those held, and those rendered on request.
    fn every_file(&self) -> Files {
        let catalog = catalog(&self.root);
        let languages = catalog.config.brochure.languages.clone();
        let options = build::site_options(&languages, today());
        let mut files: Files = (self.site.files().iter())
            .map(|(path, bytes)| (path.clone(), bytes.to_vec()))
            .collect();
        for path in ["sitemap.xml", REPORT_PATH, "data/catalog.json"] {
            assert!(!files.contains_key(path), "{path} waits for a request");
            let renderer = build::on_request(&self.site, path).expect("rendered on request");
            files.extend(renderer.render(&catalog, path, &options).unwrap());
        }
        files
    }

    /// Asserts that the site equals a full build of the content as it is now.
    fn assert_equals_full_build(&self, edit: &str) {
        let served = self.every_file();
        let full = full_build(&self.root);
        let missing: Vec<_> = full.keys().filter(|p| !served.contains_key(*p)).collect();
        let extra: Vec<_> = served.keys().filter(|p| !full.contains_key(*p)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "after {edit}: missing {missing:?}, left over {extra:?}"
        );
        for (path, bytes) in &full {
            assert!(&served[path] == bytes, "after {edit}: {path} differs");
        }
    }

    /// Replaces `old` by `new` in the file at `path` (relative to the root); returns its path.
    fn edit(&self, path: &str, old: &str, new: &str) -> PathBuf {
        let path = self.root.join(path);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(old), "{old:?} in {}", path.display());
        std::fs::write(&path, text.replacen(old, new, 1)).unwrap();
        path
    }
}

#[test]
fn every_kind_of_save_gives_the_files_of_a_full_build() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    for folder in ["actors", "content", "i18n", "theme"] {
        common::copy_dir(&repo.join(folder), &root.join(folder));
    }
    std::fs::copy(repo.join("config.yaml"), root.join("config.yaml")).unwrap();
    let mut serve = Serve {
        root: root.clone(),
        site: Preview::default(),
    };
    assert_eq!(serve.saved(&[]), None, "the first build renders everything");
    serve.assert_equals_full_build("the first build");
    let pages = serve.site.files().len();

    // A new summary: the actor's pages, and where its card shows (listings, A–Z) and the
    // search indexes that hold it (every language's, which keeps the German text too).
    let unrelated = "de/jobcenter-merzig/index.html";
    let kept = serve.site.get(unrelated).unwrap();
    let profile = "actors/vhs-merzig/profile.yaml";
    let saved = serve.edit(profile, "summary: ", "summary: Neu im Programm. ");
    let redone = serve.saved(&[saved]).expect("rendered in part");
    assert!(
        redone < pages / 4,
        "{redone} of {pages} pages rendered again"
    );
    serve.assert_equals_full_build("a new summary");
    assert!(
        Arc::ptr_eq(&kept, &serve.site.get(unrelated).unwrap()),
        "an unchanged page is kept, not copied"
    );

    // A translation: only the English pages and what holds English text.
    let saved = serve.edit(
        "actors/vhs-merzig/en.yaml",
        "summary: ",
        "summary: New this term. ",
    );
    assert!(serve.saved(&[saved]).is_some());
    serve.assert_equals_full_build("an edited translation");

    // A logo added, then changed: its file under a new name, the old one gone.
    let logo = root.join("actors/vhs-merzig/logo.svg");
    std::fs::copy(repo.join("theme/logo.svg"), &logo).unwrap();
    let saved = serve.edit(profile, "kind: school", "kind: school\nlogo: logo.svg");
    assert!(serve.saved(&[saved, logo.clone()]).is_some());
    serve.assert_equals_full_build("a logo added");
    let svg = std::fs::read_to_string(&logo).unwrap();
    std::fs::write(&logo, svg.replacen("<svg", "<svg data-edited=\"1\"", 1)).unwrap();
    assert!(serve.saved(std::slice::from_ref(&logo)).is_some());
    serve.assert_equals_full_build("a logo changed");

    // A topic added, then two removed: listings gain and lose the actor, home pages count it.
    let saved = serve.edit(
        profile,
        "topics: [language, work]",
        "topics: [language, work, health]",
    );
    assert!(serve.saved(&[saved]).is_some());
    serve.assert_equals_full_build("a topic added");
    let saved = serve.edit(
        profile,
        "topics: [language, work, health]",
        "topics: [language]",
    );
    assert!(serve.saved(&[saved]).is_some());
    serve.assert_equals_full_build("topics removed");

    // A new name that files the actor under another letter: A–Z, the order of its listings and
    // of the search indexes change.
    let saved = serve.edit(
        profile,
        "name: Volkshochschule Merzig-Wadern",
        "name: Abendschule Merzig-Wadern",
    );
    assert!(serve.saved(&[saved]).is_some());
    serve.assert_equals_full_build("a name that moves in A–Z");

    // One save of the three actors on health, which leaves that listing empty: its page is gone.
    let mut saved = Vec::new();
    for actor in ["drk-merzig", "gesundheitsamt", "psychosoziale-beratung"] {
        let path = format!("actors/{actor}/profile.yaml");
        let text = std::fs::read_to_string(root.join(&path)).unwrap();
        let topics = text.lines().find(|l| l.starts_with("topics:")).unwrap();
        saved.push(serve.edit(&path, topics, "topics: [counselling]"));
    }
    assert!(serve.saved(&saved).is_some());
    serve.assert_equals_full_build("a listing left empty");

    // Interface strings change every page: the whole site.
    let saved = serve.edit("i18n/en.yaml", "home: ", "home: Start – ");
    assert_eq!(serve.saved(&[saved]), None);
    serve.assert_equals_full_build("an edited translation of the interface");

    // An actor deleted: the whole site.
    let gone = root.join("actors/wohngeldstelle");
    let mut saved: Vec<PathBuf> = std::fs::read_dir(&gone)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    std::fs::remove_dir_all(&gone).unwrap();
    saved.push(gone);
    assert_eq!(serve.saved(&saved), None);
    serve.assert_equals_full_build("an actor deleted");

    // And in part again after a full render.
    let saved = serve.edit(profile, "summary: ", "summary: Wieder neu. ");
    assert!(serve.saved(&[saved]).is_some());
    serve.assert_equals_full_build("a summary after a full render");
}

#[test]
fn saves_in_a_generated_catalogue_give_the_files_of_a_full_build() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap().join("catalogue");
    common::steckbrief_ok(&[
        "generate",
        "--actors",
        "40",
        "--languages",
        "6",
        "--out",
        root.to_str().unwrap(),
        "--template-root",
        env!("CARGO_MANIFEST_DIR"),
    ]);
    let mut serve = Serve {
        root: root.clone(),
        site: Preview::default(),
    };
    assert_eq!(serve.saved(&[]), None);
    let mut slugs: Vec<String> = std::fs::read_dir(root.join("actors"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    slugs.sort();
    let (first, last) = (&slugs[0], &slugs[slugs.len() - 1]);

    // Every actor is translated: a German summary, an English one, two actors in one save, a
    // name that moves the last actor in path order to the front of A–Z.
    let saved = serve.edit(
        &format!("actors/{first}/profile.yaml"),
        "summary: ",
        "summary: Neu. ",
    );
    assert!(serve.saved(&[saved]).is_some());
    serve.assert_equals_full_build("a German summary");
    let saved = serve.edit(
        &format!("actors/{first}/en.yaml"),
        "summary: ",
        "summary: New. ",
    );
    assert!(serve.saved(&[saved]).is_some());
    serve.assert_equals_full_build("an English summary");
    let profile = format!("actors/{last}/profile.yaml");
    let text = std::fs::read_to_string(root.join(&profile)).unwrap();
    let name = text.lines().find(|l| l.starts_with("name: ")).unwrap();
    let renamed = serve.edit(&profile, name, "name: Aaa-Beratung");
    let summary = serve.edit(&format!("actors/{first}/profile.yaml"), "Neu. ", "");
    assert!(serve.saved(&[renamed, summary]).is_some());
    serve.assert_equals_full_build("a name moved to the front, and a second actor");
}
