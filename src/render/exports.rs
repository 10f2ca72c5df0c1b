//! Machine-readable exports of the public register: `dik.json` (with its JSON Schema),
//! `dik.csv`, `atom.xml`, `sitemap.xml` and `robots.txt`. Like the pages they are made
//! from [`PublicRecord`]s only, so no internal field can reach them.

use atom_syndication::{Entry, Feed, Link, Person, Text};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use serde::Serialize;

use crate::archive::history::VersionView;
use crate::view::{Official, PublicRecord, SiteView};

/// The JSON Schema of `dik.json`, published beside it.
pub const SCHEMA: &str = include_str!("dik.schema.json");

/// The address of a record's page: absolute under `base_url` when it is set, else
/// relative to the site's root.
pub fn page_url(site: &SiteView, r: &PublicRecord) -> String {
    match &site.base_url {
        Some(base) => format!("{base}{}/", r.slug),
        None => format!("{}/index.html", r.slug),
    }
}

#[derive(Serialize)]
struct JsonPasal<'a> {
    kode: &'a str,
    label: &'a str,
}

#[derive(Serialize)]
struct JsonTerm<'a> {
    jenis: &'a str,
    teks: &'a str,
    berlaku_sampai: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonRecord<'a> {
    nomor: &'a str,
    judul: &'a str,
    unit: &'a str,
    status: &'a str,
    pasal_17: Vec<JsonPasal<'a>>,
    dasar_hukum: &'a [String],
    akibat_dibuka: &'a str,
    manfaat_ditutup: &'a str,
    jangka_waktu: JsonTerm<'a>,
    ditetapkan: &'a str,
    tempat: &'a str,
    nomor_penetapan: Option<&'a str>,
    ppid_utama: &'a Official,
    atasan_ppid: &'a Official,
    halaman: String,
    penjelasan: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonRegister<'a> {
    #[serde(rename = "$schema")]
    schema: String,
    judul: &'a str,
    badan_publik: &'a str,
    ppid: &'a str,
    diperbarui: &'a str,
    jumlah: usize,
    catatan: Vec<JsonRecord<'a>>,
}

pub fn json(site: &SiteView, records: &[PublicRecord]) -> Vec<u8> {
    let register = JsonRegister {
        schema: format!("{}dik.schema.json", site.base_url.as_deref().unwrap_or("")),
        judul: &site.judul,
        badan_publik: &site.badan_publik,
        ppid: &site.ppid,
        diperbarui: &site.tanggal_pembangunan_iso,
        jumlah: records.len(),
        catatan: records
            .iter()
            .map(|r| JsonRecord {
                nomor: &r.nomor,
                judul: &r.judul,
                unit: &r.unit,
                status: r.status,
                pasal_17: r
                    .pasal
                    .iter()
                    .map(|p| JsonPasal {
                        kode: &p.kode,
                        label: &p.label,
                    })
                    .collect(),
                dasar_hukum: &r.dasar_hukum,
                akibat_dibuka: &r.akibat_dibuka,
                manfaat_ditutup: &r.manfaat_ditutup,
                jangka_waktu: JsonTerm {
                    jenis: r.jangka_waktu.jenis,
                    teks: &r.jangka_waktu.teks,
                    berlaku_sampai: r.jangka_waktu.berlaku_sampai_iso.as_deref(),
                },
                ditetapkan: &r.ditetapkan_iso,
                tempat: &r.tempat,
                nomor_penetapan: r.nomor_penetapan.as_deref(),
                ppid_utama: &r.ppid_utama,
                atasan_ppid: &r.atasan_ppid,
                halaman: page_url(site, r),
                penjelasan: r.penjelasan.as_deref(),
            })
            .collect(),
    };
    let mut out = serde_json::to_vec_pretty(&register).expect("register serialises");
    out.push(b'\n');
    out
}

pub const CSV_HEADER: [&str; 18] = [
    "nomor",
    "judul",
    "unit",
    "status",
    "pasal_17",
    "dasar_hukum",
    "akibat_dibuka",
    "manfaat_ditutup",
    "jangka_waktu",
    "berlaku_sampai",
    "ditetapkan",
    "tempat",
    "nomor_penetapan",
    "ppid_utama",
    "jabatan_ppid_utama",
    "atasan_ppid",
    "jabatan_atasan_ppid",
    "halaman",
];

/// RFC 4180 CSV: a header row, CRLF line endings, fields quoted where needed; UTF-8
/// with a byte order mark, which spreadsheet programs need to read it as UTF-8.
/// Lists are joined with "; ".
pub fn csv(site: &SiteView, records: &[PublicRecord]) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(CSV_HEADER).expect("write to memory");
        for r in records {
            let pasal: Vec<&str> = r.pasal.iter().map(|p| p.label.as_str()).collect();
            w.write_record([
                r.nomor.as_str(),
                &r.judul,
                &r.unit,
                r.status,
                &pasal.join("; "),
                &r.dasar_hukum.join("; "),
                &r.akibat_dibuka,
                &r.manfaat_ditutup,
                &r.jangka_waktu.teks,
                r.jangka_waktu.berlaku_sampai_iso.as_deref().unwrap_or(""),
                &r.ditetapkan_iso,
                &r.tempat,
                r.nomor_penetapan.as_deref().unwrap_or(""),
                &r.ppid_utama.nama,
                &r.ppid_utama.jabatan,
                &r.atasan_ppid.nama,
                &r.atasan_ppid.jabatan,
                &page_url(site, r),
            ])
            .expect("write to memory");
        }
        w.flush().expect("write to memory");
    }
    out
}

/// A stable identifier for a record across versions and site moves: a name-based UUID
/// of the public body and the record's `nomor`.
pub fn entry_id(badan_publik: &str, nomor: &str) -> String {
    let name = format!("daftar:{badan_publik}:{}", nomor.to_lowercase());
    format!(
        "urn:uuid:{}",
        uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, name.as_bytes())
    )
}

fn midnight(date: &str, offset: FixedOffset) -> DateTime<FixedOffset> {
    let d = NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("ISO date from the view");
    d.and_time(NaiveTime::MIN)
        .and_local_timezone(offset)
        .single()
        .expect("fixed offset")
}

/// Atom 1.0: one entry per record, dated by its decision, and one per published
/// version of the register.
pub fn atom(
    site: &SiteView,
    offset: FixedOffset,
    records: &[PublicRecord],
    versions: &[VersionView],
) -> Vec<u8> {
    let base = site.base_url.as_deref().unwrap_or("");
    let link = |href: String, rel: &str| {
        let mut l = Link::default();
        l.set_href(href);
        l.set_rel(rel);
        l
    };
    let author = Person {
        name: site.ppid.clone(),
        ..Person::default()
    };
    let mut entries: Vec<Entry> = versions
        .iter()
        .map(|v| {
            let mut e = Entry::default();
            e.set_id(entry_id(&site.badan_publik, &format!("versi:{}", v.versi)));
            e.set_title(Text::plain(format!(
                "Versi {} daftar diterbitkan {}",
                v.nomor, v.tanggal
            )));
            let updated = DateTime::parse_from_rfc3339(&v.diterbitkan_iso)
                .unwrap_or_else(|_| midnight(&v.tanggal_iso, offset));
            e.set_updated(updated);
            e.set_links(vec![link(format!("{base}riwayat/"), "alternate")]);
            let list = |items: &[crate::archive::history::Change]| {
                if items.is_empty() {
                    "tidak ada".to_string()
                } else {
                    items
                        .iter()
                        .map(|c| c.nomor.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            };
            e.set_summary(Some(Text::plain(format!(
                "{} informasi dikecualikan. Ditambah: {}. Dihapus: {}. Diubah: {}.",
                v.jumlah,
                list(&v.ditambah),
                list(&v.dihapus),
                list(&v.diubah)
            ))));
            e
        })
        .collect();
    let record_entries: Vec<Entry> = records
        .iter()
        .map(|r| {
            let mut e = Entry::default();
            e.set_id(entry_id(&site.badan_publik, &r.nomor));
            e.set_title(Text::plain(format!("{}: {}", r.nomor, r.judul)));
            e.set_updated(midnight(&r.ditetapkan_iso, offset));
            e.set_links(vec![link(page_url(site, r), "alternate")]);
            let pasal: Vec<&str> = r.pasal.iter().map(|p| p.label.as_str()).collect();
            let status = if r.status == "berakhir" {
                "pengecualian telah berakhir; informasi kini terbuka"
            } else {
                "berlaku"
            };
            e.set_summary(Some(Text::plain(format!(
                "{} ({}). Jangka waktu: {}. Status: {status}.",
                r.unit,
                pasal.join(", "),
                r.jangka_waktu.teks
            ))));
            e
        })
        .collect();
    entries.extend(record_entries);
    let mut feed = Feed::default();
    feed.set_title(Text::plain(format!(
        "{} · {}",
        site.judul, site.badan_publik
    )));
    feed.set_id(entry_id(&site.badan_publik, ""));
    feed.set_updated(midnight(&site.tanggal_pembangunan_iso, offset));
    feed.set_authors(vec![author]);
    feed.set_lang(Some("id".to_string()));
    feed.set_links(vec![
        link(format!("{base}atom.xml"), "self"),
        link(format!("{base}index.html"), "alternate"),
    ]);
    feed.set_entries(entries);
    let mut out = Vec::new();
    feed.write_to(&mut out).expect("write to memory");
    out.push(b'\n');
    out
}

/// `sitemap.xml` (sitemaps.org 0.9), with absolute addresses under `base_url`.
pub fn sitemap(base: &str, build_date: &str, pages: &[(String, String)]) -> Vec<u8> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let write = |w: &mut Writer<Vec<u8>>, e: Event| w.write_event(e).expect("write to memory");
    write(
        &mut w,
        Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)),
    );
    let mut urlset = BytesStart::new("urlset");
    urlset.push_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"));
    write(&mut w, Event::Start(urlset));
    let url = |w: &mut Writer<Vec<u8>>, loc: &str, lastmod: &str| {
        write(w, Event::Start(BytesStart::new("url")));
        for (name, text) in [("loc", loc), ("lastmod", lastmod)] {
            write(w, Event::Start(BytesStart::new(name)));
            write(w, Event::Text(BytesText::new(text)));
            write(w, Event::End(BytesEnd::new(name)));
        }
        write(w, Event::End(BytesEnd::new("url")));
    };
    url(&mut w, base, build_date);
    for (path, lastmod) in pages {
        url(&mut w, &format!("{base}{path}"), lastmod);
    }
    write(&mut w, Event::End(BytesEnd::new("urlset")));
    let mut out = w.into_inner();
    out.push(b'\n');
    out
}

pub fn robots(base: Option<&str>) -> Vec<u8> {
    let mut s = String::from("User-agent: *\nAllow: /\n");
    if let Some(base) = base {
        s.push_str(&format!("Sitemap: {base}sitemap.xml\n"));
    }
    s.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_ids_are_stable_and_ignore_letter_case() {
        let a = entry_id("Pemerintah Provinsi Kalimantan Utara", "DIK-DKISP-2025-004");
        assert_eq!(
            a,
            entry_id("Pemerintah Provinsi Kalimantan Utara", "dik-dkisp-2025-004")
        );
        assert_ne!(
            a,
            entry_id("Pemerintah Provinsi Kalimantan Utara", "DIK-DKISP-2025-005")
        );
        assert!(a.starts_with("urn:uuid:"));
        // Pinned: the id of a record must never change between versions of daftar.
        assert_eq!(a, "urn:uuid:bcb718a1-0e93-5dce-b7c3-876474ca97c5");
    }

    #[test]
    fn sitemap_escapes_and_lists_absolute_addresses() {
        let xml = sitemap(
            "https://ppid.example.go.id/dik/",
            "2026-11-25",
            &[("a&b/".to_string(), "2025-03-07".to_string())],
        );
        let xml = String::from_utf8(xml).unwrap();
        assert!(
            xml.contains("<loc>https://ppid.example.go.id/dik/a&amp;b/</loc>"),
            "{xml}"
        );
        assert!(xml.contains("<lastmod>2026-11-25</lastmod>"), "{xml}");
    }

    #[test]
    fn robots_points_at_the_sitemap_when_the_address_is_known() {
        assert_eq!(
            robots(Some("https://x.go.id/")),
            b"User-agent: *\nAllow: /\nSitemap: https://x.go.id/sitemap.xml\n"
        );
        assert_eq!(robots(None), b"User-agent: *\nAllow: /\n");
    }
}
