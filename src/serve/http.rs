//! The preview server (axum): the public site at `/` (and at the path of `base_url`), the
//! internal index at `/internal/`, only ever from the files of the last good build held in memory, so no
//! path can reach anything else on the disk. HTML pages get a small script that keeps
//! the page current (server-sent events) and shows the problems of a failed rebuild.

use std::convert::Infallible;
use std::sync::{Arc, RwLock};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use futures_util::StreamExt;
use futures_util::stream::{self, Stream};
use tokio::sync::{broadcast, watch};

use super::engine::Snapshot;

/// What the browser pages are told.
#[derive(Debug, Clone)]
pub enum Notice {
    /// A new good build with this generation.
    Reload(u64),
    /// The last rebuild failed; the problems as JSON.
    Problems(String),
}

/// State shared by the rebuild loop and the server.
pub struct Shared {
    pub snapshot: RwLock<Arc<Snapshot>>,
    pub problems: RwLock<Option<String>>,
    pub notices: broadcast::Sender<Notice>,
    pub stop: watch::Receiver<bool>,
}

pub const EVENTS: &str = "/__daftar/events";
pub const SCRIPT: &str = "/__daftar/reload.js";
const RELOAD_JS: &str = include_str!("reload.js");

pub fn router(shared: Arc<Shared>) -> Router {
    Router::new().fallback(handle).with_state(shared)
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// The path of a request as a key into the build's files, or `None` when it tries to
/// leave the site (`..`, encoded or not, a backslash, a NUL).
pub fn resolve(raw_path: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(raw_path)
        .decode_utf8()
        .ok()?;
    if decoded.contains(['\\', '\0']) {
        return None;
    }
    let mut parts = Vec::new();
    for part in decoded.split('/') {
        match part {
            "" => {}
            "." | ".." => return None,
            p => parts.push(p),
        }
    }
    let mut key = parts.join("/");
    if decoded.ends_with('/') || key.is_empty() {
        if !key.is_empty() {
            key.push('/');
        }
        key.push_str("index.html");
    }
    Some(key)
}

/// The page with the preview script before the end of its body (only the chunk that
/// holds `</body>` is cut, at bytes, so the rest stays exactly as built).
fn with_script(chunks: &[Bytes], generation: u64) -> Vec<Bytes> {
    let tag = Bytes::from(format!(
        "<script src=\"{SCRIPT}?g={generation}\" defer></script>"
    ));
    let mut out = chunks.to_vec();
    let found = out.iter().enumerate().rev().find_map(|(i, c)| {
        c.windows(7)
            .rposition(|w| w == b"</body>")
            .map(|at| (i, at))
    });
    match found {
        Some((i, at)) => {
            let chunk = out[i].clone();
            out.splice(i..=i, [chunk.slice(..at), tag, chunk.slice(at..)]);
        }
        None => out.push(tag),
    }
    out
}

fn respond(status: StatusCode, path: &str, body: &[Bytes], generation: u64) -> Response {
    let kind = content_type(path);
    let chunks = if kind.starts_with("text/html") {
        with_script(body, generation)
    } else {
        body.to_vec()
    };
    let length: usize = chunks.iter().map(Bytes::len).sum();
    let stream = stream::iter(chunks.into_iter().map(Ok::<Bytes, Infallible>));
    let mut response = Response::new(Body::from_stream(stream));
    response.headers_mut().insert(
        header::CONTENT_LENGTH,
        HeaderValue::from_str(&length.to_string()).expect("a number is a header value"),
    );
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    // A preview is never served from a cache: every page is the current build.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    response
}

fn redirect(to: &str) -> Response {
    let mut response = StatusCode::PERMANENT_REDIRECT.into_response();
    if let Ok(v) = HeaderValue::from_str(to) {
        response.headers_mut().insert(header::LOCATION, v);
    }
    response
}

const NOTHING_YET: &str = "<!doctype html><html lang=id><head><meta charset=utf-8><title>Belum ada situs</title></head><body><main><h1>Belum ada situs yang sah</h1><p>Perbaiki masalah yang ditampilkan di terminal; halaman ini dimuat ulang sendiri.</p></main></body></html>";

async fn handle(State(shared): State<Arc<Shared>>, uri: Uri) -> Response {
    let path = uri.path();
    if path == EVENTS {
        return events(shared).await.into_response();
    }
    if path == SCRIPT {
        return respond(
            StatusCode::OK,
            "reload.js",
            &[Bytes::from_static(RELOAD_JS.as_bytes())],
            0,
        );
    }
    let snapshot = shared.snapshot.read().expect("not poisoned").clone();
    let g = snapshot.generation;
    let Some(key) = resolve(path) else {
        return respond(
            StatusCode::NOT_FOUND,
            "404.txt",
            &[Bytes::from_static(b"tidak ditemukan\n")],
            g,
        );
    };
    if path == "/internal" {
        return redirect("/internal/");
    }
    let base = snapshot.base_path.trim_start_matches('/');
    if !base.is_empty() && format!("{key}/") == base {
        return redirect(&format!("{path}/"));
    }
    // The public site is also at its path on the host (`base_url` "…/dik/" → "/dik/"),
    // where the 404 page, served at any address, links.
    let under_base = (!base.is_empty())
        .then(|| key.strip_prefix(base).map(str::to_string))
        .flatten();
    let (files, key) = match (key.strip_prefix("internal/"), under_base) {
        (Some(rest), _) if path.starts_with("/internal/") => (&snapshot.internal, rest.to_string()),
        (_, Some(rest)) => (&snapshot.public, rest),
        _ => (&snapshot.public, key),
    };
    if let Some(body) = files.get(&key) {
        return respond(StatusCode::OK, &key, body, g);
    }
    if files.contains_key(&format!("{key}/index.html")) {
        return redirect(&format!("{path}/"));
    }
    match snapshot.public.get("404.html") {
        Some(page) => respond(StatusCode::NOT_FOUND, "404.html", page, g),
        None => respond(
            StatusCode::NOT_FOUND,
            "404.html",
            &[Bytes::from_static(NOTHING_YET.as_bytes())],
            g,
        ),
    }
}

async fn events(shared: Arc<Shared>) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    // Subscribe first: a build that lands while this page connects is then told, not lost.
    let receiver = shared.notices.subscribe();
    let generation = shared.snapshot.read().expect("not poisoned").generation;
    let problems = shared.problems.read().expect("not poisoned").clone();
    let mut first = vec![
        Event::default()
            .event("generasi")
            .data(generation.to_string()),
    ];
    if let Some(p) = problems {
        first.push(Event::default().event("masalah").data(p));
    }
    let stop = shared.stop.clone();
    let later = stream::unfold((receiver, stop), |(mut receiver, mut stop)| async move {
        loop {
            tokio::select! {
                _ = stop.changed() => return None,
                notice = receiver.recv() => match notice {
                    Ok(Notice::Reload(g)) => {
                        let e = Event::default().event("muat-ulang").data(g.to_string());
                        return Some((Ok(e), (receiver, stop)));
                    }
                    Ok(Notice::Problems(p)) => {
                        let e = Event::default().event("masalah").data(p);
                        return Some((Ok(e), (receiver, stop)));
                    }
                    Err(broadcast::error::RecvError::Lagged(_)) => continue,
                    Err(broadcast::error::RecvError::Closed) => return None,
                },
            }
        }
    });
    Sse::new(stream::iter(first.into_iter().map(Ok::<Event, Infallible>)).chain(later))
        .keep_alive(KeepAlive::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_site_paths() {
        assert_eq!(resolve("/").as_deref(), Some("index.html"));
        assert_eq!(resolve("/dik-001/").as_deref(), Some("dik-001/index.html"));
        assert_eq!(
            resolve("/dik-001/index.html").as_deref(),
            Some("dik-001/index.html")
        );
        assert_eq!(
            resolve("/internal/").as_deref(),
            Some("internal/index.html")
        );
        assert_eq!(resolve("//daftar.css").as_deref(), Some("daftar.css"));
        assert_eq!(
            resolve("/data%20pribadi/").as_deref(),
            Some("data pribadi/index.html")
        );
    }

    #[test]
    fn refuses_to_leave_the_site() {
        for bad in [
            "/../etc/passwd",
            "/a/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/..%2fetc/passwd",
            "/a%5c..%5c..%5cetc",
            "/a%00.html",
            "/./index.html",
            "/%ff",
        ] {
            assert_eq!(resolve(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_reload_script_goes_before_the_end_of_the_body() {
        let page = [
            Bytes::from_static(b"<html><body><p>x</p>"),
            Bytes::from_static(b"</body></html>"),
        ];
        let out: Vec<u8> = with_script(&page, 7).concat();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<html><body><p>x</p><script src=\"/__daftar/reload.js?g=7\" defer></script></body></html>"
        );
    }
}
