//! Rules for one actor folder: its profile.yaml and its translations.

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::Date;

use crate::catalog::{Actor, Contact, Hours, Phone, Reach, SourceText};
use crate::diagnostics::{Diagnostic, Severity};
use crate::load::{ActorFolder, Loaded};
use crate::messages;
use crate::model::profile::HoursSpec;
use crate::model::translation::Field;
use crate::model::{Profile, Translation};
use crate::schema::{DocumentKind, closest};

use super::fields::{self, Problem};
use super::{Rules, checked_logo, hours};

/// Longest summary before a warning: it should be one sentence.
const LONG_SUMMARY: usize = 250;

/// Collects the problems of one file and knows where its values are.
struct Checker<'a, T> {
    loaded: &'a Loaded<T>,
    out: Vec<Diagnostic>,
}

impl<T> Checker<'_, T> {
    fn error(&mut self, pointer: &str, problem: Problem) {
        self.push(Severity::Error, pointer, problem);
    }

    fn warning(&mut self, pointer: &str, problem: Problem) {
        self.push(Severity::Warning, pointer, problem);
    }

    fn push(&mut self, severity: Severity, pointer: &str, problem: Problem) {
        // A field missing from a file with structural errors was stood in empty
        // (`Schemas::without_errors`); its own errors are the missing field's, reported already
        // (or the misspelt field's that left it missing).
        if severity == Severity::Error
            && !self.loaded.problems.is_empty()
            && self.loaded.tree.at(pointer).is_none()
        {
            return;
        }
        let diagnostic = self
            .loaded
            .diagnostic(severity, pointer, problem.message)
            .with_hint(problem.hint);
        self.out.push(diagnostic);
    }

    /// Runs a value check, reporting a failure at `pointer`.
    fn check<V>(&mut self, pointer: &str, result: Result<V, Problem>) -> Option<V> {
        result.map_err(|problem| self.error(pointer, problem)).ok()
    }

    fn not_blank(&mut self, pointer: &str, text: &str) {
        if text.trim().is_empty() {
            self.error(
                pointer,
                Problem::new(messages::field_is_empty(), messages::fill_in_hint()),
            );
        }
    }
}

/// Checks one actor folder and, if it has no errors, builds its [`Actor`].
pub fn check_actor(folder: &ActorFolder, rules: &Rules) -> (Option<Actor>, Vec<Diagnostic>) {
    let profile = &folder.profile.value;
    let mut c = Checker {
        loaded: &folder.profile,
        out: Vec::new(),
    };
    if let Err(problem) = fields::url_safe_id(&folder.slug) {
        c.out.push(
            Diagnostic::for_file(Severity::Error, &folder.relative_dir, problem.message)
                .with_hint(messages::rename_folder_hint(&problem.hint)),
        );
    }
    c.out.extend(super::text::check_tree(
        &folder.profile.tree,
        &folder.profile.file,
    ));
    c.out.extend(super::modeline::check(
        &folder.profile.file,
        DocumentKind::Profile,
    ));
    check_texts_and_ids(&mut c, profile, rules);
    let contacts = check_contacts(&mut c, profile, rules);
    let reach = Reach {
        phone: optional_phone(&mut c, "/phone", profile.phone.as_deref()),
        email: optional(&mut c, "/email", profile.email.as_deref(), fields::email),
        website: optional(
            &mut c,
            "/website",
            profile.website.as_deref(),
            fields::website,
        ),
        whatsapp: optional_phone(&mut c, "/whatsapp", profile.whatsapp.as_deref()),
    };
    // A placeholder is reported as such by the text check, not also as a malformed postcode.
    if !super::text::has_placeholder(&profile.address.postcode) {
        c.check(
            "/address/postcode",
            fields::postcode(&profile.address.postcode),
        );
    }
    check_coordinates(&mut c, profile);
    let opening_hours = check_hours(&mut c, "/opening_hours", profile.opening_hours.as_ref());
    let consultation_hours = check_hours(
        &mut c,
        "/consultation_hours",
        profile.consultation_hours.as_ref(),
    );
    let last_reviewed = check_review(&mut c, profile, rules);
    let logo = profile
        .logo
        .as_deref()
        .and_then(|logo| c.check("/logo", checked_logo(&folder.dir, logo)));

    let mut translations = BTreeMap::new();
    for (language, loaded) in &folder.translations {
        c.out.extend(check_translation(profile, loaded));
        c.out
            .extend(super::text::check_tree(&loaded.tree, &loaded.file));
        c.out.extend(super::modeline::check(
            &loaded.file,
            DocumentKind::Translation,
        ));
        if rules.easy_read.contains(language) {
            c.out.extend(super::easy_read::check_tree(
                &loaded.tree,
                &loaded.file,
                None,
            ));
        }
        translations.insert(language.clone(), Box::new(loaded.value.clone()));
    }
    c.out.extend(missing_translations(folder, rules));
    let structural = folder
        .profile
        .problems
        .iter()
        .chain(folder.translations.values().flat_map(|t| t.problems.iter()));
    c.out = super::one_error_per_place(std::mem::take(&mut c.out), structural);

    let has_errors = c.out.iter().any(|d| d.severity == Severity::Error);
    let actor = (!has_errors).then(|| Actor {
        slug: folder.slug.clone(),
        name: profile.name.trim().to_owned(),
        short_name: profile.short_name.clone(),
        operator: profile.operator.clone(),
        kind: profile.kind,
        topics: profile.topics.clone(),
        target_groups: profile.target_groups.clone(),
        contacts,
        address: profile.address.clone(),
        opening_hours: opening_hours.flatten(),
        consultation_hours: consultation_hours.flatten(),
        reach,
        languages: profile.languages.clone(),
        wheelchair: profile.accessibility.as_ref().map(|a| a.wheelchair),
        last_reviewed: last_reviewed.unwrap_or(rules.today),
        logo,
        source_text: source_text(profile),
        translations,
    });
    (actor, c.out)
}

/// Required texts are not blank, the summary is short, and topics, target groups and languages
/// are those of config.yaml.
fn check_texts_and_ids(c: &mut Checker<'_, Profile>, profile: &Profile, rules: &Rules) {
    c.not_blank("/name", &profile.name);
    c.not_blank("/summary", &profile.summary);
    c.not_blank("/description", &profile.description);
    c.not_blank("/address/street", &profile.address.street);
    c.not_blank("/address/city", &profile.address.city);
    if profile.summary.chars().count() > LONG_SUMMARY {
        c.warning(
            "/summary",
            Problem::new(
                messages::long_summary(profile.summary.chars().count()),
                messages::long_summary_hint(LONG_SUMMARY),
            ),
        );
    }
    check_ids(
        c,
        "/topics",
        &profile.topics,
        &rules.topics,
        messages::what_topic,
    );
    check_ids(
        c,
        "/target_groups",
        &profile.target_groups,
        &rules.target_groups,
        messages::what_target_group,
    );
    check_ids(
        c,
        "/languages",
        &profile.languages,
        &rules.spoken_languages,
        messages::what_language,
    );
}

/// Checks the contact persons and returns them checked; warns when there is none.
fn check_contacts(c: &mut Checker<'_, Profile>, profile: &Profile, rules: &Rules) -> Vec<Contact> {
    let mut contacts = Vec::new();
    for (i, person) in profile.contacts.iter().enumerate() {
        let at = format!("/contacts/{i}");
        c.not_blank(&format!("{at}/name"), &person.name);
        check_ids(
            c,
            &format!("{at}/languages"),
            &person.languages,
            &rules.spoken_languages,
            messages::what_language,
        );
        contacts.push(Contact {
            name: person.name.trim().to_owned(),
            phone: optional_phone(c, &format!("{at}/phone"), person.phone.as_deref()),
            email: optional(
                c,
                &format!("{at}/email"),
                person.email.as_deref(),
                fields::email,
            ),
            languages: person.languages.clone(),
        });
    }
    if profile.contacts.is_empty() {
        c.warning(
            "/name",
            Problem::new(messages::no_contact(), messages::no_contact_hint()),
        );
    }
    contacts
}

/// The date of the last review, if valid; warns when the next review is overdue.
fn check_review(c: &mut Checker<'_, Profile>, profile: &Profile, rules: &Rules) -> Option<Date> {
    let last_reviewed = c.check(
        "/last_reviewed",
        fields::review_date(&profile.last_reviewed, rules.today),
    );
    if let Some(date) = last_reviewed {
        let due = date.saturating_add(i64::from(rules.review_interval_months).months());
        if due < rules.today {
            c.warning(
                "/last_reviewed",
                Problem::new(
                    messages::review_overdue(date, due),
                    messages::review_overdue_hint(),
                ),
            );
        }
    }
    last_reviewed
}

/// Reports ids that the configuration does not define, and duplicates.
fn check_ids<T>(
    c: &mut Checker<'_, T>,
    pointer: &str,
    ids: &[String],
    known: &[String],
    what: fn() -> String,
) {
    for (i, id) in ids.iter().enumerate() {
        let at = format!("{pointer}/{i}");
        if ids[..i].contains(id) {
            c.error(
                &at,
                Problem::new(messages::id_twice(&what(), id), messages::list_once_hint()),
            );
        } else if !known.contains(id) {
            let hint = match closest(id, known) {
                Some(best) => messages::did_you_mean(best),
                None => messages::choose_from(&known.join(", ")),
            };
            c.error(&at, Problem::new(messages::unknown_id(&what(), id), hint));
        }
    }
}

fn optional<T, V>(
    c: &mut Checker<'_, T>,
    pointer: &str,
    value: Option<&str>,
    parse: impl Fn(&str) -> Result<V, Problem>,
) -> Option<V> {
    value.and_then(|text| {
        if text.trim().is_empty() {
            // `email: ""`: "`` is not a valid e-mail address" would puzzle.
            let field = crate::schema::field_label(pointer);
            c.error(
                pointer,
                Problem::new(
                    messages::field_empty(&field),
                    messages::write_a_value_hint(),
                ),
            );
            return None;
        }
        c.check(pointer, parse(text))
    })
}

fn optional_phone<T>(c: &mut Checker<'_, T>, pointer: &str, value: Option<&str>) -> Option<Phone> {
    optional(c, pointer, value, fields::phone)
}

fn check_coordinates<T>(c: &mut Checker<'_, T>, profile: &Profile) {
    let address = &profile.address;
    match (address.latitude, address.longitude) {
        (Some(lat), _) if !(-90.0..=90.0).contains(&lat) => c.error(
            "/address/latitude",
            Problem::new(messages::latitude_range(lat), messages::latitude_hint()),
        ),
        (_, Some(lon)) if !(-180.0..=180.0).contains(&lon) => c.error(
            "/address/longitude",
            Problem::new(messages::longitude_range(lon), messages::longitude_hint()),
        ),
        (Some(_), None) | (None, Some(_)) => c.error(
            "/address",
            Problem::new(
                messages::both_coordinates(),
                messages::both_coordinates_hint(),
            ),
        ),
        _ => {}
    }
}

/// Checks an optional hours block; `Some(None)` means "absent", `None` means "had errors".
fn check_hours<T>(
    c: &mut Checker<'_, T>,
    pointer: &str,
    spec: Option<&HoursSpec>,
) -> Option<Option<Hours>> {
    let Some(spec) = spec else { return Some(None) };
    match hours::hours(spec) {
        Ok(hours) => Some(Some(hours)),
        Err(problems) => {
            for p in problems {
                c.error(&format!("{pointer}{}", p.pointer), p.problem);
            }
            None
        }
    }
}

/// The translatable text of a profile in its own (source) language.
fn source_text(profile: &Profile) -> SourceText {
    use crate::model::translation::{ContactTranslation, NoteTranslation};
    let note = |note: Option<&String>| {
        note.map(|n| NoteTranslation {
            note: Some(n.clone()),
        })
    };
    let rest = Translation {
        summary: None,
        description: None,
        offers: (!profile.offers.is_empty()).then(|| profile.offers.clone()),
        costs: profile.costs.clone(),
        contacts: Some(
            profile
                .contacts
                .iter()
                .map(|p| ContactTranslation {
                    role: p.role.clone(),
                })
                .collect(),
        ),
        opening_hours: note(profile.opening_hours.as_ref().and_then(|h| h.note.as_ref())),
        consultation_hours: note(
            profile
                .consultation_hours
                .as_ref()
                .and_then(|h| h.note.as_ref()),
        ),
        accessibility: note(profile.accessibility.as_ref().and_then(|a| a.note.as_ref())),
        transport: profile.transport.clone(),
    };
    SourceText::new(profile.summary.clone(), profile.description.clone(), rest)
}

/// Which translatable fields a text has, by name.
pub fn present_fields(text: &Translation) -> Vec<&'static str> {
    Field::ALL
        .into_iter()
        .filter(|field| field.is_set(text))
        .map(Field::name)
        .collect()
}

/// Checks a translation against its profile.
fn check_translation(profile: &Profile, loaded: &Loaded<Translation>) -> Vec<Diagnostic> {
    let mut c = Checker {
        loaded,
        out: Vec::new(),
    };
    let t = &loaded.value;
    if let Some(contacts) = &t.contacts
        && contacts.len() != profile.contacts.len()
    {
        {
            c.error(
                "/contacts",
                Problem::new(
                    messages::contacts_count(contacts.len(), profile.contacts.len()),
                    messages::contacts_count_hint(),
                ),
            );
        }
    }
    let source = source_text(profile).fields();
    for field in present_fields(t) {
        if !source.contains(&field) {
            let pointer = format!("/{}", field.split('.').next().unwrap_or(field));
            c.warning(
                &pointer,
                Problem::new(
                    messages::translated_without_source(field),
                    messages::translated_without_source_hint(),
                ),
            );
        }
    }
    c.out
}

/// One warning per actor and language listing the fields without translation.
fn missing_translations(folder: &ActorFolder, rules: &Rules) -> Vec<Diagnostic> {
    let source = source_text(&folder.profile.value).fields();
    let mut out = Vec::new();
    for language in &rules.languages {
        // A variant (Leichte Sprache) shows its base's text where it has none of its own.
        if *language == rules.source_language || rules.variants.contains(language) {
            continue;
        }
        // A translation file that does not exist yet is no place for an annotation: the
        // warning then points at the profile.
        let (file, missing, hint): (_, Vec<&str>, _) = match folder.translations.get(language) {
            Some(loaded) => {
                let present = present_fields(&loaded.value);
                (
                    loaded.file.relative.clone(),
                    source
                        .iter()
                        .copied()
                        .filter(|f| !present.contains(f))
                        .collect(),
                    messages::missing_translation_hint(),
                )
            }
            None => (
                folder.profile.file.relative.clone(),
                source.clone(),
                messages::missing_translation_file_hint(&format!("{language}.yaml")),
            ),
        };
        if missing.is_empty() {
            continue;
        }
        let mut diagnostic = Diagnostic::for_file(
            Severity::Warning,
            &file,
            messages::missing_translation(language, &missing.join(", ")),
        )
        .with_hint(hint);
        diagnostic.translation_gap = Some((language.clone(), missing.len()));
        out.push(diagnostic);
    }
    out
}
