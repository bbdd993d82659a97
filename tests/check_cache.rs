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
    assert_eq!((work.files_parsed, work.actors_checked), (0, 0));
    assert!(work.walked && !work.walk_changed);

    // An edit: one file parsed, one actor checked.
    let profile = root.join("actors/vhs-merzig/profile.yaml");
    let original = std::fs::read_to_string(&profile).unwrap();
    edit(&profile, "summary: ", "summary: Geändert. ");
    let (_, work) = check_both(root, &mut cache);
    assert_eq!((work.files_parsed, work.actors_checked), (1, 1));

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
            .any(|d| d.file == "actors/jobcenter-merzig/profile.yaml"
                && d.message.starts_with("missing translation into `en`"))
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

#[test]
fn a_check_trusting_the_watcher_equals_a_cold_check() {
    let dir = example_root();
    let root = dir.path();
    let mut cache = CheckCache::default();
    let (first, _) = check_both(root, &mut cache);

    // An edit in place, reported: only that file (and config.yaml, numbers.yaml) is compared.
    let profile = root.join("actors/vhs-merzig/profile.yaml");
    let original = std::fs::read_to_string(&profile).unwrap();
    edit(&profile, "summary: ", "summary: Geändert. ");
    cache.assume_only_changed([profile.clone()]);
    let (_, work) = check_both(root, &mut cache);
    assert!(!work.walked && work.assumed, "{work:?}");
    assert_eq!((work.files_verified, work.files_parsed), (3, 1));

    // Saved beside and renamed over: the temporary file is gone, the walk still holds.
    let temporary = root.join("actors/vhs-merzig/profile.yaml.part");
    std::fs::write(&temporary, "x").unwrap();
    std::fs::rename(&temporary, &profile).unwrap();
    cache.assume_only_changed([temporary, profile.clone()]);
    let (broken, work) = check_both(root, &mut cache);
    assert!(!work.walked, "{work:?}");
    assert!(!errors(&broken).is_empty());

    // Templates, config.yaml: outside actors/, the walk holds; config.yaml is always compared.
    let config = root.join("config.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, text.replace("id: language", "id: sprache")).unwrap();
    cache.assume_only_changed([config.clone(), root.join("templates/page.html")]);
    let (changed, work) = check_both(root, &mut cache);
    assert!(!work.walked, "{work:?}");
    assert!(errors(&changed).len() > 1);
    std::fs::write(&config, &text).unwrap();
    std::fs::write(&profile, &original).unwrap();
    cache.assume_only_changed([config, profile.clone()]);
    let (fixed, _) = check_both(root, &mut cache);
    assert_eq!(fixed, first);

    // A new folder, a moved-out folder, a deleted file: the walk is done again.
    let added = root.join("actors/vhs-zwei");
    common::copy_dir(&root.join("actors/vhs-merzig"), &added);
    cache.assume_only_changed([added.clone(), added.join("profile.yaml")]);
    let (_, work) = check_both(root, &mut cache);
    assert!(
        work.walked && work.walk_changed && !work.assumed,
        "{work:?}"
    );
    let outside = tempfile::tempdir().unwrap();
    std::fs::rename(&added, outside.path().join("vhs-zwei")).unwrap();
    cache.assume_only_changed([added]);
    let (_, work) = check_both(root, &mut cache);
    assert!(work.walked && work.walk_changed, "{work:?}");
    let translation = root.join("actors/vhs-merzig/en.yaml");
    std::fs::remove_file(&translation).unwrap();
    cache.assume_only_changed([translation]);
    let (fewer, work) = check_both(root, &mut cache);
    assert!(work.walked, "{work:?}");
    assert!(
        fewer.len() > first.len(),
        "a missing translation is reported"
    );

    // Told and taken back: every file is compared.
    cache.assume_only_changed([]);
    cache.assume_anything_changed();
    let (_, work) = check_both(root, &mut cache);
    assert!(work.walked && !work.assumed, "{work:?}");

    // What the watcher did not report is taken as it was, until a check without the assumption.
    std::fs::write(&profile, "name: [unclosed\n").unwrap();
    cache.assume_only_changed([]);
    let trusted = steckbrief::check_with_cache(root, today(), &mut cache).unwrap();
    assert!(!trusted.diagnostics.has_errors());
    let (verified, work) = check_both(root, &mut cache);
    assert!(work.walked && !work.walk_changed, "{work:?}");
    assert_eq!(work.files_parsed, 1);
    assert!(!errors(&verified).is_empty());
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_in_actors_means_every_file_is_compared() {
    let dir = example_root();
    let root = dir.path();
    let linked = root.join("shared");
    std::fs::rename(root.join("actors/vhs-merzig"), &linked).unwrap();
    std::os::unix::fs::symlink(&linked, root.join("actors/vhs-merzig")).unwrap();
    let mut cache = CheckCache::default();
    check_both(root, &mut cache);
    // Edited through the link's target; the watcher may name either path.
    edit(&linked.join("profile.yaml"), "phone: ", "phone: kaputt ");
    cache.assume_only_changed([linked.join("profile.yaml")]);
    let (broken, work) = check_both(root, &mut cache);
    assert!(work.walked, "{work:?}");
    assert!(!errors(&broken).is_empty());
}
