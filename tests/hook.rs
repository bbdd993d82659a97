//! The pre-commit hook from examples/hooks, installed by scripts/install-hooks.sh into real git
//! repositories on disk: it checks what is staged, not the working tree, and says how to get the
//! program when it is missing.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A search path with git and the shell tools but without steckbrief or cargo.
const BARE_PATH: &str = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/// Runs git in `dir`; `program` is what the hook gets as $STECKBRIEF (None: not set).
fn git_with(dir: &Path, args: &[&str], program: Option<&Path>) -> Output {
    let mut command = Command::new("git");
    command
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(args)
        .current_dir(dir)
        .env("PATH", BARE_PATH)
        .env("SOURCE_DATE_EPOCH", common::TODAY_EPOCH)
        .env("NO_COLOR", "1")
        // No locale: the messages follow the content's source language, German.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("GIT_DIR")
        .env_remove("GIT_INDEX_FILE")
        .env_remove("GIT_WORK_TREE");
    match program {
        Some(program) => command.env("STECKBRIEF", program),
        None => command.env_remove("STECKBRIEF"),
    };
    command.output().expect("git runs")
}

fn git(dir: &Path, args: &[&str]) -> Output {
    git_with(dir, args, Some(Path::new(env!("CARGO_BIN_EXE_steckbrief"))))
}

fn git_ok(dir: &Path, args: &[&str]) {
    let output = git(dir, args);
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A repository holding the good fixture in one commit, with the hook installed by
/// scripts/install-hooks.sh (which the repository itself must carry, as a town's fork does).
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    common::copy_dir(&repo().join("tests/fixtures/good"), root);
    for file in ["examples/hooks/pre-commit", "scripts/install-hooks.sh"] {
        std::fs::create_dir_all(root.join(file).parent().unwrap()).unwrap();
        std::fs::copy(repo().join(file), root.join(file)).unwrap();
    }
    git_ok(root, &["init", "-q"]);
    let install = Command::new("bash")
        .arg("scripts/install-hooks.sh")
        .current_dir(root)
        .output()
        .unwrap();
    assert!(install.status.success(), "{install:?}");
    git_ok(root, &["add", "."]);
    git_ok(root, &["commit", "-q", "-m", "good"]);
    dir
}

fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no `{from}`");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

const PROFILE: &str = "actors/beratung-a/profile.yaml";
const GOOD_POSTCODE: &str = "postcode: \"66663\"";
const BAD_POSTCODE: &str = "postcode: \"666\"";

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_staged_mistake_blocks_even_when_the_working_tree_is_fixed() {
    let dir = repository();
    let root = dir.path();
    edit(root, PROFILE, GOOD_POSTCODE, BAD_POSTCODE);
    git_ok(root, &["add", PROFILE]);
    // Fixed on disk, but not staged: the commit would still contain the mistake.
    edit(root, PROFILE, BAD_POSTCODE, GOOD_POSTCODE);
    let commit = git(root, &["commit", "-q", "-m", "bad"]);
    assert!(!commit.status.success(), "the staged mistake was committed");
    let text = stderr(&commit);
    assert!(text.contains(&format!("{PROFILE}:18:")), "{text}");
    assert!(text.contains("`666`"), "{text}");
    assert!(text.contains("Commit abgebrochen"), "{text}");
    // Short: the errors, no list of warnings (the good fixture has several), which are counted.
    // (Counted by locations, whatever language the labels are in.)
    assert_eq!(text.matches("--> ").count(), 1, "{text}");
    let head = git(root, &["log", "--format=%s"]);
    assert_eq!(String::from_utf8_lossy(&head.stdout), "good\n");
}

#[test]
fn an_unstaged_mistake_does_not_block_a_good_commit() {
    let dir = repository();
    let root = dir.path();
    edit(root, PROFILE, "summary: ", "summary: Neu – ");
    git_ok(root, &["add", PROFILE]);
    // A mistake in another file, not staged: not part of this commit.
    edit(
        root,
        "actors/stadt/buergerbuero/profile.yaml",
        GOOD_POSTCODE,
        BAD_POSTCODE,
    );
    let commit = git(root, &["commit", "-q", "-m", "good change"]);
    assert!(commit.status.success(), "{}", stderr(&commit));
    let committed = git(root, &["show", &format!("HEAD:{PROFILE}")]);
    assert!(String::from_utf8_lossy(&committed.stdout).contains("summary: Neu – "));
    // `git commit -a` stages the mistake into a temporary index: now it is checked and blocks.
    let all = git(root, &["commit", "-a", "-q", "-m", "everything"]);
    assert!(!all.status.success(), "commit -a committed the mistake");
    assert!(
        stderr(&all).contains("actors/stadt/buergerbuero/profile.yaml:11:"),
        "{}",
        stderr(&all)
    );
}

#[test]
fn staged_files_are_checked_against_the_unchanged_ones() {
    let dir = repository();
    let root = dir.path();
    // The staged config drops a topic that an unchanged, unstaged profile still uses.
    let config = root.join("config.yaml");
    let good = std::fs::read_to_string(&config).unwrap();
    let topic = "  - id: language\n    label: { de: Deutschkurse, en: German courses, ar: دورات اللغة الألمانية }\n";
    assert!(good.contains(topic));
    std::fs::write(&config, good.replace(topic, "")).unwrap();
    git_ok(root, &["add", "config.yaml"]);
    std::fs::write(&config, &good).unwrap();
    let commit = git(root, &["commit", "-q", "-m", "drop a topic"]);
    assert!(
        !commit.status.success(),
        "the broken reference was committed"
    );
    let text = stderr(&commit);
    assert!(
        text.contains("actors/stadt/buergerbuero/profile.yaml:3:"),
        "{text}"
    );
    assert!(text.contains("`language`"), "{text}");
}

#[test]
fn without_the_program_the_hook_says_how_to_get_it() {
    let dir = repository();
    let root = dir.path();
    edit(root, PROFILE, "summary: ", "summary: Neu – ");
    git_ok(root, &["add", PROFILE]);
    let commit = git_with(root, &["commit", "-q", "-m", "change"], None);
    assert!(!commit.status.success());
    let text = stderr(&commit);
    assert!(
        text.contains("Das Programm „steckbrief“ wurde nicht gefunden"),
        "{text}"
    );
    assert!(text.contains("cargo install --locked --path ."), "{text}");
    assert!(text.contains("Release-Seite"), "{text}");
    assert!(!text.contains("not found"), "{text}");

    // A program set but not there is named.
    let wrong = git_with(
        root,
        &["commit", "-q", "-m", "change"],
        Some(Path::new("/nonexistent/steckbrief")),
    );
    assert!(!wrong.status.success());
    assert!(
        stderr(&wrong).contains("Eingestellt ist: /nonexistent/steckbrief"),
        "{}",
        stderr(&wrong)
    );

    // Told where the program is, by git config as the message suggests, the commit goes through.
    git_ok(
        root,
        &[
            "config",
            "steckbrief.program",
            env!("CARGO_BIN_EXE_steckbrief"),
        ],
    );
    let again = git_with(root, &["commit", "-q", "-m", "change"], None);
    assert!(again.status.success(), "{}", stderr(&again));
}

#[test]
fn a_content_root_below_the_top_is_checked_where_git_config_says() {
    let dir = tempfile::tempdir().unwrap();
    let top = dir.path();
    let content = top.join("inhalt");
    common::copy_dir(&repo().join("tests/fixtures/good"), &content);
    git_ok(top, &["init", "-q"]);
    let hook = top.join(".git/hooks/pre-commit");
    std::fs::copy(repo().join("examples/hooks/pre-commit"), &hook).unwrap();
    git_ok(top, &["config", "steckbrief.root", "inhalt"]);
    git_ok(top, &["add", "."]);
    git_ok(top, &["commit", "-q", "-m", "good"]);

    edit(&content, PROFILE, GOOD_POSTCODE, BAD_POSTCODE);
    git_ok(top, &["add", "."]);
    let commit = git(top, &["commit", "-q", "-m", "bad"]);
    assert!(!commit.status.success());
    // Paths are relative to the content root, as the editor knows them from `check`.
    assert!(
        stderr(&commit).contains(&format!("--> {PROFILE}:18:")),
        "{}",
        stderr(&commit)
    );
}
