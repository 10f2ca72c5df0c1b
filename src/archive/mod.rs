//! The archive: one BagIt bag (RFC 8493) per published version, chained to the one
//! before it (`archive.md`). `publish` adds bags, `verify` checks them, and the builds
//! read each bag's version record to show the change history.

pub mod bag;
pub mod history;
pub mod publish;
pub mod verify;

use std::path::{Path, PathBuf};

pub use crate::version::{RecordEntry, VersionInfo};

/// The tag file in each bag that records the version: what it holds and what changed.
pub const VERSION_FILE: &str = "daftar-versi.json";
/// Prefix of a bag being written by daftar before 0.2, which staged bags in the archive
/// folder: such a folder is the leftover of an interrupted publish.
pub const STAGING_PREFIX: &str = ".daftar-bag-";

pub fn version_name(n: u32) -> String {
    format!("v{n:04}")
}

/// The number of a bag folder's name (`v0007` → 7). Only the name daftar writes for a
/// number counts (`v00007` and `v0000` are no versions): names and numbers agree exactly.
pub fn version_number(name: &str) -> Option<u32> {
    let digits = name.strip_prefix('v')?;
    let n: u32 = (digits.len() >= 4 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()?;
    (n >= 1 && version_name(n) == name).then_some(n)
}

/// The bag folders of an archive, in version order.
pub fn bags(archive: &Path) -> std::io::Result<Vec<(u32, PathBuf)>> {
    let mut out = Vec::new();
    if !archive.is_dir() {
        return Ok(out);
    }
    for entry in std::fs::read_dir(archive)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(n) = version_number(&name)
            && entry.file_type()?.is_dir()
        {
            out.push((n, entry.path()));
        }
    }
    out.sort();
    Ok(out)
}

/// Reads a bag's version record.
pub fn read_info(bag: &Path) -> Result<VersionInfo, String> {
    let text =
        std::fs::read_to_string(bag.join(VERSION_FILE)).map_err(|e| crate::os_error::reason(&e))?;
    serde_json::from_str(&text).map_err(|e| crate::os_error::json_reason(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_names_sort_and_parse() {
        assert_eq!(version_name(7), "v0007");
        assert_eq!(version_name(12345), "v12345");
        assert_eq!(version_number("v0007"), Some(7));
        assert_eq!(version_number("v12345"), Some(12345));
        assert_eq!(version_number("v07"), None);
        assert_eq!(version_number("v000x"), None);
        assert_eq!(version_number(".daftar-bag-v0007-abc"), None);
        // One number, one name: no padded copies, no version 0.
        assert_eq!(version_number("v00007"), None);
        assert_eq!(version_number("v0000"), None);
    }
}
