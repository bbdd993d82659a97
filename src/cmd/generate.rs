//! `steckbrief generate` (hidden): write a synthetic catalogue for benchmarks.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use steckbrief::synthetic::{self, Options};

use super::{EXIT_OK, fail};

/// Arguments of `generate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Number of actors to generate.
    #[arg(long)]
    pub actors: usize,
    /// Keep the first L languages of the template's config.yaml (1 to all of them).
    #[arg(long)]
    pub languages: usize,
    /// Folder to write the catalogue into; replaced if it was generated before, else it must be
    /// empty or missing.
    #[arg(long)]
    pub out: PathBuf,
    /// Seed of the random text; the same arguments give byte-identical files.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Content folder whose config.yaml, content/, i18n/, templates/ and theme/ are used.
    #[arg(long, default_value = ".")]
    pub template_root: PathBuf,
}

pub fn run(args: &Args) -> ExitCode {
    let started = Instant::now();
    let options = Options {
        actors: args.actors,
        languages: Some(args.languages),
        seed: args.seed,
    };
    match synthetic::generate(&args.template_root, &args.out, &options) {
        Ok(written) => {
            eprintln!(
                "generated {} actors in {} languages into {}: {} files, {:.1} MB in {:.2} s",
                args.actors,
                args.languages,
                args.out.display(),
                written.files,
                written.bytes as f64 / 1e6,
                started.elapsed().as_secs_f64()
            );
            ExitCode::from(EXIT_OK)
        }
        Err(error) => fail(error),
    }
}
