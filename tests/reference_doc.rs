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

/// The theme contract in the reference names every template, every variable the code
/// gives a template, every slot, and every field of the views a template sees.
#[test]
fn the_theme_contract_names_every_template_variable_slot_and_field() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let reference = std::fs::read_to_string(root.join("docs/reference.md")).unwrap();
    let section = reference
        .split_once("## Themes")
        .unwrap()
        .1
        .split("\n## ")
        .next()
        .unwrap();
    let named = |name: &str| section.contains(&format!("`{name}`"));
    // Templates of the default theme.
    let templates = root.join("themes/default/templates");
    let mut count = 0;
    for entry in walkdir::WalkDir::new(&templates) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(&templates).unwrap();
            let rel = rel.to_string_lossy().replace('\\', "/");
            assert!(named(&rel), "template {rel} is not in the theme contract");
            count += 1;
        }
    }
    assert!(count >= 18, "{count} templates");
    // Variables: every `ctx.insert("…"` and every slot variable of the render code.
    let mut variables = 0;
    for file in [
        "src/render/assemble.rs",
        "src/render/fragments.rs",
        "src/render/register.rs",
    ] {
        let code = std::fs::read_to_string(root.join(file)).unwrap();
        for part in code.split("ctx.insert(\"").skip(1) {
            let name = part.split('"').next().unwrap();
            assert!(
                named(name),
                "variable {name} ({file}) is not in the theme contract"
            );
            variables += 1;
        }
        for part in code.split("with(&self.").skip(1) {
            if let Some(name) = part.split('"').nth(1) {
                assert!(
                    named(name),
                    "variable {name} ({file}) is not in the theme contract"
                );
            }
        }
        for part in code.split("(\"").skip(1) {
            // Slot tuples: ("baris", "lampiran", rows)
            let mut fields = part.split('"');
            let (Some(variable), Some(", "), Some(_), Some(rest)) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            if rest.starts_with(", ") && !rest.starts_with(", \"") {
                assert!(
                    named(variable),
                    "slot {variable} is not in the theme contract"
                );
            }
        }
    }
    assert!(variables >= 15, "{variables} variables");
    // Fields of the views, as the sample serialises them.
    let dates = daftar::site::DateSource::from_env(Some(
        chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
    ));
    let (site, _) = daftar::site::load(root, &dates);
    let site = site.unwrap();
    let mut fields = std::collections::BTreeSet::new();
    fn keys(v: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    out.insert(k.clone());
                    keys(x, out);
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| keys(x, out)),
            _ => {}
        }
    }
    keys(
        &serde_json::to_value(daftar::view::SiteView::new(&site)).unwrap(),
        &mut fields,
    );
    for r in &site.records {
        let public = daftar::view::PublicRecord::new(r, &site.config);
        keys(&serde_json::to_value(&public).unwrap(), &mut fields);
        let internal = daftar::view::InternalRecord::new(r, &site.config, public);
        keys(&serde_json::to_value(&internal).unwrap(), &mut fields);
    }
    fields.remove("public");
    assert!(fields.len() > 60, "{} fields", fields.len());
    let missing: Vec<_> = fields.iter().filter(|f| !named(f)).collect();
    assert!(
        missing.is_empty(),
        "fields not in the theme contract: {missing:?}"
    );
}
