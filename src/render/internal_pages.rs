//! The internal index's pages (`internal/index.html`, and `halaman-2.html`… beside it
//! beyond the page size), each written from its own skeleton as its rows come in record
//! order, and what only a paged internal index uses: its search index (`cari.js`) and the
//! theme's script and style sheet for its pages (`halaman.js`, `halaman.css`), written
//! beside its pages rather than with the theme's other assets, so that an index of one
//! page stays as it always was. The index has one table, so one page is open at a time:
//! opened with its first row, finished with its last.

use bytes::Bytes;
use tera::Context;

use super::internal_search_index as search_index;
use super::paging::Paging;
use super::search_index::Texts;
use super::sink::{Output, Sink};
use super::skeleton::{Numbers, Row, Skeleton};
use super::slots::SlotWriter;
use super::theme::{Target, Theme};
use crate::diagnostic::Diagnostic;

const BARIS: &str = "baris";

/// The theme's assets (in `static/internal/`) that only a paged index uses.
pub const PAGED_ASSETS: [&str; 2] = ["halaman.css", "halaman.js"];

pub struct InternalPages<'s> {
    sink: &'s dyn Sink,
    theme: &'s Theme,
    /// The context every page shares; each adds its `halaman_daftar`.
    context: Context,
    paging: Paging,
    /// The page being written: its number (from 0) and writer.
    open: Option<(usize, SlotWriter)>,
    /// Rows so far.
    count: usize,
    /// `cari.js`, for an index of more than one page.
    search: Option<(Box<dyn Output>, Texts)>,
}

impl<'s> InternalPages<'s> {
    /// `rows` rows, `size` a page.
    pub fn open(
        sink: &'s dyn Sink,
        theme: &'s Theme,
        context: Context,
        size: usize,
        rows: usize,
    ) -> Result<Self, Diagnostic> {
        let paging = Paging::one_table(size, rows, search_index::FILE);
        let search = if paging.is_paged() {
            for name in PAGED_ASSETS {
                if let Some(bytes) = theme.assets.get(&(Target::Internal, name.to_string())) {
                    sink.file(Target::Internal, name, Bytes::from(bytes.clone()))?;
                }
            }
            let mut out = sink.stream(Target::Internal, search_index::FILE)?;
            out.put(Bytes::from(search_index::head()))?;
            Some((out, Texts::default()))
        } else {
            None
        };
        let mut pages = InternalPages {
            sink,
            theme,
            context,
            paging,
            open: None,
            count: 0,
            search,
        };
        // The first page is written even for an index without rows.
        pages.open_page(0)?;
        Ok(pages)
    }

    fn open_page(&mut self, k: usize) -> Result<(), Diagnostic> {
        let mut ctx = self.context.clone();
        let view = self.paging.view(k);
        ctx.insert("halaman_daftar", &view);
        let skeleton = Skeleton::render(
            self.theme,
            "internal/index.html",
            ctx,
            &[("baris", BARIS, view.baris)],
        )?;
        let writer = SlotWriter::open(self.sink, Target::Internal, &Paging::path(k), skeleton)?;
        if let Some((_, done)) = self.open.replace((k, writer)) {
            done.finish()?;
        }
        Ok(())
    }

    /// The next row in record order, with its entry in the search index (up to its work
    /// unit) and its work unit.
    pub fn push(
        &mut self,
        row: &Row,
        search: (&Row, &Bytes),
        numbers: &Numbers,
    ) -> Result<(), Diagnostic> {
        self.count += 1;
        let number = numbers.get(self.count);
        let k = self.paging.page_of_berlaku(self.count);
        if self.open.as_ref().is_none_or(|(open, _)| *open != k) {
            self.open_page(k)?;
        }
        let (_, writer) = self.open.as_mut().expect("opened");
        writer.row(self.sink, BARIS, row, &number)?;
        if let Some((out, texts)) = &mut self.search {
            out.put(Bytes::from_static(if self.count == 1 {
                b"\n"
            } else {
                b",\n"
            }))?;
            search.0.put(&number, out.as_mut())?;
            search_index::end_entry(texts, search.1, out.as_mut())?;
        }
        Ok(())
    }

    pub fn finish(mut self) -> Result<(), Diagnostic> {
        if let Some((_, writer)) = self.open.take() {
            writer.finish()?;
        }
        if let Some((mut out, texts)) = self.search.take() {
            out.put(Bytes::from(search_index::tail(&texts)))?;
            out.finish()?;
        }
        Ok(())
    }
}
