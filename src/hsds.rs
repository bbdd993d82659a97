//! The catalogue as Open Referral HSDS 3.0 (Human Services Data Specification): the files of
//! `data/hsds/` and of `steckbrief export hsds`.
//!
//! HSDS 3.0 publishes JSON in the shape of its API; without a server, the export is the API's
//! answers as static files, one per list endpoint (`services.json` for `GET /services`, …), each
//! a single page holding every record fully nested ("compiled"), plus `index.json` for `GET /`.
//! Every record validates against the official schemas (tests/open_data.rs).
//!
//! Ids are UUID v5 of a fixed namespace and `<base_url>/<entity>/<key>` (the key is the actor's
//! slug, a topic id, …): the same content gives the same ids in every build, and two towns'
//! exports do not collide. HSDS 3.0 has no translations, so texts are in the source language.
//! Hours are local time in Europe/Berlin: HSDS's `timezone` is a fixed UTC offset, which would
//! be wrong for half of the year, so it is left out.

use std::io::Write;

use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::catalog::{Actor, Catalog, Hours, LocalActor, Phone, TimeOfDay, Weekday};
use crate::config::Category;
use crate::format;
use crate::urls;

/// The HSDS version the export follows.
pub const VERSION: &str = "3.0";

/// The namespace of every id (a random UUID, fixed forever).
const NAMESPACE: Uuid = Uuid::from_u128(0x5b0e_6c1a_3f4d_4e8b_9a27_c1d8_e2f3_a4b5);

/// One file of the export: the answer of one endpoint of the HSDS API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum File {
    /// `GET /`: the HSDS version.
    Index,
    /// `GET /services`: every service, with its organization, location, schedules, phones,
    /// contacts, languages and attributes nested.
    Services,
    /// `GET /organizations`: every organization with its location.
    Organizations,
    /// `GET /service_at_locations`: where each service is offered.
    ServiceAtLocations,
    /// `GET /taxonomies`: topics and target groups.
    Taxonomies,
    /// `GET /taxonomy_terms`: every topic and target group.
    TaxonomyTerms,
}

impl File {
    /// Every file, in a fixed order.
    pub const ALL: [File; 6] = [
        File::Index,
        File::Services,
        File::Organizations,
        File::ServiceAtLocations,
        File::Taxonomies,
        File::TaxonomyTerms,
    ];

    /// Its file name, after the API path ("services.json").
    pub fn name(self) -> &'static str {
        match self {
            File::Index => "index.json",
            File::Services => "services.json",
            File::Organizations => "organizations.json",
            File::ServiceAtLocations => "service_at_locations.json",
            File::Taxonomies => "taxonomies.json",
            File::TaxonomyTerms => "taxonomy_terms.json",
        }
    }

    /// Writes the file, one record at a time (at ten thousand actors `services.json` is
    /// large): a page's records one per line.
    pub fn write(self, catalog: &Catalog, out: &mut dyn Write) -> std::io::Result<()> {
        let hsds = Hsds::new(catalog);
        let actors = catalog.actors.iter();
        let count = catalog.actors.len();
        match self {
            File::Index => {
                // `timezone` is this export's own addition (HSDS's `schedule.timezone` is a
                // fixed UTC offset): the zone of every `opens_at` and `closes_at`.
                let index = json!({
                    "version": VERSION,
                    "timezone": "Europe/Berlin",
                    "profile": "https://docs.openreferral.org/en/v3.0/",
                    "openapi_url": "https://raw.githubusercontent.com/openreferral/specification/v3.0/schema/openapi.json",
                });
                serde_json::to_writer_pretty(&mut *out, &index)?;
                out.write_all(b"\n")
            }
            File::Services => page(out, count, actors.map(|a| hsds.service(a))),
            File::Organizations => page(out, count, actors.map(|a| hsds.organization(a))),
            File::ServiceAtLocations => page(
                out,
                count,
                actors.map(|a| {
                    let mut record = hsds.service_at_location(a);
                    record.insert("service".to_owned(), hsds.service_summary(a));
                    Value::Object(record)
                }),
            ),
            File::Taxonomies => page(
                out,
                2,
                [Kind::Topic, Kind::TargetGroup]
                    .into_iter()
                    .map(|kind| hsds.taxonomy(kind)),
            ),
            File::TaxonomyTerms => {
                let config = &catalog.config;
                let count = config.topics.len() + config.target_groups.len();
                page(
                    out,
                    count,
                    hsds.terms().map(|(kind, c)| hsds.term(kind, c, true)),
                )
            }
        }
    }
}

/// A list endpoint's answer: one page with every record, one record per line.
fn page(
    out: &mut dyn Write,
    count: usize,
    records: impl Iterator<Item = Value>,
) -> std::io::Result<()> {
    let envelope = json!({
        "total_items": count,
        "total_pages": 1,
        "page_number": 1,
        "size": count,
        "first_page": true,
        "last_page": true,
        "empty": count == 0,
    });
    let envelope = serde_json::to_string(&envelope)?;
    // The envelope without its closing brace, then the records.
    out.write_all(&envelope.as_bytes()[..envelope.len() - 1])?;
    out.write_all(b",\"contents\":[")?;
    for (i, record) in records.enumerate() {
        out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *out, &record)?;
    }
    out.write_all(b"\n]}\n")
}

/// An object from `(key, value)` pairs, leaving out the empty ones (HSDS has no nulls).
fn object<const N: usize>(fields: [(&str, Option<Value>); N]) -> Map<String, Value> {
    fields
        .into_iter()
        .filter_map(|(key, value)| Some((key.to_owned(), value?)))
        .filter(|(_, value)| !matches!(value, Value::Array(a) if a.is_empty()))
        .collect()
}

/// A web address as a URI, which HSDS asks for: `check` accepts what browsers accept, such as
/// `https://bücher.example/Öffnungszeiten und Preise`; its normal form is ASCII
/// (`https://xn--bcher-kva.example/%C3%96ffnungszeiten%20und%20Preise`).
fn uri(address: &str) -> Option<Value> {
    url::Url::parse(address)
        .ok()
        .map(|url| Value::String(url.into()))
}

/// An e-mail address as HSDS asks for it (ASCII): an internationalised domain in its ASCII form
/// (`info@bücher.example` → `info@xn--bcher-kva.example`). An address whose local part is not
/// ASCII has no such form and is left out.
fn email(address: &str) -> Option<Value> {
    let (local, domain) = address.rsplit_once('@')?;
    let domain = url::Host::parse(domain).ok()?.to_string();
    let address = format!("{local}@{domain}");
    address.is_ascii().then_some(Value::String(address))
}

fn text(value: impl Into<String>) -> Option<Value> {
    Some(Value::String(value.into()))
}

/// A topic or a target group: the two taxonomies.
#[derive(Clone, Copy)]
enum Kind {
    Topic,
    TargetGroup,
}

impl Kind {
    /// The key in ids and HSDS's `link_type` of attributes.
    fn key(self) -> &'static str {
        match self {
            Kind::Topic => "topic",
            Kind::TargetGroup => "target_group",
        }
    }

    /// The i18n key of the taxonomy's name ("Themen").
    fn i18n_key(self) -> &'static str {
        match self {
            Kind::Topic => "topics",
            Kind::TargetGroup => "target_groups",
        }
    }
}

/// The catalogue and what every record needs of it.
struct Hsds<'a> {
    catalog: &'a Catalog,
    language: &'a str,
    base_url: &'a str,
}

impl<'a> Hsds<'a> {
    fn new(catalog: &'a Catalog) -> Hsds<'a> {
        Hsds {
            catalog,
            language: &catalog.config.source_language,
            base_url: catalog.config.base_url.trim_end_matches('/'),
        }
    }

    /// The stable id of the `entity` with `key`.
    fn id(&self, entity: &str, key: &str) -> Option<Value> {
        text(stable_id(self.base_url, entity, key).to_string())
    }

    fn i18n(&self, key: &'a str) -> &'a str {
        self.catalog.i18n.get(self.language, key)
    }

    fn local(&self, actor: &'a Actor) -> LocalActor<'a> {
        self.catalog.local(actor, self.language)
    }

    fn organization(&self, actor: &Actor) -> Value {
        let local = self.local(actor);
        let mut record = self.organization_fields(actor, &local);
        record.insert(
            "locations".to_owned(),
            Value::Array(vec![self.location(actor, &local)]),
        );
        Value::Object(record)
    }

    /// The organization without its locations (as nested in a service).
    fn organization_fields(&self, actor: &Actor, local: &LocalActor<'_>) -> Map<String, Value> {
        let id = self.id("organization", &actor.slug);
        let phones = actor.reach.phone.iter().map(|phone| {
            self.phone(
                &format!("{}/organization", actor.slug),
                phone,
                ("organization_id", id.clone()),
                None,
            )
        });
        object([
            ("id", id.clone()),
            ("name", text(&actor.name)),
            (
                "alternate_name",
                actor.short_name.clone().map(Value::String),
            ),
            ("description", text(local.summary.value)),
            ("email", actor.reach.email.as_deref().and_then(email)),
            ("website", actor.reach.website.as_deref().and_then(uri)),
            ("phones", Some(phones.collect())),
        ])
    }

    fn service(&self, actor: &Actor) -> Value {
        let local = self.local(actor);
        let mut record = self.service_fields(actor, &local);
        let id = self.id("service", &actor.slug);
        let mut phones: Vec<Value> = Vec::new();
        for (key, phone, kind) in [
            ("phone", &actor.reach.phone, None),
            ("whatsapp", &actor.reach.whatsapp, Some("WhatsApp")),
        ] {
            if let Some(phone) = phone {
                let mut value = self.phone(
                    &format!("{}/service/{key}", actor.slug),
                    phone,
                    ("service_id", id.clone()),
                    None,
                );
                if let (Some(kind), Value::Object(fields)) = (kind, &mut value) {
                    fields.insert("type".to_owned(), json!("text"));
                    fields.insert("description".to_owned(), json!(kind));
                }
                phones.push(value);
            }
        }
        let languages = actor.languages.iter().map(|code| {
            self.language_entry(
                &format!("{}/service/{code}", actor.slug),
                code,
                ("service_id", id.clone()),
            )
        });
        let contacts = actor.contacts.iter().enumerate().map(|(i, contact)| {
            let contact_id = self.id("contact", &format!("{}/{i}", actor.slug));
            let phones = contact.phone.iter().map(|phone| {
                self.phone(
                    &format!("{}/contact/{i}", actor.slug),
                    phone,
                    ("contact_id", contact_id.clone()),
                    Some(&contact.languages),
                )
            });
            let role = local.roles.get(i).copied().flatten();
            Value::Object(object([
                ("id", contact_id.clone()),
                ("service_id", id.clone()),
                ("name", text(&contact.name)),
                ("title", role.map(|r| json!(r.value))),
                ("email", contact.email.as_deref().and_then(email)),
                ("phones", Some(phones.collect())),
            ]))
        });
        let schedules = actor.consultation_hours.as_ref().map(|hours| {
            self.schedules(
                &format!("{}/consultation", actor.slug),
                hours,
                local.consultation_hours_note.map(|n| n.value),
                ("service_id", id.clone()),
            )
        });
        let organization = self.organization_fields(actor, &local);
        let mut at_location = self.service_at_location(actor);
        at_location.insert("location".to_owned(), self.location(actor, &local));
        let attributes = self.attributes(actor, id.clone());
        let extra = object([
            ("phones", Some(Value::Array(phones))),
            ("schedules", schedules.map(Value::Array)),
            (
                "service_at_locations",
                Some(json!([Value::Object(at_location)])),
            ),
            ("languages", Some(languages.collect())),
            ("organization", Some(Value::Object(organization))),
            ("contacts", Some(contacts.collect())),
            ("attributes", Some(Value::Array(attributes))),
        ]);
        record.extend(extra);
        Value::Object(record)
    }

    /// The service's own fields, without anything nested (as nested in a service_at_location).
    fn service_fields(&self, actor: &Actor, local: &LocalActor<'_>) -> Map<String, Value> {
        let mut description = local.description.value.trim_end().to_owned();
        if let Some(offers) = local.offers {
            description.push_str(&format!("\n\n## {}\n", self.i18n("offers")));
            for offer in offers.value {
                description.push_str(&format!("\n- {offer}"));
            }
        }
        let groups: Vec<&str> = actor
            .target_groups
            .iter()
            .filter_map(|id| self.category(Kind::TargetGroup, id))
            .map(|c| self.label(c))
            .collect();
        let reviewed = actor.last_reviewed.to_string();
        object([
            ("id", self.id("service", &actor.slug)),
            ("organization_id", self.id("organization", &actor.slug)),
            ("name", text(&actor.name)),
            (
                "alternate_name",
                actor.short_name.clone().map(Value::String),
            ),
            ("description", text(description)),
            ("url", uri(&local.url)),
            ("email", actor.reach.email.as_deref().and_then(email)),
            ("status", text("active")),
            ("fees_description", local.costs.map(|c| json!(c.value))),
            ("eligibility_description", Some(json!(groups.join(", ")))),
            ("assured_date", text(&reviewed)),
            ("last_modified", text(format!("{reviewed}T00:00:00Z"))),
        ])
    }

    /// The service as listed beside a service_at_location (`GET /service_at_locations`).
    fn service_summary(&self, actor: &Actor) -> Value {
        Value::Object(self.service_fields(actor, &self.local(actor)))
    }

    fn service_at_location(&self, actor: &Actor) -> Map<String, Value> {
        object([
            ("id", self.id("service_at_location", &actor.slug)),
            ("service_id", self.id("service", &actor.slug)),
            ("location_id", self.id("location", &actor.slug)),
        ])
    }

    fn location(&self, actor: &Actor, local: &LocalActor<'_>) -> Value {
        let id = self.id("location", &actor.slug);
        let address = &actor.address;
        let state = self.catalog.config.open_data.state.clone();
        let address = object([
            ("id", self.id("address", &actor.slug)),
            ("location_id", id.clone()),
            ("address_1", text(&address.street)),
            ("city", text(&address.city)),
            ("state_province", Some(json!(state.unwrap_or_default()))),
            ("postal_code", text(&address.postcode)),
            ("country", text("DE")),
            ("address_type", text("physical")),
        ]);
        let accessibility = actor.wheelchair.map(|wheelchair| {
            let label = format::wheelchair_label(wheelchair, &self.catalog.i18n, self.language);
            json!([Value::Object(object([
                ("id", self.id("accessibility", &actor.slug)),
                ("location_id", id.clone()),
                ("description", text(label)),
                ("details", local.accessibility_note.map(|n| json!(n.value))),
            ]))])
        });
        let schedules = actor.opening_hours.as_ref().map(|hours| {
            self.schedules(
                &format!("{}/opening", actor.slug),
                hours,
                local.opening_hours_note.map(|n| n.value),
                ("location_id", id.clone()),
            )
        });
        Value::Object(object([
            ("id", id.clone()),
            ("location_type", text("physical")),
            ("organization_id", self.id("organization", &actor.slug)),
            ("name", text(&actor.name)),
            ("transportation", local.transport.map(|t| json!(t.value))),
            ("latitude", actor.address.latitude.map(|l| json!(l))),
            ("longitude", actor.address.longitude.map(|l| json!(l))),
            ("addresses", Some(json!([Value::Object(address)]))),
            ("accessibility", accessibility),
            ("schedules", schedules.map(Value::Array)),
        ]))
    }

    /// A phone number in international form; `languages`: those spoken on it.
    fn phone(
        &self,
        key: &str,
        phone: &Phone,
        owner: (&str, Option<Value>),
        languages: Option<&[String]>,
    ) -> Value {
        let id = self.id("phone", key);
        let languages = languages.unwrap_or_default().iter().map(|code| {
            self.language_entry(&format!("{key}/{code}"), code, ("phone_id", id.clone()))
        });
        Value::Object(object([
            ("id", id.clone()),
            (owner.0, owner.1),
            ("number", text(&phone.international)),
            ("type", text("voice")),
            ("languages", Some(languages.collect())),
        ]))
    }

    fn language_entry(&self, key: &str, code: &str, owner: (&str, Option<Value>)) -> Value {
        Value::Object(object([
            ("id", self.id("language", key)),
            (owner.0, owner.1),
            ("name", text(format::language_name(self.catalog, code))),
            ("code", text(code)),
        ]))
    }

    /// One weekly schedule per time range (HSDS's RRULE fields: every week on `byday`), and
    /// one for "by appointment" with the note.
    fn schedules(
        &self,
        key: &str,
        hours: &Hours,
        note: Option<&str>,
        owner: (&str, Option<Value>),
    ) -> Vec<Value> {
        let i18n = &self.catalog.i18n;
        let mut schedules = Vec::new();
        for (i, slot) in hours.weekly.iter().enumerate() {
            let days = format::days_label(&slot.days, i18n, self.language);
            let byday: Vec<&str> = slot.days.iter().map(|d| rrule_day(*d)).collect();
            for (j, range) in slot.times.iter().enumerate() {
                let (from, to) = (range.from.to_string(), closing(range.to));
                let times =
                    i18n.format(self.language, "time_range", &[("from", &from), ("to", &to)]);
                schedules.push(Value::Object(object([
                    ("id", self.id("schedule", &format!("{key}/{i}/{j}"))),
                    (owner.0, owner.1.clone()),
                    ("freq", text("WEEKLY")),
                    ("wkst", text("MO")),
                    ("byday", text(byday.join(","))),
                    ("opens_at", text(from)),
                    ("closes_at", text(to)),
                    ("description", text(format!("{days} {times}"))),
                    ("notes", note.map(|n| json!(n))),
                ])));
            }
        }
        let appointment = hours
            .appointment
            .map(|a| format::appointment_label(a, i18n, self.language));
        if appointment.is_some() || (schedules.is_empty() && note.is_some()) {
            schedules.push(Value::Object(object([
                ("id", self.id("schedule", &format!("{key}/appointment"))),
                (owner.0, owner.1),
                ("description", appointment.map(|a| json!(a))),
                ("notes", note.map(|n| json!(n))),
            ])));
        }
        schedules
    }

    /// The attributes linking a service to its topics and target groups.
    fn attributes(&self, actor: &Actor, service_id: Option<Value>) -> Vec<Value> {
        let linked = actor
            .topics
            .iter()
            .map(|id| (Kind::Topic, id))
            .chain(actor.target_groups.iter().map(|id| (Kind::TargetGroup, id)));
        linked
            .filter_map(|(kind, id)| Some((kind, self.category(kind, id)?)))
            .map(|(kind, category)| {
                let term_key = format!("{}/{}", kind.key(), category.id);
                Value::Object(object([
                    (
                        "id",
                        self.id("attribute", &format!("{}/{term_key}", actor.slug)),
                    ),
                    ("link_id", service_id.clone()),
                    ("link_type", text(kind.key())),
                    ("link_entity", text("service")),
                    ("taxonomy_term_id", self.id("taxonomy_term", &term_key)),
                    ("taxonomy_term", Some(self.term(kind, category, false))),
                ]))
            })
            .collect()
    }

    fn category(&self, kind: Kind, id: &str) -> Option<&'a Category> {
        let all = match kind {
            Kind::Topic => &self.catalog.config.topics,
            Kind::TargetGroup => &self.catalog.config.target_groups,
        };
        all.iter().find(|c| c.id == id)
    }

    fn label(&self, category: &'a Category) -> &'a str {
        crate::catalog::category_label(category, self.catalog.fallbacks(self.language))
    }

    fn terms(&self) -> impl Iterator<Item = (Kind, &'a Category)> {
        let config = &self.catalog.config;
        let topics = config.topics.iter().map(|c| (Kind::Topic, c));
        topics.chain(config.target_groups.iter().map(|c| (Kind::TargetGroup, c)))
    }

    fn taxonomy(&self, kind: Kind) -> Value {
        let title = self
            .catalog
            .config
            .title
            .get(self.language)
            .map_or(self.catalog.config.town.as_str(), String::as_str);
        let name = self.i18n(kind.i18n_key());
        Value::Object(object([
            ("id", self.id("taxonomy", kind.key())),
            ("name", text(name)),
            ("description", text(format!("{title}: {name}"))),
        ]))
    }

    /// A topic or target group as a taxonomy term; `with_taxonomy`: with the taxonomy nested
    /// (in the list of terms; under a service's attributes its id is enough).
    fn term(&self, kind: Kind, category: &Category, with_taxonomy: bool) -> Value {
        let page = match kind {
            Kind::Topic => urls::topic(self.language, &category.id),
            Kind::TargetGroup => urls::target_group(self.language, &category.id),
        };
        let label = crate::catalog::category_label(category, self.catalog.fallbacks(self.language));
        Value::Object(object([
            (
                "id",
                self.id("taxonomy_term", &format!("{}/{}", kind.key(), category.id)),
            ),
            ("code", text(&category.id)),
            ("name", text(label)),
            (
                "description",
                text(format!("{}: {label}", self.i18n(kind.i18n_key()))),
            ),
            ("taxonomy_id", self.id("taxonomy", kind.key())),
            (
                "taxonomy_detail",
                with_taxonomy.then(|| self.taxonomy(kind)),
            ),
            ("language", text(self.language)),
            ("term_uri", uri(&urls::absolute(self.base_url, &page))),
        ]))
    }
}

/// The id of the `entity` with `key` in the export of the site at `base_url`.
fn stable_id(base_url: &str, entity: &str, key: &str) -> Uuid {
    Uuid::new_v5(&NAMESPACE, format!("{base_url}/{entity}/{key}").as_bytes())
}

/// The RFC 5545 day code ("MO").
fn rrule_day(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "MO",
        Weekday::Tuesday => "TU",
        Weekday::Wednesday => "WE",
        Weekday::Thursday => "TH",
        Weekday::Friday => "FR",
        Weekday::Saturday => "SA",
        Weekday::Sunday => "SU",
    }
}

/// A closing time as HSDS writes it: "24:00" as "23:59" (its advice for open until midnight).
fn closing(time: TimeOfDay) -> String {
    if time.0 >= 24 * 60 {
        "23:59".to_owned()
    } else {
        time.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn midnight_closes_at_23_59_as_hsds_advises() {
        assert_eq!(closing(TimeOfDay(24 * 60)), "23:59");
        assert_eq!(closing(TimeOfDay(17 * 60 + 30)), "17:30");
    }

    #[test]
    fn addresses_take_their_ascii_form_or_are_left_out() {
        assert_eq!(
            email("info@bücher.example"),
            Some(json!("info@xn--bcher-kva.example"))
        );
        assert_eq!(email("jürgen@example.org"), None);
        assert_eq!(
            uri("https://example.org/a b"),
            Some(json!("https://example.org/a%20b"))
        );
    }

    #[test]
    fn ids_depend_on_entity_key_and_base_url_only() {
        let id = stable_id;
        let a = id("https://a.example", "service", "jobcenter");
        assert_eq!(a, id("https://a.example", "service", "jobcenter"));
        assert_ne!(a, id("https://b.example", "service", "jobcenter"));
        assert_ne!(a, id("https://a.example", "location", "jobcenter"));
        assert_eq!(a.get_version_num(), 5);
    }
}
