//! `internal/cari.js`, the compact search index of a paged internal index: per record
//! only what its row in the internal index shows (no NIP, no name, no source file, no
//! hash: those are on the record's own page), so the index's script can filter, search
//! and sort the whole register and show a result row linking to `<slug>/index.html`.
//! A script, not JSON: an index opened from the disk (`file://`) may not `fetch()` a
//! file, but may load a script, which sets `window.daftarInternal`. Entries are arrays;
//! the work units, which records share, are written once, in `teks` at the end.
//! Written only when the internal index has more than one page, and only to `internal/`.

use bytes::Bytes;

use super::search_index::Texts;
use super::sink::Output;
use super::skeleton::number_slot;
use crate::diagnostic::Diagnostic;
use crate::view::InternalRecord;

/// The file, beside the internal index's pages.
pub const FILE: &str = "cari.js";

/// The names of an entry's columns, in order, written once at the head of the file.
/// `pengesahan` is the day of each sign-off (Petugas PPID, PPID Utama, Atasan PPID);
/// `unit` is a place in `teks`.
pub const COLUMNS: [&str; 14] = [
    "no",
    "nomor",
    "judul",
    "slug",
    "status",
    "huruf",
    "akhir",
    "ditetapkan",
    "pengesahan",
    "menit",
    "mutu_baku_menit",
    "langkah_melebihi",
    "temuan",
    "unit",
];

/// The start of the file, up to the first entry.
pub fn head() -> String {
    format!(
        "window.daftarInternal={{\"kolom\":{},\"baris\":[",
        serde_json::to_string(&COLUMNS).expect("names serialise")
    )
}

/// One record's entry up to its unit, with `temuan` warnings; its number in the index is
/// the row's number slot, filled where the entry is written.
pub fn entry(r: &InternalRecord, temuan: usize) -> String {
    let p = &r.public;
    let days: Vec<&str> = r.pengesahan.iter().map(|s| s.hari_iso.as_str()).collect();
    let rest = serde_json::to_string(&(
        &p.nomor,
        &p.judul,
        &p.slug,
        p.status,
        &p.huruf,
        p.jangka_waktu.berlaku_sampai_iso.as_deref().unwrap_or(""),
        &p.ditetapkan_iso,
        days,
        r.total_menit,
        r.total_mutu_baku_menit,
        r.langkah_melebihi,
        temuan,
    ))
    .expect("an entry serialises");
    // `[NO,"nomor",…,temuan,` : the unit's place follows.
    format!("[{},{},", number_slot(), &rest[1..rest.len() - 1])
}

/// Ends an entry with the place of its work unit.
pub fn end_entry(texts: &mut Texts, unit: &Bytes, out: &mut dyn Output) -> Result<(), Diagnostic> {
    out.put(Bytes::from(format!("{}]", texts.place(unit))))
}

/// The end of the file: the work units.
pub fn tail(texts: &Texts) -> String {
    format!("\n],\"teks\":{}}};\n", texts.json())
}
