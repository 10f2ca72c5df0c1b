//! The theme: Tera templates and static assets. The default theme is compiled into the
//! binary, so a site made by `daftar init` works anywhere; a site's own
//! `themes/<tema>/` overrides it file by file.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use tera::Tera;
use walkdir::WalkDir;

use crate::code::Code;
use crate::config::THEMES_DIR;
use crate::diagnostic::{Diagnostic, Severity, SourceText};
use crate::source::relative;

use super::minify;

/// Which output folder an asset belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    Public,
    Internal,
}

macro_rules! builtin {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!("../../themes/default/", $path)) as &[u8])),*]
    };
}

/// Every file of `themes/default/`, compiled in. A test keeps this list equal to the
/// folder's contents.
pub const BUILTIN: &[(&str, &[u8])] = builtin![
    "templates/public/base.html",
    "templates/public/index.html",
    "templates/public/index_row.html",
    "templates/public/index_ended_row.html",
    "templates/public/record.html",
    "templates/public/macros.html",
    "templates/public/ended.html",
    "templates/public/ended_row.html",
    "templates/public/about.html",
    "templates/public/404.html",
    "templates/public/history.html",
    "templates/public/decision.html",
    "templates/public/decision_row.html",
    "templates/public/decisions.html",
    "templates/internal/base.html",
    "templates/internal/index.html",
    "templates/internal/index_row.html",
    "templates/internal/record.html",
    "templates/internal/compliance.html",
    "templates/internal/sop.html",
    "static/public/daftar.css",
    "static/public/daftar.js",
    "static/internal/internal.css",
    "static/internal/internal.js",
    "static/internal/halaman.css",
    "static/internal/halaman.js",
];

/// The templates twice: as written, and minified once at load (minify-html keeping the
/// `{{ }}` / `{% %}` syntax), so that pages come out compact without minifying each one.
/// A template is rendered from its minified form only once its first page proved that
/// form gives the same page as the written one (both minified); otherwise, as for a
/// user's template that minifying breaks, the written form renders and the page is
/// minified as before.
pub struct Theme {
    written: Tera,
    compact: Tera,
    /// Per template: whether its minified form is used; unset until its first page.
    verdicts: BTreeMap<String, OnceLock<bool>>,
    /// Assets by output folder and path inside it.
    pub assets: BTreeMap<(Target, String), Vec<u8>>,
    /// Where each template came from (`themes/kantor/templates/public/index.html`, or
    /// the built-in theme), for messages.
    origins: BTreeMap<String, String>,
}

/// A theme file: where it came from (for messages) and its bytes.
struct ThemeFile {
    origin: String,
    bytes: Vec<u8>,
}

fn template_error(origin: &str, e: &tera::Error) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        Code::Template,
        origin,
        format!("templat tidak dapat dipakai: {}", error_chain(e)),
    )
    .with_hint("perbaiki templat tema, atau hapus berkas itu agar templat bawaan dipakai")
}

/// A theme that cannot be used: the diagnostic, and the template text when the error
/// points into it (for the snippet).
#[derive(Debug)]
pub struct ThemeError {
    pub diagnostic: Diagnostic,
    pub source: Option<SourceText>,
}

impl ThemeError {
    /// Adds the error, and the template text its caret points into, to a report.
    pub fn report_into(self, report: &mut crate::site::Report) {
        if let Some(s) = self.source {
            report
                .sources
                .insert(s.path.clone(), std::sync::Arc::new(s));
        }
        report.push(self.diagnostic);
    }
}

impl From<Diagnostic> for ThemeError {
    fn from(diagnostic: Diagnostic) -> Self {
        ThemeError {
            diagnostic,
            source: None,
        }
    }
}

/// A template's syntax error, pointing at the line and column Tera names.
fn parse_error(origin: &str, text: &str, e: &tera::Error) -> ThemeError {
    let full = error_chain_lines(e);
    // Tera words it as " --> 5:15 | 5 | <line> | ^--- | = expected ...".
    let place = full.split_once("--> ").and_then(|(_, rest)| {
        let (line, rest) = rest.split_once(':')?;
        let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
        Some((
            line.trim().parse::<usize>().ok()?,
            column.parse::<usize>().ok()?,
        ))
    });
    let expected = full
        .lines()
        .map(str::trim)
        .find_map(|l| l.strip_prefix("= "))
        .unwrap_or("penulisan templat tidak sah");
    let Some((line, column)) = place else {
        return template_error(origin, e).into();
    };
    let source = SourceText::new(origin, text);
    let line_span = source.line_span(line);
    let start = text[line_span.clone()]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_span.end, |(i, _)| line_span.start + i);
    let diagnostic = Diagnostic::at(
        Severity::Error,
        Code::Template,
        &source,
        start..start,
        format!("templat tidak dapat dibaca: {expected}"),
    )
    .with_hint("perbaiki templat tema, atau hapus berkas itu agar templat bawaan dipakai");
    ThemeError {
        diagnostic,
        source: Some(source),
    }
}

fn error_chain_lines(e: &dyn std::error::Error) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        parts.push(s.to_string());
        source = s.source();
    }
    parts.join("\n")
}

/// Tera's error with its causes, on one line.
pub fn error_chain(e: &dyn std::error::Error) -> String {
    error_chain_lines(e)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Loads the built-in theme with the site's overrides from `themes/<tema>/`.
pub fn load(root: &Path, tema: &str) -> Result<Theme, ThemeError> {
    let mut files: BTreeMap<String, ThemeFile> = BTreeMap::new();
    for (path, bytes) in BUILTIN {
        files.insert(
            path.to_string(),
            ThemeFile {
                origin: format!("(tema bawaan) {path}"),
                bytes: bytes.to_vec(),
            },
        );
    }
    let dir = root.join(THEMES_DIR).join(tema);
    if dir.is_dir() {
        for entry in WalkDir::new(&dir).sort_by_file_name() {
            let entry = entry.map_err(|e| {
                Diagnostic::new(
                    Severity::Error,
                    Code::Unreadable,
                    &relative(root, &dir),
                    format!(
                        "folder tema tidak dapat dibaca: {}",
                        crate::os_error::walk_reason(&e)
                    ),
                )
            })?;
            if !entry.file_type().is_file() {
                continue;
            }
            let name = entry.file_name().to_string_lossy();
            if crate::source::classify(&name) == crate::source::FileKind::Skipped {
                continue;
            }
            let origin = relative(root, entry.path());
            let bytes = std::fs::read(entry.path()).map_err(|e| {
                Diagnostic::new(
                    Severity::Error,
                    Code::Unreadable,
                    &origin,
                    format!(
                        "`{origin}` tidak dapat dibaca: {}",
                        crate::os_error::reason(&e)
                    ),
                )
            })?;
            files.insert(relative(&dir, entry.path()), ThemeFile { origin, bytes });
        }
    } else if tema != "default" {
        return Err(Diagnostic::new(
            Severity::Error,
            Code::ThemeMissing,
            crate::config::FILE_NAME,
            format!("tema `{tema}` tidak ditemukan: folder {THEMES_DIR}/{tema}/ tidak ada"),
        )
        .with_hint("buat folder tema itu, atau hapus baris `tema` agar tema bawaan dipakai")
        .into());
    }

    let mut templates = Vec::new();
    let mut assets = BTreeMap::new();
    for (path, file) in files {
        if let Some(name) = path.strip_prefix("templates/") {
            let text = String::from_utf8(file.bytes)
                .map_err(|e| crate::diagnostic::invalid_utf8(&file.origin, e))?;
            templates.push((name.to_string(), text, file.origin));
        } else if let Some(p) = path.strip_prefix("static/public/") {
            assets.insert((Target::Public, p.to_string()), file.bytes);
        } else if let Some(p) = path.strip_prefix("static/internal/") {
            assets.insert((Target::Internal, p.to_string()), file.bytes);
        }
    }

    // Each template is parsed once in each form, both forms side by side: as written
    // (one by one, so that an error names the file it is in), and minified (a template
    // whose minified text no longer parses is kept as written).
    let (written, minified) = rayon::join(
        || {
            templates
                .iter()
                .map(|(name, text, origin)| {
                    tera::Template::new(name, None, text).map_err(|e| parse_error(origin, text, &e))
                })
                .collect::<Result<Vec<_>, ThemeError>>()
        },
        || {
            templates
                .iter()
                .map(|(name, text, _)| {
                    let small = minify::template(text);
                    tera::Template::new(name, None, &small).ok()
                })
                .collect::<Vec<_>>()
        },
    );
    let written = written?;
    // The minified form of a template that did not survive is the written one.
    let compact_templates: Vec<tera::Template> = written
        .iter()
        .zip(&minified)
        .map(|(w, small)| small.clone().unwrap_or_else(|| w.clone()))
        .collect();
    let minified: Vec<(String, bool)> = templates
        .iter()
        .zip(&minified)
        .map(|((name, _, _), small)| (name.clone(), small.is_some()))
        .collect();
    let written = tera_of(written)
        .map_err(|e| ThemeError::from(template_error(&format!("{THEMES_DIR}/{tema}"), &e)))?;
    let compact = tera_of(compact_templates);
    let (compact, verdicts) = match compact {
        Ok(compact) => {
            let verdicts = minified
                .into_iter()
                .map(|(name, survived)| {
                    let verdict = OnceLock::new();
                    if !survived {
                        let _ = verdict.set(false);
                    }
                    (name, verdict)
                })
                .collect();
            (compact, verdicts)
        }
        // Minifying broke how the templates fit together: all are used as written.
        Err(_) => (
            written.clone(),
            minified
                .into_iter()
                .map(|(name, _)| (name, OnceLock::from(false)))
                .collect(),
        ),
    };
    let origins = templates
        .into_iter()
        .map(|(name, _, origin)| (name, origin))
        .collect();
    Ok(Theme {
        written,
        compact,
        verdicts,
        assets,
        origins,
    })
}

/// A Tera of templates already parsed (what `add_raw_templates` does, without parsing
/// them again).
fn tera_of(templates: Vec<tera::Template>) -> tera::Result<Tera> {
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html"]);
    tera.set_escape_fn(escape_html);
    for t in templates {
        tera.templates.insert(t.name.clone(), t);
    }
    tera.build_inheritance_chains()?;
    tera.check_macro_files()?;
    Ok(tera)
}

/// Text made safe in HTML text and quoted attribute values. Tera's own escaping also
/// writes every `/` as `&#x2F;`, which no HTML context needs and which made every
/// "14/2008" seven bytes longer now that pages are no longer minified one by one.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut plain = 0;
    // Copy the runs between special bytes whole (all special characters are ASCII).
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[plain..i]);
        out.push_str(entity);
        plain = i + 1;
    }
    out.push_str(&text[plain..]);
    out
}

impl Theme {
    /// Where the template `name` came from.
    pub fn origin<'a>(&'a self, name: &'a str) -> &'a str {
        self.origins.get(name).map_or(name, String::as_str)
    }

    /// Renders a template into a compact page; an error names the template.
    pub fn render(&self, name: &str, context: &tera::Context) -> Result<String, Diagnostic> {
        let render = |tera: &Tera| {
            tera.render(name, context)
                .map_err(|e| template_error(&format!("templat {name}"), &e))
        };
        let Some(verdict) = self.verdicts.get(name) else {
            return render(&self.written);
        };
        match verdict.get() {
            Some(true) => render(&self.compact),
            Some(false) => Ok(minify::html_text(&render(&self.written)?)),
            None => {
                let written = minify::html_text(&render(&self.written)?);
                let compact = render(&self.compact)?;
                // A page too deep to minify proves nothing: decide on a later one.
                if minify::nesting_depth(&compact) > minify::MAX_DEPTH {
                    return Ok(written);
                }
                let same = minify::html_text(&compact) == written;
                if !same && std::env::var_os("DEBUG_MINIFY").is_some() {
                    eprintln!(
                        "=== {name}\n--- written\n{written}\n--- compact\n{}",
                        minify::html_text(&compact)
                    );
                }
                let _ = verdict.set(same);
                Ok(if same { compact } else { written })
            }
        }
    }

    /// The templates rendered from their minified form so far (for tests and
    /// benchmarks: the default theme's should all be).
    pub fn minified_templates(&self) -> Vec<&str> {
        self.templates_judged(true)
    }

    /// The templates found to render differently once minified, used as written.
    pub fn written_templates(&self) -> Vec<&str> {
        self.templates_judged(false)
    }

    fn templates_judged(&self, minified: bool) -> Vec<&str> {
        self.verdicts
            .iter()
            .filter(|(_, v)| v.get() == Some(&minified))
            .map(|(name, _)| name.as_str())
            .collect()
    }

    /// Whether some template still waits for its first page to decide its form.
    pub fn has_undecided_templates(&self) -> bool {
        self.verdicts.values().any(|v| v.get().is_none())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_html_needs_and_keeps_slashes() {
        assert_eq!(
            escape_html(r#"<img src=x onerror="a('b')"> & UU 14/2008"#),
            "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt; &amp; UU 14/2008"
        );
        assert_eq!(escape_html("Bidang Pajak Daerah"), "Bidang Pajak Daerah");
        assert_eq!(escape_html("é<ü>—&"), "é&lt;ü&gt;—&amp;");
        assert_eq!(escape_html(""), "");
    }

    #[test]
    fn the_builtin_list_matches_the_default_theme_folder() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        let on_disk: Vec<String> = WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| relative(&dir, e.path()))
            .collect();
        let mut built_in: Vec<String> = BUILTIN.iter().map(|(p, _)| p.to_string()).collect();
        built_in.sort();
        let mut on_disk_sorted = on_disk.clone();
        on_disk_sorted.sort();
        assert_eq!(built_in, on_disk_sorted);
    }
}
