//! The command line's own words (help, usage errors) are in Bahasa Indonesia, as every
//! other message: clap's English never reaches an officer.

use std::process::Command;

fn daftar(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_daftar"))
        .args(args)
        .env("NO_COLOR", "1")
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Words clap writes in English.
const ENGLISH: &[&str] = &[
    "Usage",
    "Options",
    "Commands",
    "Arguments",
    "Print",
    "help of",
    "Possible",
    "default",
    "possible",
    "error:",
    "tip:",
    "For more",
    "unexpected",
    "invalid",
    "found",
    "[OPTIONS]",
    "<COMMAND>",
    "<DIR>",
    "required",
    "Usage:",
];

fn assert_indonesian(text: &str, context: &str) {
    for word in ENGLISH {
        assert!(!text.contains(word), "{context}: {word:?} in\n{text}");
    }
}

const COMMANDS: &[&str] = &[
    "init", "new", "check", "build", "serve", "watch", "publish", "verify",
];

#[test]
fn every_help_is_in_indonesian() {
    let mut helps = vec![vec!["--help"], vec!["-h"], vec!["help"]];
    for c in COMMANDS {
        helps.push(vec![c, "--help"]);
        helps.push(vec![c, "-h"]);
        helps.push(vec!["help", c]);
    }
    for args in helps {
        let (code, stdout, stderr) = daftar(&args);
        assert_eq!(code, 0, "{args:?}");
        assert_eq!(stderr, "", "{args:?}");
        assert!(stdout.contains("Pemakaian: daftar"), "{args:?}:\n{stdout}");
        assert!(stdout.contains("Pilihan:"), "{args:?}:\n{stdout}");
        assert_indonesian(&stdout, &format!("{args:?}"));
    }
    let (_, stdout, _) = daftar(&["--help"]);
    for c in COMMANDS {
        assert!(stdout.contains(&format!("\n  {c} ")), "{c} not listed");
    }
    assert!(stdout.contains("Perintah:"));
    // Without a command: the short help, and exit 2 (nothing was done).
    let (code, stdout, stderr) = daftar(&[]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("Pemakaian: daftar [PILIHAN] <PERINTAH>"),
        "{stderr}"
    );
    assert_indonesian(&stderr, "no command");
}

#[test]
fn every_usage_error_is_said_in_indonesian_with_exit_2() {
    let cases: &[(&[&str], &str, Option<&str>)] = &[
        (
            &["bulid"],
            "galat: perintah `bulid` tidak dikenal",
            Some("  = saran: mungkin maksudnya `build` atau `publish`?"),
        ),
        (
            &["periksa"],
            "galat: perintah `periksa` tidak dikenal",
            Some("  = saran: perintah: init, new, check, build, serve, watch, publish, verify"),
        ),
        (
            &["check", "--rot", "."],
            "galat: pilihan `--rot` tidak dikenal di sini",
            Some("  = saran: mungkin maksudnya `--root`?"),
        ),
        (
            &["init", "a", "b"],
            "galat: pilihan `b` tidak dikenal di sini",
            None,
        ),
        (
            &["new", "--judul"],
            "galat: `--judul <JUDUL>` memerlukan nilai",
            None,
        ),
        (
            &["--format", "xml", "check"],
            "galat: nilai `xml` tidak dikenal untuk `--format <BENTUK>`",
            Some("  = saran: nilai yang dikenal: `human` atau `json`"),
        ),
        (
            &["--tanggal", "2026-13-01", "check"],
            "galat: `--tanggal <YYYY-MM-DD>`: `2026-13-01` bukan tanggal YYYY-MM-DD yang sah",
            None,
        ),
        (
            &["serve", "--port", "abc"],
            "galat: `--port <PORT>`: `abc` bukan nomor port: tulis bilangan 0–65535, misalnya 8000",
            None,
        ),
        (
            &["serve", "--bind", "x"],
            "galat: `--bind <ALAMAT>`: `x` bukan alamat IP: misalnya 127.0.0.1, atau 0.0.0.0 untuk jaringan",
            None,
        ),
        (
            &["verify", "--sidik", "zz"],
            "galat: `--sidik <VERSI=SIDIK>`: `zz` bukan sidik: tulis nomor versi, tanda =, lalu 64 angka heksadesimal SHA-256 (misalnya v0003=9f86d081…), atau sidiknya saja",
            None,
        ),
    ];
    for (args, first, hint) in cases {
        let (code, stdout, stderr) = daftar(args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert_eq!(stdout, "", "{args:?}");
        let mut lines = stderr.lines();
        assert_eq!(lines.next(), Some(*first), "{args:?}:\n{stderr}");
        if let Some(hint) = hint {
            assert_eq!(lines.next(), Some(*hint), "{args:?}:\n{stderr}");
        }
        assert!(
            stderr.ends_with("Bantuan lengkap: daftar --help\n"),
            "{args:?}:\n{stderr}"
        );
        assert_indonesian(&stderr, &format!("{args:?}"));
    }
}

/// A reader that has gone away (`daftar check | head`, `daftar --help | true`) is no
/// failure: the command ends with its own exit code, never a panic (exit 101).
#[test]
fn a_closed_output_pipe_is_no_panic() {
    let site = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for (args, code) in [
        (vec!["--help"], 0),
        (vec!["check", "--tanggal", "2026-11-25", "--root"], 0),
        (
            vec![
                "check",
                "--tanggal",
                "2026-11-25",
                "--format",
                "json",
                "--root",
            ],
            0,
        ),
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_daftar"));
        cmd.args(&args);
        if args.last() == Some(&"--root") {
            cmd.arg(site);
        }
        let out = cmd
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}
