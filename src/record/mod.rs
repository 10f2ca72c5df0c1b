//! One exempted-information record: read from its file's front matter, checked against
//! every rule of `record-format.md` that concerns the record alone.
//!
//! The flow is text → [`frontmatter::split`] → [`decode::decode`] (a [`decode::Draft`]
//! with whatever could be read) → the rule modules, which each add their diagnostics →
//! a finished [`Record`] only if the file has no error.

pub mod decode;
pub mod nip;
pub mod pasal;
pub mod signoff;
pub mod steps;
pub mod term;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::code::Code;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Sink, SourceText};
use crate::frontmatter::{self, SplitError};
use crate::toml_reader::Reader;
pub use pasal::Pasal;

/// The exemption term (`jangka_waktu`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    Tahun(u32),
    Bulan(u32),
    Sampai(NaiveDate),
    Peristiwa(String),
    Permanen,
}

/// Whether the exemption is in force on the build date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Berlaku,
    Berakhir,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::Berlaku => "berlaku",
            Status::Berakhir => "berakhir",
        }
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
    pub ditetapkan: NaiveDate,
    /// As written; the site's default place applies when `None`.
    pub tempat: Option<String>,
    pub nomor_penetapan: Option<String>,
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
    let rel = path
        .strip_prefix(content_dir)
        .and_then(|p| p.strip_prefix('/'))
        .unwrap_or(path);
    let stem = if rel.len() >= 3 && rel[rel.len() - 3..].eq_ignore_ascii_case(".md") {
        &rel[..rel.len() - 3]
    } else {
        rel
    };
    stem.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
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
pub fn load(source: &SourceText, sha256: &str, config: &Config, build_date: NaiveDate) -> Loaded {
    let mut diagnostics = Vec::new();
    let mut sink = Sink::new(source, &mut diagnostics);
    let fm = match frontmatter::split(&source.text) {
        Ok(fm) => fm,
        Err(e) => {
            split_error(&mut sink, e);
            return Loaded {
                record: None,
                nomor: None,
                diagnostics,
            };
        }
    };
    let mut reader = Reader::new(sink, fm.toml.start);
    let Some(table) = reader.parse(&source.text[fm.toml.clone()]) else {
        return Loaded {
            record: None,
            nomor: None,
            diagnostics,
        };
    };
    let draft = decode::decode(&mut reader, table.get_ref(), fm.open.clone(), config);
    let mut sink = reader.sink;
    term::check(&mut sink, &draft, build_date);
    steps::check(&mut sink, &draft, config);
    signoff::check(&mut sink, &draft, config);
    let nomor = draft.nomor.clone();
    let record = if sink.has_errors() {
        None
    } else {
        draft.finish(
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

fn split_error(sink: &mut Sink, e: SplitError) {
    match e {
        SplitError::Empty => {
            sink.error(Code::EmptyFile, 0..0, "berkas catatan ini kosong")
                .hint("salin contoh catatan dari README, atau buat kerangka dengan `daftar new`");
        }
        SplitError::NoOpening(span) => {
            sink.error(
                Code::NoFrontMatter,
                span,
                "berkas tidak diawali bagian data `+++`",
            )
            .hint("baris pertama catatan harus `+++`, diikuti data TOML, lalu `+++` lagi sebelum penjelasan");
        }
        SplitError::Unclosed(span) => {
            sink.error(
                Code::UnclosedFrontMatter,
                span,
                "bagian data yang dibuka dengan `+++` tidak pernah ditutup",
            )
            .hint("tambahkan baris `+++` setelah data TOML, sebelum penjelasan");
        }
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
