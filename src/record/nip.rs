//! The NIP (Nomor Induk Pegawai) of a civil servant: 18 digits laid out as
//! `YYYYMMDD YYYYMM G NNN`, birth date, month of appointment, sex, sequence
//! (Peraturan Kepala BKN 22/2007). Contract staff (PPPK) carry a code instead of a month
//! in digits 13–14. There is no check digit.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use crate::code::Code;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NipProblem {
    pub code: Code,
    /// Which digits are at fault (0-based indices into the 18 digits), if known.
    pub digits: Option<Range<usize>>,
    pub message: String,
    pub hint: Option<String>,
}

fn problem(code: Code, digits: Range<usize>, message: String) -> NipProblem {
    NipProblem {
        code,
        digits: Some(digits),
        message,
        hint: None,
    }
}

/// Whether a character only separates groups of digits: a space, or a dot as in BKN's
/// own form (`19660801.198803.1.001`).
fn separator(c: char) -> bool {
    c == ' ' || c == '.'
}

/// The NIP without separators, if it is 18 ASCII digits.
pub fn digits(raw: &str) -> Option<String> {
    let d: String = raw.chars().filter(|c| !separator(*c)).collect();
    (d.len() == 18 && d.bytes().all(|b| b.is_ascii_digit())).then_some(d)
}

/// Checks a NIP; returns its 18 digits or every problem found.
pub fn check(raw: &str, pppk: bool) -> Result<String, Vec<NipProblem>> {
    let Some(d) = digits(raw) else {
        let compact: String = raw.chars().filter(|c| !separator(*c)).collect();
        let (message, hint) = if compact.chars().all(|c| c.is_ascii_digit()) {
            (
                format!(
                    "NIP harus 18 angka, tertulis {} angka",
                    compact.chars().count()
                ),
                "NIP PNS dan NI PPPK terdiri atas 18 angka, misalnya \"19750321 200003 1 002\"",
            )
        } else {
            (
                "NIP hanya boleh berisi angka, spasi, dan titik".to_string(),
                "hapus garis atau huruf; spasi atau titik boleh: \"19750321 200003 1 002\" atau \"19750321.200003.1.002\"",
            )
        };
        return Err(vec![NipProblem {
            code: Code::NipFormat,
            digits: None,
            message,
            hint: Some(hint.into()),
        }]);
    };
    let num = |r: Range<usize>| -> u32 { d[r].parse().expect("ASCII digits") };
    let mut problems = Vec::new();

    let birth = NaiveDate::from_ymd_opt(num(0..4) as i32, num(4..6), num(6..8));
    if birth.is_none() {
        problems.push(problem(
            Code::NipBirthDate,
            0..8,
            format!("angka 1–8 NIP ({}) bukan tanggal lahir yang ada", &d[0..8]),
        ));
    }
    let (year, month) = (num(8..12) as i32, num(12..14));
    if !pppk && !(1..=12).contains(&month) {
        let mut p = problem(
            Code::NipAppointment,
            12..14,
            format!(
                "angka 13–14 NIP ({}) harus bulan pengangkatan 01–12",
                &d[12..14]
            ),
        );
        p.hint = Some("untuk pegawai PPPK, tambahkan pppk = true pada pengesahan ini".into());
        problems.push(p);
    } else if let Some(birth) = birth {
        // PPPK numbers carry a code, not a month: compare years only.
        let before_birth = if pppk {
            year < birth.year()
        } else {
            (year, month) < (birth.year(), birth.month())
        };
        if before_birth {
            problems.push(problem(
                Code::NipAppointment,
                8..14,
                format!(
                    "angka 9–14 NIP ({}) menyatakan pengangkatan sebelum tanggal lahir",
                    &d[8..14]
                ),
            ));
        }
    }
    if !matches!(&d[14..15], "1" | "2") {
        problems.push(problem(
            Code::NipSex,
            14..15,
            format!("angka ke-15 NIP harus 1 atau 2, tertulis {}", &d[14..15]),
        ));
    }
    if &d[15..18] == "000" {
        problems.push(problem(
            Code::NipSequence,
            15..18,
            "angka 16–18 NIP (nomor urut) tidak boleh 000".to_string(),
        ));
    }
    if problems.is_empty() {
        Ok(d)
    } else {
        Err(problems)
    }
}

/// Whether the NIP's appointment (digits 9–14; the year alone for PPPK) comes before
/// its holder's 18th birthday (digits 1–8). `digits` are the 18 checked digits.
pub fn appointed_before_18(digits: &str, pppk: bool) -> bool {
    let num = |r: Range<usize>| digits.get(r).and_then(|s| s.parse::<u32>().ok());
    let (Some(by), Some(bm), Some(ay), Some(am)) = (num(0..4), num(4..6), num(8..12), num(12..14))
    else {
        return false;
    };
    if pppk {
        ay < by + 18
    } else {
        (ay, am) < (by + 18, bm)
    }
}

/// Byte range in `raw` of the given digits (0-based, among the digits only).
pub fn raw_range(raw: &str, digits: Range<usize>) -> Range<usize> {
    let positions: Vec<usize> = raw
        .char_indices()
        .filter(|(_, c)| !separator(*c))
        .map(|(i, _)| i)
        .collect();
    match (positions.get(digits.start), positions.get(digits.end - 1)) {
        (Some(&s), Some(&e)) => s..e + 1,
        _ => 0..raw.len(),
    }
}

/// Where some of a NIP's digits stand in the file: inside the quotes when the value is
/// written plainly (`"…"` or `'…'`, no escapes), else the whole value.
pub fn digits_span(file_text: &str, value: Range<usize>, digits: Range<usize>) -> Range<usize> {
    let written = &file_text[value.clone()];
    let plain = written.len() >= 2
        && !written.contains('\\')
        && ((written.starts_with('"') && written.ends_with('"'))
            || (written.starts_with('\'') && written.ends_with('\'')));
    if !plain {
        return value;
    }
    let inner = &written[1..written.len() - 1];
    let sub = raw_range(inner, digits);
    value.start + 1 + sub.start..value.start + 1 + sub.end
}

/// "19750321 200003 1 002": the way a NIP is printed on documents.
pub fn display(digits: &str) -> String {
    if digits.len() == 18 {
        format!(
            "{} {} {} {}",
            &digits[0..8],
            &digits[8..14],
            &digits[14..15],
            &digits[15..18]
        )
    } else {
        digits.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(raw: &str, pppk: bool) -> Vec<Code> {
        match check(raw, pppk) {
            Ok(_) => vec![],
            Err(p) => p.into_iter().map(|p| p.code).collect(),
        }
    }

    #[test]
    fn accepts_valid_nips_with_or_without_spaces() {
        assert_eq!(
            check("19750321 200003 1 002", false).unwrap(),
            "197503212000031002"
        );
        assert_eq!(
            check("199001152015032004", false).unwrap(),
            "199001152015032004"
        );
    }

    #[test]
    fn accepts_the_dotted_form_of_bkn() {
        assert_eq!(
            check("19660801.198803.1.001", false).unwrap(),
            "196608011988031001"
        );
        let raw = "19660801.198813.1.001";
        assert_eq!(&raw[raw_range(raw, 12..14)], "13");
    }

    #[test]
    fn appointment_before_the_18th_birthday_is_found() {
        // Born August 1976: 18 in August 1994.
        assert!(!appointed_before_18("197608142001121003", false));
        assert!(appointed_before_18("197608141994071003", false));
        assert!(!appointed_before_18("197608141994081003", false));
        assert!(appointed_before_18("197608141993211003", true));
        assert!(!appointed_before_18("197608141994211003", true));
    }

    #[test]
    fn rejects_wrong_length_and_characters() {
        assert_eq!(codes("1975032120000310", false), [Code::NipFormat]);
        assert_eq!(codes("19750321-200003-1-002", false), [Code::NipFormat]);
        assert_eq!(
            check("123", false).unwrap_err()[0].message,
            "NIP harus 18 angka, tertulis 3 angka"
        );
    }

    #[test]
    fn checks_each_part() {
        assert_eq!(codes("19750231 200003 1 002", false), [Code::NipBirthDate]);
        assert_eq!(
            codes("19750321 200013 1 002", false),
            [Code::NipAppointment]
        );
        assert_eq!(
            codes("19750321 197001 1 002", false),
            [Code::NipAppointment]
        );
        assert_eq!(codes("19750321 200003 3 002", false), [Code::NipSex]);
        assert_eq!(codes("19750321 200003 1 000", false), [Code::NipSequence]);
        assert_eq!(
            codes("19751321 200013 0 000", false),
            [
                Code::NipBirthDate,
                Code::NipAppointment,
                Code::NipSex,
                Code::NipSequence
            ]
        );
    }

    #[test]
    fn pppk_relaxes_the_month_but_not_the_year() {
        assert_eq!(codes("19900115 202421 2 001", true), []);
        assert_eq!(
            codes("19900115 202421 2 001", false),
            [Code::NipAppointment]
        );
        assert_eq!(codes("19900115 198021 2 001", true), [Code::NipAppointment]);
    }

    #[test]
    fn maps_digits_back_to_the_written_text() {
        let raw = "19750321 200013 1 002";
        assert_eq!(&raw[raw_range(raw, 12..14)], "13");
        assert_eq!(&raw[raw_range(raw, 0..8)], "19750321");
        assert_eq!(display("197503212000031002"), "19750321 200003 1 002");
    }
}
