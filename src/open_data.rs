//! The open data: the whole catalogue as one JSON file (`data/catalog.json`), with every field
//! and every translation, for other systems to read.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use crate::catalog::{Actor, Catalog};
use crate::config::Category;
use crate::render::{RenderError, Rendered, Renderer, Sink};
use crate::urls;

/// The open-data file as a [`Renderer`].
pub struct OpenData;

impl Renderer for OpenData {
    fn name(&self) -> &'static str {
        "open data"
    }

    fn render(&self, catalog: &Catalog, sink: &dyn Sink) -> Result<Rendered, RenderError> {
        let path = urls::OPEN_DATA.trim_start_matches('/').to_owned();
        sink.put_written(path, &|out| write(catalog, out))?;
        Ok(Rendered::default())
    }
}

/// The whole catalogue as open data (actors with all fields and translations), written as it is
/// serialised: at ten thousand actors it is a few hundred megabytes.
fn write(catalog: &Catalog, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct OpenData<'a> {
        title: &'a BTreeMap<String, String>,
        town: &'a str,
        source_language: &'a str,
        topics: Vec<CategoryData<'a>>,
        target_groups: Vec<CategoryData<'a>>,
        actors: &'a [Actor],
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
    let document = OpenData {
        title: &config.title,
        town: &config.town,
        source_language: &config.source_language,
        topics: categories(&config.topics),
        target_groups: categories(&config.target_groups),
        actors: &catalog.actors,
    };
    let mut out = std::io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, &document)?;
    out.write_all(b"\n")?;
    out.flush()
}
