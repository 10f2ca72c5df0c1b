//! The real `daftar` binary, run on fixture sites.
//!
//! Every folder under `tests/fixtures/` (except the renderer's own `render-site`) is one
//! small site showing one behaviour or one failure mode. A test copies it to a temporary
//! folder, runs `daftar check --tanggal 2026-11-25 --root <tmp>` with `NO_COLOR=1`, once
//! in human form and once with `--format json`, and pins:
//!
//! - the exit code and the list of diagnostic codes (written in this file, as the spec);
//! - the exact stderr (diagnostics with source line and caret), the exact status line
//!   and the exact JSON text, in an insta snapshot (`tests/snapshots/cli__*.snap`);
//! - that the JSON has the shape of `cli.md`, agrees with the human form diagnostic by
//!   diagnostic, is sorted by file then position, and that `check` wrote nothing;
//! - what `build` does with the same site: for a valid site, the transcript and the list
//!   of files written; for an invalid one, the same diagnostics, the same exit code, and
//!   no output folder at all.
//!
//! The temporary site root is printed as `[ROOT]` (and its parent as `[TMP]`).
//! To update the snapshots: `INSTA_UPDATE=always cargo test --test cli`, then read them.

mod common;

use common::{BIN, copy_tree};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use tempfile::TempDir;
use walkdir::WalkDir;

const DATE: &str = "2026-11-25";

// ---------------------------------------------------------------------------------------
// Running the binary
// ---------------------------------------------------------------------------------------

/// A site in a temporary folder: `<tmp>/situs`.
struct Site {
    tmp: TempDir,
    root: PathBuf,
}

/// One run of the binary, with the temporary paths replaced by placeholders.
#[derive(Debug, Clone)]
struct Run {
    command: String,
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn transcript(&self) -> String {
        format!(
            "$ {}\nexit: {}\n--- stdout\n{}--- stderr\n{}--- end\n",
            self.command, self.code, self.stdout, self.stderr
        )
    }

    fn assert_no_panic(&self) {
        assert!(
            !self.stderr.contains("panicked") && !self.stderr.contains("RUST_BACKTRACE"),
            "daftar panicked:\n{}",
            self.stderr
        );
    }
}

fn fixture_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

impl Site {
    /// An empty temporary folder; the site root inside it does not exist yet.
    fn empty() -> Site {
        let tmp = tempfile::Builder::new()
            .prefix("daftar-cli-")
            .tempdir()
            .unwrap();
        let root = tmp.path().join("situs");
        Site { tmp, root }
    }

    /// A copy of the sample register at the top of the repository (with decisions).
    fn sample() -> Site {
        let site = Site::empty();
        let top = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for part in ["daftar.toml", "content", "keputusan"] {
            let from = top.join(part);
            if from.is_dir() {
                copy_tree(&from, &site.root.join(part));
            } else {
                fs::create_dir_all(&site.root).unwrap();
                fs::copy(&from, site.root.join(part)).unwrap();
            }
        }
        site
    }

    /// A copy of `tests/fixtures/<name>/`.
    fn fixture(name: &str) -> Site {
        let site = Site::empty();
        let from = fixture_dir(name);
        assert!(from.is_dir(), "no fixture {}", from.display());
        copy_tree(&from, &site.root);
        site
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }

    fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap()
    }

    fn redact(&self, text: &str) -> String {
        text.replace(&self.root.display().to_string(), "[ROOT]")
            .replace(&self.tmp.path().display().to_string(), "[TMP]")
    }

    /// Runs `daftar ARGS` in the temporary folder, with `NO_COLOR=1` and without
    /// `SOURCE_DATE_EPOCH` unless `env` sets it.
    fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut cmd = Command::new(BIN);
        cmd.args(args)
            .current_dir(self.tmp.path())
            .env("NO_COLOR", "1")
            .env_remove("SOURCE_DATE_EPOCH")
            .env_remove("RUST_BACKTRACE")
            .env_remove("RUST_LOG");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().expect("run daftar");
        let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
        let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
        let code = out.status.code().unwrap_or_else(|| {
            panic!(
                "daftar {args:?} was killed by a signal ({:?}); stderr:\n{stderr}",
                out.status
            )
        });
        let env_text: String = env.iter().map(|(k, v)| format!("{k}={v} ")).collect();
        let run = Run {
            command: self.redact(&format!("{env_text}daftar {}", args.join(" "))),
            code,
            stdout: self.redact(&stdout),
            stderr: self.redact(&stderr),
        };
        run.assert_no_panic();
        run
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_env(args, &[])
    }

    /// `daftar <command> --tanggal 2026-11-25 --root <root> EXTRA`.
    fn cmd(&self, command: &str, extra: &[&str]) -> Run {
        self.cmd_env(command, extra, &[])
    }

    fn cmd_env(&self, command: &str, extra: &[&str], env: &[(&str, &str)]) -> Run {
        let root = self.root.display().to_string();
        let mut args = vec![command, "--tanggal", DATE, "--root", root.as_str()];
        args.extend_from_slice(extra);
        self.run_env(&args, env)
    }

    /// `daftar <command> --root <root> EXTRA`, without `--tanggal`.
    fn cmd_undated(&self, command: &str, extra: &[&str], env: &[(&str, &str)]) -> Run {
        let root = self.root.display().to_string();
        let mut args = vec![command, "--root", root.as_str()];
        args.extend_from_slice(extra);
        self.run_env(&args, env)
    }

    /// Every file under the site root (or under `sub`), path → bytes.
    fn files(&self, sub: &str) -> BTreeMap<String, Vec<u8>> {
        let base = self.root.join(sub);
        let mut out = BTreeMap::new();
        if !base.exists() {
            return out;
        }
        for e in WalkDir::new(&base).sort_by_file_name() {
            let e = e.unwrap();
            if e.file_type().is_file() {
                let rel = e.path().strip_prefix(&self.root).unwrap();
                out.insert(
                    rel.to_string_lossy().replace('\\', "/"),
                    fs::read(e.path()).unwrap(),
                );
            }
        }
        out
    }

    /// Names directly in the site root, hidden ones included.
    fn root_entries(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(&self.root)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// Every folder anywhere in the temporary folder, for spotting leftovers.
    fn all_dirs(&self) -> Vec<String> {
        WalkDir::new(self.tmp.path())
            .sort_by_file_name()
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_dir())
            .map(|e| self.redact(&e.path().display().to_string()))
            .collect()
    }

    /// The output files of a build: everything under `public/` and `internal/`.
    fn outputs(&self) -> BTreeMap<String, Vec<u8>> {
        let mut all = self.files("public");
        all.extend(self.files("internal"));
        all
    }
}

fn file_list(files: &BTreeMap<String, Vec<u8>>) -> String {
    files.keys().map(|k| format!("{k}\n")).collect()
}

// ---------------------------------------------------------------------------------------
// The JSON document and its agreement with the human form
// ---------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
struct Diag {
    severity: String,
    code: String,
    file: String,
    line: Option<u64>,
    column: Option<u64>,
    message: String,
    hint: Option<String>,
}

/// Parses the JSON on a run's stdout and checks its shape against `cli.md`.
fn parse_json(run: &Run) -> Vec<Diag> {
    assert!(
        run.stdout.ends_with('\n') && run.stdout.trim_end().lines().count() == 1,
        "the JSON document is one line on stdout: {:?}",
        run.stdout
    );
    let doc: Value = serde_json::from_str(&run.stdout).expect("stdout is JSON");
    let obj = doc.as_object().expect("a JSON object");
    let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["diagnostics", "errors", "warnings"]);
    let mut out = Vec::new();
    for d in obj["diagnostics"]
        .as_array()
        .expect("diagnostics is an array")
    {
        let d = d.as_object().expect("a diagnostic is an object");
        let mut keys: Vec<&str> = d.keys().map(String::as_str).collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "code", "column", "file", "hint", "line", "message", "severity"
            ]
        );
        let num = |v: &Value| {
            if v.is_null() {
                None
            } else {
                let n = v.as_u64().expect("line/column is a number or null");
                assert!(n >= 1, "line and column are 1-based: {n}");
                Some(n)
            }
        };
        let diag = Diag {
            severity: d["severity"].as_str().unwrap().to_string(),
            code: d["code"].as_str().unwrap().to_string(),
            // `null` when no file is involved.
            file: match &d["file"] {
                Value::Null => String::new(),
                v => v.as_str().expect("file is a string or null").to_string(),
            },
            line: num(&d["line"]),
            column: num(&d["column"]),
            message: d["message"].as_str().unwrap().to_string(),
            hint: d["hint"].as_str().map(str::to_string),
        };
        let letter = match diag.severity.as_str() {
            "error" => 'E',
            "warning" => 'W',
            other => panic!("unknown severity {other}"),
        };
        assert!(
            diag.code.len() == 5
                && diag.code.starts_with(letter)
                && diag.code[1..].bytes().all(|b| b.is_ascii_digit()),
            "code {} fits severity {}",
            diag.code,
            diag.severity
        );
        assert!(
            !diag.file.starts_with('/') && !diag.file.contains('\\'),
            "file is relative to the site root, with `/`: {}",
            diag.file
        );
        assert_eq!(diag.line.is_some(), diag.column.is_some());
        assert!(!diag.message.is_empty());
        out.push(diag);
    }
    let errors = out.iter().filter(|d| d.severity == "error").count() as u64;
    assert_eq!(obj["errors"].as_u64(), Some(errors));
    assert_eq!(
        obj["warnings"].as_u64(),
        Some(out.len() as u64 - errors),
        "warnings count"
    );
    out
}

/// The human form says the same as the JSON: the same diagnostics in the same order,
/// each with its location line and its hint.
fn assert_human_matches_json(human: &str, json: &[Diag]) {
    let lines: Vec<&str> = human.lines().collect();
    let headers: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.starts_with("galat[") || l.starts_with("peringatan["))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(
        headers.len(),
        json.len(),
        "one human diagnostic per JSON diagnostic:\n{human}"
    );
    for (n, (&start, d)) in headers.iter().zip(json).enumerate() {
        let label = if d.severity == "error" {
            "galat"
        } else {
            "peringatan"
        };
        assert_eq!(
            lines[start],
            format!("{label}[{}]: {}", d.code, d.message),
            "header of diagnostic {n}"
        );
        let end = headers.get(n + 1).copied().unwrap_or(lines.len());
        let body = &lines[start + 1..end];
        let location = body
            .iter()
            .map(|l| l.trim_start())
            .find(|l| l.starts_with("--> "));
        let expected = match (d.file.as_str(), d.line, d.column) {
            ("", _, _) => None,
            (f, Some(l), Some(c)) => Some(format!("--> {f}:{l}:{c}")),
            (f, _, _) => Some(format!("--> {f}")),
        };
        assert_eq!(
            location.map(str::to_string),
            expected,
            "location of diagnostic {n}"
        );
        let hint = body
            .iter()
            .map(|l| l.trim_start())
            .find_map(|l| l.strip_prefix("= saran: "));
        assert_eq!(
            hint,
            d.hint.as_deref(),
            "hint of diagnostic {n} ({})",
            d.code
        );
    }
}

/// Diagnostics come sorted by file, then by position in the file.
fn assert_sorted(json: &[Diag]) {
    for pair in json.windows(2) {
        let key = |d: &Diag| (d.file.clone(), d.line.unwrap_or(0), d.column.unwrap_or(0));
        assert!(
            key(&pair[0]) <= key(&pair[1]),
            "diagnostics out of order: {:?} before {:?}",
            pair[0],
            pair[1]
        );
    }
}

fn codes(json: &[Diag]) -> Vec<&str> {
    json.iter().map(|d| d.code.as_str()).collect()
}

fn tally(json: &[Diag]) -> String {
    let errors = json.iter().filter(|d| d.severity == "error").count();
    format!("{errors} galat, {} peringatan", json.len() - errors)
}

/// Runs `check` in both forms and checks everything that holds for any site. Returns
/// the two runs and the parsed diagnostics.
fn checked(site: &Site, exit: i32, expected_codes: &[&str]) -> (Run, Run, Vec<Diag>) {
    let before = site.files("");
    let human = site.cmd("check", &[]);
    let json_run = site.cmd("check", &["--format", "json"]);
    assert_eq!(
        site.files(""),
        before,
        "`check` writes nothing into the site"
    );

    assert_eq!(
        human.code,
        exit,
        "exit code of check\n{}",
        human.transcript()
    );
    assert_eq!(json_run.code, exit, "exit code of check --format json");
    let json = parse_json(&json_run);
    assert_eq!(codes(&json), expected_codes, "{}", human.transcript());
    assert_human_matches_json(&human.stderr, &json);
    assert_sorted(&json);

    // The status line: stdout in human form, stderr beside JSON; the same words.
    assert!(
        human.stdout.ends_with('\n') && human.stdout.lines().count() == 1,
        "one status line on stdout: {:?}",
        human.stdout
    );
    assert!(
        human.stdout.contains(&tally(&json)),
        "the status line counts the diagnostics: {}",
        human.stdout
    );
    assert_eq!(
        json_run.stderr, human.stdout,
        "JSON form: status line on stderr"
    );
    (human, json_run, json)
}

/// Runs `build` in both forms on a site whose `check` gave `check_exit`.
/// A valid site builds; an invalid one is refused with the same diagnostics and no
/// output folder is made. Returns the transcript part for the snapshot.
fn built(site: &Site, check: &Run, check_json: &Run, check_exit: i32) -> String {
    let entries_before = site.root_entries();
    let human = site.cmd("build", &[]);
    let json_run = site.cmd("build", &["--format", "json"]);
    assert_eq!(
        human.code,
        check_exit,
        "build exits like check\n{}",
        human.transcript()
    );
    assert_eq!(json_run.code, check_exit);
    assert_eq!(
        human.stderr, check.stderr,
        "build reports what check reports"
    );
    assert_eq!(json_run.stdout, check_json.stdout, "same JSON from build");
    if check_exit != 0 {
        let json = parse_json(check_json);
        assert_eq!(
            human.stdout,
            format!(
                "Pembangunan dibatalkan: {}. Keluaran sebelumnya tidak diubah.\n",
                tally(&json)
            )
        );
        assert_eq!(json_run.stderr, human.stdout);
        assert_eq!(
            site.root_entries(),
            entries_before,
            "a refused build writes no output folder and leaves nothing behind"
        );
        String::new()
    } else {
        assert!(site.path("public/index.html").is_file());
        assert!(site.path("internal/index.html").is_file());
        assert_eq!(json_run.stderr, human.stdout);
        format!(
            "{}{}--- files written\n{}--- end\n",
            human.transcript(),
            json_run.transcript(),
            file_list(&site.outputs())
        )
    }
}

/// The whole test of one fixture: check in both forms, build in both forms, snapshot.
fn fixture_case(name: &str, exit: i32, expected_codes: &[&str], prepare: fn(&Site)) {
    let site = Site::fixture(name);
    prepare(&site);
    let (human, json_run, _) = checked(&site, exit, expected_codes);
    let mut transcript = human.transcript() + &json_run.transcript();
    transcript += &built(&site, &human, &json_run, exit);
    insta::assert_snapshot!(format!("fixture-{name}"), transcript);
}

/// The hidden and editor-temporary files of `valid-many`, written again at run time: a
/// global gitignore (`*~`, `*.swp`) could keep them out of a checkout.
fn add_skipped_files(site: &Site) {
    site.write("content/.draft.md", "ini bukan catatan yang sah\n");
    site.write("content/x.md~", "+++\nsalinan cadangan editor\n");
    site.write("content/.x.md.swp", b"b0VIM 8.2\x00\x00\x00\xff\xfe");
    site.write("content/2026/#catatan.md#", "autosave emacs\n");
    site.write("content/.obsidian/workspace.json", "{}\n");
    site.write("content/salinan.tmp", "berkas sementara\n");
}

macro_rules! fixture {
    ($test:ident, $name:literal, exit $exit:literal, [$($code:literal),* $(,)?]) => {
        fixture!($test, $name, exit $exit, [$($code),*], |_| {});
    };
    ($test:ident, $name:literal, exit $exit:literal, [$($code:literal),* $(,)?], $prepare:expr) => {
        #[test]
        fn $test() {
            fixture_case($name, $exit, &[$($code),*], $prepare);
        }
    };
}

// ---------------------------------------------------------------------------------------
// One test per fixture: exit code and diagnostic codes (the rest is in the snapshots)
// ---------------------------------------------------------------------------------------

// Valid sites.
fixture!(valid_minimal, "valid-minimal", exit 0, []);
fixture!(valid_many, "valid-many", exit 0, [], add_skipped_files);
fixture!(ignored_docx, "ignored-docx", exit 0, ["W0001"]);
fixture!(empty_content, "empty-content", exit 0, ["W0007"]);
fixture!(over_standard_warning, "over-standard-warning", exit 0, ["W0307", "W0307"]);
fixture!(term_ended, "term-ended", exit 0, ["W0232", "W0231"]);
fixture!(xss, "xss", exit 0, []);

// The configuration and the folders: exit 2.
fixture!(config_missing, "config-missing", exit 2, ["E0501"]);
fixture!(config_unknown_key, "config-unknown-key", exit 2, ["E0102", "E0102"]);
fixture!(config_bad_zone, "config-bad-zone", exit 2, ["E0502"]);
fixture!(config_bad_page_size, "config-bad-page-size", exit 2, ["E0502"]);
fixture!(config_bad_output, "config-bad-output", exit 2, ["E0504"]);
fixture!(config_toml_syntax, "config-toml-syntax", exit 2, ["E0101"]);
fixture!(content_missing, "content-missing", exit 2, ["E0002"]);

// The files: exit 1.
fixture!(empty_file, "empty-file", exit 1, ["E0004", "E0004"]);
fixture!(no_front_matter, "no-front-matter", exit 1, ["E0005", "E0005"]);
fixture!(unclosed_front_matter, "unclosed-front-matter", exit 1, ["E0006"]);
fixture!(toml_syntax, "toml-syntax", exit 1, ["E0101", "W0803", "E0101"]);
fixture!(invalid_utf8, "invalid-utf8", exit 1, ["E0003"], |site| {
    // Latin-1 text, as saved by an old editor: `é` is the single byte 0xE9.
    site.write(
        "content/latin1.md",
        b"+++\nnomor = \"DIK-UJI-2025-009\"\njudul = \"Daftar penerima bantuan caf\xe9\"\n+++\n",
    );
});

// The fields.
fixture!(unknown_field, "unknown-field", exit 1, ["E0103", "W0803", "E0102", "E0102", "E0103", "E0102", "E0102"]);
fixture!(missing_fields, "missing-fields", exit 1, ["E0103", "E0103", "E0103", "E0103", "E0103"]);
fixture!(wrong_types, "wrong-types", exit 1, ["E0104", "E0104", "E0104", "E0104", "E0104", "E0305"]);
fixture!(bad_nip, "bad-nip", exit 1, ["E0401", "E0402", "E0404", "E0403", "E0405", "E0401", "E0403"]);
fixture!(same_signer_twice, "same-signer-twice", exit 1, ["E0406"]);
fixture!(sign_order, "sign-order", exit 1, ["E0407"]);
fixture!(sign_before_step, "sign-before-step", exit 1, ["E0408"]);
fixture!(publish_before_approval, "publish-before-approval", exit 1, ["E0409"]);
fixture!(steps_missing_duplicate_unknown, "steps-missing-duplicate-unknown", exit 1, ["E0301", "E0302", "E0303"]);
fixture!(steps_overlap, "steps-overlap", exit 1, ["E0306", "E0306"]);
fixture!(over_standard_error, "over-standard-error", exit 1, ["E0307", "E0307"]);
fixture!(permanent_a_to_f, "permanent-a-to-f", exit 1, ["E0220", "E0221"]);
fixture!(huruf_a_too_long, "huruf-a-too-long", exit 1, ["E0222", "E0222"]);
fixture!(decision_in_future, "decision-in-future", exit 1, ["E0230", "E0805", "E0805"]);

// Across records.
fixture!(duplicate_nomor, "duplicate-nomor", exit 1, ["E0202"]);
fixture!(duplicate_slug, "duplicate-slug", exit 1, ["E0203"]);
fixture!(many_errors, "many-errors", exit 1, [
    // content/kedua.md, by position
    "E0103", "E0201", "E0102", "E0409", "E0407",
    // content/pertama.md, by position
    "E0105", "E0212", "E0211", "E0223", "E0304", "E0401",
]);

// ---------------------------------------------------------------------------------------
// What the snapshots cannot say on their own
// ---------------------------------------------------------------------------------------

fn json_of(site: &Site, extra: &[&str]) -> Vec<Diag> {
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(extra);
    parse_json(&site.cmd("check", &args))
}

#[test]
fn many_errors_are_all_reported_in_one_run_with_their_places() {
    let site = Site::fixture("many-errors");
    let json = json_of(&site, &[]);
    let places: Vec<(&str, &str, u64, u64)> = json
        .iter()
        .map(|d| {
            (
                d.file.as_str(),
                d.code.as_str(),
                d.line.unwrap(),
                d.column.unwrap(),
            )
        })
        .collect();
    assert_eq!(
        places,
        [
            ("content/kedua.md", "E0103", 1, 1),
            ("content/kedua.md", "E0201", 2, 9),
            ("content/kedua.md", "E0102", 3, 1),
            ("content/kedua.md", "E0409", 20, 21),
            ("content/kedua.md", "E0407", 33, 11),
            ("content/pertama.md", "E0105", 4, 8),
            ("content/pertama.md", "E0212", 5, 13),
            ("content/pertama.md", "E0211", 5, 20),
            ("content/pertama.md", "E0223", 9, 26),
            ("content/pertama.md", "E0304", 17, 56),
            ("content/pertama.md", "E0401", 37, 7),
        ]
    );
}

#[test]
fn hidden_and_temporary_files_are_skipped_silently() {
    let site = Site::fixture("valid-many");
    add_skipped_files(&site);
    let check = site.cmd("check", &[]);
    let json = site.cmd("check", &["--format", "json"]);
    assert_eq!(check.code, 0);
    assert_eq!(
        check.stdout,
        "Pemeriksaan selesai: 4 catatan sah (4 berlaku, 0 berakhir); 0 galat, 0 peringatan.\n"
    );
    assert_eq!(check.stderr, "");
    for name in [
        ".draft",
        "x.md~",
        ".swp",
        "#catatan",
        ".obsidian",
        "salinan.tmp",
    ] {
        assert!(!check.stderr.contains(name) && !json.stdout.contains(name));
    }
    let build = site.cmd("build", &[]);
    assert_eq!(build.code, 0, "{}", build.transcript());
    let pages: Vec<String> = site
        .files("public")
        .into_keys()
        .filter(|p| p.ends_with("/index.html") && p != "public/index.html")
        // The site's own pages, not records.
        .filter(|p| p != "public/berakhir/index.html" && p != "public/tentang/index.html")
        .collect();
    assert_eq!(
        pages,
        [
            "public/2025-jaringan-persandian/index.html",
            "public/2025-memo-rancangan-perda/index.html",
            "public/2026-rekam-medis-pegawai/index.html",
            "public/tanah/index.html",
        ]
    );
}

#[test]
fn a_bom_and_crlf_record_builds_like_any_other() {
    let site = Site::fixture("valid-many");
    let raw = fs::read(site.path("content/2026/Rekam Medis Pegawai.md")).unwrap();
    assert!(
        raw.starts_with(b"\xef\xbb\xbf+++\r\n"),
        "the fixture has a BOM and CRLF"
    );
    assert_eq!(site.cmd("build", &[]).code, 0);
    let page = site.read("public/2026-rekam-medis-pegawai/index.html");
    let doc = scraper::Html::parse_document(&page);
    let h1 = scraper::Selector::parse("h1").unwrap();
    let title: String = doc.select(&h1).next().unwrap().text().collect();
    assert_eq!(title, "Rekam medis pegawai di klinik Sekretariat Daerah");
    assert!(!page.contains('\u{feff}') && !page.contains('\r'));
}

/// Contract (record-format.md): "its front matter opens on the first line (after an
/// optional BOM)"; cli.md: `line`/`column` are 1-based. An officer's editor shows the
/// `+++` after a BOM at column 1, and the BOM is invisible: it must not be counted as a
/// column, nor printed into the terminal.
#[test]
fn a_bom_is_not_a_column() {
    let site = Site::fixture("bom-crlf-error");
    let json = json_of(&site, &[]);
    let places: Vec<(&str, u64, u64)> = json
        .iter()
        .map(|d| (d.code.as_str(), d.line.unwrap(), d.column.unwrap()))
        .collect();
    // CRLF line endings do not shift lines or columns either.
    assert_eq!(places[1..], [("E0201", 2, 9), ("E0104", 4, 12)]);
    let human = site.cmd("check", &[]);
    assert_eq!(human.code, 1);
    assert!(!human.stderr.contains('\r'), "no CR in the snippets");
    assert_eq!(
        places[0],
        ("E0103", 1, 1),
        "BUG: the BOM is counted as a column"
    );
    assert!(
        human.stderr.contains(" --> content/windows.md:1:1\n"),
        "{}",
        human.stderr
    );
    assert!(
        !human.stderr.contains('\u{feff}'),
        "BUG: the BOM is printed into the terminal:\n{}",
        human.stderr
    );
}

#[test]
fn an_ended_term_is_listed_apart_as_open_information() {
    let site = Site::fixture("term-ended");
    let build = site.cmd("build", &[]);
    assert_eq!(build.code, 0, "{}", build.transcript());
    assert!(build.stderr.contains("peringatan[W0231]"));
    let index = site.read("public/index.html");
    let doc = scraper::Html::parse_document(&index);
    let titles = |selector: &str| -> Vec<String> {
        let s = scraper::Selector::parse(selector).unwrap();
        doc.select(&s)
            .map(|e| e.text().collect::<String>())
            .collect()
    };
    assert_eq!(
        titles("section#berakhir tbody th a"),
        ["Rencana lelang kendaraan dinas tahun 2020"]
    );
    // In force: the term that ends on the build date itself, and a running one.
    let mut in_force = titles("section[aria-labelledby=judul-berlaku] tbody th a");
    in_force.sort();
    assert_eq!(
        in_force,
        [
            "Hasil audit keamanan aplikasi layanan perizinan",
            "Rencana pengamanan jaringan persandian Pemerintah Provinsi",
        ]
    );
    let ended = site.read("public/sudah-berakhir/index.html");
    assert!(ended.contains("status-berakhir"));
    assert!(ended.contains("10 Januari 2021"));
    assert!(
        !site
            .read("public/berakhir-hari-ini/index.html")
            .contains("status-berakhir")
    );
}

#[test]
fn the_docx_is_not_published() {
    let site = Site::fixture("ignored-docx");
    assert_eq!(site.cmd("build", &[]).code, 0);
    assert!(
        !site
            .outputs()
            .keys()
            .any(|p| p.contains("surat-penetapan") || p.ends_with(".docx"))
    );
}

#[test]
fn hostile_text_is_shown_as_text_and_never_runs() {
    let site = Site::fixture("xss");
    let build = site.cmd("build", &[]);
    assert_eq!(build.code, 0, "{}", build.transcript());
    // The theme's own scripts (`daftar.js`, `internal.js`, from the site itself) are the
    // only ones allowed.
    let script = scraper::Selector::parse(
        "script:not([src='daftar.js']):not([src='internal.js']), img, iframe, object, embed",
    )
    .unwrap();
    let any = scraper::Selector::parse("*").unwrap();
    let h1 = scraper::Selector::parse("h1").unwrap();
    let mut pages = 0;
    for (path, bytes) in site.outputs() {
        if !path.ends_with(".html") {
            continue;
        }
        pages += 1;
        let text = String::from_utf8(bytes).unwrap();
        let doc = scraper::Html::parse_document(&text);
        assert_eq!(
            doc.select(&script).count(),
            0,
            "{path} has an active element"
        );
        for el in doc.select(&any) {
            for (name, value) in el.value().attrs() {
                assert!(
                    !name.starts_with("on"),
                    "{path}: <{} {name}={value:?}>",
                    el.value().name()
                );
                assert!(
                    !value
                        .trim_start()
                        .to_ascii_lowercase()
                        .starts_with("javascript:"),
                    "{path}: <{} {name}={value:?}>",
                    el.value().name()
                );
            }
        }
        let links = scraper::Selector::parse("a").unwrap();
        assert!(
            !doc.select(&links)
                .any(|a| a.text().collect::<String>() == "tautan mentah"),
            "{path}: raw HTML in the body became a link"
        );
    }
    assert_eq!(
        pages, 9,
        "public index, record page, ended list, request page, 404 page, internal index, internal record page, compliance page, SOP page"
    );
    // The title is shown as the officer wrote it, as text.
    let judul = "Rencana <script>alert(1)</script> </title><script>alert(2)</script> \" onmouseover=\"alert(3)\" <img src=x onerror=alert(1)>";
    let page = site.read("public/dik-uji-001/index.html");
    let doc = scraper::Html::parse_document(&page);
    let shown: String = doc.select(&h1).next().unwrap().text().collect();
    assert_eq!(shown, judul);
    let title = scraper::Selector::parse("title").unwrap();
    let shown: String = doc.select(&title).next().unwrap().text().collect();
    assert!(shown.starts_with(judul), "{shown}");
    assert!(page.contains("Bidang Persandian &lt;img src=x onerror=alert(1)&gt;"));
}

// ---------------------------------------------------------------------------------------
// Building: themes and templates
// ---------------------------------------------------------------------------------------

#[test]
fn a_missing_theme_stops_the_build() {
    let site = Site::fixture("theme-missing");
    let entries = site.root_entries();
    let build = site.cmd("build", &[]);
    let json = site.cmd("build", &["--format", "json"]);
    assert_eq!(build.code, 2);
    assert_eq!(json.code, 2);
    assert_eq!(codes(&parse_json(&json)), ["E0503"]);
    assert_eq!(site.root_entries(), entries, "nothing written");
    insta::assert_snapshot!(
        "build-theme-missing",
        build.transcript() + &json.transcript()
    );
}

/// cli.md: `check` "validate[s] everything"; exit 2 is for a bad `daftar.toml`. A `tema`
/// naming a theme that does not exist is a bad `daftar.toml` that `build` refuses, so
/// `check` must not say the site is fine.
#[test]
fn check_reports_a_missing_theme() {
    let site = Site::fixture("theme-missing");
    let check = site.cmd("check", &[]);
    assert_eq!(
        check.code,
        2,
        "BUG: check passes a site that build refuses:\n{}",
        check.transcript()
    );
    assert!(check.stderr.contains("E0503"));
}

#[test]
fn a_template_error_names_the_template_file() {
    let site = Site::fixture("template-error");
    let entries = site.root_entries();
    let build = site.cmd("build", &[]);
    let json_run = site.cmd("build", &["--format", "json"]);
    assert_eq!(build.code, 2, "{}", build.transcript());
    assert_eq!(json_run.code, 2);
    let json = parse_json(&json_run);
    assert_eq!(codes(&json), ["E0601"]);
    assert_eq!(json[0].file, "themes/default/templates/public/index.html");
    assert_human_matches_json(&build.stderr, &json);
    assert_eq!(
        build.stdout,
        "Pembangunan dibatalkan: 1 galat, 0 peringatan. Keluaran sebelumnya tidak diubah.\n"
    );
    assert_eq!(site.root_entries(), entries, "nothing written");
    insta::assert_snapshot!(
        "build-template-error",
        build.transcript() + &json_run.transcript()
    );
}

/// The theme contract: a page that lists records has a place for its rows (a slot),
/// exactly once. A custom template without it built an empty register with exit 0;
/// now it is E0601 naming the template file and the variable, and nothing is written.
#[test]
fn a_template_without_its_row_slot_or_with_it_twice_is_e0601() {
    let builtin = |name: &str| {
        fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("themes/default/templates")
                .join(name),
        )
        .unwrap()
    };
    for (template, variable) in [
        ("public/index.html", "baris_berlaku"),
        ("public/index.html", "baris_berakhir"),
        ("public/ended.html", "baris"),
        ("public/decision.html", "baris"),
        ("internal/index.html", "baris"),
    ] {
        let text = builtin(template);
        let written = format!("{{{{ {variable} | safe }}}}");
        assert_eq!(text.matches(&written).count(), 1, "{template} {written}");
        let call = format!("{{{{ {variable} }}}}");
        let file = format!("themes/default/templates/{template}");
        for (edited, message) in [
            (
                text.replace(&written, ""),
                format!(
                    "templat tidak memuat {call}: di situlah baris-baris daftar ditempatkan, tanpa itu halamannya kosong"
                ),
            ),
            (
                text.replace(&written, &format!("{written}{call}")),
                format!(
                    "templat memuat {call} 2 kali: tempat baris-baris daftar harus ada tepat sekali"
                ),
            ),
        ] {
            let site = Site::sample();
            let entries = site.root_entries();
            site.write(&file, edited);
            let build = site.cmd("build", &["--format", "json"]);
            assert_eq!(build.code, 2, "{template}: {}", build.transcript());
            let json = parse_json(&build);
            let errors: Vec<_> = json.iter().filter(|d| d.code == "E0601").collect();
            assert_eq!(errors.len(), 1, "{}", build.transcript());
            assert_eq!(errors[0].file, file);
            assert_eq!(errors[0].message, message);
            let outputs: Vec<_> = site
                .root_entries()
                .into_iter()
                .filter(|e| !entries.contains(e) && e != "themes" && e != ".daftar")
                .collect();
            assert!(outputs.is_empty(), "nothing written: {outputs:?}");
        }
    }
}

/// cli.md lists what `public/` holds; a deployer relies on every item.
#[test]
fn build_writes_every_public_file_of_the_contract() {
    let site = Site::fixture("valid-minimal");
    // sitemap.xml needs the site's absolute address.
    let config = site.read("daftar.toml") + "\nbase_url = \"https://ppid.example.go.id/dik/\"\n";
    site.write("daftar.toml", config);
    assert_eq!(site.cmd("build", &[]).code, 0);
    let files = site.outputs();
    let missing: Vec<&str> = [
        "public/index.html",
        "public/dik-uji-001/index.html",
        "public/dik.json",
        "public/dik.csv",
        "public/atom.xml",
        "public/sitemap.xml",
        "public/robots.txt",
        "public/dik.schema.json",
        "public/404.html",
        "public/berakhir/index.html",
        "public/tentang/index.html",
        "internal/index.html",
    ]
    .into_iter()
    .filter(|f| !files.contains_key(*f))
    .collect();
    assert!(
        missing.is_empty(),
        "build does not write {missing:?}; it wrote:\n{}",
        file_list(&files)
    );
}

// ---------------------------------------------------------------------------------------
// A failed build leaves the previous output exactly as it was
// ---------------------------------------------------------------------------------------

/// Builds a valid site and returns it with its outputs and root entries.
fn built_site() -> (Site, BTreeMap<String, Vec<u8>>, Vec<String>) {
    let site = Site::fixture("valid-many");
    let build = site.cmd("build", &[]);
    assert_eq!(build.code, 0, "{}", build.transcript());
    let outputs = site.outputs();
    assert!(outputs.len() > 5);
    let entries = site.root_entries();
    (site, outputs, entries)
}

fn assert_untouched(
    site: &Site,
    outputs: &BTreeMap<String, Vec<u8>>,
    entries: &[String],
    run: &Run,
) {
    let now = site.outputs();
    assert_eq!(
        now.keys().collect::<Vec<_>>(),
        outputs.keys().collect::<Vec<_>>(),
        "same output files\n{}",
        run.transcript()
    );
    for (path, bytes) in outputs {
        assert!(now[path] == *bytes, "{path} changed");
    }
    assert_eq!(site.root_entries(), entries, "no leftover in the site root");
    assert!(
        !site
            .all_dirs()
            .iter()
            .any(|d| d.contains(".daftar-sementara")),
        "no leftover temporary folder: {:?}",
        site.all_dirs()
    );
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let (site, outputs, entries) = built_site();
    let rel = "content/tanah.MD";
    let text = site.read(rel).replace("jangka_waktu", "jangka_waktuu");
    site.write(rel, text);
    let build = site.cmd("build", &[]);
    assert_eq!(build.code, 1, "{}", build.transcript());
    assert_eq!(
        build.stdout,
        "Pembangunan dibatalkan: 2 galat, 0 peringatan. Keluaran sebelumnya tidak diubah.\n"
    );
    assert_untouched(&site, &outputs, &entries, &build);
}

#[test]
fn a_template_error_leaves_the_previous_output_untouched() {
    let (site, outputs, entries) = built_site();
    site.write(
        "themes/default/templates/public/record.html",
        "{% extends \"public/base.html\" %}{% block main %}{{ record.judul {% endblock main %}",
    );
    let entries: Vec<String> = {
        let mut e = entries;
        e.push("themes".into());
        e.sort();
        e
    };
    let build = site.cmd("build", &[]);
    assert_eq!(build.code, 2, "{}", build.transcript());
    assert!(
        build
            .stderr
            .contains("--> themes/default/templates/public/record.html"),
        "{}",
        build.stderr
    );
    assert_untouched(&site, &outputs, &entries, &build);
}

#[test]
fn an_output_folder_that_cannot_be_made_leaves_the_previous_output_untouched() {
    // A file where the internal folder's parent must be: fails even for root. The
    // public folder is staged first and must not be swapped in alone.
    let (site, outputs, entries) = built_site();
    site.write("blok", "bukan folder");
    let config = site.read("daftar.toml") + "\n[keluaran]\ninternal = \"blok/internal\"\n";
    site.write("daftar.toml", config);
    let entries: Vec<String> = {
        let mut e = entries;
        e.push("blok".into());
        e.sort();
        e
    };
    let build = site.cmd("build", &[]);
    assert_eq!(build.code, 2, "{}", build.transcript());
    assert!(build.stderr.contains("galat[E0602]"), "{}", build.stderr);
    assert_eq!(
        build.stdout,
        "Pembangunan dibatalkan: 1 galat, 0 peringatan. Keluaran sebelumnya tidak diubah.\n"
    );
    assert_untouched(&site, &outputs, &entries, &build);
    insta::assert_snapshot!("build-blocked-output", build.transcript());
}

#[test]
fn a_read_only_site_folder_leaves_the_previous_output_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let (site, outputs, entries) = built_site();
    let set_mode = |mode| {
        fs::set_permissions(&site.root, fs::Permissions::from_mode(mode)).unwrap();
    };
    set_mode(0o555);
    // Root (and CAP_DAC_OVERRIDE) writes through permissions: probe instead of guessing.
    let probe = site.root.join(".probe");
    if fs::write(&probe, "x").is_ok() {
        let _ = fs::remove_file(&probe);
        set_mode(0o755);
        eprintln!("skipped: this user writes into a read-only folder (running as root?)");
        return;
    }
    let build = site.cmd("build", &[]);
    set_mode(0o755);
    assert_eq!(build.code, 2, "{}", build.transcript());
    assert!(build.stderr.contains("galat[E0602]"), "{}", build.stderr);
    assert!(build.stderr.contains("akses ditolak"), "{}", build.stderr);
    assert_untouched(&site, &outputs, &entries, &build);
}

#[test]
fn a_successful_build_replaces_the_output_whole() {
    let (site, outputs, _) = built_site();
    assert!(outputs.contains_key("public/tanah/index.html"));
    fs::remove_file(site.path("content/tanah.MD")).unwrap();
    site.write("public/sisa-lama.html", "dari tangan");
    let build = site.cmd("build", &[]);
    assert_eq!(build.code, 0, "{}", build.transcript());
    let now = site.outputs();
    assert!(
        !now.contains_key("public/tanah/index.html"),
        "a removed record's page is gone"
    );
    assert!(!now.contains_key("public/sisa-lama.html"));
    assert!(
        !site
            .all_dirs()
            .iter()
            .any(|d| d.contains(".daftar-sementara"))
    );
}

// ---------------------------------------------------------------------------------------
// The command line itself
// ---------------------------------------------------------------------------------------

#[test]
fn help_and_version() {
    let site = Site::empty();
    let help = site.run(&["--help"]);
    assert_eq!(help.code, 0);
    assert_eq!(help.stderr, "");
    for word in [
        "init",
        "new",
        "check",
        "build",
        "--root",
        "--tanggal",
        "--format",
    ] {
        assert!(help.stdout.contains(word), "{word} in --help");
    }
    insta::assert_snapshot!("help", help.transcript());

    let check_help = site.run(&["check", "--help"]);
    assert_eq!(check_help.code, 0);
    assert_eq!(check_help.stderr, "");
    insta::assert_snapshot!("help-check", check_help.transcript());

    let version = site.run(&["--version"]);
    assert_eq!(version.code, 0);
    assert_eq!(
        version.stdout,
        format!("daftar {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn usage_errors_exit_2() {
    let site = Site::fixture("valid-minimal");
    let unknown = site.cmd("check", &["--bogus"]);
    assert_eq!(unknown.code, 2);
    assert_eq!(unknown.stdout, "");
    let bad_date = site.run(&["check", "--tanggal", "2025-13-45"]);
    assert_eq!(bad_date.code, 2);
    assert_eq!(bad_date.stdout, "");
    assert!(
        bad_date
            .stderr
            .contains("`2025-13-45` bukan tanggal YYYY-MM-DD yang sah")
    );
    insta::assert_snapshot!(
        "usage-errors",
        unknown.transcript() + &bad_date.transcript()
    );

    for args in [
        &[][..],
        &["frobnicate"],
        &["check", "--format", "xml"],
        &["check", "--tanggal", "25-11-2026"],
        &["check", "--tanggal"],
    ] {
        let run = site.run(args);
        assert_eq!(run.code, 2, "{}", run.transcript());
        assert_eq!(run.stdout, "", "{}", run.transcript());
        assert!(!run.stderr.is_empty());
    }
}

#[test]
fn check_runs_in_the_working_folder_without_root() {
    let site = Site::fixture("valid-minimal");
    let mut cmd = Command::new(BIN);
    let out = cmd
        .args(["check", "--tanggal", DATE])
        .current_dir(&site.root)
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Pemeriksaan selesai: 1 catatan sah (1 berlaku, 0 berakhir); 0 galat, 0 peringatan.\n"
    );
}

#[test]
fn quiet_shows_errors_only() {
    let site = Site::fixture("over-standard-warning");
    let quiet = site.cmd("check", &["--quiet"]);
    assert_eq!(quiet.code, 0);
    assert_eq!((quiet.stdout.as_str(), quiet.stderr.as_str()), ("", ""));

    let site = Site::fixture("many-errors");
    let loud = site.cmd("check", &[]);
    let quiet = site.cmd("check", &["-q"]);
    assert_eq!(quiet.code, 1);
    assert_eq!(quiet.stdout, "");
    assert_eq!(quiet.stderr, loud.stderr);
}

// ---------------------------------------------------------------------------------------
// init and new
// ---------------------------------------------------------------------------------------

#[test]
fn repeated_warnings_show_the_first_three_of_a_code_then_a_count() {
    let site = Site::empty();
    common::copy_site(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &site.root,
        &["daftar.toml", "content", "keputusan"],
    );
    // Five more records whose term has ended (W0231), six in all.
    let ended = "content/dkisp/2023-002-rencana-tarif-retribusi-pusat-data.md";
    let text = site.read(ended);
    for i in 1..=5 {
        site.write(
            &format!("content/dkisp/salinan-{i}.md"),
            text.replacen("nomor = \"DIK-", &format!("nomor = \"S{i}-DIK-"), 1),
        );
    }
    let count = |stderr: &str| stderr.matches("peringatan[W0231]").count();
    let short = site.cmd("check", &[]);
    assert_eq!(short.code, 0, "{}", short.transcript());
    assert_eq!(count(&short.stderr), 3);
    assert!(
        short.stderr.ends_with(
            "Dari peringatan yang berulang, hanya tiga yang pertama per kode yang ditampilkan: W0231 (6 kali). Tampilkan semuanya dengan --rinci (atau --format json).\n\n"
        ),
        "{}",
        short.stderr
    );
    let all = site.cmd("check", &["--rinci"]);
    assert_eq!(count(&all.stderr), 6);
    assert!(!all.stderr.contains("--rinci"));
    let json = site.cmd("check", &["--format", "json"]);
    assert_eq!(
        parse_json(&json)
            .iter()
            .filter(|d| d.code == "W0231")
            .count(),
        6
    );
}

#[test]
fn init_makes_a_site_that_checks_and_builds() {
    let site = Site::empty();
    let init = site.run(&["init", "situs"]);
    assert_eq!(init.code, 0, "{}", init.transcript());
    assert_eq!(init.stderr, "");
    assert_eq!(
        init.stdout,
        "Situs baru dibuat di situs: daftar.toml, content/contoh.md, keputusan/contoh.md, .gitignore.\n\
         content/contoh.md dan keputusan/contoh.md hanya contoh (pejabat dan NIP rekaan): `daftar check` dan `daftar build` memperingatkannya (W0010), dan `daftar publish` menolak menerbitkan selama keduanya ada. Hapus keduanya setelah catatan pertama Anda selesai.\n\
         Isi juga bagian [kontak] di daftar.toml (alamat, telepon, whatsapp, atau surel PPID): tanpa itu pemohon tidak tahu cara menghubungi PPID (W0508).\n\
         Langkah berikutnya: `daftar build` di folder itu, lalu buka public/index.html.\n"
    );
    assert_eq!(
        site.files("").into_keys().collect::<Vec<_>>(),
        [
            ".gitignore",
            "content/contoh.md",
            "daftar.toml",
            "keputusan/contoh.md"
        ]
    );
    assert_eq!(
        site.read("keputusan/contoh.md"),
        daftar::scaffold::EXAMPLE_DECISION
    );
    assert_eq!(site.read("daftar.toml"), daftar::scaffold::CONFIG);
    assert_eq!(
        site.read("content/contoh.md"),
        daftar::scaffold::EXAMPLE_RECORD
    );
    let gitignore = site.read(".gitignore");
    assert!(gitignore.lines().any(|l| l == "/public/"));
    assert!(gitignore.lines().any(|l| l == "/internal/"));
    // The archive is the official record of every published version: never ignored.
    assert!(
        !gitignore
            .lines()
            .any(|l| l.trim_start_matches('/').starts_with("archive")),
        "{gitignore}"
    );

    // The example checks and builds, with a warning on each file that it is one
    // (W0010 / E0010), and publishing it is refused. The contact is for the office to
    // fill in: until then W0508 says the request page cannot be used.
    let check = site.cmd("check", &[]);
    assert_eq!(check.code, 0, "{}", check.transcript());
    assert_eq!(
        check.stdout,
        "Pemeriksaan selesai: 1 catatan sah (1 berlaku, 0 berakhir); 0 galat, 3 peringatan.\n"
    );
    assert!(
        check.stderr.contains(
            "peringatan[W0508]: situs publik tidak menyebut cara menghubungi PPID: [kontak] tidak memuat alamat, telepon, surel, atau whatsapp\n  --> daftar.toml:11:1\n"
        ),
        "{}",
        check.stderr
    );
    let hint = "  = saran: hapus berkas contoh ini (content/contoh.md dan keputusan/contoh.md) atau ganti seluruh isinya sebelum menerbitkan; `daftar publish` menolak menerbitkan selama contoh ada\n";
    for (file, message) in [
        (
            "content/contoh.md",
            "peringatan[W0010]: catatan ini contoh dari `daftar init`: pejabat, NIP, dan keputusannya rekaan, bukan informasi yang dikecualikan\n",
        ),
        (
            "keputusan/contoh.md",
            "peringatan[W0010]: keputusan ini contoh dari `daftar init`: nomor, pejabat, dan pesertanya rekaan\n",
        ),
    ] {
        let at = check
            .stderr
            .find(message)
            .unwrap_or_else(|| panic!("{}", check.stderr));
        let rest = &check.stderr[at..];
        assert!(rest.contains(&format!(" --> {file}:2:9\n")), "{rest}");
        assert!(rest.contains(hint), "{rest}");
    }
    let publish = site.cmd("publish", &[]);
    assert_eq!(publish.code, 1, "{}", publish.transcript());
    assert!(
        publish
            .stderr
            .contains("galat[E0010]: catatan ini contoh dari `daftar init`")
    );
    assert!(
        publish
            .stderr
            .contains("galat[E0010]: keputusan ini contoh dari `daftar init`")
    );
    assert!(!site.path("archive").exists());
    assert!(!site.path(".daftar").exists());

    let build = site.cmd("build", &[]);
    assert_eq!(build.code, 0, "{}", build.transcript());
    assert!(site.path("public/index.html").is_file());
    assert!(site.path("internal/index.html").is_file());
    assert!(site.path("public/contoh/index.html").is_file());
    // The example record is established by the example decision, and says so.
    assert!(site.path("public/keputusan/contoh/index.html").is_file());
    assert!(
        site.read("public/contoh/index.html")
            .contains("Ditetapkan di Tanjung Selor dengan <a href=\"../keputusan/contoh/index.html\">Keputusan Kepala DKISP Provinsi Kalimantan Utara selaku PPID Utama Nomor 188.4/001/CONTOH/2025</a>")
    );
    insta::assert_snapshot!("init-build", build.transcript());
}

#[test]
fn init_json_prints_an_empty_report() {
    let site = Site::empty();
    let init = site.run(&["init", "situs", "--format", "json"]);
    assert_eq!(init.code, 0);
    assert_eq!(parse_json(&init), []);
    assert_eq!(
        init.stdout,
        "{\"diagnostics\":[],\"errors\":0,\"warnings\":0}\n"
    );
    assert!(init.stderr.starts_with("Situs baru dibuat di situs:"));
}

#[test]
fn init_never_overwrites_a_site() {
    let site = Site::fixture("valid-minimal");
    let before = site.files("");
    let root = site.root.display().to_string();
    let init = site.run(&["init", &root]);
    assert_eq!(init.code, 2, "{}", init.transcript());
    assert_eq!(init.stdout, "");
    assert_eq!(site.files(""), before, "nothing changed");
    assert_eq!(site.root_entries(), ["content", "daftar.toml"]);

    let json = site.run(&["init", &root, "--format", "json"]);
    assert_eq!(json.code, 2);
    assert_eq!(codes(&parse_json(&json)), ["E0507"]);
    insta::assert_snapshot!("init-existing", init.transcript() + &json.transcript());
}

#[test]
fn init_writes_nothing_when_one_of_its_files_exists() {
    let site = Site::empty();
    site.write("content/contoh.md", "catatan saya\n");
    let init = site.run(&["init", "situs"]);
    assert_eq!(init.code, 2, "{}", init.transcript());
    assert_eq!(
        site.files("").into_keys().collect::<Vec<_>>(),
        ["content/contoh.md"],
        "no daftar.toml, no .gitignore"
    );
    assert_eq!(site.read("content/contoh.md"), "catatan saya\n");
    insta::assert_snapshot!("init-partly-existing", init.transcript());
}

/// A title pasted with line breaks, even a `+++` line that would close the front
/// matter, is written on one line: the skeleton stays a record that `check` reads.
#[test]
fn new_writes_a_title_with_line_breaks_on_one_line() {
    let site = Site::empty();
    assert_eq!(site.run(&["init", "situs"]).code, 0);
    let new = site.cmd(
        "new",
        &["--judul", "Data pemohon\n+++\n  informasi \"rahasia\""],
    );
    assert_eq!(new.code, 0, "{}", new.transcript());
    let text = site.read("content/dik-2026-001.md");
    assert!(
        text.contains("\njudul = 'Data pemohon +++ informasi \"rahasia\"'\n"),
        "{text}"
    );
    // The skeleton fails only for what is left to fill in, never for its shape.
    let check = site.cmd("check", &["--format", "json"]);
    let json = parse_json(&check);
    assert!(
        json.iter()
            .filter(|d| d.file == "content/dik-2026-001.md")
            .all(|d| d.code != "E0101" && d.code != "E0006"),
        "{}",
        check.transcript()
    );
}

/// What an office does after `init`: give the PPID's e-mail in `[kontak]` (else W0508).
fn fill_in_the_contact(site: &Site) {
    let config = site.read("daftar.toml");
    let filled = config.replace(
        "# surel = \"ppid@....go.id\"",
        "surel = \"ppid@example.go.id\"",
    );
    assert_ne!(config, filled);
    site.write("daftar.toml", filled);
}

#[test]
fn new_writes_a_skeleton_that_check_refuses_until_filled() {
    let site = Site::empty();
    assert_eq!(site.run(&["init", "situs"]).code, 0);
    fill_in_the_contact(&site);
    // The officer's first own record, the example put away.
    fs::remove_file(site.path("content/contoh.md")).unwrap();
    fs::remove_file(site.path("keputusan/contoh.md")).unwrap();
    let new = site.cmd("new", &["--judul", "Data X"]);
    assert_eq!(new.code, 0, "{}", new.transcript());
    assert_eq!(new.stderr, "");
    assert_eq!(
        new.stdout,
        "Catatan baru: content/dik-2026-001.md\n\
         Isi setiap kolom yang kosong, waktu setiap langkah SOP, dan ketiga pengesahan, lalu jalankan `daftar check`.\n"
    );
    let skeleton = site.read("content/dik-2026-001.md");
    assert!(skeleton.contains("nomor = \"DIK-2026-001\"\njudul = \"Data X\"\n"));
    insta::assert_snapshot!("new-skeleton", skeleton);

    // An unfilled skeleton must never be publishable.
    let (check, _, json) = checked(
        &site,
        1,
        &[
            "E0105", "E0106", "E0105", "E0105",
            "E0105", // unit, pasal_17, dasar_hukum, akibat, manfaat
            "E0105", // keputusan
            "E0304", "E0304", "E0304", "E0304", "E0304", "E0304", "E0304", "E0304", // menit
            "E0105", "E0105", "E0105", // petugas_ppid nama, nip, jabatan
            "E0105", "E0105", "E0105", // ppid_utama
            "E0105", "E0105", "E0105", // atasan_ppid
        ],
    );
    assert!(json.iter().all(|d| d.file == "content/dik-2026-001.md"));
    for field in [
        "`unit`",
        "`pasal_17`",
        "`dasar_hukum[1]`",
        "`akibat_dibuka`",
        "`manfaat_ditutup`",
        "`langkah[no=8].menit`",
        "`pengesahan.petugas_ppid.nip`",
        "`pengesahan.ppid_utama.nama`",
        "`pengesahan.atasan_ppid.jabatan`",
    ] {
        assert!(json.iter().any(|d| d.message.starts_with(field)), "{field}");
    }
    assert_eq!(
        check.stdout,
        "Pemeriksaan menemukan masalah di 1 dari 1 berkas catatan; 23 galat, 0 peringatan.\n"
    );
    insta::assert_snapshot!("new-check", check.transcript());
    let build = site.cmd("build", &[]);
    assert_eq!(build.code, 1);
    assert!(!site.path("public").exists());
}

#[test]
fn new_checks_its_nomor_like_check_and_numbers_after_the_sites_own_numbers() {
    let site = Site::fixture("valid-minimal");
    let before = site.files("");
    for (nomor, message) in [
        (
            "DIK 2026 9",
            "galat[E0201]: --nomor `DIK 2026 9`: `nomor` memuat spasi yang tidak diperbolehkan\n",
        ),
        ("", "galat[E0201]: --nomor: `nomor` kosong\n"),
        (
            "aéé",
            "galat[E0201]: --nomor `aéé`: `nomor` memuat karakter `é` yang tidak diperbolehkan\n",
        ),
    ] {
        let run = site.cmd("new", &["--nomor", nomor]);
        assert_eq!(run.code, 2, "{}", run.transcript());
        assert_eq!(
            run.stderr,
            format!(
                "{message} = saran: nomor terdiri atas huruf, angka, `-`, `/`, dan `.`, misalnya \"DIK-DKISP-2025-004\"\n\n"
            )
        );
        assert_eq!(site.files(""), before, "nothing written for {nomor:?}");
    }
}

#[test]
fn new_twice_gives_two_files() {
    let site = Site::empty();
    assert_eq!(site.run(&["init", "situs"]).code, 0);
    let first = site.cmd("new", &["--judul", "Data X"]);
    let written = site.read("content/dik-2026-001.md");
    let second = site.cmd("new", &["--judul", "Data Y"]);
    assert_eq!((first.code, second.code), (0, 0));
    assert!(
        second
            .stdout
            .starts_with("Catatan baru: content/dik-2026-002.md\n")
    );
    assert_eq!(
        site.files("content").into_keys().collect::<Vec<_>>(),
        [
            "content/contoh.md",
            "content/dik-2026-001.md",
            "content/dik-2026-002.md"
        ]
    );
    assert_eq!(
        site.read("content/dik-2026-001.md"),
        written,
        "the first is kept"
    );
    assert!(
        site.read("content/dik-2026-002.md")
            .contains("nomor = \"DIK-2026-002\"\njudul = \"Data Y\"\n")
    );
}

#[test]
fn new_refuses_a_taken_nomor_and_a_missing_site() {
    let site = Site::empty();
    assert_eq!(site.run(&["init", "situs"]).code, 0);
    let before = site.files("");
    let taken = site.cmd("new", &["--nomor", "dik-contoh-2025-001"]);
    assert_eq!(taken.code, 2, "{}", taken.transcript());
    assert_eq!(site.files(""), before);

    let nowhere = Site::empty();
    let missing = nowhere.cmd("new", &["--judul", "Data X"]);
    assert_eq!(missing.code, 2);
    assert!(!nowhere.root.exists(), "new creates no site");
    insta::assert_snapshot!("new-refused", taken.transcript() + &missing.transcript());
}

// ---------------------------------------------------------------------------------------
// The build date
// ---------------------------------------------------------------------------------------

/// 2026-11-24 23:59:59 WITA (15:59:59 UTC) and one second later, 2026-11-25 00:00 WITA.
const EPOCH_LAST_SECOND_OF_24: &str = "1795535999";
const EPOCH_FIRST_SECOND_OF_25: &str = "1795536000";

fn future_codes(site: &Site, env: &[(&str, &str)], dated: bool) -> Vec<(String, String)> {
    let run = if dated {
        site.cmd_env("check", &["--format", "json"], env)
    } else {
        site.cmd_undated("check", &["--format", "json"], env)
    };
    // Only whether a decision lies in the future; such a decision also comes after the
    // record's publication step (E0805), which is not what these cases are about.
    parse_json(&run)
        .into_iter()
        .filter(|d| d.code == "E0230")
        .map(|d| (d.code, d.file))
        .collect()
}

#[test]
fn source_date_epoch_decides_the_build_date_in_the_site_zone() {
    let site = Site::fixture("decision-in-future");
    let e = |c: &str, f: &str| (c.to_string(), f.to_string());
    // Day 24 in the site's zone: the record decided on the 25th is in the future too.
    assert_eq!(
        future_codes(
            &site,
            &[("SOURCE_DATE_EPOCH", EPOCH_LAST_SECOND_OF_24)],
            false
        ),
        [
            e("E0230", "content/besok.md"),
            e("E0230", "content/hari-ini.md")
        ]
    );
    // Day 25 in WITA, still day 24 in UTC: the site's zone decides.
    assert_eq!(
        future_codes(
            &site,
            &[("SOURCE_DATE_EPOCH", EPOCH_FIRST_SECOND_OF_25)],
            false
        ),
        [e("E0230", "content/besok.md")]
    );
    // --tanggal wins over SOURCE_DATE_EPOCH.
    assert_eq!(
        future_codes(
            &site,
            &[("SOURCE_DATE_EPOCH", EPOCH_LAST_SECOND_OF_24)],
            true
        ),
        [e("E0230", "content/besok.md")]
    );
    // In WIB (UTC+7) the same instant is still the 24th.
    let config = site.read("daftar.toml") + "zona_waktu = \"Asia/Jakarta\"\n";
    site.write("daftar.toml", config);
    assert_eq!(
        future_codes(
            &site,
            &[("SOURCE_DATE_EPOCH", EPOCH_FIRST_SECOND_OF_25)],
            false
        ),
        [
            e("E0230", "content/besok.md"),
            e("E0230", "content/hari-ini.md")
        ]
    );

    let site = Site::fixture("decision-in-future");
    let human = site.cmd_undated(
        "check",
        &[],
        &[("SOURCE_DATE_EPOCH", EPOCH_LAST_SECOND_OF_24)],
    );
    assert_eq!(human.code, 1);
    insta::assert_snapshot!("source-date-epoch-future", human.transcript());
}

#[test]
fn source_date_epoch_dates_the_build() {
    let site = Site::fixture("valid-minimal");
    // 2025-11-25 00:00 UTC.
    let build = site.cmd_undated("build", &[], &[("SOURCE_DATE_EPOCH", "1764028800")]);
    assert_eq!(build.code, 0, "{}", build.transcript());
    assert!(
        build
            .stdout
            .starts_with("Situs dibangun untuk 25 November 2025:"),
        "{}",
        build.stdout
    );
}

#[test]
fn an_empty_source_date_epoch_counts_as_unset() {
    let site = Site::fixture("valid-minimal");
    let run = site.cmd_undated("check", &[], &[("SOURCE_DATE_EPOCH", "")]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(run.stderr, "");
}

#[test]
fn a_bad_source_date_epoch_exits_2() {
    let site = Site::fixture("valid-minimal");
    let mut transcript = String::new();
    for bad in ["kemarin", "1.5", "99999999999999999999"] {
        let run = site.cmd_undated("check", &[], &[("SOURCE_DATE_EPOCH", bad)]);
        assert_eq!(run.code, 2, "{}", run.transcript());
        assert!(run.stderr.contains("galat[E0506]"), "{}", run.stderr);
        transcript += &run.transcript();
    }
    let json = site.cmd_undated(
        "check",
        &["--format", "json"],
        &[("SOURCE_DATE_EPOCH", "kemarin")],
    );
    assert_eq!(json.code, 2);
    let diags = parse_json(&json);
    assert_eq!(codes(&diags), ["E0506"]);
    transcript += &json.transcript();
    // --tanggal makes the variable irrelevant.
    let dated = site.cmd_env("check", &[], &[("SOURCE_DATE_EPOCH", "kemarin")]);
    assert_eq!(dated.code, 0, "{}", dated.transcript());
    insta::assert_snapshot!("source-date-epoch-bad", transcript);
}

// ---------------------------------------------------------------------------------------
// Hostile input: exit 1 or 2, never a panic or a crash
// ---------------------------------------------------------------------------------------

fn hostile(name: &str, config: &[u8], record: &[u8]) -> Run {
    let site = Site::empty();
    site.write("daftar.toml", config);
    site.write(&format!("content/{name}.md"), record);
    let run = site.cmd("check", &[]);
    assert!(
        run.code == 1 || run.code == 2,
        "{name}: exit {}\n{}",
        run.code,
        run.stderr.chars().take(2000).collect::<String>()
    );
    assert!(!run.stderr.contains("panicked"), "{name}");
    assert!(
        run.stdout.starts_with("Pemeriksaan "),
        "{name}: a status line\n{}",
        run.stdout
    );
    let json = site.cmd("check", &["--format", "json"]);
    assert_eq!(json.code, run.code, "{name}");
    assert!(!parse_json(&json).is_empty(), "{name}");
    run
}

#[test]
fn hostile_inputs_never_panic() {
    let nested_open = format!("+++\nx = {}\n+++\n", "[".repeat(10_000));
    let nested_closed = format!(
        "+++\nx = {}{}\n+++\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let nested_tables = format!("+++\nx = {}\n+++\n", "{ a = ".repeat(10_000));
    let long_value = format!("+++\njudul = \"{}\"\n+++\n", "a".repeat(5_000_000));
    let long_line = "x".repeat(5_000_000);
    let base =
        fs::read_to_string(fixture_dir("valid-minimal").join("content/dik-uji-001.md")).unwrap();
    let huge_minutes = base.replace("menit = 28", "menit = 99999999999999999999");
    assert_ne!(huge_minutes, base);
    let huge_term = base.replace("{ tahun = 5 }", "{ tahun = 4294967295 }");
    let far_dates = base
        .replace("2025-03-10T08:30:00+08:00", "9999-12-31T23:59:59-23:59")
        .replace("{ tahun = 5 }", "{ sampai = 9999-12-31 }");
    let none = Vec::new;
    let cases: Vec<(&str, Vec<u8>, Vec<u8>, i32)> = vec![
        ("nested-open", none(), nested_open.into_bytes(), 1),
        ("nested-closed", none(), nested_closed.into_bytes(), 1),
        ("nested-tables", none(), nested_tables.into_bytes(), 1),
        ("long-value", none(), long_value.into_bytes(), 1),
        ("long-line", none(), long_line.into_bytes(), 1),
        ("only-delimiter", none(), b"+++".to_vec(), 1),
        ("delimiter-crlf", none(), b"+++\r\n+++\r\n".to_vec(), 1),
        (
            "nul",
            none(),
            b"+++\nnomor = \"A\0B\"\n\0\0\n+++\n\0".to_vec(),
            1,
        ),
        ("huge-minutes", none(), huge_minutes.into_bytes(), 1),
        ("huge-term", none(), huge_term.into_bytes(), 1),
        ("far-dates", none(), far_dates.into_bytes(), 1),
        ("bom-only", none(), b"\xef\xbb\xbf".to_vec(), 1),
        (
            "config-nul",
            b"judul = \"\0\"\n".to_vec(),
            base.clone().into_bytes(),
            2,
        ),
        (
            "config-nested",
            format!("judul = {}", "[".repeat(10_000)).into_bytes(),
            base.clone().into_bytes(),
            2,
        ),
        (
            "config-latin1",
            b"judul = \"caf\xe9\"\n".to_vec(),
            base.into_bytes(),
            2,
        ),
    ];
    for (name, config, record, exit) in &cases {
        let run = hostile(name, config, record);
        assert_eq!(run.code, *exit, "{name}");
    }
}
