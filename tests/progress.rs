//! A long build shows its progress on a terminal, on one line that is cleared before the
//! results; never when the output is not a terminal, with `--quiet` or `--format json`.
//! The terminal is `script` (util-linux) giving the binary a pseudo-terminal.

mod common;

use std::path::Path;
use std::process::Command;

/// Runs `daftar build` on a copy of the sample in a pseudo-terminal, showing progress
/// from the start (`DAFTAR_PROGRESS_MS=0`); what the terminal received.
fn build_on_a_terminal(extra: &str) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("situs");
    common::copy_site(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &root,
        &["daftar.toml", "content", "keputusan"],
    );
    let command = format!(
        "{} build --tanggal 2026-11-25 --root {} {extra}",
        env!("CARGO_BIN_EXE_daftar"),
        root.display()
    );
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("DAFTAR_PROGRESS_MS", "0")
        .env("NO_COLOR", "1")
        .output()
        .expect("script (util-linux) runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_build_on_a_terminal_shows_its_progress_and_clears_it() {
    let seen = build_on_a_terminal("");
    let line = daftar::progress::line(19, 0);
    let records = line.split(',').next().unwrap();
    assert_eq!(records, "Membangun: 19 berkas catatan dibaca");
    assert!(seen.contains(&format!("\r{records}")), "{seen:?}");
    // The line is cleared before the results are printed.
    let last = seen.rfind("Membangun: ").unwrap();
    let cleared = seen[last..].find("\r\x1b[K").map(|i| last + i).unwrap();
    assert!(
        seen[cleared..].contains("Situs dibangun untuk 25 November 2026"),
        "{seen:?}"
    );
}

#[test]
fn no_progress_with_quiet_or_json_or_off_a_terminal() {
    for extra in ["--quiet", "--format json"] {
        let seen = build_on_a_terminal(extra);
        assert!(!seen.contains("Membangun: "), "{extra}: {seen:?}");
    }
    let tmp = tempfile::tempdir().unwrap();
    common::copy_site(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        tmp.path(),
        &["daftar.toml", "content", "keputusan"],
    );
    let out = Command::new(env!("CARGO_BIN_EXE_daftar"))
        .args(["build", "--tanggal", "2026-11-25", "--root"])
        .arg(tmp.path())
        .env("DAFTAR_PROGRESS_MS", "0")
        .output()
        .unwrap();
    assert!(out.status.success());
    let all = [out.stdout, out.stderr].concat();
    assert!(!String::from_utf8_lossy(&all).contains("Membangun: "));
}
