//! Crash safety and concurrency, on the real binary: `build` and `publish` are stopped
//! at every step of their write (`DAFTAR_FAULT`, see `src/write/fault.rs`: the process
//! aborts there, as under `kill -9`), and killed at increasing delays; two writers run
//! at once. After each, the next command (any command) must finish or roll back what
//! was interrupted and say so, and the site must be whole:
//! - the archive verifies, and every file of a published version is still read-only;
//! - `public/` and `internal/` are those of one build: the old ones, or the new ones,
//!   and after a publish exactly the newest version's `data/public` and `data/internal`;
//! - `.daftar/` holds nothing but its lock.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{BIN, DATE, copy_site, copy_tree};
use daftar::source::sha256_hex;
use tempfile::TempDir;
use walkdir::WalkDir;

const RECORD: &str = "content/bkd/2024-005-data-pribadi-asn.md";
const HISTORY: &str = "riwayat/index.html";

/// The points of a build's write, in order (`src/write/fault.rs`).
const BUILD_POINTS: &[&str] = &[
    "staging",
    "staged",
    "journal",
    "move-0-aside",
    "move-0-in",
    "move-1-aside",
    "move-1-in",
    "committed",
];

/// The points of a publish's write: the bag, then the outputs, then the moves (the
/// version first).
const PUBLISH_POINTS: &[&str] = &[
    "bag-staging",
    "staging",
    "staged",
    "journal",
    "move-0-in",
    "move-1-aside",
    "move-1-in",
    "move-2-aside",
    "move-2-in",
    "committed",
];

/// Points reached after the journal is saved: from there the write is finished.
fn after_journal(points: &[&str], point: &str) -> bool {
    let at = |p: &str| points.iter().position(|x| *x == p).unwrap();
    at(point) >= at("journal")
}

fn sample(dir: &Path) -> PathBuf {
    let root = dir.join("situs");
    copy_site(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &root,
        &["daftar.toml", "content", "keputusan"],
    );
    root
}

fn command(root: &Path, args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .args(["--tanggal", DATE, "--root"])
        .arg(root)
        .env("NO_COLOR", "1")
        .env_remove("DAFTAR_FAULT");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

fn run(root: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    command(root, args, env).output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn ok(root: &Path, args: &[&str]) -> Output {
    let out = run(root, args, &[]);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    out
}

fn append(root: &Path, text: &str) {
    use std::io::Write;
    std::fs::OpenOptions::new()
        .append(true)
        .open(root.join(RECORD))
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
}

/// Every file under `dir` with its bytes; `None` when `dir` is missing.
fn tree(dir: &Path) -> Option<BTreeMap<String, Vec<u8>>> {
    if !dir.is_dir() {
        return None;
    }
    Some(
        WalkDir::new(dir)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(dir).unwrap();
                (
                    rel.to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect(),
    )
}

type Outputs = (
    Option<BTreeMap<String, Vec<u8>>>,
    Option<BTreeMap<String, Vec<u8>>>,
);

fn outputs(root: &Path) -> Outputs {
    (tree(&root.join("public")), tree(&root.join("internal")))
}

fn versions(root: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root.join("archive"))
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// What `.daftar/` holds once no write is under way.
fn work_files(root: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root.join(".daftar"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Files of the archive that can be written to (none may be).
#[cfg(unix)]
fn writable_in_archive(root: &Path) -> Vec<String> {
    use std::os::unix::fs::PermissionsExt;
    WalkDir::new(root.join("archive"))
        .min_depth(1)
        .into_iter()
        .flatten()
        .filter(|e| e.metadata().unwrap().permissions().mode() & 0o222 != 0)
        .map(|e| e.path().display().to_string())
        .collect()
}

/// The site after a write was interrupted and the next command has run: the archive
/// verifies and stays read-only, the outputs are the newest version's, `.daftar/` is
/// empty but for its lock.
fn assert_whole_after_publish(root: &Path, what: &str) {
    let verify = run(root, &["verify"], &[]);
    assert_eq!(verify.status.code(), Some(0), "{what}: {}", stderr(&verify));
    #[cfg(unix)]
    assert_eq!(writable_in_archive(root), Vec::<String>::new(), "{what}");
    let newest = versions(root).pop().unwrap();
    let bag = root.join("archive").join(&newest).join("data");
    let (public, internal) = outputs(root);
    let (mut public, mut bag_public) = (public.unwrap(), tree(&bag.join("public")).unwrap());
    // The deployed history page adds the version's own sidik, which its bag's copy
    // cannot hold; everything else is byte for byte the bag's.
    let history = public.remove(HISTORY).unwrap();
    bag_public.remove(HISTORY);
    let sidik = sha256_hex(
        &std::fs::read(
            root.join("archive")
                .join(&newest)
                .join("tagmanifest-sha256.txt"),
        )
        .unwrap(),
    );
    assert!(
        String::from_utf8_lossy(&history).contains(&sidik),
        "{what}: the history page lacks the sidik of {newest}"
    );
    assert!(
        public == bag_public && internal == tree(&bag.join("internal")),
        "{what}: the outputs are not those of {newest}"
    );
    assert_eq!(work_files(root), [".gitignore", "kunci"], "{what}");
    assert!(
        !std::fs::read_dir(root)
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with(".daftar-")),
        "{what}: a staging folder beside the outputs"
    );
}

#[test]
fn a_build_stopped_at_every_step_is_rolled_back_or_finished_by_the_next_command() {
    let tmp = TempDir::new().unwrap();
    let template = sample(tmp.path());
    ok(&template, &["build", "--quiet"]);
    let old = outputs(&template);
    // What the interrupted build would have written, built on a copy.
    let expected = tmp.path().join("baru");
    copy_tree(&template, &expected);
    append(&expected, "\nPerubahan kecil.\n");
    ok(&expected, &["build", "--quiet"]);
    let new = outputs(&expected);
    assert!(old != new);

    for point in BUILD_POINTS {
        let root = tmp.path().join(format!("uji-{point}"));
        copy_tree(&template, &root);
        append(&root, "\nPerubahan kecil.\n");
        let killed = run(&root, &["build"], &[("DAFTAR_FAULT", point)]);
        assert_eq!(
            killed.status.code(),
            None,
            "{point}: the build was not stopped"
        );
        // Any command finishes or rolls back, and says which.
        let check = run(&root, &["check"], &[]);
        assert_eq!(check.status.code(), Some(0), "{point}: {}", stderr(&check));
        let said = stderr(&check);
        let finished = after_journal(BUILD_POINTS, point);
        let expected_note = match *point {
            "committed" => "sudah selesai; folder lama yang tersisa dihapus dari .daftar/",
            _ if finished => "diselesaikan: public/, internal/ kini berisi hasilnya",
            _ => "dibatalkan: belum ada yang diubah; berkas sementaranya dihapus dari .daftar/",
        };
        assert!(
            said.contains("peringatan[W0603]: `daftar build` yang terputus (dimulai ")
                && said.contains(expected_note),
            "{point}: {said}"
        );
        assert!(
            outputs(&root) == if finished { new.clone() } else { old.clone() },
            "{point}: the outputs are not those of one whole build"
        );
        assert_eq!(work_files(&root), [".gitignore", "kunci"], "{point}");
        // Said once: the next command finds nothing left to do.
        assert!(!stderr(&run(&root, &["check"], &[])).contains("W0603"));
    }
}

#[test]
fn a_publish_stopped_at_every_step_never_shows_a_version_the_archive_lacks() {
    let tmp = TempDir::new().unwrap();
    let template = sample(tmp.path());
    ok(&template, &["publish", "--quiet"]);
    for point in PUBLISH_POINTS {
        let root = tmp.path().join(format!("uji-{point}"));
        copy_tree(&template, &root);
        #[cfg(unix)]
        assert!(
            Command::new("chmod")
                .args(["-R", "a-w"])
                .arg(root.join("archive/v0001"))
                .status()
                .unwrap()
                .success()
        );
        append(&root, "\nPerubahan kecil.\n");
        let killed = run(&root, &["publish"], &[("DAFTAR_FAULT", point)]);
        assert_eq!(killed.status.code(), None, "{point}: not stopped");
        // Right after the kill, before any recovery: no output names v0002 unless the
        // archive has it.
        if let Some(public) = tree(&root.join("public")) {
            let shows_v2 = public
                .values()
                .any(|b| String::from_utf8_lossy(b).contains("v0002"));
            assert!(
                !shows_v2 || root.join("archive/v0002/bagit.txt").is_file(),
                "{point}: public/ shows v0002 before the archive has it"
            );
        }
        let verify = run(&root, &["verify"], &[]);
        assert_eq!(
            verify.status.code(),
            Some(0),
            "{point}: {}",
            stderr(&verify)
        );
        let finished = after_journal(PUBLISH_POINTS, point);
        assert_eq!(
            versions(&root),
            if finished {
                vec!["v0001", "v0002"]
            } else {
                vec!["v0001"]
            },
            "{point}"
        );
        if *point != "committed" {
            assert!(
                stderr(&verify).contains("peringatan[W0603]: `daftar publish` yang terputus"),
                "{point}: {}",
                stderr(&verify)
            );
        }
        assert_whole_after_publish(&root, point);
        // And the next publish goes on from there.
        let next = run(&root, &["publish"], &[]);
        assert_eq!(next.status.code(), Some(0), "{point}: {}", stderr(&next));
        assert_whole_after_publish(&root, point);
    }
}

/// The sample many times over: a publish long enough to be killed all through.
fn large_site(dir: &Path, copies: usize) -> PathBuf {
    let root = sample(dir);
    let records: Vec<PathBuf> = WalkDir::new(root.join("content"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    for i in 0..copies {
        for path in &records {
            let text = std::fs::read_to_string(path).unwrap();
            let text = text.replacen("nomor = \"DIK-", &format!("nomor = \"SALINAN{i}-DIK-"), 1);
            let name = format!(
                "salinan-{i}-{}",
                path.file_name().unwrap().to_string_lossy()
            );
            std::fs::write(path.with_file_name(name), text).unwrap();
        }
    }
    root
}

#[test]
fn a_publish_killed_at_increasing_delays_always_leaves_a_whole_site() {
    let tmp = TempDir::new().unwrap();
    let root = large_site(tmp.path(), 15);
    ok(&root, &["publish", "--quiet"]);
    let started = Instant::now();
    ok(&root, &["publish", "--quiet", "--paksa"]);
    let whole = started.elapsed();
    let steps = 16u32;
    for step in 0..steps {
        let mut child = command(&root, &["publish", "--paksa"], &[])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(whole * step / steps);
        let _ = child.kill();
        child.wait().unwrap();
        // `check` is the next command: it finishes or rolls back.
        let check = run(&root, &["check", "--quiet"], &[]);
        assert_eq!(
            check.status.code(),
            Some(0),
            "step {step}: {}",
            stderr(&check)
        );
        assert_whole_after_publish(&root, &format!("step {step}"));
    }
}

/// Starts `args` paused at `point` until `release` exists, and waits until it holds the
/// site's lock.
fn start_paused(root: &Path, args: &[&str], point: &str, release: &Path) -> std::process::Child {
    let mut cmd = command(root, args, &[]);
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    common::spawn_holding_lock(cmd, root, args[0], point, release)
}

/// The lines a child prints, as they come.
fn lines_of(child: &mut std::process::Child) -> std::sync::mpsc::Receiver<String> {
    use std::io::BufRead;
    let out = std::io::BufReader::new(child.stdout.take().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in out.lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

fn next_line(lines: &std::sync::mpsc::Receiver<String>) -> String {
    lines
        .recv_timeout(Duration::from_secs(60))
        .expect("no line within a minute")
}

#[test]
fn two_publishes_at_once_make_one_version_the_second_waits_for_the_first() {
    let tmp = TempDir::new().unwrap();
    let root = sample(tmp.path());
    ok(&root, &["publish", "--quiet"]);
    append(&root, "\nPerubahan kecil.\n");
    let release = tmp.path().join("lanjut");
    let first = start_paused(&root, &["publish"], "staged", &release);
    let pid = first.id();
    let mut second = command(&root, &["publish"], &[])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let lines = lines_of(&mut second);
    let waiting = next_line(&lines);
    assert!(
        waiting.starts_with(&format!("Menunggu `daftar publish` (PID {pid}, sejak ")),
        "{waiting}"
    );
    std::fs::write(&release, "").unwrap();
    let first = first.wait_with_output().unwrap();
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let second = second.wait_with_output().unwrap();
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    let rest: Vec<String> = lines.iter().collect();
    assert!(
        rest.iter()
            .any(|l| l.starts_with("Tidak ada perubahan sejak versi v0002")),
        "{rest:?}"
    );
    assert_eq!(versions(&root), ["v0001", "v0002"]);
    assert_whole_after_publish(&root, "two publishes");
}

#[test]
fn a_writer_that_waits_too_long_stops_naming_the_holder_and_changes_nothing() {
    let tmp = TempDir::new().unwrap();
    let root = sample(tmp.path());
    ok(&root, &["build", "--quiet"]);
    let before = outputs(&root);
    let release = tmp.path().join("lanjut");
    let first = start_paused(&root, &["publish"], "staged", &release);
    let pid = first.id();
    let second = run(&root, &["build"], &[("DAFTAR_LOCK_WAIT", "0")]);
    std::fs::write(&release, "").unwrap();
    assert_eq!(second.status.code(), Some(2));
    assert!(
        stderr(&second).contains(&format!(
            "galat[E0604]: situs ini sedang ditulis oleh `daftar publish` (PID {pid}, sejak "
        )) && stderr(&second).contains(
            "tidak ada yang diubah\n = saran: tunggu sampai perintah itu selesai, atau hentikan dengan Ctrl-C, lalu ulangi"
        ),
        "{}",
        stderr(&second)
    );
    assert_eq!(outputs(&root), before, "the waiting build wrote");
    let first = first.wait_with_output().unwrap();
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_whole_after_publish(&root, "after the wait");
}

#[test]
fn watch_waits_for_a_publish_before_it_writes() {
    let tmp = TempDir::new().unwrap();
    let root = sample(tmp.path());
    ok(&root, &["publish", "--quiet"]);
    append(&root, "\nPerubahan kecil.\n");
    let release = tmp.path().join("lanjut");
    let publish = start_paused(&root, &["publish"], "staged", &release);
    let pid = publish.id();
    let mut watch = command(&root, &["watch"], &[])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let lines = lines_of(&mut watch);
    let waiting = next_line(&lines);
    assert!(
        waiting.starts_with(&format!("Menunggu `daftar publish` (PID {pid}, sejak ")),
        "{waiting}"
    );
    std::fs::write(&release, "").unwrap();
    let publish = publish.wait_with_output().unwrap();
    assert_eq!(publish.status.code(), Some(0), "{}", stderr(&publish));
    // watch writes after the publish, then says it is watching.
    while !next_line(&lines).starts_with("Mengawasi content/") {}
    let _ = watch.kill();
    watch.wait().unwrap();
    // What watch wrote after the publish is a build of the same sources: the version
    // is still shown, and the archive is whole.
    let verify = run(&root, &["verify"], &[]);
    assert_eq!(verify.status.code(), Some(0), "{}", stderr(&verify));
    let index = std::fs::read_to_string(root.join("internal/index.html")).unwrap();
    assert!(
        index.contains("v0002"),
        "watch wrote without the new version"
    );
    assert_eq!(work_files(&root), [".gitignore", "kunci"]);
}

/// A journal damaged after the write stopped is discarded, and the note says why in
/// Indonesian (where the file is broken), never in serde's English.
#[test]
fn a_damaged_journal_is_discarded_with_an_indonesian_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let root = sample(tmp.path());
    ok(&root, &["build"]);
    append(&root, "\nSatu baris lagi.\n");
    let out = run(&root, &["build"], &[("DAFTAR_FAULT", "journal")]);
    assert_ne!(out.status.code(), Some(0));
    std::fs::write(
        root.join(".daftar/jurnal.json"),
        "{\"langkah\": [tidak json",
    )
    .unwrap();
    let out = ok(&root, &["build"]);
    let text = stderr(&out);
    assert!(
        text.contains(
            "jurnal penulisan di .daftar/ tidak terbaca (isinya rusak di baris 1 kolom 15) dan dibuang"
        ),
        "{text}"
    );
    assert!(!text.contains("expected"), "{text}");
    assert!(!root.join(".daftar/jurnal.json").exists());
}
