//! The incremental build behind watch mode. It keeps every record file as read, and a
//! [`RecordCache`] of every record's rendered outputs; a change re-reads and re-checks
//! only the files that changed, and renders the site the one way every command does
//! ([`render::render_site`]), which re-renders only the records not in the cache. A
//! configuration or theme change (or a new day) starts over. The result is byte for byte
//! what `daftar build` writes for the same files, and a failed rebuild leaves the last
//! good result in place.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use chrono::NaiveDate;
use rayon::prelude::*;

use super::events::Batch;
use crate::archive;
use crate::config::{CONTENT_DIR, Config};
use crate::decision::{self, Decisions};
use crate::diagnostic::{Diagnostic, SourceText};
use crate::render::cache::RecordCache;
use crate::render::sink::{ChunkedFiles, MemorySink, Sink};
use crate::render::theme::{self, Theme};
use crate::render::{self, Input};
use crate::site::{self, DateSource, FileResult, Report};
use crate::source;

/// The files of a good build, as served (never the reload script: that is added when
/// serving).
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub generation: u64,
    pub public: ChunkedFiles,
    pub internal: ChunkedFiles,
    /// Where the site lives on its host ("/dik/"): pages served at any address (404)
    /// link there, so the preview serves the public site there too.
    pub base_path: String,
}

impl Snapshot {
    /// The files a rebuild rendered into `sink`.
    pub fn of(sink: MemorySink, generation: u64, base_path: String) -> Snapshot {
        let (public, internal) = sink.into_chunks();
        Snapshot {
            generation,
            public,
            internal,
            base_path,
        }
    }
}

/// What a rebuild gave.
pub enum Outcome {
    /// A new good build, rendered into the sink given; the warnings it had.
    Built {
        /// Counts the good builds: the preview's pages reload when it changes.
        generation: u64,
        /// Where the site lives on its host (see [`Snapshot::base_path`]).
        base_path: String,
        report: Report,
        records: usize,
        rerendered: usize,
        took: Duration,
    },
    /// The files are not valid (or the theme cannot be used): the report says why; the
    /// previous snapshot stays.
    Failed { report: Report },
}

/// What identifies a file's bytes without reading them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    inode: u64,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            inode: std::os::unix::fs::MetadataExt::ino(&meta),
        })
    }
}

struct Kept {
    stamp: Option<Stamp>,
    result: FileResult,
}

/// Everything that all records' outputs depend on; when it changes, all are re-rendered.
struct Context {
    config: Config,
    build_date: NaiveDate,
    /// The decision files, read with the configuration; what reading them reported.
    decisions: Decisions,
    decision_report: Vec<Diagnostic>,
    decision_sources: Vec<Arc<SourceText>>,
    theme: Theme,
    /// The published versions (every page then links the change history, and each
    /// record's internal page lists the versions that hold it).
    versions: Vec<String>,
}

pub struct Engine {
    root: PathBuf,
    tanggal: Option<NaiveDate>,
    context: Option<Context>,
    files: BTreeMap<String, Kept>,
    /// The records' outputs rendered in the current context.
    rendered: RecordCache,
    /// What the last scan of content/ reported (ignored files, unreadable folders).
    discovered: Vec<Diagnostic>,
    generation: u64,
}

impl Engine {
    pub fn new(root: &Path, tanggal: Option<NaiveDate>) -> Engine {
        Engine {
            root: root.to_path_buf(),
            tanggal,
            context: None,
            files: BTreeMap::new(),
            rendered: RecordCache::default(),
            discovered: Vec::new(),
            generation: 0,
        }
    }

    /// The output folders of the current configuration.
    pub fn outputs(&self) -> Option<crate::config::Outputs> {
        self.context.as_ref().map(|c| c.config.outputs.clone())
    }

    /// Whether the build date has changed since the last build (a new day in the site's
    /// time zone): the statuses of records may have changed with it.
    pub fn day_changed(&self) -> bool {
        self.context.as_ref().is_some_and(|c| {
            DateSource::from_env(self.tanggal)
                .resolve(&c.config)
                .is_ok_and(|d| d != c.build_date)
        })
    }

    /// Starts over: configuration, theme and every file.
    pub fn rebuild_all(&mut self, sink: &dyn Sink) -> Outcome {
        self.rebuild(
            &Batch {
                everything: true,
                ..Batch::default()
            },
            sink,
        )
    }

    /// Rebuilds after the changes of `batch`, rendering into `sink` (which holds a
    /// partial site when the rebuild fails).
    pub fn rebuild(&mut self, batch: &Batch, sink: &dyn Sink) -> Outcome {
        let started = Instant::now();
        let dates = DateSource::from_env(self.tanggal);
        // The configuration: read again when it changed (or was never good).
        let (config, build_date, mut report) = match &self.context {
            Some(c) if !batch.everything => match dates.resolve(&c.config) {
                Ok(d) => (c.config.clone(), d, Report::default()),
                Err(d) => return failed(d),
            },
            _ => match site::config_and_date(&self.root, &dates) {
                Ok(s) => s,
                Err(report) => {
                    self.context = None;
                    return Outcome::Failed { report };
                }
            },
        };
        let new_day = self
            .context
            .as_ref()
            .is_some_and(|c| c.build_date != build_date);
        // The configuration and the date decide how records are checked: read all again.
        let reread_all = batch.everything || new_day || self.context.is_none();
        if reread_all || batch.theme {
            let theme = match theme::load(&self.root, &config.tema) {
                Ok(t) => t,
                Err(e) => {
                    e.report_into(&mut report);
                    self.context = None;
                    return Outcome::Failed { report };
                }
            };
            // Decisions are read with the configuration (a change to them is a change
            // to everything); a theme change keeps them.
            let (decisions, decision_report, decision_sources) =
                match self.context.take().filter(|_| !reread_all) {
                    Some(c) => (c.decisions, c.decision_report, c.decision_sources),
                    None => decision::load_all(&self.root, &config, build_date),
                };
            self.context = Some(Context {
                config: config.clone(),
                build_date,
                decisions,
                decision_report,
                decision_sources,
                theme,
                versions: Vec::new(),
            });
            self.rendered.clear();
        }
        let context = self.context.as_ref().expect("set above");
        report
            .diagnostics
            .extend(context.decision_report.iter().cloned());
        for s in &context.decision_sources {
            report.sources.insert(s.path.clone(), Arc::clone(s));
        }
        let decisions = context.decisions.clone();
        if reread_all {
            self.files.clear();
        }

        // Only known files changed in place (the usual save): read just those. Anything
        // else (a file added, removed or renamed, a folder moved) rescans content/.
        let in_place = !reread_all
            && !batch.content.is_empty()
            && batch
                .content
                .iter()
                .all(|p| self.files.contains_key(p) && self.root.join(p).is_file());
        let stale: Vec<(String, Option<Stamp>)> = if in_place {
            batch
                .content
                .iter()
                .map(|p| (p.clone(), Stamp::of(&self.root.join(p))))
                .collect()
        } else {
            let (paths, found) = source::discover(&self.root, CONTENT_DIR);
            self.discovered = found;
            let present: BTreeSet<&String> = paths.iter().collect();
            self.files.retain(|p, _| present.contains(p));
            paths
                .iter()
                .filter_map(|p| {
                    let stamp = Stamp::of(&self.root.join(p));
                    let changed = match self.files.get(p) {
                        None => true,
                        Some(k) => k.stamp != stamp || batch.content.contains(p),
                    };
                    changed.then(|| (p.clone(), stamp))
                })
                .collect()
        };
        report.diagnostics.extend(self.discovered.iter().cloned());
        if report.has_setup_errors() {
            report.sort();
            return Outcome::Failed { report };
        }
        let reread: Vec<(String, Option<Stamp>, FileResult)> = stale
            .into_par_iter()
            .map(|(p, stamp)| {
                let result = site::read_file(&self.root, &p, &config, &decisions, build_date);
                (p, stamp, result)
            })
            .collect();
        for (p, stamp, result) in reread {
            self.files.insert(p, Kept { stamp, result });
        }

        let files: Vec<(&str, &FileResult)> = self
            .files
            .iter()
            .map(|(p, k)| (p.as_str(), &k.result))
            .collect();
        let (site, mut report) =
            site::assemble(&self.root, config, build_date, decisions, report, &files);
        if report.has_errors() {
            return Outcome::Failed { report };
        }
        // The published versions, read every time (a publish is not a watched change);
        // their warnings come after the others, as in `daftar build`.
        let arsip = &site.config.outputs.arsip;
        let (history, warnings) = archive::history::load(&self.root.join(arsip), arsip);
        report.diagnostics.extend(warnings);
        let context = self.context.as_mut().expect("set above");
        let versions: Vec<String> = history.iter().map(|v| v.versi.clone()).collect();
        if context.versions != versions {
            context.versions = versions;
            self.rendered.clear();
        }
        let input = Input {
            site: &site,
            theme: &context.theme,
            notices: &report.diagnostics,
            history: &history,
        };
        match render::render_site(&input, Some(&self.rendered), sink) {
            Ok(rendered) => {
                self.generation += 1;
                Outcome::Built {
                    generation: self.generation,
                    base_path: crate::view::base_path(site.config.base_url.as_deref()),
                    records: rendered.records,
                    rerendered: rendered.rendered,
                    report,
                    took: started.elapsed(),
                }
            }
            Err(d) => {
                report.push(d);
                Outcome::Failed { report }
            }
        }
    }
}

fn failed(d: Diagnostic) -> Outcome {
    let mut report = Report::default();
    report.push(d);
    Outcome::Failed { report }
}
