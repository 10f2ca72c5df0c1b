//! Machine-readable exports of the public register: `dik.json` (with its JSON Schema),
//! `dik.csv`, `atom.xml`, `sitemap.xml` and `robots.txt`. Like the pages they are made
//! from [`PublicRecord`]s only, so no internal field can reach them. Each record's part
//! of each export is made on its own, so that the files can be written record by record.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use quick_xml::Writer;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};
use serde::Serialize;

use crate::version_view::VersionView;
use crate::view::{DecisionView, OpeningView, PublicRecord, SiteView};

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
    keputusan: Option<JsonDecision<'a>>,
    dibuka: Option<JsonOpening<'a>>,
    halaman: String,
    penjelasan: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonOfficial<'a> {
    nama: &'a str,
    jabatan: &'a str,
}

#[derive(Serialize)]
struct JsonApproval<'a> {
    nama: &'a str,
    jabatan: &'a str,
    kapasitas: Option<&'a str>,
    tanggal: &'a str,
}

/// The decision that establishes a record: who decided and who approved.
#[derive(Serialize)]
struct JsonDecision<'a> {
    nomor: &'a str,
    tentang: &'a str,
    tanggal: &'a str,
    tempat: &'a str,
    pejabat: JsonOfficial<'a>,
    persetujuan: JsonApproval<'a>,
    halaman: String,
}

#[derive(Serialize)]
struct JsonOpening<'a> {
    tanggal: &'a str,
    dasar: &'a str,
    nomor: Option<&'a str>,
}

/// The address of a decision's page, as [`page_url`] makes a record's.
pub fn decision_url(site: &SiteView, d: &DecisionView) -> String {
    match &site.base_url {
        Some(base) => format!("{base}keputusan/{}/", d.slug),
        None => format!("keputusan/{}/index.html", d.slug),
    }
}

fn json_decision<'a>(site: &SiteView, d: &'a DecisionView) -> JsonDecision<'a> {
    JsonDecision {
        nomor: &d.nomor,
        tentang: &d.tentang,
        tanggal: &d.tanggal_iso,
        tempat: &d.tempat,
        pejabat: JsonOfficial {
            nama: &d.pejabat.nama,
            jabatan: &d.pejabat.jabatan,
        },
        persetujuan: JsonApproval {
            nama: &d.persetujuan.nama,
            jabatan: &d.persetujuan.jabatan,
            kapasitas: d.persetujuan.kapasitas.as_deref(),
            tanggal: &d.persetujuan.tanggal_iso,
        },
        halaman: decision_url(site, d),
    }
}

fn json_opening(o: &OpeningView) -> JsonOpening<'_> {
    JsonOpening {
        tanggal: &o.tanggal_iso,
        dasar: o.dasar_kode,
        nomor: o.nomor.as_deref(),
    }
}

/// A record's object in `dik.json`, indented to stand in the `catatan` list.
pub fn json_record(site: &SiteView, r: &PublicRecord) -> String {
    let record = JsonRecord {
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
        keputusan: r.keputusan.as_ref().map(|d| json_decision(site, d)),
        dibuka: r.dibuka.as_ref().map(json_opening),
        halaman: page_url(site, r),
        penjelasan: r.penjelasan.as_deref(),
    };
    let text = serde_json::to_string_pretty(&record).expect("record serialises");
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `dik.json` up to the first record.
pub fn json_head(site: &SiteView, count: usize) -> String {
    let s = |v: &str| serde_json::to_string(v).expect("string serialises");
    format!(
        "{{\n  \"$schema\": {},\n  \"judul\": {},\n  \"badan_publik\": {},\n  \"ppid\": {},\n  \"diperbarui\": {},\n  \"jumlah\": {count},\n  \"catatan\": [",
        s(&format!(
            "{}dik.schema.json",
            site.base_url.as_deref().unwrap_or("")
        )),
        s(&site.judul),
        s(&site.badan_publik),
        s(&site.ppid),
        s(&site.tanggal_pembangunan_iso),
    )
}

pub const JSON_TAIL: &str = "\n  ]\n}\n";

pub const CSV_HEADER: [&str; 23] = [
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
    "tentang_penetapan",
    "pejabat_penetap",
    "jabatan_pejabat_penetap",
    "persetujuan_pimpinan",
    "jabatan_pimpinan",
    "tanggal_persetujuan",
    "tanggal_dibuka",
    "dasar_dibuka",
    "nomor_dibuka",
    "halaman",
];

fn csv_line<I, T>(fields: I) -> Vec<u8>
where
    I: IntoIterator<Item = T>,
    T: AsRef<[u8]>,
{
    let mut out = Vec::new();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(fields).expect("write to memory");
        w.flush().expect("write to memory");
    }
    out
}

/// The start of `dik.csv` (RFC 4180): a byte order mark, which spreadsheet programs
/// need to read UTF-8, and the header row.
pub fn csv_head() -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    out.extend(csv_line(CSV_HEADER));
    out
}

/// A record's row of `dik.csv`; lists are joined with "; ".
pub fn csv_row(site: &SiteView, r: &PublicRecord) -> Vec<u8> {
    let pasal: Vec<&str> = r.pasal.iter().map(|p| p.label.as_str()).collect();
    let d = r.keputusan.as_ref();
    let o = r.dibuka.as_ref();
    let approver = d.map(|d| match &d.persetujuan.kapasitas {
        Some(k) => format!("{} ({k})", d.persetujuan.nama),
        None => d.persetujuan.nama.clone(),
    });
    csv_line([
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
        d.map_or("", |d| &d.tentang),
        d.map_or("", |d| &d.pejabat.nama),
        d.map_or("", |d| &d.pejabat.jabatan),
        approver.as_deref().unwrap_or(""),
        d.map_or("", |d| &d.persetujuan.jabatan),
        d.map_or("", |d| &d.persetujuan.tanggal_iso),
        o.map_or("", |o| &o.tanggal_iso),
        o.map_or("", |o| o.dasar_kode),
        o.and_then(|o| o.nomor.as_deref()).unwrap_or(""),
        &page_url(site, r),
    ])
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

/// The start of a day in the site's zone. Total: a date chrono cannot place in the zone
/// (only at the ends of its range, which build dates never reach) is taken as UTC.
fn midnight(date: &str, offset: FixedOffset) -> DateTime<FixedOffset> {
    let start = NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .unwrap_or_default()
        .and_time(NaiveTime::MIN);
    match start.checked_sub_offset(offset) {
        Some(utc) => DateTime::from_naive_utc_and_offset(utc, offset),
        None => DateTime::from_naive_utc_and_offset(start, FixedOffset::east_opt(0).expect("UTC")),
    }
}

type Xml = Writer<Vec<u8>>;

fn put(w: &mut Xml, e: Event) {
    w.write_event(e).expect("write to memory");
}

fn element(w: &mut Xml, name: &str, attrs: &[(&str, &str)], text: Option<&str>) {
    let mut start = BytesStart::new(name);
    for a in attrs {
        start.push_attribute(*a);
    }
    match text {
        Some(t) => {
            put(w, Event::Start(start));
            put(w, Event::Text(BytesText::new(t)));
            put(w, Event::End(BytesEnd::new(name)));
        }
        None => put(w, Event::Empty(start)),
    }
}

fn atom_entry_xml(
    id: &str,
    title: &str,
    updated: DateTime<FixedOffset>,
    href: &str,
    summary: &str,
) -> String {
    let mut w = Writer::new(Vec::new());
    put(&mut w, Event::Start(BytesStart::new("entry")));
    element(&mut w, "title", &[], Some(title));
    element(&mut w, "id", &[], Some(id));
    element(&mut w, "updated", &[], Some(&updated.to_rfc3339()));
    element(
        &mut w,
        "link",
        &[("href", href), ("rel", "alternate")],
        None,
    );
    element(&mut w, "summary", &[], Some(summary));
    put(&mut w, Event::End(BytesEnd::new("entry")));
    String::from_utf8(w.into_inner()).expect("UTF-8")
}

/// A record's entry in `atom.xml`, dated by its decision.
pub fn atom_record(site: &SiteView, offset: FixedOffset, r: &PublicRecord) -> String {
    let pasal: Vec<String> = r
        .pasal
        .iter()
        .map(|p| format!("{} UU 14/2008", p.label))
        .collect();
    let status = match (r.status, &r.dibuka) {
        ("berlaku", _) => "berlaku".to_string(),
        (_, Some(o)) => format!(
            "dibuka pada {} berdasarkan {}; informasi kini terbuka",
            o.tanggal, o.dasar
        ),
        _ => "pengecualian telah berakhir; informasi kini terbuka".to_string(),
    };
    let decided = match &r.nomor_penetapan {
        Some(n) => format!(
            " Ditetapkan dengan keputusan Nomor {n} tanggal {}.",
            r.ditetapkan
        ),
        None => format!(" Ditetapkan tanggal {}.", r.ditetapkan),
    };
    let term = &r.jangka_waktu;
    let until = match (term.jenis, &term.berlaku_sampai) {
        ("tahun" | "bulan", Some(end)) => format!(", sampai dengan {end}"),
        ("peristiwa", Some(end)) => format!(", paling lama sampai dengan {end}"),
        _ => String::new(),
    };
    atom_entry_xml(
        &entry_id(&site.badan_publik, &r.nomor),
        &format!("{}: {}", r.nomor, r.judul),
        midnight(&r.ditetapkan_iso, offset),
        &page_url(site, r),
        &format!(
            "{} ({}). Jangka waktu: {}{until}.{decided} Status: {status}.",
            r.unit,
            pasal.join(", "),
            term.teks
        ),
    )
}

/// A published version's entry in `atom.xml`.
pub fn atom_version(site: &SiteView, offset: FixedOffset, v: &VersionView) -> String {
    let base = site.base_url.as_deref().unwrap_or("");
    let list = |items: &[crate::version_view::Change]| {
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
    let updated = DateTime::parse_from_rfc3339(&v.diterbitkan_iso)
        .unwrap_or_else(|_| midnight(&v.tanggal_iso, offset));
    atom_entry_xml(
        &entry_id(&site.badan_publik, &format!("versi:{}", v.versi)),
        &format!("Versi {} daftar diterbitkan {}", v.nomor, v.tanggal),
        updated,
        &format!("{base}riwayat/"),
        &format!(
            "{} informasi dikecualikan. Ditambah: {}. Dihapus: {}. Diubah: {}.",
            v.jumlah,
            list(&v.ditambah),
            list(&v.dihapus),
            list(&v.diubah)
        ),
    )
}

/// `atom.xml` up to the first entry.
pub fn atom_head(site: &SiteView, offset: FixedOffset) -> String {
    let base = site.base_url.as_deref().unwrap_or("");
    // The declaration as the feed has always had it (published feeds keep their bytes).
    let mut w = Writer::new(b"<?xml version=\"1.0\"?>\n".to_vec());
    let mut feed = BytesStart::new("feed");
    feed.push_attribute(("xmlns", "http://www.w3.org/2005/Atom"));
    feed.push_attribute(("xml:lang", "id"));
    put(&mut w, Event::Start(feed));
    element(
        &mut w,
        "title",
        &[],
        Some(&format!("{} · {}", site.judul, site.badan_publik)),
    );
    element(&mut w, "id", &[], Some(&entry_id(&site.badan_publik, "")));
    element(
        &mut w,
        "updated",
        &[],
        Some(&midnight(&site.tanggal_pembangunan_iso, offset).to_rfc3339()),
    );
    put(&mut w, Event::Start(BytesStart::new("author")));
    element(&mut w, "name", &[], Some(&site.ppid));
    put(&mut w, Event::End(BytesEnd::new("author")));
    element(
        &mut w,
        "link",
        &[("href", &format!("{base}atom.xml")), ("rel", "self")],
        None,
    );
    element(
        &mut w,
        "link",
        &[("href", &format!("{base}index.html")), ("rel", "alternate")],
        None,
    );
    String::from_utf8(w.into_inner()).expect("UTF-8")
}

pub const ATOM_TAIL: &str = "</feed>\n";

/// `sitemap.xml` (sitemaps.org 0.9) up to the first record: the site's own pages.
pub fn sitemap_head(base: &str, build_date: &str, pages: &[&str]) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    s.push_str(&sitemap_url(base, "", build_date));
    for page in pages {
        s.push_str(&sitemap_url(base, page, build_date));
    }
    s
}

/// One address of `sitemap.xml`, absolute under `base`, indented by two spaces a level.
pub fn sitemap_url(base: &str, path: &str, lastmod: &str) -> String {
    let line = |name: &str, text: &str| {
        let mut w = Writer::new(Vec::new());
        element(&mut w, name, &[], Some(text));
        String::from_utf8(w.into_inner()).expect("UTF-8")
    };
    format!(
        "  <url>\n    {}\n    {}\n  </url>\n",
        line("loc", &format!("{base}{path}")),
        line("lastmod", lastmod)
    )
}

pub const SITEMAP_TAIL: &str = "</urlset>\n";

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
        // Pinned: the id of a record must never change between versions of daftar.
        assert_eq!(a, "urn:uuid:bcb718a1-0e93-5dce-b7c3-876474ca97c5");
    }

    #[test]
    fn sitemap_escapes_and_lists_absolute_addresses() {
        let xml = sitemap_url("https://ppid.example.go.id/dik/", "a&b/", "2025-03-07");
        assert_eq!(
            xml,
            "  <url>\n    <loc>https://ppid.example.go.id/dik/a&amp;b/</loc>\n    <lastmod>2025-03-07</lastmod>\n  </url>\n"
        );
    }

    #[test]
    fn csv_lines_are_rfc_4180() {
        assert_eq!(
            csv_line(["a", "b,c", "d\"e", "f\ng"]),
            b"a,\"b,c\",\"d\"\"e\",\"f\ng\"\r\n"
        );
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
