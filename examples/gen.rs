//! A generator of valid synthetic registers of any size, for browser checks and
//! benchmarks: `cargo run --release --example gen -- 1000 DIR`.
//!
//! The output is deterministic (the same count gives the same bytes), every record is
//! valid on the build date 2026-11-25 (one in twenty has an ended term, one in
//! twenty-five has a step over its standard time), and each record is about 3.5 KB with
//! every field, like the records of the reference benchmarks. Names and NIPs are
//! invented. DIR receives `daftar.toml` and `content/`; an existing `content/` is
//! replaced.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// SplitMix64: a tiny, fixed pseudo-random sequence, so that outputs never change with
/// a dependency's version.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const UNITS: &[(&str, &str)] = &[
    ("dkisp", "Bidang Persandian dan Keamanan Informasi, DKISP"),
    ("dkisp", "Bidang Aplikasi Informatika, DKISP"),
    (
        "bkd",
        "Bidang Data dan Informasi Kepegawaian, Badan Kepegawaian Daerah",
    ),
    (
        "inspektorat",
        "Inspektur Pembantu Khusus, Inspektorat Provinsi",
    ),
    ("bapenda", "Bidang Pajak Daerah, Badan Pendapatan Daerah"),
    (
        "dinkes",
        "UPTD Laboratorium Kesehatan Daerah, Dinas Kesehatan",
    ),
    (
        "pupr",
        "Bidang Bina Marga, Dinas Pekerjaan Umum dan Penataan Ruang",
    ),
    (
        "biro-hukum",
        "Bagian Bantuan Hukum, Biro Hukum Sekretariat Daerah",
    ),
    (
        "kesbangpol",
        "Bidang Kewaspadaan Nasional, Badan Kesatuan Bangsa dan Politik",
    ),
    (
        "dinsos",
        "Bidang Perlindungan dan Jaminan Sosial, Dinas Sosial",
    ),
];

/// (pasal codes, the information, harm if opened, what closing protects, legal basis)
const TOPICS: &[(&[&str], &str, &str, &str, &str)] = &[
    (
        &["c.6", "j"],
        "Konfigurasi sistem persandian dan kunci kriptografi layanan",
        "Membuka celah serangan siber terhadap layanan elektronik pemerintah daerah, termasuk penyadapan komunikasi dinas dan pengambilalihan sistem.",
        "Menjaga keberlangsungan dan keamanan layanan publik elektronik yang dipakai masyarakat setiap hari.",
        "UU 11/2008 tentang Informasi dan Transaksi Elektronik",
    ),
    (
        &["h.1", "h.3", "j"],
        "Data pribadi pegawai dan keluarganya dalam sistem kepegawaian",
        "Data pribadi dapat disalahgunakan untuk penipuan, pinjaman daring ilegal, atau ancaman terhadap keselamatan pegawai dan keluarganya.",
        "Hak atas privasi pegawai terlindungi, tanpa mengurangi keterbukaan informasi tentang jabatan dan formasi.",
        "UU 27/2022 tentang Pelindungan Data Pribadi",
    ),
    (
        &["a.2"],
        "Identitas pelapor dan saksi dalam pengaduan dugaan pelanggaran",
        "Pelapor dan saksi dapat mengalami intimidasi atau pembalasan sehingga masyarakat enggan melaporkan dugaan pelanggaran.",
        "Menjamin kerahasiaan pelapor agar pengawasan intern berjalan dan pengaduan masyarakat tetap mengalir.",
        "UU 31/2014 tentang Perlindungan Saksi dan Korban",
    ),
    (
        &["e.3"],
        "Kajian awal rencana perubahan tarif retribusi daerah",
        "Memicu spekulasi harga dan penyesuaian perilaku wajib retribusi sebelum kebijakan dibahas bersama DPRD.",
        "Perumusan tarif berlangsung cermat dan tertib, dan masyarakat menerima informasi tarif yang pasti setelah ditetapkan.",
        "UU 1/2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah",
    ),
    (
        &["e.4"],
        "Rencana awal lokasi dan nilai pengadaan tanah untuk pembangunan jalan",
        "Membuka peluang spekulasi tanah yang menaikkan harga dan menghambat pembangunan untuk kepentingan umum.",
        "Pengadaan tanah berlangsung wajar dan anggaran daerah terlindungi dari lonjakan harga buatan.",
        "UU 2/2012 tentang Pengadaan Tanah bagi Pembangunan untuk Kepentingan Umum",
    ),
    (
        &["h.2", "j"],
        "Rekam medis dan hasil pemeriksaan laboratorium pasien",
        "Keadaan kesehatan seseorang dapat diketahui pihak lain sehingga pasien mengalami stigma dan diskriminasi.",
        "Kepercayaan masyarakat terhadap layanan kesehatan terjaga dan data agregat tetap terbuka untuk kepentingan umum.",
        "UU 17/2023 tentang Kesehatan",
    ),
    (
        &["i"],
        "Telaahan staf dan nota dinas internal tentang strategi penanganan perkara",
        "Pertimbangan dan strategi pembelaan pemerintah daerah dapat diketahui pihak lawan dalam perkara.",
        "Pemerintah daerah dapat menyusun pembelaan secara bebas sehingga kepentingan publik yang diwakili terlindungi.",
        "UU 43/2009 tentang Kearsipan",
    ),
    (
        &["b", "j"],
        "Dokumen penawaran teknis dan rincian harga peserta tender",
        "Metode kerja dan struktur biaya peserta dapat ditiru pesaing sehingga terjadi persaingan usaha tidak sehat.",
        "Rahasia dagang peserta terlindungi, sementara hasil pemilihan dan nilai kontrak tetap diumumkan.",
        "UU 30/2000 tentang Rahasia Dagang",
    ),
    (
        &["h.4"],
        "Hasil asesmen kompetensi dan uji psikologi peserta seleksi jabatan",
        "Profil kemampuan setiap peserta dapat diketahui umum sehingga merugikan nama baik dan kesempatan berkarier.",
        "Peserta terlindungi dari stigma, sementara akuntabilitas seleksi terjaga melalui pengumuman hasil setiap tahap.",
        "UU 20/2023 tentang Aparatur Sipil Negara",
    ),
    (
        &["c.7", "j"],
        "Laporan intelijen daerah tentang kerawanan di wilayah perbatasan",
        "Pihak yang berkepentingan dapat memetakan kerawanan dan mengganggu keamanan wilayah perbatasan.",
        "Deteksi dini dan penanganan ancaman di perbatasan tetap efektif demi keselamatan warga.",
        "UU 17/2011 tentang Intelijen Negara",
    ),
];

const FIRST: &[&str] = &[
    "Rina", "Agus", "Siti", "Budi", "Dewi", "Hendra", "Nur", "Yohanes", "Fitri", "Rahmat", "Maria",
    "Andi",
];
const LAST: &[&str] = &[
    "Wulandari",
    "Pratama",
    "Rahayu",
    "Santoso",
    "Lestari",
    "Kusuma",
    "Hidayat",
    "Saragih",
    "Anggraini",
    "Syahputra",
    "Ningsih",
    "Saputra",
];

fn nip(rng: &mut Rng, birth_year: u64, female: bool) -> String {
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let appointed = birth_year + 20 + rng.below(3);
    let appointed_month = 1 + rng.below(12);
    format!(
        "{birth_year}{month:02}{day:02} {appointed}{appointed_month:02} {} {:03}",
        if female { 2 } else { 1 },
        1 + rng.below(9)
    )
}

fn person(rng: &mut Rng, title: &str, birth_year: u64) -> (String, String) {
    let female = rng.below(2) == 0;
    let name = format!("{} {}, {title}", rng.pick(FIRST), rng.pick(LAST));
    (name, nip(rng, birth_year, female))
}

/// One record's text; `i` is its index (0-based).
fn record(i: usize, rng: &mut Rng) -> (String, String) {
    let (unit_dir, unit) = *rng.pick(UNITS);
    let (pasal, judul, akibat, manfaat, uu) = *rng.pick(TOPICS);
    let year = 2022 + (i % 4) as u64;
    let month = 1 + rng.below(10);
    let day = 1 + rng.below(20);
    let nomor = format!("DIK-{}-{year}-{:05}", unit_dir.to_uppercase(), i + 1);
    let ended = i % 20 == 7;
    let over = i % 25 == 3;
    let huruf_a_to_f = pasal
        .iter()
        .any(|p| ('a'..='f').contains(&p.chars().next().unwrap()));
    let term = if ended {
        format!("{{ sampai = {year}-12-31 }}")
    } else {
        match rng.below(5) {
            0 => format!("{{ tahun = {} }}", 5 + rng.below(20)),
            1 => format!("{{ bulan = {} }}", 60 + rng.below(120)),
            2 => "{ sampai = 2031-12-31 }".to_string(),
            // Huruf a is bounded to 30 years even when it awaits an event (PP 61/2010).
            3 if pasal.iter().any(|p| p.starts_with('a')) => format!(
                "{{ peristiwa = \"Sampai putusan pengadilan berkekuatan hukum tetap\", paling_lama = {}-12-31 }}",
                year + 29
            ),
            3 => {
                "{ peristiwa = \"Sampai putusan pengadilan berkekuatan hukum tetap\" }".to_string()
            }
            _ if !huruf_a_to_f => "\"permanen\"".to_string(),
            _ => "{ tahun = 10 }".to_string(),
        }
    };
    let ditetapkan = format!("{year}-{month:02}-{day:02}");
    // Steps start on the working day after the decision, at 08:00 WITA.
    let minutes = [30u32, 15, 30, 40, 40, 15, 15, 15];
    let mut steps = String::new();
    let mut clock = 8 * 60u32;
    let mut ends = Vec::new();
    for (k, standard) in minutes.iter().enumerate() {
        let spent = if over && k == 3 {
            standard + 12
        } else {
            standard - (rng.below(u64::from(*standard) / 3)) as u32
        };
        let (h, m) = (clock / 60, clock % 60);
        writeln!(
            steps,
            "  {{ no = {}, mulai = {year}-{month:02}-{:02}T{h:02}:{m:02}:00+08:00, menit = {spent} }},",
            k + 1,
            day + 1
        )
        .unwrap();
        clock += spent;
        ends.push(clock);
        clock += 5 + rng.below(10) as u32;
    }
    let at = |minute: u32| {
        format!(
            "{year}-{month:02}-{:02}T{:02}:{:02}:00+08:00",
            day + 1,
            minute / 60,
            minute % 60
        )
    };
    let born = [
        1985 + rng.below(8),
        1970 + rng.below(6),
        1964 + rng.below(5),
    ];
    let (petugas, petugas_nip) = person(rng, "S.Kom.", born[0]);
    let (utama, utama_nip) = person(rng, "M.Si.", born[1]);
    let (atasan, atasan_nip) = person(rng, "M.H.", born[2]);
    // Petugas signs after step 5, PPID Utama after step 6, Atasan after step 7; step 8
    // started after the Atasan's sign-off, so sign right at the end of step 7.
    let text = format!(
        r#"+++
nomor = "{nomor}"
judul = "{judul} ({unit_dir} {n})"
unit = "{unit}"
pasal_17 = [{pasal}]
dasar_hukum = [
  "UU 14/2008 tentang Keterbukaan Informasi Publik Pasal 17",
  "{uu}",
  "Peraturan Pemerintah Nomor 61 Tahun 2010 tentang Pelaksanaan Undang-Undang Nomor 14 Tahun 2008",
  "Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik",
]
akibat_dibuka = "{akibat}"
manfaat_ditutup = "{manfaat}"
jangka_waktu = {term}
ditetapkan = {ditetapkan}
tempat = "Tanjung Selor"
nomor_penetapan = "188.4/{n:03}/DKISP/{year}"
catatan_internal = "Berkas induk nomor {n} disimpan di ruang arsip {unit_dir}, lemari {shelf}; lembar uji konsekuensi ditandatangani seluruh peserta rapat. Hubungi sekretariat PPID untuk salinan, dan catat setiap peminjaman berkas di buku register arsip."

langkah = [
{steps}]

[pengesahan.petugas_ppid]
nama = "{petugas}"
nip = "{petugas_nip}"
jabatan = "Pranata Komputer Ahli Pertama"
tanggal = {t5}

[pengesahan.ppid_utama]
nama = "Dr. {utama}"
nip = "{utama_nip}"
jabatan = "Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian"
tanggal = {t6}

[pengesahan.atasan_ppid]
nama = "Dr. {atasan}"
nip = "{atasan_nip}"
jabatan = "Sekretaris Daerah Provinsi"
tanggal = {t7}
+++

Informasi ini dikecualikan berdasarkan uji konsekuensi yang dilakukan PPID. Bagian
lain dari dokumen yang tidak memuat informasi yang dikecualikan tetap terbuka dan
dapat dimohonkan melalui PPID sesuai prosedur permohonan informasi publik.

Ringkasan kebijakan yang terkait dengan informasi ini diumumkan secara berkala di
laman resmi pemerintah daerah.

Pengecualian ini ditetapkan setelah PPID menimbang akibat yang timbul bila informasi
dibuka dan kepentingan publik yang dilindungi bila informasi ditutup. Pemohon yang
keberatan atas pengecualian ini dapat mengajukan keberatan kepada Atasan PPID dalam
waktu tiga puluh hari kerja, dan bila tidak puas dengan tanggapannya dapat mengajukan
penyelesaian sengketa kepada Komisi Informasi dalam waktu empat belas hari kerja.

Daftar ini ditinjau sekurang-kurangnya sekali setahun. Informasi yang jangka waktu
pengecualiannya berakhir tanpa penetapan baru menjadi informasi terbuka dan
dipindahkan ke daftar informasi yang kini terbuka, sesuai Peraturan Komisi Informasi
Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik.

Untuk pertanyaan tentang catatan ini, sebutkan nomornya ketika menghubungi PPID agar
permohonan Anda dapat ditelusuri dengan cepat dan dijawab dalam batas waktu.
"#,
        n = i + 1,
        pasal = pasal
            .iter()
            .map(|p| format!("\"{p}\""))
            .collect::<Vec<_>>()
            .join(", "),
        t5 = at(ends[4]),
        t6 = at(ends[5]),
        t7 = at(ends[6]),
        shelf = 1 + i % 12,
    );
    let path = format!("content/{unit_dir}/{:03}/dik-{:05}.md", i / 1000, i + 1);
    (path, text)
}

const CONFIG: &str = r#"judul = "Daftar Informasi Publik yang Dikecualikan"
badan_publik = "Pemerintah Provinsi Contoh"
ppid = "PPID Utama Provinsi Contoh"
base_url = "https://ppid.example.go.id/dik/"
zona_waktu = "Asia/Makassar"
tempat = "Tanjung Selor"

[kontak]
alamat = "Jl. Contoh No. 1, Tanjung Selor"
surel = "ppid@example.go.id"
"#;

/// Writes `daftar.toml` and `count` records under `dir/content/` (the tests use it too).
pub fn generate(count: usize, dir: &Path) -> std::io::Result<()> {
    let content = dir.join("content");
    if content.exists() {
        std::fs::remove_dir_all(&content)?;
    }
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("daftar.toml"), CONFIG)?;
    let mut rng = Rng(0x0DAF_7A12);
    for i in 0..count {
        let (rel, text) = record(i, &mut rng);
        let path: PathBuf = dir.join(rel);
        std::fs::create_dir_all(path.parent().expect("record in a folder"))?;
        std::fs::write(path, text)?;
    }
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(dir)) = (
        args.first().and_then(|c| c.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("pemakaian: cargo run --release --example gen -- JUMLAH FOLDER");
        std::process::exit(2);
    };
    if let Err(e) = generate(count, Path::new(dir)) {
        eprintln!("gagal menulis {dir}: {e}");
        std::process::exit(2);
    }
    println!("{count} catatan sintetis ditulis ke {dir}/content");
}
