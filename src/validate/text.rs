//! Checks on the text itself, in every file an editor writes: what a renderer could not show.
//!
//! - Markdown nested deeper than [`MAX_NESTING`] lists and quotes (the renderers would flatten it).
//! - Characters no bundled font can print ([`crate::fonts::can_print`]), control
//!   characters and non-characters such as U+FFFE: the brochure could not be exported.
//! - Unicode direction controls (U+202A–U+202E, U+2066–U+2069): a warning, since they are removed
//!   from every output ([`crate::bidi`]) and would otherwise reorder the text around
//!   them.
//! - Words longer than [`MAX_WORD`] characters, values (other than Markdown) and Markdown
//!   headings longer than [`MAX_LINE`]: the brochure lays out a word on one line, and a heading,
//!   name or title also becomes a PDF string (bookmark, alternative text, document title), which
//!   PDF/A limits to 32,767 bytes.
//!
//! - Placeholders `[[…]]` that `steckbrief init` leaves where a town fills in its own text
//!   (imprint, privacy, accessibility statement, the example actor): errors until replaced, so
//!   that no site is published with them. Every placeholder is reported, since each needs its
//!   own text.
//!
//! Only the first problem of each other kind in a value is reported: one is enough to find the
//! others.

use crate::bidi::is_direction_control;
use crate::diagnostics::{Diagnostic, MAX_PER_FILE, Severity, more_like_this};
use crate::markdown::{MAX_NESTING, too_deep};
use crate::messages;
use crate::schema::field_label;
use crate::source::SourceFile;
use crate::yaml::{Node, NodeKind, Position};

/// Longest word (characters between spaces): long web addresses fit, and no word comes near
/// the length at which a line of the brochure could not be written into the PDF.
pub const MAX_WORD: usize = 500;

/// Longest value other than Markdown, and longest Markdown heading, in characters: far beyond a
/// name or a title, and safely within PDF/A's limit on strings (UTF-16, hex-encoded).
pub const MAX_LINE: usize = 2000;

/// Fields holding Markdown, as JSON pointers (profile.yaml and translations).
pub const MARKDOWN_FIELDS: [&str; 1] = ["/description"];

/// Checks every text value of a YAML file's `tree`.
pub fn check_tree(tree: &Node, file: &SourceFile) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // Beyond MAX_PER_FILE, problems are counted by severity, not placed.
    let (mut more_errors, mut more_warnings) = (0, 0);
    // An explicit stack: the tree is at most `yaml::MAX_DEPTH` deep, but a loop costs nothing.
    let mut stack: Vec<(&Node, String)> = vec![(tree, String::new())];
    while let Some((node, pointer)) = stack.pop() {
        match &node.kind {
            NodeKind::Scalar { text, .. } if out.len() >= MAX_PER_FILE => {
                match character_problem(text) {
                    Some((_, CharacterProblem::DirectionControl(_))) => more_warnings += 1,
                    Some(_) => more_errors += 1,
                    None => {}
                }
                let markdown = MARKDOWN_FIELDS.contains(&pointer.as_str());
                if markdown && too_deep(text).is_some() {
                    more_errors += 1;
                }
                more_errors += usize::from(length_problem(text, markdown).is_some());
            }
            NodeKind::Scalar { text, .. } => {
                let field = Field {
                    file,
                    node,
                    pointer: &pointer,
                };
                field.check_characters(text, &mut out);
                let markdown = MARKDOWN_FIELDS.contains(&pointer.as_str());
                if markdown {
                    field.check_markdown(text, &mut out);
                }
                field.check_length(text, markdown, &mut out);
                field.check_placeholders(text, &mut out);
            }
            NodeKind::Sequence(items) => {
                for (i, item) in items.iter().enumerate().rev() {
                    stack.push((item, format!("{pointer}/{i}")));
                }
            }
            NodeKind::Mapping(entries) => {
                for (key, value) in entries.iter().rev() {
                    let escaped = key.name.replace('~', "~0").replace('/', "~1");
                    stack.push((value, format!("{pointer}/{escaped}")));
                }
            }
        }
    }
    for (count, severity) in [
        (more_errors, Severity::Error),
        (more_warnings, Severity::Warning),
    ] {
        if count > 0 {
            out.push(more_like_this(&file.relative, count, severity));
        }
    }
    out
}

/// Checks a Markdown page (`content/pages/<id>/<lang>.md`): its whole text.
pub fn check_page(file: &SourceFile) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let text = &file.text;
    let at = |offset: usize| position_in(text, offset);
    if let Some((offset, problem)) = character_problem(text) {
        out.push(problem.diagnostic(file, &messages::the_page(), at(offset)));
    }
    if let Some((offset, depth)) = too_deep(text) {
        out.push(nesting_diagnostic(file, &messages::the_page(), depth).at(at(offset), text));
    }
    if let Some((offset, problem)) = length_problem(text, true) {
        out.push(
            problem
                .diagnostic(file, &messages::the_page())
                .at(at(offset), text),
        );
    }
    for (offset, marker) in placeholders(text) {
        out.push(placeholder_diagnostic(file, &messages::the_page(), marker).at(at(offset), text));
    }
    out
}

/// Opens a placeholder that `steckbrief init` leaves for the town to fill in: `[[Anschrift]]`.
pub const PLACEHOLDER_OPEN: &str = "[[";
/// Closes a placeholder.
pub const PLACEHOLDER_CLOSE: &str = "]]";

/// Every placeholder `[[…]]` in `text` (opened and closed on one line, not empty), with its
/// byte offset.
pub fn placeholders(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(start) = text[from..].find(PLACEHOLDER_OPEN).map(|i| from + i) {
            let inner = start + PLACEHOLDER_OPEN.len();
            let line_end = text[inner..].find('\n').map_or(text.len(), |i| inner + i);
            match text[inner..line_end].find(PLACEHOLDER_CLOSE) {
                Some(length) if !text[inner..inner + length].trim().is_empty() => {
                    let end = inner + length + PLACEHOLDER_CLOSE.len();
                    from = end;
                    return Some((start, &text[start..end]));
                }
                Some(_) => from = inner,
                // No close on this line: no later opening on it has one either (linear time
                // on a line of ten thousand brackets).
                None => from = line_end,
            }
        }
        None
    })
}

/// True if `text` holds a placeholder: other checks of its value (a postcode's digits) wait
/// until it is filled in, so that one mistake gives one error.
pub fn has_placeholder(text: &str) -> bool {
    placeholders(text).next().is_some()
}

fn placeholder_diagnostic(file: &SourceFile, label: &str, marker: &str) -> Diagnostic {
    Diagnostic::for_file(
        Severity::Error,
        &file.relative,
        messages::placeholder(label, marker),
    )
    .with_hint(messages::placeholder_hint())
}

/// One text value of a YAML file.
struct Field<'a> {
    file: &'a SourceFile,
    node: &'a Node,
    pointer: &'a str,
}

impl Field<'_> {
    fn check_characters(&self, text: &str, out: &mut Vec<Diagnostic>) {
        if text.is_ascii()
            && !text
                .bytes()
                .any(|b| b.is_ascii_control() && !b"\t\n\r".contains(&b))
        {
            return;
        }
        let Some((offset, problem)) = character_problem(text) else {
            return;
        };
        let label = format!("`{}`", field_label(self.pointer));
        out.push(problem.diagnostic(self.file, &label, self.position(text, offset)));
        // A direction control and an unprintable character in the same value: report both.
        if !matches!(problem, CharacterProblem::DirectionControl(_))
            && let Some(offset) = text.find(is_direction_control)
        {
            let c = text[offset..].chars().next().unwrap_or(' ');
            out.push(CharacterProblem::DirectionControl(c).diagnostic(
                self.file,
                &label,
                self.position(text, offset),
            ));
        }
    }

    fn check_length(&self, text: &str, markdown: bool, out: &mut Vec<Diagnostic>) {
        if text.len() <= MAX_WORD {
            return;
        }
        if let Some((offset, problem)) = length_problem(text, markdown) {
            let label = format!("`{}`", field_label(self.pointer));
            out.push(
                problem
                    .diagnostic(self.file, &label)
                    .at(self.position(text, offset), &self.file.text),
            );
        }
    }

    fn check_placeholders(&self, text: &str, out: &mut Vec<Diagnostic>) {
        for (offset, marker) in placeholders(text) {
            let label = format!("`{}`", field_label(self.pointer));
            out.push(
                placeholder_diagnostic(self.file, &label, marker)
                    .at(self.position(text, offset), &self.file.text),
            );
        }
    }

    fn check_markdown(&self, text: &str, out: &mut Vec<Diagnostic>) {
        if let Some((offset, depth)) = too_deep(text) {
            let label = format!("`{}`", field_label(self.pointer));
            out.push(
                nesting_diagnostic(self.file, &label, depth)
                    .at(self.position(text, offset), &self.file.text),
            );
        }
    }

    fn position(&self, text: &str, offset: usize) -> Position {
        value_position(self.file, self.node, text, offset)
    }
}

/// Where byte `offset` of the text of `node` stands in `file`: exact in a literal block (`|`),
/// whose lines are the text's lines (the value starts at its first line); the start of the
/// value otherwise.
pub(super) fn value_position(
    file: &SourceFile,
    node: &Node,
    text: &str,
    offset: usize,
) -> Position {
    let start = node.position;
    let before = file.text.lines().take(start.line.saturating_sub(1));
    let literal = before
        .filter(|line| !line.trim().is_empty())
        .last()
        .map(|line| line.split(" #").next().unwrap_or(line).trim_end())
        .is_some_and(|line| {
            line.trim_end_matches(|c: char| c == '-' || c == '+' || c.is_ascii_digit())
                .ends_with('|')
        });
    let within = position_in(text, offset);
    if !literal || text.starts_with('\n') {
        return start;
    }
    Position {
        line: start.line + within.line - 1,
        column: start.column - 1 + within.column,
    }
}

/// The 1-based line and column (in characters) of byte `offset` in `text`.
pub(super) fn position_in(text: &str, offset: usize) -> Position {
    let before = &text[..offset.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
    }
}

/// Text too long for the brochure.
enum LengthProblem {
    /// A word of this many characters.
    Word(usize),
    /// A value of this many characters.
    Value(usize),
    /// A Markdown heading of this many characters.
    Heading(usize),
}

impl LengthProblem {
    fn diagnostic(self, file: &SourceFile, label: &str) -> Diagnostic {
        let (message, hint) = match self {
            LengthProblem::Word(n) => (
                messages::word_too_long(label, n, MAX_WORD),
                messages::word_too_long_hint(),
            ),
            LengthProblem::Value(n) => (
                messages::value_too_long(label, n, MAX_LINE),
                messages::value_too_long_hint(),
            ),
            LengthProblem::Heading(n) => (
                messages::heading_too_long(label, n, MAX_LINE),
                messages::heading_too_long_hint(),
            ),
        };
        Diagnostic::for_file(Severity::Error, &file.relative, message).with_hint(hint)
    }
}

/// The first word too long in `text`, or the text itself too long (a value other than
/// Markdown) or a heading too long (Markdown), with its byte offset.
fn length_problem(text: &str, markdown: bool) -> Option<(usize, LengthProblem)> {
    let mut word = (0, 0usize);
    for (offset, c) in text.char_indices() {
        if c.is_whitespace() {
            word = (offset + c.len_utf8(), 0);
        } else {
            word.1 += 1;
            if word.1 > MAX_WORD {
                let length = text[word.0..]
                    .split(char::is_whitespace)
                    .next()
                    .unwrap_or("");
                return Some((word.0, LengthProblem::Word(length.chars().count())));
            }
        }
    }
    if !markdown {
        let length = text.chars().count();
        return (length > MAX_LINE).then_some((0, LengthProblem::Value(length)));
    }
    crate::markdown::long_heading(text, MAX_LINE)
        .map(|(offset, length)| (offset, LengthProblem::Heading(length)))
}

fn nesting_diagnostic(file: &SourceFile, label: &str, depth: usize) -> Diagnostic {
    Diagnostic::for_file(
        Severity::Error,
        &file.relative,
        messages::markdown_too_deep(label, depth, MAX_NESTING),
    )
    .with_hint(messages::markdown_too_deep_hint())
}

/// What is wrong with a character.
#[derive(Debug, Clone, Copy)]
enum CharacterProblem {
    /// U+FFFE, U+FFFF, U+FDD0–U+FDEF and the like: not characters at all.
    NonCharacter(char),
    /// An invisible control character (not tab or line break).
    Control(char),
    /// A character no bundled font has.
    NoGlyph(char),
    /// A direction control (removed when publishing).
    DirectionControl(char),
}

impl CharacterProblem {
    fn diagnostic(self, file: &SourceFile, label: &str, position: Position) -> Diagnostic {
        let (severity, message, hint) = match self {
            CharacterProblem::NonCharacter(c) => (
                Severity::Error,
                messages::non_character(label, &code(c)),
                messages::non_character_hint(),
            ),
            CharacterProblem::Control(c) => (
                Severity::Error,
                messages::control_character(label, &code(c)),
                messages::control_character_hint(),
            ),
            CharacterProblem::NoGlyph(c) => (
                Severity::Error,
                messages::no_glyph(label, c, &code(c)),
                messages::no_glyph_hint(),
            ),
            CharacterProblem::DirectionControl(c) => (
                Severity::Warning,
                messages::direction_control(label, &code(c)),
                messages::direction_control_hint(),
            ),
        };
        Diagnostic::for_file(severity, &file.relative, message)
            .with_hint(hint)
            .at(position, &file.text)
    }
}

/// "U+FFFE".
fn code(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// The first unprintable character of `text` (or, if none, its first direction control), with
/// its byte offset.
fn character_problem(text: &str) -> Option<(usize, CharacterProblem)> {
    let mut direction = None;
    for (offset, c) in text.char_indices() {
        let u = c as u32;
        let problem = if (0xFDD0..=0xFDEF).contains(&u) || u & 0xFFFE == 0xFFFE {
            CharacterProblem::NonCharacter(c)
        } else if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
            CharacterProblem::Control(c)
        } else if is_direction_control(c) {
            direction.get_or_insert((offset, CharacterProblem::DirectionControl(c)));
            continue;
        } else if !crate::fonts::can_print(c) {
            CharacterProblem::NoGlyph(c)
        } else {
            continue;
        };
        return Some((offset, problem));
    }
    direction
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile {
            path: PathBuf::from("p.yaml"),
            relative: PathBuf::from("actors/a/p.yaml"),
            text: text.to_owned(),
        }
    }

    fn check(text: &str) -> Vec<Diagnostic> {
        let file = file(text);
        let tree = crate::yaml::parse(text).unwrap().unwrap();
        check_tree(&tree, &file)
    }

    #[test]
    fn deep_markdown_is_reported_at_its_line_in_a_literal_block() {
        let text = "name: A\ndescription: |\n  Text\n\n  > > > > > > > > > tief\n";
        let problems = check(text);
        assert_eq!(problems.len(), 1, "{problems:?}");
        let p = &problems[0];
        assert_eq!(p.severity, Severity::Error);
        assert!(
            p.message
                .contains("`description` nests lists and quotes 9 levels deep"),
            "{p:?}"
        );
        assert!(p.message.contains("at most 8"), "{p:?}");
        assert_eq!((p.line, p.column), (Some(5), Some(19)), "{p:?}");
        // Eight levels are fine, and only `description` is Markdown.
        assert!(check("description: |\n  > > > > > > > > acht\n").is_empty());
        assert!(check("summary: \"> > > > > > > > > > x\"\n").is_empty());
    }

    #[test]
    fn placeholders_are_errors_each_at_its_place() {
        let found: Vec<_> = placeholders("a [[PLZ]] b [[ ]] [[x\n]] [[[Ort]]").collect();
        assert_eq!(found, [(2, "[[PLZ]]"), (25, "[[[Ort]]")]);
        // A line of brackets without a close is no placeholder (and costs linear time).
        assert_eq!(placeholders(&"[".repeat(100_000)).count(), 0);
        let problems =
            check("summary: \"[[Ein Satz]]\"\ndescription: |\n  Text\n  mit [[Angebot]]\n");
        let found: Vec<_> = problems
            .iter()
            .map(|p| (p.message.as_str(), p.line, p.column))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "`summary` still has the placeholder [[Ein Satz]]",
                    Some(1),
                    Some(10)
                ),
                (
                    "`description` still has the placeholder [[Angebot]]",
                    Some(4),
                    Some(7)
                ),
            ]
        );
    }

    #[test]
    fn unprintable_characters_are_errors_with_their_place() {
        let problems = check("name: A\noffers:\n  - \"Kurse \\uFFFE\"\n  - Beratung \u{E000}\n");
        let messages: Vec<_> = problems
            .iter()
            .map(|p| (p.message.as_str(), p.line))
            .collect();
        assert_eq!(problems.len(), 2, "{messages:?}");
        assert!(
            messages[0]
                .0
                .contains("`offers[1]` contains U+FFFE, which is not a character")
        );
        assert_eq!(messages[0].1, Some(3));
        assert!(
            messages[1]
                .0
                .contains("`offers[2]` contains `\u{E000}` (U+E000)"),
            "{messages:?}"
        );
        assert!(
            check("summary: \"a\\x01b\"\n")[0]
                .message
                .contains("control character U+0001")
        );
        // Emoji and symbols print.
        assert!(check("summary: Familien 👩‍👧 willkommen ✅ ☎ 😀\n").is_empty());
    }

    #[test]
    fn direction_controls_are_warned_about_and_stripped() {
        let problems = check("summary: \"abc\\u202Edef\"\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].severity, Severity::Warning);
        assert!(problems[0].message.contains("U+202E"), "{problems:?}");
        assert_eq!(
            crate::bidi::strip_direction_controls("a\u{202E}b\u{2066}c").as_deref(),
            Some("abc")
        );
        assert_eq!(crate::bidi::strip_direction_controls("abc"), None);
    }

    #[test]
    fn long_words_values_and_headings_are_errors() {
        let word = "x".repeat(MAX_WORD + 1);
        let problems = check(&format!("offers:\n  - \"kurz {word} kurz\"\n"));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0]
                .message
                .contains("`offers[1]` has a word of 501 characters")
        );
        let long = "Wort ".repeat(MAX_LINE / 5 + 1);
        assert!(
            check(&format!("name: {long}\n"))[0]
                .message
                .contains("has 2,004 characters")
        );
        // Markdown may be long, but not its headings.
        assert!(check(&format!("description: |\n  {long}\n")).is_empty());
        let problems = check(&format!("description: |\n  Text\n\n  ## {long}\n"));
        assert!(
            problems[0]
                .message
                .contains("has a heading of 2,004 characters"),
            "{problems:?}"
        );
        assert_eq!(problems[0].line, Some(4));
    }

    #[test]
    fn pages_are_checked_at_the_exact_place() {
        let mut page = file("# Titel\n\nText\n- - - - - - - - - tief\n");
        page.relative = PathBuf::from("content/pages/x/de.md");
        let problems = check_page(&page);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!((problems[0].line, problems[0].column), (Some(4), Some(17)));
    }
}
