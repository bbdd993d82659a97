//! What `check` gives CI and hooks: the GitLab code-quality report, the short `--quiet` listing,
//! and the warning about a `base_url` that is still an example address.

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;

use common::steckbrief;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn check(root: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["check", "--root", root.to_str().unwrap()];
    args.extend_from_slice(extra);
    steckbrief(&args)
}

#[test]
fn gitlab_format_is_a_code_quality_report_with_every_problem() {
    let output = check(&fixture("bad"), &["--format", "gitlab"]);
    assert_eq!(output.status.code(), Some(1));
    let issues: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&output.stdout));
    });
    let json = check(&fixture("bad"), &["--format", "json"]);
    let report: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        issues.len(),
        report["diagnostics"].as_array().unwrap().len()
    );
    let errors = issues.iter().filter(|i| i["severity"] == "major").count();
    assert_eq!(errors as u64, report["errors"].as_u64().unwrap());
    let adress = issues
        .iter()
        .find(|i| {
            i["location"]["path"] == "actors/struktur/profile.yaml"
                && i["location"]["lines"]["begin"] == 11
        })
        .expect("the unknown field `adress` at line 11");
    assert_eq!(
        adress["description"],
        "unknown field `adress` (hint: did you mean `address`?)"
    );
    assert_eq!(adress["check_name"], "steckbrief-error");
    // Every issue has what GitLab requires, and fingerprints tell different problems apart.
    let mut fingerprints: Vec<&str> = issues
        .iter()
        .map(|i| {
            for key in ["description", "check_name", "severity"] {
                assert!(i[key].is_string(), "{key} in {i:#}");
            }
            assert!(i["location"]["path"].is_string(), "{i:#}");
            assert!(i["location"]["lines"]["begin"].is_u64(), "{i:#}");
            i["fingerprint"].as_str().unwrap()
        })
        .collect();
    fingerprints.sort_unstable();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), issues.len());
    // The summary goes to stderr, so stdout stays one JSON document.
    assert!(String::from_utf8_lossy(&output.stderr).contains("errors"));
}

#[test]
fn quiet_lists_the_errors_and_only_counts_the_warnings() {
    let full = check(&fixture("bad"), &[]);
    let quiet = check(&fixture("bad"), &["--quiet"]);
    assert_eq!(quiet.status.code(), Some(1));
    let full = String::from_utf8(full.stderr).unwrap();
    let quiet = String::from_utf8(quiet.stderr).unwrap();
    assert!(
        full.contains("warning: "),
        "the fixture has warnings: {full}"
    );
    assert!(!quiet.contains("warning: "), "{quiet}");
    assert_eq!(
        quiet.matches("error: ").count(),
        full.matches("error: ").count()
    );
    // The closing line is the same: it still counts the warnings.
    assert_eq!(full.lines().last(), quiet.lines().last());
    assert!(quiet.lines().last().unwrap().contains("warning"), "{quiet}");
}

/// The `base_url` diagnostics of checking the good fixture with `base_url` set to `url`.
fn base_url_warnings(url: &str) -> Vec<Value> {
    let root = tempfile::tempdir().unwrap();
    common::copy_dir(&fixture("good"), root.path());
    let config = root.path().join("config.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    let text = text.replace("base_url: https://example.org", &format!("base_url: {url}"));
    std::fs::write(&config, text).unwrap();
    let output = check(root.path(), &["--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{url}: {output:?}");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == "config.yaml" && d["line"] == 2)
        .cloned()
        .collect()
}

#[test]
fn an_example_base_url_is_one_warning_naming_the_qr_codes() {
    for url in [
        "https://example.org",
        "https://integration.merzig.example.org/",
        "https://www.EXAMPLE.com",
        "http://example.net/wegweiser/",
        "https://wegweiser.test",
        "http://localhost:1111",
        "http://127.0.0.1:8000",
        "http://192.168.1.20",
    ] {
        let warnings = base_url_warnings(url);
        assert_eq!(warnings.len(), 1, "{url}: {warnings:#?}");
        let warning = &warnings[0];
        assert_eq!(warning["severity"], "warning");
        // The fixture's source language is German: the message is German.
        let message = warning["message"].as_str().unwrap();
        assert!(message.contains("Beispieladresse"), "{message}");
        assert!(message.contains("QR-Codes"), "{message}");
        assert!(
            warning["hint"].as_str().unwrap().contains("https://"),
            "{warning:#}"
        );
    }
    for url in [
        "https://integration.merzig.de",
        "https://example.organisation.de",
        "https://notexample.org",
        "https://wegweiser.example-stadt.de",
    ] {
        assert_eq!(base_url_warnings(url), Vec::<Value>::new(), "{url}");
    }
}

#[test]
fn the_example_content_warns_about_its_base_url_once() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let output = check(&repo, &[]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        text.matches("integration.merzig.example.org").count(),
        2,
        "once in the message, once in the snippet: {text}"
    );
    assert!(
        text.contains(
            "warning: `base_url` ist noch die Beispieladresse `integration.merzig.example.org`"
        ),
        "{text}"
    );
}
