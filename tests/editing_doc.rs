//! The sample sessions in docs/EDITING.md are what the program really prints.
//!
//! A sample is a fenced block whose info string is `console <scenario>`: lines starting with
//! `$ ` are commands, the lines after each are its output (stdout, then stderr). A line `…`
//! stands for lines left out (at most one per output: the lines before it must start the
//! output, the lines after it end it). Every block runs in a fresh folder prepared as its
//! scenario says ([`prepare`]); commands of one block run one after the other in it.
//!
//! When the program's messages change, `UPDATE_DOCS=1 cargo test --features synthetic --test
//! editing_doc` writes the real output into the blocks (keeping the number of lines shown
//! before and after a `…`); review the diff of docs/EDITING.md before committing it.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{TODAY_EPOCH, fill_placeholders};

const DOC: &str = "docs/EDITING.md";
/// The info string's first word that marks a sample.
const MARK: &str = "console";
/// Stands for output lines left out.
const ELISION: &str = "…";

/// One sample: where it stands in the document and what it holds.
struct Block {
    scenario: String,
    /// Line index (0-based) of the opening fence.
    start: usize,
    /// Line index of the closing fence.
    end: usize,
    steps: Vec<Step>,
}

/// A command and the output the document shows for it.
struct Step {
    command: String,
    expected: Vec<String>,
}

fn parse(doc: &str) -> Vec<Block> {
    let lines: Vec<&str> = doc.lines().collect();
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let info = lines[i].strip_prefix("```").map(str::trim);
        let Some(scenario) = info.and_then(|info| info.strip_prefix(MARK)) else {
            i += 1;
            continue;
        };
        let scenario = scenario.trim();
        if scenario.is_empty() {
            i += 1;
            continue;
        }
        let start = i;
        let mut steps: Vec<Step> = Vec::new();
        i += 1;
        while i < lines.len() && !lines[i].starts_with("```") {
            match lines[i].strip_prefix("$ ") {
                Some(command) => steps.push(Step {
                    command: command.to_owned(),
                    expected: Vec::new(),
                }),
                None => steps
                    .last_mut()
                    .unwrap_or_else(|| panic!("{DOC}:{}: output before any `$ ` command", i + 1))
                    .expected
                    .push(lines[i].to_owned()),
            }
            i += 1;
        }
        blocks.push(Block {
            scenario: scenario.to_owned(),
            start,
            end: i,
            steps,
        });
        i += 1;
    }
    blocks
}

/// Prepares the scenario `name` under `dir`; returns the folder the commands run in.
///
/// - `leer`: an empty folder (for `init`).
/// - `musterstadt`: the content folder `steckbrief init --town Musterstadt` creates, with every
///   placeholder filled in and its own `base_url`; the commands run in it.
/// - `tippfehler`: the same, with `address:` misspelt `adress:` in the example actor.
/// - `plz`: the same, with the postcode written without quotes.
/// - `thema`: the same, with a topic that config.yaml does not list.
fn prepare(name: &str, dir: &Path) -> PathBuf {
    if name == "leer" {
        return dir.to_path_buf();
    }
    let root = dir.join("musterstadt");
    let init = run(dir, "steckbrief init musterstadt --town Musterstadt");
    assert!(init.0, "init failed: {}", init.1);
    fill_placeholders(&root);
    // The town's own address, as EDITING.md tells it to set before publishing.
    let config = root.join("config.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        text.replacen(
            "https://integration.example.org",
            "https://integration.musterstadt.de",
            1,
        ),
    )
    .unwrap();
    let profile = root.join("actors/anlaufstelle/profile.yaml");
    let edit = |from: &str, to: &str| {
        let text = std::fs::read_to_string(&profile).unwrap();
        assert!(text.contains(from), "{from} not in {}", profile.display());
        std::fs::write(&profile, text.replacen(from, to, 1)).unwrap();
    };
    match name {
        "musterstadt" => {}
        "tippfehler" => edit("\naddress:", "\nadress:"),
        "plz" => edit("postcode: \"66606\"", "postcode: 66606"),
        "thema" => edit("topics: [counselling, work]", "topics: [mobility, work]"),
        "pflichtfeld" => {
            edit("summary: \"Eingetragen von der Redaktion\"\n", "");
            edit(
                "    phone:\n    email:",
                "    phone: 9300-100\n    email: lotse(at)musterstadt.de",
            );
        }
        "vorlage" => {
            std::fs::create_dir_all(root.join("templates")).unwrap();
            std::fs::write(
                root.join("templates/brochure.typ"),
                "#let daten = json(\"/data.json\")\n#set page(paper: daten.papier)\n",
            )
            .unwrap();
        }
        other => panic!(
            "{DOC}: unknown scenario `{other}` \
             (leer, musterstadt, tippfehler, plz, thema, pflichtfeld, vorlage)"
        ),
    }
    root
}

/// Runs `command` (`steckbrief …`, words split at spaces, "…" quoting allowed) in `dir`;
/// returns whether it succeeded and what it printed (stdout, then stderr).
fn run(dir: &Path, command: &str) -> (bool, String) {
    let words = split_words(command);
    assert_eq!(
        words.first().map(String::as_str),
        Some("steckbrief"),
        "{DOC}: samples run steckbrief only: {command}"
    );
    let output = Command::new(env!("CARGO_BIN_EXE_steckbrief"))
        .args(&words[1..])
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", TODAY_EPOCH)
        .env("NO_COLOR", "1")
        // The editors' locale: messages follow it where they can be chosen.
        .env("LANG", "de_DE.UTF-8")
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

fn split_words(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in command.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Output lines as the document shows them: no trailing spaces, no trailing blank lines.
fn output_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text.lines().map(|l| l.trim_end().to_owned()).collect();
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

/// The lines shown before and after the elision (all lines as `head` if there is none).
fn split_elision(expected: &[String]) -> (&[String], Option<&[String]>) {
    match expected.iter().position(|l| l == ELISION) {
        Some(i) => (&expected[..i], Some(&expected[i + 1..])),
        None => (expected, None),
    }
}

fn matches(expected: &[String], actual: &[String]) -> bool {
    match split_elision(expected) {
        (all, None) => all == actual,
        (head, Some(tail)) => {
            head.len() + tail.len() <= actual.len()
                && actual.starts_with(head)
                && actual.ends_with(tail)
        }
    }
}

/// What the document should show for `actual`, keeping as many lines around an elision as it
/// shows now.
fn updated(expected: &[String], actual: &[String]) -> Vec<String> {
    match split_elision(expected) {
        (head, Some(tail)) if head.len() + tail.len() < actual.len() => {
            let mut lines = actual[..head.len()].to_vec();
            lines.push(ELISION.to_owned());
            lines.extend_from_slice(&actual[actual.len() - tail.len()..]);
            lines
        }
        _ => actual.to_vec(),
    }
}

/// A line diff (longest common subsequence): `-` the document, `+` the program.
fn diff(expected: &[String], actual: &[String]) -> String {
    let (n, m) = (expected.len(), actual.len());
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if expected[i] == actual[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < n || j < m {
        if i < n && j < m && expected[i] == actual[j] {
            out += &format!("  {}\n", expected[i]);
            (i, j) = (i + 1, j + 1);
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out += &format!("+ {}\n", actual[j]);
            j += 1;
        } else {
            out += &format!("- {}\n", expected[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn samples_in_editing_md_are_real_output() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(DOC);
    let doc = std::fs::read_to_string(&path).unwrap();
    let blocks = parse(&doc);
    assert!(blocks.len() >= 5, "{DOC} has only {} samples", blocks.len());
    let update = std::env::var_os("UPDATE_DOCS").is_some_and(|v| v == "1");
    let mut lines: Vec<String> = doc.lines().map(str::to_owned).collect();
    let mut failures = Vec::new();
    // Back to front, so that rewriting a block keeps the earlier blocks' line numbers.
    for block in blocks.iter().rev() {
        let dir = tempfile::tempdir().unwrap();
        let cwd = prepare(&block.scenario, dir.path());
        let mut text = vec![format!("```{MARK} {}", block.scenario)];
        for step in &block.steps {
            let actual = output_lines(&run(&cwd, &step.command).1);
            if !matches(&step.expected, &actual) {
                failures.push(format!(
                    "{DOC}:{} `$ {}` (scenario {}):\n{}",
                    block.start + 1,
                    step.command,
                    block.scenario,
                    diff(&step.expected, &actual)
                ));
            }
            text.push(format!("$ {}", step.command));
            text.extend(updated(&step.expected, &actual));
        }
        lines.splice(block.start..block.end, text);
    }
    if update {
        let mut new = lines.join("\n");
        new.push('\n');
        if new != doc {
            std::fs::write(&path, new).unwrap();
            eprintln!("rewrote the samples in {DOC}; review `git diff {DOC}`");
        }
        return;
    }
    assert!(
        failures.is_empty(),
        "{} sample(s) differ from what the program prints (- document, + program):\n\n{}\n\
         To write the program's output into the document: \
         UPDATE_DOCS=1 cargo test --features synthetic --test editing_doc",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn elisions_match_the_start_and_end_of_the_output() {
    let lines = |text: &str| -> Vec<String> { text.lines().map(str::to_owned).collect() };
    let actual = lines("a\nb\nc\nd");
    assert!(matches(&lines("a\n…\nd"), &actual));
    assert!(matches(&lines("a\nb\nc\nd"), &actual));
    assert!(!matches(&lines("a\n…\nc"), &actual));
    assert!(!matches(&lines("a\nb\nc"), &actual));
    assert!(!matches(&lines("a\nb\n…\nb\nc\nd"), &actual));
    assert_eq!(updated(&lines("x\n…\ny"), &actual), lines("a\n…\nd"));
    assert_eq!(updated(&lines("x\ny"), &actual), actual);
    assert_eq!(
        diff(&lines("a\nx\nc"), &lines("a\nb\nc")),
        "  a\n+ b\n- x\n  c\n"
    );
}
