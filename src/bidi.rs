//! Unicode direction controls (U+202A–U+202E embeddings and overrides, U+2066–U+2069
//! isolates) in profile text would reorder what surrounds them: a phone number on a page, in a
//! vCard, in the terminal. `check` warns about them; the loader removes them once, so every
//! renderer gets clean text.

/// Removes the Unicode direction controls that `check` warns about, which would reorder the
/// text around them on a page, in a vCard or in the terminal. The loader applies it to every
/// value, so every renderer gets clean text.
pub fn strip_direction_controls(text: &str) -> Option<String> {
    text.contains(is_direction_control)
        .then(|| text.chars().filter(|c| !is_direction_control(*c)).collect())
}

/// Removes the direction controls from every string in `value` (see
/// [`strip_direction_controls`]); iterative, as JSON from a YAML tree may be deep.
pub fn strip_direction_controls_in(value: &mut serde_json::Value) {
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        match value {
            serde_json::Value::String(text) => {
                if let Some(clean) = strip_direction_controls(text) {
                    *text = clean;
                }
            }
            serde_json::Value::Array(items) => stack.extend(items.iter_mut()),
            serde_json::Value::Object(map) => stack.extend(map.values_mut()),
            _ => {}
        }
    }
}

/// U+202A–U+202E (embeddings and overrides) and U+2066–U+2069 (isolates).
pub fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}
