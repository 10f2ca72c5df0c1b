//! Every link in the built site resolves: to a file of the build (a folder meaning its
//! `index.html`) and, with a `#fragment`, to an element with that id.

mod common;

use common::{build, copy_site};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use scraper::{Html, Selector};
use walkdir::WalkDir;

fn build_sample() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_site(root, tmp.path(), &["daftar.toml", "content", "keputusan"]);
    build(tmp.path());
    tmp
}

/// Every HTML page of a folder, parsed.
fn pages(dir: &Path) -> BTreeMap<PathBuf, Html> {
    WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).unwrap();
            (e.path().to_path_buf(), Html::parse_document(&text))
        })
        .collect()
}

fn broken_links(dir: &Path, base_path: &str) -> Vec<String> {
    let pages = pages(dir);
    let links = Selector::parse("a[href], link[href], script[src], img[src]").unwrap();
    let mut broken = Vec::new();
    let mut checked = 0;
    for (file, html) in &pages {
        for el in html.select(&links) {
            let target = el.value().attr("href").or(el.value().attr("src")).unwrap();
            if target.starts_with("http://")
                || target.starts_with("https://")
                || target.starts_with("mailto:")
            {
                continue;
            }
            checked += 1;
            let (path, fragment) = target.split_once('#').unwrap_or((target, ""));
            let mut resolved = if path.is_empty() {
                file.clone()
            } else if let Some(rooted) = path.strip_prefix(base_path) {
                dir.join(rooted)
            } else {
                file.parent().unwrap().join(path)
            };
            if path.ends_with('/') || resolved.is_dir() {
                resolved = resolved.join("index.html");
            }
            let resolved = normalise(&resolved);
            if !resolved.is_file() {
                broken.push(format!(
                    "{}: {target} (no file {})",
                    file.display(),
                    resolved.display()
                ));
                continue;
            }
            if !fragment.is_empty() {
                let page = pages
                    .get(&resolved)
                    .expect("a linked page is a page of the build");
                let id = Selector::parse(&format!("[id=\"{fragment}\"]")).unwrap();
                if page.select(&id).next().is_none() {
                    broken.push(format!("{}: {target} (no id {fragment})", file.display()));
                }
            }
        }
    }
    assert!(checked > pages.len(), "links were found and checked");
    broken
}

/// `a/b/../c` → `a/c`, without touching the file system.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[test]
fn every_link_of_the_public_site_resolves() {
    let site = build_sample();
    let broken = broken_links(&site.path().join("public"), "/dik/");
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn every_link_of_the_internal_index_resolves() {
    let site = build_sample();
    let broken = broken_links(&site.path().join("internal"), "/");
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn the_404_page_links_from_the_site_path() {
    let site = build_sample();
    let page = std::fs::read_to_string(site.path().join("public/404.html")).unwrap();
    assert!(page.contains("href=\"/dik/daftar.css\""), "{page}");
    assert!(page.contains("href=\"/dik/index.html\""), "{page}");
}
