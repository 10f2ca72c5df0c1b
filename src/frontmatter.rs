//! Splits a record file into its TOML front matter and its Markdown body, keeping byte
//! offsets into the file so that every later diagnostic can point at the right line.
//!
//! The front matter opens on the first line (after an optional UTF-8 byte order mark)
//! with `+++` and closes at the next line that is `+++`. Trailing spaces and tabs on the
//! delimiter lines and CRLF line endings are accepted.

use std::ops::Range;

use crate::code::Code;
use crate::diagnostic::Sink;

const DELIMITER: &str = "+++";
const BOM: char = '\u{feff}';

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    /// The opening `+++` line, without its line ending.
    pub open: Range<usize>,
    /// The TOML between the delimiter lines.
    pub toml: Range<usize>,
    /// Everything after the closing delimiter line.
    pub body: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// Nothing but white space (and perhaps a BOM).
    Empty,
    /// The first line is not `+++`; the span is that first line.
    NoOpening(Range<usize>),
    /// No closing `+++`; the span is the opening line.
    Unclosed(Range<usize>),
}

/// One line of the text: its content (without line ending) and where the next begins.
struct Line {
    content: Range<usize>,
    next: usize,
}

fn line_at(text: &str, start: usize) -> Line {
    let rest = &text[start..];
    let (len, ending) = match rest.find('\n') {
        Some(i) if rest[..i].ends_with('\r') => (i - 1, 2),
        Some(i) => (i, 1),
        None => (rest.len(), 0),
    };
    Line {
        content: start..start + len,
        next: start + len + ending,
    }
}

fn is_delimiter(line: &str) -> bool {
    line.trim_end_matches([' ', '\t']) == DELIMITER
}

pub fn split(text: &str) -> Result<FrontMatter, SplitError> {
    let start = if text.starts_with(BOM) {
        BOM.len_utf8()
    } else {
        0
    };
    if text[start..].trim().is_empty() {
        return Err(SplitError::Empty);
    }
    let first = line_at(text, start);
    if !is_delimiter(&text[first.content.clone()]) {
        return Err(SplitError::NoOpening(first.content));
    }
    let mut cursor = first.next;
    while cursor < text.len() {
        let line = line_at(text, cursor);
        if is_delimiter(&text[line.content.clone()]) {
            return Ok(FrontMatter {
                open: first.content,
                toml: first.next..line.content.start,
                body: line.next..text.len(),
            });
        }
        cursor = line.next;
    }
    Err(SplitError::Unclosed(first.content))
}

/// Reports the first character of the body (the Markdown after the front matter) that
/// no page or export can carry, at its place.
pub fn check_body(sink: &mut Sink, text: &str, body: Range<usize>) {
    let start = body.start;
    if let Some((at, c)) = text[body]
        .char_indices()
        .find(|(_, c)| crate::toml_reader::unprintable(*c))
    {
        sink.error(
            Code::ControlCharacter,
            start + at..start + at + c.len_utf8(),
            format!(
                "penjelasan memuat karakter kendali U+{:04X} yang tidak dapat ditampilkan",
                u32::from(c)
            ),
        )
        .hint("hapus karakter itu (biasanya terbawa dari salinan dokumen lain); tulis teks biasa saja");
    }
}

/// Reports why a file could not be split, at the place it names.
/// `decision` tells a decision file (under `keputusan/`) from a record file.
pub fn report(sink: &mut Sink, e: SplitError, decision: bool) {
    match e {
        SplitError::Empty if decision => {
            sink.error(Code::EmptyFile, 0..0, "berkas keputusan ini kosong")
                .hint("salin contoh keputusan dari docs/panduan.md bagian 4 atau dari `daftar init`, lalu isi");
        }
        SplitError::Empty => {
            sink.error(Code::EmptyFile, 0..0, "berkas catatan ini kosong")
                .hint("salin contoh catatan dari docs/panduan.md bagian 4, atau buat kerangka dengan `daftar new`");
        }
        SplitError::NoOpening(span) => {
            let (noun, rest) = if decision {
                ("keputusan", "isi keputusan")
            } else {
                ("catatan", "penjelasan")
            };
            sink.error(
                Code::NoFrontMatter,
                span,
                "berkas tidak diawali bagian data `+++`",
            )
            .hint(format!("baris pertama {noun} harus `+++`, diikuti data TOML, lalu `+++` lagi sebelum {rest}"));
        }
        SplitError::Unclosed(span) => {
            sink.error(
                Code::UnclosedFrontMatter,
                span,
                "bagian data yang dibuka dengan `+++` tidak pernah ditutup",
            )
            .hint("tambahkan baris `+++` setelah data TOML, sebelum penjelasan");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> (&str, &str) {
        let fm = split(text).unwrap();
        (&text[fm.toml], &text[fm.body])
    }

    #[test]
    fn splits_front_matter_and_body() {
        assert_eq!(parts("+++\na = 1\n+++\nbody\n"), ("a = 1\n", "body\n"));
    }

    #[test]
    fn accepts_bom_crlf_and_trailing_blanks_on_delimiters() {
        let text = "\u{feff}+++ \r\na = 1\r\n+++\t\r\nbody";
        let fm = split(text).unwrap();
        assert_eq!(&text[fm.open.clone()], "+++ ");
        assert_eq!(&text[fm.toml], "a = 1\r\n");
        assert_eq!(&text[fm.body], "body");
    }

    #[test]
    fn empty_front_matter_and_missing_body_are_fine() {
        assert_eq!(parts("+++\n+++"), ("", ""));
    }

    #[test]
    fn a_delimiter_inside_a_line_does_not_close() {
        let text = "+++\nx = \"+++\"\n+++\n";
        assert_eq!(parts(text).0, "x = \"+++\"\n");
    }

    #[test]
    fn reports_empty_files() {
        assert_eq!(split(""), Err(SplitError::Empty));
        assert_eq!(split("\u{feff} \n\t\r\n"), Err(SplitError::Empty));
    }

    #[test]
    fn reports_a_missing_opening_with_the_first_line() {
        assert_eq!(
            split("---\ntitle: x\n---\n"),
            Err(SplitError::NoOpening(0..3))
        );
        assert_eq!(split("\nx\n"), Err(SplitError::NoOpening(0..0)));
    }

    #[test]
    fn reports_an_unclosed_front_matter_with_the_opening_line() {
        assert_eq!(split("+++\r\na = 1\n"), Err(SplitError::Unclosed(0..3)));
        assert_eq!(split("\u{feff}+++"), Err(SplitError::Unclosed(3..6)));
    }
}
