//! The progress of a long build on a terminal: records read and pages written, on one
//! line of standard error that is rewritten in place and cleared at the end. Shown only
//! when the build has taken longer than a second (`DAFTAR_PROGRESS_MS` sets another
//! wait), only on a terminal, and never with `--quiet` or `--format json`.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Duration;

static RECORDS_READ: AtomicUsize = AtomicUsize::new(0);
static PAGES_WRITTEN: AtomicUsize = AtomicUsize::new(0);

/// One record file read and checked.
pub fn record_read() {
    RECORDS_READ.fetch_add(1, Ordering::Relaxed);
}

/// One output file written.
pub fn page_written() {
    PAGES_WRITTEN.fetch_add(1, Ordering::Relaxed);
}

/// The line shown for the counts so far.
pub fn line(records: usize, pages: usize) -> String {
    format!("Membangun: {records} berkas catatan dibaca, {pages} berkas keluaran ditulis")
}

/// The progress line while a build runs; cleared when dropped.
pub struct Progress {
    /// Dropping it tells the ticker to stop; the ticker says whether it showed a line.
    stop: Option<mpsc::Sender<()>>,
    ticker: Option<JoinHandle<bool>>,
}

impl Progress {
    /// Starts the display if `wanted` (human output, not quiet) and standard error is a
    /// terminal; otherwise does nothing.
    pub fn start(wanted: bool) -> Progress {
        if !(wanted && std::io::stderr().is_terminal()) {
            return Progress {
                stop: None,
                ticker: None,
            };
        }
        let wait = std::env::var("DAFTAR_PROGRESS_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .map_or(Duration::from_secs(1), Duration::from_millis);
        let (stop, stopped) = mpsc::channel();
        Progress {
            stop: Some(stop),
            ticker: Some(std::thread::spawn(move || tick(&stopped, wait))),
        }
    }
}

/// Waits `first`, then rewrites the line every fifth of a second until told to stop;
/// whether it showed the line.
fn tick(stopped: &mpsc::Receiver<()>, first: Duration) -> bool {
    let mut wait = first;
    let mut shown = false;
    while let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(wait) {
        let text = line(
            RECORDS_READ.load(Ordering::Relaxed),
            PAGES_WRITTEN.load(Ordering::Relaxed),
        );
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r{text}\x1b[K");
        let _ = err.flush();
        shown = true;
        wait = Duration::from_millis(200);
    }
    shown
}

impl Drop for Progress {
    fn drop(&mut self) {
        drop(self.stop.take());
        let shown = self
            .ticker
            .take()
            .is_some_and(|t| t.join().unwrap_or(false));
        if shown {
            // Clear the line: what follows (diagnostics, the summary) starts clean.
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
        }
    }
}
