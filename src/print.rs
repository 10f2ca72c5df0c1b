//! Diagnostics for people (source line and caret, in Bahasa Indonesia) and for programs
//! (`--format json`, as in `cli.md`).

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity, Tally};
use crate::site::Sources;

/// Renders diagnostics for the terminal; `styled` adds colour.
pub fn human(diagnostics: &[Diagnostic], sources: &Sources, styled: bool) -> String {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&renderer.render(&[group(d, sources)]));
        // Without a file there is no snippet for the hint to hang from: its own line.
        if let (Some(hint), true) = (&d.hint, d.file.is_empty()) {
            out.push_str(&format!("\n = saran: {hint}"));
        }
        out.push_str("\n\n");
    }
    out
}

/// The longest stretch of lines shown under a diagnostic, in bytes.
const MAX_SNIPPET: usize = 4096;

fn group<'a>(d: &'a Diagnostic, sources: &'a Sources) -> Group<'a> {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    }
    .with_name(d.severity.label());
    let mut g = Group::with_title(level.primary_title(d.message.as_str()).id(d.code_id()));
    let source = sources.get(&d.file);
    // Only the lines the span touches go to the renderer (the whole file each time made
    // printing many diagnostics of one file quadratic); a line too long to show is named
    // by line and column only.
    let lines = match (&d.span, source) {
        (Some(span), Some(source)) => Some((span, source, source.lines_of(span))),
        _ => None,
    };
    match lines {
        Some((span, source, (lines, first))) if lines.len() <= MAX_SNIPPET => {
            // An invisible byte order mark would shift the caret: show the text without it.
            let bom = if lines.start == 0 && source.text.starts_with('\u{feff}') {
                3
            } else {
                0
            };
            let text = &source.text[lines.start + bom..lines.end];
            let offset = lines.start + bom;
            let span = span.start.saturating_sub(offset).min(text.len())
                ..span.end.saturating_sub(offset).min(text.len());
            g = g.element(
                Snippet::source(text)
                    .line_start(first)
                    .path(d.file.as_str())
                    .annotation(AnnotationKind::Primary.span(span)),
            );
        }
        _ if !d.file.is_empty() => {
            let mut origin = Origin::path(d.file.as_str());
            if let (Some(line), Some(column)) = (d.line, d.column) {
                origin = origin.line(line).char_column(column);
            }
            g = g.element(origin);
        }
        _ => {}
    }
    if let Some(hint) = &d.hint
        && !d.file.is_empty()
    {
        g = g.element(Level::HELP.with_name("saran").message(hint.as_str()));
    }
    g
}

/// "2 galat, 1 peringatan"
pub fn tally(t: Tally) -> String {
    format!("{} galat, {} peringatan", t.errors, t.warnings)
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    code: String,
    /// `null` when no file is involved.
    file: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    message: &'a str,
    hint: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    diagnostics: Vec<JsonDiagnostic<'a>>,
    errors: usize,
    warnings: usize,
}

fn json_diagnostic(d: &Diagnostic) -> JsonDiagnostic<'_> {
    JsonDiagnostic {
        severity: d.severity,
        code: d.code_id(),
        file: (!d.file.is_empty()).then_some(d.file.as_str()),
        line: d.line,
        column: d.column,
        message: &d.message,
        hint: d.hint.as_deref(),
    }
}

/// Diagnostics as a JSON list (for the preview's overlay).
pub fn json_list(diagnostics: &[Diagnostic]) -> String {
    let list: Vec<JsonDiagnostic> = diagnostics.iter().map(json_diagnostic).collect();
    serde_json::to_string(&list).expect("diagnostics serialise")
}

/// The JSON document of `cli.md`, on one line.
pub fn json(diagnostics: &[Diagnostic]) -> String {
    let t = Tally::of(diagnostics);
    let report = JsonReport {
        diagnostics: diagnostics.iter().map(json_diagnostic).collect(),
        errors: t.errors,
        warnings: t.warnings,
    };
    serde_json::to_string(&report).expect("diagnostics serialise")
}
