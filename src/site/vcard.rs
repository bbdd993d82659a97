//! vCard 3.0 files: the actor as an organisation and each contact person, for phones' address books.

use crate::catalog::LocalActor;

/// The vCard file of an actor: one card for the organisation, one per contact person, with the
/// roles in the reader's language.
pub fn actor_vcard(local: &LocalActor<'_>) -> String {
    let (actor, page_url) = (local.actor, local.url.as_str());
    let mut out = String::new();
    let address = format!(
        ";;{};{};;{};DE",
        escape(&actor.address.street),
        escape(&actor.address.city),
        escape(&actor.address.postcode)
    );
    let mut card = vec![
        "BEGIN:VCARD".to_owned(),
        "VERSION:3.0".to_owned(),
        format!("FN:{}", escape(&actor.name)),
        format!("ORG:{}", escape(&actor.name)),
        "X-ABShowAs:COMPANY".to_owned(),
        format!("ADR;TYPE=WORK:{address}"),
    ];
    if let Some(phone) = &actor.reach.phone {
        card.push(format!("TEL;TYPE=WORK,VOICE:{}", phone.international));
    }
    if let Some(email) = &actor.reach.email {
        card.push(format!("EMAIL;TYPE=INTERNET,WORK:{}", escape(email)));
    }
    card.push(format!("URL:{}", escape(page_url)));
    card.push("END:VCARD".to_owned());
    push_card(&mut out, &card);
    for (i, person) in actor.contacts.iter().enumerate() {
        let (given, family) = match person.name.rsplit_once(' ') {
            Some((given, family)) => (given, family),
            None => ("", person.name.as_str()),
        };
        let mut card = vec![
            "BEGIN:VCARD".to_owned(),
            "VERSION:3.0".to_owned(),
            format!("N:{};{};;;", escape(family), escape(given)),
            format!("FN:{}", escape(&person.name)),
            format!("ORG:{}", escape(&actor.name)),
        ];
        if let Some(role) = local.roles[i] {
            card.push(format!("TITLE:{}", escape(role.value)));
        }
        if let Some(phone) = &person.phone {
            card.push(format!("TEL;TYPE=WORK,VOICE:{}", phone.international));
        }
        if let Some(email) = &person.email {
            card.push(format!("EMAIL;TYPE=INTERNET,WORK:{}", escape(email)));
        }
        card.push(format!("ADR;TYPE=WORK:{address}"));
        card.push("END:VCARD".to_owned());
        push_card(&mut out, &card);
    }
    out
}

/// Escapes text values (RFC 6350 §3.4): backslash, comma, semicolon, newline.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(',', "\\,")
        .replace(';', "\\;")
        .replace("\r\n", "\\n")
        .replace(['\n', '\r'], "\\n")
}

/// Appends lines with CRLF, folded at 75 octets without splitting characters.
fn push_card(out: &mut String, lines: &[String]) {
    for line in lines {
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
        assert!(out.lines().all(|l| l.len() <= 75), "{out}");
        assert_eq!(
            out.replace("\r\n ", "").trim_end(),
            "X:".to_owned() + &"ä".repeat(60)
        );
    }
}
