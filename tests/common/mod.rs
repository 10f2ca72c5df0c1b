//! Helpers shared by the integration tests that run the real binary on copies of sites.
// Each test crate uses only some of them.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Stdio};

use walkdir::WalkDir;

pub const BIN: &str = env!("CARGO_BIN_EXE_daftar");
/// The columns of a paged register's search index (`cari.json`): all of them public.
pub const SEARCH_INDEX_COLUMNS: [&str; 11] = [
    "no",
    "nomor",
    "judul",
    "status",
    "huruf",
    "akhir",
    "akhir_teks",
    "ditetapkan",
    "slug",
    "unit",
    "dasar_hukum",
];

/// The build date of every test (the sample register and the generator are valid on it).
pub const DATE: &str = "2026-11-25";

/// Copies `from` (a file, or a folder with everything in it) to `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        // `from` itself (a file, or the top folder) goes to `to`, not `to/`.
        let dest = if rel.as_os_str().is_empty() {
            to.to_path_buf()
        } else {
            to.join(rel)
        };
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// Copies those of `entries` (files or folders of a site) that exist in `from` to `to`.
/// The names in a folder, sorted; none when it does not exist (an archive's versions).
pub fn folder_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

pub fn copy_site(from: &Path, to: &Path, entries: &[&str]) {
    std::fs::create_dir_all(to).unwrap();
    for entry in entries {
        if from.join(entry).exists() {
            copy_tree(&from.join(entry), &to.join(entry));
        }
    }
}

/// `daftar build --quiet --tanggal DATE --root ROOT`, which must succeed.
pub fn build(root: &Path) {
    let status = Command::new(BIN)
        .args(["build", "--quiet", "--tanggal", DATE, "--root"])
        .arg(root)
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(
        status.success(),
        "daftar build failed on {}",
        root.display()
    );
}

/// Every text that identifies something internal, in the forms it could be printed.
pub fn internal_markers(r: &daftar::record::Record) -> Vec<String> {
    let mut m = Vec::new();
    for s in [
        &r.pengesahan.petugas_ppid,
        &r.pengesahan.ppid_utama,
        &r.pengesahan.atasan_ppid,
    ] {
        m.push(s.nip.clone());
        m.push(daftar::record::nip::display(&s.nip));
        m.push(s.nip[..8].to_string() + "." + &s.nip[8..14]);
    }
    m.push(r.pengesahan.petugas_ppid.nama.clone());
    m.extend(r.catatan_internal.clone());
    if let Some(d) = &r.keputusan {
        m.push(d.uji_konsekuensi.nomor_lembar.clone());
        m.extend(d.uji_konsekuensi.peserta.iter().cloned());
    }
    for step in &r.langkah {
        m.push(step.mulai.to_rfc3339());
        m.push(daftar::locale::date_time(
            step.mulai,
            daftar::locale::Zone::Wita,
        ));
        m.extend(step.oleh.clone());
    }
    for s in [
        &r.pengesahan.petugas_ppid,
        &r.pengesahan.ppid_utama,
        &r.pengesahan.atasan_ppid,
    ] {
        m.push(daftar::locale::date_time(
            s.tanggal,
            daftar::locale::Zone::Wita,
        ));
        m.push(s.tanggal.to_rfc3339());
    }
    m
}

/// Spawns `cmd` (a `daftar <command>` on the site `root`) paused at the write step
/// `point` until `release` exists (`DAFTAR_FAULT`, `src/write/fault.rs`), and returns
/// once it holds the site's lock.
pub fn spawn_holding_lock(
    mut cmd: Command,
    root: &Path,
    command: &str,
    point: &str,
    release: &Path,
) -> std::process::Child {
    let child = cmd
        .env(
            "DAFTAR_FAULT",
            format!("{point}:sampai={}", release.display()),
        )
        .spawn()
        .unwrap();
    // Held by this command itself (a reading command may hold it for a moment before).
    let holder = root.join(".daftar/pemegang");
    let me = format!("perintah=daftar {command}\npid={}\n", child.id());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !std::fs::read_to_string(&holder).is_ok_and(|h| h.starts_with(&me)) {
        assert!(
            std::time::Instant::now() < deadline,
            "the first command never took the lock"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    child
}

/// The text of a file rendered in memory (`render::render`).
pub fn rendered_text(files: &daftar::render::Files, path: &str) -> String {
    String::from_utf8(
        files
            .get(path)
            .unwrap_or_else(|| panic!("{path} rendered"))
            .clone(),
    )
    .unwrap()
}

/// The column names a search index (`cari.json`, `cari.js`) lists at its head.
pub fn index_columns(index: &serde_json::Value) -> Vec<&str> {
    index["kolom"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect()
}
