//! Pages assembled from parts: a page that lists every record (the register, the
//! internal index) is rendered once as a skeleton with named slots, minified, and the
//! records' rows (each rendered and minified once, and cached in watch mode) are poured
//! into the slots. Rows carry a number slot for their position in the table.
//!
//! Slots are marked by tokens of private-use characters that minification leaves alone
//! and that no template or record produces by itself.

use bytes::Bytes;
use tera::Context;

use super::sink::Output;
use super::theme::Theme;
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity};

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

/// A rendered row, cut where its number in the table goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    parts: Vec<Bytes>,
}

impl Row {
    /// Writes the row with `number` as its number in the table.
    pub fn put(&self, number: &Bytes, out: &mut dyn Output) -> Result<(), Diagnostic> {
        for (i, part) in self.parts.iter().enumerate() {
            if i > 0 {
                out.put(number.clone())?;
            }
            out.put(part.clone())?;
        }
        Ok(())
    }
}

/// Pieces of text gathered into one buffer, so that everything cut from it shares one
/// allocation and one reference count (a record's outputs are touched together, and a
/// page of ten thousand rows then touches ten thousand counts rather than a hundred
/// thousand).
#[derive(Default)]
pub struct Pack {
    buf: Vec<u8>,
}

/// Where a piece went in a [`Pack`].
pub struct Piece(std::ops::Range<usize>);

/// Where a row's parts went in a [`Pack`].
pub struct RowPieces(Vec<std::ops::Range<usize>>);

impl Pack {
    pub fn add(&mut self, bytes: impl AsRef<[u8]>) -> Piece {
        let start = self.buf.len();
        self.buf.extend_from_slice(bytes.as_ref());
        Piece(start..self.buf.len())
    }

    /// A rendered row, cut where its number goes.
    pub fn row(&mut self, fragment: &str) -> RowPieces {
        RowPieces(
            fragment
                .split(&number_slot())
                .map(|p| self.add(p).0)
                .collect(),
        )
    }

    pub fn freeze(self) -> Bytes {
        Bytes::from(self.buf)
    }
}

impl Piece {
    pub fn take(self, all: &Bytes) -> Bytes {
        all.slice(self.0)
    }
}

impl RowPieces {
    pub fn take(self, all: &Bytes) -> Row {
        Row {
            parts: self.0.into_iter().map(|r| all.slice(r)).collect(),
        }
    }
}

/// The numbers 0 to `max` as text, written once and shared by every row that needs one.
pub struct Numbers {
    text: Bytes,
    starts: Vec<usize>,
}

impl Numbers {
    pub fn new(max: usize) -> Numbers {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(max + 2);
        for n in 0..=max {
            starts.push(text.len());
            text.push_str(&n.to_string());
        }
        starts.push(text.len());
        Numbers {
            text: Bytes::from(text),
            starts,
        }
    }

    /// `n` as text; numbers above `max` are written on demand.
    pub fn get(&self, n: usize) -> Bytes {
        match self.starts.get(n..=n + 1) {
            Some(&[start, end]) => self.text.slice(start..end),
            _ => Bytes::from(n.to_string()),
        }
    }
}

/// E0601 for a slot a template leaves out or writes more than once.
fn slot_error(origin: &str, variable: &str, times: usize) -> Diagnostic {
    let message = if times == 0 {
        format!(
            "templat tidak memuat {{{{ {variable} }}}}: di situlah baris-baris daftar ditempatkan, tanpa itu halamannya kosong"
        )
    } else {
        format!(
            "templat memuat {{{{ {variable} }}}} {times} kali: tempat baris-baris daftar harus ada tepat sekali"
        )
    };
    Diagnostic::new(Severity::Error, Code::Template, origin, message).with_hint(
        "tulis {{ VARIABEL }} tepat sekali, di tempat baris-baris itu (lihat bagian Themes di docs/reference.md), atau hapus templat itu agar templat bawaan dipakai"
            .replace("VARIABEL", variable),
    )
}

enum Part {
    Bytes(Bytes),
    Slot(String),
}

/// A minified page with named slots to be filled in order.
pub struct Skeleton {
    parts: Vec<Part>,
}

impl Skeleton {
    /// Renders and minifies `template` with `slots` (template variable, slot name, rows
    /// that go there): each variable holds the token of its slot, where the rows go. A
    /// template that leaves out a slot with rows, or writes a slot twice, is a template
    /// error naming both: the page would list nothing, or everything twice. (A slot
    /// without rows may be left out: a template hides an empty section.)
    pub fn render(
        theme: &Theme,
        template: &str,
        mut ctx: Context,
        slots: &[(&str, &str, usize)],
    ) -> Result<Skeleton, Diagnostic> {
        for (variable, name, _) in slots {
            ctx.insert(*variable, &slot(name));
        }
        let text = theme.render(template, &ctx)?;
        let mut parts = Vec::new();
        let mut rest = text.as_str();
        let marker = format!("{OPEN}slot:");
        // Rows and sections are blocks: whitespace beside them is dropped, as minifying
        // the whole page would drop it.
        let blank = |c: char| c.is_ascii_whitespace();
        while let Some(start) = rest.find(&marker) {
            let after = &rest[start + marker.len()..];
            let Some(end) = after.find(CLOSE) else { break };
            let before = rest[..start].trim_end_matches(blank);
            parts.push(Part::Bytes(Bytes::copy_from_slice(before.as_bytes())));
            parts.push(Part::Slot(after[..end].to_string()));
            rest = after[end + CLOSE.len_utf8()..].trim_start_matches(blank);
        }
        parts.push(Part::Bytes(Bytes::copy_from_slice(rest.as_bytes())));
        for (variable, name, rows) in slots {
            let times = parts
                .iter()
                .filter(|p| matches!(p, Part::Slot(s) if s == name))
                .count();
            if times > 1 || (times == 0 && *rows > 0) {
                return Err(slot_error(theme.origin(template), variable, times));
            }
        }
        Ok(Skeleton { parts })
    }

    /// Writes the parts from `from` up to the next slot; returns that slot's name and
    /// the index after it, or `None` at the end.
    pub fn write_to_next_slot(
        &self,
        from: usize,
        out: &mut dyn Output,
    ) -> Result<Option<(String, usize)>, Diagnostic> {
        for i in from..self.parts.len() {
            match &self.parts[i] {
                Part::Bytes(b) => out.put(b.clone())?,
                Part::Slot(s) => return Ok(Some((s.clone(), i + 1))),
            }
        }
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_once_and_sliced() {
        let numbers = Numbers::new(12);
        assert_eq!(numbers.get(0), "0");
        assert_eq!(numbers.get(7), "7");
        assert_eq!(numbers.get(12), "12");
        assert_eq!(numbers.get(130), "130");
    }

    /// A row as text, cut from a pack as the renderer cuts it.
    struct Text(Vec<u8>);

    impl Output for Text {
        fn put(&mut self, chunk: Bytes) -> Result<(), Diagnostic> {
            self.0.extend_from_slice(&chunk);
            Ok(())
        }
        fn finish(self: Box<Self>) -> Result<(), Diagnostic> {
            Ok(())
        }
    }

    impl Row {
        fn numbered(&self, n: usize) -> String {
            let mut text = Text(Vec::new());
            self.put(&Bytes::from(n.to_string()), &mut text).unwrap();
            String::from_utf8(text.0).unwrap()
        }
    }

    #[test]
    fn rows_get_their_number() {
        let mut pack = Pack::default();
        let cut = pack.row(&format!(
            "<tr><td data-urut={0}>{0}</td></tr>",
            number_slot()
        ));
        let row = cut.take(&pack.freeze());
        assert_eq!(row.numbered(12), "<tr><td data-urut=12>12</td></tr>");
    }
}
