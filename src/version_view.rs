//! The published versions as the history pages show them (public and internal).

use chrono::{DateTime, NaiveDate};
use serde::Serialize;

use crate::locale::{self, Zone};
use crate::version::{RecordEntry, VersionInfo};

#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub nomor: String,
    pub judul: String,
}

/// A version as the pages show it; `catatan` and `diterbitkan_jam` are for the
/// internal index only (the public template does not use them).
#[derive(Debug, Clone, Serialize)]
pub struct VersionView {
    pub versi: String,
    pub nomor: u32,
    pub tanggal: String,
    pub tanggal_iso: String,
    pub diterbitkan: String,
    pub diterbitkan_iso: String,
    pub jumlah: usize,
    /// The first version: everything in it is new, so no list of additions is shown.
    pub pertama: bool,
    pub ditambah: Vec<Change>,
    pub dihapus: Vec<Change>,
    pub diubah: Vec<Change>,
    /// The SHA-256 of the version's tag manifest (none for the version being
    /// published, whose pages the hash covers).
    pub sidik: Option<String>,
}

/// The internal view adds the officer's note and the way to the bag.
#[derive(Debug, Clone, Serialize)]
pub struct InternalVersionView {
    #[serde(flatten)]
    pub version: VersionView,
    pub catatan: Option<String>,
    pub perangkat: String,
    /// The bag folder, relative to the internal index.
    pub tautan: String,
}

fn titled(nomors: &[String], lists: &[&[RecordEntry]]) -> Vec<Change> {
    nomors
        .iter()
        .map(|n| Change {
            nomor: n.clone(),
            judul: lists
                .iter()
                .flat_map(|l| l.iter())
                .find(|r| &r.nomor == n)
                .map(|r| r.judul.clone())
                .unwrap_or_default(),
        })
        .collect()
}

/// Newest first, as history pages read.
pub fn views(versions: &[VersionInfo], zone: Zone) -> Vec<VersionView> {
    versions
        .iter()
        .enumerate()
        .rev()
        .map(|(i, v)| {
            let previous: &[RecordEntry] = if i > 0 { &versions[i - 1].daftar } else { &[] };
            let published = DateTime::parse_from_rfc3339(&v.diterbitkan).ok();
            let date = NaiveDate::parse_from_str(&v.tanggal, "%Y-%m-%d").ok();
            VersionView {
                versi: v.versi.clone(),
                nomor: v.nomor,
                tanggal: date.map(locale::date).unwrap_or_else(|| v.tanggal.clone()),
                tanggal_iso: v.tanggal.clone(),
                diterbitkan: published
                    .map(|t| locale::date_time(t, zone))
                    .unwrap_or_else(|| v.diterbitkan.clone()),
                diterbitkan_iso: v.diterbitkan.clone(),
                jumlah: v.daftar.len(),
                pertama: v.sebelumnya.is_none(),
                ditambah: titled(&v.ditambah, &[&v.daftar]),
                dihapus: titled(&v.dihapus, &[previous]),
                diubah: titled(&v.diubah, &[&v.daftar]),
                sidik: v.sidik.clone(),
            }
        })
        .collect()
}

pub fn internal_views(
    versions: &[VersionInfo],
    zone: Zone,
    internal_dir: &str,
    archive_dir: &str,
) -> Vec<InternalVersionView> {
    let up = "../".repeat(internal_dir.split('/').count());
    views(versions, zone)
        .into_iter()
        .map(|view| {
            let info = versions
                .iter()
                .find(|v| v.versi == view.versi)
                .expect("same versions");
            InternalVersionView {
                tautan: format!("{up}{archive_dir}/{}/", view.versi),
                catatan: info.catatan.clone(),
                perangkat: info.perangkat.clone(),
                version: view,
            }
        })
        .collect()
}

/// A published version in which a record came in or changed, as the record's internal
/// page lists it: versions that hold the record unchanged are not listed, so publishing a
/// version changes only the pages of the records it adds or changes (the archive shares
/// the other pages with the version before).
#[derive(Debug, Clone, Serialize)]
pub struct RecordVersionView {
    pub versi: String,
    pub tanggal: String,
    pub tanggal_iso: String,
    /// The record's status in that version.
    pub status: String,
    /// What happened to the record in that version: "dimuat pertama kali", "dimuat
    /// kembali", "berkas sumber diubah", "status berubah", "berkas sumber dan status
    /// berubah".
    pub perubahan: &'static str,
    /// Whether the record's source file then had the SHA-256 it has now.
    pub sama: bool,
}

/// Which published versions hold each record, indexed once by `nomor`: a record's list
/// is then found without going over every version's register.
pub struct Appearances<'a> {
    versions: &'a [VersionInfo],
    /// `nomor` → (index of the version, the entry there), oldest version first.
    by_nomor: std::collections::HashMap<&'a str, Vec<(usize, &'a RecordEntry)>>,
}

impl<'a> Appearances<'a> {
    pub fn new(versions: &'a [VersionInfo]) -> Self {
        let mut by_nomor: std::collections::HashMap<&str, Vec<_>> =
            std::collections::HashMap::new();
        for (i, v) in versions.iter().enumerate() {
            for entry in &v.daftar {
                by_nomor
                    .entry(entry.nomor.as_str())
                    .or_default()
                    .push((i, entry));
            }
        }
        Appearances { versions, by_nomor }
    }

    /// The versions in which the record numbered `nomor` came in or changed, newest
    /// first; `sha256` is its source file's hash now.
    pub fn of(&self, nomor: &str, sha256: &str) -> Vec<RecordVersionView> {
        let Some(list) = self.by_nomor.get(nomor) else {
            return Vec::new();
        };
        let mut changes = Vec::new();
        for (k, (i, entry)) in list.iter().enumerate() {
            // The record's entry in the version just before, if that version held it.
            let before = k
                .checked_sub(1)
                .map(|j| list[j])
                .filter(|(j, _)| j + 1 == *i)
                .map(|(_, e)| e);
            let perubahan = match before {
                None if k == 0 => "dimuat pertama kali",
                None => "dimuat kembali",
                Some(b) => match (b.sha256 != entry.sha256, b.status != entry.status) {
                    (true, true) => "berkas sumber dan status berubah",
                    (true, false) => "berkas sumber diubah",
                    (false, true) => "status berubah",
                    (false, false) => continue,
                },
            };
            let v = &self.versions[*i];
            let date = NaiveDate::parse_from_str(&v.tanggal, "%Y-%m-%d").ok();
            changes.push(RecordVersionView {
                versi: v.versi.clone(),
                tanggal: date.map(locale::date).unwrap_or_else(|| v.tanggal.clone()),
                tanggal_iso: v.tanggal.clone(),
                status: entry.status.clone(),
                perubahan,
                sama: entry.sha256 == sha256,
            });
        }
        changes.reverse();
        changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(n: u32, records: &[(&str, &str, &str)]) -> VersionInfo {
        VersionInfo {
            versi: format!("v{n:04}"),
            nomor: n,
            tanggal: format!("2026-11-{:02}", 20 + n),
            diterbitkan: String::new(),
            catatan: None,
            perangkat: String::new(),
            sebelumnya: None,
            sumber: Default::default(),
            daftar: records
                .iter()
                .map(|(nomor, sha, status)| RecordEntry {
                    nomor: nomor.to_string(),
                    judul: String::new(),
                    berkas: String::new(),
                    sha256: sha.to_string(),
                    status: status.to_string(),
                })
                .collect(),
            ditambah: vec![],
            dihapus: vec![],
            diubah: vec![],
            sidik: None,
        }
    }

    #[test]
    fn a_record_lists_the_versions_it_came_in_or_changed_in_newest_first() {
        let versions = [
            version(1, &[("A", "a1", "berlaku"), ("B", "b1", "berlaku")]),
            version(2, &[("A", "a1", "berlaku")]),
            version(3, &[("A", "a2", "berlaku"), ("B", "b1", "berlaku")]),
            version(4, &[("A", "a2", "berakhir"), ("B", "b1", "berlaku")]),
            version(5, &[("A", "a2", "berakhir"), ("B", "b1", "berlaku")]),
        ];
        let appearances = Appearances::new(&versions);
        let a: Vec<_> = appearances
            .of("A", "a2")
            .into_iter()
            .map(|v| (v.versi, v.perubahan, v.sama))
            .collect();
        assert_eq!(
            a,
            [
                ("v0004".to_string(), "status berubah", true),
                ("v0003".to_string(), "berkas sumber diubah", true),
                ("v0001".to_string(), "dimuat pertama kali", false),
            ]
        );
        let b: Vec<_> = appearances
            .of("B", "b1")
            .into_iter()
            .map(|v| (v.versi, v.perubahan))
            .collect();
        assert_eq!(
            b,
            [
                ("v0003".to_string(), "dimuat kembali"),
                ("v0001".to_string(), "dimuat pertama kali"),
            ]
        );
        assert!(appearances.of("C", "c1").is_empty());
    }
}
