//! Finding and parsing the content: config.yaml and every actor folder under actors/.
//!
//! Each file goes through three steps, and the first that fails ends that file's way (with a
//! diagnostic) without stopping the others: YAML syntax ([`crate::yaml`]), structure against the
//! generated schema ([`crate::schema`], every problem at once), and serde_yaml into the typed
//! model. What loads keeps its [`Node`] tree so that later checks can point at any value.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use walkdir::WalkDir;

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
    pub profile: Loaded<Profile>,
    /// Translations by language code, as named by their file.
    pub translations: BTreeMap<String, Loaded<Translation>>,
}

/// Everything read from a content root.
#[derive(Debug)]
pub struct Content {
    pub root: PathBuf,
    /// `None` if config.yaml had errors (already reported).
    pub config: Option<Loaded<Config>>,
    /// The actor folders whose profile loaded.
    pub actors: Vec<ActorFolder>,
    /// All actor folders found, including those whose profile failed to load.
    pub folders_found: usize,
    /// Markdown pages (imprint, privacy, foreword, …), one file per page and language.
    pub pages: Vec<PageFile>,
    /// `content/numbers.yaml`, if present and valid.
    pub numbers: Option<Loaded<ImportantNumbers>>,
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

/// Reads config.yaml and every actor folder under `root`, reporting problems into `diagnostics`.
pub fn load(
    root: &Path,
    schemas: &Schemas,
    diagnostics: &mut Diagnostics,
) -> Result<Content, FatalError> {
    let config_path = root.join(CONFIG_FILE);
    if !config_path.is_file() {
        return Err(FatalError(format!(
            "no {CONFIG_FILE} in {}: is this the content folder? (use --root DIR)",
            root.display()
        )));
    }
    let actors_dir = root.join(ACTORS_DIR);
    if !actors_dir.is_dir() {
        return Err(FatalError(format!(
            "no {ACTORS_DIR}/ folder in {}",
            root.display()
        )));
    }
    let config = read_and_parse::<Config>(
        root,
        &config_path,
        DocumentKind::Config,
        schemas,
        diagnostics,
    );
    let languages: Option<Vec<String>> = config
        .as_ref()
        .map(|c| c.value.languages.iter().map(|l| l.code.clone()).collect());
    let source_language = config.as_ref().map(|c| c.value.source_language.clone());

    let mut actors = Vec::new();
    let folders = discover(root, &actors_dir, diagnostics);
    let folders_found = folders.len();
    for (dir, files) in folders {
        let relative_dir = dir.strip_prefix(root).unwrap_or(&dir).to_path_buf();
        let profile_path = dir.join(PROFILE_FILE);
        if !files.contains(&profile_path) {
            for file in &files {
                diagnostics.push(
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
            continue;
        }
        let profile = read_and_parse::<Profile>(
            root,
            &profile_path,
            DocumentKind::Profile,
            schemas,
            diagnostics,
        );
        let mut translations = BTreeMap::new();
        for path in files.iter().filter(|p| **p != profile_path) {
            let language = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let relative = path.strip_prefix(root).unwrap_or(path);
            if let Some(problem) = translation_name_problem(
                &language,
                languages.as_deref(),
                source_language.as_deref(),
            ) {
                diagnostics.push(problem.into_diagnostic(relative));
                continue;
            }
            if let Some(translation) = read_and_parse::<Translation>(
                root,
                path,
                DocumentKind::Translation,
                schemas,
                diagnostics,
            ) {
                translations.insert(language, translation);
            }
        }
        if let Some(profile) = profile {
            let slug = dir
                .file_name()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            actors.push(ActorFolder {
                slug,
                dir,
                relative_dir,
                profile,
                translations,
            });
        }
    }
    let pages = load_pages(root, diagnostics);
    let numbers_path = root.join(NUMBERS_FILE);
    let numbers = numbers_path.is_file().then(|| {
        read_and_parse::<ImportantNumbers>(
            root,
            &numbers_path,
            DocumentKind::Numbers,
            schemas,
            diagnostics,
        )
    });
    Ok(Content {
        root: root.to_path_buf(),
        config,
        actors,
        folders_found,
        pages,
        numbers: numbers.flatten(),
    })
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

/// Walks `actors/` and groups the YAML files by folder. Symlinks are followed only while they
/// stay inside the content root; loops and escapes are reported.
fn discover(
    root: &Path,
    actors_dir: &Path,
    diagnostics: &mut Diagnostics,
) -> BTreeMap<PathBuf, Vec<PathBuf>> {
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut folders: BTreeMap<PathBuf, Vec<PathBuf>> = BTreeMap::new();
    let walker = visible_entries(WalkDir::new(actors_dir).follow_links(true).max_depth(8));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
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
        if entry.path_is_symlink() {
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
    folders
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
    let error = |message: String| Diagnostic::for_file(Severity::Error, &file.relative, message);
    let tree = match yaml::parse(&file.text) {
        Ok(Some(tree)) => tree,
        Ok(None) => {
            diagnostics.push(error("the file is empty".to_owned()).with_hint(match kind {
                DocumentKind::Translation => "write the translated fields, or delete the file",
                _ => "fill in the fields; `steckbrief new <slug>` writes a complete template",
            }));
            return None;
        }
        Err(syntax) => {
            let mut diagnostic = error(syntax.message).at(syntax.position, &file.text);
            if let Some(hint) = syntax.hint {
                diagnostic = diagnostic.with_hint(hint);
            }
            diagnostics.push(diagnostic);
            return None;
        }
    };
    let structural = schemas.check(kind, &tree, &file);
    if !structural.is_empty() {
        diagnostics.extend(structural);
        return None;
    }
    match serde_yaml::from_str::<T>(&file.text) {
        Ok(value) => Some(Loaded { file, tree, value }),
        Err(e) => {
            let mut diagnostic = error(e.to_string());
            if let Some(location) = e.location() {
                let position = Position {
                    line: location.line(),
                    column: location.column(),
                };
                diagnostic = diagnostic.at(position, &file.text);
            }
            diagnostics.push(diagnostic);
            None
        }
    }
}
