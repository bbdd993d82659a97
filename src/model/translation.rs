//! `actors/<slug>/<lang>.yaml`: the translatable text of one actor in one language.
//!
//! Only text that differs between languages can be set here; names, numbers, addresses and ids
//! live once in profile.yaml. Every field is optional: what is missing is shown in German.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The translation of a Steckbrief's text into one language.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// One sentence: what they do and for whom.
    pub summary: Option<String>,
    /// Longer description in Markdown.
    pub description: Option<String>,
    /// What they offer (the whole list).
    pub offers: Option<Vec<String>>,
    /// What it costs.
    pub costs: Option<String>,
    /// Roles of the contact persons, in the same order as in profile.yaml.
    pub contacts: Option<Vec<ContactTranslation>>,
    /// Note on the opening hours.
    pub opening_hours: Option<NoteTranslation>,
    /// Note on the consultation hours.
    pub consultation_hours: Option<NoteTranslation>,
    /// Note on accessibility.
    pub accessibility: Option<NoteTranslation>,
    /// How to get there by bus and train.
    pub transport: Option<String>,
}

/// The translatable part of a contact person.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactTranslation {
    /// Role or job title.
    pub role: Option<String>,
}

/// A translated note.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoteTranslation {
    /// The note's text.
    pub note: Option<String>,
}

/// A translatable field, named as editors see it in messages and the report.
///
/// The one list of translatable fields: the check of translation files, the report of missing
/// translations and the fallback marking of both renderers derive from it. Adding a field to
/// [`Translation`] means adding it here, and the compiler then asks for it wherever a field is
/// matched (see docs/ARCHITECTURE.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Summary,
    Description,
    Offers,
    Costs,
    ContactRoles,
    OpeningHoursNote,
    ConsultationHoursNote,
    AccessibilityNote,
    Transport,
}

impl Field {
    /// Every translatable field, in the order of [`Translation`].
    pub const ALL: [Field; 9] = [
        Field::Summary,
        Field::Description,
        Field::Offers,
        Field::Costs,
        Field::ContactRoles,
        Field::OpeningHoursNote,
        Field::ConsultationHoursNote,
        Field::AccessibilityNote,
        Field::Transport,
    ];

    /// The field's path in a translation file ("opening_hours.note").
    pub fn name(self) -> &'static str {
        match self {
            Field::Summary => "summary",
            Field::Description => "description",
            Field::Offers => "offers",
            Field::Costs => "costs",
            Field::ContactRoles => "contacts.role",
            Field::OpeningHoursNote => "opening_hours.note",
            Field::ConsultationHoursNote => "consultation_hours.note",
            Field::AccessibilityNote => "accessibility.note",
            Field::Transport => "transport",
        }
    }

    /// Whether `text` sets this field (for contact roles: any of them).
    pub fn is_set(self, text: &Translation) -> bool {
        let note = |n: &Option<NoteTranslation>| n.as_ref().is_some_and(|n| n.note.is_some());
        match self {
            Field::Summary => text.summary.is_some(),
            Field::Description => text.description.is_some(),
            Field::Offers => text.offers.is_some(),
            Field::Costs => text.costs.is_some(),
            Field::ContactRoles => text
                .contacts
                .as_ref()
                .is_some_and(|c| c.iter().any(|p| p.role.is_some())),
            Field::OpeningHoursNote => note(&text.opening_hours),
            Field::ConsultationHoursNote => note(&text.consultation_hours),
            Field::AccessibilityNote => note(&text.accessibility),
            Field::Transport => text.transport.is_some(),
        }
    }
}
