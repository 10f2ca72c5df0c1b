//! The three sign-offs across each other and against the SOP: three different people,
//! signing in order, each after the step it closes, and publication after the last.

use chrono::Datelike;

use super::decode::{Draft, SignOffDraft};
use super::{Role, nip};
use crate::code::Code;
use crate::config::Config;
use crate::diagnostic::Sink;
use crate::locale;

fn by_role(draft: &Draft, role: Role) -> Option<&SignOffDraft> {
    draft.pengesahan.iter().find(|s| s.role == role)
}

pub fn check(sink: &mut Sink, draft: &Draft, config: &Config) {
    let zone = config.zone;

    // No one signs twice.
    for (i, later) in draft.pengesahan.iter().enumerate() {
        let Some(nip) = &later.nip else { continue };
        if let Some(earlier) = draft.pengesahan[..i]
            .iter()
            .find(|s| s.nip.as_ref().is_some_and(|n| n.value == nip.value))
        {
            sink.error(
                Code::NipRepeated,
                nip.span.clone(),
                format!(
                    "NIP {} sama dengan NIP {}: satu orang tidak boleh menandatangani dua kali",
                    later.role.label(),
                    earlier.role.label()
                ),
            )
            .hint("ketiga pengesahan diberikan oleh tiga orang yang berbeda");
        }
    }

    // An appointment before the holder's 18th birthday is most likely a typo in the NIP.
    for s in &draft.pengesahan {
        let Some(nip) = &s.nip else { continue };
        if nip::appointed_before_18(&nip.value, s.pppk) {
            let span = nip::digits_span(&sink.source.text, nip.span.clone(), 8..14);
            sink.warning(
                Code::NipUnderage,
                span,
                format!(
                    "`pengesahan.{}.nip`: angka 9–14 NIP ({}) menyatakan pengangkatan sebelum pemegangnya berusia 18 tahun (lahir {})",
                    s.role.key(),
                    &nip.value[8..14],
                    &nip.value[0..8],
                ),
            )
            .hint("periksa NIP: pengangkatan sebelum pemegangnya berusia 18 tahun hampir pasti salah ketik");
        }
    }

    // A signer is appointed before signing: the NIP's appointment month is not later.
    for s in &draft.pengesahan {
        let (Some(nip), Some(t)) = (&s.nip, &s.tanggal) else {
            continue;
        };
        let local = t.value.with_timezone(&zone.offset());
        let year: i32 = nip.value[8..12].parse().expect("checked digits");
        let month: u32 = nip.value[12..14].parse().expect("checked digits");
        let after = if s.pppk {
            year > local.year()
        } else {
            (year, month) > (local.year(), local.month())
        };
        if after {
            let span = nip::digits_span(&sink.source.text, nip.span.clone(), 8..14);
            sink.error(
                Code::NipAppointment,
                span,
                format!(
                    "`pengesahan.{}.nip`: angka 9–14 NIP ({}) menyatakan pengangkatan sesudah tanggal pengesahannya ({})",
                    s.role.key(),
                    &nip.value[8..14],
                    locale::date(local.date_naive())
                ),
            )
            .hint("periksa NIP dan tanggal pengesahan: penanda tangan sudah diangkat ketika menandatangani");
        }
    }

    // Petugas PPID ≤ PPID Utama ≤ Atasan PPID.
    for pair in Role::ALL.windows(2) {
        let (Some(a), Some(b)) = (by_role(draft, pair[0]), by_role(draft, pair[1])) else {
            continue;
        };
        let (Some(ta), Some(tb)) = (&a.tanggal, &b.tanggal) else {
            continue;
        };
        if tb.value < ta.value {
            sink.error(
                Code::SignOrder,
                tb.span.clone(),
                format!(
                    "{} menandatangani {}, sebelum {} ({})",
                    b.role.label(),
                    locale::date_time(tb.value, zone),
                    a.role.label(),
                    locale::date_time(ta.value, zone)
                ),
            )
            .hint("urutan pengesahan: Petugas PPID, lalu PPID Utama, lalu Atasan PPID");
        }
    }

    let Some(langkah) = &draft.langkah else {
        return;
    };
    let step_end = |no: u32| {
        langkah
            .value
            .iter()
            .find(|s| s.no.value == no)
            .and_then(|s| {
                Some(
                    s.mulai.as_ref()?.value
                        + chrono::Duration::minutes(s.menit.as_ref()?.value.into()),
                )
            })
    };

    // Each sign-off closes its step of the SOP.
    for s in &draft.pengesahan {
        let (Some(t), no) = (&s.tanggal, s.role.closes(config)) else {
            continue;
        };
        if let Some(end) = step_end(no)
            && t.value < end
        {
            sink.error(
                Code::SignBeforeStepEnd,
                t.span.clone(),
                format!(
                    "{} menandatangani {}, sebelum langkah {no} selesai ({})",
                    s.role.label(),
                    locale::date_time(t.value, zone),
                    locale::date_time(end, zone)
                ),
            )
            .hint(format!(
                "pengesahan {} menutup langkah {no} SOP: tanda tangan diberikan setelah langkah itu selesai",
                s.role.label()
            ));
        }
    }

    // Publication starts after the Atasan PPID's approval.
    let publikasi = config.sop.closing.publikasi;
    let start = langkah
        .value
        .iter()
        .find(|s| s.no.value == publikasi)
        .and_then(|s| s.mulai.as_ref());
    let approval = by_role(draft, Role::AtasanPpid).and_then(|s| s.tanggal.as_ref());
    if let (Some(start), Some(approval)) = (start, approval)
        && start.value < approval.value
    {
        sink.error(
            Code::PublishedBeforeApproval,
            start.span.clone(),
            format!(
                "langkah {publikasi} (publikasi) dimulai {}, sebelum pengesahan Atasan PPID ({})",
                locale::date_time(start.value, zone),
                locale::date_time(approval.value, zone)
            ),
        )
        .hint("informasi dipublikasikan setelah Atasan PPID selesai memeriksa dan mengoreksi dokumentasinya (langkah 7 SOP)");
    }
}
