//! `steckbrief report` on a fixture with known gaps, and the report page in the built site.

mod common;

use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn report_figures_match_the_known_gaps_of_the_fixture() {
    // 2027-04-16: the review of `stadt/buergerbuero` (2026-05-01) is due within 30 days.
    let output = common::steckbrief_on(
        &[
            "report",
            "--root",
            fixture("good").to_str().unwrap(),
            "--format",
            "json",
        ],
        "1807833600",
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["actors"], 2);
    let languages = report["languages"].as_array().unwrap();
    assert_eq!(
        (
            languages[0]["language"].as_str(),
            languages[0]["translated_fields"].as_u64(),
            languages[0]["total_fields"].as_u64(),
            languages[0]["percent"].as_u64()
        ),
        (Some("en"), Some(4), Some(6), Some(66))
    );
    assert_eq!(
        (
            languages[1]["language"].as_str(),
            languages[1]["translated_fields"].as_u64(),
            languages[1]["percent"].as_u64()
        ),
        (Some("ar"), Some(0), Some(0))
    );
    assert_eq!(languages[0]["gaps"][0]["slug"], "buergerbuero");
    assert_eq!(
        languages[0]["gaps"][0]["missing"],
        serde_json::json!(["summary", "description"])
    );
    let reviews = report["reviews"].as_array().unwrap();
    assert_eq!(reviews.len(), 1, "{reviews:?}");
    assert_eq!(reviews[0]["slug"], "buergerbuero");
    assert_eq!(reviews[0]["due"], "2027-05-01");
    assert_eq!(reviews[0]["overdue"], false);
    assert_eq!(report["without_contact"], serde_json::json!([]));

    let markdown = common::steckbrief_on(
        &[
            "report",
            "--root",
            fixture("good").to_str().unwrap(),
            "--format",
            "markdown",
        ],
        "1807833600",
    );
    let text = String::from_utf8(markdown.stdout).unwrap();
    assert!(text.contains("| en | 4 of 6 | 66 % |"), "{text}");
    assert!(
        text.contains("- Bürgerbüro (`buergerbuero`): last reviewed 2026-05-01, due on 2027-05-01"),
        "{text}"
    );
}

#[test]
fn the_report_page_is_hidden_from_search_engines() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let output = common::steckbrief_on(
        &[
            "build",
            "--root",
            fixture("good").to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        "1795824000",
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let page = std::fs::read_to_string(out.join("report/index.html")).unwrap();
    assert!(
        page.contains("<meta content=noindex name=robots>"),
        "{page}"
    );
    assert!(page.contains("66 %"));
    assert!(
        !std::fs::read_to_string(out.join("sitemap.xml"))
            .unwrap()
            .contains("/report/")
    );
    assert!(
        std::fs::read_to_string(out.join("robots.txt"))
            .unwrap()
            .contains("Disallow: /report/")
    );
}
