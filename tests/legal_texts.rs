//! What the public pages say about the law, read from the repository's sample register
//! as rendered: every sentence here is one a PPID lawyer checked against the statute
//! (`docs/hukum.md` gives each article, its text and its source). A change of wording
//! must be a deliberate one.

mod common;

use std::path::Path;

use chrono::NaiveDate;
use daftar::render::{self, Files, theme};
use daftar::site::{self, DateSource, Site};

fn sample(config_extra: Option<&str>) -> (Site, Files) {
    sample_edited(config_extra, |_| ())
}

/// The sample, with `edit` applied to its copy before it is rendered.
fn sample_edited(config_extra: Option<&str>, edit: impl Fn(&Path)) -> (Site, Files) {
    let tmp = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    common::copy_site(root, tmp.path(), &["content", "keputusan"]);
    edit(tmp.path());
    let mut config = std::fs::read_to_string(root.join("daftar.toml")).unwrap();
    if let Some(extra) = config_extra {
        config.push_str(extra);
    }
    std::fs::write(tmp.path().join("daftar.toml"), config).unwrap();
    let dates = DateSource {
        tanggal: NaiveDate::from_ymd_opt(2026, 11, 25),
        source_date_epoch: None,
        now: chrono::DateTime::UNIX_EPOCH,
    };
    let (site, report) = site::load(tmp.path(), &dates);
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    let site = site.unwrap();
    let theme = theme::load(tmp.path(), &site.config.tema).unwrap();
    let out = render::render(&site, &theme, &report.diagnostics, &[]).unwrap();
    (site, out.public)
}

/// A page's text without tags, its white space collapsed.
fn text(files: &Files, path: &str) -> String {
    let html = String::from_utf8(files[path].clone()).unwrap();
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    let words: Vec<&str> = out.split_whitespace().collect();
    words
        .join(" ")
        .replace(" ,", ",")
        .replace(" .", ".")
        .replace(" ;", ";")
        .replace(" :", ":")
        .replace(" )", ")")
}

#[test]
fn the_request_page_lists_all_seven_grounds_of_pasal_35_ayat_1() {
    let (_, public) = sample(None);
    let page = text(&public, "tentang/index.html");
    for ground in [
        "penolakan atas permohonan informasi berdasarkan alasan pengecualian;",
        "tidak disediakannya informasi berkala;",
        "tidak ditanggapinya permohonan informasi;",
        "permohonan informasi ditanggapi tidak sebagaimana yang diminta;",
        "tidak dipenuhinya permohonan informasi;",
        "pengenaan biaya yang tidak wajar; dan/atau",
        "penyampaian informasi yang melebihi batas waktu yang diatur dalam UU 14/2008.",
    ] {
        assert!(page.contains(ground), "{ground}\n{page}");
    }
    assert!(page.contains("(Pasal 35 ayat (1) UU 14/2008)"));
    assert!(page.contains("dapat diselesaikan secara musyawarah"));
}

#[test]
fn the_request_page_gives_the_deadlines_of_uu_14_2008_with_both_start_points() {
    let (_, public) = sample(None);
    let page = text(&public, "tentang/index.html");
    for sentence in [
        // Pasal 22 ayat (4)–(8): registration number, 10 days, 7 more with written reasons.
        "nomor pendaftaran pada saat permohonan diterima",
        "paling lambat 10 hari kerja sejak permohonan diterima (Pasal 22 ayat (7) UU 14/2008)",
        "paling lambat 7 hari kerja berikutnya dengan memberikan alasan secara tertulis (Pasal 22 ayat (8) UU 14/2008)",
        // Pasal 36: 30 working days to object, 30 for the answer.
        "paling lambat 30 hari kerja setelah ditemukannya alasan keberatan (Pasal 36 ayat (1) UU 14/2008)",
        "paling lambat 30 hari kerja sejak keberatan diterima secara tertulis (Pasal 36 ayat (2) UU 14/2008)",
        // Pasal 37: 14 working days from the answer, or from the end of the 30 days.
        "paling lambat 14 hari kerja setelah tanggapan tertulis Atasan PPID diterima (Pasal 37 ayat (2) UU 14/2008)",
        "dihitung sejak berakhirnya jangka waktu 30 hari kerja Atasan PPID untuk memberikan tanggapan",
    ] {
        assert!(page.contains(sentence), "{sentence}\n{page}");
    }
    assert!(!page.contains("begini caranya"));
}

#[test]
fn costs_are_free_by_default_and_configurable_with_the_forms() {
    let (_, public) = sample(None);
    let page = text(&public, "tentang/index.html");
    assert!(page.contains(daftar::config::DEFAULT_COSTS));
    assert!(page.contains("biaya ringan (Pasal 2 ayat (3) UU 14/2008)"));
    assert!(!page.contains("formulir permohonan informasi"));
    let (_, public) = sample(Some(
        "\n[layanan]\nbiaya = \"Salinan cetak Rp500 per lembar.\"\nformulir_permohonan = \"https://ppid.example.go.id/permohonan.pdf\"\nformulir_keberatan = \"formulir/keberatan.pdf\"\n",
    ));
    let html = String::from_utf8(public["tentang/index.html"].clone()).unwrap();
    assert!(html.contains("Salinan cetak Rp500 per lembar."));
    assert!(html.contains(
        "href=\"https://ppid.example.go.id/permohonan.pdf\">formulir permohonan informasi</a>"
    ));
    // A path in the site is relative to the site's root, wherever the page is.
    assert!(html.contains("href=\"../formulir/keberatan.pdf\">formulir keberatan</a>"));
}

#[test]
fn the_footer_says_unlisted_information_is_open_in_principle_perki_1_2021_pasal_49() {
    let (_, public) = sample(None);
    let page = text(&public, "index.html");
    assert!(page.contains("Informasi yang tidak tercantum di sini pada dasarnya terbuka dan dapat dimohonkan melalui PPID Utama Provinsi Kalimantan Utara; PPID dapat melakukan uji konsekuensi pada saat permohonan diterima."), "{page}");
    assert!(!page.contains("adalah informasi publik yang dapat diminta"));
}

#[test]
fn record_pages_quote_pasal_17_in_full_and_name_the_decision_not_the_sop_reviewers() {
    let (site, public) = sample(None);
    for r in &site.records {
        let page = text(&public, &format!("{}/index.html", r.slug));
        for p in &r.pasal_17 {
            let ground = daftar::record::pasal::ground(p.huruf);
            assert!(page.contains(ground), "{}: {ground}", r.path);
            if let Some(a) = p.angka {
                let point = daftar::record::pasal::point(p.huruf, a).unwrap();
                assert!(
                    page.contains(&format!("{a}. {point}")),
                    "{}: {point}",
                    r.path
                );
            }
        }
        assert!(!page.contains("Disetujui oleh") && !page.contains("Ditetapkan oleh"));
        if let Some(d) = &r.keputusan {
            let sentence = format!(
                "Ditetapkan di {} dengan Keputusan {} Nomor {} tanggal {} tentang {}, oleh {}, setelah mendapat persetujuan {}, {}, atas nama Gubernur Kalimantan Utara, pada tanggal {}.",
                d.tempat,
                d.pejabat.jabatan,
                d.nomor,
                daftar::locale::date(d.tanggal),
                d.tentang,
                d.pejabat.nama,
                d.persetujuan.nama,
                d.persetujuan.jabatan,
                daftar::locale::date(d.persetujuan.tanggal),
            );
            assert!(page.contains(&sentence), "{sentence}\n{page}");
        }
    }
    // The proviso of huruf i, on the page of a record that cites it.
    let page = text(
        &public,
        "biro-hukum-2024-008-telaahan-staf-penanganan-perkara/index.html",
    );
    assert!(page.contains(
        "yang menurut sifatnya dirahasiakan kecuali atas putusan Komisi Informasi atau pengadilan"
    ));
    assert!(page.contains("Informasi ini telah dibuka pada tanggal 15 Juni 2026 berdasarkan putusan Komisi Informasi (Nomor 014/VI/KIP-KU-PS/2026)"));
    let permanent = text(&public, "bkd-2024-005-data-pribadi-asn/index.html");
    assert!(permanent.contains("Dikecualikan secara permanen."));
}

#[test]
fn each_decision_page_reads_like_the_keputusan_with_its_lampiran() {
    let (site, public) = sample(None);
    let list = text(&public, "keputusan/index.html");
    for d in site.decisions.iter() {
        assert!(list.contains(&d.nomor));
        let page = text(&public, &format!("keputusan/{}/index.html", d.slug));
        assert!(page.contains(&format!(
            "Keputusan {} Nomor {} tentang {}",
            d.pejabat.jabatan, d.nomor, d.tentang
        )));
        assert!(page.contains(&format!(
            "Ditetapkan di {} pada tanggal {}",
            d.tempat,
            daftar::locale::date(d.tanggal)
        )));
        assert!(page.contains("Menimbang") && page.contains("Mengingat"));
        // The Lampiran: exactly the records that refer to this decision, numbered.
        let own: Vec<_> = site
            .records
            .iter()
            .filter(|r| r.keputusan.as_ref().is_some_and(|k| k.nomor == d.nomor))
            .collect();
        assert!(!own.is_empty());
        assert!(page.contains(&format!(
            "ditetapkan dengan keputusan ini ({} informasi)",
            own.len()
        )));
        for r in &site.records {
            assert_eq!(
                page.contains(&r.nomor),
                own.iter().any(|o| o.nomor == r.nomor),
                "{} on the Lampiran of {}",
                r.nomor,
                d.nomor
            );
        }
        // Its consequence test is internal.
        assert!(!page.contains(&d.uji_konsekuensi.nomor_lembar));
    }
    // Printed on A4 landscape, without the site's frame.
    let css = String::from_utf8(public["daftar.css"].clone()).unwrap();
    assert!(css.contains("@page{size:A4 landscape") || css.contains("@page { size: A4 landscape"));
    assert!(css.contains(".halaman-keputusan .kepala"));
}

#[test]
fn an_opening_determined_after_the_term_ended_dates_the_end_from_the_term() {
    let rel = "content/dkisp/2023-002-rencana-tarif-retribusi-pusat-data.md";
    let (_, public) = sample_edited(None, |root| {
        let path = root.join(rel);
        let text = std::fs::read_to_string(&path).unwrap().replacen(
            "\nnomor_penetapan = ",
            "\ndibuka = { tanggal = 2026-02-10, dasar = \"penetapan_ppid\", nomor = \"188.4/004/DKISP/II/2026\" }\nnomor_penetapan = ",
            1,
        );
        std::fs::write(&path, text).unwrap();
    });
    let page = text(
        &public,
        "dkisp-2023-002-rencana-tarif-retribusi-pusat-data/index.html",
    );
    assert!(page.contains("Jangka waktu pengecualian telah berakhir pada 31 Desember 2025; pembukaannya ditetapkan pada tanggal 10 Februari 2026 berdasarkan penetapan PPID (Nomor 188.4/004/DKISP/II/2026)."), "{page}");
    let ended = text(&public, "berakhir/index.html");
    assert!(ended.contains("31 Desember 2025 hari terakhir jangka waktu; pembukaan ditetapkan 10 Februari 2026 berdasarkan penetapan PPID (Nomor 188.4/004/DKISP/II/2026)"), "{ended}");
    // An opening before the end of the term dates the end from the opening.
    let opened = text(
        &public,
        "biro-hukum-2024-008-telaahan-staf-penanganan-perkara/index.html",
    );
    assert!(opened.contains("Informasi ini telah dibuka pada tanggal 15 Juni 2026"));
}

#[test]
fn the_lampiran_says_which_of_its_records_are_no_longer_exempted() {
    let (_, public) = sample(None);
    let page = text(&public, "keputusan/2024-007-penetapan-dik/index.html");
    assert!(page.contains("Pengecualian telah berakhir: 15 Juni 2026 dibuka berdasarkan putusan Komisi Informasi (Nomor 014/VI/KIP-KU-PS/2026)"), "{page}");
}
