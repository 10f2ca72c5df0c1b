//! Errors of the operating system said in Bahasa Indonesia. The standard library words
//! them in English ("Permission denied (os error 13)"); an officer reads why a file could
//! not be read or written in the language of every other message.

use std::io;

/// Why an operation on a file or folder failed.
pub fn reason(e: &io::Error) -> String {
    use io::ErrorKind as K;
    let said = match e.kind() {
        K::NotFound => "tidak ditemukan",
        K::PermissionDenied => "akses ditolak",
        K::AlreadyExists => "sudah ada",
        K::StorageFull => "ruang disk penuh",
        K::QuotaExceeded => "kuota disk habis",
        K::ReadOnlyFilesystem => "sistem berkas hanya-baca",
        K::NotADirectory => "bukan folder",
        K::IsADirectory => "folder, bukan berkas",
        K::DirectoryNotEmpty => "folder itu tidak kosong",
        K::FileTooLarge => "berkas terlalu besar",
        K::InvalidFilename => "nama berkas tidak sah",
        K::InvalidData | K::InvalidInput => "isinya tidak dapat dibaca",
        K::ResourceBusy | K::WouldBlock => "sedang dipakai program lain",
        K::Interrupted => "terputus",
        K::TimedOut => "waktu habis",
        K::OutOfMemory => "memori tidak cukup",
        K::CrossesDevices => "ada di disk lain",
        K::TooManyLinks => "terlalu banyak tautan",
        K::StaleNetworkFileHandle | K::NetworkDown | K::NetworkUnreachable => {
            "folder jaringan tidak dapat dijangkau"
        }
        K::AddrInUse => "alamat atau port sudah dipakai",
        K::AddrNotAvailable => "alamat tidak tersedia di komputer ini",
        K::Unsupported => "tidak didukung sistem operasi ini",
        K::UnexpectedEof => "berkas berakhir sebelum waktunya",
        _ => {
            return match e.raw_os_error() {
                Some(code) => format!("kesalahan sistem operasi (kode {code})"),
                None => "kesalahan sistem operasi".to_string(),
            };
        }
    };
    said.to_string()
}

/// Why a JSON file that daftar wrote itself (a journal, a version's description) could
/// not be read back: where it is broken (serde's own words would be English).
pub fn json_reason(e: &serde_json::Error) -> String {
    format!("isinya rusak di baris {} kolom {}", e.line(), e.column())
}

/// Why a folder walk failed (a loop of links, or an error of the system).
pub fn walk_reason(e: &walkdir::Error) -> String {
    match e.io_error() {
        Some(io) => reason(io),
        None if e.loop_ancestor().is_some() => "tautan simbolik berputar".to_string(),
        None => "tidak dapat dibaca".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_the_common_errors_in_indonesian() {
        let e = |k| io::Error::from(k);
        assert_eq!(reason(&e(io::ErrorKind::NotFound)), "tidak ditemukan");
        assert_eq!(reason(&e(io::ErrorKind::PermissionDenied)), "akses ditolak");
        assert_eq!(reason(&e(io::ErrorKind::StorageFull)), "ruang disk penuh");
        // The system's own code, never its English words.
        assert_eq!(
            reason(&io::Error::from_raw_os_error(71)),
            "kesalahan sistem operasi (kode 71)"
        );
        assert_eq!(
            reason(&io::Error::other("boom")),
            "kesalahan sistem operasi"
        );
    }
}
