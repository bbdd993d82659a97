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
        let source = catalog.config.source_language.as_str();
        let text = |pick: fn(&'a crate::model::Translation) -> Option<&'a str>| {
            actor.text(language, source, pick)
        };
        let note = |pick: fn(&'a crate::model::Translation) -> Option<&'a NoteTranslation>| {
            actor.text(language, source, move |t| pick(t)?.note.as_deref())
        };
        let path = urls::actor(language, &actor.slug);
        LocalActor {
            actor,
            language,
            summary: actor.summary(language, source),
            description: actor.description(language, source),
            offers: actor.text(language, source, |t| t.offers.as_deref()),
            costs: text(|t| t.costs.as_deref()),
            roles: (0..actor.contacts.len())
                .map(|i| {
                    actor.text(language, source, move |t| {
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

    /// Whether `field` is shown in the source language because this language lacks it.
    pub fn fell_back(&self, field: Field) -> bool {
        let fell_back = |text: &Option<Localized<'_, str>>| text.is_some_and(|t| t.is_fallback);
        match field {
            Field::Summary => self.summary.is_fallback,
            Field::Description => self.description.is_fallback,
            Field::Offers => self.offers.is_some_and(|o| o.is_fallback),
            Field::Costs => fell_back(&self.costs),
            Field::ContactRoles => self.roles.iter().any(fell_back),
            Field::OpeningHoursNote => fell_back(&self.opening_hours_note),
            Field::ConsultationHoursNote => fell_back(&self.consultation_hours_note),
            Field::AccessibilityNote => fell_back(&self.accessibility_note),
            Field::Transport => fell_back(&self.transport),
        }
    }

    /// Whether any text is shown in the source language.
    pub fn has_fallback(&self) -> bool {
        Field::ALL.into_iter().any(|field| self.fell_back(field))
    }
}
