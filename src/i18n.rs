//! UI strings per language, with fallback to the source language.
//!
//! `i18n/<lang>.yaml` at the content root holds flat `key: text` pairs; placeholders are written
//! `{name}`. The source language's file defines the keys; a key missing in another language is a
//! warning and shows the source text. A language variant (`base` in config.yaml, e.g.
//! Leichte Sprache) holds only the strings it words differently; the rest are its base's,
//! without a warning. Both renderers read strings only through [`I18n`].

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::messages;
use crate::source::SourceFile;
use crate::yaml;

/// Folder of the UI string files, relative to the content root.
pub const I18N_DIR: &str = "i18n";

/// The UI strings shipped with the tool; a content root's `i18n/<lang>.yaml` overrides them key
/// by key, and adds languages.
const BUILT_IN: [(&str, &str); 7] = [
    ("de", include_str!("../i18n/de.yaml")),
    ("en", include_str!("../i18n/en.yaml")),
    ("ar", include_str!("../i18n/ar.yaml")),
    ("uk", include_str!("../i18n/uk.yaml")),
    ("fa", include_str!("../i18n/fa.yaml")),
    ("tr", include_str!("../i18n/tr.yaml")),
    // Leichte Sprache: only the strings it words differently from its base, German.
    ("de-x-ls", include_str!("../i18n/de-x-ls.yaml")),
];

/// The built-in strings of `language`, if the tool ships them.
fn built_in(language: &str) -> Option<BTreeMap<String, String>> {
    let (_, text) = BUILT_IN.iter().find(|(code, _)| *code == language)?;
    let tree = yaml::parse(text).ok()??;
    let Value::Object(map) = tree.to_json() else {
        return None;
    };
    Some(
        map.into_iter()
            .filter_map(|(k, v)| Some((k, v.as_str()?.to_owned())))
            .collect(),
    )
}

/// The UI strings of every configured language.
#[derive(Debug, Clone, Default)]
pub struct I18n {
    source_language: String,
    tables: BTreeMap<String, BTreeMap<String, String>>,
    /// Language variant → its base (`de-x-ls` → `de`): a variant's file holds only the strings
    /// that differ, the rest come from the base.
    bases: BTreeMap<String, String>,
}

impl I18n {
    /// Reads `i18n/<lang>.yaml` for every configured language, reporting problems.
    pub fn load(root: &Path, config: &Config, out: &mut Diagnostics) -> I18n {
        let mut tables = BTreeMap::new();
        for language in &config.languages {
            let relative = Path::new(I18N_DIR).join(format!("{}.yaml", language.code));
            let path = root.join(&relative);
            let mut table = built_in(&language.code).unwrap_or_default();
            if !path.exists() {
                // A variant without a file of its own shows its base's strings.
                if !table.is_empty() || language.base.is_some() {
                    tables.insert(language.code.clone(), table);
                    continue;
                }
                out.push(
                    Diagnostic::for_file(Severity::Warning, &relative, messages::no_ui_strings())
                        .with_hint(messages::no_ui_strings_hint(
                            &format!("{I18N_DIR}/{}.yaml", config.source_language),
                            &config.source_language,
                        )),
                );
                continue;
            }
            if let Some(overrides) = read_table(root, &path, out) {
                table.extend(overrides);
                tables.insert(language.code.clone(), table);
            }
        }
        let i18n = I18n {
            source_language: config.source_language.clone(),
            tables,
            bases: config
                .languages
                .iter()
                .filter_map(|l| Some((l.code.clone(), l.base.clone()?)))
                .collect(),
        };
        i18n.report_gaps(out);
        i18n
    }

    /// Builds strings from tables directly (for tests and tools).
    pub fn from_tables(
        source_language: &str,
        tables: BTreeMap<String, BTreeMap<String, String>>,
    ) -> I18n {
        I18n {
            source_language: source_language.to_owned(),
            tables,
            bases: BTreeMap::new(),
        }
    }

    /// Declares `variant` a variant of `base` (see [`I18n::load`]).
    pub fn with_base(mut self, variant: &str, base: &str) -> I18n {
        self.bases.insert(variant.to_owned(), base.to_owned());
        self
    }

    /// The tables to look in for `language`, in order: its own, its base's, the source's.
    fn chain(&self, language: &str) -> Vec<&BTreeMap<String, String>> {
        let mut codes: Vec<&str> = vec![language];
        for code in self
            .bases
            .get(language)
            .into_iter()
            .chain([&self.source_language])
        {
            if !codes.contains(&code.as_str()) {
                codes.push(code);
            }
        }
        codes
            .iter()
            .filter_map(|code| self.tables.get(*code))
            .collect()
    }

    fn report_gaps(&self, out: &mut Diagnostics) {
        let Some(source) = self.tables.get(&self.source_language) else {
            return;
        };
        for (language, table) in &self.tables {
            let relative = Path::new(I18N_DIR).join(format!("{language}.yaml"));
            let missing = self.missing_keys(language);
            if !missing.is_empty() {
                out.push(
                    Diagnostic::for_file(
                        Severity::Warning,
                        &relative,
                        messages::missing_ui_strings(&missing.join(", ")),
                    )
                    .with_hint(messages::missing_ui_strings_hint(
                        &format!("{I18N_DIR}/{}.yaml", self.source_language),
                        &self.source_language,
                    )),
                );
            }
            let unknown: Vec<&str> = table
                .keys()
                .filter(|k| !source.contains_key(*k))
                .map(String::as_str)
                .collect();
            if !unknown.is_empty() {
                out.push(
                    Diagnostic::for_file(
                        Severity::Warning,
                        &relative,
                        messages::unused_ui_strings(&unknown.join(", ")),
                    )
                    .with_hint(messages::unused_ui_strings_hint()),
                );
            }
        }
    }

    /// The keys that `language` lacks compared with the source language. None for a variant,
    /// which takes what it lacks from its base by design.
    pub fn missing_keys(&self, language: &str) -> Vec<&str> {
        if self.bases.contains_key(language) {
            return Vec::new();
        }
        let (Some(source), table) = (
            self.tables.get(&self.source_language),
            self.tables.get(language),
        ) else {
            return Vec::new();
        };
        source
            .keys()
            .filter(|k| table.is_none_or(|t| !t.contains_key(*k)))
            .map(String::as_str)
            .collect()
    }

    /// The string `key` in `language`, else in its base (for a variant), else in the source
    /// language, else the key itself.
    pub fn get<'a>(&'a self, language: &str, key: &'a str) -> &'a str {
        self.chain(language)
            .into_iter()
            .find_map(|t| t.get(key))
            .map_or(key, String::as_str)
    }

    /// The string `key` with `{name}` placeholders replaced.
    pub fn format(&self, language: &str, key: &str, args: &[(&str, &str)]) -> String {
        args.iter()
            .fold(self.get(language, key).to_owned(), |text, (name, value)| {
                text.replace(&format!("{{{name}}}"), value)
            })
    }

    /// Every string of `language`, with fallbacks filled in: what templates receive.
    pub fn table(&self, language: &str) -> BTreeMap<&str, &str> {
        let mut merged: BTreeMap<&str, &str> = BTreeMap::new();
        for table in self.chain(language).into_iter().rev() {
            merged.extend(table.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        }
        merged
    }
}

fn read_table(root: &Path, path: &Path, out: &mut Diagnostics) -> Option<BTreeMap<String, String>> {
    let file = SourceFile::read(root, path)
        .map_err(|d| out.push(*d))
        .ok()?;
    let tree = match yaml::parse(&file.text) {
        Ok(Some(tree)) => tree,
        Ok(None) => {
            out.push(Diagnostic::for_file(
                Severity::Error,
                &file.relative,
                messages::empty_file(),
            ));
            return None;
        }
        Err(e) => {
            let mut d = Diagnostic::for_file(Severity::Error, &file.relative, e.message)
                .at(e.position, &file.text);
            if let Some(hint) = e.hint {
                d = d.with_hint(hint);
            }
            out.push(d);
            return None;
        }
    };
    let Value::Object(map) = tree.to_json() else {
        out.push(
            Diagnostic::for_file(Severity::Error, &file.relative, messages::key_text_lines())
                .at(tree.position, &file.text),
        );
        return None;
    };
    let mut table = BTreeMap::new();
    for (key, value) in map {
        match value {
            Value::String(text) => {
                table.insert(key, text);
            }
            other => out.push(
                Diagnostic::for_file(
                    Severity::Error,
                    &file.relative,
                    messages::ui_string_not_text(&key, &other.to_string()),
                )
                .with_hint(messages::quote_text_hint())
                .at(
                    tree.key_position(&format!("/{key}"))
                        .unwrap_or(tree.position),
                    &file.text,
                ),
            ),
        }
    }
    Some(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> I18n {
        let table = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect()
        };
        I18n::from_tables(
            "de",
            BTreeMap::from([
                (
                    "de".to_owned(),
                    table(&[("home", "Startseite"), ("count", "{n} Treffer")]),
                ),
                ("en".to_owned(), table(&[("home", "Home")])),
            ]),
        )
    }

    #[test]
    fn falls_back_to_the_source_language_then_the_key() {
        let i18n = sample();
        assert_eq!(i18n.get("en", "home"), "Home");
        assert_eq!(i18n.get("en", "count"), "{n} Treffer");
        assert_eq!(i18n.get("ar", "home"), "Startseite");
        assert_eq!(i18n.get("en", "nope"), "nope");
        assert_eq!(i18n.format("de", "count", &[("n", "3")]), "3 Treffer");
        assert_eq!(i18n.missing_keys("en"), vec!["count"]);
        assert_eq!(i18n.table("en")["count"], "{n} Treffer");
    }

    #[test]
    fn a_variant_takes_what_it_lacks_from_its_base_then_the_source() {
        let simple = BTreeMap::from([("home".to_owned(), "Start page".to_owned())]);
        let mut tables = sample().tables;
        tables.insert("en-x-simple".to_owned(), simple);
        let i18n = I18n::from_tables("de", tables).with_base("en-x-simple", "en");
        assert_eq!(i18n.get("en-x-simple", "home"), "Start page");
        assert_eq!(i18n.get("en-x-simple", "count"), "{n} Treffer");
        assert_eq!(i18n.table("en-x-simple")["home"], "Start page");
        // What a variant lacks is no gap to report.
        assert!(i18n.missing_keys("en-x-simple").is_empty());
        assert_eq!(i18n.missing_keys("en"), vec!["count"]);
    }
}
