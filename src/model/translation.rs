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
