//! `brochure.volumes: topic`: one PDF per topic and language, each with only its topic's
//! Steckbriefe, linked from the website and the open data; `brochure.max_actors` applies to each
//! volume, and a brochure over the limit is refused with a message that names the option.
//! Judged with poppler (pdftotext) and qpdf (the PDF's bookmarks), as a reader would see it.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

const FILE_NAME: &str = "arbeiten-und-leben-in-merzig";

/// A copy of the example content with the brochure in de and ar (no print variant), divided
/// by topic, and `extra` lines added to the brochure section of config.yaml.
fn example_with_volumes(extra: &str) -> tempfile::TempDir {
    common::example_copy_with(|config| {
        let languages = "  languages: [de, en, ar, uk, fa, tr, de-x-ls]\n";
        let print = "  print: { bleed_mm: 3, crop_marks: all }\n";
        assert!(
            config.contains(languages) && config.contains(print),
            "config.yaml changed"
        );
        config
            .replace(
                languages,
                &format!("  languages: [de, ar]\n  volumes: topic\n{extra}"),
            )
            .replace(print, "")
    })
}

fn run(program: &str, args: &[&str]) -> String {
    let output = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} runs (install poppler-utils and qpdf): {e}"));
    assert!(
        output.status.success(),
        "{program}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The text of a PDF with all whitespace collapsed to single spaces, without hyphens (see
/// [`dehyphenated`]).
fn text_of(pdf: &Path) -> String {
    let text = run("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    dehyphenated(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// `text` without hyphens: pdftotext joins a word broken at its hyphen at the end of a line
/// ("Merzig-Wadern" → "MerzigWadern").
fn dehyphenated(text: &str) -> String {
    text.replace('-', "")
}

/// The PDF's bookmarks as (level, title): the chapters at level 0, the Steckbriefe at level 1.
fn bookmarks(pdf: &Path) -> Vec<(usize, String)> {
    let json = run(
        "qpdf",
        &["--json", "--json-key=outlines", pdf.to_str().unwrap()],
    );
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    fn walk(items: &serde_json::Value, level: usize, out: &mut Vec<(usize, String)>) {
        for item in items.as_array().into_iter().flatten() {
            out.push((level, item["title"].as_str().unwrap_or_default().to_owned()));
            walk(&item["kids"], level + 1, out);
        }
    }
    let mut out = Vec::new();
    walk(&json["outlines"], 0, &mut out);
    out
}

/// Every topic gets a volume in each language with exactly the Steckbriefe of the actors whose
/// first topic it is; the topic's other actors are named with the volume they are printed in,
/// and no actor outside the topic appears. The limit counts per volume: the largest topic fits.
#[test]
fn each_topic_is_a_volume_of_its_own() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let checked = steckbrief::check(repo, steckbrief::today()).unwrap();
    let catalog = checked.catalog.expect("the example content is valid");
    let topics = &catalog.config.topics;
    let first_topic = |topics_of: &[String]| {
        topics_of
            .iter()
            .find(|t| topics.iter().any(|c| &c.id == *t))
            .cloned()
    };
    let largest = topics
        .iter()
        .map(|t| {
            (catalog.actors.iter())
                .filter(|a| first_topic(&a.topics).as_ref() == Some(&t.id))
                .count()
        })
        .max()
        .unwrap();
    assert!(largest < catalog.actors.len(), "more than one topic in use");
    let content = example_with_volumes(&format!("  max_actors: {largest}\n"));
    let out = tempfile::tempdir().unwrap();
    common::steckbrief_ok(&[
        "build",
        "--root",
        content.path().to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
        "--no-cache",
    ]);
    assert!(!out.path().join(format!("de/{FILE_NAME}.pdf")).exists());
    // Text that every volume prints (foreword, imprint, numbers, the contact point on the back
    // cover) may name any actor.
    let frame: String = common::files(&repo.join("content"))
        .values()
        .map(|bytes| String::from_utf8_lossy(bytes).into_owned())
        .collect();
    let contact_point = catalog.config.brochure.contact_point.clone().unwrap();
    let mut volumes = 0;
    for (number, topic) in topics.iter().enumerate() {
        let has_topic =
            |a: &&std::sync::Arc<steckbrief::catalog::Actor>| a.topics.contains(&topic.id);
        if !catalog.actors.iter().any(|a| has_topic(&a)) {
            continue;
        }
        volumes += 1;
        let printed: BTreeSet<&str> = (catalog.actors.iter())
            .filter(|a| first_topic(&a.topics).as_ref() == Some(&topic.id))
            .map(|a| a.name.as_str())
            .collect();
        for (language, label, see) in [
            ("de", &topic.label["de"], "siehe Heft „"),
            ("ar", &topic.label["ar"], "انظر الجزء «"),
        ] {
            let pdf = out
                .path()
                .join(format!("{language}/{FILE_NAME}-{}.pdf", topic.id));
            let marks = bookmarks(&pdf);
            let steckbriefe: BTreeSet<&str> = (marks.iter())
                .filter(|(level, _)| *level == 1)
                .map(|(_, title)| title.as_str())
                .collect();
            assert_eq!(steckbriefe, printed, "{}", pdf.display());
            assert!(marks.contains(&(0, label.clone())), "{marks:?}");
            let text = text_of(&pdf);
            assert!(text.contains(label.as_str()), "{}", pdf.display());
            for actor in &catalog.actors {
                let name = &dehyphenated(&actor.name);
                // (pdftotext puts the lines of a name that wraps in a right-to-left paragraph
                // out of order: the bookmarks are what counts there.)
                if has_topic(&actor) && language == "de" {
                    assert!(text.contains(name), "{name} in {}", pdf.display());
                } else if !has_topic(&actor)
                    && actor.slug != contact_point
                    && !frame.contains(actor.name.as_str())
                {
                    assert!(!text.contains(name), "{name} in {}", pdf.display());
                }
            }
            let elsewhere = (catalog.actors.iter())
                .any(|a| has_topic(&a) && !printed.contains(a.name.as_str()));
            assert_eq!(text.contains(see), elsewhere, "{}", pdf.display());
        }
        // The cover says which volume this is.
        let cover = run(
            "pdftotext",
            &[
                "-l",
                "1",
                out.path()
                    .join(format!("de/{FILE_NAME}-{}.pdf", topic.id))
                    .to_str()
                    .unwrap(),
                "-",
            ],
        );
        assert!(cover.contains(&format!("Heft {}", number + 1)), "{cover}");
        assert!(cover.contains("Weitere Hefte dieser Reihe"), "{cover}");
    }
    let pdfs = common::files(out.path())
        .into_keys()
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .count();
    assert_eq!(pdfs, 2 * volumes);
    check_links(out.path(), &catalog);
}

/// The website links every volume where it linked the brochure (home page, footer of every
/// page), an actor's page the volumes of its topics, and the open data lists each volume.
fn check_links(site: &Path, catalog: &steckbrief::catalog::Catalog) {
    let used: Vec<&str> = (catalog.config.topics.iter())
        .filter(|t| catalog.actors.iter().any(|a| a.topics.contains(&t.id)))
        .map(|t| t.id.as_str())
        .collect();
    for language in ["de", "ar"] {
        let href = |id: &str| format!("href=../{language}/{FILE_NAME}-{id}.pdf");
        let home = std::fs::read_to_string(site.join(language).join("index.html")).unwrap();
        for id in &used {
            // The home page's list and the footer.
            assert_eq!(home.matches(&href(id)).count(), 2, "{language} {id}");
            assert!(
                site.join(format!("{language}/{FILE_NAME}-{id}.pdf"))
                    .is_file()
            );
        }
        assert!(!home.contains(&format!("{FILE_NAME}.pdf")));
        let actor = &catalog.actors[0];
        let page =
            std::fs::read_to_string(site.join(format!("{language}/{}/index.html", actor.slug)))
                .unwrap();
        let hrefs = |id: &str| format!("href=../../{language}/{FILE_NAME}-{id}.pdf");
        for id in &used {
            let own = actor.topics.iter().any(|t| t == id);
            // Footer, and the downloads of its topics.
            assert_eq!(
                page.matches(&hrefs(id)).count(),
                1 + usize::from(own),
                "{id}"
            );
        }
    }
    let dcat = std::fs::read_to_string(site.join("data/dcat.jsonld")).unwrap();
    for language in ["de", "ar"] {
        for id in &used {
            assert!(
                dcat.contains(&format!("/{language}/{FILE_NAME}-{id}.pdf")),
                "{id}"
            );
        }
    }
}

/// With volumes, the limit names the largest topic's volume and what to do about it; without,
/// the refusal names the option of volumes. In the editor's language (German and English).
#[test]
fn the_refusal_names_the_volumes_option() {
    let content = example_with_volumes("  max_actors: 2\n");
    let root = content.path().to_str().unwrap();
    let out = tempfile::tempdir().unwrap();
    let out_arg = out.path().join("public");
    let out_arg = out_arg.to_str().unwrap();
    let refused = common::steckbrief(&["build", "--root", root, "--out", out_arg]);
    assert_eq!(refused.status.code(), Some(2));
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(
        message.contains("the volume of the topic “")
            && message.contains("brochure.max_actors (2)")
            && message.contains("divide the topic into smaller topics"),
        "{message}"
    );
    let german = Command::new(env!("CARGO_BIN_EXE_steckbrief"))
        .args(["check", "--root", root])
        .env("SOURCE_DATE_EPOCH", common::TODAY_EPOCH)
        .env("NO_COLOR", "1")
        .env("LC_ALL", "de_DE.UTF-8")
        .output()
        .unwrap();
    let message = String::from_utf8_lossy(&german.stderr).into_owned()
        + &String::from_utf8_lossy(&german.stdout);
    assert!(
        message.contains("das Heft zum Thema „") && message.contains("kleinere Themen"),
        "{message}"
    );
}
