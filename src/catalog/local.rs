//! One actor as the reader of one language sees it: every translatable text resolved to that
//! language or, where it is missing, to the source language (and flagged), with the addresses
//! of its page. Built once per actor and language, read by every renderer; renderers add only
//! their markup.

use crate::model::translation::{Field, NoteTranslation};
use crate::urls;

use super::{Actor, Catalog, Localized};

/// An actor in one language.
#[derive(Debug, Clone)]
pub struct LocalActor<'a> {
    /// The language-neutral facts: name, contacts, address, hours, numbers.
    pub actor: &'a Actor,
    /// The language asked for.
    pub language: &'a str,
    pub summary: Localized<'a, str>,
    /// Markdown.
    pub description: Localized<'a, str>,
    pub offers: Option<Localized<'a, [String]>>,
    pub costs: Option<Localized<'a, str>>,
    /// The role of each contact person, in the order of `actor.contacts`.
    pub roles: Vec<Option<Localized<'a, str>>>,
    pub opening_hours_note: Option<Localized<'a, str>>,
    pub consultation_hours_note: Option<Localized<'a, str>>,
    pub accessibility_note: Option<Localized<'a, str>>,
    pub transport: Option<Localized<'a, str>>,
    /// Its page, relative to the site root: `/de/jobcenter-merzig/`.
    pub path: String,
    /// Its page as an absolute URL (QR codes, vCards, JSON-LD).
    pub url: String,
}

impl<'a> LocalActor<'a> {
    /// Resolves `actor` for readers of `language`.
    pub fn new(catalog: &'a Catalog, actor: &'a Actor, language: &'a str) -> LocalActor<'a> {
        let languages = catalog.fallbacks(language);
        let text = |pick: fn(&'a crate::model::Translation) -> Option<&'a str>| {
            actor.text(languages, pick)
        };
        let note = |pick: fn(&'a crate::model::Translation) -> Option<&'a NoteTranslation>| {
            actor.text(languages, move |t| pick(t)?.note.as_deref())
        };
        let path = urls::actor(language, &actor.slug);
        LocalActor {
            actor,
            language,
            summary: actor.summary(languages),
            description: actor.description(languages),
            offers: actor.text(languages, |t| t.offers.as_deref()),
            costs: text(|t| t.costs.as_deref()),
            roles: (0..actor.contacts.len())
                .map(|i| {
                    actor.text(languages, move |t| {
                        t.contacts.as_ref()?.get(i)?.role.as_deref()
                    })
                })
                .collect(),
            opening_hours_note: note(|t| t.opening_hours.as_ref()),
            consultation_hours_note: note(|t| t.consultation_hours.as_ref()),
            accessibility_note: note(|t| t.accessibility.as_ref()),
            transport: text(|t| t.transport.as_deref()),
            url: urls::absolute(&catalog.config.base_url, &path),
            path,
        }
    }

    /// The languages `field` is shown in, each with whether it is a foreign-language fallback
    /// (for contact roles: one entry per role).
    fn origins(&self, field: Field) -> Vec<(&'a str, bool)> {
        fn of<'a, T: ?Sized>(text: Option<&Localized<'a, T>>) -> Option<(&'a str, bool)> {
            text.map(|t| (t.language, t.is_fallback))
        }
        match field {
            Field::Summary => of(Some(&self.summary)).into_iter().collect(),
            Field::Description => of(Some(&self.description)).into_iter().collect(),
            Field::Offers => of(self.offers.as_ref()).into_iter().collect(),
            Field::Costs => of(self.costs.as_ref()).into_iter().collect(),
            Field::ContactRoles => self.roles.iter().filter_map(|r| of(r.as_ref())).collect(),
            Field::OpeningHoursNote => of(self.opening_hours_note.as_ref()).into_iter().collect(),
            Field::ConsultationHoursNote => of(self.consultation_hours_note.as_ref())
                .into_iter()
                .collect(),
            Field::AccessibilityNote => of(self.accessibility_note.as_ref()).into_iter().collect(),
            Field::Transport => of(self.transport.as_ref()).into_iter().collect(),
        }
    }

    /// Whether `field` is shown in the source language because this language lacks it.
    pub fn fell_back(&self, field: Field) -> bool {
        self.origins(field).iter().any(|(_, fallback)| *fallback)
    }

    /// Whether any text is shown in the source language.
    pub fn has_fallback(&self) -> bool {
        Field::ALL.into_iter().any(|field| self.fell_back(field))
    }

    /// Whether any text of this language variant (e.g. Leichte Sprache) is shown in its base
    /// language (standard German) because the variant lacks it. Not a foreign-language
    /// fallback: the renderers say it once per actor instead of marking each field.
    pub fn uses_base(&self) -> bool {
        Field::ALL.into_iter().any(|field| {
            self.origins(field)
                .iter()
                .any(|(code, fallback)| !fallback && *code != self.language)
        })
    }
}
