//! The pre-commit hook from examples/hooks refuses commits that `steckbrief check` rejects.

mod common;

use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(args)
        .current_dir(dir)
        .env("STECKBRIEF", env!("CARGO_BIN_EXE_steckbrief"))
        // No locale: the messages follow the content's source language, German.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("git runs")
}

#[test]
fn pre_commit_hook_blocks_content_with_errors() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    common::copy_dir(&repo.join("tests/fixtures/good"), root);
    assert!(git(root, &["init", "-q"]).status.success());
    let hook = root.join(".git/hooks/pre-commit");
    std::fs::copy(repo.join("examples/hooks/pre-commit"), &hook).unwrap();
    assert!(git(root, &["add", "."]).status.success());
    let good = git(root, &["commit", "-q", "-m", "good"]);
    assert!(
        good.status.success(),
        "{}",
        String::from_utf8_lossy(&good.stderr)
    );

    let profile = root.join("actors/beratung-a/profile.yaml");
    let text = std::fs::read_to_string(&profile).unwrap();
    std::fs::write(
        &profile,
        text.replace("postcode: \"66663\"", "postcode: \"666\""),
    )
    .unwrap();
    git(root, &["add", "."]);
    let bad = git(root, &["commit", "-q", "-m", "bad"]);
    assert!(!bad.status.success());
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.contains("`666` ist keine deutsche Postleitzahl"),
        "{stderr}"
    );
    assert!(stderr.contains("Commit abgebrochen"), "{stderr}");
}
