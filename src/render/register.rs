//! The register's pages (`index.html`, and `halaman-2.html`… beyond the page size), each
//! written from its own skeleton as its rows come in record order, and the search index
//! of a paged register. A page is opened with its first row and finished with its last,
//! so at most the pages at the two fronts (rows in force, ended rows) are open at once.

use std::collections::BTreeMap;

use bytes::Bytes;
use tera::Context;

use super::paging::{Paging, SEARCH_INDEX};
use super::search_index::{self, Texts};
use super::sink::{Output, Sink};
use super::skeleton::{Numbers, Row, Skeleton};
use super::slots::SlotWriter;
use super::theme::{Target, Theme};
use crate::diagnostic::Diagnostic;

const BERLAKU: &str = "berlaku";
const BERAKHIR: &str = "berakhir";

/// A page being written: its writer and the rows it got so far (in force, ended).
struct OpenPage {
    writer: SlotWriter,
    rows: (usize, usize),
}

pub struct RegisterPages<'s> {
    sink: &'s dyn Sink,
    theme: &'s Theme,
    /// The context every page shares; each adds its `halaman_daftar`.
    context: Context,
    paging: Paging,
    open: BTreeMap<usize, OpenPage>,
    /// Rows so far: in force, ended.
    counts: (usize, usize),
    /// `cari.json`, for a register of more than one page.
    search: Option<(Box<dyn Output>, Texts)>,
}

impl<'s> RegisterPages<'s> {
    pub fn open(
        sink: &'s dyn Sink,
        theme: &'s Theme,
        context: Context,
        paging: Paging,
    ) -> Result<Self, Diagnostic> {
        let search = if paging.is_paged() {
            let mut out = sink.stream(Target::Public, SEARCH_INDEX)?;
            out.put(Bytes::from(search_index::head()))?;
            Some((out, Texts::default()))
        } else {
            None
        };
        let mut pages = RegisterPages {
            sink,
            theme,
            context,
            paging,
            open: BTreeMap::new(),
            counts: (0, 0),
            search,
        };
        // The first page is written even for a register without rows.
        pages.page(0)?;
        Ok(pages)
    }

    /// The open page `k`, opened now if it is not yet.
    fn page(&mut self, k: usize) -> Result<&mut OpenPage, Diagnostic> {
        if !self.open.contains_key(&k) {
            let (berlaku, berakhir) = self.paging.rows_on(k);
            let mut ctx = self.context.clone();
            ctx.insert("halaman_daftar", &self.paging.view(k));
            let skeleton = Skeleton::render(
                self.theme,
                "public/index.html",
                ctx,
                &[
                    ("baris_berlaku", BERLAKU, berlaku),
                    ("baris_berakhir", BERAKHIR, berakhir),
                ],
            )?;
            let mut writer =
                SlotWriter::open(self.sink, Target::Public, &Paging::path(k), skeleton)?;
            if berlaku == 0 {
                writer.end_slot(BERLAKU)?;
            }
            self.open.insert(
                k,
                OpenPage {
                    writer,
                    rows: (0, 0),
                },
            );
        }
        Ok(self.open.get_mut(&k).expect("opened"))
    }

    /// The next row in record order: in force, or (`ended`) of an ended exemption.
    pub fn push(
        &mut self,
        row: &Row,
        search: (&Row, &[Bytes]),
        ended: bool,
        numbers: &Numbers,
    ) -> Result<(), Diagnostic> {
        let sink = self.sink;
        let (k, no, slot) = if ended {
            self.counts.1 += 1;
            let no = self.counts.1;
            (self.paging.page_of_berakhir(no), no, BERAKHIR)
        } else {
            self.counts.0 += 1;
            let no = self.counts.0;
            (self.paging.page_of_berlaku(no), no, BERLAKU)
        };
        let number = numbers.get(no);
        let expected = self.paging.rows_on(k);
        let page = self.page(k)?;
        page.writer.row(sink, slot, row, &number)?;
        if ended {
            page.rows.1 += 1;
        } else {
            page.rows.0 += 1;
            if page.rows.0 == expected.0 {
                page.writer.end_slot(BERLAKU)?;
            }
        }
        if page.rows == expected {
            let done = self.open.remove(&k).expect("open");
            done.writer.finish()?;
        }
        if let Some((out, texts)) = &mut self.search {
            let all = self.counts.0 + self.counts.1;
            out.put(Bytes::from_static(if all == 1 { b"\n" } else { b",\n" }))?;
            search.0.put(&number, out.as_mut())?;
            texts.end_entry(search.1, out.as_mut())?;
        }
        Ok(())
    }

    pub fn finish(mut self) -> Result<(), Diagnostic> {
        for (_, page) in std::mem::take(&mut self.open) {
            page.writer.finish()?;
        }
        if let Some((mut out, texts)) = self.search.take() {
            out.put(Bytes::from(texts.tail()))?;
            out.finish()?;
        }
        Ok(())
    }
}
