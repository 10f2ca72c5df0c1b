//! The rendered pages: snapshots of the `<main>` of the public index and a record page,
//! and what every page must (not) contain: the Pasal 17 references of a table cell one by
//! one, the office's logo in the header, and the date the register last changed apart
//! from the date its status is computed for.

mod common;

use common::rendered_text as page;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use daftar::archive::VersionInfo;
use daftar::render::{self, Rendered, theme};
use daftar::site::{self, DateSource};
use scraper::{ElementRef, Html, Selector};

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
    render_with_history(root, &[])
}

fn render_with_history(root: &Path, history: &[VersionInfo]) -> Rendered {
    let (site, report) = site::load(root, &build_date());
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    let site = site.expect("site loads");
    let theme = theme::load(root, &site.config.tema).expect("theme loads");
    render::render(&site, &theme, &report.diagnostics, history).expect("renders")
}

/// The repository's sample register (with decisions, an opened record, and records that
/// cite several Pasal 17 references).
fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn selector(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// An element's text with its white space collapsed.
fn text_of(el: ElementRef) -> String {
    el.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
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
    assert!(html.contains("<strong>Jangka waktu pengecualian telah berakhir</strong> pada <time datetime=\"2024-12-31\">31 Desember 2024</time>"), "{html}");
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
    assert_eq!(
        paths,
        [
            "2024-tarif-retribusi/index.html",
            "index.html",
            "internal.css",
            "internal.js",
            "kepatuhan/index.html",
            "pusat-data/index.html",
            "sop/index.html",
        ]
    );
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
fn internal_record_page_shows_signoffs_timing_and_file_hashes() {
    let root = fixture("render-site");
    let out = render_site(&root);
    let html = page(&out.internal, "pusat-data/index.html");
    let source = std::fs::read(root.join("content/pusat-data.md")).unwrap();
    let sha = daftar::source::sha256_hex(&source);
    assert!(html.contains(&sha), "SHA-256 of the source is listed");
    assert!(html.contains("<code>content/pusat-data.md</code>"));
    assert!(
        html.contains("<code>19750321 200003 1 002</code>"),
        "NIP shown on the internal page"
    );
    assert!(
        html.contains("Rina Wulandari, S.Kom."),
        "Petugas PPID shown on the internal page"
    );
    let other = page(&out.internal, "2024-tarif-retribusi/index.html");
    assert!(other.contains("Berkas induk di lemari arsip Bidang Aplikasi Informatika, rak B."));
    assert!(
        !html.contains("rak B."),
        "each page holds its own record's note"
    );
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

/// Whether `text` is one Pasal 17 reference as the tables write it:
/// "Pasal 17 huruf c angka 6 UU 14/2008" or "Pasal 17 huruf j UU 14/2008".
fn is_one_reference(text: &str) -> bool {
    let Some(rest) = text.strip_prefix("Pasal 17 huruf ") else {
        return false;
    };
    let Some(rest) = rest.strip_suffix(" UU 14/2008") else {
        return false;
    };
    let mut chars = rest.chars();
    let huruf = chars.next().is_some_and(|c| ('a'..='j').contains(&c));
    let angka = chars.as_str();
    huruf
        && (angka.is_empty()
            || angka
                .strip_prefix(" angka ")
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())))
}

#[test]
fn several_pasal_17_references_in_a_cell_are_one_item_each_with_no_stray_commas() {
    let out = render_site(&sample());
    let lists = selector("ul.daftar-pasal");
    let mut pages: Vec<&str> = vec!["index.html", "berakhir/index.html"];
    pages.extend(
        out.public
            .keys()
            .map(String::as_str)
            .filter(|p| p.starts_with("keputusan/") && p.matches('/').count() == 2),
    );
    assert!(pages.len() > 3, "the sample has decisions with a Lampiran");
    let mut several = 0;
    for path in pages {
        let doc = Html::parse_document(&page(&out.public, path));
        for ul in doc.select(&lists) {
            let cell = ElementRef::wrap(ul.parent().unwrap()).unwrap();
            assert_eq!(cell.value().name(), "td", "{path}: the list sits in a cell");
            // Nothing between the references: no comma, no text of the cell's own.
            for node in ul.children().chain(cell.children()) {
                if let Some(t) = node.value().as_text() {
                    assert!(
                        t.trim().is_empty(),
                        "{path}: stray text {:?} in {}",
                        &**t,
                        cell.html()
                    );
                }
            }
            let items: Vec<ElementRef> = ul.children().filter_map(ElementRef::wrap).collect();
            for li in &items {
                assert_eq!(li.value().name(), "li", "{path}");
                let text = text_of(*li);
                assert!(
                    is_one_reference(&text),
                    "{path}: {text:?} is not one whole reference"
                );
            }
            several += usize::from(items.len() > 1);
        }
    }
    assert!(
        several >= 3,
        "the sample has cells with several references: {several}"
    );
}

/// A copy of the render fixture with `extra` added to its `daftar.toml` and each of
/// `files` written into it.
fn site_with(extra: &str, files: &[File]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let from = fixture("render-site");
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.unwrap();
        let dest = tmp.path().join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
    let toml = tmp.path().join("daftar.toml");
    let config = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, format!("{extra}\n{config}")).unwrap();
    for (path, bytes) in files {
        let p = tmp.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    tmp
}

/// A file to write into a site: its path and bytes.
type File<'a> = (&'a str, &'a [u8]);

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

/// Every public page's header logo: its `src` and `alt`.
fn header_logos(out: &Rendered) -> Vec<(String, String, String)> {
    let img = selector("header.kepala img");
    out.public
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .flat_map(|(path, bytes)| {
            let doc = Html::parse_document(std::str::from_utf8(bytes).unwrap());
            let found: Vec<_> = doc
                .select(&img)
                .map(|i| {
                    let attr = |n| i.value().attr(n).unwrap_or_default().to_string();
                    (path.clone(), attr("src"), attr("alt"))
                })
                .collect();
            assert_eq!(found.len(), 1, "{path} has one logo in its header");
            found
        })
        .collect()
}

#[test]
fn the_offices_logo_is_copied_and_shown_in_every_header_with_its_alt_text() {
    let site = site_with(
        "logo = \"gambar/lambang.png\"",
        &[("gambar/lambang.png", PNG)],
    );
    let out = render_site(site.path());
    assert_eq!(out.public.get("logo.png").map(Vec::as_slice), Some(PNG));
    let logos = header_logos(&out);
    assert!(logos.len() >= 6);
    for (path, src, alt) in logos {
        // From each page's folder; the 404 page from the site's root path.
        let root = match path.as_str() {
            "404.html" => "/".to_string(),
            p => "../".repeat(p.matches('/').count()),
        };
        assert_eq!(src, format!("{root}logo.png"), "{path}");
        assert_eq!(alt, "Lambang Pemerintah Provinsi Contoh", "{path}");
    }

    let site = site_with(
        "logo = \"lambang.svg\"\nlogo_alt = \"Logo PPID Provinsi Contoh\"",
        &[(
            "lambang.svg",
            b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        )],
    );
    let out = render_site(site.path());
    assert!(out.public.contains_key("logo.svg"));
    assert!(
        header_logos(&out)
            .iter()
            .all(|(_, _, alt)| alt == "Logo PPID Provinsi Contoh")
    );

    // Without a logo, no image at all.
    let out = render_site(&fixture("render-site"));
    let img = selector("img");
    for (path, bytes) in out.public.iter().filter(|(p, _)| p.ends_with(".html")) {
        let doc = Html::parse_document(std::str::from_utf8(bytes).unwrap());
        assert_eq!(doc.select(&img).count(), 0, "{path}");
    }
}

#[test]
fn a_logo_that_cannot_be_used_is_e0502_at_its_line_and_column() {
    let cases: &[(&str, &[File], &str)] = &[
        (
            "logo = \"lambang.png\"",
            &[],
            "berkas logo `lambang.png` tidak ditemukan di folder situs",
        ),
        (
            "logo = \"../lambang.png\"",
            &[],
            "berkas logo `../lambang.png` berada di luar folder situs",
        ),
        (
            "logo = \"/etc/lambang.png\"",
            &[],
            "berkas logo `/etc/lambang.png` berada di luar folder situs",
        ),
        (
            "logo = \"public/logo.png\"",
            &[("public/logo.png", PNG)],
            "berkas logo `public/logo.png` tidak boleh berada di folder `public`",
        ),
        (
            "logo = \"lambang.bmp\"",
            &[("lambang.bmp", b"BM")],
            "berkas logo `lambang.bmp` bukan gambar yang dapat dipakai",
        ),
        (
            "logo = \"lambang.png\"",
            &[("lambang.png", b"GIF89a")],
            "berkas logo `lambang.png` bukan gambar PNG, walaupun akhiran namanya menyebut begitu",
        ),
        (
            "logo = \"gambar.png\"",
            &[("gambar.png/isi.txt", b"x")],
            "`gambar.png` adalah folder, bukan berkas gambar",
        ),
        (
            "logo_alt = \"Lambang\"",
            &[],
            "`logo_alt` hanya berlaku bersama `logo`",
        ),
    ];
    for (line, files, message) in cases {
        let site = site_with(line, files);
        let (config, diagnostics, _) = daftar::config::load(site.path());
        assert!(config.is_none(), "{line}");
        assert_eq!(diagnostics.len(), 1, "{line}: {diagnostics:?}");
        let d = &diagnostics[0];
        assert_eq!(d.code_id(), "E0502", "{line}");
        assert_eq!(d.message, *message, "{line}");
        assert!(d.hint.is_some(), "{line}: a hint says what to do");
        // The value's opening quote.
        let column = line.find('"').unwrap() + 1;
        assert_eq!(
            (d.file.as_str(), d.line, d.column),
            ("daftar.toml", Some(1), Some(column)),
            "{line}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_logo_linked_from_outside_the_site_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("lambang.png"), PNG).unwrap();
    let site = site_with("logo = \"lambang.png\"", &[]);
    std::os::unix::fs::symlink(
        outside.path().join("lambang.png"),
        site.path().join("lambang.png"),
    )
    .unwrap();
    let (config, diagnostics, _) = daftar::config::load(site.path());
    assert!(config.is_none());
    assert_eq!(
        diagnostics[0].message,
        "berkas logo `lambang.png` berada di luar folder situs"
    );
}

/// The footer's sentence on dates, as text.
fn footer_dates(html: &str) -> String {
    let doc = Html::parse_document(html);
    text_of(
        doc.select(&selector("footer .tanggal-daftar"))
            .next()
            .expect("footer dates"),
    )
}

#[test]
fn terakhir_diperbarui_is_the_registers_last_change_and_the_status_date_stands_apart() {
    let out = render_site(&fixture("render-site"));
    let status = "Status pengecualian dihitung per 25 November 2026.";
    // The newest determination is 7 March 2025; the build date is only the status date.
    let register =
        format!("Terakhir diperbarui 7 Maret 2025 (penetapan terbaru dalam daftar ini). {status}");
    for path in [
        "index.html",
        "berakhir/index.html",
        "tentang/index.html",
        "404.html",
    ] {
        assert_eq!(footer_dates(&page(&out.public, path)), register, "{path}");
    }
    assert_eq!(
        footer_dates(&page(&out.public, "pusat-data/index.html")),
        format!("Terakhir diperbarui 7 Maret 2025 (penetapan informasi ini). {status}")
    );
    assert_eq!(
        footer_dates(&page(&out.public, "2024-tarif-retribusi/index.html")),
        format!("Terakhir diperbarui 1 Februari 2022 (penetapan informasi ini). {status}")
    );
    let html = page(&out.public, "index.html");
    let doc = Html::parse_document(&html);
    let times: Vec<_> = doc
        .select(&selector("footer .tanggal-daftar time"))
        .map(|t| t.value().attr("datetime").unwrap().to_string())
        .collect();
    assert_eq!(times, ["2025-03-07", "2026-11-25"]);

    // An opening is a change too: the sample's newest act is an opening.
    let out = render_site(&sample());
    assert!(footer_dates(&page(&out.public, "index.html")).starts_with(
        "Terakhir diperbarui 15 Juni 2026 (pembukaan informasi terbaru dalam daftar ini). "
    ));

    // Publishing a version is no change of the register: the date stays.
    let version = VersionInfo {
        versi: "v0002".into(),
        nomor: 2,
        tanggal: "2026-11-20".into(),
        diterbitkan: "2026-11-20T10:00:00+08:00".into(),
        catatan: None,
        perangkat: format!("daftar {}", env!("CARGO_PKG_VERSION")),
        sebelumnya: Some("v0001".into()),
        sumber: Default::default(),
        daftar: Vec::new(),
        ditambah: Vec::new(),
        dihapus: Vec::new(),
        diubah: Vec::new(),
        sidik: None,
    };
    let out = render_with_history(&fixture("render-site"), &[version]);
    assert_eq!(footer_dates(&page(&out.public, "index.html")), register);
}
