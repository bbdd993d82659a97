//! The file formats editors write, as serde types.
//!
//! These types mirror the YAML exactly (their JSON Schemas are generated from them), and keep
//! values such as phone numbers and opening times as the text the editor typed: `validate` turns
//! them into checked values for the [`crate::catalog`], reporting every problem with its place.

pub mod numbers;
pub mod profile;
pub mod translation;

pub use profile::Profile;
pub use translation::Translation;
