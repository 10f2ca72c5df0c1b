//! Everything one record contributes to the outputs, rendered on its own: its public
//! page and its internal page, its rows in the register and the internal index, and its
//! part of each export. A build renders these in parallel and pours them
//! into the aggregate pages; watch mode keeps them and re-renders only what changed.

use std::collections::HashMap;

use bytes::Bytes;
use serde::Serialize;
use tera::Context;

use super::exports;
use super::internal_search_index;
use super::search_index;
use super::skeleton::{Pack, Row, number_slot};
use super::theme::Theme;
use crate::decision::Decisions;
use crate::diagnostic::Diagnostic;
use crate::record::{Record, Status};
use crate::site::Site;
use crate::version::VersionInfo;
use crate::version_view::Appearances;
use crate::view::{InternalRecord, NoticeView, PublicRecord, SiteView, SopView};

/// A record's own pages: `public/<slug>/index.html` and `internal/<slug>/index.html`.
/// They are written as they are rendered (or kept apart by watch mode), not poured into
/// the pages that list every record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordPages {
    pub public: Bytes,
    pub internal: Bytes,
}

/// One record's share of the pages that list every record and of the exports, as
/// shared bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordOutputs {
    pub slug: String,
    pub status: Status,
    /// Its row in the register's table of its status.
    pub index_row: Row,
    /// Its row on the page of ended exemptions, if its term has ended.
    pub ended_row: Option<Row>,
    /// Its row in the Lampiran of its decision: the decision's number (as a lookup key)
    /// and the row, if the record refers to a decision file.
    pub decision_row: Option<(String, Row)>,
    /// Its row in the internal index.
    pub internal_row: Row,
    pub json: Bytes,
    pub csv: Bytes,
    pub atom: Bytes,
    pub sitemap: Option<Bytes>,
    /// Its entry in the search index of a paged register (`cari.json`), up to the
    /// texts that entries share, and those texts.
    pub search: Row,
    pub search_texts: Vec<Bytes>,
    /// Its entry in the search index of a paged internal index (`internal/cari.js`), up
    /// to its work unit, and its work unit.
    pub internal_search: Row,
    pub unit: Bytes,
}

impl RecordOutputs {
    /// The path of the record's page, in `public/` and in `internal/` alike.
    pub fn page_path(&self) -> String {
        format!("{}/index.html", self.slug)
    }
}

/// One record's HTML, compact as the theme renders it.
pub struct RecordHtml {
    pub page: String,
    pub internal_page: String,
    pub index_row: String,
    pub ended_row: Option<String>,
    pub decision_row: Option<String>,
    pub internal_row: String,
}

/// What every record's rendering shares: the site, the theme, the contexts (serialised
/// once) that each record's page and rows start from, the build's warnings by file and
/// the published versions by record.
pub struct Renderer<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    pub view: SiteView,
    pub has_history: bool,
    page: Context,
    index_row: Context,
    ended_row: Context,
    decision_row: Context,
    internal: Context,
    internal_page: Context,
    /// The warnings of this build, by the file they are about.
    findings: HashMap<&'a str, Vec<&'a Diagnostic>>,
    appearances: Appearances<'a>,
}

fn base(view: &SiteView, root: &str, halaman: &str, has_history: bool) -> Context {
    let mut ctx = Context::new();
    ctx.insert("site", view);
    ctx.insert("root", root);
    ctx.insert("halaman", halaman);
    ctx.insert("ada_riwayat", &has_history);
    ctx
}

fn with<T: Serialize>(base: &Context, key: &str, value: &T) -> Context {
    let mut ctx = base.clone();
    ctx.insert(key, value);
    ctx.insert("no", &number_slot());
    ctx
}

impl<'a> Renderer<'a> {
    /// `notices` are the warnings of this build (each record's internal row and page
    /// show its own); `history` the published versions.
    pub fn new(
        site: &'a Site,
        theme: &'a Theme,
        notices: &'a [Diagnostic],
        history: &'a [VersionInfo],
    ) -> Self {
        let view = SiteView::new(site);
        let has_history = !history.is_empty();
        let mut findings: HashMap<&str, Vec<&Diagnostic>> = HashMap::new();
        for d in notices {
            findings.entry(d.file.as_str()).or_default().push(d);
        }
        let mut internal_page = base(&view, "../", "internal", has_history);
        internal_page.insert("sop", &SopView::new(&site.config));
        let renderer = Renderer {
            page: base(&view, "../", "catatan", has_history),
            index_row: base(&view, "", "daftar", has_history),
            ended_row: base(&view, "../", "berakhir", has_history),
            decision_row: base(&view, "../../", "keputusan", has_history),
            internal: base(&view, "", "internal", has_history),
            internal_page,
            findings,
            appearances: Appearances::new(history),
            site,
            theme,
            view,
            has_history,
        };
        // The theme decides, on the first page of each template, whether its minified
        // form is used; deciding on the first record before any parallel rendering
        // keeps the output the same from run to run. An error here is met again later.
        // The preview keeps its theme between rebuilds: once decided, nothing to do.
        if theme.has_undecided_templates()
            && let Some(first) = site.records.first()
        {
            let _ = renderer.record_html(first);
        }
        renderer
    }

    /// A page's context with the site's shared values.
    pub fn context(&self, root: &str, halaman: &str) -> Context {
        base(&self.view, root, halaman, self.has_history)
    }

    /// One record's HTML and the internal view of the record it was rendered from.
    pub fn record_html(&self, r: &Record) -> Result<(RecordHtml, InternalRecord), Diagnostic> {
        let theme = self.theme;
        let public = PublicRecord::new(r, &self.site.config);
        let page = theme.render("public/record.html", &with(&self.page, "record", &public))?;
        let row = with(&self.index_row, "r", &public);
        let (index_row, ended_row) = if r.status.is_open() {
            (
                theme.render("public/index_ended_row.html", &row)?,
                Some(theme.render(
                    "public/ended_row.html",
                    &with(&self.ended_row, "r", &public),
                )?),
            )
        } else {
            (theme.render("public/index_row.html", &row)?, None)
        };
        let decision_row = match &r.keputusan {
            Some(_) => Some(theme.render(
                "public/decision_row.html",
                &with(&self.decision_row, "r", &public),
            )?),
            None => None,
        };
        let internal = InternalRecord::new(r, &self.site.config, public);
        let temuan: Vec<NoticeView> =
            self.findings
                .get(r.path.as_str())
                .map_or_else(Vec::new, |list| {
                    list.iter()
                        .map(|d| NoticeView::new(d, Some(&r.slug)))
                        .collect()
                });
        let mut ctx = with(&self.internal, "r", &internal);
        ctx.insert("temuan", &temuan);
        let internal_row = theme.render("internal/index_row.html", &ctx)?;
        let mut ctx = self.internal_page.clone();
        ctx.insert("r", &internal);
        ctx.insert("temuan", &temuan);
        ctx.insert("versi_catatan", &self.appearances.of(&r.nomor, &r.sha256));
        let internal_page = theme.render("internal/record.html", &ctx)?;
        let html = RecordHtml {
            page,
            internal_page,
            index_row,
            ended_row,
            decision_row,
            internal_row,
        };
        Ok((html, internal))
    }

    /// The record's own pages, and its share of the other outputs.
    pub fn record_outputs(&self, r: &Record) -> Result<(RecordPages, RecordOutputs), Diagnostic> {
        let (html, internal) = self.record_html(r)?;
        let public = &internal.public;
        let config = &self.site.config;
        let json = exports::json_record(&self.view, public);
        let csv = exports::csv_row(&self.view, public);
        let atom = exports::atom_record(&self.view, config.zone.offset(), public);
        let sitemap = self.view.base_url.as_deref().map(|base| {
            exports::sitemap_url(base, &format!("{}/", public.slug), &public.ditetapkan_iso)
        });
        let search = search_index::entry(public);
        let search_texts = search_index::texts(public);
        let temuan = self.findings.get(r.path.as_str()).map_or(0, Vec::len);
        let internal_search = internal_search_index::entry(&internal, temuan);
        let pages = RecordPages {
            public: Bytes::from(html.page),
            internal: Bytes::from(html.internal_page),
        };
        let mut pack = Pack::default();
        let index_row = pack.row(&html.index_row);
        let ended_row = html.ended_row.map(|row| pack.row(&row));
        let decision_row = html.decision_row.map(|row| pack.row(&row));
        let internal_row = pack.row(&html.internal_row);
        let json = pack.add(&json);
        let csv = pack.add(&csv);
        let atom = pack.add(&atom);
        let sitemap = sitemap.map(|s| pack.add(&s));
        let search = pack.row(&search);
        let search_texts: Vec<_> = search_texts.iter().map(|t| pack.add(t)).collect();
        let internal_search = pack.row(&internal_search);
        let unit = pack.add(&public.unit);
        let all = pack.freeze();
        let outputs = RecordOutputs {
            slug: r.slug.clone(),
            status: r.status,
            index_row: index_row.take(&all),
            ended_row: ended_row.map(|row| row.take(&all)),
            decision_row: match (&r.keputusan, decision_row) {
                (Some(d), Some(row)) => Some((Decisions::key(&d.nomor), row.take(&all))),
                _ => None,
            },
            internal_row: internal_row.take(&all),
            json: json.take(&all),
            csv: csv.take(&all),
            atom: atom.take(&all),
            sitemap: sitemap.map(|s| s.take(&all)),
            search: search.take(&all),
            search_texts: search_texts.into_iter().map(|t| t.take(&all)).collect(),
            internal_search: internal_search.take(&all),
            unit: unit.take(&all),
        };
        Ok((pages, outputs))
    }
}
