//! The texts, in German and English, grouped by where they are used. German uses "Sie" and the
//! words of the editors' guide (docs/EDITING.md): a profile is a "Steckbrief", a field keeps its
//! name from the files (`phone`, `kind`).

use jiff::civil::Date;

use super::{number, plural};

/// A date as German offices write it: 03.06.2025.
fn german_date(date: Date) -> String {
    date.strftime("%d.%m.%Y").to_string()
}

messages! {
    // ── Output of diagnostics (src/diagnostics.rs, src/cmd/) ─────────────────────────────────

    /// The label of an error in the terminal.
    label_error() { de: "Fehler", en: "error" }
    /// The label of a warning in the terminal.
    label_warning() { de: "Warnung", en: "warning" }
    /// The label of the advice under a problem.
    label_hint() { de: "Tipp", en: "hint" }
    /// "… and 104,800 more problems like these in this file".
    more_errors_like_these(count: usize) {
        de: { format!("… und {} weitere Fehler dieser Art in dieser Datei", number(count)) },
        en: { format!("… and {} more problems like these in this file", number(count)) },
    }
    /// The same for warnings.
    more_warnings_like_these(count: usize) {
        de: { format!("… und {} weitere Warnungen dieser Art in dieser Datei", number(count)) },
        en: { format!("… and {} more warnings like these in this file", number(count)) },
    }
    /// Hint of the two above.
    only_first_shown(limit: usize) {
        de: "nur die ersten {limit} werden angezeigt; beheben Sie diese und prüfen Sie erneut",
        en: "only the first {limit} are shown; fix those and check again",
    }
    /// "checked 29 actors: 0 errors, 41 warnings".
    summary(actors: usize, errors: usize, warnings: usize) {
        de: {
            format!(
                "{actors} {} geprüft: {errors} Fehler, {warnings} {}",
                plural(actors, "Steckbrief", "Steckbriefe"),
                plural(warnings, "Warnung", "Warnungen")
            )
        },
        en: {
            format!(
                "checked {actors} {}: {errors} {}, {warnings} {}",
                plural(actors, "actor", "actors"),
                plural(errors, "error", "errors"),
                plural(warnings, "warning", "warnings")
            )
        },
    }
    /// One line per language in the quiet summary of translation gaps.
    translation_gaps(language: &str, fields: usize, actors: usize) {
        de: {
            format!(
                "nicht übersetzt ({language}): {fields} {} in {actors} {}",
                plural(fields, "Feld", "Felder"),
                plural(actors, "Steckbrief", "Steckbriefen")
            )
        },
        en: {
            format!(
                "not translated into {language}: {fields} {} in {actors} {}",
                plural(fields, "field", "fields"),
                plural(actors, "actor", "actors")
            )
        },
    }
    /// The closing line when warnings were left out of the list.
    hidden_warnings(hidden: usize, command: &str) {
        de: {
            format!(
                "{hidden} {} zu fehlenden Übersetzungen nicht einzeln aufgeführt, alle anzeigen: {command} --verbose",
                plural(hidden, "Warnung", "Warnungen")
            )
        },
        en: {
            format!(
                "{hidden} {} about missing translations not listed one by one, show them all: {command} --verbose",
                plural(hidden, "warning", "warnings")
            )
        },
    }
    /// What `check --format github` says about the translation gaps it summarises.
    github_gaps_title() {
        de: "Fehlende Übersetzungen",
        en: "Missing translations",
    }
    /// The prefix of a fatal problem on stderr.
    fatal(message: &str) { de: "Fehler: {message}", en: "error: {message}" }

    // ── Reading files (src/source.rs, src/load.rs, src/yaml.rs) ──────────────────────────────

    /// A file cannot be opened.
    cannot_open(error: &dyn std::fmt::Display) {
        de: "die Datei kann nicht geöffnet werden: {error}",
        en: "cannot open the file: {error}",
    }
    /// A file or folder cannot be read.
    cannot_read(error: &dyn std::fmt::Display) {
        de: "kann nicht gelesen werden: {error}",
        en: "cannot read: {error}",
    }
    /// A file larger than a content file may be.
    file_too_large(size: &str, limit: &str) {
        de: "die Datei ist {size} groß, mehr als die {limit}, die eine Inhaltsdatei haben darf",
        en: "the file is {size}, more than the {limit} a content file may have",
    }
    /// Hint of [`file_too_large`].
    file_too_large_hint() {
        de: "ein Steckbrief hat wenige Kilobyte Text; prüfen Sie, ob dies die richtige Datei ist",
        en: "a Steckbrief is a few kilobytes of text; check that this is the right file",
    }
    /// Not UTF-8.
    not_utf8() {
        de: "die Datei ist kein gültiger UTF-8-Text",
        en: "the file is not valid UTF-8 text",
    }
    /// Hint of [`not_utf8`].
    not_utf8_hint() {
        de: "speichern Sie die Datei mit der Kodierung UTF-8 (in den meisten Editoren: „Mit Kodierung speichern“)",
        en: "save the file with the encoding UTF-8 (in most editors: \"Save with encoding\")",
    }
    /// A YAML syntax error, with the parser's own words.
    invalid_yaml(detail: &str) {
        de: "dies ist kein gültiges YAML: {detail}",
        en: "this is not valid YAML: {detail}",
    }
    /// Hint of a YAML syntax error.
    invalid_yaml_hint() {
        de: "prüfen Sie die Einrückung und ob in jedem `key: value` nach dem Doppelpunkt ein Leerzeichen steht",
        en: "check the indentation and that every `key: value` has a space after the colon",
    }
    /// A quoted text that is never closed.
    unclosed_quote(quote: char, line: usize) {
        de: "das Anführungszeichen {quote} in Zeile {line} wird nicht geschlossen",
        en: "the quote {quote} on line {line} is never closed",
    }
    /// Hint of [`unclosed_quote`].
    unclosed_quote_hint(quote: char) {
        de: "setzen Sie ein {quote} an das Ende des Textes; ein {quote} im Text selbst schreiben Sie doppelt oder verwenden die andere Art Anführungszeichen",
        en: "put a {quote} at the end of the text; write a {quote} inside the text twice or use the other kind of quotes",
    }
    /// A second `---` document.
    second_document() {
        de: "hier beginnt ein zweites YAML-Dokument (`---`)",
        en: "a second YAML document starts here (`---`)",
    }
    /// Hint of [`second_document`].
    second_document_hint() {
        de: "eine Steckbrief-Datei enthält genau ein Dokument; entfernen Sie das zusätzliche `---` und was folgt, oder verschieben Sie es in eine eigene Datei",
        en: "a Steckbrief file holds exactly one document; remove the extra `---` and what follows or move it into its own file",
    }
    /// `*alias`.
    yaml_alias() {
        de: "YAML-Aliase (`*name`) werden nicht unterstützt",
        en: "YAML aliases (`*name`) are not supported",
    }
    /// Hint of [`yaml_alias`].
    yaml_alias_hint() {
        de: "schreiben Sie den Wert vollständig aus, statt auf einen Anker zu verweisen",
        en: "write the value out in full instead of referring to an anchor",
    }
    /// `&anchor`.
    yaml_anchor() {
        de: "YAML-Anker (`&name`) werden nicht unterstützt",
        en: "YAML anchors (`&name`) are not supported",
    }
    /// Hint of [`yaml_anchor`].
    yaml_anchor_hint() {
        de: "entfernen Sie den Anker und schreiben Sie jeden Wert vollständig aus",
        en: "remove the anchor and write every value out in full",
    }
    /// Nesting deeper than allowed.
    nested_too_deep(limit: usize) {
        de: "die Daten sind mehr als {limit} Ebenen tief verschachtelt",
        en: "the data is nested more than {limit} levels deep",
    }
    /// Hint of [`nested_too_deep`].
    nested_too_deep_hint() {
        de: "ein Steckbrief braucht nur wenige Ebenen; prüfen Sie die Einrückung",
        en: "a Steckbrief needs only a few levels; check the indentation",
    }
    /// A list or mapping used as a key.
    complex_key() {
        de: "ein Schlüssel muss ein einfacher Name sein, keine Liste und kein Block",
        en: "a key must be a plain name, not a list or mapping",
    }
    /// Hint of [`complex_key`].
    complex_key_hint() {
        de: "schreiben Sie Schlüssel als `name: Wert`",
        en: "write keys as `name: value`",
    }
    /// The same key twice.
    duplicate_key(key: &str) {
        de: "der Schlüssel `{key}` steht zweimal im selben Block",
        en: "the key `{key}` appears twice in the same block",
    }
    /// Hint of [`duplicate_key`].
    duplicate_key_hint() {
        de: "behalten Sie einen davon; der zweite würde den ersten stillschweigend ersetzen",
        en: "keep one of them; the second would silently replace the first",
    }
    /// An empty file.
    empty_file() { de: "die Datei ist leer", en: "the file is empty" }
    /// Hint of an empty translation.
    empty_translation_hint() {
        de: "schreiben Sie die übersetzten Felder hinein oder löschen Sie die Datei",
        en: "write the translated fields, or delete the file",
    }
    /// Hint of another empty file.
    empty_file_hint() {
        de: "füllen Sie die Felder aus; `steckbrief new <slug>` schreibt eine vollständige Vorlage",
        en: "fill in the fields; `steckbrief new <slug>` writes a complete template",
    }
    /// A file beside which there is no profile.yaml.
    no_profile_beside(profile: &str) {
        de: "neben dieser Datei gibt es keine {profile}",
        en: "there is no {profile} beside this file",
    }
    /// Hint of [`no_profile_beside`].
    no_profile_beside_hint(profile: &str) {
        de: "jeder Ordner eines Akteurs braucht eine {profile}; legen Sie sie mit `steckbrief new <slug>` an",
        en: "every actor folder needs a {profile}; create one with `steckbrief new <slug>`",
    }
    /// A symbolic link loop.
    symlink_loop() {
        de: "diese symbolische Verknüpfung zeigt auf einen Ordner, der sie selbst enthält (eine Schleife)",
        en: "this symbolic link points back to a folder that contains it (a loop)",
    }
    /// Hint of an unreadable entry under actors/.
    fix_link_hint() {
        de: "entfernen Sie die Verknüpfung oder lassen Sie sie auf einen echten Ordner zeigen",
        en: "remove the link or make it point to a real folder",
    }
    /// A symbolic link out of the content folder.
    symlink_outside() {
        de: "diese symbolische Verknüpfung führt aus dem Inhaltsordner hinaus",
        en: "this symbolic link leads outside the content folder",
    }
    /// Hint of [`symlink_outside`].
    symlink_outside_hint() {
        de: "kopieren Sie die Datei in den Inhaltsordner, statt auf sie zu verweisen",
        en: "copy the file into the content folder instead of linking to it",
    }
    /// `.yml`.
    yml_extension() {
        de: "Steckbrief-Dateien enden auf .yaml, nicht auf .yml",
        en: "Steckbrief files end in .yaml, not .yml",
    }
    /// A YAML file directly in actors/.
    yaml_outside_folder() {
        de: "eine YAML-Datei direkt in actors/ gehört zu keinem Akteur",
        en: "a YAML file directly in actors/ belongs to no actor",
    }
    /// Hint of the two above.
    one_folder_per_actor_hint() {
        de: "legen Sie profile.yaml und ihre Übersetzungen in einen Ordner je Akteur: actors/<slug>/profile.yaml",
        en: "put profile.yaml and its translations into a folder per actor: actors/<slug>/profile.yaml",
    }
    /// A file nobody reads.
    unused_file() { de: "diese Datei wird nicht verwendet", en: "this file is not used" }
    /// Hint of [`unused_file`].
    unused_file_hint() {
        de: "in den Ordner eines Akteurs gehören profile.yaml, Übersetzungen <Sprache>.yaml und ein Logo",
        en: "actor folders hold profile.yaml, <language>.yaml translations and a logo image",
    }
    /// A translation in the source language.
    translation_in_source_language(language: &str) {
        de: "`{language}` ist die Ausgangssprache; ihr Text gehört in profile.yaml",
        en: "`{language}` is the source language; its text belongs in profile.yaml",
    }
    /// Hint of [`translation_in_source_language`].
    translation_in_source_language_hint() {
        de: "übernehmen Sie den Text in profile.yaml und löschen Sie diese Datei",
        en: "move the text into profile.yaml and delete this file",
    }
    /// A translation file named after no site language.
    no_site_language(language: &str) {
        de: "`{language}` ist keine Sprache der Website (`languages` in config.yaml)",
        en: "`{language}` is not a language of the site (`languages` in config.yaml)",
    }
    /// Hint of [`no_site_language`] when the name is close to a site language.
    no_site_language_typo_hint(best: &str, language: &str) {
        de: "meinten Sie {best}.yaml? Sonst ergänzen Sie `{language}` unter `languages` in config.yaml",
        en: "did you mean {best}.yaml? Otherwise add `{language}` to `languages` in config.yaml",
    }
    /// Hint of [`no_site_language`] otherwise.
    no_site_language_hint(files: &str, language: &str) {
        de: "Übersetzungen gibt es nur für die Sprachen der Website: {files}; um die Seiten auch auf `{language}` anzubieten, ergänzen Sie es unter `languages` in config.yaml, sonst löschen Sie die Datei",
        en: "translations exist only for the languages of the site: {files}; to offer the pages in `{language}` as well, add it to `languages` in config.yaml, otherwise remove the file",
    }
    /// Hint of [`no_site_language`] for a language that is spoken, not published.
    spoken_not_site_language_hint(files: &str, language: &str) {
        de: "`{language}` steht in config.yaml unter `spoken_languages` (Sprachen, in denen beraten wird); Übersetzungen gibt es aber nur für die Sprachen der Website: {files}. Um die Website auch auf `{language}` anzubieten, ergänzen Sie es unter `languages`, sonst löschen Sie die Datei",
        en: "`{language}` is listed under `spoken_languages` in config.yaml (languages spoken in counselling), but translations exist only for the languages of the site: {files}. To offer the site in `{language}` as well, add it to `languages`, otherwise remove the file",
    }
    /// A config.yaml missing.
    no_config(config: &str, root: &str) {
        de: "keine {config} in {root}: ist das der Inhaltsordner? (geben Sie ihn mit --root ORDNER an)",
        en: "no {config} in {root}: is this the content folder? (use --root DIR)",
    }
    /// An actors/ folder missing.
    no_actors(actors: &str, root: &str) {
        de: "kein Ordner {actors}/ in {root}",
        en: "no {actors}/ folder in {root}",
    }

    // ── Structure, against the schema (src/schema.rs) ───────────────────────────────────────

    /// A field of profile.yaml in a translation.
    cannot_be_translated(name: &str) {
        de: "`{name}` kann nicht übersetzt werden",
        en: "`{name}` cannot be translated",
    }
    /// Hint of [`cannot_be_translated`].
    cannot_be_translated_hint(name: &str) {
        de: "`{name}` ist in jeder Sprache gleich: tragen Sie es einmal in profile.yaml ein und entfernen Sie es hier",
        en: "`{name}` is the same in every language: set it once in profile.yaml and remove it here",
    }
    /// A field the file type does not have.
    unknown_field(name: &str) {
        de: "unbekanntes Feld `{name}`",
        en: "unknown field `{name}`",
    }
    /// "did you mean `address`?"
    did_you_mean(best: &str) {
        de: "meinten Sie `{best}`?",
        en: "did you mean `{best}`?",
    }
    /// Hint for an unknown field where nothing is allowed.
    remove_field_hint() { de: "entfernen Sie dieses Feld", en: "remove this field" }
    /// Hint listing the fields allowed.
    allowed_fields_hint(fields: &str) {
        de: "hier erlaubte Felder: {fields}",
        en: "fields allowed here: {fields}",
    }
    /// A required field missing (at the top of the file).
    missing_field(name: &str) {
        de: "das Feld `{name}` fehlt",
        en: "missing field `{name}`",
    }
    /// A required field missing inside another.
    missing_field_in(name: &str, parent: &str) {
        de: "das Feld `{name}` fehlt in `{parent}`",
        en: "missing field `{name}` in `{parent}`",
    }
    /// Hint of a missing field, with the field's description.
    add_field_hint(name: &str, description: &str) {
        de: "ergänzen Sie `{name}:` – {description}",
        en: "add `{name}:` — {description}",
    }
    /// Hint of a missing field whose description is not in the language of the messages.
    add_field_bare_hint(name: &str) {
        de: "ergänzen Sie `{name}:`",
        en: "add `{name}:`",
    }
    /// Hint of a missing field with fixed values.
    add_field_choices_hint(name: &str, choices: &str) {
        de: "ergänzen Sie `{name}:` mit einem dieser Werte: {choices}",
        en: "add `{name}:` with one of: {choices}",
    }
    /// A field without value.
    field_empty(field: &str) { de: "`{field}` ist leer", en: "`{field}` is empty" }
    /// A value of the wrong type.
    wrong_type(field: &str, expected: &str, found: &str) {
        de: "`{field}` muss {expected} sein, ist aber {found}",
        en: "`{field}` must be {expected}, but this is {found}",
    }
    /// Hint listing fixed values.
    choose_one_of(choices: &str) {
        de: "wählen Sie einen dieser Werte: {choices}",
        en: "choose one of: {choices}",
    }
    /// Hint listing fixed values for a list.
    choose_from(choices: &str) {
        de: "wählen Sie aus: {choices}",
        en: "choose from: {choices}",
    }
    /// Hint for an empty list without fixed values.
    add_entry_hint() { de: "ergänzen Sie einen Eintrag", en: "add an entry" }
    /// A value not among the fixed values.
    not_a_valid_value(value: &str, field: &str) {
        de: "{value} ist kein gültiger Wert für `{field}`",
        en: "{value} is not a valid value for `{field}`",
    }
    /// A value that fits none of the allowed forms.
    invalid_value(field: &str) {
        de: "`{field}` hat einen ungültigen Wert",
        en: "`{field}` has an invalid value",
    }
    /// Hint for an empty field.
    fill_in_hint() { de: "füllen Sie es aus", en: "fill it in" }
    /// An empty list.
    needs_an_entry(field: &str) {
        de: "`{field}` braucht mindestens einen Eintrag",
        en: "`{field}` needs at least one entry",
    }
    /// A number too small.
    at_least(field: &str, limit: &dyn std::fmt::Display) {
        de: "`{field}` muss mindestens {limit} sein",
        en: "`{field}` must be at least {limit}",
    }
    /// A list or map too long.
    too_many_entries(field: &str, count: usize, limit: &dyn std::fmt::Display) {
        de: { format!("`{field}` hat {} Einträge; erlaubt sind höchstens {limit}", number(count)) },
        en: { format!("`{field}` has {} entries; at most {limit} are allowed", number(count)) },
    }
    /// Hint of [`too_many_entries`].
    too_many_entries_hint() {
        de: "ein Steckbrief nennt nur, was die Leserinnen und Leser brauchen; prüfen Sie, ob die Liste doppelt eingefügt wurde",
        en: "a Steckbrief lists only what readers need; check that the list was not pasted twice",
    }
    /// Any other structural problem, in the validator's words.
    other_structure(field: &str, detail: &str) {
        de: "`{field}`: {detail}",
        en: "`{field}`: {detail}",
    }
    /// A type name: text.
    type_text() { de: "Text", en: "text" }
    /// A type name: a list.
    type_list() { de: "eine Liste", en: "a list" }
    /// A type name: a block.
    type_block() { de: "ein Block aus `key: value`-Zeilen", en: "a block of `key: value` lines" }
    /// A type name: a whole number.
    type_integer() { de: "eine ganze Zahl", en: "a whole number" }
    /// A type name: a number.
    type_number() { de: "eine Zahl", en: "a number" }
    /// A type name: true or false.
    type_boolean() { de: "true oder false", en: "true or false" }
    /// A value found: empty.
    found_empty() { de: "leer", en: "empty" }
    /// A value found: true/false.
    found_boolean() { de: "true/false", en: "true/false" }
    /// "text or a number".
    type_or(a: &str, b: &str) { de: "{a} oder {b}", en: "{a} or {b}" }
    /// The whole file, where a pointer is empty.
    the_file() { de: "die Datei", en: "the file" }
    /// Hint for an empty value.
    write_a_value_hint() {
        de: "schreiben Sie einen Wert hinter den Doppelpunkt oder löschen Sie die Zeile, wenn das Feld freiwillig ist",
        en: "write a value after the colon, or remove the line if the field is optional",
    }
    /// Hint for a number or yes/no where text belongs.
    quote_it_hint(text: &str) {
        de: "setzen Sie den Wert in Anführungszeichen: \"{text}\"",
        en: "put the value in quotes: \"{text}\"",
    }
    /// Hint for a text where a list belongs.
    write_a_list_hint(text: &str) {
        de: "schreiben Sie eine Liste: ein `- Eintrag` pro Zeile oder in eckigen Klammern: [{text}]",
        en: "write a list: one `- item` per line, or in brackets: [{text}]",
    }
    /// Hint naming the type wanted.
    write_type_hint(expected: &str) {
        de: "schreiben Sie hier {expected}",
        en: "write {expected} here",
    }

    // ── Values (src/validate/fields.rs, hours.rs, logo.rs) ──────────────────────────────────

    /// Hint of every phone problem.
    phone_hint() {
        de: "schreiben Sie die Nummer mit Vorwahl, z. B. 06861 9012-0 oder +49 6861 9012-0",
        en: "write the number with its area code, e.g. 06861 9012-0 or +49 6861 9012-0",
    }
    /// A character not allowed in a phone number.
    phone_bad_character(phone: &str, bad: char) {
        de: "die Telefonnummer `{phone}` enthält `{bad}`",
        en: "the phone number `{phone}` contains `{bad}`",
    }
    /// Hint of [`phone_bad_character`].
    phone_bad_character_hint() {
        de: "schreiben Sie die Nummer mit Vorwahl, z. B. 06861 9012-0 oder +49 6861 9012-0; erlaubt sind nur Ziffern, Leerzeichen und + - / ( )",
        en: "write the number with its area code, e.g. 06861 9012-0 or +49 6861 9012-0; only digits, spaces and + - / ( ) are allowed",
    }
    /// A plus sign inside a number.
    phone_plus_inside(phone: &str) {
        de: "die Telefonnummer `{phone}` hat ein `+` mitten in der Nummer",
        en: "the phone number `{phone}` has a `+` in the middle",
    }
    /// No area code.
    phone_no_area_code(phone: &str) {
        de: "die Telefonnummer `{phone}` hat keine Vorwahl",
        en: "the phone number `{phone}` has no area code",
    }
    /// A number that cannot exist (libphonenumber's rules for its country).
    phone_invalid(phone: &str) {
        de: "`{phone}` ist keine gültige Telefonnummer",
        en: "`{phone}` is not a valid phone number",
    }
    /// Hint of [`phone_invalid`].
    phone_invalid_hint() {
        de: "prüfen Sie Vorwahl und Ziffern; schreiben Sie die Nummer mit Vorwahl, z. B. 06861 9012-0 oder +49 6861 9012-0",
        en: "check the area code and the digits; write the number with its area code, e.g. 06861 9012-0 or +49 6861 9012-0",
    }
    /// The trunk 0 kept after the country code ("+49 06861 …").
    phone_trunk_prefix(phone: &str) {
        de: "in `{phone}` steht nach der Ländervorwahl noch die 0 der Vorwahl: so ist die Nummer nicht erreichbar",
        en: "`{phone}` keeps the 0 of the area code after the country code: it cannot be dialled that way",
    }
    /// Hint of [`phone_trunk_prefix`]: the right form, and for German numbers the national one.
    phone_trunk_prefix_hint(right: &str, national: Option<&str>) {
        de: {
            let national = national.map(|n| format!(", oder national 0{n}")).unwrap_or_default();
            format!("schreiben Sie {right} (nach der Ländervorwahl ohne 0 und ohne Klammern){national}")
        },
        en: {
            let national = national.map(|n| format!(", or nationally 0{n}")).unwrap_or_default();
            format!("write {right} (after the country code without 0 and without brackets){national}")
        },
    }
    /// `base_url` is still a host reserved for examples (a warning).
    example_base_url(host: &str) {
        de: "`base_url` ist noch eine Beispieladresse (`{host}`): sie steht in den QR-Codes und in der Sitemap",
        en: "`base_url` is still an example address (`{host}`): it goes into the QR codes and the sitemap",
    }
    /// Hint of [`example_base_url`].
    example_base_url_hint() {
        de: "tragen Sie die Adresse ein, unter der die Website erscheint, z. B. https://integration.merzig.de",
        en: "write the address the site will be published at, e.g. https://integration.merzig.de",
    }
    /// `open_data.municipality_key` is not 8 digits.
    municipality_key(key: &str) {
        de: "`{key}` ist kein Amtlicher Gemeindeschlüssel",
        en: "`{key}` is not a municipality key",
    }
    /// Hint of [`municipality_key`].
    municipality_key_hint() {
        de: "der Amtliche Gemeindeschlüssel hat 8 Ziffern, z. B. \"10042114\" (in Anführungszeichen)",
        en: "the Amtlicher Gemeindeschlüssel has 8 digits, e.g. \"10042114\" (in quotes)",
    }
    /// Hint for an optional name left empty.
    empty_or_default_hint() {
        de: "schreiben Sie den Namen, oder löschen Sie die Zeile, dann gilt der Standardwert",
        en: "write the name, or remove the line to use the default",
    }
    /// An invalid e-mail address.
    invalid_email(email: &str) {
        de: "`{email}` ist keine gültige E-Mail-Adresse",
        en: "`{email}` is not a valid e-mail address",
    }
    /// Hint of [`invalid_email`].
    invalid_email_hint() {
        de: "schreiben Sie sie als name@domain.de, ohne Leerzeichen und spitze Klammern",
        en: "write it as name@domain.de, without spaces or angle brackets",
    }
    /// Hint of every web address problem.
    website_hint() {
        de: "schreiben Sie die vollständige Adresse mit https:// am Anfang, z. B. https://www.merzig.de",
        en: "write the full address starting with https://, e.g. https://www.merzig.de",
    }
    /// A web address without `https://`.
    website_without_scheme(url: &str) {
        de: "die Webadresse `{url}` muss mit https:// beginnen",
        en: "the web address `{url}` must start with https://",
    }
    /// A web address that does not parse.
    invalid_website(url: &str, detail: &str) {
        de: "`{url}` ist keine gültige Webadresse ({detail})",
        en: "`{url}` is not a valid web address ({detail})",
    }
    /// A web address of another kind.
    website_not_http(url: &str) {
        de: "`{url}` ist keine http- oder https-Adresse",
        en: "`{url}` is not an http or https address",
    }
    /// Not a postcode.
    invalid_postcode(postcode: &str) {
        de: "`{postcode}` ist keine deutsche Postleitzahl",
        en: "`{postcode}` is not a German postcode",
    }
    /// Hint of [`invalid_postcode`].
    invalid_postcode_hint() {
        de: "eine Postleitzahl hat fünf Ziffern und steht in Anführungszeichen: \"66663\"",
        en: "a postcode has five digits, written in quotes: \"66663\"",
    }
    /// Not a date.
    invalid_date(text: &str) { de: "`{text}` ist kein Datum", en: "`{text}` is not a date" }
    /// Hint of [`invalid_date`].
    invalid_date_hint() {
        de: "schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2026-03-31",
        en: "write the date as YYYY-MM-DD, e.g. 2026-03-31",
    }
    /// A review date after today.
    date_in_future(date: Date) {
        de: { format!("das Datum {} liegt in der Zukunft", german_date(date)) },
        en: "the date {date} lies in the future",
    }
    /// Hint of [`date_in_future`].
    date_in_future_hint(today: Date) {
        de: "tragen Sie das Datum der letzten Prüfung ein, spätestens das heutige ({today})",
        en: "use the date of the last review, today ({today}) at the latest",
    }
    /// Not usable in a URL.
    not_url_safe(text: &str) {
        de: "`{text}` kann nicht in einer Webadresse stehen",
        en: "`{text}` cannot be used in a web address",
    }
    /// Hint of [`not_url_safe`].
    not_url_safe_hint() {
        de: "verwenden Sie Kleinbuchstaben a-z, Ziffern und einzelne Bindestriche, z. B. jobcenter-merzig (ä → ae, ß → ss)",
        en: "use lowercase letters a-z, digits and single hyphens, e.g. jobcenter-merzig (ä → ae, ß → ss)",
    }
    /// Not a language code.
    invalid_language_code(text: &str) {
        de: "`{text}` ist kein Sprachcode",
        en: "`{text}` is not a language code",
    }
    /// Hint of [`invalid_language_code`].
    invalid_language_code_hint() {
        de: "verwenden Sie einen BCP-47-Code wie de, en, ar, uk, fa, tr oder de-x-ls für Leichte Sprache",
        en: "use a BCP 47 code such as de, en, ar, uk, fa, tr, or de-x-ls for Leichte Sprache",
    }
    /// Leichte Sprache: a sentence longer than the rule of thumb (a warning).
    easy_read_long_sentence(label: &str, words: usize, max: usize) {
        de: "{label}: Dieser Satz hat {words} Wörter. Leichte Sprache: höchstens {max} Wörter in einem Satz (Faustregel des Netzwerks Leichte Sprache).",
        en: "{label}: This sentence has {words} words. Leichte Sprache: at most {max} words per sentence (rule of thumb of the Netzwerk Leichte Sprache).",
    }
    /// Hint of [`easy_read_long_sentence`].
    easy_read_long_sentence_hint() {
        de: "Teilen Sie ihn in kurze Sätze. Jeder Satz sagt nur eine Sache.",
        en: "Split it into short sentences with one statement each.",
    }
    /// Leichte Sprache: a word longer than the rule of thumb (a warning).
    easy_read_long_word(label: &str, word: &str, letters: usize, max: usize) {
        de: "{label}: Das Wort „{word}“ hat {letters} Buchstaben. Leichte Sprache: höchstens {max} Buchstaben in einem Wort (Faustregel des Netzwerks Leichte Sprache).",
        en: "{label}: The word “{word}” has {letters} letters. Leichte Sprache: at most {max} letters per word (rule of thumb of the Netzwerk Leichte Sprache).",
    }
    /// Hint of [`easy_read_long_word`].
    easy_read_long_word_hint() {
        de: "Nehmen Sie ein kürzeres, bekanntes Wort, oder trennen Sie ein zusammengesetztes Wort mit einem Mediopunkt: Arbeits·agentur.",
        en: "Use a shorter, common word, or divide a compound with a Mediopunkt: Arbeits·agentur.",
    }
    /// A variant's `base` is not a configured language.
    base_not_a_language(base: &str) {
        de: "die Grundsprache `{base}` steht nicht unter `languages`",
        en: "the base language `{base}` is not among `languages`",
    }
    /// Hint of [`base_not_a_language`].
    base_not_a_language_hint() {
        de: "nennen Sie die Sprache, von der diese eine Variante ist, z. B. `base: de` für Leichte Sprache",
        en: "name the language this one is a variant of, e.g. `base: de` for Leichte Sprache",
    }
    /// A language names itself as its base.
    base_is_itself(code: &str) {
        de: "`{code}` kann keine Variante von sich selbst sein",
        en: "`{code}` cannot be a variant of itself",
    }
    /// Hint of [`base_is_itself`].
    base_is_itself_hint() {
        de: "nennen Sie eine andere Sprache oder löschen Sie `base`",
        en: "name another language, or remove `base`",
    }
    /// A variant's base is a variant too.
    base_is_a_variant(base: &str) {
        de: "`{base}` ist selbst eine Variante; die Grundsprache einer Variante muss eine eigene Sprache sein",
        en: "`{base}` is itself a variant; a variant's base must be a language of its own",
    }
    /// Hint of [`base_is_a_variant`].
    base_is_a_variant_hint(base: &str) {
        de: "nehmen Sie stattdessen die Grundsprache von `{base}`",
        en: "use the base of `{base}` instead",
    }
    /// A variant and its base run in different directions.
    base_direction(code: &str, base: &str) {
        de: "`{code}` und seine Grundsprache `{base}` werden in verschiedene Richtungen geschrieben",
        en: "`{code}` and its base `{base}` are written in different directions",
    }
    /// Hint of [`base_direction`].
    base_direction_hint(code: &str, base: &str) {
        de: "geben Sie `{code}` dasselbe `rtl` wie `{base}`",
        en: "give `{code}` the same `rtl` as `{base}`",
    }
    /// Not a colour.
    invalid_colour(text: &str) { de: "`{text}` ist keine Farbe", en: "`{text}` is not a colour" }
    /// Hint of [`invalid_colour`].
    invalid_colour_hint() {
        de: "schreiben Sie die Farbe als #rrggbb in Anführungszeichen, z. B. \"#00567a\"",
        en: "write the colour as #rrggbb in quotes, e.g. \"#00567a\"",
    }
    /// Closed and with times.
    closed_with_times() {
        de: "ein Tag kann nicht geschlossen sein und zugleich Öffnungszeiten haben",
        en: "a day cannot be closed and have opening times",
    }
    /// Hint of [`closed_with_times`].
    closed_with_times_hint() {
        de: "entfernen Sie `closed: true` oder die Zeiten",
        en: "remove `closed: true` or the times",
    }
    /// Days without times.
    no_times(days: &str) {
        de: "für {days} sind keine Zeiten angegeben",
        en: "no times given for {days}",
    }
    /// Hint of [`no_times`].
    no_times_hint() {
        de: "ergänzen Sie `times: [\"08:00-12:00\"]` oder `closed: true`",
        en: "add `times: [\"08:00-12:00\"]` or `closed: true`",
    }
    /// Overlapping times.
    times_overlap(range: &str, other: &str, day: &str) {
        de: "{range} überschneidet sich am {day} mit {other}",
        en: "{range} overlaps {other} on {day}",
    }
    /// Hint of [`times_overlap`].
    times_overlap_hint() {
        de: "jeder Tag darf mit jeder Zeit nur einmal vorkommen; fassen Sie die Zeiten zusammen oder korrigieren Sie sie",
        en: "each day may appear with each time only once; merge or correct the ranges",
    }
    /// Not a weekday.
    not_a_weekday(text: &str) {
        de: "`{text}` ist kein Wochentag",
        en: "`{text}` is not a weekday",
    }
    /// Hint of [`not_a_weekday`].
    not_a_weekday_hint() {
        de: "verwenden Sie Mo, Di, Mi, Do, Fr, Sa, So; einen Bereich wie Mo-Fr oder eine Liste wie Mo, Mi",
        en: "use Mo, Di, Mi, Do, Fr, Sa, So; a range like Mo-Fr or a list like Mo, Mi",
    }
    /// A range of days backwards.
    days_backwards(range: &str) {
        de: "der Bereich `{range}` läuft rückwärts",
        en: "the range `{range}` runs backwards",
    }
    /// Hint of [`days_backwards`].
    days_backwards_hint() {
        de: "schreiben Sie Bereiche von Montag Richtung Sonntag, z. B. Mo-Fr",
        en: "write ranges from Monday towards Sunday, e.g. Mo-Fr",
    }
    /// A day twice.
    day_twice(text: &str) {
        de: "`{text}` nennt einen Tag zweimal",
        en: "`{text}` names a day twice",
    }
    /// Hint of [`day_twice`].
    day_twice_hint() {
        de: "nennen Sie jeden Wochentag einmal",
        en: "list each weekday once",
    }
    /// Not a time range.
    not_a_time_range(text: &str) {
        de: "`{text}` ist keine Zeitspanne",
        en: "`{text}` is not a time range",
    }
    /// Hint of [`not_a_time_range`].
    time_range_hint() {
        de: "schreiben Sie Zeiten als HH:MM-HH:MM in Anführungszeichen, z. B. \"08:00-12:30\"",
        en: "write times as HH:MM-HH:MM in quotes, e.g. \"08:00-12:30\"",
    }
    /// A range that closes before it opens.
    opens_after_closing(from: &dyn std::fmt::Display, to: &dyn std::fmt::Display) {
        de: "die Öffnungszeit {from} liegt nicht vor der Schließzeit {to}",
        en: "opening time {from} is not before closing time {to}",
    }
    /// Hint of [`opens_after_closing`].
    opens_after_closing_hint() {
        de: "schreiben Sie die frühere Zeit zuerst, z. B. \"08:00-12:00\"",
        en: "write the earlier time first, e.g. \"08:00-12:00\"",
    }
    /// A logo path outside its folder.
    logo_outside(name: &str) {
        de: "`{name}` zeigt aus dem Ordner hinaus",
        en: "`{name}` points outside the folder",
    }
    /// Hint of a logo path problem.
    logo_name_hint() {
        de: "geben Sie den Dateinamen eines Bildes in diesem Ordner an, z. B. logo.svg",
        en: "give the file name of an image inside this folder, e.g. logo.svg",
    }
    /// Hint of [`logo_outside`].
    logo_outside_hint() {
        de: "geben Sie den Dateinamen eines Bildes in diesem Ordner an, z. B. logo.svg; absolute Pfade und `..` sind nicht erlaubt",
        en: "give the file name of an image inside this folder, e.g. logo.svg; absolute paths and `..` are not allowed",
    }
    /// A logo that is a link out of its folder.
    logo_link_outside(name: &str) {
        de: "`{name}` ist eine Verknüpfung auf eine Datei außerhalb des Ordners",
        en: "`{name}` is a link to a file outside the folder",
    }
    /// Hint of [`logo_link_outside`].
    logo_link_outside_hint() {
        de: "kopieren Sie das Bild in den Ordner, statt darauf zu verweisen",
        en: "copy the image into the folder instead of linking to it",
    }
    /// A logo that does not exist.
    file_missing(name: &str) {
        de: "die Datei `{name}` gibt es nicht",
        en: "the file `{name}` does not exist",
    }
    /// Hint of every logo size or format problem.
    logo_size_hint(side: u32, megabytes: u64) {
        de: "speichern Sie das Logo als SVG oder als PNG, JPEG oder WebP mit höchstens {side} × {side} Pixeln und {megabytes} MB",
        en: "save the logo as SVG, or as PNG, JPEG or WebP of at most {side} × {side} pixels and {megabytes} MB",
    }
    /// A logo that cannot be read.
    logo_unreadable(name: &str, error: &dyn std::fmt::Display) {
        de: "das Logo `{name}` kann nicht gelesen werden: {error}",
        en: "the logo `{name}` cannot be read: {error}",
    }
    /// Hint of [`logo_unreadable`].
    logo_unreadable_hint() {
        de: "prüfen Sie die Zugriffsrechte der Datei",
        en: "check the file's permissions",
    }
    /// A logo too large.
    logo_too_large(name: &str, megabytes: &str, limit: u64) {
        de: "das Logo `{name}` hat {megabytes} MB; erlaubt sind höchstens {limit} MB",
        en: "the logo `{name}` has {megabytes} MB; at most {limit} MB are allowed",
    }
    /// A logo of another format.
    logo_format(name: &str) {
        de: "`{name}` ist keine SVG-, PNG-, JPEG- oder WebP-Datei",
        en: "`{name}` is not an SVG, PNG, JPEG or WebP file",
    }
    /// A damaged raster logo.
    logo_damaged(name: &str, kind: &str, error: &dyn std::fmt::Display) {
        de: "das Logo `{name}` ist kein lesbares {kind}-Bild: {error}",
        en: "the logo `{name}` is not a readable {kind} image: {error}",
    }
    /// Hint of [`logo_damaged`].
    logo_damaged_hint() {
        de: "öffnen Sie es in einem Bildprogramm und speichern Sie es erneut (die Dateiendung muss zum Format passen)",
        en: "open it in an image program and save it again (the file extension must match its type)",
    }
    /// A raster logo too large.
    logo_too_many_pixels(name: &str, width: u32, height: u32, side: u32) {
        de: "das Logo `{name}` hat {width} × {height} Pixel; erlaubt sind höchstens {side} × {side}",
        en: "the logo `{name}` has {width} × {height} pixels; at most {side} × {side} are allowed",
    }
    /// A raster logo without pixels.
    logo_no_pixels(name: &str) {
        de: "das Logo `{name}` hat keine Pixel",
        en: "the logo `{name}` has no pixels",
    }
    /// Hint of every SVG problem.
    svg_hint() {
        de: "speichern Sie das Logo erneut als einfaches SVG (z. B. „Normales SVG“ oder „Optimiertes SVG“ in Inkscape) oder als PNG",
        en: "save the logo again as plain SVG (e.g. \"Plain SVG\" or \"Optimized SVG\" in Inkscape), or as PNG",
    }
    /// An SVG problem: the logo and what is wrong with it.
    svg_problem(name: &str, what: &str) {
        de: "das Logo `{name}` {what}",
        en: "the logo `{name}` {what}",
    }
    /// SVG: not UTF-8.
    svg_not_utf8() { de: "ist kein UTF-8-Text", en: "is not UTF-8 text" }
    /// SVG: not XML.
    svg_invalid(error: &dyn std::fmt::Display) {
        de: "ist keine gültige SVG-Datei: {error}",
        en: "is not a valid SVG file: {error}",
    }
    /// SVG: another root element.
    svg_not_svg(element: &str) {
        de: "ist kein SVG-Bild: es beginnt mit <{element}>",
        en: "is not an SVG image: it starts with <{element}>",
    }
    /// SVG: a forbidden element.
    svg_forbidden_element(element: &str, at: &str) {
        de: "enthält ein <{element}>-Element {at}, das beim Öffnen des Logos Code ausführen könnte",
        en: "contains a <{element}> element {at}, which could run code when the logo is opened",
    }
    /// SVG: an event handler.
    svg_event_handler(attribute: &str, at: &str) {
        de: "hat einen Event-Handler `{attribute}` {at}, der beim Öffnen des Logos Code ausführen könnte",
        en: "has an event handler `{attribute}` {at}, which could run code when the logo is opened",
    }
    /// SVG: a reference outside.
    svg_reference(target: &str, at: &str) {
        de: "verweist auf `{target}` {at}; ein Logo darf nur auf Teile von sich selbst verweisen",
        en: "refers to `{target}` {at}; a logo may only refer to parts of itself",
    }
    /// SVG: a reference outside, in its styles.
    svg_style_reference(target: &str, at: &str) {
        de: "verweist in seinen Stilen auf `{target}` {at}; ein Logo darf nur auf Teile von sich selbst verweisen",
        en: "refers to `{target}` in its styles {at}; a logo may only refer to parts of itself",
    }
    /// SVG: where in the file.
    svg_position(row: u32, col: u32) {
        de: "(Zeile {row}, Spalte {col})",
        en: "(line {row}, column {col})",
    }
    /// SVG: usvg refuses it.
    svg_cannot_draw(error: &dyn std::fmt::Display) {
        de: "kann nicht gezeichnet werden: {error}",
        en: "cannot be drawn: {error}",
    }

    // ── An actor folder (src/validate/actor.rs, mod.rs) ─────────────────────────────────────

    /// A required text left empty.
    field_is_empty() { de: "dieses Feld ist leer", en: "this field is empty" }
    /// Hint of a folder name not usable in URLs.
    rename_folder_hint(detail: &str) {
        de: "benennen Sie den Ordner um; {detail}",
        en: "rename the folder; {detail}",
    }
    /// A long summary.
    long_summary(count: usize) {
        de: "die Kurzbeschreibung (`summary`) hat {count} Zeichen",
        en: "the summary has {count} characters",
    }
    /// Hint of [`long_summary`].
    long_summary_hint(limit: usize) {
        de: "beschränken Sie sie auf einen Satz mit höchstens {limit} Zeichen; Einzelheiten gehören in die Beschreibung",
        en: "keep it to one sentence of at most {limit} characters; details belong in the description",
    }
    /// No contact person.
    no_contact() {
        de: "es ist keine Ansprechperson genannt",
        en: "no contact person is named",
    }
    /// Hint of [`no_contact`].
    no_contact_hint() {
        de: "jeder Akteur im Netzwerk nennt eine Ansprechperson: ergänzen Sie `contacts:`",
        en: "every actor in the network names one person to contact: add `contacts:`",
    }
    /// A review overdue.
    review_overdue(date: Date, due: Date) {
        de: {
            format!(
                "zuletzt geprüft am {}: die Prüfung war am {} fällig",
                german_date(date),
                german_date(due)
            )
        },
        en: "last reviewed on {date}: the review was due on {due}",
    }
    /// Hint of [`review_overdue`].
    review_overdue_hint() {
        de: "bitten Sie den Akteur, den Steckbrief zu bestätigen oder zu aktualisieren, und setzen Sie dann last_reviewed auf das heutige Datum",
        en: "ask the actor to confirm or update the Steckbrief, then set last_reviewed to today",
    }
    /// The name of a topic.
    what_topic() { de: "Thema", en: "topic" }
    /// The name of a target group.
    what_target_group() { de: "Zielgruppe", en: "target group" }
    /// The name of a language.
    what_language() { de: "Sprache", en: "language" }
    /// An id twice in a list.
    id_twice(what: &str, id: &str) {
        de: "{what} `{id}` steht zweimal in der Liste",
        en: "the {what} `{id}` is listed twice",
    }
    /// Hint of [`id_twice`].
    list_once_hint() { de: "nennen Sie jeden Eintrag nur einmal", en: "list it once" }
    /// An id config.yaml does not define.
    unknown_id(what: &str, id: &str) {
        de: "{what} `{id}` gibt es in config.yaml nicht",
        en: "there is no {what} `{id}` in config.yaml",
    }
    /// Latitude out of range.
    latitude_range(value: f64) {
        de: "die geografische Breite {value} liegt nicht zwischen -90 und 90",
        en: "latitude {value} is outside -90…90",
    }
    /// Hint of [`latitude_range`].
    latitude_hint() { de: "Merzig liegt bei etwa 49,44", en: "Merzig lies at about 49.44" }
    /// Longitude out of range.
    longitude_range(value: f64) {
        de: "die geografische Länge {value} liegt nicht zwischen -180 und 180",
        en: "longitude {value} is outside -180…180",
    }
    /// Hint of [`longitude_range`].
    longitude_hint() { de: "Merzig liegt bei etwa 6,64", en: "Merzig lies at about 6.64" }
    /// Only one coordinate.
    both_coordinates() {
        de: "geben Sie Breite und Länge an oder keine von beiden",
        en: "give both latitude and longitude, or neither",
    }
    /// Hint of [`both_coordinates`].
    both_coordinates_hint() {
        de: "übernehmen Sie beide von openstreetmap.org",
        en: "copy both from openstreetmap.org",
    }
    /// A contact list of another length than profile.yaml's.
    contacts_count(entries: usize, persons: usize) {
        de: {
            format!(
                "diese Liste hat {entries} {}, profile.yaml nennt aber {persons} {}",
                plural(entries, "Eintrag", "Einträge"),
                plural(persons, "Ansprechperson", "Ansprechpersonen")
            )
        },
        en: {
            format!(
                "this list has {entries} {}, but profile.yaml names {persons} contact {}",
                plural(entries, "entry", "entries"),
                plural(persons, "person", "persons")
            )
        },
    }
    /// Hint of [`contacts_count`].
    contacts_count_hint() {
        de: "schreiben Sie ein `- role: …` je Ansprechperson, in derselben Reihenfolge wie in profile.yaml",
        en: "give one `- role: …` per contact person, in the same order as in profile.yaml",
    }
    /// A translated field without source text.
    translated_without_source(field: &str) {
        de: "`{field}` ist übersetzt, aber profile.yaml hat dafür keinen deutschen Text",
        en: "`{field}` is translated, but profile.yaml has no German text for it",
    }
    /// Hint of [`translated_without_source`].
    translated_without_source_hint() {
        de: "ergänzen Sie den deutschen Text in profile.yaml oder entfernen Sie diese Übersetzung: sie wird nicht angezeigt",
        en: "add the German text to profile.yaml, or remove this translation: it is not shown",
    }
    /// Fields without translation into one language.
    missing_translation(language: &str, fields: &str) {
        de: "fehlende Übersetzung ({language}): {fields}",
        en: "missing translation into `{language}`: {fields}",
    }
    /// Hint of [`missing_translation`] when the translation file exists.
    missing_translation_hint() {
        de: "bis zur Übersetzung sehen Leserinnen und Leser den deutschen Text mit einem Hinweis",
        en: "readers see the German text with a note until it is translated",
    }
    /// Hint of [`missing_translation`] when there is no translation file yet.
    missing_translation_file_hint(file: &str) {
        de: "es gibt noch keine Datei {file}; bis zur Übersetzung sehen Leserinnen und Leser den deutschen Text mit einem Hinweis",
        en: "there is no {file} yet; readers see the German text with a note until it is translated",
    }
    /// A folder name the site uses itself.
    slug_reserved(slug: &str) {
        de: "der Ordnername `{slug}` wird schon von einer Seite der Website verwendet",
        en: "the folder name `{slug}` is already used by a page of the site",
    }
    /// Hint of [`slug_reserved`].
    slug_reserved_hint() {
        de: "benennen Sie den Ordner um, z. B. indem Sie den Ortsnamen anhängen",
        en: "rename the folder, e.g. by adding the town's name",
    }
    /// Two folders of the same name.
    slug_taken(slug: &str, first: &str) {
        de: "der Ordnername `{slug}` wird schon von {first} verwendet",
        en: "the folder name `{slug}` is already used by {first}",
    }
    /// Hint of [`slug_taken`].
    slug_taken_hint() {
        de: "Ordnernamen werden zu Webadressen und müssen eindeutig sein: benennen Sie einen davon um",
        en: "folder names become web addresses and must be unique: rename one of them",
    }
    /// brochure.contact_point names no actor.
    no_such_actor(slug: &str) {
        de: "einen Akteur `{slug}` gibt es nicht",
        en: "there is no actor `{slug}`",
    }
    /// Hint of [`no_such_actor`].
    no_such_actor_hint() {
        de: "geben Sie den Ordnernamen eines Akteurs unter actors/ an",
        en: "give the folder name of an actor under actors/",
    }

    // ── config.yaml (src/validate/config.rs) ────────────────────────────────────────────────

    /// A language twice.
    language_twice(code: &str) {
        de: "die Sprache `{code}` steht zweimal in der Liste",
        en: "the language `{code}` is listed twice",
    }
    /// Hint of [`language_twice`].
    language_twice_hint() { de: "nennen Sie jede Sprache einmal", en: "list each language once" }
    /// No languages.
    no_languages() {
        de: "es sind keine Sprachen eingetragen",
        en: "no languages are configured",
    }
    /// Hint of [`no_languages`].
    no_languages_hint() {
        de: "nennen Sie mindestens die Ausgangssprache",
        en: "list at least the source language",
    }
    /// The source language not among the languages.
    source_not_in_languages(code: &str) {
        de: "die Ausgangssprache `{code}` steht nicht unter `languages`",
        en: "the source language `{code}` is not among `languages`",
    }
    /// Hint of [`source_not_in_languages`].
    source_not_in_languages_hint() {
        de: "ergänzen Sie sie unter `languages` oder korrigieren Sie den Code",
        en: "add it to `languages` or correct the code",
    }
    /// A code no language of the site has.
    not_configured_language(code: &str) {
        de: "`{code}` ist keine eingetragene Sprache",
        en: "`{code}` is not a configured language",
    }
    /// Hint of [`not_configured_language`].
    use_language_codes_hint() {
        de: "verwenden Sie die Codes, die unter `languages` stehen",
        en: "use the codes listed under `languages`",
    }
    /// Hint of [`not_configured_language`] outside config.yaml.
    use_language_codes_config_hint() {
        de: "verwenden Sie die Codes, die in config.yaml unter `languages` stehen",
        en: "use the codes listed under `languages` in config.yaml",
    }
    /// An empty town name.
    town_name_empty() { de: "der Ortsname ist leer", en: "the town's name is empty" }
    /// Hint of [`town_name_empty`].
    town_name_empty_hint() {
        de: "schreiben Sie den Namen oder entfernen Sie die Zeile, dann gilt `town`",
        en: "write the name, or remove the line to use `town`",
    }
    /// A review interval of zero.
    review_interval_zero() {
        de: "der Prüfabstand muss mindestens einen Monat betragen",
        en: "the review interval must be at least one month",
    }
    /// Hint of [`review_interval_zero`].
    review_interval_zero_hint() {
        de: "üblich ist 12 (einmal im Jahr)",
        en: "12 (once a year) is usual",
    }
    /// A brochure language that is no site language.
    brochure_language(code: &str) {
        de: "die Broschürensprache `{code}` steht nicht unter `languages`",
        en: "the brochure language `{code}` is not among `languages`",
    }
    /// Hint of [`brochure_language`].
    brochure_language_hint() {
        de: "eine Broschüre kann nur in einer Sprache der Website gedruckt werden",
        en: "a brochure can only be printed in a language of the site",
    }
    /// A bleed out of range.
    bleed_range(value: f64) {
        de: "ein Beschnitt von {value} mm liegt außerhalb des erlaubten Bereichs",
        en: "a bleed of {value} mm is out of range",
    }
    /// Hint of [`bleed_range`].
    bleed_range_hint() {
        de: "Druckereien verlangen meist 3 mm (zwischen 0 und 10)",
        en: "print shops ask for 3 mm (between 0 and 10)",
    }
    /// No text in the source language.
    no_source_text(source: &str) {
        de: "kein Text in der Ausgangssprache `{source}`",
        en: "no text in the source language `{source}`",
    }
    /// Hint of [`no_source_text`].
    no_source_text_hint(source: &str) {
        de: "ergänzen Sie `{source}: …`; die anderen Sprachen greifen darauf zurück",
        en: "add `{source}: …`; other languages fall back to it",
    }
    /// A label not translated into some languages.
    not_translated_into(languages: &str) {
        de: "nicht übersetzt in: {languages}",
        en: "not translated into {languages}",
    }
    /// Hint of [`not_translated_into`].
    add_translation_hint(languages: &str) {
        de: "ergänzen Sie eine Übersetzung für {languages}",
        en: "add a translation for {languages}",
    }
    /// An id twice.
    id_used_twice(id: &str) {
        de: "die ID `{id}` wird zweimal verwendet",
        en: "the id `{id}` is used twice",
    }
    /// Hint of [`id_used_twice`].
    id_used_twice_hint() {
        de: "geben Sie jedem Eintrag eine eigene ID",
        en: "give every entry its own id",
    }

    // ── Pages, numbers, UI strings (src/validate/pages.rs, src/i18n.rs) ─────────────────────

    /// A page file named after no language.
    page_language(language: &str) {
        de: "eine Sprache `{language}` gibt es in config.yaml nicht",
        en: "there is no language `{language}` in config.yaml",
    }
    /// Hint of [`page_language`].
    page_language_hint() {
        de: "benennen Sie Seitendateien nach einer eingetragenen Sprache, z. B. de.md, en.md",
        en: "name page files after a configured language, e.g. de.md, en.md",
    }
    /// A page without title.
    page_title() {
        de: "eine Seite beginnt mit ihrem Titel",
        en: "a page starts with its title",
    }
    /// Hint of [`page_title`].
    page_title_hint() {
        de: "schreiben Sie den Titel in die erste Zeile als `# Titel`",
        en: "write the title on the first line as `# Title`",
    }
    /// A page without its source-language version.
    page_without_source(id: &str, language: &str) {
        de: "die Seite `{id}` hat keine {language}.md",
        en: "the page `{id}` has no {language}.md",
    }
    /// Hint of [`page_without_source`].
    page_without_source_hint() {
        de: "jede Seite braucht eine Fassung in der Ausgangssprache; die anderen Sprachen greifen darauf zurück",
        en: "every page needs a version in the source language; other languages fall back to it",
    }
    /// A number without label in the source language.
    number_label(language: &str) {
        de: "keine Bezeichnung in `{language}`",
        en: "no label in `{language}`",
    }
    /// Hint of [`number_label`].
    number_label_hint() {
        de: "jede Nummer braucht eine Bezeichnung in der Ausgangssprache",
        en: "every number needs a label in the source language",
    }
    /// No UI strings for a language.
    no_ui_strings() {
        de: "für diese Sprache gibt es keine Oberflächentexte",
        en: "there are no UI strings for this language",
    }
    /// Hint of [`no_ui_strings`].
    no_ui_strings_hint(file: &str, source: &str) {
        de: "kopieren Sie {file} unter diesen Namen und übersetzen Sie es; bis dahin erscheinen die Texte in `{source}`",
        en: "copy {file} to this name and translate it; until then the {source} strings are shown",
    }
    /// UI strings missing.
    missing_ui_strings(keys: &str) {
        de: "fehlende Oberflächentexte: {keys}",
        en: "missing UI strings: {keys}",
    }
    /// Hint of [`missing_ui_strings`].
    missing_ui_strings_hint(file: &str, source: &str) {
        de: "übersetzen Sie diese Schlüssel aus {file}; bis dahin erscheint der Text in `{source}`",
        en: "translate these keys from {file}; until then the {source} text is shown",
    }
    /// UI strings nobody uses.
    unused_ui_strings(keys: &str) {
        de: "unbenutzte Oberflächentexte: {keys}",
        en: "unused UI strings: {keys}",
    }
    /// Hint of [`unused_ui_strings`].
    unused_ui_strings_hint() {
        de: "diese Schlüssel gibt es in der Ausgangssprache nicht; prüfen Sie die Schreibweise",
        en: "these keys do not exist in the source language; check their spelling",
    }
    /// A UI strings file of another shape.
    key_text_lines() {
        de: "erwartet werden Zeilen der Form `key: Text`",
        en: "expected `key: text` lines",
    }
    /// A UI string that is not text.
    ui_string_not_text(key: &str, value: &str) {
        de: "`{key}` muss Text sein, ist aber {value}",
        en: "`{key}` must be text, but this is {value}",
    }
    /// Hint of [`ui_string_not_text`].
    quote_text_hint() {
        de: "setzen Sie den Text in Anführungszeichen",
        en: "put the text in quotes",
    }

    // ── The text itself (src/validate/text.rs) ──────────────────────────────────────────────

    /// The label of a whole page in text messages.
    the_page() { de: "die Seite", en: "the page" }
    /// A word too long.
    word_too_long(label: &str, length: usize, limit: usize) {
        de: { format!("{label} enthält ein Wort aus {} Zeichen ohne Leerzeichen; erlaubt sind höchstens {limit}", number(length)) },
        en: { format!("{label} has a word of {} characters without a space; at most {limit} are allowed", number(length)) },
    }
    /// Hint of [`word_too_long`].
    word_too_long_hint() {
        de: "setzen Sie Leerzeichen zwischen die Wörter; verlinken Sie eine sehr lange Webadresse mit kurzem Text: [Anmeldung](https://…)",
        en: "put spaces between the words; link a very long web address with a short text: [Anmeldung](https://…)",
    }
    /// A value too long.
    value_too_long(label: &str, length: usize, limit: usize) {
        de: { format!("{label} hat {} Zeichen; erlaubt sind hier höchstens {}", number(length), number(limit)) },
        en: { format!("{label} has {} characters; at most {} are allowed here", number(length), number(limit)) },
    }
    /// Hint of [`value_too_long`].
    value_too_long_hint() {
        de: "kürzen Sie den Text; längerer Text gehört in die Beschreibung",
        en: "shorten it; longer text belongs in the description",
    }
    /// A heading too long.
    heading_too_long(label: &str, length: usize, limit: usize) {
        de: { format!("{label} hat eine Überschrift aus {} Zeichen; erlaubt sind höchstens {}", number(length), number(limit)) },
        en: { format!("{label} has a heading of {} characters; at most {} are allowed", number(length), number(limit)) },
    }
    /// Hint of [`heading_too_long`].
    heading_too_long_hint() {
        de: "kürzen Sie die Überschrift (die Zeile, die mit # beginnt) und schreiben Sie den Rest in einen Absatz",
        en: "shorten the heading (the line starting with #) and put the rest into a paragraph",
    }
    /// Markdown nested too deep.
    markdown_too_deep(label: &str, depth: usize, limit: usize) {
        de: "{label} verschachtelt Listen und Zitate {depth} Ebenen tief; erlaubt sind höchstens {limit}",
        en: "{label} nests lists and quotes {depth} levels deep; at most {limit} are allowed",
    }
    /// Hint of [`markdown_too_deep`].
    markdown_too_deep_hint() {
        de: "rücken Sie weniger ein: eine Liste in einer Liste in einem Zitat ist selten klarer als Zwischenüberschriften und kurze Listen",
        en: "indent less: a list inside a list inside a quote is rarely clearer than headings and short lists",
    }
    /// A non-character.
    non_character(label: &str, code: &str) {
        de: "{label} enthält {code}, das kein Zeichen ist",
        en: "{label} contains {code}, which is not a character",
    }
    /// Hint of [`non_character`].
    non_character_hint() {
        de: "löschen Sie es; solche Codepunkte stammen aus beschädigtem Text oder aus dem Kopieren aus einem anderen Programm",
        en: "delete it; such code points come from damaged text or copying out of another program",
    }
    /// A control character.
    control_character(label: &str, code: &str) {
        de: "{label} enthält das unsichtbare Steuerzeichen {code}",
        en: "{label} contains the invisible control character {code}",
    }
    /// Hint of [`control_character`].
    control_character_hint() {
        de: "löschen Sie es; schreiben Sie Zeilenumbrüche als neue Zeilen",
        en: "delete it; write line breaks as new lines",
    }
    /// A character without glyph.
    no_glyph(label: &str, character: char, code: &str) {
        de: "{label} enthält `{character}` ({code}), das die Schriften der Broschüre nicht drucken können",
        en: "{label} contains `{character}` ({code}), which the brochure's fonts cannot print",
    }
    /// Hint of [`no_glyph`].
    no_glyph_hint() {
        de: "schreiben Sie es in Worten oder verwenden Sie ein anderes Zeichen: die Schriften drucken lateinische, griechische, kyrillische, arabische und äthiopische Schrift, gängige Symbole und Emoji",
        en: "write it in words or use another character: the fonts print Latin, Greek, Cyrillic, Arabic and Ethiopic script, common symbols and emoji",
    }
    /// A direction control.
    direction_control(label: &str, code: &str) {
        de: "{label} enthält das unsichtbare Richtungszeichen {code}, das beim Veröffentlichen entfernt wird",
        en: "{label} contains the invisible direction control {code}, which is removed when publishing",
    }
    /// Hint of [`direction_control`].
    direction_control_hint() {
        de: "löschen Sie es: Website und Broschüre setzen die Schreibrichtung arabischer und persischer Texte selbst",
        en: "delete it: the site and the brochure set the direction of Arabic and Persian text themselves",
    }

    // ── Commands (src/cmd/) ─────────────────────────────────────────────────────────────────

    /// `build`: progress while checking.
    progress_checking() { de: "Inhalte werden geprüft …", en: "checking the content…" }
    /// `build`: progress while rendering.
    progress_rendering(brochures: usize) {
        de: { format!("Website und {brochures} {} werden erstellt …", plural(brochures, "Broschüre", "Broschüren")) },
        en: "rendering the site and {brochures} brochures…",
    }
    /// `build`: brochures done.
    progress_brochures(done: usize, of: usize) {
        de: "Broschüren: {done} von {of} fertig …",
        en: "brochures: {done} of {of} rendered…",
    }
    /// `build`: writing the site.
    progress_publishing(out: &str) { de: "{out} wird geschrieben …", en: "writing {out}…" }
    /// `build`: an interrupted build was undone.
    recovered(out: &str, previous: &str) {
        de: "Hinweis: ein früherer Build wurde unterbrochen; {out} wurde aus {previous} wiederhergestellt",
        en: "note: an earlier build was interrupted; {out} was put back from {previous}",
    }
    /// `build`: nothing written after errors.
    nothing_built(out: &str) {
        de: "es wurde nichts erstellt; {out} ist unverändert",
        en: "nothing was built; {out} is unchanged",
    }
    /// `build --verbose`: the time of each step.
    step_times(steps: &str) {
        de: "{steps} (Renderer nebeneinander, jede Datei sofort geschrieben)",
        en: "{steps} (renderers side by side, each file written as rendered)",
    }
    /// `build`: the closing line.
    built(pages: usize, brochures: usize, out: &str, seconds: &str) {
        de: {
            format!(
                "{pages} Seiten und {brochures} PDF-{} nach {out} geschrieben in {seconds} s",
                plural(brochures, "Broschüre", "Broschüren")
            )
        },
        en: "built {pages} pages and {brochures} PDF brochures into {out} in {seconds} s",
    }
    /// A warning printed by a command.
    warning_line(message: &str) { de: "Warnung: {message}", en: "warning: {message}" }
    /// `report`: the content must be valid first.
    report_needs_valid_content() {
        de: "beheben Sie zuerst die Fehler; der Bericht braucht gültige Inhalte",
        en: "fix the errors first; the report needs valid content",
    }
    /// `new`: the folder exists.
    new_exists(folder: &str, profile: &str) {
        de: "{folder} gibt es schon; bearbeiten Sie dessen {profile}",
        en: "{folder} exists already; edit its {profile} instead",
    }
    /// `new`: cannot write.
    cannot_write(path: &str, error: &dyn std::fmt::Display) {
        de: "{path} kann nicht geschrieben werden: {error}",
        en: "cannot write {path}: {error}",
    }
    /// A placeholder `[[…]]` of `steckbrief init` is still in the text.
    placeholder(label: &str, marker: &str) {
        de: "{label} enthält noch den Platzhalter {marker}",
        en: "{label} still has the placeholder {marker}",
    }
    /// Hint of [`placeholder`].
    placeholder_hint() {
        de: "ersetzen Sie ihn samt den Klammern durch Ihren eigenen Text (`steckbrief init` hat ihn angelegt)",
        en: "replace it, brackets included, with your own text (`steckbrief init` put it there)",
    }
    /// A `# yaml-language-server: $schema=…` line that points to the wrong place (a warning).
    wrong_schema_line(target: &str) {
        de: "die `$schema`-Zeile verweist auf `{target}`, dort liegt das Schema dieser Datei nicht: der Editor kann sie nicht prüfen",
        en: "the `$schema` line points to `{target}`, where this file's schema is not: editors cannot check the file",
    }
    /// Hint of [`wrong_schema_line`].
    wrong_schema_line_hint(right: &str) {
        de: "ersetzen Sie die Zeile durch: {right}",
        en: "replace the line with: {right}",
    }
    /// `schema` without a valid config.yaml.
    schema_without_config(root: &str) {
        de: "Hinweis: keine gültige config.yaml in {root}: die Schemas listen keine Themen, Zielgruppen und Sprachen",
        en: "note: no valid config.yaml in {root}: the schemas do not list topics, target groups and languages",
    }
    /// `new` outside a content folder.
    new_without_content(root: &str) {
        de: "keine config.yaml in {root} oder einem Ordner darüber: `new` legt einen Steckbrief in einem Inhaltsordner an\n  = Tipp: wechseln Sie in den Ordner mit config.yaml oder geben Sie --root ORDNER an; eine neue Stadt beginnt mit `steckbrief init ORDNER`",
        en: "no config.yaml in {root} or any folder above it: `new` adds an actor to a content folder\n  = hint: change into the folder with config.yaml or pass --root DIR; a new town starts with `steckbrief init DIR`",
    }
    /// `init`: done.
    init_done(dir: &str, town: Option<&str>, files: usize) {
        de: {
            let purpose = town.map_or_else(|| "eine Stadt, deren Name noch fehlt (--town NAME)".to_owned(), str::to_owned);
            format!("{dir} für {purpose} angelegt ({files} Dateien).\nFüllen Sie die Platzhalter [[…]] aus, die `steckbrief check --root {dir}` auflistet; dann zeigt `steckbrief serve --root {dir}` die Website.")
        },
        en: {
            let purpose = town.map_or_else(|| "a town still to be named (--town NAME)".to_owned(), str::to_owned);
            format!("created {dir} for {purpose} ({files} files).\nFill in the placeholders [[…]] that `steckbrief check --root {dir}` lists; then `steckbrief serve --root {dir}` shows the site.")
        },
    }
    /// `init --town` without a name.
    init_town_empty() {
        de: "--town braucht einen Namen, z. B. --town Saarlouis",
        en: "--town needs a name, e.g. --town Saarlouis",
    }
    /// `init --town` with a name too long or on several lines.
    init_town_too_long(max: usize) {
        de: "--town ist ein Name in einer Zeile mit höchstens {max} Zeichen",
        en: "--town is a name on one line of at most {max} characters",
    }
    /// `init` into a folder that has files.
    init_not_empty(dir: &str) {
        de: "{dir} ist nicht leer; init legt einen neuen Inhaltsordner an: geben Sie einen neuen oder leeren Ordner an",
        en: "{dir} is not empty; init creates a new content folder: name a new or empty folder",
    }
    /// `init` onto a file.
    init_is_a_file(dir: &str) {
        de: "{dir} ist eine Datei, kein Ordner",
        en: "{dir} is a file, not a folder",
    }
    /// A folder cannot be read.
    cannot_read_path(path: &str, error: &dyn std::fmt::Display) {
        de: "{path} kann nicht gelesen werden: {error}",
        en: "cannot read {path}: {error}",
    }
    /// Output I/O: a path cannot be found (followed by the system's reason).
    io_cannot_find(path: &str) { de: "{path} ist nicht zu finden", en: "cannot find {path}" }
    /// Output I/O: a folder cannot be created.
    io_cannot_create(path: &str) { de: "{path} kann nicht angelegt werden", en: "cannot create {path}" }
    /// Output I/O: a file cannot be written.
    io_cannot_write(path: &str) { de: "{path} kann nicht geschrieben werden", en: "cannot write {path}" }
    /// Output I/O: nothing can be written into a folder.
    io_cannot_write_into(path: &str) {
        de: "in {path} kann nicht geschrieben werden",
        en: "cannot write into {path}",
    }
    /// Output I/O: the lock file cannot be opened.
    io_cannot_open_lock(path: &str) {
        de: "die Sperrdatei {path} kann nicht geöffnet werden",
        en: "cannot open the lock file {path}",
    }
    /// Output I/O: the lock cannot be taken.
    io_cannot_lock(path: &str) { de: "{path} kann nicht gesperrt werden", en: "cannot lock {path}" }
    /// Output I/O: a file or folder cannot be read.
    io_cannot_read(path: &str) { de: "{path} kann nicht gelesen werden", en: "cannot read {path}" }
    /// Output I/O: the site folder cannot be replaced.
    io_cannot_replace(path: &str) {
        de: "{path} kann nicht ersetzt werden (Schreiben darin ist fehlgeschlagen)",
        en: "{path} cannot be replaced (writing into it failed)",
    }
    /// Output I/O: the previous site could not be removed after the swap.
    io_previous_site_stays(path: &str) {
        de: "die vorige Website bleibt in {path} (bitte selbst löschen)",
        en: "the previous site stays in {path} (remove it yourself)",
    }
    /// Output I/O: the previous site cannot be moved aside.
    io_cannot_move_aside(shown: &str) {
        de: "die vorige Website kann nicht beiseitegelegt werden ({shown} ist unverändert)",
        en: "cannot move the previous site aside ({shown} is unchanged)",
    }
    /// Output I/O: the new site cannot be moved into place; the previous one is back.
    io_cannot_move_in(shown: &str) {
        de: "die neue Website kann nicht an ihren Platz gebracht werden ({shown} ist unverändert)",
        en: "cannot move the new site into place ({shown} is unchanged)",
    }
    /// Output I/O: the new site cannot be moved into place, and the previous one is aside.
    io_cannot_move_in_aside(aside: &str) {
        de: "die neue Website kann nicht an ihren Platz gebracht werden; die vorige liegt in {aside}, der nächste Build legt sie zurück",
        en: "cannot move the new site into place; the previous site is in {aside} and the next build puts it back",
    }
    /// A folder cannot be created.
    cannot_create(path: &str, error: &dyn std::fmt::Display) {
        de: "{path} kann nicht angelegt werden: {error}",
        en: "cannot create {path}: {error}",
    }
    /// A file was written (`export`, `schema`).
    wrote(path: &str) {
        de: "{path} geschrieben",
        en: "wrote {path}",
    }
    /// `new`: done.
    new_written(path: &str) {
        de: "{path} angelegt\nFüllen Sie die mit PFLICHT markierten Felder aus und führen Sie dann `steckbrief check` aus.",
        en: "wrote {path}\nFill in the fields marked PFLICHT, then run `steckbrief check`.",
    }
    /// `new`: a bad folder name, with the hint.
    new_bad_slug(message: &str, hint: &str) {
        de: "{message}\n  = Tipp: {hint}",
        en: "{message}\n  = hint: {hint}",
    }
    /// `serve`: the last good build stays.
    last_good_build_served() {
        de: "der letzte fehlerfreie Stand wird weiter angezeigt",
        en: "the last good build stays served",
    }

    // ── The status report (src/report.rs, `report` and /report/) ────────────────────────────

    /// The report's title.
    report_title() { de: "Statusbericht", en: "Status report" }
    /// The report's first line.
    report_as_of(date: Date, actors: usize) {
        de: {
            format!(
                "Stand: {}, {actors} {}.",
                german_date(date),
                plural(actors, "Steckbrief", "Steckbriefe")
            )
        },
        en: "As of {date}, {actors} actors.",
    }
    /// Heading: translations.
    report_translations() { de: "Übersetzungen", en: "Translations" }
    /// The head of the translations table.
    report_translations_head() {
        de: "| Sprache | übersetzte Felder | Anteil |",
        en: "| language | translated fields | share |",
    }
    /// A row of it: "12 of 30".
    report_fields_of(done: usize, total: usize) {
        de: "{done} von {total}",
        en: "{done} of {total}",
    }
    /// Heading: what is missing in a language.
    report_missing_in(language: &str) {
        de: "Fehlt in `{language}`",
        en: "Missing in `{language}`",
    }
    /// Heading: reviews.
    report_reviews(days: i64) {
        de: "Prüfungen überfällig oder in den nächsten {days} Tagen fällig",
        en: "Reviews overdue or due within {days} days",
    }
    /// Nothing in a section.
    report_none() { de: "Keine.", en: "None." }
    /// A review overdue.
    report_overdue(name: &str, slug: &str, last: Date, due: Date) {
        de: {
            format!(
                "{name} (`{slug}`): zuletzt geprüft am {}, überfällig seit {}",
                german_date(last),
                german_date(due)
            )
        },
        en: "{name} (`{slug}`): last reviewed {last}, overdue since {due}",
    }
    /// A review due soon.
    report_due(name: &str, slug: &str, last: Date, due: Date) {
        de: {
            format!(
                "{name} (`{slug}`): zuletzt geprüft am {}, fällig am {}",
                german_date(last),
                german_date(due)
            )
        },
        en: "{name} (`{slug}`): last reviewed {last}, due on {due}",
    }
    /// Whom to ask about a review.
    report_ask(email: &str) { de: " – nachfragen bei {email}", en: " — ask {email}" }
    /// Heading: actors without contact person.
    report_without_contact() {
        de: "Steckbriefe ohne Ansprechperson",
        en: "Actors without a contact person",
    }
    /// `brochure`: nothing written after errors.
    nothing_written() {
        de: "es wurde nichts geschrieben",
        en: "nothing was written",
    }
    /// `serve`: where the preview runs.
    serving(root: &str, url: &str) {
        de: "Vorschau von {root} unter {url} (beenden mit Strg+C)",
        en: "serving {root} at {url} (Ctrl+C to stop)",
    }
    /// `serve`: one rebuild done.
    rebuilt(milliseconds: u128, steps: &dyn std::fmt::Display, publish: u128) {
        de: "neu erstellt in {milliseconds} ms ({steps}, veröffentlichen {publish} ms)",
        en: "rebuilt in {milliseconds} ms ({steps}, publish {publish} ms)",
    }
    /// `serve`: where the time of one rebuild went.
    rebuild_steps(
        check: u128,
        compared: usize,
        walked: bool,
        parsed: usize,
        actors: usize,
        render: u128,
        pages: Option<usize>,
    ) {
        de: {
            format!(
                "prüfen {check} ms: {compared} {} verglichen{}, {parsed} gelesen, {actors} {} geprüft; erstellen {render} ms: {}",
                plural(compared, "Datei", "Dateien"),
                if walked { " nach Durchsuchen der Ordner" } else { "" },
                plural(actors, "Steckbrief", "Steckbriefe"),
                match pages {
                    Some(pages) => format!("{pages} {} neu", plural(pages, "Seite", "Seiten")),
                    None => "die ganze Website".to_owned(),
                }
            )
        },
        en: {
            format!(
                "check {check} ms: {compared} {} compared{}, {parsed} parsed, {actors} {} checked; render {render} ms: {}",
                plural(compared, "file", "files"),
                if walked { " after a walk" } else { "" },
                plural(actors, "actor", "actors"),
                match pages {
                    Some(pages) => format!("{pages} {} again", plural(pages, "page", "pages")),
                    None => "the whole site".to_owned(),
                }
            )
        },
    }
    /// `serve`: a file rendered when first requested (a brochure, the sitemap, the open data).
    rendered_on_request(path: &str, milliseconds: u128) {
        de: "{path} in {milliseconds} ms erstellt",
        en: "rendered {path} in {milliseconds} ms",
    }
    /// `serve`: a change found by comparing files.
    unreported_change() {
        de: "eine Änderung gefunden, die die Dateiüberwachung nicht gemeldet hatte",
        en: "a change the file watcher did not report was found",
    }
    /// `serve --open` without a browser.
    no_browser(url: &str) {
        de: "es konnte kein Browser gestartet werden; öffnen Sie {url} selbst",
        en: "could not start a browser; open {url} yourself",
    }
    /// `serve`: the file watcher cannot start.
    cannot_watch_files(error: &dyn std::fmt::Display) {
        de: "die Dateiüberwachung kann nicht gestartet werden: {error}",
        en: "cannot watch files: {error}",
    }
    /// `serve`: a folder cannot be watched.
    cannot_watch(what: &str, error: &dyn std::fmt::Display) {
        de: "{what} kann nicht überwacht werden: {error}",
        en: "cannot watch {what}: {error}",
    }
    /// `serve`: the port is taken.
    cannot_listen(address: &str, error: &dyn std::fmt::Display) {
        de: "der Server kann auf {address} nicht starten: {error}",
        en: "cannot listen on {address}: {error}",
    }
    /// `serve`: the server cannot start.
    cannot_start_server(error: &dyn std::fmt::Display) {
        de: "der Server kann nicht gestartet werden: {error}",
        en: "cannot start the server: {error}",
    }

    // ── Where builds go (src/output.rs) ─────────────────────────────────────────────────────

    /// `--out` overlaps the content.
    out_in_content(out: &str, overlap: &str) {
        de: "--out {out} {overlap}; ein Build ersetzt seinen Ausgabeordner als Ganzes, deshalb muss er außerhalb der Inhalte liegen (z. B. --out public)",
        en: "--out {out} {overlap}; a build replaces its out folder as a whole, so it must lie outside the content (e.g. --out public)",
    }
    /// How `--out` overlaps: it is the root.
    out_is_root(root: &str) { de: "ist der Inhaltsordner {root}", en: "is the content root {root}" }
    /// How `--out` overlaps: it contains the root.
    out_contains_root(root: &str) {
        de: "enthält den Inhaltsordner {root}",
        en: "contains the content root {root}",
    }
    /// How `--out` overlaps: it lies in a content folder.
    out_in_content_folder(folder: &str) {
        de: "liegt im Inhaltsordner {folder}",
        en: "lies inside the content folder {folder}",
    }
    /// `--out` is a file.
    out_not_a_folder(out: &str) {
        de: "--out {out} gibt es schon und ist kein Ordner; ein Build schreibt dort einen Ordner",
        en: "--out {out} exists and is not a folder; a build writes a folder there",
    }
    /// `--out` is someone else's folder.
    out_not_ours(out: &str, marker: &str) {
        de: "--out {out} ist ein Ordner, den steckbrief nicht geschrieben hat (er ist nicht leer und hat keine Datei {marker}); ein Build ersetzt seinen Ausgabeordner als Ganzes, wählen Sie deshalb einen neuen oder leeren Ordner oder löschen Sie diesen selbst",
        en: "--out {out} is a folder that steckbrief did not write (it is not empty and has no {marker} file); a build replaces its out folder as a whole, so choose a new or empty folder, or remove this one yourself",
    }
    /// Who holds the lock of an out folder: a process id.
    busy_process(pid: u32) { de: "Prozess {pid}", en: "process {pid}" }
    /// Who holds the lock of an out folder: a process that has not written its id yet.
    busy_starting() {
        de: "ein Prozess, der gerade startet",
        en: "a process that is just starting",
    }
    /// Another build writes the same folder.
    out_busy(out: &str, holder: &str) {
        de: "{out} wird gerade von einem anderen steckbrief-Build geschrieben ({holder}); warten Sie, bis er fertig ist, oder wählen Sie ein anderes --out",
        en: "{out} is being written by another steckbrief build ({holder}); wait for it to finish, or choose another --out",
    }

    // ── `brochure` (src/cmd/brochure.rs) ────────────────────────────────────────────────────

    /// One PDF written.
    brochure_written(path: &str, pages: usize) {
        de: "{path} geschrieben ({pages} Seiten)",
        en: "wrote {path} ({pages} pages)",
    }
    /// The print variant written.
    brochure_print_written(path: &str) {
        de: "{path} geschrieben (Druckfassung)",
        en: "wrote {path} (print variant)",
    }
    /// A brochure (or, with `brochure.volumes: topic`, the volume of topic `volume`) with more
    /// actors than `brochure.max_actors`: refused before typst starts, and a warning of `check`.
    brochure_too_large(actors: usize, limit: usize, volume: Option<&str>) {
        de: {
            let what = volume.map_or_else(
                || "die Broschüre".to_owned(),
                |id| format!("das Heft zum Thema „{id}“"),
            );
            format!(
                "{what} hätte {} Steckbriefe, mehr als brochure.max_actors ({}) erlaubt: \
                 ihr Satz bräuchte mehr Arbeitsspeicher als vorgesehen (etwa 0,8 MB je Seite, 2,8 Seiten je Steckbrief)",
                number(actors),
                number(limit)
            )
        },
        en: {
            let what = volume.map_or_else(
                || "the brochure".to_owned(),
                |id| format!("the volume of the topic “{id}”"),
            );
            format!(
                "{what} would hold {} profiles, more than brochure.max_actors ({}) allows: \
                 laying it out would take more memory than planned (about 0.8 MB a page, 2.8 pages a profile)",
                number(actors),
                number(limit)
            )
        },
    }
    /// The ways out of [`brochure_too_large`]; `volumes`: the brochure is divided by topic
    /// already.
    brochure_too_large_hint(volumes: bool) {
        de: {
            if volumes {
                "teilen Sie das Thema in config.yaml in kleinere Themen auf, bauen Sie die Website ohne Broschüren \
                 (steckbrief build --no-brochures) oder erhöhen Sie brochure.max_actors auf einem Rechner mit genug Arbeitsspeicher"
            } else {
                "teilen Sie die Broschüre mit brochure.volumes: topic in config.yaml in ein Heft je Thema auf \
                 (jedes Heft wird für sich gesetzt und braucht nur so viel Arbeitsspeicher wie sein Thema), \
                 bauen Sie die Website ohne Broschüren (steckbrief build --no-brochures, \
                 oder brochure.languages: [] in config.yaml) oder erhöhen Sie brochure.max_actors auf einem Rechner mit genug Arbeitsspeicher"
            }
            .to_owned()
        },
        en: {
            if volumes {
                "divide the topic into smaller topics in config.yaml, build the website without brochures \
                 (steckbrief build --no-brochures) or raise brochure.max_actors on a machine with enough memory"
            } else {
                "divide the brochure into one volume per topic with brochure.volumes: topic in config.yaml \
                 (each volume is laid out on its own and needs only as much memory as its topic), \
                 build the website without brochures (steckbrief build --no-brochures, \
                 or brochure.languages: [] in config.yaml) or raise brochure.max_actors on a machine with enough memory"
            }
            .to_owned()
        },
    }
    /// PDFs taken unchanged from the brochure cache (`build --verbose`, `brochure`).
    brochures_from_cache(count: usize, of: usize, dir: &str) {
        de: {
            format!(
                "{count} von {of} PDF-{} unverändert aus {dir} übernommen (neu erzeugen: --no-cache)",
                plural(of, "Datei", "Dateien")
            )
        },
        en: "{count} of {of} PDF files taken unchanged from {dir} (to lay them out anew: --no-cache)",
    }
    /// All done.
    brochures_done(count: usize, seconds: &str) {
        de: { format!("{count} {} in {seconds} s", plural(count, "Broschüre", "Broschüren")) },
        en: { format!("{count} {} in {seconds} s", plural(count, "brochure", "brochures")) },
    }

    // ── The command line: --help, usage errors (src/cmd/help.rs) ────────────────────────────

    /// The heading before the usage line.
    cli_usage_heading() { de: "Aufruf", en: "Usage" }
    /// The heading of the list of commands.
    cli_commands_heading() { de: "Befehle", en: "Commands" }
    /// The heading of the positional arguments.
    cli_arguments_heading() { de: "Argumente", en: "Arguments" }
    /// The heading of the options.
    cli_options_heading() { de: "Optionen", en: "Options" }
    /// The placeholder for options in a usage line, `[OPTIONS]`.
    cli_options_placeholder() { de: "OPTIONEN", en: "OPTIONS" }
    /// The placeholder for a command in a usage line, `<COMMAND>`.
    cli_command_placeholder() { de: "BEFEHL", en: "COMMAND" }
    /// The placeholder for a folder, `--root <DIR>`.
    cli_folder_placeholder() { de: "ORDNER", en: "DIR" }
    /// The placeholder for a language code, `--lang <LANG>`.
    cli_language_placeholder() { de: "SPRACHE", en: "LANG" }
    /// The placeholder for an actor's folder name, `new <SLUG>`.
    cli_slug_placeholder() { de: "ORDNERNAME", en: "SLUG" }
    /// Before the list of an option's values in `--help`.
    cli_possible_values() { de: "Mögliche Werte", en: "Possible values" }
    /// An option's default value, `[default: public]`.
    cli_default(values: &str) { de: "[Standard: {values}]", en: "[default: {values}]" }
    /// `-h` where `--help` says more.
    cli_help_short() {
        de: "Hilfe anzeigen (ausführlicher mit „--help“)",
        en: "Print help (see more with '--help')",
    }
    /// `--help` where `-h` says less.
    cli_help_long() {
        de: "Hilfe anzeigen (Kurzfassung mit „-h“)",
        en: "Print help (see a summary with '-h')",
    }
    /// `-h, --help` where there is only one help.
    cli_help() { de: "Hilfe anzeigen", en: "Print help" }
    /// `-V, --version`.
    cli_version() { de: "Version anzeigen", en: "Print version" }
    /// The `help` command.
    cli_help_command() {
        de: "Diese Hilfe oder die Hilfe der angegebenen Befehle anzeigen",
        en: "Print this message or the help of the given subcommand(s)",
    }
    /// The argument of the `help` command.
    cli_help_command_argument() {
        de: "Die Befehle, deren Hilfe angezeigt wird",
        en: "Print help for the subcommand(s)",
    }

    /// What steckbrief is, atop `--help`.
    cli_about() {
        de: "Steckbrief macht aus YAML-Steckbriefen der Akteure vor Ort eine mehrsprachige Website und eine PDF-Broschüre.",
        en: "Steckbrief turns YAML profiles of local actors into a multilingual website and a PDF brochure.",
    }
    /// `brochure`.
    cli_about_brochure() {
        de: "Die PDF-Broschüre jeder Broschürensprache (oder der mit --lang gewählten) in den Website-Ordner schreiben.",
        en: "Write the PDF brochure of every brochure language (or of --lang) into the site folder.",
    }
    /// `build`.
    cli_about_build() {
        de: "Den Inhalt prüfen, dann die Website nach public/ bauen.",
        en: "Check the content, then build the website into public/.",
    }
    /// `check`.
    cli_about_check() {
        de: "config.yaml und jeden Steckbrief prüfen; alle Probleme mit Datei, Zeile und Spalte auflisten.",
        en: "Check config.yaml and every profile; list all problems with file, line and column.",
    }
    /// `export`.
    cli_about_export() {
        de: "Den Inhalt prüfen, dann in einem offenen Standard exportieren (hsds: Open Referral HSDS 3.0).",
        en: "Check the content, then export it in an open standard (hsds: Open Referral HSDS 3.0).",
    }
    /// `export hsds`.
    cli_about_export_hsds() {
        de: "Open Referral HSDS 3.0: eine JSON-Datei je Endpunkt der HSDS-API (dieselben Dateien wie data/hsds/ in jedem Build).",
        en: "Open Referral HSDS 3.0: one JSON file per endpoint of the HSDS API (the same files as data/hsds/ in every build).",
    }
    /// `report`.
    cli_about_report() {
        de: "Fehlende Übersetzungen, fällige Überprüfungen und Akteure ohne Ansprechperson melden.",
        en: "Report missing translations, reviews due and actors without a contact person.",
    }
    /// `serve`.
    cli_about_serve() {
        de: "Die Website auf 127.0.0.1 zeigen, beim Speichern neu bauen und den Browser neu laden.",
        en: "Serve the site on 127.0.0.1, rebuild on save and reload the browser.",
    }
    /// `schema`.
    cli_about_schema() {
        de: "JSON-Schemas für Konfiguration, Steckbriefe, Übersetzungen, wichtige Nummern und Oberflächentexte schreiben (für Editoren).",
        en: "Write JSON Schemas for config, profile, translation, numbers and UI-string files (for editors).",
    }
    /// `new`.
    cli_about_new() {
        de: "Einen neuen Akteursordner mit einer kommentierten profile.yaml zum Ausfüllen anlegen.",
        en: "Create a new actor folder with a commented profile.yaml to fill in.",
    }
    /// `init`.
    cli_about_init() {
        de: "Den Inhaltsordner einer neuen Stadt anlegen: Konfiguration, ein Beispiel-Steckbrief, Seiten mit Platzhaltern zum Ausfüllen, Schemas und Editor-Einstellungen.",
        en: "Create the content folder of a new town: config, an example actor, pages with placeholders to fill in, schemas and editor settings.",
    }
    /// `completions`.
    cli_about_completions() {
        de: "Das Vervollständigungsskript für eine Shell ausgeben (bash, zsh, fish, powershell, elvish).",
        en: "Print the completion script for a shell (bash, zsh, fish, powershell, elvish).",
    }
    /// `man`.
    cli_about_man() {
        de: "Die Handbuchseite ausgeben (oder mit --out ORDNER eine Seite je Befehl schreiben).",
        en: "Print the manual page (or write one per command with --out DIR).",
    }

    /// `--root`.
    cli_arg_root() {
        de: "Der Inhaltsordner (mit config.yaml und actors/).",
        en: "The content folder (with config.yaml and actors/).",
    }
    /// `--lang` of the commands editors run.
    cli_arg_lang() {
        de: "Sprache der Meldungen (sonst die des Systems, wenn Deutsch oder Englisch, sonst die Ausgangssprache des Inhalts, sonst Deutsch).",
        en: "Language of the messages (default: the locale if German or English, else the content's source language, else German).",
    }
    /// `brochure --lang`.
    cli_arg_brochure_lang() {
        de: "Nur diese Sprache (ein Code aus config.yaml); sonst jede Broschürensprache.",
        en: "Only this language (a code from config.yaml); default: every brochure language.",
    }
    /// `brochure --out`.
    cli_arg_brochure_out() {
        de: "Der Website-Ordner; jedes PDF kommt dort in den Ordner seiner Sprache.",
        en: "The site folder; each PDF goes into its language's folder there.",
    }
    /// `build --out`.
    cli_arg_build_out() {
        de: "Der Ordner, in den die Website geschrieben wird.",
        en: "Where to write the site.",
    }
    /// `build --no-brochures`.
    cli_arg_no_brochures() {
        de: "Nur die Website bauen, ohne die PDF-Broschüren.",
        en: "Build only the website, without the PDF brochures.",
    }
    /// `build --no-cache`, `brochure --no-cache`.
    cli_arg_no_cache() {
        de: "Jede Broschüre neu setzen, statt unveränderte aus dem Zwischenspeicher \
             (.steckbrief-cache/ im Inhaltsordner) zu nehmen.",
        en: "Lay out every brochure anew instead of taking unchanged ones from the brochure cache \
             (.steckbrief-cache/ in the content folder).",
    }
    /// `build --quiet`.
    cli_arg_build_quiet() {
        de: "Nur Fehler ausgeben.",
        en: "Print nothing but errors.",
    }
    /// `build --verbose`.
    cli_arg_build_verbose() {
        de: "Auch jede fehlende Übersetzung auflisten (sonst je Sprache gezählt) und die Dauer jedes Schritts.",
        en: "Also list each missing translation (otherwise counted per language) and the time of each step.",
    }
    /// `check --format`.
    cli_arg_check_format() {
        de: "Wie die Probleme ausgegeben werden.",
        en: "How to print the problems.",
    }
    /// `check --format human`.
    cli_value_check_human() {
        de: "Lesbarer Text mit der Zeile aus der Datei und einer Markierung.",
        en: "Readable text with the source line and a caret.",
    }
    /// `check --format json`.
    cli_value_check_json() {
        de: "Ein JSON-Dokument für Werkzeuge (immer alle Probleme).",
        en: "One JSON document for tools (always every problem).",
    }
    /// `check --format github`.
    cli_value_check_github() {
        de: "Befehle für GitHub Actions, die Pull-Requests direkt an der Zeile zeigen.",
        en: "GitHub Actions workflow commands, shown inline on pull requests.",
    }
    /// `check --format gitlab`.
    cli_value_check_gitlab() {
        de: "Ein Code-Quality-Bericht für GitLab (JSON), den Merge-Requests zeigen.",
        en: "A GitLab code-quality report (JSON), shown on merge requests.",
    }
    /// `check --quiet`.
    cli_arg_check_quiet() {
        de: "Nur die Fehler auflisten; Warnungen werden in der Schlusszeile gezählt (Format human). Für Hooks und schnelle Prüfungen, bei denen eine Seite voller Warnungen den entscheidenden Fehler verdecken würde.",
        en: "List only the errors; warnings are counted in the closing line (human format). For hooks and quick runs, where a page of warnings would hide the error that matters.",
    }
    /// `check --verbose`.
    cli_arg_check_verbose() {
        de: "Jede Warnung auflisten, auch jede fehlende Übersetzung (sonst je Sprache gezählt).",
        en: "List every warning, also each missing translation (otherwise counted per language).",
    }
    /// `export hsds --out`.
    cli_arg_export_out() {
        de: "Der Ordner für die Dateien (wird angelegt, wenn er fehlt; andere Dateien darin bleiben).",
        en: "The folder to write the files into (created if missing; other files in it are kept).",
    }
    /// `report --format`.
    cli_arg_report_format() {
        de: "Wie der Bericht ausgegeben wird.",
        en: "How to print the report.",
    }
    /// `report --format human`.
    cli_value_report_human() {
        de: "Lesbarer Text (Markdown).",
        en: "Readable text (Markdown).",
    }
    /// `report --format json`.
    cli_value_report_json() {
        de: "Ein JSON-Dokument.",
        en: "One JSON document.",
    }
    /// `report --format markdown`.
    cli_value_report_markdown() {
        de: "Markdown, z. B. für ein Issue oder eine Wiki-Seite.",
        en: "Markdown, e.g. for an issue or a wiki page.",
    }
    /// `serve --port`.
    cli_arg_port() {
        de: "Port auf 127.0.0.1; 0 wählt einen freien.",
        en: "Port on 127.0.0.1; 0 picks a free one.",
    }
    /// `serve --open`.
    cli_arg_open() {
        de: "Die Website im Standardbrowser öffnen.",
        en: "Open the site in the default browser.",
    }
    /// `schema --out`.
    cli_arg_schema_out() {
        de: "Der Ordner für die Schemas (sonst `schemas/` im Inhaltsordner).",
        en: "Folder to write the schemas into (default: `schemas/` in the content folder).",
    }
    /// `schema --root`.
    cli_arg_schema_root() {
        de: "Der Inhaltsordner, dessen config.yaml die Kennungen der Themen, Zielgruppen und Sprachen liefert.",
        en: "The content folder whose config.yaml supplies the topic, target-group and language ids.",
    }
    /// `new <slug>`.
    cli_arg_slug() {
        de: "Ordnername des neuen Akteurs; wird seine Webadresse (Kleinbuchstaben, Ziffern, Bindestriche).",
        en: "Folder name of the new actor; becomes its web address (lowercase, digits, hyphens).",
    }
    /// `init <dir>`.
    cli_arg_init_dir() {
        de: "Der Ordner, in dem der Inhalt angelegt wird; er darf nicht existieren oder muss leer sein (ein Klon eines leeren Repositorys, nur mit .git, gilt als leer).",
        en: "The folder to create the content in; it must not exist or be empty (a clone of an empty repository, with nothing but .git, counts as empty).",
    }
    /// `init --town`.
    cli_arg_town() {
        de: "Name der Stadt oder des Landkreises, z. B. „Saarlouis“. Ohne ihn stehen in config.yaml und den Seiten Platzhalter, die `check` meldet, bis sie ausgefüllt sind.",
        en: "Name of the town or district, e.g. \"Saarlouis\". Without it, config.yaml and the pages hold a placeholder that `check` reports until it is filled in.",
    }
    /// `completions <shell>`.
    cli_arg_shell() {
        de: "Die Shell, für die vervollständigt wird. Bash: `steckbrief completions bash > ~/.local/share/bash-completion/completions/steckbrief`; zsh: als `_steckbrief` in einen Ordner aus `$fpath`; fish: `~/.config/fish/completions/steckbrief.fish`; PowerShell: `steckbrief completions powershell | Out-String | Invoke-Expression` in `$PROFILE`.",
        en: "The shell to complete for. Bash: `steckbrief completions bash > ~/.local/share/bash-completion/completions/steckbrief`; zsh: into a folder on `$fpath` as `_steckbrief`; fish: `~/.config/fish/completions/steckbrief.fish`; PowerShell: `steckbrief completions powershell | Out-String | Invoke-Expression` in `$PROFILE`.",
    }
    /// `man --out`.
    cli_arg_man_out() {
        de: "Eine Seite je Befehl (steckbrief.1, steckbrief-build.1, …) in diesen Ordner schreiben, statt die Seite von steckbrief selbst auszugeben.",
        en: "Write one page per command (steckbrief.1, steckbrief-build.1, …) into this folder instead of printing the page of steckbrief itself.",
    }

    /// A usage error: an option the command does not have.
    cli_unknown_argument(argument: &str) {
        de: "unbekanntes Argument `{argument}`",
        en: "unexpected argument `{argument}`",
    }
    /// A usage error: a command steckbrief does not have.
    cli_unknown_command(command: &str) {
        de: "unbekannter Befehl `{command}`",
        en: "unrecognised command `{command}`",
    }
    /// A usage error: a value an option does not take.
    cli_invalid_value(value: &str, argument: &str) {
        de: "`{value}` ist kein gültiger Wert für `{argument}`",
        en: "invalid value `{value}` for `{argument}`",
    }
    /// A usage error: an option without its value.
    cli_value_missing(argument: &str) {
        de: "`{argument}` braucht einen Wert",
        en: "a value is required for `{argument}` but none was supplied",
    }
    /// A usage error: a value too many.
    cli_unexpected_value(value: &str, argument: &str) {
        de: "unerwarteter Wert `{value}` für `{argument}`",
        en: "unexpected value `{value}` for `{argument}`; no more were expected",
    }
    /// A usage error: required arguments missing.
    cli_missing_arguments(arguments: &str) {
        de: "es fehlt: {arguments}",
        en: "the following required arguments were not provided: {arguments}",
    }
    /// A usage error: a command that needs a subcommand.
    cli_missing_command(command: &str) {
        de: "`{command}` braucht einen weiteren Befehl",
        en: "`{command}` requires a subcommand",
    }
    /// A usage error: two options that exclude each other.
    cli_conflict(argument: &str, other: &str) {
        de: "`{argument}` kann nicht zusammen mit `{other}` verwendet werden",
        en: "the argument `{argument}` cannot be used with `{other}`",
    }
    /// A usage error: an option given twice.
    cli_repeated(argument: &str) {
        de: "`{argument}` darf nur einmal angegeben werden",
        en: "the argument `{argument}` cannot be used multiple times",
    }
    /// The values an option takes, under a usage error.
    cli_possible_values_hint(values: &str) {
        de: "mögliche Werte: {values}",
        en: "possible values: {values}",
    }
    /// A close match, under a usage error.
    cli_did_you_mean(suggestion: &str) {
        de: "meinten Sie `{suggestion}`?",
        en: "did you mean `{suggestion}`?",
    }
    /// Where to read more, under a usage error.
    cli_more_information(command: &str) {
        de: "Mehr dazu: {command} --help",
        en: "For more information, try: {command} --help",
    }

    // ── The preview server's answers (src/cmd/serve/http.rs, src/cmd/serve.rs) ──────────────

    /// Fewer server threads than wanted.
    serve_threads_missing(started: usize, wanted: usize, error: &dyn std::fmt::Display) {
        de: "nur {started} von {wanted} Server-Threads konnten starten: {error}",
        en: "only {started} of {wanted} server threads could start: {error}",
    }
    /// A connection could not be accepted.
    serve_cannot_accept(error: &dyn std::fmt::Display) {
        de: "eine Verbindung kann nicht angenommen werden: {error}; neuer Versuch",
        en: "cannot accept a connection: {error}; retrying",
    }
    /// 503: every worker is busy.
    serve_busy(workers: usize, waiting: usize) {
        de: "die Vorschau ist ausgelastet ({workers} Anfragen werden beantwortet, {waiting} warten); versuchen Sie es gleich noch einmal",
        en: "the preview server is busy ({workers} requests being answered, {waiting} waiting); try again",
    }
    /// 503: too many live-reload streams.
    serve_too_many_streams(limit: usize) {
        de: "zu viele offene Live-Reload-Verbindungen (höchstens {limit}); schließen Sie Tabs, die Sie nicht brauchen",
        en: "too many live-reload streams open (at most {limit})",
    }
    /// 431.
    serve_head_too_long() {
        de: "der Kopf der Anfrage ist zu lang",
        en: "the request head is too long",
    }
    /// 400: not an HTTP request line.
    serve_malformed_request() {
        de: "die Anfragezeile ist fehlerhaft",
        en: "malformed request line",
    }
    /// 421: a Host that is not the loopback interface (DNS rebinding).
    serve_not_loopback() {
        de: "steckbrief serve beantwortet nur Anfragen an localhost, 127.0.0.1 oder [::1]",
        en: "steckbrief serve answers only requests addressed to localhost, 127.0.0.1 or [::1]",
    }
    /// 400: no Host header.
    serve_host_required() {
        de: "die Anfrage braucht einen Host-Header",
        en: "a Host header is required",
    }
    /// 405.
    serve_only_get() {
        de: "nur GET und HEAD werden beantwortet",
        en: "only GET and HEAD are answered",
    }
    /// The page title of a 404 before any build succeeded.
    serve_no_site_title() { de: "Noch keine Vorschau", en: "No preview yet" }
    /// The 404 before any build succeeded.
    serve_no_site() {
        de: "Der Inhalt hat Fehler, deshalb gibt es noch keine Vorschau. Die Fehler stehen hier und im Terminal, in dem steckbrief serve läuft; sobald sie behoben und gespeichert sind, lädt diese Seite neu.",
        en: "The content has errors, so there is no preview yet. The errors are listed here and in the terminal steckbrief serve runs in; once they are fixed and saved, this page reloads.",
    }

    // ── The brochure's typst errors (src/brochure/mod.rs) ───────────────────────────────────

    /// A brochure language config.yaml does not have.
    brochure_unknown_language(code: &str) {
        de: "in config.yaml gibt es keine Sprache `{code}` (siehe `languages:` dort)",
        en: "there is no language `{code}` in config.yaml (see `languages:` there)",
    }
    /// No date for "as of".
    brochure_no_date() {
        de: "kein Datum für „Stand“: der Katalog hat keinen Steckbrief; setzen Sie SOURCE_DATE_EPOCH",
        en: "no date for \"as of\": the catalogue has no actor; set SOURCE_DATE_EPOCH",
    }
    /// A web address too long for a QR code.
    brochure_no_qr_code(url: &str, reason: &str) {
        de: "für {url} lässt sich kein QR-Code erzeugen: {reason}",
        en: "cannot make a QR code for {url}: {reason}",
    }
    /// typst could not lay out a brochure; its problems follow.
    brochure_failed(language: &str, problems: usize) {
        de: {
            format!(
                "die Broschüre `{language}` kann nicht gesetzt werden, typst meldet {problems} {}:",
                plural(problems, "Problem", "Probleme")
            )
        },
        en: {
            format!(
                "the brochure in `{language}` failed, typst reports {problems} {}:",
                plural(problems, "problem", "problems")
            )
        },
    }
    /// typst's own message, quoted.
    typst_said(message: &str) {
        de: "typst meldet: „{message}“",
        en: "typst says: \"{message}\"",
    }
    /// typst's own hints, quoted.
    typst_hints(hints: &str) {
        de: "typst schlägt vor: „{hints}“",
        en: "typst suggests: \"{hints}\"",
    }
    /// What to do about an error in a template file of the content folder.
    typst_override_hint(path: &str) {
        de: "{path} im Inhaltsordner ersetzt die eingebaute Vorlage: korrigieren Sie die Datei an dieser Stelle, oder löschen Sie sie, dann gilt wieder die eingebaute",
        en: "{path} in the content folder replaces the built-in template: fix the file at this place, or delete it to use the built-in one again",
    }
    /// What to do about an error in the built-in template.
    typst_built_in_hint() {
        de: "der Fehler liegt in der eingebauten Vorlage von steckbrief, nicht in Ihrem Inhalt: bitte melden Sie ihn mit dieser Meldung den Betreuern von steckbrief",
        en: "the error is in steckbrief's built-in template, not in your content: please report it with this message to steckbrief's maintainers",
    }
}
