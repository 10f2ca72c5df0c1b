//! The reference (`docs/reference.md`) says what daftar does: it lists every diagnostic code,
//! and its example diagnostic is what `check` prints.

mod common;

use daftar::code::Code;

#[test]
fn the_reference_lists_every_diagnostic_code() {
    let reference =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/reference.md")).unwrap();
    for code in Code::ALL {
        let n = code.number();
        let listed = [
            format!("| E{n:04} |"),
            format!("| W{n:04} |"),
            format!("| W{n:04} / E{n:04} |"),
        ]
        .iter()
        .any(|row| reference.contains(row.as_str()));
        assert!(
            listed,
            "docs/reference.md does not list code {n:04} ({code:?})"
        );
    }
}

/// The reference's example of a diagnostic is what `check` prints for that mistake: the
/// NIP of its example put into the sample record it names gives that text, verbatim.
#[test]
fn the_reference_diagnostic_example_is_what_check_prints() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let reference = std::fs::read_to_string(root.join("docs/reference.md")).unwrap();
    let after = reference
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
        "reference:\n{example}\ncheck:\n{stderr}"
    );
    // And that mistake alone: the example's NIP is wrong in one way only.
    assert_eq!(stderr.matches("galat[").count(), 1, "{stderr}");
}

/// The README stays short and points to the documents that hold the rest: every local
/// link in it names a file of the repository.
#[test]
fn the_readme_links_to_files_that_exist() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let mut links = 0;
    for part in readme.split("](").skip(1) {
        let target = part.split(')').next().unwrap();
        if target.starts_with("http") {
            continue;
        }
        let file = target.split('#').next().unwrap();
        assert!(root.join(file).is_file(), "README links to {target}");
        links += 1;
    }
    for doc in [
        "docs/panduan.md",
        "docs/reference.md",
        "docs/development.md",
    ] {
        assert!(readme.contains(&format!("]({doc})")), "README lacks {doc}");
    }
    assert!(links >= 4, "{links} links");
    assert!(
        readme.lines().count() < 120,
        "the README is a page, not a manual"
    );
}
