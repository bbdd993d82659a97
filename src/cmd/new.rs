//! `steckbrief new <slug>`: scaffold an actor folder with every field present and explained.
//!
//! The template is German because the people filling it in are the contact point's staff. It
//! lists the topic, target-group and language ids of the current config.yaml, so editors can copy
//! them without looking elsewhere.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use steckbrief::config::{Category, Config};
use steckbrief::diagnostics::Diagnostics;
use steckbrief::load::{ACTORS_DIR, CONFIG_FILE, PROFILE_FILE, read_and_parse};
use steckbrief::schema::{DocumentKind, Schemas};
use steckbrief::validate::Problem;

use steckbrief::messages;

use super::{EXIT_OK, LangArg, fail};

/// Arguments of `new`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder name of the new actor; becomes its web address (lowercase, digits, hyphens).
    pub slug: String,
    /// The content folder (with config.yaml and actors/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    #[command(flatten)]
    pub lang: LangArg,
}

pub fn run(args: &Args) -> ExitCode {
    args.lang.apply(&args.root);
    if let Err(Problem { message, hint }) = steckbrief::validate::check_slug(&args.slug) {
        return fail(messages::new_bad_slug(&message, &hint));
    }
    let Some(root) = content_root_above(&args.root) else {
        return fail(messages::new_without_content(
            &args.root.display().to_string(),
        ));
    };
    let dir = root.join(ACTORS_DIR).join(&args.slug);
    if dir.exists() {
        return fail(messages::new_exists(
            &dir.display().to_string(),
            PROFILE_FILE,
        ));
    }
    let config = read_and_parse::<Config>(
        &root,
        &root.join(CONFIG_FILE),
        DocumentKind::Config,
        &Schemas::default(),
        &mut Diagnostics::default(),
    )
    .map(|loaded| loaded.value);
    let relative = Path::new(ACTORS_DIR).join(&args.slug).join(PROFILE_FILE);
    let text = format!(
        "{}\n{}",
        steckbrief::validate::schema_line(&relative, DocumentKind::Profile),
        template(config.as_ref(), &steckbrief::today().to_string())
    );
    let path = dir.join(PROFILE_FILE);
    if let Err(error) = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, text)) {
        return fail(messages::cannot_write(&path.display().to_string(), &error));
    }
    eprintln!("{}", messages::new_written(&path.display().to_string()));
    ExitCode::from(EXIT_OK)
}

/// The content folder `start` is in: `start` or the nearest folder above it with a config.yaml
/// (as git finds its repository), so that `new` run inside `actors/` does not create
/// `actors/actors/…`. Written relative to `start` (`..`, `../..`) so that messages stay short.
fn content_root_above(start: &Path) -> Option<PathBuf> {
    let depth = start.canonicalize().ok()?.ancestors().count();
    (0..depth)
        .map(|up| {
            let mut path = if up > 0 && start == Path::new(".") {
                PathBuf::new()
            } else {
                start.to_path_buf()
            };
            path.extend(std::iter::repeat_n("..", up));
            path
        })
        .find(|path| path.join(CONFIG_FILE).is_file())
}

/// The commented profile.yaml for a new actor.
pub fn template(config: Option<&Config>, today: &str) -> String {
    let listing = |categories: Option<&Vec<Category>>| -> String {
        categories
            .map(|list| {
                list.iter()
                    .map(|c| {
                        let label = config
                            .and_then(|cfg| c.label.get(&cfg.source_language))
                            .map_or(String::new(), |l| format!(" ({l})"));
                        format!("#   {}{label}\n", c.id)
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let topics = listing(config.map(|c| &c.topics));
    let groups = listing(config.map(|c| &c.target_groups));
    let languages = config
        .map(|c| {
            c.languages
                .iter()
                .map(|l| format!("{} ({})", l.code, l.name))
                .chain(
                    c.spoken_languages
                        .iter()
                        .map(|(code, name)| format!("{code} ({name})")),
                )
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    TEMPLATE
        .replace("{topics}", &topics)
        .replace("{groups}", &groups)
        .replace("{languages}", &languages)
        .replace("{today}", today)
}

/// The profile after its `$schema` line (which depends on the folder's depth).
const TEMPLATE: &str = r###"#
# Steckbrief – bitte alle Felder mit PFLICHT ausfüllen. Felder ohne Wert bleiben leer
# (nichts hinter dem Doppelpunkt) und erscheinen dann nicht auf der Website.
# Prüfen mit: steckbrief check

# PFLICHT: Vollständiger Name der Einrichtung.
name: ""
# Kurzname für Listen, z. B. "Jobcenter".
short_name:
# Träger der Einrichtung, z. B. "Caritasverband Saar-Hochwald e.V.".
operator:
# PFLICHT: Art der Einrichtung – eine von: authority (Behörde), chamber (Kammer),
# school (Schule/Bildungsträger), counselling (Beratungsstelle), association (Verein/Verband),
# initiative (Ehrenamtliche Initiative), other (Sonstiges).
kind:
# PFLICHT: Themen (mindestens eines, das erste ist das Hauptthema), z. B. [work, language].
# Mögliche Themen:
{topics}topics: []
# PFLICHT: Zielgruppen (mindestens eine), z. B. [refugees].
# Mögliche Zielgruppen:
{groups}target_groups: []
# PFLICHT: Ein Satz: Was bieten Sie an, für wen?
summary: ""
# PFLICHT: Ausführliche Beschreibung. Markdown ist erlaubt: **fett**, Listen mit "- ",
# Zwischenüberschriften mit "## ", Links als [Text](https://…).
description: |

# Angebote, je eines pro Zeile mit "- ".
offers: []
# Kosten, z. B. "kostenlos".
costs:
# Ansprechpersonen. Bitte mindestens eine Person mit Namen nennen.
contacts:
  # PFLICHT: Vor- und Nachname.
  - name: ""
    # Funktion, z. B. "Integrationsfachkraft".
    role:
    # Durchwahl mit Vorwahl, z. B. "06861 9012-210" oder "+49 6861 9012-210".
    phone:
    # E-Mail-Adresse.
    email:
    # Sprachen, die diese Person spricht, z. B. [de, en, ar].
    languages: []
# PFLICHT: Anschrift.
address:
  street: ""
  # Postleitzahl in Anführungszeichen, z. B. "66663".
  postcode: ""
  city: ""
  # Koordinaten (optional), z. B. von openstreetmap.org: Rechtsklick → "Adresse anzeigen".
  latitude:
  longitude:
# Öffnungszeiten. Tage: Mo, Di, Mi, Do, Fr, Sa, So (oder ausgeschrieben: Montag); Bereiche wie
# Mo-Fr; Listen wie "Mo, Mi".
# Zeiten in Anführungszeichen: "08:00-12:00". Geschlossene Tage: { days: Mi, closed: true }.
opening_hours:
  weekly: []
  #  - days: Mo-Fr
  #    times: ["08:00-12:00", "13:00-15:30"]
  # Termine: only (nur nach Vereinbarung) oder also (zusätzlich nach Vereinbarung).
  appointment:
  # Hinweis, z. B. "In den Schulferien nur vormittags."
  note:
# Beratungszeiten, falls anders als die Öffnungszeiten (gleicher Aufbau wie oben).
consultation_hours:
# Zentrale Telefonnummer mit Vorwahl.
phone:
# Zentrale E-Mail-Adresse.
email:
# Website, beginnend mit https://
website:
# Nummer, die WhatsApp-Nachrichten beantwortet, z. B. "0170 1234567".
whatsapp:
# Sprachen, in denen beraten wird. Mögliche Sprachen: {languages}
languages: []
# Barrierefreiheit: wheelchair ist yes, no, partial oder unknown.
accessibility:
  wheelchair: unknown
  note:
# Anfahrt mit Bus und Bahn.
transport:
# PFLICHT: Datum der letzten Prüfung durch die Einrichtung (JJJJ-MM-TT).
last_reviewed: {today}
# Logo: Dateiname eines Bildes in diesem Ordner, z. B. logo.svg (optional).
logo:
"###;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_is_valid_yaml_that_lists_no_ids_without_config() {
        let text = template(None, "2026-11-28");
        let root = steckbrief::yaml::parse(&text).unwrap().unwrap();
        assert_eq!(root.at("/last_reviewed").unwrap().to_json(), "2026-11-28");
    }
}
