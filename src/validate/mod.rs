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
mod modeline;
mod pages;
mod text;

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;

use crate::catalog::{Actor, Catalog, collation_key};
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::i18n::I18n;
use crate::load::Content;
use crate::messages;

pub use actor::{check_actor, present_fields};
pub use fields::{MAX_ID, Problem, language_code};
pub use hours::DAY_NAMES;
pub use modeline::schema_line;
pub use text::{MARKDOWN_FIELDS, MAX_LINE, MAX_WORD};

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

/// The rules from a config.yaml that did not load (it has errors), read from its YAML `tree` as
/// far as it says what they need — the source language, the codes of `languages`, the ids of
/// `topics` and `target_groups` (`spoken_languages` and `review_interval_months` may be
/// missing) — so that the actors are still checked against them; `None` if any of the four is
/// unreadable (checking against a guess would report what is not wrong).
pub fn rules_from_tree(tree: &crate::yaml::Node, today: Date) -> Option<Rules> {
    let text = |pointer: &str| {
        let node = tree.at(pointer)?;
        match &node.kind {
            crate::yaml::NodeKind::Scalar { text, .. } if !text.trim().is_empty() => {
                Some(text.trim().to_owned())
            }
            _ => None,
        }
    };
    let list = |pointer: &str, field: &str| -> Option<Vec<String>> {
        let crate::yaml::NodeKind::Sequence(items) = &tree.at(pointer)?.kind else {
            return None;
        };
        items
            .iter()
            .map(|item| match &item.at(field)?.kind {
                crate::yaml::NodeKind::Scalar { text, .. } => Some(text.trim().to_owned()),
                _ => None,
            })
            .collect()
    };
    let languages = list("/languages", "/code")?;
    let spoken = match tree.at("/spoken_languages").map(|node| &node.kind) {
        Some(crate::yaml::NodeKind::Mapping(entries)) => {
            entries.iter().map(|(key, _)| key.name.clone()).collect()
        }
        _ => Vec::new(),
    };
    // Variants (`base:`) and Leichte Sprache (`easy_read: true`) by their codes.
    let marked = |field: &str| -> Vec<String> {
        let Some(crate::yaml::NodeKind::Sequence(items)) = tree.at("/languages").map(|n| &n.kind)
        else {
            return Vec::new();
        };
        items
            .iter()
            .filter(|item| {
                item.at(field).is_some_and(|node| {
                    !matches!(&node.kind, crate::yaml::NodeKind::Scalar { text, .. }
                        if matches!(text.trim(), "" | "false" | "null" | "~"))
                })
            })
            .filter_map(|item| match &item.at("/code")?.kind {
                crate::yaml::NodeKind::Scalar { text, .. } => Some(text.trim().to_owned()),
                _ => None,
            })
            .collect()
    };
    Some(Rules {
        source_language: text("/source_language")?,
        spoken_languages: languages.iter().cloned().chain(spoken).collect(),
        variants: marked("/base"),
        easy_read: marked("/easy_read"),
        languages,
        topics: list("/topics", "/id")?,
        target_groups: list("/target_groups", "/id")?,
        review_interval_months: text("/review_interval_months")
            .and_then(|t| t.parse().ok())
            .filter(|months| *months > 0)
            .unwrap_or(12),
        today,
    })
}

/// One actor folder as the cross-folder rules need it, with the result of its own rules
/// ([`check_actor`]).
pub struct CheckedActor {
    pub slug: String,
    pub relative_dir: PathBuf,
    /// The actor (if valid) and its diagnostics; `None` if config.yaml had errors.
    pub result: Option<(Option<Arc<Actor>>, Vec<Diagnostic>)>,
}

/// Checks what spans files (config.yaml, pages, numbers, unique folder names) and assembles the
/// catalogue from the checked actor folders; returns it if no error was found.
pub fn validate(
    content: Content<CheckedActor>,
    rules: Option<Rules>,
    out: &mut Diagnostics,
) -> Option<Catalog> {
    let rules = rules?;
    // An error in config.yaml does not hide the others: the actors, pages and numbers are
    // checked against what it says all the same (see [`rules_from_tree`] if it did not load).
    let i18n = content.config.as_ref().map(|config| {
        let mut found = Diagnostics::default();
        config::check_config(config, &content.root, &mut found);
        out.extend(one_error_per_place(found.sorted(), &config.problems));
        I18n::load(&content.root, &config.value, out)
    });
    for language in &rules.easy_read {
        easy_read_strings(&content.root, language, out);
    }

    let pages = pages::check_pages(content.pages, &rules, out);
    let numbers = content
        .numbers
        .as_ref()
        .map(|loaded| {
            let mut found = Diagnostics::default();
            let numbers = pages::check_numbers(loaded, &rules, &mut found);
            out.extend(one_error_per_place(found.sorted(), &loaded.problems));
            numbers
        })
        .unwrap_or_default();

    let mut actors = Vec::with_capacity(content.actors.len());
    let mut slugs: BTreeMap<&str, &Path> = BTreeMap::new();
    for folder in &content.actors {
        if RESERVED_SLUGS.contains(&folder.slug.as_str()) || pages.contains_key(&folder.slug) {
            out.push(
                Diagnostic::for_file(
                    Severity::Error,
                    &folder.relative_dir,
                    messages::slug_reserved(&folder.slug),
                )
                .with_hint(messages::slug_reserved_hint()),
            );
        }
        if let Some(first) = slugs.insert(&folder.slug, &folder.relative_dir) {
            out.push(
                Diagnostic::for_file(
                    Severity::Error,
                    &folder.relative_dir,
                    messages::slug_taken(&folder.slug, &crate::diagnostics::display_path(first)),
                )
                .with_hint(messages::slug_taken_hint()),
            );
        }
    }
    if let Some(config) = &content.config
        && let Some(slug) = &config.value.brochure.contact_point
        && !slugs.contains_key(slug.as_str())
        // A profile that is there but did not load has its own errors: one mistake, one error.
        && !content
            .root
            .join(crate::load::ACTORS_DIR)
            .join(slug)
            .join(crate::load::PROFILE_FILE)
            .is_file()
    {
        out.push(
            config
                .diagnostic(
                    Severity::Error,
                    "/brochure/contact_point",
                    messages::no_such_actor(slug),
                )
                .with_hint(messages::no_such_actor_hint()),
        );
    }
    // `build` and `brochure` refuse such a brochure (see `brochure::within_limit`); `check` says
    // so before anyone waits for a build.
    if let Some(config) = &content.config
        && !config.value.brochure.languages.is_empty()
    {
        // (An actor in error counts, without topics.)
        let topics = content.actors.iter().map(|a| match &a.result {
            Some((Some(actor), _)) => actor.topics.as_slice(),
            _ => &[],
        });
        let (actors, volume) = config.value.largest_brochure(topics);
        let limit = config.value.brochure.max_actors;
        if actors > limit {
            out.push(
                config
                    .diagnostic(
                        Severity::Warning,
                        "/brochure",
                        messages::brochure_too_large(actors, limit, volume),
                    )
                    .with_hint(messages::brochure_too_large_hint(volume.is_some())),
            );
        }
    }
    for (actor, diagnostics) in content
        .actors
        .into_iter()
        .filter_map(|folder| folder.result)
    {
        out.extend(diagnostics);
        actors.extend(actor);
    }
    let (Some(config), Some(i18n)) = (content.config, i18n) else {
        return None;
    };
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

/// `found` without the errors that stand exactly where one of `problems` (a file's structural
/// errors, see [`crate::load::Loaded::problems`]) stands: a value left in for the later rules
/// (an empty `name`, `postcode: 12` read as "12") would only be reported a second time.
pub(crate) fn one_error_per_place<'a>(
    mut found: Vec<Diagnostic>,
    problems: impl IntoIterator<Item = &'a Diagnostic>,
) -> Vec<Diagnostic> {
    let places: std::collections::HashSet<(&str, Option<usize>, Option<usize>)> = problems
        .into_iter()
        .filter(|p| p.severity == Severity::Error && p.line.is_some())
        .map(|p| (p.file.as_str(), p.line, p.column))
        .collect();
    if !places.is_empty() {
        found.retain(|d| {
            d.severity != Severity::Error || !places.contains(&(d.file.as_str(), d.line, d.column))
        });
    }
    found
}

/// Resolves a file name given in content (a logo) against `folder`: it must be relative, must
/// not climb out with `..`, must exist, and must not be a symlink leading out of `folder`.
pub fn inside_folder(folder: &Path, name: &str) -> Result<PathBuf, Problem> {
    let path = Path::new(name);
    if !path.components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(Problem::new(
            messages::logo_outside(name),
            messages::logo_outside_hint(),
        ));
    }
    let full = folder.join(path);
    let canonical_folder = folder
        .canonicalize()
        .unwrap_or_else(|_| folder.to_path_buf());
    match full.canonicalize() {
        Ok(target) if !target.starts_with(&canonical_folder) => Err(Problem::new(
            messages::logo_link_outside(name),
            messages::logo_link_outside_hint(),
        )),
        Ok(target) if target.is_file() => Ok(full),
        _ => Err(Problem::new(
            messages::file_missing(name),
            messages::logo_name_hint(),
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
