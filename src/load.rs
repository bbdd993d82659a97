//! Finding and parsing the content: config.yaml and every actor folder under actors/.
//!
//! Each file goes through three steps, and the first that fails ends that file's way (with a
//! diagnostic) without stopping the others: YAML syntax ([`crate::yaml`]), structure against the
//! generated schema ([`crate::schema`], every problem at once), and the typed model, deserialised
//! from the values the schema accepted (serde_yaml reads the text again only to place a problem
//! the schema let through). What loads keeps its [`Node`] tree so that later checks can point at
//! any value. The actor folders are read in parallel; a [`crate::cache::CheckCache`] spares the
//! files unchanged since an earlier check.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::cache::{Entry, FileCaches};
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::model::numbers::ImportantNumbers;
use crate::model::{Profile, Translation};
use crate::schema::{DocumentKind, Schemas};
use crate::source::SourceFile;
use crate::yaml::{self, Node, Position};

/// Name of the configuration file at the content root.
pub const CONFIG_FILE: &str = "config.yaml";
/// Folder holding one sub-folder per actor.
pub const ACTORS_DIR: &str = "actors";
/// Name of an actor's main file.
pub const PROFILE_FILE: &str = "profile.yaml";
/// Folder of the content pages and the numbers file.
pub const CONTENT_DIR: &str = "content";
/// Folder of the Markdown pages: `content/pages/<id>/<lang>.md`.
pub const PAGES_DIR: &str = "content/pages";
/// The important phone numbers printed in the brochure.
pub const NUMBERS_FILE: &str = "content/numbers.yaml";
/// Image types accepted as logos beside a profile.
pub const IMAGE_EXTENSIONS: [&str; 5] = ["svg", "png", "jpg", "jpeg", "webp"];

/// A parsed file: its text, its tree with positions, and its typed value.
#[derive(Debug)]
pub struct Loaded<T> {
    pub file: SourceFile,
    pub tree: Node,
    pub value: T,
}

impl<T> Loaded<T> {
    /// Position of the field at `pointer` (its key where it has one), or the file's start.
    pub fn position(&self, pointer: &str) -> Position {
        self.tree
            .key_position(pointer)
            .unwrap_or(self.tree.position)
    }

    /// Position of the value at `pointer`, or the file's start.
    pub fn value_position(&self, pointer: &str) -> Position {
        self.tree
            .at(pointer)
            .map_or(self.tree.position, |node| node.position)
    }

    /// A diagnostic pointing at the field at `pointer`.
    pub fn diagnostic(&self, severity: Severity, pointer: &str, message: String) -> Diagnostic {
        Diagnostic::for_file(severity, &self.file.relative, message)
            .at(self.position(pointer), &self.file.text)
    }
}

/// One actor folder as found on disk.
#[derive(Debug)]
pub struct ActorFolder {
    /// The folder name, which becomes the actor's URL slug.
    pub slug: String,
    /// The folder, on disk.
    pub dir: PathBuf,
    /// The folder, relative to the content root.
    pub relative_dir: PathBuf,
    pub profile: Arc<Loaded<Profile>>,
    /// Translations by language code, as named by their file.
    pub translations: BTreeMap<String, Arc<Loaded<Translation>>>,
}

/// Everything read from a content root.
#[derive(Debug)]
pub struct Content<T> {
    pub root: PathBuf,
    /// `None` if config.yaml had errors (already reported).
    pub config: Option<Arc<Loaded<Config>>>,
    /// What the check made of each actor folder whose profile loaded.
    pub actors: Vec<T>,
    /// All actor folders found, including those whose profile failed to load.
    pub folders_found: usize,
    /// Markdown pages (imprint, privacy, foreword, …), one file per page and language.
    pub pages: Vec<PageFile>,
    /// `content/numbers.yaml`, if present and valid.
    pub numbers: Option<Arc<Loaded<ImportantNumbers>>>,
}

/// One language version of a content page, as read from disk.
#[derive(Debug)]
pub struct PageFile {
    /// The page id (its folder name), which becomes its URL.
    pub id: String,
    /// The language code (the file name).
    pub language: String,
    pub file: SourceFile,
}

/// A problem that prevents checking at all (exit code 2).
#[derive(Debug)]
pub struct FatalError(pub String);

impl std::fmt::Display for FatalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Reads config.yaml under `root`, reporting problems into `diagnostics`; fails if `root` is no
/// content folder. Files unchanged since the check that filled `cache` are not read again (see
/// [`crate::cache`]).
pub fn load_config(
    root: &Path,
    schemas: &Schemas,
    cache: &mut FileCaches,
    diagnostics: &mut Diagnostics,
) -> Result<Option<Arc<Loaded<Config>>>, FatalError> {
    let config_path = root.join(CONFIG_FILE);
    if !config_path.is_file() {
        return Err(FatalError(format!(
            "no {CONFIG_FILE} in {}: is this the content folder? (use --root DIR)",
            root.display()
        )));
    }
    if !root.join(ACTORS_DIR).is_dir() {
        return Err(FatalError(format!(
            "no {ACTORS_DIR}/ folder in {}",
            root.display()
        )));
    }
    let (config, parsed) = cache.config.check_alone(
        root,
        &config_path,
        DocumentKind::Config,
        schemas,
        diagnostics,
    );
    cache.parsed += usize::from(parsed);
    cache.verified += 1;
    Ok(config)
}

/// Reads every actor folder under `root` and hands each to `check_folder` as soon as it is read
/// (in parallel; the diagnostics come in the same order either way), then the pages and numbers;
/// `config` is what [`load_config`] returned.
pub fn load<T: Send>(
    root: &Path,
    config: Option<Arc<Loaded<Config>>>,
    schemas: &Schemas,
    cache: &mut FileCaches,
    diagnostics: &mut Diagnostics,
    check_folder: &(dyn Fn(ActorFolder) -> T + Sync),
) -> Result<Content<T>, FatalError> {
    let actors_dir = root.join(ACTORS_DIR);
    let names = TranslationNames {
        languages: config
            .as_ref()
            .map(|c| c.value.languages.iter().map(|l| l.code.clone()).collect()),
        source_language: config.as_ref().map(|c| c.value.source_language.clone()),
    };

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
                let loaded = load_folder(root, dir, files, &names, schemas, cache, &trusted);
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
    let mut actors = Vec::new();
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
        let (numbers, parsed) = cache.numbers.check_alone(
            root,
            &numbers_path,
            DocumentKind::Numbers,
            schemas,
            diagnostics,
        );
        cache.parsed += usize::from(parsed);
        cache.verified += 1;
        numbers
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

/// What translation files may be named, from config.yaml (`None` if it did not load).
struct TranslationNames {
    languages: Option<Vec<String>>,
    source_language: Option<String>,
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
                    format!("there is no {PROFILE_FILE} beside this file"),
                )
                .with_hint(format!(
                    "every actor folder needs a {PROFILE_FILE}; create one with `steckbrief new <slug>`"
                )),
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

/// Reads every `content/pages/<id>/<lang>.md`.
fn load_pages(root: &Path, diagnostics: &mut Diagnostics) -> Vec<PageFile> {
    let dir = root.join(PAGES_DIR);
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut pages = Vec::new();
    let walker = visible_entries(WalkDir::new(&dir).min_depth(2).max_depth(2));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                diagnostics.push(Diagnostic::for_file(
                    Severity::Error,
                    Path::new(PAGES_DIR),
                    format!("cannot read: {error}"),
                ));
                continue;
            }
        };
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let name = |p: Option<&std::ffi::OsStr>| {
            p.map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        match SourceFile::read(root, path) {
            Ok(file) => pages.push(PageFile {
                id: name(path.parent().and_then(Path::file_name)),
                language: name(path.file_stem()),
                file,
            }),
            Err(d) => diagnostics.push(*d),
        }
    }
    pages
}

/// The walk in file-name order, skipping hidden files and folders (editors' and git's).
fn visible_entries(walk: WalkDir) -> impl Iterator<Item = walkdir::Result<walkdir::DirEntry>> {
    walk.sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'))
}

/// What a walk of `actors/` found.
#[derive(Debug, Default)]
pub(crate) struct Walk {
    /// The YAML files, by folder.
    pub folders: Vec<(PathBuf, Vec<PathBuf>)>,
    /// The problems found on the way, in the order found.
    pub diagnostics: Vec<Diagnostic>,
    /// Every file and folder seen, and whether it is a folder.
    pub seen: HashMap<PathBuf, bool>,
    /// Whether the walk met symbolic links or unreadable entries: then a file may change under a
    /// path other than the one it was found by.
    pub indirect: bool,
}

/// Walks `actors/` and groups the YAML files by folder. Symlinks are followed only while they
/// stay inside the content root; loops and escapes are reported.
pub(crate) fn discover(root: &Path, actors_dir: &Path) -> Walk {
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut folders: BTreeMap<PathBuf, Vec<PathBuf>> = BTreeMap::new();
    let mut walk = Walk::default();
    let diagnostics = &mut walk.diagnostics;
    let walker = visible_entries(WalkDir::new(actors_dir).follow_links(true).max_depth(8));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                walk.indirect = true;
                let path = error.path().unwrap_or(actors_dir);
                let relative = path.strip_prefix(root).unwrap_or(path);
                let message = if error.loop_ancestor().is_some() {
                    "this symbolic link points back to a folder that contains it (a loop)"
                        .to_owned()
                } else {
                    format!("cannot read: {error}")
                };
                diagnostics.push(
                    Diagnostic::for_file(Severity::Error, relative, message)
                        .with_hint("remove the link or make it point to a real folder"),
                );
                continue;
            }
        };
        let path = entry.path();
        let relative = path.strip_prefix(root).unwrap_or(path);
        walk.seen
            .insert(path.to_path_buf(), entry.file_type().is_dir());
        if entry.path_is_symlink() {
            walk.indirect = true;
            let inside = path
                .canonicalize()
                .map(|target| target.starts_with(&canonical_root))
                .unwrap_or(false);
            if !inside {
                diagnostics.push(
                    Diagnostic::for_file(
                        Severity::Error,
                        relative,
                        "this symbolic link leads outside the content folder",
                    )
                    .with_hint("copy the file into the content folder instead of linking to it"),
                );
                continue;
            }
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let parent = path.parent().unwrap_or(actors_dir).to_path_buf();
        match extension.as_str() {
            "yaml" if parent != actors_dir => folders.entry(parent).or_default().push(path.to_path_buf()),
            "yaml" | "yml" => diagnostics.push(
                Diagnostic::for_file(
                    Severity::Error,
                    relative,
                    if extension == "yml" {
                        "Steckbrief files end in .yaml, not .yml"
                    } else {
                        "a YAML file directly in actors/ belongs to no actor"
                    },
                )
                .with_hint("put profile.yaml and its translations into a folder per actor: actors/<slug>/profile.yaml"),
            ),
            e if IMAGE_EXTENSIONS.contains(&e) || e == "md" || e == "txt" => {}
            _ => diagnostics.push(
                Diagnostic::for_file(Severity::Warning, relative, "this file is not used")
                    .with_hint("actor folders hold profile.yaml, <language>.yaml translations and a logo image"),
            ),
        }
    }
    walk.folders = folders.into_iter().collect();
    walk
}

/// Why a file name does not name a translation.
struct NameProblem {
    message: String,
    hint: String,
}

impl NameProblem {
    fn into_diagnostic(self, file: &Path) -> Diagnostic {
        Diagnostic::for_file(Severity::Error, file, self.message).with_hint(self.hint)
    }
}

fn translation_name_problem(
    language: &str,
    languages: Option<&[String]>,
    source_language: Option<&str>,
) -> Option<NameProblem> {
    let languages = languages?;
    if Some(language) == source_language {
        return Some(NameProblem {
            message: format!(
                "`{language}` is the source language; its text belongs in profile.yaml"
            ),
            hint: "move the text into profile.yaml and delete this file".to_owned(),
        });
    }
    if languages.iter().any(|l| l == language) {
        return None;
    }
    let hint = match crate::schema::closest(language, languages) {
        Some(best) => format!(
            "did you mean {best}.yaml? Otherwise add `{language}` to `languages` in config.yaml"
        ),
        None => format!(
            "translation files are named after a configured language ({}.yaml); add `{language}` to `languages` in config.yaml or remove the file",
            languages.join(".yaml, ")
        ),
    };
    Some(NameProblem {
        message: format!("there is no language `{language}` in config.yaml"),
        hint,
    })
}

/// Reads and parses one file into `T`; every problem goes into `diagnostics`.
pub fn read_and_parse<T: DeserializeOwned>(
    root: &Path,
    path: &Path,
    kind: DocumentKind,
    schemas: &Schemas,
    diagnostics: &mut Diagnostics,
) -> Option<Loaded<T>> {
    let file = SourceFile::read(root, path)
        .map_err(|d| diagnostics.push(*d))
        .ok()?;
    parse_source(file, kind, schemas, diagnostics)
}

/// Parses the text of `file` into `T`; every problem goes into `diagnostics`.
pub fn parse_source<T: DeserializeOwned>(
    file: SourceFile,
    kind: DocumentKind,
    schemas: &Schemas,
    diagnostics: &mut Diagnostics,
) -> Option<Loaded<T>> {
    parse_file(file, kind, schemas)
        .map_err(|(_, problems)| diagnostics.extend(problems))
        .ok()
}

/// Parses the text of `file` into `T`, or gives the file back with every problem found.
pub fn parse_file<T: DeserializeOwned>(
    file: SourceFile,
    kind: DocumentKind,
    schemas: &Schemas,
) -> Result<Loaded<T>, (SourceFile, Vec<Diagnostic>)> {
    let error = |message: String| Diagnostic::for_file(Severity::Error, &file.relative, message);
    let tree = match yaml::parse(&file.text) {
        Ok(Some(tree)) => tree,
        Ok(None) => {
            let empty = error("the file is empty".to_owned()).with_hint(match kind {
                DocumentKind::Translation => "write the translated fields, or delete the file",
                _ => "fill in the fields; `steckbrief new <slug>` writes a complete template",
            });
            return Err((file, vec![empty]));
        }
        Err(syntax) => {
            let mut diagnostic = error(syntax.message).at(syntax.position, &file.text);
            if let Some(hint) = syntax.hint {
                diagnostic = diagnostic.with_hint(hint);
            }
            return Err((file, vec![diagnostic]));
        }
    };
    let instance = tree.to_json();
    let structural = schemas.check_instance(kind, &instance, &tree, &file);
    if !structural.is_empty() {
        return Err((file, structural));
    }
    // The schema accepted the tree's values, so they deserialise without a second parse. Should
    // they still not fit the type (a number too large for its field, say), serde_yaml reads the
    // text again to report the problem with its position.
    if let Ok(value) = T::deserialize(instance) {
        return Ok(Loaded { file, tree, value });
    }
    match serde_yaml::from_str::<T>(&file.text) {
        Ok(value) => Ok(Loaded { file, tree, value }),
        Err(e) => {
            let mut diagnostic = error(e.to_string());
            if let Some(location) = e.location() {
                let position = Position {
                    line: location.line(),
                    column: location.column(),
                };
                diagnostic = diagnostic.at(position, &file.text);
            }
            Err((file, vec![diagnostic]))
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Debug;

    use super::*;

    /// Parses `text` the way `check` does and straight with serde_yaml; both values must agree.
    fn agrees<T: DeserializeOwned + Debug>(text: &str, kind: DocumentKind, schemas: &Schemas) {
        let file = SourceFile {
            path: PathBuf::from("x.yaml"),
            relative: PathBuf::from("x.yaml"),
            text: text.to_owned(),
        };
        let loaded = parse_file::<T>(file, kind, schemas)
            .unwrap_or_else(|(_, problems)| panic!("{problems:?}\n{text}"));
        let direct: T = serde_yaml::from_str(text).unwrap();
        assert_eq!(
            format!("{:?}", loaded.value),
            format!("{direct:?}"),
            "{text}"
        );
    }

    #[test]
    fn values_from_the_tree_equal_serde_yaml_on_every_example_file() {
        let schemas = Schemas::default();
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut seen = 0;
        for top in ["actors", "tests/fixtures/good", "config.yaml", NUMBERS_FILE] {
            for entry in WalkDir::new(repo.join(top)).sort_by_file_name() {
                let path = entry.unwrap().into_path();
                if path.extension().is_none_or(|e| e != "yaml") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                match path.file_name().unwrap().to_str().unwrap() {
                    CONFIG_FILE => agrees::<Config>(&text, DocumentKind::Config, &schemas),
                    PROFILE_FILE => agrees::<Profile>(&text, DocumentKind::Profile, &schemas),
                    "numbers.yaml" => {
                        agrees::<ImportantNumbers>(&text, DocumentKind::Numbers, &schemas)
                    }
                    _ => agrees::<Translation>(&text, DocumentKind::Translation, &schemas),
                }
                seen += 1;
            }
        }
        assert!(seen > 100, "{seen} files");
    }

    #[test]
    fn values_from_the_tree_equal_serde_yaml_on_awkward_text() {
        let schemas = Schemas::default();
        for text in [
            "summary: >\n  folded\n  lines\n\n  new paragraph\n    more indented\n  back\n",
            "summary: |\n  literal\n    indented\n\n  # not a comment\n",
            "summary: |-\n  strip\n\n\ndescription: |+\n  keep\n\n\n",
            "summary: >2\n    two more\n  spaces\n",
            "summary: \"quoted \\u00e9 \\x41 \\t tab \\\" quote \\\\ and\\\n  continued\"\n",
            "summary: 'single ''quoted''\n  folded\n\n  kept'\n",
            "summary: plain\n  over two lines # with a comment\n",
            "summary: a # b\ntransport: \"#1 bus: stop\"\n",
            "summary: \"\"\ndescription: ''\n",
            "\u{feff}summary: mit BOM\n",
            "summary: Windows\r\ndescription: >\r\n  line\r\n  ends\r\n",
            "summary: العربية والفارسية\ndescription: Українська 😀\n",
            "summary: trailing spaces   \ndescription: \"  lead and trail  \"\n",
            "summary: ~\ndescription: null\n",
            "offers: [a, 'b, c', \"d\"]\ncosts: 12,50 €\n",
            "offers:\n- '1'\n- \"true\"\n- 2024-01-01\n",
            "contacts:\n  - role: x\n  - {}\n  - role:\n",
            "opening_hours: {note: \"Mo-Fr: 08:00\"}\ntransport: 08:30\n",
        ] {
            agrees::<Translation>(text, DocumentKind::Translation, &schemas);
        }
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let profile = std::fs::read_to_string(repo.join("actors/vhs-merzig/profile.yaml")).unwrap();
        for number in ["49", "+49.5", "4.94447e1", "49.444700000000001", "-0.0"] {
            let text = profile.replace("latitude: 49.4447", &format!("latitude: {number}"));
            agrees::<Profile>(&text, DocumentKind::Profile, &schemas);
        }
        let config = std::fs::read_to_string(repo.join(CONFIG_FILE)).unwrap();
        for months in ["6", "+6", "0"] {
            let text = config.replace(
                "review_interval_months: 12",
                &format!("review_interval_months: {months}"),
            );
            agrees::<Config>(&text, DocumentKind::Config, &schemas);
        }
    }

    #[test]
    fn a_value_the_schema_lets_through_is_still_reported_with_its_place() {
        let schemas = Schemas::default();
        let config =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(CONFIG_FILE))
                .unwrap();
        let text = config.replace("review_interval_months: 12", "review_interval_months: 1e12");
        let file = SourceFile {
            path: PathBuf::from(CONFIG_FILE),
            relative: PathBuf::from(CONFIG_FILE),
            text,
        };
        let line = config
            .lines()
            .position(|l| l.starts_with("review_interval_months:"))
            .unwrap()
            + 1;
        let (_, problems) = parse_file::<Config>(file, DocumentKind::Config, &schemas).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, Some(line), "{problems:?}");
    }
}
