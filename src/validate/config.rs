//! Rules for config.yaml.

use std::collections::BTreeSet;
use std::path::Path;

use crate::config::{Category, Config, LocalizedText};
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::load::Loaded;
use crate::messages;

use super::checked_logo;
use super::fields::{self, Problem};

/// Checks config.yaml.
pub fn check_config(config: &Loaded<Config>, root: &Path, out: &mut Diagnostics) {
    out.extend(super::text::check_tree(&config.tree, &config.file));
    out.extend(super::modeline::check(
        &config.file,
        crate::schema::DocumentKind::Config,
    ));
    let mut check = ConfigCheck { config, out };
    check.base_url();
    let codes = check.languages();
    check.texts(&codes);
    check.brochure(&codes);
    check.branding(root);
    check.open_data();
}

/// The rules of config.yaml, grouped by its sections; each reports at a JSON pointer.
struct ConfigCheck<'a> {
    config: &'a Loaded<Config>,
    out: &'a mut Diagnostics,
}

impl<'a> ConfigCheck<'a> {
    fn report(&mut self, pointer: &str, problem: Problem) {
        self.out.push(
            self.config
                .diagnostic(Severity::Error, pointer, problem.message)
                .with_hint(problem.hint),
        );
    }

    fn base_url(&mut self) {
        let c = &self.config.value;
        if let Err(problem) = fields::website(&c.base_url) {
            self.report("/base_url", problem);
        } else if let Some(problem) = example_base_url(&c.base_url) {
            self.out.push(
                self.config
                    .diagnostic(Severity::Warning, "/base_url", problem.message)
                    .with_hint(problem.hint),
            );
        }
    }

    /// The site languages (codes, variants, Leichte Sprache), the source language and the
    /// spoken languages; returns the site languages' codes.
    fn languages(&mut self) -> BTreeSet<&'a str> {
        let config = self.config;
        let c = &config.value;
        let mut codes = BTreeSet::new();
        for (i, language) in c.languages.iter().enumerate() {
            if let Err(problem) = fields::language_code(&language.code) {
                self.report(&format!("/languages/{i}/code"), problem);
            }
            if !codes.insert(language.code.as_str()) {
                self.report(
                    &format!("/languages/{i}/code"),
                    Problem::new(
                        messages::language_twice(&language.code),
                        messages::language_twice_hint(),
                    ),
                );
            }
        }
        for (i, language) in c.languages.iter().enumerate() {
            if let Some(base) = &language.base
                && let Err(problem) = base_language(c, &language.code, base)
            {
                self.report(&format!("/languages/{i}/base"), problem);
            }
            if language.easy_read {
                self.out.extend(super::easy_read::check_tree(
                    &config.tree,
                    &config.file,
                    Some(&language.code),
                ));
            }
        }
        if c.languages.is_empty() {
            self.report(
                "/languages",
                Problem::new(messages::no_languages(), messages::no_languages_hint()),
            );
        }
        if !codes.contains(c.source_language.as_str()) {
            self.report(
                "/source_language",
                Problem::new(
                    messages::source_not_in_languages(&c.source_language),
                    messages::source_not_in_languages_hint(),
                ),
            );
        }
        for code in c.spoken_languages.keys() {
            if let Err(problem) = fields::language_code(code) {
                self.report(&format!("/spoken_languages/{code}"), problem);
            }
        }
        codes
    }

    /// Title, town names, subtitle, review interval, topics and target groups.
    fn texts(&mut self, codes: &BTreeSet<&str>) {
        let config = self.config;
        let c = &config.value;
        let source = c.source_language.as_str();
        check_localized(config, "/title", &c.title, codes, source, self.out);
        for (code, name) in &c.town_names {
            if !codes.contains(code.as_str()) {
                self.report(
                    &format!("/town_names/{code}"),
                    Problem::new(
                        messages::not_configured_language(code),
                        messages::use_language_codes_hint(),
                    ),
                );
            } else if name.trim().is_empty() {
                self.report(
                    &format!("/town_names/{code}"),
                    Problem::new(
                        messages::town_name_empty(),
                        messages::town_name_empty_hint(),
                    ),
                );
            }
        }
        check_localized(config, "/subtitle", &c.subtitle, codes, source, self.out);
        if c.review_interval_months == 0 {
            self.report(
                "/review_interval_months",
                Problem::new(
                    messages::review_interval_zero(),
                    messages::review_interval_zero_hint(),
                ),
            );
        }
        check_categories(config, "/topics", &c.topics, codes, source, self.out);
        check_categories(
            config,
            "/target_groups",
            &c.target_groups,
            codes,
            source,
            self.out,
        );
    }

    fn brochure(&mut self, codes: &BTreeSet<&str>) {
        let c = &self.config.value;
        for (i, language) in c.brochure.languages.iter().enumerate() {
            if !codes.contains(language.as_str()) {
                self.report(
                    &format!("/brochure/languages/{i}"),
                    Problem::new(
                        messages::brochure_language(language),
                        messages::brochure_language_hint(),
                    ),
                );
            }
        }
        if let Err(problem) = fields::url_safe_id(&c.brochure.file_name) {
            self.report("/brochure/file_name", problem);
        }
        if let Some(print) = &c.brochure.print
            && !(0.0..=10.0).contains(&print.bleed_mm)
        {
            self.report(
                "/brochure/print/bleed_mm",
                Problem::new(
                    messages::bleed_range(print.bleed_mm),
                    messages::bleed_range_hint(),
                ),
            );
        }
    }

    /// Colours, logo and the address for readers' corrections.
    fn branding(&mut self, root: &Path) {
        let c = &self.config.value;
        let colours = [
            ("primary_color", &c.branding.primary_color),
            ("accent_color", &c.branding.accent_color),
        ];
        for (field, value) in colours {
            if let Err(problem) = fields::colour(value) {
                self.report(&format!("/branding/{field}"), problem);
            }
        }
        if let Some(logo) = &c.branding.logo
            && let Err(problem) = checked_logo(root, logo)
        {
            self.report("/branding/logo", problem);
        }
        if let Some(email) = &c.feedback_email
            && let Err(problem) = fields::email(email)
        {
            self.report("/feedback_email", problem);
        }
    }

    fn open_data(&mut self) {
        let open_data = &self.config.value.open_data;
        if let Some(url) = &open_data.publisher_url
            && let Err(problem) = fields::website(url)
        {
            self.report("/open_data/publisher_url", problem);
        }
        if let Some(email) = &open_data.publisher_email
            && let Err(problem) = fields::email(email)
        {
            self.report("/open_data/publisher_email", problem);
        }
        if let Some(key) = &open_data.municipality_key
            && !(key.len() == 8 && key.bytes().all(|b| b.is_ascii_digit()))
        {
            self.report(
                "/open_data/municipality_key",
                Problem::new(
                    messages::municipality_key(key),
                    messages::municipality_key_hint(),
                ),
            );
        }
        if let Some(id) = &open_data.contributor_id
            && let Err(problem) = fields::website(id)
        {
            self.report("/open_data/contributor_id", problem);
        }
        let blank = [
            ("publisher", &open_data.publisher),
            ("state", &open_data.state),
        ];
        for (field, value) in blank {
            if value.as_ref().is_some_and(|v| v.trim().is_empty()) {
                self.report(
                    &format!("/open_data/{field}"),
                    Problem::new(
                        messages::field_empty(field),
                        messages::empty_or_default_hint(),
                    ),
                );
            }
        }
    }
}

/// A warning when `base_url` still points at a host that cannot be the published site: a domain
/// reserved for examples (`example.org`, `*.example.com`, the `.example`, `.test`, `.invalid`
/// and `.localhost` top-level domains, RFC 2606 and 6761) or a loopback or private address. The
/// address is printed in every QR code of the brochures and in the sitemap, so a town that keeps
/// the shipped value publishes dead links. A warning, not an error: the example content uses
/// such a domain on purpose.
fn example_base_url(base_url: &str) -> Option<Problem> {
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
    Some(Problem::new(
        messages::example_base_url(host),
        messages::example_base_url_hint(),
    ))
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
                        messages::not_configured_language(key),
                    )
                    .with_hint(messages::use_language_codes_hint()),
            );
        }
    }
    if !text.contains_key(source) {
        out.push(
            config
                .diagnostic(Severity::Error, pointer, messages::no_source_text(source))
                .with_hint(messages::no_source_text_hint(source)),
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
            hint: Some(messages::add_translation_hint(&missing.join(", "))),
            ..config.diagnostic(
                Severity::Warning,
                pointer,
                messages::not_translated_into(&missing.join(", ")),
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
                        messages::id_used_twice(&category.id),
                    )
                    .with_hint(messages::id_used_twice_hint()),
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
            messages::base_not_a_language(base),
            messages::base_not_a_language_hint(),
        ));
    };
    if base == code {
        return Err(Problem::new(
            messages::base_is_itself(code),
            messages::base_is_itself_hint(),
        ));
    }
    if language.base.is_some() {
        return Err(Problem::new(
            messages::base_is_a_variant(base),
            messages::base_is_a_variant_hint(base),
        ));
    }
    // The base's text shows unmarked on the variant's pages, so both run the same way.
    let rtl = c.languages.iter().any(|l| l.code == code && l.rtl);
    if rtl != language.rtl {
        return Err(Problem::new(
            messages::base_direction(code, base),
            messages::base_direction_hint(code, base),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::example_base_url;
    use crate::messages::{Language, in_language};

    #[test]
    fn example_base_url_is_a_warning_in_the_editors_language() {
        let de = in_language(Language::De, || example_base_url("https://example.org/")).unwrap();
        assert!(
            de.message.contains("Beispieladresse (`example.org`)"),
            "{de:?}"
        );
        let en = in_language(Language::En, || {
            example_base_url("https://wegweiser.example.com")
        })
        .unwrap();
        assert_eq!(
            en.message,
            "`base_url` is still an example address (`wegweiser.example.com`): it goes into the \
             QR codes and the sitemap"
        );
        assert!(example_base_url("https://integration.merzig.de").is_none());
        assert!(example_base_url("http://[::1]:1111").is_some());
        assert!(example_base_url("https://10.0.0.1").is_some());
        assert!(example_base_url("https://203.0.113.7.nip.io").is_none());
    }
}
