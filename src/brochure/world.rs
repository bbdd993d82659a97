//! The typst [`World`] of one brochure: the template, the fonts, the images and the data, all
//! in memory. Nothing else exists for the template: it cannot read the disk, load packages or
//! see the clock.

use std::collections::HashMap;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::fonts::Fonts;

/// A typst source file: its virtual path (which is also the path shown in diagnostics, relative
/// to the repository) and its text.
#[derive(Debug, Clone, Copy)]
pub struct TemplateFile {
    pub path: &'static str,
    pub text: &'static str,
}

/// The brochure template: the main file first, then the files it imports.
pub const TEMPLATE: [TemplateFile; 2] = [
    TemplateFile {
        path: "templates/brochure.typ",
        text: include_str!("../../templates/brochure.typ"),
    },
    TemplateFile {
        path: "templates/brochure/steckbrief.typ",
        text: include_str!("../../templates/brochure/steckbrief.typ"),
    },
];

/// Everything one compilation can see.
pub struct BrochureWorld {
    library: LazyHash<Library>,
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
            sources.insert(id, Source::new(id, file.text.to_owned()));
        }
        let main = main.ok_or("the template has no files")?;
        let files = files
            .into_iter()
            .map(|(path, bytes)| Ok((file_id(&path)?, Bytes::new(bytes))))
            .collect::<Result<_, String>>()?;
        Ok(BrochureWorld {
            library: LazyHash::new(Library::builder().build()),
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
        &self.library
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
