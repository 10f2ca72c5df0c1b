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
    /// Each version found, in order, with the SHA-256 of its tag manifest.
    pub tagmanifests: Vec<(String, Option<String>)>,
}

/// A version's tag-manifest SHA-256 recorded outside the archive (`--sidik`): with the
/// version it is for, or alone (then it must be some version's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub versi: Option<String>,
    pub sha256: String,
}

impl Anchor {
    /// `v0003=<64 hex digits>` or the digits alone.
    pub fn parse(s: &str) -> Option<Anchor> {
        let (versi, hash) = match s.trim().split_once('=') {
            Some((v, h)) => (Some(v.trim()), h.trim()),
            None => (None, s.trim()),
        };
        let versi = match versi {
            Some(v) => Some(version_name(version_number(v)?)),
            None => None,
        };
        (hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit())).then(|| Anchor {
            versi,
            sha256: hash.to_ascii_lowercase(),
        })
    }
}

/// What the given hashes prove: the problems, and a sentence saying which versions were
/// proven against a hash from outside and which were only checked inside the archive.
pub struct Anchored {
    pub diagnostics: Vec<Diagnostic>,
    pub summary: String,
}

fn range(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [first, .., last] => format!("{first} sampai {last}"),
    }
}

/// Checks each version's tag manifest against the hashes given. A version proven so
/// proves every version before it too: each holds its predecessor's hash.
pub fn check_anchors(report: &Report, anchors: &[Anchor], archive_rel: &str) -> Anchored {
    let mut diagnostics = Vec::new();
    let mut proven: Option<usize> = None;
    for anchor in anchors {
        let found = report
            .tagmanifests
            .iter()
            .position(|(name, hash)| match &anchor.versi {
                Some(v) => name == v,
                None => hash.as_deref() == Some(anchor.sha256.as_str()),
            });
        let at = |name: &str| format!("{archive_rel}/{name}/{TAGMANIFEST}");
        match (found, &anchor.versi) {
            (None, Some(v)) => diagnostics.push(problem(
                Code::AnchorMismatch,
                format!("{archive_rel}/{v}"),
                format!("{v}: sidik yang diberikan untuk versi ini tidak dapat dicocokkan, karena {v} tidak ada di arsip"),
            )),
            (None, None) => diagnostics.push(problem(
                Code::AnchorMismatch,
                archive_rel.to_string(),
                format!("sidik {} tidak cocok dengan versi mana pun di arsip", anchor.sha256),
            )),
            (Some(i), _) => {
                let (name, hash) = &report.tagmanifests[i];
                if hash.as_deref() == Some(anchor.sha256.as_str()) {
                    proven = proven.max(Some(i));
                } else {
                    diagnostics.push(problem(
                        Code::AnchorMismatch,
                        at(name),
                        format!(
                            "{name}: sidik {TAGMANIFEST} ({}) tidak sama dengan sidik yang diberikan ({}): versi ini diubah sesudah sidik itu dicatat",
                            hash.as_deref().unwrap_or("tidak ada"),
                            anchor.sha256
                        ),
                    ));
                }
            }
        }
    }
    let names: Vec<String> = report.tagmanifests.iter().map(|(n, _)| n.clone()).collect();
    let split = proven.map_or(0, |i| i + 1);
    let (outside, inside) = names.split_at(split);
    let mut summary = Vec::new();
    if !outside.is_empty() {
        summary.push(format!(
            "Dibuktikan dengan sidik dari luar arsip: {}.",
            range(outside)
        ));
    }
    if let Some(last) = inside.last() {
        summary.push(format!(
            "Hanya diperiksa di dalam arsip: {} (arsip yang diubah lalu disidik ulang seluruhnya tidak terlihat dari dalam); buktikan dengan `daftar verify --sidik {last}=SIDIK`, memakai sidik dari berita acara penerbitan atau dari halaman riwayat situs publik.",
            range(inside)
        ));
    }
    Anchored {
        diagnostics,
        summary: summary.join("\n"),
    }
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
            tagmanifests: Vec::new(),
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
        tagmanifests: checked
            .iter()
            .map(|(_, name, c)| (name.clone(), c.tagmanifest_sha256.clone()))
            .collect(),
    }
}
