//! PDFs kept between builds, so that an unchanged brochure is not laid out again.
//!
//! A brochure is a pure function of what typst is given: the data as `/data.json`, the images
//! (logos, QR codes), the template files, the fonts, the document id and date, and the versions
//! of typst and of steckbrief, and the steckbrief executable itself (its size and time, so that
//! a rebuilt binary does not reuse PDFs laid out by the one before it, which may differ though
//! the version number does not). [`key`] hashes all of it (SHA-256); a PDF is stored under its key
//! in a folder of the content root ([`CACHE_DIR`], ignored by git) and taken from there the next
//! time the same key comes up. A change to anything the PDF depends on gives another key.
//!
//! An entry is two files: `<key>.pdf`, the PDF itself, and `<key>.entry`, what is known about it
//! (pages, warnings, and the PDF's length, SHA-256 and modification time). A build links the
//! PDF into its output ([`crate::render::Sink::put_copy`]) rather than reading, checking and
//! writing it again; it trusts the PDF if its length and modification time are still those
//! noted, so a PDF changed in place (through such a link, say) is not used but rendered again.
//! Readers of the bytes ([`PdfCache::get`]) check the SHA-256 as well.
//!
//! Both files are written to a temporary file and renamed into place, the PDF first, so a
//! concurrent build sees a whole entry or none (a PDF replaced by another build no longer
//! matches the entry, and is rendered again). The folder is bounded: after each use the entries
//! not used for longest are removed beyond [`MAX_ENTRIES`] or [`MAX_BYTES`]. The cache only ever
//! saves work: if it cannot be read or written, the brochure is rendered as without it.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Pdf;
use super::world::TemplateFile;

/// The cache folder, relative to the content root.
pub const CACHE_DIR: &str = ".steckbrief-cache";

/// Most entries kept: enough for the two variants of a dozen languages in several states (a
/// branch switched back and forth).
pub const MAX_ENTRIES: usize = 64;

/// Most bytes kept (a 1,000-actor brochure is about 15 MB).
pub const MAX_BYTES: u64 = 1 << 30;

/// The first line of every entry; a new format gets a new line, so old entries are not read.
const MAGIC: &[u8] = b"steckbrief brochure cache 2\n";

/// Temporary files of a build that was killed are removed after this long.
const STALE_TEMPORARY: Duration = Duration::from_secs(3600);

/// The brochure cache of one content root.
#[derive(Debug, Clone)]
pub struct PdfCache {
    dir: PathBuf,
}

/// What an entry says about its PDF.
#[derive(Debug, Serialize, Deserialize)]
struct Header {
    pages: usize,
    warnings: Vec<String>,
    /// The PDF's length and SHA-256 (hex), to refuse a damaged entry.
    length: u64,
    sha256: String,
    /// The PDF file's modification time when it was stored (nanoseconds since the epoch, in
    /// decimal): a PDF written to since is not used.
    modified: String,
}

/// A PDF the cache holds, found by its key without reading it.
#[derive(Debug, Clone)]
pub struct Found {
    /// The PDF file, to be linked or copied, never written to.
    pub path: PathBuf,
    /// Its number of pages.
    pub pages: usize,
    /// typst's warnings when it was laid out.
    pub warnings: Vec<String>,
    length: u64,
    sha256: String,
}

impl Found {
    /// The PDF's bytes, if they are still the ones stored (length and SHA-256).
    pub fn read(&self) -> Option<Pdf> {
        let bytes = std::fs::read(&self.path).ok()?;
        if bytes.len() as u64 != self.length || hex(&Sha256::digest(&bytes)) != self.sha256 {
            return None;
        }
        Some(Pdf {
            bytes,
            pages: self.pages,
            warnings: self.warnings.clone(),
        })
    }
}

/// `time` in nanoseconds since the epoch, in decimal.
fn nanos(time: std::io::Result<SystemTime>) -> Option<String> {
    let since = time.ok()?.duration_since(SystemTime::UNIX_EPOCH).ok()?;
    Some(since.as_nanos().to_string())
}

/// Everything a brochure's PDF depends on, as [`super::compile`] receives it.
pub struct Inputs<'a> {
    pub template: &'a [TemplateFile],
    pub files: &'a [(String, Vec<u8>)],
    pub language: &'a str,
    pub ident: &'a str,
    pub as_of: jiff::civil::Date,
    /// The fonts' fingerprint ([`crate::fonts::fingerprint`]).
    pub fonts: &'a [u8],
    /// The QR codes by virtual path and URL: their pixels follow from the URL (and the
    /// executable), so the key needs not wait for them.
    pub codes: &'a [(String, String)],
}

/// The running executable's path, size and modification time, if they can be read.
fn executable() -> &'static str {
    static STAMP: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    STAMP.get_or_init(|| {
        let stamp = || {
            let path = std::env::current_exe().ok()?;
            let metadata = std::fs::metadata(&path).ok()?;
            let modified = metadata.modified().ok()?;
            let since = modified.duration_since(SystemTime::UNIX_EPOCH).ok()?;
            Some(format!(
                "{} {} {}",
                path.display(),
                metadata.len(),
                since.as_nanos()
            ))
        };
        stamp().unwrap_or_default()
    })
}

/// The cache key of `inputs`: SHA-256 (hex) over each input, length-prefixed, and the versions
/// of steckbrief and typst and the bundled fonts.
pub fn key(inputs: &Inputs<'_>) -> String {
    let mut hash = Sha256::new();
    let mut field = |bytes: &[u8]| {
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(bytes);
    };
    field(MAGIC);
    field(env!("CARGO_PKG_VERSION").as_bytes());
    field(typst::utils::version().raw().as_bytes());
    field(executable().as_bytes());
    field(inputs.fonts);
    field(inputs.language.as_bytes());
    field(inputs.ident.as_bytes());
    field(inputs.as_of.to_string().as_bytes());
    for file in inputs.template {
        field(file.path.as_bytes());
        field(file.text.as_bytes());
    }
    for (path, bytes) in inputs.files {
        field(path.as_bytes());
        field(bytes);
    }
    field(b"qr codes");
    for (path, url) in inputs.codes {
        field(path.as_bytes());
        field(url.as_bytes());
    }
    hex(&hash.finalize())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl PdfCache {
    /// The cache of the content under `root` (the folder is made when the first entry is
    /// stored).
    pub fn of_root(root: &Path) -> PdfCache {
        PdfCache {
            dir: root.join(CACHE_DIR).join("brochures"),
        }
    }

    /// The folder the entries are in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn entry(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.entry"))
    }

    fn pdf(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.pdf"))
    }

    /// The PDF stored under `key`, if there is a whole one whose file has not been written to
    /// since (see [`Found`]); its bytes are not read. Marks it as used.
    pub fn find(&self, key: &str) -> Option<Found> {
        let path = self.entry(key);
        let bytes = std::fs::read(&path).ok()?;
        let rest = bytes.strip_prefix(MAGIC)?;
        let end = rest.iter().position(|&b| b == b'\n')?;
        let header: Header = serde_json::from_slice(&rest[..end]).ok()?;
        let pdf = self.pdf(key);
        let metadata = std::fs::symlink_metadata(&pdf).ok()?;
        if !metadata.is_file()
            || metadata.len() != header.length
            || nanos(metadata.modified()).as_deref() != Some(header.modified.as_str())
        {
            return None;
        }
        // Used now: pruning removes the entries not used for longest. The entry file is
        // marked, not the PDF, whose time proves it unchanged.
        if let Ok(file) = std::fs::File::options().append(true).open(&path) {
            let _ = file.set_modified(SystemTime::now());
        }
        Some(Found {
            path: pdf,
            pages: header.pages,
            warnings: header.warnings,
            length: header.length,
            sha256: header.sha256,
        })
    }

    /// The PDF stored under `key`, read and checked against its SHA-256, if there is a whole and
    /// undamaged one. Marks it as used.
    pub fn get(&self, key: &str) -> Option<Pdf> {
        self.find(key)?.read()
    }

    /// Stores `pdf` under `key`: each file written beside and renamed into place, the PDF
    /// first, so that readers see the whole entry or none.
    pub fn put(&self, key: &str, pdf: &Pdf) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let modified = self.write_renamed(key, &self.pdf(key), &pdf.bytes)?;
        let header = Header {
            pages: pdf.pages,
            warnings: pdf.warnings.clone(),
            length: pdf.bytes.len() as u64,
            sha256: hex(&Sha256::digest(&pdf.bytes)),
            modified: nanos(modified).unwrap_or_default(),
        };
        let mut entry = MAGIC.to_vec();
        serde_json::to_writer(&mut entry, &header)?;
        entry.push(b'\n');
        // The entry's own time is not needed: it changes with every use.
        self.write_renamed(key, &self.entry(key), &entry).map(drop)
    }

    /// Writes `bytes` to a temporary file of `key` and renames it to `path`; returns its
    /// modification time as written.
    fn write_renamed(
        &self,
        key: &str,
        path: &Path,
        bytes: &[u8],
    ) -> std::io::Result<std::io::Result<SystemTime>> {
        static TEMPORARY: AtomicUsize = AtomicUsize::new(0);
        let temporary = self.dir.join(format!(
            "{key}.{}.{}.tmp",
            std::process::id(),
            TEMPORARY.fetch_add(1, Ordering::Relaxed)
        ));
        let written = (|| {
            let mut file = std::fs::File::create(&temporary)?;
            file.write_all(bytes)?;
            file.sync_all()?;
            // Read from the file written, not the path: another build may rename its own
            // file there meanwhile.
            let modified = file.metadata().and_then(|m| m.modified());
            std::fs::rename(&temporary, path)?;
            Ok(modified)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&temporary);
        }
        written
    }

    /// Removes the entries not used for longest beyond [`MAX_ENTRIES`] or [`MAX_BYTES`], never
    /// one of `keep`, and temporary files and PDFs without an entry left by a killed build.
    pub fn prune(&self, keep: &[String]) {
        let Ok(read) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let now = SystemTime::now();
        let stale =
            |time: SystemTime| now.duration_since(time).unwrap_or_default() > STALE_TEMPORARY;
        // By key: when the entry was last used, and the bytes of entry and PDF.
        let mut entries: std::collections::HashMap<String, (Option<SystemTime>, u64)> =
            std::collections::HashMap::new();
        let mut pdfs = Vec::new();
        for item in read.flatten() {
            let path = item.path();
            let Ok(metadata) = item.metadata() else {
                continue;
            };
            let modified = metadata.modified().unwrap_or(SystemTime::UNIX_EPOCH);
            let (Some(stem), Some(extension)) = (
                path.file_stem().and_then(|s| s.to_str()),
                path.extension().and_then(|e| e.to_str()),
            ) else {
                continue;
            };
            match extension {
                "tmp" if stale(modified) => {
                    let _ = std::fs::remove_file(&path);
                }
                "entry" | "pdf" => {
                    let entry = entries.entry(stem.to_owned()).or_default();
                    entry.1 += metadata.len();
                    if extension == "entry" {
                        entry.0 = Some(modified);
                    } else {
                        pdfs.push((stem.to_owned(), modified));
                    }
                }
                _ => {}
            }
        }
        // A PDF whose entry never came (or went): removed once no build can be writing it.
        for (stem, modified) in pdfs {
            if entries.get(&stem).is_some_and(|(used, _)| used.is_none()) && stale(modified) {
                let _ = std::fs::remove_file(self.pdf(&stem));
                entries.remove(&stem);
            }
        }
        let is_kept = |stem: &str| keep.iter().any(|k| k == stem);
        let mut entries: Vec<(String, SystemTime, u64)> = entries
            .into_iter()
            .map(|(stem, (used, length))| (stem, used.unwrap_or(now), length))
            .collect();
        // The ones in use first (never removed), then the most recently used.
        entries.sort_by_cached_key(|(stem, used, _)| (!is_kept(stem), std::cmp::Reverse(*used)));
        let (mut count, mut bytes) = (0, 0);
        for (stem, _, length) in entries {
            count += 1;
            bytes += length;
            if (count > MAX_ENTRIES || bytes > MAX_BYTES) && !is_kept(&stem) {
                // The entry first: a PDF without one is never used.
                let _ = std::fs::remove_file(self.entry(&stem));
                let _ = std::fs::remove_file(self.pdf(&stem));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pdf(bytes: &[u8]) -> Pdf {
        Pdf {
            bytes: bytes.to_vec(),
            pages: 4,
            warnings: vec!["a warning".into()],
        }
    }

    #[test]
    fn an_entry_comes_back_whole_and_a_changed_one_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let cache = PdfCache::of_root(dir.path());
        assert!(cache.find("abc").is_none(), "nothing stored yet");
        cache.put("abc", &pdf(b"%PDF-1.7 body")).unwrap();
        let back = cache.get("abc").unwrap();
        assert_eq!(back.bytes, b"%PDF-1.7 body");
        assert_eq!((back.pages, back.warnings.len()), (4, 1));
        let found = cache.find("abc").unwrap();
        assert_eq!(std::fs::read(&found.path).unwrap(), b"%PDF-1.7 body");
        // The entry and its PDF, no temporary files.
        let names: Vec<_> = std::fs::read_dir(cache.dir()).unwrap().flatten().collect();
        assert_eq!(names.len(), 2);
        // One byte of the PDF changed in place (through a link in an output, say): its new
        // modification time refuses it.
        let path = cache.pdf("abc");
        let stored = std::fs::metadata(&path).unwrap().modified().unwrap();
        let mut bytes = std::fs::read(&path).unwrap();
        *bytes.last_mut().unwrap() ^= 1;
        let mut file = std::fs::File::options().write(true).open(&path).unwrap();
        file.write_all(&bytes).unwrap();
        file.set_modified(stored + Duration::from_millis(1))
            .unwrap();
        assert!(cache.find("abc").is_none() && cache.get("abc").is_none());
        // Its time set back by hand: a link is made on length and time, but a read checks the
        // SHA-256.
        file.set_modified(stored).unwrap();
        assert!(cache.find("abc").is_some());
        assert!(cache.get("abc").is_none());
        // Cut short (a full disk): refused as well.
        file.set_len(bytes.len() as u64 - 3).unwrap();
        file.set_modified(stored).unwrap();
        assert!(cache.find("abc").is_none());
    }

    #[test]
    fn pruning_keeps_the_newest_and_the_ones_in_use() {
        let dir = tempfile::tempdir().unwrap();
        let cache = PdfCache::of_root(dir.path());
        let keys: Vec<String> = (0..MAX_ENTRIES + 5).map(|i| format!("k{i:03}")).collect();
        let start = SystemTime::now() - Duration::from_secs(10_000);
        for (i, key) in keys.iter().enumerate() {
            cache.put(key, &pdf(b"%PDF")).unwrap();
            let file = std::fs::File::options()
                .append(true)
                .open(cache.entry(key))
                .unwrap();
            file.set_modified(start + Duration::from_secs(i as u64))
                .unwrap();
        }
        // The oldest entry is in use by this build.
        cache.prune(&[keys[0].clone()]);
        let left: Vec<bool> = keys.iter().map(|k| cache.entry(k).exists()).collect();
        assert_eq!(left.iter().filter(|&&l| l).count(), MAX_ENTRIES);
        assert!(left[0], "in use");
        assert!(!left[1] && !left[5], "oldest unused ones removed");
        assert!(!cache.pdf(&keys[1]).exists(), "with their PDFs");
        assert!(left[6] && left[MAX_ENTRIES + 4], "newest kept");
    }

    #[test]
    fn every_input_changes_the_key() {
        let template = [TemplateFile {
            path: "templates/brochure.typ",
            text: "= A".into(),
        }];
        let files = [("/data.json".to_owned(), b"{}".to_vec())];
        let date = jiff::civil::Date::new(2026, 1, 2).unwrap();
        let base = Inputs {
            template: &template,
            files: &files,
            language: "de",
            ident: "x",
            as_of: date,
            fonts: b"fonts",
            codes: &[],
        };
        let codes = [("/qr/x".to_owned(), "https://example.org/".to_owned())];
        let other_template = [TemplateFile {
            path: "templates/brochure.typ",
            text: "= B".into(),
        }];
        let other_files = [("/data.json".to_owned(), b"{ }".to_vec())];
        let keys = [
            key(&base),
            key(&Inputs {
                template: &other_template,
                ..base
            }),
            key(&Inputs {
                files: &other_files,
                ..base
            }),
            key(&Inputs {
                language: "en",
                ..base
            }),
            key(&Inputs { ident: "y", ..base }),
            key(&Inputs {
                as_of: jiff::civil::Date::new(2026, 1, 3).unwrap(),
                ..base
            }),
            key(&Inputs {
                fonts: b"other fonts",
                ..base
            }),
            key(&Inputs {
                codes: &codes,
                ..base
            }),
        ];
        let distinct: std::collections::BTreeSet<_> = keys.iter().collect();
        assert_eq!(distinct.len(), keys.len());
        assert_eq!(key(&base), keys[0], "the same inputs, the same key");
    }
}
