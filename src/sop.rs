//! The SOP every record is documented under: its steps with their standard times, and
//! which step each sign-off closes. The default is SOP 07/SOP-PPID/DISKOMINFO.1/2017 of
//! the Dinas Komunikasi dan Informatika of Kalimantan Utara (see `shared/seed/`).

use serde::Serialize;

use crate::diagnostic::Severity;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SopStep {
    pub no: u32,
    pub kegiatan: String,
    pub pelaksana: String,
    pub mutu_baku_menit: u32,
    pub kelengkapan: String,
    pub output: String,
}

/// The step each role's sign-off closes, and the publication step.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Closing {
    pub petugas_ppid: u32,
    pub ppid_utama: u32,
    pub atasan_ppid: u32,
    pub publikasi: u32,
}

/// The SOP's header data, shown on the internal SOP page.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, Default)]
pub struct SopHeader {
    pub instansi: Vec<String>,
    pub tanggal_pembuatan: String,
    pub tanggal_revisi: String,
    pub tanggal_pengesahan: String,
    pub disahkan_oleh: String,
    pub dasar_hukum: Vec<String>,
    pub kualifikasi: Vec<String>,
    pub peralatan: Vec<String>,
    pub pencatatan: String,
    pub keterangan: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sop {
    pub nomor: String,
    pub nama: String,
    /// Severity of a step over its standard time.
    pub over_standard: Severity,
    pub closing: Closing,
    pub steps: Vec<SopStep>,
    pub header: SopHeader,
}

impl Sop {
    pub fn step(&self, no: u32) -> Option<&SopStep> {
        self.steps.iter().find(|s| s.no == no)
    }

    pub fn total_standard_minutes(&self) -> u32 {
        self.steps.iter().map(|s| s.mutu_baku_menit).sum()
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// The default SOP, transcribed from the seed. Its approving official is named by
/// position only: the repository holds no real person's name or NIP.
pub fn default_sop() -> Sop {
    let step =
        |no, kegiatan: &str, pelaksana: &str, menit, kelengkapan: &str, output: &str| SopStep {
            no,
            kegiatan: kegiatan.into(),
            pelaksana: pelaksana.into(),
            mutu_baku_menit: menit,
            kelengkapan: kelengkapan.into(),
            output: output.into(),
        };
    Sop {
        nomor: "07/SOP-PPID/DISKOMINFO.1/2017".into(),
        nama: "Pendokumentasian Informasi yang Dikecualikan".into(),
        over_standard: Severity::Warning,
        closing: Closing {
            petugas_ppid: 5,
            ppid_utama: 6,
            atasan_ppid: 7,
            publikasi: 8,
        },
        steps: vec![
            step(
                1,
                "Melakukan identifikasi terkait informasi yang akan didokumentasikan",
                "Petugas PPID",
                30,
                "Informasi Publik",
                "Informasi Publik",
            ),
            step(
                2,
                "Melakukan koordinasi dengan PPID Utama dalam menghimpun serta mendokumentasikan data untuk informasi publik",
                "Petugas PPID",
                15,
                "Informasi Publik",
                "Informasi Publik",
            ),
            step(
                3,
                "Mempersiapkan peralatan yang akan digunakan dalam melakukan pendokumentasian informasi",
                "Petugas PPID",
                30,
                "PC",
                "",
            ),
            step(
                4,
                "Mengumpulkan data dan informasi yang dibutuhkan dari berbagai sumber dalam mendokumentasikan informasi publik",
                "Petugas PPID",
                40,
                "PC",
                "",
            ),
            step(
                5,
                "Mengolah dan menyusun data hasil informasi yang telah didokumentasikan dalam bentuk softfile",
                "Petugas PPID",
                40,
                "PC",
                "Informasi Publik",
            ),
            step(
                6,
                "Melaporkan kepada PPID Utama atas hasil informasi yang telah didokumentasikan untuk memperoleh perbaikan dan koreksi",
                "PPID Utama",
                15,
                "Informasi Publik yang Dikecualikan",
                "Informasi Publik yang Dikecualikan",
            ),
            step(
                7,
                "Menyampaikan kepada Atasan PPID (Pimpinan Badan Publik) hasil informasi yang telah didokumentasikan untuk memperoleh perbaikan dan koreksi",
                "Atasan PPID",
                15,
                "Informasi Publik yang Dikecualikan",
                "Informasi Publik yang Dikecualikan",
            ),
            step(
                8,
                "Hasil koreksi dokumen informasi dari Atasan PPID diserahkan kepada ketua PPID Utama/Petugas PPID untuk dipublikasikan di website dan disimpan sebagai arsip",
                "PPID Utama",
                15,
                "PC dan Daftar Informasi Publik yang Dikecualikan",
                "",
            ),
        ],
        header: SopHeader {
            instansi: strings(&[
                "Pemerintah Provinsi Kalimantan Utara",
                "Dinas Komunikasi dan Informatika",
                "Bidang Komunikasi dan Informatika",
            ]),
            tanggal_pembuatan: "Juli 2017".into(),
            tanggal_revisi: String::new(),
            tanggal_pengesahan: "Oktober 2017".into(),
            disahkan_oleh: "Kepala Dinas Komunikasi dan Informatika".into(),
            dasar_hukum: strings(&[
                "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
                "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
                "Peraturan Pemerintah Nomor 61 Tahun 2010 tentang Pelaksanaan Undang-Undang Nomor 14 Tahun 2008",
                "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 35 Tahun 2012 tentang Pedoman Standar Operasional Prosedur Administrasi Pemerintahan",
                "Peraturan Komisi Informasi Nomor 1 Tahun 2010 tentang Standar Layanan Informasi Publik (kini digantikan Peraturan Komisi Informasi Nomor 1 Tahun 2021)",
                "Peraturan Gubernur Nomor 2 Tahun 2016 tentang Pedoman Pengelolaan Informasi dan Dokumentasi di lingkungan Provinsi Kalimantan Utara",
            ]),
            kualifikasi: strings(&[
                "Memiliki pengetahuan tentang peraturan perundang-undangan di bidang standar layanan informasi publik dan pelayanan informasi publik",
                "Petugas Front Office",
                "Mampu berkomunikasi dengan baik, secara lisan maupun tulisan",
                "Mampu berkoordinasi dengan pihak lain dengan efektif dan efisien",
                "Bidang Pelayanan dan Dokumentasi Informasi PPID Pembantu atau Petugas PPID",
            ]),
            peralatan: strings(&[
                "Lembar Kerja dan Rencana Kerja",
                "Komputer",
                "Printer",
                "Alat Tulis Kantor",
                "Jaringan Internet",
            ]),
            pencatatan: "Disimpan dalam bentuk data manual dan data elektronik".into(),
            keterangan: strings(&[
                "Tabel SOP dalam salinan sumber kehilangan tanda centang pelaksana; pelaksana setiap langkah dibaca dari bunyi langkahnya.",
            ]),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_sop_matches_the_seed() {
        let sop = default_sop();
        assert_eq!(sop.steps.len(), 8);
        assert_eq!(sop.total_standard_minutes(), 200);
        let minutes: Vec<u32> = sop.steps.iter().map(|s| s.mutu_baku_menit).collect();
        assert_eq!(minutes, [30, 15, 30, 40, 40, 15, 15, 15]);
        assert_eq!(sop.closing.atasan_ppid, 7);
    }
}
