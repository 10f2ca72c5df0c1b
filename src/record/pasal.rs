//! Pasal 17 UU 14/2008: the ten grounds for exemption (huruf a–j) and their points
//! (angka).

use std::fmt;

/// A citation of Pasal 17: huruf, and angka where the huruf has points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pasal {
    pub huruf: char,
    pub angka: Option<u8>,
}

/// How many angka each huruf has (b, d, g, i, j have none).
pub fn angka_count(huruf: char) -> Option<u8> {
    match huruf {
        'a' => Some(5),
        'c' => Some(7),
        'e' => Some(7),
        'f' => Some(4),
        'h' => Some(5),
        'b' | 'd' | 'g' | 'i' | 'j' => Some(0),
        _ => None,
    }
}

/// The ground each huruf names (UU 14/2008 Pasal 17), as a phrase for pages.
pub fn ground(huruf: char) -> &'static str {
    match huruf {
        'a' => "informasi yang bila dibuka dapat menghambat proses penegakan hukum",
        'b' => {
            "informasi yang bila dibuka dapat mengganggu kepentingan perlindungan hak atas kekayaan intelektual dan perlindungan dari persaingan usaha tidak sehat"
        }
        'c' => "informasi yang bila dibuka dapat membahayakan pertahanan dan keamanan negara",
        'd' => "informasi yang bila dibuka dapat mengungkapkan kekayaan alam Indonesia",
        'e' => "informasi yang bila dibuka dapat merugikan ketahanan ekonomi nasional",
        'f' => "informasi yang bila dibuka dapat merugikan kepentingan hubungan luar negeri",
        'g' => {
            "informasi yang bila dibuka dapat mengungkapkan isi akta otentik yang bersifat pribadi dan kemauan terakhir ataupun wasiat seseorang"
        }
        'h' => "informasi yang bila dibuka dapat mengungkap rahasia pribadi",
        'i' => {
            "memorandum atau surat-surat antar badan publik atau intra badan publik yang menurut sifatnya dirahasiakan"
        }
        'j' => "informasi yang tidak boleh diungkapkan berdasarkan undang-undang",
        _ => "",
    }
}

/// The point each angka names (UU 14/2008 Pasal 17), for pages.
pub fn point(huruf: char, angka: u8) -> Option<&'static str> {
    let points: &[&str] = match huruf {
        'a' => &[
            "menghambat proses penyelidikan dan penyidikan suatu tindak pidana",
            "mengungkapkan identitas informan, pelapor, saksi, dan/atau korban yang mengetahui adanya tindak pidana",
            "mengungkapkan data intelijen kriminal dan rencana yang berhubungan dengan pencegahan dan penanganan kejahatan transnasional",
            "membahayakan keselamatan dan kehidupan penegak hukum dan/atau keluarganya",
            "membahayakan keamanan peralatan, sarana, dan/atau prasarana penegak hukum",
        ],
        'c' => &[
            "strategi, intelijen, operasi, taktik, dan teknik penyelenggaraan sistem pertahanan dan keamanan negara",
            "dokumen yang memuat strategi, intelijen, operasi, teknik, dan taktik penyelenggaraan sistem pertahanan dan keamanan negara",
            "jumlah, komposisi, disposisi, atau dislokasi kekuatan dan kemampuan pertahanan dan keamanan negara serta rencana pengembangannya",
            "gambar dan data tentang situasi dan keadaan pangkalan dan/atau instalasi militer",
            "data perkiraan kemampuan militer negara lain dan data kerja sama militer yang disepakati sebagai rahasia",
            "sistem persandian negara",
            "sistem intelijen negara",
        ],
        'e' => &[
            "rencana awal pembelian dan penjualan mata uang, saham, dan aset vital milik negara",
            "rencana awal perubahan nilai tukar, suku bunga, dan model operasi institusi keuangan",
            "rencana awal perubahan suku bunga bank, pinjaman pemerintah, pajak, tarif, atau pendapatan negara/daerah lainnya",
            "rencana awal penjualan atau pembelian tanah atau properti",
            "rencana awal investasi asing",
            "proses dan hasil pengawasan perbankan, asuransi, atau lembaga keuangan lainnya",
            "hal yang berkaitan dengan proses pencetakan uang",
        ],
        'f' => &[
            "posisi, daya tawar, dan strategi negara dalam negosiasi internasional",
            "korespondensi diplomatik antarnegara",
            "sistem komunikasi dan persandian yang dipergunakan dalam hubungan internasional",
            "perlindungan dan pengamanan infrastruktur strategis Indonesia di luar negeri",
        ],
        'h' => &[
            "riwayat dan kondisi anggota keluarga",
            "riwayat, kondisi, dan perawatan atau pengobatan kesehatan fisik dan psikis seseorang",
            "kondisi keuangan, aset, pendapatan, dan rekening bank seseorang",
            "hasil evaluasi sehubungan dengan kapabilitas, intelektualitas, dan rekomendasi kemampuan seseorang",
            "catatan pribadi seseorang yang berkaitan dengan kegiatan satuan pendidikan formal dan nonformal",
        ],
        _ => &[],
    };
    points.get(usize::from(angka).checked_sub(1)?).copied()
}

/// Exemptions under huruf a–f are never permanent (UU 14/2008 Pasal 20 ayat 1).
pub fn may_not_be_permanent(huruf: char) -> bool {
    ('a'..='f').contains(&huruf)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasalProblem {
    /// Not of the form `h` or `h.n` with huruf a–j.
    Format,
    /// The angka does not exist for that huruf (count is the number it has).
    Angka { huruf: char, count: u8 },
}

impl Pasal {
    pub fn parse(code: &str) -> Result<Pasal, PasalProblem> {
        let (h, n) = match code.split_once('.') {
            Some((h, n)) => (h, Some(n)),
            None => (code, None),
        };
        let mut chars = h.chars();
        let (Some(huruf), None) = (chars.next(), chars.next()) else {
            return Err(PasalProblem::Format);
        };
        let count = angka_count(huruf).ok_or(PasalProblem::Format)?;
        let angka = match n {
            None => None,
            Some(n) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
                match n.parse::<u8>() {
                    Ok(a) if a >= 1 && a <= count && !n.starts_with('0') => Some(a),
                    _ => return Err(PasalProblem::Angka { huruf, count }),
                }
            }
            Some(_) => return Err(PasalProblem::Format),
        };
        Ok(Pasal { huruf, angka })
    }

    /// "Pasal 17 huruf c angka 6"
    pub fn label(&self) -> String {
        match self.angka {
            Some(a) => format!("Pasal 17 huruf {} angka {a}", self.huruf),
            None => format!("Pasal 17 huruf {}", self.huruf),
        }
    }
}

impl fmt::Display for Pasal {
    /// The code as written in records: `c.6`, `j`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.angka {
            Some(a) => write!(f, "{}.{a}", self.huruf),
            None => write!(f, "{}", self.huruf),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_huruf_and_angka() {
        assert_eq!(
            Pasal::parse("j"),
            Ok(Pasal {
                huruf: 'j',
                angka: None
            })
        );
        assert_eq!(
            Pasal::parse("c.6"),
            Ok(Pasal {
                huruf: 'c',
                angka: Some(6)
            })
        );
        assert_eq!(
            Pasal::parse("a"),
            Ok(Pasal {
                huruf: 'a',
                angka: None
            })
        );
        assert_eq!(
            Pasal::parse("h.5").unwrap().label(),
            "Pasal 17 huruf h angka 5"
        );
        assert_eq!(Pasal::parse("e.7").unwrap().to_string(), "e.7");
    }

    #[test]
    fn rejects_unknown_huruf_and_bad_forms() {
        for code in ["k", "", "C.6", "c6", "c.", "c.x", "ab", "c.6.1", " c"] {
            assert_eq!(Pasal::parse(code), Err(PasalProblem::Format), "{code:?}");
        }
    }

    #[test]
    fn rejects_angka_beyond_the_huruf() {
        assert_eq!(
            Pasal::parse("c.8"),
            Err(PasalProblem::Angka {
                huruf: 'c',
                count: 7
            })
        );
        assert_eq!(
            Pasal::parse("a.0"),
            Err(PasalProblem::Angka {
                huruf: 'a',
                count: 5
            })
        );
        assert_eq!(
            Pasal::parse("f.5"),
            Err(PasalProblem::Angka {
                huruf: 'f',
                count: 4
            })
        );
        assert_eq!(
            Pasal::parse("b.1"),
            Err(PasalProblem::Angka {
                huruf: 'b',
                count: 0
            })
        );
        assert_eq!(
            Pasal::parse("h.05"),
            Err(PasalProblem::Angka {
                huruf: 'h',
                count: 5
            })
        );
        assert_eq!(
            Pasal::parse("h.300"),
            Err(PasalProblem::Angka {
                huruf: 'h',
                count: 5
            })
        );
    }

    #[test]
    fn every_angka_has_its_point() {
        for huruf in 'a'..='j' {
            let count = angka_count(huruf).unwrap();
            for angka in 1..=count {
                assert!(point(huruf, angka).is_some(), "{huruf}.{angka}");
            }
            assert_eq!(point(huruf, count + 1), None);
        }
        assert_eq!(point('c', 6), Some("sistem persandian negara"));
    }

    #[test]
    fn only_a_to_f_must_end() {
        assert!(may_not_be_permanent('a') && may_not_be_permanent('f'));
        assert!(!may_not_be_permanent('g') && !may_not_be_permanent('h'));
    }
}
