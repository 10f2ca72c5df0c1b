//! From the spanned TOML tree to a [`Draft`]: every field that could be read, with its
//! span; every shape problem (unknown, missing, wrong type, blank) reported.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate};
use toml::de::DeTable;

use super::nip;
use super::pasal::{Pasal, PasalProblem};
use super::{Opening, OpeningBasis, Record, Role, SignOff, SignOffs, Status, Step, Term};
use std::sync::Arc;

use crate::code::Code;
use crate::config::Config;
use crate::decision::Decision;
use crate::diagnostic::{SourceText, Span};
use crate::toml_reader::{Located, Reader, Value};

pub const FIELDS: &[&str] = &[
    "nomor",
    "judul",
    "unit",
    "pasal_17",
    "dasar_hukum",
    "akibat_dibuka",
    "manfaat_ditutup",
    "jangka_waktu",
    "ditetapkan",
    "tempat",
    "nomor_penetapan",
    "keputusan",
    "dibuka",
    "catatan_internal",
    "langkah",
    "pengesahan",
];
const TERM_FORMS: &[&str] = &["tahun", "bulan", "sampai", "peristiwa"];
/// The keys a `jangka_waktu` table may have: one form, and with `peristiwa` its latest end.
const TERM_KEYS: &[&str] = &["tahun", "bulan", "sampai", "peristiwa", "paling_lama"];
const OPENING_FIELDS: &[&str] = &["tanggal", "dasar", "nomor"];
const STEP_FIELDS: &[&str] = &["no", "mulai", "menit", "oleh"];
const ROLES: &[&str] = &["petugas_ppid", "ppid_utama", "atasan_ppid"];
const SIGNOFF_FIELDS: &[&str] = &["nama", "nip", "jabatan", "tanggal", "pppk"];

#[derive(Debug, Clone)]
pub struct StepDraft {
    pub no: Located<u32>,
    pub mulai: Option<Located<DateTime<FixedOffset>>>,
    pub menit: Option<Located<u32>>,
    pub oleh: Option<String>,
}

#[derive(Debug, Clone)]
pub struct SignOffDraft {
    pub role: Role,
    pub nama: Option<String>,
    /// The 18 digits, when the NIP is valid.
    pub nip: Option<Located<String>>,
    pub jabatan: Option<String>,
    pub tanggal: Option<Located<DateTime<FixedOffset>>>,
    pub pppk: bool,
}

/// Whatever could be read of a record; `None` where a field is missing or unreadable
/// (an error has then been reported).
#[derive(Debug, Clone, Default)]
pub struct Draft {
    /// The opening `+++` line: where problems of the record as a whole point.
    pub open: Span,
    pub nomor: Option<Located<String>>,
    pub judul: Option<String>,
    pub unit: Option<String>,
    pub pasal_17: Option<Vec<Located<Pasal>>>,
    pub dasar_hukum: Option<Vec<Located<String>>>,
    pub akibat_dibuka: Option<String>,
    pub manfaat_ditutup: Option<String>,
    pub jangka_waktu: Option<Located<Term>>,
    pub ditetapkan: Option<Located<NaiveDate>>,
    pub tempat: Option<Located<String>>,
    pub nomor_penetapan: Option<Located<String>>,
    /// The number of the decision the record refers to.
    pub keputusan: Option<Located<String>>,
    /// Whether the record names its decision at all (`keputusan` or `nomor_penetapan`,
    /// readable or not).
    pub names_decision: bool,
    pub dibuka: Option<Located<Opening>>,
    pub catatan_internal: Option<String>,
    /// The span of the `langkah` value, and the steps whose number could be read.
    pub langkah: Option<Located<Vec<StepDraft>>>,
    /// Whether a line of `langkah` was set aside for a syntax error: a step may be
    /// missing from it that the file has.
    pub langkah_partial: bool,
    pub pengesahan: Vec<SignOffDraft>,
}

pub fn decode(r: &mut Reader, table: &DeTable, open: Span, config: &Config) -> Draft {
    r.reject_unknown_advised(table, FIELDS, "di catatan", notes_advice);
    let mut draft = Draft {
        open: open.clone(),
        ..Draft::default()
    };
    let required_text = |r: &mut Reader, key: &str| {
        r.required(table, key, key, &open)
            .and_then(|v| r.text(v, key))
    };
    draft.nomor = required_text(r, "nomor").and_then(|n| nomor(r, n));
    draft.judul = required_text(r, "judul").map(|s| s.value);
    draft.unit = required_text(r, "unit").map(|s| s.value);
    draft.akibat_dibuka = required_text(r, "akibat_dibuka").map(|s| s.value);
    draft.manfaat_ditutup = required_text(r, "manfaat_ditutup").map(|s| s.value);
    draft.pasal_17 = r
        .required(table, "pasal_17", "pasal_17", &open)
        .and_then(|v| pasal_list(r, v));
    draft.dasar_hukum = r
        .required(table, "dasar_hukum", "dasar_hukum", &open)
        .and_then(|v| r.text_list(v, "dasar_hukum", "baris dasar hukum"));
    draft.jangka_waktu = r
        .required(table, "jangka_waktu", "jangka_waktu", &open)
        .and_then(|v| term(r, v));
    draft.names_decision = table.contains_key("keputusan") || table.contains_key("nomor_penetapan");
    draft.keputusan = table.get("keputusan").and_then(|v| r.text(v, "keputusan"));
    // With a decision file, the decision date comes from it.
    draft.ditetapkan = if draft.keputusan.is_some() || table.contains_key("keputusan") {
        table.get("ditetapkan")
    } else {
        r.required_or(
            table,
            "ditetapkan",
            "ditetapkan",
            &open,
            Some("tulis tanggal penetapan, misalnya ditetapkan = 2025-03-07, atau rujuk berkas keputusannya: keputusan = \"NOMOR\""),
        )
    }
    .and_then(|v| r.local_date(v, "ditetapkan"));
    draft.tempat = table.get("tempat").and_then(|v| r.text(v, "tempat"));
    draft.catatan_internal = table
        .get("catatan_internal")
        .and_then(|v| r.text(v, "catatan_internal"))
        .map(|s| s.value);
    draft.nomor_penetapan = table
        .get("nomor_penetapan")
        .and_then(|v| r.text(v, "nomor_penetapan"));
    draft.dibuka = table.get("dibuka").and_then(|v| opening(r, v));
    draft.langkah = r
        .required(table, "langkah", "langkah", &open)
        .and_then(|v| steps(r, v, config));
    draft.langkah_partial = draft
        .langkah
        .as_ref()
        .is_some_and(|l| r.set_aside_within(&l.span));
    if let Some(v) = r.required(table, "pengesahan", "pengesahan", &open) {
        draft.pengesahan = signoffs(r, v, config);
    }
    draft
}

/// Where an officer's note or explanation goes, for the names officers give it.
fn notes_advice(name: &str) -> Option<String> {
    const NOTES: &[&str] = &[
        "keterangan",
        "catatan",
        "penjelasan",
        "uraian",
        "deskripsi",
        "alasan",
        "ket",
    ];
    NOTES.contains(&name.to_lowercase().as_str()).then(|| {
        "catatan bagi petugas dan auditor ditulis di `catatan_internal` (tidak pernah tampil di situs publik); penjelasan bagi masyarakat ditulis sebagai teks biasa di bawah baris +++ penutup".to_string()
    })
}

fn nomor(r: &mut Reader, n: Located<String>) -> Option<Located<String>> {
    if let Some(message) = super::nomor_problem(&n.value) {
        r.error(Code::NomorFormat, n.span.clone(), message)
            .hint(super::NOMOR_HINT);
    } else if crate::scaffold::is_example(&n.value) {
        r.sink
            .warning(
                Code::ExampleRecord,
                n.span.clone(),
                "catatan ini contoh dari `daftar init`: pejabat, NIP, dan keputusannya rekaan, bukan informasi yang dikecualikan",
            )
            .hint(crate::scaffold::EXAMPLE_HINT);
    }
    Some(n)
}

fn pasal_list(r: &mut Reader, v: &Value) -> Option<Vec<Located<Pasal>>> {
    let codes = r.text_list(v, "pasal_17", "rujukan, misalnya \"h.2\"")?;
    let mut out: Vec<Located<Pasal>> = Vec::new();
    for code in codes {
        match Pasal::parse(&code.value) {
            Ok(p) => {
                if let Some(first) = out.iter().find(|q| q.value == p) {
                    let (line, _) = r.sink.source.line_column(first.span.start);
                    r.sink
                        .warning(
                            Code::PasalRepeated,
                            code.span.clone(),
                            format!("`{}` disebut dua kali di pasal_17", code.value),
                        )
                        .hint(format!(
                            "sebutan pertama di baris {line}; hapus salah satunya"
                        ));
                    continue;
                }
                out.push(Located::new(p, code.span));
            }
            Err(PasalProblem::Format) => {
                let hint = match Pasal::suggest(&code.value) {
                    Some(meant) => format!(
                        "maksudnya \"{meant}\"? tulis huruf kecil, titik, lalu angka tanpa nol di depan"
                    ),
                    None => "tulis huruf a–j, dengan angka bila perlu: \"h\", \"c.6\"".into(),
                };
                r.error(
                    Code::PasalFormat,
                    code.span,
                    format!("`{}` bukan rujukan Pasal 17 yang sah", code.value),
                )
                .hint(hint);
            }
            Err(PasalProblem::Angka { huruf, count }) => {
                let (message, hint) = if count == 0 {
                    (
                        format!("Pasal 17 huruf {huruf} tidak memiliki angka"),
                        format!("tulis \"{huruf}\" saja"),
                    )
                } else {
                    (
                        format!("Pasal 17 huruf {huruf} hanya memiliki angka 1–{count}"),
                        format!(
                            "tulis \"{huruf}\" saja, atau \"{huruf}.1\" sampai \"{huruf}.{count}\""
                        ),
                    )
                };
                let hint = match Pasal::suggest(&code.value) {
                    Some(meant) => format!("maksudnya \"{meant}\"? {hint}"),
                    None => hint,
                };
                r.error(Code::PasalAngka, code.span, message).hint(hint);
            }
        }
    }
    // The error for each bad entry is reported; the list is usable if any entry was read.
    (!out.is_empty()).then_some(out)
}

fn term(r: &mut Reader, v: &Value) -> Option<Located<Term>> {
    let span = r.span(v);
    let forms = "{ tahun = N }, { bulan = N }, { sampai = TANGGAL }, { peristiwa = \"...\" }, atau \"permanen\"";
    match v.get_ref() {
        toml::de::DeValue::String(s) if s.as_ref() == "permanen" => {
            Some(Located::new(Term::Permanen, span))
        }
        toml::de::DeValue::String(s) => {
            let hint = if s.trim().eq_ignore_ascii_case("permanen") {
                "tulis tepat \"permanen\", huruf kecil".to_string()
            } else {
                format!("tulis salah satu: {forms}")
            };
            r.error(
                Code::TermForm,
                span,
                format!("`jangka_waktu` tidak mengenal \"{s}\""),
            )
            .hint(hint);
            None
        }
        toml::de::DeValue::Table(t) => {
            r.reject_unknown(t, TERM_KEYS, "di jangka_waktu");
            let mut present: Vec<_> = t
                .iter()
                .filter(|(k, _)| TERM_FORMS.contains(&k.get_ref().as_ref()))
                .collect();
            // The tree's keys are sorted by name; the second form is the second written.
            present.sort_by_key(|(k, _)| k.span().start);
            match present.as_slice() {
                [] => {
                    let latest = t
                        .iter()
                        .find(|(k, _)| k.get_ref().as_ref() == "paling_lama");
                    if let Some((k, _)) = latest {
                        let key_span = r.span(k);
                        r.error(
                            Code::TermForm,
                            key_span,
                            "`jangka_waktu.paling_lama` hanya dipakai bersama `peristiwa`",
                        )
                        .hint(format!(
                            "tulis peristiwanya juga: {{ peristiwa = \"...\", paling_lama = TANGGAL }}, atau salah satu: {forms}"
                        ));
                    } else if t.is_empty() {
                        r.error(Code::TermForm, span, "`jangka_waktu` kosong")
                            .hint(format!("tulis salah satu: {forms}"));
                    }
                    // Otherwise every key was unknown, and reported as such.
                    None
                }
                [(key, value)] => {
                    let key: &str = key.get_ref();
                    let path = Field("jangka_waktu", key);
                    let term = match key {
                        "tahun" | "bulan" => {
                            let n = r.integer(value, path)?;
                            if n.value <= 0 {
                                r.error(
                                    Code::TermNotPositive,
                                    n.span,
                                    format!("`{path}` harus lebih dari 0"),
                                );
                                return None;
                            }
                            let Ok(n) = u32::try_from(n.value) else {
                                r.error(
                                    Code::TermOutOfRange,
                                    n.span,
                                    format!("`{path}` terlalu besar"),
                                );
                                return None;
                            };
                            if key == "tahun" {
                                Term::Tahun(n)
                            } else {
                                Term::Bulan(n)
                            }
                        }
                        "sampai" => Term::Sampai(r.local_date(value, path)?.value),
                        _ => Term::Peristiwa {
                            teks: r.text(value, path)?.value,
                            paling_lama: match t.get("paling_lama") {
                                Some(v) => Some(r.local_date(v, "jangka_waktu.paling_lama")?.value),
                                None => None,
                            },
                        },
                    };
                    if key != "peristiwa"
                        && let Some((k, _)) = t
                            .iter()
                            .find(|(k, _)| k.get_ref().as_ref() == "paling_lama")
                    {
                        let span = r.span(k);
                        r.error(
                            Code::TermForm,
                            span,
                            "`jangka_waktu.paling_lama` hanya dipakai bersama `peristiwa`",
                        )
                        .hint("hapus paling_lama: jangka waktu dengan tahun, bulan, atau tanggal sudah memiliki akhir");
                        return None;
                    }
                    Some(Located::new(term, span))
                }
                [_, (second, _), ..] => {
                    let second_span = r.span(second);
                    r.error(
                        Code::TermForm,
                        second_span,
                        "`jangka_waktu` hanya boleh memakai satu bentuk",
                    )
                    .hint(format!("pilih salah satu: {forms}"));
                    None
                }
            }
        }
        _ => {
            r.error(
                Code::WrongType,
                span,
                "`jangka_waktu` harus berupa tabel atau teks \"permanen\"",
            )
            .hint(format!("tulis salah satu: {forms}"));
            None
        }
    }
}

fn opening(r: &mut Reader, v: &Value) -> Option<Located<Opening>> {
    let span = r.span(v);
    let t = r.table(v, "dibuka")?;
    r.reject_unknown(t, OPENING_FIELDS, "di dibuka");
    let tanggal = r
        .required(t, "tanggal", "dibuka.tanggal", &span)
        .and_then(|v| r.local_date(v, "dibuka.tanggal"));
    let dasar = r
        .required(t, "dasar", "dibuka.dasar", &span)
        .and_then(|v| r.text(v, "dibuka.dasar"))
        .and_then(|d| match OpeningBasis::parse(d.value.trim()) {
            Some(b) => Some(b),
            None => {
                let keys: Vec<&str> = OpeningBasis::ALL.iter().map(|b| b.key()).collect();
                let hint = match crate::toml_reader::closest(d.value.trim(), &keys) {
                    Some(k) => format!("mungkin maksudnya \"{k}\""),
                    None => format!("tulis salah satu: \"{}\"", keys.join("\", \"")),
                };
                r.error(
                    Code::OpeningInvalid,
                    d.span,
                    format!("`dibuka.dasar` tidak mengenal \"{}\"", d.value),
                )
                .hint(hint);
                None
            }
        });
    let nomor = t
        .get("nomor")
        .and_then(|v| r.text(v, "dibuka.nomor"))
        .map(|n| n.value);
    Some(Located::new(
        Opening {
            tanggal: tanggal?.value,
            dasar: dasar?,
            nomor,
        },
        span,
    ))
}

fn positive_u32(
    r: &mut Reader,
    v: &Value,
    path: impl fmt::Display + Copy,
    code: Code,
) -> Option<Located<u32>> {
    let n = r.integer(v, path)?;
    match u32::try_from(n.value) {
        Ok(x) if x > 0 => Some(Located::new(x, n.span)),
        _ => {
            r.error(
                code,
                n.span,
                format!("`{path}` harus bilangan bulat lebih dari 0"),
            );
            None
        }
    }
}

fn steps(r: &mut Reader, v: &Value, config: &Config) -> Option<Located<Vec<StepDraft>>> {
    let span = r.span(v);
    let items = r.array(v, "langkah")?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        // Entries are named by their step number once it is known, else by position.
        let position = StepName::Position(i + 1);
        let item_span = r.span(item);
        let Some(t) = r.table(item, position) else {
            continue;
        };
        let no = r
            .required(t, "no", Field(position, "no"), &item_span)
            .and_then(|v| positive_u32(r, v, Field(position, "no"), Code::StepUnknown));
        let name = no.as_ref().map_or(position, |n| StepName::No(n.value));
        r.reject_unknown(t, STEP_FIELDS, format_args!("di {name}"));
        let mulai = r
            .required(t, "mulai", Field(name, "mulai"), &item_span)
            .and_then(|v| r.date_time(v, Field(name, "mulai"), config.zone));
        let menit = r
            .required(t, "menit", Field(name, "menit"), &item_span)
            .and_then(|v| positive_u32(r, v, Field(name, "menit"), Code::StepMinutes));
        let oleh = t
            .get("oleh")
            .and_then(|v| r.text(v, Field(name, "oleh")))
            .map(|s| s.value);
        if let Some(no) = no {
            out.push(StepDraft {
                no,
                mulai,
                menit,
                oleh,
            });
        }
    }
    Some(Located::new(out, span))
}

/// How messages name a step: by its number once it is known, else by its place.
#[derive(Clone, Copy)]
enum StepName {
    Position(usize),
    No(u32),
}

impl fmt::Display for StepName {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            StepName::Position(i) => write!(f, "langkah[urutan {i}]"),
            StepName::No(n) => write!(f, "langkah[no={n}]"),
        }
    }
}

/// A field of a table named `parent`, as messages write it (`parent.key`). Written out
/// only when a message needs it: a valid record names no paths.
#[derive(Clone, Copy)]
struct Field<'k, P>(P, &'k str);

impl<P: fmt::Display> fmt::Display for Field<'_, P> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}.{}", self.0, self.1)
    }
}

fn signoffs(r: &mut Reader, v: &Value, config: &Config) -> Vec<SignOffDraft> {
    let span = r.span(v);
    let Some(table) = r.table(v, "pengesahan") else {
        return Vec::new();
    };
    r.reject_unknown(table, ROLES, "di pengesahan");
    let mut out = Vec::new();
    for role in Role::ALL {
        let path = Field("pengesahan", role.key());
        let advice = format_args!(
            "tambahkan bagian [{path}] berisi nama, nip, jabatan, dan tanggal pengesahan {}",
            role.label()
        );
        let Some(v) = r.required_or(table, role.key(), path, &span, Some(advice)) else {
            continue;
        };
        let role_span = r.span(v);
        let Some(t) = r.table(v, path) else {
            continue;
        };
        r.reject_unknown(t, SIGNOFF_FIELDS, format_args!("di {path}"));
        let text = |r: &mut Reader, key: &'static str| {
            r.required(t, key, Field(path, key), &role_span)
                .and_then(|v| r.text(v, Field(path, key)))
        };
        let nama = text(r, "nama").map(|s| s.value);
        let jabatan = text(r, "jabatan").map(|s| s.value);
        let pppk = t
            .get("pppk")
            .and_then(|v| r.boolean(v, Field(path, "pppk")))
            .is_some_and(|b| b.value);
        let nip = r
            .required(t, "nip", Field(path, "nip"), &role_span)
            .and_then(|v| nip_value(r, v, Field(path, "nip"), pppk));
        let tanggal = r
            .required(t, "tanggal", Field(path, "tanggal"), &role_span)
            .and_then(|v| r.date_time(v, Field(path, "tanggal"), config.zone));
        out.push(SignOffDraft {
            role,
            nama,
            nip,
            jabatan,
            tanggal,
            pppk,
        });
    }
    out
}

fn nip_value(
    r: &mut Reader,
    v: &Value,
    path: impl fmt::Display + Copy,
    pppk: bool,
) -> Option<Located<String>> {
    if let toml::de::DeValue::Integer(i) = v.get_ref() {
        let span = r.span(v);
        r.error(
            Code::WrongType,
            span,
            format!("`{path}` harus berupa teks, bukan bilangan"),
        )
        .hint(format!(
            "tulis NIP di antara tanda kutip: nip = \"{}\"",
            i.as_str()
        ));
        return None;
    }
    let raw = r.text(v, path)?;
    match nip::check(&raw.value, pppk) {
        Ok(digits) => Some(Located::new(digits, raw.span)),
        Err(problems) => {
            for p in problems {
                let span = match &p.digits {
                    Some(d) => nip::digits_span(&r.sink.source.text, raw.span.clone(), d.clone()),
                    None => raw.span.clone(),
                };
                let d = r.error(p.code, span, format!("`{path}`: {}", p.message));
                if let Some(h) = p.hint {
                    d.hint(h);
                }
            }
            None
        }
    }
}

impl Draft {
    /// The finished record; call only when the file has no error.
    pub fn finish(
        self,
        decision: Option<Arc<Decision>>,
        source: &SourceText,
        sha256: &str,
        slug: String,
        body: &str,
        build_date: NaiveDate,
    ) -> Option<Record> {
        let jangka_waktu = self.jangka_waktu?.value;
        let ditetapkan = self.ditetapkan?.value;
        let berlaku_sampai = super::term::end_date(&jangka_waktu, ditetapkan)?;
        let dibuka = self.dibuka.map(|d| d.value);
        let status = match (&dibuka, berlaku_sampai) {
            (Some(d), _) if d.tanggal <= build_date => Status::Dibuka,
            (_, Some(end)) if build_date > end => Status::Berakhir,
            _ => Status::Berlaku,
        };
        let mut langkah = Vec::new();
        for s in self.langkah?.value {
            langkah.push(Step {
                no: s.no.value,
                mulai: s.mulai?.value,
                menit: s.menit?.value,
                oleh: s.oleh,
            });
        }
        langkah.sort_by_key(|s| s.no);
        let mut signed = self.pengesahan.into_iter().map(|s| {
            Some(SignOff {
                nama: s.nama?,
                nip: s.nip?.value,
                jabatan: s.jabatan?,
                tanggal: s.tanggal?.value,
                pppk: s.pppk,
            })
        });
        let pengesahan = SignOffs {
            petugas_ppid: signed.next()??,
            ppid_utama: signed.next()??,
            atasan_ppid: signed.next()??,
        };
        Some(Record {
            path: source.path.clone(),
            sha256: sha256.to_string(),
            slug,
            nomor: self.nomor?.value,
            judul: self.judul?,
            unit: self.unit?,
            pasal_17: self.pasal_17?.into_iter().map(|p| p.value).collect(),
            dasar_hukum: self.dasar_hukum?.into_iter().map(|l| l.value).collect(),
            akibat_dibuka: self.akibat_dibuka?,
            manfaat_ditutup: self.manfaat_ditutup?,
            jangka_waktu,
            ditetapkan,
            tempat: self
                .tempat
                .map(|t| t.value)
                .or_else(|| decision.as_ref().map(|d| d.tempat.clone())),
            nomor_penetapan: self
                .nomor_penetapan
                .map(|n| n.value)
                .or_else(|| decision.as_ref().map(|d| d.nomor.clone())),
            keputusan: decision,
            dibuka,
            catatan_internal: self.catatan_internal,
            langkah,
            pengesahan,
            body: body.to_string(),
            berlaku_sampai,
            status,
        })
    }
}
