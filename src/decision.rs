//! Decisions (Keputusan): the written act by which a PPID establishes exempted
//! information, one file per decision under `keputusan/`. A record refers to its
//! decision by number; the decision says who decided, who approved it for the head of
//! the public body, and when the consequence test was held (kept internal).
//!
//! A decision file is like a record file: TOML front matter between `+++` lines, then
//! an optional Markdown body (Menimbang, Mengingat, …). Decisions are read before the
//! records, because records are checked against them.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::code::Code;
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity, Sink, SourceText, Span};
use crate::frontmatter;
use crate::locale;
use crate::source;
use crate::toml_reader::{Located, Reader};
use toml::de::DeTable;

/// The folder of decision files, beside `content/`.
pub const DIR: &str = crate::config::DECISIONS_DIR;

const FIELDS: &[&str] = &[
    "nomor",
    "tentang",
    "tanggal",
    "tempat",
    "pejabat",
    "persetujuan",
    "uji_konsekuensi",
];
const OFFICIAL_FIELDS: &[&str] = &["nama", "jabatan"];
const APPROVAL_FIELDS: &[&str] = &["nama", "jabatan", "kapasitas", "tanggal"];
const TEST_FIELDS: &[&str] = &["tanggal", "nomor_lembar", "peserta"];

/// A named official: name and position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Official {
    pub nama: String,
    pub jabatan: String,
}

/// The approval of the head of the public body (Perki 1/2017 Pasal 4 ayat (3)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approval {
    pub nama: String,
    pub jabatan: String,
    /// The capacity in which the approver signs, such as "a.n. Gubernur Kalimantan Utara".
    pub kapasitas: Option<String>,
    pub tanggal: NaiveDate,
}

/// The consequence test behind the decision: internal only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsequenceTest {
    pub tanggal: NaiveDate,
    pub nomor_lembar: String,
    pub peserta: Vec<String>,
}

/// A valid decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// Source file, relative to the site root.
    pub path: String,
    pub sha256: String,
    /// The address of its page under `keputusan/`.
    pub slug: String,
    pub nomor: String,
    pub tentang: String,
    pub tanggal: NaiveDate,
    /// Where it was decided: as written, else the site's default place.
    pub tempat: String,
    /// The PPID official who decided.
    pub pejabat: Official,
    pub persetujuan: Approval,
    pub uji_konsekuensi: ConsequenceTest,
    /// The Markdown body (Menimbang, Mengingat, …).
    pub body: String,
    /// The line of `nomor`, `tanggal` and `tempat`, for messages that name both places.
    pub lines: DecisionLines,
}

/// Where a decision's facts are written, for messages that name both places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DecisionLines {
    pub nomor: usize,
    pub tanggal: usize,
    /// `None` when the place is the site's default.
    pub tempat: Option<usize>,
}

/// What reading one decision file gave.
#[derive(Debug, Clone)]
pub struct DecisionFile {
    pub path: String,
    pub decision: Option<Arc<Decision>>,
    pub nomor: Option<Located<String>>,
    pub diagnostics: Vec<Diagnostic>,
    pub source: Option<Arc<SourceText>>,
}

/// Every decision of the site, by number (letter case ignored). A number whose file has
/// errors is known but has no decision: records citing it get no second error.
#[derive(Debug, Clone, Default)]
pub struct Decisions {
    by_key: BTreeMap<String, Option<Arc<Decision>>>,
    /// Decision files whose number could not be read (their errors are reported there).
    unread: Vec<String>,
}

/// How a record's `keputusan` resolves.
pub enum Lookup<'a> {
    Found(&'a Arc<Decision>),
    /// The decision file exists but has errors of its own.
    Invalid,
    /// No decision has that number; the closest known number, if one is close.
    Unknown(Option<&'a str>),
}

impl Decisions {
    pub fn key(nomor: &str) -> String {
        nomor.trim().to_lowercase()
    }

    pub fn lookup(&self, nomor: &str) -> Lookup<'_> {
        match self.by_key.get(&Self::key(nomor)) {
            Some(Some(d)) => Lookup::Found(d),
            Some(None) => Lookup::Invalid,
            None => Lookup::Unknown(self.closest(nomor)),
        }
    }

    fn closest(&self, nomor: &str) -> Option<&str> {
        let wanted = Self::key(nomor);
        self.by_key
            .iter()
            .filter_map(|(k, d)| Some((strsim::jaro_winkler(&wanted, k), d.as_ref()?)))
            .filter(|(score, _)| *score >= 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, d)| d.nomor.as_str())
    }

    /// The valid decisions, by number.
    pub fn iter(&self) -> impl Iterator<Item = &Arc<Decision>> {
        self.by_key.values().flatten()
    }

    pub fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }

    /// The decision files whose number could not be read.
    pub fn unread(&self) -> &[String] {
        &self.unread
    }
}

/// The decisions of a site, what reading them reported, and the texts those reports
/// point into (for printing).
pub type Loaded = (Decisions, Vec<Diagnostic>, Vec<Arc<SourceText>>);

/// Reads every decision file under `keputusan/` (none when the folder does not exist),
/// with the checks across them.
pub fn load_all(root: &Path, config: &Config, build_date: NaiveDate) -> Loaded {
    if !root.join(DIR).is_dir() {
        return (Decisions::default(), Vec::new(), Vec::new());
    }
    let (paths, found) = source::discover(root, DIR);
    let files: Vec<DecisionFile> = paths
        .par_iter()
        .map(|rel| read_file(root, rel, config, build_date))
        .collect();
    let mut decisions = Decisions::default();
    let mut diagnostics = found;
    let mut first: BTreeMap<String, &str> = BTreeMap::new();
    // Texts read again for a diagnostic of a file that had none of its own.
    let mut read_again: Vec<Arc<SourceText>> = Vec::new();
    for file in &files {
        let Some(nomor) = &file.nomor else {
            decisions.unread.push(file.path.clone());
            continue;
        };
        let key = Decisions::key(&nomor.value);
        if crate::scaffold::is_example(&nomor.value) {
            let text = text_of(root, file, &mut read_again);
            diagnostics.push(
                Diagnostic::at(
                    Severity::Warning,
                    Code::ExampleRecord,
                    &text,
                    nomor.span.clone(),
                    "keputusan ini contoh dari `daftar init`: nomor, pejabat, dan pesertanya rekaan",
                )
                .with_hint(crate::scaffold::EXAMPLE_HINT),
            );
        }
        if let Some(by) = first.get(&key) {
            let source = text_of(root, file, &mut read_again);
            diagnostics.push(
                Diagnostic::at(
                    Severity::Error,
                    Code::DecisionDuplicate,
                    &source,
                    nomor.span.clone(),
                    format!("nomor keputusan `{}` sudah dipakai oleh {by}", nomor.value),
                )
                .with_hint("setiap keputusan ditulis dalam satu berkas (huruf besar dan kecil pada nomor dianggap sama); gabungkan kedua berkas atau perbaiki nomornya"),
            );
            continue;
        }
        first.insert(key.clone(), &file.path);
        decisions.by_key.insert(key, file.decision.clone());
    }
    // Two files whose names give one page address: the later one is refused.
    let mut by_slug: Vec<(String, &str)> = files
        .iter()
        .map(|f| (source::page_slug(&f.path, DIR), f.path.as_str()))
        .collect();
    by_slug.sort_unstable();
    for (slug, path) in &by_slug {
        diagnostics.extend(source::slug_too_long(slug, path, "keputusan/"));
    }
    for pair in by_slug.windows(2) {
        let ((a, first), (b, later)) = (&pair[0], &pair[1]);
        if a == b {
            diagnostics.push(
                Diagnostic::new(
                    Severity::Error,
                    Code::DecisionSlugDuplicate,
                    later,
                    format!("alamat halaman `keputusan/{b}/` sudah dipakai oleh {first}"),
                )
                .with_hint("alamat dibentuk dari nama berkas (huruf kecil, selain huruf dan angka menjadi `-`); ganti nama salah satu berkas"),
            );
        }
    }
    let mut sources = read_again;
    for file in files {
        diagnostics.extend(file.diagnostics);
        sources.extend(file.source);
    }
    (decisions, diagnostics, sources)
}

/// Reads and checks one decision file.
/// A decision file's text for a diagnostic of the whole set: kept if the file had
/// diagnostics of its own, else read again and added to `read_again` for the printer.
fn text_of(
    root: &Path,
    file: &DecisionFile,
    read_again: &mut Vec<Arc<SourceText>>,
) -> Arc<SourceText> {
    if let Some(text) = &file.source {
        return Arc::clone(text);
    }
    let text = Arc::new(SourceText::new(
        &file.path,
        std::fs::read_to_string(root.join(&file.path)).unwrap_or_default(),
    ));
    read_again.push(Arc::clone(&text));
    text
}

pub fn read_file(root: &Path, rel: &str, config: &Config, build_date: NaiveDate) -> DecisionFile {
    match source::read(root, rel) {
        Ok(file) => {
            let (decision, nomor, diagnostics) =
                load(&file.source, &file.sha256, config, build_date);
            let keep = !diagnostics.is_empty();
            DecisionFile {
                path: rel.to_string(),
                decision: decision.map(Arc::new),
                nomor,
                diagnostics,
                source: keep.then(|| Arc::new(file.source)),
            }
        }
        Err(d) => DecisionFile {
            path: rel.to_string(),
            decision: None,
            nomor: None,
            diagnostics: vec![d],
            source: None,
        },
    }
}

/// A table of a decision file (`[pejabat]`, …, or the file's top level), whose fields
/// messages name as `pejabat.nama`.
struct Section<'t, 'i> {
    table: &'t DeTable<'i>,
    name: Option<&'static str>,
    /// Where a missing field is reported.
    span: Span,
}

impl<'t, 'i> Section<'t, 'i> {
    /// The required sub-table `name` of `parent`, its unknown fields reported; `holds`
    /// says what it holds, for the hint when it is missing.
    fn open(
        r: &mut Reader,
        parent: &Section<'t, 'i>,
        name: &'static str,
        fields: &[&str],
        holds: &str,
    ) -> Option<Section<'t, 'i>> {
        let advice = format!("tambahkan bagian [{name}] berisi {holds}");
        let v = r.required_or(parent.table, name, name, &parent.span, Some(advice))?;
        let span = r.span(v);
        let table = r.table(v, name)?;
        r.reject_unknown(table, fields, format_args!("di {name}"));
        Some(Section {
            table,
            name: Some(name),
            span,
        })
    }

    fn path(&self, key: &'static str) -> FieldPath {
        FieldPath(self.name, key)
    }

    fn text(&self, r: &mut Reader, key: &'static str) -> Option<Located<String>> {
        let path = self.path(key);
        r.required(self.table, key, path, &self.span)
            .and_then(|v| r.text(v, path))
    }

    fn date(&self, r: &mut Reader, key: &'static str) -> Option<Located<NaiveDate>> {
        let path = self.path(key);
        r.required(self.table, key, path, &self.span)
            .and_then(|v| r.local_date(v, path))
    }
}

/// A field as messages name it: `key` at the top level, `section.key` inside a section.
#[derive(Clone, Copy)]
struct FieldPath(Option<&'static str>, &'static str);

impl std::fmt::Display for FieldPath {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self.0 {
            Some(section) => write!(f, "{section}.{}", self.1),
            None => f.write_str(self.1),
        }
    }
}

type LoadedFile = (Option<Decision>, Option<Located<String>>, Vec<Diagnostic>);

/// Reads and checks one decision file's text.
pub fn load(
    source: &SourceText,
    sha256: &str,
    config: &Config,
    build_date: NaiveDate,
) -> LoadedFile {
    let mut diagnostics = Vec::new();
    let mut sink = Sink::new(source, &mut diagnostics);
    let fm = match frontmatter::split(&source.text) {
        Ok(fm) => fm,
        Err(e) => {
            frontmatter::report(&mut sink, e, true);
            return (None, None, diagnostics);
        }
    };
    let mut r = Reader::new(sink, fm.toml.start);
    let mut scratch = String::new();
    let Some(table) = r.parse(&source.text[fm.toml.clone()], &mut scratch) else {
        return (None, None, diagnostics);
    };
    let table = table.get_ref();
    let open = fm.open.clone();
    r.reject_unknown(table, FIELDS, "di keputusan");
    let whole = Section {
        table,
        name: None,
        span: open.clone(),
    };
    let nomor = whole.text(&mut r, "nomor");
    let tentang = whole.text(&mut r, "tentang");
    let tanggal = whole.date(&mut r, "tanggal");
    let tempat = table.get("tempat").and_then(|v| r.text(v, "tempat"));

    let pejabat = Section::open(
        &mut r,
        &whole,
        "pejabat",
        OFFICIAL_FIELDS,
        "nama dan jabatan pejabat PPID yang menetapkan keputusan",
    )
    .and_then(|t| {
        let nama = t.text(&mut r, "nama");
        let jabatan = t.text(&mut r, "jabatan");
        Some(Official {
            nama: nama?.value,
            jabatan: jabatan?.value,
        })
    });
    let persetujuan = Section::open(
        &mut r,
        &whole,
        "persetujuan",
        APPROVAL_FIELDS,
        "nama, jabatan, dan tanggal persetujuan pimpinan badan publik",
    )
    .and_then(|t| {
        let nama = t.text(&mut r, "nama");
        let jabatan = t.text(&mut r, "jabatan");
        let kapasitas = t
            .table
            .get("kapasitas")
            .and_then(|v| r.text(v, "persetujuan.kapasitas"));
        let tanggal = t.date(&mut r, "tanggal");
        Some((
            nama?.value,
            jabatan?.value,
            kapasitas.map(|k| k.value),
            tanggal?,
        ))
    });
    let uji = Section::open(
        &mut r,
        &whole,
        "uji_konsekuensi",
        TEST_FIELDS,
        "tanggal, nomor_lembar, dan peserta uji konsekuensi",
    )
    .and_then(|t| {
        let tanggal = t.date(&mut r, "tanggal");
        let lembar = t.text(&mut r, "nomor_lembar");
        let peserta = r
            .required(t.table, "peserta", "uji_konsekuensi.peserta", &t.span)
            .and_then(|v| r.text_list(v, "uji_konsekuensi.peserta", "nama peserta"));
        Some((tanggal?, lembar?.value, peserta?))
    });

    // Order: consequence test ≤ approval ≤ decision.
    let approval_date = persetujuan.as_ref().map(|p| &p.3);
    if let (Some((test, _, _)), Some(approval)) = (&uji, approval_date)
        && test.value > approval.value
    {
        r.error(
            Code::DecisionOrder,
            test.span.clone(),
            format!(
                "uji konsekuensi tanggal {} jatuh sesudah persetujuan pimpinan tanggal {}",
                locale::date(test.value),
                locale::date(approval.value)
            ),
        )
        .hint("urutan yang diperiksa: uji konsekuensi, lalu persetujuan pimpinan badan publik, lalu penetapan (penafsiran atas Pasal 4 ayat (3) dan ayat (4) Perki 1/2017)");
    }
    if let (Some(approval), Some(decided)) = (approval_date, &tanggal)
        && approval.value > decided.value
    {
        r.error(
            Code::DecisionOrder,
            approval.span.clone(),
            format!(
                "persetujuan pimpinan tanggal {} jatuh sesudah tanggal keputusan {}",
                locale::date(approval.value),
                locale::date(decided.value)
            ),
        )
        .hint("keputusan ditetapkan setelah mendapat persetujuan pimpinan badan publik; periksa kedua tanggal");
    }
    if let Some(decided) = &tanggal
        && decided.value > build_date
    {
        r.error(
            Code::DecisionInFuture,
            decided.span.clone(),
            format!(
                "tanggal keputusan {} jatuh sesudah tanggal pembuatan situs {}",
                locale::date(decided.value),
                locale::date(build_date)
            ),
        )
        .hint("keputusan baru dapat diterbitkan sesudah ditetapkan; periksa tahun dan bulannya");
    }

    frontmatter::check_body(&mut r.sink, &source.text, fm.body.clone());
    let has_errors = r.sink.has_errors();
    let line = |span: &Span| source.line_column(span.start).0;
    let lines = DecisionLines {
        nomor: nomor.as_ref().map_or(0, |n| line(&n.span)),
        tanggal: tanggal.as_ref().map_or(0, |t| line(&t.span)),
        tempat: tempat.as_ref().map(|t| line(&t.span)),
    };
    let located_nomor = nomor.clone();
    let decision = (|| {
        if has_errors {
            return None;
        }
        let (nama, jabatan, kapasitas, approved) = persetujuan?;
        let (tested, lembar, peserta) = uji?;
        Some(Decision {
            path: source.path.clone(),
            sha256: sha256.to_string(),
            slug: source::page_slug(&source.path, DIR),
            nomor: nomor?.value.trim().to_string(),
            tentang: tentang?.value,
            tanggal: tanggal?.value,
            tempat: tempat.map_or_else(|| config.tempat.clone(), |t| t.value),
            pejabat: pejabat?,
            persetujuan: Approval {
                nama,
                jabatan,
                kapasitas,
                tanggal: approved.value,
            },
            uji_konsekuensi: ConsequenceTest {
                tanggal: tested.value,
                nomor_lembar: lembar,
                peserta: peserta.into_iter().map(|p| p.value).collect(),
            },
            body: source.text[fm.body.clone()].to_string(),
            lines,
        })
    })();
    (decision, located_nomor, diagnostics)
}
