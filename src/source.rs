//! Reading one content file from disk, safely.
//!
//! Files are read with a size limit and must be UTF-8; anything else becomes a diagnostic that
//! names the file and, for bad bytes, the line and column where they start.

use std::fs::{File, Metadata};
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Severity};
use crate::messages;
use crate::yaml::Position;

/// Largest content file accepted. A long Steckbrief with six translations is about 20 KB.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The text of a content file and where it came from.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path on disk.
    pub path: PathBuf,
    /// Path relative to the content root, for messages.
    pub relative: PathBuf,
    pub text: String,
}

impl SourceFile {
    /// Reads `path`; `root` is the content root that messages are relative to.
    pub fn read(root: &Path, path: &Path) -> Result<SourceFile, Box<Diagnostic>> {
        Self::read_with_metadata(root, path).map(|(file, _)| file)
    }

    /// Reads `path` and returns, with its text, the metadata of the file that was read, taken
    /// from the open file before reading (so a later change always shows in a later stat).
    pub fn read_with_metadata(
        root: &Path,
        path: &Path,
    ) -> Result<(SourceFile, Metadata), Box<Diagnostic>> {
        let relative = path.strip_prefix(root).unwrap_or(path).to_path_buf();
        let fail = |message: String| Diagnostic::for_file(Severity::Error, &relative, message);
        let file = File::open(path).map_err(|e| Box::new(fail(messages::cannot_open(&e))))?;
        let metadata = file
            .metadata()
            .map_err(|e| Box::new(fail(messages::cannot_read(&e))))?;
        let size = metadata.len();
        if size > MAX_FILE_BYTES {
            return Err(Box::new(
                fail(messages::file_too_large(
                    &human_size(size),
                    &human_size(MAX_FILE_BYTES),
                ))
                .with_hint(messages::file_too_large_hint()),
            ));
        }
        // The limit also holds for files that grow while being read.
        let mut bytes = Vec::with_capacity(size as usize);
        file.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Box::new(fail(messages::cannot_read(&e))))?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(Box::new(
                fail(messages::file_too_large(
                    &human_size(bytes.len() as u64),
                    &human_size(MAX_FILE_BYTES),
                ))
                .with_hint(messages::file_too_large_hint()),
            ));
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let valid = std::str::from_utf8(valid).unwrap_or_default();
            let line = valid.matches('\n').count() + 1;
            let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Box::new(
                fail(messages::not_utf8())
                    .with_hint(messages::not_utf8_hint())
                    .at(Position { line, column }, valid),
            )
        })?;
        let file = SourceFile {
            path: path.to_path_buf(),
            relative,
            text,
        };
        Ok((file, metadata))
    }
}

fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}
