//! The SOP timing (`langkah`): each configured step exactly once, in order, without
//! overlap, and within its standard time (mutu baku).

use super::decode::{Draft, StepDraft};
use crate::code::Code;
use crate::config::Config;
use crate::diagnostic::Sink;
use crate::locale;

pub fn check(sink: &mut Sink, draft: &Draft, config: &Config) {
    let Some(langkah) = &draft.langkah else {
        return;
    };
    let sop = &config.sop;
    let zone = config.zone;
    let mut seen: Vec<&StepDraft> = Vec::new();
    for step in &langkah.value {
        let no = step.no.value;
        if sop.step(no).is_none() {
            let known: Vec<String> = sop.steps.iter().map(|s| s.no.to_string()).collect();
            sink.error(
                Code::StepUnknown,
                step.no.span.clone(),
                format!("langkah {no} tidak ada di SOP {}", sop.nomor),
            )
            .hint(format!("langkah SOP: {}", known.join(", ")));
        } else if let Some(first) = seen.iter().find(|s| s.no.value == no) {
            let (line, _) = sink.source.line_column(first.no.span.start);
            sink.error(
                Code::StepDuplicate,
                step.no.span.clone(),
                format!("langkah {no} dicatat lebih dari sekali"),
            )
            .hint(format!("langkah {no} sudah dicatat di baris {line}"));
        } else {
            seen.push(step);
        }
    }
    let missing: Vec<String> = sop
        .steps
        .iter()
        .filter(|s| !seen.iter().any(|d| d.no.value == s.no))
        .map(|s| s.no.to_string())
        .collect();
    // A step on a line with a syntax error (reported there) is not missing.
    if !missing.is_empty() && !draft.langkah_partial {
        let message = if missing.len() == 1 {
            format!("langkah {} SOP belum dicatat", missing[0])
        } else {
            format!("langkah {} SOP belum dicatat", join_list(&missing))
        };
        // Point at the opening of the list, not the whole (long) list.
        let start = langkah.span.start;
        sink.error(Code::StepMissing, start..start + 1, message)
            .hint("setiap langkah SOP dicatat tepat sekali: { no = N, mulai = TANGGAL-JAM, menit = M }");
    }

    // Order and overlap, in step-number order, between consecutive recorded steps.
    seen.sort_by_key(|s| s.no.value);
    for pair in seen.windows(2) {
        let (prev, next) = (pair[0], pair[1]);
        let (Some(pm), Some(pmin), Some(nm)) = (&prev.mulai, &prev.menit, &next.mulai) else {
            continue;
        };
        let prev_end = pm.value + chrono::Duration::minutes(pmin.value.into());
        if nm.value < prev_end {
            let what = if nm.value < pm.value {
                format!("sebelum langkah {} dimulai", prev.no.value)
            } else {
                format!("sebelum langkah {} selesai", prev.no.value)
            };
            sink.error(
                Code::StepOverlap,
                nm.span.clone(),
                format!(
                    "langkah {} dimulai {}, {what} ({})",
                    next.no.value,
                    locale::date_time(nm.value, zone),
                    locale::date_time(if nm.value < pm.value { pm.value } else { prev_end }, zone)
                ),
            )
            .hint("langkah SOP berurutan dan tidak bertumpang tindih: langkah berikutnya dimulai setelah langkah sebelumnya selesai (mulai + menit)");
        }
    }

    for step in &seen {
        let (Some(standard), Some(menit)) = (sop.step(step.no.value), &step.menit) else {
            continue;
        };
        if menit.value > standard.mutu_baku_menit {
            sink.push(
                sop.over_standard,
                Code::StepOverStandard,
                menit.span.clone(),
                format!(
                    "langkah {} memakan {} menit, melebihi mutu baku {} menit",
                    step.no.value, menit.value, standard.mutu_baku_menit
                ),
            )
            .hint("ini temuan kepatuhan SOP dan dicatat di indeks internal");
        }
    }
}

/// "1, 2 dan 3"
pub fn join_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} dan {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_lists_the_indonesian_way() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(join_list(&s(&["1"])), "1");
        assert_eq!(join_list(&s(&["1", "2"])), "1 dan 2");
        assert_eq!(join_list(&s(&["1", "2", "3"])), "1, 2 dan 3");
    }
}
