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
    out.extend(super::modeline::check(
        &config.file,
        crate::schema::DocumentKind::Config,
    ));
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
    } else if let Some(problem) = example_base_url(&c.base_url, &c.source_language) {
        out.push(
            config
                .diagnostic(Severity::Warning, "/base_url", problem.message)
                .with_hint(problem.hint),
        );
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
    let open_data = &c.open_data;
    if let Some(url) = &open_data.publisher_url
        && let Err(problem) = fields::website(url)
    {
        report(out, "/open_data/publisher_url", problem);
    }
    if let Some(email) = &open_data.publisher_email
        && let Err(problem) = fields::email(email)
    {
        report(out, "/open_data/publisher_email", problem);
    }
    if let Some(key) = &open_data.municipality_key
        && !(key.len() == 8 && key.bytes().all(|b| b.is_ascii_digit()))
    {
        report(
            out,
            "/open_data/municipality_key",
            Problem::new(
                format!("`{key}` is not a municipality key"),
                "the Amtlicher Gemeindeschlüssel has 8 digits, e.g. \"10042114\" (in quotes)",
            ),
        );
    }
    if let Some(id) = &open_data.contributor_id
        && let Err(problem) = fields::website(id)
    {
        report(out, "/open_data/contributor_id", problem);
    }
    let blank = [
        ("publisher", &open_data.publisher),
        ("state", &open_data.state),
    ];
    for (field, value) in blank {
        if value.as_ref().is_some_and(|v| v.trim().is_empty()) {
            report(
                out,
                &format!("/open_data/{field}"),
                Problem::new(
                    format!("`{field}` is empty"),
                    "write the name, or remove the line to use the default",
                ),
            );
        }
    }
    out.error_count() == before
}

/// A warning when `base_url` still points at a host that cannot be the published site: a domain
/// reserved for examples (`example.org`, `*.example.com`, the `.example`, `.test`, `.invalid`
/// and `.localhost` top-level domains, RFC 2606 and 6761) or a loopback or private address. The
/// address is printed in every QR code of the brochures and in the sitemap, so a town that keeps
/// the shipped value publishes dead links. A warning, not an error: the example content uses
/// such a domain on purpose. German for German content, else English (the message catalogue
/// takes both texts from here).
fn example_base_url(base_url: &str, source_language: &str) -> Option<Problem> {
    let url = url::Url::parse(base_url.trim()).ok()?;
    let placeholder = match url.host()? {
        url::Host::Domain(domain) => {
            let domain = domain.trim_end_matches('.').to_ascii_lowercase();
            let top = domain.rsplit('.').next().unwrap_or_default();
            ["example", "test", "invalid", "localhost"].contains(&top)
                || ["example.org", "example.com", "example.net"]
                    .iter()
                    .any(|reserved| {
                        domain == *reserved || domain.ends_with(&format!(".{reserved}"))
                    })
        }
        url::Host::Ipv4(ip) => ip.is_loopback() || ip.is_private() || ip.is_unspecified(),
        url::Host::Ipv6(ip) => ip.is_loopback() || ip.is_unspecified(),
    };
    if !placeholder {
        return None;
    }
    let host = url.host_str().unwrap_or_default();
    Some(if source_language == "de" {
        Problem::new(
            format!(
                "`base_url` ist noch eine Beispieladresse (`{host}`): sie steht in den QR-Codes \
                 und in der Sitemap"
            ),
            "tragen Sie die Adresse ein, unter der die Website erscheint, \
             z. B. https://integration.merzig.de",
        )
    } else {
        Problem::new(
            format!(
                "`base_url` is still an example address (`{host}`): it goes into the QR codes \
                 and the sitemap"
            ),
            "write the address the site will be published at, e.g. https://integration.merzig.de",
        )
    })
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
    let missing: Vec<&str> = codes
        .iter()
        .copied()
        .filter(|code| !text.contains_key(*code))
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

#[cfg(test)]
mod tests {
    use super::example_base_url;

    #[test]
    fn example_base_url_speaks_the_content_language() {
        let de = example_base_url("https://example.org/", "de").unwrap();
        assert!(
            de.message.contains("Beispieladresse (`example.org`)"),
            "{de:?}"
        );
        let en = example_base_url("https://wegweiser.example.com", "en").unwrap();
        assert_eq!(
            en.message,
            "`base_url` is still an example address (`wegweiser.example.com`): it goes into the \
             QR codes and the sitemap"
        );
        assert!(example_base_url("https://integration.merzig.de", "en").is_none());
        assert!(example_base_url("http://[::1]:1111", "en").is_some());
        assert!(example_base_url("https://10.0.0.1", "en").is_some());
        assert!(example_base_url("https://203.0.113.7.nip.io", "en").is_none());
    }
}
