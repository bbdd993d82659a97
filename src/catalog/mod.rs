//! The validated, language-aware catalogue that both renderers read.
//!
//! A [`Catalog`] exists only when the content had no errors: phone numbers are parsed, hours are
//! structured, ids are known to exist. Renderers therefore never fail on data. Text lookups go
//! through [`Actor::text`], which falls back to the source language and says so.

mod local;

pub use local::LocalActor;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use jiff::civil::Date;
use serde::Serialize;

use crate::config::{Category, Config, Fallbacks, LanguageConfig, Volumes};
use crate::i18n::I18n;
use crate::model::Translation;
use crate::model::profile::{Address, Appointment, Kind, Wheelchair};
use crate::model::translation::Field;

/// The id of the content page shown on the home page and at the front of the brochure rather
/// than linked from the footer.
pub const FOREWORD_PAGE: &str = "foreword";

/// The id of the content page printed on the back page of the brochure.
pub const IMPRINT_PAGE: &str = "imprint";

/// The whole validated content of a site.
#[derive(Debug)]
pub struct Catalog {
    pub root: PathBuf,
    pub config: Config,
    /// UI strings of every configured language.
    pub i18n: I18n,
    /// Actors in the order of their names ([`collation_key`]); shared with `serve`'s check cache,
    /// so that a save copies no actor it did not change.
    pub actors: Vec<Arc<Actor>>,
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
    /// The version for readers of `languages.language` (else its base's, else the source
    /// language's), its language, and whether it is a foreign-language fallback.
    pub fn version<'a>(&'a self, languages: Fallbacks<'a>) -> (&'a PageText, &'a str, bool) {
        match languages.pick(&self.versions) {
            Some((text, code)) => (text, code, !languages.is_own(code)),
            // Unreachable for a validated page, which always has the source version.
            None => (&self.versions[languages.source], languages.source, true),
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

    /// Whether `code` is a Leichte Sprache language (`easy_read` in config.yaml).
    pub fn is_easy_read(&self, code: &str) -> bool {
        self.language(code).is_some_and(|l| l.easy_read)
    }

    /// Markdown written in `language` as the renderers read it: in Leichte Sprache every line
    /// break is kept ([`crate::markdown::hard_line_breaks`]), since every sentence starts on a
    /// line of its own.
    pub fn markdown<'a>(&self, language: &str, text: &'a str) -> std::borrow::Cow<'a, str> {
        if self.is_easy_read(language) {
            std::borrow::Cow::Owned(crate::markdown::hard_line_breaks(text))
        } else {
            std::borrow::Cow::Borrowed(text)
        }
    }

    /// Where texts for readers of `language` come from, in order.
    pub fn fallbacks<'a>(&'a self, language: &'a str) -> Fallbacks<'a> {
        self.config.fallbacks(language)
    }

    /// `actor` as readers of `language` see it.
    pub fn local<'a>(&'a self, actor: &'a Actor, language: &'a str) -> LocalActor<'a> {
        LocalActor::new(self, actor, language)
    }

    /// The topics that get a volume of their own with `brochure.volumes: topic`: each configured
    /// topic that some actor has, in the order of config.yaml.
    pub fn volume_topics(&self) -> Vec<&Category> {
        (self.config.topics.iter())
            .filter(|t| self.actors.iter().any(|a| a.topics.contains(&t.id)))
            .collect()
    }

    /// The PDFs of each brochure language: the brochure (`None`), or with `brochure.volumes:
    /// topic` the topic id of each volume (see [`crate::config::BrochureConfig::volumes`]).
    pub fn brochure_volumes(&self) -> Vec<Option<&str>> {
        match self.config.brochure.volumes {
            Volumes::One => vec![None],
            Volumes::Topic => (self.volume_topics().into_iter())
                .map(|t| Some(t.id.as_str()))
                .collect(),
        }
    }

    /// The newest review date of any actor: the content's "as of" date.
    pub fn last_reviewed(&self) -> Option<Date> {
        self.actors.iter().map(|a| a.last_reviewed).max()
    }
}

/// A sort key that files names as a German reader expects (DIN 5007-1): case-insensitive,
/// umlauts with their base letter, ß as ss, leading punctuation ignored. The one order of the
/// catalogue, the website's listings and A–Z, and the brochure's index.
pub fn collation_key(name: &str) -> String {
    name.chars()
        .skip_while(|c| !c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ä' | 'à' | 'á' | 'â' => "a".to_owned(),
            'ö' | 'ó' | 'ô' => "o".to_owned(),
            'ü' | 'ú' | 'û' => "u".to_owned(),
            'é' | 'è' | 'ê' => "e".to_owned(),
            'ß' => "ss".to_owned(),
            other => other.to_string(),
        })
        .collect()
}

/// The letter a name files under in an A–Z index: the first letter of its
/// [`collation_key`], upper case.
pub fn index_letter(name: &str) -> String {
    collation_key(name)
        .chars()
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default()
}

/// The label of a topic or target group for readers of `languages.language`, falling back
/// along its chain.
pub fn category_label<'a>(category: &'a Category, languages: Fallbacks<'_>) -> &'a str {
    languages
        .chain()
        .find_map(|code| category.label.get(code))
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
    /// Phone, e-mail, website: shown as they are by every renderer.
    #[serde(flatten)]
    pub reach: Reach,
    /// Language codes of the service.
    pub languages: Vec<String>,
    pub wheelchair: Option<Wheelchair>,
    pub last_reviewed: Date,
    /// Logo file on disk, inside the actor's folder.
    #[serde(skip)]
    pub logo: Option<PathBuf>,
    /// The source-language text, taken from profile.yaml.
    pub source_text: SourceText,
    /// Translations by language code; boxed, so that the map's nodes, which have room for
    /// eleven entries whether used or not, hold pointers rather than whole translations.
    pub translations: BTreeMap<String, Box<Translation>>,
}

/// How to reach an actor directly. Renderers embed it whole, so that a new way to reach an
/// actor needs no copying along (see docs/ARCHITECTURE.md).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Reach {
    pub phone: Option<Phone>,
    pub email: Option<String>,
    pub website: Option<String>,
    /// The number that answers WhatsApp messages.
    pub whatsapp: Option<Phone>,
}

/// A text and the language it is actually in.
#[derive(Debug, PartialEq, Eq)]
pub struct Localized<'a, T: ?Sized> {
    pub value: &'a T,
    /// The language of `value`; differs from the requested one when the text fell back.
    pub language: &'a str,
    /// True when the requested language lacked this text.
    pub is_fallback: bool,
}

// By hand: the derives would ask `T: Clone`, which `str` and slices are not; only the
// reference is copied.
impl<T: ?Sized> Clone for Localized<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for Localized<'_, T> {}

impl Actor {
    /// The text `pick` selects in the first language of `languages` that has it (the reader's,
    /// its base, the source language). The summary and the description, which every actor has,
    /// come without `Option` from [`Actor::summary`] and [`Actor::description`].
    pub fn text<'a, T: ?Sized>(
        &'a self,
        languages: Fallbacks<'a>,
        pick: impl Fn(&'a Translation) -> Option<&'a T>,
    ) -> Option<Localized<'a, T>> {
        languages.chain().find_map(|code| {
            let text = if code == languages.source {
                Some(self.source_text.as_translation())
            } else {
                self.translations.get(code).map(Box::as_ref)
            };
            text.and_then(&pick).map(|value| Localized {
                value,
                language: code,
                is_fallback: !languages.is_own(code),
            })
        })
    }

    /// The one-sentence summary for readers of `languages.language`.
    pub fn summary<'a>(&'a self, languages: Fallbacks<'a>) -> Localized<'a, str> {
        self.required(languages, self.source_text.summary(), |t| {
            t.summary.as_deref()
        })
    }

    /// The Markdown description for readers of `languages.language`.
    pub fn description<'a>(&'a self, languages: Fallbacks<'a>) -> Localized<'a, str> {
        self.required(languages, self.source_text.description(), |t| {
            t.description.as_deref()
        })
    }

    fn required<'a>(
        &'a self,
        languages: Fallbacks<'a>,
        source: &'a str,
        pick: fn(&'a Translation) -> Option<&'a str>,
    ) -> Localized<'a, str> {
        self.text(languages, pick).unwrap_or(Localized {
            value: source,
            language: languages.source,
            is_fallback: !languages.is_own(languages.source),
        })
    }
}

/// The translatable text of an actor in the source language (from profile.yaml), in the shape
/// of a translation file; its summary and description are always set.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct SourceText(Translation);

impl SourceText {
    /// The source text with `summary` and `description` and the other fields of `rest`.
    pub fn new(summary: String, description: String, rest: Translation) -> SourceText {
        SourceText(Translation {
            summary: Some(summary),
            description: Some(description),
            ..rest
        })
    }

    /// Every field, as in a translation file.
    pub fn as_translation(&self) -> &Translation {
        &self.0
    }

    /// The summary (set by [`SourceText::new`]).
    pub fn summary(&self) -> &str {
        self.0.summary.as_deref().unwrap_or_default()
    }

    /// The Markdown description (set by [`SourceText::new`]).
    pub fn description(&self) -> &str {
        self.0.description.as_deref().unwrap_or_default()
    }

    /// The names of the translatable fields the source text has.
    pub fn fields(&self) -> Vec<&'static str> {
        Field::ALL
            .into_iter()
            .filter(|field| field.is_set(&self.0))
            .map(Field::name)
            .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_umlauts_with_their_base_letter() {
        let mut names = vec!["Zentrum", "Ärztekammer", "agentur", "„Offene Tür“", "Ost"];
        names.sort_by_key(|n| collation_key(n));
        assert_eq!(
            names,
            vec!["agentur", "Ärztekammer", "„Offene Tür“", "Ost", "Zentrum"]
        );
    }
}
