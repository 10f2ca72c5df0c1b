//! `docs/panduan.md`, the officers' guide, names only commands, flags, fields and codes that
//! exist, and quotes daftar's messages exactly as daftar prints them.
//!
//! The guide marks what this test reads with HTML comments before a fenced block or a table:
//!
//! - `<!-- contoh-catatan: PATH -->`, `<!-- contoh-keputusan: PATH -->`,
//!   `<!-- contoh-konfigurasi: daftar.toml -->`: a complete file; together they are a site
//!   that `daftar check` passes without a single diagnostic;
//! - `<!-- potongan: catatan|keputusan|konfigurasi -->`: a fragment, merged into that example,
//!   which must still pass;
//! - `<!-- kolom: FILE [PARENT…] [sebagian] -->`: a table whose first column names the fields
//!   of FILE under PARENT; each must be one daftar knows there and, unless `sebagian`, the
//!   table names every one it knows;
//! - `<!-- nilai: dibuka.dasar -->`: the values of `dibuka.dasar`;
//! - `<!-- keluaran: ID -->`, `<!-- keluaran-json: ID -->`, `<!-- keluaran-longgar: ID -->`:
//!   what daftar prints for case ID below (exactly; its JSON; or with every number, sidik
//!   and time set aside).
//!
//! `PANDUAN_PERBARUI=1 cargo test --test panduan` writes what daftar prints into those blocks
//! (review the diff before keeping it).

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use daftar::code::Code;
use daftar::diagnostic::Severity;
use daftar::record::OpeningBasis;

const BIN: &str = env!("CARGO_BIN_EXE_daftar");
const GUIDE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/panduan.md");
const REFERENCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/reference.md");
/// The build date of every run (the guide's examples are valid on it, and for years after).
const DATE: &str = "2026-12-01";
/// A field name no file of daftar knows, far from every real one.
const BOGUS: &str = "qqqqqqqqqqqq";

// ---------------------------------------------------------------------------------------
// Reading the guide
// ---------------------------------------------------------------------------------------

/// A fenced block of the guide.
#[derive(Debug, Clone)]
struct Block {
    /// The info string (`toml`, `text`, …).
    lang: String,
    /// The marker comment just before it: (`keluaran`, `nip-bulan`), (`potongan`, `catatan`)…
    marker: Option<(String, String)>,
    /// The content, without the fences and without the indentation of a list item.
    text: String,
    /// 1-based line numbers of the first and last content line (first > last when empty).
    first: usize,
    last: usize,
    /// The `## ` section it is in.
    section: usize,
}

/// A table that follows a `kolom` marker.
#[derive(Debug, Clone)]
struct FieldTable {
    file: String,
    parents: Vec<String>,
    partial: bool,
    /// The names in backticks in each row's first cell, with the line they are on.
    names: Vec<(String, usize)>,
}

#[derive(Debug, Default)]
struct Guide {
    lines: Vec<String>,
    blocks: Vec<Block>,
    /// Every line outside fenced blocks: (line number, section, text).
    prose: Vec<(usize, usize, String)>,
    tables: Vec<FieldTable>,
    /// `nilai` tables: the marker's argument and the names of the first column.
    values: Vec<(String, Vec<String>)>,
}

fn marker_of(line: &str) -> Option<(String, String)> {
    let inner = line
        .trim()
        .strip_prefix("<!--")?
        .strip_suffix("-->")?
        .trim();
    let (name, arg) = inner.split_once(':').unwrap_or((inner, ""));
    Some((name.trim().to_string(), arg.trim().to_string()))
}

fn spans(line: &str) -> Vec<String> {
    line.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s.to_string())
        .collect()
}

fn first_cell(row: &str) -> &str {
    row.trim()
        .trim_start_matches('|')
        .split('|')
        .next()
        .unwrap_or("")
}

fn parse_guide(text: &str) -> Guide {
    let mut g = Guide {
        lines: text.lines().map(str::to_string).collect(),
        ..Guide::default()
    };
    let mut section = 0;
    let mut pending: Option<(String, String)> = None;
    let mut i = 0;
    while i < g.lines.len() {
        let line = g.lines[i].clone();
        let trimmed = line.trim_start();
        if let Some(lang) = trimmed.strip_prefix("```") {
            let indent = line.len() - trimmed.len();
            let start = i + 1;
            let mut end = start;
            while end < g.lines.len() && g.lines[end].trim() != "```" {
                end += 1;
            }
            assert!(
                end < g.lines.len(),
                "block at line {} is never closed",
                i + 1
            );
            let text: Vec<&str> = g.lines[start..end]
                .iter()
                .map(|l| l.get(indent..).unwrap_or(l.trim_start()))
                .collect();
            g.blocks.push(Block {
                lang: lang.trim().to_string(),
                marker: pending.take(),
                text: text.join("\n"),
                first: start + 1,
                last: end,
                section,
            });
            i = end + 1;
            continue;
        }
        if line.starts_with("## ") {
            section += 1;
        }
        if let Some(m) = marker_of(&line) {
            if m.0 == "kolom" || m.0 == "nilai" {
                let mut rows = Vec::new();
                let mut j = i + 1;
                while j < g.lines.len() && g.lines[j].trim_start().starts_with('|') {
                    rows.push((j + 1, g.lines[j].clone()));
                    j += 1;
                }
                assert!(rows.len() > 2, "marker at line {} has no table", i + 1);
                let names: Vec<(String, usize)> = rows[2..]
                    .iter()
                    .flat_map(|(n, row)| spans(first_cell(row)).into_iter().map(move |s| (s, *n)))
                    .collect();
                if m.0 == "nilai" {
                    g.values
                        .push((m.1.clone(), names.into_iter().map(|(s, _)| s).collect()));
                } else {
                    let mut words: Vec<String> = m.1.split_whitespace().map(String::from).collect();
                    let partial = words.last().is_some_and(|w| w == "sebagian");
                    if partial {
                        words.pop();
                    }
                    assert!(
                        !words.is_empty(),
                        "kolom marker at line {} names no file",
                        i + 1
                    );
                    let file = words.remove(0);
                    g.tables.push(FieldTable {
                        file,
                        parents: if words.is_empty() {
                            vec![String::new()]
                        } else {
                            words
                        },
                        partial,
                        names,
                    });
                }
            } else {
                pending = Some(m);
            }
        } else if !line.trim().is_empty() {
            pending = None;
        }
        g.prose.push((i + 1, section, line));
        i += 1;
    }
    g
}

fn guide() -> &'static Guide {
    static G: OnceLock<Guide> = OnceLock::new();
    G.get_or_init(|| parse_guide(&std::fs::read_to_string(GUIDE).unwrap()))
}

fn marked<'g>(g: &'g Guide, name: &str) -> Vec<&'g Block> {
    g.blocks
        .iter()
        .filter(|b| b.marker.as_ref().is_some_and(|m| m.0 == name))
        .collect()
}

/// The complete example of a kind of file: its path in the site and its text.
fn example(g: &Guide, kind: &str) -> (String, String) {
    let blocks = marked(g, &format!("contoh-{kind}"));
    assert_eq!(blocks.len(), 1, "the guide needs one contoh-{kind} block");
    let b = blocks[0];
    (b.marker.clone().unwrap().1, format!("{}\n", b.text))
}

// ---------------------------------------------------------------------------------------
// Running daftar
// ---------------------------------------------------------------------------------------

fn daftar(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("DAFTAR_FAULT")
        .env_remove("DAFTAR_LOCK_WAIT")
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// The files of a site: path → text.
type Files = BTreeMap<String, String>;

fn example_site(g: &Guide) -> Files {
    ["konfigurasi", "catatan", "keputusan"]
        .iter()
        .map(|k| example(g, k))
        .collect()
}

fn write_site(dir: &Path, files: &Files) {
    for (path, content) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
    }
}

/// `daftar check --format json` on `files`: the diagnostics and the exit code.
fn check_json(files: &Files) -> (Vec<serde_json::Value>, i32) {
    let dir = tempfile::tempdir().unwrap();
    write_site(dir.path(), files);
    let out = daftar(
        dir.path(),
        &["check", "--format", "json", "--tanggal", DATE],
        &[],
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("check printed no JSON ({e}): {}", text(&out.stderr)));
    let list = doc["diagnostics"].as_array().unwrap().clone();
    (list, out.status.code().unwrap())
}

fn describe(list: &[serde_json::Value]) -> String {
    list.iter()
        .map(|d| format!("{} {}:{} {}", d["code"], d["file"], d["line"], d["message"]))
        .collect::<Vec<_>>()
        .join("\n")
}

// ---------------------------------------------------------------------------------------
// TOML of the examples
// ---------------------------------------------------------------------------------------

/// The site path of a kind of file, and how its TOML sits in it.
fn kind_path(g: &Guide, kind: &str) -> String {
    example(g, kind).0
}

/// A file's TOML and what surrounds it (front matter of a record or decision, or the
/// whole of `daftar.toml`).
fn split_file(kind: &str, file: &str) -> (String, String) {
    if kind == "konfigurasi" {
        return (file.to_string(), String::new());
    }
    let rest = file
        .strip_prefix("+++\n")
        .expect("a record starts with +++");
    let end = rest.find("\n+++\n").expect("a record's +++ is closed");
    (rest[..=end].to_string(), rest[end + 5..].to_string())
}

fn join_file(kind: &str, toml_text: &str, body: &str) -> String {
    if kind == "konfigurasi" {
        toml_text.to_string()
    } else {
        format!("+++\n{toml_text}+++\n{body}")
    }
}

fn table_of(kind: &str, file: &str) -> toml::Table {
    split_file(kind, file)
        .0
        .parse()
        .unwrap_or_else(|e| panic!("the {kind} example is not TOML: {e}"))
}

/// The table at `parent` (dotted; an array stands for its first element), made if missing.
fn table_at<'t>(root: &'t mut toml::Table, parent: &str) -> &'t mut toml::Table {
    let mut t = root;
    for seg in parent.split('.').filter(|s| !s.is_empty()) {
        let entry = t
            .entry(seg.to_string())
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        let entry = match entry {
            toml::Value::Array(items) => items.first_mut().expect("an empty array"),
            other => other,
        };
        t = match entry {
            toml::Value::Table(t) => t,
            other => panic!("`{seg}` of `{parent}` is not a table: {other}"),
        };
    }
    t
}

fn merge(into: &mut toml::Table, from: &toml::Table) {
    for (k, v) in from {
        match (into.get_mut(k), v) {
            (Some(toml::Value::Table(a)), toml::Value::Table(b)) => merge(a, b),
            _ => {
                into.insert(k.clone(), v.clone());
            }
        }
    }
}

/// The site with the `kind` file's TOML replaced by `table`.
fn site_with(g: &Guide, kind: &str, table: &toml::Table) -> Files {
    let mut files = example_site(g);
    let path = kind_path(g, kind);
    let (_, body) = split_file(kind, &files[&path]);
    let toml_text = toml::to_string(table).unwrap();
    files.insert(path, join_file(kind, &toml_text, &body));
    files
}

/// The fields daftar knows in the `kind` file under `parent`, as it lists them when told
/// of an unknown one there; `None` when `parent` is not a table daftar reads in that file.
fn known_fields(g: &Guide, kind: &str, parent: &str) -> Option<Vec<String>> {
    type Known = HashMap<(String, String), Option<Vec<String>>>;
    static CACHE: OnceLock<std::sync::Mutex<Known>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let key = (kind.to_string(), parent.to_string());
    if let Some(found) = cache.lock().unwrap().get(&key) {
        return found.clone();
    }
    let mut table = table_of(kind, &example(g, kind).1);
    table_at(&mut table, parent).insert(BOGUS.into(), toml::Value::String("x".into()));
    let (list, _) = check_json(&site_with(g, kind, &table));
    let found = list
        .iter()
        .find(|d| {
            d["code"] == "E0102"
                && d["message"]
                    .as_str()
                    .unwrap()
                    .contains(&format!("`{BOGUS}`"))
        })
        .map(|d| {
            let hint = d["hint"].as_str().expect("an unknown field's hint");
            let names = hint
                .strip_prefix("kolom yang dikenal di sini: ")
                .unwrap_or_else(|| panic!("unexpected hint for an unknown field: {hint}"));
            spans(names)
        });
    cache.lock().unwrap().insert(key, found.clone());
    found
}

const KINDS: [&str; 3] = ["catatan", "keputusan", "konfigurasi"];

/// Whether `path` (dotted) names a field daftar knows in some kind of file.
fn path_known(g: &Guide, path: &str) -> bool {
    let (parent, leaf) = path.rsplit_once('.').unwrap_or(("", path));
    KINDS.iter().any(|kind| {
        known_fields(g, kind, parent).is_some_and(|names| names.iter().any(|n| n == leaf))
    })
}

/// Every key path of a TOML table (arrays stand for their elements).
fn key_paths(t: &toml::Table, prefix: &str, out: &mut Vec<String>) {
    for (k, v) in t {
        let path = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        out.push(path.clone());
        match v {
            toml::Value::Table(inner) => key_paths(inner, &path, out),
            toml::Value::Array(items) => {
                for item in items {
                    if let toml::Value::Table(inner) = item {
                        key_paths(inner, &path, out);
                    }
                }
            }
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------------------
// The examples and the fields
// ---------------------------------------------------------------------------------------

#[test]
fn the_complete_examples_make_a_site_without_a_single_diagnostic() {
    let g = guide();
    let (list, exit) = check_json(&example_site(g));
    assert!(
        list.is_empty() && exit == 0,
        "the guide's examples give (exit {exit}):\n{}",
        describe(&list)
    );
}

#[test]
fn every_fragment_merged_into_its_example_still_passes() {
    let g = guide();
    let fragments = marked(g, "potongan");
    assert!(!fragments.is_empty());
    for b in fragments {
        let kind = b.marker.as_ref().unwrap().1.as_str();
        assert!(
            KINDS.contains(&kind),
            "line {}: potongan of `{kind}`",
            b.first
        );
        let part: toml::Table = b
            .text
            .parse()
            .unwrap_or_else(|e| panic!("line {}: the fragment is not TOML: {e}", b.first));
        let mut table = table_of(kind, &example(g, kind).1);
        merge(&mut table, &part);
        let (list, exit) = check_json(&site_with(g, kind, &table));
        let errors: Vec<_> = list
            .iter()
            .filter(|d| d["severity"] == "error")
            .cloned()
            .collect();
        assert!(
            exit == 0 && errors.is_empty(),
            "line {}: the fragment makes the {kind} invalid (exit {exit}):\n{}",
            b.first,
            describe(&errors)
        );
    }
}

#[test]
fn every_field_table_names_the_fields_daftar_knows_there() {
    let g = guide();
    assert!(g.tables.len() >= 10, "the guide's field tables are missing");
    for t in &g.tables {
        assert!(KINDS.contains(&t.file.as_str()), "kolom of `{}`", t.file);
        for parent in &t.parents {
            let known = known_fields(g, &t.file, parent).unwrap_or_else(|| {
                panic!("daftar reads no table `{parent}` in the {} file", t.file)
            });
            let listed: BTreeSet<&str> = t.names.iter().map(|(n, _)| n.as_str()).collect();
            for (name, line) in &t.names {
                assert!(
                    known.contains(name),
                    "line {line}: `{name}` is not a field of `{parent}` in the {} file; daftar knows {known:?}",
                    t.file
                );
            }
            if !t.partial {
                let missing: Vec<&String> = known
                    .iter()
                    .filter(|k| !listed.contains(k.as_str()))
                    .collect();
                assert!(
                    missing.is_empty(),
                    "the table of `{parent}` ({} file) leaves out {missing:?}",
                    t.file
                );
            }
        }
    }
    // The record table is the library's own list of record fields.
    let record = g
        .tables
        .iter()
        .find(|t| t.file == "catatan" && t.parents == [""])
        .expect("a table of the record's fields");
    let names: BTreeSet<&str> = record.names.iter().map(|(n, _)| n.as_str()).collect();
    let fields: BTreeSet<&str> = daftar::record::decode::FIELDS.iter().copied().collect();
    assert_eq!(names, fields);
}

#[test]
fn the_values_of_dibuka_dasar_are_the_ones_daftar_accepts() {
    let g = guide();
    let (_, listed) = g
        .values
        .iter()
        .find(|(k, _)| k == "dibuka.dasar")
        .expect("a table of the values of dibuka.dasar");
    let accepted: Vec<String> = OpeningBasis::ALL
        .iter()
        .map(|b| b.key().to_string())
        .collect();
    assert_eq!(listed, &accepted);
}

/// Words in backticks that look like a field but are not one: program names, the
/// severities daftar prints, JSON keys and literals, version folders.
fn not_a_field(word: &str) -> bool {
    const TOOLS: [&str; 6] = ["daftar", "cargo", "rustup", "powershell", "pwd", "cd"];
    const JSON: [&str; 11] = [
        "diagnostics",
        "errors",
        "warnings",
        "severity",
        "code",
        "file",
        "line",
        "column",
        "message",
        "hint",
        "null",
    ];
    let severities = [Severity::Error.label(), Severity::Warning.label()];
    TOOLS.contains(&word)
        || JSON.contains(&word)
        || severities.contains(&word)
        || OpeningBasis::ALL.iter().any(|b| b.key() == word)
        || (word.len() == 5
            && word.starts_with('v')
            && word[1..].chars().all(|c| c.is_ascii_digit()))
}

const FILE_ENDINGS: [&str; 10] = [
    ".toml", ".md", ".exe", ".txt", ".json", ".csv", ".xml", ".html", ".docx", ".sh",
];

/// A span that names a field: `nama`, `pengesahan.ppid_utama.nip`, `[kontak]`,
/// `[pengesahan.atasan_ppid]`. Returns the dotted path.
fn field_mention(span: &str) -> Option<String> {
    let inner = span.trim_start_matches('[').trim_end_matches(']');
    let brackets_match = span.len() - span.trim_start_matches('[').len()
        == span.len() - span.trim_end_matches(']').len();
    let ident = |s: &str| {
        s.starts_with(|c: char| c.is_ascii_lowercase())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    };
    let is_path = brackets_match && !inner.is_empty() && inner.split('.').all(ident);
    let is_file = FILE_ENDINGS.iter().any(|e| inner.ends_with(e));
    (is_path && !is_file).then(|| inner.to_string())
}

/// The key paths a `key = value` span writes; `None` for other spans.
fn assignment_paths(span: &str) -> Option<Vec<String>> {
    if !span.contains(" = ") || span.starts_with("daftar") {
        return None;
    }
    let mut paths = Vec::new();
    if span.starts_with('{') {
        // The value alone: `{ petugas_ppid = 5, … }`.
        let t: toml::Table = format!("x = {span}").parse().ok()?;
        key_paths(&t, "", &mut paths);
        paths.retain(|p| p != "x");
        return Some(paths.iter().map(|p| p["x.".len()..].to_string()).collect());
    }
    match span.parse::<toml::Table>() {
        Ok(t) => key_paths(&t, "", &mut paths),
        // A value the guide shows as a mistake (`tanggal = 06-03-2026`): the key still counts.
        Err(_) => paths.push(span.split(" = ").next()?.trim().to_string()),
    }
    Some(paths)
}

#[test]
fn every_field_the_guide_writes_exists() {
    let g = guide();
    // Every name of the complete examples is known (they pass `check`), and so is every
    // name of the tables (checked above); other mentions must be among them or, written
    // with their parent, be a field daftar knows under that parent.
    let mut known: BTreeSet<String> = BTreeSet::new();
    for kind in KINDS {
        let mut paths = Vec::new();
        key_paths(&table_of(kind, &example(g, kind).1), "", &mut paths);
        known.extend(
            paths
                .iter()
                .map(|p| p.rsplit('.').next().unwrap().to_string()),
        );
    }
    for t in &g.tables {
        for parent in &t.parents {
            known.extend(known_fields(g, &t.file, parent).unwrap_or_default());
        }
    }
    // Fragments pass `check` once merged (tested above): their names are fields too.
    for b in marked(g, "potongan") {
        let mut paths = Vec::new();
        key_paths(&b.text.parse().unwrap(), "", &mut paths);
        known.extend(
            paths
                .iter()
                .map(|p| p.rsplit('.').next().unwrap().to_string()),
        );
    }
    let mut checked = 0;
    let mut check_path = |path: &str, line: usize| {
        let leaf = path.rsplit('.').next().unwrap();
        checked += 1;
        if path.contains('.') {
            assert!(
                path_known(g, path),
                "line {line}: `{path}` is not a field of daftar"
            );
        } else {
            assert!(
                known.contains(leaf) || not_a_field(leaf),
                "line {line}: `{leaf}` is not a field of daftar"
            );
        }
    };
    for (line, _, prose) in &g.prose {
        if prose.trim_start().starts_with("<!--") {
            continue;
        }
        for span in spans(prose) {
            if let Some(paths) = assignment_paths(&span) {
                for p in paths {
                    check_path(&p, *line);
                }
            } else if let Some(path) = field_mention(&span) {
                check_path(&path, *line);
            }
        }
    }
    assert!(checked > 100, "only {checked} field mentions found");
}

// ---------------------------------------------------------------------------------------
// Commands and flags
// ---------------------------------------------------------------------------------------

/// Splits a command line into words, keeping quoted text together.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote = None;
    for c in line.chars() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, c) if c.is_whitespace() => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            _ => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Whether a word runs daftar (`daftar`, `daftar.exe`, `.\daftar.exe`, `target/release/daftar`).
fn is_daftar(word: &str) -> bool {
    let base = word.rsplit(['/', '\\']).next().unwrap_or(word);
    base == "daftar" || base == "daftar.exe"
}

/// Whether a word is a flag (`--paksa`, `--root=DIR`, `-q`), and which.
fn flag(word: &str) -> Option<&str> {
    let name = word.split('=').next().unwrap();
    let bare = name.strip_prefix("--").or_else(|| name.strip_prefix('-'))?;
    let ok = bare.starts_with(|c: char| c.is_ascii_alphabetic())
        && bare.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && (name.starts_with("--") || bare.len() == 1);
    ok.then_some(name)
}

fn flags_in(ws: &[String]) -> Vec<String> {
    ws.iter()
        .filter_map(|w| flag(w))
        .map(String::from)
        .collect()
}

/// A command line written in the guide: the program, its words, where it is.
struct Invocation {
    subcommand: Option<String>,
    flags: Vec<String>,
    line: usize,
    section: usize,
}

/// The command lines of the guide: daftar's, other programs' flags per section, and the
/// flags written alone (flag, line, section).
struct CommandLines {
    runs: Vec<Invocation>,
    others: HashMap<usize, BTreeSet<String>>,
    lone: Vec<(String, usize, usize)>,
}

/// Every daftar command line of the guide (in backticks, or a line of a shell block), the
/// flags that other programs' command lines use per section, and the lone flags in
/// backticks (`--paksa`) with their section.
fn command_lines(g: &Guide) -> CommandLines {
    let mut runs = Vec::new();
    let mut others: HashMap<usize, BTreeSet<String>> = HashMap::new();
    let mut lone = Vec::new();
    let mut take = |cmd: &str, line: usize, section: usize, lone_ok: bool| {
        let ws = words(cmd);
        let Some(first) = ws.first() else { return };
        if is_daftar(first) {
            runs.push(Invocation {
                subcommand: ws[1..].iter().find(|w| !w.starts_with('-')).cloned(),
                flags: flags_in(&ws[1..]),
                line,
                section,
            });
        } else if let Some(f) = flag(first).filter(|_| lone_ok) {
            lone.push((f.to_string(), line, section));
        } else if !cmd.contains(" = ") {
            others
                .entry(section)
                .or_default()
                .extend(flags_in(&ws[1..]));
        }
    };
    for (line, section, prose) in &g.prose {
        for span in spans(prose) {
            take(&span, *line, *section, true);
        }
    }
    for b in &g.blocks {
        if ["sh", "powershell"].contains(&b.lang.as_str()) {
            for (i, l) in b.text.lines().enumerate() {
                take(l, b.first + i, b.section, false);
            }
        }
    }
    CommandLines { runs, others, lone }
}

/// `daftar [SUBCOMMAND] --help`: whether it exits 0, and the flags it lists.
fn help(subcommand: Option<&str>) -> (bool, BTreeSet<String>) {
    type Helps = HashMap<Option<String>, (bool, BTreeSet<String>)>;
    static CACHE: OnceLock<std::sync::Mutex<Helps>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let key = subcommand.map(String::from);
    if let Some(found) = cache.lock().unwrap().get(&key) {
        return found.clone();
    }
    let args: Vec<&str> = subcommand.into_iter().chain(["--help"]).collect();
    let out = daftar(Path::new(env!("CARGO_MANIFEST_DIR")), &args, &[]);
    let flags = text(&out.stdout)
        .replace([',', '[', ']', '<', '>'], " ")
        .split_whitespace()
        .filter_map(flag)
        .map(String::from)
        .collect();
    let found = (out.status.success(), flags);
    cache.lock().unwrap().insert(key, found.clone());
    found
}

#[test]
fn every_command_and_flag_the_guide_writes_is_accepted() {
    let g = guide();
    let CommandLines { runs, others, lone } = command_lines(g);
    let (top_ok, global) = help(None);
    assert!(top_ok && global.contains("--root") && global.contains("--tanggal"));
    let mut subcommands = BTreeSet::new();
    for run in &runs {
        let (ok, flags) = help(run.subcommand.as_deref());
        assert!(
            ok,
            "line {}: `daftar {}` is not a command of daftar",
            run.line,
            run.subcommand.as_deref().unwrap_or("")
        );
        for flag in &run.flags {
            assert!(
                flags.contains(flag),
                "line {}: `daftar {}` does not accept `{flag}`",
                run.line,
                run.subcommand.as_deref().unwrap_or("")
            );
        }
        subcommands.extend(run.subcommand.clone());
    }
    // The guide shows every command an officer needs.
    for c in [
        "init", "new", "check", "build", "serve", "watch", "publish", "verify",
    ] {
        assert!(
            subcommands.contains(c),
            "the guide never writes `daftar {c}`"
        );
    }
    // A flag written alone belongs to a command of its section: daftar's (or a global
    // flag), or another program's written there (`--locked` of `cargo install`).
    for (flag, line, section) in &lone {
        let by_daftar = global.contains(flag)
            || runs
                .iter()
                .filter(|r| r.section == *section)
                .any(|r| help(r.subcommand.as_deref()).1.contains(flag));
        let by_other = others.get(section).is_some_and(|f| f.contains(flag));
        assert!(
            by_daftar || by_other,
            "line {line}: `{flag}` is accepted by no command of its section"
        );
    }
    assert!(lone.len() >= 5, "lone flags not found");
}

// ---------------------------------------------------------------------------------------
// Diagnostic codes
// ---------------------------------------------------------------------------------------

/// Every `E0000`/`W0000` in a text, with its letter and number.
fn codes_in(s: &str) -> Vec<(char, u16, String)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    for i in 0..b.len().saturating_sub(4) {
        let starts = (b[i] == b'E' || b[i] == b'W')
            && b[i + 1..i + 5].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && b.get(i + 5).is_none_or(|c| !c.is_ascii_alphanumeric());
        if starts {
            let code = &s[i..i + 5];
            out.push((b[i] as char, code[1..].parse().unwrap(), code.to_string()));
        }
    }
    out
}

/// The letters the reference's table of codes gives each number (`| W0307 / E0307 |`).
fn reference_letters() -> HashMap<u16, BTreeSet<char>> {
    let reference = std::fs::read_to_string(REFERENCE).unwrap();
    let mut out: HashMap<u16, BTreeSet<char>> = HashMap::new();
    for line in reference
        .lines()
        .filter(|l| l.starts_with("| E") || l.starts_with("| W"))
    {
        for (letter, number, _) in codes_in(first_cell(line)) {
            out.entry(number).or_default().insert(letter);
        }
    }
    out
}

#[test]
fn every_code_the_guide_names_exists_with_a_severity_it_can_have() {
    let g = guide();
    let numbers: BTreeSet<u16> = Code::ALL.iter().map(|c| c.number()).collect();
    // A letter is possible when daftar printed it (the quoted output, which the test
    // below compares with daftar's) or the reference's table of codes gives it.
    let mut letters = reference_letters();
    for b in g.blocks.iter().filter(|b| {
        b.marker
            .as_ref()
            .is_some_and(|m| m.0.starts_with("keluaran"))
    }) {
        for (letter, number, _) in codes_in(&b.text) {
            letters.entry(number).or_default().insert(letter);
        }
    }
    let mut named = 0;
    for (n, line) in g.lines.iter().enumerate() {
        for (letter, number, code) in codes_in(line) {
            named += 1;
            assert!(
                numbers.contains(&number),
                "line {}: {code} is no code of daftar",
                n + 1
            );
            assert!(
                letters.get(&number).is_some_and(|l| l.contains(&letter)),
                "line {}: {code}: daftar does not report rule {number:04} as {}",
                n + 1,
                if letter == 'E' {
                    "an error"
                } else {
                    "a warning"
                }
            );
        }
    }
    assert!(named > 50, "only {named} codes found");
}

// ---------------------------------------------------------------------------------------
// The quoted output
// ---------------------------------------------------------------------------------------

/// How a quoted block is compared.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Compare {
    Exact,
    Json,
    Loose,
}

fn compare_of(marker: &str) -> Option<Compare> {
    match marker {
        "keluaran" => Some(Compare::Exact),
        "keluaran-json" => Some(Compare::Json),
        "keluaran-longgar" => Some(Compare::Loose),
        _ => None,
    }
}

/// Sets aside what changes from run to run: clock times and process ids; loosely, every
/// sidik and number too.
fn normalize(s: &str, loose: bool) -> String {
    let mut out = String::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    let digits = |from: usize, n: usize| {
        from + n <= chars.len() && chars[from..from + n].iter().all(char::is_ascii_digit)
    };
    while i < chars.len() {
        // YYYY-MM-DD HH:MM:SS
        let stamp = digits(i, 4)
            && chars.get(i + 4) == Some(&'-')
            && digits(i + 5, 2)
            && chars.get(i + 7) == Some(&'-')
            && digits(i + 8, 2)
            && chars.get(i + 10) == Some(&' ')
            && digits(i + 11, 2)
            && chars.get(i + 13) == Some(&':')
            && digits(i + 14, 2)
            && chars.get(i + 16) == Some(&':')
            && digits(i + 17, 2);
        if stamp {
            out.push_str("<waktu>");
            i += 19;
            continue;
        }
        if chars[i..].starts_with(&['P', 'I', 'D', ' ']) && digits(i + 4, 1) {
            out.push_str("PID <pid>");
            i += 4;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            continue;
        }
        if loose {
            let hex = i + 64 <= chars.len()
                && chars[i..i + 64]
                    .iter()
                    .all(|c| c.is_ascii_digit() || ('a'..='f').contains(c));
            if hex {
                out.push_str("<sidik>");
                i += 64;
                continue;
            }
            if chars[i].is_ascii_digit() {
                out.push('0');
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
    lines.join("\n").trim_end_matches('\n').trim().to_string()
}

/// What a case printed: its text as the guide quotes it, and its exit code.
struct Printed {
    text: String,
    json: Option<String>,
    exit: i32,
}

fn printed(out: &Output, stdout: bool) -> Printed {
    let mut t = text(&out.stderr);
    if stdout {
        t.push_str(&text(&out.stdout));
    }
    Printed {
        text: t,
        json: None,
        exit: out.status.code().unwrap_or(-1),
    }
}

/// Replaces the one occurrence of `from` in `s`.
fn replace_once(s: &str, from: &str, to: &str) -> String {
    assert_eq!(
        s.matches(from).count(),
        1,
        "the guide's example no longer holds `{from}` once"
    );
    s.replacen(from, to, 1)
}

/// Replaces the one line starting with `start`.
fn replace_line(s: &str, start: &str, to: &str) -> String {
    let lines: Vec<&str> = s.lines().filter(|l| l.starts_with(start)).collect();
    assert_eq!(lines.len(), 1, "the example has no single line `{start}…`");
    replace_once(s, &format!("{}\n", lines[0]), &format!("{to}\n"))
}

/// A site made of the guide's examples, with one edit, checked.
fn check_edited(g: &Guide, kind: &str, edit: impl Fn(&str) -> String) -> Printed {
    let mut files = example_site(g);
    let path = kind_path(g, kind);
    let edited = edit(&files[&path]);
    assert_ne!(edited, files[&path]);
    files.insert(path, edited);
    let dir = tempfile::tempdir().unwrap();
    write_site(dir.path(), &files);
    let out = daftar(dir.path(), &["check", "--tanggal", DATE], &[]);
    let mut p = printed(&out, true);
    let json = daftar(
        dir.path(),
        &["check", "--tanggal", DATE, "--format", "json"],
        &[],
    );
    p.json = Some(text(&json.stdout));
    p
}

/// Starts `args` paused at fault `point` until `release` exists, once it holds the lock.
fn start_paused(root: &Path, args: &[&str], point: &str, release: &Path) -> std::process::Child {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(root)
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    common::spawn_holding_lock(cmd, root, args[0], point, release)
}

/// Runs every case the guide quotes: id → what daftar printed.
fn run_cases(g: &Guide) -> BTreeMap<&'static str, Printed> {
    let mut cases: BTreeMap<&'static str, Printed> = BTreeMap::new();
    let record = "catatan";
    let decision = "keputusan";

    // The example `daftar init` writes.
    let dir = tempfile::tempdir().unwrap();
    let init = daftar(dir.path(), &["init", "kantor-ppid"], &[]);
    assert!(init.status.success());
    let site = dir.path().join("kantor-ppid");
    cases.insert(
        "contoh-init",
        printed(&daftar(&site, &["check", "--tanggal", DATE], &[]), true),
    );
    cases.insert(
        "contoh-init-terbit",
        printed(&daftar(&site, &["publish", "--tanggal", DATE], &[]), true),
    );

    // One mistake each in the guide's examples.
    let ppid_utama_nip = "nip = \"19780909 200312 1 004\"";
    cases.insert(
        "nip-bulan",
        check_edited(g, record, |s| {
            replace_once(s, ppid_utama_nip, "nip = \"19780909 200313 1 004\"")
        }),
    );
    cases.insert(
        "tanggal-terbalik",
        check_edited(g, decision, |s| {
            replace_line(s, "tanggal = 2026-03-06", "tanggal = 06-03-2026")
        }),
    );
    let first_step = "mulai = 2026-03-09T08:00:00+08:00";
    cases.insert(
        "jam-bertitik",
        check_edited(g, record, |s| {
            replace_once(s, first_step, "mulai = 2026-03-09 08.00")
        }),
    );
    cases.insert(
        "tanpa-jam",
        check_edited(g, record, |s| {
            replace_once(s, first_step, "mulai = 2026-03-09")
        }),
    );
    cases.insert(
        "pengesahan-hilang",
        check_edited(g, record, |s| {
            let from = s
                .find("[pengesahan.atasan_ppid]\n")
                .expect("the third sign-off");
            let to = from + s[from..].find("+++\n").expect("the closing +++");
            format!("{}{}", &s[..from], &s[to..])
        }),
    );
    cases.insert(
        "nip-pendek",
        check_edited(g, record, |s| {
            replace_once(s, "\"199204172019032011\"", "\"19920417201903201\"")
        }),
    );
    cases.insert(
        "nip-bilangan",
        check_edited(g, record, |s| {
            replace_once(s, "\"199204172019032011\"", "199204172019032011")
        }),
    );
    cases.insert(
        "kolom-asing",
        check_edited(g, record, |s| {
            let line = s
                .lines()
                .find(|l| l.starts_with("catatan_internal = "))
                .expect("catatan_internal in the example");
            replace_line(
                s,
                "catatan_internal = ",
                &line.replace("catatan_internal = ", "keterangan = "),
            )
        }),
    );
    cases.insert(
        "keputusan-salah",
        check_edited(g, record, |s| {
            replace_line(
                s,
                "keputusan = ",
                "keputusan = \"188.4/014/DKISP/III/2025\"",
            )
        }),
    );
    cases.insert(
        "tanpa-nomor-keputusan",
        check_edited(g, record, |s| {
            replace_line(s, "keputusan = ", "ditetapkan = 2026-03-06")
        }),
    );
    cases.insert(
        "kepala-terbuka",
        check_edited(g, record, |s| {
            let close = 3 + s[3..].find("\n+++\n").expect("the closing +++");
            format!("{}{}", &s[..close], &s[close + 4..])
        }),
    );
    cases.insert(
        "tanda-tangan-dini",
        check_edited(g, record, |s| {
            replace_once(
                s,
                "tanggal = 2026-03-09T14:00:00+08:00",
                "tanggal = 2026-03-09T13:40:00+08:00",
            )
        }),
    );
    cases.insert(
        "permanen-kapital",
        check_edited(g, record, |s| {
            replace_line(s, "jangka_waktu = ", "jangka_waktu = \"Permanen\"")
        }),
    );
    cases.insert(
        "pasal-tanpa-titik",
        check_edited(g, record, |s| {
            replace_line(s, "pasal_17 = ", "pasal_17 = [\"h4\"]")
        }),
    );
    cases.insert(
        "melebihi-mutu-baku",
        check_edited(g, record, |s| {
            replace_once(
                s,
                "{ no = 4, mulai = 2026-03-09T09:30:00+08:00, menit = 40 }",
                "{ no = 4, mulai = 2026-03-09T09:30:00+08:00, menit = 44 }",
            )
        }),
    );
    cases.insert(
        "kutip-lengkung",
        check_edited(g, record, |s| {
            let line = s
                .lines()
                .find(|l| l.starts_with("unit = \""))
                .expect("unit in the example");
            let value = &line["unit = \"".len()..line.len() - 1];
            replace_line(s, "unit = ", &format!("unit = \u{201c}{value}\u{201d}"))
        }),
    );

    // A top-level key of `daftar.toml` written at its end, inside its last section.
    cases.insert(
        "kunci-di-bagian-salah",
        check_edited(g, "konfigurasi", |s| {
            let line = s
                .lines()
                .find(|l| l.starts_with("base_url = "))
                .expect("base_url in the example");
            format!("{}{line}\n", replace_once(s, &format!("{line}\n"), ""))
        }),
    );

    // A record saved as `.md.txt`.
    let mut files = example_site(g);
    let path = kind_path(g, record);
    let content = files.remove(&path).unwrap();
    files.insert(format!("{path}.txt"), content);
    let dir = tempfile::tempdir().unwrap();
    write_site(dir.path(), &files);
    cases.insert(
        "berkas-txt",
        printed(
            &daftar(dir.path(), &["check", "--tanggal", DATE], &[]),
            true,
        ),
    );

    // A folder that is no site.
    let dir = tempfile::tempdir().unwrap();
    cases.insert(
        "tanpa-daftar-toml",
        printed(
            &daftar(dir.path(), &["check", "--tanggal", DATE], &[]),
            true,
        ),
    );

    // Publishing and verifying the guide's examples.
    let dir = tempfile::tempdir().unwrap();
    write_site(dir.path(), &example_site(g));
    let published = daftar(
        dir.path(),
        &[
            "publish",
            "--catatan",
            "Penetapan DIK Dinas Kominfo Maret 2026",
            "--tanggal",
            DATE,
        ],
        &[],
    );
    let sidik = text(&published.stdout)
        .lines()
        .find(|l| l.starts_with("Sidik versi ini"))
        .and_then(|l| l.rsplit(' ').next())
        .expect("publish prints the sidik")
        .to_string();
    cases.insert("terbit", printed(&published, true));
    cases.insert(
        "terbit-tanpa-perubahan",
        printed(
            &daftar(
                dir.path(),
                &["publish", "--catatan", "Tanpa perubahan", "--tanggal", DATE],
                &[],
            ),
            true,
        ),
    );
    cases.insert(
        "periksa",
        printed(&daftar(dir.path(), &["verify"], &[]), true),
    );
    cases.insert(
        "periksa-sidik",
        printed(
            &daftar(
                dir.path(),
                &["verify", "--sidik", &format!("v0001={sidik}")],
                &[],
            ),
            true,
        ),
    );

    // The preview's address line.
    let mut serve = Command::new(BIN)
        .current_dir(dir.path())
        .args(["serve", "--tanggal", DATE])
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let line = {
        use std::io::BufRead;
        let out = std::io::BufReader::new(serve.stdout.take().unwrap());
        out.lines()
            .map_while(Result::ok)
            .find(|l| l.starts_with("Pratinjau berjalan"))
    };
    let _ = serve.kill();
    let _ = serve.wait();
    cases.insert(
        "pratinjau",
        Printed {
            text: line.expect("serve prints its address"),
            json: None,
            exit: 0,
        },
    );

    // Interrupted writes, finished or rolled back by the next command.
    for (id, point) in [
        ("terputus-dibatalkan", "staged"),
        ("terputus-diselesaikan", "move-1-in"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        write_site(dir.path(), &example_site(g));
        let killed = daftar(
            dir.path(),
            &["build", "--tanggal", DATE],
            &[("DAFTAR_FAULT", point)],
        );
        assert!(
            !killed.status.success(),
            "the fault point {point} was not reached"
        );
        cases.insert(
            id,
            printed(
                &daftar(dir.path(), &["check", "--tanggal", DATE], &[]),
                true,
            ),
        );
    }

    // A second writer while the first holds the site.
    let dir = tempfile::tempdir().unwrap();
    write_site(dir.path(), &example_site(g));
    let release = dir.path().join("lepas");
    let mut first = start_paused(
        dir.path(),
        &["build", "--tanggal", DATE],
        "staged",
        &release,
    );
    let second = daftar(
        dir.path(),
        &["build", "--tanggal", DATE],
        &[("DAFTAR_LOCK_WAIT", "1")],
    );
    std::fs::write(&release, "").unwrap();
    let _ = first.wait();
    // What it printed while it waited, which the guide quotes in its prose.
    let waited = text(&second.stdout);
    assert!(
        waited.starts_with("Menunggu `daftar build` (PID ")
            && waited.contains("selesai menulis situs ini…"),
        "the waiting line changed: {waited}"
    );
    let prose = g.lines.join(" ");
    let prose = prose.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        prose.contains("\"Menunggu `daftar publish` (PID …, sejak …) selesai menulis situs ini…\"")
    );
    cases.insert("sibuk", printed(&second, false));
    cases
}

/// The exit code each case must end with, so that a case cannot quietly stop showing
/// what the guide says it shows.
fn expected_exit(id: &str) -> i32 {
    match id {
        "contoh-init"
        | "tanpa-nomor-keputusan"
        | "melebihi-mutu-baku"
        | "berkas-txt"
        | "terbit"
        | "terbit-tanpa-perubahan"
        | "periksa"
        | "periksa-sidik"
        | "pratinjau"
        | "terputus-dibatalkan"
        | "terputus-diselesaikan" => 0,
        "tanpa-daftar-toml" | "sibuk" | "kunci-di-bagian-salah" => 2,
        _ => 1,
    }
}

#[test]
fn the_quoted_output_is_what_daftar_prints() {
    let g = guide();
    let cases = run_cases(g);
    for (id, p) in &cases {
        assert_eq!(
            p.exit,
            expected_exit(id),
            "case {id} ended with {}:\n{}",
            p.exit,
            p.text
        );
    }
    let quoted: Vec<(&Block, Compare, String)> = g
        .blocks
        .iter()
        .filter_map(|b| {
            let (name, id) = b.marker.clone()?;
            Some((b, compare_of(&name)?, id))
        })
        .collect();
    let actual = |c: Compare, id: &str| -> String {
        let p = cases.get(id).unwrap_or_else(|| {
            panic!("the guide quotes case `{id}`, which this test does not run")
        });
        match c {
            Compare::Json => p.json.clone().expect("a JSON run"),
            _ => p.text.clone(),
        }
    };
    if std::env::var_os("PANDUAN_PERBARUI").is_some() {
        let mut lines = g.lines.clone();
        let mut changed = 0;
        for (b, c, id) in quoted.iter().rev() {
            let loose = *c == Compare::Loose;
            if normalize(&b.text, loose) == normalize(&actual(*c, id), loose) {
                continue;
            }
            changed += 1;
            let new: Vec<String> = actual(*c, id)
                .trim_end()
                .lines()
                .map(String::from)
                .collect();
            lines.splice(b.first - 1..b.last, new);
        }
        if changed > 0 {
            std::fs::write(GUIDE, lines.join("\n") + "\n").unwrap();
            panic!(
                "{changed} quoted outputs of docs/panduan.md rewritten from daftar's output: review the diff, then run again"
            );
        }
    }
    let mut used = BTreeSet::new();
    for (b, c, id) in &quoted {
        used.insert(id.as_str());
        let loose = *c == Compare::Loose;
        let (want, got) = (normalize(&b.text, loose), normalize(&actual(*c, id), loose));
        assert!(
            want == got,
            "line {}: the guide quotes for `{id}`:\n{want}\n\nbut daftar prints:\n{got}\n",
            b.first
        );
    }
    for id in cases.keys() {
        assert!(
            used.contains(id),
            "case `{id}` is quoted nowhere in the guide"
        );
    }
}

// ---------------------------------------------------------------------------------------
// The markup this test relies on
// ---------------------------------------------------------------------------------------

#[test]
fn everything_the_test_reads_is_marked() {
    let g = guide();
    for b in &g.blocks {
        let marker = b.marker.as_ref().map(|m| m.0.as_str());
        if b.lang == "toml" {
            assert!(
                matches!(
                    marker,
                    Some("contoh-catatan" | "contoh-keputusan" | "contoh-konfigurasi" | "potongan")
                ),
                "line {}: a toml block without a contoh- or potongan marker",
                b.first
            );
        }
        if b.text.contains("galat[") || b.text.contains("peringatan[") || b.lang == "json" {
            assert!(
                marker.and_then(compare_of).is_some(),
                "line {}: quoted output without a keluaran marker",
                b.first
            );
        }
    }
    for (line, _, prose) in &g.prose {
        assert!(
            prose.matches('`').count() % 2 == 0,
            "line {line}: a span in backticks runs over the line's end"
        );
    }
}
