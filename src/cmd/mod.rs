//! One module per subcommand; each is a thin layer over the library.

pub mod brochure;
pub mod build;
pub mod check;
pub mod completions;
pub mod export;
#[cfg(feature = "synthetic")]
pub mod generate;
pub mod help;
pub mod init;
pub mod new;
pub mod progress;
pub mod report;
pub mod schema;
pub mod serve;

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use steckbrief::diagnostics::{self, Diagnostic, Diagnostics};
use steckbrief::messages::{self, Language};

/// Exit code: success, warnings allowed.
pub const EXIT_OK: u8 = 0;
/// Exit code: the content has errors.
pub const EXIT_INVALID: u8 = 1;
/// Exit code: wrong usage or an I/O problem.
pub const EXIT_USAGE: u8 = 2;

/// The `--lang` option of the commands editors run.
#[derive(Debug, Clone, clap::Args)]
pub struct LangArg {
    /// Language of the messages (default: the locale if German or English, else the content's
    /// source language, else German).
    #[arg(long = "lang", value_enum)]
    pub lang: Option<MessageLanguage>,
}

/// The languages of the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MessageLanguage {
    /// Deutsch.
    De,
    /// English.
    En,
}

impl LangArg {
    /// Chooses the language of every message of this run (see [`resolve_language`]).
    pub fn apply(&self, root: &Path) {
        let flag = self.lang.map(|l| match l {
            MessageLanguage::De => Language::De,
            MessageLanguage::En => Language::En,
        });
        messages::set_language(resolve_language(flag, root));
    }
}

/// The language of the messages: `flag` (`--lang`) if given; else the locale (`LC_ALL`,
/// `LC_MESSAGES`, `LANG`: the first one set) if it is German or English; else the source language
/// of the content under `root` if it is German or English; else German.
pub fn resolve_language(flag: Option<Language>, root: &Path) -> Language {
    flag.or_else(|| {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
            .and_then(|locale| Language::from_code(&locale))
    })
    .or_else(|| content_language(root))
    .unwrap_or(Language::De)
}

/// The `source_language` of `root`'s config.yaml, read leniently (the file may have errors).
fn content_language(root: &Path) -> Option<Language> {
    let text = std::fs::read_to_string(root.join(steckbrief::load::CONFIG_FILE)).ok()?;
    let tree = steckbrief::yaml::parse(&text).ok()??;
    let code = tree.at("/source_language")?.to_json();
    code.as_str().and_then(Language::from_code)
}

/// Prints a fatal problem and returns the usage/I/O exit code.
pub fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("{}", messages::fatal(&message.to_string()));
    ExitCode::from(EXIT_USAGE)
}

/// "checked 29 actors: 0 errors, 41 warnings".
pub fn summary_line(diagnostics: &Diagnostics, actors: usize) -> String {
    messages::summary(
        actors,
        diagnostics.error_count(),
        diagnostics.warning_count(),
    )
}

/// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
pub fn use_colour() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// The problems for a reader, errors first; unless `verbose`, the warnings about missing
/// translations are summed up per language instead of listed. Returns the list to print, the
/// summary lines to print after it, and the closing line saying how to see all (if some were
/// left out); `command` is what to run again with `--verbose`.
pub fn readable(
    diagnostics: Diagnostics,
    verbose: bool,
    command: &str,
) -> (
    Vec<Diagnostic>,
    Vec<diagnostics::GapSummary>,
    Option<String>,
) {
    let list = diagnostics::errors_first(diagnostics.sorted());
    if verbose {
        return (list, Vec::new(), None);
    }
    let (list, gaps) = diagnostics::quiet(list);
    let hidden: usize = gaps.iter().map(|g| g.actors).sum();
    let closing = (hidden > 0).then(|| messages::hidden_warnings(hidden, command));
    (list, gaps, closing)
}

/// Prints the problems to stderr as [`readable`] gives them, with the summary line `summary`
/// between the gap lines and the closing line.
pub fn print_human(diagnostics: Diagnostics, verbose: bool, command: &str, summary: &str) {
    let (list, gaps, closing) = readable(diagnostics, verbose, command);
    eprint!("{}", diagnostics::render_human(&list, use_colour()));
    for gap in &gaps {
        eprintln!(
            "{}",
            messages::translation_gaps(&gap.language, gap.fields, gap.actors)
        );
    }
    eprintln!("{summary}");
    if let Some(closing) = closing {
        eprintln!("{closing}");
    }
}

/// The checked catalogue of `root` for a command that needs valid content; otherwise the exit
/// code, after printing the fatal error (2) or every problem and `consequence` (1).
pub fn valid_catalog(
    root: &Path,
    today: jiff::civil::Date,
    consequence: &str,
) -> Result<steckbrief::catalog::Catalog, ExitCode> {
    let mut checked = steckbrief::check(root, today).map_err(fail)?;
    checked
        .catalog
        .take()
        .ok_or_else(|| invalid_content(checked, consequence, "steckbrief check", false))
}

/// Prints every problem and the summary of content that has errors; returns exit code 1.
/// `consequence` says what did not happen ("nothing was built; public is unchanged");
/// `command` and `verbose` as for [`print_human`].
pub fn invalid_content(
    checked: steckbrief::Checked,
    consequence: &str,
    command: &str,
    verbose: bool,
) -> ExitCode {
    let summary = summary_line(&checked.diagnostics, checked.actor_count);
    print_human(checked.diagnostics, verbose, command, &summary);
    eprintln!("{consequence}");
    ExitCode::from(EXIT_INVALID)
}
