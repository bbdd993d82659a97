//! JSON Schemas generated from the file-format types, and structural checking against them.
//!
//! The same schemas serve two purposes: editors' YAML plugins use them for completion while
//! typing, and `check` validates each file against them to report *every* structural problem
//! (unknown field, wrong type, missing field) at once, where serde would stop at the first.

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{ValidationError, Validator};
use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Severity};
use crate::messages;
use crate::model::numbers::ImportantNumbers;
use crate::model::{Profile, Translation};
use crate::source::SourceFile;
use crate::yaml::{Node, NodeKind, pointer_segments};

/// The three kinds of YAML file an editor writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    Config,
    Profile,
    Translation,
    Numbers,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 4] = [
        DocumentKind::Config,
        DocumentKind::Profile,
        DocumentKind::Translation,
        DocumentKind::Numbers,
    ];

    /// File name of the schema under `schemas/`.
    pub fn schema_file_name(self) -> &'static str {
        match self {
            DocumentKind::Config => "config.schema.json",
            DocumentKind::Profile => "profile.schema.json",
            DocumentKind::Translation => "translation.schema.json",
            DocumentKind::Numbers => "numbers.schema.json",
        }
    }

    /// The JSON Schema generated from the Rust type of this kind of file.
    pub fn json_schema(self) -> Value {
        // Inline everything: the schema stays readable and `subschema_at` needs no $ref lookups.
        let generator = SchemaSettings::draft2020_12()
            .with(|settings| settings.inline_subschemas = true)
            .into_generator();
        let schema = match self {
            DocumentKind::Config => generator.into_root_schema_for::<Config>(),
            DocumentKind::Profile => generator.into_root_schema_for::<Profile>(),
            DocumentKind::Translation => generator.into_root_schema_for::<Translation>(),
            DocumentKind::Numbers => generator.into_root_schema_for::<ImportantNumbers>(),
        };
        let mut schema = schema.to_value();
        limit_entries(&mut schema);
        schema
    }
}

/// The compiled schemas of all file kinds.
pub struct Schemas {
    entries: Vec<(DocumentKind, Value, Validator)>,
}

impl Default for Schemas {
    fn default() -> Self {
        let entries = DocumentKind::ALL
            .into_iter()
            .map(|kind| {
                let schema = kind.json_schema();
                let validator =
                    jsonschema::validator_for(&schema).expect("generated schemas are valid");
                (kind, schema, validator)
            })
            .collect();
        Schemas { entries }
    }
}

impl Schemas {
    fn schema(&self, kind: DocumentKind) -> &Value {
        &self.entry(kind).1
    }

    fn entry(&self, kind: DocumentKind) -> &(DocumentKind, Value, Validator) {
        self.entries
            .iter()
            .find(|(k, _, _)| *k == kind)
            .expect("a schema for every kind")
    }

    /// Every structural problem of `root`, the parsed content of `file`.
    pub fn check(&self, kind: DocumentKind, root: &Node, file: &SourceFile) -> Vec<Diagnostic> {
        self.check_instance(kind, &root.to_json(), root, file)
    }

    /// Every structural problem of `instance`, the JSON form of `root` ([`Node::to_json`]).
    pub fn check_instance(
        &self,
        kind: DocumentKind,
        instance: &Value,
        root: &Node,
        file: &SourceFile,
    ) -> Vec<Diagnostic> {
        let (_, schema, validator) = self.entry(kind);
        let mut out = Capped::default();
        for error in validator.iter_errors(instance) {
            if out.full() {
                // Counted, not described: placing and explaining each costs more than finding it.
                out.skipped += match error.kind() {
                    ValidationErrorKind::AdditionalProperties { unexpected } => unexpected.len(),
                    _ => 1,
                };
                continue;
            }
            self.describe(kind, schema, &error, root, file, &mut out);
        }
        let mut diagnostics = out.items;
        if out.skipped > 0 {
            diagnostics.push(crate::diagnostics::more_like_this(
                &file.relative,
                out.skipped,
                Severity::Error,
            ));
        }
        diagnostics
    }

    fn describe(
        &self,
        kind: DocumentKind,
        schema: &Value,
        error: &ValidationError<'_>,
        root: &Node,
        file: &SourceFile,
        out: &mut Capped,
    ) {
        let pointer = error.instance_path().as_str();
        let field = field_label(pointer);
        let at_key = root.key_position(pointer).unwrap_or(root.position);
        let error_at = |message: String| {
            Diagnostic::for_file(Severity::Error, &file.relative, message).at(at_key, &file.text)
        };
        // One mistake, one error: a value that is neither of the right type nor one of the
        // allowed values (`wheelchair: true`) breaks two rules of the schema.
        let about_the_value = !matches!(
            error.kind(),
            ValidationErrorKind::AdditionalProperties { .. }
                | ValidationErrorKind::Required { .. }
                | ValidationErrorKind::AnyOf { .. }
                | ValidationErrorKind::OneOfNotValid { .. }
        );
        if about_the_value && !out.values.insert(pointer.to_owned()) {
            return;
        }
        match error.kind() {
            ValidationErrorKind::AdditionalProperties { unexpected } => {
                self.unknown_fields(kind, pointer, unexpected, root, file, out)
            }
            ValidationErrorKind::Required { property } => {
                if let Some(diagnostic) = missing_field(schema, pointer, property, root, file) {
                    out.push(diagnostic);
                }
            }
            ValidationErrorKind::Type { kind: expected } => out.push(wrong_type(
                schema, pointer, &field, expected, error, root, error_at,
            )),
            ValidationErrorKind::Enum { .. } => {
                out.push(self.not_a_choice(schema, pointer, &field, error.instance(), error_at))
            }
            ValidationErrorKind::AnyOf { context }
            | ValidationErrorKind::OneOfNotValid { context } => {
                if !choices(subschema_at(schema, pointer)).is_empty() {
                    if !out.values.insert(pointer.to_owned()) {
                        return;
                    }
                    out.push(self.not_a_choice(
                        schema,
                        pointer,
                        &field,
                        error.instance(),
                        error_at,
                    ));
                    return;
                }
                // `Option<T>` becomes "T or null"; the branch worth reporting is the one that
                // is not merely "expected null".
                let branch = context.iter().find(|errors| {
                    !errors.iter().all(|e| {
                        matches!(e.kind(), ValidationErrorKind::Type { kind: TypeKind::Single(t) } if t.to_string() == "null")
                    })
                });
                match branch {
                    Some(errors) => {
                        for inner in errors {
                            self.describe(kind, schema, inner, root, file, out);
                        }
                    }
                    None if out.values.insert(pointer.to_owned()) => {
                        out.push(error_at(messages::invalid_value(&field)))
                    }
                    None => {}
                }
            }
            ValidationErrorKind::MinLength { .. } => {
                out.push(
                    error_at(messages::field_empty(&field)).with_hint(messages::fill_in_hint()),
                );
            }
            ValidationErrorKind::MinItems { .. } => {
                let allowed = choices_hint(subschema_at(schema, &format!("{pointer}/0")));
                out.push(error_at(messages::needs_an_entry(&field)).with_hint(allowed));
            }
            ValidationErrorKind::Minimum { limit } => {
                out.push(error_at(messages::at_least(&field, limit)))
            }
            ValidationErrorKind::MaxItems { limit }
            | ValidationErrorKind::MaxProperties { limit } => {
                out.push(too_many(&field, *limit, error.instance(), error_at))
            }
            _ => out.push(error_at(messages::other_structure(
                &field,
                &error.to_string(),
            ))),
        }
    }

    /// One error per unknown field of the mapping at `pointer`; in a translation, a field of
    /// profile.yaml "cannot be translated" rather than being unknown.
    fn unknown_fields(
        &self,
        kind: DocumentKind,
        pointer: &str,
        unexpected: &[String],
        root: &Node,
        file: &SourceFile,
        out: &mut Capped,
    ) {
        let (_, schema, _) = self.entry(kind);
        let mapping = root.at(pointer).unwrap_or(root);
        let known = property_names(subschema_at(schema, pointer));
        for name in unexpected {
            if out.full() {
                out.skipped += 1;
                continue;
            }
            let position = mapping.key(name).map_or(mapping.position, |k| k.position);
            let diagnostic =
                if kind == DocumentKind::Translation && self.is_profile_field(pointer, name) {
                    Diagnostic::for_file(
                        Severity::Error,
                        &file.relative,
                        messages::cannot_be_translated(name),
                    )
                    .with_hint(messages::cannot_be_translated_hint(name))
                } else {
                    Diagnostic::for_file(
                        Severity::Error,
                        &file.relative,
                        messages::unknown_field(name),
                    )
                    .with_hint(unknown_field_hint(name, &known))
                };
            out.push(diagnostic.at(position, &file.text));
        }
    }

    /// `instance` (the JSON form of `root`) without the values that break the schema of `kind`,
    /// so that the rest can still be checked for meaning: an empty text or list stays; a value of
    /// the wrong type that can be read as what is wanted stands in as that (`postcode: 66663` as
    /// the text "66663", a text as a list of one), so that the later rules check it; a field
    /// with fixed values that is wrong or missing gets the first of them (`kind`, `wheelchair`:
    /// no later rule looks at it); any other value in error goes, then each block that misses a
    /// required field because of that, up to the top; `None` if the top itself would have to go.
    /// A profile that misses a required text, list or block gets an empty one (see
    /// [`empty_stand_in`]), so that its other values are still checked.
    pub fn without_errors(
        &self,
        kind: DocumentKind,
        instance: &Value,
        root: &Node,
    ) -> Option<Value> {
        let (_, schema, validator) = self.entry(kind);
        let mut rest = instance.clone();
        let mut stood_in = std::collections::HashSet::new();
        // Where an empty stand-in went: its own errors (an empty date that is not a date) are
        // the missing field's, already reported.
        let mut emptied: Vec<Vec<String>> = Vec::new();
        for _ in 0..crate::yaml::MAX_DEPTH {
            let mut doomed: Vec<Vec<String>> = Vec::new();
            let mut stand_ins: Vec<(Vec<String>, Value)> = Vec::new();
            for error in validator.iter_errors(&rest) {
                let pointer = error.instance_path().as_str();
                if emptied.iter().any(|path| {
                    pointer_segments(pointer)
                        .take(path.len())
                        .eq(path.iter().cloned())
                }) {
                    continue;
                }
                // An empty text or list can stay: the later rules take it as empty, and their
                // repetition of the error is dropped (`validate`: one error per place).
                if matches!(
                    error.kind(),
                    ValidationErrorKind::MinLength { .. } | ValidationErrorKind::MinItems { .. }
                ) {
                    continue;
                }
                let at: Vec<String> = pointer_segments(pointer).collect();
                // Where the stand-in would go, the field's pointer, and what goes without one.
                let (path, field, doom) = match error.kind() {
                    ValidationErrorKind::AdditionalProperties { unexpected } => {
                        doomed.extend(unexpected.iter().map(|name| {
                            let mut path = at.clone();
                            path.push(name.clone());
                            path
                        }));
                        continue;
                    }
                    ValidationErrorKind::Required { property } => {
                        let name = property.as_str().unwrap_or_default();
                        let mut path = at.clone();
                        path.push(name.to_owned());
                        let escaped = name.replace('~', "~0").replace('/', "~1");
                        (path, format!("{pointer}/{escaped}"), at)
                    }
                    _ => (at.clone(), pointer.to_owned(), at),
                };
                let written = match error.kind() {
                    ValidationErrorKind::Type { kind: expected } => {
                        written_as(root, pointer, expected, error.instance())
                    }
                    _ => None,
                };
                let mut candidate = written.or_else(|| {
                    choices(subschema_at(schema, &field))
                        .into_iter()
                        .next()
                        .map(Value::String)
                });
                if candidate.is_none()
                    && kind == DocumentKind::Profile
                    && matches!(error.kind(), ValidationErrorKind::Required { .. })
                {
                    candidate = empty_stand_in(subschema_at(schema, &field));
                    if candidate.is_some() {
                        emptied.push(path.clone());
                    }
                }
                match candidate {
                    Some(value) if stood_in.insert(field) => stand_ins.push((path, value)),
                    _ => doomed.push(doom),
                }
            }
            if doomed.is_empty() && stand_ins.is_empty() {
                return Some(rest);
            }
            if doomed.iter().any(Vec::is_empty) {
                return None;
            }
            for (path, value) in stand_ins {
                set_at(&mut rest, &path, value);
            }
            // Later list items first, so that removing one does not move another.
            doomed.sort_by_cached_key(|path| {
                path.iter()
                    .map(|s| (s.parse::<usize>().ok(), s.clone()))
                    .collect::<Vec<_>>()
            });
            doomed.dedup();
            for path in doomed.iter().rev() {
                remove_at(&mut rest, path);
            }
        }
        None
    }

    /// "`x` is not a valid value for `kind`", with the allowed values as the hint.
    fn not_a_choice(
        &self,
        schema: &Value,
        pointer: &str,
        field: &str,
        instance: &Value,
        error_at: impl Fn(String) -> Diagnostic,
    ) -> Diagnostic {
        let message = if instance.is_null() {
            messages::field_empty(field)
        } else {
            messages::not_a_valid_value(&describe_literal(instance), field)
        };
        error_at(message).with_hint(messages::choose_one_of(
            &choices(subschema_at(schema, pointer)).join(", "),
        ))
    }

    /// Whether `name` at `pointer` is a field of profile.yaml, i.e. set there, not translated.
    fn is_profile_field(&self, pointer: &str, name: &str) -> bool {
        let profile = self.schema(DocumentKind::Profile);
        property_names(subschema_at(profile, pointer)).contains(&name.to_owned())
    }
}

/// "missing field `x`", at the mapping that lacks it, with its choices or description as the
/// hint; `None` where a misspelt key already stands for it (`adress:` is one mistake: "unknown
/// field, did you mean `address`?" says all).
fn missing_field(
    schema: &Value,
    pointer: &str,
    property: &Value,
    root: &Node,
    file: &SourceFile,
) -> Option<Diagnostic> {
    let name = property.as_str().unwrap_or_default();
    let mapping = root.at(pointer).unwrap_or(root);
    let known = property_names(subschema_at(schema, pointer));
    let wanted = [name.to_owned()];
    if let NodeKind::Mapping(entries) = &mapping.kind
        && entries.iter().any(|(key, _)| {
            !known.contains(&key.name)
                && closest(&key.name, &known) == Some(name)
                && closest(&key.name, &wanted).is_some()
        })
    {
        return None;
    }
    let field_schema = subschema_at(schema, &format!("{pointer}/{name}"));
    let description = field_schema
        .and_then(|s| s.get("description"))
        .and_then(Value::as_str);
    let allowed = choices(field_schema);
    let message = if pointer.is_empty() {
        messages::missing_field(name)
    } else {
        messages::missing_field_in(name, &field_label(pointer))
    };
    let mut diagnostic = Diagnostic::for_file(Severity::Error, &file.relative, message);
    if !allowed.is_empty() {
        diagnostic =
            diagnostic.with_hint(messages::add_field_choices_hint(name, &allowed.join(", ")));
    } else if let Some(description) = description {
        // The descriptions are the model's doc comments, in English (editors see the German ones
        // of their schema when hovering over a field).
        diagnostic = diagnostic.with_hint(match messages::language() {
            messages::Language::De => messages::add_field_bare_hint(name),
            messages::Language::En => messages::add_field_hint(name, description),
        });
    }
    Some(diagnostic.at(mapping.position, &file.text))
}

/// "`x` must be text, but this is a number" (or "is not a valid value" where the field has
/// choices), with the choices or how to write the type as the hint.
fn wrong_type(
    schema: &Value,
    pointer: &str,
    field: &str,
    expected_kind: &TypeKind,
    error: &ValidationError<'_>,
    root: &Node,
    error_at: impl Fn(String) -> Diagnostic,
) -> Diagnostic {
    let found = describe_value(error.instance());
    let expected = describe_type(expected_kind);
    let allowed = choices(subschema_at(schema, pointer));
    let message = if error.instance().is_null() {
        messages::field_empty(field)
    } else if !allowed.is_empty() {
        messages::not_a_valid_value(&describe_literal(error.instance()), field)
    } else {
        messages::wrong_type(field, &expected, &found)
    };
    let source_text = root.at(pointer).and_then(|node| match &node.kind {
        NodeKind::Scalar { text, .. } => Some(text.as_str()),
        _ => None,
    });
    let hint = if allowed.is_empty() {
        type_hint(expected_kind, error.instance(), source_text)
    } else {
        messages::choose_one_of(&allowed.join(", "))
    };
    error_at(message).with_hint(hint)
}

/// "`offers` has 100,000 entries; at most 500 are allowed".
fn too_many(
    field: &str,
    limit: u64,
    instance: &Value,
    error_at: impl Fn(String) -> Diagnostic,
) -> Diagnostic {
    let count = match instance {
        Value::Array(items) => items.len(),
        Value::Object(map) => map.len(),
        _ => 0,
    };
    error_at(messages::too_many_entries(field, count, &limit))
        .with_hint(messages::too_many_entries_hint())
}

/// The value at `path` (segments of a JSON pointer) in `value`, if it is there.
fn value_at<'a>(value: &'a mut Value, path: &[String]) -> Option<&'a mut Value> {
    path.iter().try_fold(value, |node, segment| match node {
        Value::Object(map) => map.get_mut(segment),
        Value::Array(items) => segment.parse::<usize>().ok().and_then(|i| items.get_mut(i)),
        _ => None,
    })
}

/// Sets the value at `path` in `value` (a field of a block, or a list item that exists).
fn set_at(value: &mut Value, path: &[String], new: Value) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    match value_at(value, parents) {
        Some(Value::Object(map)) => {
            map.insert(last.clone(), new);
        }
        Some(Value::Array(items)) => {
            if let Some(item) = last.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                *item = new;
            }
        }
        _ => {}
    }
}

/// A value of the wrong type as the type wanted, where the editor's text reads as one: a number
/// or true/false as the text written (`postcode: 66663`), nothing as an empty text, a text as a
/// list of that one text.
fn written_as(root: &Node, pointer: &str, expected: &TypeKind, found: &Value) -> Option<Value> {
    let wants = |name: &str| match expected {
        TypeKind::Single(t) => t.to_string() == name,
        TypeKind::Multiple(set) => set.iter().any(|t| t.to_string() == name),
    };
    match (found, root.at(pointer).map(|node| &node.kind)) {
        (Value::Number(_) | Value::Bool(_), Some(NodeKind::Scalar { text, .. }))
            if wants("string") =>
        {
            Some(Value::String(text.clone()))
        }
        (Value::Null, _) if wants("string") => Some(Value::String(String::new())),
        (Value::String(text), _) if wants("array") => {
            Some(Value::Array(vec![Value::String(text.clone())]))
        }
        _ => None,
    }
}

/// Removes the value at `path` (segments of a JSON pointer) from `value`, if it is there.
fn remove_at(value: &mut Value, path: &[String]) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    match value_at(value, parents) {
        Some(Value::Object(map)) => {
            map.remove(last);
        }
        Some(Value::Array(items)) => {
            if let Some(i) = last.parse::<usize>().ok().filter(|i| *i < items.len()) {
                items.remove(i);
            }
        }
        _ => {}
    }
}

/// The diagnostics of one file, at most [`crate::diagnostics::MAX_PER_FILE`]; the rest are
/// only counted.
#[derive(Default)]
struct Capped {
    items: Vec<Diagnostic>,
    skipped: usize,
    /// The values (by JSON pointer) already reported.
    values: std::collections::HashSet<String>,
}

impl Capped {
    fn full(&self) -> bool {
        self.items.len() >= crate::diagnostics::MAX_PER_FILE
    }

    fn push(&mut self, diagnostic: Diagnostic) {
        if self.full() {
            self.skipped += 1;
        } else {
            self.items.push(diagnostic);
        }
    }
}

/// Most entries in any list or map of a file. Far above what a Steckbrief or the configuration
/// needs, and low enough that a pasted-in list of 100,000 entries is one error, found at once.
pub const MAX_ENTRIES: u64 = 500;

/// Sets `maxItems` on every list and `maxProperties` on every map (an object with
/// `additionalProperties`) of `schema` that has no limit of its own.
fn limit_entries(schema: &mut Value) {
    let mut stack = vec![schema];
    while let Some(value) = stack.pop() {
        match value {
            Value::Object(object) => {
                let types: Vec<&str> = match object.get("type") {
                    Some(Value::String(t)) => vec![t.as_str()],
                    Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
                    _ => Vec::new(),
                };
                let array = types.contains(&"array");
                let map = types.contains(&"object")
                    && object
                        .get("additionalProperties")
                        .is_some_and(Value::is_object);
                if array && !object.contains_key("maxItems") {
                    object.insert("maxItems".into(), MAX_ENTRIES.into());
                }
                if map && !object.contains_key("maxProperties") {
                    object.insert("maxProperties".into(), MAX_ENTRIES.into());
                }
                stack.extend(object.values_mut());
            }
            Value::Array(items) => stack.extend(items.iter_mut()),
            _ => {}
        }
    }
}

/// The part of `schema` that describes the value at `pointer`.
pub fn subschema_at<'a>(schema: &'a Value, pointer: &str) -> Option<&'a Value> {
    pointer_segments(pointer).try_fold(schema, |current, segment| {
        let current = object_branch(current);
        current
            .get("properties")
            .and_then(|properties| properties.get(&segment))
            .or_else(|| current.get("items"))
            .or_else(|| {
                current
                    .get("additionalProperties")
                    .filter(|v| v.is_object())
            })
    })
}

/// An empty value of what `schema` describes: a text `""`, a list `[]`, a block with its
/// required fields empty. It stands in for a field a profile misses, so that the file's other
/// values (the rest of the block, too) are still checked; the later rules do not report what is not in the file
/// (`validate::actor`), so the stand-in itself gives no second error.
fn empty_stand_in(schema: Option<&Value>) -> Option<Value> {
    let schema = object_branch(schema?);
    match schema.get("type").and_then(Value::as_str)? {
        "string" => Some(Value::String(String::new())),
        "array" => Some(Value::Array(Vec::new())),
        "object" => {
            let mut block = serde_json::Map::new();
            for name in schema
                .get("required")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                let field = schema.get("properties").and_then(|p| p.get(name));
                block.insert(name.to_owned(), empty_stand_in(field)?);
            }
            Some(Value::Object(block))
        }
        _ => None,
    }
}

/// For "T or null" schemas, the T.
fn object_branch(schema: &Value) -> &Value {
    schema
        .get("anyOf")
        .and_then(Value::as_array)
        .and_then(|branches| {
            branches
                .iter()
                .find(|b| b.get("type").and_then(Value::as_str) != Some("null"))
        })
        .unwrap_or(schema)
}

fn choices_hint(item_schema: Option<&Value>) -> String {
    let allowed = choices(item_schema);
    if allowed.is_empty() {
        messages::add_entry_hint()
    } else {
        messages::choose_from(&allowed.join(", "))
    }
}

/// The fixed values a schema allows (`enum`, or `const` branches of `oneOf`/`anyOf`).
fn choices(schema: Option<&Value>) -> Vec<String> {
    let Some(schema) = schema else {
        return Vec::new();
    };
    let mut found: Vec<String> = schema
        .get("enum")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .chain(schema.get("const"))
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect();
    for key in ["oneOf", "anyOf"] {
        for branch in schema
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            found.extend(choices(Some(branch)));
        }
    }
    found
}

fn property_names(schema: Option<&Value>) -> Vec<String> {
    schema
        .map(object_branch)
        .and_then(|s| s.get("properties"))
        .and_then(Value::as_object)
        .map(|properties| properties.keys().cloned().collect())
        .unwrap_or_default()
}

/// "did you mean …?" for a misspelt field, or the list of fields allowed here.
pub fn unknown_field_hint(name: &str, known: &[String]) -> String {
    match closest(name, known) {
        Some(best) => messages::did_you_mean(best),
        None if known.is_empty() => messages::remove_field_hint(),
        None => messages::allowed_fields_hint(&known.join(", ")),
    }
}

/// The candidate nearest to `word` if it is near enough to be a plausible typo.
pub fn closest<'a>(word: &str, candidates: &'a [String]) -> Option<&'a str> {
    let lower = word.to_lowercase();
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(&lower, c), c))
        .filter(|(distance, c)| *distance <= (c.chars().count() / 3).max(1))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c.as_str())
}

/// The name of the field a pointer ends at: `contacts[1].phone` for `/contacts/1/phone`.
pub fn field_label(pointer: &str) -> String {
    let mut label = String::new();
    for segment in pointer_segments(pointer) {
        if segment.bytes().all(|b| b.is_ascii_digit()) && !label.is_empty() {
            label.push_str(&format!("[{}]", segment.parse::<usize>().unwrap_or(0) + 1));
        } else {
            if !label.is_empty() {
                label.push('.');
            }
            label.push_str(&segment);
        }
    }
    if label.is_empty() {
        messages::the_file()
    } else {
        label
    }
}

fn describe_type(kind: &TypeKind) -> String {
    let names: Vec<String> = match kind {
        TypeKind::Single(t) => vec![t.to_string()],
        TypeKind::Multiple(set) => set.iter().map(|t| t.to_string()).collect(),
    };
    names
        .iter()
        .filter(|n| n.as_str() != "null")
        .map(|n| match n.as_str() {
            "string" => messages::type_text(),
            "array" => messages::type_list(),
            "object" => messages::type_block(),
            "integer" => messages::type_integer(),
            "number" => messages::type_number(),
            "boolean" => messages::type_boolean(),
            other => other.to_owned(),
        })
        .reduce(|a, b| messages::type_or(&a, &b))
        .unwrap_or_default()
}

fn describe_value(value: &Value) -> String {
    match value {
        Value::Null => messages::found_empty(),
        Value::Bool(_) => messages::found_boolean(),
        Value::Number(_) => messages::type_number(),
        Value::String(_) => messages::type_text(),
        Value::Array(_) => messages::type_list(),
        Value::Object(_) => messages::type_block(),
    }
}

fn describe_literal(value: &Value) -> String {
    match value {
        Value::String(s) => format!("`{s}`"),
        other => format!("`{other}`"),
    }
}

fn type_hint(expected: &TypeKind, found: &Value, source_text: Option<&str>) -> String {
    let only = |name: &str| matches!(expected, TypeKind::Single(t) if t.to_string() == name);
    match (found, source_text) {
        (Value::Null, _) => messages::write_a_value_hint(),
        (Value::Number(_) | Value::Bool(_), Some(text)) if only("string") => {
            messages::quote_it_hint(text)
        }
        (Value::String(s), _) if only("array") => messages::write_a_list_hint(s),
        _ => messages::write_type_hint(&describe_type(expected)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_field() {
        let known = vec!["address".to_owned(), "name".to_owned(), "phone".to_owned()];
        assert_eq!(closest("adress", &known), Some("address"));
        assert_eq!(closest("Phone", &known), Some("phone"));
        assert_eq!(closest("colour", &known), None);
    }

    #[test]
    fn labels_fields_for_people() {
        assert_eq!(field_label("/contacts/0/phone"), "contacts[1].phone");
        assert_eq!(field_label("/address"), "address");
        assert_eq!(field_label(""), "the file");
    }

    #[test]
    fn finds_nested_subschemas() {
        let schema = DocumentKind::Profile.json_schema();
        let contact = subschema_at(&schema, "/contacts/0").unwrap();
        let names = property_names(Some(contact));
        assert!(names.contains(&"email".to_owned()), "{names:?}");
        let hours = subschema_at(&schema, "/opening_hours/weekly/0").unwrap();
        assert!(property_names(Some(hours)).contains(&"days".to_owned()));
    }
}
