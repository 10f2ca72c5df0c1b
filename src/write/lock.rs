//! One lock per site: the operating system's lock on `.daftar/kunci`, held by the one
//! command that writes the site's outputs and archive. The system releases it when the
//! process ends, however it ends, so a killed command never leaves a stale lock behind.
//! Who holds it is written beside it (`.daftar/pemegang`), for the message of a command
//! that has to wait.

use std::fs::{self, File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const LOCK_FILE: &str = "kunci";
const HOLDER_FILE: &str = "pemegang";
/// How long a writer waits for another by default; `DAFTAR_LOCK_WAIT` (seconds)
/// overrides it.
const WAIT: Duration = Duration::from_secs(300);
const POLL: Duration = Duration::from_millis(100);

/// The command that holds (or held) the lock, as it described itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Holder {
    pub command: String,
    pub pid: String,
    pub since: String,
}

impl Holder {
    pub fn this_process(command: &str) -> Holder {
        Holder {
            command: command.to_string(),
            pid: std::process::id().to_string(),
            since: chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string(),
        }
    }

    fn text(&self) -> String {
        format!(
            "perintah={}\npid={}\nsejak={}\n",
            self.command, self.pid, self.since
        )
    }

    fn parse(text: &str) -> Holder {
        let mut h = Holder::default();
        for line in text.lines() {
            match line.split_once('=') {
                Some(("perintah", v)) => h.command = v.to_string(),
                Some(("pid", v)) => h.pid = v.to_string(),
                Some(("sejak", v)) => h.since = v.to_string(),
                _ => {}
            }
        }
        h
    }

    /// "`daftar publish` (PID 4121, sejak 2026-12-01 10:03:12)", or a neutral phrase
    /// when nothing was recorded.
    pub fn describe(&self) -> String {
        if self.command.is_empty() {
            return "perintah daftar lain".to_string();
        }
        format!(
            "`{}` (PID {}, sejak {})",
            self.command, self.pid, self.since
        )
    }
}

/// The site's lock, held until dropped.
pub struct Lock {
    _file: File,
    holder_path: PathBuf,
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.holder_path);
    }
}

/// What the last holder recorded (the command that was interrupted, if one was).
pub fn last_holder(work: &Path) -> Holder {
    fs::read_to_string(work.join(HOLDER_FILE))
        .map(|t| Holder::parse(&t))
        .unwrap_or_default()
}

fn open(work: &Path) -> io::Result<File> {
    File::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(work.join(LOCK_FILE))
}

/// Takes the lock now, or returns `None` when another command holds it.
pub fn try_take(work: &Path) -> io::Result<Option<(File, Holder)>> {
    let file = open(work)?;
    match file.try_lock() {
        Ok(()) => Ok(Some((file, last_holder(work)))),
        Err(TryLockError::WouldBlock) => Ok(None),
        Err(TryLockError::Error(e)) => Err(e),
    }
}

/// Records `me` as the holder of a lock just taken.
pub fn hold(file: File, work: &Path, me: &Holder) -> Lock {
    let holder_path = work.join(HOLDER_FILE);
    let _ = fs::write(&holder_path, me.text());
    Lock {
        _file: file,
        holder_path,
    }
}

/// The longest a writer waits for another.
fn wait_limit() -> Duration {
    std::env::var("DAFTAR_LOCK_WAIT")
        .ok()
        .and_then(|s| s.parse().ok())
        .map_or(WAIT, Duration::from_secs)
}

/// Takes the lock, waiting while another command holds it (`waiting` is told once who
/// that is). Returns the lock with the holder recorded before it (the command that was
/// interrupted, if there was one), or the holder that kept it past the limit.
pub fn take_waiting(
    work: &Path,
    mut waiting: impl FnMut(&Holder),
) -> io::Result<Result<(File, Holder), Holder>> {
    let started = Instant::now();
    let mut told = false;
    loop {
        if let Some(taken) = try_take(work)? {
            return Ok(Ok(taken));
        }
        let holder = last_holder(work);
        if started.elapsed() >= wait_limit() {
            return Ok(Err(holder));
        }
        if !told {
            waiting(&holder);
            told = true;
        }
        std::thread::sleep(POLL);
    }
}
