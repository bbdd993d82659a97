//! `steckbrief schema`: write the JSON Schemas that editors' YAML plugins use.

use std::path::PathBuf;
use std::process::ExitCode;

use steckbrief::schema::DocumentKind;

use super::{EXIT_OK, fail};

/// Arguments of `schema`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder to write the schemas into.
    #[arg(long, default_value = "schemas")]
    pub out: PathBuf,
}

/// The text of a schema file as committed: pretty JSON with a final newline.
pub fn schema_text(kind: DocumentKind) -> String {
    let text = serde_json::to_string_pretty(&kind.json_schema()).expect("a JSON value serialises");
    format!("{text}\n")
}

pub fn run(args: &Args) -> ExitCode {
    if let Err(error) = std::fs::create_dir_all(&args.out) {
        return fail(format!("cannot create {}: {error}", args.out.display()));
    }
    for kind in DocumentKind::ALL {
        let path = args.out.join(kind.schema_file_name());
        if let Err(error) = std::fs::write(&path, schema_text(kind)) {
            return fail(format!("cannot write {}: {error}", path.display()));
        }
        eprintln!("wrote {}", path.display());
    }
    ExitCode::from(EXIT_OK)
}
