//! Writing a build to disk so that readers never see half a site and nothing else is ever lost.
//!
//! - The out folder must not be the content root, contain it, or lie inside one of its content
//!   folders; if it exists, it must be a folder steckbrief wrote (it holds [`SITE_MARKER`]), an
//!   empty folder, or an older build from before the marker (`index.html` and `sitemap.xml` at
//!   its top).
//! - One build per out folder at a time: the lock file `.<name>.steckbrief-lock` beside it is
//!   locked for the whole build, and a second build is refused with the first one's process id.
//! - Files go into a staging folder beside the target (`<name>.tmp-<pid>`) as soon as they are
//!   rendered. Only when everything is written does the new folder take the old one's place: on
//!   Linux in one atomic exchange of the two, elsewhere by moving the old one aside first.
//! - A folder beside the target is only ever removed if it holds a [`STAGING_MARKER`] naming that
//!   very folder, so folders of the user's are safe whatever their names. A build killed at any
//!   instant leaves the old or the new site complete at the target, or (only without the atomic
//!   exchange) the old one moved aside, which the next build puts back.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use crate::load::{ACTORS_DIR, CONTENT_DIR};
use crate::messages;
use crate::render::{NamedWrite, RenderError, Sink};

/// The file in every folder a build or `brochure` writes, proving that steckbrief may replace it.
pub const SITE_MARKER: &str = ".steckbrief-site";
/// The file that marks a folder beside the target as a build's own, to be removed: it names the
/// folder's path and what the folder holds (see [`Role`]).
const STAGING_MARKER: &str = ".steckbrief-staging";
/// What [`SITE_MARKER`] says to someone who finds it.
const SITE_MARKER_TEXT: &str = "This folder was written by steckbrief; the next `steckbrief build` \
                                into it replaces it as a whole.\n";
/// The content root's folders that a build must never write into.
const CONTENT_FOLDERS: [&str; 5] = [ACTORS_DIR, CONTENT_DIR, "templates", "theme", "i18n"];

/// Why a build may not, or could not, write its out folder.
#[derive(Debug)]
pub enum OutputError {
    /// The out folder is the content root, contains it, or lies in one of its content folders.
    InContent {
        /// The out folder as given.
        out: PathBuf,
        /// How it overlaps the content, e.g. "is the content root /site".
        overlap: String,
    },
    /// Something that is not a folder is in the way.
    NotAFolder {
        /// The out folder as given.
        out: PathBuf,
    },
    /// A non-empty folder that steckbrief did not write.
    NotOurs {
        /// The out folder as given.
        out: PathBuf,
    },
    /// Another build writes the same out folder right now.
    Busy {
        /// The out folder as given.
        out: PathBuf,
        /// The other build, as far as known ("process 1234").
        holder: String,
    },
    /// Reading or writing failed; `what` says what was attempted and what that left behind.
    Io {
        /// What failed, and the state it left, e.g. "cannot create /x/public.tmp-7".
        what: String,
        /// The operating system's reason.
        source: io::Error,
    },
}

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OutputError::InContent { out, overlap } => f.write_str(&messages::out_in_content(
                &out.display().to_string(),
                overlap,
            )),
            OutputError::NotAFolder { out } => {
                f.write_str(&messages::out_not_a_folder(&out.display().to_string()))
            }
            OutputError::NotOurs { out } => f.write_str(&messages::out_not_ours(
                &out.display().to_string(),
                SITE_MARKER,
            )),
            OutputError::Busy { out, holder } => {
                f.write_str(&messages::out_busy(&out.display().to_string(), holder))
            }
            OutputError::Io { what, source } => write!(f, "{what}: {source}"),
        }
    }
}

impl std::error::Error for OutputError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            OutputError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// An `Io` error about `path`; `what` is the message saying what was attempted on it.
fn io_error(what: fn(&str) -> String, path: &Path) -> impl FnOnce(io::Error) -> OutputError {
    let what = what(&path.display().to_string());
    move |source| OutputError::Io { what, source }
}

/// An out folder that may be written: checked against the content root and locked against other
/// builds until dropped.
#[derive(Debug)]
pub struct OutDir {
    /// The folder as given, for messages.
    shown: PathBuf,
    /// The folder with symbolic links and `..` resolved; what is replaced.
    target: PathBuf,
    parent: PathBuf,
    name: String,
    /// Where an interrupted build's site was put back from, if it was.
    recovered: Option<PathBuf>,
    /// Held (and locked) for as long as the build runs.
    _lock: File,
    /// The lock file, which also names the folder a build is about to create, so that the next
    /// build can remove it if the process died before marking it.
    lock_path: PathBuf,
    /// The folder the last build holding the lock was about to create, if it noted one.
    noted: Option<PathBuf>,
}

impl OutDir {
    /// Checks that `target` may be written for the content in `content_root`, locks it against
    /// other builds, and tidies up after an interrupted build: its staging folders are removed,
    /// and a site it had moved aside is put back if the target is missing.
    pub fn open(target: &Path, content_root: &Path) -> Result<OutDir, OutputError> {
        let shown = target.to_path_buf();
        let resolved = resolve(target).map_err(io_error(messages::io_cannot_find, target))?;
        let root =
            resolve(content_root).map_err(io_error(messages::io_cannot_find, content_root))?;
        if let Some(overlap) = overlap(&resolved, &root) {
            return Err(OutputError::InContent {
                out: shown,
                overlap,
            });
        }
        let (Some(parent), Some(name)) = (resolved.parent(), resolved.file_name()) else {
            return Err(OutputError::NotAFolder { out: shown });
        };
        let (parent, name) = (parent.to_path_buf(), name.to_string_lossy().into_owned());
        ensure_ours(&resolved, &shown)?;
        std::fs::create_dir_all(&parent).map_err(io_error(messages::io_cannot_create, &parent))?;
        let lock_path = parent.join(format!(".{name}.steckbrief-lock"));
        let (lock, noted) = lock(&lock_path, &shown)?;
        let mut out = OutDir {
            shown,
            target: resolved,
            parent,
            name,
            recovered: None,
            _lock: lock,
            lock_path,
            noted,
        };
        out.recover();
        // Checked again under the lock: a build that ran meanwhile may have changed it.
        ensure_ours(&out.target, &out.shown)?;
        Ok(out)
    }

    /// The folder an interrupted build had moved the site to, if it was put back from there.
    pub fn recovered(&self) -> Option<&Path> {
        self.recovered.as_deref()
    }

    /// Creates the folder if it is missing and marks it as steckbrief's, for writing into it in
    /// place (the brochures of `steckbrief brochure`).
    pub fn create_in_place(&self) -> Result<(), OutputError> {
        std::fs::create_dir_all(&self.target)
            .map_err(io_error(messages::io_cannot_create, &self.shown))?;
        let marker = self.target.join(SITE_MARKER);
        std::fs::write(&marker, SITE_MARKER_TEXT)
            .map_err(io_error(messages::io_cannot_write, &marker))
    }

    /// Removes the staging folders of interrupted builds and, if the target is missing, puts
    /// back the site that such a build had moved aside.
    fn recover(&mut self) {
        // A folder created and killed before it was marked holds at most a partial marker.
        if let Some(noted) = self.noted.take() {
            let unmarked = std::fs::read_dir(&noted).is_ok_and(|entries| {
                entries.flatten().all(|entry| {
                    entry
                        .file_name()
                        .to_string_lossy()
                        .starts_with(STAGING_MARKER)
                })
            });
            if unmarked {
                let _ = std::fs::remove_dir_all(&noted);
            }
        }
        let prefix = format!("{}.", self.name);
        let Ok(entries) = std::fs::read_dir(&self.parent) else {
            return;
        };
        let mut ours: Vec<(PathBuf, Role)> = entries
            .flatten()
            .filter(|entry| entry.file_name().to_string_lossy().starts_with(&prefix))
            .filter_map(|entry| Some((entry.path(), marked_role(&entry.path())?)))
            .collect();
        if std::fs::symlink_metadata(&self.target).is_err()
            && let Some(at) = ours.iter().position(|(_, role)| *role == Role::Previous)
        {
            let (previous, _) = ours.swap_remove(at);
            if std::fs::rename(&previous, &self.target).is_ok() {
                let _ = std::fs::remove_file(self.target.join(STAGING_MARKER));
                self.recovered = Some(previous);
            }
        }
        for (folder, _) in ours {
            let _ = self.remove_own(&folder);
        }
        // A mark the target got for a swap that never happened.
        let _ = std::fs::remove_file(self.target.join(STAGING_MARKER));
        let _ = std::fs::remove_file(self.target.join(format!("{STAGING_MARKER}.partial")));
    }

    /// Removes a folder of a build's own (see [`remove_marked`]), noted in the lock file while
    /// it goes: the marker goes last, and the folder, empty by then, after it.
    fn remove_own(&self, folder: &Path) -> io::Result<()> {
        self.note(Some(folder))?;
        remove_marked(folder)?;
        self.note(None)
    }

    /// Writes this process's id into the lock file and, if given, the folder it is about to
    /// create.
    fn note(&self, creating: Option<&Path>) -> io::Result<()> {
        let mut text = std::process::id().to_string();
        if let Some(path) = creating {
            text.push('\n');
            text.push_str(&path.to_string_lossy());
        }
        std::fs::write(&self.lock_path, text)
    }
}

/// A build's staging folder beside the target. Files are written into it as they are made;
/// [`Staging::commit`] swaps it into place, and dropping it uncommitted removes it.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    out: OutDir,
    committed: bool,
}

impl Staging {
    /// Opens `target` for the content in `content_root` (see [`OutDir::open`]) and creates the
    /// staging folder beside it. Checks that an existing target can be replaced before anything
    /// is rendered.
    pub fn create(target: &Path, content_root: &Path) -> Result<Staging, OutputError> {
        Staging::within(OutDir::open(target, content_root)?)
    }

    /// Creates the staging folder for an opened out folder.
    pub fn within(out: OutDir) -> Result<Staging, OutputError> {
        let dir = free_path(&out.parent, &format!("{}.tmp", out.name));
        out.note(Some(&dir))
            .map_err(io_error(messages::io_cannot_write, &out.lock_path))?;
        create_marked(&dir, Role::Staging)?;
        let staging = Staging {
            dir,
            out,
            committed: false,
        };
        let marker = staging.dir.join(SITE_MARKER);
        std::fs::write(&marker, SITE_MARKER_TEXT)
            .map_err(io_error(messages::io_cannot_write, &marker))?;
        // Marks the current site for removal once swapped out; doubles as the test that it can
        // be removed at all, before anything is rendered.
        if staging.out.target.is_dir() {
            mark(&staging.out.target, &staging.dir, Role::Previous).map_err(|source| {
                OutputError::Io {
                    what: messages::io_cannot_replace(&staging.out.shown.display().to_string()),
                    source,
                }
            })?;
        }
        Ok(staging)
    }

    /// The opened out folder.
    pub fn out(&self) -> &OutDir {
        &self.out
    }

    /// Writes one file; `path` is relative to the site root.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> io::Result<()> {
        let full = self.dir.join(path);
        if let Some(dir) = full.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(full, bytes)
    }

    /// Replaces the target with everything written. `Ok(Some(_))`: the new site is in place, but
    /// the previous one could not be removed (the error names where it stays).
    pub fn commit(mut self) -> Result<Option<OutputError>, OutputError> {
        let target = &self.out.target;
        let shown = self.out.shown.display();
        let unchanged = |source| OutputError::Io {
            what: messages::io_cannot_move_in(&shown.to_string()),
            source,
        };
        let previous = if std::fs::symlink_metadata(target).is_err() {
            rename_new(&self.dir, target).map_err(unchanged)?;
            None
        } else {
            match exchange(&self.dir, target) {
                Ok(()) => Some(self.dir.clone()),
                Err(error) if exchange_unsupported(&error) => Some(self.swap_by_moving()?),
                Err(error) => return Err(unchanged(error)),
            }
        };
        self.committed = true;
        let _ = std::fs::remove_file(target.join(STAGING_MARKER));
        let _ = self.out.note(None);
        // Marked as incomplete first, so that a removal cut short is never put back.
        let left = previous.and_then(|previous| {
            let removed = mark(&previous, &previous, Role::Staging)
                .and_then(|()| self.out.remove_own(&previous));
            removed.err().map(|source| OutputError::Io {
                what: messages::io_previous_site_stays(&previous.display().to_string()),
                source,
            })
        });
        Ok(left)
    }

    /// Without an atomic exchange: moves the target aside, the staging folder in, and returns
    /// where the previous site went. A build killed in between leaves the target missing and the
    /// previous site marked [`Role::Previous`], which the next build puts back.
    fn swap_by_moving(&self) -> Result<PathBuf, OutputError> {
        let (target, shown) = (&self.out.target, self.out.shown.display());
        let aside = free_path(&self.out.parent, &format!("{}.old", self.out.name));
        let unchanged = |source| OutputError::Io {
            what: messages::io_cannot_move_aside(&shown.to_string()),
            source,
        };
        mark(target, &aside, Role::Previous)
            .and_then(|()| rename_new(target, &aside))
            .map_err(unchanged)?;
        if let Err(source) = std::fs::rename(&self.dir, target) {
            let what = match std::fs::rename(&aside, target) {
                Ok(()) => messages::io_cannot_move_in(&shown.to_string()),
                Err(_) => messages::io_cannot_move_in_aside(&aside.display().to_string()),
            };
            return Err(OutputError::Io { what, source });
        }
        Ok(aside)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = self.out.remove_own(&self.dir);
            let _ = std::fs::remove_file(self.out.target.join(STAGING_MARKER));
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

    fn put_named(&self, write: NamedWrite<'_>) -> Result<String, RenderError> {
        write_named(&self.dir, write)
    }

    /// Links `source` into the staging folder, a new folder no writer opens a file of again,
    /// so the link is never written through; copies where it cannot link (another file system).
    fn put_copy(&self, path: String, source: &Path) -> Result<(), RenderError> {
        link_or_copy(source, &self.dir.join(&path))
            .map_err(|source| RenderError::Write { path, source })
    }
}

/// Makes `to` a hard link of `from`, or a copy of it where linking fails, creating folders as
/// needed. `to` must not exist.
fn link_or_copy(from: &Path, to: &Path) -> io::Result<()> {
    if let Some(dir) = to.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::hard_link(from, to).or_else(|_| std::fs::copy(from, to).map(drop))
}

/// What a folder marked with [`STAGING_MARKER`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A new site being written (incomplete until swapped in), or a previous one being removed.
    Staging,
    /// A complete earlier site, moved aside by a swap.
    Previous,
}

impl Role {
    fn word(self) -> &'static str {
        match self {
            Role::Staging => "staging",
            Role::Previous => "previous",
        }
    }
}

/// Marks `folder` as a build's own, to be removed when found at `at`. Written beside and renamed
/// into place, so that the marker is whole or absent.
fn mark(folder: &Path, at: &Path, role: Role) -> io::Result<()> {
    let text = format!(
        "steckbrief {}\n{}\n",
        role.word(),
        at.to_string_lossy().replace('\n', " ")
    );
    let partial = folder.join(format!("{STAGING_MARKER}.partial"));
    let mut file = File::create(&partial)?;
    file.write_all(text.as_bytes())?;
    drop(file);
    std::fs::rename(partial, folder.join(STAGING_MARKER))
}

/// The role of `folder` if its marker names `folder` itself (a copy or a renamed folder is not
/// a build's own, whatever it holds).
fn marked_role(folder: &Path) -> Option<Role> {
    if !std::fs::symlink_metadata(folder).ok()?.is_dir() {
        return None;
    }
    let text = std::fs::read_to_string(folder.join(STAGING_MARKER)).ok()?;
    let mut lines = text.lines();
    let role = match lines.next()? {
        "steckbrief staging" => Role::Staging,
        "steckbrief previous" => Role::Previous,
        _ => return None,
    };
    (lines.next()? == folder.to_string_lossy()).then_some(role)
}

/// The `attempt`-th name for a folder of this process: `<parent>/<stem>-<pid>`, then with a
/// counter.
fn numbered(parent: &Path, stem: &str, attempt: u32) -> PathBuf {
    let pid = std::process::id();
    match attempt {
        0 => parent.join(format!("{stem}-{pid}")),
        n => parent.join(format!("{stem}-{pid}-{n}")),
    }
}

/// The first [`numbered`] path where nothing is.
fn free_path(parent: &Path, stem: &str) -> PathBuf {
    (0..)
        .map(|attempt| numbered(parent, stem, attempt))
        .find(|path| std::fs::symlink_metadata(path).is_err())
        .unwrap_or_else(|| numbered(parent, stem, 0))
}

/// Creates `dir` and marks it.
fn create_marked(dir: &Path, role: Role) -> Result<(), OutputError> {
    std::fs::create_dir(dir).map_err(io_error(messages::io_cannot_create, dir))?;
    mark(dir, dir, role).map_err(|source| {
        let _ = std::fs::remove_dir_all(dir);
        io_error(messages::io_cannot_write_into, dir)(source)
    })
}

/// Removes a folder marked as a build's own: its marker goes last, so that a removal cut short
/// leaves a folder that the next build still recognises.
fn remove_marked(folder: &Path) -> io::Result<()> {
    for entry in std::fs::read_dir(folder)? {
        let entry = entry?;
        if entry.file_name() == STAGING_MARKER {
            continue;
        }
        if entry.file_type()?.is_dir() {
            std::fs::remove_dir_all(entry.path())?;
        } else {
            std::fs::remove_file(entry.path())?;
        }
    }
    std::fs::remove_dir_all(folder)
}

/// Locks `path` (created if missing) and writes this process's id into it; refuses if another
/// process holds the lock. Also returns the folder the last holder noted it was creating.
fn lock(path: &Path, shown: &Path) -> Result<(File, Option<PathBuf>), OutputError> {
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(io_error(messages::io_cannot_open_lock, path))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            let holder = std::fs::read_to_string(path)
                .ok()
                .and_then(|text| text.lines().next()?.trim().parse::<u32>().ok())
                .map_or_else(
                    crate::messages::busy_starting,
                    crate::messages::busy_process,
                );
            return Err(OutputError::Busy {
                out: shown.to_path_buf(),
                holder,
            });
        }
        Err(std::fs::TryLockError::Error(error)) => {
            return Err(io_error(messages::io_cannot_lock, path)(error));
        }
    }
    let noted = std::fs::read_to_string(path)
        .ok()
        .and_then(|text| Some(PathBuf::from(text.lines().nth(1)?)));
    std::fs::write(path, std::process::id().to_string())
        .map_err(io_error(messages::io_cannot_write, path))?;
    Ok((file, noted))
}

/// Refuses an existing `target` that is not a folder, or a non-empty folder that steckbrief did
/// not write. A folder with `index.html` and `sitemap.xml` at its top counts as a build from
/// before the marker existed.
fn ensure_ours(target: &Path, shown: &Path) -> Result<(), OutputError> {
    let metadata = match std::fs::symlink_metadata(target) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(io_error(messages::io_cannot_read, shown)(error)),
    };
    if !metadata.is_dir() {
        return Err(OutputError::NotAFolder {
            out: shown.to_path_buf(),
        });
    }
    let empty = std::fs::read_dir(target)
        .map_err(io_error(messages::io_cannot_read, shown))?
        .next()
        .is_none();
    let is_file = |name: &str| target.join(name).is_file();
    if empty || is_file(SITE_MARKER) || (is_file("index.html") && is_file("sitemap.xml")) {
        Ok(())
    } else {
        Err(OutputError::NotOurs {
            out: shown.to_path_buf(),
        })
    }
}

/// How `out` overlaps the content in `root`, if it does (both resolved).
fn overlap(out: &Path, root: &Path) -> Option<String> {
    if out == root {
        return Some(messages::out_is_root(&root.display().to_string()));
    }
    if root.starts_with(out) {
        return Some(messages::out_contains_root(&root.display().to_string()));
    }
    CONTENT_FOLDERS.iter().find_map(|folder| {
        let folder = root.join(folder);
        out.starts_with(&folder)
            .then(|| messages::out_in_content_folder(&folder.display().to_string()))
    })
}

/// `path` made absolute with symbolic links and `..` resolved, as far as it exists.
fn resolve(path: &Path) -> io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let components: Vec<Component> = absolute.components().collect();
    for existing in (1..=components.len()).rev() {
        let head: PathBuf = components[..existing].iter().collect();
        if let Ok(mut resolved) = head.canonicalize() {
            for component in &components[existing..] {
                match component {
                    Component::ParentDir => {
                        resolved.pop();
                    }
                    Component::Normal(name) => resolved.push(name),
                    _ => {}
                }
            }
            return Ok(resolved);
        }
    }
    Ok(absolute)
}

/// Renames `from` to `to` unless `to` exists (atomically so on Linux).
fn rename_new(from: &Path, to: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        match renameat2(from, to, libc::RENAME_NOREPLACE) {
            Err(error) if exchange_unsupported(&error) => {}
            result => return result,
        }
    }
    if std::fs::symlink_metadata(to).is_ok() {
        return Err(io::Error::from(io::ErrorKind::AlreadyExists));
    }
    std::fs::rename(from, to)
}

/// Swaps the folders `a` and `b` in one step.
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        renameat2(a, b, libc::RENAME_EXCHANGE)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (a, b);
        Err(io::Error::from(io::ErrorKind::Unsupported))
    }
}

/// Whether `error` means the system or file system cannot rename atomically as asked.
fn exchange_unsupported(error: &io::Error) -> bool {
    #[cfg(target_os = "linux")]
    if matches!(error.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS)) {
        return true;
    }
    error.kind() == io::ErrorKind::Unsupported
}

#[cfg(target_os = "linux")]
fn renameat2(from: &Path, to: &Path, flags: libc::c_uint) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c_path = |path: &Path| {
        CString::new(path.as_os_str().as_bytes())
            .map_err(|_| io::Error::from(io::ErrorKind::InvalidInput))
    };
    let (from, to) = (c_path(from)?, c_path(to)?);
    // The system call rather than libc's wrapper: musl (the static release binaries) has no
    // `renameat2` function, and the kernel call is the same under every libc.
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call.
    let result = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            from.as_ptr(),
            libc::AT_FDCWD,
            to.as_ptr(),
            flags,
        )
    };
    if result == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(dir: &Path, text: &str) {
        std::fs::create_dir_all(dir.join("de")).unwrap();
        std::fs::write(dir.join("index.html"), text).unwrap();
        std::fs::write(dir.join("sitemap.xml"), text).unwrap();
        std::fs::write(dir.join("de/index.html"), text).unwrap();
    }

    fn staging_with(out: &Path, root: &Path, text: &str) -> Staging {
        let staging = Staging::create(out, root).unwrap();
        for file in ["index.html", "sitemap.xml", "de/index.html"] {
            staging.write(Path::new(file), text.as_bytes()).unwrap();
        }
        staging
    }

    #[test]
    fn moving_aside_is_undone_by_the_next_build_when_cut_short() {
        let dir = tempfile::tempdir().unwrap();
        let (root, out) = (dir.path().join("site"), dir.path().join("public"));
        std::fs::create_dir(&root).unwrap();
        site(&out, "old");
        // The fallback swap, killed right after moving the old site aside.
        let staging = staging_with(&out, &root, "new");
        let parent = dir.path().canonicalize().unwrap();
        let aside = free_path(&parent, "public.old");
        mark(&out, &aside, Role::Previous).unwrap();
        std::fs::rename(&out, &aside).unwrap();
        let mut killed = staging;
        killed.committed = true; // keeps its folder, as a killed build would
        drop(killed);
        assert!(!out.exists());

        let next = OutDir::open(&out, &root).unwrap();
        assert_eq!(next.recovered(), Some(aside.as_path()));
        assert_eq!(
            std::fs::read_to_string(out.join("de/index.html")).unwrap(),
            "old"
        );
        assert!(!out.join(STAGING_MARKER).exists());
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            left.iter()
                .all(|name| !name.contains(".tmp-") && !name.contains(".old-")),
            "{left:?}"
        );
    }

    #[test]
    fn moving_aside_swaps_and_removes_the_previous_site() {
        let dir = tempfile::tempdir().unwrap();
        let (root, out) = (dir.path().join("site"), dir.path().join("public"));
        std::fs::create_dir(&root).unwrap();
        site(&out, "old");
        let mut staging = staging_with(&out, &root, "new");
        let previous = staging.swap_by_moving().unwrap();
        staging.committed = true;
        assert_eq!(
            std::fs::read_to_string(out.join("de/index.html")).unwrap(),
            "new"
        );
        assert_eq!(marked_role(&previous), Some(Role::Previous));
        remove_marked(&previous).unwrap();
        assert!(!previous.exists());
    }

    #[test]
    fn paths_resolve_through_missing_folders_and_dot_dot() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().canonicalize().unwrap();
        let path = dir.path().join("a/b/../c");
        assert_eq!(resolve(&path).unwrap(), real.join("a/c"));
        assert_eq!(
            overlap(&real.join("site/theme/x"), &real.join("site")).unwrap(),
            format!(
                "lies inside the content folder {}",
                real.join("site/theme").display()
            )
        );
        assert!(overlap(&real.join("public"), &real.join("site")).is_none());
    }
}

/// A [`Sink`] that writes straight into an existing folder, replacing files of the same name
/// and leaving the others: for `brochure`, which adds PDFs to a built site.
#[derive(Debug)]
pub struct Folder(pub PathBuf);

impl Sink for Folder {
    fn put(&self, path: String, bytes: Vec<u8>) -> Result<(), RenderError> {
        self.put_written(path, &|out| out.write_all(&bytes))
    }

    /// Removes the file it replaces first: that may be a link of a brochure cache's PDF, made
    /// by a build, which writing in place would change.
    fn put_written(
        &self,
        path: String,
        write: &dyn Fn(&mut dyn io::Write) -> io::Result<()>,
    ) -> Result<(), RenderError> {
        unlink_old(&self.0, &path)?;
        write_file(&self.0, path, write)
    }

    fn put_copy(&self, path: String, source: &Path) -> Result<(), RenderError> {
        unlink_old(&self.0, &path)?;
        link_or_copy(source, &self.0.join(&path))
            .map_err(|source| RenderError::Write { path, source })
    }
}

/// Removes the file `path` under `dir` if there is one.
fn unlink_old(dir: &Path, path: &str) -> Result<(), RenderError> {
    match std::fs::remove_file(dir.join(path)) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => Err(RenderError::Write {
            path: path.to_owned(),
            source: error,
        }),
        _ => Ok(()),
    }
}

/// Writes a file under `dir` that is named once it is written ([`Sink::put_named`]): into a
/// temporary file beside it first, renamed when `write` has given its path.
fn write_named(dir: &Path, write: NamedWrite<'_>) -> Result<String, RenderError> {
    static WRITING: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = WRITING.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let temporary = dir.join(format!(".steckbrief-writing-{n}"));
    let written = write_buffered(&temporary, write);
    let path = match written {
        Ok(path) => path,
        Err(source) => {
            // Best effort: the staging folder is removed with it anyway.
            let _ = std::fs::remove_file(&temporary);
            let path = temporary.display().to_string();
            return Err(RenderError::Write { path, source });
        }
    };
    let full = dir.join(&path);
    full.parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| std::fs::rename(&temporary, &full))
        .map_err(|source| RenderError::Write {
            path: path.clone(),
            source,
        })?;
    Ok(path)
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
        .and_then(|()| write_buffered(&full, |out| write(out)));
    written.map_err(|source| RenderError::Write { path, source })
}

/// Creates the file at `path` and lets `write` fill it through a buffer. The writers serialise
/// piece by piece (serde_json writes each token on its own): unbuffered, the open data alone took
/// over two million system calls per build.
fn write_buffered<T>(
    path: &Path,
    write: impl FnOnce(&mut dyn io::Write) -> io::Result<T>,
) -> io::Result<T> {
    let mut out = io::BufWriter::with_capacity(1 << 16, File::create(path)?);
    let value = write(&mut out)?;
    out.flush()?;
    Ok(value)
}
