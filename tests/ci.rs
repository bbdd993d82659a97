//! What `check` gives CI and hooks: the GitLab code-quality report, the short `--quiet` listing,
//! and the warning about a `base_url` that is still an example address.

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;

use common::steckbrief;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn check(root: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["check", "--root", root.to_str().unwrap()];
    args.extend_from_slice(extra);
    steckbrief(&args)
}

#[test]
fn gitlab_format_is_a_code_quality_report_with_every_problem() {
    let output = check(&fixture("bad"), &["--format", "gitlab"]);
    assert_eq!(output.status.code(), Some(1));
    let issues: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&output.stdout));
    });
    let json = check(&fixture("bad"), &["--format", "json"]);
    let report: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        issues.len(),
        report["diagnostics"].as_array().unwrap().len()
    );
    let errors = issues.iter().filter(|i| i["severity"] == "major").count();
    assert_eq!(errors as u64, report["errors"].as_u64().unwrap());
    let adress = issues
        .iter()
        .find(|i| {
            i["location"]["path"] == "actors/struktur/profile.yaml"
                && i["location"]["lines"]["begin"] == 11
        })
        .expect("the unknown field `adress` at line 11");
    assert_eq!(
        adress["description"],
        "unknown field `adress` (hint: did you mean `address`?)"
    );
    assert_eq!(adress["check_name"], "steckbrief-error");
    // Every issue has what GitLab requires, and fingerprints tell different problems apart.
    let mut fingerprints: Vec<&str> = issues
        .iter()
        .map(|i| {
            for key in ["description", "check_name", "severity"] {
                assert!(i[key].is_string(), "{key} in {i:#}");
            }
            assert!(i["location"]["path"].is_string(), "{i:#}");
            assert!(i["location"]["lines"]["begin"].is_u64(), "{i:#}");
            i["fingerprint"].as_str().unwrap()
        })
        .collect();
    fingerprints.sort_unstable();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), issues.len());
    // The summary goes to stderr, so stdout stays one JSON document.
    assert!(String::from_utf8_lossy(&output.stderr).contains("errors"));
}

#[test]
fn quiet_lists_the_errors_and_only_counts_the_warnings() {
    let full = check(&fixture("bad"), &[]);
    let quiet = check(&fixture("bad"), &["--quiet"]);
    assert_eq!(quiet.status.code(), Some(1));
    let full = String::from_utf8(full.stderr).unwrap();
    let quiet = String::from_utf8(quiet.stderr).unwrap();
    assert!(
        full.contains("warning: "),
        "the fixture has warnings: {full}"
    );
    assert!(!quiet.contains("warning: "), "{quiet}");
    assert_eq!(
        quiet.matches("error: ").count(),
        full.matches("error: ").count()
    );
    // The summary is the same: it still counts the warnings.
    let summary = |text: &str| {
        text.lines()
            .find(|l| l.starts_with("checked "))
            .map(str::to_owned)
    };
    assert_eq!(summary(&full), summary(&quiet));
    assert!(summary(&quiet).unwrap().contains("warning"), "{quiet}");
}

/// The `base_url` diagnostics of checking the good fixture with `base_url` set to `url`.
fn base_url_warnings(url: &str) -> Vec<Value> {
    let root = tempfile::tempdir().unwrap();
    common::copy_dir(&fixture("good"), root.path());
    let config = root.path().join("config.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    let text = text.replace("base_url: https://example.org", &format!("base_url: {url}"));
    std::fs::write(&config, text).unwrap();
    let output = check(root.path(), &["--format", "json", "--lang", "de"]);
    assert_eq!(output.status.code(), Some(0), "{url}: {output:?}");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["file"] == "config.yaml" && d["line"] == 2)
        .cloned()
        .collect()
}

#[test]
fn an_example_base_url_is_one_warning_naming_the_qr_codes() {
    for url in [
        "https://example.org",
        "https://integration.merzig.example.org/",
        "https://www.EXAMPLE.com",
        "http://example.net/wegweiser/",
        "https://wegweiser.test",
        "http://localhost:1111",
        "http://127.0.0.1:8000",
        "http://192.168.1.20",
    ] {
        let warnings = base_url_warnings(url);
        assert_eq!(warnings.len(), 1, "{url}: {warnings:#?}");
        let warning = &warnings[0];
        assert_eq!(warning["severity"], "warning");
        // In German, as editors of German content read it.
        let message = warning["message"].as_str().unwrap();
        assert!(message.contains("Beispieladresse"), "{message}");
        assert!(message.contains("QR-Codes"), "{message}");
        assert!(
            warning["hint"].as_str().unwrap().contains("https://"),
            "{warning:#}"
        );
    }
    for url in [
        "https://integration.merzig.de",
        "https://example.organisation.de",
        "https://notexample.org",
        "https://wegweiser.example-stadt.de",
    ] {
        assert_eq!(base_url_warnings(url), Vec::<Value>::new(), "{url}");
    }
}

#[test]
fn the_example_content_warns_about_its_base_url_once() {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let output = check(&repo, &["--lang", "de"]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        text.matches("integration.merzig.example.org").count(),
        2,
        "once in the message, once in the snippet: {text}"
    );
    assert!(
        text.contains(
            "Warnung: `base_url` ist noch eine Beispieladresse (`integration.merzig.example.org`)"
        ),
        "{text}"
    );
}

/// A folder holding only a `steckbrief` that is the binary under test, to put first on PATH, as
/// the CI images and the downloaded release do.
fn program_on_path() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(
        env!("CARGO_BIN_EXE_steckbrief"),
        dir.path().join("steckbrief"),
    )
    .unwrap();
    let path = format!(
        "{}:{}",
        dir.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    (dir, path)
}

/// Runs the lines of a CI job's script in `dir` as GitLab does (each line must succeed).
fn run_script(lines: &[&str], dir: &Path) -> std::process::Output {
    let (_program, path) = program_on_path();
    std::process::Command::new("sh")
        .args(["-e", "-c", &lines.join("\n")])
        .current_dir(dir)
        .env("PATH", path)
        .env("SOURCE_DATE_EPOCH", common::TODAY_EPOCH)
        .env("NO_COLOR", "1")
        // A CI job has no locale: the messages follow the content's language.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .unwrap()
}

fn example_ci(name: &str) -> serde_yaml::Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples/ci")
        .join(name);
    serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn strings(value: &serde_yaml::Value) -> Vec<&str> {
    value
        .as_sequence()
        .unwrap_or_else(|| panic!("a list: {value:?}"))
        .iter()
        .map(|line| line.as_str().unwrap())
        .collect()
}

#[test]
fn gitlab_example_reports_to_the_merge_request_and_fails_on_errors() {
    let pipeline = example_ci("gitlab-ci.yml");
    // One pipeline per push: no branch pipeline while a merge request is open.
    let rules = format!("{:?}", pipeline["workflow"]["rules"]);
    assert!(rules.contains("merge_request_event"), "{rules}");
    assert!(rules.contains("$CI_OPEN_MERGE_REQUESTS"), "{rules}");
    // The jobs use the image; the compile template names its toolchain and keys its cache on it.
    let check = &pipeline["check"];
    assert_eq!(check["extends"], ".steckbrief-image");
    assert_eq!(pipeline["pages"]["extends"], ".steckbrief-image");
    let source = &pipeline[".steckbrief-source"];
    assert_eq!(source["image"], "rust:$RUST_TOOLCHAIN");
    assert_eq!(source["cache"]["key"]["prefix"], "rust-$RUST_TOOLCHAIN");
    assert_eq!(strings(&source["cache"]["key"]["files"]), ["Cargo.lock"]);
    assert_eq!(pipeline["variables"]["RUST_TOOLCHAIN"], "1.95.0");

    let report = check["artifacts"]["reports"]["codequality"]
        .as_str()
        .unwrap();
    assert_eq!(check["artifacts"]["when"], "always");
    let script = strings(&check["script"]);
    for (fixture_name, code, problems) in [("bad", Some(1), true), ("good", Some(0), false)] {
        let dir = tempfile::tempdir().unwrap();
        common::copy_dir(&fixture(fixture_name), dir.path());
        let output = run_script(&script, dir.path());
        assert_eq!(output.status.code(), code, "{output:?}");
        let issues: Vec<Value> =
            serde_json::from_slice(&std::fs::read(dir.path().join(report)).unwrap()).unwrap();
        let errors = issues.iter().filter(|i| i["severity"] == "major").count();
        assert_eq!(errors > 0, problems, "{fixture_name}: {issues:#?}");
        // The log has the readable list (German: the fixture's content is German and the job
        // has no locale).
        let log = String::from_utf8_lossy(&output.stderr);
        assert_eq!(log.contains("Fehler: "), problems, "{log}");
    }
}

#[test]
fn github_example_annotates_the_pull_request() {
    let workflow = example_ci("github-actions.yml");
    let steps = workflow["jobs"]["check"]["steps"].as_sequence().unwrap();
    let check = steps
        .iter()
        .find(|s| s["name"] == "Check the content")
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(&fixture("bad"), dir.path());
    let output = run_script(&[check["run"].as_str().unwrap()], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let commands = String::from_utf8_lossy(&output.stdout);
    assert!(
        commands.contains("::error file=actors/struktur/profile.yaml,line=11,col=1::"),
        "{commands}"
    );
    // The cache of the compile path is keyed on the toolchain and on Cargo.lock.
    let cache = steps
        .iter()
        .find(|s| s["uses"] == "actions/cache@v4")
        .unwrap();
    let key = cache["with"]["key"].as_str().unwrap();
    assert!(key.contains("${{ env.RUST_TOOLCHAIN }}"), "{key}");
    assert!(key.contains("hashFiles('Cargo.lock')"), "{key}");
}

#[test]
fn the_documented_rust_version_is_the_one_in_cargo_toml() {
    let manifest =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
            .unwrap();
    assert!(manifest.contains("\nrust-version = \"1.92\"\n"));
    for file in [
        "examples/ci/github-actions.yml",
        "examples/ci/gitlab-ci.yml",
    ] {
        let text =
            std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap();
        assert!(
            text.contains("`rust-version` in Cargo.toml (1.92"),
            "{file}"
        );
    }
}

/// Serves the files under `root` over HTTP on 127.0.0.1 (GET only, one request per connection)
/// until the test ends; returns the base address.
fn serve(root: PathBuf) -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut request = String::new();
            if BufReader::new(&stream).read_line(&mut request).is_err() {
                continue;
            }
            let path = request.split_whitespace().nth(1).unwrap_or("/");
            let response = match std::fs::read(root.join(path.trim_start_matches('/'))) {
                Ok(body) => [
                    format!(
                        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    )
                    .into_bytes(),
                    body,
                ]
                .concat(),
                Err(_) => {
                    b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .to_vec()
                }
            };
            let _ = stream.write_all(&response);
        }
    });
    address
}

#[test]
fn github_example_installs_the_release_only_with_the_pinned_checksum() {
    use sha2::{Digest, Sha256};
    let workflow = example_ci("github-actions.yml");
    let steps = workflow["jobs"]["check"]["steps"].as_sequence().unwrap();
    let download = steps
        .iter()
        .find(|s| s["if"] == "env.STECKBRIEF_VERSION != ''")
        .unwrap()["run"]
        .as_str()
        .unwrap();

    // A release as the release workflow packs it.
    let releases = tempfile::tempdir().unwrap();
    let name = "steckbrief-v9.9.9-x86_64-unknown-linux-musl";
    let staging = releases.path().join(name);
    std::fs::create_dir_all(&staging).unwrap();
    std::fs::copy(env!("CARGO_BIN_EXE_steckbrief"), staging.join("steckbrief")).unwrap();
    std::fs::create_dir_all(releases.path().join("v9.9.9")).unwrap();
    let archive = releases.path().join(format!("v9.9.9/{name}.tar.gz"));
    let tar = std::process::Command::new("tar")
        .args(["-czf", archive.to_str().unwrap(), "-C"])
        .arg(releases.path())
        .arg(name)
        .status()
        .unwrap();
    assert!(tar.success());
    let sha: String = Sha256::digest(std::fs::read(&archive).unwrap())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let address = serve(releases.path().to_path_buf());

    let wrong = format!(
        "{}{}",
        if sha.starts_with('0') { '1' } else { '0' },
        &sha[1..]
    );
    for (checksum, installs) in [(sha, true), (wrong, false)] {
        let runner = tempfile::tempdir().unwrap();
        let github_path = runner.path().join("github-path");
        std::fs::write(&github_path, "").unwrap();
        let output = std::process::Command::new("bash")
            .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", download])
            .env("STECKBRIEF_RELEASES", &address)
            .env("STECKBRIEF_VERSION", "v9.9.9")
            .env("STECKBRIEF_SHA256", &checksum)
            .env("RUNNER_TEMP", runner.path())
            .env("GITHUB_PATH", &github_path)
            .output()
            .unwrap();
        assert_eq!(output.status.success(), installs, "{output:?}");
        let path = std::fs::read_to_string(&github_path).unwrap();
        if installs {
            let program = Path::new(path.trim()).join("steckbrief");
            let version = std::process::Command::new(program)
                .arg("--version")
                .output()
                .unwrap();
            assert!(String::from_utf8_lossy(&version.stdout).starts_with("steckbrief "));
        } else {
            // Nothing unverified reaches the PATH.
            assert_eq!(path, "");
            assert!(
                String::from_utf8_lossy(&output.stdout).contains("FAILED"),
                "{output:?}"
            );
        }
    }
}
