//! `--help` and the usage errors in the language of the messages (the manual page and the
//! shell completions stay English: see main.rs).
//!
//! The command-line definition stays the derive structs (src/main.rs and each command's `Args`),
//! whose doc comments are the English texts; [`localized`] replaces every text of the built
//! [`Command`] — about, argument help, headings, the usage line, the built-in `--help`,
//! `--version` and `help` — from the message catalogue. So the language has to be known before
//! parsing: [`language_of`] reads `--lang` and `--root` from the raw arguments.

use std::ffi::OsString;
use std::path::Path;
use std::process::ExitCode;

use clap::Command;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use steckbrief::messages::{self, Language};

use super::EXIT_USAGE;

/// The language of the messages, read before the command line is parsed: `--lang` if the
/// command has a message language (not `brochure`, whose `--lang` picks the brochure), else as
/// [`super::resolve_language`] decides for `--root` (default: the working folder).
pub fn language_of(command: &Command, args: &[OsString]) -> Language {
    let words: Vec<&str> = args.iter().skip(1).filter_map(|a| a.to_str()).collect();
    let value = |name: &str| {
        let flag = format!("--{name}");
        let prefix = format!("--{name}=");
        words.iter().enumerate().find_map(|(i, word)| {
            if *word == flag {
                words.get(i + 1).copied()
            } else {
                word.strip_prefix(&prefix)
            }
        })
    };
    let subcommand = words
        .iter()
        .find(|word| !word.starts_with('-'))
        .and_then(|name| command.find_subcommand(name));
    let has_message_language = subcommand.is_some_and(|sub| {
        sub.get_arguments()
            .any(|arg| arg.get_id() == "lang" && !arg.get_possible_values().is_empty())
    });
    let flag = value("lang")
        .filter(|_| has_message_language)
        .and_then(Language::from_code);
    super::resolve_language(flag, Path::new(value("root").unwrap_or(".")))
}

/// The headings and placeholders, which clap takes only as `&'static str` (without its
/// `string` feature): made once per run.
struct Headings {
    arguments: &'static str,
    options: &'static str,
    commands: &'static str,
    command: &'static str,
    folder: &'static str,
    language: &'static str,
    slug: &'static str,
}

/// `command` (built) with every text in the language of the messages.
pub fn localized(mut command: Command) -> Command {
    command.build();
    let leak = |text: String| -> &'static str { Box::leak(text.into_boxed_str()) };
    let headings = Headings {
        arguments: leak(messages::cli_arguments_heading()),
        options: leak(messages::cli_options_heading()),
        commands: leak(messages::cli_commands_heading()),
        command: leak(messages::cli_command_placeholder()),
        folder: leak(messages::cli_folder_placeholder()),
        language: leak(messages::cli_language_placeholder()),
        slug: leak(messages::cli_slug_placeholder()),
    };
    localize(command, "", &headings)
}

/// The texts of `command`, whose path below `steckbrief` is `path` ("", "build", "export hsds").
fn localize(command: Command, path: &str, headings: &Headings) -> Command {
    let usage_style = *command.get_styles().get_usage();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{usage_style}{}:{usage_style:#} {{usage}}\n\n{{all-args}}{{after-help}}",
        messages::cli_usage_heading()
    );
    // The `help` command and its copies of the others ("help build"), which clap adds.
    let generated_help = path == "help" || path.ends_with(" help");
    let about = if generated_help {
        Some(messages::cli_help_command())
    } else {
        about(path.strip_prefix("help ").unwrap_or(path))
    };
    let mut command = command
        .help_template(template)
        .subcommand_help_heading(headings.commands)
        .subcommand_value_name(headings.command)
        .mut_args(|arg| localize_arg(arg, path, headings));
    if let Some(about) = about {
        command = command.about(about).long_about(None::<&'static str>);
    }
    // clap writes `[OPTIONS]` itself; the usage line is taken as clap makes it, translated.
    let usage = command.render_usage().to_string();
    let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage).replace(
        "[OPTIONS]",
        &format!("[{}]", messages::cli_options_placeholder()),
    );
    command.override_usage(usage).mut_subcommands(|sub| {
        let sub_path = if path.is_empty() {
            sub.get_name().to_owned()
        } else {
            format!("{path} {}", sub.get_name())
        };
        localize(sub, &sub_path, headings)
    })
}

/// The help of one argument, its heading, and its values and default in the same language.
fn localize_arg(arg: clap::Arg, path: &str, headings: &Headings) -> clap::Arg {
    let heading = if arg.is_positional() {
        headings.arguments
    } else {
        headings.options
    };
    let arg = arg.help_heading(heading);
    let id = arg.get_id().as_str().to_owned();
    match id.as_str() {
        "help" if arg.get_long_help().is_some() => {
            return arg
                .help(messages::cli_help_short())
                .long_help(messages::cli_help_long());
        }
        "help" => return arg.help(messages::cli_help()),
        "version" => return arg.help(messages::cli_version()),
        _ => {}
    }
    let Some(text) = arg_help(path, &id) else {
        return arg;
    };
    // The placeholder of the value (`--root <ORDNER>`); the others (FORMAT, PORT) read the same
    // in both languages.
    let placeholder = match id.as_str() {
        "root" | "out" | "dir" => Some(headings.folder),
        "lang" => Some(headings.language),
        "slug" => Some(headings.slug),
        "subcommand" => Some(headings.command),
        _ => None,
    };
    let arg = match placeholder {
        Some(placeholder) => arg.value_name(placeholder),
        None => arg,
    };
    // clap writes "[default: …]" and "possible values" in English: they become part of the text.
    let default = (arg.get_action().takes_values() && !arg.is_hide_default_value_set())
        .then(|| {
            arg.get_default_values()
                .iter()
                .map(|value| value.to_string_lossy())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|values| !values.is_empty())
        .map(|values| messages::cli_default(&values));
    let values: Vec<(String, Option<String>)> = if arg.is_hide_possible_values_set() {
        Vec::new()
    } else {
        arg.get_possible_values()
            .iter()
            .filter(|value| !value.is_hide_set())
            .map(|value| {
                let name = value.get_name().to_owned();
                let help = value_help(path, &id, &name)
                    .or_else(|| value.get_help().map(ToString::to_string));
                (name, help)
            })
            .collect()
    };
    let mut short = text.clone();
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(|(name, _)| name.as_str()).collect();
        short.push_str(&format!(
            " [{}: {}]",
            messages::cli_possible_values(),
            names.join(", ")
        ));
    }
    if let Some(default) = &default {
        short.push(' ');
        short.push_str(default);
    }
    // With a description per value, `--help` lists them one per line, as clap does.
    let long = values.iter().any(|(_, help)| help.is_some()).then(|| {
        let mut long = format!("{text}\n\n{}:", messages::cli_possible_values());
        for (name, help) in &values {
            long.push_str(&format!("\n- {name}"));
            if let Some(help) = help {
                long.push_str(&format!(": {help}"));
            }
        }
        if let Some(default) = &default {
            long.push_str(&format!("\n\n{default}"));
        }
        long
    });
    let arg = match long {
        Some(long) => arg.long_help(long),
        None => arg.long_help(None::<&'static str>),
    };
    arg.help(short)
        .hide_default_value(true)
        .hide_possible_values(true)
}

/// The about of the command at `path`.
fn about(path: &str) -> Option<String> {
    Some(match path {
        "" => messages::cli_about(),
        "brochure" => messages::cli_about_brochure(),
        "build" => messages::cli_about_build(),
        "check" => messages::cli_about_check(),
        "export" => messages::cli_about_export(),
        "export hsds" => messages::cli_about_export_hsds(),
        "report" => messages::cli_about_report(),
        "serve" => messages::cli_about_serve(),
        "schema" => messages::cli_about_schema(),
        "new" => messages::cli_about_new(),
        "init" => messages::cli_about_init(),
        "completions" => messages::cli_about_completions(),
        "man" => messages::cli_about_man(),
        _ => return None,
    })
}

/// The help of the argument `id` of the command at `path`; `None` leaves the doc comment
/// (English), which tests/messages.rs refuses for every command `--help` shows.
fn arg_help(path: &str, id: &str) -> Option<String> {
    Some(match (path, id) {
        ("schema", "root") => messages::cli_arg_schema_root(),
        (_, "root") => messages::cli_arg_root(),
        ("brochure", "lang") => messages::cli_arg_brochure_lang(),
        (_, "lang") => messages::cli_arg_lang(),
        ("brochure", "out") => messages::cli_arg_brochure_out(),
        ("build", "out") => messages::cli_arg_build_out(),
        ("export hsds", "out") => messages::cli_arg_export_out(),
        ("schema", "out") => messages::cli_arg_schema_out(),
        ("man", "out") => messages::cli_arg_man_out(),
        ("build", "no_brochures") => messages::cli_arg_no_brochures(),
        (_, "no_cache") => messages::cli_arg_no_cache(),
        ("build", "quiet") => messages::cli_arg_build_quiet(),
        ("build", "verbose") => messages::cli_arg_build_verbose(),
        ("check", "format") => messages::cli_arg_check_format(),
        ("check", "quiet") => messages::cli_arg_check_quiet(),
        ("check", "verbose") => messages::cli_arg_check_verbose(),
        ("report", "format") => messages::cli_arg_report_format(),
        ("serve", "port") => messages::cli_arg_port(),
        ("serve", "open") => messages::cli_arg_open(),
        ("new", "slug") => messages::cli_arg_slug(),
        ("init", "dir") => messages::cli_arg_init_dir(),
        ("init", "town") => messages::cli_arg_town(),
        ("completions", "shell") => messages::cli_arg_shell(),
        ("help", "subcommand") => messages::cli_help_command_argument(),
        _ => return None,
    })
}

/// The description of one value of an argument with fixed values; `None` keeps the value's doc
/// comment (the languages of `--lang` name themselves).
fn value_help(path: &str, id: &str, value: &str) -> Option<String> {
    Some(match (path, id, value) {
        ("check", "format", "human") => messages::cli_value_check_human(),
        ("check", "format", "json") => messages::cli_value_check_json(),
        ("check", "format", "github") => messages::cli_value_check_github(),
        ("check", "format", "gitlab") => messages::cli_value_check_gitlab(),
        ("report", "format", "human") => messages::cli_value_report_human(),
        ("report", "format", "json") => messages::cli_value_report_json(),
        ("report", "format", "markdown") => messages::cli_value_report_markdown(),
        _ => return None,
    })
}

/// The command `args` run, as far as `command` knows its words: "steckbrief build".
pub fn command_path(command: &Command, args: &[OsString]) -> String {
    let mut path = vec![command.get_name().to_owned()];
    let mut current = command;
    for word in args.iter().skip(1).filter_map(|a| a.to_str()) {
        if let Some(sub) = current.find_subcommand(word) {
            path.push(sub.get_name().to_owned());
            current = sub;
        }
    }
    path.join(" ")
}

/// Ends the run on what parsing the command line gave instead of arguments: the help or the
/// version (printed, exit 0), or a usage error in the language of the messages (exit 2);
/// `command` is what was run ([`command_path`]), for where to read more.
pub fn stop(error: clap::Error, command: &str) -> ExitCode {
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = error.print();
        return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(EXIT_USAGE));
    }
    match usage_error(&error, command) {
        Some(text) => eprint!("{text}"),
        // A kind of error this file does not know: clap's own words, in English.
        None => {
            let _ = error.print();
        }
    }
    ExitCode::from(EXIT_USAGE)
}

/// A usage error as the catalogue says it: what is wrong, a close match, the usage line (where
/// clap gives one) and where to read more. `None` for kinds the catalogue has no words for.
fn usage_error(error: &clap::Error, command: &str) -> Option<String> {
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(text)) => Some(text.clone()),
        Some(ContextValue::Strings(texts)) => Some(texts.join("`, `")),
        _ => None,
    };
    let argument = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let message = match (error.kind(), argument.as_deref(), value.as_deref()) {
        (ErrorKind::UnknownArgument, Some(argument), _) => messages::cli_unknown_argument(argument),
        (ErrorKind::InvalidSubcommand, _, _) => {
            messages::cli_unknown_command(&text(ContextKind::InvalidSubcommand)?)
        }
        (ErrorKind::InvalidValue, Some(argument), Some("")) => {
            messages::cli_value_missing(argument)
        }
        (ErrorKind::InvalidValue, Some(argument), Some(value)) => {
            messages::cli_invalid_value(value, argument)
        }
        // The reason comes from the value's parser (a port that is no number), in English.
        (ErrorKind::ValueValidation, Some(argument), Some(value)) => {
            let reason = std::error::Error::source(error)
                .map(|source| format!(": {source}"))
                .unwrap_or_default();
            format!("{}{reason}", messages::cli_invalid_value(value, argument))
        }
        (ErrorKind::TooManyValues, Some(argument), Some(value)) => {
            messages::cli_unexpected_value(value, argument)
        }
        (ErrorKind::MissingRequiredArgument, Some(arguments), _) => {
            messages::cli_missing_arguments(&format!("`{arguments}`"))
        }
        (ErrorKind::MissingSubcommand, _, _) => {
            messages::cli_missing_command(&text(ContextKind::InvalidSubcommand)?)
        }
        (ErrorKind::ArgumentConflict, Some(argument), _) => match text(ContextKind::PriorArg) {
            Some(prior) if prior == argument => messages::cli_repeated(argument),
            Some(prior) => messages::cli_conflict(argument, &prior),
            None => return None,
        },
        _ => return None,
    };
    let mut out = format!("{}\n", messages::fatal(&message));
    let hint = |text: String| format!("  {}: {text}\n", messages::label_hint());
    if let Some(values) = text(ContextKind::ValidValue).filter(|v| !v.is_empty()) {
        out.push_str(&hint(messages::cli_possible_values_hint(&format!(
            "`{values}`"
        ))));
    }
    for kind in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        if let Some(suggestion) = text(kind) {
            out.push_str(&hint(messages::cli_did_you_mean(&suggestion)));
        }
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.split_once(": ").map_or(usage.as_str(), |(_, u)| u);
        out.push_str(&format!("\n{}: {usage}\n", messages::cli_usage_heading()));
    }
    out.push_str(&format!("\n{}\n", messages::cli_more_information(command)));
    Some(out)
}
