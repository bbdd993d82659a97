//! A check that reuses a [`CheckCache`] (as `serve` does after every save) reports exactly what
//! a cold check of the same files reports, and builds the same catalogue, through edits, broken
//! saves, fixes, new and deleted actors and configuration changes; and it parses only what
//! changed.

mod common;

use std::path::Path;

use jiff::civil::Date;
use steckbrief::cache::{CheckCache, Work};
use steckbrief::diagnostics::{Diagnostic, Severity};

fn today() -> Date {
    Date::new(2026, 11, 28).unwrap()
}

/// A copy of the example content.
fn example_root() -> tempfile::TempDir {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    common::copy_dir(&repo.join("actors"), &root.join("actors"));
    common::copy_dir(&repo.join("content"), &root.join("content"));
    common::copy_dir(&repo.join("theme"), &root.join("theme"));
    std::fs::copy(repo.join("config.yaml"), root.join("config.yaml")).unwrap();
    dir
}

/// Checks `root` with `cache` and cold; asserts that both give the same diagnostics and the same
/// catalogue, and returns the diagnostics and what the cached check did.
fn check_both(root: &Path, cache: &mut CheckCache) -> (Vec<Diagnostic>, Work) {
    let cached = steckbrief::check_with_cache(root, today(), cache).unwrap();
    let work = cache.last_work();
    let cold = steckbrief::check(root, today()).unwrap();
    assert_eq!(cached.actor_count, cold.actor_count);
    assert_eq!(
        format!("{:?}", cached.catalog),
        format!("{:?}", cold.catalog),
        "the catalogues differ"
    );
    let cached = cached.diagnostics.sorted();
    let cold = cold.diagnostics.sorted();
    assert_eq!(cached, cold, "the diagnostics differ");
    (cached, work)
}

fn errors(diagnostics: &[Diagnostic]) -> Vec<&Diagnostic> {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_cached_check_equals_a_cold_check() {
    let dir = example_root();
    let root = dir.path();
    let mut cache = CheckCache::default();
    let (first, work) = check_both(root, &mut cache);
    assert!(errors(&first).is_empty(), "{first:?}");
    let files = work.files_parsed;
    assert!(files > 100, "a new cache parses every file: {work:?}");

    // Nothing changed: nothing is parsed again, no actor checked again.
    let (same, work) = check_both(root, &mut cache);
    assert_eq!(same, first);
    assert_eq!(
        work,
        Work {
            files_parsed: 0,
            actors_checked: 0
        }
    );

    // An edit: one file parsed, one actor checked.
    let profile = root.join("actors/vhs-merzig/profile.yaml");
    let original = std::fs::read_to_string(&profile).unwrap();
    edit(&profile, "summary: ", "summary: Geändert. ");
    let (_, work) = check_both(root, &mut cache);
    assert_eq!(
        work,
        Work {
            files_parsed: 1,
            actors_checked: 1
        }
    );

    // A broken save: the error is reported with file, line and column, the catalogue is gone.
    edit(&profile, "name: ", "adress: x\nname: ");
    let (broken, work) = check_both(root, &mut cache);
    assert_eq!(work.files_parsed, 1);
    let found = errors(&broken);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].file, "actors/vhs-merzig/profile.yaml");
    assert_eq!(found[0].message, "unknown field `adress`");
    let line = original
        .lines()
        .position(|l| l.starts_with("name: "))
        .unwrap()
        + 1;
    assert_eq!((found[0].line, found[0].column), (Some(line), Some(1)));

    // Broken YAML, then an error only the rules find (a phone number), in a translation too.
    std::fs::write(&profile, "name: [unclosed\n").unwrap();
    let (broken, _) = check_both(root, &mut cache);
    assert!(errors(&broken)[0].message.contains("not valid YAML"));
    std::fs::write(&profile, &original).unwrap();
    edit(&profile, "phone: ", "phone: kaputt ");
    let (broken, work) = check_both(root, &mut cache);
    assert_eq!(work.actors_checked, 1);
    assert!(!errors(&broken).is_empty());
    let translation = root.join("actors/vhs-merzig/en.yaml");
    edit(&translation, "summary: ", "summry: ");
    let (broken, _) = check_both(root, &mut cache);
    assert!(
        errors(&broken)
            .iter()
            .any(|d| d.file == "actors/vhs-merzig/en.yaml" && d.line.is_some())
    );

    // The fix brings back exactly the first result.
    std::fs::write(&profile, &original).unwrap();
    edit(&translation, "summry: ", "summary: ");
    let (fixed, work) = check_both(root, &mut cache);
    assert_eq!(fixed, first);
    assert_eq!(work.files_parsed, 2);

    // A new actor, a copy of an existing one: same slug rules, one more folder.
    common::copy_dir(
        &root.join("actors/vhs-merzig"),
        &root.join("actors/vhs-zwei"),
    );
    let (added, work) = check_both(root, &mut cache);
    assert!(errors(&added).is_empty(), "{added:?}");
    let copied = std::fs::read_dir(root.join("actors/vhs-zwei"))
        .unwrap()
        .count();
    assert_eq!(work.files_parsed, copied);

    // A second folder of the same name in a group: a cross-file error, then removed again.
    common::copy_dir(
        &root.join("actors/vhs-merzig"),
        &root.join("actors/gruppe/vhs-zwei"),
    );
    let (clash, _) = check_both(root, &mut cache);
    assert!(errors(&clash).iter().any(
        |d| d.message == "the folder name `vhs-zwei` is already used by actors/gruppe/vhs-zwei"
    ));
    std::fs::remove_dir_all(root.join("actors/gruppe")).unwrap();
    std::fs::remove_dir_all(root.join("actors/vhs-zwei")).unwrap();
    let (deleted, work) = check_both(root, &mut cache);
    assert_eq!(deleted, first);
    assert_eq!(work.files_parsed, 0);

    // Deleting an existing actor and a translation.
    std::fs::remove_dir_all(root.join("actors/vhs-merzig")).unwrap();
    std::fs::remove_file(root.join("actors/jobcenter-merzig/en.yaml")).unwrap();
    let (fewer, _) = check_both(root, &mut cache);
    assert!(
        fewer
            .iter()
            .any(|d| d.file == "actors/jobcenter-merzig/en.yaml"
                && d.message.starts_with("missing translation"))
    );

    // A configuration change reaches every actor: a topic they use is removed.
    let config = root.join("config.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text.replace("id: language", "id: sprache")).unwrap();
    let (changed, work) = check_both(root, &mut cache);
    assert!(
        errors(&changed)
            .iter()
            .any(|d| d.message == "there is no topic `language` in config.yaml"),
        "{changed:?}"
    );
    assert_eq!(work.files_parsed, 1);
    assert!(work.actors_checked > 20, "{work:?}");
}

#[test]
fn a_rewrite_that_keeps_size_and_modification_time_is_seen() {
    let dir = example_root();
    let root = dir.path();
    let mut cache = CheckCache::default();
    let profile = root.join("actors/vhs-merzig/profile.yaml");
    let text = std::fs::read_to_string(&profile).unwrap();
    check_both(root, &mut cache);
    let modified = std::fs::metadata(&profile).unwrap().modified().unwrap();
    // The same length, another name, and the old modification time set back.
    let renamed = text.replacen("name: V", "name: X", 1);
    assert_ne!(renamed, text);
    std::fs::write(&profile, &renamed).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&profile)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let checked = steckbrief::check_with_cache(root, today(), &mut cache).unwrap();
    let catalog = checked.catalog.expect("valid content");
    let actor = catalog
        .actors
        .iter()
        .find(|a| a.slug == "vhs-merzig")
        .unwrap();
    assert!(actor.name.starts_with('X'), "{}", actor.name);
}

#[test]
fn a_cache_follows_a_different_root() {
    let (one, two) = (example_root(), example_root());
    edit(
        &two.path().join("actors/vhs-merzig/profile.yaml"),
        "phone: ",
        "phone: kaputt ",
    );
    let mut cache = CheckCache::default();
    let (first, _) = check_both(one.path(), &mut cache);
    let (second, work) = check_both(two.path(), &mut cache);
    assert!(errors(&first).is_empty());
    assert!(!errors(&second).is_empty());
    assert!(work.files_parsed > 100, "{work:?}");
}
