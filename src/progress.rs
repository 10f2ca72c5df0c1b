//! The progress of a long build on a terminal: records read and pages written, on one
//! line of standard error that is rewritten in place and cleared at the end. Shown only
//! when the build has taken longer than a second (`DAFTAR_PROGRESS_MS` sets another
//! wait), only on a terminal, and never with `--quiet` or `--format json`.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
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
    stop: Arc<(Mutex<bool>, Condvar)>,
    shown: Arc<AtomicBool>,
    ticker: Option<JoinHandle<()>>,
}

impl Progress {
    /// Starts the display if `wanted` (human output, not quiet) and standard error is a
    /// terminal; otherwise does nothing.
    pub fn start(wanted: bool) -> Progress {
        let stop = Arc::new((Mutex::new(false), Condvar::new()));
        let shown = Arc::new(AtomicBool::new(false));
        let ticker = (wanted && std::io::stderr().is_terminal()).then(|| {
            let wait = std::env::var("DAFTAR_PROGRESS_MS")
                .ok()
                .and_then(|v| v.parse().ok())
                .map_or(Duration::from_secs(1), Duration::from_millis);
            let (stop, shown) = (Arc::clone(&stop), Arc::clone(&shown));
            std::thread::spawn(move || tick(&stop, &shown, wait))
        });
        Progress {
            stop,
            shown,
            ticker,
        }
    }
}

/// Waits `first`, then rewrites the line every fifth of a second until told to stop.
fn tick(stop: &(Mutex<bool>, Condvar), shown: &AtomicBool, first: Duration) {
    let (lock, wake) = stop;
    let mut wait = first;
    let mut stopped = lock.lock().expect("not poisoned");
    loop {
        let (guard, timeout) = wake
            .wait_timeout_while(stopped, wait, |s| !*s)
            .expect("not poisoned");
        stopped = guard;
        if !timeout.timed_out() {
            return;
        }
        let text = line(
            RECORDS_READ.load(Ordering::Relaxed),
            PAGES_WRITTEN.load(Ordering::Relaxed),
        );
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r{text}\x1b[K");
        let _ = err.flush();
        shown.store(true, Ordering::Relaxed);
        wait = Duration::from_millis(200);
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        let Some(ticker) = self.ticker.take() else {
            return;
        };
        let (lock, wake) = &*self.stop;
        *lock.lock().expect("not poisoned") = true;
        wake.notify_all();
        let _ = ticker.join();
        if self.shown.load(Ordering::Relaxed) {
            // Clear the line: what follows (diagnostics, the summary) starts clean.
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
        }
    }
}
