//! Phone numbers as an editor writes them: `check` refuses the undialable ones with the right
//! form as a hint, and the built site links every number in E.164 — on the page, in the vCard
//! and in the JSON-LD.

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;

use common::{copy_dir, steckbrief};

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good")
}

/// The good fixture with the first contact's phone of `beratung-a` replaced by `contact` and a
/// general `phone:` line set to `general`.
fn content_with(dir: &Path, contact: &str, general: &str) -> PathBuf {
    let root = dir.join("content");
    copy_dir(&fixture(), &root);
    let profile = root.join("actors/beratung-a/profile.yaml");
    let text = std::fs::read_to_string(&profile)
        .unwrap()
        .replace("phone: 06861 1234-5", &format!("phone: \"{contact}\""))
        .replace(
            "last_reviewed:",
            &format!("phone: \"{general}\"\nlast_reviewed:"),
        );
    std::fs::write(&profile, text).unwrap();
    root
}

/// (line, message, hint) of every error `check` reports.
fn check_errors(root: &Path) -> Vec<(u64, String, String)> {
    let output = steckbrief(&[
        "check",
        "--root",
        root.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["line"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap().to_owned(),
                d["hint"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_trunk_zero_after_the_country_code_is_an_error_that_shows_the_right_form() {
    let dir = tempfile::tempdir().unwrap();
    let root = content_with(dir.path(), "+49 (06861) 1234-5", "+49 06861 9012-0");
    let errors = check_errors(&root);
    assert_eq!(errors.len(), 2, "{errors:#?}");
    let (line, message, hint) = &errors[0];
    assert_eq!(*line, 13, "{errors:#?}");
    assert!(
        message.contains("`+49 (06861) 1234-5` keeps the 0 of the area code"),
        "{message}"
    );
    assert!(
        hint.contains("write +49 6861 1234-5") && hint.contains("nationally 06861 1234-5"),
        "{hint}"
    );
    let (line, message, hint) = &errors[1];
    assert_eq!(*line, 27, "{errors:#?}");
    assert!(message.contains("`+49 06861 9012-0`"), "{message}");
    assert!(hint.contains("write +49 6861 9012-0"), "{hint}");
}

#[test]
fn numbers_that_do_not_exist_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    // Germany has no area code 01234; 0170 numbers have 7 or 8 more digits.
    let root = content_with(dir.path(), "01234 5678", "0170 123");
    let errors = check_errors(&root);
    let messages: Vec<&str> = errors.iter().map(|(_, m, _)| m.as_str()).collect();
    assert_eq!(
        messages,
        [
            "`01234 5678` is not a valid phone number",
            "`0170 123` is not a valid phone number"
        ]
    );
}

#[test]
fn the_page_the_vcard_and_the_json_ld_dial_e164_and_show_the_number_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let root = content_with(dir.path(), "+49 (0) 6861 1234-5", "+49 6861 9012-0");
    let out = dir.path().join("public");
    common::build_site(&root, &out);
    let page = std::fs::read_to_string(out.join("de/beratung-a/index.html")).unwrap();
    let html = scraper::Html::parse_document(&page);
    let calls: Vec<(String, String)> = html
        .select(&scraper::Selector::parse("a[href^='tel:']").unwrap())
        .map(|a| {
            (
                a.value().attr("href").unwrap().to_owned(),
                a.select(&scraper::Selector::parse(".token").unwrap())
                    .next()
                    .unwrap()
                    .text()
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        calls,
        [
            ("tel:+49686190120".to_owned(), "+49 6861 9012-0".to_owned()),
            (
                "tel:+49686112345".to_owned(),
                "+49 (0) 6861 1234-5".to_owned()
            ),
        ]
    );
    let vcard = std::fs::read_to_string(out.join("de/beratung-a/contact.vcf")).unwrap();
    let tel: Vec<&str> = vcard.lines().filter(|l| l.starts_with("TEL")).collect();
    assert_eq!(
        tel,
        [
            "TEL;TYPE=WORK,VOICE:+49686190120",
            "TEL;TYPE=WORK,VOICE:+49686112345"
        ]
    );
    let script = html
        .select(&scraper::Selector::parse("script[type='application/ld+json']").unwrap())
        .next()
        .unwrap()
        .text()
        .collect::<String>();
    let jsonld: Value = serde_json::from_str(&script).unwrap();
    let actor = jsonld["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .find(|node| {
            node["@id"]
                .as_str()
                .is_some_and(|id| id.ends_with("#organization"))
        })
        .unwrap();
    assert_eq!(actor["telephone"], "+49686190120");
    let points: Vec<&Value> = actor["contactPoint"]
        .as_array()
        .unwrap()
        .iter()
        .map(|point| &point["telephone"])
        .collect();
    assert!(points.contains(&&Value::from("+49686112345")), "{points:?}");
}
