//! Watch mode: `daftar serve` (a preview server that keeps open pages current) and
//! `daftar watch` (the same rebuild loop, writing the output folders). Both treat the
//! build as a black box that either gives a good result or a report, and keep the last
//! good result when a rebuild fails.

pub mod engine;
pub mod events;
pub mod http;

use std::collections::{BTreeSet, HashMap};
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use chrono::NaiveDate;
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use tokio::sync::{broadcast, watch};

use crate::cli::{Exit, Ui};
use crate::code::Code;
use crate::config::{CONTENT_DIR, THEMES_DIR};
use crate::diagnostic::{Diagnostic, Severity, Tally};
use crate::print;
use crate::render::sink::{Chunks, concat};
use crate::write;
use engine::{Engine, Outcome, Snapshot};
use events::Batch;
use http::{Notice, Shared};

/// What wakes the rebuild loop.
enum Wake {
    /// Paths that changed.
    Changed(Vec<PathBuf>),
    /// Ctrl-C.
    Stop,
}

/// How long a burst of saves is gathered before one rebuild.
const SETTLE: Duration = Duration::from_millis(20);

fn clock() -> String {
    chrono::Local::now().format("%H.%M.%S").to_string()
}

/// Watches the sources: `daftar.toml` (through the site folder, which also sees
/// `content/` or `themes/` appear), `content/` and `themes/` with everything in them.
struct Sources {
    root: PathBuf,
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    watched: BTreeSet<PathBuf>,
}

impl Sources {
    fn start(root: &Path, tx: mpsc::Sender<Wake>) -> notify::Result<Sources> {
        let debouncer = new_debouncer(SETTLE, None, move |result: DebounceEventResult| {
            if let Ok(events) = result {
                // Reading a file is not changing it (and the rebuild reads them all).
                let paths: Vec<PathBuf> = events
                    .into_iter()
                    .filter(|e| !matches!(e.kind, EventKind::Access(_)))
                    .flat_map(|e| e.event.paths)
                    .collect();
                if !paths.is_empty() {
                    let _ = tx.send(Wake::Changed(paths));
                }
            }
        })?;
        let mut sources = Sources {
            root: root.to_path_buf(),
            debouncer,
            watched: BTreeSet::new(),
        };
        sources.debouncer.watch(root, RecursiveMode::NonRecursive)?;
        sources.follow();
        Ok(sources)
    }

    /// Watches `content/` and `themes/` when they exist (again).
    fn follow(&mut self) {
        for dir in [CONTENT_DIR, THEMES_DIR] {
            let path = self.root.join(dir);
            if path.is_dir() {
                if !self.watched.contains(&path)
                    && self
                        .debouncer
                        .watch(&path, RecursiveMode::Recursive)
                        .is_ok()
                {
                    self.watched.insert(path);
                }
            } else {
                self.watched.remove(&path);
            }
        }
    }
}

/// Waits for the next burst of source changes, gathering what arrives meanwhile;
/// `None` on Ctrl-C.
fn next_batch(root: &Path, rx: &mpsc::Receiver<Wake>) -> Option<Batch> {
    loop {
        let Wake::Changed(mut paths) = rx.recv().ok()? else {
            return None;
        };
        while let Ok(more) = rx.try_recv() {
            match more {
                Wake::Changed(more) => paths.extend(more),
                Wake::Stop => return None,
            }
        }
        let batch = Batch::of(root, &paths);
        if !batch.is_empty() {
            return Some(batch);
        }
    }
}

/// Sends [`Wake::Stop`] on Ctrl-C.
fn stop_on_ctrl_c(tx: mpsc::Sender<Wake>) {
    std::thread::spawn(move || {
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            return;
        };
        if runtime.block_on(tokio::signal::ctrl_c()).is_ok() {
            let _ = tx.send(Wake::Stop);
        }
    });
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

pub fn serve(root: &Path, tanggal: Option<NaiveDate>, port: u16, ip: IpAddr, ui: &Ui) -> Exit {
    let listener = match bind_free(ip, port, ui) {
        Ok(l) => l,
        Err(d) => return setup_error(ui, d),
    };
    let address = listener.local_addr().expect("bound");
    let (stop_tx, stop_rx) = watch::channel(false);
    let (notices, _) = broadcast::channel(64);
    let shared = Arc::new(Shared {
        snapshot: RwLock::new(Arc::new(Snapshot::default())),
        problems: RwLock::new(None),
        notices,
        stop: stop_rx,
    });

    let mut engine = Engine::new(root, tanggal);
    let apply = {
        let shared = Arc::clone(&shared);
        move |outcome: &Outcome| match outcome {
            Outcome::Built { snapshot, .. } => {
                let previous = std::mem::replace(
                    &mut *shared.snapshot.write().expect("not poisoned"),
                    Arc::clone(snapshot),
                );
                *shared.problems.write().expect("not poisoned") = None;
                let _ = shared.notices.send(Notice::Reload(snapshot.generation));
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
    let first = engine.rebuild_all();
    tell(ui, &first, true);
    apply(&first);

    let (tx, rx) = mpsc::channel();
    let mut sources = match Sources::start(root, tx.clone()) {
        Ok(s) => s,
        Err(e) => {
            return setup_error(
                ui,
                Diagnostic::new(
                    Severity::Error,
                    Code::Unreadable,
                    "",
                    format!("folder situs tidak dapat diawasi: {e}"),
                ),
            );
        }
    };
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
    let root_owned = root.to_path_buf();
    std::thread::spawn(move || {
        while let Some(batch) = next_batch(&root_owned, &rx) {
            sources.follow();
            let outcome = engine.rebuild(&batch);
            tell(&loop_ui, &outcome, false);
            apply(&outcome);
        }
    });

    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            return setup_error(
                ui,
                Diagnostic::new(Severity::Error, Code::Write, "", e.to_string()),
            );
        }
    };
    let served = runtime.block_on(async move {
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        axum::serve(listener, http::router(shared))
            .with_graceful_shutdown(async move {
                let _ = tokio::signal::ctrl_c().await;
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
                format!("server pratinjau berhenti: {e}"),
            ),
        ),
    }
}

/// Writes a good build's files over the output folders (atomically, like `build`);
/// a file with the same bytes as last time is a hard link to the old one.
fn write_snapshot(
    root: &Path,
    outputs: &crate::config::Outputs,
    snapshot: &Snapshot,
    previous: Option<&Snapshot>,
) -> Result<(), Diagnostic> {
    let mut staged = Vec::new();
    for (folder, files, before) in [
        (
            &outputs.publik,
            &snapshot.public,
            previous.map(|p| &p.public),
        ),
        (
            &outputs.internal,
            &snapshot.internal,
            previous.map(|p| &p.internal),
        ),
    ] {
        let dest = root.join(folder);
        let stage = write::stage(&dest, &crate::render::Files::new())?;
        let base = stage.new_path();
        let mut dirs = BTreeSet::new();
        for (rel, chunks) in files {
            let path = base.join(rel);
            if let Some(parent) = path.parent()
                && dirs.insert(parent.to_path_buf())
            {
                std::fs::create_dir_all(parent).map_err(|e| write::write_error(parent, &e))?;
            }
            let unchanged = before
                .and_then(|b: &HashMap<String, Chunks>| b.get(rel))
                .is_some_and(|old| old == chunks);
            let linked = unchanged && std::fs::hard_link(dest.join(rel), &path).is_ok();
            if !linked {
                std::fs::write(&path, concat(chunks)).map_err(|e| write::write_error(&path, &e))?;
            }
        }
        staged.push(stage);
    }
    write::commit(&staged, || Ok(()))
}

pub fn watch_and_write(root: &Path, tanggal: Option<NaiveDate>, ui: &Ui) -> Exit {
    let mut engine = Engine::new(root, tanggal);
    let mut last: Option<Arc<Snapshot>> = None;
    let mut write = |engine: &Engine, outcome: &Outcome, ui: &Ui| {
        if let (Outcome::Built { snapshot, .. }, Some(outputs)) = (outcome, engine.outputs()) {
            match write_snapshot(root, &outputs, snapshot, last.as_deref()) {
                Ok(()) => last = Some(Arc::clone(snapshot)),
                Err(d) => ui.report(&crate::site::Report {
                    diagnostics: vec![d],
                    ..Default::default()
                }),
            }
        }
    };
    let first = engine.rebuild_all();
    tell(ui, &first, true);
    write(&engine, &first, ui);
    let (tx, rx) = mpsc::channel();
    let mut sources = match Sources::start(root, tx.clone()) {
        Ok(s) => s,
        Err(e) => {
            return setup_error(
                ui,
                Diagnostic::new(
                    Severity::Error,
                    Code::Unreadable,
                    "",
                    format!("folder situs tidak dapat diawasi: {e}"),
                ),
            );
        }
    };
    stop_on_ctrl_c(tx);
    ui.status("Mengawasi content/, daftar.toml, dan tema; keluaran ditulis ulang setiap kali berubah. Tekan Ctrl-C untuk berhenti.");
    while let Some(batch) = next_batch(root, &rx) {
        sources.follow();
        let outcome = engine.rebuild(&batch);
        tell(ui, &outcome, false);
        write(&engine, &outcome, ui);
    }
    ui.status("Pengawasan dihentikan.");
    Exit::Ok
}
