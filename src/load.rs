//! Finding and parsing the content: config.yaml and every actor folder under actors/.
//!
//! Each file goes through three steps, and the first that fails ends that file's way (with a
//! diagnostic) without stopping the others: YAML syntax ([`crate::yaml`]), structure against the
//! generated schema ([`crate::schema`], every problem at once), and the typed model, deserialised
//! from the values the schema accepted (serde_yaml reads the text again only to place a problem
//! the schema let through). What loads keeps its [`Node`] tree so that later checks can point at
//! any value. The actor folders are read in parallel; the check (src/check.rs) spares the
//! files unchanged since an earlier check.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::messages;
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
    /// The structural errors of the file, if it had some: then `value` is what remained without
    /// the values in error, loaded so that the rest can still be checked for meaning (every
    /// error in one run). Such a file never reaches a catalogue, since these are errors.
    pub problems: Vec<Diagnostic>,
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

impl<T> Content<T> {
    /// The same content with what was made of each actor folder replaced by `f` of it.
    pub fn map_actors<U>(self, f: impl FnMut(T) -> U) -> Content<U> {
        Content {
            root: self.root,
            config: self.config,
            actors: self.actors.into_iter().map(f).collect(),
            folders_found: self.folders_found,
            pages: self.pages,
            numbers: self.numbers,
        }
    }
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
pub enum FatalError {
    /// The folder has no config.yaml: it is not a content folder.
    NoConfig { root: PathBuf },
    /// The folder has a config.yaml but no actors/ folder.
    NoActors { root: PathBuf },
}

impl std::fmt::Display for FatalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FatalError::NoConfig { root } => f.write_str(&messages::no_config(
                CONFIG_FILE,
                &root.display().to_string(),
            )),
            FatalError::NoActors { root } => f.write_str(&messages::no_actors(
                ACTORS_DIR,
                &root.display().to_string(),
            )),
        }
    }
}

impl std::error::Error for FatalError {}

/// Why `root` is not a content folder (no config.yaml, or no actors/ beside it), if it is not.
pub fn content_root_problem(root: &Path) -> Option<FatalError> {
    let root_buf = || root.to_path_buf();
    if !root.join(CONFIG_FILE).is_file() {
        Some(FatalError::NoConfig { root: root_buf() })
    } else if !root.join(ACTORS_DIR).is_dir() {
        Some(FatalError::NoActors { root: root_buf() })
    } else {
        None
    }
}

/// Reads every `content/pages/<id>/<lang>.md`.
pub(crate) fn load_pages(root: &Path, diagnostics: &mut Diagnostics) -> Vec<PageFile> {
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
                    messages::cannot_read(&error),
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
                    messages::symlink_loop()
                } else {
                    messages::cannot_read(&error)
                };
                diagnostics.push(
                    Diagnostic::for_file(Severity::Error, relative, message)
                        .with_hint(messages::fix_link_hint()),
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
                    Diagnostic::for_file(Severity::Error, relative, messages::symlink_outside())
                        .with_hint(messages::symlink_outside_hint()),
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
            "yaml" if parent != actors_dir => {
                folders.entry(parent).or_default().push(path.to_path_buf())
            }
            "yaml" | "yml" => diagnostics.push(
                Diagnostic::for_file(
                    Severity::Error,
                    relative,
                    if extension == "yml" {
                        messages::yml_extension()
                    } else {
                        messages::yaml_outside_folder()
                    },
                )
                .with_hint(messages::one_folder_per_actor_hint()),
            ),
            e if IMAGE_EXTENSIONS.contains(&e) || e == "md" || e == "txt" => {}
            _ => diagnostics.push(
                Diagnostic::for_file(Severity::Warning, relative, messages::unused_file())
                    .with_hint(messages::unused_file_hint()),
            ),
        }
    }
    walk.folders = folders.into_iter().collect();
    walk
}

/// Why a file name does not name a translation.
pub(crate) struct NameProblem {
    message: String,
    hint: String,
}

impl NameProblem {
    pub(crate) fn into_diagnostic(self, file: &Path) -> Diagnostic {
        Diagnostic::for_file(Severity::Error, file, self.message).with_hint(self.hint)
    }
}

/// Why `<language>.yaml` in an actor folder is no translation file, if it is none: the site's
/// `languages` and source language and the further `spoken_languages` come from config.yaml
/// (`None` if it did not load).
pub(crate) fn translation_name_problem(
    language: &str,
    languages: Option<&[String]>,
    source_language: Option<&str>,
    spoken_languages: &[String],
) -> Option<NameProblem> {
    let languages = languages?;
    if Some(language) == source_language {
        return Some(NameProblem {
            message: messages::translation_in_source_language(language),
            hint: messages::translation_in_source_language_hint(),
        });
    }
    if languages.iter().any(|l| l == language) {
        return None;
    }
    let files: Vec<String> = languages
        .iter()
        .filter(|l| Some(l.as_str()) != source_language)
        .map(|l| format!("{l}.yaml"))
        .collect();
    let files = files.join(", ");
    let hint = if spoken_languages.iter().any(|l| l == language) {
        messages::spoken_not_site_language_hint(&files, language)
    } else {
        match crate::schema::closest(language, languages) {
            Some(best) => messages::no_site_language_typo_hint(best, language),
            None => messages::no_site_language_hint(&files, language),
        }
    };
    Some(NameProblem {
        message: messages::no_site_language(language),
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
    match parse_file(file, kind, schemas) {
        Ok(loaded) => {
            diagnostics.extend(loaded.problems.iter().cloned());
            Some(loaded)
        }
        Err((_, problems)) => {
            diagnostics.extend(problems);
            None
        }
    }
}

/// Parses the text of `file` into `T`, or gives the file back with every problem found. A file
/// with structural errors still loads if what remains without the values in error makes a `T`
/// (see [`Loaded::problems`]).
pub fn parse_file<T: DeserializeOwned>(
    file: SourceFile,
    kind: DocumentKind,
    schemas: &Schemas,
) -> Result<Loaded<T>, (SourceFile, Vec<Diagnostic>)> {
    let error = |message: String| Diagnostic::for_file(Severity::Error, &file.relative, message);
    let tree = match yaml::parse(&file.text) {
        Ok(Some(tree)) => tree,
        Ok(None) => {
            let empty = error(messages::empty_file()).with_hint(match kind {
                DocumentKind::Translation => messages::empty_translation_hint(),
                _ => messages::empty_file_hint(),
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
    let mut instance = tree.to_json();
    let structural = schemas.check_instance(kind, &instance, &tree, &file);
    if !structural.is_empty() {
        let rest = schemas
            .without_errors(kind, &instance, &tree)
            .and_then(|mut rest| {
                crate::bidi::strip_direction_controls_in(&mut rest);
                T::deserialize(rest).ok()
            });
        return match rest {
            Some(value) => Ok(Loaded {
                file,
                tree,
                value,
                problems: structural,
            }),
            None => Err((file, structural)),
        };
    }
    // Once, here, for every renderer; `check` warns about them from the tree, which keeps them.
    crate::bidi::strip_direction_controls_in(&mut instance);
    // The schema accepted the tree's values, so they deserialise without a second parse. Should
    // they still not fit the type (a number too large for its field, say), serde_yaml reads the
    // text again to report the problem with its position.
    if let Ok(value) = T::deserialize(instance) {
        return Ok(Loaded {
            file,
            tree,
            value,
            problems: Vec::new(),
        });
    }
    match serde_yaml::from_str::<T>(&file.text) {
        Ok(value) => Ok(Loaded {
            file,
            tree,
            value,
            problems: Vec::new(),
        }),
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
