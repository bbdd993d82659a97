//! Problems found in the content, and how they are shown to editors and to CI.
//!
//! Every check produces [`Diagnostic`] values instead of failing, so one run reports every problem
//! in every file. A diagnostic carries the source line it points at, so that printing it needs no
//! second read of the file.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::messages;
use crate::yaml::Position;

/// How bad a problem is: errors block a build, warnings are listed and counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, located in a file where possible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the content root, with `/` separators.
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub hint: Option<String>,
    /// The source line the position points into (a window of it, for very long lines).
    #[serde(skip)]
    pub snippet: Option<String>,
    /// Character offset of the caret within `snippet`.
    #[serde(skip)]
    pub snippet_caret: usize,
    /// For a missing translation: the language and how many fields it lacks. Such warnings are
    /// summarised per language unless all are asked for ([`quiet`]).
    #[serde(skip)]
    pub translation_gap: Option<(String, usize)>,
}

impl Diagnostic {
    /// A problem with a whole file (or folder) rather than a place in it.
    pub fn for_file(severity: Severity, file: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            file: display_path(file),
            line: None,
            column: None,
            message: visible(message.into()),
            hint: None,
            snippet: None,
            snippet_caret: 0,
            translation_gap: None,
        }
    }

    /// Adds advice on how to fix the problem.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Points the diagnostic at a position in `source`, the text of its file.
    pub fn at(mut self, position: Position, source: &str) -> Self {
        self.line = Some(position.line);
        self.column = Some(position.column);
        if let Some(line) = source.lines().nth(position.line.saturating_sub(1)) {
            let caret = position.column.saturating_sub(1);
            let start = caret.saturating_sub(SNIPPET_CONTEXT);
            let mut window: String = line.chars().skip(start).take(2 * SNIPPET_CONTEXT).collect();
            if start > 0 {
                window.insert(0, '…');
            }
            if line.chars().count() > start + 2 * SNIPPET_CONTEXT {
                window.push('…');
            }
            self.snippet_caret = caret - start + usize::from(start > 0);
            self.snippet = Some(visible(window));
        }
        self
    }
}

/// `text` with every Unicode direction control replaced by U+FFFD: messages quote the editor's
/// text, and a control would reorder the terminal line around it (one character for one, so
/// that the caret stays under its column).
fn visible(text: String) -> String {
    if text.contains(crate::bidi::is_direction_control) {
        text.chars()
            .map(|c| {
                if crate::bidi::is_direction_control(c) {
                    '\u{FFFD}'
                } else {
                    c
                }
            })
            .collect()
    } else {
        text
    }
}

/// Most diagnostics shown for one file and one stage of the check; one more says how many were
/// left out. Beyond a hundred, more of the same help nobody, and placing each costs time.
pub const MAX_PER_FILE: usize = 100;

/// "… and 104,800 more problems like these in this file".
pub fn more_like_this(file: &Path, count: usize, severity: Severity) -> Diagnostic {
    let message = match severity {
        Severity::Error => messages::more_errors_like_these(count),
        Severity::Warning => messages::more_warnings_like_these(count),
    };
    Diagnostic::for_file(severity, file, message)
        .with_hint(messages::only_first_shown(MAX_PER_FILE))
}

/// Characters of a long source line shown on each side of the caret.
const SNIPPET_CONTEXT: usize = 60;

/// Formats a path for messages: relative, with forward slashes on every platform.
pub fn display_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// All diagnostics of one run.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(diagnostics);
    }

    pub fn error_count(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warning_count(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == severity).count()
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Diagnostics in a stable order: by file, then position, errors first.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.severity, &a.message)
                .cmp(&(&b.file, b.line, b.column, b.severity, &b.message))
        });
        self.items
    }
}

/// `list` with the errors before the warnings, each in the order they had.
pub fn errors_first(mut list: Vec<Diagnostic>) -> Vec<Diagnostic> {
    list.sort_by_key(|d| d.severity);
    list
}

/// The missing translations into one language, summed up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GapSummary {
    pub language: String,
    /// Fields without translation, over all actors.
    pub fields: usize,
    /// Actors with at least one such field: the warnings summed up, one per actor.
    pub actors: usize,
}

/// The quiet view of `list`: the warnings about missing translations taken out and summed up per
/// language (in the order the languages first appear); everything else as it was.
pub fn quiet(list: Vec<Diagnostic>) -> (Vec<Diagnostic>, Vec<GapSummary>) {
    let mut summaries: Vec<GapSummary> = Vec::new();
    let mut rest = Vec::with_capacity(list.len());
    for d in list {
        let Some((language, fields)) = &d.translation_gap else {
            rest.push(d);
            continue;
        };
        match summaries.iter_mut().find(|s| &s.language == language) {
            Some(summary) => {
                summary.fields += fields;
                summary.actors += 1;
            }
            None => summaries.push(GapSummary {
                language: language.clone(),
                fields: *fields,
                actors: 1,
            }),
        }
    }
    summaries.sort_by(|a, b| a.language.cmp(&b.language));
    (rest, summaries)
}

/// Renders diagnostics as readable text; `colour` adds ANSI colours.
pub fn render_human(diagnostics: &[Diagnostic], colour: bool) -> String {
    let paint = |code: &str, text: &str| {
        if colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    };
    let mut out = String::new();
    for d in diagnostics {
        let label = match d.severity {
            Severity::Error => paint("1;31", &messages::label_error()),
            Severity::Warning => paint("1;33", &messages::label_warning()),
        };
        let _ = writeln!(out, "{label}: {}", d.message);
        let location = match (d.line, d.column) {
            (Some(line), Some(column)) => format!("{}:{line}:{column}", d.file),
            _ => d.file.clone(),
        };
        let _ = writeln!(out, "  --> {location}");
        let gutter = " ".repeat(d.line.map_or(1, |line| line.to_string().len()));
        if let (Some(line), Some(snippet)) = (d.line, &d.snippet) {
            let number = line.to_string();
            let indent: String = snippet
                .chars()
                .take(d.snippet_caret)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let _ = writeln!(out, "{gutter} |");
            let _ = writeln!(out, "{number} | {snippet}");
            let _ = writeln!(out, "{gutter} | {indent}{}", paint("1;31", "^"));
        }
        if let Some(hint) = &d.hint {
            let _ = writeln!(out, "{gutter} = {}: {hint}", messages::label_hint());
        }
        out.push('\n');
    }
    out
}

/// Renders diagnostics as one JSON document with counts.
pub fn render_json(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let document = serde_json::json!({
        "errors": errors,
        "warnings": diagnostics.len() - errors,
        "diagnostics": diagnostics,
    });
    format!("{document:#}\n")
}

/// Renders the summed-up missing translations as GitHub Actions notices (one per language, on
/// no file).
pub fn render_github_gaps(gaps: &[GapSummary]) -> String {
    let mut out = String::new();
    for gap in gaps {
        let _ = writeln!(
            out,
            "::notice title={}::{}",
            escape_property(&messages::github_gaps_title()),
            escape_data(&messages::translation_gaps(
                &gap.language,
                gap.fields,
                gap.actors
            ))
        );
    }
    out
}

/// Renders diagnostics as GitHub Actions workflow commands. Annotations go only on files under
/// `root` that exist (GitHub drops the others): a problem with a file still to be written (a
/// missing `i18n/fr.yaml`) names it in its message and annotates the run instead.
pub fn render_github(diagnostics: &[Diagnostic], root: &Path) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let exists = root.join(&d.file).exists();
        let mut properties = String::new();
        if exists {
            let _ = write!(properties, " file={}", escape_property(&d.file));
            if let Some(line) = d.line {
                let _ = write!(properties, ",line={line}");
            }
            if let Some(column) = d.column {
                let _ = write!(properties, ",col={column}");
            }
        }
        let mut message = if exists {
            d.message.clone()
        } else {
            format!("{}: {}", d.file, d.message)
        };
        if let Some(hint) = &d.hint {
            let _ = write!(message, "\n{}: {hint}", messages::label_hint());
        }
        let _ = writeln!(out, "::{command}{properties}::{}", escape_data(&message));
    }
    out
}

/// Renders diagnostics as a GitLab code-quality report (a JSON array in the format of Code
/// Climate issues), which GitLab shows on merge requests and in the pipeline. Paths are relative
/// to the content root, so the report is right when that is the repository's root.
pub fn render_gitlab(diagnostics: &[Diagnostic]) -> String {
    use sha2::{Digest, Sha256};
    let issues: Vec<serde_json::Value> = diagnostics
        .iter()
        .map(|d| {
            let (check_name, severity) = match d.severity {
                Severity::Error => ("steckbrief-error", "major"),
                Severity::Warning => ("steckbrief-warning", "minor"),
            };
            let description = match &d.hint {
                Some(hint) => format!("{} (hint: {hint})", d.message),
                None => d.message.clone(),
            };
            // GitLab matches issues across pipelines by fingerprint: the same problem at the
            // same place keeps its fingerprint, so a merge request shows only new problems.
            let key = format!("{}\0{:?}\0{:?}\0{}", d.file, d.line, d.column, d.message);
            let fingerprint: String = Sha256::digest(key.as_bytes())
                .iter()
                .map(|byte| format!("{byte:02x}"))
                .collect();
            serde_json::json!({
                "type": "issue",
                "check_name": check_name,
                "description": description,
                "categories": ["Bug Risk"],
                "severity": severity,
                "fingerprint": fingerprint,
                "location": {
                    "path": d.file,
                    "lines": { "begin": d.line.unwrap_or(1) },
                },
            })
        })
        .collect();
    format!("{:#}\n", serde_json::Value::Array(issues))
}

/// Escaping for the message part of a workflow command.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping for `key=value` properties, which also end at `,` and `:`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Where a file is, relative to the content root; used to label diagnostics.
pub fn relative_to(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Diagnostic {
        Diagnostic::for_file(
            Severity::Error,
            Path::new("actors/a/profile.yaml"),
            "unknown field `adress`",
        )
        .with_hint("did you mean `address`?")
        .at(Position { line: 2, column: 3 }, "name: A\n  adress: x\n")
    }

    #[test]
    fn human_output_shows_snippet_and_caret_under_the_column() {
        let text = render_human(&[sample()], false);
        assert!(text.contains("--> actors/a/profile.yaml:2:3"), "{text}");
        assert!(text.contains("2 |   adress: x\n  |   ^\n"), "{text}");
        assert!(
            text.contains("\n  = hint: did you mean `address`?"),
            "{text}"
        );
    }

    #[test]
    fn github_output_escapes_newlines_and_property_separators() {
        let mut d = sample();
        d.file = "actors/a,b/profile.yaml".into();
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("actors/a,b")).unwrap();
        std::fs::write(root.path().join("actors/a,b/profile.yaml"), "").unwrap();
        let text = render_github(&[d.clone()], root.path());
        assert_eq!(
            text,
            "::error file=actors/a%2Cb/profile.yaml,line=2,col=3::unknown field `adress`%0Ahint: did you mean `address`?\n"
        );
        // A file that does not exist gets no annotation of its own.
        d.file = "i18n/fr.yaml".into();
        assert_eq!(
            render_github(&[d], root.path()),
            "::error::i18n/fr.yaml: unknown field `adress`%0Ahint: did you mean `address`?\n"
        );
    }

    #[test]
    fn direction_controls_cannot_reorder_the_terminal_line() {
        let d = Diagnostic::for_file(Severity::Warning, Path::new("a.yaml"), "`x\u{202E}y`")
            .at(Position { line: 1, column: 4 }, "a: x\u{202E}y\u{2066}z\n");
        assert_eq!(d.message, "`x\u{FFFD}y`");
        assert_eq!(d.snippet.as_deref(), Some("a: x\u{FFFD}y\u{FFFD}z"));
    }

    #[test]
    fn gitlab_report_has_the_code_quality_fields() {
        let warning = Diagnostic::for_file(Severity::Warning, Path::new("config.yaml"), "w");
        let text = render_gitlab(&[sample(), warning.clone(), warning]);
        let issues: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
        assert_eq!(issues.len(), 3);
        let first = &issues[0];
        assert_eq!(first["severity"], "major");
        assert_eq!(first["check_name"], "steckbrief-error");
        assert_eq!(
            first["description"],
            "unknown field `adress` (hint: did you mean `address`?)"
        );
        assert_eq!(first["location"]["path"], "actors/a/profile.yaml");
        assert_eq!(first["location"]["lines"]["begin"], 2);
        assert_eq!(first["fingerprint"].as_str().unwrap().len(), 64);
        assert_eq!(issues[1]["severity"], "minor");
        assert_eq!(issues[1]["location"]["lines"]["begin"], 1);
        // The same problem at the same place keeps its fingerprint; another one differs.
        assert_eq!(issues[1]["fingerprint"], issues[2]["fingerprint"]);
        assert_ne!(issues[0]["fingerprint"], issues[1]["fingerprint"]);
    }

    #[test]
    fn quiet_view_sums_up_missing_translations_per_language_and_errors_come_first() {
        let gap = |file: &str, language: &str, fields: usize| {
            let mut d = Diagnostic::for_file(Severity::Warning, Path::new(file), "gap");
            d.translation_gap = Some((language.to_owned(), fields));
            d
        };
        let other = Diagnostic::for_file(Severity::Warning, Path::new("a/profile.yaml"), "old");
        let list = errors_first(vec![
            gap("a/profile.yaml", "ar", 3),
            other.clone(),
            gap("b/en.yaml", "en", 1),
            sample(),
            gap("b/profile.yaml", "ar", 2),
        ]);
        assert_eq!(list[0], sample());
        let (rest, gaps) = quiet(list);
        assert_eq!(rest, vec![sample(), other]);
        let summed: Vec<_> = gaps
            .iter()
            .map(|g| (g.language.as_str(), g.fields, g.actors))
            .collect();
        assert_eq!(summed, vec![("ar", 5, 2), ("en", 1, 1)]);
    }

    #[test]
    fn json_output_counts() {
        let value: serde_json::Value = serde_json::from_str(&render_json(&[sample()])).unwrap();
        assert_eq!(value["errors"], 1);
        assert_eq!(value["diagnostics"][0]["line"], 2);
        assert_eq!(value["diagnostics"][0]["hint"], "did you mean `address`?");
    }
}
