//! The command line: arguments and the commands (results and exit codes: `ui.rs`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::archive::{self, VersionInfo, history};
use crate::code::Code;
use crate::config::{self, CONTENT_DIR};
use crate::diagnostic::{Diagnostic, Severity, Tally};
use crate::print;
use crate::record::Status;
use crate::render;
use crate::render::theme::{self, Theme};
use crate::scaffold;
use crate::site::{self, DateSource, Report, Site};
use crate::ui::{Exit, Format, Ui};
use crate::view::count_status;
use crate::write::{self, SiteWriter};

#[derive(Debug, Parser)]
#[command(
    name = "daftar",
    version,
    about = "Menerbitkan Daftar Informasi Publik yang Dikecualikan (UU 14/2008) sebagai situs statis",
    long_about = "Menerbitkan Daftar Informasi Publik yang Dikecualikan (UU 14/2008) sebagai situs statis.\n\nSetiap catatan adalah berkas Markdown di content/ dengan data TOML di antara dua baris +++. daftar memeriksa tiga pengesahan dan waktu langkah SOP, lalu membangun situs publik dan indeks arsip internal.\n\nKode keluar: 0 berhasil (peringatan boleh), 1 isi catatan tidak sah, 2 kesalahan pemakaian, konfigurasi, templat, atau baca/tulis."
)]
pub struct Cli {
    /// Folder situs (berisi daftar.toml); bawaan: folder kerja.
    #[arg(long, global = true, value_name = "FOLDER")]
    pub root: Option<PathBuf>,
    /// Tanggal pembangunan (bawaan: SOURCE_DATE_EPOCH, atau hari ini di zona waktu situs).
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub tanggal: Option<NaiveDate>,
    /// Bentuk diagnostik: human (bawaan, untuk dibaca orang) atau json (satu dokumen JSON di stdout, untuk program lain).
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "human",
        value_name = "BENTUK"
    )]
    pub format: Format,
    /// Hanya tampilkan galat.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Tampilkan setiap peringatan (bawaan: paling banyak tiga per kode, lalu jumlahnya).
    #[arg(long, global = true)]
    pub rinci: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Membuat situs baru: daftar.toml, content/ dengan satu contoh catatan, keputusan/ dengan contoh keputusannya, .gitignore.
    Init {
        /// Folder situs baru (bawaan: folder kerja).
        #[arg(value_name = "FOLDER")]
        dir: Option<PathBuf>,
    },
    /// Menulis kerangka catatan baru di content/, siap diisi.
    New {
        /// Judul informasi yang dikecualikan.
        #[arg(long, value_name = "JUDUL")]
        judul: Option<String>,
        /// Nomor catatan (bawaan: nomor berikutnya, DIK-TAHUN-NNN).
        #[arg(long, value_name = "NOMOR")]
        nomor: Option<String>,
    },
    /// Memeriksa semua catatan dan menampilkan semua temuan; tidak menulis apa pun.
    Check,
    /// Memeriksa, lalu membangun situs publik dan indeks arsip internal.
    Build {
        /// Terus mengawasi sumber dan membangun ulang setiap kali berubah (sama dengan `daftar watch`).
        #[arg(long)]
        watch: bool,
    },
    /// Pratinjau: membangun, menyajikan situs di 127.0.0.1, membangun ulang dan memuat ulang peramban setiap kali sumber berubah.
    Serve {
        /// Port pertama yang dicoba, bawaan 8000 (bila terpakai, port berikutnya).
        #[arg(long, default_value_t = 8000, value_name = "PORT", value_parser = parse_port)]
        port: u16,
        /// Alamat yang didengarkan, bawaan 127.0.0.1; selain loopback, indeks internal ikut terbuka bagi jaringan.
        #[arg(long, default_value = "127.0.0.1", value_name = "ALAMAT", value_parser = parse_address)]
        bind: std::net::IpAddr,
    },
    /// Membangun ulang dan menulis keluaran setiap kali sumber berubah, tanpa server.
    Watch,
    /// Membangun dengan ketat, lalu menyimpan versi ini sebagai arsip BagIt di archive/.
    Publish {
        /// Catatan versi ini (disimpan di arsip sebagai External-Description).
        #[arg(long, value_name = "TEKS")]
        catatan: Option<String>,
        /// Terbitkan versi baru walaupun tidak ada perubahan sejak versi terakhir.
        #[arg(long)]
        paksa: bool,
    },
    /// Memeriksa ulang setiap versi di arsip: sidik setiap berkas dan rantai versi.
    Verify {
        /// Sidik (SHA-256 tagmanifest-sha256.txt) sebuah versi yang dicatat di luar arsip (berita acara, halaman riwayat situs publik, arsip web), sebagai VERSI=SIDIK atau SIDIK saja; boleh diulang.
        #[arg(long, value_name = "VERSI=SIDIK", value_parser = parse_anchor)]
        sidik: Vec<archive::verify::Anchor>,
    },
}

fn parse_anchor(s: &str) -> Result<archive::verify::Anchor, String> {
    archive::verify::Anchor::parse(s).ok_or_else(|| {
        format!("`{s}` bukan sidik: tulis nomor versi, tanda =, lalu 64 angka heksadesimal SHA-256 (misalnya v0003=9f86d081…), atau sidiknya saja")
    })
}

fn parse_port(s: &str) -> Result<u16, String> {
    s.parse()
        .map_err(|_| format!("`{s}` bukan nomor port: tulis bilangan 0–65535, misalnya 8000"))
}

fn parse_address(s: &str) -> Result<std::net::IpAddr, String> {
    s.parse().map_err(|_| {
        format!("`{s}` bukan alamat IP: misalnya 127.0.0.1, atau 0.0.0.0 untuk jaringan")
    })
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("`{s}` bukan tanggal YYYY-MM-DD yang sah"))
}

pub fn run() -> ExitCode {
    let command = crate::usage::indonesian(Cli::command());
    let parsed = command
        .clone()
        .try_get_matches_from(crate::usage::help_word_as_flag(
            std::env::args_os().collect(),
        ))
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let text = crate::usage::message(&e, &command);
            // As every output: a closed pipe (`daftar --help | head`) is not a failure.
            let _ = if e.use_stderr() {
                std::io::stderr().write_all(text.as_bytes())
            } else {
                std::io::stdout().write_all(text.as_bytes())
            };
            return if e.use_stderr() {
                ExitCode::from(Exit::Setup as u8)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let ui = Ui::new(cli.format, cli.quiet, cli.rinci);
    let root = cli.root.clone().unwrap_or_else(|| PathBuf::from("."));
    let dates = DateSource::from_env(cli.tanggal);
    // A build date that no edit can mend ends the preview before it starts (the zone of
    // the site matters only at the very ends of the range).
    let lasting = matches!(
        cli.command,
        Command::Serve { .. } | Command::Watch | Command::Build { watch: true }
    );
    if lasting && let Err(d) = dates.resolve(&crate::config::Config::default()) {
        return ExitCode::from(setup_error(&ui, d) as u8);
    }
    let exit = match &cli.command {
        Command::Check => check(&root, &dates, &ui),
        Command::Build { watch: false } => build(&root, &dates, &ui),
        Command::Build { watch: true } | Command::Watch => {
            crate::serve::watch_and_write(&root, cli.tanggal, &ui)
        }
        Command::Serve { port, bind } => crate::serve::serve(&root, cli.tanggal, *port, *bind, &ui),
        Command::Publish { catatan, paksa } => {
            publish(&root, &dates, catatan.as_deref(), *paksa, &ui)
        }
        Command::Verify { sidik } => verify(&root, sidik, &ui),
        Command::Init { dir } => init(&dir.clone().unwrap_or(root), &ui),
        Command::New { judul, nomor } => {
            new(&root, &dates, judul.as_deref(), nomor.as_deref(), &ui)
        }
    };
    exit.into()
}

/// The exit code for a report: setup problems first, then invalid content.
fn exit_for(report: &Report) -> Exit {
    if report.has_setup_errors() {
        Exit::Setup
    } else if report.has_errors() {
        Exit::Invalid
    } else {
        Exit::Ok
    }
}

fn records_summary(site: &Site) -> String {
    let opened = count_status(&site.records, Status::Dibuka);
    format!(
        "{} catatan sah ({} berlaku, {} berakhir{})",
        site.records.len(),
        count_status(&site.records, Status::Berlaku),
        count_status(&site.records, Status::Berakhir),
        if opened > 0 {
            format!(", {opened} dibuka")
        } else {
            String::new()
        }
    )
}

/// Loads the site and its theme: everything `check` validates and `build` needs.
fn load(root: &Path, dates: &DateSource) -> (Option<(Site, Theme)>, Report) {
    let (loaded, mut report) =
        site::load_beside(root, dates, |config| theme::load(root, &config.tema));
    match loaded {
        Some((site, Ok(theme))) => (Some((site, theme)), report),
        Some((_, Err(e))) => {
            e.report_into(&mut report);
            (None, report)
        }
        None => (None, report),
    }
}

pub fn check(root: &Path, dates: &DateSource, ui: &Ui) -> Exit {
    let notes = write::recover_if_idle(root);
    let (loaded, mut report) = load(root, dates);
    report.diagnostics.splice(0..0, notes);
    ui.report(&report);
    let exit = exit_for(&report);
    let tally = print::tally(Tally::of(&report.diagnostics));
    match (&loaded, exit) {
        (Some((site, _)), Exit::Ok) => ui.status(&format!(
            "Pemeriksaan selesai: {}; {tally}.",
            records_summary(site)
        )),
        (Some((site, _)), _) => ui.status(&format!(
            "Pemeriksaan menemukan masalah di {} dari {} berkas catatan; {tally}.",
            site.files - site.records.len(),
            site.files
        )),
        (None, _) => ui.status(&format!("Pemeriksaan dihentikan; {tally}.")),
    }
    leave_to_exit(loaded);
    exit
}

/// The process ends when a command returns: its memory goes back to the system at once,
/// which is quicker than freeing ten thousand records piece by piece.
fn leave_to_exit<T>(value: T) {
    std::mem::forget(value);
}

const PUBLISH: &str = "daftar publish";

/// Takes the site's lock for a command that writes, finishing or rolling back an
/// interrupted write first; the writer is `None` when `root` holds no site.
fn open_writer(
    root: &Path,
    command: &str,
    ui: &Ui,
) -> Result<(Option<SiteWriter>, Vec<Diagnostic>), Diagnostic> {
    let waiting = |holder: &write::Holder| {
        ui.status(&format!(
            "Menunggu {} selesai menulis situs ini…",
            holder.describe()
        ))
    };
    Ok(match SiteWriter::open(root, command, waiting)? {
        Some((writer, notes)) => (Some(writer), notes),
        None => (None, Vec::new()),
    })
}

/// The site and its writer: what `build` and `publish` start from. An interrupted
/// write is dealt with first; the lock is taken only for a site that can be written
/// (a refused build leaves nothing behind, not even `.daftar/`).
fn load_for_writing(
    root: &Path,
    dates: &DateSource,
    command: &str,
    ui: &Ui,
) -> (Option<(SiteWriter, Site, Theme)>, Report) {
    let notes = write::recover_if_idle(root);
    let (loaded, mut report) = load(root, dates);
    report.diagnostics.splice(0..0, notes);
    // The example `init` writes may be built and previewed, never published.
    if command == PUBLISH {
        for d in &mut report.diagnostics {
            if d.code == Code::ExampleRecord {
                d.severity = Severity::Error;
            }
        }
    }
    let Some((site, theme)) = loaded.filter(|_| exit_for(&report) == Exit::Ok) else {
        return (None, report);
    };
    match open_writer(root, command, ui) {
        Ok((Some(writer), notes)) => {
            report.diagnostics.extend(notes);
            let o = &site.config.outputs;
            report
                .diagnostics
                .extend(write::remove_old_staging(root, &[&o.publik, &o.internal]));
            (Some((writer, site, theme)), report)
        }
        Ok((None, _)) => (None, report),
        Err(d) => {
            report.push(d);
            (None, report)
        }
    }
}

pub fn build(root: &Path, dates: &DateSource, ui: &Ui) -> Exit {
    let (loaded, mut report) = load_for_writing(root, dates, "daftar build", ui);
    let refused = |ui: &Ui, report: &Report| {
        ui.report(report);
        ui.status(&format!(
            "Pembangunan dibatalkan: {}. Keluaran sebelumnya tidak diubah.",
            print::tally(Tally::of(&report.diagnostics))
        ));
    };
    let exit = exit_for(&report);
    let Some((writer, site, theme)) = loaded.filter(|_| exit == Exit::Ok) else {
        refused(ui, &report);
        return exit;
    };
    let progress = crate::progress::Progress::start(ui.shows_progress());
    let history = load_history(&site, &mut report);
    let written = build_to_disk(&writer, &site, &theme, &report.diagnostics, &history);
    drop(progress);
    let exit = match written {
        Ok((public_files, internal_files)) => {
            ui.report(&report);
            let o = &site.config.outputs;
            ui.status(&format!(
                "Situs dibangun untuk {}: {}; {}.\n  publik:   {}/ ({public_files} berkas)\n  internal: {}/ ({internal_files} berkas, jangan diunggah ke publik)",
                crate::locale::date(site.build_date),
                records_summary(&site),
                print::tally(Tally::of(&report.diagnostics)),
                o.publik,
                o.internal,
            ));
            Exit::Ok
        }
        Err(d) => {
            report.push(d);
            refused(ui, &report);
            Exit::Setup
        }
    };
    leave_to_exit((site, theme, history));
    drop(writer);
    exit
}

/// Renders straight into the writer's staging folders, then swaps them in.
fn build_to_disk(
    writer: &SiteWriter,
    site: &Site,
    theme: &Theme,
    notices: &[Diagnostic],
    history: &[VersionInfo],
) -> Result<(usize, usize), Diagnostic> {
    let sink = render::sink::DiskSink::staging(writer)?;
    let input = render::Input {
        site,
        theme,
        notices,
        history,
    };
    render::render_site(&input, None, &sink)?;
    writer.commit(write::output_moves(&site.config.outputs))?;
    Ok(sink.counts())
}

/// The published versions, for the change history; unreadable ones become warnings.
fn load_history(site: &Site, report: &mut Report) -> Vec<VersionInfo> {
    let rel = &site.config.outputs.arsip;
    let (versions, warnings) = history::load(&site.output_dir(rel), rel);
    report.diagnostics.extend(warnings);
    versions
}

pub fn publish(
    root: &Path,
    dates: &DateSource,
    catatan: Option<&str>,
    force: bool,
    ui: &Ui,
) -> Exit {
    let (loaded, mut report) = load_for_writing(root, dates, PUBLISH, ui);
    let refused = |ui: &Ui, report: &Report| {
        ui.report(report);
        ui.status(&format!(
            "Penerbitan dibatalkan: {}. Situs dan arsip tidak diubah.",
            print::tally(Tally::of(&report.diagnostics))
        ));
    };
    let exit = exit_for(&report);
    let Some((writer, site, theme)) = loaded.filter(|_| exit == Exit::Ok) else {
        refused(ui, &report);
        return exit;
    };
    // Shown while the archive is checked, the site rendered and the version written.
    let progress = crate::progress::Progress::start(ui.shows_progress());
    // A new version is chained only to an archive that is intact.
    let rel = site.config.outputs.arsip.clone();
    let archive_dir = site.output_dir(&rel);
    // An archive that is not a folder is a place that cannot be written (reported when
    // the bag is written, exit 2), not a damaged archive.
    let not_a_folder = archive_dir.exists() && !archive_dir.is_dir();
    let checked = archive::verify::verify(&archive_dir, &rel);
    if !not_a_folder && checked.diagnostics.iter().any(Diagnostic::is_error) {
        drop(progress);
        report.diagnostics.extend(checked.diagnostics);
        ui.report(&report);
        ui.status(&format!(
            "Penerbitan dibatalkan: arsip {rel}/ rusak ({}). Situs dan arsip tidak diubah; periksa dengan `daftar verify`.",
            print::tally(Tally::of(&report.diagnostics))
        ));
        return Exit::Invalid;
    }
    let history = load_history(&site, &mut report);
    let sources = match crate::source::site_sources(
        root,
        site.config
            .logo
            .as_ref()
            .map(|l| (l.berkas.as_str(), l.bytes.as_slice())),
    ) {
        Ok(s) => s,
        Err(d) => {
            drop(progress);
            report.push(d);
            refused(ui, &report);
            return Exit::Setup;
        }
    };
    let request = archive::publish::Request {
        catatan,
        force,
        now: dates.now_in(&site.config),
    };
    let published = archive::publish::publish(
        &writer,
        &site,
        &theme,
        &report.diagnostics,
        &history,
        &sources,
        &request,
    );
    drop(progress);
    match published {
        Ok((outcome, warnings)) => {
            report.diagnostics.extend(warnings);
            ui.report(&report);
            match outcome {
                archive::publish::Outcome::NoChange { last } => ui.status(&format!(
                    "Tidak ada perubahan sejak versi {last}: sumber, versi daftar, dan status setiap catatan sama. Tidak ada versi baru (pakai --paksa untuk tetap menerbitkan)."
                )),
                archive::publish::Outcome::Published {
                    versi,
                    tagmanifest_sha256,
                    stats,
                } => {
                    let info = archive::read_info(&archive_dir.join(&versi)).ok();
                    let changes = info.map_or(String::new(), |i| {
                        format!(
                            "; {} ditambah, {} dihapus, {} diubah",
                            i.ditambah.len(),
                            i.dihapus.len(),
                            i.diubah.len()
                        )
                    });
                    ui.status(&format!(
                        "Versi {versi} diterbitkan: {}{changes}.\n  arsip:    {rel}/{versi}/ ({} berkas; {} ditulis, {} tautan keras ke versi sebelumnya; {} KB baru)\n  publik:   {}/\n  internal: {}/\nSidik versi ini (SHA-256 {}): {tagmanifest_sha256}\nCatat sidik itu di luar arsip (misalnya dalam berita acara): dengan `daftar verify --sidik {versi}=SIDIK` versi terbaru pun dapat dibuktikan utuh.",
                        records_summary(&site),
                        stats.files,
                        stats.files - stats.linked,
                        stats.linked,
                        stats.bytes_written.div_ceil(1024),
                        site.config.outputs.publik,
                        site.config.outputs.internal,
                        archive::bag::TAGMANIFEST,
                    ));
                }
            }
            Exit::Ok
        }
        Err(d) => {
            report.push(d);
            refused(ui, &report);
            Exit::Setup
        }
    }
}

pub fn verify(root: &Path, anchors: &[archive::verify::Anchor], ui: &Ui) -> Exit {
    let (config, diagnostics, source) = config::load(root);
    let Some(config) = config else {
        let mut report = Report {
            diagnostics,
            ..Report::default()
        };
        if let Some(s) = source {
            report
                .sources
                .insert(s.path.clone(), std::sync::Arc::new(s));
        }
        ui.report(&report);
        return Exit::Setup;
    };
    let rel = &config.outputs.arsip;
    let dir = root.join(rel);
    let mut diagnostics = write::recover_if_idle(root);
    let checked = archive::verify::verify(&dir, rel);
    diagnostics.extend(checked.diagnostics.iter().cloned());
    let anchored = archive::verify::check_anchors(&checked, anchors, rel);
    diagnostics.extend(anchored.diagnostics);
    let report = Report {
        diagnostics,
        ..Report::default()
    };
    ui.report(&report);
    let errors = Tally::of(&report.diagnostics).errors;
    if checked.versions == 0 && errors == 0 {
        ui.status(&format!(
            "Arsip {rel}/ belum berisi versi; belum ada yang diterbitkan."
        ));
        return Exit::Ok;
    }
    if errors > 0 {
        ui.status(&format!(
            "Arsip {rel}/ rusak: {errors} masalah pada {} versi. Lihat rincian di atas.",
            checked.versions
        ));
        Exit::Invalid
    } else {
        ui.status(&format!(
            "Arsip {rel}/ utuh: {} versi, {} berkas diperiksa, rantai versi tersambung.\n{}",
            checked.versions, checked.files, anchored.summary
        ));
        Exit::Ok
    }
}

fn setup_error(ui: &Ui, d: Diagnostic) -> Exit {
    let report = Report {
        diagnostics: vec![d],
        ..Report::default()
    };
    ui.report(&report);
    Exit::Setup
}

fn io_diagnostic(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        Code::Write,
        "",
        format!(
            "gagal menulis {}: {}",
            path.display(),
            crate::os_error::reason(e)
        ),
    )
}

pub fn init(dir: &Path, ui: &Ui) -> Exit {
    if dir.join(config::FILE_NAME).exists() {
        return setup_error(
            ui,
            Diagnostic::new(
                Severity::Error,
                Code::SiteExists,
                config::FILE_NAME,
                format!(
                    "{} sudah berisi situs daftar (ada daftar.toml)",
                    dir.display()
                ),
            )
            .with_hint("tidak ada yang ditimpa; pilih folder lain untuk situs baru"),
        );
    }
    let files = [
        (PathBuf::from(config::FILE_NAME), scaffold::CONFIG),
        (
            Path::new(CONTENT_DIR).join("contoh.md"),
            scaffold::EXAMPLE_RECORD,
        ),
        (
            Path::new(crate::config::DECISIONS_DIR).join("contoh.md"),
            scaffold::EXAMPLE_DECISION,
        ),
        (PathBuf::from(".gitignore"), scaffold::GITIGNORE),
    ];
    for (rel, _) in &files[1..] {
        if dir.join(rel).exists() {
            return setup_error(
                ui,
                Diagnostic::new(
                    Severity::Error,
                    Code::SiteExists,
                    &rel.to_string_lossy(),
                    format!(
                        "{} sudah ada; tidak ada yang ditimpa",
                        dir.join(rel).display()
                    ),
                ),
            );
        }
    }
    for (rel, text) in &files {
        let path = dir.join(rel);
        let result = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|_| std::fs::write(&path, text));
        if let Err(e) = result {
            return setup_error(ui, io_diagnostic(&path, &e));
        }
    }
    if ui.format == Format::Json {
        ui.report(&Report::default());
    }
    ui.status(&format!(
        "Situs baru dibuat di {}: daftar.toml, content/contoh.md, keputusan/contoh.md, .gitignore.\ncontent/contoh.md dan keputusan/contoh.md hanya contoh (pejabat dan NIP rekaan): `daftar check` dan `daftar build` memperingatkannya (W0010), dan `daftar publish` menolak menerbitkan selama keduanya ada. Hapus keduanya setelah catatan pertama Anda selesai.\nIsi juga bagian [kontak] di daftar.toml (alamat, telepon, whatsapp, atau surel PPID): tanpa itu pemohon tidak tahu cara menghubungi PPID (W0508).\nLangkah berikutnya: `daftar build` di folder itu, lalu buka public/index.html.",
        dir.display()
    ));
    Exit::Ok
}

pub fn new(
    root: &Path,
    dates: &DateSource,
    judul: Option<&str>,
    nomor: Option<&str>,
    ui: &Ui,
) -> Exit {
    let notes = write::recover_if_idle(root);
    let (loaded, mut report) = site::load_with_nomors(root, dates);
    report.diagnostics.splice(0..0, notes);
    let Some((site, nomors)) = loaded else {
        ui.report(&report);
        return exit_for(&report);
    };
    let year = chrono::Datelike::year(&site.build_date);
    let used_by = |n: &str| {
        nomors
            .iter()
            .find(|(_, taken)| taken.eq_ignore_ascii_case(n))
            .map(|(file, _)| file.clone())
    };
    let (nomor, pattern) = match nomor {
        Some(n) => {
            // The rule `check` applies, before anything is written.
            if let Some(problem) = crate::record::nomor_problem(n) {
                return setup_error(
                    ui,
                    Diagnostic::new(
                        Severity::Error,
                        Code::NomorFormat,
                        "",
                        if n.is_empty() {
                            format!("--nomor: {problem}")
                        } else {
                            format!("--nomor `{n}`: {problem}")
                        },
                    )
                    .with_hint(crate::record::NOMOR_HINT),
                );
            }
            (n.to_string(), None)
        }
        None => scaffold::next_nomor(nomors.iter().map(|(_, n)| n.as_str()), year),
    };
    if let Some(file) = used_by(&nomor) {
        return setup_error(
            ui,
            Diagnostic::new(
                Severity::Error,
                Code::NomorDuplicate,
                CONTENT_DIR,
                format!("nomor `{nomor}` sudah dipakai oleh {file}"),
            )
            .with_hint(
                "pilih nomor lain, atau jalankan `daftar new` tanpa --nomor untuk nomor berikutnya",
            ),
        );
    }
    let file_name = format!("{}.md", crate::record::slug(&nomor, ""));
    let rel = format!("{CONTENT_DIR}/{file_name}");
    let path = root.join(&rel);
    if path.exists() {
        return setup_error(
            ui,
            Diagnostic::new(
                Severity::Error,
                Code::SiteExists,
                &rel,
                format!("{rel} sudah ada; tidak ada yang ditimpa"),
            )
            .with_hint("pilih nomor lain dengan --nomor"),
        );
    }
    let text = scaffold::skeleton(&nomor, judul.unwrap_or(""), site.build_date, &site.config);
    let written = std::fs::create_dir_all(root.join(CONTENT_DIR)).and_then(|_| {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| f.write_all(text.as_bytes()))
    });
    if let Err(e) = written {
        return setup_error(ui, io_diagnostic(&path, &e));
    }
    // What recovery did is said; the warnings of the site are `check`'s to show.
    let recovered: Vec<Diagnostic> = report
        .diagnostics
        .into_iter()
        .filter(|d| d.code == Code::Interrupted)
        .collect();
    if ui.format == Format::Json || !recovered.is_empty() {
        ui.report(&Report {
            diagnostics: recovered,
            ..Report::default()
        });
    }
    let numbered = pattern.map_or(String::new(), |last| {
        format!("\nNomor {nomor} mengikuti pola nomor terakhir, {last}; sesuaikan bagian lain (misalnya kode unit) bila perlu, atau tentukan sendiri dengan --nomor.")
    });
    ui.status(&format!(
        "Catatan baru: {rel}{numbered}\nIsi setiap kolom yang kosong, waktu setiap langkah SOP, dan ketiga pengesahan, lalu jalankan `daftar check`."
    ));
    Exit::Ok
}
