//! Diagnostics: every problem daftar finds, with where it is and what to do about it.
//!
//! A diagnostic is plain data. Locations are resolved to line and column when the
//! diagnostic is made (from the [`SourceText`] it points into), so printing needs
//! the source text only for the snippet.

use std::ops::Range;
use std::sync::OnceLock;

use serde::Serialize;

use crate::code::Code;

/// Byte range in a file.
pub type Span = Range<usize>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    /// The word officers read in the terminal.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "galat",
            Severity::Warning => "peringatan",
        }
    }

    fn letter(self) -> char {
        match self {
            Severity::Error => 'E',
            Severity::Warning => 'W',
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    /// Path relative to the site root, with `/` separators; empty when no file is involved.
    pub file: String,
    pub span: Option<Span>,
    /// 1-based line and column (in characters) of the span's start.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A problem that concerns a file as a whole (or no file at all).
    pub fn new(severity: Severity, code: Code, file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code,
            file: file.to_string(),
            span: None,
            line: None,
            column: None,
            message: message.into(),
            hint: None,
        }
    }

    /// A problem at a place in a source text.
    pub fn at(
        severity: Severity,
        code: Code,
        source: &SourceText,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        let (line, column) = source.line_column(span.start);
        Diagnostic {
            severity,
            code,
            file: source.path.clone(),
            span: Some(span),
            line: Some(line),
            column: Some(column),
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The stable code as printed: the rule's number, prefixed by the severity letter.
    pub fn code_id(&self) -> String {
        format!("{}{:04}", self.severity.letter(), self.code.number())
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Order for printing: by file, then by place in the file.
    pub fn sort_key(&self) -> (&str, usize, usize) {
        let start = self.span.as_ref().map_or(0, |s| s.start);
        (&self.file, start, self.code.number() as usize)
    }
}

/// A text file of the site, as read, with an index of line starts for locating spans.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// Path relative to the site root, `/` separators.
    pub path: String,
    pub text: String,
    /// Made when a span is first located: most files have nothing to report.
    line_starts: OnceLock<Vec<usize>>,
    /// For each byte offset, the characters before it (a byte order mark not counted),
    /// made only for columns far into a long line: constant time however many problems
    /// one long line has.
    chars_before: OnceLock<Vec<u32>>,
}

impl SourceText {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        SourceText {
            path: path.into(),
            text: text.into(),
            line_starts: OnceLock::new(),
            chars_before: OnceLock::new(),
        }
    }

    fn chars_before(&self) -> &[u32] {
        self.chars_before.get_or_init(|| {
            let mut out = Vec::with_capacity(self.text.len() + 1);
            let mut count = 0u32;
            for (i, c) in self.text.char_indices() {
                out.resize(i, count);
                out.push(count);
                // A byte order mark is invisible in editors: it is not a column.
                if c != '\u{feff}' {
                    count += 1;
                }
            }
            out.resize(self.text.len() + 1, count);
            out
        })
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// 1-based line and character column of a byte offset (clamped into the text).
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_starts = self.line_starts();
        let line = match line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let line_start = line_starts[line];
        // A byte order mark is invisible in editors: it is not a column.
        let column = if offset - line_start < 512 {
            self.text[line_start..offset]
                .chars()
                .filter(|c| *c != '\u{feff}')
                .count()
        } else {
            // Far into a long line: the table, so that many problems stay cheap.
            let chars = self.chars_before();
            (chars[offset] - chars[line_start]) as usize
        };
        (line + 1, column + 1)
    }

    /// The whole lines a span touches: their byte range (without the last line ending)
    /// and the 1-based number of the first. Printing a diagnostic needs only these, not
    /// the whole file.
    pub fn lines_of(&self, span: &Span) -> (Span, usize) {
        let starts = self.line_starts();
        let line_of = |offset: usize| match starts.binary_search(&offset.min(self.text.len())) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let (first, last) = (line_of(span.start), line_of(span.end.max(span.start)));
        let start = starts[first];
        let end = starts
            .get(last + 1)
            .map_or(self.text.len(), |next| next - 1);
        (start..end.max(start), first + 1)
    }

    /// Span of the whole of the given 1-based line, without its line ending.
    pub fn line_span(&self, line: usize) -> Span {
        let line_starts = self.line_starts();
        let start = line_starts
            .get(line - 1)
            .copied()
            .unwrap_or(self.text.len());
        let end = line_starts
            .get(line)
            .map_or(self.text.len(), |next| next - 1);
        let end = if self.text[..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        start..end.max(start)
    }
}

/// Collects diagnostics for one source text.
pub struct Sink<'a> {
    pub source: &'a SourceText,
    pub out: &'a mut Vec<Diagnostic>,
}

impl<'a> Sink<'a> {
    pub fn new(source: &'a SourceText, out: &'a mut Vec<Diagnostic>) -> Self {
        Sink { source, out }
    }

    pub fn error(&mut self, code: Code, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        self.push(Severity::Error, code, span, message)
    }

    pub fn warning(
        &mut self,
        code: Code,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.push(Severity::Warning, code, span, message)
    }

    pub fn push(
        &mut self,
        severity: Severity,
        code: Code,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.out
            .push(Diagnostic::at(severity, code, self.source, span, message));
        self.out.last_mut().expect("just pushed")
    }

    /// Whether any error has been reported for this file so far.
    pub fn has_errors(&self) -> bool {
        self.out
            .iter()
            .any(|d| d.is_error() && d.file == self.source.path)
    }
}

impl Diagnostic {
    /// Adds a hint in place (for use on the `&mut` a [`Sink`] hands back).
    pub fn hint(&mut self, hint: impl Into<String>) -> &mut Self {
        self.hint = Some(hint.into());
        self
    }
}

/// Counts of errors and warnings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
}

impl Tally {
    pub fn of(diagnostics: &[Diagnostic]) -> Self {
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        Tally {
            errors,
            warnings: diagnostics.len() - errors,
        }
    }
}

/// The diagnostic for a file that is not valid UTF-8, at the first bad byte.
pub fn invalid_utf8(rel: &str, e: std::string::FromUtf8Error) -> Diagnostic {
    let at = e.utf8_error().valid_up_to();
    let bytes = e.into_bytes();
    let lossy = String::from_utf8_lossy(&bytes[..at]).into_owned();
    let source = SourceText::new(rel, lossy);
    let mut d = Diagnostic::at(
        Severity::Error,
        Code::InvalidUtf8,
        &source,
        at..at,
        "berkas ini bukan teks UTF-8",
    )
    .with_hint("simpan ulang berkas dengan pengodean UTF-8 (di Notepad: Simpan Sebagai → Pengodean: UTF-8)");
    // The snippet cannot be shown from bytes that are not text.
    d.span = None;
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_not_bytes() {
        let src = SourceText::new("a.md", "ab\nçé = 1\r\nx");
        assert_eq!(src.line_column(0), (1, 1));
        assert_eq!(src.line_column(3), (2, 1));
        // "çé" is four bytes, two characters: the space after it is column 3.
        assert_eq!(src.line_column(7), (2, 3));
        assert_eq!(src.line_column(src.text.len()), (3, 2));
        // Past the end or inside a character: clamped, never a panic.
        assert_eq!(src.line_column(1000), (3, 2));
        assert_eq!(src.line_column(4), (2, 1));
    }

    #[test]
    fn columns_far_into_a_long_line_count_characters_as_near_ones_do() {
        let line = format!("\u{feff}{}", "é, ".repeat(2000));
        let src = SourceText::new("a.md", format!("x\n{line}\ny"));
        for offset in [2, 300, 2 + 3 + 4 * 100, 2 + 3 + 4 * 1999] {
            let naive = src.text[2..offset]
                .chars()
                .filter(|c| *c != '\u{feff}')
                .count()
                + 1;
            assert_eq!(src.line_column(offset), (2, naive), "{offset}");
        }
        let (lines, first) = src.lines_of(&(5..9));
        assert_eq!((&src.text[lines], first), (line.as_str(), 2));
    }

    #[test]
    fn line_span_excludes_the_line_ending() {
        let src = SourceText::new("a.md", "ab\r\ncd\nef");
        assert_eq!(&src.text[src.line_span(1)], "ab");
        assert_eq!(&src.text[src.line_span(2)], "cd");
        assert_eq!(&src.text[src.line_span(3)], "ef");
    }
}
