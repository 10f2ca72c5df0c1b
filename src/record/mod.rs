//! One exempted-information record: read from its file's front matter, checked against
//! every rule of `record-format.md` that concerns the record alone.
//!
//! The flow is text → [`frontmatter::split`] → [`decode::decode`] (a [`decode::Draft`]
//! with whatever could be read) → the rule modules, which each add their diagnostics →
//! a finished [`Record`] only if the file has no error.

pub mod citation;
pub mod decided;
pub mod decode;
pub mod nip;
pub mod pasal;
pub mod signoff;
pub mod steps;
pub mod term;

use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::config::Config;
use crate::decision::{Decision, Decisions};
use crate::diagnostic::{Diagnostic, Sink, SourceText};
use crate::frontmatter;
use crate::toml_reader::Reader;
pub use pasal::Pasal;

/// The exemption term (`jangka_waktu`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    Tahun(u32),
    Bulan(u32),
    Sampai(NaiveDate),
    /// Until an event; `paling_lama` is the latest end (required with huruf a).
    Peristiwa {
        teks: String,
        paling_lama: Option<NaiveDate>,
    },
    Permanen,
}

/// Why a record's information was opened (`dibuka.dasar`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpeningBasis {
    /// The PPID's determination, usually at the end of the term.
    PenetapanPpid,
    /// The Atasan PPID's answer to an objection (keberatan).
    Keberatan,
    PutusanKomisiInformasi,
    PutusanPengadilan,
    /// The written consent of the person the information is about.
    PersetujuanTertulis,
    /// The event the term awaited has happened.
    Peristiwa,
}

impl OpeningBasis {
    pub const ALL: [OpeningBasis; 6] = [
        OpeningBasis::PenetapanPpid,
        OpeningBasis::Keberatan,
        OpeningBasis::PutusanKomisiInformasi,
        OpeningBasis::PutusanPengadilan,
        OpeningBasis::PersetujuanTertulis,
        OpeningBasis::Peristiwa,
    ];

    /// As written in records.
    pub fn key(self) -> &'static str {
        match self {
            OpeningBasis::PenetapanPpid => "penetapan_ppid",
            OpeningBasis::Keberatan => "keberatan",
            OpeningBasis::PutusanKomisiInformasi => "putusan_komisi_informasi",
            OpeningBasis::PutusanPengadilan => "putusan_pengadilan",
            OpeningBasis::PersetujuanTertulis => "persetujuan_tertulis",
            OpeningBasis::Peristiwa => "peristiwa",
        }
    }

    /// As shown on pages: "dibuka berdasarkan …".
    pub fn label(self) -> &'static str {
        match self {
            OpeningBasis::PenetapanPpid => "penetapan PPID",
            OpeningBasis::Keberatan => "tanggapan Atasan PPID atas keberatan",
            OpeningBasis::PutusanKomisiInformasi => "putusan Komisi Informasi",
            OpeningBasis::PutusanPengadilan => "putusan pengadilan",
            OpeningBasis::PersetujuanTertulis => {
                "persetujuan tertulis pihak yang rahasianya diungkap"
            }
            OpeningBasis::Peristiwa => "terjadinya peristiwa yang menjadi batas jangka waktu",
        }
    }

    pub fn parse(key: &str) -> Option<OpeningBasis> {
        OpeningBasis::ALL.into_iter().find(|b| b.key() == key)
    }
}

/// A statement that the information was opened (`dibuka`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    pub tanggal: NaiveDate,
    pub dasar: OpeningBasis,
    /// The number of the instrument (a determination, a decision of the Komisi or a court).
    pub nomor: Option<String>,
}

/// Whether the exemption is in force on the build date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Berlaku,
    /// The term has ended.
    Berakhir,
    /// Opened before or at the end of its term, as the record states (`dibuka`).
    Dibuka,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::Berlaku => "berlaku",
            Status::Berakhir => "berakhir",
            Status::Dibuka => "dibuka",
        }
    }

    /// Whether the information is open now (term ended, or opened).
    pub fn is_open(self) -> bool {
        self != Status::Berlaku
    }
}

/// One SOP step as carried out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub no: u32,
    pub mulai: DateTime<FixedOffset>,
    pub menit: u32,
    pub oleh: Option<String>,
}

impl Step {
    pub fn end(&self) -> DateTime<FixedOffset> {
        self.mulai + chrono::Duration::minutes(self.menit.into())
    }
}

/// The three roles that sign a record off, in signing order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    PetugasPpid,
    PpidUtama,
    AtasanPpid,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::PetugasPpid, Role::PpidUtama, Role::AtasanPpid];

    pub fn key(self) -> &'static str {
        match self {
            Role::PetugasPpid => "petugas_ppid",
            Role::PpidUtama => "ppid_utama",
            Role::AtasanPpid => "atasan_ppid",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::PetugasPpid => "Petugas PPID",
            Role::PpidUtama => "PPID Utama",
            Role::AtasanPpid => "Atasan PPID",
        }
    }

    /// The SOP step this role's sign-off closes.
    pub fn closes(self, config: &Config) -> u32 {
        let c = config.sop.closing;
        match self {
            Role::PetugasPpid => c.petugas_ppid,
            Role::PpidUtama => c.ppid_utama,
            Role::AtasanPpid => c.atasan_ppid,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignOff {
    pub nama: String,
    /// 18 digits, without spaces.
    pub nip: String,
    pub jabatan: String,
    pub tanggal: DateTime<FixedOffset>,
    pub pppk: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignOffs {
    pub petugas_ppid: SignOff,
    pub ppid_utama: SignOff,
    pub atasan_ppid: SignOff,
}

impl SignOffs {
    pub fn get(&self, role: Role) -> &SignOff {
        match role {
            Role::PetugasPpid => &self.petugas_ppid,
            Role::PpidUtama => &self.ppid_utama,
            Role::AtasanPpid => &self.atasan_ppid,
        }
    }
}

/// A valid record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// Source file, relative to the site root.
    pub path: String,
    pub sha256: String,
    pub slug: String,
    pub nomor: String,
    pub judul: String,
    pub unit: String,
    pub pasal_17: Vec<Pasal>,
    pub dasar_hukum: Vec<String>,
    pub akibat_dibuka: String,
    pub manfaat_ditutup: String,
    pub jangka_waktu: Term,
    /// The decision date: as written, or the date of its decision.
    pub ditetapkan: NaiveDate,
    /// As written, or the place of its decision; the site's default place applies when
    /// `None`.
    pub tempat: Option<String>,
    /// As written, or the number of its decision.
    pub nomor_penetapan: Option<String>,
    /// The decision file that establishes this record, if it refers to one.
    pub keputusan: Option<Arc<Decision>>,
    pub dibuka: Option<Opening>,
    pub catatan_internal: Option<String>,
    /// Sorted by step number.
    pub langkah: Vec<Step>,
    pub pengesahan: SignOffs,
    /// The Markdown body (the public explanation).
    pub body: String,
    /// The last day of the term, if the term has a date.
    pub berlaku_sampai: Option<NaiveDate>,
    pub status: Status,
}

/// The page address of a record: its path under `content/` without `.md`, lower-case,
/// with every character but ASCII letters and digits written as `-`.
pub fn slug(path: &str, content_dir: &str) -> String {
    crate::source::page_slug(path, content_dir)
}

/// What a `nomor` may hold, as a hint.
pub const NOMOR_HINT: &str =
    "nomor terdiri atas huruf, angka, `-`, `/`, dan `.`, misalnya \"DIK-DKISP-2025-004\"";

/// Why `nomor` cannot be a record's number (the rule of `check` and of `daftar new`).
pub fn nomor_problem(nomor: &str) -> Option<String> {
    let chars = nomor.chars().count();
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '.');
    if chars == 0 {
        return Some("`nomor` kosong".to_string());
    }
    if chars > 64 {
        return Some(format!(
            "`nomor` terlalu panjang: {chars} karakter, paling banyak 64"
        ));
    }
    let bad = nomor.chars().find(|c| !allowed(*c))?;
    let shown = match bad {
        ' ' => "spasi".to_string(),
        '\t' => "tab".to_string(),
        c => format!("karakter `{c}`"),
    };
    Some(format!("`nomor` memuat {shown} yang tidak diperbolehkan"))
}

/// What reading one file gave: a record if it is valid, and every diagnostic.
pub struct Loaded {
    pub record: Option<Record>,
    /// The `nomor`, if readable, with its span: for the site-wide uniqueness check even
    /// when the record has other errors.
    pub nomor: Option<crate::toml_reader::Located<String>>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads and checks one record file's text.
pub fn load(
    source: &SourceText,
    sha256: &str,
    config: &Config,
    decisions: &Decisions,
    build_date: NaiveDate,
) -> Loaded {
    let mut diagnostics = Vec::new();
    let mut sink = Sink::new(source, &mut diagnostics);
    let fm = match frontmatter::split(&source.text) {
        Ok(fm) => fm,
        Err(e) => {
            frontmatter::report(&mut sink, e, false);
            return Loaded {
                record: None,
                nomor: None,
                diagnostics,
            };
        }
    };
    let mut reader = Reader::new(sink, fm.toml.start);
    let mut scratch = String::new();
    let Some(table) = reader.parse(&source.text[fm.toml.clone()], &mut scratch) else {
        return Loaded {
            record: None,
            nomor: None,
            diagnostics,
        };
    };
    let mut draft = decode::decode(&mut reader, table.get_ref(), fm.open.clone(), config);
    let mut sink = reader.sink;
    frontmatter::check_body(&mut sink, &source.text, fm.body.clone());
    let decision = decided::resolve(&mut sink, &mut draft, decisions);
    citation::check(&mut sink, &draft);
    term::check(&mut sink, &draft, config, build_date);
    steps::check(&mut sink, &draft, config);
    signoff::check(&mut sink, &draft, config);
    decided::check_publication(&mut sink, &draft, decision.as_deref(), config);
    let nomor = draft.nomor.clone();
    let record = if sink.has_errors() {
        None
    } else {
        draft.finish(
            decision,
            source,
            sha256,
            slug(&source.path, crate::config::CONTENT_DIR),
            &source.text[fm.body],
            build_date,
        )
    };
    Loaded {
        record,
        nomor,
        diagnostics,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_come_from_the_path() {
        assert_eq!(slug("content/DIK-004.md", "content"), "dik-004");
        assert_eq!(
            slug("content/2025/Data Pribadi.MD", "content"),
            "2025-data-pribadi"
        );
        assert_eq!(slug("content/a_b.c.md", "content"), "a-b-c");
        assert_eq!(slug("content/é.md", "content"), "-");
    }
}
