//! Leichte Sprache (`de-x-ls`, a variant of German): the pages and the brochure a reader gets,
//! the fallback to standard German field by field, and the warnings `check` gives editors.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use jiff::civil::Date;
use scraper::{Html, Selector};
use steckbrief::catalog::Catalog;
use steckbrief::model::translation::Field;

use common::{copy_dir, steckbrief, steckbrief_ok};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn catalog(root: &Path) -> Catalog {
    let checked = steckbrief::check(root, Date::new(2026, 11, 28).unwrap()).expect("loads");
    checked
        .catalog
        .unwrap_or_else(|| panic!("{:#?}", checked.diagnostics.sorted()))
}

/// The example site without brochures, built once for the page tests.
fn site() -> PathBuf {
    static SITE: OnceLock<tempfile::TempDir> = OnceLock::new();
    let dir = SITE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        steckbrief_ok(&[
            "build",
            "--root",
            repo().to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--no-brochures",
        ]);
        dir
    });
    dir.path().join("public")
}

/// A copy of the example content (config, actors, pages, UI strings, theme) to change.
fn content_copy() -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    std::fs::copy(repo().join("config.yaml"), root.path().join("config.yaml")).unwrap();
    for folder in ["actors", "content", "i18n", "theme"] {
        copy_dir(&repo().join(folder), &root.path().join(folder));
    }
    root
}

fn page(path: &str) -> Html {
    let file = site().join(path.trim_start_matches('/')).join("index.html");
    Html::parse_document(
        &std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display())),
    )
}

fn texts(html: &Html, selector: &str) -> Vec<String> {
    html.select(&Selector::parse(selector).unwrap())
        .map(|e| e.text().collect::<String>().trim().to_owned())
        .collect()
}

fn attr(html: &Html, selector: &str, name: &str) -> Option<String> {
    html.select(&Selector::parse(selector).unwrap())
        .next()?
        .value()
        .attr(name)
        .map(str::to_owned)
}

const BASE_NOTE: &str = "Manche Texte hier sind nicht in Leichter Sprache.";

#[test]
fn a_translated_actor_page_is_in_leichte_sprache_throughout() {
    let html = page("/de-x-ls/jobcenter-merzig/");
    assert_eq!(attr(&html, "html", "lang").as_deref(), Some("de-x-ls"));
    assert_eq!(attr(&html, "html", "dir").as_deref(), Some("ltr"));
    assert_eq!(attr(&html, "html", "class").as_deref(), Some("easy-read"));
    assert_eq!(
        texts(&html, ".lead p"),
        [
            "Das Job·center zahlt Geld zum Leben. Und das Job·center hilft Ihnen bei der Suche nach Arbeit."
        ]
    );
    // Every field has its Leichte Sprache text: no note of any kind.
    assert!(texts(&html, ".base-note, .fallback-note, .fallback").is_empty());
    // One sentence per line: the line breaks of the Markdown are kept.
    let prose = html
        .select(&Selector::parse(".prose p").unwrap())
        .next()
        .unwrap()
        .html();
    assert!(
        prose.contains("Sie sind geflüchtet?<br>"),
        "each sentence on its own line: {prose}"
    );
    // UI strings: its own where Leichte Sprache words them differently, German's elsewhere.
    assert!(texts(&html, "h2").contains(&"Öffnungs·zeiten".to_owned()));
    assert_eq!(texts(&html, ".skip-link"), ["Zum Inhalt springen"]);
}

#[test]
fn missing_fields_come_from_german_without_the_foreign_language_note() {
    // The Agentur für Arbeit has summary, description, offers and costs in Leichte Sprache,
    // but not the roles of its contact persons or the notes.
    let html = page("/de-x-ls/agentur-fuer-arbeit/");
    assert_eq!(
        texts(&html, ".lead p"),
        [
            "Die Agentur für Arbeit hilft Ihnen bei der Suche nach Arbeit. Und sie berät Sie zu Beruf und Ausbildung."
        ]
    );
    let body: String = texts(&html, "main").concat();
    assert!(body.contains("Berufsberaterin für neu zugewanderte Menschen"));
    assert!(body.contains("Arbeitslosen·geld"));
    // German text is the reader's own language, said once for the page, not per field.
    assert_eq!(texts(&html, ".base-note"), [BASE_NOTE]);
    assert!(texts(&html, ".fallback-note, .fallback").is_empty());

    // An actor without any Leichte Sprache text: all German, the same single note.
    let html = page("/de-x-ls/bim/");
    assert_eq!(texts(&html, ".base-note"), [BASE_NOTE]);
    assert!(texts(&html, ".fallback-note, .fallback").is_empty());
    // A foreign language still marks each untranslated field.
    let persian = page("/fa/bim/");
    assert!(!texts(&persian, ".fallback-note").is_empty());
    assert!(texts(&persian, ".base-note").is_empty());
}

#[test]
fn fallback_is_resolved_field_by_field() {
    let catalog = catalog(&repo());
    let actor = |slug: &str| catalog.actors.iter().find(|a| a.slug == slug).unwrap();
    let agentur = catalog.local(actor("agentur-fuer-arbeit"), "de-x-ls");
    assert_eq!(agentur.summary.language, "de-x-ls");
    assert_eq!(agentur.costs.unwrap().language, "de-x-ls");
    let role = agentur.roles[0].unwrap();
    assert_eq!(
        (role.language, role.is_fallback),
        ("de", false),
        "German for a Leichte Sprache reader is not a foreign-language fallback"
    );
    assert!(agentur.uses_base());
    assert!(!agentur.has_fallback());
    assert!(!agentur.fell_back(Field::ContactRoles));
    let jobcenter = catalog.local(actor("jobcenter-merzig"), "de-x-ls");
    assert!(!jobcenter.uses_base());
    // Readers of a foreign language get the German text marked as fallback.
    let persian = catalog.local(actor("bim"), "fa");
    assert!(persian.has_fallback() && persian.summary.is_fallback);
    assert!(!persian.uses_base());
    // Labels, titles and UI strings fall back the same way.
    let languages = catalog.fallbacks("de-x-ls");
    assert_eq!(languages.chain().collect::<Vec<_>>(), ["de-x-ls", "de"]);
    assert_eq!(
        catalog.i18n.get("de-x-ls", "opening_hours"),
        "Öffnungs·zeiten"
    );
    assert_eq!(catalog.i18n.get("de-x-ls", "phone"), "Telefon");
}

#[test]
fn the_home_page_and_the_site_offer_leichte_sprache() {
    let home = page("/de-x-ls/");
    assert_eq!(attr(&home, "html", "lang").as_deref(), Some("de-x-ls"));
    let body: String = texts(&home, "main").concat();
    assert!(
        body.contains("Willkommen in Merzig"),
        "the foreword: {body}"
    );
    assert!(body.contains("Diese Stellen helfen Ihnen."), "{body}");
    assert!(body.contains("Hier finden Sie Hilfe bei Arbeit, Ausbildung und Leben in Merzig."));
    // The language switcher of every language, and hreflang alternates.
    let german = page("/de/jobcenter-merzig/");
    assert_eq!(
        attr(&german, ".language-switcher a[hreflang='de-x-ls']", "href").as_deref(),
        Some("../../de-x-ls/jobcenter-merzig/")
    );
    assert_eq!(
        texts(&german, ".language-switcher a[lang='de-x-ls']"),
        ["Leichte Sprache"]
    );
    assert_eq!(
        attr(&german, "link[rel=alternate][hreflang='de-x-ls']", "href").as_deref(),
        Some("https://integration.merzig.example.org/de-x-ls/jobcenter-merzig/")
    );
    let sitemap = std::fs::read_to_string(site().join("sitemap.xml")).unwrap();
    assert!(
        sitemap.contains("<loc>https://integration.merzig.example.org/de-x-ls/vhs-merzig/</loc>")
    );
    // Its own search index, with its own summaries.
    let index = std::fs::read_dir(site().join("de-x-ls"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with("search.")
        })
        .expect("a search index");
    let index = std::fs::read_to_string(index).unwrap();
    assert!(index.contains("In der Volks·hoch·schule lernen Sie Deutsch."));
}

#[test]
fn the_brochure_is_printed_in_leichte_sprache() {
    let out = tempfile::tempdir().unwrap();
    steckbrief_ok(&[
        "brochure",
        "--root",
        repo().to_str().unwrap(),
        "--lang",
        "de-x-ls",
        "--out",
        out.path().to_str().unwrap(),
    ]);
    let pdf = out.path().join("de-x-ls/arbeiten-und-leben-in-merzig.pdf");
    let output = Command::new("pdftotext")
        .args([pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext runs (poppler-utils)");
    let text = String::from_utf8_lossy(&output.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for expected in [
        "Willkommen in Merzig",
        "Das Job·center zahlt Geld zum Leben.",
        "Die Migrations·beratung hilft Erwachsenen ab 27 Jahren.",
        "Alle Stellen von A bis Z",
        BASE_NOTE,
    ] {
        assert!(
            text.contains(expected),
            "{expected} missing in the brochure"
        );
    }
    // German text is not marked as untranslated.
    assert!(!text.contains("Diesen Text gibt es noch nicht in Leichter Sprache."));
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let pages: usize = String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert_eq!(pages % 4, 0, "saddle stitching");
}

/// `steckbrief check --format json` on `root`: exit code and the diagnostics.
fn check_json(root: &Path) -> (i32, Vec<serde_json::Value>) {
    let output = steckbrief(&[
        "check",
        "--root",
        root.to_str().unwrap(),
        "--format",
        "json",
        "--lang",
        "de",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    (
        output.status.code().unwrap(),
        report["diagnostics"].as_array().unwrap().clone(),
    )
}

fn easy_read_warnings(diagnostics: &[serde_json::Value]) -> Vec<&serde_json::Value> {
    diagnostics
        .iter()
        .filter(|d| {
            d["message"]
                .as_str()
                .unwrap()
                .contains("Netzwerks Leichte Sprache")
        })
        .collect()
}

#[test]
fn the_shipped_leichte_sprache_texts_follow_the_rules() {
    let (code, diagnostics) = check_json(&repo());
    assert_eq!(code, 0);
    assert_eq!(
        easy_read_warnings(&diagnostics),
        Vec::<&serde_json::Value>::new()
    );
    // A variant's missing texts and UI strings are not reported as missing translations.
    assert!(
        !diagnostics
            .iter()
            .any(|d| d["message"].as_str().unwrap().contains("de-x-ls")),
        "{diagnostics:#?}"
    );
}

#[test]
fn check_warns_about_long_sentences_and_words_in_leichte_sprache_only() {
    let root = content_copy();
    let long = "Die Volkshochschule bietet Ihnen Integrationskurse an, in denen Sie Deutsch \
                lernen und sich auf die Prüfung vorbereiten können.";
    let append = |file: &str, text: &str| {
        let path = root.path().join(file);
        let old = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, old + text).unwrap();
    };
    // In Leichte Sprache: a translation, a page, a UI string, a label in config.yaml.
    append(
        "actors/vhs-merzig/de-x-ls.yaml",
        &format!("transport: |\n  Der Bus hält vor dem Haus.\n  {long}\n"),
    );
    append(
        "content/pages/foreword/de-x-ls.md",
        "\nFragen Sie nach der Integrationskursberechtigung.\n",
    );
    append("i18n/de-x-ls.yaml", "phone: Telefonnummernverzeichnis\n");
    let config = root.path().join("config.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        text.replace(
            "de-x-ls: Hier finden Sie Hilfe bei Arbeit, Ausbildung und Leben in Merzig.",
            "de-x-ls: Ein Wegweiser zu den Ansprechpersonen für Arbeit, Ausbildung und \
             Integration in der Kreisstadt Merzig im Saarland",
        ),
    )
    .unwrap();
    // The same sentence in standard German: no warning.
    append("content/pages/foreword/de.md", &format!("\n{long}\n"));
    let (code, diagnostics) = check_json(root.path());
    assert_eq!(code, 0, "warnings, not errors: {diagnostics:#?}");
    let warnings = easy_read_warnings(&diagnostics);
    let found: Vec<(&str, u64, &str)> = warnings
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap(),
                d["line"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(warnings.len(), 4, "{found:#?}");
    let vhs = &found[..]
        .iter()
        .filter(|(file, ..)| *file == "actors/vhs-merzig/de-x-ls.yaml")
        .collect::<Vec<_>>();
    assert_eq!(vhs.len(), 1, "{found:#?}");
    let lines =
        std::fs::read_to_string(root.path().join("actors/vhs-merzig/de-x-ls.yaml")).unwrap();
    let line = lines
        .lines()
        .position(|l| l.contains("Die Volkshochschule"))
        .unwrap()
        + 1;
    assert_eq!(
        vhs[0].1, line as u64,
        "the warning points at the sentence's line"
    );
    assert!(
        vhs[0].2.contains("Dieser Satz hat 18 Wörter"),
        "{}",
        vhs[0].2
    );
    assert!(
        found.iter().any(
            |(file, _, message)| *file == "content/pages/foreword/de-x-ls.md"
                && message.contains("„Integrationskursberechtigung“ hat 28 Buchstaben")
        ),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|(file, _, message)| *file == "i18n/de-x-ls.yaml"
                && message.contains("„Telefonnummernverzeichnis“")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|(file, _, message)| *file == "config.yaml" && message.contains("hat 16 Wörter")),
        "{found:#?}"
    );
    assert!(
        found.iter().all(|(file, ..)| !file.ends_with("de.md")),
        "standard German is not held to Leichte Sprache's rules"
    );
    for warning in &warnings {
        assert_eq!(warning["severity"], "warning");
        assert!(warning["hint"].as_str().unwrap().len() > 20);
    }
}

#[test]
fn a_variant_needs_a_configured_base_and_a_valid_code() {
    let root = content_copy();
    let config = root.path().join("config.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        text.replace("base: de, easy_read", "base: xx, easy_read"),
    )
    .unwrap();
    let (code, diagnostics) = check_json(root.path());
    assert_eq!(code, 1);
    assert!(
        diagnostics.iter().any(|d| d["message"]
            == "die Grundsprache `xx` steht nicht unter `languages`"
            && d["severity"] == "error"),
        "{diagnostics:#?}"
    );
    std::fs::write(
        &config,
        text.replace("base: de, easy_read", "base: de, rtl: true, easy_read"),
    )
    .unwrap();
    let (code, diagnostics) = check_json(root.path());
    assert_eq!(code, 1);
    assert!(
        diagnostics
            .iter()
            .any(|d| d["message"]
                == "`de-x-ls` und seine Grundsprache `de` werden in verschiedene Richtungen geschrieben"),
        "{diagnostics:#?}"
    );
    std::fs::write(&config, text.replace("code: de-x-ls", "code: de-x")).unwrap();
    let (code, diagnostics) = check_json(root.path());
    assert_eq!(code, 1);
    assert!(
        diagnostics
            .iter()
            .any(|d| d["message"] == "`de-x` ist kein Sprachcode"),
        "{diagnostics:#?}"
    );
}
