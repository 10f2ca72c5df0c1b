//! Property tests of the front-matter splitter: it never panics, its spans stay inside
//! the text on character boundaries, and a well-formed file splits back into its parts.

use daftar::frontmatter::{SplitError, split};
use proptest::prelude::*;

const BOM: char = '\u{feff}';

fn in_text(text: &str, r: &std::ops::Range<usize>) -> bool {
    r.start <= r.end
        && r.end <= text.len()
        && text.is_char_boundary(r.start)
        && text.is_char_boundary(r.end)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics_and_spans_stay_inside(text in "(\u{feff})?(\\+\\+\\+|[+ \t\r\n]|[a-zé= \"]){0,80}") {
        match split(&text) {
            Ok(fm) => {
                prop_assert!(in_text(&text, &fm.open));
                prop_assert!(in_text(&text, &fm.toml));
                prop_assert!(in_text(&text, &fm.body));
                prop_assert!(fm.open.end <= fm.toml.start && fm.toml.end <= fm.body.start);
                prop_assert_eq!(fm.body.end, text.len());
            }
            Err(SplitError::NoOpening(r) | SplitError::Unclosed(r)) => prop_assert!(in_text(&text, &r)),
            Err(SplitError::Empty) => {
                let rest = text.strip_prefix(BOM).unwrap_or(&text);
                prop_assert!(rest.trim().is_empty());
            }
        }
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        let _ = split(&text);
    }

    #[test]
    fn round_trips_well_formed_files(
        bom in any::<bool>(),
        crlf in any::<bool>(),
        toml in "([a-z_]{1,8} = \"[^\"\\\\\r\n+]{0,20}\"\n){0,6}",
        body in "[^\u{feff}]{0,60}",
    ) {
        let nl = if crlf { "\r\n" } else { "\n" };
        let toml = toml.replace('\n', nl);
        let text = format!("{}+++{nl}{toml}+++{nl}{body}", if bom { "\u{feff}" } else { "" });
        let fm = split(&text).expect("well-formed file splits");
        prop_assert_eq!(&text[fm.toml], toml.as_str());
        prop_assert_eq!(&text[fm.body], body.as_str());
    }
}
