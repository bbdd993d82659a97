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
        // Without the marks pdftotext puts around embedded runs (U+202A–U+202C), which split a
        // Latin name wrapped in a right-to-left brochure.
        let text = collapse(&text_of(&w.path).replace(['\u{202A}', '\u{202B}', '\u{202C}'], ""));
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
        // Nothing runs off a page (running headers included) and no page is blank.
        pages_on_paper(&w.path, &w.language);
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
        error.contains(
            "error: typst says: \"unknown variable: nope\"\n  --> templates/brochure.typ:4:2\n"
        ),
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

/// A word as `pdftotext -bbox` places it, in points from the page's top left corner.
#[derive(Debug)]
struct Word {
    text: String,
    x_min: f64,
    y_min: f64,
    x_max: f64,
    y_max: f64,
}

/// A page as `pdftotext -bbox` sees it: its size and its words.
#[derive(Debug)]
struct Page {
    width: f64,
    height: f64,
    words: Vec<Word>,
}

/// The value of `name="…"` in an element's attributes.
fn attribute(element: &str, name: &str) -> f64 {
    let start = element
        .find(&format!("{name}=\""))
        .unwrap_or_else(|| panic!("no {name} in {element}"))
        + name.len()
        + 2;
    let end = start + element[start..].find('"').unwrap();
    element[start..end].parse().unwrap()
}

/// Every page of `pdf` with its words (poppler's `pdftotext -bbox`).
fn pages_of(pdf: &Path) -> Vec<Page> {
    let (ok, html) = tool("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    assert!(ok, "{html}");
    let mut pages: Vec<Page> = Vec::new();
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            pages.push(Page {
                width: attribute(line, "width"),
                height: attribute(line, "height"),
                words: Vec::new(),
            });
        } else if line.starts_with("<word ") {
            let text = &line[line.find('>').unwrap() + 1..line.rfind("</word>").unwrap()];
            let text = text
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
            pages.last_mut().unwrap().words.push(Word {
                text,
                x_min: attribute(line, "xMin"),
                y_min: attribute(line, "yMin"),
                x_max: attribute(line, "xMax"),
                y_max: attribute(line, "yMax"),
            });
        }
    }
    pages
}

/// The pages of `pdf` (see [`pages_of`]), after checking that every word lies inside its page
/// and that no page is blank (notes pages have their heading).
fn pages_on_paper(pdf: &Path, language: &str) -> Vec<Page> {
    let pages = pages_of(pdf);
    for (i, page) in pages.iter().enumerate() {
        assert!(
            !page.words.is_empty(),
            "{language}: page {} is blank",
            i + 1
        );
        for word in &page.words {
            assert!(
                word.x_min >= 0.0
                    && word.y_min >= 0.0
                    && word.x_max <= page.width
                    && word.y_max <= page.height,
                "{language}: page {}: {word:?} is outside the page ({} × {})",
                i + 1,
                page.width,
                page.height
            );
        }
    }
    pages
}

/// The text of page `page` (1-based).
fn page_text(pdf: &Path, page: usize) -> String {
    let page = page.to_string();
    let (ok, text) = tool(
        "pdftotext",
        &["-f", &page, "-l", &page, pdf.to_str().unwrap(), "-"],
    );
    assert!(ok, "{text}");
    // Without the marks pdftotext puts around embedded runs (U+202A–U+202C).
    collapse(&text.replace(['\u{202A}', '\u{202B}', '\u{202C}'], ""))
}

/// Renders the long-content fixture (a 5,000-character word, a name of 330 characters, a URL
/// of 800) in German and Arabic: every word lies inside the page, no page is blank (notes pages
/// have their heading), no text is lost, and the render takes seconds, not minutes.
#[test]
fn long_content_stays_inside_the_page() {
    let root = repo().join("tests/fixtures/long");
    let catalog = catalog(&root);
    let out = tempfile::tempdir().unwrap();
    let started = std::time::Instant::now();
    let written = brochure::render_all(&catalog, out.path(), today()).expect("renders");
    let elapsed = started.elapsed();
    // Two languages, each in two variants, in the dev profile with optimised dependencies
    // (about 3 s here; 150 s before long words got break opportunities).
    assert!(elapsed.as_secs() < 40, "{elapsed:?}");
    // The longest word `check` accepts (500 characters): far wider than a line.
    let word: String = "Donaudampfschifffahrtsgesellschaft"
        .repeat(15)
        .chars()
        .take(500)
        .collect();
    for w in &written {
        assert!(w.warnings.is_empty(), "{}: {:#?}", w.language, w.warnings);
        let pages = pages_on_paper(&w.path, &w.language);
        assert_eq!(pages.len(), w.pages);
        // Nothing is lost: the long word is all there, wrapped over lines and pages (read
        // between the running header and the page number, 17 mm from the edges).
        let margin = 17.0 * 72.0 / 25.4;
        let joined: String = pages
            .iter()
            .flat_map(|p| {
                p.words
                    .iter()
                    .filter(|w| w.y_max > margin && w.y_min < p.height - margin)
            })
            .flat_map(|w| w.text.chars())
            .filter(|c| *c != '\u{200B}')
            .collect();
        assert!(
            joined.contains(&word),
            "{}: the long word is cut",
            w.language
        );
    }
}

/// The lines of a page's body (between the running header and the page number, 17 mm from the
/// edges): its words grouped by baseline, top to bottom.
fn body_lines(page: &Page) -> Vec<Vec<&str>> {
    let margin = 17.0 * 72.0 / 25.4;
    let mut lines: Vec<(f64, Vec<&str>)> = Vec::new();
    for word in page
        .words
        .iter()
        .filter(|w| w.y_max > margin && w.y_min < page.height - margin)
    {
        match lines.iter_mut().find(|(y, _)| (y - word.y_max).abs() < 2.0) {
            Some((_, words)) => words.push(&word.text),
            None => lines.push((word.y_max, vec![&word.text])),
        }
    }
    lines.sort_by(|a, b| a.0.total_cmp(&b.0));
    lines.into_iter().map(|(_, words)| words).collect()
}

/// The chapters run on and Steckbriefe break between their parts, but nothing is stranded: no
/// page between the covers holds fewer than three lines (a "see also" entry or two, a closing
/// line), except the notes pages, and no page starts with a Steckbrief's "last reviewed" line.
#[test]
fn no_page_holds_a_stranded_fragment() {
    let catalog = catalog(&repo());
    let out = tempfile::tempdir().unwrap();
    let as_of = catalog.last_reviewed().unwrap();
    let written = brochure::render_all(&catalog, out.path(), as_of).expect("renders");
    for w in &written {
        // The notes heading (its letters: poppler reorders right-to-left words and the Persian
        // zero-width non-joiner).
        let notes = catalog.i18n.get(&w.language, "brochure_notes");
        let same_letters = |a: &str, b: &str| {
            let letters = |s: &str| {
                let mut cs: Vec<char> = s.chars().filter(|c| *c != '\u{200C}').collect();
                cs.sort_unstable();
                cs
            };
            letters(a) == letters(b)
        };
        // pdftotext -bbox gives right-to-left words in visual order: compare either way round.
        let reversed = |s: &str| s.chars().rev().collect::<String>();
        let reviewed: Vec<String> = catalog
            .i18n
            .get(&w.language, "last_reviewed")
            .split("{date}")
            .flat_map(str::split_whitespace)
            .flat_map(|w| [w.to_owned(), reversed(w)])
            .collect();
        let pages = pages_of(&w.path);
        // Without the covers and the imprint.
        for (i, page) in pages.iter().enumerate().take(pages.len() - 2).skip(1) {
            let lines = body_lines(page);
            let text: Vec<String> = lines.iter().map(|l| l.join(" ")).collect();
            if lines.len() == 1 && same_letters(&text[0], notes) {
                continue;
            }
            assert!(
                lines.len() >= 3,
                "{} p. {}: {} line(s): {text:?}",
                w.language,
                i + 1,
                lines.len()
            );
            let is_reviewed = |word: &&str| {
                reviewed.iter().any(|r| r == word) || word.chars().any(|c| c.is_ascii_digit())
            };
            let first_is_reviewed = lines[0].iter().all(is_reviewed)
                && lines[0]
                    .iter()
                    .any(|word| reviewed.iter().any(|r| r == word));
            assert!(
                !first_is_reviewed,
                "{} p. {} starts with the last-reviewed line: {text:?}",
                w.language,
                i + 1
            );
        }
    }
}

/// The imprint is on the page before the back cover, whole; the back cover has the contact
/// point, the site's address and "Stand", and neither cover has a page number.
#[test]
fn imprint_fits_its_page_and_the_back_cover_is_a_cover() {
    let catalog = catalog(&repo());
    let out = tempfile::tempdir().unwrap();
    let languages: Vec<String> = ["de", "ar", "uk"].map(String::from).to_vec();
    let written =
        brochure::render_languages(&catalog, &languages, out.path(), today()).expect("renders");
    for w in &written {
        let pages = w.pages;
        let imprint = page_text(&w.path, pages - 1);
        let page = catalog.pages.get("imprint").unwrap();
        let (version, _, fallback) = page.version(catalog.fallbacks(&w.language));
        assert_eq!(fallback, w.language != "de" && w.language != "en");
        // The first and the last words of the imprint are on this one page.
        assert!(imprint.contains(&collapse(&version.title)), "{imprint}");
        let last = version.body.split_whitespace().last().unwrap();
        assert!(
            imprint.contains(last),
            "{}: {last} not in {imprint}",
            w.language
        );
        if fallback {
            // Marked as German, with the note in the reader's language (checked where poppler
            // reads it back as written: not in Arabic, see `arabic_copies_out_of_poppler…`).
            // (The asterisk follows the German title; in a right-to-left page poppler reads
            // it first.)
            let marked = [format!("{}*", version.title), format!("*{}", version.title)];
            assert!(marked.iter().any(|m| imprint.contains(m)), "{imprint}");
            if w.language != "ar" {
                let note = catalog.i18n.get(&w.language, "fallback_note");
                assert!(imprint.contains(&collapse(note)), "{imprint}");
            }
        }
        let back = page_text(&w.path, pages);
        let contact = catalog
            .actors
            .iter()
            .find(|a| a.slug == "iq-anlaufstelle")
            .unwrap();
        assert!(back.contains(&collapse(&contact.name)), "{back}");
        assert!(
            back.contains(contact.reach.phone.as_ref().unwrap().display.as_str()),
            "{back}"
        );
        let site = format!("{}/{}/", catalog.config.base_url, w.language);
        assert!(back.replace(' ', "").contains(&site), "{back}");
        // "Stand: <date>" (poppler moves the colon in right-to-left lines: the date alone).
        let as_of = steckbrief::format::date(today(), &catalog.i18n, &w.language);
        assert!(back.contains(&as_of), "{back}");
        for (number, text) in [(1, page_text(&w.path, 1)), (pages, back)] {
            assert!(
                !text.split(' ').any(|t| t == number.to_string()),
                "{}: page number on cover page {number}: {text}",
                w.language
            );
        }
        // The town's name in the reader's language on the front cover.
        let town = catalog.config.town_name(&w.language);
        assert!(page_text(&w.path, 1).contains(town), "{}", w.language);
    }
}

/// The print variant: the same pages as the screen variant, each with a 3 mm bleed and room for
/// crop marks around the trimmed page, which is the PDF's TrimBox.
#[test]
fn the_print_variant_has_bleed_and_a_trim_box() {
    let root = repo().join("tests/fixtures/long");
    let catalog = catalog(&root);
    let out = tempfile::tempdir().unwrap();
    let written =
        brochure::render_languages(&catalog, &["de".to_owned()], out.path(), today()).unwrap();
    let screen = &written[0].path;
    let print = written[0].print_path.as_ref().expect("config asks for it");
    assert_eq!(print, &out.path().join("de/wegweiser-print.pdf"));
    assert_eq!(page_count(print), page_count(screen));
    let boxes = |pdf: &Path| {
        let (ok, info) = tool("pdfinfo", &["-box", pdf.to_str().unwrap()]);
        assert!(ok, "{info}");
        let numbers = |name: &str| -> Vec<f64> {
            let line = info.lines().find(|l| l.starts_with(name)).unwrap();
            line[name.len()..]
                .split_whitespace()
                .map(|n| n.parse().unwrap())
                .collect()
        };
        (numbers("MediaBox:"), numbers("TrimBox:"))
    };
    let mm = 72.0 / 25.4;
    let (media, trim) = boxes(screen);
    assert_eq!(media, trim, "the screen variant has no bleed");
    assert!((media[2] - 148.0 * mm).abs() < 0.01, "{media:?}");
    let (media, trim) = boxes(print);
    // 3 mm bleed and 5 mm crop marks on every side.
    let outer = 8.0 * mm;
    assert!((trim[0] - outer).abs() < 0.01, "{trim:?}");
    assert!((trim[2] - trim[0] - 148.0 * mm).abs() < 0.01, "{trim:?}");
    assert!(
        (media[2] - (148.0 * mm + 2.0 * outer)).abs() < 0.01,
        "{media:?}"
    );
    assert!(
        (media[3] - (210.0 * mm + 2.0 * outer)).abs() < 0.01,
        "{media:?}"
    );
}

/// The summary with tanwin (ً ٌ ٍ), shadda and damma in the Arabic fixture.
const ARABIC: &str =
    "افتُتح المكتب حديثًا، ويقدّم المدرّسون استشارةً مجانيةً لكلّ القادمين، وهو مكتبٌ صغيرٌ في شارعٍ هادئٍ.";

/// The PDF with its content streams uncompressed (`qpdf --qdf`), as text.
fn uncompressed(pdf: &Path) -> String {
    let dir = tempfile::tempdir().unwrap();
    let qdf = dir.path().join("qdf.pdf");
    let (ok, report) = tool(
        "qpdf",
        &[
            "--qdf",
            "--object-streams=disable",
            pdf.to_str().unwrap(),
            qdf.to_str().unwrap(),
        ],
    );
    assert!(ok, "{report}");
    String::from_utf8_lossy(&std::fs::read(&qdf).unwrap()).into_owned()
}

/// The `/ActualText` strings of a PDF's content (UTF-16BE hex strings, as typst writes them).
fn actual_texts(pdf: &Path) -> Vec<String> {
    let text = uncompressed(pdf);
    text.split("/ActualText<")
        .skip(1)
        .map(|s| {
            let hex = s.split('>').next().unwrap();
            let units: Vec<u16> = (0..hex.len() / 4)
                .map(|i| u16::from_str_radix(&hex[i * 4..i * 4 + 4], 16).unwrap())
                .collect();
            String::from_utf16_lossy(&units)
                .trim_start_matches('\u{FEFF}')
                .to_owned()
        })
        .collect()
}

/// The targets of the `ToUnicode` maps of a PDF's fonts (`<glyph> <UTF-16BE>` pairs).
fn to_unicode_targets(pdf: &Path) -> Vec<String> {
    let text = uncompressed(pdf);
    let mut targets = Vec::new();
    for block in text.split("beginbfchar").skip(1) {
        let block = block.split("endbfchar").next().unwrap();
        for line in block.lines() {
            let Some((_, target)) = line.trim().split_once("> <") else {
                continue;
            };
            let hex = target.trim_end_matches('>');
            let units: Vec<u16> = (0..hex.len() / 4)
                .map(|i| u16::from_str_radix(&hex[i * 4..i * 4 + 4], 16).unwrap())
                .collect();
            targets.push(String::from_utf16_lossy(&units));
        }
    }
    targets
}

/// Every letter that carries a mark (tanwin, shadda, damma) is written with its cluster's text
/// in logical order, letter first: as the `ToUnicode` text of the letter's glyph (the marks'
/// glyphs carry none) or, where that glyph maps to other text elsewhere, as `/ActualText`.
#[test]
fn arabic_marks_are_written_with_their_letter_in_logical_order() {
    let root = repo().join("tests/fixtures/long");
    let catalog = catalog(&root);
    let out = tempfile::tempdir().unwrap();
    let written =
        brochure::render_languages(&catalog, &["ar".to_owned()], out.path(), today()).unwrap();
    let mut written_as = actual_texts(&written[0].path);
    written_as.extend(to_unicode_targets(&written[0].path));
    for cluster in ["تُ", "ثً", "دّ", "رّ", "ةً", "لّ", "بٌ", "رٌ", "عٍ", "ئٍ"]
    {
        assert!(ARABIC.contains(cluster));
        assert!(
            written_as.iter().any(|s| s == cluster),
            "{cluster} is written nowhere: {written_as:?}"
        );
    }
}

/// `text` as poppler reads right-to-left text back: a letter's marks before the letter. It
/// spreads the several characters of one glyph (or one `/ActualText` span) left to right over
/// the glyph and then reverses the line, so "ثً" comes out as "ًث". Chromium's own PDFs read
/// back the same way; see `arabic_copies_out_of_poppler_as_written`.
fn as_poppler_reads(text: &str) -> String {
    let mark = |c: char| matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}');
    let mut out = String::new();
    let mut cluster = String::new();
    for c in text.chars() {
        if !mark(c) {
            out.extend(cluster.chars().rev());
            cluster.clear();
        }
        cluster.push(c);
    }
    out.extend(cluster.chars().rev());
    out
}

/// Copying Arabic or Persian out of the brochure with poppler gives every letter and mark once,
/// words whole and in order. typst 0.15.1 splits a mark that the font raises (shadda, tanwin,
/// damma) off into a text item of its own that repeats its letter's text; the brochure joins
/// them again before writing the PDF (`brochure::text_runs`). Without that, poppler copied
/// "ُبُبعد" for "بُعد" and put a stray "ًث", "ّد", "ًة" beside every such line.
#[test]
fn arabic_and_persian_copy_out_of_poppler_whole() {
    let mark = |c: char| matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}');
    // Words, split at spaces, punctuation and the direction marks pdftotext adds.
    let words_of = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric() && !mark(c))
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    // `source`'s words are there, and no word repeats a letter with its marks ("ُبُبعد").
    // With `no_strays`, no word is one letter and its marks, the text of a mark that typst
    // split off (the example has such words from poppler itself: it moves a letter that the
    // Naskh font's cursive joining raises to a line of its own, "مث ًا / ل" for "مثلاً").
    let check = |pdf: &Path, source: &[&str], no_strays: bool| {
        let words = words_of(&text_of(pdf));
        for source in source {
            for word in words_of(source) {
                let read = as_poppler_reads(&word);
                assert!(
                    words.contains(&read),
                    "{word} (read as {read}) not in {}: {words:?}",
                    pdf.display()
                );
            }
        }
        for word in &words {
            // Letters with the marks poppler reads before them.
            let mut units: Vec<String> = vec![String::new()];
            for c in word.chars() {
                units.last_mut().unwrap().push(c);
                if !mark(c) {
                    units.push(String::new());
                }
            }
            assert!(
                !units
                    .windows(2)
                    .any(|w| w[0] == w[1] && w[0].chars().any(mark)),
                "{word:?} repeats a letter in {}",
                pdf.display()
            );
            let letters = word.chars().filter(|c| !mark(*c)).count();
            assert!(
                !no_strays || letters != 1 || !word.chars().any(mark),
                "stray piece {word:?} in {}",
                pdf.display()
            );
        }
    };
    let out = tempfile::tempdir().unwrap();
    let fixture = catalog(&repo().join("tests/fixtures/long"));
    let written =
        brochure::render_languages(&fixture, &["ar".to_owned()], out.path(), today()).unwrap();
    check(&written[0].path, &[ARABIC], true);
    let example = catalog(&repo());
    let out = tempfile::tempdir().unwrap();
    let languages = ["ar".to_owned(), "fa".to_owned()];
    let written = brochure::render_languages(&example, &languages, out.path(), today()).unwrap();
    check(&written[0].path, &["على بُعد نحو", "أيضًا", "المحدَّثة"], false);
    check(&written[1].path, &["لطفاً", "بعداً", "معمولاً"], false);
}

/// Copying Arabic out of the PDF with poppler gives the text as written. It does not, and
/// nothing in the brochure can change that (poppler 22.12 and its current source): poppler
/// spreads the characters of a glyph, or of an `/ActualText` span, left to right over it and
/// then reverses the right-to-left line, so a letter with marks reads back mark first
/// ("حديًثا"). Each mark keeps its own glyph, but the font raises it above the baseline and
/// poppler starts a new word for a glyph more than 0.5 pt off the line, so mapping each glyph
/// to its own character puts the marks beside the line instead. Chromium's own print-to-PDF
/// reads back the same way. `arabic_and_persian_copy_out_of_poppler_whole` checks everything
/// else (each letter and mark once, words whole).
#[test]
#[ignore = "poppler reads a right-to-left glyph's several characters back in reverse; see the comment"]
fn arabic_copies_out_of_poppler_as_written() {
    let root = repo().join("tests/fixtures/long");
    let catalog = catalog(&root);
    let out = tempfile::tempdir().unwrap();
    let written =
        brochure::render_languages(&catalog, &["ar".to_owned()], out.path(), today()).unwrap();
    let text = text_of(&written[0].path);
    assert!(text.contains(ARABIC), "{text}");
}

/// Every QR code carries a quiet zone of 4 light modules (the caption is printed below it).
#[test]
fn qr_codes_have_a_quiet_zone() {
    let root = repo().join("tests/fixtures/good");
    let pdf = brochure::render(&catalog(&root), "de", today()).expect("renders");
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("wegweiser.pdf");
    std::fs::write(&file, &pdf.bytes).unwrap();
    // Images come out as binary PGM or PPM ("P5" or "P6\n<width> <height>\n255\n", one or
    // three bytes a pixel; the QR codes are grey in an ICC colour space, written as PPM).
    let prefix = out.path().join("image");
    let (ok, report) = tool(
        "pdfimages",
        &[file.to_str().unwrap(), prefix.to_str().unwrap()],
    );
    assert!(ok, "{report}");
    let mut codes = 0;
    for entry in std::fs::read_dir(out.path()).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let header: Vec<&[u8]> = bytes.splitn(4, |b| b.is_ascii_whitespace()).collect();
        let channels = match header[0] {
            b"P5" => 1,
            b"P6" => 3,
            _ => continue,
        };
        let n: usize = std::str::from_utf8(header[1]).unwrap().parse().unwrap();
        let pixels = &bytes[bytes.len() - n * n * channels..];
        let light = |x: usize, y: usize| pixels[(y * n + x) * channels] > 127;
        for i in 0..n {
            for j in 0..4 {
                for (x, y) in [(i, j), (i, n - 1 - j), (j, i), (n - 1 - j, i)] {
                    assert!(
                        light(x, y),
                        "{}: dark module in the quiet zone",
                        path.display()
                    );
                }
            }
        }
        // The code starts right inside: the finder pattern's corner is dark.
        assert!(!light(4, 4), "{}", path.display());
        codes += 1;
    }
    // Two actors and the website.
    assert_eq!(codes, 3);
}

/// The font sizes on each page of `pdf`, with the number of glyphs set in each: typst writes
/// every text object as `/fN <size> Tf 1 0 0 -1 x y Tm [<glyphs>] TJ`, so the size in `Tf` is
/// the printed size. Read from the content streams that `qpdf --qdf` writes uncompressed.
fn sizes_per_page(pdf: &Path) -> Vec<Vec<(f64, usize)>> {
    let text = uncompressed(pdf);
    let mut pages = Vec::new();
    for part in text.split("%% Contents for page ").skip(1) {
        let stream = part.split("endstream").next().unwrap();
        let mut sizes: Vec<(f64, usize)> = Vec::new();
        let mut size = None;
        let tokens: Vec<&str> = stream.split_whitespace().collect();
        for (i, token) in tokens.iter().enumerate() {
            if token.ends_with("Tf") && i > 0 {
                size = tokens[i - 1].parse::<f64>().ok();
            }
            if let Some(size) = size {
                // Glyph ids are 4 hex digits each, between < and >.
                let glyphs: usize = token
                    .split('<')
                    .skip(1)
                    .map(|s| s.split('>').next().unwrap().len() / 4)
                    .sum();
                match sizes.iter_mut().find(|(s, _)| *s == size) {
                    Some((_, n)) => *n += glyphs,
                    None => sizes.push((size, glyphs)),
                }
            }
        }
        pages.push(sizes);
    }
    pages
}

/// Measured from the PDFs: on every inner page most text is set at 10 pt or more, nothing
/// below 8.5 pt (captions, running headers); only the imprint may be smaller.
#[test]
fn body_text_is_at_least_10_pt() {
    let catalog = catalog(&repo());
    let out = tempfile::tempdir().unwrap();
    let languages: Vec<String> = ["de", "ar"].map(String::from).to_vec();
    let written =
        brochure::render_languages(&catalog, &languages, out.path(), today()).expect("renders");
    for w in &written {
        let pages = sizes_per_page(&w.path);
        assert_eq!(pages.len(), w.pages);
        let imprint = w.pages - 1;
        for (i, sizes) in pages.iter().enumerate().skip(1).take(imprint - 2) {
            let page = i + 1;
            let (body, _) = sizes.iter().max_by_key(|(_, n)| *n).unwrap();
            assert!(*body >= 10.0, "{} p. {page}: {sizes:?}", w.language);
            for (size, _) in sizes {
                assert!(*size >= 8.5, "{} p. {page}: {sizes:?}", w.language);
            }
        }
    }
}
