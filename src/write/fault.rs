//! Fault injection for the crash tests: `DAFTAR_FAULT=<point>` makes the process abort
//! (like `kill -9`: nothing is cleaned up) the first time it reaches that point of a
//! write; `DAFTAR_FAULT=<point>:<ms>` makes it wait there instead, and
//! `DAFTAR_FAULT=<point>:sampai=<path>` until that file exists (at most two minutes): to
//! hold the site's lock while a test runs a second command. Unset, a point costs one
//! comparison.
//!
//! The points, in the order a write reaches them: `staging` (the first output file is
//! written), `bag-staging` (the first payload file of a bag), `staged` (everything is
//! written, no journal yet), `journal`, then for move `i` of the journal `move-<i>-aside`
//! (the old folder moved out) and `move-<i>-in` (the new one moved in), and `committed`
//! (the journal removed, the old folders not yet deleted).

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

pub const ENV: &str = "DAFTAR_FAULT";

enum Action {
    Abort,
    Sleep(Duration),
    Until(std::path::PathBuf),
}

struct Fault {
    point: String,
    action: Action,
    fired: AtomicBool,
}

fn configured() -> Option<&'static Fault> {
    static FAULT: OnceLock<Option<Fault>> = OnceLock::new();
    FAULT
        .get_or_init(|| {
            let value = std::env::var(ENV).ok()?;
            let (point, action) = match value.split_once(':') {
                Some((p, rest)) => match rest.strip_prefix("sampai=") {
                    Some(path) => (p.to_string(), Action::Until(path.into())),
                    None => (
                        p.to_string(),
                        Action::Sleep(Duration::from_millis(rest.parse().ok()?)),
                    ),
                },
                None => (value, Action::Abort),
            };
            Some(Fault {
                point,
                action,
                fired: AtomicBool::new(false),
            })
        })
        .as_ref()
}

/// A point where a test may stop or pause the process.
pub fn point(name: &str) {
    let Some(fault) = configured() else {
        return;
    };
    if fault.point != name || fault.fired.swap(true, Ordering::SeqCst) {
        return;
    }
    match &fault.action {
        Action::Abort => std::process::abort(),
        Action::Sleep(wait) => std::thread::sleep(*wait),
        Action::Until(path) => {
            let started = std::time::Instant::now();
            while !path.exists() && started.elapsed() < Duration::from_secs(120) {
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }
}
