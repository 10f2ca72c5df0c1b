//! Finding and reading the record files under `content/`. The only module that reads
//! the content folder; everything after it works on strings.

use std::path::Path;

use sha2::{Digest, Sha256};
use walkdir::WalkDir;

use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity, SourceText};

/// What a file found under `content/` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A record: `*.md`, any letter case.
    Record,
    /// Hidden or editor-temporary: skipped silently.
    Skipped,
    /// Anything else: reported as ignored, so a dropped `.docx` is noticed.
    Ignored,
}

/// Classifies a file by its name alone (pure; also used by watch mode).
pub fn classify(file_name: &str) -> FileKind {
    let temporary = file_name.starts_with('.')
        || file_name.ends_with('~')
        || (file_name.starts_with('#') && file_name.ends_with('#'))
        || [".swp", ".swo", ".swx", ".tmp"]
            .iter()
            .any(|ext| file_name.to_ascii_lowercase().ends_with(ext));
    if temporary {
        FileKind::Skipped
    } else if file_name.len() > 3 && file_name.to_ascii_lowercase().ends_with(".md") {
        FileKind::Record
    } else {
        FileKind::Ignored
    }
}

/// E0009 for a file or folder whose name a BagIt manifest cannot carry so that every
/// validator reads it back (`%`, a line break) or that is not UTF-8.
fn unusable_name(root: &Path, entry: &walkdir::DirEntry) -> Option<Diagnostic> {
    let rel = relative(root, entry.path());
    let what = if entry.file_type().is_dir() {
        "folder"
    } else {
        "berkas"
    };
    let Some(name) = entry.file_name().to_str() else {
        return Some(
            Diagnostic::new(
                Severity::Error,
                Code::FileNameUnusable,
                &rel,
                format!("nama {what} `{rel}` bukan teks UTF-8 dan tidak dapat dibaca"),
            )
            .with_hint(format!(
                "ganti nama {what} itu dengan huruf, angka, dan tanda hubung biasa"
            )),
        );
    };
    let c = name.chars().find(|c| matches!(c, '%' | '\r' | '\n'))?;
    let shown = if c == '%' { "`%`" } else { "ganti baris" };
    Some(
        Diagnostic::new(
            Severity::Error,
            Code::FileNameUnusable,
            &rel,
            format!(
                "nama {what} `{rel}` memuat {shown}, yang tidak dapat disimpan utuh di arsip BagIt"
            ),
        )
        .with_hint(format!(
            "ganti nama {what} itu tanpa tanda persen atau ganti baris, misalnya `diskon-100-persen`"
        )),
    )
}

/// E0009 for every name under `folder` (the theme folders: all of them are archived)
/// that the archive could not carry.
pub fn unusable_names(root: &Path, folder: &str) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut walker = WalkDir::new(root.join(folder))
        .sort_by_file_name()
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| classify(&e.file_name().to_string_lossy()) != FileKind::Skipped);
    while let Some(entry) = walker.next() {
        let Ok(entry) = entry else { continue };
        if let Some(d) = unusable_name(root, &entry) {
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            found.push(d);
        }
    }
    found
}

/// The record files under `content_dir`, as paths relative to `root` with `/`
/// separators, in a deterministic (sorted) order; plus warnings for ignored files and
/// errors for folders that cannot be read.
pub fn discover(root: &Path, content_dir: &str) -> (Vec<String>, Vec<Diagnostic>) {
    // What the folder's files are, for messages: decisions under `keputusan/`.
    let kind = if content_dir == crate::config::DECISIONS_DIR {
        "keputusan"
    } else {
        "catatan"
    };
    let mut records = Vec::new();
    let mut diagnostics = Vec::new();
    let top = root.join(content_dir);
    // A file where the folder should be is no folder of records (and no empty register).
    if top.exists() && !top.is_dir() {
        diagnostics.push(
            Diagnostic::new(
                Severity::Error,
                Code::Unreadable,
                content_dir,
                format!("`{content_dir}` bukan folder"),
            )
            .with_hint(format!(
                "{kind} disimpan sebagai berkas .md di dalam folder {content_dir}/; ganti nama berkas `{content_dir}` itu dan buat foldernya"
            )),
        );
        return (records, diagnostics);
    }
    let mut walker = WalkDir::new(&top)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || classify(&e.file_name().to_string_lossy()) != FileKind::Skipped
        });
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| relative(root, p))
                    .unwrap_or_else(|| content_dir.to_string());
                let mut d = Diagnostic::new(
                    Severity::Error,
                    Code::Unreadable,
                    &path,
                    format!("`{path}` tidak dapat dibaca: {}", io_reason(&e)),
                );
                if e.depth() == 0 {
                    d = d.with_hint(format!(
                        "catatan disimpan di folder {content_dir}/ di samping daftar.toml; buat folder itu, atau mulai dengan `daftar init`"
                    ));
                }
                diagnostics.push(d);
                continue;
            }
        };
        if entry.depth() > 0
            && let Some(d) = unusable_name(root, &entry)
        {
            // A folder with such a name is reported once, and nothing in it is read.
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            diagnostics.push(d);
            continue;
        }
        if entry.file_type().is_dir() {
            continue;
        }
        let rel = relative(root, entry.path());
        let Some(name) = entry.file_name().to_str() else {
            continue;
        };
        match classify(name) {
            FileKind::Record => match regular(root, entry.path(), entry.file_type()) {
                Ok(()) => records.push(rel),
                Err(why) => diagnostics.push(
                    Diagnostic::new(
                        Severity::Error,
                        Code::NotARegularFile,
                        &rel,
                        format!("`{rel}` {why} dan tidak dibaca"),
                    )
                    .with_hint(format!(
                        "simpan setiap {kind} sebagai berkas teks biasa di dalam folder {content_dir}/"
                    )),
                ),
            },
            FileKind::Skipped => {}
            FileKind::Ignored => diagnostics.push(
                Diagnostic::new(
                    Severity::Warning,
                    Code::IgnoredFile,
                    &rel,
                    format!("`{rel}` diabaikan: bukan berkas {kind} (.md)"),
                )
                .with_hint(format!("{kind} ditulis sebagai berkas Markdown berakhiran .md; berkas lain tidak diterbitkan")),
            ),
        }
    }
    (records, diagnostics)
}

/// Whether a record's path may be read: a regular file, or a symbolic link to one inside
/// the site (what the site publishes, its archive keeps). The reason otherwise. Nothing
/// that is not a regular file is ever opened (a named pipe would block forever).
fn regular(root: &Path, path: &Path, kind: std::fs::FileType) -> Result<(), &'static str> {
    if kind.is_file() {
        return Ok(());
    }
    if !kind.is_symlink() {
        return Err("bukan berkas biasa (misalnya pipa atau perangkat)");
    }
    let (Ok(target), Ok(site)) = (std::fs::canonicalize(path), std::fs::canonicalize(root)) else {
        return Err("adalah tautan simbolik yang tujuannya tidak ada");
    };
    if !target.starts_with(&site) {
        return Err("adalah tautan simbolik ke luar folder situs");
    }
    match std::fs::metadata(&target) {
        Ok(m) if m.is_file() => Ok(()),
        _ => Err("adalah tautan simbolik ke sesuatu yang bukan berkas biasa"),
    }
}

fn io_reason(e: &walkdir::Error) -> String {
    match e.io_error() {
        Some(io) if io.kind() == std::io::ErrorKind::NotFound => "folder tidak ditemukan".into(),
        _ => crate::os_error::walk_reason(e),
    }
}

/// The page address of a file: its path under `dir` without `.md`, lower-case, with
/// every character but ASCII letters and digits written as `-`.
pub fn page_slug(path: &str, dir: &str) -> String {
    let rel = path
        .strip_prefix(dir)
        .and_then(|p| p.strip_prefix('/'))
        .unwrap_or(path);
    // By bytes that may fall inside a character: `get` keeps it total.
    let stem = match rel
        .len()
        .checked_sub(3)
        .and_then(|i| Some((i, rel.get(i..)?)))
    {
        Some((i, ext)) if ext.eq_ignore_ascii_case(".md") => &rel[..i],
        _ => rel,
    };
    stem.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// The longest page address: one folder name on every file system daftar writes to.
pub const MAX_SLUG_BYTES: usize = 255;

/// An error for a page address longer than a folder name may be (`prefix` names the
/// folder the page is in, for the message).
pub fn slug_too_long(slug: &str, path: &str, prefix: &str) -> Option<Diagnostic> {
    (slug.len() > MAX_SLUG_BYTES).then(|| {
        Diagnostic::new(
            Severity::Error,
            Code::SlugTooLong,
            path,
            format!(
                "alamat halaman `{prefix}{}…/` terlalu panjang: {} bita, paling banyak {MAX_SLUG_BYTES}",
                &slug[..40],
                slug.len()
            ),
        )
        .with_hint("alamat dibentuk dari nama folder dan berkas; pendekkan nama berkas atau foldernya")
    })
}

/// A path relative to the root, with `/` separators.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The site's sources as a version keeps them: `daftar.toml`, the logo it names, every file under
/// `content/`, `keputusan/` and `themes/` (hidden and editor-temporary files left out), by path.
pub fn site_sources(
    root: &Path,
    logo: Option<(&str, &[u8])>,
) -> Result<std::collections::BTreeMap<String, Vec<u8>>, Diagnostic> {
    let mut out = std::collections::BTreeMap::new();
    let read = |rel: &str| {
        std::fs::read(root.join(rel)).map_err(|e| {
            Diagnostic::new(
                Severity::Error,
                Code::Unreadable,
                rel,
                format!(
                    "`{rel}` tidak dapat dibaca: {}",
                    crate::os_error::reason(&e)
                ),
            )
        })
    };
    out.insert(
        crate::config::FILE_NAME.to_string(),
        read(crate::config::FILE_NAME)?,
    );
    // The office's logo (`logo` in daftar.toml) is a source of the pages too: a new logo
    // is a new version. Its bytes are those the configuration read and the pages show.
    if let Some((path, bytes)) = logo {
        out.insert(path.to_string(), bytes.to_vec());
    }
    for folder in [
        crate::config::CONTENT_DIR,
        crate::config::DECISIONS_DIR,
        crate::config::THEMES_DIR,
    ] {
        let dir = root.join(folder);
        if !dir.is_dir() {
            continue;
        }
        let walker = WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0 || classify(&e.file_name().to_string_lossy()) != FileKind::Skipped
            });
        for entry in walker {
            let entry = entry.map_err(|e| {
                Diagnostic::new(
                    Severity::Error,
                    Code::Unreadable,
                    folder,
                    format!("`{folder}` tidak dapat dibaca: {}", io_reason(&e)),
                )
            })?;
            // What discovery reads, the archive keeps: regular files and links to
            // them inside the site, with the bytes they lead to.
            if regular(root, entry.path(), entry.file_type()).is_ok() {
                let rel = relative(root, entry.path());
                let bytes = read(&rel)?;
                out.insert(rel, bytes);
            }
        }
    }
    Ok(out)
}

/// A record file as read from disk.
pub struct RecordFile {
    pub source: SourceText,
    pub sha256: String,
}

/// Reads a record file; a file that cannot be read or is not UTF-8 gives a diagnostic.
pub fn read(root: &Path, rel: &str) -> Result<RecordFile, Diagnostic> {
    let bytes = std::fs::read(root.join(rel)).map_err(|e| {
        Diagnostic::new(
            Severity::Error,
            Code::Unreadable,
            rel,
            format!(
                "`{rel}` tidak dapat dibaca: {}",
                crate::os_error::reason(&e)
            ),
        )
    })?;
    let sha256 = sha256_hex(&bytes);
    let text = String::from_utf8(bytes).map_err(|e| crate::diagnostic::invalid_utf8(rel, e))?;
    Ok(RecordFile {
        source: SourceText::new(rel, text),
        sha256,
    })
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut hex = String::with_capacity(64);
    for b in Sha256::digest(bytes) {
        hex.push(char::from(DIGITS[usize::from(b >> 4)]));
        hex.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_records_temporary_and_other_files() {
        assert_eq!(classify("dik-001.md"), FileKind::Record);
        assert_eq!(classify("DIK-001.MD"), FileKind::Record);
        for name in [
            ".dik.md.swp",
            ".hidden.md",
            "dik.md~",
            "#dik.md#",
            "dik.swp",
            "x.TMP",
        ] {
            assert_eq!(classify(name), FileKind::Skipped, "{name}");
        }
        for name in ["surat.docx", "catatan.txt", "md", ".md.bak2x"] {
            assert_ne!(classify(name), FileKind::Record, "{name}");
        }
        assert_eq!(classify("surat.docx"), FileKind::Ignored);
    }

    #[test]
    fn hashes_bytes_as_lowercase_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
