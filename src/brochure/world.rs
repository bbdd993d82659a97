//! The typst [`World`] of one brochure: the template, the fonts, the images and the data, all
//! in memory. Nothing else exists for the template: it cannot read the disk, load packages or
//! see the clock.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::fonts::Fonts;
use crate::overrides;

/// A typst source file: its virtual path (which is also its path relative to the content root,
/// and the path shown in diagnostics) and its text.
#[derive(Debug, Clone)]
pub struct TemplateFile {
    pub path: &'static str,
    pub text: Cow<'static, str>,
}

/// The built-in brochure template: the main file first, then the files it imports.
const BUILT_IN: [(&str, &str); 2] = [
    (
        "templates/brochure.typ",
        include_str!("../../templates/brochure.typ"),
    ),
    (
        "templates/brochure/steckbrief.typ",
        include_str!("../../templates/brochure/steckbrief.typ"),
    ),
];

/// The file typst starts with.
pub const MAIN_TEMPLATE: &str = BUILT_IN[0].0;

/// Whether `text` is the built-in text of the template file `path` (not one a content folder
/// put in its place).
pub fn is_built_in(path: &str, text: &str) -> bool {
    BUILT_IN
        .iter()
        .any(|(built_in_path, built_in)| *built_in_path == path && *built_in == text)
}

/// The brochure template for the content under `root`: each built-in file, or the file of the
/// same path under `root` if there is one (as with the website's templates), so that a town can
/// restyle its brochure and `serve` picks up edits without a new binary.
pub fn template(root: &Path) -> Result<Vec<TemplateFile>, (PathBuf, std::io::Error)> {
    BUILT_IN
        .iter()
        .map(|(path, built_in)| {
            Ok(TemplateFile {
                path,
                text: overrides::text(root, path, built_in)?,
            })
        })
        .collect()
}

/// typst's standard library, built once per process: it is the same for every brochure.
fn library() -> &'static LazyHash<Library> {
    static LIBRARY: std::sync::OnceLock<LazyHash<Library>> = std::sync::OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::builder().build()))
}

/// Everything one compilation can see.
pub struct BrochureWorld {
    library: &'static LazyHash<Library>,
    fonts: &'static Fonts,
    main: FileId,
    sources: HashMap<FileId, Source>,
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

/// The file id of a virtual path such as `/data.json`.
pub fn file_id(path: &str) -> Result<FileId, String> {
    let path = if path.starts_with('/') {
        path.to_owned()
    } else {
        format!("/{path}")
    };
    VirtualPath::new(&path)
        .map(|vpath| RootedPath::new(VirtualRoot::Project, vpath).intern())
        .map_err(|e| format!("invalid virtual path {path}: {e:?}"))
}

impl BrochureWorld {
    /// A world with `template` (main file first) and the binary `files` by virtual path.
    pub fn new(
        template: &[TemplateFile],
        files: Vec<(String, Vec<u8>)>,
        fonts: &'static Fonts,
        today: Datetime,
    ) -> Result<BrochureWorld, String> {
        let mut sources = HashMap::new();
        let mut main = None;
        for file in template {
            let id = file_id(file.path)?;
            main.get_or_insert(id);
            sources.insert(id, Source::new(id, file.text.to_string()));
        }
        let main = main.ok_or("the template has no files")?;
        let files = files
            .into_iter()
            .map(|(path, bytes)| Ok((file_id(&path)?, Bytes::new(bytes))))
            .collect::<Result<_, String>>()?;
        Ok(BrochureWorld {
            library: library(),
            fonts,
            main,
            sources,
            files,
            today,
        })
    }

    /// The source file with this id, for locating diagnostics.
    pub fn source_of(&self, id: FileId) -> Option<&Source> {
        self.sources.get(&id)
    }
}

impl World for BrochureWorld {
    fn library(&self) -> &LazyHash<Library> {
        self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources.get(&id).cloned().ok_or_else(|| not_found(id))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(bytes) = self.files.get(&id) {
            return Ok(bytes.clone());
        }
        self.sources
            .get(&id)
            .map(|s| Bytes::from_string(s.text().to_owned()))
            .ok_or_else(|| not_found(id))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.get().vpath().get_with_slash().into())
}
