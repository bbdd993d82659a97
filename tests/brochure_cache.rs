//! The brochure cache only saves work: a build that takes brochures from it writes the same bytes
//! as one that lays every brochure out (`--no-cache`), it really takes them from there (linked
//! into the output), a PDF changed through such a link is not used again, and a change to the
//! data or the template lays the brochure out anew.

mod common;

use std::collections::BTreeMap;
use std::io::Write as _;
use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use sha2::{Digest, Sha256};

/// A copy of the example content with two brochure languages (one right to left), each with
/// its print variant.
fn example_copy() -> tempfile::TempDir {
    common::example_copy_with(|config| {
        let languages = "  languages: [de, en, ar, uk, fa, tr, de-x-ls]\n";
        assert!(config.contains(languages), "config.yaml changed");
        config.replace(languages, "  languages: [de, ar]\n")
    })
}

/// Builds `root` into `out` (with `extra` arguments) and returns the PDFs written and what the
/// build printed.
fn build(root: &Path, out: &Path, extra: &[&str]) -> (BTreeMap<PathBuf, Vec<u8>>, String) {
    let mut args = vec![
        "build",
        "--root",
        root.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--verbose",
    ];
    args.extend(extra);
    let output = common::steckbrief_ok(&args);
    let pdfs: BTreeMap<_, _> = common::files(out)
        .into_iter()
        .filter(|(path, _)| path.extension().is_some_and(|e| e == "pdf"))
        .collect();
    assert_eq!(pdfs.len(), 4, "de and ar, screen and print: {pdfs:?}");
    (pdfs, String::from_utf8_lossy(&output.stderr).into_owned())
}

/// Every file in the brochure cache of `root`.
fn cache_files(root: &Path) -> Vec<PathBuf> {
    let dir = root.join(".steckbrief-cache/brochures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// The entry files of the brochure cache of `root` (each beside its PDF).
fn entries(root: &Path) -> Vec<PathBuf> {
    cache_files(root)
        .into_iter()
        .filter(|path| path.extension().is_some_and(|x| x == "entry"))
        .collect()
}

/// `path`'s modification time as the cache notes it.
fn nanos(path: &Path) -> String {
    let modified = std::fs::metadata(path).unwrap().modified().unwrap();
    let since = modified.duration_since(SystemTime::UNIX_EPOCH).unwrap();
    since.as_nanos().to_string()
}

#[test]
fn cached_builds_write_the_same_pdfs_and_changes_lay_them_out_anew() {
    let content = example_copy();
    let root = content.path();
    let outs = tempfile::tempdir().unwrap();
    let out = |name: &str| outs.path().join(name);

    // Cold: nothing to take; every PDF laid out and stored.
    let (cold, printed) = build(root, &out("cold"), &[]);
    assert!(!printed.contains("from"), "{printed}");
    assert_eq!(entries(root).len(), 4, "one entry per PDF");
    assert!(
        entries(root)
            .iter()
            .all(|e| e.with_extension("pdf").is_file()),
        "each entry beside its PDF"
    );
    assert_eq!(cache_files(root).len(), 8, "no temporary files left");

    // Warm: every PDF from the cache, the same bytes as laid out without it.
    let (warm, printed) = build(root, &out("warm"), &[]);
    assert!(
        printed.contains("4 of 4 PDF files taken unchanged"),
        "{printed}"
    );
    let (uncached, printed) = build(root, &out("uncached"), &["--no-cache"]);
    assert!(!printed.contains("taken unchanged"), "{printed}");
    assert!(cold == warm && warm == uncached, "byte-identical PDFs");
    // Taken as links of the cache's PDFs (the output is on the same file system), not copies.
    for path in warm.keys() {
        let linked = std::fs::metadata(out("warm").join(path)).unwrap().nlink();
        assert_eq!(linked, 2, "{path:?} is the cache's PDF");
    }

    // `brochure` writes into a built site in place: it replaces the links, never writes
    // through them into the cache, whose PDFs are taken unchanged by the next build.
    let (root_arg, warm_arg) = (root.to_str().unwrap(), out("warm"));
    common::steckbrief_ok(&[
        "brochure",
        "--root",
        root_arg,
        "--out",
        warm_arg.to_str().unwrap(),
        "--no-cache",
    ]);
    let (rebuilt, printed) = build(root, &out("after-brochure"), &[]);
    assert!(
        printed.contains("4 of 4 PDF files taken unchanged"),
        "{printed}"
    );
    assert!(rebuilt == cold);

    // The build really takes the stored PDF: one planted in every entry comes out.
    let planted = b"%PDF-1.7 planted".to_vec();
    for entry in entries(root) {
        let pdf = entry.with_extension("pdf");
        std::fs::write(&pdf, &planted).unwrap();
        let text = std::fs::read(&entry).unwrap();
        let mut lines = text.splitn(3, |&b| b == b'\n');
        let magic = lines.next().unwrap();
        let mut header: serde_json::Value = serde_json::from_slice(lines.next().unwrap()).unwrap();
        header["length"] = planted.len().into();
        header["sha256"] = Sha256::digest(&planted)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
            .into();
        header["modified"] = nanos(&pdf).into();
        let mut forged = magic.to_vec();
        forged.push(b'\n');
        forged.extend(serde_json::to_vec(&header).unwrap());
        forged.push(b'\n');
        std::fs::write(&entry, forged).unwrap();
    }
    let (from_cache, _) = build(root, &out("planted"), &[]);
    assert!(from_cache.values().all(|pdf| *pdf == planted));
    // A PDF changed in place through its link in an output (the cache's PDF changes with it)
    // is laid out anew (and replaced).
    for path in from_cache.keys() {
        let mut file = std::fs::File::options()
            .write(true)
            .open(out("planted").join(path))
            .unwrap();
        file.write_all(b"%PDF-1.7 changed").unwrap();
    }
    let (repaired, printed) = build(root, &out("repaired"), &[]);
    assert!(!printed.contains("taken unchanged"), "{printed}");
    assert!(repaired == cold, "changed PDFs are not used");

    // A change to one actor's data: its brochures are laid out anew, as without the cache.
    let profile = root.join("actors/agentur-fuer-arbeit/profile.yaml");
    let text = std::fs::read_to_string(&profile).unwrap();
    let changed = text.replacen("\nname: ", "\nname: Neue ", 1);
    assert_ne!(text, changed);
    std::fs::write(&profile, changed).unwrap();
    let (edited, printed) = build(root, &out("edited"), &[]);
    let de = PathBuf::from("de/arbeiten-und-leben-in-merzig.pdf");
    assert_ne!(edited[&de], cold[&de], "the edit shows");
    assert!(!printed.contains("taken unchanged"), "{printed}");
    let (edited_uncached, _) = build(root, &out("edited-uncached"), &["--no-cache"]);
    assert!(edited == edited_uncached);
    std::fs::write(&profile, text).unwrap();

    // Back as it was: from the cache again, as the first build laid it out.
    let (restored, printed) = build(root, &out("restored"), &[]);
    assert!(
        printed.contains("4 of 4 PDF files taken unchanged"),
        "{printed}"
    );
    assert!(restored == cold);

    // A template file of the content root (the imported one): laid out anew with it.
    let template = include_str!("../templates/brochure/steckbrief.typ");
    let colour = "#let muted = luma(80)";
    assert!(template.contains(colour), "the template changed");
    std::fs::create_dir_all(root.join("templates/brochure")).unwrap();
    std::fs::write(
        root.join("templates/brochure/steckbrief.typ"),
        template.replacen(colour, "#let muted = luma(20)", 1),
    )
    .unwrap();
    let (restyled, printed) = build(root, &out("restyled"), &[]);
    assert!(!printed.contains("taken unchanged"), "{printed}");
    assert!(
        restyled.iter().all(|(path, pdf)| *pdf != cold[path]),
        "every PDF laid out with the new template"
    );
}

/// A catalogue larger than `brochure.max_actors` is refused before any layout, in the editor's
/// language, naming the limit and the ways out; the website alone still builds.
#[test]
fn a_brochure_over_the_limit_is_refused_before_layout() {
    let content = example_copy();
    let root = content.path();
    let config = std::fs::read_to_string(root.join("config.yaml")).unwrap();
    let limited = config.replace(
        "  languages: [de, ar]\n",
        "  languages: [de, ar]\n  max_actors: 12\n",
    );
    std::fs::write(root.join("config.yaml"), limited).unwrap();
    let actors = std::fs::read_dir(root.join("actors")).unwrap().count();
    let outs = tempfile::tempdir().unwrap();
    let out = outs.path().join("public");
    let (root_arg, out_arg) = (root.to_str().unwrap(), out.to_str().unwrap());

    let started = std::time::Instant::now();
    let refused = common::steckbrief(&["build", "--root", root_arg, "--out", out_arg]);
    assert_eq!(refused.status.code(), Some(2));
    let message = String::from_utf8_lossy(&refused.stderr);
    for part in [
        &format!("the brochure would hold {actors} profiles"),
        "brochure.max_actors (12)",
        "--no-brochures",
        "brochure.languages: []",
        "brochure.volumes: topic",
        "nothing was built",
    ] {
        assert!(message.contains(part), "{part}: {message}");
    }
    assert!(!out.exists(), "nothing written");
    assert!(!root.join(".steckbrief-cache").exists(), "nothing laid out");
    // Refused at once, not after a layout (which takes seconds here).
    assert!(started.elapsed().as_secs() < 30);

    let german = std::process::Command::new(env!("CARGO_BIN_EXE_steckbrief"))
        .args([
            "brochure", "--root", root_arg, "--out", out_arg, "--lang", "de",
        ])
        .env("SOURCE_DATE_EPOCH", common::TODAY_EPOCH)
        .env("NO_COLOR", "1")
        .env("LC_ALL", "de_DE.UTF-8")
        .output()
        .unwrap();
    assert_eq!(german.status.code(), Some(2));
    let message = String::from_utf8_lossy(&german.stderr);
    assert!(
        message.contains(&format!("die Broschüre hätte {actors} Steckbriefe"))
            && message.contains("Tipp: teilen Sie die Broschüre mit brochure.volumes: topic"),
        "{message}"
    );

    common::steckbrief_ok(&[
        "build",
        "--root",
        root_arg,
        "--out",
        out_arg,
        "--no-brochures",
    ]);
    assert!(out.join("de/index.html").exists());
}
