//! Semantic checks on loaded content, and assembly of the [`Catalog`].
//!
//! `load` has already checked syntax and structure; here each value is checked for meaning
//! (phone numbers, dates, hours, ids that must exist) and turned into its typed form. All
//! problems are collected; a [`Catalog`] is returned only if there were no errors.

mod actor;
mod config;
mod fields;
mod hours;
mod pages;

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use jiff::civil::Date;

use crate::cache::{ActorCache, ActorEntry};
use crate::catalog::{Actor, Catalog};
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::i18n::I18n;
use crate::load::{ActorFolder, Content};

pub use actor::present_fields;
pub use fields::Problem;

/// URL segments the site uses itself, which actor folders may not take.
const RESERVED_SLUGS: [&str; 5] = ["a-z", "topic", "group", "search", "report"];

/// What every actor is checked against, derived once from the configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rules {
    pub source_language: String,
    /// Codes of the site languages.
    pub languages: Vec<String>,
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
        topics: config.topics.iter().map(|t| t.id.clone()).collect(),
        target_groups: config.target_groups.iter().map(|t| t.id.clone()).collect(),
        review_interval_months: config.review_interval_months,
        today,
    }
}

/// One actor folder as the cross-folder rules need it, with the result of its own rules.
pub struct CheckedFolder {
    slug: String,
    dir: PathBuf,
    relative_dir: PathBuf,
    /// The actor (if valid) and its diagnostics; `None` if config.yaml had errors.
    result: Option<(Option<Actor>, Vec<Diagnostic>)>,
    /// What to keep for the next check, if the folder was checked afresh.
    fresh: Option<Option<ActorEntry>>,
}

/// Checks one actor folder under `rules` (`None` if config.yaml had errors), reusing the result
/// kept in `cache` for the same files and rules. The folder's files are dropped afterwards
/// unless `cache` keeps them.
pub fn check_folder(
    folder: ActorFolder,
    rules: Option<&Rules>,
    cache: &ActorCache,
) -> CheckedFolder {
    let (result, fresh) = match rules {
        None => (None, None),
        Some(rules) => match cache.get(&folder) {
            Some(kept) => (Some(kept), None),
            None => {
                let (actor, diagnostics) = actor::check_actor(&folder, rules);
                let entry = cache.entry(&folder, &actor, &diagnostics);
                (Some((actor, diagnostics)), Some(entry))
            }
        },
    };
    CheckedFolder {
        slug: folder.slug,
        dir: folder.dir,
        relative_dir: folder.relative_dir,
        result,
        fresh,
    }
}

/// Checks what spans files (config.yaml, pages, numbers, unique folder names) and assembles the
/// catalogue from the checked actor folders; returns it if no error was found.
pub fn validate(
    content: Content<CheckedFolder>,
    rules: Option<Rules>,
    out: &mut Diagnostics,
    cache: &mut ActorCache,
) -> Option<Catalog> {
    let config = content.config?;
    let rules = rules?;
    if !config::check_config(&config, &content.root, out) {
        return None;
    }
    let i18n = I18n::load(&content.root, &config.value, out);

    let pages = pages::check_pages(content.pages, &rules, out);
    let numbers = content
        .numbers
        .as_ref()
        .map(|loaded| pages::check_numbers(loaded, &rules, out))
        .unwrap_or_default();

    let mut actors = Vec::new();
    let mut kept = Vec::new();
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
    for folder in content.actors {
        let entry = match folder.fresh {
            Some(entry) => {
                cache.checked += 1;
                entry
            }
            None => cache.take(&folder.dir),
        };
        kept.extend(entry.map(|entry| (folder.dir, entry)));
        let (actor, diagnostics) = folder.result.expect("checked under valid rules");
        out.extend(diagnostics);
        actors.extend(actor);
    }
    cache.keep(kept);
    if out.has_errors() {
        return None;
    }
    // Slugs are unique here, so the order is total.
    actors.sort_by_cached_key(|a| (a.name.to_lowercase(), a.slug.clone()));
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
