//! Helpers shared by the integration tests.

// Each test crate compiles this module and uses only some of the helpers.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// The day the tests run on (2026-11-28), as `SOURCE_DATE_EPOCH`, so that review dates in the
/// fixtures do not age.
pub const TODAY_EPOCH: &str = "1795824000";

/// Runs the binary with `args` on [`TODAY_EPOCH`], without colours.
pub fn steckbrief(args: &[&str]) -> Output {
    steckbrief_on(args, TODAY_EPOCH)
}

/// Runs the binary with `args` as of `epoch` (seconds, as `SOURCE_DATE_EPOCH`), without colours,
/// with English messages (tests/messages.rs checks the German ones).
pub fn steckbrief_on(args: &[&str], epoch: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_steckbrief"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", epoch)
        .env("NO_COLOR", "1")
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .expect("the binary runs")
}

/// Like [`steckbrief`], and fails the test with the binary's output unless it succeeded.
pub fn steckbrief_ok(args: &[&str]) -> Output {
    let output = steckbrief(args);
    assert!(
        output.status.success(),
        "steckbrief {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Builds the website (no brochures) of the content at `root` into `out`; fails the test with
/// the binary's output unless it succeeded.
pub fn build_site(root: &Path, out: &Path) -> Output {
    steckbrief_ok(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--no-brochures",
        "--quiet",
    ])
}

/// The website (no brochures) of the example content, built once per test binary.
pub fn example_site() -> &'static Path {
    static SITE: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    SITE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        build_site(
            Path::new(env!("CARGO_MANIFEST_DIR")),
            &dir.path().join("public"),
        );
        dir
    })
    .path()
    .join("public")
    .leak()
}

/// Copies the folder `from` with everything in it to `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of the example content (actors, content, theme) in a temporary folder, with its
/// config.yaml changed by `edit`.
pub fn example_copy_with(edit: impl FnOnce(String) -> String) -> tempfile::TempDir {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    for folder in ["actors", "content", "theme"] {
        copy_dir(&repo.join(folder), &dir.path().join(folder));
    }
    let config = std::fs::read_to_string(repo.join("config.yaml")).unwrap();
    std::fs::write(dir.path().join("config.yaml"), edit(config)).unwrap();
    dir
}

/// Every file under `root`: path relative to `root` → content.
pub fn files(root: &Path) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(root)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e.path().strip_prefix(root).unwrap().to_path_buf();
            (relative, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Replaces every placeholder `[[…]]` that `steckbrief init` left in the files under `root` with
/// what an editor would write: a postcode where one is asked for, a sentence elsewhere.
pub fn fill_placeholders(root: &Path) {
    for (path, _) in files(root) {
        let path = root.join(path);
        let text = std::fs::read_to_string(&path).unwrap();
        let mut filled = String::new();
        let mut rest = text.as_str();
        while let Some(start) = rest.find("[[") {
            let end = start + rest[start..].find("]]").unwrap() + 2;
            filled.push_str(&rest[..start]);
            let marker = &rest[start..end];
            filled.push_str(if marker == "[[PLZ]]" || marker == "[[Postcode]]" {
                "66606"
            } else {
                "Eingetragen von der Redaktion"
            });
            rest = &rest[end..];
        }
        filled.push_str(rest);
        std::fs::write(&path, filled).unwrap();
    }
}
