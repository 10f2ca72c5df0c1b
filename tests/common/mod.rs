//! Helpers shared by the integration tests that run the real binary on copies of sites.
// Each test crate uses only some of them.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Stdio};

use walkdir::WalkDir;

pub const BIN: &str = env!("CARGO_BIN_EXE_daftar");
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
