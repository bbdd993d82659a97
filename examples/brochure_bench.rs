//! Times the brochure: every brochure language of the example content, then one language of a
//! generated catalogue of N actors (default 500).
//!
//! ```sh
//! cargo run --release --example brochure_bench -- [N] [LANG]
//! ```

use std::path::Path;
use std::time::Instant;

use jiff::civil::Date;
use steckbrief::brochure;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().map_or(Ok(500), |n| n.parse())?;
    let language = args.next().unwrap_or_else(|| "de".to_owned());
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let today = Date::new(2026, 11, 28)?;
    let out = tempfile::tempdir()?;

    let catalog = load(repo, today)?;
    let as_of = brochure::as_of_date(&catalog)?;
    let started = Instant::now();
    let written = brochure::render_all(&catalog, out.path(), as_of)?;
    let pages: usize = written.iter().map(|w| w.pages).sum();
    println!(
        "example content: {} actors, {} brochures, {pages} pages in {:.2} s ({} typst warnings)",
        catalog.actors.len(),
        written.len(),
        started.elapsed().as_secs_f64(),
        written.iter().map(|w| w.warnings.len()).sum::<usize>()
    );

    let generated = tempfile::tempdir()?;
    generate(repo, generated.path(), count)?;
    let catalog = load(generated.path(), today)?;
    let started = Instant::now();
    let written =
        brochure::render_languages(&catalog, std::slice::from_ref(&language), out.path(), as_of)?;
    println!(
        "generated: {} actors, 1 brochure ({language}), {} pages in {:.2} s ({} typst warnings)",
        catalog.actors.len(),
        written[0].pages,
        started.elapsed().as_secs_f64(),
        written[0].warnings.len()
    );
    Ok(())
}

fn load(root: &Path, today: Date) -> Result<steckbrief::catalog::Catalog, String> {
    let checked = steckbrief::check(root, today).map_err(|e| e.to_string())?;
    let errors = checked.diagnostics.error_count();
    checked.catalog.ok_or_else(|| {
        let first = checked.diagnostics.sorted().into_iter().next();
        format!("{}: {errors} errors, first: {first:?}", root.display())
    })
}

/// A content folder with the example configuration and `count` made-up actors.
fn generate(repo: &Path, root: &Path, count: usize) -> std::io::Result<()> {
    std::fs::copy(repo.join("config.yaml"), root.join("config.yaml"))?;
    std::fs::create_dir_all(root.join("theme"))?;
    std::fs::copy(repo.join("theme/logo.svg"), root.join("theme/logo.svg"))?;
    std::fs::create_dir_all(root.join("i18n"))?;
    for entry in std::fs::read_dir(repo.join("i18n"))? {
        let entry = entry?;
        std::fs::copy(entry.path(), root.join("i18n").join(entry.file_name()))?;
    }
    let topics = [
        "work",
        "training",
        "recognition",
        "language",
        "counselling",
        "authorities",
        "housing",
        "health",
        "volunteering",
        "employers",
    ];
    for i in 0..count {
        let dir = root.join(format!("actors/einrichtung-{i:04}"));
        std::fs::create_dir_all(&dir)?;
        let first = topics[i % topics.len()];
        let second = topics[(i * 7 + 3) % topics.len()];
        std::fs::write(
            dir.join("profile.yaml"),
            format!(
                r#"name: Beratungsstelle Nummer {i:04} für Arbeit und Integration
short_name: Stelle {i}
operator: Trägerverein {i} e.V.
kind: counselling
topics: [{first}, {second}]
target_groups: [refugees, immigrants]
summary: Wir beraten Geflüchtete und Neuzugewanderte zu Arbeit, Ausbildung und Sprache.
description: |
  Die Beratung ist **kostenlos** und vertraulich. Bringen Sie bitte Ihre Unterlagen mit.

  ## Was Sie mitbringen sollten
  - Ausweis oder Aufenthaltstitel
  - Zeugnisse und Bescheide

  Mehr auf [example.org](https://example.org/{i}).
offers:
  - Beratung zu Arbeit und Ausbildung
  - Hilfe bei Bewerbungen
  - Vermittlung in Deutschkurse
costs: kostenlos
contacts:
  - name: Person A{i}
    role: Beraterin
    phone: 06861 {p:04}-1
    email: a{i}@example.org
    languages: [de, en, ar]
  - name: Person B{i}
    role: Berater
    phone: 06861 {p:04}-2
    email: b{i}@example.org
    languages: [de, fa, tr]
address:
  street: Hauptstraße {i}
  postcode: "66663"
  city: Merzig
opening_hours:
  weekly:
    - days: Mo-Do
      times: ["08:00-12:00", "13:00-16:00"]
    - days: Fr
      times: ["08:00-12:00"]
  note: In den Ferien nur vormittags.
consultation_hours:
  weekly: []
  appointment: only
phone: 06861 {p:04}-0
email: info{i}@example.org
website: https://example.org/{i}
languages: [de, en, ar, fa, tr]
accessibility:
  wheelchair: partial
  note: Rampe am Seiteneingang.
transport: Bushaltestelle Markt, 5 Minuten zu Fuß.
last_reviewed: 2026-06-01
"#,
                p = 1000 + i
            ),
        )?;
    }
    Ok(())
}
