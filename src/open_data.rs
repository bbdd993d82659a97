//! The open data: the whole catalogue as one JSON file (`data/catalog.json`), with every field
//! and every translation, for other systems to read; its JSON Schema
//! (`data/catalog.schema.json`); the same catalogue as Open Referral HSDS 3.0 (`data/hsds/`,
//! see [`crate::hsds`]); and DCAT-AP.de metadata describing all of it (`data/dcat.jsonld`), so
//! that open-data portals such as GovData can harvest it.

use std::collections::BTreeMap;
use std::io::Write;

use jiff::civil::Date;
use serde::Serialize;
use serde_json::{Value, json};

use crate::catalog::{Actor, Catalog, category_label};
use crate::config::Category;
use crate::hsds;
use crate::render::{RenderError, Rendered, Renderer, Sink};
use crate::urls;

/// The open-data files as a [`Renderer`].
pub struct OpenData<'a> {
    /// The languages whose PDF brochure the build writes (listed as distributions in the
    /// DCAT metadata).
    pub brochure_languages: &'a [String],
    /// The day of the build (`SOURCE_DATE_EPOCH`-aware, see [`crate::today`]): the data's
    /// modification date.
    pub today: Date,
}

/// The version of the format of catalog.json: the major number changes when a field is removed
/// or changes its meaning, the minor when fields are added.
pub const FORMAT_VERSION: &str = "2.0";

/// The JSON Schema of catalog.json, published beside it.
pub const SCHEMA: &str = include_str!("open_data/catalog.schema.json");

impl Renderer for OpenData<'_> {
    fn name(&self) -> &'static str {
        "open data"
    }

    fn render(&self, catalog: &Catalog, sink: &dyn Sink) -> Result<Rendered, RenderError> {
        let path = |url: &str| url.trim_start_matches('/').to_owned();
        sink.put_written(path(urls::OPEN_DATA), &|out| {
            write(catalog, self.today, out)
        })?;
        sink.put(path(urls::OPEN_DATA_SCHEMA), SCHEMA.as_bytes().to_vec())?;
        for file in hsds::File::ALL {
            sink.put_written(format!("{}{}", path(urls::HSDS), file.name()), &|out| {
                file.write(catalog, out)
            })?;
        }
        let dcat = dcat(catalog, self.brochure_languages, self.today);
        sink.put_written(path(urls::DCAT), &|out| {
            serde_json::to_writer_pretty(&mut *out, &dcat)?;
            out.write_all(b"\n")
        })?;
        Ok(Rendered::default())
    }
}

/// Whether `path` (relative to the site root, with `/`) is one of the files [`OpenData`] writes.
pub fn writes(path: &str) -> bool {
    let url = format!("/{path}");
    [urls::OPEN_DATA, urls::OPEN_DATA_SCHEMA, urls::DCAT].contains(&url.as_str())
        || url
            .strip_prefix(urls::HSDS)
            .is_some_and(|name| hsds::File::ALL.iter().any(|file| file.name() == name))
}

/// The licence as catalog.json states it.
#[derive(Serialize)]
struct LicenceData {
    id: &'static str,
    name: &'static str,
    url: &'static str,
}

/// Who publishes the data.
#[derive(Serialize)]
struct PublisherData<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
}

/// The attribution the licence asks of users: publisher, title, licence, address.
fn attribution(catalog: &Catalog) -> String {
    let config = &catalog.config;
    let licence = config.open_data.licence;
    format!(
        "{}: {} ({}, {}), {}",
        config.publisher(),
        title(catalog),
        licence.name(),
        licence.url(),
        urls::absolute(&config.base_url, urls::OPEN_DATA)
    )
}

/// The site's title in the source language.
fn title(catalog: &Catalog) -> &str {
    let config = &catalog.config;
    config
        .title
        .get(&config.source_language)
        .map_or(config.town.as_str(), String::as_str)
}

/// The whole catalogue as open data (actors with all fields and translations), written as it is
/// serialised: at ten thousand actors it is a few hundred megabytes.
fn write(catalog: &Catalog, today: Date, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct OpenData<'a> {
        #[serde(rename = "$schema")]
        schema: String,
        version: &'static str,
        url: String,
        title: &'a BTreeMap<String, String>,
        town: &'a str,
        publisher: PublisherData<'a>,
        licence: LicenceData,
        attribution: String,
        modified: Date,
        source_language: &'a str,
        languages: Vec<&'a str>,
        topics: Vec<CategoryData<'a>>,
        target_groups: Vec<CategoryData<'a>>,
        actors: Vec<ActorData<'a>>,
    }
    /// An actor with the address of its page in every language.
    #[derive(Serialize)]
    struct ActorData<'a> {
        #[serde(flatten)]
        actor: &'a Actor,
        pages: BTreeMap<&'a str, String>,
    }
    #[derive(Serialize)]
    struct CategoryData<'a> {
        id: &'a str,
        label: &'a BTreeMap<String, String>,
    }
    fn categories(all: &[Category]) -> Vec<CategoryData<'_>> {
        all.iter()
            .map(|c| CategoryData {
                id: &c.id,
                label: &c.label,
            })
            .collect()
    }
    let config = &catalog.config;
    let absolute = |path: &str| urls::absolute(&config.base_url, path);
    let open_data = &config.open_data;
    let licence = open_data.licence;
    let languages: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    let actors = catalog.actors.iter().map(|actor| ActorData {
        actor,
        pages: languages
            .iter()
            .map(|&language| (language, absolute(&urls::actor(language, &actor.slug))))
            .collect(),
    });
    let document = OpenData {
        schema: absolute(urls::OPEN_DATA_SCHEMA),
        version: FORMAT_VERSION,
        url: absolute(urls::OPEN_DATA),
        title: &config.title,
        town: &config.town,
        publisher: PublisherData {
            name: config.publisher(),
            url: open_data.publisher_url.as_deref(),
            email: open_data.publisher_email.as_deref(),
        },
        licence: LicenceData {
            id: licence.id(),
            name: licence.name(),
            url: licence.url(),
        },
        attribution: attribution(catalog),
        modified: today,
        source_language: &config.source_language,
        topics: categories(&config.topics),
        target_groups: categories(&config.target_groups),
        actors: actors.collect(),
        languages,
    };
    let mut out = std::io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, &document)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// DCAT-AP.de metadata (JSON-LD): a catalogue with one dataset, the open data, and its
/// distributions: catalog.json, the HSDS files and the PDF brochures.
fn dcat(catalog: &Catalog, brochure_languages: &[String], today: Date) -> Value {
    let config = &catalog.config;
    let absolute = |path: &str| urls::absolute(&config.base_url, path);
    let licence = json!({ "@id": config.open_data.licence.dcat_uri() });
    let modified = json!({ "@value": today.to_string(), "@type": "xsd:date" });
    let dataset_id = absolute(&format!("{}#dataset", urls::DCAT));
    let publisher_id = absolute(&format!("{}#publisher", urls::DCAT));
    let json_format =
        json!({ "@id": "http://publications.europa.eu/resource/authority/file-type/JSON" });
    let json_type =
        json!({ "@id": "https://www.iana.org/assignments/media-types/application/json" });
    let distribution = |id: &str, title: String, url: String, conforms_to: &str| {
        json!({
            "@id": absolute(&format!("{}#{id}", urls::DCAT)),
            "@type": "dcat:Distribution",
            "dct:title": title,
            "dcat:accessURL": { "@id": url },
            "dcat:downloadURL": { "@id": url },
            "dct:format": json_format,
            "dcat:mediaType": json_type,
            "dct:license": licence,
            "dct:conformsTo": { "@id": conforms_to },
            "dct:modified": modified,
        })
    };
    let name = title(catalog);
    let mut distributions = vec![distribution(
        "catalog",
        format!("{name} (catalog.json)"),
        absolute(urls::OPEN_DATA),
        &absolute(urls::OPEN_DATA_SCHEMA),
    )];
    distributions.extend(hsds::File::ALL.into_iter().map(|file| {
        distribution(
            &format!("hsds-{}", file.name().trim_end_matches(".json")),
            format!(
                "{name} (Open Referral HSDS {}, {})",
                hsds::VERSION,
                file.name()
            ),
            absolute(&format!("{}{}", urls::HSDS, file.name())),
            "https://docs.openreferral.org/en/v3.0/",
        )
    }));
    // One distribution per PDF: the brochure of each language, or each of its volumes.
    let volumes = catalog.brochure_volumes();
    let pdfs = (brochure_languages.iter())
        .flat_map(|language| volumes.iter().map(move |volume| (language, *volume)));
    distributions.extend(pdfs.map(|(language, volume)| {
        let file_name = config.brochure.volume_file_name(volume);
        let url = absolute(&urls::brochure(language, &file_name));
        let title = config.title.get(language).map_or(name, String::as_str);
        let topic = volume.and_then(|id| config.topics.iter().find(|t| t.id == id));
        let title = match topic {
            Some(topic) => format!(
                "{title} – {}",
                category_label(topic, catalog.fallbacks(language))
            ),
            None => title.to_owned(),
        };
        let id = match volume {
            Some(topic) => format!("brochure-{language}-{topic}"),
            None => format!("brochure-{language}"),
        };
        json!({
            "@id": absolute(&format!("{}#{id}", urls::DCAT)),
            "@type": "dcat:Distribution",
            "dct:title": title,
            "dct:language": { "@id": language_uri(language) },
            "dcat:accessURL": { "@id": url },
            "dcat:downloadURL": { "@id": url },
            "dct:format": { "@id": "http://publications.europa.eu/resource/authority/file-type/PDF" },
            "dcat:mediaType": { "@id": "https://www.iana.org/assignments/media-types/application/pdf" },
            "dct:license": licence,
            "dct:modified": modified,
        })
    }));
    let titles: Vec<Value> = config
        .languages
        .iter()
        .filter_map(|l| Some(json!({ "@value": config.title.get(&l.code)?, "@language": l.code })))
        .collect();
    let descriptions: Vec<Value> = config
        .languages
        .iter()
        .filter_map(|l| {
            Some(json!({ "@value": config.subtitle.get(&l.code)?, "@language": l.code }))
        })
        .collect();
    let keywords: Vec<Value> = config
        .topics
        .iter()
        .chain(&config.target_groups)
        .filter_map(|c| {
            let label = c.label.get(&config.source_language)?;
            Some(json!({ "@value": label, "@language": config.source_language }))
        })
        .collect();
    let open_data = &config.open_data;
    let publisher = json!({
        "@id": publisher_id,
        "@type": "foaf:Organization",
        "foaf:name": config.publisher(),
        "foaf:homepage": open_data.publisher_url.as_ref().map(|url| json!({ "@id": url })),
        "foaf:mbox": open_data.publisher_email.as_ref().map(|email| json!({ "@id": format!("mailto:{email}") })),
    });
    let contact = json!({
        "@type": "vcard:Organization",
        "vcard:fn": config.publisher(),
        "vcard:hasEmail": open_data
            .publisher_email
            .as_ref()
            .or(config.feedback_email.as_ref())
            .map(|email| json!({ "@id": format!("mailto:{email}") })),
        "vcard:hasURL": open_data.publisher_url.as_ref().map(|url| json!({ "@id": url })),
    });
    let dataset = json!({
        "@id": dataset_id,
        "@type": "dcat:Dataset",
        "dct:identifier": absolute(urls::OPEN_DATA),
        "dct:title": titles,
        "dct:description": descriptions,
        "dcat:keyword": keywords,
        "dct:language": config.languages.iter().map(|l| json!({ "@id": language_uri(&l.code) })).collect::<Vec<_>>(),
        "dcat:theme": [
            { "@id": "http://publications.europa.eu/resource/authority/data-theme/SOCI" },
            { "@id": "http://publications.europa.eu/resource/authority/data-theme/GOVE" },
        ],
        "dct:spatial": { "@type": "dct:Location", "skos:prefLabel": config.town },
        "dcatde:politicalGeocodingURI": open_data.municipality_key.as_ref().map(|key| {
            json!({ "@id": format!("http://dcat-ap.de/def/politicalGeocoding/municipalityKey/{key}") })
        }),
        "dcatde:politicalGeocodingLevelURI": open_data.municipality_key.as_ref().map(|_| {
            json!({ "@id": "http://dcat-ap.de/def/politicalGeocoding/Level/municipality" })
        }),
        "dcatde:contributorID": open_data.contributor_id.as_ref().map(|id| json!({ "@id": id })),
        "dct:publisher": { "@id": publisher_id },
        "dcat:contactPoint": contact,
        "dct:license": licence,
        "dcatde:licenseAttributionByText": open_data.licence.requires_attribution().then(|| attribution(catalog)),
        "dct:modified": modified,
        "dcat:landingPage": { "@id": absolute("/") },
        "dct:conformsTo": { "@id": absolute(urls::OPEN_DATA_SCHEMA) },
        "dcat:distribution": distributions,
    });
    let catalogue = json!({
        "@id": absolute(urls::DCAT),
        "@type": "dcat:Catalog",
        "dct:title": titles,
        "dct:description": descriptions,
        "dct:publisher": { "@id": publisher_id },
        "dct:language": { "@id": language_uri(&config.source_language) },
        "dcat:dataset": { "@id": dataset_id },
        "foaf:homepage": { "@id": absolute("/") },
        "dct:modified": modified,
    });
    let mut document = json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "dcatde": "http://dcat-ap.de/def/dcatde/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "skos": "http://www.w3.org/2004/02/skos/core#",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@graph": [catalogue, dataset, publisher],
    });
    remove_nulls(&mut document);
    document
}

/// Leaves out what the content does not say (an unset publisher URL, say): JSON-LD has no
/// nulls to state.
fn remove_nulls(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(remove_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(remove_nulls),
        _ => {}
    }
}

/// The EU vocabulary's URI of a language (ISO 639-3 upper case), which DCAT-AP asks for; codes
/// the table does not know keep their own code.
fn language_uri(code: &str) -> String {
    const ISO_639_3: [(&str, &str); 12] = [
        ("de", "DEU"),
        ("en", "ENG"),
        ("ar", "ARA"),
        ("uk", "UKR"),
        ("fa", "FAS"),
        ("tr", "TUR"),
        ("ru", "RUS"),
        ("fr", "FRA"),
        ("ti", "TIR"),
        ("ku", "KUR"),
        ("ps", "PUS"),
        ("prs", "PRS"),
    ];
    let base = code.split('-').next().unwrap_or(code);
    let three = ISO_639_3
        .iter()
        .find(|(two, _)| *two == base)
        .map_or_else(|| base.to_uppercase(), |(_, three)| (*three).to_owned());
    format!("http://publications.europa.eu/resource/authority/language/{three}")
}
