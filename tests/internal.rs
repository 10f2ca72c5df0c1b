//! The internal index for auditors (issue 14): one compact row per record, a page per
//! record with its sign-offs, SOP timing and source hash, a compliance page whose figures
//! come from the records, and findings that link to their records. Rendered in memory
//! from the sample register and from a hand-made site of three records with known SOP
//! minutes.

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

fn page(files: &Files, path: &str) -> String {
    String::from_utf8(
        files
            .get(path)
            .unwrap_or_else(|| panic!("{path} rendered"))
            .clone(),
    )
    .unwrap()
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
