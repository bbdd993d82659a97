//! `steckbrief generate`: the synthetic catalogues for benchmarks pass `check` and are
//! reproducible byte for byte.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

use common::steckbrief;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn generate(out: &Path, languages: &str, seed: &str) -> Output {
    steckbrief(&[
        "generate",
        "--actors",
        "20",
        "--languages",
        languages,
        "--seed",
        seed,
        "--out",
        out.to_str().unwrap(),
        "--template-root",
        repo().to_str().unwrap(),
    ])
}

/// Checks `root`; asserts no errors and no warnings other than review reminders and the one
/// about the template's example `base_url`.
fn assert_checks_clean(root: &Path) {
    let output = steckbrief(&[
        "check",
        "--root",
        root.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["errors"], 0, "{report:#}");
    assert_eq!(output.status.code(), Some(0));
    for diagnostic in report["diagnostics"].as_array().unwrap() {
        let message = diagnostic["message"].as_str().unwrap();
        if diagnostic["file"] == "config.yaml" && message.contains("base_url") {
            continue;
        }
        assert!(
            message.starts_with("last reviewed on"),
            "only review reminders are expected: {diagnostic:#}"
        );
    }
}

#[test]
fn generated_catalogues_check_clean_and_are_reproducible() {
    let first = tempfile::tempdir().unwrap();
    let output = generate(first.path(), "6", "7");
    assert!(output.status.success(), "{output:?}");
    assert_checks_clean(first.path());

    let generated = common::files(first.path());
    let actors: Vec<&PathBuf> = generated
        .keys()
        .filter(|p| p.ends_with("profile.yaml"))
        .collect();
    assert_eq!(actors.len(), 20);
    for language in ["en", "ar", "uk", "fa", "tr"] {
        let translations = generated
            .keys()
            .filter(|p| p.starts_with("actors") && p.ends_with(format!("{language}.yaml")))
            .count();
        assert_eq!(translations, 20, "{language}");
    }

    // The same arguments give the same bytes, in a fresh folder and over the old catalogue.
    let second = tempfile::tempdir().unwrap();
    assert!(generate(second.path(), "6", "7").status.success());
    assert!(
        common::files(second.path()) == generated,
        "a second run differs"
    );
    assert!(generate(first.path(), "6", "7").status.success());
    assert!(
        common::files(first.path()) == generated,
        "regenerating in place differs"
    );
    assert!(generate(second.path(), "6", "8").status.success());
    assert!(
        common::files(second.path()) != generated,
        "another seed gives other text"
    );
}

#[test]
fn fewer_languages_cut_config_pages_and_translations() {
    let out = tempfile::tempdir().unwrap();
    assert!(generate(out.path(), "2", "1").status.success());
    assert_checks_clean(out.path());
    let generated = common::files(out.path());
    let english = generated
        .keys()
        .filter(|p| p.starts_with("actors") && p.ends_with("en.yaml"))
        .count();
    assert_eq!(english, 20);
    assert!(
        !generated
            .keys()
            .any(|p| p.ends_with("ar.yaml") || p.ends_with("ar.md")),
        "nothing in Arabic is left"
    );

    // All seven, with Leichte Sprache: a variant gets no generated text (its readers get the
    // German), and the catalogue still checks clean.
    assert!(generate(out.path(), "7", "1").status.success());
    assert_checks_clean(out.path());
    assert!(
        !common::files(out.path())
            .keys()
            .any(|p| p.starts_with("actors") && p.ends_with("de-x-ls.yaml"))
    );

    let output = generate(out.path(), "8", "1");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("between 1 and 7"));
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_write() {
    let out = tempfile::tempdir().unwrap();
    std::fs::write(out.path().join("notes.txt"), "keep me").unwrap();
    let output = generate(out.path(), "6", "1");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("refusing to replace"),
        "{output:?}"
    );
    assert_eq!(
        std::fs::read_to_string(out.path().join("notes.txt")).unwrap(),
        "keep me"
    );
}
