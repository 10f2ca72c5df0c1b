//! Indonesian time zones and the way dates and times are written on the pages.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};

/// The three legal time zones of Indonesia (Keppres 41/1987). None observes daylight
/// saving, so each is a fixed offset; the contract allows only these three.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// Waktu Indonesia Barat, UTC+07:00.
    Wib,
    /// Waktu Indonesia Tengah, UTC+08:00 (Kalimantan Utara).
    Wita,
    /// Waktu Indonesia Timur, UTC+09:00.
    Wit,
}

impl Zone {
    pub const NAMES: [&'static str; 3] = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"];

    pub fn from_iana(name: &str) -> Option<Zone> {
        match name {
            "Asia/Jakarta" => Some(Zone::Wib),
            "Asia/Makassar" => Some(Zone::Wita),
            "Asia/Jayapura" => Some(Zone::Wit),
            _ => None,
        }
    }

    pub fn iana(self) -> &'static str {
        match self {
            Zone::Wib => "Asia/Jakarta",
            Zone::Wita => "Asia/Makassar",
            Zone::Wit => "Asia/Jayapura",
        }
    }

    pub fn abbreviation(self) -> &'static str {
        match self {
            Zone::Wib => "WIB",
            Zone::Wita => "WITA",
            Zone::Wit => "WIT",
        }
    }

    pub fn offset(self) -> FixedOffset {
        let hours = match self {
            Zone::Wib => 7,
            Zone::Wita => 8,
            Zone::Wit => 9,
        };
        FixedOffset::east_opt(hours * 3600).expect("offset within a day")
    }
}

const MONTHS: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// "7 Maret 2025": no leading zero, no comma.
pub fn date(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// "14.30 WITA", in the site's zone.
pub fn time(t: DateTime<FixedOffset>, zone: Zone) -> String {
    let local = t.with_timezone(&zone.offset());
    format!(
        "{:02}.{:02} {}",
        local.hour(),
        local.minute(),
        zone.abbreviation()
    )
}

/// "10 Maret 2025 pukul 14.30 WITA", in the site's zone.
pub fn date_time(t: DateTime<FixedOffset>, zone: Zone) -> String {
    let local = t.with_timezone(&zone.offset());
    format!("{} pukul {}", date(local.date_naive()), time(t, zone))
}

/// One decimal with a comma: 27.5 → "27,5".
pub fn decimal(x: f64) -> String {
    format!("{x:.1}").replace('.', ",")
}

/// Minutes as officers say them: "45 menit", "3 jam 20 menit".
pub fn minutes(total: i64) -> String {
    let (h, m) = (total / 60, total % 60);
    match (h, m) {
        (0, m) => format!("{m} menit"),
        (h, 0) => format!("{h} jam"),
        (h, m) => format!("{h} jam {m} menit"),
    }
}

/// A count as Indonesian writes it, thousands apart with a full stop: "10.000".
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_group_thousands_with_a_full_stop() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1001), "1.001");
        assert_eq!(count(100000), "100.000");
        assert_eq!(count(1234567), "1.234.567");
    }

    #[test]
    fn dates_read_the_indonesian_way() {
        let d = NaiveDate::from_ymd_opt(2025, 3, 7).unwrap();
        assert_eq!(date(d), "7 Maret 2025");
        let d = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        assert_eq!(date(d), "25 November 2026");
    }

    #[test]
    fn times_are_shown_in_the_site_zone() {
        let t = DateTime::parse_from_rfc3339("2025-03-10T06:30:00+07:00").unwrap();
        assert_eq!(time(t, Zone::Wita), "07.30 WITA");
        assert_eq!(time(t, Zone::Wib), "06.30 WIB");
        let late = DateTime::parse_from_rfc3339("2025-03-10T23:30:00+07:00").unwrap();
        assert_eq!(date_time(late, Zone::Wit), "11 Maret 2025 pukul 01.30 WIT");
    }

    #[test]
    fn zones_are_fixed_offsets() {
        assert_eq!(Zone::from_iana("Asia/Makassar"), Some(Zone::Wita));
        assert_eq!(Zone::Wita.offset().local_minus_utc(), 8 * 3600);
        assert_eq!(Zone::from_iana("Asia/Pontianak"), None);
    }

    #[test]
    fn minutes_read_as_hours_and_minutes() {
        assert_eq!(minutes(45), "45 menit");
        assert_eq!(minutes(120), "2 jam");
        assert_eq!(minutes(200), "3 jam 20 menit");
    }
}
