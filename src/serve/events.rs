//! What a changed path means for the site: a pure function of the path, so the watch
//! logic is tested without a file system. Only sources count: `content/`, `daftar.toml`
//! and the theme; the output and archive folders, hidden and editor-temporary files
//! never trigger a rebuild.

use std::collections::BTreeSet;
use std::path::{Component, Path};

use crate::config::{CONTENT_DIR, DECISIONS_DIR, FILE_NAME, THEMES_DIR};
use crate::source::{FileKind, classify};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// `daftar.toml`, or a decision file under `keputusan/`: everything is read again
    /// (every record is checked against them).
    Config,
    /// A file of the site's theme folder: everything is rendered again.
    Theme,
    /// Something under `content/` (a file or a folder), relative to the site root.
    Content(String),
}

/// The change a path stands for, if any. `root` is the site folder.
pub fn classify_path(root: &Path, path: &Path) -> Option<Change> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<&str> = rel
        .components()
        .map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let (first, rest) = parts.split_first()?;
    // Hidden and editor-temporary names are never sources: anywhere on the way in
    // `content/` (which skips such folders), the file name itself in the theme (which
    // publishes a hidden folder such as `.well-known/`).
    let checked: &[&str] = if *first == THEMES_DIR {
        &parts[parts.len() - 1..]
    } else {
        &parts
    };
    if checked.iter().any(|p| classify(p) == FileKind::Skipped) {
        return None;
    }
    match (*first, rest) {
        (FILE_NAME, []) => Some(Change::Config),
        (DECISIONS_DIR, _) => Some(Change::Config),
        (CONTENT_DIR, _) => Some(Change::Content(parts.join("/"))),
        (THEMES_DIR, _) => Some(Change::Theme),
        _ => None,
    }
}

/// A burst of changes, as one rebuild sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Batch {
    /// Read the configuration and the theme again, and every record.
    pub everything: bool,
    /// Re-render every record (the theme changed).
    pub theme: bool,
    pub content: BTreeSet<String>,
}

impl Batch {
    pub fn of(root: &Path, paths: impl IntoIterator<Item = impl AsRef<Path>>) -> Batch {
        let mut batch = Batch::default();
        for path in paths {
            match classify_path(root, path.as_ref()) {
                Some(Change::Config) => batch.everything = true,
                Some(Change::Theme) => batch.theme = true,
                Some(Change::Content(rel)) => {
                    batch.content.insert(rel);
                }
                None => {}
            }
        }
        batch
    }

    pub fn is_empty(&self) -> bool {
        !self.everything && !self.theme && self.content.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(p: &str) -> Option<Change> {
        classify_path(Path::new("/situs"), &Path::new("/situs").join(p))
    }

    #[test]
    fn sources_are_recognised() {
        assert_eq!(change("daftar.toml"), Some(Change::Config));
        assert_eq!(
            change("content/a.md"),
            Some(Change::Content("content/a.md".into()))
        );
        assert_eq!(
            change("content/2025"),
            Some(Change::Content("content/2025".into()))
        );
        assert_eq!(
            change("content/surat.docx"),
            Some(Change::Content("content/surat.docx".into()))
        );
        assert_eq!(
            change("themes/default/templates/public/index.html"),
            Some(Change::Theme)
        );
        // A theme publishes hidden folders (its files are skipped by name only).
        assert_eq!(
            change("themes/default/static/public/.well-known/security.txt"),
            Some(Change::Theme)
        );
    }

    #[test]
    fn outputs_archives_and_editor_files_are_ignored() {
        for p in [
            "public/index.html",
            "internal/index.html",
            "archive/v0001/bag-info.txt",
            "target/debug/daftar",
            "content/.a.md.swp",
            "content/a.md~",
            "content/#a.md#",
            "content/.git/index",
            "content/x.tmp",
            ".daftar.toml.swp",
            "themes/default/templates/.index.html.swp",
            "content/.git/config",
            "README.md",
            "daftar.toml/x",
        ] {
            assert_eq!(change(p), None, "{p}");
        }
        assert_eq!(
            classify_path(Path::new("/situs"), Path::new("/lain/content/a.md")),
            None
        );
    }

    #[test]
    fn a_burst_becomes_one_batch() {
        let root = Path::new("/situs");
        let batch = Batch::of(
            root,
            [
                root.join("content/a.md"),
                root.join("content/.a.md.swp"),
                root.join("content/a.md"),
                root.join("content/b.md"),
                root.join("public/index.html"),
            ],
        );
        assert!(!batch.everything && !batch.theme);
        assert_eq!(
            batch.content.into_iter().collect::<Vec<_>>(),
            ["content/a.md", "content/b.md"]
        );
        assert!(Batch::of(root, [root.join("daftar.toml")]).everything);
        // Every record is checked against the decisions: a decision reads everything.
        assert!(Batch::of(root, [root.join("keputusan/2025-012.md")]).everything);
        assert!(Batch::of(root, [root.join("keputusan/.2025-012.md.swp")]).is_empty());
        assert!(Batch::of(root, [root.join("public/x")]).is_empty());
    }
}
