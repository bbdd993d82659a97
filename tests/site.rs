//! `steckbrief build` on real content: the HTML a citizen gets, checked with an HTML parser.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

use scraper::{Html, Selector};
use walkdir::WalkDir;

use common::steckbrief;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn build(root: &Path, out: &Path) -> Output {
    steckbrief(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ])
}

/// The example content, built once for all tests of this file.
fn example_site() -> &'static Path {
    static SITE: OnceLock<tempfile::TempDir> = OnceLock::new();
    SITE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let output = build(&repo(), &dir.path().join("public"));
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        dir
    })
    .path()
    .join("public")
    .leak()
}

fn read(path: &Path) -> Html {
    Html::parse_document(
        &std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
}

fn select<'a>(html: &'a Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(selector).unwrap()).collect()
}

fn html_files(site: &Path) -> Vec<PathBuf> {
    WalkDir::new(site)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect()
}

const LANGUAGES: [(&str, &str); 7] = [
    ("de", "ltr"),
    ("de-x-ls", "ltr"),
    ("en", "ltr"),
    ("ar", "rtl"),
    ("uk", "ltr"),
    ("fa", "rtl"),
    ("tr", "ltr"),
];

#[test]
fn every_page_declares_its_language_and_direction() {
    let site = example_site();
    for (code, dir) in LANGUAGES {
        let pages = html_files(&site.join(code));
        assert!(pages.len() > 40, "{code}: {} pages", pages.len());
        for page in pages {
            let html = read(&page);
            let root = select(&html, "html")[0];
            assert_eq!(root.value().attr("lang"), Some(code), "{}", page.display());
            assert_eq!(root.value().attr("dir"), Some(dir), "{}", page.display());
            assert_eq!(select(&html, "h1").len(), 1, "one h1 in {}", page.display());
        }
    }
}

#[test]
fn actor_pages_link_every_language_version() {
    let html = read(&example_site().join("ar/jobcenter-merzig/index.html"));
    let alternates: BTreeMap<String, String> = select(&html, "link[rel=alternate][hreflang]")
        .iter()
        .map(|l| {
            (
                l.value().attr("hreflang").unwrap().to_owned(),
                l.value().attr("href").unwrap().to_owned(),
            )
        })
        .collect();
    for (code, _) in LANGUAGES {
        assert_eq!(
            alternates[code],
            format!("https://integration.merzig.example.org/{code}/jobcenter-merzig/")
        );
    }
    assert_eq!(
        alternates["x-default"],
        "https://integration.merzig.example.org/"
    );
    let switcher: Vec<_> = select(&html, ".language-switcher a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_owned())
        .collect();
    assert!(
        switcher.contains(&"../../uk/jobcenter-merzig/".to_owned()),
        "{switcher:?}"
    );
    assert_eq!(
        select(&html, ".language-switcher a[aria-current=page]")[0]
            .value()
            .attr("lang"),
        Some("ar")
    );
}

#[test]
fn untranslated_fields_show_german_with_a_note_in_the_readers_language() {
    // The Welcome Center has only an English translation: Persian readers get German text.
    let html = read(&example_site().join("fa/welcome-center-saarland/index.html"));
    let fallback = select(&html, ".lead .fallback");
    assert_eq!(fallback.len(), 1);
    assert_eq!(fallback[0].value().attr("lang"), Some("de"));
    assert_eq!(fallback[0].value().attr("dir"), Some("ltr"));
    let note: String = select(&html, ".lead .fallback-note")[0].text().collect();
    let persian = std::fs::read_to_string(repo().join("i18n/fa.yaml")).unwrap();
    assert!(
        persian.contains(&format!("fallback_note: {note}")),
        "note {note:?} is the Persian string"
    );
    // The English page of the same actor is translated: no fallback there.
    let english = read(&example_site().join("en/welcome-center-saarland/index.html"));
    assert!(select(&english, ".lead .fallback").is_empty());
}

#[test]
fn contact_details_are_links_and_stay_left_to_right() {
    let html = read(&example_site().join("ar/jobcenter-merzig/index.html"));
    let tel: Vec<_> = select(&html, "a[href^='tel:']");
    assert!(
        tel.iter()
            .any(|a| a.value().attr("href") == Some("tel:+4968619012210"))
    );
    // The number itself runs left to right; the link says "call" in Arabic to screen readers.
    let tokens = select(&html, "a[href^='tel:'] .token[dir=ltr]");
    assert_eq!(tokens.len(), tel.len());
    let call: String = select(&html, "a[href='tel:+4968619012210'] .visually-hidden")[0]
        .text()
        .collect();
    assert_eq!(call, "اتصال: ");
    let mail = select(
        &html,
        "a[href='mailto:miriam.beispiel@example.org'] .token[dir=ltr]",
    );
    assert_eq!(mail.len(), 1);
    let map = select(&html, "a[href^='https://www.openstreetmap.org/']");
    assert_eq!(map.len(), 1);
    assert!(
        select(&html, "table th[scope=row]").len() >= 3,
        "opening hours as a table"
    );
    let vcard =
        std::fs::read_to_string(example_site().join("ar/jobcenter-merzig/contact.vcf")).unwrap();
    assert!(vcard.starts_with("BEGIN:VCARD\r\nVERSION:3.0\r\n"));
    assert!(vcard.contains("FN:Miriam Beispiel\r\n"));
    assert!(vcard.contains("TEL;TYPE=WORK,VOICE:+4968619012210\r\n"));
}

#[test]
fn a_whatsapp_number_links_to_a_chat_in_every_language() {
    for language in ["de", "ar"] {
        let html = read(&example_site().join(format!("{language}/jmd-merzig/index.html")));
        let chat = select(&html, "a[href='https://wa.me/4916093812740']");
        assert_eq!(chat.len(), 1, "{language}: one WhatsApp link");
        assert_eq!(chat[0].text().collect::<String>(), "0160 9381 2740");
        let number = chat[0]
            .select(&Selector::parse("[dir=ltr]").unwrap())
            .count();
        assert_eq!(number, 1, "{language}: the number stays left to right");
    }
    let without = read(&example_site().join("de/jobcenter-merzig/index.html"));
    assert!(select(&without, "a[href^='https://wa.me/']").is_empty());
}

#[test]
fn json_ld_parses_and_describes_the_actor() {
    let html = read(&example_site().join("de/jobcenter-merzig/index.html"));
    let value = organisation(&html);
    assert_eq!(value["@type"], "GovernmentOffice");
    assert_eq!(value["address"]["postalCode"], "66663");
    assert_eq!(value["contactPoint"][1]["name"], "Miriam Beispiel");
    assert_eq!(value["contactPoint"][1]["availableLanguage"][0], "de");
    assert_eq!(value["openingHoursSpecification"][0]["opens"], "08:00:00");
}

/// The organisation node of the page's one JSON-LD `@graph`.
fn organisation(html: &Html) -> serde_json::Value {
    let scripts = select(html, "script[type='application/ld+json']");
    assert_eq!(scripts.len(), 1, "one JSON-LD block");
    let value: serde_json::Value = serde_json::from_str(&scripts[0].inner_html()).unwrap();
    let graph = value["@graph"].as_array().expect("a @graph");
    graph
        .iter()
        .find(|node| {
            node["@id"]
                .as_str()
                .is_some_and(|id| id.ends_with("#organization"))
        })
        .expect("the organisation in the graph")
        .clone()
}

#[test]
fn hostile_profile_text_stays_text() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let output = build(&repo().join("tests/fixtures/hostile-site"), &out);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let raw = std::fs::read_to_string(out.join("de/feindlich/index.html")).unwrap();
    let html = Html::parse_document(&raw);
    let scripts: Vec<_> = select(&html, "script")
        .iter()
        .map(|s| {
            (
                s.value().attr("type"),
                s.value()
                    .attr("src")
                    .map(|src| src.starts_with("../../assets/search.")),
            )
        })
        .collect();
    assert_eq!(
        scripts,
        vec![(Some("application/ld+json"), None), (None, Some(true))],
        "only the JSON-LD and the site's own script: {raw}"
    );
    assert!(
        select(&html, "main iframe, main i, main b, main img, main br + br").is_empty(),
        "{raw}"
    );
    for element in select(&html, "*") {
        for (name, value) in element.value().attrs() {
            assert!(!name.starts_with("on"), "event handler {name} in {raw}");
            assert!(
                !value.contains("javascript:") && !value.contains("evil.example.com"),
                "{name}={value}"
            );
        }
    }
    let h1: String = select(&html, "h1")[0].text().collect();
    assert_eq!(h1, "Verein <i>\"Hilfe\"</i> & Co </script>");
    let lead: String = select(&html, ".lead")[0].text().collect();
    assert!(
        lead.contains("</script><script>alert(1)</script> & <!-- \"Zitat\" -->"),
        "{lead}"
    );
    let role: String = select(&html, ".role")[0].text().collect();
    assert_eq!(
        role, "{{ 7*7 }} {% raw %}",
        "template syntax in data is not evaluated"
    );
    assert_eq!(
        select(&html, "h1").len(),
        1,
        "the description's `#` heading is shifted"
    );
    assert!(select(&html, ".prose a[href='https://example.org/ok']").len() == 1);
    let jsonld = organisation(&html);
    assert_eq!(jsonld["name"], "Verein <i>\"Hilfe\"</i> & Co </script>");
    assert_eq!(
        jsonld["description"],
        "</script><script>alert(1)</script> & <!-- \"Zitat\" -->"
    );
    let index = WalkDir::new(out.join("de"))
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("search.")
        })
        .unwrap();
    let entries: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(index).unwrap()).unwrap();
    assert_eq!(
        entries[0]["s"],
        "</script><script>alert(1)</script> & <!-- \"Zitat\" -->"
    );
}

/// Every relative href/src in `html` (a file under `site`), resolved to a path and fragment.
fn internal_targets(site: &Path, page: &Path, html: &Html) -> Vec<(PathBuf, Option<String>)> {
    let mut targets = Vec::new();
    for element in select(html, "[href], [src]") {
        for attr in ["href", "src"] {
            let Some(value) = element.value().attr(attr) else {
                continue;
            };
            if value.contains(':') || value.is_empty() {
                continue;
            }
            let (path, fragment) = match value.split_once('#') {
                Some((p, f)) => (p, Some(f.to_owned())),
                None => (value, None),
            };
            let base = if value.starts_with('/') {
                site.to_path_buf()
            } else {
                page.parent().unwrap().to_path_buf()
            };
            let mut target = if path.is_empty() {
                page.to_path_buf()
            } else {
                base.join(path.trim_start_matches('/'))
            };
            if target.is_dir() || path.ends_with('/') {
                target = target.join("index.html");
            }
            targets.push((target, fragment));
        }
    }
    targets
}

#[test]
fn every_internal_link_and_fragment_resolves_and_nothing_loads_from_other_hosts() {
    let site = example_site();
    let mut ids: BTreeMap<PathBuf, Vec<String>> = BTreeMap::new();
    let pages = html_files(site);
    for page in &pages {
        let html = read(page);
        ids.insert(
            normalise(page),
            select(&html, "[id]")
                .iter()
                .map(|e| e.value().attr("id").unwrap().to_owned())
                .collect(),
        );
    }
    let mut checked = 0;
    for page in &pages {
        let html = read(page);
        for (target, fragment) in internal_targets(site, page, &html) {
            let target = normalise(&target);
            assert!(
                target.is_file(),
                "{} links to missing {}",
                page.display(),
                target.display()
            );
            if let Some(fragment) = fragment {
                assert!(
                    ids.get(&target).is_some_and(|ids| ids.contains(&fragment)),
                    "{} links to missing #{fragment} in {}",
                    page.display(),
                    target.display()
                );
            }
            checked += 1;
        }
        for resource in select(
            &html,
            "link[href], script[src], img[src], iframe, source, video, audio, object, embed",
        ) {
            let rel = resource.value().attr("rel").unwrap_or_default();
            if rel == "alternate" || rel == "canonical" {
                continue;
            }
            let url = resource
                .value()
                .attr("href")
                .or(resource.value().attr("src"))
                .unwrap_or_default();
            assert!(
                !url.contains("//"),
                "{} loads {url} from another host",
                page.display()
            );
        }
    }
    assert!(checked > 5000, "checked {checked} links");
}

fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[test]
fn sitemap_lists_every_page_with_alternates_and_robots_points_to_it() {
    let site = example_site();
    let sitemap = std::fs::read_to_string(site.join("sitemap.xml")).unwrap();
    let localised_pages = html_files(site)
        .iter()
        .filter(|p| p.parent() != Some(site) && !p.starts_with(site.join("report")))
        .count();
    assert_eq!(sitemap.matches("<loc>").count(), localised_pages);
    assert!(sitemap.contains(
        "<xhtml:link rel=\"alternate\" hreflang=\"fa\" href=\"https://integration.merzig.example.org/fa/jobcenter-merzig/\"/>"
    ));
    let robots = std::fs::read_to_string(site.join("robots.txt")).unwrap();
    assert!(robots.contains("Sitemap: https://integration.merzig.example.org/sitemap.xml"));
    let data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("data/catalog.json")).unwrap()).unwrap();
    assert_eq!(data["actors"].as_array().unwrap().len(), 30);
}

#[test]
fn language_chooser_names_each_language_in_its_own_script() {
    let html = read(&example_site().join("index.html"));
    let items = select(&html, ".language-list li");
    assert_eq!(items.len(), 7);
    let easy = items
        .iter()
        .find(|li| li.value().attr("lang") == Some("de-x-ls"))
        .expect("Leichte Sprache is offered");
    assert!(easy.text().collect::<String>().contains("Leichte Sprache"));
    let arabic = items
        .iter()
        .find(|li| li.value().attr("lang") == Some("ar"))
        .unwrap();
    assert_eq!(arabic.value().attr("dir"), Some("rtl"));
    let text: String = arabic.text().collect();
    assert!(text.contains("العربية"), "{text}");
}

#[test]
fn an_actor_page_with_its_css_and_js_stays_under_50_kb() {
    let site = example_site();
    let page = std::fs::read(site.join("de/jobcenter-merzig/index.html"))
        .unwrap()
        .len();
    let assets: usize = std::fs::read_dir(site.join("assets"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "css" || e == "js"))
        .map(|p| std::fs::read(p).unwrap().len())
        .sum();
    assert!(page + assets < 50 * 1024, "{page} + {assets} bytes");
}

#[test]
fn two_builds_are_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let second = dir.path().join("again");
    assert!(build(&repo(), &second).status.success());
    let (a, b) = (common::files(example_site()), common::files(&second));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{} differs", path.display());
    }
}

#[test]
fn a_failed_build_leaves_the_previous_site_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    assert!(
        build(&repo().join("tests/fixtures/good"), &out)
            .status
            .success()
    );
    let before = std::fs::read(out.join("de/beratung-a/index.html")).unwrap();
    let failed = build(&repo().join("tests/fixtures/bad"), &out);
    assert_eq!(failed.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&failed.stderr).contains("nothing was built"));
    assert_eq!(
        std::fs::read(out.join("de/beratung-a/index.html")).unwrap(),
        before
    );
    let mut leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    leftovers.sort();
    // Beside the site only the lock file of its builds (see README, "Where builds go").
    assert_eq!(leftovers, [".public.steckbrief-lock", "public"]);
}

#[test]
fn every_ui_string_is_translated_for_every_configured_language() {
    let keys = |code: &str| -> Vec<String> {
        let path = repo().join(format!("i18n/{code}.yaml"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let table: BTreeMap<String, String> = serde_yaml::from_str(&text).unwrap();
        assert!(
            table.values().all(|v| !v.trim().is_empty()),
            "{code}: empty string"
        );
        table.into_keys().collect()
    };
    let german = keys("de");
    for (code, _) in LANGUAGES {
        if code == "de-x-ls" {
            // A variant words only some strings its own way; the rest are German's.
            let own = keys(code);
            assert!(own.iter().all(|k| german.contains(k)), "{own:?}");
            assert!(
                own.len() > 20,
                "the strings that matter are in Leichte Sprache"
            );
            continue;
        }
        assert_eq!(
            keys(code),
            german,
            "i18n/{code}.yaml has other keys than i18n/de.yaml"
        );
    }
}

#[test]
fn every_brochure_language_gets_its_pdf_linked_from_the_site() {
    let site = example_site();
    for code in ["de", "en", "ar", "uk", "fa", "tr", "de-x-ls"] {
        let pdf = std::fs::read(site.join(code).join("arbeiten-und-leben-in-merzig.pdf")).unwrap();
        assert!(pdf.starts_with(b"%PDF-"), "{code}");
        let html = read(&site.join(code).join("jobcenter-merzig/index.html"));
        let links = select(&html, "a[type='application/pdf']");
        assert!(
            links.iter().any(|a| a.value().attr("href")
                == Some(&format!("../../{code}/arbeiten-und-leben-in-merzig.pdf"))),
            "{code}"
        );
    }
}

#[test]
fn the_important_numbers_have_their_own_page_and_a_place_on_the_home_page_in_every_language() {
    let site = example_site();
    for (code, _) in LANGUAGES {
        for page in ["numbers/index.html", "index.html"] {
            let html = read(&site.join(code).join(page));
            let numbers = select(&html, ".numbers li");
            assert_eq!(numbers.len(), 6, "{code}/{page}");
            assert!(
                select(&html, ".numbers a[href='tel:112']").len() == 1,
                "{code}/{page}"
            );
        }
        let header = read(&site.join(code).join("a-z/index.html"));
        assert_eq!(
            select(
                &header,
                ".site-header a[href='../../{code}/numbers/']"
                    .replace("{code}", code)
                    .as_str()
            )
            .len(),
            1,
            "{code}: the numbers are linked from the header"
        );
    }
    let arabic = read(&site.join("ar/numbers/index.html"));
    let label: String = select(&arabic, ".numbers .number-label")[1]
        .text()
        .collect();
    assert_eq!(label, "الإطفاء والإسعاف");
}

#[test]
fn listing_cards_show_address_phone_and_the_hours_for_the_script() {
    let html = read(&example_site().join("de/a-z/index.html"));
    let card = select(&html, ".card")
        .into_iter()
        .find(|c| c.text().any(|t| t.contains("Jobcenter Landkreis")))
        .unwrap();
    let text: String = card.text().collect();
    assert!(text.contains("Hochwaldstraße 44, 66663 Merzig"), "{text}");
    let html_of_card = card.html();
    assert!(
        html_of_card.contains("href=\"tel:+49686190120\""),
        "{html_of_card}"
    );
    // Monday: 08:00–12:30 and 13:30–15:30; Thursday until 17:30; weekend closed.
    assert!(
        html_of_card.contains(
            "data-week=\"[[[480,750],[810,930]],[[480,750],[810,930]],[[480,750],[810,930]],[[480,750],[810,1050]],[[480,720]],[],[]]\""
        ),
        "{html_of_card}"
    );
}

#[test]
fn every_actor_page_links_a_prefilled_e_mail_to_the_editors() {
    let html = read(&example_site().join("uk/jobcenter-merzig/index.html"));
    let link = select(&html, ".feedback a")[0]
        .value()
        .attr("href")
        .unwrap();
    assert!(
        link.starts_with("mailto:korrekturen@example.org?subject=Steckbrief%3A%20Jobcenter%20Landkreis%20Merzig-Wadern%20%5Buk%5D&body=https%3A%2F%2Fintegration.merzig.example.org%2Fuk%2Fjobcenter-merzig%2F%0A%0A"),
        "{link}"
    );
    let (_, body) = link.split_once("&body=").unwrap();
    let body = url_decode(body);
    assert!(body.contains("Що не так на цій сторінці?"), "{body}");
}

fn url_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn strings_without_translation_are_marked_german_in_footer_search_and_404() {
    let site = example_site();
    // The imprint exists in German and English only.
    let arabic = read(&site.join("ar/a-z/index.html"));
    let imprint = select(&arabic, ".site-footer a[href='../../ar/imprint/']")[0];
    assert_eq!(imprint.value().attr("lang"), Some("de"));
    let english = read(&site.join("en/a-z/index.html"));
    let imprint = select(&english, ".site-footer a[href='../../en/imprint/']")[0];
    assert_eq!(imprint.value().attr("lang"), None);
    // Breadcrumb and footer navigation have different names.
    let names: Vec<_> = select(&arabic, "nav[aria-label]")
        .iter()
        .map(|n| n.value().attr("aria-label").unwrap().to_owned())
        .collect();
    let unique: std::collections::BTreeSet<_> = names.iter().collect();
    assert_eq!(unique.len(), names.len(), "{names:?}");
    // The Arabic search index marks the untranslated summaries as German.
    let index = std::fs::read_dir(site.join("ar"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap();
    let entries: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(index).unwrap()).unwrap();
    let welcome = entries
        .iter()
        .find(|e| e["u"] == "ar/welcome-center-saarland/")
        .unwrap();
    assert_eq!(welcome["l"], "de");
    assert!(entries.iter().any(|e| e.get("l").is_none()));
    // The 404 page speaks every language.
    let not_found = read(&site.join("404.html"));
    for (code, dir) in LANGUAGES {
        let section = select(&not_found, &format!("section.not-found[lang={code}]"));
        assert_eq!(section.len(), 1, "{code}");
        assert_eq!(section[0].value().attr("dir"), Some(dir));
        let heading: String = select(&not_found, &format!("#not-found-{code}"))[0]
            .text()
            .collect();
        let strings = std::fs::read_to_string(repo().join(format!("i18n/{code}.yaml"))).unwrap();
        assert!(
            strings.contains(&format!("not_found_heading: {heading}")),
            "{code}: {heading}"
        );
    }
}

#[test]
fn a_manifest_per_language_and_a_service_worker_named_after_the_build() {
    let site = example_site();
    for (code, dir) in LANGUAGES {
        let manifest: serde_json::Value = serde_json::from_slice(
            &std::fs::read(site.join(code).join("manifest.webmanifest")).unwrap(),
        )
        .unwrap();
        assert_eq!(manifest["lang"], code);
        assert_eq!(manifest["dir"], dir);
        assert_eq!(manifest["start_url"], "./");
        let icon = manifest["icons"][0]["src"].as_str().unwrap();
        assert!(site.join(code).join(icon).is_file(), "{icon}");
    }
    let worker = std::fs::read_to_string(site.join("sw.js")).unwrap();
    let precache: Vec<String> = serde_json::from_str(
        worker
            .lines()
            .find_map(|l| l.strip_prefix("const PRECACHE = "))
            .unwrap()
            .trim_end_matches(';'),
    )
    .unwrap();
    for file in &precache {
        assert!(site.join(file).is_file(), "{file}");
    }
    assert!(precache.iter().any(|f| f.starts_with("assets/style.")));
    assert!(!worker.contains("http"), "the worker names no other host");

    // Another stylesheet makes another worker, so browsers drop the old cache.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("content");
    for folder in ["actors", "content", "theme"] {
        common::copy_dir(&repo().join(folder), &root.join(folder));
    }
    std::fs::copy(repo().join("config.yaml"), root.join("config.yaml")).unwrap();
    let css = std::fs::read_to_string(repo().join("theme/style.css")).unwrap();
    std::fs::write(root.join("theme/style.css"), css + "\nmain{color:#000}\n").unwrap();
    let out = dir.path().join("public");
    assert!(
        steckbrief(&[
            "build",
            "--no-brochures",
            "--root",
            root.to_str().unwrap(),
            "--out",
            out.to_str().unwrap()
        ])
        .status
        .success()
    );
    let version = |text: &str| {
        text.lines()
            .find(|l| l.starts_with("const VERSION = "))
            .unwrap()
            .to_owned()
    };
    assert_ne!(
        version(&worker),
        version(&std::fs::read_to_string(out.join("sw.js")).unwrap())
    );
}
