//! Watch mode: `daftar serve` (a preview server that keeps open pages current) and
//! `daftar watch` (the same rebuild loop, writing the output folders). Both treat the
//! build as a black box that either gives a good result or a report, and keep the last
//! good result when a rebuild fails.

pub mod engine;
pub mod events;
pub mod http;

use std::collections::BTreeSet;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use chrono::NaiveDate;
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use tokio::sync::{broadcast, watch};

use crate::code::Code;
use crate::config::{CONTENT_DIR, DECISIONS_DIR, THEMES_DIR};
use crate::diagnostic::{Diagnostic, Severity, Tally};
use crate::print;
use crate::render::sink::{DiskSink, MemorySink, Sink};
use crate::ui::{Exit, Ui};
use crate::write;
use engine::{Engine, Outcome, Snapshot};
use events::Batch;
use http::{Notice, Shared};

/// What wakes the rebuild loop.
enum Wake {
    /// Paths that changed.
    Changed(Vec<PathBuf>),
    /// The watcher lost track (an overflowing event queue, an error): read everything.
    Rescan,
    /// Ctrl-C.
    Stop,
}

/// How long a burst of saves is gathered before one rebuild.
const SETTLE: Duration = Duration::from_millis(20);

/// How often the loop looks at the clock when nothing changes (a new day can end terms).
const CLOCK: Duration = Duration::from_secs(30);

fn clock() -> String {
    chrono::Local::now().format("%H.%M.%S").to_string()
}

/// Watches the sources: `daftar.toml` (through the site folder, which also sees
/// `content/` or `themes/` appear, go or be replaced), `content/` and `themes/` with
/// everything in them. `root` is canonical, as the watcher reports paths.
struct Sources {
    root: PathBuf,
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    watched: BTreeSet<PathBuf>,
}

impl Sources {
    fn start(root: &Path, tx: mpsc::Sender<Wake>) -> notify::Result<Sources> {
        let debouncer = new_debouncer(SETTLE, None, move |result: DebounceEventResult| {
            let wake = match result {
                Ok(events) if events.iter().any(|e| e.need_rescan()) => Wake::Rescan,
                Ok(events) => {
                    // Reading a file is not changing it (and the rebuild reads them all).
                    let paths: Vec<PathBuf> = events
                        .into_iter()
                        .filter(|e| !matches!(e.kind, EventKind::Access(_)))
                        .flat_map(|e| e.event.paths)
                        .collect();
                    if paths.is_empty() {
                        return;
                    }
                    Wake::Changed(paths)
                }
                Err(_) => Wake::Rescan,
            };
            let _ = tx.send(wake);
        })?;
        let mut sources = Sources {
            root: root.to_path_buf(),
            debouncer,
            watched: BTreeSet::new(),
        };
        sources.debouncer.watch(root, RecursiveMode::NonRecursive)?;
        sources.follow(&[]);
        Ok(sources)
    }

    /// Watches `content/` and `themes/` when they exist, again when they were replaced
    /// (a changed path that is the folder itself).
    fn follow(&mut self, changed: &[PathBuf]) {
        for dir in [CONTENT_DIR, DECISIONS_DIR, THEMES_DIR] {
            let path = self.root.join(dir);
            if changed.contains(&path) && self.watched.remove(&path) {
                let _ = self.debouncer.unwatch(&path);
            }
            if path.is_dir() {
                if !self.watched.contains(&path)
                    && self
                        .debouncer
                        .watch(&path, RecursiveMode::Recursive)
                        .is_ok()
                {
                    self.watched.insert(path);
                }
            } else if self.watched.remove(&path) {
                let _ = self.debouncer.unwatch(&path);
            }
        }
    }

    /// Waits for the next burst of source changes, gathering what arrives meanwhile;
    /// `None` on Ctrl-C. `new_day` is asked when nothing happened for a while: a new day
    /// rebuilds too, with nothing changed.
    fn next_batch(
        &mut self,
        rx: &mpsc::Receiver<Wake>,
        new_day: impl Fn() -> bool,
    ) -> Option<Batch> {
        loop {
            let first = match rx.recv_timeout(CLOCK) {
                Ok(wake) => wake,
                Err(mpsc::RecvTimeoutError::Timeout) if new_day() => return Some(Batch::default()),
                Err(mpsc::RecvTimeoutError::Timeout) => continue,
                Err(mpsc::RecvTimeoutError::Disconnected) => return None,
            };
            let mut paths = Vec::new();
            let mut rescan = false;
            for wake in std::iter::once(first).chain(rx.try_iter()) {
                match wake {
                    Wake::Changed(more) => paths.extend(more),
                    Wake::Rescan => rescan = true,
                    Wake::Stop => return None,
                }
            }
            self.follow(&paths);
            let mut batch = Batch::of(&self.root, &paths);
            batch.everything |= rescan;
            if !batch.is_empty() {
                return Some(batch);
            }
        }
    }
}

/// The site folder as the watcher names it (symbolic links and `.` resolved).
fn canonical(root: &Path) -> PathBuf {
    std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf())
}

/// Waits for Ctrl-C; the handler is in place when this returns (call it inside a Tokio
/// runtime), so a Ctrl-C right after the "running" line is never missed.
fn interrupted() -> std::io::Result<impl std::future::Future<Output = ()>> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut sigint = signal(SignalKind::interrupt())?;
        Ok(async move {
            sigint.recv().await;
        })
    }
    #[cfg(not(unix))]
    {
        Ok(async {
            let _ = tokio::signal::ctrl_c().await;
        })
    }
}

/// Sends [`Wake::Stop`] on Ctrl-C (the handler is in place when this returns).
fn stop_on_ctrl_c(tx: mpsc::Sender<Wake>) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let stop = {
        let _inside = runtime.enter();
        interrupted()?
    };
    std::thread::spawn(move || {
        runtime.block_on(stop);
        let _ = tx.send(Wake::Stop);
    });
    Ok(())
}

/// The problems of a failed rebuild, for the browser overlay (errors only).
fn problems_json(report: &crate::site::Report) -> String {
    let errors: Vec<Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    print::json_list(&errors)
}

/// Prints what a rebuild gave; `first` prints the warnings too.
fn tell(ui: &Ui, outcome: &Outcome, first: bool) {
    match outcome {
        Outcome::Built {
            report,
            records,
            rerendered,
            took,
            ..
        } => {
            if first {
                ui.report(report);
            }
            ui.status(&format!(
                "[{}] Dibangun dalam {} ms: {records} catatan sah ({rerendered} dirender ulang); {}.",
                clock(),
                took.as_millis(),
                print::tally(Tally::of(&report.diagnostics))
            ));
        }
        Outcome::Failed { report } => {
            // The errors to fix; the warnings were shown with the last good build.
            let errors = crate::site::Report {
                diagnostics: report
                    .diagnostics
                    .iter()
                    .filter(|d| d.is_error())
                    .cloned()
                    .collect(),
                sources: report.sources.clone(),
            };
            ui.report(&errors);
            ui.status(&format!(
                "[{}] Tidak dapat dibangun ulang: {}. Situs terakhir yang sah tetap dipakai; perbaiki lalu simpan lagi.",
                clock(),
                print::tally(Tally::of(&report.diagnostics))
            ));
        }
    }
}

/// The first free port from `port` on (up to 20 further).
fn bind_free(ip: IpAddr, port: u16, ui: &Ui) -> Result<TcpListener, Diagnostic> {
    let mut last = None;
    for p in port..=port.saturating_add(20) {
        match TcpListener::bind(SocketAddr::new(ip, p)) {
            Ok(l) => {
                if p != port {
                    ui.status(&format!("Port {port} sedang dipakai; memakai port {p}."));
                }
                return Ok(l);
            }
            Err(e) => last = Some(e),
        }
    }
    Err(Diagnostic::new(
        Severity::Error,
        Code::Write,
        "",
        format!(
            "tidak ada port bebas dari {port} sampai {} di {ip}: {}",
            port.saturating_add(20),
            last.map(|e| e.to_string()).unwrap_or_default()
        ),
    )
    .with_hint("pilih port lain dengan --port"))
}

fn setup_error(ui: &Ui, d: Diagnostic) -> Exit {
    ui.report(&crate::site::Report {
        diagnostics: vec![d],
        ..Default::default()
    });
    Exit::Setup
}

/// Starts watching the sources (before the first build, so that nothing saved during it
/// is missed).
fn watch_sources(
    root: &Path,
    ui: &Ui,
) -> Option<(Sources, mpsc::Sender<Wake>, mpsc::Receiver<Wake>)> {
    let (tx, rx) = mpsc::channel();
    match Sources::start(&canonical(root), tx.clone()) {
        Ok(sources) => Some((sources, tx, rx)),
        Err(e) => {
            setup_error(
                ui,
                Diagnostic::new(
                    Severity::Error,
                    Code::Unreadable,
                    "",
                    format!("folder situs tidak dapat diawasi: {}", watch_reason(&e)),
                ),
            );
            None
        }
    }
}

fn runtime_error(ui: &Ui, e: std::io::Error) -> Exit {
    setup_error(
        ui,
        Diagnostic::new(
            Severity::Error,
            Code::Write,
            "",
            format!(
                "pratinjau tidak dapat dimulai: {}",
                crate::os_error::reason(&e)
            ),
        ),
    )
}

/// Why the file watcher could not start, in Indonesian.
fn watch_reason(e: &notify::Error) -> String {
    match &e.kind {
        notify::ErrorKind::Io(io) => crate::os_error::reason(io),
        notify::ErrorKind::PathNotFound => "tidak ditemukan".to_string(),
        notify::ErrorKind::MaxFilesWatch => {
            "batas jumlah berkas yang dapat diawasi sistem operasi tercapai".to_string()
        }
        _ => "pengawas berkas sistem operasi tidak dapat dipakai".to_string(),
    }
}

pub fn serve(root: &Path, tanggal: Option<NaiveDate>, port: u16, ip: IpAddr, ui: &Ui) -> Exit {
    // The preview writes nothing to the site; it only finishes an interrupted write.
    let recovered = write::recover_if_idle(root);
    if !recovered.is_empty() {
        ui.report(&crate::site::Report {
            diagnostics: recovered,
            ..Default::default()
        });
    }
    let listener = match bind_free(ip, port, ui) {
        Ok(l) => l,
        Err(d) => return setup_error(ui, d),
    };
    let address = listener.local_addr().expect("bound");
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => return runtime_error(ui, e),
    };
    let interrupt = {
        let _inside = runtime.enter();
        match interrupted() {
            Ok(i) => i,
            Err(e) => return runtime_error(ui, e),
        }
    };
    let (stop_tx, stop_rx) = watch::channel(false);
    let (notices, _) = broadcast::channel(64);
    let shared = Arc::new(Shared {
        snapshot: RwLock::new(Arc::new(Snapshot::default())),
        problems: RwLock::new(None),
        notices,
        stop: stop_rx,
    });
    let Some((mut sources, _tx, rx)) = watch_sources(root, ui) else {
        return Exit::Setup;
    };

    let mut engine = Engine::new(root, tanggal);
    let apply = {
        let shared = Arc::clone(&shared);
        move |outcome: &Outcome, sink: MemorySink| match outcome {
            Outcome::Built {
                generation,
                base_path,
                ..
            } => {
                let snapshot = Snapshot::of(sink, *generation, base_path.clone());
                // Problems first: a page connecting now sees the old build without the
                // overlay, then the reload.
                *shared.problems.write().expect("not poisoned") = None;
                let previous = std::mem::replace(
                    &mut *shared.snapshot.write().expect("not poisoned"),
                    Arc::new(snapshot),
                );
                let _ = shared.notices.send(Notice::Reload(*generation));
                // Freeing the previous build's files (thousands of them) is no reason to
                // keep the next rebuild waiting.
                std::thread::spawn(move || drop(previous));
            }
            Outcome::Failed { report } => {
                let json = problems_json(report);
                *shared.problems.write().expect("not poisoned") = Some(json.clone());
                let _ = shared.notices.send(Notice::Problems(json));
            }
        }
    };
    let sink = MemorySink::default();
    let first = engine.rebuild_all(&sink);
    tell(ui, &first, true);
    apply(&first, sink);

    if !ip.is_loopback() {
        ui.status(&format!(
            "peringatan: pratinjau terbuka bagi jaringan di {address}; indeks internal yang berisi NIP ikut tersaji. Pakai hanya di jaringan yang tepercaya."
        ));
    }
    let shown = if ip.is_unspecified() {
        SocketAddr::new(IpAddr::from([127, 0, 0, 1]), address.port())
    } else {
        address
    };
    ui.status(&format!(
        "Pratinjau berjalan di http://{shown}/ (indeks internal: http://{shown}/internal/). Tekan Ctrl-C untuk berhenti."
    ));
    let loop_ui = ui.clone();
    std::thread::spawn(move || {
        while let Some(batch) = sources.next_batch(&rx, || engine.day_changed()) {
            let sink = MemorySink::default();
            let outcome = engine.rebuild(&batch, &sink);
            tell(&loop_ui, &outcome, false);
            apply(&outcome, sink);
        }
    });

    let served = runtime.block_on(async move {
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        axum::serve(listener, http::router(shared))
            .with_graceful_shutdown(async move {
                interrupt.await;
                let _ = stop_tx.send(true);
            })
            .await
    });
    match served {
        Ok(()) => {
            ui.status("Pratinjau dihentikan.");
            Exit::Ok
        }
        Err(e) => setup_error(
            ui,
            Diagnostic::new(
                Severity::Error,
                Code::Write,
                "",
                format!("server pratinjau berhenti: {}", crate::os_error::reason(&e)),
            ),
        ),
    }
}

/// One rebuild of watch mode under the site's lock (a build or publish running now is
/// waited for), rendered into the writer's staging folders and swapped in when it
/// succeeds, the way `build` writes.
fn rebuild_and_write(
    root: &Path,
    engine: &mut Engine,
    ui: &Ui,
    rebuild: impl FnOnce(&mut Engine, &dyn Sink) -> Outcome,
    first: bool,
) {
    let report = |diagnostics: Vec<Diagnostic>| {
        if !diagnostics.is_empty() {
            ui.report(&crate::site::Report {
                diagnostics,
                ..Default::default()
            });
        }
    };
    let waiting = |holder: &write::Holder| {
        ui.status(&format!(
            "Menunggu {} selesai menulis situs ini…",
            holder.describe()
        ))
    };
    let writer = match write::SiteWriter::open(root, "daftar watch", waiting) {
        Ok(Some((writer, notes))) => {
            report(notes);
            Some(writer)
        }
        Ok(None) => None,
        Err(d) => {
            report(vec![d]);
            return;
        }
    };
    // No site (no daftar.toml): nothing is written, the rebuild says what is missing.
    let staged = writer.as_ref().map(DiskSink::staging).transpose();
    let outcome = match &staged {
        Ok(Some(sink)) => rebuild(engine, sink),
        Ok(None) => rebuild(engine, &MemorySink::default()),
        Err(d) => {
            report(vec![d.clone()]);
            return;
        }
    };
    tell(ui, &outcome, first);
    // A failed rebuild's staging folders are removed with the writer.
    if let (Some(writer), Outcome::Built { .. }, Some(outputs)) =
        (&writer, &outcome, engine.outputs())
        && let Err(d) = writer.commit(write::output_moves(&outputs))
    {
        report(vec![d]);
    }
}

pub fn watch_and_write(root: &Path, tanggal: Option<NaiveDate>, ui: &Ui) -> Exit {
    let Some((mut sources, tx, rx)) = watch_sources(root, ui) else {
        return Exit::Setup;
    };
    if let Err(e) = stop_on_ctrl_c(tx) {
        return runtime_error(ui, e);
    }
    let mut engine = Engine::new(root, tanggal);
    rebuild_and_write(root, &mut engine, ui, |e, sink| e.rebuild_all(sink), true);
    ui.status("Mengawasi content/, keputusan/, daftar.toml, dan tema; keluaran ditulis ulang setiap kali berubah. Tekan Ctrl-C untuk berhenti.");
    while let Some(batch) = sources.next_batch(&rx, || engine.day_changed()) {
        rebuild_and_write(
            root,
            &mut engine,
            ui,
            |e, sink| e.rebuild(&batch, sink),
            false,
        );
    }
    ui.status("Pengawasan dihentikan.");
    Exit::Ok
}
