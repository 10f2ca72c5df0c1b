//! A published version as its bag records it (`daftar-versi.json`): what the archive
//! writes and reads, and what the pages show of each version.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A record as listed in a version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordEntry {
    pub nomor: String,
    pub judul: String,
    pub berkas: String,
    pub sha256: String,
    pub status: String,
}

/// One published version, as recorded in its bag's `daftar-versi.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionInfo {
    /// "v0007"
    pub versi: String,
    pub nomor: u32,
    /// The build date of the published register (YYYY-MM-DD).
    pub tanggal: String,
    /// When it was published (RFC 3339, site time zone).
    pub diterbitkan: String,
    /// The officer's note (`--catatan`); internal.
    pub catatan: Option<String>,
    /// "daftar 0.1.0"
    pub perangkat: String,
    pub sebelumnya: Option<String>,
    /// Every source file (daftar.toml, content/, themes/) with its SHA-256.
    pub sumber: BTreeMap<String, String>,
    pub daftar: Vec<RecordEntry>,
    /// `nomor` of the records added, removed and changed against the previous version.
    pub ditambah: Vec<String>,
    pub dihapus: Vec<String>,
    pub diubah: Vec<String>,
    /// The SHA-256 of the bag's tag manifest, read from the archive (a version being
    /// published has none yet: its pages are part of what the hash covers).
    #[serde(skip)]
    pub sidik: Option<String>,
}
