//! The machine-readable exports: `dik.json` validates against the published schema,
//! `dik.csv` round-trips, `atom.xml` and `sitemap.xml` parse and list every record.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use daftar::render::exports::{self, CSV_HEADER};
use daftar::render::{self, Rendered, theme};
use daftar::site::{self, DateSource, Site};
use serde_json::Value;

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn build(root: &Path) -> (Site, Rendered) {
    let dates = DateSource {
        tanggal: NaiveDate::from_ymd_opt(2026, 11, 25),
        source_date_epoch: None,
        now: chrono::DateTime::UNIX_EPOCH,
    };
    let (site, report) = site::load(root, &dates);
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    let site = site.unwrap();
    let theme = theme::load(root, &site.config.tema).unwrap();
    let out = render::render(&site, &theme, &report.diagnostics, &[]).unwrap();
    (site, out)
}

fn text(out: &Rendered, path: &str) -> String {
    String::from_utf8(out.public[path].clone()).unwrap()
}

fn schema() -> Value {
    serde_json::from_str(exports::SCHEMA).unwrap()
}

#[test]
fn dik_json_validates_against_its_schema_and_lists_every_record() {
    let (site, out) = build(&sample());
    let json: Value = serde_json::from_str(&text(&out, "dik.json")).unwrap();
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(json["jumlah"], site.records.len());
    let nomors: Vec<&str> = json["catatan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["nomor"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = site.records.iter().map(|r| r.nomor.as_str()).collect();
    assert_eq!(nomors, expected);
    assert_eq!(
        json["$schema"],
        "https://ppid.kaltaraprov.go.id/dik/dik.schema.json"
    );
    assert_eq!(out.public["dik.schema.json"], exports::SCHEMA.as_bytes());
    let ended: Vec<&Value> = json["catatan"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "berakhir")
        .collect();
    assert_eq!(ended.len(), 1);
    assert_eq!(ended[0]["jangka_waktu"]["berlaku_sampai"], "2025-12-31");
    // The opened record, with its basis; the decision of each record with a file.
    let opened: Vec<&Value> = json["catatan"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "dibuka")
        .collect();
    assert_eq!(opened.len(), 1);
    assert_eq!(opened[0]["dibuka"]["dasar"], "putusan_komisi_informasi");
    for (c, r) in json["catatan"]
        .as_array()
        .unwrap()
        .iter()
        .zip(&site.records)
    {
        match &r.keputusan {
            Some(d) => {
                assert_eq!(c["keputusan"]["nomor"], d.nomor.as_str());
                assert_eq!(c["keputusan"]["tanggal"], d.tanggal.to_string());
                assert_eq!(c["nomor_penetapan"], d.nomor.as_str());
                assert_eq!(c["ditetapkan"], d.tanggal.to_string());
            }
            None => assert!(c["keputusan"].is_null()),
        }
    }
}

#[test]
fn the_schema_refuses_an_internal_field_and_a_bad_record() {
    let (_, out) = build(&sample());
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let mut json: Value = serde_json::from_str(&text(&out, "dik.json")).unwrap();
    let decided = json["catatan"]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| c["keputusan"].is_object())
        .expect("a record with a decision file");
    json["catatan"][decided]["keputusan"]["pejabat"]["nip"] = Value::from("197503212000031002");
    assert!(
        !validator.is_valid(&json),
        "a NIP may not appear in dik.json"
    );
    let mut json: Value = serde_json::from_str(&text(&out, "dik.json")).unwrap();
    json["catatan"][decided]["keputusan"]["uji_konsekuensi"] = Value::from("UK/005");
    assert!(
        !validator.is_valid(&json),
        "the consequence test of a decision is internal"
    );
    let mut json: Value = serde_json::from_str(&text(&out, "dik.json")).unwrap();
    json["catatan"][0]["catatan_internal"] = Value::from("lemari R.2");
    assert!(!validator.is_valid(&json));
    let mut json: Value = serde_json::from_str(&text(&out, "dik.json")).unwrap();
    json["catatan"][0]["pasal_17"][0]["kode"] = Value::from("c.8");
    assert!(!validator.is_valid(&json), "c.8 is not a Pasal 17 point");
}

#[test]
fn dik_csv_is_rfc_4180_with_a_bom_and_round_trips() {
    let (_, out) = build(&sample());
    let bytes = &out.public["dik.csv"];
    assert!(bytes.starts_with("\u{feff}nomor,judul,".as_bytes()));
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(text.lines().count() > 1);
    assert!(text.split("\r\n").count() > 19, "rows end with CRLF");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        CSV_HEADER
    );
    let json: Value =
        serde_json::from_str(&String::from_utf8(out.public["dik.json"].clone()).unwrap()).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let records = json["catatan"].as_array().unwrap();
    assert_eq!(rows.len(), records.len());
    for (row, rec) in rows.iter().zip(records) {
        assert_eq!(&row[0], rec["nomor"].as_str().unwrap());
        assert_eq!(&row[1], rec["judul"].as_str().unwrap());
        assert_eq!(&row[6], rec["akibat_dibuka"].as_str().unwrap());
        assert_eq!(&row[10], rec["ditetapkan"].as_str().unwrap());
        assert_eq!(&row[12], rec["nomor_penetapan"].as_str().unwrap());
        // The decision's number and date, and who decided and approved, from the file.
        match rec["keputusan"].as_object() {
            Some(k) => {
                assert_eq!(&row[12], k["nomor"].as_str().unwrap());
                assert_eq!(&row[10], k["tanggal"].as_str().unwrap());
                assert_eq!(&row[13], k["tentang"].as_str().unwrap());
                assert_eq!(&row[14], k["pejabat"]["nama"].as_str().unwrap());
                assert_eq!(&row[18], k["persetujuan"]["tanggal"].as_str().unwrap());
            }
            None => assert_eq!(&row[14], ""),
        }
        assert_eq!(&row[22], rec["halaman"].as_str().unwrap());
    }
}

#[test]
fn csv_fields_with_commas_quotes_and_newlines_round_trip() {
    let (site, _) = build(&sample());
    let view = daftar::view::SiteView::new(&site);
    let mut records: Vec<daftar::view::PublicRecord> = site
        .records
        .iter()
        .map(|r| daftar::view::PublicRecord::new(r, &site.config))
        .collect();
    let tricky = "Data \"khusus\", termasuk\r\nbaris baru; dan koma, ya";
    records[0].judul = tricky.to_string();
    let mut bytes = exports::csv_head();
    bytes.extend(exports::csv_row(&view, &records[0]));
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let first = reader.records().next().unwrap().unwrap();
    assert_eq!(&first[1], tricky);
}

#[test]
fn atom_has_an_entry_per_record_with_stable_ids() {
    let (site, out) = build(&sample());
    let feed = atom_syndication::Feed::read_from(out.public["atom.xml"].as_slice()).unwrap();
    assert_eq!(feed.entries().len(), site.records.len());
    for (entry, r) in feed.entries().iter().zip(&site.records) {
        assert_eq!(
            entry.id(),
            exports::entry_id(&site.config.badan_publik, &r.nomor)
        );
        assert_eq!(
            entry.links()[0].href(),
            format!("https://ppid.kaltaraprov.go.id/dik/{}/", r.slug)
        );
        // The decision's date and number travel with every entry.
        let summary = entry.summary().unwrap().value.as_str();
        // The end of the term, where it has one.
        if let Some(end) = r.berlaku_sampai {
            assert!(
                summary.contains(&format!("sampai dengan {}", daftar::locale::date(end))),
                "{summary}"
            );
        }

        let decided = daftar::locale::date(r.ditetapkan);
        match &r.nomor_penetapan {
            Some(n) => assert!(
                summary.contains(&format!(
                    "Ditetapkan dengan keputusan Nomor {n} tanggal {decided}."
                )),
                "{summary}"
            ),
            None => assert!(
                summary.contains(&format!("Ditetapkan tanggal {decided}.")),
                "{summary}"
            ),
        }
    }
    assert_eq!(feed.lang(), Some("id"));
    assert_eq!(
        feed.links()[0].href(),
        "https://ppid.kaltaraprov.go.id/dik/atom.xml"
    );
}

#[test]
fn sitemap_lists_every_page_under_base_url() {
    let (site, out) = build(&sample());
    let xml = text(&out, "sitemap.xml");
    let locs: Vec<&str> = xml
        .split("<loc>")
        .skip(1)
        .map(|s| s.split("</loc>").next().unwrap())
        .collect();
    // The register, berakhir/, tentang/, keputusan/ and one page per decision.
    assert_eq!(locs.len(), site.records.len() + 4 + 3);
    for d in site.decisions.iter() {
        let loc = format!("https://ppid.kaltaraprov.go.id/dik/keputusan/{}/", d.slug);
        assert!(locs.contains(&loc.as_str()), "{loc}");
    }
    assert!(
        locs.iter()
            .all(|l| l.starts_with("https://ppid.kaltaraprov.go.id/dik/"))
    );
    for r in &site.records {
        assert!(locs.contains(&format!("https://ppid.kaltaraprov.go.id/dik/{}/", r.slug).as_str()));
    }
    assert_eq!(
        text(&out, "robots.txt"),
        "User-agent: *\nAllow: /\nSitemap: https://ppid.kaltaraprov.go.id/dik/sitemap.xml\n"
    );
}

#[test]
fn without_base_url_there_is_no_sitemap_and_links_are_relative() {
    let (site, out) = build(&sample().join("tests/fixtures/render-site"));
    assert!(site.config.base_url.is_none());
    assert!(!out.public.contains_key("sitemap.xml"));
    assert_eq!(text(&out, "robots.txt"), "User-agent: *\nAllow: /\n");
    let json: Value = serde_json::from_str(&text(&out, "dik.json")).unwrap();
    assert_eq!(json["catatan"][1]["halaman"], "pusat-data/index.html");
}
