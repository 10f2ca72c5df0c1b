//! Every row of the reference's table of diagnostic codes (`docs/reference.md`, "Diagnostic
//! codes") is what the real binary does: for each row, a copy of the sample register (or a
//! new site) broken in that one way makes `daftar --format json` report the row's code with
//! the row's letter (both letters for `W0307 / E0307` and `W0010 / E0010`), and the exit
//! code is the one the row and the reference's exit codes give: 2 where the row says
//! "(exit 2)", 1 for any other error, 0 when the code is a warning.
//!
//! The cases below are keyed by the code they trigger; a row without a case fails the test,
//! as does a case for a code (or an exit code) the table does not give.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use common::{BIN, DATE, copy_site, copy_tree};
use walkdir::WalkDir;

const REPO: &str = env!("CARGO_MANIFEST_DIR");
/// The record most cases break: a decision file's record (c.6 and j, five years).
const REC: &str = "content/dkisp/2025-004-konfigurasi-keamanan-pusat-data.md";
/// A record without a decision file (`ditetapkan`, `tempat`, `nomor_penetapan`).
const REC_OWN: &str = "content/dkisp/2023-006-kode-sumber-aplikasi-naskah-dinas.md";
/// The decision `REC` refers to.
const DEC: &str = "keputusan/2025-012-penetapan-dik.md";

// ---------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------

/// One row of the table: its number, its letters, its text.
#[derive(Debug)]
struct Row {
    number: u16,
    letters: Vec<char>,
    text: String,
}

impl Row {
    /// "(exit 2)" (or "(exit 2; …)"): the errors of this row end the run with exit code 2.
    fn exit_2(&self) -> bool {
        self.text.contains("(exit 2")
    }

    /// The exit code of a run that reports this row's code with `letter` and nothing worse.
    fn exit_for(&self, letter: char) -> i32 {
        match letter {
            'W' => 0,
            _ if self.exit_2() => 2,
            _ => 1,
        }
    }
}

/// The rows of the table of diagnostic codes; any line of the table that is not a row of
/// one code (or `W… / E…` of one number) fails, so no row is skipped unread.
fn table() -> Vec<Row> {
    let reference = std::fs::read_to_string(Path::new(REPO).join("docs/reference.md")).unwrap();
    let section = reference
        .split_once("### Diagnostic codes")
        .expect("the reference has a section `### Diagnostic codes`")
        .1;
    let section = section.split("\n## ").next().unwrap();
    let mut rows = Vec::new();
    for line in section.lines().filter(|l| l.starts_with('|')) {
        if line == "| code | rule |" || line == "|---|---|" {
            continue;
        }
        let cells: Vec<&str> = line.split(" | ").collect();
        assert_eq!(cells.len(), 2, "not a row of the code table: {line}");
        let first = cells[0].strip_prefix("| ").unwrap();
        let text = cells[1].strip_suffix(" |").expect(line).to_string();
        let mut letters = Vec::new();
        let mut number = None;
        for code in first.split(" / ") {
            let (letter, digits) = code.split_at(1);
            let letter = letter.chars().next().unwrap();
            assert!(
                matches!(letter, 'E' | 'W') && digits.len() == 4,
                "not a code: `{code}` in {line}"
            );
            let n: u16 = digits.parse().expect(line);
            assert!(
                number.is_none_or(|m| m == n),
                "two numbers in one row: {line}"
            );
            assert!(!letters.contains(&letter), "a letter twice: {line}");
            number = Some(n);
            letters.push(letter);
        }
        rows.push(Row {
            number: number.unwrap(),
            letters,
            text,
        });
    }
    rows
}

#[test]
fn the_code_table_has_one_row_per_code() {
    let rows = table();
    let listed: Vec<u16> = rows.iter().map(|r| r.number).collect();
    let unique: BTreeSet<u16> = listed.iter().copied().collect();
    assert_eq!(unique.len(), listed.len(), "a code has two rows");
    let known: BTreeSet<u16> = daftar::code::Code::ALL.iter().map(|c| c.number()).collect();
    assert_eq!(unique, known, "the table and the codes daftar has differ");
}

// ---------------------------------------------------------------------------------------
// Scratch sites and runs of the binary
// ---------------------------------------------------------------------------------------

/// A site folder (`site/` in a temporary folder, so that something can lie outside it).
struct Scratch {
    tmp: tempfile::TempDir,
    root: PathBuf,
}

impl Drop for Scratch {
    fn drop(&mut self) {
        writable_tree(self.tmp.path());
    }
}

/// Makes everything under `dir` writable again (published bags are read-only).
fn writable_tree(dir: &Path) {
    for e in WalkDir::new(dir).into_iter().flatten() {
        writable(e.path());
    }
}

fn writable(path: &Path) {
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        if meta.file_type().is_symlink() {
            return;
        }
        let mut p = meta.permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        p.set_readonly(false);
        std::fs::set_permissions(path, p).unwrap();
    }
}

/// What one run printed: its exit code (`None`: killed) and its diagnostics.
struct Run {
    args: String,
    exit: Option<i32>,
    stdout: String,
    stderr: String,
    /// (code, file) of every diagnostic of the JSON document on standard output.
    diagnostics: Vec<(String, String)>,
}

impl Run {
    fn transcript(&self) -> String {
        format!(
            "$ daftar {}\nexit {:?}\n--- stdout\n{}--- stderr\n{}",
            self.args, self.exit, self.stdout, self.stderr
        )
    }
}

impl Scratch {
    /// A folder where a site may be made (nothing in it yet).
    fn empty() -> Scratch {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        Scratch { tmp, root }
    }

    /// A copy of the sample register: `daftar.toml`, `content/`, `keputusan/`.
    fn sample() -> Scratch {
        let s = Scratch::empty();
        copy_site(
            Path::new(REPO),
            &s.root,
            &["daftar.toml", "content", "keputusan"],
        );
        s
    }

    /// A copy of a site (with its archive).
    fn copy_of(site: &Path) -> Scratch {
        let s = Scratch::empty();
        copy_tree(site, &s.root);
        s
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }

    /// Replaces `from` (which must occur exactly once) with `to` in a file.
    fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = self.read(rel);
        assert_eq!(text.matches(from).count(), 1, "{rel}: {from:?}");
        self.write(rel, text.replacen(from, to, 1));
    }

    /// Adds `line` after the line that starts with `after` (exactly one).
    fn insert_after(&self, rel: &str, after: &str, line: &str) {
        let text = self.read(rel);
        let starts: Vec<usize> = text
            .match_indices(&format!("\n{after}"))
            .map(|(i, _)| i + 1)
            .collect();
        assert_eq!(starts.len(), 1, "{rel}: {after:?}");
        let end = starts[0] + text[starts[0]..].find('\n').unwrap() + 1;
        self.write(rel, format!("{}{line}\n{}", &text[..end], &text[end..]));
    }

    fn rename(&self, from: &str, to: &str) {
        std::fs::create_dir_all(self.path(to).parent().unwrap()).unwrap();
        std::fs::rename(self.path(from), self.path(to)).unwrap();
    }

    /// `daftar ARGS --root SITE --format json` (and `--tanggal DATE` unless ARGS has one).
    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.args(args)
            .arg("--root")
            .arg(&self.root)
            .args(["--format", "json"])
            .env("NO_COLOR", "1")
            .env_remove("SOURCE_DATE_EPOCH")
            .env_remove("DAFTAR_FAULT")
            .env_remove("DAFTAR_LOCK_WAIT");
        if !args.contains(&"--tanggal") {
            cmd.args(["--tanggal", DATE]);
        }
        cmd
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_env(args, &[])
    }

    fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut cmd = self.command(args);
        cmd.envs(env.iter().copied()).stdin(Stdio::null());
        let out = cmd.output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let diagnostics = match stdout.lines().find(|l| l.starts_with('{')) {
            Some(json) => {
                let doc: serde_json::Value =
                    serde_json::from_str(json).unwrap_or_else(|e| panic!("not JSON ({e}): {json}"));
                doc["diagnostics"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|d| {
                        (
                            d["code"].as_str().unwrap().to_string(),
                            d["file"].as_str().unwrap_or("").to_string(),
                        )
                    })
                    .collect()
            }
            None => Vec::new(),
        };
        Run {
            args: args.join(" "),
            exit: out.status.code(),
            stdout,
            stderr,
            diagnostics,
        }
    }

    /// Replaces a file of a published bag (read-only, as a tamperer with write access would).
    fn tamper(&self, rel: &str, edit: impl FnOnce(String) -> String) {
        let path = self.path(rel);
        writable(path.parent().unwrap());
        writable(&path);
        let text = std::fs::read_to_string(&path).unwrap();
        let changed = edit(text.clone());
        assert_ne!(text, changed, "{rel}");
        std::fs::remove_file(&path).unwrap();
        std::fs::write(&path, changed).unwrap();
    }

    /// Writes a bag's tag manifest again from its tag files as they are now: the tamperer
    /// who also re-hashes, so that only what the rehash cannot hide is reported.
    fn rehash_tagmanifest(&self, bag: &str) {
        let dir = self.path(bag);
        self.tamper(&format!("{bag}/tagmanifest-sha256.txt"), |old| {
            old.lines()
                .map(|l| {
                    let file = l.split_once("  ").unwrap().1;
                    let bytes = std::fs::read(dir.join(file)).unwrap();
                    format!("{}  {file}\n", daftar::source::sha256_hex(&bytes))
                })
                .collect()
        });
    }
}

/// What the cases share: a site with two published versions, copied by the `verify` cases.
struct Ctx {
    published: Scratch,
}

impl Ctx {
    fn new() -> Ctx {
        let published = Scratch::sample();
        let first = published.run(&["publish", "--catatan", "Penerbitan pertama"]);
        assert_eq!(first.exit, Some(0), "{}", first.transcript());
        published.edit(
            "content/bkd/2024-005-data-pribadi-asn.md",
            "judul = \"Data pribadi Aparatur",
            "judul = \"Data pribadi seluruh Aparatur",
        );
        let second = published.run(&["publish", "--catatan", "Perbaikan judul"]);
        assert_eq!(second.exit, Some(0), "{}", second.transcript());
        Ctx { published }
    }

    /// A copy of the published site (`archive/v0001`, `archive/v0002`).
    fn published(&self) -> Scratch {
        Scratch::copy_of(&self.published.root)
    }
}

// ---------------------------------------------------------------------------------------
// The cases
// ---------------------------------------------------------------------------------------

/// One way to make daftar report `code`.
struct Case {
    /// The code as printed (`E0101`, `W0307`).
    code: &'static str,
    /// The exit code, when it is not the one the row gives for its main case (a side case
    /// the row names, such as `daftar new --nomor`): the row's text must say `exit N`.
    exit: Option<i32>,
    /// The file the diagnostic must name (empty: any).
    file: &'static str,
    run: fn(&Ctx) -> Run,
}

const fn case(code: &'static str, file: &'static str, run: fn(&Ctx) -> Run) -> Case {
    Case {
        code,
        exit: None,
        file,
        run,
    }
}

/// The sample register with one edit of a record, then `check`.
fn check_edited(rel: &str, from: &str, to: &str) -> Run {
    let s = Scratch::sample();
    s.edit(rel, from, to);
    s.run(&["check"])
}

fn check_inserted(rel: &str, after: &str, line: &str) -> Run {
    let s = Scratch::sample();
    s.insert_after(rel, after, line);
    s.run(&["check"])
}

fn cases() -> Vec<Case> {
    vec![
        // 00xx: files and folders
        case("W0001", "content/dkisp/telaahan.docx", |_| {
            let s = Scratch::sample();
            s.write("content/dkisp/telaahan.docx", "PK\u{3}\u{4}");
            s.run(&["check"])
        }),
        case("E0002", "content", |_| {
            let s = Scratch::sample();
            std::fs::remove_dir_all(s.path("content")).unwrap();
            s.run(&["check"])
        }),
        case("E0003", REC, |_| {
            let s = Scratch::sample();
            // Latin-1, as an old editor saves it: `é` is the single byte 0xE9.
            let mut bytes = s.read(REC).into_bytes();
            let at = bytes.windows(11).position(|w| w == b"Konfigurasi").unwrap();
            bytes.splice(at..at, *b"caf\xe9 ");
            s.write(REC, bytes);
            s.run(&["check"])
        }),
        case("E0004", REC, |_| {
            let s = Scratch::sample();
            s.write(REC, "");
            s.run(&["check"])
        }),
        case("E0005", REC, |_| {
            let s = Scratch::sample();
            let text = s.read(REC);
            s.write(REC, text.strip_prefix("+++\n").unwrap());
            s.run(&["check"])
        }),
        case("E0006", REC, |_| {
            check_edited(
                REC,
                "\n+++\n\nKonfigurasi keamanan",
                "\n\nKonfigurasi keamanan",
            )
        }),
        case("W0007", "content", |_| {
            let s = Scratch::sample();
            std::fs::remove_dir_all(s.path("content")).unwrap();
            std::fs::create_dir(s.path("content")).unwrap();
            s.run(&["check"])
        }),
        case("E0008", "content/luar.md", |_| {
            let s = Scratch::sample();
            let outside = s.tmp.path().join("luar.md");
            std::fs::write(&outside, s.read(REC)).unwrap();
            std::os::unix::fs::symlink(&outside, s.path("content/luar.md")).unwrap();
            s.run(&["check"])
        }),
        case("E0009", "content/dkisp/diskon 100%.md", |_| {
            let s = Scratch::sample();
            s.rename(REC, "content/dkisp/diskon 100%.md");
            s.run(&["check"])
        }),
        case("W0010", "content/contoh.md", |_| {
            let s = Scratch::empty();
            let init = s.run(&["init"]);
            assert_eq!(init.exit, Some(0), "{}", init.transcript());
            s.run(&["check"])
        }),
        case("E0010", "content/contoh.md", |_| {
            let s = Scratch::empty();
            let init = s.run(&["init"]);
            assert_eq!(init.exit, Some(0), "{}", init.transcript());
            s.run(&["publish"])
        }),
        // 01xx: TOML and field shapes
        case("E0101", REC, |_| {
            check_edited(
                REC,
                "jangka_waktu = { tahun = 5 }",
                "jangka_waktu = { tahun = 5",
            )
        }),
        case("E0102", REC, |_| {
            check_inserted(REC, "jangka_waktu = ", "klasifikasi = \"rahasia\"")
        }),
        case("E0103", REC, |_| {
            check_edited(
                REC,
                "unit = \"Bidang Persandian dan Keamanan Informasi, DKISP\"\n",
                "",
            )
        }),
        case("E0104", REC, |_| {
            check_edited(REC, "jangka_waktu = { tahun = 5 }", "jangka_waktu = 5")
        }),
        case("E0105", REC, |_| {
            check_edited(
                REC,
                "unit = \"Bidang Persandian dan Keamanan Informasi, DKISP\"",
                "unit = \"  \"",
            )
        }),
        case("E0106", REC, |_| {
            check_edited(REC, "pasal_17 = [\"c.6\", \"j\"]", "pasal_17 = []")
        }),
        case("E0107", REC, |_| {
            // A TOML escape: the text holds the control character BEL.
            check_edited(REC, "judul = \"Konfigurasi", "judul = \"\\u0007Konfigurasi")
        }),
        // 02xx: the record's own fields
        case("E0201", REC, |_| {
            check_edited(
                REC,
                "nomor = \"DIK-DKISP-2025-004\"",
                "nomor = \"DIK DKISP 2025 004\"",
            )
        }),
        Case {
            exit: Some(2),
            ..case("E0201", "", |_| {
                Scratch::sample().run(&["new", "--nomor", "DIK DKISP 2026 001"])
            })
        },
        case("E0202", REC, |_| {
            check_edited(
                REC,
                "nomor = \"DIK-DKISP-2025-004\"",
                "nomor = \"dik-bkd-2024-005\"",
            )
        }),
        Case {
            exit: Some(2),
            ..case("E0202", "content", |_| {
                Scratch::sample().run(&["new", "--nomor", "DIK-BKD-2024-005"])
            })
        },
        case(
            "E0203",
            "content/dkisp/2025_004-konfigurasi-keamanan-pusat-data.md",
            |_| {
                let s = Scratch::sample();
                let text = s
                    .read(REC)
                    .replace("DIK-DKISP-2025-004", "DIK-DKISP-2025-104");
                s.write(
                    "content/dkisp/2025_004-konfigurasi-keamanan-pusat-data.md",
                    text,
                );
                s.run(&["check"])
            },
        ),
        case("E0204", "content/riwayat.md", |_| {
            let s = Scratch::sample();
            s.rename(REC, "content/riwayat.md");
            s.run(&["check"])
        }),
        case("E0205", "", |_| {
            let s = Scratch::sample();
            s.rename(
                REC,
                &format!("content/{}/{}.md", "a".repeat(130), "b".repeat(130)),
            );
            s.run(&["check"])
        }),
        case("E0211", REC, |_| {
            check_edited(
                REC,
                "pasal_17 = [\"c.6\", \"j\"]",
                "pasal_17 = [\"c.6\", \"j\", \"k\"]",
            )
        }),
        case("E0212", REC, |_| {
            check_edited(
                REC,
                "pasal_17 = [\"c.6\", \"j\"]",
                "pasal_17 = [\"c.8\", \"j\"]",
            )
        }),
        case("W0213", REC, |_| {
            check_edited(
                REC,
                "pasal_17 = [\"c.6\", \"j\"]",
                "pasal_17 = [\"c.6\", \"j\", \"c.6\"]",
            )
        }),
        case("W0214", REC, |_| {
            let s = Scratch::sample();
            s.edit(
                REC,
                "pasal_17 = [\"c.6\", \"j\"]",
                "pasal_17 = [\"c\", \"j\"]",
            );
            s.edit(REC, "huruf c angka 6 UU", "huruf c UU");
            s.run(&["check"])
        }),
        case("W0215", REC, |_| {
            check_inserted(
                REC,
                "  \"Pasal 17 huruf j UU",
                "  \"Pasal 17 huruf b UU 14/2008\",",
            )
        }),
        case("W0216", REC, |_| {
            let s = Scratch::sample();
            let text = s.read(REC);
            let kept: Vec<&str> = text
                .lines()
                .filter(|l| !(l.starts_with("  \"Pasal ") && l.contains("UU 27/2022")))
                .filter(|l| !(l.starts_with("  \"Pasal ") && l.contains("UU 11/2008")))
                .collect();
            assert_eq!(kept.len() + 2, text.lines().count());
            s.write(REC, kept.join("\n") + "\n");
            s.run(&["check"])
        }),
        case("E0220", REC, |_| {
            check_edited(
                REC,
                "jangka_waktu = { tahun = 5 }",
                "jangka_waktu = { tahun = 5, bulan = 6 }",
            )
        }),
        case("E0221", REC, |_| {
            check_edited(
                REC,
                "jangka_waktu = { tahun = 5 }",
                "jangka_waktu = \"permanen\"",
            )
        }),
        case(
            "E0222",
            "content/inspektorat/2023-004-identitas-pelapor-pengaduan.md",
            |_| {
                check_edited(
                    "content/inspektorat/2023-004-identitas-pelapor-pengaduan.md",
                    "jangka_waktu = { tahun = 30 }",
                    "jangka_waktu = { tahun = 31 }",
                )
            },
        ),
        case("E0223", REC, |_| {
            check_edited(
                REC,
                "jangka_waktu = { tahun = 5 }",
                "jangka_waktu = { tahun = 0 }",
            )
        }),
        case("E0224", REC, |_| {
            check_edited(
                REC,
                "jangka_waktu = { tahun = 5 }",
                "jangka_waktu = { sampai = 2025-03-01 }",
            )
        }),
        case("E0225", REC, |_| {
            check_edited(
                REC,
                "jangka_waktu = { tahun = 5 }",
                "jangka_waktu = { tahun = 300000 }",
            )
        }),
        case(
            "E0226",
            "content/inspektorat/2025-006-laporan-hasil-audit-investigatif.md",
            |_| {
                check_edited(
                    "content/inspektorat/2025-006-laporan-hasil-audit-investigatif.md",
                    ", paling_lama = 2055-03-07 }",
                    " }",
                )
            },
        ),
        case("E0230", REC_OWN, |_| {
            check_edited(
                REC_OWN,
                "ditetapkan = 2023-08-08",
                "ditetapkan = 2026-12-01",
            )
        }),
        case("W0231", REC, |_| {
            check_edited(
                REC,
                "jangka_waktu = { tahun = 5 }",
                "jangka_waktu = { tahun = 1 }",
            )
        }),
        case("W0232", REC, |_| {
            check_edited(
                REC,
                "jangka_waktu = { tahun = 5 }",
                "jangka_waktu = { sampai = 2026-12-20 }",
            )
        }),
        case("E0233", REC, |_| {
            check_inserted(
                REC,
                "keputusan = ",
                "dibuka = { tanggal = 2025-01-02, dasar = \"penetapan_ppid\" }",
            )
        }),
        // 03xx: SOP timing
        case("E0301", REC, |_| {
            check_edited(
                REC,
                "  { no = 3, mulai = 2025-03-10T09:30:00+08:00, menit = 25, oleh = \"Tim Teknis Pusat Data Provinsi\" },\n",
                "",
            )
        }),
        case("E0302", REC, |_| {
            check_inserted(
                REC,
                "  { no = 8,",
                "  { no = 8, mulai = 2025-03-12T10:45:00+08:00, menit = 10 },",
            )
        }),
        case("E0303", REC, |_| {
            check_inserted(
                REC,
                "  { no = 8,",
                "  { no = 9, mulai = 2025-03-12T11:00:00+08:00, menit = 10 },",
            )
        }),
        case("E0304", REC, |_| {
            check_edited(
                REC,
                "{ no = 2, mulai = 2025-03-10T09:05:00+08:00, menit = 15 }",
                "{ no = 2, mulai = 2025-03-10T09:05:00+08:00, menit = 0 }",
            )
        }),
        case("E0305", REC, |_| {
            check_edited(
                REC,
                "{ no = 1, mulai = 2025-03-10T08:30:00+08:00,",
                "{ no = 1, mulai = 2025-03-10,",
            )
        }),
        case("E0306", REC, |_| {
            check_edited(
                REC,
                "{ no = 2, mulai = 2025-03-10T09:05:00+08:00,",
                "{ no = 2, mulai = 2025-03-10T08:50:00+08:00,",
            )
        }),
        case("W0307", REC, |_| {
            check_edited(
                REC,
                "{ no = 4, mulai = 2025-03-10T10:00:00+08:00, menit = 40 }",
                "{ no = 4, mulai = 2025-03-10T10:00:00+08:00, menit = 44 }",
            )
        }),
        case(
            "E0307",
            "content/inspektorat/2023-004-identitas-pelapor-pengaduan.md",
            |_| {
                check_edited(
                    "daftar.toml",
                    "melebihi_mutu_baku = \"peringatan\"",
                    "melebihi_mutu_baku = \"galat\"",
                )
            },
        ),
        // 04xx: sign-offs (the Petugas PPID's NIP is "19930709 201903 1 004")
        case("E0401", REC, |_| {
            check_edited(REC, "\"19930709 201903 1 004\"", "\"19930709 201903 1 04\"")
        }),
        case("E0402", REC, |_| {
            check_edited(
                REC,
                "\"19930709 201903 1 004\"",
                "\"19930230 201903 1 004\"",
            )
        }),
        case("E0403", REC, |_| {
            check_edited(
                REC,
                "\"19930709 201903 1 004\"",
                "\"19930709 201913 1 004\"",
            )
        }),
        case("E0404", REC, |_| {
            check_edited(
                REC,
                "\"19930709 201903 1 004\"",
                "\"19930709 201903 3 004\"",
            )
        }),
        case("E0405", REC, |_| {
            check_edited(
                REC,
                "\"19930709 201903 1 004\"",
                "\"19930709 201903 1 000\"",
            )
        }),
        case("E0406", REC, |_| {
            // The Atasan PPID's NIP is the PPID Utama's: one person signs twice.
            check_edited(
                REC,
                "\"19690217 199403 1 004\"",
                "\"19760814 200112 1 003\"",
            )
        }),
        case("E0407", REC, |_| {
            // The Petugas PPID signs after the PPID Utama (13:20), still after step 5 ends.
            check_edited(
                REC,
                "tanggal = 2025-03-10T11:40:00+08:00",
                "tanggal = 2025-03-10T13:30:00+08:00",
            )
        }),
        case("E0408", REC, |_| {
            // Step 5, which the Petugas PPID's sign-off closes, runs 10:45–11:25.
            check_edited(
                REC,
                "tanggal = 2025-03-10T11:40:00+08:00",
                "tanggal = 2025-03-10T11:00:00+08:00",
            )
        }),
        case("E0409", REC, |_| {
            // Publication (step 8) before the Atasan PPID signs (12 March, 10:00).
            check_edited(
                REC,
                "{ no = 8, mulai = 2025-03-12T10:30:00+08:00,",
                "{ no = 8, mulai = 2025-03-12T09:30:00+08:00,",
            )
        }),
        case("W0410", REC, |_| {
            // Appointed in 2009, born in 1993.
            check_edited(
                REC,
                "\"19930709 201903 1 004\"",
                "\"19930709 200903 1 004\"",
            )
        }),
        // 05xx: the site's configuration
        case("E0501", "daftar.toml", |_| {
            let s = Scratch::sample();
            std::fs::remove_file(s.path("daftar.toml")).unwrap();
            s.run(&["check"])
        }),
        case("E0502", "daftar.toml", |_| {
            check_edited(
                "daftar.toml",
                "zona_waktu = \"Asia/Makassar\"",
                "zona_waktu = \"Europe/Paris\"",
            )
        }),
        case("E0503", "daftar.toml", |_| {
            check_edited("daftar.toml", "tema = \"default\"", "tema = \"kantor\"")
        }),
        case("E0504", "daftar.toml", |_| {
            check_edited("daftar.toml", "publik = \"public\"", "publik = \"content\"")
        }),
        case("E0505", "daftar.toml", |_| {
            check_inserted(
                "daftar.toml",
                "melebihi_mutu_baku = ",
                "penutup = { petugas_ppid = 5, ppid_utama = 6, atasan_ppid = 7, publikasi = 9 }",
            )
        }),
        case("E0506", "", |_| {
            Scratch::sample().run(&["check", "--tanggal", "1969-12-31"])
        }),
        case("E0507", "daftar.toml", |_| Scratch::sample().run(&["init"])),
        case("W0508", "daftar.toml", |_| {
            let s = Scratch::sample();
            s.edit("daftar.toml", "\nsurel = ", "\n# surel = ");
            s.edit("daftar.toml", "\nalamat = ", "\n# alamat = ");
            s.run(&["check"])
        }),
        // 06xx: rendering and writing
        case(
            "E0601",
            "themes/default/templates/public/index.html",
            |_| {
                let s = Scratch::sample();
                copy_tree(
                    &Path::new(REPO).join("tests/fixtures/template-error/themes"),
                    &s.path("themes"),
                );
                s.run(&["build"])
            },
        ),
        case("E0602", "", |_| {
            // A file where the internal folder's parent must be (fails even for root).
            let s = Scratch::sample();
            s.write("blok", "bukan folder");
            s.edit(
                "daftar.toml",
                "internal = \"internal\"",
                "internal = \"blok/internal\"",
            );
            s.run(&["build"])
        }),
        case("W0603", ".daftar", |_| {
            let s = Scratch::sample();
            let killed = s.run_env(&["build"], &[("DAFTAR_FAULT", "journal")]);
            assert_eq!(killed.exit, None, "{}", killed.transcript());
            s.run(&["check"])
        }),
        case("E0604", "", |_| {
            let s = Scratch::sample();
            let release = s.tmp.path().join("lanjut");
            let mut holder = s.command(&["build"]);
            holder.stdout(Stdio::null()).stderr(Stdio::null());
            let mut first =
                common::spawn_holding_lock(holder, &s.root, "build", "staged", &release);
            let second = s.run_env(&["build"], &[("DAFTAR_LOCK_WAIT", "0")]);
            std::fs::write(&release, "").unwrap();
            assert!(first.wait().unwrap().success());
            second
        }),
        // 07xx: the archive (a copy of a site with v0001 and v0002)
        case("E0701", "archive/v0002/data/public/index.html", |ctx| {
            let s = ctx.published();
            s.tamper("archive/v0002/data/public/index.html", |t| {
                t.replacen("Dikecualikan", "Dikecualikan ", 1)
            });
            s.run(&["verify"])
        }),
        case(
            "E0702",
            "archive/v0001/data/source/content/bkd/2024-005-data-pribadi-asn.md",
            |ctx| {
                let s = ctx.published();
                writable(&s.path("archive/v0001/data/source/content/bkd"));
                std::fs::remove_file(
                    s.path("archive/v0001/data/source/content/bkd/2024-005-data-pribadi-asn.md"),
                )
                .unwrap();
                s.run(&["verify"])
            },
        ),
        case("E0703", "archive/v0002/data/public/tambahan.html", |ctx| {
            let s = ctx.published();
            writable(&s.path("archive/v0002/data/public"));
            s.write("archive/v0002/data/public/tambahan.html", "<p>palsu</p>");
            s.run(&["verify"])
        }),
        case("E0703", "archive/v0000", |ctx| {
            // A copy of a version under a name that is no version's.
            let s = ctx.published();
            writable(&s.path("archive"));
            copy_tree(&s.path("archive/v0001"), &s.path("archive/v0000"));
            s.run(&["verify"])
        }),
        case("E0704", "archive/v0002/bag-info.txt", |ctx| {
            // v0001 altered and re-hashed inside: only the link v0002 holds shows it.
            let s = ctx.published();
            s.tamper("archive/v0001/bag-info.txt", |t| {
                t.replace("Penerbitan pertama", "Penerbitan ulang")
            });
            s.rehash_tagmanifest("archive/v0001");
            s.run(&["verify"])
        }),
        case("E0705", "archive/v0002/bagit.txt", |ctx| {
            let s = ctx.published();
            s.tamper("archive/v0002/bagit.txt", |t| t.replace("1.0", "0.97"));
            s.rehash_tagmanifest("archive/v0002");
            s.run(&["verify"])
        }),
        case("E0705", "archive", |_| {
            let s = Scratch::sample();
            s.write("archive", "bukan folder");
            s.run(&["verify"])
        }),
        case("W0706", "archive/.daftar-bag-v0003", |ctx| {
            let s = ctx.published();
            writable(&s.path("archive"));
            s.write(
                "archive/.daftar-bag-v0003/bagit.txt",
                "BagIt-Version: 1.0\n",
            );
            s.run(&["verify"])
        }),
        case("E0707", "archive/v0001/tagmanifest-sha256.txt", |ctx| {
            let zeros = format!("v0001={}", "0".repeat(64));
            ctx.published().run(&["verify", "--sidik", &zeros])
        }),
        // 08xx: decisions
        case("E0801", REC, |_| {
            check_edited(
                REC,
                "keputusan = \"188.4/012/DKISP/III/2025\"",
                "keputusan = \"188.4/012/DKISP/III/2052\"",
            )
        }),
        case("E0802", REC, |_| {
            check_inserted(REC, "keputusan = ", "ditetapkan = 2025-03-08")
        }),
        case("W0803", REC_OWN, |_| {
            check_edited(
                REC_OWN,
                "nomor_penetapan = \"188.4/027/DKISP/VIII/2023\"\n",
                "",
            )
        }),
        case("E0804", DEC, |_| {
            // The consequence test (26 February) after the approval (4 March).
            check_edited(DEC, "tanggal = 2025-02-26", "tanggal = 2025-03-05")
        }),
        case("E0805", REC, |_| {
            // The decision dated after the record's publication step (12 March).
            check_edited(DEC, "tanggal = 2025-03-07", "tanggal = 2025-03-13")
        }),
        case("E0806", "keputusan/2025-012-salinan.md", |_| {
            let s = Scratch::sample();
            s.write("keputusan/2025-012-salinan.md", s.read(DEC));
            s.run(&["check"])
        }),
        case("E0807", "keputusan/2026-009-penetapan-dik.md", |_| {
            check_edited(
                "keputusan/2026-009-penetapan-dik.md",
                "tanggal = 2026-03-10",
                "tanggal = 2026-12-01",
            )
        }),
        case("E0808", "keputusan/2025_012-penetapan-dik.md", |_| {
            let s = Scratch::sample();
            let copy = s
                .read(DEC)
                .replace("188.4/012/DKISP/III/2025", "188.4/013/DKISP/III/2025");
            s.write("keputusan/2025_012-penetapan-dik.md", copy);
            s.run(&["check"])
        }),
    ]
}

// ---------------------------------------------------------------------------------------
// The test
// ---------------------------------------------------------------------------------------

/// What is wrong with one case's run (nothing: `Ok`).
fn judge(case: &Case, rows: &BTreeMap<u16, &Row>, run: &Run) -> Result<(), String> {
    let letter = case.code.chars().next().unwrap();
    let number: u16 = case.code[1..].parse().unwrap();
    let row = rows
        .get(&number)
        .ok_or_else(|| format!("the table has no row for {}", case.code))?;
    if !row.letters.contains(&letter) {
        return Err(format!("the table gives {:?}, not {letter}", row.letters));
    }
    let expected_exit = match case.exit {
        Some(n) if row.text.contains(&format!("exit {n}")) => n,
        Some(n) => return Err(format!("the row does not say `exit {n}`: {}", row.text)),
        None => row.exit_for(letter),
    };
    let mut problems = Vec::new();
    if run.exit != Some(expected_exit) {
        problems.push(format!("exit {:?}, expected {expected_exit}", run.exit));
    }
    let reported = run
        .diagnostics
        .iter()
        .any(|(code, file)| code == case.code && (case.file.is_empty() || file == case.file));
    if !reported {
        problems.push(if case.file.is_empty() {
            format!("no {} reported", case.code)
        } else {
            format!("no {} reported for {}", case.code, case.file)
        });
    }
    // The same rule with the other letter: a severity the table does not give, or both
    // severities of a `W… / E…` row in one run.
    for (code, file) in &run.diagnostics {
        if code[1..] == case.code[1..] && code != case.code {
            problems.push(format!("{code} reported ({file})"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

#[test]
fn every_row_of_the_code_table_is_what_the_binary_reports() {
    let started = Instant::now();
    let table = table();
    let rows: BTreeMap<u16, &Row> = table.iter().map(|r| (r.number, r)).collect();
    let cases = cases();

    // Every row, with every letter it gives, has its main case; a row that names a side
    // case with exit 2 (`daftar new --nomor`) has that case too.
    let mut uncovered = Vec::new();
    for row in &table {
        for letter in &row.letters {
            let code = format!("{letter}{:04}", row.number);
            if !cases.iter().any(|c| c.code == code && c.exit.is_none()) {
                uncovered.push(code);
            }
        }
        if row.text.contains("exit 2") && !row.exit_2() {
            let also = cases
                .iter()
                .any(|c| c.code[1..] == format!("{:04}", row.number) && c.exit == Some(2));
            if !also {
                uncovered.push(format!("{:04} with exit 2", row.number));
            }
        }
    }
    assert!(
        uncovered.is_empty(),
        "rows of docs/reference.md without a case here: {uncovered:?}"
    );

    let ctx = Ctx::new();
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let timings = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 4);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(case) = cases.get(i) else { break };
                    let t = Instant::now();
                    let outcome =
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (case.run)(&ctx)));
                    timings.lock().unwrap().push((t.elapsed(), case.code));
                    let failure = match outcome {
                        Ok(run) => judge(case, &rows, &run)
                            .err()
                            .map(|why| format!("{why}\n{}", run.transcript())),
                        Err(panic) => Some(format!(
                            "the case itself failed: {}",
                            panic
                                .downcast_ref::<String>()
                                .cloned()
                                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                                .unwrap_or_default()
                        )),
                    };
                    if let Some(f) = failure {
                        let exit = case.exit.map_or(String::new(), |n| format!(" (exit {n})"));
                        failures
                            .lock()
                            .unwrap()
                            .push(format!("{}{exit}: {f}", case.code));
                    }
                }
            });
        }
    });
    let mut slow = timings.into_inner().unwrap();
    slow.sort();
    eprintln!(
        "{} cases in {:.1} s; slowest: {:?}",
        cases.len(),
        started.elapsed().as_secs_f64(),
        slow.iter().rev().take(3).collect::<Vec<_>>()
    );
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}
