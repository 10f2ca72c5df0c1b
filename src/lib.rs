//! daftar: publishes an Indonesian public body's register of exempted information
//! (Daftar Informasi Publik yang Dikecualikan, UU 14/2008) as a static site.
//!
//! Data flows one way: configuration → source files → front matter (with byte offsets)
//! → records (typed, validated) → site (cross-record checks) → views (public, internal)
//! → renderers → files in memory → output folders (swapped in atomically).

pub mod cli;
pub mod code;
pub mod config;
pub mod diagnostic;
pub mod frontmatter;
pub mod locale;
pub mod print;
pub mod record;
pub mod render;
pub mod scaffold;
pub mod site;
pub mod sop;
pub mod source;
pub mod toml_reader;
pub mod view;
pub mod write;
