//! The exemption term and the law on it: UU 14/2008 Pasal 20(1) (huruf a–f never
//! permanent), PP 61/2010 (huruf a at most 30 years), and the decision date.

use chrono::{Months, NaiveDate};

use super::decode::Draft;
use super::pasal::may_not_be_permanent;
use super::{OpeningBasis, Term};
use crate::code::Code;
use crate::config::Config;
use crate::diagnostic::Sink;
use crate::locale;

/// The longest term for huruf a (PP 61/2010), in months.
const HURUF_A_MAX_MONTHS: u32 = 30 * 12;

/// The last day the exemption is in force: the decision date plus the years or months
/// (a day the target month lacks becomes its last day), or the `sampai` date. `None`
/// inside when the term has no date; outer `None` when the date is out of range.
pub fn end_date(term: &Term, ditetapkan: NaiveDate) -> Option<Option<NaiveDate>> {
    // Dates are written with four-digit years everywhere (pages, exports, the schema).
    let last = NaiveDate::from_ymd_opt(9999, 12, 31).expect("a date");
    let end = end_date_unbounded(term, ditetapkan)?;
    match end {
        Some(d) if d > last => None,
        _ => Some(end),
    }
}

fn end_date_unbounded(term: &Term, ditetapkan: NaiveDate) -> Option<Option<NaiveDate>> {
    match term {
        Term::Tahun(n) => ditetapkan
            .checked_add_months(Months::new(n.checked_mul(12)?))
            .map(Some),
        Term::Bulan(n) => ditetapkan.checked_add_months(Months::new(*n)).map(Some),
        Term::Sampai(d) => Some(Some(*d)),
        Term::Peristiwa { paling_lama, .. } => Some(*paling_lama),
        Term::Permanen => Some(None),
    }
}

pub fn check(sink: &mut Sink, draft: &Draft, config: &Config, build_date: NaiveDate) {
    // With a decision file the date is the decision's, which reports it there.
    if let Some(d) = &draft.ditetapkan
        && draft.keputusan.is_none()
        && d.value > build_date
    {
        sink.error(
            Code::DecisionAfterBuildDate,
            d.span.clone(),
            format!(
                "tanggal penetapan {} jatuh sesudah tanggal pembuatan situs {}",
                locale::date(d.value),
                locale::date(build_date)
            ),
        )
        .hint("pengecualian baru dapat diterbitkan sesudah ditetapkan; periksa tahun dan bulannya (tanggal pembuatan situs adalah hari ini, kecuali diatur dengan --tanggal atau SOURCE_DATE_EPOCH)");
    }
    let Some(term) = &draft.jangka_waktu else {
        return;
    };
    let huruf: Vec<char> = draft
        .pasal_17
        .iter()
        .flatten()
        .map(|p| p.value.huruf)
        .collect();

    if term.value == Term::Permanen
        && let Some(h) = huruf.iter().find(|h| may_not_be_permanent(**h))
    {
        sink.error(
            Code::TermPermanentNotAllowed,
            term.span.clone(),
            format!(
                "pengecualian berdasarkan Pasal 17 huruf {h} tidak boleh permanen (Pasal 20 ayat (1) UU 14/2008)"
            ),
        )
        .hint("tetapkan jangka waktu: { tahun = N }, { sampai = TANGGAL } atau { peristiwa = \"...\" }");
    }

    let Some(ditetapkan) = &draft.ditetapkan else {
        return;
    };
    let last_day = match &term.value {
        Term::Sampai(until) => Some(*until),
        Term::Peristiwa { paling_lama, .. } => *paling_lama,
        _ => None,
    };
    if let Some(until) = last_day
        && until <= ditetapkan.value
    {
        sink.error(
            Code::TermEndNotAfterDecision,
            term.span.clone(),
            format!(
                "jangka waktu berakhir {}, padahal harus sesudah tanggal penetapan {}",
                locale::date(until),
                locale::date(ditetapkan.value)
            ),
        )
        .hint("periksa tanggal `sampai` dan `ditetapkan`: pengecualian berlaku sejak ditetapkan sampai tanggal itu");
        // The term is wrong: whether it has ended means nothing yet.
        return;
    }
    let end = match end_date(&term.value, ditetapkan.value) {
        Some(end) => end,
        None => {
            sink.error(
                Code::TermOutOfRange,
                term.span.clone(),
                "akhir jangka waktu berada di luar rentang tanggal yang dapat dihitung",
            );
            return;
        }
    };

    if huruf.contains(&'a') {
        let too_long = match term.value {
            Term::Tahun(n) => n.saturating_mul(12) > HURUF_A_MAX_MONTHS,
            Term::Bulan(n) => n > HURUF_A_MAX_MONTHS,
            Term::Sampai(until)
            | Term::Peristiwa {
                paling_lama: Some(until),
                ..
            } => ditetapkan
                .value
                .checked_add_months(Months::new(HURUF_A_MAX_MONTHS))
                .is_some_and(|limit| until > limit),
            Term::Peristiwa {
                paling_lama: None, ..
            } => {
                sink.error(
                    Code::TermEventWithoutLimit,
                    term.span.clone(),
                    "jangka waktu pengecualian berdasarkan Pasal 17 huruf a UU 14/2008 yang menunggu suatu peristiwa harus juga menyebut batas paling lama (paling lama 30 tahun, PP 61/2010)",
                )
                .hint("tambahkan tanggal batasnya: { peristiwa = \"...\", paling_lama = TANGGAL }, paling lambat 30 tahun sesudah penetapan; jangka waktu berakhir pada yang lebih dahulu terjadi");
                false
            }
            Term::Permanen => false,
        };
        if too_long {
            sink.error(
                Code::TermTooLongHurufA,
                term.span.clone(),
                "jangka waktu pengecualian berdasarkan Pasal 17 huruf a UU 14/2008 paling lama 30 tahun (PP 61/2010)",
            )
            .hint("tetapkan paling lama { tahun = 30 }, { bulan = 360 }, atau tanggal `sampai` paling lambat 30 tahun sesudah penetapan");
        }
    }

    if let Some(opened) = &draft.dibuka {
        let o = &opened.value;
        if o.tanggal < ditetapkan.value {
            sink.error(
                Code::OpeningInvalid,
                opened.span.clone(),
                format!(
                    "`dibuka.tanggal` {} jatuh sebelum tanggal penetapan {}",
                    locale::date(o.tanggal),
                    locale::date(ditetapkan.value)
                ),
            )
            .hint("informasi dibuka sesudah ditetapkan sebagai informasi yang dikecualikan; periksa kedua tanggal");
        } else if o.tanggal > build_date {
            sink.error(
                Code::OpeningInvalid,
                opened.span.clone(),
                format!(
                    "`dibuka.tanggal` {} jatuh sesudah tanggal pembuatan situs {}",
                    locale::date(o.tanggal),
                    locale::date(build_date)
                ),
            )
            .hint(
                "catat pembukaan setelah terjadi; sampai saat itu informasi ini tetap dikecualikan",
            );
        }
        // The awaited event can only end a term that awaits one.
        if o.dasar == OpeningBasis::Peristiwa && !matches!(term.value, Term::Peristiwa { .. }) {
            sink.error(
                Code::OpeningInvalid,
                opened.span.clone(),
                "dasar `peristiwa` hanya dipakai bila jangka waktu menunggu suatu peristiwa",
            )
            .hint("jangka waktu catatan ini tidak berupa peristiwa; pilih dasar lain, misalnya \"penetapan_ppid\"");
        }
        // Written consent opens only personal information (Pasal 18 ayat (2) UU 14/2008).
        if o.dasar == OpeningBasis::PersetujuanTertulis
            && !huruf.iter().any(|h| matches!(h, 'g' | 'h'))
        {
            sink.error(
                Code::OpeningInvalid,
                opened.span.clone(),
                "dasar `persetujuan_tertulis` hanya membuka informasi yang dikecualikan berdasarkan Pasal 17 huruf g atau huruf h UU 14/2008",
            )
            .hint("persetujuan tertulis pihak yang rahasianya diungkap membuka informasi pribadi (Pasal 18 ayat (2) huruf a UU 14/2008); pilih dasar lain, misalnya \"penetapan_ppid\"");
        }
        // The opening is recorded: nothing to remind the PPID of.
        return;
    }

    if let Some(end) = end
        && build_date <= end
        && config.reminder_days > 0
        && (end - build_date).num_days() <= i64::from(config.reminder_days)
    {
        let left = (end - build_date).num_days();
        sink.warning(
            Code::TermEndingSoon,
            term.span.clone(),
            format!(
                "jangka waktu pengecualian berakhir {} ({}): PPID perlu membuat penetapan atas informasi ini sebelum jangka waktu berakhir",
                locale::date(end),
                match left {
                    0 => "hari ini".to_string(),
                    n => format!("{n} hari lagi"),
                }
            ),
        )
        .hint("setelah PPID menetapkan pembukaannya, catat dibuka = { tanggal = TANGGAL, dasar = \"penetapan_ppid\", nomor = \"...\" }; peringatan ini berhenti setelah pembukaan dicatat");
    }

    if let Some(end) = end
        && build_date > end
    {
        sink.warning(
            Code::TermEnded,
            term.span.clone(),
            format!(
                "jangka waktu pengecualian berakhir {}: informasi ini kini terbuka",
                locale::date(end)
            ),
        )
        .hint("catatan ini tampil di daftar pengecualian yang telah berakhir; catat penetapan pembukaannya dengan dibuka = { tanggal = TANGGAL, dasar = \"penetapan_ppid\", nomor = \"...\" } agar peringatan ini berhenti");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn end_dates_clamp_to_the_last_day_of_the_month() {
        assert_eq!(
            end_date(&Term::Tahun(1), d(2024, 2, 29)),
            Some(Some(d(2025, 2, 28)))
        );
        assert_eq!(
            end_date(&Term::Bulan(1), d(2025, 1, 31)),
            Some(Some(d(2025, 2, 28)))
        );
        assert_eq!(
            end_date(&Term::Tahun(5), d(2025, 3, 7)),
            Some(Some(d(2030, 3, 7)))
        );
        assert_eq!(end_date(&Term::Permanen, d(2025, 3, 7)), Some(None));
        assert_eq!(end_date(&Term::Tahun(u32::MAX), d(2025, 3, 7)), None);
        assert_eq!(end_date(&Term::Bulan(u32::MAX), d(2025, 3, 7)), None);
        // Beyond year 9999, which no page or export can write.
        assert_eq!(end_date(&Term::Tahun(7975), d(2025, 3, 7)), None);
        assert_eq!(
            end_date(&Term::Tahun(7974), d(2025, 3, 7)),
            Some(Some(d(9999, 3, 7)))
        );
    }
}
