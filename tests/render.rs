//! The rendered pages: snapshots of the `<main>` of the public index and a record page,
//! and what every page must (not) contain.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use daftar::render::{self, Rendered, theme};
use daftar::site::{self, DateSource};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn build_date() -> DateSource {
    DateSource {
        tanggal: NaiveDate::from_ymd_opt(2026, 11, 25),
        source_date_epoch: None,
        now: chrono::DateTime::UNIX_EPOCH,
    }
}

fn render_site(root: &Path) -> Rendered {
    let (site, report) = site::load(root, &build_date());
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    let site = site.expect("site loads");
    let theme = theme::load(root, &site.config.tema).expect("theme loads");
    render::render(&site, &theme, &report.diagnostics, &[]).expect("renders")
}

fn page(files: &daftar::render::Files, path: &str) -> String {
    String::from_utf8(
        files
            .get(path)
            .unwrap_or_else(|| panic!("{path} rendered"))
            .clone(),
    )
    .unwrap()
}

/// The `<main>` element of a page, one tag per line for readable snapshots.
fn main_of(html: &str) -> String {
    let start = html.find("<main").expect("page has <main>");
    let end = html.find("</main>").expect("page closes </main>") + "</main>".len();
    html[start..end].replace("><", ">\n<")
}

#[test]
fn public_index_main() {
    let out = render_site(&fixture("render-site"));
    insta::assert_snapshot!(main_of(&page(&out.public, "index.html")));
}

#[test]
fn public_record_page_main() {
    let out = render_site(&fixture("render-site"));
    insta::assert_snapshot!(main_of(&page(&out.public, "pusat-data/index.html")));
}

#[test]
fn ended_record_page_says_the_information_is_open() {
    let out = render_site(&fixture("render-site"));
    let html = page(&out.public, "2024-tarif-retribusi/index.html");
    assert!(html.contains("<strong>Jangka waktu pengecualian telah berakhir</strong> pada <time datetime=2024-12-31>31 Desember 2024</time>"), "{html}");
}

#[test]
fn public_output_has_exactly_the_expected_files() {
    let out = render_site(&fixture("render-site"));
    let paths: Vec<&str> = out.public.keys().map(String::as_str).collect();
    assert_eq!(
        paths,
        [
            "2024-tarif-retribusi/index.html",
            "404.html",
            "atom.xml",
            "berakhir/index.html",
            "daftar.css",
            "daftar.js",
            "dik.csv",
            "dik.json",
            "dik.schema.json",
            "index.html",
            "pusat-data/index.html",
            "robots.txt",
            "tentang/index.html",
        ]
    );
    let paths: Vec<&str> = out.internal.keys().map(String::as_str).collect();
    assert_eq!(paths, ["index.html", "internal.css", "sop/index.html"]);
}

#[test]
fn every_page_is_minified_indonesian_html_with_local_assets_only() {
    let out = render_site(&fixture("render-site"));
    for (files, dir) in [(&out.public, "public"), (&out.internal, "internal")] {
        for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
            let html = String::from_utf8(bytes.clone()).unwrap();
            assert!(
                html.starts_with("<!doctype html><html lang=id>"),
                "{dir}/{path}"
            );
            assert!(!html.contains("\n  "), "{dir}/{path} is not minified");
            for remote in ["http://", "https://", "//cdn", "googleapis", "@import"] {
                let outside_body = html.replace("https://example.go.id/pusat-data", "");
                assert!(
                    !outside_body.contains(remote),
                    "{dir}/{path} refers to {remote}"
                );
            }
        }
    }
}

#[test]
fn internal_index_shows_signoffs_timing_and_file_hashes() {
    let root = fixture("render-site");
    let out = render_site(&root);
    let html = page(&out.internal, "index.html");
    let source = std::fs::read(root.join("content/pusat-data.md")).unwrap();
    let sha = daftar::source::sha256_hex(&source);
    assert!(html.contains(&sha), "SHA-256 of the source is listed");
    assert!(html.contains("<code>content/pusat-data.md</code>"));
    assert!(
        html.contains("<code>19750321 200003 1 002</code>"),
        "NIP shown on the internal index"
    );
    assert!(
        html.contains("Rina Wulandari, S.Kom."),
        "Petugas PPID shown on the internal index"
    );
    assert!(html.contains("Berkas induk di lemari arsip Bidang Aplikasi Informatika, rak B."));
    assert!(
        html.contains("10 Maret 2025 pukul 08.30 WITA"),
        "step start time in WITA"
    );
    let sop = page(&out.internal, "sop/index.html");
    assert!(sop.contains("07/SOP-PPID/DISKOMINFO.1/2017"));
    assert!(
        sop.contains("3 jam 20 menit"),
        "total standard time of the SOP"
    );
}
