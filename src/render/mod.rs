//! Rendering: the public site and the internal archive index are two renderers of one
//! site model. Each returns its files as bytes in memory (path → bytes); where the bytes
//! go is decided later (the output writer, the preview server, a snapshot).

pub mod exports;
pub mod internal;
pub mod markdown;
pub mod minify;
pub mod public;
pub mod theme;

use std::collections::BTreeMap;

use crate::archive::VersionInfo;
use crate::diagnostic::Diagnostic;
use crate::site::Site;
use crate::view::PublicRecord;
use theme::{Target, Theme};

/// Files of one output folder: path inside it (with `/`) → bytes.
pub type Files = BTreeMap<String, Vec<u8>>;

/// Both output folders of a build.
pub struct Rendered {
    pub public: Files,
    pub internal: Files,
}

/// Renders everything in memory. `notices` are the warnings of this build, listed on
/// the internal index.
pub fn render(
    site: &Site,
    theme: &Theme,
    notices: &[Diagnostic],
    history: &[VersionInfo],
) -> Result<Rendered, Diagnostic> {
    use rayon::prelude::*;
    let records: Vec<PublicRecord> = site
        .records
        .par_iter()
        .map(|r| PublicRecord::new(r, &site.config))
        .collect();
    let public = public::render(site, theme, &records, history)?;
    let internal = internal::render(site, theme, &records, notices, history)?;
    Ok(Rendered { public, internal })
}

/// Adds a theme's assets for one target to a set of files.
fn add_assets(files: &mut Files, theme: &Theme, target: Target) {
    for ((t, path), bytes) in &theme.assets {
        if *t == target {
            files.insert(path.clone(), bytes.clone());
        }
    }
}
