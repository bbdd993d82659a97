//! schema.org JSON-LD: one `@graph` per page with the WebSite (the site in the page's language),
//! the WebPage, the BreadcrumbList of the trail the page shows and, on actor pages, the actor.
//!
//! Every property is one schema.org defines for the type it is on (tests/web_standards.rs
//! validates every block of the built site against the vocabulary): the actor is a
//! GovernmentOffice or EducationalOrganization (both Places, so they carry `geo` and
//! `openingHoursSpecification` themselves) or an Organization/NGO, whose `location` Place carries
//! them; languages are `availableLanguage` of ContactPoints and `knowsLanguage` of the
//! organisation, and `inLanguage` belongs to the WebPage.

use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::catalog::{Hours, LocalActor};
use crate::model::profile::Address;
use crate::model::profile::Kind;
use crate::urls::absolute;

/// One step of a page's breadcrumb trail, as the page shows it and as JSON-LD names it.
#[derive(Debug, Clone, Serialize)]
pub struct Crumb {
    pub name: String,
    /// Root-relative URL of the step: `/de/topic/work/`.
    pub url: String,
    /// The language of `name` when it differs from the page's (an actor's German name).
    pub lang: Option<String>,
}

/// What the JSON-LD says about any page.
pub struct Page<'a> {
    /// `WebPage`, or `CollectionPage` for listings.
    pub schema_type: &'static str,
    pub name: &'a str,
    /// Root-relative URL of the page.
    pub url: &'a str,
    pub language: &'a str,
    pub base_url: &'a str,
    /// The site's title in the page's language.
    pub site_name: &'a str,
    /// Root-relative URL of the language's home page.
    pub home: &'a str,
    /// From the home page to this page (last); empty where the page shows no trail.
    pub trail: &'a [Crumb],
}

/// What a page is about: its node and the day its content was last checked.
pub struct MainEntity {
    node: Value,
    last_reviewed: String,
}

/// The `@graph` of a page, serialised for an inline `<script>`; `main_entity` (from
/// [`actor_entity`]) is what the page is about.
pub fn page_graph(page: &Page<'_>, main_entity: Option<MainEntity>) -> String {
    let url = absolute(page.base_url, page.url);
    let website_id = format!("{}#website", absolute(page.base_url, page.home));
    let mut web_page = json!({
        "@type": page.schema_type,
        "@id": url,
        "url": url,
        "name": page.name,
        "inLanguage": page.language,
        "isPartOf": {"@id": website_id},
    });
    let fields = web_page.as_object_mut().expect("a JSON object");
    let mut graph = vec![json!({
        "@type": "WebSite",
        "@id": website_id,
        "url": absolute(page.base_url, page.home),
        "name": page.site_name,
        "inLanguage": page.language,
    })];
    if !page.trail.is_empty() {
        let id = format!("{url}#breadcrumb");
        fields.insert("breadcrumb".into(), json!({"@id": id}));
        let items: Vec<Value> = page
            .trail
            .iter()
            .zip(1..)
            .map(|(crumb, position)| {
                json!({
                    "@type": "ListItem",
                    "position": position,
                    "name": crumb.name,
                    "item": {"@id": absolute(page.base_url, &crumb.url)},
                })
            })
            .collect();
        graph.push(json!({"@type": "BreadcrumbList", "@id": id, "itemListElement": items}));
    }
    if let Some(entity) = main_entity {
        fields.insert("mainEntity".into(), json!({"@id": entity.node["@id"]}));
        fields.insert("lastReviewed".into(), entity.last_reviewed.into());
        graph.push(entity.node);
    }
    graph.insert(1, web_page);
    script_safe_json(&json!({"@context": "https://schema.org", "@graph": graph}))
}

/// The actor of `local` as a schema.org organisation node, `@id` `<page>#organization`;
/// `logo` is its absolute URL.
pub fn actor_entity(local: &LocalActor<'_>, logo: Option<String>) -> MainEntity {
    let actor = local.actor;
    let (kind, is_place) = match actor.kind {
        Kind::Authority => ("GovernmentOffice", true),
        Kind::School => ("EducationalOrganization", true),
        Kind::Association | Kind::Initiative => ("NGO", false),
        Kind::Chamber | Kind::Counselling | Kind::Other => ("Organization", false),
    };
    let mut node = Map::new();
    let mut put = |key: &str, value: Value| {
        node.insert(key.to_owned(), value);
    };
    put("@type", kind.into());
    put("@id", format!("{}#organization", local.url).into());
    // Its own website is its `url`; this page is the one about it.
    let url = actor.reach.website.as_ref().unwrap_or(&local.url);
    put("url", url.clone().into());
    put("mainEntityOfPage", json!({"@id": local.url}));
    put("name", actor.name.clone().into());
    if let Some(short) = &actor.short_name {
        put("alternateName", short.clone().into());
    }
    put("description", local.summary.value.into());
    put("address", postal_address(&actor.address));
    if let Some(logo) = logo {
        put("logo", logo.into());
    }
    if let Some(phone) = &actor.reach.phone {
        put("telephone", phone.international.clone().into());
    }
    if let Some(email) = &actor.reach.email {
        put("email", email.clone().into());
    }
    if let Some(operator) = &actor.operator {
        put(
            "parentOrganization",
            json!({"@type": "Organization", "name": operator}),
        );
    }
    if !actor.languages.is_empty() {
        put("knowsLanguage", json!(actor.languages));
    }
    let contact_points = contact_points(local);
    if !contact_points.is_empty() {
        put("contactPoint", contact_points.into());
    }
    let mut place = Map::new();
    if let (Some(lat), Some(lon)) = (actor.address.latitude, actor.address.longitude) {
        place.insert(
            "geo".into(),
            json!({"@type": "GeoCoordinates", "latitude": lat, "longitude": lon}),
        );
    }
    let hours = opening_hours(actor.opening_hours.as_ref());
    if !hours.is_empty() {
        place.insert("openingHoursSpecification".into(), hours.into());
    }
    if is_place {
        node.extend(place);
    } else if !place.is_empty() {
        place.insert("@type".into(), "Place".into());
        place.insert("address".into(), postal_address(&actor.address));
        node.insert("location".into(), place.into());
    }
    MainEntity {
        node: node.into(),
        last_reviewed: actor.last_reviewed.to_string(),
    }
}

fn postal_address(address: &Address) -> Value {
    json!({
        "@type": "PostalAddress",
        "streetAddress": address.street,
        "postalCode": address.postcode,
        "addressLocality": address.city,
        "addressCountry": "DE",
    })
}

/// The general contact (phone, e-mail, languages of service, consultation hours) and one
/// ContactPoint per contact person with the role in the page's language.
fn contact_points(local: &LocalActor<'_>) -> Vec<Value> {
    let actor = local.actor;
    let mut general = Map::new();
    if let Some(phone) = &actor.reach.phone {
        general.insert("telephone".into(), phone.international.clone().into());
    }
    if let Some(email) = &actor.reach.email {
        general.insert("email".into(), email.clone().into());
    }
    let consultation = opening_hours(actor.consultation_hours.as_ref());
    if !consultation.is_empty() {
        general.insert("hoursAvailable".into(), consultation.into());
    }
    let mut points = Vec::new();
    if !general.is_empty() {
        general.insert("@type".into(), "ContactPoint".into());
        if !actor.languages.is_empty() {
            general.insert("availableLanguage".into(), json!(actor.languages));
        }
        points.push(general.into());
    }
    points.extend(
        actor
            .contacts
            .iter()
            .zip(&local.roles)
            .map(|(person, role)| {
                let mut point = json!({"@type": "ContactPoint", "name": person.name});
                let fields = point.as_object_mut().expect("a JSON object");
                if let Some(role) = role {
                    fields.insert("contactType".into(), role.value.into());
                }
                if !person.languages.is_empty() {
                    fields.insert("availableLanguage".into(), json!(person.languages));
                }
                if let Some(phone) = &person.phone {
                    fields.insert("telephone".into(), phone.international.clone().into());
                }
                if let Some(email) = &person.email {
                    fields.insert("email".into(), email.clone().into());
                }
                point
            }),
    );
    points
}

/// One OpeningHoursSpecification per time range; days without times (closed) have none.
fn opening_hours(hours: Option<&Hours>) -> Vec<Value> {
    hours
        .into_iter()
        .flat_map(|hours| &hours.weekly)
        .flat_map(|slot| {
            let days: Vec<String> = slot
                .days
                .iter()
                .map(|d| format!("https://schema.org/{}", d.english_name()))
                .collect();
            slot.times.iter().map(move |range| {
                json!({
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": days,
                    // schema.org Time is hh:mm:ss.
                    "opens": format!("{}:00", range.from),
                    "closes": format!("{}:00", range.to),
                })
            })
        })
        .collect()
}

/// JSON for an inline `<script>`: `<`, `>` and `&` become `\u003c` etc., so no text can close
/// the element or open a comment; the JSON value is unchanged.
pub fn script_safe_json(value: &Value) -> String {
    serde_json::to_string(value)
        .expect("a JSON value serialises")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_closing_text_is_escaped_but_json_is_unchanged() {
        let value = json!({"name": "</script><script>alert(1)</script> & <!--"});
        let text = script_safe_json(&value);
        assert!(!text.contains("</script"));
        assert!(!text.contains("<!--"));
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn the_trail_becomes_a_breadcrumb_list_of_absolute_urls() {
        let trail = [
            Crumb {
                name: "Start".into(),
                url: "/de/".into(),
                lang: None,
            },
            Crumb {
                name: "A–Z".into(),
                url: "/de/a-z/".into(),
                lang: None,
            },
        ];
        let page = Page {
            schema_type: "CollectionPage",
            name: "A–Z",
            url: "/de/a-z/",
            language: "de",
            base_url: "https://example.org/site/",
            site_name: "Site",
            home: "/de/",
            trail: &trail,
        };
        let graph: Value = serde_json::from_str(&page_graph(&page, None)).unwrap();
        let nodes = graph["@graph"].as_array().unwrap();
        let types: Vec<&str> = nodes.iter().map(|n| n["@type"].as_str().unwrap()).collect();
        assert_eq!(types, ["WebSite", "CollectionPage", "BreadcrumbList"]);
        assert_eq!(
            nodes[1]["breadcrumb"]["@id"],
            "https://example.org/site/de/a-z/#breadcrumb"
        );
        assert_eq!(
            nodes[2]["itemListElement"][1]["item"]["@id"],
            "https://example.org/site/de/a-z/"
        );
        assert_eq!(nodes[2]["itemListElement"][1]["position"], 2);
    }
}
