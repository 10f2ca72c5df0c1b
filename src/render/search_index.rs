//! `cari.json`, the compact search index of a paged register: per record only what the
//! register's script needs to search, filter and sort the whole register and show a
//! result row linking to the record's page, as an array (not an object) to stay small.
//! Texts that records share (units, lines of legal basis) are written once, in `teks`
//! at the end, and entries name them by their place there. Written only when the
//! register has more than one page; a register of one page searches its own rows.

use bytes::Bytes;

use super::sink::Output;
use super::skeleton::number_slot;
use crate::diagnostic::Diagnostic;
use crate::view::PublicRecord;

/// The names of an entry's columns, in order, written once at the head of the file.
/// `unit` is a place in `teks`; `dasar_hukum` a list of places in `teks`.
pub const COLUMNS: [&str; 11] = [
    "no",
    "nomor",
    "judul",
    "status",
    "huruf",
    "akhir",
    "akhir_teks",
    "ditetapkan",
    "slug",
    "unit",
    "dasar_hukum",
];

/// The start of the file, up to the first entry.
pub fn head() -> String {
    format!(
        "{{\"kolom\":{},\"baris\":[",
        serde_json::to_string(&COLUMNS).expect("names serialise")
    )
}

/// One record's entry up to its shared texts; its number in its table (in force, or
/// ended) is the row's number slot, filled where the entry is written.
pub fn entry(r: &PublicRecord) -> String {
    // The end of the exemption as the register's tables show and sort it: the opening's
    // date for information opened before its term ended, else the term's last day.
    let (akhir, akhir_teks) = match &r.dibuka {
        Some(o) if !o.setelah_berakhir => (o.tanggal_iso.clone(), format!("Dibuka {}", o.tanggal)),
        _ => match (
            &r.jangka_waktu.berlaku_sampai_iso,
            &r.jangka_waktu.berlaku_sampai,
        ) {
            (Some(iso), Some(text)) => (iso.clone(), text.clone()),
            _ => (String::new(), r.jangka_waktu.teks.clone()),
        },
    };
    let rest = serde_json::to_string(&(
        &r.nomor,
        &r.judul,
        r.status,
        &r.huruf,
        akhir,
        akhir_teks,
        &r.ditetapkan_iso,
        &r.slug,
    ))
    .expect("an entry serialises");
    // `[NO,"nomor",…,"slug",` : the shared texts follow.
    format!("[{},{},", number_slot(), &rest[1..rest.len() - 1])
}

/// The shared texts of an entry: its unit, then its lines of legal basis.
pub fn texts(r: &PublicRecord) -> Vec<String> {
    std::iter::once(&r.unit)
        .chain(&r.dasar_hukum)
        .cloned()
        .collect()
}

/// The shared texts written so far, each once, in the order first met. (foldhash: the
/// texts are long and every record's are looked up at every build; SipHash was a tenth
/// of a preview rebuild.)
#[derive(Default)]
pub struct Texts {
    places: foldhash::HashMap<Bytes, usize>,
    order: Vec<Bytes>,
}

impl Texts {
    /// The place of `text`, given it now if it is new.
    pub fn place(&mut self, text: &Bytes) -> usize {
        if let Some(&i) = self.places.get(text) {
            return i;
        }
        let i = self.order.len();
        self.places.insert(text.clone(), i);
        self.order.push(text.clone());
        i
    }

    /// Ends an entry: the places of its unit and of its lines of legal basis.
    pub fn end_entry(&mut self, texts: &[Bytes], out: &mut dyn Output) -> Result<(), Diagnostic> {
        let mut places = texts.iter().map(|t| self.place(t).to_string());
        let unit = places.next().unwrap_or_default();
        let lines: Vec<String> = places.collect();
        out.put(Bytes::from(format!("{unit},[{}]]", lines.join(","))))
    }

    /// The shared texts as a JSON array, in their places.
    pub fn json(&self) -> String {
        let texts: Vec<&str> = self
            .order
            .iter()
            .map(|t| std::str::from_utf8(t).expect("texts are UTF-8"))
            .collect();
        serde_json::to_string(&texts).expect("texts serialise")
    }

    /// The end of the file: the shared texts.
    pub fn tail(&self) -> String {
        format!("\n],\"teks\":{}}}\n", self.json())
    }
}
