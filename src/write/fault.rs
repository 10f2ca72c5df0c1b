//! Fault injection for the crash tests: `DAFTAR_FAULT=<point>` makes the process abort
//! (like `kill -9`: nothing is cleaned up) the first time it reaches that point of a
//! write; `DAFTAR_FAULT=<point>:<ms>` makes it wait there instead (to hold the site's
//! lock while a test starts a second command). Unset, a point costs one comparison.
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

struct Fault {
    point: String,
    wait: Option<Duration>,
    fired: AtomicBool,
}

fn configured() -> Option<&'static Fault> {
    static FAULT: OnceLock<Option<Fault>> = OnceLock::new();
    FAULT
        .get_or_init(|| {
            let value = std::env::var(ENV).ok()?;
            let (point, wait) = match value.split_once(':') {
                Some((p, ms)) => (p.to_string(), Some(Duration::from_millis(ms.parse().ok()?))),
                None => (value, None),
            };
            Some(Fault {
                point,
                wait,
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
    match fault.wait {
        Some(wait) => std::thread::sleep(wait),
        None => std::process::abort(),
    }
}
