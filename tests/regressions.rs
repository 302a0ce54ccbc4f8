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

const LOCATIONS: &str =
    "id\tkind\tname_en\tname_ar\taliases\tparent\tlat\tlon\tpcode\tgeonames\twikidata\tflags\tprovenance";

/// A parent chain thousands of records deep (a hostile or generated user file) made
/// loading quadratic twice over: the cycle check scanned a list per step, and the
/// extractor walked every location's chain to its governorate from scratch (20,000
/// levels: 8 s to build in release). Both are linear now; this checks the result on
/// such a chain, whose size would make the old code take minutes in debug builds.
#[test]
fn deep_parent_chain_loads_and_resolves_governorates() {
    let n = 20_000;
    let mut text = String::from(LOCATIONS);
    text.push_str("\ng\tgovernorate\tG\tمحافظة التجربة\t\t\t\t\t\t\t\t\tt");
    for i in 0..n {
        let parent = if i == 0 {
            "g".to_string()
        } else {
            format!("l{}", i - 1)
        };
        text.push_str(&format!(
            "\nl{i}\tvillage\tL{i}\tقرية{i}\t\t{parent}\t\t\t\t\t\t\tt"
        ));
    }
    let ex = Extractor::builder()
        .builtin(false)
        .add_str("deep.tsv", text)
        .build()
        .unwrap();
    let deepest = format!("l{}", n - 1);
    assert_eq!(ex.gazetteer().ancestors(&deepest).count(), n);
    let doc = ex.extract(&format!("في قرية{} اليوم", n - 1));
    assert_eq!(doc.entities.len(), 1);
    assert_eq!(&*doc.entities[0].id, deepest);
    assert_eq!(doc.entities[0].admin1.as_deref(), Some("g"));
}

/// A parent cycle at the end of a long chain is still found, and named by the record
/// whose chain was being walked.
#[test]
fn cycle_at_the_end_of_a_long_chain() {
    let n = 5_000;
    let mut text = String::from(LOCATIONS);
    for i in 0..n {
        let parent = format!("l{}", (i + 1) % n);
        text.push_str(&format!(
            "\nl{i}\tvillage\tL{i}\tقرية{i}\t\t{parent}\t\t\t\t\t\t\tt"
        ));
    }
    let err = Extractor::builder()
        .builtin(false)
        .add_str("ring.tsv", text)
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "ring.tsv:2: parent chain of \"l0\" forms a cycle"
    );
}

/// Twelve words of the built-in word lists were written with hamza on ya (ئ) or alef
/// maqsura (ى), which normalization folds, so they could never match. One phrase per
/// list they sat in.
#[test]
fn words_written_with_folded_letters_match() {
    use syria_extract::time::{MonthPart, TimeDirection};
    let ex = Extractor::default();
    let count = |text: &str| {
        let doc = ex.extract(text);
        doc.events
            .iter()
            .find_map(|e| e.fatality_count.as_ref().map(|c| (c.value, c.at_least)))
    };
    assert_eq!(count("قتل مئة مدني في القصف"), Some((100, false)));
    assert_eq!(count("مقتل مئات المدنيين في القصف"), Some((200, true)));
    assert_eq!(count("مقتل سائق بقصف على الطريق"), Some((1, false)));

    let doc = ex.extract("وصلت التعزيزات في أوائل أيار");
    let t = &doc.times[0];
    assert_eq!(t.text, "أوائل أيار");
    assert_eq!(t.value.part, Some(MonthPart::Early));

    let doc = ex.extract("قصفت قوات النظام المدينة الشهر الفائت");
    let t = &doc.times[0];
    assert_eq!(t.text, "الشهر الفائت");
    let shift = t.value.shift.unwrap();
    assert_eq!(shift.direction, TimeDirection::Past);
}
