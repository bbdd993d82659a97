//! Writing a build to disk so that readers never see half a site.
//!
//! Files go into a fresh folder beside the target (`public.tmp-<pid>`) as soon as they are
//! rendered; only when everything is written is the old folder moved aside and the new one
//! renamed into place. A build that fails
//! or is interrupted leaves the previous site untouched (and at most a stray temporary folder,
//! which the next build removes).

use std::io;
use std::path::{Path, PathBuf};

use crate::render::{RenderError, Sink};

/// A build's temporary folder beside the target. Files are written into it as they are made;
/// [`Staging::commit`] swaps it into place, and dropping it uncommitted removes it.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Staging {
    /// Creates the temporary folder for `target`, removing those of interrupted builds.
    pub fn create(target: &Path) -> io::Result<Staging> {
        let (parent, name) = parent_and_name(target);
        std::fs::create_dir_all(&parent)?;
        remove_stale(&parent, &name);
        let dir = parent.join(format!("{name}.tmp-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            committed: false,
        })
    }

    /// Writes one file; `path` is relative to the site root.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let full = self.dir.join(path);
        if let Some(dir) = full.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(full, bytes)
    }

    /// Replaces the target with everything written.
    pub fn commit(mut self) -> io::Result<()> {
        let (parent, name) = parent_and_name(&self.target);
        swap(&self.dir, &self.target, &parent, &name)?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

impl Sink for Staging {
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), RenderError> {
        self.write(Path::new(&path), &bytes)
            .map_err(|source| RenderError::Write { path, source })
    }

    fn put_written(
        &self,
        path: String,
        write: &dyn Fn(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<(), RenderError> {
        write_file(&self.dir, path, write)
    }
}

/// The folder that holds `target`, and `target`'s name.
fn parent_and_name(target: &Path) -> (PathBuf, String) {
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".to_owned());
    (parent.to_path_buf(), name)
}

fn swap(staging: &Path, target: &Path, parent: &Path, name: &str) -> io::Result<()> {
    let old = parent.join(format!("{name}.old-{}", std::process::id()));
    let had_old = target.exists();
    if had_old {
        std::fs::rename(target, &old)?;
    }
    if let Err(error) = std::fs::rename(staging, target) {
        if had_old {
            let _ = std::fs::rename(&old, target);
        }
        return Err(error);
    }
    if had_old {
        std::fs::remove_dir_all(&old)?;
    }
    Ok(())
}

/// Removes temporary folders of earlier, interrupted builds.
fn remove_stale(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let stale = [".tmp-", ".old-"]
            .iter()
            .any(|infix| file_name.starts_with(&format!("{name}{infix}")));
        if stale && entry.path().is_dir() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// A [`Sink`] that writes straight into an existing folder, replacing files of the same name
/// and leaving the others: for `brochure`, which adds PDFs to a built site.
#[derive(Debug)]
pub struct Folder(pub PathBuf);

impl Sink for Folder {
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), RenderError> {
        write_file(&self.0, path, &|out| out.write_all(&bytes))
    }

    fn put_written(
        &self,
        path: String,
        write: &dyn Fn(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<(), RenderError> {
        write_file(&self.0, path, write)
    }
}

/// Writes the file `path` (relative, with `/`) under `dir`, creating folders as needed.
fn write_file(
    dir: &Path,
    path: String,
    write: &dyn Fn(&mut dyn io::Write) -> io::Result<()>,
) -> Result<(), RenderError> {
    let full = dir.join(&path);
    let written = full
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| std::fs::File::create(&full))
        .and_then(|mut file| write(&mut file));
    written.map_err(|source| RenderError::Write { path, source })
}
