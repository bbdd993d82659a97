//! The site's structured data checked against the standards' own definitions: every JSON-LD
//! block of every built page against the schema.org vocabulary (the released definition file in
//! tests/schema.org/), every vCard with an independent parser (Python's vobject).

mod common;

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use scraper::{Html, Selector};
use serde_json::{Map, Value, json};
use walkdir::WalkDir;

fn files_ending(site: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = WalkDir::new(site)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    files.sort();
    files
}

// ---------------------------------------------------------------------------------------------
// The schema.org validator

/// The classes, properties and enumeration members of the schema.org vocabulary, by local name
/// (`GovernmentOffice`, `telephone`, `Monday`).
struct Vocabulary {
    /// Class → its direct superclasses (`rdfs:subClassOf`).
    classes: HashMap<String, Vec<String>>,
    properties: HashMap<String, Property>,
    /// Enumeration member → the enumerations it belongs to.
    members: HashMap<String, Vec<String>>,
}

struct Property {
    domain: Vec<String>,
    range: Vec<String>,
    superseded_by: Option<String>,
}

/// The local names of the schema.org terms in `value` (`{"@id": "schema:X"}` or a list of them).
fn schema_ids(value: Option<&Value>) -> Vec<String> {
    let list = match value {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(item) => vec![item],
        None => Vec::new(),
    };
    list.into_iter()
        .filter_map(|item| item.get("@id").and_then(Value::as_str).or(item.as_str()))
        .filter_map(|id| id.strip_prefix("schema:"))
        .map(str::to_owned)
        .collect()
}

/// The local name of a schema.org term (`https://schema.org/X`, `schema:X` or plain `X`); `None`
/// for another vocabulary's term or any other URL.
fn local_name(term: &str) -> Option<&str> {
    ["https://schema.org/", "http://schema.org/", "schema:"]
        .iter()
        .find_map(|prefix| term.strip_prefix(prefix))
        .or((!term.contains(':')).then_some(term))
}

impl Vocabulary {
    fn get() -> &'static Vocabulary {
        static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
        VOCABULARY.get_or_init(|| {
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/schema.org/schemaorg-current-https.jsonld");
            let text = std::fs::read_to_string(&path).unwrap();
            Vocabulary::parse(&serde_json::from_str(&text).unwrap())
        })
    }

    fn parse(definition: &Value) -> Vocabulary {
        let mut vocabulary = Vocabulary {
            classes: HashMap::new(),
            properties: HashMap::new(),
            members: HashMap::new(),
        };
        for node in definition["@graph"].as_array().expect("a @graph") {
            let Some(name) = node["@id"]
                .as_str()
                .and_then(|id| id.strip_prefix("schema:"))
            else {
                continue;
            };
            let types = schema_ids(node.get("@type"));
            let raw_types: Vec<&str> = match &node["@type"] {
                Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
                other => other.as_str().into_iter().collect(),
            };
            if raw_types.contains(&"rdfs:Class") {
                vocabulary
                    .classes
                    .insert(name.to_owned(), schema_ids(node.get("rdfs:subClassOf")));
            } else if raw_types.contains(&"rdf:Property") {
                vocabulary.properties.insert(
                    name.to_owned(),
                    Property {
                        domain: schema_ids(node.get("schema:domainIncludes")),
                        range: schema_ids(node.get("schema:rangeIncludes")),
                        superseded_by: schema_ids(node.get("schema:supersededBy")).pop(),
                    },
                );
            } else if !types.is_empty() {
                vocabulary.members.insert(name.to_owned(), types);
            }
        }
        vocabulary
    }

    /// Whether `class` is `ancestor` or one of its subclasses.
    fn is_a(&self, class: &str, ancestor: &str) -> bool {
        let mut queue = VecDeque::from([class]);
        let mut seen = Vec::new();
        while let Some(next) = queue.pop_front() {
            if next == ancestor {
                return true;
            }
            if seen.contains(&next) {
                continue;
            }
            seen.push(next);
            queue.extend(
                self.classes
                    .get(next)
                    .into_iter()
                    .flatten()
                    .map(String::as_str),
            );
        }
        false
    }

    fn any_is_a(&self, classes: &[String], ancestors: &[String]) -> bool {
        classes
            .iter()
            .any(|c| ancestors.iter().any(|a| self.is_a(c, a)))
    }
}

/// Validates one JSON-LD block: the schema.org context, every node's types, every property's
/// existence and domain, and every value against the property's range. Returns the errors, each
/// with the JSON path it concerns.
fn validate(block: &Value) -> Vec<String> {
    let mut validator = Validator {
        vocabulary: Vocabulary::get(),
        nodes: HashMap::new(),
        errors: Vec::new(),
    };
    let context = block.get("@context").and_then(Value::as_str);
    if !matches!(
        context.map(|c| c.trim_end_matches('/')),
        Some("https://schema.org" | "http://schema.org")
    ) {
        validator.error("", format!("@context is {context:?}, not schema.org"));
    }
    let nodes: Vec<(String, &Value)> = match block.get("@graph") {
        Some(Value::Array(graph)) => graph
            .iter()
            .enumerate()
            .map(|(i, node)| (format!("@graph[{i}]"), node))
            .collect(),
        Some(_) => {
            validator.error("@graph", "is not a list".into());
            Vec::new()
        }
        None => vec![(String::new(), block)],
    };
    for (_, node) in &nodes {
        if let (Some(id), Some(types)) = (node["@id"].as_str(), node.get("@type")) {
            let types = validator.types("", types);
            validator.nodes.insert(id.to_owned(), types);
        }
    }
    for (path, node) in nodes {
        match node.as_object() {
            Some(object) => {
                validator.node(&path, object, true);
            }
            None => validator.error(&path, "a node must be an object".into()),
        }
    }
    validator.errors
}

struct Validator<'a> {
    vocabulary: &'a Vocabulary,
    /// The types of the nodes of the `@graph` by `@id`, for references to them.
    nodes: HashMap<String, Vec<String>>,
    errors: Vec<String>,
}

/// The string types whose values are written as text.
const TEXTUAL: [&str; 4] = ["Text", "Date", "DateTime", "Time"];

impl Validator<'_> {
    fn error(&mut self, path: &str, message: String) {
        self.errors.push(format!("{path}: {message}"));
    }

    /// The node's `@type`s; unknown ones are errors.
    fn types(&mut self, path: &str, value: &Value) -> Vec<String> {
        let terms: Vec<&str> = match value {
            Value::String(term) => vec![term],
            Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        if terms.is_empty() {
            self.error(path, format!("@type {value} is not a type name"));
        }
        let mut types = Vec::new();
        for term in terms {
            match local_name(term).filter(|name| self.vocabulary.classes.contains_key(*name)) {
                Some(name) => types.push(name.to_owned()),
                None => self.error(path, format!("unknown type {term}")),
            }
        }
        types
    }

    /// Checks a node and returns its types.
    fn node(&mut self, path: &str, node: &Map<String, Value>, top: bool) -> Vec<String> {
        if node.keys().all(|k| k == "@id") {
            let id = node.get("@id").and_then(Value::as_str).unwrap_or_default();
            // A reference: to a node of this graph, or to something outside, whose type is not
            // known here.
            return self.nodes.get(id).cloned().unwrap_or_default();
        }
        let Some(type_value) = node.get("@type") else {
            self.error(path, "a node without @type".into());
            return Vec::new();
        };
        let types = self.types(path, type_value);
        for (key, value) in node {
            let at = format!("{path}.{key}");
            if key.starts_with('@') {
                let allowed =
                    ["@id", "@type"].contains(&key.as_str()) || (top && key == "@context");
                if !allowed {
                    self.error(&at, "unsupported keyword".into());
                }
                continue;
            }
            let Some(property) = self.vocabulary.properties.get(key.as_str()) else {
                self.error(&at, format!("{key} is not a schema.org property"));
                continue;
            };
            if let Some(newer) = &property.superseded_by {
                self.error(&at, format!("{key} is superseded by {newer}"));
            }
            if !types.is_empty() && !self.vocabulary.any_is_a(&types, &property.domain) {
                self.error(
                    &at,
                    format!(
                        "{key} is not a property of {} (it is one of {})",
                        types.join(", "),
                        property.domain.join(", ")
                    ),
                );
            }
            match value {
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        self.value(&format!("{at}[{i}]"), key, &property.range, item);
                    }
                }
                item => self.value(&at, key, &property.range, item),
            }
        }
        types
    }

    /// Checks one value of `property` against its range.
    fn value(&mut self, path: &str, property: &str, range: &[String], value: &Value) {
        let vocabulary = self.vocabulary;
        let allows = |class: &str| range.iter().any(|r| vocabulary.is_a(r, class));
        let expected = || format!("{property} expects {}", range.join(" or "));
        match value {
            Value::Object(node) => {
                let types = self.node(path, node, false);
                if !types.is_empty() && !vocabulary.any_is_a(&types, range) {
                    let message = format!("a {} is no value: {}", types.join(", "), expected());
                    self.error(path, message);
                }
            }
            Value::String(text) => {
                let member = local_name(text)
                    .filter(|_| text.contains(':'))
                    .and_then(|name| vocabulary.members.get(name));
                if let Some(enumerations) = member {
                    if !vocabulary.any_is_a(enumerations, range) {
                        self.error(path, format!("{text} is no value: {}", expected()));
                    }
                } else if !TEXTUAL.iter().any(|class| allows(class)) {
                    self.error(path, format!("text {text:?} is no value: {}", expected()));
                } else if !allows("Text") {
                    self.check_format(path, range, text);
                }
            }
            Value::Number(number) => {
                let numeric: Vec<&String> = range
                    .iter()
                    .filter(|r| vocabulary.is_a(r, "Number"))
                    .collect();
                let integer_only = numeric.iter().all(|r| vocabulary.is_a(r, "Integer"));
                if numeric.is_empty() || integer_only && !number.is_i64() {
                    self.error(
                        path,
                        format!("the number {number} is no value: {}", expected()),
                    );
                }
            }
            Value::Bool(_) if allows("Boolean") => {}
            other => self.error(path, format!("{other} is no value: {}", expected())),
        }
    }

    /// Dates and times, where only they are allowed, in their ISO 8601 form.
    fn check_format(&mut self, path: &str, range: &[String], text: &str) {
        let digits =
            |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
        // hh:mm:ss with an optional fraction and time zone (Z, +hh:mm, -hh:mm).
        let time = |t: &str| {
            let (clock, zone) = match t.find(['Z', '+', '-']) {
                Some(at) => t.split_at(at),
                None => (t, ""),
            };
            let clock = clock.split_once('.').map_or(clock, |(whole, _)| whole);
            let zone_ok = zone.is_empty()
                || zone == "Z"
                || zone.len() == 6 && digits(&zone[1..3], 2) && digits(&zone[4..], 2);
            let parts: Vec<&str> = clock.split(':').collect();
            parts.len() == 3 && parts.iter().all(|p| digits(p, 2)) && zone_ok
        };
        let date = |d: &str| {
            let parts: Vec<&str> = d.split('-').collect();
            parts.len() == 3 && digits(parts[0], 4) && digits(parts[1], 2) && digits(parts[2], 2)
        };
        let ok = range.iter().any(|r| match r.as_str() {
            "Time" => time(text),
            "Date" => date(text),
            "DateTime" => text
                .split_once('T')
                .is_some_and(|(d, t)| date(d) && time(t)),
            _ => false,
        });
        if !ok {
            self.error(
                path,
                format!("{text:?} is not a {} in ISO 8601 form", range.join(" or ")),
            );
        }
    }
}

// The validator catches what schema.org's definitions rule out (each test plants one mistake).

fn errors_of(node: Value) -> Vec<String> {
    let mut block = json!({"@context": "https://schema.org"});
    block
        .as_object_mut()
        .unwrap()
        .extend(node.as_object().unwrap().clone());
    validate(&block)
}

fn assert_one_error(node: Value, expected: &str) {
    let errors = errors_of(node.clone());
    assert_eq!(errors.len(), 1, "{node}: {errors:#?}");
    assert!(errors[0].contains(expected), "{errors:#?}");
}

#[test]
fn the_validator_accepts_a_valid_organisation() {
    let errors = errors_of(json!({
        "@type": "NGO",
        "name": "Sprachcafé",
        "address": {"@type": "PostalAddress", "postalCode": "66663"},
        "location": {
            "@type": "Place",
            "geo": {"@type": "GeoCoordinates", "latitude": 49.4, "longitude": 6.6},
            "openingHoursSpecification": {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": ["https://schema.org/Monday"],
                "opens": "08:00:00",
                "closes": "12:30:00+01:00"
            }
        },
        "contactPoint": {"@type": "ContactPoint", "availableLanguage": ["de", "ar"]},
        "knowsLanguage": "tr",
        "sameAs": "https://example.org/"
    }));
    assert_eq!(errors, Vec::<String>::new());
}

#[test]
fn the_validator_finds_what_the_issue_found_in_the_old_json_ld() {
    // The shape the site had before: Place and CreativeWork properties on an Organization.
    let errors = errors_of(json!({
        "@type": "Organization",
        "name": "Migrationsberatung",
        "inLanguage": "de",
        "geo": {"@type": "GeoCoordinates", "latitude": 49.4, "longitude": 6.6},
        "openingHoursSpecification": [{"@type": "OpeningHoursSpecification", "opens": "08:00:00"}]
    }));
    assert_eq!(errors.len(), 3, "{errors:#?}");
    for property in ["inLanguage", "geo", "openingHoursSpecification"] {
        assert!(
            errors
                .iter()
                .any(|e| e.contains(&format!("{property} is not a property of Organization"))),
            "{errors:#?}"
        );
    }
}

#[test]
fn the_validator_rejects_unknown_types_and_properties() {
    assert_one_error(
        json!({"@type": "GovernmentOfice"}),
        "unknown type GovernmentOfice",
    );
    assert_one_error(
        json!({"@type": "GovernmentOffice", "telefone": "+49"}),
        "telefone is not a schema.org property",
    );
    assert_one_error(json!({"name": "no type"}), "a node without @type");
    assert_one_error(
        json!({"@type": "Organization", "serviceArea": {"@type": "Place"}}),
        "serviceArea is superseded by areaServed",
    );
    assert_one_error(
        json!({"@type": "Organization", "@language": "de"}),
        "unsupported keyword",
    );
    let errors = validate(&json!({"@type": "Organization"}));
    assert!(errors[0].contains("not schema.org"), "{errors:#?}");
}

#[test]
fn the_validator_checks_values_against_the_range() {
    assert_one_error(
        json!({"@type": "Organization", "address": {"@type": "GeoCoordinates"}}),
        "a GeoCoordinates is no value: address expects",
    );
    assert_one_error(
        json!({"@type": "Organization", "parentOrganization": "Stadt Merzig"}),
        "text \"Stadt Merzig\" is no value: parentOrganization expects Organization",
    );
    assert_one_error(
        json!({"@type": "OpeningHoursSpecification", "dayOfWeek": "https://schema.org/Funday"}),
        "dayOfWeek expects",
    );
    assert_one_error(
        json!({"@type": "OpeningHoursSpecification", "dayOfWeek": "https://schema.org/January"}),
        "dayOfWeek expects DayOfWeek",
    );
    assert_one_error(
        json!({"@type": "OpeningHoursSpecification", "opens": "8 Uhr"}),
        "\"8 Uhr\" is not a Time",
    );
    assert_one_error(
        json!({"@type": "OpeningHoursSpecification", "closes": "08:00"}),
        "\"08:00\" is not a Time",
    );
    assert_one_error(
        json!({"@type": "WebPage", "lastReviewed": "15.06.2026"}),
        "\"15.06.2026\" is not a Date",
    );
    assert_one_error(
        json!({"@type": "ListItem", "position": 1.5}),
        "the number 1.5 is no value: position expects",
    );
    assert_one_error(
        json!({"@type": "Organization", "name": null}),
        "null is no value",
    );
    assert_one_error(
        json!({"@type": "Organization", "email": true}),
        "true is no value",
    );
}

#[test]
fn the_validator_follows_references_within_the_graph() {
    let block = json!({
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": "https://example.org/#page", "breadcrumb": {"@id": "https://example.org/#org"}},
            {"@type": "Organization", "@id": "https://example.org/#org"}
        ]
    });
    let errors = validate(&block);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].starts_with("@graph[0].breadcrumb: a Organization is no value"));
}

// ---------------------------------------------------------------------------------------------
// The built site

/// Every JSON-LD block of every page of the example site, by page (relative path).
fn json_ld_blocks(site: &Path) -> BTreeMap<String, Vec<Value>> {
    let selector = Selector::parse("script[type='application/ld+json']").unwrap();
    files_ending(site, ".html")
        .into_iter()
        .map(|path| {
            let html = Html::parse_document(&std::fs::read_to_string(&path).unwrap());
            let page = path
                .strip_prefix(site)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let blocks = html
                .select(&selector)
                .map(|script| {
                    serde_json::from_str(&script.inner_html())
                        .unwrap_or_else(|e| panic!("{page}: JSON-LD does not parse: {e}"))
                })
                .collect();
            (page, blocks)
        })
        .collect()
}

#[test]
fn every_json_ld_block_of_every_page_is_valid_schema_org() {
    let site = common::example_site();
    let pages = json_ld_blocks(site);
    let mut errors = Vec::new();
    let mut blocks = 0;
    for (page, page_blocks) in &pages {
        for (i, block) in page_blocks.iter().enumerate() {
            blocks += 1;
            errors.extend(
                validate(block)
                    .into_iter()
                    .chain(dangling_references(block))
                    .map(|e| format!("{page} #{i} {e}")),
            );
        }
    }
    let with_json_ld = pages.values().filter(|b| !b.is_empty()).count();
    println!(
        "schema.org 30.0: {blocks} JSON-LD blocks on {with_json_ld} of {} pages validated, {} errors",
        pages.len(),
        errors.len()
    );
    assert!(errors.is_empty(), "{errors:#?}");
    // Every page of every language has one @graph, except the language chooser, the 404 page
    // and the editors' report.
    let without: Vec<&String> = pages
        .iter()
        .filter(|(_, blocks)| blocks.len() != 1)
        .map(|(page, _)| page)
        .collect();
    assert_eq!(without, ["404.html", "index.html", "report/index.html"]);
    let actor_pages = pages
        .values()
        .filter(|blocks| {
            blocks.first().is_some_and(|b| {
                b["@graph"].as_array().unwrap().iter().any(|n| {
                    n["@id"]
                        .as_str()
                        .is_some_and(|id| id.ends_with("#organization"))
                        && n["contactPoint"].is_array()
                })
            })
        })
        .count();
    assert_eq!(actor_pages, 30 * 7, "every actor in every language");
}

/// References to nodes of the page (`{"@id": "…#…"}`) that are not in its `@graph`.
fn dangling_references(block: &Value) -> Vec<String> {
    fn references<'a>(value: &'a Value, found: &mut Vec<&'a str>) {
        match value {
            Value::Object(node) if node.len() == 1 => {
                found.extend(node.get("@id").and_then(Value::as_str));
            }
            Value::Object(node) => node.values().for_each(|v| references(v, found)),
            Value::Array(items) => items.iter().for_each(|v| references(v, found)),
            _ => {}
        }
    }
    let graph = block["@graph"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    let ids: Vec<&str> = graph.iter().filter_map(|n| n["@id"].as_str()).collect();
    let mut found = Vec::new();
    references(block, &mut found);
    found
        .into_iter()
        .filter(|id| id.contains('#') && !ids.contains(id))
        .map(|id| format!("{id} is referenced but not in the @graph"))
        .collect()
}

#[test]
fn a_planted_invalid_property_on_a_built_page_is_caught() {
    let pages = json_ld_blocks(common::example_site());
    for (page, property) in [
        ("de/sprachcafe-merzig/index.html", "geo"),
        ("ar/jobcenter-merzig/index.html", "inLanguage"),
    ] {
        let mut block = pages[page][0].clone();
        assert_eq!(validate(&block), Vec::<String>::new(), "{page}");
        let graph = block["@graph"].as_array_mut().unwrap();
        let organisation = graph.last_mut().unwrap().as_object_mut().unwrap();
        organisation.insert(property.to_owned(), json!({"@type": "GeoCoordinates"}));
        let errors = validate(&block);
        assert!(
            errors
                .iter()
                .any(|e| e.contains(&format!("{property} is not a property of"))),
            "{page}: {errors:#?}"
        );
        assert_eq!(dangling_references(&block), Vec::<String>::new());
        block["@graph"].as_array_mut().unwrap().remove(2);
        let dangling = dangling_references(&block);
        assert!(
            dangling
                .iter()
                .any(|e| e.contains("#breadcrumb is referenced")),
            "{page}: the BreadcrumbList removed: {dangling:?}"
        );
    }
}

#[test]
fn hostile_profile_text_leaves_the_json_ld_valid() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile-site");
    common::build_site(&root, &out);
    let pages = json_ld_blocks(&out);
    let block = &pages["de/feindlich/index.html"][0];
    assert_eq!(validate(block), Vec::<String>::new());
    let organisation = block["@graph"].as_array().unwrap().last().unwrap();
    assert_eq!(
        organisation["name"],
        "Verein <i>\"Hilfe\"</i> & Co </script>"
    );
}

#[test]
fn the_breadcrumb_list_names_and_links_what_the_page_shows() {
    let site = common::example_site();
    let pages = json_ld_blocks(site);
    let crumbs = Selector::parse("nav.breadcrumb li").unwrap();
    let link = Selector::parse("a").unwrap();
    let canonical = Selector::parse("link[rel=canonical]").unwrap();
    let mut checked = 0;
    for (page, blocks) in &pages {
        let html = Html::parse_document(&std::fs::read_to_string(site.join(page)).unwrap());
        let shown: Vec<(String, Option<String>)> = html
            .select(&crumbs)
            .map(|li| {
                let href = li
                    .select(&link)
                    .next()
                    .map(|a| a.attr("href").unwrap().to_owned());
                (li.text().collect::<String>(), href)
            })
            .collect();
        let graph = blocks
            .first()
            .map(|b| b["@graph"].as_array().unwrap().clone());
        let list = graph
            .iter()
            .flatten()
            .find(|n| n["@type"] == "BreadcrumbList")
            .map(|l| l["itemListElement"].as_array().unwrap().clone());
        let Some(list) = list else {
            assert!(
                shown.is_empty(),
                "{page}: a breadcrumb without BreadcrumbList"
            );
            continue;
        };
        let page_url = html
            .select(&canonical)
            .next()
            .unwrap()
            .attr("href")
            .unwrap();
        let page_url = url::Url::parse(page_url).unwrap();
        assert_eq!(list.len(), shown.len(), "{page}");
        for (i, (item, (name, href))) in list.iter().zip(&shown).enumerate() {
            assert_eq!(item["position"], i + 1, "{page}");
            assert_eq!(item["name"].as_str(), Some(name.as_str()), "{page}");
            let target = match href {
                Some(href) => page_url.join(href).unwrap(),
                None => page_url.clone(),
            };
            assert_eq!(
                item["item"]["@id"].as_str(),
                Some(target.as_str()),
                "{page}"
            );
        }
        assert!(
            shown.last().unwrap().1.is_none(),
            "{page}: the last step is the page"
        );
        checked += 1;
    }
    // Per language: 30 actors, the topic and group listings, A–Z and the numbers.
    assert!(checked >= 6 * 32, "{checked} pages with a breadcrumb");
}

// ---------------------------------------------------------------------------------------------
// vCards

/// Reads the vCard files with Python's vobject and prints, per file, what it parsed.
const VOBJECT: &str = r#"
import json, sys, vobject
out = {}
for path in sys.argv[1:]:
    with open(path, encoding="utf-8", newline="") as f:
        cards = list(vobject.readComponents(f.read(), validate=True))
    def values(card, name):
        return [p.value for p in card.contents.get(name, [])]
    out[path] = [{
        "version": card.version.value,
        "show_as": values(card, "x-abshowas"),
        "n": [[n.family, n.given] for n in values(card, "n")],
        "fn": values(card, "fn"),
        "org": values(card, "org"),
        "title": values(card, "title"),
        "tel": values(card, "tel"),
        "email": values(card, "email"),
        "note": values(card, "note"),
        "uid": values(card, "uid"),
        "adr": [[a.street, a.code, a.city] for a in values(card, "adr")],
    } for card in cards]
print(json.dumps(out))
"#;

/// The Python that apt's python3-vobject belongs to (scripts/test.sh installs it).
fn python() -> &'static str {
    if Path::new("/usr/bin/python3").exists() {
        "/usr/bin/python3"
    } else {
        "python3"
    }
}

fn parse_vcards(files: &[PathBuf]) -> BTreeMap<String, Vec<Value>> {
    let output = Command::new(python())
        .arg("-c")
        .arg(VOBJECT)
        .args(files)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "vobject (apt install python3-vobject) failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn every_vcard_parses_with_vobject_and_has_the_required_properties() {
    let site = common::example_site();
    let files = files_ending(site, ".vcf");
    assert_eq!(files.len(), 30 * 7, "one file per actor and language");
    let parsed = parse_vcards(&files);
    let mut cards = 0;
    for (path, file_cards) in &parsed {
        let raw = std::fs::read(path).unwrap();
        let text = String::from_utf8(raw).unwrap();
        assert!(
            text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\n'),
            "{path}: CRLF"
        );
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{path}: a line over 75 octets: {line}");
        }
        assert_eq!(
            file_cards[0]["show_as"],
            json!(["COMPANY"]),
            "{path}: the organisation first, shown as a company"
        );
        assert_eq!(file_cards[0]["n"], json!([["", ""]]), "{path}");
        for card in file_cards {
            cards += 1;
            assert_eq!(card["version"], "3.0", "{path}");
            assert_eq!(
                card["n"].as_array().unwrap().len(),
                1,
                "{path}: N in {card}"
            );
            assert_eq!(
                card["fn"].as_array().unwrap().len(),
                1,
                "{path}: FN in {card}"
            );
            assert!(!card["fn"][0].as_str().unwrap().is_empty(), "{path}");
            assert_eq!(
                card["uid"].as_array().unwrap().len(),
                1,
                "{path}: UID in {card}"
            );
        }
        for person in &file_cards[1..] {
            assert_eq!(person["show_as"], json!([]), "{path}: a person");
            assert_ne!(person["n"][0][0], "", "{path}: a family name in {person}");
        }
    }
    println!(
        "vobject: {cards} cards in {} files parsed, every one with N, FN and UID",
        parsed.len()
    );
}

#[test]
fn the_job_centres_vcard_holds_the_organisation_and_its_contact_persons() {
    let site = common::example_site();
    let de = site.join("de/jobcenter-merzig/contact.vcf");
    let ar = site.join("ar/jobcenter-merzig/contact.vcf");
    let parsed = parse_vcards(&[de.clone(), ar.clone()]);
    let cards = &parsed[de.to_str().unwrap()];
    assert_eq!(cards.len(), 3);
    let organisation = &cards[0];
    assert_eq!(organisation["n"], json!([["", ""]]));
    assert_eq!(
        organisation["fn"],
        json!(["Jobcenter Landkreis Merzig-Wadern"])
    );
    assert_eq!(
        organisation["org"],
        json!([["Jobcenter Landkreis Merzig-Wadern"]])
    );
    assert_eq!(organisation["tel"], json!(["+49686190120"]));
    assert_eq!(
        organisation["email"],
        json!(["jobcenter-merzig@example.org"])
    );
    assert_eq!(
        organisation["adr"],
        json!([["Hochwaldstraße 44", "66663", "Merzig"]])
    );
    let person = &cards[1];
    assert_eq!(person["n"], json!([["Beispiel", "Miriam"]]));
    assert_eq!(person["fn"], json!(["Miriam Beispiel"]));
    assert_eq!(
        person["title"],
        json!(["Integrationsfachkraft für Geflüchtete"])
    );
    assert_eq!(person["tel"], json!(["+4968619012210"]));
    assert_eq!(person["email"], json!(["miriam.beispiel@example.org"]));
    assert_eq!(
        person["note"],
        json!(["Sprachen: Deutsch, English, Français"])
    );
    // The Arabic file: the role in Arabic, the same UIDs (importing both updates one contact).
    let arabic = &parsed[ar.to_str().unwrap()];
    assert_ne!(arabic[1]["title"], person["title"]);
    for (a, b) in arabic.iter().zip(cards) {
        assert_eq!(a["uid"], b["uid"]);
    }
}

#[test]
fn text_values_are_escaped_and_long_lines_folded_as_vobject_reads_them() {
    // The hostile fixture with a name and a role that need every escape and a fold.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("content");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile-site");
    common::copy_dir(&fixture, &root);
    let profile = root.join("actors/feindlich/profile.yaml");
    let name =
        r#"Verein "Hilfe, Rat; Tat" \ Ökumenische Flüchtlingsarbeit im Landkreis Merzig-Wadern"#;
    let role = r"Beraterin; Dolmetscherin, Arabisch \ Farsi";
    let yaml = std::fs::read_to_string(&profile)
        .unwrap()
        .replace(
            r#"name: Verein <i>"Hilfe"</i> & Co </script>"#,
            &format!("name: '{name}'"),
        )
        .replace(r#"role: "{{ 7*7 }} {% raw %}""#, &format!("role: '{role}'"));
    std::fs::write(&profile, yaml).unwrap();
    let out = dir.path().join("public");
    common::build_site(&root, &out);
    let file = out.join("de/feindlich/contact.vcf");
    let raw = std::fs::read_to_string(&file).unwrap();
    assert!(raw.contains("\r\n "), "the long name is folded: {raw}");
    let parsed = parse_vcards(std::slice::from_ref(&file));
    let cards = &parsed[file.to_str().unwrap()];
    assert_eq!(cards[0]["fn"], json!([name]), "{raw}");
    assert_eq!(cards[0]["org"], json!([[name]]), "one ORG component: {raw}");
    assert_eq!(cards[1]["title"], json!([role]), "{raw}");
    assert_eq!(cards[1]["org"], json!([[name]]), "{raw}");
}
