//! The public register in pages (`baris_per_halaman`): up to the page size it is one page,
//! `index.html`, with no navigation and no search index; beyond it, `halaman-2.html`… with
//! the right rows, numbered navigation and a search index of one entry per record; the
//! key's diagnostics. Built by the real binary on generated registers.

mod common;
#[path = "../examples/gen.rs"]
#[allow(dead_code)]
mod generator;

use std::path::Path;
use std::process::Command;

use common::{BIN, DATE, build};
use scraper::{Html, Selector};

/// A generated register of `records` records with `baris_per_halaman = size`, built.
fn built(records: usize, size: usize) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    generator::generate(records, tmp.path()).unwrap();
    let config = std::fs::read_to_string(tmp.path().join("daftar.toml")).unwrap();
    std::fs::write(
        tmp.path().join("daftar.toml"),
        format!("baris_per_halaman = {size}\n{config}"),
    )
    .unwrap();
    build(tmp.path());
    tmp
}

fn page(root: &Path, name: &str) -> String {
    std::fs::read_to_string(root.join("public").join(name)).unwrap()
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

/// The register's rows on a page: each has its number cell.
fn rows(html: &str) -> usize {
    select(&Html::parse_document(html), "td.no").len()
}

/// The links of the page navigation (both navigations of a page), as `(href, current)`.
fn navigation(html: &str) -> Vec<(String, bool)> {
    let html = Html::parse_document(html);
    select(&html, "nav.halaman-nav a")
        .into_iter()
        .map(|a| {
            let href = a.value().attr("href").unwrap().to_string();
            (href, a.value().attr("aria-current") == Some("page"))
        })
        .collect()
}

fn search_index(root: &Path) -> serde_json::Value {
    serde_json::from_str(&page(root, "cari.json")).unwrap()
}

#[test]
fn a_register_up_to_the_page_size_is_one_page_without_navigation() {
    let site = built(10, 10);
    let root = site.path();
    let index = page(root, "index.html");
    assert_eq!(rows(&index), 10);
    assert!(!index.contains("halaman-nav"), "no page navigation");
    assert!(
        select(&Html::parse_document(&index), "#hasil").is_empty(),
        "no results of the whole register"
    );
    assert!(!root.join("public/halaman-2.html").exists());
    assert!(!root.join("public/cari.json").exists());
    let sitemap = page(root, "sitemap.xml");
    assert!(!sitemap.contains("halaman-"));
}

#[test]
fn one_row_over_the_page_size_makes_two_pages() {
    let site = built(11, 10);
    let root = site.path();
    let first = page(root, "index.html");
    let second = page(root, "halaman-2.html");
    assert!(!root.join("public/halaman-3.html").exists());
    assert_eq!((rows(&first), rows(&second)), (10, 1));
    // Each page: a navigation above and below the rows, the page marked current.
    let current = |html: &str| {
        navigation(html)
            .into_iter()
            .filter(|(_, c)| *c)
            .map(|(h, _)| h)
            .collect::<Vec<_>>()
    };
    assert_eq!(current(&first), ["index.html", "index.html"]);
    assert_eq!(current(&second), ["halaman-2.html", "halaman-2.html"]);
    let hrefs = |html: &str| {
        navigation(html)
            .into_iter()
            .map(|(h, _)| h)
            .collect::<Vec<_>>()
    };
    // Page 1: 1, 2, "Berikutnya" (twice); page 2: "Sebelumnya", 1, 2 (twice).
    assert_eq!(
        hrefs(&first),
        ["index.html", "halaman-2.html", "halaman-2.html"].repeat(2)
    );
    assert_eq!(
        hrefs(&second),
        ["index.html", "index.html", "halaman-2.html"].repeat(2)
    );
    assert!(first.contains("Baris 1–10 dari 11 (halaman 1 dari 2)"));
    assert!(second.contains("Baris 11–11 dari 11 (halaman 2 dari 2)"));
    assert!(second.contains("<title>Daftar Informasi Publik yang Dikecualikan (halaman 2 dari 2)"));
    // Every row is on exactly one page, each record's link once.
    let index = search_index(root);
    let entries = index["baris"].as_array().unwrap();
    assert_eq!(entries.len(), 11);
    for e in entries {
        let slug = e[8].as_str().unwrap();
        let link = format!("{slug}/index.html");
        let on = [&first, &second]
            .iter()
            .filter(|p| {
                select(&Html::parse_document(p), "th[scope=row] a")
                    .iter()
                    .any(|a| a.value().attr("href") == Some(link.as_str()))
            })
            .count();
        assert_eq!(on, 1, "{slug} is listed on one page");
        assert!(root.join("public").join(slug).join("index.html").exists());
    }
    // The sitemap lists the second page.
    let sitemap = page(root, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://ppid.example.go.id/dik/halaman-2.html</loc>"));
}

#[test]
fn the_search_index_has_one_entry_per_record_and_only_public_columns() {
    let site = built(25, 10);
    let root = site.path();
    let index = search_index(root);
    let columns = common::index_columns(&index);
    assert_eq!(columns, common::SEARCH_INDEX_COLUMNS);
    let dik: serde_json::Value = serde_json::from_str(&page(root, "dik.json")).unwrap();
    let records = dik["catatan"].as_array().unwrap();
    let entries = index["baris"].as_array().unwrap();
    assert_eq!(entries.len(), records.len());
    let texts = index["teks"].as_array().unwrap();
    // In record order, as dik.json; each entry as the record says.
    let (mut berlaku, mut berakhir) = (0, 0);
    for (e, r) in entries.iter().zip(records) {
        assert_eq!(e.as_array().unwrap().len(), columns.len());
        assert_eq!(e[1], r["nomor"]);
        assert_eq!(e[2], r["judul"]);
        assert_eq!(e[3], r["status"]);
        assert_eq!(texts[e[9].as_u64().unwrap() as usize], r["unit"]);
        let lines: Vec<&serde_json::Value> = e[10]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| &texts[i.as_u64().unwrap() as usize])
            .collect();
        assert_eq!(
            lines,
            r["dasar_hukum"]
                .as_array()
                .unwrap()
                .iter()
                .collect::<Vec<_>>()
        );
        let no = if r["status"] == "berlaku" {
            berlaku += 1;
            berlaku
        } else {
            berakhir += 1;
            berakhir
        };
        assert_eq!(e[0], no, "the row's number in its table");
    }
    assert!(berlaku > 0 && berakhir > 0, "both tables are covered");
}

/// `daftar check --format json` on an empty register with `line` in `daftar.toml`.
fn config_diagnostics(line: &str) -> serde_json::Value {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("content")).unwrap();
    std::fs::write(tmp.path().join("daftar.toml"), format!("{line}\n")).unwrap();
    let out = Command::new(BIN)
        .args(["check", "--format", "json", "--tanggal", DATE, "--root"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{line}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["diagnostics"][0].clone()
}

#[test]
fn the_page_size_is_a_whole_number_from_10_to_1000() {
    for (line, code, message, column) in [
        (
            "baris_per_halaman = 9",
            "E0502",
            "`baris_per_halaman` harus bilangan bulat 10 sampai 1000",
            21,
        ),
        (
            "baris_per_halaman = 1001",
            "E0502",
            "`baris_per_halaman` harus bilangan bulat 10 sampai 1000",
            21,
        ),
        (
            "baris_per_halaman = \"100\"",
            "E0104",
            "`baris_per_halaman` harus berupa bilangan bulat, bukan teks",
            21,
        ),
    ] {
        let d = config_diagnostics(line);
        assert_eq!(d["code"], code, "{line}: {d}");
        assert_eq!(d["message"], message, "{line}: {d}");
        assert_eq!(
            (d["file"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
            (Some("daftar.toml"), Some(1), Some(column)),
            "{line}"
        );
    }
    let d = config_diagnostics("baris_per_halaman = 5");
    assert_eq!(
        d["hint"],
        "jumlah baris pada satu halaman daftar publik dan pada satu halaman indeks internal; bawaannya 1000, juga batas atasnya agar setiap halaman tetap ringan dibuka di ponsel; daftar yang lebih panjang dibagi menjadi beberapa halaman"
    );
}
