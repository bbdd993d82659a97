//! Semantic checks on loaded content, and assembly of the [`Catalog`].
//!
//! `load` has already checked syntax and structure; here each value is checked for meaning
//! (phone numbers, dates, hours, ids that must exist) and turned into its typed form. All
//! problems are collected; a [`Catalog`] is returned only if there were no errors.

mod actor;
mod config;
pub mod easy_read;
mod fields;
mod hours;
mod logo;
mod pages;
mod text;

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use jiff::civil::Date;

use crate::catalog::{Actor, Catalog, collation_key};
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::i18n::I18n;
use crate::load::Content;

pub use actor::{check_actor, present_fields};
pub use fields::Problem;

/// URL segments the site uses itself, which actor folders may not take.
const RESERVED_SLUGS: [&str; 6] = ["a-z", "topic", "group", "search", "report", "numbers"];

/// What every actor is checked against, derived once from the configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rules {
    pub source_language: String,
    /// Codes of the site languages.
    pub languages: Vec<String>,
    /// Languages that are variants of another (`base`): what they lack comes from the base by
    /// design, so it is not reported as missing.
    pub variants: Vec<String>,
    /// Languages marked `easy_read` (Leichte Sprache), whose texts get its rules of thumb.
    pub easy_read: Vec<String>,
    /// Site languages plus further spoken languages.
    pub spoken_languages: Vec<String>,
    pub topics: Vec<String>,
    pub target_groups: Vec<String>,
    pub review_interval_months: u32,
    pub today: Date,
}

/// The rules from a valid config.yaml, for checking actor folders.
pub fn rules(config: &Config, today: Date) -> Rules {
    let languages: Vec<String> = config.languages.iter().map(|l| l.code.clone()).collect();
    Rules {
        source_language: config.source_language.clone(),
        spoken_languages: languages
            .iter()
            .cloned()
            .chain(config.spoken_languages.keys().cloned())
            .collect(),
        languages,
        variants: config
            .languages
            .iter()
            .filter(|l| l.base.is_some())
            .map(|l| l.code.clone())
            .collect(),
        easy_read: config
            .languages
            .iter()
            .filter(|l| l.easy_read)
            .map(|l| l.code.clone())
            .collect(),
        topics: config.topics.iter().map(|t| t.id.clone()).collect(),
        target_groups: config.target_groups.iter().map(|t| t.id.clone()).collect(),
        review_interval_months: config.review_interval_months,
        today,
    }
}

/// One actor folder as the cross-folder rules need it, with the result of its own rules
/// ([`check_actor`]).
pub struct CheckedActor {
    pub slug: String,
    pub relative_dir: PathBuf,
    /// The actor (if valid) and its diagnostics; `None` if config.yaml had errors.
    pub result: Option<(Option<Actor>, Vec<Diagnostic>)>,
}

/// Checks what spans files (config.yaml, pages, numbers, unique folder names) and assembles the
/// catalogue from the checked actor folders; returns it if no error was found.
pub fn validate(
    content: Content<CheckedActor>,
    rules: Option<Rules>,
    out: &mut Diagnostics,
) -> Option<Catalog> {
    let config = content.config?;
    let rules = rules?;
    if !config::check_config(&config, &content.root, out) {
        return None;
    }
    let i18n = I18n::load(&content.root, &config.value, out);
    for language in &rules.easy_read {
        easy_read_strings(&content.root, language, out);
    }

    let pages = pages::check_pages(content.pages, &rules, out);
    let numbers = content
        .numbers
        .as_ref()
        .map(|loaded| pages::check_numbers(loaded, &rules, out))
        .unwrap_or_default();

    let mut actors = Vec::new();
    let mut slugs: BTreeMap<&str, &Path> = BTreeMap::new();
    for folder in &content.actors {
        if RESERVED_SLUGS.contains(&folder.slug.as_str()) || pages.contains_key(&folder.slug) {
            out.push(
                Diagnostic::for_file(
                    Severity::Error,
                    &folder.relative_dir,
                    format!(
                        "the folder name `{}` is already used by a page of the site",
                        folder.slug
                    ),
                )
                .with_hint("rename the folder, e.g. by adding the town's name"),
            );
        }
        if let Some(first) = slugs.insert(&folder.slug, &folder.relative_dir) {
            out.push(
                Diagnostic::for_file(
                    Severity::Error,
                    &folder.relative_dir,
                    format!(
                        "the folder name `{}` is already used by {}",
                        folder.slug,
                        crate::diagnostics::display_path(first)
                    ),
                )
                .with_hint(
                    "folder names become web addresses and must be unique: rename one of them",
                ),
            );
        }
    }
    if let Some(slug) = &config.value.brochure.contact_point
        && !slugs.contains_key(slug.as_str())
    {
        out.push(
            config
                .diagnostic(
                    Severity::Error,
                    "/brochure/contact_point",
                    format!("there is no actor `{slug}`"),
                )
                .with_hint("give the folder name of an actor under actors/"),
        );
    }
    for (actor, diagnostics) in content
        .actors
        .into_iter()
        .filter_map(|folder| folder.result)
    {
        out.extend(diagnostics);
        actors.extend(actor);
    }
    if out.has_errors() {
        return None;
    }
    // Slugs are unique here, so the order is total.
    actors.sort_by_cached_key(|a| (collation_key(&a.name), a.slug.clone()));
    Some(Catalog {
        root: content.root,
        config: config.value.clone(),
        i18n,
        actors,
        pages,
        numbers,
    })
}

/// Resolves a file name given in content (a logo) against `folder`: it must be relative, must
/// not climb out with `..`, must exist, and must not be a symlink leading out of `folder`.
pub fn inside_folder(folder: &Path, name: &str) -> Result<PathBuf, Problem> {
    let hint = "give the file name of an image inside this folder, e.g. logo.svg";
    let path = Path::new(name);
    if !path.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(Problem::new(
            format!("`{name}` points outside the folder"),
            format!("{hint}; absolute paths and `..` are not allowed"),
        ));
    }
    let full = folder.join(path);
    let canonical_folder = folder
        .canonicalize()
        .unwrap_or_else(|_| folder.to_path_buf());
    match full.canonicalize() {
        Ok(target) if !target.starts_with(&canonical_folder) => Err(Problem::new(
            format!("`{name}` is a link to a file outside the folder"),
            "copy the image into the folder instead of linking to it",
        )),
        Ok(target) if target.is_file() => Ok(full),
        _ => Err(Problem::new(
            format!("the file `{name}` does not exist"),
            hint,
        )),
    }
}
pub use fields::url_safe_id as check_slug;

/// Resolves a logo named in content like [`inside_folder`] and checks that the brochure can draw
/// it and the site can publish it ([`logo::check`]).
pub fn checked_logo(folder: &Path, name: &str) -> Result<PathBuf, Problem> {
    let path = inside_folder(folder, name)?;
    logo::check(&path, name)?;
    Ok(path)
}

/// The Leichte Sprache rules of thumb on `i18n/<language>.yaml`, if the content root has it
/// (read again here: [`I18n::load`] keeps only the strings, not their positions).
fn easy_read_strings(root: &Path, language: &str, out: &mut Diagnostics) {
    let path = root
        .join(crate::i18n::I18N_DIR)
        .join(format!("{language}.yaml"));
    if !path.exists() {
        return;
    }
    // Problems reading or parsing it were reported by `I18n::load`.
    if let Ok(file) = crate::source::SourceFile::read(root, &path)
        && let Ok(Some(tree)) = crate::yaml::parse(&file.text)
    {
        out.extend(easy_read::check_tree(&tree, &file, None));
    }
}
