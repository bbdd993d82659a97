//! The preview's HTTP server, kept small and bounded: it answers only requests addressed to the
//! loopback interface by name (so that a web page elsewhere cannot read the preview through DNS
//! rebinding), only GET and HEAD, on a fixed pool of worker threads with a short queue, and keeps
//! at most [`MAX_STREAMS`] live-reload streams open. Beyond that it refuses with `503`; the
//! accept loop outlives every error.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use steckbrief::messages;

/// Worker threads answering requests.
pub const WORKERS: usize = 8;
/// Connections that may wait for a free worker; more are refused at once.
pub const QUEUE: usize = 64;
/// Live-reload event streams kept open at a time (browser tabs).
pub const MAX_STREAMS: usize = 32;
/// How long a client may take to send its request head.
const HEAD_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a client may take to read a response.
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);
/// The longest request head read.
const MAX_HEAD: usize = 16 * 1024;

/// An answer to a GET or HEAD request.
#[derive(Debug)]
pub enum Reply {
    /// A complete response.
    Response(Response),
    /// Open a live-reload event stream on this connection.
    EventStream,
}

/// A complete HTTP response; `Content-Length`, `Cache-Control: no-store` and
/// `Connection: close` are added when it is sent.
#[derive(Debug)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Further headers.
    pub headers: Vec<(&'static str, String)>,
    /// The body (not sent for HEAD), shared with the served site rather than copied.
    pub body: std::sync::Arc<[u8]>,
}

impl Response {
    /// A response with a body of `content_type`.
    pub fn new(status: u16, content_type: &str, body: impl Into<std::sync::Arc<[u8]>>) -> Response {
        Response {
            status,
            headers: vec![("Content-Type", content_type.to_owned())],
            body: body.into(),
        }
    }

    /// A plain-text response, for refusals.
    fn text(status: u16, text: &str) -> Response {
        Response::new(
            status,
            "text/plain; charset=utf-8",
            format!("{text}\n").into_bytes(),
        )
    }

    /// Adds a header.
    pub fn with_header(mut self, name: &'static str, value: String) -> Response {
        self.headers.push((name, value));
        self
    }

    fn send(&self, socket: &mut TcpStream, head_only: bool) -> io::Result<()> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
            self.body.len()
        ));
        socket.write_all(head.as_bytes())?;
        if !head_only {
            socket.write_all(&self.body)?;
        }
        socket.flush()
    }
}

/// The open live-reload streams, at most [`MAX_STREAMS`].
#[derive(Debug, Default)]
pub struct Streams {
    sockets: Mutex<Vec<TcpStream>>,
}

impl Streams {
    /// Sends `event` to every stream; a stream that is closed, or does not take the event at
    /// once (a reader that stopped reading), is dropped.
    pub fn broadcast(&self, event: &str) {
        let mut sockets = self.sockets.lock().unwrap_or_else(|e| e.into_inner());
        sockets.retain_mut(|socket| {
            socket
                .write_all(event.as_bytes())
                .and_then(|()| socket.flush())
                .is_ok()
        });
    }

    /// Takes over `socket` (the response head is sent); refuses it if [`MAX_STREAMS`] streams
    /// are still open.
    fn add(&self, mut socket: TcpStream) {
        let mut sockets = self.sockets.lock().unwrap_or_else(|e| e.into_inner());
        if sockets.len() >= MAX_STREAMS {
            sockets.retain(is_open);
        }
        if sockets.len() >= MAX_STREAMS {
            drop(sockets);
            let refusal = Response::text(503, &messages::serve_too_many_streams(MAX_STREAMS))
                .with_header("Retry-After", "5".to_owned());
            let _ = refusal.send(&mut socket, false);
            return;
        }
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n";
        let opened = socket
            .write_all(head.as_bytes())
            .and_then(|()| socket.flush())
            .and_then(|()| socket.set_nonblocking(true));
        if opened.is_ok() {
            sockets.push(socket);
        }
    }
}

/// Whether the client of a (non-blocking) stream is still connected: it sends nothing, so
/// anything but "nothing to read yet" means it is gone.
fn is_open(socket: &TcpStream) -> bool {
    let mut byte = [0u8; 1];
    matches!(socket.peek(&mut byte), Err(e) if e.kind() == io::ErrorKind::WouldBlock)
}

/// Answers requests on `listener` in threads of their own; returns once they run. `answer` gets
/// the request path (without query) of every valid GET or HEAD request.
pub fn start<F>(listener: TcpListener, streams: Arc<Streams>, answer: F) -> io::Result<()>
where
    F: Fn(&str) -> Reply + Send + Sync + 'static,
{
    let answer = Arc::new(answer);
    let (queue, waiting) = std::sync::mpsc::sync_channel::<TcpStream>(QUEUE);
    let waiting = Arc::new(Mutex::new(waiting));
    let mut workers = 0;
    let mut spawn_error = None;
    for n in 0..WORKERS {
        let (waiting, answer, streams) = (
            Arc::clone(&waiting),
            Arc::clone(&answer),
            Arc::clone(&streams),
        );
        let spawned = std::thread::Builder::new()
            .name(format!("http-{n}"))
            .spawn(move || work(&waiting, &*answer, &streams));
        match spawned {
            Ok(_) => workers += 1,
            Err(error) => spawn_error = Some(error),
        }
    }
    if let Some(error) = spawn_error {
        if workers == 0 {
            return Err(error);
        }
        eprintln!(
            "{}: {}",
            messages::label_warning(),
            messages::serve_threads_missing(workers, WORKERS, &error)
        );
    }
    std::thread::Builder::new()
        .name("http-accept".to_owned())
        .spawn(move || accept(&listener, &queue))?;
    Ok(())
}

/// Hands each connection to a worker, or refuses it when all are busy and the queue is full.
/// Never returns: an error accepting (too many open files, say) is reported and waited out.
fn accept(listener: &TcpListener, queue: &SyncSender<TcpStream>) {
    let mut reported = false;
    loop {
        match listener.accept() {
            Ok((socket, _)) => {
                reported = false;
                match queue.try_send(socket) {
                    Ok(()) => {}
                    Err(TrySendError::Full(socket) | TrySendError::Disconnected(socket)) => {
                        refuse_busy(socket);
                    }
                }
            }
            Err(error) => {
                if !reported {
                    eprintln!(
                        "{}: {}",
                        messages::label_warning(),
                        messages::serve_cannot_accept(&error)
                    );
                    reported = true;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    }
}

/// Answers `503` without waiting for the client.
fn refuse_busy(mut socket: TcpStream) {
    let _ = socket.set_nonblocking(true);
    let refusal = Response::text(503, &messages::serve_busy(WORKERS, QUEUE))
        .with_header("Retry-After", "1".to_owned());
    let _ = refusal.send(&mut socket, false);
    close(socket);
}

/// A worker: answers the connections handed to it, one at a time, for as long as the server
/// runs. A panic while answering costs that connection, not the worker.
fn work(waiting: &Mutex<Receiver<TcpStream>>, answer: &dyn Fn(&str) -> Reply, streams: &Streams) {
    loop {
        let next = waiting.lock().unwrap_or_else(|e| e.into_inner()).recv();
        let Ok(socket) = next else {
            return;
        };
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            handle(socket, answer, streams);
        }));
    }
}

/// Reads one request from `socket` and answers it.
fn handle(mut socket: TcpStream, answer: &dyn Fn(&str) -> Reply, streams: &Streams) {
    if socket.set_read_timeout(Some(HEAD_TIMEOUT)).is_err()
        || socket.set_write_timeout(Some(WRITE_TIMEOUT)).is_err()
    {
        return;
    }
    let request = match read_head(&mut socket) {
        Ok(head) => parse(&head),
        Err(Unreadable::TooLong) => Err(Response::text(431, &messages::serve_head_too_long())),
        Err(Unreadable::Io) => return,
    };
    let (path, head_only) = match request {
        Ok(request) => request,
        Err(refusal) => {
            let _ = refusal.send(&mut socket, false);
            close(socket);
            return;
        }
    };
    match answer(&path) {
        Reply::EventStream if !head_only => streams.add(socket),
        Reply::EventStream => {
            let response = Response::new(200, "text/event-stream", Vec::new());
            let _ = response.send(&mut socket, true);
            close(socket);
        }
        Reply::Response(response) => {
            let _ = response.send(&mut socket, head_only);
            close(socket);
        }
    }
}

/// Why no request head could be read.
enum Unreadable {
    TooLong,
    Io,
}

/// Reads up to the blank line that ends the request head.
fn read_head(socket: &mut TcpStream) -> Result<Vec<u8>, Unreadable> {
    let mut head = Vec::with_capacity(1024);
    let mut buffer = [0u8; 2048];
    loop {
        let read = socket.read(&mut buffer).map_err(|_| Unreadable::Io)?;
        if read == 0 {
            return Err(Unreadable::Io);
        }
        head.extend_from_slice(&buffer[..read]);
        if let Some(end) = head.windows(4).position(|w| w == b"\r\n\r\n") {
            head.truncate(end);
            return Ok(head);
        }
        if head.len() > MAX_HEAD {
            return Err(Unreadable::TooLong);
        }
    }
}

/// The path and whether only the head is wanted, or the refusal to send.
fn parse(head: &[u8]) -> Result<(String, bool), Response> {
    let head = String::from_utf8_lossy(head);
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next().unwrap_or_default().split(' ');
    let (Some(method), Some(target), Some(version), None) = (
        request_line.next(),
        request_line.next(),
        request_line.next(),
        request_line.next(),
    ) else {
        return Err(Response::text(400, &messages::serve_malformed_request()));
    };
    if !version.starts_with("HTTP/1.") || !target.starts_with('/') {
        return Err(Response::text(400, &messages::serve_malformed_request()));
    }
    let host = lines.find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case("host")
            .then(|| value.trim())
    });
    match host {
        Some(host) if is_loopback(host) => {}
        Some(_) => {
            return Err(Response::text(421, &messages::serve_not_loopback()));
        }
        None => return Err(Response::text(400, &messages::serve_host_required())),
    }
    let head_only = match method {
        "GET" => false,
        "HEAD" => true,
        _ => {
            return Err(Response::text(405, &messages::serve_only_get())
                .with_header("Allow", "GET, HEAD".to_owned()));
        }
    };
    let path = target.split(['?', '#']).next().unwrap_or("/").to_owned();
    Ok((path, head_only))
}

/// Whether a Host header names the loopback interface: `localhost`, `127.0.0.1` or `[::1]`,
/// each with or without a port.
fn is_loopback(host: &str) -> bool {
    let name = match host.rsplit_once(':') {
        Some((name, port)) if !name.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    };
    name.eq_ignore_ascii_case("localhost") || name == "127.0.0.1" || name == "[::1]"
}

/// Closes a connection after its response, so that the client reads the whole response rather
/// than a reset: no more writing, then whatever the client still sends is read and dropped.
fn close(mut socket: TcpStream) {
    let _ = socket.shutdown(Shutdown::Write);
    let _ = socket.set_read_timeout(Some(Duration::from_millis(200)));
    let mut sink = [0u8; 4096];
    for _ in 0..16 {
        match socket.read(&mut sink) {
            Ok(n) if n > 0 => {}
            _ => break,
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_names_are_answered() {
        for host in [
            "localhost",
            "LocalHost:1111",
            "127.0.0.1",
            "127.0.0.1:8080",
            "[::1]",
            "[::1]:1111",
        ] {
            assert!(is_loopback(host), "{host}");
        }
        for host in [
            "example.org",
            "localhost.example.org",
            "127.0.0.1.nip.io:1111",
            "[::1",
            "127.0.0.2",
            "",
            ":1111",
        ] {
            assert!(!is_loopback(host), "{host}");
        }
    }
}
