//! The preview server and the watch loop, run as a user runs them: the real binary on a
//! copy of the sample register, edited the way editors save files, read over HTTP and
//! the server-sent event stream that open pages listen to.
//!
//! No test times anything: each waits (up to a generous limit) for the message that says
//! a rebuild happened, then checks what is served.

mod common;

use common::{BIN, DATE, build, copy_site};
use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use tempfile::TempDir;
use walkdir::WalkDir;

/// Long enough for a rebuild on a slow, busy machine; a passing test never waits it out.
const PATIENCE: Duration = Duration::from_secs(30);
const RECORD: &str = "content/dkisp/2025-004-konfigurasi-keamanan-pusat-data.md";
const RECORD_PAGE: &str = "/dkisp-2025-004-konfigurasi-keamanan-pusat-data/";
const DECISION: &str = "keputusan/2025-012-penetapan-dik.md";

// ---------------------------------------------------------------------------------------
// A site, a server, a client
// ---------------------------------------------------------------------------------------

/// A copy of a site's sources (`daftar.toml`, `content/`, its own theme and its archive)
/// in a temporary folder.
fn copy_of(site: &Path) -> (TempDir, PathBuf) {
    copy_folders(site, &["content", "keputusan", "themes", "archive"])
}

fn copy_folders(site: &Path, folders: &[&str]) -> (TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("situs");
    copy_site(site, &root, &[&["daftar.toml"][..], folders].concat());
    (tmp, root)
}

/// A copy of the repository's sample register.
fn sample_site() -> (TempDir, PathBuf) {
    copy_folders(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["content", "keputusan"],
    )
}

/// Every file under a folder: path inside it → bytes.
fn files_under(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_str()
                .unwrap()
                .to_string();
            (rel, fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Saves a file the way most editors do: a temporary file beside it, renamed over it.
fn save(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    let temp = path.with_file_name(format!(
        ".{}.tmp",
        path.file_name().unwrap().to_string_lossy()
    ));
    fs::write(&temp, text).unwrap();
    fs::rename(&temp, &path).unwrap();
}

fn read(root: &Path, rel: &str) -> String {
    fs::read_to_string(root.join(rel)).unwrap()
}

/// The record with its title replaced.
fn retitled(text: &str, title: &str) -> String {
    let start = text.find("\njudul = \"").unwrap() + 1;
    let end = start + text[start..].find('\n').unwrap();
    format!("{}judul = \"{title}\"{}", &text[..start], &text[end..])
}

/// A running `daftar serve` or `daftar watch`, with the lines it prints.
struct Daftar {
    child: Child,
    lines: mpsc::Receiver<String>,
    printed: Vec<String>,
}

impl Daftar {
    fn start(root: &Path, args: &[&str]) -> Daftar {
        let mut child = Command::new(BIN)
            .args(args)
            .args(["--root", root.to_str().unwrap(), "--tanggal", DATE])
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, lines) = mpsc::channel();
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let tx = tx.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines() {
                    let Ok(line) = line else { return };
                    if tx.send(line).is_err() {
                        return;
                    }
                }
            });
        }
        Daftar {
            child,
            lines,
            printed: Vec::new(),
        }
    }

    /// Waits for a printed line containing `text`; returns it.
    fn wait_for_line(&mut self, text: &str) -> String {
        let deadline = std::time::Instant::now() + PATIENCE;
        loop {
            if let Some(line) = self.printed.iter().find(|l| l.contains(text)) {
                return line.clone();
            }
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => self.printed.push(line),
                Err(_) => panic!(
                    "no line with {text:?}; printed so far:\n{}",
                    self.printed.join("\n")
                ),
            }
        }
    }

    /// The address the server said it listens on.
    fn address(&mut self) -> String {
        let line = self.wait_for_line("Pratinjau berjalan di http://");
        let start = line.find("http://").unwrap() + "http://".len();
        let end = start + line[start..].find('/').unwrap();
        line[start..end].to_string()
    }

    /// Ends the process with Ctrl-C (SIGINT) and returns its exit code.
    fn interrupt(mut self) -> (Option<i32>, Vec<String>) {
        let pid = self.child.id().to_string();
        // The shell's own `kill`, present wherever `sh` is.
        let status = Command::new("sh")
            .args(["-c", &format!("kill -INT {pid}")])
            .status()
            .unwrap();
        assert!(status.success());
        let deadline = std::time::Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                while let Ok(line) = self.lines.recv_timeout(Duration::from_millis(200)) {
                    self.printed.push(line);
                }
                return (status.code(), std::mem::take(&mut self.printed));
            }
            assert!(
                std::time::Instant::now() < deadline,
                "daftar did not end on Ctrl-C"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Daftar {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
struct Response {
    status: u16,
    headers: BTreeMap<String, String>,
    body: Vec<u8>,
}

impl Response {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One GET, sent byte for byte as given (no client-side clean-up of the path).
fn get(address: &str, path: &str) -> Response {
    let mut stream = TcpStream::connect(address).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8(raw[..split].to_vec()).unwrap();
    let mut lines = head.lines();
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Response {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

/// The server-sent event stream an open page listens to.
struct Events {
    events: mpsc::Receiver<(String, String)>,
}

impl Events {
    fn open(address: &str) -> Events {
        let mut stream = TcpStream::connect(address).unwrap();
        write!(
            stream,
            "GET /__daftar/events HTTP/1.1\r\nHost: {address}\r\n\r\n"
        )
        .unwrap();
        let (tx, events) = mpsc::channel();
        std::thread::spawn(move || {
            let mut kind = None;
            for line in BufReader::new(stream).lines() {
                let Ok(line) = line else { return };
                if let Some(k) = line.strip_prefix("event:") {
                    kind = Some(k.trim().to_string());
                } else if let (Some(data), Some(k)) = (line.strip_prefix("data:"), kind.take())
                    && tx.send((k, data.trim().to_string())).is_err()
                {
                    return;
                }
            }
        });
        Events { events }
    }

    /// Waits a moment and says whether any event came.
    fn quiet_for(&self, wait: Duration) -> bool {
        self.events.recv_timeout(wait).is_err()
    }

    /// The next event named `kind` (others are skipped); its data.
    fn next(&self, kind: &str) -> String {
        let deadline = std::time::Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.events.recv_timeout(left) {
                Ok((k, data)) if k == kind => return data,
                Ok(_) => {}
                Err(_) => panic!("no `{kind}` event"),
            }
        }
    }
}

/// A page as the build writes it: the served page without the preview script.
fn without_preview_script(body: &[u8]) -> Vec<u8> {
    let text = String::from_utf8(body.to_vec()).unwrap();
    let start = text
        .find("<script src=\"/__daftar/reload.js")
        .expect("the preview script is injected");
    let end = start + text[start..].find("</script>").unwrap() + "</script>".len();
    format!("{}{}", &text[..start], &text[end..]).into_bytes()
}

fn serve(root: &Path) -> (Daftar, String, Events) {
    let mut daftar = Daftar::start(root, &["serve", "--port", "0"]);
    let address = daftar.address();
    let events = Events::open(&address);
    events.next("generasi");
    (daftar, address, events)
}

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

#[test]
fn an_edit_is_served_and_open_pages_are_told_to_reload() {
    let (_tmp, root) = sample_site();
    let (mut daftar, address, events) = serve(&root);
    let page = get(&address, RECORD_PAGE);
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Konfigurasi"), "{}", page.text());
    assert!(!page.text().contains("Judul baru dari penyunting"));
    // Preview pages carry the reload script; the built files never do.
    assert!(
        page.text()
            .contains("<script src=\"/__daftar/reload.js?g=1\" defer></script></body>")
    );

    save(
        &root,
        RECORD,
        &retitled(&read(&root, RECORD), "Judul baru dari penyunting"),
    );
    assert_eq!(events.next("muat-ulang"), "2");
    let page = get(&address, RECORD_PAGE);
    assert!(page.text().contains("Judul baru dari penyunting"));
    assert!(
        get(&address, "/")
            .text()
            .contains("Judul baru dari penyunting")
    );
    assert!(
        get(&address, "/dik.csv")
            .text()
            .contains("Judul baru dari penyunting")
    );
    assert!(
        get(&address, "/internal/")
            .text()
            .contains("Judul baru dari penyunting")
    );
    let line = daftar.wait_for_line("(1 dirender ulang)");
    assert!(
        line.contains("catatan sah (1 dirender ulang); 0 galat,"),
        "{line}"
    );
}

#[test]
fn a_broken_edit_keeps_the_last_good_site_and_shows_where() {
    let (_tmp, root) = sample_site();
    let (mut daftar, address, events) = serve(&root);
    let good = read(&root, RECORD);
    let before = without_preview_script(&get(&address, RECORD_PAGE).body);
    let page_now = || without_preview_script(&get(&address, RECORD_PAGE).body);

    // A field the record format does not know, under the title.
    let at = good.find("\njudul = ").unwrap() + 1;
    let at = at + good[at..].find('\n').unwrap() + 1;
    let broken = format!("{}warna = \"merah\"\n{}", &good[..at], &good[at..]);
    save(&root, RECORD, &broken);
    let problems: serde_json::Value = serde_json::from_str(&events.next("masalah")).unwrap();
    let first = &problems[0];
    assert_eq!(first["file"], RECORD);
    assert_eq!(first["severity"], "error");
    let line = broken.lines().position(|l| l.starts_with("warna")).unwrap() + 1;
    assert_eq!(
        (&first["line"], &first["column"]),
        (&line.into(), &1.into())
    );
    assert!(
        first["message"].as_str().unwrap().contains("warna"),
        "{first}"
    );
    daftar.wait_for_line("Tidak dapat dibangun ulang: 1 galat");
    // The last good site stays served, byte for byte.
    assert!(page_now() == before);
    // A page opened now is told about the problem at once.
    let late = Events::open(&address);
    late.next("generasi");
    let told: serde_json::Value = serde_json::from_str(&late.next("masalah")).unwrap();
    assert_eq!(told, problems);

    // Fixing the file clears it.
    save(&root, RECORD, &good);
    assert_eq!(events.next("muat-ulang"), "2");
    assert!(page_now() == before);
    // `daftar.toml` made invalid and back.
    let toml = read(&root, "daftar.toml");
    save(&root, "daftar.toml", &format!("{toml}\n[[[\n"));
    let problems: serde_json::Value = serde_json::from_str(&events.next("masalah")).unwrap();
    assert_eq!(problems[0]["file"], "daftar.toml");
    save(&root, "daftar.toml", &toml);
    assert_eq!(events.next("muat-ulang"), "3");
}

#[test]
fn a_template_error_is_an_overlay_too() {
    let (_tmp, root) = sample_site();
    let (_daftar, address, events) = serve(&root);
    let theme = root.join("themes/default/templates/public");
    fs::create_dir_all(&theme).unwrap();
    let about = include_str!("../themes/default/templates/public/about.html");
    fs::write(theme.join("about.html"), format!("{about}{{% if %}}")).unwrap();
    let problems: serde_json::Value = serde_json::from_str(&events.next("masalah")).unwrap();
    let first = &problems[0];
    assert_eq!(first["file"], "themes/default/templates/public/about.html");
    assert_eq!(get(&address, "/tentang/").status, 200);
    fs::write(
        theme.join("about.html"),
        about.replace("<h1", "<h1 data-uji=\"tema-sendiri\""),
    )
    .unwrap();
    events.next("muat-ulang");
    assert!(
        get(&address, "/tentang/")
            .text()
            .contains("data-uji=tema-sendiri")
    );
}

#[test]
fn the_server_serves_only_the_build() {
    let (_tmp, root) = sample_site();
    fs::write(root.join("rahasia.txt"), "JANGAN-TERSAJI").unwrap();
    let (_daftar, address, _events) = serve(&root);
    for path in [
        "/../daftar.toml",
        "/%2e%2e/daftar.toml",
        "/%2E%2E%2Fdaftar.toml",
        "/..%2fdaftar.toml",
        "/internal/../../daftar.toml",
        "/internal/%2e%2e/%2e%2e/rahasia.txt",
        "/..%5crahasia.txt",
        "/%00/rahasia.txt",
        "/rahasia.txt",
        "/daftar.toml",
        "/content/dkisp/2025-004-konfigurasi-keamanan-pusat-data.md",
        "//etc/passwd",
    ] {
        let response = get(&address, path);
        assert_eq!(response.status, 404, "{path}");
        let text = response.text();
        assert!(
            !text.contains("JANGAN-TERSAJI")
                && !text.contains("[keluaran]")
                && !text.contains("root:"),
            "{path}"
        );
    }
    let missing = get(&address, "/tidak-ada/");
    assert_eq!(missing.status, 404);
    assert!(
        missing.text().contains("<title>Halaman tidak ditemukan"),
        "{}",
        missing.text()
    );
    for (path, kind) in [
        ("/", "text/html; charset=utf-8"),
        ("/daftar.css", "text/css; charset=utf-8"),
        ("/daftar.js", "text/javascript; charset=utf-8"),
        ("/dik.json", "application/json"),
        ("/dik.schema.json", "application/json"),
        ("/dik.csv", "text/csv; charset=utf-8"),
        ("/atom.xml", "application/xml; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/internal/", "text/html; charset=utf-8"),
    ] {
        let response = get(&address, path);
        assert_eq!(response.status, 200, "{path}");
        assert_eq!(response.headers["content-type"], kind, "{path}");
        assert_eq!(response.headers["cache-control"], "no-store", "{path}");
    }
    let redirect = get(&address, "/internal");
    assert_eq!(
        (redirect.status, redirect.headers["location"].as_str()),
        (308, "/internal/")
    );

    // The sample's base_url has a path (/dik/): the 404 page, served at any address,
    // links from there, and every one of its links and styles works in the preview.
    let page = missing.text();
    let links: Vec<String> = page
        .split("href=")
        .chain(page.split("src=").skip(1))
        .skip(1)
        .map(|rest| {
            let rest = rest.trim_start_matches(['"', '\'']);
            rest[..rest.find(['"', '\'', ' ', '>']).unwrap_or(rest.len())].to_string()
        })
        .filter(|link| link.starts_with("/dik/"))
        .collect();
    assert!(links.iter().any(|l| l == "/dik/daftar.css"), "{links:?}");
    assert!(links.len() >= 5, "{links:?}");
    for link in &links {
        let response = get(&address, link);
        assert_eq!(response.status, 200, "{link}");
    }
    assert_eq!(
        get(&address, "/dik/").body,
        get(&address, "/").body,
        "the register at the base path"
    );
    let redirect = get(&address, "/dik");
    assert_eq!(
        (redirect.status, redirect.headers["location"].as_str()),
        (308, "/dik/")
    );
}

#[test]
fn editor_habits_never_leave_a_stale_site() {
    let (_tmp, root) = sample_site();
    let (_daftar, address, events) = serve(&root);
    // Waits for rebuilds until `served` holds; generations only ever go up.
    let mut generation = 1;
    let mut until = |served: &dyn Fn() -> bool| {
        while !served() {
            let g: u64 = events.next("muat-ulang").parse().unwrap();
            assert!(g > generation, "generation {g} after {generation}");
            generation = g;
        }
    };
    let page_has = |path: &str, text: &str| get(&address, path).text().contains(text);

    // Swap, backup and hidden files are not sources: they start no rebuild.
    fs::write(root.join("content/dkisp/.2025-004.md.swp"), "x").unwrap();
    fs::write(root.join("content/dkisp/2025-004.md~"), "x").unwrap();
    fs::write(root.join("content/.#2025-004.md"), "x").unwrap();
    assert!(
        events.quiet_for(Duration::from_millis(500)),
        "a swap or backup file started a rebuild"
    );
    // A burst of saves of one file (written in place): the last one is served.
    for n in 1..=5 {
        let text = retitled(&read(&root, RECORD), &format!("Simpan ke-{n}"));
        fs::write(root.join(RECORD), text).unwrap();
    }
    until(&|| page_has(RECORD_PAGE, "Simpan ke-5"));

    // A record added in a new folder, moved to another folder, that folder deleted.
    let added = retitled(&read(&root, RECORD), "Catatan tambahan").replacen(
        "nomor = \"",
        "nomor = \"TAMBAH-",
        1,
    );
    fs::create_dir_all(root.join("content/baru")).unwrap();
    save(&root, "content/baru/tambahan.md", &added);
    until(&|| page_has("/baru-tambahan/", "Catatan tambahan"));
    fs::create_dir_all(root.join("content/lain")).unwrap();
    fs::rename(
        root.join("content/baru/tambahan.md"),
        root.join("content/lain/tambahan.md"),
    )
    .unwrap();
    until(&|| page_has("/lain-tambahan/", "Catatan tambahan"));
    assert_eq!(get(&address, "/baru-tambahan/").status, 404);
    fs::remove_dir_all(root.join("content/lain")).unwrap();
    until(&|| get(&address, "/lain-tambahan/").status == 404);
    assert!(!page_has("/", "Catatan tambahan"));

    // Delete, then create again (some editors save this way).
    let text = read(&root, RECORD);
    fs::remove_file(root.join(RECORD)).unwrap();
    fs::write(root.join(RECORD), retitled(&text, "Dihapus lalu dibuat")).unwrap();
    until(&|| page_has(RECORD_PAGE, "Dihapus lalu dibuat"));
    assert!(page_has("/", "Dihapus lalu dibuat"));

    // The whole content/ folder replaced (a restore from a copy): still watched.
    fs::rename(root.join("content"), root.join("content-lama")).unwrap();
    let (_copy, copy) = copy_folders(&root, &["content-lama"]);
    fs::rename(copy.join("content-lama"), root.join("content")).unwrap();
    let text = read(&root, RECORD);
    save(&root, RECORD, &retitled(&text, "Setelah folder diganti"));
    until(&|| page_has(RECORD_PAGE, "Setelah folder diganti"));
}

#[test]
fn the_served_site_equals_a_full_build_after_edits_additions_deletions_and_renames() {
    let (_tmp, root) = sample_site();
    let (_daftar, address, events) = serve(&root);
    let record = |rel: &str| read(&root, rel);
    let status = |path: &str| get(&address, path).status;
    let shows = |path: &str, text: &str| get(&address, path).text().contains(text);
    // Each change, and what is served once it has been built.
    type Step<'a> = (Box<dyn Fn() + 'a>, Box<dyn Fn() -> bool + 'a>);
    let steps: Vec<Step> = vec![
        (
            Box::new(|| {
                save(
                    &root,
                    RECORD,
                    &retitled(&record(RECORD), "Suntingan pertama"),
                )
            }),
            Box::new(|| shows(RECORD_PAGE, "Suntingan pertama")),
        ),
        (
            Box::new(|| {
                let new = retitled(&record(RECORD), "Catatan baru").replacen(
                    "nomor = \"",
                    "nomor = \"BARU-",
                    1,
                );
                save(&root, "content/dkisp/2026-099-catatan-baru.md", &new);
            }),
            Box::new(|| shows("/dkisp-2026-099-catatan-baru/", "Catatan baru")),
        ),
        (
            Box::new(|| {
                fs::remove_file(root.join("content/bkd/2024-005-data-pribadi-asn.md")).unwrap()
            }),
            Box::new(|| status("/bkd-2024-005-data-pribadi-asn/") == 404),
        ),
        (
            Box::new(|| {
                fs::rename(
                    root.join("content/bapenda/2025-002-kajian-awal-tarif-pajak-kendaraan.md"),
                    root.join("content/dkisp/2025-002-kajian-tarif-pajak.md"),
                )
                .unwrap()
            }),
            Box::new(|| status("/dkisp-2025-002-kajian-tarif-pajak/") == 200),
        ),
        (
            Box::new(|| save(&root, RECORD, &retitled(&record(RECORD), "Suntingan kedua"))),
            Box::new(|| shows(RECORD_PAGE, "Suntingan kedua")),
        ),
    ];
    for (change, served) in &steps {
        change();
        while !served() {
            events.next("muat-ulang");
        }
    }

    // A full build of the same files, elsewhere.
    let (_copy, built) = copy_of(&root);
    build(&built);
    let mut compared = 0;
    for (folder, prefix) in [("public", "/"), ("internal", "/internal/")] {
        for entry in WalkDir::new(built.join(folder)) {
            let entry = entry.unwrap();
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(built.join(folder))
                .unwrap()
                .to_str()
                .unwrap();
            let served = get(&address, &format!("{prefix}{rel}"));
            assert_eq!(served.status, 200, "{prefix}{rel}");
            let body = if rel.ends_with(".html") {
                without_preview_script(&served.body)
            } else {
                served.body
            };
            assert!(
                body == fs::read(entry.path()).unwrap(),
                "{prefix}{rel} differs from the build"
            );
            compared += 1;
        }
    }
    assert!(compared >= 30, "only {compared} files compared");
    // What the build no longer has is not served either.
    assert_eq!(get(&address, "/bkd-2024-005-data-pribadi-asn/").status, 404);
    assert_eq!(
        get(
            &address,
            "/bapenda-2025-002-kajian-awal-tarif-pajak-kendaraan/"
        )
        .status,
        404
    );
}

#[test]
fn the_port_binding_and_ctrl_c() {
    let (_tmp, root) = sample_site();
    // A port in use: the next free one, said in the terminal.
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let mut daftar = Daftar::start(&root, &["serve", "--port", &port.to_string()]);
    let address = daftar.address();
    assert_ne!(address, format!("127.0.0.1:{port}"));
    daftar.wait_for_line(&format!("Port {port} sedang dipakai; memakai port "));
    assert_eq!(get(&address, "/").status, 200);
    let (code, printed) = daftar.interrupt();
    assert_eq!(code, Some(0));
    assert_eq!(
        printed.last().map(String::as_str),
        Some("Pratinjau dihentikan.")
    );

    // Any address other than loopback is said to be open to the network.
    let mut daftar = Daftar::start(&root, &["serve", "--port", "0", "--bind", "0.0.0.0"]);
    daftar.address();
    let warning = daftar.wait_for_line("peringatan: pratinjau terbuka bagi jaringan");
    assert!(
        warning.contains("indeks internal yang berisi NIP ikut tersaji"),
        "{warning}"
    );
}

#[test]
fn watch_writes_the_output_folders_on_every_change() {
    let (_tmp, root) = sample_site();
    for args in [&["watch"][..], &["build", "--watch"][..]] {
        let mut daftar = Daftar::start(&root, args);
        daftar.wait_for_line("Mengawasi content/");
        let page = root.join("public/dkisp-2025-004-konfigurasi-keamanan-pusat-data/index.html");
        let title = format!("Diawasi lewat {}", args.join(" "));
        save(&root, RECORD, &retitled(&read(&root, RECORD), &title));
        let deadline = std::time::Instant::now() + PATIENCE;
        while !fs::read_to_string(&page)
            .unwrap_or_default()
            .contains(&title)
        {
            assert!(
                std::time::Instant::now() < deadline,
                "{page:?} was not rewritten"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        // The files written are the build's: no preview script.
        assert!(!fs::read_to_string(&page).unwrap().contains("__daftar"));
        let (code, printed) = daftar.interrupt();
        assert_eq!(code, Some(0));
        assert_eq!(
            printed.last().map(String::as_str),
            Some("Pengawasan dihentikan.")
        );
    }
}

/// The incremental engine itself, without file watching: after each change (told as the
/// watcher would tell it), its files are exactly those of a full build, no more, no less.
#[test]
fn the_incremental_engine_gives_exactly_the_full_build() {
    incremental_engine_gives_the_full_build(false);
}

/// The same on the sample cut into pages of 10 rows (19 records: two register pages and
/// the search index), whose rows move between the pages as records change.
#[test]
fn the_incremental_engine_gives_exactly_the_full_build_of_a_paged_register() {
    incremental_engine_gives_the_full_build(true);
}

fn incremental_engine_gives_the_full_build(paged: bool) {
    use daftar::render::sink::MemorySink;
    use daftar::serve::engine::{Engine, Outcome, Snapshot};
    use daftar::serve::events::Batch;

    fn flat(files: &daftar::render::sink::ChunkedFiles) -> BTreeMap<String, Vec<u8>> {
        files
            .iter()
            .map(|(k, chunks)| (k.clone(), chunks.concat()))
            .collect()
    }
    fn check(root: &Path, snapshot: &Snapshot) {
        let (_copy, built) = copy_of(root);
        build(&built);
        assert!(
            flat(&snapshot.public) == files_under(&built.join("public")),
            "public/ differs"
        );
        assert!(
            flat(&snapshot.internal) == files_under(&built.join("internal")),
            "internal/ differs"
        );
    }

    let (_tmp, root) = sample_site();
    if paged {
        let config = read(&root, "daftar.toml");
        save(
            &root,
            "daftar.toml",
            &format!("baris_per_halaman = 10\n{config}"),
        );
    }
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 25);
    let mut engine = Engine::new(&root, date);
    let sink = MemorySink::default();
    let Outcome::Built {
        generation,
        rerendered,
        ..
    } = engine.rebuild_all(&sink)
    else {
        panic!("the sample builds")
    };
    assert_eq!(rerendered, 19, "the first build renders every record");
    let snapshot = Snapshot::of(sink, generation, String::new());
    check(&root, &snapshot);
    assert_eq!(
        snapshot.public.contains_key("halaman-2.html") && snapshot.public.contains_key("cari.json"),
        paged
    );

    let moved = "content/dkisp/2025-002-kajian-tarif-pajak.md";
    let added = "content/baru/catatan.md";
    // Each change, with the paths the watcher would report for it.
    type Change<'a> = (Vec<&'a str>, Box<dyn Fn() + 'a>);
    let changes: Vec<Change> = vec![
        (
            vec![RECORD],
            Box::new(|| save(&root, RECORD, &retitled(&read(&root, RECORD), "Suntingan"))),
        ),
        (
            vec!["content/baru", added],
            Box::new(|| {
                let text = retitled(&read(&root, RECORD), "Baru").replacen(
                    "nomor = \"",
                    "nomor = \"BARU-",
                    1,
                );
                fs::create_dir_all(root.join("content/baru")).unwrap();
                fs::write(root.join(added), text).unwrap();
            }),
        ),
        (
            vec![
                "content/bapenda/2025-002-kajian-awal-tarif-pajak-kendaraan.md",
                moved,
            ],
            Box::new(|| {
                fs::rename(
                    root.join("content/bapenda/2025-002-kajian-awal-tarif-pajak-kendaraan.md"),
                    root.join(moved),
                )
                .unwrap()
            }),
        ),
        (
            vec!["content/bkd"],
            Box::new(|| fs::remove_dir_all(root.join("content/bkd")).unwrap()),
        ),
        // A record whose term ends moves between the lists; its status changes.
        (
            vec![RECORD],
            Box::new(|| {
                let text = read(&root, RECORD);
                let start = text.find("\njangka_waktu = ").unwrap() + 1;
                let end = start + text[start..].find('\n').unwrap();
                save(
                    &root,
                    RECORD,
                    &format!(
                        "{}jangka_waktu = {{ sampai = 2026-01-31 }}{}",
                        &text[..start],
                        &text[end..]
                    ),
                );
            }),
        ),
        // The site's own theme changes a template used by every page.
        (
            vec!["themes/default/templates/public/about.html"],
            Box::new(|| {
                let about = include_str!("../themes/default/templates/public/about.html");
                let dir = root.join("themes/default/templates/public");
                fs::create_dir_all(&dir).unwrap();
                fs::write(
                    dir.join("about.html"),
                    about.replace("<h1", "<h1 data-tema=\"sendiri\""),
                )
                .unwrap();
            }),
        ),
        // A version published meanwhile: every page now links the change history.
        (
            vec![RECORD],
            Box::new(|| {
                let status = Command::new(BIN)
                    .args(["publish", "--quiet", "--tanggal", DATE, "--root"])
                    .arg(&root)
                    .status()
                    .unwrap();
                assert!(status.success());
                save(
                    &root,
                    RECORD,
                    &retitled(&read(&root, RECORD), "Setelah terbit"),
                );
            }),
        ),
        // A decision changes: every record it establishes, and its Lampiran page.
        (
            vec![DECISION],
            Box::new(|| {
                let text =
                    read(&root, DECISION).replacen("Tahun 2025\"", "Tahun Anggaran 2025\"", 1);
                save(&root, DECISION, &text);
            }),
        ),
        // A record is opened (`dibuka`): it moves to the ended list with its basis.
        (
            vec![RECORD],
            Box::new(|| {
                let text = read(&root, RECORD).replacen(
                    "\nkeputusan = ",
                    "\ndibuka = { tanggal = 2026-11-20, dasar = \"penetapan_ppid\" }\nkeputusan = ",
                    1,
                );
                save(&root, RECORD, &text);
            }),
        ),
        (
            vec!["daftar.toml"],
            Box::new(|| {
                save(
                    &root,
                    "daftar.toml",
                    &format!("{}\n", read(&root, "daftar.toml")),
                )
            }),
        ),
    ];
    for (i, (paths, change)) in changes.into_iter().enumerate() {
        change();
        let batch = Batch::of(&root, paths.iter().map(|p| root.join(p)));
        let sink = MemorySink::default();
        match engine.rebuild(&batch, &sink) {
            Outcome::Built {
                generation,
                rerendered,
                ..
            } => {
                // The first change edits one record: the others come from the cache.
                if i == 0 {
                    assert_eq!(rerendered, 1, "{paths:?}");
                }
                check(&root, &Snapshot::of(sink, generation, String::new()))
            }
            Outcome::Failed { report } => panic!("{paths:?}: {:?}", report.diagnostics),
        }
    }
}
