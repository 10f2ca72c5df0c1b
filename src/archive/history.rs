//! The history of published versions: what changed between them, and the versions
//! read back from the archive (how the pages show them: `version_view.rs`).

use std::collections::HashMap;
use std::path::Path;

use super::{RecordEntry, VersionInfo, bags, read_info};
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity};

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
