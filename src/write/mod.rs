//! How outputs and archive versions reach the disk, the one way for every command that
//! writes (`build`, `publish`, `watch`):
//!
//! 1. The command takes the site's lock ([`lock`]); a second writer waits for it.
//!    Taking it first finishes or rolls back whatever an interrupted command left.
//! 2. Everything new is written completely under `.daftar/baru/` (the one place for
//!    temporary data, ignored by git): the output folders, and for `publish` the new
//!    archive version, whose files are synced to the disk.
//! 3. The journal of the folder moves is saved ([`journal`]); from here on the write
//!    is finished even if the process is killed (the next command makes the moves).
//! 4. The moves: the archive version first (synced), so no output ever refers to a
//!    version the archive does not have; then each output folder is swapped.
//! 5. The journal is removed, then the old output folders.

pub mod fault;
mod journal;
mod lock;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub use journal::{Kind, Move, sync_dir};
pub use lock::Holder;

use crate::code::Code;
use crate::config::WORK_DIR;
use crate::diagnostic::{Diagnostic, Severity};
use journal::{Journal, NEW_DIR, OLD_DIR};

pub fn write_error(what: &Path, e: &io::Error) -> Diagnostic {
    let reason = match e.kind() {
        io::ErrorKind::PermissionDenied => "akses ditolak".to_string(),
        io::ErrorKind::StorageFull => "ruang disk penuh".to_string(),
        io::ErrorKind::ReadOnlyFilesystem => "sistem berkas hanya-baca".to_string(),
        io::ErrorKind::NotADirectory | io::ErrorKind::AlreadyExists => {
            "di tempat itu ada berkas, bukan folder".to_string()
        }
        io::ErrorKind::NotFound => "folder tidak ditemukan".to_string(),
        io::ErrorKind::CrossesDevices => {
            "folder itu ada di disk lain; keluaran dan arsip harus satu disk dengan folder situs"
                .to_string()
        }
        _ => crate::os_error::reason(e),
    };
    Diagnostic::new(
        Severity::Error,
        Code::Write,
        "",
        format!("gagal menulis {}: {reason}", what.display()),
    )
    .with_hint("keluaran sebelumnya tidak diubah; perbaiki masalahnya lalu bangun ulang")
}

/// Removes a folder that may hold read-only files. Only folders are made writable
/// (which is all that removing their entries needs): a file may be a hard link shared
/// with a published archive version, whose permissions must not change.
pub fn remove_tree(path: &Path) -> io::Result<()> {
    if !path.symlink_metadata()?.is_dir() {
        return fs::remove_file(path);
    }
    for entry in walkdir::WalkDir::new(path) {
        let entry = entry.map_err(io::Error::other)?;
        if entry.file_type().is_dir() {
            set_folder_writable(entry.path(), true)?;
        }
    }
    fs::remove_dir_all(path)
}

#[cfg(unix)]
fn set_folder_writable(path: &Path, writable: bool) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = if writable { 0o755 } else { 0o555 };
    fs::set_permissions(path, fs::Permissions::from_mode(mode))
}

// Elsewhere a folder's read-only flag does not protect its entries (and a read-only
// file is removed by the standard library all the same).
#[cfg(not(unix))]
fn set_folder_writable(_path: &Path, _writable: bool) -> io::Result<()> {
    Ok(())
}

/// The top folder of a placed archive version becomes read-only like the rest of it
/// (it stays writable while staged: moving a folder to another parent needs that).
pub fn seal_folder(path: &Path) -> io::Result<()> {
    set_folder_writable(path, false)
}

pub fn unseal_folder(path: &Path) -> io::Result<()> {
    set_folder_writable(path, true)
}

/// The staging names of the two output folders.
pub const PUBLIC_STAGE: &str = "publik";
pub const INTERNAL_STAGE: &str = "internal";

/// The moves that swap in both staged output folders.
pub fn output_moves(outputs: &crate::config::Outputs) -> Vec<Move> {
    [
        (PUBLIC_STAGE, &outputs.publik),
        (INTERNAL_STAGE, &outputs.internal),
    ]
    .into_iter()
    .map(|(dari, ke)| Move {
        dari: dari.to_string(),
        ke: ke.clone(),
        jenis: Kind::Ganti,
    })
    .collect()
}

/// The site's folder for temporary data, created with a `.gitignore` of its own.
fn work_dir(root: &Path) -> Result<PathBuf, Diagnostic> {
    let work = root.join(WORK_DIR);
    if !work.is_dir() {
        fs::create_dir_all(&work).map_err(|e| write_error(&work, &e))?;
        fs::write(work.join(".gitignore"), "*\n").map_err(|e| write_error(&work, &e))?;
    }
    Ok(work)
}

fn busy(holder: &Holder) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        Code::SiteBusy,
        "",
        format!(
            "situs ini sedang ditulis oleh {}; tidak ada yang diubah",
            holder.describe()
        ),
    )
    .with_hint("tunggu sampai perintah itu selesai, atau hentikan dengan Ctrl-C, lalu ulangi")
}

fn interrupted_name(command: &str, since: &str) -> String {
    match (command.is_empty(), since.is_empty()) {
        (true, _) => "Penulisan yang terputus".to_string(),
        (false, true) => format!("`{command}` yang terputus"),
        (false, false) => format!("`{command}` yang terputus (dimulai {since})"),
    }
}

fn note(message: String) -> Diagnostic {
    Diagnostic::new(Severity::Warning, Code::Interrupted, WORK_DIR, message)
}

fn has_entries(dir: &Path) -> bool {
    fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some())
}

/// Finishes or rolls back what an interrupted writer left in `work` (the lock held).
fn recover(root: &Path, work: &Path, last: &Holder) -> Result<Vec<Diagnostic>, Diagnostic> {
    let new = work.join(NEW_DIR);
    let old = work.join(OLD_DIR);
    let mut notes = Vec::new();
    if journal::pending(work) {
        match journal::load(work) {
            Ok(j) => {
                for (i, m) in j.langkah.iter().enumerate() {
                    journal::forward(root, work, i, m).map_err(|(p, e)| {
                        write_error(&p, &e).with_hint(
                            "penulisan yang terputus belum dapat diselesaikan; perbaiki masalahnya lalu ulangi perintah apa saja",
                        )
                    })?;
                }
                journal::close(work).map_err(|e| write_error(work, &e))?;
                let places: Vec<String> = j.langkah.iter().map(|m| format!("{}/", m.ke)).collect();
                notes.push(note(format!(
                    "{} diselesaikan: {} kini berisi hasilnya",
                    interrupted_name(&j.perintah, &j.mulai),
                    places.join(", ")
                )));
            }
            Err(e) => {
                journal::discard(work).map_err(|e| write_error(work, &e))?;
                notes.push(note(format!(
                    "jurnal penulisan di {WORK_DIR}/ tidak terbaca ({e}) dan dibuang; bangun ulang agar keluaran pasti utuh"
                )));
            }
        }
    } else if has_entries(&new) {
        notes.push(note(format!(
            "{} dibatalkan: belum ada yang diubah; berkas sementaranya dihapus dari {WORK_DIR}/",
            interrupted_name(&last.command, &last.since)
        )));
    } else if old.exists() {
        notes.push(note(format!(
            "{} sudah selesai; folder lama yang tersisa dihapus dari {WORK_DIR}/",
            interrupted_name(&last.command, &last.since)
        )));
    }
    for dir in [&new, &old] {
        if dir.exists() {
            remove_tree(dir).map_err(|e| write_error(dir, &e))?;
        }
    }
    Ok(notes)
}

/// Whether `root` is a site (writers create `.daftar/` only in one).
fn is_site(root: &Path) -> bool {
    root.join(crate::config::FILE_NAME).is_file()
}

/// For a command that only reads: finishes or rolls back an interrupted write when no
/// other command is writing, and says so. Never creates anything.
pub fn recover_if_idle(root: &Path) -> Vec<Diagnostic> {
    let work = root.join(WORK_DIR);
    if !work.is_dir() || !is_site(root) {
        return Vec::new();
    }
    match lock::try_take(&work) {
        Ok(Some((file, last))) => {
            let _lock = lock::hold(file, &work, &Holder::this_process("daftar (pemulihan)"));
            recover(root, &work, &last).unwrap_or_else(|mut d| {
                // A reading command goes on; the next writer stops on it.
                d.severity = Severity::Warning;
                vec![d]
            })
        }
        Ok(None) => Vec::new(),
        Err(e) if journal::pending(&work) || has_entries(&work.join(NEW_DIR)) => {
            vec![note(format!(
                "ada penulisan yang terputus di {WORK_DIR}/, tetapi belum dapat diselesaikan: {}",
                crate::os_error::reason(&e)
            ))]
        }
        Err(_) => Vec::new(),
    }
}

/// The one writer of a site's outputs and archive, holding its lock.
pub struct SiteWriter {
    root: PathBuf,
    work: PathBuf,
    command: String,
    _lock: lock::Lock,
}

impl SiteWriter {
    /// Takes the site's lock, waiting while another command writes (`waiting` is told
    /// who), then finishes or rolls back an interrupted write. Returns the writer and
    /// what recovery did; `None` when `root` is no site (nothing is created there).
    pub fn open(
        root: &Path,
        command: &str,
        waiting: impl FnMut(&Holder),
    ) -> Result<Option<(SiteWriter, Vec<Diagnostic>)>, Diagnostic> {
        if !is_site(root) {
            return Ok(None);
        }
        let work = work_dir(root)?;
        let (file, last) = match lock::take_waiting(&work, waiting) {
            Ok(Ok(taken)) => taken,
            Ok(Err(holder)) => return Err(busy(&holder)),
            Err(e) => return Err(write_error(&work, &e)),
        };
        let lock = lock::hold(file, &work, &Holder::this_process(command));
        let notes = recover(root, &work, &last)?;
        Ok(Some((
            SiteWriter {
                root: root.to_path_buf(),
                work,
                command: command.to_string(),
                _lock: lock,
            },
            notes,
        )))
    }

    /// A new, empty folder `.daftar/baru/<name>` to write into.
    pub fn staging(&self, name: &str) -> Result<PathBuf, Diagnostic> {
        let dir = self.work.join(NEW_DIR).join(name);
        if dir.symlink_metadata().is_ok() {
            remove_tree(&dir).map_err(|e| write_error(&dir, &e))?;
        }
        fs::create_dir_all(&dir).map_err(|e| write_error(&dir, &e))?;
        Ok(dir)
    }

    /// Moves the staged folders into place, all or nothing: once the journal is saved
    /// the write is finished even by a later command; a move that fails undoes the
    /// moves made.
    pub fn commit(&self, moves: Vec<Move>) -> Result<(), Diagnostic> {
        fault::point("staged");
        let journal = Journal {
            perintah: self.command.clone(),
            mulai: chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string(),
            langkah: moves,
        };
        journal::save(&self.work, &journal).map_err(|e| write_error(&self.work, &e))?;
        fault::point("journal");
        for (i, m) in journal.langkah.iter().enumerate() {
            if let Err((path, e)) = journal::forward(&self.root, &self.work, i, m) {
                let undone = (0..=i)
                    .rev()
                    .all(|j| journal::back(&self.root, &self.work, j, &journal.langkah[j]).is_ok());
                let d = write_error(&path, &e);
                if undone && journal::close(&self.work).is_ok() {
                    return Err(d);
                }
                return Err(d.with_hint(
                    "penulisan ini belum dapat dibatalkan seluruhnya; perintah daftar berikutnya menyelesaikannya",
                ));
            }
        }
        journal::close(&self.work).map_err(|e| write_error(&self.work, &e))?;
        self.clean();
        Ok(())
    }

    fn clean(&self) {
        for dir in [NEW_DIR, OLD_DIR] {
            let dir = self.work.join(dir);
            if dir.exists() {
                let _ = remove_tree(&dir);
            }
        }
    }
}

impl Drop for SiteWriter {
    /// A write that failed before its journal leaves nothing behind.
    fn drop(&mut self) {
        if !journal::pending(&self.work) {
            self.clean();
        }
    }
}

/// Removes the staging folders that daftar before 0.2 left beside the output folders
/// (`.daftar-sementara-*`), each a full copy of the outputs, and says so.
pub fn remove_old_staging(root: &Path, outputs: &[&str]) -> Vec<Diagnostic> {
    let mut parents: Vec<PathBuf> = outputs
        .iter()
        .map(|o| {
            root.join(o)
                .parent()
                .map_or(root.to_path_buf(), Path::to_path_buf)
        })
        .collect();
    parents.sort();
    parents.dedup();
    let mut notes = Vec::new();
    for parent in parents {
        let Ok(entries) = fs::read_dir(&parent) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(".daftar-sementara-") && remove_tree(&entry.path()).is_ok() {
                let rel = entry.path();
                let rel = rel.strip_prefix(root).unwrap_or(&rel);
                notes.push(note(format!(
                    "sisa pembangunan yang terputus dihapus: {}",
                    rel.display()
                )));
            }
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let tmp = tempfile::tempdir().unwrap();
        fs::write(tmp.path().join(crate::config::FILE_NAME), "").unwrap();
        tmp
    }

    /// Writes `files` (path, text) into the new staging folder `name`.
    fn stage(w: &SiteWriter, name: &str, files: &[(&str, &str)]) {
        let dir = w.staging(name).unwrap();
        for (path, text) in files {
            let path = dir.join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
    }

    fn open(root: &Path) -> SiteWriter {
        SiteWriter::open(root, "daftar uji", |_| {})
            .unwrap()
            .unwrap()
            .0
    }

    #[test]
    fn replaces_folders_completely_and_leaves_no_temporary_data() {
        let tmp = site();
        let dest = tmp.path().join("public");
        fs::create_dir_all(dest.join("lama")).unwrap();
        fs::write(dest.join("lama/index.html"), "lama").unwrap();
        let w = open(tmp.path());
        stage(
            &w,
            "publik",
            &[("index.html", "baru"), ("a/index.html", "a")],
        );
        w.commit(vec![Move {
            dari: "publik".into(),
            ke: "public".into(),
            jenis: Kind::Ganti,
        }])
        .unwrap();
        assert_eq!(fs::read_to_string(dest.join("index.html")).unwrap(), "baru");
        assert_eq!(fs::read_to_string(dest.join("a/index.html")).unwrap(), "a");
        assert!(!dest.join("lama").exists());
        drop(w);
        let mut left: Vec<_> = fs::read_dir(tmp.path().join(WORK_DIR))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left, [".gitignore", "kunci"]);
    }

    #[test]
    fn a_failed_move_undoes_the_moves_made() {
        let tmp = site();
        let public = tmp.path().join("public");
        fs::create_dir(&public).unwrap();
        fs::write(public.join("index.html"), "lama").unwrap();
        // A version that exists already cannot be placed: the swap before it is undone.
        fs::create_dir_all(tmp.path().join("archive/v0001")).unwrap();
        let w = open(tmp.path());
        stage(&w, "publik", &[("index.html", "baru")]);
        stage(&w, "v0001", &[("bagit.txt", "x")]);
        let err = w
            .commit(vec![
                Move {
                    dari: "publik".into(),
                    ke: "public".into(),
                    jenis: Kind::Ganti,
                },
                Move {
                    dari: "v0001".into(),
                    ke: "archive/v0001".into(),
                    jenis: Kind::Tempatkan,
                },
            ])
            .unwrap_err();
        assert_eq!(err.code, Code::Write);
        assert_eq!(
            fs::read_to_string(public.join("index.html")).unwrap(),
            "lama"
        );
        assert!(!journal::pending(&tmp.path().join(WORK_DIR)));
    }

    #[test]
    fn a_journal_left_behind_is_finished_by_the_next_writer() {
        let tmp = site();
        // As a killed build leaves it: the staged folder and the journal, no lock.
        let work = work_dir(tmp.path()).unwrap();
        fs::create_dir_all(work.join("baru/publik")).unwrap();
        fs::write(work.join("baru/publik/index.html"), "baru").unwrap();
        journal::save(
            &work,
            &Journal {
                perintah: "daftar build".into(),
                mulai: "2026-12-01 10:00:00".into(),
                langkah: vec![Move {
                    dari: "publik".into(),
                    ke: "public".into(),
                    jenis: Kind::Ganti,
                }],
            },
        )
        .unwrap();
        let (_w, notes) = SiteWriter::open(tmp.path(), "daftar uji", |_| {})
            .unwrap()
            .unwrap();
        assert_eq!(
            fs::read_to_string(tmp.path().join("public/index.html")).unwrap(),
            "baru"
        );
        assert_eq!(notes.len(), 1);
        assert_eq!(
            notes[0].message,
            "`daftar build` yang terputus (dimulai 2026-12-01 10:00:00) diselesaikan: public/ kini berisi hasilnya"
        );
    }

    #[test]
    fn a_second_writer_waits_and_then_stops_with_the_holder_named() {
        let tmp = site();
        let _first = open(tmp.path());
        let work = tmp.path().join(WORK_DIR);
        // Another open file description of the lock file: the lock is per description.
        assert!(lock::try_take(&work).unwrap().is_none());
        let holder = lock::last_holder(&work);
        assert_eq!(holder.command, "daftar uji");
        assert_eq!(holder.pid, std::process::id().to_string());
        let d = busy(&holder);
        assert!(
            d.message
                .starts_with("situs ini sedang ditulis oleh `daftar uji` (PID ")
        );
    }
}
