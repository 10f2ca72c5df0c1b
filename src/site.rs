//! The whole site: configuration, build date and every record, with the checks that
//! span records (unique `nomor`, unique page addresses). Reading is parallel; the
//! result is in a deterministic order.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use rayon::prelude::*;

use crate::code::Code;
use crate::config::{self, CONTENT_DIR, Config};
use crate::decision::{self, Decisions};
use crate::diagnostic::{Diagnostic, Severity, SourceText};
use crate::record::{self, Record};
use crate::source;
use crate::toml_reader::Located;

/// Source texts of the files that have diagnostics, for printing snippets.
/// The files diagnostics point into, shared (a file is kept once however often it is reported).
pub type Sources = BTreeMap<String, Arc<SourceText>>;

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

    pub fn sort(&mut self) {
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
    /// The valid decision files, by number.
    pub decisions: Decisions,
    pub records: Vec<Arc<Record>>,
    /// Record files found, valid or not.
    pub files: usize,
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
    /// (so archives can be made reproducibly), else the clock. Call only after
    /// [`DateSource::resolve`] accepted the date, which keeps the instant in range.
    pub fn now_in(&self, config: &Config) -> chrono::DateTime<chrono::FixedOffset> {
        let instant = self
            .source_date_epoch
            .as_deref()
            .and_then(|raw| raw.trim().parse::<i64>().ok())
            .and_then(|s| DateTime::from_timestamp(s, 0))
            .filter(|i| local_date(*i, config).is_some_and(|d| BUILD_DATES.contains(&d)))
            .unwrap_or(self.now);
        instant.with_timezone(&config.zone.offset())
    }

    /// The build date in the site's zone, within [`BUILD_DATES`].
    pub fn resolve(&self, config: &Config) -> Result<NaiveDate, Diagnostic> {
        let out_of_range = |what: String| {
            Diagnostic::new(
                Severity::Error,
                Code::BuildDate,
                "",
                format!(
                    "{what} di luar rentang tanggal yang dapat dipakai ({} sampai {})",
                    crate::locale::date(*BUILD_DATES.start()),
                    crate::locale::date(*BUILD_DATES.end())
                ),
            )
            .with_hint("periksa tahunnya; tanggal pembuatan situs biasanya hari ini, misalnya --tanggal 2026-11-25")
        };
        if let Some(d) = self.tanggal {
            return if BUILD_DATES.contains(&d) {
                Ok(d)
            } else {
                Err(out_of_range(format!("tanggal pembuatan situs {d}")))
            };
        }
        let instant = match &self.source_date_epoch {
            // A number of seconds beyond chrono's calendar is out of range like any other.
            Some(raw) if raw.trim().parse::<i64>().is_ok_and(|s| DateTime::from_timestamp(s, 0).is_none()) => {
                return Err(out_of_range(format!("SOURCE_DATE_EPOCH `{}`", raw.trim())));
            }
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
        match local_date(instant, config) {
            Some(d) if BUILD_DATES.contains(&d) => Ok(d),
            _ => Err(out_of_range(match &self.source_date_epoch {
                Some(raw) => format!("SOURCE_DATE_EPOCH `{}`", raw.trim()),
                None => "tanggal jam komputer".to_string(),
            })),
        }
    }
}

/// The build dates daftar accepts: every date a record can hold (TOML's years 0000–9999
/// after 1970), so that every date computed from them stays in range.
pub const BUILD_DATES: std::ops::RangeInclusive<NaiveDate> = NaiveDate::from_ymd_opt(1970, 1, 1)
    .expect("a date")
    ..=NaiveDate::from_ymd_opt(9999, 12, 31).expect("a date");

/// The date of an instant in the site's zone; `None` beyond chrono's range.
fn local_date(instant: DateTime<Utc>, config: &Config) -> Option<NaiveDate> {
    instant
        .naive_utc()
        .checked_add_offset(config.zone.offset())
        .map(|t| t.date())
}

/// One record file as read and checked: the unit that watch mode keeps and re-reads.
#[derive(Debug, Clone)]
pub struct FileResult {
    pub record: Option<Arc<Record>>,
    pub nomor: Option<Located<String>>,
    /// `nomor` in lower case: two records may not share it.
    pub nomor_key: Option<String>,
    /// The address of the record's page, from the file's path.
    pub slug: String,
    pub diagnostics: Vec<Diagnostic>,
    /// The text, kept only when there is something to show from it.
    pub source: Option<Arc<SourceText>>,
    /// SHA-256 of the file's bytes, if it could be read.
    pub sha256: Option<String>,
}

/// Reads and checks one record file.
pub fn read_file(
    root: &Path,
    rel: &str,
    config: &Config,
    decisions: &Decisions,
    build_date: NaiveDate,
) -> FileResult {
    match source::read(root, rel) {
        Ok(file) => {
            let loaded = record::load(&file.source, &file.sha256, config, decisions, build_date);
            let keep = !loaded.diagnostics.is_empty();
            FileResult {
                record: loaded.record.map(Arc::new),
                nomor_key: loaded.nomor.as_ref().map(|n| n.value.to_lowercase()),
                nomor: loaded.nomor,
                slug: record::slug(rel, CONTENT_DIR),
                diagnostics: loaded.diagnostics,
                source: keep.then(|| Arc::new(file.source)),
                sha256: Some(file.sha256),
            }
        }
        Err(d) => FileResult {
            record: None,
            nomor: None,
            nomor_key: None,
            slug: record::slug(rel, CONTENT_DIR),
            diagnostics: vec![d],
            source: None,
            sha256: None,
        },
    }
}

/// What every record is checked against: the configuration, the build date and the
/// decisions; with what was found while reading them.
pub struct Setup {
    pub config: Config,
    pub build_date: NaiveDate,
    pub decisions: Decisions,
    pub report: Report,
}

/// The configuration, the build date and the decisions, or the report saying why they
/// are not usable. Problems of decision files are in the report; the site still loads.
pub fn setup(root: &Path, dates: &DateSource) -> Result<Setup, Report> {
    let (config, build_date, mut report) = config_and_date(root, dates)?;
    let (decisions, found, sources) = decision::load_all(root, &config, build_date);
    report.diagnostics.extend(found);
    // Every theme file is archived with the sources: its name must fit a bag.
    report
        .diagnostics
        .extend(source::unusable_names(root, crate::config::THEMES_DIR));
    report
        .sources
        .extend(sources.into_iter().map(|s| (s.path.clone(), s)));
    Ok(Setup {
        config,
        build_date,
        decisions,
        report,
    })
}

/// The configuration and the build date, or the report saying why they are not usable.
pub fn config_and_date(
    root: &Path,
    dates: &DateSource,
) -> Result<(Config, NaiveDate, Report), Report> {
    let mut report = Report::default();
    let (config, diagnostics, config_source) = config::load(root);
    let has_config_diagnostics = !diagnostics.is_empty();
    report.diagnostics.extend(diagnostics);
    if has_config_diagnostics && let Some(s) = config_source {
        report.sources.insert(s.path.clone(), Arc::new(s));
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
    decisions: Decisions,
    mut report: Report,
    files: &[(&str, &FileResult)],
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
    for (_, result) in files {
        report
            .diagnostics
            .extend(result.diagnostics.iter().cloned());
        if let Some(s) = &result.source {
            report.sources.insert(s.path.clone(), Arc::clone(s));
        }
    }
    let records = cross_checks(root, files, &mut report);
    report.sort();
    let site = Site {
        root: root.to_path_buf(),
        config,
        build_date,
        decisions,
        records,
        files: files.len(),
    };
    (site, report)
}

/// Loads the configuration and every record. `None` when the setup is broken (the
/// report then says why); otherwise the site with its valid records.
pub fn load(root: &Path, dates: &DateSource) -> (Option<Site>, Report) {
    let (loaded, report) = load_beside(root, dates, |_| ());
    (loaded.map(|(site, ())| site), report)
}

/// [`load`], with `beside` run on the configuration while the record files are read
/// (the command's other setup, such as compiling the theme, then costs no time).
pub fn load_beside<T: Send>(
    root: &Path,
    dates: &DateSource,
    beside: impl FnOnce(&Config) -> T + Send,
) -> (Option<(Site, T)>, Report) {
    let (loaded, report) = load_files(root, dates, beside);
    (loaded.map(|(site, _, extra)| (site, extra)), report)
}

/// Every record file's `nomor` where it could be read, valid or not: (file, nomor).
pub type Nomors = Vec<(String, String)>;

/// [`load`], and the `nomor` of every record file.
pub fn load_with_nomors(root: &Path, dates: &DateSource) -> (Option<(Site, Nomors)>, Report) {
    let (loaded, report) = load_files(root, dates, |_| ());
    let with_nomors = |(site, files, ()): (Site, Files, ())| {
        let nomors = files
            .into_iter()
            .filter_map(|(path, r)| r.nomor.map(|n| (path, n.value)))
            .collect();
        (site, nomors)
    };
    (loaded.map(with_nomors), report)
}

/// Every record file as read and checked, in path order: (file, result).
type Files = Vec<(String, FileResult)>;

/// The site, and every record file as read and checked (in path order, on every core),
/// with what `beside` made from the configuration meanwhile.
fn load_files<T: Send>(
    root: &Path,
    dates: &DateSource,
    beside: impl FnOnce(&Config) -> T + Send,
) -> (Option<(Site, Files, T)>, Report) {
    let Setup {
        config,
        build_date,
        decisions,
        mut report,
    } = match setup(root, dates) {
        Ok(s) => s,
        Err(report) => return (None, report),
    };
    let (paths, found) = source::discover(root, CONTENT_DIR);
    report.diagnostics.extend(found);
    if report.has_setup_errors() {
        report.sort();
        return (None, report);
    }
    let (extra, files) = rayon::join(
        || beside(&config),
        || {
            paths
                .par_iter()
                .map(|rel| {
                    let result = read_file(root, rel, &config, &decisions, build_date);
                    crate::progress::record_read();
                    (rel.clone(), result)
                })
                .collect::<Vec<_>>()
        },
    );
    let refs: Vec<(&str, &FileResult)> = files.iter().map(|(p, r)| (p.as_str(), r)).collect();
    let (site, report) = assemble(root, config, build_date, decisions, report, &refs);
    (Some((site, files, extra)), report)
}

/// Page addresses the public site and the internal index use for their own pages;
/// `internal` is where the preview serves the internal index.
pub const RESERVED_SLUGS: &[&str] = &[
    "berakhir",
    "tentang",
    "riwayat",
    "keputusan",
    "internal",
    "sop",
    "kepatuhan",
];

/// Unique `nomor` (ignoring letter case) and unique page addresses, checked by sorting
/// (the first file found keeps a `nomor` or address; the later ones get an error).
/// Returns the valid records that passed, in `nomor` order.
fn cross_checks(
    root: &Path,
    files: &[(&str, &FileResult)],
    report: &mut Report,
) -> Vec<Arc<Record>> {
    let mut rejected = vec![false; files.len()];
    let mut by_slug: Vec<(&str, usize)> = files
        .iter()
        .enumerate()
        .map(|(i, (_, r))| (r.slug.as_str(), i))
        .collect();
    by_slug.sort_unstable();
    let mut first: Option<(&str, &str)> = None;
    for (slug, i) in by_slug {
        let path = files[i].0;
        if let Some(d) = source::slug_too_long(slug, path, "") {
            report.push(d);
            rejected[i] = true;
            continue;
        }
        if RESERVED_SLUGS.contains(&slug) {
            report.push(
                Diagnostic::new(
                    Severity::Error,
                    Code::SlugReserved,
                    path,
                    format!("alamat halaman `{slug}/` dipakai situs untuk halamannya sendiri"),
                )
                .with_hint("ganti nama berkas ini; nama `berakhir`, `tentang`, `riwayat`, dan `keputusan` dipakai halaman situs, `sop` dan `kepatuhan` dipakai indeks internal, dan `internal` dipakai pratinjau untuk indeks internal"),
            );
            rejected[i] = true;
            continue;
        }
        match first {
            Some((taken, by)) if taken == slug => {
                report.push(
                    Diagnostic::new(
                        Severity::Error,
                        Code::SlugDuplicate,
                        path,
                        format!("alamat halaman `{slug}/` sudah dipakai oleh {by}"),
                    )
                    .with_hint("alamat dibentuk dari nama berkas (huruf kecil, selain huruf dan angka menjadi `-`); ganti nama salah satu berkas"),
                );
                rejected[i] = true;
            }
            _ => first = Some((slug, path)),
        }
    }

    let mut by_nomor: Vec<(&str, usize)> = files
        .iter()
        .enumerate()
        .filter_map(|(i, (_, r))| Some((r.nomor_key.as_deref()?, i)))
        .collect();
    by_nomor.sort_unstable();
    let mut first: Option<(&str, &str)> = None;
    for &(key, i) in &by_nomor {
        let path = files[i].0;
        match first {
            Some((taken, by)) if taken == key => {
                let nomor = files[i].1.nomor.as_ref().expect("a key comes from a nomor");
                let source = source_for(root, path, report);
                report.push(
                    Diagnostic::at(
                        Severity::Error,
                        Code::NomorDuplicate,
                        &source,
                        nomor.span.clone(),
                        format!("nomor `{}` sudah dipakai oleh {by}", nomor.value),
                    )
                    .with_hint(
                        "setiap catatan memiliki nomor sendiri (huruf besar dan kecil dianggap sama)",
                    ),
                );
                rejected[i] = true;
            }
            _ => first = Some((key, path)),
        }
    }
    // What is left has one file per `nomor`.
    by_nomor
        .into_iter()
        .filter(|&(_, i)| !rejected[i])
        .filter_map(|(_, i)| files[i].1.record.clone())
        .collect()
}

/// The source text of a file for a site-wide diagnostic, kept for printing.
fn source_for(root: &Path, path: &str, report: &mut Report) -> Arc<SourceText> {
    if let Some(s) = report.sources.get(path) {
        return Arc::clone(s);
    }
    let text = std::fs::read_to_string(root.join(path)).unwrap_or_default();
    let source = Arc::new(SourceText::new(path, text));
    report.sources.insert(path.to_string(), Arc::clone(&source));
    source
}
