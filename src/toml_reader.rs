//! Typed reading of a spanned TOML tree, reporting every problem instead of stopping at
//! the first (which serde's derive would do).
//!
//! The tree comes from `toml::de::DeTable::parse_recoverable`, which keeps the byte span
//! of every key and value. Spans here are made absolute (into the whole file) by adding
//! `base`, the offset of the TOML text in the file.

use std::fmt::Display;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};
use toml::value::{Datetime, Offset};

use crate::code::Code;
use crate::diagnostic::{Diagnostic, Sink, Span};
use crate::locale::Zone;

/// A character that no page, feed or export can carry: a control character other than
/// tab and line breaks, or a Unicode noncharacter.
pub fn unprintable(c: char) -> bool {
    let n = u32::from(c);
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || (0xFDD0..=0xFDEF).contains(&n)
        || n & 0xFFFE == 0xFFFE
}

/// Whether a text shows nothing: white space and zero-width characters only.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
            )
    })
}

/// A value with the span of its source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Located<T> {
    pub fn new(value: T, span: Span) -> Self {
        Located { value, span }
    }
}

pub type Value<'i> = Spanned<DeValue<'i>>;

pub struct Reader<'a> {
    pub sink: Sink<'a>,
    base: usize,
    /// Unknown keys reported so far, to link a missing field to its likely misspelling.
    unknown: Vec<(String, Span)>,
    /// The lines set aside for a syntax error (absolute spans): the keys on them are not
    /// reported missing, and values holding them may lack a part.
    set_aside: Vec<Span>,
}

/// The bytes of the line of `text` that holds offset `at` (without its line break).
fn line_around(text: &str, at: usize) -> Option<std::ops::Range<usize>> {
    let at = at.min(text.len());
    let start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let end = text.get(at..)?.find('\n').map_or(text.len(), |i| at + i);
    Some(start..end)
}

/// When the error at `at` stands at the start of its line and the line above opens more
/// `{` than it closes, the end of that line (where `}` is missing).
fn unclosed_inline_table_above(text: &str, at: usize) -> Option<usize> {
    let line = line_around(text, at)?;
    if !text[line.start..at].trim().is_empty() || line.start == 0 {
        return None;
    }
    let above = line_around(text, line.start - 1)?;
    let code = text[above.clone()].split(" #").next().unwrap_or("");
    let outside_quotes: String = code.split('"').step_by(2).collect();
    let open = outside_quotes.matches('{').count() > outside_quotes.matches('}').count();
    open.then(|| above.start + code.trim_end().len())
}

/// The key a line of TOML assigns (the last part of a dotted key), if it looks like one.
fn key_of(line: &str) -> Option<String> {
    // `judul "…"` (the `=` left out) stands for `judul` as well.
    let key = match line.split_once('=') {
        Some((key, _)) => key,
        None => line.split_whitespace().next()?,
    };
    let last = key.rsplit('.').next()?.trim();
    let last = last.trim_matches(|c| c == '"' || c == '\'');
    let bare = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    (!last.is_empty() && last.chars().all(bare)).then(|| last.to_string())
}

/// The kind of a TOML value, as named in messages.
fn kind(value: &DeValue) -> &'static str {
    match value {
        DeValue::String(_) => "teks",
        DeValue::Integer(_) => "bilangan bulat",
        DeValue::Float(_) => "bilangan pecahan",
        DeValue::Boolean(_) => "nilai benar/salah",
        DeValue::Datetime(d) if d.time.is_none() => "tanggal",
        DeValue::Datetime(d) if d.date.is_none() => "jam",
        DeValue::Datetime(_) => "tanggal dan jam",
        DeValue::Array(_) => "daftar",
        DeValue::Table(_) => "tabel",
    }
}

/// The known name closest to a misspelt one, if it is close enough to be a likely typo.
pub fn closest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(name, k), *k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

impl<'a> Reader<'a> {
    pub fn new(sink: Sink<'a>, base: usize) -> Self {
        Reader {
            sink,
            base,
            unknown: Vec::new(),
            set_aside: Vec::new(),
        }
    }

    pub fn span<T>(&self, value: &Spanned<T>) -> Span {
        let s = value.span();
        s.start + self.base..s.end + self.base
    }

    pub fn error(&mut self, code: Code, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        self.sink.error(code, span, message)
    }

    /// Parses TOML text, reporting syntax errors.
    ///
    /// A syntax error does not hide the file's other problems: the line of the first
    /// error is set aside (blanked in `scratch`, so every offset stays) and the rest is
    /// parsed again, until it parses. The errors reported are those of the set-aside
    /// lines (as the parser first saw them, before errors that only follow from them);
    /// keys that stood on those lines are then not reported missing. When a broken
    /// table header or an error that does not go away stops this, only the first error
    /// is reported and no tree is given: guessing further would mislead.
    pub fn parse<'i>(
        &mut self,
        toml: &'i str,
        scratch: &'i mut String,
    ) -> Option<Spanned<DeTable<'i>>> {
        let (table, mut first) = DeTable::parse_recoverable(toml);
        if first.is_empty() {
            return Some(table);
        }
        first.sort_by_key(|e| e.span().map_or(usize::MAX, |s| s.start));
        scratch.clear();
        scratch.push_str(toml);
        let mut set_aside: Vec<std::ops::Range<usize>> = Vec::new();
        let mut errors = first.clone();
        let mut parsed = false;
        for _ in 0..64 {
            let Some(line) = errors
                .iter()
                .filter_map(|e| e.span())
                .map(|s| s.start)
                .min()
                .and_then(|at| line_around(toml, at))
            else {
                break;
            };
            let text = &toml[line.clone()];
            if set_aside.contains(&line) || text.trim_start().starts_with('[') {
                break;
            }
            // One space for every byte: the offsets of the rest stay as they were.
            scratch.replace_range(line.clone(), &" ".repeat(line.len()));
            set_aside.push(line);
            errors = DeTable::parse_recoverable(scratch).1;
            if errors.is_empty() {
                parsed = true;
                break;
            }
        }
        let on_set_aside_line = |e: &&toml::de::Error| {
            e.span().is_some_and(|s| {
                set_aside
                    .iter()
                    .any(|l| l.start <= s.start && s.start <= l.end)
            })
        };
        if !parsed {
            // `{ … ` left open swallows the lines below it (TOML 1.1 lets an inline table
            // go on over lines), and the parser complains about the next line: point at
            // the line that opened it.
            let at = first[0].span().map_or(0, |s| s.start);
            match unclosed_inline_table_above(toml, at) {
                Some(end) => self.report_syntax_at(end..end, "unclosed inline table, expected `}`"),
                None => self.report_syntax(&first[..1]),
            }
            return None;
        }
        let reported: Vec<_> = first.iter().filter(on_set_aside_line).cloned().collect();
        self.report_syntax(&reported);
        let base = self.base;
        self.set_aside
            .extend(set_aside.iter().map(|l| l.start + base..l.end + base));
        let scratch: &'i String = scratch;
        Some(DeTable::parse_recoverable(scratch).0)
    }

    fn report_syntax(&mut self, errors: &[toml::de::Error]) {
        let mut lines_reported = Vec::new();
        for error in errors {
            let span = error.span().unwrap_or(0..0);
            // One mistake often sets off more errors on the same line: report the first.
            let line = self.sink.source.line_column(span.start + self.base).0;
            if !lines_reported.contains(&line) {
                lines_reported.push(line);
                self.report_syntax_at(span, error.message());
            }
        }
    }

    /// Reports a syntax error at `span` (in the TOML text), in the parser's words.
    fn report_syntax_at(&mut self, span: Span, parser_message: &str) {
        let span = span.start + self.base..span.end + self.base;
        let line = self.sink.source.line_column(span.start).0;
        let written = self.sink.source.text.get(span.clone()).unwrap_or("");
        let message = crate::toml_syntax::message(parser_message, written);
        let line_text = self
            .sink
            .source
            .text
            .lines()
            .nth(line.saturating_sub(1))
            .unwrap_or("");
        let hint = crate::toml_syntax::hint(parser_message, line_text);
        self.sink.error(Code::TomlSyntax, span, message).hint(hint);
    }

    /// Whether `key` was written on a line set aside for a syntax error.
    fn stood_on_a_set_aside_line(&self, key: &str) -> bool {
        let text = &self.sink.source.text;
        self.set_aside
            .iter()
            .any(|l| text.get(l.clone()).and_then(key_of).as_deref() == Some(key))
    }

    /// Whether a line within `span` (a value's, as [`Reader::span`] gives it) was set
    /// aside for a syntax error: the value may lack a part that is really there.
    pub fn set_aside_within(&self, span: &Span) -> bool {
        self.set_aside
            .iter()
            .any(|l| span.start <= l.start && l.end <= span.end)
    }

    /// Reports every key of `table` that is not in `known`, suggesting the closest name.
    pub fn reject_unknown(&mut self, table: &DeTable, known: &[&str], context: impl Display) {
        self.reject_unknown_advised(table, known, context, |_| None);
    }

    /// As [`Reader::reject_unknown`], with `advice` for names that mean something
    /// known by another name (its hint replaces the closest-name one).
    pub fn reject_unknown_advised(
        &mut self,
        table: &DeTable,
        known: &[&str],
        context: impl Display,
        advice: impl Fn(&str) -> Option<String>,
    ) {
        for key in table.keys() {
            let name: &str = key.get_ref();
            if known.contains(&name) {
                continue;
            }
            let span = self.span(key);
            self.unknown.push((name.to_string(), span.clone()));
            let message = format!("kolom `{name}` tidak dikenal {context}");
            let hint = match (advice(name), closest(name, known)) {
                (Some(a), _) => a,
                (None, Some(k)) => format!("mungkin maksudnya `{k}`?"),
                (None, None) => format!(
                    "kolom yang dikenal di sini: {}",
                    known
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            self.error(Code::UnknownField, span, message).hint(hint);
        }
    }

    /// The value of a required key, or an error at `parent` (the table that lacks it).
    pub fn required<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        key: &str,
        path: impl Display,
        parent: &Span,
    ) -> Option<&'t Value<'i>> {
        self.required_or(table, key, path, parent, None::<&str>)
    }

    /// As [`Reader::required`], with advice for when the key is missing.
    pub fn required_or<'t, 'i>(
        &mut self,
        table: &'t DeTable<'i>,
        key: &str,
        path: impl Display,
        parent: &Span,
        advice: Option<impl Display>,
    ) -> Option<&'t Value<'i>> {
        let value = table.get(key);
        if value.is_none() && !self.stood_on_a_set_aside_line(key) {
            // An unknown key of this table that looks like this one is its likely typo.
            let typo = self
                .unknown
                .iter()
                .find(|(name, _)| {
                    table.contains_key(name.as_str()) && closest(name, &[key]).is_some()
                })
                .map(|(name, span)| (name.clone(), self.sink.source.line_column(span.start).0));
            let hint = match typo {
                Some((name, line)) => Some(format!(
                    "kolom `{name}` di baris {line} mungkin salah ketik untuk `{key}`"
                )),
                None => advice.map(|a| a.to_string()),
            };
            let d = self.error(
                Code::MissingField,
                parent.clone(),
                format!("kolom wajib `{path}` tidak ada"),
            );
            if let Some(h) = hint {
                d.hint(h);
            }
        }
        value
    }

    fn wrong_type(&mut self, value: &Value, path: impl Display, expected: &str) -> &mut Diagnostic {
        let span = self.span(value);
        let found = kind(value.get_ref());
        self.error(
            Code::WrongType,
            span,
            format!("`{path}` harus berupa {expected}, bukan {found}"),
        )
    }

    pub fn string(&mut self, value: &Value, path: impl Display + Copy) -> Option<Located<String>> {
        match value.get_ref() {
            DeValue::String(s) => Some(Located::new(s.to_string(), self.span(value))),
            _ => {
                self.wrong_type(value, path, "teks dalam tanda kutip");
                None
            }
        }
    }

    /// A string that must not be blank (zero-width characters count as blank) nor hold a
    /// character that pages, feeds and exports cannot carry.
    pub fn text(&mut self, value: &Value, path: impl Display + Copy) -> Option<Located<String>> {
        let s = self.string(value, path)?;
        if let Some(c) = s.value.chars().find(|c| unprintable(*c)) {
            self.error(
                Code::ControlCharacter,
                s.span,
                format!("`{path}` memuat karakter kendali U+{:04X} yang tidak dapat ditampilkan", u32::from(c)),
            )
            .hint("hapus karakter itu (biasanya terbawa dari salinan dokumen lain); tulis teks biasa saja");
            return None;
        }
        if is_blank(&s.value) {
            self.error(
                Code::BlankText,
                s.span,
                format!("`{path}` tidak boleh kosong"),
            );
            return None;
        }
        Some(s)
    }

    pub fn integer(&mut self, value: &Value, path: impl Display + Copy) -> Option<Located<i64>> {
        match value.get_ref() {
            DeValue::Integer(i) => {
                let span = self.span(value);
                match i64::from_str_radix(i.as_str(), i.radix()) {
                    Ok(n) => Some(Located::new(n, span)),
                    Err(_) => {
                        self.error(
                            Code::WrongType,
                            span,
                            format!("`{path}` berada di luar rentang bilangan yang dapat dibaca"),
                        );
                        None
                    }
                }
            }
            _ => {
                self.wrong_type(value, path, "bilangan bulat");
                None
            }
        }
    }

    pub fn boolean(&mut self, value: &Value, path: impl Display + Copy) -> Option<Located<bool>> {
        match value.get_ref() {
            DeValue::Boolean(b) => Some(Located::new(*b, self.span(value))),
            _ => {
                self.wrong_type(value, path, "`true` atau `false`");
                None
            }
        }
    }

    pub fn array<'t, 'i>(
        &mut self,
        value: &'t Value<'i>,
        path: impl Display,
    ) -> Option<&'t DeArray<'i>> {
        match value.get_ref() {
            DeValue::Array(a) => Some(a),
            _ => {
                self.wrong_type(value, path, "daftar `[ ... ]`");
                None
            }
        }
    }

    pub fn table<'t, 'i>(
        &mut self,
        value: &'t Value<'i>,
        path: impl Display,
    ) -> Option<&'t DeTable<'i>> {
        match value.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.wrong_type(value, path, "tabel");
                None
            }
        }
    }

    /// A non-empty list of non-blank strings; `item` names one entry in messages.
    pub fn text_list(
        &mut self,
        value: &Value,
        path: impl Display + Copy,
        item: &str,
    ) -> Option<Vec<Located<String>>> {
        let items = self.array(value, path)?;
        if items.is_empty() {
            let span = self.span(value);
            self.error(
                Code::EmptyList,
                span,
                format!("`{path}` harus berisi sekurang-kurangnya satu {item}"),
            );
            return None;
        }
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            match self.text(item, format_args!("{path}[{}]", i + 1)) {
                Some(s) => out.push(s),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// A TOML local date (`2025-03-07`), without a time.
    pub fn local_date(
        &mut self,
        value: &Value,
        path: impl Display + Copy,
    ) -> Option<Located<NaiveDate>> {
        let span = self.span(value);
        let DeValue::Datetime(dt) = value.get_ref() else {
            self.wrong_type(value, path, "tanggal (misalnya 2025-03-07)")
                .hint("tulis tanggal tanpa tanda kutip: 2025-03-07");
            return None;
        };
        let (Some(d), None, None) = (dt.date, dt.time, dt.offset) else {
            self.wrong_type(value, path, "tanggal saja, tanpa jam")
                .hint("tulis tanggalnya saja, misalnya 2025-03-07");
            return None;
        };
        match NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into()) {
            Some(date) => Some(Located::new(date, span)),
            None => {
                self.error(
                    Code::WrongType,
                    span,
                    format!("`{path}` bukan tanggal yang ada di kalender"),
                );
                None
            }
        }
    }

    /// A TOML date-time. Without an offset it is read in the site's zone; a date without
    /// a time is an error (the order checks need the time).
    pub fn date_time(
        &mut self,
        value: &Value,
        path: impl Display + Copy,
        zone: Zone,
    ) -> Option<Located<DateTime<FixedOffset>>> {
        let span = self.span(value);
        let DeValue::Datetime(dt) = value.get_ref() else {
            self.wrong_type(value, path, "tanggal dan jam (misalnya 2025-03-10T08:30:00)")
                .hint("tulis tanpa tanda kutip: 2025-03-10T08:30:00, atau dengan zona: 2025-03-10T08:30:00+08:00");
            return None;
        };
        match to_date_time(dt, zone) {
            Ok(t) => Some(Located::new(t, span)),
            Err(DateTimeProblem::NoTime) => {
                self.error(
                    Code::DateWithoutTime,
                    span,
                    format!("`{path}` berisi tanggal tanpa jam"),
                )
                .hint("tambahkan jamnya, misalnya 2025-03-10T08:30:00; urutan langkah dan pengesahan diperiksa sampai ke menit");
                None
            }
            Err(DateTimeProblem::NoDate) => {
                self.wrong_type(value, path, "tanggal dan jam")
                    .hint("tambahkan tanggalnya, misalnya 2025-03-10T08:30:00");
                None
            }
            Err(DateTimeProblem::NotInCalendar) => {
                self.error(
                    Code::WrongType,
                    span,
                    format!("`{path}` bukan tanggal dan jam yang ada"),
                );
                None
            }
        }
    }
}

enum DateTimeProblem {
    NoTime,
    NoDate,
    NotInCalendar,
}

fn to_date_time(dt: &Datetime, zone: Zone) -> Result<DateTime<FixedOffset>, DateTimeProblem> {
    let date = dt.date.ok_or(DateTimeProblem::NoDate)?;
    let time = dt.time.ok_or(DateTimeProblem::NoTime)?;
    let date = NaiveDate::from_ymd_opt(date.year.into(), date.month.into(), date.day.into())
        .ok_or(DateTimeProblem::NotInCalendar)?;
    let time = NaiveTime::from_hms_nano_opt(
        time.hour.into(),
        time.minute.into(),
        time.second.unwrap_or(0).into(),
        time.nanosecond.unwrap_or(0),
    )
    .ok_or(DateTimeProblem::NotInCalendar)?;
    let offset = match dt.offset {
        None => zone.offset(),
        Some(Offset::Z) => FixedOffset::east_opt(0).expect("zero offset"),
        Some(Offset::Custom { minutes }) => {
            FixedOffset::east_opt(i32::from(minutes) * 60).ok_or(DateTimeProblem::NotInCalendar)?
        }
    };
    offset
        .from_local_datetime(&NaiveDateTime::new(date, time))
        .single()
        .ok_or(DateTimeProblem::NotInCalendar)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let known = ["judul", "jabatan", "nomor"];
        assert_eq!(closest("judull", &known), Some("judul"));
        assert_eq!(closest("nomr", &known), Some("nomor"));
        assert_eq!(closest("xyz", &known), None);
    }
}
