//! Writing and reading BagIt 1.0 bags (RFC 8493): `bagit.txt`, `bag-info.txt`,
//! `manifest-sha256.txt`, `tagmanifest-sha256.txt` and the payload under `data/`.
//!
//! A bag is written and synced in the site's staging folder, made read-only, and moved
//! into the archive by the site's writer (`write`), so it is either complete or absent.
//! A payload file equal to the previous bag's is a hard link to it, not a copy: each bag
//! stays complete for any validator, and a version that changes one record costs little
//! more than that record.

use std::collections::HashMap;
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::render::Files;
use crate::source::sha256_hex;
use crate::write::write_error;

pub const BAGIT_TXT: &str = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";
pub const MANIFEST: &str = "manifest-sha256.txt";
pub const TAGMANIFEST: &str = "tagmanifest-sha256.txt";
pub const BAG_INFO: &str = "bag-info.txt";
pub const BAGIT: &str = "bagit.txt";

/// A path as written in a manifest: CR, LF and `%` percent-encoded (RFC 8493 §2.1.3).
fn encode_path(path: &str) -> String {
    path.replace('%', "%25")
        .replace('\n', "%0A")
        .replace('\r', "%0D")
}

fn decode_path(path: &str) -> String {
    path.replace("%0A", "\n")
        .replace("%0a", "\n")
        .replace("%0D", "\r")
        .replace("%0d", "\r")
        .replace("%25", "%")
}

/// Manifest text: one "checksum  path" line per file, in path order.
pub fn manifest_text(entries: &[(String, String)]) -> String {
    entries
        .iter()
        .map(|(hash, path)| format!("{hash}  {}\n", encode_path(path)))
        .collect()
}

/// Reads a manifest's lines as (checksum, path).
pub fn parse_manifest(text: &str) -> Result<Vec<(String, String)>, String> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let (hash, path) = line
                .split_once(char::is_whitespace)
                .ok_or_else(|| format!("baris manifest tidak sah: {line}"))?;
            Ok((hash.to_ascii_lowercase(), decode_path(path.trim_start())))
        })
        .collect()
}

/// `bag-info.txt` fields in order; a line starting with white space continues the value.
pub fn parse_bag_info(text: &str) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = fields.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
        } else if let Some((label, value)) = line.split_once(':') {
            fields.push((label.trim().to_string(), value.trim().to_string()));
        }
    }
    fields
}

pub fn bag_info_text(fields: &[(&str, String)]) -> String {
    fields
        .iter()
        .map(|(label, value)| format!("{label}: {}\n", value.replace(['\n', '\r'], " ")))
        .collect()
}

/// Makes a staged bag read-only (bags never change), all but its top folder, which
/// becomes read-only once the bag is in place (`write::seal_folder`). Each folder is
/// synced: the bag's entries last as its files do.
pub fn set_read_only(path: &Path) -> io::Result<()> {
    for entry in walkdir::WalkDir::new(path).contents_first(true) {
        let entry = entry.map_err(io::Error::other)?;
        if entry.path_is_symlink() {
            continue;
        }
        let mut perms = entry.metadata().map_err(io::Error::other)?.permissions();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let top = entry.depth() == 0;
            let mode = match (entry.file_type().is_dir(), top) {
                (true, true) => 0o755,
                (true, false) => 0o555,
                (false, _) => 0o444,
            };
            perms.set_mode(mode);
        }
        #[cfg(not(unix))]
        perms.set_readonly(!entry.file_type().is_dir());
        fs::set_permissions(entry.path(), perms)?;
        if entry.file_type().is_dir() {
            crate::write::sync_dir(entry.path());
        }
    }
    Ok(())
}

/// What writing a bag cost.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    pub files: usize,
    /// Payload files that are hard links to the previous bag's.
    pub linked: usize,
    /// Bytes of newly written payload.
    pub bytes_written: u64,
    pub payload_bytes: u64,
}

/// A bag written completely in its staging folder, waiting to be moved into place.
pub struct StagedBag {
    pub tagmanifest_sha256: String,
    pub stats: Stats,
}

fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    let mut f = fs::File::create(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Hashes of the previous bag's payload, by checksum, for hard links.
fn previous_payload(previous: Option<&Path>) -> HashMap<String, PathBuf> {
    let Some(prev) = previous else {
        return HashMap::new();
    };
    let Ok(text) = fs::read_to_string(prev.join(MANIFEST)) else {
        return HashMap::new();
    };
    parse_manifest(&text)
        .unwrap_or_default()
        .into_iter()
        .map(|(hash, path)| (hash, prev.join(path)))
        .collect()
}

/// Writes a bag into the empty folder `temp`: the payload (paths under `data/`), the
/// extra tag files, `bag-info.txt` with `info` plus Payload-Oxum, and both manifests;
/// every file synced, then made read-only.
pub fn stage(
    temp: &Path,
    payload: &Files,
    tag_files: &[(&str, Vec<u8>)],
    info: &[(&str, String)],
    previous: Option<&Path>,
) -> Result<StagedBag, Diagnostic> {
    let mut staged = StagedBag {
        tagmanifest_sha256: String::new(),
        stats: Stats::default(),
    };
    let reusable = previous_payload(previous);
    let mut manifest = Vec::with_capacity(payload.len());
    for (rel, bytes) in payload {
        let path = format!("data/{rel}");
        let hash = sha256_hex(bytes);
        let target = temp.join(&path);
        let linked = match reusable.get(&hash) {
            // Link only to a file that still holds what its manifest says.
            Some(old) if fs::read(old).is_ok_and(|b| sha256_hex(&b) == hash) => {
                fs::create_dir_all(target.parent().expect("payload in data/"))
                    .and_then(|_| fs::hard_link(old, &target))
                    .is_ok()
            }
            _ => false,
        };
        if linked {
            staged.stats.linked += 1;
        } else {
            write_synced(&target, bytes).map_err(|e| write_error(&target, &e))?;
            staged.stats.bytes_written += bytes.len() as u64;
        }
        staged.stats.files += 1;
        staged.stats.payload_bytes += bytes.len() as u64;
        manifest.push((hash, path));
        crate::write::fault::point("bag-staging");
    }

    let mut fields: Vec<(&str, String)> = info.to_vec();
    fields.push((
        "Payload-Oxum",
        format!("{}.{}", staged.stats.payload_bytes, staged.stats.files),
    ));
    let mut tags: Vec<(String, Vec<u8>)> = vec![
        (BAGIT.into(), BAGIT_TXT.as_bytes().to_vec()),
        (BAG_INFO.into(), bag_info_text(&fields).into_bytes()),
        (MANIFEST.into(), manifest_text(&manifest).into_bytes()),
    ];
    tags.extend(tag_files.iter().map(|(n, b)| (n.to_string(), b.clone())));
    tags.sort();
    let mut tag_manifest = Vec::new();
    for (name, bytes) in &tags {
        let path = temp.join(name);
        write_synced(&path, bytes).map_err(|e| write_error(&path, &e))?;
        tag_manifest.push((sha256_hex(bytes), name.clone()));
    }
    let text = manifest_text(&tag_manifest);
    let path = temp.join(TAGMANIFEST);
    write_synced(&path, text.as_bytes()).map_err(|e| write_error(&path, &e))?;
    staged.tagmanifest_sha256 = sha256_hex(text.as_bytes());
    set_read_only(temp).map_err(|e| write_error(temp, &e))?;
    Ok(staged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_paths_round_trip_with_percent_encoding() {
        let entries = vec![
            ("ab".to_string(), "data/a b.md".to_string()),
            ("cd".to_string(), "data/100%\nx".to_string()),
        ];
        let text = manifest_text(&entries);
        assert_eq!(text, "ab  data/a b.md\ncd  data/100%25%0Ax\n");
        assert_eq!(parse_manifest(&text).unwrap(), entries);
    }

    #[test]
    fn bag_info_values_continue_on_indented_lines() {
        let fields = parse_bag_info(
            "Source-Organization: Pemerintah\n  Provinsi\nExternal-Identifier: v0001\n",
        );
        assert_eq!(
            fields,
            [
                (
                    "Source-Organization".to_string(),
                    "Pemerintah Provinsi".to_string()
                ),
                ("External-Identifier".to_string(), "v0001".to_string()),
            ]
        );
        assert_eq!(
            bag_info_text(&[("External-Description", "dua\nbaris".to_string())]),
            "External-Description: dua baris\n"
        );
    }
}
