//! The per-language search index: a small JSON array the search script filters in the browser.

use serde::Serialize;

use crate::catalog::{Actor, Catalog, category_label};
use crate::markdown;

use super::views::{Viewer, rel};

/// One searchable actor. Short keys keep the file small on slow connections.
#[derive(Debug, Serialize)]
struct Entry {
    /// Name (and short name).
    n: String,
    /// Summary.
    s: String,
    /// The language of the summary when it is not translated and shown in the source language,
    /// so that the script marks it (`lang`, `dir`, the note) as the listings do.
    #[serde(skip_serializing_if = "Option::is_none")]
    l: Option<String>,
    /// Offers, topic and target-group labels, and the German text of translated fields, so
    /// that German terms (Bürgergeld, Anerkennung) are found in every language.
    k: String,
    /// Page URL relative to the site root.
    u: String,
    /// Topic and target-group ids, for the finder.
    c: Vec<String>,
}

/// The entries of the search index of `language`, one JSON object per actor in catalogue order;
/// [`join`] makes the index of them. `serve` keeps them, so that a save re-makes only the
/// edited actor's entry.
pub fn entries(catalog: &Catalog, language: &str) -> Vec<std::sync::Arc<str>> {
    catalog
        .actors
        .iter()
        .map(|actor| entry(catalog, language, actor))
        .collect()
}

/// The search index made of `entries`: the JSON array serde writes for them.
pub fn join(entries: &[std::sync::Arc<str>]) -> String {
    let mut index = String::with_capacity(entries.iter().map(|e| e.len() + 1).sum::<usize>() + 2);
    index.push('[');
    for (n, entry) in entries.iter().enumerate() {
        if n > 0 {
            index.push(',');
        }
        index.push_str(entry);
    }
    index.push(']');
    index
}

/// The search-index entry of `actor` in `language`, as JSON.
pub fn entry(catalog: &Catalog, language: &str, actor: &Actor) -> std::sync::Arc<str> {
    let viewer = Viewer { catalog, language };
    serde_json::to_string(&make_entry(&viewer, actor))
        .expect("the index serialises")
        .into()
}

/// Writes the search index of `language` as JSON into `out`, the bytes [`join`] gives for
/// [`entries`], entry by entry: at ten thousand actors the entries (with their plain-text
/// descriptions) would take as much memory as the JSON itself, and the JSON, tens of
/// megabytes per language, need not be held either.
pub fn write_index(
    catalog: &Catalog,
    language: &str,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let viewer = Viewer { catalog, language };
    out.write_all(b"[")?;
    for (n, actor) in catalog.actors.iter().enumerate() {
        if n > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(&mut *out, &make_entry(&viewer, actor))?;
    }
    out.write_all(b"]")
}

/// The entry of `actor` for readers of the viewer's language.
fn make_entry<'a>(viewer: &Viewer<'a>, actor: &'a Actor) -> Entry {
    let (catalog, language) = (viewer.catalog, viewer.language);
    let languages = catalog.fallbacks(language);
    let source = languages.source;
    let summary = viewer.summary(actor);
    let mut keywords: Vec<String> = Vec::new();
    // The reader's offers and the source language's, so that German terms find too.
    for lang in [language, source] {
        if let Some(offers) = actor.text(catalog.fallbacks(lang), |t| t.offers.as_deref()) {
            keywords.extend(offers.value.iter().cloned());
        }
    }
    if language != source {
        keywords.push(actor.source_text.summary().to_owned());
    }
    if let Some(description) = actor.text(languages, |t| t.description.as_deref()) {
        keywords.push(markdown::to_plain_text(description.value));
    }
    let categories = catalog
        .config
        .topics
        .iter()
        .filter(|c| actor.topics.contains(&c.id))
        .chain(
            catalog
                .config
                .target_groups
                .iter()
                .filter(|c| actor.target_groups.contains(&c.id)),
        );
    let mut ids = Vec::new();
    for category in categories {
        keywords.push(category_label(category, languages).to_owned());
        ids.push(category.id.clone());
    }
    let name = match &actor.short_name {
        Some(short) if short != &actor.name => format!("{} ({short})", actor.name),
        _ => actor.name.clone(),
    };
    Entry {
        n: name,
        l: summary
            .summary
            .fallback
            .then(|| summary.summary.lang.clone()),
        s: summary.summary.text,
        k: keywords.join(" · "),
        u: rel(&summary.url),
        c: ids,
    }
}
