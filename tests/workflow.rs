//! The officer's whole workflow, as the guide (`docs/panduan.md`) tells it, on the real
//! binary in a scratch folder: `init` (§3), `new` and filling in the skeleton (§4.2, §4.3,
//! §4.13), removing the example (§3), `check`, `build` (§6.3), `publish` (§7, §7.2), a
//! change published again, `verify` and `verify --sidik` with the sidik of the public
//! history page (§10.2, §10.3), and a tampered archive found by `verify`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{BIN, DATE};

/// One run of `daftar` in human form.
struct Run {
    args: String,
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn transcript(&self) -> String {
        format!(
            "$ daftar {}\nexit {:?}\n--- stdout\n{}--- stderr\n{}",
            self.args, self.code, self.stdout, self.stderr
        )
    }

    /// The run ended with `code`.
    fn exits(&self, code: i32) -> &Run {
        assert_eq!(self.code, Some(code), "{}", self.transcript());
        self
    }

    /// Standard output says `text`.
    fn says(&self, text: &str) -> &Run {
        assert!(
            self.stdout.contains(text),
            "expected on stdout: {text}\n{}",
            self.transcript()
        );
        self
    }

    /// Standard error (the diagnostics) says `text`.
    fn warns(&self, text: &str) -> &Run {
        assert!(
            self.stderr.contains(text),
            "expected on stderr: {text}\n{}",
            self.transcript()
        );
        self
    }

    /// The headlines of the diagnostics (`galat[…]: …`, `peringatan[…]: …`).
    fn headlines(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| l.starts_with("galat[") || l.starts_with("peringatan["))
            .collect()
    }
}

/// The officer's site folder, `kantor-ppid` in a scratch folder.
struct Office {
    _tmp: tempfile::TempDir,
    site: PathBuf,
}

impl Drop for Office {
    fn drop(&mut self) {
        // Published versions are read-only; make them removable again.
        for e in walkdir::WalkDir::new(&self.site).into_iter().flatten() {
            if let Ok(meta) = std::fs::symlink_metadata(e.path())
                && !meta.file_type().is_symlink()
            {
                let mut p = meta.permissions();
                #[allow(clippy::permissions_set_readonly_false)]
                p.set_readonly(false);
                let _ = std::fs::set_permissions(e.path(), p);
            }
        }
    }
}

impl Office {
    fn new() -> Office {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path().join("kantor-ppid");
        Office { _tmp: tmp, site }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.site.join(rel)
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    fn write(&self, rel: &str, text: &str) {
        std::fs::write(self.path(rel), text).unwrap();
    }

    /// `daftar ARGS` run in the site folder, as the guide has the officer do (`cd
    /// kantor-ppid`), with the tests' build date.
    fn daftar(&self, args: &[&str]) -> Run {
        self.daftar_in(&self.site, args)
    }

    fn daftar_in(&self, dir: &Path, args: &[&str]) -> Run {
        let out = Command::new(BIN)
            .args(args)
            .args(["--tanggal", DATE])
            .current_dir(dir)
            .env("NO_COLOR", "1")
            .env_remove("SOURCE_DATE_EPOCH")
            .env_remove("DAFTAR_FAULT")
            .output()
            .unwrap();
        Run {
            args: args.join(" "),
            code: out.status.code(),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    }

    /// The published versions, by folder name.
    fn versions(&self) -> Vec<String> {
        common::folder_names(&self.path("archive"))
    }
}

/// Replaces the first `from` in `text` (which must be there) with `to`: the officer
/// filling in the skeleton's blanks from the top.
fn fill(text: &mut String, from: &str, to: &str) {
    let at = text
        .find(from)
        .unwrap_or_else(|| panic!("the skeleton has no `{from}`:\n{text}"));
    text.replace_range(at..at + from.len(), to);
}

/// The sidik of every version on the public history page, `(version, sidik)`.
fn sidik_on_history_page(html: &str) -> Vec<(String, String)> {
    html.split("id=\"judul-")
        .skip(1)
        .map(|section| {
            let version = section[..5].to_string();
            assert!(
                version.starts_with('v') && version[1..].chars().all(|c| c.is_ascii_digit()),
                "{version}"
            );
            let after = section
                .split_once("Sidik arsip versi")
                .unwrap_or_else(|| panic!("no sidik for {version}"))
                .1;
            let code = after.split_once("<code>").unwrap().1;
            let sidik = code.split_once("</code>").unwrap().0.to_string();
            assert!(
                sidik.len() == 64 && sidik.chars().all(|c| c.is_ascii_hexdigit()),
                "{sidik}"
            );
            (version, sidik)
        })
        .collect()
}

/// The sidik `publish` prints for the new version.
fn printed_sidik(run: &Run) -> String {
    let line = run
        .stdout
        .lines()
        .find_map(|l| l.strip_prefix("Sidik versi ini (SHA-256 tagmanifest-sha256.txt): "))
        .unwrap_or_else(|| panic!("publish printed no sidik\n{}", run.transcript()));
    assert_eq!(line.len(), 64, "{line}");
    line.to_string()
}

const NOMOR: &str = "DIK-2026-001";
const FILE: &str = "content/dik-2026-001.md";
const JUDUL: &str = "Hasil asesmen kompetensi pegawai dalam seleksi jabatan administrator";
const KEPUTUSAN: &str = "188.4/014/DKISP/III/2026";

/// The skeleton `daftar new` wrote, filled in as the guide's complete example (§4.3).
fn filled_in(skeleton: &str) -> String {
    let mut t = skeleton.to_string();
    fill(
        &mut t,
        "unit = \"\"",
        "unit = \"Sekretariat Dinas Komunikasi, Informatika, Statistik dan Persandian\"",
    );
    fill(&mut t, "pasal_17 = []", "pasal_17 = [\"h.4\"]");
    fill(
        &mut t,
        "dasar_hukum = [\"\"]",
        "dasar_hukum = [\"Pasal 17 huruf h angka 4 UU 14/2008 tentang Keterbukaan Informasi Publik\"]",
    );
    fill(
        &mut t,
        "akibat_dibuka = \"\"",
        "akibat_dibuka = \"Nilai dan rekomendasi kemampuan setiap peserta dapat diketahui umum sehingga merugikan nama baik dan kesempatan kerja peserta.\"",
    );
    fill(
        &mut t,
        "manfaat_ditutup = \"\"",
        "manfaat_ditutup = \"Rahasia pribadi peserta terlindungi, sedangkan hasil akhir seleksi tetap diumumkan secara terbuka.\"",
    );
    fill(
        &mut t,
        "keputusan = \"\"",
        &format!("keputusan = \"{KEPUTUSAN}\""),
    );
    fill(
        &mut t,
        "# catatan_internal = \"\"",
        "catatan_internal = \"Berkas asli di lemari arsip Sekretariat, rak B.3.\"",
    );
    // The SOP steps: the real start (in the site's time zone) and minutes of each.
    for (no, mulai, menit) in [
        (1, "2026-03-09T08:00:00", 30),
        (2, "2026-03-09T08:40:00", 15),
        (3, "2026-03-09T09:00:00", 25),
        (4, "2026-03-09T09:30:00", 40),
        (5, "2026-03-09T10:15:00", 35),
        (6, "2026-03-09T13:30:00", 15),
        (7, "2026-03-10T09:00:00", 15),
        (8, "2026-03-11T08:30:00", 10),
    ] {
        fill(
            &mut t,
            &format!("{{ no = {no}, mulai = 2026-11-25T00:00:00, menit = 0 }}"),
            &format!("{{ no = {no}, mulai = {mulai}, menit = {menit} }}"),
        );
    }
    // The three sign-offs, in the order the skeleton has them.
    for (nama, nip, jabatan, tanggal) in [
        (
            "Sari Puspitasari, S.I.Kom.",
            "199204172019032011",
            "Pranata Hubungan Masyarakat Ahli Pertama",
            "2026-03-09T11:00:00",
        ),
        (
            "Drs. Yohanes Mandala, M.Si.",
            "19780909 200312 1 004",
            "Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian",
            "2026-03-09T14:00:00",
        ),
        (
            "Dr. Ir. Hasanuddin Lubis, M.M.",
            "197011251996031002",
            "Sekretaris Daerah Provinsi",
            "2026-03-10T09:30:00",
        ),
    ] {
        fill(&mut t, "nama = \"\"", &format!("nama = \"{nama}\""));
        fill(&mut t, "nip = \"\"", &format!("nip = \"{nip}\""));
        fill(
            &mut t,
            "jabatan = \"\"",
            &format!("jabatan = \"{jabatan}\""),
        );
        fill(
            &mut t,
            "tanggal = 2026-11-25T00:00:00",
            &format!("tanggal = {tanggal}"),
        );
    }
    fill(
        &mut t,
        "Penjelasan publik (Markdown, opsional).",
        "Hasil asesmen setiap peserta memuat penilaian kemampuan pribadi. Yang diumumkan\nhanya nama peserta yang lulus setiap tahap seleksi.",
    );
    t
}

/// The decision of the record, written after the form of the example `init` wrote.
fn decision(example: &str) -> String {
    let mut t = example.to_string();
    for (from, to) in [
        ("nomor = \"188.4/001/CONTOH/2025\"", format!("nomor = \"{KEPUTUSAN}\"")),
        (
            "tentang = \"Penetapan Informasi Publik yang Dikecualikan di Lingkungan Pemerintah Provinsi\"",
            "tentang = \"Penetapan Informasi Publik yang Dikecualikan di Lingkungan Dinas Komunikasi, Informatika, Statistik dan Persandian Tahun 2026\"".into(),
        ),
        ("tanggal = 2025-03-07", "tanggal = 2026-03-06".into()),
        ("nama = \"Dr. Andi Saputra, M.Si.\"", "nama = \"Drs. Yohanes Mandala, M.Si.\"".into()),
        (
            "jabatan = \"Kepala DKISP Provinsi Kalimantan Utara selaku PPID Utama\"",
            "jabatan = \"Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian selaku PPID Utama\"".into(),
        ),
        ("nama = \"Ir. Bambang Hermawan, M.T.\"", "nama = \"Dr. Ir. Hasanuddin Lubis, M.M.\"".into()),
        ("tanggal = 2025-03-05", "tanggal = 2026-03-04".into()),
        ("tanggal = 2025-03-03", "tanggal = 2026-03-02".into()),
        ("nomor_lembar = \"UK/001/CONTOH/2025\"", "nomor_lembar = \"UK/014/DKISP/III/2026\"".into()),
        (
            "peserta = [\"Dr. Andi Saputra, M.Si. (PPID Utama)\", \"Rina Wulandari, S.Kom. (Petugas PPID)\"]",
            "peserta = [\"Drs. Yohanes Mandala, M.Si. (PPID Utama)\", \"Sari Puspitasari, S.I.Kom. (Petugas PPID)\"]".into(),
        ),
    ] {
        assert_eq!(t.matches(from).count(), 1, "the example decision: {from}");
        t = t.replace(from, &to);
    }
    assert!(!t.contains("CONTOH"), "{t}");
    t
}

#[test]
fn the_officer_workflow_of_the_guide_from_init_to_a_verified_archive() {
    let office = Office::new();
    let parent = office.site.parent().unwrap().to_path_buf();

    // §3: `daftar init kantor-ppid` makes the site, with an example it says is one.
    office
        .daftar_in(&parent, &["init", "kantor-ppid"])
        .exits(0)
        .says("Situs baru dibuat di kantor-ppid: daftar.toml, content/contoh.md, keputusan/contoh.md, .gitignore.")
        .says("content/contoh.md dan keputusan/contoh.md hanya contoh (pejabat dan NIP rekaan)")
        .says("`daftar publish` menolak menerbitkan selama keduanya ada");
    assert!(office.path("content/contoh.md").is_file());
    assert!(office.path("keputusan/contoh.md").is_file());
    // The example builds, with a warning for each example file, and one for the
    // contact the office has yet to give.
    let check = office.daftar(&["check"]);
    check
        .exits(0)
        .says("Pemeriksaan selesai: 1 catatan sah (1 berlaku, 0 berakhir); 0 galat, 3 peringatan.");
    assert_eq!(
        check.headlines(),
        [
            "peringatan[W0010]: catatan ini contoh dari `daftar init`: pejabat, NIP, dan keputusannya rekaan, bukan informasi yang dikecualikan",
            "peringatan[W0508]: situs publik tidak menyebut cara menghubungi PPID: [kontak] tidak memuat alamat, telepon, surel, atau whatsapp",
            "peringatan[W0010]: keputusan ini contoh dari `daftar init`: nomor, pejabat, dan pesertanya rekaan",
        ],
        "{}",
        check.transcript()
    );
    // §3.1: the office gives its address and e-mail in [kontak].
    let config = office.read("daftar.toml");
    let config = config
        .replace(
            "# alamat = \"Jl. ..., Tanjung Selor\"",
            "alamat = \"Jl. Rekaan No. 1, Tanjung Selor\"",
        )
        .replace(
            "# surel = \"ppid@....go.id\"",
            "surel = \"ppid@example.go.id\"",
        );
    office.write("daftar.toml", &config);

    // §4.2: `daftar new` writes a skeleton, which fails `check` until it is filled in.
    office
        .daftar(&["new", "--judul", JUDUL])
        .exits(0)
        .says(&format!("Catatan baru: {FILE}\n"))
        .says("Isi setiap kolom yang kosong, waktu setiap langkah SOP, dan ketiga pengesahan, lalu jalankan `daftar check`.");
    let skeleton = office.read(FILE);
    assert!(
        skeleton.contains(&format!("nomor = \"{NOMOR}\"")),
        "{skeleton}"
    );
    assert!(
        skeleton.contains(&format!("judul = \"{JUDUL}\"")),
        "{skeleton}"
    );
    let unfinished = office.daftar(&["check"]);
    unfinished
        .exits(1)
        .says("Pemeriksaan menemukan masalah di 1 dari 2 berkas catatan;")
        .warns(&format!("--> {FILE}:"))
        .warns("galat[E0105]: `unit` tidak boleh kosong")
        .warns("galat[E0106]: `pasal_17` harus berisi sekurang-kurangnya satu rujukan")
        .warns("galat[E0304]: `langkah[no=1].menit` harus bilangan bulat lebih dari 0");
    // Every error is the skeleton's.
    assert_eq!(
        unfinished.stderr.matches("\ngalat[").count()
            + usize::from(unfinished.stderr.starts_with("galat[")),
        unfinished.stderr.matches(&format!("--> {FILE}:")).count(),
        "{}",
        unfinished.transcript()
    );
    // Nothing unfinished is built either.
    office
        .daftar(&["build"])
        .exits(1)
        .says("Pembangunan dibatalkan:");
    assert!(!office.path("public").exists());

    // §4.3 and §4.13: the officer fills in the record and writes its decision, after the
    // form of the example decision.
    office.write(FILE, &filled_in(&skeleton));
    let example_decision = office.read("keputusan/contoh.md");
    office.write("keputusan/2026-014.md", &decision(&example_decision));
    let check = office.daftar(&["check"]);
    check
        .exits(0)
        .says("Pemeriksaan selesai: 2 catatan sah (2 berlaku, 0 berakhir); 0 galat, 2 peringatan.");
    assert!(
        check
            .headlines()
            .iter()
            .all(|h| h.starts_with("peringatan[W0010]")),
        "{}",
        check.transcript()
    );

    // §3: publish refuses while the example is there, and writes nothing.
    let refused = office.daftar(&[
        "publish",
        "--catatan",
        "Penetapan DIK Dinas Kominfo Maret 2026",
    ]);
    refused
        .exits(1)
        .says("Penerbitan dibatalkan: 2 galat, 0 peringatan. Situs dan arsip tidak diubah.")
        .warns("galat[E0010]: catatan ini contoh dari `daftar init`")
        .warns("--> content/contoh.md:2:9")
        .warns("galat[E0010]: keputusan ini contoh dari `daftar init`")
        .warns("--> keputusan/contoh.md:2:9");
    assert!(!office.path("archive").exists());
    assert!(!office.path("public").exists());

    // Remove the example record and decision: the site is the officer's own.
    std::fs::remove_file(office.path("content/contoh.md")).unwrap();
    std::fs::remove_file(office.path("keputusan/contoh.md")).unwrap();
    let check = office.daftar(&["check"]);
    check
        .exits(0)
        .says("Pemeriksaan selesai: 1 catatan sah (1 berlaku, 0 berakhir); 0 galat, 0 peringatan.");
    assert_eq!(check.stderr, "", "{}", check.transcript());

    // §6.3: `daftar build` writes the public site, which lists the new record.
    office
        .daftar(&["build"])
        .exits(0)
        .says("Situs dibangun untuk 25 November 2026: 1 catatan sah (1 berlaku, 0 berakhir); 0 galat, 0 peringatan.")
        .says("  internal: internal/ (")
        .says("berkas, jangan diunggah ke publik)");
    // The request page gives the contact of §3.1.
    let request = office.read("public/tentang/index.html");
    assert!(request.contains("ppid@example.go.id"), "{request}");
    assert!(
        request.contains("Jl. Rekaan No. 1, Tanjung Selor"),
        "{request}"
    );
    let index = office.read("public/index.html");
    assert!(index.contains(NOMOR), "the register does not list {NOMOR}");
    assert!(
        index.contains(JUDUL),
        "the register does not list its title"
    );
    assert!(
        index.contains("dik-2026-001/index.html"),
        "no link to the record's page"
    );
    let page = office.read("public/dik-2026-001/index.html");
    assert!(page.contains(KEPUTUSAN) && page.contains("Drs. Yohanes Mandala, M.Si."));
    // Nothing internal on the public page.
    assert!(!page.contains("199204172019032011") && !page.contains("rak B.3"));
    // §6.4: the internal index links the record's own internal page, which holds it.
    assert!(
        office
            .read("internal/index.html")
            .contains("<a href=\"dik-2026-001/index.html\">")
    );
    assert!(
        office
            .read("internal/dik-2026-001/index.html")
            .contains("rak B.3")
    );

    // §7: `daftar publish` makes version v0001 and prints its sidik.
    let first = office.daftar(&[
        "publish",
        "--catatan",
        "Penetapan DIK Dinas Kominfo Maret 2026",
    ]);
    first
        .exits(0)
        .says("Versi v0001 diterbitkan: 1 catatan sah (1 berlaku, 0 berakhir); 1 ditambah, 0 dihapus, 0 diubah.\n  arsip:    archive/v0001/ (")
        .says("Catat sidik itu di luar arsip (misalnya dalam berita acara): dengan `daftar verify --sidik v0001=SIDIK` versi terbaru pun dapat dibuktikan utuh.");
    let sidik_1 = printed_sidik(&first);
    assert_eq!(office.versions(), ["v0001"]);
    assert_eq!(
        office.read(&format!("archive/v0001/data/source/{FILE}")),
        office.read(FILE)
    );
    assert!(
        office
            .read("archive/v0001/bag-info.txt")
            .contains("External-Description: Penetapan DIK Dinas Kominfo Maret 2026")
    );

    // §7.2: with no change, no new version.
    office
        .daftar(&["publish", "--catatan", "Tanpa perubahan"])
        .exits(0)
        .says("Tidak ada perubahan sejak versi v0001: sumber, versi daftar, dan status setiap catatan sama. Tidak ada versi baru (pakai --paksa untuk tetap menerbitkan).");
    assert_eq!(office.versions(), ["v0001"]);

    // A change to the record, published again: v0002.
    let record = office.read(FILE);
    office.write(
        FILE,
        &record.replace(
            "hanya nama peserta yang lulus setiap tahap seleksi.",
            "hanya nama peserta yang lulus setiap tahap seleksi dan nilai akhirnya.",
        ),
    );
    assert_ne!(office.read(FILE), record);
    let second = office.daftar(&["publish", "--catatan", "Perbaikan penjelasan"]);
    second
        .exits(0)
        .says("Versi v0002 diterbitkan: 1 catatan sah (1 berlaku, 0 berakhir); 0 ditambah, 0 dihapus, 1 diubah.")
        .says("tautan keras ke versi sebelumnya");
    let sidik_2 = printed_sidik(&second);
    assert_ne!(sidik_1, sidik_2);
    assert_eq!(office.versions(), ["v0001", "v0002"]);
    assert!(
        office
            .read("public/dik-2026-001/index.html")
            .contains("dan nilai akhirnya.")
    );

    // §10.2: `daftar verify` finds the archive whole, checked inside the archive only.
    office
        .daftar(&["verify"])
        .exits(0)
        .says("Arsip archive/ utuh: 2 versi, ")
        .says("berkas diperiksa, rantai versi tersambung.\n")
        .says("Hanya diperiksa di dalam arsip: v0001 sampai v0002 (arsip yang diubah lalu disidik ulang seluruhnya tidak terlihat dari dalam); buktikan dengan `daftar verify --sidik v0002=SIDIK`");

    // §10.3: with the sidik of the public history page (the record outside the archive).
    // The page lists the newest version first.
    let mut history = sidik_on_history_page(&office.read("public/riwayat/index.html"));
    history.reverse();
    assert_eq!(
        history,
        [
            ("v0001".to_string(), sidik_1.clone()),
            ("v0002".to_string(), sidik_2.clone())
        ],
        "the history page gives the sidik publish printed"
    );
    let anchor = format!("v0002={}", history[1].1);
    let anchored = office.daftar(&["verify", "--sidik", &anchor]);
    anchored
        .exits(0)
        .says("Arsip archive/ utuh: 2 versi, ")
        .says("Dibuktikan dengan sidik dari luar arsip: v0001 sampai v0002.\n");
    assert!(
        !anchored.stdout.contains("Hanya diperiksa di dalam arsip"),
        "{}",
        anchored.transcript()
    );
    // A sidik that is not the version's is E0707.
    let wrong = format!("v0002={sidik_1}");
    office
        .daftar(&["verify", "--sidik", &wrong])
        .exits(1)
        .warns(&format!(
            "galat[E0707]: v0002: sidik tagmanifest-sha256.txt ({sidik_2}) tidak sama dengan sidik yang diberikan ({sidik_1}): versi ini diubah sesudah sidik itu dicatat"
        ));

    // §10.2: a file of v0001 changed (read-only: the tamperer makes it writable first).
    let victim = office.path(&format!("archive/v0001/data/source/{FILE}"));
    let meta = std::fs::metadata(&victim).unwrap();
    assert!(
        meta.permissions().readonly(),
        "published files are read-only"
    );
    // The old text of the record is v0001's alone (not a hard link shared with v0002).
    assert_eq!(std::os::unix::fs::MetadataExt::nlink(&meta), 1);
    let mut p = meta.permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    p.set_readonly(false);
    std::fs::set_permissions(&victim, p).unwrap();
    let text = std::fs::read_to_string(&victim).unwrap();
    std::fs::write(
        &victim,
        text.replace(
            "jangka_waktu = { tahun = 5 }",
            "jangka_waktu = { tahun = 1 }",
        ),
    )
    .unwrap();
    let tampered = office.daftar(&["verify"]);
    tampered
        .exits(1)
        .says("Arsip archive/ rusak: 1 masalah pada 2 versi. Lihat rincian di atas.");
    assert_eq!(
        tampered.headlines(),
        [format!(
            "galat[E0701]: v0001: berkas data/source/{FILE} berubah (SHA-256 tidak cocok dengan manifest)"
        )],
        "{}",
        tampered.transcript()
    );
    // And publish refuses to chain onto it.
    office
        .daftar(&["publish", "--paksa"])
        .exits(1)
        .says("Penerbitan dibatalkan: arsip archive/ rusak");
    assert_eq!(office.versions(), ["v0001", "v0002"]);
}
