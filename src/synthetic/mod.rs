//! Deterministic synthetic catalogues for benchmarks: `steckbrief generate`.
//!
//! [`generate`] writes a complete content root: config.yaml (from a template root, with its
//! languages cut to the first L), the template's content pages, important numbers, UI-string
//! overrides, templates and theme, and N actor folders with a profile.yaml and a translation for
//! every other language. Field sizes follow real Steckbriefe (a 15–30-word summary, a 150–400-word
//! Markdown description with headings, a list, bold text and links, 3–8 offers, 1–3 contact
//! persons, weekly hours, …); the text is made of real words of each language in its own script,
//! so that fonts, shaping, line breaking and file sizes behave as with real content, even though
//! the sentences mean nothing (languages without a word list here get English words). The result
//! passes `steckbrief check` without errors.
//!
//! The same options give byte-identical files: every actor draws from its own random stream,
//! derived from the seed and its index, so the files do not depend on thread scheduling, and
//! actor *i* is the same whether 10 or 10,000 actors are generated.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use jiff::ToSpan;
use jiff::civil::Date;
use rayon::prelude::*;
use serde::Serialize;
use serde_yaml::{Mapping, Value};

use crate::config::Config;
use crate::load::{ACTORS_DIR, CONFIG_FILE, NUMBERS_FILE, PAGES_DIR, PROFILE_FILE};
use crate::model::profile::{Appointment, Kind, Wheelchair};

/// File written at the root of every generated catalogue. `generate` replaces a non-empty output
/// folder only if it holds this file, so that a typo in `--out` cannot delete real content.
pub const MARKER_FILE: &str = ".steckbrief-generated";

/// Earliest and latest `last_reviewed` date: in the past as of 2026-11-28, so that the
/// catalogue never fails `check` for a date in the future. Dates older than the review interval
/// give the usual "review overdue" warnings, as in a real catalogue.
const REVIEWED_FROM: (i16, i8, i8) = (2025, 6, 1);
const REVIEWED_UNTIL: (i16, i8, i8) = (2026, 10, 31);

/// `check` warns about summaries longer than this many characters.
const SUMMARY_MAX_CHARS: usize = 250;

/// Column at which Markdown paragraphs are wrapped, as editors do.
const WRAP: usize = 88;

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Number of actors.
    pub actors: usize,
    /// Keep the first this-many languages of the template's config.yaml (`None`: all).
    pub languages: Option<usize>,
    /// Seed of the random streams; the same seed gives the same files.
    pub seed: u64,
}

/// What [`generate`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Generated {
    /// Files written, including those copied from the template root.
    pub files: usize,
    /// Their total size in bytes.
    pub bytes: u64,
}

/// Why nothing (or not everything) could be generated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenerateError(pub String);

impl std::fmt::Display for GenerateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for GenerateError {}

fn io_error(action: &str, path: &Path) -> impl FnOnce(std::io::Error) -> GenerateError {
    let message = format!("cannot {action} {}", path.display());
    move |error| GenerateError(format!("{message}: {error}"))
}

/// Writes a synthetic catalogue into `out`, using `template_root` (a content root with
/// config.yaml) for the configuration, pages, UI strings, templates and theme.
///
/// `out` is created if missing; an existing `out` is replaced only if it is empty or was written
/// by `generate` before (it holds [`MARKER_FILE`]).
pub fn generate(
    template_root: &Path,
    out: &Path,
    options: &Options,
) -> Result<Generated, GenerateError> {
    let config_path = template_root.join(CONFIG_FILE);
    if !config_path.is_file() {
        return Err(GenerateError(format!(
            "no {CONFIG_FILE} in {}: give the content folder to start from with --template-root",
            template_root.display()
        )));
    }
    let config_text =
        std::fs::read_to_string(&config_path).map_err(io_error("read", &config_path))?;
    let cut = cut_config(&config_text, options.languages)
        .map_err(|e| GenerateError(format!("{}: {e}", config_path.display())))?;
    prepare_output(template_root, out)?;

    let mut written = Generated { files: 0, bytes: 0 };
    let mut write = |relative: &Path, text: &str| -> Result<(), GenerateError> {
        let path = out.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io_error("create", parent))?;
        }
        std::fs::write(&path, text).map_err(io_error("write", &path))?;
        written.files += 1;
        written.bytes += text.len() as u64;
        Ok(())
    };
    let command = format!(
        "steckbrief generate --actors {} --languages {} --seed {}",
        options.actors,
        cut.config.languages.len(),
        options.seed
    );
    write(Path::new(MARKER_FILE), &format!("{command}\n"))?;
    let config_yaml = to_yaml(&cut.value)?;
    write(
        Path::new(CONFIG_FILE),
        &format!(
            "# yaml-language-server: $schema=schemas/config.schema.json\n\
             # A synthetic catalogue for benchmarks, written by `{command}`.\n{config_yaml}"
        ),
    )?;
    let numbers_path = template_root.join(NUMBERS_FILE);
    if numbers_path.is_file() {
        let text =
            std::fs::read_to_string(&numbers_path).map_err(io_error("read", &numbers_path))?;
        let mut value: Value = serde_yaml::from_str(&text)
            .map_err(|e| GenerateError(format!("{}: {e}", numbers_path.display())))?;
        drop_languages(&mut value, &cut.dropped, &cut.config.source_language);
        write(Path::new(NUMBERS_FILE), &to_yaml(&value)?)?;
    }
    let copied = copy_template_files(template_root, out, &cut)?;
    written.files += copied.files;
    written.bytes += copied.bytes;

    let actors_dir = out.join(ACTORS_DIR);
    std::fs::create_dir_all(&actors_dir).map_err(io_error("create", &actors_dir))?;
    let plan = Plan::new(&cut.config, options.seed);
    let actors = (0..options.actors)
        .into_par_iter()
        .map(|index| {
            let actor = plan.actor(index);
            let dir = actors_dir.join(&actor.slug);
            std::fs::create_dir_all(&dir).map_err(io_error("create", &dir))?;
            let mut sum = Generated { files: 0, bytes: 0 };
            for (name, text) in &actor.files {
                let path = dir.join(name);
                std::fs::write(&path, text).map_err(io_error("write", &path))?;
                sum.files += 1;
                sum.bytes += text.len() as u64;
            }
            Ok(sum)
        })
        .try_reduce(
            || Generated { files: 0, bytes: 0 },
            |a, b| {
                Ok(Generated {
                    files: a.files + b.files,
                    bytes: a.bytes + b.bytes,
                })
            },
        )?;
    written.files += actors.files;
    written.bytes += actors.bytes;
    Ok(written)
}

/// Makes `out` an empty folder, refusing to delete anything that `generate` did not write.
fn prepare_output(template_root: &Path, out: &Path) -> Result<(), GenerateError> {
    let Ok(metadata) = std::fs::symlink_metadata(out) else {
        return std::fs::create_dir_all(out).map_err(io_error("create", out));
    };
    if !metadata.is_dir() {
        return Err(GenerateError(format!(
            "{} exists and is not a folder; choose another --out",
            out.display()
        )));
    }
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    if canonical(template_root).starts_with(canonical(out)) {
        return Err(GenerateError(format!(
            "--out {} contains the template root {}; choose another --out",
            out.display(),
            template_root.display()
        )));
    }
    let mut entries = std::fs::read_dir(out).map_err(io_error("read", out))?;
    if entries.next().is_none() {
        return Ok(());
    }
    if !out.join(MARKER_FILE).is_file() {
        return Err(GenerateError(format!(
            "{} is not empty and was not written by `steckbrief generate` (it has no {MARKER_FILE}); \
             refusing to replace it: choose another --out or delete it yourself",
            out.display()
        )));
    }
    std::fs::remove_dir_all(out).map_err(io_error("remove", out))?;
    std::fs::create_dir_all(out).map_err(io_error("create", out))
}

/// config.yaml with its languages cut to the first L.
struct CutConfig {
    /// The document to write.
    value: Value,
    /// The same, typed.
    config: Config,
    /// Codes of the site languages left out.
    dropped: Vec<String>,
}

/// Keeps the first `keep` site languages of config.yaml: texts keyed by language lose the others,
/// brochure languages are cut accordingly, and the languages left out become spoken languages
/// (contact persons may still speak them).
fn cut_config(text: &str, keep: Option<usize>) -> Result<CutConfig, String> {
    let mut value: Value = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
    let config: Config = serde_yaml::from_value(value.clone()).map_err(|e| e.to_string())?;
    let total = config.languages.len();
    let keep = keep.unwrap_or(total);
    if keep == 0 || keep > total {
        return Err(format!(
            "--languages must be between 1 and {total}, the number of languages configured"
        ));
    }
    let kept: Vec<&str> = config.languages[..keep]
        .iter()
        .map(|l| l.code.as_str())
        .collect();
    if !kept.contains(&config.source_language.as_str()) {
        return Err(format!(
            "the source language `{}` is not among the first {keep} languages",
            config.source_language
        ));
    }
    let dropped: Vec<String> = config.languages[keep..]
        .iter()
        .map(|l| l.code.clone())
        .collect();
    // The contact point on the back cover is an actor of the template root, not generated.
    if let Some(Value::Mapping(brochure)) = value.get_mut("brochure") {
        brochure.remove("contact_point");
    }
    if !dropped.is_empty() {
        let map = value
            .as_mapping_mut()
            .ok_or("config.yaml is not a mapping")?;
        if let Some(Value::Mapping(names)) = map.get_mut("town_names") {
            names.retain(|key, _| key.as_str().is_none_or(|k| !dropped.iter().any(|d| d == k)));
        }
        if let Some(Value::Sequence(languages)) = map.get_mut("languages") {
            languages.truncate(keep);
        }
        if let Some(Value::Sequence(brochure)) =
            map.get_mut("brochure").and_then(|b| b.get_mut("languages"))
        {
            brochure.retain(|l| l.as_str().is_none_or(|code| kept.contains(&code)));
        }
        let spoken = map
            .entry(Value::from("spoken_languages"))
            .or_insert_with(|| Value::Mapping(Mapping::new()));
        if let Value::Mapping(spoken) = spoken {
            // A variant (Leichte Sprache) is not a spoken language of its own.
            for language in config.languages[keep..].iter().filter(|l| l.base.is_none()) {
                if !spoken.contains_key(language.code.as_str()) {
                    spoken.insert(language.code.clone().into(), language.name.clone().into());
                }
            }
        }
        for (key, field) in map.iter_mut() {
            if key.as_str() != Some("spoken_languages") {
                drop_languages(field, &dropped, &config.source_language);
            }
        }
    }
    let config: Config = serde_yaml::from_value(value.clone()).map_err(|e| e.to_string())?;
    Ok(CutConfig {
        value,
        config,
        dropped,
    })
}

/// Removes the `dropped` languages from every text keyed by language (a mapping that has the
/// source language as a key), at any depth.
fn drop_languages(value: &mut Value, dropped: &[String], source_language: &str) {
    match value {
        Value::Mapping(map) => {
            if map.contains_key(source_language) {
                map.retain(|key, _| key.as_str().is_none_or(|k| !dropped.iter().any(|d| d == k)));
            }
            for (_, field) in map.iter_mut() {
                drop_languages(field, dropped, source_language);
            }
        }
        Value::Sequence(items) => {
            for item in items {
                drop_languages(item, dropped, source_language);
            }
        }
        _ => {}
    }
}

fn to_yaml<T: Serialize>(value: &T) -> Result<String, GenerateError> {
    serde_yaml::to_string(value).map_err(|e| GenerateError(format!("cannot write YAML: {e}")))
}

/// Copies content pages (only those of kept languages), content files besides numbers.yaml, UI
/// string overrides of kept languages, templates, theme, schemas and the branding logo.
fn copy_template_files(
    template_root: &Path,
    out: &Path,
    cut: &CutConfig,
) -> Result<Generated, GenerateError> {
    let dropped_file = |relative: &Path| {
        let stem = relative.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let in_pages =
            relative.starts_with(PAGES_DIR) && relative.extension().is_some_and(|e| e == "md");
        let in_i18n =
            relative.starts_with("i18n") && relative.extension().is_some_and(|e| e == "yaml");
        (in_pages || in_i18n) && cut.dropped.iter().any(|d| d == stem)
    };
    let mut copied = Generated { files: 0, bytes: 0 };
    let mut done: BTreeSet<PathBuf> = BTreeSet::new();
    for folder in ["content", "i18n", "templates", "theme", "schemas"] {
        let from = template_root.join(folder);
        if !from.is_dir() {
            continue;
        }
        let walk = walkdir::WalkDir::new(&from)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walk {
            let entry =
                entry.map_err(|e| GenerateError(format!("cannot read {}: {e}", from.display())))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let relative = entry
                .path()
                .strip_prefix(template_root)
                .expect("the walk stays below the template root")
                .to_path_buf();
            if relative == Path::new(NUMBERS_FILE) || dropped_file(&relative) {
                continue;
            }
            copied.bytes += copy_file(entry.path(), &out.join(&relative))?;
            copied.files += 1;
            done.insert(relative);
        }
    }
    if let Some(logo) = &cut.config.branding.logo {
        let relative = PathBuf::from(logo);
        let from = template_root.join(&relative);
        let plain = relative
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if plain && from.is_file() && !done.contains(&relative) {
            copied.bytes += copy_file(&from, &out.join(&relative))?;
            copied.files += 1;
        }
    }
    Ok(copied)
}

fn copy_file(from: &Path, to: &Path) -> Result<u64, GenerateError> {
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent).map_err(io_error("create", parent))?;
    }
    std::fs::copy(from, to).map_err(io_error("copy", from))
}

// ---------------------------------------------------------------------------------------------
// Random numbers

/// splitmix64 (Steele, Lea, Flood 2014), written out here rather than taken from a crate so that
/// the generated catalogues stay byte-identical across dependency updates.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    /// An independent stream for the given seed and stream ids.
    fn stream(seed: u64, ids: &[u64]) -> Rng {
        let mut state = seed;
        for id in ids {
            state = Rng(state ^ id.wrapping_mul(0xD6E8_FEB8_6659_FD93)).next_u64();
        }
        Rng(state)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high` (the tiny modulo bias does not matter here).
    fn range(&mut self, low: usize, high: usize) -> usize {
        low + (self.next_u64() % (high - low + 1) as u64) as usize
    }

    /// true with the given probability in percent.
    fn percent(&mut self, chance: u64) -> bool {
        self.next_u64() % 100 < chance
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() - 1)]
    }

    /// `count` different items (at most all of them), in random order.
    fn sample<'a, T>(&mut self, items: &'a [T], count: usize) -> Vec<&'a T> {
        let mut indices: Vec<usize> = (0..items.len()).collect();
        let count = count.min(items.len());
        for i in 0..count {
            let j = self.range(i, indices.len() - 1);
            indices.swap(i, j);
        }
        indices[..count].iter().map(|&i| &items[i]).collect()
    }

    /// An item chosen by weight.
    fn weighted<T: Copy>(&mut self, items: &[(T, u64)]) -> T {
        let total: u64 = items.iter().map(|(_, w)| w).sum();
        let mut roll = self.next_u64() % total;
        for (item, weight) in items {
            if roll < *weight {
                return *item;
            }
            roll -= weight;
        }
        items[items.len() - 1].0
    }
}

// ---------------------------------------------------------------------------------------------
// Text shapes: how many words where, decided once per actor and rendered in every language,
// so that translations have the sizes of their German text, as real translations do.

#[derive(Debug, Clone)]
struct Sentence {
    words: usize,
    /// Words `start..start + len` in bold.
    bold: Option<(usize, usize)>,
    /// The last two words are a link to this path below the actor's website.
    link: Option<&'static str>,
    question: bool,
}

#[derive(Debug, Clone)]
enum Block {
    Paragraph(Vec<Sentence>),
    Heading(usize),
    List(Vec<usize>),
}

/// The translatable text of one actor as word counts.
#[derive(Debug, Clone)]
struct TextShape {
    summary: usize,
    description: Vec<Block>,
    offers: Vec<usize>,
    costs: Option<usize>,
    roles: Vec<usize>,
    opening_note: Option<usize>,
    consultation_note: Option<usize>,
    accessibility_note: Option<usize>,
    transport: Option<usize>,
}

const LINK_PATHS: [&str; 6] = [
    "termine",
    "kontakt",
    "angebote",
    "downloads",
    "anmeldung",
    "informationen",
];

fn sentence_shape(rng: &mut Rng, words: usize) -> Sentence {
    let bold = rng.percent(20).then(|| {
        let len = rng.range(1, 3.min(words));
        (rng.range(0, words - len), len)
    });
    Sentence {
        words,
        bold,
        link: None,
        question: rng.percent(8),
    }
}

/// Sentences of 6–16 words adding up to `words` (at least 6).
fn paragraph_shape(rng: &mut Rng, mut words: usize) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    while words > 0 {
        let mut n = rng.range(6, 16).min(words);
        if words - n < 6 {
            n = words;
        }
        sentences.push(sentence_shape(rng, n));
        words -= n;
    }
    sentences
}

/// A Markdown description of 150–400 words: paragraphs, one or two `## ` headings, a list.
fn description_shape(rng: &mut Rng) -> Vec<Block> {
    let total = rng.range(150, 400);
    let two_headings = rng.percent(50);
    let headings: Vec<usize> = (0..1 + usize::from(two_headings))
        .map(|_| rng.range(2, 4))
        .collect();
    let items: Vec<usize> = (0..rng.range(3, 6)).map(|_| rng.range(3, 9)).collect();
    let fixed: usize = headings.iter().sum::<usize>() + items.iter().sum::<usize>();
    let prose = total - fixed;
    let paragraphs = if two_headings { 3 } else { 2 };
    let first = prose * rng.range(30, 45) / 100;
    let second = if two_headings {
        (prose - first) / 2
    } else {
        prose - first
    };
    let third = prose - first - second;
    let mut blocks = vec![
        Block::Paragraph(paragraph_shape(rng, first)),
        Block::Heading(headings[0]),
        Block::List(items),
        Block::Paragraph(paragraph_shape(rng, second)),
    ];
    if paragraphs == 3 {
        blocks.push(Block::Heading(headings[1]));
        blocks.push(Block::Paragraph(paragraph_shape(rng, third)));
    }
    if rng.percent(60)
        && let Some(Block::Paragraph(last)) = blocks.last_mut()
        && let Some(sentence) = last.last_mut()
    {
        sentence.link = Some(*rng.pick(&LINK_PATHS));
        sentence.bold = None;
        sentence.question = false;
    }
    blocks
}

fn text_shape(rng: &mut Rng, contacts: usize, has_consultation: bool) -> TextShape {
    TextShape {
        summary: rng.range(15, 30),
        description: description_shape(rng),
        offers: (0..rng.range(3, 8)).map(|_| rng.range(2, 6)).collect(),
        costs: rng.percent(70).then(|| rng.range(2, 6)),
        roles: (0..contacts).map(|_| rng.range(2, 6)).collect(),
        opening_note: rng.percent(40).then(|| rng.range(6, 16)),
        consultation_note: (has_consultation && rng.percent(60)).then(|| rng.range(6, 16)),
        accessibility_note: rng.percent(60).then(|| rng.range(5, 14)),
        transport: rng.percent(80).then(|| rng.range(8, 20)),
    }
}

// ---------------------------------------------------------------------------------------------
// Rendering words in a language

/// The words and punctuation of one language.
struct Language {
    words: &'static [&'static str],
    comma: &'static str,
    question: &'static str,
    /// Turkish capitalises i as İ.
    dotted_i: bool,
}

fn language(code: &str) -> Language {
    let (words, comma, question): (&[&str], _, _) = match code {
        "de" => (&words::DE, ",", "?"),
        "ar" => (&words::AR, "،", "؟"),
        "fa" => (&words::FA, "،", "؟"),
        "uk" => (&words::UK, ",", "?"),
        "tr" => (&words::TR, ",", "?"),
        // English, and the fallback for languages without a word list.
        _ => (&words::EN, ",", "?"),
    };
    Language {
        words,
        comma,
        question,
        dotted_i: code == "tr",
    }
}

impl Language {
    fn capitalise(&self, word: &str) -> String {
        let mut chars = word.chars();
        match chars.next() {
            Some('i') if self.dotted_i => format!("İ{}", chars.as_str()),
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    }

    /// `count` words; if `max_chars` is given, the words with spaces, a comma and a full stop fit
    /// into it (the lists' shortest words are short enough for every count used here).
    fn words(&self, rng: &mut Rng, count: usize, max_chars: Option<usize>) -> Vec<&'static str> {
        let shortest = match max_chars {
            Some(_) => self.words.iter().map(|w| w.chars().count()).min(),
            None => None,
        }
        .unwrap_or(1);
        let mut used = 0;
        let mut out = Vec::with_capacity(count);
        for i in 0..count {
            let mut word = *rng.pick(self.words);
            if let Some(max) = max_chars {
                let reserve = (count - i - 1) * (shortest + 1);
                // Room is left for the final full stop and a comma.
                let allowed = max.saturating_sub(used + reserve + 2);
                for _ in 0..8 {
                    if word.chars().count() <= allowed {
                        break;
                    }
                    word = *rng.pick(self.words);
                }
                if word.chars().count() > allowed {
                    word = self
                        .words
                        .iter()
                        .copied()
                        .min_by_key(|w| w.chars().count())
                        .unwrap_or(word);
                }
                used += word.chars().count() + 1;
            }
            out.push(word);
        }
        out
    }

    /// Words with the first capitalised, without final punctuation (offers, roles, headings).
    fn phrase(&self, rng: &mut Rng, count: usize) -> String {
        let words = self.words(rng, count, None);
        let mut text = self.capitalise(words[0]);
        for word in &words[1..] {
            text.push(' ');
            text.push_str(word);
        }
        text
    }

    /// A sentence of `count` words; within `max_chars` if given.
    fn sentence(&self, rng: &mut Rng, count: usize, max_chars: Option<usize>) -> String {
        let shape = Sentence {
            words: count,
            bold: None,
            link: None,
            question: false,
        };
        self.render_sentence(rng, &shape, max_chars, "")
    }

    fn render_sentence(
        &self,
        rng: &mut Rng,
        shape: &Sentence,
        max_chars: Option<usize>,
        website: &str,
    ) -> String {
        let words = self.words(rng, shape.words, max_chars);
        let comma_after = (shape.words >= 8).then(|| rng.range(2, shape.words - 4));
        let link_from = shape
            .link
            .map(|_| shape.words.saturating_sub(2))
            .filter(|_| shape.words >= 4);
        let mut text = String::new();
        for (i, word) in words.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            if shape.bold.is_some_and(|(start, _)| start == i) {
                text.push_str("**");
            }
            if link_from == Some(i) {
                text.push('[');
            }
            if i == 0 {
                text.push_str(&self.capitalise(word));
            } else {
                text.push_str(word);
            }
            if shape.bold.is_some_and(|(start, len)| start + len - 1 == i) {
                text.push_str("**");
            }
            if link_from.is_some() && i + 1 == shape.words {
                text.push_str(&format!("]({website}/{})", shape.link.unwrap_or("")));
            }
            if comma_after == Some(i) {
                text.push_str(self.comma);
            }
        }
        text.push_str(if shape.question { self.question } else { "." });
        text
    }

    fn description(&self, rng: &mut Rng, blocks: &[Block], website: &str) -> String {
        let mut parts = Vec::with_capacity(blocks.len());
        for block in blocks {
            parts.push(match block {
                Block::Paragraph(sentences) => {
                    let text: Vec<String> = sentences
                        .iter()
                        .map(|s| self.render_sentence(rng, s, None, website))
                        .collect();
                    wrap(&text.join(" "), WRAP)
                }
                Block::Heading(words) => format!("## {}", self.phrase(rng, *words)),
                Block::List(items) => items
                    .iter()
                    .map(|words| format!("- {}", self.phrase(rng, *words)))
                    .collect::<Vec<_>>()
                    .join("\n"),
            });
        }
        parts.join("\n\n")
    }
}

/// Breaks `text` into lines of at most `width` characters at spaces (longer words stay whole).
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width);
    let mut line = 0;
    for word in text.split(' ') {
        let len = word.chars().count();
        if line > 0 && line + 1 + len > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += len;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Actors

/// Everything an actor is drawn from, derived once from the configuration.
struct Plan {
    seed: u64,
    source_language: String,
    /// Site languages other than the source language: one translation file each.
    translations: Vec<String>,
    /// Site languages and further spoken languages, source language first.
    spoken: Vec<String>,
    topics: Vec<String>,
    target_groups: Vec<String>,
    first_reviewed: Date,
    review_days: usize,
}

/// One generated actor folder.
struct SyntheticActor {
    slug: String,
    /// File name and text, profile.yaml first.
    files: Vec<(String, String)>,
}

impl Plan {
    fn new(config: &Config, seed: u64) -> Plan {
        let source = config.source_language.clone();
        // Language variants (Leichte Sprache) are neither spoken languages of their own nor
        // generated: their readers get the base language's text.
        let languages = || config.languages.iter().filter(|l| l.base.is_none());
        let spoken = std::iter::once(source.clone())
            .chain(languages().map(|l| l.code.clone()))
            .chain(config.spoken_languages.keys().cloned())
            .fold(Vec::new(), |mut all, code| {
                if !all.contains(&code) {
                    all.push(code);
                }
                all
            });
        let date = |(y, m, d)| Date::new(y, m, d).expect("a valid constant date");
        let first_reviewed = date(REVIEWED_FROM);
        let review_days = first_reviewed
            .until(date(REVIEWED_UNTIL))
            .expect("dates in range")
            .get_days() as usize;
        Plan {
            seed,
            translations: languages()
                .map(|l| l.code.clone())
                .filter(|code| *code != source)
                .collect(),
            source_language: source,
            spoken,
            topics: config.topics.iter().map(|c| c.id.clone()).collect(),
            target_groups: config.target_groups.iter().map(|c| c.id.clone()).collect(),
            first_reviewed,
            review_days,
        }
    }

    /// The actor with this index: its slug and its files.
    fn actor(&self, index: usize) -> SyntheticActor {
        let mut rng = Rng::stream(self.seed, &[index as u64]);
        let kind = rng.weighted(&[
            (Kind::Authority, 15),
            (Kind::Chamber, 5),
            (Kind::School, 15),
            (Kind::Counselling, 30),
            (Kind::Association, 20),
            (Kind::Initiative, 10),
            (Kind::Other, 5),
        ]);
        let (slug_word, nouns) = kind_words(kind);
        let slug = format!("{slug_word}-{:05}", index + 1);
        let website = format!("https://www.example.org/{slug}");
        let town = rng.pick(&names::TOWNS);
        let contacts: Vec<ContactFacts> = (0..rng.range(1, 3))
            .map(|_| contact(&mut rng, town, &self.spoken))
            .collect();
        let has_consultation = rng.percent(40);
        let shape = text_shape(&mut rng, contacts.len(), has_consultation);
        let source = language(&self.source_language);
        let mut text_rng = Rng::stream(self.seed, &[index as u64, 0]);
        let text = render_text(&source, &mut text_rng, &shape, &website);
        let exchange = rng.range(1000, 9999);

        let profile = ProfileOut {
            name: actor_name(&mut rng, nouns),
            short_name: rng
                .percent(50)
                .then(|| format!("{} {}", rng.pick(nouns), rng.pick(&names::PLACES))),
            operator: rng.percent(80).then(|| operator(&mut rng)),
            kind,
            topics: sample_ids(&mut rng, &self.topics),
            target_groups: sample_ids(&mut rng, &self.target_groups),
            summary: text.summary,
            description: text.description,
            offers: text.offers,
            costs: text.costs,
            contacts: contacts
                .into_iter()
                .zip(text.roles)
                .map(|(facts, role)| ContactOut {
                    name: facts.name,
                    role: Some(role),
                    phone: facts.phone,
                    email: facts.email,
                    languages: facts.languages,
                })
                .collect(),
            address: address(&mut rng, town),
            opening_hours: HoursOut {
                weekly: weekly_hours(&mut rng),
                appointment: rng.percent(30).then_some(Appointment::Also),
                note: text.opening_note,
            },
            consultation_hours: has_consultation
                .then(|| consultation_hours(&mut rng, text.consultation_note)),
            phone: Some(format!("{} {exchange}-0", town.area_code)),
            email: Some(format!("{slug}@example.org")),
            website: Some(website.clone()),
            languages: spoken_languages(&mut rng, &self.spoken, 4),
            accessibility: Some(AccessibilityOut {
                wheelchair: rng.weighted(&[
                    (Wheelchair::Yes, 45),
                    (Wheelchair::Partial, 25),
                    (Wheelchair::No, 15),
                    (Wheelchair::Unknown, 15),
                ]),
                note: text.accessibility_note,
            }),
            transport: text.transport,
            last_reviewed: self
                .first_reviewed
                .checked_add((rng.range(0, self.review_days) as i64).days())
                .expect("dates in range")
                .to_string(),
        };
        let mut files = vec![(PROFILE_FILE.to_owned(), yaml_file("profile", &profile))];
        for (i, code) in self.translations.iter().enumerate() {
            let mut rng = Rng::stream(self.seed, &[index as u64, i as u64 + 1]);
            let text = render_text(&language(code), &mut rng, &shape, &website);
            let translation = TranslationOut {
                summary: text.summary,
                description: text.description,
                offers: text.offers,
                costs: text.costs,
                contacts: text
                    .roles
                    .into_iter()
                    .map(|role| RoleOut { role })
                    .collect(),
                opening_hours: text.opening_note.map(|note| NoteOut { note }),
                consultation_hours: text.consultation_note.map(|note| NoteOut { note }),
                accessibility: text.accessibility_note.map(|note| NoteOut { note }),
                transport: text.transport,
            };
            files.push((
                format!("{code}.yaml"),
                yaml_file("translation", &translation),
            ));
        }
        SyntheticActor { slug, files }
    }
}

/// The text of a file: the schema line for editors, then the YAML.
fn yaml_file<T: Serialize>(schema: &str, value: &T) -> String {
    let yaml = serde_yaml::to_string(value).expect("plain structs serialise");
    format!("# yaml-language-server: $schema=../../schemas/{schema}.schema.json\n{yaml}")
}

/// The translatable text of an actor in one language.
struct Text {
    summary: String,
    description: String,
    offers: Vec<String>,
    costs: Option<String>,
    roles: Vec<String>,
    opening_note: Option<String>,
    consultation_note: Option<String>,
    accessibility_note: Option<String>,
    transport: Option<String>,
}

fn render_text(language: &Language, rng: &mut Rng, shape: &TextShape, website: &str) -> Text {
    let sentence =
        |rng: &mut Rng, words: Option<usize>| words.map(|n| language.sentence(rng, n, None));
    Text {
        summary: language.sentence(rng, shape.summary, Some(SUMMARY_MAX_CHARS)),
        description: language.description(rng, &shape.description, website),
        offers: shape
            .offers
            .iter()
            .map(|&n| language.phrase(rng, n))
            .collect(),
        costs: shape.costs.map(|n| language.phrase(rng, n)),
        roles: shape
            .roles
            .iter()
            .map(|&n| language.phrase(rng, n))
            .collect(),
        opening_note: sentence(rng, shape.opening_note),
        consultation_note: sentence(rng, shape.consultation_note),
        accessibility_note: sentence(rng, shape.accessibility_note),
        transport: sentence(rng, shape.transport),
    }
}

/// The slug word and German nouns for an actor's name, by kind.
fn kind_words(kind: Kind) -> (&'static str, &'static [&'static str]) {
    match kind {
        Kind::Authority => (
            "amt",
            &["Amt", "Fachdienst", "Dienststelle", "Bürgerbüro", "Behörde"],
        ),
        Kind::Chamber => ("kammer", &["Kammer", "Innung", "Kreishandwerkerschaft"]),
        Kind::School => (
            "schule",
            &[
                "Schule",
                "Bildungszentrum",
                "Akademie",
                "Kolleg",
                "Sprachschule",
            ],
        ),
        Kind::Counselling => (
            "beratung",
            &[
                "Beratungsstelle",
                "Fachberatung",
                "Anlaufstelle",
                "Beratungsdienst",
            ],
        ),
        Kind::Association => ("verein", &["Verein", "Verband", "Förderverein", "Netzwerk"]),
        Kind::Initiative => (
            "initiative",
            &[
                "Initiative",
                "Arbeitskreis",
                "Treffpunkt",
                "Patenschaftsprojekt",
            ],
        ),
        Kind::Other => (
            "einrichtung",
            &["Zentrum", "Einrichtung", "Projekt", "Büro"],
        ),
    }
}

/// A German name of 2–6 words: "Beratungsstelle für Arbeit und Migration Merzig".
fn actor_name(rng: &mut Rng, nouns: &[&str]) -> String {
    let noun = *rng.pick(nouns);
    let topic = *rng.pick(&names::NAME_TOPICS);
    let other = *rng.pick(&names::NAME_TOPICS);
    let place = *rng.pick(&names::PLACES);
    match rng.range(2, 6) {
        2 => format!("{noun} {place}"),
        3 => format!("{noun} für {topic}"),
        4 => format!("{noun} für {topic} {place}"),
        5 => format!("{noun} für {topic} und {other}"),
        _ => format!("{noun} für {topic} und {other} {place}"),
    }
}

fn operator(rng: &mut Rng) -> String {
    if rng.percent(50) {
        return rng.pick(&names::OPERATORS).to_string();
    }
    let topic = *rng.pick(&names::NAME_TOPICS);
    let place = *rng.pick(&names::PLACES);
    match rng.range(0, 2) {
        0 => format!("Verein für {topic} {place} e.V."),
        1 => format!("Förderkreis {topic} {place} e.V."),
        _ => format!("{topic} {place} gGmbH"),
    }
}

/// One to four different ids, in random order (the first is the main topic).
fn sample_ids(rng: &mut Rng, ids: &[String]) -> Vec<String> {
    let count = rng.range(1, 4);
    rng.sample(ids, count).into_iter().cloned().collect()
}

/// The source language and up to `more` other spoken languages.
fn spoken_languages(rng: &mut Rng, spoken: &[String], more: usize) -> Vec<String> {
    let count = rng.range(0, more);
    let mut languages = vec![spoken[0].clone()];
    languages.extend(rng.sample(&spoken[1..], count).into_iter().cloned());
    languages
}

struct ContactFacts {
    name: String,
    phone: Option<String>,
    email: Option<String>,
    languages: Vec<String>,
}

fn contact(rng: &mut Rng, town: &names::Town, spoken: &[String]) -> ContactFacts {
    let first = *rng.pick(&names::FIRST_NAMES);
    let last = *rng.pick(&names::LAST_NAMES);
    ContactFacts {
        name: format!("{first} {last}"),
        phone: rng.percent(90).then(|| {
            format!(
                "{} {}-{}",
                town.area_code,
                rng.range(1000, 9999),
                rng.range(10, 99)
            )
        }),
        email: rng
            .percent(90)
            .then(|| format!("{}.{}@example.org", ascii_fold(first), ascii_fold(last))),
        languages: spoken_languages(rng, spoken, 3),
    }
}

/// Lowercase ASCII for e-mail addresses: "Yılmaz" → "yilmaz", "Müller" → "mueller".
fn ascii_fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.to_lowercase().chars() {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            'ı' | 'i' | 'î' | 'í' => out.push('i'),
            'ç' | 'ć' => out.push('c'),
            'ş' | 'ś' => out.push('s'),
            'ğ' => out.push('g'),
            'é' | 'è' | 'ę' => out.push('e'),
            'á' | 'à' | 'ą' => out.push('a'),
            'ł' => out.push('l'),
            'ń' => out.push('n'),
            'ó' => out.push('o'),
            'ż' | 'ź' => out.push('z'),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => out.push('-'),
        }
    }
    out
}

fn address(rng: &mut Rng, town: &names::Town) -> AddressOut {
    let mut number = rng.range(1, 120).to_string();
    if rng.percent(10) {
        number.push(*rng.pick(&['a', 'b', 'c']));
    }
    let coordinates = rng.percent(85);
    let offset = |rng: &mut Rng, base: i64| (base + rng.range(0, 200) as i64 - 100) as f64 / 1e4;
    let latitude = offset(rng, town.latitude_e4);
    let longitude = offset(rng, town.longitude_e4);
    AddressOut {
        street: format!("{} {number}", rng.pick(town.streets)),
        postcode: town.postcode.to_owned(),
        city: town.name.to_owned(),
        latitude: coordinates.then_some(latitude),
        longitude: coordinates.then_some(longitude),
    }
}

/// Weekday groups of a week's opening hours, each group's days disjoint from the others', and
/// days that may be listed as closed.
const WEEK_PATTERNS: [(&[&str], Option<&str>); 8] = [
    (&["Mo-Fr"], None),
    (&["Mo-Do", "Fr"], None),
    (&["Mo-Mi", "Do", "Fr"], None),
    (&["Mo, Mi", "Di, Do"], Some("Fr")),
    (&["Di-Do"], Some("Mo, Fr")),
    (&["Mo-Fr", "Sa"], None),
    (&["Mo, Mi, Fr"], Some("Di, Do")),
    (&["Mo-Do", "Fr", "Sa"], None),
];

fn time(minutes: usize) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// A morning range (07:30–13:00 at most) and maybe an afternoon one (13:30–18:00 at most):
/// opening before closing, never overlapping.
fn times(rng: &mut Rng, afternoon: bool) -> Vec<String> {
    let mut times = Vec::new();
    let morning_from = rng.range(15, 19) * 30;
    let morning_to = rng.range(23, 26) * 30;
    times.push(format!("{}-{}", time(morning_from), time(morning_to)));
    if afternoon {
        let from = rng.range(27, 29) * 30;
        let to = rng.range(31, 36) * 30;
        times.push(format!("{}-{}", time(from), time(to)));
    }
    times
}

fn weekly_hours(rng: &mut Rng) -> Vec<SlotOut> {
    let (groups, closed) = *rng.pick(&WEEK_PATTERNS);
    let mut slots: Vec<SlotOut> = groups
        .iter()
        .map(|days| {
            let afternoon = *days != "Sa" && rng.percent(50);
            SlotOut {
                days: (*days).to_owned(),
                times: times(rng, afternoon),
                closed: false,
            }
        })
        .collect();
    if let Some(days) = closed
        && rng.percent(50)
    {
        slots.push(SlotOut {
            days: days.to_owned(),
            times: Vec::new(),
            closed: true,
        });
    }
    slots
}

fn consultation_hours(rng: &mut Rng, note: Option<String>) -> HoursOut {
    if rng.percent(50) {
        return HoursOut {
            weekly: Vec::new(),
            appointment: Some(Appointment::Only),
            note,
        };
    }
    let days = *rng.pick(&["Mo", "Di", "Mi", "Do", "Fr", "Di, Do", "Mo, Mi"]);
    let afternoon = rng.percent(30);
    HoursOut {
        weekly: vec![SlotOut {
            days: days.to_owned(),
            times: times(rng, afternoon),
            closed: false,
        }],
        appointment: rng.percent(50).then_some(Appointment::Also),
        note,
    }
}

// ---------------------------------------------------------------------------------------------
// The files, in the field order of `steckbrief new`.

#[derive(Serialize)]
struct ProfileOut {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    short_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    operator: Option<String>,
    kind: Kind,
    topics: Vec<String>,
    target_groups: Vec<String>,
    summary: String,
    description: String,
    offers: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    costs: Option<String>,
    contacts: Vec<ContactOut>,
    address: AddressOut,
    opening_hours: HoursOut,
    #[serde(skip_serializing_if = "Option::is_none")]
    consultation_hours: Option<HoursOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    website: Option<String>,
    languages: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    accessibility: Option<AccessibilityOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    transport: Option<String>,
    last_reviewed: String,
}

#[derive(Serialize)]
struct ContactOut {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    languages: Vec<String>,
}

#[derive(Serialize)]
struct AddressOut {
    street: String,
    postcode: String,
    city: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    latitude: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    longitude: Option<f64>,
}

#[derive(Serialize)]
struct HoursOut {
    weekly: Vec<SlotOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    appointment: Option<Appointment>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

#[derive(Serialize)]
struct SlotOut {
    days: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    times: Vec<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    closed: bool,
}

#[derive(Serialize)]
struct AccessibilityOut {
    wheelchair: Wheelchair,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

#[derive(Serialize)]
struct TranslationOut {
    summary: String,
    description: String,
    offers: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    costs: Option<String>,
    contacts: Vec<RoleOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    opening_hours: Option<NoteOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    consultation_hours: Option<NoteOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    accessibility: Option<NoteOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    transport: Option<String>,
}

#[derive(Serialize)]
struct RoleOut {
    role: String,
}

#[derive(Serialize)]
struct NoteOut {
    note: String,
}

// ---------------------------------------------------------------------------------------------
// Names and places (all persons fictional; streets and postcodes of the Merzig-Wadern district)

mod names {
    /// A town of the district with its postcode, area code, centre and some streets.
    pub struct Town {
        pub name: &'static str,
        pub postcode: &'static str,
        pub area_code: &'static str,
        pub latitude_e4: i64,
        pub longitude_e4: i64,
        pub streets: &'static [&'static str],
    }

    const MERZIG_STREETS: &[&str] = &[
        "Hochwaldstraße",
        "Poststraße",
        "Schankstraße",
        "Bahnhofstraße",
        "Torstraße",
        "Trierer Straße",
        "Propsteistraße",
        "Brauerstraße",
        "Wilhelmstraße",
        "Lothringer Straße",
        "Saarbrücker Allee",
        "Zur Stadthalle",
        "Schulstraße",
        "Hilbringer Straße",
        "Am Gaswerk",
        "Kirchplatz",
    ];

    const VILLAGE_STREETS: &[&str] = &[
        "Hauptstraße",
        "Kirchstraße",
        "Schulstraße",
        "Bahnhofstraße",
        "Gartenstraße",
        "Am Markt",
        "Lindenstraße",
        "Saarstraße",
        "Im Wiesengrund",
    ];

    /// Merzig several times, so that most actors are in the town itself.
    pub const TOWNS: [Town; 9] = [
        MERZIG,
        MERZIG,
        MERZIG,
        MERZIG,
        Town {
            name: "Losheim am See",
            postcode: "66679",
            area_code: "06872",
            latitude_e4: 495_097,
            longitude_e4: 67_459,
            streets: VILLAGE_STREETS,
        },
        Town {
            name: "Wadern",
            postcode: "66687",
            area_code: "06871",
            latitude_e4: 495_405,
            longitude_e4: 68_891,
            streets: VILLAGE_STREETS,
        },
        Town {
            name: "Mettlach",
            postcode: "66693",
            area_code: "06864",
            latitude_e4: 494_947,
            longitude_e4: 65_957,
            streets: VILLAGE_STREETS,
        },
        Town {
            name: "Beckingen",
            postcode: "66701",
            area_code: "06835",
            latitude_e4: 493_922,
            longitude_e4: 67_006,
            streets: VILLAGE_STREETS,
        },
        Town {
            name: "Perl",
            postcode: "66706",
            area_code: "06867",
            latitude_e4: 494_717,
            longitude_e4: 63_889,
            streets: VILLAGE_STREETS,
        },
    ];

    const MERZIG: Town = Town {
        name: "Merzig",
        postcode: "66663",
        area_code: "06861",
        latitude_e4: 494_432,
        longitude_e4: 66_376,
        streets: MERZIG_STREETS,
    };

    pub const PLACES: [&str; 8] = [
        "Merzig",
        "Saar",
        "Hochwald",
        "Merzig-Wadern",
        "Saarland",
        "Saarschleife",
        "Losheim",
        "Mettlach",
    ];

    pub const NAME_TOPICS: [&str; 24] = [
        "Arbeit",
        "Integration",
        "Migration",
        "Familien",
        "Bildung",
        "Ausbildung",
        "Beruf",
        "Sprache",
        "Frauen",
        "Jugend",
        "Kultur",
        "Begegnung",
        "Zuwanderung",
        "Nachbarschaft",
        "Teilhabe",
        "Gesundheit",
        "Wohnen",
        "Soziales",
        "Beschäftigung",
        "Qualifizierung",
        "Weiterbildung",
        "Senioren",
        "Kinder",
        "Flüchtlingshilfe",
    ];

    pub const OPERATORS: [&str; 8] = [
        "Landkreis Merzig-Wadern",
        "Kreisstadt Merzig",
        "Caritasverband Saar-Hochwald e.V.",
        "Diakonisches Werk an der Saar gGmbH",
        "Deutsches Rotes Kreuz, Kreisverband Merzig-Wadern e.V.",
        "Arbeiterwohlfahrt Landesverband Saarland e.V.",
        "Bundesagentur für Arbeit",
        "Ministerium für Arbeit, Soziales, Frauen und Gesundheit des Saarlandes",
    ];

    #[rustfmt::skip]
    pub const FIRST_NAMES: [&str; 40] = [
        "Claudia", "Marco", "Anna", "Thomas", "Sabine", "Michael", "Julia", "Stefan", "Petra",
        "Andreas", "Laura", "Jonas", "Ahmad", "Fatima", "Mohammed", "Leyla", "Olena", "Andrij",
        "Iryna", "Mehmet", "Ayşe", "Elif", "Can", "Reza", "Maryam", "Dariusz", "Agnieszka",
        "Sophie", "Lukas", "Nadia", "Yusuf", "Katharina", "Martin", "Monika", "Jürgen", "Birgit",
        "Hannah", "Tobias", "Sarah", "Daniel",
    ];

    #[rustfmt::skip]
    pub const LAST_NAMES: [&str; 40] = [
        "Weiland", "Recktenwald", "Schmitt", "Müller", "Becker", "Hoffmann", "Klein", "Wagner",
        "Scholl", "Kiefer", "Backes", "Jung", "Kunz", "Lauer", "Haddad", "Rahimi", "Kovalenko",
        "Shevchenko", "Yılmaz", "Demir", "Kaya", "Nowak", "Kowalski", "Ahmadi", "Karimi", "Barth",
        "Jost", "Feld", "Ollinger", "Bies", "Thiel", "Wendel", "Maurer", "Zimmer", "Schneider",
        "Fischer", "Weber", "Meyer", "Wolf", "Keller",
    ];
}

// ---------------------------------------------------------------------------------------------
// Word lists: common words of each language in its own script, at most 15 characters each.

#[rustfmt::skip]
mod words {
    pub const DE: [&str; 112] = [
        "Arbeit", "Ausbildung", "Beratung", "Sprache", "Kurs", "Familie", "Kinder", "Schule",
        "Beruf", "Stelle", "Termin", "Antrag", "Unterlagen", "Hilfe", "Unterstützung", "Angebot",
        "Gespräch", "Frage", "Fragen", "Menschen", "Frauen", "Jugendliche", "Eltern", "Betrieb",
        "Betriebe", "Arbeitgeber", "Praktikum", "Bewerbung", "Zeugnis", "Abschluss", "Anerkennung",
        "Wohnung", "Gesundheit", "Amt", "Stadt", "Landkreis", "Verein", "Gruppe", "Treffen",
        "Woche", "Monat", "Jahr", "Zeit", "Ort", "Raum", "Büro", "Telefon", "Nachricht",
        "Formular", "Vertrag", "Lohn", "Geld", "Kosten", "Zukunft", "Weg", "Ziel", "Erfahrung",
        "Kenntnisse", "Deutschkurs", "Integration", "Nachbarn", "Gemeinschaft", "Ehrenamt",
        "Begegnung", "Aufenthalt", "Ausweis", "Bescheinigung", "und", "oder", "mit", "für", "bei",
        "nach", "vor", "ohne", "auch", "gern", "schnell", "direkt", "persönlich", "kostenlos",
        "vertraulich", "wichtig", "neue", "eigene", "gemeinsam", "regelmäßig", "einfach", "gut",
        "offen", "jeden", "alle", "viele", "wir", "Sie", "helfen", "beraten", "begleiten",
        "unterstützen", "vermitteln", "finden", "suchen", "lernen", "arbeiten", "sprechen",
        "bringen", "kommen", "erklären", "planen", "bieten", "zeigen", "vereinbaren",
    ];

    pub const EN: [&str; 110] = [
        "work", "training", "advice", "language", "course", "family", "children", "school", "job",
        "office", "appointment", "application", "documents", "help", "support", "offer", "meeting",
        "question", "questions", "people", "women", "young", "parents", "company", "companies",
        "employers", "internship", "certificate", "degree", "recognition", "flat", "housing",
        "health", "authority", "town", "district", "association", "group", "week", "month", "year",
        "time", "place", "room", "phone", "message", "form", "contract", "wage", "money", "costs",
        "future", "way", "goal", "experience", "skills", "German", "integration", "neighbours",
        "community", "volunteers", "residence", "permit", "and", "or", "with", "for", "at",
        "after", "before", "without", "also", "gladly", "quickly", "directly", "personally",
        "free", "confidential", "important", "new", "own", "together", "regularly", "simple",
        "good", "open", "every", "all", "many", "we", "you", "help", "advise", "accompany",
        "arrange", "find", "look", "learn", "speak", "bring", "come", "explain", "plan", "apply",
        "show", "answer", "local", "information", "services", "counselling",
    ];

    pub const AR: [&str; 110] = [
        "العمل", "التدريب", "الاستشارة", "اللغة", "دورة", "العائلة", "الأطفال", "المدرسة",
        "المهنة", "وظيفة", "موعد", "طلب", "الوثائق", "المساعدة", "الدعم", "عرض", "لقاء", "سؤال",
        "الأسئلة", "الناس", "النساء", "الشباب", "الوالدين", "شركة", "الشركات", "التطوع", "شهادة",
        "الشهادات", "الاعتراف", "سكن", "الصحة", "الدائرة", "المدينة", "المنطقة", "جمعية", "مجموعة",
        "أسبوع", "شهر", "سنة", "وقت", "مكان", "غرفة", "مكتب", "هاتف", "رسالة", "استمارة", "عقد",
        "راتب", "مال", "التكاليف", "المستقبل", "طريق", "هدف", "خبرة", "مهارات", "الألمانية",
        "الاندماج", "الجيران", "المجتمع", "متطوعون", "أو", "مع", "من", "إلى", "في", "على", "بعد",
        "قبل", "بدون", "أيضا", "بسرعة", "مباشرة", "شخصيا", "مجانا", "سري", "مهم", "جديد", "معا",
        "بانتظام", "بسيط", "جيد", "مفتوح", "كل", "جميع", "كثير", "نحن", "أنتم", "نساعد", "نقدم",
        "نرافق", "ندعم", "نشرح", "تجدون", "تتعلمون", "تعملون", "تتحدثون", "تحضرون", "يمكن", "يجب",
        "خدمة", "خدمات", "برنامج", "معلومات", "حقوق", "إقامة", "اللاجئين", "المهاجرين", "فرصة",
        "مستشار", "ورشة",
    ];

    pub const FA: [&str; 110] = [
        "کار", "آموزش", "مشاوره", "زبان", "دوره", "خانواده", "کودکان", "مدرسه", "شغل", "حرفه",
        "وقت", "نوبت", "درخواست", "مدارک", "کمک", "پشتیبانی", "پیشنهاد", "دیدار", "پرسش", "سؤال",
        "مردم", "زنان", "جوانان", "والدین", "شرکت", "کارفرما", "کارآموزی", "گواهی", "مدرک",
        "اقامت", "مسکن", "سلامت", "اداره", "شهر", "منطقه", "انجمن", "گروه", "هفته", "ماه", "سال",
        "زمان", "مکان", "اتاق", "دفتر", "تلفن", "پیام", "فرم", "قرارداد", "حقوق", "پول", "هزینه",
        "آینده", "راه", "هدف", "تجربه", "مهارت", "آلمانی", "ادغام", "همسایگان", "جامعه",
        "داوطلبان", "و", "یا", "با", "برای", "در", "از", "به", "بعد", "قبل", "بدون", "همچنین",
        "سریع", "مستقیم", "شخصی", "رایگان", "محرمانه", "مهم", "جدید", "خود", "باهم", "منظم",
        "ساده", "خوب", "باز", "هر", "همه", "بسیاری", "ما", "شما", "می‌کنیم", "راهنمایی", "همراهی",
        "یادگیری", "گفتگو", "می‌آورید", "توضیح", "برنامه", "نشان", "پاسخ", "اطلاعات", "خدمات",
        "فرصت", "مشاور", "کارگاه", "دانشگاه", "پزشک", "بیمارستان", "اتوبوس", "ایستگاه",
    ];

    pub const UK: [&str; 112] = [
        "робота", "навчання", "консультація", "мова", "курс", "родина", "діти", "школа",
        "професія", "посада", "запис", "заява", "документи", "допомога", "підтримка", "пропозиція",
        "зустріч", "питання", "люди", "жінки", "молодь", "батьки", "підприємство", "роботодавці",
        "практика", "свідоцтво", "диплом", "визнання", "житло", "квартира", "установа", "місто",
        "район", "товариство", "група", "тиждень", "місяць", "рік", "час", "місце", "кімната",
        "офіс", "телефон", "повідомлення", "формуляр", "договір", "зарплата", "гроші", "витрати",
        "майбутнє", "шлях", "мета", "досвід", "навички", "німецька", "інтеграція", "сусіди",
        "громада", "волонтери", "і", "та", "або", "з", "для", "у", "після", "до", "без", "також",
        "охоче", "швидко", "прямо", "особисто", "безкоштовно", "конфіденційно", "важливо", "нові",
        "власний", "разом", "регулярно", "просто", "добре", "відкрито", "кожен", "всі", "багато",
        "ми", "ви", "допомагаємо", "консультуємо", "супроводжуємо", "підтримуємо", "знайти",
        "шукати", "вчитися", "працювати", "говорити", "принести", "прийти", "пояснюємо",
        "плануємо", "показуємо", "відповідаємо", "інформація", "послуги", "можливість",
        "консультант", "семінар", "лікар", "їхня", "є", "ґрунтовно",
    ];

    pub const TR: [&str; 112] = [
        "iş", "eğitim", "danışmanlık", "dil", "kurs", "aile", "çocuklar", "okul", "meslek",
        "görev", "randevu", "başvuru", "belgeler", "yardım", "destek", "teklif", "görüşme", "soru",
        "sorular", "insanlar", "kadınlar", "gençler", "ebeveynler", "şirket", "işverenler", "staj",
        "sertifika", "diploma", "tanınma", "konut", "ev", "sağlık", "daire", "şehir", "bölge",
        "dernek", "grup", "hafta", "ay", "yıl", "zaman", "yer", "oda", "ofis", "telefon", "mesaj",
        "form", "sözleşme", "maaş", "para", "masraflar", "gelecek", "yol", "hedef", "deneyim",
        "beceriler", "Almanca", "uyum", "komşular", "topluluk", "gönüllüler", "oturum", "izin",
        "ve", "veya", "ile", "için", "sonra", "önce", "olmadan", "ayrıca", "memnuniyetle", "hızlı",
        "doğrudan", "kişisel", "ücretsiz", "gizli", "önemli", "yeni", "kendi", "birlikte",
        "düzenli", "basit", "iyi", "açık", "her", "tüm", "birçok", "biz", "siz", "yardımcı",
        "destekliyoruz", "açıklıyoruz", "buluyoruz", "öğrenmek", "çalışmak", "konuşmak",
        "getirmek", "gelmek", "planlıyoruz", "gösteriyoruz", "yanıtlıyoruz", "bilgi", "hizmetler",
        "fırsat", "danışman", "atölye", "üniversite", "doktor", "hastane", "otobüs", "durak",
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example_config() -> Config {
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(CONFIG_FILE))
            .unwrap();
        cut_config(&text, None).unwrap().config
    }

    fn words(text: &str) -> usize {
        text.split_whitespace()
            .filter(|w| !matches!(*w, "##" | "-"))
            .count()
    }

    fn field<'a>(yaml: &'a Value, key: &str) -> &'a Value {
        &yaml[key]
    }

    #[test]
    fn the_same_seed_gives_the_same_files() {
        let config = example_config();
        let a = Plan::new(&config, 7);
        let b = Plan::new(&config, 7);
        let c = Plan::new(&config, 8);
        for index in [0, 1, 17, 4_999] {
            let (x, y, z) = (a.actor(index), b.actor(index), c.actor(index));
            assert_eq!(x.slug, y.slug);
            assert_eq!(x.files, y.files);
            assert_ne!(x.files, z.files, "another seed gives other text");
        }
    }

    #[test]
    fn the_generated_bytes_stay_the_same() {
        // Guards the benchmarks' catalogues against unnoticed changes, e.g. by a new serde_yaml.
        // Changing the generator on purpose is fine: then update this hash and say so in the
        // commit, because catalogues generated before and after differ.
        use sha2::{Digest, Sha256};
        let actor = Plan::new(&example_config(), 1).actor(0);
        let mut hash = Sha256::new();
        for (name, text) in &actor.files {
            hash.update(name.as_bytes());
            hash.update(text.as_bytes());
        }
        let hex: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            hex, "0544fe6ac53fc075a34c7cf75dc3dc8a31ff88470aa735d1a98fb8decf4f0118",
            "{}",
            actor.files[0].1
        );
    }

    #[test]
    fn splitmix64_matches_the_reference() {
        // Seeded with 1234567 (Rosetta Code, "Pseudo-random numbers/Splitmix64").
        let mut rng = Rng(1_234_567);
        assert_eq!(rng.next_u64(), 6_457_827_717_110_365_317);
        assert_eq!(rng.next_u64(), 3_203_168_211_198_807_973);
        assert_eq!(rng.next_u64(), 9_817_491_932_198_370_423);
    }

    #[test]
    fn sizes_are_within_the_stated_ranges() {
        let config = example_config();
        let plan = Plan::new(&config, 42);
        let mut slugs = BTreeSet::new();
        for index in 0..300 {
            let actor = plan.actor(index);
            assert!(slugs.insert(actor.slug.clone()), "slugs are unique");
            assert!(crate::validate::check_slug(&actor.slug).is_ok());
            // profile.yaml and a translation per language but the variants (Leichte Sprache).
            let variants = config.languages.iter().filter(|l| l.base.is_some()).count();
            assert_eq!(actor.files.len(), config.languages.len() - variants);
            let profile: Value = serde_yaml::from_str(&actor.files[0].1).unwrap();
            let name = field(&profile, "name").as_str().unwrap();
            assert!((2..=6).contains(&words(name)), "{name}");
            for (key, high) in [("topics", 4), ("target_groups", 4)] {
                let ids = field(&profile, key).as_sequence().unwrap();
                assert!((1..=high).contains(&ids.len()));
                let distinct: BTreeSet<_> = ids.iter().map(|v| v.as_str().unwrap()).collect();
                assert_eq!(distinct.len(), ids.len(), "{key} are distinct");
            }
            let offers = field(&profile, "offers").as_sequence().unwrap().len();
            assert!((3..=8).contains(&offers));
            let contacts = field(&profile, "contacts").as_sequence().unwrap();
            assert!((1..=3).contains(&contacts.len()));
            for contact in contacts {
                if let Some(phone) = contact["phone"].as_str() {
                    let (area, rest) = phone.split_once(' ').unwrap();
                    let (exchange, extension) = rest.split_once('-').unwrap();
                    assert!(area.starts_with('0') && area.len() == 5, "{phone}");
                    assert_eq!(exchange.len(), 4, "{phone}");
                    assert_eq!(extension.len(), 2, "{phone}");
                }
                if let Some(email) = contact["email"].as_str() {
                    assert!(
                        email.ends_with("@example.org") && email.is_ascii(),
                        "{email}"
                    );
                }
            }
            let postcode = &profile["address"]["postcode"];
            assert_eq!(
                postcode.as_str().unwrap().len(),
                5,
                "the postcode is a string"
            );
            if let Some(latitude) = profile["address"]["latitude"].as_f64() {
                assert!((49.3..49.6).contains(&latitude));
            }
            let reviewed: Date = field(&profile, "last_reviewed")
                .as_str()
                .unwrap()
                .parse()
                .unwrap();
            assert!(reviewed >= Date::new(2025, 6, 1).unwrap());
            assert!(reviewed <= Date::new(2026, 10, 31).unwrap());

            for (file, text) in &actor.files {
                let yaml: Value = serde_yaml::from_str(text).unwrap();
                let summary = field(&yaml, "summary").as_str().unwrap();
                assert!((15..=30).contains(&words(summary)), "{file}: {summary}");
                assert!(
                    summary.chars().count() <= SUMMARY_MAX_CHARS,
                    "{file}: {summary}"
                );
                let description = field(&yaml, "description").as_str().unwrap();
                assert!(
                    (150..=400).contains(&words(description)),
                    "{file}: {} words",
                    words(description)
                );
                let headings = description.lines().filter(|l| l.starts_with("## ")).count();
                assert!((1..=2).contains(&headings));
                assert!(description.lines().any(|l| l.starts_with("- ")));
                assert_eq!(
                    field(&yaml, "offers").as_sequence().unwrap().len(),
                    offers,
                    "{file}: translations have every offer"
                );
                assert_eq!(
                    field(&yaml, "contacts").as_sequence().unwrap().len(),
                    contacts.len()
                );
            }
        }
    }

    #[test]
    fn translations_are_in_their_script() {
        let plan = Plan::new(&example_config(), 3);
        let actor = plan.actor(5);
        let text = |name: &str| {
            let (_, text) = actor.files.iter().find(|(f, _)| f == name).unwrap();
            let yaml: Value = serde_yaml::from_str(text).unwrap();
            yaml["description"].as_str().unwrap().to_owned()
        };
        let arabic = |c: char| ('\u{0600}'..='\u{06FF}').contains(&c);
        let cyrillic = |c: char| ('\u{0400}'..='\u{04FF}').contains(&c);
        assert!(text("ar.yaml").chars().filter(|c| arabic(*c)).count() > 500);
        assert!(text("fa.yaml").chars().any(|c| "پچژگکی".contains(c)));
        assert!(text("uk.yaml").chars().filter(|c| cyrillic(*c)).count() > 500);
        assert!(text("tr.yaml").chars().any(|c| "ışğçöüİ".contains(c)));
        assert!(text("en.yaml").is_ascii());
    }

    #[test]
    fn word_lists_are_short_words_without_markup() {
        for code in ["de", "en", "ar", "fa", "uk", "tr"] {
            let language = language(code);
            assert!(language.words.len() >= 100, "{code}");
            for word in language.words {
                assert!(word.chars().count() <= 15, "{code}: {word}");
                assert!(!word.contains(char::is_whitespace), "{code}: {word}");
                assert!(
                    !word.contains(['*', '[', ']', '#', ':', '\'', '"']),
                    "{code}: {word}"
                );
            }
        }
    }

    #[test]
    fn cutting_languages_drops_their_texts() {
        let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(CONFIG_FILE))
            .unwrap();
        let cut = cut_config(&text, Some(2)).unwrap();
        assert_eq!(cut.dropped, ["ar", "uk", "fa", "tr", "de-x-ls"]);
        assert_eq!(cut.config.languages.len(), 2);
        assert_eq!(cut.config.brochure.languages, ["de", "en"]);
        assert!(cut.config.title.keys().eq(["de", "en"]));
        assert!(cut.config.topics.iter().all(|t| t.label.len() == 2));
        assert_eq!(cut.config.spoken_languages["ar"], "العربية");
        assert!(cut_config(&text, Some(0)).is_err());
        assert!(cut_config(&text, Some(8)).is_err());
        // A variant left out does not become a spoken language.
        assert!(!cut.config.spoken_languages.contains_key("de-x-ls"));
    }

    #[test]
    fn wrapping_keeps_the_words() {
        let text = "eins zwei drei vier fünf sechs sieben acht neun zehn";
        let wrapped = wrap(text, 12);
        assert!(wrapped.lines().all(|l| l.chars().count() <= 12));
        assert_eq!(wrapped.replace('\n', " "), text);
    }

    #[test]
    fn turkish_capitalises_dotted_i() {
        assert_eq!(language("tr").capitalise("iş"), "İş");
        assert_eq!(language("en").capitalise("information"), "Information");
        assert_eq!(ascii_fold("Yılmaz"), "yilmaz");
        assert_eq!(ascii_fold("Müller"), "mueller");
    }
}
