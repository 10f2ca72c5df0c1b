//! The history of published versions: what changed between them, and how the pages
//! show it (the internal index with every detail, the public site without internal
//! ones).

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, NaiveDate};
use serde::Serialize;

use super::{RecordEntry, VersionInfo, bags, read_info};
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity};
use crate::locale::{self, Zone};

/// Records added, removed and changed (their source file differs) by `nomor`.
pub fn diff(
    previous: Option<&[RecordEntry]>,
    current: &[RecordEntry],
) -> (Vec<String>, Vec<String>, Vec<String>) {
    let before: HashMap<String, &RecordEntry> = previous
        .unwrap_or_default()
        .iter()
        .map(|r| (r.nomor.to_lowercase(), r))
        .collect();
    let now: HashMap<String, &RecordEntry> = current
        .iter()
        .map(|r| (r.nomor.to_lowercase(), r))
        .collect();
    let mut added = Vec::new();
    let mut changed = Vec::new();
    for r in current {
        match before.get(&r.nomor.to_lowercase()) {
            None => added.push(r.nomor.clone()),
            Some(old) if old.sha256 != r.sha256 => changed.push(r.nomor.clone()),
            Some(_) => {}
        }
    }
    let removed = previous
        .unwrap_or_default()
        .iter()
        .filter(|r| !now.contains_key(&r.nomor.to_lowercase()))
        .map(|r| r.nomor.clone())
        .collect();
    (added, removed, changed)
}

/// Every version in the archive, oldest first. A bag whose version record cannot be
/// read is left out with a warning (`daftar verify` says what is wrong with it).
pub fn load(archive: &Path, archive_rel: &str) -> (Vec<VersionInfo>, Vec<Diagnostic>) {
    let mut versions = Vec::new();
    let mut warnings = Vec::new();
    let Ok(found) = bags(archive) else {
        return (versions, warnings);
    };
    for (_, bag) in found {
        match read_info(&bag) {
            Ok(mut info) => {
                info.sidik = std::fs::read(bag.join(super::bag::TAGMANIFEST))
                    .ok()
                    .map(|b| crate::source::sha256_hex(&b));
                versions.push(info);
            }
            Err(e) => {
                let name = bag
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                warnings.push(
                    Diagnostic::new(
                        Severity::Warning,
                        Code::BagInvalid,
                        &format!("{archive_rel}/{name}"),
                        format!("catatan versi {name} tidak dapat dibaca: {e}"),
                    )
                    .with_hint("jalankan `daftar verify` untuk memeriksa arsip"),
                );
            }
        }
    }
    (versions, warnings)
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(nomor: &str, sha: &str) -> RecordEntry {
        RecordEntry {
            nomor: nomor.into(),
            judul: format!("Judul {nomor}"),
            berkas: format!("content/{nomor}.md"),
            sha256: sha.into(),
            status: "berlaku".into(),
        }
    }

    #[test]
    fn diff_finds_added_removed_and_changed_by_nomor() {
        let before = [entry("A", "1"), entry("B", "2"), entry("C", "3")];
        let after = [entry("a", "1"), entry("C", "9"), entry("D", "4")];
        let (added, removed, changed) = diff(Some(&before), &after);
        assert_eq!(added, ["D"]);
        assert_eq!(removed, ["B"]);
        assert_eq!(changed, ["C"]);
        let (added, removed, changed) = diff(None, &after);
        assert_eq!((added.len(), removed.len(), changed.len()), (3, 0, 0));
    }
}
