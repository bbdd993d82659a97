//! `content/numbers.yaml`: emergency and general phone numbers printed in the brochure.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::config::LocalizedText;

/// The list of important numbers.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportantNumbers {
    /// Numbers in the order they are printed.
    pub numbers: Vec<ImportantNumber>,
}

/// One number with its label in each language.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportantNumber {
    /// What the number is for, per language.
    pub label: LocalizedText,
    /// The number as dialled, e.g. "110" or "06861 9300-100".
    #[schemars(length(min = 1))]
    pub phone: String,
}
