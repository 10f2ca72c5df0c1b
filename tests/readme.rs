//! The README is the first thing a user reads: it must list every diagnostic code.

use daftar::code::Code;

#[test]
fn the_readme_lists_every_diagnostic_code() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for code in Code::ALL {
        let n = code.number();
        let listed = [
            format!("| E{n:04} |"),
            format!("| W{n:04} |"),
            format!("| W{n:04} / E{n:04} |"),
        ]
        .iter()
        .any(|row| readme.contains(row.as_str()));
        assert!(listed, "README does not list code {n:04} ({code:?})");
    }
}
