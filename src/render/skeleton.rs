//! Pages assembled from parts: a page that lists every record (the register, the
//! internal index) is rendered once as a skeleton with named slots, minified, and the
//! records' rows (each rendered and minified once, and cached in watch mode) are poured
//! into the slots. Rows carry a number slot for their position in the table.
//!
//! Slots are marked by tokens of private-use characters that minification leaves alone
//! and that no template or record produces by itself.

use std::io::{self, Write};

use tera::Context;

use super::minify;
use super::theme::Theme;
use crate::diagnostic::Diagnostic;

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// The token marking a slot named `name` in a skeleton.
pub fn slot(name: &str) -> String {
    format!("{OPEN}slot:{name}{CLOSE}")
}

/// The token a row carries where its number in the table goes.
pub fn number_slot() -> String {
    format!("{OPEN}no{CLOSE}")
}

/// A row with its number filled in.
pub fn numbered(row: &str, n: usize) -> String {
    row.replace(&number_slot(), &n.to_string())
}

enum Part {
    Bytes(Vec<u8>),
    Slot(String),
}

/// A minified page with named slots to be filled in order.
pub struct Skeleton {
    parts: Vec<Part>,
}

impl Skeleton {
    /// Renders and minifies `template`; `ctx` holds [`slot`] tokens where rows go.
    pub fn render(theme: &Theme, template: &str, ctx: &Context) -> Result<Skeleton, Diagnostic> {
        let page = minify::html(&theme.render(template, ctx)?);
        let text = String::from_utf8(page).expect("minified UTF-8 stays UTF-8");
        let mut parts = Vec::new();
        let mut rest = text.as_str();
        let marker = format!("{OPEN}slot:");
        while let Some(start) = rest.find(&marker) {
            let after = &rest[start + marker.len()..];
            let Some(end) = after.find(CLOSE) else { break };
            parts.push(Part::Bytes(rest.as_bytes()[..start].to_vec()));
            parts.push(Part::Slot(after[..end].to_string()));
            rest = &after[end + CLOSE.len_utf8()..];
        }
        parts.push(Part::Bytes(rest.as_bytes().to_vec()));
        Ok(Skeleton { parts })
    }

    /// Writes the parts from `from` up to the next slot; returns that slot's name and
    /// the index after it, or `None` at the end.
    pub fn write_to_next_slot(
        &self,
        from: usize,
        out: &mut dyn Write,
    ) -> io::Result<Option<(String, usize)>> {
        for i in from..self.parts.len() {
            match &self.parts[i] {
                Part::Bytes(b) => out.write_all(b)?,
                Part::Slot(s) => return Ok(Some((s.clone(), i + 1))),
            }
        }
        Ok(None)
    }
}

/// Renders and minifies a row or section for a slot.
pub fn fragment(theme: &Theme, template: &str, ctx: &Context) -> Result<String, Diagnostic> {
    let html = minify::html(&theme.render(template, ctx)?);
    Ok(String::from_utf8(html).expect("minified UTF-8 stays UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_get_their_number() {
        let row = format!("<tr><td data-urut={0}>{0}</td></tr>", number_slot());
        assert_eq!(numbered(&row, 12), "<tr><td data-urut=12>12</td></tr>");
    }
}
