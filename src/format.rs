//! Formatting shared by the website and the brochure: hours, dates, spoken languages, and the
//! URL scheme, so that both say the same thing in the same words.

use jiff::civil::Date;

use crate::catalog::{Catalog, Hours, Weekday};
use crate::i18n::I18n;
use crate::model::profile::{Appointment, Wheelchair};

/// One row of an hours table: "Mo–Mi" and "08:00–12:30 Uhr, 13:30–15:30 Uhr".
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct HoursRow {
    pub days: String,
    /// Every time range, formatted; empty when closed.
    pub ranges: Vec<String>,
    /// The ranges joined, or "geschlossen" when closed.
    pub times: String,
    /// True if the row says the days are closed.
    pub closed: bool,
}

fn weekday_key(day: Weekday, short: bool) -> &'static str {
    const LONG: [&str; 7] = [
        "weekday_mon",
        "weekday_tue",
        "weekday_wed",
        "weekday_thu",
        "weekday_fri",
        "weekday_sat",
        "weekday_sun",
    ];
    const SHORT: [&str; 7] = [
        "weekday_short_mon",
        "weekday_short_tue",
        "weekday_short_wed",
        "weekday_short_thu",
        "weekday_short_fri",
        "weekday_short_sat",
        "weekday_short_sun",
    ];
    if short {
        SHORT[day as usize]
    } else {
        LONG[day as usize]
    }
}

/// Names a set of weekdays compactly: consecutive runs of three or more become "Mo–Fr".
pub fn days_label(days: &[Weekday], i18n: &I18n, language: &str) -> String {
    let short = days.len() > 1;
    let name = |day: Weekday| i18n.get(language, weekday_key(day, short)).to_owned();
    let mut parts = Vec::new();
    let mut index = 0;
    while index < days.len() {
        let start = index;
        while index + 1 < days.len() && days[index + 1] as usize == days[index] as usize + 1 {
            index += 1;
        }
        if index - start >= 2 {
            parts.push(format!("{}–{}", name(days[start]), name(days[index])));
        } else {
            parts.extend(days[start..=index].iter().map(|d| name(*d)));
        }
        index += 1;
    }
    parts.join(", ")
}

/// The rows of an hours table, in the order the editor wrote them.
pub fn hours_rows(hours: &Hours, i18n: &I18n, language: &str) -> Vec<HoursRow> {
    hours
        .weekly
        .iter()
        .map(|slot| {
            let closed = slot.times.is_empty();
            let ranges: Vec<String> = slot
                .times
                .iter()
                .map(|range| {
                    let (from, to) = (range.from.to_string(), range.to.to_string());
                    i18n.format(language, "time_range", &[("from", &from), ("to", &to)])
                })
                .collect();
            let times = if closed {
                i18n.get(language, "closed").to_owned()
            } else {
                ranges.join(", ")
            };
            HoursRow {
                days: days_label(&slot.days, i18n, language),
                ranges,
                times,
                closed,
            }
        })
        .collect()
}

/// "Nur nach Terminvereinbarung" and the like.
pub fn appointment_label<'a>(appointment: Appointment, i18n: &'a I18n, language: &str) -> &'a str {
    match appointment {
        Appointment::Only => i18n.get(language, "by_appointment_only"),
        Appointment::Also => i18n.get(language, "by_appointment_also"),
    }
}

/// "Rollstuhlgerecht" and the like.
pub fn wheelchair_label<'a>(wheelchair: Wheelchair, i18n: &'a I18n, language: &str) -> &'a str {
    let key = match wheelchair {
        Wheelchair::Yes => "wheelchair_yes",
        Wheelchair::No => "wheelchair_no",
        Wheelchair::Partial => "wheelchair_partial",
        Wheelchair::Unknown => "wheelchair_unknown",
    };
    i18n.get(language, key)
}

/// A date in the language's format ("15.06.2026").
pub fn date(date: Date, i18n: &I18n, language: &str) -> String {
    i18n.format(
        language,
        "date_format",
        &[
            ("day", &format!("{:02}", date.day())),
            ("month", &format!("{:02}", date.month())),
            ("year", &date.year().to_string()),
        ],
    )
}

/// The name of a spoken language in its own script ("العربية"), or its code if unknown.
pub fn language_name<'a>(catalog: &'a Catalog, code: &'a str) -> &'a str {
    catalog
        .language(code)
        .map(|l| l.name.as_str())
        .or_else(|| {
            catalog
                .config
                .spoken_languages
                .get(code)
                .map(String::as_str)
        })
        .unwrap_or(code)
}

/// The URL scheme of the site, relative to the site root, with pretty URLs.
pub mod urls {
    /// `/de/`: a language's home page.
    pub fn home(language: &str) -> String {
        format!("/{language}/")
    }

    /// `/de/jobcenter-merzig/`: an actor's page.
    pub fn actor(language: &str, slug: &str) -> String {
        format!("/{language}/{slug}/")
    }

    /// `/de/topic/work/`: the listing of a topic.
    pub fn topic(language: &str, id: &str) -> String {
        format!("/{language}/topic/{id}/")
    }

    /// `/de/group/refugees/`: the listing of a target group.
    pub fn target_group(language: &str, id: &str) -> String {
        format!("/{language}/group/{id}/")
    }

    /// `/de/a-z/`: the A–Z index.
    pub fn index(language: &str) -> String {
        format!("/{language}/a-z/")
    }

    /// `/de/imprint/`: a content page.
    pub fn page(language: &str, id: &str) -> String {
        format!("/{language}/{id}/")
    }

    /// `/de/arbeiten-und-leben-in-merzig.pdf`: the brochure of a language.
    pub fn brochure(language: &str, file_name: &str) -> String {
        format!("/{language}/{file_name}.pdf")
    }

    /// `/de/numbers/`: the important phone numbers.
    pub fn numbers(language: &str) -> String {
        format!("/{language}/numbers/")
    }

    /// `/de/manifest.webmanifest`: the web app manifest of a language.
    pub fn manifest(language: &str) -> String {
        format!("/{language}/manifest.webmanifest")
    }

    /// `/de/jobcenter-merzig/contact.vcf`: an actor's vCard.
    pub fn vcard(language: &str, slug: &str) -> String {
        format!("/{language}/{slug}/contact.vcf")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn german() -> I18n {
        let keys = [
            ("weekday_mon", "Montag"),
            ("weekday_short_mon", "Mo"),
            ("weekday_short_tue", "Di"),
            ("weekday_short_wed", "Mi"),
            ("weekday_short_thu", "Do"),
            ("weekday_short_fri", "Fr"),
            ("date_format", "{day}.{month}.{year}"),
        ];
        let table = keys
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        I18n::from_tables("de", BTreeMap::from([("de".to_owned(), table)]))
    }

    #[test]
    fn compresses_runs_of_days() {
        use Weekday::*;
        let i18n = german();
        assert_eq!(days_label(&[Monday], &i18n, "de"), "Montag");
        assert_eq!(
            days_label(&[Monday, Tuesday, Wednesday, Friday], &i18n, "de"),
            "Mo–Mi, Fr"
        );
        assert_eq!(days_label(&[Monday, Tuesday], &i18n, "de"), "Mo, Di");
    }

    #[test]
    fn formats_dates_per_language() {
        assert_eq!(
            date(Date::new(2026, 6, 5).unwrap(), &german(), "de"),
            "05.06.2026"
        );
    }
}
