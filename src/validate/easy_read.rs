//! Leichte Sprache (easy-to-read German): two rules of thumb of the Netzwerk Leichte Sprache,
//! checked in every text of a language marked `easy_read` in config.yaml.
//!
//! - A sentence has at most [`MAX_SENTENCE_WORDS`] words ("Schreiben Sie kurze Sätze").
//! - A word has at most [`MAX_WORD_LETTERS`] letters ("Benutzen Sie kurze Wörter"); a compound
//!   written with a Mediopunkt (`Arbeits·agentur`) or a hyphen counts per part.
//!
//! They are warnings, never errors: the rules are guidance, and only a reader from the target
//! group (the Prüfgruppe) can say whether a text is easy to read.
//!
//! A sentence ends at `.`, `!`, `?`, `:` or `;` before a space or the end, at a blank line and
//! before a Markdown list item or heading (each line of a list is read on its own). Web and
//! e-mail addresses are not words to shorten.

use crate::diagnostics::{Diagnostic, MAX_PER_FILE, Severity, more_like_this};
use crate::messages;
use crate::source::SourceFile;
use crate::yaml::{Node, NodeKind, Position};

use super::text::{position_in, value_position};

/// Most words in a sentence of Leichte Sprache before `check` warns.
pub const MAX_SENTENCE_WORDS: usize = 15;

/// Most letters in a word (or in each part of a compound) of Leichte Sprache before `check`
/// warns.
pub const MAX_WORD_LETTERS: usize = 20;

/// A place where a text breaks a rule of thumb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// The sentence starting at byte `offset` has `words` words.
    LongSentence { offset: usize, words: usize },
    /// The word (or compound part) `word` at byte `offset` has `letters` letters.
    LongWord {
        offset: usize,
        word: String,
        letters: usize,
    },
}

impl Finding {
    fn offset(&self) -> usize {
        match self {
            Finding::LongSentence { offset, .. } | Finding::LongWord { offset, .. } => *offset,
        }
    }

    /// The warning an editor reads.
    fn diagnostic(&self, file: &SourceFile, label: &str) -> Diagnostic {
        let (message, hint) = match self {
            Finding::LongSentence { words, .. } => (
                messages::easy_read_long_sentence(label, *words, MAX_SENTENCE_WORDS),
                messages::easy_read_long_sentence_hint(),
            ),
            Finding::LongWord { word, letters, .. } => (
                messages::easy_read_long_word(label, word, *letters, MAX_WORD_LETTERS),
                messages::easy_read_long_word_hint(),
            ),
        };
        Diagnostic::for_file(Severity::Warning, &file.relative, message).with_hint(hint)
    }
}

/// Every long sentence and long word of `text` (plain text or Markdown), in order.
pub fn findings(text: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    // The sentence being read: where it starts and how many words it has so far.
    let mut sentence: Option<(usize, usize)> = None;
    let end_sentence = |sentence: &mut Option<(usize, usize)>, out: &mut Vec<Finding>| {
        if let Some((offset, words)) = sentence.take()
            && words > MAX_SENTENCE_WORDS
        {
            out.push(Finding::LongSentence { offset, words });
        }
    };
    let mut previous_end = 0;
    for (offset, token) in tokens(text) {
        let gap = &text[previous_end..offset];
        previous_end = offset + token.len();
        let line_start = offset == 0 || gap.contains('\n');
        if gap.matches('\n').count() > 1 || (line_start && is_block_marker(token)) {
            end_sentence(&mut sentence, &mut out);
        }
        if line_start && is_block_marker(token) {
            continue;
        }
        if !token.chars().any(char::is_alphanumeric) {
            continue;
        }
        let (_, words) = sentence.get_or_insert((offset, 0));
        *words += 1;
        if let Some((part_offset, part, letters)) = longest_part(token) {
            out.push(Finding::LongWord {
                offset: offset + part_offset,
                word: part.to_owned(),
                letters,
            });
        }
        let last = token.trim_end_matches(['"', '“', '”', '»', '«', ')', '*', '_', '\'']);
        if last.ends_with(['.', '!', '?', ':', ';']) {
            end_sentence(&mut sentence, &mut out);
        }
    }
    end_sentence(&mut sentence, &mut out);
    out.sort_by_key(Finding::offset);
    out
}

/// The whitespace-separated tokens of `text` with their byte offsets.
fn tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |token| (token.as_ptr() as usize - text.as_ptr() as usize, token))
}

/// A Markdown list marker (`-`, `*`, `+`, `1.`) or heading marker (`#`, `##`, …).
fn is_block_marker(token: &str) -> bool {
    matches!(token, "-" | "*" | "+")
        || token.chars().all(|c| c == '#')
        || token
            .strip_suffix(['.', ')'])
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The first part of `token` (split at Mediopunkt, hyphen and slash) with more than
/// [`MAX_WORD_LETTERS`] letters: its offset in `token`, its text and its letters. Web and
/// e-mail addresses are skipped.
fn longest_part(token: &str) -> Option<(usize, &str, usize)> {
    if token.contains('@') || token.contains("://") || token.contains("www.") {
        return None;
    }
    let mut start = 0;
    for part in token.split(['·', '-', '‐', '/']) {
        let offset = start;
        start += part.len()
            + token[start + part.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        let word = part.trim_matches(|c: char| !c.is_alphanumeric());
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters > MAX_WORD_LETTERS {
            let lead = part.len()
                - part
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .len();
            return Some((offset + lead, word, letters));
        }
    }
    None
}

/// Checks the text values of a YAML file: every value if `language` is `None` (a translation
/// or UI-string file of a Leichte Sprache language), else only values under a key named
/// `language` (`title: { de-x-ls: … }` in config.yaml, labels in content/numbers.yaml).
pub fn check_tree(tree: &Node, file: &SourceFile, language: Option<&str>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut more = 0;
    // (node, pointer, whether it lies under the language's key)
    let mut stack: Vec<(&Node, String, bool)> = vec![(tree, String::new(), language.is_none())];
    while let Some((node, pointer, inside)) = stack.pop() {
        match &node.kind {
            NodeKind::Scalar { text, .. } if inside => {
                for finding in findings(text) {
                    if out.len() >= MAX_PER_FILE {
                        more += 1;
                        continue;
                    }
                    let label = format!("`{}`", crate::schema::field_label(&pointer));
                    let position = value_position(file, node, text, finding.offset());
                    out.push(finding.diagnostic(file, &label).at(position, &file.text));
                }
            }
            NodeKind::Scalar { .. } => {}
            NodeKind::Sequence(items) => {
                for (i, item) in items.iter().enumerate().rev() {
                    stack.push((item, format!("{pointer}/{i}"), inside));
                }
            }
            NodeKind::Mapping(entries) => {
                for (key, value) in entries.iter().rev() {
                    let escaped = key.name.replace('~', "~0").replace('/', "~1");
                    let inside = inside || language == Some(key.name.as_str());
                    stack.push((value, format!("{pointer}/{escaped}"), inside));
                }
            }
        }
    }
    if more > 0 {
        out.push(more_like_this(&file.relative, more, Severity::Warning));
    }
    out
}

/// Checks a Markdown page of a Leichte Sprache language (`content/pages/<id>/de-x-ls.md`).
pub fn check_page(file: &SourceFile) -> Vec<Diagnostic> {
    let text = &file.text;
    let found = findings(text);
    let more = found.len().saturating_sub(MAX_PER_FILE);
    let mut out: Vec<Diagnostic> = found
        .iter()
        .take(MAX_PER_FILE)
        .map(|finding| {
            let position: Position = position_in(text, finding.offset());
            finding
                .diagnostic(file, &messages::the_page())
                .at(position, text)
        })
        .collect();
    if more > 0 {
        out.push(more_like_this(&file.relative, more, Severity::Warning));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_sentences_and_words_pass() {
        let text = "Das Job·center hilft bei der Arbeits·suche.\nSie brauchen einen Termin.\n\n\
                    - Beratung\n- Geld zum Leben";
        assert_eq!(findings(text), vec![]);
    }

    #[test]
    fn counts_words_per_sentence() {
        let sixteen = "Eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn \
                       vierzehn fünfzehn sechzehn. Kurz.";
        assert_eq!(
            findings(sixteen),
            vec![Finding::LongSentence {
                offset: 0,
                words: 16
            }]
        );
        // Fifteen words pass; a list item ends the sentence before it.
        let fifteen = "Eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn \
                       vierzehn fünfzehn\n- eins zwei";
        assert_eq!(findings(fifteen), vec![]);
    }

    #[test]
    fn counts_letters_per_compound_part() {
        assert_eq!(
            findings("Die Ausländerbehördenmitarbeiterin hilft."),
            vec![Finding::LongWord {
                offset: 4,
                word: "Ausländerbehördenmitarbeiterin".to_owned(),
                letters: 30
            }]
        );
        assert_eq!(
            findings("Die Ausländer·behörden·mitarbeiterin hilft."),
            vec![]
        );
        assert_eq!(
            findings("Die Ausländer-Behörden-Mitarbeiterin hilft."),
            vec![]
        );
        assert_eq!(
            findings(
                "Schreiben Sie an anmeldung-sprachkurse@example.org oder https://www.example.org/anmeldung-integrationskurs"
            ),
            vec![]
        );
    }
}
