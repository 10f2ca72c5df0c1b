//! What the templates see. The visibility rule lives here and only here: the public
//! renderer gets [`PublicRecord`]s, which have no field for a NIP, the Petugas PPID,
//! the SOP timing or `catatan_internal`; only [`InternalRecord`] carries those.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use crate::config::Config;
use crate::config::Service;
use crate::decision::Decision;
use crate::diagnostic::{Diagnostic, Severity};
use crate::locale;
use crate::record::{Opening, Pasal, Record, Role, Status, Term, nip, pasal};
use crate::site::Site;
use crate::sop::{Closing, SopHeader, SopStep};

pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Facts about the site shared by every page.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub judul: String,
    pub badan_publik: String,
    pub ppid: String,
    pub tempat: String,
    pub zona: &'static str,
    pub base_url: Option<String>,
    pub kontak: crate::config::Contact,
    pub layanan: Service,
    pub tanggal_pembangunan: String,
    pub tanggal_pembangunan_iso: String,
    pub versi_daftar: &'static str,
    /// Whether the site has decision files (pages then link their list).
    pub ada_keputusan: bool,
    /// The office's logo or coat of arms, if the site names one.
    pub logo: Option<LogoView>,
}

/// The logo as pages show it: its file in `public/` and its text alternative.
#[derive(Debug, Clone, Serialize)]
pub struct LogoView {
    /// `logo.png`, from the site's root.
    pub src: String,
    pub alt: String,
}

/// The path of a site on its host ("/dik/" for `https://ppid.example.go.id/dik/`); "/"
/// without a `base_url`.
pub fn base_path(base_url: Option<&str>) -> String {
    base_url
        .and_then(|u| u.split_once("://"))
        .and_then(|(_, rest)| rest.find('/').map(|i| rest[i..].to_string()))
        .unwrap_or_else(|| "/".to_string())
}

impl SiteView {
    /// The path of the site on its host ("/dik/"), for pages served at any address
    /// (the 404 page); "/" when `base_url` is not set.
    pub fn base_path(&self) -> String {
        base_path(self.base_url.as_deref())
    }

    pub fn new(site: &Site) -> Self {
        let c = &site.config;
        SiteView {
            judul: c.judul.clone(),
            badan_publik: c.badan_publik.clone(),
            ppid: c.ppid.clone(),
            tempat: c.tempat.clone(),
            zona: c.zone.abbreviation(),
            base_url: c.base_url.clone(),
            kontak: c.contact.clone(),
            layanan: c.service.clone(),
            tanggal_pembangunan: locale::date(site.build_date),
            tanggal_pembangunan_iso: site.build_date.to_string(),
            versi_daftar: VERSION,
            ada_keputusan: !site.decisions.is_empty(),
            logo: c.logo.as_ref().map(|l| LogoView {
                src: l.keluaran.clone(),
                alt: l.alt.clone(),
            }),
        }
    }
}

/// When something last changed, and what the change was: the "Terakhir diperbarui" of
/// the pages, apart from the date the status of every term is computed for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UpdatedView {
    pub tanggal: String,
    pub tanggal_iso: String,
    /// The change, as the page names it in brackets: "penetapan terbaru dalam daftar ini".
    pub dasar: String,
}

impl UpdatedView {
    fn new(date: NaiveDate, dasar: String) -> Self {
        UpdatedView {
            tanggal: locale::date(date),
            tanggal_iso: date.to_string(),
            dasar,
        }
    }

    /// The register's last change: the newest act of the PPID in it, a determination (of a
    /// record or by a decision) or an opening. The end of a term is no act (the pages give
    /// the status date apart), nor is publishing a version (its history page lists those):
    /// the date depends on the sources only, so a page changes only when they do. `None`
    /// for an empty register.
    pub fn register(site: &Site) -> Option<Self> {
        let newest = site
            .records
            .iter()
            .map(|r| record_change(r))
            .chain(
                site.decisions
                    .iter()
                    .map(|d| (d.tanggal, Change::Penetapan)),
            )
            .max()?;
        Some(match newest {
            (date, Change::Penetapan) => {
                Self::new(date, "penetapan terbaru dalam daftar ini".into())
            }
            (date, Change::Pembukaan) => {
                Self::new(date, "pembukaan informasi terbaru dalam daftar ini".into())
            }
        })
    }

    /// A record's last change: its determination (or its decision's date), or its opening.
    fn record(r: &Record) -> Self {
        match record_change(r) {
            (date, Change::Penetapan) => Self::new(date, "penetapan informasi ini".into()),
            (date, Change::Pembukaan) => Self::new(date, "pembukaan informasi ini".into()),
        }
    }
}

/// What the PPID did to a record, in the order a later act of the same day wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Change {
    Penetapan,
    Pembukaan,
}

/// The newest act on a record and its date.
fn record_change(r: &Record) -> (NaiveDate, Change) {
    let determined = r
        .keputusan
        .as_ref()
        .map_or(r.ditetapkan, |d| d.tanggal.max(r.ditetapkan));
    match &r.dibuka {
        Some(o) if o.tanggal >= determined => (o.tanggal, Change::Pembukaan),
        _ => (determined, Change::Penetapan),
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct PasalView {
    /// As written in records: `c.6`.
    pub kode: String,
    /// "Pasal 17 huruf c angka 6"
    pub label: String,
    pub huruf: char,
    pub angka: Option<u8>,
    /// The huruf's text in the statute, complete.
    pub alasan: &'static str,
    /// The angka's text in the statute, complete, if an angka is cited.
    pub rincian: Option<&'static str>,
    /// A summary of the angka (or of the huruf without one), for narrow columns; pages
    /// label it as a summary.
    pub ringkasan: &'static str,
}

impl From<&Pasal> for PasalView {
    fn from(p: &Pasal) -> Self {
        PasalView {
            kode: p.to_string(),
            label: p.label(),
            huruf: p.huruf,
            angka: p.angka,
            alasan: pasal::ground(p.huruf),
            rincian: p.angka.and_then(|a| pasal::point(p.huruf, a)),
            ringkasan: pasal::summary(p.huruf, p.angka),
        }
    }
}

/// A named official, as shown publicly: name and position only.
#[derive(Debug, Clone, Serialize)]
pub struct Official {
    pub nama: String,
    pub jabatan: String,
}

/// The approval of the head of the public body, as the decision states it.
#[derive(Debug, Clone, Serialize)]
pub struct ApprovalView {
    pub nama: String,
    pub jabatan: String,
    /// "a.n. Gubernur Kalimantan Utara", if given.
    pub kapasitas: Option<String>,
    /// The capacity as a sentence writes it: "atas nama Gubernur Kalimantan Utara".
    pub kapasitas_kalimat: Option<String>,
    pub tanggal: String,
    pub tanggal_iso: String,
}

/// A decision (Keputusan), as the public may see it: everything but its consequence
/// test's sheet and participants, and its body (rendered for its own page only, not for
/// every record that refers to it).
#[derive(Debug, Clone, Serialize)]
pub struct DecisionView {
    pub slug: String,
    pub nomor: String,
    pub tentang: String,
    pub tanggal: String,
    pub tanggal_iso: String,
    pub tempat: String,
    pub pejabat: Official,
    pub persetujuan: ApprovalView,
}

impl DecisionView {
    pub fn new(d: &Decision) -> Self {
        DecisionView {
            slug: d.slug.clone(),
            nomor: d.nomor.clone(),
            tentang: d.tentang.clone(),
            tanggal: locale::date(d.tanggal),
            tanggal_iso: d.tanggal.to_string(),
            tempat: d.tempat.clone(),
            pejabat: Official {
                nama: d.pejabat.nama.clone(),
                jabatan: d.pejabat.jabatan.clone(),
            },
            persetujuan: ApprovalView {
                nama: d.persetujuan.nama.clone(),
                jabatan: d.persetujuan.jabatan.clone(),
                kapasitas: d.persetujuan.kapasitas.clone(),
                kapasitas_kalimat: d.persetujuan.kapasitas.as_deref().map(in_a_sentence),
                tanggal: locale::date(d.persetujuan.tanggal),
                tanggal_iso: d.persetujuan.tanggal.to_string(),
            },
        }
    }
}

/// A signing capacity as a sentence writes it: the abbreviation "a.n." spelt out.
fn in_a_sentence(kapasitas: &str) -> String {
    match kapasitas.trim().strip_prefix("a.n.") {
        Some(rest) => format!("atas nama {}", rest.trim_start()),
        None => kapasitas.trim().to_string(),
    }
}

/// A text that continues a sentence: its first letter in lower case, unless the first
/// word is written in capitals (an abbreviation such as "KPK").
fn mid_sentence(text: &str) -> String {
    let first_word = text.split_whitespace().next().unwrap_or("");
    let abbreviation = first_word.chars().filter(|c| c.is_alphabetic()).count() > 1
        && first_word.chars().all(|c| !c.is_lowercase());
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if !abbreviation => c.to_lowercase().chain(chars).collect(),
        _ => text.to_string(),
    }
}

/// The statement that the information was opened.
#[derive(Debug, Clone, Serialize)]
pub struct OpeningView {
    pub tanggal: String,
    pub tanggal_iso: String,
    /// As written in the record: `putusan_komisi_informasi`.
    pub dasar_kode: &'static str,
    /// "putusan Komisi Informasi"
    pub dasar: &'static str,
    pub nomor: Option<String>,
    /// Whether the term had already ended when the opening was determined: the
    /// information has been open since the end of the term, not since the opening.
    pub setelah_berakhir: bool,
}

impl OpeningView {
    fn new(o: &Opening, term_end: Option<chrono::NaiveDate>) -> Self {
        OpeningView {
            tanggal: locale::date(o.tanggal),
            tanggal_iso: o.tanggal.to_string(),
            dasar_kode: o.dasar.key(),
            dasar: o.dasar.label(),
            nomor: o.nomor.clone(),
            setelah_berakhir: term_end.is_some_and(|end| end < o.tanggal),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct TermView {
    /// `tahun`, `bulan`, `sampai`, `peristiwa` or `permanen`.
    pub jenis: &'static str,
    /// "5 tahun", "18 bulan", "sampai 31 Desember 2027", the event, or "Permanen".
    pub teks: String,
    /// The last day in force, if the term has a date (for an event term, its latest end).
    pub berlaku_sampai: Option<String>,
    pub berlaku_sampai_iso: Option<String>,
    /// For an event term with a latest end: "paling lama sampai 7 Maret 2055".
    pub paling_lama: Option<String>,
    /// `teks` as it continues a sentence ("Dikecualikan sampai perkara …").
    pub teks_dalam_kalimat: String,
}

impl TermView {
    fn new(r: &Record) -> Self {
        let (jenis, teks) = match &r.jangka_waktu {
            Term::Tahun(n) => ("tahun", format!("{n} tahun")),
            Term::Bulan(n) => ("bulan", format!("{n} bulan")),
            Term::Sampai(d) => ("sampai", format!("sampai dengan {}", locale::date(*d))),
            Term::Peristiwa { teks, .. } => ("peristiwa", teks.clone()),
            Term::Permanen => ("permanen", "Permanen".to_string()),
        };
        TermView {
            jenis,
            teks_dalam_kalimat: mid_sentence(&teks),
            teks,
            berlaku_sampai: r.berlaku_sampai.map(locale::date),
            berlaku_sampai_iso: r.berlaku_sampai.map(|d| d.to_string()),
            paling_lama: match &r.jangka_waktu {
                Term::Peristiwa {
                    paling_lama: Some(d),
                    ..
                } => Some(locale::date(*d)),
                _ => None,
            },
        }
    }
}

/// Everything about a record that the public may see.
#[derive(Debug, Clone, Serialize)]
pub struct PublicRecord {
    pub slug: String,
    pub nomor: String,
    pub judul: String,
    pub unit: String,
    pub pasal: Vec<PasalView>,
    pub dasar_hukum: Vec<String>,
    /// The lines of `dasar_hukum` other than those citing Pasal 17 UU 14/2008, for
    /// tables that list the Pasal 17 references already.
    pub dasar_hukum_lain: Vec<String>,
    pub akibat_dibuka: String,
    pub manfaat_ditutup: String,
    pub jangka_waktu: TermView,
    pub status: &'static str,
    pub ditetapkan: String,
    pub ditetapkan_iso: String,
    pub tempat: String,
    pub nomor_penetapan: Option<String>,
    /// The decision that establishes the record, if the record refers to a decision file.
    pub keputusan: Option<DecisionView>,
    /// How the information was opened, if the record says so.
    pub dibuka: Option<OpeningView>,
    /// The huruf cited, space-separated ("c j"), for the register's filters.
    pub huruf: String,
    /// Lower-case text the register's search looks in: nomor, title, unit, legal basis.
    pub cari: String,
    /// When the record last changed (its determination or its opening).
    pub diperbarui: UpdatedView,
    /// The Markdown body as written; `None` when it is blank.
    pub penjelasan: Option<String>,
    /// The Markdown body as HTML (raw HTML in it escaped); `None` when there is none.
    pub penjelasan_html: Option<String>,
}

impl PublicRecord {
    pub fn new(r: &Record, config: &Config) -> Self {
        PublicRecord {
            slug: r.slug.clone(),
            nomor: r.nomor.clone(),
            judul: r.judul.clone(),
            unit: r.unit.clone(),
            pasal: r.pasal_17.iter().map(PasalView::from).collect(),
            dasar_hukum: r.dasar_hukum.clone(),
            dasar_hukum_lain: r
                .dasar_hukum
                .iter()
                .filter(|l| !crate::record::citation::cites_pasal_17(l))
                .cloned()
                .collect(),
            akibat_dibuka: r.akibat_dibuka.clone(),
            manfaat_ditutup: r.manfaat_ditutup.clone(),
            jangka_waktu: TermView::new(r),
            status: r.status.key(),
            ditetapkan: locale::date(r.ditetapkan),
            ditetapkan_iso: r.ditetapkan.to_string(),
            tempat: r.tempat.clone().unwrap_or_else(|| config.tempat.clone()),
            nomor_penetapan: r.nomor_penetapan.clone(),
            keputusan: r.keputusan.as_deref().map(DecisionView::new),
            dibuka: r
                .dibuka
                .as_ref()
                .map(|o| OpeningView::new(o, r.berlaku_sampai)),
            huruf: {
                let mut h: Vec<String> = r.pasal_17.iter().map(|p| p.huruf.to_string()).collect();
                h.sort();
                h.dedup();
                h.join(" ")
            },
            cari: [&r.nomor, &r.judul, &r.unit]
                .into_iter()
                .chain(&r.dasar_hukum)
                .map(|s| s.to_lowercase())
                .collect::<Vec<_>>()
                .join(" "),
            diperbarui: UpdatedView::record(r),
            penjelasan: Some(r.body.trim().to_string()).filter(|b| !b.is_empty()),
            penjelasan_html: crate::markdown::to_html(&r.body),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SignOffView {
    pub peran: &'static str,
    pub nama: String,
    pub nip: String,
    pub pppk: bool,
    pub jabatan: String,
    pub tanggal: String,
    pub tanggal_iso: String,
    /// The day of the sign-off in the site's time zone (`2025-03-10`), for compact tables.
    pub hari_iso: String,
    /// The SOP step this sign-off closes.
    pub menutup_langkah: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    pub no: u32,
    pub kegiatan: String,
    pub pelaksana: String,
    pub mulai: String,
    pub mulai_iso: String,
    pub selesai: String,
    pub menit: u32,
    pub mutu_baku_menit: u32,
    /// Minutes over the standard; 0 when within it.
    pub lebih_menit: u32,
    pub oleh: Option<String>,
}

/// A decision's consequence test: when, on which sheet, who took part. Internal only.
#[derive(Debug, Clone, Serialize)]
pub struct ConsequenceTestView {
    pub tanggal: String,
    pub nomor_lembar: String,
    pub peserta: Vec<String>,
}

impl From<&Decision> for ConsequenceTestView {
    fn from(d: &Decision) -> Self {
        ConsequenceTestView {
            tanggal: locale::date(d.uji_konsekuensi.tanggal),
            nomor_lembar: d.uji_konsekuensi.nomor_lembar.clone(),
            peserta: d.uji_konsekuensi.peserta.clone(),
        }
    }
}

/// Everything about a record, for the internal archive index.
#[derive(Debug, Clone, Serialize)]
pub struct InternalRecord {
    #[serde(flatten)]
    pub public: PublicRecord,
    pub berkas: String,
    pub sha256: String,
    pub catatan_internal: Option<String>,
    /// The consequence test of the record's decision: internal only.
    pub uji_konsekuensi: Option<ConsequenceTestView>,
    pub pengesahan: Vec<SignOffView>,
    pub langkah: Vec<StepView>,
    pub total_menit: u32,
    pub total_mutu_baku_menit: u32,
    pub langkah_melebihi: usize,
}

impl InternalRecord {
    /// The internal view of a record, around its already rendered public view.
    pub fn new(r: &Record, config: &Config, public: PublicRecord) -> Self {
        let zone = config.zone;
        let pengesahan = Role::ALL
            .iter()
            .map(|role| {
                let s = r.pengesahan.get(*role);
                SignOffView {
                    peran: role.label(),
                    nama: s.nama.clone(),
                    nip: nip::display(&s.nip),
                    pppk: s.pppk,
                    jabatan: s.jabatan.clone(),
                    tanggal: locale::date_time(s.tanggal, zone),
                    tanggal_iso: s.tanggal.to_rfc3339(),
                    hari_iso: s
                        .tanggal
                        .with_timezone(&zone.offset())
                        .date_naive()
                        .to_string(),
                    menutup_langkah: role.closes(config),
                }
            })
            .collect();
        let langkah: Vec<StepView> = r
            .langkah
            .iter()
            .map(|s| {
                let standard = config.sop.step(s.no);
                let mutu = standard.map_or(0, |st| st.mutu_baku_menit);
                StepView {
                    no: s.no,
                    kegiatan: standard.map_or(String::new(), |st| st.kegiatan.clone()),
                    pelaksana: standard.map_or(String::new(), |st| st.pelaksana.clone()),
                    mulai: locale::date_time(s.mulai, zone),
                    mulai_iso: s.mulai.to_rfc3339(),
                    selesai: locale::date_time(s.end(), zone),
                    menit: s.menit,
                    mutu_baku_menit: mutu,
                    lebih_menit: s.menit.saturating_sub(mutu),
                    oleh: s.oleh.clone(),
                }
            })
            .collect();
        InternalRecord {
            public,
            berkas: r.path.clone(),
            sha256: r.sha256.clone(),
            catatan_internal: r.catatan_internal.clone(),
            uji_konsekuensi: r.keputusan.as_deref().map(ConsequenceTestView::from),
            total_menit: r.langkah.iter().map(|s| s.menit).sum(),
            total_mutu_baku_menit: config.sop.total_standard_minutes(),
            langkah_melebihi: langkah.iter().filter(|s| s.lebih_menit > 0).count(),
            pengesahan,
            langkah,
        }
    }
}

/// Mean minutes per SOP step across all records, against the standard.
#[derive(Debug, Clone, Serialize)]
pub struct StepTotal {
    pub no: u32,
    pub kegiatan: String,
    pub pelaksana: String,
    pub mutu_baku_menit: u32,
    /// "27,5": one decimal, Indonesian decimal comma; "–" without records.
    pub rata_rata_menit: String,
    pub melebihi_rata_rata: bool,
    /// Records in which this step went over its standard.
    pub jumlah_melebihi: usize,
}

/// The SOP timing of all records against the standard minutes.
pub struct SopTally {
    pub steps: Vec<StepTotal>,
    /// Steps over their standard minutes, in all records.
    pub steps_over: usize,
    /// Records with at least one step over its standard minutes.
    pub records_over: usize,
}

pub fn sop_tally(records: &[Arc<Record>], config: &Config) -> SopTally {
    let steps = &config.sop.steps;
    // Per configured step: minutes summed, records counted, records over the standard.
    let mut sums = vec![(0u64, 0usize, 0usize); steps.len()];
    let mut records_over = 0;
    for r in records {
        let mut over_here = 0;
        for step in &r.langkah {
            if let Some(i) = steps.iter().position(|st| st.no == step.no) {
                let over = step.menit > steps[i].mutu_baku_menit;
                let (sum, count, overs) = &mut sums[i];
                *sum += u64::from(step.menit);
                *count += 1;
                *overs += usize::from(over);
                over_here += usize::from(over);
            }
        }
        records_over += usize::from(over_here > 0);
    }
    let steps_over = sums.iter().map(|(_, _, over)| over).sum();
    let steps = steps
        .iter()
        .zip(sums)
        .map(|(st, (sum, count, over))| {
            let mean = (count > 0).then(|| sum as f64 / count as f64);
            StepTotal {
                no: st.no,
                kegiatan: st.kegiatan.clone(),
                pelaksana: st.pelaksana.clone(),
                mutu_baku_menit: st.mutu_baku_menit,
                rata_rata_menit: mean.map_or("–".into(), decimal),
                melebihi_rata_rata: mean.is_some_and(|m| m > f64::from(st.mutu_baku_menit)),
                jumlah_melebihi: over,
            }
        })
        .collect();
    SopTally {
        steps,
        steps_over,
        records_over,
    }
}

pub use crate::locale::decimal;

/// A warning (a finding) as listed on the internal index.
#[derive(Debug, Clone, Serialize)]
pub struct NoticeView {
    pub kode: String,
    pub berkas: String,
    pub baris: Option<usize>,
    pub pesan: String,
    /// The page address of the record the warning is about (its internal page is
    /// `<slug>/index.html`); `None` for a warning about another file.
    pub slug: Option<String>,
}

impl NoticeView {
    /// The warning, linked to the record of its file if `slug` names one.
    pub fn new(d: &Diagnostic, slug: Option<&str>) -> Self {
        NoticeView {
            kode: d.code_id(),
            berkas: d.file.clone(),
            baris: d.line,
            pesan: d.message.clone(),
            slug: slug.map(str::to_string),
        }
    }
}

/// The SOP as the internal pages show it: its number, name and header data, its steps,
/// which sign-off closes which step, and the total standard time.
#[derive(Debug, Clone, Serialize)]
pub struct SopView<'a> {
    pub nomor: &'a str,
    pub nama: &'a str,
    pub header: &'a SopHeader,
    pub langkah: &'a [SopStep],
    pub penutup: Closing,
    pub total_mutu_baku: String,
    pub melebihi_mutu_baku: &'static str,
}

impl<'a> SopView<'a> {
    pub fn new(config: &'a Config) -> Self {
        SopView {
            nomor: &config.sop.nomor,
            nama: &config.sop.nama,
            header: &config.sop.header,
            langkah: &config.sop.steps,
            penutup: config.sop.closing,
            total_mutu_baku: locale::minutes(config.sop.total_standard_minutes().into()),
            melebihi_mutu_baku: match config.sop.over_standard {
                Severity::Error => "galat",
                Severity::Warning => "peringatan",
            },
        }
    }
}

pub fn count_status(records: &[Arc<Record>], status: Status) -> usize {
    records.iter().filter(|r| r.status == status).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capacities_and_event_terms_read_in_a_sentence() {
        assert_eq!(
            in_a_sentence("a.n. Gubernur Kalimantan Utara"),
            "atas nama Gubernur Kalimantan Utara"
        );
        assert_eq!(
            in_a_sentence("Plt. Sekretaris Daerah"),
            "Plt. Sekretaris Daerah"
        );
        assert_eq!(
            mid_sentence("Sampai perkara selesai, atau sampai Inspektur menyatakan"),
            "sampai perkara selesai, atau sampai Inspektur menyatakan"
        );
        assert_eq!(
            mid_sentence("KPK menyatakan selesai"),
            "KPK menyatakan selesai"
        );
    }

    #[test]
    fn decimals_use_a_comma() {
        assert_eq!(decimal(27.5), "27,5");
        assert_eq!(decimal(15.0), "15,0");
        assert_eq!(decimal(2.0 / 3.0), "0,7");
    }
}
