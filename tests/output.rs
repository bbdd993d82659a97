//! Publishing never destroys anything: `build --out` refuses folders it must not replace, one
//! build writes an out folder at a time, only steckbrief's own staging folders are removed, and a
//! build killed at any instant leaves the old or the new site complete.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn steckbrief(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_steckbrief"));
    command
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1795824000")
        .env("NO_COLOR", "1")
        .env("LC_ALL", "en_US.UTF-8");
    command
}

fn build_args<'a>(root: &'a Path, out: &'a Path) -> Vec<&'a str> {
    vec![
        "build",
        "--root",
        root.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--no-brochures",
        "--quiet",
    ]
}

fn build(root: &Path, out: &Path) -> Output {
    steckbrief(&build_args(root, out)).output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A copy of the small test content in `dir/site`.
fn content(dir: &Path) -> PathBuf {
    let root = dir.join("site");
    common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good"),
        &root,
    );
    root
}

/// The site's files, without steckbrief's marker files.
fn site(out: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = common::files(out);
    files.retain(|path, _| !path.to_string_lossy().starts_with(".steckbrief"));
    files
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn out_folders_that_overlap_the_content_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = content(dir.path());
    std::fs::create_dir_all(root.join("content")).unwrap();
    let before = common::files(dir.path());
    let real_root = root.canonicalize().unwrap();
    for (out, why) in [
        (
            root.clone(),
            format!("is the content root {}", real_root.display()),
        ),
        (
            root.join("."),
            format!("is the content root {}", real_root.display()),
        ),
        (
            dir.path().to_path_buf(),
            format!("contains the content root {}", real_root.display()),
        ),
        (
            root.join("actors"),
            format!(
                "lies inside the content folder {}",
                real_root.join("actors").display()
            ),
        ),
        (
            root.join("actors/beratung-a"),
            format!(
                "lies inside the content folder {}",
                real_root.join("actors").display()
            ),
        ),
        (
            root.join("content/public"),
            format!(
                "lies inside the content folder {}",
                real_root.join("content").display()
            ),
        ),
        (
            root.join("templates/x"),
            format!(
                "lies inside the content folder {}",
                real_root.join("templates").display()
            ),
        ),
        (
            root.join("theme"),
            format!(
                "lies inside the content folder {}",
                real_root.join("theme").display()
            ),
        ),
        (
            root.join("i18n/../i18n/public"),
            format!(
                "lies inside the content folder {}",
                real_root.join("i18n").display()
            ),
        ),
    ] {
        let output = build(&root, &out);
        let message = stderr(&output);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{}: {message}",
            out.display()
        );
        assert!(
            message.contains(&format!("--out {} {why}", out.display())),
            "{message}"
        );
        assert!(message.contains("nothing was built"), "{message}");
        assert_eq!(common::files(dir.path()), before, "{}", out.display());
        assert_eq!(names(dir.path()), ["site"]);
    }
    // Beside the content is fine, and so is a new folder in the content root.
    assert!(build(&root, &dir.path().join("public")).status.success());
    assert!(build(&root, &root.join("public")).status.success());
}

#[test]
fn folders_steckbrief_did_not_write_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = content(dir.path());

    let mine = dir.path().join("mine");
    std::fs::create_dir(&mine).unwrap();
    std::fs::write(mine.join("notes.txt"), "my notes").unwrap();
    let output = build(&root, &mine);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(&format!(
            "--out {} is a folder that steckbrief did not write (it is not empty and has no \
             .steckbrief-site file)",
            mine.display()
        )),
        "{}",
        stderr(&output)
    );
    assert_eq!(names(&mine), ["notes.txt"]);

    let file = dir.path().join("public");
    std::fs::write(&file, "a file").unwrap();
    let output = build(&root, &file);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("exists and is not a folder"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "a file");
    std::fs::remove_file(&file).unwrap();

    // An empty folder is written and marked; the next build replaces it.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    assert!(build(&root, &empty).status.success());
    assert!(empty.join(".steckbrief-site").is_file());
    assert!(empty.join("de/index.html").is_file());
    assert!(build(&root, &empty).status.success());

    // A build from before the marker existed (index.html and sitemap.xml) is replaced.
    let older = dir.path().join("older");
    std::fs::create_dir(&older).unwrap();
    std::fs::write(older.join("index.html"), "old").unwrap();
    std::fs::write(older.join("sitemap.xml"), "old").unwrap();
    std::fs::write(older.join("gone.html"), "old").unwrap();
    assert!(build(&root, &older).status.success());
    assert!(!older.join("gone.html").exists());
    assert!(older.join(".steckbrief-site").is_file());

    // Nothing but the out folders and their lock files was left beside them.
    assert_eq!(
        names(dir.path()),
        [
            ".empty.steckbrief-lock",
            ".older.steckbrief-lock",
            "empty",
            "mine",
            "older",
            "site"
        ]
    );
}

#[test]
fn a_second_build_into_the_same_folder_is_refused_while_the_first_runs() {
    let dir = tempfile::tempdir().unwrap();
    let root = content(dir.path());
    let out = dir.path().join("public");
    assert!(build(&root, &out).status.success());
    let reference = site(&out);

    // A build that holds the lock, for certain: this test, in the first build's place.
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .open(dir.path().join(".public.steckbrief-lock"))
        .unwrap();
    lock.try_lock().unwrap();
    std::fs::write(dir.path().join(".public.steckbrief-lock"), "4242").unwrap();
    let output = build(&root, &out);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(&format!(
            "{} is being written by another steckbrief build (process 4242)",
            out.display()
        )),
        "{}",
        stderr(&output)
    );
    drop(lock);
    assert_eq!(site(&out), reference);

    // Real builds at once: each one either publishes or is refused, and the site is whole.
    for _ in 0..3 {
        let builds: Vec<_> = (0..4)
            .map(|_| {
                steckbrief(&build_args(&root, &out))
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in builds {
            let output = child.wait_with_output().unwrap();
            match output.status.code() {
                Some(0) => {}
                Some(2) => assert!(
                    stderr(&output).contains("is being written by another steckbrief build"),
                    "{}",
                    stderr(&output)
                ),
                code => panic!("exit {code:?}: {}", stderr(&output)),
            }
        }
        assert_eq!(site(&out), reference);
        assert_eq!(
            names(dir.path()),
            [".public.steckbrief-lock", "public", "site"]
        );
    }
}

#[test]
fn folders_of_the_user_beside_the_output_survive() {
    let dir = tempfile::tempdir().unwrap();
    let root = content(dir.path());
    let out = dir.path().join("public");
    assert!(build(&root, &out).status.success());
    // Look-alikes of staging folders: a copy of the built site (marker and all), a renamed
    // copy of this process's would-be staging folder, and plain folders of the user's.
    common::copy_dir(&out, &dir.path().join("public.old-mine"));
    std::fs::create_dir(dir.path().join("public.tmp-x")).unwrap();
    std::fs::write(dir.path().join("public.tmp-x/keep.txt"), "keep").unwrap();
    std::fs::create_dir(dir.path().join("public.tmp-1")).unwrap();
    std::fs::write(dir.path().join("public.old-2"), "a file").unwrap();
    let before = common::files(dir.path());
    for _ in 0..2 {
        let output = build(&root, &out);
        assert!(output.status.success(), "{}", stderr(&output));
    }
    let after = common::files(dir.path());
    for (path, bytes) in &before {
        // The site itself, and the lock file with the last build's process id, change.
        if !path.starts_with("public") && !path.starts_with(".public.steckbrief-lock") {
            assert_eq!(after.get(path), Some(bytes), "{}", path.display());
        }
    }
    assert!(dir.path().join("public.tmp-1").is_dir());
    assert_eq!(
        names(dir.path()),
        [
            ".public.steckbrief-lock",
            "public",
            "public.old-2",
            "public.old-mine",
            "public.tmp-1",
            "public.tmp-x",
            "site"
        ]
    );
}

/// Runs the binary as an unprivileged user when this test runs as root, who may write anywhere.
fn unprivileged(args: &[&str]) -> Output {
    let uid = Command::new("id").arg("-u").output().unwrap();
    let mut command = if String::from_utf8_lossy(&uid.stdout).trim() == "0" {
        let mut command = Command::new("setpriv");
        command
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(env!("CARGO_BIN_EXE_steckbrief"));
        command
    } else {
        Command::new(env!("CARGO_BIN_EXE_steckbrief"))
    };
    command
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1795824000")
        .env("NO_COLOR", "1")
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .unwrap()
}

fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn read_only_places_fail_before_anything_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    chmod(dir.path(), 0o755);
    let root = content(dir.path());
    for entry in walkdir::WalkDir::new(&root) {
        let entry = entry.unwrap();
        chmod(
            entry.path(),
            if entry.file_type().is_dir() {
                0o755
            } else {
                0o644
            },
        );
    }
    let parent = dir.path().join("www");
    std::fs::create_dir(&parent).unwrap();
    let out = parent.join("public");
    assert!(build(&root, &out).status.success());
    let reference = common::files(&out);

    // The folder that holds the site is read-only: nothing can be put beside the site.
    for entry in walkdir::WalkDir::new(&parent) {
        let entry = entry.unwrap();
        chmod(
            entry.path(),
            if entry.file_type().is_dir() {
                0o555
            } else {
                0o444
            },
        );
    }
    let output = unprivileged(&build_args(&root, &out));
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("Permission denied"),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains(&format!(
            "nothing was built; {} is unchanged",
            out.display()
        )),
        "{}",
        stderr(&output)
    );
    assert_eq!(common::files(&out), reference);

    // Only the site folder is read-only: it could be swapped out but never removed.
    chmod(&parent, 0o777);
    chmod(&parent.join(".public.steckbrief-lock"), 0o666);
    let output = unprivileged(&build_args(&root, &out));
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(&format!(
            "{} cannot be replaced (writing into it failed): Permission denied",
            out.display()
        )),
        "{}",
        stderr(&output)
    );
    assert_eq!(common::files(&out), reference);
    assert_eq!(names(&parent), [".public.steckbrief-lock", "public"]);
    chmod(&parent, 0o755);
    for entry in walkdir::WalkDir::new(&out) {
        chmod(entry.unwrap().path(), 0o755);
    }
}

/// A small pseudo-random sequence, seeded from the clock (the seed is printed).
struct Random(u64);

impl Random {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % bound.max(1)
    }
}

#[test]
fn a_build_killed_at_any_instant_leaves_a_whole_site() {
    let dir = tempfile::tempdir().unwrap();
    let root = content(dir.path());
    let out = dir.path().join("public");
    let config = root.join("config.yaml");
    let old_config = std::fs::read_to_string(&config).unwrap();
    let new_config = old_config.replace("Arbeiten in Beispielstadt", "Arbeit in Beispielstadt");
    assert_ne!(old_config, new_config);

    // The two sites a kill may leave, and how long a build takes.
    let scratch = dir.path().join("scratch");
    std::fs::write(&config, &new_config).unwrap();
    assert!(build(&root, &scratch).status.success());
    let new_site = site(&scratch);
    std::fs::write(&config, &old_config).unwrap();
    let started = Instant::now();
    assert!(build(&root, &out).status.success());
    let took = started.elapsed().as_micros() as u64;
    let old_site = site(&out);
    assert_ne!(old_site, new_site);

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    println!("seed {seed}, a build takes {took} µs");
    let mut random = Random(seed);
    let mut current = old_site.clone();
    let (mut old_left, mut new_left) = (0, 0);
    for round in 0..24 {
        let (text, site_of_text) = if round % 2 == 0 {
            (&new_config, &new_site)
        } else {
            (&old_config, &old_site)
        };
        std::fs::write(&config, text).unwrap();
        let mut child = steckbrief(&build_args(&root, &out))
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Half the kills anywhere in the build, half near its end, where the swap is.
        let delay = if round % 4 < 2 {
            random.below(took * 11 / 10)
        } else {
            took * 8 / 10 + random.below(took * 3 / 10)
        };
        std::thread::sleep(Duration::from_micros(delay));
        let _ = child.kill();
        let _ = child.wait();
        let left = site(&out);
        if &left == site_of_text {
            current = left;
        } else {
            assert_eq!(left, current, "round {round}, killed after {delay} µs");
        }
        if current == old_site {
            old_left += 1;
        } else {
            new_left += 1;
        }
    }
    println!("{old_left} kills left the old site, {new_left} the new one");
    // The next build publishes, and nothing of the killed builds is left beside the site.
    std::fs::write(&config, &new_config).unwrap();
    let output = build(&root, &out);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(site(&out), new_site);
    assert_eq!(
        names(dir.path()),
        [
            ".public.steckbrief-lock",
            ".scratch.steckbrief-lock",
            "public",
            "scratch",
            "site"
        ]
    );
}
