//! The record body: Markdown rendered by comrak, with every comrak option in one place.
//! Raw HTML is escaped (shown as text), never passed through, and comrak's default
//! filter drops `javascript:` and similar link targets.

use comrak::{Options, markdown_to_html};

fn options() -> Options<'static> {
    let mut o = Options::default();
    o.extension.table = true;
    o.extension.strikethrough = true;
    o.extension.autolink = true;
    o.render.r#unsafe = false;
    o.render.escape = true;
    o
}

/// The body as HTML, or `None` when it is blank.
pub fn to_html(body: &str) -> Option<String> {
    if body.trim().is_empty() {
        return None;
    }
    Some(markdown_to_html(body, &options()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_markdown() {
        assert_eq!(
            to_html("Dasar: **UU 14/2008**.").unwrap(),
            "<p>Dasar: <strong>UU 14/2008</strong>.</p>\n"
        );
        assert_eq!(to_html(" \n\n"), None);
    }

    #[test]
    fn escapes_raw_html_and_drops_script_links() {
        assert_eq!(
            to_html("<script>alert(1)</script>").unwrap(),
            "&lt;script&gt;alert(1)&lt;/script&gt;\n"
        );
        assert_eq!(
            to_html("Lihat <img src=x onerror=alert(1)>").unwrap(),
            "<p>Lihat &lt;img src=x onerror=alert(1)&gt;</p>\n"
        );
        assert_eq!(
            to_html("[klik](javascript:alert(1))").unwrap(),
            "<p><a href=\"\">klik</a></p>\n"
        );
    }
}
