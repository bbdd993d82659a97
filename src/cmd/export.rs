//! `steckbrief export hsds`: check the content, then write it as Open Referral HSDS 3.0.

use std::path::PathBuf;
use std::process::ExitCode;

use steckbrief::{hsds, messages};

use super::{EXIT_OK, fail};

/// Arguments of `export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub format: Format,
}

/// The formats `export` writes.
#[derive(Debug, clap::Subcommand)]
pub enum Format {
    /// Open Referral HSDS 3.0: one JSON file per endpoint of the HSDS API (the same files as
    /// data/hsds/ in every build).
    Hsds(HsdsArgs),
}

/// Arguments of `export hsds`.
#[derive(Debug, clap::Args)]
pub struct HsdsArgs {
    /// The content folder (with config.yaml and actors/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// The folder to write the files into (created if missing; other files in it are kept).
    #[arg(long, default_value = "hsds")]
    pub out: PathBuf,
}

/// Runs `export`: exit code 1 if the content has errors, 2 on usage or I/O errors.
pub fn run(args: &Args) -> ExitCode {
    let Format::Hsds(args) = &args.format;
    super::LangArg { lang: None }.apply(&args.root);
    let catalog = match super::valid_catalog(
        &args.root,
        steckbrief::today(),
        &messages::nothing_written(),
    ) {
        Ok(catalog) => catalog,
        Err(code) => return code,
    };
    if let Err(error) = std::fs::create_dir_all(&args.out) {
        return fail(messages::cannot_create(
            &args.out.display().to_string(),
            &error,
        ));
    }
    for file in hsds::File::ALL {
        let path = args.out.join(file.name());
        let written = std::fs::File::create(&path).and_then(|out| {
            let mut out = std::io::BufWriter::new(out);
            file.write(&catalog, &mut out)?;
            std::io::Write::flush(&mut out)
        });
        if let Err(error) = written {
            return fail(messages::cannot_write(&path.display().to_string(), &error));
        }
        eprintln!("{}", messages::wrote(&path.display().to_string()));
    }
    ExitCode::from(EXIT_OK)
}
