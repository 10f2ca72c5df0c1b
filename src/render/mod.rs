//! Rendering: the public site and the internal archive index are two views of one site
//! model. [`render_site`] is the one way a site is rendered, for every command: each
//! record is rendered on its own ([`fragments`]), in parallel (or taken from a
//! [`cache::RecordCache`] the preview keeps between builds), and its parts are poured into
//! the pages that list every record ([`assemble`]); where the bytes go is decided by a
//! [`sink::Sink`]: memory (the preview server, the archive's copy of a version) or the
//! staging folders of the site's writer (`build`, `publish`, `watch`).

pub mod assemble;
pub mod cache;
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
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::site::Site;
use crate::version::VersionInfo;
use assemble::{Aggregates, Summary};
use cache::{Kept, RecordCache};
use fragments::{RecordOutputs, RecordPages, Renderer};
use sink::{MemorySink, Sink};
use skeleton::Numbers;
use theme::{Target, Theme};

/// Files of one output folder: path inside it (with `/`) → bytes.
pub type Files = BTreeMap<String, Vec<u8>>;

/// Both output folders of a build, in memory.
pub struct Rendered {
    pub public: Files,
    pub internal: Files,
}

/// What a site's outputs are rendered from. `notices` are the warnings of this build,
/// listed on the internal index; `history` the published versions.
pub struct Input<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    pub notices: &'a [Diagnostic],
    pub history: &'a [VersionInfo],
}

/// What a render did: the records it wrote, and how many of them it rendered (the
/// others were taken from the cache).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordCounts {
    pub records: usize,
    pub rendered: usize,
}

/// Records rendered together before their parts are written: enough to keep both
/// cores busy, few enough that a large register is never held in memory whole.
const CHUNK: usize = 512;

/// Renders the whole site into `sink`, taking unchanged records from `cache` (and
/// keeping what it renders there) when there is one.
pub fn render_site(
    input: &Input,
    cache: Option<&RecordCache>,
    sink: &dyn Sink,
) -> Result<RecordCounts, Diagnostic> {
    let site = input.site;
    let renderer = Renderer::new(site, input.theme, input.notices, input.history);
    let summary = Summary::new(&renderer, input.notices, input.history);
    let numbers = Numbers::new(site.records.len());
    let mut aggregates = Aggregates::open(&renderer, sink, &summary, &numbers)?;
    let mut rendered = 0;
    for chunk in site.records.chunks(CHUNK) {
        // The cache is asked once a chunk: the records it has cost nothing to render,
        // and taking a lock for each of them on both cores cost more than that.
        let kept = match cache {
            Some(c) => c.get_all(chunk),
            None => vec![None; chunk.len()],
        };
        // The records not kept are rendered (and their pages written) on both cores.
        let made: Vec<Option<Kept>> = chunk
            .par_iter()
            .zip(&kept)
            .map(|(r, kept)| {
                if kept.is_some() {
                    return Ok(None);
                }
                let (pages, o) = renderer.record_outputs(r)?;
                write_pages(sink, &o, pages.clone())?;
                Ok(Some((pages, Arc::new(o))))
            })
            .collect::<Result<_, Diagnostic>>()?;
        let mut outputs = Vec::with_capacity(chunk.len());
        for ((r, kept), made) in chunk.iter().zip(kept).zip(made) {
            let o = match made {
                Some(made) => {
                    rendered += 1;
                    let o = Arc::clone(&made.1);
                    if let Some(c) = cache {
                        c.keep(r, made);
                    }
                    o
                }
                None => {
                    let (pages, o) = kept.expect("a record not rendered now is kept");
                    write_pages(sink, &o, pages)?;
                    o
                }
            };
            outputs.push(o);
        }
        aggregates.extend(&outputs.iter().map(Arc::as_ref).collect::<Vec<_>>())?;
    }
    aggregates.finish()?;
    assemble::site_pages(&renderer, sink, &summary)?;
    if let Some(c) = cache {
        c.keep_only(site.records.iter().map(|r| r.as_ref()));
    }
    Ok(RecordCounts {
        records: site.records.len(),
        rendered,
    })
}

/// A record's own pages, `<slug>/index.html` in both folders.
fn write_pages(sink: &dyn Sink, o: &RecordOutputs, pages: RecordPages) -> Result<(), Diagnostic> {
    let path = o.page_path();
    sink.file(Target::Public, &path, pages.public)?;
    sink.file(Target::Internal, &path, pages.internal)
}

/// Renders everything in memory.
pub fn render(
    site: &Site,
    theme: &Theme,
    notices: &[Diagnostic],
    history: &[VersionInfo],
) -> Result<Rendered, Diagnostic> {
    let sink = MemorySink::default();
    let input = Input {
        site,
        theme,
        notices,
        history,
    };
    render_site(&input, None, &sink)?;
    let (public, internal) = sink.into_chunks();
    let flat = |files: sink::ChunkedFiles| {
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
