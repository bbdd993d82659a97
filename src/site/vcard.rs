//! vCard 3.0 files (RFC 2426) for phones' address books: one file per actor and language with a
//! card for the organisation and one per contact person.
//!
//! 3.0, not 4.0: the contacts app of Android (AOSP and the apps built on it) refuses vCard 4.0
//! files ("the format isn't supported") and imports 3.0, as do iOS, macOS, Google Contacts and
//! Outlook. Every card has the properties 3.0 requires, `N` and `FN`; the organisation's `N` is
//! empty and `X-ABShowAs:COMPANY` marks it as a company, as Apple's address books write one (3.0
//! has no `KIND`). `UID`s are derived from the site's address and the actor's slug (and the
//! person's name), so a card imported again, from any language, can update the one already in
//! the address book instead of adding a copy.

use sha2::{Digest, Sha256};

use crate::catalog::{Catalog, LocalActor};
use crate::format;

/// The vCard file of an actor: one card for the organisation, one per contact person, with the
/// roles and the languages in the reader's language.
pub fn actor_vcard(catalog: &Catalog, local: &LocalActor<'_>) -> String {
    let (actor, base_url) = (local.actor, catalog.config.base_url.as_str());
    let address = format!(
        "ADR;TYPE=WORK:;;{};{};;{};DE",
        escape(&actor.address.street),
        escape(&actor.address.city),
        escape(&actor.address.postcode)
    );
    let languages = |key: &str, codes: &[String]| {
        (!codes.is_empty()).then(|| {
            let names: Vec<&str> = codes
                .iter()
                .map(|code| format::language_name(catalog, code))
                .collect();
            let label = catalog.i18n.get(local.language, key);
            format!("NOTE:{}", escape(&format!("{label}: {}", names.join(", "))))
        })
    };
    let mut organisation = vec![
        format!("UID:{}", uid(&[base_url, &actor.slug])),
        "N:;;;;".to_owned(),
        format!("FN:{}", escape(&actor.name)),
        format!("ORG:{}", escape(&actor.name)),
        "X-ABShowAs:COMPANY".to_owned(),
        address.clone(),
    ];
    if let (Some(lat), Some(lon)) = (actor.address.latitude, actor.address.longitude) {
        organisation.push(format!("GEO:{lat};{lon}"));
    }
    if let Some(phone) = &actor.reach.phone {
        organisation.push(format!("TEL;TYPE=WORK,VOICE:{}", phone.international));
    }
    if let Some(email) = &actor.reach.email {
        organisation.push(format!("EMAIL;TYPE=INTERNET,WORK:{}", escape(email)));
    }
    organisation.push(format!("URL:{}", unescaped(&local.url)));
    if let Some(website) = &actor.reach.website {
        organisation.push(format!("URL;TYPE=WORK:{}", unescaped(website)));
    }
    organisation.extend(languages("languages_of_service", &actor.languages));
    let mut out = String::new();
    push_card(&mut out, &organisation);
    for (person, role) in actor.contacts.iter().zip(&local.roles) {
        let (given, family) = match person.name.rsplit_once(' ') {
            Some((given, family)) => (given, family),
            None => ("", person.name.as_str()),
        };
        let mut card = vec![
            format!("UID:{}", uid(&[base_url, &actor.slug, &person.name])),
            format!("N:{};{};;;", escape(family), escape(given)),
            format!("FN:{}", escape(&person.name)),
            format!("ORG:{}", escape(&actor.name)),
        ];
        if let Some(role) = role {
            card.push(format!("TITLE:{}", escape(role.value)));
        }
        if let Some(phone) = &person.phone {
            card.push(format!("TEL;TYPE=WORK,VOICE:{}", phone.international));
        }
        if let Some(email) = &person.email {
            card.push(format!("EMAIL;TYPE=INTERNET,WORK:{}", escape(email)));
        }
        card.push(address.clone());
        card.extend(languages("languages_spoken", &person.languages));
        push_card(&mut out, &card);
    }
    out
}

/// A `urn:uuid:` from the SHA-256 of `parts` (a name-based UUID with the version nibble 8, RFC
/// 9562 §5.8): the same parts always give the same UID.
fn uid(parts: &[&str]) -> String {
    let digest = Sha256::digest(parts.join("\n").as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "urn:uuid:{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

/// Escapes text values (RFC 2426 §4, as RFC 6350 §3.4): backslash, comma, semicolon, newline.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(',', "\\,")
        .replace(';', "\\;")
        .replace("\r\n", "\\n")
        .replace(['\n', '\r'], "\\n")
}

/// A value vCard does not escape (a URI); line breaks (never in a checked URL) would end the
/// property, so they are dropped.
fn unescaped(text: &str) -> String {
    text.replace(['\n', '\r'], "")
}

/// Appends a card (`BEGIN`, `VERSION`, `lines`, `END`) with CRLF line ends, folded at 75 octets
/// without splitting characters (RFC 2426 §2.6, RFC 6350 §3.2).
fn push_card(out: &mut String, lines: &[String]) {
    let frame = ["BEGIN:VCARD", "VERSION:3.0"].map(str::to_owned);
    for line in frame.iter().chain(lines).chain([&"END:VCARD".to_owned()]) {
        let mut width = 0;
        for c in line.chars() {
            if width + c.len_utf8() > 75 {
                out.push_str("\r\n ");
                width = 1;
            }
            out.push(c);
            width += c.len_utf8();
        }
        out.push_str("\r\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_folds() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let mut out = String::new();
        push_card(&mut out, &["X:".to_owned() + &"ä".repeat(60)]);
        assert!(out.split("\r\n").all(|l| l.len() <= 75), "{out}");
        assert!(out.starts_with("BEGIN:VCARD\r\nVERSION:3.0\r\nX:"), "{out}");
        assert!(out.ends_with("\r\nEND:VCARD\r\n"), "{out}");
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(
            unfolded.lines().nth(2).unwrap(),
            "X:".to_owned() + &"ä".repeat(60)
        );
    }

    #[test]
    fn uids_are_stable_uuids() {
        let a = uid(&["https://example.org/", "jobcenter"]);
        assert_eq!(a, uid(&["https://example.org/", "jobcenter"]));
        assert_ne!(a, uid(&["https://example.org/", "jobcenter", "Eva Muster"]));
        let uuid = a.strip_prefix("urn:uuid:").unwrap();
        assert_eq!(uuid.len(), 36);
        assert_eq!(&uuid[14..15], "8", "version 8");
        assert!(
            matches!(&uuid[19..20], "8" | "9" | "a" | "b"),
            "RFC variant"
        );
    }
}
