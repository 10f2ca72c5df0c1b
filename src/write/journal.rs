//! The journal of a write: the folder moves that put a finished write in place, saved
//! before the first of them. Every move is idempotent, so the moves of a journal can be
//! made again after an interruption at any instant (a kill, a power cut) until all are
//! done: an interrupted write is finished by the next command. A write that stopped
//! before its journal was saved changed nothing, and is rolled back by removing what it
//! had written under `.daftar/baru/`.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::fault;

const JOURNAL: &str = "jurnal.json";
/// Where a write's new folders are written before they are moved into place.
pub const NEW_DIR: &str = "baru";
/// Where replaced output folders wait to be removed.
pub const OLD_DIR: &str = "lama";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An output folder, replaced whole.
    Ganti,
    /// A new folder that must not exist yet (an archive version): synced once in
    /// place, then its top folder made read-only like the rest of it.
    Tempatkan,
}

/// One folder moved from `.daftar/baru/<dari>` to `<ke>` in the site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Move {
    pub dari: String,
    pub ke: String,
    pub jenis: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journal {
    /// The command that wrote it ("daftar publish") and when it started.
    pub perintah: String,
    pub mulai: String,
    pub langkah: Vec<Move>,
}

/// A failed move: the path it concerned and why.
pub type Failure = (PathBuf, io::Error);

fn exists(path: &Path) -> bool {
    path.symlink_metadata().is_ok()
}

/// Syncs a folder, so that the renames in it survive a power cut.
pub fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Saves the journal whole or not at all: written beside, synced, renamed.
pub fn save(work: &Path, journal: &Journal) -> io::Result<()> {
    let temp = work.join(format!("{JOURNAL}.tmp"));
    let mut f = fs::File::create(&temp)?;
    f.write_all(&serde_json::to_vec_pretty(journal).map_err(io::Error::other)?)?;
    f.sync_all()?;
    fs::rename(&temp, work.join(JOURNAL))?;
    sync_dir(work);
    Ok(())
}

pub fn pending(work: &Path) -> bool {
    exists(&work.join(JOURNAL))
}

pub fn load(work: &Path) -> Result<Journal, String> {
    let text = fs::read_to_string(work.join(JOURNAL)).map_err(|e| crate::os_error::reason(&e))?;
    serde_json::from_str(&text).map_err(|e| crate::os_error::json_reason(&e))
}

/// Removes a journal that cannot be read (nothing of it can be carried out).
pub fn discard(work: &Path) -> io::Result<()> {
    fs::remove_file(work.join(JOURNAL))?;
    sync_dir(work);
    Ok(())
}

/// Removes the journal: the write is done.
pub fn close(work: &Path) -> io::Result<()> {
    fs::remove_file(work.join(JOURNAL))?;
    sync_dir(work);
    fault::point("committed");
    Ok(())
}

fn with_path<T>(path: &Path, r: io::Result<T>) -> Result<T, Failure> {
    r.map_err(|e| (path.to_path_buf(), e))
}

fn create_parent(path: &Path) -> Result<(), Failure> {
    match path.parent() {
        Some(p) => with_path(p, fs::create_dir_all(p)),
        None => Ok(()),
    }
}

/// Makes move `i` (again): does nothing that is already done.
pub fn forward(root: &Path, work: &Path, i: usize, m: &Move) -> Result<(), Failure> {
    let new = work.join(NEW_DIR).join(&m.dari);
    let dest = root.join(&m.ke);
    match m.jenis {
        Kind::Ganti => {
            if !exists(&new) {
                return Ok(());
            }
            if exists(&dest) {
                let aside = work.join(OLD_DIR).join(i.to_string());
                if exists(&aside) {
                    with_path(&aside, super::remove_tree(&aside))?;
                }
                create_parent(&aside)?;
                with_path(&dest, fs::rename(&dest, &aside))?;
                fault::point(&format!("move-{i}-aside"));
            }
            create_parent(&dest)?;
            with_path(&dest, fs::rename(&new, &dest))?;
            fault::point(&format!("move-{i}-in"));
        }
        Kind::Tempatkan => {
            if exists(&new) {
                if exists(&dest) {
                    return Err((
                        dest,
                        io::Error::new(io::ErrorKind::AlreadyExists, "folder itu sudah ada"),
                    ));
                }
                create_parent(&dest)?;
                with_path(&dest, fs::rename(&new, &dest))?;
                if let Some(parent) = dest.parent() {
                    sync_dir(parent);
                }
                fault::point(&format!("move-{i}-in"));
            }
            if dest.is_dir() {
                with_path(&dest, super::seal_folder(&dest))?;
            }
        }
    }
    Ok(())
}

/// Undoes move `i` as far as it was made (a write that failed, not one that was
/// killed: that one is finished instead).
pub fn back(root: &Path, work: &Path, i: usize, m: &Move) -> io::Result<()> {
    let new = work.join(NEW_DIR).join(&m.dari);
    let dest = root.join(&m.ke);
    match m.jenis {
        Kind::Ganti => {
            let aside = work.join(OLD_DIR).join(i.to_string());
            if !exists(&new) && exists(&dest) {
                fs::rename(&dest, &new)?;
            }
            if exists(&aside) && !exists(&dest) {
                fs::rename(&aside, &dest)?;
            }
        }
        Kind::Tempatkan => {
            if !exists(&new) && exists(&dest) {
                super::unseal_folder(&dest)?;
                fs::rename(&dest, &new)?;
                if let Some(parent) = dest.parent() {
                    sync_dir(parent);
                }
            }
        }
    }
    Ok(())
}
