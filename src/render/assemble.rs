//! The pages and files that list every record (the register, the ended exemptions, the
//! internal index, the exports), assembled from the records' fragments in record order,
//! and the site's other pages. Fragments are written as they come, so a build need not
//! hold the whole site in memory.

use std::collections::{BTreeSet, HashMap};

use bytes::Bytes;
use serde::Serialize;
use tera::Context;

use super::exports;
use super::fragments::{RecordOutputs, Renderer};
use super::internal_pages::{InternalPages, PAGED_ASSETS};
use super::paging::Paging;
use super::register::RegisterPages;
use super::sink::{Output, Sink};
use super::skeleton::{Numbers, Skeleton};
use super::slots::SlotWriter;
use super::theme::Target;
use crate::compliance::Compliance;
use crate::decision::Decisions;
use crate::diagnostic::{Diagnostic, Tally};
use crate::record::{Status, pasal};
use crate::version::VersionInfo;
use crate::version_view::{self, InternalVersionView, VersionView};
use crate::view::{DecisionView, NoticeView, SopView, StepTotal, UpdatedView, sop_tally};

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
    /// Records in force whose term ends within the compliance page's window.
    segera_berakhir: usize,
    /// Records whose term ended without a recorded opening.
    berakhir_tanpa_penetapan: usize,
}

/// What the aggregate pages need to know before the first row: counts, the filter
/// choices, totals, warnings and versions (all cheap to compute from the records).
pub struct Summary {
    /// The decisions, by date, with how many records each establishes.
    decisions: Vec<(DecisionView, usize)>,
    /// Each decision's body as HTML, in the same order.
    decision_bodies: Vec<Option<String>>,
    berlaku: usize,
    berakhir: usize,
    huruf_list: Vec<HurufOption>,
    unit_list: Vec<String>,
    totals: Totals,
    step_totals: Vec<StepTotal>,
    notices: Vec<NoticeView>,
    compliance: Compliance,
    versions: Vec<VersionView>,
    internal_versions: Vec<InternalVersionView>,
    /// When the register last changed, for the footer of the pages that show it.
    diperbarui: Option<UpdatedView>,
}

impl Summary {
    pub fn new(renderer: &Renderer, notices: &[Diagnostic], history: &[VersionInfo]) -> Self {
        let site = renderer.site;
        let config = &site.config;
        let records = &site.records;
        // One pass over the records for the counts and the filter choices.
        let (mut berlaku, mut berakhir) = (0, 0);
        let mut huruf = BTreeSet::new();
        let mut units = BTreeSet::new();
        for r in records {
            if r.status.is_open() {
                berakhir += 1;
            } else {
                berlaku += 1;
            }
            huruf.extend(r.pasal_17.iter().map(|p| p.huruf));
            units.insert(r.unit.as_str());
        }
        let sop = sop_tally(records, config);
        let compliance = Compliance::new(records, config, site.build_date);
        let slugs: HashMap<&str, &str> = records
            .iter()
            .map(|r| (r.path.as_str(), r.slug.as_str()))
            .collect();
        let mut per_decision: HashMap<String, usize> = HashMap::new();
        for r in records {
            if let Some(d) = &r.keputusan {
                *per_decision.entry(Decisions::key(&d.nomor)).or_default() += 1;
            }
        }
        let mut by_date: Vec<_> = site.decisions.iter().collect();
        by_date.sort_by(|a, b| (a.tanggal, &a.nomor).cmp(&(b.tanggal, &b.nomor)));
        let decision_bodies = by_date
            .iter()
            .map(|d| crate::markdown::to_html(&d.body))
            .collect();
        let decisions = by_date
            .into_iter()
            .map(|d| {
                let count = per_decision.get(&Decisions::key(&d.nomor)).copied();
                (DecisionView::new(d), count.unwrap_or(0))
            })
            .collect();
        Summary {
            diperbarui: UpdatedView::register(site),
            decisions,
            decision_bodies,
            berlaku,
            berakhir,
            huruf_list: huruf
                .into_iter()
                .map(|h| HurufOption {
                    huruf: h,
                    alasan: pasal::summary(h, None),
                })
                .collect(),
            unit_list: units.into_iter().map(str::to_string).collect(),
            totals: Totals {
                catatan: records.len(),
                berlaku,
                berakhir,
                peringatan: Tally::of(notices).warnings,
                langkah_melebihi: sop.steps_over,
                catatan_melebihi: sop.records_over,
                segera_berakhir: compliance.segera_berakhir.len(),
                berakhir_tanpa_penetapan: compliance.berakhir.len(),
            },
            step_totals: sop.steps,
            notices: notices
                .iter()
                .map(|d| NoticeView::new(d, slugs.get(d.file.as_str()).copied()))
                .collect(),
            compliance,
            versions: version_view::views(history, config.zone),
            internal_versions: version_view::internal_views(
                history,
                config.zone,
                &config.outputs.internal,
                &config.outputs.arsip,
            ),
        }
    }
}

/// The aggregate outputs, open for the records' fragments in record order: the public
/// lists and exports on one side, the internal index on the other, filled side by side.
pub struct Aggregates<'s> {
    public: PublicLists<'s>,
    internal: InternalList<'s>,
}

/// The register, the ended exemptions and the exports.
struct PublicLists<'s> {
    sink: &'s dyn Sink,
    numbers: &'s Numbers,
    index: RegisterPages<'s>,
    ended: SlotWriter,
    json: Box<dyn Output>,
    csv: Box<dyn Output>,
    atom: Box<dyn Output>,
    sitemap: Option<Box<dyn Output>>,
    /// Each decision's page (by number, as a lookup key) and its records so far.
    decisions: HashMap<String, (SlotWriter, usize)>,
    /// Records so far: in force, ended, all.
    counts: (usize, usize, usize),
}

/// The internal index: a compact row per record, in pages beyond the page size (each
/// record's own page is written apart).
struct InternalList<'s> {
    numbers: &'s Numbers,
    pages: InternalPages<'s>,
}

fn text(s: impl Into<String>) -> Bytes {
    Bytes::from(s.into().into_bytes())
}

const JSON_FIRST: Bytes = Bytes::from_static(b"\n");
const JSON_NEXT: Bytes = Bytes::from_static(b",\n");

impl<'s> Aggregates<'s> {
    /// Opens every aggregate output; `numbers` must reach the number of records.
    pub fn open(
        renderer: &Renderer<'s>,
        sink: &'s dyn Sink,
        summary: &Summary,
        numbers: &'s Numbers,
    ) -> Result<Self, Diagnostic> {
        let (public, internal) = rayon::join(
            || PublicLists::open(renderer, sink, summary, numbers),
            || InternalList::open(renderer, sink, summary, numbers),
        );
        Ok(Aggregates {
            public: public?,
            internal: internal?,
        })
    }

    /// Adds the next records (in record order).
    pub fn extend(&mut self, outputs: &[&RecordOutputs]) -> Result<(), Diagnostic> {
        let Aggregates { public, internal } = self;
        let (a, b) = rayon::join(
            || outputs.iter().try_for_each(|o| public.push(o)),
            || outputs.iter().try_for_each(|o| internal.push(o)),
        );
        a.and(b)
    }

    pub fn finish(self) -> Result<(), Diagnostic> {
        self.public.finish()?;
        self.internal.pages.finish()
    }
}

impl<'s> PublicLists<'s> {
    fn open(
        renderer: &Renderer<'s>,
        sink: &'s dyn Sink,
        summary: &Summary,
        numbers: &'s Numbers,
    ) -> Result<Self, Diagnostic> {
        let theme = renderer.theme;
        let view = &renderer.view;
        let config = &renderer.site.config;
        let offset = config.zone.offset();

        let mut ctx = public_context(renderer, summary, "", "daftar");
        ctx.insert("jumlah_berlaku", &summary.berlaku);
        ctx.insert("jumlah_berakhir", &summary.berakhir);
        ctx.insert("huruf_list", &summary.huruf_list);
        ctx.insert("unit_list", &summary.unit_list);
        let paging = Paging::new(config.rows_per_page, summary.berlaku, summary.berakhir);
        let index = RegisterPages::open(sink, theme, ctx, paging)?;

        let mut ctx = public_context(renderer, summary, "../", "berakhir");
        ctx.insert("jumlah", &summary.berakhir);
        let ended = SlotWriter::open(
            sink,
            Target::Public,
            "berakhir/index.html",
            Skeleton::render(
                theme,
                "public/ended.html",
                ctx,
                &[("baris", "baris", summary.berakhir)],
            )?,
        )?;

        let mut json = sink.stream(Target::Public, "dik.json")?;
        json.put(text(exports::json_head(view, renderer.site.records.len())))?;
        let mut csv = sink.stream(Target::Public, "dik.csv")?;
        csv.put(Bytes::from(exports::csv_head()))?;
        let mut atom = sink.stream(Target::Public, "atom.xml")?;
        atom.put(text(exports::atom_head(view, offset)))?;
        for v in &summary.versions {
            atom.put(text(exports::atom_version(view, offset, v)))?;
        }
        let sitemap = match &view.base_url {
            Some(base) => {
                let mut out = sink.stream(Target::Public, "sitemap.xml")?;
                let mut pages: Vec<String> = (1..paging.pages()).map(Paging::path).collect();
                pages.extend(["berakhir/".to_string(), "tentang/".to_string()]);
                if renderer.has_history {
                    pages.push("riwayat/".into());
                }
                if !summary.decisions.is_empty() {
                    pages.push("keputusan/".into());
                }
                for (d, _) in &summary.decisions {
                    pages.push(format!("keputusan/{}/", d.slug));
                }
                let pages: Vec<&str> = pages.iter().map(String::as_str).collect();
                out.put(text(exports::sitemap_head(
                    base,
                    &view.tanggal_pembangunan_iso,
                    &pages,
                )))?;
                Some(out)
            }
            None => None,
        };
        let mut decisions = HashMap::new();
        for ((d, count), body) in summary.decisions.iter().zip(&summary.decision_bodies) {
            let mut ctx = public_context(renderer, summary, "../../", "keputusan");
            ctx.insert("keputusan", d);
            ctx.insert("isi_html", body);
            ctx.insert("jumlah", count);
            let page = SlotWriter::open(
                sink,
                Target::Public,
                &format!("keputusan/{}/index.html", d.slug),
                Skeleton::render(
                    theme,
                    "public/decision.html",
                    ctx,
                    &[("baris", "lampiran", *count)],
                )?,
            )?;
            decisions.insert(Decisions::key(&d.nomor), (page, 0));
        }
        Ok(PublicLists {
            sink,
            numbers,
            index,
            ended,
            json,
            csv,
            atom,
            sitemap,
            decisions,
            counts: (0, 0, 0),
        })
    }

    fn push(&mut self, o: &RecordOutputs) -> Result<(), Diagnostic> {
        let sink = self.sink;
        let (berlaku, berakhir, all) = &mut self.counts;
        *all += 1;
        if let Some((key, row)) = &o.decision_row
            && let Some((page, count)) = self.decisions.get_mut(key)
        {
            *count += 1;
            page.row(sink, "lampiran", row, &self.numbers.get(*count))?;
        }
        match o.status {
            Status::Berlaku => {
                *berlaku += 1;
                self.index.push(
                    &o.index_row,
                    (&o.search, &o.search_texts),
                    false,
                    self.numbers,
                )?;
            }
            Status::Berakhir | Status::Dibuka => {
                *berakhir += 1;
                let number = self.numbers.get(*berakhir);
                self.index.push(
                    &o.index_row,
                    (&o.search, &o.search_texts),
                    true,
                    self.numbers,
                )?;
                if let Some(row) = &o.ended_row {
                    self.ended.row(sink, "baris", row, &number)?;
                }
            }
        }
        self.json
            .put(if *all == 1 { JSON_FIRST } else { JSON_NEXT })?;
        self.json.put(o.json.clone())?;
        self.csv.put(o.csv.clone())?;
        self.atom.put(o.atom.clone())?;
        if let (Some(out), Some(url)) = (&mut self.sitemap, &o.sitemap) {
            out.put(url.clone())?;
        }
        Ok(())
    }

    fn finish(mut self) -> Result<(), Diagnostic> {
        self.index.finish()?;
        self.ended.finish()?;
        for (page, _) in self.decisions.into_values() {
            page.finish()?;
        }
        self.json
            .put(Bytes::from_static(exports::JSON_TAIL.as_bytes()))?;
        self.json.finish()?;
        self.csv.finish()?;
        self.atom
            .put(Bytes::from_static(exports::ATOM_TAIL.as_bytes()))?;
        self.atom.finish()?;
        if let Some(mut out) = self.sitemap {
            out.put(Bytes::from_static(exports::SITEMAP_TAIL.as_bytes()))?;
            out.finish()?;
        }
        Ok(())
    }
}

impl<'s> InternalList<'s> {
    fn open(
        renderer: &Renderer<'s>,
        sink: &'s dyn Sink,
        summary: &Summary,
        numbers: &'s Numbers,
    ) -> Result<Self, Diagnostic> {
        let mut ctx = internal_context(renderer, summary, "");
        ctx.insert("huruf_list", &summary.huruf_list);
        ctx.insert("unit_list", &summary.unit_list);
        let pages = InternalPages::open(
            sink,
            renderer.theme,
            ctx,
            renderer.site.config.rows_per_page,
            renderer.site.records.len(),
        )?;
        Ok(InternalList { numbers, pages })
    }

    fn push(&mut self, o: &RecordOutputs) -> Result<(), Diagnostic> {
        self.pages
            .push(&o.internal_row, (&o.internal_search, &o.unit), self.numbers)
    }
}

/// A public page's context: the site's shared values and the register's last change.
fn public_context(renderer: &Renderer, summary: &Summary, root: &str, halaman: &str) -> Context {
    let mut ctx = renderer.context(root, halaman);
    ctx.insert("diperbarui", &summary.diperbarui);
    ctx
}

fn internal_context(renderer: &Renderer, summary: &Summary, root: &str) -> Context {
    let mut ctx = renderer.context(root, "internal");
    ctx.insert("sop", &SopView::new(&renderer.site.config));
    ctx.insert("langkah_total", &summary.step_totals);
    ctx.insert("totals", &summary.totals);
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
        sink.file(target, path, Bytes::from(html))
    };
    page(
        Target::Public,
        "tentang/index.html",
        "public/about.html",
        &public_context(renderer, summary, "../", "tentang"),
    )?;
    // Served for any missing address, so its links start from the site's own path.
    page(
        Target::Public,
        "404.html",
        "public/404.html",
        &public_context(renderer, summary, &view.base_path(), "404"),
    )?;
    if !summary.decisions.is_empty() {
        let mut ctx = public_context(renderer, summary, "../", "keputusan");
        let list: Vec<serde_json::Value> = summary
            .decisions
            .iter()
            .map(|(d, count)| serde_json::json!({ "keputusan": d, "jumlah": count }))
            .collect();
        ctx.insert("daftar_keputusan", &list);
        page(
            Target::Public,
            "keputusan/index.html",
            "public/decisions.html",
            &ctx,
        )?;
    }
    if renderer.has_history {
        let mut ctx = public_context(renderer, summary, "../", "riwayat");
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
    let mut ctx = internal_context(renderer, summary, "../");
    ctx.insert("kepatuhan", &summary.compliance);
    ctx.insert("notices", &summary.notices);
    page(
        Target::Internal,
        "kepatuhan/index.html",
        "internal/compliance.html",
        &ctx,
    )?;
    sink.file(
        Target::Public,
        "dik.schema.json",
        Bytes::from_static(exports::SCHEMA.as_bytes()),
    )?;
    sink.file(
        Target::Public,
        "robots.txt",
        Bytes::from(exports::robots(view.base_url.as_deref())),
    )?;
    if let Some(logo) = &renderer.site.config.logo {
        sink.file(
            Target::Public,
            &logo.keluaran,
            Bytes::from(logo.bytes.as_ref().clone()),
        )?;
    }
    for ((target, path), bytes) in &theme.assets {
        // A paged internal index writes its own beside its pages.
        if *target == Target::Internal && PAGED_ASSETS.contains(&path.as_str()) {
            continue;
        }
        sink.file(*target, path, Bytes::from(bytes.clone()))?;
    }
    Ok(())
}
