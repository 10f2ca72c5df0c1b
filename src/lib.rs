//! daftar: publishes an Indonesian public body's register of exempted information
//! (Daftar Informasi Publik yang Dikecualikan, UU 14/2008) as a static site.
//!
//! Data flows one way: configuration → source files → front matter (with byte offsets)
//! → records (typed, validated) → site (cross-record checks) → views (public, internal)
//! → renderers → files in memory → output folders (swapped in atomically).

// A `Diagnostic` is the error value of cold paths (a bad template, a failed write);
// boxing it everywhere would add noise for no measurable gain.
#![allow(clippy::result_large_err)]

pub mod archive;
pub mod cli;
pub mod code;
pub mod compliance;
pub mod config;
pub mod decision;
pub mod diagnostic;
pub mod frontmatter;
pub mod locale;
pub mod markdown;
pub mod os_error;
pub mod print;
pub mod progress;
pub mod record;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod site;
pub mod sop;
pub mod source;
pub mod toml_reader;
pub mod toml_syntax;
pub mod ui;
pub mod usage;
pub mod version;
pub mod version_view;
pub mod view;
pub mod write;
