//! Rules for content pages (`content/pages/<id>/<lang>.md`) and `content/numbers.yaml`.

use std::collections::BTreeMap;

use crate::catalog::{ImportantNumber, Page, PageText};
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::load::{Loaded, PageFile};
use crate::messages;
use crate::model::numbers::ImportantNumbers;
use crate::yaml::Position;

use super::{Rules, fields};

/// Checks the pages and groups their language versions by id.
pub fn check_pages(
    files: Vec<PageFile>,
    rules: &Rules,
    out: &mut Diagnostics,
) -> BTreeMap<String, Page> {
    let mut pages: BTreeMap<String, Page> = BTreeMap::new();
    for page in files {
        let relative = &page.file.relative;
        if let Err(problem) = fields::url_safe_id(&page.id) {
            out.push(
                Diagnostic::for_file(Severity::Error, relative, problem.message)
                    .with_hint(problem.hint),
            );
            continue;
        }
        if !rules.languages.contains(&page.language) {
            out.push(
                Diagnostic::for_file(
                    Severity::Error,
                    relative,
                    messages::page_language(&page.language),
                )
                .with_hint(messages::page_language_hint()),
            );
            continue;
        }
        out.extend(super::text::check_page(&page.file));
        if rules.easy_read.contains(&page.language) {
            out.extend(super::easy_read::check_page(&page.file));
        }
        let text = page.file.text.trim_start_matches('\u{feff}');
        let (first, body) = text.split_once('\n').unwrap_or((text, ""));
        let Some(title) = first
            .strip_prefix("# ")
            .map(str::trim)
            .filter(|t| !t.is_empty())
        else {
            out.push(
                Diagnostic::for_file(Severity::Error, relative, messages::page_title())
                    .with_hint(messages::page_title_hint())
                    .at(Position { line: 1, column: 1 }, &page.file.text),
            );
            continue;
        };
        pages
            .entry(page.id.clone())
            .or_insert_with(|| Page {
                id: page.id.clone(),
                versions: BTreeMap::new(),
            })
            .versions
            .insert(
                page.language.clone(),
                PageText {
                    title: clean(title),
                    body: clean(body.trim()),
                },
            );
    }
    for page in pages.values() {
        if !page.versions.contains_key(&rules.source_language) {
            out.push(
                Diagnostic::for_file(
                    Severity::Error,
                    &std::path::Path::new(crate::load::PAGES_DIR).join(&page.id),
                    messages::page_without_source(&page.id, &rules.source_language),
                )
                .with_hint(messages::page_without_source_hint()),
            );
        }
    }
    pages
}

/// `text` without direction controls (the pages are not loaded by [`crate::load::parse_file`],
/// which removes them from the YAML files).
fn clean(text: &str) -> String {
    crate::bidi::strip_direction_controls(text).unwrap_or_else(|| text.to_owned())
}

/// Checks the important numbers.
pub fn check_numbers(
    loaded: &Loaded<ImportantNumbers>,
    rules: &Rules,
    out: &mut Diagnostics,
) -> Vec<ImportantNumber> {
    let mut numbers = Vec::new();
    out.extend(super::text::check_tree(&loaded.tree, &loaded.file));
    out.extend(super::modeline::check(
        &loaded.file,
        crate::schema::DocumentKind::Numbers,
    ));
    for language in &rules.easy_read {
        out.extend(super::easy_read::check_tree(
            &loaded.tree,
            &loaded.file,
            Some(language),
        ));
    }
    for (i, number) in loaded.value.numbers.iter().enumerate() {
        if !number.label.contains_key(&rules.source_language) {
            out.push(
                loaded
                    .diagnostic(
                        Severity::Error,
                        &format!("/numbers/{i}/label"),
                        messages::number_label(&rules.source_language),
                    )
                    .with_hint(messages::number_label_hint()),
            );
        }
        for language in number.label.keys().filter(|l| !rules.languages.contains(l)) {
            out.push(
                loaded
                    .diagnostic(
                        Severity::Error,
                        &format!("/numbers/{i}/label/{language}"),
                        messages::not_configured_language(language),
                    )
                    .with_hint(messages::use_language_codes_config_hint()),
            );
        }
        match fields::dialable(&number.phone) {
            Ok(phone) => numbers.push(ImportantNumber {
                label: number.label.clone(),
                phone,
            }),
            Err(problem) => out.push(
                loaded
                    .diagnostic(
                        Severity::Error,
                        &format!("/numbers/{i}/phone"),
                        problem.message,
                    )
                    .with_hint(problem.hint),
            ),
        }
    }
    numbers
}
