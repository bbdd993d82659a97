//! `steckbrief serve`: answers on its port, serves a saved change within a bounded wait, keeps the
//! last good build on a broken save and reports the error to the terminal and the browser.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStderr, Command, Stdio};
use std::time::{Duration, Instant};

struct Server(Child);

/// Starts `serve` on a copy of the good fixture in `dir/site`; returns the server, its port and
/// its error output.
fn start(dir: &Path) -> (Server, u16, PathBuf, ChildStderr) {
    start_in(dir, "en_US.UTF-8", |_| {})
}

/// [`start`] with `locale` as LC_ALL, after `prepare` changed the copy.
fn start_in(
    dir: &Path,
    locale: &str,
    prepare: impl FnOnce(&Path),
) -> (Server, u16, PathBuf, ChildStderr) {
    let root = dir.join("site");
    common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good"),
        &root,
    );
    prepare(&root);
    let mut child = Command::new(env!("CARGO_BIN_EXE_steckbrief"))
        .args(["serve", "--port", "0", "--root", root.to_str().unwrap()])
        .env("NO_COLOR", "1")
        .env("LC_ALL", locale)
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
    // The rebuild log goes to stdout; it must not fill the pipe.
    std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
    (server, port, root, stderr)
}

/// Sends `head` (a request without its final blank line) and returns the whole response.
fn request(port: u16, head: &str) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    write!(stream, "{head}\r\n\r\n").unwrap();
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response).into_owned()
}

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
    // A busy server answers 503 and closes before reading the request, so writing it can fail
    // with a broken pipe; the answer (or none) is what the callers check.
    let _ = write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    );
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
    let (server, port, root, stderr) = start(dir.path());

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
    // Another actor saved while the content is still broken…
    let other = root.join("actors/stadt/buergerbuero/profile.yaml");
    let other_text = std::fs::read_to_string(&other).unwrap();
    std::fs::write(
        &other,
        other_text.replacen("summary: ", "summary: Neu saniert. ", 1),
    )
    .unwrap();
    std::thread::sleep(Duration::from_millis(500));

    // The fix is served, with the other actor's edit made meanwhile; a new actor folder
    // appears, a deleted one goes.
    std::fs::write(&profile, &text).unwrap();
    wait_for(port, "/de/beratung-a/", "<h1>Beratungsstelle A</h1>");
    assert!(get(port, "/de/buergerbuero/").contains("Neu saniert."));
    assert!(get(port, "/de/a-z/").contains("Neu saniert."));
    let added = root.join("actors/beratung-neu");
    common::copy_dir(&root.join("actors/beratung-a"), &added);
    wait_for(port, "/de/beratung-neu/", "<h1>Beratungsstelle A</h1>");
    std::fs::remove_dir_all(&added).unwrap();
    wait_for(port, "/de/beratung-neu/", "HTTP/1.1 404");
    drop(server);
}

#[test]
fn sitemap_report_and_open_data_are_rendered_on_request_and_follow_saves() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, port, root, _stderr) = start(dir.path());
    let sitemap = get(port, "/sitemap.xml");
    assert!(sitemap.starts_with("HTTP/1.1 200"), "{sitemap}");
    assert!(sitemap.contains("Content-Type: application/xml"));
    assert!(sitemap.contains("/de/beratung-a/</loc>"), "{sitemap}");
    let redirect = get(port, "/report");
    assert!(redirect.starts_with("HTTP/1.1 301"), "{redirect}");
    assert!(redirect.contains("Location: /report/"), "{redirect}");
    let report = get(port, "/report/");
    assert!(report.starts_with("HTTP/1.1 200"), "{report}");
    assert!(report.contains("content=noindex name=robots"), "{report}");
    assert!(
        report.contains("/__steckbrief/events"),
        "live reload on the report too"
    );
    let data = get(port, "/data/catalog.json");
    assert!(data.starts_with("HTTP/1.1 200"), "{data}");
    assert!(data.contains("\"Beratungsstelle A\""));
    assert!(get(port, "/data/dcat.jsonld").starts_with("HTTP/1.1 200"));
    assert!(get(port, "/data/nope.json").starts_with("HTTP/1.1 404"));

    // After a save the open data is rendered again when next requested, with the edit.
    let profile = root.join("actors/beratung-a/profile.yaml");
    let text = std::fs::read_to_string(&profile).unwrap();
    std::fs::write(
        &profile,
        text.replace("name: Beratungsstelle A", "name: Beratungsstelle Alpha"),
    )
    .unwrap();
    wait_for(port, "/de/beratung-a/", "<h1>Beratungsstelle Alpha</h1>");
    let data = get(port, "/data/catalog.json");
    assert!(data.contains("\"Beratungsstelle Alpha\""), "{data}");
    assert!(!data.contains("\"Beratungsstelle A\""));
    assert!(get(port, "/report/").contains("Beratungsstelle Alpha"));
}

#[test]
fn only_loopback_hosts_and_reading_methods_are_answered() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, port, _, _stderr) = start(dir.path());
    for host in [
        "localhost".to_owned(),
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        "[::1]:1111".to_owned(),
    ] {
        let response = request(port, &format!("GET /de/ HTTP/1.1\r\nHost: {host}"));
        assert!(
            response.starts_with("HTTP/1.1 200 OK\r\n"),
            "{host}: {response}"
        );
        assert!(response.contains("Arbeiten in Beispielstadt"));
    }
    // DNS rebinding: a name of the attacker's that resolves to 127.0.0.1.
    for host in [
        "rebind.example.org",
        "localhost.example.org:1111",
        "127.0.0.1.example.net",
    ] {
        let response = request(port, &format!("GET /de/ HTTP/1.1\r\nHost: {host}"));
        assert!(response.starts_with("HTTP/1.1 421 "), "{host}: {response}");
        assert!(!response.contains("Beispielstadt"), "{response}");
    }
    let response = request(port, "GET /de/ HTTP/1.0");
    assert!(response.starts_with("HTTP/1.1 400 "), "{response}");
    assert!(response.contains("a Host header is required"));

    for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"] {
        let response = request(
            port,
            &format!("{method} /de/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\nab"),
        );
        assert!(
            response.starts_with("HTTP/1.1 405 "),
            "{method}: {response}"
        );
        assert!(response.contains("\r\nAllow: GET, HEAD\r\n"), "{response}");
    }
    let full = request(port, "GET /de/beratung-a/ HTTP/1.1\r\nHost: localhost");
    let head = request(port, "HEAD /de/beratung-a/ HTTP/1.1\r\nHost: localhost");
    let (full_head, body) = full.split_once("\r\n\r\n").unwrap();
    assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head}");
    assert_eq!(
        head,
        format!("{full_head}\r\n\r\n"),
        "the same head, no body"
    );
    assert!(full_head.contains(&format!("Content-Length: {}", body.len())));
}

/// The number of threads of process `pid`.
fn threads(pid: u32) -> usize {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|line| line.strip_prefix("Threads:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

/// Opens a live-reload stream; returns the connection and the response head (or the whole
/// refusal).
fn open_stream(port: u16) -> (TcpStream, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET /__steckbrief/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .unwrap();
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
        head.push(byte[0]);
    }
    (stream, String::from_utf8_lossy(&head).into_owned())
}

#[test]
fn connections_beyond_the_limits_are_refused_and_threads_stay_few() {
    let dir = tempfile::tempdir().unwrap();
    let (server, port, root, _stderr) = start(dir.path());
    let pid = server.0.id();
    // 8 workers, the accepting and the event-stream thread, the watcher, the main thread and
    // rayon's pool; one thread per connection would be hundreds.
    let bounded = 16 + std::thread::available_parallelism().map_or(1, usize::from);

    // Clients that connect and say nothing hold every worker and fill the queue; the rest are
    // refused at once, and an ordinary request meanwhile too.
    let idle: Vec<TcpStream> = (0..300)
        .map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let refused = request(port, "GET /de/ HTTP/1.1\r\nHost: localhost");
    assert!(refused.starts_with("HTTP/1.1 503 "), "{refused}");
    assert!(refused.contains("the preview server is busy"), "{refused}");
    assert!(threads(pid) <= bounded, "{} threads", threads(pid));
    drop(idle);
    let started = Instant::now();
    while !get(port, "/de/").starts_with("HTTP/1.1 200") {
        assert!(started.elapsed() < Duration::from_secs(10), "still busy");
        std::thread::sleep(Duration::from_millis(50));
    }

    // Live-reload streams: 32 are kept open, more are refused; pages are still served.
    let mut open = Vec::new();
    let mut refusals = 0;
    for _ in 0..100 {
        let (stream, head) = open_stream(port);
        if head.starts_with("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream") {
            open.push(stream);
        } else {
            assert!(head.starts_with("HTTP/1.1 503 "), "{head}");
            let mut rest = String::new();
            let mut stream = stream;
            let _ = stream.read_to_string(&mut rest);
            assert!(
                rest.contains("too many live-reload streams open (at most 32)"),
                "{rest}"
            );
            refusals += 1;
        }
    }
    assert_eq!((open.len(), refusals), (32, 68));
    assert!(threads(pid) <= bounded, "{} threads", threads(pid));
    assert!(get(port, "/de/beratung-a/").starts_with("HTTP/1.1 200"));

    // Every open stream hears of the next build; a closed tab frees its place.
    let profile = root.join("actors/beratung-a/profile.yaml");
    let text = std::fs::read_to_string(&profile).unwrap();
    std::fs::write(
        &profile,
        text.replace("Beratungsstelle A", "Beratungsstelle Z"),
    )
    .unwrap();
    for stream in &mut open {
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        while line.trim() != "event: reload" {
            line.clear();
            assert!(reader.read_line(&mut line).unwrap() > 0, "stream closed");
        }
    }
    drop(open.pop());
    std::thread::sleep(Duration::from_millis(100));
    let (_stream, head) = open_stream(port);
    assert!(head.starts_with("HTTP/1.1 200 OK"), "{head}");
}

/// Waits until the server has rebuilt, and until it has also compared every file once more a
/// second later: what it sees after that, only the file watcher can have told it.
fn settle() {
    std::thread::sleep(Duration::from_millis(1600));
}

#[test]
fn the_watcher_survives_rename_saves_and_recreated_folders() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, port, root, _stderr) = start(dir.path());
    let config = root.join("config.yaml");
    for title in ["Arbeit und Beruf", "Arbeit und Ausbildung", "Arbeit heute"] {
        settle();
        // `sed -i` writes a new file and renames it over config.yaml, as many editors do.
        let status = Command::new("sed")
            .args(["-i", &format!("/^title:/s/de: [^,]*,/de: {title},/")])
            .arg(&config)
            .status()
            .unwrap();
        assert!(status.success());
        wait_for(port, "/de/", title);
    }

    // actors/ removed (the site fails to build, the last good one stays) and put back.
    let actors = root.join("actors");
    let backup = dir.path().join("actors-backup");
    common::copy_dir(&actors, &backup);
    settle();
    std::fs::remove_dir_all(&actors).unwrap();
    settle();
    common::copy_dir(&backup, &actors);
    settle();
    let profile = actors.join("beratung-a/profile.yaml");
    let text = std::fs::read_to_string(&profile).unwrap();
    std::fs::write(
        &profile,
        text.replace("Beratungsstelle A", "Beratungsstelle Omega"),
    )
    .unwrap();
    wait_for(port, "/de/beratung-a/", "<h1>Beratungsstelle Omega</h1>");
    // And once more after a rebuild the watcher alone reports.
    settle();
    std::fs::write(
        &profile,
        text.replace("Beratungsstelle A", "Beratungsstelle Psi"),
    )
    .unwrap();
    wait_for(port, "/de/beratung-a/", "<h1>Beratungsstelle Psi</h1>");
    // A new actor folder in the restored actors/ is seen as well.
    settle();
    common::copy_dir(&backup.join("beratung-a"), &actors.join("beratung-neu"));
    wait_for(port, "/de/beratung-neu/", "<h1>Beratungsstelle A</h1>");
}

/// The server's own answers — refusals, and the page before the first good build, when there is
/// no site and no 404 page of its own — are in the language of the messages: German for German
/// content on a machine without a locale.
#[test]
fn the_servers_own_answers_are_in_the_contents_language() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, port, _root, _stderr) = start_in(dir.path(), "C.UTF-8", |root| {
        std::fs::write(
            root.join("actors/beratung-a/profile.yaml"),
            "name: Beratung\nkind: <b>\n",
        )
        .unwrap();
    });
    let response = get(port, "/de/");
    assert!(response.starts_with("HTTP/1.1 404 "), "{response}");
    assert!(response.contains("<html lang=\"de\">"), "{response}");
    assert!(
        response.contains("Der Inhalt hat Fehler, deshalb gibt es noch keine Vorschau."),
        "{response}"
    );
    // The errors themselves, with the editor's text escaped.
    assert!(response.contains("\n2 | kind: &lt;b&gt;\n"), "{response}");
    let response = request(port, "GET /de/ HTTP/1.1\r\nHost: rebind.example.org");
    assert!(response.starts_with("HTTP/1.1 421 "), "{response}");
    assert!(
        response.ends_with(
            "\r\n\r\nsteckbrief serve beantwortet nur Anfragen an localhost, 127.0.0.1 oder [::1]\n"
        ),
        "{response}"
    );
    let response = request(port, "GET /de/ HTTP/1.0");
    assert!(
        response.ends_with("\r\n\r\ndie Anfrage braucht einen Host-Header\n"),
        "{response}"
    );
}
