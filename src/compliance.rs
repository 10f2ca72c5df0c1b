//! The compliance figures an auditor asks for, computed once from the records: the time
//! of each SOP step and of each work unit against the standard (mean, median, worst,
//! how many overran), and the terms that end soon or have ended. The internal index's
//! compliance page shows them as they are; templates compute nothing.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Serialize;

use crate::config::Config;
use crate::locale;
use crate::record::{Record, Status};

/// Terms ending within this many days of the build date are listed as ending soon.
pub const ENDING_WINDOW_DAYS: i64 = 90;

/// Minutes measured against a standard: how many, their mean, median and worst, and how
/// many went over the standard.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stats {
    pub count: usize,
    pub mean: f64,
    pub median: f64,
    pub worst: u32,
    /// Values over the standard.
    pub over: usize,
}

impl Stats {
    /// The figures of `values` against `standard`; `None` without values. Sorts `values`.
    pub fn of(values: &mut [u32], standard: u32) -> Option<Stats> {
        if values.is_empty() {
            return None;
        }
        values.sort_unstable();
        let n = values.len();
        let median = if n % 2 == 1 {
            f64::from(values[n / 2])
        } else {
            (f64::from(values[n / 2 - 1]) + f64::from(values[n / 2])) / 2.0
        };
        let sum: u64 = values.iter().map(|&v| u64::from(v)).sum();
        Some(Stats {
            count: n,
            mean: sum as f64 / n as f64,
            median,
            worst: values[n - 1],
            over: values.iter().filter(|&&v| v > standard).count(),
        })
    }
}

/// [`Stats`] as the page shows them: one decimal with a comma, and whether each figure
/// is over the standard.
#[derive(Debug, Clone, Serialize)]
pub struct StatsView {
    pub mutu_baku_menit: u32,
    /// Values measured (records).
    pub jumlah: usize,
    /// "27,5"; "–" without values.
    pub rata_rata: String,
    pub median: String,
    pub terburuk: Option<u32>,
    pub melebihi: usize,
    pub rata_rata_lebih: bool,
    pub median_lebih: bool,
    pub terburuk_lebih: bool,
}

impl StatsView {
    fn new(values: &mut [u32], standard: u32) -> Self {
        let stats = Stats::of(values, standard);
        let standard_f = f64::from(standard);
        StatsView {
            mutu_baku_menit: standard,
            jumlah: stats.map_or(0, |s| s.count),
            rata_rata: stats.map_or("–".into(), |s| locale::decimal(s.mean)),
            median: stats.map_or("–".into(), |s| locale::decimal(s.median)),
            terburuk: stats.map(|s| s.worst),
            melebihi: stats.map_or(0, |s| s.over),
            rata_rata_lebih: stats.is_some_and(|s| s.mean > standard_f),
            median_lebih: stats.is_some_and(|s| s.median > standard_f),
            terburuk_lebih: stats.is_some_and(|s| s.worst > standard),
        }
    }
}

/// One SOP step across all records.
#[derive(Debug, Clone, Serialize)]
pub struct StepCompliance {
    pub no: u32,
    pub kegiatan: String,
    pub pelaksana: String,
    pub waktu: StatsView,
}

/// One work unit: its records' total SOP minutes against the total standard.
#[derive(Debug, Clone, Serialize)]
pub struct UnitCompliance {
    pub unit: String,
    pub catatan: usize,
    pub total: StatsView,
    /// Records of the unit with at least one step over its standard.
    pub catatan_langkah_melebihi: usize,
}

/// A record whose term ends soon or has ended.
#[derive(Debug, Clone, Serialize)]
pub struct TermItem {
    pub slug: String,
    pub nomor: String,
    pub judul: String,
    pub unit: String,
    pub berlaku_sampai: String,
    pub berlaku_sampai_iso: String,
    /// Days from the build date to the end (ending soon), or since the end (ended).
    pub hari: i64,
}

/// Everything the compliance page shows but the findings (the build's warnings).
#[derive(Debug, Clone, Serialize)]
pub struct Compliance {
    pub jendela_hari: i64,
    pub langkah: Vec<StepCompliance>,
    pub unit: Vec<UnitCompliance>,
    /// Every record's total minutes against the total standard.
    pub total: StatsView,
    /// In force, ending within [`ENDING_WINDOW_DAYS`], soonest first.
    pub segera_berakhir: Vec<TermItem>,
    /// Ended and not recorded as opened, longest ago first.
    pub berakhir: Vec<TermItem>,
}

impl Compliance {
    pub fn new(records: &[Arc<Record>], config: &Config, build_date: NaiveDate) -> Self {
        let steps = &config.sop.steps;
        let standard = config.sop.total_standard_minutes();
        let mut per_step: Vec<Vec<u32>> = vec![Vec::new(); steps.len()];
        // Per unit: total minutes of each record, records with a step over.
        let mut per_unit: BTreeMap<&str, (Vec<u32>, usize)> = BTreeMap::new();
        let mut totals = Vec::with_capacity(records.len());
        let mut soon = Vec::new();
        let mut ended = Vec::new();
        for r in records {
            let mut total = 0;
            let mut step_over = false;
            for step in &r.langkah {
                total += step.menit;
                if let Some(i) = steps.iter().position(|st| st.no == step.no) {
                    per_step[i].push(step.menit);
                    step_over |= step.menit > steps[i].mutu_baku_menit;
                }
            }
            totals.push(total);
            let unit = per_unit.entry(r.unit.as_str()).or_default();
            unit.0.push(total);
            unit.1 += usize::from(step_over);
            if let Some(end) = r.berlaku_sampai {
                let days = (end - build_date).num_days();
                match r.status {
                    Status::Berlaku if days <= ENDING_WINDOW_DAYS => {
                        soon.push(term_item(r, end, days))
                    }
                    Status::Berakhir => ended.push(term_item(r, end, -days)),
                    _ => {}
                }
            }
        }
        soon.sort_by(|a, b| (a.hari, &a.nomor).cmp(&(b.hari, &b.nomor)));
        ended.sort_by(|a, b| (b.hari, &a.nomor).cmp(&(a.hari, &b.nomor)));
        Compliance {
            jendela_hari: ENDING_WINDOW_DAYS,
            langkah: steps
                .iter()
                .zip(&mut per_step)
                .map(|(st, values)| StepCompliance {
                    no: st.no,
                    kegiatan: st.kegiatan.clone(),
                    pelaksana: st.pelaksana.clone(),
                    waktu: StatsView::new(values, st.mutu_baku_menit),
                })
                .collect(),
            unit: per_unit
                .into_iter()
                .map(|(unit, (mut values, step_over))| UnitCompliance {
                    unit: unit.to_string(),
                    catatan: values.len(),
                    total: StatsView::new(&mut values, standard),
                    catatan_langkah_melebihi: step_over,
                })
                .collect(),
            total: StatsView::new(&mut totals, standard),
            segera_berakhir: soon,
            berakhir: ended,
        }
    }
}

fn term_item(r: &Record, end: NaiveDate, days: i64) -> TermItem {
    TermItem {
        slug: r.slug.clone(),
        nomor: r.nomor.clone(),
        judul: r.judul.clone(),
        unit: r.unit.clone(),
        berlaku_sampai: locale::date(end),
        berlaku_sampai_iso: end.to_string(),
        hari: days,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_median_worst_and_overruns_of_an_odd_count() {
        let s = Stats::of(&mut [60, 10, 20], 30).unwrap();
        assert_eq!(s.count, 3);
        assert_eq!(s.mean, 30.0);
        assert_eq!(s.median, 20.0);
        assert_eq!(s.worst, 60);
        assert_eq!(s.over, 1);
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        let s = Stats::of(&mut [40, 10, 31, 20], 30).unwrap();
        assert_eq!(s.median, 25.5);
        assert_eq!(s.mean, 25.25);
        assert_eq!(s.worst, 40);
        assert_eq!(s.over, 2, "31 and 40 are over 30; 30 itself would not be");
    }

    #[test]
    fn a_value_at_the_standard_is_no_overrun_and_no_values_give_no_figures() {
        assert_eq!(Stats::of(&mut [30, 30], 30).unwrap().over, 0);
        assert_eq!(Stats::of(&mut [], 30), None);
        let empty = StatsView::new(&mut [], 30);
        assert_eq!(
            (empty.jumlah, empty.rata_rata.as_str(), empty.terburuk),
            (0, "–", None)
        );
    }

    #[test]
    fn the_view_writes_decimals_with_a_comma_and_marks_figures_over_the_standard() {
        let v = StatsView::new(&mut [15, 16, 50], 15);
        assert_eq!(v.rata_rata, "27,0");
        assert_eq!(v.median, "16,0");
        assert_eq!(v.terburuk, Some(50));
        assert_eq!(v.melebihi, 2);
        assert!(v.rata_rata_lebih && v.median_lebih && v.terburuk_lebih);
        let within = StatsView::new(&mut [10, 15], 15);
        assert!(!within.rata_rata_lebih && !within.median_lebih && !within.terburuk_lebih);
    }
}
