//! `daftar publish` and `daftar verify`: the archive of published versions (BagIt bags
//! chained by their tag manifests), tamper detection, the no-change and failed
//! publishes and reproducible builds (a publish killed at any moment: `tests/crash.rs`).

mod common;

use common::{DATE, copy_tree};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use walkdir::WalkDir;

const EPOCH: &str = "1764028800"; // 2025-11-25 00:00 UTC: the moment recorded as publication

/// A copy of the sample register in a temporary folder.
struct Site {
    dir: tempfile::TempDir,
}

impl Drop for Site {
    fn drop(&mut self) {
        // Bags are read-only; make them removable again.
        for e in WalkDir::new(self.dir.path()).into_iter().flatten() {
            if let Ok(meta) = e.metadata() {
                let mut p = meta.permissions();
                #[allow(clippy::permissions_set_readonly_false)]
                p.set_readonly(false);
                let _ = std::fs::set_permissions(e.path(), p);
            }
        }
    }
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Site {
    fn sample() -> Site {
        let dir = tempfile::tempdir().unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        copy_tree(&root.join("content"), &dir.path().join("content"));
        copy_tree(&root.join("keputusan"), &dir.path().join("keputusan"));
        std::fs::copy(root.join("daftar.toml"), dir.path().join("daftar.toml")).unwrap();
        Site { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_daftar"));
        cmd.args(args)
            .arg("--root")
            .arg(self.dir.path())
            .env("NO_COLOR", "1")
            .env("SOURCE_DATE_EPOCH", EPOCH);
        cmd
    }

    fn run(&self, args: &[&str]) -> Run {
        let Output {
            status,
            stdout,
            stderr,
        } = self.command(args).output().unwrap();
        let clean = |b: Vec<u8>| {
            String::from_utf8(b)
                .unwrap()
                .replace(&self.dir.path().display().to_string(), "[ROOT]")
        };
        Run {
            code: status.code().unwrap_or(-1),
            stdout: clean(stdout),
            stderr: clean(stderr),
        }
    }

    fn publish(&self, extra: &[&str]) -> Run {
        let mut args = vec!["publish", "--tanggal", DATE];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    fn bags(&self) -> Vec<String> {
        common::folder_names(&self.path("archive"))
    }

    /// Every file under a folder with its bytes.
    fn tree(&self, rel: &str) -> BTreeMap<String, Vec<u8>> {
        let base = self.path(rel);
        WalkDir::new(&base)
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(&base).unwrap().display().to_string();
                (rel, std::fs::read(e.path()).unwrap())
            })
            .collect()
    }

    /// Makes a bag file writable and replaces its bytes (a tamperer with write access).
    fn tamper(&self, rel: &str, edit: impl FnOnce(&mut Vec<u8>)) {
        let path = self.path(rel);
        writable(path.parent().unwrap());
        writable(&path);
        let mut bytes = std::fs::read(&path).unwrap();
        edit(&mut bytes);
        // A new file (not an edit through a shared hard link) unless the tamperer edits in place.
        std::fs::remove_file(&path).unwrap();
        std::fs::write(&path, bytes).unwrap();
    }

    fn edit_record(&self) {
        let path = self.path("content/bkd/2024-005-data-pribadi-asn.md");
        let text = std::fs::read_to_string(&path).unwrap();
        let changed = text.replace(
            "judul = \"Data pribadi Aparatur",
            "judul = \"Data pribadi seluruh Aparatur",
        );
        assert_ne!(text, changed);
        std::fs::write(path, changed).unwrap();
    }
}

fn writable(path: &Path) {
    let mut p = std::fs::metadata(path).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    p.set_readonly(false);
    std::fs::set_permissions(path, p).unwrap();
}

fn two_versions() -> Site {
    let site = Site::sample();
    let first = site.publish(&["--catatan", "Penerbitan pertama"]);
    assert_eq!(first.code, 0, "{}{}", first.stdout, first.stderr);
    site.edit_record();
    let second = site.publish(&["--catatan", "Perbaikan judul"]);
    assert_eq!(second.code, 0, "{}{}", second.stdout, second.stderr);
    site
}

#[test]
fn publishing_twice_makes_two_chained_bags_that_verify() {
    let site = two_versions();
    assert_eq!(site.bags(), ["v0001", "v0002"]);
    let verify = site.run(&["verify"]);
    assert_eq!(verify.code, 0, "{}", verify.stderr);
    assert_eq!(verify.stderr, "");
    assert_eq!(
        verify.stdout,
        "Arsip archive/ utuh: 2 versi, 174 berkas diperiksa, rantai versi tersambung.\nHanya diperiksa di dalam arsip: v0001 sampai v0002 (arsip yang diubah lalu disidik ulang seluruhnya tidak terlihat dari dalam); buktikan dengan `daftar verify --sidik v0002=SIDIK`, memakai sidik dari berita acara penerbitan atau dari halaman riwayat situs publik.\n"
    );
    let info = std::fs::read_to_string(site.path("archive/v0002/bag-info.txt")).unwrap();
    let first_tagmanifest =
        std::fs::read(site.path("archive/v0001/tagmanifest-sha256.txt")).unwrap();
    let expected_link = format!(
        "Daftar-Previous-Version: v0001\nDaftar-Previous-Tagmanifest-Sha256: {}\n",
        daftar::source::sha256_hex(&first_tagmanifest)
    );
    assert!(info.contains(&expected_link), "{info}");
    assert!(info.starts_with("Source-Organization: Pemerintah Provinsi Kalimantan Utara\nBagging-Date: 2025-11-25\nBag-Software-Agent: daftar "), "{info}");
    assert!(info.contains("External-Identifier: v0002\nExternal-Description: Perbaikan judul\nDaftar-Build-Date: 2026-11-25\nDaftar-Published-At: 2025-11-25T08:00:00+08:00\nDaftar-Record-Count: 19\n"), "{info}");
    let first_info = std::fs::read_to_string(site.path("archive/v0001/bag-info.txt")).unwrap();
    assert!(!first_info.contains("Daftar-Previous-Version"));
    // The bag holds the public site as deployed (but for the history page, which
    // cannot hold the bag's own sidik), and the sources.
    let public = site.tree("public");
    let mut bagged = site.tree("archive/v0002/data/public");
    let bagged_history = bagged.remove("riwayat/index.html").unwrap();
    let mut deployed = public.clone();
    let deployed_history = deployed.remove("riwayat/index.html").unwrap();
    assert!(deployed == bagged);
    let sidik = daftar::source::sha256_hex(
        &std::fs::read(site.path("archive/v0002/tagmanifest-sha256.txt")).unwrap(),
    );
    assert!(
        String::from_utf8(deployed_history)
            .unwrap()
            .contains(&sidik)
    );
    assert!(!String::from_utf8(bagged_history).unwrap().contains(&sidik));
    assert!(site.tree("internal") == site.tree("archive/v0002/data/internal"));
    assert!(site.path("archive/v0002/data/source/daftar.toml").is_file());
    assert!(
        site.path("archive/v0002/data/source/content/bkd/2024-005-data-pribadi-asn.md")
            .is_file()
    );
    // The change history, public and internal.
    let history = String::from_utf8(public["riwayat/index.html"].clone()).unwrap();
    assert!(history.contains("Versi 2:"), "{history}");
    assert!(history.contains("DIK-BKD-2024-005: Data pribadi seluruh Aparatur"));
    assert!(
        !history.contains("Perbaikan judul"),
        "the officer's note is internal"
    );
    let internal = String::from_utf8(site.tree("internal")["index.html"].clone()).unwrap();
    assert!(internal.contains("Perbaikan judul"));
    assert!(internal.contains("href=\"../archive/v0002/data/public/index.html\""));
}

#[test]
fn bags_are_read_only_and_share_unchanged_files() {
    let site = two_versions();
    for e in WalkDir::new(site.path("archive/v0002"))
        .into_iter()
        .flatten()
    {
        assert!(
            e.metadata().unwrap().permissions().readonly(),
            "{} is writable",
            e.path().display()
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let ino = |rel: &str| std::fs::metadata(site.path(rel)).unwrap().ino();
        // An unchanged record page is the same file in both versions; the changed one is not.
        assert_eq!(
            ino(
                "archive/v0001/data/public/dkisp-2025-004-konfigurasi-keamanan-pusat-data/index.html"
            ),
            ino(
                "archive/v0002/data/public/dkisp-2025-004-konfigurasi-keamanan-pusat-data/index.html"
            )
        );
        assert_ne!(
            ino("archive/v0001/data/public/bkd-2024-005-data-pribadi-asn/index.html"),
            ino("archive/v0002/data/public/bkd-2024-005-data-pribadi-asn/index.html")
        );
    }
}

#[test]
fn publish_reports_what_the_version_cost() {
    let site = Site::sample();
    assert_eq!(site.publish(&[]).code, 0);
    site.edit_record();
    let run = site.publish(&[]);
    let line = run.stdout.lines().nth(1).unwrap();
    // 83 payload files: the changed record's public and internal pages and its source,
    // the register, the history page, the exports and the internal index are new; the
    // rest are links to v0001 (the other records' internal pages list only the versions
    // in which they came in or changed, so a version leaves them alone).
    assert_eq!(
        line,
        "  arsip:    archive/v0002/ (83 berkas; 10 ditulis, 73 tautan keras ke versi sebelumnya; 181 KB baru)"
    );
    assert!(
        run.stdout
            .contains("Sidik versi ini (SHA-256 tagmanifest-sha256.txt): ")
    );
}

#[test]
fn publishing_without_a_change_adds_nothing_and_says_so() {
    let site = Site::sample();
    assert_eq!(site.publish(&[]).code, 0);
    let public = site.tree("public");
    let again = site.publish(&[]);
    assert_eq!(again.code, 0);
    assert_eq!(
        again.stdout,
        "Tidak ada perubahan sejak versi v0001: sumber, versi daftar, dan status setiap catatan sama. Tidak ada versi baru (pakai --paksa untuk tetap menerbitkan).\n"
    );
    assert_eq!(site.bags(), ["v0001"]);
    assert_eq!(site.tree("public"), public);
    let forced = site.publish(&["--paksa", "--catatan", "Terbit ulang"]);
    assert_eq!(forced.code, 0);
    assert_eq!(site.bags(), ["v0001", "v0002"]);
}

/// The office's logo is a source of every page: a new logo is a new version, and the
/// version keeps the logo among its sources.
#[test]
fn a_new_logo_is_a_new_version_that_keeps_it() {
    let site = Site::sample();
    // A one-pixel PNG (the signature and a header are what daftar checks).
    let png = |colour: u8| {
        let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0".to_vec();
        b.push(colour);
        b
    };
    std::fs::write(site.path("lambang.png"), png(1)).unwrap();
    let config = std::fs::read_to_string(site.path("daftar.toml")).unwrap();
    std::fs::write(
        site.path("daftar.toml"),
        format!("logo = \"lambang.png\"\n{config}"),
    )
    .unwrap();
    let first = site.publish(&[]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_eq!(
        std::fs::read(site.path("archive/v0001/data/source/lambang.png")).unwrap(),
        png(1)
    );
    std::fs::write(site.path("lambang.png"), png(2)).unwrap();
    let second = site.publish(&[]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert_eq!(site.bags(), ["v0001", "v0002"], "{}", second.stdout);
    assert_eq!(std::fs::read(site.path("public/logo.png")).unwrap(), png(2));
    assert_eq!(site.run(&["verify"]).code, 0);
}

#[test]
fn a_term_ending_is_a_change_even_without_an_edit() {
    let site = Site::sample();
    assert_eq!(site.publish(&[]).code, 0);
    // DIK-BAPENDA-2025-002 runs until 31 December 2026: a year later it has ended.
    let later = site.run(&["publish", "--tanggal", "2027-01-02"]);
    assert_eq!(later.code, 0, "{}", later.stderr);
    assert_eq!(site.bags(), ["v0001", "v0002"]);
}

#[test]
fn a_failed_publish_changes_nothing() {
    let site = Site::sample();
    assert_eq!(site.publish(&[]).code, 0);
    let before = (
        site.tree("public"),
        site.tree("internal"),
        site.tree("archive"),
    );
    let path = site.path("content/bkd/2024-005-data-pribadi-asn.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace(
            "nip = \"19760814 200112 1 003\"",
            "nip = \"19760814 200113 1 003\"",
        ),
    )
    .unwrap();
    let run = site.publish(&[]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("galat[E0403]"), "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "Penerbitan dibatalkan: 1 galat, 3 peringatan. Situs dan arsip tidak diubah.\n"
    );
    assert_eq!(
        (
            site.tree("public"),
            site.tree("internal"),
            site.tree("archive")
        ),
        before
    );
    assert_eq!(site.bags(), ["v0001"]);
}

#[test]
fn an_archive_that_cannot_be_written_changes_nothing() {
    let site = Site::sample();
    assert_eq!(site.run(&["build", "--tanggal", DATE]).code, 0);
    let before = (site.tree("public"), site.tree("internal"));
    // A file where the archive folder must be.
    std::fs::write(site.path("archive"), "bukan folder").unwrap();
    let run = site.publish(&[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "galat[E0602]: gagal menulis [ROOT]/archive: di tempat itu ada berkas, bukan folder"
        ),
        "{}",
        run.stderr
    );
    assert_eq!((site.tree("public"), site.tree("internal")), before);
    assert_eq!(
        std::fs::read_to_string(site.path("archive")).unwrap(),
        "bukan folder"
    );
}

#[test]
fn publish_refuses_to_chain_onto_a_damaged_archive() {
    let site = two_versions();
    site.tamper("archive/v0001/data/public/index.html", |b| b[10] ^= 1);
    let path = site.path("content/bkd/2024-005-data-pribadi-asn.md");
    let text = std::fs::read_to_string(&path).unwrap() + "\nTambahan penjelasan.\n";
    std::fs::write(path, text).unwrap();
    let run = site.publish(&["--paksa"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .starts_with("Penerbitan dibatalkan: arsip archive/ rusak"),
        "{}",
        run.stdout
    );
    assert_eq!(site.bags(), ["v0001", "v0002"]);
}

fn verify_fails(site: &Site, expected: &[&str]) {
    let run = site.run(&["verify"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let headlines: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("galat["))
        .collect();
    assert_eq!(headlines, expected, "{}", run.stderr);
    let json = site.run(&["verify", "--format", "json"]);
    assert_eq!(json.code, 1);
    assert!(
        json.stdout.contains("\"file\":\"archive/"),
        "{}",
        json.stdout
    );
}

#[test]
fn verify_names_a_changed_byte() {
    let site = two_versions();
    site.tamper("archive/v0002/data/public/index.html", |b| b[100] ^= 0x20);
    verify_fails(
        &site,
        &[
            "galat[E0701]: v0002: berkas data/public/index.html berubah (SHA-256 tidak cocok dengan manifest)",
        ],
    );
}

#[test]
fn verify_names_a_deleted_file() {
    let site = two_versions();
    writable(&site.path("archive/v0001/data/source/content/bkd"));
    std::fs::remove_file(
        site.path("archive/v0001/data/source/content/bkd/2024-005-data-pribadi-asn.md"),
    )
    .unwrap();
    verify_fails(
        &site,
        &[
            "galat[E0702]: v0001: berkas data/source/content/bkd/2024-005-data-pribadi-asn.md hilang",
        ],
    );
}

#[test]
fn verify_names_an_added_file() {
    let site = two_versions();
    writable(&site.path("archive/v0002/data/public"));
    std::fs::write(
        site.path("archive/v0002/data/public/tambahan.html"),
        "<p>palsu</p>",
    )
    .unwrap();
    verify_fails(
        &site,
        &[
            "galat[E0703]: v0002: berkas tambahan data/public/tambahan.html, tidak tercantum di manifest",
        ],
    );
}

#[test]
fn verify_names_an_edited_bag_info_and_the_broken_chain() {
    let site = two_versions();
    site.tamper("archive/v0001/bag-info.txt", |b| {
        let text = String::from_utf8(b.clone())
            .unwrap()
            .replace("Penerbitan pertama", "Penerbitan ulang");
        *b = text.into_bytes();
    });
    verify_fails(
        &site,
        &["galat[E0701]: v0001: berkas bag-info.txt berubah (SHA-256 tidak cocok dengan manifest)"],
    );
    // A careful tamperer also rewrites the tag manifest: the next version's link breaks.
    let dir = site.path("archive/v0001");
    let tagmanifest: String = [
        "bag-info.txt",
        "bagit.txt",
        "daftar-versi.json",
        "manifest-sha256.txt",
    ]
    .iter()
    .map(|f| {
        format!(
            "{}  {f}\n",
            daftar::source::sha256_hex(&std::fs::read(dir.join(f)).unwrap())
        )
    })
    .collect();
    site.tamper("archive/v0001/tagmanifest-sha256.txt", |b| {
        *b = tagmanifest.into_bytes()
    });
    verify_fails(
        &site,
        &[
            "galat[E0704]: v0002: rantai putus: v0001 telah diubah sejak v0002 diterbitkan (SHA-256 tagmanifest-sha256.txt v0001 tidak cocok)",
        ],
    );
}

#[test]
fn verify_names_a_missing_version() {
    let site = two_versions();
    writable(&site.path("archive"));
    daftar::write::remove_tree(&site.path("archive/v0001")).unwrap();
    verify_fails(
        &site,
        &["galat[E0704]: rantai putus: versi v0001 hilang dari arsip"],
    );
}

#[test]
fn the_same_sources_and_date_build_byte_identical_outputs() {
    let a = Site::sample();
    let b = Site::sample();
    assert_eq!(a.run(&["build", "--tanggal", DATE]).code, 0);
    // A different moment of building, the same build date: the same bytes.
    let mut cmd = b.command(&["build", "--tanggal", DATE]);
    cmd.env("SOURCE_DATE_EPOCH", "1790000000");
    assert!(cmd.status().unwrap().success());
    assert_eq!(a.tree("public"), b.tree("public"));
    assert_eq!(a.tree("internal"), b.tree("internal"));
    // And a rebuild after publishing reproduces what publish deployed, which is what the
    // bag holds but for the history page (the deployed one lists the bag's own sidik).
    assert_eq!(a.publish(&[]).code, 0);
    let deployed = (a.tree("public"), a.tree("internal"));
    assert_eq!(a.run(&["build", "--tanggal", DATE]).code, 0);
    assert!((a.tree("public"), a.tree("internal")) == deployed);
    let without_history = |mut t: BTreeMap<String, Vec<u8>>| {
        assert!(t.remove("riwayat/index.html").is_some());
        t
    };
    assert!(
        without_history(a.tree("public")) == without_history(a.tree("archive/v0001/data/public"))
    );
    assert!(a.tree("internal") == a.tree("archive/v0001/data/internal"));
}

#[test]
fn verify_reports_an_empty_archive_and_a_bad_config() {
    let site = Site::sample();
    let run = site.run(&["verify"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (
            0,
            "Arsip archive/ belum berisi versi; belum ada yang diterbitkan.\n"
        )
    );
    std::fs::write(site.path("daftar.toml"), "zona_waktu = \"UTC\"\n").unwrap();
    assert_eq!(site.run(&["verify"]).code, 2);
}
