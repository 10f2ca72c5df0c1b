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
];

const EXPECTED: &[(&str, &str)] = &[
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
    let translated = DESCRIPTIONS
        .iter()
        .find(|(en, _)| *en == description)
        .map(|(_, id)| id.to_string());
    let mut out = format!(
        "penulisan TOML tidak sah: {}",
        translated.as_deref().unwrap_or(description)
    );
    if let Some(expected) = expected {
        let mut e = expected.to_string();
        if translated.is_some() {
            for (en, id) in EXPECTED {
                e = e.replace(en, id);
            }
            out.push_str(&format!(" (yang diharapkan: {e})"));
        } else {
            out.push_str(&format!(", expected {e}"));
        }
    }
    out.replace('\n', "; ")
}

/// Advice for the TOML mistakes officers make most.
pub fn hint(parser_message: &str) -> String {
    if parser_message.starts_with("duplicate key") {
        "setiap kolom hanya boleh ditulis sekali dalam satu bagian; hapus salah satunya".into()
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
            "penulisan TOML tidak sah: teks harus diapit tanda kutip (yang diharapkan: teks)"
        );
        assert_eq!(
            message(
                "invalid date, expected month between 01 and 12",
                "2025-13-01"
            ),
            "penulisan TOML tidak sah: tanggal tidak sah (yang diharapkan: bulan antara 01 dan 12)"
        );
        assert_eq!(
            message("duplicate key", "unit"),
            "kolom `unit` ditulis dua kali"
        );
    }

    #[test]
    fn keeps_unknown_descriptions_as_written() {
        assert_eq!(
            message("something new, expected `x`", ""),
            "penulisan TOML tidak sah: something new, expected `x`"
        );
    }
}
