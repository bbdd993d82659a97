//! `steckbrief init <dir> [--town NAME]`: a new town's content folder, ready to fill in.
//!
//! It holds config.yaml (the town's name, German and English, a starting set of topics and
//! target groups), one example actor (the central contact point), the imprint, privacy and
//! accessibility pages, a foreword, the important nationwide numbers, the JSON Schemas and the
//! editor settings for VS Code. What only the town can know (its address, the people
//! responsible, the data-protection authority of its state) is a placeholder `[[…]]`, which
//! `check` reports as an error until it is replaced; nothing of the Merzig example is copied.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use steckbrief::editor_schema::EditorFile;
use steckbrief::load::{ACTORS_DIR, CONFIG_FILE, NUMBERS_FILE, PAGES_DIR, PROFILE_FILE};
use steckbrief::messages;

use super::{EXIT_OK, fail};

/// Arguments of `init`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder to create the content in; it must not exist or be empty (a clone of an empty
    /// repository, with nothing but .git, counts as empty).
    #[arg(value_hint = clap::ValueHint::DirPath)]
    pub dir: PathBuf,
    /// Name of the town or district, e.g. "Saarlouis". Without it, config.yaml and the pages
    /// hold a placeholder that `check` reports until it is filled in.
    #[arg(long)]
    pub town: Option<String>,
}

/// The placeholder for the town's name when `--town` is not given.
const TOWN_PLACEHOLDER: &str = "[[Name der Stadt]]";
/// Folder name of the example actor (also `brochure.contact_point` in the config template).
const EXAMPLE_ACTOR: &str = "anlaufstelle";
/// Longest town name accepted: it is part of the title on every page and the brochure cover.
const MAX_TOWN: usize = 100;

const CONFIG: &str = include_str!("init/config.yaml");
const NUMBERS: &str = include_str!("init/numbers.yaml");
const PROFILE: &str = include_str!("init/profile.yaml");
const PROFILE_EN: &str = include_str!("init/en.yaml");
/// A neutral signpost until the town puts in its own logo (the built-in default is Merzig's "M").
const LOGO: &str = include_str!("init/logo.svg");
/// The content pages: (id, language, text).
const PAGES: [(&str, &str, &str); 8] = [
    ("imprint", "de", include_str!("init/pages/imprint.de.md")),
    ("imprint", "en", include_str!("init/pages/imprint.en.md")),
    ("privacy", "de", include_str!("init/pages/privacy.de.md")),
    ("privacy", "en", include_str!("init/pages/privacy.en.md")),
    (
        "accessibility",
        "de",
        include_str!("init/pages/accessibility.de.md"),
    ),
    (
        "accessibility",
        "en",
        include_str!("init/pages/accessibility.en.md"),
    ),
    ("foreword", "de", include_str!("init/pages/foreword.de.md")),
    ("foreword", "en", include_str!("init/pages/foreword.en.md")),
];
/// Keeps the build output and its lock file out of git, and the program where docs/EDITING.md
/// suggests putting it (beside config.yaml).
const GITIGNORE: &str = "/public\n/public.*\n/.public.steckbrief-lock\n/steckbrief\n/steckbrief.exe\n/.steckbrief-cache/\n";
/// VS Code suggests the YAML extension when the folder is opened.
const VSCODE_EXTENSIONS: &str = include_str!("../../.vscode/extensions.json");
/// Which schema checks which file (the same settings as the example content's).
const VSCODE_SETTINGS: &str = include_str!("../../.vscode/settings.json");

pub fn run(args: &Args) -> ExitCode {
    let town = match args.town.as_deref().map(str::trim) {
        None => TOWN_PLACEHOLDER.to_owned(),
        Some(town) => match check_town(town) {
            Ok(()) => town.to_owned(),
            Err(message) => return fail(message),
        },
    };
    if let Err(message) = usable_folder(&args.dir) {
        return fail(message);
    }
    let files = scaffold(&town, &steckbrief::today().to_string());
    for (relative, text) in &files {
        let path = args.dir.join(relative);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, text));
        if let Err(error) = written {
            return fail(messages::cannot_write(&path.display().to_string(), &error));
        }
    }
    // The schemas list the new config's topics, target groups and languages.
    let sources = super::schema::Sources::read(&args.dir);
    for file in EditorFile::ALL {
        let path = args.dir.join("schemas").join(file.schema_file_name());
        let written = std::fs::create_dir_all(args.dir.join("schemas"))
            .and_then(|()| std::fs::write(&path, sources.schema_text(file)));
        if let Err(error) = written {
            return fail(messages::cannot_write(&path.display().to_string(), &error));
        }
    }
    eprintln!(
        "{}",
        messages::init_done(
            &args.dir.display().to_string(),
            (town != TOWN_PLACEHOLDER).then_some(town.as_str()),
            files.len() + EditorFile::ALL.len(),
        )
    );
    ExitCode::from(EXIT_OK)
}

/// A town name fits on one line of the title.
fn check_town(town: &str) -> Result<(), String> {
    if town.is_empty() {
        return Err(messages::init_town_empty());
    }
    if town.chars().any(char::is_control) || town.chars().count() > MAX_TOWN {
        return Err(messages::init_town_too_long(MAX_TOWN));
    }
    Ok(())
}

/// `dir` does not exist, or is an empty folder: nothing of anybody's is overwritten. A fresh
/// clone of an empty repository (nothing but `.git`) counts as empty.
fn usable_folder(dir: &Path) -> Result<(), String> {
    match std::fs::read_dir(dir) {
        Ok(entries) => match entries
            .filter_map(Result::ok)
            .find(|entry| entry.file_name() != ".git")
        {
            None => Ok(()),
            Some(_) => Err(messages::init_not_empty(&dir.display().to_string())),
        },
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(_) if dir.exists() && !dir.is_dir() => {
            Err(messages::init_is_a_file(&dir.display().to_string()))
        }
        Err(error) => Err(messages::cannot_read_path(
            &dir.display().to_string(),
            &error,
        )),
    }
}

/// Every file of a new content folder for `town` (a name or [`TOWN_PLACEHOLDER`]), reviewed
/// `today`: relative path → text.
fn scaffold(town: &str, today: &str) -> Vec<(PathBuf, String)> {
    let title_de = format!("Arbeiten und Leben in {town}");
    let title_en = format!("Working and Living in {town}");
    let file_name = match ascii_slug(town) {
        slug if slug.is_empty() || town == TOWN_PLACEHOLDER => "wegweiser".to_owned(),
        slug => format!("arbeiten-und-leben-in-{slug}"),
    };
    // YAML values are written as JSON strings (valid YAML), so any name is quoted correctly.
    let quoted = |text: &str| serde_json::to_string(text).expect("a string serialises");
    let yaml = |template: &str| {
        template
            .replace("{town}", &quoted(town))
            .replace("{title_de}", &quoted(&title_de))
            .replace("{title_en}", &quoted(&title_en))
            .replace("{file_name}", &file_name)
            .replace(
                "{actor_name}",
                &quoted(&format!("Zentrale Anlaufstelle Integration {town}")),
            )
            .replace("{today}", today)
    };
    let markdown = |template: &str| {
        template
            .replace("{town}", town)
            .replace("{title_de}", &title_de)
            .replace("{title_en}", &title_en)
    };
    let actor = Path::new(ACTORS_DIR).join(EXAMPLE_ACTOR);
    let mut files = vec![
        (PathBuf::from(CONFIG_FILE), yaml(CONFIG)),
        (PathBuf::from(NUMBERS_FILE), NUMBERS.to_owned()),
        (actor.join(PROFILE_FILE), yaml(PROFILE)),
        (actor.join("en.yaml"), PROFILE_EN.to_owned()),
        (PathBuf::from("theme/logo.svg"), LOGO.to_owned()),
        (PathBuf::from(".gitignore"), GITIGNORE.to_owned()),
        (
            PathBuf::from(".vscode/extensions.json"),
            VSCODE_EXTENSIONS.to_owned(),
        ),
        (
            PathBuf::from(".vscode/settings.json"),
            VSCODE_SETTINGS.to_owned(),
        ),
    ];
    for (id, language, text) in PAGES {
        files.push((
            Path::new(PAGES_DIR).join(id).join(format!("{language}.md")),
            markdown(text),
        ));
    }
    files
}

/// `name` as a file-name part: lowercase ASCII letters and digits joined by hyphens, German
/// umlauts and ß spelled out ("Sankt Wendel" → "sankt-wendel", "Völklingen" → "voelklingen").
fn ascii_slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let spelled = match c {
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                slug.push(c);
                continue;
            }
            _ => "-",
        };
        if spelled != "-" || (!slug.is_empty() && !slug.ends_with('-')) {
            slug.push_str(spelled);
        }
    }
    slug.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_spell_out_umlauts_and_join_words() {
        assert_eq!(ascii_slug("Sankt Wendel"), "sankt-wendel");
        assert_eq!(ascii_slug("Völklingen"), "voelklingen");
        assert_eq!(ascii_slug("  Groß-Gerau (Kreis) "), "gross-gerau-kreis");
        assert_eq!(ascii_slug("Мерціг"), "");
    }

    #[test]
    fn yaml_files_parse_whatever_the_town_is_called() {
        for town in ["Saarlouis", "St. Ingbert: \"Mitte\" #1", TOWN_PLACEHOLDER] {
            for (path, text) in scaffold(town, "2026-11-28") {
                if path.extension().is_some_and(|e| e == "yaml") {
                    let tree = steckbrief::yaml::parse(&text);
                    assert!(matches!(tree, Ok(Some(_))), "{town}: {}", path.display());
                }
            }
        }
        let files = scaffold("St. Ingbert: \"Mitte\" #1", "2026-11-28");
        let config = &files[0].1;
        assert!(
            config.contains(r#"town: "St. Ingbert: \"Mitte\" #1""#),
            "{config}"
        );
        assert!(config.contains("file_name: arbeiten-und-leben-in-st-ingbert-mitte-1"));
    }
}
