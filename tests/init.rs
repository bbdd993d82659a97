//! A new town's content folder (`init`), the commands that must find (or refuse to run without)
//! a content folder (`new`, `serve`), and the shell completions and manual page.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{TODAY_EPOCH, files, fill_placeholders, steckbrief, steckbrief_ok};

/// Every placeholder `[[…]]` in the text files under `root`, as (file, marker); counted here
/// independently of the checker.
fn placeholders(root: &Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (path, bytes) in files(root) {
        let text = String::from_utf8_lossy(&bytes);
        let yaml = path.extension().is_some_and(|e| e == "yaml");
        // Comments in YAML files explain placeholders; they are not values.
        for line in text
            .lines()
            .filter(|l| !(yaml && l.trim_start().starts_with('#')))
        {
            let mut rest = line;
            while let Some(start) = rest.find("[[") {
                let Some(length) = rest[start..].find("]]") else {
                    break;
                };
                found.push((
                    path.display().to_string(),
                    rest[start..start + length + 2].to_owned(),
                ));
                rest = &rest[start + length + 2..];
            }
        }
    }
    found
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn init_check_fill_build_gives_the_towns_site() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("wendel");
    let root_arg = root.to_str().unwrap();
    let output = steckbrief_ok(&["init", root_arg, "--town", "Sankt Wendel"]);
    assert!(stderr(&output).contains("for Sankt Wendel"), "{output:?}");

    let written = files(&root);
    for expected in [
        "config.yaml",
        "actors/anlaufstelle/profile.yaml",
        "actors/anlaufstelle/en.yaml",
        "content/numbers.yaml",
        "content/pages/imprint/de.md",
        "content/pages/privacy/de.md",
        "content/pages/accessibility/de.md",
        "schemas/profile.schema.json",
        "schemas/config.schema.json",
        ".vscode/settings.json",
        ".gitignore",
        "theme/logo.svg",
    ] {
        assert!(written.contains_key(Path::new(expected)), "no {expected}");
    }
    // (The schemas' descriptions come from the model's documentation, which takes its examples
    // from the example content.)
    for (path, bytes) in written.iter().filter(|(p, _)| !p.starts_with("schemas")) {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.contains("Merzig"),
            "{} mentions Merzig",
            path.display()
        );
    }
    // The schemas are those `steckbrief schema` makes from the new config (its topics as the
    // values a profile may name), and VS Code maps them to the files.
    let again = root.join("schemas-again");
    let output = steckbrief(&[
        "schema",
        "--root",
        root_arg,
        "--out",
        again.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    for name in ["config", "profile", "translation", "numbers", "i18n"] {
        let file = format!("{name}.schema.json");
        assert_eq!(
            written[&Path::new("schemas").join(&file)],
            std::fs::read(again.join(&file)).unwrap(),
            "{file}"
        );
    }
    let settings: serde_json::Value =
        serde_json::from_slice(&written[Path::new(".vscode/settings.json")]).unwrap();
    assert_eq!(
        settings["yaml.schemas"]["./schemas/profile.schema.json"][0],
        "actors/**/profile.yaml"
    );
    assert!(
        String::from_utf8_lossy(&written[Path::new(".gitignore")])
            .lines()
            .any(|l| l == "/public")
    );

    // `check` reports exactly the placeholders, each with its file and line.
    let expected = placeholders(&root);
    assert!(expected.len() > 10, "{expected:?}");
    let output = steckbrief(&["check", "--root", root_arg, "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let errors: Vec<&serde_json::Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    let mut reported: Vec<(String, String)> = errors
        .iter()
        .map(|d| {
            let message = d["message"].as_str().unwrap();
            let marker = message
                .split_once("still has the placeholder ")
                .unwrap_or_else(|| panic!("not a placeholder error: {d}"))
                .1;
            assert!(d["line"].as_u64().is_some(), "no line: {d}");
            (d["file"].as_str().unwrap().to_owned(), marker.to_owned())
        })
        .collect();
    let mut expected = expected;
    reported.sort();
    expected.sort();
    assert_eq!(reported, expected);

    // Filled in, the content checks and builds, and the site carries the town's name.
    fill_placeholders(&root);
    let output = steckbrief(&["check", "--root", root_arg]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = dir.path().join("public");
    steckbrief_ok(&["build", "--root", root_arg, "--out", out.to_str().unwrap()]);
    let home = std::fs::read_to_string(out.join("de/index.html")).unwrap();
    assert!(
        home.contains("Arbeiten und Leben in Sankt Wendel"),
        "{home}"
    );
    let actor = std::fs::read_to_string(out.join("de/anlaufstelle/index.html")).unwrap();
    assert!(actor.contains("Zentrale Anlaufstelle Integration Sankt Wendel"));
    assert!(actor.contains("66606"));
    // The town's placeholder logo, not the built-in default (Merzig's "M").
    let logo = std::fs::read_dir(out.join("assets"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("logo.")
        })
        .unwrap();
    assert_eq!(
        std::fs::read(logo).unwrap(),
        written[Path::new("theme/logo.svg")]
    );
    let imprint = std::fs::read_to_string(out.join("en/imprint/index.html")).unwrap();
    assert!(imprint.contains("Legal notice"));
    for language in ["de", "en"] {
        let pdf = out.join(format!("{language}/arbeiten-und-leben-in-sankt-wendel.pdf"));
        assert!(pdf.is_file(), "no {}", pdf.display());
    }
}

#[test]
fn init_refuses_a_folder_that_is_not_empty_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let output = steckbrief(&["init", dir.path().to_str().unwrap(), "--town", "Beckingen"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("is not empty"),
        "{}",
        stderr(&output)
    );
    assert_eq!(files(dir.path()).len(), 1);
    // A clone of an empty repository has only .git: that is empty enough.
    let clone = dir.path().join("clone");
    std::fs::create_dir_all(clone.join(".git")).unwrap();
    steckbrief_ok(&["init", clone.to_str().unwrap(), "--town", "Beckingen"]);
    assert!(clone.join("config.yaml").is_file());
    let output = steckbrief(&[
        "init",
        dir.path().join("x").to_str().unwrap(),
        "--town",
        " ",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--town needs a name"));
}

#[test]
fn without_a_town_name_check_asks_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("neu");
    let output = steckbrief_ok(&["init", root.to_str().unwrap()]);
    assert!(stderr(&output).contains("for a town still to be named (--town NAME)"));
    let output = steckbrief(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(
            "error: `town` still has the placeholder [[Name der Stadt]]\n  --> config.yaml:5:7"
        ),
        "{}",
        stderr(&output)
    );
}

/// Runs the binary in `dir` (for commands that look for the content folder from there).
fn steckbrief_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_steckbrief"))
        .args(args)
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", TODAY_EPOCH)
        .env("NO_COLOR", "1")
        // No locale: German, the language of the content (or the default outside one).
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

#[test]
fn new_finds_the_content_folder_from_inside_actors_and_refuses_outside_one() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("town");
    steckbrief_ok(&["init", root.to_str().unwrap(), "--town", "Perl"]);
    let output = steckbrief_in(&root.join("actors/anlaufstelle"), &["new", "tafel"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("../../actors/tafel/profile.yaml angelegt"),
        "{}",
        stderr(&output)
    );
    assert!(root.join("actors/tafel/profile.yaml").is_file());
    assert!(!root.join("actors/anlaufstelle/actors").exists());
    assert!(!root.join("actors/actors").exists());

    let outside = dir.path().join("elsewhere");
    std::fs::create_dir(&outside).unwrap();
    let output = steckbrief_in(&outside, &["new", "tafel"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("keine config.yaml in . oder einem Ordner darüber"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 0);
}

#[test]
fn serve_refuses_to_start_without_content() {
    let dir = tempfile::tempdir().unwrap();
    let output = steckbrief_in(dir.path(), &["serve", "--port", "0"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("keine config.yaml in .: ist das der Inhaltsordner?"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn bash_completion_completes_commands_and_options() {
    let script = steckbrief_ok(&["completions", "bash"]).stdout;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("steckbrief.bash");
    std::fs::write(&path, &script).unwrap();
    let syntax = Command::new("bash").arg("-n").arg(&path).output().unwrap();
    assert!(syntax.status.success(), "{}", stderr(&syntax));
    // What a user gets on pressing Tab after `steckbrief i` and `steckbrief init --t`.
    let complete = |words: &str| {
        let program = format!(
            "source {}; COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}}-1)); \
             _steckbrief steckbrief \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; \
             echo \"${{COMPREPLY[@]}}\"",
            path.display()
        );
        let output = Command::new("bash")
            .arg("-c")
            .arg(program)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        String::from_utf8(output.stdout).unwrap()
    };
    assert_eq!(complete("steckbrief i").trim(), "init");
    assert!(complete("steckbrief init --t").contains("--town"));
    assert!(complete("steckbrief completions ''").contains("powershell"));
}

#[test]
fn completion_scripts_for_other_shells_name_every_command() {
    for (shell, marker) in [
        ("zsh", "#compdef steckbrief"),
        ("fish", "complete -c steckbrief"),
        ("powershell", "using namespace System.Management.Automation"),
        ("elvish", "use builtin;"),
    ] {
        let script = String::from_utf8(steckbrief_ok(&["completions", shell]).stdout).unwrap();
        assert!(script.contains(marker), "{shell}: {script}");
        for command in [
            "build",
            "check",
            "init",
            "new",
            "serve",
            "completions",
            "man",
        ] {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
    }
    let output = steckbrief(&["completions", "tcsh"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn the_manual_page_is_valid_roff_and_lists_every_command() {
    let page = String::from_utf8(steckbrief_ok(&["man"]).stdout).unwrap();
    assert!(page.contains(".TH steckbrief 1"), "{page}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH SUBCOMMANDS"] {
        assert!(page.contains(section), "no {section}");
    }
    for command in ["build", "check", "init", "new", "serve", "completions"] {
        assert!(
            page.contains(&format!("steckbrief\\-{command}(1)")),
            "{command}"
        );
    }
    // groff formats it without a warning (-ww: all warnings), as `man` would.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("steckbrief.1");
    std::fs::write(&path, &page).unwrap();
    let groff = Command::new("groff")
        // -P-cbou: plain text, without overstriking for bold and underline.
        .args(["-man", "-Tutf8", "-ww", "-P-cbou"])
        .arg(&path)
        .output()
        .expect("groff is installed (apt: groff-base)");
    assert!(
        groff.status.success() && groff.stderr.is_empty(),
        "{}",
        stderr(&groff)
    );
    let text = String::from_utf8_lossy(&groff.stdout);
    assert!(
        text.contains("NAME") && text.contains("steckbrief-init(1)"),
        "{text}"
    );

    // One page per command with --out.
    let out = dir.path().join("man");
    steckbrief_ok(&["man", "--out", out.to_str().unwrap()]);
    let init = std::fs::read_to_string(out.join("steckbrief-init.1")).unwrap();
    assert!(init.contains("\\-\\-town"), "{init}");
}
