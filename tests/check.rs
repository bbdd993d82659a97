//! `steckbrief check`, `new` and `schema` run as a user runs them: the real binary on folders.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;

use common::steckbrief;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

fn check_json(root: &Path) -> (i32, Value) {
    let output = steckbrief(&[
        "check",
        "--root",
        root.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let report = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "json output ({e}): {}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    (output.status.code().unwrap(), report)
}

/// (file, line, column, message) of every error.
fn errors(report: &Value) -> Vec<(String, Option<u64>, Option<u64>, String)> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_owned(),
                d["line"].as_u64(),
                d["column"].as_u64(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn example_content_has_no_errors() {
    let (code, report) = check_json(&repo());
    assert_eq!(errors(&report), vec![], "{report:#}");
    assert_eq!(code, 0);
}

#[test]
fn good_fixture_passes_with_expected_warnings() {
    let (code, report) = check_json(&fixture("good"));
    assert_eq!(code, 0, "{report:#}");
    let warnings: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        warnings.contains(
            &"missing translation into `ar`: summary, description, offers, contacts.role"
        ),
        "{warnings:?}"
    );
    assert!(
        warnings.contains(&"missing translation into `en`: summary, description"),
        "{warnings:?}"
    );
}

#[test]
fn bad_fixture_reports_every_error_with_its_place() {
    let (code, report) = check_json(&fixture("bad"));
    assert_eq!(code, 1);
    let expected: Vec<(&str, Option<u64>, Option<u64>, &str)> = vec![
        (
            "actors/Gross",
            None,
            None,
            "`Gross` cannot be used in a web address",
        ),
        (
            "actors/kaputt/profile.yaml",
            Some(4),
            Some(14),
            "this is not valid YAML: illegal placement of ':' indicator",
        ),
        (
            "actors/semantik/en.yaml",
            Some(2),
            Some(1),
            "`phone` cannot be translated",
        ),
        (
            "actors/semantik/profile.yaml",
            Some(3),
            Some(16),
            "there is no topic `arbeit` in config.yaml",
        ),
        (
            "actors/semantik/profile.yaml",
            Some(9),
            Some(5),
            "the phone number `1234-56` has no area code",
        ),
        (
            "actors/semantik/profile.yaml",
            Some(10),
            Some(5),
            "`anna(at)example.org` is not a valid e-mail address",
        ),
        (
            "actors/semantik/profile.yaml",
            Some(11),
            Some(21),
            "there is no language `xx` in config.yaml",
        ),
        (
            "actors/semantik/profile.yaml",
            Some(14),
            Some(3),
            "`6666` is not a German postcode",
        ),
        (
            "actors/semantik/profile.yaml",
            Some(21),
            Some(7),
            "11:00–13:00 overlaps 08:00–12:00 on Mi",
        ),
        (
            "actors/semantik/profile.yaml",
            Some(21),
            Some(30),
            "opening time 17:00 is not before closing time 16:00",
        ),
        (
            "actors/semantik/profile.yaml",
            Some(22),
            Some(7),
            "`Sonnabend` is not a weekday",
        ),
        (
            "actors/semantik/profile.yaml",
            Some(24),
            Some(1),
            "`javascript:alert(1)` is not an http or https address",
        ),
        (
            "actors/semantik/profile.yaml",
            Some(25),
            Some(1),
            "the date 2099-01-01 lies in the future",
        ),
        (
            "actors/semantik/profile.yaml",
            Some(26),
            Some(1),
            "`../../config.yaml` points outside the folder",
        ),
        (
            "actors/semantik/ru.yaml",
            None,
            None,
            "`ru` is not a language of the site (`languages` in config.yaml)",
        ),
        (
            "actors/struktur/profile.yaml",
            Some(2),
            Some(1),
            "`beratung` is not a valid value for `kind`",
        ),
        (
            "actors/struktur/profile.yaml",
            Some(4),
            Some(1),
            "`target_groups` must be a list, but this is text",
        ),
        (
            "actors/struktur/profile.yaml",
            Some(9),
            Some(5),
            "`contacts[1].phone` must be text, but this is a number",
        ),
        (
            "actors/struktur/profile.yaml",
            Some(10),
            Some(5),
            "unknown field `emial`",
        ),
        (
            "actors/struktur/profile.yaml",
            Some(11),
            Some(1),
            "unknown field `adress`",
        ),
    ];
    let expected: Vec<(String, Option<u64>, Option<u64>, String)> = expected
        .into_iter()
        .map(|(f, l, c, m)| (f.to_owned(), l, c, m.to_owned()))
        .collect();
    assert_eq!(errors(&report), expected, "{report:#}");
}

#[test]
fn hints_name_the_closest_field_and_the_choices() {
    let (_, report) = check_json(&fixture("bad"));
    let hint_of = |message: &str| -> String {
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["message"] == message)
            .map(|d| d["hint"].as_str().unwrap_or_default().to_owned())
            .unwrap_or_else(|| panic!("no diagnostic {message}"))
    };
    assert_eq!(hint_of("unknown field `adress`"), "did you mean `address`?");
    assert_eq!(hint_of("unknown field `emial`"), "did you mean `email`?");
    assert!(hint_of("`beratung` is not a valid value for `kind`").contains("counselling"));
    assert_eq!(
        hint_of("there is no topic `arbeit` in config.yaml"),
        "choose from: work, language"
    );
}

#[test]
fn human_output_has_snippet_caret_and_summary() {
    let output = steckbrief(&["check", "--root", fixture("bad").to_str().unwrap()]);
    let text = String::from_utf8(output.stderr).unwrap();
    assert!(
        text.contains(
            "error: unknown field `adress`\n  --> actors/struktur/profile.yaml:11:1\n   |\n11 | adress:\n   | ^\n   = hint: did you mean `address`?\n"
        ),
        "{text}"
    );
    assert!(text.contains("checked 4 actors: 20 errors,"), "{text}");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn github_format_prints_workflow_commands() {
    let output = steckbrief(&[
        "check",
        "--root",
        fixture("bad").to_str().unwrap(),
        "--format",
        "github",
    ]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("::error file=actors/struktur/profile.yaml,line=11,col=1::unknown field `adress`%0Ahint: did you mean `address`?\n"),
        "{text}"
    );
}

#[test]
fn missing_root_is_a_usage_error() {
    let output = steckbrief(&["check", "--root", "/nonexistent/steckbrief"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no config.yaml"));
}

/// A content root with the good fixture's config and one actor folder holding `files`.
fn root_with(files: &[(&str, Vec<u8>)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("good/config.yaml"), dir.path().join("config.yaml")).unwrap();
    for (name, bytes) in files {
        let path = dir.path().join("actors").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

fn assert_rejected_quickly(files: &[(&str, Vec<u8>)], expected: &str) {
    let root = root_with(files);
    let started = Instant::now();
    let (code, report) = check_json(root.path());
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(code, 1, "{report:#}");
    let messages: Vec<String> = errors(&report).into_iter().map(|e| e.3).collect();
    assert!(
        messages.iter().any(|m| m.contains(expected)),
        "{messages:?}"
    );
}

#[test]
fn hostile_invalid_utf8() {
    let mut bytes = b"name: Caf".to_vec();
    bytes.extend([0xC3, 0x28]);
    assert_rejected_quickly(&[("x/profile.yaml", bytes)], "not valid UTF-8");
    let root = root_with(&[("x/profile.yaml", b"name: ok\nsummary: \xff\n".to_vec())]);
    let (_, report) = check_json(root.path());
    assert_eq!(report["diagnostics"][0]["line"], 2);
    assert_eq!(report["diagnostics"][0]["column"], 10);
}

#[test]
fn hostile_huge_file() {
    let huge = "description: ".to_owned() + &"x".repeat(50 * 1024 * 1024);
    assert_rejected_quickly(&[("x/profile.yaml", huge.into_bytes())], "50.0 MB");
}

#[test]
fn hostile_billion_laughs() {
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (i, name) in ["b", "c", "d", "e", "f", "g", "h", "i"].iter().enumerate() {
        let previous = ["a", "b", "c", "d", "e", "f", "g", "h"][i];
        bomb.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{previous}"); 9].join(",")
        ));
    }
    assert_rejected_quickly(&[("x/profile.yaml", bomb.into_bytes())], "anchors");
}

#[test]
fn hostile_deep_nesting() {
    let deep = format!("name: {}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_rejected_quickly(&[("x/profile.yaml", deep.into_bytes())], "recursion limit");
    let deep_block = format!("name: x\nsummary:\n{}x\n", "- ".repeat(10_000));
    assert_rejected_quickly(
        &[("x/profile.yaml", deep_block.into_bytes())],
        "nested more than",
    );
}

#[cfg(unix)]
#[test]
fn hostile_symlinks() {
    let root = root_with(&[]);
    let actors = root.path().join("actors");
    std::fs::create_dir_all(actors.join("loop")).unwrap();
    std::os::unix::fs::symlink(&actors, actors.join("loop/back")).unwrap();
    std::os::unix::fs::symlink("/etc", actors.join("outside")).unwrap();
    let (code, report) = check_json(root.path());
    assert_eq!(code, 1);
    let messages: Vec<String> = errors(&report).into_iter().map(|e| e.3).collect();
    assert!(
        messages.iter().any(|m| m.contains("(a loop)")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("leads outside the content folder")),
        "{messages:?}"
    );
}

#[test]
fn scaffold_passes_check_once_required_values_are_filled_in() {
    let root = root_with(&[]);
    let root_arg = root.path().to_str().unwrap();
    let output = steckbrief(&["new", "neue-stelle", "--root", root_arg]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let path = root.path().join("actors/neue-stelle/profile.yaml");
    let template = std::fs::read_to_string(&path).unwrap();
    assert!(
        template.contains("#   work (Arbeit)"),
        "lists the configured topics:\n{template}"
    );

    let (code, report) = check_json(root.path());
    assert_eq!(code, 1, "an unfilled template does not pass");
    assert!(errors(&report).len() >= 8, "{report:#}");

    let filled = template
        .replacen("name: \"\"", "name: Neue Stelle", 1)
        .replace("kind:\n", "kind: counselling\n")
        .replace("topics: []", "topics: [work]")
        .replace("target_groups: []", "target_groups: [refugees]")
        .replace("summary: \"\"", "summary: Beratung für alle.")
        .replace("description: |\n", "description: |\n  Wir helfen weiter.\n")
        .replace("  - name: \"\"", "  - name: Erika Muster")
        .replace("street: \"\"", "street: Hauptstraße 1")
        .replace("postcode: \"\"", "postcode: \"66663\"")
        .replace("city: \"\"", "city: Beispielstadt");
    std::fs::write(&path, filled).unwrap();
    let (code, report) = check_json(root.path());
    assert_eq!(errors(&report), vec![], "{report:#}");
    assert_eq!(code, 0);

    let again = steckbrief(&["new", "neue-stelle", "--root", root_arg]);
    assert_eq!(again.status.code(), Some(2), "refuses to overwrite");
    let bad = steckbrief(&["new", "Neue Stelle", "--root", root_arg]);
    assert_eq!(
        bad.status.code(),
        Some(2),
        "refuses a slug that is not URL-safe"
    );
}

#[test]
fn committed_schemas_are_up_to_date() {
    let out = tempfile::tempdir().unwrap();
    let output = steckbrief(&[
        "schema",
        "--out",
        out.path().to_str().unwrap(),
        "--root",
        repo().to_str().unwrap(),
    ]);
    assert!(output.status.success());
    for name in [
        "config.schema.json",
        "profile.schema.json",
        "translation.schema.json",
        "numbers.schema.json",
        "i18n.schema.json",
    ] {
        let fresh = std::fs::read_to_string(out.path().join(name)).unwrap();
        let committed = std::fs::read_to_string(repo().join("schemas").join(name))
            .unwrap_or_else(|_| panic!("schemas/{name} is missing: run `cargo run -- schema`"));
        assert!(
            fresh == committed,
            "schemas/{name} is out of date: run `cargo run -- schema` and commit the result"
        );
    }
}

#[test]
fn example_files_point_editors_at_the_schemas() {
    for entry in walkdir::WalkDir::new(repo().join("actors")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "yaml") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let first = text.lines().next().unwrap_or_default();
            let expected = if entry.file_name() == "profile.yaml" {
                "# yaml-language-server: $schema=../../schemas/profile.schema.json"
            } else {
                "# yaml-language-server: $schema=../../schemas/translation.schema.json"
            };
            assert_eq!(first, expected, "{}", entry.path().display());
        }
    }
}

#[test]
fn a_feedback_address_that_is_no_e_mail_is_an_error_at_its_line() {
    let root = root_with(&[]);
    std::fs::create_dir(root.path().join("actors")).unwrap();
    let config = root.path().join("config.yaml");
    let mut text = std::fs::read_to_string(&config).unwrap();
    let line = text.lines().count() + 1;
    text.push_str("feedback_email: korrektur at example.org\n");
    std::fs::write(&config, text).unwrap();
    let (code, report) = check_json(root.path());
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(
        errors(&report),
        vec![(
            "config.yaml".to_owned(),
            Some(line as u64),
            Some(1),
            "`korrektur at example.org` is not a valid e-mail address".to_owned()
        )]
    );
}

/// The brochure's options in config.yaml are checked with their place: town names only for
/// configured languages, the contact point an existing actor, the bleed in range.
#[test]
fn brochure_options_are_checked() {
    let root = tempfile::tempdir().unwrap();
    common::copy_dir(&fixture("good"), root.path());
    let config = std::fs::read_to_string(root.path().join("config.yaml")).unwrap();
    let config = config
        .replace(
            "town: Beispielstadt\n",
            "town: Beispielstadt\ntown_names: { ar: بايشبيلشتات, xx: Irgendwo }\n",
        )
        .replace(
            "  file_name: wegweiser\n",
            "  file_name: wegweiser\n  contact_point: nirgends\n  print: { bleed_mm: 30 }\n",
        );
    std::fs::write(root.path().join("config.yaml"), config).unwrap();
    let (code, report) = check_json(root.path());
    assert_eq!(code, 1, "{report:#}");
    let has = |report: &Value, expected: &str, line: u64| {
        let errors = errors(report);
        assert!(
            errors
                .iter()
                .any(|e| e.0 == "config.yaml" && e.1 == Some(line) && e.3.contains(expected)),
            "{expected} (line {line}) not in {errors:#?}"
        );
    };
    has(&report, "`xx` is not a configured language", 2);
    has(&report, "a bleed of 30 mm is out of range", 27);
    // The contact point is looked up among the actors once config.yaml itself is valid.
    let config = std::fs::read_to_string(root.path().join("config.yaml"))
        .unwrap()
        .replace(", xx: Irgendwo", "")
        .replace("bleed_mm: 30", "bleed_mm: 3");
    std::fs::write(root.path().join("config.yaml"), &config).unwrap();
    let (code, report) = check_json(root.path());
    assert_eq!(code, 1, "{report:#}");
    has(&report, "there is no actor `nirgends`", 26);
    // Valid names and a known contact point pass.
    let config = config.replace("nirgends", "beratung-a");
    std::fs::write(root.path().join("config.yaml"), config).unwrap();
    let (code, report) = check_json(root.path());
    assert_eq!(code, 0, "{report:#}");
}

#[test]
fn a_schema_line_that_misses_the_schema_is_a_warning_with_the_right_line() {
    let profile = std::fs::read(fixture("good/actors/stadt/buergerbuero/profile.yaml")).unwrap();
    let with_line = |line: &str| [line.as_bytes(), b"\n", &profile].concat();
    let root = root_with(&[
        // Copied from a folder one level higher: one `../` short.
        (
            "stadt/buergerbuero/profile.yaml",
            with_line("# yaml-language-server: $schema=../../schemas/profile.schema.json"),
        ),
        (
            "stadt/jobcenter/profile.yaml",
            with_line("# yaml-language-server: $schema=../../../schemas/profile.schema.json"),
        ),
    ]);
    let (code, report) = check_json(root.path());
    assert_eq!(code, 0, "{report:#}");
    let warnings: Vec<&Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["message"].as_str().unwrap().contains("`$schema`"))
        .collect();
    assert_eq!(warnings.len(), 1, "{report:#}");
    assert_eq!(warnings[0]["severity"], "warning");
    assert_eq!(
        warnings[0]["file"],
        "actors/stadt/buergerbuero/profile.yaml"
    );
    assert_eq!(warnings[0]["line"], 1);
    assert_eq!(
        warnings[0]["hint"],
        "replace the line with: # yaml-language-server: $schema=../../../schemas/profile.schema.json"
    );
}

#[test]
fn new_points_the_profile_at_the_schema() {
    let root = root_with(&[]);
    let output = steckbrief(&["new", "amt", "--root", root.path().to_str().unwrap()]);
    assert!(output.status.success(), "{output:?}");
    let text = std::fs::read_to_string(root.path().join("actors/amt/profile.yaml")).unwrap();
    assert_eq!(
        text.lines().next(),
        Some("# yaml-language-server: $schema=../../schemas/profile.schema.json")
    );
}

#[test]
fn schemas_list_the_ids_of_the_content_roots_config() {
    let out = tempfile::tempdir().unwrap();
    let root = fixture("good");
    let output = steckbrief(&[
        "schema",
        "--root",
        root.to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{output:?}");
    let text = std::fs::read_to_string(out.path().join("profile.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let properties = &schema["properties"];
    assert_eq!(
        properties["topics"]["items"]["enum"],
        serde_json::json!(["work", "language"])
    );
    assert_eq!(
        properties["topics"]["items"]["enumDescriptions"],
        serde_json::json!(["Arbeit", "Deutschkurse"])
    );
    assert_eq!(
        properties["languages"]["items"]["enum"],
        serde_json::json!(["de", "en", "ar", "fr"])
    );
    assert!(
        properties["summary"]["description"]
            .as_str()
            .unwrap()
            .starts_with("PFLICHT. Ein Satz"),
        "{text}"
    );
}

/// A profile that misses required texts, a block and a contact's name still has its other values
/// checked: every error of the file in one run, not one more after each fix.
#[test]
fn a_missing_required_field_does_not_hide_the_other_errors() {
    let profile = "\
name: Verein Miteinander
kind: association
topics: [work]
target_groups: [refugees]
description: Wir treffen uns jeden Mittwoch.
contacts:
  - name: Max Muster
    phone: 06861 12a4
    email: max(at)example.org
  - role: Beratung
    email: beratung@example
last_reviewed: 2026-06-01
";
    let root = root_with(&[("verein/profile.yaml", profile.as_bytes().to_vec())]);
    let (code, report) = check_json(root.path());
    assert_eq!(code, 1, "{report:#}");
    let file = "actors/verein/profile.yaml".to_owned();
    assert_eq!(
        errors(&report),
        vec![
            (
                file.clone(),
                Some(1),
                Some(1),
                "missing field `address`".to_owned()
            ),
            (
                file.clone(),
                Some(1),
                Some(1),
                "missing field `summary`".to_owned()
            ),
            (
                file.clone(),
                Some(8),
                Some(5),
                "the phone number `06861 12a4` contains `a`".to_owned()
            ),
            (
                file.clone(),
                Some(9),
                Some(5),
                "`max(at)example.org` is not a valid e-mail address".to_owned()
            ),
            // A contact without a name keeps its place: its e-mail is checked too.
            (
                file.clone(),
                Some(10),
                Some(5),
                "missing field `name` in `contacts[2]`".to_owned()
            ),
            (
                file,
                Some(11),
                Some(5),
                "`beratung@example` is not a valid e-mail address".to_owned()
            ),
        ],
        "{report:#}"
    );
}
