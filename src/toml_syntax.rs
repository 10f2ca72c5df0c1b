//! TOML syntax errors in Bahasa Indonesia. The parser (toml_parser) words its errors in
//! English as "<description>, expected <what>"; the descriptions officers meet are
//! translated here, and anything unknown is kept as the parser wrote it.

const DESCRIPTIONS: &[(&str, &str)] = &[
    (
        "string values must be quoted",
        "teks harus diapit tanda kutip",
    ),
    (
        "invalid basic string",
        "teks tidak ditutup dengan tanda kutip \"",
    ),
    (
        "invalid literal string",
        "teks tidak ditutup dengan tanda kutip '",
    ),
    (
        "invalid multi-line basic string",
        "teks beberapa baris tidak ditutup dengan \"\"\"",
    ),
    (
        "invalid multi-line literal string",
        "teks beberapa baris tidak ditutup dengan '''",
    ),
    ("missing opening quote", "tanda kutip pembuka tidak ada"),
    (
        "missing escaped value",
        "garis miring terbalik harus diikuti kode yang sah; untuk \\ tulis \\\\",
    ),
    (
        "missing comma between array elements",
        "koma di antara isi daftar tidak ada",
    ),
    (
        "missing comma between key-value pairs",
        "koma di antara kolom tidak ada",
    ),
    ("extra comma in array", "koma berlebih di dalam daftar"),
    (
        "extra comma in inline table",
        "koma berlebih di dalam tabel { }",
    ),
    (
        "unexpected `=` in array",
        "tanda = tidak boleh ada di dalam daftar [ ]",
    ),
    (
        "unclosed array",
        "daftar yang dibuka dengan [ tidak ditutup dengan ]",
    ),
    (
        "unclosed inline table",
        "tabel yang dibuka dengan { tidak ditutup dengan }",
    ),
    (
        "unclosed table",
        "judul bagian yang dibuka dengan [ tidak ditutup dengan ]",
    ),
    (
        "unclosed array table",
        "judul bagian yang dibuka dengan [[ tidak ditutup dengan ]]",
    ),
    (
        "missing assignment between key-value pairs",
        "tanda = di antara kolom dan nilainya tidak ada",
    ),
    (
        "extra assignment between key-value pairs",
        "tanda = berlebih",
    ),
    ("extra `=`", "tanda = berlebih"),
    ("key with no value", "kolom tanpa nilai"),
    ("missing value", "nilai tidak ada"),
    ("missing value for key", "nilai kolom tidak ada"),
    ("unquoted keys cannot be empty", "nama kolom kosong"),
    ("invalid unquoted key", "nama kolom tidak sah"),
    (
        "unexpected key or value",
        "ada kolom atau nilai lain di baris yang sama",
    ),
    ("unexpected content", "ada isi yang tidak diharapkan"),
    (
        "unexpected content between comment and newline",
        "ada isi yang tidak diharapkan sesudah komentar",
    ),
    (
        "unexpected leading zero",
        "bilangan tidak boleh diawali angka 0",
    ),
    ("invalid date", "tanggal tidak sah"),
    ("invalid time", "jam tidak sah"),
    ("invalid value", "nilai tidak sah"),
    (
        "invalid key-value pair",
        "pasangan kolom dan nilai tidak sah",
    ),
    ("invalid inline table element", "isi tabel { } tidak sah"),
    (
        "cannot recurse further; max recursion depth met",
        "terlalu banyak kurung bersarang",
    ),
    ("recursion limit", "terlalu banyak kurung bersarang"),
    (
        "carriage return must be followed by newline",
        "karakter CR harus diikuti baris baru",
    ),
    (
        "missing key for inline table element",
        "nama kolom di dalam tabel { } tidak ada",
    ),
    (
        "missing inline table opening",
        "tanda { pembuka tabel tidak ada",
    ),
    ("missing array opening", "tanda [ pembuka daftar tidak ada"),
    (
        "missing table open",
        "tanda [ pembuka judul bagian tidak ada",
    ),
    (
        "missing comment start",
        "tanda # pembuka komentar tidak ada",
    ),
    (
        "invalid comment character",
        "komentar memuat karakter yang tidak sah",
    ),
    (
        "keys cannot be multi-line basic strings",
        "nama kolom tidak boleh berupa teks beberapa baris",
    ),
    (
        "keys cannot be multi-line literal strings",
        "nama kolom tidak boleh berupa teks beberapa baris",
    ),
    (
        "`_` may only go between digits",
        "tanda _ hanya boleh ada di antara dua angka",
    ),
    (
        "integers with a radix cannot be signed",
        "bilangan heksadesimal, oktal, atau biner tidak boleh bertanda + atau -",
    ),
    (
        "radix must be lowercase",
        "awalan 0x, 0o, atau 0b harus ditulis dengan huruf kecil",
    ),
    (
        "redundant integer number prefix",
        "awalan bilangan ditulis dua kali",
    ),
    ("redundant numeric sign", "tanda + atau - ditulis dua kali"),
    ("unexpected sign", "tanda + atau - tidak pada tempatnya"),
    (
        "too few unicode value digits",
        "kode Unicode kurang angkanya",
    ),
    ("integer number overflowed", "bilangan terlalu besar"),
    ("floating-point number overflowed", "bilangan terlalu besar"),
    ("u64 value was too large", "bilangan terlalu besar"),
    ("invalid datetime", "tanggal dan jam tidak sah"),
    ("invalid date-time", "tanggal dan jam tidak sah"),
    ("invalid offset datetime", "tanggal dan jam tidak sah"),
    ("invalid local datetime", "tanggal dan jam tidak sah"),
    ("invalid local date", "tanggal tidak sah"),
    ("invalid local time", "jam tidak sah"),
    ("invalid partial-time", "jam tidak sah"),
    ("nanoseconds overflowed", "pecahan detik terlalu panjang"),
    (
        "unsupported datetime combination",
        "bentuk tanggal dan jam ini tidak dikenal",
    ),
];

/// What is said of a parser error that the table above does not know (a newer parser):
/// never English to an officer.
const UNKNOWN: &str = "isi di sini tidak dapat dibaca sebagai TOML";

const EXPECTED: &[(&str, &str)] = &[
    ("a four-digit year (YYYY)", "tahun empat angka"),
    ("a two-digit month (MM)", "bulan dua angka"),
    ("a two-digit day (DD)", "tanggal dua angka"),
    ("a two-digit hour (HH)", "jam dua angka"),
    ("a two-digit minute (MM)", "menit dua angka"),
    ("a two-digit second (SS)", "detik dua angka"),
    ("hours between", "jam antara"),
    ("minutes between", "menit antara"),
    ("hour between", "jam antara"),
    ("minute between", "menit antara"),
    ("second between", "detik antara"),
    ("multi-line basic string", "teks beberapa baris"),
    ("basic string", "teks"),
    (
        "non-double-quote visible characters",
        "huruf selain tanda kutip",
    ),
    (
        "non-single-quote visible characters",
        "huruf selain tanda kutip",
    ),
    ("non-single-quote characters", "huruf selain tanda kutip"),
    ("printable characters", "huruf yang dapat dicetak"),
    ("unicode hexadecimal value", "kode Unicode heksadesimal"),
    ("characters", "huruf"),
    ("digits", "angka"),
    ("letters", "huruf"),
    ("numbers", "angka"),
    ("key", "nama kolom"),
    ("literal string", "teks"),
    ("newline", "baris baru"),
    ("nothing", "tidak ada"),
    ("value", "nilai"),
    ("letters, numbers", "huruf, angka"),
    ("month between", "bulan antara"),
    ("day between", "hari antara"),
    (" and ", " dan "),
];

/// The Indonesian message for a TOML syntax error; `written` is the text at its span.
pub fn message(parser_message: &str, written: &str) -> String {
    let parser_message = parser_message.trim();
    let (description, expected) = match parser_message.split_once(", expected ") {
        Some((d, e)) => (d, Some(e)),
        None => (parser_message, None),
    };
    if description == "duplicate key" {
        return format!("kolom `{}` ditulis dua kali", written.trim());
    }
    // Descriptions that carry a value ("cannot extend value of type array with a
    // dotted key", "invalid nanoseconds \"…\"") are matched by their fixed part.
    let translated = DESCRIPTIONS
        .iter()
        .find(|(en, _)| *en == description)
        .map(|(_, id)| *id)
        .or_else(|| {
            description
                .contains("with a dotted key")
                .then_some("nama kolom bertitik menambah kolom ke nilai yang bukan bagian")
        })
        .or_else(|| {
            description
                .starts_with("invalid nanoseconds")
                .then_some("pecahan detik terlalu panjang")
        });
    let mut out = format!("penulisan tidak sah: {}", translated.unwrap_or(UNKNOWN));
    if let Some(expected) = expected
        && translated.is_some()
    {
        let mut e = expected.to_string();
        for (en, id) in EXPECTED {
            e = e.replace(en, id);
        }
        // An expectation the table does not know is left out rather than shown in
        // English.
        if !e.contains(|c: char| c.is_ascii_alphabetic() && c != 'x') || fully_translated(&e) {
            out.push_str(&format!(" (yang diharapkan: {e})"));
        }
    }
    out.replace('\n', "; ")
}

/// Whether an expectation holds only words of the translations (and quoted examples).
fn fully_translated(e: &str) -> bool {
    const WORDS: &[&str] = &[
        "tahun",
        "empat",
        "angka",
        "bulan",
        "dua",
        "tanggal",
        "jam",
        "menit",
        "detik",
        "antara",
        "dan",
        "teks",
        "beberapa",
        "baris",
        "huruf",
        "selain",
        "tanda",
        "kutip",
        "yang",
        "dapat",
        "dicetak",
        "kode",
        "Unicode",
        "heksadesimal",
        "nama",
        "kolom",
        "nilai",
        "baru",
        "tidak",
        "ada",
        "hari",
    ];
    e.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .all(|w| WORDS.contains(&w))
}

/// The value written after `=` on a line, without a comment.
fn value_of(line: &str) -> &str {
    let v = line.split_once('=').map_or(line, |(_, v)| v);
    v.split(" #").next().unwrap_or(v).trim()
}

/// `05-11-2026`, `5/11/2026` or `5.11.2026` (day, month, year) as `2026-11-05`.
fn day_month_year(v: &str) -> Option<String> {
    let v = v.trim_matches('"');
    let parts: Vec<&str> = v.split(['-', '/', '.']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    (digits(d, 1..=2) && digits(m, 1..=2) && digits(y, 4..=4))
        .then(|| format!("{y}-{m:0>2}-{d:0>2}"))
}

/// `08.30` written for the time of a date-time (`2026-11-05T08.30`, `2026-11-05 08.30`)
/// anywhere on the line.
fn dotted_time(line: &str) -> Option<String> {
    let b = line.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    (10..b.len()).find_map(|i| {
        let date = (i - 10..i).all(|j| {
            if j == i - 6 || j == i - 3 {
                b[j] == b'-'
            } else {
                digit(j)
            }
        });
        if !(date && matches!(b[i], b'T' | b't' | b' ')) {
            return None;
        }
        let h_len = if digit(i + 2) { 2 } else { 1 };
        let dot = i + 1 + h_len;
        (digit(i + 1) && b.get(dot) == Some(&b'.') && digit(dot + 1) && digit(dot + 2))
            .then(|| format!("{:0>2}:{}", &line[i + 1..dot], &line[dot + 1..dot + 3]))
    })
}

/// Advice for the TOML mistakes officers make most. `line` is the whole line of the
/// mistake.
pub fn hint(parser_message: &str, line: &str) -> String {
    let parser_message = parser_message.trim();
    let value = value_of(line);
    if line.contains(['\u{201C}', '\u{201D}', '\u{2018}', '\u{2019}', '\u{201E}']) {
        let straight = line
            .trim()
            .replace(['\u{201C}', '\u{201D}', '\u{201E}'], "\"")
            .replace(['\u{2018}', '\u{2019}'], "'");
        return format!(
            "tanda kutip lengkung (“ ” atau ‘ ’), biasanya terbawa dari pengolah kata atau aplikasi pesan, tidak dikenali; pakai tanda kutip lurus \": {straight}"
        );
    }
    if let Some(date) = day_month_year(value) {
        return format!(
            "tanggal ditulis TAHUN-BULAN-HARI tanpa tanda kutip: {date} (bila {value} berarti hari-bulan-tahun)"
        );
    }
    if let Some(time) = dotted_time(line) {
        return format!("jam ditulis dengan titik dua, bukan titik: {time}");
    }
    if let Some(last) = parser_message
        .split_once("expected day between 01 and ")
        .map(|(_, n)| n.trim())
    {
        return format!("tanggal itu tidak ada di kalender: bulan itu hanya sampai tanggal {last}");
    }
    if parser_message.starts_with("missing escaped value") && value.contains('\\') {
        // A Windows path: `gambar\lambang.png`.
        let slashed = value.replace('\\', "/");
        return format!(
            "garis miring terbalik \\ punya arti khusus di dalam tanda kutip; untuk nama berkas pakai garis miring biasa: {slashed}"
        );
    }
    if parser_message.starts_with("duplicate key") {
        "setiap kolom hanya boleh ditulis sekali dalam satu bagian; hapus salah satunya".into()
    } else if parser_message.starts_with("invalid basic string")
        && value.starts_with('"')
        && value.matches('"').count() == 1
    {
        "teks ditulis dalam satu baris dan ditutup dengan \" di baris yang sama; teks beberapa baris diapit tiga tanda kutip: \"\"\"...\"\"\"".into()
    } else if line.trim_start().starts_with("jangka_waktu") {
        "jangka waktu ditulis dalam salah satu bentuk: jangka_waktu = { tahun = 5 }, { bulan = 6 }, { sampai = 2030-12-31 }, { peristiwa = \"...\" }, atau \"permanen\"".into()
    } else if parser_message.contains("string") || parser_message.contains("quote") {
        "teks ditulis di antara tanda kutip, misalnya judul = \"Dokumen ...\"".into()
    } else {
        "periksa tanda kutip, tanda sama dengan, kurung, dan koma di sekitar tempat ini".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translates_known_descriptions_and_expectations() {
        assert_eq!(
            message(
                "string values must be quoted, expected literal string",
                "Dokumen"
            ),
            "penulisan tidak sah: teks harus diapit tanda kutip (yang diharapkan: teks)"
        );
        assert_eq!(
            message(
                "invalid date, expected month between 01 and 12",
                "2025-13-01"
            ),
            "penulisan tidak sah: tanggal tidak sah (yang diharapkan: bulan antara 01 dan 12)"
        );
        assert_eq!(
            message("duplicate key", "unit"),
            "kolom `unit` ditulis dua kali"
        );
    }

    #[test]
    fn says_unknown_descriptions_in_indonesian_without_an_english_expectation() {
        assert_eq!(
            message("something new, expected `x`", ""),
            "penulisan tidak sah: isi di sini tidak dapat dibaca sebagai TOML"
        );
        assert_eq!(
            message(
                "invalid date, expected a four-digit year (YYYY)",
                "05-11-2026"
            ),
            "penulisan tidak sah: tanggal tidak sah (yang diharapkan: tahun empat angka)"
        );
    }

    /// Every description toml_parser 1.1, toml 1.2 and toml_datetime 1.1 give (taken
    /// from their sources) is said in Indonesian.
    #[test]
    fn every_description_of_the_parsers_is_translated() {
        let descriptions = [
            "`_` may only go between digits",
            "cannot recurse further; max recursion depth met",
            "carriage return must be followed by newline",
            "extra `=`",
            "extra assignment between key-value pairs",
            "extra comma in array",
            "extra comma in inline table",
            "integers with a radix cannot be signed",
            "invalid comment character",
            "invalid inline table element",
            "invalid key-value pair",
            "invalid unquoted key",
            "invalid value",
            "key with no value",
            "keys cannot be multi-line basic strings",
            "keys cannot be multi-line literal strings",
            "missing array opening",
            "missing assignment between key-value pairs",
            "missing comma between array elements",
            "missing comma between key-value pairs",
            "missing comment start",
            "missing escaped value",
            "missing inline table opening",
            "missing key for inline table element",
            "missing opening quote",
            "missing table open",
            "missing value for key",
            "missing value",
            "radix must be lowercase",
            "redundant integer number prefix",
            "redundant numeric sign",
            "string values must be quoted",
            "too few unicode value digits",
            "unclosed array table",
            "unclosed array",
            "unclosed inline table",
            "unclosed table",
            "unexpected `=` in array",
            "unexpected content between comment and newline",
            "unexpected content",
            "unexpected key or value",
            "unexpected leading zero",
            "unexpected sign",
            "unquoted keys cannot be empty",
            "invalid basic string",
            "invalid multi-line basic string",
            "invalid literal string",
            "invalid multi-line literal string",
            "cannot extend value of type array with a dotted key",
            "cannot extend value of type inline table with a dotted key",
            "integer number overflowed",
            "floating-point number overflowed",
            "invalid date",
            "invalid time",
            "invalid datetime",
            "invalid offset datetime",
            "invalid nanoseconds \"1234567890123\"",
            "unsupported datetime combination",
            "recursion limit",
        ];
        for d in descriptions {
            let m = message(d, "x");
            assert!(
                !m.contains(UNKNOWN) && !m.contains(d),
                "{d:?} is not translated: {m}"
            );
        }
    }

    #[test]
    fn hints_for_the_mistakes_officers_make() {
        let h = |m: &str, line: &str| hint(m, line);
        assert!(
            h("string values must be quoted", "jangka_waktu = 5 tahun").starts_with(
                "jangka waktu ditulis dalam salah satu bentuk: jangka_waktu = { tahun = 5 }"
            )
        );
        assert_eq!(
            h(
                "missing escaped value, expected `b`",
                "logo = \"gambar\\lambang.png\""
            ),
            "garis miring terbalik \\ punya arti khusus di dalam tanda kutip; untuk nama berkas pakai garis miring biasa: \"gambar/lambang.png\""
        );
        assert_eq!(
            h("invalid date", "ditetapkan = 05-11-2026"),
            "tanggal ditulis TAHUN-BULAN-HARI tanpa tanda kutip: 2026-11-05 (bila 05-11-2026 berarti hari-bulan-tahun)"
        );
        assert_eq!(
            h(
                "string values must be quoted",
                "ditetapkan = 5/11/2026  # catatan"
            ),
            "tanggal ditulis TAHUN-BULAN-HARI tanpa tanda kutip: 2026-11-05 (bila 5/11/2026 berarti hari-bulan-tahun)"
        );
        assert_eq!(
            h(
                "invalid time",
                "  { no = 1, mulai = 2026-11-05T08.30:00+08:00, menit = 5 },"
            ),
            "jam ditulis dengan titik dua, bukan titik: 08:30"
        );
        assert_eq!(
            h(
                "invalid time, expected a two-digit minute (MM)",
                "tanggal = 2026-11-05T08.30"
            ),
            "jam ditulis dengan titik dua, bukan titik: 08:30"
        );
        assert_eq!(
            h(
                "invalid date, expected day between 01 and 30",
                "ditetapkan = 2026-11-31"
            ),
            "tanggal itu tidak ada di kalender: bulan itu hanya sampai tanggal 30"
        );
        assert!(h("invalid basic string", "judul = “Data pribadi”").starts_with(
            "tanda kutip lengkung (“ ” atau ‘ ’), biasanya terbawa dari pengolah kata atau aplikasi pesan, tidak dikenali; pakai tanda kutip lurus \": judul = \"Data pribadi\""
        ));
        assert_eq!(
            h("invalid basic string", "judul = \"Data pribadi yang"),
            "teks ditulis dalam satu baris dan ditutup dengan \" di baris yang sama; teks beberapa baris diapit tiga tanda kutip: \"\"\"...\"\"\""
        );
    }
}
