//! The JSON Schemas written for editors (`steckbrief schema`, `schemas/*.schema.json`).
//!
//! They are the structural schemas `check` validates against ([`crate::schema`]) plus, as far
//! as JSON Schema can say it, what `check` checks beyond structure: the topic, target-group and
//! language ids of config.yaml as enums, patterns for e-mail addresses, web addresses, dates,
//! postcodes, phone numbers, weekdays and times, and the length limits — all taken from the same
//! constants `check` uses. `check` itself keeps validating against the structural schemas, so
//! that one mistake is one error (its own message, not a pattern's). Descriptions (hover and
//! completion texts in the editor) are German, since the editors are.

use serde_json::{Map, Value, json};

use crate::config::Config;
use crate::schema::DocumentKind;
use crate::validate::{DAY_NAMES, MARKDOWN_FIELDS, MAX_ID, MAX_LINE, MAX_WORD};

/// A file an editor writes and the schema written for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorFile {
    /// config.yaml, actors/**/profile.yaml, actors/**/<lang>.yaml, content/numbers.yaml.
    Document(DocumentKind),
    /// i18n/<lang>.yaml: the UI strings of one language.
    Strings,
}

impl EditorFile {
    /// Every file with a schema.
    pub const ALL: [EditorFile; 5] = [
        EditorFile::Document(DocumentKind::Config),
        EditorFile::Document(DocumentKind::Profile),
        EditorFile::Document(DocumentKind::Translation),
        EditorFile::Document(DocumentKind::Numbers),
        EditorFile::Strings,
    ];

    /// File name of the schema under `schemas/`.
    pub fn schema_file_name(self) -> &'static str {
        match self {
            EditorFile::Document(kind) => kind.schema_file_name(),
            EditorFile::Strings => "i18n.schema.json",
        }
    }

    /// The schema for editors; `config` (the content root's, if it could be read) supplies the
    /// ids that profiles may use, and `strings` the keys of the UI strings (source language).
    pub fn schema(self, config: Option<&Config>, strings: &[(String, String)]) -> Value {
        match self {
            EditorFile::Document(kind) => document_schema(kind, config),
            EditorFile::Strings => strings_schema(strings),
        }
    }
}

fn document_schema(kind: DocumentKind, config: Option<&Config>) -> Value {
    let mut schema = kind.json_schema();
    limit_lengths(&mut schema, "");
    let patches = match kind {
        DocumentKind::Profile => profile_patches(config),
        DocumentKind::Translation => Vec::new(),
        DocumentKind::Numbers => numbers_patches(config),
        DocumentKind::Config => config_patches(config),
    };
    for (path, patch) in patches {
        apply(&mut schema, &path, patch);
    }
    german_descriptions(&mut schema, "", german_table(kind));
    german_required(&mut schema);
    schema
}

/// A change merged into the schema at a path (see [`at_mut`]).
type Patch = (String, Value);

fn patch(path: &str, value: Value) -> Patch {
    (path.to_owned(), value)
}

fn profile_patches(config: Option<&Config>) -> Vec<Patch> {
    let mut patches = vec![
        patch("email", string_pattern(&email_pattern(), EMAIL_DE)),
        patch(
            "contacts[].email",
            string_pattern(&email_pattern(), EMAIL_DE),
        ),
        patch("website", string_pattern(WEBSITE, WEBSITE_DE)),
        patch("phone", string_pattern(&phone_pattern(), PHONE_DE)),
        patch("whatsapp", string_pattern(&phone_pattern(), PHONE_DE)),
        patch(
            "contacts[].phone",
            string_pattern(&phone_pattern(), PHONE_DE),
        ),
        patch("address.postcode", string_pattern(POSTCODE, POSTCODE_DE)),
        patch(
            "last_reviewed",
            json!({"pattern": DATE, "format": "date", "patternErrorMessage": DATE_DE}),
        ),
        patch("address.latitude", json!({"minimum": -90, "maximum": 90})),
        patch(
            "address.longitude",
            json!({"minimum": -180, "maximum": 180}),
        ),
    ];
    for hours in ["opening_hours", "consultation_hours"] {
        patches.push(patch(
            &format!("{hours}.weekly[].days"),
            string_pattern(&days_pattern(), DAYS_DE),
        ));
        patches.push(patch(
            &format!("{hours}.weekly[].times[]"),
            string_pattern(&time_range_pattern(), TIMES_DE),
        ));
        // As `check`: closed days have no times, open days at least one.
        patches.push(patch(
            &format!("{hours}.weekly[]"),
            json!({
                "if": {"properties": {"closed": {"const": true}}, "required": ["closed"]},
                "then": {"properties": {"times": {"const": [], "errorMessage": CLOSED_DE}}},
                "else": {
                    "properties": {"times": {"minItems": 1}},
                    "required": ["times"],
                    "errorMessage": NO_TIMES_DE,
                },
            }),
        ));
    }
    for list in [
        "topics",
        "target_groups",
        "languages",
        "contacts[].languages",
    ] {
        patches.push(patch(list, json!({"uniqueItems": true})));
    }
    if let Some(config) = config {
        let label = |c: &crate::config::Category| {
            c.label
                .get(&config.source_language)
                .cloned()
                .unwrap_or_else(|| c.id.clone())
        };
        let ids = |list: &[crate::config::Category]| {
            choices(list.iter().map(|c| (c.id.clone(), label(c))).collect())
        };
        patches.push(patch("topics[]", ids(&config.topics)));
        patches.push(patch("target_groups[]", ids(&config.target_groups)));
        let spoken = choices(
            config
                .languages
                .iter()
                .map(|l| (l.code.clone(), l.name.clone()))
                .chain(config.spoken_languages.clone())
                .collect(),
        );
        patches.push(patch("languages[]", spoken.clone()));
        patches.push(patch("contacts[].languages[]", spoken));
    }
    patches
}

fn numbers_patches(config: Option<&Config>) -> Vec<Patch> {
    let mut patches = vec![patch(
        "numbers[].phone",
        string_pattern(
            &format!("^(?:{SERVICE_NUMBER}|{})$", phone_body()),
            PHONE_DE,
        ),
    )];
    if let Some(config) = config {
        patches.push(patch(
            "numbers[].label",
            json!({"propertyNames": site_languages(config)}),
        ));
    }
    patches
}

fn config_patches(config: Option<&Config>) -> Vec<Patch> {
    let id = json!({"pattern": ID, "maxLength": MAX_ID, "patternErrorMessage": ID_DE});
    let mut patches = vec![
        patch("base_url", string_pattern(WEBSITE, WEBSITE_DE)),
        patch("feedback_email", string_pattern(&email_pattern(), EMAIL_DE)),
        patch("branding.primary_color", string_pattern(COLOUR, COLOUR_DE)),
        patch("branding.accent_color", string_pattern(COLOUR, COLOUR_DE)),
        patch(
            "languages[].code",
            string_pattern(LANGUAGE_CODE, LANGUAGE_DE),
        ),
        patch(
            "spoken_languages",
            json!({"propertyNames": {"pattern": LANGUAGE_CODE}}),
        ),
        patch("topics[].id", id.clone()),
        patch("target_groups[].id", id.clone()),
        patch("brochure.file_name", id),
        patch("review_interval_months", json!({"minimum": 1})),
    ];
    if let Some(config) = config {
        let languages = site_languages(config);
        patches.push(patch("source_language", languages.clone()));
        patches.push(patch("brochure.languages[]", languages.clone()));
        let keys = json!({"propertyNames": languages});
        for map in [
            "title",
            "subtitle",
            "town_names",
            "topics[].label",
            "target_groups[].label",
        ] {
            patches.push(patch(map, keys.clone()));
        }
    }
    patches
}

/// `i18n/<lang>.yaml`: the keys of the source language's strings, each described by its text.
fn strings_schema(strings: &[(String, String)]) -> Value {
    let properties: Map<String, Value> = strings
        .iter()
        .map(|(key, text)| {
            (
                key.clone(),
                json!({
                    "type": "string",
                    "maxLength": MAX_LINE,
                    "description": format!("Deutsch: {text}"),
                }),
            )
        })
        .collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Texte der Website",
        "description": "Die Texte der Website und der Broschüre in einer Sprache: je Zeile `schlüssel: Text`. Platzhalter in geschweiften Klammern ({name}) bleiben unverändert.",
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    })
}

/// The site languages as an enum with their names.
fn site_languages(config: &Config) -> Value {
    choices(
        config
            .languages
            .iter()
            .map(|l| (l.code.clone(), l.name.clone()))
            .collect(),
    )
}

/// An enum whose values the editor's completion explains (`enumDescriptions`, read by
/// yaml-language-server and VS Code).
fn choices(values: Vec<(String, String)>) -> Value {
    let (ids, labels): (Vec<String>, Vec<String>) = values.into_iter().unzip();
    json!({"enum": ids, "enumDescriptions": labels})
}

/// A pattern with the German message the editor shows when a value does not match it
/// (`patternErrorMessage`, read by yaml-language-server and VS Code).
fn string_pattern(pattern: &str, message: &str) -> Value {
    json!({ "pattern": pattern, "patternErrorMessage": message })
}

const EMAIL_DE: &str = "Keine gültige E-Mail-Adresse. Schreiben Sie name@example.org – mit @, ohne Leerzeichen, ohne (at).";
const WEBSITE_DE: &str = "Keine vollständige Webadresse. Schreiben Sie sie mit https:// am Anfang, z. B. https://www.merzig.de";
const PHONE_DE: &str = "Keine wählbare Telefonnummer. Schreiben Sie sie mit Vorwahl, z. B. 06861 9012-0 oder +49 6861 9012-0 – nach +49 ohne die 0 der Vorwahl und ohne Klammern.";
const POSTCODE_DE: &str = "Eine Postleitzahl hat fünf Ziffern, in Anführungszeichen: \"66663\".";
const DATE_DE: &str = "Schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2026-06-15.";
const DAYS_DE: &str = "Wochentage: Mo, Di, Mi, Do, Fr, Sa, So (oder ausgeschrieben); ein Bereich wie Mo-Fr oder eine Liste wie \"Mo, Mi\".";
const CLOSED_DE: &str =
    "Ein geschlossener Tag hat keine Zeiten: entfernen Sie closed: true oder die Zeiten.";
const NO_TIMES_DE: &str = "Für diese Tage fehlen die Zeiten: geben Sie times an, z. B. times: [\"08:00-12:00\"], oder closed: true.";
const TIMES_DE: &str = "Zeiten als SS:MM-SS:MM in Anführungszeichen, z. B. \"08:00-12:30\".";
const ID_DE: &str = "Nur Kleinbuchstaben a-z, Ziffern und einzelne Bindestriche, z. B. jobcenter-merzig (ä → ae, ß → ss).";
const COLOUR_DE: &str = "Eine Farbe als #rrggbb in Anführungszeichen, z. B. \"#00567a\".";
const LANGUAGE_DE: &str =
    "Ein Sprachcode (BCP 47), z. B. de, en, ar, uk, fa, tr oder de-x-ls für Leichte Sprache.";

// The patterns say what the checks in `validate` accept (ECMA-262 syntax, as JSON Schema and
// yaml-language-server read it).

const POSTCODE: &str = "^[0-9]{5}$";
const DATE: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
const WEBSITE: &str = "^\\s*https?://[^\\s/?#]+\\S*\\s*$";
const COLOUR: &str = "^#[0-9A-Fa-f]{6}$";
const ID: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";
/// As `validate::fields::language_code`: subtags, then singletons (`x` for private use) each
/// followed by at least one subtag (`de-x-ls`).
const LANGUAGE_CODE: &str = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*(-[A-Za-z0-9](-[A-Za-z0-9]{1,8})+)*$";
/// Short service numbers such as 110 or 116117 (content/numbers.yaml only).
const SERVICE_NUMBER: &str = "\\s*[1-9][0-9]{2,5}\\s*";

fn email_pattern() -> String {
    // One @, a dot in the domain, no spaces or brackets: "name(at)example.org" fails.
    "^\\s*[^\\s@<>()\\[\\],;:\"]+@[^\\s@<>()\\[\\],;:\"]+\\.[^\\s@<>()\\[\\],;:\".]+\\s*$"
        .to_owned()
}

/// A phone number with its area code (national, or international with + or 00); after +49
/// or 0049 no trunk 0 ("+49 (0) 6861" is allowed, "+49 06861" and "+49 (06861)" are not).
fn phone_body() -> String {
    "(?!\\s*(?:\\+|00)\\s*49[\\s/.-]*\\(?0(?!\\)))\\s*(?:\\+|\\(?0)[0-9][0-9 ()/.-]{4,}".to_owned()
}

fn phone_pattern() -> String {
    format!("^{}$", phone_body())
}

/// No run of more than [`MAX_WORD`] characters without a space.
fn word_pattern() -> String {
    format!("^(?![\\s\\S]*\\S{{{}}})", MAX_WORD + 1)
}

fn long_word_message() -> String {
    format!(
        "Ein Wort hat mehr als {MAX_WORD} Zeichen ohne Leerzeichen. Setzen Sie Leerzeichen zwischen die Wörter; eine lange Webadresse verlinken Sie mit kurzem Text: [Anmeldung](https://…)."
    )
}

/// "Mo", "Mo-Fr", "Mo, Mi", "Montag–Freitag", in any case, with or without a final dot.
fn days_pattern() -> String {
    let any_case = |name: &str| -> String {
        name.chars()
            .map(|c| format!("[{}{}]", c.to_uppercase(), c))
            .collect()
    };
    let day = DAY_NAMES
        .iter()
        .flat_map(|(_, short, long)| [any_case(long), any_case(short)])
        .collect::<Vec<_>>()
        .join("|");
    let day = format!("\\s*(?:{day})\\.?\\s*");
    let part = format!("{day}(?:[-–—]{day})?");
    format!("^{part}(?:,{part})*$")
}

/// "08:00-12:30", also with an en dash; 24:00 closes a day.
fn time_range_pattern() -> String {
    let time = "\\s*(?:[01]?[0-9]|2[0-3]):[0-5]?[0-9]\\s*";
    let end = "\\s*(?:(?:[01]?[0-9]|2[0-3]):[0-5]?[0-9]|24:00?)\\s*";
    format!("^{time}[-–—]{end}$")
}

/// Sets `maxLength` on every text value but Markdown, and on every text value a pattern that
/// refuses a word longer than `check` allows (fields with a pattern of their own replace it).
fn limit_lengths(schema: &mut Value, path: &str) {
    let Value::Object(object) = schema else {
        return;
    };
    let is_text = match object.get("type") {
        Some(Value::String(t)) => t == "string",
        Some(Value::Array(ts)) => ts.iter().any(|t| t == "string"),
        _ => false,
    };
    let markdown = MARKDOWN_FIELDS
        .iter()
        .any(|pointer| pointer.trim_start_matches('/') == path);
    if is_text && !object.contains_key("const") && !object.contains_key("enum") {
        if !markdown {
            object.insert("maxLength".into(), MAX_LINE.into());
        }
        object.insert("pattern".into(), word_pattern().into());
        object.insert("patternErrorMessage".into(), long_word_message().into());
    }
    for_children(object, path, &mut |child, child_path| {
        limit_lengths(child, child_path)
    });
}

/// Calls `visit` with every sub-schema of `object` and its path (`a.b`, `a[]` for list items,
/// `a{}` for map values; branches of `anyOf`/`oneOf` keep the path).
fn for_children(
    object: &mut Map<String, Value>,
    path: &str,
    visit: &mut dyn FnMut(&mut Value, &str),
) {
    if let Some(Value::Object(properties)) = object.get_mut("properties") {
        for (name, child) in properties.iter_mut() {
            let child_path = if path.is_empty() {
                name.clone()
            } else {
                format!("{path}.{name}")
            };
            visit(child, &child_path);
        }
    }
    if let Some(items) = object.get_mut("items") {
        visit(items, &format!("{path}[]"));
    }
    if let Some(values @ Value::Object(_)) = object.get_mut("additionalProperties") {
        visit(values, &format!("{path}{{}}"));
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(Value::Array(branches)) = object.get_mut(key) {
            for branch in branches {
                visit(branch, path);
            }
        }
    }
}

/// The schema at `path` (see [`for_children`]); for "T or null", the T.
fn at_mut<'a>(schema: &'a mut Value, path: &str) -> Option<&'a mut Value> {
    let mut current = schema;
    for segment in path_segments(path) {
        current = non_null_branch(current);
        current = match segment {
            Segment::Items => current.get_mut("items")?,
            Segment::Property(name) => current.get_mut("properties")?.get_mut(name)?,
        };
    }
    Some(non_null_branch(current))
}

enum Segment<'a> {
    Property(&'a str),
    Items,
}

fn path_segments(path: &str) -> Vec<Segment<'_>> {
    let mut segments = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let name = part.trim_end_matches("[]");
        segments.push(Segment::Property(name));
        for _ in 0..(part.len() - name.len()) / 2 {
            segments.push(Segment::Items);
        }
    }
    segments
}

fn non_null_branch(schema: &mut Value) -> &mut Value {
    let index = schema
        .get("anyOf")
        .and_then(Value::as_array)
        .and_then(|branches| {
            branches
                .iter()
                .position(|b| b.get("type").and_then(Value::as_str) != Some("null"))
        });
    match index {
        Some(i) => &mut schema["anyOf"][i],
        None => schema,
    }
}

/// Merges `patch` into the schema at `path`. A path the schema does not have is a bug in the
/// tables above, found by the tests.
fn apply(schema: &mut Value, path: &str, patch: Value) {
    if let (Some(Value::Object(target)), Value::Object(patch)) = (at_mut(schema, path), patch) {
        target.extend(patch);
    }
}

/// Replaces every description by its German text from `table` (by path, the longest suffix of
/// the path the table has; `path=value` for a value of an enum). Descriptions of the inner
/// branch of "T or null" are dropped: the field's own description says it.
fn german_descriptions(schema: &mut Value, path: &str, table: &[(&str, &str)]) {
    let Value::Object(object) = schema else {
        return;
    };
    if object.contains_key("description") {
        let key = match object.get("const").and_then(Value::as_str) {
            Some(value) => format!("{path}={value}"),
            None => path.to_owned(),
        };
        match german(table, &key) {
            Some(text) => {
                object.insert("description".into(), text.into());
            }
            None => {
                object.remove("description");
            }
        }
    }
    if path.is_empty()
        && let Some(text) = german(table, "#title")
    {
        object.insert("title".into(), text.into());
    }
    for_children(object, path, &mut |child, child_path| {
        german_descriptions(child, child_path, table)
    });
}

/// Gives every required field a German message of its own. yaml-language-server reports a
/// missing field as "Missing property" even in a German VS Code (its German bundle lacks that
/// text) unless the schema that requires it has an `errorMessage`; one sub-schema per required
/// field (in `allOf`) lets each say which field is missing, as `check` does.
fn german_required(schema: &mut Value) {
    let Value::Object(object) = schema else {
        return;
    };
    if !object.contains_key("errorMessage")
        && let Some(Value::Array(required)) = object.remove("required")
    {
        let checks = required.iter().filter_map(Value::as_str).map(|name| {
            let description = object
                .get("properties")
                .and_then(|properties| properties.get(name))
                .and_then(|field| field.get("description"))
                .and_then(Value::as_str);
            json!({"required": [name], "errorMessage": missing_field_de(name, description)})
        });
        let checks: Vec<Value> = checks.collect();
        match object.get_mut("allOf") {
            Some(Value::Array(all)) => all.extend(checks),
            _ => {
                object.insert("allOf".into(), checks.into());
            }
        }
    }
    for_children(object, "", &mut |child, _| german_required(child));
}

/// What the editor shows for a missing field: `check`'s message and hint in one sentence.
fn missing_field_de(name: &str, description: Option<&str>) -> String {
    match description {
        Some(description) => {
            format!("Das Feld `{name}` fehlt. Ergänzen Sie `{name}:` – {description}")
        }
        None => format!("Das Feld `{name}` fehlt. Ergänzen Sie `{name}:`."),
    }
}

/// The German text for `key`: the entry of the key itself or of its longest suffix after a
/// `.` (so `weekly[].days` serves opening and consultation hours alike).
fn german<'a>(table: &[(&str, &'a str)], key: &str) -> Option<&'a str> {
    let mut candidate = key;
    loop {
        if let Some((_, text)) = table.iter().find(|(k, _)| *k == candidate) {
            return Some(text);
        }
        candidate = candidate.split_once('.')?.1;
    }
}

fn german_table(kind: DocumentKind) -> &'static [(&'static str, &'static str)] {
    match kind {
        DocumentKind::Profile => PROFILE_DE,
        DocumentKind::Translation => TRANSLATION_DE,
        DocumentKind::Numbers => NUMBERS_DE,
        DocumentKind::Config => CONFIG_DE,
    }
}

const PROFILE_DE: &[(&str, &str)] = &[
    ("#title", "Steckbrief"),
    (
        "",
        "Ein Steckbrief: eine Einrichtung des Netzwerks, mit den Angaben und dem deutschen Text.",
    ),
    (
        "name",
        "PFLICHT. Vollständiger offizieller Name, z. B. „Jobcenter Landkreis Merzig-Wadern“.",
    ),
    (
        "short_name",
        "Kurzname für Listen und Überschriften, z. B. „Jobcenter“.",
    ),
    (
        "operator",
        "Träger der Einrichtung, z. B. „Caritasverband Saar-Hochwald e.V.“.",
    ),
    ("kind", "PFLICHT. Art der Einrichtung."),
    ("kind=authority", "Behörde, Amt, Jobcenter"),
    ("kind=chamber", "Kammer (IHK, Handwerkskammer)"),
    ("kind=school", "Schule oder Bildungsträger"),
    ("kind=counselling", "Beratungsstelle"),
    ("kind=association", "Verein oder Wohlfahrtsverband"),
    ("kind=initiative", "Ehrenamtliche Initiative oder Netzwerk"),
    ("kind=other", "Sonstiges"),
    (
        "topics",
        "PFLICHT. Themen aus config.yaml (mindestens eines, jedes nur einmal); das erste ist das Hauptthema.",
    ),
    (
        "target_groups",
        "PFLICHT. Zielgruppen aus config.yaml (mindestens eine, jede nur einmal).",
    ),
    ("summary", "PFLICHT. Ein Satz: Was bieten Sie an, für wen?"),
    (
        "description",
        "PFLICHT. Ausführliche Beschreibung. Markdown ist erlaubt: **fett**, Listen mit „- “, Zwischenüberschriften mit „## “, Links als [Text](https://…).",
    ),
    ("offers", "Angebote, eines je Zeile mit „- “."),
    ("costs", "Kosten, z. B. „kostenlos“."),
    ("contacts", "Ansprechpersonen mit Namen (mindestens eine)."),
    ("contacts[]", "Eine Ansprechperson."),
    ("contacts[].name", "PFLICHT. Vor- und Nachname."),
    (
        "contacts[].role",
        "Funktion, z. B. „Integrationsfachkraft“.",
    ),
    (
        "contacts[].phone",
        "Durchwahl mit Vorwahl, z. B. „06861 9012-210“ oder „+49 6861 9012-210“ (nach +49 ohne 0).",
    ),
    (
        "contacts[].email",
        "E-Mail-Adresse, z. B. „name@example.org“.",
    ),
    (
        "contacts[].languages",
        "Sprachen, die diese Person spricht (Sprachcodes aus config.yaml).",
    ),
    (
        "address",
        "PFLICHT. Anschrift: Straße, Postleitzahl und Ort.",
    ),
    ("address.street", "PFLICHT. Straße und Hausnummer."),
    (
        "address.postcode",
        "PFLICHT. Fünfstellige Postleitzahl in Anführungszeichen: \"66663\".",
    ),
    ("address.city", "PFLICHT. Ort."),
    (
        "address.latitude",
        "Geographische Breite in Grad, z. B. 49.4452 (von openstreetmap.org).",
    ),
    (
        "address.longitude",
        "Geographische Länge in Grad, z. B. 6.6398 (von openstreetmap.org).",
    ),
    ("opening_hours", "Öffnungszeiten."),
    (
        "consultation_hours",
        "Beratungszeiten, falls anders als die Öffnungszeiten (gleicher Aufbau).",
    ),
    (
        "weekly",
        "Regelmäßige Zeiten je Woche; leer lassen ([]), wenn es keine gibt.",
    ),
    ("weekly[]", "Zeiten eines oder mehrerer Wochentage."),
    (
        "days",
        "Wochentage: Mo, Di, Mi, Do, Fr, Sa, So (oder ausgeschrieben: Montag …); ein Bereich wie Mo-Fr oder eine Liste wie „Mo, Mi“.",
    ),
    (
        "times",
        "Zeiten in Anführungszeichen, z. B. [\"08:00-12:00\", \"13:00-15:30\"].",
    ),
    (
        "closed",
        "true, wenn an diesen Tagen geschlossen ist (dann ohne times).",
    ),
    (
        "appointment",
        "Termine: only (nur nach Vereinbarung) oder also (zusätzlich nach Vereinbarung).",
    ),
    ("appointment=only", "Nur nach Vereinbarung"),
    ("appointment=also", "Zusätzlich nach Vereinbarung"),
    (
        "note",
        "Hinweis, z. B. „In den Schulferien nur vormittags“.",
    ),
    (
        "phone",
        "Zentrale Telefonnummer mit Vorwahl, z. B. „06861 9012-0“ oder „+49 6861 9012-0“ (nach +49 ohne 0).",
    ),
    (
        "email",
        "Zentrale E-Mail-Adresse, z. B. „info@example.org“.",
    ),
    ("website", "Website, beginnend mit https://"),
    (
        "whatsapp",
        "Nummer, die WhatsApp-Nachrichten beantwortet, z. B. „0170 1234567“.",
    ),
    (
        "languages",
        "Sprachen, in denen beraten wird (Sprachcodes aus config.yaml).",
    ),
    ("accessibility", "Barrierefreiheit."),
    (
        "accessibility.wheelchair",
        "Zugang mit Rollstuhl: yes (ja), no (nein), partial (teilweise) oder unknown (unbekannt).",
    ),
    (
        "accessibility.note",
        "Einzelheiten, z. B. „Aufzug am Seiteneingang“.",
    ),
    ("transport", "Anfahrt mit Bus und Bahn."),
    (
        "last_reviewed",
        "PFLICHT. Datum der letzten Prüfung durch die Einrichtung: JJJJ-MM-TT, z. B. 2026-03-31.",
    ),
    (
        "logo",
        "Logo: Dateiname eines Bildes in diesem Ordner, z. B. logo.svg.",
    ),
];

const TRANSLATION_DE: &[(&str, &str)] = &[
    ("#title", "Übersetzung eines Steckbriefs"),
    (
        "",
        "Die Übersetzung der Texte eines Steckbriefs in eine Sprache. Alles andere (Namen, Nummern, Anschrift) steht nur in profile.yaml; was hier fehlt, erscheint auf Deutsch.",
    ),
    ("summary", "Ein Satz: Was bieten Sie an, für wen?"),
    ("description", "Ausführliche Beschreibung (Markdown)."),
    ("offers", "Angebote (die ganze Liste)."),
    ("costs", "Kosten."),
    (
        "contacts",
        "Funktionen der Ansprechpersonen, in derselben Reihenfolge wie in profile.yaml.",
    ),
    ("contacts[]", "Eine Ansprechperson."),
    (
        "contacts[].role",
        "Funktion, z. B. „Integrationsfachkraft“.",
    ),
    ("opening_hours", "Hinweis zu den Öffnungszeiten."),
    ("consultation_hours", "Hinweis zu den Beratungszeiten."),
    ("accessibility", "Hinweis zur Barrierefreiheit."),
    ("note", "Der Text des Hinweises."),
    ("transport", "Anfahrt mit Bus und Bahn."),
];

const NUMBERS_DE: &[(&str, &str)] = &[
    ("#title", "Wichtige Nummern"),
    (
        "",
        "Die wichtigen Telefonnummern, auf der Website und auf der letzten Seite der Broschüre.",
    ),
    (
        "numbers",
        "Die Nummern in der Reihenfolge, in der sie erscheinen.",
    ),
    (
        "numbers[]",
        "Eine Nummer mit ihrer Beschreibung in jeder Sprache.",
    ),
    (
        "numbers[].label",
        "Wofür die Nummer ist, je Sprache: { de: …, en: … }.",
    ),
    (
        "numbers[].phone",
        "Die Nummer, wie sie gewählt wird, z. B. „110“ oder „06861 9300-100“.",
    ),
];

const CONFIG_DE: &[(&str, &str)] = &[
    ("#title", "Einstellungen der Website"),
    (
        "",
        "Alles, was für eine Stadt gilt: Name, Sprachen, Themen, Zielgruppen, Broschüre, Farben.",
    ),
    ("town", "Name der Stadt oder des Kreises, z. B. „Merzig“."),
    (
        "town_names",
        "Der Name der Stadt in anderen Sprachen und Schriften, wo er sich unterscheidet: { ar: ميرتسيغ }.",
    ),
    (
        "base_url",
        "Adresse, unter der die Website erscheint, z. B. „https://integration.example.org“ (steht in QR-Codes und in der Sitemap).",
    ),
    (
        "source_language",
        "Die Sprache der Steckbriefe (profile.yaml); alle anderen Texte fallen auf sie zurück.",
    ),
    (
        "languages",
        "Die Sprachen der Website, in der Reihenfolge der Sprachauswahl.",
    ),
    ("languages[]", "Eine Sprache der Website."),
    (
        "languages[].code",
        "Sprachcode (BCP 47), z. B. „de“, „ar“, „uk“.",
    ),
    (
        "languages[].name",
        "Name der Sprache in ihrer eigenen Schrift, z. B. „العربية“.",
    ),
    (
        "languages[].rtl",
        "true für Sprachen, die von rechts nach links geschrieben werden (Arabisch, Persisch).",
    ),
    (
        "languages[].base",
        "Bei einer Sprachvariante die Grundsprache, aus der fehlende Texte kommen, z. B. base: de für Leichte Sprache (de-x-ls).",
    ),
    (
        "languages[].easy_read",
        "true für Leichte Sprache: check prüft Satz- und Wortlänge, Website und Broschüre setzen größer und ohne Silbentrennung.",
    ),
    (
        "spoken_languages",
        "Weitere Sprachen, die Ansprechpersonen oder Einrichtungen sprechen: Code → Name in eigener Schrift.",
    ),
    ("title", "Titel der Website je Sprache."),
    ("subtitle", "Untertitel je Sprache."),
    (
        "review_interval_months",
        "Nach wie vielen Monaten ein Steckbrief wieder geprüft werden soll.",
    ),
    (
        "topics",
        "Themen, in der Reihenfolge der Kapitel der Broschüre.",
    ),
    (
        "target_groups",
        "Zielgruppen, in der Reihenfolge der Auswahl auf der Startseite.",
    ),
    ("topics[]", "Ein Thema."),
    ("target_groups[]", "Eine Zielgruppe."),
    (
        "id",
        "Kennung für Steckbriefe und Webadressen: Kleinbuchstaben, Ziffern und Bindestriche.",
    ),
    ("label", "Bezeichnung je Sprache."),
    ("brochure", "Die gedruckte Broschüre."),
    ("brochure.paper", "Papierformat: a5 (Standard) oder a4."),
    (
        "brochure.languages",
        "Sprachen, die eine PDF-Broschüre bekommen.",
    ),
    ("brochure.file_name", "Dateiname der PDF ohne „.pdf“."),
    (
        "brochure.contact_point",
        "Ordnername der Einrichtung, die auf der Rückseite als zentrale Anlaufstelle erscheint, z. B. iq-anlaufstelle.",
    ),
    (
        "brochure.print",
        "Eine Druckvariante <file_name>-print.pdf mit Beschnitt und Schnittmarken für die Druckerei.",
    ),
    (
        "brochure.max_actors",
        "Höchstens so viele Steckbriefe druckt eine Broschüre (Standard: 2000). Der Satz braucht Arbeitsspeicher je Seite (bei 2000 Steckbriefen etwa 8 GB); eine größere Broschüre wird abgelehnt, bevor der Satz beginnt. Teilen Sie sie mit volumes: topic in ein Heft je Thema, erhöhen Sie den Wert nur auf einem Rechner mit genug Speicher, oder lassen Sie die Broschüren weg (languages: [] oder build --no-brochures). Mit volumes: topic gilt die Grenze für jedes Heft.",
    ),
    (
        "brochure.volumes",
        "Eine Broschüre je Sprache (one, Standard) oder ein Heft je Thema (topic): <file_name>-<Thema>.pdf mit Umschlag, Inhalt, dem Kapitel des Themas und eigenem Verzeichnis. Jedes Heft wird für sich gesetzt, der Arbeitsspeicher muss nur für das größte reichen; die Website verlinkt jedes Heft.",
    ),
    (
        "brochure.print.bleed_mm",
        "Beschnitt um jede Seite in Millimetern (üblich: 3).",
    ),
    (
        "brochure.print.crop_marks",
        "Schnittmarken: auf allen Seiten (all, Standard), nur auf dem Umschlag (cover) oder keine (none).",
    ),
    ("branding", "Farben und Logo."),
    (
        "branding.primary_color",
        "Hauptfarbe als #rrggbb in Anführungszeichen, z. B. \"#00567a\".",
    ),
    (
        "branding.accent_color",
        "Akzentfarbe als #rrggbb in Anführungszeichen.",
    ),
    (
        "branding.logo",
        "Logodatei, relativ zum Inhaltsordner, z. B. „theme/logo.svg“.",
    ),
    (
        "feedback_email",
        "Adresse für Hinweise auf Fehler: Jede Seite einer Einrichtung verlinkt eine vorausgefüllte E-Mail an sie („Stimmt etwas nicht?“).",
    ),
    (
        "open_data",
        "Die offenen Daten (catalog.json, HSDS, dcat.jsonld): Lizenz und Herausgeber.",
    ),
    (
        "open_data.licence",
        "Lizenz der Daten: dl-de/by-2-0 (Datenlizenz Deutschland – Namensnennung, Standard), dl-de/zero-2-0, CC-BY-4.0 oder CC0-1.0.",
    ),
    (
        "open_data.publisher",
        "Wer die Daten herausgibt (steht in der Namensnennung), z. B. „Kreisstadt Merzig“. Standard: die Stadt.",
    ),
    ("open_data.publisher_url", "Website des Herausgebers."),
    (
        "open_data.publisher_email",
        "E-Mail-Adresse des Herausgebers für Fragen zu den Daten.",
    ),
    (
        "open_data.state",
        "Bundesland der Adressen, z. B. „Saarland“ (HSDS verlangt es).",
    ),
    (
        "open_data.municipality_key",
        "Amtlicher Gemeindeschlüssel (8 Ziffern, in Anführungszeichen), z. B. \"10042114\": Open-Data-Portale verorten die Daten damit.",
    ),
    (
        "open_data.contributor_id",
        "Kennung des Herausgebers bei GovData (dcatde:contributorID, eine Adresse, die GovData vergibt).",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every description of `schema` with its path.
    fn descriptions(schema: &mut Value, path: &str, out: &mut Vec<(String, String)>) {
        if let Some(text) = schema.get("description").and_then(Value::as_str) {
            out.push((path.to_owned(), text.to_owned()));
        }
        if let Value::Object(object) = schema {
            for_children(object, path, &mut |child, child_path| {
                descriptions(child, child_path, out)
            });
        }
    }

    #[test]
    fn every_field_is_described_in_german() {
        for kind in DocumentKind::ALL {
            let mut english = kind.json_schema();
            let mut before = Vec::new();
            descriptions(&mut english, "", &mut before);
            let mut schema = document_schema(kind, None);
            let mut after = Vec::new();
            descriptions(&mut schema, "", &mut after);
            for (path, text) in &after {
                assert!(
                    !before.iter().any(|(_, english)| english == text),
                    "{kind:?} {path}: still English: {text}"
                );
            }
            // Every field keeps a description (values of enums may lose theirs).
            let fields = |list: &[(String, String)]| {
                list.iter()
                    .filter(|(p, _)| !p.contains('='))
                    .map(|(p, _)| p.clone())
                    .collect::<std::collections::BTreeSet<_>>()
            };
            let missing: Vec<_> = fields(&before)
                .difference(&fields(&after))
                .cloned()
                .collect();
            assert!(
                missing.is_empty(),
                "{kind:?}: no German text for {missing:?}"
            );
        }
    }

    #[test]
    fn every_patch_finds_its_place() {
        let config: Config =
            serde_yaml::from_str(include_str!("../tests/fixtures/good/config.yaml")).unwrap();
        for (kind, patches) in [
            (DocumentKind::Profile, profile_patches(Some(&config))),
            (DocumentKind::Numbers, numbers_patches(Some(&config))),
            (DocumentKind::Config, config_patches(Some(&config))),
        ] {
            let mut schema = kind.json_schema();
            for (path, _) in patches {
                let target = at_mut(&mut schema, &path);
                assert!(target.is_some_and(|t| t.is_object()), "{kind:?}: no {path}");
            }
        }
    }

    #[test]
    fn patterns_accept_what_check_accepts_and_refuse_the_typical_mistakes() {
        let matches = |pattern: &str, text: &str| {
            let schema = json!({"type": "string", "pattern": pattern});
            jsonschema::validator_for(&schema)
                .unwrap()
                .is_valid(&json!(text))
        };
        let phone = phone_pattern();
        for good in [
            "06861 9012-0",
            "(06861) 90120",
            "+49 6861 9012-0",
            "+49 (0) 6861 90120",
            "0049 681 123456",
            "+352 26 12 34 56",
        ] {
            assert!(matches(&phone, good), "{good}");
        }
        for bad in [
            "+49 06861 9012-0",
            "+49 (06861) 9012-0",
            "9012-0",
            "06861 CALL",
            "0049 0681 1234",
        ] {
            assert!(!matches(&phone, bad), "{bad}");
        }
        let days = days_pattern();
        for good in [
            "Mo",
            "Mo-Fr",
            "Mo, Mi",
            "mo.",
            "Montag–Freitag",
            "Mo-Mi, Fr",
            "SA",
        ] {
            assert!(matches(&days, good), "{good}");
        }
        for bad in ["Mon", "Monday", "Mo Fr", ""] {
            assert!(!matches(&days, bad), "{bad}");
        }
        let times = time_range_pattern();
        assert!(matches(&times, "08:00-12:30") && matches(&times, "13:00–24:00"));
        assert!(!matches(&times, "8-12") && !matches(&times, "08:60-09:00"));
        let email = email_pattern();
        assert!(matches(&email, "anna.beispiel@example.org"));
        for bad in [
            "anna(at)example.org",
            "anna beispiel@example.org",
            "anna@localhost",
        ] {
            assert!(!matches(&email, bad), "{bad}");
        }
        assert!(matches(DATE, "2026-06-15") && !matches(DATE, "15.06.2026"));
        let word = word_pattern();
        let long = "x".repeat(MAX_WORD + 1);
        assert!(matches(&word, &format!("kurz {} kurz", &long[1..])));
        assert!(!matches(&word, &format!("kurz\n{long} kurz")));
        assert!(matches(WEBSITE, "https://www.merzig.de") && !matches(WEBSITE, "www.merzig.de"));
        for code in [
            "de",
            "prs",
            "en-GB",
            "zh-Hant-TW",
            "de-x-ls",
            "de-DE-x-simple-language",
        ] {
            assert!(crate::validate::language_code(code).is_ok(), "{code}");
            assert!(matches(LANGUAGE_CODE, code), "{code}");
        }
        for code in ["DE", "d", "de-x", "de_DE", "de-x-ls-"] {
            assert!(crate::validate::language_code(code).is_err(), "{code}");
            assert!(!matches(LANGUAGE_CODE, code), "{code}");
        }
    }
}
