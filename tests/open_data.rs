//! The open data of a build, checked with real validators: every HSDS record against the
//! official Open Referral HSDS 3.0 JSON Schemas (tests/hsds-schema/), catalog.json against the
//! schema published beside it, and the DCAT-AP.de metadata against the files it lists.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::{Value, json};

use common::steckbrief_ok;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn json_file(path: &Path) -> Value {
    let text = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_slice(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The base URI the HSDS schemas are registered under (they have no `$id` of their own and
/// reference each other by file name).
const HSDS_BASE: &str = "https://hsds.invalid/schema/";

/// Validators for the official HSDS 3.0 schemas, formats (uuid, email, uri, date-time) checked.
struct Hsds {
    registry: jsonschema::Registry<'static>,
    openapi: Value,
}

impl Hsds {
    fn load() -> &'static Hsds {
        static HSDS: OnceLock<Hsds> = OnceLock::new();
        HSDS.get_or_init(|| {
            let dir = repo().join("tests/hsds-schema");
            let mut schemas = Vec::new();
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "json") {
                    let name = path.file_name().unwrap().to_str().unwrap().to_owned();
                    schemas.push((name, json_file(&path)));
                }
            }
            assert!(schemas.len() >= 20, "the HSDS schemas are committed");
            let openapi = schemas
                .iter()
                .find(|(name, _)| name == "openapi.json")
                .unwrap()
                .1
                .clone();
            let schemas: &'static [(String, Value)] = schemas.leak();
            let mut builder = jsonschema::Registry::new();
            for (name, schema) in schemas {
                builder = builder.add(format!("{HSDS_BASE}{name}"), schema).unwrap();
            }
            Hsds {
                registry: builder.prepare().unwrap(),
                openapi,
            }
        })
    }

    fn validator(&self, schema: &Value) -> jsonschema::Validator {
        jsonschema::options()
            .with_registry(&self.registry)
            .should_validate_formats(true)
            .build(schema)
            .unwrap()
    }

    /// The validator of one HSDS object ("service.json").
    fn object(&self, file: &str) -> jsonschema::Validator {
        self.validator(&json!({ "$ref": format!("{HSDS_BASE}{file}") }))
    }

    /// The validator of a list page: the API's `Page` with `contents`.
    fn page(&self) -> jsonschema::Validator {
        let mut page = self.openapi["components"]["schemas"]["Page"].clone();
        page["required"] = json!([
            "total_items",
            "total_pages",
            "page_number",
            "size",
            "first_page",
            "last_page",
            "empty",
            "contents"
        ]);
        page["properties"]["contents"] = json!({ "type": "array" });
        self.validator(&page)
    }
}

fn errors(validator: &jsonschema::Validator, value: &Value, at: &str) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|e| format!("{at}{}: {e}", e.instance_path()))
        .collect()
}

/// Objects with an `id` in `value`, nested ones included: the records HSDS knows.
fn records_in(value: &Value) -> usize {
    match value {
        Value::Object(map) => {
            usize::from(map.contains_key("id")) + map.values().map(records_in).sum::<usize>()
        }
        Value::Array(items) => items.iter().map(records_in).sum(),
        _ => 0,
    }
}

/// The HSDS list files and the schema of their records.
const LISTS: [(&str, &str); 5] = [
    ("services.json", "service.json"),
    ("organizations.json", "organization.json"),
    ("service_at_locations.json", "service_at_location.json"),
    ("taxonomies.json", "taxonomy.json"),
    ("taxonomy_terms.json", "taxonomy_term.json"),
];

/// Validates every record of the HSDS files in `dir`: (top-level records, records with nested
/// ones, errors).
fn validate_hsds(dir: &Path) -> (usize, usize, Vec<String>) {
    let hsds = Hsds::load();
    let page = hsds.page();
    let (mut top, mut all, mut problems) = (0, 0, Vec::new());
    for (file, schema) in LISTS {
        let document = json_file(&dir.join(file));
        problems.extend(errors(&page, &document, file));
        let validator = hsds.object(schema);
        let contents = document["contents"].as_array().unwrap();
        assert_eq!(document["total_items"], contents.len());
        for (i, record) in contents.iter().enumerate() {
            problems.extend(errors(&validator, record, &format!("{file} #{i}")));
            top += 1;
            all += records_in(record);
        }
    }
    let root = &hsds.openapi["paths"]["/"]["get"]["responses"]["200"]["content"]["application/json"]
        ["schema"];
    let index = json_file(&dir.join("index.json"));
    problems.extend(errors(&hsds.validator(root), &index, "index.json"));
    assert_eq!(index["version"], "3.0");
    (top, all, problems)
}

#[test]
fn every_hsds_record_validates_against_the_official_hsds_3_schemas() {
    let dir = common::example_site().join("data/hsds");
    let (top, all, problems) = validate_hsds(&dir);
    eprintln!(
        "HSDS 3.0: {top} records ({all} with nested records) validated, {} errors",
        problems.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // 30 actors: a service, an organization and a service_at_location each; 2 taxonomies with
    // 10 topics and 8 target groups.
    assert_eq!(top, 30 * 3 + 2 + 18);
    assert!(all > 1000, "nested records are validated too: {all}");
}

#[test]
fn the_hsds_validation_catches_a_broken_record() {
    let hsds = Hsds::load();
    let services = json_file(&common::example_site().join("data/hsds/services.json"));
    let mut service = services["contents"][0].clone();
    service["status"] = json!("open");
    service["id"] = json!("jobcenter");
    service["service_at_locations"][0]["location"]["schedules"][0]["freq"] = json!("DAILY");
    service["contacts"][0]["email"] = json!("not an address");
    let problems = errors(&hsds.object("service.json"), &service, "");
    assert_eq!(problems.len(), 4, "{problems:#?}");
    let mut page = services.clone();
    page.as_object_mut().unwrap().remove("total_items");
    assert_eq!(errors(&hsds.page(), &page, "").len(), 1);
}

#[test]
fn hsds_ids_are_uuid_v5_of_the_slug_and_the_same_in_every_build() {
    let services = json_file(&common::example_site().join("data/hsds/services.json"));
    let contents = services["contents"].as_array().unwrap();
    let jobcenter = contents
        .iter()
        .find(|s| s["url"] == "https://integration.merzig.example.org/de/jobcenter-merzig/")
        .unwrap();
    // Fixed forever: consumers match records across exports by these ids.
    assert_eq!(jobcenter["id"], "8119390f-e7ad-5b76-aec7-72ce9743b938");
    assert_eq!(
        jobcenter["organization"]["id"],
        "c7133b61-eb6b-57b3-ad87-dac41c143ecf"
    );
    let ids: BTreeSet<&str> = contents.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), contents.len(), "unique ids");
    assert!(ids.iter().all(|id| id.as_bytes()[14] == b'5'), "version 5");

    // Another day, another build: the same HSDS files.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let output = common::steckbrief_on(
        &[
            "build",
            "--root",
            repo().to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--no-brochures",
            "--quiet",
        ],
        "1796428800",
    );
    assert!(output.status.success());
    for file in ["services.json", "organizations.json", "taxonomy_terms.json"] {
        let (a, b) = (
            std::fs::read(common::example_site().join("data/hsds").join(file)).unwrap(),
            std::fs::read(out.join("data/hsds").join(file)).unwrap(),
        );
        assert!(a == b, "{file} differs between builds");
    }
}

#[test]
fn export_hsds_writes_the_files_of_the_build() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("hsds");
    let output = steckbrief_ok(&[
        "export",
        "hsds",
        "--root",
        repo().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("services.json"), "{stderr}");
    let exported = common::files(&out);
    let built = common::files(&common::example_site().join("data/hsds"));
    assert_eq!(exported, built);
    assert_eq!(exported.len(), 6);
}

#[test]
fn weekly_hours_become_hsds_schedules_and_appointments_a_note() {
    let services = json_file(&common::example_site().join("data/hsds/services.json"));
    let jobcenter = services["contents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Jobcenter Landkreis Merzig-Wadern")
        .unwrap();
    let location = &jobcenter["service_at_locations"][0]["location"];
    let thursday_afternoon = location["schedules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["byday"] == "TH" && s["opens_at"] == "13:30")
        .expect("Thursday 13:30–17:30");
    assert_eq!(thursday_afternoon["closes_at"], "17:30");
    assert_eq!(thursday_afternoon["freq"], "WEEKLY");
    assert_eq!(thursday_afternoon["location_id"], location["id"]);
    assert_eq!(location["addresses"][0]["state_province"], "Saarland");
    assert_eq!(location["addresses"][0]["postal_code"], "66663");
    // Consultation only by appointment: the service's schedule says so, with the note.
    let consultation = &jobcenter["schedules"][0];
    assert_eq!(consultation["description"], "Nur nach Terminvereinbarung");
    assert!(consultation.get("byday").is_none());
    let contact_phone = &jobcenter["contacts"][0]["phones"][0];
    assert_eq!(contact_phone["number"], "+4968619012210");
    let spoken: Vec<&str> = contact_phone["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["code"].as_str().unwrap())
        .collect();
    assert_eq!(spoken, ["de", "en", "fr"]);
    let topics: Vec<&str> = jobcenter["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["link_type"] == "topic")
        .map(|a| a["taxonomy_term"]["code"].as_str().unwrap())
        .collect();
    assert_eq!(topics, ["work", "training", "counselling"]);
}

fn catalog_validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(schema)
        .expect("catalog.schema.json is a valid JSON Schema")
}

#[test]
fn catalog_json_validates_against_the_schema_published_beside_it() {
    let site = common::example_site();
    let schema = json_file(&site.join("data/catalog.schema.json"));
    let catalog = json_file(&site.join("data/catalog.json"));
    let validator = catalog_validator(&schema);
    let problems = errors(&validator, &catalog, "catalog.json");
    eprintln!(
        "catalog.json: {} actors validated, {} errors",
        catalog["actors"].as_array().unwrap().len(),
        problems.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(
        catalog["$schema"],
        "https://integration.merzig.example.org/data/catalog.schema.json"
    );
    assert_eq!(catalog["licence"]["id"], "dl-de/by-2-0");
    assert_eq!(catalog["publisher"]["name"], "Kreisstadt Merzig");
    // The day of SOURCE_DATE_EPOCH the tests build on.
    assert_eq!(catalog["modified"], "2026-11-28");
    let jobcenter = catalog["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["slug"] == "jobcenter-merzig")
        .unwrap();
    assert_eq!(
        jobcenter["pages"]["ar"],
        "https://integration.merzig.example.org/ar/jobcenter-merzig/"
    );
    // One page per site language, Leichte Sprache included.
    assert_eq!(jobcenter["pages"].as_object().unwrap().len(), 7);
    assert!(site.join("ar/jobcenter-merzig/index.html").is_file());

    // The schema is strict enough to notice a changed file.
    let mut broken = catalog.clone();
    broken.as_object_mut().unwrap().remove("licence");
    broken["actors"][0]["kind"] = json!("company");
    broken["actors"][0]["unknown"] = json!(1);
    assert_eq!(errors(&validator, &broken, "").len(), 3);
}

/// The example content in a temporary folder with `edit` applied to its config.yaml.
fn example_with_config(edit: impl Fn(String) -> String) -> tempfile::TempDir {
    example_with(&[("config.yaml", &edit)])
}

/// The example content in a temporary folder (under `content/`) with each `(file, edit)`
/// applied.
fn example_with(edits: &[(&str, &dyn Fn(String) -> String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("content");
    for folder in ["actors", "content", "i18n", "theme"] {
        common::copy_dir(&repo().join(folder), &root.join(folder));
    }
    std::fs::copy(repo().join("config.yaml"), root.join("config.yaml")).unwrap();
    for (file, edit) in edits {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        std::fs::write(root.join(file), edit(text)).unwrap();
    }
    dir
}

#[test]
fn addresses_that_check_accepts_stay_valid_in_the_open_data() {
    // Browsers accept these, so `check` does; HSDS wants URIs and e-mail addresses.
    let profile = |text: String| {
        text.replace(
            "website: https://www.jobcenter-ge.de",
            "website: https://bücher.example/Öffnungszeiten und Preise",
        )
        .replace(
            "email: jobcenter-merzig@example.org",
            "email: jobcenter@bücher.example",
        )
    };
    let dir = example_with(&[("actors/jobcenter-merzig/profile.yaml", &profile)]);
    let (root, out) = (dir.path().join("content"), dir.path().join("public"));
    common::build_site(&root, &out);
    let (_, _, problems) = validate_hsds(&out.join("data/hsds"));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let services = std::fs::read_to_string(out.join("data/hsds/services.json")).unwrap();
    assert!(services.contains(
        "\"website\":\"https://xn--bcher-kva.example/%C3%96ffnungszeiten%20und%20Preise\""
    ));
    let schema = json_file(&out.join("data/catalog.schema.json"));
    let catalog = json_file(&out.join("data/catalog.json"));
    let problems = errors(&catalog_validator(&schema), &catalog, "catalog.json");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_licence_and_publisher_come_from_config_yaml() {
    let dir = example_with_config(|config| {
        config
            .replace("licence: dl-de/by-2-0", "licence: CC-BY-4.0")
            .replace(
                "publisher: Kreisstadt Merzig",
                "publisher: Landkreis Beispiel",
            )
    });
    let (root, out) = (dir.path().join("content"), dir.path().join("public"));
    common::build_site(&root, &out);
    let catalog = json_file(&out.join("data/catalog.json"));
    assert_eq!(catalog["licence"]["id"], "CC-BY-4.0");
    assert_eq!(
        catalog["licence"]["url"],
        "https://creativecommons.org/licenses/by/4.0/"
    );
    assert!(
        catalog["attribution"]
            .as_str()
            .unwrap()
            .starts_with("Landkreis Beispiel: Arbeiten und Leben in Merzig")
    );
    let dcat = json_file(&out.join("data/dcat.jsonld"));
    let dataset = &dcat["@graph"][1];
    assert_eq!(
        dataset["dct:license"]["@id"],
        "http://dcat-ap.de/def/licenses/cc-by/4.0"
    );
}

#[test]
fn an_unknown_licence_or_a_bad_publisher_address_is_an_error_of_config_yaml() {
    let cases = [
        (
            "licence: dl-de/by-2-0",
            "licence: MIT",
            "choose one of: dl-de/by-2-0",
        ),
        (
            "publisher_url: https://www.merzig.example.org",
            "publisher_url: www merzig",
            "publisher_url",
        ),
        (
            "municipality_key: \"10042113\"",
            "municipality_key: \"1004211\"",
            "has 8 digits",
        ),
    ];
    for (line, broken, expected) in cases {
        let dir = example_with_config(|config| config.replace(line, broken));
        let root = dir.path().join("content");
        let output = common::steckbrief(&["check", "--root", root.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(1), "{broken}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("config.yaml:"), "{stderr}");
        assert!(stderr.contains(expected), "{stderr}");
    }
}

#[test]
fn dcat_metadata_describes_every_open_data_file_for_govdata() {
    let site = common::example_site();
    let dcat = json_file(&site.join("data/dcat.jsonld"));
    let graph = dcat["@graph"].as_array().unwrap();
    let of_type = |t: &str| graph.iter().find(|n| n["@type"] == t).unwrap();
    let dataset = of_type("dcat:Dataset");
    assert_eq!(
        of_type("dcat:Catalog")["dcat:dataset"]["@id"],
        dataset["@id"]
    );
    assert_eq!(
        dataset["dct:license"]["@id"],
        "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
    );
    assert_eq!(dataset["dct:modified"]["@value"], "2026-11-28");
    assert_eq!(
        of_type("foaf:Organization")["foaf:name"],
        "Kreisstadt Merzig"
    );
    let distributions = dataset["dcat:distribution"].as_array().unwrap();
    // catalog.json and the six HSDS files; the build had no brochures.
    assert_eq!(distributions.len(), 7);
    for distribution in distributions {
        let url = distribution["dcat:downloadURL"]["@id"].as_str().unwrap();
        let path = url
            .strip_prefix("https://integration.merzig.example.org/")
            .unwrap();
        assert!(site.join(path).is_file(), "{url} is in the build");
        assert_eq!(distribution["dct:license"], dataset["dct:license"]);
    }

    // With brochures, each PDF is a distribution too.
    let today = jiff::civil::Date::new(2026, 11, 28).unwrap();
    let catalog = steckbrief::check(&repo(), today).unwrap().catalog.unwrap();
    let languages = catalog.config.brochure.languages.clone();
    let sink = steckbrief::render::Collect::default();
    steckbrief::render::Renderer::render(
        &steckbrief::open_data::OpenData {
            brochure_languages: &languages,
            today,
        },
        &catalog,
        &sink,
    )
    .unwrap();
    let files = sink.into_files();
    let dcat: Value = serde_json::from_slice(&files["data/dcat.jsonld"]).unwrap();
    let pdfs: Vec<&str> = dcat["@graph"][1]["dcat:distribution"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["dct:format"]["@id"].as_str().unwrap().ends_with("/PDF"))
        .map(|d| d["dcat:downloadURL"]["@id"].as_str().unwrap())
        .collect();
    assert_eq!(pdfs.len(), 7, "one brochure per brochure language");
    assert!(
        pdfs.contains(
            &"https://integration.merzig.example.org/ar/arbeiten-und-leben-in-merzig.pdf"
        )
    );
}

/// Runs tests/dcat_check.py (rdflib, an independent RDF parser) on `file`: (success, output).
fn dcat_check(file: &Path) -> (bool, String) {
    let output = std::process::Command::new("/usr/bin/python3")
        .arg(repo().join("tests/dcat_check.py"))
        .arg(file)
        .output()
        .expect("/usr/bin/python3 runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        !text.contains("No module named 'rdflib'"),
        "python3-rdflib is missing (scripts/test.sh installs it)"
    );
    (output.status.success(), text)
}

#[test]
fn dcat_metadata_reads_as_rdf_with_what_govdata_requires() {
    let file = common::example_site().join("data/dcat.jsonld");
    let (ok, output) = dcat_check(&file);
    eprintln!("dcat.jsonld (rdflib): {}", output.trim());
    assert!(ok, "{output}");
    assert!(output.contains("7 distributions, 0 problems"), "{output}");

    // The checker notices a distribution without licence and a date without its type.
    let mut dcat = json_file(&file);
    let dataset = &mut dcat["@graph"][1];
    dataset["dcat:distribution"][0]
        .as_object_mut()
        .unwrap()
        .remove("dct:license");
    dataset["dct:modified"] = json!("2026-11-28");
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("dcat.jsonld");
    std::fs::write(&broken, serde_json::to_vec(&dcat).unwrap()).unwrap();
    let (ok, output) = dcat_check(&broken);
    assert!(!ok, "{output}");
    assert!(output.contains("no dct:license"), "{output}");
    assert!(output.contains("2 problems"), "{output}");
}
