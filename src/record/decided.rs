//! A record and the decision (Keputusan) that establishes it: the reference resolves,
//! what the record repeats of its decision agrees with it, and nothing is published
//! before it was decided.

use std::sync::Arc;

use super::decode::Draft;
use crate::code::Code;
use crate::config::Config;
use crate::decision::{Decision, Decisions, Lookup};
use crate::diagnostic::Sink;
use crate::locale;
use crate::toml_reader::Located;

/// Resolves the record's `keputusan`, checks that its own `ditetapkan`, `tempat` and
/// `nomor_penetapan` agree with the decision, and fills in the decision date where the
/// record leaves it out. Warns when a record names no decision number at all.
pub fn resolve(sink: &mut Sink, draft: &mut Draft, decisions: &Decisions) -> Option<Arc<Decision>> {
    let Some(reference) = draft.keputusan.clone() else {
        if !draft.names_decision {
            sink.warning(
                Code::DecisionMissing,
                draft.open.clone(),
                "catatan ini tidak menyebut nomor keputusan yang menetapkannya",
            )
            .hint("tambahkan keputusan = \"NOMOR\" yang merujuk berkas di folder keputusan/, atau setidaknya nomor_penetapan = \"NOMOR\"");
        }
        return None;
    };
    let decision = match decisions.lookup(&reference.value) {
        Lookup::Found(d) => Arc::clone(d),
        // The decision file has errors of its own, reported there.
        Lookup::Invalid => return None,
        Lookup::Unknown(closest) => {
            let hint = match closest {
                Some(n) => format!("mungkin maksudnya \"{n}\""),
                None if !decisions.unread().is_empty() => format!(
                    "{} belum dapat dibaca karena galatnya sendiri (dilaporkan pada berkas itu); bila keputusan ini ada di sana, perbaiki berkas itu dulu",
                    decisions.unread().join(", ")
                ),
                None if decisions.is_empty() => "buat berkas keputusan di folder keputusan/ (lihat docs/panduan.md bagian 4), atau hapus kolom keputusan dan tulis ditetapkan serta nomor_penetapan".to_string(),
                None => "periksa nomor keputusan di folder keputusan/; nomornya harus sama (huruf besar dan kecil tidak dibedakan)".to_string(),
            };
            sink.error(
                Code::DecisionUnknown,
                reference.span.clone(),
                format!(
                    "keputusan nomor `{}` tidak ditemukan di folder keputusan/",
                    reference.value
                ),
            )
            .hint(hint);
            return None;
        }
    };
    let place = |line: usize| format!("{} baris {line}", decision.path);

    match &draft.ditetapkan {
        Some(own) if own.value != decision.tanggal => {
            sink.error(
                Code::DecisionMismatch,
                own.span.clone(),
                format!(
                    "`ditetapkan` {} berbeda dengan tanggal keputusan {}: {} ({})",
                    locale::date(own.value),
                    decision.nomor,
                    locale::date(decision.tanggal),
                    place(decision.lines.tanggal)
                ),
            )
            .hint("hapus ditetapkan dari catatan ini (tanggalnya diambil dari keputusan), atau samakan kedua tanggal");
        }
        Some(_) => {}
        None => {
            draft.ditetapkan = Some(Located::new(decision.tanggal, reference.span.clone()));
        }
    }
    if let Some(own) = &draft.tempat
        && own.value.trim() != decision.tempat.trim()
    {
        let theirs = match decision.lines.tempat {
            Some(line) => place(line),
            None => format!("tempat bawaan di daftar.toml untuk {}", decision.path),
        };
        sink.error(
            Code::DecisionMismatch,
            own.span.clone(),
            format!(
                "`tempat` \"{}\" berbeda dengan tempat keputusan {}: \"{}\" ({theirs})",
                own.value, decision.nomor, decision.tempat
            ),
        )
        .hint("hapus tempat dari catatan ini (tempatnya diambil dari keputusan), atau samakan keduanya");
    }
    if let Some(own) = &draft.nomor_penetapan
        && Decisions::key(&own.value) != Decisions::key(&decision.nomor)
    {
        sink.error(
            Code::DecisionMismatch,
            own.span.clone(),
            format!(
                "`nomor_penetapan` \"{}\" berbeda dengan nomor keputusan yang dirujuk: \"{}\" ({})",
                own.value,
                decision.nomor,
                place(decision.lines.nomor)
            ),
        )
        .hint("hapus nomor_penetapan dari catatan ini (nomornya diambil dari keputusan), atau perbaiki salah satunya");
    }
    Some(decision)
}

/// The decision comes before the publication step starts (the SOP publishes what was
/// decided): a record's publication step may not start before its decision date.
pub fn check_publication(
    sink: &mut Sink,
    draft: &Draft,
    decision: Option<&Decision>,
    config: &Config,
) {
    let (Some(decided), Some(langkah)) = (&draft.ditetapkan, &draft.langkah) else {
        return;
    };
    let publikasi = config.sop.closing.publikasi;
    let Some(start) = langkah
        .value
        .iter()
        .find(|s| s.no.value == publikasi)
        .and_then(|s| s.mulai.as_ref())
    else {
        return;
    };
    let start_day = start
        .value
        .with_timezone(&config.zone.offset())
        .date_naive();
    if start_day >= decided.value {
        return;
    }
    let decided_where = match decision {
        Some(d) => format!(
            "keputusan {} tanggal {} ({} baris {})",
            d.nomor,
            locale::date(d.tanggal),
            d.path,
            d.lines.tanggal
        ),
        None => format!("tanggal penetapan {}", locale::date(decided.value)),
    };
    sink.error(
        Code::DecisionAfterPublication,
        start.span.clone(),
        format!(
            "langkah {publikasi} (publikasi) dimulai {}, sebelum {decided_where}",
            locale::date_time(start.value, config.zone)
        ),
    )
    .hint("informasi yang dikecualikan didokumentasikan dan dipublikasikan setelah ditetapkan; periksa tanggal penetapan dan tanggal langkah publikasi");
}
