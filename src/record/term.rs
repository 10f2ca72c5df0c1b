//! The exemption term and the law on it: UU 14/2008 Pasal 20(1) (huruf a–f never
//! permanent), PP 61/2010 (huruf a at most 30 years), and the decision date.

use chrono::{Months, NaiveDate};

use super::Term;
use super::decode::Draft;
use super::pasal::may_not_be_permanent;
use crate::code::Code;
use crate::diagnostic::Sink;
use crate::locale;

/// The longest term for huruf a (PP 61/2010), in months.
const HURUF_A_MAX_MONTHS: u32 = 30 * 12;

/// The last day the exemption is in force: the decision date plus the years or months
/// (a day the target month lacks becomes its last day), or the `sampai` date. `None`
/// inside when the term has no date; outer `None` when the date is out of range.
pub fn end_date(term: &Term, ditetapkan: NaiveDate) -> Option<Option<NaiveDate>> {
    match term {
        Term::Tahun(n) => ditetapkan
            .checked_add_months(Months::new(n.checked_mul(12)?))
            .map(Some),
        Term::Bulan(n) => ditetapkan.checked_add_months(Months::new(*n)).map(Some),
        Term::Sampai(d) => Some(Some(*d)),
        Term::Peristiwa(_) | Term::Permanen => Some(None),
    }
}

pub fn check(sink: &mut Sink, draft: &Draft, build_date: NaiveDate) {
    if let Some(d) = &draft.ditetapkan
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
                "pengecualian berdasarkan Pasal 17 huruf {h} tidak boleh permanen (UU 14/2008 Pasal 20 ayat 1)"
            ),
        )
        .hint("tetapkan jangka waktu: { tahun = N }, { sampai = TANGGAL } atau { peristiwa = \"...\" }");
    }

    let Some(ditetapkan) = &draft.ditetapkan else {
        return;
    };
    if let Term::Sampai(until) = term.value
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
            Term::Sampai(until) => ditetapkan
                .value
                .checked_add_months(Months::new(HURUF_A_MAX_MONTHS))
                .is_some_and(|limit| until > limit),
            Term::Peristiwa(_) | Term::Permanen => false,
        };
        if too_long {
            sink.error(
                Code::TermTooLongHurufA,
                term.span.clone(),
                "jangka waktu pengecualian Pasal 17 huruf a paling lama 30 tahun (PP 61/2010)",
            )
            .hint("tetapkan paling lama { tahun = 30 }, { bulan = 360 }, atau tanggal `sampai` paling lambat 30 tahun sesudah penetapan");
        }
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
        .hint("catatan ini tampil di daftar informasi yang kini terbuka; konfirmasi pembukaannya, atau catat penetapan baru");
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
    }
}
