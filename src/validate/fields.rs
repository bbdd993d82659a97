//! Checks of single values: phone numbers, e-mail addresses, web addresses, postcodes, dates,
//! ids. Each returns the checked value or a [`Problem`] saying what is wrong and how to fix it.

use jiff::civil::Date;

use crate::catalog::Phone;

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

/// Parses a German national number ("06861 9012-0", "(06861) 90120") or an international one
/// ("+49 6861 9012-0", "0049 6861 90120", "+352 …") into display and E.164 form.
pub fn phone(text: &str) -> Result<Phone, Problem> {
    let display = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let hint = "write the number with its area code, e.g. 06861 9012-0 or +49 6861 9012-0";
    if let Some(bad) = display
        .chars()
        .find(|c| !(c.is_ascii_digit() || " +-/().".contains(*c)))
    {
        return Err(Problem::new(
            format!("the phone number `{display}` contains `{bad}`"),
            format!("{hint}; only digits, spaces and + - / ( ) are allowed"),
        ));
    }
    // "+49 (0) 6861": the trunk zero in brackets is dialled only nationally.
    let cleaned = display.replace("(0)", "");
    let plus = cleaned.trim_start().starts_with('+');
    if cleaned.matches('+').count() > usize::from(plus) {
        return Err(Problem::new(
            format!("the phone number `{display}` has a `+` in the middle"),
            hint,
        ));
    }
    let digits: String = cleaned.chars().filter(char::is_ascii_digit).collect();
    let international = if plus {
        format!("+{digits}")
    } else if let Some(rest) = digits.strip_prefix("00") {
        format!("+{rest}")
    } else if let Some(rest) = digits.strip_prefix('0') {
        format!("+49{rest}")
    } else {
        return Err(Problem::new(
            format!("the phone number `{display}` has no area code"),
            hint,
        ));
    };
    let length = international.len() - 1;
    let national_length = international
        .strip_prefix("+49")
        .map(str::len)
        .unwrap_or(length);
    if !(8..=15).contains(&length) || national_length < 6 {
        return Err(Problem::new(
            format!("the phone number `{display}` has too few or too many digits"),
            hint,
        ));
    }
    Ok(Phone {
        display,
        international,
    })
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
            format!("`{trimmed}` is not a valid e-mail address"),
            "write it as name@domain.de, without spaces or angle brackets",
        ))
    }
}

/// Checks that a web address is absolute and uses http or https.
pub fn website(text: &str) -> Result<String, Problem> {
    let trimmed = text.trim();
    let hint = "write the full address starting with https://, e.g. https://www.merzig.de";
    let url = url::Url::parse(trimmed).map_err(|e| {
        Problem::new(
            format!("`{trimmed}` is not a valid web address ({e})"),
            hint,
        )
    })?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(Problem::new(
            format!("`{trimmed}` is not an http or https address"),
            hint,
        ));
    }
    Ok(trimmed.to_owned())
}

/// Checks a German postcode: five digits.
pub fn postcode(text: &str) -> Result<(), Problem> {
    if text.len() == 5 && text.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(Problem::new(
            format!("`{text}` is not a German postcode"),
            "a postcode has five digits, written in quotes: \"66663\"",
        ))
    }
}

/// Parses a YYYY-MM-DD date that must not lie after `today`.
pub fn review_date(text: &str, today: Date) -> Result<Date, Problem> {
    let date: Date = text.trim().parse().map_err(|_| {
        Problem::new(
            format!("`{text}` is not a date"),
            "write the date as YYYY-MM-DD, e.g. 2026-03-31",
        )
    })?;
    if date > today {
        return Err(Problem::new(
            format!("the date {date} lies in the future"),
            format!("use the date of the last review, today ({today}) at the latest"),
        ));
    }
    Ok(date)
}

/// Checks an id or slug used in URLs: lowercase letters, digits and single hyphens.
pub fn url_safe_id(text: &str) -> Result<(), Problem> {
    let valid = !text.is_empty()
        && text.len() <= 80
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
            format!("`{text}` cannot be used in a web address"),
            "use lowercase letters a-z, digits and single hyphens, e.g. jobcenter-merzig (ä → ae, ß → ss)",
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
            format!("`{text}` is not a language code"),
            "use a BCP 47 code such as de, en, ar, uk, fa, tr, or de-x-ls for Leichte Sprache",
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
            format!("`{text}` is not a colour"),
            "write the colour as #rrggbb in quotes, e.g. \"#00567a\"",
        ))
    }
}

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
        ];
        for (input, expected) in cases {
            assert_eq!(phone(input).unwrap().international, expected, "{input}");
        }
        assert_eq!(phone("06861   9012-0").unwrap().display, "06861 9012-0");
    }

    #[test]
    fn phone_numbers_without_area_code_or_with_letters_fail() {
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
        assert!(phone("0123").unwrap_err().message.contains("too few"));
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
        assert!(website("www.merzig.de").is_err());
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
