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

pub fn html(page: &str) -> Vec<u8> {
    minify(page.as_bytes(), &cfg())
}

/// [`html`], as text.
pub fn html_text(page: &str) -> String {
    String::from_utf8(html(page)).expect("minified UTF-8 stays UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

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
