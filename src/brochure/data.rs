//! The catalogue as the template sees it: one language, every string resolved and formatted.
//!
//! The template does no formatting of its own beyond layout: UI strings come from [`I18n`], hours
//! and dates from [`crate::format`], so the brochure says exactly what the website says. Text
//! that fell back to the source language is flagged (and tagged with that language) so the
//! template marks it as the website does. All text passes through [`clean`].

use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;
use serde::Serialize;

use crate::catalog::{
    Actor, Catalog, FOREWORD_PAGE, Hours, IMPRINT_PAGE, Localized, Phone, Reach, category_label,
    collation_key, index_letter,
};
use crate::config::Paper;
use crate::format;
use crate::i18n::I18n;
use crate::urls;

use super::BrochureError;
use super::markdown::{self, Block};
use super::qr::{self, QrImage};

/// Everything the template prints for one language; serialised to `/data.json`.
#[derive(Debug, Serialize)]
pub struct Brochure {
    /// The language's primary subtag, e.g. "ar"; "de" for Leichte Sprache (`de-x-ls`), since
    /// typst (hyphenation, PDF /Lang) knows only ISO 639 codes and the variant is German.
    pub lang: String,
    /// True for right-to-left languages.
    pub rtl: bool,
    /// True for Leichte Sprache (`easy_read`): larger type, no hyphenation.
    pub easy_read: bool,
    /// True if the source language (that of fallback text) is written right to left.
    pub source_rtl: bool,
    /// "a5" or "a4".
    pub paper: &'static str,
    /// Main colour, #rrggbb.
    pub primary: String,
    /// Accent colour, #rrggbb.
    pub accent: String,
    /// Virtual path of the town's logo, if configured.
    pub logo: Option<String>,
    pub title: String,
    pub subtitle: String,
    /// The town's name in this language (`town_names`, else `town`).
    pub town: String,
    /// The year of the "as of" date, printed on the cover.
    pub year: String,
    /// "Stand: 15.06.2026".
    pub as_of: String,
    /// The website's address for this language, printed in the imprint.
    pub site_url: String,
    /// A QR code for `site_url`.
    pub site_qr: QrImage,
    /// Every UI string by its i18n key, as the website's templates see them.
    pub t: BTreeMap<String, String>,
    pub foreword: Option<PageData>,
    pub chapters: Vec<Chapter>,
    /// Every printed actor, sorted for the A–Z index.
    pub index: Vec<IndexEntry>,
    pub numbers: Vec<NumberData>,
    pub imprint: Option<PageData>,
    /// The central contact point, presented on the back cover.
    pub contact_point: Option<ContactPoint>,
    /// Bleed and crop marks of the print variant; `None` for the screen variant.
    pub print: Option<PrintData>,
    /// The volume this PDF is, when config.yaml divides the brochure into one per topic.
    pub volume: Option<VolumeData>,
}

/// One volume of a brochure divided by topic (`brochure.volumes: topic`).
#[derive(Debug, Serialize)]
pub struct VolumeData {
    /// The topic's id.
    pub id: String,
    /// The topic's label: the volume's name.
    pub title: String,
    /// "Heft 2 von 6".
    pub number: String,
    /// The names of the other volumes, in their order.
    pub others: Vec<String>,
}

/// The print-shop options of the print variant.
#[derive(Debug, Serialize)]
pub struct PrintData {
    /// Bleed in millimetres.
    pub bleed: f64,
    /// "all", "cover" or "none".
    pub crop_marks: &'static str,
}

/// The actor presented on the back cover.
#[derive(Debug, Serialize)]
pub struct ContactPoint {
    pub name: String,
    /// Street, then postcode and city.
    pub address: Vec<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// "Öffnungszeiten" or "Beratungszeiten", whichever `hours` are.
    pub hours_label: String,
    pub hours: Option<HoursData>,
}

/// A text and whether it fell back to the source language.
#[derive(Debug, Serialize)]
pub struct Text {
    pub text: String,
    /// The language the text is in.
    pub lang: String,
    pub fallback: bool,
}

/// Markdown as blocks, with its language.
#[derive(Debug, Serialize)]
pub struct RichText {
    pub blocks: Vec<Block>,
    pub lang: String,
    pub fallback: bool,
}

/// A content page (foreword, imprint).
#[derive(Debug, Serialize)]
pub struct PageData {
    pub title: String,
    pub body: RichText,
}

/// One chapter: a topic.
#[derive(Debug, Serialize)]
pub struct Chapter {
    pub title: String,
    /// Actors whose first topic this is, printed in full here.
    pub actors: Vec<ActorData>,
    /// Actors printed in another chapter that also belong here.
    pub see_also: Vec<IndexEntry>,
}

/// A reference to a printed actor.
#[derive(Debug, Clone, Serialize)]
pub struct IndexEntry {
    pub slug: String,
    pub name: String,
    /// The initial the index groups it under.
    pub letter: String,
    /// The volume it is printed in, when that is another volume than this one.
    pub volume: Option<String>,
}

/// An important phone number.
#[derive(Debug, Serialize)]
pub struct NumberData {
    pub label: Text,
    pub phone: String,
}

/// One Steckbrief.
#[derive(Debug, Serialize)]
pub struct ActorData {
    pub slug: String,
    pub name: String,
    pub operator: Option<String>,
    pub logo: Option<String>,
    pub summary: Text,
    pub description: RichText,
    pub offers: Option<TextList>,
    pub costs: Option<Text>,
    pub contacts: Vec<ContactData>,
    /// Street, then postcode and city.
    pub address: Vec<String>,
    /// Phone (`display` as written, `international` for links), e-mail, website.
    #[serde(flatten)]
    pub reach: Reach,
    pub opening_hours: Option<HoursData>,
    pub consultation_hours: Option<HoursData>,
    /// Names of the languages of service, in their own script.
    pub languages: Vec<String>,
    pub wheelchair: Option<String>,
    pub accessibility_note: Option<Text>,
    pub transport: Option<Text>,
    /// The actor's page on the website.
    pub url: String,
    /// The QR code for `url`.
    pub qr: QrImage,
    /// True if any text of this actor fell back to the source language.
    pub has_fallback: bool,
    /// True if any text of this language variant (Leichte Sprache) is its base language's
    /// (standard German): said once under the Steckbrief, not marked per field.
    pub uses_base: bool,
    /// "Zuletzt geprüft am 15.06.2026", as on the website.
    pub last_reviewed: String,
    /// About how many lines of body text the Steckbrief takes (see [`estimated_lines`]).
    pub estimated_lines: usize,
}

/// A list of short texts in one language.
#[derive(Debug, Serialize)]
pub struct TextList {
    pub items: Vec<String>,
    pub lang: String,
    pub fallback: bool,
}

/// A contact person.
#[derive(Debug, Serialize)]
pub struct ContactData {
    pub name: String,
    pub role: Option<Text>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub languages: Vec<String>,
}

/// Opening or consultation hours, formatted.
#[derive(Debug, Serialize)]
pub struct HoursData {
    pub rows: Vec<format::HoursRow>,
    pub appointment: Option<String>,
    pub note: Option<Text>,
}

/// Removes the Unicode controls that override or isolate text direction (U+202A–U+202E,
/// U+2066–U+2069): in data they would allow visual spoofing, e.g. of a phone number. For text
/// that is printed, not linked: see [`wrappable`].
pub fn clean_address(text: &str) -> String {
    crate::bidi::strip_direction_controls(text).unwrap_or_else(|| text.to_owned())
}

/// [`clean_address`], then [`wrappable`]: for every printed text.
pub fn clean(text: &str) -> String {
    wrappable(&clean_address(text))
}

/// Words longer than this many characters get break opportunities: no real word is this long
/// (the longest German compounds in the example content have about 30 letters), and a longer
/// token would run off the page, since typst breaks lines only between words.
const LONGEST_WORD: usize = 40;

/// Gives every word longer than [`LONGEST_WORD`] a break opportunity (U+200B ZERO WIDTH SPACE)
/// every 16 characters, never before a combining mark, so that typst can wrap it as a last
/// resort. Addresses and URLs are wrapped at their natural points by the template instead.
pub fn wrappable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_inclusive(char::is_whitespace) {
        if word.chars().count() <= LONGEST_WORD {
            out.push_str(word);
            continue;
        }
        let mut run = 0;
        for c in word.chars() {
            if run >= 16 && !is_mark(c) && !c.is_whitespace() {
                out.push('\u{200B}');
                run = 0;
            }
            out.push(c);
            run += 1;
        }
    }
    out
}

/// Combining marks and joiners of the scripts in use, which must stay with the letter before.
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{135D}'..='\u{135F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}')
}

/// The virtual path of an actor's QR code (raw pixels, see [`qr`]).
fn actor_qr_path(slug: &str) -> String {
    format!("/qr/actor/{slug}")
}

/// The virtual path of the QR code for the language's home page.
const SITE_QR_PATH: &str = "/qr/site";

/// The virtual path of the town's logo.
fn logo_path(extension: &str) -> String {
    format!("/images/logo.{extension}")
}

/// The virtual path of an actor's logo.
fn actor_logo_path(slug: &str, extension: &str) -> String {
    format!("/images/actors/{slug}.{extension}")
}

/// A file's extension in lower case ("svg"), for virtual paths.
fn extension(path: &std::path::Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Builds the view of `catalog` in `lang`; fails only if a URL is too long for a QR code.
pub fn brochure(catalog: &Catalog, lang: &str, as_of: Date) -> Result<Brochure, BrochureError> {
    volume(catalog, lang, as_of, None)
}

/// Builds the view of the volume of topic `volume` in `lang` (see [`super::volumes`]), or of
/// the whole brochure if `None`. A volume has the topic's chapter, and in its index the actors
/// printed in it; actors of the topic printed in another volume are listed with that volume's
/// name.
pub fn volume(
    catalog: &Catalog,
    lang: &str,
    as_of: Date,
    volume: Option<&str>,
) -> Result<Brochure, BrochureError> {
    let config = &catalog.config;
    let source = config.source_language.as_str();
    let languages = catalog.fallbacks(lang);
    let i18n = &catalog.i18n;
    let localized = |map: &BTreeMap<String, String>| {
        clean(languages.pick(map).map_or("", |(text, _)| text.as_str()))
    };
    let printed: Vec<&Actor> = catalog
        .actors
        .iter()
        .map(Arc::as_ref)
        .filter(|a| first_topic(catalog, a).is_some_and(|t| volume.is_none_or(|v| v == t)))
        .collect();
    let label_of = |id: &str| {
        config
            .topics
            .iter()
            .find(|c| c.id == id)
            .map(|c| clean(category_label(c, languages)))
    };
    // In a volume, the topic's actors printed in other volumes: each with that volume's name.
    let elsewhere: Vec<IndexEntry> = volume.map_or_else(Vec::new, |v| {
        catalog
            .actors
            .iter()
            .filter(|a| a.topics.iter().any(|t| t == v))
            .filter_map(|a| {
                let first = first_topic(catalog, a).filter(|t| *t != v)?;
                Some(IndexEntry {
                    volume: label_of(first),
                    ..index_entry(a)
                })
            })
            .collect()
    });
    let mut chapters = Vec::new();
    for topic in config
        .topics
        .iter()
        .filter(|t| volume.is_none_or(|v| v == t.id))
    {
        let chapter = Chapter {
            title: clean(category_label(topic, languages)),
            // In parallel: making the QR codes is most of the work here.
            actors: printed
                .par_iter()
                .filter(|a| first_topic(catalog, a) == Some(topic.id.as_str()))
                .map(|a| actor(catalog, a, lang))
                .collect::<Result<_, _>>()?,
            see_also: printed
                .iter()
                .filter(|a| {
                    first_topic(catalog, a) != Some(topic.id.as_str())
                        && a.topics.contains(&topic.id)
                })
                .map(|a| index_entry(a))
                .chain(elsewhere.iter().cloned())
                .collect(),
        };
        if !chapter.actors.is_empty() || !chapter.see_also.is_empty() {
            chapters.push(chapter);
        }
    }
    let mut index: Vec<IndexEntry> = printed.iter().map(|a| index_entry(a)).collect();
    index.sort_by_cached_key(|e| (collation_key(&e.name), e.slug.clone()));
    let page = |id: &str| {
        catalog.pages.get(id).map(|page| {
            let (text, language, fallback) = page.version(languages);
            PageData {
                title: clean(&text.title),
                body: RichText {
                    blocks: markdown::blocks(&catalog.markdown(language, &text.body)),
                    lang: language.to_owned(),
                    fallback,
                },
            }
        })
    };
    let language = catalog.language(lang);
    let site_url = urls::absolute(&config.base_url, &urls::home(lang));
    Ok(Brochure {
        lang: lang.split('-').next().unwrap_or(lang).to_owned(),
        rtl: language.is_some_and(|l| l.rtl),
        easy_read: language.is_some_and(|l| l.easy_read),
        source_rtl: catalog.language(source).is_some_and(|l| l.rtl),
        paper: match config.brochure.paper {
            Paper::A5 => "a5",
            Paper::A4 => "a4",
        },
        primary: config.branding.primary_color.clone(),
        accent: config.branding.accent_color.clone(),
        logo: config
            .branding
            .logo
            .as_ref()
            .map(|l| logo_path(&extension(std::path::Path::new(l)))),
        title: localized(&config.title),
        subtitle: localized(&config.subtitle),
        town: clean(config.town_name(lang)),
        year: as_of.year().to_string(),
        as_of: i18n.format(
            lang,
            "brochure_as_of",
            &[("date", &format::date(as_of, i18n, lang))],
        ),
        site_qr: qr::encode(&site_url, SITE_QR_PATH.to_owned())?,
        site_url,
        t: i18n
            .table(lang)
            .into_iter()
            .map(|(key, text)| (key.to_owned(), clean(text)))
            .collect(),
        foreword: page(FOREWORD_PAGE),
        chapters,
        index,
        numbers: catalog
            .numbers
            .iter()
            .map(|n| NumberData {
                label: {
                    let language = languages.pick(&n.label).map_or(source, |(_, code)| code);
                    Text {
                        text: localized(&n.label),
                        lang: language.to_owned(),
                        fallback: !languages.is_own(language),
                    }
                },
                phone: clean(&n.phone.display),
            })
            .collect(),
        imprint: page(IMPRINT_PAGE),
        contact_point: config
            .brochure
            .contact_point
            .as_ref()
            .and_then(|slug| catalog.actors.iter().find(|a| &a.slug == slug))
            .map(|a| contact_point(catalog, a, lang)),
        print: None,
        volume: volume.map(|id| volume_data(catalog, lang, id)),
    })
}

/// The cover's view of the volume of topic `id`: its name, its number, the other volumes.
fn volume_data(catalog: &Catalog, lang: &str, id: &str) -> VolumeData {
    let languages = catalog.fallbacks(lang);
    let all = catalog.volume_topics();
    let position = all.iter().position(|t| t.id == id).unwrap_or_default();
    VolumeData {
        id: id.to_owned(),
        title: all
            .get(position)
            .map_or_else(String::new, |t| clean(category_label(t, languages))),
        number: clean(&catalog.i18n.format(
            lang,
            "brochure_volume_number",
            &[
                ("number", &(position + 1).to_string()),
                ("count", &all.len().to_string()),
            ],
        )),
        others: all
            .iter()
            .filter(|t| t.id != id)
            .map(|t| clean(category_label(t, languages)))
            .collect(),
    }
}

/// The back cover's view of the contact point: name, address, phone, e-mail, and its opening
/// hours (else its consultation hours).
fn contact_point(catalog: &Catalog, actor: &Actor, lang: &str) -> ContactPoint {
    let i18n = &catalog.i18n;
    let local = catalog.local(actor, lang);
    let (hours_label, hours_data) = match &actor.opening_hours {
        Some(h) => (
            "opening_hours",
            hours(Some(h), text(local.opening_hours_note), i18n, lang),
        ),
        None => (
            "consultation_hours",
            hours(
                actor.consultation_hours.as_ref(),
                text(local.consultation_hours_note),
                i18n,
                lang,
            ),
        ),
    };
    ContactPoint {
        name: clean(&actor.name),
        address: address(actor),
        phone: phone(actor.reach.phone.as_ref()),
        email: actor.reach.email.as_deref().map(clean_address),
        hours_label: clean(i18n.get(lang, hours_label)),
        hours: hours_data,
    }
}

/// Street, then postcode and city.
fn address(actor: &Actor) -> Vec<String> {
    vec![
        clean(&actor.address.street),
        clean(&format!(
            "{} {}",
            actor.address.postcode, actor.address.city
        )),
    ]
}

/// The chapter an actor is printed in: its first topic that is configured.
fn first_topic<'a>(catalog: &Catalog, actor: &'a Actor) -> Option<&'a str> {
    actor
        .topics
        .iter()
        .find(|t| catalog.config.topics.iter().any(|c| &c.id == *t))
        .map(String::as_str)
}

fn index_entry(actor: &Actor) -> IndexEntry {
    let name = clean(&actor.name);
    IndexEntry {
        slug: actor.slug.clone(),
        letter: index_letter(&name),
        name,
        volume: None,
    }
}

/// A resolved text, cleaned.
fn cleaned(value: Localized<'_, str>) -> Text {
    Text {
        text: clean(value.value),
        lang: value.language.to_owned(),
        fallback: value.is_fallback,
    }
}

fn text(value: Option<Localized<'_, str>>) -> Option<Text> {
    value.map(cleaned)
}

fn hours(hours: Option<&Hours>, note: Option<Text>, i18n: &I18n, lang: &str) -> Option<HoursData> {
    let hours = hours?;
    Some(HoursData {
        rows: format::hours_rows(hours, i18n, lang),
        appointment: hours
            .appointment
            .map(|a| clean(format::appointment_label(a, i18n, lang))),
        note,
    })
}

fn phone(phone: Option<&Phone>) -> Option<String> {
    phone.map(|p| clean(&p.display))
}

fn language_names(catalog: &Catalog, codes: &[String]) -> Vec<String> {
    codes
        .iter()
        .map(|code| clean(format::language_name(catalog, code)))
        .collect()
}

/// Characters of body text on a line of a Steckbrief, roughly (A5, 10 pt, beside the QR code).
const CHARS_PER_LINE: usize = 55;

/// About how many lines of body text a Steckbrief takes: its texts at [`CHARS_PER_LINE`], each
/// list item, contact line, hours row and section label a line, and the header box. The
/// template keeps a short Steckbrief on one page by this estimate; measuring every one would
/// lay it out twice (500 actors: 3.4 GB instead of 1 GB).
fn estimated_lines(a: &ActorData) -> usize {
    let lines = |t: &str| t.chars().count().div_ceil(CHARS_PER_LINE);
    let text = |t: &Option<Text>| t.as_ref().map_or(0, |t| lines(&t.text) + 2);
    let hours = |h: &Option<HoursData>| {
        h.as_ref().map_or(0, |h| {
            h.rows.len() + 2 + usize::from(h.appointment.is_some()) + text(&h.note)
        })
    };
    let description = serde_json::to_string(&a.description.blocks)
        .map_or(0, |json| lines(&json) * 2 / 3 + a.description.blocks.len());
    let offers = a
        .offers
        .as_ref()
        .map_or(0, |o| o.items.iter().map(|i| lines(i)).sum::<usize>() + 2);
    let contacts: usize = a
        .contacts
        .iter()
        .map(|c| 4 + c.role.as_ref().map_or(0, |r| lines(&r.text)))
        .sum();
    6 + lines(&a.name)
        + lines(&a.summary.text)
        + 2
        + description
        + offers
        + text(&a.costs)
        + contacts
        + 6
        + hours(&a.opening_hours)
        + hours(&a.consultation_hours)
        + text(&a.accessibility_note)
        + text(&a.transport)
        + 4
}

fn actor(catalog: &Catalog, actor: &Actor, lang: &str) -> Result<ActorData, BrochureError> {
    let i18n = &catalog.i18n;
    let local = catalog.local(actor, lang);
    let contacts: Vec<ContactData> = actor
        .contacts
        .iter()
        .zip(&local.roles)
        .map(|(c, role)| ContactData {
            name: clean(&c.name),
            role: text(*role),
            phone: phone(c.phone.as_ref()),
            email: c.email.as_deref().map(clean_address),
            languages: language_names(catalog, &c.languages),
        })
        .collect();
    let mut data = ActorData {
        slug: actor.slug.clone(),
        name: clean(&actor.name),
        operator: actor.operator.as_deref().map(clean),
        logo: actor
            .logo
            .as_ref()
            .map(|l| actor_logo_path(&actor.slug, &extension(l))),
        summary: cleaned(local.summary),
        description: RichText {
            blocks: markdown::blocks(
                &catalog.markdown(local.description.language, local.description.value),
            ),
            lang: local.description.language.to_owned(),
            fallback: local.description.is_fallback,
        },
        offers: local.offers.map(|o| TextList {
            items: o.value.iter().map(|s| clean(s)).collect(),
            lang: o.language.to_owned(),
            fallback: o.is_fallback,
        }),
        costs: text(local.costs),
        contacts,
        address: address(actor),
        reach: actor.reach.clone(),
        opening_hours: hours(
            actor.opening_hours.as_ref(),
            text(local.opening_hours_note),
            i18n,
            lang,
        ),
        consultation_hours: hours(
            actor.consultation_hours.as_ref(),
            text(local.consultation_hours_note),
            i18n,
            lang,
        ),
        languages: language_names(catalog, &actor.languages),
        wheelchair: actor
            .wheelchair
            .map(|w| clean(format::wheelchair_label(w, i18n, lang))),
        accessibility_note: text(local.accessibility_note),
        transport: text(local.transport),
        qr: qr::encode(&local.url, actor_qr_path(&actor.slug))?,
        has_fallback: local.has_fallback(),
        uses_base: local.uses_base(),
        url: local.url,
        last_reviewed: clean(&i18n.format(
            lang,
            "last_reviewed",
            &[("date", &format::date(actor.last_reviewed, i18n, lang))],
        )),
        estimated_lines: 0,
    };
    data.estimated_lines = estimated_lines(&data);
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_direction_overrides() {
        assert_eq!(clean("\u{202E}0681\u{2066}23\u{2069}"), "068123");
        assert_eq!(clean("ميرتسيغ Merzig"), "ميرتسيغ Merzig");
    }

    #[test]
    fn only_overlong_words_get_break_opportunities() {
        let normal = "Anerkennungsberatungsstelle für ausländische Berufsabschlüsse";
        assert_eq!(clean(normal), normal);
        let long = "x".repeat(50);
        let wrapped = clean(&format!("a {long} b"));
        assert_eq!(wrapped.replace('\u{200B}', ""), format!("a {long} b"));
        assert_eq!(wrapped.matches('\u{200B}').count(), 3);
        // Never between a letter and its combining mark (here: shadda).
        let arabic = "بّ".repeat(30);
        assert!(!clean(&arabic).contains("\u{200B}\u{0651}"));
    }
}
