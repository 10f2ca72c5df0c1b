//! The theme's templates are minified once, when the theme is loaded, instead of every
//! page: the default theme's templates all survive it, and a user's template that
//! minifying would break is used as written, with the same page as a result.

mod common;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use daftar::render::{self, theme};
use daftar::site::{self, DateSource};

fn build_date() -> DateSource {
    DateSource {
        tanggal: NaiveDate::from_ymd_opt(2026, 11, 25),
        source_date_epoch: None,
        now: chrono::DateTime::UNIX_EPOCH,
    }
}

fn sample() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn render_at(root: &Path) -> (render::Rendered, theme::Theme) {
    let (site, report) = site::load(root, &build_date());
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    let site = site.expect("site loads");
    let theme = theme::load(root, &site.config.tema).expect("theme loads");
    let history = [];
    let out = render::render(&site, &theme, &report.diagnostics, &history).expect("renders");
    (out, theme)
}

#[test]
fn every_template_of_the_default_theme_renders_from_its_minified_form() {
    let (_, theme) = render_at(&sample());
    assert_eq!(theme.written_templates(), Vec::<&str>::new());
    let minified = theme.minified_templates();
    for name in [
        "public/index.html",
        "public/index_row.html",
        "public/index_ended_row.html",
        "public/record.html",
        "public/ended.html",
        "public/ended_row.html",
        "public/about.html",
        "public/404.html",
        "public/decision.html",
        "public/decision_row.html",
        "public/decisions.html",
        "internal/index.html",
        "internal/index_row.html",
        "internal/record.html",
        "internal/sop.html",
        "internal/compliance.html",
    ] {
        assert!(
            minified.contains(&name),
            "{name} not minified: {minified:?}"
        );
    }
}

/// A copy of the sample register whose theme overrides `template` with `text`.
fn sample_with_template(template: &str, text: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    common::copy_site(
        &sample(),
        tmp.path(),
        &["daftar.toml", "content", "keputusan"],
    );
    let path = tmp.path().join("themes/default/templates").join(template);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
    tmp
}

fn page(files: &render::Files, path: &str) -> String {
    String::from_utf8(files[path].clone()).unwrap()
}

#[test]
fn a_template_that_no_longer_parses_once_minified_is_used_as_written() {
    // Template code among a tag's attributes: minifying shuffles it into nonsense.
    let row = BUILTIN_INDEX_ROW.replace(
        "<tr data-huruf=",
        "<tr{% if r.unit is containing(\"Dinas\") %} class=\"dinas\"{% endif %} data-huruf=",
    );
    assert_ne!(row, BUILTIN_INDEX_ROW);
    let site = sample_with_template("public/index_row.html", &row);
    let (out, theme) = render_at(site.path());
    assert!(theme.written_templates().contains(&"public/index_row.html"));
    let index = page(&out.public, "index.html");
    // The rows of units of a Dinas, and only those, carry the class.
    let html = scraper::Html::parse_document(&index);
    let count = |s: &str| html.select(&scraper::Selector::parse(s).unwrap()).count();
    assert!(count("tr.dinas") > 0, "{index}");
    assert_eq!(count("tr.dinas"), count("tr[data-unit*=Dinas]"));
    assert_eq!(count("tr.dinas"), count("tr.dinas[data-unit*=Dinas]"));
    // Every other template still renders from its minified form.
    assert!(theme.minified_templates().contains(&"public/record.html"));
}

#[test]
fn a_template_that_renders_differently_once_minified_is_used_as_written() {
    // Double quotes inside an attribute value: minifying turns "a b" into " a b", which
    // still parses but says something else.
    let about = "{% extends \"public/base.html\" %}{% block main %}<h1 title=\"{{ \"Cara memohon\" }}\">Cara memohon</h1>{% endblock main %}";
    let site = sample_with_template("public/about.html", about);
    let (out, theme) = render_at(site.path());
    assert_eq!(theme.written_templates(), vec!["public/about.html"]);
    let about = page(&out.public, "tentang/index.html");
    assert!(about.contains("<h1 title=\"Cara memohon\">"), "{about}");
}

const BUILTIN_INDEX_ROW: &str = include_str!("../themes/default/templates/public/index_row.html");
