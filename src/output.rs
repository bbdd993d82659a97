//! Writing a build to disk so that readers never see half a site.
//!
//! Files go into a fresh folder beside the target (`public.tmp-<pid>`); only when everything is
//! written is the old folder moved aside and the new one renamed into place. A build that fails
//! or is interrupted leaves the previous site untouched (and at most a stray temporary folder,
//! which the next build removes).

use std::io;
use std::path::{Path, PathBuf};

use crate::site::Files;

/// Writes `files` into `target`, replacing what was there only after all writes succeeded.
pub fn write_atomically(
    target: &Path,
    files: &Files,
    extra: &[(PathBuf, Vec<u8>)],
) -> io::Result<()> {
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".to_owned());
    remove_stale(parent, &name);
    let staging = parent.join(format!("{name}.tmp-{}", std::process::id()));
    let result =
        write_all(&staging, files, extra).and_then(|()| swap(&staging, target, parent, &name));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

fn write_all(staging: &Path, files: &Files, extra: &[(PathBuf, Vec<u8>)]) -> io::Result<()> {
    if staging.exists() {
        std::fs::remove_dir_all(staging)?;
    }
    std::fs::create_dir_all(staging)?;
    let entries = files
        .iter()
        .map(|(path, bytes)| (PathBuf::from(path), bytes))
        .chain(extra.iter().map(|(path, bytes)| (path.clone(), bytes)));
    for (path, bytes) in entries {
        let full = staging.join(path);
        if let Some(dir) = full.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(full, bytes)?;
    }
    Ok(())
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
