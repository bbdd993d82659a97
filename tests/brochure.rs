//! The PDF brochure, judged by the tools a print shop and a reader would use: poppler
//! (pdftotext, pdffonts, pdfinfo, pdftoppm), qpdf and a barcode reader (zbarimg).
//! `scripts/test.sh` installs them.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use jiff::civil::Date;
use steckbrief::brochure;
use steckbrief::catalog::Catalog;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixed day: review dates do not age and the "as of" date is known.
fn today() -> Date {
    Date::new(2026, 11, 28).unwrap()
}

fn catalog(root: &Path) -> Catalog {
    let checked = steckbrief::check(root, today()).expect("the content loads");
    checked
        .catalog
        .unwrap_or_else(|| panic!("{:#?}", checked.diagnostics.sorted()))
}

fn tool(program: &str, args: &[&str]) -> (bool, String) {
    let output = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} runs (install poppler-utils and qpdf): {e}"));
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr),
    )
}

/// The text of a PDF with all whitespace collapsed to single spaces (lines break anywhere).
fn text_of(pdf: &Path) -> String {
    let (ok, text) = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(ok, "{text}");
    collapse(&text)
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn page_count(pdf: &Path) -> usize {
    let (ok, info) = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    assert!(ok, "{info}");
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in {info}"))
}

/// Every font in the PDF is embedded (pdffonts' "emb" column).
fn assert_fonts_embedded(pdf: &Path) {
    let (ok, table) = tool("pdffonts", &[pdf.to_str().unwrap()]);
    assert!(ok, "{table}");
    let rows: Vec<&str> = table.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts in {}", pdf.display());
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        // name type [type…] encoding emb sub uni object id: emb is 5th from the end.
        let emb = columns[columns.len() - 5];
        assert_eq!(emb, "yes", "not embedded in {}: {row}", pdf.display());
    }
}

#[test]
fn example_brochures_are_complete_and_print_ready() {
    let catalog = catalog(&repo());
    let out = tempfile::tempdir().unwrap();
    let as_of = catalog.last_reviewed().unwrap();
    let written = brochure::render_all(&catalog, out.path(), as_of).expect("renders");
    assert_eq!(written.len(), catalog.config.brochure.languages.len());
    assert!(
        catalog.actors.iter().any(|a| a.reach.whatsapp.is_some()),
        "the example prints a WhatsApp number"
    );
    for w in &written {
        assert!(w.warnings.is_empty(), "{}: {:#?}", w.language, w.warnings);
        assert_eq!(
            w.path,
            out.path()
                .join(&w.language)
                .join(format!("{}.pdf", catalog.config.brochure.file_name))
        );
        let text = text_of(&w.path);
        for actor in &catalog.actors {
            assert!(
                text.contains(&collapse(&actor.name)),
                "{}: no actor {}",
                w.language,
                actor.name
            );
            if let Some(whatsapp) = &actor.reach.whatsapp {
                assert!(
                    text.contains(&collapse(&whatsapp.display)),
                    "{}: no WhatsApp number of {}",
                    w.language,
                    actor.slug
                );
            }
            for contact in &actor.contacts {
                assert!(
                    text.contains(&collapse(&contact.name)),
                    "{}: no contact person {} of {}",
                    w.language,
                    contact.name,
                    actor.slug
                );
            }
        }
        let pages = page_count(&w.path);
        assert_eq!(pages, w.pages);
        assert_eq!(pages % 4, 0, "{}: {pages} pages", w.language);
        assert_fonts_embedded(&w.path);
        let (ok, report) = tool("qpdf", &["--check", w.path.to_str().unwrap()]);
        assert!(ok, "qpdf --check {}: {report}", w.path.display());
        let (_, info) = tool("pdfinfo", &[w.path.to_str().unwrap()]);
        assert!(info.contains("Tagged:          yes"), "{info}");
    }
    // The imprint says when the content was last reviewed, in the reader's language.
    let german = text_of(&out.path().join("de/arbeiten-und-leben-in-merzig.pdf"));
    let as_of = steckbrief::format::date(as_of, &catalog.i18n, "de");
    assert!(german.contains(&format!("Stand: {as_of}")), "{as_of}");
    // Each Steckbrief says when its actor last checked it, as the website does.
    assert_eq!(
        german.matches("Zuletzt geprüft am").count(),
        catalog.actors.len()
    );
}

#[test]
fn arabic_and_persian_brochures_keep_numbers_left_to_right() {
    let catalog = catalog(&repo());
    let out = tempfile::tempdir().unwrap();
    let languages = ["ar".to_owned(), "fa".to_owned()];
    let written =
        brochure::render_languages(&catalog, &languages, out.path(), today()).expect("renders");
    let jobcenter = catalog
        .actors
        .iter()
        .find(|a| a.slug == "jobcenter-merzig")
        .unwrap();
    for w in written {
        let text = text_of(&w.path);
        // A phone number read in its digit groups' order, not reordered by the bidi algorithm.
        let phone = &jobcenter.contacts[0].phone.as_ref().unwrap().display;
        assert!(text.contains(phone.as_str()), "{}: {phone}", w.language);
        assert!(text.contains("66663 Merzig"), "{}", w.language);
        // The title in the reader's script.
        let title = &catalog.config.title[&w.language];
        assert!(text.contains(title.as_str()), "{}: {title}", w.language);
    }
}

#[test]
fn hostile_text_prints_literally() {
    let root = repo().join("tests/fixtures/hostile");
    let catalog = catalog(&root);
    let out = tempfile::tempdir().unwrap();
    let written = brochure::render_all(&catalog, out.path(), today()).expect("renders");
    let text = |language: &str| {
        let w = written.iter().find(|w| w.language == language).unwrap();
        text_of(&w.path)
    };
    // This fixture asks for A4 (595 × 842 pt).
    let (_, info) = tool("pdfinfo", &[written[0].path.to_str().unwrap()]);
    assert!(info.contains("595.276 x 841.89 pts"), "{info}");
    // In the German brochure every string comes out exactly as written.
    let german = text("de");
    for literal in [
        r#"Verein #panic("x") ] $x$ *fett* @ref <label> \ #read("/etc/passwd")"#,
        r##"#eval("1 + 1") ]; #import "x.typ": * \\ \#"##,
        r#"Zusammenfassung #read("/etc/passwd") mit $a^2$ und _unterstrich_"#,
        r#"Person #panic("contact") <label>"#,
        "Rolle ]#[",
        "Straße #1 ] $",
        r#"Beschreibung mit #panic("md") und #code() und <b>html</b> und Link."#,
        "Punkt mit $y$ und ]",
        "Angebot #let x = 1 ] @ref",
        "Kosten $100 * 2$",
        "Zugang */ #{ 1 } <x>",
        r#"Bus #panic("bus") \ \\ \n"#,
        "und spoof und iso",
    ] {
        assert!(german.contains(literal), "missing {literal}\n{german}");
    }
    // In the Arabic one, Latin text sits in right-to-left lines, where the bidi algorithm may
    // move neutral characters at its ends; the code-like parts still print.
    let arabic = text("ar");
    for literal in [
        r#"panic("x")"#,
        r#"read("/etc/passwd")"#,
        r#"eval("1 + 1")"#,
        r#"panic("contact")"#,
    ] {
        assert!(arabic.contains(literal), "missing {literal}\n{arabic}");
    }
    // The overrides in the fixture are gone (pdftotext itself marks embeddings with
    // U+202A–U+202C, so only these are checked).
    for text in [&german, &arabic] {
        for control in ['\u{202D}', '\u{202E}', '\u{2066}', '\u{2069}'] {
            assert!(!text.contains(control), "{control:?} printed");
        }
    }
}

#[test]
fn same_input_gives_identical_bytes() {
    let root = repo().join("tests/fixtures/good");
    let first = brochure::render(&catalog(&root), "de", today()).expect("renders");
    // Again with typst's cache of the first render (as `serve` re-renders), and after freeing it
    // (as `build` renders).
    let second = brochure::render(&catalog(&root), "de", today()).expect("renders");
    assert!(
        first.bytes == second.bytes,
        "a render from the cache differs"
    );
    let third = brochure::render_with(&catalog(&root), "de", today(), brochure::Cache::Free)
        .expect("renders");
    assert!(
        first.bytes == third.bytes,
        "a render without the cache differs"
    );
    // The timestamp is the "as of" date, not the wall clock.
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("x.pdf");
    std::fs::write(&pdf, &first.bytes).unwrap();
    let (_, info) = tool("pdfinfo", &["-isodates", pdf.to_str().unwrap()]);
    assert!(info.contains("2026-11-28T00:00:00"), "{info}");
}

#[test]
fn qr_codes_decode_to_the_web_pages() {
    let root = repo().join("tests/fixtures/good");
    let catalog = catalog(&root);
    let pdf = brochure::render(&catalog, "de", today()).expect("renders");
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("wegweiser.pdf");
    std::fs::write(&file, &pdf.bytes).unwrap();
    let prefix = out.path().join("page");
    let (ok, report) = tool(
        "pdftoppm",
        &[
            "-r",
            "150",
            "-png",
            file.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    assert!(ok, "{report}");
    let mut pages: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().path().to_str().unwrap().to_owned())
        .filter(|p| p.ends_with(".png"))
        .collect();
    pages.sort();
    let mut args = vec!["--quiet", "--raw"];
    args.extend(pages.iter().map(String::as_str));
    let (_, decoded) = tool("zbarimg", &args);
    for actor in &catalog.actors {
        let url = format!("https://example.org/de/{}/", actor.slug);
        assert!(decoded.lines().any(|l| l == url), "{url} not in {decoded}");
    }
    assert!(
        decoded.lines().any(|l| l == "https://example.org/de/"),
        "{decoded}"
    );
}

#[test]
fn a_broken_template_in_the_content_root_is_reported_with_file_and_line() {
    let root = tempfile::tempdir().unwrap();
    let fixture = repo().join("tests/fixtures/good");
    for entry in walkdir::WalkDir::new(&fixture) {
        let entry = entry.unwrap();
        let target = root
            .path()
            .join(entry.path().strip_prefix(&fixture).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    std::fs::create_dir_all(root.path().join("templates")).unwrap();
    std::fs::write(
        root.path().join("templates/brochure.typ"),
        "= Broschüre\n\n#let data = json(\"/data.json\")\n#nope(data)\n",
    )
    .unwrap();
    let error = brochure::render(&catalog(root.path()), "de", today())
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("templates/brochure.typ:4:2: error: unknown variable: nope"),
        "{error}"
    );
}

#[test]
fn the_command_writes_into_the_language_folders_and_reports_problems() {
    let run = common::steckbrief;
    let out = tempfile::tempdir().unwrap();
    let out_dir = out.path().to_str().unwrap();
    let good = repo().join("tests/fixtures/good");
    let good = good.to_str().unwrap();
    let ok = run(&["brochure", "--root", good, "--out", out_dir, "--lang", "en"]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(!out.path().join("de/wegweiser.pdf").exists());
    // SOURCE_DATE_EPOCH wins over the newest review date (2026-06-01 in this fixture).
    let pdf = out.path().join("en/wegweiser.pdf");
    let (_, info) = tool("pdfinfo", &["-isodates", pdf.to_str().unwrap()]);
    assert!(info.contains("2026-11-28T00:00:00"), "{info}");
    assert!(text_of(&pdf).contains("As of 28/11/2026"));

    let unknown = run(&["brochure", "--root", good, "--out", out_dir, "--lang", "xx"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("`xx`"));

    let bad = repo().join("tests/fixtures/bad");
    let invalid = run(&[
        "brochure",
        "--root",
        bad.to_str().unwrap(),
        "--out",
        out_dir,
    ]);
    assert_eq!(invalid.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&invalid.stderr).contains("error"));
}
