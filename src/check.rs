//! The check of a content root: every file loaded ([`crate::load`]) and validated
//! ([`crate::validate`]), reusing from a [`CheckCache`] what did not change since the check that
//! filled it. `load` and `validate` know nothing of the cache; this module wraps them with it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::cache::{ActorCache, ActorEntry, CheckCache, Entry, FileCaches};
use crate::catalog::Catalog;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::load::{
    ACTORS_DIR, ActorFolder, CONFIG_FILE, Content, FatalError, Loaded, NUMBERS_FILE, PROFILE_FILE,
    content_root_problem, load_pages, translation_name_problem,
};
use crate::messages;
use crate::model::{Profile, Translation};
use crate::schema::{DocumentKind, Schemas};
use crate::validate::{self, CheckedActor, Rules};

/// The result of checking a content root: the catalogue if there were no errors, and every
/// diagnostic either way.
#[derive(Debug)]
pub struct Checked {
    pub catalog: Option<Catalog>,
    pub diagnostics: Diagnostics,
    /// Number of actor folders found.
    pub actor_count: usize,
}

/// Loads and validates the content under `root` as of `today`.
pub fn check(root: &Path, today: Date) -> Result<Checked, FatalError> {
    check_with_cache(root, today, &mut CheckCache::single_use())
}

/// Like [`check`], but reuses from `cache` the results for files and actor folders unchanged
/// since the check that filled it, and keeps this check's results there for the next one. The
/// result is the same as [`check`]'s; only the time differs.
pub fn check_with_cache(
    root: &Path,
    today: Date,
    cache: &mut CheckCache,
) -> Result<Checked, FatalError> {
    cache.start(root);
    let mut diagnostics = Diagnostics::default();
    let config = load_config(root, &cache.schemas, &mut cache.files, &mut diagnostics)?;
    let rules = match &config {
        Some(config) => Some(validate::rules(&config.value, today)),
        // config.yaml has errors that leave no configuration: the actors are checked against
        // what can still be read from it.
        None => std::fs::read_to_string(root.join(CONFIG_FILE))
            .ok()
            .and_then(|text| crate::yaml::parse(&text).ok().flatten())
            .and_then(|tree| validate::rules_from_tree(&tree, today)),
    };
    if let Some(rules) = &rules {
        cache.actors.use_rules(rules);
    }
    let actors = &cache.actors;
    let names = TranslationNames {
        languages: rules.as_ref().map(|r| r.languages.clone()),
        source_language: rules.as_ref().map(|r| r.source_language.clone()),
        spoken_languages: rules
            .as_ref()
            .map(|r| r.spoken_languages.clone())
            .unwrap_or_default(),
    };
    let content = load_content(
        root,
        config,
        &names,
        &cache.schemas,
        &mut cache.files,
        &mut diagnostics,
        &|folder| check_folder(folder, rules.as_ref(), actors),
    )?;
    let actor_count = content.folders_found;
    let content = keep_checked(content, rules.is_some(), &mut cache.actors);
    let catalog = validate::validate(content, rules, &mut diagnostics);
    Ok(Checked {
        catalog,
        diagnostics,
        actor_count,
    })
}

/// Reads config.yaml under `root`, reporting problems into `diagnostics`; fails if `root` is no
/// content folder. Files unchanged since the check that filled `cache` are not read again (see
/// [`crate::cache`]).
fn load_config(
    root: &Path,
    schemas: &Schemas,
    cache: &mut FileCaches,
    diagnostics: &mut Diagnostics,
) -> Result<Option<Arc<Loaded<Config>>>, FatalError> {
    if let Some(problem) = content_root_problem(root) {
        return Err(problem);
    }
    let config_path = root.join(CONFIG_FILE);
    Ok(cache.check_single(
        |c| &mut c.config,
        root,
        &config_path,
        DocumentKind::Config,
        schemas,
        diagnostics,
    ))
}

/// Reads every actor folder under `root` and hands each to `check_folder` as soon as it is read
/// (in parallel; the diagnostics come in the same order either way), then the pages and numbers;
/// `config` is what [`load_config`] returned.
fn load_content<T: Send>(
    root: &Path,
    config: Option<Arc<Loaded<Config>>>,
    names: &TranslationNames,
    schemas: &Schemas,
    cache: &mut FileCaches,
    diagnostics: &mut Diagnostics,
    check_folder: &(dyn Fn(ActorFolder) -> T + Sync),
) -> Result<Content<T>, FatalError> {
    let actors_dir = root.join(ACTORS_DIR);
    let (walk, assumed) = cache.walk(root, &actors_dir);
    diagnostics.extend(walk.diagnostics.iter().cloned());
    let folders_found = walk.folders.len();
    // Each folder is checked as soon as it is read, so that only the checked actors stay in
    // memory, not every file's text and tree.
    let results: Vec<FolderResult<T>> = {
        let cache = &*cache;
        let trusted = |path: &Path| assumed.as_ref().is_some_and(|a| !a.contains(path));
        walk.folders
            .par_iter()
            .map(|(dir, files)| {
                let loaded = load_folder(root, dir, files, names, schemas, cache, &trusted);
                // A single-use cache keeps no file, so nothing holds on to the files' trees.
                let keep = !cache.single_use;
                FolderResult {
                    actor: loaded.actor.map(check_folder),
                    diagnostics: loaded.diagnostics,
                    profile: loaded.profile.filter(|_| keep),
                    translations: if keep {
                        loaded.translations
                    } else {
                        Vec::new()
                    },
                    parsed: loaded.parsed,
                    verified: loaded.verified,
                }
            })
            .collect()
    };
    // Sized once: at ten thousand actors each doubling would copy megabytes of checked actors.
    let mut actors = Vec::with_capacity(results.len());
    let mut profiles = Vec::with_capacity(results.len());
    let mut translations = Vec::new();
    for result in results {
        diagnostics.extend(result.diagnostics);
        actors.extend(result.actor);
        profiles.extend(result.profile);
        translations.extend(result.translations);
        cache.parsed += result.parsed;
        cache.verified += result.verified;
    }
    if !cache.single_use {
        cache.profiles.keep(profiles);
        cache.translations.keep(translations);
    }

    let pages = load_pages(root, diagnostics);
    let numbers_path = root.join(NUMBERS_FILE);
    let numbers = if numbers_path.is_file() {
        cache.check_single(
            |c| &mut c.numbers,
            root,
            &numbers_path,
            DocumentKind::Numbers,
            schemas,
            diagnostics,
        )
    } else {
        cache.numbers.keep([]);
        None
    };
    Ok(Content {
        root: root.to_path_buf(),
        config,
        actors,
        folders_found,
        pages,
        numbers,
    })
}

/// What translation files may be named, from the rules (`None` if config.yaml says nothing).
struct TranslationNames {
    languages: Option<Vec<String>>,
    source_language: Option<String>,
    /// Further languages spoken in counselling, not published.
    spoken_languages: Vec<String>,
}

/// One actor folder read: the folder (or what was made of it) if its profile loaded, the
/// diagnostics of its files in order, and the outcomes to keep.
struct FolderResult<A> {
    actor: Option<A>,
    diagnostics: Vec<Diagnostic>,
    profile: Option<(PathBuf, Entry<Profile>)>,
    translations: Vec<(PathBuf, Entry<Translation>)>,
    /// Files parsed afresh.
    parsed: usize,
    /// Files whose metadata was compared (or that were read).
    verified: usize,
}

/// Reads the profile and the translations of one actor folder.
/// `trusted` tells the files a watcher saw no change in since the last check.
fn load_folder(
    root: &Path,
    dir: &Path,
    files: &[PathBuf],
    names: &TranslationNames,
    schemas: &Schemas,
    cache: &FileCaches,
    trusted: &(impl Fn(&Path) -> bool + Sync),
) -> FolderResult<ActorFolder> {
    let mut result = FolderResult {
        actor: None,
        diagnostics: Vec::new(),
        profile: None,
        translations: Vec::new(),
        parsed: 0,
        verified: 0,
    };
    let relative_dir = dir.strip_prefix(root).unwrap_or(dir).to_path_buf();
    let profile_path = dir.join(PROFILE_FILE);
    if !files.contains(&profile_path) {
        for file in files {
            result.diagnostics.push(
                Diagnostic::for_file(
                    Severity::Error,
                    file.strip_prefix(root).unwrap_or(file),
                    messages::no_profile_beside(PROFILE_FILE),
                )
                .with_hint(messages::no_profile_beside_hint(PROFILE_FILE)),
            );
        }
        return result;
    }
    let profile = cache.profiles.check(
        root,
        &profile_path,
        DocumentKind::Profile,
        schemas,
        trusted(&profile_path),
    );
    result.diagnostics.extend(profile.diagnostics);
    result.profile = profile.entry;
    result.parsed += usize::from(profile.parsed);
    result.verified += usize::from(profile.verified);
    let mut translations = BTreeMap::new();
    for path in files.iter().filter(|p| **p != profile_path) {
        let language = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let relative = path.strip_prefix(root).unwrap_or(path);
        if let Some(problem) = translation_name_problem(
            &language,
            names.languages.as_deref(),
            names.source_language.as_deref(),
            &names.spoken_languages,
        ) {
            result.diagnostics.push(problem.into_diagnostic(relative));
            continue;
        }
        let translation = cache.translations.check(
            root,
            path,
            DocumentKind::Translation,
            schemas,
            trusted(path),
        );
        result.diagnostics.extend(translation.diagnostics);
        result.translations.extend(translation.entry);
        result.parsed += usize::from(translation.parsed);
        result.verified += usize::from(translation.verified);
        if let Some(translation) = translation.loaded {
            translations.insert(language, translation);
        }
    }
    if let Some(profile) = profile.loaded {
        let slug = dir
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        result.actor = Some(ActorFolder {
            slug,
            dir: dir.to_path_buf(),
            relative_dir,
            profile,
            translations,
        });
    }
    result
}

/// One actor folder after its own rules, with what to keep of it for the next check.
pub struct CheckedFolder {
    checked: CheckedActor,
    dir: PathBuf,
    /// What to keep for the next check, if the folder was checked afresh.
    fresh: Option<Option<ActorEntry>>,
}

/// Checks one actor folder under `rules` (`None` if config.yaml had errors), reusing the result
/// kept in `cache` for the same files and rules. The folder's files are dropped afterwards
/// unless `cache` keeps them.
fn check_folder(folder: ActorFolder, rules: Option<&Rules>, cache: &ActorCache) -> CheckedFolder {
    let (result, fresh) = match rules {
        None => (None, None),
        Some(rules) => match cache.get(&folder) {
            Some(kept) => (Some(kept), None),
            None => {
                let (actor, diagnostics) = validate::check_actor(&folder, rules);
                let actor = actor.map(Arc::new);
                let entry = cache.entry(&folder, &actor, &diagnostics);
                (Some((actor, diagnostics)), Some(entry))
            }
        },
    };
    CheckedFolder {
        checked: CheckedActor {
            slug: folder.slug,
            relative_dir: folder.relative_dir,
            result,
        },
        dir: folder.dir,
        fresh,
    }
}

/// Keeps in `cache` the results of this check's actor folders (if the rules loaded, `checked`)
/// and hands the folders on to [`validate::validate`].
fn keep_checked(
    content: Content<CheckedFolder>,
    checked: bool,
    cache: &mut ActorCache,
) -> Content<CheckedActor> {
    let mut kept = Vec::new();
    let content = content.map_actors(|folder| {
        let entry = match folder.fresh {
            Some(entry) => {
                cache.checked += 1;
                entry
            }
            None => cache.take(&folder.dir),
        };
        kept.extend(entry.map(|entry| (folder.dir, entry)));
        folder.checked
    });
    if checked {
        cache.keep(kept);
    }
    content
}
