//! Nothing internal may reach `public/`: no NIP, no Petugas PPID identity, no SOP
//! timing, no `catatan_internal`, no consequence-test sheet or participant of a decision.
//! And no public page presents an SOP reviewer (the PPID Utama's or the Atasan PPID's
//! sign-off) as the one who decided or approved: that comes from the decision file only.
//! Checked on the repository's sample register and on a fixture, by building with the
//! real binary and reading every file it wrote.

mod common;

use common::{DATE, build, copy_site, internal_markers};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use daftar::record::{Record, nip};
use daftar::site::{self, DateSource};
use walkdir::WalkDir;

fn records(root: &Path) -> Vec<Record> {
    let dates = DateSource {
        tanggal: NaiveDate::parse_from_str(DATE, "%Y-%m-%d").ok(),
        source_date_epoch: None,
        now: chrono::DateTime::UNIX_EPOCH,
    };
    let (site, report) = site::load(root, &dates);
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    site.unwrap()
        .records
        .iter()
        .map(|r| (**r).clone())
        .collect()
}

fn html_escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn assert_public_output_is_clean(site: &Path) {
    assert_public_output_is_clean_with(site, "");
}

/// The same with `config` put before the site's own `daftar.toml`.
fn assert_public_output_is_clean_with(site: &Path, config: &str) {
    let tmp = tempfile::tempdir().unwrap();
    copy_site(
        site,
        tmp.path(),
        &["daftar.toml", "content", "keputusan", "themes"],
    );
    let own = std::fs::read_to_string(tmp.path().join("daftar.toml")).unwrap();
    std::fs::write(tmp.path().join("daftar.toml"), format!("{config}{own}")).unwrap();
    build(tmp.path());
    let records = records(tmp.path());
    assert!(!records.is_empty());
    let public: PathBuf = tmp.path().join("public");
    let mut files = 0;
    for e in WalkDir::new(&public).into_iter().map(Result::unwrap) {
        if !e.file_type().is_file() {
            continue;
        }
        files += 1;
        let text = String::from_utf8_lossy(&std::fs::read(e.path()).unwrap()).into_owned();
        // Digits only, so a NIP broken up by tags or spaces is still caught.
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        for r in &records {
            for marker in internal_markers(r) {
                assert!(
                    !text.contains(&marker) && !text.contains(&html_escaped(&marker)),
                    "{} leaks internal data of {}: {marker:?}",
                    e.path().display(),
                    r.path
                );
            }
            for s in [
                &r.pengesahan.petugas_ppid,
                &r.pengesahan.ppid_utama,
                &r.pengesahan.atasan_ppid,
            ] {
                assert!(
                    !digits.contains(&s.nip),
                    "{} leaks a NIP of {}",
                    e.path().display(),
                    r.path
                );
            }
        }
    }
    assert!(files > records.len(), "every record has a public page");
    // Who decided and who approved come from decision files, never from the sign-offs.
    for r in &records {
        let page = std::fs::read_to_string(public.join(&r.slug).join("index.html")).unwrap();
        assert!(!page.contains("Disetujui oleh") && !page.contains("selaku Atasan PPID"));
        if r.keputusan.is_none() {
            for s in [&r.pengesahan.ppid_utama, &r.pengesahan.atasan_ppid] {
                assert!(
                    !page.contains(&html_escaped(&s.nama)),
                    "{}: a sign-off is shown as the decision",
                    r.path
                );
            }
        }
    }
    // Each record's internal page, by contrast, does carry them: the markers are real. It
    // lives in internal/ only; public/ holds no page with its content.
    for r in &records {
        let internal =
            std::fs::read_to_string(tmp.path().join("internal").join(&r.slug).join("index.html"))
                .unwrap();
        assert!(internal.contains(&nip::display(&r.pengesahan.ppid_utama.nip)));
        assert!(internal.contains(&html_escaped(&r.pengesahan.petugas_ppid.nama)));
        assert!(internal.contains(&r.sha256));
    }
    // No internal page is in public/: not the compliance page, not the SOP page, not the
    // internal assets.
    for path in ["kepatuhan", "sop", "internal.js", "internal.css"] {
        assert!(!public.join(path).exists(), "public/{path}");
    }
    let internal_index = std::fs::read_to_string(tmp.path().join("internal/index.html")).unwrap();
    assert!(internal_index.contains("Indeks arsip internal"));
}

#[test]
fn the_sample_register_publishes_nothing_internal() {
    assert_public_output_is_clean(Path::new(env!("CARGO_MANIFEST_DIR")));
}

/// The sample in pages of 10 rows: its pages and its search index (`cari.json`) publish
/// nothing internal either, and the index holds only public columns.
#[test]
fn a_paged_register_and_its_search_index_publish_nothing_internal() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert_public_output_is_clean_with(root, "baris_per_halaman = 10\n");
    let tmp = tempfile::tempdir().unwrap();
    copy_site(root, tmp.path(), &["daftar.toml", "content", "keputusan"]);
    let own = std::fs::read_to_string(tmp.path().join("daftar.toml")).unwrap();
    std::fs::write(
        tmp.path().join("daftar.toml"),
        format!("baris_per_halaman = 10\n{own}"),
    )
    .unwrap();
    build(tmp.path());
    let index: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(tmp.path().join("public/cari.json")).unwrap(),
    )
    .unwrap();
    for column in index["kolom"].as_array().unwrap() {
        assert!(
            common::SEARCH_INDEX_COLUMNS.contains(&column.as_str().unwrap()),
            "cari.json has the column {column}"
        );
    }
    assert_eq!(
        index["baris"].as_array().unwrap().len(),
        records(tmp.path()).len()
    );
    assert!(tmp.path().join("public/halaman-2.html").exists());
}

#[test]
fn the_render_fixture_publishes_nothing_internal() {
    assert_public_output_is_clean(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/render-site"),
    );
}
