//! The README is the first thing a user reads: it must list every diagnostic code.

mod common;

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

/// The README's example of a diagnostic is what `check` prints for that mistake: the
/// NIP of its example put into the sample record it names gives that text, verbatim.
#[test]
fn the_readme_diagnostic_example_is_what_check_prints() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let after = readme
        .split_once("Human diagnostics go to standard error")
        .unwrap()
        .1;
    let example = after
        .split_once("```text\n")
        .unwrap()
        .1
        .split_once("```")
        .unwrap()
        .0;
    let file = example
        .lines()
        .find_map(|l| l.trim().strip_prefix("--> "))
        .unwrap()
        .split(':')
        .next()
        .unwrap();
    let nip_line = example
        .lines()
        .find_map(|l| l.split_once(" | ").map(|(_, t)| t))
        .unwrap();
    assert!(nip_line.starts_with("nip = "), "{nip_line}");
    let tmp = tempfile::tempdir().unwrap();
    common::copy_site(root, tmp.path(), &["daftar.toml", "content", "keputusan"]);
    // The PPID Utama's NIP (the second one in the file), as the example says.
    let path = tmp.path().join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let second = text.match_indices("\nnip = ").nth(1).unwrap().0 + 1;
    let end = second + text[second..].find('\n').unwrap();
    std::fs::write(
        &path,
        format!("{}{nip_line}{}", &text[..second], &text[end..]),
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_daftar"))
        .args(["check", "--tanggal", "2026-11-25", "--root"])
        .arg(tmp.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(example),
        "README:\n{example}\ncheck:\n{stderr}"
    );
    // And that mistake alone: the example's NIP is wrong in one way only.
    assert_eq!(stderr.matches("galat[").count(), 1, "{stderr}");
}
