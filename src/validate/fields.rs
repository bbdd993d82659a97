//! Checks of single values: phone numbers, e-mail addresses, web addresses, postcodes, dates,
//! ids. Each returns the checked value or a [`Problem`] saying what is wrong and how to fix it.

use jiff::civil::Date;

use crate::catalog::Phone;
use crate::messages;

/// What is wrong with a value, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub message: String,
    pub hint: String,
}

impl Problem {
    pub fn new(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Problem {
            message: message.into(),
            hint: hint.into(),
        }
    }
}

/// Parses a phone number with libphonenumber's rules (the `phonenumber` crate), Germany being
/// the region of numbers written without a country code: "06861 9012-0", "(06861) 90120",
/// "+49 6861 9012-0", "0049 6861 90120", "+352 26 12 34 56". The display stays as written
/// (whitespace normalised); `international` is E.164, the one form every `tel:` link, vCard and
/// JSON-LD uses.
pub fn phone(text: &str) -> Result<Phone, Problem> {
    let display = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let hint = messages::phone_hint;
    if let Some(bad) = display
        .chars()
        .find(|c| !(c.is_ascii_digit() || " +-/().".contains(*c)))
    {
        return Err(Problem::new(
            messages::phone_bad_character(&display, bad),
            messages::phone_bad_character_hint(),
        ));
    }
    // "+49 (0) 6861": the trunk zero in brackets is dialled only nationally, a common way of
    // writing both forms at once.
    let cleaned = display.replace("(0)", "");
    let plus = cleaned.trim_start().starts_with('+');
    if cleaned.matches('+').count() > usize::from(plus) {
        return Err(Problem::new(messages::phone_plus_inside(&display), hint()));
    }
    if !plus && !cleaned.trim_start_matches([' ', '(']).starts_with('0') {
        return Err(Problem::new(messages::phone_no_area_code(&display), hint()));
    }
    if let Some(right) = without_trunk_prefix(&cleaned) {
        let national = right.strip_prefix("+49 ");
        return Err(Problem::new(
            messages::phone_trunk_prefix(&display),
            messages::phone_trunk_prefix_hint(&right, national),
        ));
    }
    // Only the digits (and the leading +) go to the parser: the crate's parser of written
    // numbers misreads separators ("+49 6861 9012-0" is "too short" to it).
    let digits: String = cleaned.chars().filter(char::is_ascii_digit).collect();
    let invalid = || {
        Problem::new(
            messages::phone_invalid(&display),
            messages::phone_invalid_hint(),
        )
    };
    let dialled = if plus { format!("+{digits}") } else { digits };
    let number =
        phonenumber::parse(Some(phonenumber::country::Id::DE), &dialled).map_err(|_| invalid())?;
    if !number.is_valid() {
        return Err(invalid());
    }
    let international = number.format().mode(phonenumber::Mode::E164).to_string();
    Ok(Phone {
        display,
        international,
    })
}

/// For a number written with its country code and then the trunk prefix of a country whose
/// trunk prefix is 0 ("+49 06861 9012-0", "0049 (06861) 90120"), the right form
/// ("+49 6861 9012-0"). Dialled from abroad, that 0 reaches no one.
fn without_trunk_prefix(text: &str) -> Option<String> {
    let text = text.trim();
    let after_prefix = text
        .strip_prefix('+')
        .or_else(|| text.strip_prefix("00"))?
        .trim_start();
    // Country codes are prefix-free: the first one to 3 digits that name a country are its code.
    let (code, trunk) = (1..=3).find_map(|length| {
        let code: u16 = after_prefix.get(..length)?.parse().ok()?;
        let regions = phonenumber::metadata::DATABASE.by_code(&code)?;
        let trunk = regions.iter().find_map(|meta| meta.national_prefix())?;
        Some((after_prefix[..length].to_owned(), trunk.to_owned()))
    })?;
    let national = after_prefix[code.len()..]
        .replace(['(', ')'], "")
        .trim_start_matches([' ', '-', '/', '.'])
        .to_owned();
    let after_trunk = national.strip_prefix(trunk.as_str())?;
    (trunk == "0").then(|| format!("+{code} {after_trunk}"))
}

/// Like [`phone`], but also accepts short service numbers such as 110, 112 or 116117.
pub fn dialable(text: &str) -> Result<Phone, Problem> {
    let trimmed = text.trim();
    if (3..=6).contains(&trimmed.len())
        && trimmed.bytes().all(|b| b.is_ascii_digit())
        && !trimmed.starts_with('0')
    {
        return Ok(Phone {
            display: trimmed.to_owned(),
            international: trimmed.to_owned(),
        });
    }
    phone(trimmed)
}

/// Checks the syntax of an e-mail address.
pub fn email(text: &str) -> Result<String, Problem> {
    let trimmed = text.trim();
    let domain_has_dot = trimmed
        .rsplit_once('@')
        .is_some_and(|(_, domain)| domain.contains('.') && !domain.ends_with('.'));
    if email_address::EmailAddress::is_valid(trimmed) && domain_has_dot {
        Ok(trimmed.to_owned())
    } else {
        Err(Problem::new(
            messages::invalid_email(trimmed),
            messages::invalid_email_hint(),
        ))
    }
}

/// Checks that a web address is absolute and uses http or https.
pub fn website(text: &str) -> Result<String, Problem> {
    let trimmed = text.trim();
    let hint = messages::website_hint;
    let url = url::Url::parse(trimmed).map_err(|e| match e {
        // "www.merzig.de": the parser's "relative URL without a base" says nothing to editors.
        url::ParseError::RelativeUrlWithoutBase => {
            Problem::new(messages::website_without_scheme(trimmed), hint())
        }
        _ => Problem::new(messages::invalid_website(trimmed, &e.to_string()), hint()),
    })?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(Problem::new(messages::website_not_http(trimmed), hint()));
    }
    Ok(trimmed.to_owned())
}

/// Checks a German postcode: five digits.
pub fn postcode(text: &str) -> Result<(), Problem> {
    if text.len() == 5 && text.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(Problem::new(
            messages::invalid_postcode(text),
            messages::invalid_postcode_hint(),
        ))
    }
}

/// Parses a YYYY-MM-DD date that must not lie after `today`.
pub fn review_date(text: &str, today: Date) -> Result<Date, Problem> {
    let date: Date = text
        .trim()
        .parse()
        .map_err(|_| Problem::new(messages::invalid_date(text), messages::invalid_date_hint()))?;
    if date > today {
        return Err(Problem::new(
            messages::date_in_future(date),
            messages::date_in_future_hint(today),
        ));
    }
    Ok(date)
}

/// Longest id or slug, in characters.
pub const MAX_ID: usize = 80;

/// Checks an id or slug used in URLs: lowercase letters, digits and single hyphens.
pub fn url_safe_id(text: &str) -> Result<(), Problem> {
    let valid = !text.is_empty()
        && text.len() <= MAX_ID
        && text.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if valid {
        Ok(())
    } else {
        Err(Problem::new(
            messages::not_url_safe(text),
            messages::not_url_safe_hint(),
        ))
    }
}

/// Checks a BCP 47 language code such as "de", "uk", "prs", "sr-Latn" or, with a private-use
/// subtag, "de-x-ls" (Leichte Sprache).
pub fn language_code(text: &str) -> Result<(), Problem> {
    let mut parts = text.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()));
    // After a one-letter singleton (`x` for private use, or an extension) at least one subtag
    // must follow; private-use subtags may be one character long.
    let (mut private_use, mut singleton_open, mut rest_ok) = (false, false, true);
    for part in parts {
        let shortest = if private_use { 1 } else { 2 };
        let singleton = !private_use && part.len() == 1;
        rest_ok &= (singleton || (shortest..=8).contains(&part.len()))
            && part.bytes().all(|b| b.is_ascii_alphanumeric());
        if singleton {
            private_use = part.eq_ignore_ascii_case("x");
        }
        singleton_open = singleton;
    }
    if primary_ok && rest_ok && !singleton_open {
        Ok(())
    } else {
        Err(Problem::new(
            messages::invalid_language_code(text),
            messages::invalid_language_code_hint(),
        ))
    }
}

/// Checks a colour written as #rrggbb.
pub fn colour(text: &str) -> Result<(), Problem> {
    let valid = text.len() == 7
        && text.starts_with('#')
        && text[1..].bytes().all(|b| b.is_ascii_hexdigit());
    if valid {
        Ok(())
    } else {
        Err(Problem::new(
            messages::invalid_colour(text),
            messages::invalid_colour_hint(),
        ))
    }
}

/// The messages of the phone checks, one function each. Each says in its documentation what
/// it says in German, for the message catalogue.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_normalise_to_e164() {
        let cases = [
            ("06861 9012-210", "+4968619012210"),
            ("(06861) 90 12 0", "+49686190120"),
            ("+49 6861 9012-0", "+49686190120"),
            ("+49 (0) 6861 90120", "+49686190120"),
            ("0049 681 123456", "+49681123456"),
            ("+352 26 12 34 56", "+35226123456"),
            ("0151 23456789", "+4915123456789"),
            ("+33 1 42 68 53 00", "+33142685300"),
        ];
        for (input, expected) in cases {
            assert_eq!(phone(input).unwrap().international, expected, "{input}");
        }
        assert_eq!(phone("06861   9012-0").unwrap().display, "06861 9012-0");
    }

    #[test]
    fn the_trunk_prefix_after_the_country_code_is_an_error_with_the_right_form() {
        for (input, right) in [
            ("+49 06861 9012-0", "+49 6861 9012-0"),
            ("+49 (06861) 9012-0", "+49 6861 9012-0"),
            ("0049 06861 90120", "+49 6861 90120"),
            ("+4906861 90120", "+49 6861 90120"),
            ("+33 01 42 68 53 00", "+33 1 42 68 53 00"),
        ] {
            let problem = phone(input).unwrap_err();
            assert!(
                problem.message.contains("after the country code"),
                "{problem:?}"
            );
            assert!(
                problem.hint.starts_with(&format!("write {right} ")),
                "{problem:?}"
            );
        }
        assert!(
            phone("+49 06861 9012-0")
                .unwrap_err()
                .hint
                .contains("nationally 06861 9012-0")
        );
    }

    #[test]
    fn phone_numbers_without_area_code_or_with_letters_or_invalid_fail() {
        assert!(
            phone("9012-0")
                .unwrap_err()
                .message
                .contains("no area code")
        );
        assert!(
            phone("06861 CALL-NOW")
                .unwrap_err()
                .message
                .contains("contains `C`")
        );
        for invalid in ["0123", "+49 1234", "+999 6861 90120", "0170 12"] {
            assert!(
                phone(invalid)
                    .unwrap_err()
                    .message
                    .contains("not a valid phone number"),
                "{invalid}"
            );
        }
        assert!(
            phone("+49 6861 +12")
                .unwrap_err()
                .message
                .contains("in the middle")
        );
    }

    #[test]
    fn short_service_numbers_are_dialable() {
        assert_eq!(dialable("116117").unwrap().international, "116117");
        assert_eq!(
            dialable("0800 1110111").unwrap().international,
            "+498001110111"
        );
        assert!(dialable("12").is_err());
    }

    #[test]
    fn email_syntax() {
        assert!(email("anna.beispiel@example.org").is_ok());
        assert!(email("anna beispiel@example.org").is_err());
        assert!(email("anna@localhost").is_err());
        assert!(email("anna.example.org").is_err());
    }

    #[test]
    fn websites_must_be_http() {
        assert!(website("https://www.merzig.de").is_ok());
        assert!(website("javascript:alert(1)").is_err());
        assert!(
            website("www.merzig.de")
                .unwrap_err()
                .message
                .contains("must start with https://")
        );
        assert!(website("ftp://example.org").is_err());
    }

    #[test]
    fn postcodes_have_five_digits() {
        assert!(postcode("66663").is_ok());
        assert!(postcode("6666").is_err());
        assert!(postcode("6666a").is_err());
    }

    #[test]
    fn review_dates_are_not_in_the_future() {
        let today = Date::new(2026, 11, 28).unwrap();
        assert!(review_date("2026-11-28", today).is_ok());
        assert!(
            review_date("2026-11-29", today)
                .unwrap_err()
                .message
                .contains("future")
        );
        assert!(
            review_date("28.11.2026", today)
                .unwrap_err()
                .hint
                .contains("YYYY-MM-DD")
        );
    }

    #[test]
    fn ids_are_url_safe() {
        assert!(url_safe_id("jobcenter-merzig").is_ok());
        for bad in ["Jobcenter", "job--center", "-a", "a b", "müll", ""] {
            assert!(url_safe_id(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn language_codes_and_colours() {
        assert!(language_code("prs").is_ok());
        assert!(language_code("sr-Latn").is_ok());
        assert!(language_code("Deutsch").is_err());
        // Private use (Leichte Sprache) and extensions: a singleton and at least one subtag.
        assert!(language_code("de-x-ls").is_ok());
        assert!(language_code("de-DE-x-simple-language").is_ok());
        assert!(language_code("de-u-co-phonebk").is_ok());
        assert!(language_code("de-x-a").is_ok());
        assert!(language_code("de-x").is_err());
        assert!(language_code("de-u-c").is_err());
        assert!(language_code("de--ls").is_err());
        assert!(language_code("de-x-verylongsubtag").is_err());
        assert!(colour("#00567a").is_ok());
        assert!(colour("blue").is_err());
    }
}
