//! Every validation rule of `shared/design/record-format.md`, one by one: for each rule
//! at least one record that is accepted (at the boundary where there is one) and one
//! that is refused, with the exact code, line, column and message the officer sees.
//!
//! Each record is the valid [`VALID`] text with one or a few lines replaced, so a test
//! shows only what it changes; [`edit`] fails when a replacement does not apply, so no
//! test can silently check the unchanged valid record.

use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use daftar::code::Code;
use daftar::config::{self, Config};
use daftar::diagnostic::{Diagnostic, Severity, SourceText};
use daftar::record::{self, Loaded, Record, Status, Term};
use daftar::site::{self, DateSource, Report, Site};

/// The record every test starts from: the scaffold's example record (lines numbered
/// below for reading the expected positions).
///
/// ```text
///  1 +++                         18 langkah = [                 29 [pengesahan.petugas_ppid]
///  2 nomor                       19   step 1 … 26 step 8       30 nama  31 nip
///  3 judul                       27 ]                           32 jabatan 33 tanggal
///  4 unit                                                       35 [pengesahan.ppid_utama] … 39 tanggal
///  5 pasal_17                                                   41 [pengesahan.atasan_ppid] … 45 tanggal
///  6–9 dasar_hukum                                              46 +++
/// 10 akibat_dibuka  11 manfaat_ditutup  12 jangka_waktu  13 ditetapkan
/// 14 tempat  15 nomor_penetapan  16 catatan_internal
/// ```
const VALID: &str = r#"+++
nomor = "DIK-KOMINF-2025-001"
judul = "Konfigurasi keamanan dan kata sandi infrastruktur Pusat Data Provinsi"
unit = "Bidang Persandian dan Keamanan Informasi"
pasal_17 = ["c.6", "j"]
dasar_hukum = [
  "UU 14/2008 tentang Keterbukaan Informasi Publik",
  "UU 11/2008 tentang Informasi dan Transaksi Elektronik Pasal 30",
]
akibat_dibuka = "Membuka celah serangan siber terhadap layanan pemerintahan."
manfaat_ditutup = "Menjaga keberlangsungan layanan publik elektronik."
jangka_waktu = { tahun = 5 }
ditetapkan = 2025-03-07
tempat = "Tanjung Selor"
nomor_penetapan = "188.4/012/DKISP/III/2025"
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

Konfigurasi keamanan Pusat Data Provinsi memuat rincian sistem persandian yang
melindungi layanan elektronik pemerintah. Ringkasan kebijakan keamanan informasi
tetap terbuka dan dapat diminta melalui PPID.
"#;

/// The build date of most tests: long after the example's decision, within its term.
const BUILD: (i32, u32, u32) = (2026, 11, 25);

const PATH: &str = "content/x.md";

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn build_date() -> NaiveDate {
    date(BUILD.0, BUILD.1, BUILD.2)
}

fn wita(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// Applies replacements to a text, each of which must match exactly once.
fn edit_text(base: &str, replacements: &[(&str, &str)]) -> String {
    let mut text = base.to_string();
    for (from, to) in replacements {
        let count = text.matches(from).count();
        assert_eq!(
            count, 1,
            "the replacement target must occur exactly once, found {count} times: {from:?}"
        );
        let next = text.replacen(from, to, 1);
        assert_ne!(next, text, "the replacement changed nothing: {from:?}");
        text = next;
    }
    text
}

/// The valid record with replacements applied.
fn edit(replacements: &[(&str, &str)]) -> String {
    edit_text(VALID, replacements)
}

/// Removes a block of text (which must occur exactly once).
fn without(block: &str) -> String {
    edit(&[(block, "")])
}

fn load_with(text: &str, config: &Config, build: NaiveDate) -> Loaded {
    let decisions = daftar::decision::Decisions::default();
    record::load(
        &SourceText::new(PATH, text),
        "sha",
        config,
        &decisions,
        build,
    )
}

fn load(text: &str) -> Loaded {
    load_with(text, &Config::default(), build_date())
}

fn parse_config(toml: &str) -> Config {
    let mut diagnostics = Vec::new();
    let config = config::parse(&SourceText::new("daftar.toml", toml), &mut diagnostics);
    // The configurations here test other things than the contact (W0508 has its own).
    diagnostics.retain(|d| d.code_id() != "W0508");
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    config.expect("a valid configuration")
}

/// (code, line, column, message)
type Expected<'a> = (&'a str, usize, usize, &'a str);

fn actual(diagnostics: &[Diagnostic]) -> Vec<(String, usize, usize, String)> {
    let mut v: Vec<_> = diagnostics
        .iter()
        .map(|d| {
            assert_eq!(d.file, PATH);
            (
                d.code_id(),
                d.line.expect("a line"),
                d.column.expect("a column"),
                d.message.clone(),
            )
        })
        .collect();
    v.sort();
    v
}

/// Loads the text and checks that exactly the expected diagnostics come out (in any
/// order), and that a record is produced if and only if none of them is an error.
fn expect_with(text: &str, config: &Config, build: NaiveDate, expected: &[Expected]) -> Loaded {
    let loaded = load_with(text, config, build);
    let mut want: Vec<_> = expected
        .iter()
        .map(|(c, l, col, m)| (c.to_string(), *l, *col, m.to_string()))
        .collect();
    want.sort();
    assert_eq!(
        actual(&loaded.diagnostics),
        want,
        "full diagnostics: {:#?}",
        loaded.diagnostics
    );
    let has_error = expected.iter().any(|e| e.0.starts_with('E'));
    assert_eq!(
        loaded.record.is_some(),
        !has_error,
        "a record must exist exactly when there is no error"
    );
    loaded
}

fn expect(text: &str, expected: &[Expected]) -> Loaded {
    expect_with(text, &Config::default(), build_date(), expected)
}

/// Exactly one diagnostic, which is returned (for its hint and span).
fn expect_one(text: &str, code: &str, line: usize, column: usize, message: &str) -> Diagnostic {
    let loaded = expect(text, &[(code, line, column, message)]);
    loaded.diagnostics.into_iter().next().unwrap()
}

fn valid_with(text: &str, config: &Config, build: NaiveDate) -> Record {
    let loaded = load_with(text, config, build);
    assert!(
        loaded.diagnostics.is_empty(),
        "expected no diagnostic, got {:#?}",
        loaded.diagnostics
    );
    loaded.record.expect("a valid record")
}

/// The default configuration without the reminder before a term ends (W0232), for
/// tests of the end date itself.
fn no_reminder() -> Config {
    Config {
        reminder_days: 0,
        ..Config::default()
    }
}

fn valid(text: &str) -> Record {
    valid_with(text, &Config::default(), build_date())
}

/// The text a diagnostic's span covers.
fn spanned<'t>(text: &'t str, d: &Diagnostic) -> &'t str {
    &text[d.span.clone().expect("a span")]
}

// ---------------------------------------------------------------------------------------
// The valid record
// ---------------------------------------------------------------------------------------

#[test]
fn the_base_record_is_valid_and_read_completely() {
    let r = valid(VALID);
    assert_eq!(r.nomor, "DIK-KOMINF-2025-001");
    assert_eq!(r.slug, "x");
    assert_eq!(r.jangka_waktu, Term::Tahun(5));
    assert_eq!(r.ditetapkan, date(2025, 3, 7));
    assert_eq!(r.berlaku_sampai, Some(date(2030, 3, 7)));
    assert_eq!(r.status, Status::Berlaku);
    assert_eq!(r.langkah.len(), 8);
    assert_eq!(r.pengesahan.ppid_utama.nip, "197503212000031002");
    assert!(r.body.starts_with("\nKonfigurasi keamanan Pusat Data"));
}

#[test]
fn the_scaffold_example_record_is_valid_with_its_decision() {
    let dir = site_with(&[
        (
            "content/contoh.md",
            daftar::scaffold::EXAMPLE_RECORD.as_bytes(),
        ),
        (
            "keputusan/contoh.md",
            daftar::scaffold::EXAMPLE_DECISION.as_bytes(),
        ),
    ]);
    let (site, report) = load_site(dir.path());
    // Valid, and marked as the example on both files (W0010).
    let found: Vec<(Code, &str, Option<usize>)> = report
        .diagnostics
        .iter()
        .map(|d| (d.code, d.file.as_str(), d.line))
        .collect();
    assert_eq!(
        found,
        [
            (Code::ExampleRecord, "content/contoh.md", Some(2)),
            (Code::ExampleRecord, "keputusan/contoh.md", Some(2)),
        ]
    );
    assert!(report.diagnostics.iter().all(|d| !d.is_error()));
    let r = &site.records[0];
    assert_eq!(r.nomor, "DIK-CONTOH-2025-001");
    assert_eq!(r.ditetapkan, date(2025, 3, 7));
    assert_eq!(r.nomor_penetapan.as_deref(), Some("188.4/001/CONTOH/2025"));
}

#[test]
fn optional_fields_may_be_left_out() {
    let text = edit(&[
        ("tempat = \"Tanjung Selor\"\n", ""),
        ("nomor_penetapan = \"188.4/012/DKISP/III/2025\"\n", ""),
        (
            "catatan_internal = \"Contoh dari `daftar init`; ganti dengan catatan sebenarnya.\"\n",
            "",
        ),
    ]);
    // Without a decision number the record is valid, with a warning (W0803).
    let loaded = expect(
        &text,
        &[(
            "W0803",
            1,
            1,
            "catatan ini tidak menyebut nomor keputusan yang menetapkannya",
        )],
    );
    let r = loaded.record.expect("a warning keeps the record");
    assert_eq!(
        (r.tempat, r.nomor_penetapan, r.catatan_internal),
        (None, None, None)
    );
}

#[test]
fn the_body_is_optional() {
    let text = VALID.split_inclusive("+++\n").take(2).collect::<String>();
    assert!(text.ends_with("+++\n") && !text.contains("Ringkasan"));
    assert_eq!(valid(&text).body, "");
}

// ---------------------------------------------------------------------------------------
// The file and its front matter
// ---------------------------------------------------------------------------------------

#[test]
fn an_empty_file_is_e0004() {
    for text in ["", "  \n\t\r\n", "\u{feff}\n"] {
        let d = expect_one(text, "E0004", 1, 1, "berkas catatan ini kosong");
        assert_eq!(
            d.hint.as_deref(),
            Some(
                "salin contoh catatan dari docs/panduan.md bagian 4, atau buat kerangka dengan `daftar new`"
            )
        );
    }
}

#[test]
fn a_file_not_opening_with_plus_is_e0005() {
    let yaml = VALID.replace("+++", "---");
    assert_ne!(yaml, VALID);
    let d = expect_one(
        &yaml,
        "E0005",
        1,
        1,
        "berkas tidak diawali bagian data `+++`",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "baris pertama catatan harus `+++`, diikuti data TOML, lalu `+++` lagi sebelum penjelasan"
        )
    );
    // The front matter must open on the first line: a blank line before it is refused.
    expect_one(
        &format!("\n{VALID}"),
        "E0005",
        1,
        1,
        "berkas tidak diawali bagian data `+++`",
    );
}

#[test]
fn an_unclosed_front_matter_is_e0006() {
    let text = edit(&[(
        "+++\n\nKonfigurasi keamanan Pusat",
        "\nKonfigurasi keamanan Pusat",
    )]);
    let d = expect_one(
        &text,
        "E0006",
        1,
        1,
        "bagian data yang dibuka dengan `+++` tidak pernah ditutup",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("tambahkan baris `+++` setelah data TOML, sebelum penjelasan")
    );
}

#[test]
fn a_toml_syntax_error_is_e0101_at_its_place() {
    // An unquoted text; the judul line is line 3, the value starts at column 9.
    let text = edit(&[(
        "judul = \"Konfigurasi keamanan dan kata sandi infrastruktur Pusat Data Provinsi\"",
        "judul = Konfigurasi keamanan",
    )]);
    let d = expect_one(
        &text,
        "E0101",
        3,
        9,
        "penulisan tidak sah: teks harus diapit tanda kutip (yang diharapkan: teks)",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("teks ditulis di antara tanda kutip, misalnya judul = \"Dokumen ...\"")
    );
    // An unterminated string inside the record, on line 4.
    let text = edit(&[(
        "unit = \"Bidang Persandian dan Keamanan Informasi\"",
        "unit = \"Bidang Persandian",
    )]);
    expect_one(
        &text,
        "E0101",
        4,
        26,
        "penulisan tidak sah: teks tidak ditutup dengan tanda kutip \" (yang diharapkan: `\"`)",
    );
}

#[test]
fn every_syntax_error_of_a_file_is_reported() {
    let text = edit(&[
        (
            "judul = \"Konfigurasi keamanan dan kata sandi infrastruktur Pusat Data Provinsi\"",
            "judul = Konfigurasi keamanan",
        ),
        ("tempat = \"Tanjung Selor\"", "tempat = Tanjung Selor"),
    ]);
    expect(
        &text,
        &[
            (
                "E0101",
                3,
                9,
                "penulisan tidak sah: teks harus diapit tanda kutip (yang diharapkan: teks)",
            ),
            (
                "E0101",
                14,
                10,
                "penulisan tidak sah: teks harus diapit tanda kutip (yang diharapkan: teks)",
            ),
        ],
    );
}

/// A syntax error does not hide the file's other problems: its line is set aside and
/// the rest is checked (issue 13: "a record with 7 mistakes shows 7").
#[test]
fn a_syntax_error_does_not_hide_the_other_problems_of_the_file() {
    let text = edit(&[
        // 1: curly quotes pasted from a word processor (line 14)
        (
            "tempat = \"Tanjung Selor\"",
            "tempat = \u{201c}Tanjung Selor\u{201d}",
        ),
        // 2: an angka huruf c does not have (line 5)
        ("pasal_17 = [\"c.6\", \"j\"]", "pasal_17 = [\"c.9\", \"j\"]"),
        // 3: an unknown field (line 16)
        ("catatan_internal = ", "keterangan = "),
        // 4: a step with no minutes (line 21)
        ("menit = 25 }", "menit = 0 }"),
        // 5: a NIP of 16 digits (line 31)
        ("nip = \"199001152015032004\"", "nip = \"1990011520150320\""),
        // 6: a blank name (line 42)
        ("nama = \"Ir. Bambang Hermawan, M.T.\"", "nama = \" \""),
        // 7: the term in a form daftar does not know (line 12)
        (
            "jangka_waktu = { tahun = 5 }",
            "jangka_waktu = \"lima tahun\"",
        ),
    ]);
    let loaded = load(&text);
    let found: Vec<_> = actual(&loaded.diagnostics)
        .into_iter()
        .map(|(code, line, _, _)| (code, line))
        .collect();
    assert_eq!(
        found,
        [
            ("E0101", 14),
            ("E0102", 16),
            ("E0105", 42),
            ("E0212", 5),
            ("E0220", 12),
            ("E0304", 21),
            ("E0401", 31),
        ]
        .map(|(c, l)| (c.to_string(), l)),
        "{:#?}",
        loaded.diagnostics
    );
    assert!(loaded.record.is_none());
    // The field on the set-aside line is not reported missing: its line has the error.
    let text = edit(&[("ditetapkan = 2025-03-07", "ditetapkan = 07-03-2025")]);
    expect_one(
        &text,
        "E0101",
        13,
        14,
        "penulisan tidak sah: tanggal tidak sah (yang diharapkan: tahun empat angka)",
    );
    // Nor when the `=` is left out: the line still names its field.
    let text = edit(&[("ditetapkan = 2025-03-07", "ditetapkan 2025-03-07")]);
    let loaded = load(&text);
    let codes: Vec<_> = loaded.diagnostics.iter().map(|d| d.code_id()).collect();
    assert_eq!(codes, ["E0101"], "{:#?}", loaded.diagnostics);
    // A step on a line with an error is not reported missing either.
    let text = edit(&[(
        "{ no = 2, mulai = 2025-03-10T09:05:00+08:00",
        "{ no = 2, mulai = 2025-03-10 09.05",
    )]);
    expect_one(&text, "E0101", 20, 21, "penulisan tidak sah: jam tidak sah");
    // An inline table left open swallows the lines below it: the line that opened it
    // is named, once, rather than every line after it.
    let text = edit(&[(
        "jangka_waktu = { tahun = 5 }",
        "jangka_waktu = { tahun = 5 ",
    )]);
    let d = expect_one(
        &text,
        "E0101",
        12,
        27,
        "penulisan tidak sah: tabel yang dibuka dengan { tidak ditutup dengan } (yang diharapkan: `}`)",
    );
    assert!(d.hint.is_some());
}

/// A broken table header cannot be set aside (its fields would land in the table
/// above it, with misleading errors): only the syntax error is reported.
#[test]
fn a_broken_table_header_stops_the_checks_of_its_file() {
    let text = edit(&[
        ("[pengesahan.ppid_utama]", "[pengesahan.ppid_utama"),
        ("pasal_17 = [\"c.6\", \"j\"]", "pasal_17 = [\"c.9\", \"j\"]"),
    ]);
    let loaded = load(&text);
    let codes: Vec<_> = loaded.diagnostics.iter().map(|d| d.code_id()).collect();
    assert_eq!(codes, ["E0101"], "{:#?}", loaded.diagnostics);
    assert_eq!(loaded.diagnostics[0].line, Some(35));
}

#[test]
fn a_key_written_twice_is_e0101_with_its_own_hint() {
    let text = edit(&[("unit = \"Bidang", "judul = \"Lain\"\nunit = \"Bidang")]);
    let d = expect_one(&text, "E0101", 4, 1, "kolom `judul` ditulis dua kali");
    assert_eq!(
        d.hint.as_deref(),
        Some("setiap kolom hanya boleh ditulis sekali dalam satu bagian; hapus salah satunya")
    );
}

#[test]
fn a_bom_and_crlf_line_endings_are_accepted() {
    let text = format!("\u{feff}{}", VALID.replace('\n', "\r\n"));
    let r = valid(&text);
    assert_eq!(r.nomor, "DIK-KOMINF-2025-001");
    assert_eq!(
        r.judul,
        "Konfigurasi keamanan dan kata sandi infrastruktur Pusat Data Provinsi"
    );
}

#[test]
fn positions_in_a_crlf_file_are_lines_and_columns_as_in_an_editor() {
    let text = format!(
        "\u{feff}{}",
        edit(&[("DIK-KOMINF-2025-001", "DIK_CONTOH")]).replace('\n', "\r\n")
    );
    expect_one(
        &text,
        "E0201",
        2,
        9,
        "`nomor` memuat karakter `_` yang tidak diperbolehkan",
    );
}

/// Contract silent on how a BOM counts; an officer's editor never shows it, so the
/// opening `+++` is at column 1 there, and the diagnostic should say so.
#[test]
fn a_bom_does_not_shift_the_column_of_the_opening_line() {
    let missing = format!(
        "\u{feff}{}",
        without(
            "judul = \"Konfigurasi keamanan dan kata sandi infrastruktur Pusat Data Provinsi\"\n"
        )
    );
    let unclosed = "\u{feff}+++\r\nnomor = \"DIK-1\"\r\n";
    let yaml = "\u{feff}---\ntitle: x\n---\n";
    let found: Vec<_> = [missing.as_str(), unclosed, yaml]
        .iter()
        .flat_map(|text| actual(&load(text).diagnostics))
        .collect();
    let want = [
        ("E0103", "kolom wajib `judul` tidak ada"),
        (
            "E0006",
            "bagian data yang dibuka dengan `+++` tidak pernah ditutup",
        ),
        ("E0005", "berkas tidak diawali bagian data `+++`"),
    ]
    .map(|(code, message)| (code.to_string(), 1, 1, message.to_string()));
    assert_eq!(found, want);
}

#[test]
fn a_file_that_is_not_utf8_is_e0003_at_the_first_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"+++\nnomor = \"DIK-".to_vec();
    bytes.push(0xff);
    bytes.extend_from_slice(b"\"\n+++\n");
    std::fs::create_dir(dir.path().join("content")).unwrap();
    std::fs::write(dir.path().join("content/latin1.md"), &bytes).unwrap();
    let d = match daftar::source::read(dir.path(), "content/latin1.md") {
        Ok(_) => panic!("invalid UTF-8 must not be read as text"),
        Err(d) => d,
    };
    assert_eq!(d.code_id(), "E0003");
    assert_eq!(d.file, "content/latin1.md");
    assert_eq!((d.line, d.column), (Some(2), Some(14)));
    assert_eq!(d.message, "berkas ini bukan teks UTF-8");
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "simpan ulang berkas dengan pengodean UTF-8 (di Notepad: Simpan Sebagai → Pengodean: UTF-8)"
        )
    );
}

// ---------------------------------------------------------------------------------------
// Required fields, unknown fields, types, blank texts, empty lists
// ---------------------------------------------------------------------------------------

#[test]
fn every_required_top_level_field_missing_is_e0103_at_the_opening_line() {
    let dasar_hukum = "dasar_hukum = [\n  \"UU 14/2008 tentang Keterbukaan Informasi Publik\",\n  \"UU 11/2008 tentang Informasi dan Transaksi Elektronik Pasal 30\",\n]\n";
    let langkah_start = VALID.find("langkah = [").unwrap();
    let langkah_end = VALID[langkah_start..].find("]\n").unwrap() + langkah_start + 2;
    let langkah = &VALID[langkah_start..langkah_end];
    let pengesahan_start = VALID.find("[pengesahan.petugas_ppid]").unwrap();
    let pengesahan_end = VALID.find("+++\n\nKonfigurasi").unwrap();
    let pengesahan = &VALID[pengesahan_start..pengesahan_end];
    let cases: &[(&str, &str)] = &[
        ("nomor", "nomor = \"DIK-KOMINF-2025-001\"\n"),
        (
            "judul",
            "judul = \"Konfigurasi keamanan dan kata sandi infrastruktur Pusat Data Provinsi\"\n",
        ),
        (
            "unit",
            "unit = \"Bidang Persandian dan Keamanan Informasi\"\n",
        ),
        ("pasal_17", "pasal_17 = [\"c.6\", \"j\"]\n"),
        ("dasar_hukum", dasar_hukum),
        (
            "akibat_dibuka",
            "akibat_dibuka = \"Membuka celah serangan siber terhadap layanan pemerintahan.\"\n",
        ),
        (
            "manfaat_ditutup",
            "manfaat_ditutup = \"Menjaga keberlangsungan layanan publik elektronik.\"\n",
        ),
        ("jangka_waktu", "jangka_waktu = { tahun = 5 }\n"),
        ("ditetapkan", "ditetapkan = 2025-03-07\n"),
        ("langkah", langkah),
        ("pengesahan", pengesahan),
    ];
    for (field, block) in cases {
        let message = format!("kolom wajib `{field}` tidak ada");
        expect(&without(block), &[("E0103", 1, 1, &message)]);
    }
}

#[test]
fn a_missing_field_of_a_step_is_e0103_at_the_step() {
    let step1 = "{ no = 1, mulai = 2025-03-10T08:30:00+08:00, menit = 28 }";
    expect(
        &edit(&[(step1, "{ no = 1, menit = 28 }")]),
        &[(
            "E0103",
            19,
            3,
            "kolom wajib `langkah[no=1].mulai` tidak ada",
        )],
    );
    expect(
        &edit(&[(step1, "{ no = 1, mulai = 2025-03-10T08:30:00+08:00 }")]),
        &[(
            "E0103",
            19,
            3,
            "kolom wajib `langkah[no=1].menit` tidak ada",
        )],
    );
    // Without its number the step cannot be counted, so step 1 is also missing.
    expect(
        &edit(&[(step1, "{ mulai = 2025-03-10T08:30:00+08:00, menit = 28 }")]),
        &[
            (
                "E0103",
                19,
                3,
                "kolom wajib `langkah[urutan 1].no` tidak ada",
            ),
            ("E0301", 18, 11, "langkah 1 SOP belum dicatat"),
        ],
    );
}

#[test]
fn a_missing_field_of_a_sign_off_is_e0103_at_its_table() {
    let cases: &[(&str, &str)] = &[
        ("nama = \"Rina Wulandari, S.Kom.\"\n", "nama"),
        ("nip = \"199001152015032004\"\n", "nip"),
        ("jabatan = \"Pranata Komputer Ahli Pertama\"\n", "jabatan"),
        ("tanggal = 2025-03-10T11:40:00+08:00\n", "tanggal"),
    ];
    for (line, field) in cases {
        let message = format!("kolom wajib `pengesahan.petugas_ppid.{field}` tidak ada");
        expect(&without(line), &[("E0103", 29, 1, &message)]);
    }
    expect(
        &without("jabatan = \"Sekretaris Daerah Provinsi Kalimantan Utara\"\n"),
        &[(
            "E0103",
            41,
            1,
            "kolom wajib `pengesahan.atasan_ppid.jabatan` tidak ada",
        )],
    );
}

#[test]
fn a_missing_role_is_e0103() {
    let start = VALID.find("[pengesahan.atasan_ppid]").unwrap();
    let end = VALID.find("+++\n\nKonfigurasi").unwrap();
    let text = without(&VALID[start..end]);
    // Points at the `pengesahan` table, in its first header.
    expect(
        &text,
        &[(
            "E0103",
            29,
            2,
            "kolom wajib `pengesahan.atasan_ppid` tidak ada",
        )],
    );
    let start = VALID.find("[pengesahan.ppid_utama]").unwrap();
    let end = VALID.find("[pengesahan.atasan_ppid]").unwrap();
    expect(
        &without(&VALID[start..end]),
        &[(
            "E0103",
            29,
            2,
            "kolom wajib `pengesahan.ppid_utama` tidak ada",
        )],
    );
}

#[test]
fn an_unknown_top_level_field_is_e0102_with_the_closest_name() {
    let text = edit(&[("judul = \"Konfigurasi", "judull = \"Konfigurasi")]);
    let loaded = expect(
        &text,
        &[
            ("E0102", 3, 1, "kolom `judull` tidak dikenal di catatan"),
            ("E0103", 1, 1, "kolom wajib `judul` tidak ada"),
        ],
    );
    let unknown = loaded
        .diagnostics
        .iter()
        .find(|d| d.code_id() == "E0102")
        .unwrap();
    assert_eq!(unknown.hint.as_deref(), Some("mungkin maksudnya `judul`?"));
}

#[test]
fn an_unknown_field_far_from_any_name_lists_the_known_ones() {
    let text = edit(&[("langkah = [", "kategori = \"rahasia\"\nlangkah = [")]);
    let d = expect_one(
        &text,
        "E0102",
        18,
        1,
        "kolom `kategori` tidak dikenal di catatan",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "kolom yang dikenal di sini: `nomor`, `judul`, `unit`, `pasal_17`, `dasar_hukum`, `akibat_dibuka`, `manfaat_ditutup`, `jangka_waktu`, `ditetapkan`, `tempat`, `nomor_penetapan`, `keputusan`, `dibuka`, `catatan_internal`, `langkah`, `pengesahan`"
        )
    );
}

#[test]
fn a_note_under_another_name_points_to_catatan_internal_and_the_body() {
    // The newcomer review: `keterangan` got the list of every field.
    for name in ["keterangan", "Catatan", "penjelasan"] {
        let text = edit(&[(
            "langkah = [",
            &format!("{name} = \"dicek ulang\"\nlangkah = ["),
        )]);
        let d = expect_one(
            &text,
            "E0102",
            18,
            1,
            &format!("kolom `{name}` tidak dikenal di catatan"),
        );
        assert_eq!(
            d.hint.as_deref(),
            Some(
                "catatan bagi petugas dan auditor ditulis di `catatan_internal` (tidak pernah tampil di situs publik); penjelasan bagi masyarakat ditulis sebagai teks biasa di bawah baris +++ penutup"
            )
        );
    }
}

#[test]
fn an_unknown_field_in_jangka_waktu_is_e0102() {
    let text = edit(&[("{ tahun = 5 }", "{ tahun = 5, bulann = 2 }")]);
    let d = expect_one(
        &text,
        "E0102",
        12,
        29,
        "kolom `bulann` tidak dikenal di jangka_waktu",
    );
    assert_eq!(d.hint.as_deref(), Some("mungkin maksudnya `bulan`?"));
}

#[test]
fn an_unknown_field_in_a_step_is_e0102() {
    let text = edit(&[("menit = 28 }", "menit = 28, olh = \"Rina\" }")]);
    let d = expect_one(
        &text,
        "E0102",
        19,
        60,
        "kolom `olh` tidak dikenal di langkah[no=1]",
    );
    assert_eq!(d.hint.as_deref(), Some("mungkin maksudnya `oleh`?"));
}

#[test]
fn a_step_may_say_who_performed_it() {
    let text = edit(&[("menit = 28 }", "menit = 28, oleh = \"Rina\" }")]);
    assert_eq!(valid(&text).langkah[0].oleh.as_deref(), Some("Rina"));
}

#[test]
fn an_unknown_field_in_a_sign_off_is_e0102() {
    let text = edit(&[(
        "tanggal = 2025-03-10T11:40:00+08:00\n",
        "tanggal = 2025-03-10T11:40:00+08:00\npppkk = true\n",
    )]);
    let d = expect_one(
        &text,
        "E0102",
        34,
        1,
        "kolom `pppkk` tidak dikenal di pengesahan.petugas_ppid",
    );
    assert_eq!(d.hint.as_deref(), Some("mungkin maksudnya `pppk`?"));
}

#[test]
fn an_unknown_role_is_e0102_and_the_real_role_is_missing() {
    let text = edit(&[("[pengesahan.atasan_ppid]", "[pengesahan.atasan_ppd]")]);
    let loaded = expect(
        &text,
        &[
            (
                "E0102",
                41,
                13,
                "kolom `atasan_ppd` tidak dikenal di pengesahan",
            ),
            (
                "E0103",
                29,
                2,
                "kolom wajib `pengesahan.atasan_ppid` tidak ada",
            ),
        ],
    );
    let unknown = loaded
        .diagnostics
        .iter()
        .find(|d| d.code_id() == "E0102")
        .unwrap();
    assert_eq!(
        unknown.hint.as_deref(),
        Some("mungkin maksudnya `atasan_ppid`?")
    );
}

#[test]
fn a_nip_written_as_a_number_is_e0104_with_a_quoted_hint() {
    let text = edit(&[("nip = \"199001152015032004\"", "nip = 199001152015032004")]);
    let d = expect_one(
        &text,
        "E0104",
        31,
        7,
        "`pengesahan.petugas_ppid.nip` harus berupa teks, bukan bilangan",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("tulis NIP di antara tanda kutip: nip = \"199001152015032004\"")
    );
}

#[test]
fn ditetapkan_with_a_time_or_in_quotes_is_e0104() {
    let d = expect_one(
        &edit(&[(
            "ditetapkan = 2025-03-07",
            "ditetapkan = 2025-03-07T10:00:00",
        )]),
        "E0104",
        13,
        14,
        "`ditetapkan` harus berupa tanggal saja, tanpa jam, bukan tanggal dan jam",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("tulis tanggalnya saja, misalnya 2025-03-07")
    );
    let d = expect_one(
        &edit(&[("ditetapkan = 2025-03-07", "ditetapkan = \"2025-03-07\"")]),
        "E0104",
        13,
        14,
        "`ditetapkan` harus berupa tanggal (misalnya 2025-03-07), bukan teks",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("tulis tanggal tanpa tanda kutip: 2025-03-07")
    );
}

#[test]
fn a_date_without_a_time_for_mulai_or_tanggal_is_e0305() {
    let d = expect_one(
        &edit(&[("mulai = 2025-03-10T08:30:00+08:00", "mulai = 2025-03-10")]),
        "E0305",
        19,
        21,
        "`langkah[no=1].mulai` berisi tanggal tanpa jam",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "tambahkan jamnya, misalnya 2025-03-10T08:30:00; urutan langkah dan pengesahan diperiksa sampai ke menit"
        )
    );
    expect_one(
        &edit(&[(
            "tanggal = 2025-03-12T10:00:00+08:00",
            "tanggal = 2025-03-12",
        )]),
        "E0305",
        45,
        11,
        "`pengesahan.atasan_ppid.tanggal` berisi tanggal tanpa jam",
    );
}

#[test]
fn a_string_where_a_list_is_expected_is_e0104() {
    expect_one(
        &edit(&[("pasal_17 = [\"c.6\", \"j\"]", "pasal_17 = \"c.6\"")]),
        "E0104",
        5,
        12,
        "`pasal_17` harus berupa daftar `[ ... ]`, bukan teks",
    );
    let dasar = "dasar_hukum = [\n  \"UU 14/2008 tentang Keterbukaan Informasi Publik\",\n  \"UU 11/2008 tentang Informasi dan Transaksi Elektronik Pasal 30\",\n]";
    expect_one(
        &edit(&[(
            dasar,
            "dasar_hukum = \"UU 14/2008 tentang Keterbukaan Informasi Publik\"",
        )]),
        "E0104",
        6,
        15,
        "`dasar_hukum` harus berupa daftar `[ ... ]`, bukan teks",
    );
}

#[test]
fn other_wrong_types_are_e0104() {
    expect_one(
        &edit(&[("menit = 28 }", "menit = \"28\" }")]),
        "E0104",
        19,
        56,
        "`langkah[no=1].menit` harus berupa bilangan bulat, bukan teks",
    );
    expect_one(
        &edit(&[("{ tahun = 5 }", "{ tahun = 5.5 }")]),
        "E0104",
        12,
        26,
        "`jangka_waktu.tahun` harus berupa bilangan bulat, bukan bilangan pecahan",
    );
    let d = expect_one(
        &edit(&[("jangka_waktu = { tahun = 5 }", "jangka_waktu = 5")]),
        "E0104",
        12,
        16,
        "`jangka_waktu` harus berupa tabel atau teks \"permanen\"",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "tulis salah satu: { tahun = N }, { bulan = N }, { sampai = TANGGAL }, { peristiwa = \"...\" }, atau \"permanen\""
        )
    );
    expect_one(
        &edit(&[(
            "nama = \"Rina Wulandari, S.Kom.\"",
            "nama = \"Rina Wulandari, S.Kom.\"\npppk = \"ya\"",
        )]),
        "E0104",
        31,
        8,
        "`pengesahan.petugas_ppid.pppk` harus berupa `true` atau `false`, bukan teks",
    );
}

#[test]
fn every_required_text_blank_is_e0105() {
    let cases: &[(&str, &str, usize, usize, &str)] = &[
        (
            "\"DIK-KOMINF-2025-001\"",
            "\"\"",
            2,
            9,
            "`nomor` tidak boleh kosong",
        ),
        (
            "\"Konfigurasi keamanan dan kata sandi infrastruktur Pusat Data Provinsi\"",
            "\"   \"",
            3,
            9,
            "`judul` tidak boleh kosong",
        ),
        (
            "\"Bidang Persandian dan Keamanan Informasi\"",
            "\"\"",
            4,
            8,
            "`unit` tidak boleh kosong",
        ),
        (
            "\"UU 11/2008 tentang Informasi dan Transaksi Elektronik Pasal 30\"",
            "\" \"",
            8,
            3,
            "`dasar_hukum[2]` tidak boleh kosong",
        ),
        (
            "\"Membuka celah serangan siber terhadap layanan pemerintahan.\"",
            "\"\\t\"",
            10,
            17,
            "`akibat_dibuka` tidak boleh kosong",
        ),
        (
            "\"Menjaga keberlangsungan layanan publik elektronik.\"",
            "\"\"",
            11,
            19,
            "`manfaat_ditutup` tidak boleh kosong",
        ),
        (
            "{ tahun = 5 }",
            "{ peristiwa = \"  \" }",
            12,
            30,
            "`jangka_waktu.peristiwa` tidak boleh kosong",
        ),
        (
            "\"Rina Wulandari, S.Kom.\"",
            "\"\"",
            30,
            8,
            "`pengesahan.petugas_ppid.nama` tidak boleh kosong",
        ),
        (
            "\"Kepala DKISP Provinsi Kalimantan Utara\"",
            "\" \"",
            38,
            11,
            "`pengesahan.ppid_utama.jabatan` tidak boleh kosong",
        ),
        (
            "\"Ir. Bambang Hermawan, M.T.\"",
            "\"\"",
            42,
            8,
            "`pengesahan.atasan_ppid.nama` tidak boleh kosong",
        ),
    ];
    for (from, to, line, column, message) in cases {
        expect(&edit(&[(from, to)]), &[("E0105", *line, *column, message)]);
    }
}

/// Contract silent: it names the texts that must not be blank and says nothing of blank
/// optional ones. Refusing them, as the code does, keeps an unfinished record (such as an
/// uncommented skeleton line) from being published with an empty value.
#[test]
fn a_blank_optional_text_is_e0105_too() {
    expect_one(
        &edit(&[("tempat = \"Tanjung Selor\"", "tempat = \"\"")]),
        "E0105",
        14,
        10,
        "`tempat` tidak boleh kosong",
    );
    expect_one(
        &edit(&[("\"188.4/012/DKISP/III/2025\"", "\" \"")]),
        "E0105",
        15,
        19,
        "`nomor_penetapan` tidak boleh kosong",
    );
    expect_one(
        &edit(&[("menit = 28 }", "menit = 28, oleh = \"\" }")]),
        "E0105",
        19,
        67,
        "`langkah[no=1].oleh` tidak boleh kosong",
    );
}

#[test]
fn empty_pasal_17_or_dasar_hukum_is_e0106() {
    expect_one(
        &edit(&[("pasal_17 = [\"c.6\", \"j\"]", "pasal_17 = []")]),
        "E0106",
        5,
        12,
        "`pasal_17` harus berisi sekurang-kurangnya satu rujukan, misalnya \"h.2\"",
    );
    let dasar = "dasar_hukum = [\n  \"UU 14/2008 tentang Keterbukaan Informasi Publik\",\n  \"UU 11/2008 tentang Informasi dan Transaksi Elektronik Pasal 30\",\n]";
    expect_one(
        &edit(&[(dasar, "dasar_hukum = [ ]")]),
        "E0106",
        6,
        15,
        "`dasar_hukum` harus berisi sekurang-kurangnya satu baris dasar hukum",
    );
}

// ---------------------------------------------------------------------------------------
// nomor
// ---------------------------------------------------------------------------------------

#[test]
fn nomor_of_1_to_64_allowed_characters_is_accepted() {
    let long = format!("\"{}\"", "A".repeat(60) + "-1/.");
    assert_eq!(long.len(), 66);
    assert_eq!(
        valid(&edit(&[("\"DIK-KOMINF-2025-001\"", &long)]))
            .nomor
            .len(),
        64
    );
    assert_eq!(
        valid(&edit(&[("\"DIK-KOMINF-2025-001\"", "\"7\"")])).nomor,
        "7"
    );
    let r = valid(&edit(&[(
        "\"DIK-KOMINF-2025-001\"",
        "\"188.4/012/dkisp/III/2025\"",
    )]));
    assert_eq!(r.nomor, "188.4/012/dkisp/III/2025");
}

#[test]
fn nomor_with_a_character_not_allowed_is_e0201() {
    let d = expect_one(
        &edit(&[("DIK-KOMINF-2025-001", "DIK_CONTOH_2025")]),
        "E0201",
        2,
        9,
        "`nomor` memuat karakter `_` yang tidak diperbolehkan",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("nomor terdiri atas huruf, angka, `-`, `/`, dan `.`, misalnya \"DIK-DKISP-2025-004\"")
    );
}

#[test]
fn nomor_longer_than_64_characters_is_e0201() {
    let long = format!("\"{}\"", "A".repeat(65));
    expect_one(
        &edit(&[("\"DIK-KOMINF-2025-001\"", &long)]),
        "E0201",
        2,
        9,
        "`nomor` terlalu panjang: 65 karakter, paling banyak 64",
    );
}

// ---------------------------------------------------------------------------------------
// pasal_17
// ---------------------------------------------------------------------------------------

#[test]
fn pasal_17_accepts_every_huruf_and_the_last_angka_of_each() {
    // Legal basis: Pasal 17 UU 14/2008: huruf a–j; angka a 1–5, c 1–7, e 1–7, f 1–4, h 1–5.
    let text = edit(&[(
        "pasal_17 = [\"c.6\", \"j\"]",
        "pasal_17 = [\"a.5\", \"b\", \"c.7\", \"d\", \"e.7\", \"f.4\", \"g\", \"h.5\", \"i\", \"j\", \"a.1\", \"h\"]",
    )]);
    // `h` alone, beside its angka, is still a huruf cited without one (W0214).
    let loaded = expect(
        &text,
        &[(
            "W0214",
            5,
            80,
            "Pasal 17 huruf h UU 14/2008 terdiri atas angka 1–5, tetapi angkanya tidak disebut",
        )],
    );
    let r = loaded.record.expect("a warning keeps the record");
    let codes: Vec<String> = r.pasal_17.iter().map(ToString::to_string).collect();
    assert_eq!(
        codes,
        [
            "a.5", "b", "c.7", "d", "e.7", "f.4", "g", "h.5", "i", "j", "a.1", "h"
        ]
    );
}

#[test]
fn pasal_17_not_of_the_form_h_or_h_n_is_e0211() {
    // Legal basis: Pasal 17 UU 14/2008 has huruf a to j only.
    let d = expect_one(
        &edit(&[("[\"c.6\", \"j\"]", "[\"c.6\", \"k\"]")]),
        "E0211",
        5,
        20,
        "`k` bukan rujukan Pasal 17 yang sah",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("tulis huruf a–j, dengan angka bila perlu: \"h\", \"c.6\"")
    );
    expect_one(
        &edit(&[("[\"c.6\", \"j\"]", "[\"c6\", \"j\"]")]),
        "E0211",
        5,
        13,
        "`c6` bukan rujukan Pasal 17 yang sah",
    );
}

#[test]
fn pasal_17_in_upper_case_is_e0211_with_a_lower_case_hint() {
    let d = expect_one(
        &edit(&[("[\"c.6\", \"j\"]", "[\"C.6\", \"j\"]")]),
        "E0211",
        5,
        13,
        "`C.6` bukan rujukan Pasal 17 yang sah",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("maksudnya \"c.6\"? tulis huruf kecil, titik, lalu angka tanpa nol di depan")
    );
}

#[test]
fn pasal_17_written_as_officers_do_gets_the_code_they_meant() {
    // The newcomer review: `h2`, `h-2`, `h angka 2` got a generic hint, `h.02` an angka one.
    for (written, code) in [("h2", "E0211"), ("h-2", "E0211"), ("h angka 2", "E0211")] {
        let d = expect_one(
            &edit(&[("[\"c.6\", \"j\"]", &format!("[\"{written}\", \"j\"]"))]),
            code,
            5,
            13,
            &format!("`{written}` bukan rujukan Pasal 17 yang sah"),
        );
        assert_eq!(
            d.hint.as_deref(),
            Some("maksudnya \"h.2\"? tulis huruf kecil, titik, lalu angka tanpa nol di depan")
        );
    }
    let d = expect_one(
        &edit(&[("[\"c.6\", \"j\"]", "[\"h.02\", \"j\"]")]),
        "E0212",
        5,
        13,
        "Pasal 17 huruf h hanya memiliki angka 1–5",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("maksudnya \"h.2\"? tulis \"h\" saja, atau \"h.1\" sampai \"h.5\"")
    );
}

#[test]
fn pasal_17_angka_beyond_the_huruf_is_e0212() {
    // Legal basis: Pasal 17 UU 14/2008: angka a 1–5, c 1–7, e 1–7, f 1–4, h 1–5.
    for (code, count) in [
        ("a.6", 5),
        ("c.8", 7),
        ("e.8", 7),
        ("f.5", 4),
        ("h.6", 5),
        ("c.0", 7),
    ] {
        let huruf = &code[..1];
        let message = format!("Pasal 17 huruf {huruf} hanya memiliki angka 1–{count}");
        let list = format!("[\"{code}\", \"j\"]");
        let loaded = expect(
            &edit(&[("[\"c.6\", \"j\"]", &list)]),
            &[("E0212", 5, 13, &message)],
        );
        assert_eq!(
            loaded.diagnostics[0].hint.as_deref(),
            Some(
                format!("tulis \"{huruf}\" saja, atau \"{huruf}.1\" sampai \"{huruf}.{count}\"")
                    .as_str()
            )
        );
    }
}

#[test]
fn pasal_17_angka_on_a_huruf_without_angka_is_e0212() {
    // Legal basis: Pasal 17 huruf b, d, g, i and j UU 14/2008 have no angka.
    for huruf in ["b", "d", "g", "i", "j"] {
        let message = format!("Pasal 17 huruf {huruf} tidak memiliki angka");
        let list = format!("[\"c.6\", \"{huruf}.1\"]");
        let loaded = expect(
            &edit(&[("[\"c.6\", \"j\"]", &list)]),
            &[("E0212", 5, 20, &message)],
        );
        assert_eq!(
            loaded.diagnostics[0].hint.as_deref(),
            Some(format!("tulis \"{huruf}\" saja").as_str())
        );
    }
}

#[test]
fn pasal_17_repeated_is_warning_w0213_and_the_record_stands() {
    let loaded = expect(
        &edit(&[("[\"c.6\", \"j\"]", "[\"c.6\", \"j\", \"c.6\"]")]),
        &[("W0213", 5, 25, "`c.6` disebut dua kali di pasal_17")],
    );
    assert_eq!(
        loaded.diagnostics[0].hint.as_deref(),
        Some("sebutan pertama di baris 5; hapus salah satunya")
    );
    assert_eq!(loaded.diagnostics[0].severity, Severity::Warning);
    assert_eq!(loaded.record.unwrap().pasal_17.len(), 2);
}

// ---------------------------------------------------------------------------------------
// jangka_waktu
// ---------------------------------------------------------------------------------------

const FORMS_HINT: &str = "{ tahun = N }, { bulan = N }, { sampai = TANGGAL }, { peristiwa = \"...\" }, atau \"permanen\"";

#[test]
fn each_of_the_five_term_forms_is_accepted() {
    assert_eq!(valid(VALID).jangka_waktu, Term::Tahun(5));
    let cases = [
        ("{ bulan = 24 }", Term::Bulan(24)),
        ("{ sampai = 2028-01-01 }", Term::Sampai(date(2028, 1, 1))),
        (
            "{ peristiwa = \"putusan pengadilan berkekuatan hukum tetap\" }",
            Term::Peristiwa {
                teks: "putusan pengadilan berkekuatan hukum tetap".into(),
                paling_lama: None,
            },
        ),
    ];
    for (form, term) in cases {
        assert_eq!(valid(&edit(&[("{ tahun = 5 }", form)])).jangka_waktu, term);
    }
    let text = edit(&[
        ("[\"c.6\", \"j\"]", "[\"j\"]"),
        (
            "jangka_waktu = { tahun = 5 }",
            "jangka_waktu = \"permanen\"",
        ),
    ]);
    assert_eq!(valid(&text).jangka_waktu, Term::Permanen);
}

/// Contract silent on where; the code means to point at the second form written (the
/// one to remove), whichever order the officer wrote them in.
#[test]
fn two_term_forms_at_once_are_e0220_at_the_second() {
    expect_one(
        &edit(&[("{ tahun = 5 }", "{ bulan = 60, tahun = 5 }")]),
        "E0220",
        12,
        30,
        "`jangka_waktu` hanya boleh memakai satu bentuk",
    );
    let d = expect_one(
        &edit(&[("{ tahun = 5 }", "{ tahun = 5, bulan = 60 }")]),
        "E0220",
        12,
        29,
        "`jangka_waktu` hanya boleh memakai satu bentuk",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some(format!("pilih salah satu: {FORMS_HINT}").as_str())
    );
}

#[test]
fn an_empty_term_table_is_e0220() {
    let d = expect_one(
        &edit(&[("{ tahun = 5 }", "{}")]),
        "E0220",
        12,
        16,
        "`jangka_waktu` kosong",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some(format!("tulis salah satu: {FORMS_HINT}").as_str())
    );
}

#[test]
fn an_unknown_term_string_is_e0220() {
    let d = expect_one(
        &edit(&[("{ tahun = 5 }", "\"selamanya\"")]),
        "E0220",
        12,
        16,
        "`jangka_waktu` tidak mengenal \"selamanya\"",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some(format!("tulis salah satu: {FORMS_HINT}").as_str())
    );
}

#[test]
fn permanen_capitalised_is_e0220_with_a_lower_case_hint() {
    let d = expect_one(
        &edit(&[
            ("[\"c.6\", \"j\"]", "[\"j\"]"),
            ("{ tahun = 5 }", "\"Permanen\""),
        ]),
        "E0220",
        12,
        16,
        "`jangka_waktu` tidak mengenal \"Permanen\"",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("tulis tepat \"permanen\", huruf kecil")
    );
}

#[test]
fn permanen_with_huruf_a_to_f_is_e0221() {
    // Legal basis: Pasal 20 ayat (1) UU 14/2008: exemptions under huruf a to f are not permanent.
    for (huruf, code) in [
        ("a", "a.1"),
        ("b", "b"),
        ("c", "c.1"),
        ("d", "d"),
        ("e", "e.1"),
        ("f", "f.1"),
    ] {
        // With another huruf beside it, as records usually cite several.
        let list = format!("[\"j\", \"{code}\"]");
        let message = format!(
            "pengecualian berdasarkan Pasal 17 huruf {huruf} tidak boleh permanen (Pasal 20 ayat (1) UU 14/2008)"
        );
        let loaded = expect(
            &edit(&[
                ("[\"c.6\", \"j\"]", &list),
                ("{ tahun = 5 }", "\"permanen\""),
            ]),
            &[("E0221", 12, 16, &message)],
        );
        assert_eq!(
            loaded.diagnostics[0].hint.as_deref(),
            Some(
                "tetapkan jangka waktu: { tahun = N }, { sampai = TANGGAL } atau { peristiwa = \"...\" }"
            )
        );
    }
}

#[test]
fn permanen_with_huruf_g_to_j_only_is_accepted() {
    // Legal basis: Pasal 20 ayat (1) UU 14/2008 limits only huruf a to f.
    for list in [
        "[\"g\"]",
        "[\"h.1\"]",
        "[\"h.2\", \"i\"]",
        "[\"i\"]",
        "[\"j\"]",
    ] {
        let text = edit(&[
            ("[\"c.6\", \"j\"]", list),
            ("{ tahun = 5 }", "\"permanen\""),
        ]);
        let r = valid_with(&text, &Config::default(), date(2099, 12, 31));
        assert_eq!(r.berlaku_sampai, None);
        assert_eq!(r.status, Status::Berlaku);
    }
}

#[test]
fn huruf_a_accepts_exactly_30_years_in_each_form() {
    // Legal basis: PP 61/2010 (unverified article, see docs/hukum.md): huruf a at most 30 years.
    for form in [
        "{ tahun = 30 }",
        "{ bulan = 360 }",
        "{ sampai = 2055-03-07 }",
    ] {
        let text = edit(&[("[\"c.6\", \"j\"]", "[\"a.2\"]"), ("{ tahun = 5 }", form)]);
        assert_eq!(
            valid(&text).berlaku_sampai,
            Some(date(2055, 3, 7)),
            "{form}"
        );
    }
    // From 29 February, 30 years later is the last day of February.
    let text = edit(&[
        ("[\"c.6\", \"j\"]", "[\"a.1\"]"),
        ("{ tahun = 5 }", "{ sampai = 2054-02-28 }"),
        ("ditetapkan = 2025-03-07", "ditetapkan = 2024-02-29"),
    ]);
    valid(&text);
}

#[test]
fn huruf_a_over_30_years_is_e0222_in_each_form() {
    // Legal basis: PP 61/2010 (unverified article, see docs/hukum.md): huruf a at most 30 years.
    let message = "jangka waktu pengecualian berdasarkan Pasal 17 huruf a UU 14/2008 paling lama 30 tahun (PP 61/2010)";
    for form in [
        "{ tahun = 31 }",
        "{ bulan = 361 }",
        "{ sampai = 2055-03-08 }",
    ] {
        let text = edit(&[
            ("[\"c.6\", \"j\"]", "[\"j\", \"a.2\"]"),
            ("{ tahun = 5 }", form),
        ]);
        expect(&text, &[("E0222", 12, 16, message)]);
    }
    let text = edit(&[
        ("[\"c.6\", \"j\"]", "[\"a.1\"]"),
        ("{ tahun = 5 }", "{ sampai = 2054-03-01 }"),
        ("ditetapkan = 2025-03-07", "ditetapkan = 2024-02-29"),
    ]);
    expect(&text, &[("E0222", 12, 16, message)]);
}

/// The contract limits only the dated forms for huruf a; a term ending on an event has
/// no date to measure.
#[test]
fn huruf_a_with_a_term_ending_on_an_event_is_accepted_with_its_latest_end() {
    // PP 61/2010: huruf a at most 30 years, so an event term also names its latest end,
    // and the term ends at whichever comes first.
    let text = edit(&[
        ("[\"c.6\", \"j\"]", "[\"a.1\"]"),
        (
            "{ tahun = 5 }",
            "{ peristiwa = \"putusan pengadilan berkekuatan hukum tetap\", paling_lama = 2055-03-07 }",
        ),
    ]);
    let r = valid(&text);
    assert_eq!(r.berlaku_sampai, Some(date(2055, 3, 7)));
    assert_eq!(
        r.jangka_waktu,
        Term::Peristiwa {
            teks: "putusan pengadilan berkekuatan hukum tetap".into(),
            paling_lama: Some(date(2055, 3, 7)),
        }
    );
}

#[test]
fn huruf_a_with_an_event_term_and_no_latest_end_is_e0226() {
    let text = edit(&[
        ("[\"c.6\", \"j\"]", "[\"a.1\"]"),
        (
            "{ tahun = 5 }",
            "{ peristiwa = \"putusan pengadilan berkekuatan hukum tetap\" }",
        ),
    ]);
    let d = expect_one(
        &text,
        "E0226",
        12,
        16,
        "jangka waktu pengecualian berdasarkan Pasal 17 huruf a UU 14/2008 yang menunggu suatu peristiwa harus juga menyebut batas paling lama (paling lama 30 tahun, PP 61/2010)",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "tambahkan tanggal batasnya: { peristiwa = \"...\", paling_lama = TANGGAL }, paling lambat 30 tahun sesudah penetapan; jangka waktu berakhir pada yang lebih dahulu terjadi"
        )
    );
    // A latest end beyond 30 years is E0222, as for any other form.
    let text = edit(&[
        ("[\"c.6\", \"j\"]", "[\"a.1\"]"),
        (
            "{ tahun = 5 }",
            "{ peristiwa = \"putusan pengadilan berkekuatan hukum tetap\", paling_lama = 2055-03-08 }",
        ),
    ]);
    expect(
        &text,
        &[(
            "E0222",
            12,
            16,
            "jangka waktu pengecualian berdasarkan Pasal 17 huruf a UU 14/2008 paling lama 30 tahun (PP 61/2010)",
        )],
    );
    // Without huruf a an event term needs no latest end; `paling_lama` needs an event.
    valid(&edit(&[(
        "{ tahun = 5 }",
        "{ peristiwa = \"putusan pengadilan berkekuatan hukum tetap\" }",
    )]));
    expect_one(
        &edit(&[("{ tahun = 5 }", "{ tahun = 5, paling_lama = 2030-01-01 }")]),
        "E0220",
        12,
        29,
        "`jangka_waktu.paling_lama` hanya dipakai bersama `peristiwa`",
    );
    // Alone, it is an error too: the record is never dropped in silence.
    expect_one(
        &edit(&[("{ tahun = 5 }", "{ paling_lama = 2030-01-01 }")]),
        "E0220",
        12,
        18,
        "`jangka_waktu.paling_lama` hanya dipakai bersama `peristiwa`",
    );
}

#[test]
fn terms_over_30_years_are_fine_without_huruf_a() {
    // Legal basis: The 30-year bound of PP 61/2010 concerns huruf a only.
    let r = valid(&edit(&[("{ tahun = 5 }", "{ tahun = 50 }")]));
    assert_eq!(r.berlaku_sampai, Some(date(2075, 3, 7)));
}

#[test]
fn tahun_or_bulan_zero_or_negative_is_e0223() {
    for (form, key) in [
        ("{ tahun = 0 }", "tahun"),
        ("{ tahun = -1 }", "tahun"),
        ("{ bulan = 0 }", "bulan"),
        ("{ bulan = -12 }", "bulan"),
    ] {
        let message = format!("`jangka_waktu.{key}` harus lebih dari 0");
        expect(
            &edit(&[("{ tahun = 5 }", form)]),
            &[("E0223", 12, 26, &message)],
        );
    }
}

#[test]
fn sampai_one_day_after_ditetapkan_is_accepted() {
    let text = edit(&[("{ tahun = 5 }", "{ sampai = 2025-03-08 }")]);
    let r = valid_with(&text, &no_reminder(), date(2025, 3, 8));
    assert_eq!(r.berlaku_sampai, Some(date(2025, 3, 8)));
    assert_eq!(r.status, Status::Berlaku);
}

#[test]
fn sampai_on_or_before_ditetapkan_is_e0224() {
    let text = edit(&[("{ tahun = 5 }", "{ sampai = 2025-03-07 }")]);
    expect_with(
        &text,
        &Config::default(),
        date(2025, 3, 7),
        &[(
            "E0224",
            12,
            16,
            "jangka waktu berakhir 7 Maret 2025, padahal harus sesudah tanggal penetapan 7 Maret 2025",
        )],
    );
    let text = edit(&[("{ tahun = 5 }", "{ sampai = 2024-12-31 }")]);
    let loaded = load(&text);
    assert!(loaded.record.is_none());
    assert!(
        loaded.diagnostics.iter().any(|d| d.code_id() == "E0224"
            && d.message
                == "jangka waktu berakhir 31 Desember 2024, padahal harus sesudah tanggal penetapan 7 Maret 2025"
            && (d.line, d.column) == (Some(12), Some(16))),
        "{:#?}",
        loaded.diagnostics
    );
}

#[test]
fn a_term_too_far_to_compute_is_e0225_without_panic() {
    let far = "akhir jangka waktu berada di luar rentang tanggal yang dapat dihitung";
    expect(
        &edit(&[("{ tahun = 5 }", "{ tahun = 999999999 }")]),
        &[("E0225", 12, 16, far)],
    );
    expect(
        &edit(&[("{ tahun = 5 }", "{ bulan = 999999999 }")]),
        &[("E0225", 12, 16, far)],
    );
    // With huruf a too: still one clear error, no panic.
    expect(
        &edit(&[
            ("[\"c.6\", \"j\"]", "[\"a.1\"]"),
            ("{ tahun = 5 }", "{ tahun = 999999999 }"),
        ]),
        &[("E0225", 12, 16, far)],
    );
    expect(
        &edit(&[("{ tahun = 5 }", "{ tahun = 99999999999 }")]),
        &[("E0225", 12, 26, "`jangka_waktu.tahun` terlalu besar")],
    );
    expect(
        &edit(&[("{ tahun = 5 }", "{ tahun = 99999999999999999999 }")]),
        &[(
            "E0104",
            12,
            26,
            "`jangka_waktu.tahun` berada di luar rentang bilangan yang dapat dibaca",
        )],
    );
}

#[test]
fn ditetapkan_on_the_build_date_is_accepted() {
    let r = valid_with(VALID, &Config::default(), date(2025, 3, 7));
    assert_eq!(r.status, Status::Berlaku);
}

#[test]
fn ditetapkan_after_the_build_date_is_e0230() {
    // Legal basis: A decision takes effect when made (Pasal 4 ayat (4) Perki 1/2017: the decision states its place and date).
    let loaded = expect_with(
        VALID,
        &Config::default(),
        date(2025, 3, 6),
        &[(
            "E0230",
            13,
            14,
            "tanggal penetapan 7 Maret 2025 jatuh sesudah tanggal pembuatan situs 6 Maret 2025",
        )],
    );
    assert_eq!(
        loaded.diagnostics[0].hint.as_deref(),
        Some(
            "pengecualian baru dapat diterbitkan sesudah ditetapkan; periksa tahun dan bulannya (tanggal pembuatan situs adalah hari ini, kecuali diatur dengan --tanggal atau SOURCE_DATE_EPOCH)"
        )
    );
}

#[test]
fn a_term_is_in_force_up_to_and_including_its_end_date() {
    let r = valid_with(VALID, &no_reminder(), date(2030, 3, 7));
    assert_eq!(r.berlaku_sampai, Some(date(2030, 3, 7)));
    assert_eq!(r.status, Status::Berlaku);
}

#[test]
fn an_ended_term_is_only_warning_w0231_and_the_record_is_berakhir() {
    // Legal basis: At the end of its term the exemption ends; the PPID determines the opening (PP 61/2010, PPID duties; see docs/hukum.md).
    let loaded = expect_with(
        VALID,
        &Config::default(),
        date(2030, 3, 8),
        &[(
            "W0231",
            12,
            16,
            "jangka waktu pengecualian berakhir 7 Maret 2030: informasi ini kini terbuka",
        )],
    );
    assert_eq!(
        loaded.diagnostics[0].hint.as_deref(),
        Some(
            "catatan ini tampil di daftar pengecualian yang telah berakhir; catat penetapan pembukaannya dengan dibuka = { tanggal = TANGGAL, dasar = \"penetapan_ppid\", nomor = \"...\" } agar peringatan ini berhenti"
        )
    );
    let r = loaded.record.unwrap();
    assert_eq!(r.status, Status::Berakhir);
    assert_eq!(r.status.key(), "berakhir");
}

#[test]
fn end_dates_clamp_to_the_last_day_of_the_target_month() {
    let cases = [
        ("2024-02-29", "{ tahun = 1 }", date(2025, 2, 28)),
        ("2024-02-29", "{ tahun = 4 }", date(2028, 2, 29)),
        ("2025-01-31", "{ bulan = 1 }", date(2025, 2, 28)),
        ("2023-01-31", "{ bulan = 13 }", date(2024, 2, 29)),
        ("2025-01-31", "{ bulan = 3 }", date(2025, 4, 30)),
        ("2024-10-31", "{ bulan = 1 }", date(2024, 11, 30)),
    ];
    for (decided, form, end) in cases {
        let decided_line = format!("ditetapkan = {decided}");
        let text = edit(&[
            ("ditetapkan = 2025-03-07", &decided_line),
            ("{ tahun = 5 }", form),
        ]);
        let r = valid_with(&text, &no_reminder(), end);
        assert_eq!(r.berlaku_sampai, Some(end), "{decided} + {form}");
        assert_eq!(r.status, Status::Berlaku, "{decided} + {form}");
    }
    // The day after the clamped end date, the term has ended.
    let text = edit(&[
        ("ditetapkan = 2025-03-07", "ditetapkan = 2024-02-29"),
        ("{ tahun = 5 }", "{ tahun = 1 }"),
    ]);
    let loaded = expect_with(
        &text,
        &Config::default(),
        date(2025, 3, 1),
        &[(
            "W0231",
            12,
            16,
            "jangka waktu pengecualian berakhir 28 Februari 2025: informasi ini kini terbuka",
        )],
    );
    assert_eq!(loaded.record.unwrap().status, Status::Berakhir);
}

#[test]
fn a_term_ending_on_an_event_never_ends_by_date() {
    let text = edit(&[("{ tahun = 5 }", "{ peristiwa = \"selesainya audit\" }")]);
    let r = valid_with(&text, &Config::default(), date(2199, 1, 1));
    assert_eq!(r.berlaku_sampai, None);
    assert_eq!(r.status, Status::Berlaku);
}

// ---------------------------------------------------------------------------------------
// langkah
// ---------------------------------------------------------------------------------------

const STEP_1: &str = "  { no = 1, mulai = 2025-03-10T08:30:00+08:00, menit = 28 },\n";
const STEP_2: &str = "  { no = 2, mulai = 2025-03-10T09:05:00+08:00, menit = 15 },\n";
const STEP_3: &str = "  { no = 3, mulai = 2025-03-10T09:30:00+08:00, menit = 25 },\n";
const STEP_8: &str = "  { no = 8, mulai = 2025-03-12T10:30:00+08:00, menit = 10 },\n";
const MISSING_HINT: &str =
    "setiap langkah SOP dicatat tepat sekali: { no = N, mulai = TANGGAL-JAM, menit = M }";

#[test]
fn a_step_may_start_exactly_when_the_previous_one_ends() {
    // Step 1: 08:30 + 28 minutes = 08:58.
    let r = valid(&edit(&[(
        "09:05:00+08:00, menit = 15",
        "08:58:00+08:00, menit = 15",
    )]));
    assert_eq!(r.langkah[1].mulai, wita("2025-03-10T08:58:00+08:00"));
    assert_eq!(r.langkah[0].end(), r.langkah[1].mulai);
}

#[test]
fn the_order_of_steps_in_the_file_does_not_matter() {
    let text = edit(&[(&format!("{STEP_1}{STEP_2}"), &format!("{STEP_2}{STEP_1}"))]);
    let r = valid(&text);
    let numbers: Vec<u32> = r.langkah.iter().map(|s| s.no).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6, 7, 8]);
}

#[test]
fn a_missing_step_is_e0301() {
    let d = expect_one(
        &without(STEP_8),
        "E0301",
        18,
        11,
        "langkah 8 SOP belum dicatat",
    );
    assert_eq!(d.hint.as_deref(), Some(MISSING_HINT));
}

#[test]
fn several_missing_steps_are_one_e0301_joined_the_indonesian_way() {
    expect_one(
        &without(&format!("{STEP_1}{STEP_2}{STEP_3}")),
        "E0301",
        18,
        11,
        "langkah 1, 2 dan 3 SOP belum dicatat",
    );
    expect_one(
        &without(&format!("{STEP_2}{STEP_3}")),
        "E0301",
        18,
        11,
        "langkah 2 dan 3 SOP belum dicatat",
    );
    let start = VALID.find("langkah = [").unwrap();
    let end = VALID[start..].find("]\n").unwrap() + start + 1;
    expect_one(
        &edit(&[(&VALID[start..end], "langkah = []")]),
        "E0301",
        18,
        11,
        "langkah 1, 2, 3, 4, 5, 6, 7 dan 8 SOP belum dicatat",
    );
}

#[test]
fn a_duplicate_step_is_e0302() {
    let text = edit(&[(
        STEP_8,
        &format!("{STEP_8}  {{ no = 8, mulai = 2025-03-12T11:00:00+08:00, menit = 10 }},\n"),
    )]);
    let d = expect_one(
        &text,
        "E0302",
        27,
        10,
        "langkah 8 dicatat lebih dari sekali",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("langkah 8 sudah dicatat di baris 26")
    );
}

#[test]
fn an_unknown_step_number_is_e0303() {
    let text = edit(&[(
        STEP_8,
        &format!("{STEP_8}  {{ no = 9, mulai = 2025-03-12T11:00:00+08:00, menit = 10 }},\n"),
    )]);
    let d = expect_one(
        &text,
        "E0303",
        27,
        10,
        "langkah 9 tidak ada di SOP 07/SOP-PPID/DISKOMINFO.1/2017",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("langkah SOP: 1, 2, 3, 4, 5, 6, 7, 8")
    );
    // Step 0 is no step number at all; step 8 is then missing.
    expect(
        &edit(&[("{ no = 8,", "{ no = 0,")]),
        &[
            (
                "E0303",
                26,
                10,
                "`langkah[urutan 8].no` harus bilangan bulat lebih dari 0",
            ),
            ("E0301", 18, 11, "langkah 8 SOP belum dicatat"),
        ],
    );
}

#[test]
fn zero_or_negative_minutes_are_e0304() {
    expect_one(
        &edit(&[("menit = 28 }", "menit = 0 }")]),
        "E0304",
        19,
        56,
        "`langkah[no=1].menit` harus bilangan bulat lebih dari 0",
    );
    expect_one(
        &edit(&[("menit = 28 }", "menit = -5 }")]),
        "E0304",
        19,
        56,
        "`langkah[no=1].menit` harus bilangan bulat lebih dari 0",
    );
}

#[test]
fn a_step_starting_before_the_previous_one_ends_is_e0306() {
    let d = expect_one(
        &edit(&[("09:05:00+08:00, menit = 15", "08:57:00+08:00, menit = 15")]),
        "E0306",
        20,
        21,
        "langkah 2 dimulai 10 Maret 2025 pukul 08.57 WITA, sebelum langkah 1 selesai (10 Maret 2025 pukul 08.58 WITA)",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "langkah SOP berurutan dan tidak bertumpang tindih: langkah berikutnya dimulai setelah langkah sebelumnya selesai (mulai + menit)"
        )
    );
}

#[test]
fn a_step_starting_before_the_previous_one_starts_is_e0306() {
    expect_one(
        &edit(&[("09:05:00+08:00, menit = 15", "08:00:00+08:00, menit = 15")]),
        "E0306",
        20,
        21,
        "langkah 2 dimulai 10 Maret 2025 pukul 08.00 WITA, sebelum langkah 1 dimulai (10 Maret 2025 pukul 08.30 WITA)",
    );
}

#[test]
fn a_date_time_without_offset_is_read_in_the_site_zone() {
    let text = edit(&[
        (
            "mulai = 2025-03-10T08:30:00+08:00",
            "mulai = 2025-03-10T08:30:00",
        ),
        (
            "tanggal = 2025-03-10T11:40:00+08:00",
            "tanggal = 2025-03-10T11:40:00",
        ),
    ]);
    let r = valid(&text);
    assert_eq!(r.langkah[0].mulai, wita("2025-03-10T08:30:00+08:00"));
    assert_eq!(r.langkah[0].mulai.offset().local_minus_utc(), 8 * 3600);
    assert_eq!(
        r.pengesahan.petugas_ppid.tanggal,
        wita("2025-03-10T11:40:00+08:00")
    );
    // A time in another offset is the same instant, shown in the site's zone.
    let text = edit(&[(
        "mulai = 2025-03-10T08:30:00+08:00",
        "mulai = 2025-03-10T00:30:00Z",
    )]);
    assert_eq!(
        valid(&text).langkah[0].mulai,
        wita("2025-03-10T08:30:00+08:00")
    );
}

#[test]
fn the_site_zone_decides_when_a_time_without_offset_happened() {
    // In WIB, 08:30 is 09:30 WITA: step 2 (09:05 WITA = 08:05 WIB) now starts first.
    let config = parse_config("zona_waktu = \"Asia/Jakarta\"\n");
    let text = edit(&[(
        "mulai = 2025-03-10T08:30:00+08:00",
        "mulai = 2025-03-10T08:30:00",
    )]);
    let loaded = expect_with(
        &text,
        &config,
        build_date(),
        &[(
            "E0306",
            20,
            21,
            "langkah 2 dimulai 10 Maret 2025 pukul 08.05 WIB, sebelum langkah 1 dimulai (10 Maret 2025 pukul 08.30 WIB)",
        )],
    );
    assert!(loaded.record.is_none());
}

#[test]
fn a_step_at_its_standard_time_is_accepted() {
    let r = valid(&edit(&[("menit = 28 }", "menit = 30 }")]));
    assert_eq!(r.langkah[0].menit, 30);
}

#[test]
fn a_step_over_its_standard_time_is_warning_w0307_by_default() {
    // Legal basis: The SOP (07/SOP-PPID/DISKOMINFO.1/2017): each step has its standard time (mutu baku).
    let loaded = expect(
        &edit(&[("menit = 28 }", "menit = 31 }")]),
        &[(
            "W0307",
            19,
            56,
            "langkah 1 memakan 31 menit, melebihi mutu baku 30 menit",
        )],
    );
    assert_eq!(
        loaded.diagnostics[0].hint.as_deref(),
        Some("ini temuan kepatuhan SOP dan dicatat di indeks internal")
    );
    assert_eq!(loaded.record.unwrap().langkah[0].menit, 31);
    // Said explicitly in the configuration, the same.
    let config = parse_config("[sop]\nmelebihi_mutu_baku = \"peringatan\"\n");
    expect_with(
        &edit(&[("menit = 28 }", "menit = 31 }")]),
        &config,
        build_date(),
        &[(
            "W0307",
            19,
            56,
            "langkah 1 memakan 31 menit, melebihi mutu baku 30 menit",
        )],
    );
}

#[test]
fn a_step_over_its_standard_time_is_error_e0307_when_configured() {
    let config = parse_config("[sop]\nmelebihi_mutu_baku = \"galat\"\n");
    expect_with(
        &edit(&[("menit = 28 }", "menit = 31 }")]),
        &config,
        build_date(),
        &[(
            "E0307",
            19,
            56,
            "langkah 1 memakan 31 menit, melebihi mutu baku 30 menit",
        )],
    );
    // At the standard time, still fine.
    valid_with(
        &edit(&[("menit = 28 }", "menit = 30 }")]),
        &config,
        build_date(),
    );
}

// ---------------------------------------------------------------------------------------
// pengesahan: the NIP
// ---------------------------------------------------------------------------------------

const PETUGAS_NIP: &str = "nip = \"199001152015032004\"";
const UTAMA_NIP: &str = "nip = \"19750321 200003 1 002\"";

/// Loads a record whose Petugas PPID NIP line is `nip_line` and checks the one
/// diagnostic, including the text its span covers.
fn nip_problem(
    from: &str,
    nip_line: &str,
    code: &str,
    (line, column): (usize, usize),
    message: &str,
    covered: &str,
) -> Diagnostic {
    let text = edit(&[(from, nip_line)]);
    let d = expect_one(&text, code, line, column, message);
    assert_eq!(
        spanned(&text, &d),
        covered,
        "the caret must cover {covered:?}"
    );
    d
}

const UNDER_18_1990_01: Expected = (
    "W0410",
    31,
    16,
    "`pengesahan.petugas_ppid.nip`: angka 9–14 NIP (199001) menyatakan pengangkatan sebelum pemegangnya berusia 18 tahun (lahir 19900115)",
);

#[test]
fn an_appointment_before_the_18th_birthday_is_w0410() {
    // Born January 1990: 18 in January 2008. December 2007 warns, January 2008 does not.
    let text = edit(&[(PETUGAS_NIP, "nip = \"199001152007122004\"")]);
    let d = expect_one(
        &text,
        "W0410",
        31,
        16,
        "`pengesahan.petugas_ppid.nip`: angka 9–14 NIP (200712) menyatakan pengangkatan sebelum pemegangnya berusia 18 tahun (lahir 19900115)",
    );
    assert_eq!(spanned(&text, &d), "200712");
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "periksa NIP: pengangkatan sebelum pemegangnya berusia 18 tahun hampir pasti salah ketik"
        )
    );
    valid(&edit(&[(PETUGAS_NIP, "nip = \"199001152008012004\"")]));
}

#[test]
fn valid_nips_with_and_without_spaces_are_accepted() {
    let text = edit(&[(PETUGAS_NIP, "nip = \"19900115 201503 2 004\"")]);
    assert_eq!(
        valid(&text).pengesahan.petugas_ppid.nip,
        "199001152015032004"
    );
    let text = edit(&[(PETUGAS_NIP, "nip = \"19900115201503 2 004\"")]);
    assert_eq!(
        valid(&text).pengesahan.petugas_ppid.nip,
        "199001152015032004"
    );
    // Appointed in the month of birth: not before the birth date, so no error; but
    // before the 18th birthday, which is most likely a typo (W0410).
    let text = edit(&[(PETUGAS_NIP, "nip = \"199001151990012004\"")]);
    expect(&text, &[UNDER_18_1990_01]);
    // Leap day, sex digit 1, sequence 001.
    let text = edit(&[(PETUGAS_NIP, "nip = \"198802292010121001\"")]);
    valid(&text);
}

#[test]
fn a_nip_of_the_wrong_length_is_e0401() {
    // Legal basis: The NIP layout of BKN (Perka BKN; secondary sources, see docs/hukum.md): 18 digits.
    let hint = "NIP PNS dan NI PPPK terdiri atas 18 angka, misalnya \"19750321 200003 1 002\"";
    let d = nip_problem(
        PETUGAS_NIP,
        "nip = \"19900115201503200\"",
        "E0401",
        (31, 7),
        "`pengesahan.petugas_ppid.nip`: NIP harus 18 angka, tertulis 17 angka",
        "\"19900115201503200\"",
    );
    assert_eq!(d.hint.as_deref(), Some(hint));
    nip_problem(
        UTAMA_NIP,
        "nip = \"19750321 200003 1 0021\"",
        "E0401",
        (37, 7),
        "`pengesahan.ppid_utama.nip`: NIP harus 18 angka, tertulis 19 angka",
        "\"19750321 200003 1 0021\"",
    );
}

#[test]
fn a_nip_with_other_characters_than_digits_spaces_and_dots_is_e0401() {
    let d = nip_problem(
        PETUGAS_NIP,
        "nip = \"19900115-201503-2-004\"",
        "E0401",
        (31, 7),
        "`pengesahan.petugas_ppid.nip`: NIP hanya boleh berisi angka, spasi, dan titik",
        "\"19900115-201503-2-004\"",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "hapus garis atau huruf; spasi atau titik boleh: \"19750321 200003 1 002\" atau \"19750321.200003.1.002\""
        )
    );
}

#[test]
fn the_dotted_nip_of_bkn_is_accepted() {
    let text = edit(&[(PETUGAS_NIP, "nip = \"19900115.201503.2.004\"")]);
    assert_eq!(
        valid(&text).pengesahan.petugas_ppid.nip,
        "199001152015032004"
    );
}

#[test]
fn a_nip_without_a_real_birth_date_is_e0402() {
    // Legal basis: NIP digits 1–8: the date of birth (BKN layout, see docs/hukum.md).
    nip_problem(
        PETUGAS_NIP,
        "nip = \"199002302015032004\"",
        "E0402",
        (31, 8),
        "`pengesahan.petugas_ppid.nip`: angka 1–8 NIP (19900230) bukan tanggal lahir yang ada",
        "19900230",
    );
    nip_problem(
        PETUGAS_NIP,
        "nip = \"198902292015032004\"",
        "E0402",
        (31, 8),
        "`pengesahan.petugas_ppid.nip`: angka 1–8 NIP (19890229) bukan tanggal lahir yang ada",
        "19890229",
    );
}

#[test]
fn a_nip_month_of_appointment_outside_01_to_12_is_e0403() {
    // Legal basis: NIP digits 9–14: year and month of appointment (BKN layout, see docs/hukum.md).
    let d = nip_problem(
        PETUGAS_NIP,
        "nip = \"199001152015132004\"",
        "E0403",
        (31, 20),
        "`pengesahan.petugas_ppid.nip`: angka 13–14 NIP (13) harus bulan pengangkatan 01–12",
        "13",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("untuk pegawai PPPK, tambahkan pppk = true pada pengesahan ini")
    );
    nip_problem(
        PETUGAS_NIP,
        "nip = \"199001152015002004\"",
        "E0403",
        (31, 20),
        "`pengesahan.petugas_ppid.nip`: angka 13–14 NIP (00) harus bulan pengangkatan 01–12",
        "00",
    );
    // With spaces in the NIP, the caret still covers the two digits.
    nip_problem(
        UTAMA_NIP,
        "nip = \"19750321 200013 1 002\"",
        "E0403",
        (37, 21),
        "`pengesahan.ppid_utama.nip`: angka 13–14 NIP (13) harus bulan pengangkatan 01–12",
        "13",
    );
}

#[test]
fn the_caret_also_points_into_a_literal_string() {
    nip_problem(
        PETUGAS_NIP,
        "nip = '199001152015132004'",
        "E0403",
        (31, 20),
        "`pengesahan.petugas_ppid.nip`: angka 13–14 NIP (13) harus bulan pengangkatan 01–12",
        "13",
    );
}

#[test]
fn a_nip_appointed_before_birth_is_e0403() {
    nip_problem(
        PETUGAS_NIP,
        "nip = \"199001151989122004\"",
        "E0403",
        (31, 16),
        "`pengesahan.petugas_ppid.nip`: angka 9–14 NIP (198912) menyatakan pengangkatan sebelum tanggal lahir",
        "198912",
    );
    nip_problem(
        UTAMA_NIP,
        "nip = \"19750321 197502 1 002\"",
        "E0403",
        (37, 17),
        "`pengesahan.ppid_utama.nip`: angka 9–14 NIP (197502) menyatakan pengangkatan sebelum tanggal lahir",
        "197502",
    );
}

/// Not in record-format.md: an extension documented in the README (E0403 "or after the
/// sign-off"). A signer appointed in the month of signing is fine.
#[test]
fn a_nip_appointed_after_the_sign_off_is_e0403() {
    valid(&edit(&[(PETUGAS_NIP, "nip = \"199001152025032004\"")]));
    let d = nip_problem(
        PETUGAS_NIP,
        "nip = \"199001152025042004\"",
        "E0403",
        (31, 16),
        "`pengesahan.petugas_ppid.nip`: angka 9–14 NIP (202504) menyatakan pengangkatan sesudah tanggal pengesahannya (10 Maret 2025)",
        "202504",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "periksa NIP dan tanggal pengesahan: penanda tangan sudah diangkat ketika menandatangani"
        )
    );
    // PPPK: the year alone counts.
    valid(&edit(&[(
        PETUGAS_NIP,
        "nip = \"19900115 202521 2 001\"\npppk = true",
    )]));
    nip_problem(
        PETUGAS_NIP,
        "nip = \"19900115 202621 2 001\"\npppk = true",
        "E0403",
        (31, 17),
        "`pengesahan.petugas_ppid.nip`: angka 9–14 NIP (202621) menyatakan pengangkatan sesudah tanggal pengesahannya (10 Maret 2025)",
        "202621",
    );
}

/// As for every other NIP rule, the caret covers the faulty digits, also in a TOML
/// literal string (single quotes).
#[test]
fn the_appointment_after_sign_off_caret_also_points_into_a_literal_string() {
    nip_problem(
        PETUGAS_NIP,
        "nip = '199001152025042004'",
        "E0403",
        (31, 16),
        "`pengesahan.petugas_ppid.nip`: angka 9–14 NIP (202504) menyatakan pengangkatan sesudah tanggal pengesahannya (10 Maret 2025)",
        "202504",
    );
}

#[test]
fn a_pppk_nip_may_carry_a_code_in_digits_13_14() {
    let text = edit(&[(PETUGAS_NIP, "nip = \"19900115 202421 2 001\"\npppk = true")]);
    let r = valid(&text);
    assert!(r.pengesahan.petugas_ppid.pppk);
    assert_eq!(r.pengesahan.petugas_ppid.nip, "199001152024212001");
    // Appointed (by year) in the year of birth: not before it, but before 18 (W0410).
    let text = edit(&[(PETUGAS_NIP, "nip = \"19900115 199021 2 001\"\npppk = true")]);
    expect(
        &text,
        &[(
            "W0410",
            31,
            17,
            "`pengesahan.petugas_ppid.nip`: angka 9–14 NIP (199021) menyatakan pengangkatan sebelum pemegangnya berusia 18 tahun (lahir 19900115)",
        )],
    );
    // Without `pppk = true` the code is a bad month.
    nip_problem(
        PETUGAS_NIP,
        "nip = \"19900115 202421 2 001\"",
        "E0403",
        (31, 21),
        "`pengesahan.petugas_ppid.nip`: angka 13–14 NIP (21) harus bulan pengangkatan 01–12",
        "21",
    );
}

#[test]
fn pppk_relaxes_the_month_but_not_the_year_nor_the_other_digits() {
    nip_problem(
        PETUGAS_NIP,
        "nip = \"19900115 198921 2 001\"\npppk = true",
        "E0403",
        (31, 17),
        "`pengesahan.petugas_ppid.nip`: angka 9–14 NIP (198921) menyatakan pengangkatan sebelum tanggal lahir",
        "198921",
    );
    nip_problem(
        PETUGAS_NIP,
        "nip = \"19900115 202421 3 001\"\npppk = true",
        "E0404",
        (31, 24),
        "`pengesahan.petugas_ppid.nip`: angka ke-15 NIP harus 1 atau 2, tertulis 3",
        "3",
    );
    // `pppk = false` is the same as leaving it out.
    nip_problem(
        PETUGAS_NIP,
        "nip = \"19900115 202421 2 001\"\npppk = false",
        "E0403",
        (31, 21),
        "`pengesahan.petugas_ppid.nip`: angka 13–14 NIP (21) harus bulan pengangkatan 01–12",
        "21",
    );
}

#[test]
fn a_nip_sex_digit_other_than_1_or_2_is_e0404() {
    // Legal basis: NIP digit 15: 1 male, 2 female (BKN layout, see docs/hukum.md).
    for digit in ["0", "3", "9"] {
        let line = format!("nip = \"19900115201503{digit}004\"");
        let message = format!(
            "`pengesahan.petugas_ppid.nip`: angka ke-15 NIP harus 1 atau 2, tertulis {digit}"
        );
        nip_problem(PETUGAS_NIP, &line, "E0404", (31, 22), &message, digit);
    }
}

#[test]
fn a_nip_sequence_000_is_e0405() {
    // Legal basis: NIP digits 16–18: a sequence from 001 (BKN layout, see docs/hukum.md).
    nip_problem(
        PETUGAS_NIP,
        "nip = \"199001152015032000\"",
        "E0405",
        (31, 23),
        "`pengesahan.petugas_ppid.nip`: angka 16–18 NIP (nomor urut) tidak boleh 000",
        "000",
    );
    nip_problem(
        UTAMA_NIP,
        "nip = \"19750321 200003 1 000\"",
        "E0405",
        (37, 26),
        "`pengesahan.ppid_utama.nip`: angka 16–18 NIP (nomor urut) tidak boleh 000",
        "000",
    );
}

#[test]
fn every_problem_of_one_nip_is_reported_each_at_its_digits() {
    let text = edit(&[(UTAMA_NIP, "nip = \"19751321 200013 0 000\"")]);
    let loaded = expect(
        &text,
        &[
            (
                "E0402",
                37,
                8,
                "`pengesahan.ppid_utama.nip`: angka 1–8 NIP (19751321) bukan tanggal lahir yang ada",
            ),
            (
                "E0403",
                37,
                21,
                "`pengesahan.ppid_utama.nip`: angka 13–14 NIP (13) harus bulan pengangkatan 01–12",
            ),
            (
                "E0404",
                37,
                24,
                "`pengesahan.ppid_utama.nip`: angka ke-15 NIP harus 1 atau 2, tertulis 0",
            ),
            (
                "E0405",
                37,
                26,
                "`pengesahan.ppid_utama.nip`: angka 16–18 NIP (nomor urut) tidak boleh 000",
            ),
        ],
    );
    let covered: Vec<&str> = loaded
        .diagnostics
        .iter()
        .map(|d| spanned(&text, d))
        .collect();
    assert_eq!(covered, ["19751321", "13", "0", "000"]);
}

#[test]
fn the_same_nip_twice_is_e0406() {
    // Legal basis: The SOP (07/SOP-PPID/DISKOMINFO.1/2017) has three roles; three people sign.
    // Written differently (with spaces), still the same 18 digits.
    let text = edit(&[(
        "nip = \"196807121994031005\"",
        "nip = \"19900115 201503 2 004\"",
    )]);
    let d = expect_one(
        &text,
        "E0406",
        43,
        7,
        "NIP Atasan PPID sama dengan NIP Petugas PPID: satu orang tidak boleh menandatangani dua kali",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("ketiga pengesahan diberikan oleh tiga orang yang berbeda")
    );
    let text = edit(&[(UTAMA_NIP, "nip = \"196807121994031005\"")]);
    expect_one(
        &text,
        "E0406",
        43,
        7,
        "NIP Atasan PPID sama dengan NIP PPID Utama: satu orang tidak boleh menandatangani dua kali",
    );
}

// ---------------------------------------------------------------------------------------
// pengesahan: order and the SOP
// ---------------------------------------------------------------------------------------

const PETUGAS_AT: &str = "tanggal = 2025-03-10T11:40:00+08:00";
const UTAMA_AT: &str = "tanggal = 2025-03-10T13:20:00+08:00";
const ATASAN_AT: &str = "tanggal = 2025-03-12T10:00:00+08:00";
const STEP_8_START: &str = "mulai = 2025-03-12T10:30:00+08:00";

#[test]
fn sign_offs_at_the_same_moment_are_in_order() {
    let text = edit(&[(PETUGAS_AT, "tanggal = 2025-03-10T13:20:00+08:00")]);
    valid(&text);
    let text = edit(&[
        (UTAMA_AT, "tanggal = 2025-03-12T10:00:00+08:00"),
        (PETUGAS_AT, "tanggal = 2025-03-12T10:00:00+08:00"),
    ]);
    valid(&text);
}

#[test]
fn sign_off_times_in_other_offsets_compare_as_instants() {
    // 13:21 WIT is 12:21 WITA: before the PPID Utama's 13:20 WITA, so in order.
    valid(&edit(&[(
        PETUGAS_AT,
        "tanggal = 2025-03-10T13:21:00+09:00",
    )]));
    // 12:21 WIB is 13:21 WITA: after the PPID Utama, out of order.
    expect_one(
        &edit(&[(PETUGAS_AT, "tanggal = 2025-03-10T12:21:00+07:00")]),
        "E0407",
        39,
        11,
        "PPID Utama menandatangani 10 Maret 2025 pukul 13.20 WITA, sebelum Petugas PPID (10 Maret 2025 pukul 13.21 WITA)",
    );
}

#[test]
fn sign_offs_out_of_order_are_e0407() {
    // Legal basis: The SOP (07/SOP-PPID/DISKOMINFO.1/2017): Petugas PPID, then PPID Utama (step 6), then Atasan PPID (step 7).
    let d = expect_one(
        &edit(&[(PETUGAS_AT, "tanggal = 2025-03-10T13:21:00+08:00")]),
        "E0407",
        39,
        11,
        "PPID Utama menandatangani 10 Maret 2025 pukul 13.20 WITA, sebelum Petugas PPID (10 Maret 2025 pukul 13.21 WITA)",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("urutan pengesahan: Petugas PPID, lalu PPID Utama, lalu Atasan PPID")
    );
    expect_one(
        &edit(&[(UTAMA_AT, "tanggal = 2025-03-12T10:01:00+08:00")]),
        "E0407",
        45,
        11,
        "Atasan PPID menandatangani 12 Maret 2025 pukul 10.00 WITA, sebelum PPID Utama (12 Maret 2025 pukul 10.01 WITA)",
    );
}

#[test]
fn each_sign_off_exactly_at_the_end_of_its_step_is_accepted() {
    // Step 5 ends 11:25, step 6 ends 13:15, step 7 ends 11 March 09:15; step 8 may start
    // at the moment of the Atasan PPID's approval.
    let text = edit(&[
        (PETUGAS_AT, "tanggal = 2025-03-10T11:25:00+08:00"),
        (UTAMA_AT, "tanggal = 2025-03-10T13:15:00+08:00"),
        (ATASAN_AT, "tanggal = 2025-03-11T09:15:00+08:00"),
        (STEP_8_START, "mulai = 2025-03-11T09:15:00+08:00"),
    ]);
    let r = valid(&text);
    assert_eq!(r.pengesahan.atasan_ppid.tanggal, r.langkah[7].mulai);
}

#[test]
fn the_petugas_ppid_signing_before_step_5_ends_is_e0408() {
    let d = expect_one(
        &edit(&[(PETUGAS_AT, "tanggal = 2025-03-10T11:24:00+08:00")]),
        "E0408",
        33,
        11,
        "Petugas PPID menandatangani 10 Maret 2025 pukul 11.24 WITA, sebelum langkah 5 selesai (10 Maret 2025 pukul 11.25 WITA)",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "pengesahan Petugas PPID menutup langkah 5 SOP: tanda tangan diberikan setelah langkah itu selesai"
        )
    );
}

#[test]
fn the_ppid_utama_signing_before_step_6_ends_is_e0408() {
    expect_one(
        &edit(&[(UTAMA_AT, "tanggal = 2025-03-10T13:14:00+08:00")]),
        "E0408",
        39,
        11,
        "PPID Utama menandatangani 10 Maret 2025 pukul 13.14 WITA, sebelum langkah 6 selesai (10 Maret 2025 pukul 13.15 WITA)",
    );
}

#[test]
fn the_atasan_ppid_signing_before_step_7_ends_is_e0408() {
    expect_one(
        &edit(&[(ATASAN_AT, "tanggal = 2025-03-11T09:14:00+08:00")]),
        "E0408",
        45,
        11,
        "Atasan PPID menandatangani 11 Maret 2025 pukul 09.14 WITA, sebelum langkah 7 selesai (11 Maret 2025 pukul 09.15 WITA)",
    );
}

#[test]
fn publication_before_the_atasan_ppid_signs_is_e0409() {
    // Legal basis: The SOP (07/SOP-PPID/DISKOMINFO.1/2017), step 8: the corrected result is published after the Atasan PPID.
    let d = expect_one(
        &edit(&[(STEP_8_START, "mulai = 2025-03-12T09:59:00+08:00")]),
        "E0409",
        26,
        21,
        "langkah 8 (publikasi) dimulai 12 Maret 2025 pukul 09.59 WITA, sebelum pengesahan Atasan PPID (12 Maret 2025 pukul 10.00 WITA)",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "informasi dipublikasikan setelah Atasan PPID selesai memeriksa dan mengoreksi dokumentasinya (langkah 7 SOP)"
        )
    );
}

#[test]
fn a_custom_penutup_changes_which_step_each_role_closes() {
    // Petugas PPID closes step 4 (ends 10:40): signing at 10:40 is now fine…
    let early = edit(&[(PETUGAS_AT, "tanggal = 2025-03-10T10:40:00+08:00")]);
    let custom = parse_config(
        "[sop]\npenutup = { petugas_ppid = 4, ppid_utama = 6, atasan_ppid = 7, publikasi = 8 }\n",
    );
    valid_with(&early, &custom, build_date());
    // …but not with the default SOP, where it closes step 5.
    expect(
        &early,
        &[(
            "E0408",
            33,
            11,
            "Petugas PPID menandatangani 10 Maret 2025 pukul 10.40 WITA, sebelum langkah 5 selesai (10 Maret 2025 pukul 11.25 WITA)",
        )],
    );
    // PPID Utama closing step 7: the example's PPID Utama signed too early.
    let custom = parse_config(
        "[sop]\npenutup = { petugas_ppid = 5, ppid_utama = 7, atasan_ppid = 7, publikasi = 8 }\n",
    );
    let loaded = expect_with(
        VALID,
        &custom,
        build_date(),
        &[(
            "E0408",
            39,
            11,
            "PPID Utama menandatangani 10 Maret 2025 pukul 13.20 WITA, sebelum langkah 7 selesai (11 Maret 2025 pukul 09.15 WITA)",
        )],
    );
    assert_eq!(
        loaded.diagnostics[0].hint.as_deref(),
        Some(
            "pengesahan PPID Utama menutup langkah 7 SOP: tanda tangan diberikan setelah langkah itu selesai"
        )
    );
    // Publication as step 7: it started before the Atasan PPID (closing step 6) signed.
    let custom = parse_config(
        "[sop]\npenutup = { petugas_ppid = 5, ppid_utama = 6, atasan_ppid = 6, publikasi = 7 }\n",
    );
    expect_with(
        VALID,
        &custom,
        build_date(),
        &[(
            "E0409",
            25,
            21,
            "langkah 7 (publikasi) dimulai 11 Maret 2025 pukul 09.00 WITA, sebelum pengesahan Atasan PPID (12 Maret 2025 pukul 10.00 WITA)",
        )],
    );
}

const FOUR_STEP_SOP: &str = r#"
[sop]
nomor = "3/SOP-PPID/2024"
nama = "Pendokumentasian Singkat"
penutup = { petugas_ppid = 1, ppid_utama = 2, atasan_ppid = 3, publikasi = 4 }

[[sop.langkah]]
no = 1
kegiatan = "Menyusun"
pelaksana = "Petugas PPID"
mutu_baku_menit = 30

[[sop.langkah]]
no = 2
kegiatan = "Memeriksa"
pelaksana = "PPID Utama"
mutu_baku_menit = 20

[[sop.langkah]]
no = 3
kegiatan = "Menyetujui"
pelaksana = "Atasan PPID"
mutu_baku_menit = 20

[[sop.langkah]]
no = 4
kegiatan = "Menerbitkan"
pelaksana = "PPID Utama"
mutu_baku_menit = 15
"#;

const FOUR_STEPS: &str = "langkah = [
  { no = 1, mulai = 2025-03-10T08:30:00+08:00, menit = 30 },
  { no = 2, mulai = 2025-03-10T11:45:00+08:00, menit = 20 },
  { no = 3, mulai = 2025-03-11T09:00:00+08:00, menit = 20 },
  { no = 4, mulai = 2025-03-12T10:30:00+08:00, menit = 10 },
]";

fn default_steps() -> &'static str {
    let start = VALID.find("langkah = [").unwrap();
    let end = VALID[start..].find("]\n").unwrap() + start + 1;
    &VALID[start..end]
}

#[test]
fn a_custom_sop_has_its_own_steps_and_closing_steps() {
    let config = parse_config(FOUR_STEP_SOP);
    let text = edit(&[(default_steps(), FOUR_STEPS)]);
    let r = valid_with(&text, &config, build_date());
    assert_eq!(r.langkah.len(), 4);
    // The default SOP's steps 5 to 8 are unknown under it…
    let loaded = load_with(VALID, &config, build_date());
    assert!(loaded.record.is_none());
    let unknown: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.code_id() == "E0303")
        .collect();
    assert_eq!(
        actual(&unknown.iter().map(|d| (*d).clone()).collect::<Vec<_>>()),
        [23, 24, 25, 26]
            .iter()
            .zip(5..)
            .map(|(line, no)| {
                let message = format!("langkah {no} tidak ada di SOP 3/SOP-PPID/2024");
                ("E0303".to_string(), *line, 10, message)
            })
            .collect::<Vec<_>>()
    );
    assert_eq!(unknown[0].hint.as_deref(), Some("langkah SOP: 1, 2, 3, 4"));
    // …and the four steps are incomplete under the default SOP.
    expect(
        &text,
        &[
            ("E0301", 18, 11, "langkah 5, 6, 7 dan 8 SOP belum dicatat"),
            (
                "W0307",
                20,
                56,
                "langkah 2 memakan 20 menit, melebihi mutu baku 15 menit",
            ),
        ],
    );
    // Its standard times apply: step 2's mutu baku is 20 minutes.
    let over = edit_text(
        &text,
        &[("11:45:00+08:00, menit = 20", "11:45:00+08:00, menit = 21")],
    );
    expect_with(
        &over,
        &config,
        build_date(),
        &[(
            "W0307",
            20,
            56,
            "langkah 2 memakan 21 menit, melebihi mutu baku 20 menit",
        )],
    );
    // The PPID Utama closes step 2 (ends 12:05).
    let early = edit_text(&text, &[(UTAMA_AT, "tanggal = 2025-03-10T12:04:00+08:00")]);
    expect_with(
        &early,
        &config,
        build_date(),
        &[(
            "E0408",
            35,
            11,
            "PPID Utama menandatangani 10 Maret 2025 pukul 12.04 WITA, sebelum langkah 2 selesai (10 Maret 2025 pukul 12.05 WITA)",
        )],
    );
}

// ---------------------------------------------------------------------------------------
// Every problem at once
// ---------------------------------------------------------------------------------------

#[test]
fn every_problem_of_a_file_is_reported_in_one_run() {
    let text = edit(&[
        ("DIK-KOMINF-2025-001", "DIK_1"),
        ("\"Bidang Persandian dan Keamanan Informasi\"", "\"\""),
        ("[\"c.6\", \"j\"]", "[\"c.6\", \"k\"]"),
        ("09:30:00+08:00, menit = 25", "09:30:00+08:00, menit = 0"),
        (
            "nip = \"196807121994031005\"",
            "nip = \"196807121994033005\"",
        ),
    ]);
    expect(
        &text,
        &[
            (
                "E0201",
                2,
                9,
                "`nomor` memuat karakter `_` yang tidak diperbolehkan",
            ),
            ("E0105", 4, 8, "`unit` tidak boleh kosong"),
            ("E0211", 5, 20, "`k` bukan rujukan Pasal 17 yang sah"),
            (
                "E0304",
                21,
                56,
                "`langkah[no=3].menit` harus bilangan bulat lebih dari 0",
            ),
            (
                "E0404",
                43,
                22,
                "`pengesahan.atasan_ppid.nip`: angka ke-15 NIP harus 1 atau 2, tertulis 3",
            ),
        ],
    );
}

#[test]
fn a_single_error_among_warnings_withholds_the_record() {
    let text = edit(&[
        ("[\"c.6\", \"j\"]", "[\"c.6\", \"j\", \"j\"]"),
        ("menit = 28 }", "menit = 31 }"),
    ]);
    let warnings_only = load(&text);
    assert_eq!(warnings_only.diagnostics.len(), 2);
    assert!(warnings_only.diagnostics.iter().all(|d| !d.is_error()));
    assert!(warnings_only.record.is_some());
    let with_error = edit_text(&text, &[("DIK-KOMINF-2025-001", "DIK CONTOH")]);
    let loaded = load(&with_error);
    assert_eq!(loaded.diagnostics.len(), 3);
    assert!(loaded.record.is_none());
    // The nomor is still handed on, for the site-wide uniqueness check.
    assert_eq!(loaded.nomor.unwrap().value, "DIK CONTOH");
}

// ---------------------------------------------------------------------------------------
// Across records: the site
// ---------------------------------------------------------------------------------------

fn record_with_nomor(nomor: &str) -> String {
    edit(&[("\"DIK-KOMINF-2025-001\"", &format!("\"{nomor}\""))])
}

/// A `daftar.toml` with only a way to contact the PPID (without one: W0508).
const CONTACT: &str = "[kontak]\nsurel = \"ppid@example.go.id\"\n";

/// A site with a `daftar.toml` of defaults (and a contact) and the given files under it.
fn site_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("daftar.toml"), CONTACT).unwrap();
    std::fs::create_dir(dir.path().join("content")).unwrap();
    for (path, bytes) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

fn on(tanggal: NaiveDate) -> DateSource {
    DateSource {
        tanggal: Some(tanggal),
        source_date_epoch: None,
        now: DateTime::UNIX_EPOCH,
    }
}

fn load_site(root: &Path) -> (Site, Report) {
    let (site, report) = site::load(root, &on(build_date()));
    (site.expect("the setup is fine"), report)
}

/// (code, file, line, message)
fn site_diagnostics(report: &Report) -> Vec<(String, String, Option<usize>, String)> {
    report
        .diagnostics
        .iter()
        .map(|d| (d.code_id(), d.file.clone(), d.line, d.message.clone()))
        .collect()
}

fn owned(v: &[(&str, &str, Option<usize>, &str)]) -> Vec<(String, String, Option<usize>, String)> {
    v.iter()
        .map(|(c, f, l, m)| (c.to_string(), f.to_string(), *l, m.to_string()))
        .collect()
}

#[test]
fn a_nomor_used_twice_regardless_of_case_is_e0202() {
    let a = record_with_nomor("DIK-1");
    let b = record_with_nomor("dik-1");
    let dir = site_with(&[
        ("content/a.md", a.as_bytes()),
        ("content/b.md", b.as_bytes()),
    ]);
    let (site, report) = load_site(dir.path());
    assert_eq!(
        site_diagnostics(&report),
        owned(&[(
            "E0202",
            "content/b.md",
            Some(2),
            "nomor `dik-1` sudah dipakai oleh content/a.md"
        )])
    );
    assert_eq!(report.diagnostics[0].column, Some(9));
    assert_eq!(
        report.diagnostics[0].hint.as_deref(),
        Some("setiap catatan memiliki nomor sendiri (huruf besar dan kecil dianggap sama)")
    );
    let paths: Vec<&str> = site.records.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(paths, ["content/a.md"]);
    // Different nomor: both records stand.
    let c = record_with_nomor("DIK-2");
    let dir = site_with(&[
        ("content/a.md", a.as_bytes()),
        ("content/c.md", c.as_bytes()),
    ]);
    let (site, report) = load_site(dir.path());
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    assert_eq!(site.records.len(), 2);
}

#[test]
fn a_nomor_of_an_invalid_record_still_counts_for_uniqueness() {
    let a = record_with_nomor("DIK-1");
    let b = edit_text(
        &record_with_nomor("DIK-1"),
        &[("{ tahun = 5 }", "{ tahun = 0 }")],
    );
    let dir = site_with(&[
        ("content/a.md", a.as_bytes()),
        ("content/b.md", b.as_bytes()),
    ]);
    let (site, report) = load_site(dir.path());
    assert_eq!(
        site_diagnostics(&report),
        owned(&[
            (
                "E0202",
                "content/b.md",
                Some(2),
                "nomor `DIK-1` sudah dipakai oleh content/a.md"
            ),
            (
                "E0223",
                "content/b.md",
                Some(12),
                "`jangka_waktu.tahun` harus lebih dari 0"
            ),
        ])
    );
    assert_eq!(site.records.len(), 1);
}

#[test]
fn two_files_with_the_same_page_address_are_e0203() {
    let slug_hint = "alamat dibentuk dari nama berkas (huruf kecil, selain huruf dan angka menjadi `-`); ganti nama salah satu berkas";
    let one = record_with_nomor("DIK-1");
    let two = record_with_nomor("DIK-2");
    for (first, second, slug) in [
        ("content/A.md", "content/a.md", "a"),
        ("content/a b.md", "content/a-b.md", "a-b"),
        ("content/x/y.md", "content/x-y.md", "x-y"),
    ] {
        let dir = site_with(&[(first, one.as_bytes()), (second, two.as_bytes())]);
        let (site, report) = load_site(dir.path());
        let message = format!("alamat halaman `{slug}/` sudah dipakai oleh {first}");
        assert_eq!(
            site_diagnostics(&report),
            owned(&[("E0203", second, None, &message)])
        );
        assert_eq!(report.diagnostics[0].hint.as_deref(), Some(slug_hint));
        let paths: Vec<&str> = site.records.iter().map(|r| r.path.as_str()).collect();
        assert_eq!(paths, [first]);
    }
}

#[test]
fn a_page_address_the_site_uses_itself_is_e0204() {
    let hint = "ganti nama berkas ini; nama `berakhir`, `tentang`, `riwayat`, dan `keputusan` dipakai halaman situs, `sop` dan `kepatuhan` dipakai indeks internal, dan `internal` dipakai pratinjau untuk indeks internal";
    for (file, slug) in [
        ("content/berakhir.md", "berakhir"),
        ("content/Tentang.md", "tentang"),
        ("content/riwayat.MD", "riwayat"),
        ("content/keputusan.md", "keputusan"),
        // The preview serves the internal index at /internal/ (issue 13).
        ("content/internal.md", "internal"),
        // The internal index's own pages, beside each record's internal page (issue 14).
        ("content/sop.md", "sop"),
        ("content/kepatuhan.md", "kepatuhan"),
    ] {
        let dir = site_with(&[(file, VALID.as_bytes())]);
        let (site, report) = load_site(dir.path());
        let message = format!("alamat halaman `{slug}/` dipakai situs untuk halamannya sendiri");
        assert_eq!(
            site_diagnostics(&report),
            owned(&[("E0204", file, None, &message)])
        );
        assert_eq!(report.diagnostics[0].hint.as_deref(), Some(hint));
        assert!(site.records.is_empty());
    }
    // In a subfolder the address differs, so the name is fine.
    let dir = site_with(&[("content/2025/berakhir.md", VALID.as_bytes())]);
    let (site, report) = load_site(dir.path());
    assert!(report.diagnostics.is_empty());
    assert_eq!(site.records[0].slug, "2025-berakhir");
}

#[test]
fn an_upper_case_md_extension_is_a_record() {
    let dir = site_with(&[("content/2025/DIK-004.MD", VALID.as_bytes())]);
    let (site, report) = load_site(dir.path());
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    assert_eq!(site.records.len(), 1);
    assert_eq!(site.records[0].slug, "2025-dik-004");
    assert_eq!(site.records[0].path, "content/2025/DIK-004.MD");
}

#[test]
fn hidden_and_editor_temporary_files_are_skipped_silently() {
    let junk = b"bukan catatan".as_slice();
    let dir = site_with(&[
        ("content/dik.md", VALID.as_bytes()),
        ("content/.dik.md.swp", junk),
        ("content/.draft.md", junk),
        ("content/dik.md~", junk),
        ("content/#dik.md#", junk),
        ("content/dik.swp", junk),
        ("content/salinan.TMP", junk),
        ("content/.git/config", junk),
        ("content/.arsip/lama.md", junk),
    ]);
    let (site, report) = load_site(dir.path());
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    assert_eq!(site.files, 1);
    assert_eq!(site.records.len(), 1);
}

#[test]
fn another_kind_of_file_is_warning_w0001_and_the_records_still_load() {
    let dir = site_with(&[
        ("content/dik.md", VALID.as_bytes()),
        ("content/surat.docx", b"PK\x03\x04".as_slice()),
    ]);
    let (site, report) = load_site(dir.path());
    assert_eq!(
        site_diagnostics(&report),
        owned(&[(
            "W0001",
            "content/surat.docx",
            None,
            "`content/surat.docx` diabaikan: bukan berkas catatan (.md)"
        )])
    );
    assert_eq!(
        report.diagnostics[0].hint.as_deref(),
        Some(
            "catatan ditulis sebagai berkas Markdown berakhiran .md; berkas lain tidak diterbitkan"
        )
    );
    assert!(!report.has_errors());
    assert_eq!(site.records.len(), 1);
}

#[test]
fn an_empty_content_folder_is_warning_w0007() {
    let dir = site_with(&[]);
    let (site, report) = load_site(dir.path());
    assert_eq!(
        site_diagnostics(&report),
        owned(&[("W0007", "content", None, "belum ada catatan di content/")])
    );
    assert_eq!(
        report.diagnostics[0].hint.as_deref(),
        Some("buat catatan baru dengan `daftar new --judul \"...\"`")
    );
    assert!(site.records.is_empty());
}

#[test]
fn a_file_that_is_not_utf8_is_e0003_through_the_site_loader() {
    let mut bytes = VALID.as_bytes().to_vec();
    let at = VALID.find("Wulandari").unwrap();
    bytes[at] = 0xe9; // Latin-1 "é" where UTF-8 was expected
    let dir = site_with(&[("content/dik.md", &bytes)]);
    let (site, report) = load_site(dir.path());
    assert_eq!(
        site_diagnostics(&report),
        owned(&[(
            "E0003",
            "content/dik.md",
            Some(30),
            "berkas ini bukan teks UTF-8"
        )])
    );
    assert_eq!(report.diagnostics[0].column, Some(14));
    assert!(site.records.is_empty());
}

#[test]
fn the_build_date_is_today_in_the_site_zone() {
    // 6 March 2025 16:30 UTC is 7 March 00:30 WITA but still 6 March 23:30 WIB.
    let now = Utc.with_ymd_and_hms(2025, 3, 6, 16, 30, 0).unwrap();
    let dir = site_with(&[("content/dik.md", VALID.as_bytes())]);
    let dates = DateSource {
        tanggal: None,
        source_date_epoch: None,
        now,
    };
    let (site, report) = site::load(dir.path(), &dates);
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    let site = site.unwrap();
    assert_eq!(site.build_date, date(2025, 3, 7));
    assert_eq!(site.records.len(), 1);

    std::fs::write(
        dir.path().join("daftar.toml"),
        format!("zona_waktu = \"Asia/Jakarta\"\n{CONTACT}"),
    )
    .unwrap();
    let (site, report) = site::load(dir.path(), &dates);
    assert_eq!(site.unwrap().build_date, date(2025, 3, 6));
    assert_eq!(
        site_diagnostics(&report),
        owned(&[(
            "E0230",
            "content/dik.md",
            Some(13),
            "tanggal penetapan 7 Maret 2025 jatuh sesudah tanggal pembuatan situs 6 Maret 2025"
        )])
    );

    // SOURCE_DATE_EPOCH is read the same way; --tanggal wins over both.
    let dates = DateSource {
        tanggal: None,
        source_date_epoch: Some("1741278600".into()),
        now: DateTime::UNIX_EPOCH,
    };
    assert_eq!(
        site::load(dir.path(), &dates).0.unwrap().build_date,
        date(2025, 3, 6)
    );
    let dates = DateSource {
        tanggal: Some(date(2025, 3, 7)),
        source_date_epoch: Some("1741278600".into()),
        now,
    };
    let (site, report) = site::load(dir.path(), &dates);
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    assert_eq!(site.unwrap().build_date, date(2025, 3, 7));
}

#[test]
fn an_ended_term_in_a_site_is_a_warning_and_the_record_is_listed_as_berakhir() {
    let dir = site_with(&[("content/dik.md", VALID.as_bytes())]);
    let (site, report) = site::load(dir.path(), &on(date(2030, 3, 8)));
    let site = site.unwrap();
    assert_eq!(
        site_diagnostics(&report),
        owned(&[(
            "W0231",
            "content/dik.md",
            Some(12),
            "jangka waktu pengecualian berakhir 7 Maret 2030: informasi ini kini terbuka"
        )])
    );
    assert!(!report.has_errors());
    assert_eq!(site.records[0].status, Status::Berakhir);
}

#[test]
fn a_source_date_epoch_that_is_not_a_number_is_e0506() {
    let dir = site_with(&[("content/dik.md", VALID.as_bytes())]);
    let dates = DateSource {
        tanggal: None,
        source_date_epoch: Some("kemarin".into()),
        now: DateTime::UNIX_EPOCH,
    };
    let (site, report) = site::load(dir.path(), &dates);
    assert!(site.is_none());
    assert_eq!(
        site_diagnostics(&report),
        owned(&[(
            "E0506",
            "",
            None,
            "SOURCE_DATE_EPOCH `kemarin` bukan jumlah detik sejak 1970-01-01"
        )])
    );
}

// ---------------------------------------------------------------------------------------
// Decisions (Keputusan): Pasal 4 ayat (3) dan ayat (4) Perki 1/2017
// ---------------------------------------------------------------------------------------

/// A decision file the valid record can refer to (lines numbered for the positions).
///
/// ```text
///  1 +++   2 nomor   3 tentang   4 tanggal   5 tempat   7 [pejabat] 8 nama 9 jabatan
/// 11 [persetujuan] 12 nama 13 jabatan 14 kapasitas 15 tanggal
/// 17 [uji_konsekuensi] 18 tanggal 19 nomor_lembar 20 peserta   21 +++
/// ```
const DECISION: &str = r#"+++
nomor = "188.4/012/DKISP/III/2025"
tentang = "Penetapan Informasi Publik yang Dikecualikan Tahun 2025"
tanggal = 2025-03-07
tempat = "Tanjung Selor"

[pejabat]
nama = "Dr. Andi Saputra, M.Si."
jabatan = "Kepala DKISP Provinsi Kalimantan Utara selaku PPID Utama"

[persetujuan]
nama = "Ir. Bambang Hermawan, M.T."
jabatan = "Sekretaris Daerah Provinsi Kalimantan Utara"
kapasitas = "a.n. Gubernur Kalimantan Utara"
tanggal = 2025-03-05

[uji_konsekuensi]
tanggal = 2025-03-03
nomor_lembar = "UK/005/DKISP/III/2025"
peserta = ["Dr. Andi Saputra, M.Si. (PPID Utama)"]
+++

## Menimbang

bahwa informasi dalam Lampiran telah diuji konsekuensinya.
"#;

const DECISION_PATH: &str = "keputusan/2025-012.md";

/// The valid record referring to the decision by number, with its own decision fields
/// replaced as given.
fn referring(replacements: &[(&str, &str)]) -> String {
    let mut all = vec![(
        "nomor_penetapan = \"188.4/012/DKISP/III/2025\"",
        "keputusan = \"188.4/012/DKISP/III/2025\"",
    )];
    all.extend_from_slice(replacements);
    edit(&all)
}

/// Loads a site of the decision and one record; returns the report's diagnostics.
fn decided_site(decision: &str, record: &str) -> (Site, Report) {
    let dir = site_with(&[
        (DECISION_PATH, decision.as_bytes()),
        (PATH, record.as_bytes()),
    ]);
    load_site(dir.path())
}

#[test]
fn a_record_takes_its_decision_date_place_and_number_from_the_decision_file() {
    let record = referring(&[
        ("ditetapkan = 2025-03-07\n", ""),
        ("tempat = \"Tanjung Selor\"\n", ""),
    ]);
    let (site, report) = decided_site(DECISION, &record);
    assert_eq!(report.diagnostics, []);
    let r = &site.records[0];
    assert_eq!(r.ditetapkan, date(2025, 3, 7));
    assert_eq!(r.tempat.as_deref(), Some("Tanjung Selor"));
    assert_eq!(
        r.nomor_penetapan.as_deref(),
        Some("188.4/012/DKISP/III/2025")
    );
    let d = r.keputusan.as_ref().expect("the decision");
    assert_eq!(d.pejabat.nama, "Dr. Andi Saputra, M.Si.");
    assert_eq!(
        d.persetujuan.kapasitas.as_deref(),
        Some("a.n. Gubernur Kalimantan Utara")
    );
    assert_eq!(d.uji_konsekuensi.nomor_lembar, "UK/005/DKISP/III/2025");
    // Its own fields, where it repeats them and they agree, are fine too.
    let (_, report) = decided_site(DECISION, &referring(&[]));
    assert_eq!(report.diagnostics, []);
}

#[test]
fn an_unknown_decision_number_is_e0801_with_the_closest_number() {
    let record = referring(&[(
        "keputusan = \"188.4/012/DKISP/III/2025\"",
        "keputusan = \"188.4/012/DKISP/II/2025\"",
    )]);
    let (site, report) = decided_site(DECISION, &record);
    assert!(site.records.is_empty());
    assert_eq!(
        site_diagnostics(&report),
        owned(&[(
            "E0801",
            PATH,
            Some(15),
            "keputusan nomor `188.4/012/DKISP/II/2025` tidak ditemukan di folder keputusan/"
        )])
    );
    assert_eq!(
        report.diagnostics[0].hint.as_deref(),
        Some("mungkin maksudnya \"188.4/012/DKISP/III/2025\"")
    );
    // A decision file whose number cannot be read (a syntax error on its line): the hint
    // names it rather than telling to make one (the helper's try-out of the guide).
    let broken = DECISION.replacen("nomor = \"188.4", "nomor = 188.4", 1);
    let (_, report) = decided_site(&broken, &record);
    let e0801 = report
        .diagnostics
        .iter()
        .find(|d| d.code_id() == "E0801")
        .unwrap();
    assert_eq!(
        e0801.hint.as_deref(),
        Some(
            format!(
                "{DECISION_PATH} belum dapat dibaca karena galatnya sendiri (dilaporkan pada berkas itu); bila keputusan ini ada di sana, perbaiki berkas itu dulu"
            )
            .as_str()
        )
    );
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.code_id() == "E0101" && d.file == DECISION_PATH)
    );
    // Without any decision file, the hint says how to make one or do without.
    let dir = site_with(&[(PATH, record.as_bytes())]);
    let (_, report) = load_site(dir.path());
    assert_eq!(
        report.diagnostics[0].hint.as_deref(),
        Some(
            "buat berkas keputusan di folder keputusan/ (lihat docs/panduan.md bagian 4), atau hapus kolom keputusan dan tulis ditetapkan serta nomor_penetapan"
        )
    );
}

#[test]
fn what_a_record_repeats_of_its_decision_must_agree_e0802_naming_both_places() {
    let record = referring(&[
        ("ditetapkan = 2025-03-07", "ditetapkan = 2025-03-06"),
        ("tempat = \"Tanjung Selor\"", "tempat = \"Tarakan\""),
    ]);
    let (_, report) = decided_site(DECISION, &record);
    assert_eq!(
        site_diagnostics(&report),
        owned(&[
            (
                "E0802",
                PATH,
                Some(13),
                "`ditetapkan` 6 Maret 2025 berbeda dengan tanggal keputusan 188.4/012/DKISP/III/2025: 7 Maret 2025 (keputusan/2025-012.md baris 4)"
            ),
            (
                "E0802",
                PATH,
                Some(14),
                "`tempat` \"Tarakan\" berbeda dengan tempat keputusan 188.4/012/DKISP/III/2025: \"Tanjung Selor\" (keputusan/2025-012.md baris 5)"
            ),
        ])
    );
    assert_eq!(
        report.diagnostics[0].hint.as_deref(),
        Some(
            "hapus ditetapkan dari catatan ini (tanggalnya diambil dari keputusan), atau samakan kedua tanggal"
        )
    );
    // A record with both `keputusan` and a different `nomor_penetapan`.
    let record = referring(&[(
        "catatan_internal",
        "nomor_penetapan = \"188.4/013/DKISP/III/2025\"\ncatatan_internal",
    )]);
    let (_, report) = decided_site(DECISION, &record);
    assert_eq!(
        site_diagnostics(&report),
        owned(&[(
            "E0802",
            PATH,
            Some(16),
            "`nomor_penetapan` \"188.4/013/DKISP/III/2025\" berbeda dengan nomor keputusan yang dirujuk: \"188.4/012/DKISP/III/2025\" (keputusan/2025-012.md baris 2)"
        )])
    );
}

#[test]
fn consequence_test_approval_and_decision_come_in_order_e0804_perki_1_2017_pasal_4() {
    // Perki 1/2017 Pasal 4 ayat (3): the test is done with the head's approval; ayat (4):
    // then the decision.
    let late_test = DECISION.replace("tanggal = 2025-03-03", "tanggal = 2025-03-06");
    let (_, report) = decided_site(&late_test, &referring(&[]));
    assert_eq!(
        site_diagnostics(&report),
        owned(&[(
            "E0804",
            DECISION_PATH,
            Some(18),
            "uji konsekuensi tanggal 6 Maret 2025 jatuh sesudah persetujuan pimpinan tanggal 5 Maret 2025"
        )])
    );
    let late_approval = DECISION.replace("tanggal = 2025-03-05", "tanggal = 2025-03-08");
    let (site, report) = decided_site(&late_approval, &referring(&[]));
    assert_eq!(
        site_diagnostics(&report),
        owned(&[(
            "E0804",
            DECISION_PATH,
            Some(15),
            "persetujuan pimpinan tanggal 8 Maret 2025 jatuh sesudah tanggal keputusan 7 Maret 2025"
        )])
    );
    // The decision's error stops the build; its record gets no second error for it.
    assert!(report.has_errors());
    assert!(site.records.iter().all(|r| r.keputusan.is_none()));
    // On the same day is in order.
    let same_day = DECISION
        .replace("tanggal = 2025-03-03", "tanggal = 2025-03-07")
        .replace("tanggal = 2025-03-05", "tanggal = 2025-03-07");
    let (_, report) = decided_site(&same_day, &referring(&[]));
    assert_eq!(report.diagnostics, []);
}

#[test]
fn publication_starts_on_or_after_the_decision_date_e0805() {
    // The SOP documents and publishes what was decided: step 8 starts 12 March 2025.
    let later = DECISION
        .replace("tanggal = 2025-03-07", "tanggal = 2025-03-13")
        .replace("tanggal = 2025-03-05", "tanggal = 2025-03-12");
    let (_, report) = decided_site(&later, &referring(&[("ditetapkan = 2025-03-07\n", "")]));
    assert_eq!(
        site_diagnostics(&report),
        owned(&[(
            "E0805",
            PATH,
            Some(25),
            "langkah 8 (publikasi) dimulai 12 Maret 2025 pukul 10.30 WITA, sebelum keputusan 188.4/012/DKISP/III/2025 tanggal 13 Maret 2025 (keputusan/2025-012.md baris 4)"
        )])
    );
    // The same rule for a record without a decision file, by its own date.
    expect(
        &edit(&[("ditetapkan = 2025-03-07", "ditetapkan = 2025-03-13")]),
        &[(
            "E0805",
            26,
            21,
            "langkah 8 (publikasi) dimulai 12 Maret 2025 pukul 10.30 WITA, sebelum tanggal penetapan 13 Maret 2025",
        )],
    );
    // On the decision day itself is in order.
    valid(&edit(&[(
        "ditetapkan = 2025-03-07",
        "ditetapkan = 2025-03-12",
    )]));
}

#[test]
fn two_decision_files_with_one_number_is_e0806_and_a_future_decision_is_e0807() {
    let dir = site_with(&[
        (DECISION_PATH, DECISION.as_bytes()),
        ("keputusan/salinan.md", DECISION.as_bytes()),
        (PATH, referring(&[]).as_bytes()),
    ]);
    let (_, report) = load_site(dir.path());
    assert_eq!(
        site_diagnostics(&report),
        owned(&[(
            "E0806",
            "keputusan/salinan.md",
            Some(2),
            "nomor keputusan `188.4/012/DKISP/III/2025` sudah dipakai oleh keputusan/2025-012.md"
        )])
    );
    let future = DECISION.replace("tanggal = 2025-03-07", "tanggal = 2026-11-26");
    let (_, report) = decided_site(&future, &edit(&[]));
    assert_eq!(
        site_diagnostics(&report),
        owned(&[(
            "E0807",
            DECISION_PATH,
            Some(4),
            "tanggal keputusan 26 November 2026 jatuh sesudah tanggal pembuatan situs 25 November 2026"
        )])
    );
}

#[test]
fn an_empty_decision_file_and_another_file_in_keputusan_are_named_as_decisions() {
    let dir = site_with(&[
        ("keputusan/kosong.md", b"".as_slice()),
        ("keputusan/catatan.txt", b"x".as_slice()),
        (PATH, VALID.as_bytes()),
    ]);
    let (_, report) = load_site(dir.path());
    assert_eq!(
        site_diagnostics(&report),
        owned(&[
            (
                "W0001",
                "keputusan/catatan.txt",
                None,
                "`keputusan/catatan.txt` diabaikan: bukan berkas keputusan (.md)"
            ),
            (
                "E0004",
                "keputusan/kosong.md",
                Some(1),
                "berkas keputusan ini kosong"
            ),
        ])
    );
}

#[test]
fn two_decision_files_with_one_page_address_is_e0808() {
    let other = DECISION.replace("188.4/012/DKISP/III/2025", "188.4/013/DKISP/III/2025");
    let dir = site_with(&[
        ("keputusan/2025-012.md", DECISION.as_bytes()),
        ("keputusan/2025_012.md", other.as_bytes()),
        (PATH, referring(&[]).as_bytes()),
    ]);
    let (_, report) = load_site(dir.path());
    assert_eq!(
        site_diagnostics(&report),
        owned(&[(
            "E0808",
            "keputusan/2025_012.md",
            None,
            "alamat halaman `keputusan/2025-012/` sudah dipakai oleh keputusan/2025-012.md"
        )])
    );
}

#[test]
fn a_decision_file_reports_its_missing_parts_and_unknown_fields() {
    let broken = DECISION
        .replace(
            "tentang = \"Penetapan Informasi Publik yang Dikecualikan Tahun 2025\"\n",
            "",
        )
        .replace("kapasitas", "kapasitass");
    let (_, report) = decided_site(&broken, &edit(&[]));
    let found: Vec<(String, Option<usize>, String)> = report
        .diagnostics
        .iter()
        .map(|d| (d.code_id(), d.line, d.message.clone()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "E0103".to_string(),
                Some(1),
                "kolom wajib `tentang` tidak ada".to_string()
            ),
            (
                "E0102".to_string(),
                Some(13),
                "kolom `kapasitass` tidak dikenal di persetujuan".to_string()
            ),
        ]
    );
}

#[test]
fn a_record_without_any_decision_number_is_w0803() {
    let text = edit(&[("nomor_penetapan = \"188.4/012/DKISP/III/2025\"\n", "")]);
    let d = expect_one(
        &text,
        "W0803",
        1,
        1,
        "catatan ini tidak menyebut nomor keputusan yang menetapkannya",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "tambahkan keputusan = \"NOMOR\" yang merujuk berkas di folder keputusan/, atau setidaknya nomor_penetapan = \"NOMOR\""
        )
    );
}

// ---------------------------------------------------------------------------------------
// How a record cites the law
// ---------------------------------------------------------------------------------------

#[test]
fn a_huruf_with_angka_cited_without_one_is_w0214_pasal_17_uu_14_2008() {
    // Pasal 17 huruf a, c, e, f and h are closed lists of angka.
    for (huruf, count) in [("a", 5), ("c", 7), ("e", 7), ("f", 4), ("h", 5)] {
        let text = edit(&[
            ("[\"c.6\", \"j\"]", &format!("[\"{huruf}\", \"j\"]")),
            ("{ tahun = 5 }", "{ tahun = 3 }"),
        ]);
        let d = expect_one(
            &text,
            "W0214",
            5,
            13,
            &format!(
                "Pasal 17 huruf {huruf} UU 14/2008 terdiri atas angka 1–{count}, tetapi angkanya tidak disebut"
            ),
        );
        assert_eq!(
            d.hint,
            Some(format!(
                "sebutkan angka yang menjadi dasar pengecualian, misalnya \"{huruf}.1\", agar informasi yang dikecualikan dinyatakan secara jelas"
            ))
        );
    }
    for huruf in ["b", "d", "g", "i"] {
        valid(&edit(&[(
            "[\"c.6\", \"j\"]",
            &format!("[\"{huruf}\", \"j\"]"),
        )]));
    }
}

#[test]
fn a_pasal_17_reference_in_dasar_hukum_missing_from_pasal_17_is_w0215() {
    let line = "  \"UU 14/2008 tentang Keterbukaan Informasi Publik\",";
    let d = expect_one(
        &edit(&[(
            line,
            "  \"UU 14/2008 Pasal 17 huruf c angka 7 dan angka 6\",",
        )]),
        "W0215",
        7,
        3,
        "dasar_hukum menyebut Pasal 17 huruf c angka 7 UU 14/2008, yang tidak ada di pasal_17",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("tambahkan \"c.7\" ke pasal_17, atau perbaiki baris dasar hukum ini")
    );
    // A huruf without angka covers any angka of it; another law's Pasal 17 is not ours.
    valid(&edit(&[(line, "  \"UU 14/2008 Pasal 17 huruf c\",")]));
    valid(&edit(&[(line, "  \"UU 27/2022 Pasal 17 huruf a\",")]));
}

#[test]
fn huruf_j_without_another_undang_undang_is_w0216() {
    // Huruf j: "informasi yang tidak boleh diungkapkan berdasarkan Undang-Undang".
    let others = "  \"UU 11/2008 tentang Informasi dan Transaksi Elektronik Pasal 30\",";
    let d = expect_one(
        &edit(&[(others, "  \"PP 61/2010 tentang Pelaksanaan UU 14/2008\",")]),
        "W0216",
        5,
        20,
        "Pasal 17 huruf j UU 14/2008 mensyaratkan Undang-Undang yang melarang pengungkapan, tetapi dasar_hukum tidak menyebut Undang-Undang selain UU 14/2008",
    );
    assert!(
        d.hint
            .unwrap()
            .contains("Pasal 36 UU 27/2022 tentang Pelindungan Data Pribadi")
    );
    valid(&edit(&[(
        others,
        "  \"Undang-Undang Nomor 43 Tahun 2009 tentang Kearsipan, Pasal 44 ayat (1)\",",
    )]));
}

// ---------------------------------------------------------------------------------------
// The life of a term
// ---------------------------------------------------------------------------------------

#[test]
fn a_term_ending_within_the_reminder_days_is_w0232() {
    // The term ends 7 March 2030; the reminder starts 42 days before by default.
    let message = "jangka waktu pengecualian berakhir 7 Maret 2030 (42 hari lagi): PPID perlu membuat penetapan atas informasi ini sebelum jangka waktu berakhir";
    let d = expect_with(
        VALID,
        &Config::default(),
        date(2030, 1, 24),
        &[("W0232", 12, 16, message)],
    )
    .diagnostics
    .remove(0);
    assert_eq!(
        d.hint.as_deref(),
        Some(
            "setelah PPID menetapkan pembukaannya, catat dibuka = { tanggal = TANGGAL, dasar = \"penetapan_ppid\", nomor = \"...\" }; peringatan ini berhenti setelah pembukaan dicatat"
        )
    );
    valid_with(VALID, &Config::default(), date(2030, 1, 23));
    expect_with(
        VALID,
        &Config::default(),
        date(2030, 3, 7),
        &[(
            "W0232",
            12,
            16,
            "jangka waktu pengecualian berakhir 7 Maret 2030 (hari ini): PPID perlu membuat penetapan atas informasi ini sebelum jangka waktu berakhir",
        )],
    );
    // The number of days is the site's: `peringatan_berakhir_hari`.
    let config = parse_config("peringatan_berakhir_hari = 90\n");
    assert_eq!(config.reminder_days, 90);
    expect_with(
        VALID,
        &config,
        date(2029, 12, 7),
        &[(
            "W0232",
            12,
            16,
            "jangka waktu pengecualian berakhir 7 Maret 2030 (90 hari lagi): PPID perlu membuat penetapan atas informasi ini sebelum jangka waktu berakhir",
        )],
    );
}

#[test]
fn an_opened_record_is_dibuka_and_no_longer_warns() {
    let opened = "dibuka = { tanggal = 2026-06-15, dasar = \"putusan_komisi_informasi\", nomor = \"014/VI/KIP-KU-PS/2026\" }\ncatatan_internal";
    let r = valid(&edit(&[("catatan_internal", opened)]));
    assert_eq!(r.status, Status::Dibuka);
    let o = r.dibuka.expect("the opening");
    assert_eq!(o.tanggal, date(2026, 6, 15));
    assert_eq!(o.nomor.as_deref(), Some("014/VI/KIP-KU-PS/2026"));
    // After its end, an opened record gives no W0231: the opening is recorded.
    let r = valid_with(
        &edit(&[("catatan_internal", opened)]),
        &Config::default(),
        date(2031, 1, 1),
    );
    assert_eq!(r.status, Status::Dibuka);
}

#[test]
fn an_opening_before_the_decision_after_today_or_on_an_unknown_basis_is_e0233() {
    let with = |o: &str| {
        edit(&[(
            "catatan_internal",
            &format!("dibuka = {o}\ncatatan_internal"),
        )])
    };
    expect(
        &with("{ tanggal = 2025-03-06, dasar = \"penetapan_ppid\" }"),
        &[(
            "E0233",
            16,
            10,
            "`dibuka.tanggal` 6 Maret 2025 jatuh sebelum tanggal penetapan 7 Maret 2025",
        )],
    );
    expect(
        &with("{ tanggal = 2026-11-26, dasar = \"penetapan_ppid\" }"),
        &[(
            "E0233",
            16,
            10,
            "`dibuka.tanggal` 26 November 2026 jatuh sesudah tanggal pembuatan situs 25 November 2026",
        )],
    );
    let d = expect_one(
        &with("{ tanggal = 2026-01-05, dasar = \"putusan_komisi\" }"),
        "E0233",
        16,
        42,
        "`dibuka.dasar` tidak mengenal \"putusan_komisi\"",
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("mungkin maksudnya \"putusan_komisi_informasi\"")
    );
}

#[test]
fn the_awaited_event_opens_only_a_term_that_awaits_one_e0233() {
    let event = "dibuka = { tanggal = 2026-01-05, dasar = \"peristiwa\" }\ncatatan_internal";
    expect(
        &edit(&[("catatan_internal", event)]),
        &[(
            "E0233",
            16,
            10,
            "dasar `peristiwa` hanya dipakai bila jangka waktu menunggu suatu peristiwa",
        )],
    );
    let r = valid(&edit(&[
        ("catatan_internal", event),
        ("{ tahun = 5 }", "{ peristiwa = \"sampai rapat selesai\" }"),
    ]));
    assert_eq!(r.status, Status::Dibuka);
}

#[test]
fn written_consent_opens_only_huruf_g_and_h_pasal_18_ayat_2_uu_14_2008() {
    let consent =
        "dibuka = { tanggal = 2026-01-05, dasar = \"persetujuan_tertulis\" }\ncatatan_internal";
    expect(
        &edit(&[("catatan_internal", consent)]),
        &[(
            "E0233",
            16,
            10,
            "dasar `persetujuan_tertulis` hanya membuka informasi yang dikecualikan berdasarkan Pasal 17 huruf g atau huruf h UU 14/2008",
        )],
    );
    let r = valid(&edit(&[
        ("catatan_internal", consent),
        ("[\"c.6\", \"j\"]", "[\"h.2\", \"j\"]"),
    ]));
    assert_eq!(r.status, Status::Dibuka);
}
