//! schema.org JSON-LD for an actor page: GovernmentOffice or Organization with PostalAddress,
//! ContactPoint (with availableLanguage) and OpeningHoursSpecification.

use serde_json::{Value, json};

use crate::catalog::{Actor, Hours};
use crate::model::profile::Kind;

/// The JSON-LD of `actor`, serialised so that it cannot end its `<script>` element.
pub fn actor_jsonld(actor: &Actor, summary: &str, page_url: &str, language: &str) -> String {
    let kind = match actor.kind {
        Kind::Authority => "GovernmentOffice",
        Kind::School => "EducationalOrganization",
        Kind::Association | Kind::Initiative => "NGO",
        Kind::Chamber | Kind::Counselling | Kind::Other => "Organization",
    };
    let mut document = json!({
        "@context": "https://schema.org",
        "@type": kind,
        "@id": page_url,
        "url": page_url,
        "name": actor.name,
        "description": summary,
        "inLanguage": language,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": actor.address.street,
            "postalCode": actor.address.postcode,
            "addressLocality": actor.address.city,
            "addressCountry": "DE",
        },
    });
    let object = document.as_object_mut().expect("a JSON object");
    if let (Some(lat), Some(lon)) = (actor.address.latitude, actor.address.longitude) {
        object.insert(
            "geo".into(),
            json!({"@type": "GeoCoordinates", "latitude": lat, "longitude": lon}),
        );
    }
    if let Some(phone) = &actor.reach.phone {
        object.insert("telephone".into(), phone.international.clone().into());
    }
    if let Some(email) = &actor.reach.email {
        object.insert("email".into(), email.clone().into());
    }
    if let Some(website) = &actor.reach.website {
        object.insert("sameAs".into(), website.clone().into());
    }
    if let Some(operator) = &actor.operator {
        object.insert(
            "parentOrganization".into(),
            json!({"@type": "Organization", "name": operator}),
        );
    }
    let contact_points: Vec<Value> = actor
        .contacts
        .iter()
        .map(|person| {
            let mut point = json!({
                "@type": "ContactPoint",
                "name": person.name,
                "availableLanguage": person.languages,
            });
            let point_object = point.as_object_mut().expect("a JSON object");
            if let Some(phone) = &person.phone {
                point_object.insert("telephone".into(), phone.international.clone().into());
            }
            if let Some(email) = &person.email {
                point_object.insert("email".into(), email.clone().into());
            }
            point
        })
        .collect();
    if !contact_points.is_empty() {
        object.insert("contactPoint".into(), contact_points.into());
    }
    if !actor.languages.is_empty() {
        object.insert("knowsLanguage".into(), json!(actor.languages));
    }
    if let Some(hours) = &actor.opening_hours {
        let specification = opening_hours(hours);
        if !specification.is_empty() {
            object.insert("openingHoursSpecification".into(), specification.into());
        }
    }
    script_safe_json(&document)
}

fn opening_hours(hours: &Hours) -> Vec<Value> {
    hours
        .weekly
        .iter()
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
                    "opens": range.from.to_string(),
                    "closes": range.to.to_string(),
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
}
