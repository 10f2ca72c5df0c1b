//! Files that `daftar init` and `daftar new` write.

use chrono::NaiveDate;

use crate::config::Config;

pub const CONFIG: &str = r#"# Konfigurasi situs daftar. Setiap kunci punya nilai bawaan; hapus yang tidak perlu.
judul = "Daftar Informasi Publik yang Dikecualikan"
badan_publik = "Pemerintah Provinsi Kalimantan Utara"
ppid = "PPID Utama Provinsi Kalimantan Utara"
# Alamat situs publik, untuk tautan mutlak di feed dan sitemap:
# base_url = "https://ppid.example.go.id/dik/"
zona_waktu = "Asia/Makassar"   # Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)
tempat = "Tanjung Selor"       # tempat penetapan bila catatan tidak menyebutnya
tema = "default"               # themes/<tema>/ di folder ini menimpa tema bawaan

[kontak]              # untuk halaman "Cara memohon informasi": isi sedikitnya satu dari alamat, telepon, whatsapp, surel
# alamat = "Jl. ..., Tanjung Selor"
# telepon = "(0552) ..."
# whatsapp = "08..."
# surel = "ppid@....go.id"
# jam_layanan = "Senin sampai Jumat pukul 08.00–16.00 WITA"
komisi_informasi = "Komisi Informasi Provinsi Kalimantan Utara"

[keluaran]
publik = "public"      # diunggah ke hosting statis
internal = "internal"  # indeks arsip internal: jangan diunggah ke publik
arsip = "archive"      # satu salinan per versi yang diterbitkan

[sop]
# SOP bawaan: 07/SOP-PPID/DISKOMINFO.1/2017, delapan langkah, 200 menit.
melebihi_mutu_baku = "peringatan"   # atau "galat"
"#;

pub const GITIGNORE: &str = "# Keluaran daftar: dibangun ulang dari content/ kapan saja.\n/public/\n/internal/\n# Data sementara daftar (kunci, jurnal, keluaran yang sedang ditulis).\n/.daftar/\n# archive/ sengaja tidak diabaikan: itu arsip resmi setiap versi terbit.\n";

/// The segment of a number that marks the example `daftar init` writes.
pub const EXAMPLE_SEGMENT: &str = "CONTOH";

pub const EXAMPLE_HINT: &str = "hapus berkas contoh ini (content/contoh.md dan keputusan/contoh.md) atau ganti seluruh isinya sebelum menerbitkan; `daftar publish` menolak menerbitkan selama contoh ada";

/// Whether a record's or decision's number is the example's: one of its parts
/// (between `-`, `/` and `.`) is `CONTOH`.
pub fn is_example(nomor: &str) -> bool {
    nomor
        .split(['-', '/', '.'])
        .any(|part| part.eq_ignore_ascii_case(EXAMPLE_SEGMENT))
}

/// A valid example record (invented names and NIPs), established by [`EXAMPLE_DECISION`].
pub const EXAMPLE_RECORD: &str = r#"+++
nomor = "DIK-CONTOH-2025-001"
judul = "Material sandi dan pola jaring komunikasi sandi Pemerintah Provinsi"
unit = "Bidang Persandian dan Keamanan Informasi"
pasal_17 = ["c.6"]
dasar_hukum = [
  "Pasal 17 huruf c angka 6 UU 14/2008 tentang Keterbukaan Informasi Publik",
  "Peraturan BSSN Nomor 10 Tahun 2019 tentang Pelaksanaan Persandian untuk Pengamanan Informasi di Pemerintah Daerah",
]
akibat_dibuka = "Pihak yang tidak berhak dapat menyadap dan membaca komunikasi sandi pemerintah daerah."
manfaat_ditutup = "Kerahasiaan komunikasi pemerintahan terjaga sehingga layanan publik tidak terganggu."
jangka_waktu = { tahun = 5 }
keputusan = "188.4/001/CONTOH/2025"   # berkas keputusan/contoh.md; tanggal dan tempat diambil dari sana
catatan_internal = "Contoh dari `daftar init`; ganti dengan catatan sebenarnya."

langkah = [
  { no = 1, mulai = 2025-03-10T08:30:00+08:00, menit = 28 },
  { no = 2, mulai = 2025-03-10T09:05:00+08:00, menit = 15 },
  { no = 3, mulai = 2025-03-10T09:30:00+08:00, menit = 25 },
  { no = 4, mulai = 2025-03-10T10:00:00+08:00, menit = 40 },
  { no = 5, mulai = 2025-03-10T10:45:00+08:00, menit = 40 },
  { no = 6, mulai = 2025-03-10T13:00:00+08:00, menit = 15 },
  { no = 7, mulai = 2025-03-11T09:00:00+08:00, menit = 15 },
  { no = 8, mulai = 2025-03-12T10:30:00+08:00, menit = 10 },
]

[pengesahan.petugas_ppid]
nama = "Rina Wulandari, S.Kom."
nip = "199001152015032004"
jabatan = "Pranata Komputer Ahli Pertama"
tanggal = 2025-03-10T11:40:00+08:00

[pengesahan.ppid_utama]
nama = "Dr. Andi Saputra, M.Si."
nip = "19750321 200003 1 002"
jabatan = "Kepala DKISP Provinsi Kalimantan Utara"
tanggal = 2025-03-10T13:20:00+08:00

[pengesahan.atasan_ppid]
nama = "Ir. Bambang Hermawan, M.T."
nip = "196807121994031005"
jabatan = "Sekretaris Daerah Provinsi Kalimantan Utara"
tanggal = 2025-03-12T10:00:00+08:00
+++

Material sandi dan pola jaring komunikasi sandi memuat unsur sistem persandian yang
melindungi komunikasi pemerintah daerah. Kebijakan umum keamanan informasi tetap
terbuka dan dapat dimohonkan melalui PPID.
"#;

/// A valid example decision (invented names), the one the example record refers to.
pub const EXAMPLE_DECISION: &str = r#"+++
nomor = "188.4/001/CONTOH/2025"
tentang = "Penetapan Informasi Publik yang Dikecualikan di Lingkungan Pemerintah Provinsi"
tanggal = 2025-03-07
tempat = "Tanjung Selor"

[pejabat]                 # pejabat PPID yang menetapkan
nama = "Dr. Andi Saputra, M.Si."
jabatan = "Kepala DKISP Provinsi Kalimantan Utara selaku PPID Utama"

[persetujuan]             # persetujuan pimpinan badan publik
nama = "Ir. Bambang Hermawan, M.T."
jabatan = "Sekretaris Daerah Provinsi Kalimantan Utara"
kapasitas = "a.n. Gubernur Kalimantan Utara"
tanggal = 2025-03-05

[uji_konsekuensi]         # internal: tidak pernah tampil di situs publik
tanggal = 2025-03-03
nomor_lembar = "UK/001/CONTOH/2025"
peserta = ["Dr. Andi Saputra, M.Si. (PPID Utama)", "Rina Wulandari, S.Kom. (Petugas PPID)"]
+++

## Menimbang

bahwa terhadap informasi yang tercantum dalam Lampiran Keputusan ini telah dilakukan
Pengujian Konsekuensi oleh PPID atas persetujuan Pimpinan Badan Publik sebagaimana
dimaksud dalam Pasal 4 ayat (3) Peraturan Komisi Informasi Nomor 1 Tahun 2017 tentang
Pengklasifikasian Informasi Publik;

## Mengingat

Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik (Lembaran Negara
Republik Indonesia Tahun 2008 Nomor 61, Tambahan Lembaran Negara Republik Indonesia
Nomor 4846);

## Memutuskan

**KESATU:** Menetapkan Informasi Publik sebagaimana tercantum dalam Lampiran yang
merupakan bagian tidak terpisahkan dari Keputusan ini sebagai Informasi Publik yang
Dikecualikan, dengan jangka waktu pengecualian sebagaimana tercantum dalam Lampiran
tersebut.

**KEDUA:** Keputusan ini mulai berlaku pada tanggal ditetapkan.
"#;

/// A TOML string literal for any text.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A number split at its year (a four-digit run from 1970 to 9999) and its sequence (the
/// last run of digits after it).
struct Numbered<'a> {
    text: &'a str,
    year: (usize, usize, i32),
    seq: (usize, usize, u32),
}

fn numbered(text: &str) -> Option<Numbered<'_>> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_ascii_digit(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    let (yi, &(ys, ye)) = runs.iter().enumerate().find(|(_, (s, e))| {
        e - s == 4
            && text[*s..*e]
                .parse::<i32>()
                .is_ok_and(|y| (1970..=9999).contains(&y))
    })?;
    let &(ss, se) = runs.get(yi + 1..)?.last()?;
    Some(Numbered {
        text,
        year: (ys, ye, text[ys..ye].parse().ok()?),
        seq: (ss, se, text[ss..se].parse().ok()?),
    })
}

/// The next record number for `year`, following the site's own numbers: the newest one
/// (the highest sequence of the latest year) with the year and the sequence moved on,
/// the sequence counted across every number of that year. The example `init` writes
/// does not count. Returns the number and the one it follows, if any.
pub fn next_nomor<'a>(
    taken: impl Iterator<Item = &'a str> + Clone,
    year: i32,
) -> (String, Option<String>) {
    let used = |n: &str| taken.clone().any(|t| t.eq_ignore_ascii_case(n));
    let real: Vec<Numbered> = taken
        .clone()
        .filter(|n| !is_example(n))
        .filter_map(numbered)
        .collect();
    let template = real
        .iter()
        .max_by_key(|n| (n.year.2 == year, n.year.2, n.seq.2, n.text));
    let Some(t) = template else {
        let n = (1..)
            .map(|i| format!("DIK-{year}-{i:03}"))
            .find(|n| !used(n))
            .unwrap_or_default();
        return (n, None);
    };
    let first = real
        .iter()
        .filter(|n| n.year.2 == year)
        .map(|n| n.seq.2)
        .max()
        .map_or(1, |m| m.saturating_add(1));
    let width = t.seq.1 - t.seq.0;
    let make = |seq: u32| {
        format!(
            "{}{year}{}{seq:0width$}{}",
            &t.text[..t.year.0],
            &t.text[t.year.1..t.seq.0],
            &t.text[t.seq.1..]
        )
    };
    let n = (first..).map(make).find(|n| !used(n)).unwrap_or_default();
    (n, Some(t.text.to_string()))
}

/// A new record with every field present and the SOP steps listed. It is meant not to
/// pass `daftar check` until an officer fills it in: blank texts and zero minutes are
/// errors, so an unfinished record can never be published.
pub fn skeleton(nomor: &str, judul: &str, date: NaiveDate, config: &Config) -> String {
    let midnight = format!("{date}T00:00:00");
    let mut s = String::new();
    s.push_str("+++\n");
    s.push_str(&format!("nomor = {}\n", quoted(nomor)));
    // A title is one line: a title pasted with line breaks (even a `+++` line, which
    // would close the front matter) is joined with spaces.
    let judul = judul.split_whitespace().collect::<Vec<_>>().join(" ");
    s.push_str(&format!("judul = {}\n", quoted(&judul)));
    s.push_str("unit = \"\"\n");
    s.push_str("pasal_17 = []                # misalnya [\"h.2\"] atau [\"c.6\", \"j\"]\n");
    s.push_str(
        "dasar_hukum = [\"\"]           # misalnya \"Pasal 17 huruf h angka 2 UU 14/2008\"\n",
    );
    s.push_str("akibat_dibuka = \"\"           # uji konsekuensi: akibat bila dibuka\n");
    s.push_str("manfaat_ditutup = \"\"         # uji kepentingan publik: manfaat bila ditutup\n");
    s.push_str("jangka_waktu = { tahun = 5 } # atau { bulan = N }, { sampai = TANGGAL }, { peristiwa = \"...\" }, \"permanen\"\n");
    s.push_str("keputusan = \"\"               # nomor berkas keputusan di folder keputusan/; tanggal dan tempatnya diambil dari sana\n");
    s.push_str(&format!(
        "# ditetapkan = {date}        # tanpa berkas keputusan: tanggal, tempat, dan nomor penetapan\n"
    ));
    s.push_str(&format!("# tempat = {}\n", quoted(&config.tempat)));
    s.push_str("# nomor_penetapan = \"\"\n");
    s.push_str("# catatan_internal = \"\"     # tidak pernah tampil di situs publik\n\n");
    s.push_str("# Waktu setiap langkah SOP: jam mulai dan lama (menit) sebenarnya.\n");
    s.push_str("langkah = [\n");
    for step in &config.sop.steps {
        s.push_str(&format!(
            "  # {}. {} ({}, mutu baku {} menit)\n  {{ no = {}, mulai = {midnight}, menit = 0 }},\n",
            step.no,
            step.kegiatan.trim_end_matches('.'),
            step.pelaksana,
            step.mutu_baku_menit,
            step.no
        ));
    }
    s.push_str("]\n");
    for (role, closes) in [
        ("petugas_ppid", config.sop.closing.petugas_ppid),
        ("ppid_utama", config.sop.closing.ppid_utama),
        ("atasan_ppid", config.sop.closing.atasan_ppid),
    ] {
        s.push_str(&format!(
            "\n[pengesahan.{role}]   # menandatangani setelah langkah {closes} selesai\nnama = \"\"\nnip = \"\"\njabatan = \"\"\ntanggal = {midnight}\n"
        ));
    }
    s.push_str("+++\n\nPenjelasan publik (Markdown, opsional).\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn next(taken: &[&str], year: i32) -> (String, Option<String>) {
        next_nomor(taken.iter().copied(), year)
    }

    #[test]
    fn a_new_site_starts_at_one_and_the_example_does_not_count() {
        assert_eq!(next(&[], 2026), ("DIK-2026-001".into(), None));
        assert_eq!(
            next(&["DIK-CONTOH-2025-001"], 2026),
            ("DIK-2026-001".into(), None)
        );
        // The fallback skips a number already taken.
        assert_eq!(
            next(&["DIK-2026-001", "dik-contoh-2026-9"], 2026).0,
            "DIK-2026-002"
        );
    }

    #[test]
    fn the_sequence_of_this_year_goes_on_in_the_newest_numbers_pattern() {
        let taken = [
            "DIK-BKD-2024-005",
            "DIK-DKISP-2026-003",
            "DIK-DINSOS-2026-008",
            "DIK-CONTOH-2026-050",
        ];
        assert_eq!(
            next(&taken, 2026),
            (
                "DIK-DINSOS-2026-009".into(),
                Some("DIK-DINSOS-2026-008".into())
            )
        );
        // A new year starts again at 1, in the latest pattern, with its width.
        assert_eq!(next(&taken, 2027).0, "DIK-DINSOS-2027-001");
        // Other shapes: the year first, a slash, no padding.
        assert_eq!(next(&["2026/PPID/7"], 2026).0, "2026/PPID/8");
        // A number without a year and a sequence after it gives no pattern.
        assert_eq!(next(&["RAHASIA-1"], 2026), ("DIK-2026-001".into(), None));
    }
}
