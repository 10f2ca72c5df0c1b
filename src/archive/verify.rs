//! `daftar verify`: re-hashes every bag and checks the chain of versions. Any changed,
//! missing or extra file is named with its version; an altered old bag also breaks the
//! link that the next version holds to it.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::Mutex;

use rayon::prelude::*;

use super::bag::{self, BAG_INFO, BAGIT, BAGIT_TXT, MANIFEST, TAGMANIFEST};
use super::{STAGING_PREFIX, bags, version_name, version_number};
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::sha256_hex;

pub struct Report {
    pub versions: usize,
    pub files: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// Hashes files once per inode: the versions share most files by hard links.
#[derive(Default)]
struct Hasher {
    #[cfg(unix)]
    seen: Mutex<HashMap<(u64, u64), String>>,
}

impl Hasher {
    fn hash(&self, path: &Path) -> std::io::Result<String> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let meta = std::fs::metadata(path)?;
            let key = (meta.dev(), meta.ino());
            if let Some(h) = self.seen.lock().expect("not poisoned").get(&key) {
                return Ok(h.clone());
            }
            let h = sha256_hex(&std::fs::read(path)?);
            self.seen
                .lock()
                .expect("not poisoned")
                .insert(key, h.clone());
            Ok(h)
        }
        #[cfg(not(unix))]
        Ok(sha256_hex(&std::fs::read(path)?))
    }
}

/// Every file under `dir`, relative to it with `/`, and whether it is a symbolic link.
fn files_under(dir: &Path) -> Vec<(String, bool)> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .map(|e| {
            (
                crate::source::relative(dir, e.path()),
                e.file_type().is_symlink(),
            )
        })
        .collect()
}

struct Checked {
    diagnostics: Vec<Diagnostic>,
    files: usize,
    tagmanifest_sha256: Option<String>,
    info: Vec<(String, String)>,
}

fn problem(code: Code, file: String, message: String) -> Diagnostic {
    Diagnostic::new(Severity::Error, code, &file, message)
}

/// Checks one bag on its own: bagit.txt, both manifests, no file unlisted, Payload-Oxum.
fn check_bag(archive_rel: &str, name: &str, dir: &Path, hasher: &Hasher) -> Checked {
    let at = |file: &str| format!("{archive_rel}/{name}/{file}");
    let mut out = Checked {
        diagnostics: Vec::new(),
        files: 0,
        tagmanifest_sha256: None,
        info: Vec::new(),
    };
    let tagmanifest = match std::fs::read(dir.join(TAGMANIFEST)) {
        Ok(bytes) => bytes,
        Err(_) => {
            out.diagnostics.push(problem(
                Code::BagMissing,
                at(TAGMANIFEST),
                format!("{name}: berkas {TAGMANIFEST} hilang"),
            ));
            Vec::new()
        }
    };
    out.tagmanifest_sha256 = Some(sha256_hex(&tagmanifest));
    let mut listed: BTreeSet<String> = BTreeSet::from([TAGMANIFEST.to_string()]);
    let mut expected: Vec<(String, String)> = Vec::new();
    for (label, manifest) in [
        (
            TAGMANIFEST,
            String::from_utf8_lossy(&tagmanifest).into_owned(),
        ),
        (
            MANIFEST,
            std::fs::read_to_string(dir.join(MANIFEST)).unwrap_or_default(),
        ),
    ] {
        match bag::parse_manifest(&manifest) {
            Ok(entries) => expected.extend(entries),
            Err(e) => out.diagnostics.push(problem(
                Code::BagInvalid,
                at(label),
                format!("{name}: {label} tidak sah: {e}"),
            )),
        }
    }
    if !dir.join(MANIFEST).is_file() {
        out.diagnostics.push(problem(
            Code::BagMissing,
            at(MANIFEST),
            format!("{name}: berkas {MANIFEST} hilang"),
        ));
    }
    let results: Vec<Option<Diagnostic>> = expected
        .par_iter()
        .map(|(hash, path)| {
            let file = dir.join(path);
            match hasher.hash(&file) {
                Ok(actual) if &actual == hash => None,
                Ok(_) => Some(problem(
                    Code::BagChanged,
                    at(path),
                    format!("{name}: berkas {path} berubah (SHA-256 tidak cocok dengan manifest)"),
                )),
                Err(_) => Some(problem(
                    Code::BagMissing,
                    at(path),
                    format!("{name}: berkas {path} hilang"),
                )),
            }
        })
        .collect();
    out.diagnostics.extend(results.into_iter().flatten());
    out.files = expected.len();
    listed.extend(expected.iter().map(|(_, p)| p.clone()));
    for (file, link) in files_under(dir) {
        // A file a bag holds is its bytes, never a pointer to bytes elsewhere.
        if link {
            out.diagnostics.push(problem(
                Code::BagChanged,
                at(&file),
                format!("{name}: berkas {file} diganti dengan tautan simbolik"),
            ));
        }
        if !listed.contains(&file) {
            out.diagnostics.push(problem(
                Code::BagExtra,
                at(&file),
                format!("{name}: berkas tambahan {file}, tidak tercantum di manifest"),
            ));
        }
    }
    match std::fs::read_to_string(dir.join(BAGIT)) {
        Ok(text) if text == BAGIT_TXT => {}
        Ok(_) | Err(_) if !dir.join(BAGIT).exists() => {}
        _ => out.diagnostics.push(problem(
            Code::BagInvalid,
            at(BAGIT),
            format!("{name}: {BAGIT} bukan BagIt 1.0 UTF-8"),
        )),
    }
    let info_text = std::fs::read_to_string(dir.join(BAG_INFO)).unwrap_or_default();
    out.info = bag::parse_bag_info(&info_text);
    let payload: Vec<&(String, String)> = expected
        .iter()
        .filter(|(_, p)| p.starts_with("data/"))
        .collect();
    let bytes: u64 = payload
        .iter()
        .filter_map(|(_, p)| std::fs::metadata(dir.join(p)).ok())
        .map(|m| m.len())
        .sum();
    let oxum = format!("{bytes}.{}", payload.len());
    match field(&out.info, "Payload-Oxum") {
        Some(v) if v == oxum => {}
        // A missing or changed file is reported already; the sum follows from it.
        _ if !out.diagnostics.is_empty() => {}
        other => out.diagnostics.push(problem(
            Code::BagInvalid,
            at(BAG_INFO),
            format!(
                "{name}: Payload-Oxum {} tidak cocok dengan isi ({oxum})",
                other.unwrap_or("(tidak ada)")
            ),
        )),
    }
    out
}

fn field<'a>(info: &'a [(String, String)], label: &str) -> Option<&'a str> {
    info.iter()
        .find(|(l, _)| l == label)
        .map(|(_, v)| v.as_str())
}

/// Verifies every bag of the archive and the chain between them.
pub fn verify(archive: &Path, archive_rel: &str) -> Report {
    let mut diagnostics = Vec::new();
    if archive.exists() && !archive.is_dir() {
        diagnostics.push(problem(
            Code::BagInvalid,
            archive_rel.to_string(),
            format!("`{archive_rel}` bukan folder arsip"),
        ));
        return Report {
            versions: 0,
            files: 0,
            diagnostics,
        };
    }
    let found = bags(archive).unwrap_or_default();
    if let Ok(entries) = std::fs::read_dir(archive) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            // A symbolic link named like a version is no version (and is reported).
            let is_bag =
                version_number(&name).is_some() && entry.file_type().is_ok_and(|t| t.is_dir());
            if name.starts_with(STAGING_PREFIX) {
                diagnostics.push(
                    Diagnostic::new(
                        Severity::Warning,
                        Code::PublishLeftover,
                        &format!("{archive_rel}/{name}"),
                        format!("sisa publikasi yang terputus: {archive_rel}/{name}"),
                    )
                    .with_hint("bukan bagian arsip; `daftar publish` berikutnya menghapusnya"),
                );
            } else if !is_bag {
                diagnostics.push(problem(
                    Code::BagExtra,
                    format!("{archive_rel}/{name}"),
                    format!("berkas tambahan di arsip: {name}, bukan versi"),
                ));
            }
        }
    }
    let hasher = Hasher::default();
    let checked: Vec<(u32, String, Checked)> = found
        .par_iter()
        .map(|(n, dir)| {
            let name = version_name(*n);
            let checked = check_bag(archive_rel, &name, dir, &hasher);
            (*n, name, checked)
        })
        .collect();
    let mut files = 0;
    let by_number: BTreeMap<u32, &Checked> = checked.iter().map(|(n, _, c)| (*n, c)).collect();
    for (i, (n, name, c)) in checked.iter().enumerate() {
        files += c.files;
        diagnostics.extend(c.diagnostics.iter().cloned());
        let at = format!("{archive_rel}/{name}/{BAG_INFO}");
        // The version record inside the bag names the same version as its folder.
        match super::read_info(&archive.join(name)) {
            Ok(info) if info.nomor == *n && info.versi == *name => {}
            Ok(info) => diagnostics.push(problem(
                Code::BagInvalid,
                format!("{archive_rel}/{name}/{}", super::VERSION_FILE),
                format!(
                    "{name}: {} menyebut versi {} (nomor {}), bukan {name}",
                    super::VERSION_FILE,
                    info.versi,
                    info.nomor
                ),
            )),
            // Its absence or damage is reported with the bag's manifests.
            Err(_) => {}
        }
        if field(&c.info, "External-Identifier") != Some(name.as_str()) {
            diagnostics.push(problem(
                Code::BagInvalid,
                at.clone(),
                format!("{name}: External-Identifier di {BAG_INFO} bukan {name}"),
            ));
        }
        let previous = field(&c.info, "Daftar-Previous-Version");
        let previous_hash = field(&c.info, "Daftar-Previous-Tagmanifest-Sha256");
        if i == 0 {
            // Versions missing before the first one found are reported below, once.
            if *n == 1 && previous.is_some() {
                diagnostics.push(problem(
                    Code::ChainBroken,
                    at.clone(),
                    format!(
                        "{name}: versi pertama menyebut versi sebelumnya {}",
                        previous.unwrap_or("")
                    ),
                ));
            }
            continue;
        }
        let expected_previous = version_name(n - 1);
        match (previous, by_number.get(&(n - 1))) {
            (Some(p), Some(prev)) if p == expected_previous => {
                if previous_hash != prev.tagmanifest_sha256.as_deref() {
                    diagnostics.push(problem(
                        Code::ChainBroken,
                        at.clone(),
                        format!(
                            "{name}: rantai putus: {expected_previous} telah diubah sejak {name} diterbitkan (SHA-256 {TAGMANIFEST} {expected_previous} tidak cocok)"
                        ),
                    ));
                }
            }
            (_, None) => diagnostics.push(problem(
                Code::ChainBroken,
                format!("{archive_rel}/{expected_previous}"),
                format!("{name}: rantai putus: versi sebelumnya {expected_previous} hilang dari arsip"),
            )),
            (p, Some(_)) => diagnostics.push(problem(
                Code::ChainBroken,
                at.clone(),
                format!(
                    "{name}: rantai putus: {BAG_INFO} menyebut versi sebelumnya {}, seharusnya {expected_previous}",
                    p.unwrap_or("(tidak ada)")
                ),
            )),
        }
    }
    if let Some((first, _)) = found.first()
        && *first != 1
    {
        let missing = if *first == 2 {
            version_name(1)
        } else {
            format!("{} sampai {}", version_name(1), version_name(first - 1))
        };
        diagnostics.push(problem(
            Code::ChainBroken,
            format!("{archive_rel}/{}", version_name(1)),
            format!("rantai putus: versi {missing} hilang dari arsip"),
        ));
    }
    diagnostics.sort_by(|a, b| a.file.cmp(&b.file).then(a.message.cmp(&b.message)));
    Report {
        versions: found.len(),
        files,
        diagnostics,
    }
}
