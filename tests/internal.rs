//! The internal index for auditors (issue 14): one compact row per record, a page per
//! record with its sign-offs, SOP timing and source hash, a compliance page whose figures
//! come from the records, and findings that link to their records. Rendered in memory
//! from the sample register and from a hand-made site of three records with known SOP
//! minutes. Beyond `baris_per_halaman` rows the index is in pages with a search index of
//! every record (`cari.js`): tried on the sample in pages of 10 rows.

mod common;

use common::rendered_text as page;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use daftar::record::nip;
use daftar::render::{self, Files, Rendered, theme};
use daftar::site::{self, DateSource, Site};
use scraper::{Html, Selector};

fn date() -> DateSource {
    DateSource {
        tanggal: NaiveDate::from_ymd_opt(2026, 11, 25),
        source_date_epoch: None,
        now: chrono::DateTime::UNIX_EPOCH,
    }
}

fn render_site(root: &Path) -> (Site, Rendered) {
    let (site, report) = site::load(root, &date());
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    let site = site.expect("site loads");
    let theme = theme::load(root, &site.config.tema).expect("theme loads");
    let out = render::render(&site, &theme, &report.diagnostics, &[]).expect("renders");
    (site, out)
}

/// The huruf a record cites, as the register's rows carry them: "c j".
fn public_huruf(r: &daftar::record::Record) -> String {
    let mut h: Vec<String> = r.pasal_17.iter().map(|p| p.huruf.to_string()).collect();
    h.sort();
    h.dedup();
    h.join(" ")
}

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn selector(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn text(el: scraper::ElementRef) -> String {
    el.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_index_has_one_compact_row_per_record_linking_to_its_page_and_no_sections() {
    let (site, out) = render_site(&sample());
    let html = page(&out.internal, "index.html");
    let doc = Html::parse_document(&html);
    let rows: Vec<_> = doc.select(&selector("table.daftar tbody tr")).collect();
    assert_eq!(rows.len(), site.records.len());
    for (row, r) in rows.iter().zip(&site.records) {
        let link = row.select(&selector("th a")).next().expect("a link");
        let href = link.value().attr("href").unwrap();
        assert_eq!(href, format!("{}/index.html", r.slug));
        assert!(out.internal.contains_key(href), "{href} is written");
        let cells: Vec<String> = row.select(&selector("td, th")).map(text).collect();
        assert_eq!(cells.len(), 12, "{cells:?}");
        assert_eq!(cells[1], r.nomor);
        assert_eq!(cells[3], r.unit);
        assert_eq!(cells[4], r.status.key());
        assert_eq!(
            row.value().attr("data-huruf"),
            Some(public_huruf(r).as_str())
        );
        // The row is compact: no NIP, no source path, no hash; its markup around the
        // text is under 250 bytes.
        let start = html.find(&format!("<a href=\"{href}\">")).unwrap();
        let start = html[..start].rfind("<tr").unwrap();
        let end = start
            + html[start + 3..]
                .find("<tr")
                .map_or(html[start..].find("</tbody>").unwrap(), |e| e + 3);
        let row_html = &html[start..end];
        assert!(!row_html.contains(&r.sha256), "{}", r.nomor);
        let text_len: usize = cells.iter().map(String::len).sum();
        assert!(
            row_html.len() - text_len < 250,
            "{} bytes of markup: {row_html}",
            row_html.len() - text_len
        );
    }
    assert_eq!(doc.select(&selector("section.catatan")).count(), 0);
    assert!(!html.contains(&site.records[0].sha256));
    // The filters of the register: unit, status, huruf, finding; and the script.
    for control in [
        "#saring-cari",
        "#saring-unit",
        "#saring-status",
        "#saring-huruf",
        "#saring-temuan",
        "#saring-urut",
    ] {
        assert_eq!(doc.select(&selector(control)).count(), 1, "{control}");
    }
    assert!(html.contains("<script defer src=internal.js></script>"));
    assert!(out.internal.contains_key("internal.js"));
    assert!(html.contains("<a href=kepatuhan/index.html>Kepatuhan dan temuan</a>"));
}

#[test]
fn each_record_has_an_internal_page_with_its_nips_sha256_and_sop_timing() {
    let (site, out) = render_site(&sample());
    for r in &site.records {
        let html = page(&out.internal, &format!("{}/index.html", r.slug));
        let doc = Html::parse_document(&html);
        let h1 = text(doc.select(&selector("h1")).next().unwrap());
        assert!(h1.starts_with(&format!("{}: ", r.nomor)), "{h1}");
        for s in [
            &r.pengesahan.petugas_ppid,
            &r.pengesahan.ppid_utama,
            &r.pengesahan.atasan_ppid,
        ] {
            assert!(
                html.contains(&format!("<code>{}</code>", nip::display(&s.nip))),
                "{}: NIP of {}",
                r.nomor,
                s.nama
            );
            let when = daftar::locale::date_time(s.tanggal, site.config.zone);
            assert!(html.contains(&when), "{}: sign-off at {when}", r.nomor);
        }
        assert!(
            html.contains(&format!("<code class=sidik>{}</code>", r.sha256)),
            "{}",
            r.nomor
        );
        assert!(html.contains(&format!("<code>{}</code>", r.path)));
        let steps: Vec<_> = doc
            .select(&selector("#judul-sop ~ div table tbody tr"))
            .collect();
        assert_eq!(steps.len(), r.langkah.len(), "{}", r.nomor);
        for (row, step) in steps.iter().zip(&r.langkah) {
            let cells: Vec<String> = row.select(&selector("td")).map(text).collect();
            let standard = site.config.sop.step(step.no).unwrap().mutu_baku_menit;
            assert_eq!(cells[0], step.no.to_string());
            assert_eq!(
                cells[2],
                daftar::locale::date_time(step.mulai, site.config.zone)
            );
            let over = step.menit.saturating_sub(standard);
            let expected = if over > 0 {
                format!("{} +{over} melebihi", step.menit)
            } else {
                step.menit.to_string()
            };
            assert_eq!(cells[4], expected, "{} step {}", r.nomor, step.no);
            assert_eq!(cells[5], standard.to_string());
            let class = row.value().attr("class").filter(|c| !c.is_empty());
            assert_eq!(class, (over > 0).then_some("lebih"));
        }
        if let Some(note) = &r.catatan_internal {
            assert!(html.contains(&note.replace('"', "&quot;")) || html.contains(note));
        }
        if let Some(d) = &r.keputusan {
            for p in &d.uji_konsekuensi.peserta {
                assert!(text(doc.root_element()).contains(p.as_str()), "{p}");
            }
        }
        assert!(html.contains("Belum ada versi yang diterbitkan yang memuat catatan ini."));
        // Never in public/: the public page at the same path has none of it.
        let public = page(&out.public, &format!("{}/index.html", r.slug));
        assert!(!public.contains(&r.sha256) && !public.contains("Pengesahan"));
    }
}

#[test]
fn a_finding_links_to_its_record_page_and_is_on_that_page() {
    let (site, out) = render_site(&sample());
    let ended = site
        .records
        .iter()
        .find(|r| r.path == "content/dkisp/2023-002-rencana-tarif-retribusi-pusat-data.md")
        .unwrap();
    let compliance = page(&out.internal, "kepatuhan/index.html");
    let link = format!(
        "<li><code>W0231</code> <a href=\"../{}/index.html\">{}</a>:",
        ended.slug, ended.path
    );
    assert!(compliance.contains(&link), "{compliance}");
    // Listed among the terms ended without an opening, linked too.
    let doc = Html::parse_document(&compliance);
    let listed: Vec<String> = doc
        .select(&selector("#judul-berakhir ~ div tbody th a"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(listed, [format!("../{}/index.html", ended.slug)]);
    let own = page(&out.internal, &format!("{}/index.html", ended.slug));
    assert!(
        own.contains(
            "<li><code>W0231</code> content/dkisp/2023-002-rencana-tarif-retribusi-pusat-data.md:"
        ),
        "{own}"
    );
    // The row counts it, and can be filtered as a record with a finding.
    let index = Html::parse_document(&page(&out.internal, "index.html"));
    let href = format!("{}/index.html", ended.slug);
    let row = index
        .select(&selector("table.daftar tbody tr"))
        .find(|tr| {
            tr.select(&selector("th a"))
                .any(|a| a.value().attr("href") == Some(href.as_str()))
        })
        .expect("the record's row");
    let last = row.select(&selector("td")).last().map(text);
    assert_eq!(last.as_deref(), Some("1"));
}

/// Three records with known minutes for SOP step 1 (standard 30): 20, 29 and 34, in two
/// work units. The other steps take 160 minutes in each record.
fn three_records() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let fixture = sample().join("tests/fixtures/render-site");
    std::fs::copy(fixture.join("daftar.toml"), tmp.path().join("daftar.toml")).unwrap();
    std::fs::create_dir(tmp.path().join("content")).unwrap();
    let base = std::fs::read_to_string(fixture.join("content/pusat-data.md")).unwrap();
    for (n, minutes, unit, term) in [
        (1, 20, "Unit Alfa", "{ tahun = 5 }"),
        (2, 29, "Unit Beta", "{ tahun = 5 }"),
        (3, 34, "Unit Alfa", "{ sampai = 2027-01-15 }"),
    ] {
        let text = base
            .replace("DIK-CONTOH-2025-001", &format!("DIK-UJI-2025-00{n}"))
            .replace("Bidang Persandian dan Keamanan Informasi", unit)
            .replace(
                "jangka_waktu = { tahun = 5 }",
                &format!("jangka_waktu = {term}"),
            )
            .replace(
                "{ no = 1, mulai = 2025-03-10T08:30:00+08:00, menit = 28 }",
                &format!("{{ no = 1, mulai = 2025-03-10T08:30:00+08:00, menit = {minutes} }}"),
            );
        assert_ne!(text, base);
        std::fs::write(tmp.path().join(format!("content/uji-{n}.md")), text).unwrap();
    }
    tmp
}

/// The cells of the table under the heading `id`, row by row.
fn table(doc: &Html, id: &str) -> Vec<Vec<String>> {
    doc.select(&selector(&format!("#{id} ~ div table tr")))
        .map(|tr| tr.select(&selector("th, td")).map(text).collect())
        .collect()
}

#[test]
fn the_compliance_page_shows_the_figures_of_a_hand_made_register() {
    let tmp = three_records();
    let (site, out) = render_site(tmp.path());
    assert_eq!(site.records.len(), 3);
    let doc = Html::parse_document(&page(&out.internal, "kepatuhan/index.html"));
    let steps = table(&doc, "judul-langkah");
    assert_eq!(
        steps[0],
        [
            "No",
            "Kegiatan",
            "Pelaksana",
            "Mutu baku",
            "Rata-rata",
            "Median",
            "Terlama",
            "Catatan melebihi"
        ]
    );
    // Step 1: 20, 29, 34 against 30 → mean 27.7, median 29, worst 34 (over), 1 of 3.
    assert_eq!(steps[1][0], "1");
    assert_eq!(
        steps[1][3..],
        ["30", "27,7", "29,0", "34 melebihi", "1 dari 3"]
    );
    // Step 2: 15 in each record, at its standard of 15: nothing over.
    assert_eq!(steps[2][3..], ["15", "15,0", "15,0", "15", "0 dari 3"]);
    // Per unit: totals 180 and 194 (Alfa), 189 (Beta) against 200.
    let units = table(&doc, "judul-unit");
    assert_eq!(
        units[1],
        ["Unit Alfa", "2", "187,0", "187,0", "194", "0", "1"]
    );
    assert_eq!(
        units[2],
        ["Unit Beta", "1", "189,0", "189,0", "189", "0", "0"]
    );
    assert_eq!(
        units[3],
        ["Semua unit", "3", "187,7", "189,0", "194", "0", "1"]
    );
    // The term ending in 51 days is listed (the 90-day window), linked to its page.
    let soon = table(&doc, "judul-segera");
    assert_eq!(soon.len(), 2, "{soon:?}");
    assert_eq!(
        soon[1],
        [
            "DIK-UJI-2025-003",
            site.records[2].judul.as_str(),
            "Unit Alfa",
            "15 Januari 2027",
            "51"
        ]
    );
    // The overrun of step 1 is a finding, linked to its record's internal page.
    let findings: Vec<(String, Option<String>)> = doc
        .select(&selector("ul.temuan li"))
        .map(|li| {
            let href = li
                .select(&selector("a"))
                .next()
                .and_then(|a| a.value().attr("href").map(str::to_string));
            (text(li), href)
        })
        .collect();
    let over: Vec<_> = findings
        .iter()
        .filter(|(t, _)| t.contains("content/uji-3.md"))
        .collect();
    assert!(!over.is_empty(), "{findings:?}");
    for (t, href) in over {
        assert_eq!(
            href.as_deref(),
            Some("../uji-3/index.html"),
            "finding {t} links to its record"
        );
    }
    // And the index counts it.
    let index = Html::parse_document(&page(&out.internal, "index.html"));
    let counts: Vec<String> = index
        .select(&selector("table.daftar tbody tr td:last-child"))
        .map(text)
        .collect();
    assert_eq!(counts.len(), 3);
    assert_ne!(counts[2], "0");
    let sop: Vec<String> = index
        .select(&selector("table.daftar tbody tr td:nth-last-child(2)"))
        .map(text)
        .collect();
    assert_eq!(sop, ["180/200", "189/200", "194/200"]);
}

#[test]
fn no_internal_page_writes_template_code_in_an_attribute_list() {
    // The templates are minified with template code kept: code may only stand inside
    // an attribute's value, never where an attribute would be.
    let dir = sample().join("themes/default/templates/internal");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for tag in text.split('<').skip(1) {
            let head = tag.split('>').next().unwrap();
            let name_end = head
                .find(|c: char| !c.is_ascii_alphanumeric() && c != '/')
                .unwrap_or(head.len());
            let rest = &head[name_end..];
            assert!(
                !rest.starts_with("{%") && !rest.starts_with("{{"),
                "{}: <{head}>",
                path.display()
            );
            // Outside quoted values, no template code.
            let mut outside = String::new();
            let mut quoted = false;
            for c in rest.chars() {
                if c == '"' {
                    quoted = !quoted;
                } else if !quoted {
                    outside.push(c);
                }
            }
            assert!(
                !outside.contains("{%") && !outside.contains("{{"),
                "{}: <{head}>",
                path.display()
            );
        }
    }
}

/// The sample register (19 records) with `baris_per_halaman = size`, rendered.
fn sample_in_pages(size: usize) -> (tempfile::TempDir, Site, Rendered) {
    let tmp = tempfile::tempdir().unwrap();
    common::copy_site(
        &sample(),
        tmp.path(),
        &["daftar.toml", "content", "keputusan"],
    );
    let own = std::fs::read_to_string(tmp.path().join("daftar.toml")).unwrap();
    std::fs::write(
        tmp.path().join("daftar.toml"),
        format!("baris_per_halaman = {size}\n{own}"),
    )
    .unwrap();
    let (site, out) = render_site(tmp.path());
    (tmp, site, out)
}

/// The files of the index's pages, in order: `index.html`, `halaman-2.html`…
fn index_pages(files: &Files) -> Vec<String> {
    let mut pages = vec!["index.html".to_string()];
    while files.contains_key(&format!("halaman-{}.html", pages.len() + 1)) {
        pages.push(format!("halaman-{}.html", pages.len() + 1));
    }
    pages
}

/// The rows of an index page's own table (not the table of results from every page).
fn own_rows(doc: &Html) -> Vec<scraper::ElementRef<'_>> {
    doc.select(&selector("table.daftar:not(.daftar-hasil) tbody tr"))
        .collect()
}

/// `cari.js` as the JSON it assigns to `window.daftarInternal`.
fn internal_search_index(files: &Files) -> serde_json::Value {
    let text = page(files, "cari.js");
    let json = text
        .strip_prefix("window.daftarInternal=")
        .and_then(|t| t.trim_end().strip_suffix(';'))
        .expect("cari.js assigns one object");
    serde_json::from_str(json).expect("cari.js holds JSON")
}

#[test]
fn an_index_up_to_the_page_size_is_one_page_without_navigation_or_search_index() {
    let (_tmp, site, out) = sample_in_pages(19);
    assert_eq!(site.records.len(), 19);
    assert_eq!(index_pages(&out.internal), ["index.html"]);
    let doc = Html::parse_document(&page(&out.internal, "index.html"));
    assert_eq!(own_rows(&doc).len(), 19);
    for absent in [
        "nav.halaman-nav",
        "#hasil",
        "#rentang",
        "script[src='halaman.js']",
    ] {
        assert_eq!(doc.select(&selector(absent)).count(), 0, "{absent}");
    }
    for file in ["cari.js", "halaman.js", "halaman.css", "halaman-2.html"] {
        assert!(!out.internal.contains_key(file), "{file} is not written");
    }
    // The same bytes as the sample at the default page size (1,000 rows).
    let (_, default) = render_site(&sample());
    assert_eq!(out.internal, default.internal);
}

#[test]
fn an_index_beyond_the_page_size_is_in_pages_each_record_on_exactly_one() {
    let (_tmp, site, out) = sample_in_pages(10);
    let pages = index_pages(&out.internal);
    assert_eq!(pages, ["index.html", "halaman-2.html"]);
    let mut seen: Vec<String> = Vec::new();
    let mut numbers: Vec<String> = Vec::new();
    for (k, name) in pages.iter().enumerate() {
        let html = page(&out.internal, name);
        let doc = Html::parse_document(&html);
        let rows = own_rows(&doc);
        assert_eq!(rows.len(), [10, 9][k], "{name}");
        for row in &rows {
            let href = row.select(&selector("th a")).next().unwrap();
            seen.push(href.value().attr("href").unwrap().to_string());
            numbers.push(text(row.select(&selector("td")).next().unwrap()));
        }
        // Each page: the summary of the whole register, the filters, and its title.
        let total = doc.select(&selector("dl.angka dd")).next().map(text);
        assert_eq!(total.as_deref(), Some("19"), "{name}");
        assert_eq!(doc.select(&selector("form#saring")).count(), 1, "{name}");
        let title = text(doc.select(&selector("title")).next().unwrap());
        assert!(
            title.starts_with(&format!("Indeks arsip internal (halaman {} dari 2)", k + 1)),
            "{title}"
        );
        let range = text(doc.select(&selector("#rentang")).next().unwrap());
        let from = k * 10 + 1;
        let to = from + rows.len() - 1;
        assert!(
            range.starts_with(&format!(
                "Baris {from}–{to} dari 19 (halaman {} dari 2)",
                k + 1
            )),
            "{range}"
        );
        // The navigation above and below the rows, this page marked current; every link
        // leads to a page of the index.
        let navs: Vec<_> = doc.select(&selector("nav.halaman-nav")).collect();
        let labels: Vec<_> = navs
            .iter()
            .map(|n| n.value().attr("aria-label").unwrap())
            .collect();
        assert_eq!(labels, ["Halaman", "Halaman, di bawah daftar"], "{name}");
        for nav in &navs {
            let current: Vec<_> = nav
                .select(&selector("a[aria-current=page]"))
                .map(|a| a.value().attr("href").unwrap())
                .collect();
            assert_eq!(current, [name.as_str()], "{name}");
            for a in nav.select(&selector("a")) {
                let href = a.value().attr("href").unwrap();
                assert!(pages.iter().any(|p| p == href), "{name}: {href}");
            }
        }
        // Above and below: the first navigation comes before the table, the last after.
        let order: Vec<_> = doc
            .select(&selector(
                "nav.halaman-nav, table.daftar:not(.daftar-hasil)",
            ))
            .map(|el| el.value().name().to_string())
            .collect();
        assert_eq!(order, ["nav", "table", "nav"], "{name}");
        // The results of a search over every page, its script and style sheet.
        let results = doc
            .select(&selector("section#hasil"))
            .next()
            .expect("#hasil");
        assert_eq!(results.value().attr("data-indeks"), Some("cari.js"));
        assert!(
            results.value().attr("hidden").is_some(),
            "hidden without a search"
        );
        for (css, attr, file) in [
            ("script[src='internal.js']", "src", "internal.js"),
            ("script[src='halaman.js']", "src", "halaman.js"),
            ("link[href='halaman.css']", "href", "halaman.css"),
        ] {
            let el = doc
                .select(&selector(css))
                .next()
                .unwrap_or_else(|| panic!("{css}"));
            assert!(
                out.internal.contains_key(el.value().attr(attr).unwrap()),
                "{file}"
            );
        }
    }
    // Every record on exactly one page, in record order, numbered 1 to 19 across pages.
    let expected: Vec<String> = site
        .records
        .iter()
        .map(|r| format!("{}/index.html", r.slug))
        .collect();
    assert_eq!(seen, expected);
    let counted: Vec<String> = (1..=19).map(|n| n.to_string()).collect();
    assert_eq!(numbers, counted);
    for href in &seen {
        assert!(out.internal.contains_key(href), "{href} is written");
    }
    // None of it in public/: the public register keeps its own pages and cari.json.
    for file in ["cari.js", "halaman.js", "halaman.css"] {
        assert!(!out.public.contains_key(file), "{file} in public/");
    }
}

#[test]
fn the_internal_search_index_has_every_record_once_as_its_row_shows_it() {
    let (_tmp, site, out) = sample_in_pages(10);
    let index = internal_search_index(&out.internal);
    let columns = common::index_columns(&index);
    assert_eq!(columns, daftar::render::internal_search_index::COLUMNS);
    let col = |name: &str| columns.iter().position(|c| *c == name).unwrap();
    let entries = index["baris"].as_array().unwrap();
    let texts = index["teks"].as_array().unwrap();
    assert_eq!(entries.len(), site.records.len());
    let slugs: BTreeSet<&str> = entries
        .iter()
        .map(|e| e[col("slug")].as_str().unwrap())
        .collect();
    assert_eq!(slugs.len(), site.records.len(), "each record once");
    // Each entry says what its record's row shows, cell by cell.
    let mut rows = Vec::new();
    let docs: Vec<Html> = index_pages(&out.internal)
        .iter()
        .map(|p| Html::parse_document(&page(&out.internal, p)))
        .collect();
    for doc in &docs {
        for row in own_rows(doc) {
            let cells: Vec<String> = row.select(&selector("td, th")).map(text).collect();
            let href = row.select(&selector("th a")).next().unwrap();
            let over = row.select(&selector("td.lebih")).count() > 0;
            let huruf = row.value().attr("data-huruf").unwrap().to_string();
            rows.push((
                cells,
                href.value().attr("href").unwrap().to_string(),
                over,
                huruf,
            ));
        }
    }
    assert_eq!(rows.len(), entries.len());
    let (mut with_findings, mut over_standard) = (0, 0);
    for (e, (cells, href, over, huruf)) in entries.iter().zip(&rows) {
        let s = |name: &str| e[col(name)].as_str().unwrap().to_string();
        let n = |name: &str| e[col(name)].as_u64().unwrap();
        let days: Vec<String> = e[col("pengesahan")]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d.as_str().unwrap().to_string())
            .collect();
        let akhir = match s("akhir") {
            a if a.is_empty() => "–".to_string(),
            a => a,
        };
        let unit = texts[n("unit") as usize].as_str().unwrap().to_string();
        let mut shown = vec![
            n("no").to_string(),
            s("nomor"),
            s("judul"),
            unit,
            s("status"),
            akhir,
            s("ditetapkan"),
        ];
        shown.extend(days);
        shown.push(format!("{}/{}", n("menit"), n("mutu_baku_menit")));
        shown.push(n("temuan").to_string());
        assert_eq!(&shown, cells);
        assert_eq!(&format!("{}/index.html", s("slug")), href);
        assert_eq!(&s("huruf"), huruf);
        assert_eq!(n("langkah_melebihi") > 0, *over, "{}", s("nomor"));
        with_findings += usize::from(n("temuan") > 0);
        over_standard += usize::from(*over);
    }
    assert!(with_findings > 0 && over_standard > 0, "both are covered");
}

#[test]
fn the_internal_search_index_holds_nothing_the_row_does_not_show() {
    let (_tmp, site, out) = sample_in_pages(10);
    let raw = page(&out.internal, "cari.js");
    for r in &site.records {
        for marker in common::internal_markers(r) {
            assert!(
                !raw.contains(&marker),
                "cari.js holds {marker:?} of {}",
                r.nomor
            );
        }
        for s in [
            &r.pengesahan.petugas_ppid,
            &r.pengesahan.ppid_utama,
            &r.pengesahan.atasan_ppid,
        ] {
            assert!(!raw.contains(&s.nama), "cari.js names {}", s.nama);
        }
        assert!(
            !raw.contains(&r.sha256) && !raw.contains(&r.path),
            "{}",
            r.nomor
        );
    }
}
