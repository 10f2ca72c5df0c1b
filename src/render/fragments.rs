//! Everything one record contributes to the outputs, rendered on its own: its public
//! page, its rows in the register and the internal index, its section of the internal
//! index, and its part of each export. A build renders these in parallel and pours them
//! into the aggregate pages; watch mode keeps them and re-renders only what changed.

use bytes::Bytes;
use serde::Serialize;
use tera::Context;

use super::exports;
use super::search_index;
use super::skeleton::{Pack, Row, number_slot};
use super::theme::Theme;
use crate::decision::Decisions;
use crate::diagnostic::Diagnostic;
use crate::record::{Record, Status};
use crate::site::Site;
use crate::view::{InternalRecord, PublicRecord, SiteView};

/// One record's share of every output, as shared bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordOutputs {
    pub slug: String,
    pub status: Status,
    /// `public/<slug>/index.html`
    pub page: Bytes,
    /// Its row in the register's table of its status.
    pub index_row: Row,
    /// Its row on the page of ended exemptions, if its term has ended.
    pub ended_row: Option<Row>,
    /// Its row in the Lampiran of its decision: the decision's number (as a lookup key)
    /// and the row, if the record refers to a decision file.
    pub decision_row: Option<(String, Row)>,
    pub internal_row: Row,
    pub internal_section: Bytes,
    pub json: Bytes,
    pub csv: Bytes,
    pub atom: Bytes,
    pub sitemap: Option<Bytes>,
    /// Its entry in the search index of a paged register (`cari.json`), up to the
    /// texts that entries share, and those texts.
    pub search: Row,
    pub search_texts: Vec<Bytes>,
}

impl RecordOutputs {
    pub fn page_path(&self) -> String {
        format!("{}/index.html", self.slug)
    }
}

/// One record's HTML, compact as the theme renders it.
pub struct RecordHtml {
    pub page: String,
    pub index_row: String,
    pub ended_row: Option<String>,
    pub decision_row: Option<String>,
    pub internal_row: String,
    pub internal_section: String,
}

/// What every record's rendering shares: the site, the theme, and the contexts
/// (serialised once) that each record's page and rows start from.
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
    pub fn new(site: &'a Site, theme: &'a Theme, has_history: bool) -> Self {
        let view = SiteView::new(site);
        let renderer = Renderer {
            page: base(&view, "../", "catatan", has_history),
            index_row: base(&view, "", "daftar", has_history),
            ended_row: base(&view, "../", "berakhir", has_history),
            decision_row: base(&view, "../../", "keputusan", has_history),
            internal: base(&view, "", "internal", has_history),
            site,
            theme,
            view,
            has_history,
        };
        // The theme decides, on the first page of each template, whether its minified
        // form is used; deciding on the first record before any parallel rendering
        // keeps the output the same from run to run. An error here is met again later.
        if let Some(first) = site.records.first() {
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
        let ctx = with(&self.internal, "r", &internal);
        let html = RecordHtml {
            page,
            index_row,
            ended_row,
            decision_row,
            internal_row: theme.render("internal/index_row.html", &ctx)?,
            internal_section: theme.render("internal/record.html", &ctx)?,
        };
        Ok((html, internal))
    }

    pub fn record_outputs(&self, r: &Record) -> Result<RecordOutputs, Diagnostic> {
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
        let mut pack = Pack::default();
        let index_row = pack.row(&html.index_row);
        let ended_row = html.ended_row.map(|row| pack.row(&row));
        let decision_row = html.decision_row.map(|row| pack.row(&row));
        let internal_row = pack.row(&html.internal_row);
        let internal_section = pack.add(&html.internal_section);
        let json = pack.add(&json);
        let csv = pack.add(&csv);
        let atom = pack.add(&atom);
        let sitemap = sitemap.map(|s| pack.add(&s));
        let search = pack.row(&search);
        let search_texts: Vec<_> = search_texts.iter().map(|t| pack.add(t)).collect();
        let all = pack.freeze();
        Ok(RecordOutputs {
            slug: r.slug.clone(),
            status: r.status,
            page: Bytes::from(html.page),
            index_row: index_row.take(&all),
            ended_row: ended_row.map(|row| row.take(&all)),
            decision_row: match (&r.keputusan, decision_row) {
                (Some(d), Some(row)) => Some((Decisions::key(&d.nomor), row.take(&all))),
                _ => None,
            },
            internal_row: internal_row.take(&all),
            internal_section: internal_section.take(&all),
            json: json.take(&all),
            csv: csv.take(&all),
            atom: atom.take(&all),
            sitemap: sitemap.map(|s| s.take(&all)),
            search: search.take(&all),
            search_texts: search_texts.into_iter().map(|t| t.take(&all)).collect(),
        })
    }
}
