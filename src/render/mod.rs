//! Rendering: the public site and the internal archive index are two views of one site
//! model. Each record is rendered on its own ([`fragments`]), in parallel, and its parts
//! are poured into the pages that list every record ([`assemble`]); where the bytes go is
//! decided by a [`sink::Sink`]: memory (the preview server, publishing) or the staging
//! folders of a build.

pub mod assemble;
pub mod exports;
pub mod fragments;
pub mod internal_pages;
pub mod internal_search_index;
pub mod minify;
pub mod paging;
pub mod register;
pub mod search_index;
pub mod sink;
pub mod skeleton;
pub mod slots;
pub mod theme;

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::site::Site;
use crate::version::VersionInfo;
use assemble::{Aggregates, Summary};
use fragments::{RecordOutputs, Renderer};
use sink::{MemorySink, Sink};
use skeleton::Numbers;
use theme::{Target, Theme};

/// Files of one output folder: path inside it (with `/`) → bytes.
pub type Files = BTreeMap<String, Vec<u8>>;

/// Both output folders of a build.
pub struct Rendered {
    pub public: Files,
    pub internal: Files,
}

/// Records rendered together before their parts are written: enough to keep both
/// cores busy, few enough that a large register is never held in memory whole.
const CHUNK: usize = 512;

/// Renders the whole site into `sink`. `notices` are the warnings of this build, listed
/// on the internal index; `history` the published versions.
pub fn render_into(
    site: &Site,
    theme: &Theme,
    notices: &[Diagnostic],
    history: &[VersionInfo],
    sink: &dyn Sink,
) -> Result<(), Diagnostic> {
    let renderer = Renderer::new(site, theme, notices, history);
    let summary = Summary::new(&renderer, notices, history);
    let numbers = Numbers::new(site.records.len());
    let mut aggregates = Aggregates::open(&renderer, sink, &summary, &numbers)?;
    for chunk in site.records.chunks(CHUNK) {
        let outputs: Vec<RecordOutputs> = chunk
            .par_iter()
            .map(|r| {
                let (pages, o) = renderer.record_outputs(r)?;
                sink.file(Target::Public, &o.page_path(), pages.public)?;
                sink.file(Target::Internal, &o.page_path(), pages.internal)?;
                Ok(o)
            })
            .collect::<Result<_, Diagnostic>>()?;
        aggregates.extend(&outputs.iter().collect::<Vec<_>>())?;
    }
    aggregates.finish()?;
    assemble::site_pages(&renderer, sink, &summary)
}

/// The pages that list every record, the exports and the site's own pages, from the
/// records' outputs already rendered (in record order). Record pages (public and
/// internal) are not written: watch mode keeps them apart.
pub fn assemble_outputs(
    renderer: &Renderer,
    summary: &Summary,
    outputs: &[&RecordOutputs],
    sink: &dyn Sink,
) -> Result<(), Diagnostic> {
    let numbers = Numbers::new(renderer.site.records.len());
    let mut aggregates = Aggregates::open(renderer, sink, summary, &numbers)?;
    aggregates.extend(outputs)?;
    aggregates.finish()?;
    assemble::site_pages(renderer, sink, summary)
}

/// Renders everything in memory.
pub fn render(
    site: &Site,
    theme: &Theme,
    notices: &[Diagnostic],
    history: &[VersionInfo],
) -> Result<Rendered, Diagnostic> {
    let sink = MemorySink::default();
    render_into(site, theme, notices, history, &sink)?;
    let (public, internal) = sink.into_chunks();
    let flat = |files: BTreeMap<String, sink::Chunks>| {
        files
            .into_iter()
            .map(|(k, chunks)| (k, sink::concat(&chunks)))
            .collect()
    };
    Ok(Rendered {
        public: flat(public),
        internal: flat(internal),
    })
}
