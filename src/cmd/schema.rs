//! `steckbrief schema`: write the JSON Schemas that editors' YAML plugins use.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use steckbrief::config::Config;
use steckbrief::diagnostics::Diagnostics;
use steckbrief::editor_schema::EditorFile;
use steckbrief::i18n::I18n;
use steckbrief::load::{CONFIG_FILE, read_and_parse};
use steckbrief::messages;
use steckbrief::schema::{DocumentKind, Schemas};

use super::{EXIT_OK, fail};

/// Arguments of `schema`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder to write the schemas into (default: `schemas/` in the content folder).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// The content folder whose config.yaml supplies the topic, target-group and language ids.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

/// The schemas' input read from the content root `root`: its configuration (if valid enough to
/// read) and the UI strings of its source language.
pub struct Sources {
    config: Option<Config>,
    strings: Vec<(String, String)>,
}

impl Sources {
    /// Reads config.yaml and the UI strings of `root`; what cannot be read is left out.
    pub fn read(root: &Path) -> Sources {
        let mut ignored = Diagnostics::default();
        let config = read_and_parse::<Config>(
            root,
            &root.join(CONFIG_FILE),
            DocumentKind::Config,
            &Schemas::default(),
            &mut ignored,
        )
        .map(|loaded| loaded.value);
        let strings = config
            .as_ref()
            .map(|config| {
                I18n::load(root, config, &mut ignored)
                    .table(&config.source_language)
                    .into_iter()
                    .map(|(key, text)| (key.to_owned(), text.to_owned()))
                    .collect()
            })
            .unwrap_or_default();
        Sources { config, strings }
    }

    /// The text of a schema file as committed: pretty JSON with a final newline.
    pub fn schema_text(&self, file: EditorFile) -> String {
        let schema = file.schema(self.config.as_ref(), &self.strings);
        let text = serde_json::to_string_pretty(&schema).expect("a JSON value serialises");
        format!("{text}\n")
    }
}

pub fn run(args: &Args) -> ExitCode {
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| args.root.join("schemas"));
    if let Err(error) = std::fs::create_dir_all(&out) {
        return fail(messages::cannot_create(&out.display().to_string(), &error));
    }
    super::LangArg { lang: None }.apply(&args.root);
    let sources = Sources::read(&args.root);
    if sources.config.is_none() {
        eprintln!(
            "{}",
            messages::schema_without_config(&args.root.display().to_string())
        );
    }
    for file in EditorFile::ALL {
        let path = out.join(file.schema_file_name());
        if let Err(error) = std::fs::write(&path, sources.schema_text(file)) {
            return fail(messages::cannot_write(&path.display().to_string(), &error));
        }
        eprintln!("{}", messages::wrote(&path.display().to_string()));
    }
    ExitCode::from(EXIT_OK)
}
