use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

mod cmd;

/// Rendering allocates many short-lived strings and tera values on two threads; mimalloc
/// handles that markedly faster than the system allocator (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Keeps the kernel from backing the heap with 2 MiB transparent huge pages, which mimalloc asks
/// for: memory freed inside such a page stays resident with it, so that the check and the build
/// of a large catalogue held a third more memory than they use (issue 16: 10,000 actors).
#[cfg(target_os = "linux")]
fn no_transparent_huge_pages() {
    // SAFETY: prctl with PR_SET_THP_DISABLE only sets a flag of this process; it reads and
    // writes no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[cfg(not(target_os = "linux"))]
fn no_transparent_huge_pages() {}

/// Steckbrief turns YAML profiles of local actors into a multilingual website and a PDF brochure.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write the PDF brochure of every brochure language (or of --lang) into the site folder.
    Brochure(cmd::brochure::Args),
    /// Check the content, then build the website into public/.
    Build(cmd::build::Args),
    /// Check config.yaml and every profile; list all problems with file, line and column.
    Check(cmd::check::Args),
    /// Check the content, then export it in an open standard (hsds: Open Referral HSDS 3.0).
    Export(cmd::export::Args),
    /// Report missing translations, reviews due and actors without a contact person.
    Report(cmd::report::Args),
    /// Serve the site on 127.0.0.1, rebuild on save and reload the browser.
    Serve(cmd::serve::Args),
    /// Write JSON Schemas for config, profile, translation, numbers and UI-string files (for editors).
    Schema(cmd::schema::Args),
    /// Create a new actor folder with a commented profile.yaml to fill in.
    New(cmd::new::Args),
    /// Create the content folder of a new town: config, an example actor, pages with
    /// placeholders to fill in, schemas and editor settings.
    Init(cmd::init::Args),
    /// Print the completion script for a shell (bash, zsh, fish, powershell, elvish).
    Completions(cmd::completions::CompletionsArgs),
    /// Print the manual page (or write one per command with --out DIR).
    Man(cmd::completions::ManArgs),
    /// Write a synthetic catalogue of N actors for benchmarks (deterministic).
    #[cfg(feature = "synthetic")]
    #[command(hide = true)]
    Generate(cmd::generate::Args),
}

fn main() -> ExitCode {
    no_transparent_huge_pages();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let definition = Cli::command();
    // Messages, `--help` and usage errors follow --lang, else the locale, else the content
    // (--root or the working folder), else German; commands choose again for their content.
    steckbrief::messages::set_language(cmd::help::language_of(&definition, &args));
    let mut command = cmd::help::localized(definition);
    let parsed = command
        .try_get_matches_from_mut(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) => return cmd::help::stop(error, &cmd::help::command_path(&command, &args)),
    };
    match &cli.command {
        Command::Brochure(args) => cmd::brochure::run(args),
        Command::Build(args) => cmd::build::run(args),
        Command::Check(args) => cmd::check::run(args),
        Command::Export(args) => cmd::export::run(args),
        Command::Report(args) => cmd::report::run(args),
        Command::Schema(args) => cmd::schema::run(args),
        Command::Serve(args) => cmd::serve::run(args),
        Command::New(args) => cmd::new::run(args),
        Command::Init(args) => cmd::init::run(args),
        // Installed once for every user of a machine, and clap_mangen writes its section names
        // (NAME, SYNOPSIS) in English: both stay English, from the definition's doc comments.
        Command::Completions(args) => cmd::completions::completions(args, Cli::command()),
        Command::Man(args) => cmd::completions::man(args, Cli::command()),
        #[cfg(feature = "synthetic")]
        Command::Generate(args) => cmd::generate::run(args),
    }
}
