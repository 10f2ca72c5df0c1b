//! The pages and files that list every record (the register, the ended exemptions, the
//! internal index, the exports), assembled from the records' fragments in record order,
//! and the site's other pages. Fragments are written as they come, so a build need not
//! hold the whole site in memory.

use std::collections::{BTreeSet, HashMap};
use std::io::{Read, Seek, Write};

use serde::Serialize;
use tempfile::SpooledTempFile;
use tera::Context;

use super::exports;
use super::fragments::{RecordOutputs, Renderer};
use super::minify;
use super::sink::{Output, Sink, io_error};
use super::skeleton::{Skeleton, numbered, slot};
use super::theme::Target;
use crate::archive::VersionInfo;
use crate::archive::history::{self, InternalVersionView, VersionView};
use crate::diagnostic::{Diagnostic, Severity, Tally};
use crate::locale;
use crate::record::{Status, pasal};
use crate::sop::{Closing, SopHeader, SopStep};
use crate::view::{NoticeView, StepTotal, count_status, step_totals};

#[derive(Serialize)]
struct HurufOption {
    huruf: char,
    alasan: &'static str,
}

#[derive(Serialize)]
struct Totals {
    catatan: usize,
    berlaku: usize,
    berakhir: usize,
    peringatan: usize,
    langkah_melebihi: usize,
    catatan_melebihi: usize,
}

#[derive(Serialize)]
struct SopView<'a> {
    nomor: &'a str,
    nama: &'a str,
    header: &'a SopHeader,
    langkah: &'a [SopStep],
    penutup: Closing,
    total_mutu_baku: String,
    melebihi_mutu_baku: &'static str,
}

/// What the aggregate pages need to know before the first row: counts, the filter
/// choices, totals, warnings and versions (all cheap to compute from the records).
pub struct Summary {
    berlaku: usize,
    berakhir: usize,
    huruf_list: Vec<HurufOption>,
    unit_list: Vec<String>,
    totals: Totals,
    step_totals: Vec<StepTotal>,
    notices: Vec<NoticeView>,
    versions: Vec<VersionView>,
    internal_versions: Vec<InternalVersionView>,
}

impl Summary {
    pub fn new(renderer: &Renderer, notices: &[Diagnostic], history: &[VersionInfo]) -> Self {
        let site = renderer.site;
        let config = &site.config;
        let records = &site.records;
        let huruf: BTreeSet<char> = records
            .iter()
            .flat_map(|r| r.pasal_17.iter().map(|p| p.huruf))
            .collect();
        let over = |r: &std::sync::Arc<crate::record::Record>| {
            r.langkah
                .iter()
                .filter(|s| {
                    config
                        .sop
                        .step(s.no)
                        .is_some_and(|st| s.menit > st.mutu_baku_menit)
                })
                .count()
        };
        Summary {
            berlaku: count_status(records, Status::Berlaku),
            berakhir: count_status(records, Status::Berakhir),
            huruf_list: huruf
                .into_iter()
                .map(|h| HurufOption {
                    huruf: h,
                    alasan: pasal::ground(h),
                })
                .collect(),
            unit_list: records
                .iter()
                .map(|r| r.unit.clone())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect(),
            totals: Totals {
                catatan: records.len(),
                berlaku: count_status(records, Status::Berlaku),
                berakhir: count_status(records, Status::Berakhir),
                peringatan: Tally::of(notices).warnings,
                langkah_melebihi: records.iter().map(over).sum(),
                catatan_melebihi: records.iter().filter(|r| over(r) > 0).count(),
            },
            step_totals: step_totals(records, config),
            notices: notices.iter().map(NoticeView::from).collect(),
            versions: history::views(history, config.zone),
            internal_versions: history::internal_views(
                history,
                config.zone,
                &config.outputs.internal,
                &config.outputs.arsip,
            ),
        }
    }
}

/// A page being written from its skeleton: the rows of the slot being written go
/// straight out; rows for a later slot wait in a spool (memory, then disk).
struct SlotWriter {
    name: String,
    skeleton: Skeleton,
    out: Box<dyn Output>,
    next: usize,
    current: Option<String>,
    waiting: HashMap<String, SpooledTempFile>,
}

const SPOOL_IN_MEMORY: usize = 32 << 20;

impl SlotWriter {
    fn open(
        sink: &dyn Sink,
        target: Target,
        name: &str,
        skeleton: Skeleton,
    ) -> Result<Self, Diagnostic> {
        let mut out = sink.stream(target, name)?;
        let (current, next) = match skeleton
            .write_to_next_slot(0, &mut out)
            .map_err(|e| io_error(name, e))?
        {
            Some((slot, next)) => (Some(slot), next),
            None => (None, usize::MAX),
        };
        Ok(SlotWriter {
            name: name.to_string(),
            skeleton,
            out,
            next,
            current,
            waiting: HashMap::new(),
        })
    }

    fn write(&mut self, slot: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let result = if self.current.as_deref() == Some(slot) {
            self.out.write_all(bytes)
        } else {
            self.waiting
                .entry(slot.to_string())
                .or_insert_with(|| SpooledTempFile::new(SPOOL_IN_MEMORY))
                .write_all(bytes)
        };
        result.map_err(|e| io_error(&self.name, e))
    }

    fn finish(mut self) -> Result<(), Diagnostic> {
        let name = self.name.clone();
        let err = |e| io_error(&name, e);
        while self.next != usize::MAX {
            match self
                .skeleton
                .write_to_next_slot(self.next, &mut self.out)
                .map_err(err)?
            {
                Some((slot, next)) => {
                    if let Some(mut spool) = self.waiting.remove(&slot) {
                        spool.rewind().map_err(err)?;
                        let mut buf = Vec::new();
                        spool.read_to_end(&mut buf).map_err(err)?;
                        self.out.write_all(&buf).map_err(err)?;
                    }
                    self.next = next;
                }
                None => self.next = usize::MAX,
            }
        }
        self.out.finish()
    }
}

/// The aggregate outputs, open for the records' fragments in record order.
pub struct Aggregates {
    index: SlotWriter,
    ended: SlotWriter,
    internal: SlotWriter,
    json: Box<dyn Output>,
    csv: Box<dyn Output>,
    atom: Box<dyn Output>,
    sitemap: Option<Box<dyn Output>>,
    counts: (usize, usize, usize),
}

fn put(out: &mut Box<dyn Output>, name: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
    out.write_all(bytes).map_err(|e| io_error(name, e))
}

impl Aggregates {
    pub fn open(
        renderer: &Renderer,
        sink: &dyn Sink,
        summary: &Summary,
    ) -> Result<Self, Diagnostic> {
        let theme = renderer.theme;
        let view = &renderer.view;
        let config = &renderer.site.config;
        let offset = config.zone.offset();

        let mut ctx = renderer.context("", "daftar");
        ctx.insert("jumlah_berlaku", &summary.berlaku);
        ctx.insert("jumlah_berakhir", &summary.berakhir);
        ctx.insert("huruf_list", &summary.huruf_list);
        ctx.insert("unit_list", &summary.unit_list);
        ctx.insert("baris_berlaku", &slot("berlaku"));
        ctx.insert("baris_berakhir", &slot("berakhir"));
        let index = SlotWriter::open(
            sink,
            Target::Public,
            "index.html",
            Skeleton::render(theme, "public/index.html", &ctx)?,
        )?;

        let mut ctx = renderer.context("../", "berakhir");
        ctx.insert("jumlah", &summary.berakhir);
        ctx.insert("baris", &slot("baris"));
        let ended = SlotWriter::open(
            sink,
            Target::Public,
            "berakhir/index.html",
            Skeleton::render(theme, "public/ended.html", &ctx)?,
        )?;

        let mut ctx = internal_context(renderer, summary, "");
        ctx.insert("baris", &slot("baris"));
        ctx.insert("bagian", &slot("bagian"));
        let internal = SlotWriter::open(
            sink,
            Target::Internal,
            "index.html",
            Skeleton::render(theme, "internal/index.html", &ctx)?,
        )?;

        let mut json = sink.stream(Target::Public, "dik.json")?;
        put(
            &mut json,
            "dik.json",
            exports::json_head(view, renderer.site.records.len()).as_bytes(),
        )?;
        let mut csv = sink.stream(Target::Public, "dik.csv")?;
        put(&mut csv, "dik.csv", &exports::csv_head())?;
        let mut atom = sink.stream(Target::Public, "atom.xml")?;
        put(
            &mut atom,
            "atom.xml",
            exports::atom_head(view, offset).as_bytes(),
        )?;
        for v in &summary.versions {
            put(
                &mut atom,
                "atom.xml",
                exports::atom_version(view, offset, v).as_bytes(),
            )?;
        }
        let sitemap = match &view.base_url {
            Some(base) => {
                let mut out = sink.stream(Target::Public, "sitemap.xml")?;
                let mut pages = vec!["berakhir/", "tentang/"];
                if renderer.has_history {
                    pages.push("riwayat/");
                }
                let head = exports::sitemap_head(base, &view.tanggal_pembangunan_iso, &pages);
                put(&mut out, "sitemap.xml", head.as_bytes())?;
                Some(out)
            }
            None => None,
        };
        Ok(Aggregates {
            index,
            ended,
            internal,
            json,
            csv,
            atom,
            sitemap,
            counts: (0, 0, 0),
        })
    }

    /// Adds the next record (in record order).
    pub fn push(&mut self, o: &RecordOutputs) -> Result<(), Diagnostic> {
        let (berlaku, berakhir, all) = &mut self.counts;
        *all += 1;
        match o.status {
            Status::Berlaku => {
                *berlaku += 1;
                self.index
                    .write("berlaku", numbered(&o.index_row, *berlaku).as_bytes())?;
            }
            Status::Berakhir => {
                *berakhir += 1;
                self.index
                    .write("berakhir", numbered(&o.index_row, *berakhir).as_bytes())?;
                if let Some(row) = &o.ended_row {
                    self.ended
                        .write("baris", numbered(row, *berakhir).as_bytes())?;
                }
            }
        }
        self.internal
            .write("baris", numbered(&o.internal_row, *all).as_bytes())?;
        self.internal
            .write("bagian", o.internal_section.as_bytes())?;
        let separator = if *all == 1 { "\n" } else { ",\n" };
        put(&mut self.json, "dik.json", separator.as_bytes())?;
        put(&mut self.json, "dik.json", o.json.as_bytes())?;
        put(&mut self.csv, "dik.csv", &o.csv)?;
        put(&mut self.atom, "atom.xml", o.atom.as_bytes())?;
        if let (Some(out), Some(url)) = (&mut self.sitemap, &o.sitemap) {
            put(out, "sitemap.xml", url.as_bytes())?;
        }
        Ok(())
    }

    pub fn finish(mut self) -> Result<(), Diagnostic> {
        self.index.finish()?;
        self.ended.finish()?;
        self.internal.finish()?;
        put(&mut self.json, "dik.json", exports::JSON_TAIL.as_bytes())?;
        self.json.finish()?;
        self.csv.finish()?;
        put(&mut self.atom, "atom.xml", exports::ATOM_TAIL.as_bytes())?;
        self.atom.finish()?;
        if let Some(mut out) = self.sitemap {
            put(&mut out, "sitemap.xml", exports::SITEMAP_TAIL.as_bytes())?;
            out.finish()?;
        }
        Ok(())
    }
}

fn internal_context(renderer: &Renderer, summary: &Summary, root: &str) -> Context {
    let config = &renderer.site.config;
    let sop = SopView {
        nomor: &config.sop.nomor,
        nama: &config.sop.nama,
        header: &config.sop.header,
        langkah: &config.sop.steps,
        penutup: config.sop.closing,
        total_mutu_baku: locale::minutes(config.sop.total_standard_minutes().into()),
        melebihi_mutu_baku: match config.sop.over_standard {
            Severity::Error => "galat",
            Severity::Warning => "peringatan",
        },
    };
    let mut ctx = renderer.context(root, "internal");
    ctx.insert("sop", &sop);
    ctx.insert("langkah_total", &summary.step_totals);
    ctx.insert("totals", &summary.totals);
    ctx.insert("notices", &summary.notices);
    ctx.insert("versi", &summary.internal_versions);
    ctx
}

/// The pages that do not list records one by one, and the theme's assets.
pub fn site_pages(
    renderer: &Renderer,
    sink: &dyn Sink,
    summary: &Summary,
) -> Result<(), Diagnostic> {
    let theme = renderer.theme;
    let view = &renderer.view;
    let page = |target: Target, path: &str, template: &str, ctx: &Context| {
        let html = theme.render(template, ctx)?;
        sink.file(target, path, minify::html(&html))
    };
    page(
        Target::Public,
        "tentang/index.html",
        "public/about.html",
        &renderer.context("../", "tentang"),
    )?;
    // Served for any missing address, so its links start from the site's own path.
    page(
        Target::Public,
        "404.html",
        "public/404.html",
        &renderer.context(&view.base_path(), "404"),
    )?;
    if renderer.has_history {
        let mut ctx = renderer.context("../", "riwayat");
        ctx.insert("versi", &summary.versions);
        page(
            Target::Public,
            "riwayat/index.html",
            "public/history.html",
            &ctx,
        )?;
    }
    page(
        Target::Internal,
        "sop/index.html",
        "internal/sop.html",
        &internal_context(renderer, summary, "../"),
    )?;
    sink.file(
        Target::Public,
        "dik.schema.json",
        exports::SCHEMA.as_bytes().to_vec(),
    )?;
    sink.file(
        Target::Public,
        "robots.txt",
        exports::robots(view.base_url.as_deref()),
    )?;
    for ((target, path), bytes) in &theme.assets {
        sink.file(*target, path, bytes.clone())?;
    }
    Ok(())
}
