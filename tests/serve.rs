//! `steckbrief serve`: answers on its port, serves a saved change within a bounded wait, keeps the
//! last good build on a broken save and reports the error to the terminal and the browser.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(port: u16, path: &str) -> String {
    String::from_utf8_lossy(&get_bytes(port, path)).into_owned()
}

fn get_bytes(port: u16, path: &str) -> Vec<u8> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    response
}

/// Polls `path` until its body contains `needle`; returns how long that took.
fn wait_for(port: u16, path: &str, needle: &str) -> Duration {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(10) {
        if get(port, path).contains(needle) {
            return started.elapsed();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("{path} did not show {needle:?} within 10 s");
}

#[test]
fn serve_rebuilds_on_save_and_keeps_the_last_good_build() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good"),
        &root,
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_steckbrief"))
        .args(["serve", "--port", "0", "--root", root.to_str().unwrap()])
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let stderr = child.stderr.take().unwrap();
    let server = Server(child);
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    let port: u16 = line
        .rsplit("http://127.0.0.1:")
        .next()
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no port in {line:?}"));

    let page = get(port, "/de/beratung-a/");
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(page.contains("<h1>Beratungsstelle A</h1>"));
    assert!(
        page.contains("/__steckbrief/events"),
        "the live-reload script is injected"
    );
    assert!(get(port, "/de/nope/").starts_with("HTTP/1.1 404"));
    let pdf = get_bytes(port, "/de/wegweiser.pdf");
    assert!(
        pdf.starts_with(b"HTTP/1.1 200"),
        "the brochure is rendered on request"
    );
    assert!(pdf.windows(5).any(|w| w == b"%PDF-"));

    let profile = root.join("actors/beratung-a/profile.yaml");
    let text = std::fs::read_to_string(&profile).unwrap();
    std::fs::write(
        &profile,
        text.replace("name: Beratungsstelle A", "name: Beratungsstelle Alpha"),
    )
    .unwrap();
    let took = wait_for(port, "/de/beratung-a/", "<h1>Beratungsstelle Alpha</h1>");
    assert!(took < Duration::from_secs(10));
    assert!(
        get(port, "/de/a-z/").contains("Beratungsstelle Alpha"),
        "listings follow the edit"
    );
    assert!(
        get(port, "/en/group/refugees/").contains("Bürgerbüro"),
        "other actors stay listed"
    );

    std::fs::write(
        &profile,
        text.replace(
            "name: Beratungsstelle A",
            "name: Beratungsstelle B\nadress: x",
        ),
    )
    .unwrap();
    // The broken save is reported on stderr…
    let mut errors = BufReader::new(stderr);
    let started = Instant::now();
    let mut seen = String::new();
    while !seen.contains("the last good build stays served")
        && started.elapsed() < Duration::from_secs(10)
    {
        let mut line = String::new();
        if errors.read_line(&mut line).unwrap() == 0 {
            break;
        }
        seen.push_str(&line);
    }
    assert!(seen.contains("unknown field `adress`"), "{seen}");
    assert!(seen.contains("the last good build stays served"), "{seen}");
    // …and the last good build is still served.
    assert!(get(port, "/de/beratung-a/").contains("<h1>Beratungsstelle Alpha</h1>"));

    // The fix is served; a new actor folder appears, a deleted one goes.
    std::fs::write(&profile, &text).unwrap();
    wait_for(port, "/de/beratung-a/", "<h1>Beratungsstelle A</h1>");
    let added = root.join("actors/beratung-neu");
    common::copy_dir(&root.join("actors/beratung-a"), &added);
    wait_for(port, "/de/beratung-neu/", "<h1>Beratungsstelle A</h1>");
    std::fs::remove_dir_all(&added).unwrap();
    wait_for(port, "/de/beratung-neu/", "HTTP/1.1 404");
    drop(server);
}
