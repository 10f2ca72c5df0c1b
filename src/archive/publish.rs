//! `daftar publish`: a strict build, then one new bag holding exactly what was
//! published. The bag and the output folders are written by the site's writer
//! (`write`): staged completely, then the bag moved into the archive before the
//! outputs that show it are swapped in.

use std::path::Path;

use chrono::{DateTime, FixedOffset};

use super::bag::{self, StagedBag, Stats};
use super::history::diff;
use super::{RecordEntry, STAGING_PREFIX, VERSION_FILE, VersionInfo, version_name};
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity};
use crate::render::{self, Files, sink::DiskSink, theme::Theme};
use crate::site::Site;
use crate::source::sha256_hex;
use crate::view::VERSION;
use crate::write::{self, Kind, Move, SiteWriter};

pub struct Request<'a> {
    pub catatan: Option<&'a str>,
    /// Publish even when nothing changed.
    pub force: bool,
    /// The moment of publication, in the site's zone (recorded, never rendered into
    /// the register's own dates).
    pub now: DateTime<FixedOffset>,
}

#[derive(Debug)]
pub enum Outcome {
    /// Same sources, same daftar, same status of every record as the last version.
    NoChange { last: String },
    Published {
        versi: String,
        tagmanifest_sha256: String,
        stats: Stats,
    },
}

pub fn agent() -> String {
    format!("daftar {VERSION}")
}

/// The records of a build as a version lists them.
pub fn entries(site: &Site) -> Vec<RecordEntry> {
    site.records
        .iter()
        .map(|r| RecordEntry {
            nomor: r.nomor.clone(),
            judul: r.judul.clone(),
            berkas: r.path.clone(),
            sha256: r.sha256.clone(),
            status: r.status.key().to_string(),
        })
        .collect()
}

/// Removes the leftovers of publishes interrupted under daftar before 0.2 (which staged
/// bags in the archive folder); each removal is reported.
fn clean_leftovers(archive: &Path, archive_rel: &str) -> Result<Vec<Diagnostic>, Diagnostic> {
    let mut reported = Vec::new();
    let entries = std::fs::read_dir(archive).map_err(|e| write::write_error(archive, &e))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with(STAGING_PREFIX) {
            continue;
        }
        write::remove_tree(&entry.path()).map_err(|e| write::write_error(&entry.path(), &e))?;
        reported.push(Diagnostic::new(
            Severity::Warning,
            Code::PublishLeftover,
            &format!("{archive_rel}/{name}"),
            format!("sisa publikasi yang terputus dihapus: {archive_rel}/{name}"),
        ));
    }
    Ok(reported)
}

/// Publishes the site as a new version. Returns the outcome and warnings (leftovers
/// cleaned up); any error leaves everything as it was.
pub fn publish(
    writer: &SiteWriter,
    site: &Site,
    theme: &Theme,
    notices: &[Diagnostic],
    history: &[VersionInfo],
    sources: &Files,
    request: &Request,
) -> Result<(Outcome, Vec<Diagnostic>), Diagnostic> {
    let archive_rel = &site.config.outputs.arsip;
    let archive = site.output_dir(archive_rel);
    std::fs::create_dir_all(&archive).map_err(|e| write::write_error(&archive, &e))?;
    let warnings = clean_leftovers(&archive, archive_rel)?;

    let records = entries(site);
    let sumber: std::collections::BTreeMap<String, String> = sources
        .iter()
        .map(|(path, bytes)| (path.clone(), sha256_hex(bytes)))
        .collect();
    let last = history.last();
    if let Some(last) = last
        && !request.force
        && last.perangkat == agent()
        && last.sumber == sumber
        && last.daftar == records
    {
        return Ok((
            Outcome::NoChange {
                last: last.versi.clone(),
            },
            warnings,
        ));
    }

    // No wrap-around: the archive refused a forged number before (verify), and cannot
    // hold more versions than a u32 counts.
    let number = last
        .map_or(Some(1), |l| l.nomor.checked_add(1))
        .unwrap_or(u32::MAX);
    let versi = version_name(number);
    let (ditambah, dihapus, diubah) = diff(last.map(|l| l.daftar.as_slice()), &records);
    let info = VersionInfo {
        versi: versi.clone(),
        nomor: number,
        tanggal: site.build_date.to_string(),
        diterbitkan: request
            .now
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        catatan: request.catatan.map(str::to_string),
        perangkat: agent(),
        sebelumnya: last.map(|l| l.versi.clone()),
        sumber,
        daftar: records,
        ditambah,
        dihapus,
        diubah,
        sidik: None,
    };
    // The published site shows its own version in the change history.
    let mut with_new = history.to_vec();
    with_new.push(info.clone());
    let out = render::render(site, theme, notices, &with_new)?;

    let mut payload = Files::new();
    for (prefix, files) in [
        ("public", &out.public),
        ("internal", &out.internal),
        ("source", sources),
    ] {
        for (path, bytes) in files {
            payload.insert(format!("{prefix}/{path}"), bytes.clone());
        }
    }
    let previous_bag = last.map(|l| archive.join(&l.versi));
    let previous_tagmanifest = match &previous_bag {
        Some(bag) => {
            let path = bag.join(bag::TAGMANIFEST);
            let bytes = std::fs::read(&path).map_err(|e| {
                Diagnostic::new(
                    Severity::Error,
                    Code::BagInvalid,
                    &format!(
                        "{archive_rel}/{}/{}",
                        last.map_or("", |l| &l.versi),
                        bag::TAGMANIFEST
                    ),
                    format!(
                        "versi sebelumnya tidak dapat dibaca: {}",
                        crate::os_error::reason(&e)
                    ),
                )
                .with_hint("jalankan `daftar verify`; versi baru hanya dirantai ke versi yang utuh")
            })?;
            Some(sha256_hex(&bytes))
        }
        None => None,
    };
    let mut fields: Vec<(&str, String)> = vec![
        ("Source-Organization", site.config.badan_publik.clone()),
        ("Bagging-Date", request.now.date_naive().to_string()),
        ("Bag-Software-Agent", agent()),
        ("External-Identifier", versi.clone()),
    ];
    if let Some(note) = request.catatan {
        fields.push(("External-Description", note.to_string()));
    }
    fields.push(("Daftar-Build-Date", site.build_date.to_string()));
    fields.push((
        "Daftar-Published-At",
        request
            .now
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
    ));
    fields.push(("Daftar-Record-Count", info.daftar.len().to_string()));
    if let (Some(prev), Some(hash)) = (last, previous_tagmanifest) {
        fields.push(("Daftar-Previous-Version", prev.versi.clone()));
        fields.push(("Daftar-Previous-Tagmanifest-Sha256", hash));
    }
    let info_json = serde_json::to_vec_pretty(&info).expect("version record serialises");

    let staged_bag: StagedBag = bag::stage(
        &writer.staging(&versi)?,
        &payload,
        &[(VERSION_FILE, info_json)],
        &fields,
        previous_bag.as_deref(),
    )?;
    // The bag's copy of the site cannot show the bag's own sidik (the sidik covers it);
    // the deployed site can, now that it is known: only the history page differs.
    if let Some(newest) = with_new.last_mut() {
        newest.sidik = Some(staged_bag.tagmanifest_sha256.clone());
    }
    let deployed = render::Input {
        site,
        theme,
        notices,
        history: &with_new,
    };
    render::render_site(&deployed, None, &DiskSink::staging(writer)?)?;
    // The version first: no output may show a version the archive does not have.
    let mut moves = vec![Move {
        dari: versi.clone(),
        ke: format!("{archive_rel}/{versi}"),
        jenis: Kind::Tempatkan,
    }];
    moves.extend(write::output_moves(&site.config.outputs));
    writer.commit(moves)?;
    Ok((
        Outcome::Published {
            versi,
            tagmanifest_sha256: staged_bag.tagmanifest_sha256.clone(),
            stats: staged_bag.stats,
        },
        warnings,
    ))
}
