//! What templates see: the catalogue resolved for one language, with every string already
//! translated (or marked as German fallback) and every value formatted.

use serde::Serialize;

use crate::catalog::{Actor, Catalog, Hours, LocalActor, Localized, Phone, Reach, category_label};
use crate::config::Category;
use crate::format;
use crate::markdown;
use crate::urls;

/// A text in the reader's language, or in the source language with `fallback` set.
#[derive(Debug, Clone, Serialize)]
pub struct Text {
    pub text: String,
    /// The language the text is in (set when it differs from the page's).
    pub lang: String,
    pub fallback: bool,
}

impl Text {
    fn from<T: ?Sized + ToString>(localized: Localized<'_, T>) -> Text {
        Text {
            text: localized.value.to_string(),
            lang: localized.language.to_owned(),
            fallback: localized.is_fallback,
        }
    }
}

/// Rendered Markdown in the reader's language or as fallback.
#[derive(Debug, Clone, Serialize)]
pub struct Html {
    pub html: String,
    pub lang: String,
    pub fallback: bool,
    /// A title, for pages.
    pub title: String,
}

/// A list (offers) in the reader's language or as fallback.
#[derive(Debug, Clone, Serialize)]
pub struct List {
    pub items: Vec<String>,
    pub lang: String,
    pub fallback: bool,
}

/// A link to a listing.
#[derive(Debug, Clone, Serialize)]
pub struct CategoryLink {
    pub id: String,
    pub label: String,
    pub url: String,
    pub count: usize,
}

/// A spoken language named in its own script.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageName {
    pub code: String,
    pub name: String,
}

/// Opening or consultation hours, formatted.
#[derive(Debug, Clone, Serialize)]
pub struct HoursView {
    pub id: &'static str,
    pub rows: Vec<format::HoursRow>,
    pub appointment: Option<String>,
    pub note: Option<Text>,
}

/// A contact person.
#[derive(Debug, Clone, Serialize)]
pub struct PersonView {
    pub name: String,
    pub role: Option<Text>,
    pub phone: Option<Phone>,
    pub email: Option<String>,
    pub languages: Vec<LanguageName>,
}

/// The address with a link to the map.
#[derive(Debug, Clone, Serialize)]
pub struct AddressView {
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub map_url: String,
}

/// Accessibility information.
#[derive(Debug, Clone, Serialize)]
pub struct AccessibilityView {
    pub label: String,
    pub note: Option<Text>,
}

/// An actor in one language: everything its page shows.
#[derive(Debug, Clone, Serialize)]
pub struct ActorView {
    pub slug: String,
    pub url: String,
    pub name: String,
    pub operator: Option<String>,
    pub summary: Text,
    pub description: Html,
    pub offers: Option<List>,
    pub costs: Option<Text>,
    pub contacts: Vec<PersonView>,
    pub address: AddressView,
    pub opening_hours: Option<HoursView>,
    pub consultation_hours: Option<HoursView>,
    #[serde(flatten)]
    pub reach: Reach,
    /// The website without scheme, for display.
    pub website_label: Option<String>,
    pub languages: Vec<LanguageName>,
    pub accessibility: Option<AccessibilityView>,
    pub transport: Option<Text>,
    pub last_reviewed: String,
    pub topics: Vec<CategoryLink>,
    pub target_groups: Vec<CategoryLink>,
    pub vcard: String,
    /// The logo's URL, when the actor has one.
    pub logo: Option<String>,
    /// The opening hours per weekday for the page's script (see [`week_json`]).
    pub week: Option<String>,
    /// A `mailto:` link to the editors, pre-filled with this page, when the site has a
    /// feedback address.
    pub feedback: Option<String>,
    /// Whether some text of this language variant (Leichte Sprache) is its base language's
    /// (standard German); the page says so once instead of marking each field.
    pub uses_base: bool,
}

/// A short entry in listings and search.
#[derive(Debug, Clone, Serialize)]
pub struct ActorSummary {
    pub slug: String,
    pub name: String,
    pub url: String,
    pub summary: Text,
    pub phone: Option<Phone>,
    pub address: AddressView,
    /// The opening hours per weekday for the page's script (see [`week_json`]).
    pub week: Option<String>,
}

/// An important phone number (emergency, helplines) with its label in the reader's language.
#[derive(Debug, Clone, Serialize)]
pub struct NumberView {
    pub label: Text,
    pub phone: Phone,
}

/// Builds views for one language.
pub struct Viewer<'a> {
    pub catalog: &'a Catalog,
    pub language: &'a str,
}

impl<'a> Viewer<'a> {
    fn source(&self) -> &'a str {
        &self.catalog.config.source_language
    }

    fn fallbacks(&self) -> crate::config::Fallbacks<'a> {
        self.catalog.fallbacks(self.language)
    }

    fn t(&self, key: &'a str) -> &'a str {
        self.catalog.i18n.get(self.language, key)
    }

    /// Link to the listing of a topic or target group.
    pub fn category_link(&self, category: &Category, url: String, count: usize) -> CategoryLink {
        CategoryLink {
            id: category.id.clone(),
            label: category_label(category, self.fallbacks()).to_owned(),
            url,
            count,
        }
    }

    fn languages(&self, codes: &[String]) -> Vec<LanguageName> {
        codes
            .iter()
            .map(|code| LanguageName {
                code: code.clone(),
                name: format::language_name(self.catalog, code).to_owned(),
            })
            .collect()
    }

    fn hours(
        &self,
        id: &'static str,
        hours: Option<&Hours>,
        note: Option<Text>,
    ) -> Option<HoursView> {
        let hours = hours?;
        let i18n = &self.catalog.i18n;
        let view = HoursView {
            id,
            rows: format::hours_rows(hours, i18n, self.language),
            appointment: hours
                .appointment
                .map(|a| format::appointment_label(a, i18n, self.language).to_owned()),
            note,
        };
        let empty = view.rows.is_empty() && view.appointment.is_none() && view.note.is_none();
        (!empty).then_some(view)
    }

    /// The short entry for listings.
    pub fn summary(&self, actor: &'a Actor) -> ActorSummary {
        ActorSummary {
            slug: actor.slug.clone(),
            name: actor.name.clone(),
            url: rel(&urls::actor(self.language, &actor.slug)),
            summary: Text::from(actor.summary(self.fallbacks())),
            phone: actor.reach.phone.clone(),
            address: address_view(&actor.address),
            week: week_json(actor.opening_hours.as_ref()),
        }
    }

    /// The important numbers of `content/numbers.yaml`, labelled in the reader's language.
    pub fn numbers(&self) -> Vec<NumberView> {
        self.catalog
            .numbers
            .iter()
            .map(|number| {
                let languages = self.fallbacks();
                let (text, language) = languages
                    .pick(&number.label)
                    .map_or(("", self.source()), |(label, code)| (label.as_str(), code));
                NumberView {
                    label: Text {
                        text: text.to_owned(),
                        lang: language.to_owned(),
                        fallback: !languages.is_own(language),
                    },
                    phone: number.phone.clone(),
                }
            })
            .collect()
    }

    /// A `mailto:` link to `address` about `actor`'s page: the subject names the actor and the
    /// language, the body holds the page's address and asks what is wrong.
    pub fn feedback(&self, actor: &Actor, address: &str, page_url: &str) -> String {
        let subject = format!("Steckbrief: {} [{}]", actor.name, self.language);
        let body = format!("{page_url}\n\n{}\n", self.t("feedback_body"));
        format!(
            "mailto:{address}?subject={}&body={}",
            mailto_encode(&subject),
            mailto_encode(&body)
        )
    }

    /// Everything the actor's page shows.
    pub fn actor(&self, local: &LocalActor<'a>, logo: Option<String>) -> ActorView {
        let config = &self.catalog.config;
        let actor = local.actor;
        let text = |text: Option<Localized<'_, str>>| text.map(Text::from);
        let contacts = actor
            .contacts
            .iter()
            .zip(&local.roles)
            .map(|(person, role)| PersonView {
                name: person.name.clone(),
                role: text(*role),
                phone: person.phone.clone(),
                email: person.email.clone(),
                languages: self.languages(&person.languages),
            })
            .collect();
        let categories = |ids: &[String], all: &[Category], url: fn(&str, &str) -> String| {
            ids.iter()
                .filter_map(|id| all.iter().find(|c| &c.id == id))
                .map(|c| self.category_link(c, rel(&url(self.language, &c.id)), 0))
                .collect::<Vec<_>>()
        };
        ActorView {
            slug: actor.slug.clone(),
            url: rel(&local.path),
            name: actor.name.clone(),
            operator: actor.operator.clone(),
            summary: Text::from(local.summary),
            description: Html {
                html: markdown::to_html(
                    &self
                        .catalog
                        .markdown(local.description.language, local.description.value),
                    3,
                ),
                lang: local.description.language.to_owned(),
                fallback: local.description.is_fallback,
                title: String::new(),
            },
            offers: local.offers.map(|l| List {
                items: l.value.to_vec(),
                lang: l.language.to_owned(),
                fallback: l.is_fallback,
            }),
            costs: text(local.costs),
            contacts,
            address: address_view(&actor.address),
            opening_hours: self.hours(
                "opening-hours",
                actor.opening_hours.as_ref(),
                text(local.opening_hours_note),
            ),
            consultation_hours: self.hours(
                "consultation-hours",
                actor.consultation_hours.as_ref(),
                text(local.consultation_hours_note),
            ),
            reach: actor.reach.clone(),
            website_label: actor.reach.website.as_ref().map(|w| {
                w.trim_start_matches("https://")
                    .trim_start_matches("http://")
                    .trim_end_matches('/')
                    .to_owned()
            }),
            languages: self.languages(&actor.languages),
            accessibility: actor.wheelchair.map(|w| AccessibilityView {
                label: format::wheelchair_label(w, &self.catalog.i18n, self.language).to_owned(),
                note: text(local.accessibility_note),
            }),
            transport: text(local.transport),
            last_reviewed: self.catalog.i18n.format(
                self.language,
                "last_reviewed",
                &[(
                    "date",
                    &format::date(actor.last_reviewed, &self.catalog.i18n, self.language),
                )],
            ),
            topics: categories(&actor.topics, &config.topics, urls::topic),
            target_groups: categories(
                &actor.target_groups,
                &config.target_groups,
                urls::target_group,
            ),
            vcard: rel(&urls::vcard(self.language, &actor.slug)),
            logo,
            week: week_json(actor.opening_hours.as_ref()),
            feedback: None,
            uses_base: local.uses_base(),
        }
    }

    /// A content page in the reader's language or as fallback.
    pub fn page(&self, page: &crate::catalog::Page) -> Html {
        let (text, language, fallback) = page.version(self.fallbacks());
        Html {
            html: markdown::to_html(&self.catalog.markdown(language, &text.body), 2),
            lang: language.to_owned(),
            fallback,
            title: text.title.clone(),
        }
    }

    /// The intro text of the home page.
    pub fn intro(&self) -> String {
        self.catalog.i18n.format(
            self.language,
            "intro_text",
            &[("town", &self.catalog.config.town)],
        )
    }

    /// "12 Einrichtungen".
    pub fn count_label(&self, count: usize) -> String {
        self.catalog.i18n.format(
            self.language,
            "actor_count",
            &[("count", &count.to_string())],
        )
    }

    /// A UI string.
    pub fn string(&self, key: &'a str) -> &'a str {
        self.t(key)
    }
}

/// A site URL ("/de/x/") as templates use it: relative to the root prefix ("de/x/").
pub fn rel(url: &str) -> String {
    url.trim_start_matches('/').to_owned()
}

/// Percent-encodes a query value.
fn url_encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Percent-encodes a `mailto:` header value (RFC 6068): spaces as `%20`, not `+`, which mail
/// programs would show literally.
fn mailto_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The address with a link to openstreetmap.org: to the coordinates if known, else a search.
fn address_view(address: &crate::model::profile::Address) -> AddressView {
    let map_url = match (address.latitude, address.longitude) {
        (Some(lat), Some(lon)) => {
            format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}")
        }
        _ => format!(
            "https://www.openstreetmap.org/search?query={}",
            url_encode(&format!(
                "{}, {} {}",
                address.street, address.postcode, address.city
            ))
        ),
    };
    AddressView {
        street: address.street.clone(),
        postcode: address.postcode.clone(),
        city: address.city.clone(),
        map_url,
    }
}

/// The weekly opening hours as JSON for the page's script, which says "open now" and shows
/// today's hours: seven lists (Monday first) of `[from, to]` in minutes after midnight, local
/// time in Germany. `None` when there are no weekly hours to go by.
pub fn week_json(hours: Option<&Hours>) -> Option<String> {
    let hours = hours.filter(|h| !h.weekly.is_empty())?;
    let mut week: [Vec<[u16; 2]>; 7] = Default::default();
    for slot in &hours.weekly {
        for day in &slot.days {
            week[*day as usize].extend(slot.times.iter().map(|r| [r.from.0, r.to.0]));
        }
    }
    for day in &mut week {
        day.sort_unstable();
    }
    Some(serde_json::to_string(&week).expect("numbers serialise"))
}
