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

/// The huruf's text in UU 14/2008 Pasal 17, verbatim (its closing ":" left out);
/// sources in `docs/hukum.md`.
pub fn ground(huruf: char) -> &'static str {
    match huruf {
        'a' => {
            "Informasi Publik yang apabila dibuka dan diberikan kepada Pemohon Informasi Publik dapat menghambat proses penegakan hukum, yaitu informasi yang dapat"
        }
        'b' => {
            "Informasi Publik yang apabila dibuka dan diberikan kepada Pemohon Informasi Publik dapat mengganggu kepentingan perlindungan hak atas kekayaan intelektual dan perlindungan dari persaingan usaha tidak sehat"
        }
        'c' => {
            "Informasi Publik yang apabila dibuka dan diberikan kepada Pemohon Informasi Publik dapat membahayakan pertahanan dan keamanan negara, yaitu"
        }
        'd' => {
            "Informasi Publik yang apabila dibuka dan diberikan kepada Pemohon Informasi Publik dapat mengungkapkan kekayaan alam Indonesia"
        }
        'e' => {
            "Informasi Publik yang apabila dibuka dan diberikan kepada Pemohon Informasi Publik, dapat merugikan ketahanan ekonomi nasional"
        }
        'f' => {
            "Informasi Publik yang apabila dibuka dan diberikan kepada Pemohon Informasi Publik, dapat merugikan kepentingan hubungan luar negeri"
        }
        'g' => {
            "Informasi Publik yang apabila dibuka dapat mengungkapkan isi akta otentik yang bersifat pribadi dan kemauan terakhir ataupun wasiat seseorang"
        }
        'h' => {
            "Informasi Publik yang apabila dibuka dan diberikan kepada Pemohon Informasi Publik dapat mengungkap rahasia pribadi, yaitu"
        }
        'i' => {
            "memorandum atau surat-surat antar Badan Publik atau intra Badan Publik, yang menurut sifatnya dirahasiakan kecuali atas putusan Komisi Informasi atau pengadilan"
        }
        'j' => "informasi yang tidak boleh diungkapkan berdasarkan Undang-Undang",
        _ => "",
    }
}

/// The angka's text in UU 14/2008 Pasal 17, verbatim (its closing ";" or "; dan/atau"
/// left out).
pub fn point(huruf: char, angka: u8) -> Option<&'static str> {
    let points: &[&str] = match huruf {
        'a' => &[
            "menghambat proses penyelidikan dan penyidikan suatu tindak pidana",
            "mengungkapkan identitas informan, pelapor, saksi, dan/atau korban yang mengetahui adanya tindak pidana",
            "mengungkapkan data intelijen kriminal dan rencana-rencana yang berhubungan dengan pencegahan dan penanganan segala bentuk kejahatan transnasional",
            "membahayakan keselamatan dan kehidupan penegak hukum dan/atau keluarganya",
            "membahayakan keamanan peralatan, sarana, dan/atau prasarana penegak hukum",
        ],
        'c' => &[
            "informasi tentang strategi, intelijen, operasi, taktik dan teknik yang berkaitan dengan penyelenggaraan sistem pertahanan dan keamanan negara, meliputi tahap perencanaan, pelaksanaan dan pengakhiran atau evaluasi dalam kaitan dengan ancaman dari dalam dan luar negeri",
            "dokumen yang memuat tentang strategi, intelijen, operasi, teknik dan taktik yang berkaitan dengan penyelenggaraan sistem pertahanan dan keamanan negara yang meliputi tahap perencanaan, pelaksanaan dan pengakhiran atau evaluasi",
            "jumlah, komposisi, disposisi, atau dislokasi kekuatan dan kemampuan dalam penyelenggaraan sistem pertahanan dan keamanan negara serta rencana pengembangannya",
            "gambar dan data tentang situasi dan keadaan pangkalan dan/atau instalasi militer",
            "data perkiraan kemampuan militer dan pertahanan negara lain terbatas pada segala tindakan dan/atau indikasi negara tersebut yang dapat membahayakan kedaulatan Negara Kesatuan Republik Indonesia dan/atau data terkait kerjasama militer dengan negara lain yang disepakati dalam perjanjian tersebut sebagai rahasia atau sangat rahasia",
            "sistem persandian negara",
            "sistem intelijen negara",
        ],
        'e' => &[
            "rencana awal pembelian dan penjualan mata uang nasional atau asing, saham dan aset vital milik negara",
            "rencana awal perubahan nilai tukar, suku bunga, dan model operasi institusi keuangan",
            "rencana awal perubahan suku bunga bank, pinjaman pemerintah, perubahan pajak, tarif, atau pendapatan negara/daerah lainnya",
            "rencana awal penjualan atau pembelian tanah atau properti",
            "rencana awal investasi asing",
            "proses dan hasil pengawasan perbankan, asuransi, atau lembaga keuangan lainnya",
            "hal-hal yang berkaitan dengan proses pencetakan uang",
        ],
        'f' => &[
            "posisi, daya tawar dan strategi yang akan dan telah diambil oleh negara dalam hubungannya dengan negosiasi internasional",
            "korespondensi diplomatik antarnegara",
            "sistem komunikasi dan persandian yang dipergunakan dalam menjalankan hubungan internasional",
            "perlindungan dan pengamanan infrastruktur strategis Indonesia di luar negeri",
        ],
        'h' => &[
            "riwayat dan kondisi anggota keluarga",
            "riwayat, kondisi dan perawatan, pengobatan kesehatan fisik, dan psikis seseorang",
            "kondisi keuangan, aset, pendapatan, dan rekening bank seseorang",
            "hasil-hasil evaluasi sehubungan dengan kapabilitas, intelektualitas, dan rekomendasi kemampuan seseorang",
            "catatan yang menyangkut pribadi seseorang yang berkaitan dengan kegiatan satuan pendidikan formal dan satuan pendidikan nonformal",
        ],
        _ => &[],
    };
    points.get(usize::from(angka).checked_sub(1)?).copied()
}

/// A short summary of a huruf, or of one of its angka: for narrow table columns and
/// filters, where pages label it as a summary ("ringkasan"); record pages show the
/// statute's text in full ([`ground`], [`point`]).
pub fn summary(huruf: char, angka: Option<u8>) -> &'static str {
    let by_angka: &[&str] = match huruf {
        'a' => &[
            "Menghambat penyelidikan dan penyidikan tindak pidana",
            "Mengungkap identitas informan, pelapor, saksi, atau korban tindak pidana",
            "Mengungkap data intelijen kriminal dan rencana penanganan kejahatan transnasional",
            "Membahayakan keselamatan dan kehidupan penegak hukum atau keluarganya",
            "Membahayakan keamanan peralatan, sarana, atau prasarana penegak hukum",
        ],
        'c' => &[
            "Informasi strategi, intelijen, operasi, taktik, teknik sistem pertahanan dan keamanan",
            "Dokumen strategi, intelijen, operasi, teknik, taktik sistem pertahanan dan keamanan",
            "Jumlah, komposisi, disposisi, dislokasi kekuatan pertahanan dan rencana pengembangannya",
            "Gambar dan data pangkalan atau instalasi militer",
            "Perkiraan kemampuan militer negara lain yang mengancam kedaulatan; kerja sama militer rahasia",
            "Sistem persandian negara",
            "Sistem intelijen negara",
        ],
        'e' => &[
            "Rencana awal jual beli mata uang, saham, dan aset vital negara",
            "Rencana awal perubahan nilai tukar, suku bunga, operasi institusi keuangan",
            "Rencana awal perubahan suku bunga, pinjaman, pajak, tarif, pendapatan negara/daerah",
            "Rencana awal penjualan atau pembelian tanah atau properti",
            "Rencana awal investasi asing",
            "Proses dan hasil pengawasan perbankan, asuransi, atau lembaga keuangan",
            "Hal-hal yang berkaitan dengan proses pencetakan uang",
        ],
        'f' => &[
            "Posisi, daya tawar, dan strategi negara dalam negosiasi internasional",
            "Korespondensi diplomatik antarnegara",
            "Sistem komunikasi dan persandian untuk hubungan internasional",
            "Perlindungan dan pengamanan infrastruktur strategis Indonesia di luar negeri",
        ],
        'h' => &[
            "Riwayat dan kondisi anggota keluarga",
            "Riwayat, kondisi, perawatan, pengobatan kesehatan fisik dan psikis seseorang",
            "Kondisi keuangan, aset, pendapatan, dan rekening bank seseorang",
            "Hasil evaluasi kapabilitas, intelektualitas, dan rekomendasi kemampuan seseorang",
            "Catatan pribadi terkait kegiatan satuan pendidikan formal dan nonformal",
        ],
        _ => &[],
    };
    if let Some(text) = angka.and_then(|a| by_angka.get(usize::from(a).checked_sub(1)?)) {
        return text;
    }
    match huruf {
        'a' => "Menghambat proses penegakan hukum",
        'b' => {
            "Mengganggu perlindungan kekayaan intelektual dan perlindungan dari persaingan usaha tidak sehat"
        }
        'c' => "Membahayakan pertahanan dan keamanan negara",
        'd' => "Mengungkapkan kekayaan alam Indonesia",
        'e' => "Merugikan ketahanan ekonomi nasional",
        'f' => "Merugikan kepentingan hubungan luar negeri",
        'g' => "Mengungkap isi akta otentik pribadi atau wasiat seseorang",
        'h' => "Mengungkap rahasia pribadi",
        'i' => {
            "Memorandum atau surat antar atau intra Badan Publik yang dirahasiakan, kecuali atas putusan Komisi Informasi atau pengadilan"
        }
        'j' => "Informasi yang tidak boleh diungkapkan berdasarkan Undang-Undang",
        _ => "",
    }
}

/// Exemptions under huruf a–f are never permanent (Pasal 20 ayat (1) UU 14/2008).
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

    /// The code an officer most likely meant by a code that is not valid: `h2`, `h-2`,
    /// `H.2`, `h angka 2`, `huruf h angka 2` and `h.02` all mean `h.2`.
    pub fn suggest(code: &str) -> Option<String> {
        let lower = code.trim().to_lowercase();
        let lower = lower.strip_prefix("huruf").unwrap_or(&lower).trim_start();
        let mut chars = lower.chars();
        let huruf = chars.next().filter(char::is_ascii_lowercase)?;
        let rest = chars.as_str().trim().trim_start_matches("angka");
        let digits = rest
            .trim_start_matches([' ', '.', '-', '_', ',', '/'])
            .trim();
        let candidate = if digits.is_empty() {
            huruf.to_string()
        } else {
            if !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            format!("{huruf}.{}", digits.trim_start_matches('0'))
        };
        (candidate != code && Pasal::parse(&candidate).is_ok()).then_some(candidate)
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
    #[test]
    fn suggests_the_code_an_officer_meant() {
        for written in [
            "h2",
            "h-2",
            "H.2",
            "h angka 2",
            "huruf h angka 2",
            "h.02",
            "h 2",
        ] {
            assert_eq!(Pasal::suggest(written).as_deref(), Some("h.2"), "{written}");
        }
        assert_eq!(Pasal::suggest("J").as_deref(), Some("j"));
        // Nothing valid to suggest, or already valid.
        assert_eq!(Pasal::suggest("h.9"), None);
        assert_eq!(Pasal::suggest("z1"), None);
        assert_eq!(Pasal::suggest("h.2"), None);
    }

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
        // The provisos the statute has, and a page must not lose.
        assert!(ground('i').ends_with("kecuali atas putusan Komisi Informasi atau pengadilan"));
        assert!(point('c', 5).unwrap().contains(
            "terbatas pada segala tindakan dan/atau indikasi negara tersebut yang dapat membahayakan kedaulatan Negara Kesatuan Republik Indonesia"
        ));
        assert!(
            point('e', 1)
                .unwrap()
                .contains("mata uang nasional atau asing")
        );
        assert!(ground('j').ends_with("berdasarkan Undang-Undang"));
    }

    #[test]
    fn every_huruf_and_angka_has_a_summary() {
        for huruf in 'a'..='j' {
            assert!(!summary(huruf, None).is_empty(), "{huruf}");
            for angka in 1..=angka_count(huruf).unwrap() {
                assert_ne!(
                    summary(huruf, Some(angka)),
                    summary(huruf, None),
                    "{huruf}.{angka}"
                );
            }
        }
    }

    #[test]
    fn only_a_to_f_must_end() {
        assert!(may_not_be_permanent('a') && may_not_be_permanent('f'));
        assert!(!may_not_be_permanent('g') && !may_not_be_permanent('h'));
    }
}
