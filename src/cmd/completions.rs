//! `steckbrief completions <shell>` and `steckbrief man`: shell completions and manual pages,
//! generated from the same command-line definition as the program's `--help`.

use std::path::PathBuf;
use std::process::ExitCode;

use steckbrief::messages;

use super::{EXIT_OK, fail};

/// Arguments of `completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete for. Bash: `steckbrief completions bash > ~/.local/share/bash-completion/completions/steckbrief`;
    /// zsh: into a folder on `$fpath` as `_steckbrief`; fish: `~/.config/fish/completions/steckbrief.fish`;
    /// PowerShell: `steckbrief completions powershell | Out-String | Invoke-Expression` in `$PROFILE`.
    pub shell: clap_complete::Shell,
}

/// Arguments of `man`.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write one page per command (steckbrief.1, steckbrief-build.1, …) into this folder instead
    /// of printing the page of steckbrief itself.
    #[arg(long, value_hint = clap::ValueHint::DirPath)]
    pub out: Option<PathBuf>,
}

/// Prints the completion script for `args.shell` to stdout.
pub fn completions(args: &CompletionsArgs, mut command: clap::Command) -> ExitCode {
    let name = command.get_name().to_owned();
    clap_complete::generate(args.shell, &mut command, name, &mut std::io::stdout());
    ExitCode::from(EXIT_OK)
}

/// Prints the manual page (roff) to stdout, or writes every page into `args.out`.
pub fn man(args: &ManArgs, command: clap::Command) -> ExitCode {
    match &args.out {
        None => {
            if let Err(error) = clap_mangen::Man::new(command).render(&mut std::io::stdout()) {
                return fail(messages::cannot_write("man", &error));
            }
        }
        Some(out) => {
            let written =
                std::fs::create_dir_all(out).and_then(|()| clap_mangen::generate_to(command, out));
            if let Err(error) = written {
                return fail(messages::cannot_write(&out.display().to_string(), &error));
            }
            eprintln!("{}", messages::wrote(&out.display().to_string()));
        }
    }
    ExitCode::from(EXIT_OK)
}
