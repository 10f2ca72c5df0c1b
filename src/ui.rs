//! How a command shows its results (diagnostics, status lines) and ends (the exit code):
//! shared by the commands and the preview.
//!
//! Exit codes (cli.md): 0 success, warnings allowed; 1 the content is invalid;
//! 2 usage error, bad `daftar.toml`, unreadable folder, template error, I/O failure.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::ValueEnum;

use crate::diagnostic::Diagnostic;
use crate::print;
use crate::site::Report;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Ok = 0,
    Invalid = 1,
    Setup = 2,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> Self {
        ExitCode::from(e as u8)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Untuk dibaca orang: baris sumber dan tanda ^.
    Human,
    /// Satu dokumen JSON di stdout, untuk program lain.
    Json,
}

/// How results are shown.
#[derive(Debug, Clone)]
pub struct Ui {
    pub format: Format,
    pub quiet: bool,
    /// Every warning, not the first few of each code.
    pub rinci: bool,
    pub color: bool,
}

/// Warnings of one code shown in full before the rest are only counted.
const WARNINGS_SHOWN: usize = 3;

impl Ui {
    /// Colour only on a terminal, and never with `NO_COLOR`.
    pub fn new(format: Format, quiet: bool, rinci: bool) -> Self {
        let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        Ui {
            format,
            quiet,
            rinci,
            color,
        }
    }

    /// Prints the diagnostics: human form on stderr, JSON on stdout.
    pub fn report(&self, report: &Report) {
        match self.format {
            Format::Json => {
                say(&print::json(&report.diagnostics));
            }
            Format::Human => {
                // Errors all; of each warning code the first few, unless --rinci.
                let mut per_code: std::collections::BTreeMap<String, usize> = Default::default();
                let shown: Vec<Diagnostic> = report
                    .diagnostics
                    .iter()
                    .filter(|d| !self.quiet || d.is_error())
                    .filter(|d| {
                        let seen = per_code.entry(d.code_id()).or_default();
                        *seen += 1;
                        d.is_error() || self.rinci || *seen <= WARNINGS_SHOWN
                    })
                    .cloned()
                    .collect();
                let mut text = print::human(&shown, &report.sources, self.color);
                let hidden: Vec<String> = per_code
                    .iter()
                    .filter(|(code, n)| {
                        code.starts_with('W') && **n > WARNINGS_SHOWN && !self.rinci
                    })
                    .map(|(code, n)| format!("{code} ({n} kali)"))
                    .collect();
                if !hidden.is_empty() {
                    text.push_str(&format!(
                        "Dari peringatan yang berulang, hanya tiga yang pertama per kode yang ditampilkan: {}. Tampilkan semuanya dengan --rinci (atau --format json).\n\n",
                        hidden.join(", ")
                    ));
                }
                let mut err = std::io::stderr().lock();
                let _ = err.write_all(text.as_bytes());
            }
        }
    }

    /// Whether a long build shows its progress (on a terminal; see `progress.rs`).
    pub fn shows_progress(&self) -> bool {
        self.format == Format::Human && !self.quiet
    }

    /// A line saying what happened: stdout in human form, stderr beside JSON.
    pub fn status(&self, line: &str) {
        if self.quiet {
            return;
        }
        match self.format {
            Format::Human => say(line),
            Format::Json => {
                let _ = writeln!(std::io::stderr(), "{line}");
            }
        }
    }
}

/// A line on standard output. A reader that went away (`daftar check | head`) is no
/// failure of the command: the line is dropped, never a panic with exit 101.
pub fn say(line: &str) {
    let _ = writeln!(std::io::stdout().lock(), "{line}");
}
