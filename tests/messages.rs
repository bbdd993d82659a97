//! What an editor reads, in German and in English: `check` on a content root with mistakes
//! planted across files and config.yaml (tests/fixtures/mistakes), compared with the exact text
//! in tests/snapshots/, plus the choice of language, the quiet summary and GitHub annotations.
//!
//! After a deliberate change of a message, write the new snapshots with
//! `UPDATE_SNAPSHOTS=1 cargo test --features synthetic --test messages` and review the diff.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::TODAY_EPOCH;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Runs the binary on `args` with `locale` as LANG (and no other locale variable).
fn run(args: &[&str], locale: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_steckbrief"));
    command
        .args(args)
        .env("SOURCE_DATE_EPOCH", TODAY_EPOCH)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    if let Some(locale) = locale {
        command.env("LANG", locale);
    }
    command.output().expect("the binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `check` on the planted mistakes, from inside the content root as editors run it.
fn check_mistakes(extra: &[&str], locale: Option<&str>) -> Output {
    let root = fixture("mistakes");
    let mut args = vec!["check", "--root", root.to_str().unwrap()];
    args.extend_from_slice(extra);
    run(&args, locale)
}

fn assert_snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    assert!(
        actual == expected,
        "{name} differs; the editor now reads:\n{actual}"
    );
}

#[test]
fn german_messages_for_the_planted_mistakes() {
    let output = check_mistakes(&["--lang", "de"], None);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert_snapshot("check-mistakes.de.txt", &text);
    // Every mistake of every file in one run: config.yaml's error does not hide the actors',
    // and the jobcenter's wrong `kind` does not hide its wrong topic, web address and
    // wheelchair value, nor the missing `kind`, the unquoted postcode and the target group
    // written as text of the Verein its e-mail and date. The postcode is one error, not also
    // "not a German postcode".
    assert_eq!(text.matches("\nFehler: ").count() + 1, 12, "{text}");
    assert!(text.ends_with(
        "3 Steckbriefe geprüft: 12 Fehler, 4 Warnungen\n\
         3 Warnungen zu fehlenden Übersetzungen nicht einzeln aufgeführt, alle anzeigen: steckbrief check --verbose\n"
    ));
}

#[test]
fn english_messages_for_the_planted_mistakes() {
    let output = check_mistakes(&["--lang", "en"], None);
    assert_eq!(output.status.code(), Some(1));
    assert_snapshot("check-mistakes.en.txt", &stderr(&output));
}

#[test]
fn one_error_per_mistake() {
    let text = stderr(&check_mistakes(&["--lang", "en"], None));
    // `wheelchair: true` is neither text nor one of the values: one error, with the choices.
    assert_eq!(text.matches("wheelchair").count(), 2, "{text}");
    assert!(text.contains(
        "error: `true` is not a valid value for `accessibility.wheelchair`\n  --> actors/jobcenter/profile.yaml:19:3\n"
    ));
    assert!(!text.contains("wheelchair` must be"), "{text}");
    // `postcode: 66663` (a number): "put it in quotes", and its digits are checked as written,
    // without a second "is not a German postcode".
    assert!(text.contains(
        "error: `address.postcode` must be text, but this is a number\n  --> actors/verein/profile.yaml:11:3\n"
    ), "{text}");
    assert!(!text.contains("postcode`: "), "{text}");
    assert!(!text.contains("is not a German postcode"), "{text}");
}

#[test]
fn the_language_follows_the_flag_then_the_locale_then_the_content() {
    let german = "Fehler: `blau` ist keine Farbe";
    let english = "error: `blau` is not a colour";
    // The content's source language is German: German without flag and locale, and with a
    // locale that is neither German nor English.
    for locale in [None, Some("C.UTF-8"), Some("fr_FR.UTF-8")] {
        let text = stderr(&check_mistakes(&[], locale));
        assert!(text.contains(german), "{locale:?}: {text}");
    }
    let text = stderr(&check_mistakes(&[], Some("en_GB.UTF-8")));
    assert!(text.contains(english), "{text}");
    let text = stderr(&check_mistakes(&["--lang", "de"], Some("en_GB.UTF-8")));
    assert!(text.contains(german), "{text}");
}

#[test]
fn verbose_lists_every_missing_translation_at_a_file_that_exists() {
    let output = check_mistakes(&["--lang", "de", "--verbose"], None);
    let text = stderr(&output);
    assert!(text.contains(
        "Warnung: fehlende Übersetzung (ar): summary, description, contacts.role\n  --> actors/jobcenter/profile.yaml\n  = Tipp: es gibt noch keine Datei ar.yaml; bis zur Übersetzung sehen Leserinnen und Leser den deutschen Text mit einem Hinweis\n"
    ), "{text}");
    assert!(
        text.contains(
            "Warnung: fehlende Übersetzung (en): summary, description\n  --> actors/verein/profile.yaml\n"
        ),
        "{text}"
    );
    assert!(!text.contains("nicht einzeln aufgeführt"), "{text}");
    assert!(!text.contains("nicht übersetzt ("), "{text}");
    // Errors come first, then the warnings.
    let last_error = text.rfind("Fehler: ").unwrap();
    let first_warning = text.find("Warnung: ").unwrap();
    assert!(last_error < first_warning, "{text}");
}

#[test]
fn github_annotations_only_on_files_that_exist_one_per_actor_and_language() {
    let root = fixture("mistakes");
    for verbose in [false, true] {
        let mut args = vec!["--lang", "en", "--format", "github"];
        if verbose {
            args.push("--verbose");
        }
        let output = check_mistakes(&args, None);
        assert_eq!(output.status.code(), Some(1));
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        let mut seen = std::collections::BTreeSet::new();
        for line in stdout.lines() {
            if let Some(file) = line
                .split_once(" file=")
                .map(|(_, rest)| rest.split([',', ':']).next().unwrap())
            {
                assert!(root.join(file).is_file(), "{file} does not exist: {line}");
            }
            if line.contains("missing translation into") {
                let key = (
                    line.split(',').next().unwrap().to_owned(),
                    line.split("`").nth(1).unwrap().to_owned(),
                );
                assert!(seen.insert(key), "twice: {line}");
            }
        }
        let errors = stdout.lines().filter(|l| l.starts_with("::error ")).count();
        assert_eq!(errors, 12, "{stdout}");
        // The errors come first, before GitHub's limit of ten annotations per kind cuts in.
        assert!(stdout.starts_with("::error "), "{stdout}");
        if verbose {
            assert_eq!(seen.len(), 3, "{stdout}");
        } else {
            assert!(seen.is_empty(), "{stdout}");
            assert!(
                stdout.contains(
                    "::notice title=Missing translations::not translated into ar: 5 fields in 2 actors\n"
                ),
                "{stdout}"
            );
        }
    }
}

#[test]
fn report_and_the_report_page_speak_the_source_language() {
    let root = fixture("good");
    let output = run(&["report", "--root", root.to_str().unwrap()], None);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        report.starts_with("# Statusbericht\n\nStand: 28.11.2026, 2 Steckbriefe.\n\n## Übersetzungen\n\n| Sprache | übersetzte Felder | Anteil |\n"),
        "{report}"
    );
    let output = run(
        &["report", "--root", root.to_str().unwrap(), "--lang", "en"],
        None,
    );
    let report = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        report.starts_with("# Status report\n\nAs of 2026-11-28, 2 actors."),
        "{report}"
    );

    // The page is German whatever the language of the messages.
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("public");
    let output = run(
        &[
            "build",
            "--root",
            root.to_str().unwrap(),
            "--out",
            site.to_str().unwrap(),
            "--no-brochures",
            "--lang",
            "en",
        ],
        Some("en_US.UTF-8"),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let page = std::fs::read_to_string(site.join("report/index.html")).unwrap();
    assert!(page.contains("Statusbericht"), "{page}");
    assert!(page.contains("Übersetzungen"), "{page}");
    assert!(!page.contains("Status report"), "{page}");
}

#[test]
fn build_says_how_to_see_the_hidden_warnings() {
    let root = fixture("good");
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("public");
    let output = run(
        &[
            "build",
            "--root",
            root.to_str().unwrap(),
            "--out",
            site.to_str().unwrap(),
            "--no-brochures",
        ],
        None,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stderr(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("nicht übersetzt (ar): ")),
        "{text}"
    );
    assert!(
        lines.iter().any(|l| l.ends_with(
            "zu fehlenden Übersetzungen nicht einzeln aufgeführt, alle anzeigen: steckbrief build --verbose"
        )),
        "{text}"
    );
    assert!(
        lines
            .last()
            .unwrap()
            .contains("Seiten und 0 PDF-Broschüren nach "),
        "{text}"
    );
}

#[test]
fn fatal_problems_are_german_too() {
    let output = run(&["check", "--root", "/nonexistent/steckbrief"], None);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "Fehler: keine config.yaml in /nonexistent/steckbrief: ist das der Inhaltsordner? (geben Sie ihn mit --root ORDNER an)\n"
    );
}

/// A profile with a mistake on almost every line: each is reported once, at its line, whatever
/// stage of the check finds it (structure or meaning).
#[test]
fn every_mistake_of_a_file_once_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&fixture("good"), dir.path());
    std::fs::write(
        dir.path().join("actors/beratung-a/profile.yaml"),
        PROFILE_WITH_MISTAKES,
    )
    .unwrap();
    let output = run(
        &[
            "check",
            "--root",
            dir.path().to_str().unwrap(),
            "--lang",
            "en",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let errors: Vec<(u64, String)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            assert_eq!(d["file"], "actors/beratung-a/profile.yaml");
            (
                d["line"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        (1, "`name` is empty"),
        (3, "`topics` needs at least one entry"),
        (4, "the target group `refugees` is listed twice"),
        (5, "`summary` is empty"),
        (10, "`contacts[1].name` is empty"),
        (11, "`contacts[1].email` is empty"),
        (12, "`contacts[1].phone` is empty"),
        (15, "`6666` is not a German postcode"),
        (
            20,
            "`opening_hours.weekly[1].times` must be a list, but this is text",
        ),
        (22, "`25:00-26:00` is not a time range"),
        (
            23,
            "`opening_hours.weekly[2].closed` must be true or false, but this is text",
        ),
        (
            25,
            "`vielleicht` is not a valid value for `accessibility.wheelchair`",
        ),
        (26, "unknown field `latitude`"),
    ];
    let expected: Vec<(u64, String)> = expected
        .iter()
        .map(|(line, message)| (*line, (*message).to_owned()))
        .collect();
    assert_eq!(errors, expected);
}

const PROFILE_WITH_MISTAKES: &str = r#"name: ""
kind: counselling
topics: []
target_groups: [refugees, refugees]
summary:
description: Text
offers:
  - Beratung
contacts:
  - name: ""
    email: ""
    phone: ""
address:
  street: Hauptstraße 1
  postcode: "6666"
  city: Beispielstadt
opening_hours:
  weekly:
    - days: Mo-Fr
      times: "08:00-12:00"
    - days: Sa
      times: ["25:00-26:00"]
      closed: ja
accessibility:
  wheelchair: vielleicht
latitude: 49.1
last_reviewed: 2026-06-01
"#;

/// A config.yaml so broken that it does not load (a required field missing) still lends its
/// languages, topics and target groups to the actors' checks.
#[test]
fn a_config_that_does_not_load_does_not_hide_the_actors_errors() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&fixture("mistakes"), dir.path());
    let config = dir.path().join("config.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    let without_title: String = text
        .lines()
        .filter(|line| !line.starts_with("title:"))
        .map(|line| format!("{line}\n"))
        .collect();
    assert_ne!(without_title, text);
    std::fs::write(&config, without_title).unwrap();
    let output = run(
        &[
            "check",
            "--root",
            dir.path().to_str().unwrap(),
            "--lang",
            "en",
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    for expected in [
        "error: missing field `title`\n  --> config.yaml:1:1\n",
        "error: there is no topic `arbeit` in config.yaml\n",
        "error: `fr` is not a language of the site (`languages` in config.yaml)\n",
        "error: `15.06.2026` is not a date\n",
        "not translated into ar: 5 fields in 2 actors\n",
    ] {
        assert!(text.contains(expected), "{expected}\n---\n{text}");
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// `--help` in German by the locale and by `--lang`, in English by `--lang en`, each compared
/// with the exact text in tests/snapshots/.
#[test]
fn help_in_german_and_english() {
    let german = run(&["--help"], Some("de_DE.UTF-8"));
    assert_eq!(german.status.code(), Some(0));
    assert_snapshot("help.de.txt", &stdout(&german));
    let english = run(&["--help"], Some("en_GB.UTF-8"));
    assert_snapshot("help.en.txt", &stdout(&english));
    assert!(
        stdout(&german).contains("\nBefehle:\n"),
        "{}",
        stdout(&german)
    );

    let build = |extra: &[&str], locale| {
        let mut args = vec!["build", "--help"];
        args.extend_from_slice(extra);
        stdout(&run(&args, locale))
    };
    let german = build(&["--lang", "de"], Some("en_GB.UTF-8"));
    assert_snapshot("help-build.de.txt", &german);
    assert_eq!(build(&[], Some("de_DE.UTF-8")), german);
    // Without flag and locale, the content's language decides (German for the example).
    assert_eq!(build(&[], None), german);
    assert_snapshot(
        "help-build.en.txt",
        &build(&["--lang", "en"], Some("de_DE.UTF-8")),
    );
    // `brochure --lang` picks the brochure, not the language of the help.
    let brochure = stdout(&run(
        &["brochure", "--lang", "en", "--help"],
        Some("de_DE.UTF-8"),
    ));
    assert!(
        brochure.contains("Aufruf: steckbrief brochure [OPTIONEN]"),
        "{brochure}"
    );
}

/// The items of a help text (`-h`): each command or option with the first line of its
/// description.
fn help_items(text: &str) -> Vec<(String, String)> {
    let mut items = Vec::new();
    for line in text.lines() {
        let Some(item) = line.strip_prefix("  ") else {
            continue;
        };
        let item = item.trim_start();
        let (name, description) = item.split_once("  ").unwrap_or((item, ""));
        items.push((name.to_owned(), description.trim().to_owned()));
    }
    items
}

/// Every command and every argument `--help` shows has a German and an English text: a new
/// argument whose help is only its doc comment would read the same in both and fails here
/// (src/cmd/help.rs: `arg_help`).
#[test]
fn every_command_and_argument_has_a_german_help() {
    let mut paths: Vec<Vec<String>> = vec![Vec::new()];
    let mut seen = 0;
    while let Some(path) = paths.pop() {
        let help = |locale| {
            let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
            args.push("-h");
            let output = run(&args, Some(locale));
            assert_eq!(output.status.code(), Some(0), "{args:?}");
            stdout(&output)
        };
        let (english, german) = (help("en_GB.UTF-8"), help("de_DE.UTF-8"));
        let (english_items, german_items) = (help_items(&english), help_items(&german));
        assert_eq!(english_items.len(), german_items.len(), "{german}");
        for ((name, en), (_, de)) in english_items.iter().zip(&german_items) {
            assert!(
                !de.is_empty() && !en.is_empty(),
                "{path:?} {name}: {german}"
            );
            assert_ne!(
                de,
                en,
                "`steckbrief {}` {name} has no German help",
                path.join(" ")
            );
            seen += 1;
        }
        // The commands below this one (`help` shows only the others' help again).
        let commands = english
            .split_once("\nCommands:\n")
            .map(|(_, rest)| rest.split("\n\n").next().unwrap_or_default())
            .unwrap_or_default();
        for (name, _) in help_items(commands) {
            if name != "help" {
                let mut sub = path.clone();
                sub.push(name);
                paths.push(sub);
            }
        }
    }
    // 12 commands and `help` at the top, `export hsds`, and every command's arguments.
    assert!(seen >= 60, "{seen}");
}

/// A mistake on the command line is explained in German, with the close match and the usage.
#[test]
fn usage_errors_in_german_and_english() {
    let german = run(&["build", "--rot", "x"], Some("de_DE.UTF-8"));
    assert_eq!(german.status.code(), Some(2));
    assert_eq!(
        stderr(&german),
        "Fehler: unbekanntes Argument `--rot`\n  Tipp: meinten Sie `--root`?\n\n\
         Aufruf: steckbrief build [OPTIONEN]\n\nMehr dazu: steckbrief build --help\n"
    );
    let english = run(&["build", "--rot", "x", "--lang", "en"], None);
    assert_eq!(
        stderr(&english),
        "error: unexpected argument `--rot`\n  hint: did you mean `--root`?\n\n\
         Usage: steckbrief build [OPTIONS]\n\nFor more information, try: steckbrief build --help\n"
    );
    let output = run(&["check", "--format", "xml"], Some("de_DE.UTF-8"));
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "Fehler: `xml` ist kein gültiger Wert für `--format <FORMAT>`\n  \
         Tipp: mögliche Werte: `human`, `json`, `github`, `gitlab`\n\n\
         Mehr dazu: steckbrief check --help\n"
    );
}

/// A broken brochure template in the content folder: a German frame around typst's own words,
/// with the file, line and column typst names, the line itself, and what to do.
#[test]
fn typst_errors_in_a_german_frame() {
    let root = tempfile::tempdir().unwrap();
    common::copy_dir(&fixture("good"), root.path());
    std::fs::create_dir_all(root.path().join("templates")).unwrap();
    std::fs::write(
        root.path().join("templates/brochure.typ"),
        "= Broschüre\n\n#let data = json(\"/data.json\")\n#let farbe = luma(80) + unbekannt-x\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let output = run(
        &[
            "brochure",
            "--root",
            root.path().to_str().unwrap(),
            "--out",
            out.path().join("public").to_str().unwrap(),
            "--lang",
            "de",
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "Fehler: die Broschüre `de` kann nicht gesetzt werden, typst meldet 1 Problem:\n\
         \n\
         Fehler: typst meldet: „unknown variable: unbekannt-x“\n  \
         --> templates/brochure.typ:4:25\n  \
         |\n\
         4 | #let farbe = luma(80) + unbekannt-x\n  \
         |                         ^\n  \
         = Tipp: typst schlägt vor: „if you meant to use subtraction, try adding spaces around the minus sign: `unbekannt - x`“; \
         templates/brochure.typ im Inhaltsordner ersetzt die eingebaute Vorlage: korrigieren Sie die Datei an dieser Stelle, \
         oder löschen Sie sie, dann gilt wieder die eingebaute\n"
    );
}
