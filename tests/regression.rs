//! One test per defect found by the adversarial test of issue 12, named after it, run
//! on the real binary and a copy of the sample register. Each failed (a panic, an abort,
//! a wrong exit code) before its fix.

mod common;

use common::{BIN, DATE, copy_site};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

/// A copy of the sample register: `<tmp>/situs`.
fn sample() -> (TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("situs");
    copy_site(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &root,
        &["daftar.toml", "content", "keputusan"],
    );
    (tmp, root)
}

fn run(root: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args).arg("--root").arg(root).env("NO_COLOR", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

/// The exit code; a death by a signal (an abort) is `None`.
fn code(out: &Output) -> Option<i32> {
    out.status.code()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const RECORD: &str = "content/bkd/2024-005-data-pribadi-asn.md";

fn append(root: &Path, rel: &str, text: &str) {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(root.join(rel))
        .unwrap();
    f.write_all(text.as_bytes()).unwrap();
}

#[test]
fn defect_01_deeply_nested_markdown_no_longer_overflows_the_stack() {
    let bodies = [
        format!("\n{}x\n", "> ".repeat(10_000)),
        format!("\n{}kata{}\n", "*".repeat(20_000), "*".repeat(20_000)),
        format!(
            "\n{}",
            (0..5_000)
                .map(|i| format!("{}- a\n", "  ".repeat(i)))
                .collect::<String>()
        ),
    ];
    for body in bodies {
        let (_tmp, root) = sample();
        append(&root, RECORD, &body);
        for command in ["check", "build"] {
            let out = run(&root, &[command, "--quiet", "--tanggal", DATE], &[]);
            assert_eq!(code(&out), Some(0), "{command}: {}", stderr(&out));
        }
        // The body is on its page, whole (left unminified, valid HTML).
        let page =
            std::fs::read_to_string(root.join("public/bkd-2024-005-data-pribadi-asn/index.html"))
                .unwrap();
        assert!(page.contains("</blockquote>") || page.contains("</em>") || page.contains("</ul>"));
    }
}

#[test]
fn defect_02_a_source_date_epoch_beyond_the_calendar_is_e0506_not_a_panic() {
    let (_tmp, root) = sample();
    for epoch in ["8210266848000", "8210266876799", "-99999999999999"] {
        let out = run(&root, &["check"], &[("SOURCE_DATE_EPOCH", epoch)]);
        assert_eq!(code(&out), Some(2), "{epoch}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(&format!(
                "galat[E0506]: SOURCE_DATE_EPOCH `{epoch}` di luar rentang tanggal yang dapat dipakai (1 Januari 1970 sampai 31 Desember 9999)"
            )),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn defect_03_a_build_date_outside_1970_to_9999_is_e0506_for_build_and_serve() {
    let (_tmp, root) = sample();
    std::fs::remove_dir_all(root.join("content")).unwrap();
    std::fs::remove_dir_all(root.join("keputusan")).unwrap();
    std::fs::create_dir(root.join("content")).unwrap();
    for date in ["-262143-01-01", "+262142-12-31", "1969-12-31", "0001-01-01"] {
        let arg = format!("--tanggal={date}");
        for command in ["check", "build"] {
            let out = run(&root, &[command, &arg], &[]);
            assert_eq!(code(&out), Some(2), "{command} {date}: {}", stderr(&out));
            assert!(
                stderr(&out).contains("galat[E0506]: tanggal pembuatan situs"),
                "{}",
                stderr(&out)
            );
        }
    }
    // The preview says so and stops, instead of panicking at start.
    let out = run(
        &root,
        &["serve", "--tanggal=-262143-01-01", "--port", "0"],
        &[],
    );
    assert_eq!(code(&out), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("galat[E0506]"), "{}", stderr(&out));
    // The ends of the range are fine.
    for date in ["1970-01-01", "9999-12-31"] {
        let out = run(&root, &["check", &format!("--tanggal={date}")], &[]);
        assert_eq!(code(&out), Some(0), "{date}: {}", stderr(&out));
    }
}

#[test]
fn defect_15_thousands_of_problems_on_one_long_line_are_each_printed_with_their_place() {
    // Printing used to hand the whole file to the renderer for every diagnostic, and
    // columns were counted from the line's start each time: quadratic on such a line.
    let (_tmp, root) = sample();
    let rel = "content/dkisp/2025-004-konfigurasi-keamanan-pusat-data.md";
    let text = std::fs::read_to_string(root.join(rel)).unwrap();
    let many = format!("pasal_17 = [\"c.6\"{}, \"j\"]", ", \"c.6\"".repeat(25_000));
    std::fs::write(
        root.join(rel),
        text.replacen("pasal_17 = [\"c.6\", \"j\"]", &many, 1),
    )
    .unwrap();
    let out = run(&root, &["check", "--rinci", "--tanggal", DATE], &[]);
    assert_eq!(
        code(&out),
        Some(0),
        "{}",
        stderr(&out).lines().last().unwrap_or("")
    );
    let err = stderr(&out);
    assert_eq!(err.matches("peringatan[W0213]").count(), 25_000);
    // The last one, at its own column, named by line and column (the line is too long
    // to show under it).
    let last_column = 13 + 7 * 25_000;
    assert!(
        err.contains(&format!(" --> {rel}:5:{last_column}\n")),
        "{}",
        &err[err.len() - 400..]
    );
}

#[test]
fn defect_12_a_term_ending_after_year_9999_is_e0225() {
    let (_tmp, root) = sample();
    let rel = "content/bkd/2025-007-hasil-asesmen-seleksi-jpt.md";
    let text = std::fs::read_to_string(root.join(rel)).unwrap();
    std::fs::write(
        root.join(rel),
        text.replacen(
            "jangka_waktu = { tahun = 5 }",
            "jangka_waktu = { tahun = 7975 }",
            1,
        ),
    )
    .unwrap();
    let out = run(&root, &["check", "--tanggal", DATE], &[]);
    assert_eq!(code(&out), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "galat[E0225]: akhir jangka waktu berada di luar rentang tanggal yang dapat dihitung"
        ),
        "{}",
        stderr(&out)
    );
    // One year less ends in 9999, and dik.json keeps to its schema's four-digit years.
    let text = std::fs::read_to_string(root.join(rel)).unwrap();
    std::fs::write(
        root.join(rel),
        text.replacen("{ tahun = 7975 }", "{ tahun = 7974 }", 1),
    )
    .unwrap();
    let out = run(&root, &["build", "--quiet", "--tanggal", DATE], &[]);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let json = std::fs::read_to_string(root.join("public/dik.json")).unwrap();
    assert!(json.contains("\"berlaku_sampai\": \"9999-03-07\""));
}

#[test]
fn defect_11_control_characters_and_invisible_texts_are_refused_at_their_place() {
    let rel = "content/bkd/2024-005-data-pribadi-asn.md";
    for escape in ["\\u0007", "\\u0000", "\\uFFFF", "\\u0085"] {
        let (_tmp, root) = sample();
        let text = std::fs::read_to_string(root.join(rel)).unwrap();
        let judul = text.lines().find(|l| l.starts_with("judul = ")).unwrap();
        let bad = format!("judul = \"Data{escape}pribadi\"");
        std::fs::write(root.join(rel), text.replacen(judul, &bad, 1)).unwrap();
        let out = run(&root, &["check", "--tanggal", DATE], &[]);
        assert_eq!(code(&out), Some(1), "{escape}: {}", stderr(&out));
        let code_point = &escape[2..];
        assert!(
            stderr(&out).contains(&format!(
                "galat[E0107]: `judul` memuat karakter kendali U+{code_point} yang tidak dapat ditampilkan\n --> {rel}:3:9"
            )),
            "{}",
            stderr(&out)
        );
    }
    // In daftar.toml: a setup problem, exit 2.
    let (_tmp, root) = sample();
    let config = std::fs::read_to_string(root.join("daftar.toml")).unwrap();
    std::fs::write(
        root.join("daftar.toml"),
        config.replacen("ppid = \"PPID Utama", "ppid = \"PPID\\u0007 Utama", 1),
    )
    .unwrap();
    let out = run(&root, &["check", "--tanggal", DATE], &[]);
    assert_eq!(code(&out), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("galat[E0107]: `ppid` memuat karakter kendali U+0007"));
    // A raw NUL in the explanation, at its line and column.
    let (_tmp, root) = sample();
    append(&root, rel, "\nSatu\u{0}dua\n");
    let out = run(&root, &["check", "--tanggal", DATE], &[]);
    assert_eq!(code(&out), Some(1), "{}", stderr(&out));
    let lines = std::fs::read_to_string(root.join(rel))
        .unwrap()
        .lines()
        .count();
    assert!(
        stderr(&out).contains(&format!(
            "galat[E0107]: penjelasan memuat karakter kendali U+0000 yang tidak dapat ditampilkan\n  --> {rel}:{lines}:5"
        )),
        "{}",
        stderr(&out)
    );
    // Zero-width spaces only are blank.
    let (_tmp, root) = sample();
    let text = std::fs::read_to_string(root.join(rel)).unwrap();
    let unit = text.lines().find(|l| l.starts_with("unit = ")).unwrap();
    std::fs::write(
        root.join(rel),
        text.replacen(unit, "unit = \"\u{200B}\u{200B}\"", 1),
    )
    .unwrap();
    let out = run(&root, &["check", "--tanggal", DATE], &[]);
    assert_eq!(code(&out), Some(1));
    assert!(
        stderr(&out).contains("galat[E0105]: `unit` tidak boleh kosong"),
        "{}",
        stderr(&out)
    );
}

#[cfg(unix)]
#[test]
fn defect_09_a_named_pipe_called_x_md_is_e0008_and_never_opened() {
    let (_tmp, root) = sample();
    let fifo = root.join("content/x.md");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    // Opening it would block forever: the command must end by itself.
    let out = run(&root, &["check", "--tanggal", DATE], &[]);
    assert_eq!(code(&out), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("galat[E0008]: `content/x.md` bukan berkas biasa (misalnya pipa atau perangkat) dan tidak dibaca"),
        "{}",
        stderr(&out)
    );
}

#[cfg(unix)]
#[test]
fn defect_10_a_symlinked_record_is_archived_and_one_leading_outside_is_e0008() {
    let (tmp, root) = sample();
    // Inside the site: followed, and its bytes are in the bag like any record's.
    std::fs::create_dir(root.join("naskah")).unwrap();
    let moved = "content/bkd/2025-007-hasil-asesmen-seleksi-jpt.md";
    std::fs::rename(root.join(moved), root.join("naskah/asesmen.md")).unwrap();
    std::os::unix::fs::symlink("../../naskah/asesmen.md", root.join(moved)).unwrap();
    let out = run(
        &root,
        &["publish", "--quiet", "--tanggal", DATE, "--catatan", "Uji"],
        &[],
    );
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let archived = root.join("archive/v0001/data/source").join(moved);
    assert_eq!(
        std::fs::read(archived).unwrap(),
        std::fs::read(root.join("naskah/asesmen.md")).unwrap()
    );
    let out = run(&root, &["verify"], &[]);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    // Outside the site: refused.
    std::fs::write(tmp.path().join("luar.md"), "+++\n+++\n").unwrap();
    std::os::unix::fs::symlink("../../luar.md", root.join("content/luar.md")).unwrap();
    let out = run(&root, &["check", "--tanggal", DATE], &[]);
    assert_eq!(code(&out), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("galat[E0008]: `content/luar.md` adalah tautan simbolik ke luar folder situs dan tidak dibaca"),
        "{}",
        stderr(&out)
    );
    let _ = std::process::Command::new("chmod")
        .args(["-R", "u+w"])
        .arg(&root)
        .status();
}

#[test]
fn defect_13_a_page_address_over_255_bytes_is_e0205_in_check() {
    let (_tmp, root) = sample();
    let long = format!("content/{}.md", "a".repeat(120));
    let deep = format!("content/{}/{}.md", "b".repeat(120), "c".repeat(140));
    let text = std::fs::read_to_string(root.join(RECORD)).unwrap();
    std::fs::create_dir_all(root.join(&deep).parent().unwrap()).unwrap();
    std::fs::write(
        root.join(&long),
        text.replacen("nomor = \"", "nomor = \"X-", 1),
    )
    .unwrap();
    std::fs::write(
        root.join(&deep),
        text.replacen("nomor = \"", "nomor = \"Y-", 1),
    )
    .unwrap();
    let out = run(&root, &["check", "--tanggal", DATE], &[]);
    assert_eq!(code(&out), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "galat[E0205]: alamat halaman `{}…/` terlalu panjang: 261 bita, paling banyak 255",
            "b".repeat(40)
        )),
        "{err}"
    );
    assert!(
        !err.contains(&format!("`{}", "a".repeat(40))),
        "a 120-byte address is fine"
    );
    // Check and build agree: the build refuses too, with the same error.
    let out = run(&root, &["build", "--tanggal", DATE], &[]);
    assert_eq!(code(&out), Some(1));
    assert!(stderr(&out).contains("galat[E0205]"));
}

#[test]
fn defect_14_content_as_a_file_is_e0002_and_a_non_utf8_name_is_e0009() {
    let (_tmp, root) = sample();
    std::fs::remove_dir_all(root.join("content")).unwrap();
    std::fs::write(root.join("content"), "bukan folder").unwrap();
    let out = run(&root, &["build", "--tanggal", DATE], &[]);
    assert_eq!(code(&out), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("galat[E0002]: `content` bukan folder"),
        "{}",
        stderr(&out)
    );
    assert!(!root.join("public").exists(), "no empty register is built");

    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let (_tmp, root) = sample();
        let name = std::ffi::OsStr::from_bytes(b"content/data\xff.md");
        std::fs::write(root.join(name), "+++\n+++\n").unwrap();
        let out = run(&root, &["check", "--tanggal", DATE], &[]);
        assert_eq!(code(&out), Some(1), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("galat[E0009]: nama berkas `content/data\u{FFFD}.md` bukan teks UTF-8 dan tidak dapat dibaca"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn defect_17_a_file_name_with_a_percent_sign_is_e0009_before_any_bag_is_written() {
    // bagit.py 1.9 does not decode the %25 that RFC 8493 requires in manifests: a bag
    // with such a name validates in one validator and not the other, so none is made.
    let (_tmp, root) = sample();
    let text = std::fs::read_to_string(root.join(RECORD)).unwrap();
    std::fs::write(
        root.join("content/diskon 100%.md"),
        text.replacen("nomor = \"", "nomor = \"DISKON-", 1),
    )
    .unwrap();
    let out = run(
        &root,
        &["publish", "--tanggal", DATE, "--catatan", "Uji"],
        &[],
    );
    assert_eq!(code(&out), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("galat[E0009]: nama berkas `content/diskon 100%.md` memuat `%`, yang tidak dapat disimpan utuh di arsip BagIt"),
        "{}",
        stderr(&out)
    );
    assert!(!root.join("archive").exists());
}

#[cfg(unix)]
#[test]
fn defect_17_folder_and_theme_names_the_archive_cannot_carry_are_e0009_too() {
    use std::os::unix::ffi::OsStrExt;
    let text = std::fs::read_to_string(sample().1.join(RECORD)).unwrap();
    // A folder of records, a folder not in UTF-8, a file of any theme (all are archived).
    let cases: [(&[u8], &str); 3] = [
        (
            b"content/f%d/x.md",
            "galat[E0009]: nama folder `content/f%d` memuat `%`, yang tidak dapat disimpan utuh di arsip BagIt",
        ),
        (
            b"content/a\xff/x.md",
            "galat[E0009]: nama folder `content/a\u{FFFD}` bukan teks UTF-8 dan tidak dapat dibaca",
        ),
        (
            b"themes/lain/a%b.css",
            "galat[E0009]: nama berkas `themes/lain/a%b.css` memuat `%`, yang tidak dapat disimpan utuh di arsip BagIt",
        ),
    ];
    for (path, message) in cases {
        let (_tmp, root) = sample();
        let path = root.join(std::ffi::OsStr::from_bytes(path));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text.replacen("nomor = \"", "nomor = \"LAIN-", 1)).unwrap();
        for command in ["check", "publish"] {
            let out = run(&root, &[command, "--tanggal", DATE], &[]);
            assert_eq!(code(&out), Some(1), "{}", stderr(&out));
            assert!(stderr(&out).contains(message), "{}", stderr(&out));
        }
        assert!(!root.join("archive").exists());
    }
}

#[test]
fn defect_13_an_output_folder_named_with_a_nul_is_refused_by_check() {
    let (_tmp, root) = sample();
    let config = std::fs::read_to_string(root.join("daftar.toml")).unwrap();
    let publik = config.lines().find(|l| l.starts_with("publik = ")).unwrap();
    std::fs::write(
        root.join("daftar.toml"),
        config.replacen(publik, "publik = \"pub\\u0000lik\"", 1),
    )
    .unwrap();
    for command in ["check", "build"] {
        let out = run(&root, &[command, "--tanggal", DATE], &[]);
        assert_eq!(code(&out), Some(2), "{command}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("galat[E0107]: `keluaran.publik` memuat karakter kendali U+0000"),
            "{}",
            stderr(&out)
        );
    }
}

#[test]
fn defect_13_an_output_folder_name_over_255_bytes_is_refused_by_check() {
    // Found by the fuzz harness: check passed, build failed to create the folder.
    let (_tmp, root) = sample();
    let config = std::fs::read_to_string(root.join("daftar.toml")).unwrap();
    let internal = config
        .lines()
        .find(|l| l.starts_with("internal = "))
        .unwrap();
    let long = format!("internal = \"{}\"", "0000-00-00".repeat(30));
    std::fs::write(
        root.join("daftar.toml"),
        config.replacen(internal, &long, 1),
    )
    .unwrap();
    for command in ["check", "build"] {
        let out = run(&root, &[command, "--tanggal", DATE], &[]);
        assert_eq!(code(&out), Some(2), "{command}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(
                "galat[E0504]: nama folder keluaran terlalu panjang: satu bagian namanya lebih dari 255 bita\n  --> daftar.toml:"
            ),
            "{}",
            stderr(&out)
        );
    }
    assert!(!root.join("public").exists());
}

/// A sample with two published versions (a record changed in between).
fn published_twice() -> (TempDir, PathBuf) {
    let (tmp, root) = sample();
    let out = run(
        &root,
        &["publish", "--quiet", "--tanggal", DATE, "--catatan", "Satu"],
        &[],
    );
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    append(&root, RECORD, "\nPerubahan kecil.\n");
    let out = run(
        &root,
        &["publish", "--quiet", "--tanggal", DATE, "--catatan", "Dua"],
        &[],
    );
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    (tmp, root)
}

fn writable(path: &Path) {
    let _ = Command::new("chmod").args(["-R", "u+w"]).arg(path).status();
}

#[cfg(unix)]
#[test]
fn defect_16_verify_holds_folder_names_numbers_and_files_to_one_another() {
    let verify = |root: &Path| {
        let out = run(root, &["verify"], &[]);
        (code(&out), stderr(&out))
    };
    // A renamed version: the padded name is no version, and v0002 is missing.
    let (_tmp, root) = published_twice();
    std::fs::rename(root.join("archive/v0002"), root.join("archive/v00002")).unwrap();
    let (c, err) = verify(&root);
    assert_eq!(c, Some(1), "{err}");
    assert!(
        err.contains("berkas tambahan di arsip: v00002, bukan versi"),
        "{err}"
    );
    // A symbolic link named like the next version.
    let (_tmp, root) = published_twice();
    std::os::unix::fs::symlink("v0002", root.join("archive/v0003")).unwrap();
    let (c, err) = verify(&root);
    assert_eq!(c, Some(1), "{err}");
    assert!(
        err.contains("berkas tambahan di arsip: v0003, bukan versi"),
        "{err}"
    );
    // A payload file replaced by a link to an identical file.
    let (_tmp, root) = published_twice();
    let bag = root.join("archive/v0002");
    writable(&bag);
    let file = bag.join("data/public/daftar.css");
    let copy = root.join("salinan.css");
    std::fs::copy(&file, &copy).unwrap();
    std::fs::remove_file(&file).unwrap();
    std::os::unix::fs::symlink(&copy, &file).unwrap();
    let (c, err) = verify(&root);
    assert_eq!(c, Some(1), "{err}");
    assert!(
        err.contains("v0002: berkas data/public/daftar.css diganti dengan tautan simbolik"),
        "{err}"
    );
    // `archive` as a file.
    let (_tmp, root) = sample();
    std::fs::write(root.join("archive"), "bukan folder").unwrap();
    let (c, err) = verify(&root);
    assert_eq!(c, Some(1), "{err}");
    assert!(
        err.contains("galat[E0705]: `archive` bukan folder arsip"),
        "{err}"
    );
    // A v0000 folder is no version, and no version 4294967295 is ever named.
    let (_tmp, root) = published_twice();
    std::fs::create_dir(root.join("archive/v0000")).unwrap();
    let (c, err) = verify(&root);
    assert_eq!(c, Some(1), "{err}");
    assert!(
        err.contains("berkas tambahan di arsip: v0000, bukan versi"),
        "{err}"
    );
    assert!(!err.contains("4294967295"), "{err}");
    // A forged number in the newest bag's version record: verify names it, and publish
    // refuses to chain onto it (instead of wrapping around to v0000).
    let (_tmp, root) = published_twice();
    let bag = root.join("archive/v0002");
    writable(&bag);
    let record = bag.join("daftar-versi.json");
    let text = std::fs::read_to_string(&record).unwrap();
    std::fs::write(
        &record,
        text.replacen("\"nomor\": 2", "\"nomor\": 4294967295", 1),
    )
    .unwrap();
    let (c, err) = verify(&root);
    assert_eq!(c, Some(1), "{err}");
    assert!(
        err.contains(
            "v0002: daftar-versi.json menyebut versi v0002 (nomor 4294967295), bukan v0002"
        ),
        "{err}"
    );
    append(&root, RECORD, "\nLagi.\n");
    let out = run(
        &root,
        &["publish", "--tanggal", DATE, "--catatan", "Tiga"],
        &[],
    );
    assert_ne!(code(&out), Some(0), "{}", stderr(&out));
    assert!(!root.join("archive/v0000").exists());
    writable(&root);
}

// Defects 4 to 8: crash safety. Each stops the real binary at a step of its write
// (`DAFTAR_FAULT`, an abort as under `kill -9`); `tests/crash.rs` goes through every
// step, kills at increasing delays, and runs writers at once.

/// Runs `args` stopped at `point`; it must die there.
fn stopped_at(root: &Path, args: &[&str], point: &str) {
    let out = run(root, args, &[("DAFTAR_FAULT", point)]);
    assert_eq!(code(&out), None, "not stopped at {point}: {}", stderr(&out));
}

/// The files of a folder, by path.
fn files_of(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().display().to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn defect_04_a_build_killed_between_its_renames_is_finished_by_the_next_command() {
    let (_tmp, root) = sample();
    let build = ["build", "--quiet", "--tanggal", DATE];
    assert_eq!(code(&run(&root, &build, &[])), Some(0));
    append(&root, RECORD, "\nPerubahan kecil.\n");
    // Killed with public/ moved out of the way and the new one not yet in.
    stopped_at(&root, &build, "move-0-aside");
    assert!(!root.join("public").exists());
    let check = run(&root, &["check", "--tanggal", DATE], &[]);
    assert_eq!(code(&check), Some(0), "{}", stderr(&check));
    assert!(
        stderr(&check).contains("diselesaikan: public/, internal/ kini berisi hasilnya"),
        "{}",
        stderr(&check)
    );
    // Both folders are the interrupted build's: the same as a build now.
    let (public, internal) = (
        files_of(&root.join("public")),
        files_of(&root.join("internal")),
    );
    assert_eq!(code(&run(&root, &build, &[])), Some(0));
    assert!(public == files_of(&root.join("public")));
    assert!(internal == files_of(&root.join("internal")));
}

#[test]
fn defect_05_a_publish_killed_after_a_swap_has_its_version_in_the_archive_first() {
    let (_tmp, root) = sample();
    let publish = ["publish", "--quiet", "--tanggal", DATE];
    assert_eq!(code(&run(&root, &publish, &[])), Some(0));
    append(&root, RECORD, "\nPerubahan kecil.\n");
    // Killed right after public/ was swapped in: the version it shows is there.
    stopped_at(&root, &publish, "move-1-in");
    assert!(root.join("archive/v0002/bagit.txt").is_file());
    let verify = run(&root, &["verify"], &[]);
    assert_eq!(code(&verify), Some(0), "{}", stderr(&verify));
    let bag = root.join("archive/v0002/data");
    let (mut public, mut archived) = (
        files_of(&root.join("public")),
        files_of(&bag.join("public")),
    );
    // Only the history page differs: the deployed one lists v0002's own sidik.
    assert!(public.remove("riwayat/index.html").is_some());
    assert!(archived.remove("riwayat/index.html").is_some());
    assert!(public == archived);
    assert!(files_of(&root.join("internal")) == files_of(&bag.join("internal")));
    writable(&root);
}

#[test]
fn defect_06_temporary_data_lives_in_daftar_and_is_removed_by_the_next_command() {
    let (_tmp, root) = sample();
    let build = ["build", "--quiet", "--tanggal", DATE];
    for _ in 0..3 {
        stopped_at(&root, &build, "staging");
    }
    assert!(root.join(".daftar/baru/publik").is_dir());
    assert_eq!(
        std::fs::read_to_string(root.join(".daftar/.gitignore")).unwrap(),
        "*\n"
    );
    // A staging folder left beside the outputs by an earlier daftar.
    std::fs::create_dir_all(root.join(".daftar-sementara-AbC123/lama")).unwrap();
    let out = run(&root, &["build", "--tanggal", DATE], &[]);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("peringatan[W0603]: `daftar build` yang terputus (dimulai ")
            && err.contains("dibatalkan: belum ada yang diubah; berkas sementaranya dihapus dari .daftar/")
            && err.contains(
                "peringatan[W0603]: sisa pembangunan yang terputus dihapus: .daftar-sementara-AbC123"
            ),
        "{err}"
    );
    let left: Vec<String> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert_eq!(left, [".daftar"]);
    assert!(!root.join(".daftar/baru").exists());
    // `init` tells git to ignore it.
    let tmp = tempfile::tempdir().unwrap();
    assert_eq!(code(&run(tmp.path(), &["init", "--quiet"], &[])), Some(0));
    let ignore = std::fs::read_to_string(tmp.path().join(".gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "/.daftar/"), "{ignore}");
}

#[test]
fn defect_07_two_publishes_at_once_make_one_version_and_a_whole_archive() {
    for _ in 0..3 {
        let (_tmp, root) = sample();
        let publish = ["publish", "--quiet", "--tanggal", DATE];
        assert_eq!(code(&run(&root, &publish, &[])), Some(0));
        append(&root, RECORD, "\nPerubahan kecil.\n");
        let spawn = || {
            Command::new(BIN)
                .args(publish)
                .arg("--root")
                .arg(&root)
                .output()
        };
        let (a, b) = std::thread::scope(|s| {
            let a = s.spawn(spawn);
            let b = s.spawn(spawn);
            (a.join().unwrap().unwrap(), b.join().unwrap().unwrap())
        });
        assert_eq!((code(&a), code(&b)), (Some(0), Some(0)));
        let versions: Vec<String> = std::fs::read_dir(root.join("archive"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(versions.len(), 2, "{versions:?}");
        let verify = run(&root, &["verify"], &[]);
        assert_eq!(code(&verify), Some(0), "{}", stderr(&verify));
        writable(&root);
    }
}

#[cfg(unix)]
#[test]
fn defect_08_removing_a_staged_bag_leaves_published_files_read_only() {
    use std::os::unix::fs::PermissionsExt;
    let (_tmp, root) = sample();
    let publish = ["publish", "--quiet", "--tanggal", DATE];
    assert_eq!(code(&run(&root, &publish, &[])), Some(0));
    append(&root, RECORD, "\nPerubahan kecil.\n");
    // The new bag is staged whole (its unchanged files hard links to v0001's).
    stopped_at(&root, &publish, "staging");
    let staged = root.join(".daftar/baru/v0002/data/source/daftar.toml");
    let published = root.join("archive/v0001/data/source/daftar.toml");
    use std::os::unix::fs::MetadataExt;
    assert_eq!(
        std::fs::metadata(&staged).unwrap().ino(),
        std::fs::metadata(&published).unwrap().ino()
    );
    // The next command removes the staged bag; v0001 stays read-only, every file.
    let check = run(&root, &["check", "--quiet", "--tanggal", DATE], &[]);
    assert_eq!(code(&check), Some(0), "{}", stderr(&check));
    assert!(!root.join(".daftar/baru").exists());
    let writable_files: Vec<_> = walkdir::WalkDir::new(root.join("archive/v0001"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter(|e| e.metadata().unwrap().permissions().mode() & 0o222 != 0)
        .map(|e| e.path().display().to_string())
        .collect();
    assert_eq!(writable_files, Vec::<String>::new());
    writable(&root);
}

#[cfg(unix)]
#[test]
fn defect_18_a_rehashed_newest_version_is_caught_by_a_hash_from_outside_the_archive() {
    use daftar::source::sha256_hex;
    let (_tmp, root) = published_twice();
    let tag_hash = |v: &str| {
        sha256_hex(
            &std::fs::read(root.join(format!("archive/{v}/tagmanifest-sha256.txt"))).unwrap(),
        )
    };
    let (h1, h2) = (tag_hash("v0001"), tag_hash("v0002"));
    // The deployed history page lists every version's sidik, the newest's too.
    let history = std::fs::read_to_string(root.join("public/riwayat/index.html")).unwrap();
    for (n, h) in [(1, &h1), (2, &h2)] {
        assert!(
            history.contains(&format!(
                "Sidik arsip versi {n} (SHA-256): <code>{h}</code>"
            )),
            "{history}"
        );
    }
    // Its copy in v0002's bag lists v0001's, and says why its own cannot be there.
    let copy =
        std::fs::read_to_string(root.join("archive/v0002/data/public/riwayat/index.html")).unwrap();
    assert!(copy.contains(&format!("Sidik arsip versi 1 (SHA-256): <code>{h1}</code>")));
    assert!(!copy.contains(&h2));
    assert!(copy.contains(
        "Salinan halaman ini di dalam arsip versi ini tidak dapat memuat sidik versi ini sendiri"
    ));
    // A build after the publish gives the deployed page again.
    assert_eq!(
        code(&run(&root, &["build", "--quiet", "--tanggal", DATE], &[])),
        Some(0)
    );
    assert_eq!(
        std::fs::read_to_string(root.join("public/riwayat/index.html")).unwrap(),
        history
    );

    // Rewrite v0002's public index (same size) and re-hash its manifests, as a forger would.
    let bag = root.join("archive/v0002");
    writable(&bag);
    let page = bag.join("data/public/index.html");
    let old_bytes = std::fs::read(&page).unwrap();
    let text = String::from_utf8(old_bytes.clone())
        .unwrap()
        .replacen("Daftar", "DAFTAR", 1);
    // A new file, not the one v0001 shares by a hard link.
    std::fs::remove_file(&page).unwrap();
    std::fs::write(&page, &text).unwrap();
    let rehash = |file: &str, path: &str, old: &str, new: &str| {
        let f = bag.join(file);
        let t = std::fs::read_to_string(&f).unwrap();
        assert!(t.contains(&format!("{old}  {path}")));
        std::fs::write(
            &f,
            t.replace(&format!("{old}  {path}"), &format!("{new}  {path}")),
        )
        .unwrap();
    };
    let manifest_before = sha256_hex(&std::fs::read(bag.join("manifest-sha256.txt")).unwrap());
    rehash(
        "manifest-sha256.txt",
        "data/public/index.html",
        &sha256_hex(&old_bytes),
        &sha256_hex(text.as_bytes()),
    );
    let manifest_after = sha256_hex(&std::fs::read(bag.join("manifest-sha256.txt")).unwrap());
    rehash(
        "tagmanifest-sha256.txt",
        "manifest-sha256.txt",
        &manifest_before,
        &manifest_after,
    );

    // From inside the archive nothing shows, and verify says it could only look inside.
    let out = run(&root, &["verify"], &[]);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains(
        "Hanya diperiksa di dalam arsip: v0001 sampai v0002 (arsip yang diubah lalu disidik ulang seluruhnya tidak terlihat dari dalam); buktikan dengan `daftar verify --sidik v0002=SIDIK`"
    ));
    // The hash recorded outside (printed by publish, listed by the public site) catches it.
    let out = run(&root, &["verify", "--sidik", &format!("v0002={h2}")], &[]);
    assert_eq!(code(&out), Some(1));
    assert!(
        stderr(&out).contains(&format!(
            "galat[E0707]: v0002: sidik tagmanifest-sha256.txt ({}) tidak sama dengan sidik yang diberikan ({h2}): versi ini diubah sesudah sidik itu dicatat",
            tag_hash("v0002")
        )),
        "{}",
        stderr(&out)
    );
    // v0001's hash still proves v0001, and says v0002 was only checked inside.
    let out = run(&root, &["verify", "--sidik", &h1], &[]);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("Dibuktikan dengan sidik dari luar arsip: v0001.\nHanya diperiksa di dalam arsip: v0002 "), "{said}");
    // A hash for a version the archive lacks, or matching none.
    let out = run(&root, &["verify", "--sidik", &format!("v0009={h1}")], &[]);
    assert_eq!(code(&out), Some(1));
    assert!(stderr(&out).contains("v0009: sidik yang diberikan untuk versi ini tidak dapat dicocokkan, karena v0009 tidak ada di arsip"));
    let out = run(&root, &["verify", "--sidik", &"0".repeat(64)], &[]);
    assert_eq!(code(&out), Some(1));
    assert!(stderr(&out).contains(&format!(
        "sidik {} tidak cocok dengan versi mana pun di arsip",
        "0".repeat(64)
    )));
    writable(&root);
}
