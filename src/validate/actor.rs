//! Rules for one actor folder: its profile.yaml and its translations.

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::Date;

use crate::catalog::{Actor, Contact, Hours, Phone, Reach, SourceText};
use crate::diagnostics::{Diagnostic, Severity};
use crate::load::{ActorFolder, Loaded};
use crate::model::profile::HoursSpec;
use crate::model::translation::Field;
use crate::model::{Profile, Translation};
use crate::schema::closest;

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
            self.error(pointer, Problem::new("this field is empty", "fill it in"));
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
                .with_hint(format!("rename the folder; {}", problem.hint)),
        );
    }
    c.out.extend(super::text::check_tree(
        &folder.profile.tree,
        &folder.profile.file,
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
    c.check(
        "/address/postcode",
        fields::postcode(&profile.address.postcode),
    );
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
        if rules.easy_read.contains(language) {
            c.out.extend(super::easy_read::check_tree(
                &loaded.tree,
                &loaded.file,
                None,
            ));
        }
        translations.insert(language.clone(), loaded.value.clone());
    }
    c.out.extend(missing_translations(folder, rules));

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
                format!("the summary has {} characters", profile.summary.chars().count()),
                format!("keep it to one sentence of at most {LONG_SUMMARY} characters; details belong in the description"),
            ),
        );
    }
    check_ids(c, "/topics", &profile.topics, &rules.topics, "topic");
    check_ids(
        c,
        "/target_groups",
        &profile.target_groups,
        &rules.target_groups,
        "target group",
    );
    check_ids(
        c,
        "/languages",
        &profile.languages,
        &rules.spoken_languages,
        "language",
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
            "language",
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
            Problem::new(
                "no contact person is named",
                "every actor in the network names one person to contact: add `contacts:`",
            ),
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
                    format!("last reviewed on {date}: the review was due on {due}"),
                    "ask the actor to confirm or update the Steckbrief, then set last_reviewed to today",
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
    what: &str,
) {
    for (i, id) in ids.iter().enumerate() {
        let at = format!("{pointer}/{i}");
        if ids[..i].contains(id) {
            c.error(
                &at,
                Problem::new(format!("the {what} `{id}` is listed twice"), "list it once"),
            );
        } else if !known.contains(id) {
            let hint = match closest(id, known) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("choose from: {}", known.join(", ")),
            };
            c.error(
                &at,
                Problem::new(format!("there is no {what} `{id}` in config.yaml"), hint),
            );
        }
    }
}

fn optional<T, V>(
    c: &mut Checker<'_, T>,
    pointer: &str,
    value: Option<&str>,
    parse: impl Fn(&str) -> Result<V, Problem>,
) -> Option<V> {
    value.and_then(|text| c.check(pointer, parse(text)))
}

fn optional_phone<T>(c: &mut Checker<'_, T>, pointer: &str, value: Option<&str>) -> Option<Phone> {
    optional(c, pointer, value, fields::phone)
}

fn check_coordinates<T>(c: &mut Checker<'_, T>, profile: &Profile) {
    let address = &profile.address;
    match (address.latitude, address.longitude) {
        (Some(lat), _) if !(-90.0..=90.0).contains(&lat) => c.error(
            "/address/latitude",
            Problem::new(
                format!("latitude {lat} is outside -90…90"),
                "Merzig lies at about 49.44",
            ),
        ),
        (_, Some(lon)) if !(-180.0..=180.0).contains(&lon) => c.error(
            "/address/longitude",
            Problem::new(
                format!("longitude {lon} is outside -180…180"),
                "Merzig lies at about 6.64",
            ),
        ),
        (Some(_), None) | (None, Some(_)) => c.error(
            "/address",
            Problem::new(
                "give both latitude and longitude, or neither",
                "copy both from openstreetmap.org",
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
                    format!(
                        "this list has {} entries, but profile.yaml names {} contact persons",
                        contacts.len(),
                        profile.contacts.len()
                    ),
                    "give one `- role: …` per contact person, in the same order as in profile.yaml",
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
                    format!("`{field}` is translated, but profile.yaml has no German text for it"),
                    "add the German text to profile.yaml, or remove this translation: it is not shown",
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
        let (file, missing): (_, Vec<&str>) = match folder.translations.get(language) {
            Some(loaded) => {
                let present = present_fields(&loaded.value);
                (
                    loaded.file.relative.clone(),
                    source
                        .iter()
                        .copied()
                        .filter(|f| !present.contains(f))
                        .collect(),
                )
            }
            None => (
                folder.relative_dir.join(format!("{language}.yaml")),
                source.clone(),
            ),
        };
        if missing.is_empty() {
            continue;
        }
        out.push(
            Diagnostic::for_file(
                Severity::Warning,
                &file,
                format!(
                    "missing translation into `{language}`: {}",
                    missing.join(", ")
                ),
            )
            .with_hint("readers see the German text with a note until it is translated"),
        );
    }
    out
}
