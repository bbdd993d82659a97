//! The first line of every YAML file an editor writes, `# yaml-language-server: $schema=…`,
//! tells the editor's YAML plugin which schema to check the file against. Its path is relative
//! to the file, so it depends on how deep the file lies (`actors/stadt/buergerbuero/` is one
//! level deeper than `actors/jobcenter/`); a wrong one leaves the editor without any checks
//! ("Unable to load schema"), which `check` reports as a warning with the right line.

use std::path::{Component, Path, PathBuf};

use crate::diagnostics::{Diagnostic, Severity};
use crate::messages;
use crate::schema::DocumentKind;
use crate::source::SourceFile;
use crate::yaml::Position;

const PREFIX: &str = "# yaml-language-server: $schema=";

/// The line pointing a file at `relative` (to the content root) to its schema in `schemas/`.
pub fn schema_line(relative: &Path, kind: DocumentKind) -> String {
    let depth = relative.components().count().saturating_sub(1);
    format!(
        "{PREFIX}{}schemas/{}",
        "../".repeat(depth),
        kind.schema_file_name()
    )
}

/// A warning if `file` has a `$schema` line whose relative path does not lead to its schema.
/// Files without the line (the editor settings map them by name) and schemas given as web
/// addresses are left alone.
pub fn check(file: &SourceFile, kind: DocumentKind) -> Option<Diagnostic> {
    let (index, line) = file
        .text
        .lines()
        .enumerate()
        .take_while(|(_, line)| line.trim_start().starts_with('#') || line.trim().is_empty())
        .find(|(_, line)| line.trim_start().starts_with(PREFIX))?;
    let target = line.trim_start()[PREFIX.len()..].trim();
    if target.contains("://") {
        return None;
    }
    let folder = file.relative.parent().unwrap_or(Path::new(""));
    let expected = Path::new("schemas").join(kind.schema_file_name());
    if normalise(&folder.join(target)) == Some(expected) {
        return None;
    }
    let position = Position {
        line: index + 1,
        column: line.find('$').map_or(1, |i| i + 1),
    };
    Some(
        wrong_schema_line(file, target, &schema_line(&file.relative, kind))
            .at(position, &file.text),
    )
}

/// `path` with `.` and `..` resolved, or `None` if it climbs out of the content root or is
/// absolute.
fn normalise(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

/// The `$schema` line of `file` points to `target`; `right` is the line that works.
fn wrong_schema_line(file: &SourceFile, target: &str, right: &str) -> Diagnostic {
    Diagnostic::for_file(
        Severity::Warning,
        &file.relative,
        messages::wrong_schema_line(target),
    )
    .with_hint(messages::wrong_schema_line_hint(right))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(relative: &str, text: &str) -> SourceFile {
        SourceFile {
            path: PathBuf::from(relative),
            relative: PathBuf::from(relative),
            text: text.to_owned(),
        }
    }

    #[test]
    fn the_line_depends_on_the_depth() {
        assert_eq!(
            schema_line(
                Path::new("actors/stadt/amt/profile.yaml"),
                DocumentKind::Profile
            ),
            "# yaml-language-server: $schema=../../../schemas/profile.schema.json"
        );
        assert_eq!(
            schema_line(Path::new("config.yaml"), DocumentKind::Config),
            "# yaml-language-server: $schema=schemas/config.schema.json"
        );
    }

    #[test]
    fn a_wrong_path_is_a_warning_with_the_right_line() {
        let text = "# yaml-language-server: $schema=../../schemas/profile.schema.json\nname: A\n";
        assert!(
            check(
                &file("actors/amt/profile.yaml", text),
                DocumentKind::Profile
            )
            .is_none()
        );
        let warning = check(
            &file("actors/stadt/amt/profile.yaml", text),
            DocumentKind::Profile,
        )
        .unwrap();
        assert_eq!(warning.severity, Severity::Warning);
        assert_eq!((warning.line, warning.column), (Some(1), Some(25)));
        assert!(
            warning
                .hint
                .as_deref()
                .unwrap()
                .ends_with("$schema=../../../schemas/profile.schema.json"),
            "{warning:?}"
        );
        // The wrong kind of schema, too.
        assert!(check(&file("actors/amt/en.yaml", text), DocumentKind::Translation).is_some());
        // No line, or a web address: nothing to say.
        assert!(
            check(
                &file("actors/stadt/amt/profile.yaml", "name: A\n"),
                DocumentKind::Profile
            )
            .is_none()
        );
        let web = "# yaml-language-server: $schema=https://example.org/p.json\n";
        assert!(check(&file("actors/amt/profile.yaml", web), DocumentKind::Profile).is_none());
    }
}
