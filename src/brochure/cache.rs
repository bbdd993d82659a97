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
//! Entries are written to a temporary file and renamed into place, so a concurrent build sees a
//! whole entry or none; each entry carries the SHA-256 of its PDF, so a damaged entry is not
//! used but rendered again. The folder is bounded: after each use the entries not used for
//! longest are removed beyond [`MAX_ENTRIES`] or [`MAX_BYTES`]. The cache only ever saves work:
//! if it cannot be read or written, the brochure is rendered as without it.

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
const MAGIC: &[u8] = b"steckbrief brochure cache 1\n";

/// Temporary files of a build that was killed are removed after this long.
const STALE_TEMPORARY: Duration = Duration::from_secs(3600);

/// The brochure cache of one content root.
#[derive(Debug, Clone)]
pub struct PdfCache {
    dir: PathBuf,
}

/// What an entry says about its PDF, before the PDF's bytes.
#[derive(Debug, Serialize, Deserialize)]
struct Header {
    pages: usize,
    warnings: Vec<String>,
    /// The PDF's length and SHA-256 (hex), to refuse a damaged entry.
    length: usize,
    sha256: String,
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

    /// The PDF stored under `key`, if there is a whole and undamaged one. Marks it as used.
    pub fn get(&self, key: &str) -> Option<Pdf> {
        let path = self.entry(key);
        let bytes = std::fs::read(&path).ok()?;
        let rest = bytes.strip_prefix(MAGIC)?;
        let end = rest.iter().position(|&b| b == b'\n')?;
        let header: Header = serde_json::from_slice(&rest[..end]).ok()?;
        let pdf = &rest[end + 1..];
        if pdf.len() != header.length || hex(&Sha256::digest(pdf)) != header.sha256 {
            return None;
        }
        // Used now: pruning removes the entries not used for longest.
        if let Ok(file) = std::fs::File::options().append(true).open(&path) {
            let _ = file.set_modified(SystemTime::now());
        }
        Some(Pdf {
            bytes: pdf.to_vec(),
            pages: header.pages,
            warnings: header.warnings,
        })
    }

    /// Stores `pdf` under `key`: written beside and renamed into place, so that readers see the
    /// whole entry or none.
    pub fn put(&self, key: &str, pdf: &Pdf) -> std::io::Result<()> {
        static TEMPORARY: AtomicUsize = AtomicUsize::new(0);
        std::fs::create_dir_all(&self.dir)?;
        let header = Header {
            pages: pdf.pages,
            warnings: pdf.warnings.clone(),
            length: pdf.bytes.len(),
            sha256: hex(&Sha256::digest(&pdf.bytes)),
        };
        let temporary = self.dir.join(format!(
            "{key}.{}.{}.tmp",
            std::process::id(),
            TEMPORARY.fetch_add(1, Ordering::Relaxed)
        ));
        let written = (|| {
            let mut file = std::fs::File::create(&temporary)?;
            file.write_all(MAGIC)?;
            serde_json::to_writer(&mut file, &header)?;
            file.write_all(b"\n")?;
            file.write_all(&pdf.bytes)?;
            file.sync_all()?;
            std::fs::rename(&temporary, self.entry(key))
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&temporary);
        }
        written
    }

    /// Removes the entries not used for longest beyond [`MAX_ENTRIES`] or [`MAX_BYTES`], never
    /// one of `keep`, and temporary files left by a killed build.
    pub fn prune(&self, keep: &[String]) {
        let Ok(read) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let now = SystemTime::now();
        let mut entries = Vec::new();
        for item in read.flatten() {
            let path = item.path();
            let Ok(metadata) = item.metadata() else {
                continue;
            };
            let used = metadata.modified().unwrap_or(SystemTime::UNIX_EPOCH);
            match path.extension().and_then(|e| e.to_str()) {
                Some("tmp") if now.duration_since(used).unwrap_or_default() > STALE_TEMPORARY => {
                    let _ = std::fs::remove_file(&path);
                }
                Some("entry") => entries.push((used, metadata.len(), path)),
                _ => {}
            }
        }
        let is_kept = |path: &Path| {
            path.file_stem()
                .and_then(|s| s.to_str())
                .is_some_and(|stem| keep.iter().any(|k| k == stem))
        };
        // The ones in use first (never removed), then the most recently used.
        entries.sort_by_cached_key(|(used, _, path)| (!is_kept(path), std::cmp::Reverse(*used)));
        let (mut count, mut bytes) = (0, 0);
        for (_, length, path) in entries {
            count += 1;
            bytes += length;
            if (count > MAX_ENTRIES || bytes > MAX_BYTES) && !is_kept(&path) {
                let _ = std::fs::remove_file(&path);
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
    fn an_entry_comes_back_whole_and_a_damaged_one_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let cache = PdfCache::of_root(dir.path());
        assert!(cache.get("abc").is_none(), "nothing stored yet");
        cache.put("abc", &pdf(b"%PDF-1.7 body")).unwrap();
        let back = cache.get("abc").unwrap();
        assert_eq!(back.bytes, b"%PDF-1.7 body");
        assert_eq!((back.pages, back.warnings.len()), (4, 1));
        // One byte of the PDF changed: the checksum refuses the entry.
        let path = cache.entry("abc");
        let mut bytes = std::fs::read(&path).unwrap();
        *bytes.last_mut().unwrap() ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        assert!(cache.get("abc").is_none());
        // Cut short (a full disk): refused as well.
        std::fs::write(&path, &bytes[..bytes.len() - 3]).unwrap();
        assert!(cache.get("abc").is_none());
        // No temporary files are left.
        let names: Vec<_> = std::fs::read_dir(cache.dir()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1);
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
