//! How a record cites the law, across its fields: a huruf that has angka is cited with
//! one, the Pasal 17 references in `dasar_hukum` are among `pasal_17`, and huruf j
//! names the Undang-Undang that forbids disclosure.

use super::decode::Draft;
use super::pasal::{Pasal, angka_count};
use crate::code::Code;
use crate::diagnostic::Sink;

pub fn check(sink: &mut Sink, draft: &Draft) {
    let cited: Vec<Pasal> = draft.pasal_17.iter().flatten().map(|p| p.value).collect();

    // A huruf with angka (a, c, e, f, h) is a closed list: the record names the point.
    for p in draft.pasal_17.iter().flatten() {
        let count = angka_count(p.value.huruf).unwrap_or(0);
        if count > 0 && p.value.angka.is_none() {
            let h = p.value.huruf;
            sink.warning(
                Code::PasalWithoutAngka,
                p.span.clone(),
                format!(
                    "Pasal 17 huruf {h} UU 14/2008 terdiri atas angka 1–{count}, tetapi angkanya tidak disebut"
                ),
            )
            .hint(format!(
                "sebutkan angka yang menjadi dasar pengecualian, misalnya \"{h}.1\", agar informasi yang dikecualikan dinyatakan secara jelas"
            ));
        }
    }

    let Some(lines) = &draft.dasar_hukum else {
        return;
    };
    // Each "Pasal 17 huruf X (angka N)" of UU 14/2008 in the legal basis is cited.
    if !cited.is_empty() {
        for line in lines {
            if !names_uu_14_2008(&line.value) {
                continue;
            }
            for p in pasal_17_references(&line.value) {
                let covered = cited
                    .iter()
                    .any(|c| c.huruf == p.huruf && (p.angka.is_none() || c.angka == p.angka));
                if !covered {
                    sink.warning(
                        Code::PasalNotCited,
                        line.span.clone(),
                        format!(
                            "dasar_hukum menyebut {} UU 14/2008, yang tidak ada di pasal_17",
                            p.label()
                        ),
                    )
                    .hint(format!(
                        "tambahkan \"{p}\" ke pasal_17, atau perbaiki baris dasar hukum ini"
                    ));
                }
            }
        }
    }
    // Huruf j: "informasi yang tidak boleh diungkapkan berdasarkan Undang-Undang".
    if let Some(j) = draft
        .pasal_17
        .iter()
        .flatten()
        .find(|p| p.value.huruf == 'j')
        && !lines.iter().any(|l| names_other_law(&l.value))
    {
        sink.warning(
            Code::HurufJWithoutLaw,
            j.span.clone(),
            "Pasal 17 huruf j UU 14/2008 mensyaratkan Undang-Undang yang melarang pengungkapan, tetapi dasar_hukum tidak menyebut Undang-Undang selain UU 14/2008",
        )
        .hint("tambahkan baris Undang-Undang yang menjadi dasar beserta pasalnya, misalnya \"Pasal 36 UU 27/2022 tentang Pelindungan Data Pribadi\"; peraturan pemerintah, peraturan menteri, atau peraturan daerah saja tidak cukup");
    }
}

/// The words of a text, split at anything that is not a letter, digit, `/` or `-`.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '/' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether a line of legal basis cites Pasal 17 of UU 14/2008 ("Pasal 17 huruf h angka 1
/// UU 14/2008").
pub fn cites_pasal_17(text: &str) -> bool {
    names_uu_14_2008(text) && !pasal_17_references(text).is_empty()
}

fn names_uu_14_2008(text: &str) -> bool {
    laws(text).contains(&(14, 2008)) || text.to_lowercase().contains("keterbukaan informasi publik")
}

/// Every "UU N/YYYY", "UU Nomor N Tahun YYYY", "Undang-Undang (Nomor) N Tahun YYYY" in a
/// text, as (N, YYYY).
fn laws(text: &str) -> Vec<(u32, u32)> {
    let w = words(text);
    let mut out = Vec::new();
    for (i, word) in w.iter().enumerate() {
        if word != "uu" && word != "undang-undang" {
            continue;
        }
        let mut rest = w[i + 1..].iter().map(String::as_str);
        let mut next = rest.next();
        if next == Some("nomor") || next == Some("no") {
            next = rest.next();
        }
        let Some(n) = next else { continue };
        if let Some((num, year)) = n.split_once('/') {
            if let (Ok(num), Ok(year)) = (num.parse(), year.parse()) {
                out.push((num, year));
            }
        } else if let Ok(num) = n.parse::<u32>()
            && rest.next() == Some("tahun")
            && let Some(Ok(year)) = rest.next().map(str::parse::<u32>)
        {
            out.push((num, year));
        }
    }
    out
}

/// Whether a line names an Undang-Undang other than UU 14/2008: by number and year, by a
/// common short name ("UU ITE"), or a code (KUHP, KUHAP).
fn names_other_law(text: &str) -> bool {
    if laws(text).iter().any(|l| *l != (14, 2008)) {
        return true;
    }
    let w = words(text);
    w.iter().enumerate().any(|(i, word)| {
        matches!(word.as_str(), "kuhp" | "kuhap" | "kuhper")
            || ((word == "uu" || word == "undang-undang")
                && w.get(i + 1).is_some_and(|next| {
                    next.chars().all(|c| c.is_alphabetic()) && next.len() >= 2 && next != "nomor"
                }))
    })
}

/// The Pasal 17 references in a text: "Pasal 17 huruf c", "Pasal 17 huruf c angka 6",
/// "Pasal 17 huruf h angka 1 dan angka 3".
fn pasal_17_references(text: &str) -> Vec<Pasal> {
    let w = words(text);
    let at = |i: usize| w.get(i).map(String::as_str);
    let mut out = Vec::new();
    for i in 0..w.len() {
        if at(i) != Some("pasal") || at(i + 1) != Some("17") || at(i + 2) != Some("huruf") {
            continue;
        }
        let Some(huruf) = at(i + 3).filter(|h| h.len() == 1) else {
            continue;
        };
        // Then any number of "angka N", joined by "dan" or "serta".
        let mut j = i + 4;
        let mut angka = Vec::new();
        while at(j) == Some("angka") {
            let Some(n) = at(j + 1) else { break };
            angka.push(n);
            j += 2;
            if matches!(at(j), Some("dan" | "serta")) && at(j + 1) == Some("angka") {
                j += 1;
            }
        }
        let codes: Vec<String> = if angka.is_empty() {
            vec![huruf.to_string()]
        } else {
            angka.iter().map(|n| format!("{huruf}.{n}")).collect()
        };
        out.extend(codes.iter().filter_map(|c| Pasal::parse(c).ok()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_laws_in_the_usual_forms() {
        assert_eq!(laws("UU 14/2008 Pasal 17 huruf c angka 6"), [(14, 2008)]);
        assert_eq!(
            laws("Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi"),
            [(27, 2022)]
        );
        assert_eq!(
            laws("UU 23/2006 sebagaimana telah diubah dengan UU 24/2013, Pasal 79"),
            [(23, 2006), (24, 2013)]
        );
        assert!(names_other_law(
            "UU ITE sebagaimana diubah terakhir dengan UU 1/2024"
        ));
        assert!(names_other_law("UU 43/2009 tentang Kearsipan, Pasal 44"));
        assert!(names_other_law("KUHP Pasal 622"));
        assert!(!names_other_law("UU 14/2008 Pasal 17 huruf j"));
        assert!(!names_other_law("PP 61/2010 Pasal 5"));
        assert!(!names_other_law("Peraturan Gubernur Nomor 2 Tahun 2016"));
    }

    #[test]
    fn finds_pasal_17_references() {
        let p = |s: &str| Pasal::parse(s).unwrap();
        assert_eq!(
            pasal_17_references("UU 14/2008 Pasal 17 huruf c angka 6 dan Pasal 17 huruf j"),
            [p("c.6"), p("j")]
        );
        assert_eq!(pasal_17_references("UU 27/2022 Pasal 4 ayat (2)"), []);
        assert_eq!(
            pasal_17_references("UU 14/2008 Pasal 17 huruf h angka 1 dan angka 3"),
            [p("h.1"), p("h.3")]
        );
        assert!(names_uu_14_2008("UU Nomor 14 Tahun 2008 Pasal 17 huruf h"));
    }
}
