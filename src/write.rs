//! Writing output folders so that a failed build changes nothing: each new folder is
//! written completely beside the old one (same parent, so the same file system), and
//! only then swapped in by renames. If writing fails, the old folders stay as they were;
//! if a swap fails, the swaps already made are undone.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use tempfile::TempDir;

use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity};
use crate::render::Files;

pub fn write_error(what: &Path, e: &io::Error) -> Diagnostic {
    let reason = match e.kind() {
        io::ErrorKind::PermissionDenied => "akses ditolak".to_string(),
        io::ErrorKind::StorageFull => "ruang disk penuh".to_string(),
        io::ErrorKind::ReadOnlyFilesystem => "sistem berkas hanya-baca".to_string(),
        io::ErrorKind::NotADirectory | io::ErrorKind::AlreadyExists => {
            "di tempat itu ada berkas, bukan folder".to_string()
        }
        io::ErrorKind::NotFound => "folder tidak ditemukan".to_string(),
        _ => e.to_string(),
    };
    Diagnostic::new(
        Severity::Error,
        Code::Write,
        "",
        format!("gagal menulis {}: {reason}", what.display()),
    )
    .with_hint("keluaran sebelumnya tidak diubah; perbaiki masalahnya lalu bangun ulang")
}

/// A folder written completely next to its destination, waiting to be swapped in.
pub struct Staged {
    dest: PathBuf,
    dir: TempDir,
}

impl Staged {
    /// The folder the new output is written into.
    pub fn new_path(&self) -> PathBuf {
        self.dir.path().join("baru")
    }
    fn old_path(&self) -> PathBuf {
        self.dir.path().join("lama")
    }
}

pub fn stage(dest: &Path, files: &Files) -> Result<Staged, Diagnostic> {
    let parent = dest.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(|e| write_error(parent, &e))?;
    let dir = tempfile::Builder::new()
        .prefix(".daftar-sementara-")
        .tempdir_in(parent)
        .map_err(|e| write_error(parent, &e))?;
    let staged = Staged {
        dest: dest.to_path_buf(),
        dir,
    };
    let root = staged.new_path();
    fs::create_dir(&root).map_err(|e| write_error(&root, &e))?;
    for (rel, bytes) in files {
        let path = root.join(rel);
        if let Some(p) = path.parent() {
            fs::create_dir_all(p).map_err(|e| write_error(p, &e))?;
        }
        fs::write(&path, bytes).map_err(|e| write_error(&staged.dest.join(rel), &e))?;
    }
    Ok(staged)
}

/// Replaces each destination folder with the given files, all or nothing.
pub fn replace_folders(outputs: &[(PathBuf, &Files)]) -> Result<(), Diagnostic> {
    // Everything is written before anything is swapped.
    let staged: Vec<Staged> = outputs
        .iter()
        .map(|(dest, files)| stage(dest, files))
        .collect::<Result<_, _>>()?;
    commit(&staged, || Ok(()))
}

/// Swaps staged folders in, then runs `last` (a final step such as moving a snapshot
/// into place); if a swap or `last` fails, every swap made is undone.
pub fn commit(
    staged: &[Staged],
    last: impl FnOnce() -> Result<(), Diagnostic>,
) -> Result<(), Diagnostic> {
    let mut swapped: Vec<&Staged> = Vec::new();
    for s in staged {
        if let Err(e) = swap_in(s) {
            for done in swapped.iter().rev() {
                undo(done);
            }
            return Err(write_error(&s.dest, &e));
        }
        swapped.push(s);
    }
    if let Err(d) = last() {
        for done in swapped.iter().rev() {
            undo(done);
        }
        return Err(d);
    }
    // Dropping the staging folders removes the old outputs.
    Ok(())
}

fn swap_in(s: &Staged) -> io::Result<()> {
    let had_old = s.dest.exists();
    if had_old {
        fs::rename(&s.dest, s.old_path())?;
    }
    if let Err(e) = fs::rename(s.new_path(), &s.dest) {
        if had_old {
            let _ = fs::rename(s.old_path(), &s.dest);
        }
        return Err(e);
    }
    Ok(())
}

/// Puts an already swapped destination back as it was (best effort).
fn undo(s: &Staged) {
    let _ = fs::rename(&s.dest, s.new_path());
    if s.old_path().exists() {
        let _ = fs::rename(s.old_path(), &s.dest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(pairs: &[(&str, &str)]) -> Files {
        pairs
            .iter()
            .map(|(p, b)| (p.to_string(), b.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn replaces_folders_completely() {
        let tmp = tempfile::tempdir().unwrap();
        let dest = tmp.path().join("public");
        fs::create_dir_all(dest.join("lama")).unwrap();
        fs::write(dest.join("lama/index.html"), "lama").unwrap();
        let new = files(&[("index.html", "baru"), ("a/index.html", "a")]);
        replace_folders(&[(dest.clone(), &new)]).unwrap();
        assert_eq!(fs::read_to_string(dest.join("index.html")).unwrap(), "baru");
        assert_eq!(fs::read_to_string(dest.join("a/index.html")).unwrap(), "a");
        assert!(!dest.join("lama").exists());
        // Nothing is left beside it.
        let names: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["public"]);
    }

    #[test]
    fn a_failed_write_leaves_the_old_folders_untouched() {
        let tmp = tempfile::tempdir().unwrap();
        let public = tmp.path().join("public");
        fs::create_dir(&public).unwrap();
        fs::write(public.join("index.html"), "lama").unwrap();
        // A file where a folder must go makes the second output fail to stage.
        let blocked = tmp.path().join("blok");
        fs::write(&blocked, "bukan folder").unwrap();
        let new = files(&[("index.html", "baru")]);
        let err = replace_folders(&[(public.clone(), &new), (blocked.join("internal"), &new)])
            .unwrap_err();
        assert_eq!(err.code, Code::Write);
        assert_eq!(
            fs::read_to_string(public.join("index.html")).unwrap(),
            "lama"
        );
    }
}
