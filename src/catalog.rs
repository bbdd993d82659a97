//! The validated, language-aware catalogue that both renderers read.
//!
//! A [`Catalog`] exists only when the content had no errors: phone numbers are parsed, hours are
//! structured, ids are known to exist. Renderers therefore never fail on data. Text lookups go
//! through [`Actor::text`], which falls back to the source language and says so.

use std::collections::BTreeMap;
use std::path::PathBuf;

use jiff::civil::Date;
use serde::Serialize;

use crate::config::{Category, Config, LanguageConfig};
use crate::i18n::I18n;
use crate::model::Translation;
use crate::model::profile::{Address, Appointment, Kind, Wheelchair};

/// The whole validated content of a site.
#[derive(Debug)]
pub struct Catalog {
    pub root: PathBuf,
    pub config: Config,
    /// UI strings of every configured language.
    pub i18n: I18n,
    /// Actors sorted by name (German collation is done by renderers where it matters).
    pub actors: Vec<Actor>,
    /// Content pages by id (imprint, privacy, accessibility, foreword, …).
    pub pages: BTreeMap<String, Page>,
    /// Emergency and general numbers for the brochure.
    pub numbers: Vec<ImportantNumber>,
}

/// A Markdown page in one or more languages; the source language is always present.
#[derive(Debug, Clone)]
pub struct Page {
    pub id: String,
    pub versions: BTreeMap<String, PageText>,
}

impl Page {
    /// The version in `language`, or the source-language version, with whether it fell back.
    pub fn version<'a>(&'a self, language: &str, source_language: &str) -> (&'a PageText, bool) {
        match self.versions.get(language) {
            Some(text) => (text, false),
            None => (&self.versions[source_language], language != source_language),
        }
    }
}

/// The title and Markdown body of a page in one language.
#[derive(Debug, Clone)]
pub struct PageText {
    pub title: String,
    pub body: String,
}

/// An important phone number with its label per language.
#[derive(Debug, Clone)]
pub struct ImportantNumber {
    pub label: crate::config::LocalizedText,
    pub phone: Phone,
}

impl Catalog {
    /// The configured language with this code.
    pub fn language(&self, code: &str) -> Option<&LanguageConfig> {
        self.config.languages.iter().find(|l| l.code == code)
    }

    /// The newest review date of any actor: the content's "as of" date.
    pub fn last_reviewed(&self) -> Option<Date> {
        self.actors.iter().map(|a| a.last_reviewed).max()
    }
}

/// The label of a topic or target group in `language`, falling back to the source language.
pub fn category_label<'a>(category: &'a Category, language: &str, source: &str) -> &'a str {
    category
        .label
        .get(language)
        .or_else(|| category.label.get(source))
        .map_or(category.id.as_str(), String::as_str)
}

/// One actor, validated.
#[derive(Debug, Clone, Serialize)]
pub struct Actor {
    /// URL-safe, unique id (the folder name).
    pub slug: String,
    pub name: String,
    pub short_name: Option<String>,
    pub operator: Option<String>,
    pub kind: Kind,
    /// Topic ids; the first is the main topic.
    pub topics: Vec<String>,
    pub target_groups: Vec<String>,
    pub contacts: Vec<Contact>,
    pub address: Address,
    pub opening_hours: Option<Hours>,
    pub consultation_hours: Option<Hours>,
    pub phone: Option<Phone>,
    pub email: Option<String>,
    pub website: Option<String>,
    /// Language codes of the service.
    pub languages: Vec<String>,
    pub wheelchair: Option<Wheelchair>,
    pub last_reviewed: Date,
    /// Logo file on disk, inside the actor's folder.
    #[serde(skip)]
    pub logo: Option<PathBuf>,
    /// The source-language text, taken from profile.yaml.
    pub source_text: Translation,
    /// Translations by language code.
    pub translations: BTreeMap<String, Translation>,
}

/// A text and the language it is actually in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Localized<'a, T: ?Sized> {
    pub value: &'a T,
    /// The language of `value`; differs from the requested one when the text fell back.
    pub language: &'a str,
    /// True when the requested language lacked this text.
    pub is_fallback: bool,
}

impl Actor {
    /// The text `pick` selects, in `language` if translated, otherwise in the source language.
    pub fn text<'a, T: ?Sized>(
        &'a self,
        language: &'a str,
        source_language: &'a str,
        pick: impl Fn(&'a Translation) -> Option<&'a T>,
    ) -> Option<Localized<'a, T>> {
        if let Some(value) = self.translations.get(language).and_then(&pick) {
            return Some(Localized {
                value,
                language,
                is_fallback: false,
            });
        }
        pick(&self.source_text).map(|value| Localized {
            value,
            language: source_language,
            is_fallback: language != source_language,
        })
    }
}

/// A contact person.
#[derive(Debug, Clone, Serialize)]
pub struct Contact {
    pub name: String,
    pub phone: Option<Phone>,
    pub email: Option<String>,
    pub languages: Vec<String>,
}

/// A phone number as written and in the international form for `tel:` links.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Phone {
    /// As the editor wrote it, with whitespace normalised: "06861 9012-0".
    pub display: String,
    /// E.164 form without separators: "+49686190120".
    pub international: String,
}

/// Structured opening or consultation hours.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hours {
    pub weekly: Vec<DayHours>,
    pub appointment: Option<Appointment>,
}

/// Hours that apply to a set of weekdays; no times means closed on those days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayHours {
    pub days: Vec<Weekday>,
    pub times: Vec<TimeRange>,
}

/// A day of the week, Monday first as in Germany.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// The schema.org name ("Monday"), also used as a stable key.
    pub fn english_name(self) -> &'static str {
        match self {
            Weekday::Monday => "Monday",
            Weekday::Tuesday => "Tuesday",
            Weekday::Wednesday => "Wednesday",
            Weekday::Thursday => "Thursday",
            Weekday::Friday => "Friday",
            Weekday::Saturday => "Saturday",
            Weekday::Sunday => "Sunday",
        }
    }
}

/// A time of day in minutes after midnight; 24:00 is allowed as a closing time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay(pub u16);

impl Serialize for TimeOfDay {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl std::fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

/// From opening to closing, opening strictly before closing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct TimeRange {
    pub from: TimeOfDay,
    pub to: TimeOfDay,
}
