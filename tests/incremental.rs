//! The rebuild `serve` does after a profile changed (only that actor's pages plus the shared
//! pages, the rest kept) gives exactly the files of a full build.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use steckbrief::build;

#[test]
fn a_scoped_rebuild_equals_a_full_build() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    common::copy_dir(&repo.join("actors"), &root.join("actors"));
    common::copy_dir(&repo.join("content"), &root.join("content"));
    std::fs::copy(repo.join("config.yaml"), root.join("config.yaml")).unwrap();
    common::copy_dir(&repo.join("theme"), &root.join("theme"));
    let today = jiff::civil::Date::new(2026, 11, 28).unwrap();
    let render = |scope: Option<&BTreeSet<String>>| {
        let catalog = steckbrief::check(root, today)
            .unwrap()
            .catalog
            .expect("valid content");
        let options = build::site_options(&[], today, scope);
        (build::website(&catalog, options).unwrap(), catalog)
    };
    let (before, old_catalog) = render(None);

    // An editor renames an actor and rewrites its summary: its page, the listings, the home
    // page's search index and the open data change.
    let profile = root.join("actors/vhs-merzig/profile.yaml");
    let text = std::fs::read_to_string(&profile).unwrap();
    let edited =
        text.replacen("name: ", "name: Neu – ", 1)
            .replacen("summary: ", "summary: Geändert. ", 1);
    std::fs::write(&profile, edited).unwrap();

    let scope = BTreeSet::from(["vhs-merzig".to_owned()]);
    let (scoped, catalog) = render(Some(&scope));
    assert!(
        scoped.len() < before.len() / 2,
        "the scoped render skips most actor pages"
    );
    // What serve does after the save: only the changed actor and the shared pages, the other
    // pages taken over from the build before.
    let (merged, _, _) = build::website_after_save(
        &catalog,
        Some((&old_catalog, &before)),
        build::changed_actors(root, std::slice::from_ref(&profile)).as_ref(),
        build::site_options(&[], today, None),
    )
    .unwrap();
    assert_eq!(
        build::changed_actors(root, std::slice::from_ref(&profile)),
        Some(scope)
    );
    let (full, _) = render(None);
    assert_eq!(
        merged.keys().collect::<Vec<_>>(),
        full.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &full {
        assert!(&merged[path] == bytes, "{path} differs");
    }
    assert!(full != before, "the edit changed the site");
}
