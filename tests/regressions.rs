//! Bugs found by fuzzing, property tests and review, one test each, with the input
//! that showed them.

use syria_extract::Extractor;

const ACTORS: &str =
    "id\tkind\tname_en\tname_ar\taliases\taffiliation\tcountry\tacled_name\tflags\tprovenance";

fn actors(rows: &[&str]) -> Extractor {
    let text = std::iter::once(ACTORS)
        .chain(rows.iter().copied())
        .collect::<Vec<_>>()
        .join("\n");
    Extractor::builder()
        .builtin(false)
        .add_str("a.tsv", text)
        .build()
        .unwrap()
}

/// U+FDFA "ﷺ" normalizes to four words (صلى الله عليه وسلم). Two names inside it were
/// reported as two entities with the same original span, breaking "mentions do not
/// overlap". The first keeps the character.
#[test]
fn one_character_expanding_to_several_names_gives_one_mention() {
    let ex = actors(&[
        "a\tmilitia\tA\tعليه\t\t\t\t\t\tt",
        "b\tmilitia\tB\tسلم\t\t\t\t\t\tt",
    ]);
    let text = "قال محمد ﷺ اليوم وسلم";
    let got: Vec<(String, &str)> = ex
        .extract(text)
        .entities
        .iter()
        .map(|e| (e.id.to_string(), &text[e.start..e.end]))
        .collect();
    assert_eq!(got, [("a".to_string(), "ﷺ"), ("b".to_string(), "سلم")]);
}
