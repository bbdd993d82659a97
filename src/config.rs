//! `config.yaml`: everything about a site that is specific to one town.
//!
//! Nothing town-specific is hard-coded anywhere else: title, languages, topics, target groups,
//! colours and logo all come from here.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

/// Text in several languages, keyed by language code: `{ de: …, en: … }`.
pub type LocalizedText = BTreeMap<String, String>;

/// The site configuration.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Name of the town or district, e.g. "Merzig".
    pub town: String,
    /// The town's name in other languages and scripts, where it differs from `town`: language
    /// code → name, e.g. `{ ar: ميرتسيغ, uk: Merzig }`. Languages not listed use `town`.
    #[serde(default)]
    pub town_names: LocalizedText,
    /// Address where the site is published, e.g. "https://integration.example.org".
    pub base_url: String,
    /// The language the profiles are written in (profile.yaml); every other text falls back to it.
    pub source_language: String,
    /// The languages of the site, in the order of the language switcher.
    pub languages: Vec<LanguageConfig>,
    /// Further languages spoken by contact persons or services: code → name in its own script.
    #[serde(default)]
    pub spoken_languages: BTreeMap<String, String>,
    /// Site title per language.
    pub title: LocalizedText,
    /// Subtitle per language.
    pub subtitle: LocalizedText,
    /// Months after which a Steckbrief should be reviewed again.
    pub review_interval_months: u32,
    /// Topics, in the order of the brochure's chapters.
    pub topics: Vec<Category>,
    /// Target groups, in the order of the finder.
    pub target_groups: Vec<Category>,
    /// The printed brochure.
    pub brochure: BrochureConfig,
    /// Colours and logo.
    pub branding: Branding,
    /// Where readers report a mistake in a Steckbrief: every actor page links to a pre-filled
    /// e-mail to this address ("Is something wrong here?"). Without it there is no such link.
    #[serde(default)]
    pub feedback_email: Option<String>,
    /// The open data published with every build (`data/catalog.json`, `data/hsds/`,
    /// `data/dcat.jsonld`): its licence and publisher.
    #[serde(default)]
    pub open_data: OpenDataConfig,
}

/// Licence and publisher of the open data.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenDataConfig {
    /// Licence of the data: `dl-de/by-2-0` (Datenlizenz Deutschland – Namensnennung 2.0, the
    /// default), `dl-de/zero-2-0`, `CC-BY-4.0` or `CC0-1.0`.
    #[serde(default)]
    pub licence: Licence,
    /// Who publishes the data (named in the attribution), e.g. "Kreisstadt Merzig".
    /// Default: the town.
    pub publisher: Option<String>,
    /// The publisher's website.
    pub publisher_url: Option<String>,
    /// The publisher's e-mail address for questions about the data.
    pub publisher_email: Option<String>,
    /// The federal state (Bundesland) of the addresses, e.g. "Saarland": HSDS addresses
    /// require one.
    pub state: Option<String>,
    /// The town's official municipality key (Amtlicher Gemeindeschlüssel, 8 digits), e.g.
    /// "10042114": open-data portals place the data on the map with it.
    pub municipality_key: Option<String>,
    /// The publisher's id at GovData (`dcatde:contributorID`, a URI that GovData assigns),
    /// which GovData requires of data it harvests.
    pub contributor_id: Option<String>,
}

/// An open-data licence that German open-data portals (GovData) know.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum Licence {
    /// Datenlizenz Deutschland – Namensnennung – Version 2.0.
    #[default]
    #[serde(rename = "dl-de/by-2-0")]
    DlDeBy,
    /// Datenlizenz Deutschland – Zero – Version 2.0.
    #[serde(rename = "dl-de/zero-2-0")]
    DlDeZero,
    /// Creative Commons Attribution 4.0 International.
    #[serde(rename = "CC-BY-4.0")]
    CcBy,
    /// Creative Commons Zero 1.0 (public domain dedication).
    #[serde(rename = "CC0-1.0")]
    Cc0,
}

impl Licence {
    /// The identifier as written in config.yaml ("dl-de/by-2-0").
    pub fn id(self) -> &'static str {
        match self {
            Licence::DlDeBy => "dl-de/by-2-0",
            Licence::DlDeZero => "dl-de/zero-2-0",
            Licence::CcBy => "CC-BY-4.0",
            Licence::Cc0 => "CC0-1.0",
        }
    }

    /// The full name of the licence.
    pub fn name(self) -> &'static str {
        match self {
            Licence::DlDeBy => "Datenlizenz Deutschland – Namensnennung – Version 2.0",
            Licence::DlDeZero => "Datenlizenz Deutschland – Zero – Version 2.0",
            Licence::CcBy => "Creative Commons Namensnennung 4.0 International",
            Licence::Cc0 => "Creative Commons Zero 1.0 Universell",
        }
    }

    /// Where the licence text is published.
    pub fn url(self) -> &'static str {
        match self {
            Licence::DlDeBy => "https://www.govdata.de/dl-de/by-2-0",
            Licence::DlDeZero => "https://www.govdata.de/dl-de/zero-2-0",
            Licence::CcBy => "https://creativecommons.org/licenses/by/4.0/",
            Licence::Cc0 => "https://creativecommons.org/publicdomain/zero/1.0/",
        }
    }

    /// The licence's URI in the DCAT-AP.de licence vocabulary, which GovData harvests.
    pub fn dcat_uri(self) -> &'static str {
        match self {
            Licence::DlDeBy => "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
            Licence::DlDeZero => "http://dcat-ap.de/def/licenses/dl-zero-de/2.0",
            Licence::CcBy => "http://dcat-ap.de/def/licenses/cc-by/4.0",
            Licence::Cc0 => "http://dcat-ap.de/def/licenses/cc-zero",
        }
    }

    /// Whether users must name the source.
    pub fn requires_attribution(self) -> bool {
        matches!(self, Licence::DlDeBy | Licence::CcBy)
    }
}

/// One language of the site.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LanguageConfig {
    /// Language code (BCP 47), e.g. "de", "ar", "uk".
    pub code: String,
    /// Name of the language in its own script, e.g. "العربية".
    pub name: String,
    /// true for languages written right to left (Arabic, Persian).
    #[serde(default)]
    pub rtl: bool,
    /// For a variant of another site language, that language's code: `de` for Leichte Sprache
    /// (`de-x-ls`). Every text the variant lacks — a profile field, a page, a UI string, a
    /// label — is taken from the base, field by field, and shown as the reader's own language
    /// (the reader of Leichte Sprache reads German), not as a foreign-language fallback.
    #[serde(default)]
    pub base: Option<String>,
    /// true for Leichte Sprache (easy-to-read German): `check` warns about sentences over 15
    /// words and words over 20 letters in its texts (rules of thumb of the Netzwerk Leichte
    /// Sprache).
    #[serde(default)]
    pub easy_read: bool,
}

/// The languages whose text a reader of one language is shown, in order of preference: the
/// language, its base (for a variant such as Leichte Sprache), the source language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fallbacks<'a> {
    /// The language asked for.
    pub language: &'a str,
    /// The language it is a variant of, if any.
    pub base: Option<&'a str>,
    /// The source language, which has every text.
    pub source: &'a str,
}

impl<'a> Fallbacks<'a> {
    /// The languages to look in, in order, each once.
    pub fn chain(self) -> impl Iterator<Item = &'a str> {
        let mut chain = vec![self.language];
        for code in self.base.into_iter().chain([self.source]) {
            if !chain.contains(&code) {
                chain.push(code);
            }
        }
        chain.into_iter()
    }

    /// Whether text in `code` counts as the reader's own: the language itself or its base.
    /// Only other text is a fallback that the renderers mark as foreign.
    pub fn is_own(self, code: &str) -> bool {
        code == self.language || self.base == Some(code)
    }

    /// The first of `texts` (keyed by language code) along the chain, with its language.
    pub fn pick<T>(
        self,
        texts: &'a std::collections::BTreeMap<String, T>,
    ) -> Option<(&'a T, &'a str)> {
        self.chain().find_map(|code| Some((texts.get(code)?, code)))
    }
}

/// A topic or a target group.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// Id used in profiles and URLs: lowercase letters, digits and hyphens.
    pub id: String,
    /// Label per language.
    pub label: LocalizedText,
}

/// Options of the printed brochure.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BrochureConfig {
    /// Paper size: a5 (default) or a4.
    #[serde(default)]
    pub paper: Paper,
    /// Languages that get a PDF.
    pub languages: Vec<String>,
    /// File name of the PDF without ".pdf".
    pub file_name: String,
    /// Slug of the actor presented on the back cover as the central contact point (name,
    /// address, phone, e-mail, hours), e.g. `iq-anlaufstelle`.
    #[serde(default)]
    pub contact_point: Option<String>,
    /// A print-shop variant written beside each PDF as `<file_name>-print.pdf`: bleed and crop
    /// marks. Without it only the screen variant `<file_name>.pdf` is written.
    #[serde(default)]
    pub print: Option<PrintConfig>,
    /// The most actors a brochure may hold (default 2000). Laying out a brochure takes memory in
    /// proportion to its pages (about 1.5 MB a page, 2.8 pages an actor, at 2,000 actors 8 GB),
    /// so a larger catalogue is refused before the layout starts instead of running out of
    /// memory. Divide the brochure by topic (`volumes: topic`, the limit then applies to each
    /// volume), raise it on a machine with the memory, or leave the brochures out
    /// (`languages: []`, `steckbrief build --no-brochures`).
    #[serde(default = "default_max_actors")]
    pub max_actors: usize,
    /// One brochure per language (`one`, default), or one volume per topic and language
    /// (`topic`): each a PDF of its own with the topic's Steckbriefe, laid out one after another,
    /// so that the memory a build needs depends on the largest topic, not on the whole catalogue.
    /// `max_actors` then applies to each volume.
    #[serde(default)]
    pub volumes: Volumes,
}

/// How the brochure of a language is divided (see [`BrochureConfig::volumes`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Volumes {
    /// One PDF with every topic as a chapter.
    #[default]
    One,
    /// One PDF per topic (`<file_name>-<topic id>.pdf`), each with cover, contents, its
    /// chapter and its own index.
    Topic,
}

impl BrochureConfig {
    /// The file name, without ".pdf", of the brochure (`None`) or of the volume of a topic:
    /// `<file_name>-<topic id>`.
    pub fn volume_file_name(&self, volume: Option<&str>) -> String {
        match volume {
            None => self.file_name.clone(),
            Some(id) => format!("{}-{id}", self.file_name),
        }
    }
}

/// See [`BrochureConfig::max_actors`]: measured with `steckbrief brochure --lang de` on generated
/// catalogues (BENCHMARKS.md), the peak memory of one brochure grows faster than its pages
/// (500 actors 1.6 GB, 1,000 3.4 GB, 2,000 8.1 GB); 2,500 would take some 10 GB.
pub const DEFAULT_MAX_ACTORS: usize = 2000;

fn default_max_actors() -> usize {
    DEFAULT_MAX_ACTORS
}

/// The print-shop variant of the brochure.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PrintConfig {
    /// Bleed around every page in millimetres (3 is usual): the covers' colour runs into it.
    #[serde(default = "default_bleed")]
    pub bleed_mm: f64,
    /// Crop marks outside the bleed: on every page (`all`, default), on the covers (`cover`)
    /// or none (`none`).
    #[serde(default)]
    pub crop_marks: CropMarks,
}

fn default_bleed() -> f64 {
    3.0
}

impl Default for PrintConfig {
    fn default() -> PrintConfig {
        PrintConfig {
            bleed_mm: default_bleed(),
            crop_marks: CropMarks::default(),
        }
    }
}

/// Which pages of the print variant get crop marks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CropMarks {
    #[default]
    All,
    Cover,
    None,
}

impl Config {
    /// How many actors the largest PDF of a brochure language holds, given the topics of each
    /// actor, and, with `brochure.volumes: topic`, the id of its topic: each actor is printed
    /// in the volume of its first configured topic.
    pub fn largest_brochure<'a>(
        &self,
        actors: impl Iterator<Item = &'a [String]>,
    ) -> (usize, Option<&str>) {
        match self.brochure.volumes {
            Volumes::One => (actors.count(), None),
            Volumes::Topic => {
                let mut counts = vec![0; self.topics.len()];
                for topics in actors {
                    let first =
                        (topics.iter()).find_map(|t| self.topics.iter().position(|c| &c.id == t));
                    if let Some(first) = first {
                        counts[first] += 1;
                    }
                }
                // The first of the largest, for a stable message.
                let largest = (0..counts.len()).rev().max_by_key(|i| counts[*i]);
                largest.map_or((0, None), |i| (counts[i], Some(self.topics[i].id.as_str())))
            }
        }
    }

    /// The town's name in `language`: from `town_names`, else `town`.
    pub fn town_name<'a>(&'a self, language: &'a str) -> &'a str {
        self.fallbacks(language)
            .pick(&self.town_names)
            .map_or(&self.town, |(name, _)| name)
    }

    /// The language `code` is a variant of (its `base`), if it is a configured variant.
    pub fn base_of(&self, code: &str) -> Option<&str> {
        self.languages
            .iter()
            .find(|l| l.code == code)
            .and_then(|l| l.base.as_deref())
    }

    /// Where texts for readers of `language` come from, in order.
    pub fn fallbacks<'a>(&'a self, language: &'a str) -> Fallbacks<'a> {
        Fallbacks {
            language,
            base: self.base_of(language),
            source: &self.source_language,
        }
    }

    /// Who publishes the open data: `open_data.publisher`, else the town.
    pub fn publisher(&self) -> &str {
        self.open_data.publisher.as_deref().unwrap_or(&self.town)
    }
}

/// Paper size of the brochure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A5,
    A4,
}

/// Colours and logo of the town.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Branding {
    /// Main colour as #rrggbb.
    pub primary_color: String,
    /// Accent colour as #rrggbb.
    pub accent_color: String,
    /// Logo file, relative to the content root, e.g. "theme/logo.svg".
    pub logo: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::Fallbacks;

    #[test]
    fn fallbacks_go_from_the_variant_to_its_base_to_the_source() {
        let simple = Fallbacks {
            language: "en-x-simple",
            base: Some("en"),
            source: "de",
        };
        assert_eq!(
            simple.chain().collect::<Vec<_>>(),
            ["en-x-simple", "en", "de"]
        );
        assert!(simple.is_own("en") && !simple.is_own("de"));
        let easy = Fallbacks {
            language: "de-x-ls",
            base: Some("de"),
            source: "de",
        };
        assert_eq!(easy.chain().collect::<Vec<_>>(), ["de-x-ls", "de"]);
        assert!(
            easy.is_own("de"),
            "German is a Leichte Sprache reader's own language"
        );
        let english = Fallbacks {
            language: "en",
            base: None,
            source: "de",
        };
        assert_eq!(english.chain().collect::<Vec<_>>(), ["en", "de"]);
        assert!(!english.is_own("de"));
    }
}
