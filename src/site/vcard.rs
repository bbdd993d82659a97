//! vCard 4.0 files (RFC 6350) for phones' address books: one file per actor and language with a
//! card for the organisation (`KIND:org`) and one per contact person (`KIND:individual`).
//!
//! Every card has `N` and `FN` (an organisation's `N` is empty, as address books write it for
//! companies; `X-ABShowAs:COMPANY` makes Apple's show it as one). `UID`s are derived from the
//! site's address and the actor's slug (and the person's name), so a card imported again, from
//! any language, updates the one already in the address book instead of adding a copy.

use sha2::{Digest, Sha256};

use crate::catalog::LocalActor;

/// The vCard file of an actor: one card for the organisation, one per contact person, with the
/// roles in the reader's language.
pub fn actor_vcard(local: &LocalActor<'_>, base_url: &str) -> String {
    let actor = local.actor;
    let address = format!(
        "ADR;TYPE=work:;;{};{};;{};DE",
        escape(&actor.address.street),
        escape(&actor.address.city),
        escape(&actor.address.postcode)
    );
    let mut organisation = vec![
        format!("UID:{}", uid(&[base_url, &actor.slug])),
        "KIND:org".to_owned(),
        "N:;;;;".to_owned(),
        format!("FN:{}", escape(&actor.name)),
        format!("ORG:{}", escape(&actor.name)),
        "X-ABShowAs:COMPANY".to_owned(),
        address.clone(),
    ];
    if let (Some(lat), Some(lon)) = (actor.address.latitude, actor.address.longitude) {
        organisation.push(format!("GEO:geo:{lat},{lon}"));
    }
    if let Some(phone) = &actor.reach.phone {
        organisation.push(format!("TEL;TYPE=work,voice:{}", phone.international));
    }
    if let Some(email) = &actor.reach.email {
        organisation.push(format!("EMAIL;TYPE=work:{}", escape(email)));
    }
    organisation.extend(languages(&actor.languages));
    organisation.push(format!("URL:{}", unescaped(&local.url)));
    if let Some(website) = &actor.reach.website {
        organisation.push(format!("URL;TYPE=work:{}", unescaped(website)));
    }
    let mut out = String::new();
    push_card(&mut out, &organisation);
    for (person, role) in actor.contacts.iter().zip(&local.roles) {
        let (given, family) = match person.name.rsplit_once(' ') {
            Some((given, family)) => (given, family),
            None => ("", person.name.as_str()),
        };
        let mut card = vec![
            format!("UID:{}", uid(&[base_url, &actor.slug, &person.name])),
            "KIND:individual".to_owned(),
            format!("N:{};{};;;", escape(family), escape(given)),
            format!("FN:{}", escape(&person.name)),
            format!("ORG:{}", escape(&actor.name)),
        ];
        if let Some(role) = role {
            card.push(format!("TITLE:{}", escape(role.value)));
        }
        if let Some(phone) = &person.phone {
            card.push(format!("TEL;TYPE=work,voice:{}", phone.international));
        }
        if let Some(email) = &person.email {
            card.push(format!("EMAIL;TYPE=work:{}", escape(email)));
        }
        card.extend(languages(&person.languages));
        card.push(address.clone());
        push_card(&mut out, &card);
    }
    out
}

/// `LANG` properties in the order given, the first preferred.
fn languages(codes: &[String]) -> impl Iterator<Item = String> + '_ {
    codes
        .iter()
        .zip(1..=100)
        .map(|(code, pref)| format!("LANG;PREF={pref}:{}", unescaped(code)))
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

/// Escapes text values (RFC 6350 §3.4): backslash, comma, semicolon, newline.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(',', "\\,")
        .replace(';', "\\;")
        .replace("\r\n", "\\n")
        .replace(['\n', '\r'], "\\n")
}

/// A value RFC 6350 does not escape (a URI, a language tag); line breaks (never in a checked URL
/// or language code) would end the property, so they are dropped.
fn unescaped(text: &str) -> String {
    text.replace(['\n', '\r'], "")
}

/// Appends a card (`BEGIN`, `VERSION`, `lines`, `END`) with CRLF line ends, folded at 75 octets
/// without splitting characters (RFC 6350 §3.2).
fn push_card(out: &mut String, lines: &[String]) {
    let frame = ["BEGIN:VCARD", "VERSION:4.0"].map(str::to_owned);
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
        assert!(out.starts_with("BEGIN:VCARD\r\nVERSION:4.0\r\nX:"), "{out}");
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
