//! The internal archive index, for the office and auditors: every field of every
//! record, the sign-offs with NIPs, the SOP timing against the standard, the source
//! files with their SHA-256, and the SOP itself. Never deployed publicly.

use serde::Serialize;
use tera::Context;

use super::theme::{Target, Theme};
use super::{Files, add_assets, minify};
use crate::archive::{VersionInfo, history};
use crate::diagnostic::{Diagnostic, Tally};
use crate::locale;
use crate::record::Status;
use crate::site::Site;
use crate::sop::{Closing, SopHeader, SopStep};
use crate::view::{
    InternalRecord, NoticeView, PublicRecord, SiteView, StepTotal, count_status, step_totals,
};

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

pub fn render(
    site: &Site,
    theme: &Theme,
    public: &[PublicRecord],
    notices: &[Diagnostic],
    history: &[VersionInfo],
) -> Result<Files, Diagnostic> {
    let config = &site.config;
    let records: Vec<InternalRecord> = site
        .records
        .iter()
        .zip(public)
        .map(|(r, p)| InternalRecord::new(r, config, p.clone()))
        .collect();
    let totals = Totals {
        catatan: records.len(),
        berlaku: count_status(&site.records, Status::Berlaku),
        berakhir: count_status(&site.records, Status::Berakhir),
        peringatan: Tally::of(notices).warnings,
        langkah_melebihi: records.iter().map(|r| r.langkah_melebihi).sum(),
        catatan_melebihi: records.iter().filter(|r| r.langkah_melebihi > 0).count(),
    };
    let steps: Vec<StepTotal> = step_totals(&site.records, config);
    let sop = SopView {
        nomor: &config.sop.nomor,
        nama: &config.sop.nama,
        header: &config.sop.header,
        langkah: &config.sop.steps,
        penutup: config.sop.closing,
        total_mutu_baku: locale::minutes(config.sop.total_standard_minutes().into()),
        melebihi_mutu_baku: match config.sop.over_standard {
            crate::diagnostic::Severity::Error => "galat",
            crate::diagnostic::Severity::Warning => "peringatan",
        },
    };
    let notices: Vec<NoticeView> = notices.iter().map(NoticeView::from).collect();

    let mut ctx = Context::new();
    ctx.insert("site", &SiteView::new(site));
    ctx.insert("sop", &sop);
    ctx.insert("langkah_total", &steps);
    ctx.insert("root", "");
    ctx.insert("records", &records);
    ctx.insert("totals", &totals);
    ctx.insert("notices", &notices);
    ctx.insert(
        "versi",
        &history::internal_views(
            history,
            config.zone,
            &config.outputs.internal,
            &config.outputs.arsip,
        ),
    );
    let mut files = Files::new();
    let index = theme.render("internal/index.html", &ctx)?;
    files.insert("index.html".into(), minify::html(&index));
    ctx.insert("root", "../");
    let sop_page = theme.render("internal/sop.html", &ctx)?;
    files.insert("sop/index.html".into(), minify::html(&sop_page));
    add_assets(&mut files, theme, Target::Internal);
    Ok(files)
}
