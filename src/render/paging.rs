//! A list's pages (the public register, the internal index): up to the site's page size
//! (`baris_per_halaman`) a list is one page, `index.html`, as it always was; beyond it its
//! rows (for the register, those in force, then those that ended, each table numbered on
//! its own; the internal index has one table) are cut into pages of that many rows:
//! `index.html`, `halaman-2.html`, `halaman-3.html`… beside it in its folder, so every
//! relative link of the list's template and rows holds on each page, and no page can take
//! a record's address (a record's page address has no `.`).

use serde::Serialize;

use crate::locale;

/// How a list's rows fall on pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    size: usize,
    berlaku: usize,
    berakhir: usize,
    /// The file of the list's search index when it is paged, beside its pages.
    search_index: &'static str,
}

/// The compact search index of a paged register, beside its pages.
pub const SEARCH_INDEX: &str = "cari.json";

/// How many page links the navigation shows on each side of the current page.
const NEIGHBOURS: usize = 2;

impl Paging {
    /// The register: `size` rows a page, for `berlaku` rows in force and `berakhir`
    /// ended ones, searched from `cari.json` when paged.
    pub fn new(size: usize, berlaku: usize, berakhir: usize) -> Self {
        Paging {
            size: size.max(1),
            berlaku,
            berakhir,
            search_index: SEARCH_INDEX,
        }
    }

    /// A list of one table: `size` rows a page for `rows` rows, searched from
    /// `search_index` when paged. Its rows count as the register's rows in force.
    pub fn one_table(size: usize, rows: usize, search_index: &'static str) -> Self {
        Paging {
            search_index,
            ..Paging::new(size, rows, 0)
        }
    }

    fn rows(&self) -> usize {
        self.berlaku + self.berakhir
    }

    /// The number of pages (one for an empty register).
    pub fn pages(&self) -> usize {
        self.rows().div_ceil(self.size).max(1)
    }

    pub fn is_paged(&self) -> bool {
        self.pages() > 1
    }

    /// The page (from 0) of the in-force row numbered `no` (from 1).
    pub fn page_of_berlaku(&self, no: usize) -> usize {
        (no - 1) / self.size
    }

    /// The page (from 0) of the ended row numbered `no` (from 1).
    pub fn page_of_berakhir(&self, no: usize) -> usize {
        (self.berlaku + no - 1) / self.size
    }

    /// The rows of `page` (from 0): in force, ended.
    pub fn rows_on(&self, page: usize) -> (usize, usize) {
        let start = page * self.size;
        let end = (start + self.size).min(self.rows());
        let overlap = |from: usize, to: usize| to.min(end).saturating_sub(from.max(start));
        (overlap(0, self.berlaku), overlap(self.berlaku, self.rows()))
    }

    /// The file of `page` (from 0) in the list's folder.
    pub fn path(page: usize) -> String {
        match page {
            0 => "index.html".into(),
            k => format!("halaman-{}.html", k + 1),
        }
    }

    /// What the list's template shows of `page` (from 0).
    pub fn view(&self, page: usize) -> PageView {
        let pages = self.pages();
        let (berlaku, berakhir) = self.rows_on(page);
        let first = page * self.size + 1;
        let last = first + berlaku + berakhir - 1;
        let link = |k: usize| PageLink {
            nomor: k + 1,
            href: Self::path(k),
            sekarang: k == page,
            celah: false,
        };
        let mut tautan: Vec<PageLink> = Vec::new();
        for k in 0..pages {
            let near = k.abs_diff(page) <= NEIGHBOURS;
            if k == 0 || k + 1 == pages || near {
                if let Some(prev) = tautan.last()
                    && prev.nomor + 1 < k + 1
                    && !prev.celah
                {
                    tautan.push(PageLink {
                        nomor: 0,
                        href: String::new(),
                        sekarang: false,
                        celah: true,
                    });
                }
                tautan.push(link(k));
            }
        }
        // An ellipsis stands for a gap of one page too: show that page instead.
        let tautan = tautan
            .iter()
            .enumerate()
            .map(
                |(i, l)| match (l.celah, i.checked_sub(1).map(|p| &tautan[p])) {
                    (true, Some(before)) if tautan[i + 1].nomor == before.nomor + 2 => {
                        link(before.nomor)
                    }
                    _ => l.clone(),
                },
            )
            .collect();
        PageView {
            nomor: page + 1,
            jumlah: pages,
            baris: berlaku + berakhir,
            berlaku,
            berakhir,
            rentang: if pages > 1 {
                format!(
                    "Baris {}–{} dari {}",
                    locale::count(first),
                    locale::count(last),
                    locale::count(self.rows())
                )
            } else {
                String::new()
            },
            sebelumnya: (page > 0).then(|| Self::path(page - 1)),
            berikutnya: (page + 1 < pages).then(|| Self::path(page + 1)),
            tautan,
            indeks: (pages > 1).then(|| self.search_index.to_string()),
        }
    }
}

/// A link of the page navigation, or an ellipsis (`celah`) for pages left out.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PageLink {
    pub nomor: usize,
    pub href: String,
    pub sekarang: bool,
    pub celah: bool,
}

/// The `halaman_daftar` variable of a list's template (the register, the internal index).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PageView {
    /// This page's number, from 1.
    pub nomor: usize,
    /// How many pages the list has (1: not paged).
    pub jumlah: usize,
    /// Rows on this page, and of them (the register) in force, ended.
    pub baris: usize,
    pub berlaku: usize,
    pub berakhir: usize,
    /// "Baris 1.001–2.000 dari 10.000"; empty on a list of one page.
    pub rentang: String,
    pub sebelumnya: Option<String>,
    pub berikutnya: Option<String>,
    pub tautan: Vec<PageLink>,
    /// The search index of a paged list, for the script.
    pub indeks: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(p: &Paging, page: usize) -> String {
        p.view(page)
            .tautan
            .iter()
            .map(|l| match (l.celah, l.sekarang) {
                (true, _) => "…".to_string(),
                (_, true) => format!("[{}]", l.nomor),
                _ => l.nomor.to_string(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_register_up_to_the_page_size_is_one_page() {
        let p = Paging::new(1000, 950, 50);
        assert_eq!(p.pages(), 1);
        assert!(!p.is_paged());
        assert_eq!(p.rows_on(0), (950, 50));
        assert_eq!(p.view(0).rentang, "");
        assert_eq!(Paging::new(10, 0, 0).pages(), 1);
    }

    #[test]
    fn rows_in_force_come_first_then_the_ended_ones() {
        let p = Paging::new(1000, 2500, 7500);
        assert_eq!(p.pages(), 10);
        assert_eq!(p.rows_on(0), (1000, 0));
        assert_eq!(p.rows_on(2), (500, 500));
        assert_eq!(p.rows_on(9), (0, 1000));
        assert_eq!(p.page_of_berlaku(1000), 0);
        assert_eq!(p.page_of_berlaku(1001), 1);
        assert_eq!(p.page_of_berakhir(500), 2);
        assert_eq!(p.page_of_berakhir(501), 3);
        assert_eq!(p.view(1).rentang, "Baris 1.001–2.000 dari 10.000");
        assert_eq!(Paging::path(0), "index.html");
        assert_eq!(Paging::path(1), "halaman-2.html");
    }

    #[test]
    fn the_navigation_shows_the_ends_and_the_neighbours() {
        let p = Paging::new(10, 100, 0);
        assert_eq!(shown(&p, 0), "[1] 2 3 … 10");
        assert_eq!(shown(&p, 4), "1 2 3 4 [5] 6 7 … 10");
        assert_eq!(shown(&p, 5), "1 … 4 5 [6] 7 8 9 10");
        assert_eq!(shown(&p, 9), "1 … 8 9 [10]");
        assert_eq!(shown(&Paging::new(10, 11, 0), 1), "1 [2]");
        let last = Paging::new(10, 25, 0).view(2);
        assert_eq!(last.rentang, "Baris 21–25 dari 25");
        assert_eq!(last.sebelumnya.as_deref(), Some("halaman-2.html"));
        assert_eq!(last.berikutnya, None);
    }

    #[test]
    fn a_list_of_one_table_names_its_own_search_index() {
        let p = Paging::one_table(10, 25, "cari.js");
        assert_eq!(p.pages(), 3);
        assert_eq!(p.rows_on(2), (5, 0));
        let last = p.view(2);
        assert_eq!(
            (last.baris, last.rentang.as_str()),
            (5, "Baris 21–25 dari 25")
        );
        assert_eq!(last.indeks.as_deref(), Some("cari.js"));
        assert_eq!(Paging::one_table(10, 10, "cari.js").view(0).indeks, None);
        assert_eq!(
            Paging::new(10, 5, 6).view(0).indeks.as_deref(),
            Some("cari.json")
        );
    }
}
