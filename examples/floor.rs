//! The floor under a full build: how much processor time the step every record must pass
//! through takes by itself, rendering its HTML (its views, Markdown and the theme's Tera
//! templates, minified once at load), measured on one core, record by record, as the
//! build does it: `cargo run --release --example floor -- DIR` (a site such as the one
//! `examples/gen.rs` writes; the build date is today, or `SOURCE_DATE_EPOCH`).
//!
//! A build spreads this work over the cores, so no build of DIR on N cores can take
//! less than rendering / N seconds, whatever the rest of it does. For comparison it also
//! measures what minifying every rendered piece again with minify-html would add (what
//! builds did before templates were minified once).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use daftar::render::fragments::Renderer;
use daftar::render::{minify, theme};
use daftar::site::{self, DateSource};

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).expect("usage: floor DIR"));
    let dates = DateSource::from_env(None);
    let (site, report) = site::load(&dir, &dates);
    let site = site.unwrap_or_else(|| {
        panic!(
            "{} cannot be loaded: {:?}",
            dir.display(),
            report.diagnostics
        )
    });
    let theme = theme::load(&dir, &site.config.tema).expect("the site's theme loads");
    let renderer = Renderer::new(&site, &theme, &report.diagnostics, &[]);

    let mut render = Duration::ZERO;
    let mut minifying = Duration::ZERO;
    let (mut html_bytes, mut minified_bytes) = (0, 0);
    for record in &site.records {
        let started = Instant::now();
        let (html, _) = renderer.record_html(record).expect("the record renders");
        render += started.elapsed();
        let pieces = [
            Some(&html.page),
            Some(&html.index_row),
            html.ended_row.as_ref(),
            Some(&html.internal_row),
            Some(&html.internal_page),
        ];
        for piece in pieces.into_iter().flatten() {
            let started = Instant::now();
            let out = minify::html(piece);
            minifying += started.elapsed();
            html_bytes += piece.len();
            minified_bytes += out.len();
        }
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mib = |b: usize| b as f64 / (1024.0 * 1024.0);
    println!("records:     {}", site.records.len());
    println!(
        "rendering:   {:.2} s of one core (views, Markdown, Tera)",
        render.as_secs_f64()
    );
    println!(
        "minify-html: {:.2} s of one core if run again ({:.0} MiB of HTML to {:.0} MiB, {:.0} MiB/s)",
        minifying.as_secs_f64(),
        mib(html_bytes),
        mib(minified_bytes),
        mib(html_bytes) / minifying.as_secs_f64()
    );
    println!(
        "floor on {cores} cores: {:.2} s (rendering alone, perfectly shared)",
        render.as_secs_f64() / cores as f64
    );
    println!(
        "minify-html per page would add on {cores} cores: {:.2} s",
        minifying.as_secs_f64() / cores as f64
    );
}
