//! Rules for config.yaml.

use std::collections::BTreeSet;
use std::path::Path;

use crate::config::{Category, Config, LocalizedText};
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::load::Loaded;

use super::checked_logo;
use super::fields::{self, Problem};

/// Checks config.yaml; returns true if it had no errors.
pub fn check_config(config: &Loaded<Config>, root: &Path, out: &mut Diagnostics) -> bool {
    let before = out.error_count();
    out.extend(super::text::check_tree(&config.tree, &config.file));
    let c = &config.value;
    let report = |out: &mut Diagnostics, pointer: &str, problem: Problem| {
        out.push(
            config
                .diagnostic(Severity::Error, pointer, problem.message)
                .with_hint(problem.hint),
        );
    };

    if let Err(problem) = fields::website(&c.base_url) {
        report(out, "/base_url", problem);
    }
    let mut codes = BTreeSet::new();
    for (i, language) in c.languages.iter().enumerate() {
        if let Err(problem) = fields::language_code(&language.code) {
            report(out, &format!("/languages/{i}/code"), problem);
        }
        if !codes.insert(language.code.as_str()) {
            report(
                out,
                &format!("/languages/{i}/code"),
                Problem::new(
                    format!("the language `{}` is listed twice", language.code),
                    "list each language once",
                ),
            );
        }
    }
    for (i, language) in c.languages.iter().enumerate() {
        if let Some(base) = &language.base
            && let Err(problem) = base_language(c, &language.code, base)
        {
            report(out, &format!("/languages/{i}/base"), problem);
        }
        if language.easy_read {
            out.extend(super::easy_read::check_tree(
                &config.tree,
                &config.file,
                Some(&language.code),
            ));
        }
    }
    if c.languages.is_empty() {
        report(
            out,
            "/languages",
            Problem::new(
                "no languages are configured",
                "list at least the source language",
            ),
        );
    }
    if !codes.contains(c.source_language.as_str()) {
        report(
            out,
            "/source_language",
            Problem::new(
                format!(
                    "the source language `{}` is not among `languages`",
                    c.source_language
                ),
                "add it to `languages` or correct the code",
            ),
        );
    }
    for code in c.spoken_languages.keys() {
        if let Err(problem) = fields::language_code(code) {
            report(out, &format!("/spoken_languages/{code}"), problem);
        }
    }
    check_localized(config, "/title", &c.title, &codes, &c.source_language, out);
    for (code, name) in &c.town_names {
        if !codes.contains(code.as_str()) {
            report(
                out,
                &format!("/town_names/{code}"),
                Problem::new(
                    format!("`{code}` is not a configured language"),
                    "use the codes listed under `languages`",
                ),
            );
        } else if name.trim().is_empty() {
            report(
                out,
                &format!("/town_names/{code}"),
                Problem::new(
                    "the town's name is empty",
                    "write the name, or remove the line to use `town`",
                ),
            );
        }
    }
    check_localized(
        config,
        "/subtitle",
        &c.subtitle,
        &codes,
        &c.source_language,
        out,
    );
    if c.review_interval_months == 0 {
        report(
            out,
            "/review_interval_months",
            Problem::new(
                "the review interval must be at least one month",
                "12 (once a year) is usual",
            ),
        );
    }
    check_categories(
        config,
        "/topics",
        &c.topics,
        &codes,
        &c.source_language,
        out,
    );
    check_categories(
        config,
        "/target_groups",
        &c.target_groups,
        &codes,
        &c.source_language,
        out,
    );
    for (i, language) in c.brochure.languages.iter().enumerate() {
        if !codes.contains(language.as_str()) {
            report(
                out,
                &format!("/brochure/languages/{i}"),
                Problem::new(
                    format!("the brochure language `{language}` is not among `languages`"),
                    "a brochure can only be printed in a language of the site",
                ),
            );
        }
    }
    if let Err(problem) = fields::url_safe_id(&c.brochure.file_name) {
        report(out, "/brochure/file_name", problem);
    }
    if let Some(print) = &c.brochure.print
        && !(0.0..=10.0).contains(&print.bleed_mm)
    {
        report(
            out,
            "/brochure/print/bleed_mm",
            Problem::new(
                format!("a bleed of {} mm is out of range", print.bleed_mm),
                "print shops ask for 3 mm (between 0 and 10)",
            ),
        );
    }
    let colours = [
        ("primary_color", &c.branding.primary_color),
        ("accent_color", &c.branding.accent_color),
    ];
    for (field, value) in colours {
        if let Err(problem) = fields::colour(value) {
            report(out, &format!("/branding/{field}"), problem);
        }
    }
    if let Some(logo) = &c.branding.logo
        && let Err(problem) = checked_logo(root, logo)
    {
        report(out, "/branding/logo", problem);
    }
    if let Some(email) = &c.feedback_email
        && let Err(problem) = fields::email(email)
    {
        report(out, "/feedback_email", problem);
    }
    out.error_count() == before
}

fn check_localized(
    config: &Loaded<Config>,
    pointer: &str,
    text: &LocalizedText,
    codes: &BTreeSet<&str>,
    source: &str,
    out: &mut Diagnostics,
) {
    for key in text.keys() {
        if !codes.contains(key.as_str()) {
            out.push(
                config
                    .diagnostic(
                        Severity::Error,
                        &format!("{pointer}/{key}"),
                        format!("`{key}` is not a configured language"),
                    )
                    .with_hint("use the codes listed under `languages`"),
            );
        }
    }
    if !text.contains_key(source) {
        out.push(
            config
                .diagnostic(
                    Severity::Error,
                    pointer,
                    format!("no text in the source language `{source}`"),
                )
                .with_hint(format!(
                    "add `{source}: …`; other languages fall back to it"
                )),
        );
    }
    // A variant (Leichte Sprache) without its own text shows its base's.
    let missing: Vec<&str> = codes
        .iter()
        .copied()
        .filter(|code| !text.contains_key(*code) && config.value.base_of(code).is_none())
        .collect();
    if !missing.is_empty() && text.contains_key(source) {
        out.push(Diagnostic {
            hint: Some(format!("add a translation for {}", missing.join(", "))),
            ..config.diagnostic(
                Severity::Warning,
                pointer,
                format!("not translated into {}", missing.join(", ")),
            )
        });
    }
}

fn check_categories(
    config: &Loaded<Config>,
    pointer: &str,
    categories: &[Category],
    codes: &BTreeSet<&str>,
    source: &str,
    out: &mut Diagnostics,
) {
    let mut seen = BTreeSet::new();
    for (i, category) in categories.iter().enumerate() {
        let item = format!("{pointer}/{i}");
        if let Err(problem) = fields::url_safe_id(&category.id) {
            out.push(
                config
                    .diagnostic(Severity::Error, &format!("{item}/id"), problem.message)
                    .with_hint(problem.hint),
            );
        }
        if !seen.insert(category.id.as_str()) {
            out.push(
                config
                    .diagnostic(
                        Severity::Error,
                        &format!("{item}/id"),
                        format!("the id `{}` is used twice", category.id),
                    )
                    .with_hint("give every entry its own id"),
            );
        }
        check_localized(
            config,
            &format!("{item}/label"),
            &category.label,
            codes,
            source,
            out,
        );
    }
}

/// Checks the `base` of the variant `code`: a configured language other than itself that is
/// not a variant too (one level, so that fallback stays "variant, base, source language"), and
/// written in the same direction.
fn base_language(c: &Config, code: &str, base: &str) -> Result<(), Problem> {
    let Some(language) = c.languages.iter().find(|l| l.code == base) else {
        return Err(Problem::new(
            format!("the base language `{base}` is not among `languages`"),
            "name the language this one is a variant of, e.g. `base: de` for Leichte Sprache",
        ));
    };
    if base == code {
        return Err(Problem::new(
            format!("`{code}` cannot be a variant of itself"),
            "name another language, or remove `base`",
        ));
    }
    if language.base.is_some() {
        return Err(Problem::new(
            format!("`{base}` is itself a variant; a variant's base must be a language of its own"),
            format!("use the base of `{base}` instead"),
        ));
    }
    // The base's text shows unmarked on the variant's pages, so both run the same way.
    let rtl = c.languages.iter().any(|l| l.code == code && l.rtl);
    if rtl != language.rtl {
        return Err(Problem::new(
            format!("`{code}` and its base `{base}` are written in different directions"),
            format!("give `{code}` the same `rtl` as `{base}`"),
        ));
    }
    Ok(())
}
