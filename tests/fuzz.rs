//! A fuzz harness over the whole input surface, run on the real binary (an abort or a
//! stack overflow must be seen as what it is, not take the test process down): a
//! record's bytes, a decision's bytes, `daftar.toml`'s bytes, file names, and build dates
//! (`--tanggal`, `SOURCE_DATE_EPOCH`). For every input:
//! - no panic, no abort, no hang: `check` and `build` end by themselves, with 0, 1 or 2;
//! - every error names its file and, unless it is about a whole file or no file at all,
//!   its line;
//! - `check` and `build` agree: the same exit code and the same diagnostics;
//! - a public output never contains an internal field of the records it was built from.
//!
//! `fuzz_corpus` runs every input of issue 12 (and any added to `corpus()`) each time;
//! `fuzz_mutations` mutates the sample register at random for `DAFTAR_FUZZ_SECS`
//! seconds (default 60; CI runs the default). A longer run is one command:
//! `DAFTAR_FUZZ_SECS=3600 cargo test --release --test fuzz -- fuzz_mutations`. A failing
//! input is shrunk by proptest and saved in `tests/fuzz.proptest-regressions`, which is
//! run first next time.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{BIN, DATE, copy_site};
use daftar::site::{self, DateSource};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};
use walkdir::WalkDir;

/// The record, decision and configuration the mutations work on.
const RECORD: &str = "content/bkd/2024-005-data-pribadi-asn.md";
const DECISION_DIR: &str = "keputusan";
const CONFIG: &str = "daftar.toml";

/// The longest a command may take on any input (a debug build on a shared machine).
const HANG: Duration = Duration::from_secs(60);

/// Codes about no place in a file (the build date, writing, the lock) or about a whole
/// file (it cannot be read, is empty, has no front matter, is no regular file, or its
/// name cannot be used; the configuration or theme is missing; a template failed).
const WITHOUT_LINE: &[&str] = &[
    "E0001", "E0002", "E0003", "E0004", "E0005", "E0007", "E0008", "E0009", "E0501", "E0503",
    "E0506", "E0601", "E0602", "E0604",
];
const WITHOUT_FILE: &[&str] = &["E0506", "E0602", "E0604"];

/// One input: the sample register with some files replaced or renamed, built on a date.
#[derive(Clone, Default)]
struct Input {
    /// (path in the site, bytes) written over the sample's.
    files: Vec<(PathBuf, Vec<u8>)>,
    /// The record moved to this name (raw bytes, under `content/`).
    rename: Option<Vec<u8>>,
    /// Remove every record and decision first.
    empty: bool,
    /// A file that is no regular file, or a link (issue 12, defects 9, 10, 14).
    special: Option<Special>,
    /// `--tanggal` (else `DATE`), or `SOURCE_DATE_EPOCH` with no `--tanggal`.
    tanggal: Option<String>,
    epoch: Option<String>,
}

#[derive(Debug, Clone, Copy)]
enum Special {
    /// A named pipe called like a record.
    Fifo,
    /// A link to a record outside the site.
    LinkOutside,
    /// A link to a record inside the site.
    LinkInside,
    /// `content` a file, not a folder.
    ContentIsFile,
}

/// Shown as text, each file's bytes as lossy UTF-8 (shortened).
impl std::fmt::Debug for Input {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let short = |b: &[u8]| {
            let t = String::from_utf8_lossy(b);
            let t: String = t.chars().take(3000).collect();
            t
        };
        f.debug_struct("Input")
            .field(
                "files",
                &self
                    .files
                    .iter()
                    .map(|(p, b)| (p.clone(), short(b)))
                    .collect::<Vec<_>>(),
            )
            .field(
                "rename",
                &self.rename.as_deref().map(String::from_utf8_lossy),
            )
            .field("empty", &self.empty)
            .field("special", &self.special)
            .field("tanggal", &self.tanggal)
            .field("epoch", &self.epoch)
            .finish()
    }
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(root: &Path, command: &str, input: &Input) -> Run {
    let mut cmd = Command::new(BIN);
    cmd.args([command, "--format", "json", "--root"])
        .arg(root)
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("DAFTAR_FAULT")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    match (&input.tanggal, &input.epoch) {
        (_, Some(e)) => {
            cmd.env("SOURCE_DATE_EPOCH", e);
        }
        (Some(t), None) => {
            cmd.arg(format!("--tanggal={t}"));
        }
        (None, None) => {
            cmd.args(["--tanggal", DATE]);
        }
    }
    let mut child = cmd.spawn().unwrap();
    // Read the pipes beside the wait, so a large output cannot block the child.
    let out = child.stdout.take().unwrap();
    let err = child.stderr.take().unwrap();
    let read = |mut r: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut s = Vec::new();
            let _ = r.read_to_end(&mut s);
            String::from_utf8_lossy(&s).into_owned()
        })
    };
    let (out, err) = (read(Box::new(out)), read(Box::new(err)));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > HANG {
            let _ = child.kill();
            panic!("`daftar {command}` hung on {input:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Run {
        code: status.code(),
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

/// Writes the input's site into `dir`.
fn site(dir: &Path, input: &Input) -> PathBuf {
    let root = dir.join("situs");
    copy_site(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &root,
        &[CONFIG, "content", DECISION_DIR],
    );
    if input.empty {
        for d in ["content", DECISION_DIR] {
            std::fs::remove_dir_all(root.join(d)).unwrap();
        }
        std::fs::create_dir(root.join("content")).unwrap();
    }
    #[cfg(unix)]
    match input.special {
        Some(Special::Fifo) => {
            let fifo = root.join("content/x.md");
            assert!(
                Command::new("mkfifo")
                    .arg(&fifo)
                    .status()
                    .unwrap()
                    .success()
            );
        }
        Some(Special::LinkOutside) => {
            let outside = dir.join("luar.md");
            std::fs::copy(root.join(RECORD), &outside).unwrap();
            std::os::unix::fs::symlink(&outside, root.join("content/tautan.md")).unwrap();
        }
        Some(Special::LinkInside) => {
            std::fs::rename(root.join(RECORD), root.join("asli.md")).unwrap();
            std::os::unix::fs::symlink(root.join("asli.md"), root.join(RECORD)).unwrap();
        }
        Some(Special::ContentIsFile) => {
            std::fs::remove_dir_all(root.join("content")).unwrap();
            std::fs::write(root.join("content"), "bukan folder").unwrap();
        }
        None => {}
    }
    for (path, bytes) in &input.files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    if let Some(name) = &input.rename {
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let to = root.join("content").join(std::ffi::OsStr::from_bytes(name));
            if let Some(parent) = to.parent() {
                let _ = std::fs::create_dir_all(parent);
            }
            let _ = std::fs::rename(root.join(RECORD), to);
        }
    }
    root
}

/// The diagnostics of a JSON report, as (code, file, line) and the whole list.
fn diagnostics(run: &Run, what: &str) -> (Vec<(String, String, Option<u64>)>, serde_json::Value) {
    let json: serde_json::Value = serde_json::from_str(run.stdout.trim())
        .unwrap_or_else(|e| panic!("{what}: not one JSON document ({e}):\n{}", run.stdout));
    let list = json["diagnostics"].as_array().cloned().unwrap_or_default();
    let triples = list
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                d["file"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64(),
            )
        })
        .collect();
    (triples, json["diagnostics"].clone())
}

/// Texts of the built site that must never be public: NIPs, the Petugas PPID, SOP
/// timing, internal notes, consequence-test sheets and participants (long enough not to
/// occur by chance).
fn internal_texts(root: &Path, input: &Input) -> BTreeSet<String> {
    let tanggal = input
        .tanggal
        .as_deref()
        .unwrap_or(DATE)
        .parse::<chrono::NaiveDate>()
        .ok();
    let dates = DateSource {
        tanggal: if input.epoch.is_some() { None } else { tanggal },
        source_date_epoch: input.epoch.clone(),
        now: chrono::Utc::now(),
    };
    let (site, _) = site::load(root, &dates);
    let mut texts: BTreeSet<String> = site
        .iter()
        .flat_map(|s| s.records.iter())
        .flat_map(|r| common::internal_markers(r))
        .collect();
    texts.retain(|t| t.trim().chars().count() >= 12);
    texts
}

/// Runs `check` and `build` on one input and holds them to every property.
fn check_input(input: &Input) {
    let tmp = tempfile::tempdir().unwrap();
    let root = site(tmp.path(), input);
    let what: String = format!("{input:?}").chars().take(600).collect();
    let what = what.as_str();
    let check = run(&root, "check", input);
    assert!(
        matches!(check.code, Some(0..=2)),
        "check ended with {:?} on {what}:\n{}",
        check.code,
        check.stderr
    );
    // A `--tanggal` that is no date is a usage error, told before anything is read.
    if check.stdout.is_empty() && check.code == Some(2) {
        assert!(
            check.stderr.contains("--tanggal"),
            "exit 2 with no report on {what}:\n{}",
            check.stderr
        );
        let build = run(&root, "build", input);
        assert_eq!((build.code, build.stderr), (check.code, check.stderr));
        return;
    }
    let (found, check_json) = diagnostics(&check, what);
    for (code, file, line) in &found {
        if code.starts_with('E') {
            assert!(
                !file.is_empty() || WITHOUT_FILE.contains(&code.as_str()),
                "{code} names no file on {what}:\n{}",
                check.stdout
            );
            assert!(
                line.is_some() || WITHOUT_LINE.contains(&code.as_str()),
                "{code} in {file} names no line on {what}:\n{}",
                check.stdout
            );
        }
    }
    let build = run(&root, "build", input);
    assert_eq!(
        build.code, check.code,
        "check and build disagree on {what}:\n{}\n{}",
        check.stderr, build.stderr
    );
    let (_, build_json) = diagnostics(&build, what);
    assert_eq!(
        build_json, check_json,
        "check and build report differently on {what}"
    );
    if build.code == Some(0) {
        let internal = internal_texts(&root, input);
        for entry in WalkDir::new(root.join("public")).into_iter().flatten() {
            if !entry.file_type().is_file() {
                continue;
            }
            let text = String::from_utf8_lossy(&std::fs::read(entry.path()).unwrap()).into_owned();
            for t in &internal {
                assert!(
                    !text.contains(t.as_str()),
                    "{} shows the internal `{t}` on {what}",
                    entry.path().display()
                );
            }
        }
    }
}

fn sample_bytes(rel: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

fn decision_path() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(DECISION_DIR);
    WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .find(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .unwrap()
                .to_path_buf()
        })
        .unwrap()
}

/// The record with `edit` applied to its text.
fn record_with(edit: impl Fn(&str) -> String) -> Input {
    let text = String::from_utf8(sample_bytes(RECORD)).unwrap();
    Input {
        files: vec![(RECORD.into(), edit(&text).into_bytes())],
        ..Input::default()
    }
}

fn config_with(edit: impl Fn(&str) -> String) -> Input {
    let text = String::from_utf8(sample_bytes(CONFIG)).unwrap();
    Input {
        files: vec![(CONFIG.into(), edit(&text).into_bytes())],
        ..Input::default()
    }
}

fn judul(text: &str, value: &str) -> String {
    let line = text.lines().find(|l| l.starts_with("judul = ")).unwrap();
    text.replacen(line, &format!("judul = \"{value}\""), 1)
}

/// Every input of issue 12 that the harness can make: bytes, names, dates and file types
/// (the archive's own defects, 16 and 18, are `tests/regression.rs`'s).
fn corpus() -> Vec<(&'static str, Input)> {
    let mut c: Vec<(&'static str, Input)> = vec![
        (
            "1: nested quotes",
            record_with(|t| format!("{t}\n{}x\n", "> ".repeat(10_000))),
        ),
        (
            "1: nested emphasis",
            record_with(|t| format!("{t}\n{}kata{}\n", "*".repeat(20_000), "*".repeat(20_000))),
        ),
        (
            "1: nested list",
            record_with(|t| format!("{t}\n{}x\n", "- ".repeat(5_000))),
        ),
        (
            "1: nested list by indentation",
            record_with(|t| {
                format!(
                    "{t}\n{}",
                    (0..5_000)
                        .map(|i| format!("{}- a\n", "  ".repeat(i)))
                        .collect::<String>()
                )
            }),
        ),
        (
            "11: bell in a text",
            record_with(|t| judul(t, "Data\\u0007pribadi")),
        ),
        (
            "11: NUL in a text",
            record_with(|t| judul(t, "Data\\u0000pribadi")),
        ),
        (
            "11: noncharacter in a text",
            record_with(|t| judul(t, "Data\\uFFFFpribadi")),
        ),
        (
            "11: next line in a text",
            record_with(|t| judul(t, "Data\\u0085pribadi")),
        ),
        (
            "11: raw NUL in the body",
            record_with(|t| format!("{t}\nSatu\u{0}dua\n")),
        ),
        (
            "11: zero-width spaces only",
            record_with(|t| judul(t, "\u{200B}\u{200B}\u{FEFF}")),
        ),
        (
            "11: control character in daftar.toml",
            config_with(|t| t.replacen("ppid = \"PPID Utama", "ppid = \"PPID\\u0007 Utama", 1)),
        ),
        (
            "12: a term past 9999",
            record_with(|t| {
                t.replacen(
                    "jangka_waktu = \"permanen\"",
                    "jangka_waktu = { tahun = 9000 }",
                    1,
                )
            }),
        ),
        (
            "13: a page slug over 255 bytes",
            record_with(|t| {
                t.replacen("nomor = \"", &format!("nomor = \"{}-", "A".repeat(300)), 1)
            }),
        ),
        (
            "13: an output folder with NUL",
            config_with(|t| format!("{t}\n[keluaran]\npublik = \"pub\\u0000lik\"\n")),
        ),
        (
            "13: an output folder name over 255 bytes (found by the fuzzer)",
            config_with(|t| {
                t.replacen(
                    "internal = \"internal\"",
                    &format!("internal = \"{}\"", "0000-00-00".repeat(30)),
                    1,
                )
            }),
        ),
        (
            "15: 25,000 problems on one line",
            record_with(|t| {
                t.replacen(
                    "pasal_17 = [\"h.1\", \"h.3\", \"j\"]",
                    &format!("pasal_17 = [\"h.1\"{}, \"j\"]", ", \"h.1\"".repeat(25_000)),
                    1,
                )
            }),
        ),
        (
            "15: 50,000 unknown fields",
            record_with(|t| {
                let fields: String = (0..50_000).map(|i| format!("x{i} = 1\n")).collect();
                t.replacen("+++\n", &format!("+++\n{fields}"), 1)
            }),
        ),
        (
            "2: SOURCE_DATE_EPOCH past 9999",
            Input {
                epoch: Some("8210266848000".into()),
                ..Input::default()
            },
        ),
        (
            "2: SOURCE_DATE_EPOCH at the end",
            Input {
                epoch: Some("8210266876799".into()),
                ..Input::default()
            },
        ),
        (
            "2: SOURCE_DATE_EPOCH negative",
            Input {
                epoch: Some("-99999999999999".into()),
                ..Input::default()
            },
        ),
        (
            "2: SOURCE_DATE_EPOCH not a number",
            Input {
                epoch: Some("kemarin".into()),
                ..Input::default()
            },
        ),
        (
            "3: the earliest date, no records",
            Input {
                empty: true,
                tanggal: Some("-262143-01-01".into()),
                ..Input::default()
            },
        ),
        (
            "3: the latest date",
            Input {
                tanggal: Some("+262142-12-31".into()),
                ..Input::default()
            },
        ),
        (
            "3: before 1970",
            Input {
                tanggal: Some("1969-12-31".into()),
                ..Input::default()
            },
        ),
        (
            "3: the last day",
            Input {
                tanggal: Some("9999-12-31".into()),
                ..Input::default()
            },
        ),
        (
            "17: a percent sign in a file name",
            Input {
                rename: Some(b"diskon 100%.md".to_vec()),
                ..Input::default()
            },
        ),
        (
            "14: a file name not in UTF-8",
            Input {
                rename: Some(b"data\xff.md".to_vec()),
                ..Input::default()
            },
        ),
        (
            "9: a line break in a file name",
            Input {
                rename: Some(b"dua\nbaris.md".to_vec()),
                ..Input::default()
            },
        ),
        (
            "13: a file name of 250 bytes",
            Input {
                rename: Some([b"a".repeat(250), b".md".to_vec()].concat()),
                ..Input::default()
            },
        ),
    ];
    for (name, special) in [
        ("9: a named pipe called x.md", Special::Fifo),
        (
            "10: a link to a record outside the site",
            Special::LinkOutside,
        ),
        (
            "10: a link to a record inside the site",
            Special::LinkInside,
        ),
        ("14: content as a file", Special::ContentIsFile),
    ] {
        c.push((
            name,
            Input {
                special: Some(special),
                ..Input::default()
            },
        ));
    }
    c.push((
        "decision with control characters",
        Input {
            files: vec![(
                decision_path(),
                String::from_utf8(sample_bytes(decision_path().to_str().unwrap()))
                    .unwrap()
                    .replacen("tentang = \"", "tentang = \"\\u0007", 1)
                    .into_bytes(),
            )],
            ..Input::default()
        },
    ));
    c
}

#[test]
fn fuzz_corpus() {
    for (name, input) in corpus() {
        eprintln!("korpus: {name}");
        check_input(&input);
    }
}

/// Tokens that tend to matter: TOML and Markdown syntax, dates at the edges, characters
/// that are invisible, control characters, or break files and names.
const TOKENS: &[&str] = &[
    "+++",
    "\n+++\n",
    "\"",
    "\"\"\"",
    "'''",
    "[",
    "]",
    "{",
    "}",
    "=",
    ",",
    "#",
    "\n",
    "\r\n",
    "\\",
    "\\u0000",
    "\\u0007",
    "\\uFFFF",
    "\\u202E",
    "\u{0}",
    "\u{7}",
    "\u{85}",
    "\u{200B}",
    "\u{202E}",
    "\u{FEFF}",
    "\u{FFFD}",
    "é",
    "𝕏",
    "%",
    "<script>",
    "</",
    "&amp;",
    "> ",
    "* ",
    "- ",
    "1. ",
    "`",
    "```",
    "|",
    "[^1]",
    "<!--",
    "0000-00-00",
    "9999-12-31",
    "1970-01-01",
    "2026-02-29",
    "2024-02-29T24:00:00+08:00",
    "-1",
    "99999999999999999999",
    "1e400",
    "nan",
    "inf",
    "true",
    "tahun = 9999",
    "bulan = 0",
    "sampai = 9999-12-31",
    "\"permanen\"",
    "h.1",
    "j",
    "c.6",
    "a",
    "nip = \"19800101 200001 1 001\"",
    "[pengesahan.ppid_utama]",
    "[[x]]",
    "keputusan = \"\"",
    "dibuka = { tanggal = 2026-01-01, dasar = \"peristiwa\" }",
    "no = 9",
    "menit = -5",
    "catatan_internal = \"Rahasia dalam sekali\"",
    "[keluaran]",
    "publik = \"internal\"",
    "zona_waktu = \"WIB\"",
    "base_url = \"javascript:alert(1)\"",
    "tema = \"../x\"",
];

#[derive(Debug, Clone)]
enum Op {
    /// Replace the byte at (position modulo length) with this byte.
    Byte(usize, u8),
    /// Insert a token, repeated.
    Insert(usize, usize, usize),
    /// Delete up to this many bytes.
    Delete(usize, usize),
}

fn apply(bytes: &mut Vec<u8>, op: &Op) {
    let at = |p: usize, len: usize| if len == 0 { 0 } else { p % (len + 1) };
    match *op {
        Op::Byte(p, b) if !bytes.is_empty() => {
            let i = p % bytes.len();
            bytes[i] = b;
        }
        Op::Byte(..) => {}
        Op::Insert(p, t, n) => {
            let i = at(p, bytes.len());
            let token = TOKENS[t % TOKENS.len()].repeat(n);
            bytes.splice(i..i, token.into_bytes());
        }
        Op::Delete(p, n) => {
            let i = at(p, bytes.len());
            let end = (i + n).min(bytes.len());
            bytes.drain(i..end);
        }
    }
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(p, b)| Op::Byte(p, b)),
        (
            any::<usize>(),
            any::<usize>(),
            prop_oneof![Just(1usize), 1usize..4, 1000usize..6000]
        )
            .prop_map(|(p, t, n)| Op::Insert(p, t, n)),
        (any::<usize>(), 1usize..200).prop_map(|(p, n)| Op::Delete(p, n)),
    ]
}

const NAMES: &[&[u8]] = &[
    b"baru.md",
    b"sub/dalam/catatan.md",
    b"spasi di nama.md",
    b"100%.md",
    b"-awal.md",
    b".tersembunyi.md",
    b"nama.MD",
    b"\xc3\xa9\xcc\x81.md",
    b"\xff\xfe.md",
    b"titik..md",
    b"x.md.md",
    b"CON.md",
    b"tab\tdi.md",
];
const DATES: &[&str] = &[
    "2026-11-25",
    "1970-01-01",
    "9999-12-31",
    "1969-12-31",
    "2024-02-29",
    "2023-02-29",
    "-262143-01-01",
    "+262142-12-31",
    "10000-01-01",
    "2026-13-01",
    "",
    "kemarin",
];
const EPOCHS: &[&str] = &[
    "0",
    "1764028800",
    "253402300799",
    "253402300800",
    "-1",
    "8210266848000",
    "99999999999999999999",
    "1.5",
    " 1764028800",
    "",
];

fn input() -> impl Strategy<Value = Input> {
    (
        0usize..3,
        prop::collection::vec(op(), 1..8),
        prop::option::weighted(0.15, 0..NAMES.len()),
        prop::option::weighted(0.15, 0..DATES.len()),
        prop::option::weighted(0.1, 0..EPOCHS.len()),
    )
        .prop_map(|(target, ops, name, date, epoch)| {
            let path = match target {
                0 => PathBuf::from(RECORD),
                1 => PathBuf::from(CONFIG),
                _ => decision_path(),
            };
            let mut bytes = sample_bytes(path.to_str().unwrap());
            for o in &ops {
                apply(&mut bytes, o);
            }
            Input {
                files: vec![(path, bytes)],
                rename: name.map(|n| NAMES[n].to_vec()),
                empty: false,
                special: None,
                tanggal: date.map(|d| DATES[d].to_string()),
                epoch: epoch.map(|e| EPOCHS[e].to_string()),
            }
        })
}

fn budget() -> Duration {
    Duration::from_secs(
        std::env::var("DAFTAR_FUZZ_SECS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(60),
    )
}

#[test]
fn fuzz_mutations() {
    let started = Instant::now();
    let budget = budget();
    let ran = std::sync::atomic::AtomicU64::new(0);
    // Rounds of a few cases each, until the time is up: each round starts with the
    // failures saved before.
    while started.elapsed() < budget {
        let config = Config {
            cases: 8,
            source_file: Some(file!()),
            failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
                "proptest-regressions",
            ))),
            ..Config::default()
        };
        let result = proptest::test_runner::TestRunner::new(config).run(&input(), |input| {
            ran.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            check_input(&input);
            Ok(())
        });
        if let Err(e) = result {
            panic!("{e}");
        }
    }
    let ran = ran.into_inner();
    eprintln!("{ran} masukan acak diperiksa dalam {:?}", started.elapsed());
    assert!(ran > 0);
}
