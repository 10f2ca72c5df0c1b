//! The whole site: configuration, build date and every record, with the checks that
//! span records (unique `nomor`, unique page addresses). Reading is parallel; the
//! result is in a deterministic order.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use rayon::prelude::*;

use crate::code::Code;
use crate::config::{self, CONTENT_DIR, Config};
use crate::diagnostic::{Diagnostic, Severity, SourceText};
use crate::record::{self, Record};
use crate::source;
use crate::toml_reader::Located;

/// Source texts of the files that have diagnostics, for printing snippets.
pub type Sources = BTreeMap<String, SourceText>;

/// Everything found while loading, good or bad.
#[derive(Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Sources,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// A problem with the setup (configuration, folders, build date): exit code 2.
    pub fn has_setup_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.is_error() && (d.code.is_setup_problem() || d.file == config::FILE_NAME))
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    fn sort(&mut self) {
        self.diagnostics
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    }
}

/// A site whose configuration could be read. `records` holds the valid records only,
/// sorted by `nomor`.
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub build_date: NaiveDate,
    pub records: Vec<Arc<Record>>,
    /// Record files found, valid or not.
    pub files: usize,
    /// Every record file's `nomor` where it could be read, valid or not: (file, nomor).
    pub nomors: Vec<(String, String)>,
}

impl Site {
    pub fn output_dir(&self, folder: &str) -> PathBuf {
        self.root.join(folder)
    }
}

/// How the build date was given (`--tanggal`, else `SOURCE_DATE_EPOCH`, else today).
pub struct DateSource {
    pub tanggal: Option<NaiveDate>,
    pub source_date_epoch: Option<String>,
    pub now: DateTime<Utc>,
}

impl DateSource {
    pub fn from_env(tanggal: Option<NaiveDate>) -> Self {
        DateSource {
            tanggal,
            // Set but empty counts as unset, as in most build tools.
            source_date_epoch: std::env::var("SOURCE_DATE_EPOCH")
                .ok()
                .filter(|v| !v.trim().is_empty()),
            now: Utc::now(),
        }
    }

    /// The moment of a publication in the site's zone: `SOURCE_DATE_EPOCH` when set
    /// (so archives can be made reproducibly), else the clock.
    pub fn now_in(&self, config: &Config) -> chrono::DateTime<chrono::FixedOffset> {
        let instant = self
            .source_date_epoch
            .as_deref()
            .and_then(|raw| raw.trim().parse::<i64>().ok())
            .and_then(|s| DateTime::from_timestamp(s, 0))
            .unwrap_or(self.now);
        instant.with_timezone(&config.zone.offset())
    }

    /// The build date in the site's zone.
    pub fn resolve(&self, config: &Config) -> Result<NaiveDate, Diagnostic> {
        if let Some(d) = self.tanggal {
            return Ok(d);
        }
        let instant = match &self.source_date_epoch {
            Some(raw) => raw
                .trim()
                .parse::<i64>()
                .ok()
                .and_then(|s| DateTime::from_timestamp(s, 0))
                .ok_or_else(|| {
                    Diagnostic::new(
                        Severity::Error,
                        Code::BuildDate,
                        "",
                        format!("SOURCE_DATE_EPOCH `{raw}` bukan jumlah detik sejak 1970-01-01"),
                    )
                    .with_hint("isi dengan bilangan bulat, misalnya SOURCE_DATE_EPOCH=1764028800, atau pakai --tanggal 2026-11-25")
                })?,
            None => self.now,
        };
        Ok(instant.with_timezone(&config.zone.offset()).date_naive())
    }
}

/// One record file as read and checked: the unit that watch mode keeps and re-reads.
#[derive(Debug, Clone)]
pub struct FileResult {
    pub record: Option<Arc<Record>>,
    pub nomor: Option<Located<String>>,
    pub diagnostics: Vec<Diagnostic>,
    /// The text, kept only when there is something to show from it.
    pub source: Option<SourceText>,
    /// SHA-256 of the file's bytes, if it could be read.
    pub sha256: Option<String>,
}

/// Reads and checks one record file.
pub fn read_file(root: &Path, rel: &str, config: &Config, build_date: NaiveDate) -> FileResult {
    match source::read(root, rel) {
        Ok(file) => {
            let loaded = record::load(&file.source, &file.sha256, config, build_date);
            let keep = !loaded.diagnostics.is_empty();
            FileResult {
                record: loaded.record.map(Arc::new),
                nomor: loaded.nomor,
                diagnostics: loaded.diagnostics,
                source: keep.then_some(file.source),
                sha256: Some(file.sha256),
            }
        }
        Err(d) => FileResult {
            record: None,
            nomor: None,
            diagnostics: vec![d],
            source: None,
            sha256: None,
        },
    }
}

/// The configuration and the build date, or the report saying why they are not usable.
pub fn setup(root: &Path, dates: &DateSource) -> Result<(Config, NaiveDate, Report), Report> {
    let mut report = Report::default();
    let (config, diagnostics, config_source) = config::load(root);
    let has_config_diagnostics = !diagnostics.is_empty();
    report.diagnostics.extend(diagnostics);
    if has_config_diagnostics && let Some(s) = config_source {
        report.sources.insert(s.path.clone(), s);
    }
    let Some(config) = config else {
        return Err(report);
    };
    match dates.resolve(&config) {
        Ok(d) => Ok((config, d, report)),
        Err(d) => {
            report.push(d);
            Err(report)
        }
    }
}

/// The site from its record files as read (in path order), with the checks across
/// records. `report` holds what came before (configuration, discovery).
pub fn assemble(
    root: &Path,
    config: Config,
    build_date: NaiveDate,
    mut report: Report,
    files: &[(String, FileResult)],
) -> (Site, Report) {
    if files.is_empty() {
        report.push(
            Diagnostic::new(
                Severity::Warning,
                Code::NoRecords,
                CONTENT_DIR,
                "belum ada catatan di content/",
            )
            .with_hint("buat catatan baru dengan `daftar new --judul \"...\"`"),
        );
    }
    let mut records: Vec<Arc<Record>> = Vec::with_capacity(files.len());
    let mut nomors: Vec<(String, Located<String>)> = Vec::new();
    for (rel, result) in files {
        report
            .diagnostics
            .extend(result.diagnostics.iter().cloned());
        if let Some(s) = &result.source {
            report.sources.insert(s.path.clone(), s.clone());
        }
        if let Some(n) = &result.nomor {
            nomors.push((rel.clone(), n.clone()));
        }
        records.extend(result.record.iter().cloned());
    }
    let paths: Vec<String> = files.iter().map(|(p, _)| p.clone()).collect();
    let rejected = cross_checks(root, &paths, &nomors, &mut report);
    records.retain(|r| !rejected.contains(&r.path));
    records.sort_by(|a, b| {
        a.nomor
            .to_lowercase()
            .cmp(&b.nomor.to_lowercase())
            .then_with(|| a.path.cmp(&b.path))
    });
    report.sort();
    let site = Site {
        root: root.to_path_buf(),
        config,
        build_date,
        records,
        files: files.len(),
        nomors: nomors.into_iter().map(|(f, n)| (f, n.value)).collect(),
    };
    (site, report)
}

/// Loads the configuration and every record. `None` when the setup is broken (the
/// report then says why); otherwise the site with its valid records.
pub fn load(root: &Path, dates: &DateSource) -> (Option<Site>, Report) {
    let (config, build_date, mut report) = match setup(root, dates) {
        Ok(s) => s,
        Err(report) => return (None, report),
    };
    let (paths, found) = source::discover(root, CONTENT_DIR);
    report.diagnostics.extend(found);
    if report.has_setup_errors() {
        report.sort();
        return (None, report);
    }
    let files: Vec<(String, FileResult)> = paths
        .par_iter()
        .map(|rel| (rel.clone(), read_file(root, rel, &config, build_date)))
        .collect();
    let (site, report) = assemble(root, config, build_date, report, &files);
    (Some(site), report)
}

/// Page addresses the public site uses for its own pages.
pub const RESERVED_SLUGS: &[&str] = &["berakhir", "tentang", "riwayat"];

/// Unique `nomor` (ignoring letter case) and unique page addresses. Returns the files
/// that got an error here.
fn cross_checks(
    root: &Path,
    paths: &[String],
    nomors: &[(String, Located<String>)],
    report: &mut Report,
) -> Vec<String> {
    let mut rejected = Vec::new();
    let mut first_nomor: HashMap<String, &str> = HashMap::new();
    for (path, nomor) in nomors {
        let key = nomor.value.to_lowercase();
        let Some(first) = first_nomor.get(&key).copied() else {
            first_nomor.insert(key, path);
            continue;
        };
        let source = source_for(root, path, report);
        report.push(
            Diagnostic::at(
                Severity::Error,
                Code::NomorDuplicate,
                &source,
                nomor.span.clone(),
                format!("nomor `{}` sudah dipakai oleh {first}", nomor.value),
            )
            .with_hint(
                "setiap catatan memiliki nomor sendiri (huruf besar dan kecil dianggap sama)",
            ),
        );
        rejected.push(path.clone());
    }
    let mut first_slug: HashMap<String, &str> = HashMap::new();
    for path in paths {
        let slug = record::slug(path, CONTENT_DIR);
        if RESERVED_SLUGS.contains(&slug.as_str()) {
            report.push(
                Diagnostic::new(
                    Severity::Error,
                    Code::SlugReserved,
                    path,
                    format!("alamat halaman `{slug}/` dipakai situs untuk halamannya sendiri"),
                )
                .with_hint("ganti nama berkas ini; nama `berakhir`, `tentang`, dan `riwayat` dipakai halaman situs"),
            );
            rejected.push(path.clone());
            continue;
        }
        let Some(first) = first_slug.get(&slug).copied() else {
            first_slug.insert(slug, path);
            continue;
        };
        report.push(
            Diagnostic::new(
                Severity::Error,
                Code::SlugDuplicate,
                path,
                format!("alamat halaman `{slug}/` sudah dipakai oleh {first}"),
            )
            .with_hint("alamat dibentuk dari nama berkas (huruf kecil, selain huruf dan angka menjadi `-`); ganti nama salah satu berkas"),
        );
        rejected.push(path.clone());
    }
    rejected
}

/// The source text of a file for a site-wide diagnostic, kept for printing.
fn source_for(root: &Path, path: &str, report: &mut Report) -> SourceText {
    if let Some(s) = report.sources.get(path) {
        return s.clone();
    }
    let text = std::fs::read_to_string(root.join(path)).unwrap_or_default();
    let source = SourceText::new(path, text);
    report.sources.insert(path.to_string(), source.clone());
    source
}
