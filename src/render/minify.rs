//! Minifying the HTML pages with minify-html, keeping the output spec-compliant (an
//! unminified doctype, quoted attribute values where HTML requires them).

use minify_html::{Cfg, minify};

fn cfg() -> Cfg {
    Cfg {
        minify_css: true,
        minify_js: true,
        minify_doctype: false,
        allow_noncompliant_unquoted_attribute_values: false,
        allow_removing_spaces_between_attributes: false,
        allow_optimal_entities: false,
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        ..Cfg::default()
    }
}

/// A theme's template minified, its `{{ }}`, `{% %}` and `{# #}` kept as they are.
pub fn template(text: &str) -> String {
    let cfg = Cfg {
        preserve_brace_template_syntax: true,
        ..cfg()
    };
    String::from_utf8(minify(text.as_bytes(), &cfg)).expect("minified UTF-8 stays UTF-8")
}

/// How deep elements may nest for minify-html, whose parser recurses once per level:
/// far beyond any real page, far below what a thread's stack holds.
pub const MAX_DEPTH: usize = 256;

/// The page minified; a page nesting deeper than [`MAX_DEPTH`] (a pathological Markdown
/// body, such as ten thousand nested quotes) is left as it is, which is valid HTML too.
pub fn html(page: &str) -> Vec<u8> {
    if nesting_depth(page) > MAX_DEPTH {
        return page.as_bytes().to_vec();
    }
    minify(page.as_bytes(), &cfg())
}

/// Elements that have no closing tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// The deepest nesting of elements in a page, from its tags alone (the pages come from
/// templates and comrak, so tags are well formed; text never holds a raw `<`).
pub fn nesting_depth(page: &str) -> usize {
    let bytes = page.as_bytes();
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut i = 0;
    while let Some(at) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + at + 1;
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |e| start + e);
        let tag = &page[start..end];
        if let Some(name) = tag.strip_prefix('/') {
            if !name.is_empty() {
                depth = depth.saturating_sub(1);
            }
        } else if tag.starts_with(|c: char| c.is_ascii_alphabetic()) && !tag.ends_with('/') {
            let name: String = tag
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if !VOID.contains(&name.as_str()) {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        i = end.min(bytes.len());
        if i >= bytes.len() {
            break;
        }
    }
    deepest
}

/// [`html`], as text.
pub fn html_text(page: &str) -> String {
    String::from_utf8(html(page)).expect("minified UTF-8 stays UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_nesting_from_tags() {
        assert_eq!(nesting_depth("<p>a<br>b<img src=x></p>"), 1);
        assert_eq!(
            nesting_depth("<div><ul><li>a</li><li><em>b</em></li></ul></div>"),
            4
        );
        assert_eq!(
            nesting_depth("<!doctype html><html><body></body></html>"),
            2
        );
        assert_eq!(nesting_depth("tanpa tag"), 0);
    }

    #[test]
    fn a_page_nesting_too_deep_is_left_as_it_is() {
        let deep = format!(
            "{}x{}",
            "<blockquote>".repeat(5000),
            "</blockquote>".repeat(5000)
        );
        assert_eq!(html(&deep), deep.as_bytes());
        let shallow = format!("{}x{}", "<div> ".repeat(3), "</div> ".repeat(3));
        assert_ne!(html(&shallow), shallow.as_bytes());
    }

    #[test]
    fn minifies_but_keeps_a_valid_doctype_and_text() {
        let out = html(
            "<!DOCTYPE html>\n<html lang=\"id\">\n  <head><title> Daftar </title></head>\n  <body>\n    <p>Satu   dua</p>\n  </body>\n</html>\n",
        );
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.starts_with("<!doctype html><html lang=id><head>"),
            "{out}"
        );
        assert!(out.contains("<p>Satu dua</p>"), "{out}");
        assert!(!out.contains('\n'), "{out}");
    }
}
