//! `daftar.toml`: the site configuration. Every key has a default, so an empty file is
//! a working site; unknown keys are errors, like in records.

use std::path::{Component, Path};
use std::sync::Arc;

use toml::de::DeTable;

use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity, Sink, SourceText, Span};
use crate::locale::Zone;
use crate::sop::{Closing, Sop, SopHeader, SopStep, default_sop};
use crate::toml_reader::{Located, Reader, Value};

pub const FILE_NAME: &str = "daftar.toml";
pub const CONTENT_DIR: &str = "content";
pub const THEMES_DIR: &str = "themes";
/// The folder of decision files (Keputusan), beside `content/`.
pub const DECISIONS_DIR: &str = "keputusan";
/// The site's folder for locks, journals and data being written (ignored by git).
pub const WORK_DIR: &str = ".daftar";
/// Days before the end of a term from which `check` reminds the PPID to decide on it:
/// about 30 working days.
pub const DEFAULT_REMINDER_DAYS: u32 = 42;
/// Rows of the public register, and of the internal index, on one page; a longer one is
/// split into pages.
pub const DEFAULT_ROWS_PER_PAGE: usize = 1000;
/// The fewest rows a page of the register may hold.
pub const MIN_ROWS_PER_PAGE: i64 = 10;
/// The most rows a page of the register may hold (a page stays well under 2 MB).
pub const MAX_ROWS_PER_PAGE: i64 = 1000;
/// What a request costs, unless the site says otherwise (UU 14/2008 Pasal 2 ayat (3)).
pub const DEFAULT_COSTS: &str = "Layanan informasi publik tidak dipungut biaya. Bila Anda meminta salinan cetak atau salinan yang dikirim, Anda hanya menanggung biaya nyata penggandaan dan pengiriman.";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outputs {
    pub publik: String,
    pub internal: String,
    pub arsip: String,
}

/// How citizens reach the PPID, for the public "cara memohon informasi" page.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Contact {
    pub alamat: Option<String>,
    pub telepon: Option<String>,
    pub surel: Option<String>,
    pub whatsapp: Option<String>,
    pub jam_layanan: Option<String>,
    /// The information commission that hears disputes.
    pub komisi_informasi: String,
}

/// How the request service works, for the public "cara memohon informasi" page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Service {
    /// What a request costs.
    pub biaya: String,
    /// Addresses of the request and objection forms, if the body publishes them.
    pub formulir_permohonan: Option<String>,
    pub formulir_keberatan: Option<String>,
}

impl Default for Service {
    fn default() -> Self {
        Service {
            biaya: DEFAULT_COSTS.into(),
            formulir_permohonan: None,
            formulir_keberatan: None,
        }
    }
}

/// The office's logo or coat of arms, shown in the header of every public page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    /// The file as written in `daftar.toml`, relative to the site folder, `/` separators.
    pub berkas: String,
    /// Its name in the public folder: `logo.png`, `logo.svg`.
    pub keluaran: String,
    /// The text that stands for the image for readers who cannot see it.
    pub alt: String,
    /// The image, read by [`load`] from the site folder (empty when only parsed).
    pub bytes: Arc<Vec<u8>>,
    /// Where the file is named in `daftar.toml`, for messages about the file.
    span: Span,
}

/// Whether a file's first bytes are those of an image format.
type LooksLike = fn(&[u8]) -> bool;

/// Image formats a logo may have: extension, name in messages, and a test of the
/// file's first bytes.
const LOGO_FORMATS: &[(&str, &str, LooksLike)] = &[
    ("png", "PNG", |b| b.starts_with(b"\x89PNG\r\n\x1a\n")),
    ("jpg", "JPEG", |b| b.starts_with(&[0xFF, 0xD8, 0xFF])),
    ("jpeg", "JPEG", |b| b.starts_with(&[0xFF, 0xD8, 0xFF])),
    ("gif", "GIF", |b| b.starts_with(b"GIF8")),
    ("webp", "WebP", |b| {
        b.len() >= 12 && &b[..4] == b"RIFF" && &b[8..12] == b"WEBP"
    }),
    ("svg", "SVG", |b| {
        let head = String::from_utf8_lossy(&b[..b.len().min(4096)]).to_ascii_lowercase();
        head.contains("<svg")
    }),
];

#[derive(Debug, Clone)]
pub struct Config {
    pub judul: String,
    pub badan_publik: String,
    pub ppid: String,
    /// Absolute address of the public site, always ending in `/`; `None` when unset.
    pub base_url: Option<String>,
    pub zone: Zone,
    pub tempat: String,
    pub tema: String,
    pub outputs: Outputs,
    pub contact: Contact,
    pub service: Service,
    /// Days before the end of a term from which a warning reminds the PPID.
    pub reminder_days: u32,
    /// Rows of the public register and of the internal index on one page
    /// (`baris_per_halaman`).
    pub rows_per_page: usize,
    pub sop: Sop,
    /// The office's logo or coat of arms, if the site names one.
    pub logo: Option<Logo>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            judul: "Daftar Informasi Publik yang Dikecualikan".into(),
            badan_publik: "Pemerintah Provinsi Kalimantan Utara".into(),
            ppid: "PPID Utama Provinsi Kalimantan Utara".into(),
            base_url: None,
            zone: Zone::Wita,
            tempat: "Tanjung Selor".into(),
            tema: "default".into(),
            outputs: Outputs {
                publik: "public".into(),
                internal: "internal".into(),
                arsip: "archive".into(),
            },
            contact: Contact {
                komisi_informasi: "Komisi Informasi Provinsi Kalimantan Utara".into(),
                ..Contact::default()
            },
            service: Service::default(),
            reminder_days: DEFAULT_REMINDER_DAYS,
            rows_per_page: DEFAULT_ROWS_PER_PAGE,
            sop: default_sop(),
            logo: None,
        }
    }
}

const TOP_KEYS: &[&str] = &[
    "judul",
    "badan_publik",
    "ppid",
    "base_url",
    "zona_waktu",
    "tempat",
    "tema",
    "logo",
    "logo_alt",
    "keluaran",
    "kontak",
    "layanan",
    "peringatan_berakhir_hari",
    "baris_per_halaman",
    "sop",
];
const SERVICE_KEYS: &[&str] = &["biaya", "formulir_permohonan", "formulir_keberatan"];
const CONTACT_KEYS: &[&str] = &[
    "alamat",
    "telepon",
    "surel",
    "whatsapp",
    "jam_layanan",
    "komisi_informasi",
];
const OUTPUT_KEYS: &[&str] = &["publik", "internal", "arsip"];
const SOP_KEYS: &[&str] = &[
    "nomor",
    "nama",
    "melebihi_mutu_baku",
    "penutup",
    "langkah",
    "instansi",
    "tanggal_pembuatan",
    "tanggal_revisi",
    "tanggal_pengesahan",
    "disahkan_oleh",
    "dasar_hukum",
    "kualifikasi",
    "peralatan",
    "pencatatan",
    "keterangan",
];
const CLOSING_KEYS: &[&str] = &["petugas_ppid", "ppid_utama", "atasan_ppid", "publikasi"];
const STEP_KEYS: &[&str] = &[
    "no",
    "kegiatan",
    "pelaksana",
    "mutu_baku_menit",
    "kelengkapan",
    "output",
];

/// Reads `daftar.toml` from the site root. Errors are diagnostics (a bad configuration
/// ends the run with exit code 2); the source is returned for printing them.
pub fn load(root: &Path) -> (Option<Config>, Vec<Diagnostic>, Option<SourceText>) {
    let path = root.join(FILE_NAME);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let d = Diagnostic::new(
                Severity::Error,
                Code::ConfigMissing,
                FILE_NAME,
                format!("berkas konfigurasi `{FILE_NAME}` tidak ditemukan di {}", root.display()),
            )
            .with_hint("jalankan `daftar init` untuk membuat situs baru, atau tunjuk folder situs dengan --root");
            return (None, vec![d], None);
        }
        Err(e) => {
            let d = Diagnostic::new(
                Severity::Error,
                Code::Unreadable,
                FILE_NAME,
                format!(
                    "`{FILE_NAME}` tidak dapat dibaca: {}",
                    crate::os_error::reason(&e)
                ),
            );
            return (None, vec![d], None);
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let d = crate::diagnostic::invalid_utf8(FILE_NAME, e);
            return (None, vec![d], None);
        }
    };
    let source = SourceText::new(FILE_NAME, text);
    let mut diagnostics = Vec::new();
    let mut config = parse(&source, &mut diagnostics);
    if let Some(logo) = config.as_mut().and_then(|c| c.logo.as_mut()) {
        match read_logo(root, logo) {
            Ok(bytes) => logo.bytes = Arc::new(bytes),
            Err(d) => diagnostics.push(d.into_diagnostic(&source, logo.span.clone())),
        }
    }
    let config = if diagnostics.iter().any(Diagnostic::is_error) {
        None
    } else {
        config
    };
    (config, diagnostics, Some(source))
}

/// Parses configuration text. Returns a config only if no error was reported.
pub fn parse(source: &SourceText, diagnostics: &mut Vec<Diagnostic>) -> Option<Config> {
    let text = source.text.strip_prefix('\u{feff}').unwrap_or(&source.text);
    let base = source.text.len() - text.len();
    let mut r = Reader::new(Sink::new(source, diagnostics), base);
    let mut scratch = String::new();
    let root = r.parse(text, &mut scratch)?;
    let whole = 0..0;
    let table = root.get_ref();
    r.reject_unknown(table, TOP_KEYS, "di daftar.toml");

    let mut config = Config::default();
    let mut ok = true;
    macro_rules! text_field {
        ($key:literal, $target:expr) => {
            if let Some(v) = table.get($key) {
                match r.text(v, $key) {
                    Some(s) => $target = s.value,
                    None => ok = false,
                }
            }
        };
    }
    text_field!("judul", config.judul);
    text_field!("badan_publik", config.badan_publik);
    text_field!("ppid", config.ppid);
    text_field!("tempat", config.tempat);
    text_field!("tema", config.tema);

    if let Some(v) = table.get("base_url") {
        match r.text(v, "base_url").and_then(|s| base_url(&mut r, s)) {
            Some(url) => config.base_url = Some(url),
            None => ok = false,
        }
    }
    if let Some(v) = table.get("zona_waktu") {
        match r.text(v, "zona_waktu") {
            Some(s) => match Zone::from_iana(&s.value) {
                Some(z) => config.zone = z,
                None => {
                    ok = false;
                    r.error(
                        Code::ConfigValue,
                        s.span,
                        format!("zona waktu `{}` tidak dikenal", s.value),
                    )
                    .hint(format!(
                        "pilih salah satu: {} (WIB, WITA, WIT)",
                        Zone::NAMES.join(", ")
                    ));
                }
            },
            None => ok = false,
        }
    }
    if !valid_theme_name(&config.tema) {
        ok = false;
        let span = table.get("tema").map_or(whole.clone(), |v| r.span(v));
        r.error(
            Code::ConfigValue,
            span,
            format!("nama tema `{}` tidak sah", config.tema),
        )
        .hint("nama tema adalah nama satu folder di bawah themes/, misalnya \"default\"");
    }
    if let Some(v) = table.get("keluaran") {
        match outputs(&mut r, v) {
            Some(o) => config.outputs = o,
            None => ok = false,
        }
    }
    if let Some(v) = table.get("kontak") {
        match contact(&mut r, v, &config.contact) {
            Some(c) => config.contact = c,
            None => ok = false,
        }
    }
    if let Some(v) = table.get("layanan") {
        match service(&mut r, v) {
            Some(sv) => config.service = sv,
            None => ok = false,
        }
    }
    if let Some(v) = table.get("peringatan_berakhir_hari") {
        match r.integer(v, "peringatan_berakhir_hari") {
            Some(n) if (0..=3660).contains(&n.value) => config.reminder_days = n.value as u32,
            Some(n) => {
                ok = false;
                r.error(
                    Code::ConfigValue,
                    n.span,
                    "`peringatan_berakhir_hari` harus bilangan bulat 0 sampai 3660",
                )
                .hint("jumlah hari kalender sebelum akhir jangka waktu; bawaannya 42 (sekitar 30 hari kerja), 0 mematikan peringatan");
            }
            None => ok = false,
        }
    }
    if let Some(v) = table.get("baris_per_halaman") {
        match r.integer(v, "baris_per_halaman") {
            Some(n) if (MIN_ROWS_PER_PAGE..=MAX_ROWS_PER_PAGE).contains(&n.value) => {
                config.rows_per_page = n.value as usize
            }
            Some(n) => {
                ok = false;
                r.error(
                    Code::ConfigValue,
                    n.span,
                    format!(
                        "`baris_per_halaman` harus bilangan bulat {MIN_ROWS_PER_PAGE} sampai {MAX_ROWS_PER_PAGE}"
                    ),
                )
                .hint(format!("jumlah baris pada satu halaman daftar publik dan pada satu halaman indeks internal; bawaannya {DEFAULT_ROWS_PER_PAGE}, juga batas atasnya agar setiap halaman tetap ringan dibuka di ponsel; daftar yang lebih panjang dibagi menjadi beberapa halaman"));
            }
            None => ok = false,
        }
    }
    if let Some(v) = table.get("sop") {
        match sop(&mut r, v) {
            Some(s) => config.sop = s,
            None => ok = false,
        }
    }
    match (table.get("logo"), table.get("logo_alt")) {
        (Some(v), alt) => {
            let alt = match alt.map(|a| r.text(a, "logo_alt")) {
                Some(Some(a)) => Some(a.value.trim().to_string()),
                Some(None) => {
                    ok = false;
                    None
                }
                None => None,
            };
            match r
                .text(v, "logo")
                .and_then(|s| logo(&mut r, s, &config.outputs))
            {
                Some((berkas, keluaran, span)) => {
                    config.logo = Some(Logo {
                        berkas,
                        keluaran,
                        alt: alt.unwrap_or_else(|| format!("Lambang {}", config.badan_publik)),
                        bytes: Arc::default(),
                        span,
                    });
                }
                None => ok = false,
            }
        }
        (None, Some(v)) => {
            ok = false;
            let span = r.span(v);
            r.error(
                Code::ConfigValue,
                span,
                "`logo_alt` hanya berlaku bersama `logo`",
            )
            .hint("tulis juga berkas gambarnya, misalnya logo = \"lambang.png\", atau hapus `logo_alt`");
        }
        (None, None) => {}
    }
    // Only for a configuration that is otherwise valid: beside its errors it is noise.
    if ok && !r.sink.has_errors() {
        warn_without_contact(&mut r, table.get("kontak"), &config.contact);
    }
    ok.then_some(config)
}

/// The logo's file name as written: a relative path inside the site, to an image, outside
/// the folders a build replaces. Returns the path, its name in `public/`, and its span.
fn logo(r: &mut Reader, s: Located<String>, outputs: &Outputs) -> Option<(String, String, Span)> {
    let written = s.value.trim().replace('\\', "/");
    let path = Path::new(&written);
    if !path.components().all(|c| matches!(c, Component::Normal(_))) {
        r.error(
            Code::ConfigValue,
            s.span,
            format!("berkas logo `{}` berada di luar folder situs", s.value),
        )
        .hint("simpan gambar di dalam folder situs (misalnya di samping daftar.toml) dan tulis namanya dari folder itu, tanpa `..` dan tanpa garis miring di awal, misalnya logo = \"lambang.png\"");
        return None;
    }
    let inside = |folder: &str| path.starts_with(folder);
    if let Some(folder) = [&outputs.publik, &outputs.internal, &outputs.arsip]
        .into_iter()
        .map(String::as_str)
        .chain([WORK_DIR])
        .find(|f| inside(f))
    {
        r.error(
            Code::ConfigValue,
            s.span,
            format!("berkas logo `{}` tidak boleh berada di folder `{folder}`", s.value),
        )
        .hint("folder keluaran diganti seluruhnya pada setiap build; simpan gambar di tempat lain di folder situs, misalnya di samping daftar.toml");
        return None;
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .filter(|e| LOGO_FORMATS.iter().any(|(x, _, _)| x == e));
    let Some(extension) = extension else {
        r.error(
            Code::ConfigValue,
            s.span,
            format!("berkas logo `{}` bukan gambar yang dapat dipakai", s.value),
        )
        .hint("pakai gambar PNG, JPEG, GIF, WebP, atau SVG, dengan akhiran .png, .jpg, .jpeg, .gif, .webp, atau .svg");
        return None;
    };
    Some((written, format!("logo.{extension}"), s.span))
}

/// Why a logo file cannot be used.
enum LogoError {
    Missing(String),
    Outside(String),
    NotAFile(String),
    Unreadable(String, std::io::Error),
    WrongFormat(String, &'static str),
}

impl LogoError {
    fn into_diagnostic(self, source: &SourceText, span: Span) -> Diagnostic {
        let (message, hint) = match self {
            LogoError::Missing(f) => (
                format!("berkas logo `{f}` tidak ditemukan di folder situs"),
                "periksa nama berkasnya (huruf besar dan kecil dibedakan); nama ditulis dari folder situs, misalnya logo = \"lambang.png\" untuk berkas di samping daftar.toml".to_string(),
            ),
            LogoError::Outside(f) => (
                format!("berkas logo `{f}` berada di luar folder situs"),
                "salin gambarnya ke dalam folder situs, misalnya di samping daftar.toml".to_string(),
            ),
            LogoError::NotAFile(f) => (
                format!("`{f}` adalah folder, bukan berkas gambar"),
                "tulis nama berkas gambarnya, misalnya logo = \"lambang.png\"".to_string(),
            ),
            LogoError::Unreadable(f, e) => (
                format!("berkas logo `{f}` tidak dapat dibaca: {}", crate::os_error::reason(&e)),
                "periksa izin baca berkas itu".to_string(),
            ),
            LogoError::WrongFormat(f, format) => (
                format!("berkas logo `{f}` bukan gambar {format}, walaupun akhiran namanya menyebut begitu"),
                "simpan ulang gambarnya dalam format yang sesuai dengan akhiran namanya, atau ganti akhirannya".to_string(),
            ),
        };
        Diagnostic::at(Severity::Error, Code::ConfigValue, source, span, message).with_hint(hint)
    }
}

/// Reads the logo from the site folder: a file inside it (links followed), in the format
/// its name says.
fn read_logo(root: &Path, logo: &Logo) -> Result<Vec<u8>, LogoError> {
    let f = || logo.berkas.clone();
    let path = root.join(&logo.berkas);
    let meta = match std::fs::metadata(&path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(LogoError::Missing(f())),
        Err(e) => return Err(LogoError::Unreadable(f(), e)),
    };
    if !meta.is_file() {
        return Err(LogoError::NotAFile(f()));
    }
    let real = path
        .canonicalize()
        .map_err(|e| LogoError::Unreadable(f(), e))?;
    let site = root
        .canonicalize()
        .map_err(|e| LogoError::Unreadable(f(), e))?;
    if !real.starts_with(&site) {
        return Err(LogoError::Outside(f()));
    }
    let bytes = std::fs::read(&real).map_err(|e| LogoError::Unreadable(f(), e))?;
    let extension = logo.keluaran.rsplit('.').next().unwrap_or_default();
    match LOGO_FORMATS.iter().find(|(x, _, _)| *x == extension) {
        Some((_, format, looks_right)) if !looks_right(&bytes) => {
            Err(LogoError::WrongFormat(f(), format))
        }
        _ => Ok(bytes),
    }
}

fn valid_theme_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn base_url(r: &mut Reader, s: Located<String>) -> Option<String> {
    let url = s.value.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(host)
            if !host.is_empty() && !host.starts_with('/') && !url.contains(char::is_whitespace) =>
        {
            Some(if url.ends_with('/') {
                url.to_string()
            } else {
                format!("{url}/")
            })
        }
        _ => {
            r.error(
                Code::ConfigValue,
                s.span,
                format!("`base_url` harus alamat lengkap, bukan `{}`", s.value),
            )
            .hint("misalnya base_url = \"https://ppid.kaltaraprov.go.id/dik/\"");
            None
        }
    }
}

/// An output folder: a relative path inside the site, away from the sources.
fn output_folder(r: &mut Reader, v: &Value, key: &str) -> Option<Located<String>> {
    let s = r.text(v, &format!("keluaran.{key}"))?;
    let path = Path::new(&s.value);
    let normal = path.components().all(|c| matches!(c, Component::Normal(_)));
    let first = path
        .components()
        .next()
        .and_then(|c| c.as_os_str().to_str());
    let clashes = matches!(
        first,
        Some(CONTENT_DIR | THEMES_DIR | DECISIONS_DIR | FILE_NAME | WORK_DIR)
    );
    // A name the file system cannot hold would only fail when the build writes it.
    let too_long = path.components().any(|c| c.as_os_str().len() > 255);
    if too_long {
        r.error(
            Code::OutputFolder,
            s.span.clone(),
            "nama folder keluaran terlalu panjang: satu bagian namanya lebih dari 255 bita",
        )
        .hint("pakai nama folder yang pendek, misalnya \"public\"");
        return None;
    }
    if !normal || clashes {
        r.error(
            Code::OutputFolder,
            s.span.clone(),
            format!("folder keluaran `{}` tidak boleh dipakai", s.value),
        )
        .hint("tulis nama folder di dalam folder situs, bukan content/, keputusan/, themes/, atau .daftar/, tanpa `..` dan tanpa garis miring di awal");
        return None;
    }
    Some(Located::new(
        path.components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/"),
        s.span,
    ))
}

fn outputs(r: &mut Reader, v: &Value) -> Option<Outputs> {
    let table = r.table(v, "keluaran")?;
    r.reject_unknown_advised(table, OUTPUT_KEYS, "di [keluaran]", top_level_advice);
    let defaults = Config::default().outputs;
    let mut found: Vec<Located<String>> = Vec::new();
    let mut ok = true;
    for (key, default) in
        OUTPUT_KEYS
            .iter()
            .zip([&defaults.publik, &defaults.internal, &defaults.arsip])
    {
        match table.get(*key) {
            Some(v) => match output_folder(r, v, key) {
                Some(s) => found.push(s),
                None => ok = false,
            },
            None => found.push(Located::new(default.clone(), r.span(v))),
        }
    }
    if !ok {
        return None;
    }
    // No folder may hold another: the build replaces each of them whole.
    for i in 0..found.len() {
        for j in 0..found.len() {
            let (a, b) = (&found[i].value, &found[j].value);
            if i != j && (a == b || b.starts_with(&format!("{a}/"))) {
                let span = found[j.max(i)].span.clone();
                r.error(
                    Code::OutputFolder,
                    span,
                    format!("folder keluaran `{b}` bertumpuk dengan `{a}`"),
                )
                .hint("folder publik, internal, dan arsip harus terpisah satu sama lain");
                return None;
            }
        }
    }
    let mut it = found.into_iter().map(|l| l.value);
    Some(Outputs {
        publik: it.next()?,
        internal: it.next()?,
        arsip: it.next()?,
    })
}

/// A register whose request page gives no way to reach the PPID (no address, phone,
/// e-mail or WhatsApp) is useless to a citizen who wants to ask: W0508.
fn warn_without_contact(r: &mut Reader, kontak: Option<&Value>, c: &Contact) {
    if c.alamat.is_some() || c.telepon.is_some() || c.surel.is_some() || c.whatsapp.is_some() {
        return;
    }
    // At the [kontak] table if there is one, else at the start of the file.
    let span = kontak.map_or(0..0, |v| r.span(v));
    r.sink
        .warning(
            Code::NoContact,
            span,
            "situs publik tidak menyebut cara menghubungi PPID: [kontak] tidak memuat alamat, telepon, surel, atau whatsapp",
        )
        .hint("isi bagian [kontak] di daftar.toml dengan sedikitnya satu dari alamat, telepon, surel, atau whatsapp (lihat docs/panduan.md bagian 3); tanpa itu halaman cara memohon informasi tidak berguna bagi pemohon");
}

/// A key of the top of `daftar.toml` written below a `[section]` line belongs to that
/// section in TOML (the common slip of appending a line at the end of the file).
fn top_level_advice(name: &str) -> Option<String> {
    TOP_KEYS.contains(&name).then(|| {
        format!("`{name}` termasuk bagian atas daftar.toml: pindahkan baris ini ke atas, sebelum baris bagian pertama (misalnya [kontak])")
    })
}

fn contact(r: &mut Reader, v: &Value, defaults: &Contact) -> Option<Contact> {
    let table = r.table(v, "kontak")?;
    r.reject_unknown_advised(table, CONTACT_KEYS, "di [kontak]", top_level_advice);
    let mut c = defaults.clone();
    let mut ok = true;
    for (key, target) in [
        ("alamat", &mut c.alamat),
        ("telepon", &mut c.telepon),
        ("surel", &mut c.surel),
        ("whatsapp", &mut c.whatsapp),
        ("jam_layanan", &mut c.jam_layanan),
    ] {
        if let Some(v) = table.get(key) {
            match r.text(v, &format!("kontak.{key}")) {
                Some(s) => *target = Some(s.value),
                None => ok = false,
            }
        }
    }
    if let Some(v) = table.get("komisi_informasi") {
        match r.text(v, "kontak.komisi_informasi") {
            Some(s) => c.komisi_informasi = s.value,
            None => ok = false,
        }
    }
    ok.then_some(c)
}

fn service(r: &mut Reader, v: &Value) -> Option<Service> {
    let table = r.table(v, "layanan")?;
    r.reject_unknown_advised(table, SERVICE_KEYS, "di [layanan]", top_level_advice);
    let mut sv = Service::default();
    let mut ok = true;
    if let Some(v) = table.get("biaya") {
        match r.text(v, "layanan.biaya") {
            Some(s) => sv.biaya = s.value,
            None => ok = false,
        }
    }
    for (key, target) in [
        ("formulir_permohonan", &mut sv.formulir_permohonan),
        ("formulir_keberatan", &mut sv.formulir_keberatan),
    ] {
        if let Some(v) = table.get(key) {
            match r.text(v, &format!("layanan.{key}")) {
                // A link: a web address, or a path within the site (never `javascript:`).
                Some(s) => {
                    let link = s.value.trim();
                    let web = link.starts_with("https://") || link.starts_with("http://");
                    if web || !link.contains(':') {
                        *target = Some(link.to_string());
                    } else {
                        ok = false;
                        r.error(
                            Code::ConfigValue,
                            s.span,
                            format!("`layanan.{key}` harus alamat web (https://…) atau alamat berkas di situs"),
                        )
                        .hint("misalnya \"https://ppid.kaltaraprov.go.id/formulir-permohonan.pdf\"");
                    }
                }
                None => ok = false,
            }
        }
    }
    ok.then_some(sv)
}

fn positive(r: &mut Reader, v: &Value, path: &str) -> Option<u32> {
    let n = r.integer(v, path)?;
    match u32::try_from(n.value) {
        Ok(n) if n > 0 => Some(n),
        _ => {
            r.error(
                Code::SopConfig,
                n.span,
                format!("`{path}` harus bilangan bulat positif"),
            );
            None
        }
    }
}

fn text_list(r: &mut Reader, table: &DeTable, key: &str, target: &mut Vec<String>) -> bool {
    match table.get(key) {
        Some(v) => match r.text_list(v, &format!("sop.{key}"), "baris") {
            Some(items) => {
                *target = items.into_iter().map(|s| s.value).collect();
                true
            }
            None => false,
        },
        None => true,
    }
}

fn sop(r: &mut Reader, v: &Value) -> Option<Sop> {
    let span = r.span(v);
    let table = r.table(v, "sop")?;
    r.reject_unknown_advised(table, SOP_KEYS, "di [sop]", top_level_advice);
    let mut sop = default_sop();
    let mut ok = true;

    if let Some(steps) = table.get("langkah") {
        // An office's own SOP: nothing of the default SOP's identity carries over.
        sop.header = SopHeader::default();
        for key in ["nomor", "nama"] {
            if r.required(table, key, format_args!("sop.{key}"), &span)
                .is_none()
            {
                ok = false;
            }
        }
        match sop_steps(r, steps) {
            Some(s) => sop.steps = s,
            None => ok = false,
        }
    }
    for (key, target) in [("nomor", &mut sop.nomor), ("nama", &mut sop.nama)] {
        if let Some(v) = table.get(key) {
            match r.text(v, &format!("sop.{key}")) {
                Some(s) => *target = s.value,
                None => ok = false,
            }
        }
    }
    let header = &mut sop.header;
    for (key, target) in [
        ("tanggal_pembuatan", &mut header.tanggal_pembuatan),
        ("tanggal_revisi", &mut header.tanggal_revisi),
        ("tanggal_pengesahan", &mut header.tanggal_pengesahan),
        ("disahkan_oleh", &mut header.disahkan_oleh),
        ("pencatatan", &mut header.pencatatan),
    ] {
        if let Some(v) = table.get(key) {
            match r.string(v, &format!("sop.{key}")) {
                Some(s) => *target = s.value,
                None => ok = false,
            }
        }
    }
    for (key, target) in [
        ("instansi", &mut header.instansi),
        ("dasar_hukum", &mut header.dasar_hukum),
        ("kualifikasi", &mut header.kualifikasi),
        ("peralatan", &mut header.peralatan),
        ("keterangan", &mut header.keterangan),
    ] {
        ok &= text_list(r, table, key, target);
    }
    if let Some(v) = table.get("melebihi_mutu_baku") {
        match r.text(v, "sop.melebihi_mutu_baku") {
            Some(s) if s.value == "peringatan" => sop.over_standard = Severity::Warning,
            Some(s) if s.value == "galat" => sop.over_standard = Severity::Error,
            Some(s) => {
                ok = false;
                r.error(
                    Code::ConfigValue,
                    s.span,
                    format!("`sop.melebihi_mutu_baku` tidak mengenal `{}`", s.value),
                )
                .hint("pilih \"peringatan\" (bawaan) atau \"galat\"");
            }
            None => ok = false,
        }
    }
    let closing_span = table.get("penutup").map_or(span.clone(), |v| r.span(v));
    if let Some(v) = table.get("penutup") {
        match closing(r, v) {
            Some(c) => sop.closing = c,
            None => ok = false,
        }
    }
    if ok {
        ok = check_closing(r, &sop, closing_span);
    }
    ok.then_some(sop)
}

fn closing(r: &mut Reader, v: &Value) -> Option<Closing> {
    let span = r.span(v);
    let table = r.table(v, "sop.penutup")?;
    r.reject_unknown(table, CLOSING_KEYS, "di sop.penutup");
    let mut numbers = Vec::new();
    for key in CLOSING_KEYS {
        let path = format!("sop.penutup.{key}");
        let v = r.required(table, key, &path, &span)?;
        numbers.push(positive(r, v, &path)?);
    }
    Some(Closing {
        petugas_ppid: numbers[0],
        ppid_utama: numbers[1],
        atasan_ppid: numbers[2],
        publikasi: numbers[3],
    })
}

/// The closing steps must exist and follow the order of the sign-offs.
fn check_closing(r: &mut Reader, sop: &Sop, span: Span) -> bool {
    let c = sop.closing;
    let named = [
        ("petugas_ppid", c.petugas_ppid),
        ("ppid_utama", c.ppid_utama),
        ("atasan_ppid", c.atasan_ppid),
        ("publikasi", c.publikasi),
    ];
    for (role, no) in named {
        if sop.step(no).is_none() {
            r.error(
                Code::SopConfig,
                span,
                format!("`sop.penutup.{role}` menunjuk langkah {no}, yang tidak ada di SOP"),
            );
            return false;
        }
    }
    if !(c.petugas_ppid <= c.ppid_utama
        && c.ppid_utama <= c.atasan_ppid
        && c.atasan_ppid < c.publikasi)
    {
        r.error(
            Code::SopConfig,
            span,
            "langkah penutup harus berurutan: petugas_ppid ≤ ppid_utama ≤ atasan_ppid < publikasi",
        );
        return false;
    }
    true
}

fn sop_steps(r: &mut Reader, v: &Value) -> Option<Vec<SopStep>> {
    let items = r.array(v, "sop.langkah")?;
    if items.is_empty() {
        let span = r.span(v);
        r.error(
            Code::EmptyList,
            span,
            "`sop.langkah` harus berisi sekurang-kurangnya satu langkah",
        );
        return None;
    }
    let mut steps: Vec<SopStep> = Vec::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let path = format!("sop.langkah[{}]", i + 1);
        let span = r.span(item);
        let Some(t) = r.table(item, &path) else {
            ok = false;
            continue;
        };
        r.reject_unknown(t, STEP_KEYS, format_args!("di {path}"));
        let get_text = |r: &mut Reader, key: &str, required: bool| -> Option<String> {
            let p = format!("{path}.{key}");
            match t.get(key) {
                Some(v) => r.text(v, &p).map(|s| s.value),
                None if required => {
                    r.required(t, key, &p, &span);
                    None
                }
                None => Some(String::new()),
            }
        };
        let kegiatan = get_text(r, "kegiatan", true);
        let pelaksana = get_text(r, "pelaksana", true);
        let kelengkapan = get_text(r, "kelengkapan", false);
        let output = get_text(r, "output", false);
        let no = r
            .required(t, "no", format_args!("{path}.no"), &span)
            .and_then(|v| positive(r, v, &format!("{path}.no")).map(|n| (n, r.span(v))));
        let minutes = r
            .required(
                t,
                "mutu_baku_menit",
                format_args!("{path}.mutu_baku_menit"),
                &span,
            )
            .and_then(|v| positive(r, v, &format!("{path}.mutu_baku_menit")));
        match (no, kegiatan, pelaksana, minutes, kelengkapan, output) {
            (
                Some((no, no_span)),
                Some(kegiatan),
                Some(pelaksana),
                Some(m),
                Some(kelengkapan),
                Some(output),
            ) => {
                if steps.iter().any(|s| s.no == no) {
                    ok = false;
                    r.error(
                        Code::SopConfig,
                        no_span,
                        format!("langkah {no} ditulis lebih dari sekali di sop.langkah"),
                    );
                }
                steps.push(SopStep {
                    no,
                    kegiatan,
                    pelaksana,
                    mutu_baku_menit: m,
                    kelengkapan,
                    output,
                });
            }
            _ => ok = false,
        }
    }
    steps.sort_by_key(|s| s.no);
    ok.then_some(steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> (Option<Config>, Vec<Diagnostic>) {
        let source = SourceText::new(FILE_NAME, text);
        let mut d = Vec::new();
        let c = parse(&source, &mut d);
        (c, d)
    }

    #[test]
    fn an_empty_file_gives_the_defaults() {
        let (c, d) = parse_text("");
        // The defaults give no way to contact the PPID: W0508, at the start of the file.
        let codes: Vec<String> = d.iter().map(Diagnostic::code_id).collect();
        assert_eq!(codes, ["W0508"]);
        assert_eq!((d[0].line, d[0].column), (Some(1), Some(1)));
        let c = c.unwrap();
        assert_eq!(c.zone, Zone::Wita);
        assert_eq!(c.outputs.publik, "public");
        assert_eq!(c.sop.steps.len(), 8);
    }

    #[test]
    fn reads_every_documented_key() {
        let (c, d) = parse_text(
            r#"
judul = "DIK"
badan_publik = "Pemerintah Kabupaten Contoh"
ppid = "PPID Kabupaten Contoh"
base_url = "https://ppid.example.go.id/dik"
zona_waktu = "Asia/Jayapura"
tempat = "Contoh"
tema = "default"
[kontak]
telepon = "(0552) 21000"
[keluaran]
publik = "situs/publik"
internal = "situs/internal"
arsip = "arsip"
[sop]
melebihi_mutu_baku = "galat"
penutup = { petugas_ppid = 5, ppid_utama = 6, atasan_ppid = 7, publikasi = 8 }
"#,
        );
        assert!(d.is_empty(), "{d:?}");
        let c = c.unwrap();
        assert_eq!(
            c.base_url.as_deref(),
            Some("https://ppid.example.go.id/dik/")
        );
        assert_eq!(c.zone, Zone::Wit);
        assert_eq!(c.outputs.publik, "situs/publik");
        assert_eq!(c.sop.over_standard, Severity::Error);
    }

    #[test]
    fn reports_unknown_keys_with_a_suggestion_and_bad_values() {
        let (c, d) = parse_text("judull = \"x\"\nzona_waktu = \"Asia/Pontianak\"\n");
        assert!(c.is_none());
        let codes: Vec<_> = d.iter().map(|d| d.code_id()).collect();
        assert_eq!(codes, ["E0102", "E0502"]);
        assert_eq!(d[0].hint.as_deref(), Some("mungkin maksudnya `judul`?"));
        assert_eq!((d[1].line, d[1].column), (Some(2), Some(14)));
    }

    #[test]
    fn rejects_output_folders_that_escape_or_overlap() {
        let (_, d) = parse_text("[keluaran]\npublik = \"../www\"\n");
        assert_eq!(d[0].code_id(), "E0504");
        let (_, d) = parse_text("[keluaran]\npublik = \"out\"\ninternal = \"out/internal\"\n");
        assert_eq!(d[0].code_id(), "E0504");
        assert_eq!(
            d[0].message,
            "folder keluaran `out/internal` bertumpuk dengan `out`"
        );
        let (_, d) = parse_text("[keluaran]\narsip = \"content\"\n");
        assert_eq!(d[0].code_id(), "E0504");
    }

    #[test]
    fn a_custom_sop_needs_its_closing_steps() {
        let (c, d) = parse_text(
            r#"
[sop]
nomor = "1/SOP/2024"
nama = "Contoh"
[[sop.langkah]]
no = 1
kegiatan = "Menyusun"
pelaksana = "Petugas PPID"
mutu_baku_menit = 30
"#,
        );
        assert!(c.is_none());
        assert_eq!(
            d[0].message,
            "`sop.penutup.petugas_ppid` menunjuk langkah 5, yang tidak ada di SOP"
        );
    }
}
