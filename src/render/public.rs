//! The public site: the register, and one page per record. It sees only
//! [`PublicRecord`]s.

use rayon::prelude::*;
use tera::Context;

use super::theme::{Target, Theme};
use super::{Files, add_assets, minify};
use crate::diagnostic::Diagnostic;
use crate::site::Site;
use crate::view::{PublicRecord, SiteView};

pub fn render(site: &Site, theme: &Theme, records: &[PublicRecord]) -> Result<Files, Diagnostic> {
    let site_view = SiteView::new(site);
    let mut files = Files::new();

    let (berlaku, berakhir): (Vec<&PublicRecord>, Vec<&PublicRecord>) =
        records.iter().partition(|r| r.status == "berlaku");
    let mut ctx = Context::new();
    ctx.insert("site", &site_view);
    ctx.insert("root", "");
    ctx.insert("berlaku", &berlaku);
    ctx.insert("berakhir", &berakhir);
    let page = theme.render("public/index.html", &ctx)?;
    files.insert("index.html".into(), minify::html(&page));

    let pages: Vec<(String, Vec<u8>)> = records
        .par_iter()
        .map(|r| {
            let mut ctx = Context::new();
            ctx.insert("site", &site_view);
            ctx.insert("root", "../");
            ctx.insert("record", r);
            let page = theme.render("public/record.html", &ctx)?;
            Ok((format!("{}/index.html", r.slug), minify::html(&page)))
        })
        .collect::<Result<_, Diagnostic>>()?;
    files.extend(pages);
    add_assets(&mut files, theme, Target::Public);
    Ok(files)
}
