//! What `serve` keeps from one check of a content root to the next, so that a save re-checks only
//! what it changed.
//!
//! Checking one file (reading it, YAML syntax, schema, typed value) depends on nothing but its
//! path and its text, and checking one actor folder (profile and translations against the rules
//! taken from config.yaml) on nothing but those files, the rules and its logo. Both results are
//! kept and reused while their inputs stay the same; the rules that look across files (unique
//! folder names, reserved names, pages, the catalogue's order) run over the whole set every time.
//! A [`CheckCache`] only ever saves work: a check gives the same diagnostics and the same
//! catalogue with a new cache, a warm one or one left from a different state of the files.
//!
//! A file counts as unchanged while its size, times and inode are those seen when it was read,
//! unless it changed so shortly before it was read that a second change could have kept all of
//! them ("racily clean", as git calls it: timestamps are only as fine as the file system's clock).
//! Such a file is read again and compared by its text.
//!
//! Comparing the metadata of every file still costs a walk of `actors/` and a `stat` per file
//! (some 20 ms at 1,000 actors). `serve` knows from its file watcher which paths changed, and
//! tells the cache ([`CheckCache::assume_only_changed`]): the check then compares only those
//! and takes the rest as it was. `serve` compares everything again once saving has paused
//! for a second, so that a change the watcher missed still shows.

use std::collections::{HashMap, HashSet};
use std::fs::Metadata;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use serde::de::DeserializeOwned;

use crate::catalog::Actor;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::{ActorFolder, Loaded, Walk};
use crate::model::numbers::ImportantNumbers;
use crate::model::{Profile, Translation};
use crate::schema::{DocumentKind, Schemas};
use crate::source::SourceFile;
use crate::validate::Rules;

/// How long after its last change a file's metadata is trusted to show the next change. Covers
/// the coarsest timestamps in use (FAT: 2 s) plus the lag of the kernel's coarse clock.
const RACY_WINDOW: Duration = Duration::from_secs(3);

/// Everything reusable from earlier checks of one content root; see the module documentation.
/// `check` starts from an empty one, `serve` keeps one for as long as it runs.
#[derive(Default)]
pub struct CheckCache {
    root: Option<PathBuf>,
    pub(crate) schemas: Schemas,
    pub(crate) files: FileCaches,
    pub(crate) actors: ActorCache,
}

/// What the last check had to do afresh.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Work {
    /// Whether it walked `actors/` (rather than reusing the last walk, see
    /// [`CheckCache::assume_only_changed`]).
    pub walked: bool,
    /// Whether that walk found other files or problems than the walk before.
    pub walk_changed: bool,
    /// Whether it took files as unchanged without looking, on the word of
    /// [`CheckCache::assume_only_changed`].
    pub assumed: bool,
    /// Files whose metadata it compared with the cache, or that it read.
    pub files_verified: usize,
    /// Files read, parsed and validated against their schema (the others were unchanged).
    pub files_parsed: usize,
    /// Actor folders whose rules were checked (the others had unchanged files and rules).
    pub actors_checked: usize,
}

impl CheckCache {
    /// A cache for one check that nothing will follow (the commands other than `serve`): it
    /// does not copy the actors' results for a next check.
    pub fn single_use() -> Self {
        let mut cache = CheckCache::default();
        cache.actors.single_use = true;
        cache.files.single_use = true;
        cache
    }

    /// Prepares for a check of `root`: a different root starts from nothing.
    pub(crate) fn start(&mut self, root: &Path) {
        if self.root.as_deref() != Some(root) {
            self.root = Some(root.to_path_buf());
            self.files = FileCaches {
                single_use: self.files.single_use,
                ..FileCaches::default()
            };
            self.actors = ActorCache {
                single_use: self.actors.single_use,
                ..ActorCache::default()
            };
        }
        self.files.parsed = 0;
        self.files.verified = 0;
        self.files.walked = false;
        self.files.walk_changed = false;
        self.files.reused_walk = false;
        self.actors.checked = 0;
    }

    /// What the last check had to do afresh.
    pub fn last_work(&self) -> Work {
        Work {
            walked: self.files.walked,
            walk_changed: self.files.walk_changed,
            assumed: self.files.reused_walk,
            files_verified: self.files.verified,
            files_parsed: self.files.parsed,
            actors_checked: self.actors.checked,
        }
    }

    /// Tells the next check that, of the files and folders under `actors/`, at most `paths`
    /// changed since this cache's last check began: what a file watcher reported. The next check
    /// then reuses the last walk of `actors/` and compares only those files with the cache,
    /// taking the others as they were. It falls back to the full walk and comparison if a path
    /// tells of more than changed text (a file or folder under `actors/` added, removed or
    /// renamed), or if `actors/` holds symbolic links or unreadable entries, under which a file
    /// can change without its own path being reported.
    ///
    /// A change the watcher did not report goes unseen by that check; the next check without
    /// this call sees it. config.yaml, content/ and i18n/ are compared in every check. Calls
    /// before one check add up.
    pub fn assume_only_changed(&mut self, paths: impl IntoIterator<Item = PathBuf>) {
        // Paths told for a check that did not get to use them (config.yaml was missing) still
        // count.
        self.files
            .assumed
            .get_or_insert_with(HashSet::new)
            .extend(paths);
    }

    /// Undoes [`CheckCache::assume_only_changed`]: the next check compares every file (say,
    /// after the watcher lost events).
    pub fn assume_anything_changed(&mut self) {
        self.files.assumed = None;
    }
}

/// The per-file part of a [`CheckCache`], one cache per kind of file.
#[derive(Default)]
pub struct FileCaches {
    pub(crate) config: FileCache<Config>,
    pub(crate) profiles: FileCache<Profile>,
    pub(crate) translations: FileCache<Translation>,
    pub(crate) numbers: FileCache<ImportantNumbers>,
    /// The last walk of `actors/`.
    walk: Option<Arc<Walk>>,
    /// The only paths changed since the last check, if known
    /// ([`CheckCache::assume_only_changed`]).
    assumed: Option<HashSet<PathBuf>>,
    /// Whether the current check walked `actors/`, and found something else than before.
    pub(crate) walked: bool,
    pub(crate) walk_changed: bool,
    /// Whether the current check reused the last walk, trusting the assumed changes.
    pub(crate) reused_walk: bool,
    /// Files compared or read in the current check.
    pub(crate) verified: usize,
    /// Files parsed afresh in the current check.
    pub(crate) parsed: usize,
    /// Keep no profiles or translations: see [`CheckCache::single_use`].
    pub(crate) single_use: bool,
}

impl FileCaches {
    /// The walk of `actors/` for the current check: the last one if the paths assumed changed
    /// leave it as it was, then also the set of those paths (every other file is unchanged);
    /// otherwise a new walk.
    pub(crate) fn walk(
        &mut self,
        root: &Path,
        actors_dir: &Path,
    ) -> (Arc<Walk>, Option<HashSet<PathBuf>>) {
        let assumed = self.assumed.take();
        if let (Some(walk), Some(assumed)) = (&self.walk, assumed)
            && !walk.indirect
            && assumed
                .iter()
                .all(|path| !path.starts_with(actors_dir) || Self::same_entry(walk, path))
        {
            self.reused_walk = true;
            return (Arc::clone(walk), Some(assumed));
        }
        let walk = Arc::new(crate::load::discover(root, actors_dir));
        self.walk_changed = self.walk.as_ref().is_none_or(|last| {
            last.folders != walk.folders || last.diagnostics != walk.diagnostics
        });
        self.walk = Some(Arc::clone(&walk));
        self.walked = true;
        (walk, None)
    }

    /// Whether a change reported at `path` leaves the walk as it was: the path is a file the walk
    /// found and still a file, or was neither found nor exists now (it came and went, as editors'
    /// temporary files do).
    fn same_entry(walk: &Walk, path: &Path) -> bool {
        let now = std::fs::symlink_metadata(path);
        match walk.seen.get(path) {
            Some(false) => now.is_ok_and(|m| m.is_file()),
            Some(true) => false,
            None => now.is_err(),
        }
    }

    /// Checks a file that is the only one of its kind (config.yaml, numbers.yaml) with the
    /// cache `pick` selects, counting it in this check's work (see [`FileCache::check_alone`]).
    pub(crate) fn check_single<T: DeserializeOwned>(
        &mut self,
        pick: fn(&mut FileCaches) -> &mut FileCache<T>,
        root: &Path,
        path: &Path,
        kind: DocumentKind,
        schemas: &Schemas,
        diagnostics: &mut Diagnostics,
    ) -> Option<Arc<Loaded<T>>> {
        let (loaded, parsed) = pick(self).check_alone(root, path, kind, schemas, diagnostics);
        self.parsed += usize::from(parsed);
        self.verified += 1;
        loaded
    }
}

/// The size, times and identity of a file, which change whenever its content does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    /// Device, inode and status-change time (seconds, nanoseconds): a file replaced by another
    /// (editors that save by renaming) or with its modification time set back still shows.
    #[cfg(unix)]
    unix: (u64, u64, i64, i64),
}

impl Stamp {
    fn of(metadata: &Metadata) -> Stamp {
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        Stamp {
            len: metadata.len(),
            modified: metadata.modified().ok(),
            #[cfg(unix)]
            unix: (
                metadata.dev(),
                metadata.ino(),
                metadata.ctime(),
                metadata.ctime_nsec(),
            ),
        }
    }

    /// When the file last changed: its status-change time where there is one (no tool can set it
    /// back), else its modification time.
    fn changed(&self) -> Option<SystemTime> {
        #[cfg(unix)]
        {
            let (_, _, seconds, nanoseconds) = self.unix;
            let seconds = u64::try_from(seconds).ok()?;
            let nanoseconds = u32::try_from(nanoseconds).ok()?;
            SystemTime::UNIX_EPOCH.checked_add(Duration::new(seconds, nanoseconds))
        }
        #[cfg(not(unix))]
        {
            self.modified
        }
    }
}

/// The outcome of checking one file on its own.
pub(crate) enum Outcome<T> {
    Loaded(Arc<Loaded<T>>),
    /// The file had errors; its text is kept to recognise it when it is read again.
    Failed(Arc<(String, Vec<Diagnostic>)>),
}

impl<T> Clone for Outcome<T> {
    fn clone(&self) -> Self {
        match self {
            Outcome::Loaded(loaded) => Outcome::Loaded(Arc::clone(loaded)),
            Outcome::Failed(failed) => Outcome::Failed(Arc::clone(failed)),
        }
    }
}

impl<T> Outcome<T> {
    fn text(&self) -> &str {
        match self {
            Outcome::Loaded(loaded) => &loaded.file.text,
            Outcome::Failed(failed) => &failed.0,
        }
    }
}

/// A kept outcome with the stamp the file had when it was read.
pub(crate) struct Entry<T> {
    stamp: Stamp,
    /// When the file was read (taken before reading).
    read_at: SystemTime,
    outcome: Outcome<T>,
}

impl<T> Clone for Entry<T> {
    fn clone(&self) -> Self {
        Entry {
            stamp: self.stamp,
            read_at: self.read_at,
            outcome: self.outcome.clone(),
        }
    }
}

impl<T> Entry<T> {
    /// Whether `path` certainly still has the text this entry was made from.
    fn is_current(&self, path: &Path) -> bool {
        let Ok(metadata) = std::fs::metadata(path) else {
            return false;
        };
        Stamp::of(&metadata) == self.stamp
            && self
                .stamp
                .changed()
                .and_then(|changed| changed.checked_add(RACY_WINDOW))
                .is_some_and(|settled| settled < self.read_at)
    }
}

/// One file's result in a check: its loaded form (if it had no errors), its diagnostics, and
/// the entry to keep for the next check.
pub(crate) struct FileResult<T> {
    pub loaded: Option<Arc<Loaded<T>>>,
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the file was parsed afresh.
    pub parsed: bool,
    /// Whether the file's metadata was compared, or the file read.
    pub verified: bool,
    pub entry: Option<(PathBuf, Entry<T>)>,
}

/// The outcomes of one kind of file, by path.
pub(crate) struct FileCache<T> {
    entries: HashMap<PathBuf, Entry<T>>,
}

impl<T> Default for FileCache<T> {
    fn default() -> Self {
        FileCache {
            entries: HashMap::new(),
        }
    }
}

impl<T: DeserializeOwned> FileCache<T> {
    /// Checks the file at `path`, reusing the kept outcome if the file is unchanged, or without
    /// looking if `trusted` (see [`CheckCache::assume_only_changed`]). Only reads the cache, so
    /// that files can be checked in parallel; [`FileCache::keep`] stores.
    pub fn check(
        &self,
        root: &Path,
        path: &Path,
        kind: DocumentKind,
        schemas: &Schemas,
        trusted: bool,
    ) -> FileResult<T> {
        let kept = self.entries.get(path);
        if let Some(entry) = kept.filter(|entry| trusted || entry.is_current(path)) {
            let mut result = FileResult::from_entry(path, entry.clone(), false);
            result.verified = !trusted;
            return result;
        }
        let read_at = SystemTime::now();
        let (file, metadata) = match SourceFile::read_with_metadata(root, path) {
            Ok(read) => read,
            Err(diagnostic) => {
                return FileResult {
                    loaded: None,
                    diagnostics: vec![*diagnostic],
                    parsed: false,
                    verified: true,
                    entry: None,
                };
            }
        };
        let stamp = Stamp::of(&metadata);
        let (outcome, parsed) = match kept {
            Some(entry) if entry.outcome.text() == file.text => (entry.outcome.clone(), false),
            _ => match crate::load::parse_file::<T>(file, kind, schemas) {
                Ok(loaded) => (Outcome::Loaded(Arc::new(loaded)), true),
                Err((file, problems)) => (Outcome::Failed(Arc::new((file.text, problems))), true),
            },
        };
        let entry = Entry {
            stamp,
            read_at,
            outcome,
        };
        FileResult::from_entry(path, entry, parsed)
    }

    /// Replaces the kept outcomes by those of the files of this check.
    pub fn keep(&mut self, entries: impl IntoIterator<Item = (PathBuf, Entry<T>)>) {
        self.entries = entries.into_iter().collect();
    }

    /// Checks a file that is the only one of its kind (config.yaml, numbers.yaml), keeping its
    /// outcome and pushing its diagnostics; returns it if it loaded, and whether it was parsed.
    pub fn check_alone(
        &mut self,
        root: &Path,
        path: &Path,
        kind: DocumentKind,
        schemas: &Schemas,
        diagnostics: &mut Diagnostics,
    ) -> (Option<Arc<Loaded<T>>>, bool) {
        let result = self.check(root, path, kind, schemas, false);
        diagnostics.extend(result.diagnostics);
        self.keep(result.entry);
        (result.loaded, result.parsed)
    }
}

impl<T> FileResult<T> {
    fn from_entry(path: &Path, entry: Entry<T>, parsed: bool) -> Self {
        let (loaded, diagnostics) = match &entry.outcome {
            Outcome::Loaded(loaded) => (Some(Arc::clone(loaded)), loaded.problems.clone()),
            Outcome::Failed(failed) => (None, failed.1.clone()),
        };
        FileResult {
            loaded,
            diagnostics,
            parsed,
            verified: true,
            entry: Some((path.to_path_buf(), entry)),
        }
    }
}

/// The results of the rules for one actor folder, with the inputs they came from.
pub(crate) struct ActorEntry {
    slug: String,
    relative_dir: PathBuf,
    profile: Arc<Loaded<Profile>>,
    translations: Vec<(String, Arc<Loaded<Translation>>)>,
    actor: Option<Arc<Actor>>,
    diagnostics: Vec<Diagnostic>,
}

/// The per-actor part of a [`CheckCache`]: the results of the rules for each actor folder,
/// valid for one set of [`Rules`].
#[derive(Default)]
pub struct ActorCache {
    rules: Option<Rules>,
    entries: HashMap<PathBuf, ActorEntry>,
    /// Actor folders checked afresh in the current check.
    pub(crate) checked: usize,
    /// Keep nothing: see [`CheckCache::single_use`].
    single_use: bool,
}

impl ActorCache {
    /// Forgets every result if the rules differ from those they were made under.
    pub(crate) fn use_rules(&mut self, rules: &Rules) {
        if self.rules.as_ref() != Some(rules) {
            self.entries.clear();
            self.rules = Some(rules.clone());
        }
    }

    /// The kept result for `folder` if its files are the very ones it was made from (the actor
    /// shared, not copied).
    pub(crate) fn get(
        &self,
        folder: &ActorFolder,
    ) -> Option<(Option<Arc<Actor>>, Vec<Diagnostic>)> {
        let entry = self.entries.get(&folder.dir)?;
        let same = entry.slug == folder.slug
            && entry.relative_dir == folder.relative_dir
            && Arc::ptr_eq(&entry.profile, &folder.profile)
            && entry.translations.len() == folder.translations.len()
            && entry
                .translations
                .iter()
                .zip(&folder.translations)
                .all(|((a, x), (b, y))| a == b && Arc::ptr_eq(x, y));
        same.then(|| (entry.actor.clone(), entry.diagnostics.clone()))
    }

    /// The entry to keep for `folder` and the result of its rules, if it can be reused: actors
    /// with a logo are checked every time, as the logo is a file no entry covers.
    pub(crate) fn entry(
        &self,
        folder: &ActorFolder,
        actor: &Option<Arc<Actor>>,
        diagnostics: &[Diagnostic],
    ) -> Option<ActorEntry> {
        let reusable = !self.single_use && folder.profile.value.logo.is_none();
        reusable.then(|| ActorEntry {
            slug: folder.slug.clone(),
            relative_dir: folder.relative_dir.clone(),
            profile: Arc::clone(&folder.profile),
            translations: folder
                .translations
                .iter()
                .map(|(language, loaded)| (language.clone(), Arc::clone(loaded)))
                .collect(),
            actor: actor.clone(),
            diagnostics: diagnostics.to_vec(),
        })
    }

    /// Takes the kept entry of the actor folder `dir` (to keep it for the next check).
    pub(crate) fn take(&mut self, dir: &Path) -> Option<ActorEntry> {
        self.entries.remove(dir)
    }

    /// Replaces the kept results by those of this check's actor folders.
    pub(crate) fn keep(&mut self, entries: impl IntoIterator<Item = (PathBuf, ActorEntry)>) {
        self.entries = entries.into_iter().collect();
    }
}
