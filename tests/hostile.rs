//! The promise to editors: what `check` accepts, `build` publishes (site and brochures).
//!
//! Each case under tests/fixtures/hostile-inputs/<case>/ is a set of files laid over a copy of
//! tests/fixtures/good; its `expect` file says whether `check` accepts it ("accepted" or
//! "rejected") and, on the following lines, text that check's output must contain. Every
//! accepted case must then build, and no published text file may contain a Unicode direction
//! control. Cases too large to keep as files are made here.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn steckbrief(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_steckbrief"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1795824000") // 2026-11-28
        .env("NO_COLOR", "1")
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .expect("the binary runs")
}

/// A copy of the good fixture with `overlay`'s files laid over it.
fn content_with(overlay: Option<&Path>, files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&repo().join("tests/fixtures/good"), dir.path());
    if let Some(overlay) = overlay {
        common::copy_dir(overlay, dir.path());
        let _ = std::fs::remove_file(dir.path().join("expect"));
    }
    for (name, data) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, data).unwrap();
    }
    dir
}

/// Runs `check`; returns whether it accepted the content, and what it printed.
fn check(root: &Path) -> (bool, String) {
    let output = steckbrief(&["check", "--root", root.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&output.stderr).into_owned();
    match output.status.code() {
        Some(0) => (true, text),
        Some(1) => (false, text),
        other => panic!("check exited with {other:?}:\n{text}"),
    }
}

/// Builds site and brochures; panics with build's output if it fails.
fn build(root: &Path, case: &str) {
    let out = root.join("public");
    let output = steckbrief(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    assert!(
        output.status.success(),
        "{case}: check accepted it, but build failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut pdfs = 0;
    for (path, data) in common::files(&out) {
        pdfs += usize::from(path.extension().is_some_and(|e| e == "pdf"));
        if let Ok(text) = std::str::from_utf8(&data) {
            assert!(
                !text.contains(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')),
                "{case}: {} contains a direction control",
                path.display()
            );
        }
    }
    assert_eq!(pdfs, 2, "{case}: a brochure per brochure language");
}

#[test]
fn every_hostile_input_that_check_accepts_builds() {
    let corpus = repo().join("tests/fixtures/hostile-inputs");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 30, "{} cases", cases.len());
    let failures: Vec<String> = std::thread::scope(|scope| {
        let chunks: Vec<Vec<PathBuf>> = [0, 1]
            .iter()
            .map(|half| cases.iter().skip(*half).step_by(2).cloned().collect())
            .collect();
        let workers: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                scope.spawn(move || chunk.iter().filter_map(|c| run_case(c)).collect::<Vec<_>>())
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect()
    });
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Runs one corpus case; returns what went wrong, if anything.
fn run_case(case: &Path) -> Option<String> {
    let name = case.file_name().unwrap().to_string_lossy().into_owned();
    let expect = std::fs::read_to_string(case.join("expect")).unwrap();
    let mut lines = expect.lines();
    let accepted_expected = lines.next() == Some("accepted");
    let dir = content_with(Some(case), &[]);
    let started = Instant::now();
    let (accepted, output) = check(dir.path());
    if started.elapsed() > Duration::from_secs(30) {
        return Some(format!("{name}: check took {:?}", started.elapsed()));
    }
    if accepted != accepted_expected {
        return Some(format!(
            "{name}: check {} it:\n{output}",
            if accepted { "accepted" } else { "rejected" }
        ));
    }
    if let Some(missing) = lines.find(|line| !output.contains(line)) {
        return Some(format!(
            "{name}: check's output lacks `{missing}`:\n{output}"
        ));
    }
    if accepted {
        build(dir.path(), &name);
    }
    None
}

#[test]
fn a_list_of_100000_entries_is_one_error_found_at_once() {
    let mut profile =
        std::fs::read_to_string(repo().join("tests/fixtures/good/actors/beratung-a/profile.yaml"))
            .unwrap()
            .replace("offers:\n  - Beratung\n", "");
    profile.push_str("offers:\n");
    profile.push_str(&"  - a\n".repeat(100_000));
    let dir = content_with(
        None,
        &[("actors/beratung-a/profile.yaml", profile.as_bytes())],
    );
    let started = Instant::now();
    let (accepted, output) = check(dir.path());
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "{:?}",
        started.elapsed()
    );
    assert!(!accepted);
    assert!(
        output.contains("`offers` has 100,000 entries; at most 500 are allowed"),
        "{output}"
    );
    assert_eq!(output.matches("error:").count(), 1, "{output}");
}

#[test]
fn a_megabyte_of_unknown_fields_is_checked_quickly_and_summarised() {
    // Just under the 1 MB limit: a valid profile and 105,000 unknown keys.
    let mut profile =
        std::fs::read_to_string(repo().join("tests/fixtures/good/actors/beratung-a/profile.yaml"))
            .unwrap();
    profile.extend((0..105_000).map(|i| format!("x{i}:\n")));
    assert!(profile.len() < 1024 * 1024, "{}", profile.len());
    let dir = content_with(
        None,
        &[("actors/beratung-a/profile.yaml", profile.as_bytes())],
    );
    let started = Instant::now();
    let (accepted, output) = check(dir.path());
    let took = started.elapsed();
    assert!(!accepted);
    // About 1.5 s of CPU in a debug build; before, over 5 minutes (quadratic). The bound leaves
    // room for a busy machine.
    assert!(took < Duration::from_secs(60), "{took:?}");
    assert_eq!(output.matches("unknown field").count(), 100, "{output}");
    assert!(
        output.contains("… and 104,900 more problems like these in this file"),
        "{output}"
    );
}

#[test]
fn a_logo_over_2_mb_is_refused_before_it_is_read() {
    let profile =
        std::fs::read_to_string(repo().join("tests/fixtures/good/actors/beratung-a/profile.yaml"))
            .unwrap()
            + "logo: logo.png\n";
    let big = vec![0u8; 3 * 1024 * 1024];
    let dir = content_with(
        None,
        &[
            ("actors/beratung-a/profile.yaml", profile.as_bytes()),
            ("actors/beratung-a/logo.png", &big),
        ],
    );
    let (accepted, output) = check(dir.path());
    assert!(!accepted);
    assert!(
        output.contains("the logo `logo.png` has 3.0 MB; at most 2 MB are allowed"),
        "{output}"
    );
}
