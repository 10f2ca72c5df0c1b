//! The public site: the register, the ended exemptions, one page per record, the page
//! on how to request information, a 404 page, and the machine-readable exports. It
//! sees only [`PublicRecord`]s.

use std::collections::BTreeSet;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use super::theme::{Target, Theme};
use super::{Files, add_assets, exports, minify};
use crate::archive::{VersionInfo, history};
use crate::diagnostic::Diagnostic;
use crate::record::pasal;
use crate::site::Site;
use crate::view::{PublicRecord, SiteView};

#[derive(Serialize)]
struct HurufOption {
    huruf: char,
    alasan: &'static str,
}

pub fn render(
    site: &Site,
    theme: &Theme,
    records: &[PublicRecord],
    history: &[VersionInfo],
) -> Result<Files, Diagnostic> {
    let view = SiteView::new(site);
    let has_history = !history.is_empty();
    // A page's context: the site, the way back to the root, and which page it is.
    let context = |site: &SiteView, root: &str, halaman: &str| {
        let mut ctx = Context::new();
        ctx.insert("site", site);
        ctx.insert("root", root);
        ctx.insert("halaman", halaman);
        ctx.insert("ada_riwayat", &has_history);
        ctx
    };
    let mut files = Files::new();
    let page = |files: &mut Files, path: &str, template: &str, ctx: &Context| {
        let html = theme.render(template, ctx)?;
        files.insert(path.to_string(), minify::html(&html));
        Ok::<(), Diagnostic>(())
    };

    let (berlaku, berakhir): (Vec<&PublicRecord>, Vec<&PublicRecord>) =
        records.iter().partition(|r| r.status == "berlaku");
    let huruf: BTreeSet<char> = records
        .iter()
        .flat_map(|r| r.pasal.iter().filter_map(|p| p.kode.chars().next()))
        .collect();
    let huruf_list: Vec<HurufOption> = huruf
        .into_iter()
        .map(|h| HurufOption {
            huruf: h,
            alasan: pasal::ground(h),
        })
        .collect();
    let unit_list: BTreeSet<&str> = records.iter().map(|r| r.unit.as_str()).collect();

    let mut ctx = context(&view, "", "daftar");
    ctx.insert("berlaku", &berlaku);
    ctx.insert("berakhir", &berakhir);
    ctx.insert("huruf_list", &huruf_list);
    ctx.insert("unit_list", &unit_list);
    page(&mut files, "index.html", "public/index.html", &ctx)?;

    let mut ctx = context(&view, "../", "berakhir");
    ctx.insert("berakhir", &berakhir);
    page(&mut files, "berakhir/index.html", "public/ended.html", &ctx)?;
    page(
        &mut files,
        "tentang/index.html",
        "public/about.html",
        &context(&view, "../", "tentang"),
    )?;
    // Served for any missing address, so its links start from the site's own path.
    page(
        &mut files,
        "404.html",
        "public/404.html",
        &context(&view, &view.base_path(), "404"),
    )?;

    let versions = history::views(history, site.config.zone);
    if has_history {
        let mut ctx = context(&view, "../", "riwayat");
        ctx.insert("versi", &versions);
        page(
            &mut files,
            "riwayat/index.html",
            "public/history.html",
            &ctx,
        )?;
    }

    let pages: Vec<(String, Vec<u8>)> = records
        .par_iter()
        .map(|r| {
            let mut ctx = context(&view, "../", "catatan");
            ctx.insert("record", r);
            let html = theme.render("public/record.html", &ctx)?;
            Ok((format!("{}/index.html", r.slug), minify::html(&html)))
        })
        .collect::<Result<_, Diagnostic>>()?;
    files.extend(pages);

    files.insert("dik.json".into(), exports::json(&view, records));
    files.insert(
        "dik.schema.json".into(),
        exports::SCHEMA.as_bytes().to_vec(),
    );
    files.insert("dik.csv".into(), exports::csv(&view, records));
    files.insert(
        "atom.xml".into(),
        exports::atom(&view, site.config.zone.offset(), records, &versions),
    );
    if let Some(base) = &view.base_url {
        let mut pages = vec![
            (
                "berakhir/".to_string(),
                view.tanggal_pembangunan_iso.clone(),
            ),
            ("tentang/".to_string(), view.tanggal_pembangunan_iso.clone()),
        ];
        if has_history {
            pages.push(("riwayat/".to_string(), view.tanggal_pembangunan_iso.clone()));
        }
        pages.extend(
            records
                .iter()
                .map(|r| (format!("{}/", r.slug), r.ditetapkan_iso.clone())),
        );
        files.insert(
            "sitemap.xml".into(),
            exports::sitemap(base, &view.tanggal_pembangunan_iso, &pages),
        );
    }
    files.insert(
        "robots.txt".into(),
        exports::robots(view.base_url.as_deref()),
    );
    add_assets(&mut files, theme, Target::Public);
    Ok(files)
}
