//! `steckbrief serve`: build into memory, serve on 127.0.0.1, rebuild on save, reload the browser.
//!
//! The site lives in memory; nothing is written to `public/`. A small script, injected into HTML
//! responses only here, listens on a server-sent-events stream and reloads the tab after a
//! successful rebuild, or shows the errors as an overlay after a failed one while the last good
//! build stays served.

mod http;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::RecvTimeoutError;
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use steckbrief::brochure;
use steckbrief::build;
use steckbrief::cache::{CheckCache, Work};
use steckbrief::catalog::Catalog;
use steckbrief::diagnostics;
use steckbrief::load::{ACTORS_DIR, CONFIG_FILE};
use steckbrief::site::preview::{Preview, Update};

use steckbrief::messages;

use super::fail;
use super::{LangArg, readable, summary_line, use_colour};
use http::{Reply, Response, Streams};

/// Arguments of `serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The content folder (with config.yaml and actors/).
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Port on 127.0.0.1; 0 picks a free one.
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Open the site in the default browser.
    #[arg(long)]
    pub open: bool,
    #[command(flatten)]
    pub lang: LangArg,
}

/// Path of the event stream the injected script listens to.
const EVENTS_PATH: &str = "/__steckbrief/events";
/// Quiet time after the last file event before rebuilding, so that one save is one build, while
/// a file written to is still open (or the platform does not report closing).
const DEBOUNCE: Duration = Duration::from_millis(40);
/// Quiet time once every file written to has been closed again: the save is complete, and an
/// editor's "save all" still arrives as one build.
const SETTLE: Duration = Duration::from_millis(10);
/// The folders of the content root that are watched (with everything in them), besides
/// config.yaml.
const WATCHED_FOLDERS: [&str; 5] = [ACTORS_DIR, "content", "i18n", "templates", "theme"];
/// Quiet time after a rebuild that trusted the file watcher before every file is compared
/// once more, so that a change the watcher missed shows within about a second.
const VERIFY_AFTER: Duration = Duration::from_secs(1);

/// What the server shows: the last good build, and the errors of the last failed one.
struct State {
    site: RwLock<Preview>,
    /// The catalogue of the last good build, for brochures rendered on request.
    catalog: RwLock<Option<Arc<Catalog>>>,
    /// One brochure at a time: typst layout is heavy and a second request can wait for the first.
    brochure_lock: Mutex<()>,
    /// One of the sitemap, report and open data at a time, so that two requests render it once.
    on_request_lock: Mutex<()>,
    /// Incremented after every build; the number and the error text travel to browsers.
    generation: Mutex<(u64, Option<String>)>,
    changed: Condvar,
}

impl State {
    fn publish(&self, error: Option<String>) {
        let mut generation = self.generation.lock().expect("state lock");
        generation.0 += 1;
        generation.1 = error;
        self.changed.notify_all();
    }
}

pub fn run(args: &Args) -> ExitCode {
    args.lang.apply(&args.root);
    // Without content there is nothing to preview: refuse rather than serve 404s.
    if let Some(problem) = steckbrief::load::content_root_problem(&args.root) {
        return fail(problem);
    }
    // Absolute, so that the watcher's paths are the paths the check finds files by.
    let root = args
        .root
        .canonicalize()
        .unwrap_or_else(|_| args.root.clone());
    let state = Arc::new(State {
        site: RwLock::new(Preview::default()),
        catalog: RwLock::new(None),
        brochure_lock: Mutex::new(()),
        on_request_lock: Mutex::new(()),
        generation: Mutex::new((0, None)),
        changed: Condvar::new(),
    });
    // Watching starts before the first build, so that no change after it goes unnoticed.
    let (sender, events) = std::sync::mpsc::channel();
    let mut watcher = match notify::recommended_watcher(sender) {
        Ok(watcher) => watcher,
        Err(error) => return fail(messages::cannot_watch_files(&error)),
    };
    // The root itself without its subfolders: that sees config.yaml replaced by a rename (as
    // `sed -i` and many editors save) and content folders removed and created again.
    if let Err(error) = watcher.watch(&root, RecursiveMode::NonRecursive) {
        return fail(messages::cannot_watch(&root.display().to_string(), &error));
    }
    for folder in WATCHED_FOLDERS {
        watch_folder(&mut watcher, &root.join(folder));
    }
    let mut cache = CheckCache::default();
    match rebuild(&root, &state, &mut cache, None) {
        Ok((update, _)) => drop(state.site.write().expect("state lock").apply(update)),
        Err(message) => {
            eprintln!("{message}");
            state.publish(Some(message));
        }
    }
    let listener = match std::net::TcpListener::bind(("127.0.0.1", args.port)) {
        Ok(listener) => listener,
        Err(error) => {
            return fail(messages::cannot_listen(
                &format!("127.0.0.1:{}", args.port),
                &error,
            ));
        }
    };
    let port = listener.local_addr().map_or(args.port, |a| a.port());
    let url = format!("http://127.0.0.1:{port}/");
    println!(
        "{}",
        messages::serving(&args.root.display().to_string(), &url)
    );
    if args.open {
        open_browser(&url);
    }

    let streams = Arc::new(Streams::default());
    let (server_state, stream_state) = (Arc::clone(&state), Arc::clone(&state));
    let server_streams = Arc::clone(&streams);
    let serving = std::thread::Builder::new()
        .name("events".to_owned())
        .spawn(move || stream_events(&stream_state, &server_streams))
        .and_then(|_| http::start(listener, streams, move |path| respond(path, &server_state)));
    if let Err(error) = serving {
        return fail(messages::cannot_start_server(&error));
    }

    // Whether the last check trusted the watcher for the files it reported no change in.
    let mut trusted_watcher = false;
    // The actor folders changed since the last good build, `None` once anything else changed: a
    // save after a failed one renders what the failed one changed too.
    let mut unbuilt = Some(BTreeSet::new());
    loop {
        let event = if trusted_watcher {
            match events.recv_timeout(VERIFY_AFTER) {
                Ok(event) => event,
                Err(RecvTimeoutError::Timeout) => {
                    // Quiet: compare every file, in case the watcher missed a change.
                    trusted_watcher = false;
                    if let Some(good) = verify(&root, &state, &mut cache) {
                        unbuilt = good.then(BTreeSet::new);
                    }
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => break,
            }
        } else {
            match events.recv() {
                Ok(event) => event,
                Err(_) => break,
            }
        };
        let mut burst = Burst::default();
        if !take(&root, &mut watcher, &mut burst, event) {
            continue;
        }
        // Let a burst of events (editors write, rename, touch) settle into one build.
        while let Ok(next) = events.recv_timeout(burst.quiet_time()) {
            take(&root, &mut watcher, &mut burst, next);
        }
        let started = Instant::now();
        let scope = match burst.changed() {
            Some(changed) => {
                cache.assume_only_changed(changed.iter().cloned());
                build::changed_actors(&root, changed)
            }
            None => {
                cache.assume_anything_changed();
                None
            }
        };
        let scope = scope.zip(unbuilt.take()).map(|(mut scope, earlier)| {
            scope.extend(earlier);
            scope
        });
        let result = rebuild(&root, &state, &mut cache, scope.clone());
        trusted_watcher = cache.last_work().assumed;
        unbuilt = if publish(&state, result, started) {
            Some(BTreeSet::new())
        } else {
            scope
        };
    }
    ExitCode::SUCCESS
}

/// Watches `folder` with everything in it, if it exists.
fn watch_folder(watcher: &mut impl Watcher, folder: &Path) {
    if folder.is_dir() {
        let _ = watcher.watch(folder, RecursiveMode::Recursive);
    }
}

/// Adds one file event to `burst` if it concerns the content (config.yaml or a watched folder;
/// the root's other files and folders, such as public/ or .git/, are no content). A content
/// folder created anew is watched again, and everything is read again, since files may have
/// been put in before the watch was. Returns whether the event changed content.
fn take(
    root: &Path,
    watcher: &mut impl Watcher,
    burst: &mut Burst,
    event: notify::Result<notify::Event>,
) -> bool {
    let is_content = |path: &Path| {
        path == root.join(CONFIG_FILE)
            || WATCHED_FOLDERS
                .iter()
                .any(|folder| path.starts_with(root.join(folder)))
    };
    let event = match event {
        Ok(mut event) if !event.need_rescan() => {
            event.paths.retain(|path| is_content(path));
            if event.paths.is_empty() {
                return false;
            }
            event
        }
        other => return burst.add(other),
    };
    let appeared = matches!(
        event.kind,
        notify::EventKind::Create(_)
            | notify::EventKind::Modify(notify::event::ModifyKind::Name(_))
    );
    let created: Vec<PathBuf> = event
        .paths
        .iter()
        .filter(|path| appeared && path.parent() == Some(root) && path.is_dir())
        .cloned()
        .collect();
    for folder in &created {
        watch_folder(watcher, folder);
        burst.rescan = true;
    }
    burst.add(Ok(event)) || !created.is_empty()
}

/// Serves a rebuilt site and tells the browsers, or tells them what went wrong; returns whether
/// the build was good.
fn publish(state: &State, result: Result<(Update, Steps), String>, started: Instant) -> bool {
    match result {
        Ok((update, steps)) => {
            let swapped = Instant::now();
            let previous = state.site.write().expect("state lock").apply(update);
            state.publish(None);
            let published = swapped.elapsed();
            drop(previous);
            println!(
                "{}",
                messages::rebuilt(started.elapsed().as_millis(), &steps, published.as_millis())
            );
            true
        }
        Err(message) => {
            eprintln!("{message}");
            state.publish(Some(message));
            false
        }
    }
}

/// Checks every file against the cache and rebuilds if any differs from what the last check
/// (which trusted the watcher) used; returns whether that build was good, `None` without one.
fn verify(root: &Path, state: &Arc<State>, cache: &mut CheckCache) -> Option<bool> {
    let started = Instant::now();
    let today = steckbrief::today();
    let checked = steckbrief::check_with_cache(root, today, cache);
    let work = cache.last_work();
    if checked.is_ok() && work.files_parsed == 0 && !work.walk_changed {
        return None;
    }
    println!("{}", messages::unreported_change());
    let checked = checked.map_err(|e| messages::fatal(&e.to_string()));
    let result = checked.and_then(|checked| render(checked, state, cache, started, today, None));
    Some(publish(state, result, started))
}

/// Where the time of one rebuild went, for the log line.
struct Steps {
    check: Duration,
    work: Work,
    render: Duration,
    /// Pages rendered again, or `None` for the whole site.
    pages: Option<usize>,
}

impl std::fmt::Display for Steps {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&messages::rebuild_steps(
            self.check.as_millis(),
            self.work.files_verified,
            self.work.walked,
            self.work.files_parsed,
            self.work.actors_checked,
            self.render.as_millis(),
            self.pages,
        ))
    }
}

/// The file events that lead to one rebuild.
#[derive(Default)]
struct Burst {
    /// The paths created, changed or removed.
    changed: Vec<PathBuf>,
    /// Files written to and not closed since.
    writing: BTreeSet<PathBuf>,
    /// The watcher lost events: everything must be read again.
    rescan: bool,
}

impl Burst {
    /// Takes in one event; returns whether it changed content (reading files, serve's own reads
    /// included, changes nothing).
    fn add(&mut self, event: notify::Result<notify::Event>) -> bool {
        use notify::EventKind;
        use notify::event::{AccessKind, AccessMode, CreateKind, ModifyKind};
        let event = match event {
            Ok(event) => event,
            Err(_) => {
                self.rescan = true;
                return true;
            }
        };
        if event.need_rescan() {
            self.rescan = true;
            return true;
        }
        if event.paths.iter().any(|p| is_editor_noise(p)) {
            return false;
        }
        match event.kind {
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => {
                for path in &event.paths {
                    self.writing.remove(path);
                }
                false
            }
            EventKind::Create(CreateKind::File) | EventKind::Modify(ModifyKind::Data(_)) => {
                self.writing.extend(event.paths.iter().cloned());
                self.changed.extend(event.paths);
                true
            }
            EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => {
                self.changed.extend(event.paths);
                true
            }
            _ => false,
        }
    }

    /// How long to wait for a further event before the burst counts as over.
    fn quiet_time(&self) -> Duration {
        if self.writing.is_empty() {
            SETTLE
        } else {
            DEBOUNCE
        }
    }

    /// The changed paths; `None` if events were lost and all content must be read again.
    fn changed(&self) -> Option<&[PathBuf]> {
        (!self.rescan).then_some(self.changed.as_slice())
    }
}

/// Swap and backup files that editors write beside the real ones.
fn is_editor_noise(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.starts_with(".#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
}

/// Checks and renders the site into memory; the error text lists every problem. With `scope`,
/// the actor folders a save changed when it changed nothing else, only what those actors appear
/// on is rendered again where that can be bounded (`steckbrief::site::preview`). `cache` keeps what the check can
/// reuse.
fn rebuild(
    root: &Path,
    state: &Arc<State>,
    cache: &mut CheckCache,
    scope: Option<BTreeSet<String>>,
) -> Result<(Update, Steps), String> {
    let started = Instant::now();
    let today = steckbrief::today();
    let checked = steckbrief::check_with_cache(root, today, cache)
        .map_err(|e| messages::fatal(&e.to_string()))?;
    render(checked, state, cache, started, today, scope)
}

/// Renders checked content (see [`rebuild`]); `started` is when the check began.
fn render(
    checked: steckbrief::Checked,
    state: &Arc<State>,
    cache: &CheckCache,
    started: Instant,
    today: jiff::civil::Date,
    scope: Option<BTreeSet<String>>,
) -> Result<(Update, Steps), String> {
    let check = started.elapsed();
    let summary = summary_line(&checked.diagnostics, checked.actor_count);
    let Some(catalog) = checked.catalog else {
        let (list, gaps, closing) = readable(checked.diagnostics, false, "steckbrief check");
        let mut text = diagnostics::render_human(&list, use_colour());
        for gap in &gaps {
            text.push_str(&messages::translation_gaps(
                &gap.language,
                gap.fields,
                gap.actors,
            ));
            text.push('\n');
        }
        text.push_str(&summary);
        text.push('\n');
        if let Some(closing) = closing {
            text.push_str(&closing);
            text.push('\n');
        }
        text.push_str(&messages::last_good_build_served());
        return Err(text);
    };
    let languages = catalog.config.brochure.languages.clone();
    let rendering = Instant::now();
    let update = state
        .site
        .read()
        .expect("state lock")
        .after_save(
            &catalog,
            scope.as_ref(),
            &build::site_options(&languages, today),
        )
        .map_err(|e| {
            format!(
                "{}\n{}",
                messages::fatal(&e.to_string()),
                messages::last_good_build_served()
            )
        })?;
    let render = rendering.elapsed();
    // The brochures are rendered when first requested, so that saving never waits for typst.
    let previous = state
        .catalog
        .write()
        .expect("state lock")
        .replace(Arc::new(catalog));
    // Freed beside: dropping a thousand actors takes milliseconds the reload need not wait for.
    std::thread::spawn(move || drop(previous));
    let steps = Steps {
        check,
        work: cache.last_work(),
        render,
        pages: update.pages(),
    };
    Ok((update, steps))
}

/// The answer to a GET or HEAD request for `path`.
fn respond(path: &str, state: &State) -> Reply {
    if path == EVENTS_PATH {
        return Reply::EventStream;
    }
    let key = percent_decode(path.trim_start_matches('/'));
    if key.ends_with(".pdf") && !state.site.read().expect("state lock").contains(&key) {
        render_brochure_on_request(state, &key);
    }
    let site = state.site.read().expect("state lock");
    let has = |path: &str| site.contains(path) || build::on_request(&site, path).is_some();
    let (key, status) = if has(&key) {
        (key, 200)
    } else if has(&format!("{key}index.html")) {
        (format!("{key}index.html"), 200)
    } else if !key.is_empty() && !key.ends_with('/') && has(&format!("{key}/index.html")) {
        return Reply::Response(
            Response::new(301, "text/plain; charset=utf-8", Vec::new())
                .with_header("Location", format!("/{key}/")),
        );
    } else {
        ("404.html".to_owned(), 404)
    };
    let body = site.get(&key);
    drop(site);
    let (key, status, body) = match body.or_else(|| render_on_request(state, &key)) {
        Some(body) => (key, status, body),
        // The rendering failed (and said why on the terminal).
        None => {
            let body = state.site.read().expect("state lock").get("404.html");
            (
                "404.html".to_owned(),
                404,
                body.unwrap_or_else(|| Arc::from(no_site_yet(state))),
            )
        }
    };
    let body = if key.ends_with(".html") {
        Arc::from(inject_reload_script(&body))
    } else {
        body
    };
    Reply::Response(Response::new(status, content_type(&key), body))
}

/// Renders the sitemap, the report or the open data when `key` is one of them and not rendered
/// since the last save; keeps them until the next. Returns the file at `key`.
fn render_on_request(state: &State, key: &str) -> Option<Arc<[u8]>> {
    let catalog = state.catalog.read().expect("state lock").clone()?;
    let _one_at_a_time = state.on_request_lock.lock().expect("state lock");
    let renderer = {
        let site = state.site.read().expect("state lock");
        if let Some(file) = site.get(key) {
            return Some(file);
        }
        build::on_request(&site, key)?
    };
    let started = Instant::now();
    let languages = &catalog.config.brochure.languages;
    let options = build::site_options(languages, steckbrief::today());
    let files = match renderer.render(&catalog, key, &options) {
        Ok(files) => files,
        Err(error) => {
            eprintln!("{error}");
            return None;
        }
    };
    let files: Vec<(String, Arc<[u8]>)> = (files.into_iter())
        .map(|(path, bytes)| (path, Arc::from(bytes)))
        .collect();
    let file = files
        .iter()
        .find(|(path, _)| path == key)
        .map(|(_, b)| b.clone());
    // Only if no newer build replaced the catalogue meanwhile.
    let current = state.catalog.read().expect("state lock").clone();
    if current.is_some_and(|c| Arc::ptr_eq(&c, &catalog)) {
        let mut site = state.site.write().expect("state lock");
        for (path, bytes) in files {
            site.insert_requested(path, bytes);
        }
    }
    println!(
        "{}",
        messages::rendered_on_request(key, started.elapsed().as_millis())
    );
    file
}

/// The body of a 404 while no build has succeeded yet, so that there is no site and no 404 page
/// of its own: why, in the language of the messages, and the errors of the last build (escaped:
/// their snippets are the editors' text).
fn no_site_yet(state: &State) -> Vec<u8> {
    let errors = state.generation.lock().expect("state lock").1.clone();
    let title = messages::serve_no_site_title();
    format!(
        "<!doctype html>\n<html lang=\"{}\">\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width\">\n<title>{title}</title>\n\
         <body><h1>{title}</h1>\n<p>{}</p>\n<pre style=\"white-space:pre-wrap\">{}</pre></body>\n</html>\n",
        messages::language().code(),
        messages::serve_no_site(),
        tera::escape_html(&strip_ansi(errors.as_deref().unwrap_or_default()))
    )
    .into_bytes()
}

/// Renders the brochure whose URL is `key`, if it is one, into the served files.
fn render_brochure_on_request(state: &State, key: &str) {
    let Some(catalog) = state.catalog.read().expect("state lock").clone() else {
        return;
    };
    let Some((language, volume)) = brochure::at_path(&catalog, key) else {
        return;
    };
    let _one_at_a_time = state.brochure_lock.lock().expect("state lock");
    if state.site.read().expect("state lock").contains(key) {
        return;
    }
    let started = Instant::now();
    let pdf = brochure::as_of_date(&catalog)
        .and_then(|as_of| brochure::render_volume(&catalog, language, volume, as_of));
    match pdf {
        Ok(pdf) => {
            // Only if no newer build replaced the catalogue meanwhile.
            let current = state.catalog.read().expect("state lock").clone();
            if current.is_some_and(|c| Arc::ptr_eq(&c, &catalog)) {
                state
                    .site
                    .write()
                    .expect("state lock")
                    .insert_requested(key.to_owned(), pdf.bytes.into());
            }
            println!(
                "{}",
                messages::rendered_on_request(key, started.elapsed().as_millis())
            );
        }
        Err(error) => eprintln!("{error}"),
    }
}

/// Sends one server-sent event per build to every open live-reload stream, and a comment line
/// every 15 s that keeps the connections alive and finds closed tabs. Runs for as long as the
/// server does.
fn stream_events(state: &State, streams: &Streams) {
    let mut seen = state.generation.lock().expect("state lock").0;
    loop {
        let event = {
            let guard = state.generation.lock().expect("state lock");
            let (guard, timeout) = state
                .changed
                .wait_timeout_while(guard, Duration::from_secs(15), |g| g.0 == seen)
                .expect("state lock");
            if timeout.timed_out() {
                ": keep-alive\n\n".to_owned()
            } else {
                seen = guard.0;
                match &guard.1 {
                    None => "event: reload\ndata: ok\n\n".to_owned(),
                    Some(error) => {
                        let data: String = strip_ansi(error)
                            .lines()
                            .map(|line| format!("data: {line}\n"))
                            .collect();
                        format!("event: failed\n{data}\n")
                    }
                }
            }
        };
        streams.broadcast(&event);
    }
}

/// The live-reload script, only ever added to pages served by `serve`. It also tells the site's
/// script not to register the service worker (and removes one left from a built site on the same
/// address), so that a cache never serves a page older than the last save.
const RELOAD_SCRIPT: &str = r#"<script>(function(){window.steckbriefServe=true;if(navigator.serviceWorker){navigator.serviceWorker.getRegistrations().then(function(r){r.forEach(function(w){w.unregister()})})}var s=new EventSource("/__steckbrief/events");s.addEventListener("reload",function(){location.reload()});s.addEventListener("failed",function(e){var o=document.getElementById("steckbrief-errors");if(!o){o=document.createElement("pre");o.id="steckbrief-errors";o.setAttribute("role","alert");o.style.cssText="position:fixed;inset:0;z-index:99999;margin:0;padding:1.5rem;overflow:auto;background:rgba(20,20,20,.95);color:#fff;font:14px/1.5 monospace;white-space:pre-wrap";document.body.appendChild(o)}o.textContent=e.data})})();</script>"#;

fn inject_reload_script(html: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(at) => format!("{}{RELOAD_SCRIPT}{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{text}{RELOAD_SCRIPT}").into_bytes(),
    }
}

fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn percent_decode(path: &str) -> String {
    url::form_urlencoded::parse(format!("p={}", path.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "vcf" => "text/vcard; charset=utf-8",
        "xml" => "application/xml",
        _ => "text/plain; charset=utf-8",
    }
}

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(opener).arg(url).spawn().is_err() {
        eprintln!("{}", messages::no_browser(url));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(kind: notify::EventKind, path: &str) -> notify::Result<notify::Event> {
        Ok(notify::Event::new(kind).add_path(PathBuf::from(path)))
    }

    #[test]
    fn a_save_settles_once_every_written_file_is_closed() {
        use notify::EventKind::{Access, Create, Modify, Remove};
        use notify::event::{
            AccessKind, AccessMode, CreateKind, DataChange, ModifyKind, RemoveKind, RenameMode,
        };
        let data = Modify(ModifyKind::Data(DataChange::Any));
        let close = Access(AccessKind::Close(AccessMode::Write));
        let open = Access(AccessKind::Open(AccessMode::Any));

        // Written in place: open, truncate, write, close.
        let mut burst = Burst::default();
        assert!(!burst.add(event(open, "/r/actors/a/profile.yaml")));
        assert!(burst.add(event(data, "/r/actors/a/profile.yaml")));
        assert_eq!(burst.quiet_time(), DEBOUNCE, "still being written");
        assert!(burst.add(event(data, "/r/actors/a/profile.yaml")));
        assert!(!burst.add(event(close, "/r/actors/a/profile.yaml")));
        assert_eq!(burst.quiet_time(), SETTLE);
        assert_eq!(
            burst.changed().unwrap(),
            vec![PathBuf::from("/r/actors/a/profile.yaml"); 2]
        );

        // Written beside and renamed over (safe write); editor noise is left out.
        let mut burst = Burst::default();
        assert!(!burst.add(event(
            Create(CreateKind::File),
            "/r/actors/a/.profile.yaml.swp"
        )));
        assert!(burst.add(event(
            Create(CreateKind::File),
            "/r/actors/a/profile.yaml.new"
        )));
        assert!(burst.add(event(data, "/r/actors/a/profile.yaml.new")));
        assert_eq!(burst.quiet_time(), DEBOUNCE);
        assert!(!burst.add(event(close, "/r/actors/a/profile.yaml.new")));
        let renamed = Modify(ModifyKind::Name(RenameMode::To));
        assert!(burst.add(event(renamed, "/r/actors/a/profile.yaml")));
        assert!(!burst.add(event(Remove(RemoveKind::File), "/r/actors/a/profile.yaml~")));
        assert!(burst.add(event(Remove(RemoveKind::File), "/r/actors/a/en.yaml")));
        assert_eq!(burst.quiet_time(), SETTLE);
        assert_eq!(burst.changed().unwrap().len(), 4);

        // Reading (serve's own reads of the theme, say) is no change.
        let mut burst = Burst::default();
        assert!(!burst.add(event(open, "/r/theme/style.css")));
        assert!(burst.changed().unwrap().is_empty());

        // Lost events: everything is read again.
        let mut burst = Burst::default();
        let lost =
            notify::Event::new(notify::EventKind::Other).set_flag(notify::event::Flag::Rescan);
        assert!(burst.add(Ok(lost)));
        assert!(burst.changed().is_none());
    }

    #[test]
    fn reload_script_goes_before_the_body_end() {
        let html = inject_reload_script(b"<html><body><p>x</p></body></html>");
        let text = String::from_utf8(html).unwrap();
        assert!(text.ends_with("</script></body></html>"), "{text}");
        assert_eq!(strip_ansi("\x1b[1;31merror\x1b[0m: x"), "error: x");
    }
}
